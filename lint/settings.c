/*
 * lint/settings.c - zone and server settings (SPEC 6.1): their storage in
 * the model and the queries of zonelint/model.h that read them.
 *
 * A zone or server nobody gave a setting has no settings block at all;
 * the queries then answer from one constant block where everything is
 * unknown, and the zone is primary.
 */
#include "settings.h"

#include <string.h>
#include <strings.h>

static const zl_zone_cfg no_zone_cfg;
static const zl_server_cfg no_server_cfg;

static const zl_zone_cfg *zone_cfg(const zl_zone *z)
{
	const zl_zone_cfg *c = zl_zone_cfg_get(z);

	return c ? c : &no_zone_cfg;
}

static const zl_server_cfg *server_cfg(const zl_server *s)
{
	const zl_server_cfg *c = zl_server_cfg_get(s);

	return c ? c : &no_server_cfg;
}

/* ---- building ----------------------------------------------------------- */

zl_zone_cfg *zl_zone_cfg_mut(zl_model *m, zl_zone *z)
{
	zl_zone_cfg **slot = zl_zone_cfg_slot(z);

	if (!*slot)
		*slot = zl_model_alloc(m, sizeof(**slot));
	return *slot;
}

zl_server_cfg *zl_server_cfg_mut(zl_model *m, zl_server *s)
{
	zl_server_cfg **slot = zl_server_cfg_slot(s);

	if (!*slot)
		*slot = zl_model_alloc(m, sizeof(**slot));
	return *slot;
}

int zl_model_keep_addrs(zl_model *m, const zl_addr *a, size_t n,
                        zl_location where, zl_addr_list *out)
{
	zl_addr *copy = zl_model_alloc(m, n * sizeof(*copy));

	memset(out, 0, sizeof *out);
	if (!copy)
		return -1;
	if (n)
		memcpy(copy, a, n * sizeof(*copy));
	*out = (zl_addr_list){ true, n, copy, where };
	return 0;
}

int zl_model_keep_texts(zl_model *m, const char *const *t, size_t n,
                        zl_location where, zl_text_list *out)
{
	const char **copy = zl_model_alloc(m, n * sizeof(*copy));

	memset(out, 0, sizeof *out);
	if (!copy)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!(copy[i] = zl_model_strdup(m, t[i])))
			return -1;
	*out = (zl_text_list){ true, n, copy, where };
	return 0;
}

zl_zone_settings *zl_server_add_zone_settings(zl_model *m, zl_server *s,
                                              const zl_name *zone,
                                              zl_location where)
{
	zl_server_cfg *c = zl_server_cfg_mut(m, s);
	zl_zone_override *o = c ? zl_model_alloc(m, sizeof(*o)) : NULL;
	zl_zone_override **tail;

	if (!o)
		return NULL;
	o->zone_name = zone;
	o->where = where;
	for (tail = &c->overrides; *tail; tail = &(*tail)->next)
		;
	*tail = o;
	return &o->s;
}

/* Grows an arena array of `elem`-byte items to hold one more. */
static void *grow(zl_model *m, void *v, size_t n, size_t *cap, size_t elem)
{
	void *bigger;

	if (n < *cap)
		return v;
	bigger = zl_model_alloc(m, (*cap ? *cap * 2 : 8) * elem);
	if (!bigger)
		return NULL;
	if (n)
		memcpy(bigger, v, n * elem);
	*cap = *cap ? *cap * 2 : 8;
	return bigger;
}

int zl_zone_set_directory_known(zl_model *m, zl_zone *z)
{
	zl_zone_cfg *c = zl_zone_cfg_mut(m, z);

	if (!c)
		return -1;
	c->directory_known = true;
	return 0;
}

int zl_zone_add_directory_object(zl_model *m, zl_zone *z, zl_location where)
{
	zl_zone_cfg *c = zl_zone_cfg_mut(m, z);
	zl_location *v;

	if (!c)
		return -1;
	for (size_t i = 0; i < c->nobjects; i++)
		if (strcasecmp(c->objects[i].file, where.file) == 0)
			return 0;
	if (!(v = grow(m, c->objects, c->nobjects, &c->capobjects, sizeof *v)))
		return -1;
	c->objects = v;
	c->objects[c->nobjects++] = where;
	return 0;
}

int zl_zone_set_tombstones_known(zl_model *m, zl_zone *z)
{
	zl_zone_cfg *c = zl_zone_cfg_mut(m, z);

	if (!c)
		return -1;
	c->tombstones_known = true;
	return 0;
}

int zl_zone_add_tombstone(zl_model *m, zl_zone *z, const zl_name *owner,
                          zl_location where)
{
	zl_zone_cfg *c = zl_zone_cfg_mut(m, z);
	zl_tombstone *v;

	if (!c)
		return -1;
	for (size_t i = 0; i < c->ntombstones; i++)
		if (c->tombstones[i].owner == owner)
			return 0;
	if (!(v = grow(m, c->tombstones, c->ntombstones, &c->captombstones, sizeof *v)))
		return -1;
	c->tombstones = v;
	c->tombstones[c->ntombstones++] = (zl_tombstone){ owner, where };
	return 0;
}

/* SPEC 6.3: zone_settings speaks of a zone the server hosts. */
static void resolve_override(zl_model *m, const zl_server *s, zl_zone_override *o)
{
	const zl_zone *z = zl_model_zone_find(m, o->zone_name);

	if (!z) {
		zl_model_problem_add(m, ZL_SOURCE_INVENTORY, ZL_SEVERITY_ERROR, true,
		                     o->where, o->zone_name, zl_server_name(s),
		                     "zone_settings of %s names zone %s, which is not "
		                     "in the inventory", zl_name_text(zl_server_name(s)),
		                     zl_name_text(o->zone_name));
		return;
	}
	if (!zl_zone_is_hosted_on(z, s)) {
		zl_model_problem_add(m, ZL_SOURCE_INVENTORY, ZL_SEVERITY_ERROR, true,
		                     o->where, o->zone_name, zl_server_name(s),
		                     "zone_settings of %s names zone %s, which it does "
		                     "not host", zl_name_text(zl_server_name(s)),
		                     zl_name_text(o->zone_name));
		return;
	}
	o->zone = z;
}

void zl_settings_resolve(zl_model *m)
{
	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		const zl_server *s = zl_model_server(m, i);
		const zl_server_cfg *c = zl_server_cfg_get(s);

		for (zl_zone_override *o = c ? c->overrides : NULL; o; o = o->next)
			resolve_override(m, s, o);
	}
}

/* ---- queries ------------------------------------------------------------ */

const char *zl_zone_kind_name(zl_zone_kind k)
{
	static const char *const names[] = { "primary", "stub", "forwarder" };

	return (unsigned)k <= ZL_ZONE_FORWARDER ? names[k] : "unknown";
}

const char *zl_update_name(zl_update u)
{
	static const char *const names[] = { "unknown", "none", "nonsecure", "secure" };

	return (unsigned)u <= ZL_UPDATE_SECURE ? names[u] : "unknown";
}

const char *zl_transfers_name(zl_transfers t)
{
	static const char *const names[] = { "unknown", "none", "any", "ns", "list" };

	return (unsigned)t <= ZL_TRANSFERS_LIST ? names[t] : "unknown";
}

zl_zone_kind zl_zone_type(const zl_zone *z) { return zone_cfg(z)->type; }

zl_location zl_zone_type_location(const zl_zone *z)
{
	const zl_zone_cfg *c = zone_cfg(z);

	return c->type_where.file ? c->type_where : zl_zone_location(z);
}

const zl_zone_settings *zl_zone_own_settings(const zl_zone *z)
{
	return &zone_cfg(z)->own;
}

const zl_zone_settings *zl_server_zone_settings(const zl_server *s,
                                                const zl_zone *z)
{
	for (const zl_zone_override *o = server_cfg(s)->overrides; o; o = o->next)
		if (o->zone == z)
			return &o->s;
	return NULL;
}

void zl_zone_settings_on(const zl_zone *z, const zl_server *s,
                         zl_zone_settings *out)
{
	const zl_zone_settings *o = zl_server_zone_settings(s, z);

	*out = *zl_zone_own_settings(z);
	if (!o)
		return;
	if (o->dynamic_update != ZL_UPDATE_UNKNOWN) {
		out->dynamic_update = o->dynamic_update;
		out->dynamic_update_where = o->dynamic_update_where;
	}
	/* transfers and transfer_to are one setting (SecureSecondaries with
	 * SecondaryServers, KB 4050194) */
	if (o->transfers != ZL_TRANSFERS_UNKNOWN) {
		out->transfers = o->transfers;
		out->transfers_where = o->transfers_where;
		out->transfer_to = o->transfer_to;
	}
	if (o->aging.where.file)
		out->aging = o->aging;
}

zl_addr_list zl_zone_masters(const zl_zone *z) { return zone_cfg(z)->masters; }
zl_addr_list zl_zone_auto_ns(const zl_zone *z) { return zone_cfg(z)->auto_ns; }
zl_text_list zl_zone_create_child(const zl_zone *z) { return zone_cfg(z)->create_child; }
zl_addr_list zl_server_dns_client(const zl_server *s) { return server_cfg(s)->dns_client; }
zl_addr_list zl_server_forwarders(const zl_server *s) { return server_cfg(s)->forwarders; }
zl_number zl_server_scavenging_hours(const zl_server *s) { return server_cfg(s)->scavenging_hours; }
zl_text_list zl_server_query_block_list(const zl_server *s) { return server_cfg(s)->query_block_list; }

bool zl_zone_directory_known(const zl_zone *z) { return zone_cfg(z)->directory_known; }
size_t zl_zone_directory_object_count(const zl_zone *z) { return zone_cfg(z)->nobjects; }
zl_location zl_zone_directory_object(const zl_zone *z, size_t i) { return zone_cfg(z)->objects[i]; }
bool zl_zone_tombstones_known(const zl_zone *z) { return zone_cfg(z)->tombstones_known; }
size_t zl_zone_tombstone_count(const zl_zone *z) { return zone_cfg(z)->ntombstones; }

const zl_name *zl_zone_tombstone(const zl_zone *z, size_t i, zl_location *where)
{
	const zl_tombstone *t = &zone_cfg(z)->tombstones[i];

	if (where)
		*where = t->where;
	return t->owner;
}
