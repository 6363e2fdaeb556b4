/*
 * zonelint/model.h - the read-only forest model, as rules see it.
 *
 * Every pointer returned here is borrowed from the model: valid until the
 * model is freed, never to be freed or modified by the caller.  Lists are
 * read as (count, item at index) pairs; their order is stated for each.
 *
 * Names are interned: two names are the same name exactly when their
 * pointers are equal.  A name's text is lower case, absolute, with the
 * trailing dot ("dc1.corp."), in DNS presentation format.
 */
#ifndef ZONELINT_MODEL_H
#define ZONELINT_MODEL_H

#include <zonelint/types.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct zl_model zl_model;
typedef struct zl_name zl_name;
typedef struct zl_server zl_server;
typedef struct zl_zone zl_zone;
typedef struct zl_view zl_view;
typedef struct zl_record zl_record;
typedef struct zl_problem zl_problem;

/* ---- names ------------------------------------------------------------ */

const char *zl_name_text(const zl_name *n);
/* Number of labels, the root not counted: "corp." is 1, "." is 0. */
unsigned zl_name_labels(const zl_name *n);
/* The name with its leftmost label removed; NULL for the root. */
const zl_name *zl_name_parent(const zl_name *n);
/* True when `n` equals `ancestor` or lies below it. */
bool zl_name_is_below(const zl_name *n, const zl_name *ancestor);
/*
 * The interned name for `text` (any case, trailing dot optional), or NULL
 * when no part of the model ever used that name: then nothing is there.
 */
const zl_name *zl_model_name(const zl_model *m, const char *text);

/* ---- the forest ------------------------------------------------------- */

const zl_name *zl_model_forest(const zl_model *m);
/* AD domains of the forest, in inventory order (the forest first if absent). */
size_t zl_model_domain_count(const zl_model *m);
const zl_name *zl_model_domain(const zl_model *m, size_t i);
/* Where the forest / domain i is named in the inventory. */
zl_location zl_model_forest_location(const zl_model *m);
zl_location zl_model_domain_location(const zl_model *m, size_t i);
/* The objectGUID of domain i's domain object, lower case 8-4-4-4-12, or
 * NULL when not known.  `_ldap._tcp.<guid>.domains._msdcs.<forest>` is
 * registered under it (MS-ADTS 6.3.2.3). */
const char *zl_model_domain_guid(const zl_model *m, size_t i);
/*
 * True when the model may not hold every DC of the forest (the
 * inventory's `partial: true`, or an --ldap read that failed somewhere):
 * a record naming an unknown host may then belong to a DC not listed.
 */
bool zl_model_partial(const zl_model *m);

/* Audit date: seconds since 1970-01-01 UTC at 00:00 of the audit day. */
int64_t zl_model_audit_date(const zl_model *m);

/* A value of the inventory's free-form `settings:` map, or NULL. */
const char *zl_model_setting(const zl_model *m, const char *key);

/* ---- servers ---------------------------------------------------------- */

enum {
	ZL_ROLE_DC = 1u << 0,
	ZL_ROLE_DNS = 1u << 1,
	ZL_ROLE_GC = 1u << 2,
	ZL_ROLE_PDC = 1u << 3,    /* PDC emulator (fSMORoleOwner) */
	ZL_ROLE_RODC = 1u << 4,   /* read-only DC */
};

/* Servers sorted by name. */
size_t zl_model_server_count(const zl_model *m);
const zl_server *zl_model_server(const zl_model *m, size_t i);
const zl_server *zl_model_server_find(const zl_model *m, const zl_name *name);

const zl_name *zl_server_name(const zl_server *s);
/* The longest AD domain that is a suffix of the name; NULL when none is. */
const zl_name *zl_server_domain(const zl_server *s);
unsigned zl_server_roles(const zl_server *s);
/* Inventory `os` value ("windows-server-2003", ...) or NULL when not given. */
const char *zl_server_os(const zl_server *s);
const char *zl_server_site(const zl_server *s);      /* NULL when not given */
const char *zl_server_dsa_guid(const zl_server *s);  /* lower case, or NULL */
/* Addresses in inventory order, each with the prefix of its network. */
size_t zl_server_address_count(const zl_server *s);
const zl_prefix *zl_server_address(const zl_server *s, size_t i);
bool zl_server_has_address(const zl_server *s, const zl_addr *a);
/* The server's inventory entry, and its `os` value (entry when absent). */
zl_location zl_server_location(const zl_server *s);
zl_location zl_server_os_location(const zl_server *s);

/* Inbound connections (`replicates_from`), in inventory order. */
size_t zl_server_inbound_count(const zl_server *s);
const zl_server *zl_server_inbound(const zl_server *s, size_t i);
/* Servers that replicate from this one, sorted by name. */
size_t zl_server_outbound_count(const zl_server *s);
const zl_server *zl_server_outbound(const zl_server *s, size_t i);
/* Replication partners: inbound and outbound together, sorted by name. */
size_t zl_server_partner_count(const zl_server *s);
const zl_server *zl_server_partner(const zl_server *s, size_t i);

/* ---- zones ------------------------------------------------------------ */

typedef enum zl_storage {
	ZL_STORAGE_FILE = 0,
	ZL_STORAGE_AD_FOREST,
	ZL_STORAGE_AD_DOMAIN,
	ZL_STORAGE_AD_LEGACY,
} zl_storage;

/* "file", "ad-forest", "ad-domain", "ad-legacy". */
const char *zl_storage_name(zl_storage s);

/* Zones in inventory order (-z: the one zone). */
size_t zl_model_zone_count(const zl_model *m);
const zl_zone *zl_model_zone(const zl_model *m, size_t i);
/* The zone whose origin is exactly `name`, or NULL. */
const zl_zone *zl_model_zone_find(const zl_model *m, const zl_name *name);

const zl_name *zl_zone_name(const zl_zone *z);
zl_storage zl_zone_storage(const zl_zone *z);
/* The domain the zone belongs to for default hosting (SPEC 3). */
const zl_name *zl_zone_domain(const zl_zone *z);
/* Hosting servers, sorted by name. */
size_t zl_zone_host_count(const zl_zone *z);
const zl_server *zl_zone_host(const zl_zone *z, size_t i);
bool zl_zone_is_hosted_on(const zl_zone *z, const zl_server *s);
/* Aging intervals in days (default 7 and 7). */
unsigned zl_zone_no_refresh_days(const zl_zone *z);
unsigned zl_zone_refresh_days(const zl_zone *z);
zl_location zl_zone_location(const zl_zone *z);

/* ---- views ------------------------------------------------------------ */

/*
 * A view is one distinct copy of a zone's data (one file, one transfer).
 * Several servers may share a view.  Views are listed zone by zone, in the
 * zones' order; a zone with no readable data has no view.
 */
size_t zl_model_view_count(const zl_model *m);
const zl_view *zl_model_view(const zl_model *m, size_t i);
/* Server s's copy of zone z, or NULL when s does not host z or it is unread. */
const zl_view *zl_model_view_of(const zl_model *m, const zl_zone *z,
                                const zl_server *s);
/*
 * The closest enclosing zone of `name` among those `s` hosts, or NULL.  A
 * name below a delegation inside that zone is not held by it: NULL then
 * too, unless s hosts the delegated zone (which is then closer).
 */
const zl_zone *zl_model_zone_holding(const zl_model *m, const zl_server *s,
                                     const zl_name *name);

const zl_zone *zl_view_zone(const zl_view *v);
/* The path of the view's main file as the user would open it. */
const char *zl_view_file(const zl_view *v);
/* Servers that hold this copy, sorted by name (empty with -z). */
size_t zl_view_server_count(const zl_view *v);
const zl_server *zl_view_server(const zl_view *v, size_t i);

/* Records in load order, $INCLUDEd ones where the directive stood. */
size_t zl_view_record_count(const zl_view *v);
const zl_record *zl_view_record(const zl_view *v, size_t i);
/* The first SOA record at the apex, or NULL. */
const zl_record *zl_view_soa(const zl_view *v);
/* True when the loader stopped before the end of the view's file (a
 * Windows .dns.log update log is no zone file): what the view seems to
 * lack was never read, so rules about missing data stay silent. */
bool zl_view_partial(const zl_view *v);
/* Where a finding about something missing from the view goes: its SOA line,
 * else line 1 of its file. */
zl_location zl_view_soa_location(const zl_view *v);

/*
 * Records at `owner` in load order, optionally only of one `type` (0 = all
 * types).  Iterate with:
 *     zl_iter it;
 *     for (const zl_record *r = zl_view_find(v, name, ZL_TYPE_A, &it); r;
 *          r = zl_iter_next(&it))
 * Index lookup: constant time per record found.
 */
typedef struct zl_iter {
	const zl_view *view;     /* private */
	uint32_t next;           /* private */
	uint16_t type;           /* private */
	uint16_t by;             /* private (was padding: the layout is v1's) */
} zl_iter;
const zl_record *zl_view_find(const zl_view *v, const zl_name *owner,
                              uint16_t type, zl_iter *it);
const zl_record *zl_iter_next(zl_iter *it);

/*
 * Records whose zl_record_target is `target`, in load order, optionally
 * only of one `type` (0 = all types): the SRV records that send clients to
 * a DC, the CNAMEs and NS records naming it.  Iterate with zl_iter_next as
 * for zl_view_find.  The view keeps an index from target names to records,
 * built once when the model is complete (before any rule runs; in a run
 * without servers, on the first call, under a lock), so this is
 * constant time per record found, however many records the names that
 * hold them have: check "which SRV records target this DC" this way, not
 * by walking every SRV at a locator name for every DC.
 */
const zl_record *zl_view_find_target(const zl_view *v, const zl_name *target,
                                     uint16_t type, zl_iter *it);

/*
 * The index (as for zl_model_view) of the first view holding the same
 * records as v: v's own index, unless v's file was byte for byte the one
 * of an earlier view of the zone, whose records it then shares.  Views
 * with the same index give the same answer to every question about their
 * records, so a rule that checks every view against every DC can work
 * out the answer once per index and only report it per view.
 */
size_t zl_view_records_index(const zl_view *v);

/* Distinct owner names of the view, in first-seen order. */
size_t zl_view_owner_count(const zl_view *v);
const zl_name *zl_view_owner(const zl_view *v, size_t i);
/*
 * The records at the view's owner i (zl_view_owner(v, i)), in load order,
 * optionally only of one `type` (0 = all types): what zl_view_find gives
 * for that name, without looking it up.  Iterate with zl_iter_next.  A
 * rule that walks every owner reads each one's records this way: the
 * owners come in first-seen order, so the walk reads the records in the
 * order they lie in memory, where a lookup by name of each of millions of
 * owners is a cache and TLB miss in the owner index.
 */
const zl_record *zl_view_owner_records(const zl_view *v, size_t i, uint16_t type,
                                       zl_iter *it);

/*
 * The view's records of one `type` that shapes a zone: ZL_TYPE_SOA,
 * ZL_TYPE_NS (the apex set and every delegation) or ZL_TYPE_DNAME, in
 * load order; NULL for any other type.  Iterate with zl_iter_next.  The
 * view lists these few records as it loads them, so finding the zone cuts
 * or the DNAMEs of a zone of millions of records costs what they number,
 * not a walk of every owner.
 */
const zl_record *zl_view_shape_records(const zl_view *v, uint16_t type,
                                       zl_iter *it);

/* ---- records ---------------------------------------------------------- */

/* Record types, as numbered by IANA. */
enum {
	ZL_TYPE_A = 1, ZL_TYPE_NS = 2, ZL_TYPE_CNAME = 5, ZL_TYPE_SOA = 6,
	ZL_TYPE_PTR = 12, ZL_TYPE_MX = 15, ZL_TYPE_TXT = 16, ZL_TYPE_AAAA = 28,
	ZL_TYPE_SRV = 33, ZL_TYPE_DNAME = 39, ZL_TYPE_RRSIG = 46,
	ZL_TYPE_NSEC = 47, ZL_TYPE_DNSKEY = 48, ZL_TYPE_NSEC3 = 50,
};

/*
 * Fields of the common types, by index, as their RFCs lay them out:
 * zl_record_field_int(soa, ZL_SOA_SERIAL), zl_record_field_name(srv,
 * ZL_SRV_TARGET).  Every string of a TXT record is a field of its own.
 */
enum { ZL_A_ADDRESS = 0 };                 /* RFC 1035 3.4.1 */
enum { ZL_AAAA_ADDRESS = 0 };              /* RFC 3596 2.2 */
enum { ZL_NS_TARGET = 0 };                 /* NSDNAME, RFC 1035 3.3.11 */
enum { ZL_CNAME_TARGET = 0 };              /* RFC 1035 3.3.1 */
enum { ZL_PTR_TARGET = 0 };                /* RFC 1035 3.3.12 */
enum { ZL_DNAME_TARGET = 0 };              /* RFC 6672 2.1 */
enum {                                     /* RFC 1035 3.3.13 */
	ZL_SOA_MNAME = 0, ZL_SOA_RNAME, ZL_SOA_SERIAL, ZL_SOA_REFRESH,
	ZL_SOA_RETRY, ZL_SOA_EXPIRE, ZL_SOA_MINIMUM,
};
enum { ZL_MX_PREFERENCE = 0, ZL_MX_EXCHANGE };   /* RFC 1035 3.3.9 */
enum {                                     /* RFC 2782 */
	ZL_SRV_PRIORITY = 0, ZL_SRV_WEIGHT, ZL_SRV_PORT, ZL_SRV_TARGET,
};

/* Kinds of rdata fields. */
typedef enum zl_field_kind {
	ZL_FIELD_NAME = 1,       /* a domain name */
	ZL_FIELD_ADDR,           /* an IPv4 or IPv6 address */
	ZL_FIELD_INT,            /* an unsigned number of 8, 16 or 32 bits */
	ZL_FIELD_OTHER,          /* strings and everything else, as wire bytes */
} zl_field_kind;

const zl_name *zl_record_owner(const zl_record *r);
uint16_t zl_record_type(const zl_record *r);
uint16_t zl_record_class(const zl_record *r);
uint32_t zl_record_ttl(const zl_record *r);
/* "A", "SRV": the type's mnemonic (static storage), NULL when unknown. */
const char *zl_type_name(uint16_t type);
/* Windows aging stamp: hours since 1601-01-01 00:00 UTC; 0 when none. */
uint32_t zl_record_age(const zl_record *r);
/* File and line of the record in view v (column 1). */
zl_location zl_record_location(const zl_view *v, const zl_record *r);

size_t zl_record_field_count(const zl_record *r);
zl_field_kind zl_record_field_kind(const zl_record *r, size_t i);
/* Field i as a name (NULL when it is not one). */
const zl_name *zl_record_field_name(const zl_record *r, size_t i);
/* Field i as an address; false when it is not one. */
bool zl_record_field_addr(const zl_record *r, size_t i, zl_addr *out);
/* Field i as a number (0 when it is not one). */
uint32_t zl_record_field_int(const zl_record *r, size_t i);
/* Raw bytes of an OTHER field (length in *len), NULL for other kinds. */
const uint8_t *zl_record_field_bytes(const zl_record *r, size_t i, size_t *len);

/* The address of an A/AAAA record; false for other types. */
bool zl_record_addr(const zl_record *r, zl_addr *out);
/* The name an NS, CNAME, DNAME, PTR, MX or SRV record points to, else NULL. */
const zl_name *zl_record_target(const zl_record *r);
/* True when a and b have the same type, class and rdata (names compared
 * case-insensitively, as DNS compares them; TTLs not compared). */
bool zl_record_same_data(const zl_record *a, const zl_record *b);
/* The rdata in presentation format into buf (truncated to size); returns buf. */
char *zl_record_rdata_text(const zl_record *r, char *buf, size_t size);

/* ---- settings of zones and servers ------------------------------------ */

/*
 * What the inventory (or the directory) says of a zone's and a server's
 * DNS configuration.  A value no source gave is unknown (`known` false,
 * or the enum's UNKNOWN): never a default guessed for the user; a rule
 * that needs it reports zl_report_not_checked instead.  Each value
 * carries where it was given: the YAML node that holds it, or
 * `ldap://HOST/<DN>` line 1 for directory data.
 */

/* A list of addresses, in the order given; `addrs` is borrowed. */
typedef struct zl_addr_list {
	bool known;              /* false: not given (count 0) */
	size_t count;
	const zl_addr *addrs;
	zl_location where;
} zl_addr_list;

/* A list of words, in the order given; `items` is borrowed. */
typedef struct zl_text_list {
	bool known;
	size_t count;
	const char *const *items;
	zl_location where;
} zl_text_list;

/* A whole number. */
typedef struct zl_number {
	bool known;
	uint32_t value;
	zl_location where;
} zl_number;

typedef enum zl_zone_kind {
	ZL_ZONE_PRIMARY = 0,     /* holds names; the default */
	ZL_ZONE_STUB,
	ZL_ZONE_FORWARDER,       /* a conditional forwarder */
} zl_zone_kind;

typedef enum zl_update {
	ZL_UPDATE_UNKNOWN = 0,
	ZL_UPDATE_NONE,
	ZL_UPDATE_NONSECURE,
	ZL_UPDATE_SECURE,
} zl_update;

typedef enum zl_transfers {
	ZL_TRANSFERS_UNKNOWN = 0,
	ZL_TRANSFERS_NONE,
	ZL_TRANSFERS_ANY,
	ZL_TRANSFERS_NS,         /* to the zone's name servers only */
	ZL_TRANSFERS_LIST,       /* to transfer_to only */
} zl_transfers;

/* "primary", "stub", "forwarder"; "none", "nonsecure", "secure";
 * "none", "any", "ns", "list"; "unknown" for UNKNOWN. */
const char *zl_zone_kind_name(zl_zone_kind k);
const char *zl_update_name(zl_update u);
const char *zl_transfers_name(zl_transfers t);

/* Aging and scavenging of a zone ([MS-DNSP] dnsProperty 0x10, 0x20, 0x40,
 * 0x11/0x90). */
typedef struct zl_aging {
	bool known;              /* `enabled` is known */
	bool enabled;
	bool days_known;         /* both intervals given */
	unsigned no_refresh_days, refresh_days;
	zl_addr_list scavenging_servers;  /* [] = any hosting server */
	zl_location where;       /* the aging mapping */
} zl_aging;

/* The settings a server's registry may hold for a zone (KB 4050194). */
typedef struct zl_zone_settings {
	zl_update dynamic_update;
	zl_location dynamic_update_where;
	zl_transfers transfers;
	zl_location transfers_where;
	zl_addr_list transfer_to;
	zl_aging aging;
} zl_zone_settings;

zl_zone_kind zl_zone_type(const zl_zone *z);
zl_location zl_zone_type_location(const zl_zone *z);   /* entry when default */
/* The zone's own settings; never NULL. */
const zl_zone_settings *zl_zone_own_settings(const zl_zone *z);
/* What server s says of z (its `zone_settings` entry), or NULL. */
const zl_zone_settings *zl_server_zone_settings(const zl_server *s,
                                                const zl_zone *z);
/* The settings z has on s: s's own value where it gives one, else the
 * zone's. */
void zl_zone_settings_on(const zl_zone *z, const zl_server *s,
                         zl_zone_settings *out);
/* Stub and forwarder targets; servers that add themselves to the apex NS
 * set; who may create records (words of SPEC, or SIDs "S-1-..."). */
zl_addr_list zl_zone_masters(const zl_zone *z);
zl_addr_list zl_zone_auto_ns(const zl_zone *z);
zl_text_list zl_zone_create_child(const zl_zone *z);

/* The server's own resolver list, its forwarders, its scavenging interval
 * in hours (0 = off), its global query block list. */
zl_addr_list zl_server_dns_client(const zl_server *s);
zl_addr_list zl_server_forwarders(const zl_server *s);
zl_number zl_server_scavenging_hours(const zl_server *s);
zl_text_list zl_server_query_block_list(const zl_server *s);

/* ---- what the directory holds of a zone (--ldap) ----------------------- */

/* Whether the directory's zone objects were read (--ldap): without it the
 * two lists below are unknown, not empty. */
bool zl_zone_directory_known(const zl_zone *z);
/* The dnsZone objects of z's name, each located at ldap://HOST/<DN>: one
 * per partition holding it, and its "CNF:" and "..InProgress" copies. */
size_t zl_zone_directory_object_count(const zl_zone *z);
zl_location zl_zone_directory_object(const zl_zone *z, size_t i);
/* Whether z's dnsNode objects were read, and those that are tombstoned
 * (dNSTombstoned TRUE): owner, and where (ldap://HOST/<DN>). */
bool zl_zone_tombstones_known(const zl_zone *z);
size_t zl_zone_tombstone_count(const zl_zone *z);
const zl_name *zl_zone_tombstone(const zl_zone *z, size_t i, zl_location *where);

/* ---- problems found while loading ------------------------------------- */

/*
 * Sources record what was wrong with the input itself (bad YAML, a zone
 * file that does not parse, a skipped Windows record type) as problems,
 * each of one kind; the one built-in rule whose descriptor carries that
 * kind (zl_rule.source) surfaces them as findings.  In load order.
 */
typedef enum zl_source_problem {
	ZL_SOURCE_NONE = 0,           /* not a source problem */
	ZL_SOURCE_INVENTORY,          /* the YAML inventory, or what it names */
	ZL_SOURCE_ZONE_SYNTAX,        /* a zone file, or part of one, that does
	                               * not parse */
	ZL_SOURCE_ZONE_WINDOWS_TYPE,  /* a Windows-only record type, skipped */
	ZL_SOURCE_LIVE_TRANSFER,      /* --live: a zone transfer that failed */
	ZL_SOURCE_LDAP,               /* --ldap: the directory could not be read,
	                               * or held data that does not decode */
	ZL_SOURCE_PROBLEM_KINDS,      /* how many kinds, NONE included; not a
	                               * kind (it grows as kinds are added) */
} zl_source_problem;

size_t zl_model_problem_count(const zl_model *m);
const zl_problem *zl_model_problem(const zl_model *m, size_t i);
/* The kind of the problem, never ZL_SOURCE_NONE. */
zl_source_problem zl_problem_source(const zl_problem *p);

#ifdef __cplusplus
}
#endif

#endif
