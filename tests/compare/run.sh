#!/bin/sh
# Side-by-side test against the anchors: runs BIND's named-checkzone, Knot's
# kzonecheck and zonelint -z on every file of tests/zones/, and fails when
# an anchor rejects a file that zonelint passes without a finding at or
# above warning, or when an anchor loads a file that zonelint refuses
# (zone-syntax), unless tests/compare/differences lists that as intended.
#
# Each zone file names, in its header comments:
#   ; origin: ORIGIN     (default example.test.)
#   ; expect: RULE[,RULE] the rules zonelint must report, or `none`
#   ; findings: N        optional: exactly N findings at or above warning
#                        (catches false alarms beside the expected ones)
# A file whose name starts with clean- must give no finding at all.
#
# Usage: tests/compare/run.sh BINARY [--write-doc]
#   --write-doc  also rewrite docs/compare.md (the table and the reasons)
# Without it, a docs/compare.md that no longer matches the run fails too.
# The last line is `compare: N passed, M failed`.
set -u
bin=${1:?usage: tests/compare/run.sh BINARY [--write-doc]}
mode=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
cd "$top" || exit 2

if ! command -v named-checkzone >/dev/null 2>&1 || ! command -v kzonecheck >/dev/null 2>&1; then
	scripts/install-deps.sh bind9-utils knot-dnssecutils || exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
differences="$here/differences"
pass=0
fail=0

# Header field `; NAME: value` of file $1 (CR dropped), or $3.
header() {
	v=$(sed -n "1,20s/^; *$2: *\\([^[:space:]]*\\).*/\\1/p" "$1" | tr -d '\r' | head -n 1)
	echo "${v:-$3}"
}

# The intended-difference reason for file $1 and anchor $2, or nothing.
reason() {
	awk -v f="$1" -v a="$2" '$1 == f && $2 == a { $1 = ""; $2 = ""; sub(/^ +/, ""); print; exit }' \
		"$differences"
}

# Rule ids of zonelint's findings in JSON file $1 at or above warning ($2 = 1)
# or at any severity ($2 = 0), comma-separated, sorted, unique.
rules_of() {
	awk -v strict="$2" '
		/^ *"rule": "/ { r = $0; sub(/^ *"rule": "/, "", r); sub(/".*/, "", r) }
		/^ *"severity": "/ { if (r != "" && (!strict || $0 !~ /"info"/)) print r; r = "" }
	' "$1" | sort -u | paste -s -d, -
}

# Number of zonelint's findings at or above warning in JSON file $1.
count_of() {
	awk '/^ *"severity": "/ && !/"info"/ { n++ } END { print n + 0 }' "$1"
}

# "rejects" or "accepts" from exit code $1, with a note of warnings in $2.
verdict() {
	if [ "$1" -ne 0 ]; then
		echo rejects
	elif [ -s "$2" ]; then
		echo "accepts, warns"
	else
		echo accepts
	fi
}

table="$tmp/table"
: >"$table"
for file in tests/zones/*.zone; do
	name=$(basename "$file")
	origin=$(header "$file" origin example.test.)
	expect=$(header "$file" expect none)
	want_count=$(header "$file" findings "")
	named-checkzone -i local "$origin" "$file" >"$tmp/b.out" 2>&1
	b=$?
	# Lines other than the load report are warnings.
	grep -v -e '^OK$' -e 'loaded serial' "$tmp/b.out" >"$tmp/b.warn"
	kzonecheck -o "$origin" "$file" >"$tmp/k.out" 2>&1
	k=$?
	grep -v '^$' "$tmp/k.out" >"$tmp/k.warn"
	"$bin" -z "$origin" --format json "$file" >"$tmp/z.json" 2>"$tmp/z.err"
	z=$?
	found=$(rules_of "$tmp/z.json" 1)
	all=$(rules_of "$tmp/z.json" 0)
	problems=""
	intended=""

	if [ "$z" -gt 2 ] || ! grep -q '"summary"' "$tmp/z.json"; then
		problems="zonelint failed (exit $z)"
	fi
	for anchor in named-checkzone kzonecheck; do
		if [ $anchor = named-checkzone ]; then rc=$b; else rc=$k; fi
		why=$(reason "$name" $anchor)
		if [ "$rc" -ne 0 ] && [ -z "$found" ]; then
			if [ -n "$why" ]; then
				intended="$intended${intended:+; }$anchor: $why"
			else
				problems="$problems${problems:+; }$anchor rejects it, zonelint passes it"
			fi
		elif [ "$rc" -eq 0 ] &&
			case ",$all," in *,zone-syntax,*) true ;; *) false ;; esac; then
			if [ -n "$why" ]; then
				intended="$intended${intended:+; }$anchor: $why"
			else
				problems="$problems${problems:+; }$anchor loads it, zonelint refuses it (zone-syntax)"
			fi
		elif [ -n "$why" ]; then
			problems="$problems${problems:+; }listed difference with $anchor no longer seen"
		fi
	done
	if [ "$expect" = none ]; then
		case "$name" in
		clean-*) [ -z "$all" ] || problems="$problems${problems:+; }clean zone gives $all" ;;
		esac
	else
		for want in $(echo "$expect" | tr ',' ' '); do
			case ",$all," in
			*",$want,"*) ;;
			*) problems="$problems${problems:+; }expected $want, got ${all:-nothing}" ;;
			esac
		done
	fi

	if [ -n "$want_count" ] && [ "$(count_of "$tmp/z.json")" != "$want_count" ]; then
		problems="$problems${problems:+; }expected $want_count findings at or above warning, got $(count_of "$tmp/z.json")"
	fi

	if [ -n "$problems" ]; then
		result="FAIL: $problems"
		fail=$((fail + 1))
		echo "FAIL $name: $problems"
		sed 's/^/    named-checkzone: /' "$tmp/b.out"
		sed 's/^/    kzonecheck: /' "$tmp/k.out"
		sed 's/^/    zonelint: /' "$tmp/z.err"
	elif [ -n "$intended" ]; then
		result="intended difference"
		pass=$((pass + 1))
	else
		result=ok
		pass=$((pass + 1))
	fi
	printf '| `%s` | `%s` | %s | %s | %s | %s | %s |\n' "$name" "$origin" "$expect${want_count:+ ($want_count)}" \
		"$(verdict $b "$tmp/b.warn")" "$(verdict $k "$tmp/k.warn")" \
		"${all:-no finding}" "$result" >>"$table"
done

# docs/compare.md: the method, the table of this run, the listed reasons.
{
	cat <<'EOF'
# zonelint beside named-checkzone and kzonecheck

Generated by `tests/compare/run.sh BIN --write-doc`; do not edit by hand.
The table is rewritten from a run, the reasons come from
`tests/compare/differences`.

`make test` runs every file of `tests/zones/` through BIND's
`named-checkzone -i local ORIGIN FILE`, Knot's `kzonecheck -o ORIGIN FILE`
and `zonelint -z ORIGIN --format json FILE`.  A file fails when either
anchor rejects it (a non-zero exit) while zonelint passes it without a
finding at or above `warning`, or when an anchor loads a file that
zonelint refuses (`zone-syntax`), unless the pair is an intended
difference listed below; when zonelint misses the rule named in the
file's header (`; expect:`); when the file's header gives the number of
findings at or above `warning` (`; findings: N`, in brackets in the
table) and zonelint gives another number (a false alarm beside the
expected findings); or when a
`clean-*` zone gives any finding.  "accepts, warns"
means the anchor loaded the zone but printed warnings (BIND's check-names,
"TTL set to prior TTL", missing addresses of MX targets, ...).

`-i local` keeps named-checkzone from looking up names outside the zone, as
zonelint judges glue and targets only inside the zone's own data; it
changes no exit code on this corpus, only drops lookup warnings.

Where zonelint reports and an anchor accepts, zonelint is stricter by
design: duplicates, TTL mismatches, out-of-zone data and host-name syntax
are warnings in zonelint and at most warnings in the anchors (BIND's
check-names only warns in named-checkzone), and BIND does not check the
targets of MX and SRV records or the data below a DNAME hard enough to
refuse the zone.

Service labels (`_ldap._tcp`, `_msdcs`, `_kerberos`) are valid in owner
names, as AD needs: the clean AD zones pass all three tools.  zonelint's
host-name rule accepts a `_` label anywhere but in the host's own
(leftmost) label, so an A record such as `gc._msdcs.<forest>` passes;
BIND's check-names makes an exception for that one name only and warns
on others, which is a warning, not a rejection.

| file | origin | expected | named-checkzone | kzonecheck | zonelint | result |
|---|---|---|---|---|---|---|
EOF
	cat "$table"
	echo
	echo "## Intended differences"
	echo
	echo "An anchor rejects the file, zonelint passes it, and that is right:"
	echo
	grep -v -e '^#' -e '^[[:space:]]*$' "$differences" |
		awk '{ f = $1; a = $2; $1 = ""; $2 = ""; sub(/^ +/, ""); printf "- `%s`, %s: %s\n", f, a, $0 }'
} >"$tmp/compare.md"

if [ "$mode" = --write-doc ]; then
	cp "$tmp/compare.md" docs/compare.md
	echo "wrote docs/compare.md"
elif ! cmp -s "$tmp/compare.md" docs/compare.md; then
	echo "FAIL docs/compare.md: out of date; run tests/compare/run.sh $1 --write-doc"
	diff -u docs/compare.md "$tmp/compare.md" | head -20
	fail=$((fail + 1))
fi
echo "compare: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
