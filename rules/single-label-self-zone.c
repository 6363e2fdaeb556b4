/*
 * single-label-self-zone: DNS event 6702 (KB 914050).  A DNS server that
 * hosts an AD-integrated zone with a single-label name N asks for the zone
 * N.N when it updates its own host records on its peers; where N.N does not
 * exist that query fails and the peers keep wrong or missing A records.
 */
#include <stdio.h>
#include <string.h>

#include <zonelint/zonelint.h>

#include "lib/ad.h"

typedef struct scope {
	const char *dnscmd;       /* /ZoneAdd arguments after /DsPrimary */
	const char *powershell;   /* -ReplicationScope */
	const char *words;
} scope;

static scope scope_of(zl_storage storage)
{
	switch (storage) {
	case ZL_STORAGE_AD_FOREST:
		return (scope){ " /DP /forest", "Forest", "to every DNS server in the forest" };
	case ZL_STORAGE_AD_LEGACY:
		return (scope){ "", "Legacy", "to every DC of the domain (domain partition)" };
	default:
		return (scope){ " /DP /domain", "Domain", "to every DNS server of the domain" };
	}
}

/*
 * `created_on`: the server whose finding already creates N.N, or NULL.
 * An AD-integrated zone is created once: replication carries it to every
 * server of its scope, and a second creation before that would leave two
 * zone objects in the partition (a CNF: conflict), so only the first
 * finding of a zone carries the commands.
 */
static void report_server(zl_report *r, const zl_zone *z, const zl_server *s,
                          const char *nn, const zl_server *created_on)
{
	char zone[1024], server[1024];
	scope sc = scope_of(zl_zone_storage(z));

	ad_bare(zl_name_text(zl_zone_name(z)), zone, sizeof(zone));
	ad_bare(zl_name_text(zl_server_name(s)), server, sizeof(server));
	zl_finding *f = zl_report_add(r, zl_zone_location(z),
		"zone %s is single-label and AD-integrated on %zu servers, but %s does "
		"not host %s.: its updates of its own host records fail (DNS event 6702)",
		zl_name_text(zl_zone_name(z)), zl_zone_host_count(z),
		zl_name_text(zl_server_name(s)), nn);
	zl_finding_zone(f, zl_zone_name(z));
	zl_finding_server(f, zl_server_name(s));
	zl_finding_owner_text(f, nn);
	zl_finding_note(f, "replication partners of %s may hold wrong or missing "
	                "A records for it; the partner rules show which",
	                zl_name_text(zl_server_name(s)));
	if (created_on) {
		char first[1024];
		ad_bare(zl_name_text(zl_server_name(created_on)), first, sizeof(first));
		zl_finding_fix(f, "the zone %s created on %s (its own finding) reaches %s "
		               "by replication, with the scope of %s (%s): create it only "
		               "once", nn, first, server, zone,
		               zl_storage_name(zl_zone_storage(z)));
		return;
	}
	zl_finding_fix(f, "create the zone %s on %s as an AD-integrated zone with the "
	               "scope of %s (%s), which replicates it %s", nn, server, zone,
	               zl_storage_name(zl_zone_storage(z)), sc.words);
	char ps_server[2 * sizeof(server)], ps_nn[2 * AD_NAME_MAX];
	if (ad_dnscmd_safe(server, NULL) && ad_dnscmd_safe(nn, NULL))
		zl_finding_command_on(f, zl_server_name(s), ZL_TOOL_DNSCMD, ZL_COMMAND_ADD,
		                      "dnscmd %s /ZoneAdd %s /DsPrimary%s", server, nn, sc.dnscmd);
	else
		zl_finding_note(f, "no dnscmd command: cmd.exe would interpret characters "
		                "of %s or %s (only letters, digits, '-', '_', '.', '*' and "
		                "'@' are passed to it safely); use the PowerShell command",
		                server, nn);
	zl_finding_command_on(f, zl_server_name(s), ZL_TOOL_POWERSHELL, ZL_COMMAND_ADD,
	                      "Add-DnsServerPrimaryZone -ComputerName %s -Name %s "
	                      "-ReplicationScope %s", ad_ps_quote(server, ps_server, sizeof(ps_server)),
	                      ad_ps_quote(nn, ps_nn, sizeof(ps_nn)), sc.powershell);
}

static int check(const zl_model *m, zl_report *r)
{
	for (size_t i = 0; i < zl_model_zone_count(m); i++) {
		const zl_zone *z = zl_model_zone(m, i);
		if (zl_name_labels(zl_zone_name(z)) != 1 ||
		    zl_zone_type(z) != ZL_ZONE_PRIMARY ||
		    zl_zone_storage(z) == ZL_STORAGE_FILE || zl_zone_host_count(z) < 2)
			continue;
		char n[256], nn[520];
		ad_bare(zl_name_text(zl_zone_name(z)), n, sizeof(n));
		snprintf(nn, sizeof(nn), "%s.%s", n, n);
		/* A name nobody ever mentioned is no zone anybody hosts. */
		const zl_name *self = zl_model_name(m, nn);
		const zl_zone *zz = self ? zl_model_zone_find(m, self) : NULL;
		const zl_server *created_on = NULL;
		for (size_t h = 0; h < zl_zone_host_count(z); h++) {
			const zl_server *s = zl_zone_host(z, h);
			if (zz && zl_zone_is_hosted_on(zz, s))
				continue;
			report_server(r, z, s, nn, created_on);
			/* Where N.N exists somewhere, each server lacking it is its
			 * own case; where it exists nowhere, one creation serves all. */
			if (!zz && !created_on)
				created_on = s;
		}
	}
	return 0;
}

const zl_rule zl_rule_single_label_self_zone = {
	.id = "single-label-self-zone",
	.pack = "ad",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "an AD-integrated single-label zone N is hosted on two or more "
	           "servers, and some of them do not host N.N",
	.explanation =
	"DNS event 6702 (KB 914050).  When a Windows DNS server updates its own host\n"
	"(A) records it also pushes them to its AD-integrated peers by dynamic\n"
	"update.  For a domain with a single-label name such as `corp`, that update\n"
	"queries the zone corp.corp, which does not exist, and fails: the event is\n"
	"logged with data 0000267c (error 9852, DNS_ERROR_NO_DNS_SERVERS), and\n"
	"replication partners keep wrong or missing A records for the server, so AD\n"
	"replication with it breaks.  It happens only when the zone is AD-integrated\n"
	"and hosted by two or more DNS servers.\n"
	"\n"
	"Example:\n"
	"  forest.yaml:30:5: error: zone corp. is single-label and AD-integrated on 3\n"
	"  servers, but dc1.corp. does not host corp.corp.: ... [single-label-self-zone]\n"
	"\n"
	"Fix: create <N>.<N> as an AD-integrated zone with the same replication\n"
	"scope as N, e.g.\n"
	"  dnscmd dc1.corp /ZoneAdd corp.corp /DsPrimary /DP /domain\n"
	"  Add-DnsServerPrimaryZone -ComputerName 'dc1.corp' -Name 'corp.corp' -ReplicationScope Domain\n"
	"Replication carries the new zone to the other servers of its scope.  Then\n"
	"check the partners' A records for each server (zonelint --explain 6702).",
	.check = check,
	.tags = ZL_TAG_6702,
	.tag_order = 1,
};
