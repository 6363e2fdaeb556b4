#!/bin/sh
# Rule identity does not leak out of rules/ (issue 14): no file of lint/
# or include/ names a built-in rule's id in a string, but for the
# literals below, which coincide with an id or tell the reader which rule
# to read; and the scan finds an id that is planted.
# Usage: tests/tools/rule-ids.sh BINARY
suite=rule-ids bin=$1
. "$(dirname "$0")/lib.sh"
scan=tests/tools/rule_ids.py

cat >"$tmp/allowed" <<'LIST'
# The inventory key `forwarders` (and --dump-inventory writing it back).
lint/sources/inventory/servers.c "forwarders"
lint/dump_inventory.c "forwarders"
# The YAML document's root, as messages name it ("... in inventory").
lint/sources/inventory/inventory.c "inventory"
lint/sources/inventory/root.c "inventory"
# Prose of the output that points the reader at a rule (HTML legend, HTML
# zone settings, the draft inventory's comments): matched by nothing.
lint/writers/html.c "a repair plan names (partner-repair-plan)"
lint/writers/html_settings.c "<p>And %zu more servers; zone-settings-differ names each "
lint/draft/write.c "#  - os: not in DNS; add it for the eol-os rule;\n"
LIST

check "lint/ and include/ name no rule id" $py $scan . "$tmp/allowed"

# The scan itself: a copy of the tree with one planted match, one planted
# word inside a message, and one id in a comment, which is not a use.
mkdir -p "$tmp/tree/lint/out" "$tmp/tree/include" "$tmp/tree/rules"
cp rules/*.c "$tmp/tree/rules/"
cat >"$tmp/tree/lint/out/planted.c" <<'C'
/* "eol-os" in a comment is no use */
static int planted(const char *id) { return strcmp(id, "eol-os") == 0; }
static const char *said = "see partner-stale-address for it";
C
$py $scan "$tmp/tree" >"$tmp/planted" 2>&1
printf '%s\n' 'lint/out/planted.c:2: eol-os: "eol-os"' \
	'lint/out/planted.c:3: partner-stale-address: "see partner-stale-address for it"' \
	>"$tmp/want"
same "the scan finds planted ids, not those in comments" "$tmp/want" "$tmp/planted"
check "the scan fails on them" sh -c "! $py $scan '$tmp/tree' >/dev/null"

finish
