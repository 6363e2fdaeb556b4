/*
 * dc-guid-cname: every DC registers <DSA GUID>._msdcs.<forest> CNAME <its
 * host name> (MS-ADTS 6.3.2.3).  Replication partners find each other by
 * that alias, not by host name: without it, or pointing elsewhere, a
 * partner cannot replicate with the DC.
 */
#include "ad-common.h"

typedef struct alias {
	const zl_server *dc;
	char owner[AD_NAME_MAX];  /* "<guid>._msdcs.<forest>." */
	const zl_name *name;      /* interned owner, NULL when never seen */
	const zl_name *anchor;    /* owner or its closest interned ancestor */
} alias;

/* What the finding is about; `data` also names the copy's server, so the
 * fingerprints of two copies differ. */
static void about(zl_finding *f, const alias *al, const zl_view *v,
                  const zl_server *on, const char *target)
{
	char data[2 * AD_NAME_MAX];

	zl_finding_zone(f, zl_zone_name(zl_view_zone(v)));
	zl_finding_server(f, zl_server_name(al->dc));
	zl_finding_owner_text(f, al->owner);
	snprintf(data, sizeof(data), "%s on %s", target, zl_name_text(zl_server_name(on)));
	zl_finding_data(f, data);
}

static void report_wrong(zl_report *r, const alias *al, const zl_view *v,
                         const zl_server *on, const zl_record *rec)
{
	const char *dc = zl_name_text(zl_server_name(al->dc));
	const char *to = zl_name_text(zl_record_target(rec));
	char bare[AD_NAME_MAX], args[AD_NAME_MAX + 20];
	const zl_zone *z = zl_view_zone(v);

	zl_finding *f = zl_report_add(r, zl_record_location(v, rec),
		"%s points to %s instead of %s in zone %s on %s", al->owner, to, dc,
		zl_name_text(zl_zone_name(z)), zl_name_text(zl_server_name(on)));
	about(f, al, v, on, to);
	zl_finding_note(f, "replication partners of %s look it up by this alias and "
	                "reach %s instead", dc, to);
	zl_finding_fix(f, "replace the alias on %s", zl_name_text(zl_server_name(on)));
	ad_command_delete(f, on, z, al->owner, "CNAME", ad_bare(to, bare, sizeof(bare)));
	ad_bare(dc, bare, sizeof(bare));
	snprintf(args, sizeof(args), "-HostNameAlias %s", bare);
	ad_command_add(f, on, z, al->owner, "CNAME", bare, "CName", args);
}

static void report_missing(zl_report *r, const alias *al, const zl_view *v,
                           const zl_server *on)
{
	const char *dc = zl_name_text(zl_server_name(al->dc));
	char bare[AD_NAME_MAX], args[AD_NAME_MAX + 20];
	const zl_zone *z = zl_view_zone(v);

	zl_finding *f = zl_report_add(r, zl_view_soa_location(v),
		"no CNAME %s to %s in zone %s on %s", al->owner, dc,
		zl_name_text(zl_zone_name(z)), zl_name_text(zl_server_name(on)));
	about(f, al, v, on, "");
	zl_finding_note(f, "replication partners of %s find it by this alias "
	                "(MS-ADTS 6.3.2.3); the Netlogon service of %s registers it",
	                dc, dc);
	zl_finding_fix(f, "add the alias on %s, or run nltest /dsregdns on %s",
	               zl_name_text(zl_server_name(on)), dc);
	ad_bare(dc, bare, sizeof(bare));
	snprintf(args, sizeof(args), "-HostNameAlias %s", bare);
	ad_command_add(f, on, z, al->owner, "CNAME", bare, "CName", args);
}

/* One finding per view that holds the alias and lacks it or has it wrong. */
static void check_view(zl_report *r, const zl_model *m, const alias *al,
                       const zl_view *v)
{
	const zl_server *on = ad_view_holder(m, v, al->anchor);
	bool right = false, wrong = false;
	zl_iter it;

	if (!on)
		return;
	for (const zl_record *rec = zl_view_find(v, al->name, ZL_TYPE_CNAME, &it); rec;
	     rec = zl_iter_next(&it)) {
		if (zl_record_target(rec) == zl_server_name(al->dc)) {
			right = true;
		} else {
			wrong = true;
			report_wrong(r, al, v, on, rec);
		}
	}
	if (!right && !wrong)
		report_missing(r, al, v, on);
}

static int check(const zl_model *m, zl_report *r)
{
	const zl_name *forest = zl_model_forest(m);

	if (!forest || zl_name_labels(forest) == 0)
		return 0;
	size_t unknown = 0;

	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		alias al = { .dc = zl_model_server(m, i) };
		const char *guid = zl_server_dsa_guid(al.dc);
		if (!(zl_server_roles(al.dc) & ZL_ROLE_DC))
			continue;
		if (!guid) {
			unknown++;
			continue;
		}
		snprintf(al.owner, sizeof(al.owner), "%s._msdcs.%s", guid, zl_name_text(forest));
		al.name = zl_model_name(m, al.owner);
		al.anchor = ad_name_or_ancestor(m, al.owner);
		for (size_t j = 0; al.anchor && j < zl_model_view_count(m); j++)
			check_view(r, m, &al, zl_model_view(m, j));
	}
	/* The alias's owner is the GUID: without it nothing can be looked up. */
	zl_report_not_checked(r, "DC without dsa_guid in the inventory", unknown);
	return 0;
}

const zl_rule zl_rule_dc_guid_cname = {
	.id = "dc-guid-cname",
	.pack = "ad",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "a DC with a dsa_guid lacks <guid>._msdcs.<forest> CNAME <its name> "
	           "in a DNS server's copy, or the alias points elsewhere",
	.explanation =
	"AD replication partners do not look a DC up by its host name but by the\n"
	"alias <DSA GUID>._msdcs.<forest>, the objectGUID of its NTDS Settings\n"
	"object, which its Netlogon service registers as a CNAME to its host name\n"
	"(MS-ADTS 6.3.2.3).  Without the alias, or with one left pointing to\n"
	"another server (a DC rebuilt under a new name), replication fails with\n"
	"DNS lookup errors.  zonelint checks every DNS server's copy of the zone\n"
	"that holds the alias (_msdcs.<forest> as a zone of its own, or inside the\n"
	"forest zone), once per copy; `owner` is the alias and `server` the DC it\n"
	"must point to.  A missing alias is reported on the SOA line of the copy,\n"
	"a wrong one on its own line.\n"
	"\n"
	"Example:\n"
	"  zones/dc01/_msdcs.corp.example.net.dns:30:1: error:\n"
	"  5a8f1c3e-6b9d-4f27-8e14-c3d7a9b2e046._msdcs.corp.example.net. points to\n"
	"  dc06.corp.example.net. instead of dc06.emea.corp.example.net. in zone\n"
	"  _msdcs.corp.example.net. on dc01.corp.example.net. [dc-guid-cname]\n"
	"\n"
	"Fix: on the DNS server holding the copy, delete the wrong alias and add\n"
	"the right one (an alias an admin created by hand is owned by the admin,\n"
	"so Netlogon cannot correct it); for the example:\n"
	"  dnscmd dc01.corp.example.net /RecordDelete _msdcs.corp.example.net "
	"5a8f1c3e-6b9d-4f27-8e14-c3d7a9b2e046 CNAME dc06.corp.example.net /f\n"
	"  Remove-DnsServerResourceRecord -ComputerName 'dc01.corp.example.net' "
	"-ZoneName '_msdcs.corp.example.net' -Name '5a8f1c3e-6b9d-4f27-8e14-c3d7a9b2e046' "
	"-RRType CNAME -RecordData 'dc06.corp.example.net' -Force\n"
	"  dnscmd dc01.corp.example.net /RecordAdd _msdcs.corp.example.net "
	"5a8f1c3e-6b9d-4f27-8e14-c3d7a9b2e046 CNAME dc06.emea.corp.example.net\n"
	"  Add-DnsServerResourceRecordCName -ComputerName 'dc01.corp.example.net' "
	"-ZoneName '_msdcs.corp.example.net' -Name '5a8f1c3e-6b9d-4f27-8e14-c3d7a9b2e046' "
	"-HostNameAlias dc06.emea.corp.example.net\n"
	"A missing alias needs only the two add commands; nltest /dsregdns on the\n"
	"DC also registers it again.",
	.check = check,
};
