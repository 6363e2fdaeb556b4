/* rules/lib/delegation.c - see delegation.h. */
#include "delegation.h"

const zl_server *ad_view_dns_server(const zl_view *v)
{
	for (size_t i = 0; i < zl_view_server_count(v); i++)
		if (zl_server_roles(zl_view_server(v, i)) & ZL_ROLE_DNS)
			return zl_view_server(v, i);
	return NULL;
}

const zl_zone *ad_parent_zone(const zl_model *m, const zl_zone *c)
{
	for (const zl_name *n = zl_name_parent(zl_zone_name(c)); n; n = zl_name_parent(n)) {
		const zl_zone *p = zl_model_zone_find(m, n);
		if (p)
			return p;
	}
	return NULL;
}

void ad_each_ns_set(const zl_model *m, const zl_view *v,
                    ad_ns_set_fn *fn, void *ctx)
{
	const zl_zone *z = zl_view_zone(v);
	const zl_server *on = ad_view_holder(m, v, zl_zone_name(z));
	const zl_record *first;
	zl_iter it;

	if (on && (first = zl_view_find(v, zl_zone_name(z), ZL_TYPE_NS, &it)))
		fn(ctx, v, z, on, first);
	if (!(on = ad_view_dns_server(v)))
		return;
	for (size_t i = 0; i < zl_model_zone_count(m); i++) {
		const zl_zone *c = zl_model_zone(m, i);
		if (c == z || ad_parent_zone(m, c) != z)
			continue;
		if ((first = zl_view_find(v, zl_zone_name(c), ZL_TYPE_NS, &it)))
			fn(ctx, v, c, on, first);
	}
}
