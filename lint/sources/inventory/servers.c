/*
 * lint/sources/inventory/servers.c - a `servers` entry: name, addresses,
 * os, roles, site, GUID, replication partners, and its settings (SPEC 2,
 * 6.1), zone overrides included.
 */
#include "inventory_int.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const word role_words[] = {
	{ "dc", ZL_ROLE_DC }, { "dns", ZL_ROLE_DNS }, { "gc", ZL_ROLE_GC },
	{ "pdc", ZL_ROLE_PDC }, { "rodc", ZL_ROLE_RODC },
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
	const zl_name *name = inv_read_name(c, v, "name", false);
	const zl_server *first;
	char q[EXCERPT_BUF];

	if (!name)
		return;
	if (!is_host_name(zl_name_text(name))) {
		const char *t = zl_name_text(name);

		inv_error(c, v, "server name '%s' is not a host name (letters, digits, '-' and "
		          "'_' in each label, RFC 1123 2.1)", inv_quote(t, q));
		return;
	}
	e->s = zl_model_add_server(c->m, name, e->where);
	if (e->s) {
		zl_server_set_roles(e->s, INV_DEFAULT_ROLES);
		return;
	}
	first = zl_model_server_mut(c->m, name);
	if (first)
		inv_error(c, v, "duplicate %s (first at line %u)", c->label,
		          (unsigned)zl_server_location(first).line);
}

static void read_address(inv *c, zl_server *s, const yaml_node_t *n, seen *addrs)
{
	char q[EXCERPT_BUF], why[128], text[ZL_ADDR_TEXT_MAX];
	const char *t = inv_text_of(c, n, "addresses", "an address such as 10.0.0.10/24");
	zl_prefix p;
	uint32_t first;

	if (!t)
		return;
	if (!inv_parse_prefix(t, &p, why, sizeof why)) {
		inv_error(c, n, "bad address '%s' in %s: %s", inv_quote(t, q), c->label, why);
		return;
	}
	inet_ntop(p.addr.family == 4 ? AF_INET : AF_INET6, p.addr.bytes, text,
	          sizeof text);
	first = inv_seen_add(addrs, text, inv_node_line(n));
	if (first)
		inv_warning(c, n, "address %s listed twice in %s (first at line %u)",
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

	if (!inv_as_list(c, v, "addresses", "addresses", &n))
		return;
	for (size_t i = 0; i < n && (item = inv_list_item(c, v, i)); i++)
		read_address(c, e->s, item, &addrs);
	inv_seen_free(&addrs);
}

static void read_os(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	char q[EXCERPT_BUF], list[512];
	const char *t;
	const word *w;

	if (inv_is_null(v) || !(t = inv_text_of(c, v, "os", "an OS name")))
		return;
	w = inv_find_word(os_words, ARRAY_LEN(os_words), t);
	if (!w)
		inv_warning(c, v, "unknown os '%s' in %s; expected one of: %s",
		            inv_quote(t, q), c->label,
		            inv_list_words(os_words, ARRAY_LEN(os_words), list, sizeof list));
	if (e->s && (t = inv_keep(c, w ? w->text : t)))
		zl_server_set_os(e->s, t, inv_node_loc(c, v));
}

static void read_roles(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	char q[EXCERPT_BUF], list[64];
	const yaml_node_t *item;
	unsigned roles = 0;
	size_t n;

	if (!inv_as_list(c, v, "roles", "roles (dc, dns, gc, pdc, rodc)", &n))
		return;
	for (size_t i = 0; i < n && (item = inv_list_item(c, v, i)); i++) {
		const char *t = inv_text_of(c, item, "roles", "a role (dc, dns, gc, pdc or rodc)");
		const word *w = t ? inv_find_word(role_words, ARRAY_LEN(role_words), t) : NULL;

		if (w)
			roles |= w->value;
		else if (t)
			inv_error(c, item, "unknown role '%s' in %s; expected one of: %s",
			          inv_quote(t, q), c->label,
			          inv_list_words(role_words, ARRAY_LEN(role_words), list, sizeof list));
	}
	if (e->s)
		zl_server_set_roles(e->s, roles);
}

static void read_site(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	const char *t;

	if (!inv_is_null(v) && (t = inv_text_of(c, v, "site", "a site name")) && e->s &&
	    (t = inv_keep(c, t)))
		zl_server_set_site(e->s, t);
}

static void read_dsa_guid(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	char q[EXCERPT_BUF], guid[37];
	const char *t;

	if (inv_is_null(v) || !(t = inv_text_of(c, v, "dsa_guid", "a GUID")))
		return;
	if (!inv_parse_guid(t, guid))
		inv_error(c, v, "bad dsa_guid '%s' in %s; expected 8-4-4-4-12 hexadecimal "
		          "digits, as 5f0c3e29-8c1e-4d6f-9a53-2b1f0e7d4c11", inv_quote(t, q),
		          c->label);
	else if (e->s && (t = inv_keep(c, guid)))
		zl_server_set_dsa_guid(e->s, t);
}

static void read_inbound(inv *c, zl_server *s, const yaml_node_t *n, seen *names)
{
	const zl_name *name = inv_read_name(c, n, "replicates_from", false);
	uint32_t first;

	if (!name)
		return;
	first = inv_seen_add(names, zl_name_text(name), inv_node_line(n));
	if (first)
		inv_warning(c, n, "%s listed twice in 'replicates_from' of %s (first at line %u)",
		            zl_name_text(name), c->label, (unsigned)first);
	else if (s)
		zl_server_add_inbound_name(s, name, inv_node_loc(c, n));
}

static void read_replicates_from(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	seen names = { NULL, 0, 0 };
	const yaml_node_t *item;
	size_t n;

	if (!inv_as_list(c, v, "replicates_from", "server names", &n))
		return;
	for (size_t i = 0; i < n && (item = inv_list_item(c, v, i)); i++)
		read_inbound(c, e->s, item, &names);
	inv_seen_free(&names);
}

static void read_dns(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	char q[EXCERPT_BUF];
	const char *t, *why;

	if (inv_is_null(v) || !(t = inv_text_of(c, v, "dns", "host:port")))
		return;
	why = inv_endpoint_problem(t);
	if (why)
		inv_error(c, v, "bad dns endpoint '%s' in %s: %s", inv_quote(t, q), c->label, why);
	else if (e->s && (t = inv_keep(c, t)))
		zl_server_set_dns(e->s, t);
}

/* What a server's registry may say of a zone (SPEC 6.3). */
static const key_rule zone_settings_keys[] = {
	{ "dynamic_update", false, inv_read_dynamic_update },
	{ "transfers", false, inv_read_transfers },
	{ "transfer_to", false, inv_read_transfer_to },
	{ "aging", false, inv_read_settings_aging },
};

/* ---- server settings ------------------------------------------------------ */

static void read_dns_client(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	zl_server_cfg *cfg = e->s ? zl_server_cfg_mut(c->m, e->s) : NULL;

	inv_read_addr_list(c, v, "dns_client", cfg ? &cfg->dns_client : NULL);
}

static void read_forwarders(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	zl_server_cfg *cfg = e->s ? zl_server_cfg_mut(c->m, e->s) : NULL;

	inv_read_addr_list(c, v, "forwarders", cfg ? &cfg->forwarders : NULL);
}

static void read_scavenging_hours(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	zl_server_cfg *cfg = e->s ? zl_server_cfg_mut(c->m, e->s) : NULL;
	uint32_t hours;

	if (inv_read_number(c, v, "scavenging_hours", INV_MAX_HOURS, "hours", &hours) && cfg)
		cfg->scavenging_hours = (zl_number){ true, hours, inv_node_loc(c, v) };
}

static void read_query_block_list(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	zl_server_cfg *cfg = e->s ? zl_server_cfg_mut(c->m, e->s) : NULL;

	inv_read_text_list(c, v, "query_block_list", false,
	                   cfg ? &cfg->query_block_list : NULL);
}

static void read_zone_override(inv *c, zl_server *s, const yaml_node_t *k,
                               const yaml_node_t *v, seen *names)
{
	const zl_name *name = inv_read_name(c, k, "zone_settings", true);
	settings_entry e = { NULL, NULL, NULL, ZL_TRANSFERS_UNKNOWN };
	char label[LABEL_BUF + EXCERPT_BUF];
	uint32_t first;

	if (!name)
		return;
	first = inv_seen_add(names, zl_name_text(name), inv_node_line(k));
	if (first) {
		inv_error(c, k, "duplicate zone %s in 'zone_settings' of %s (first at line %u)",
		          zl_name_text(name), c->label, (unsigned)first);
		return;
	}
	if (v->type != YAML_MAPPING_NODE) {
		inv_error(c, v, "expected a mapping of dynamic_update, transfers, "
		          "transfer_to and aging for zone %s in 'zone_settings' of %s, "
		          "got %s", zl_name_text(name), c->label, inv_kind(v));
		return;
	}
	if (s)
		e.s = zl_server_add_zone_settings(c->m, s, name, inv_node_loc(c, k));
	snprintf(label, sizeof label, "'zone_settings' %s of %s", zl_name_text(name),
	         c->label);
	inv_walk_map(c, v, label, zone_settings_keys, ARRAY_LEN(zone_settings_keys), &e);
	{
		const char *outer = c->label;

		c->label = label;
		inv_check_transfers(c, &e);
		c->label = outer;
	}
}

static void read_zone_settings(inv *c, void *entry, const yaml_node_t *v)
{
	server_entry *e = entry;
	seen names = { NULL, 0, 0 };
	const yaml_node_t *key, *value;
	size_t n;

	if (!inv_as_map(c, v, "zone_settings", "zone names to settings", &n))
		return;
	for (size_t i = 0; i < n && inv_map_pair(c, v, i, &key, &value); i++)
		read_zone_override(c, e->s, key, value, &names);
	inv_seen_free(&names);
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

void inv_read_server(inv *c, const yaml_node_t *n)
{
	server_entry e = { NULL, inv_node_loc(c, n) };
	char label[LABEL_BUF];

	if (n->type != YAML_MAPPING_NODE) {
		inv_error(c, n, "expected a server entry (a mapping with name and "
		          "addresses) in 'servers', got %s", inv_kind(n));
		return;
	}
	c->server = inv_peek_name(c, n);
	inv_walk_map(c, n, inv_entry_label(label, sizeof label, "server", c->server),
	             server_keys, ARRAY_LEN(server_keys), &e);
	c->server = NULL;
}
