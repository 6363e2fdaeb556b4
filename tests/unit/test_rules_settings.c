/*
 * The setting rules (zone and server settings, ADIDNS security): each
 * clause firing on a small inventory written for it, silent on its clean
 * twin, and not guessing (not_checked) where the setting is not given.
 * Inventories are YAML text loaded through the real loader, so findings
 * are located at the YAML node holding the value.
 */
#include <ldns/ldns.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "settings.h"
#include "suites.h"
#include "sources/inventory.h"
#include "sources/rr_convert.h"

/* Two DCs of corp running DNS, as the head of every inventory below. */
#define HEAD "version: 1\nforest: corp\nservers:\n"
#define DC1 "  - {name: dc1.corp, addresses: [10.0.0.1/24]"
#define DC2 "  - {name: dc2.corp, addresses: [10.0.0.2/24]"
#define DC3 "  - {name: dc3.corp, addresses: [10.0.0.3/24]"

/* The model of inventory `yaml`, resolved, with no problem. */
static zl_model *inv(const char *yaml)
{
	char path[] = "/tmp/zonelint-settings-XXXXXX";
	int fd = mkstemp(path);
	zl_model *m = zl_model_new();
	FILE *f;

	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "w");
	ck_assert_ptr_nonnull(f);
	fputs(yaml, f);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(zl_inventory_load(m, path), 0);
	unlink(path);
	ck_assert_int_eq(zl_model_resolve(m), 0);
	ck_assert_msg(zl_model_problem_count(m) == 0, "inventory problem: %s",
	              zl_model_problem_count(m)
	              ? zl_problem_message(zl_model_problem(m, 0)) : "");
	return m;
}

/* Runs `rule` on m, checks the number of findings and of not_checked
 * subjects. */
static zl_results *run(const zl_model *m, const char *rule, size_t findings,
                       size_t unchecked)
{
	zl_results *r = t_run_rule(m, rule);
	size_t n = 0;

	for (size_t i = 0; i < r->not_checked.n; i++)
		n += r->not_checked.v[i].count;
	ck_assert_msg(r->findings.n == findings, "%s: %zu findings, expected %zu%s%s",
	              rule, r->findings.n, findings, r->findings.n ? "; first: " : "",
	              r->findings.n ? r->findings.v[0]->message : "");
	ck_assert_msg(n == unchecked, "%s: %zu not checked, expected %zu", rule, n,
	              unchecked);
	return r;
}

/* Runs, checks the counts, frees: for the silent and unknown cases. */
static void expect(const char *yaml, const char *rule, size_t findings,
                   size_t unchecked)
{
	zl_model *m = inv(yaml);

	zl_results_free(run(m, rule, findings, unchecked));
	zl_model_free(m);
}

static void assert_at(const zl_finding *f, uint32_t line, uint32_t column,
                      const char *server, const char *word)
{
	ck_assert_uint_eq(f->line, line);
	ck_assert_uint_eq(f->column, column);
	if (server)
		ck_assert_str_eq(f->server, server);
	else
		ck_assert_ptr_null(f->server);
	ck_assert_msg(strstr(f->message, word) != NULL, "\"%s\" lacks \"%s\"",
	              f->message, word);
}

/* f has the command `text`, acting on `run_on` (JSON fix.run_on, the
 * -f ps1 plan) with `tool` and `kind`. */
static bool has_command(const zl_finding *f, const char *run_on, zl_command_tool tool,
                        zl_command_kind kind, const char *text)
{
	for (size_t i = 0; i < f->commands.n; i++)
		if (strcmp(f->commands.v[i], text) == 0)
			return f->command_info.v[i].run_on &&
			       strcmp(f->command_info.v[i].run_on, run_on) == 0 &&
			       f->command_info.v[i].tool == tool &&
			       f->command_info.v[i].kind == kind;
	return false;
}

#define DNSCMD_SET(on) on, ZL_TOOL_DNSCMD, ZL_COMMAND_SET
#define PS_SET(on) on, ZL_TOOL_POWERSHELL, ZL_COMMAND_SET

/* ---- zone-insecure-update ------------------------------------------------- */

START_TEST(insecure_update_zone_and_server)
{
	zl_model *m = inv(HEAD DC1 "}\n" DC2 ", zone_settings: {corp: {dynamic_update: "
	                  "nonsecure}}}\nzones:\n  - {name: corp, dynamic_update: nonsecure}\n");
	zl_results *r = run(m, "zone-insecure-update", 2, 0);

	assert_at(t_finding(r, 0), 5, 87, "dc2.corp.", "on dc2.corp.");
	assert_at(t_finding(r, 1), 7, 34, NULL, "zone corp. accepts nonsecure");
	ck_assert(has_command(t_finding(r, 1), DNSCMD_SET("dc1.corp."),
	                      "dnscmd dc1.corp /Config corp /AllowUpdate 2"));
	ck_assert(has_command(t_finding(r, 1), PS_SET("dc1.corp."), "Set-DnsServerPrimaryZone "
	                      "-ComputerName 'dc1.corp' -Name 'corp' -DynamicUpdate Secure"));
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(insecure_update_silent_or_unknown)
{
	expect(HEAD DC1 "}\nzones:\n  - {name: corp, dynamic_update: secure}\n",
	       "zone-insecure-update", 0, 0);
	expect(HEAD DC1 "}\nzones:\n  - {name: corp}\n", "zone-insecure-update", 0, 1);
	/* a forwarder zone takes no updates: not counted */
	expect(HEAD DC1 "}\nzones:\n  - {name: x.example, type: forwarder, "
	       "masters: [192.0.2.1]}\n", "zone-insecure-update", 0, 0);
}
END_TEST

/* ---- zone-no-update ------------------------------------------------------- */

START_TEST(no_update_on_locator_zone)
{
	zl_model *m = inv(HEAD DC1 "}\n" DC2 ", zone_settings: {corp: {dynamic_update: "
	                  "none}}}\nzones:\n  - {name: corp, dynamic_update: secure}\n"
	                  "  - {name: other.example, dynamic_update: none}\n");
	zl_results *r = run(m, "zone-no-update", 1, 0);

	assert_at(t_finding(r, 0), 5, 87, "dc2.corp.", "holds the DC locator records of corp.");
	zl_results_free(r);
	zl_model_free(m);

	m = inv(HEAD DC1 "}\n" DC2 "}\nzones:\n  - {name: corp, dynamic_update: none}\n");
	r = run(m, "zone-no-update", 1, 0);     /* once for the zone, not per server */
	assert_at(t_finding(r, 0), 7, 34, NULL, "zone corp. accepts no dynamic updates");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(no_update_silent_or_unknown)
{
	expect(HEAD DC1 "}\nzones:\n  - {name: corp, dynamic_update: secure}\n"
	       "  - {name: other.example, dynamic_update: none}\n", "zone-no-update", 0, 0);
	expect(HEAD DC1 "}\nzones:\n  - {name: corp}\n", "zone-no-update", 0, 1);
}
END_TEST

/* ---- zone-transfer-any ---------------------------------------------------- */

START_TEST(transfer_any_per_server)
{
	zl_model *m = inv(HEAD DC1 "}\n" DC2 ", zone_settings: {corp: {transfers: any}}}\n"
	                  "zones:\n  - {name: corp, transfers: ns}\n");
	zl_results *r = run(m, "zone-transfer-any", 1, 0);

	assert_at(t_finding(r, 0), 5, 82, "dc2.corp.", "lets any host transfer zone corp.");
	ck_assert(has_command(t_finding(r, 0), DNSCMD_SET("dc2.corp."),
	                      "dnscmd dc2.corp /ZoneResetSecondaries corp /SecureNs"));
	ck_assert(has_command(t_finding(r, 0), PS_SET("dc2.corp."), "Set-DnsServerPrimaryZone "
	                      "-ComputerName 'dc2.corp' -Name 'corp' -SecureSecondaries "
	                      "TransferToZoneNameServer"));
	zl_results_free(r);
	zl_model_free(m);
	/* the zone's own setting: each hosting server allows it */
	expect(HEAD DC1 "}\n" DC2 "}\nzones:\n  - {name: corp, transfers: any}\n",
	       "zone-transfer-any", 2, 0);
}
END_TEST

/* A zone name cmd.exe would interpret gets no dnscmd command, but a note;
 * PowerShell takes it single-quoted, its quote doubled. */
START_TEST(transfer_any_unsafe_zone_name)
{
	zl_model *m = inv(HEAD DC1 "}\nzones:\n  - {name: corp, transfers: none}\n"
	                  "  - {name: \"o'k&x.corp\", transfers: any}\n");
	zl_results *r = run(m, "zone-transfer-any", 1, 0);
	const zl_finding *f = t_finding(r, 0);

	ck_assert_uint_eq(f->commands.n, 1);
	ck_assert(has_command(f, PS_SET("dc1.corp."), "Set-DnsServerPrimaryZone "
	                      "-ComputerName 'dc1.corp' -Name 'o''k&x.corp' "
	                      "-SecureSecondaries TransferToZoneNameServer"));
	ck_assert_uint_eq(f->notes.n, 1);
	ck_assert_ptr_nonnull(strstr(f->notes.v[0], "no dnscmd command"));
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(transfer_any_silent_or_unknown)
{
	expect(HEAD DC1 "}\nzones:\n  - {name: corp, transfers: list, transfer_to: "
	       "[10.0.0.9]}\n", "zone-transfer-any", 0, 0);
	expect(HEAD DC1 "}\n" DC2 "}\nzones:\n  - {name: corp}\n", "zone-transfer-any", 0, 2);
}
END_TEST

/* ---- zone-settings-differ ------------------------------------------------- */

START_TEST(settings_differ_majority_and_tie)
{
	/* majority: dc1 and dc2 say secure (the zone's), dc3 none */
	zl_model *m = inv(HEAD DC1 "}\n" DC2 "}\n" DC3 ", zone_settings: {corp: "
	                  "{dynamic_update: none}}}\nzones:\n  - {name: corp, "
	                  "dynamic_update: secure}\n");
	zl_results *r = run(m, "zone-settings-differ", 1, 2 * 3);

	assert_at(t_finding(r, 0), 6, 87, "dc3.corp.", "is none, but secure on dc1.corp.");
	ck_assert(has_command(t_finding(r, 0), DNSCMD_SET("dc3.corp."),
	                      "dnscmd dc3.corp /Config corp /AllowUpdate 2"));
	zl_results_free(r);
	zl_model_free(m);

	/* a tie: the value of the server that sorts first wins */
	m = inv(HEAD DC1 ", zone_settings: {corp: {transfers: none}}}\n" DC2
	        ", zone_settings: {corp: {transfers: list, transfer_to: [10.0.0.9]}}}\n"
	        "zones:\n  - {name: corp}\n");
	r = run(m, "zone-settings-differ", 1, 2 * 2);
	assert_at(t_finding(r, 0), 5, 82, "dc2.corp.", "is list 10.0.0.9, but none on dc1.corp.");
	ck_assert(has_command(t_finding(r, 0), DNSCMD_SET("dc2.corp."),
	                      "dnscmd dc2.corp /ZoneResetSecondaries corp /NoXfr"));
	zl_results_free(r);
	zl_model_free(m);

	/* aging is one value: the same flag with other intervals differs */
	m = inv(HEAD DC1 "}\n" DC2 ", zone_settings: {corp: {aging: {enabled: true, "
	        "no_refresh_days: 3, refresh_days: 7}}}}\nzones:\n  - {name: corp, "
	        "dynamic_update: secure, transfers: none, aging: {enabled: true, "
	        "no_refresh_days: 7, refresh_days: 7}}\n");
	r = run(m, "zone-settings-differ", 1, 0);
	ck_assert(has_command(t_finding(r, 0), PS_SET("dc2.corp."), "Set-DnsServerZoneAging "
	                      "-ComputerName 'dc2.corp' -Name 'corp' -NoRefreshInterval "
	                      "7.00:00:00 -RefreshInterval 7.00:00:00"));
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(settings_differ_silent)
{
	expect(HEAD DC1 "}\n" DC2 ", zone_settings: {corp: {dynamic_update: secure}}}\n"
	       "zones:\n  - {name: corp, dynamic_update: secure, transfers: ns, aging: "
	       "{enabled: false}}\n", "zone-settings-differ", 0, 0);
}
END_TEST

/* ---- scavenging ------------------------------------------------------------ */

START_TEST(scavenging_each_clause)
{
	/* nobody may scavenge: dc2 is the only listed server and scavenges not */
	zl_model *m = inv(HEAD DC1 ", scavenging_hours: 168}\n" DC2 ", scavenging_hours: 0}\n"
	                  "zones:\n  - {name: corp, aging: {enabled: true, "
	                  "scavenging_servers: [10.0.0.2]}}\n");
	zl_results *r = run(m, "scavenging", 1, 0);

	assert_at(t_finding(r, 0), 7, 25, NULL, "no server that may scavenge it");
	ck_assert(has_command(t_finding(r, 0), DNSCMD_SET("dc2.corp."),
	                      "dnscmd dc2.corp /Config /ScavengingInterval 168"));
	ck_assert(has_command(t_finding(r, 0), PS_SET("dc2.corp."), "Set-DnsServerScavenging "
	                      "-ComputerName 'dc2.corp' -ScavengingState $true "
	                      "-ScavengingInterval 7.00:00:00"));
	zl_results_free(r);
	zl_model_free(m);
	/* an address of no hosting server; an interval out of range */
	m = inv(HEAD DC1 ", scavenging_hours: 700}\nzones:\n  - {name: corp, aging: "
	        "{enabled: false, scavenging_servers: [10.0.0.1, 10.9.9.9]}}\n");
	r = run(m, "scavenging", 2, 0);
	assert_at(t_finding(r, 0), 4, 66, "dc1.corp.", "every 700 hours");
	assert_at(t_finding(r, 1), 6, 62, NULL, "scavenging server 10.9.9.9");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(scavenging_silent_or_unknown)
{
	expect(HEAD DC1 ", scavenging_hours: 168}\n" DC2 ", scavenging_hours: 0}\n"
	       "zones:\n  - {name: corp, aging: {enabled: true, scavenging_servers: []}}\n",
	       "scavenging", 0, 0);
	expect(HEAD DC1 "}\nzones:\n  - {name: corp, aging: {enabled: true}}\n",
	       "scavenging", 0, 1);
	expect(HEAD DC1 "}\nzones:\n  - {name: corp}\n", "scavenging", 0, 1);
}
END_TEST

/* ---- zone-storage ---------------------------------------------------------- */

START_TEST(zone_storage_fires_and_silent)
{
	zl_model *m = inv(HEAD DC1 "}\nzones:\n  - {name: corp}\n"
	                  "  - {name: _msdcs.corp, storage: ad-domain}\n"
	                  "  - {name: old.corp, storage: ad-legacy}\n");
	zl_results *r = run(m, "zone-storage", 2, 0);

	assert_at(t_finding(r, 0), 7, 5, NULL, "_msdcs.corp. is stored ad-domain");
	ck_assert(has_command(t_finding(r, 0), DNSCMD_SET("dc1.corp."), "dnscmd dc1.corp "
	                      "/ZoneChangeDirectoryPartition _msdcs.corp /forest"));
	ck_assert(has_command(t_finding(r, 0), PS_SET("dc1.corp."), "Set-DnsServerPrimaryZone "
	                      "-ComputerName 'dc1.corp' -Name '_msdcs.corp' -ReplicationScope "
	                      "Forest"));
	assert_at(t_finding(r, 1), 8, 5, NULL, "old.corp. is stored ad-legacy");
	zl_results_free(r);
	zl_model_free(m);
	expect(HEAD DC1 "}\nzones:\n  - {name: corp}\n  - {name: _msdcs.corp, "
	       "storage: ad-forest}\n", "zone-storage", 0, 0);
}
END_TEST

/* ---- dns-client-settings -------------------------------------------------------- */

START_TEST(dns_client_each_clause)
{
	zl_model *m = inv(HEAD DC1 ", dns_client: []}\n" DC2 ", dns_client: [127.0.0.1, "
	                  "10.0.0.2]}\n" DC3 ", dns_client: [10.0.0.1, 10.9.9.9]}\n"
	                  "zones:\n  - {name: corp}\n");
	zl_results *r = run(m, "dns-client-settings", 4, 0);

	assert_at(t_finding(r, 0), 4, 60, "dc1.corp.", "is empty");
	/* dc2: loopback first, and only itself while dc1 and dc3 run DNS */
	assert_at(t_finding(r, 1), 5, 60, "dc2.corp.", "an island");
	assert_at(t_finding(r, 2), 5, 60, "dc2.corp.", "starts with a loopback");
	assert_at(t_finding(r, 3), 6, 60, "dc3.corp.", "through 10.9.9.9");
	ck_assert(has_command(t_finding(r, 2), PS_SET("dc2.corp."), "Get-DnsClient "
	                      "-CimSession 'dc2.corp' | Set-DnsClientServerAddress "
	                      "-CimSession 'dc2.corp' -ServerAddresses 10.0.0.1,127.0.0.1"));
	zl_results_free(r);
	zl_model_free(m);
	/* loopback on a DC that does not run DNS is no DNS server */
	expect(HEAD DC1 ", dns_client: [10.0.0.2, 127.0.0.1], roles: [dc]}\n" DC2 "}\n"
	       "zones:\n  - {name: corp}\n", "dns-client-settings", 1, 1);
}
END_TEST

START_TEST(dns_client_silent_or_unknown)
{
	expect(HEAD DC1 ", dns_client: [10.0.0.2, 127.0.0.1]}\n" DC2 ", dns_client: "
	       "[10.0.0.1, 10.0.0.2]}\nzones:\n  - {name: corp}\n",
	       "dns-client-settings", 0, 0);
	/* alone in the forest, itself is all it can ask */
	expect(HEAD DC1 ", dns_client: [10.0.0.1, 127.0.0.1]}\nzones:\n  - {name: corp}\n",
	       "dns-client-settings", 0, 0);
	expect(HEAD DC1 "}\nzones:\n  - {name: corp}\n", "dns-client-settings", 0, 1);
}
END_TEST

/* ---- forwarders -------------------------------------------------------------- */

START_TEST(forwarders_each_clause)
{
	zl_model *m = inv(HEAD DC1 ", forwarders: [192.0.2.1]}\n" DC2 ", forwarders: "
	                  "[192.0.2.1]}\n" DC3 ", forwarders: [10.0.0.3, 192.0.2.1]}\n"
	                  "zones:\n  - {name: corp}\n");
	zl_results *r = run(m, "forwarders", 4, 0);

	assert_at(t_finding(r, 0), 4, 60, "dc1.corp.", "forwards to one server only");
	assert_at(t_finding(r, 1), 5, 60, "dc2.corp.", "forwards to one server only");
	assert_at(t_finding(r, 2), 6, 60, "dc3.corp.", "forwards to 10.0.0.3, its own");
	assert_at(t_finding(r, 3), 6, 60, "dc3.corp.", "but dc1.corp. forwards to [192.0.2.1]");
	ck_assert(has_command(t_finding(r, 3), PS_SET("dc3.corp."), "Set-DnsServerForwarder "
	                      "-ComputerName 'dc3.corp' -IPAddress 192.0.2.1"));
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(forwarders_silent_or_unknown)
{
	expect(HEAD DC1 ", forwarders: [192.0.2.1, 192.0.2.2]}\n" DC2 ", forwarders: "
	       "[192.0.2.1, 192.0.2.2]}\nzones:\n  - {name: corp}\n", "forwarders", 0, 0);
	expect(HEAD DC1 ", forwarders: []}\n" DC2 "}\nzones:\n  - {name: corp}\n",
	       "forwarders", 0, 1);
}
END_TEST

/* ---- conditional-forwarder ---------------------------------------------------- */

START_TEST(conditional_forwarder_each_clause)
{
	zl_model *m = inv(HEAD DC1 "}\n" DC2 "}\nzones:\n  - {name: corp}\n"
	                  "  - {name: corp, type: forwarder, masters: [192.0.2.1], "
	                  "hosted_on: [dc1.corp]}\n"
	                  "  - {name: p.example, type: forwarder, storage: file, "
	                  "masters: [192.0.2.1], hosted_on: [dc1.corp]}\n"
	                  "  - {name: s.example, type: stub, masters: []}\n");
	zl_results *r = run(m, "conditional-forwarder", 3, 0);

	assert_at(t_finding(r, 0), 8, 24, "dc1.corp.", "both as a primary zone and as a forwarder");
	assert_at(t_finding(r, 1), 9, 5, "dc2.corp.", "but not on dc2.corp.");
	ck_assert(has_command(t_finding(r, 1), "dc2.corp.", ZL_TOOL_POWERSHELL, ZL_COMMAND_ADD,
	                      "Add-DnsServerConditionalForwarderZone -ComputerName "
	                      "'dc2.corp' -Name 'p.example' -MasterServers 192.0.2.1"));
	assert_at(t_finding(r, 2), 10, 44, NULL, "stub zone s.example. has no masters");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(conditional_forwarder_silent_or_unknown)
{
	expect(HEAD DC1 "}\n" DC2 "}\nzones:\n  - {name: corp}\n  - {name: p.example, "
	       "type: forwarder, storage: file, masters: [192.0.2.1], hosted_on: "
	       "[dc1.corp, dc2.corp]}\n  - {name: q.example, type: forwarder, "
	       "masters: [192.0.2.1]}\n", "conditional-forwarder", 0, 0);
	expect(HEAD DC1 "}\nzones:\n  - {name: q.example, type: forwarder}\n",
	       "conditional-forwarder", 0, 1);
}
END_TEST

/* ---- adidns-create-child -------------------------------------------------------- */

START_TEST(create_child_broad_trustees)
{
	zl_model *m = inv(HEAD DC1 "}\nzones:\n  - {name: corp, create_child: "
	                  "[authenticated-users, S-1-5-21-1-2-3-1105]}\n"
	                  "  - {name: b.corp, create_child: [S-1-5-21-1-2-3-513]}\n");
	zl_results *r = run(m, "adidns-create-child", 2, 0);

	assert_at(t_finding(r, 0), 6, 32, NULL, "(create_child: authenticated-users)");
	assert_at(t_finding(r, 1), 7, 34, NULL, "(create_child: S-1-5-21-1-2-3-513)");
	ck_assert_str_eq(t_finding(r, 0)->rule->pack, "security");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(create_child_silent_or_unknown)
{
	expect(HEAD DC1 "}\nzones:\n  - {name: corp, create_child: [S-1-5-21-1-2-3-1105]}\n"
	       "  - {name: f.example, storage: file, hosted_on: [dc1.corp], "
	       "create_child: [everyone]}\n  - {name: g.example, type: forwarder, "
	       "masters: [192.0.2.1], create_child: [everyone]}\n",
	       "adidns-create-child", 0, 0);
	expect(HEAD DC1 "}\nzones:\n  - {name: corp}\n", "adidns-create-child", 0, 1);
}
END_TEST

/* ---- adidns-unguarded-name ------------------------------------------------------- */

/* corp with create_child for everyone, dc1's block list as given, and one
 * copy holding `records` (NULL-terminated; "[AGE]" prefix: an aged one). */
static zl_model *unguarded(const char *qbl, const char *const *records)
{
	char yaml[512];
	zl_model *m;
	zl_view *v;

	snprintf(yaml, sizeof yaml, HEAD DC1 "%s}\nzones:\n  - {name: corp, "
	         "create_child: [everyone]}\n", qbl);
	m = inv(yaml);
	v = zl_model_add_view(m, (zl_zone *)zl_model_zone(m, 0), "corp.dns");
	ck_assert_ptr_nonnull(v);
	t_record(m, v, 1, "corp. 3600 IN SOA dc1.corp. h.corp. 1 900 600 86400 3600");
	for (unsigned i = 0; records && records[i]; i++) {
		bool aged = strncmp(records[i], "[AGE]", 5) == 0;
		ldns_rr *rr = NULL;

		ck_assert_int_eq(ldns_rr_new_frm_str(&rr, records[i] + (aged ? 5 : 0), 3600,
		                                     NULL, NULL), LDNS_STATUS_OK);
		ck_assert_int_eq(zl_record_from_ldns(m, v, rr, 0, i + 2, aged ? 3733392 : 0), 0);
		ldns_rr_free(rr);
	}
	ck_assert_int_eq(zl_view_attach_server(m, v, zl_model_server(m, 0)), 0);
	return m;
}

START_TEST(unguarded_names_fire)
{
	zl_model *m = unguarded(", query_block_list: [isatap]",
	                        (const char *const[]){ "[AGE]*.corp. IN A 10.0.0.66", NULL });
	zl_results *r = run(m, "adidns-unguarded-name", 2, 0);

	assert_at(t_finding(r, 0), 6, 32, NULL, "no static record guards *.corp.");
	ck_assert_str_eq(t_finding(r, 0)->owner, "*.corp.");
	assert_at(t_finding(r, 1), 6, 32, NULL, "guards wpad.corp.");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(unguarded_names_silent_or_unknown)
{
	zl_model *m = unguarded(", query_block_list: [isatap]",
	                        (const char *const[]){ "*.corp. IN TXT \"none\"",
	                                               "wpad.corp. IN A 127.0.0.1", NULL });

	zl_results_free(run(m, "adidns-unguarded-name", 0, 0));
	zl_model_free(m);
	/* wpad blocked: only the wildcard */
	m = unguarded(", query_block_list: [wpad]", NULL);
	zl_results_free(run(m, "adidns-unguarded-name", 1, 0));
	zl_model_free(m);
	/* no block list given: wpad not judged */
	m = unguarded("", NULL);
	zl_results_free(run(m, "adidns-unguarded-name", 1, 1));
	zl_model_free(m);
	/* no copy of the zone read: nothing judged */
	expect(HEAD DC1 "}\nzones:\n  - {name: corp, create_child: [everyone]}\n",
	       "adidns-unguarded-name", 0, 1);
}
END_TEST

/* ---- zone-conflict, adidns-tombstoned (directory data) ---------------------------- */

#define URL(dn) ((zl_location){ "ldap://dc1.corp/" dn, 1, 1 })

START_TEST(zone_conflict_two_objects)
{
	zl_model *m = inv(HEAD DC1 "}\nzones:\n  - {name: corp}\n  - {name: b.corp}\n");
	zl_zone *corp = (zl_zone *)zl_model_zone(m, 0), *b = (zl_zone *)zl_model_zone(m, 1);
	zl_results *r;

	ck_assert_int_eq(zl_zone_set_directory_known(m, corp), 0);
	ck_assert_int_eq(zl_zone_set_directory_known(m, b), 0);
	ck_assert_int_eq(zl_zone_add_directory_object(m, corp,
		URL("DC=corp,CN=MicrosoftDNS,DC=DomainDnsZones,DC=corp")), 0);
	ck_assert_int_eq(zl_zone_add_directory_object(m, corp,
		URL("DC=corp\\0ACNF:1,CN=MicrosoftDNS,DC=ForestDnsZones,DC=corp")), 0);
	/* the same object seen through another DC is one object */
	ck_assert_int_eq(zl_zone_add_directory_object(m, corp,
		URL("DC=corp,CN=MicrosoftDNS,DC=DomainDnsZones,DC=corp")), 0);
	ck_assert_int_eq(zl_zone_add_directory_object(m, b,
		URL("DC=b.corp,CN=MicrosoftDNS,DC=DomainDnsZones,DC=corp")), 0);
	r = run(m, "zone-conflict", 1, 0);
	ck_assert_str_eq(t_finding(r, 0)->file,
	                 "ldap://dc1.corp/DC=corp\\0ACNF:1,CN=MicrosoftDNS,DC=ForestDnsZones,DC=corp");
	ck_assert_ptr_nonnull(strstr(t_finding(r, 0)->message, "2 zone objects for corp."));
	ck_assert_uint_eq(t_finding(r, 0)->notes.n, 2);
	zl_results_free(r);
	zl_model_free(m);
	/* without --ldap: not known */
	expect(HEAD DC1 "}\nzones:\n  - {name: corp}\n", "zone-conflict", 0, 1);
}
END_TEST

START_TEST(tombstoned_nodes)
{
	zl_model *m = inv(HEAD DC1 "}\nzones:\n  - {name: corp}\n");
	zl_zone *corp = (zl_zone *)zl_model_zone(m, 0);
	zl_results *r;

	zl_results_free(run(m, "adidns-tombstoned", 0, 1));
	ck_assert_int_eq(zl_zone_set_tombstones_known(m, corp), 0);
	zl_results_free(run(m, "adidns-tombstoned", 0, 0));
	ck_assert_int_eq(zl_zone_add_tombstone(m, corp, t_name(m, "old.corp"),
		URL("DC=old,DC=corp,CN=MicrosoftDNS,DC=DomainDnsZones,DC=corp")), 0);
	ck_assert_int_eq(zl_zone_add_tombstone(m, corp, t_name(m, "old.corp"),
		URL("DC=old,DC=corp,CN=MicrosoftDNS,DC=DomainDnsZones,DC=corp")), 0);
	r = run(m, "adidns-tombstoned", 1, 0);
	ck_assert_str_eq(t_finding(r, 0)->owner, "old.corp.");
	ck_assert_int_eq(t_finding(r, 0)->severity, ZL_SEVERITY_INFO);
	ck_assert_str_eq(t_finding(r, 0)->file,
	                 "ldap://dc1.corp/DC=old,DC=corp,CN=MicrosoftDNS,DC=DomainDnsZones,DC=corp");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

Suite *settings_rules_suite(void)
{
	Suite *s = suite_create("settings rules");
	TCase *tc = tcase_create("settings");

	tcase_add_test(tc, insecure_update_zone_and_server);
	tcase_add_test(tc, insecure_update_silent_or_unknown);
	tcase_add_test(tc, no_update_on_locator_zone);
	tcase_add_test(tc, no_update_silent_or_unknown);
	tcase_add_test(tc, transfer_any_per_server);
	tcase_add_test(tc, transfer_any_unsafe_zone_name);
	tcase_add_test(tc, transfer_any_silent_or_unknown);
	tcase_add_test(tc, settings_differ_majority_and_tie);
	tcase_add_test(tc, settings_differ_silent);
	tcase_add_test(tc, scavenging_each_clause);
	tcase_add_test(tc, scavenging_silent_or_unknown);
	tcase_add_test(tc, zone_storage_fires_and_silent);
	tcase_add_test(tc, dns_client_each_clause);
	tcase_add_test(tc, dns_client_silent_or_unknown);
	tcase_add_test(tc, forwarders_each_clause);
	tcase_add_test(tc, forwarders_silent_or_unknown);
	tcase_add_test(tc, conditional_forwarder_each_clause);
	tcase_add_test(tc, conditional_forwarder_silent_or_unknown);
	tcase_add_test(tc, create_child_broad_trustees);
	tcase_add_test(tc, create_child_silent_or_unknown);
	tcase_add_test(tc, unguarded_names_fire);
	tcase_add_test(tc, unguarded_names_silent_or_unknown);
	tcase_add_test(tc, zone_conflict_two_objects);
	tcase_add_test(tc, tombstoned_nodes);
	suite_add_tcase(s, tc);
	return s;
}
