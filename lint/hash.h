/*
 * lint/hash.h - FNV-1a, the one string hash of lint/ (private).
 *
 * Fowler-Noll-Vo 1a (draft-eastlake-fnv): XOR the byte in, then multiply
 * by the prime.  Its values are kept in what zonelint writes and compares
 * (the baseline fingerprints of SPEC 4, the content hashes that let views
 * share their records), so they must never change.
 */
#ifndef ZL_HASH_H
#define ZL_HASH_H

#include <stdint.h>

#define ZL_FNV32_BASIS 2166136261u
#define ZL_FNV32_PRIME 16777619u
#define ZL_FNV64_BASIS 14695981039346656037u
#define ZL_FNV64_PRIME 1099511628211u

static inline uint32_t zl_fnv32_byte(uint32_t h, unsigned char c)
{
	return (h ^ c) * ZL_FNV32_PRIME;
}

static inline uint64_t zl_fnv64_byte(uint64_t h, unsigned char c)
{
	return (h ^ c) * ZL_FNV64_PRIME;
}

/* h continued over the bytes of the C string s. */
static inline uint64_t zl_fnv64_str(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = zl_fnv64_byte(h, (unsigned char)*s);
	return h;
}

#endif
