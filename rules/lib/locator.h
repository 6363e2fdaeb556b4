/*
 * rules/lib/locator.h - the DC locator records of MS-ADTS 6.3.2.3, in one
 * table, and what dc-locator-records and dc-orphan-records share to walk
 * them: owner patterns expanded per DC, and (map.h) small maps from a name
 * or an address to the DCs it belongs to.
 *
 * The table is an X-macro: the same rows give the array the rules walk and
 * the text their --explain prints, so the two cannot drift apart.
 */
#ifndef ZL_RULES_LIB_LOCATOR_H
#define ZL_RULES_LIB_LOCATOR_H

#include <stdlib.h>

#include "ad.h"
#include "map.h"

/*
 * X(type, owner pattern, roles that need it, port, checked by, who).
 * Patterns: <domain> the DC's domain, <forest> the forest root, <site> the
 * DC's site, <domainguid> the objectGUID of the DC's domain.  Type A
 * stands for A or AAAA: the requirement holds when one record at the name
 * holds one of the DC's addresses.  `checked by` V1 marks the records
 * dc-srv-records already checks; LOC those only dc-locator-records checks.
 * A read-only DC (role rodc) registers only the per-site SRV records and
 * the A records (MS-ADTS 6.3.2.3; Netlogon's DnsAvoidRegisterRecords
 * list of an RODC).  The `dns` rows are the application partitions'
 * records, registered by Netlogon on DNS-running DCs but not listed in
 * MS-ADTS.
 */
#define AD_LOCATOR_TABLE(X) \
	X(SRV, "_ldap._tcp.dc._msdcs.<domain>", ZL_ROLE_DC, 389, V1, "every DC") \
	X(SRV, "_kerberos._tcp.<domain>", ZL_ROLE_DC, 88, V1, "every DC") \
	X(SRV, "_ldap._tcp.<domain>", ZL_ROLE_DC, 389, LOC, "every DC") \
	X(SRV, "_ldap._tcp.<site>._sites.<domain>", ZL_ROLE_DC, 389, LOC, "every DC") \
	X(SRV, "_ldap._tcp.<site>._sites.dc._msdcs.<domain>", ZL_ROLE_DC, 389, LOC, "every DC") \
	X(SRV, "_kerberos._tcp.<site>._sites.<domain>", ZL_ROLE_DC, 88, LOC, "every DC") \
	X(SRV, "_kerberos._tcp.dc._msdcs.<domain>", ZL_ROLE_DC, 88, LOC, "every DC") \
	X(SRV, "_kerberos._tcp.<site>._sites.dc._msdcs.<domain>", ZL_ROLE_DC, 88, LOC, "every DC") \
	X(SRV, "_kerberos._udp.<domain>", ZL_ROLE_DC, 88, LOC, "every DC") \
	X(SRV, "_kpasswd._tcp.<domain>", ZL_ROLE_DC, 464, LOC, "every DC") \
	X(SRV, "_kpasswd._udp.<domain>", ZL_ROLE_DC, 464, LOC, "every DC") \
	X(SRV, "_ldap._tcp.<domainguid>.domains._msdcs.<forest>", ZL_ROLE_DC, 389, LOC, "every DC") \
	X(A, "<domain>", ZL_ROLE_DC, 0, LOC, "every DC") \
	X(SRV, "_gc._tcp.<forest>", ZL_ROLE_DC | ZL_ROLE_GC, 3268, V1, "gc") \
	X(SRV, "_gc._tcp.<site>._sites.<forest>", ZL_ROLE_DC | ZL_ROLE_GC, 3268, LOC, "gc") \
	X(SRV, "_ldap._tcp.gc._msdcs.<forest>", ZL_ROLE_DC | ZL_ROLE_GC, 3268, LOC, "gc") \
	X(SRV, "_ldap._tcp.<site>._sites.gc._msdcs.<forest>", ZL_ROLE_DC | ZL_ROLE_GC, 3268, LOC, "gc") \
	X(A, "gc._msdcs.<forest>", ZL_ROLE_DC | ZL_ROLE_GC, 0, LOC, "gc") \
	X(SRV, "_ldap._tcp.pdc._msdcs.<domain>", ZL_ROLE_DC | ZL_ROLE_PDC, 389, LOC, "pdc") \
	X(A, "DomainDnsZones.<domain>", ZL_ROLE_DC | ZL_ROLE_DNS, 0, LOC, "dns") \
	X(A, "ForestDnsZones.<forest>", ZL_ROLE_DC | ZL_ROLE_DNS, 0, LOC, "dns") \
	X(SRV, "_ldap._tcp.DomainDnsZones.<domain>", ZL_ROLE_DC | ZL_ROLE_DNS, 389, LOC, "dns") \
	X(SRV, "_ldap._tcp.<site>._sites.DomainDnsZones.<domain>", ZL_ROLE_DC | ZL_ROLE_DNS, 389, LOC, "dns") \
	X(SRV, "_ldap._tcp.ForestDnsZones.<forest>", ZL_ROLE_DC | ZL_ROLE_DNS, 389, LOC, "dns") \
	X(SRV, "_ldap._tcp.<site>._sites.ForestDnsZones.<forest>", ZL_ROLE_DC | ZL_ROLE_DNS, 389, LOC, "dns")

enum { AD_LOC_V1 = 1, AD_LOC_LOC = 2 };

typedef struct ad_locator {
	uint16_t type;            /* ZL_TYPE_SRV, or ZL_TYPE_A for A/AAAA */
	const char *pattern;
	unsigned roles;           /* every one of them needed */
	unsigned port;
	unsigned checked_by;      /* AD_LOC_V1 or AD_LOC_LOC */
	const char *who;
} ad_locator;

/* The rows in table order (locator.c); the count is known here, from the
 * same rows, so that rules may size their arrays by it. */
#define AD_LOC_ONE(type, pattern, roles, port, by, who) + 1
enum { AD_LOCATOR_ROWS = 0 AD_LOCATOR_TABLE(AD_LOC_ONE) };
#undef AD_LOC_ONE
#define AD_LOCATOR_COUNT ((size_t)AD_LOCATOR_ROWS)
extern const ad_locator ad_locators[AD_LOCATOR_ROWS];

/* The table as --explain text, one row a line; rows only dc-srv-records
 * checks are marked. */
#define AD_LOC_MARK_V1 "  (checked by dc-srv-records)"
#define AD_LOC_MARK_LOC ""
#define AD_LOC_TEXT(type, pattern, roles, port, by, who) \
	"  " #type "  " pattern "  [" who "]" AD_LOC_MARK_##by "\n"
#define AD_LOCATOR_TEXT AD_LOCATOR_TABLE(AD_LOC_TEXT)

/* ---- expanding a pattern ---------------------------------------------------- */

/* What a pattern's placeholders stand for; NULL where unknown. */
typedef struct ad_loc_args {
	const char *domain;       /* canonical text with the trailing dot */
	const char *forest;
	const char *site;         /* as given; lower-cased on expansion */
	const char *guid;
} ad_loc_args;

bool ad_loc_has(const ad_locator *l, const char *placeholder);

/* Does a DC with `roles` register this record?  An RODC registers only the
 * per-site SRV records and the A records. */
bool ad_loc_applies(const ad_locator *l, unsigned roles);

/*
 * The owner name of `l` for `a`, lower case with the trailing dot, into
 * buf; false when a placeholder it needs is unknown or it does not fit.
 * <domain> and <forest> end the pattern, so their trailing dot ends it.
 */
bool ad_loc_expand(const ad_locator *l, const ad_loc_args *a,
                   char *buf, size_t size);

/*
 * dnscmd and PowerShell to delete the SRV record at `owner` targeting
 * `target` (bare) with `rdata` ("0 100 389 dc3.corp").  The cmdlet is fed
 * the record itself, picked by its target, because -RecordData has no
 * documented SRV form.
 */
void ad_command_delete_srv(zl_finding *f, const zl_server *on,
                           const zl_zone *z, const char *owner,
                           const char *rdata, const char *target);

/* True for a server with the `dc` role (SPEC 6.3: a server of the
 * inventory without it is no DC).  Inline: asked for every server in the
 * locator rules' loops. */
static inline bool ad_is_dc(const zl_server *s)
{
	return (zl_server_roles(s) & ZL_ROLE_DC) != 0;
}

#endif
