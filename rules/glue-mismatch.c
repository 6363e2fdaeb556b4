/*
 * glue-mismatch: the glue of a delegation to a server of the inventory
 * holds an address that is not the server's.  Resolvers follow the
 * referral with the glue (RFC 1034 4.2.1, RFC 9471): a DC whose address
 * changed, with the parent still giving the old one, is unreachable by
 * every resolver that comes through the parent.
 *
 * The glue is checked once per distinct copy (views read from
 * byte-identical files share their records): the forest root's copies
 * hold the delegation of every child domain, with every DC of it named;
 * each view then reports what its copy holds, on its own server.
 */
#include <stdlib.h>

#include "lib/delegation.h"

/* A glue record that holds no address of server s (s NULL: a count of
 * servers named by a delegation with no address in the inventory). */
typedef struct bad {
	const zl_zone *child;
	const zl_server *s;
	const zl_record *g;
	zl_addr a;
} bad;

/* What one distinct copy holds of them, in report order. */
typedef struct copy {
	bad *v;
	size_t n, cap;
	bool done;
} copy;

typedef struct ctx {
	const zl_model *m;
	zl_report *r;
	copy *copies;             /* by zl_view_records_index */
	ad_map server_index;      /* server name -> index */
	uint32_t *seen;           /* per server: the mark of the last NS set */
	uint32_t mark;
	bool oom;
} ctx;

static void report(ctx *c, const zl_view *v, const zl_zone *child, const zl_server *on,
                   const zl_server *s, const zl_record *g, const zl_addr *a)
{
	const zl_zone *z = zl_view_zone(v);
	char ip[ZL_ADDR_TEXT_MAX], has[512], data[ZL_ADDR_TEXT_MAX + AD_NAME_MAX + 8];

	zl_addr_format(a, ip, sizeof(ip));
	zl_finding *f = zl_report_add(c->r, zl_record_location(v, g),
		"glue %s %s %s of the delegation of %s is not an address of %s (%s), in "
		"zone %s on %s", ad_addr_type(a), zl_name_text(zl_record_owner(g)), ip,
		zl_name_text(zl_zone_name(child)), zl_name_text(zl_server_name(s)),
		ad_addresses_text(s, has, sizeof(has)), zl_name_text(zl_zone_name(z)),
		zl_name_text(zl_server_name(on)));
	zl_finding_zone(f, zl_zone_name(z));
	zl_finding_owner(f, zl_record_owner(g));
	zl_finding_server(f, zl_server_name(s));
	snprintf(data, sizeof(data), "%s on %s", ip, zl_name_text(zl_server_name(on)));
	zl_finding_data(f, data);
	zl_finding_note(f, "resolvers that follow the referral to %s ask %s, which is "
	                "not %s", zl_name_text(zl_zone_name(child)), ip,
	                zl_name_text(zl_server_name(s)));
	zl_finding_fix(f, "replace the glue on %s", zl_name_text(zl_server_name(on)));
	ad_command_delete_addr(f, on, z, zl_record_owner(g), a);
	ad_command_add_addr(f, on, z, zl_record_owner(g), &zl_server_address(s, 0)->addr);
}

static void push(ctx *c, copy *cp, bad b)
{
	if (cp->n == cp->cap) {
		size_t cap = cp->cap ? cp->cap * 2 : 8;
		bad *v = realloc(cp->v, cap * sizeof(*v));
		if (!v) {
			c->oom = true;
			return;
		}
		cp->v = v;
		cp->cap = cap;
	}
	cp->v[cp->n++] = b;
}

/* The glue of one in-bailiwick target t: A/AAAA records at t in v. */
static void check_target(ctx *c, const zl_view *v, copy *cp, const zl_zone *child,
                         const zl_name *t)
{
	const zl_server *s = zl_model_server_find(c->m, t);
	zl_iter it;

	if (!s)
		return;
	if (zl_server_address_count(s) == 0) {
		push(c, cp, (bad){ .child = child });
		return;
	}
	for (const zl_record *g = ad_addr_first(v, t, &it); g; g = ad_addr_next(&it)) {
		zl_addr a;
		if (zl_record_addr(g, &a) && !zl_server_has_address(s, &a))
			push(c, cp, (bad){ child, s, g, a });
	}
}

/* The NS set of the delegation of child in v. */
static void check_set(ctx *c, const zl_view *v, copy *cp, const zl_zone *child)
{
	zl_iter it;
	uint32_t i;

	c->mark++;
	for (const zl_record *ns = zl_view_find(v, zl_zone_name(child), ZL_TYPE_NS, &it); ns;
	     ns = zl_iter_next(&it)) {
		const zl_name *t = zl_record_target(ns);
		if (!t || !zl_name_is_below(t, zl_zone_name(child)))
			continue;
		/* Only servers of the inventory are checked, a target named
		 * twice once: a DC's domain delegation names every DC of it. */
		if (!ad_map_get(&c->server_index, ad_ptr_key(t), &i) || c->seen[i] == c->mark)
			continue;
		c->seen[i] = c->mark;
		check_target(c, v, cp, child, t);
	}
}

/* What v's records hold, worked out once for all views sharing them: the
 * delegations in v of the inventory's zones whose parent is v's zone (the
 * apex has no glue), as ad_each_ns_set finds them. */
static const copy *copy_of(ctx *c, const zl_view *v)
{
	copy *cp = &c->copies[zl_view_records_index(v)];
	const zl_zone *z = zl_view_zone(v);

	if (cp->done)
		return cp;
	cp->done = true;
	for (size_t i = 0; i < zl_model_zone_count(c->m); i++) {
		const zl_zone *child = zl_model_zone(c->m, i);
		if (child != z && ad_parent_zone(c->m, child) == z)
			check_set(c, v, cp, child);
	}
	return cp;
}

static void check_view(ctx *c, const zl_view *v)
{
	/* The delegation's NS records live in the parent's copy whether or
	 * not its servers host the child: the copy's first DNS server. */
	const zl_server *on = ad_view_dns_server(v);
	const copy *cp;

	if (!on || !(cp = copy_of(c, v)))
		return;
	for (size_t i = 0; i < cp->n; i++) {
		const bad *b = &cp->v[i];
		if (!b->s)
			zl_report_not_checked(c->r, "a server named by a delegation has no "
			                      "address in the inventory", 1);
		else
			report(c, v, b->child, on, b->s, b->g, &b->a);
	}
}

static int check(const zl_model *m, zl_report *r)
{
	size_t nv = zl_model_view_count(m);
	ctx c = { .m = m, .r = r, .copies = calloc(nv + 1, sizeof(copy)),
	          .seen = calloc(zl_model_server_count(m) + 1, sizeof(uint32_t)) };
	int rc = c.copies && c.seen && ad_server_index_init(&c.server_index, m) ? 0 : -1;

	for (size_t i = 0; rc == 0 && !c.oom && i < nv; i++)
		check_view(&c, zl_model_view(m, i));
	for (size_t i = 0; c.copies && i < nv; i++)
		free(c.copies[i].v);
	free(c.copies);
	free(c.seen);
	ad_map_free(&c.server_index);
	return c.oom ? -1 : rc;
}

const zl_rule zl_rule_glue_mismatch = {
	.id = "glue-mismatch",
	.pack = "ad",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "an A/AAAA glue record below a delegation, at the name of a server of "
	           "the inventory, holds an address that is not one of the server's",
	.explanation =
	"A delegation to a name server inside the delegated zone carries the\n"
	"server's addresses as glue, and resolvers follow the referral with them\n"
	"(RFC 1034 4.2.1, RFC 9471).  When a DC's address changes, its own A\n"
	"record is updated by its DNS client, but the glue in the parent zone is\n"
	"not: every resolver that comes through the parent asks the old address.\n"
	"zonelint checks, in every DNS server's copy of each zone, once per copy,\n"
	"the glue of each delegation of an inventory zone whose parent it is: an\n"
	"A or AAAA record at an NS target below the delegation that is a server\n"
	"of the inventory must hold one of that server's addresses.  One finding\n"
	"per record, on its line; `owner` is the glue's owner, `server` the server.\n"
	"\n"
	"Example:\n"
	"  zones/example.com.dns:22:1: error: glue A dc2.emea.example.com.\n"
	"  10.2.0.99 of the delegation of emea.example.com. is not an address of\n"
	"  dc2.emea.example.com. (10.2.0.12), in zone example.com. on\n"
	"  dc1.example.com. [glue-mismatch]\n"
	"\n"
	"Fix: replace the glue on the DNS server holding the copy:\n"
	"  dnscmd dc1.example.com /RecordDelete example.com dc2.emea A 10.2.0.99 /f\n"
	"  dnscmd dc1.example.com /RecordAdd example.com dc2.emea A 10.2.0.12\n"
	"(and the Remove-/Add-DnsServerResourceRecord forms).",
	.check = check,
};
