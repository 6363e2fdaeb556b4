/*
 * eol-os: a server whose Windows Server version is past Microsoft's end of
 * extended support on the audit date.  Dates: Microsoft lifecycle policy.
 */
#include "lib/eol.h"

static int check(const zl_model *m, zl_report *r)
{
	int64_t today = zl_model_audit_date(m) / 86400;

	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		const zl_server *s = zl_model_server(m, i);
		const eol_lifecycle *l = eol_find(zl_server_os(s));
		/* Past its end from the day after the end date. */
		if (!l || today <= l->end_day)
			continue;
		zl_finding *f = zl_report_add(r, zl_server_os_location(s),
			"%s runs %s, out of extended support since %s",
			zl_name_text(zl_server_name(s)), l->product, l->end);
		zl_finding_server(f, zl_server_name(s));
		zl_finding_data(f, l->os);
		zl_finding_fix(f, "move the DNS and DC roles of %s to a supported Windows "
		               "Server version and retire it",
		               zl_name_text(zl_server_name(s)));
	}
	eol_not_checked(m, r);
	return 0;
}

const zl_rule zl_rule_eol_os = {
	.id = "eol-os",
	.pack = "ad",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "a server's os is past Microsoft's end of extended support on the "
	           "audit date",
	.explanation =
	"A DC or DNS server past its end of extended support gets no security\n"
	"fixes, and old DNS servers carry old bugs: event 6702 itself is a Windows\n"
	"Server 2003 problem.  End of extended support: 2003/2003 R2 2015-07-14;\n"
	"2008/2008 R2 2020-01-14; 2012/2012 R2 2023-10-10; 2016 2027-01-12; 2019\n"
	"2029-01-09; 2022 2031-10-14; 2025 2034-11-14.  A server is flagged from\n"
	"the day after; eol-os-soon warns in the 180 days before.  samba and other\n"
	"are never flagged.  --date sets the audit date (default: today, UTC).\n"
	"\n"
	"Example:\n"
	"  forest.yaml:9:9: warning: dc1.corp. runs Windows Server 2003, out of\n"
	"  extended support since 2015-07-14 [eol-os]\n"
	"\n"
	"Fix: move the server's roles to a supported version and retire it.",
	.check = check,
	.tags = ZL_TAG_END_OF_SUPPORT,
};
