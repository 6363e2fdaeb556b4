/* rules/lib/map.c - see map.h. */
#include "map.h"
#include "hash.h"

bool ad_map_init(ad_map *mp, size_t n)
{
	mp->cap = 16;
	while (mp->cap < 2 * n + 2)
		mp->cap *= 2;
	mp->keys = calloc(mp->cap, sizeof(*mp->keys));
	mp->values = calloc(mp->cap, sizeof(*mp->values));
	return mp->keys && mp->values;
}

void ad_map_free(ad_map *mp)
{
	free(mp->keys);
	free(mp->values);
}

void ad_map_put(ad_map *mp, uint64_t key, uint32_t value)
{
	size_t i = ad_map_hash(key, mp->cap);

	while (mp->keys[i] && mp->keys[i] != key)
		i = (i + 1) & (mp->cap - 1);
	if (!mp->keys[i]) {
		mp->keys[i] = key;
		mp->values[i] = value;
	}
}

uint64_t ad_addr_key(const zl_addr *a)
{
	uint64_t h = rl_fnv1a(RL_FNV_BASIS ^ a->family, a->bytes, a->family == 4 ? 4 : 16);

	return h ? h : 1;
}

static int ad_addr_pair_cmp(const void *a, const void *b)
{
	const ad_addr_pair *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->server < y->server ? -1 : x->server > y->server;
}

bool ad_addr_index_init(ad_addr_index *x, const zl_model *m)
{
	size_t total = 0;

	x->n = 0;
	for (size_t i = 0; i < zl_model_server_count(m); i++)
		total += zl_server_address_count(zl_model_server(m, i));
	x->pairs = malloc((total + 1) * sizeof(*x->pairs));
	if (!ad_map_init(&x->first, total) || !x->pairs)
		return false;
	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		const zl_server *s = zl_model_server(m, i);
		for (size_t j = 0; j < zl_server_address_count(s); j++)
			x->pairs[x->n++] = (ad_addr_pair){
				ad_addr_key(&zl_server_address(s, j)->addr), (uint32_t)i };
	}
	qsort(x->pairs, x->n, sizeof(*x->pairs), ad_addr_pair_cmp);
	for (size_t i = x->n; i-- > 0; )
		if (i == 0 || x->pairs[i - 1].key != x->pairs[i].key)
			ad_map_put(&x->first, x->pairs[i].key, (uint32_t)i);
	return true;
}

void ad_addr_index_free(ad_addr_index *x)
{
	ad_map_free(&x->first);
	free(x->pairs);
}

void ad_addr_index_each(const ad_addr_index *x, const zl_model *m,
                        const zl_addr *a,
                        void (*fn)(void *ctx, uint32_t server), void *ctx)
{
	uint64_t key = ad_addr_key(a);
	uint32_t i;

	if (!ad_map_get(&x->first, key, &i))
		return;
	for (; i < x->n && x->pairs[i].key == key; i++)
		if ((i == 0 || x->pairs[i - 1].server != x->pairs[i].server ||
		     x->pairs[i - 1].key != key) &&
		    zl_server_has_address(zl_model_server(m, x->pairs[i].server), a))
			fn(ctx, x->pairs[i].server);
}

bool ad_server_index_init(ad_map *mp, const zl_model *m)
{
	if (!ad_map_init(mp, zl_model_server_count(m)))
		return false;
	for (size_t i = 0; i < zl_model_server_count(m); i++)
		ad_map_put(mp, ad_ptr_key(zl_server_name(zl_model_server(m, i))), (uint32_t)i);
	return true;
}
