#!/bin/sh
# Replays the regression corpus: every input under fuzz/regressions/TARGET/
# through the fuzz target's code (built without libFuzzer, BINDIR/replay-
# TARGET), one check per input; under `make sanitize` with ASan and UBSan.
# Usage: fuzz/replay.sh BINDIR
set -u
bindir=$1
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
pass=0
fail=0
for d in fuzz/regressions/*/; do
	t=$(basename "$d")
	for f in "$d"*; do
		[ -f "$f" ] || continue
		case $f in *.md) continue ;; esac
		if "$bindir/replay-$t" "$f" >/dev/null 2>"$bindir/replay.err"; then
			pass=$((pass + 1))
			echo "ok $f"
		else
			fail=$((fail + 1))
			echo "FAIL $f"
			head -20 "$bindir/replay.err"
		fi
	done
done
echo "fuzz-replay: $pass passed, $fail failed"
[ $fail = 0 ]
