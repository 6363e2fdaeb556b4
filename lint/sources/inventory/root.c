/*
 * lint/sources/inventory/root.c - the top level of the inventory: version,
 * forest, domains, servers, zones, rules, settings, partial.
 */
#include "inventory_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const word severity_words[] = {
	{ "off", ZL_SEVERITY_OFF }, { "info", ZL_SEVERITY_INFO },
	{ "warning", ZL_SEVERITY_WARNING }, { "error", ZL_SEVERITY_ERROR },
};

/* ---- the top level -------------------------------------------------------- */

typedef struct root_entry {
	const zl_name *forest;
	zl_location forest_where;
	bool forest_listed;           /* the forest is among the domains */
} root_entry;

static void read_version(inv *c, void *entry, const yaml_node_t *v)
{
	char q[EXCERPT_BUF];
	const char *t = inv_text_of(c, v, "version", "the number 1");

	(void)entry;
	if (t && strcmp(t, "1") != 0)
		inv_error(c, v, "unsupported inventory version '%s'; this zonelint "
		          "reads version 1", inv_quote(t, q));
}

static void read_forest(inv *c, void *entry, const yaml_node_t *v)
{
	root_entry *r = entry;

	r->forest = inv_read_name(c, v, "forest", false);
	r->forest_where = inv_node_loc(c, v);
	if (r->forest)
		zl_model_set_forest(c->m, r->forest, r->forest_where);
}

/* Whether list v names the forest, without reporting anything. */
static bool lists_forest(inv *c, const yaml_node_t *v, const zl_name *forest)
{
	for (size_t i = 0; i < inv_list_len(v); i++) {
		const yaml_node_t *item = inv_node_at(c, v->data.sequence.items.start[i]);

		if (item && item->type == YAML_SCALAR_NODE &&
		    strlen((const char *)item->data.scalar.value) == item->data.scalar.length &&
		    inv_intern_text(c, (const char *)item->data.scalar.value) == forest)
			return true;
		if (item && item->type == YAML_MAPPING_NODE && inv_peek_name(c, item) == forest)
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

	e->name = inv_read_name(c, v, "name", false);
	e->at = v;
}

static void read_domain_guid(inv *c, void *entry, const yaml_node_t *v)
{
	domain_entry *e = entry;
	char q[EXCERPT_BUF], guid[37];
	const char *t;

	if (inv_is_null(v) || !(t = inv_text_of(c, v, "guid", "a GUID")))
		return;
	if (!inv_parse_guid(t, guid))
		inv_error(c, v, "bad guid '%s' in %s; expected 8-4-4-4-12 hexadecimal "
		          "digits, as 2b1f0e7d-0000-4d6f-9a53-5f0c3e298c11", inv_quote(t, q),
		          c->label);
	else
		e->guid = inv_keep(c, guid);
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
		inv_walk_map(c, n, inv_entry_label(label, sizeof label, "domain", inv_peek_name(c, n)),
		             domain_keys, ARRAY_LEN(domain_keys), &e);
	else
		e.name = inv_read_name(c, n, "domains", false);
	if (!e.name)
		return;
	first = inv_seen_add(names, zl_name_text(e.name), inv_node_line(n));
	if (first)
		inv_warning(c, n, "domain %s listed twice (first at line %u)",
		            zl_name_text(e.name), (unsigned)first);
	else
		zl_model_add_domain(c->m, e.name, inv_node_loc(c, e.at));
	if (!first && e.guid)
		zl_model_set_domain_guid(c->m, e.name, e.guid);
}

static void read_domains(inv *c, void *entry, const yaml_node_t *v)
{
	root_entry *r = entry;
	seen names = { NULL, 0, 0 };
	const yaml_node_t *item;
	size_t n;

	if (!inv_as_list(c, v, "domains", "domain names", &n))
		return;
	if (r->forest && (!n || !lists_forest(c, v, r->forest)))
		zl_model_add_domain(c->m, r->forest, r->forest_where);
	r->forest_listed = true;
	for (size_t i = 0; i < n && (item = inv_list_item(c, v, i)); i++)
		read_domain(c, item, &names);
	inv_seen_free(&names);
}

static void read_servers(inv *c, void *entry, const yaml_node_t *v)
{
	const yaml_node_t *item;
	size_t n;

	(void)entry;
	if (!inv_as_list(c, v, "servers", "server entries", &n))
		return;
	for (size_t i = 0; i < n && (item = inv_list_item(c, v, i)); i++)
		inv_read_server(c, item);
}

static void read_zones(inv *c, void *entry, const yaml_node_t *v)
{
	const yaml_node_t *item;
	size_t n;

	(void)entry;
	if (!inv_as_list(c, v, "zones", "zone entries", &n))
		return;
	for (size_t i = 0; i < n && (item = inv_list_item(c, v, i)); i++)
		inv_read_zone(c, item);
}

/* Rule ids are the engine's to check; only the severity word is ours. */
static void read_rule(inv *c, const yaml_node_t *k, const yaml_node_t *v,
                      seen *ids)
{
	char q[EXCERPT_BUF], q2[EXCERPT_BUF], list[64];
	const char *id = inv_text_of(c, k, "rules", "a rule id");
	const char *t;
	const word *w;
	uint32_t first;

	if (!id)
		return;
	first = inv_seen_add(ids, id, inv_node_line(k));
	if (first) {
		inv_error(c, k, "duplicate key '%s' in 'rules' (first at line %u)",
		          inv_quote(id, q), (unsigned)first);
		return;
	}
	t = inv_text_of(c, v, "rules", "a severity (off, info, warning or error)");
	w = t ? inv_find_word(severity_words, ARRAY_LEN(severity_words), t) : NULL;
	if (w)
		zl_model_add_rule_override(c->m, id, (zl_severity)w->value, inv_node_loc(c, k));
	else if (t)
		inv_error(c, v, "bad severity '%s' for rule %s; expected one of: %s",
		          inv_quote(t, q), inv_quote(id, q2),
		          inv_list_words(severity_words, ARRAY_LEN(severity_words), list, sizeof list));
}

static void read_rules(inv *c, void *entry, const yaml_node_t *v)
{
	seen ids = { NULL, 0, 0 };
	const yaml_node_t *key, *value;
	size_t n;

	(void)entry;
	if (!inv_as_map(c, v, "rules", "rule ids to severities", &n))
		return;
	for (size_t i = 0; i < n && inv_map_pair(c, v, i, &key, &value); i++)
		read_rule(c, key, value, &ids);
	inv_seen_free(&ids);
}

static void read_setting(inv *c, const yaml_node_t *k, const yaml_node_t *v,
                         seen *keys)
{
	char q[EXCERPT_BUF];
	const char *key = inv_text_of(c, k, "settings", "a setting name");
	const char *value;
	uint32_t first;

	if (!key)
		return;
	first = inv_seen_add(keys, key, inv_node_line(k));
	if (first) {
		inv_error(c, k, "duplicate key '%s' in 'settings' (first at line %u)",
		          inv_quote(key, q), (unsigned)first);
		return;
	}
	if (v->type != YAML_SCALAR_NODE) {
		inv_error(c, v, "expected a text value for setting '%s', got %s",
		          inv_quote(key, q), inv_kind(v));
		return;
	}
	value = inv_is_null(v) ? "" : (const char *)v->data.scalar.value;
	if (strlen(value) != v->data.scalar.length && !inv_is_null(v))
		inv_error(c, v, "setting '%s' holds a NUL character", inv_quote(key, q));
	else
		zl_model_set_setting(c->m, key, value);
}

static void read_settings(inv *c, void *entry, const yaml_node_t *v)
{
	seen keys = { NULL, 0, 0 };
	const yaml_node_t *key, *value;
	size_t n;

	(void)entry;
	if (!inv_as_map(c, v, "settings", "names to text values", &n))
		return;
	for (size_t i = 0; i < n && inv_map_pair(c, v, i, &key, &value); i++)
		read_setting(c, key, value, &keys);
	inv_seen_free(&keys);
}

/* `partial: true`: the inventory does not list every DC (SPEC 6.1). */
static void read_partial(inv *c, void *entry, const yaml_node_t *v)
{
	char q[EXCERPT_BUF];
	const char *t = inv_text_of(c, v, "partial", "true or false");

	(void)entry;
	if (t && strcasecmp(t, "true") == 0)
		zl_model_set_partial(c->m, true);
	else if (t && strcasecmp(t, "false") == 0)
		zl_model_set_partial(c->m, false);
	else if (t)
		inv_error(c, v, "bad value '%s' for 'partial' in %s; expected true or false",
		          inv_quote(t, q), c->label);
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

void inv_read_root(inv *c, const yaml_node_t *root)
{
	root_entry r = { NULL, { NULL, 0, 0 }, false };

	if (!root) {
		inv_error_at(c, inv_top_loc(c), "the inventory is empty; expected a mapping "
		             "with version: 1, forest, servers and zones");
		return;
	}
	if (root->type != YAML_MAPPING_NODE) {
		inv_error(c, root, "expected a mapping (version, forest, domains, servers, "
		          "zones, rules, settings, partial) at the top of the inventory, got %s",
		          inv_kind(root));
		return;
	}
	inv_walk_map(c, root, "inventory", root_keys, ARRAY_LEN(root_keys), &r);
	if (r.forest && !r.forest_listed)
		zl_model_add_domain(c->m, r.forest, r.forest_where);
}
