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

struct zl_name {
	const zl_name *parent;   /* NULL for the root */
	uint32_t hash;           /* of text */
	uint16_t len;            /* strlen(text) */
	uint8_t labels;          /* root = 0 */
	char text[];             /* canonical presentation, trailing dot */
};

typedef struct zl_names {
	zl_arena *arena;         /* ref only: where names are stored */
	const zl_name **slots;   /* open addressing, NULL = empty */
	size_t cap;              /* power of two */
	size_t count;
} zl_names;

void zl_names_init(zl_names *t, zl_arena *arena);
void zl_names_release(zl_names *t);

/* Presentation text to uncompressed wire; false when malformed. */
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
/* Lookup only; NULL when the name was never interned. */
const zl_name *zl_names_lookup(const zl_names *t, const char *text);

#endif
