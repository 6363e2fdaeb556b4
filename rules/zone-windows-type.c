/* zone-windows-type: a Windows-only record type, skipped. */
#include <zonelint/zonelint.h>

static int check(const zl_model *m, zl_report *r)
{
	zl_report_problems(r, m);
	return 0;
}

const zl_rule zl_rule_zone_windows_type = {
	.id = "zone-windows-type",
	.pack = "zone",
	.severity = ZL_SEVERITY_INFO,
	.summary = "a Windows-only record type was skipped",
	.explanation =
	"Windows DNS Server writes WINS and WINSR records (WINS lookup for the zone)\n"
	"into its exports.  They are no standard record types: other servers and\n"
	"zone checkers reject them.  zonelint skips each one and says so, so a\n"
	"Windows export loads as it is.\n"
	"\n"
	"Example:\n"
	"  zones/corp.dns:20:1: info: WINS record skipped ... [zone-windows-type]\n"
	"\n"
	"Fix: nothing to do for zonelint.  Before moving the zone to a non-Windows\n"
	"server, clear \"Use WINS forward lookup\" on the zone's WINS tab.",
	.check = check,
	.source = ZL_SOURCE_ZONE_WINDOWS_TYPE,
};
