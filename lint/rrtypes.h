/*
 * lint/rrtypes.h - zonelint's own table of record types (private).
 *
 * ldns 1.8.3 does not know every type BIND 9.18 loads (AMTRELAY, AVC,
 * BRID, DOA, DSYNC, HHIT, NINFO, RESINFO, RKEY, TA, WALLET), and parses
 * others (A6, ATMA, NXT, SINK) other than their RFCs write them.  These
 * types are zonelint's: their names and the layout of their rdata, which
 * lint/sources/rrextra.c reads from presentation format.
 */
#ifndef ZL_RRTYPES_H
#define ZL_RRTYPES_H

#include <stdint.h>

/*
 * One type: IANA code, mnemonic, and its rdata fields in order, one
 * character each (rrextra.c reads them):
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
	uint16_t code;
	const char *name;
	const char *fields;
} zl_rrtype;

/* The type of zonelint's own table with this code or name (any case), or
 * NULL: then ldns's table is the one to ask. */
const zl_rrtype *zl_rrtype_by_code(uint16_t code);
const zl_rrtype *zl_rrtype_by_name(const char *name);

#endif
