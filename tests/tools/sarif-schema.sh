#!/bin/sh
# SARIF: every sample forest's --format sarif log is valid SARIF 2.1.0 by
# two validators: python3-jsonschema against the schema Microsoft ships in
# the npm package @microsoft/sarif-multitool (formats checked too), and
# that package's own `Sarif.Multitool validate` (schema and SARIF rules;
# no error, no warning); it says what the JSON report says, and has proper
# relative artifact URIs.  The package, pinned in tests/tools/sarif/
# package-lock.json, is installed into build/sarif-node/ (not committed);
# its Linux build is a .NET program that needs ICU (Debian's libicu72).
# Anything missing is a failure, not a skip.
# Usage: tests/tools/sarif-schema.sh BINARY
suite=sarif-schema bin=$1
. "$(dirname "$0")/lib.sh"
nodedir=$top/build/sarif-node
pkg=$nodedir/node_modules/@microsoft/sarif-multitool-linux
multitool=$pkg/Sarif.Multitool
schema=$pkg/sarif-2.1.0.json

# npm ci only when the pinned versions changed since the last install.
install_multitool() {
	command -v npm >/dev/null 2>&1 || scripts/install-deps.sh nodejs npm || return 1
	scripts/install-deps.sh libicu72 || return 1
	if ! cmp -s tests/tools/sarif/package-lock.json "$nodedir/package-lock.json" ||
	   [ ! -x "$multitool" ]; then
		mkdir -p "$nodedir"
		cp tests/tools/sarif/package.json tests/tools/sarif/package-lock.json "$nodedir/"
		(cd "$nodedir" && npm ci --no-audit --no-fund --loglevel=error) ||
			{ rm -f "$nodedir/package-lock.json"; return 1; }
	fi
	[ -x "$multitool" ] && [ -f "$schema" ]
}
if install_multitool >"$tmp/install.log" 2>&1; then
	ok "$("$multitool" --version 2>&1 | head -1 | cut -d+ -f1) in build/sarif-node"
else
	not_ok "Sarif.Multitool and its schema installed from npm (the registry must be reachable)" \
		"$(tail -20 "$tmp/install.log")"
	finish
	exit 1
fi

# Every log that must be valid, for one Sarif.Multitool run at the end
# (it takes seconds to start).
logs=""
valid() {
	logs="$logs $2"
	check "$1" $py "$check_py" schema "$schema" "$2"
}

"$bin" --list-rules -f json >"$tmp/rules.json"
for inv in $samples; do
	name=$(basename "$(dirname "$inv")")
	"$bin" --date $date -f sarif "$inv" >"$tmp/$name.sarif"
	sarif_rc=$?
	"$bin" --date $date -f json "$inv" >"$tmp/$name.json"
	json_rc=$?
	valid "$name: valid SARIF 2.1.0" "$tmp/$name.sarif"
	check "$name: results match the JSON report" \
		$py "$check_py" sarif-vs-json "$tmp/$name.sarif" "$tmp/$name.json" "$tmp/rules.json"
	check "$name: exit code $sarif_rc as with json" test "$sarif_rc" = "$json_rc"
done

"$bin" -f sarif -z corp zones-samples/event-6702/zones/corp.dns >"$tmp/z.sarif"
valid "-z mode: valid SARIF 2.1.0" "$tmp/z.sarif"

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
valid "spaces: valid relative URI references" "$tmp/rel.sarif"
check "spaces: percent-encoded" grep -q '"uri": "dir%20with%20space/forest.yaml"' "$tmp/rel.sarif"
"$bin" --date $date -f sarif "$tmp/dir with space/forest.yaml" >"$tmp/file.sarif"
valid "outside the working directory: valid file: URIs" "$tmp/file.sarif"
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
	valid "plugin: valid SARIF 2.1.0" "$tmp/plugin.sarif"
	check "plugin: its rule comes first in tool.driver.rules" $py -c '
import json, sys
r = json.load(open(sys.argv[1]))["runs"][0]["tool"]["driver"]["rules"][0]
assert r["id"] == "aaa-from-a-plugin" and r["properties"]["pack"] == "tools", r
assert r["fullDescription"]["text"] == "It is listed.", r' "$tmp/plugin.sarif"
else
	not_ok "plugin: builds" "$(cat "$tmp/cc.log")"
fi

# The validators can say no: an unknown level, a URI with a raw space, a
# property the schema does not define.
$py "$check_py" mutate "$tmp/event-6702.sarif" "$tmp/bad1.sarif" /runs/0/results/0/level '"info"'
check "control: level info is refused" $py "$check_py" invalid "$schema" "$tmp/bad1.sarif"
$py "$check_py" mutate "$tmp/event-6702.sarif" "$tmp/bad2.sarif" \
	/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri '"a b"'
check "control: a raw space in a URI is refused" $py "$check_py" invalid "$schema" "$tmp/bad2.sarif"
$py "$check_py" mutate "$tmp/event-6702.sarif" "$tmp/bad3.sarif" /runs/0/bogus '1'
check "control: an unknown property is refused" $py "$check_py" invalid "$schema" "$tmp/bad3.sarif"

# Microsoft's validator on every log above and the controls, in one run.
# shellcheck disable=SC2086
"$multitool" validate $logs "$tmp/bad2.sarif" "$tmp/bad3.sarif" -j "$schema" \
	-o "$tmp/multitool.sarif" >"$tmp/multitool.out" 2>&1
n=$(($(echo $logs | wc -w) + 2))
if grep -q "^Done. $n files scanned.\$" "$tmp/multitool.out"; then
	ok "Sarif.Multitool validate: ran on all $n logs"
else
	not_ok "Sarif.Multitool validate: ran on all $n logs" "$(cat "$tmp/multitool.out")"
fi
for f in $logs; do
	check "Sarif.Multitool: $(basename "$f") has no error or warning" \
		$py "$check_py" multitool-clean "$tmp/multitool.sarif" "$f"
done
check "Sarif.Multitool control: a raw space in a URI is refused (SARIF1002)" \
	$py "$check_py" multitool-refuses "$tmp/multitool.sarif" "$tmp/bad2.sarif" SARIF1002
check "Sarif.Multitool control: an unknown property is refused (JSON1005)" \
	$py "$check_py" multitool-refuses "$tmp/multitool.sarif" "$tmp/bad3.sarif" JSON1005
finish
