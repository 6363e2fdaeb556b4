/*
 * lint/arena.h - a bump allocator for what lives as long as the model:
 * names, strings, record data.  Freed all at once.
 */
#ifndef ZL_ARENA_H
#define ZL_ARENA_H

#include <stddef.h>

typedef struct zl_arena_block zl_arena_block;

typedef struct zl_arena {
	zl_arena_block *head;    /* newest block, owns the chain */
	size_t used;             /* bytes used in head */
	size_t size;             /* capacity of head */
	size_t total;            /* bytes handed out, for statistics */
} zl_arena;

void zl_arena_init(zl_arena *a);
void zl_arena_release(zl_arena *a);
/* `size` bytes aligned to `align` (a power of two); NULL on OOM. */
void *zl_arena_alloc(zl_arena *a, size_t size, size_t align);

#endif
