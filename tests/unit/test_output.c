/* Writers: the exact text lines, escaping, and the JSON document. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "writers/writers.h"
#include "suites.h"

static zl_results *sample_results(zl_model **mp)
{
	zl_model *m = zl_model_new();
	zl_model_set_forest(m, t_name(m, "corp"), LOC(2, 9));
	t_server(m, "dc1.corp", "10.0.0.1/24");
	t_server(m, "dc2.corp", "10.0.0.2/24");
	t_zone(m, "corp", ZL_STORAGE_AD_DOMAIN);
	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_model_problem_add(m, t_source("zone-syntax"), ZL_SEVERITY_ERROR, true,
	                     (zl_location){ "z.dns", 7, 3 }, NULL, NULL,
	                     "bad \x1b[31mred\x1b[0m text");
	*mp = m;
	zl_engine *e = zl_engine_new();
	zl_engine_set_severity(e, "single-label-domain", ZL_SEVERITY_OFF);
	zl_engine_set_severity(e, "inventory-gap", ZL_SEVERITY_OFF);
	zl_results *r;
	ck_assert_int_eq(zl_engine_run(e, m, &r), 0);
	zl_engine_free(e);
	return r;
}

static char *capture(int (*writer)(FILE *, const zl_results *), const zl_results *r)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(writer(f, r), 0);
	fclose(f);
	return buf;
}

static int write_plain_text(FILE *f, const zl_results *r)
{
	return zl_write_text(f, r, NULL, NULL);
}

static int write_json(FILE *f, const zl_results *r)
{
	return zl_write_json(f, r, NULL, NULL);
}

static int write_ps1(FILE *f, const zl_results *r)
{
	return zl_write_ps1(f, r, NULL, NULL);
}

START_TEST(text_is_compiler_style_and_escaped)
{
	zl_model *m;
	zl_results *r = sample_results(&m);
	char *out = capture(write_plain_text, r);

	t_assert_lines(out,
		"forest.yaml:20:5: error: zone corp. is single-label and AD-integrated on 2 "
		"servers, but dc1.corp. does not host corp.corp.: its updates of its own host "
		"records fail (DNS event 6702) [single-label-self-zone]\n"
		"  note: replication partners of dc1.corp. may hold wrong or missing A records "
		"for it; the partner rules show which\n"
		"  fix: create the zone corp.corp on dc1.corp as an AD-integrated zone with the "
		"scope of corp (ad-domain), which replicates it to every DNS server of the domain\n"
		"    dnscmd dc1.corp /ZoneAdd corp.corp /DsPrimary /DP /domain\n"
		"    Add-DnsServerPrimaryZone -ComputerName 'dc1.corp' -Name 'corp.corp' "
		"-ReplicationScope Domain\n"
		"forest.yaml:20:5: error: zone corp. is single-label and AD-integrated on 2 "
		"servers, but dc2.corp. does not host corp.corp.: its updates of its own host "
		"records fail (DNS event 6702) [single-label-self-zone]\n"
		"  note: replication partners of dc2.corp. may hold wrong or missing A records "
		"for it; the partner rules show which\n"
		"  fix: the zone corp.corp created on dc1.corp (its own finding) reaches dc2.corp "
		"by replication, with the scope of corp (ad-domain): create it only once\n"
		"z.dns:7:3: error: bad \\x1b[31mred\\x1b[0m text [zone-syntax]\n");
	free(out);
	out = capture(zl_write_summary, r);
	ck_assert_str_eq(out, "zonelint: 3 errors, 0 warnings, 0 info, 0 suppressed; "
	                 "2 servers, 1 zone, 0 views, 0 records\n");
	free(out);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* zl_escape_dup: bytes that are not UTF-8 always as \xHH; with
 * zl_visible_line_len also ESC and U+202E (RLO), line breaks kept. */
START_TEST(escape_dup_shows_bytes_as_hex)
{
	const char *in = "caf\xc3\xa9 \xff\x1b[2J\n\xe2\x80\xae";
	char *all = zl_escape_dup(in, zl_utf8_len);
	char *seen = zl_escape_dup(in, zl_visible_line_len);

	ck_assert_str_eq(all, "caf\xc3\xa9 \\xff\x1b[2J\n\xe2\x80\xae");
	ck_assert_str_eq(seen, "caf\xc3\xa9 \\xff\\x1b[2J\n\\xe2\\x80\\xae");
	free(all);
	free(seen);
}
END_TEST

START_TEST(json_has_spec_fields)
{
	zl_model *m;
	zl_results *r = sample_results(&m);
	char *out = capture(write_json, r);
	json_error_t err;
	json_t *doc = json_loads(out, 0, &err);

	ck_assert_msg(doc != NULL, "invalid JSON: %s", err.text);
	ck_assert_int_eq(json_integer_value(json_object_get(doc, "schema")), 1);
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(doc, "tool"),
	                 "name")), "zonelint");
	json_t *list = json_object_get(doc, "findings");
	ck_assert_uint_eq(json_array_size(list), 3);
	json_t *f = json_array_get(list, 0);
	ck_assert_str_eq(json_string_value(json_object_get(f, "rule")), "single-label-self-zone");
	ck_assert_str_eq(json_string_value(json_object_get(f, "owner")), "corp.corp.");
	ck_assert_int_eq(json_integer_value(json_object_get(f, "line")), 20);
	ck_assert_uint_eq(strlen(json_string_value(json_object_get(f, "fingerprint"))), 16);
	json_t *fix = json_object_get(f, "fix");
	ck_assert_uint_eq(json_array_size(json_object_get(fix, "commands")), 2);
	json_t *last = json_array_get(list, 2);
	ck_assert_ptr_null(json_object_get(last, "server"));
	ck_assert_ptr_null(json_object_get(last, "fix"));
	/* JSON keeps the raw text; escaping is JSON's own. */
	ck_assert_str_eq(json_string_value(json_object_get(last, "message")),
	                 "bad \x1b[31mred\x1b[0m text");
	json_t *sum = json_object_get(doc, "summary");
	ck_assert_int_eq(json_integer_value(json_object_get(sum, "error")), 3);
	ck_assert_int_eq(json_integer_value(json_object_get(sum, "servers")), 2);
	json_decref(doc);
	free(out);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* ---- -f ps1: the fix plan ------------------------------------------------ */

/* Findings whose commands the plan must sort, merge and filter. */
static int plan_rule(const zl_model *m, zl_report *r)
{
	const zl_name *a = zl_model_name(m, "a.corp"), *b = zl_model_name(m, "b.corp");
	zl_finding *f;

	f = zl_report_add(r, (zl_location){ "z.dns", 1, 1 }, "first");
	zl_finding_data(f, "first");
	zl_finding_command_on(f, a, ZL_TOOL_DNSCMD, ZL_COMMAND_DELETE, "dnscmd a /RecordDelete x");
	zl_finding_command_on(f, a, ZL_TOOL_POWERSHELL, ZL_COMMAND_DELETE, "Remove-X -ComputerName a");
	zl_finding_command_on(f, b, ZL_TOOL_POWERSHELL, ZL_COMMAND_ADD, "Add-Y -ComputerName b");
	f = zl_report_add(r, (zl_location){ "z.dns", 2, 1 }, "second");
	zl_finding_data(f, "second");
	zl_finding_command_on(f, a, ZL_TOOL_OTHER, ZL_COMMAND_OTHER, "nltest /server:a /dsregdns");
	zl_finding_command_on(f, a, ZL_TOOL_POWERSHELL, ZL_COMMAND_SET, "Set-Z -ComputerName a");
	zl_finding_command_on(f, a, ZL_TOOL_POWERSHELL, ZL_COMMAND_DELETE, "Remove-X -ComputerName a");
	zl_finding_command(f, "Invoke-Somewhere");                 /* no server: left out */
	zl_finding_command_on(f, a, ZL_TOOL_POWERSHELL, ZL_COMMAND_ADD, "Add-Q\nevil");
	f = zl_report_add(r, (zl_location){ "z.dns", 3, 1 }, "third");
	zl_finding_data(f, "third");
	zl_finding_command_on(f, a, ZL_TOOL_POWERSHELL, ZL_COMMAND_ADD, "Add-W -ComputerName a");
	return 0;
}

static const zl_rule rule_plan = { "zz-plan", "test", ZL_SEVERITY_ERROR, "p", "p", plan_rule,
                                   0, 0, ZL_SOURCE_NONE };

static zl_results *plan_results(zl_model **mp, bool with_rule)
{
	zl_model *m = zl_model_new();
	zl_engine *e = zl_engine_new();
	zl_results *r;
	char why[128];

	t_name(m, "a.corp");
	t_name(m, "b.corp");
	ck_assert_int_eq(zl_model_resolve(m), 0);
	for (size_t i = 0; i < zl_engine_rule_count(e); i++)
		zl_engine_set_severity(e, zl_engine_rule(e, i)->id, ZL_SEVERITY_OFF);
	if (with_rule)
		ck_assert_int_eq(zl_engine_add_rule(e, &rule_plan, why, sizeof(why)), 0);
	ck_assert_int_eq(zl_engine_run(e, m, &r), 0);
	zl_engine_free(e);
	*mp = m;
	return r;
}

START_TEST(ps1_plan_each_command_once_by_server_and_kind)
{
	zl_model *m;
	zl_results *r = plan_results(&m, true);
	char *out = capture(write_ps1, r);
	const char *first = r->findings.v[0]->fingerprint, *second = r->findings.v[1]->fingerprint;
	const char *third = r->findings.v[2]->fingerprint;
	char want[2048];

	snprintf(want, sizeof(want),
		"Set-StrictMode -Version Latest\n"
		"$ErrorActionPreference = 'Stop'\n"
		"# The fix plan of a zonelint " ZL_VERSION " report: each distinct command once,\n"
		"# by the server it acts on; deletions, additions, settings, then the rest.\n"
		"# Read it before running it.\n"
		"\n"
		"# ---- on a.corp ----\n"
		"# settles: zz-plan %s, zz-plan %s\n"
		"Remove-X -ComputerName a\n"
		"# settles: zz-plan %s\n"
		"Add-W -ComputerName a\n"
		"# settles: zz-plan %s\n"
		"Set-Z -ComputerName a\n"
		"# settles: zz-plan %s\n"
		"nltest /server:a /dsregdns\n"
		"\n"
		"# ---- on b.corp ----\n"
		"# settles: zz-plan %s\n"
		"Add-Y -ComputerName b\n", first, second, third, second, second, first);
	t_assert_lines(out, want);
	free(out);
	/* JSON: run_on for every command, null where not known. */
	out = capture(write_json, r);
	ck_assert_ptr_nonnull(strstr(out, "\"run_on\": [\n          \"a.corp.\",\n"
	                                  "          \"a.corp.\",\n          \"b.corp.\"\n"));
	ck_assert_ptr_nonnull(strstr(out, "\"a.corp.\",\n          null,\n"));
	free(out);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(ps1_nothing_to_fix_writes_nothing)
{
	zl_model *m;
	zl_results *r = plan_results(&m, false);
	char *out = capture(write_ps1, r);

	ck_assert_str_eq(out, "");
	free(out);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* The -f table: lookup by name, the default first, the names as the
 * "unknown format" message lists them, and each row's wants. */
START_TEST(writer_table_finds_by_name_and_lists_in_order)
{
	char names[64], small[12];

	ck_assert_ptr_eq(zl_writer_find("text"), &zl_writers[0]);
	ck_assert_ptr_eq(zl_writer_find("sarif")->write, zl_write_sarif);
	ck_assert_ptr_null(zl_writer_find("xml"));
	ck_assert_ptr_null(zl_writer_find("TEXT"));
	ck_assert_ptr_null(zl_writer_find(""));
	ck_assert_str_eq(zl_writer_names(names, sizeof(names)),
	                 "text, json, sarif, html, dot, ps1");
	/* cut short, still a string */
	ck_assert_str_eq(zl_writer_names(small, sizeof(small)), "text, json,");
	ck_assert_uint_eq(zl_writer_find("html")->flags & ZL_WRITER_MODEL, ZL_WRITER_MODEL);
	ck_assert_uint_eq(zl_writer_find("json")->flags & ZL_WRITER_MODEL, 0);
	ck_assert_ptr_eq(zl_writer_find("json")->list_rules, zl_write_rules_json);
	ck_assert_ptr_null(zl_writer_find("ps1")->list_rules);
}
END_TEST

Suite *output_suite(void)
{
	Suite *s = suite_create("output");
	TCase *tc = tcase_create("output");

	tcase_add_test(tc, text_is_compiler_style_and_escaped);
	tcase_add_test(tc, escape_dup_shows_bytes_as_hex);
	tcase_add_test(tc, json_has_spec_fields);
	tcase_add_test(tc, ps1_plan_each_command_once_by_server_and_kind);
	tcase_add_test(tc, ps1_nothing_to_fix_writes_nothing);
	tcase_add_test(tc, writer_table_finds_by_name_and_lists_in_order);
	suite_add_tcase(s, tc);
	return s;
}
