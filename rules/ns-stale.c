/*
 * ns-stale: an NS record naming a host that does not serve the zone.  A
 * DC demoted or stripped of its DNS role leaves its NS records at the
 * apex and in the parent's delegation (dcpromo removes neither on a
 * forced demotion): resolvers that pick it time out (RFC 1034 4.2.2,
 * RFC 2181 6.1: every NS of a set must be authoritative).
 */
#include "lib/delegation.h"
#include "lib/relations.h"

typedef struct ctx {
	const zl_model *m;
	zl_report *r;
} ctx;

/* True when some listed domain holds name t. */
static bool in_listed_domain(const zl_model *m, const zl_name *t)
{
	for (size_t i = 0; i < zl_model_domain_count(m); i++)
		if (zl_name_is_below(t, zl_model_domain(m, i)))
			return true;
	return false;
}

/* Why target t of an NS record for zone c is stale, or NULL when it is
 * not (or is not judged: names outside the listed domains). */
static const char *stale_reason(const zl_model *m, const zl_zone *c, const zl_name *t)
{
	const zl_server *s = zl_model_server_find(m, t);

	if (s && !(zl_server_roles(s) & ZL_ROLE_DNS))
		return "which does not run DNS";
	if (s && !zl_zone_is_hosted_on(c, s))
		return "which does not host";
	if (!s && in_listed_domain(m, t))
		return "which is no server of the inventory";
	return NULL;
}

/* Deletes the glue of t kept in v (a target below the delegation). */
static void glue_commands(zl_finding *f, const zl_view *v, const zl_server *on,
                          const zl_name *t)
{
	zl_iter it;

	for (const zl_record *g = ad_addr_first(v, t, &it); g; g = ad_addr_next(&it)) {
		zl_addr a;
		if (zl_record_addr(g, &a))
			ad_command_delete_addr(f, on, zl_view_zone(v), t, &a);
	}
}

static void report(ctx *c, const zl_view *v, const zl_zone *child, const zl_server *on,
                   const zl_record *ns, const char *why)
{
	const zl_zone *z = zl_view_zone(v);
	const zl_name *t = zl_record_target(ns);
	bool delegation = child != z, glue = delegation && zl_name_is_below(t, zl_zone_name(child));
	char bare[AD_NAME_MAX], data[2 * AD_NAME_MAX];
	zl_iter it;

	zl_finding *f = zl_report_add(c->r, zl_record_location(v, ns),
		"%s NS %s names %s, %s%s%s, in zone %s on %s", delegation ? "delegation" : "apex",
		zl_name_text(zl_zone_name(child)), zl_name_text(t), why,
		strcmp(why, "which does not host") == 0 ? " zone " : "",
		strcmp(why, "which does not host") == 0 ? zl_name_text(zl_zone_name(child)) : "",
		zl_name_text(zl_zone_name(z)),
		zl_name_text(zl_server_name(on)));
	zl_finding_zone(f, zl_zone_name(z));
	zl_finding_owner(f, zl_zone_name(child));
	zl_finding_server(f, t);
	/* Deleting the record settles what target-no-address says of it. */
	rel_explains_record(f, v, ns);
	snprintf(data, sizeof(data), "%s on %s", zl_name_text(t), zl_name_text(zl_server_name(on)));
	zl_finding_data(f, data);
	zl_finding_note(f, "resolvers that pick this name server get no answer or a "
	                "refusal, and wait (a DC demoted or without DNS leaves it behind)");
	glue &= ad_addr_first(v, t, &it) != NULL;
	zl_finding_fix(f, "delete the NS record%s on %s", glue ? " and its glue" : "",
	               zl_name_text(zl_server_name(on)));
	ad_command_delete(f, on, z, zl_name_text(zl_zone_name(child)), "NS",
	                  ad_bare(zl_name_text(t), bare, sizeof(bare)));
	if (glue)
		glue_commands(f, v, on, t);
}

static void check_set(void *p, const zl_view *v, const zl_zone *child,
                      const zl_server *on, const zl_record *first)
{
	ctx *c = p;
	zl_iter it;

	(void)first;
	for (const zl_record *ns = zl_view_find(v, zl_zone_name(child), ZL_TYPE_NS, &it); ns;
	     ns = zl_iter_next(&it)) {
		const char *why = zl_record_target(ns)
		                  ? stale_reason(c->m, child, zl_record_target(ns)) : NULL;
		if (why)
			report(c, v, child, on, ns, why);
	}
}

static int check(const zl_model *m, zl_report *r)
{
	ctx c = { m, r };

	if (zl_model_partial(m)) {
		/* SPEC 6.3: an unknown name server may be a DC not listed. */
		zl_report_not_checked(r, "partial: true: the inventory does not list "
		                      "every DC", zl_model_view_count(m));
		return 0;
	}
	for (size_t i = 0; i < zl_model_view_count(m); i++)
		ad_each_ns_set(m, zl_model_view(m, i), check_set, &c);
	return 0;
}

const zl_rule zl_rule_ns_stale = {
	.id = "ns-stale",
	.pack = "ad",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "an apex or delegation NS record of an inventory zone names a server "
	           "that does not run DNS or host the zone, or a name in a listed domain "
	           "that is no server of the inventory",
	.explanation =
	"Every name server of an NS set must answer for the zone (RFC 1034 4.2.2,\n"
	"RFC 2181 6.1).  A DC demoted by force, or one whose DNS role was removed,\n"
	"leaves its NS record at the zone's apex and in the parent zone's\n"
	"delegation (with its glue): resolvers that pick it wait for a time-out.\n"
	"zonelint checks, in every DNS server's copy of each zone of the inventory,\n"
	"once per copy, the NS records at the apex and at the delegation of each\n"
	"inventory zone whose parent it is.  An NS target is stale when it is a\n"
	"server of the inventory that does not have the `dns` role or does not\n"
	"host that (child) zone, or a name below a listed domain that is no server\n"
	"of the inventory; names outside the listed domains (an outside secondary\n"
	"such as ns1.isp.example) are not judged.  One finding per record, on its\n"
	"line; `owner` is the NS owner, `server` the host named.  It needs the\n"
	"whole forest: with `partial: true` it does not run and says so in\n"
	"summary.not_checked.\n"
	"\n"
	"Example:\n"
	"  zones/example.com.dns:19:1: error: delegation NS emea.example.com. names\n"
	"  dc3.emea.example.com., which is no server of the inventory, in zone\n"
	"  example.com. on dc1.example.com. [ns-stale]\n"
	"\n"
	"Fix: delete the NS record, and its glue, on the DNS server holding the\n"
	"copy:\n"
	"  dnscmd dc1.example.com /RecordDelete example.com emea NS dc3.emea.example.com /f\n"
	"  Remove-DnsServerResourceRecord -ComputerName 'dc1.example.com' -ZoneName 'example.com' "
	"-Name 'emea' -RRType NS -RecordData 'dc3.emea.example.com' -Force",
	.check = check,
};
