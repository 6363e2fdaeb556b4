/*
 * lint/vec.h - growable arrays: VEC(T) declares {T *v; size_t n, cap;}.
 * VEC_PUSH returns 0, or -1 when memory runs out (the array unchanged).
 */
#ifndef ZL_VEC_H
#define ZL_VEC_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define VEC(T) struct { T *v; size_t n, cap; }

static inline int vec_reserve_raw(void **v, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return 0;
	size_t cap2 = *cap ? *cap * 2 : 4;
	while (cap2 < need)
		cap2 *= 2;
	void *p = realloc(*v, cap2 * elem);
	if (!p)
		return -1;
	*v = p;
	*cap = cap2;
	return 0;
}

static inline int vec_push_raw(void **v, size_t *n, size_t *cap, size_t elem,
                               const void *item)
{
	if (vec_reserve_raw(v, cap, *n + 1, elem) != 0)
		return -1;
	memcpy((char *)*v + *n * elem, item, elem);
	(*n)++;
	return 0;
}

#define VEC_RESERVE(vec, need) \
	vec_reserve_raw((void **)&(vec).v, &(vec).cap, (need), sizeof(*(vec).v))
#define VEC_PUSH(vec, item) __extension__ ({ \
	__typeof__(*(vec).v) zl_vec_item_ = (item); \
	vec_push_raw((void **)&(vec).v, &(vec).n, &(vec).cap, sizeof(*(vec).v), \
	             &zl_vec_item_); })
#define VEC_FREE(vec) \
	do { free((vec).v); (vec).v = NULL; (vec).n = (vec).cap = 0; } while (0)

#endif
