"""The DACL of an SDDL security descriptor ([MS-DTYP] 2.5.1) without the
access-allowed ACEs that give Authenticated Users (AU) create-child (CC),
as an LDIF modification of nTSecurityDescriptor for ldbmodify.

Usage: sddl_drop_au_cc.py LDIF DN   (LDIF: ldbsearch output)
"""
import re
import sys


def keep(ace):
    f = ace.strip("()").split(";")
    return not (len(f) >= 6 and f[0] in ("A", "OA") and f[5] == "AU" and "CC" in f[2])


def unfold(path):
    """The nTSecurityDescriptor value of an ldbsearch LDIF, its folded
    continuation lines (RFC 2849: a leading space) joined."""
    text = open(path).read().replace("\n ", "")
    for line in text.splitlines():
        if line.startswith("nTSecurityDescriptor: "):
            return line.split(": ", 1)[1].strip()
    sys.exit("no nTSecurityDescriptor in " + path)


def main():
    sddl = unfold(sys.argv[1])
    head, sep, rest = sddl.partition("D:")
    dacl, ssep, sacl = rest.partition("S:")
    flags = re.match(r"[A-Z]*", dacl).group(0)
    aces = re.findall(r"\([^)]*\)", dacl)
    new = head + sep + flags + "".join(a for a in aces if keep(a)) + ssep + sacl
    print("dn: " + sys.argv[2])
    print("changetype: modify")
    print("replace: nTSecurityDescriptor")
    print("nTSecurityDescriptor: " + new)


main()
