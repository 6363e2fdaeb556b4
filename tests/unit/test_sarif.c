/* SARIF writer, coloured text and the --list-rules writers. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "writers/writers.h"
#include "suites.h"

/* Findings of zone-syntax (error) and zone-windows-type (info) at the
 * given files, lines 7 and 9; every other rule is off. */
static zl_results *results_at(zl_model **mp, const char *const *files, size_t n)
{
	zl_model *m = zl_model_new();
	zl_engine *e = zl_engine_new();
	zl_results *r;

	ck_assert_int_eq(zl_model_resolve(m), 0);
	for (size_t i = 0; i < n; i++) {
		zl_model_problem_add(m, t_source("zone-syntax"), ZL_SEVERITY_ERROR, true,
		                     (zl_location){ files[i], 7, 3 }, NULL, NULL, "bad %zu", i);
		zl_model_problem_add(m, t_source("zone-windows-type"), ZL_SEVERITY_INFO, false,
		                     (zl_location){ files[i], 9, 0 }, NULL, NULL, "wins %zu", i);
	}
	for (size_t i = 0; i < zl_engine_rule_count(e); i++) {
		const char *id = zl_engine_rule(e, i)->id;
		if (strcmp(id, "zone-syntax") && strcmp(id, "zone-windows-type"))
			zl_engine_set_severity(e, id, ZL_SEVERITY_OFF);
	}
	ck_assert_int_eq(zl_engine_run(e, m, &r), 0);
	zl_engine_free(e);
	*mp = m;
	return r;
}

static json_t *sarif_of(const zl_results *r, const zl_write_options *o)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	zl_engine *e = zl_engine_new();
	zl_write_options wo = o ? *o : (zl_write_options){ 0 };
	json_error_t err;

	wo.engine = e;
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(zl_write_sarif(f, r, NULL, &wo), 0);
	fclose(f);
	json_t *doc = json_loads(buf, 0, &err);
	ck_assert_msg(doc != NULL, "invalid JSON: %s", err.text);
	free(buf);
	zl_engine_free(e);
	return doc;
}

static json_t *run_of(json_t *doc)
{
	return json_array_get(json_object_get(doc, "runs"), 0);
}

static const char *uri_of(json_t *result, const char **base)
{
	json_t *art = json_object_get(json_object_get(json_array_get(
		json_object_get(result, "locations"), 0), "physicalLocation"), "artifactLocation");

	*base = json_string_value(json_object_get(art, "uriBaseId"));
	return json_string_value(json_object_get(art, "uri"));
}

START_TEST(sarif_uris_are_encoded_references)
{
	static const char *const files[] = {
		"zones/a b.dns",               /* relative, a space */
		"/srv/audit/zones/c.dns",      /* absolute below the working directory */
		"/elsewhere/d%.dns",           /* absolute elsewhere: file: URI */
		"x:y/e.dns",                   /* a colon that would read as a scheme */
		"ldap://dc1.corp/CN=dc1,OU=Domain Controllers,DC=corp",
		"f\xc3\xbc.dns",               /* UTF-8 */
	};
	zl_model *m;
	zl_results *r = results_at(&m, files, sizeof(files) / sizeof(*files));
	zl_write_options o = { .base_dir = "/srv/audit/" };
	json_t *doc = sarif_of(r, &o), *results = json_object_get(run_of(doc), "results");
	const char *base, *uri;

	ck_assert_uint_eq(json_array_size(results), 12);
	/* Sorted by file: "/elsewhere...", "/srv...", "f\xc3\xbc", "ldap:", "x:y", "zones/". */
	uri = uri_of(json_array_get(results, 0), &base);
	ck_assert_str_eq(uri, "file:///elsewhere/d%25.dns");
	ck_assert_ptr_null(base);
	uri = uri_of(json_array_get(results, 2), &base);
	ck_assert_str_eq(uri, "zones/c.dns");
	ck_assert_str_eq(base, "%SRCROOT%");
	uri = uri_of(json_array_get(results, 4), &base);
	ck_assert_str_eq(uri, "f%C3%BC.dns");
	uri = uri_of(json_array_get(results, 6), &base);
	ck_assert_str_eq(uri, "ldap://dc1.corp/CN=dc1,OU=Domain%20Controllers,DC=corp");
	ck_assert_ptr_null(base);
	uri = uri_of(json_array_get(results, 8), &base);
	ck_assert_str_eq(uri, "./x:y/e.dns");
	uri = uri_of(json_array_get(results, 10), &base);
	ck_assert_str_eq(uri, "zones/a%20b.dns");
	ck_assert_str_eq(base, "%SRCROOT%");
	json_decref(doc);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(sarif_results_point_at_their_rules)
{
	static const char *const files[] = { "z.dns" };
	zl_model *m;
	zl_results *r = results_at(&m, files, 1);
	json_t *doc = sarif_of(r, NULL), *run = run_of(doc);
	json_t *rules = json_object_get(json_object_get(json_object_get(run, "tool"),
	                                                "driver"), "rules");
	json_t *results = json_object_get(run, "results");

	ck_assert_str_eq(json_string_value(json_object_get(doc, "version")), "2.1.0");
	ck_assert_uint_eq(json_array_size(results), 2);
	for (size_t i = 0; i < 2; i++) {
		json_t *res = json_array_get(results, i);
		json_t *rule = json_array_get(rules, (size_t)json_integer_value(
			json_object_get(res, "ruleIndex")));
		ck_assert_str_eq(json_string_value(json_object_get(rule, "id")),
		                 json_string_value(json_object_get(res, "ruleId")));
		ck_assert_str_eq(json_string_value(json_object_get(json_object_get(res,
		                 "partialFingerprints"), "zonelint/v1")),
		                 r->findings.v[i]->fingerprint);
	}
	json_t *info = json_array_get(results, 1);
	ck_assert_str_eq(json_string_value(json_object_get(info, "level")), "note");
	json_t *region = json_object_get(json_object_get(json_array_get(
		json_object_get(info, "locations"), 0), "physicalLocation"), "region");
	/* Column 0 means "not known": SARIF gets the line alone. */
	ck_assert_int_eq(json_integer_value(json_object_get(region, "startLine")), 9);
	ck_assert_ptr_null(json_object_get(region, "startColumn"));
	/* No informationUri unless one is configured. */
	ck_assert_ptr_null(json_object_get(json_object_get(json_object_get(run, "tool"),
	                   "driver"), "informationUri"));
	json_decref(doc);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* A finding that follows from another points at it (relatedLocations);
 * JSON names its fingerprint (caused_by). */
START_TEST(sarif_and_json_name_the_cause)
{
	static const char *const files[] = { "a.dns" };
	zl_model *m;
	zl_results *r = results_at(&m, files, 1);
	zl_finding *cause = r->findings.v[0], *follower = r->findings.v[1];

	follower->cause = cause;
	ck_assert_int_eq(VEC_PUSH(cause->followers, (const zl_finding *)follower), 0);
	json_t *doc = sarif_of(r, NULL);
	json_t *results = json_object_get(run_of(doc), "results");
	ck_assert_ptr_null(json_object_get(json_array_get(results, 0), "relatedLocations"));
	json_t *rel = json_object_get(json_array_get(results, 1), "relatedLocations");
	ck_assert_uint_eq(json_array_size(rel), 1);
	json_t *loc = json_array_get(rel, 0);
	ck_assert_int_eq(json_integer_value(json_object_get(loc, "id")), 1);
	ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(json_object_get(
		loc, "physicalLocation"), "region"), "startLine")), 7);
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(loc, "message"),
	                 "text")), "follows from: bad 0 [zone-syntax]");
	json_decref(doc);

	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	ck_assert_int_eq(zl_write_json(f, r, NULL, NULL), 0);
	fclose(f);
	json_error_t err;
	json_t *j = json_loads(buf, 0, &err);
	json_t *list = json_object_get(j, "findings");
	ck_assert_ptr_null(json_object_get(json_array_get(list, 0), "caused_by"));
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(list, 1), "caused_by")),
	                 cause->fingerprint);
	json_decref(j);
	free(buf);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(sarif_rules_carry_descriptions_and_help)
{
	zl_model *m;
	zl_results *r = results_at(&m, NULL, 0);
	zl_write_options o = { .info_uri = "https://zonelint.test/" };
	json_t *doc = sarif_of(r, &o);
	json_t *driver = json_object_get(json_object_get(run_of(doc), "tool"), "driver");
	json_t *rules = json_object_get(driver, "rules");
	zl_engine *e = zl_engine_new();

	ck_assert_str_eq(json_string_value(json_object_get(driver, "informationUri")),
	                 "https://zonelint.test/");
	ck_assert_uint_eq(json_array_size(rules), zl_engine_rule_count(e));
	for (size_t i = 0; i < zl_engine_rule_count(e); i++) {
		const zl_rule *want = zl_engine_rule(e, i);
		json_t *rule = json_array_get(rules, i);
		ck_assert_str_eq(json_string_value(json_object_get(rule, "id")), want->id);
		ck_assert_str_eq(json_string_value(json_object_get(json_object_get(rule,
		                 "help"), "text")), want->explanation);
		ck_assert_str_eq(json_string_value(json_object_get(json_object_get(rule,
		                 "shortDescription"), "text")), want->summary);
		const char *full = json_string_value(json_object_get(json_object_get(rule,
		                                     "fullDescription"), "text"));
		ck_assert_ptr_null(strchr(full, '\n'));
		ck_assert_int_eq(strncmp(full, want->explanation, 20), 0);
	}
	zl_engine_free(e);
	json_decref(doc);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

static char *text_of(const zl_results *r, bool color)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	zl_write_options o = { .color = color };

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(zl_write_text(f, r, NULL, &o), 0);
	fclose(f);
	return buf;
}

START_TEST(color_marks_severity_and_rule_only)
{
	static const char *const files[] = { "z.dns" };
	zl_model *m;
	zl_results *r = results_at(&m, files, 1);
	char *plain = text_of(r, false), *color = text_of(r, true);

	ck_assert_str_eq(plain, "z.dns:7:3: error: bad 0 [zone-syntax]\n"
	                 "z.dns:9:0: info: wins 0 [zone-windows-type]\n");
	ck_assert_str_eq(color, "z.dns:7:3: \033[01;31merror\033[m: bad 0 "
	                 "\033[01;31m[zone-syntax]\033[m\n"
	                 "z.dns:9:0: \033[01;36minfo\033[m: wins 0 "
	                 "\033[01;36m[zone-windows-type]\033[m\n");
	free(plain);
	free(color);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(rule_list_json_has_every_rule)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	zl_engine *e = zl_engine_new();
	json_error_t err;

	ck_assert_int_eq(zl_write_rules_json(f, e), 0);
	fclose(f);
	json_t *list = json_loads(buf, 0, &err);
	ck_assert_msg(list != NULL, "invalid JSON: %s", err.text);
	ck_assert_uint_eq(json_array_size(list), zl_engine_rule_count(e));
	json_t *first = json_array_get(list, 0);
	ck_assert_str_eq(json_string_value(json_object_get(first, "id")),
	                 zl_engine_rule(e, 0)->id);
	ck_assert_uint_eq(json_object_size(first), 4);
	ck_assert_ptr_nonnull(json_string_value(json_object_get(first, "severity")));
	json_decref(list);
	zl_engine_free(e);
	free(buf);
}
END_TEST

Suite *sarif_suite(void)
{
	Suite *s = suite_create("sarif");
	TCase *tc = tcase_create("sarif");

	tcase_add_test(tc, sarif_uris_are_encoded_references);
	tcase_add_test(tc, sarif_results_point_at_their_rules);
	tcase_add_test(tc, sarif_rules_carry_descriptions_and_help);
	tcase_add_test(tc, sarif_and_json_name_the_cause);
	tcase_add_test(tc, color_marks_severity_and_rule_only);
	tcase_add_test(tc, rule_list_json_has_every_rule);
	suite_add_tcase(s, tc);
	return s;
}
