/*
 * lint/names.h - interned domain names (private).
 *
 * Each distinct name is stored once, in canonical text (lower case,
 * absolute, RFC 1035 presentation escapes), with a link to its parent,
 * so equality is pointer equality and "is below" walks parents.
 */
#ifndef ZL_NAMES_H
#define ZL_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <zonelint/model.h>
#include "arena.h"
#include "status.h"

/*
 * A name lives in its table's region, 4-byte aligned, in 11 bytes and its
 * text: a million-name zone spends its memory on names, so the link to
 * the parent is the distance back to it (parents are stored first) and
 * table slots name it by its offset in the region.
 */
struct zl_name {
	uint32_t up;             /* ZL_REGION_UNITs back to the parent; 0: root */
	uint32_t hash;           /* of text */
	uint16_t len;            /* strlen(text) */
	uint8_t labels;          /* root = 0 */
	char text[];             /* canonical presentation, trailing dot */
};

/* The parent of n, NULL for the root. */
static inline const zl_name *zl_names_parent(const zl_name *n)
{
	return n->up ? (const zl_name *)((const char *)n - (size_t)n->up * ZL_REGION_UNIT)
	             : NULL;
}

/*
 * Open addressing with linear probing.  A slot is the name's hash as a
 * tag (0 meaning empty) beside the name's offset in the region: 8 bytes,
 * so a probe reads the slots beside the last one and looks at a name only
 * when the tags match.  The table is cut into ZL_NAME_SHARDS tables by
 * the hash's high bits, each growing by half when seven eighths full: a
 * table of millions of names grows a sixty-fourth at a time, so the old
 * and the new copy of the whole table are never held together (the peak
 * of a million-name zone).
 */
#define ZL_NAME_SHARDS 64

typedef struct zl_names_slot {
	uint32_t tag;            /* the name's hash, never 0; 0 = empty */
	uint32_t at;             /* the name's offset in ZL_REGION_UNITs */
} zl_names_slot;

typedef struct zl_names_shard {
	zl_names_slot *slots;    /* cap slots */
	size_t cap;
	size_t count;
} zl_names_shard;

typedef struct zl_names {
	zl_region region;        /* the names */
	zl_names_shard shard[ZL_NAME_SHARDS];
	size_t count;
} zl_names;

void zl_names_init(zl_names *t);
void zl_names_release(zl_names *t);

/* Presentation text to uncompressed wire; what is wrong when malformed
 * (ZL_ENAME_*).  "" reads as the root, as "." does. */
zl_status zl_name_parse(const char *text, uint8_t wire[256], size_t *len);

/* The same; false when malformed. */
bool zl_name_text_to_wire(const char *text, uint8_t wire[256], size_t *len);

/* Intern (insert when absent); NULL on malformed input or OOM. */
const zl_name *zl_names_intern_text(zl_names *t, const char *text);
const zl_name *zl_names_intern_wire(zl_names *t, const uint8_t *wire, size_t len);
/*
 * The name `len` bytes of presentation text at s stand for, relative to
 * `origin` unless they end in a dot (RFC 1035 5.1); "@" is not special
 * here.  The common case, a name without escapes that is already
 * interned, costs one hash and one probe; anything else goes the long way
 * (zl_names_intern_text).  NULL on malformed input or OOM.
 */
const zl_name *zl_names_intern_rel(zl_names *t, const char *s, size_t len,
                                   const zl_name *origin);
/*
 * A hint: the name zl_names_intern_rel will soon be asked for.  Fetches
 * its table slot from memory, so that the lookup then finds it in the
 * cache, and gives its hash; false (nothing done) unless the name is a
 * plain one.
 */
bool zl_names_prefetch_rel(const zl_names *t, const char *s, size_t len,
                           const zl_name *origin, uint32_t *hash);
/* Lookup only; NULL when the name was never interned. */
const zl_name *zl_names_lookup(const zl_names *t, const char *text);

#endif
