/*
 * glue-mismatch: the glue of a delegation to a server of the inventory
 * holds an address that is not the server's.  Resolvers follow the
 * referral with the glue (RFC 1034 4.2.1, RFC 9471): a DC whose address
 * changed, with the parent still giving the old one, is unreachable by
 * every resolver that comes through the parent.
 */
#include "lib/delegation.h"

typedef struct ctx {
	const zl_model *m;
	zl_report *r;
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

/* The glue of one in-bailiwick target t: A/AAAA records at t in v. */
static void check_target(ctx *c, const zl_view *v, const zl_zone *child,
                         const zl_server *on, const zl_name *t)
{
	const zl_server *s = zl_model_server_find(c->m, t);
	zl_iter it;

	if (!s)
		return;
	if (zl_server_address_count(s) == 0) {
		zl_report_not_checked(c->r, "a server named by a delegation has no address "
		                      "in the inventory", 1);
		return;
	}
	for (const zl_record *g = ad_addr_first(v, t, &it); g; g = ad_addr_next(&it)) {
		zl_addr a;
		if (zl_record_addr(g, &a) && !zl_server_has_address(s, &a))
			report(c, v, child, on, s, g, &a);
	}
}

static void check_set(void *p, const zl_view *v, const zl_zone *child,
                      const zl_server *on, const zl_record *first)
{
	ctx *c = p;
	zl_iter it, seen;

	(void)first;
	if (child == zl_view_zone(v))
		return;               /* the apex: no glue */
	for (const zl_record *ns = zl_view_find(v, zl_zone_name(child), ZL_TYPE_NS, &it); ns;
	     ns = zl_iter_next(&it)) {
		const zl_name *t = zl_record_target(ns);
		bool repeated = false;
		if (!t || !zl_name_is_below(t, zl_zone_name(child)))
			continue;
		/* A target named twice is checked once (only in-bailiwick
		 * targets get here: a handful). */
		for (const zl_record *e = zl_view_find(v, zl_zone_name(child), ZL_TYPE_NS, &seen);
		     e && e != ns; e = zl_iter_next(&seen))
			repeated |= zl_record_target(e) == t;
		if (!repeated)
			check_target(c, v, child, on, t);
	}
}

static int check(const zl_model *m, zl_report *r)
{
	ctx c = { m, r };

	for (size_t i = 0; i < zl_model_view_count(m); i++)
		ad_each_ns_set(m, zl_model_view(m, i), check_set, &c);
	return 0;
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
