/*
 * lint/sources/inventory/zones.c - a `zones` entry: name, storage, hosts,
 * file and views, aging, and its settings (SPEC 2, 6.1).
 */
#include "inventory_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const word storage_words[] = {
	{ "ad-forest", ZL_STORAGE_AD_FOREST },
	{ "ad-domain", ZL_STORAGE_AD_DOMAIN },
	{ "ad-legacy", ZL_STORAGE_AD_LEGACY },
	{ "file", ZL_STORAGE_FILE },
};

static const word type_words[] = {
	{ "primary", ZL_ZONE_PRIMARY }, { "stub", ZL_ZONE_STUB },
	{ "forwarder", ZL_ZONE_FORWARDER },
};

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
	const zl_name *name = inv_read_name(c, v, "name", true);
	uint32_t first;

	char key[ZL_NAME_TEXT_MAX + 16];

	if (!name)
		return;
	/* SPEC 6.3: a name may come twice when the types differ */
	snprintf(key, sizeof key, "%s %s", zl_name_text(name), zl_zone_kind_name(e->type));
	first = inv_seen_add(&c->zones, key, e->where.line);
	if (first) {
		inv_error(c, v, "duplicate %s (first at line %u)", c->label, (unsigned)first);
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

	if (inv_is_null(v) || !(t = inv_text_of(c, v, "storage", "a storage kind")))
		return;
	w = inv_find_word(storage_words, ARRAY_LEN(storage_words), t);
	if (!w) {
		inv_error(c, v, "unknown storage '%s' in %s; expected one of: %s",
		          inv_quote(t, q), c->label,
		          inv_list_words(storage_words, ARRAY_LEN(storage_words), list, sizeof list));
		return;
	}
	e->storage = (zl_storage)w->value;
	if (e->z)
		zl_zone_set_storage(e->z, e->storage);
}

static void read_host(inv *c, zl_zone *z, const yaml_node_t *n, seen *names)
{
	const zl_name *name = inv_read_name(c, n, "hosted_on", false);
	uint32_t first;

	if (!name)
		return;
	first = inv_seen_add(names, zl_name_text(name), inv_node_line(n));
	if (first)
		inv_warning(c, n, "%s listed twice in 'hosted_on' of %s (first at line %u)",
		            zl_name_text(name), c->label, (unsigned)first);
	else if (z)
		zl_zone_add_host_name(z, name, inv_node_loc(c, n));
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
	if (!inv_as_list(c, v, "hosted_on", "server names", &n))
		return;
	for (size_t i = 0; i < n && (item = inv_list_item(c, v, i)); i++)
		read_host(c, e->z, item, &names);
	inv_seen_free(&names);
}

static void read_file_key(inv *c, void *entry, const yaml_node_t *v)
{
	zone_entry *e = entry;
	char *path = inv_read_path(c, v, "file");
	const char *kept = path && e->z ? inv_keep(c, path) : NULL;

	if (kept)
		zl_zone_set_file(e->z, kept, inv_node_loc(c, v));
	free(path);
}

static void read_view(inv *c, zl_zone *z, const yaml_node_t *k,
                      const yaml_node_t *v, seen *names)
{
	const zl_name *name = inv_read_name(c, k, "views", false);
	const char *kept;
	uint32_t first;
	char *path;

	if (!name)
		return;
	first = inv_seen_add(names, zl_name_text(name), inv_node_line(k));
	if (first) {
		inv_error(c, k, "duplicate server %s in 'views' of %s (first at line %u)",
		          zl_name_text(name), c->label, (unsigned)first);
		return;
	}
	path = inv_read_path(c, v, "views");
	kept = path && z ? inv_keep(c, path) : NULL;
	if (kept)
		zl_zone_add_view_path(z, name, kept, inv_node_loc(c, k));
	free(path);
}

static void read_views(inv *c, void *entry, const yaml_node_t *v)
{
	zone_entry *e = entry;
	seen names = { NULL, 0, 0 };
	const yaml_node_t *key, *value;
	size_t n;

	e->views = v;
	if (!inv_as_map(c, v, "views", "server names to file paths", &n))
		return;
	for (size_t i = 0; i < n && inv_map_pair(c, v, i, &key, &value); i++)
		read_view(c, e->z, key, value, &names);
	inv_seen_free(&names);
}

void inv_read_days(inv *c, const yaml_node_t *v, const char *key, unsigned *out)
{
	char q[EXCERPT_BUF];
	const char *t = inv_text_of(c, v, key, "a number of days");
	unsigned days = 0;

	if (!t)
		return;
	for (const char *p = t; *p && days <= INV_AGING_MAX_DAYS; p++)
		days = *p >= '0' && *p <= '9' ? days * 10 + (unsigned)(*p - '0')
		       : INV_AGING_MAX_DAYS + 1;
	if (days > INV_AGING_MAX_DAYS)
		inv_error(c, v, "expected a whole number of days from 0 to %d for '%s' "
		          "in %s, got '%s'", INV_AGING_MAX_DAYS, key, c->label, inv_quote(t, q));
	else
		*out = days;
}

static void read_aging(inv *c, void *entry, const yaml_node_t *v)
{
	zone_entry *e = entry;
	aging_entry a = { INV_DEFAULT_AGING_DAYS, INV_DEFAULT_AGING_DAYS, 0, -1,
	                  { false, 0, NULL, { NULL, 0, 0 } }, false };

	inv_read_aging_into(c, v, &a, e->set.s ? &e->set.s->aging : NULL);
	if (e->z && a.days_given)
		zl_zone_set_aging(e->z, a.no_refresh_days, a.refresh_days);
}

/* ---- zone settings (SPEC 6.1) ----------------------------------------------- */

static void read_type(inv *c, void *entry, const yaml_node_t *v)
{
	zone_entry *e = entry;
	unsigned t;

	if (inv_is_null(v) || !inv_read_word(c, v, "type", type_words, ARRAY_LEN(type_words), &t))
		return;
	e->type = (zl_zone_kind)t;
	if (e->z)
		zl_model_set_zone_type(c->m, e->z, e->type, inv_node_loc(c, v));
}

static void read_masters(inv *c, void *entry, const yaml_node_t *v)
{
	zone_entry *e = entry;
	zl_zone_cfg *cfg = e->z ? zl_zone_cfg_mut(c->m, e->z) : NULL;

	inv_read_addr_list(c, v, "masters", cfg ? &cfg->masters : NULL);
}

static void read_auto_ns(inv *c, void *entry, const yaml_node_t *v)
{
	zone_entry *e = entry;
	zl_zone_cfg *cfg = e->z ? zl_zone_cfg_mut(c->m, e->z) : NULL;

	inv_read_addr_list(c, v, "auto_ns", cfg ? &cfg->auto_ns : NULL);
}

static void read_create_child(inv *c, void *entry, const yaml_node_t *v)
{
	zone_entry *e = entry;
	zl_zone_cfg *cfg = e->z ? zl_zone_cfg_mut(c->m, e->z) : NULL;

	inv_read_text_list(c, v, "create_child", true, cfg ? &cfg->create_child : NULL);
}

static void zone_dynamic_update(inv *c, void *entry, const yaml_node_t *v)
{
	inv_read_dynamic_update(c, &((zone_entry *)entry)->set, v);
}

static void zone_transfers(inv *c, void *entry, const yaml_node_t *v)
{
	inv_read_transfers(c, &((zone_entry *)entry)->set, v);
}

static void zone_transfer_to(inv *c, void *entry, const yaml_node_t *v)
{
	inv_read_transfer_to(c, &((zone_entry *)entry)->set, v);
}

/* SPEC 6.3: a stub or forwarder zone holds no names, so no file; a
 * primary zone asks nobody, so no masters. */
static void check_zone_type(inv *c, const zone_entry *e)
{
	if (e->type == ZL_ZONE_PRIMARY)
		return;
	if (e->z && zl_zone_file(e->z))
		inv_error_at(c, zl_zone_file_location(e->z), "%s zone %s takes no 'file': "
		             "it holds no names", zl_zone_kind_name(e->type),
		             c->zone ? zl_name_text(c->zone) : "entry");
	if (e->views)
		inv_error(c, e->views, "%s zone %s takes no 'views': it holds no names",
		          zl_zone_kind_name(e->type),
		          c->zone ? zl_name_text(c->zone) : "entry");
}

/* The entry's `type` word, before the entry is read (for the duplicate
 * check: two zones may share a name when their types differ). */
static zl_zone_kind peek_type(inv *c, const yaml_node_t *entry)
{
	for (size_t i = 0; i < inv_map_len(entry); i++) {
		const yaml_node_pair_t *p = &entry->data.mapping.pairs.start[i];
		const yaml_node_t *k = inv_node_at(c, p->key), *v = inv_node_at(c, p->value);
		const word *w;

		if (k && v && k->type == YAML_SCALAR_NODE && v->type == YAML_SCALAR_NODE &&
		    strcmp((const char *)k->data.scalar.value, "type") == 0 &&
		    (w = inv_find_word(type_words, ARRAY_LEN(type_words),
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

void inv_read_zone(inv *c, const yaml_node_t *n)
{
	zone_entry e = { NULL, inv_node_loc(c, n), INV_DEFAULT_STORAGE,
	                 { NULL, NULL, NULL, ZL_TRANSFERS_UNKNOWN },
	                 ZL_ZONE_PRIMARY, NULL };
	char label[LABEL_BUF];
	const char *outer = c->label;

	if (n->type != YAML_MAPPING_NODE) {
		inv_error(c, n, "expected a zone entry (a mapping with name) in 'zones', "
		          "got %s", inv_kind(n));
		return;
	}
	c->zone = inv_peek_name(c, n);
	e.type = peek_type(c, n);
	inv_entry_label(label, sizeof label, "zone", c->zone);
	inv_walk_map(c, n, label, zone_keys, ARRAY_LEN(zone_keys), &e);
	c->label = label;
	inv_check_transfers(c, &e.set);
	check_zone_type(c, &e);
	c->label = outer;
	c->zone = NULL;
}
