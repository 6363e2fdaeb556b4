/*
 * lint/dump_inventory.c - see dump_inventory.h.  The YAML is written by libyaml's emitter,
 * which quotes and escapes whatever a name or a site holds.
 */
#include "dump_inventory.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "model_int.h"

enum { PATH_MAX_LEN = 4096, RDATA_TEXT_MAX = 70000 };

typedef struct dump {
	const zl_model *m;
	const char *dir;
	yaml_emitter_t em;
	char *why;
	size_t size;
	bool failed;
	char *rdata;                  /* RDATA_TEXT_MAX bytes */
} dump;

static int fail(dump *d, const char *fmt, ...) ZL_PRINTF(2, 3);
static int fail(dump *d, const char *fmt, ...)
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

/* ---- YAML events ------------------------------------------------------------- */

static void emit(dump *d, yaml_event_t *ev, int made)
{
	if (d->failed)
		yaml_event_delete(ev);
	else if (!made || !yaml_emitter_emit(&d->em, ev))
		fail(d, "cannot write forest.yaml: %s",
		     d->em.problem ? d->em.problem : "out of memory");
}

static void scalar(dump *d, const char *text)
{
	yaml_event_t ev;

	emit(d, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL,
	     (yaml_char_t *)text, (int)strlen(text), 1, 1, YAML_ANY_SCALAR_STYLE));
}

/* A mapping (seq false) or a sequence begins; flow: on one line. */
static void start(dump *d, bool seq, bool flow)
{
	yaml_event_t ev;
	int made = seq
		? yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
			flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE)
		: yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
			flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);

	emit(d, &ev, made);
}

static void end(dump *d, bool seq)
{
	yaml_event_t ev;

	emit(d, &ev, seq ? yaml_sequence_end_event_initialize(&ev)
	                 : yaml_mapping_end_event_initialize(&ev));
}

#define map_start(d, flow) start(d, false, flow)
#define map_end(d) end(d, false)
#define seq_start(d, flow) start(d, true, flow)
#define seq_end(d) end(d, true)

static void pair(dump *d, const char *key, const char *value)
{
	scalar(d, key);
	scalar(d, value);
}

/* A name as an inventory writes it: no trailing dot (the root stays "."). */
static const char *bare(const zl_name *n, char *buf, size_t size)
{
	size_t len;

	snprintf(buf, size, "%s", zl_name_text(n));
	len = strlen(buf);
	if (len > 1 && buf[len - 1] == '.')
		buf[len - 1] = '\0';
	return buf;
}

static void name_scalar(dump *d, const zl_name *n)
{
	char buf[ZL_NAME_TEXT_MAX];

	scalar(d, bare(n, buf, sizeof buf));
}

/* ---- zone files ---------------------------------------------------------------- */

/* A name safe as one path component: '/' and a leading '.' replaced. */
static void file_part(const zl_name *n, char *buf, size_t size)
{
	bare(n, buf, size);
	if (strcmp(buf, ".") == 0)
		snprintf(buf, size, "root");
	for (char *p = buf; *p; p++)
		if (*p == '/' || (p == buf && *p == '.'))
			*p = '_';
}

static void write_record(dump *d, FILE *f, const zl_record *r)
{
	char type[16];
	const char *t = zl_type_name(zl_record_type(r));

	if (!t) {
		snprintf(type, sizeof type, "TYPE%u", (unsigned)zl_record_type(r));
		t = type;
	}
	fprintf(f, "%s\t", zl_name_text(zl_record_owner(r)));
	if (zl_record_age(r))
		fprintf(f, "[AGE:%" PRIu32 "]\t", zl_record_age(r));
	fprintf(f, "%" PRIu32 "\tIN\t%s\t%s\n", zl_record_ttl(r), t,
	        zl_record_rdata_text(r, d->rdata, RDATA_TEXT_MAX));
}

/* Records by owner, then type, then load order: the directory returns
 * nodes in no set order, and a dump is meant to be diffed and committed. */
typedef struct sorted {
	const zl_record *r;
	size_t i;
} sorted;

static int cmp_sorted(const void *a, const void *b)
{
	const sorted *x = a, *y = b;
	int c = strcmp(zl_name_text(zl_record_owner(x->r)),
	               zl_name_text(zl_record_owner(y->r)));

	if (c)
		return c;
	if (zl_record_type(x->r) != zl_record_type(y->r))
		return zl_record_type(x->r) < zl_record_type(y->r) ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* View v as an RFC 1035 master file in memory (SOA first, as BIND wants);
 * the caller frees *text. */
static int render(dump *d, const zl_view *v, char **text, size_t *len)
{
	const zl_record *soa = zl_view_soa(v);
	size_t n = zl_view_record_count(v);
	sorted *rs = malloc((n ? n : 1) * sizeof *rs);
	FILE *f = rs ? open_memstream(text, len) : NULL;

	if (!f) {
		free(rs);
		return fail(d, "out of memory");
	}
	for (size_t i = 0; i < n; i++)
		rs[i] = (sorted){ zl_view_record(v, i), i };
	qsort(rs, n, sizeof *rs, cmp_sorted);
	fprintf(f, "; zone %s as read from %s\n$ORIGIN %s\n",
	        zl_name_text(zl_zone_name(zl_view_zone(v))), zl_view_file(v),
	        zl_name_text(zl_zone_name(zl_view_zone(v))));
	if (soa)
		write_record(d, f, soa);
	for (size_t i = 0; i < n; i++)
		if (rs[i].r != soa)
			write_record(d, f, rs[i].r);
	free(rs);
	if (fclose(f) != 0)
		return fail(d, "out of memory");
	return 0;
}

static int make_dir(dump *d, const char *path)
{
	if (mkdir(path, 0777) == 0 || errno == EEXIST)
		return 0;
	return fail(d, "cannot create %s: %s", path, strerror(errno));
}

static int write_file(dump *d, const char *rel, const char *text, size_t len)
{
	char path[PATH_MAX_LEN];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", d->dir, rel);
	if (!(f = fopen(path, "w")))
		return fail(d, "cannot write %s: %s", path, strerror(errno));
	bool ok = fwrite(text, 1, len, f) == len;
	if (fclose(f) != 0 || !ok)
		return fail(d, "cannot write %s: %s", path, strerror(errno));
	return 0;
}

/* ---- the inventory ----------------------------------------------------------------- */

static void write_addresses(dump *d, const zl_server *s)
{
	char a[ZL_ADDR_TEXT_MAX], p[ZL_ADDR_TEXT_MAX + 8];

	scalar(d, "addresses");
	seq_start(d, true);
	for (size_t i = 0; i < zl_server_address_count(s); i++) {
		const zl_prefix *x = zl_server_address(s, i);
		snprintf(p, sizeof p, "%s/%u", zl_addr_format(&x->addr, a, sizeof a),
		         (unsigned)x->length);
		scalar(d, p);
	}
	seq_end(d);
}

static void write_roles(dump *d, unsigned roles)
{
	static const struct { unsigned bit; const char *word; } words[] = {
		{ ZL_ROLE_DC, "dc" }, { ZL_ROLE_DNS, "dns" }, { ZL_ROLE_GC, "gc" },
		{ ZL_ROLE_PDC, "pdc" }, { ZL_ROLE_RODC, "rodc" },
	};

	scalar(d, "roles");
	seq_start(d, true);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (roles & words[i].bit)
			scalar(d, words[i].word);
	seq_end(d);
}

/* ---- settings (SPEC 6.1): every key that is known ------------------------ */

static void addr_list(dump *d, const char *key, const zl_addr_list *l)
{
	char text[ZL_ADDR_TEXT_MAX];

	if (!l->known)
		return;
	scalar(d, key);
	seq_start(d, true);
	for (size_t i = 0; i < l->count; i++)
		scalar(d, zl_addr_format(&l->addrs[i], text, sizeof text));
	seq_end(d);
}

static void text_list(dump *d, const char *key, const zl_text_list *l)
{
	if (!l->known)
		return;
	scalar(d, key);
	seq_start(d, true);
	for (size_t i = 0; i < l->count; i++)
		scalar(d, l->items[i]);
	seq_end(d);
}

/* `aging` with what is known of it; the v1 intervals when they are not
 * the default, as before. */
static void write_aging(dump *d, const zl_zone *z, const zl_aging *a)
{
	bool days = z ? zl_zone_no_refresh_days(z) != 7 || zl_zone_refresh_days(z) != 7
	              : a->days_known;
	char text[16];

	if (!a->known && !days && !a->scavenging_servers.known)
		return;
	scalar(d, "aging");
	map_start(d, true);
	if (a->known)
		pair(d, "enabled", a->enabled ? "true" : "false");
	if (days) {
		snprintf(text, sizeof text, "%u", z ? zl_zone_no_refresh_days(z) : a->no_refresh_days);
		pair(d, "no_refresh_days", text);
		snprintf(text, sizeof text, "%u", z ? zl_zone_refresh_days(z) : a->refresh_days);
		pair(d, "refresh_days", text);
	}
	addr_list(d, "scavenging_servers", &a->scavenging_servers);
	map_end(d);
}

/* The keys a server's zone_settings may hold too. */
static void write_zone_values(dump *d, const zl_zone *z, const zl_zone_settings *s)
{
	if (s->dynamic_update != ZL_UPDATE_UNKNOWN)
		pair(d, "dynamic_update", zl_update_name(s->dynamic_update));
	if (s->transfers != ZL_TRANSFERS_UNKNOWN)
		pair(d, "transfers", zl_transfers_name(s->transfers));
	if (s->transfers == ZL_TRANSFERS_LIST)
		addr_list(d, "transfer_to", &s->transfer_to);
	write_aging(d, z, &s->aging);
}

static void write_zone_settings(dump *d, const zl_zone *z)
{
	zl_addr_list masters = zl_zone_masters(z), auto_ns = zl_zone_auto_ns(z);
	zl_text_list cc = zl_zone_create_child(z);

	if (zl_zone_type(z) != ZL_ZONE_PRIMARY)
		pair(d, "type", zl_zone_kind_name(zl_zone_type(z)));
	addr_list(d, "masters", &masters);
	write_zone_values(d, z, zl_zone_own_settings(z));
	addr_list(d, "auto_ns", &auto_ns);
	text_list(d, "create_child", &cc);
}

static void write_server_settings(dump *d, const zl_server *s)
{
	zl_addr_list client = zl_server_dns_client(s), fwd = zl_server_forwarders(s);
	zl_number hours = zl_server_scavenging_hours(s);
	zl_text_list qbl = zl_server_query_block_list(s);
	char text[16];
	bool any = false;

	addr_list(d, "dns_client", &client);
	addr_list(d, "forwarders", &fwd);
	if (hours.known) {
		snprintf(text, sizeof text, "%u", (unsigned)hours.value);
		pair(d, "scavenging_hours", text);
	}
	text_list(d, "query_block_list", &qbl);
	for (size_t i = 0; i < zl_model_zone_count(d->m); i++) {
		const zl_zone *z = zl_model_zone(d->m, i);
		const zl_zone_settings *o = zl_server_zone_settings(s, z);

		if (!o)
			continue;
		if (!any) {
			scalar(d, "zone_settings");
			map_start(d, false);
			any = true;
		}
		name_scalar(d, zl_zone_name(z));
		map_start(d, true);
		write_zone_values(d, NULL, o);
		map_end(d);
	}
	if (any)
		map_end(d);
}

static void write_server(dump *d, const zl_server *s)
{
	map_start(d, false);
	scalar(d, "name");
	name_scalar(d, zl_server_name(s));
	write_addresses(d, s);
	if (zl_server_os(s))
		pair(d, "os", zl_server_os(s));
	write_roles(d, zl_server_roles(s));
	if (zl_server_site(s))
		pair(d, "site", zl_server_site(s));
	if (zl_server_dsa_guid(s))
		pair(d, "dsa_guid", zl_server_dsa_guid(s));
	if (zl_server_inbound_count(s)) {
		scalar(d, "replicates_from");
		seq_start(d, true);
		for (size_t i = 0; i < zl_server_inbound_count(s); i++)
			name_scalar(d, zl_server_name(zl_server_inbound(s, i)));
		seq_end(d);
	}
	if (zl_server_dns(s))
		pair(d, "dns", zl_server_dns(s));
	write_server_settings(d, s);
	map_end(d);
}

/* The zone's files: its first view as zones/<zone>.dns, and each host
 * whose copy differs under zones/<host>/.  `file` and `views` keys. */
static void write_zone_files(dump *d, const zl_zone *z)
{
	char zone[ZL_NAME_TEXT_MAX], host[ZL_NAME_TEXT_MAX], rel[PATH_MAX_LEN];
	char *main_text = NULL, *text;
	size_t main_len = 0, len;
	bool views = false;

	file_part(zl_zone_name(z), zone, sizeof zone);
	for (size_t i = 0; i < zl_zone_host_count(z) && !d->failed; i++) {
		const zl_server *s = zl_zone_host(z, i);
		const zl_view *v = zl_model_view_of(d->m, z, s);
		if (!v || render(d, v, &text, &len) != 0)
			continue;
		if (!main_text) {
			snprintf(rel, sizeof rel, "zones/%s.dns", zone);
			write_file(d, rel, text, len);
			pair(d, "file", rel);
			main_text = text;
			main_len = len;
			continue;
		}
		if (len != main_len || memcmp(text, main_text, len) != 0) {
			file_part(zl_server_name(s), host, sizeof host);
			snprintf(rel, sizeof rel, "%s/zones/%s", d->dir, host);
			make_dir(d, rel);
			snprintf(rel, sizeof rel, "zones/%s/%s.dns", host, zone);
			write_file(d, rel, text, len);
			if (!views) {
				scalar(d, "views");
				map_start(d, false);
				views = true;
			}
			name_scalar(d, zl_server_name(s));
			scalar(d, rel);
		}
		free(text);
	}
	if (views)
		map_end(d);
	free(main_text);
}

static void write_zone(dump *d, const zl_zone *z)
{
	map_start(d, false);
	scalar(d, "name");
	name_scalar(d, zl_zone_name(z));
	pair(d, "storage", zl_storage_name(zl_zone_storage(z)));
	scalar(d, "hosted_on");
	seq_start(d, true);
	for (size_t i = 0; i < zl_zone_host_count(z); i++)
		name_scalar(d, zl_server_name(zl_zone_host(z, i)));
	seq_end(d);
	write_zone_files(d, z);
	write_zone_settings(d, z);
	map_end(d);
}

static void write_rules(dump *d)
{
	zl_severity s;
	zl_location at;

	if (!zl_model_rule_override_count(d->m))
		return;
	scalar(d, "rules");
	map_start(d, false);
	for (size_t i = 0; i < zl_model_rule_override_count(d->m); i++) {
		const char *id = zl_model_rule_override(d->m, i, &s, &at);
		pair(d, id, zl_severity_name(s));
	}
	map_end(d);
}

/* A domain's name, or {name, guid} when its GUID is known. */
static void write_domain(dump *d, size_t i)
{
	const char *guid = zl_model_domain_guid(d->m, i);

	if (!guid) {
		name_scalar(d, zl_model_domain(d->m, i));
		return;
	}
	map_start(d, true);
	scalar(d, "name");
	name_scalar(d, zl_model_domain(d->m, i));
	pair(d, "guid", guid);
	map_end(d);
}

static void write_document(dump *d)
{
	yaml_event_t ev;

	emit(d, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	emit(d, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
	map_start(d, false);
	pair(d, "version", "1");
	scalar(d, "forest");
	name_scalar(d, zl_model_forest(d->m));
	scalar(d, "domains");
	seq_start(d, true);
	for (size_t i = 0; i < zl_model_domain_count(d->m); i++)
		write_domain(d, i);
	seq_end(d);
	pair(d, "partial", zl_model_partial(d->m) ? "true" : "false");
	scalar(d, "servers");
	seq_start(d, false);
	for (size_t i = 0; i < zl_model_server_count(d->m); i++)
		write_server(d, zl_model_server(d->m, i));
	seq_end(d);
	scalar(d, "zones");
	seq_start(d, false);
	for (size_t i = 0; i < zl_model_zone_count(d->m); i++)
		write_zone(d, zl_model_zone(d->m, i));
	seq_end(d);
	write_rules(d);
	map_end(d);
	emit(d, &ev, yaml_document_end_event_initialize(&ev, 1));
	emit(d, &ev, yaml_stream_end_event_initialize(&ev));
}

int zl_dump_inventory(const zl_model *m, const char *dir, char *why, size_t size)
{
	dump d = { .m = m, .dir = dir, .why = why, .size = size };
	char path[PATH_MAX_LEN];
	FILE *f = NULL;

	snprintf(path, sizeof path, "%s/zones", dir);
	if (make_dir(&d, dir) != 0 || make_dir(&d, path) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/forest.yaml", dir);
	if (!(d.rdata = malloc(RDATA_TEXT_MAX)) || !yaml_emitter_initialize(&d.em)) {
		free(d.rdata);
		return fail(&d, "out of memory");
	}
	if (!(f = fopen(path, "w")))
		fail(&d, "cannot write %s: %s", path, strerror(errno));
	else {
		yaml_emitter_set_output_file(&d.em, f);
		yaml_emitter_set_unicode(&d.em, 1);
		write_document(&d);
		if (fclose(f) != 0)
			fail(&d, "cannot write %s: %s", path, strerror(errno));
	}
	yaml_emitter_delete(&d.em);
	free(d.rdata);
	return d.failed ? -1 : 0;
}
