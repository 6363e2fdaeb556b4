/*
 * rules/lib/map.h - small maps from a pointer or a 64-bit key to a 32-bit
 * value, and the indexes built on them that dc-locator-records and
 * dc-orphan-records share: which servers hold an address, each server's
 * index by its name.
 */
#ifndef ZL_RULES_LIB_MAP_H
#define ZL_RULES_LIB_MAP_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include <zonelint/zonelint.h>

/* ---- small maps ------------------------------------------------------------- */

/* Open addressing from a pointer or a 64-bit key to a 32-bit value. */
typedef struct ad_map {
	uint64_t *keys;           /* 0 = empty */
	uint32_t *values;
	size_t cap;               /* a power of two */
} ad_map;

/*
 * Inline, as ad_map_get and ad_ptr_key: the locator rules look a key up
 * for every record they read, some millions in a forest of 1,000 DCs,
 * whose run took 1.2% more instructions with them out of line.
 */
static inline size_t ad_map_hash(uint64_t k, size_t cap)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return (size_t)k & (cap - 1);
}

bool ad_map_init(ad_map *mp, size_t n);

void ad_map_free(ad_map *mp);

/* Sets key (not 0) to value unless it is there already; the map never
 * holds more than the n it was sized for. */
void ad_map_put(ad_map *mp, uint64_t key, uint32_t value);

static inline bool ad_map_get(const ad_map *mp, uint64_t key, uint32_t *value)
{
	for (size_t i = ad_map_hash(key, mp->cap); mp->keys[i]; i = (i + 1) & (mp->cap - 1))
		if (mp->keys[i] == key) {
			*value = mp->values[i];
			return true;
		}
	return false;
}

static inline uint64_t ad_ptr_key(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

/* An address as a map key: FNV-1a over family and bytes, never 0. */
uint64_t ad_addr_key(const zl_addr *a);

/*
 * Which servers hold an address: every (address, server) pair sorted by
 * the address's key, and a map from the key to its first pair.  Keys may
 * collide, so callers confirm with zl_server_has_address.
 */
typedef struct ad_addr_pair {
	uint64_t key;
	uint32_t server;          /* index in model order */
} ad_addr_pair;

typedef struct ad_addr_index {
	ad_map first;             /* key -> index in pairs */
	ad_addr_pair *pairs;
	size_t n;
} ad_addr_index;

bool ad_addr_index_init(ad_addr_index *x, const zl_model *m);

void ad_addr_index_free(ad_addr_index *x);

/* Calls fn(ctx, server index) for each server holding address a. */
void ad_addr_index_each(const ad_addr_index *x, const zl_model *m,
                        const zl_addr *a,
                        void (*fn)(void *ctx, uint32_t server), void *ctx);

/* The index of each server in model order, by its name pointer. */
bool ad_server_index_init(ad_map *mp, const zl_model *m);

#endif
