/*
 * rules/eol-common.h - Microsoft's end of extended support for each
 * inventory `os` value, shared by eol-os (past it) and eol-os-soon (within
 * 180 days of it): one table, so the two rules never disagree on a date.
 * Dates: Microsoft lifecycle policy (Fixed Lifecycle, extended support).
 */
#ifndef ZL_RULES_EOL_COMMON_H
#define ZL_RULES_EOL_COMMON_H

#include <string.h>

#include <zonelint/zonelint.h>

typedef struct eol_lifecycle {
	const char *os;           /* inventory `os` value */
	const char *product;
	const char *end;          /* last day of extended support */
	int64_t end_day;          /* the same, in days since 1970-01-01 */
} eol_lifecycle;

static const eol_lifecycle eol_table[] = {
	{ "windows-server-2003", "Windows Server 2003", "2015-07-14", 16630 },
	{ "windows-server-2003-r2", "Windows Server 2003 R2", "2015-07-14", 16630 },
	{ "windows-server-2008", "Windows Server 2008", "2020-01-14", 18275 },
	{ "windows-server-2008-r2", "Windows Server 2008 R2", "2020-01-14", 18275 },
	{ "windows-server-2012", "Windows Server 2012", "2023-10-10", 19640 },
	{ "windows-server-2012-r2", "Windows Server 2012 R2", "2023-10-10", 19640 },
	{ "windows-server-2016", "Windows Server 2016", "2027-01-12", 20830 },
	{ "windows-server-2019", "Windows Server 2019", "2029-01-09", 21558 },
	{ "windows-server-2022", "Windows Server 2022", "2031-10-14", 22566 },
	{ "windows-server-2025", "Windows Server 2025", "2034-11-14", 23693 },
	/* samba, other: no end date, never flagged. */
};

/* The lifecycle of an `os` value, NULL when it has no end date. */
static inline const eol_lifecycle *eol_find(const char *os)
{
	for (size_t i = 0; os && i < sizeof(eol_table) / sizeof(*eol_table); i++)
		if (strcmp(eol_table[i].os, os) == 0)
			return &eol_table[i];
	return NULL;
}

/* Servers without `os`: neither rule guesses their version (SPEC: unknown
 * data goes to not_checked). */
static inline void eol_not_checked(const zl_model *m, zl_report *r)
{
	size_t unknown = 0;

	for (size_t i = 0; i < zl_model_server_count(m); i++)
		if (!zl_server_os(zl_model_server(m, i)))
			unknown++;
	zl_report_not_checked(r, "no os in the inventory", unknown);
}

#endif
