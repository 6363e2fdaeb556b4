/*
 * tests/live/forest-tool - what tests/live/run.sh needs to know about a
 * forest, from zonelint's own library rather than a YAML parser in shell:
 *
 *   forest-tool views INVENTORY
 *       one line per zone and hosting server, tab-separated:
 *       SERVER ZONE PATH, PATH being the file that server reads the zone
 *       from (its `views` entry, else the zone's `file`), as zonelint
 *       opens it; exit 1 when the inventory has problems.
 *
 *   forest-tool findings REPORT.json
 *       the findings of a `-f json` report as comparable lines,
 *       RULE|SEVERITY|ZONE|SERVER|OWNER|MESSAGE, without file, line and
 *       column (a transfer and a file locate records differently) and with
 *       "line N" in messages written "line #"; then the summary's servers,
 *       zones, views and records.  Unsorted: the caller sorts.  Exit 1
 *       when the report has no findings at all (nothing to compare).
 *
 *   forest-tool locations REPORT.json
 *       FILE:LINE|RULE of every finding.
 */
#include <regex.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "model_int.h"
#include "sources/inventory.h"

static int views(const char *inventory)
{
	zl_model *m = zl_model_new();
	int rc = 1;

	if (!m)
		return 2;
	if (zl_inventory_load(m, inventory) == 0 && zl_model_resolve(m) == 0 &&
	    zl_model_problem_count(m) == 0) {
		for (size_t i = 0; i < zl_model_zone_count(m); i++) {
			const zl_zone *z = zl_model_zone(m, i);
			for (size_t h = 0; h < zl_zone_host_count(z); h++) {
				const zl_server *s = zl_zone_host(z, h);
				const char *path = zl_model_view_path(m, z, s);
				if (path)
					printf("%s\t%s\t%s\n", zl_name_text(zl_server_name(s)),
					       zl_name_text(zl_zone_name(z)), path);
			}
		}
		rc = 0;
	}
	for (size_t i = 0; i < zl_model_problem_count(m); i++)
		fprintf(stderr, "forest-tool: %s\n",
		        zl_problem_message(zl_model_problem(m, i)));
	zl_model_free(m);
	return rc;
}

static const char *field(json_t *f, const char *key)
{
	const char *s = json_string_value(json_object_get(f, key));

	return s ? s : "-";
}

/* The message with every "line N" as "line #". */
static void print_message(const char *msg, const regex_t *re)
{
	regmatch_t mt;

	while (regexec(re, msg, 1, &mt, 0) == 0) {
		printf("%.*sline #", (int)mt.rm_so, msg);
		msg += mt.rm_eo;
	}
	printf("%s\n", msg);
}

static json_t *load_report(const char *report)
{
	json_error_t err;
	json_t *doc = json_load_file(report, 0, &err);

	if (!doc)
		fprintf(stderr, "forest-tool: %s:%d: %s\n", report, err.line, err.text);
	return doc;
}

static int locations(const char *report)
{
	json_t *doc = load_report(report), *f;
	size_t i;

	if (!doc)
		return 2;
	json_array_foreach(json_object_get(doc, "findings"), i, f)
		printf("%s:%lld|%s\n", field(f, "file"),
		       (long long)json_integer_value(json_object_get(f, "line")),
		       field(f, "rule"));
	json_decref(doc);
	return 0;
}

static int findings(const char *report)
{
	json_t *doc = load_report(report), *f, *sum;
	regex_t re;
	size_t i;
	int rc;

	if (!doc)
		return 2;
	if (regcomp(&re, "line [0-9]+", REG_EXTENDED) != 0) {
		json_decref(doc);
		return 2;
	}
	json_array_foreach(json_object_get(doc, "findings"), i, f) {
		printf("%s|%s|%s|%s|%s|", field(f, "rule"), field(f, "severity"),
		       field(f, "zone"), field(f, "server"), field(f, "owner"));
		print_message(field(f, "message"), &re);
	}
	sum = json_object_get(doc, "summary");
	printf("~summary|servers %lld|zones %lld|views %lld|records %lld\n",
	       (long long)json_integer_value(json_object_get(sum, "servers")),
	       (long long)json_integer_value(json_object_get(sum, "zones")),
	       (long long)json_integer_value(json_object_get(sum, "views")),
	       (long long)json_integer_value(json_object_get(sum, "records")));
	rc = json_array_size(json_object_get(doc, "findings")) ? 0 : 1;
	regfree(&re);
	json_decref(doc);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "views") == 0)
		return views(argv[2]);
	if (argc == 3 && strcmp(argv[1], "findings") == 0)
		return findings(argv[2]);
	if (argc == 3 && strcmp(argv[1], "locations") == 0)
		return locations(argv[2]);
	fputs("usage: forest-tool views INVENTORY | findings|locations REPORT.json\n",
	      stderr);
	return 2;
}
