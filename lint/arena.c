/* lint/arena.c - see arena.h. */
#define _GNU_SOURCE             /* mremap */
#include "arena.h"

#include <string.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>

/* Large enough that block headers and malloc overhead vanish per record,
 * small enough that a tiny forest does not reserve much.  Once an arena
 * holds BIG_AFTER bytes its blocks grow to BIG_BLOCK, in huge pages. */
#define BLOCK_SIZE (256u * 1024u)
#define BIG_BLOCK ((size_t)4 << 20)
#define BIG_AFTER ((size_t)8 << 20)
/* Below this, zl_pages_alloc is calloc; from HUGE_PAGE on, huge pages. */
#define PAGES_MIN ((size_t)64 << 10)
#define HUGE_PAGE ((size_t)2 << 20)

struct zl_arena_block {
	zl_arena_block *prev;
	size_t size;             /* of the whole block, header included */
	max_align_t data[];
};

/* Memory straight from the kernel, 2 MiB aligned when it is that big (so
 * that the kernel can back it with huge pages). */
static void *map_pages(size_t size)
{
	size_t extra = size >= HUGE_PAGE ? HUGE_PAGE : 0;
	char *p = mmap(NULL, size + extra, PROT_READ | PROT_WRITE,
	               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	if (extra) {
		size_t lead = (HUGE_PAGE - (uintptr_t)p % HUGE_PAGE) % HUGE_PAGE;
		if (lead)
			munmap(p, lead);
		if (extra - lead)
			munmap(p + lead + size, extra - lead);
		p += lead;
		madvise(p, size, MADV_HUGEPAGE);     /* a hint: failure is harmless */
	}
	return p;
}

void *zl_pages_alloc(size_t size)
{
	if (size < PAGES_MIN)
		return calloc(1, size ? size : 1);
	return map_pages(size);
}

size_t zl_pages_fit(size_t size)
{
	if (size < HUGE_PAGE / 2)
		return size;
	return (size + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
}

void zl_pages_free(void *p, size_t size)
{
	if (!p)
		return;
	if (size < PAGES_MIN)
		free(p);
	else
		munmap(p, size);
}

void *zl_pages_grow(void *p, size_t old, size_t size)
{
	if (!p)
		return zl_pages_alloc(size);
	if (old >= PAGES_MIN && size >= HUGE_PAGE) {
		void *q = mremap(p, old, size, MREMAP_MAYMOVE);
		/* New pages read as zero; no huge pages, which would make the
		 * unused end of the array resident. */
		return q == MAP_FAILED ? NULL : q;
	}
	void *q = zl_pages_alloc(size);
	if (q) {
		memcpy(q, p, old < size ? old : size);
		zl_pages_free(p, old);
	}
	return q;
}

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
		zl_pages_free(b, b->size);
		b = prev;
	}
	zl_arena_init(a);
}

void *zl_arena_alloc(zl_arena *a, size_t size, size_t align)
{
	size_t at = (a->used + align - 1) & ~(align - 1);

	if (!a->head || at + size > a->size) {
		size_t block = a->total >= BIG_AFTER ? BIG_BLOCK : BLOCK_SIZE;
		size_t cap = size > block / 4 ? size : block - sizeof(zl_arena_block);
		/* Not zeroed: what the arena hands out is written before it is read. */
		zl_arena_block *b = sizeof(*b) + cap < PAGES_MIN ? malloc(sizeof(*b) + cap)
		                                                  : map_pages(sizeof(*b) + cap);
		if (!b)
			return NULL;
		b->prev = a->head;
		b->size = sizeof(*b) + cap;
		a->head = b;
		a->size = cap;
		at = 0;
	}
	a->used = at + size;
	a->total += size;
	return (char *)a->head->data + at;
}

/* A region reserves what a 32-bit offset in units of ZL_REGION_UNIT
 * reaches, and is made usable COMMIT_STEP at a time while small. */
#define REGION_MAX ((size_t)1 << 34)
#define REGION_MIN ((size_t)1 << 20)
#define COMMIT_STEP ((size_t)64 << 10)

void zl_region_init(zl_region *r)
{
	r->base = NULL;
	r->reserved = r->committed = r->used = 0;
}

void zl_region_release(zl_region *r)
{
	if (r->base)
		munmap(r->base, r->reserved);
	zl_region_init(r);
}

/* All a region can address, or an eighth of the address space a limit
 * allows (ulimit -v counts reserved space), the rest left to the others. */
static size_t region_size(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_AS, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY ||
	    rl.rlim_cur / 8 >= REGION_MAX)
		return REGION_MAX;
	return rl.rlim_cur / 8 > REGION_MIN ? (size_t)(rl.rlim_cur / 8) : REGION_MIN;
}

/* Address space only: PROT_NONE is neither memory nor commit charge. */
static bool region_reserve(zl_region *r)
{
	for (size_t size = region_size(); size >= REGION_MIN; size /= 2) {
		char *p = mmap(NULL, size + HUGE_PAGE, PROT_NONE,
		               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			continue;
		size_t lead = (HUGE_PAGE - (uintptr_t)p % HUGE_PAGE) % HUGE_PAGE;
		if (lead)
			munmap(p, lead);
		munmap(p + lead + size, HUGE_PAGE - lead);
		r->base = p + lead;
		r->reserved = size;
		return true;
	}
	return false;
}

/* Makes the first `need` bytes usable, and half as much again as is
 * usable now (fewer calls); in huge pages once the region is big. */
static bool region_commit(zl_region *r, size_t need)
{
	size_t step = r->committed >= BIG_AFTER ? HUGE_PAGE : COMMIT_STEP;
	size_t to = r->committed + r->committed / 2;

	if (to < need)
		to = need;
	to = (to + step - 1) & ~(step - 1);
	if (to > r->reserved)
		to = r->reserved;
	if (to < need ||
	    mprotect(r->base + r->committed, to - r->committed, PROT_READ | PROT_WRITE) != 0)
		return false;
	if (to >= BIG_AFTER) {
		size_t from = r->committed >= BIG_AFTER ? r->committed : 0;
		madvise(r->base + from, to - from, MADV_HUGEPAGE);   /* a hint */
	}
	r->committed = to;
	return true;
}

void *zl_region_alloc(zl_region *r, size_t size)
{
	size = (size + ZL_REGION_UNIT - 1) & ~(size_t)(ZL_REGION_UNIT - 1);
	if (!r->base && !region_reserve(r))
		return NULL;
	if (size > r->reserved - r->used ||
	    (r->used + size > r->committed && !region_commit(r, r->used + size)))
		return NULL;
	void *p = r->base + r->used;
	r->used += size;
	return p;
}
