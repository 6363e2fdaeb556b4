#!/usr/bin/env python3
"""Writes a large, AD-shaped zone file for benchmarking zone checkers.

    bench/gen-zone.py OUTFILE [--records 1000000] [--origin ad.bench.example]
                      [--seed 1] [--unique-owners]

The zone is in plain RFC 1035 master format ($ORIGIN, $TTL, relative
names, blank owners for a second record at the same name), so that every
checker the benchmark compares reads it: named-checkzone, kzonecheck,
nsd-checkzone, validns and zonelint.  It holds exactly --records records:
an SOA, three NS at the apex with their addresses, then

    A 60 %, AAAA 10 %, CNAME 10 %, SRV 10 %, TXT 5 %, MX 5 %

shaped like the zone of an Active Directory domain: workstations and
servers with host records (some multi-homed, some dual-stack), aliases,
the DC locator SRV records of each site (_ldap._tcp.SITE._sites ...),
TXT and MX records.  Every alias and SRV/MX target is a host of the zone,
so a clean zone gives no findings beyond what the data is meant to hold.

With --unique-owners nearly every record has an owner name of its own
(no multi-homed hosts, no second record at a name): the worst case for a
checker's table of names, since a million records make a million names.

Output is deterministic: the same arguments write the same bytes.
"""
import argparse
import random
import sys

MIX = (("A", 60), ("AAAA", 10), ("CNAME", 10), ("SRV", 10), ("TXT", 5), ("MX", 5))
SRV_SERVICES = (("_ldap._tcp", 389), ("_kerberos._tcp", 88), ("_kpasswd._tcp", 464),
                ("_kerberos._udp", 88), ("_gc._tcp", 3268))
SITES = 64
NS = ("dc01", "dc02", "dc03")


class Zone:
    """What has been written so far: hosts to point at, the last owner."""

    def __init__(self, rng, out, unique=False):
        self.rng = rng
        self.out = out
        self.unique = unique    # every record at a new owner
        self.extra = 0          # owners made up for --unique-owners
        self.hosts = 0          # host0..host{hosts-1} have an A record
        self.aliases = 0
        self.srv = 0            # SRV owners so far
        self.mx = 0
        self.last = None        # last owner written, for blank-owner lines

    def emit(self, owner, rtype, rdata):
        if owner == self.last:
            self.out.write(f"\t\t\t{rtype}\t{rdata}\n")
        else:
            self.out.write(f"{owner}\t\t{rtype}\t{rdata}\n")
            self.last = owner

    def host_name(self, i):
        return f"ws{i:07d}"

    def some_host(self):
        return self.host_name(self.rng.randrange(self.hosts))

    def record(self, rtype):
        getattr(self, "rr_" + rtype)()

    def rr_A(self):
        # One host in ten is multi-homed: a second address at the same name.
        i = self.hosts
        if (i and not self.unique and self.rng.random() < 0.1
                and self.last == self.host_name(i - 1)):
            owner = self.last
        else:
            owner = self.host_name(i)
            self.hosts += 1
        n = self.rng.randrange(1 << 22)
        self.emit(owner, "A", f"10.{n >> 16}.{n >> 8 & 255}.{n & 255 or 1}")

    def own_owner(self, prefix):
        self.extra += 1
        return f"{prefix}{self.extra:07d}"

    def rr_AAAA(self):
        n = self.rng.randrange(1 << 32)
        self.emit(self.own_owner("v6-") if self.unique else self.some_host(), "AAAA",
                  f"fd00:ad:{n >> 16 & 0xffff:x}::{n & 0xffff:x}")

    def rr_CNAME(self):
        self.emit(f"alias{self.aliases:07d}", "CNAME", self.some_host())
        self.aliases += 1

    def rr_SRV(self):
        # The locator records of one site: several DCs behind one owner.
        if (self.last and self.last.startswith("_") and not self.unique
                and self.rng.random() < 0.75):
            owner = self.last
        else:
            svc, _ = SRV_SERVICES[self.srv % len(SRV_SERVICES)]
            owner = f"{svc}.site{self.srv // len(SRV_SERVICES) % SITES:02d}-{self.srv:06d}._sites"
            self.srv += 1
        port = dict(SRV_SERVICES)[owner[:owner.index(".site")]]
        self.emit(owner, "SRV", f"0 100 {port} {self.some_host()}")

    def rr_TXT(self):
        tag = self.rng.randrange(1 << 30)
        self.emit(self.own_owner("txt") if self.unique else self.some_host(), "TXT", f'"asset={tag:08x}" "owner=it-ops"')

    def rr_MX(self):
        if (self.last and self.last.startswith("mail") and not self.unique
                and self.rng.random() < 0.5):
            owner = self.last
        else:
            owner = f"mail{self.mx:06d}"
            self.mx += 1
        self.emit(owner, "MX", f"{self.rng.choice((10, 20, 30))} {self.some_host()}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outfile")
    ap.add_argument("--records", type=int, default=1000000)
    ap.add_argument("--origin", default="ad.bench.example")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--unique-owners", action="store_true",
                    help="nearly every record at a name of its own")
    args = ap.parse_args()
    head = 1 + 2 * len(NS)
    if args.records < head + 1:
        sys.exit(f"gen-zone: --records must be at least {head + 1}")
    origin = args.origin.rstrip(".") + "."
    rng = random.Random(args.seed)
    types = [t for t, _ in MIX]
    weights = [w for _, w in MIX]
    with open(args.outfile, "w", newline="\n", buffering=1 << 20) as out:
        out.write(f"; AD-shaped benchmark zone: {args.records} records, seed {args.seed}"
                  f"{', unique owners' if args.unique_owners else ''}\n"
                  f"$ORIGIN {origin}\n$TTL 3600\n"
                  f"@\tIN\tSOA\t{NS[0]} hostmaster (\n"
                  "\t\t2026112701 ; serial\n\t\t900 600 86400 3600 )\n")
        for ns in NS:
            out.write(f"\t\tNS\t{ns}\n")
        for k, ns in enumerate(NS):
            out.write(f"{ns}\t\tA\t10.0.0.{k + 10}\n")
        zone = Zone(rng, out, args.unique_owners)
        zone.rr_A()                           # a host before any target
        left = args.records - head - 1
        for rtype in rng.choices(types, weights, k=left):
            zone.record(rtype)
    print(f"gen-zone: {args.records} records in {args.outfile}")


if __name__ == "__main__":
    main()
