#!/usr/bin/env python3
"""Writes a large synthetic AD forest for benchmarking zonelint.

    bench/gen-forest.py OUTDIR [--dcs 200] [--records 20000 | --hosts N]
                        [--differing N] [--domain-size N]

OUTDIR gets forest.yaml and, under zones/, each DC's own export of the
forest zone (the inventory's `views:`), every one holding --records records
(or the DCs' own records and --hosts host records besides) in Windows
dnscmd /ZoneExport format (CRLF, [AGE:N] stamps, blank owners), plus one
shared copy of the forest-wide _msdcs zone.  Every copy holds every DC's
whole locator set (MS-ADTS 6.3.2.3: per-site, partition, gc, pdc and
domain-GUID records) and names every DC that hosts the zone in its NS
sets, as Windows DNS servers do by default.  Most exports have the same
content; --differing of them (default: one in forty) hold a stale or a
missing host record of a replication partner, so the partner rules and the
repair plan have work to do.  With --domain-size N the DCs are split into
domains of N DCs (the forest root, then child domains d001, d002, ...),
each DC exporting its own domain's zone: the shape of the biggest forests,
in which a copy of a zone lists the DCs of one domain, not all of them.
Each domain's records are in its own zone (a child domain's dc, pdc and
per-site dc names under _msdcs too); the forest-wide ones (gc,
ForestDnsZones) of every DC and the delegations of _msdcs and of the
child domains (every DC hosting one in its NS set, with glue) in the
forest root's zone, whose copies so hold more than --records records in
big forests; the forest root domain's dc and pdc names, gc and every
domain's GUID records in _msdcs.  The inventory gives each domain's GUID
(`domains:` as {name, guid} mappings) and each domain's first DC the pdc
role.  Then:

    zonelint --date 2026-11-27 OUTDIR/forest.yaml

Output is deterministic: the same arguments write the same bytes.
"""
import argparse
import hashlib
import os
import sys
import uuid

FOREST = "bench.example"
SITE_SIZE = 20              # DCs per site; each site has its own /24
AUDIT_AGE = 3733392         # 2026-11-27 00:00 UTC in [AGE:N] hours
SRV_SERVICES = (("_ldap._tcp", 389), ("_kerberos._tcp", 88), ("_kpasswd._tcp", 464),
                ("_kerberos._udp", 88), ("_kpasswd._udp", 464))


def guid(text):
    return str(uuid.UUID(bytes=hashlib.sha256(text.encode()).digest()[:16]))


def domain_guid(domain):
    return guid("domain " + domain)


def domain_name(k):
    return FOREST if k == 0 else f"d{k:03d}.{FOREST}"


class DC:
    def __init__(self, i, domain_size):
        self.index = i
        self.label = f"dc{i + 1:03d}"
        self.domain = domain_name(i // domain_size if domain_size else 0)
        self.name = f"{self.label}.{self.domain}"
        self.site_no = i // SITE_SIZE
        self.site = f"site{self.site_no + 1:02d}"
        self.addr = (f"10.{self.site_no % 250 + 1}.{self.site_no // 250}."
                     f"{i % SITE_SIZE + 10}")
        self.age = AUDIT_AGE - 1 - i % 48
        self.gc = i % SITE_SIZE == 0
        self.pdc = i % domain_size == 0 if domain_size else i == 0
        self.guid = guid(self.name)
        self.inbound = []


def topology(dcs):
    """A ring in each site, and a ring of the sites' first DCs (the hubs)."""
    sites = {}
    for dc in dcs:
        sites.setdefault(dc.site_no, []).append(dc)
    for members in sites.values():
        for k, dc in enumerate(members):
            if len(members) > 1:
                dc.inbound.append(members[k - 1])
            if len(members) > 2:
                dc.inbound.append(members[(k + 1) % len(members)])
    hubs = [members[0] for _, members in sorted(sites.items())]
    for k, hub in enumerate(hubs):
        if len(hubs) > 1 and hubs[k - 1] not in hub.inbound:
            hub.inbound.append(hubs[k - 1])


def partners(dc, dcs):
    out = {p.index for p in dc.inbound}
    out |= {d.index for d in dcs if dc in d.inbound}
    return sorted(out)


def line(owner, body):
    return (owner.ljust(24) if len(owner) < 24 else owner + " ") + body


def aged(owner, age, ttl, rtype, rdata):
    return line(owner, f"[AGE:{age}]\t{ttl}\t{rtype}\t{rdata}")


def header(origin, serial, primary, ns):
    out = [";",
           f";  Database file {origin}.dns for Default zone scope in zone {origin}.",
           f";      Zone version:  {serial}",
           ";",
           "",
           f"@                       IN  SOA {primary}.  hostmaster.{FOREST}. (",
           f"                        \t{serial:<13d}; serial number",
           "                        \t900          ; refresh",
           "                        \t600          ; retry",
           "                        \t86400        ; expire",
           "                        \t3600       ) ; default TTL",
           "", ";", ";  Zone NS records", ";", ""]
    out += [line("@", f"NS\t{n}.") for n in ns]
    out += ["", ";", ";  Zone records", ";", ""]
    return out


def srv_block(owner, port, targets):
    out = []
    for k, dc in enumerate(targets):
        out.append(aged(owner if k == 0 else "", dc.age, 600, "SRV",
                        f"0 100 {port}\t{dc.name}."))
    return out


def sites_of(dcs):
    out = {}
    for dc in dcs:
        out.setdefault(dc.site, []).append(dc)
    return sorted(out.items())


def a_block(owner, targets):
    return [aged(owner if k == 0 else "", dc.age, 600, "A", dc.addr)
            for k, dc in enumerate(targets)]


def records_in(body):
    """Records of an export: the SOA and every line after its header that
    is no comment."""
    end = next(k for k, x in enumerate(body) if "; default TTL" in x)
    return 1 + sum(1 for x in body[end + 1:] if x and not x.startswith(";"))


def domain_locators(dcs):
    """The locator records of a domain's DCs that are in the domain's own
    zone (MS-ADTS 6.3.2.3), owners relative to it."""
    body = []
    for svc, port in SRV_SERVICES:
        body += srv_block(svc, port, dcs)
    for site, members in sites_of(dcs):
        body += srv_block(f"_ldap._tcp.{site}._sites", 389, members)
        body += srv_block(f"_kerberos._tcp.{site}._sites", 88, members)
        body += srv_block(f"_ldap._tcp.{site}._sites.DomainDnsZones", 389, members)
    body += a_block("DomainDnsZones", dcs)
    body += srv_block("_ldap._tcp.DomainDnsZones", 389, dcs)
    return body


def dc_msdcs(dcs, suffix):
    """The domain's names under _msdcs (dc, per-site dc, pdc), owners ending
    in `suffix`: in _msdcs.<forest> for the forest root's domain, in the
    domain's own zone for a child domain."""
    body = srv_block("_ldap._tcp.dc" + suffix, 389, dcs)
    body += srv_block("_kerberos._tcp.dc" + suffix, 88, dcs)
    for site, members in sites_of(dcs):
        body += srv_block(f"_ldap._tcp.{site}._sites.dc" + suffix, 389, members)
        body += srv_block(f"_kerberos._tcp.{site}._sites.dc" + suffix, 88, members)
    body += srv_block("_ldap._tcp.pdc" + suffix, 389, [d for d in dcs if d.pdc])
    return body


def forest_locators(alldcs):
    """The forest-wide records of the forest root's zone: every GC's and
    every DNS-running DC's of the forest."""
    gcs = [d for d in alldcs if d.gc]
    body = srv_block("_gc._tcp", 3268, gcs)
    for site, members in sites_of(alldcs):
        body += srv_block(f"_gc._tcp.{site}._sites", 3268, [d for d in members if d.gc])
        body += srv_block(f"_ldap._tcp.{site}._sites.ForestDnsZones", 389, members)
    body += a_block("ForestDnsZones", alldcs)
    body += srv_block("_ldap._tcp.ForestDnsZones", 389, alldcs)
    return body


def delegations(alldcs):
    """The forest root zone's delegations: _msdcs to every DC of the forest
    (each hosts it), each child domain to each of its DCs, with glue."""
    body = ["", ";", f";  Delegated sub-zone:  _msdcs.{FOREST}.", ";", ""]
    body += [line("_msdcs", f"NS\t{d.name}.") for d in alldcs]
    body += [";  End delegation", ""]
    children = {}
    for d in alldcs:
        if d.domain != FOREST:
            children.setdefault(d.domain, []).append(d)
    for child, members in children.items():
        label = child[:-len(FOREST) - 1]
        body += ["", ";", f";  Delegated sub-zone:  {child}.", ";", ""]
        body += [line(label, f"NS\t{n.name}.") for n in members]
        body += [line(n.name[:-len(FOREST) - 1], f"A\t{n.addr}") for n in members]
        body += [";  End delegation", ""]
    return body


def domain_zone(dcs, alldcs, records, me, fault, hosts=None):
    """DC `me`'s export of its domain's zone, which lists the domain's
    `dcs`: `records` records in all, or the DCs' records and `hosts` more.
    The forest root's zone of a forest of many domains may need more."""
    origin = me.domain
    body = header(origin, 90000 + me.index, me.name, [d.name for d in dcs])
    body += a_block("@", dcs)
    if origin == FOREST:
        body += delegations(alldcs)
        body += forest_locators(alldcs)
    else:
        # A child domain's DC locator names under _msdcs are in its own zone.
        body += dc_msdcs(dcs, "._msdcs")
    body += domain_locators(dcs)
    for dc in dcs:
        if fault and fault[0] == dc:
            if fault[1]:
                body.append(aged(dc.label, dc.age - 6000, 1200, "A",
                                 "10.250.0." + str(dc.index % 250 + 1)))
            continue                          # missing, or stale instead
        body.append(aged(dc.label, dc.age, 1200, "A", dc.addr))
    body.append("")
    count = records_in(body)
    if hosts is None:
        hosts = records - count
        if hosts < 0 and origin == FOREST and len(dcs) < len(alldcs):
            hosts = 0                         # the forest-wide records
    if hosts < 0:
        sys.exit(f"gen-forest: --records {records} is fewer than the "
                 f"{count} records the DCs need")
    for h in range(hosts):
        owner = f"ws{h + 1:05d}"
        octet3, octet4 = 100 + h // 250 % 150, h % 250 + 1
        body.append(aged(owner, AUDIT_AGE - 1 - h % 300, 1200, "A",
                         f"10.{(h // 37500) % 200 + 1}.{octet3}.{octet4}"))
    return "\r\n".join(body) + "\r\n"


def msdcs_zone(dcs):
    origin = "_msdcs." + FOREST
    body = header(origin, 7000, dcs[0].name, [d.name for d in dcs])
    for dc in sorted(dcs, key=lambda d: d.guid):
        body.append(aged(dc.guid, dc.age, 600, "CNAME", dc.name + "."))
    body += dc_msdcs([d for d in dcs if d.domain == FOREST], "")
    gcs = [d for d in dcs if d.gc]
    body += srv_block("_ldap._tcp.gc", 3268, gcs)
    body += a_block("gc", gcs)
    for site, members in sites_of(dcs):
        body += srv_block(f"_ldap._tcp.{site}._sites.gc", 3268, [d for d in members if d.gc])
    domains = {}
    for dc in dcs:
        domains.setdefault(dc.domain, []).append(dc)
    for domain, members in domains.items():
        body += srv_block(f"_ldap._tcp.{domain_guid(domain)}.domains", 389, members)
    return "\r\n".join(body) + "\r\n"


def inventory(domains):
    dcs = [dc for members in domains.values() for dc in members]
    out = ["# zonelint inventory, v1 - synthetic benchmark forest written by",
           "# bench/gen-forest.py; every DC's own export is listed under views.",
           "version: 1", f"forest: {FOREST}", ""]
    out += ["domains:"] + [f"  - {{name: {d}, guid: {domain_guid(d)}}}" for d in domains]
    out += ["", "servers:"]
    for dc in dcs:
        out += [f"  - name: {dc.name}",
                f"    addresses: [{dc.addr}/24]",
                "    os: windows-server-2022",
                f"    roles: [dc, dns{', gc' if dc.gc else ''}{', pdc' if dc.pdc else ''}]",
                f"    site: {dc.site}",
                f"    dsa_guid: {dc.guid}"]
        if dc.inbound:
            out.append("    replicates_from: [" + ", ".join(p.name for p in dc.inbound) + "]")
    out += ["", "zones:"]
    for domain, members in domains.items():
        out += [f"  - name: {domain}", "    storage: ad-domain",
                f"    file: zones/{members[0].label}/{domain}.dns", "    views:"]
        for dc in members[1:]:
            out.append(f"      {dc.name}: zones/{dc.label}/{domain}.dns")
        out += ["    aging: {no_refresh_days: 7, refresh_days: 7}", ""]
    out += [f"  - name: _msdcs.{FOREST}", "    storage: ad-forest",
            f"    file: zones/_msdcs.{FOREST}.dns", ""]
    return "\n".join(out)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--dcs", type=int, default=200, help="domain controllers (default 200)")
    ap.add_argument("--records", type=int, default=20000,
                    help="records in each export of the forest zone (default 20000)")
    ap.add_argument("--hosts", type=int, default=None,
                    help="host records in each export besides the DCs' own "
                         "(instead of --records)")
    ap.add_argument("--domain-size", type=int, default=0,
                    help="DCs a domain (default: one domain for all)")
    ap.add_argument("--differing", type=int, default=None,
                    help="exports that differ from the others (default: dcs / 40)")
    args = ap.parse_args()
    if args.dcs < 2:
        ap.error("--dcs must be at least 2")
    differing = args.differing if args.differing is not None else max(1, args.dcs // 40)

    dcs = [DC(i, args.domain_size) for i in range(args.dcs)]
    domains = {}
    for dc in dcs:
        domains.setdefault(dc.domain, []).append(dc)
    topology(dcs)
    # Every step-th DC's export differs: it holds a stale address (odd
    # ones) or no address (even ones) for its first replication partner
    # of its own domain (whose host record its copy holds).
    faults = {}
    step = max(1, args.dcs // max(1, differing))
    for k in range(min(differing, args.dcs)):
        me = dcs[(k * step + 1) % args.dcs]
        p = [i for i in partners(me, dcs) if dcs[i].domain == me.domain]
        if p:
            faults[me.index] = (dcs[p[0]], k % 2 == 1)

    differing_paths = []
    per_copy = []
    for domain, members in domains.items():
        # The same data as the domain's first DC's; only the SOA header
        # differs in real exports, which does not matter for the benchmark.
        common = domain_zone(members, dcs, args.records, members[0], None, args.hosts)
        per_copy.append(records_in(common.split("\r\n")))
        for dc in members:
            path = os.path.join(args.outdir, "zones", dc.label, f"{domain}.dns")
            if dc.index in faults:
                write(path, domain_zone(members, dcs, args.records, dc, faults[dc.index],
                                        args.hosts))
                differing_paths.append(path)
            else:
                write(path, common)
    write(os.path.join(args.outdir, "zones", f"_msdcs.{FOREST}.dns"), msdcs_zone(dcs))
    write(os.path.join(args.outdir, "forest.yaml"), inventory(domains))
    size = (f"{min(per_copy)}-{max(per_copy)}" if min(per_copy) != max(per_copy)
            else str(per_copy[0]))
    print(f"gen-forest: {args.dcs} DCs in {len(domains)} domain(s), {size} records in "
          f"each of {args.dcs} exports ({len(differing_paths)} differing) in {args.outdir}")


if __name__ == "__main__":
    main()
