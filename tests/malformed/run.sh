#!/bin/sh
# Broken and hostile input (issue 8): one row of the table per input.  Each
# row gives the input (written into a temporary folder at test time: binary
# and huge files are never committed), the command line, the exit code
# SPEC 1 calls for (2 where the input cannot be used), and the finding it
# must give, as a regular expression over the text output's finding line
# (file:line:column: severity: message [rule]).  Zone rows lint the broken
# file together with good.dns, whose duplicate record must still be
# reported: one broken file never hides the rest of the audit.
# Usage: tests/malformed/run.sh BINARY
set -u
bin=$1
case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
tmp=$(mktemp -d)
trap 'chmod -R u+rwX "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
chmod 755 "$tmp"
cd "$tmp" || exit 2
pass=0
fail=0
GOOD='good\.dns:5:1: warning: A 10\.0\.0\.1 at ns\.corp\. duplicates .*\[duplicate-record\]'

ok() { pass=$((pass + 1)); echo "ok $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1: $2"; sed 's/^/    /' out | head -20; }

# Address space for one run: 1 GiB, unless the binary cannot start within
# that (AddressSanitizer reserves terabytes of shadow memory up front).
limit=1048576
sh -c 'ulimit -v $1 && "$0" --version >/dev/null 2>&1 && exit 0; exit 1' "$bin" $limit \
	2>/dev/null || limit=unlimited

# run NAME EXIT PATTERN [PATTERN2] -- ARGS: zonelint ARGS (10 s and the
# limit above at most) must exit EXIT, and print a line matching PATTERN
# (and PATTERN2).
run() {
	name=$1 want=$2 pat=$3 pat2=
	shift 3
	if [ "$1" != -- ]; then pat2=$1; shift; fi
	shift
	(ulimit -v $limit; exec timeout 10 "$bin" --date 2026-11-27 "$@") >out 2>err </dev/null
	code=$?
	if [ $code != "$want" ]; then
		bad "$name" "exit code $code, expected $want"
	elif ! grep -Eq "^$pat\$" out; then
		bad "$name" "no line matching: $pat"
	elif [ -n "$pat2" ] && ! grep -Eq "^$pat2\$" out; then
		bad "$name" "no line matching: $pat2"
	elif [ "$(awk 'length > 600' out | wc -l)" != 0 ]; then
		bad "$name" "a line over 600 characters: input quoted without bound"
	elif LC_ALL=C tr -d '\n\t' <out | LC_ALL=C grep -q '[[:cntrl:]]'; then
		bad "$name" "control characters from the input reached the output"
	else
		ok "$name"
	fi
}

# run_err NAME EXIT PATTERN -- ARGS: as run, PATTERN on standard error.
run_err() {
	name=$1 want=$2 pat=$3
	shift 4
	(ulimit -v $limit; exec timeout 10 "$bin" --date 2026-11-27 "$@") >out 2>err </dev/null
	code=$?
	if [ $code != "$want" ]; then bad "$name" "exit code $code, expected $want"
	elif ! grep -Eq "^$pat\$" err; then bad "$name" "no line on stderr matching: $pat"
	else ok "$name"; fi
}

# zone NAME EXIT PATTERN FILE [ARGS]: FILE linted with good.dns.
zone() {
	name=$1 want=$2 pat=$3 file=$4
	shift 4
	run "$name" "$want" "$pat" "$GOOD" -- "$@" -z corp "$file" good.dns
}

# ---- inputs ----------------------------------------------------------------

soa='@ SOA ns hostmaster 1 900 600 86400 3600'
printf '$TTL 3600\n%s\n@ NS ns\nns A 10.0.0.1\nns A 10.0.0.1\n' "$soa" >good.dns
: >empty.dns
head -c 4096 "$bin" >binary.dns                      # ELF: a NUL on line 1
pad=$(awk 'BEGIN { s = sprintf("%5000s", ""); gsub(/ /, "x", s); print s }')
printf '%s\n;%s\n@ NS ns\nns A 10.0.0.1\nt TXT "a\000b"\n' "$soa" "$pad" >nul.dns
bom16() {  # UTF-16 with a byte-order mark, as PowerShell's Out-File writes
	printf "$1"
	printf '$TTL 60\r\n%s\r\n@ NS ns\r\nns A 10.0.0.1\r\nns A 10.0.0.1\r\n' "$soa" |
		iconv -f UTF-8 -t "$2"
}
bom16 '\377\376' UTF-16LE >utf16le.dns
bom16 '\376\377' UTF-16BE >utf16be.dns
{ printf '%s\n' "$soa"; printf 'big TXT'
  awk 'BEGIN { s = "\"" sprintf("%200s", "") "\""; gsub(/ /, "a", s)
               for (i = 0; i < 5300; i++) printf " %s", s; print "" }'; } >long.dns
label63=$(awk 'BEGIN { s = sprintf("%63s", ""); gsub(/ /, "a", s); print s }')
printf '%s\n%s.%s.%s.%s.x A 10.0.0.1\n' "$soa" $label63 $label63 $label63 $label63 >name256.dns
printf '%s\n%sa A 10.0.0.1\n' "$soa" $label63 >label64.dns
printf '%s\nhost 4294967296 A 10.0.0.1\n' "$soa" >ttl.dns
printf '%s\nhost A ( 10.0.0.1\nnext A 10.0.0.2\n' "$soa" >open-paren.dns
printf '%s\nhost A 10.0.0.1 )\n' "$soa" >close-paren.dns
mkdir inc inc/sub outside
printf '%s\n$INCLUDE b.dns\n' "$soa" >inc/a.dns
printf 'x A 10.0.0.1\n$INCLUDE a.dns\n' >inc/b.dns
printf '%s\n$INCLUDE nowhere.dns\n' "$soa" >inc/missing.dns
printf '%s\n$INCLUDE /etc/shadow\n' "$soa" >inc/absolute.dns
printf '%s\n$INCLUDE ../outside/part.dns\n' "$soa" >inc/parent.dns
printf 'dup A 10.0.0.9\ndup A 10.0.0.9\n' >outside/part.dns
ln -s ../outside inc/link
printf '%s\n$INCLUDE link/part.dns\n' "$soa" >inc/symlink.dns
mkdir dir.dns
printf '%s\n' "$soa" >unreadable.dns && chmod 000 unreadable.dns
printf '%s\nevil\\027[31m A 10.0.0.1\n\033]0;pwned\007 A 10.0.0.2\n' "$soa" >escape.dns
printf '$TTL 3600\r\n%s\r\n@ NS ns\r\nns A 10.0.0.1\r\nns A 10.0.0.1\r\n' "$soa" >crlf.dns
printf '%s\n@ NS ns\n$GENERATE 1-3 host$ A 10.0.0.$\n$GENERATE 1-2 ns A 10.0.0.1\n' \
	"$soa" >generate.dns

# Not regular files (issue 19): a FIFO blocks a reader forever, a device
# may never end; a sparse file of zeros is binary from its first byte.
mkfifo fifo.dns inc/fifo.dns
printf '%s\n$INCLUDE fifo.dns\n' "$soa" >inc/include-fifo.dns
printf '%s\n$INCLUDE .\n' "$soa" >inc/include-dot.dns
truncate -s 64G sparse.dns 2>/dev/null || : >sparse.dns
printf '%s\n@ SOA ns hostmaster 4294967296 900 600 86400 3600\n' "$soa" >serial.dns
printf '@ SOA ns hostmaster 1 900 600 4294967296 3600\n' >timer.dns
"$bin" -f json -z corp good.dns >baseline.json 2>/dev/null
{ printf '\357\273\277'; cat baseline.json; } >baseline-bom.json
mkdir baseline-dir
cp good.dns "$(printf 'caf\351.dns')"                 # Latin-1: not UTF-8

inv() { printf 'version: 1\nforest: corp\n'; cat; }
inv <<'EOF' >bomb.yaml
servers:
  - name: dc1.corp
    addresses: &a0 [10.0.0.1/24, 10.0.0.1/24, 10.0.0.1/24, 10.0.0.1/24, 10.0.0.1/24]
    replicates_from: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]
settings: &a2 {a: *a1, b: *a1, c: *a1, d: *a1, e: *a1, f: *a1, g: *a1, h: *a1}
zones: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]
domains: [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]
EOF
awk 'BEGIN { printf "version: 1\nforest: corp\nsettings:\n  x: "
             for (i = 0; i < 5000; i++) printf "["; for (i = 0; i < 5000; i++) printf "]"
             print "" }' >deep.yaml
inv <<'EOF' >dupkey.yaml
servers:
  - name: dc1.corp
    addresses: [10.0.0.1/24]
    addresses: [10.0.0.2/24]
EOF
mkdir dir.yaml
inv </dev/null >unreadable.yaml && chmod 000 unreadable.yaml
: >empty.yaml
head -c 2000 /dev/urandom >binary.yaml && printf '\000' >>binary.yaml
# Inventory paths leaving the inventory's folder (issue 19): secret is not
# a zone file, and must never be quoted beyond the token that failed.
mkdir forest secrets
printf 'root:$y$j9T$SALTSECRET$HASHSECRET:19000:0:99999:7:::\nPASSWORD SECRETVALUE\n' \
	>secrets/shadow
ln -s ../secrets forest/link
forest() {
	printf 'version: 1\nforest: corp.example\nservers:\n'
	printf '  - {name: dc1.corp.example, addresses: [10.0.0.1/24]}\n'
	printf '  - {name: dc2.corp.example, addresses: [10.0.0.2/24]}\n'
	printf 'zones:\n  - name: corp.example\n    storage: file\n'
	printf '    hosted_on: [dc1.corp.example, dc2.corp.example]\n'
	printf '    file: %s\n' "$1"
	[ -z "${2-}" ] || printf '    views: {dc2.corp.example: %s}\n' "$2"
}
inv <<'EOF' >server-name.yaml
servers:
  - name: x$(calc);calc&calc|calc.corp
    addresses: [10.0.0.1/24]
EOF
forest "$tmp/secrets/shadow" >forest/absolute.yaml
forest ../secrets/shadow >forest/parent.yaml
forest link/shadow >forest/symlink.yaml
printf '%s\n@ NS dc1\ndc1 A 10.0.0.1\n' "$soa" >forest/corp.dns
forest corp.dns ../secrets/shadow >forest/views.yaml

# ---- the table ---------------------------------------------------------------

zone empty 1 'empty\.dns:1:1: error: zone corp\. has no SOA record at its apex \[soa\]' empty.dns
zone binary 2 'binary\.dns:1:1: error: binary\.dns holds binary data .*\[zone-syntax\]' binary.dns
zone nul-byte 2 'nul\.dns:5:9: error: NUL byte in the text .*\[zone-syntax\]' nul.dns
run utf16le-bom 0 'utf16le\.dns:1:1: info: utf16le\.dns is UTF-16 text .*\[zone-windows-type\]' \
	'utf16le\.dns:5:1: warning: A 10\.0\.0\.1 at ns\.corp\. duplicates .*\[duplicate-record\]' \
	-- -z corp utf16le.dns
run utf16be-bom 0 'utf16be\.dns:1:1: info: utf16be\.dns is UTF-16 text .*\[zone-windows-type\]' \
	'utf16be\.dns:5:1: warning: A 10\.0\.0\.1 at ns\.corp\. duplicates .*\[duplicate-record\]' \
	-- -z corp utf16be.dns
zone 1mib-line 2 'long\.dns:2:9: error: bad TXT record: the record has more data than a record may hold: .{1,80}\.\.\.'"'"' \[zone-syntax\]' long.dns
zone name-over-255 2 'name256\.dns:2:1: error: bad owner name .*\[zone-syntax\]' name256.dns
zone label-over-63 2 'label64\.dns:2:1: error: bad owner name .*\[zone-syntax\]' label64.dns
zone ttl-overflow 2 "ttl\\.dns:2:6: error: bad TTL '4294967296' .*\\[zone-syntax\\]" ttl.dns
zone open-paren 2 "open-paren\\.dns:2:8: error: '\\(' is never closed.*\\[zone-syntax\\]" open-paren.dns
zone close-paren 2 "close-paren\\.dns:2:17: error: '\\)' without a matching '\\('.*\\[zone-syntax\\]" close-paren.dns
zone include-loop 2 'inc/b\.dns:2:10: error: \$INCLUDE loop: inc/a\.dns is already being read \[zone-syntax\]' inc/a.dns
zone include-missing 2 'inc/missing\.dns:2:10: error: cannot read included file inc/nowhere\.dns: No such file or directory \[zone-syntax\]' inc/missing.dns
zone include-absolute 2 'inc/absolute\.dns:2:10: error: \$INCLUDE of the absolute path /etc/shadow is refused .*\[zone-syntax\]' inc/absolute.dns
zone include-parent 2 'inc/parent\.dns:2:10: error: \$INCLUDE \.\./outside/part\.dns leaves the folder of inc/parent\.dns .*\[zone-syntax\]' inc/parent.dns
zone include-symlink 2 'inc/symlink\.dns:2:10: error: \$INCLUDE link/part\.dns leads outside the folder of inc/symlink\.dns through a symbolic link .*\[zone-syntax\]' inc/symlink.dns
zone include-anywhere 1 'inc/\.\./outside/part\.dns:2:1: warning: A 10\.0\.0\.9 at dup\.corp\. duplicates .*\[duplicate-record\]' inc/parent.dns --include-anywhere
zone directory 2 'dir\.dns:1:1: error: cannot read zone file dir\.dns: Is a directory \[zone-syntax\]' dir.dns
zone missing-file 2 'absent\.dns:1:1: error: cannot read zone file absent\.dns: No such file or directory \[zone-syntax\]' absent.dns
zone fifo 2 'fifo\.dns:1:1: error: cannot read zone file fifo\.dns: not a regular file \[zone-syntax\]' fifo.dns
zone include-fifo 2 'inc/include-fifo\.dns:2:10: error: cannot read included file inc/fifo\.dns: not a regular file \[zone-syntax\]' inc/include-fifo.dns
zone include-dot 2 'inc/include-dot\.dns:2:10: error: cannot read included file inc/\.: Is a directory \[zone-syntax\]' inc/include-dot.dns
zone dev-zero 2 '/dev/zero:1:1: error: cannot read zone file /dev/zero: not a regular file \[zone-syntax\]' /dev/zero
zone sparse-64g 2 'sparse\.dns:1:1: error: sparse\.dns holds binary data .*\[zone-syntax\]' sparse.dns
zone soa-serial-2-32 2 "serial\\.dns:2:[0-9]+: error: .*'4294967296'.*\\[zone-syntax\\]" serial.dns
zone soa-timer-2-32 2 "timer\\.dns:1:[0-9]+: error: .*'4294967296'.*\\[zone-syntax\\]" timer.dns
run_err baseline-fifo 2 'zonelint: cannot read baseline fifo\.dns: not a regular file' -- --baseline fifo.dns -z corp good.dns
run_err baseline-dir 2 'zonelint: cannot read baseline baseline-dir: Is a directory' -- --baseline baseline-dir -z corp good.dns
run_err baseline-bom 0 'zonelint: 0 errors, 0 warnings, 0 info, 1 suppressed; .*' -- --baseline baseline-bom.json -z corp good.dns
run terminal-escapes 2 "escape\\.dns:3:1: error: record without a type: '\\\\x1b\\]0' \\[zone-syntax\\]" \
	'escape\.dns:2:1: warning: owner evil\\027\[31m\.corp\. of A .*\[hostname-syntax\]' -- -z corp escape.dns
zone crlf 0 'crlf\.dns:5:1: warning: A 10\.0\.0\.1 at ns\.corp\. duplicates .*\[duplicate-record\]' crlf.dns
zone generate 0 'generate\.dns:4:1: warning: A 10\.0\.0\.1 at ns\.corp\. duplicates .*\[duplicate-record\]' generate.dns

# Unreadable: root reads any file, so the check runs as nobody then, with
# a copy of the binary here (the checkout may sit in root's home).
if [ "$(id -u)" = 0 ]; then
	as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; }
	cp "$bin" zonelint-copy && chmod 755 zonelint-copy
	user_bin=$tmp/zonelint-copy
else
	as_user() { "$@"; }
	user_bin=$bin
fi
run_user() {
	name=$1 want=$2 pat=$3
	shift 3
	as_user "$user_bin" --date 2026-11-27 "$@" >out 2>err </dev/null
	code=$?
	if [ $code != "$want" ]; then bad "$name" "exit code $code, expected $want"
	elif ! grep -Eq "^$pat\$" out; then bad "$name" "no line matching: $pat"
	else ok "$name"; fi
}
run_user unreadable-zone 2 'unreadable\.dns:1:1: error: cannot read zone file unreadable\.dns: Permission denied \[zone-syntax\]' -z corp unreadable.dns good.dns
run_user unreadable-inventory 2 'unreadable\.yaml:1:1: error: cannot read inventory .*Permission denied \[inventory\]' unreadable.yaml

run yaml-alias-bomb 2 'bomb\.yaml:[0-9]+:[0-9]+: error: .*\[inventory\]' -- bomb.yaml
run yaml-deep-nesting 2 'deep\.yaml:4:[0-9]+: error: the inventory nests deeper than 64 levels \[inventory\]' -- deep.yaml
run yaml-duplicate-key 2 "dupkey\\.yaml:6:5: error: duplicate key 'addresses' .*\\(first at line 5\\) \\[inventory\\]" \
	'dupkey\.yaml:2:9: warning: the forest root domain corp\. has a single-label DNS name \[single-label-domain\]' -- dupkey.yaml
run inventory-directory 2 'dir\.yaml:1:1: error: cannot read inventory .*Is a directory \[inventory\]' -- dir.yaml
run inventory-empty 2 'empty\.yaml:1:1: error: the inventory is empty.*\[inventory\]' -- empty.yaml
run inventory-binary 2 'binary\.yaml:[0-9]+:[0-9]+: error: bad YAML: .*\[inventory\]' -- binary.yaml

run server-not-host 2 "server-name\\.yaml:4:11: error: server name 'x.*calc&calc\\|calc\\.corp\\.' is not a host name .*\\[inventory\\]" -- server-name.yaml
if grep -q 'dnscmd\|-ComputerName' out; then bad server-not-host "a command names the server"; fi
inv_confined() {
	run "$1" 2 "forest/$1\\.yaml:$2: error: zone file $3: $4 \\(--include-anywhere allows it\\) \\[inventory\\]" \
		-- "forest/$1.yaml"
	if grep -q SECRET out; then bad "$1" "the file outside was quoted"; fi
}
inv_confined absolute 10:11 "$tmp/secrets/shadow" 'an absolute path is refused'
inv_confined parent 10:11 '\.\./secrets/shadow' 'leaves the folder of the inventory and is refused'
inv_confined symlink 10:11 'forest/link/shadow' 'leads outside the folder of the inventory through a symbolic link and is refused'
inv_confined views 11:31 '\.\./secrets/shadow' 'leaves the folder of the inventory and is refused'
run inventory-anywhere 2 'forest/\.\./secrets/shadow:1:1: error: record without a type: \(not quoted: no SOA record came before it, so this may not be a zone file\) \[zone-syntax\]' \
	"forest/\\.\\./secrets/shadow:2:10: error: unknown record type 'SECRETVALUE' \\[zone-syntax\\]" \
	-- --include-anywhere forest/parent.yaml
if grep -q 'HASHSECRET\|SALTSECRET' out; then bad inventory-anywhere "the hash was quoted"; fi

# DOT injection (issue 19): a site name ending in a backslash must not end
# its DOT string early.  The DOT text is rendered with Graphviz, as
# docs/report.md says, and the SVG must hold no javascript: link and show
# the names as they are.
inv <<'EOF' >dot.yaml
servers:
  - name: dc1.corp
    addresses: [10.0.0.1/24]
    site: 'evil\'
    replicates_from: [dc2.corp]
  - name: dc2.corp
    addresses: [10.0.0.2/24]
    site: '] ; x [URL=<javascript:alert(1)>] ; y [label=\'
    replicates_from: [dc1.corp]
EOF
if ! command -v dot >/dev/null; then
	fail=$((fail + 1))
	echo "FAIL dot-injection: Graphviz's dot is missing (make test-deps installs graphviz)"
elif ! "$bin" -f dot dot.yaml >dot.gv 2>err; then
	bad dot-injection "zonelint -f dot failed"
elif ! dot -Tsvg dot.gv >dot.svg 2>out; then
	bad dot-injection "dot -Tsvg refused the DOT text"
elif grep -qi 'href="javascript:' dot.svg; then
	bad dot-injection "the SVG links to javascript:"
elif ! grep -q '>evil\\</text>' dot.svg; then
	bad dot-injection "the site label evil\\ is not shown as it is"
else
	ok dot-injection
fi

# Invalid UTF-8 in a file name: shown as \xHH in text, and the JSON keeps
# the `file` key (jansson refuses invalid UTF-8 strings).
run latin1-file-name 0 'caf\\xe9\.dns:5:1: warning: A 10\.0\.0\.1 at ns\.corp\. duplicates .*\[duplicate-record\]' \
	-- -z corp "$(printf 'caf\351.dns')"
"$bin" -f json -z corp "$(printf 'caf\351.dns')" >out 2>err
if grep -q '"file": "caf\\\\xe9\.dns"' out; then ok latin1-file-name-json
else bad latin1-file-name-json "no \"file\": \"caf\\\\xe9.dns\" in the JSON"; fi

# NEL (U+0085), RLO (U+202E), ESC and BEL from the inventory reach neither
# the text nor the HTML report's SVG: they are shown as their bytes.
inv <<'EOF' >unicode.yaml
servers:
  - name: dc1.corp
    addresses: [10.0.0.1/24]
    site: "A\u0085B\u202eC\eD\aE"
    os: "W\u202eX\e[31m"
    replicates_from: [dc2.corp]
  - {name: dc2.corp, addresses: [10.1.0.2/24], replicates_from: [dc1.corp]}
EOF
raw_unicode() { grep -c "$(printf '\342\200\256\|\302\205\|\033\|\007')" "$1"; }
run unicode-text 0 "unicode\\.yaml:7:9: warning: unknown os 'W\\\\xe2\\\\x80\\\\xaeX.*\\[inventory\\]" \
	-- unicode.yaml
if [ "$(raw_unicode out)" != 0 ]; then bad unicode-text "raw U+0085, U+202E, ESC or BEL in the text"; fi
"$bin" --date 2026-11-27 -f html unicode.yaml >unicode.html 2>err
if [ "$(raw_unicode unicode.html)" != 0 ]; then bad unicode-svg "raw U+0085, U+202E, ESC or BEL in the HTML"
elif ! grep -q 'A\\xc2\\x85B\\xe2\\x80\\xaeC\\x1bD\\x07E' unicode.html; then
	bad unicode-svg "the site is not shown as its bytes"
else ok unicode-svg; fi

# No overall bound on work (issue 19): --max-records stops the load with a
# located error; 100000 findings from 81 bytes are written as JSON and
# SARIF within 300 MB of address space (the writers stream the findings:
# one tree of them all took 5 GB for a million), and a writer that runs
# out of memory says so.
printf '%s\n@ NS ns\nns A 10.0.0.1\n$GENERATE 1-2000 h$ A 10.0.0.2\n' "$soa" >generate-many.dns
run record-limit 2 'generate-many\.dns:4:1: error: more than 1000 records in this run \(--max-records raises the limit\); the rest of zone corp\. is not read \[zone-syntax\]' \
	-- --max-records 1000 -z corp generate-many.dns
printf '$TTL 60\n%s\n@ NS ns\n$GENERATE 1-100000 x A 10.0.0.1\n' "$soa" >findings.dns
for f in json sarif; do
	vlimit=300000
	[ "$limit" = unlimited ] && vlimit=unlimited
	(ulimit -v $vlimit; exec timeout 120 "$bin" -f $f -z corp findings.dns) >out 2>err
	code=$?
	n=$(grep -c '"fingerprint"\|"zonelint/v1"' out)
	if [ $code = 1 ] && [ "$n" = 100000 ] && [ "$(tail -n 1 out)" = "}" ]; then
		ok "100000-findings-$f"
	else
		bad "100000-findings-$f" "exit $code, $n findings written in 300 MB"
		sed 's/^/    /' err | head -3
	fi
done
(ulimit -v 40000; exec timeout 10 "$bin" -f sarif -z corp findings.dns) >out 2>err
if [ "$limit" = unlimited ] || grep -q '^zonelint: .*\(out of memory\|Cannot allocate memory\)' err; then
	ok out-of-memory-said
else
	bad out-of-memory-said "no message on stderr when memory ran out"; sed 's/^/    /' err | head -3
fi

# -o FILE is written to a temporary file and renamed: a run that dies
# while it writes (here at the file size limit, SIGXFSZ) leaves the
# previous report whole, and a run that ends replaces it whole.
awk -v soa="$soa" 'BEGIN { print soa; print "@ NS ns"
	for (i = 0; i < 2000; i++) printf "h%d A 10.0.%d.%d\nh%d A 10.0.%d.%d\n",
		i, i / 250, i % 250, i, i / 250, i % 250 }' >dups.dns
echo '{"previous": "report"}' >report.json
cp report.json before.json
sh -c 'ulimit -f 64; "$@"; true' sh "$bin" -f json -o report.json -z corp dups.dns \
	>/dev/null 2>&1
if cmp -s report.json before.json; then
	"$bin" -f json -o report.json -z corp dups.dns >/dev/null 2>&1
	"$bin" -f json -z corp dups.dns >full.json 2>/dev/null
	if cmp -s report.json full.json && [ "$(wc -c <full.json)" -gt 65536 ]; then
		ok output-atomic
	else
		fail=$((fail + 1))
		echo "FAIL output-atomic: a finished run did not leave the whole report"
	fi
else
	fail=$((fail + 1))
	echo "FAIL output-atomic: a run killed while writing changed the previous report"
fi

echo "malformed: $pass passed, $fail failed"
[ $fail = 0 ]
