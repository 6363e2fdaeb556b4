/* Shared helpers for the unit tests: small models built in code. */
#ifndef ZL_TEST_HELPERS_H
#define ZL_TEST_HELPERS_H

#include <check.h>

#include "engine.h"
#include "model_int.h"

#define LOC(l, c) ((zl_location){ "forest.yaml", (l), (c) })

/* Interns or fails the test. */
const zl_name *t_name(zl_model *m, const char *text);
/* A DNS server with one address ("10.0.0.1/24"). */
zl_server *t_server(zl_model *m, const char *name, const char *prefix);
zl_zone *t_zone(zl_model *m, const char *name, zl_storage storage);
/* Adds a record parsed from "owner type rdata" through the zone loader's
 * converter; `line` is its line. */
void t_record(zl_model *m, zl_view *v, unsigned line, const char *text);

/* Runs only rule `id` over m (every other rule off). */
zl_results *t_run_rule(const zl_model *m, const char *id);
/* The kind of source problem the built-in rule `id` surfaces (its
 * descriptor's `source`); fails the test when it surfaces none. */
zl_source_problem t_source(const char *id);
/* Findings of a result with this rule id. */
size_t t_count(const zl_results *r, const char *rule);
const zl_finding *t_finding(const zl_results *r, size_t i);

/* Compares multi-line text line by line, failing on the first difference
 * (Check cannot print long strings whole). */
#define t_assert_lines(got, want) t_assert_lines_at(__FILE__, __LINE__, got, want)
void t_assert_lines_at(const char *file, int line, const char *got, const char *want);

#endif
