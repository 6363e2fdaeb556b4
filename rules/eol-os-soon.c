/*
 * eol-os-soon: a server whose Windows Server version reaches Microsoft's
 * end of extended support within 180 days of the audit date: time to plan
 * the migration before eol-os fires.  Dates: Microsoft lifecycle policy.
 */
#include "lib/eol.h"

/* Half a year: the lead time a DC migration (new hardware, promotion,
 * FSMO and DNS moves) usually needs. */
#define SOON_DAYS 180

static int check(const zl_model *m, zl_report *r)
{
	int64_t today = zl_model_audit_date(m) / 86400;

	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		const zl_server *s = zl_model_server(m, i);
		const eol_lifecycle *l = eol_find(zl_server_os(s));
		/* 0 <= end - today <= 180: the end day itself still counts. */
		if (!l || l->end_day < today || l->end_day - today > SOON_DAYS)
			continue;
		int64_t left = l->end_day - today;
		zl_finding *f = zl_report_add(r, zl_server_os_location(s),
			"%s runs %s, whose extended support ends on %s, in %lld day%s",
			zl_name_text(zl_server_name(s)), l->product, l->end,
			(long long)left, left == 1 ? "" : "s");
		zl_finding_server(f, zl_server_name(s));
		zl_finding_data(f, l->os);
		zl_finding_fix(f, "plan the move of the DNS and DC roles of %s to a "
		               "supported Windows Server version before %s",
		               zl_name_text(zl_server_name(s)), l->end);
	}
	eol_not_checked(m, r);
	return 0;
}

const zl_rule zl_rule_eol_os_soon = {
	.id = "eol-os-soon",
	.pack = "ad",
	.severity = ZL_SEVERITY_INFO,
	.summary = "a server's os reaches Microsoft's end of extended support within "
	           "180 days of the audit date",
	.explanation =
	"The warning before eol-os: a server whose Windows Server version leaves\n"
	"extended support within 180 days (end date minus audit date from 0 to\n"
	"180 days, the end date itself included).  Replacing a DC takes planning:\n"
	"new hardware or VM, promotion, moving the FSMO roles, the global catalog\n"
	"and DNS, demotion.  Dates as for eol-os: 2016 2027-01-12, 2019\n"
	"2029-01-09, 2022 2031-10-14, 2025 2034-11-14.  A server without `os` is\n"
	"not checked (summary.not_checked says how many).\n"
	"\n"
	"Example (--date 2026-12-03):\n"
	"  forest.yaml:9:9: info: dc1.corp. runs Windows Server 2016, whose\n"
	"  extended support ends on 2027-01-12, in 40 days [eol-os-soon]\n"
	"\n"
	"Fix: plan the migration to a supported version now.",
	.check = check,
};
