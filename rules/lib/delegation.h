/*
 * rules/lib/delegation.h - what ns-stale, ns-missing and glue-mismatch
 * share: the NS sets of a copy that concern zones of the inventory (its
 * apex, and the delegations of inventory zones below it), and the server
 * that holds a copy.
 *
 * Delegations are found by asking the copy for NS records at the names
 * of the inventory's zones (one lookup each), never by walking the copy.
 */
#ifndef ZL_RULES_LIB_DELEGATION_H
#define ZL_RULES_LIB_DELEGATION_H

#include "locator.h"

/* The first DNS-running server (by name) holding copy v, or NULL.  A
 * delegation's NS records live in the parent's copy whether or not its
 * servers host the child, so the holder is not asked to hold the name. */
const zl_server *ad_view_dns_server(const zl_view *v);

/* The zone of the inventory that is the closest strict ancestor of
 * zone c, or NULL: the parent that must delegate c. */
const zl_zone *ad_parent_zone(const zl_model *m, const zl_zone *c);

/*
 * Calls fn for the NS set at the apex of copy v (child == the view's zone),
 * when a DNS-running server holds the apex, and for each delegation in v
 * of a zone of the inventory whose parent is the view's zone.  `on` is
 * the server whose copy holds it, `first` its first NS record.
 */
typedef void ad_ns_set_fn(void *ctx, const zl_view *v, const zl_zone *child,
                          const zl_server *on, const zl_record *first);

void ad_each_ns_set(const zl_model *m, const zl_view *v,
                    ad_ns_set_fn *fn, void *ctx);

#endif
