#!/bin/sh
# make install / make uninstall: installs the tested binary, the man page,
# the public headers and contrib/ under DESTDIR+PREFIX; the installed
# binary runs and gives the same report, the headers compile on their own,
# man finds the page, and uninstall leaves no file behind.  make install
# with another PREFIX after make rebuilds the SARIF informationUri.
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
# contrib/ under share/zonelint, its layout kept; the service and the mail
# script name the installed binary (the same path at this PREFIX).
for f in vim/compiler/zonelint.vim vscode/tasks.json systemd/zonelint-audit.service \
         systemd/zonelint-audit.timer mail/zonelint-mail-report \
         plugins/dc-name-policy.c plugins/dc-reverse-ptr.c; do
	same "contrib/$f is installed" "contrib/$f" "$root$prefix/share/zonelint/$f"
done
check "the mail script is installed executable" test -x "$root$prefix/share/zonelint/mail/zonelint-mail-report"
check "make uninstall" make_install "$root" uninstall
left=$(find "$root" -type f)
check "uninstall leaves no file" test -z "$left"

# `make` then `make install PREFIX=/opt/zonelint`: the installed binary's
# SARIF informationUri names the rule reference under the new PREFIX (the
# URI is a build input: main.o is rebuilt), and the installed units and
# mail script run /opt/zonelint/bin/zonelint.  In a copy of the build
# folder, so the binary under test stays as it is.
b="$tmp/build"
mkdir -p "$b"
(cd "$(dirname "$bin")" && cp -a lint rules rules_table.c rules_table.o libzonelint.a \
	exports.list info_uri.h zonelint "$b/") 2>"$tmp/cp.log" ||
	not_ok "copy of the build folder" "$(cat "$tmp/cp.log")"
opt="$tmp/opt-root"
make --no-print-directory -C "$top" BUILD="$b" >"$tmp/make1.log" 2>&1
check "make (default PREFIX) in the copy succeeds and rebuilds nothing" \
	sh -c "[ $? = 0 ] && ! grep -q 'main.o' '$tmp/make1.log'"
check "make install PREFIX=/opt/zonelint after make" \
	make --no-print-directory -C "$top" BUILD="$b" DESTDIR="$opt" PREFIX=/opt/zonelint install
"$opt/opt/zonelint/bin/zonelint" -f sarif -z corp zones-samples/event-6702/zones/corp.dns \
	>"$tmp/opt.sarif" 2>&1
check "its SARIF informationUri is file:///opt/zonelint/share/doc/zonelint/rules.md" \
	grep -q '"informationUri": "file:///opt/zonelint/share/doc/zonelint/rules.md"' "$tmp/opt.sarif"
check "the rule reference it names is installed" test -f "$opt/opt/zonelint/share/doc/zonelint/rules.md"
check "the installed service runs /opt/zonelint/bin/zonelint" sh -c "
	grep -q '^ExecStart=/opt/zonelint/bin/zonelint ' '$opt/opt/zonelint/share/zonelint/systemd/zonelint-audit.service' &&
	! grep -q /usr/local/bin '$opt/opt/zonelint/share/zonelint/systemd/zonelint-audit.service'"
check "the installed mail script runs /opt/zonelint/bin/zonelint by default" \
	grep -q 'ZONELINT:-/opt/zonelint/bin/zonelint' "$opt/opt/zonelint/share/zonelint/mail/zonelint-mail-report"
stamp=$(stat -c %y "$b/lint/main.o")
sleep 1
make --no-print-directory -C "$top" BUILD="$b" PREFIX=/opt/zonelint >/dev/null 2>&1
check "make again with the same PREFIX rebuilds nothing" test "$(stat -c %y "$b/lint/main.o")" = "$stamp"
finish
