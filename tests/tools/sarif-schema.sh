#!/bin/sh
# SARIF: every sample forest's --format sarif log is valid against the
# OASIS SARIF 2.1.0 schema (../shared/schemas, formats checked too), says
# what the JSON report says, and has proper relative artifact URIs.
# Usage: tests/tools/sarif-schema.sh BINARY
suite=sarif-schema bin=$1
. "$(dirname "$0")/lib.sh"
schema=${SARIF_SCHEMA:-$top/../shared/schemas/sarif-schema-2.1.0.json}

"$bin" --list-rules -f json >"$tmp/rules.json"
for inv in $samples; do
	name=$(basename "$(dirname "$inv")")
	"$bin" --date $date -f sarif "$inv" >"$tmp/$name.sarif"
	sarif_rc=$?
	"$bin" --date $date -f json "$inv" >"$tmp/$name.json"
	json_rc=$?
	check "$name: valid SARIF 2.1.0" $py "$check_py" schema "$schema" "$tmp/$name.sarif"
	check "$name: results match the JSON report" \
		$py "$check_py" sarif-vs-json "$tmp/$name.sarif" "$tmp/$name.json" "$tmp/rules.json"
	check "$name: exit code $sarif_rc as with json" test "$sarif_rc" = "$json_rc"
done

"$bin" -f sarif -z corp zones-samples/event-6702/zones/corp.dns >"$tmp/z.sarif"
check "-z mode: valid SARIF 2.1.0" $py "$check_py" schema "$schema" "$tmp/z.sarif"

# The same forest by an absolute path below the working directory: the
# URIs are still relative, so the log is the same.
"$bin" --date $date -f sarif "$top/zones-samples/event-6702/forest.yaml" >"$tmp/abs.sarif"
same "absolute path below the working directory gives relative URIs" \
	"$tmp/event-6702.sarif" "$tmp/abs.sarif"
"$bin" --date $date -f sarif zones-samples/event-6702/forest.yaml >"$tmp/again.sarif"
same "two runs give the same bytes" "$tmp/event-6702.sarif" "$tmp/again.sarif"

# A folder with a space, seen from inside $tmp (relative) and from here
# (absolute, outside the working directory: file: URIs).
mkdir -p "$tmp/dir with space"
cp -R zones-samples/event-6702/. "$tmp/dir with space/"
(cd "$tmp" && "$bin" --date $date -f sarif "dir with space/forest.yaml" >rel.sarif)
check "spaces: valid relative URI references" $py "$check_py" schema "$schema" "$tmp/rel.sarif"
check "spaces: percent-encoded" grep -q '"uri": "dir%20with%20space/forest.yaml"' "$tmp/rel.sarif"
"$bin" --date $date -f sarif "$tmp/dir with space/forest.yaml" >"$tmp/file.sarif"
check "outside the working directory: valid file: URIs" \
	$py "$check_py" schema "$schema" "$tmp/file.sarif"
check "outside the working directory: file:///...%20..." \
	grep -q "\"uri\": \"file://$tmp/dir%20with%20space/forest.yaml\"" "$tmp/file.sarif"

# A plugin's rules are in tool.driver.rules too, in id order.
cat >"$tmp/plugin.c" <<'C'
#include <zonelint/zonelint.h>
static int check(const zl_model *m, zl_report *r) { (void)m; (void)r; return 0; }
static const zl_rule rule = { "aaa-from-a-plugin", "tools", ZL_SEVERITY_WARNING,
	"a rule from a plugin", "It is listed.\n\nNothing else.", check };
static const zl_rule *const rules[] = { &rule };
const zl_rule *const *zonelint_plugin_rules(unsigned *abi, size_t *n)
{
	*abi = ZL_ABI_VERSION;
	*n = 1;
	return rules;
}
C
if ${CC:-cc} -std=c11 -fPIC -shared -Iinclude -o "$tmp/plugin.so" "$tmp/plugin.c" 2>"$tmp/cc.log"; then
	"$bin" --date $date --plugin "$tmp/plugin.so" -f sarif zones-samples/event-6702/forest.yaml \
		>"$tmp/plugin.sarif"
	check "plugin: valid SARIF 2.1.0" $py "$check_py" schema "$schema" "$tmp/plugin.sarif"
	check "plugin: its rule comes first in tool.driver.rules" $py -c '
import json, sys
r = json.load(open(sys.argv[1]))["runs"][0]["tool"]["driver"]["rules"][0]
assert r["id"] == "aaa-from-a-plugin" and r["properties"]["pack"] == "tools", r
assert r["fullDescription"]["text"] == "It is listed.", r' "$tmp/plugin.sarif"
else
	not_ok "plugin: builds" "$(cat "$tmp/cc.log")"
fi

# The validator can say no: an unknown level, a URI with a raw space.
$py "$check_py" mutate "$tmp/event-6702.sarif" "$tmp/bad1.sarif" /runs/0/results/0/level '"info"'
check "control: level info is refused" $py "$check_py" invalid "$schema" "$tmp/bad1.sarif"
$py "$check_py" mutate "$tmp/event-6702.sarif" "$tmp/bad2.sarif" \
	/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri '"a b"'
check "control: a raw space in a URI is refused" $py "$check_py" invalid "$schema" "$tmp/bad2.sarif"
finish
