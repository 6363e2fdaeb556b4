#!/bin/sh
# VS Code: the problem matcher of contrib/vscode/tasks.json reads every
# finding of each sample forest's text report (file, line, column,
# severity, message, rule), and the C/C++ extension's stock $gcc matcher
# reads its errors and warnings (it has no "info").  VS Code itself is not
# run: its matcher is a JavaScript regexp, applied here with Python's re.
# Usage: tests/tools/vscode-matcher.sh BINARY
suite=vscode-matcher bin=$1
. "$(dirname "$0")/lib.sh"

for inv in $samples; do
	name=$(basename "$(dirname "$inv")")
	"$bin" --date $date -f json "$inv" >"$tmp/$name.json"
	"$bin" --date $date "$inv" >"$tmp/$name.txt" 2>&1
	check "$name: findings read by the task's matcher and by \$gcc" \
		$py "$check_py" vscode contrib/vscode/tasks.json "$tmp/$name.json" "$tmp/$name.txt"
done
finish
