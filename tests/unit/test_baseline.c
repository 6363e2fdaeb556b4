/* --baseline: reading an earlier JSON report and hiding what it holds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "baseline.h"
#include "helpers.h"
#include "writers/writers.h"
#include "suites.h"

/* zone-syntax findings with the given messages in file z.dns, on lines
 * 1, 2, ...; zone `zones[i]` (NULL: none) makes each one's fingerprint. */
static zl_results *findings(zl_model **mp, const char *const *zones, size_t n)
{
	zl_model *m = zl_model_new();

	ck_assert_int_eq(zl_model_resolve(m), 0);
	for (size_t i = 0; i < n; i++)
		zl_model_problem_add(m, t_source("zone-syntax"), ZL_SEVERITY_ERROR, true,
		                     (zl_location){ "z.dns", (uint32_t)i + 1, 1 },
		                     zones[i] ? t_name(m, zones[i]) : NULL, NULL,
		                     "fault %zu", i);
	*mp = m;
	return t_run_rule(m, "zone-syntax");
}

/* Writes `text` to a fresh temporary file; returns its path (free it). */
static char *temp_file(const char *text)
{
	char *path = strdup("/tmp/zl-baseline-XXXXXX");
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	FILE *f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
	return path;
}

static char *report_file(const zl_results *r)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	ck_assert_int_eq(zl_write_json(f, r, NULL, NULL), 0);
	fclose(f);
	char *path = temp_file(buf);
	free(buf);
	return path;
}

static zl_baseline *load_ok(const char *path)
{
	zl_baseline *b;
	char why[512] = "";

	ck_assert_msg(zl_baseline_load(&b, path, why, sizeof(why)) == 0, "%s", why);
	return b;
}

/* A run before (its JSON report loaded as the baseline) and a run now. */
typedef struct runs {
	zl_model *m_before, *m_now;
	zl_results *before, *now;
	char *path;               /* the report of `before` */
	zl_baseline *b;
} runs;

static runs runs_new(const char *const *before, size_t nb, const char *const *now,
                     size_t nn)
{
	runs r;

	r.before = findings(&r.m_before, before, nb);
	r.path = report_file(r.before);
	r.b = load_ok(r.path);
	r.now = findings(&r.m_now, now, nn);
	return r;
}

static void runs_free(runs *r)
{
	zl_baseline_free(r->b);
	unlink(r->path);
	free(r->path);
	zl_results_free(r->before);
	zl_results_free(r->now);
	zl_model_free(r->m_before);
	zl_model_free(r->m_now);
}

START_TEST(own_report_hides_everything)
{
	static const char *const zones[] = { "a", "b", "c" };
	runs r = runs_new(zones, 3, zones, 3);

	ck_assert_uint_eq(zl_baseline_count(r.b), 3);
	ck_assert_uint_eq(zl_baseline_apply(r.b, r.now), 3);
	ck_assert_uint_eq(r.now->findings.n, 0);
	ck_assert_uint_eq(r.now->count[ZL_SEVERITY_ERROR], 0);
	ck_assert_uint_eq(r.now->suppressed, 3);
	runs_free(&r);
}
END_TEST

/* Only what the baseline lacks is left, in its place and order. */
START_TEST(new_findings_stay)
{
	static const char *const old[] = { "a", "c" }, *const now[] = { "a", "b", "c", "d" };
	runs r = runs_new(old, 2, now, 4);

	ck_assert_uint_eq(zl_baseline_apply(r.b, r.now), 2);
	ck_assert_uint_eq(r.now->findings.n, 2);
	ck_assert_str_eq(r.now->findings.v[0]->zone, "b.");
	ck_assert_str_eq(r.now->findings.v[1]->zone, "d.");
	ck_assert_uint_eq(r.now->count[ZL_SEVERITY_ERROR], 2);
	runs_free(&r);
}
END_TEST

/* Two findings about the same thing share a fingerprint: a baseline with
 * one of them hides one, and the later one shows. */
START_TEST(matching_counts_repeats)
{
	static const char *const one[] = { "a" }, *const two[] = { "a", "a" };
	runs r = runs_new(one, 1, two, 2);

	ck_assert_str_eq(r.now->findings.v[0]->fingerprint, r.now->findings.v[1]->fingerprint);
	ck_assert_uint_eq(zl_baseline_apply(r.b, r.now), 1);
	ck_assert_uint_eq(r.now->findings.n, 1);
	ck_assert_uint_eq(r.now->findings.v[0]->line, 2);
	/* Each apply matches against the whole baseline again. */
	ck_assert_uint_eq(zl_baseline_apply(r.b, r.now), 1);
	ck_assert_uint_eq(r.now->suppressed, 2);
	runs_free(&r);
}
END_TEST

/* Lines and wording do not take part in matching. */
START_TEST(lines_and_words_do_not_matter)
{
	static const char *const zones[] = { "a" };
	zl_model *m;
	zl_results *now = findings(&m, zones, 1);
	char json[512];
	snprintf(json, sizeof(json), "{\"schema\": 1, \"tool\": {\"name\": \"zonelint\"},"
	         " \"findings\": [{\"rule\": \"zone-syntax\", \"line\": 99, \"message\":"
	         " \"other words\", \"fingerprint\": \"%s\"}]}",
	         now->findings.v[0]->fingerprint);
	char *path = temp_file(json);
	zl_baseline *b = load_ok(path);

	ck_assert_uint_eq(zl_baseline_apply(b, now), 1);
	zl_baseline_free(b);
	unlink(path);
	free(path);
	zl_results_free(now);
	zl_model_free(m);
}
END_TEST

static const struct {
	const char *text;         /* file content; NULL: no file */
	const char *why;          /* part of the reason */
} bad[] = {
	{ NULL, "cannot read baseline" },
	{ "{\"schema\": 1, \"findings\": [", "not JSON" },
	{ "[]", "is not a zonelint JSON report" },
	{ "{\"version\": \"2.1.0\", \"runs\": []}", "is not a zonelint JSON report" },
	{ "{\"schema\": 2, \"tool\": {\"name\": \"zonelint\"}, \"findings\": []}",
	  "is not a zonelint JSON report" },
	{ "{\"schema\": 1, \"tool\": {\"name\": \"other\"}, \"findings\": []}",
	  "is not a zonelint JSON report" },
	{ "{\"schema\": 1, \"tool\": {\"name\": \"zonelint\"}, \"findings\": [{}]}",
	  "finding 1 has no valid fingerprint" },
	{ "{\"schema\": 1, \"tool\": {\"name\": \"zonelint\"}, \"findings\": "
	  "[{\"fingerprint\": \"0123456789abcdeg\"}]}", "no valid fingerprint" },
};

START_TEST(bad_baselines_are_refused)
{
	char *path = bad[_i].text ? temp_file(bad[_i].text) : strdup("/nonexistent/b.json");
	zl_baseline *b = (zl_baseline *)1;
	char why[512] = "";

	ck_assert_int_eq(zl_baseline_load(&b, path, why, sizeof(why)), -1);
	ck_assert_ptr_null(b);
	ck_assert_msg(strstr(why, bad[_i].why) != NULL, "case %d: '%s'", _i, why);
	ck_assert_msg(strstr(why, path) != NULL, "the reason names the file: '%s'", why);
	if (bad[_i].text)
		unlink(path);
	free(path);
}
END_TEST

Suite *baseline_suite(void)
{
	Suite *s = suite_create("baseline");
	TCase *tc = tcase_create("baseline");

	tcase_add_test(tc, own_report_hides_everything);
	tcase_add_test(tc, new_findings_stay);
	tcase_add_test(tc, matching_counts_repeats);
	tcase_add_test(tc, lines_and_words_do_not_matter);
	tcase_add_loop_test(tc, bad_baselines_are_refused, 0, (int)(sizeof(bad) / sizeof(*bad)));
	suite_add_tcase(s, tc);
	return s;
}
