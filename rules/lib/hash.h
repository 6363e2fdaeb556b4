/*
 * rules/lib/hash.h - the rules' one string and byte hash: 64-bit FNV-1a
 * (Fowler, Noll, Vo; draft-eastlake-fnv), for map keys and for grouping
 * equal data.  Callers confirm equal hashes by comparing what they hash.
 *
 * Inline: it runs once for every record of every copy (duplicate-record).
 */
#ifndef ZL_RULES_LIB_HASH_H
#define ZL_RULES_LIB_HASH_H

#include <stddef.h>
#include <stdint.h>

#define RL_FNV_BASIS 14695981039346656037u
#define RL_FNV_PRIME 1099511628211u

/* h, the hash so far (RL_FNV_BASIS to start), continued over n bytes at p. */
static inline uint64_t rl_fnv1a(uint64_t h, const void *p, size_t n)
{
	for (const uint8_t *b = p, *end = b + n; b < end; b++)
		h = (h ^ *b) * RL_FNV_PRIME;
	return h;
}

/* A key for a map that takes 0 for empty: the hash of n bytes, never 0. */
static inline uint64_t rl_fnv1a_key(const void *p, size_t n)
{
	uint64_t h = rl_fnv1a(RL_FNV_BASIS, p, n);

	return h ? h : 1;
}

#endif
