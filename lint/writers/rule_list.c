/* lint/writers/rule_list.c - the rule registry as --list-rules prints it. */
#include "writers.h"

#include <jansson.h>

int zl_write_rules_text(FILE *out, const zl_engine *e)
{
	if (fprintf(out, "%-32s %-8s %-8s %s\n", "RULE", "PACK", "DEFAULT", "SUMMARY") < 0)
		return -1;
	for (size_t i = 0; i < zl_engine_rule_count(e); i++) {
		const zl_rule *r = zl_engine_rule(e, i);
		if (fprintf(out, "%-32s %-8s %-8s %s\n", r->id, r->pack,
		            zl_severity_name(r->severity), r->summary) < 0)
			return -1;
	}
	return 0;
}

int zl_write_rules_json(FILE *out, const zl_engine *e)
{
	json_t *list = json_array();
	int rc = -1;

	if (!list)
		return -1;
	for (size_t i = 0; i < zl_engine_rule_count(e); i++) {
		const zl_rule *r = zl_engine_rule(e, i);
		json_t *o = json_pack("{s:s, s:s, s:s, s:s}", "id", r->id, "pack", r->pack,
		                      "severity", zl_severity_name(r->severity),
		                      "summary", r->summary);
		if (json_array_append_new(list, o) != 0)
			goto done;
	}
	if (json_dumpf(list, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0 &&
	    fputc('\n', out) != EOF)
		rc = 0;
done:
	json_decref(list);
	return rc;
}
