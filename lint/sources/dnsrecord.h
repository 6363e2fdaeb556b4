/*
 * lint/sources/dnsrecord.h - one `dnsRecord` attribute value of an
 * AD-integrated zone's `dnsNode` object (private).
 *
 * The value is a DNS_RPC_RECORD as [MS-DNSP] 2.3.2.2 lays it out:
 *
 *   offset  size  field
 *        0     2  DataLength (little-endian): bytes of Data
 *        2     2  Type (little-endian): the DNS type; 0 marks a tombstone
 *        4     1  Version: 0x05
 *        5     1  Rank
 *        6     2  Flags
 *        8     4  Serial (little-endian)
 *       12     4  TtlSeconds (BIG-endian)
 *       16     4  Reserved
 *       20     4  TimeStamp (little-endian): hours since 1601-01-01 UTC,
 *                 0 for a static record
 *       24     -  Data, DNS_RPC_RECORD_DATA (2.2.2.2.4)
 *
 * Names in Data are DNS_COUNT_NAME (2.2.2.2.2): Length, LabelCount, then
 * the uncompressed wire-format name with its zero label, Length bytes in
 * all.  The decoder is a pure function over bytes (no model, no LDAP), so
 * tests and fuzzers can drive it alone.
 */
#ifndef ZL_DNSRECORD_H
#define ZL_DNSRECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model_int.h"

#define ZL_DNSRECORD_HEADER 24
/* [MS-DNSP] 2.3.2.2: "Version ... MUST be set to 0x05". */
#define ZL_DNSRECORD_VERSION 5
/* Type 0 (DNS_TYPE_ZERO) holds the FILETIME at which the node was
 * tombstoned ([MS-DNSP] 2.2.2.2.4.23): not a record. */
#define ZL_DNSRECORD_TOMBSTONE 0

typedef struct zl_dnsrecord {
	uint16_t type;            /* DNS type; ZL_DNSRECORD_TOMBSTONE */
	uint8_t rank;
	uint16_t flags;
	uint32_t serial;
	uint32_t ttl;             /* seconds */
	uint32_t timestamp;       /* hours since 1601, 0 = static */
	const uint8_t *data;      /* Data as stored: points into the blob */
	size_t data_len;
	/* true: rdata holds Data converted to RFC 1035 wire format (the types
	 * zonelint decodes); false: the type is kept opaque as `data`. */
	bool decoded;
	size_t rdata_len;
	uint8_t rdata[65535];
} zl_dnsrecord;

/*
 * Decodes blob[0..len) into *out.  Returns 0, or -1 when the value is
 * malformed: truncated, DataLength not matching, a wrong version, Data of
 * the wrong length for its type, or a bad name; `why` (size bytes) then
 * says what, naming the field.  A type zonelint does not decode is not an
 * error: it comes back with decoded false.
 */
int zl_dnsrecord_decode(const uint8_t *blob, size_t len, zl_dnsrecord *out,
                        char *why, size_t size);

/* True for the types decoded into RFC wire format: A, AAAA, NS, CNAME,
 * PTR, DNAME, MX, SRV, TXT, SOA. */
bool zl_dnsrecord_type_decoded(uint16_t type);

/*
 * One `dNSProperty` value of a dnsZone object ([MS-DNSP] 2.3.2.1):
 * DataLength, NameLength, Flag, Version (4 bytes each, little-endian), Id
 * (4), Data (DataLength bytes), Name (1, unused).  *id gets the Id; a
 * 4-byte Data is read as a little-endian number into *value (*has_value
 * true); an empty Data means "the default".  Returns 0, or -1 when the
 * value is truncated.
 */
enum {
	ZL_DNSPROPERTY_NOREFRESH = 0x10,  /* DSPROPERTY_ZONE_NOREFRESH_INTERVAL, hours */
	ZL_DNSPROPERTY_REFRESH = 0x20,    /* DSPROPERTY_ZONE_REFRESH_INTERVAL, hours */
};
int zl_dnsproperty_decode(const uint8_t *blob, size_t len, uint32_t *id,
                          uint32_t *value, bool *has_value);

/*
 * Adds a decoded record to view v: owner, file and line from *spec; type,
 * class IN, TTL and aging stamp from rec.  Decoded types go through ldns
 * (lint/sources/rr_convert.c), so their fields are those a zone file gives;
 * an opaque type keeps Data as one RFC 3597 field.  Returns a ZL_RR_* code
 * (rr_convert.h).
 */
int zl_dnsrecord_add(zl_model *m, zl_view *v, const zl_dnsrecord *rec,
                     zl_record_spec *spec);

#endif
