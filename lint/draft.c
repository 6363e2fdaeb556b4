/*
 * lint/draft.c - see draft.h.
 *
 * What the exports tell, and where (MS-ADTS 6.3.2.3, the records a DC
 * registers):
 *  - `_ldap._tcp.dc._msdcs.D` SRV: D is an AD domain, each target a DC;
 *  - `_ldap._tcp.gc._msdcs.F` SRV: each target a global catalog; GCs
 *    register it under the forest root's name only, so F is the forest;
 *  - `_ldap._tcp.pdc._msdcs.D` SRV: the target holds D's PDC emulator role;
 *  - `_ldap._tcp.SITE._sites.dc._msdcs.D` SRV: the target serves site SITE
 *    (a DC also registers for the sites it covers that have no DC of their
 *    own, so a DC in several sites gets a comment naming the others);
 *  - `<DSA GUID>._msdcs.F` CNAME: the NTDS Settings GUID of the target;
 *  - A/AAAA at a server's name in its own copy: its addresses.
 * The forest is the owner of the GC records; without them, the X of a zone
 * `_msdcs.X` (dcpromo creates that forest-wide zone for the forest root
 * only); else the domain with the fewest labels.  Replication, networks,
 * the OS and the storage of a zone are not in DNS: the draft says so.
 *
 * Two copies of a zone are the same copy when they hold the same records
 * (owner, class, type, TTL, aging stamp, data), whatever their order and
 * layout and whatever their SOA serial: each DC keeps its own serial for an
 * AD-integrated zone, so exports of identical data differ there.
 */
#include "draft.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model_int.h"
#include "namemap.h"
#include "sources/zonefile.h"
#include "vec.h"

enum {
	HEADER_BYTES = 4096,          /* the header comment is in the first lines */
	HEADER_LINES = 12,
	MAX_LABELS = 128,             /* a name of 255 octets has at most 127 */
	MAX_SITES = 8,                /* sites listed for one server */
	COMMENT_COLUMN = 40,
	MAX_WARNINGS = 20,            /* load problems printed */
	GUID_LEN = 36,
};

/* Where a value was read: an export and a line (0: its file name). */
typedef struct source {
	const struct export *x;       /* NULL: nowhere */
	uint32_t line;
} source;

typedef struct export {
	char *path;                   /* as opened: DIR/folder/file */
	char *rel;                    /* folder/file: for comments */
	size_t server;                /* index in servers */
	const zl_name *zone;
	uint32_t named_line;          /* header line naming the zone; 0: file name */
	zl_view *view;
	uint64_t sum[2];              /* of the records' hashes: the content */
	size_t records;
	size_t same_as;               /* first export of the zone with these records */
} export;

typedef struct site_seen {
	const char *text;             /* lower case, as interned */
	source from;
} site_seen;

enum { ROLE_DC, ROLE_GC, ROLE_PDC, ROLE_COUNT };

typedef struct server {
	const zl_name *name;
	char *folder;                 /* the folder's name on disk */
	size_t first_export, nexports;    /* its exports, in exports */
	bool role[ROLE_COUNT];
	source role_from[ROLE_COUNT];
	site_seen sites[MAX_SITES];
	size_t nsites;
	char guid[GUID_LEN + 1];
	source guid_from;
	char other_guid[GUID_LEN + 1];    /* a second GUID CNAME to it */
	source other_guid_from;
} server;

typedef struct zone_entry {
	const zl_name *name;
	VEC(size_t) exports;          /* by server name */
	size_t file;                  /* the export written as `file` */
	size_t copies;                /* exports holding the same records as it */
} zone_entry;

typedef struct fact {
	const zl_name *name;
	source from;
	size_t order;                 /* when it was found */
} fact;

/* A site name as the export spells it ("HQ"; names are interned lower case). */
typedef struct site_case {
	const char *lower;
	char *text;
} site_case;

typedef struct draft {
	zl_model *m;
	const char *dir;
	const char *base;             /* NULL: paths as dir is given */
	char *dir_real, *base_real;
	FILE *out, *diag;
	char *why;
	size_t size;
	bool failed;
	VEC(server) servers;          /* sorted by name */
	VEC(export) exports;          /* server by server, files sorted */
	VEC(zone_entry) zones;        /* canonical DNS order */
	zl_namemap zone_index;        /* zone name -> index + 1, while grouping */
	zl_namemap unlisted_seen;     /* names already in unlisted */
	VEC(fact) domains;
	VEC(fact) gc_owners;
	VEC(fact) unlisted;           /* SRV/CNAME targets with no folder */
	VEC(site_case) site_cases;
	const zl_name *forest;
	source forest_from;
	const char *forest_reason;
	long line_start;              /* offset of the line being written */
} draft;

static int fail(draft *d, const char *fmt, ...) ZL_PRINTF(2, 3);
static int fail(draft *d, const char *fmt, ...)
{
	va_list ap;

	if (!d->failed) {
		va_start(ap, fmt);
		vsnprintf(d->why, d->size, fmt, ap);
		va_end(ap);
	}
	d->failed = true;
	return -1;
}

static int out_of_memory(draft *d)
{
	return fail(d, "out of memory");
}

static char *join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	bool slash = la && a[la - 1] != '/';
	char *p = malloc(la + slash + lb + 1);

	if (p) {
		memcpy(p, a, la);
		if (slash)
			p[la] = '/';
		memcpy(p + la + slash, b, lb + 1);
	}
	return p;
}

/* ---- header comments ----------------------------------------------------- */

/* The text of line `at` (ASCII only; UTF-16LE read by its low bytes). */
static size_t header_text(const char *text, size_t len, char *buf, size_t size)
{
	const unsigned char *u = (const unsigned char *)text;
	bool utf16 = len >= 2 && u[0] == 0xFF && u[1] == 0xFE;
	size_t n = 0;

	for (size_t i = utf16 ? 2 : 0; i < len && n + 1 < size; i += utf16 ? 2 : 1) {
		if (utf16 && i + 1 < len && u[i + 1] != 0)
			buf[n++] = '?';
		else
			buf[n++] = (char)u[i];
	}
	buf[n] = '\0';
	return n;
}

/* "X." or "X" from a header's tail, into name; false when empty. */
static bool copy_zone(const char *start, size_t len, char *name, size_t size)
{
	while (len && start[len - 1] == '.')
		len--;
	if (!len || len >= size)
		return false;
	memcpy(name, start, len);
	name[len] = '\0';
	return true;
}

/* One comment line: ";  Database file F for X zone." or
 * ";  Database file F for Default zone scope in zone X." */
static bool header_line(const char *line, char *name, size_t size)
{
	static const char lead[] = "Database file ", scope[] = " zone scope in zone ";
	static const char tail[] = " zone.";
	const char *p = line + 1, *f, *s;
	size_t len;

	while (*p == ' ' || *p == '\t')
		p++;
	if (line[0] != ';' || strncmp(p, lead, sizeof lead - 1) != 0)
		return false;
	if (!(f = strstr(p, " for ")))
		return false;
	f += 5;
	len = strlen(f);
	while (len && (f[len - 1] == ' ' || f[len - 1] == '\t'))
		len--;
	if ((s = strstr(f, scope)))
		return copy_zone(s + sizeof scope - 1, len - (size_t)(s + sizeof scope - 1 - f),
		                 name, size);
	if (len > sizeof tail - 1 && strncmp(f + len - (sizeof tail - 1), tail,
	                                     sizeof tail - 1) == 0)
		return copy_zone(f, len - (sizeof tail - 1), name, size);
	return false;
}

bool zl_draft_header_zone(const char *text, size_t len, char *name, size_t size,
                          unsigned *line)
{
	char buf[HEADER_BYTES + 1];
	char *p = buf;

	header_text(text, len < HEADER_BYTES ? len : HEADER_BYTES, buf, sizeof buf);
	for (unsigned n = 1; p && n <= HEADER_LINES; n++) {
		char *next = strchr(p, '\n');

		if (next)
			*next++ = '\0';
		p[strcspn(p, "\r")] = '\0';
		if (header_line(p, name, size)) {
			*line = n;
			return true;
		}
		p = next;
	}
	return false;
}

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
	if (!(abs = join(d->dir_real, x->rel)))
		return NULL;
	buf = zl_draft_relative_path(d->base_real, abs, buf, size);
	free(abs);
	return buf;
}

/* ---- reading DIR ------------------------------------------------------------ */

static int cmp_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* The entries of folder `path` but . and .., sorted; -1 (reported) on error. */
static int list_folder(draft *d, const char *path, char ***out, size_t *count)
{
	DIR *dh = opendir(path);
	VEC(char *) names = { NULL, 0, 0 };
	struct dirent *e;

	if (!dh)
		return fail(d, "cannot read %s: %s", path, strerror(errno));
	while ((errno = 0, e = readdir(dh))) {
		char *copy;

		if (e->d_name[0] == '.')
			continue;       /* ., .. and hidden files are not exports */
		if (!(copy = strdup(e->d_name)) || VEC_PUSH(names, copy) != 0) {
			free(copy);
			closedir(dh);
			free_names(names.v, names.n);
			return out_of_memory(d);
		}
	}
	closedir(dh);
	if (names.n > 1)
		qsort(names.v, names.n, sizeof *names.v, cmp_text);
	*out = names.v;
	*count = names.n;
	return 0;
}

static bool is_export_name(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcmp(name + n - 4, ".dns") == 0;
}

static int cmp_server(const void *a, const void *b)
{
	return strcmp(zl_name_text(((const server *)a)->name),
	              zl_name_text(((const server *)b)->name));
}

static int add_server(draft *d, const char *folder)
{
	server s = { 0 };

	s.name = zl_model_intern(d->m, folder);
	if (!s.name || zl_name_labels(s.name) == 0 || strpbrk(folder, " \t\\"))
		return fail(d, "%s/%s: a server folder is named by the server's host "
		            "name, and '%s' is not one", d->dir, folder, folder);
	if (!(s.folder = strdup(folder)) || VEC_PUSH(d->servers, s) != 0) {
		free(s.folder);
		return out_of_memory(d);
	}
	return 0;
}

/* The server folders of DIR, sorted by server name. */
static int read_servers(draft *d)
{
	struct stat st;
	char **names;
	size_t n;
	int rc = 0;

	if (stat(d->dir, &st) != 0)
		return fail(d, "%s: %s", d->dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return fail(d, "%s: not a folder (it should hold one folder per DNS "
		            "server, named by its host name)", d->dir);
	if (list_folder(d, d->dir, &names, &n) != 0)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *path = join(d->dir, names[i]);

		if (!path)
			rc = out_of_memory(d);
		else if (stat(path, &st) != 0)
			rc = fail(d, "%s: %s", path, strerror(errno));
		else if (S_ISDIR(st.st_mode))
			rc = add_server(d, names[i]);
		else if (is_export_name(names[i]))
			rc = fail(d, "%s: an export outside a server folder; put each "
			          "server's exports in %s/<its host name>/", path, d->dir);
		free(path);
	}
	free_names(names, n);
	if (rc == 0 && d->servers.n == 0)
		rc = fail(d, "%s: no server folders; it should hold one folder per "
		          "DNS server, named by its host name, with that server's zone "
		          "exports (*.dns)", d->dir);
	if (rc != 0)
		return -1;
	qsort(d->servers.v, d->servers.n, sizeof *d->servers.v, cmp_server);
	for (size_t i = 1; i < d->servers.n; i++)
		if (d->servers.v[i].name == d->servers.v[i - 1].name)
			return fail(d, "%s: folders %s and %s name the same server", d->dir,
			            d->servers.v[i - 1].folder, d->servers.v[i].folder);
	return 0;
}

/* The zone export x names: its header, else its file name less ".dns". */
static int export_zone(draft *d, export *x, const char *file)
{
	char head[HEADER_BYTES], name[ZL_NAME_TEXT_MAX];
	unsigned line = 0;
	ssize_t got;
	int fd = open(x->path, O_RDONLY);

	if (fd < 0)
		return fail(d, "cannot read %s: %s", x->path, strerror(errno));
	got = read(fd, head, sizeof head);
	close(fd);
	if (got < 0)
		return fail(d, "cannot read %s: %s", x->path, strerror(errno));
	if (zl_draft_header_zone(head, (size_t)got, name, sizeof name, &line)) {
		x->named_line = line;
	} else {
		snprintf(name, sizeof name, "%.*s", (int)(strlen(file) - 4), file);
		x->named_line = 0;
	}
	x->zone = zl_model_intern(d->m, name);
	if (!x->zone || zl_name_labels(x->zone) == 0)
		return fail(d, "%s:%u: the zone '%s' is not a valid DNS name", x->path,
		            line ? line : 1, name);
	return 0;
}

static int add_export(draft *d, size_t server_index, const char *folder_path,
                      const char *file)
{
	export x = { 0 };
	struct stat st;

	x.server = server_index;
	x.path = join(folder_path, file);
	x.rel = join(d->servers.v[server_index].folder, file);
	if (!x.path || !x.rel) {
		free(x.path);
		free(x.rel);
		return out_of_memory(d);
	}
	if (stat(x.path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    export_zone(d, &x, file) != 0 || VEC_PUSH(d->exports, x) != 0) {
		if (!d->failed)
			fail(d, "cannot read %s: %s", x.path,
			     errno ? strerror(errno) : "not a regular file");
		free(x.path);
		free(x.rel);
		return -1;
	}
	return 0;
}

/* The *.dns files of each server's folder. */
static int read_exports(draft *d)
{
	for (size_t i = 0; i < d->servers.n; i++) {
		char *folder = join(d->dir, d->servers.v[i].folder), **names;
		size_t n, before = d->exports.n;
		int rc = 0;

		if (!folder)
			return out_of_memory(d);
		if (list_folder(d, folder, &names, &n) != 0) {
			free(folder);
			return -1;
		}
		for (size_t j = 0; j < n && rc == 0; j++)
			if (is_export_name(names[j]))
				rc = add_export(d, i, folder, names[j]);
		free_names(names, n);
		if (rc == 0 && d->exports.n == before)
			rc = fail(d, "%s: no .dns files; a server folder holds that "
			          "server's zone exports (dnscmd /ZoneExport)", folder);
		d->servers.v[i].first_export = before;
		d->servers.v[i].nexports = d->exports.n - before;
		free(folder);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* ---- names ------------------------------------------------------------------ */

/* Splits a name's text into up to max labels (escapes kept); returns the count. */
static size_t split_labels(const char *text, const char **start, size_t *len,
                           size_t max)
{
	size_t n = 0;
	const char *p = text, *label = text;

	if (strcmp(text, ".") == 0)
		return 0;
	for (;; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (*p == '.' || !*p) {
			if (p > label && n < max) {
				start[n] = label;
				len[n++] = (size_t)(p - label);
			}
			if (!*p)
				break;
			label = p + 1;
		}
	}
	return n;
}

static const zl_name *ancestor(const zl_name *n, unsigned up)
{
	while (n && up--)
		n = zl_name_parent(n);
	return n;
}

/* DNS canonical order (RFC 4034 6.1), on presentation text: a parent
 * before its children, siblings by label. */
static int canonical_cmp(const zl_name *a, const zl_name *b)
{
	const char *sa[MAX_LABELS], *sb[MAX_LABELS];
	size_t la[MAX_LABELS], lb[MAX_LABELS];
	size_t na = split_labels(zl_name_text(a), sa, la, MAX_LABELS);
	size_t nb = split_labels(zl_name_text(b), sb, lb, MAX_LABELS);

	for (size_t i = 1; i <= na && i <= nb; i++) {
		size_t ia = na - i, ib = nb - i, l = la[ia] < lb[ib] ? la[ia] : lb[ib];
		int c = memcmp(sa[ia], sb[ib], l);

		if (c || la[ia] != lb[ib])
			return c ? c : la[ia] < lb[ib] ? -1 : 1;
	}
	return na < nb ? -1 : na > nb;
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

/* ---- the model ------------------------------------------------------------ */

static zone_entry *zone_for(draft *d, const zl_name *name)
{
	zone_entry z = { name, { NULL, 0, 0 }, 0, 0 };
	uintptr_t at = (uintptr_t)zl_namemap_get(&d->zone_index, name);

	if (at)
		return &d->zones.v[at - 1];
	if (VEC_PUSH(d->zones, z) != 0 ||
	    zl_namemap_put(&d->zone_index, name, (void *)(uintptr_t)d->zones.n) != 0)
		return NULL;
	return &d->zones.v[d->zones.n - 1];
}

static int cmp_zone(const void *a, const void *b)
{
	return canonical_cmp(((const zone_entry *)a)->name, ((const zone_entry *)b)->name);
}

/* Groups the exports by zone; a server with two copies of one zone is an error. */
static int group_zones(draft *d)
{
	for (size_t i = 0; i < d->exports.n; i++) {
		export *x = &d->exports.v[i];
		zone_entry *z = zone_for(d, x->zone);

		if (!z)
			return out_of_memory(d);
		if (z->exports.n) {
			const export *prev = &d->exports.v[z->exports.v[z->exports.n - 1]];
			if (prev->server == x->server)
				return fail(d, "%s and %s are both exports of zone %s; keep "
				            "one per zone in a server's folder", prev->path,
				            x->path, zl_name_text(x->zone));
		}
		if (VEC_PUSH(z->exports, i) != 0)
			return out_of_memory(d);
	}
	qsort(d->zones.v, d->zones.n, sizeof *d->zones.v, cmp_zone);
	return 0;
}

/* Problems of the exports that still loaded: warnings on diag. */
static void print_load_problems(const draft *d)
{
	size_t shown = 0, n = zl_model_problem_count(d->m);

	for (size_t i = 0; i < n; i++) {
		const zl_problem *p = zl_model_problem(d->m, i);
		zl_location at = zl_problem_location(p);

		if (zl_problem_severity(p) < ZL_SEVERITY_WARNING)
			continue;
		if (shown++ < MAX_WARNINGS && d->diag)
			fprintf(d->diag, "zonelint: warning: %s:%u:%u: %s\n", at.file,
			        (unsigned)at.line, (unsigned)at.column, zl_problem_message(p));
	}
	if (shown > MAX_WARNINGS && d->diag)
		fprintf(d->diag, "zonelint: warning: %zu more problems in the exports; "
		        "zonelint on the draft lists them all\n", shown - MAX_WARNINGS);
}

/* Every export into a view of its zone in the scratch model. */
static int load_exports(draft *d)
{
	for (size_t i = 0; i < d->zones.n; i++) {
		const export *x = &d->exports.v[d->zones.v[i].exports.v[0]];
		zl_location at = { x->path, x->named_line ? x->named_line : 1, 1 };
		zl_zone *z = zl_model_add_zone(d->m, d->zones.v[i].name, at);

		if (!z)
			return out_of_memory(d);
		zl_zone_set_hosts_explicit(z);
	}
	if (zl_model_resolve(d->m) != 0)
		return out_of_memory(d);
	for (size_t i = 0; i < d->exports.n; i++) {
		export *x = &d->exports.v[i];
		zl_zone *z = (zl_zone *)zl_model_zone_find(d->m, x->zone);

		if (!(x->view = zl_model_add_view(d->m, z, x->path)))
			return out_of_memory(d);
		if (zl_zonefile_load(d->m, x->view, NULL) != 0)
			return fail(d, "cannot read %s: %s", x->path, strerror(errno));
	}
	print_load_problems(d);
	return 0;
}

/* ---- the content of a copy ------------------------------------------------ */

static void mix(uint64_t h[2], const void *data, size_t len)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < len; i++) {
		h[0] = (h[0] ^ p[i]) * 1099511628211u;         /* FNV-1a */
		h[1] = h[1] * 33 + p[i] + (h[1] >> 29);         /* an unrelated one */
	}
}

/* A record's hash: everything but an SOA's serial (its field 2). */
static void record_hash(const zl_record *r, uint64_t h[2])
{
	uint32_t head[4] = { zl_record_type(r), zl_record_class(r), zl_record_ttl(r),
	                     zl_record_age(r) };
	const char *owner = zl_name_text(zl_record_owner(r));

	h[0] = 14695981039346656037u;
	h[1] = 5381;
	mix(h, owner, strlen(owner) + 1);
	mix(h, head, sizeof head);
	for (size_t i = 0; i < zl_record_field_count(r); i++) {
		zl_addr a;
		uint32_t v;
		size_t len;
		const uint8_t *bytes;
		const zl_name *n;

		if (zl_record_type(r) == ZL_TYPE_SOA && i == 2)
			continue;
		switch (zl_record_field_kind(r, i)) {
		case ZL_FIELD_NAME:
			n = zl_record_field_name(r, i);
			mix(h, zl_name_text(n), strlen(zl_name_text(n)) + 1);
			break;
		case ZL_FIELD_ADDR:
			memset(&a, 0, sizeof a);
			zl_record_field_addr(r, i, &a);
			mix(h, &a, sizeof a);
			break;
		case ZL_FIELD_INT:
			v = zl_record_field_int(r, i);
			mix(h, &v, sizeof v);
			break;
		case ZL_FIELD_OTHER:
			bytes = zl_record_field_bytes(r, i, &len);
			mix(h, &len, sizeof len);
			mix(h, bytes, len);
			break;
		}
	}
}

/* The content of each copy: the sum of its records' hashes, so order and
 * layout do not count, and repeated records do. */
static void hash_export(export *x)
{
	size_t n = zl_view_record_count(x->view);

	x->sum[0] = x->sum[1] = 0;
	x->records = n;
	for (size_t i = 0; i < n; i++) {
		uint64_t h[2];

		record_hash(zl_view_record(x->view, i), h);
		x->sum[0] += h[0];
		x->sum[1] += h[1];
	}
}

static bool same_content(const export *a, const export *b)
{
	return a->records == b->records && a->sum[0] == b->sum[0] &&
	       a->sum[1] == b->sum[1];
}

/* `file` is the copy most servers hold; ties go to the copy of the server
 * first by name. */
static void choose_file(draft *d, zone_entry *z)
{
	size_t best = 0, best_count = 0;

	for (size_t i = 0; i < z->exports.n; i++) {
		export *x = &d->exports.v[z->exports.v[i]];
		size_t count = 0;

		x->same_as = z->exports.v[i];
		for (size_t j = 0; j < i; j++)
			if (same_content(&d->exports.v[z->exports.v[j]], x)) {
				x->same_as = z->exports.v[j];
				break;
			}
		if (x->same_as != z->exports.v[i])
			continue;
		for (size_t j = i; j < z->exports.n; j++)
			count += same_content(&d->exports.v[z->exports.v[j]], x);
		if (count > best_count) {
			best = z->exports.v[i];
			best_count = count;
		}
	}
	z->file = best;
	z->copies = best_count;
}

/* ---- what the records say ------------------------------------------------ */

static server *server_named(draft *d, const zl_name *name)
{
	size_t lo = 0, hi = d->servers.n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(zl_name_text(d->servers.v[mid].name), zl_name_text(name));

		if (c == 0)
			return &d->servers.v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int add_fact(draft *d, void *vec, const zl_name *name, source from)
{
	VEC(fact) *facts = vec;
	fact f = { name, from, facts->n };

	for (size_t i = 0; i < facts->n; i++)
		if (facts->v[i].name == name)
			return 0;
	return VEC_PUSH(*facts, f) != 0 ? out_of_memory(d) : 0;
}

/* The server a target names; a target with no folder is noted once. */
static server *target_server(draft *d, const zl_name *target, source from)
{
	server *s = target ? server_named(d, target) : NULL;
	fact f = { target, from, d->unlisted.n };

	if (!target || s || zl_namemap_get(&d->unlisted_seen, target))
		return s;
	if (VEC_PUSH(d->unlisted, f) != 0 ||
	    zl_namemap_put(&d->unlisted_seen, target, d) != 0)
		out_of_memory(d);
	return NULL;
}

static source record_source(const export *x, const zl_record *r)
{
	return (source){ x, zl_record_location(x->view, r).line };
}

static void set_role(server *s, int role, source from)
{
	if (!s->role[role]) {
		s->role[role] = true;
		s->role_from[role] = from;
	}
}

static void add_site(server *s, const char *text, source from)
{
	for (size_t i = 0; i < s->nsites; i++)
		if (strcmp(s->sites[i].text, text) == 0)
			return;
	if (s->nsites < MAX_SITES)
		s->sites[s->nsites++] = (site_seen){ text, from };
}

/* The SRV targets at owner in x get role (none when -1: a service that
 * gives no role), or site when it is not NULL. */
static int srv_targets(draft *d, const export *x, const zl_name *owner, int role,
                       const char *site)
{
	zl_iter it;

	for (const zl_record *r = zl_view_find(x->view, owner, ZL_TYPE_SRV, &it); r;
	     r = zl_iter_next(&it)) {
		server *s = target_server(d, zl_record_target(r), record_source(x, r));

		if (d->failed)
			return -1;
		if (s && site)
			add_site(s, site, record_source(x, r));
		else if (s && role >= 0)
			set_role(s, role, record_source(x, r));
	}
	return 0;
}

static bool is_guid(const char *t, size_t len)
{
	if (len != GUID_LEN)
		return false;
	for (size_t i = 0; i < len; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? t[i] != '-' : !((t[i] >= '0' && t[i] <= '9') ||
		                           (t[i] >= 'a' && t[i] <= 'f')))
			return false;
	}
	return true;
}

/* `<DSA GUID>._msdcs.F` CNAME: the target's NTDS Settings GUID. */
static void guid_cnames(draft *d, const export *x, const zl_name *owner,
                        const char *guid)
{
	zl_iter it;

	for (const zl_record *r = zl_view_find(x->view, owner, ZL_TYPE_CNAME, &it); r;
	     r = zl_iter_next(&it)) {
		server *s = target_server(d, zl_record_target(r), record_source(x, r));

		if (!s || strncmp(s->guid, guid, GUID_LEN) == 0 ||
		    strncmp(s->other_guid, guid, GUID_LEN) == 0)
			continue;
		if (!s->guid[0]) {
			memcpy(s->guid, guid, GUID_LEN);
			s->guid_from = record_source(x, r);
		} else if (!s->other_guid[0]) {
			memcpy(s->other_guid, guid, GUID_LEN);
			s->other_guid_from = record_source(x, r);
		}
	}
}

#define LABEL_IS(i, word) (len[i] == sizeof(word) - 1 && \
                           memcmp(start[i], word, sizeof(word) - 1) == 0)

/* What one owner name of copy x says. */
static int scan_owner(draft *d, const export *x, const zl_name *owner)
{
	const char *start[8];
	size_t len[8];
	size_t n = split_labels(zl_name_text(owner), start, len, 8);
	unsigned labels = zl_name_labels(owner);

	if (n >= 3 && LABEL_IS(1, "_msdcs") && is_guid(start[0], len[0]))
		guid_cnames(d, x, owner, start[0]);
	if (n < 5 || !LABEL_IS(0, "_ldap") || !LABEL_IS(1, "_tcp"))
		return 0;
	if (LABEL_IS(3, "_msdcs")) {
		const zl_name *domain = ancestor(owner, 4);
		zl_iter it;
		const zl_record *r = zl_view_find(x->view, owner, ZL_TYPE_SRV, &it);

		if (!r || labels < 5)
			return 0;
		if (LABEL_IS(2, "dc") && add_fact(d, &d->domains, domain, record_source(x, r)))
			return -1;
		if (LABEL_IS(2, "gc") &&
		    add_fact(d, &d->gc_owners, domain, record_source(x, r)))
			return -1;
		return srv_targets(d, x, owner, LABEL_IS(2, "dc") ? ROLE_DC :
		                   LABEL_IS(2, "gc") ? ROLE_GC :
		                   LABEL_IS(2, "pdc") ? ROLE_PDC : -1, NULL);
	}
	if (n >= 7 && labels >= 7 && LABEL_IS(3, "_sites") && LABEL_IS(4, "dc") &&
	    LABEL_IS(5, "_msdcs")) {
		const char *site = zl_model_strndup(d->m, start[2], len[2]);
		return site ? srv_targets(d, x, owner, -1, site) : out_of_memory(d);
	}
	return 0;
}

#undef LABEL_IS

/* Every copy, the `file` copy of each zone first: the first place a fact
 * is seen is the one its comment names. */
static int scan_exports(draft *d)
{
	for (size_t i = 0; i < d->zones.n; i++) {
		const zone_entry *z = &d->zones.v[i];

		for (size_t k = 0; k <= z->exports.n; k++) {
			size_t xi = k == 0 ? z->file : z->exports.v[k - 1];
			const export *x = &d->exports.v[xi];

			if (k > 0 && xi == z->file)
				continue;
			for (size_t o = 0; o < zl_view_owner_count(x->view); o++)
				if (scan_owner(d, x, zl_view_owner(x->view, o)) != 0)
					return -1;
		}
	}
	return 0;
}

/* True when a and b have the same first label. */
static bool same_first_label(const zl_name *a, const zl_name *b)
{
	const char *sa[1], *sb[1];
	size_t la[1], lb[1];

	return split_labels(zl_name_text(a), sa, la, 1) == 1 &&
	       split_labels(zl_name_text(b), sb, lb, 1) == 1 &&
	       la[0] == lb[0] && memcmp(sa[0], sb[0], la[0]) == 0;
}

/* A folder named by a short name ("DC1") matches no record: the AD
 * records name dc1.<domain>, which then has no folder.  Say so. */
static void warn_short_names(const draft *d)
{
	for (size_t i = 0; i < d->servers.n && d->diag; i++) {
		const server *s = &d->servers.v[i];

		if (s->role[ROLE_DC])
			continue;
		for (size_t j = 0; j < d->unlisted.n; j++)
			if (same_first_label(s->name, d->unlisted.v[j].name)) {
				fprintf(d->diag, "zonelint: warning: %s/%s: AD records name "
				        "%s, which has no folder; name each folder by the "
				        "server's full host name\n", d->dir, s->folder,
				        zl_name_text(d->unlisted.v[j].name));
				break;
			}
	}
}

/* ---- the forest --------------------------------------------------------- */

static bool is_domain(const draft *d, const zl_name *n)
{
	for (size_t i = 0; i < d->domains.n; i++)
		if (d->domains.v[i].name == n)
			return true;
	return false;
}

/* Fewest labels first, then canonical order. */
static const fact *shortest(const draft *d, const fact *facts, size_t n, bool domains_only)
{
	const fact *best = NULL;

	for (size_t i = 0; i < n; i++) {
		const fact *f = &facts[i];
		if (domains_only && !is_domain(d, f->name))
			continue;
		if (!best || zl_name_labels(f->name) < zl_name_labels(best->name) ||
		    (zl_name_labels(f->name) == zl_name_labels(best->name) &&
		     canonical_cmp(f->name, best->name) < 0))
			best = f;
	}
	return best;
}

static int choose_forest(draft *d)
{
	const fact *f = shortest(d, d->gc_owners.v, d->gc_owners.n, true);

	if (!d->domains.n)
		return fail(d, "%s: no AD domain in the exports: no _ldap._tcp.dc._msdcs "
		            "SRV records in any of them (export the zones of the forest "
		            "root and of each domain, and its _msdcs zone)", d->dir);
	if (f) {
		d->forest = f->name;
		d->forest_from = f->from;
		d->forest_reason = "global catalogs register _ldap._tcp.gc._msdcs under "
		                   "the forest root's name";
		return 0;
	}
	for (size_t i = 0; i < d->zones.n; i++) {
		const zl_name *z = d->zones.v[i].name;
		if (zl_name_labels(z) >= 2 && is_domain(d, zl_name_parent(z)) &&
		    strncmp(zl_name_text(z), "_msdcs.", 7) == 0) {
			d->forest = zl_name_parent(z);
			d->forest_from = (source){ &d->exports.v[d->zones.v[i].file],
			                           d->exports.v[d->zones.v[i].file].named_line };
			d->forest_reason = "zone _msdcs.<forest> is the forest root's";
			return 0;
		}
	}
	f = shortest(d, d->domains.v, d->domains.n, false);
	d->forest = f->name;
	d->forest_from = f->from;
	d->forest_reason = "no global catalog records: the shortest domain name";
	return 0;
}

/* ---- site names as the exports spell them ------------------------------- */

/* Label i of the first token of line `line` of x's file, if it spells
 * `lower` in another case; else NULL. */
static char *spelling_at(const export *x, uint32_t line, size_t i, const char *lower)
{
	FILE *f = fopen(x->path, "r");
	char *buf = NULL, *found = NULL;
	size_t cap = 0;
	uint32_t n = 0;

	if (!f)
		return NULL;
	while (getline(&buf, &cap, f) >= 0)
		if (++n == line)
			break;
	if (n == line && buf) {
		const char *start[8];
		size_t len[8];
		buf[strcspn(buf, " \t\r\n")] = '\0';
		if (split_labels(buf, start, len, 8) > i && len[i] == strlen(lower) &&
		    strncasecmp(start[i], lower, len[i]) == 0)
			found = strndup(start[i], len[i]);
	}
	free(buf);
	fclose(f);
	return found;
}

/* The spelling of a site label (label 2 of its SRV owner), read once per
 * site from the line of its first record. */
static const char *site_text(draft *d, const site_seen *s)
{
	site_case c = { s->text, NULL };

	for (size_t i = 0; i < d->site_cases.n; i++)
		if (strcmp(d->site_cases.v[i].lower, s->text) == 0)
			return d->site_cases.v[i].text ? d->site_cases.v[i].text : s->text;
	c.text = spelling_at(s->from.x, s->from.line, 2, s->text);
	if (VEC_PUSH(d->site_cases, c) != 0) {
		free(c.text);
		return s->text;
	}
	return c.text ? c.text : s->text;
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
		                         i > 1 ? ", " : "", site_text(d, &s->sites[i]));
	line_begin(d);
	fprintf(d->out, "    site: %s", scalar(site_text(d, &s->sites[0]), q, sizeof q));
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
	return canonical_cmp(((const fact *)a)->name, ((const fact *)b)->name);
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

static int write_draft(draft *d)
{
	write_header(d);
	write_forest(d);
	write_servers(d);
	write_zones(d);
	write_unlisted(d);
	if (ferror(d->out))
		return fail(d, "cannot write the draft: %s", strerror(errno));
	return 0;
}

/* ---- the whole run -------------------------------------------------------- */

static void draft_free(draft *d)
{
	for (size_t i = 0; i < d->servers.n; i++)
		free(d->servers.v[i].folder);
	for (size_t i = 0; i < d->exports.n; i++) {
		free(d->exports.v[i].path);
		free(d->exports.v[i].rel);
	}
	for (size_t i = 0; i < d->zones.n; i++)
		VEC_FREE(d->zones.v[i].exports);
	for (size_t i = 0; i < d->site_cases.n; i++)
		free(d->site_cases.v[i].text);
	VEC_FREE(d->servers);
	VEC_FREE(d->exports);
	VEC_FREE(d->zones);
	free(d->zone_index.slots);
	free(d->unlisted_seen.slots);
	VEC_FREE(d->domains);
	VEC_FREE(d->gc_owners);
	VEC_FREE(d->unlisted);
	VEC_FREE(d->site_cases);
	free(d->dir_real);
	free(d->base_real);
	zl_model_free(d->m);
}

static int resolve_paths(draft *d)
{
	if (!d->base)
		return 0;
	if (!(d->dir_real = realpath(d->dir, NULL)))
		return fail(d, "%s: %s", d->dir, strerror(errno));
	if (!(d->base_real = realpath(d->base, NULL)))
		return fail(d, "cannot write in %s: %s", d->base, strerror(errno));
	return 0;
}

/* The draft is written into memory first: comments are aligned by the
 * column the line has reached (ftell), which a pipe cannot tell, and a
 * failed draft writes nothing. */
static int copy_out(draft *d, FILE *out, char *const *text, const size_t *len)
{
	if (fclose(d->out) != 0)
		return out_of_memory(d);
	d->out = NULL;        /* *text and *len are set now */
	if (fwrite(*text, 1, *len, out) != *len)
		return fail(d, "cannot write the draft: %s", strerror(errno));
	return 0;
}

int zl_draft_inventory(FILE *out, FILE *diag, const char *dir, const char *base,
                       char *why, size_t size)
{
	draft d = { .dir = dir, .base = base, .diag = diag, .why = why, .size = size };
	char *text = NULL;
	size_t len = 0;
	int rc = -1;

	if (!(d.m = zl_model_new()) || !(d.out = open_memstream(&text, &len))) {
		zl_model_free(d.m);
		return fail(&d, "out of memory");
	}
	if (read_servers(&d) == 0 && read_exports(&d) == 0 && resolve_paths(&d) == 0 &&
	    group_zones(&d) == 0 && load_exports(&d) == 0) {
		for (size_t i = 0; i < d.exports.n; i++)
			hash_export(&d.exports.v[i]);
		for (size_t i = 0; i < d.zones.n; i++)
			choose_file(&d, &d.zones.v[i]);
		if (scan_exports(&d) == 0)
			warn_short_names(&d);
		if (!d.failed && choose_forest(&d) == 0 && write_draft(&d) == 0)
			rc = copy_out(&d, out, &text, &len);
	}
	if (d.out)
		fclose(d.out);
	free(text);
	draft_free(&d);
	return rc;
}

/* ---- -o ------------------------------------------------------------------ */

/* The folder of `path` ("." for a bare name); the caller frees it. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

/* Opens `output` for the draft: created, or a device or FIFO written in
 * place; an existing regular file (perhaps a reviewed draft) is kept. */
static int open_output(const char *output, char *why, size_t size)
{
	struct stat st;
	int fd = open(output, O_WRONLY | O_CREAT | O_EXCL, 0666);

	if (fd >= 0 || errno != EEXIST)
		goto done;
	if (stat(output, &st) == 0 && S_ISREG(st.st_mode)) {
		snprintf(why, size, "%s exists and may hold a reviewed inventory; "
		         "remove it or give another file", output);
		return -1;
	}
	fd = open(output, O_WRONLY);
done:
	if (fd < 0)
		snprintf(why, size, "cannot write %s: %s", output, strerror(errno));
	return fd;
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int zl_draft_write(const char *dir, const char *output, FILE *diag, char *why,
                   size_t size)
{
	char *text = NULL, *base = NULL;
	size_t len = 0;
	FILE *mem;
	int rc = -1, fd;

	if (!output)
		return zl_draft_inventory(stdout, diag, dir, NULL, why, size);
	if (!(base = folder_of(output)) || !(mem = open_memstream(&text, &len))) {
		free(base);
		snprintf(why, size, "out of memory");
		return -1;
	}
	rc = zl_draft_inventory(mem, diag, dir, base, why, size);
	if (fclose(mem) != 0 && rc == 0) {
		snprintf(why, size, "out of memory");
		rc = -1;
	}
	if (rc == 0 && (fd = open_output(output, why, size)) >= 0) {
		bool written = write_all(fd, text, len) == 0;
		if (close(fd) != 0)
			written = false;
		if (!written) {
			snprintf(why, size, "cannot write %s: %s", output, strerror(errno));
			rc = -1;
		}
	} else if (rc == 0) {
		rc = -1;
	}
	free(text);
	free(base);
	return rc;
}
