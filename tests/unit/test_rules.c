/* Each rule firing on a fixture built for it, and silent on clean input. */
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "suites.h"

static const int64_t DAY = 86400;

/* corp, three DNS servers, zone corp (ad-domain) hosted on all. */
static zl_model *corp_forest(bool with_self_zone, zl_storage self_storage)
{
	zl_model *m = zl_model_new();
	zl_model_set_forest(m, t_name(m, "corp"), LOC(2, 9));
	t_server(m, "dc1.corp", "10.0.0.1/24");
	t_server(m, "dc2.corp", "10.0.0.2/24");
	t_server(m, "dc3.corp", "10.0.1.3/24");
	t_zone(m, "corp", ZL_STORAGE_AD_DOMAIN);
	if (with_self_zone) {
		zl_zone *zz = t_zone(m, "corp.corp", self_storage);
		if (self_storage == ZL_STORAGE_FILE) {
			/* hosted on two of three: dc3 still lacks it */
			zl_zone_add_host_name(zz, t_name(m, "dc1.corp"), LOC(40, 7));
			zl_zone_add_host_name(zz, t_name(m, "DC2.corp."), LOC(40, 17));
		}
	}
	ck_assert_int_eq(zl_model_resolve(m), 0);
	return m;
}

START_TEST(single_label_self_zone_fires_per_server)
{
	zl_model *m = corp_forest(false, 0);
	zl_results *r = t_run_rule(m, "single-label-self-zone");

	ck_assert_uint_eq(r->findings.n, 3);
	const zl_finding *f = t_finding(r, 0);
	ck_assert_str_eq(f->file, "forest.yaml");
	ck_assert_uint_eq(f->line, 20);
	ck_assert_uint_eq(f->column, 5);
	ck_assert_int_eq(f->severity, ZL_SEVERITY_ERROR);
	ck_assert_str_eq(f->zone, "corp.");
	ck_assert_str_eq(f->server, "dc1.corp.");
	ck_assert_str_eq(f->owner, "corp.corp.");
	ck_assert_uint_eq(f->commands.n, 2);
	ck_assert_str_eq(f->commands.v[0], "dnscmd dc1.corp /ZoneAdd corp.corp /DsPrimary /DP /domain");
	ck_assert_str_eq(f->commands.v[1], "Add-DnsServerPrimaryZone -ComputerName 'dc1.corp' "
	                 "-Name 'corp.corp' -ReplicationScope Domain");
	ck_assert_str_eq(t_finding(r, 2)->server, "dc3.corp.");
	/* Created once: replication brings it to dc2 and dc3, and a second
	 * creation would conflict with the first. */
	ck_assert_uint_eq(t_finding(r, 1)->commands.n, 0);
	ck_assert_uint_eq(t_finding(r, 2)->commands.n, 0);
	ck_assert_ptr_nonnull(strstr(t_finding(r, 2)->fix, "created on dc1.corp"));
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(single_label_self_zone_only_where_missing)
{
	zl_model *m = corp_forest(true, ZL_STORAGE_FILE);
	zl_results *r = t_run_rule(m, "single-label-self-zone");

	ck_assert_uint_eq(r->findings.n, 1);
	ck_assert_str_eq(t_finding(r, 0)->server, "dc3.corp.");
	ck_assert_uint_eq(t_finding(r, 0)->commands.n, 2);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(single_label_self_zone_silent_when_fixed)
{
	zl_model *m = corp_forest(true, ZL_STORAGE_AD_DOMAIN);
	zl_results *r = t_run_rule(m, "single-label-self-zone");

	ck_assert_uint_eq(r->findings.n, 0);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(single_label_self_zone_needs_two_hosts_and_ad)
{
	zl_model *m = zl_model_new();
	zl_model_set_forest(m, t_name(m, "corp"), LOC(2, 9));
	t_server(m, "dc1.corp", "10.0.0.1/24");
	t_zone(m, "corp", ZL_STORAGE_AD_FOREST);
	zl_zone *f = t_zone(m, "lab", ZL_STORAGE_FILE);
	zl_zone_add_host_name(f, t_name(m, "dc1.corp"), LOC(30, 1));
	t_server(m, "dc2.corp", "10.0.0.2/24");
	zl_zone_add_host_name(f, t_name(m, "dc2.corp"), LOC(30, 2));
	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_results *r = t_run_rule(m, "single-label-self-zone");

	/* corp has two hosts (forest scope) -> both fire, with /DP /forest;
	 * lab is file-backed -> silent. */
	ck_assert_uint_eq(r->findings.n, 2);
	ck_assert_str_eq(t_finding(r, 0)->commands.v[0],
	                 "dnscmd dc1.corp /ZoneAdd corp.corp /DsPrimary /DP /forest");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(single_label_domain_once_per_name)
{
	zl_model *m = zl_model_new();
	zl_model_set_forest(m, t_name(m, "corp"), LOC(2, 9));
	zl_model_add_domain(m, t_name(m, "corp"), LOC(3, 11));
	zl_model_add_domain(m, t_name(m, "lab"), LOC(3, 17));
	zl_model_add_domain(m, t_name(m, "emea.corp"), LOC(3, 22));
	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_results *r = t_run_rule(m, "single-label-domain");

	ck_assert_uint_eq(r->findings.n, 2);
	ck_assert_uint_eq(t_finding(r, 0)->line, 2);
	ck_assert_str_eq(t_finding(r, 0)->owner, "corp.");
	ck_assert_int_eq(t_finding(r, 0)->severity, ZL_SEVERITY_WARNING);
	ck_assert_uint_eq(t_finding(r, 1)->column, 17);
	ck_assert_str_eq(t_finding(r, 1)->owner, "lab.");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(single_label_domain_silent_on_multi_label)
{
	zl_model *m = zl_model_new();
	zl_model_set_forest(m, t_name(m, "ad.example.com"), LOC(2, 9));
	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_results *r = t_run_rule(m, "single-label-domain");

	ck_assert_uint_eq(r->findings.n, 0);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* 2003 ended 2015-07-14 (day 16630); 2025 has no end. */
static zl_model *os_forest(int64_t audit_day)
{
	zl_model *m = zl_model_new();
	zl_model_set_forest(m, t_name(m, "ad.example"), LOC(2, 9));
	zl_server_set_os(t_server(m, "dc1.ad.example", "10.0.0.1/24"),
	                 "windows-server-2003", LOC(8, 9));
	zl_server_set_os(t_server(m, "dc2.ad.example", "10.0.0.2/24"),
	                 "windows-server-2025", LOC(14, 9));
	zl_server_set_os(t_server(m, "dc3.ad.example", "10.0.0.3/24"), "samba", LOC(20, 9));
	t_server(m, "dc4.ad.example", "10.0.0.4/24");
	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_model_set_audit_date(m, audit_day * DAY);
	return m;
}

START_TEST(eol_os_fires_from_the_day_after)
{
	zl_model *m = os_forest(16631);
	zl_results *r = t_run_rule(m, "eol-os");

	ck_assert_uint_eq(r->findings.n, 1);
	ck_assert_uint_eq(t_finding(r, 0)->line, 8);
	ck_assert_str_eq(t_finding(r, 0)->server, "dc1.ad.example.");
	ck_assert_ptr_nonnull(strstr(t_finding(r, 0)->message, "2015-07-14"));
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(eol_os_silent_on_the_last_day)
{
	zl_model *m = os_forest(16630);
	zl_results *r = t_run_rule(m, "eol-os");

	ck_assert_uint_eq(r->findings.n, 0);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* 2016 ends 2027-01-12 (day 20830), 2025 on 2034-11-14 (day 23693); dc3
 * has no os. */
static zl_model *soon_forest(int64_t audit_day)
{
	zl_model *m = zl_model_new();
	zl_model_set_forest(m, t_name(m, "ad.example"), LOC(2, 9));
	zl_server_set_os(t_server(m, "dc1.ad.example", "10.0.0.1/24"),
	                 "windows-server-2016", LOC(8, 9));
	zl_server_set_os(t_server(m, "dc2.ad.example", "10.0.0.2/24"),
	                 "windows-server-2025", LOC(14, 9));
	t_server(m, "dc3.ad.example", "10.0.0.3/24");
	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_model_set_audit_date(m, audit_day * DAY);
	return m;
}

/* Findings of `rule` on day `day`: their servers, space-separated. */
static void assert_eol_servers(const char *rule, int64_t day, const char *want)
{
	zl_model *m = soon_forest(day);
	zl_results *r = t_run_rule(m, rule);
	char got[256] = "";

	for (size_t i = 0; i < r->findings.n; i++)
		snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%s", i ? " " : "",
		         t_finding(r, i)->server);
	ck_assert_msg(strcmp(got, want) == 0, "%s on day %lld: '%s', expected '%s'",
	              rule, (long long)day, got, want);
	/* dc3 has no os: said, not guessed. */
	ck_assert_uint_eq(r->not_checked.n, 1);
	ck_assert_str_eq(r->not_checked.v[0].reason, "no os in the inventory");
	ck_assert_uint_eq(r->not_checked.v[0].count, 1);
	zl_results_free(r);
	zl_model_free(m);
}

START_TEST(eol_os_soon_fires_within_180_days)
{
	zl_model *m = soon_forest(20830 - 40);
	zl_results *r = t_run_rule(m, "eol-os-soon");

	ck_assert_uint_eq(r->findings.n, 1);
	ck_assert_int_eq(t_finding(r, 0)->severity, ZL_SEVERITY_INFO);
	ck_assert_uint_eq(t_finding(r, 0)->line, 8);
	ck_assert_str_eq(t_finding(r, 0)->message, "dc1.ad.example. runs Windows Server "
	                 "2016, whose extended support ends on 2027-01-12, in 40 days");
	zl_results_free(r);
	zl_model_free(m);
	/* Both ends of 0 <= end - audit <= 180 count. */
	assert_eol_servers("eol-os-soon", 20830 - 180, "dc1.ad.example.");
	assert_eol_servers("eol-os-soon", 20830, "dc1.ad.example.");
	/* Windows Server 2025 ends 2034-11-14: soon, then past. */
	assert_eol_servers("eol-os-soon", 23693 - 1, "dc2.ad.example.");
	assert_eol_servers("eol-os", 23693 + 1, "dc1.ad.example. dc2.ad.example.");
}
END_TEST

START_TEST(eol_os_soon_silent_outside_the_window)
{
	assert_eol_servers("eol-os-soon", 20830 - 181, "");
	/* Past the end it is eol-os's, not this rule's. */
	assert_eol_servers("eol-os-soon", 20830 + 1, "");
	assert_eol_servers("eol-os", 20830, "");
}
END_TEST

/* The rules that surface loader problems: one fixture for the three. */
START_TEST(problem_rules_fire_and_stay_silent)
{
	static const char *const ids[] = { "inventory", "zone-syntax", "zone-windows-type" };
	zl_model *m = zl_model_new();
	ck_assert_int_eq(zl_model_resolve(m), 0);
	for (size_t i = 0; i < 3; i++) {
		zl_results *r = t_run_rule(m, ids[i]);
		ck_assert_uint_eq(r->findings.n, 0);
		zl_results_free(r);
	}
	zl_model_problem_add(m, t_source("inventory"), ZL_SEVERITY_WARNING, false, LOC(4, 7),
	                     NULL, NULL, "unknown os 'win95'");
	zl_model_problem_add(m, t_source("zone-syntax"), ZL_SEVERITY_ERROR, true,
	                     (zl_location){ "z.dns", 9, 3 }, t_name(m, "corp"), NULL,
	                     "bad record");
	zl_model_problem_add(m, t_source("zone-windows-type"), ZL_SEVERITY_INFO, false,
	                     (zl_location){ "z.dns", 12, 1 }, t_name(m, "corp"), NULL,
	                     "WINS record skipped");
	for (size_t i = 0; i < 3; i++) {
		zl_results *r = t_run_rule(m, ids[i]);
		ck_assert_uint_eq(r->findings.n, 1);
		ck_assert_str_eq(t_finding(r, 0)->rule->id, ids[i]);
		zl_results_free(r);
	}
	zl_results *r = t_run_rule(m, "inventory");
	ck_assert_int_eq(t_finding(r, 0)->severity, ZL_SEVERITY_WARNING);
	ck_assert_uint_eq(t_finding(r, 0)->column, 7);
	zl_results_free(r);
	r = t_run_rule(m, "zone-syntax");
	ck_assert_str_eq(t_finding(r, 0)->zone, "corp.");
	ck_assert_str_eq(t_finding(r, 0)->file, "z.dns");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

Suite *rules_suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, single_label_self_zone_fires_per_server);
	tcase_add_test(tc, single_label_self_zone_only_where_missing);
	tcase_add_test(tc, single_label_self_zone_silent_when_fixed);
	tcase_add_test(tc, single_label_self_zone_needs_two_hosts_and_ad);
	tcase_add_test(tc, single_label_domain_once_per_name);
	tcase_add_test(tc, single_label_domain_silent_on_multi_label);
	tcase_add_test(tc, eol_os_fires_from_the_day_after);
	tcase_add_test(tc, eol_os_silent_on_the_last_day);
	tcase_add_test(tc, eol_os_soon_fires_within_180_days);
	tcase_add_test(tc, eol_os_soon_silent_outside_the_window);
	tcase_add_test(tc, problem_rules_fire_and_stay_silent);
	suite_add_tcase(s, tc);
	return s;
}
