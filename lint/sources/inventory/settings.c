/*
 * lint/sources/inventory/settings.c - the settings servers and zones share
 * (SPEC 6.1): words, numbers, address and word lists, dynamic update,
 * transfers, aging.
 */
#include "inventory_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const word update_words[] = {
	{ "none", ZL_UPDATE_NONE }, { "nonsecure", ZL_UPDATE_NONSECURE },
	{ "secure", ZL_UPDATE_SECURE },
};

static const word transfers_words[] = {
	{ "none", ZL_TRANSFERS_NONE }, { "any", ZL_TRANSFERS_ANY },
	{ "ns", ZL_TRANSFERS_NS }, { "list", ZL_TRANSFERS_LIST },
};

/* SPEC 6.1 create_child trustees; anything else must be a SID. */
static const word trustee_words[] = {
	{ "authenticated-users", 0 }, { "everyone", 0 }, { "domain-users", 0 },
	{ "domain-computers", 0 },
};

/* One word of `words` for `key`; false (reported with the valid ones)
 * otherwise. */
bool inv_read_word(inv *c, const yaml_node_t *v, const char *key,
                   const word *words, size_t n, unsigned *out)
{
	char q[EXCERPT_BUF], list[128];
	const char *t = inv_text_of(c, v, key, "a word");
	const word *w = t ? inv_find_word(words, n, t) : NULL;

	if (w) {
		*out = w->value;
		return true;
	}
	if (t)
		inv_error(c, v, "unknown %s '%s' in %s; expected one of: %s", key,
		          inv_quote(t, q), c->label, inv_list_words(words, n, list, sizeof list));
	return false;
}

/* A whole number from 0 to max; false (reported) otherwise. */
bool inv_read_number(inv *c, const yaml_node_t *v, const char *key,
                     uint32_t max, const char *unit, uint32_t *out)
{
	char q[EXCERPT_BUF];
	const char *t = inv_text_of(c, v, key, "a whole number");
	uint64_t value = 0;

	if (!t)
		return false;
	for (const char *p = t; *p && value <= max; p++)
		value = *p >= '0' && *p <= '9' ? value * 10 + (unsigned)(*p - '0')
		        : (uint64_t)max + 1;
	if (value > max) {
		inv_error(c, v, "expected a whole number of %s from 0 to %u for '%s' in "
		          "%s, got '%s'", unit, (unsigned)max, key, c->label, inv_quote(t, q));
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
	const char *t = inv_text_of(c, n, key, "an address such as 10.0.0.10");

	if (!t)
		return false;
	if (!zl_addr_parse(t, out)) {
		inv_error(c, n, "bad address '%s' in '%s' of %s; expected an IPv4 or "
		          "IPv6 address without prefix", inv_quote(t, q), key, c->label);
		return false;
	}
	return true;
}

/*
 * A list of addresses for `key` into *out (known, even when empty); out
 * may be NULL to check only.  A repeated address is a warning, read once.
 */
void inv_read_addr_list(inv *c, const yaml_node_t *v, const char *key,
                        zl_addr_list *out)
{
	zl_addr *addrs;
	const yaml_node_t *item;
	size_t n, kept = 0;
	bool bad = false;

	if (!inv_as_list(c, v, key, "addresses", &n))
		return;
	if (n > INV_MAX_LIST) {
		inv_error(c, v, "'%s' in %s lists %zu addresses; at most %d are read",
		          key, c->label, n, INV_MAX_LIST);
		n = INV_MAX_LIST;
	}
	addrs = calloc(n ? n : 1, sizeof(*addrs));
	if (!addrs)
		return;
	for (size_t i = 0; i < n && (item = inv_list_item(c, v, i)); i++) {
		zl_addr a;
		size_t j;

		if (!read_plain_addr(c, item, key, &a)) {
			bad = true;
			continue;
		}
		for (j = 0; j < kept && !zl_addr_equal(&addrs[j], &a); j++)
			;
		if (j < kept)
			inv_warning(c, item, "address listed twice in '%s' of %s", key,
			            c->label);
		else
			addrs[kept++] = a;
	}
	/* a list with a bad entry is not known: what it lacks is not "none" */
	if (out && !bad)
		zl_model_keep_addrs(c->m, addrs, kept, inv_node_loc(c, v), out);
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
void inv_read_text_list(inv *c, const yaml_node_t *v, const char *key,
                        bool trustees, zl_text_list *out)
{
	char q[EXCERPT_BUF], list[128];
	const char **texts;
	const yaml_node_t *item;
	size_t n, kept = 0;
	bool bad = false;

	if (!inv_as_list(c, v, key, trustees ? "trustees" : "names", &n))
		return;
	if (n > INV_MAX_LIST)
		n = INV_MAX_LIST;
	texts = calloc(n ? n : 1, sizeof(*texts));
	if (!texts)
		return;
	for (size_t i = 0; i < n && (item = inv_list_item(c, v, i)); i++) {
		const char *t = inv_text_of(c, item, key, trustees ? "a trustee" : "a name");
		char *low;
		size_t j;

		if (!t) {
			bad = true;
			continue;
		}
		if (trustees ? !inv_find_word(trustee_words, ARRAY_LEN(trustee_words), t) &&
		               !is_sid(t) : !inv_intern_text(c, t)) {
			inv_error(c, item, "unknown %s '%s' in %s; expected %s%s", key,
			          inv_quote(t, q), c->label, trustees ? "one of: " : "a DNS name",
			          trustees ? inv_list_words(trustee_words, ARRAY_LEN(trustee_words),
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
			inv_warning(c, item, "'%s' listed twice in '%s' of %s", inv_quote(t, q),
			            key, c->label);
			free(low);
		} else {
			texts[kept++] = low;
		}
	}
	if (out && !bad)
		zl_model_keep_texts(c->m, texts, kept, inv_node_loc(c, v), out);
	for (size_t i = 0; i < kept; i++)
		free((char *)texts[i]);
	free(texts);
}

/* ---- settings of a zone, whether the zone's own or a server's ----------- */

void inv_read_dynamic_update(inv *c, void *entry, const yaml_node_t *v)
{
	settings_entry *e = entry;
	unsigned u;

	if (inv_read_word(c, v, "dynamic_update", update_words,
	                  ARRAY_LEN(update_words), &u) && e->s) {
		e->s->dynamic_update = (zl_update)u;
		e->s->dynamic_update_where = inv_node_loc(c, v);
	}
}

void inv_read_transfers(inv *c, void *entry, const yaml_node_t *v)
{
	settings_entry *e = entry;
	unsigned t;

	if (!inv_read_word(c, v, "transfers", transfers_words,
	                   ARRAY_LEN(transfers_words), &t))
		return;
	e->transfers = v;
	e->transfers_value = (zl_transfers)t;
	if (e->s) {
		e->s->transfers = (zl_transfers)t;
		e->s->transfers_where = inv_node_loc(c, v);
	}
}

void inv_read_transfer_to(inv *c, void *entry, const yaml_node_t *v)
{
	settings_entry *e = entry;

	e->transfer_to = v;
	inv_read_addr_list(c, v, "transfer_to", e->s ? &e->s->transfer_to : NULL);
}

/* transfer_to goes with transfers: list, and only with it (SPEC 6.1). */
void inv_check_transfers(inv *c, const settings_entry *e)
{
	if (e->transfer_to && e->transfers_value != ZL_TRANSFERS_LIST)
		inv_error(c, e->transfer_to, "'transfer_to' in %s needs 'transfers: list'",
		          c->label);
	else if (e->transfers && e->transfers_value == ZL_TRANSFERS_LIST &&
	         !e->transfer_to)
		inv_error(c, e->transfers, "'transfers: list' in %s needs 'transfer_to', "
		          "the hosts that may transfer the zone", c->label);
}


static void read_aging_enabled(inv *c, void *entry, const yaml_node_t *v)
{
	static const word bools[] = {
		{ "true", 1 }, { "false", 0 }, { "yes", 1 }, { "no", 0 },
	};
	aging_entry *a = entry;
	unsigned b;

	if (inv_read_word(c, v, "enabled", bools, ARRAY_LEN(bools), &b))
		a->enabled = (int)b;
}

static void read_no_refresh(inv *c, void *entry, const yaml_node_t *v)
{
	aging_entry *a = entry;

	inv_read_days(c, v, "no_refresh_days", &a->no_refresh_days);
	a->days_given |= 1;
}

static void read_refresh(inv *c, void *entry, const yaml_node_t *v)
{
	aging_entry *a = entry;

	inv_read_days(c, v, "refresh_days", &a->refresh_days);
	a->days_given |= 2;
}

static void read_scavenging_servers(inv *c, void *entry, const yaml_node_t *v)
{
	aging_entry *a = entry;

	inv_read_addr_list(c, v, "scavenging_servers", a->checked_only ? NULL : &a->scavenging);
}

static const key_rule aging_keys[] = {
	{ "enabled", false, read_aging_enabled },
	{ "no_refresh_days", false, read_no_refresh },
	{ "refresh_days", false, read_refresh },
	{ "scavenging_servers", false, read_scavenging_servers },
};

/* The aging mapping v into *out (NULL: check only); a's days start at the
 * v1 defaults for aged-address. */
void inv_read_aging_into(inv *c, const yaml_node_t *v, aging_entry *a,
                         zl_aging *out)
{
	char label[LABEL_BUF];
	size_t n;

	a->enabled = -1;
	a->checked_only = !out;
	if (!inv_as_map(c, v, "aging", "enabled, no_refresh_days, refresh_days and "
	                "scavenging_servers", &n) || !n)
		return;
	snprintf(label, sizeof label, "'aging' of %s", c->label);
	inv_walk_map(c, v, label, aging_keys, ARRAY_LEN(aging_keys), a);
	if (!out)
		return;
	out->where = inv_node_loc(c, v);
	out->known = a->enabled >= 0;
	out->enabled = a->enabled > 0;
	out->days_known = a->days_given == 3;
	out->no_refresh_days = a->no_refresh_days;
	out->refresh_days = a->refresh_days;
	out->scavenging_servers = a->scavenging;
}

void inv_read_settings_aging(inv *c, void *entry, const yaml_node_t *v)
{
	settings_entry *e = entry;
	aging_entry a = { INV_DEFAULT_AGING_DAYS, INV_DEFAULT_AGING_DAYS, 0, -1,
	                  { false, 0, NULL, { NULL, 0, 0 } }, false };

	inv_read_aging_into(c, v, &a, e->s ? &e->s->aging : NULL);
}
