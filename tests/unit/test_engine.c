/* The engine: severity overrides, pack filter, sorting, fingerprints. */
#include <string.h>

#include <stdio.h>
#include <stdlib.h>

#include "helpers.h"
#include "writers/writers.h"
#include "suites.h"

static bool hide_message(const zl_finding *f, void *ctx)
{
	return strcmp(f->message, ctx) == 0;
}

/* Problems in an order the engine must sort. */
static zl_model *problem_model(void)
{
	zl_model *m = zl_model_new();
	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_model_problem_add(m, t_source("zone-syntax"), ZL_SEVERITY_ERROR, true,
	                     (zl_location){ "b.dns", 3, 1 }, NULL, NULL, "second");
	zl_model_problem_add(m, t_source("zone-windows-type"), ZL_SEVERITY_INFO, false,
	                     (zl_location){ "a.dns", 10, 1 }, NULL, NULL, "wins");
	zl_model_problem_add(m, t_source("zone-syntax"), ZL_SEVERITY_ERROR, true,
	                     (zl_location){ "a.dns", 2, 5 }, NULL, NULL, "first");
	zl_model_problem_add(m, t_source("zone-syntax"), ZL_SEVERITY_ERROR, true,
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

	zl_model_problem_add(m, t_source("inventory"), ZL_SEVERITY_ERROR, true, LOC(1, 1),
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
	zl_model_problem_add(m, t_source("zone-syntax"), ZL_SEVERITY_ERROR, true,
	                     (zl_location){ "a.dns", 3, 1 }, corp, NULL, "one wording");
	zl_model_problem_add(m, t_source("zone-syntax"), ZL_SEVERITY_ERROR, true,
	                     (zl_location){ "a.dns", 90, 1 }, corp, NULL, "another");
	zl_model_problem_add(m, t_source("zone-syntax"), ZL_SEVERITY_ERROR, true,
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

static const char *next_line(const char *l)
{
	const char *nl = strchr(l, '\n');

	return nl ? nl + 1 : l + strlen(l);
}

/* --explain prints the explanation as it is: a command shown there (a
 * line indented by two spaces) must be whole on its line to be copied,
 * never continued on a line indented further. */
START_TEST(explanation_commands_whole)
{
	zl_engine *e = zl_engine_new();

	for (size_t i = 0; i < zl_engine_rule_count(e); i++) {
		const zl_rule *r = zl_engine_rule(e, i);
		bool after_command = false;
		for (const char *l = r->explanation; *l; l = next_line(l)) {
			ck_assert_msg(!(after_command && strncmp(l, "    ", 4) == 0),
			              "%s: a command is broken over two lines at '%.40s'", r->id, l);
			after_command = strncmp(l, "  ", 2) == 0 && l[2] != ' ';
		}
	}
	zl_engine_free(e);
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
                                     "b", "b", skip_b, 0, 0, ZL_SOURCE_NONE };
static const zl_rule rule_skip_a = { "zz-skip-a", "test", ZL_SEVERITY_WARNING,
                                     "a", "a", skip_a, 0, 0, ZL_SOURCE_NONE };

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

/* ---- one cause, one finding ------------------------------------------------ */

/* Two causes of "k" (servers b. and a.), and one of "c" that itself
 * follows "k". */
static int causes(const zl_model *m, zl_report *r)
{
	zl_finding *f;

	(void)m;
	f = zl_report_add(r, (zl_location){ "z.dns", 2, 1 }, "cause on b");
	zl_finding_server(f, t_name((zl_model *)m, "b"));
	zl_finding_explains(f, "k");
	f = zl_report_add(r, (zl_location){ "z.dns", 1, 1 }, "cause on a");
	zl_finding_server(f, t_name((zl_model *)m, "a"));
	zl_finding_explains(f, "other");
	zl_finding_explains(f, "k");
	f = zl_report_add(r, (zl_location){ "z.dns", 3, 1 }, "cause of c");
	zl_finding_explains(f, "c");
	zl_finding_follows(f, "k");
	return 0;
}

static int followers(const zl_model *m, zl_report *r)
{
	zl_finding *f;

	(void)m;
	f = zl_report_add(r, (zl_location){ "z.dns", 10, 1 }, "follows k");
	zl_finding_follows(f, "nothing");
	zl_finding_follows(f, "k");
	f = zl_report_add(r, (zl_location){ "z.dns", 11, 1 }, "follows c");
	zl_finding_follows(f, "c");
	f = zl_report_add(r, (zl_location){ "z.dns", 12, 1 }, "follows nothing");
	zl_finding_follows(f, "unknown");
	return 0;
}

static const zl_rule rule_causes = { "zz-cause", "test", ZL_SEVERITY_ERROR,
                                     "c", "c", causes, 0, 0, ZL_SOURCE_NONE };
static const zl_rule rule_followers = { "zz-follow", "test", ZL_SEVERITY_ERROR,
                                        "f", "f", followers, 0, 0, ZL_SOURCE_NONE };

static zl_results *run_causes(zl_model *m, zl_severity cause_severity)
{
	zl_engine *e = zl_engine_new();
	zl_results *r;
	char why[128];

	for (size_t i = 0; i < zl_engine_rule_count(e); i++)
		zl_engine_set_severity(e, zl_engine_rule(e, i)->id, ZL_SEVERITY_OFF);
	ck_assert_int_eq(zl_engine_add_rule(e, &rule_causes, why, sizeof(why)), 0);
	ck_assert_int_eq(zl_engine_add_rule(e, &rule_followers, why, sizeof(why)), 0);
	zl_engine_set_severity(e, "zz-cause", cause_severity);
	ck_assert_int_eq(zl_engine_run(e, m, &r), 0);
	zl_engine_free(e);
	return r;
}

/* The finding with this message. */
static const zl_finding *by_message(const zl_results *r, const char *msg)
{
	for (size_t i = 0; i < r->findings.n; i++)
		if (strcmp(r->findings.v[i]->message, msg) == 0)
			return r->findings.v[i];
	ck_abort_msg("no finding '%s'", msg);
	return NULL;
}

static char *text_of(const zl_results *r, bool verbose)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	zl_write_options o = { .verbose = verbose };

	ck_assert_int_eq(zl_write_text(f, r, NULL, &o), 0);
	fclose(f);
	return buf;
}

START_TEST(causes_link_by_key_first_server_no_chains)
{
	zl_model *m = zl_model_new();
	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_results *r = run_causes(m, ZL_SEVERITY_ERROR);
	const zl_finding *a = by_message(r, "cause on a"), *c = by_message(r, "cause of c");

	/* Two explain "k": the one whose server sorts first. */
	ck_assert_ptr_eq(by_message(r, "follows k")->cause, a);
	ck_assert_ptr_eq(c->cause, a);
	ck_assert_uint_eq(a->followers.n, 2);
	ck_assert_uint_eq(by_message(r, "cause on b")->followers.n, 0);
	/* "cause of c" follows another: no finding is hidden under it. */
	ck_assert_ptr_null(by_message(r, "follows c")->cause);
	ck_assert_ptr_null(by_message(r, "follows nothing")->cause);
	/* Counts still count every finding. */
	ck_assert_uint_eq(r->count[ZL_SEVERITY_ERROR], 6);

	char *out = text_of(r, false);
	t_assert_lines(out,
		"z.dns:1:1: error: cause on a [zz-cause]\n"
		"  also: 2 findings follow from this (zz-cause, zz-follow); -v lists them\n"
		"z.dns:2:1: error: cause on b [zz-cause]\n"
		"z.dns:11:1: error: follows c [zz-follow]\n"
		"z.dns:12:1: error: follows nothing [zz-follow]\n");
	free(out);
	out = text_of(r, true);
	t_assert_lines(out,
		"z.dns:1:1: error: cause on a [zz-cause]\n"
		"z.dns:2:1: error: cause on b [zz-cause]\n"
		"z.dns:3:1: error: cause of c [zz-cause]\n"
		"  note: follows from z.dns:1:1 [zz-cause]\n"
		"z.dns:10:1: error: follows k [zz-follow]\n"
		"  note: follows from z.dns:1:1 [zz-cause]\n"
		"z.dns:11:1: error: follows c [zz-follow]\n"
		"z.dns:12:1: error: follows nothing [zz-follow]\n");
	free(out);

	/* The baseline hides the chosen cause: the next one takes over. */
	ck_assert_uint_eq(zl_results_suppress(r, hide_message, "cause on a"), 1);
	const zl_finding *b = by_message(r, "cause on b");
	ck_assert_ptr_eq(by_message(r, "follows k")->cause, b);
	ck_assert_ptr_eq(by_message(r, "cause of c")->cause, b);
	ck_assert_uint_eq(b->followers.n, 2);
	ck_assert_uint_eq(r->count[ZL_SEVERITY_ERROR], 5);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* A cause that is off leaves its followers standalone. */
START_TEST(causes_off_leave_followers_standalone)
{
	zl_model *m = zl_model_new();
	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_results *r = run_causes(m, ZL_SEVERITY_OFF);

	ck_assert_uint_eq(r->findings.n, 3);
	for (size_t i = 0; i < r->findings.n; i++)
		ck_assert_ptr_null(r->findings.v[i]->cause);
	char *out = text_of(r, false);
	ck_assert_ptr_null(strstr(out, "also:"));
	ck_assert_ptr_nonnull(strstr(out, "follows k"));
	free(out);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* ---- source problems and tags ------------------------------------------ */

static int noop(const zl_model *m, zl_report *r)
{
	(void)m;
	(void)r;
	return 0;
}

/* A rule surfacing source problems of kind `kind` (the check is never run). */
#define SOURCE_RULE(name, kind) \
	static const zl_rule name = { .id = #name, .pack = "test", \
	                              .severity = ZL_SEVERITY_ERROR, .summary = "s", \
	                              .explanation = "e", .check = noop, .source = kind }
SOURCE_RULE(src_inventory, ZL_SOURCE_INVENTORY);
SOURCE_RULE(src_syntax, ZL_SOURCE_ZONE_SYNTAX);
SOURCE_RULE(src_windows, ZL_SOURCE_ZONE_WINDOWS_TYPE);
SOURCE_RULE(src_live, ZL_SOURCE_LIVE_TRANSFER);
SOURCE_RULE(src_ldap, ZL_SOURCE_LDAP);
SOURCE_RULE(src_syntax_again, ZL_SOURCE_ZONE_SYNTAX);
SOURCE_RULE(src_unknown, ZL_SOURCE_PROBLEM_KINDS);
SOURCE_RULE(src_none, ZL_SOURCE_NONE);

/* Every kind of source problem has exactly one rule to surface it, in the
 * built-in table and in a complete one; a kind left out, one surfaced
 * twice, or an unknown kind is an internal error naming the fault. */
START_TEST(source_problems_each_surfaced_once)
{
	const zl_rule *all[] = { &src_inventory, &src_syntax, &src_windows, &src_live,
	                         &src_ldap, &src_none, NULL };
	const zl_rule *missing[] = { &src_inventory, &src_syntax, &src_live, &src_ldap, NULL };
	const zl_rule *twice[] = { &src_inventory, &src_syntax, &src_windows, &src_live,
	                           &src_ldap, &src_syntax_again, NULL };
	const zl_rule *unknown[] = { &src_inventory, &src_syntax, &src_windows, &src_live,
	                             &src_ldap, &src_unknown, NULL };
	char why[256] = "";

	ck_assert_int_eq(zl_engine_check_builtin(why, sizeof(why)), 0);
	ck_assert_int_eq(zl_rules_check_sources(all, why, sizeof(why)), 0);
	ck_assert_int_eq(zl_rules_check_sources(missing, why, sizeof(why)), -1);
	ck_assert_str_eq(why, "no rule surfaces source problems of kind 3");
	ck_assert_int_eq(zl_rules_check_sources(twice, why, sizeof(why)), -1);
	ck_assert_str_eq(why, "rules src_syntax and src_syntax_again both surface source "
	                 "problems of kind 2");
	ck_assert_int_eq(zl_rules_check_sources(unknown, why, sizeof(why)), -1);
	ck_assert_str_eq(why, "rule src_unknown surfaces source problems of unknown kind 6");
}
END_TEST

/* Each problem reaches the one rule carrying its kind, whatever its id;
 * a plugin's rule may not claim a kind. */
START_TEST(source_problems_reach_their_rule)
{
	static const zl_rule claims = { .id = "zz-claims", .pack = "test",
	                                .severity = ZL_SEVERITY_ERROR, .summary = "s",
	                                .explanation = "e", .check = noop,
	                                .source = ZL_SOURCE_LDAP };
	static const zl_rule plain = { .id = "zz-plain", .pack = "test",
	                               .severity = ZL_SEVERITY_ERROR, .summary = "s",
	                               .explanation = "e", .check = noop };
	zl_engine *e = zl_engine_new();
	char why[256];

	ck_assert_ptr_nonnull(e);
	for (int k = ZL_SOURCE_NONE + 1; k < ZL_SOURCE_PROBLEM_KINDS; k++) {
		size_t n = 0;
		for (size_t i = 0; i < zl_engine_rule_count(e); i++)
			n += (int)zl_engine_rule(e, i)->source == k;
		ck_assert_uint_eq(n, 1);
	}
	ck_assert_int_eq(zl_engine_add_rule(e, &claims, why, sizeof(why)), -1);
	ck_assert_str_eq(why, "rule zz-claims sets source: only built-in rules surface "
	                 "problems found while loading");
	ck_assert_int_eq(zl_engine_add_rule(e, &plain, why, sizeof(why)), 0);
	zl_engine_free(e);
}
END_TEST

/* Rules carrying a tag, by tag_order and then id; a rule carrying only some
 * of the bits asked for is left out. */
START_TEST(tagged_rules_in_tag_order)
{
	static const zl_rule late = { .id = "zz-late", .pack = "test",
	                              .severity = ZL_SEVERITY_INFO, .summary = "s",
	                              .explanation = "e", .check = noop,
	                              .tags = ZL_TAG_6702 | ZL_TAG_PARTNER, .tag_order = 9 };
	static const zl_rule early = { .id = "zz-early", .pack = "test",
	                               .severity = ZL_SEVERITY_INFO, .summary = "s",
	                               .explanation = "e", .check = noop,
	                               .tags = ZL_TAG_PARTNER, .tag_order = 0 };
	zl_engine *e = zl_engine_new();
	const zl_rule **out;
	char why[128];

	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(zl_engine_add_rule(e, &late, why, sizeof(why)), 0);
	ck_assert_int_eq(zl_engine_add_rule(e, &early, why, sizeof(why)), 0);
	out = calloc(zl_engine_rule_count(e), sizeof(*out));
	ck_assert_ptr_nonnull(out);
	size_t n = zl_engine_tagged(e, ZL_TAG_PARTNER, out);
	ck_assert_uint_eq(n, 5);
	ck_assert_str_eq(out[0]->id, "zz-early");
	ck_assert_str_eq(out[4]->id, "zz-late");
	for (size_t i = 1; i + 1 < n; i++) {
		ck_assert(out[i]->tags & ZL_TAG_6702);
		ck_assert_uint_lt(out[i]->tag_order, out[i + 1]->tag_order);
	}
	ck_assert_uint_eq(zl_engine_tagged(e, ZL_TAG_END_OF_SUPPORT, out), 1);
	free(out);
	zl_engine_free(e);
}
END_TEST

/* Reports once in the first view's file, involving and naming the first
 * server, then repeats it for the second view. */
static int relate_and_repeat(const zl_model *m, zl_report *r)
{
	const zl_view *a = zl_model_view(m, 0), *b = zl_model_view(m, 1);
	const zl_name *dc1 = zl_server_name(zl_model_server(m, 0));
	zl_finding *f = zl_report_add(r, (zl_location){ zl_view_file(a), 3, 1 }, "related");

	zl_finding_involves(f, dc1);
	zl_finding_partner(f, dc1);
	zl_finding_partner(f, zl_server_name(zl_model_server(m, 1)));
	return zl_report_repeat(r, 0, zl_report_count(r), a, b);
}

/* Relations are kept in report order and copied with a repeated finding. */
START_TEST(relations_kept_and_repeated)
{
	static const zl_rule rule = { .id = "zz-relate", .pack = "test",
	                              .severity = ZL_SEVERITY_ERROR, .summary = "s",
	                              .explanation = "e", .check = relate_and_repeat };
	zl_model *m = zl_model_new();
	zl_engine *e = zl_engine_new();
	zl_results *r;
	char why[128];

	t_server(m, "dc1.corp", "10.0.0.1/24");
	t_server(m, "dc2.corp", "10.0.0.2/24");
	zl_zone *z = t_zone(m, "corp", ZL_STORAGE_FILE);
	ck_assert_int_eq(zl_model_resolve(m), 0);
	ck_assert_ptr_nonnull(zl_model_add_view(m, z, "a.dns"));
	ck_assert_ptr_nonnull(zl_model_add_view(m, z, "b.dns"));
	for (size_t i = 0; i < zl_engine_rule_count(e); i++)
		zl_engine_set_severity(e, zl_engine_rule(e, i)->id, ZL_SEVERITY_OFF);
	ck_assert_int_eq(zl_engine_add_rule(e, &rule, why, sizeof(why)), 0);
	ck_assert_int_eq(zl_engine_run(e, m, &r), 0);
	ck_assert_uint_eq(r->findings.n, 2);
	for (size_t i = 0; i < 2; i++) {
		const zl_finding *f = r->findings.v[i];
		ck_assert_str_eq(f->file, i ? "b.dns" : "a.dns");
		ck_assert_uint_eq(f->involves.n, 1);
		ck_assert_str_eq(f->involves.v[0], "dc1.corp.");
		ck_assert_uint_eq(f->partners.n, 2);
		ck_assert_str_eq(f->partners.v[0], "dc1.corp.");
		ck_assert_str_eq(f->partners.v[1], "dc2.corp.");
	}
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
	tcase_add_test(tc, explanation_commands_whole);
	tcase_add_test(tc, causes_link_by_key_first_server_no_chains);
	tcase_add_test(tc, causes_off_leave_followers_standalone);
	tcase_add_test(tc, source_problems_each_surfaced_once);
	tcase_add_test(tc, source_problems_reach_their_rule);
	tcase_add_test(tc, tagged_rules_in_tag_order);
	tcase_add_test(tc, relations_kept_and_repeated);
	suite_add_tcase(s, tc);
	return s;
}
