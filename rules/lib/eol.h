/*
 * rules/lib/eol.h - Microsoft's end of extended support for each
 * inventory `os` value, shared by eol-os (past it) and eol-os-soon (within
 * 180 days of it): one table, so the two rules never disagree on a date.
 * Dates: Microsoft lifecycle policy (Fixed Lifecycle, extended support).
 */
#ifndef ZL_RULES_LIB_EOL_H
#define ZL_RULES_LIB_EOL_H

#include <string.h>

#include <zonelint/zonelint.h>

typedef struct eol_lifecycle {
	const char *os;           /* inventory `os` value */
	const char *product;
	const char *end;          /* last day of extended support */
	int64_t end_day;          /* the same, in days since 1970-01-01 */
} eol_lifecycle;

/* The lifecycle of an `os` value, NULL when it has no end date. */
const eol_lifecycle *eol_find(const char *os);

/* Servers without `os`: neither rule guesses their version (SPEC: unknown
 * data goes to not_checked). */
void eol_not_checked(const zl_model *m, zl_report *r);

#endif
