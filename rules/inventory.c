/* inventory: what the inventory loader found wrong with the YAML. */
#include <zonelint/zonelint.h>

static int check(const zl_model *m, zl_report *r)
{
	zl_report_problems(r, m);
	return 0;
}

const zl_rule zl_rule_inventory = {
	.id = "inventory",
	.pack = "ad",
	.severity = ZL_SEVERITY_ERROR,
	.summary = "the inventory is malformed: bad YAML, unknown key, bad address, "
	           "unknown server named in a list, duplicate name",
	.explanation =
	"zonelint trusts the inventory to say which servers exist, what their\n"
	"addresses are and which zones they host; a typo there would silently hide\n"
	"real faults, so every key is checked.  Each problem is reported at its YAML\n"
	"line and column, and the rest of the inventory still loads.\n"
	"\n"
	"Example:\n"
	"  forest.yaml:7:5: error: unknown key 'adresses' in server; expected one of: ...\n"
	"\n"
	"Fix: correct the inventory at the given line.  An unknown `os` value is a\n"
	"warning; every other inventory error makes the exit code 2.",
	.check = check,
	.source = ZL_SOURCE_INVENTORY,
};
