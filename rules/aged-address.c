/*
 * aged-address: a server's own A/AAAA record whose Windows aging stamp is
 * older than the zone's no-refresh plus refresh interval.  A DC refreshes
 * its host records every day, so an old stamp means its updates no longer
 * arrive (DNS event 6702, KB 914050), or the address is no longer its own;
 * with scavenging on, the record is deleted soon.
 */
#include <stdlib.h>

#include "lib/ad.h"

/* Hours from 1601-01-01 (the [AGE:N] epoch) to 1970-01-01, both UTC. */
#define HOURS_1601_TO_1970 3234576

static void report(zl_report *r, const zl_view *v, const zl_server *on,
                   const zl_server *s, const zl_record *rec, int64_t age)
{
	const zl_zone *z = zl_view_zone(v);
	const char *name = zl_name_text(zl_server_name(s));
	unsigned interval = zl_zone_no_refresh_days(z) + zl_zone_refresh_days(z);
	char ip[ZL_ADDR_TEXT_MAX], data[ZL_ADDR_TEXT_MAX + AD_NAME_MAX];
	zl_addr a;

	zl_record_addr(rec, &a);
	zl_addr_format(&a, ip, sizeof(ip));
	zl_finding *f = zl_report_add(r, zl_record_location(v, rec),
		"%s record %s of %s in zone %s on %s was last refreshed %lld day%s "
		"%lld hour%s before the audit date, more than the zone's %u-day "
		"no-refresh plus refresh interval", ad_addr_type(&a), ip, name,
		zl_name_text(zl_zone_name(z)), zl_name_text(zl_server_name(on)),
		(long long)(age / 24), age / 24 == 1 ? "" : "s",
		(long long)(age % 24), age % 24 == 1 ? "" : "s", interval);
	zl_finding_zone(f, zl_zone_name(z));
	zl_finding_server(f, zl_server_name(s));
	zl_finding_owner(f, zl_server_name(s));
	/* The copy's server too, so that two copies' fingerprints differ. */
	snprintf(data, sizeof(data), "%s on %s", ip, zl_name_text(zl_server_name(on)));
	zl_finding_data(f, data);
	zl_finding_note(f, "aging stamp [AGE:%u]; scavenging deletes the record once "
	                "the interval has passed", zl_record_age(rec));
	if (!zl_server_has_address(s, &a)) {
		zl_finding_fix(f, "%s is not an address of %s: delete the record on %s",
		               ip, name, zl_name_text(zl_server_name(on)));
		ad_command_delete_addr(f, on, z, zl_server_name(s), &a);
		return;
	}
	char bare[AD_NAME_MAX], quoted[2 * AD_NAME_MAX];
	zl_finding_fix(f, "make %s register its host records again (ipconfig "
	               "/registerdns on it) and find why its dynamic updates do not "
	               "reach %s", name, zl_name_text(zl_server_name(on)));
	/* Runs on the server whose records they are, not on the copy's. */
	zl_finding_command_on(f, zl_server_name(s), ZL_TOOL_POWERSHELL, ZL_COMMAND_OTHER,
	                      "Invoke-Command -ComputerName %s -ScriptBlock { "
	                      "Register-DnsClient }",
	                      ad_ps_quote(ad_bare(name, bare, sizeof(bare)), quoted, sizeof(quoted)));
}

/* A server's record with an old stamp, in some copy's records. */
typedef struct aged {
	const zl_server *s;
	const zl_record *rec;
	int64_t age;
} aged;

/* The stale-stamped address records of every server in v's records, in
 * server order, ending with an entry whose server is NULL.  They depend
 * on the records only: views that share them (zl_view_records_index)
 * share the list. */
static aged *aged_in(const zl_model *m, const zl_view *v, int64_t now)
{
	const zl_zone *z = zl_view_zone(v);
	int64_t interval = 24 * (int64_t)(zl_zone_no_refresh_days(z) + zl_zone_refresh_days(z));
	size_t n = 0, cap = 8;
	aged *out = malloc(cap * sizeof(*out));
	zl_iter it;

	for (size_t j = 0; out && j < zl_model_server_count(m); j++) {
		const zl_server *s = zl_model_server(m, j);
		for (const zl_record *rec = ad_addr_first(v, zl_server_name(s), &it); out && rec;
		     rec = ad_addr_next(&it)) {
			int64_t age = now - (int64_t)zl_record_age(rec);
			if (!zl_record_age(rec) || age <= interval)
				continue;
			aged *grown = n + 1 < cap ? out : realloc(out, (cap *= 2) * sizeof(*out));
			if (!grown)
				free(out);
			out = grown;
			if (out)
				out[n++] = (aged){ s, rec, age };
		}
	}
	if (out)
		out[n].s = NULL;
	return out;
}

static int check(const zl_model *m, zl_report *r)
{
	/* Stamps are whole hours; the age is taken at 00:00 UTC of the audit date. */
	int64_t day = zl_model_audit_date(m) / 86400;
	int64_t now = day * 24 + HOURS_1601_TO_1970;
	size_t nv = zl_model_view_count(m);
	aged **lists = calloc(nv + 1, sizeof(*lists));
	int rc = lists ? 0 : -1;

	/* Every copy against every server would be quadratic in a forest of
	 * thousands of DCs: each distinct copy is searched once, and each
	 * view reports what its copy holds, on the server holding the name. */
	for (size_t i = 0; rc == 0 && i < nv; i++) {
		const zl_view *v = zl_model_view(m, i);
		size_t first = zl_view_records_index(v);
		if (!lists[first] && !(lists[first] = aged_in(m, v, now))) {
			rc = -1;
			break;
		}
		for (const aged *a = lists[first]; a->s; a++) {
			const zl_server *on = ad_view_holder(m, v, zl_server_name(a->s));
			if (on)
				report(r, v, on, a->s, a->rec, a->age);
		}
	}
	for (size_t i = 0; lists && i < nv; i++)
		free(lists[i]);
	free(lists);
	return rc;
}

const zl_rule zl_rule_aged_address = {
	.id = "aged-address",
	.pack = "ad",
	.severity = ZL_SEVERITY_INFO,
	.summary = "a server's A/AAAA record carries an [AGE:N] stamp older than the "
	           "zone's no-refresh plus refresh interval on the audit date",
	.explanation =
	"Windows DNS Server stamps each dynamically registered record with the hour\n"
	"of its last refresh ([AGE:N] in exports: hours since 1601-01-01 UTC).  A\n"
	"DC refreshes its host records every day, so a stamp older than the zone's\n"
	"no-refresh plus refresh interval (`aging:` in the inventory, default 7 + 7\n"
	"days) means its updates no longer arrive there, as with DNS event 6702 (KB\n"
	"914050), or that the address is not its own any more; scavenging will\n"
	"delete the record.  zonelint looks only at records at a server's own host\n"
	"name, in each copy of the zone that holds it, once per copy; the age is\n"
	"counted at 00:00 UTC of the audit date (--date) and must be strictly\n"
	"greater than the interval.  Static records (no stamp) are never aged.\n"
	"\n"
	"Example:\n"
	"  zones/dc02/corp.example.net.dns:88:1: info: A record 10.1.0.13 of\n"
	"  dc03.corp.example.net. in zone corp.example.net. on dc02.corp.example.net.\n"
	"  was last refreshed 265 days 16 hours before the audit date, more than the\n"
	"  zone's 14-day no-refresh plus refresh interval [aged-address]\n"
	"\n"
	"Fix: for an address the server no longer has, delete the record (the\n"
	"command is given); for one it has, make it register again (ipconfig\n"
	"/registerdns, or Register-DnsClient) and find why its updates fail.",
	.check = check,
};
