#!/bin/sh
# make install / make uninstall: installs the tested binary, the man page
# and the public headers under DESTDIR+PREFIX; the installed binary runs
# and gives the same report, the headers compile on their own, man finds
# the page, and uninstall leaves no file behind.
# Usage: tests/tools/install.sh BINARY
suite=install bin=$1
. "$(dirname "$0")/lib.sh"
root="$tmp/root"
prefix=/usr/local

check "make install PREFIX=$prefix DESTDIR=..." make_install "$root"
inst="$root$prefix/bin/zonelint"
check "the binary is installed, executable" test -x "$inst"
"$bin" --date $date zones-samples/event-6702/forest.yaml >"$tmp/want" 2>&1
"$inst" --date $date zones-samples/event-6702/forest.yaml >"$tmp/got" 2>&1
same "the installed binary gives the same report" "$tmp/want" "$tmp/got"
same "the man page is installed" docs/zonelint.1 "$root$prefix/share/man/man1/zonelint.1"
if command -v man >/dev/null; then
	check "man finds it in the installed tree" \
		sh -c "MANPATH='$root$prefix/share/man' man -w zonelint | grep -q '$root'"
else
	not_ok "man finds it in the installed tree" "no man on PATH (make test-deps)"
fi
for h in include/zonelint/*.h; do
	same "header $(basename "$h") is installed" "$h" "$root$prefix/include/zonelint/$(basename "$h")"
done
printf '#include <zonelint/zonelint.h>\nconst zl_rule *zl_test_rule;\n' >"$tmp/use.c"
check "the installed headers compile alone (cc -std=c11 -Wall -Werror)" \
	${CC:-cc} -std=c11 -Wall -Wextra -Werror -pedantic -I"$root$prefix/include" \
	-c "$tmp/use.c" -o "$tmp/use.o"
check "make uninstall" make_install "$root" uninstall
left=$(find "$root" -type f)
check "uninstall leaves no file" test -z "$left"
finish
