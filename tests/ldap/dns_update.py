"""Sends one unsigned DNS UPDATE (RFC 2136) to 127.0.0.1:53: add or delete
an A record, as a client that dynamic update lets register itself.

Usage: dns_update.py add|delete ZONE NAME ADDRESS
Exits 0 when the server answers NOERROR.
"""
import socket
import struct
import sys


def wire(name):
    out = b""
    for label in name.strip(".").split("."):
        out += bytes([len(label)]) + label.encode()
    return out + b"\0"


def main():
    op, zone, name, addr = sys.argv[1:5]
    # header: id, opcode 5 (UPDATE), ZOCOUNT 1, PRCOUNT 0, UPCOUNT 1, ADCOUNT 0
    msg = struct.pack(">HHHHHH", 0x2a2a, 5 << 11, 1, 0, 1, 0)
    msg += wire(zone) + struct.pack(">HH", 6, 1)            # zone: SOA IN
    rdata = socket.inet_aton(addr)
    if op == "add":
        msg += wire(name) + struct.pack(">HHIH", 1, 1, 300, 4) + rdata
    else:                                                   # RFC 2136 2.5.4
        msg += wire(name) + struct.pack(">HHIH", 1, 254, 0, 4) + rdata
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(5)
    s.sendto(msg, ("127.0.0.1", 53))
    answer = s.recv(512)
    rcode = struct.unpack(">H", answer[2:4])[0] & 0xF
    print("rcode", rcode)
    sys.exit(0 if rcode == 0 else 1)


main()
