# tests/tools/lib.sh - sourced by the tool tests, after they set `suite`
# (their name) and `bin` (the zonelint binary).  Each check prints one
# line ("ok NAME", "FAIL NAME" with the reason indented under it, or
# "skip NAME: why" where the machine cannot run it; a skip is never
# counted as passed); finish prints "SUITE: N passed, M failed" and
# returns non-zero on a failure.
#
# Sets: bin (the zonelint binary, absolute), top (the repository), tmp (a
# fresh folder, removed on exit), py (Debian's python3, which has the
# project's python3-jsonschema), check_py (tests/tools/check.py), date
# (the samples' audit date), samples (their inventories).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
py=/usr/bin/python3
check_py="$top/tests/tools/check.py"
date=2026-11-27
cd "$top" || exit 2
samples=$(ls zones-samples/*/forest.yaml)
passed=0
failed=0

ok() {
	passed=$((passed + 1))
	echo "ok   $1"
}

not_ok() {
	failed=$((failed + 1))
	echo "FAIL $1"
	[ -n "${2:-}" ] && printf '%s\n' "$2" | head -20 | sed 's/^/     /'
	return 0
}

skip() {
	echo "skip $1: $2"
}

# check NAME COMMAND...: passes when COMMAND exits 0.
check() {
	_check=$1
	shift
	if _out=$("$@" 2>&1); then ok "$_check"; else not_ok "$_check" "$_out"; fi
}

# same NAME FILE1 FILE2: passes when the files are byte-identical.
same() {
	if _out=$(diff -u "$2" "$3" 2>&1); then ok "$1"; else not_ok "$1" "$_out"; fi
}

finish() {
	echo "$suite: $passed passed, $failed failed"
	[ "$failed" = 0 ]
}

# make_install DESTDIR [TARGET]: `make install` (or TARGET) of the binary
# under test into DESTDIR with PREFIX=/usr/local; -o keeps make from
# rebuilding it.
make_install() {
	make --no-print-directory -C "$top" BUILD="$(dirname "$bin")" -o "$bin" \
		DESTDIR="$1" PREFIX=/usr/local "${2:-install}"
}
