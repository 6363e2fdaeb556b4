/*
 * lint/sources/inventory/walk.c - a walk of a libyaml document that knows
 * no schema: sets of strings with the line each was first seen at,
 * 1-based locations, located problems (at most INV_MAX_PROBLEMS), quoting
 * of input, words, typed scalars, lists and mappings read by a table of
 * keys, and a budget of node visits that aliases cannot escape.
 */
#include "inventory_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "excerpt.h"
#include "hash.h"

static uint64_t seen_hash(const char *s)
{
	return zl_fnv64_str(ZL_FNV64_BASIS, s);
}

static seen_slot *seen_slot_for(seen_slot *slots, size_t cap, const char *key)
{
	size_t i = (size_t)seen_hash(key) & (cap - 1);

	while (slots[i].key && strcmp(slots[i].key, key) != 0)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static bool seen_grow(seen *s)
{
	size_t cap = s->cap ? s->cap * 2 : 16;
	seen_slot *slots = calloc(cap, sizeof *slots);

	if (!slots)
		return false;
	for (size_t i = 0; i < s->cap; i++)
		if (s->slots[i].key)
			*seen_slot_for(slots, cap, s->slots[i].key) = s->slots[i];
	free(s->slots);
	s->slots = slots;
	s->cap = cap;
	return true;
}

/* Adds key: 0 when it is new, else the line it was first seen at.  Out of
 * memory, every key is new (only duplicate detection is lost). */
uint32_t inv_seen_add(seen *s, const char *key, uint32_t line)
{
	seen_slot *slot;

	if (s->count * 2 >= s->cap && !seen_grow(s))
		return 0;
	slot = seen_slot_for(s->slots, s->cap, key);
	if (slot->key)
		return slot->line;
	slot->key = strdup(key);
	if (!slot->key)
		return 0;
	slot->line = line;
	s->count++;
	return 0;
}

void inv_seen_free(seen *s)
{
	for (size_t i = 0; i < s->cap; i++)
		free(s->slots[i].key);
	free(s->slots);
	memset(s, 0, sizeof *s);
}

/* ---- locations and messages --------------------------------------------- */

static uint32_t clamp32(size_t v)
{
	return v >= UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

/* libyaml marks are 0-based; locations are 1-based. */
zl_location inv_mark_loc(const inv *c, yaml_mark_t k)
{
	zl_location l = { c->file, clamp32(k.line + 1), clamp32(k.column + 1) };

	return l;
}

zl_location inv_node_loc(const inv *c, const yaml_node_t *n)
{
	return inv_mark_loc(c, n->start_mark);
}

uint32_t inv_node_line(const yaml_node_t *n)
{
	return clamp32(n->start_mark.line + 1);
}

zl_location inv_top_loc(const inv *c)
{
	zl_location l = { c->file, 1, 1 };

	return l;
}

const char *inv_quote(const char *s, char buf[EXCERPT_BUF])
{
	return zl_excerpt_plain(s, strlen(s), EXCERPT_MAX, buf);
}

static const char *quote_node(const yaml_node_t *n, char buf[EXCERPT_BUF])
{
	return zl_excerpt_plain((const char *)n->data.scalar.value, n->data.scalar.length,
	                        EXCERPT_MAX, buf);
}

static void report_v(inv *c, zl_location where, zl_severity sev,
                     const char *fmt, va_list ap)
{
	char msg[MESSAGE_MAX];

	if (c->reported >= INV_MAX_PROBLEMS) {
		c->dropped++;
		c->dropped_error |= sev == ZL_SEVERITY_ERROR;
		return;
	}
	c->reported++;
	vsnprintf(msg, sizeof msg, fmt, ap);
	zl_model_problem_add(c->m, ZL_SOURCE_INVENTORY, sev, sev == ZL_SEVERITY_ERROR,
	                     where, c->zone, c->server, "%s", msg);
}

void inv_error_at(inv *c, zl_location where, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_v(c, where, ZL_SEVERITY_ERROR, fmt, ap);
	va_end(ap);
}

void inv_error(inv *c, const yaml_node_t *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_v(c, inv_node_loc(c, at), ZL_SEVERITY_ERROR, fmt, ap);
	va_end(ap);
}

void inv_warning(inv *c, const yaml_node_t *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_v(c, inv_node_loc(c, at), ZL_SEVERITY_WARNING, fmt, ap);
	va_end(ap);
}

/* A copy of s in the model's arena (setters keep the pointer they get);
 * NULL when memory runs out. */
const char *inv_keep(inv *c, const char *s)
{
	return zl_model_strdup(c->m, s);
}

const word *inv_find_word(const word *words, size_t n, const char *text)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(words[i].text, text) == 0)
			return &words[i];
	return NULL;
}

/* "a, b, c" into buf. */
const char *inv_list_words(const word *words, size_t n, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s",
		                         i ? ", " : "", words[i].text);
	return buf;
}

/* ---- reading nodes ------------------------------------------------------- */

const yaml_node_t *inv_node_at(const inv *c, int index)
{
	return yaml_document_get_node(c->doc, index);
}

/* Counts a node visit; false once the budget is spent (reported once). */
static bool spend(inv *c, const yaml_node_t *at)
{
	if (c->exhausted)
		return false;
	if (++c->visits <= INV_MAX_VISITS)
		return true;
	c->exhausted = true;
	zl_model_problem_add(c->m, ZL_SOURCE_INVENTORY, ZL_SEVERITY_ERROR, true,
	                     inv_node_loc(c, at), NULL, NULL,
	                     "the inventory is too large: over %d entries read "
	                     "(do YAML aliases repeat large parts?); the rest is not read",
	                     INV_MAX_VISITS);
	return false;
}

size_t inv_list_len(const yaml_node_t *l)
{
	return (size_t)(l->data.sequence.items.top - l->data.sequence.items.start);
}

/* Item i of list l, or NULL when the visit budget is spent. */
const yaml_node_t *inv_list_item(inv *c, const yaml_node_t *l, size_t i)
{
	const yaml_node_t *n = inv_node_at(c, l->data.sequence.items.start[i]);

	return n && spend(c, n) ? n : NULL;
}

size_t inv_map_len(const yaml_node_t *m)
{
	return (size_t)(m->data.mapping.pairs.top - m->data.mapping.pairs.start);
}

/* Pair i of mapping m; false when the visit budget is spent. */
bool inv_map_pair(inv *c, const yaml_node_t *m, size_t i,
                  const yaml_node_t **key, const yaml_node_t **value)
{
	const yaml_node_pair_t *p = &m->data.mapping.pairs.start[i];

	*key = inv_node_at(c, p->key);
	*value = inv_node_at(c, p->value);
	return *key && *value && spend(c, *key);
}

/* A plain empty, "~" or "null" scalar: YAML's null. */
bool inv_is_null(const yaml_node_t *n)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL" };

	if (n->type != YAML_SCALAR_NODE ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	for (size_t i = 0; i < ARRAY_LEN(nulls); i++)
		if (strcmp((const char *)n->data.scalar.value, nulls[i]) == 0)
			return true;
	return false;
}

const char *inv_kind(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SCALAR_NODE:
		return inv_is_null(n) ? "an empty value" : "a text value";
	case YAML_SEQUENCE_NODE:
		return "a list";
	case YAML_MAPPING_NODE:
		return "a mapping";
	default:
		return "nothing";
	}
}

/* The text of scalar n, or NULL (reported) when n is not usable text. */
const char *inv_text_of(inv *c, const yaml_node_t *n, const char *key,
                        const char *what)
{
	const char *t;

	if (n->type != YAML_SCALAR_NODE) {
		inv_error(c, n, "expected %s for '%s' in %s, got %s", what, key,
		          c->label, inv_kind(n));
		return NULL;
	}
	t = (const char *)n->data.scalar.value;
	if (inv_is_null(n)) {
		inv_error(c, n, "empty value for '%s' in %s; expected %s", key,
		          c->label, what);
		return NULL;
	}
	if (strlen(t) != n->data.scalar.length) {
		inv_error(c, n, "'%s' in %s holds a NUL character", key, c->label);
		return NULL;
	}
	return t;
}

/* Reads v as a list: true with its length (0 for an empty value), false
 * (reported) when it is something else. */
bool inv_as_list(inv *c, const yaml_node_t *v, const char *key,
                 const char *what, size_t *len)
{
	*len = 0;
	if (v->type == YAML_SEQUENCE_NODE)
		*len = inv_list_len(v);
	else if (!inv_is_null(v))
		inv_error(c, v, "expected a list of %s for '%s' in %s, got %s", what,
		          key, c->label, inv_kind(v));
	return v->type == YAML_SEQUENCE_NODE || inv_is_null(v);
}

/* The same for a mapping. */
bool inv_as_map(inv *c, const yaml_node_t *v, const char *key,
                const char *what, size_t *len)
{
	*len = 0;
	if (v->type == YAML_MAPPING_NODE)
		*len = inv_map_len(v);
	else if (!inv_is_null(v))
		inv_error(c, v, "expected a mapping of %s for '%s' in %s, got %s", what,
		          key, c->label, inv_kind(v));
	return v->type == YAML_MAPPING_NODE || inv_is_null(v);
}

static size_t find_key(const key_rule *keys, size_t n, const yaml_node_t *k)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(keys[i].name) == k->data.scalar.length &&
		    strcmp(keys[i].name, (const char *)k->data.scalar.value) == 0)
			return i;
	return n;
}

static void unknown_key(inv *c, const yaml_node_t *k, const key_rule *keys,
                        size_t n)
{
	char q[EXCERPT_BUF], list[256];
	size_t used = 0;

	list[0] = '\0';
	for (size_t i = 0; i < n && used < sizeof list; i++)
		used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
		                         i ? ", " : "", keys[i].name);
	inv_error(c, k, "unknown key '%s' in %s; expected one of: %s",
	          quote_node(k, q), c->label, list);
}

/*
 * Reads mapping `map` (the caller checked its type) by its key table:
 * reports unknown, repeated and missing keys, then calls each present
 * key's reader in table order, so `name` is read before what needs it.
 */
void inv_walk_map(inv *c, const yaml_node_t *map, const char *label,
                  const key_rule *keys, size_t n, void *entry)
{
	const yaml_node_t *kept_key[KEYS_MAX] = { NULL };
	const yaml_node_t *kept_value[KEYS_MAX] = { NULL };
	const char *outer = c->label;
	char q[EXCERPT_BUF];

	c->label = label;
	for (size_t i = 0; i < inv_map_len(map); i++) {
		const yaml_node_t *k, *v;
		size_t j;

		if (!inv_map_pair(c, map, i, &k, &v))
			break;
		if (k->type != YAML_SCALAR_NODE) {
			inv_error(c, k, "expected a key name in %s, got %s", label, inv_kind(k));
			continue;
		}
		j = find_key(keys, n, k);
		if (j == n)
			unknown_key(c, k, keys, n);
		else if (kept_key[j])
			inv_error(c, k, "duplicate key '%s' in %s (first at line %u)",
			          quote_node(k, q), label, (unsigned)inv_node_line(kept_key[j]));
		else {
			kept_key[j] = k;
			kept_value[j] = v;
		}
	}
	for (size_t j = 0; j < n && !c->exhausted; j++)
		if (!kept_value[j] && keys[j].required)
			inv_error(c, map, "missing required key '%s' in %s", keys[j].name,
			          label);
	for (size_t j = 0; j < n && !c->exhausted; j++)
		if (kept_value[j])
			keys[j].read(c, entry, kept_value[j]);
	c->label = outer;
}
