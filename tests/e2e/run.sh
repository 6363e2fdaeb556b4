#!/bin/sh
# End-to-end tests: run the built binary on real files and compare exact
# output.  Each case is a folder under tests/e2e/cases/ holding
#   args     the command line after `zonelint` (one line, run from the repo root)
#   cmd      instead of args: a shell script, run with $ZONELINT set to the
#            binary and $TMPDIR to a fresh folder
#   stdout   the exact standard output
#   stderr   (optional) the exact standard error
#   exit     the exit code
# Usage: tests/e2e/run.sh BINARY [--update]   (--update rewrites expectations;
# review the diff before committing it)
set -u
bin=$1
update=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
cd "$top" || exit 2
for dir in "$here"/cases/*/; do
	name=$(basename "$dir")
	if [ -f "$dir/cmd" ]; then
		mkdir -p "$tmp/work"
		ZONELINT="$bin" TMPDIR="$tmp/work" sh "$dir/cmd" >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
		code=$?
		rm -rf "$tmp/work"
	else
		args=$(cat "$dir/args")
		# shellcheck disable=SC2086
		"$bin" $args >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
		code=$?
	fi
	if [ "$update" = "--update" ]; then
		cp "$tmp/stdout" "$dir/stdout"
		echo "$code" >"$dir/exit"
		[ -f "$dir/stderr" ] && cp "$tmp/stderr" "$dir/stderr"
		continue
	fi
	ok=1
	if ! cmp -s "$tmp/stdout" "$dir/stdout"; then
		echo "FAIL $name: stdout differs"; diff -u "$dir/stdout" "$tmp/stdout" | head -40
		ok=0
	fi
	if [ -f "$dir/stderr" ] && ! cmp -s "$tmp/stderr" "$dir/stderr"; then
		echo "FAIL $name: stderr differs"; diff -u "$dir/stderr" "$tmp/stderr" | head -20
		ok=0
	fi
	if [ "$code" != "$(cat "$dir/exit")" ]; then
		echo "FAIL $name: exit code $code, expected $(cat "$dir/exit")"
		ok=0
	fi
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
[ "$update" = "--update" ] && { echo "expectations rewritten"; exit 0; }
echo "e2e: $pass passed, $fail failed"
[ $fail = 0 ]
