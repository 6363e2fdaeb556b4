/* The engine: severity overrides, pack filter, sorting, fingerprints. */
#include <string.h>

#include "helpers.h"
#include "suites.h"

/* Problems in an order the engine must sort. */
static zl_model *problem_model(void)
{
	zl_model *m = zl_model_new();
	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_model_problem_add(m, "zone-syntax", ZL_SEVERITY_ERROR, true,
	                     (zl_location){ "b.dns", 3, 1 }, NULL, NULL, "second");
	zl_model_problem_add(m, "zone-windows-type", ZL_SEVERITY_INFO, false,
	                     (zl_location){ "a.dns", 10, 1 }, NULL, NULL, "wins");
	zl_model_problem_add(m, "zone-syntax", ZL_SEVERITY_ERROR, true,
	                     (zl_location){ "a.dns", 2, 5 }, NULL, NULL, "first");
	zl_model_problem_add(m, "zone-syntax", ZL_SEVERITY_ERROR, true,
	                     (zl_location){ "a.dns", 2, 1 }, NULL, NULL, "zeroth");
	return m;
}

START_TEST(findings_sorted_by_file_line_column)
{
	zl_model *m = problem_model();
	zl_engine *e = zl_engine_new();
	zl_results *r;

	ck_assert_int_eq(zl_engine_run(e, m, &r), 0);
	ck_assert_uint_eq(r->findings.n, 4);
	ck_assert_str_eq(r->findings.v[0]->message, "zeroth");
	ck_assert_str_eq(r->findings.v[1]->message, "first");
	ck_assert_str_eq(r->findings.v[2]->message, "wins");
	ck_assert_str_eq(r->findings.v[3]->message, "second");
	ck_assert_uint_eq(r->count[ZL_SEVERITY_ERROR], 3);
	ck_assert_uint_eq(r->count[ZL_SEVERITY_INFO], 1);
	zl_results_free(r);
	zl_engine_free(e);
	zl_model_free(m);
}
END_TEST

START_TEST(cli_severity_wins_over_inventory)
{
	zl_model *m = problem_model();
	zl_engine *e = zl_engine_new();
	zl_results *r;

	zl_model_add_rule_override(m, "zone-windows-type", ZL_SEVERITY_ERROR, LOC(40, 3));
	zl_model_add_rule_override(m, "zone-syntax", ZL_SEVERITY_OFF, LOC(41, 3));
	ck_assert_int_eq(zl_engine_set_severity(e, "zone-syntax", ZL_SEVERITY_WARNING), 0);
	ck_assert_int_eq(zl_engine_set_severity(e, "no-such-rule", ZL_SEVERITY_OFF), -1);
	ck_assert_int_eq(zl_engine_run(e, m, &r), 0);
	ck_assert_uint_eq(r->count[ZL_SEVERITY_ERROR], 1);     /* the WINS one */
	ck_assert_uint_eq(r->count[ZL_SEVERITY_WARNING], 3);   /* --rule wins */
	zl_results_free(r);
	zl_engine_free(e);
	zl_model_free(m);
}
END_TEST

START_TEST(unknown_rule_in_inventory_is_a_warning)
{
	zl_model *m = zl_model_new();
	zl_engine *e = zl_engine_new();
	zl_results *r;

	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_model_add_rule_override(m, "eol-0s", ZL_SEVERITY_OFF, LOC(33, 3));
	ck_assert_int_eq(zl_engine_run(e, m, &r), 0);
	ck_assert_uint_eq(r->findings.n, 1);
	ck_assert_str_eq(r->findings.v[0]->rule->id, "inventory");
	ck_assert_int_eq(r->findings.v[0]->severity, ZL_SEVERITY_WARNING);
	ck_assert_uint_eq(r->findings.v[0]->line, 33);
	ck_assert_ptr_nonnull(strstr(r->findings.v[0]->message, "eol-0s"));
	zl_results_free(r);
	zl_engine_free(e);
	zl_model_free(m);
}
END_TEST

START_TEST(pack_filter_runs_zone_rules_only)
{
	zl_model *m = problem_model();
	zl_engine *e = zl_engine_new();
	zl_results *r;

	zl_model_problem_add(m, "inventory", ZL_SEVERITY_ERROR, true, LOC(1, 1),
	                     NULL, NULL, "bad");
	zl_engine_set_pack(e, "zone");
	ck_assert_int_eq(zl_engine_run(e, m, &r), 0);
	ck_assert_uint_eq(t_count(r, "inventory"), 0);
	ck_assert_uint_eq(t_count(r, "zone-syntax"), 3);
	zl_results_free(r);
	zl_engine_free(e);
	zl_model_free(m);
}
END_TEST

START_TEST(fingerprint_ignores_place_and_wording)
{
	zl_model *m = zl_model_new();
	zl_engine *e = zl_engine_new();
	zl_results *r;

	ck_assert_int_eq(zl_model_resolve(m), 0);
	const zl_name *corp = t_name(m, "corp");
	zl_model_problem_add(m, "zone-syntax", ZL_SEVERITY_ERROR, true,
	                     (zl_location){ "a.dns", 3, 1 }, corp, NULL, "one wording");
	zl_model_problem_add(m, "zone-syntax", ZL_SEVERITY_ERROR, true,
	                     (zl_location){ "a.dns", 90, 1 }, corp, NULL, "another");
	zl_model_problem_add(m, "zone-syntax", ZL_SEVERITY_ERROR, true,
	                     (zl_location){ "a.dns", 4, 1 }, t_name(m, "lab"), NULL, "x");
	ck_assert_int_eq(zl_engine_run(e, m, &r), 0);
	ck_assert_uint_eq(r->findings.n, 3);
	ck_assert_str_eq(r->findings.v[0]->fingerprint, r->findings.v[2]->fingerprint);
	ck_assert_str_ne(r->findings.v[0]->fingerprint, r->findings.v[1]->fingerprint);
	ck_assert_uint_eq(strlen(r->findings.v[0]->fingerprint), 16);
	zl_results_free(r);
	zl_engine_free(e);
	zl_model_free(m);
}
END_TEST

START_TEST(inline_suppressions_same_line_and_line_above)
{
	zl_model *m = problem_model();
	zl_engine *e = zl_engine_new();
	zl_results *r;

	/* a.dns:2 holds two zone-syntax findings; a comment on line 1 covers
	 * them, one on b.dns:3 names another rule and a typo. */
	zl_model_add_suppression(m, (zl_location){ "a.dns", 1, 20 }, "eol-os, zone-syntax");
	zl_model_add_suppression(m, (zl_location){ "b.dns", 3, 30 }, "zone-windows-type,nosuch");
	ck_assert_int_eq(zl_engine_run(e, m, &r), 0);
	ck_assert_uint_eq(r->suppressed, 2);
	ck_assert_uint_eq(t_count(r, "zone-syntax"), 2);  /* b.dns:3 + the typo */
	ck_assert_str_eq(r->findings.v[1]->message, "second");
	ck_assert_str_eq(r->findings.v[2]->file, "b.dns");
	ck_assert_uint_eq(r->findings.v[2]->column, 30);
	ck_assert_int_eq(r->findings.v[2]->severity, ZL_SEVERITY_WARNING);
	ck_assert_ptr_nonnull(strstr(r->findings.v[2]->message, "'nosuch'"));
	zl_results_free(r);
	zl_engine_free(e);
	zl_model_free(m);
}
END_TEST

START_TEST(registry_sorted_and_complete)
{
	zl_engine *e = zl_engine_new();

	ck_assert_uint_ge(zl_engine_rule_count(e), 6);
	for (size_t i = 0; i < zl_engine_rule_count(e); i++) {
		const zl_rule *r = zl_engine_rule(e, i);
		ck_assert_ptr_nonnull(r->check);
		ck_assert_msg(r->summary && *r->summary, "%s has no summary", r->id);
		ck_assert_msg(r->explanation && strstr(r->explanation, "Fix"),
		              "%s has no fix in its explanation", r->id);
		ck_assert(!strcmp(r->pack, "ad") || !strcmp(r->pack, "zone") ||
		          !strcmp(r->pack, "security"));
		if (i)
			ck_assert_int_lt(strcmp(zl_engine_rule(e, i - 1)->id, r->id), 0);
	}
	ck_assert_ptr_nonnull(zl_engine_find(e, "single-label-self-zone"));
	ck_assert_ptr_null(zl_engine_find(e, "nope"));
	zl_engine_free(e);
}
END_TEST


/* Two extra rules that leave subjects unchecked, in an order to sort. */
static int skip_b(const zl_model *m, zl_report *r)
{
	(void)m;
	zl_report_not_checked(r, "second reason", 2);
	zl_report_not_checked(r, "a reason", 1);
	zl_report_not_checked(r, "second reason", 3);
	zl_report_not_checked(r, "nothing skipped", 0);
	return 0;
}

static int skip_a(const zl_model *m, zl_report *r)
{
	(void)m;
	zl_report_not_checked(r, "z reason", 4);
	return 0;
}

static const zl_rule rule_skip_b = { "zz-skip-b", "test", ZL_SEVERITY_WARNING,
                                     "b", "b", skip_b };
static const zl_rule rule_skip_a = { "zz-skip-a", "test", ZL_SEVERITY_WARNING,
                                     "a", "a", skip_a };

START_TEST(not_checked_merged_and_sorted)
{
	zl_model *m = zl_model_new();
	zl_engine *e = zl_engine_new();
	zl_results *r;
	char why[128];

	ck_assert_int_eq(zl_model_resolve(m), 0);
	ck_assert_int_eq(zl_engine_add_rule(e, &rule_skip_b, why, sizeof(why)), 0);
	ck_assert_int_eq(zl_engine_add_rule(e, &rule_skip_a, why, sizeof(why)), 0);
	ck_assert_int_eq(zl_engine_run(e, m, &r), 0);
	ck_assert_uint_eq(r->not_checked.n, 3);
	ck_assert_str_eq(r->not_checked.v[0].rule, "zz-skip-a");
	ck_assert_uint_eq(r->not_checked.v[0].count, 4);
	ck_assert_str_eq(r->not_checked.v[1].rule, "zz-skip-b");
	ck_assert_str_eq(r->not_checked.v[1].reason, "a reason");
	ck_assert_str_eq(r->not_checked.v[2].reason, "second reason");
	ck_assert_uint_eq(r->not_checked.v[2].count, 5);
	zl_results_free(r);

	/* A rule that is off does not run, so it leaves nothing unchecked. */
	ck_assert_int_eq(zl_engine_set_severity(e, "zz-skip-b", ZL_SEVERITY_OFF), 0);
	ck_assert_int_eq(zl_engine_run(e, m, &r), 0);
	ck_assert_uint_eq(r->not_checked.n, 1);
	zl_results_free(r);
	zl_engine_free(e);
	zl_model_free(m);
}
END_TEST

Suite *engine_suite(void)
{
	Suite *s = suite_create("engine");
	TCase *tc = tcase_create("engine");

	tcase_add_test(tc, findings_sorted_by_file_line_column);
	tcase_add_test(tc, cli_severity_wins_over_inventory);
	tcase_add_test(tc, unknown_rule_in_inventory_is_a_warning);
	tcase_add_test(tc, pack_filter_runs_zone_rules_only);
	tcase_add_test(tc, fingerprint_ignores_place_and_wording);
	tcase_add_test(tc, inline_suppressions_same_line_and_line_above);
	tcase_add_test(tc, registry_sorted_and_complete);
	tcase_add_test(tc, not_checked_merged_and_sorted);
	suite_add_tcase(s, tc);
	return s;
}
