/*
 * lint/sources/adprops.h - the zone settings AD keeps on a dnsZone object
 * (private): its dNSProperty values ([MS-DNSP] 2.3.2.1) and who may
 * create records, from its nTSecurityDescriptor ([MS-DTYP] 2.4.6).
 *
 * Pure functions over bytes (no model, no LDAP), so that tests and
 * fuzzers drive them alone.  All integers are little-endian unless said.
 */
#ifndef ZL_ADPROPS_H
#define ZL_ADPROPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <zonelint/types.h>

/* dNSProperty ids of [MS-DNSP] 2.3.2.1.1 that zonelint reads. */
enum {
	ZL_DNSPROP_TYPE = 0x01,             /* DWORD: 1 primary, 3 stub, 4 forwarder */
	ZL_DNSPROP_ALLOW_UPDATE = 0x02,     /* BYTE: 0 none, 1 nonsecure, 2 secure */
	ZL_DNSPROP_NOREFRESH = 0x10,        /* DWORD hours */
	ZL_DNSPROP_REFRESH = 0x20,          /* DWORD hours */
	ZL_DNSPROP_AGING_STATE = 0x40,      /* BOOL (DWORD) */
	ZL_DNSPROP_SCAVENGING_SERVERS = 0x11,     /* IP4_ARRAY */
	ZL_DNSPROP_SCAVENGING_SERVERS_DA = 0x90,  /* DNS_ADDR_ARRAY */
	ZL_DNSPROP_MASTER_SERVERS = 0x81,         /* IP4_ARRAY */
	ZL_DNSPROP_MASTER_SERVERS_DA = 0x91,      /* DNS_ADDR_ARRAY */
	ZL_DNSPROP_AUTO_NS_SERVERS = 0x82,        /* IP4_ARRAY */
	ZL_DNSPROP_AUTO_NS_SERVERS_DA = 0x92,     /* DNS_ADDR_ARRAY */
};

/* [MS-DNSP] 2.2.1.1.2 zone types in dnsProperty 0x01. */
enum {
	ZL_DNS_ZONE_TYPE_CACHE = 0, ZL_DNS_ZONE_TYPE_PRIMARY = 1,
	ZL_DNS_ZONE_TYPE_SECONDARY = 2, ZL_DNS_ZONE_TYPE_STUB = 3,
	ZL_DNS_ZONE_TYPE_FORWARDER = 4,
};

/* Most addresses read from one array; more is an error. */
#define ZL_ADPROPS_MAX_ADDRS 64

typedef struct zl_addr_array {
	size_t count;
	zl_addr addrs[ZL_ADPROPS_MAX_ADDRS];
} zl_addr_array;

/*
 * The settings of one zone's dNSProperty values, each with `has_*` set
 * when a value of that id was present and decoded.  A value whose Data is
 * empty means "the server's default" and leaves the setting unknown.
 */
typedef struct zl_zone_props {
	bool has_type, has_update, has_norefresh, has_refresh, has_aging;
	bool has_scavengers, has_masters, has_auto_ns;
	uint32_t type, norefresh_hours, refresh_hours;
	uint8_t update;
	bool aging;
	zl_addr_array scavengers, masters, auto_ns;
} zl_zone_props;

/*
 * One dNSProperty value into *p: DataLength, NameLength, Flag, Version,
 * Id (DWORDs), Data, Name (1 byte).  Returns 0 (an id zonelint does not
 * read is skipped), or -1 with `why` naming the field when the value is
 * malformed: truncated, DataLength past the end, Data of the wrong size
 * for its id, or an address array that does not hold together.
 */
int zl_zone_props_add(zl_zone_props *p, const uint8_t *blob, size_t len,
                      char *why, size_t size);

/* [MS-DNSP] 2.2.3.2.1 IP4_ARRAY: AddrCount, then AddrCount IPv4 addresses
 * in network order.  2.2.3.2.3 DNS_ADDR_ARRAY: MaxCount, AddrCount, Tag,
 * Family (WORD), WordReserved (WORD), Flags, MatchFlag, Reserved1,
 * Reserved2, then AddrCount DNS_ADDR of 64 bytes (2.2.3.2.2: a sockaddr in
 * 32 bytes, family 2 = IPv4 at offset 4, 23 = IPv6 at offset 8; then 8
 * DWORDs).  0, or -1 with why. */
int zl_ip4_array_decode(const uint8_t *d, size_t len, zl_addr_array *out,
                        char *why, size_t size);
int zl_dns_addr_array_decode(const uint8_t *d, size_t len, zl_addr_array *out,
                             char *why, size_t size);

/* Longest text of a trustee: a SID with 15 sub-authorities, or a name. */
#define ZL_TRUSTEE_MAX 192
#define ZL_TRUSTEES_MAX 32

typedef struct zl_trustees {
	size_t count;
	char name[ZL_TRUSTEES_MAX][ZL_TRUSTEE_MAX];
} zl_trustees;

/*
 * Who may create records (dnsNode children) in the zone whose self-relative
 * SECURITY_DESCRIPTOR ([MS-DTYP] 2.4.6) is sd: the trustees of its DACL
 * with an access-allowed ACE (plain or object, inherited or not, not
 * inherit-only) granting ADS_RIGHT_DS_CREATE_CHILD (0x1) for any class or
 * for dnsNode (e8b2aff2-59a7-4eac-9a70-819adef701dd), or GENERIC_ALL, that
 * no earlier access-denied ACE for the same trustee and right cancels; in
 * DACL order, each once.  Well-known SIDs take their SPEC names
 * (authenticated-users S-1-5-11, everyone S-1-1-0, domain-users and
 * domain-computers: domain RIDs 513 and 515); others stay "S-1-...".
 * Returns 0 (no DACL: nobody listed, *no_dacl true: everyone may), or -1
 * with why when the descriptor, its ACL, an ACE or a SID is malformed.
 */
int zl_sd_create_child(const uint8_t *sd, size_t len, zl_trustees *out,
                       bool *no_dacl, char *why, size_t size);

/* A SID ([MS-DTYP] 2.4.2.2) at d as "S-1-5-21-...", or its SPEC name;
 * returns its length in bytes, or 0 when malformed. */
size_t zl_sid_text(const uint8_t *d, size_t len, char *buf, size_t size);

#endif
