/*
 * lint/model.c - the forest model: building it (model_int.h) and the
 * read-only queries rules use (zonelint/model.h).
 */
#include "model_int.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "names.h"
#include "namemap.h"
#include "record.h"
#include "settings.h"
#include "vec.h"

/* Records are stored in chunks so that growing a view never copies them. */
#define CHUNK_BITS 12
#define CHUNK_SIZE (1u << CHUNK_BITS)
#define NO_RECORD UINT32_MAX

/* What a zl_iter walks (its `by`): an owner's chain, a group of the
 * target index, or the view's list of SOA, NS and DNAME records. */
enum { ITER_OWNER = 0, ITER_TARGET = 1, ITER_SHAPE = 2 };

/*
 * The owner index: open addressing on the interned name's hash.  A slot
 * holds the owner's LAST record; each owner's records form a circular
 * chain through `next` (the last one points back to the first), so that
 * both appending and finding the first record take one step.  Records of
 * an owner are chained in load order, so the chain ends where `next` does
 * not increase.  The hash in the slot spares a record lookup per probe.
 */
typedef struct owner_slot {
	uint32_t last;            /* NO_RECORD: empty slot */
	uint32_t hash;            /* the owner name's */
} owner_slot;

/* The index is cut into OWNER_SHARDS tables by the hash's high bits,
 * each growing on its own: the old and the new copy of a million-owner
 * index are never held together (that was the peak of such a zone). */
#define OWNER_SHARDS 16
#define OWNER_SHARD_BITS 4

typedef struct owner_table {
	owner_slot *slots;
	size_t cap;               /* 0: none yet */
	size_t count;
} owner_table;

/*
 * The target index (zl_view_find_target): the records that point to a
 * name (zl_record_target), grouped by that name, each group in load
 * order; a slot per target name holds where its group starts in `by`
 * and the name's hash.  The group's first record is the slot's key.
 * Built once, when the view is complete (zl_model_freeze).
 */
typedef struct target_slot {
	uint32_t start;           /* NO_RECORD: empty slot */
	uint32_t hash;            /* the target name's */
} target_slot;

/* A view's records and their indexes.  Views of the same zone read from
 * identical text share one (refs counts them). */
typedef struct view_data {
	zl_record **chunks;
	size_t nchunks;
	size_t count;
	owner_table own[OWNER_SHARDS];
	VEC(uint32_t) owners;     /* first record of each owner, first-seen order;
	                             from zl_pages_grow (owner_push) */
	uint32_t soa;             /* first SOA at the apex, NO_RECORD if none */
	VEC(uint32_t) shape;      /* the SOA, NS and DNAME records, load order
	                             (zl_view_shape_records) */
	bool partial;             /* the loader stopped before the file's end */
	unsigned refs;
	size_t first;             /* index of the first view holding it */
	bool frozen;              /* no record can be added */
	atomic_bool indexed;      /* the target index is built */
	pthread_mutex_t *lock;    /* the model's: who builds the index */
	uint32_t *by;             /* record indexes grouped by target */
	size_t nby;
	target_slot *tslots;
	size_t tcap;              /* 0 when no record has a target */
} view_data;

struct zl_view {
	const zl_zone *zone;
	VEC(const char *) files;  /* [0] is the view's own file */
	view_data *data;          /* shared with views of identical content */
	VEC(const zl_server *) servers;
	bool has_content;         /* content_hash/_len describe the file */
	uint64_t content_hash;
	size_t content_len;
};

typedef struct named_ref {
	const zl_name *name;
	zl_location where;
	const char *path;         /* views: only */
} named_ref;

struct zl_server {
	const zl_name *name;
	const zl_name *domain;
	unsigned roles;
	const char *os, *site, *guid, *dns;
	zl_location where, os_where;
	VEC(zl_prefix) addrs;
	VEC(named_ref) inbound_names;
	VEC(const zl_server *) inbound, outbound, partners;
	zl_server_cfg *cfg;             /* settings.c; NULL: all unknown */
};

struct zl_zone {
	const zl_name *name;
	const zl_name *domain;
	zl_storage storage;
	zl_location where;
	const char *file;
	zl_location file_where;
	bool hosts_explicit;
	unsigned no_refresh, refresh;
	VEC(named_ref) host_names;
	VEC(named_ref) view_paths;
	zl_namemap view_by_server;      /* server name -> 1 + its first views: entry */
	VEC(const zl_view *) content_views;   /* zl_view_set_content, in order */
	VEC(const zl_server *) hosts;   /* sorted by name */
	zl_namemap host_by_name;        /* server name -> 1 + index in hosts */
	VEC(zl_view *) host_views;      /* parallel to hosts */
	zl_zone_cfg *cfg;               /* settings.c; NULL: primary, all unknown */
};

struct zl_problem {
	zl_source_problem source;
	zl_severity severity;
	bool unusable;
	zl_location where;
	const char *message;
	const zl_name *zone, *server;
};

typedef struct setting {
	const char *key, *value;
} setting;

typedef struct suppression {
	zl_location where;
	const char *ids;
} suppression;

typedef struct rule_override {
	const char *rule;
	zl_severity severity;
	zl_location where;
} rule_override;

struct zl_model {
	zl_arena arena;
	zl_names names;
	const zl_name *forest;
	zl_location forest_where;
	VEC(const zl_name *) domains;
	VEC(zl_location) domain_where;
	VEC(const char *) domain_guids;   /* parallel to domains; NULL: unknown */
	bool partial;
	int64_t audit_date;
	VEC(setting) settings;
	VEC(rule_override) overrides;
	VEC(zl_server *) servers;
	zl_namemap server_by_name;
	VEC(zl_zone *) zones;
	zl_namemap zone_by_name;
	VEC(zl_view *) views;
	VEC(zl_problem) problems;
	VEC(suppression) suppressions;
	size_t records;
	size_t max_records;         /* --max-records; 0: the default */
	bool unusable;
	pthread_mutex_t index_lock;     /* target indexes built on demand */
};

/* ---- life cycle ------------------------------------------------------- */

zl_model *zl_model_new(void)
{
	zl_model *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	if (pthread_mutex_init(&m->index_lock, NULL) != 0) {
		free(m);
		return NULL;
	}
	zl_arena_init(&m->arena);
	zl_names_init(&m->names);
	return m;
}

static void server_free(zl_server *s)
{
	VEC_FREE(s->addrs);
	VEC_FREE(s->inbound_names);
	VEC_FREE(s->inbound);
	VEC_FREE(s->outbound);
	VEC_FREE(s->partners);
	free(s);
}

static void zone_free(zl_zone *z)
{
	VEC_FREE(z->host_names);
	VEC_FREE(z->view_paths);
	zl_namemap_release(&z->view_by_server);
	zl_namemap_release(&z->host_by_name);
	VEC_FREE(z->content_views);
	VEC_FREE(z->hosts);
	VEC_FREE(z->host_views);
	free(z);
}

static void view_data_release(view_data *d)
{
	if (!d || --d->refs > 0)
		return;
	free(d->chunks);          /* the chunks are in the model's arena */
	for (size_t k = 0; k < OWNER_SHARDS; k++)
		zl_pages_free(d->own[k].slots, d->own[k].cap * sizeof(owner_slot));
	zl_pages_free(d->tslots, d->tcap * sizeof(*d->tslots));
	zl_pages_free(d->by, d->nby * sizeof(*d->by));
	zl_pages_free(d->owners.v, d->owners.cap * sizeof(*d->owners.v));
	VEC_FREE(d->shape);
	free(d);
}

static void view_free(zl_view *v)
{
	view_data_release(v->data);
	VEC_FREE(v->files);
	VEC_FREE(v->servers);
	free(v);
}

void zl_model_free(zl_model *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->servers.n; i++)
		server_free(m->servers.v[i]);
	for (size_t i = 0; i < m->zones.n; i++)
		zone_free(m->zones.v[i]);
	for (size_t i = 0; i < m->views.n; i++)
		view_free(m->views.v[i]);
	VEC_FREE(m->servers);
	VEC_FREE(m->zones);
	zl_namemap_release(&m->server_by_name);
	zl_namemap_release(&m->zone_by_name);
	VEC_FREE(m->views);
	VEC_FREE(m->domains);
	VEC_FREE(m->domain_guids);
	VEC_FREE(m->domain_where);
	VEC_FREE(m->settings);
	VEC_FREE(m->overrides);
	VEC_FREE(m->problems);
	VEC_FREE(m->suppressions);
	zl_names_release(&m->names);
	zl_arena_release(&m->arena);
	pthread_mutex_destroy(&m->index_lock);
	free(m);
}

const char *zl_model_strndup(zl_model *m, const char *s, size_t len)
{
	char *p = zl_arena_alloc(&m->arena, len + 1, 1);

	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

const char *zl_model_strdup(zl_model *m, const char *s)
{
	return s ? zl_model_strndup(m, s, strlen(s)) : NULL;
}

/* ---- names ------------------------------------------------------------ */

const zl_name *zl_model_intern(zl_model *m, const char *text)
{
	return zl_names_intern_text(&m->names, text);
}

const zl_name *zl_model_intern_wire(zl_model *m, const uint8_t *wire, size_t len)
{
	return zl_names_intern_wire(&m->names, wire, len);
}

const zl_name *zl_model_intern_rel(zl_model *m, const char *text, size_t len,
                                   const zl_name *origin)
{
	return zl_names_intern_rel(&m->names, text, len, origin);
}

const zl_name *zl_model_intern_child(zl_model *m, const char *label,
                                     const zl_name *parent)
{
	char text[ZL_NAME_TEXT_MAX + 70];

	if ((size_t)snprintf(text, sizeof(text), "%s.%s", label,
	                     parent->labels ? parent->text : "") >= sizeof(text))
		return NULL;
	return zl_model_intern(m, text);
}

const zl_name *zl_model_name(const zl_model *m, const char *text)
{
	return zl_names_lookup(&m->names, text);
}

const char *zl_name_text(const zl_name *n)
{
	return n->text;
}

unsigned zl_name_labels(const zl_name *n)
{
	return n->labels;
}

const zl_name *zl_name_parent(const zl_name *n)
{
	return zl_names_parent(n);
}

bool zl_name_is_below(const zl_name *n, const zl_name *ancestor)
{
	while (n && n->labels > ancestor->labels)
		n = zl_names_parent(n);
	return n == ancestor;
}

/* ---- problems --------------------------------------------------------- */

void zl_model_problem_add(zl_model *m, zl_source_problem source, zl_severity severity,
                          bool unusable, zl_location where,
                          const zl_name *zone, const zl_name *server,
                          const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (unusable)
		m->unusable = true;
	zl_problem p = {
		.source = source, .severity = severity, .unusable = unusable,
		.where = where, .message = zl_model_strdup(m, buf),
		.zone = zone, .server = server,
	};
	if (!p.message || VEC_PUSH(m->problems, p) != 0)
		m->unusable = true;       /* out of memory: never a silent pass */
}

bool zl_model_unusable(const zl_model *m)
{
	return m->unusable;
}

size_t zl_model_problem_count(const zl_model *m)
{
	return m->problems.n;
}

const zl_problem *zl_model_problem(const zl_model *m, size_t i)
{
	return &m->problems.v[i];
}

zl_source_problem zl_problem_source(const zl_problem *p) { return p->source; }
zl_severity zl_problem_severity(const zl_problem *p) { return p->severity; }
zl_location zl_problem_location(const zl_problem *p) { return p->where; }
const char *zl_problem_message(const zl_problem *p) { return p->message; }
const zl_name *zl_problem_zone(const zl_problem *p) { return p->zone; }
const zl_name *zl_problem_server(const zl_problem *p) { return p->server; }

int zl_model_add_suppression(zl_model *m, zl_location where, const char *ids)
{
	suppression s = { where, zl_model_strdup(m, ids) };

	where.file = zl_model_strdup(m, where.file);
	s.where = where;
	return s.ids && where.file ? VEC_PUSH(m->suppressions, s) : -1;
}

size_t zl_model_suppression_count(const zl_model *m)
{
	return m->suppressions.n;
}

const char *zl_model_suppression(const zl_model *m, size_t i, zl_location *where)
{
	*where = m->suppressions.v[i].where;
	return m->suppressions.v[i].ids;
}

/* ---- forest ----------------------------------------------------------- */

void zl_model_set_forest(zl_model *m, const zl_name *forest, zl_location where)
{
	m->forest = forest;
	m->forest_where = where;
}

bool zl_model_add_domain(zl_model *m, const zl_name *domain, zl_location where)
{
	for (size_t i = 0; i < m->domains.n; i++)
		if (m->domains.v[i] == domain)
			return false;
	if (VEC_PUSH(m->domains, domain) != 0)
		return false;
	if (VEC_PUSH(m->domain_where, where) != 0) {
		m->domains.n--;
		return false;
	}
	if (VEC_PUSH(m->domain_guids, NULL) != 0) {
		m->domains.n--;
		m->domain_where.n--;
		return false;
	}
	return true;
}

void zl_model_set_domain_guid(zl_model *m, const zl_name *domain, const char *guid)
{
	for (size_t i = 0; i < m->domains.n; i++)
		if (m->domains.v[i] == domain)
			m->domain_guids.v[i] = guid;
}

void zl_model_set_partial(zl_model *m, bool partial)
{
	m->partial = partial;
}

int zl_model_set_setting(zl_model *m, const char *key, const char *value)
{
	setting s = { zl_model_strdup(m, key), zl_model_strdup(m, value) };

	for (size_t i = 0; i < m->settings.n; i++) {
		if (strcmp(m->settings.v[i].key, key) == 0) {
			m->settings.v[i].value = s.value;
			return s.value ? 0 : -1;
		}
	}
	return s.key && s.value ? VEC_PUSH(m->settings, s) : -1;
}

void zl_model_set_audit_date(zl_model *m, int64_t midnight_utc)
{
	m->audit_date = midnight_utc;
}

int zl_model_add_rule_override(zl_model *m, const char *rule, zl_severity s,
                               zl_location where)
{
	rule_override o = { zl_model_strdup(m, rule), s, where };

	return o.rule ? VEC_PUSH(m->overrides, o) : -1;
}

size_t zl_model_rule_override_count(const zl_model *m)
{
	return m->overrides.n;
}

const char *zl_model_rule_override(const zl_model *m, size_t i,
                                   zl_severity *s, zl_location *where)
{
	*s = m->overrides.v[i].severity;
	*where = m->overrides.v[i].where;
	return m->overrides.v[i].rule;
}

const zl_name *zl_model_forest(const zl_model *m) { return m->forest; }
size_t zl_model_domain_count(const zl_model *m) { return m->domains.n; }
const zl_name *zl_model_domain(const zl_model *m, size_t i) { return m->domains.v[i]; }
zl_location zl_model_forest_location(const zl_model *m) { return m->forest_where; }
bool zl_model_partial(const zl_model *m) { return m->partial; }

const char *zl_model_domain_guid(const zl_model *m, size_t i)
{
	return m->domain_guids.v[i];
}
int64_t zl_model_audit_date(const zl_model *m) { return m->audit_date; }

zl_location zl_model_domain_location(const zl_model *m, size_t i)
{
	return m->domain_where.v[i];
}

const char *zl_model_setting(const zl_model *m, const char *key)
{
	for (size_t i = 0; i < m->settings.n; i++)
		if (strcmp(m->settings.v[i].key, key) == 0)
			return m->settings.v[i].value;
	return NULL;
}

/* The longest of the model's domains that `n` lies in, or NULL. */
static const zl_name *domain_of(const zl_model *m, const zl_name *n)
{
	const zl_name *best = NULL;

	for (size_t i = 0; i < m->domains.n; i++) {
		const zl_name *d = m->domains.v[i];
		if (zl_name_is_below(n, d) && (!best || d->labels > best->labels))
			best = d;
	}
	return best;
}

/* ---- servers ---------------------------------------------------------- */

zl_server *zl_model_server_mut(zl_model *m, const zl_name *name)
{
	return zl_namemap_get(&m->server_by_name, name);
}

zl_server *zl_model_add_server(zl_model *m, const zl_name *name, zl_location where)
{
	if (zl_model_server_mut(m, name))
		return NULL;
	zl_server *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->name = name;
	s->where = where;
	s->os_where = where;
	s->roles = ZL_ROLE_DC | ZL_ROLE_DNS;
	if (zl_namemap_put(&m->server_by_name, name, s) != 0) {
		free(s);
		return NULL;
	}
	if (VEC_PUSH(m->servers, s) != 0) {
		zl_namemap_put(&m->server_by_name, name, NULL);
		free(s);
		return NULL;
	}
	return s;
}

/* Strings of servers live in the model's arena; servers keep a pointer to
 * it through this helper so setters need no model argument. */
void zl_server_set_roles(zl_server *s, unsigned roles) { s->roles = roles; }
void zl_server_set_site(zl_server *s, const char *site) { s->site = site; }
void zl_server_set_dsa_guid(zl_server *s, const char *guid) { s->guid = guid; }
void zl_server_set_dns(zl_server *s, const char *endpoint) { s->dns = endpoint; }

void zl_server_set_os(zl_server *s, const char *os, zl_location where)
{
	s->os = os;
	s->os_where = where;
}

int zl_server_add_address(zl_server *s, const zl_prefix *p)
{
	return VEC_PUSH(s->addrs, *p);
}

int zl_server_add_inbound_name(zl_server *s, const zl_name *name, zl_location where)
{
	named_ref r = { name, where, NULL };

	return VEC_PUSH(s->inbound_names, r);
}

const char *zl_server_dns(const zl_server *s) { return s->dns; }
const zl_name *zl_server_name(const zl_server *s) { return s->name; }
const zl_name *zl_server_domain(const zl_server *s) { return s->domain; }
unsigned zl_server_roles(const zl_server *s) { return s->roles; }
const char *zl_server_os(const zl_server *s) { return s->os; }
const char *zl_server_site(const zl_server *s) { return s->site; }
const char *zl_server_dsa_guid(const zl_server *s) { return s->guid; }
size_t zl_server_address_count(const zl_server *s) { return s->addrs.n; }
const zl_prefix *zl_server_address(const zl_server *s, size_t i) { return &s->addrs.v[i]; }
zl_location zl_server_location(const zl_server *s) { return s->where; }
zl_location zl_server_os_location(const zl_server *s) { return s->os_where; }
size_t zl_server_inbound_count(const zl_server *s) { return s->inbound.n; }
const zl_server *zl_server_inbound(const zl_server *s, size_t i) { return s->inbound.v[i]; }
size_t zl_server_outbound_count(const zl_server *s) { return s->outbound.n; }
const zl_server *zl_server_outbound(const zl_server *s, size_t i) { return s->outbound.v[i]; }
size_t zl_server_partner_count(const zl_server *s) { return s->partners.n; }
const zl_server *zl_server_partner(const zl_server *s, size_t i) { return s->partners.v[i]; }

bool zl_server_has_address(const zl_server *s, const zl_addr *a)
{
	for (size_t i = 0; i < s->addrs.n; i++)
		if (zl_addr_equal(&s->addrs.v[i].addr, a))
			return true;
	return false;
}

size_t zl_model_server_count(const zl_model *m) { return m->servers.n; }
const zl_server *zl_model_server(const zl_model *m, size_t i) { return m->servers.v[i]; }

const zl_server *zl_model_server_find(const zl_model *m, const zl_name *name)
{
	return zl_model_server_mut((zl_model *)m, name);
}

/* ---- zones ------------------------------------------------------------ */

static const char *const storage_names[] = {
	[ZL_STORAGE_FILE] = "file",
	[ZL_STORAGE_AD_FOREST] = "ad-forest",
	[ZL_STORAGE_AD_DOMAIN] = "ad-domain",
	[ZL_STORAGE_AD_LEGACY] = "ad-legacy",
};

const char *zl_storage_name(zl_storage s)
{
	return (unsigned)s <= ZL_STORAGE_AD_LEGACY ? storage_names[s] : "?";
}

zl_zone *zl_model_add_zone(zl_model *m, const zl_name *name, zl_location where)
{
	zl_zone *z = calloc(1, sizeof(*z));

	if (!z)
		return NULL;
	z->name = name;
	z->where = where;
	z->storage = ZL_STORAGE_AD_DOMAIN;
	z->no_refresh = 7;
	z->refresh = 7;
	if (VEC_PUSH(m->zones, z) != 0) {
		free(z);
		return NULL;
	}
	/* The first zone of a name wins, as zl_model_zone_find promises
	 * (zl_model_set_zone_type then prefers the primary one). */
	if (!zl_namemap_get(&m->zone_by_name, name) &&
	    zl_namemap_put(&m->zone_by_name, name, z) != 0) {
		m->zones.n--;
		free(z);
		return NULL;
	}
	return z;
}

void zl_zone_set_storage(zl_zone *z, zl_storage storage) { z->storage = storage; }
void zl_zone_set_hosts_explicit(zl_zone *z) { z->hosts_explicit = true; }

void zl_zone_set_aging(zl_zone *z, unsigned no_refresh_days, unsigned refresh_days)
{
	z->no_refresh = no_refresh_days;
	z->refresh = refresh_days;
}

int zl_zone_add_host_name(zl_zone *z, const zl_name *name, zl_location where)
{
	named_ref r = { name, where, NULL };

	z->hosts_explicit = true;
	return VEC_PUSH(z->host_names, r);
}

void zl_zone_set_file(zl_zone *z, const char *path, zl_location where)
{
	z->file = path;
	z->file_where = where;
}

int zl_zone_add_view_path(zl_zone *z, const zl_name *server, const char *path,
                          zl_location where)
{
	named_ref r = { server, where, path };

	if (!zl_namemap_get(&z->view_by_server, server) &&
	    zl_namemap_put(&z->view_by_server, server,
	                   (void *)(uintptr_t)(z->view_paths.n + 1)) != 0)
		return -1;
	return VEC_PUSH(z->view_paths, r);
}

const char *zl_zone_file(const zl_zone *z) { return z->file; }
zl_location zl_zone_file_location(const zl_zone *z) { return z->file_where; }
const zl_name *zl_zone_name(const zl_zone *z) { return z->name; }
zl_storage zl_zone_storage(const zl_zone *z) { return z->storage; }
const zl_name *zl_zone_domain(const zl_zone *z) { return z->domain; }
size_t zl_zone_host_count(const zl_zone *z) { return z->hosts.n; }
const zl_server *zl_zone_host(const zl_zone *z, size_t i) { return z->hosts.v[i]; }
unsigned zl_zone_no_refresh_days(const zl_zone *z) { return z->no_refresh; }
unsigned zl_zone_refresh_days(const zl_zone *z) { return z->refresh; }
zl_location zl_zone_location(const zl_zone *z) { return z->where; }
size_t zl_model_zone_count(const zl_model *m) { return m->zones.n; }
const zl_zone *zl_model_zone(const zl_model *m, size_t i) { return m->zones.v[i]; }

static int cmp_server_name(const void *a, const void *b)
{
	const zl_server *x = *(const zl_server *const *)a;
	const zl_server *y = *(const zl_server *const *)b;

	return strcmp(x->name->text, y->name->text);
}

/* Index of s among z's hosts (sorted by name), or -1: rules ask it for
 * every (server, name) they check, so a map once resolved, else a binary
 * search. */
static long host_index(const zl_zone *z, const zl_server *s)
{
	size_t lo = 0, hi = z->hosts.n;

	if (z->host_by_name.count) {
		uintptr_t i = (uintptr_t)zl_namemap_get(&z->host_by_name, s->name);
		return i ? (long)(i - 1) : -1;
	}

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(z->hosts.v[mid]->name->text, s->name->text);
		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

bool zl_zone_is_hosted_on(const zl_zone *z, const zl_server *s)
{
	return host_index(z, s) >= 0;
}

const zl_zone *zl_model_zone_find(const zl_model *m, const zl_name *name)
{
	return zl_namemap_get(&m->zone_by_name, name);
}

/* ---- settings storage (settings.c) ------------------------------------ */

zl_zone_cfg **zl_zone_cfg_slot(zl_zone *z) { return &z->cfg; }
const zl_zone_cfg *zl_zone_cfg_get(const zl_zone *z) { return z->cfg; }
zl_server_cfg **zl_server_cfg_slot(zl_server *s) { return &s->cfg; }
const zl_server_cfg *zl_server_cfg_get(const zl_server *s) { return s->cfg; }

void *zl_model_alloc(zl_model *m, size_t size)
{
	void *p = zl_arena_alloc(&m->arena, size ? size : 1, 16);

	if (p)
		memset(p, 0, size);
	return p;
}

/* SPEC 6.3: only a primary zone holds names, so the name's lookup finds
 * it, whichever entry came first. */
void zl_model_set_zone_type(zl_model *m, zl_zone *z, zl_zone_kind k,
                            zl_location where)
{
	zl_zone_cfg *c = zl_zone_cfg_mut(m, z);
	zl_zone *found = zl_namemap_get(&m->zone_by_name, z->name);

	if (!c)
		return;
	c->type = k;
	c->type_where = where;
	if (found == z && k != ZL_ZONE_PRIMARY) {
		for (size_t i = 0; i < m->zones.n; i++)
			if (m->zones.v[i] != z && m->zones.v[i]->name == z->name &&
			    zl_zone_type(m->zones.v[i]) == ZL_ZONE_PRIMARY) {
				(void)zl_namemap_put(&m->zone_by_name, z->name, m->zones.v[i]);
				break;
			}
	} else if (found && found != z && k == ZL_ZONE_PRIMARY &&
	           zl_zone_type(found) != ZL_ZONE_PRIMARY) {
		(void)zl_namemap_put(&m->zone_by_name, z->name, z);
	}
}

/* ---- resolving names after the inventory ------------------------------ */

static int push_unique(zl_model *m, const zl_server ***v, size_t *n, size_t *cap,
                       const zl_server *s)
{
	(void)m;
	for (size_t i = 0; i < *n; i++)
		if ((*v)[i] == s)
			return 0;
	return vec_push_raw((void **)v, n, cap, sizeof(**v), &s);
}

#define PUSH_UNIQUE(m, vec, s) push_unique(m, &(vec).v, &(vec).n, &(vec).cap, s)

static int resolve_server(zl_model *m, zl_server *s)
{
	s->domain = domain_of(m, s->name);
	for (size_t i = 0; i < s->inbound_names.n; i++) {
		const named_ref *r = &s->inbound_names.v[i];
		zl_server *from = zl_model_server_mut(m, r->name);
		if (!from) {
			zl_model_problem_add(m, ZL_SOURCE_INVENTORY, ZL_SEVERITY_ERROR, true,
			                     r->where, NULL, s->name,
			                     "unknown server %s in replicates_from of %s",
			                     r->name->text, s->name->text);
			continue;
		}
		if (from == s) {
			zl_model_problem_add(m, ZL_SOURCE_INVENTORY, ZL_SEVERITY_ERROR, true,
			                     r->where, NULL, s->name,
			                     "server %s replicates from itself",
			                     s->name->text);
			continue;
		}
		if (PUSH_UNIQUE(m, s->inbound, from) || PUSH_UNIQUE(m, from->outbound, s) ||
		    PUSH_UNIQUE(m, s->partners, from) || PUSH_UNIQUE(m, from->partners, s))
			return -1;
	}
	return 0;
}

static bool default_host(const zl_model *m, const zl_zone *z, const zl_server *s)
{
	if (!(s->roles & ZL_ROLE_DNS))
		return false;
	switch (z->storage) {
	case ZL_STORAGE_AD_FOREST:
		return true;
	case ZL_STORAGE_AD_DOMAIN:
	case ZL_STORAGE_AD_LEGACY:
		return s->domain == z->domain || (!s->domain && z->domain == m->forest);
	case ZL_STORAGE_FILE:
		break;
	}
	return false;
}

static int resolve_zone(zl_model *m, zl_zone *z)
{
	z->domain = domain_of(m, z->name);
	if (!z->domain)
		z->domain = m->forest;
	if (z->hosts_explicit) {
		for (size_t i = 0; i < z->host_names.n; i++) {
			const named_ref *r = &z->host_names.v[i];
			const zl_server *s = zl_model_server_mut(m, r->name);
			if (!s)
				zl_model_problem_add(m, ZL_SOURCE_INVENTORY, ZL_SEVERITY_ERROR, true,
				                     r->where, z->name, NULL,
				                     "unknown server %s in hosted_on of zone %s",
				                     r->name->text, z->name->text);
			else if (PUSH_UNIQUE(m, z->hosts, s))
				return -1;
		}
	} else if (z->storage == ZL_STORAGE_FILE) {
		zl_model_problem_add(m, ZL_SOURCE_INVENTORY, ZL_SEVERITY_ERROR, true,
		                     z->where, z->name, NULL,
		                     "zone %s has storage file but no hosted_on: name the "
		                     "servers that hold it", z->name->text);
	} else {
		/* Servers are distinct: no need to look for each among those
		 * already pushed (quadratic in a forest of thousands). */
		for (size_t i = 0; i < m->servers.n; i++)
			if (default_host(m, z, m->servers.v[i]) &&
			    VEC_PUSH(z->hosts, m->servers.v[i]))
				return -1;
	}
	if (z->hosts.n > 1)
		qsort(z->hosts.v, z->hosts.n, sizeof(*z->hosts.v), cmp_server_name);
	if (VEC_RESERVE(z->host_views, z->hosts.n) != 0)
		return -1;
	for (size_t i = 0; i < z->hosts.n; i++) {
		z->host_views.v[i] = NULL;
		if (zl_namemap_put(&z->host_by_name, z->hosts.v[i]->name,
		                   (void *)(uintptr_t)(i + 1)) != 0)
			return -1;
	}
	z->host_views.n = z->hosts.n;

	for (size_t i = 0; i < z->view_paths.n; i++) {
		const named_ref *r = &z->view_paths.v[i];
		const zl_server *s = zl_model_server_mut(m, r->name);
		if (!s)
			zl_model_problem_add(m, ZL_SOURCE_INVENTORY, ZL_SEVERITY_ERROR, true,
			                     r->where, z->name, NULL,
			                     "unknown server %s in views of zone %s",
			                     r->name->text, z->name->text);
		else if (host_index(z, s) < 0)
			zl_model_problem_add(m, ZL_SOURCE_INVENTORY, ZL_SEVERITY_ERROR, true,
			                     r->where, z->name, s->name,
			                     "views of zone %s names %s, which does not host it",
			                     z->name->text, s->name->text);
	}
	return 0;
}

int zl_model_resolve(zl_model *m)
{
	if (!m->forest)
		m->forest = zl_model_intern(m, ".");
	if (m->domains.n == 0 && m->forest->labels > 0 &&
	    !zl_model_add_domain(m, m->forest, m->forest_where))
		return -1;
	if (m->servers.n > 1)
		qsort(m->servers.v, m->servers.n, sizeof(*m->servers.v), cmp_server_name);
	for (size_t i = 0; i < m->servers.n; i++)
		if (resolve_server(m, m->servers.v[i]) != 0)
			return -1;
	for (size_t i = 0; i < m->servers.n; i++) {
		zl_server *s = m->servers.v[i];
		if (s->outbound.n > 1)
			qsort(s->outbound.v, s->outbound.n, sizeof(*s->outbound.v),
			      cmp_server_name);
		if (s->partners.n > 1)
			qsort(s->partners.v, s->partners.n, sizeof(*s->partners.v),
			      cmp_server_name);
	}
	for (size_t i = 0; i < m->zones.n; i++)
		if (resolve_zone(m, m->zones.v[i]) != 0)
			return -1;
	zl_settings_resolve(m);
	return 0;
}

static const named_ref *view_ref(const zl_zone *z, const zl_server *s)
{
	uintptr_t i = (uintptr_t)zl_namemap_get(&z->view_by_server, s->name);

	return i ? &z->view_paths.v[i - 1] : NULL;
}

const char *zl_model_view_path(const zl_model *m, const zl_zone *z,
                               const zl_server *s)
{
	(void)m;
	const named_ref *r = view_ref(z, s);
	return r ? r->path : z->file;
}

zl_location zl_model_view_path_location(const zl_model *m, const zl_zone *z,
                                        const zl_server *s)
{
	(void)m;
	const named_ref *r = view_ref(z, s);
	return r ? r->where : z->file_where;
}

/* ---- views ------------------------------------------------------------ */

zl_view *zl_model_add_view(zl_model *m, zl_zone *z, const char *path)
{
	zl_view *v = calloc(1, sizeof(*v));
	const char *copy = zl_model_strdup(m, path);

	if (v)
		v->data = calloc(1, sizeof(*v->data));
	if (!v || !v->data || !copy || VEC_PUSH(v->files, copy) != 0 ||
	    VEC_PUSH(m->views, v) != 0) {
		if (v)
			view_free(v);
		return NULL;
	}
	v->zone = z;
	v->data->soa = NO_RECORD;
	v->data->refs = 1;
	v->data->first = m->views.n - 1;
	v->data->lock = &m->index_lock;
	return v;
}

void zl_model_drop_view(zl_model *m, zl_view *v)
{
	if (m->views.n && m->views.v[m->views.n - 1] == v && v->servers.n == 0) {
		zl_zone *z = (zl_zone *)v->zone;
		if (z->content_views.n && z->content_views.v[z->content_views.n - 1] == v)
			z->content_views.n--;
		m->records -= v->data->count;
		m->views.n--;
		view_free(v);
	}
}

int zl_view_attach_server(zl_model *m, zl_view *v, const zl_server *s)
{
	(void)m;
	zl_zone *z = (zl_zone *)v->zone;
	long i = host_index(z, s);

	if (i < 0)
		return -1;
	z->host_views.v[i] = v;
	if (VEC_PUSH(v->servers, s) != 0)
		return -1;
	/* Into its place by name: loaders attach in host order, so this is
	 * an append, where sorting the list again each time was quadratic
	 * for a file every DC of a big forest reads. */
	size_t k = v->servers.n - 1;
	while (k > 0 && cmp_server_name(&v->servers.v[k - 1], &s) > 0) {
		v->servers.v[k] = v->servers.v[k - 1];
		k--;
	}
	v->servers.v[k] = s;
	return 0;
}

int zl_view_add_file(zl_view *v, const char *path)
{
	if (v->files.n >= UINT16_MAX || VEC_PUSH(v->files, path) != 0)
		return -1;
	return (int)(v->files.n - 1);
}

const char *zl_view_file_at(const zl_view *v, unsigned index)
{
	return index < v->files.n ? v->files.v[index] : v->files.v[0];
}

/* Here, not in the codec (record.c): a view's files are the model's. */
zl_location zl_record_location(const zl_view *v, const zl_record *r)
{
	return (zl_location){ zl_view_file_at(v, r->file), r->line, 1 };
}

size_t zl_model_view_count(const zl_model *m) { return m->views.n; }
const zl_view *zl_model_view(const zl_model *m, size_t i) { return m->views.v[i]; }
const zl_zone *zl_view_zone(const zl_view *v) { return v->zone; }
const char *zl_view_file(const zl_view *v) { return v->files.v[0]; }
size_t zl_view_server_count(const zl_view *v) { return v->servers.n; }
const zl_server *zl_view_server(const zl_view *v, size_t i) { return v->servers.v[i]; }
size_t zl_view_record_count(const zl_view *v) { return v->data->count; }
size_t zl_model_record_count(const zl_model *m) { return m->records; }

void zl_model_set_max_records(zl_model *m, size_t max)
{
	m->max_records = max;
}

size_t zl_model_max_records(const zl_model *m)
{
	return m->max_records ? m->max_records : ZL_DEFAULT_MAX_RECORDS;
}

bool zl_model_records_full(const zl_model *m)
{
	return m->records >= zl_model_max_records(m);
}

static zl_record *record_at(const view_data *d, uint32_t i)
{
	return &d->chunks[i >> CHUNK_BITS][i & (CHUNK_SIZE - 1)];
}

const zl_record *zl_view_record(const zl_view *v, size_t i)
{
	return record_at(v->data, (uint32_t)i);
}

const zl_record *zl_view_soa(const zl_view *v)
{
	return v->data->soa == NO_RECORD ? NULL : record_at(v->data, v->data->soa);
}

zl_location zl_view_soa_location(const zl_view *v)
{
	const zl_record *soa = zl_view_soa(v);

	if (soa)
		return zl_record_location(v, soa);
	return (zl_location){ v->files.v[0], 1, 1 };
}

const zl_view *zl_model_view_of(const zl_model *m, const zl_zone *z,
                                const zl_server *s)
{
	(void)m;
	long i = host_index(z, s);

	return i < 0 ? NULL : z->host_views.v[i];
}

/* The first slot to probe for hash h (Lemire's fast range reduction:
 * any table size works, and the hash's high bits count). */
static size_t home(uint32_t h, size_t cap)
{
	return (size_t)(((uint64_t)h * cap) >> 32);
}

static owner_table *owner_shard(const view_data *d, uint32_t h)
{
	return (owner_table *)&d->own[h >> (32 - OWNER_SHARD_BITS)];
}

/* The slot of owner n: its own, or the empty one where it would go;
 * NULL when its shard has no table yet. */
static owner_slot *owner_find(const view_data *d, const zl_name *n)
{
	const owner_table *t = owner_shard(d, n->hash);
	size_t i = home(n->hash << OWNER_SHARD_BITS, t->cap);

	if (!t->cap)
		return NULL;
	while (t->slots[i].last != NO_RECORD &&
	       (t->slots[i].hash != n->hash || record_at(d, t->slots[i].last)->owner != n))
		if (++i == t->cap)
			i = 0;
	return &t->slots[i];
}

void zl_view_prefetch_owner(const zl_model *m, const zl_view *v, const char *text,
                            size_t len, const zl_name *origin)
{
	const view_data *d = v->data;
	uint32_t h;

	if (!zl_names_prefetch_rel(&m->names, text, len, origin, &h))
		return;
	const owner_table *t = owner_shard(d, h);
	if (t->cap)
		__builtin_prefetch(&t->slots[home(h << OWNER_SHARD_BITS, t->cap)]);
}

/* Grows a shard of the index by half when seven eighths full (8 to 12
 * slots of 8 bytes for 7 owners): the 32-bit hash beside each slot keeps
 * the longer probes cheap, and a million-owner zone needs the memory. */
static int owner_grow(owner_table *t)
{
	size_t cap = t->cap ? t->cap + t->cap / 2 : 64 / OWNER_SHARDS;

	cap = zl_pages_fit(cap * sizeof(owner_slot)) / sizeof(owner_slot);
	owner_slot *slots = zl_pages_alloc(cap * sizeof(*slots));

	if (!slots)
		return -1;
	for (size_t i = 0; i < cap; i++)
		slots[i].last = NO_RECORD;
	for (size_t i = 0; i < t->cap; i++) {
		if (t->slots[i].last == NO_RECORD)
			continue;
		size_t j = home(t->slots[i].hash << OWNER_SHARD_BITS, cap);
		while (slots[j].last != NO_RECORD)
			if (++j == cap)
				j = 0;
		slots[j] = t->slots[i];
	}
	zl_pages_free(t->slots, t->cap * sizeof(*t->slots));
	t->slots = slots;
	t->cap = cap;
	return 0;
}

/* Appends to the first-seen list; -1 on OOM. */
static int owner_push(view_data *d, uint32_t index)
{
	if (d->owners.n == d->owners.cap) {
		size_t cap = d->owners.cap ? d->owners.cap * 2 : 16;
		uint32_t *v = zl_pages_grow(d->owners.v, d->owners.cap * sizeof(*v),
		                            cap * sizeof(*v));
		if (!v)
			return -1;
		d->owners.v = v;
		d->owners.cap = cap;
	}
	d->owners.v[d->owners.n++] = index;
	return 0;
}

static zl_record *record_slot(zl_model *m, view_data *d)
{
	size_t chunk = d->count >> CHUNK_BITS;

	if (d->count >= NO_RECORD - 1)
		return NULL;
	if (chunk == d->nchunks) {
		zl_record **chunks = realloc(d->chunks, (d->nchunks + 1) * sizeof(*chunks));
		if (!chunks)
			return NULL;
		d->chunks = chunks;
		chunks[d->nchunks] = zl_arena_alloc(&m->arena, CHUNK_SIZE * sizeof(zl_record),
		                                    _Alignof(zl_record));
		if (!chunks[d->nchunks])
			return NULL;
		d->nchunks++;
	}
	return record_at(d, (uint32_t)d->count);
}

/* Copies the builder's fields, with class and age, into the arena. */
static const uint8_t *store_rdata(zl_model *m, const zl_record_spec *spec,
                                  const zl_rdata_builder *rdata)
{
	size_t size = zl_record_blob_size(spec->rclass, spec->age, rdata->len);
	uint8_t *blob = zl_arena_alloc(&m->arena, size, 1);

	if (blob)
		zl_record_blob_write(blob, spec->rclass, spec->age, rdata->count,
		                     rdata->buf, rdata->len);
	return blob;
}

/* The types zl_view_shape_records lists. */
static bool is_shape_type(uint16_t type)
{
	return type == ZL_TYPE_SOA || type == ZL_TYPE_NS || type == ZL_TYPE_DNAME;
}

int zl_view_add_record(zl_model *m, zl_view *v, const zl_record_spec *spec,
                       const zl_rdata_builder *rdata)
{
	view_data *d = v->data;
	owner_table *t = owner_shard(d, spec->owner->hash);

	if (rdata->overflow || d->refs > 1 || d->frozen)
		return -1;
	if ((t->count + 1) * 8 > t->cap * 7 && owner_grow(t) != 0)
		return -1;
	/* Room in the shape list first: nothing below fails half-way. */
	if (is_shape_type(spec->type) && VEC_RESERVE(d->shape, d->shape.n + 1) != 0)
		return -1;
	zl_record *r = record_slot(m, d);
	const uint8_t *blob = r ? store_rdata(m, spec, rdata) : NULL;
	owner_slot *slot = owner_find(d, spec->owner);
	uint32_t index = (uint32_t)d->count;

	if (!blob || (slot->last == NO_RECORD && owner_push(d, index) != 0))
		return -1;
	if (is_shape_type(spec->type))
		d->shape.v[d->shape.n++] = index;
	t->count += slot->last == NO_RECORD;
	*r = (zl_record){
		.owner = spec->owner, .rdata = blob, .ttl = spec->ttl,
		.line = spec->line, .next = index, .type = spec->type, .file = spec->file,
	};
	if (slot->last != NO_RECORD) {
		zl_record *last = record_at(d, slot->last);
		r->next = last->next;          /* the first record of the owner */
		last->next = index;
	}
	*slot = (owner_slot){ index, spec->owner->hash };
	if (spec->type == ZL_TYPE_SOA && spec->owner == v->zone->name && d->soa == NO_RECORD)
		d->soa = index;
	d->count++;
	m->records++;
	return 0;
}

/* ---- the target index ---------------------------------------------------- */

/* The slot of target name t: its own, or the empty one where it would go.
 * A slot's key is the target of its group's first record: during the
 * build `start` holds that record's index, afterwards its place in `by`. */
static target_slot *target_find(const view_data *d, const zl_name *t, bool built)
{
	size_t i = home(t->hash, d->tcap);

	while (d->tslots[i].start != NO_RECORD) {
		const target_slot *s = &d->tslots[i];
		uint32_t rec = built ? d->by[s->start] : s->start;
		if (s->hash == t->hash && zl_record_target(record_at(d, rec)) == t)
			break;
		if (++i == d->tcap)
			i = 0;
	}
	return &d->tslots[i];
}

/* Pass 1: a slot per target and the size of its group in count[]. */
static void target_count(view_data *d, uint32_t *count)
{
	for (uint32_t i = 0; i < d->count; i++) {
		const zl_name *t = zl_record_target(record_at(d, i));
		if (!t)
			continue;
		target_slot *s = target_find(d, t, false);
		if (s->start == NO_RECORD)
			*s = (target_slot){ i, t->hash };
		count[s - d->tslots]++;
	}
}

/* Pass 2: each group's place in `by` (slot order), then the records in
 * load order into their groups; slots then point at their groups. */
static void target_place(view_data *d, uint32_t *count)
{
	uint32_t at = 0;

	for (size_t k = 0; k < d->tcap; k++) {
		uint32_t n = count[k];
		count[k] = at;
		at += n;
	}
	for (uint32_t i = 0; i < d->count; i++) {
		const zl_name *t = zl_record_target(record_at(d, i));
		if (t)
			d->by[count[target_find(d, t, false) - d->tslots]++] = i;
	}
	/* count[k] is now the end of slot k's group: its start is the end
	 * of the previous group in slot order. */
	at = 0;
	for (size_t k = 0; k < d->tcap; k++) {
		if (d->tslots[k].start == NO_RECORD)
			continue;
		d->tslots[k].start = at;
		at = count[k];
	}
}

/* Builds the target index of d: linear in its records (a counting sort
 * on a hash table of the targets). */
static int target_index(view_data *d)
{
	size_t n = 0;

	for (uint32_t i = 0; i < d->count; i++)
		n += zl_record_target(record_at(d, i)) != NULL;
	if (n == 0)
		return 0;
	size_t cap = n + n / 7 + 1;
	uint32_t *count = calloc(cap, sizeof(*count));
	d->tslots = zl_pages_alloc(cap * sizeof(*d->tslots));
	d->by = zl_pages_alloc(n * sizeof(*d->by));
	if (!count || !d->tslots || !d->by) {
		free(count);
		zl_pages_free(d->tslots, cap * sizeof(*d->tslots));
		zl_pages_free(d->by, n * sizeof(*d->by));
		d->tslots = NULL;
		d->by = NULL;
		return -1;
	}
	d->tcap = cap;
	d->nby = n;
	for (size_t k = 0; k < cap; k++)
		d->tslots[k].start = NO_RECORD;
	target_count(d, count);
	target_place(d, count);
	free(count);
	return 0;
}

/*
 * Freezing builds the index of every view when the forest has servers,
 * for the AD rules that ask "which records point at this DC".  A model
 * without servers (-z) gets no index up front, since no built-in rule asks
 * then and a million-record zone has no memory to spare; a plugin that
 * asks gets it built on first use, under the model's lock, since rules run
 * on several threads.
 */
int zl_model_freeze(zl_model *m)
{
	for (size_t i = 0; i < m->views.n; i++) {
		view_data *d = m->views.v[i]->data;
		d->frozen = true;
		if (m->servers.n && !atomic_load(&d->indexed)) {
			if (target_index(d) != 0)
				return -1;
			atomic_store(&d->indexed, true);
		}
	}
	return 0;
}

/* The target index of a frozen view, built now if it is not yet; false
 * when memory runs out (or the view is still being loaded). */
static bool target_ready(view_data *d)
{
	bool ok = true;

	if (atomic_load(&d->indexed))
		return true;
	if (!d->frozen)
		return false;
	pthread_mutex_lock(d->lock);
	if (!atomic_load(&d->indexed)) {
		ok = target_index(d) == 0;
		atomic_store(&d->indexed, ok);
	}
	pthread_mutex_unlock(d->lock);
	return ok;
}

/* The iterator walks `by` from it->next; a group ends where the target
 * changes (or `by` does). */
static const zl_record *target_next(zl_iter *it)
{
	const view_data *d = it->view->data;

	while (it->next != NO_RECORD) {
		const zl_record *r = record_at(d, d->by[it->next]);
		uint32_t k = it->next + 1;
		it->next = k < d->nby && zl_record_target(record_at(d, d->by[k])) ==
		           zl_record_target(r) ? k : NO_RECORD;
		if (!it->type || r->type == it->type)
			return r;
	}
	return NULL;
}

const zl_record *zl_view_find_target(const zl_view *v, const zl_name *target,
                                     uint16_t type, zl_iter *it)
{
	view_data *d = v->data;
	const target_slot *s = target && target_ready(d) && d->tcap
	                       ? target_find(d, target, true) : NULL;

	it->view = v;
	it->type = type;
	it->by = ITER_TARGET;
	it->next = s && s->start != NO_RECORD ? s->start : NO_RECORD;
	return target_next(it);
}

/* it->next is the record to look at; `last` the owner's last one. */
const zl_record *zl_view_find(const zl_view *v, const zl_name *owner,
                              uint16_t type, zl_iter *it)
{
	const view_data *d = v->data;
	const owner_slot *slot = owner ? owner_find(d, owner) : NULL;

	it->view = v;
	it->type = type;
	it->by = ITER_OWNER;
	it->next = slot && slot->last != NO_RECORD ? record_at(d, slot->last)->next
	                                           : NO_RECORD;
	return zl_iter_next(it);
}

/* it->next is the place in `shape` to look at. */
static const zl_record *shape_next(zl_iter *it)
{
	const view_data *d = it->view->data;

	while (it->next < d->shape.n) {
		const zl_record *r = record_at(d, d->shape.v[it->next++]);
		if (r->type == it->type)
			return r;
	}
	it->next = NO_RECORD;
	return NULL;
}

const zl_record *zl_view_shape_records(const zl_view *v, uint16_t type, zl_iter *it)
{
	it->view = v;
	it->type = type;
	it->by = ITER_SHAPE;
	it->next = is_shape_type(type) ? 0 : NO_RECORD;
	return zl_iter_next(it);
}

const zl_record *zl_iter_next(zl_iter *it)
{
	const view_data *d = it->view->data;

	if (it->by == ITER_SHAPE)
		return shape_next(it);
	if (it->by == ITER_TARGET)
		return target_next(it);
	while (it->next != NO_RECORD) {
		uint32_t i = it->next;
		const zl_record *r = record_at(d, i);
		/* The chain is circular and in load order: it ends where it
		 * wraps around to the first record. */
		it->next = r->next > i ? r->next : NO_RECORD;
		if (!it->type || r->type == it->type)
			return r;
	}
	return NULL;
}

size_t zl_view_owner_count(const zl_view *v) { return v->data->owners.n; }
size_t zl_view_records_index(const zl_view *v) { return v->data->first; }

const zl_name *zl_view_owner(const zl_view *v, size_t i)
{
	return record_at(v->data, v->data->owners.v[i])->owner;
}

/* owners.v holds each owner's first record: the chain starts there. */
const zl_record *zl_view_owner_records(const zl_view *v, size_t i, uint16_t type,
                                       zl_iter *it)
{
	it->view = v;
	it->type = type;
	it->by = ITER_OWNER;
	it->next = i < v->data->owners.n ? v->data->owners.v[i] : NO_RECORD;
	return zl_iter_next(it);
}

/* ---- identical content -------------------------------------------------- */

void zl_view_set_content(zl_view *v, uint64_t hash, size_t len)
{
	zl_zone *z = (zl_zone *)v->zone;

	/* Out of memory the view is only not offered for sharing. */
	if (VEC_PUSH(z->content_views, v) != 0)
		return;
	v->has_content = true;
	v->content_hash = hash;
	v->content_len = len;
}

const zl_view *zl_model_view_by_content(const zl_model *m, const zl_zone *z,
                                        uint64_t hash, size_t len)
{
	(void)m;
	/* The zone's views with content noted: a few distinct copies, however
	 * many views share them. */
	for (size_t i = 0; i < z->content_views.n; i++) {
		const zl_view *v = z->content_views.v[i];
		if (v->has_content && v->zone == z && v->content_hash == hash &&
		    v->content_len == len)
			return v;
	}
	return NULL;
}

/* The inline suppressions of from's file, again for v's file. */
static int share_suppressions(zl_model *m, zl_view *v, const zl_view *from)
{
	size_t n = m->suppressions.n;

	for (size_t i = 0; i < n; i++) {
		suppression s = m->suppressions.v[i];
		if (strcmp(s.where.file, from->files.v[0]) != 0)
			continue;
		s.where.file = v->files.v[0];
		if (VEC_PUSH(m->suppressions, s) != 0)
			return -1;
	}
	return 0;
}

void zl_view_mark_partial(zl_view *v)
{
	v->data->partial = true;
}

bool zl_view_partial(const zl_view *v)
{
	return v->data->partial;
}

int zl_view_share(zl_model *m, zl_view *v, const zl_view *from)
{
	if (v->data->count || v->files.n != 1 || from->files.n != 1 || v->zone != from->zone)
		return -1;
	if (share_suppressions(m, v, from) != 0)
		return -1;
	view_data_release(v->data);
	v->data = from->data;
	v->data->refs++;
	m->records += v->data->count;
	return 0;
}

const zl_zone *zl_model_zone_holding(const zl_model *m, const zl_server *s,
                                     const zl_name *name)
{
	const zl_zone *z = NULL;

	for (const zl_name *n = name; n && !z; n = zl_names_parent(n)) {
		const zl_zone *c = zl_model_zone_find(m, n);
		if (c && zl_zone_is_hosted_on(c, s))
			z = c;
	}
	if (!z)
		return NULL;
	/* RFC 1034 4.2.1: below a zone cut the data belongs to the child. */
	const zl_view *v = zl_model_view_of(m, z, s);
	if (v) {
		for (const zl_name *n = name; n != z->name; n = zl_names_parent(n)) {
			zl_iter it;
			if (zl_view_find(v, n, ZL_TYPE_NS, &it))
				return NULL;
		}
	}
	return z;
}
