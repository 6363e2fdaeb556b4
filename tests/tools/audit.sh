#!/bin/sh
# The nightly audit of docs/audit.md, run for real: the crontab line and
# the systemd service's commands, with their paths pointed at a copy of a
# sample forest.  On a night with nothing new they print nothing; after a
# stale record appears (and other records move down) they print that one
# finding; the JSON report is kept either way.
# Usage: tests/tools/audit.sh BINARY
suite=audit bin=$1
. "$(dirname "$0")/lib.sh"
etc="$tmp/etc"
state="$tmp/state"
mkdir -p "$etc" "$state"
cp -R zones-samples/event-6702-fixed/. "$etc/"

# The doc's paths, pointed into $tmp.
localize() {
	sed -e "s#/usr/local/bin/zonelint#$bin#g" -e "s#/etc/zonelint#$etc#g" \
	    -e "s#/var/lib/zonelint#$state#g"
}
accept() {
	"$bin" --fail-on never -f json -o "$state/baseline.json" "$etc/forest.yaml"
}
# dc2's copy gets a stale A record for dc1; the WINS record in dc1's copy
# moves two lines down.
break_forest() {
	printf 'dc1\t1200\tA\t10.0.0.9\r\n' >>"$etc/zones/dc2/corp.dns"
	{ printf '; moved\r\n; down\r\n'; cat "$etc/zones/corp.dns"; } >"$tmp/corp.dns"
	mv "$tmp/corp.dns" "$etc/zones/corp.dns"
}
restore_forest() {
	rm -rf "$etc"
	mkdir -p "$etc"
	cp -R zones-samples/event-6702-fixed/. "$etc/"
}
# new_only FILE: FILE holds the new findings (the stale record and the
# repair plan it brings) and none of the accepted ones.
new_only() {
	grep -q '/zones/dc2/corp.dns:88:1: error: .*\[partner-stale-address\]$' "$1" &&
		grep -q 'forest.yaml:22:5: info: .*\[partner-repair-plan\]$' "$1" &&
		! grep -q -e '\[zone-windows-type\]' -e '\[single-label-domain\]' "$1" &&
		grep -q ' 2 suppressed;' "$1" &&
		[ "$(grep -c -E '^[^ ].*:[0-9]+:[0-9]+: (error|warning|info): ' "$1")" = 2 ]
}

# ---- cron ---------------------------------------------------------------
line=$($py "$check_py" block docs/audit.md "/etc/cron.d/zonelint" | grep '^[0-9]')
check "docs/audit.md has a crontab line" test -n "$line"
# Fields 1-5 are the schedule, 6 the user; cron turns \% into %.
cmd=$(printf '%s\n' "$line" | cut -d' ' -f7- | sed 's/\\%/%/g' | localize)
accept
(cd "$etc" && sh -c "$cmd") >"$tmp/cron1" 2>&1
check "cron, nothing new: prints nothing" test ! -s "$tmp/cron1"
report="$state/report-$(date +%F).json"
check "cron: keeps the dated JSON report" $py "$check_py" schema docs/zonelint.schema.json "$report"
break_forest
(cd "$etc" && sh -c "$cmd") >"$tmp/cron2" 2>&1
check "cron, a new stale record: prints it alone" new_only "$tmp/cron2"

# cron's PATH is /usr/bin:/bin: every crontab line the docs show runs
# zonelint by its full path, as make install puts it.
for doc in docs/*.md; do
	for cron_line in $(awk '/^```cron/ { on = 1; next } /^```/ { on = 0 }
		on && /^[0-9*]/ { print NR }' "$doc"); do
		check "$doc:$cron_line: the crontab line runs zonelint by its full path" $py -c '
import re, sys
cmd = " ".join(open(sys.argv[1]).read().split("\n")[int(sys.argv[2]) - 1].split()[6:])
bare = re.findall(r"(?:^|[;&|{(]\s*)zonelint\b", cmd)
assert "/usr/local/bin/zonelint" in cmd and not bare, cmd' "$doc" "$cron_line"
	done
done

# ---- systemd --------------------------------------------------------------
restore_forest
rm -f "$state"/*
grep -E '^ExecStart(Pre)?=' contrib/systemd/zonelint-audit.service |
	sed -E 's/^ExecStart(Pre)?=-?//' | localize >"$tmp/service.sh"
check "the service has its three commands" test "$(wc -l <"$tmp/service.sh")" = 3
run_service() {
	(cd "$state" && while read -r c; do sh -c "$c" || exit $?; done <"$tmp/service.sh")
}
accept
run_service >"$tmp/svc1" 2>&1
rc=$?
check "service, nothing new: succeeds" test $rc = 0
check "service, nothing new: logs only the version" test "$(cat "$tmp/svc1")" = "$("$bin" --version)"
check "service: keeps the JSON report" $py "$check_py" schema docs/zonelint.schema.json "$state/report.json"
break_forest
run_service >"$tmp/svc2" 2>&1
rc=$?
check "service, a new error: fails (exit 1)" test $rc = 1
check "service, a new error: logs it alone" new_only "$tmp/svc2"
check "service: the report holds the new finding" grep -q '"partner-stale-address"' "$state/report.json"
finish
