"""Rule identity stays in rules/ (issue 14): lists every C string literal
of lint/ and include/ (comments skipped) that names a built-in rule id,
one "FILE:LINE: ID: LITERAL" line each, and exits 1 when there is any.

A literal names an id when it is exactly the id ("eol-os"), or, for an
id with a hyphen (no English word has one), when it holds the id as a
word ("(partner-repair-plan)").  Writers, the engine and the loaders find
rules by their descriptors' tags and source-problem kinds and read the
relations of findings, so they need no id.

Usage: rule_ids.py TOP [ALLOWED]   ALLOWED: lines "FILE LITERAL", literals
that coincide with an id or are prose for the reader (each says why).
"""
import os
import re
import sys

TOKEN = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'',
                   re.S)


def rule_ids(top):
    return sorted(f[:-2] for f in os.listdir(os.path.join(top, "rules"))
                  if f.endswith(".c"))


def names(literal, rid):
    body = literal[1:-1]
    if body == rid:
        return True
    return "-" in rid and re.search(r"(?<![a-z0-9-])%s(?![a-z0-9-])" % re.escape(rid),
                                    body) is not None


def literals(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    for m in TOKEN.finditer(text):
        if m.group(0).startswith('"'):
            yield text.count("\n", 0, m.start()) + 1, m.group(0)


def sources(top):
    for folder in ("lint", "include"):
        for root, dirs, files in os.walk(os.path.join(top, folder)):
            dirs.sort()
            for f in sorted(files):
                if f.endswith((".c", ".h")):
                    yield os.path.join(root, f)


def allowed_list(path):
    allowed = set()
    if path:
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                file, literal = line.split(" ", 1)
                allowed.add((file, literal))
    return allowed


def main(top, allowed_path=None):
    ids = rule_ids(top)
    allowed = allowed_list(allowed_path)
    found = 0
    for path in sources(top):
        rel = os.path.relpath(path, top)
        for line, lit in literals(path):
            for rid in ids:
                if names(lit, rid) and (rel, lit) not in allowed:
                    print("%s:%d: %s: %s" % (rel, line, rid, lit))
                    found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
