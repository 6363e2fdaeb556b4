#!/bin/sh
# --live against real DNS servers (issue 7).  Usage: tests/live/run.sh BINARY
#
# One nsd per DNS server of the replication sample forest, each on its own
# loopback address (127.0.0.2, .3, ...; all of 127/8 is local on Linux, so
# nothing is configured) and one unprivileged port, serving that server's
# own copy of each zone it hosts, with transfers allowed to 127.0.0.1.
#
#  1. The forest linted live equals the same forest linted from files.
#     Both use one generated inventory: every server has its own copy of
#     each zone (`views:`) and its `dns:` endpoint.  Compared per finding:
#     rule, severity, zone, server, owner and message ("line N" in a message
#     masked: a transfer numbers records by position, a file by line), and
#     the summary's counts.  Left out: `aged-address`, since a transfer
#     carries no Windows aging stamps (checked: the files give some, the
#     transfers none).
#  2. One server stopped, one refusing transfers, one that accepts the
#     connection and says nothing: each gives its `live-transfer` findings
#     within --timeout 2, and the other servers' copies are still linted.
#  3. Answers that are wrong on the wire (tests/live/fake-server): no SOA
#     first, cut inside a message, no closing SOA, an answer trickled so
#     slowly that it outlasts the timeout; and NOTAUTH, a server that does
#     not host the zone.
#  4. Servers that never stop sending (issue 19): an endless stream, a
#     record bomb, empty messages.  --jobs 4 against four of them ends
#     within the timeout and a bounded memory, and --max-records bounds
#     what one transfer holds.
#
# Every server is stopped at the end, whatever happened.
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
tools=$(dirname "$bin")/tests/live
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
not_ok() { fail=$((fail + 1)); echo "FAIL $1"; }
check() {     # check NAME COMMAND...: passes when COMMAND succeeds
	name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}
finish() {
	echo "live: $pass passed, $fail failed"
	[ "$fail" = 0 ]
	exit
}

tmp=$(mktemp -d)
# Stops every server this run started (nsd and fakes write their pid files
# under $tmp/run), then removes the folder.
stop_all() {
	for f in "$tmp"/run/*.pid; do
		[ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null
	done
	sleep 0.2
	for f in "$tmp"/run/*.pid; do
		[ -f "$f" ] && kill -9 "$(cat "$f")" 2>/dev/null
	done
	[ -n "${KEEP:-}" ] || rm -rf "$tmp"
}
trap stop_all EXIT
trap 'exit 1' INT TERM HUP
mkdir -p "$tmp/run" "$tmp/files" "$tmp/nsd"
cd "$top" || exit 2

if ! "$top/scripts/install-deps.sh" nsd time >"$tmp/deps.log" 2>&1; then
	cat "$tmp/deps.log"
	not_ok "nsd is installed (scripts/install-deps.sh nsd)"
	finish
fi
ok "nsd is installed"

sample=zones-samples/replication
[ -f "$sample/forest.yaml" ] || sample=zones-samples/event-6702
date=2026-11-27
# One port for every server; another run at the same time picks another.
port=$((20000 + $$ % 20000))

# ---- the forest: each server's copy of each zone ---------------------------

if ! "$tools/forest-tool" views "$sample/forest.yaml" >"$tmp/views.tsv"; then
	not_ok "the sample inventory loads ($sample/forest.yaml)"
	finish
fi
# servers.tsv: SERVER (no trailing dot) and its loopback address.
cut -f1 "$tmp/views.tsv" | sed 's/\.$//' | sort -u |
	awk '{ print $1 "\t127.0.0." NR + 1 }' >"$tmp/servers.tsv"
addr_of() { awk -v s="$1" '$1 == s { print $2 }' "$tmp/servers.tsv"; }

# A Windows export as nsd reads it: LF line ends, no [AGE:N] stamps (a
# Windows extension, RFC 1035 has none), the origin given.
to_rfc1035() {     # to_rfc1035 ZONE FILE
	printf '$ORIGIN %s\n' "$1"
	tr -d '\r' <"$2" | sed 's/\[AGE:[0-9]*\]//'
}

# nsd.conf for one server: its own address, its zones, transfers to
# 127.0.0.1 allowed (or, with `refuse`, only to a host that is not us).
nsd_conf() {     # nsd_conf SERVER [refuse]
	dir="$tmp/nsd/$1"
	allow=127.0.0.1
	[ "${2:-}" = refuse ] && allow=192.0.2.1
	cat <<EOF
server:
	ip-address: $(addr_of "$1")@$port
	port: $port
	username: ""
	chroot: ""
	zonesdir: "$dir"
	pidfile: "$tmp/run/nsd-$1.pid"
	database: ""
	zonelistfile: "$dir/zone.list"
	xfrdfile: "$dir/xfrd.state"
	xfrdir: "$dir"
	logfile: "$dir/nsd.log"
	server-count: 1
	verbosity: 1
remote-control:
	control-enable: no
EOF
	awk -F '\t' -v s="$1." -v allow="$allow" '$1 == s {
		printf "zone:\n\tname: %s\n\tzonefile: %szone\n\tprovide-xfr: %s NOKEY\n", $2, $2, allow
	}' "$tmp/views.tsv"
}

while IFS="$(printf '\t')" read -r server zone path; do
	s=${server%.}
	mkdir -p "$tmp/files/$s" "$tmp/nsd/$s"
	cp "$path" "$tmp/files/$s/${zone}dns"
	to_rfc1035 "$zone" "$path" >"$tmp/nsd/$s/${zone}zone"
	printf '%s\t%s\tfiles/%s/%sdns\n' "${zone%.}" "$s" "$s" "$zone" >>"$tmp/copies.tsv"
done <"$tmp/views.tsv"

# The inventory: the sample's, with a `dns:` endpoint for every server and,
# for every zone, each hosting server's own copy under `views:`.
awk -v servers="$tmp/servers.tsv" -v copies="$tmp/copies.tsv" -v port="$port" '
BEGIN {
	while ((getline line < servers) > 0) { split(line, f, "\t"); addr[f[1]] = f[2] }
	while ((getline line < copies) > 0) {
		split(line, f, "\t")
		if (!(f[1] in first)) first[f[1]] = f[3]
		views[f[1]] = views[f[1]] "      " f[2] ": " f[3] "\n"
	}
}
function name_of(l) { sub(/^ *- name: */, "", l); sub(/ *#.*/, "", l); sub(/\.$/, "", l); return tolower(l) }
/^[a-z_]+:/ { section = $1; skip = -1 }
skip >= 0 { match($0, /^ */); if (RLENGTH > skip || $0 ~ /^ *$/) next; skip = -1 }
section == "zones:" && /^ *(file|views):/ {
	if ($0 ~ /views:/) { match($0, /^ */); skip = RLENGTH }
	next
}
{ print }
/^ *- name:/ {
	match($0, /^ *- /); ind = sprintf("%" RLENGTH "s", "")
	n = name_of($0)
	if (section == "servers:") print ind "dns: " addr[n] ":" port
	if (section == "zones:" && (n in first))
		printf "%sfile: %s\n%sviews:\n%s", ind, first[n], ind, views[n]
}' "$sample/forest.yaml" >"$tmp/forest.yaml"

# ---- the servers ---------------------------------------------------------------

# Waits up to 10 s for a pid file (written once the socket listens).
wait_pid() {
	i=0
	while [ ! -s "$1" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	[ -s "$1" ]
}

start_nsd() {     # start_nsd SERVER [refuse]
	nsd_conf "$@" >"$tmp/nsd/$1/nsd.conf"
	rm -f "$tmp/run/nsd-$1.pid"
	nsd -c "$tmp/nsd/$1/nsd.conf" && wait_pid "$tmp/run/nsd-$1.pid" &&
		wait_log "$tmp/nsd/$1/nsd.log"
}

# nsd writes its pid before its zones are read: wait for "nsd started".
wait_log() {
	i=0
	while ! grep -q "nsd started" "$1" 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	grep -q "nsd started" "$1" 2>/dev/null
}

stop_server() {     # stop_server PIDFILE: stops it and waits until it is gone
	pid=$(cat "$1" 2>/dev/null) || return 0
	kill "$pid" 2>/dev/null
	i=0
	while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	rm -f "$1"
}

start_fake() {     # start_fake MODE ADDRESS ZONE NAME
	"$tools/fake-server" "$1" "$2" "$port" "$3" "$tmp/run/fake-$4.pid" \
		2>>"$tmp/fake.log" &
	wait_pid "$tmp/run/fake-$4.pid"
}

started=0
while IFS="$(printf '\t')" read -r s addr; do
	if start_nsd "$s"; then
		started=$((started + 1))
	else
		cat "$tmp/nsd/$s/nsd.log" 2>/dev/null
		not_ok "nsd for $s starts on $addr port $port"
	fi
done <"$tmp/servers.tsv"
check "nsd serves each of the $started servers' copies on 127.0.0.x:$port" \
	[ "$started" = "$(wc -l <"$tmp/servers.tsv")" ]

# ---- 1. live equals files ----------------------------------------------------

now_ms() { date +%s%3N; }

# zonelint runs under `timeout`: a hang is a failure (exit 124), not a
# stuck test.
lint() {     # lint NAME [OPTIONS]: the json report in $tmp/NAME.json, exit code in $tmp/NAME.rc
	out=$1
	shift
	timeout 120 "$bin" -f json --date "$date" "$@" >"$tmp/$out.json" 2>"$tmp/$out.err"
	echo $? >"$tmp/$out.rc"
}

normal() {     # normal NAME: comparable finding lines of report NAME (a
	# report that does not parse, or has no findings, gives "unusable")
	"$tools/forest-tool" findings "$tmp/$1.json" >"$tmp/$1.lines" || echo unusable
	sort "$tmp/$1.lines"
}

lint files "$tmp/forest.yaml"
lint live --live --timeout 5 "$tmp/forest.yaml"
normal files | grep -v '^aged-address|' >"$tmp/files.txt"
normal live >"$tmp/live.txt"

# "rc/live-transfer findings/unusable": a report that does not parse (a
# crash exits 1 too) is never a pass.
outcome() { echo "$(cat "$tmp/$1.rc")/$(grep -c '^live-transfer|' "$tmp/$1.txt")/$(grep -c '^unusable' "$tmp/$1.txt")"; }
check "files: the forest gives findings (exit code 1)" [ "$(outcome files)" = 1/0/0 ]
check "live: every transfer works (no live-transfer finding, exit code 1)" \
	[ "$(outcome live)" = 1/0/0 ]
if ! grep -q '^unusable' "$tmp/files.txt" && cmp -s "$tmp/files.txt" "$tmp/live.txt"; then
	ok "live findings equal file findings ($(grep -vc '^~' "$tmp/live.txt") findings, $(grep '^~' "$tmp/live.txt"))"
else
	not_ok "live findings equal file findings"
	diff -u "$tmp/files.txt" "$tmp/live.txt" | head -40
fi
aged=$(normal files | grep -c '^aged-address|')
live_aged=$(grep -c '^aged-address|' "$tmp/live.txt")
check "files give $aged aged-address findings, transfers (no aging stamps) $live_aged" \
	sh -c '[ "$1" -gt 0 ] && [ "$2" = 0 ]' - "$aged" "$live_aged"
# Every finding is located in a transfer, or in the inventory; records by
# their place in the transfer (the SOA is 1).
"$tools/forest-tool" locations "$tmp/live.json" >"$tmp/live.loc"
check "live findings are located at axfr://127.0.0.x:$port/ZONE or the inventory" \
	sh -c '[ -s "$1" ] && ! grep -v "^axfr://127\.0\.0\.[0-9]*:$2/[a-z0-9_.-]*[a-z]:[0-9]*|\|^$3:[0-9]*|" "$1"' \
	- "$tmp/live.loc" "$port" "$tmp/forest.yaml"
check "live findings name records by their place in the transfer" \
	grep -q "^axfr://.*:\([2-9]\|[1-9][0-9]\+\)|" "$tmp/live.loc"

# ---- 2. a stopped server, a refusing one, a silent one ----------------------

# The first three servers that host the most zones; the rest stay healthy.
# shellcheck disable=SC2046  # three names, split on purpose
set -- $(cut -f1 "$tmp/views.tsv" | sed 's/\.$//' | sort | uniq -c | sort -k1,1nr -k2 |
	awk 'NR <= 3 { print $2 }')
stopped=$1 refusing=$2 silent=$3
stop_server "$tmp/run/nsd-$stopped.pid"
stop_server "$tmp/run/nsd-$refusing.pid"
start_nsd "$refusing" refuse || not_ok "nsd for $refusing restarts refusing transfers"
stop_server "$tmp/run/nsd-$silent.pid"
start_fake silent "$(addr_of "$silent")" x "$silent" ||
	not_ok "a silent listener starts on $(addr_of "$silent")"

t0=$(now_ms)
lint broken --live --timeout 2 "$tmp/forest.yaml"
took=$(($(now_ms) - t0))
normal broken >"$tmp/broken.txt"
zones_of() { grep -c "^$1\.	" "$tmp/views.tsv"; }
findings_of() {     # findings_of SERVER PATTERN: its live-transfer findings matching
	grep "^live-transfer|error|[^|]*|$1\.|" "$tmp/broken.txt" | grep -c "$2"
}
check "exit code 2 when a transfer failed" \
	[ "$(cat "$tmp/broken.rc")/$(grep -c '^unusable' "$tmp/broken.txt")" = 2/0 ]
check "stopped $stopped: connection refused, one finding per zone it hosts" \
	[ "$(findings_of "$stopped" 'cannot connect: connection refused')" = "$(zones_of "$stopped")" ]
check "refusing $refusing: the server answered REFUSED, per zone" \
	[ "$(findings_of "$refusing" 'the server answered REFUSED (zone transfers to this host are not allowed on that server)')" = "$(zones_of "$refusing")" ]
check "silent $silent: no complete answer within 2 s, per zone" \
	[ "$(findings_of "$silent" 'no complete answer within 2 s (0 records received)')" = "$(zones_of "$silent")" ]
check "no other live-transfer finding" \
	[ "$(grep -c '^live-transfer|' "$tmp/broken.txt")" = $(($(zones_of "$stopped") + $(zones_of "$refusing") + $(zones_of "$silent"))) ]
check "the run ends within the timeout, not one timeout per transfer (took $took ms)" \
	[ "$took" -lt 4500 ]
# The healthy servers' copies are linted as before: the findings located in
# their transfers are those of the full run, record for record.
healthy() {
	"$tools/forest-tool" locations "$tmp/$1.json" | grep '^axfr://' |
		grep -v "^axfr://\($(addr_of "$stopped")\|$(addr_of "$refusing")\|$(addr_of "$silent")\):" |
		sort
}
healthy live >"$tmp/healthy-before.txt"
healthy broken >"$tmp/healthy-after.txt"
check "the other servers' copies are still linted ($(wc -l <"$tmp/healthy-before.txt") findings in them)" \
	sh -c '[ -s "$1" ] && cmp -s "$1" "$2"' - "$tmp/healthy-before.txt" "$tmp/healthy-after.txt"
views_left=$(($(wc -l <"$tmp/views.tsv") - $(zones_of "$stopped") - $(zones_of "$refusing") - $(zones_of "$silent")))
check "their $views_left views are in the summary" grep -q "^~summary|.*|views $views_left|" "$tmp/broken.txt"

# ---- 3. answers that are wrong on the wire ----------------------------------

# One zone on six servers: a healthy nsd (the last server, not one of the
# three above) and five fakes on 127.0.0.20-24.
healthy_server=$(awk 'END { print $1 }' "$tmp/servers.tsv")
wzone=$(awk -F '\t' -v s="$healthy_server." '$1 == s { print $2; exit }' "$tmp/views.tsv")
cat >"$tmp/wire.yaml" <<EOF
version: 1
forest: ${wzone%.}
servers:
  - {name: $healthy_server, addresses: [10.1.0.11/24], dns: "$(addr_of "$healthy_server"):$port"}
  - {name: nosoa.x, addresses: [10.1.0.20/24], dns: "127.0.0.20:$port"}
  - {name: truncated.x, addresses: [10.1.0.21/24], dns: "127.0.0.21:$port"}
  - {name: unterminated.x, addresses: [10.1.0.22/24], dns: "127.0.0.22:$port"}
  - {name: trickle.x, addresses: [10.1.0.23/24], dns: "127.0.0.23:$port"}
  - {name: notauth.x, addresses: [10.1.0.24/24], dns: "127.0.0.24:$port"}
zones:
  - name: ${wzone%.}
    storage: file
    hosted_on: [$healthy_server, nosoa.x, truncated.x,
                unterminated.x, trickle.x, notauth.x]
EOF
n=20
for mode in nosoa truncated unterminated trickle notauth; do
	start_fake $mode 127.0.0.$n "$wzone" $mode ||
		not_ok "the $mode fake server starts on 127.0.0.$n"
	n=$((n + 1))
done
t0=$(now_ms)
lint wire --live --timeout 2 --jobs 2 "$tmp/wire.yaml"
took=$(($(now_ms) - t0))
normal wire >"$tmp/wire.txt"
wire_finding() { grep -c "^live-transfer|error|$wzone|$1\.x\.|-|.*$2" "$tmp/wire.txt"; }
check "no SOA first: reported" \
	[ "$(wire_finding nosoa "does not start with the zone's SOA but with A $wzone")" = 1 ]
check "cut inside a message: reported" \
	[ "$(wire_finding truncated 'closed the connection inside a message')" = 1 ]
check "no closing SOA: reported" \
	[ "$(wire_finding unterminated 'closed the connection before the closing SOA (after 2 records)')" = 1 ]
check "an answer trickled past the timeout: reported" \
	[ "$(wire_finding trickle 'no complete answer within 2 s')" = 1 ]
check "NOTAUTH: reported as a server that does not host the zone, not as a refusal" \
	[ "$(wire_finding notauth 'the server answered NOTAUTH (that server is not authoritative for the zone: it does not host it)$')" = 1 ]
check "the healthy server's copy is still linted" grep -q '^~summary|.*|views 1|' "$tmp/wire.txt"
check "five failures on two jobs end within two timeouts (took $took ms)" [ "$took" -lt 6000 ]

# ---- 4. servers that never stop sending -------------------------------------

cat >"$tmp/flood.yaml" <<EOF
version: 1
forest: ${wzone%.}
servers:
  - {name: endless.x, addresses: [10.1.0.30/24], dns: "127.0.0.30:$port"}
  - {name: bomb.x, addresses: [10.1.0.31/24], dns: "127.0.0.31:$port"}
  - {name: empty.x, addresses: [10.1.0.32/24], dns: "127.0.0.32:$port"}
  - {name: bomb2.x, addresses: [10.1.0.33/24], dns: "127.0.0.33:$port"}
zones:
  - name: ${wzone%.}
    storage: file
    hosted_on: [endless.x, bomb.x, empty.x, bomb2.x]
EOF
n=30     # after the five fakes on 127.0.0.20-24
for mode in endless bomb empty bomb2; do
	"$tools/fake-server" "${mode%2}" 127.0.0.$n "$port" "$wzone" "$tmp/run/fake-$mode.pid" \
		2>>"$tmp/fake.log" &
	wait_pid "$tmp/run/fake-$mode.pid" ||
		not_ok "the $mode fake server starts on 127.0.0.$n"
	n=$((n + 1))
done
# Peak memory from GNU time when it is there (procps' is not).
rss() { awk '/Maximum resident/ { print $NF }' "$tmp/$1.time" 2>/dev/null; }
flood() {     # flood NAME ARGS: zonelint ARGS on flood.yaml, timed
	name=$1
	shift
	t0=$(now_ms)
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -v -o "$tmp/$name.time" timeout 120 "$bin" -f json --date "$date" \
			"$@" "$tmp/flood.yaml" >"$tmp/$name.json" 2>"$tmp/$name.err"
	else
		timeout 120 "$bin" -f json --date "$date" "$@" "$tmp/flood.yaml" \
			>"$tmp/$name.json" 2>"$tmp/$name.err"
	fi
	echo $? >"$tmp/$name.rc"
	took=$(($(now_ms) - t0))
	normal "$name" >"$tmp/$name.txt"
}
flood_finding() { grep -c "^live-transfer|error|$wzone|$1\.x\.|-|.*$2" "$tmp/$3.txt"; }
flood flood --live --timeout 2 --jobs 4
for s in endless bomb empty bomb2; do
	check "$s: no complete answer within 2 s" \
		[ "$(flood_finding $s 'no complete answer within 2 s' flood)" = 1 ]
done
check "four servers that never stop, on four jobs, end within the timeout (took $took ms)" \
	[ "$took" -lt 4500 ]
peak=$(rss flood)
check "... in bounded memory (peak ${peak:-?} KB, at most 1 GiB)" \
	sh -c '[ -z "$1" ] || [ "$1" -lt 1048576 ]' - "$peak"
flood bounded --live --timeout 4 --jobs 4 --max-records 5000
for s in bomb bomb2; do
	check "$s with --max-records 5000 on 4 jobs: more than 1000 records in one transfer" \
		[ "$(flood_finding $s 'holds more than 1000 records' bounded)" = 1 ]
done

finish
