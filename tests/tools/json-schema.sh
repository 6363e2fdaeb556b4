#!/bin/sh
# JSON: every sample forest's --format json report, and the reports of
# broken inputs, are valid against docs/zonelint.schema.json; so are
# --list-rules --format json and the example in docs/json.md.
# Usage: tests/tools/json-schema.sh BINARY
suite=json-schema bin=$1
. "$(dirname "$0")/lib.sh"
schema=docs/zonelint.schema.json

for inv in $samples tests/e2e/inputs/broken-zone/forest.yaml tests/e2e/inputs/bad-inventory.yaml; do
	name=$(echo "$inv" | tr / _)
	"$bin" --date $date -f json "$inv" >"$tmp/$name.json"
	check "$inv: valid report" $py "$check_py" schema $schema "$tmp/$name.json"
done
"$bin" -f json -z corp zones-samples/event-6702/zones/corp.dns >"$tmp/z.json"
check "-z mode: valid report" $py "$check_py" schema $schema "$tmp/z.json"

"$bin" --list-rules -f json >"$tmp/rules.json"
check "--list-rules -f json: valid rule list" \
	$py "$check_py" schema $schema "$tmp/rules.json" ruleList
"$bin" --list-rules | tail -n +2 | cut -d' ' -f1 >"$tmp/ids.text"
$py -c 'import json,sys; print("\n".join(r["id"] for r in json.load(open(sys.argv[1]))))' \
	"$tmp/rules.json" >"$tmp/ids.json"
same "--list-rules: the same rules in text and json" "$tmp/ids.text" "$tmp/ids.json"

$py "$check_py" block docs/json.md "example report" >"$tmp/doc.json"
check "docs/json.md: the example is valid" $py "$check_py" schema $schema "$tmp/doc.json"

# The schema can say no.
$py "$check_py" mutate "$tmp/zones-samples_event-6702_forest.yaml.json" "$tmp/bad1.json" \
	/findings/0/severity '"fatal"'
check "control: an unknown severity is refused" $py "$check_py" invalid $schema "$tmp/bad1.json"
$py "$check_py" mutate "$tmp/zones-samples_event-6702_forest.yaml.json" "$tmp/bad2.json" \
	/findings/0/zone '"Corp"'
check "control: a name without its dot is refused" $py "$check_py" invalid $schema "$tmp/bad2.json"
$py "$check_py" mutate "$tmp/zones-samples_event-6702_forest.yaml.json" "$tmp/bad3.json" \
	/summary/extra 1
check "control: an unknown key is refused" $py "$check_py" invalid $schema "$tmp/bad3.json"
finish
