#!/bin/sh
# Integration tests of `zonelint --ldap` against a real directory: a Samba
# AD DC of the single-label domain `corp` (NetBIOS CORPNB), provisioned in a
# folder of this test's own, listening on loopback only, with its own CA
# and certificate.  DC objects, replication connections, a subnet and DNS
# records (a stale address, an aged one, a malformed value) are planted
# with samba-tool and ldbadd/ldbmodify; then zonelint must find what they
# break.  Samba is stopped on exit, also when a check fails.
#
# Usage: tests/ldap/run.sh BINARY
# Needs root (Samba binds ports 389 and 636) and Debian's samba packages
# (installed through scripts/install-deps.sh when missing).
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
pass=0
fail=0
samba_pid=

ok() { echo "ok - $1"; pass=$((pass + 1)); }
not_ok() { echo "FAIL - $1"; fail=$((fail + 1)); }
check() {   # check DESCRIPTION COMMAND...
	d=$1
	shift
	if "$@"; then ok "$d"; else not_ok "$d"; fi
}
finish() {
	echo "ldap: $pass passed, $fail failed"
	[ "$fail" = 0 ] && exit 0
	exit 1
}
abort() {   # a step everything after depends on failed
	not_ok "$1"
	[ -f "$T/samba.log" ] && tail -20 "$T/samba.log"
	finish
}

"$top/scripts/install-deps.sh" samba samba-ad-dc samba-ad-provision \
	samba-dsdb-modules ldb-tools openssl python3 krb5-user iproute2 \
	libsasl2-modules-gssapi-mit ||
	{ echo "ldap: cannot install samba"; echo "ldap: 0 passed, 1 failed"; exit 1; }

T=$(mktemp -d /tmp/zonelint-ldap.XXXXXX)
stop_samba() {
	if [ -n "$samba_pid" ] && kill -0 "$samba_pid" 2>/dev/null; then
		kill "$samba_pid" 2>/dev/null
		# samba's children exit with it; wait at most 10 s
		for _ in 1 2 3 4 5 6 7 8 9 10; do
			kill -0 "$samba_pid" 2>/dev/null || break
			sleep 1
		done
		kill -9 "$samba_pid" 2>/dev/null
	fi
	[ -n "${ZONELINT_KEEP:-}" ] && echo "kept $T" || rm -rf "$T"
}
trap stop_samba EXIT
trap 'exit 1' INT TERM

PASS='Zl-Test-Pass-1'
ADMIN='CN=Administrator,CN=Users,DC=corp'
SITE='CN=Default-First-Site-Name,CN=Sites,CN=Configuration,DC=corp'
ZONE_DN='CN=MicrosoftDNS,DC=DomainDnsZones,DC=corp'
CONF=$T/samba/etc/smb.conf
SAM=$T/samba/private/sam.ldb
printf '%s\n' "$PASS" >"$T/password"

# ---- the DC -------------------------------------------------------------

# (a resolver on 127.0.0.53:53 is no conflict: Samba binds 127.0.0.1)
for port in 389 636 88 53; do
	if ss -Hltn "( sport = :$port )" 2>/dev/null | awk '{ print $4 }' |
		grep -qE '^(127\.0\.0\.1|0\.0\.0\.0|\*|\[::\]|\[::1\]):'; then
		abort "port $port is taken by another program (ss -ltnp shows which); the test DC needs it"
	fi
done

start=$(date +%s)
nice samba-tool domain provision --realm=CORP --domain=CORPNB --server-role=dc \
	--dns-backend=SAMBA_INTERNAL --host-ip=127.0.0.1 --host-name=dc1 \
	--option='interfaces=lo' --option='bind interfaces only=yes' \
	--option='dns forwarder=127.0.0.1' --option="log file=$T/samba.log" \
	--adminpass="$PASS" --targetdir="$T/samba" >"$T/provision.log" 2>&1 ||
	{ tail -20 "$T/provision.log"; abort "provision the DC of the single-label domain corp"; }
ok "provision the DC of the single-label domain corp ($(($(date +%s) - start)) s)"

# Samba's own certificate names only the host; the test's CA signs one
# for dc1.corp and 127.0.0.1, so zonelint verifies it like a real one.
mkdir "$T/tls"
(
	cd "$T/tls" &&
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=zonelint test CA" \
		-keyout ca.key -out ca.pem -addext "basicConstraints=critical,CA:TRUE" \
		-addext "keyUsage=critical,keyCertSign,cRLSign" &&
	openssl req -newkey rsa:2048 -nodes -subj "/CN=dc1.corp" -keyout dc.key -out dc.csr &&
	printf 'subjectAltName=DNS:dc1.corp,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >ext &&
	openssl x509 -req -in dc.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
		-extfile ext -out dc.pem && chmod 600 dc.key
) >"$T/tls.log" 2>&1 || abort "make the test CA and the DC's certificate"
# (allow dns updates: the test sends an unsigned dynamic update to make a
# tombstoned node, as a client's deregistration does)
sed -i "/^\[global\]/a\\
	allow dns updates = nonsecure\\
	tls enabled = yes\\
	tls keyfile = $T/tls/dc.key\\
	tls certfile = $T/tls/dc.pem\\
	tls cafile = $T/tls/ca.pem" "$CONF"

start=$(date +%s)
samba -i -s "$CONF" -M single >>"$T/samba.log" 2>&1 </dev/null &
samba_pid=$!
up=
for _ in $(seq 1 60); do
	if ss -Hltn "( sport = :636 )" | grep -q 127.0.0.1; then up=1; break; fi
	kill -0 "$samba_pid" 2>/dev/null || break
	sleep 1
done
[ -n "$up" ] || abort "start samba (listening on 127.0.0.1:636 within 60 s)"
ok "start samba ($(($(date +%s) - start)) s)"

# ---- what the directory holds -----------------------------------------------

# dc2 and dc3: DC objects (server + nTDSDSA, which only the relax control
# lets a client create); dc1 replicates from dc2, dc3 from dc1; the
# loopback network is a subnet of the site.
cat >"$T/servers.ldif" <<EOF
dn: CN=DC2,CN=Servers,$SITE
objectClass: server
dNSHostName: dc2.corp

dn: CN=DC3,CN=Servers,$SITE
objectClass: server
dNSHostName: dc3.corp
EOF
cat >"$T/ntds.ldif" <<EOF
dn: CN=NTDS Settings,CN=DC2,CN=Servers,$SITE
objectClass: nTDSDSA
options: 1

dn: CN=NTDS Settings,CN=DC3,CN=Servers,$SITE
objectClass: nTDSDSA
options: 0
EOF
cat >"$T/links.ldif" <<EOF
dn: CN=from-dc2,CN=NTDS Settings,CN=DC1,CN=Servers,$SITE
objectClass: nTDSConnection
fromServer: CN=NTDS Settings,CN=DC2,CN=Servers,$SITE
enabledConnection: TRUE
options: 1

dn: CN=from-dc1,CN=NTDS Settings,CN=DC3,CN=Servers,$SITE
objectClass: nTDSConnection
fromServer: CN=NTDS Settings,CN=DC1,CN=Servers,$SITE
enabledConnection: TRUE
options: 1

dn: CN=127.0.0.0/8,CN=Subnets,CN=Sites,CN=Configuration,DC=corp
objectClass: subnet
siteObject: $SITE
EOF
ldbadd -H "$SAM" "$T/servers.ldif" >"$T/ldb.log" 2>&1 &&
	ldbadd -H "$SAM" --controls=relax:0 "$T/ntds.ldif" >>"$T/ldb.log" 2>&1 &&
	ldbadd -H "$SAM" "$T/links.ldif" >>"$T/ldb.log" 2>&1 ||
	{ cat "$T/ldb.log"; abort "add DCs dc2 and dc3, connections and a subnet"; }
ok "add DCs dc2 and dc3, connections and a subnet"

dns_add() {
	samba-tool dns add 127.0.0.1 corp "$1" "$2" "$3" -U "Administrator%$PASS" \
		-s "$CONF" >>"$T/dns.log" 2>&1
}
# dc1's own address; a stale one for dc2 (its address is 10.0.0.2); none
# for dc3.
dns_add dc1 A 127.0.0.1 && dns_add dc2 A 10.9.9.9 ||
	{ cat "$T/dns.log"; abort "add A records with samba-tool dns add"; }
ok "add A records with samba-tool dns add"

# ---- the DC locator records (dc-locator-records, dc-orphan-records, ns-stale)

# Samba registers the whole locator set of MS-ADTS 6.3.2.3 itself, except
# the A records when its only address is a loopback one: provisioned with
# --host-ip=127.0.0.1 it has none at corp, gc._msdcs.corp,
# DomainDnsZones.corp and ForestDnsZones.corp (dc1.corp is added above).
# (dc2 and dc3 are DC objects without records: the checks are about dc1.)
loc_lint() {
	"$bin" --date 2026-11-27 --ca "$T/tls/ca.pem" --bind-dn "$ADMIN" \
		--password-file "$T/password" -f json --ldap ldaps://127.0.0.1 "$@" \
		>"$T/loc.json" 2>"$T/loc.err"
	python3 - "$T/loc.json" >"$T/loc.txt" <<'EOF2'
import json, sys
for f in json.load(open(sys.argv[1]))["findings"]:
    print(f["rule"], f.get("server", "-"), f.get("owner", "-"), f["severity"],
          "|", f["file"], "|", f["message"])
EOF2
}
{ dns_add @ A 127.0.0.1 && dns_add DomainDnsZones A 127.0.0.1 &&
  dns_add ForestDnsZones A 127.0.0.1 &&
  samba-tool dns add 127.0.0.1 _msdcs.corp gc A 127.0.0.1 -U "Administrator%$PASS" \
	-s "$CONF" >>"$T/dns.log" 2>&1; } ||
	{ cat "$T/dns.log"; abort "add the A records Samba leaves out on a loopback address"; }
loc_lint --dump-inventory "$T/locdump"
check "a freshly provisioned DC: no dc-locator-records finding for dc1" \
	sh -c "! grep '^dc-locator-records dc1.corp.' '$T/loc.txt'"
check "--ldap: dc1 is the PDC (fSMORoleOwner) and a gc (options), --dump-inventory writes it" \
	grep -q 'roles: \[dc, dns, gc, pdc\]' "$T/locdump/forest.yaml"
check "--ldap: the domain's GUID (objectGUID of DC=corp) in the dump" \
	grep -Eq '\{name: corp, guid: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}' \
	"$T/locdump/forest.yaml"
check "... so the domain-GUID locator record was checked too" \
	sh -c "! grep -q 'no guid of the DC' '$T/loc.json'"
check "--ldap: partial false without ldap-source errors" \
	grep -q '^partial: false' "$T/locdump/forest.yaml"
check "... so no rule says a subject was not checked for want of it" \
	sh -c "! grep -q 'partial: true' '$T/loc.json'"
dns_add _ldap._tcp SRV 'nodc.corp 389 0 100' && dns_add @ NS nodc.corp ||
	{ cat "$T/dns.log"; not_ok "samba-tool dns add SRV and NS records for nodc.corp"; }
loc_lint
check "dc-orphan-records names the SRV record targeting nodc.corp, which is no DC" \
	grep -q '^dc-orphan-records nodc.corp. _ldap._tcp.corp. error' "$T/loc.txt"
check "ns-stale names the NS record naming nodc.corp" \
	grep -q '^ns-stale nodc.corp. corp. error' "$T/loc.txt"
samba-tool dns delete 127.0.0.1 corp _kpasswd._udp SRV 'dc1.corp 464 0 100' \
	-U "Administrator%$PASS" -s "$CONF" >>"$T/dns.log" 2>&1 ||
	{ cat "$T/dns.log"; not_ok "samba-tool dns delete dc1's _kpasswd._udp record"; }
loc_lint
check "after deleting one of dc1's locator records, dc-locator-records names exactly it" \
	sh -c "[ \$(grep -c '^dc-locator-records dc1.corp.' '$T/loc.txt') = 1 ] &&
	       grep -q '^dc-locator-records dc1.corp. - warning | .* | dc1.corp. lacks 1 locator record in zone corp. on dc1.corp.: SRV _kpasswd._udp.corp.\$' '$T/loc.txt'"
# back as the rest of the test expects it
samba-tool dns delete 127.0.0.1 corp _ldap._tcp SRV 'nodc.corp 389 0 100' \
	-U "Administrator%$PASS" -s "$CONF" >>"$T/dns.log" 2>&1
samba-tool dns delete 127.0.0.1 corp @ NS nodc.corp \
	-U "Administrator%$PASS" -s "$CONF" >>"$T/dns.log" 2>&1
dns_add _kpasswd._udp SRV 'dc1.corp 464 0 100'

# Two dnsRecord values written as bytes ([MS-DNSP] 2.3.2.2): dc2's real
# address, last refreshed at hour 3500000 since 1601 (in 1999: aged), and
# a value whose DataLength says 4 bytes where 3 follow.
blob() { printf "$1" | base64 -w0; }
aged=$(blob '\004\000\001\000\005\360\000\000\001\000\000\000\000\000\003\204\000\000\000\000\340\147\065\000\012\000\000\002')
bad=$(blob '\004\000\001\000\005\360\000\000\001\000\000\000\000\000\003\204\000\000\000\000\000\000\000\000\012\000\000')
# and 100000 bytes of TXT data behind a DataLength of 65535
huge=$(python3 -c 'import base64, sys
h = bytes([0xff, 0xff, 16, 0, 5, 0xf0]) + bytes(18)
sys.stdout.write(base64.b64encode(h + b"x" * 100000).decode())')
cat >"$T/records.ldif" <<EOF
dn: DC=dc2,DC=corp,$ZONE_DN
changetype: modify
add: dnsRecord
dnsRecord:: $aged

dn: DC=broken,DC=corp,$ZONE_DN
changetype: add
objectClass: dnsNode
dnsRecord:: $bad

dn: DC=huge,DC=corp,$ZONE_DN
changetype: add
objectClass: dnsNode
dnsRecord:: $huge
EOF
ldbmodify -H "$SAM" "$T/records.ldif" >>"$T/ldb.log" 2>&1 ||
	{ cat "$T/ldb.log"; abort "plant an aged and a malformed dnsRecord value"; }
ok "plant an aged and a malformed dnsRecord value"

# Aging of zone corp: 240 h no-refresh + 480 h refresh (dNSProperty).
samba-tool dns zoneoptions 127.0.0.1 corp --aging=1 --norefreshinterval=240 \
	--refreshinterval=480 -U "Administrator%$PASS" -s "$CONF" >>"$T/dns.log" 2>&1 ||
	{ cat "$T/dns.log"; abort "set the aging intervals of zone corp"; }

# ---- zonelint -----------------------------------------------------------------

# Runs zonelint -f json with the usual bind; the report's findings as
# lines "rule server owner data | file", sorted, in $T/$1.txt; exit code
# in $T/$1.exit.
lint() {
	out=$1
	shift
	"$bin" --date 2026-11-27 --ca "$T/tls/ca.pem" --bind-dn "$ADMIN" \
		--password-file "$T/password" -f json "$@" >"$T/$out.json" 2>"$T/$out.err"
	echo $? >"$T/$out.exit"
	python3 - "$T/$out.json" >"$T/$out.txt" <<'EOF'
import json, sys
for f in json.load(open(sys.argv[1]))["findings"]:
    print(f["rule"], f.get("server", "-"), f.get("owner", "-"), f["severity"],
          "|", f["file"], "|", f["message"])
EOF
}
has() { grep -q -- "$2" "$T/$1.txt"; }
lacks() { ! grep -q -- "$2" "$T/$1.txt"; }
exit_is() { [ "$(cat "$T/$1.exit")" = "$2" ]; }

start=$(date +%s)
lint a --ldap ldaps://127.0.0.1
ok "zonelint --ldap ldaps:// read the DC ($(($(date +%s) - start)) s)"
check "single-label-self-zone for dc1 on the real corp zone" \
	has a "^single-label-self-zone dc1.corp. corp.corp. error"
check "single-label-self-zone for dc2 (hosts corp by default)" \
	has a "^single-label-self-zone dc2.corp. corp.corp. error"
check "malformed dnsRecord: ldap-source error at the node's DN" \
	has a "^ldap-source dc1.corp. - error | ldap://127.0.0.1/DC=broken,DC=corp,$ZONE_DN | .*DataLength 4 does not match the 3"
check "a huge dnsRecord value: a located ldap-source error, no crash" \
	has a "^ldap-source dc1.corp. - error | ldap://127.0.0.1/DC=huge,DC=corp,$ZONE_DN | .*DataLength 65535 does not match the 100000"
check "the rest of the zone is still read (aged-address of dc2's 10.0.0.2)" \
	has a "^aged-address dc2.corp. dc2.corp. info | ldap://127.0.0.1/DC=dc2,DC=corp,$ZONE_DN"
check "the zone's aging intervals come from its dNSProperty (10 + 20 days)" \
	has a "^aged-address dc2.corp. .*the zone's 30-day no-refresh plus refresh interval"
check "undecodable data makes the exit code 2" exit_is a 2
check "dsa_guid from nTDSDSA objectGUID: dc1's GUID CNAME is found" \
	lacks a "^dc-guid-cname dc1.corp."
check "dsa_guid: dc2 has none, reported" has a "^dc-guid-cname dc2.corp."
check "gc role from nTDSDSA options: _gc SRV wanted for dc2, not dc3" \
	sh -c "grep -q '^dc-srv-records dc2.corp. _gc._tcp.corp.' '$T/a.txt' &&
	       ! grep -q '^dc-srv-records dc3.corp. _gc._tcp.corp.' '$T/a.txt'"
check "DCs neither queried nor in an inventory: no address, a warning" \
	has a "^ldap-source dc3.corp. - warning .*no address known for DC dc3.corp."
check "a queried DC's address is the one its URI reaches (no self-address-mismatch)" \
	lacks a "^self-address-mismatch dc1.corp."

# An inventory adds to the directory and overrides it: dc2's and dc3's
# addresses, dc1's os (addresses: [] = as the directory says).
cat >"$T/forest.yaml" <<'EOF'
version: 1
forest: corp
servers:
  - name: dc1.corp
    addresses: []
    os: windows-server-2003
  - name: dc2.corp
    addresses: [10.0.0.2/24]
  - name: dc3.corp
    addresses: [10.0.0.3/24]
EOF
lint b --ldap ldap://127.0.0.1 "$T/forest.yaml"
check "StartTLS (ldap://) and an inventory: partner-stale-address for dc2's 10.9.9.9 on dc1" \
	has b "^partner-stale-address dc1.corp. dc2.corp. error | ldap://127.0.0.1/DC=dc2,DC=corp,$ZONE_DN | .*10.9.9.9"
check "partner-missing-address: dc1's copy has no A record for dc3" \
	has b "^partner-missing-address dc1.corp. dc3.corp. error"
check "partner-repair-plan for dc2" has b "^partner-repair-plan dc2.corp. -"
check "the inventory's os reaches the directory's dc1 (eol-os)" \
	has b "^eol-os dc1.corp. - warning"
check "addresses: [] keeps dc1's URI address" lacks b "^self-address-mismatch dc1.corp."
check "the inventory's addresses: no address warning" lacks b "no address known"

ZONELINT_LDAP_PASSWORD=$PASS "$bin" --date 2026-11-27 --ca "$T/tls/ca.pem" \
	--bind-dn "$ADMIN" --ldap ldaps://127.0.0.1 -f json >"$T/env.json" 2>&1
check "password from ZONELINT_LDAP_PASSWORD" grep -q '"single-label-self-zone"' "$T/env.json"

# SASL GSSAPI with a Kerberos ticket from the DC's own KDC.  The ticket is
# for ldap/127.0.0.1 (an SPN the test adds, with SASL's reverse-DNS
# canonicalisation off), and over ldap:// Kerberos seals the session.
cat >"$T/krb5.conf" <<EOF
[libdefaults]
	default_realm = CORP
	dns_lookup_kdc = false
	dns_lookup_realm = false
	rdns = false
	dns_canonicalize_hostname = false
[realms]
	CORP = {
		kdc = 127.0.0.1
	}
EOF
if samba-tool spn add ldap/127.0.0.1 'DC1$' -H "$SAM" >>"$T/dns.log" 2>&1 &&
	printf '%s\n' "$PASS" | KRB5_CONFIG=$T/krb5.conf KRB5CCNAME=FILE:$T/ccache \
		kinit administrator@CORP >"$T/kinit.log" 2>&1; then
	KRB5_CONFIG=$T/krb5.conf KRB5CCNAME=FILE:$T/ccache LDAPSASL_NOCANON=on \
		"$bin" --date 2026-11-27 --ldap ldap://127.0.0.1 -f json >"$T/k.json" 2>&1
	check "SASL GSSAPI bind with a Kerberos ticket (no --bind-dn)" sh -c \
		"grep -q '\"single-label-self-zone\"' '$T/k.json' && ! grep -q 'cannot bind' '$T/k.json'"
else
	cat "$T/kinit.log"
	not_ok "SASL GSSAPI bind with a Kerberos ticket (kinit failed)"
fi

# Failures are findings, and the other DCs are still read.
printf 'wrong\n' >"$T/wrong"
"$bin" --date 2026-11-27 --ca "$T/tls/ca.pem" --bind-dn "$ADMIN" \
	--password-file "$T/wrong" --ldap ldaps://127.0.0.1 >"$T/c.out" 2>&1
code=$?
check "a refused bind: ldap-source error, exit 2" sh -c \
	"[ $code = 2 ] && grep -q '^ldaps://127.0.0.1:1:1: error: cannot bind (simple, as the --bind-dn) to ldaps://127.0.0.1: Invalid credentials.*\[ldap-source\]' '$T/c.out'"
"$bin" --date 2026-11-27 --bind-dn "$ADMIN" --password-file "$T/password" \
	--ldap ldaps://127.0.0.1 >"$T/d.out" 2>&1
code=$?
check "certificates are checked by default: without --ca the DC is refused" sh -c \
	"[ $code = 2 ] && grep -q '^ldaps://127.0.0.1:1:1: error: cannot connect to ldaps://127.0.0.1: .*\[ldap-source\]' '$T/d.out'"
lint e --ldap ldaps://127.0.0.1:1 --ldap ldaps://127.0.0.1
check "an unreachable DC is an ldap-source error, the other DC is still read" sh -c \
	"grep -q '^ldap-source - - error | ldaps://127.0.0.1:1 | cannot connect to ldaps://127.0.0.1:1' '$T/e.txt' &&
	 grep -q '^single-label-self-zone dc1.corp.' '$T/e.txt'"

# A DC that accepts the connection and never answers: --timeout ends it.
python3 -c 'import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 3899)); s.listen(4); c = s.accept(); time.sleep(30)' &
mute=$!
sleep 1
start=$(date +%s)
lint t --timeout 2 --ldap ldaps://127.0.0.1:3899 --ldap ldaps://127.0.0.1
took=$(($(date +%s) - start))
kill "$mute" 2>/dev/null
check "a DC that never answers: ldap-source error after --timeout 2 ($took s), the other read" \
	sh -c "[ $took -lt 10 ] && grep -q '^ldap-source - - error | ldaps://127.0.0.1:3899 |' '$T/t.txt' &&
	       grep -q '^single-label-self-zone dc1.corp.' '$T/t.txt'"

# --dump-inventory: what was read, linted offline, finds the same.
lint f --ldap ldaps://127.0.0.1 --dump-inventory "$T/dump" "$T/forest.yaml"
( cd "$T/dump" && "$bin" --date 2026-11-27 -f json forest.yaml >"$T/g.json" 2>"$T/g.err"
  echo $? >"$T/g.exit" )
python3 - "$T/g.json" >"$T/g.txt" <<'EOF'
import json, sys
for f in json.load(open(sys.argv[1]))["findings"]:
    print(f["rule"], f.get("server", "-"), f.get("owner", "-"), f["severity"],
          "|", f["file"], "|", f["message"])
EOF
# Offline, a host the directory gave no copy of reads the zone's file (the
# queried DC's copy): the offline run may find more, never less.
# (zone-conflict and adidns-tombstoned read the directory itself: no
# inventory key holds what they see)
keys() { grep -v -e '^ldap-source' -e '^zone-conflict' -e '^adidns-tombstoned' "$T/$1.txt" |
	cut -d'|' -f1 | sort; }
keys f >"$T/f.keys"
keys g >"$T/g.keys"
if [ -s "$T/f.keys" ] && [ -z "$(comm -23 "$T/f.keys" "$T/g.keys")" ]; then
	ok "--dump-inventory: an offline run of the dump finds every (rule, server, owner) found"
else
	not_ok "--dump-inventory: an offline run of the dump finds every (rule, server, owner) found"
	comm -23 "$T/f.keys" "$T/g.keys" | head -20
fi
check "the dump keeps aging stamps ([AGE:3500000])" grep -q 'AGE:3500000' "$T/dump/zones/corp.dns"
check "the dump loads without zone-syntax or inventory errors" \
	sh -c "! grep -q -e '^zone-syntax ' -e '^inventory ' '$T/g.txt'"

# The documented fix: the corp.corp zone clears single-label-self-zone.
samba-tool dns zonecreate 127.0.0.1 corp.corp -U "Administrator%$PASS" -s "$CONF" \
	>>"$T/dns.log" 2>&1 || not_ok "samba-tool dns zonecreate corp.corp"
lint h --ldap ldaps://127.0.0.1 --dump-inventory "$T/dump2"
check "after samba-tool dns zonecreate corp.corp: no single-label-self-zone" \
	lacks h "^single-label-self-zone"
check "... and corp.corp is read as a zone of its own" \
	grep -q '^- name: corp.corp$' "$T/dump2/forest.yaml"

# ---- zone settings from the directory (dNSProperty, the zone's DACL) ------------

CORP_ZONE="DC=corp,$ZONE_DN"
# What Samba provisions: the update mode and the DACL of zone corp.
lint s0 --ldap ldaps://127.0.0.1 --dump-inventory "$T/dump3"
check "Samba's default zone corp: secure updates only (no zone-insecure-update, no zone-no-update)" \
	sh -c "! grep -q -e '^zone-insecure-update' -e '^zone-no-update' '$T/s0.txt' &&
	       grep -q '^  dynamic_update: secure' '$T/dump3/forest.yaml'"
check "Samba's default DACL lets authenticated users create records: adidns-create-child" \
	has s0 "^adidns-create-child - - warning | ldap://127.0.0.1/$CORP_ZONE | .*authenticated-users"
check "... and the DACL is read as create_child (dumped)" \
	grep -q 'create_child: \[.*authenticated-users' "$T/dump3/forest.yaml"
check "no static * in corp: adidns-unguarded-name" \
	has s0 "^adidns-unguarded-name - \*.corp. warning | ldap://127.0.0.1/$CORP_ZONE"
check "a fresh directory: no zone-conflict, no adidns-tombstoned" \
	sh -c "! grep -q -e '^zone-conflict' -e '^adidns-tombstoned' '$T/s0.txt'"

# The allow-update dNSProperty (id 0x02, one byte: 0 none, 1 nonsecure,
# 2 secure) rewritten as an admin would with ldbmodify; samba-tool dns
# zoneoptions of Samba 4.17 sets aging only.
set_update() {   # set_update 0|1|2
	ldbsearch -H "$SAM" -b "$CORP_ZONE" -s base dNSProperty >"$T/props.ldif" 2>>"$T/ldb.log"
	python3 "$here/dnsproperty.py" "$1" "$CORP_ZONE" "$T/props.ldif" >"$T/update.ldif" &&
		ldbmodify -H "$SAM" "$T/update.ldif" >>"$T/ldb.log" 2>&1
}
set_update 1 || not_ok "ldbmodify dNSProperty 0x02 of zone corp to 1 (nonsecure)"
lint s1 --ldap ldaps://127.0.0.1
check "allow-update 1: zone-insecure-update at the zone object" \
	has s1 "^zone-insecure-update - - error | ldap://127.0.0.1/$CORP_ZONE | zone corp. accepts nonsecure"
set_update 0 || not_ok "ldbmodify dNSProperty 0x02 of zone corp to 0 (none)"
lint s2 --ldap ldaps://127.0.0.1
check "allow-update 0: zone-no-update (corp holds _ldap._tcp.corp), no zone-insecure-update" \
	sh -c "grep -q '^zone-no-update - - warning | ldap://127.0.0.1/$CORP_ZONE' '$T/s2.txt' &&
	       ! grep -q '^zone-insecure-update' '$T/s2.txt'"
set_update 2 || not_ok "ldbmodify dNSProperty 0x02 of zone corp back to 2 (secure)"
lint s3 --ldap ldaps://127.0.0.1
check "allow-update 2 again: neither zone-insecure-update nor zone-no-update" \
	sh -c "! grep -q -e '^zone-insecure-update' -e '^zone-no-update' '$T/s3.txt'"

# The DACL without authenticated users' create-child ACE, written back as
# SDDL (Samba's ldb tools show and take nTSecurityDescriptor as SDDL).
ldbsearch -H "$SAM" -b "$CORP_ZONE" -s base nTSecurityDescriptor >"$T/sddl" 2>>"$T/ldb.log"
if grep -q 'nTSecurityDescriptor' "$T/sddl" &&
	python3 "$here/sddl_drop_au_cc.py" "$T/sddl" "$CORP_ZONE" >"$T/acl.ldif" &&
	ldbmodify -H "$SAM" "$T/acl.ldif" >>"$T/ldb.log" 2>&1; then
	lint s4 --ldap ldaps://127.0.0.1
	check "DACL without authenticated users' create-child: no adidns-create-child" \
		lacks s4 "^adidns-create-child - - warning | ldap://127.0.0.1/$CORP_ZONE"
	check "... and no adidns-unguarded-name for corp" lacks s4 "^adidns-unguarded-name - \\*\\.corp\\. "
else
	cat "$T/sddl"; tail -5 "$T/ldb.log"
	not_ok "ldbmodify the nTSecurityDescriptor of zone corp"
fi

# Samba 4.17's samba-tool dns delete of a node's last record removes the
# node; a dynamic update that deletes it tombstones it, as on Windows
# ([MS-DNSP] 2.2.2.2.4.23: dNSTombstoned TRUE, a type-0 record).
dns_add gone A 127.0.0.8 &&
	samba-tool dns delete 127.0.0.1 corp gone A 127.0.0.8 -U "Administrator%$PASS" \
		-s "$CONF" >>"$T/dns.log" 2>&1 || not_ok "samba-tool dns add, then delete gone A"
upd() { python3 "$here/dns_update.py" "$@" >>"$T/dns.log" 2>&1; }
set_update 1 && upd add corp victim.corp 127.0.0.9 && upd delete corp victim.corp 127.0.0.9 ||
	not_ok "dynamic update: add, then delete victim.corp A"
lint s5 --ldap ldaps://127.0.0.1
check "samba-tool dns delete of the last record: the node is gone, not tombstoned" \
	lacks s5 "^adidns-tombstoned - gone.corp."
check "a dynamic update deletes the last record: adidns-tombstoned at the node" \
	has s5 "^adidns-tombstoned - victim.corp. info | ldap://127.0.0.1/DC=victim,$CORP_ZONE"
upd add corp victim.corp 127.0.0.9 || not_ok "dynamic update: add victim.corp A again"
set_update 2 || not_ok "ldbmodify dNSProperty 0x02 of zone corp back to 2 (secure)"
lint s6 --ldap ldaps://127.0.0.1
check "the node holds a record again: no adidns-tombstoned" lacks s6 "^adidns-tombstoned - victim.corp."

# A second zone object named corp, in ForestDnsZones.
printf 'dn: DC=corp,CN=MicrosoftDNS,DC=ForestDnsZones,DC=corp\nobjectClass: dnsZone\n' \
	>"$T/conflict.ldif"
if ldbadd -H "$SAM" "$T/conflict.ldif" >>"$T/ldb.log" 2>&1; then
	lint s7 --ldap ldaps://127.0.0.1
	check "corp in DomainDnsZones and ForestDnsZones: zone-conflict" \
		has s7 "^zone-conflict - - error | ldap://127.0.0.1/DC=corp,CN=MicrosoftDNS,DC=.*DnsZones,DC=corp | the directory holds 2 zone objects for corp."
	ldbdel -H "$SAM" "DC=corp,CN=MicrosoftDNS,DC=ForestDnsZones,DC=corp" >>"$T/ldb.log" 2>&1
	lint s8 --ldap ldaps://127.0.0.1
	check "the second object deleted: no zone-conflict" lacks s8 "^zone-conflict"
else
	tail -5 "$T/ldb.log"
	not_ok "ldbadd a second dnsZone object corp in ForestDnsZones"
fi


# A leftover of a zone creation ("..InProgress-<n>-<zone>", KB 867464)
# beside corp.corp, and an AD-stored conditional forwarder (dNSProperty 0x01 =
# 4, masters in 0x81 as an IP4_ARRAY).
fwd_type=$(python3 -c 'import base64, struct
print(base64.b64encode(struct.pack("<5I", 4, 1, 0, 1, 1) + struct.pack("<I", 4) + b"\0").decode())')
fwd_masters=$(python3 -c 'import base64, struct
data = struct.pack("<I", 2) + bytes([192, 0, 2, 1, 192, 0, 2, 2])
print(base64.b64encode(struct.pack("<5I", len(data), 1, 0, 1, 0x81) + data + b"\0").decode())')
# and a replication-collision copy of corp.corp, whose RDN holds a line
# feed and CNF:<objectGUID> ([MS-ADTS] 3.1.1.1.16), given base64-encoded
cnf_dn=$(printf 'DC=corp.corp\\0ACNF:2b1f0e7d-0000-4d6f-9a53-5f0c3e298c11,CN=MicrosoftDNS,DC=DomainDnsZones,DC=corp' |
	base64 -w0)
cat >"$T/more-zones.ldif" <<EOF
dn: DC=..InProgress-2DC7F9B1-corp.corp,CN=MicrosoftDNS,DC=DomainDnsZones,DC=corp
objectClass: dnsZone

dn:: $cnf_dn
objectClass: dnsZone

dn: DC=partner.example,CN=MicrosoftDNS,DC=DomainDnsZones,DC=corp
objectClass: dnsZone
dNSProperty:: $fwd_type
dNSProperty:: $fwd_masters
EOF
if ldbadd -H "$SAM" "$T/more-zones.ldif" >>"$T/ldb.log" 2>&1; then
	lint s9 --ldap ldaps://127.0.0.1 --dump-inventory "$T/dump4"
	check "an ..InProgress and a CNF: copy of corp.corp: zone-conflict" \
		has s9 "^zone-conflict - - error | .* | the directory holds 3 zone objects for corp.corp."
	check "a type-4 zone is a conditional forwarder with its masters (dumped)" \
		python3 -c 'import sys
t = open(sys.argv[1]).read()
sys.exit(0 if "- name: partner.example\n" in t and "type: forwarder" in t and
         "masters: [192.0.2.1, 192.0.2.2]" in t else 1)' "$T/dump4/forest.yaml"
	check "... holding no names: no zone rule and no conditional-forwarder finding" \
		sh -c "! grep -q 'partner.example' '$T/s9.txt'"
else
	tail -5 "$T/ldb.log"
	not_ok "ldbadd ..InProgress and CNF: zone objects and a conditional forwarder"
fi

finish
