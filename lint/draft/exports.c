/*
 * lint/draft/exports.c - DIR into the scratch model: one server per
 * folder, one view per *.dns file, read by the zone loader.
 *
 * Two copies of a zone are the same copy when they hold the same records
 * (owner, class, type, TTL, aging stamp, data), whatever their order and
 * layout and whatever their SOA serial: each DC keeps its own serial for an
 * AD-integrated zone, so exports of identical data differ there.
 */
#include "draft/draft_int.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hash.h"
#include "sources/zonefile.h"

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
		return zl_draft_fail(d, "cannot read %s: %s", path, strerror(errno));
	while ((errno = 0, e = readdir(dh))) {
		char *copy;

		if (e->d_name[0] == '.')
			continue;       /* ., .. and hidden files are not exports */
		if (!(copy = strdup(e->d_name)) || VEC_PUSH(names, copy) != 0) {
			free(copy);
			closedir(dh);
			free_names(names.v, names.n);
			return zl_draft_oom(d);
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
		return zl_draft_fail(d, "%s/%s: a server folder is named by the server's host "
		            "name, and '%s' is not one", d->dir, folder, folder);
	if (!(s.folder = strdup(folder)) || VEC_PUSH(d->servers, s) != 0) {
		free(s.folder);
		return zl_draft_oom(d);
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
		return zl_draft_fail(d, "%s: %s", d->dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return zl_draft_fail(d, "%s: not a folder (it should hold one folder per DNS "
		            "server, named by its host name)", d->dir);
	if (list_folder(d, d->dir, &names, &n) != 0)
		return -1;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *path = zl_draft_join(d->dir, names[i]);

		if (!path)
			rc = zl_draft_oom(d);
		else if (stat(path, &st) != 0)
			rc = zl_draft_fail(d, "%s: %s", path, strerror(errno));
		else if (S_ISDIR(st.st_mode))
			rc = add_server(d, names[i]);
		else if (is_export_name(names[i]))
			rc = zl_draft_fail(d, "%s: an export outside a server folder; put each "
			          "server's exports in %s/<its host name>/", path, d->dir);
		free(path);
	}
	free_names(names, n);
	if (rc == 0 && d->servers.n == 0)
		rc = zl_draft_fail(d, "%s: no server folders; it should hold one folder per "
		          "DNS server, named by its host name, with that server's zone "
		          "exports (*.dns)", d->dir);
	if (rc != 0)
		return -1;
	qsort(d->servers.v, d->servers.n, sizeof *d->servers.v, cmp_server);
	for (size_t i = 1; i < d->servers.n; i++)
		if (d->servers.v[i].name == d->servers.v[i - 1].name)
			return zl_draft_fail(d, "%s: folders %s and %s name the same server", d->dir,
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
		return zl_draft_fail(d, "cannot read %s: %s", x->path, strerror(errno));
	got = read(fd, head, sizeof head);
	close(fd);
	if (got < 0)
		return zl_draft_fail(d, "cannot read %s: %s", x->path, strerror(errno));
	if (zl_draft_header_zone(head, (size_t)got, name, sizeof name, &line)) {
		x->named_line = line;
	} else {
		snprintf(name, sizeof name, "%.*s", (int)(strlen(file) - 4), file);
		x->named_line = 0;
	}
	x->zone = zl_model_intern(d->m, name);
	if (!x->zone || zl_name_labels(x->zone) == 0)
		return zl_draft_fail(d, "%s:%u: the zone '%s' is not a valid DNS name", x->path,
		            line ? line : 1, name);
	return 0;
}

static int add_export(draft *d, size_t server_index, const char *folder_path,
                      const char *file)
{
	export x = { 0 };
	struct stat st;

	x.server = server_index;
	x.path = zl_draft_join(folder_path, file);
	x.rel = zl_draft_join(d->servers.v[server_index].folder, file);
	if (!x.path || !x.rel) {
		free(x.path);
		free(x.rel);
		return zl_draft_oom(d);
	}
	if (stat(x.path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    export_zone(d, &x, file) != 0 || VEC_PUSH(d->exports, x) != 0) {
		if (!d->failed)
			zl_draft_fail(d, "cannot read %s: %s", x.path,
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
		char *folder = zl_draft_join(d->dir, d->servers.v[i].folder), **names;
		size_t n, before = d->exports.n;
		int rc = 0;

		if (!folder)
			return zl_draft_oom(d);
		if (list_folder(d, folder, &names, &n) != 0) {
			free(folder);
			return -1;
		}
		for (size_t j = 0; j < n && rc == 0; j++)
			if (is_export_name(names[j]))
				rc = add_export(d, i, folder, names[j]);
		free_names(names, n);
		if (rc == 0 && d->exports.n == before)
			rc = zl_draft_fail(d, "%s: no .dns files; a server folder holds that "
			          "server's zone exports (dnscmd /ZoneExport)", folder);
		d->servers.v[i].first_export = before;
		d->servers.v[i].nexports = d->exports.n - before;
		free(folder);
		if (rc != 0)
			return -1;
	}
	return 0;
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
	return zl_draft_name_cmp(((const zone_entry *)a)->name, ((const zone_entry *)b)->name);
}

/* Groups the exports by zone; a server with two copies of one zone is an error. */
static int group_zones(draft *d)
{
	for (size_t i = 0; i < d->exports.n; i++) {
		export *x = &d->exports.v[i];
		zone_entry *z = zone_for(d, x->zone);

		if (!z)
			return zl_draft_oom(d);
		if (z->exports.n) {
			const export *prev = &d->exports.v[z->exports.v[z->exports.n - 1]];
			if (prev->server == x->server)
				return zl_draft_fail(d, "%s and %s are both exports of zone %s; keep "
				            "one per zone in a server's folder", prev->path,
				            x->path, zl_name_text(x->zone));
		}
		if (VEC_PUSH(z->exports, i) != 0)
			return zl_draft_oom(d);
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
			return zl_draft_oom(d);
		zl_zone_set_hosts_explicit(z);
	}
	if (zl_model_resolve(d->m) != 0)
		return zl_draft_oom(d);
	for (size_t i = 0; i < d->exports.n; i++) {
		export *x = &d->exports.v[i];
		zl_zone *z = (zl_zone *)zl_model_zone_find(d->m, x->zone);

		if (!(x->view = zl_model_add_view(d->m, z, x->path)))
			return zl_draft_oom(d);
		if (zl_zonefile_load(d->m, x->view, NULL) != 0)
			return zl_draft_fail(d, "cannot read %s: %s", x->path, strerror(errno));
	}
	print_load_problems(d);
	return 0;
}

/* ---- the content of a copy ------------------------------------------------ */

static void mix(uint64_t h[2], const void *data, size_t len)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < len; i++) {
		h[0] = zl_fnv64_byte(h[0], p[i]);
		h[1] = h[1] * 33 + p[i] + (h[1] >> 29);         /* an unrelated one */
	}
}

/* A record's hash: everything but an SOA's serial (its field 2). */
static void record_hash(const zl_record *r, uint64_t h[2])
{
	uint32_t head[4] = { zl_record_type(r), zl_record_class(r), zl_record_ttl(r),
	                     zl_record_age(r) };
	const char *owner = zl_name_text(zl_record_owner(r));

	h[0] = ZL_FNV64_BASIS;
	h[1] = 5381;
	mix(h, owner, strlen(owner) + 1);
	mix(h, head, sizeof head);
	for (size_t i = 0; i < zl_record_field_count(r); i++) {
		zl_addr a;
		uint32_t v;
		size_t len;
		const uint8_t *bytes;
		const zl_name *n;

		if (zl_record_type(r) == ZL_TYPE_SOA && i == ZL_SOA_SERIAL)
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

int zl_draft_read(draft *d)
{
	if (read_servers(d) != 0 || read_exports(d) != 0 || group_zones(d) != 0 ||
	    load_exports(d) != 0)
		return -1;
	for (size_t i = 0; i < d->exports.n; i++)
		hash_export(&d->exports.v[i]);
	for (size_t i = 0; i < d->zones.n; i++)
		choose_file(d, &d->zones.v[i]);
	return 0;
}
