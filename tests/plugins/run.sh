#!/bin/sh
# Plugin tests (issue 6, docs/plugins.md): the example plugins of
# contrib/plugins/ loaded into the built binary, their findings and how
# severities, --rule, the inventory's rules:, inline suppressions,
# --list-rules, --explain and SARIF treat them; every refusal of a broken
# plugin (built here from tests/plugins/bad.c); what the binary exports;
# and that rules/ and the plugins see nothing but include/.
# Usage: tests/plugins/run.sh BINARY   (the example plugins are expected in
# BINARY's folder, plugins/*.so, as `make` builds them; $CC builds the rest)
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
plugins=$(dirname "$bin")/plugins
cc=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$top" || exit 2
pass=0
fail=0

ok() { echo "ok   $1"; pass=$((pass + 1)); }
not_ok() { echo "FAIL $1"; fail=$((fail + 1)); }

# zl ARGS...: runs the binary (audit date fixed), output in $tmp/out,
# $tmp/err, exit code in $code.
zl() {
	"$bin" --date 2026-11-27 "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	code=$?
}

# same NAME EXPECTED-FILE ACTUAL-FILE
same() {
	if cmp -s "$2" "$3"; then ok "$1"; else
		not_ok "$1"; diff -u "$2" "$3" | head -30
	fi
}

# expect NAME EXIT STDOUT-FILE: the last zl run gave exactly this.
expect() {
	if [ "$code" != "$2" ]; then
		not_ok "$1: exit code $code, expected $2"; head -5 "$tmp/err"
	else
		same "$1" "$3" "$tmp/out"
	fi
}

# refused NAME MESSAGE ARGS...: zonelint refuses with exactly MESSAGE on
# stderr, nothing on stdout, exit code 2.
refused() {
	name=$1 msg=$2
	shift 2
	zl "$@"
	printf '%s\n' "$msg" >"$tmp/want"
	if [ "$code" = 2 ] && [ ! -s "$tmp/out" ] && cmp -s "$tmp/want" "$tmp/err"; then
		ok "$name"
	else
		not_ok "$name: exit code $code"; diff -u "$tmp/want" "$tmp/err" | head -10
	fi
}

# fresh: a copy of the test forest in $tmp/f to change.
fresh() {
	rm -rf "$tmp/f"
	cp -r tests/plugins/forest "$tmp/f"
}

# drop FILE PATTERN: FILE without the findings whose first line matches
# PATTERN (and their indented note/fix lines).
drop() {
	awk -v pat="$2" '/^[^ ]/ { skip = $0 ~ pat } !skip' "$1"
}

forest=tests/plugins/forest/forest.yaml
naming=$plugins/dc-name-policy.so
reverse=$plugins/dc-reverse-ptr.so
exp=$here/expected

# ---- the example plugins' findings -----------------------------------------

zl "$forest"
expect "built-in rules alone find nothing in the test forest" 0 /dev/null
zl --plugin "$naming" "$forest"
expect "dc-name-policy reports the DC outside the pattern" 0 "$exp/naming.txt"
zl --plugin "$reverse" "$forest"
expect "dc-reverse-ptr reports missing and wrong PTRs" 0 "$exp/reverse.txt"
zl --plugin "$naming" --plugin "$reverse" "$forest"
expect "both plugins together" 0 "$exp/both.txt"
cp "$tmp/out" "$tmp/both.txt"
zl --plugin "$naming" --plugin "$reverse" -f json "$forest"
expect "both plugins, json" 0 "$exp/both.json"
zl --plugin "$naming" --plugin "$reverse" --fail-on warning "$forest"
expect "plugin warnings count for --fail-on" 1 "$tmp/both.txt"

# Plain builds (no sanitizer flags) load too, also into an ASan binary.
for p in dc-name-policy dc-reverse-ptr; do
	$cc -shared -fPIC -Iinclude -o "$tmp/$p.so" "contrib/plugins/$p.c" ||
		not_ok "cc contrib/plugins/$p.c"
done
zl --plugin "$tmp/dc-name-policy.so" --plugin "$tmp/dc-reverse-ptr.so" "$forest"
expect "plugins built as docs/plugins.md says" 0 "$tmp/both.txt"

# A name without a slash is the file in the working directory, not a
# library searched for on the library path.
(cd "$plugins" && "$bin" --date 2026-11-27 --plugin dc-name-policy.so "$top/$forest" \
	>"$tmp/out" 2>/dev/null </dev/null)
if grep -q '\[dc-name-policy\]$' "$tmp/out"; then
	ok "--plugin NAME.so loads ./NAME.so"
else
	not_ok "--plugin NAME.so loads ./NAME.so"
fi

# ---- firing and silent -----------------------------------------------------

fresh
sed '/^settings:/,$d' tests/plugins/forest/forest.yaml >"$tmp/f/forest.yaml"
zl --plugin "$naming" "$tmp/f/forest.yaml"
expect "dc-name-policy is silent without the setting" 0 /dev/null
printf 'settings:\n  dc_name_pattern: "^(dc[0-9]+|srv[0-9]+)\\\\."\n' >>"$tmp/f/forest.yaml"
zl --plugin "$naming" "$tmp/f/forest.yaml"
expect "dc-name-policy is silent when every DC matches" 0 /dev/null
sed '/^settings:/,$d' tests/plugins/forest/forest.yaml >"$tmp/f/forest.yaml"
printf 'settings:\n  dc_name_pattern: "^dc[0-9"\n' >>"$tmp/f/forest.yaml"
zl --plugin "$naming" "$tmp/f/forest.yaml"
printf '%s\n' "$tmp/f/forest.yaml:11:9: warning: setting dc_name_pattern is not a valid POSIX extended regular expression: ^dc[0-9: Unmatched [, [^, [:, [., or [= [dc-name-policy]" \
	'  fix: correct dc_name_pattern in the inventory'"'"'s settings' >"$tmp/want"
expect "dc-name-policy reports a pattern that does not compile" 0 "$tmp/want"

cat >>"$tmp/f/zones/0.0.10.in-addr.arpa.dns" <<'EOF'
20	1200	IN	PTR	dc2.corp.example.
30	1200	IN	PTR	srv7.corp.example.
EOF
echo '0.3.0.0.0.0.0.0.0.0.0.0.0.0.0.0	1200	IN	PTR	srv7.corp.example.' \
	>>"$tmp/f/zones/fd00.ip6.arpa.dns"
zl --plugin "$reverse" "$tmp/f/forest.yaml"
expect "dc-reverse-ptr is silent once every DC has its PTRs" 0 /dev/null
printf '30\t3600\tIN\tNS\tns.elsewhere.example.\n' >>"$tmp/f/zones/0.0.10.in-addr.arpa.dns"
sed -i '/^30.*PTR/d' "$tmp/f/zones/0.0.10.in-addr.arpa.dns"
zl --plugin "$reverse" "$tmp/f/forest.yaml"
expect "dc-reverse-ptr skips a name delegated away" 0 /dev/null

zl --plugin "$naming" --plugin "$reverse" -z 0.0.10.in-addr.arpa \
	tests/plugins/forest/zones/0.0.10.in-addr.arpa.dns
expect "-z runs the zone pack only, not the plugins' pack" 0 /dev/null

# ---- severities, --rule, rules:, suppressions ------------------------------

zl --plugin "$naming" --plugin "$reverse" --rule dc-reverse-ptr=error "$forest"
sed '/\[dc-reverse-ptr\]$/s/: warning: /: error: /' "$tmp/both.txt" >"$tmp/want"
expect "--rule raises a plugin rule" 1 "$tmp/want"
zl --rule dc-name-policy=off --plugin "$naming" --plugin "$reverse" "$forest"
expect "--rule ID=off before --plugin turns a plugin rule off" 0 "$exp/reverse.txt"
refused "--rule naming a plugin rule without the plugin is unknown" \
	"zonelint: unknown rule 'dc-name-policy' (zonelint --list-rules shows them)
Try 'zonelint --help'." --rule dc-name-policy=off "$forest"

fresh
printf 'rules:\n  dc-name-policy: error\n' >>"$tmp/f/forest.yaml"
zl --plugin "$naming" "$tmp/f/forest.yaml"
sed "s|^tests/plugins/forest/|$tmp/f/|; s/: warning: /: error: /" "$exp/naming.txt" >"$tmp/want"
expect "the inventory's rules: sets a plugin rule's severity" 1 "$tmp/want"
zl --plugin "$naming" --rule dc-name-policy=info "$tmp/f/forest.yaml"
sed "s/: error: /: info: /" "$tmp/want" >"$tmp/want2"
expect "--rule wins over rules: for a plugin rule" 0 "$tmp/want2"
zl --plugin "$reverse" "$tmp/f/forest.yaml"
if [ "$code" = 0 ] && head -1 "$tmp/out" | grep -qx "$tmp/f/forest.yaml:44:3: warning: unknown rule 'dc-name-policy' in rules; zonelint --list-rules shows them \\[inventory\\]"
then ok "rules: naming a rule of a plugin not loaded is an inventory warning"
else not_ok "rules: naming a rule of a plugin not loaded: exit code $code"; head -3 "$tmp/out"; fi

fresh
sed -i 's/^20\t.*/&\t; zonelint: disable=dc-reverse-ptr/' "$tmp/f/zones/0.0.10.in-addr.arpa.dns"
zl --plugin "$reverse" "$tmp/f/forest.yaml"
sed "s|^tests/plugins/forest/|$tmp/f/|" "$exp/reverse.txt" | drop - ':6:1: ' >"$tmp/want"
expect "an inline suppression hides a plugin finding" 0 "$tmp/want"
if grep -q ' 1 suppressed;' "$tmp/err"; then ok "the suppressed plugin finding is counted"
else not_ok "the suppressed plugin finding is counted"; cat "$tmp/err"; fi

# ---- the rule table --------------------------------------------------------

zl --list-rules
cp "$tmp/out" "$tmp/builtin-rules"
zl --list-rules --plugin "$naming" --plugin "$reverse"
grep -v -x -F -f "$tmp/builtin-rules" "$tmp/out" >"$tmp/added"
if [ "$code" = 0 ] && [ "$(wc -l <"$tmp/out")" = $(($(wc -l <"$tmp/builtin-rules") + 2)) ] &&
	grep -q '^dc-name-policy  *site  *warning  *a DC.s host name does not match' "$tmp/added" &&
	grep -q '^dc-reverse-ptr  *site  *warning  *a DC.s address lies in a reverse' "$tmp/added"
then ok "--list-rules shows the plugin rules"
else not_ok "--list-rules shows the plugin rules"; cat "$tmp/added"; fi
zl --explain dc-reverse-ptr --plugin "$reverse"
expect "--explain explains a plugin rule" 0 "$exp/explain-dc-reverse-ptr.txt"

zl --plugin "$naming" --plugin "$reverse" -f sarif "$forest"
if [ "$code" = 0 ] &&
	grep -q '"id": *"dc-name-policy"' "$tmp/out" &&
	grep -q '"ruleId": *"dc-reverse-ptr"' "$tmp/out" &&
	[ "$(grep -c '"ruleId": *"dc-reverse-ptr"' "$tmp/out")" = 3 ]
then ok "sarif lists the plugin rules and their results"
else not_ok "sarif lists the plugin rules and their results"; head -c 600 "$tmp/err"; fi

# ---- refusals --------------------------------------------------------------

# build NAME CFLAGS...: tests/plugins/bad.c as $tmp/NAME.so
build() {
	name=$1
	shift
	$cc -std=c11 -Wall -Wextra -Werror -shared -fPIC -Iinclude "$@" \
		-o "$tmp/$name.so" tests/plugins/bad.c || not_ok "cc bad.c as $name"
}
build good
build no-symbol -DNO_SYMBOL
build wrong-abi -DABI=99
build no-rules -DNO_RULES
build no-check -DNO_CHECK
build builtin-id -DRULE_ID='"eol-os"'
build plugin-id -DRULE_ID='"dc-name-policy"'
build bad-id -DRULE_ID='"Bad_Id"'
build private -DPRIVATE_CALL
build failing -DFAILING_CHECK
build source -DSOURCE_PROBLEM
echo 'not a shared object, only text long enough to be read as an ELF header' >"$tmp/text.so"

p="zonelint: plugin $tmp"
refused "a missing file is refused" \
	"$p/none.so: cannot open it: No such file or directory" --plugin "$tmp/none.so" "$forest"
refused "a folder is refused" "$p: not a regular file" --plugin "$tmp" "$forest"
refused "a file that is not a shared object is refused" \
	"$p/text.so: cannot load it: invalid ELF header" --plugin "$tmp/text.so" "$forest"
refused "a plugin without zonelint_plugin_rules is refused" \
	"$p/no-symbol.so: it does not export zonelint_plugin_rules (see docs/plugins.md)" \
	--plugin "$tmp/no-symbol.so" "$forest"
refused "a plugin built for another ABI version is refused" \
	"$p/wrong-abi.so: built for plugin ABI version 99, but this zonelint loads version 2: rebuild it with this version's include/zonelint" \
	--plugin "$tmp/wrong-abi.so" "$forest"
refused "a plugin returning no rules is refused" \
	"$p/no-rules.so: zonelint_plugin_rules returned no rules" --plugin "$tmp/no-rules.so" "$forest"
refused "a rule without a check function is refused" \
	"$p/no-check.so: rule test-always has no check function" --plugin "$tmp/no-check.so" "$forest"
refused "a rule id clashing with a built-in is refused" \
	"$p/builtin-id.so: rule id eol-os clashes with a built-in rule" \
	--plugin "$tmp/builtin-id.so" "$forest"
refused "a rule id clashing with another plugin's is refused" \
	"$p/plugin-id.so: rule id dc-name-policy clashes with a rule of plugin $naming" \
	--plugin "$naming" --plugin "$tmp/plugin-id.so" "$forest"
refused "the same plugin twice is refused" \
	"zonelint: plugin $naming: rule id dc-name-policy clashes with a rule of plugin $naming" \
	--plugin "$naming" --plugin "$naming" "$forest"
refused "a malformed rule id is refused" \
	"$p/bad-id.so: rule id 'Bad_Id' is not made of a-z, 0-9 and '-'" \
	--plugin "$tmp/bad-id.so" "$forest"
refused "a plugin calling a private function is refused" \
	"$p/private.so: cannot load it: undefined symbol: zl_engine_new (a plugin may call only the functions of include/zonelint)" \
	--plugin "$tmp/private.so" "$forest"
refused "a rule surfacing problems found while loading is refused" \
	"$p/source.so: rule test-always sets source: only built-in rules surface problems found while loading" \
	--plugin "$tmp/source.so" "$forest"
refused "a refusal wins over --list-rules" \
	"$p/wrong-abi.so: built for plugin ABI version 99, but this zonelint loads version 2: rebuild it with this version's include/zonelint" \
	--plugin "$tmp/wrong-abi.so" --list-rules

zl --plugin "$tmp/good.so" "$forest"
printf '%s\n' "$forest:11:9: warning: test finding about corp.example. [test-always]" >"$tmp/want"
expect "a minimal plugin built from tests/plugins/bad.c loads" 0 "$tmp/want"
zl --plugin "$tmp/failing.so" "$forest"
if [ "$code" = 2 ] && cmp -s "$tmp/want" "$tmp/out" &&
	grep -qx 'zonelint: rule test-always could not run' "$tmp/err"
then ok "a check that could not run is said, its findings kept, exit code 2"
else not_ok "a check that could not run: exit code $code"; cat "$tmp/err"; fi

# ---- what the binary exports, what rules and plugins include --------------

scripts/gen-exports.sh include/zonelint/*.h | sed -n 's/^\t\(zl_[a-z0-9_]*\);$/\1/p' >"$tmp/api"
nm -D --defined-only "$bin" | awk '{ print $3 }' | sort >"$tmp/exported"
missing=$(sort "$tmp/api" | comm -23 - "$tmp/exported")
extra=$(grep '^zl_' "$tmp/exported" | comm -13 "$tmp/api" -)
if [ -s "$tmp/api" ] && [ -z "$missing" ] && [ -z "$extra" ]; then
	ok "the binary exports exactly the $(wc -l <"$tmp/api") functions of include/zonelint"
else
	not_ok "exports: missing [$missing] private [$extra]"
fi

# -MM lists every header a file reaches, system ones left out.
outside=$($cc -MM -Iinclude rules/*.c rules/lib/*.c contrib/plugins/*.c 2>&1 | tr ' \\' '\n\n' |
	grep -v -E -e '^$' -e ':$' -e '^(rules/(lib/)?[^/]*|contrib/plugins/[^/]*\.c|include/zonelint/[^/]*)$')
if [ -z "$outside" ]; then ok "rules/ and contrib/plugins/ include nothing but include/zonelint"
else not_ok "rules/ or contrib/plugins/ include: $outside"; fi

# docs/plugins.md shows dc-name-policy.c in full and the findings above.
awk '/^<!-- contrib\/plugins\/dc-name-policy.c -->$/ { getline; on = 1; next }
	on && /^```$/ { exit } on' docs/plugins.md >"$tmp/doc-example"
same "docs/plugins.md shows contrib/plugins/dc-name-policy.c as it is" \
	contrib/plugins/dc-name-policy.c "$tmp/doc-example"
awk '/^\$ zonelint --plugin/ { on = 1; next } on && /^```$/ { exit } on' \
	docs/plugins.md >"$tmp/doc-output"
same "docs/plugins.md shows the example plugins' findings as they are" \
	"$exp/both.txt" "$tmp/doc-output"

echo "plugins: $pass passed, $fail failed"
[ "$fail" = 0 ]
