#!/bin/sh
# The HTML report as its readers get it (issue 10): zonelint -f html on
# every sample forest, on a generated 200-DC forest and on zone files
# alone; each report checked by html-validate (HTML5, tests/html/
# htmlvalidate.json) and loaded in Debian's Chromium driven by Playwright
# (tests/html/browser.cjs: no console errors, nothing fetched, one SVG node
# per DC, links that land, legible labels).  Screenshots are kept in
# build/artefacts/html/.
#
# Usage: tests/html/run.sh BINARY [--update-docs]
#   --update-docs  also copies the event-6702 screenshots into docs/
#
# Needs chromium (installed from Debian when missing), Node.js 20.19 or
# later with npm (Debian's nodejs/npm when node is missing; Debian 12's is
# too old for html-validate 10 and the run then fails, it does not skip),
# and the npm packages pinned in tests/html/package-lock.json, installed
# into build/html-node/ (not committed).  Anything missing is a failure.
set -u
bin=$1
update=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
nodedir=$top/build/html-node
out=$top/build/artefacts/html
date=2026-11-27
pass=0
fail=0

ok() { echo "ok - $*"; pass=$((pass + 1)); }
not_ok() { echo "not ok - $*"; fail=$((fail + 1)); }
finish() {
	echo "html: $pass passed, $fail failed"
	[ "$fail" = 0 ]
	exit $?
}

cd "$top" || exit 2
rm -rf "$out"
mkdir -p "$out" "$nodedir"

# ---- tools ------------------------------------------------------------------
if scripts/install-deps.sh chromium python3 >"$out/install.log" 2>&1 && [ -x /usr/bin/chromium ]; then
	ok "chromium installed ($(/usr/bin/chromium --version 2>/dev/null | head -1))"
else
	not_ok "chromium could not be installed (see $out/install.log)"; finish
fi
command -v node >/dev/null 2>&1 || scripts/install-deps.sh nodejs npm >>"$out/install.log" 2>&1
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -ge 20 ]; then
	ok "node $(node --version)"
else
	not_ok "node 20.19 or later is needed for html-validate 10, found '$(node --version 2>&1)'"
	finish
fi
# npm ci only when the pinned versions changed since the last install.
if cmp -s "$here/package-lock.json" "$nodedir/package-lock.json" &&
   [ -x "$nodedir/node_modules/.bin/html-validate" ]; then
	ok "npm packages already installed in build/html-node"
else
	cp "$here/package.json" "$here/package-lock.json" "$nodedir/"
	if (cd "$nodedir" && npm ci --no-audit --no-fund --loglevel=error) >>"$out/install.log" 2>&1; then
		ok "npm ci: html-validate and playwright-core installed in build/html-node"
	else
		rm -f "$nodedir/package-lock.json"
		not_ok "npm ci failed: the npm registry must be reachable (see $out/install.log)"
		finish
	fi
fi

# ---- reports ------------------------------------------------------------------
# name, then zonelint's arguments; the inventory is the last one.
pairs=""
report() {
	name=$1
	shift
	"$bin" -f html --date "$date" -o "$out/$name.html" "$@" 2>"$out/$name.stderr"
	code=$?
	if [ "$code" -le 1 ] && [ -s "$out/$name.html" ] && [ ! -s "$out/$name.stderr" ]; then
		ok "$name: report written (exit code $code)"
	else
		not_ok "$name: zonelint -f html exited $code: $(head -3 "$out/$name.stderr")"
	fi
}

for inv in zones-samples/*/forest.yaml; do
	name=$(basename "$(dirname "$inv")")
	report "$name" "$inv"
	pairs="$pairs $out/$name.html:$inv"
done
if python3 bench/gen-forest.py "$out/forest-200" --dcs 200 --records 4000 >/dev/null; then
	report forest-200 "$out/forest-200/forest.yaml"
	pairs="$pairs $out/forest-200.html:$out/forest-200/forest.yaml"
else
	not_ok "bench/gen-forest.py could not write the 200-DC forest"
fi
report zone-files-alone -z corp.example.net. zones-samples/replication/zones/dc01/corp.example.net.dns

# A report must say what is hostile in its input as text, never run it.
for f in "$out"/*.html; do
	if grep -qi '<script' "$f"; then not_ok "$(basename "$f"): contains a script element"; fi
done

# ---- html-validate -------------------------------------------------------------
for f in "$out"/*.html; do
	if "$nodedir/node_modules/.bin/html-validate" --config "$here/htmlvalidate.json" \
		"$f" >"$f.validate" 2>&1; then
		ok "$(basename "$f"): valid HTML5 (html-validate)"
	else
		not_ok "$(basename "$f"): html-validate: $(grep -m3 error "$f.validate")"
	fi
done

# ---- Chromium --------------------------------------------------------------------
# shellcheck disable=SC2086
NODE_PATH="$nodedir/node_modules" node "$here/browser.cjs" "$out" $pairs >"$out/browser.log" 2>&1
code=$?
grep -E '^(ok|not ok|#)' "$out/browser.log"
pass=$((pass + $(grep -c '^ok - ' "$out/browser.log")))
fail=$((fail + $(grep -c '^not ok - ' "$out/browser.log")))
if [ "$code" != 0 ] && ! grep -q '^not ok - ' "$out/browser.log"; then
	not_ok "browser.cjs exited $code: $(tail -3 "$out/browser.log")"
fi

# ---- the nightly mail (contrib/mail/zonelint-mail-report, docs/audit.md) ----------
# sendmail is a stand-in that keeps the message; the baseline is first the
# night's own report (nothing new: no mail), then another forest's (all
# new: one mail, the report attached).
mail=$out/mail
mkdir -p "$mail/state"
printf '#!/bin/sh\necho "$*" >"%s/rcpt"\ncat >"%s/message"\n' "$mail" "$mail" >"$mail/sendmail"
chmod +x "$mail/sendmail"
inv=$top/zones-samples/replication/forest.yaml
send() {
	ZONELINT=$bin SENDMAIL=$mail/sendmail STATE=$mail/state \
		contrib/mail/zonelint-mail-report "$inv" dns-admins@example.com >"$mail/out" 2>&1
}
"$bin" --fail-on never -f json -o "$mail/state/baseline.json" "$inv"
if send && [ ! -e "$mail/message" ] && [ -s "$mail/state/report.json" ]; then
	ok "mail: nothing new, no mail, report.json kept"
else
	not_ok "mail: a night without new findings sent mail or failed: $(cat "$mail/out")"
fi
"$bin" --fail-on never -f json -o "$mail/state/baseline.json" zones-samples/clean/forest.yaml
day=$(date -u +%F)
if send && [ "$(cat "$mail/rcpt" 2>/dev/null)" = "-oi -- dns-admins@example.com" ]; then
	ok "mail: new findings, one message to the recipient"
else
	not_ok "mail: no message for new findings: $(cat "$mail/out")"
fi
# The attachment, decoded, is the report written beside it; the text part
# names a new finding.
boundary=$(sed -n 's/^Content-Type: multipart\/mixed; boundary="\(.*\)"$/\1/p' "$mail/message" 2>/dev/null)
part() {
	awk -v b="--$boundary" -v n="$1" '$0 == b || $0 == b "--" { k++; body = 0; next }
		k == n && body { print } k == n && $0 == "" { body = 1 }' "$mail/message" | base64 -d
}
if [ -n "$boundary" ] && part 2 | cmp -s - "$mail/state/report-$day.html" &&
   head -n 1 "$mail/state/report-$day.html" | grep -q '^<!DOCTYPE html>$'; then
	ok "mail: the HTML report is attached, base64, byte for byte"
else
	not_ok "mail: the attachment is not report-$day.html"
fi
if part 1 2>/dev/null | grep -q 'error: stale A record for dc03.corp.example.net. .*\[partner-stale-address\]'; then
	ok "mail: the text part lists the new findings"
else
	not_ok "mail: the text part does not list the new findings"
fi

if [ "$update" = "--update-docs" ]; then
	cp "$out/event-6702-top.png" "$top/docs/report-event-6702.png"
	cp "$out/forest-200-graph.png" "$top/docs/report-200-dcs.png"
	echo "# screenshots copied into docs/"
fi
finish
