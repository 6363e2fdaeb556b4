/* zone-syntax: a zone file, or part of one, that does not parse. */
#include <zonelint/zonelint.h>

static int check(const zl_model *m, zl_report *r)
{
	zl_report_problems(r, m);
	return 0;
}

const zl_rule zl_rule_zone_syntax = {
	.id = "zone-syntax",
	.pack = "zone",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "the file does not parse (line and column of the fault)",
	.explanation =
	"A record that does not parse is a record the DNS server would not load\n"
	"either (RFC 1035 5.1 master file format).  zonelint reports it at its line,\n"
	"skips it, and goes on with the rest of the file and every other file, so\n"
	"one bad line never hides the rest of the audit; the exit code is then 2.\n"
	"Windows exports load as they are: [AGE:N] stamps, CRLF, blank owners and\n"
	"WINS records are not errors.  A Windows update log (.dns.log, with\n"
	"$SOURCE/$VERSION/$ADD/$DELETE lines) is refused rather than guessed at.\n"
	"\n"
	"Example:\n"
	"  zones/corp.dns:14:1: error: ... [zone-syntax]\n"
	"\n"
	"Fix: correct the line, or export the zone again (dnscmd /ZoneExport).",
	.check = check,
	.source = ZL_SOURCE_ZONE_SYNTAX,
};
