/* lint/arena.c - see arena.h. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>

/* Large enough that block headers and malloc overhead vanish per record,
 * small enough that a tiny forest does not reserve much. */
#define BLOCK_SIZE (256u * 1024u)

struct zl_arena_block {
	zl_arena_block *prev;
	max_align_t data[];
};

void zl_arena_init(zl_arena *a)
{
	a->head = NULL;
	a->used = 0;
	a->size = 0;
	a->total = 0;
}

void zl_arena_release(zl_arena *a)
{
	zl_arena_block *b = a->head;

	while (b) {
		zl_arena_block *prev = b->prev;
		free(b);
		b = prev;
	}
	zl_arena_init(a);
}

void *zl_arena_alloc(zl_arena *a, size_t size, size_t align)
{
	size_t at = (a->used + align - 1) & ~(align - 1);

	if (!a->head || at + size > a->size) {
		size_t cap = size > BLOCK_SIZE / 4 ? size : BLOCK_SIZE;
		zl_arena_block *b = malloc(sizeof(*b) + cap);
		if (!b)
			return NULL;
		b->prev = a->head;
		a->head = b;
		a->size = cap;
		at = 0;
	}
	a->used = at + size;
	a->total += size;
	return (char *)a->head->data + at;
}
