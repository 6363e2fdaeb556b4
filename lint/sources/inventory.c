/*
 * lint/sources/inventory.c - the YAML inventory (SPEC 2) into the model.
 *
 * Choices where SPEC 2 is silent:
 *  - `storage` defaults to ad-domain, the storage dcpromo gives a domain's
 *    zone.  (A zone with storage `file` and no `hosted_on`, and unknown or
 *    self-naming servers in lists, are reported by zl_model_resolve.)
 *  - `roles` defaults to [dc, dns].  Role, storage, os and severity words
 *    are matched without regard to case; os is stored in its lower-case
 *    spelling when it is a known value.
 *  - The forest root is always a domain: when `domains` does not list it,
 *    it is added first (at the `forest` value).
 *  - An empty value (`key:`, `~`, `null`) where a list or mapping is
 *    expected reads as an empty one (`hosted_on:` is then an explicit empty
 *    host list); for an optional text (os, site, dsa_guid, dns, storage) as
 *    if the key were absent; for a required one (version, forest, name) it
 *    is an error.  A setting with an empty value is "".
 *  - A repeated list entry (an address, a domain, a hosted_on or
 *    replicates_from name) is a warning and read once; a repeated server,
 *    zone, mapping key, views server, rule or setting is an error, and the
 *    first one counts.
 *  - `aging` days are whole numbers from 0 to 100000.
 *  - Only the first YAML document is read; a second one is an error.
 *
 * Robustness: the file is read whole (at most 16 MiB).  A first pass over
 * libyaml's events finds syntax errors and refuses nesting deeper than 64
 * levels; then libyaml's document is walked only as deep as the schema
 * goes, so an alias (even a cyclic one) is read like the node it names
 * (a problem in it is located at the anchored node: libyaml shares it).
 * Aliases can still make one node be read many times over ("billion
 * laughs"), so the walk stops after a fixed number of node visits.
 * At most 1000 problems are recorded; the rest are counted in one more.
 */
#include "inventory.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>
#include <ctype.h>

#include "model_int.h"
#include "zonefile.h"
#include "settings.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

enum {
	INV_MAX_BYTES = 16 << 20,     /* larger is not an inventory */
	INV_MAX_DEPTH = 64,           /* the schema needs 4 */
	INV_MAX_VISITS = 1000000,     /* node visits, aliases included */
	INV_MAX_PROBLEMS = 1000,
	INV_AGING_MAX_DAYS = 100000,
	EXCERPT_MAX = 60,             /* bytes of input quoted in a message */
	EXCERPT_BUF = EXCERPT_MAX + 4,
	LABEL_BUF = EXCERPT_BUF + 32,
	KEYS_MAX = 16,                /* keys of the largest mapping */
	MESSAGE_MAX = 1024,
};

#define INV_DEFAULT_STORAGE ZL_STORAGE_AD_DOMAIN
#define INV_DEFAULT_ROLES (ZL_ROLE_DC | ZL_ROLE_DNS)
#define INV_DEFAULT_AGING_DAYS 7u

/* ---- a set of strings, each with the line it was first seen at -------- */

typedef struct seen_slot {
	char *key;                    /* owned copy; NULL = empty slot */
	uint32_t line;
} seen_slot;

typedef struct seen {
	seen_slot *slots;
	size_t cap;                   /* a power of two, or 0 */
	size_t count;
} seen;

static uint64_t seen_hash(const char *s)
{
	uint64_t h = 14695981039346656037u;    /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static seen_slot *seen_slot_for(seen_slot *slots, size_t cap, const char *key)
{
	size_t i = (size_t)seen_hash(key) & (cap - 1);

	while (slots[i].key && strcmp(slots[i].key, key) != 0)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static bool seen_grow(seen *s)
{
	size_t cap = s->cap ? s->cap * 2 : 16;
	seen_slot *slots = calloc(cap, sizeof *slots);

	if (!slots)
		return false;
	for (size_t i = 0; i < s->cap; i++)
		if (s->slots[i].key)
			*seen_slot_for(slots, cap, s->slots[i].key) = s->slots[i];
	free(s->slots);
	s->slots = slots;
	s->cap = cap;
	return true;
}

/* Adds key: 0 when it is new, else the line it was first seen at.  Out of
 * memory, every key is new (only duplicate detection is lost). */
static uint32_t seen_add(seen *s, const char *key, uint32_t line)
{
	seen_slot *slot;

	if (s->count * 2 >= s->cap && !seen_grow(s))
		return 0;
	slot = seen_slot_for(s->slots, s->cap, key);
	if (slot->key)
		return slot->line;
	slot->key = strdup(key);
	if (!slot->key)
		return 0;
	slot->line = line;
	s->count++;
	return 0;
}

static void seen_free(seen *s)
{
	for (size_t i = 0; i < s->cap; i++)
		free(s->slots[i].key);
	free(s->slots);
	memset(s, 0, sizeof *s);
}

/* ---- the loader's state ------------------------------------------------- */

typedef struct inv {
	zl_model *m;
	yaml_document_t *doc;         /* while the document is walked */
	const char *file;             /* the inventory path, in the model */
	size_t dir_len;               /* its folder part, '/' included */
	const char *label;            /* what is being read: "server dc1.corp." */
	const zl_name *zone;          /* the entry being read, for problems */
	const zl_name *server;
	seen zones;                   /* zone names read so far */
	size_t visits;
	bool exhausted;               /* visit budget spent: stop reading */
	unsigned reported;
	unsigned dropped;             /* problems over INV_MAX_PROBLEMS */
	bool dropped_error;
	bool live;                    /* --live: zone files are not read, nor checked */
	bool anywhere;                /* --include-anywhere: paths may leave the folder */
} inv;

/* ---- locations and messages --------------------------------------------- */

static uint32_t clamp32(size_t v)
{
	return v >= UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

/* libyaml marks are 0-based; locations are 1-based. */
static zl_location mark_loc(const inv *c, yaml_mark_t k)
{
	zl_location l = { c->file, clamp32(k.line + 1), clamp32(k.column + 1) };

	return l;
}

static zl_location node_loc(const inv *c, const yaml_node_t *n)
{
	return mark_loc(c, n->start_mark);
}

static uint32_t node_line(const yaml_node_t *n)
{
	return clamp32(n->start_mark.line + 1);
}

static zl_location top_loc(const inv *c)
{
	zl_location l = { c->file, 1, 1 };

	return l;
}

/* At most EXCERPT_MAX bytes of s (never half a UTF-8 character), control
 * characters replaced by '?', "..." when cut. */
static const char *excerpt(const char *s, size_t len, char buf[EXCERPT_BUF])
{
	size_t n = len > EXCERPT_MAX ? EXCERPT_MAX : len;

	if (n < len)
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		buf[i] = ch < 0x20 || ch == 0x7F ? '?' : (char)ch;
	}
	strcpy(buf + n, n < len ? "..." : "");
	return buf;
}

static const char *quote(const char *s, char buf[EXCERPT_BUF])
{
	return excerpt(s, strlen(s), buf);
}

static const char *quote_node(const yaml_node_t *n, char buf[EXCERPT_BUF])
{
	return excerpt((const char *)n->data.scalar.value, n->data.scalar.length, buf);
}

static void report_v(inv *c, zl_location where, zl_severity sev,
                     const char *fmt, va_list ap)
{
	char msg[MESSAGE_MAX];

	if (c->reported >= INV_MAX_PROBLEMS) {
		c->dropped++;
		c->dropped_error |= sev == ZL_SEVERITY_ERROR;
		return;
	}
	c->reported++;
	vsnprintf(msg, sizeof msg, fmt, ap);
	zl_model_problem_add(c->m, ZL_SOURCE_INVENTORY, sev, sev == ZL_SEVERITY_ERROR,
	                     where, c->zone, c->server, "%s", msg);
}

static void error_at(inv *c, zl_location where, const char *fmt, ...)
	ZL_PRINTF(3, 4);
static void error_at(inv *c, zl_location where, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_v(c, where, ZL_SEVERITY_ERROR, fmt, ap);
	va_end(ap);
}

static void error(inv *c, const yaml_node_t *at, const char *fmt, ...)
	ZL_PRINTF(3, 4);
static void error(inv *c, const yaml_node_t *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_v(c, node_loc(c, at), ZL_SEVERITY_ERROR, fmt, ap);
	va_end(ap);
}

static void warning(inv *c, const yaml_node_t *at, const char *fmt, ...)
	ZL_PRINTF(3, 4);
static void warning(inv *c, const yaml_node_t *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_v(c, node_loc(c, at), ZL_SEVERITY_WARNING, fmt, ap);
	va_end(ap);
}

/* A copy of s in the model's arena (setters keep the pointer they get);
 * NULL when memory runs out. */
static const char *keep(inv *c, const char *s)
{
	return zl_model_strdup(c->m, s);
}

/* ---- words: the values of enumerated keys ------------------------------- */

typedef struct word {
	const char *text;
	unsigned value;
} word;

static const word role_words[] = {
	{ "dc", ZL_ROLE_DC }, { "dns", ZL_ROLE_DNS }, { "gc", ZL_ROLE_GC },
	{ "pdc", ZL_ROLE_PDC }, { "rodc", ZL_ROLE_RODC },
};

static const word storage_words[] = {
	{ "ad-forest", ZL_STORAGE_AD_FOREST },
	{ "ad-domain", ZL_STORAGE_AD_DOMAIN },
	{ "ad-legacy", ZL_STORAGE_AD_LEGACY },
	{ "file", ZL_STORAGE_FILE },
};

static const word severity_words[] = {
	{ "off", ZL_SEVERITY_OFF }, { "info", ZL_SEVERITY_INFO },
	{ "warning", ZL_SEVERITY_WARNING }, { "error", ZL_SEVERITY_ERROR },
};

/* SPEC 3, "os values"; eol-os knows their end-of-support dates. */
static const word os_words[] = {
	{ "windows-server-2003", 0 }, { "windows-server-2003-r2", 0 },
	{ "windows-server-2008", 0 }, { "windows-server-2008-r2", 0 },
	{ "windows-server-2012", 0 }, { "windows-server-2012-r2", 0 },
	{ "windows-server-2016", 0 }, { "windows-server-2019", 0 },
	{ "windows-server-2022", 0 }, { "windows-server-2025", 0 },
	{ "samba", 0 }, { "other", 0 },
};

static const word *find_word(const word *words, size_t n, const char *text)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(words[i].text, text) == 0)
			return &words[i];
	return NULL;
}

/* "a, b, c" into buf. */
static const char *list_words(const word *words, size_t n, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s",
		                         i ? ", " : "", words[i].text);
	return buf;
}

/* ---- reading nodes ------------------------------------------------------- */

static const yaml_node_t *node_at(const inv *c, int index)
{
	return yaml_document_get_node(c->doc, index);
}

/* Counts a node visit; false once the budget is spent (reported once). */
static bool spend(inv *c, const yaml_node_t *at)
{
	if (c->exhausted)
		return false;
	if (++c->visits <= INV_MAX_VISITS)
		return true;
	c->exhausted = true;
	zl_model_problem_add(c->m, ZL_SOURCE_INVENTORY, ZL_SEVERITY_ERROR, true,
	                     node_loc(c, at), NULL, NULL,
	                     "the inventory is too large: over %d entries read "
	                     "(do YAML aliases repeat large parts?); the rest is not read",
	                     INV_MAX_VISITS);
	return false;
}

static size_t list_len(const yaml_node_t *l)
{
	return (size_t)(l->data.sequence.items.top - l->data.sequence.items.start);
}

/* Item i of list l, or NULL when the visit budget is spent. */
static const yaml_node_t *list_item(inv *c, const yaml_node_t *l, size_t i)
{
	const yaml_node_t *n = node_at(c, l->data.sequence.items.start[i]);

	return n && spend(c, n) ? n : NULL;
}

static size_t map_len(const yaml_node_t *m)
{
	return (size_t)(m->data.mapping.pairs.top - m->data.mapping.pairs.start);
}

/* Pair i of mapping m; false when the visit budget is spent. */
static bool map_pair(inv *c, const yaml_node_t *m, size_t i,
                     const yaml_node_t **key, const yaml_node_t **value)
{
	const yaml_node_pair_t *p = &m->data.mapping.pairs.start[i];

	*key = node_at(c, p->key);
	*value = node_at(c, p->value);
	return *key && *value && spend(c, *key);
}

/* A plain empty, "~" or "null" scalar: YAML's null. */
static bool is_null(const yaml_node_t *n)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL" };

	if (n->type != YAML_SCALAR_NODE ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	for (size_t i = 0; i < ARRAY_LEN(nulls); i++)
		if (strcmp((const char *)n->data.scalar.value, nulls[i]) == 0)
			return true;
	return false;
}

static const char *kind(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SCALAR_NODE:
		return is_null(n) ? "an empty value" : "a text value";
	case YAML_SEQUENCE_NODE:
		return "a list";
	case YAML_MAPPING_NODE:
		return "a mapping";
	default:
		return "nothing";
	}
}

/* The text of scalar n, or NULL (reported) when n is not usable text. */
static const char *text_of(inv *c, const yaml_node_t *n, const char *key,
                           const char *what)
{
	const char *t;

	if (n->type != YAML_SCALAR_NODE) {
		error(c, n, "expected %s for '%s' in %s, got %s", what, key,
		      c->label, kind(n));
		return NULL;
	}
	t = (const char *)n->data.scalar.value;
	if (is_null(n)) {
		error(c, n, "empty value for '%s' in %s; expected %s", key,
		      c->label, what);
		return NULL;
	}
	if (strlen(t) != n->data.scalar.length) {
		error(c, n, "'%s' in %s holds a NUL character", key, c->label);
		return NULL;
	}
	return t;
}

/* Reads v as a list: true with its length (0 for an empty value), false
 * (reported) when it is something else. */
static bool as_list(inv *c, const yaml_node_t *v, const char *key,
                    const char *what, size_t *len)
{
	*len = 0;
	if (v->type == YAML_SEQUENCE_NODE)
		*len = list_len(v);
	else if (!is_null(v))
		error(c, v, "expected a list of %s for '%s' in %s, got %s", what,
		      key, c->label, kind(v));
	return v->type == YAML_SEQUENCE_NODE || is_null(v);
}

/* The same for a mapping. */
static bool as_map(inv *c, const yaml_node_t *v, const char *key,
                   const char *what, size_t *len)
{
	*len = 0;
	if (v->type == YAML_MAPPING_NODE)
		*len = map_len(v);
	else if (!is_null(v))
		error(c, v, "expected a mapping of %s for '%s' in %s, got %s", what,
		      key, c->label, kind(v));
	return v->type == YAML_MAPPING_NODE || is_null(v);
}

/* The name t, interned; NULL when it is not a name.  Whitespace and
 * control characters are not allowed unescaped in presentation format. */
static const zl_name *intern_text(inv *c, const char *t)
{
	if (!*t)
		return NULL;
	for (const char *p = t; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7F)
			return NULL;
	return zl_model_intern(c->m, t);
}

static const zl_name *read_name(inv *c, const yaml_node_t *n, const char *key,
                                bool allow_root)
{
	char q[EXCERPT_BUF];
	const char *t = text_of(c, n, key, "a DNS name");
	const zl_name *name;

	if (!t)
		return NULL;
	name = intern_text(c, t);
	if (!name || (!allow_root && zl_name_labels(name) == 0)) {
		error(c, n, "malformed name '%s' for '%s' in %s", quote(t, q), key,
		      c->label);
		return NULL;
	}
	return name;
}

/* The interned `name` of an entry, for messages, before the entry is read;
 * NULL when it has no usable one (reading the entry reports why). */
static const zl_name *peek_name(inv *c, const yaml_node_t *entry)
{
	for (size_t i = 0; i < map_len(entry); i++) {
		const yaml_node_pair_t *p = &entry->data.mapping.pairs.start[i];
		const yaml_node_t *k = node_at(c, p->key), *v = node_at(c, p->value);

		if (k && v && k->type == YAML_SCALAR_NODE &&
		    strcmp((const char *)k->data.scalar.value, "name") == 0)
			return v->type == YAML_SCALAR_NODE && !is_null(v) &&
			       strlen((const char *)v->data.scalar.value) == v->data.scalar.length
			       ? intern_text(c, (const char *)v->data.scalar.value) : NULL;
	}
	return NULL;
}

/* "server dc1.corp." or "server entry" into buf. */
static const char *entry_label(char *buf, size_t size, const char *what,
                               const zl_name *name)
{
	char q[EXCERPT_BUF];

	if (name)
		snprintf(buf, size, "%s %s", what, quote(zl_name_text(name), q));
	else
		snprintf(buf, size, "%s entry", what);
	return buf;
}

/* ---- mappings: one table of keys each ------------------------------------ */

typedef void key_fn(inv *c, void *entry, const yaml_node_t *value);

typedef struct key_rule {
	const char *name;
	bool required;
	key_fn *read;                 /* called in table order */
} key_rule;

static size_t find_key(const key_rule *keys, size_t n, const yaml_node_t *k)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(keys[i].name) == k->data.scalar.length &&
		    strcmp(keys[i].name, (const char *)k->data.scalar.value) == 0)
			return i;
	return n;
}

static void unknown_key(inv *c, const yaml_node_t *k, const key_rule *keys,
                        size_t n)
{
	char q[EXCERPT_BUF], list[256];
	size_t used = 0;

	list[0] = '\0';
	for (size_t i = 0; i < n && used < sizeof list; i++)
		used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
		                         i ? ", " : "", keys[i].name);
	error(c, k, "unknown key '%s' in %s; expected one of: %s",
	      quote_node(k, q), c->label, list);
}

/*
 * Reads mapping `map` (the caller checked its type) by its key table:
 * reports unknown, repeated and missing keys, then calls each present
 * key's reader in table order, so `name` is read before what needs it.
 */
static void walk_map(inv *c, const yaml_node_t *map, const char *label,
                     const key_rule *keys, size_t n, void *entry)
{
	const yaml_node_t *kept_key[KEYS_MAX] = { NULL };
	const yaml_node_t *kept_value[KEYS_MAX] = { NULL };
	const char *outer = c->label;
	char q[EXCERPT_BUF];

	c->label = label;
	for (size_t i = 0; i < map_len(map); i++) {
		const yaml_node_t *k, *v;
		size_t j;

		if (!map_pair(c, map, i, &k, &v))
			break;
		if (k->type != YAML_SCALAR_NODE) {
			error(c, k, "expected a key name in %s, got %s", label, kind(k));
			continue;
		}
		j = find_key(keys, n, k);
		if (j == n)
			unknown_key(c, k, keys, n);
		else if (kept_key[j])
			error(c, k, "duplicate key '%s' in %s (first at line %u)",
			      quote_node(k, q), label, (unsigned)node_line(kept_key[j]));
		else {
			kept_key[j] = k;
			kept_value[j] = v;
		}
	}
	for (size_t j = 0; j < n && !c->exhausted; j++)
		if (!kept_value[j] && keys[j].required)
			error(c, map, "missing required key '%s' in %s", keys[j].name,
			      label);
	for (size_t j = 0; j < n && !c->exhausted; j++)
		if (kept_value[j])
			keys[j].read(c, entry, kept_value[j]);
	c->label = outer;
}

/* ---- values -------------------------------------------------------------- */

/*
 * "10.0.0.10/24", "fd00::10/64", or an address alone (/24 for IPv4, /64
 * for IPv6: SPEC 2).  On failure, why says what is wrong.
 */
static bool parse_prefix(const char *text, zl_prefix *out, char *why, size_t size)
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
		         quote(slash + 1, q), (unsigned)out->addr.family, max);
		return false;
	}
	out->length = (uint8_t)value;
	return true;
}

/* 8-4-4-4-12 hexadecimal digits, into out in lower case. */
static bool parse_guid(const char *text, char out[37])
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
static const char *endpoint_problem(const char *t)
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
static char *read_path(inv *c, const yaml_node_t *n, const char *key)
{
	char q[EXCERPT_BUF];
	const char *rel = text_of(c, n, key, "a file path");
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
	error(c, n, "zone file %s: %s", quote(path ? path : rel, q), why);
	free(path);
	return NULL;
}

/* ---- servers --------------------------------------------------------------- */

typedef struct server_entry {
	zl_server *s;                 /* NULL: checked but not stored */
	zl_location where;            /* the entry */
} server_entry;

/*
 * True when `name` is a host name (RFC 1123 2.1: letters, digits and '-',
 * no label starting with '-'; '_' too, which Windows DNS accepts in
 * NetBIOS-derived names).  Server names go into the dnscmd and PowerShell
 * commands of the report, which a reader pastes into a shell.
 */
static bool is_host_name(const char *name)
{
	for (const char *p = name; *p; p++) {
		bool start = p == name || p[-1] == '.';

		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_' || *p == '.' ||
		      (*p == '-' && !start)))
			return false;
	}
	return true;
}

static void read_server_name(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	const zl_name *name = read_name(c, v, "name", false);
	const zl_server *first;
	char q[EXCERPT_BUF];

	if (!name)
		return;
	if (!is_host_name(zl_name_text(name))) {
		const char *t = zl_name_text(name);

		error(c, v, "server name '%s' is not a host name (letters, digits, '-' and "
		      "'_' in each label, RFC 1123 2.1)", quote(t, q));
		return;
	}
	e->s = zl_model_add_server(c->m, name, e->where);
	if (e->s) {
		zl_server_set_roles(e->s, INV_DEFAULT_ROLES);
		return;
	}
	first = zl_model_server_mut(c->m, name);
	if (first)
		error(c, v, "duplicate %s (first at line %u)", c->label,
		      (unsigned)zl_server_location(first).line);
}

static void read_address(inv *c, zl_server *s, const yaml_node_t *n, seen *addrs)
{
	char q[EXCERPT_BUF], why[128], text[ZL_ADDR_TEXT_MAX];
	const char *t = text_of(c, n, "addresses", "an address such as 10.0.0.10/24");
	zl_prefix p;
	uint32_t first;

	if (!t)
		return;
	if (!parse_prefix(t, &p, why, sizeof why)) {
		error(c, n, "bad address '%s' in %s: %s", quote(t, q), c->label, why);
		return;
	}
	inet_ntop(p.addr.family == 4 ? AF_INET : AF_INET6, p.addr.bytes, text,
	          sizeof text);
	first = seen_add(addrs, text, node_line(n));
	if (first)
		warning(c, n, "address %s listed twice in %s (first at line %u)",
		        text, c->label, (unsigned)first);
	else if (s)
		zl_server_add_address(s, &p);
}

static void read_addresses(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	seen addrs = { NULL, 0, 0 };
	const yaml_node_t *item;
	size_t n;

	if (!as_list(c, v, "addresses", "addresses", &n))
		return;
	for (size_t i = 0; i < n && (item = list_item(c, v, i)); i++)
		read_address(c, e->s, item, &addrs);
	seen_free(&addrs);
}

static void read_os(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	char q[EXCERPT_BUF], list[512];
	const char *t;
	const word *w;

	if (is_null(v) || !(t = text_of(c, v, "os", "an OS name")))
		return;
	w = find_word(os_words, ARRAY_LEN(os_words), t);
	if (!w)
		warning(c, v, "unknown os '%s' in %s; expected one of: %s",
		        quote(t, q), c->label,
		        list_words(os_words, ARRAY_LEN(os_words), list, sizeof list));
	if (e->s && (t = keep(c, w ? w->text : t)))
		zl_server_set_os(e->s, t, node_loc(c, v));
}

static void read_roles(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	char q[EXCERPT_BUF], list[64];
	const yaml_node_t *item;
	unsigned roles = 0;
	size_t n;

	if (!as_list(c, v, "roles", "roles (dc, dns, gc, pdc, rodc)", &n))
		return;
	for (size_t i = 0; i < n && (item = list_item(c, v, i)); i++) {
		const char *t = text_of(c, item, "roles", "a role (dc, dns, gc, pdc or rodc)");
		const word *w = t ? find_word(role_words, ARRAY_LEN(role_words), t) : NULL;

		if (w)
			roles |= w->value;
		else if (t)
			error(c, item, "unknown role '%s' in %s; expected one of: %s",
			      quote(t, q), c->label,
			      list_words(role_words, ARRAY_LEN(role_words), list, sizeof list));
	}
	if (e->s)
		zl_server_set_roles(e->s, roles);
}

static void read_site(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	const char *t;

	if (!is_null(v) && (t = text_of(c, v, "site", "a site name")) && e->s &&
	    (t = keep(c, t)))
		zl_server_set_site(e->s, t);
}

static void read_dsa_guid(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	char q[EXCERPT_BUF], guid[37];
	const char *t;

	if (is_null(v) || !(t = text_of(c, v, "dsa_guid", "a GUID")))
		return;
	if (!parse_guid(t, guid))
		error(c, v, "bad dsa_guid '%s' in %s; expected 8-4-4-4-12 hexadecimal "
		      "digits, as 5f0c3e29-8c1e-4d6f-9a53-2b1f0e7d4c11", quote(t, q),
		      c->label);
	else if (e->s && (t = keep(c, guid)))
		zl_server_set_dsa_guid(e->s, t);
}

static void read_inbound(inv *c, zl_server *s, const yaml_node_t *n, seen *names)
{
	const zl_name *name = read_name(c, n, "replicates_from", false);
	uint32_t first;

	if (!name)
		return;
	first = seen_add(names, zl_name_text(name), node_line(n));
	if (first)
		warning(c, n, "%s listed twice in 'replicates_from' of %s (first at line %u)",
		        zl_name_text(name), c->label, (unsigned)first);
	else if (s)
		zl_server_add_inbound_name(s, name, node_loc(c, n));
}

static void read_replicates_from(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	seen names = { NULL, 0, 0 };
	const yaml_node_t *item;
	size_t n;

	if (!as_list(c, v, "replicates_from", "server names", &n))
		return;
	for (size_t i = 0; i < n && (item = list_item(c, v, i)); i++)
		read_inbound(c, e->s, item, &names);
	seen_free(&names);
}

static void read_dns(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	char q[EXCERPT_BUF];
	const char *t, *why;

	if (is_null(v) || !(t = text_of(c, v, "dns", "host:port")))
		return;
	why = endpoint_problem(t);
	if (why)
		error(c, v, "bad dns endpoint '%s' in %s: %s", quote(t, q), c->label, why);
	else if (e->s && (t = keep(c, t)))
		zl_server_set_dns(e->s, t);
}

/* ---- settings (SPEC 6.1): values shared by servers and zones -------------- */

enum {
	INV_MAX_LIST = 4096,          /* addresses or words in one settings list */
	INV_MAX_HOURS = 1000000,      /* scavenging_hours */
};

static const word update_words[] = {
	{ "none", ZL_UPDATE_NONE }, { "nonsecure", ZL_UPDATE_NONSECURE },
	{ "secure", ZL_UPDATE_SECURE },
};

static const word transfers_words[] = {
	{ "none", ZL_TRANSFERS_NONE }, { "any", ZL_TRANSFERS_ANY },
	{ "ns", ZL_TRANSFERS_NS }, { "list", ZL_TRANSFERS_LIST },
};

static const word type_words[] = {
	{ "primary", ZL_ZONE_PRIMARY }, { "stub", ZL_ZONE_STUB },
	{ "forwarder", ZL_ZONE_FORWARDER },
};

/* SPEC 6.1 create_child trustees; anything else must be a SID. */
static const word trustee_words[] = {
	{ "authenticated-users", 0 }, { "everyone", 0 }, { "domain-users", 0 },
	{ "domain-computers", 0 },
};

/* One word of `words` for `key`; false (reported with the valid ones)
 * otherwise. */
static bool read_word(inv *c, const yaml_node_t *v, const char *key,
                      const word *words, size_t n, unsigned *out)
{
	char q[EXCERPT_BUF], list[128];
	const char *t = text_of(c, v, key, "a word");
	const word *w = t ? find_word(words, n, t) : NULL;

	if (w) {
		*out = w->value;
		return true;
	}
	if (t)
		error(c, v, "unknown %s '%s' in %s; expected one of: %s", key,
		      quote(t, q), c->label, list_words(words, n, list, sizeof list));
	return false;
}

/* A whole number from 0 to max; false (reported) otherwise. */
static bool read_number(inv *c, const yaml_node_t *v, const char *key,
                        uint32_t max, const char *unit, uint32_t *out)
{
	char q[EXCERPT_BUF];
	const char *t = text_of(c, v, key, "a whole number");
	uint64_t value = 0;

	if (!t)
		return false;
	for (const char *p = t; *p && value <= max; p++)
		value = *p >= '0' && *p <= '9' ? value * 10 + (unsigned)(*p - '0')
		        : (uint64_t)max + 1;
	if (value > max) {
		error(c, v, "expected a whole number of %s from 0 to %u for '%s' in "
		      "%s, got '%s'", unit, (unsigned)max, key, c->label, quote(t, q));
		return false;
	}
	*out = (uint32_t)value;
	return true;
}

/* One plain address (no prefix) of list `key`. */
static bool read_plain_addr(inv *c, const yaml_node_t *n, const char *key,
                            zl_addr *out)
{
	char q[EXCERPT_BUF];
	const char *t = text_of(c, n, key, "an address such as 10.0.0.10");

	if (!t)
		return false;
	if (!zl_addr_parse(t, out)) {
		error(c, n, "bad address '%s' in '%s' of %s; expected an IPv4 or "
		      "IPv6 address without prefix", quote(t, q), key, c->label);
		return false;
	}
	return true;
}

/*
 * A list of addresses for `key` into *out (known, even when empty); out
 * may be NULL to check only.  A repeated address is a warning, read once.
 */
static void read_addr_list(inv *c, const yaml_node_t *v, const char *key,
                           zl_addr_list *out)
{
	zl_addr *addrs;
	const yaml_node_t *item;
	size_t n, kept = 0;
	bool bad = false;

	if (!as_list(c, v, key, "addresses", &n))
		return;
	if (n > INV_MAX_LIST) {
		error(c, v, "'%s' in %s lists %zu addresses; at most %d are read",
		      key, c->label, n, INV_MAX_LIST);
		n = INV_MAX_LIST;
	}
	addrs = calloc(n ? n : 1, sizeof(*addrs));
	if (!addrs)
		return;
	for (size_t i = 0; i < n && (item = list_item(c, v, i)); i++) {
		zl_addr a;
		size_t j;

		if (!read_plain_addr(c, item, key, &a)) {
			bad = true;
			continue;
		}
		for (j = 0; j < kept && !zl_addr_equal(&addrs[j], &a); j++)
			;
		if (j < kept)
			warning(c, item, "address listed twice in '%s' of %s", key,
			        c->label);
		else
			addrs[kept++] = a;
	}
	/* a list with a bad entry is not known: what it lacks is not "none" */
	if (out && !bad)
		zl_model_keep_addrs(c->m, addrs, kept, node_loc(c, v), out);
	free(addrs);
}

/* "S-1-5-21-...": a SID in its string form ([MS-DTYP] 2.4.2.1). */
static bool is_sid(const char *t)
{
	unsigned parts = 0;

	if (strncasecmp(t, "S-1-", 4) != 0)
		return false;
	for (const char *p = t + 4; *p; parts++) {
		if (*p < '0' || *p > '9')
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
		if (*p == '-' && p[1])
			p++;
		else if (*p)
			return false;
	}
	return parts >= 1;
}

/* A list of words for `key`: query_block_list (names), create_child
 * (trustee words or SIDs); lower case, a repeat warned and read once. */
static void read_text_list(inv *c, const yaml_node_t *v, const char *key,
                           bool trustees, zl_text_list *out)
{
	char q[EXCERPT_BUF], list[128];
	const char **texts;
	const yaml_node_t *item;
	size_t n, kept = 0;
	bool bad = false;

	if (!as_list(c, v, key, trustees ? "trustees" : "names", &n))
		return;
	if (n > INV_MAX_LIST)
		n = INV_MAX_LIST;
	texts = calloc(n ? n : 1, sizeof(*texts));
	if (!texts)
		return;
	for (size_t i = 0; i < n && (item = list_item(c, v, i)); i++) {
		const char *t = text_of(c, item, key, trustees ? "a trustee" : "a name");
		char *low;
		size_t j;

		if (!t) {
			bad = true;
			continue;
		}
		if (trustees ? !find_word(trustee_words, ARRAY_LEN(trustee_words), t) &&
		               !is_sid(t) : !intern_text(c, t)) {
			error(c, item, "unknown %s '%s' in %s; expected %s%s", key,
			      quote(t, q), c->label, trustees ? "one of: " : "a DNS name",
			      trustees ? list_words(trustee_words, ARRAY_LEN(trustee_words),
			                            list, sizeof list) : "");
			bad = true;
			continue;
		}
		if (!(low = strdup(t)))
			break;
		for (char *p = low; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		if (is_sid(low))
			low[0] = 'S';     /* as [MS-DTYP] 2.4.2.1 writes a SID */     /* as [MS-DTYP] 2.4.2.1 writes a SID */
		for (j = 0; j < kept && strcmp(texts[j], low) != 0; j++)
			;
		if (j < kept) {
			warning(c, item, "'%s' listed twice in '%s' of %s", quote(t, q),
			        key, c->label);
			free(low);
		} else {
			texts[kept++] = low;
		}
	}
	if (out && !bad)
		zl_model_keep_texts(c->m, texts, kept, node_loc(c, v), out);
	for (size_t i = 0; i < kept; i++)
		free((char *)texts[i]);
	free(texts);
}

/* ---- settings of a zone, whether the zone's own or a server's ----------- */

typedef struct settings_entry {
	zl_zone_settings *s;          /* NULL: checked but not stored */
	const yaml_node_t *transfers, *transfer_to;   /* the nodes, when given */
	zl_transfers transfers_value;
} settings_entry;

typedef struct aging_entry {
	unsigned no_refresh_days;
	unsigned refresh_days;
	unsigned days_given;          /* 1: no_refresh, 2: refresh */
	int enabled;                  /* -1: not given */
	zl_addr_list scavenging;
	bool checked_only;            /* no target: do not keep the list */
} aging_entry;

static void read_dynamic_update(inv *c, void *entry, const yaml_node_t *v)
{
	settings_entry *e = entry;
	unsigned u;

	if (read_word(c, v, "dynamic_update", update_words,
	              ARRAY_LEN(update_words), &u) && e->s) {
		e->s->dynamic_update = (zl_update)u;
		e->s->dynamic_update_where = node_loc(c, v);
	}
}

static void read_transfers(inv *c, void *entry, const yaml_node_t *v)
{
	settings_entry *e = entry;
	unsigned t;

	if (!read_word(c, v, "transfers", transfers_words,
	               ARRAY_LEN(transfers_words), &t))
		return;
	e->transfers = v;
	e->transfers_value = (zl_transfers)t;
	if (e->s) {
		e->s->transfers = (zl_transfers)t;
		e->s->transfers_where = node_loc(c, v);
	}
}

static void read_transfer_to(inv *c, void *entry, const yaml_node_t *v)
{
	settings_entry *e = entry;

	e->transfer_to = v;
	read_addr_list(c, v, "transfer_to", e->s ? &e->s->transfer_to : NULL);
}

/* transfer_to goes with transfers: list, and only with it (SPEC 6.1). */
static void check_transfers(inv *c, const settings_entry *e)
{
	if (e->transfer_to && e->transfers_value != ZL_TRANSFERS_LIST)
		error(c, e->transfer_to, "'transfer_to' in %s needs 'transfers: list'",
		      c->label);
	else if (e->transfers && e->transfers_value == ZL_TRANSFERS_LIST &&
	         !e->transfer_to)
		error(c, e->transfers, "'transfers: list' in %s needs 'transfer_to', "
		      "the hosts that may transfer the zone", c->label);
}

static void read_days(inv *c, const yaml_node_t *v, const char *key, unsigned *out);

static void read_aging_enabled(inv *c, void *entry, const yaml_node_t *v)
{
	static const word bools[] = {
		{ "true", 1 }, { "false", 0 }, { "yes", 1 }, { "no", 0 },
	};
	aging_entry *a = entry;
	unsigned b;

	if (read_word(c, v, "enabled", bools, ARRAY_LEN(bools), &b))
		a->enabled = (int)b;
}

static void read_no_refresh(inv *c, void *entry, const yaml_node_t *v)
{
	aging_entry *a = entry;

	read_days(c, v, "no_refresh_days", &a->no_refresh_days);
	a->days_given |= 1;
}

static void read_refresh(inv *c, void *entry, const yaml_node_t *v)
{
	aging_entry *a = entry;

	read_days(c, v, "refresh_days", &a->refresh_days);
	a->days_given |= 2;
}

static void read_scavenging_servers(inv *c, void *entry, const yaml_node_t *v)
{
	aging_entry *a = entry;

	read_addr_list(c, v, "scavenging_servers", a->checked_only ? NULL : &a->scavenging);
}

static const key_rule aging_keys[] = {
	{ "enabled", false, read_aging_enabled },
	{ "no_refresh_days", false, read_no_refresh },
	{ "refresh_days", false, read_refresh },
	{ "scavenging_servers", false, read_scavenging_servers },
};

/* The aging mapping v into *out (NULL: check only); a's days start at the
 * v1 defaults for aged-address. */
static void read_aging_into(inv *c, const yaml_node_t *v, aging_entry *a,
                            zl_aging *out)
{
	char label[LABEL_BUF];
	size_t n;

	a->enabled = -1;
	a->checked_only = !out;
	if (!as_map(c, v, "aging", "enabled, no_refresh_days, refresh_days and "
	            "scavenging_servers", &n) || !n)
		return;
	snprintf(label, sizeof label, "'aging' of %s", c->label);
	walk_map(c, v, label, aging_keys, ARRAY_LEN(aging_keys), a);
	if (!out)
		return;
	out->where = node_loc(c, v);
	out->known = a->enabled >= 0;
	out->enabled = a->enabled > 0;
	out->days_known = a->days_given == 3;
	out->no_refresh_days = a->no_refresh_days;
	out->refresh_days = a->refresh_days;
	out->scavenging_servers = a->scavenging;
}

static void read_settings_aging(inv *c, void *entry, const yaml_node_t *v)
{
	settings_entry *e = entry;
	aging_entry a = { INV_DEFAULT_AGING_DAYS, INV_DEFAULT_AGING_DAYS, 0, -1,
	                  { false, 0, NULL, { NULL, 0, 0 } }, false };

	read_aging_into(c, v, &a, e->s ? &e->s->aging : NULL);
}

/* What a server's registry may say of a zone (SPEC 6.3). */
static const key_rule zone_settings_keys[] = {
	{ "dynamic_update", false, read_dynamic_update },
	{ "transfers", false, read_transfers },
	{ "transfer_to", false, read_transfer_to },
	{ "aging", false, read_settings_aging },
};

/* ---- server settings ------------------------------------------------------ */

static void read_dns_client(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	zl_server_cfg *cfg = e->s ? zl_server_cfg_mut(c->m, e->s) : NULL;

	read_addr_list(c, v, "dns_client", cfg ? &cfg->dns_client : NULL);
}

static void read_forwarders(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	zl_server_cfg *cfg = e->s ? zl_server_cfg_mut(c->m, e->s) : NULL;

	read_addr_list(c, v, "forwarders", cfg ? &cfg->forwarders : NULL);
}

static void read_scavenging_hours(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	zl_server_cfg *cfg = e->s ? zl_server_cfg_mut(c->m, e->s) : NULL;
	uint32_t hours;

	if (read_number(c, v, "scavenging_hours", INV_MAX_HOURS, "hours", &hours) && cfg)
		cfg->scavenging_hours = (zl_number){ true, hours, node_loc(c, v) };
}

static void read_query_block_list(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	zl_server_cfg *cfg = e->s ? zl_server_cfg_mut(c->m, e->s) : NULL;

	read_text_list(c, v, "query_block_list", false,
	               cfg ? &cfg->query_block_list : NULL);
}

static void read_zone_override(inv *c, zl_server *s, const yaml_node_t *k,
                               const yaml_node_t *v, seen *names)
{
	const zl_name *name = read_name(c, k, "zone_settings", true);
	settings_entry e = { NULL, NULL, NULL, ZL_TRANSFERS_UNKNOWN };
	char label[LABEL_BUF + EXCERPT_BUF];
	uint32_t first;

	if (!name)
		return;
	first = seen_add(names, zl_name_text(name), node_line(k));
	if (first) {
		error(c, k, "duplicate zone %s in 'zone_settings' of %s (first at line %u)",
		      zl_name_text(name), c->label, (unsigned)first);
		return;
	}
	if (v->type != YAML_MAPPING_NODE) {
		error(c, v, "expected a mapping of dynamic_update, transfers, "
		      "transfer_to and aging for zone %s in 'zone_settings' of %s, "
		      "got %s", zl_name_text(name), c->label, kind(v));
		return;
	}
	if (s)
		e.s = zl_server_add_zone_settings(c->m, s, name, node_loc(c, k));
	snprintf(label, sizeof label, "'zone_settings' %s of %s", zl_name_text(name),
	         c->label);
	walk_map(c, v, label, zone_settings_keys, ARRAY_LEN(zone_settings_keys), &e);
	{
		const char *outer = c->label;

		c->label = label;
		check_transfers(c, &e);
		c->label = outer;
	}
}

static void read_zone_settings(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	seen names = { NULL, 0, 0 };
	const yaml_node_t *key, *value;
	size_t n;

	if (!as_map(c, v, "zone_settings", "zone names to settings", &n))
		return;
	for (size_t i = 0; i < n && map_pair(c, v, i, &key, &value); i++)
		read_zone_override(c, e->s, key, value, &names);
	seen_free(&names);
}

static const key_rule server_keys[] = {
	{ "name", true, read_server_name },
	{ "addresses", true, read_addresses },
	{ "os", false, read_os },
	{ "roles", false, read_roles },
	{ "site", false, read_site },
	{ "dsa_guid", false, read_dsa_guid },
	{ "replicates_from", false, read_replicates_from },
	{ "dns", false, read_dns },
	{ "dns_client", false, read_dns_client },
	{ "forwarders", false, read_forwarders },
	{ "scavenging_hours", false, read_scavenging_hours },
	{ "query_block_list", false, read_query_block_list },
	{ "zone_settings", false, read_zone_settings },
};
_Static_assert(ARRAY_LEN(server_keys) <= KEYS_MAX, "server_keys over KEYS_MAX");

static void read_server(inv *c, const yaml_node_t *n)
{
	server_entry e = { NULL, node_loc(c, n) };
	char label[LABEL_BUF];

	if (n->type != YAML_MAPPING_NODE) {
		error(c, n, "expected a server entry (a mapping with name and "
		      "addresses) in 'servers', got %s", kind(n));
		return;
	}
	c->server = peek_name(c, n);
	walk_map(c, n, entry_label(label, sizeof label, "server", c->server),
	         server_keys, ARRAY_LEN(server_keys), &e);
	c->server = NULL;
}

/* ---- zones ------------------------------------------------------------------ */

typedef struct zone_entry {
	zl_zone *z;                   /* NULL: checked but not stored */
	zl_location where;            /* the entry */
	zl_storage storage;
	settings_entry set;           /* the zone's own settings */
	zl_zone_kind type;
	const yaml_node_t *views;     /* the views node, when given */
} zone_entry;

static void read_zone_name(inv *c, void *entry, const yaml_node_t *v)
{
	zone_entry *e = entry;
	const zl_name *name = read_name(c, v, "name", true);
	uint32_t first;

	char key[ZL_NAME_TEXT_MAX + 16];

	if (!name)
		return;
	/* SPEC 6.3: a name may come twice when the types differ */
	snprintf(key, sizeof key, "%s %s", zl_name_text(name), zl_zone_kind_name(e->type));
	first = seen_add(&c->zones, key, e->where.line);
	if (first) {
		error(c, v, "duplicate %s (first at line %u)", c->label, (unsigned)first);
		return;
	}
	e->z = zl_model_add_zone(c->m, name, e->where);
	if (e->z) {
		zl_zone_cfg *cfg = zl_zone_cfg_mut(c->m, e->z);

		zl_zone_set_storage(e->z, e->storage);
		e->set.s = cfg ? &cfg->own : NULL;
		if (cfg && e->type != ZL_ZONE_PRIMARY)
			zl_model_set_zone_type(c->m, e->z, e->type, e->where);
	}
}

static void read_storage(inv *c, void *entry, const yaml_node_t *v)
{
	zone_entry *e = entry;
	char q[EXCERPT_BUF], list[64];
	const char *t;
	const word *w;

	if (is_null(v) || !(t = text_of(c, v, "storage", "a storage kind")))
		return;
	w = find_word(storage_words, ARRAY_LEN(storage_words), t);
	if (!w) {
		error(c, v, "unknown storage '%s' in %s; expected one of: %s",
		      quote(t, q), c->label,
		      list_words(storage_words, ARRAY_LEN(storage_words), list, sizeof list));
		return;
	}
	e->storage = (zl_storage)w->value;
	if (e->z)
		zl_zone_set_storage(e->z, e->storage);
}

static void read_host(inv *c, zl_zone *z, const yaml_node_t *n, seen *names)
{
	const zl_name *name = read_name(c, n, "hosted_on", false);
	uint32_t first;

	if (!name)
		return;
	first = seen_add(names, zl_name_text(name), node_line(n));
	if (first)
		warning(c, n, "%s listed twice in 'hosted_on' of %s (first at line %u)",
		        zl_name_text(name), c->label, (unsigned)first);
	else if (z)
		zl_zone_add_host_name(z, name, node_loc(c, n));
}

static void read_hosted_on(inv *c, void *entry, const yaml_node_t *v)
{
	zone_entry *e = entry;
	seen names = { NULL, 0, 0 };
	const yaml_node_t *item;
	size_t n;

	/* explicit even when malformed, so that it is reported once */
	if (e->z)
		zl_zone_set_hosts_explicit(e->z);
	if (!as_list(c, v, "hosted_on", "server names", &n))
		return;
	for (size_t i = 0; i < n && (item = list_item(c, v, i)); i++)
		read_host(c, e->z, item, &names);
	seen_free(&names);
}

static void read_file_key(inv *c, void *entry, const yaml_node_t *v)
{
	zone_entry *e = entry;
	char *path = read_path(c, v, "file");
	const char *kept = path && e->z ? keep(c, path) : NULL;

	if (kept)
		zl_zone_set_file(e->z, kept, node_loc(c, v));
	free(path);
}

static void read_view(inv *c, zl_zone *z, const yaml_node_t *k,
                      const yaml_node_t *v, seen *names)
{
	const zl_name *name = read_name(c, k, "views", false);
	const char *kept;
	uint32_t first;
	char *path;

	if (!name)
		return;
	first = seen_add(names, zl_name_text(name), node_line(k));
	if (first) {
		error(c, k, "duplicate server %s in 'views' of %s (first at line %u)",
		      zl_name_text(name), c->label, (unsigned)first);
		return;
	}
	path = read_path(c, v, "views");
	kept = path && z ? keep(c, path) : NULL;
	if (kept)
		zl_zone_add_view_path(z, name, kept, node_loc(c, k));
	free(path);
}

static void read_views(inv *c, void *entry, const yaml_node_t *v)
{
	zone_entry *e = entry;
	seen names = { NULL, 0, 0 };
	const yaml_node_t *key, *value;
	size_t n;

	e->views = v;
	if (!as_map(c, v, "views", "server names to file paths", &n))
		return;
	for (size_t i = 0; i < n && map_pair(c, v, i, &key, &value); i++)
		read_view(c, e->z, key, value, &names);
	seen_free(&names);
}

static void read_days(inv *c, const yaml_node_t *v, const char *key, unsigned *out)
{
	char q[EXCERPT_BUF];
	const char *t = text_of(c, v, key, "a number of days");
	unsigned days = 0;

	if (!t)
		return;
	for (const char *p = t; *p && days <= INV_AGING_MAX_DAYS; p++)
		days = *p >= '0' && *p <= '9' ? days * 10 + (unsigned)(*p - '0')
		       : INV_AGING_MAX_DAYS + 1;
	if (days > INV_AGING_MAX_DAYS)
		error(c, v, "expected a whole number of days from 0 to %d for '%s' "
		      "in %s, got '%s'", INV_AGING_MAX_DAYS, key, c->label, quote(t, q));
	else
		*out = days;
}

static void read_aging(inv *c, void *entry, const yaml_node_t *v)
{
	zone_entry *e = entry;
	aging_entry a = { INV_DEFAULT_AGING_DAYS, INV_DEFAULT_AGING_DAYS, 0, -1,
	                  { false, 0, NULL, { NULL, 0, 0 } }, false };

	read_aging_into(c, v, &a, e->set.s ? &e->set.s->aging : NULL);
	if (e->z && a.days_given)
		zl_zone_set_aging(e->z, a.no_refresh_days, a.refresh_days);
}

/* ---- zone settings (SPEC 6.1) ----------------------------------------------- */

static void read_type(inv *c, void *entry, const yaml_node_t *v)
{
	zone_entry *e = entry;
	unsigned t;

	if (is_null(v) || !read_word(c, v, "type", type_words, ARRAY_LEN(type_words), &t))
		return;
	e->type = (zl_zone_kind)t;
	if (e->z)
		zl_model_set_zone_type(c->m, e->z, e->type, node_loc(c, v));
}

static void read_masters(inv *c, void *entry, const yaml_node_t *v)
{
	zone_entry *e = entry;
	zl_zone_cfg *cfg = e->z ? zl_zone_cfg_mut(c->m, e->z) : NULL;

	read_addr_list(c, v, "masters", cfg ? &cfg->masters : NULL);
}

static void read_auto_ns(inv *c, void *entry, const yaml_node_t *v)
{
	zone_entry *e = entry;
	zl_zone_cfg *cfg = e->z ? zl_zone_cfg_mut(c->m, e->z) : NULL;

	read_addr_list(c, v, "auto_ns", cfg ? &cfg->auto_ns : NULL);
}

static void read_create_child(inv *c, void *entry, const yaml_node_t *v)
{
	zone_entry *e = entry;
	zl_zone_cfg *cfg = e->z ? zl_zone_cfg_mut(c->m, e->z) : NULL;

	read_text_list(c, v, "create_child", true, cfg ? &cfg->create_child : NULL);
}

static void zone_dynamic_update(inv *c, void *entry, const yaml_node_t *v)
{
	read_dynamic_update(c, &((zone_entry *)entry)->set, v);
}

static void zone_transfers(inv *c, void *entry, const yaml_node_t *v)
{
	read_transfers(c, &((zone_entry *)entry)->set, v);
}

static void zone_transfer_to(inv *c, void *entry, const yaml_node_t *v)
{
	read_transfer_to(c, &((zone_entry *)entry)->set, v);
}

/* SPEC 6.3: a stub or forwarder zone holds no names, so no file; a
 * primary zone asks nobody, so no masters. */
static void check_zone_type(inv *c, const zone_entry *e)
{
	if (e->type == ZL_ZONE_PRIMARY)
		return;
	if (e->z && zl_zone_file(e->z))
		error_at(c, zl_zone_file_location(e->z), "%s zone %s takes no 'file': "
		         "it holds no names", zl_zone_kind_name(e->type),
		         c->zone ? zl_name_text(c->zone) : "entry");
	if (e->views)
		error(c, e->views, "%s zone %s takes no 'views': it holds no names",
		      zl_zone_kind_name(e->type),
		      c->zone ? zl_name_text(c->zone) : "entry");
}

/* The entry's `type` word, before the entry is read (for the duplicate
 * check: two zones may share a name when their types differ). */
static zl_zone_kind peek_type(inv *c, const yaml_node_t *entry)
{
	for (size_t i = 0; i < map_len(entry); i++) {
		const yaml_node_pair_t *p = &entry->data.mapping.pairs.start[i];
		const yaml_node_t *k = node_at(c, p->key), *v = node_at(c, p->value);
		const word *w;

		if (k && v && k->type == YAML_SCALAR_NODE && v->type == YAML_SCALAR_NODE &&
		    strcmp((const char *)k->data.scalar.value, "type") == 0 &&
		    (w = find_word(type_words, ARRAY_LEN(type_words),
		                   (const char *)v->data.scalar.value)))
			return (zl_zone_kind)w->value;
	}
	return ZL_ZONE_PRIMARY;
}

static const key_rule zone_keys[] = {
	{ "name", true, read_zone_name },
	{ "storage", false, read_storage },
	{ "hosted_on", false, read_hosted_on },
	{ "file", false, read_file_key },
	{ "views", false, read_views },
	{ "aging", false, read_aging },
	{ "type", false, read_type },
	{ "masters", false, read_masters },
	{ "dynamic_update", false, zone_dynamic_update },
	{ "transfers", false, zone_transfers },
	{ "transfer_to", false, zone_transfer_to },
	{ "auto_ns", false, read_auto_ns },
	{ "create_child", false, read_create_child },
};
_Static_assert(ARRAY_LEN(zone_keys) <= KEYS_MAX, "zone_keys over KEYS_MAX");

static void read_zone(inv *c, const yaml_node_t *n)
{
	zone_entry e = { NULL, node_loc(c, n), INV_DEFAULT_STORAGE,
	                 { NULL, NULL, NULL, ZL_TRANSFERS_UNKNOWN },
	                 ZL_ZONE_PRIMARY, NULL };
	char label[LABEL_BUF];
	const char *outer = c->label;

	if (n->type != YAML_MAPPING_NODE) {
		error(c, n, "expected a zone entry (a mapping with name) in 'zones', "
		      "got %s", kind(n));
		return;
	}
	c->zone = peek_name(c, n);
	e.type = peek_type(c, n);
	entry_label(label, sizeof label, "zone", c->zone);
	walk_map(c, n, label, zone_keys, ARRAY_LEN(zone_keys), &e);
	c->label = label;
	check_transfers(c, &e.set);
	check_zone_type(c, &e);
	c->label = outer;
	c->zone = NULL;
}

/* ---- the top level -------------------------------------------------------- */

typedef struct root_entry {
	const zl_name *forest;
	zl_location forest_where;
	bool forest_listed;           /* the forest is among the domains */
} root_entry;

static void read_version(inv *c, void *entry, const yaml_node_t *v)
{
	char q[EXCERPT_BUF];
	const char *t = text_of(c, v, "version", "the number 1");

	(void)entry;
	if (t && strcmp(t, "1") != 0)
		error(c, v, "unsupported inventory version '%s'; this zonelint "
		      "reads version 1", quote(t, q));
}

static void read_forest(inv *c, void *entry, const yaml_node_t *v)
{
	root_entry *r = entry;

	r->forest = read_name(c, v, "forest", false);
	r->forest_where = node_loc(c, v);
	if (r->forest)
		zl_model_set_forest(c->m, r->forest, r->forest_where);
}

/* Whether list v names the forest, without reporting anything. */
static bool lists_forest(inv *c, const yaml_node_t *v, const zl_name *forest)
{
	for (size_t i = 0; i < list_len(v); i++) {
		const yaml_node_t *item = node_at(c, v->data.sequence.items.start[i]);

		if (item && item->type == YAML_SCALAR_NODE &&
		    strlen((const char *)item->data.scalar.value) == item->data.scalar.length &&
		    intern_text(c, (const char *)item->data.scalar.value) == forest)
			return true;
		if (item && item->type == YAML_MAPPING_NODE && peek_name(c, item) == forest)
			return true;
	}
	return false;
}

/* A `domains` mapping entry: {name, guid}. */
typedef struct domain_entry {
	const zl_name *name;
	const yaml_node_t *at;        /* the name's node */
	const char *guid;             /* lower case, kept in the model */
} domain_entry;

static void read_domain_name(inv *c, void *entry, const yaml_node_t *v)
{
	domain_entry *e = entry;

	e->name = read_name(c, v, "name", false);
	e->at = v;
}

static void read_domain_guid(inv *c, void *entry, const yaml_node_t *v)
{
	domain_entry *e = entry;
	char q[EXCERPT_BUF], guid[37];
	const char *t;

	if (is_null(v) || !(t = text_of(c, v, "guid", "a GUID")))
		return;
	if (!parse_guid(t, guid))
		error(c, v, "bad guid '%s' in %s; expected 8-4-4-4-12 hexadecimal "
		      "digits, as 2b1f0e7d-0000-4d6f-9a53-5f0c3e298c11", quote(t, q),
		      c->label);
	else
		e->guid = keep(c, guid);
}

static const key_rule domain_keys[] = {
	{ "name", true, read_domain_name },
	{ "guid", false, read_domain_guid },
};

/* A domain: its name, or a mapping with the name and the GUID of its
 * domain object (SPEC 6.1). */
static void read_domain(inv *c, const yaml_node_t *n, seen *names)
{
	domain_entry e = { NULL, n, NULL };
	char label[LABEL_BUF];
	uint32_t first;

	if (n->type == YAML_MAPPING_NODE)
		walk_map(c, n, entry_label(label, sizeof label, "domain", peek_name(c, n)),
		         domain_keys, ARRAY_LEN(domain_keys), &e);
	else
		e.name = read_name(c, n, "domains", false);
	if (!e.name)
		return;
	first = seen_add(names, zl_name_text(e.name), node_line(n));
	if (first)
		warning(c, n, "domain %s listed twice (first at line %u)",
		        zl_name_text(e.name), (unsigned)first);
	else
		zl_model_add_domain(c->m, e.name, node_loc(c, e.at));
	if (!first && e.guid)
		zl_model_set_domain_guid(c->m, e.name, e.guid);
}

static void read_domains(inv *c, void *entry, const yaml_node_t *v)
{
	root_entry *r = entry;
	seen names = { NULL, 0, 0 };
	const yaml_node_t *item;
	size_t n;

	if (!as_list(c, v, "domains", "domain names", &n))
		return;
	if (r->forest && (!n || !lists_forest(c, v, r->forest)))
		zl_model_add_domain(c->m, r->forest, r->forest_where);
	r->forest_listed = true;
	for (size_t i = 0; i < n && (item = list_item(c, v, i)); i++)
		read_domain(c, item, &names);
	seen_free(&names);
}

static void read_servers(inv *c, void *entry, const yaml_node_t *v)
{
	const yaml_node_t *item;
	size_t n;

	(void)entry;
	if (!as_list(c, v, "servers", "server entries", &n))
		return;
	for (size_t i = 0; i < n && (item = list_item(c, v, i)); i++)
		read_server(c, item);
}

static void read_zones(inv *c, void *entry, const yaml_node_t *v)
{
	const yaml_node_t *item;
	size_t n;

	(void)entry;
	if (!as_list(c, v, "zones", "zone entries", &n))
		return;
	for (size_t i = 0; i < n && (item = list_item(c, v, i)); i++)
		read_zone(c, item);
}

/* Rule ids are the engine's to check; only the severity word is ours. */
static void read_rule(inv *c, const yaml_node_t *k, const yaml_node_t *v,
                      seen *ids)
{
	char q[EXCERPT_BUF], q2[EXCERPT_BUF], list[64];
	const char *id = text_of(c, k, "rules", "a rule id");
	const char *t;
	const word *w;
	uint32_t first;

	if (!id)
		return;
	first = seen_add(ids, id, node_line(k));
	if (first) {
		error(c, k, "duplicate key '%s' in 'rules' (first at line %u)",
		      quote(id, q), (unsigned)first);
		return;
	}
	t = text_of(c, v, "rules", "a severity (off, info, warning or error)");
	w = t ? find_word(severity_words, ARRAY_LEN(severity_words), t) : NULL;
	if (w)
		zl_model_add_rule_override(c->m, id, (zl_severity)w->value, node_loc(c, k));
	else if (t)
		error(c, v, "bad severity '%s' for rule %s; expected one of: %s",
		      quote(t, q), quote(id, q2),
		      list_words(severity_words, ARRAY_LEN(severity_words), list, sizeof list));
}

static void read_rules(inv *c, void *entry, const yaml_node_t *v)
{
	seen ids = { NULL, 0, 0 };
	const yaml_node_t *key, *value;
	size_t n;

	(void)entry;
	if (!as_map(c, v, "rules", "rule ids to severities", &n))
		return;
	for (size_t i = 0; i < n && map_pair(c, v, i, &key, &value); i++)
		read_rule(c, key, value, &ids);
	seen_free(&ids);
}

static void read_setting(inv *c, const yaml_node_t *k, const yaml_node_t *v,
                         seen *keys)
{
	char q[EXCERPT_BUF];
	const char *key = text_of(c, k, "settings", "a setting name");
	const char *value;
	uint32_t first;

	if (!key)
		return;
	first = seen_add(keys, key, node_line(k));
	if (first) {
		error(c, k, "duplicate key '%s' in 'settings' (first at line %u)",
		      quote(key, q), (unsigned)first);
		return;
	}
	if (v->type != YAML_SCALAR_NODE) {
		error(c, v, "expected a text value for setting '%s', got %s",
		      quote(key, q), kind(v));
		return;
	}
	value = is_null(v) ? "" : (const char *)v->data.scalar.value;
	if (strlen(value) != v->data.scalar.length && !is_null(v))
		error(c, v, "setting '%s' holds a NUL character", quote(key, q));
	else
		zl_model_set_setting(c->m, key, value);
}

static void read_settings(inv *c, void *entry, const yaml_node_t *v)
{
	seen keys = { NULL, 0, 0 };
	const yaml_node_t *key, *value;
	size_t n;

	(void)entry;
	if (!as_map(c, v, "settings", "names to text values", &n))
		return;
	for (size_t i = 0; i < n && map_pair(c, v, i, &key, &value); i++)
		read_setting(c, key, value, &keys);
	seen_free(&keys);
}

/* `partial: true`: the inventory does not list every DC (SPEC 6.1). */
static void read_partial(inv *c, void *entry, const yaml_node_t *v)
{
	char q[EXCERPT_BUF];
	const char *t = text_of(c, v, "partial", "true or false");

	(void)entry;
	if (t && strcasecmp(t, "true") == 0)
		zl_model_set_partial(c->m, true);
	else if (t && strcasecmp(t, "false") == 0)
		zl_model_set_partial(c->m, false);
	else if (t)
		error(c, v, "bad value '%s' for 'partial' in %s; expected true or false",
		      quote(t, q), c->label);
}

static const key_rule root_keys[] = {
	{ "version", true, read_version },
	{ "forest", true, read_forest },
	{ "domains", false, read_domains },
	{ "servers", false, read_servers },
	{ "zones", false, read_zones },
	{ "rules", false, read_rules },
	{ "settings", false, read_settings },
	{ "partial", false, read_partial },
};
_Static_assert(ARRAY_LEN(root_keys) <= KEYS_MAX, "root_keys over KEYS_MAX");

static void read_root(inv *c, const yaml_node_t *root)
{
	root_entry r = { NULL, { NULL, 0, 0 }, false };

	if (!root) {
		error_at(c, top_loc(c), "the inventory is empty; expected a mapping "
		         "with version: 1, forest, servers and zones");
		return;
	}
	if (root->type != YAML_MAPPING_NODE) {
		error(c, root, "expected a mapping (version, forest, domains, servers, "
		      "zones, rules, settings, partial) at the top of the inventory, got %s",
		      kind(root));
		return;
	}
	walk_map(c, root, "inventory", root_keys, ARRAY_LEN(root_keys), &r);
	if (r.forest && !r.forest_listed)
		zl_model_add_domain(c->m, r.forest, r.forest_where);
}

/* ---- the file and libyaml ------------------------------------------------ */

/* Where byte `offset` of buf is (libyaml gives reader errors as offsets). */
static yaml_mark_t offset_mark(const unsigned char *buf, size_t len, size_t offset)
{
	yaml_mark_t k = { offset, 0, 0 };
	size_t line_start = 0;

	for (size_t i = 0; i < offset && i < len; i++)
		if (buf[i] == '\n') {
			k.line++;
			line_start = i + 1;
		}
	k.column = offset - line_start;
	return k;
}

static void yaml_problem(inv *c, const yaml_parser_t *p,
                         const unsigned char *buf, size_t len)
{
	char context[160] = "";
	yaml_mark_t at = p->problem_mark;

	if (p->error == YAML_MEMORY_ERROR) {
		error_at(c, top_loc(c), "out of memory reading the inventory");
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		at = offset_mark(buf, len, p->problem_offset);
		if (p->problem_value != -1)
			snprintf(context, sizeof context, " (#x%X)", (unsigned)p->problem_value);
	} else if (p->context) {
		snprintf(context, sizeof context, " (%s at line %zu, column %zu)",
		         p->context, p->context_mark.line + 1, p->context_mark.column + 1);
	}
	error_at(c, mark_loc(c, at), "bad YAML: %s%s",
	         p->problem ? p->problem : "cannot parse", context);
}

/* One pass over the events: syntax errors, nesting depth, documents. */
static int scan_events(inv *c, const unsigned char *buf, size_t len)
{
	yaml_parser_t p;
	unsigned depth = 0, documents = 0;
	int rc = 0;
	bool done = false;

	if (!yaml_parser_initialize(&p)) {
		error_at(c, top_loc(c), "out of memory reading the inventory");
		return -1;
	}
	yaml_parser_set_input_string(&p, buf, len);
	while (!done && rc == 0) {
		yaml_event_t ev;

		if (!yaml_parser_parse(&p, &ev)) {
			yaml_problem(c, &p, buf, len);
			rc = -1;
			break;
		}
		switch (ev.type) {
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > INV_MAX_DEPTH) {
				error_at(c, mark_loc(c, ev.start_mark), "the inventory nests "
				         "deeper than %d levels", INV_MAX_DEPTH);
				rc = -1;
			}
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++documents == 2)
				error_at(c, mark_loc(c, ev.start_mark), "a second YAML document "
				         "in the inventory; only the first is read");
			break;
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return rc;
}

static int load_document(inv *c, const unsigned char *buf, size_t len)
{
	yaml_parser_t p;
	yaml_document_t doc;
	int rc = 0;

	if (!yaml_parser_initialize(&p)) {
		error_at(c, top_loc(c), "out of memory reading the inventory");
		return -1;
	}
	yaml_parser_set_input_string(&p, buf, len);
	if (!yaml_parser_load(&p, &doc)) {
		yaml_problem(c, &p, buf, len);
		rc = -1;
	} else {
		c->doc = &doc;
		read_root(c, yaml_document_get_root_node(&doc));
		c->doc = NULL;
		yaml_document_delete(&doc);
	}
	yaml_parser_delete(&p);
	return rc;
}

static int cannot_read(inv *c, const char *why)
{
	char q[EXCERPT_BUF];

	error_at(c, top_loc(c), "cannot read inventory %s: %s", quote(c->file, q), why);
	return -1;
}

/* The whole file into *out (NUL-terminated, for the caller to free). */
static int read_file(inv *c, const char *path, unsigned char **out, size_t *len)
{
	struct stat st;
	unsigned char *buf;
	size_t got = 0;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return cannot_read(c, strerror(errno));
	if (fstat(fd, &st) != 0) {
		int err = errno;

		close(fd);
		return cannot_read(c, strerror(err));
	}
	if (!S_ISREG(st.st_mode) || st.st_size > INV_MAX_BYTES) {
		const char *why = S_ISDIR(st.st_mode) ? strerror(EISDIR)
		                  : !S_ISREG(st.st_mode) ? "not a regular file"
		                  : "larger than 16 MiB";

		close(fd);
		return cannot_read(c, why);
	}
	buf = malloc((size_t)st.st_size + 1);
	if (!buf) {
		close(fd);
		return cannot_read(c, strerror(ENOMEM));
	}
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int err = errno;

			free(buf);
			close(fd);
			return cannot_read(c, strerror(err));
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	buf[got] = '\0';
	*out = buf;
	*len = got;
	return 0;
}

int zl_inventory_load(zl_model *m, const char *path)
{
	return zl_inventory_load_with(m, path, NULL);
}

int zl_inventory_load_with(zl_model *m, const char *path, const zl_inventory_options *o)
{
	inv c;
	unsigned char *buf = NULL;
	size_t len = 0;
	const char *slash = strrchr(path, '/');
	int rc;

	memset(&c, 0, sizeof c);
	c.m = m;
	c.label = "inventory";
	c.live = o && o->live;
	c.anywhere = o && o->include_anywhere;
	c.file = zl_model_strdup(m, path);
	if (!c.file)
		return -1;
	c.dir_len = slash ? (size_t)(slash - path) + 1 : 0;
	rc = read_file(&c, path, &buf, &len);
	if (rc == 0)
		rc = scan_events(&c, buf, len);
	if (rc == 0)
		rc = load_document(&c, buf, len);
	if (c.dropped)
		zl_model_problem_add(m, ZL_SOURCE_INVENTORY,
		                     c.dropped_error ? ZL_SEVERITY_ERROR : ZL_SEVERITY_WARNING,
		                     c.dropped_error, top_loc(&c), NULL, NULL,
		                     "%u more problems in the inventory are not shown",
		                     c.dropped);
	seen_free(&c.zones);
	free(buf);
	return rc;
}
