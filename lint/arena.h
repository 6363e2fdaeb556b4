/*
 * lint/arena.h - a bump allocator for what lives as long as the model:
 * names, strings, record data.  Freed all at once.  And big page-backed
 * allocations for the model's tables.
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

/*
 * `size` zeroed bytes for a big table or buffer: from calloc when small,
 * else straight from the kernel, in transparent huge pages where it is
 * big enough (a random probe into a table of millions of slots then costs
 * a cache miss, not also a TLB miss).  Free with zl_pages_free and the
 * same size.
 */
void *zl_pages_alloc(size_t size);
void zl_pages_free(void *p, size_t size);
/*
 * The size to ask zl_pages_alloc for so that a table of at least `size`
 * bytes gets huge pages: from 1 MiB on, rounded up to whole huge pages
 * (a table of 1.5 MiB in small pages costs a TLB miss a probe; rounded
 * to 2 MiB it costs none).  A hash table takes the slack as capacity.
 */
size_t zl_pages_fit(size_t size);
/*
 * p (of `old` bytes, from zl_pages_alloc, or NULL) grown to `size`, its
 * contents kept and the rest zeroed; NULL on OOM (p is then untouched).
 * Big ones are moved by the kernel, not copied, and leave no hole in the
 * heap behind them (a growing array of millions that realloc copies
 * leaves its earlier copies resident, since the heap is never trimmed).
 */
void *zl_pages_grow(void *p, size_t old, size_t size);

/*
 * A region: one reservation of address space that is made usable as it
 * fills, so that what it holds never moves and can be named by a 32-bit
 * offset from its base in units of 4 bytes (16 GiB at most): the name
 * table's slots and a name's link to its parent.  Reserved space costs no
 * memory; pages count once written.  Freed all at once.
 */
typedef struct zl_region {
	char *base;              /* NULL until the first allocation */
	size_t reserved;         /* bytes of address space at base */
	size_t committed;        /* bytes at base readable and writable */
	size_t used;             /* bytes handed out */
} zl_region;

#define ZL_REGION_UNIT 4

void zl_region_init(zl_region *r);
void zl_region_release(zl_region *r);
/* `size` bytes aligned to ZL_REGION_UNIT; NULL on OOM or a full region. */
void *zl_region_alloc(zl_region *r, size_t size);

#endif
