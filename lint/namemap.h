/*
 * lint/namemap.h - a map from interned names to pointers (private).
 * Open addressing on the name's own hash; keys are compared by pointer.
 */
#ifndef ZL_NAMEMAP_H
#define ZL_NAMEMAP_H

#include <stdlib.h>

#include "names.h"

typedef struct zl_namemap_slot {
	const zl_name *key;       /* NULL: empty */
	void *value;
} zl_namemap_slot;

typedef struct zl_namemap {
	zl_namemap_slot *slots;
	size_t cap;               /* a power of two, or 0 */
	size_t count;
} zl_namemap;

static inline zl_namemap_slot *zl_namemap_slot_for(zl_namemap_slot *slots, size_t cap,
                                                   const zl_name *key)
{
	size_t i = key->hash & (cap - 1);

	while (slots[i].key && slots[i].key != key)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

/* The value stored for key, or NULL. */
static inline void *zl_namemap_get(const zl_namemap *m, const zl_name *key)
{
	return m->cap ? zl_namemap_slot_for(m->slots, m->cap, key)->value : NULL;
}

/* Stores (or replaces) key's value; -1 when memory runs out. */
static inline int zl_namemap_put(zl_namemap *m, const zl_name *key, void *value)
{
	if ((m->count + 1) * 4 > m->cap * 3) {
		size_t cap = m->cap ? m->cap * 2 : 16;
		zl_namemap_slot *slots = calloc(cap, sizeof(*slots));
		if (!slots)
			return -1;
		for (size_t i = 0; i < m->cap; i++)
			if (m->slots[i].key)
				*zl_namemap_slot_for(slots, cap, m->slots[i].key) = m->slots[i];
		free(m->slots);
		m->slots = slots;
		m->cap = cap;
	}
	zl_namemap_slot *s = zl_namemap_slot_for(m->slots, m->cap, key);
	if (!s->key)
		m->count++;
	s->key = key;
	s->value = value;
	return 0;
}

static inline void zl_namemap_release(zl_namemap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->cap = m->count = 0;
}

#endif
