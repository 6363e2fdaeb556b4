/*
 * rules/ad-delegation.h - what ns-stale, ns-missing and glue-mismatch
 * share: the NS sets of a copy that concern zones of the inventory (its
 * apex, and the delegations of inventory zones below it), and the server
 * that holds a copy.
 *
 * Delegations are found by asking the copy for NS records at the names
 * of the inventory's zones (one lookup each), never by walking the copy.
 */
#ifndef ZL_RULES_AD_DELEGATION_H
#define ZL_RULES_AD_DELEGATION_H

#include "ad-locator.h"

/* The first DNS-running server (by name) holding copy v, or NULL.  A
 * delegation's NS records live in the parent's copy whether or not its
 * servers host the child, so the holder is not asked to hold the name. */
static inline const zl_server *ad_view_dns_server(const zl_view *v)
{
	for (size_t i = 0; i < zl_view_server_count(v); i++)
		if (zl_server_roles(zl_view_server(v, i)) & ZL_ROLE_DNS)
			return zl_view_server(v, i);
	return NULL;
}

/* The zone of the inventory that is the closest strict ancestor of
 * zone c, or NULL: the parent that must delegate c. */
static inline const zl_zone *ad_parent_zone(const zl_model *m, const zl_zone *c)
{
	for (const zl_name *n = zl_name_parent(zl_zone_name(c)); n; n = zl_name_parent(n)) {
		const zl_zone *p = zl_model_zone_find(m, n);
		if (p)
			return p;
	}
	return NULL;
}

/*
 * Calls fn for the NS set at the apex of copy v (child == the view's zone),
 * when a DNS-running server holds the apex, and for each delegation in v
 * of a zone of the inventory whose parent is the view's zone.  `on` is
 * the server whose copy holds it, `first` its first NS record.
 */
typedef void ad_ns_set_fn(void *ctx, const zl_view *v, const zl_zone *child,
                          const zl_server *on, const zl_record *first);

static inline void ad_each_ns_set(const zl_model *m, const zl_view *v,
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

#endif
