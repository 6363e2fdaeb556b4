#!/bin/sh
# Runs every tool test (tests/tools/*.sh but lib.sh and this file): where
# zonelint is used — CI (SARIF), scripts (JSON), editors (vim, VS Code),
# man, cron and systemd, make install.  Prints each test's lines, then
# "tools: N passed, M failed" summed over all of them; a test that ends
# without its own summary line counts as one failure.
# Usage: tests/tools/run.sh BINARY   (make tools; make test-deps installs
# what they need)
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$1
passed=0
failed=0
for t in "$here"/*.sh; do
	case "$(basename "$t")" in lib.sh | run.sh) continue ;; esac
	out=$(sh "$t" "$bin" 2>&1)
	printf '%s\n' "$out"
	last=$(printf '%s\n' "$out" | tail -n 1)
	case "$last" in
	*": "*" passed, "*" failed")
		counts=${last#*: }
		p=${counts%% passed*}
		f=${counts#*passed, }
		f=${f%% failed}
		passed=$((passed + p))
		failed=$((failed + f)) ;;
	*)
		echo "FAIL $(basename "$t") ended without its summary line"
		failed=$((failed + 1)) ;;
	esac
done
echo "tools: $passed passed, $failed failed"
[ "$failed" = 0 ]
