#!/bin/sh
# The man page: docs/zonelint.1 renders with groff's man macros and every
# warning on (-ww) without a single one, names the binary's version, and
# covers every option the binary's --help lists.
# Usage: tests/tools/groff.sh BINARY
suite=groff bin=$1
. "$(dirname "$0")/lib.sh"
page=docs/zonelint.1

if ! command -v groff >/dev/null; then
	not_ok "groff is installed (make check installs it)" "no groff on PATH"
	finish
	exit
fi
groff -man -Tutf8 -ww $page >"$tmp/page.txt" 2>"$tmp/warnings"
rc=$?
check "groff -man -Tutf8 -ww: exit 0" test $rc = 0
if [ -s "$tmp/warnings" ]; then
	not_ok "groff -man -Tutf8 -ww: no warnings" "$(cat "$tmp/warnings")"
else
	ok "groff -man -Tutf8 -ww: no warnings"
fi
# Rendered text without overstriking, so options read as typed.
sed 's/.\x08//g; s/\xe2\x80\x90/-/g' "$tmp/page.txt" >"$tmp/plain.txt"
version=$("$bin" --version | cut -d' ' -f2)
check ".TH names version $version" grep -q "^\.TH ZONELINT 1 .* \"zonelint $version\"" $page
for opt in $("$bin" --help | grep -o -- '--[a-z][a-z-]*' | sort -u) \
           $("$bin" --help | grep -o -- '^  -[a-zA-Z],' | tr -d ' ,'); do
	check "documents $opt" grep -qE -- "(^|[ ,])$opt([ ,]|\$)" "$tmp/plain.txt"
done
for section in SYNOPSIS OPTIONS INVENTORY "EXIT STATUS" ENVIRONMENT EXAMPLES; do
	check "has section $section" grep -q "^$section\$" "$tmp/plain.txt"
done
finish
