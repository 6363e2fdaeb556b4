#!/bin/sh
# Runs each libFuzzer target for a set time: `make fuzz` (fuzz/fuzz.mk).
# Usage: fuzz/run.sh FUZZDIR SECONDS TARGET...
# FUZZDIR holds the fuzz-TARGET binaries; the growing corpus goes to
# FUZZDIR/corpus/TARGET, crashes to FUZZDIR/artifacts/TARGET/.  Seeds:
# the samples and test data, FUZZDIR/seeds/TARGET, and the regression
# corpus fuzz/regressions/TARGET (where every crash found is kept, once
# fixed, for the test command to replay).
set -u
dir=$1
seconds=$2
shift 2
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
crashed=0
for t in "$@"; do
	mkdir -p "$dir/corpus/$t" "$dir/artifacts/$t" "$dir/seeds/$t"
	case $t in
	zonefile) seeds="zones-samples tests/data/zones" ;;
	inventory) seeds="zones-samples tests/data/inventory" ;;
	fastrr) seeds="fuzz/seeds/fastrr" ;;
	*) seeds="" ;;
	esac
	# shellcheck disable=SC2086
	nice "$dir/fuzz-$t" -max_total_time="$seconds" -max_len=65536 -timeout=20 \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$dir/artifacts/$t/" \
		"$dir/corpus/$t" "$dir/seeds/$t" fuzz/regressions/$t $seeds \
		>"$dir/$t.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/$t.log")
	if [ $rc = 0 ]; then
		echo "fuzz $t: ${runs:-?} runs in ${seconds}s, no crash"
	else
		crashed=$((crashed + 1))
		echo "fuzz $t: CRASH after ${runs:-?} runs (exit $rc); see $dir/$t.log"
		ls "$dir/artifacts/$t/"
	fi
done
echo "fuzz: $# targets, $crashed crashed"
[ $crashed = 0 ]
