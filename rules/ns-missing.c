/*
 * ns-missing: a DNS server that hosts an AD-integrated zone is not among
 * its name servers.  Each such server adds itself to the zone's apex NS
 * set when it loads the zone, and the parent's delegation must list it
 * too (dcdiag /test:DNS, Del; RFC 1034 4.2.2): resolvers never ask a
 * server missing there, and a zone transfer to it is refused by servers
 * that allow transfers to name servers only.
 */
#include "lib/delegation.h"

typedef struct ctx {
	const zl_model *m;
	zl_report *r;
	ad_map server_index;      /* server name -> index */
	uint32_t *seen;           /* per server: mark of the last NS set */
	uint32_t mark;
} ctx;

/*
 * A DNS-running host of an AD-integrated zone adds itself to the NS set,
 * unless the zone's auto_ns list is given and names none of its addresses
 * (dnsProperty 0x82/0x92, -AllowedDcForNsRecordsAutoCreation).
 */
static bool wanted(const zl_zone *c, const zl_server *s)
{
	zl_addr_list allowed = zl_zone_auto_ns(c);

	if (zl_zone_storage(c) == ZL_STORAGE_FILE || !(zl_server_roles(s) & ZL_ROLE_DNS))
		return false;
	if (!allowed.known)
		return true;
	for (size_t i = 0; i < allowed.count; i++)
		if (zl_server_has_address(s, &allowed.addrs[i]))
			return true;
	return false;
}

static void report(ctx *c, const zl_view *v, const zl_zone *child, const zl_server *on,
                   const zl_server *h, zl_location where, bool none)
{
	const zl_zone *z = zl_view_zone(v);
	const char *host = zl_name_text(zl_server_name(h));
	char bare[AD_NAME_MAX], ps[2 * AD_NAME_MAX], args[2 * AD_NAME_MAX + 20],
	     data[2 * AD_NAME_MAX];
	zl_finding *f;

	if (none)
		f = zl_report_add(c->r, where, "zone %s on %s holds no delegation of %s: "
		                  "%s, which hosts it, is in no NS set there",
		                  zl_name_text(zl_zone_name(z)), zl_name_text(zl_server_name(on)),
		                  zl_name_text(zl_zone_name(child)), host);
	else
		f = zl_report_add(c->r, where, "%s hosts zone %s but is missing from its %s NS "
		                  "set in zone %s on %s", host, zl_name_text(zl_zone_name(child)),
		                  child == z ? "apex" : "delegation", zl_name_text(zl_zone_name(z)),
		                  zl_name_text(zl_server_name(on)));
	zl_finding_zone(f, zl_zone_name(z));
	zl_finding_owner(f, zl_zone_name(child));
	zl_finding_server(f, zl_server_name(h));
	snprintf(data, sizeof(data), "%s on %s", host, zl_name_text(zl_server_name(on)));
	zl_finding_data(f, data);
	zl_finding_fix(f, "add %s to the NS set on %s", host, zl_name_text(zl_server_name(on)));
	ad_bare(host, bare, sizeof(bare));
	snprintf(args, sizeof(args), "-NS -NameServer %s", ad_ps_quote(bare, ps, sizeof(ps)));
	ad_command_add(f, on, z, zl_name_text(zl_zone_name(child)), "NS", bare, "", args);
}

static void check_set(void *p, const zl_view *v, const zl_zone *child,
                      const zl_server *on, const zl_record *first)
{
	ctx *c = p;
	zl_iter it;
	uint32_t i;

	c->mark++;
	for (const zl_record *ns = zl_view_find(v, zl_zone_name(child), ZL_TYPE_NS, &it); ns;
	     ns = zl_iter_next(&it))
		if (zl_record_target(ns) &&
		    ad_map_get(&c->server_index, ad_ptr_key(zl_record_target(ns)), &i))
			c->seen[i] = c->mark;
	for (size_t k = 0; k < zl_zone_host_count(child); k++) {
		const zl_server *h = zl_zone_host(child, k);
		if (wanted(child, h) &&
		    ad_map_get(&c->server_index, ad_ptr_key(zl_server_name(h)), &i) &&
		    c->seen[i] != c->mark)
			report(c, v, child, on, h, zl_record_location(v, first), false);
	}
}

/*
 * Zones dcpromo delegates from their parent: a domain's own zone and
 * _msdcs.<forest>.  A zone an admin added beside them (the N.N zone of
 * KB 300684) is served by the parent's own servers and needs none.
 */
static bool delegated_by_dcpromo(const zl_model *m, const zl_zone *z)
{
	const zl_name *n = zl_zone_name(z), *forest = zl_model_forest(m);

	for (size_t i = 0; i < zl_model_domain_count(m); i++)
		if (zl_model_domain(m, i) == n)
			return true;
	return forest && zl_name_parent(n) == forest &&
	       strncmp(zl_name_text(n), "_msdcs.", 7) == 0;
}

/* A parent copy with no NS records at all for an inventory child. */
static void check_undelegated(ctx *c, const zl_view *v)
{
	const zl_zone *z = zl_view_zone(v);
	const zl_server *on = ad_view_dns_server(v);
	zl_iter it;

	for (size_t i = 0; on && i < zl_model_zone_count(c->m); i++) {
		const zl_zone *child = zl_model_zone(c->m, i);
		if (child == z || ad_parent_zone(c->m, child) != z ||
		    !delegated_by_dcpromo(c->m, child) ||
		    zl_view_find(v, zl_zone_name(child), ZL_TYPE_NS, &it))
			continue;
		for (size_t k = 0; k < zl_zone_host_count(child); k++)
			if (wanted(child, zl_zone_host(child, k)))
				report(c, v, child, on, zl_zone_host(child, k),
				       zl_view_soa_location(v), true);
	}
}

static int check(const zl_model *m, zl_report *r)
{
	ctx c = { .m = m, .r = r };
	int rc = 0;

	c.seen = calloc(zl_model_server_count(m) + 1, sizeof(*c.seen));
	if (!c.seen || !ad_server_index_init(&c.server_index, m)) {
		rc = -1;
	} else {
		for (size_t i = 0; i < zl_model_view_count(m); i++) {
			ad_each_ns_set(m, zl_model_view(m, i), check_set, &c);
			check_undelegated(&c, zl_model_view(m, i));
		}
	}
	free(c.seen);
	ad_map_free(&c.server_index);
	return rc;
}

const zl_rule zl_rule_ns_missing = {
	.id = "ns-missing",
	.pack = "ad",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "a DNS server hosting an AD-integrated zone is missing from its apex NS "
	           "set or from the parent zone's delegation",
	.explanation =
	"Every DNS server that loads an AD-integrated zone adds itself to the\n"
	"zone's apex NS set, and the parent zone's delegation should list the same\n"
	"servers (dcdiag /test:DNS, delegation test; RFC 1034 4.2.2).  A server\n"
	"missing there is never asked by resolvers, and servers that allow zone\n"
	"transfers to name servers only refuse it.  zonelint checks, in every DNS\n"
	"server's copy of each zone, once per copy, that each DNS-running server\n"
	"hosting an AD-integrated zone is in the zone's apex NS set, and in the NS\n"
	"set of its delegation in the closest enclosing zone of the inventory.  A\n"
	"parent copy with no delegation at all of a zone dcpromo delegates (a\n"
	"listed domain's zone, _msdcs.<forest>) gives one finding per hosting\n"
	"server on its SOA line (a zone such as the N.N zone of KB 300684, served\n"
	"by the parent's own servers, needs no delegation); otherwise the finding\n"
	"is on the NS set's first record.  `owner` is the zone delegated or the apex, `server` the server\n"
	"missing.\n"
	"\n"
	"Example:\n"
	"  zones/_msdcs.example.com.dns:12:1: warning: dc2.example.com. hosts zone\n"
	"  _msdcs.example.com. but is missing from its apex NS set in zone\n"
	"  _msdcs.example.com. on dc1.example.com. [ns-missing]\n"
	"\n"
	"Fix: add the server to the NS set on the DNS server holding the copy:\n"
	"  dnscmd dc1.example.com /RecordAdd _msdcs.example.com @ NS dc2.example.com\n"
	"  Add-DnsServerResourceRecord -ComputerName 'dc1.example.com' -ZoneName "
	"'_msdcs.example.com' -Name '@' -NS -NameServer 'dc2.example.com'",
	.check = check,
};
