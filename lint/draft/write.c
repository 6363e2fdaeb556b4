/*
 * lint/draft/write.c - the draft as YAML.  libyaml's emitter writes no
 * comments, and every inferred value carries one, so the YAML is written
 * by hand: every name, path and site through zl_draft_yaml_scalar.
 */
#include "draft/draft_int.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- YAML ------------------------------------------------------------------- */

/* Words a YAML 1.1 or 1.2 reader takes for something other than text. */
static bool yaml_special(const char *t)
{
	static const char *const words[] = {
		"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
	};
	char *end;

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcasecmp(t, words[i]) == 0)
			return true;
	errno = 0;
	(void)strtod(t, &end);
	return *end == '\0';
}

/* Plain when it is letters, digits and . _ - / only, does not start with
 * '-' (a list item), and reads as text (not a number, not a boolean). */
static bool yaml_plain(const char *t)
{
	if (!*t || t[0] == '-')
		return false;
	for (const char *p = t; *p; p++)
		if (!strchr("._-/", *p) && !(*p >= '0' && *p <= '9') &&
		    !(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z'))
			return false;
	return !yaml_special(t);
}

/* Appends len bytes of s to buf (size bytes, *n used), truncating. */
static void append(char *buf, size_t size, size_t *n, const char *s, size_t len)
{
	if (*n + 1 >= size)
		return;
	if (len > size - 1 - *n)
		len = size - 1 - *n;
	memcpy(buf + *n, s, len);
	*n += len;
	buf[*n] = '\0';
}

char *zl_draft_yaml_scalar(const char *text, char *buf, size_t size)
{
	size_t n = 0;

	if (!size)
		return buf;
	buf[0] = '\0';
	if (yaml_plain(text)) {
		append(buf, size, &n, text, strlen(text));
		return buf;
	}
	append(buf, size, &n, "\"", 1);
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		char esc[8];

		if (*p == '"' || *p == '\\')
			snprintf(esc, sizeof esc, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7F)
			snprintf(esc, sizeof esc, "\\x%02X", *p);
		else
			snprintf(esc, sizeof esc, "%c", *p);
		append(buf, size, &n, esc, strlen(esc));
	}
	append(buf, size, &n, "\"", 1);
	return buf;
}

/* ---- paths ---------------------------------------------------------------- */

char *zl_draft_relative_path(const char *from, const char *target, char *buf,
                             size_t size)
{
	size_t common = 0, n = 0;

	/* the longest leading run of whole components both share */
	for (size_t i = 0;; i++) {
		bool end_from = from[i] == '\0' || from[i] == '/';
		bool end_target = target[i] == '\0' || target[i] == '/';

		if (end_from && end_target)
			common = i;
		if (!from[i] || !target[i] || from[i] != target[i])
			break;
	}
	if (!size)
		return NULL;
	buf[0] = '\0';
	for (const char *p = from + common; *p; p++)
		if (*p == '/' && p[1] && p[1] != '/') {
			if (n + 4 > size)
				return NULL;
			memcpy(buf + n, "../", 4);
			n += 3;
		}
	const char *rest = target + common + (target[common] == '/');
	if (n + strlen(rest) + 1 > size)
		return NULL;
	memcpy(buf + n, rest, strlen(rest) + 1);
	return buf;
}

/* The path written for export x. */
static char *inventory_path(const draft *d, const export *x, char *buf, size_t size)
{
	char *abs;

	if (!d->base) {
		snprintf(buf, size, "%s%s%s", d->dir,
		         d->dir[0] && d->dir[strlen(d->dir) - 1] == '/' ? "" : "/", x->rel);
		return buf;
	}
	if (!(abs = zl_draft_join(d->dir_real, x->rel)))
		return NULL;
	buf = zl_draft_relative_path(d->base_real, abs, buf, size);
	free(abs);
	return buf;
}

/* The name's text without its trailing dot, into buf. */
static const char *bare(const zl_name *n, char *buf, size_t size)
{
	const char *t = zl_name_text(n);
	size_t len = strlen(t);

	if (len > 1 && t[len - 1] == '.')
		len--;
	snprintf(buf, size, "%.*s", (int)len, t);
	return buf;
}

/* ---- writing ------------------------------------------------------------- */

static void line_begin(draft *d)
{
	d->line_start = ftell(d->out);
}

/* Ends the line with "# comment" at COMMENT_COLUMN (or two spaces on). */
static void line_end(draft *d, const char *fmt, ...) ZL_PRINTF(2, 3);
static void line_end(draft *d, const char *fmt, ...)
{
	char text[2048];
	va_list ap;
	long col = ftell(d->out) - d->line_start;

	if (fmt) {
		va_start(ap, fmt);
		vsnprintf(text, sizeof text, fmt, ap);
		va_end(ap);
		for (char *p = text; *p; p++)
			if ((unsigned char)*p < 0x20)
				*p = '?';
		fprintf(d->out, "%*s# %s", col < COMMENT_COLUMN ? (int)(COMMENT_COLUMN - col)
		        : 2, "", text);
	}
	fputc('\n', d->out);
}

/* "dc1.corp/corp.dns:12", or "dc1.corp/corp.dns" for line 0. */
static const char *where(const source *s, char *buf, size_t size)
{
	if (!s->x)
		snprintf(buf, size, "?");
	else if (s->line)
		snprintf(buf, size, "%s:%u", s->x->rel, (unsigned)s->line);
	else
		snprintf(buf, size, "%s", s->x->rel);
	return buf;
}

static const char *scalar(const char *text, char *buf, size_t size)
{
	return zl_draft_yaml_scalar(text, buf, size);
}

static const char *name_scalar(const zl_name *n, char *buf, size_t size)
{
	char plain[ZL_NAME_TEXT_MAX];

	return scalar(bare(n, plain, sizeof plain), buf, size);
}

static void write_header(draft *d)
{
	fprintf(d->out,
	        "# zonelint inventory, v1: a draft written by zonelint --draft-inventory\n"
	        "# from the zone exports in %s (%zu servers, %zu exports).\n"
	        "#\n"
	        "# Review it before you trust it.  DNS does not tell everything:\n"
	        "#  - replicates_from: fill it in for each server (repadmin /showrepl\n"
	        "#    lists a DC's inbound partners), or run zonelint with --ldap, which\n"
	        "#    reads it from the directory;\n"
	        "#  - addresses: the prefix lengths are assumed (/24 for IPv4, /64 for\n"
	        "#    IPv6); give each server's real network;\n"
	        "#  - storage: assumed (ad-forest for _msdcs.<forest>, else ad-domain);\n"
	        "#  - os: not in DNS; add it for the eol-os rule;\n"
	        "#  - partial: true, as DCs with no folder of exports are not listed.\n"
	        "# Each comment names the export (under the folder above) and the line\n"
	        "# the value was read from.\n",
	        d->dir, d->servers.n, d->exports.n);
}

static void write_forest(draft *d)
{
	char q[ZL_NAME_TEXT_MAX * 2], at[PATH_MAX + 32];

	fputs("version: 1\n", d->out);
	line_begin(d);
	fputs("partial: true", d->out);
	line_end(d, "drafted from DNS exports");
	line_begin(d);
	fprintf(d->out, "forest: %s", name_scalar(d->forest, q, sizeof q));
	line_end(d, "%s (%s)", where(&d->forest_from, at, sizeof at), d->forest_reason);
	fputs("domains:\n", d->out);
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < d->domains.n; i++) {
			const fact *f = &d->domains.v[i];
			if ((pass == 0) != (f->name == d->forest))
				continue;
			line_begin(d);
			fprintf(d->out, "  - %s", name_scalar(f->name, q, sizeof q));
			line_end(d, "%s (_ldap._tcp.dc._msdcs SRV)", where(&f->from, at, sizeof at));
		}
}

/* The export of server s that holds its name: the closest enclosing zone
 * among its own copies; NULL when it has none. */
static const export *own_copy(const draft *d, size_t s)
{
	const export *best = NULL;
	const server *sv = &d->servers.v[s];

	for (size_t i = sv->first_export; i < sv->first_export + sv->nexports; i++) {
		const export *x = &d->exports.v[i];
		if (zl_name_is_below(sv->name, x->zone) &&
		    (!best || zl_name_labels(x->zone) > zl_name_labels(best->zone)))
			best = x;
	}
	return best;
}

/* The `file` copy of the closest zone holding name, or NULL. */
static const export *any_copy(const draft *d, const zl_name *name)
{
	const zone_entry *best = NULL;

	for (size_t i = 0; i < d->zones.n; i++) {
		const zone_entry *z = &d->zones.v[i];
		if (zl_name_is_below(name, z->name) &&
		    (!best || zl_name_labels(z->name) > zl_name_labels(best->name)))
			best = z;
	}
	return best ? &d->exports.v[best->file] : NULL;
}

static size_t write_addresses_of(draft *d, const export *x, const zl_name *name,
                                 bool own)
{
	char text[ZL_ADDR_TEXT_MAX + 8], q[ZL_ADDR_TEXT_MAX + 16], at[PATH_MAX + 32];
	zl_addr seen[64];
	size_t n = 0;
	zl_iter it;

	for (const zl_record *r = zl_view_find(x->view, name, 0, &it); r;
	     r = zl_iter_next(&it)) {
		zl_addr a;
		bool dup = false;
		source from = record_source(x, r);

		if (!zl_record_addr(r, &a))
			continue;
		for (size_t i = 0; i < n && !dup; i++)
			dup = zl_addr_equal(&seen[i], &a);
		if (dup || n == sizeof seen / sizeof seen[0])
			continue;
		seen[n++] = a;
		if (n == 1)
			fputs("    addresses:\n", d->out);
		zl_addr_format(&a, text, ZL_ADDR_TEXT_MAX);
		strcat(text, a.family == 4 ? "/24" : "/64");
		line_begin(d);
		fprintf(d->out, "      - %s", scalar(text, q, sizeof q));
		line_end(d, "%s%s; /%s assumed", where(&from, at, sizeof at),
		         own ? "" : " (not in its own copy)", a.family == 4 ? "24" : "64");
	}
	return n;
}

static void write_addresses(draft *d, size_t s)
{
	const server *sv = &d->servers.v[s];
	const export *own = own_copy(d, s), *other = any_copy(d, sv->name);

	if (own && write_addresses_of(d, own, sv->name, true))
		return;
	if (other && other != own && write_addresses_of(d, other, sv->name, false))
		return;
	line_begin(d);
	fputs("    addresses: []", d->out);
	line_end(d, "no A or AAAA record at its name in the exports: add them");
}

static void write_roles(draft *d, const server *s)
{
	static const char *const names[ROLE_COUNT] = { "dc", "gc", "pdc" };
	static const char *const owners[ROLE_COUNT] = {
		"_ldap._tcp.dc._msdcs", "_ldap._tcp.gc._msdcs", "_ldap._tcp.pdc._msdcs",
	};
	char at[PATH_MAX + 32];

	fputs("    roles:\n", d->out);
	for (int pass = 0; pass < 2; pass++)
		for (int r = 0; r < ROLE_COUNT; r++) {
			if (!s->role[r] || (pass == 0) != (r == ROLE_DC))
				continue;
			line_begin(d);
			fprintf(d->out, "      - %s", names[r]);
			line_end(d, "%s (%s SRV target)", where(&s->role_from[r], at, sizeof at),
			         owners[r]);
			if (r == ROLE_DC) {
				line_begin(d);
				fputs("      - dns", d->out);
				line_end(d, "it has a folder of zone exports");
			}
		}
	if (!s->role[ROLE_DC]) {
		line_begin(d);
		fputs("      - dns", d->out);
		line_end(d, "not a target of _ldap._tcp.dc._msdcs SRV records: "
		         "a DNS server that is not a DC?");
	}
}

static void write_site(draft *d, const server *s)
{
	char q[256], at[PATH_MAX + 32], others[512] = "";
	size_t used = 0;

	if (!s->nsites)
		return;
	for (size_t i = 1; i < s->nsites && used < sizeof others; i++)
		used += (size_t)snprintf(others + used, sizeof others - used, "%s%s",
		                         i > 1 ? ", " : "", zl_draft_site_text(d, &s->sites[i]));
	line_begin(d);
	fprintf(d->out, "    site: %s", scalar(zl_draft_site_text(d, &s->sites[0]), q, sizeof q));
	if (s->nsites > 1)
		line_end(d, "%s (_sites SRV target); also registered for %s: a DC covers "
		         "sites with no DC of their own, so check which is its own",
		         where(&s->sites[0].from, at, sizeof at), others);
	else
		line_end(d, "%s (_ldap._tcp.<site>._sites.dc._msdcs SRV target)",
		         where(&s->sites[0].from, at, sizeof at));
}

static void write_guid(draft *d, const server *s)
{
	char at[PATH_MAX + 32], at2[PATH_MAX + 32];

	if (!s->guid[0])
		return;
	line_begin(d);
	fprintf(d->out, "    dsa_guid: %s", s->guid);
	if (s->other_guid[0])
		line_end(d, "%s (<guid>._msdcs CNAME); %s at %s also points here: one "
		         "is stale (repadmin /showrepl prints the DSA object GUID)",
		         where(&s->guid_from, at, sizeof at), s->other_guid,
		         where(&s->other_guid_from, at2, sizeof at2));
	else
		line_end(d, "%s (<guid>._msdcs CNAME)", where(&s->guid_from, at, sizeof at));
}

static void write_servers(draft *d)
{
	char q[ZL_NAME_TEXT_MAX * 2];

	fputs("\nservers:\n", d->out);
	for (size_t i = 0; i < d->servers.n; i++) {
		const server *s = &d->servers.v[i];

		if (i)
			fputc('\n', d->out);
		line_begin(d);
		fprintf(d->out, "  - name: %s", name_scalar(s->name, q, sizeof q));
		line_end(d, "folder %s", s->folder);
		write_addresses(d, i);
		write_roles(d, s);
		write_site(d, s);
		write_guid(d, s);
		fputs("    # replicates_from: [...]  fill in: DNS does not show AD "
		      "replication\n"
		      "    #   (repadmin /showrepl on this DC lists its inbound partners; "
		      "--ldap reads them)\n", d->out);
	}
}

static void write_zone(draft *d, const zone_entry *z, const zl_name *forest_msdcs)
{
	char q[ZL_NAME_TEXT_MAX * 2], path[PATH_MAX], pq[PATH_MAX * 2], at[PATH_MAX + 32];
	const export *file = &d->exports.v[z->file];
	source named = { file, file->named_line };

	line_begin(d);
	fprintf(d->out, "  - name: %s", name_scalar(z->name, q, sizeof q));
	line_end(d, "%s (%s)", where(&named, at, sizeof at),
	         file->named_line ? "header" : "file name");
	line_begin(d);
	fprintf(d->out, "    storage: %s", z->name == forest_msdcs ? "ad-forest" : "ad-domain");
	line_end(d, "assumed (an export does not say): %s", z->name == forest_msdcs
	         ? "the forest root's _msdcs zone is forest-wide"
	         : "ad-forest, ad-domain, ad-legacy or file");
	fputs("    hosted_on:\n", d->out);
	for (size_t i = 0; i < z->exports.n; i++) {
		const export *x = &d->exports.v[z->exports.v[i]];
		line_begin(d);
		fprintf(d->out, "      - %s", name_scalar(d->servers.v[x->server].name, q,
		                                             sizeof q));
		line_end(d, "%s", x->rel);
	}
	line_begin(d);
	fprintf(d->out, "    file: %s", scalar(inventory_path(d, file, path, sizeof path)
	                                       ? path : file->rel, pq, sizeof pq));
	line_end(d, "%zu of %zu copies hold these records", z->copies, z->exports.n);
	if (z->copies == z->exports.n)
		return;
	fputs("    views:\n", d->out);
	for (size_t i = 0; i < z->exports.n; i++) {
		const export *x = &d->exports.v[z->exports.v[i]];
		if (x->same_as == file->same_as)
			continue;
		line_begin(d);
		fprintf(d->out, "      %s: ", name_scalar(d->servers.v[x->server].name, q,
		                                            sizeof q));
		fprintf(d->out, "%s", scalar(inventory_path(d, x, path, sizeof path)
		                             ? path : x->rel, pq, sizeof pq));
		line_end(d, "its records differ from file's");
	}
}

static void write_zones(draft *d)
{
	const zl_name *forest_msdcs = zl_model_intern_child(d->m, "_msdcs", d->forest);

	fputs("\nzones:\n", d->out);
	for (size_t i = 0; i < d->zones.n; i++) {
		if (i)
			fputc('\n', d->out);
		write_zone(d, &d->zones.v[i], forest_msdcs);
	}
}

static int cmp_fact_name(const void *a, const void *b)
{
	return zl_draft_name_cmp(((const fact *)a)->name, ((const fact *)b)->name);
}

/* DCs the records name that have no folder: why the draft is partial. */
static void write_unlisted(draft *d)
{
	char q[ZL_NAME_TEXT_MAX], at[PATH_MAX + 32];

	if (!d->unlisted.n)
		return;
	qsort(d->unlisted.v, d->unlisted.n, sizeof *d->unlisted.v, cmp_fact_name);
	fputs("\n# Named by AD records but with no folder of exports (add a folder,\n"
	      "# or check for stale records):\n", d->out);
	for (size_t i = 0; i < d->unlisted.n; i++)
		fprintf(d->out, "#   %s (%s)\n", bare(d->unlisted.v[i].name, q, sizeof q),
		        where(&d->unlisted.v[i].from, at, sizeof at));
}

int zl_draft_emit(draft *d)
{
	write_header(d);
	write_forest(d);
	write_servers(d);
	write_zones(d);
	write_unlisted(d);
	if (ferror(d->out))
		return zl_draft_fail(d, "cannot write the draft: %s", strerror(errno));
	return 0;
}
