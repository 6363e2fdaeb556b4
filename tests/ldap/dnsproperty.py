"""The dNSProperty values of a zone (ldbsearch LDIF) with the allow-update
property ([MS-DNSP] 2.3.2.1, id 0x02, one byte) set to MODE, as an LDIF
modification for ldbmodify.

Usage: dnsproperty.py MODE DN LDIF
"""
import base64
import struct
import sys


def main():
    mode, dn, path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    text = open(path).read().replace("\n ", "")   # RFC 2849 folding
    values = [base64.b64decode(line.split("::", 1)[1].strip())
              for line in text.splitlines() if line.lower().startswith("dnsproperty::")]
    # DataLength, NameLength, Flag, Version, Id: 20 bytes; Id at 16
    out = [v for v in values if struct.unpack_from("<I", v, 16)[0] != 2]
    out.append(struct.pack("<5I", 1, 1, 0, 1, 2) + bytes([mode, 0]))
    print("dn: " + dn)
    print("changetype: modify")
    print("replace: dNSProperty")
    for v in out:
        print("dNSProperty:: " + base64.b64encode(v).decode())


main()
