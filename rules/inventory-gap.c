/*
 * inventory-gap: the inventory leaves a check undone.  zonelint never
 * guesses what the inventory does not say, so a DC outside every listed
 * domain, a DC without its DSA GUID, a domain whose locator records the
 * zones hold but `domains` does not list, or one file standing for every
 * copy of an AD-integrated zone silently narrows the audit.  This rule
 * says where, and how to fill the gap.
 */
#include <stdlib.h>

#include "lib/ad.h"

/* "corp., emea.corp.": the listed domains, for messages. */
static const char *domains_text(const zl_model *m, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < zl_model_domain_count(m) && used < size; i++) {
		int n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "",
		                 zl_name_text(zl_model_domain(m, i)));
		used += n > 0 ? (size_t)n : 0;
	}
	return buf;
}

static bool listed(const zl_model *m, const zl_name *d)
{
	for (size_t i = 0; i < zl_model_domain_count(m); i++)
		if (zl_model_domain(m, i) == d)
			return true;
	return false;
}

/* A server's name decides its domain (SPEC 2): outside every listed
 * domain it hosts no domain zone by default and its locator records are
 * not checked. */
static void check_no_domain(const zl_model *m, zl_report *r, const zl_server *s)
{
	const char *name = zl_name_text(zl_server_name(s));
	char list[2048];

	zl_finding *f = zl_report_add(r, zl_server_location(s),
		"DC %s is in no listed domain (%s): it hosts no domain zone by default "
		"and its SRV records are not checked", name,
		domains_text(m, list, sizeof(list)));
	zl_finding_server(f, zl_server_name(s));
	zl_finding_data(f, "no domain");
	zl_finding_fix(f, "add the DNS name of its domain to `domains`, or correct "
	               "the server's name to its full DNS host name");
}

/* The alias <DSA GUID>._msdcs.<forest> (MS-ADTS 6.3.2.3) can only be
 * checked when the GUID is known. */
static void check_no_guid(const zl_model *m, zl_report *r, const zl_server *s)
{
	const char *name = zl_name_text(zl_server_name(s));
	const zl_name *forest = zl_model_forest(m);
	char bare[AD_NAME_MAX];

	ad_bare(name, bare, sizeof(bare));
	zl_finding *f = zl_report_add(r, zl_server_location(s),
		"DC %s has no dsa_guid: its alias <DSA GUID>._msdcs.%s is not checked",
		name, forest ? zl_name_text(forest) : "<forest>");
	zl_finding_server(f, zl_server_name(s));
	zl_finding_data(f, "no dsa_guid");
	zl_finding_note(f, "repadmin /showrepl %s prints it as \"DSA object GUID\"; in "
	                "PowerShell: (Get-ADObject (Get-ADDomainController -Identity %s"
	                ").NTDSSettingsObjectDN).ObjectGUID", bare, bare);
	zl_finding_fix(f, "add dsa_guid: <that GUID> to the entry of %s (--ldap reads "
	               "it from the directory)", name);
}

static void check_servers(const zl_model *m, zl_report *r)
{
	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		const zl_server *s = zl_model_server(m, i);
		if (!(zl_server_roles(s) & ZL_ROLE_DC))
			continue;
		if (!zl_server_domain(s))
			check_no_domain(m, r, s);
		if (!zl_server_dsa_guid(s))
			check_no_guid(m, r, s);
	}
}

/* ---- locator records of an unlisted domain ------------------------------ */

/* Owners that only a DC of domain D registers (MS-ADTS 6.3.2.3): the
 * labels before D. */
static const char *const locator_prefixes[] = {
	"_ldap._tcp.dc._msdcs.", "_kerberos._tcp.dc._msdcs.", "_ldap._tcp.pdc._msdcs.",
};

/* The domain D of a locator owner "<prefix>D", or NULL. */
static const zl_name *locator_domain(const zl_name *owner)
{
	const char *text = zl_name_text(owner);

	if (text[0] != '_')
		return NULL;
	for (size_t i = 0; i < sizeof(locator_prefixes) / sizeof(*locator_prefixes); i++) {
		const char *p = locator_prefixes[i];
		if (strncmp(text, p, strlen(p)) != 0)
			continue;
		const zl_name *d = owner;
		for (const char *c = p; *c; c++)
			if (*c == '.')
				d = zl_name_parent(d);
		return d;
	}
	return NULL;
}

/* Domains already reported for the zone being scanned. */
typedef struct seen {
	const zl_name **v;
	size_t n, cap;
} seen;

static int seen_add(seen *s, const zl_name *d)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i] == d)
			return 0;
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 8;
		const zl_name **v = realloc(s->v, cap * sizeof(*v));
		if (!v)
			return -1;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = d;
	return 1;
}

static void report_unlisted(const zl_model *m, zl_report *r, const zl_view *v,
                            const zl_name *owner, const zl_name *d)
{
	const zl_zone *z = zl_view_zone(v);
	zl_iter it;
	const zl_record *rec = zl_view_find(v, owner, 0, &it);
	char list[2048];

	zl_finding *f = zl_report_add(r, rec ? zl_record_location(v, rec)
	                                     : zl_view_soa_location(v),
		"zone %s holds DC locator records of domain %s (%s), which is not in "
		"domains (%s): the locator records of its DCs are not checked",
		zl_name_text(zl_zone_name(z)), zl_name_text(d), zl_name_text(owner),
		domains_text(m, list, sizeof(list)));
	zl_finding_zone(f, zl_zone_name(z));
	zl_finding_owner(f, owner);
	zl_finding_data(f, zl_name_text(d));
	zl_finding_fix(f, "add %s to `domains` (and its DCs to `servers`), or delete "
	               "the records of a domain that no longer exists",
	               zl_name_text(d));
}

/* One finding per (zone, domain), at the first record found. */
static int scan_view(const zl_model *m, zl_report *r, const zl_view *v, seen *done)
{
	for (size_t i = 0; i < zl_view_owner_count(v); i++) {
		const zl_name *owner = zl_view_owner(v, i);
		const zl_name *d = locator_domain(owner);
		if (!d || zl_name_labels(d) == 0 || listed(m, d))
			continue;
		int added = seen_add(done, d);
		if (added < 0)
			return -1;
		if (added)
			report_unlisted(m, r, v, owner, d);
	}
	return 0;
}

/* ---- one file for every copy of an AD-integrated zone ------------------ */

/*
 * The partner rules (KB 914050) compare each partner's own copy with the
 * server's addresses: when one file stands for every copy, they read the
 * same copy for every partner and cannot see a partner that drifted.
 */
static const zl_server *partner_sharing(const zl_model *m, const zl_view *v,
                                        const zl_server **partner)
{
	const zl_zone *z = zl_view_zone(v);

	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		const zl_server *s = zl_model_server(m, i);
		for (size_t j = 0; j < zl_server_partner_count(s); j++) {
			const zl_server *p = zl_server_partner(s, j);
			if ((zl_server_roles(p) & ZL_ROLE_DNS) && zl_zone_is_hosted_on(z, p) &&
			    ad_view_holding(m, p, zl_server_name(s)) == v) {
				*partner = p;
				return s;
			}
		}
	}
	return NULL;
}

static void check_one_file(const zl_model *m, zl_report *r, const zl_view *v)
{
	const zl_zone *z = zl_view_zone(v);
	const zl_server *p = NULL, *s;
	char bare[AD_NAME_MAX];

	if (zl_zone_storage(z) == ZL_STORAGE_FILE || zl_view_server_count(v) < 2 ||
	    !(s = partner_sharing(m, v, &p)))
		return;
	zl_finding *f = zl_report_add(r, zl_zone_location(z),
		"zone %s is AD-integrated on %zu servers but given by one file (%s) and "
		"no views: the copy of its replication partner %s is read as the same "
		"file, so records of %s that differ there are not seen",
		zl_name_text(zl_zone_name(z)), zl_view_server_count(v), zl_view_file(v),
		zl_name_text(zl_server_name(p)), zl_name_text(zl_server_name(s)));
	zl_finding_zone(f, zl_zone_name(z));
	zl_finding_data(f, "one file");
	zl_finding_fix(f, "export each server's copy (dnscmd SERVER /ZoneExport %s "
	               "FILE) and list the ones that differ under views, or run with "
	               "--live", ad_bare(zl_name_text(zl_zone_name(z)), bare, sizeof(bare)));
}

/* Views come zone by zone: each run of one zone's views is scanned with
 * its own set of reported domains. */
static int check_zones(const zl_model *m, zl_report *r)
{
	seen done = { 0 };
	const zl_zone *current = NULL;
	size_t first = 0;
	int rc = 0;

	for (size_t i = 0; rc == 0 && i <= zl_model_view_count(m); i++) {
		const zl_view *v = i < zl_model_view_count(m) ? zl_model_view(m, i) : NULL;
		if (!v || zl_view_zone(v) != current) {
			/* the previous zone's run ended: one copy for all? */
			if (current && i - first == 1)
				check_one_file(m, r, zl_model_view(m, first));
			current = v ? zl_view_zone(v) : NULL;
			first = i;
			done.n = 0;
		}
		if (v)
			rc = scan_view(m, r, v, &done);
	}
	free(done.v);
	return rc;
}

static int check(const zl_model *m, zl_report *r)
{
	check_servers(m, r);
	return check_zones(m, r);
}

const zl_rule zl_rule_inventory_gap = {
	.id = "inventory-gap",
	.pack = "ad",
	.severity = ZL_SEVERITY_INFO,
	.summary = "the inventory leaves a check undone: a DC in no listed domain or "
	           "without dsa_guid, locator records of an unlisted domain, one file "
	           "for every copy of an AD-integrated zone",
	.explanation =
	"zonelint checks what the inventory describes and never guesses the rest,\n"
	"so a gap in the inventory silently narrows the audit.  This rule names\n"
	"each gap:\n"
	"- a DC whose name is in no listed domain: it hosts no domain zone by\n"
	"  default and its SRV records are not checked;\n"
	"- a DC without dsa_guid: its <DSA GUID>._msdcs.<forest> alias is not\n"
	"  checked.  repadmin /showrepl DC prints the GUID as \"DSA object GUID\";\n"
	"  in PowerShell: (Get-ADObject (Get-ADDomainController -Identity DC\n"
	"  ).NTDSSettingsObjectDN).ObjectGUID; --ldap reads it;\n"
	"- a zone holding the DC locator records (_ldap._tcp.dc._msdcs.D,\n"
	"  _kerberos._tcp.dc._msdcs.D, _ldap._tcp.pdc._msdcs.D) of a domain D not\n"
	"  in `domains`: the DCs of D are not checked (one finding per zone and\n"
	"  domain, at the first such record);\n"
	"- an AD-integrated zone on two or more servers given by one `file` and\n"
	"  no `views`, while it holds the host name of a server with a\n"
	"  DNS-running replication partner hosting the zone: the partner rules\n"
	"  (DNS event 6702, KB 914050) then read the same file as every partner's\n"
	"  copy and cannot see one that drifted.\n"
	"\n"
	"Example:\n"
	"  forest.yaml:30:5: info: DC dc2.corp. has no dsa_guid: its alias\n"
	"  <DSA GUID>._msdcs.corp. is not checked [inventory-gap]\n"
	"\n"
	"Fix: complete the inventory (domains, dsa_guid, views), or read the\n"
	"forest with --ldap and --live.",
	.check = check,
};
