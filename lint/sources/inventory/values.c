/*
 * lint/sources/inventory/values.c - the values of the schema: DNS names,
 * address prefixes, GUIDs, endpoints, and the zone file paths an
 * inventory names (confined to its folder, as $INCLUDE paths are).
 */
#include "inventory_int.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sources/zonefile.h"

/* The name t, interned; NULL when it is not a name.  Whitespace and
 * control characters are not allowed unescaped in presentation format. */
const zl_name *inv_intern_text(inv *c, const char *t)
{
	if (!*t)
		return NULL;
	for (const char *p = t; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7F)
			return NULL;
	return zl_model_intern(c->m, t);
}

const zl_name *inv_read_name(inv *c, const yaml_node_t *n, const char *key,
                             bool allow_root)
{
	char q[EXCERPT_BUF];
	const char *t = inv_text_of(c, n, key, "a DNS name");
	const zl_name *name;

	if (!t)
		return NULL;
	name = inv_intern_text(c, t);
	if (!name || (!allow_root && zl_name_labels(name) == 0)) {
		inv_error(c, n, "malformed name '%s' for '%s' in %s", inv_quote(t, q), key,
		          c->label);
		return NULL;
	}
	return name;
}

/* The interned `name` of an entry, for messages, before the entry is read;
 * NULL when it has no usable one (reading the entry reports why). */
const zl_name *inv_peek_name(inv *c, const yaml_node_t *entry)
{
	for (size_t i = 0; i < inv_map_len(entry); i++) {
		const yaml_node_pair_t *p = &entry->data.mapping.pairs.start[i];
		const yaml_node_t *k = inv_node_at(c, p->key), *v = inv_node_at(c, p->value);

		if (k && v && k->type == YAML_SCALAR_NODE &&
		    strcmp((const char *)k->data.scalar.value, "name") == 0)
			return v->type == YAML_SCALAR_NODE && !inv_is_null(v) &&
			       strlen((const char *)v->data.scalar.value) == v->data.scalar.length
			       ? inv_intern_text(c, (const char *)v->data.scalar.value) : NULL;
	}
	return NULL;
}

/* "server dc1.corp." or "server entry" into buf. */
const char *inv_entry_label(char *buf, size_t size, const char *what,
                            const zl_name *name)
{
	char q[EXCERPT_BUF];

	if (name)
		snprintf(buf, size, "%s %s", what, inv_quote(zl_name_text(name), q));
	else
		snprintf(buf, size, "%s entry", what);
	return buf;
}

/* ---- values -------------------------------------------------------------- */

/*
 * "10.0.0.10/24", "fd00::10/64", or an address alone (/24 for IPv4, /64
 * for IPv6: SPEC 2).  On failure, why says what is wrong.
 */
bool inv_parse_prefix(const char *text, zl_prefix *out, char *why, size_t size)
{
	char host[INET6_ADDRSTRLEN + 1], q[EXCERPT_BUF];
	const char *slash = strchr(text, '/');
	size_t len = slash ? (size_t)(slash - text) : strlen(text);
	unsigned max, value = 0;

	memset(out, 0, sizeof *out);
	if (len < sizeof host) {
		memcpy(host, text, len);
		host[len] = '\0';
	}
	if (len < sizeof host && inet_pton(AF_INET, host, out->addr.bytes) == 1) {
		out->addr.family = 4;
		out->length = 24;
		max = 32;
	} else if (len < sizeof host && inet_pton(AF_INET6, host, out->addr.bytes) == 1) {
		out->addr.family = 6;
		out->length = 64;
		max = 128;
	} else {
		snprintf(why, size, "not an IPv4 or IPv6 address");
		return false;
	}
	if (!slash)
		return true;
	for (const char *p = slash + 1; *p && value <= max; p++) {
		if (*p < '0' || *p > '9') {
			value = max + 1;
			break;
		}
		value = value * 10 + (unsigned)(*p - '0');
	}
	if (!slash[1] || value > max) {
		snprintf(why, size, "bad prefix length '/%s': IPv%u allows /0 to /%u",
		         inv_quote(slash + 1, q), (unsigned)out->addr.family, max);
		return false;
	}
	out->length = (uint8_t)value;
	return true;
}

/* 8-4-4-4-12 hexadecimal digits, into out in lower case. */
bool inv_parse_guid(const char *text, char out[37])
{
	if (strlen(text) != 36)
		return false;
	for (size_t i = 0; i < 36; i++) {
		char ch = text[i];
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? ch != '-' : !((ch >= '0' && ch <= '9') ||
		                         (ch >= 'a' && ch <= 'f') ||
		                         (ch >= 'A' && ch <= 'F')))
			return false;
		out[i] = ch >= 'A' && ch <= 'F' ? (char)(ch - 'A' + 'a') : ch;
	}
	out[36] = '\0';
	return true;
}

static bool is_port(const char *p)
{
	unsigned value = 0;

	if (!*p)
		return false;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		value = value * 10 + (unsigned)(*p - '0');
		if (value > 65535)
			return false;
	}
	return value >= 1;
}

/* A host name or IPv4 address: letters, digits, '-', '_' and '.'; all
 * digits and dots must be an IPv4 address. */
static bool is_host(const char *h, size_t len)
{
	char buf[INET_ADDRSTRLEN];
	struct in_addr a4;
	bool numeric = true;

	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++) {
		char ch = h[i];
		bool digit = ch >= '0' && ch <= '9';

		if (!digit && ch != '.' && ch != '-' && ch != '_' &&
		    !(ch >= 'a' && ch <= 'z') && !(ch >= 'A' && ch <= 'Z'))
			return false;
		numeric &= digit || ch == '.';
	}
	if (!numeric)
		return true;
	if (len >= sizeof buf)
		return false;
	memcpy(buf, h, len);
	buf[len] = '\0';
	return inet_pton(AF_INET, buf, &a4) == 1;
}

static bool is_ipv6(const char *h, size_t len)
{
	char buf[INET6_ADDRSTRLEN];
	struct in6_addr a6;

	if (len >= sizeof buf)
		return false;
	memcpy(buf, h, len);
	buf[len] = '\0';
	return inet_pton(AF_INET6, buf, &a6) == 1;
}

/* "host:port", "[v6]:port", "[v6]", a bare IPv6 address or a host alone. */
const char *inv_endpoint_problem(const char *t)
{
	const char *colon = strchr(t, ':');

	if (t[0] == '[') {
		const char *close = strchr(t, ']');

		if (!close || !is_ipv6(t + 1, (size_t)(close - t - 1)))
			return "expected an IPv6 address between '[' and ']'";
		if (close[1] && (close[1] != ':' || !is_port(close + 2)))
			return "the port must be a number from 1 to 65535";
		return NULL;
	}
	if (colon && strchr(colon + 1, ':'))
		return is_ipv6(t, strlen(t)) ? NULL
		       : "not an IPv6 address (write [IPv6]:port to give a port)";
	if (!is_host(t, colon ? (size_t)(colon - t) : strlen(t)))
		return "expected a host name or an IPv4 address";
	if (colon && !is_port(colon + 1))
		return "the port must be a number from 1 to 65535";
	return NULL;
}

/* The inventory's folder joined with rel (absolute paths kept), or NULL. */
static char *join_path(const inv *c, const char *rel)
{
	size_t dir = rel[0] == '/' ? 0 : c->dir_len, len = strlen(rel);
	char *path = malloc(dir + len + 1);

	if (path) {
		memcpy(path, c->file, dir);
		memcpy(path + dir, rel, len + 1);
	}
	return path;
}

/* Why path is not a readable regular file, or NULL when it is one. */
static const char *file_problem(const char *path)
{
	struct stat st;
	int fd;

	/* stat first: opening a device or FIFO may block or have effects */
	if (stat(path, &st) != 0)
		return strerror(errno);
	if (S_ISDIR(st.st_mode))
		return strerror(EISDIR);
	if (!S_ISREG(st.st_mode))
		return "not a regular file";
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return strerror(errno);
	close(fd);
	return NULL;
}

/* Why the zone file path `rel` is refused, or NULL when it stays in the
 * inventory's folder (the $INCLUDE rule, zl_path_confine); *path gets
 * the path as the user opens it. */
static const char *confine_problem(const inv *c, const char *rel, char **path)
{
	char *real;
	const char *why = NULL;

	switch (zl_path_confine(c->file, rel, c->anywhere, path, &real)) {
	case ZL_CONFINE_OK:
	case ZL_CONFINE_ERRNO:          /* file_problem says why */
		break;
	case ZL_CONFINE_ABSOLUTE:
		why = "an absolute path is refused (--include-anywhere allows it)";
		break;
	case ZL_CONFINE_PARENT:
		why = "leaves the folder of the inventory and is refused "
		      "(--include-anywhere allows it)";
		break;
	case ZL_CONFINE_LINK:
		why = "leads outside the folder of the inventory through a symbolic "
		      "link and is refused (--include-anywhere allows it)";
		break;
	case ZL_CONFINE_NOMEM:
		why = strerror(ENOMEM);
		break;
	}
	free(real);
	return why;
}

/* The path of zone file `rel` as the user opens it, when it is readable
 * and stays in the inventory's folder; else NULL (reported at n).  The
 * caller frees it. */
char *inv_read_path(inv *c, const yaml_node_t *n, const char *key)
{
	char q[EXCERPT_BUF];
	const char *rel = inv_text_of(c, n, key, "a file path");
	const char *why;
	char *path = NULL;

	if (!rel)
		return NULL;
	if (c->live) {                  /* not read: neither checked nor confined */
		path = join_path(c, rel);
		why = path ? NULL : strerror(ENOMEM);
	} else {
		why = confine_problem(c, rel, &path);
		if (!why && path)
			why = file_problem(path);
	}
	if (!why)
		return path;
	inv_error(c, n, "zone file %s: %s", inv_quote(path ? path : rel, q), why);
	free(path);
	return NULL;
}
