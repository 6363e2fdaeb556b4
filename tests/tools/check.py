"""Checks behind the tool tests (tests/tools/*.sh), one subcommand each.

Run with Debian's /usr/bin/python3, whose python3-jsonschema and
python3-rfc3987 the project installs (scripts/install-deps.sh); every
subcommand exits 0 when the check holds and prints why when it does not.
"""
import json
import re
import sys

import jsonschema


def fail(why):
    print(why)
    sys.exit(1)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def validator(schema):
    """A validator for the schema's own draft that also checks formats.

    jsonschema checks "uri" and "uri-reference" only when rfc3987 is
    importable, and skips unknown formats silently: refuse to run without
    it, so a format check can never pass by being skipped."""
    checker = jsonschema.FormatChecker()
    for fmt in ("uri", "uri-reference"):
        if fmt not in checker.checkers:
            fail("format '%s' cannot be checked: install python3-rfc3987" % fmt)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=checker)


def cmd_schema(schema_path, doc_path, definition=None):
    """DOC is valid against SCHEMA (or against its $defs/DEFINITION)."""
    schema = load(schema_path)
    if definition:
        schema = {"$schema": schema["$schema"], "$defs": schema["$defs"],
                  "$ref": "#/$defs/" + definition}
    errors = sorted(validator(schema).iter_errors(load(doc_path)), key=str)
    for e in errors[:5]:
        print("%s: %s" % ("/".join(map(str, e.absolute_path)) or "(root)", e.message[:300]))
    sys.exit(1 if errors else 0)


def cmd_invalid(schema_path, doc_path):
    """DOC is NOT valid: proves the validator can say no."""
    if validator(load(schema_path)).is_valid(load(doc_path)):
        fail("%s passed validation but must not" % doc_path)


def cmd_mutate(doc_path, out_path, pointer, value):
    """Writes DOC with the value at a /-separated path replaced (JSON)."""
    doc = load(doc_path)
    node = doc
    keys = [int(k) if k.isdigit() else k for k in pointer.strip("/").split("/")]
    for k in keys[:-1]:
        node = node[k]
    node[keys[-1]] = json.loads(value)
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(doc, f)


def sarif_location(result):
    loc = result["locations"][0]["physicalLocation"]
    region = loc.get("region", {})
    return loc["artifactLocation"]["uri"], region.get("startLine", 0), \
        region.get("startColumn", 0)


def cmd_sarif_vs_json(sarif_path, json_path, rules_path):
    """The SARIF log says what the JSON report says, finding by finding."""
    run = load(sarif_path)["runs"][0]
    report = load(json_path)["findings"]
    rules = run["tool"]["driver"]["rules"]
    listed = [r["id"] for r in load(rules_path)]
    if [r["id"] for r in rules] != listed:
        fail("tool.driver.rules differ from --list-rules -f json")
    if len(run["results"]) != len(report):
        fail("%d results for %d findings" % (len(run["results"]), len(report)))
    level = {"error": "error", "warning": "warning", "info": "note"}
    for i, (res, f) in enumerate(zip(run["results"], report)):
        got = (res["ruleId"], rules[res["ruleIndex"]]["id"], res["level"],
               res["message"]["text"], sarif_location(res),
               res["partialFingerprints"]["zonelint/v1"])
        want = (f["rule"], f["rule"], level[f["severity"]], f["message"],
                (f["file"].replace(" ", "%20"), f["line"], f["column"]),
                f["fingerprint"])
        if got != want:
            fail("result %d: %r, want %r" % (i, got, want))


def followers(findings, cause):
    """The findings of the report that follow from `cause`, in order."""
    return [g for g in findings if g.get("caused_by") == cause["fingerprint"]
            and g is not cause]


def shown(findings):
    """The findings the text report prints without -v."""
    return [f for f in findings if "caused_by" not in f]


def cmd_qf_expected(json_path):
    """The quickfix entries vim must make of the text report, one a line:
    file|line|col|type|valid|text (newlines in text as \\n)."""
    findings = load(json_path)["findings"]
    for f in findings:
        if "caused_by" in f:
            continue            # folded under its cause (the also: line)
        text = "%s [%s]" % (f["message"], f["rule"])
        for note in f.get("notes", []):
            text += "\nnote: " + note
        fix = f.get("fix")
        if fix:
            text += "\nfix: " + fix["description"]
            for c in fix["commands"]:
                text += "\n  " + c
        also = followers(findings, f)
        if also:
            rules = []
            for g in also:
                if g["rule"] not in rules:
                    rules.append(g["rule"])
            text += "\nalso: %d %s from this (%s); -v lists them" % (
                len(also), "finding follows" if len(also) == 1 else "findings follow",
                ", ".join(rules))
        print("%s|%d|%d|%s|1|%s" % (f["file"], f["line"], f["column"],
                                   f["severity"][0].upper(),
                                   text.replace("\n", "\\n")))


# The $gcc problem matcher as the C/C++ extension (ms-vscode.cpptools)
# defines it in its package.json: "problemMatchers", name "gcc".
GCC = r"^(.*?):(\d+):(\d*):?\s+(?:fatal\s+)?(warning|error):\s+(.*)$"


def js_regex(text):
    """VS Code compiles matcher regexps with JavaScript's RegExp; the ones
    used here are in the syntax Python's re shares with it."""
    if re.search(r"\(\?<[^=!]|\\[pPk]|\(\?[imsx]", text):
        fail("matcher regexp uses syntax this check cannot run: " + text)
    return re.compile(text)


def matched(pattern, lines):
    out = []
    for line in lines:
        m = pattern["re"].match(line)
        if m:
            g = lambda k: m.group(pattern[k]) if k in pattern else None
            out.append((g("file"), int(g("line")), int(g("column") or 0),
                        g("severity"), g("message"), g("code")))
    return out


def cmd_vscode(tasks_path, json_path, text_path):
    """The shipped task's matcher reads every finding from the text report
    (file, line, column, severity, message, rule), and the stock $gcc
    matcher reads the errors and warnings."""
    tasks = load(tasks_path)["tasks"]
    matchers = [m for t in tasks for m in
                (t.get("problemMatcher") if isinstance(t.get("problemMatcher"), list)
                 else [t.get("problemMatcher")]) if isinstance(m, dict)]
    if not matchers:
        fail("no problem matcher in " + tasks_path)
    with open(text_path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    report = shown(load(json_path)["findings"])
    for m in matchers:
        pattern = dict(m["pattern"], re=js_regex(m["pattern"]["regexp"]))
        want = [(f["file"], f["line"], f["column"], f["severity"], f["message"],
                 f["rule"]) for f in report]
        got = matched(pattern, lines)
        if got != want:
            fail("task matcher read %r\nwant %r" % (got[:3], want[:3]))
    gcc = {"re": re.compile(GCC), "file": 1, "line": 2, "column": 3,
           "severity": 4, "message": 5}
    want = [(f["file"], f["line"], f["column"], f["severity"],
             "%s [%s]" % (f["message"], f["rule"]), None)
            for f in report if f["severity"] != "info"]
    got = matched(gcc, lines)
    if got != want:
        fail("$gcc read %r\nwant %r" % (got[:3], want[:3]))


def cmd_block(markdown_path, name):
    """Prints the fenced block that follows the first line naming NAME
    (docs show files whole; the tests compare them with the real ones)."""
    with open(markdown_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for i, line in enumerate(lines):
        if name in line:
            start = next(j for j in range(i + 1, len(lines))
                         if lines[j].startswith("```"))
            end = next(j for j in range(start + 1, len(lines))
                       if lines[j].startswith("```"))
            sys.stdout.write("\n".join(lines[start + 1:end]) + "\n")
            return
    fail("no block after a line naming %s in %s" % (name, markdown_path))


def multitool_results(log_path, doc_path):
    """The results Sarif.Multitool's validate log holds for DOC (its
    locations are file: URIs of the absolute paths it was given)."""
    import os
    import pathlib
    uri = pathlib.Path(os.path.abspath(doc_path)).as_uri()
    if not os.path.exists(log_path):
        fail("Sarif.Multitool wrote no log %s" % log_path)
    return [r for run in load(log_path)["runs"] for r in run.get("results", [])
            if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri]


def cmd_multitool_clean(log_path, doc_path):
    """Sarif.Multitool found no error and no warning in DOC (its notes are
    style advice, SARIF2xxx, and are not asked for)."""
    bad = [r for r in multitool_results(log_path, doc_path)
           if r.get("level", "warning") in ("error", "warning")]
    for r in bad[:5]:
        print("%s %s: %s" % (r.get("level", "warning"), r["ruleId"],
                             json.dumps(r["message"])[:300]))
    sys.exit(1 if bad else 0)


def cmd_multitool_refuses(log_path, doc_path, rule):
    """Sarif.Multitool reported the error RULE in DOC: proves it can say no."""
    if not any(r["ruleId"] == rule and r.get("level", "warning") == "error"
               for r in multitool_results(log_path, doc_path)):
        fail("Sarif.Multitool reported no %s error in %s" % (rule, doc_path))


COMMANDS = {
    "schema": cmd_schema,
    "invalid": cmd_invalid,
    "mutate": cmd_mutate,
    "sarif-vs-json": cmd_sarif_vs_json,
    "multitool-clean": cmd_multitool_clean,
    "multitool-refuses": cmd_multitool_refuses,
    "qf-expected": cmd_qf_expected,
    "vscode": cmd_vscode,
    "block": cmd_block,
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        fail("usage: check.py %s ARGS..." % "|".join(COMMANDS))
    COMMANDS[sys.argv[1]](*sys.argv[2:])
