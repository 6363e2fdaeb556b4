#!/bin/sh
# --baseline and --quiet from the command line: a report used as its own
# baseline hides everything (and -q then prints nothing at all); lines and
# messages may change; repeats are counted; what is new stays; a broken
# input still exits 2; a bad baseline is a usage error naming the file.
# Usage: tests/tools/baseline.sh BINARY
suite=baseline bin=$1
. "$(dirname "$0")/lib.sh"
inv=zones-samples/event-6702/forest.yaml
z() { "$bin" --date $date "$@"; }

z -f json $inv >"$tmp/base.json"
n=$($py -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$tmp/base.json")
check "the sample has findings to hide ($n)" test "$n" -gt 10

z --baseline "$tmp/base.json" $inv >"$tmp/out" 2>"$tmp/err"
rc=$?
check "own baseline: exit 0 (was 1)" test $rc = 0
check "own baseline: no finding printed" test ! -s "$tmp/out"
check "own baseline: the summary counts $n suppressed" grep -q "^zonelint: 0 errors, 0 warnings, 0 info, $n suppressed;" "$tmp/err"

z -q --baseline "$tmp/base.json" $inv >"$tmp/out" 2>"$tmp/err"
check "-q, own baseline: nothing on stdout or stderr" sh -c "test ! -s '$tmp/out' && test ! -s '$tmp/err'"
z -q $inv >"$tmp/out" 2>"$tmp/err"
check "-q with findings: still prints them" grep -q '\[single-label-self-zone\]$' "$tmp/out"

z -f json --baseline "$tmp/base.json" $inv >"$tmp/b.json"
check "json: valid, no findings, summary.suppressed = $n" $py -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["findings"] == [] and d["summary"]["suppressed"] == int(sys.argv[2]), d["summary"]
assert d["summary"]["error"] == d["summary"]["warning"] == d["summary"]["info"] == 0' "$tmp/b.json" "$n"
z -f sarif --baseline "$tmp/base.json" $inv >"$tmp/b.sarif"
check "sarif: no results" $py -c '
import json, sys
assert json.load(open(sys.argv[1]))["runs"][0]["results"] == []' "$tmp/b.sarif"

# Other lines, other words, another severity: the same findings.
$py - "$tmp/base.json" "$tmp/edited.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for f in d["findings"]:
    f["line"] += 7
    f["column"] = 0
    f["message"] = "reworded: " + f["message"][::-1]
    f["severity"] = "info"
json.dump(d, open(sys.argv[2], "w"))
PY
z --baseline "$tmp/edited.json" $inv >"$tmp/out" 2>"$tmp/err"
check "moved and reworded baseline: still hides all $n" grep -q " $n suppressed;" "$tmp/err"

# Repeats: the baseline has the stale record once, the forest now twice.
cp -R zones-samples/event-6702 "$tmp/f"
z -f json "$tmp/f/forest.yaml" >"$tmp/once.json"
printf 'dc1\t1200\tA\t10.0.0.9\r\n' >>"$tmp/f/zones/dc2/corp.dns"
z --baseline "$tmp/once.json" "$tmp/f/forest.yaml" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "a second stale copy: shown once, at its own line" \
	sh -c "test \$(grep -c 'partner-stale-address\]\$' '$tmp/out') = 1 &&
	       grep -q 'zones/dc2/corp.dns:89:1: error: stale A record' '$tmp/out'"
check "a second stale copy: exit 1" test $rc = 1

# Input that cannot be used exits 2 even when the baseline hides it.
broken=tests/e2e/inputs/broken-zone/forest.yaml
z -f json $broken >"$tmp/broken.json"
z -q --baseline "$tmp/broken.json" $broken >/dev/null 2>&1
check "broken input hidden by a baseline: still exit 2" test $? = 2

# Baselines that are not usable: exit 2, the file named, nothing linted.
bad() {
	z --baseline "$1" $inv >"$tmp/out" 2>"$tmp/err"
	rc=$?
	check "$2: exit 2" test $rc = 2
	check "$2: says why" grep -qF "zonelint: $3" "$tmp/err"
	check "$2: prints no report" test ! -s "$tmp/out"
}
bad "$tmp/none.json" "missing baseline" "cannot read baseline $tmp/none.json: No such file"
printf '{"schema": 1, "findings": [' >"$tmp/cut.json"
bad "$tmp/cut.json" "truncated baseline" "baseline $tmp/cut.json:1:"
bad "$tmp/b.sarif" "a SARIF log as baseline" "baseline $tmp/b.sarif is not a zonelint JSON report"
finish
