#!/bin/sh
# The systemd units of docs/audit.md: contrib/systemd/zonelint-audit.service
# and .timer pass `systemd-analyze verify` without a word, checked inside a
# temporary root that holds a `make install` (so ExecStart's binary and the
# man page of Documentation= exist) and Debian's own units; docs/audit.md
# shows them as they are.  Skipped, with the reason, where systemd-analyze
# cannot run.
# Usage: tests/tools/systemd-units.sh BINARY
suite=systemd-units bin=$1
. "$(dirname "$0")/lib.sh"
units="zonelint-audit.service zonelint-audit.timer"

for u in $units; do
	$py "$check_py" block docs/audit.md "\`contrib/systemd/$u\`:" >"$tmp/doc-$u"
	same "docs/audit.md shows contrib/systemd/$u as it is" "contrib/systemd/$u" "$tmp/doc-$u"
done

sysunits=$(pkg-config --variable=systemdsystemunitdir systemd 2>/dev/null || echo /lib/systemd/system)
if ! command -v systemd-analyze >/dev/null; then
	skip "systemd-analyze verify" "no systemd-analyze (Debian package systemd; make test-deps)"
elif ! systemd-analyze --version >/dev/null 2>&1 || [ ! -f "$sysunits/sysinit.target" ]; then
	skip "systemd-analyze verify" "systemd-analyze or $sysunits/sysinit.target unusable here"
else
	root="$tmp/root"
	make_install "$root" >"$tmp/install.log" 2>&1 || not_ok "make install into the root" "$(cat "$tmp/install.log")"
	mkdir -p "$root/etc/systemd/system" "$root/usr/lib/systemd"
	cp -R "$sysunits" "$root/usr/lib/systemd/system"
	for u in $units; do
		cp "contrib/systemd/$u" "$root/etc/systemd/system/"
	done
	# shellcheck disable=SC2086
	MANPATH="$root/usr/local/share/man" systemd-analyze --root="$root" verify $units \
		>"$tmp/verify" 2>&1
	rc=$?
	check "systemd-analyze verify: exit 0" test $rc = 0
	check "systemd-analyze verify: no warnings" test ! -s "$tmp/verify"
	[ -s "$tmp/verify" ] && sed 's/^/     /' "$tmp/verify"
	# The check can fail: a unit whose binary is missing is refused.
	rm "$root/usr/local/bin/zonelint"
	MANPATH="$root/usr/local/share/man" systemd-analyze --root="$root" verify \
		zonelint-audit.service >"$tmp/verify2" 2>&1
	check "control: verify refuses the service without its binary" \
		grep -q "zonelint is not executable" "$tmp/verify2"
fi
finish
