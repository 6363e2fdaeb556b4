#!/bin/sh
# --color: always/never/auto, NO_COLOR (no-color.org) and terminals.  Only
# the severity word and the [rule] are coloured, so the text without its
# escapes is exactly the plain report.  A terminal is made with script(1).
# Usage: tests/tools/color.sh BINARY
suite=color bin=$1
. "$(dirname "$0")/lib.sh"
inv=zones-samples/event-6702/forest.yaml
esc=$(printf '\033')
z() { "$bin" --date $date "$@" $inv; }
# on_tty CMD: runs CMD with a terminal as stdout; its output on stdout.
on_tty() { script -qec "$1" /dev/null </dev/null | tr -d '\r'; }
has_color() { grep -q "$esc\\[" "$1"; }
no_color() { ! grep -q "$esc" "$1"; }

z --color=never >"$tmp/plain" 2>/dev/null
z --color=always >"$tmp/always" 2>/dev/null
check "always: colours" has_color "$tmp/always"
check "always: the error word in bold red" grep -qF \
	"${esc}[01;31merror${esc}[m: zone corp. is single-label" "$tmp/always"
check "always: the rule id in the severity's colour" grep -qF \
	"${esc}[01;35m[single-label-domain]${esc}[m" "$tmp/always"
sed "s/$esc\\[[0-9;]*m//g" "$tmp/always" >"$tmp/stripped"
same "always: without escapes, the plain report" "$tmp/plain" "$tmp/stripped"
check "never: no escape" no_color "$tmp/plain"
z >"$tmp/pipe" 2>/dev/null
check "auto into a pipe: no colour" no_color "$tmp/pipe"
NO_COLOR=1 z --color=always >"$tmp/nc-always" 2>/dev/null
check "always wins over NO_COLOR" has_color "$tmp/nc-always"
z -f json --color=always >"$tmp/json" 2>/dev/null
check "json is never coloured" no_color "$tmp/json"

if ! command -v script >/dev/null; then
	not_ok "script(1) makes a terminal" "no script on PATH (Debian package bsdutils)"
else
	q="'$bin' --date $date"
	on_tty "env -u NO_COLOR $q $inv" >"$tmp/tty" 2>/dev/null
	check "auto on a terminal: colours" has_color "$tmp/tty"
	on_tty "NO_COLOR=1 $q $inv" >"$tmp/tty-nc" 2>/dev/null
	check "auto on a terminal with NO_COLOR=1: no colour" no_color "$tmp/tty-nc"
	on_tty "NO_COLOR= $q $inv" >"$tmp/tty-empty" 2>/dev/null
	check "auto on a terminal with NO_COLOR empty: colours" has_color "$tmp/tty-empty"
	on_tty "env -u NO_COLOR $q --color=never $inv" >"$tmp/tty-never" 2>/dev/null
	check "never on a terminal: no colour" no_color "$tmp/tty-never"
	on_tty "env -u NO_COLOR $q -o '$tmp/file' $inv" >/dev/null 2>&1
	check "auto with -o FILE: the file is not coloured" no_color "$tmp/file"
	check "auto with -o FILE: the file has the report" grep -q 'single-label-self-zone' "$tmp/file"
fi

"$bin" --color=sometimes $inv >"$tmp/out" 2>"$tmp/err"
check "--color=sometimes: exit 2" test $? = 2
check "--color=sometimes: says why" \
	grep -qF "zonelint: --color wants auto, always or never, not 'sometimes'" "$tmp/err"
finish
