/*
 * lint/rrtypes.h - zonelint's table of record types (private to lint/):
 * the record codec's descriptor table, as libknot owns its descriptors.
 *
 * One row per type: its mnemonic, the kinds of its rdata fields (rdata.h),
 * and, for the types zonelint reads from zone files itself, the layout
 * lint/sources/rrextra.c reads.  Those are the types BIND 9.18 loads that
 * ldns 1.8.3 does not know (AMTRELAY, AVC, BRID, DOA, DSYNC, HHIT, NINFO,
 * RESINFO, RKEY, TA, WALLET) or parses other than their RFCs write them
 * (A6, ATMA, NXT, SINK); zone files give them one UNKNOWN field, the
 * RFC 3597 form, whatever the row's kinds say.
 */
#ifndef ZL_RRTYPES_H
#define ZL_RRTYPES_H

#include <stdint.h>

enum {
	/* The mnemonic is zonelint's own: type fields (RRSIG's type
	 * covered, NSEC bitmaps) write the type TYPEnnn, as its record
	 * text always has (rdata_text.c). */
	ZL_RRTYPE_OWN_NAME = 1 << 0,
	/* A code the table reserves without a mnemonic: its name is
	 * "TYPEnnn" (RFC 3597 5). */
	ZL_RRTYPE_UNNAMED = 1 << 1,
};

#define ZL_RRTYPE_FIELDS_MAX 9

/*
 * `fields`, one character a field, is rrextra.c's reader:
 *   1 2 4  an unsigned decimal of 8, 16 or 32 bits
 *   n      a domain name (uncompressed)
 *   s      one character-string; S: one or more, to the end
 *   b      base64 to the end, at least one token; B: possibly none;
 *          d: base64, or "-" for none
 *   h      hex to the end
 *   t      a type mnemonic (16 bits); N: DSYNC scheme (8 bits, NOTIFY = 1)
 *   *      the whole rdata has its own reader (A6, ATMA, NXT, AMTRELAY)
 */
typedef struct zl_rrtype {
	uint16_t code;           /* IANA */
	const char *name;        /* mnemonic */
	const char *fields;      /* zonelint's reader, or NULL: ldns reads it */
	uint8_t flags;           /* ZL_RRTYPE_* */
	uint8_t min, max;        /* fields a record has at least, at most */
	uint8_t repeat;          /* kind of the fields past max (zl_rdf), 0 none */
	uint8_t kinds[ZL_RRTYPE_FIELDS_MAX];  /* zl_rdf of fields 0 .. max-1 */
} zl_rrtype;

/* The row of this code, or NULL. */
const zl_rrtype *zl_rrtype_describe(uint16_t code);
/* The kind (zl_rdf) of field i of a record of this row; 0 (ZL_RDF_NONE)
 * past the fields it may have. */
uint8_t zl_rrtype_field(const zl_rrtype *t, unsigned i);

/* The row of a type zonelint reads itself (`fields` set) with this code
 * or name (any case), or NULL: then ldns reads it. */
const zl_rrtype *zl_rrtype_by_code(uint16_t code);
const zl_rrtype *zl_rrtype_by_name(const char *name);

#endif
