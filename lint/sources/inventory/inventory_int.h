/*
 * lint/sources/inventory/inventory_int.h - the parts of the inventory
 * loader (private to lint/sources/inventory/).
 *
 *   inventory.c  the entry points: the file, libyaml's pass over its events
 *                and its document
 *   walk.c       a generic walk of a YAML document: sets of strings,
 *                locations and messages, words, typed scalars, lists, and
 *                mappings read by a table of keys; it knows no schema
 *   values.c     the values of the schema: names, prefixes, GUIDs,
 *                endpoints, zone file paths
 *   root.c       the top level: version, forest, domains, servers, zones,
 *                rules, settings, partial
 *   servers.c    a server entry and its settings
 *   zones.c      a zone entry and its settings
 *   settings.c   the settings servers and zones share (SPEC 6.1)
 */
#ifndef ZL_INVENTORY_INT_H
#define ZL_INVENTORY_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yaml.h>

#include "model_int.h"
#include "settings.h"
#include "sources/inventory.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

enum {
	INV_MAX_BYTES = 16 << 20,     /* larger is not an inventory */
	INV_MAX_DEPTH = 64,           /* the schema needs 4 */
	INV_MAX_VISITS = 1000000,     /* node visits, aliases included */
	INV_MAX_PROBLEMS = 1000,
	INV_AGING_MAX_DAYS = 100000,
	EXCERPT_MAX = 60,             /* bytes of input quoted in a message */
	EXCERPT_BUF = EXCERPT_MAX + 4,
	LABEL_BUF = EXCERPT_BUF + 32,
	KEYS_MAX = 16,                /* keys of the largest mapping */
	MESSAGE_MAX = 1024,
};

/* Settings (SPEC 6.1) */
enum {
	INV_MAX_LIST = 4096,          /* addresses or words in one settings list */
	INV_MAX_HOURS = 1000000,      /* scavenging_hours */
};

#define INV_DEFAULT_STORAGE ZL_STORAGE_AD_DOMAIN
#define INV_DEFAULT_ROLES (ZL_ROLE_DC | ZL_ROLE_DNS)
#define INV_DEFAULT_AGING_DAYS 7u

/* A set of strings, each with the line it was first seen at (walk.c). */
typedef struct seen_slot {
	char *key;                    /* owned copy; NULL = empty slot */
	uint32_t line;
} seen_slot;

typedef struct seen {
	seen_slot *slots;
	size_t cap;                   /* a power of two, or 0 */
	size_t count;
} seen;

/* The loader's state.  The walk (walk.c) uses m, doc, file, label, zone,
 * server (for problems), visits, exhausted, reported and dropped; the rest
 * is the schema's. */
typedef struct inv {
	zl_model *m;
	yaml_document_t *doc;         /* while the document is walked */
	const char *file;             /* the inventory path, in the model */
	size_t dir_len;               /* its folder part, '/' included */
	const char *label;            /* what is being read: "server dc1.corp." */
	const zl_name *zone;          /* the entry being read, for problems */
	const zl_name *server;
	seen zones;                   /* zone names read so far */
	size_t visits;
	bool exhausted;               /* visit budget spent: stop reading */
	unsigned reported;
	unsigned dropped;             /* problems over INV_MAX_PROBLEMS */
	bool dropped_error;
	bool live;                    /* --live: zone files are not read, nor checked */
	bool anywhere;                /* --include-anywhere: paths may leave the folder */
} inv;

/* One value of an enumerated key. */
typedef struct word {
	const char *text;
	unsigned value;
} word;

/* A mapping is read by a table of its keys (inv_walk_map). */
typedef void key_fn(inv *c, void *entry, const yaml_node_t *value);

typedef struct key_rule {
	const char *name;
	bool required;
	key_fn *read;                 /* called in table order */
} key_rule;

/* Settings of a zone, whether the zone's own or a server's (settings.c). */
typedef struct settings_entry {
	zl_zone_settings *s;          /* NULL: checked but not stored */
	const yaml_node_t *transfers, *transfer_to;   /* the nodes, when given */
	zl_transfers transfers_value;
} settings_entry;

typedef struct aging_entry {
	unsigned no_refresh_days;
	unsigned refresh_days;
	unsigned days_given;          /* 1: no_refresh, 2: refresh */
	int enabled;                  /* -1: not given */
	zl_addr_list scavenging;
	bool checked_only;            /* no target: do not keep the list */
} aging_entry;

/* walk.c */
uint32_t inv_seen_add(seen *s, const char *key, uint32_t line);
void inv_seen_free(seen *s);
zl_location inv_mark_loc(const inv *c, yaml_mark_t k);
zl_location inv_node_loc(const inv *c, const yaml_node_t *n);
uint32_t inv_node_line(const yaml_node_t *n);
zl_location inv_top_loc(const inv *c);
const char *inv_quote(const char *s, char buf[EXCERPT_BUF]);
void inv_error_at(inv *c, zl_location where, const char *fmt, ...)
	ZL_PRINTF(3, 4);
void inv_error(inv *c, const yaml_node_t *at, const char *fmt, ...)
	ZL_PRINTF(3, 4);
void inv_warning(inv *c, const yaml_node_t *at, const char *fmt, ...)
	ZL_PRINTF(3, 4);
const char *inv_keep(inv *c, const char *s);
const word *inv_find_word(const word *words, size_t n, const char *text);
const char *inv_list_words(const word *words, size_t n, char *buf, size_t size);
const yaml_node_t *inv_node_at(const inv *c, int index);
size_t inv_list_len(const yaml_node_t *l);
const yaml_node_t *inv_list_item(inv *c, const yaml_node_t *l, size_t i);
size_t inv_map_len(const yaml_node_t *m);
bool inv_map_pair(inv *c, const yaml_node_t *m, size_t i,
                  const yaml_node_t **key, const yaml_node_t **value);
bool inv_is_null(const yaml_node_t *n);
const char *inv_kind(const yaml_node_t *n);
const char *inv_text_of(inv *c, const yaml_node_t *n, const char *key,
                        const char *what);
bool inv_as_list(inv *c, const yaml_node_t *v, const char *key,
                 const char *what, size_t *len);
bool inv_as_map(inv *c, const yaml_node_t *v, const char *key,
                const char *what, size_t *len);
void inv_walk_map(inv *c, const yaml_node_t *map, const char *label,
                  const key_rule *keys, size_t n, void *entry);

/* values.c */
const zl_name *inv_intern_text(inv *c, const char *t);
const zl_name *inv_read_name(inv *c, const yaml_node_t *n, const char *key,
                             bool allow_root);
const zl_name *inv_peek_name(inv *c, const yaml_node_t *entry);
const char *inv_entry_label(char *buf, size_t size, const char *what,
                            const zl_name *name);
bool inv_parse_prefix(const char *text, zl_prefix *out, char *why, size_t size);
bool inv_parse_guid(const char *text, char out[37]);
const char *inv_endpoint_problem(const char *t);
char *inv_read_path(inv *c, const yaml_node_t *n, const char *key);

/* settings.c */
bool inv_read_word(inv *c, const yaml_node_t *v, const char *key,
                   const word *words, size_t n, unsigned *out);
bool inv_read_number(inv *c, const yaml_node_t *v, const char *key,
                     uint32_t max, const char *unit, uint32_t *out);
void inv_read_addr_list(inv *c, const yaml_node_t *v, const char *key,
                        zl_addr_list *out);
void inv_read_text_list(inv *c, const yaml_node_t *v, const char *key,
                        bool trustees, zl_text_list *out);
void inv_read_dynamic_update(inv *c, void *entry, const yaml_node_t *v);
void inv_read_transfers(inv *c, void *entry, const yaml_node_t *v);
void inv_read_transfer_to(inv *c, void *entry, const yaml_node_t *v);
void inv_check_transfers(inv *c, const settings_entry *e);
void inv_read_aging_into(inv *c, const yaml_node_t *v, aging_entry *a,
                         zl_aging *out);
void inv_read_settings_aging(inv *c, void *entry, const yaml_node_t *v);

/* servers.c, zones.c, root.c */
void inv_read_server(inv *c, const yaml_node_t *n);
void inv_read_days(inv *c, const yaml_node_t *v, const char *key, unsigned *out);
void inv_read_zone(inv *c, const yaml_node_t *n);
void inv_read_root(inv *c, const yaml_node_t *root);

#endif
