/*
 * lint/sources/fastrr.h - the rdata of the common record types, parsed
 * straight from zone file tokens into the model (private).
 *
 * A, AAAA, NS, CNAME, PTR, MX, SRV, TXT and SOA make up nearly every
 * record of an Active Directory zone.  ldns parses a record from a string
 * it tokenizes again, with an allocation per field; this parser reads the
 * tokens the zone file reader already has and writes the fields into the
 * rdata builder, with the same result as ldns_rr_new_frm_str followed by
 * zl_record_from_ldns (tests/unit/test_fastrr.c compares the two, field
 * for field).  It only takes the plain forms; for anything out of the
 * ordinary (escapes, quotes where a name or number stands, TTL units in
 * SOA timers, a wrong number of fields, any error) it declines, and the
 * caller asks ldns, whose verdict and message stand.
 */
#ifndef ZL_FASTRR_H
#define ZL_FASTRR_H

#include <stdbool.h>
#include <stddef.h>

#include "model_int.h"

/* One rdata token as the zone file gives it. */
typedef struct zl_rdata_token {
	const char *text;        /* not NUL-terminated */
	size_t len;
	bool quoted;             /* a "..." string, quotes included */
} zl_rdata_token;

enum {
	ZL_FAST_OK = 0,
	ZL_FAST_DECLINED = 1,    /* not a type or a form this parser takes */
};

/* True for the types zl_fastrr_parse may take. */
bool zl_fastrr_handles(uint16_t type);

/*
 * Parses the `n` rdata tokens of a record of `type` into b (begun by the
 * caller), names relative to `origin` ("@" is the origin).  Returns
 * ZL_FAST_OK, or ZL_FAST_DECLINED with b in an unspecified state.
 * Names are interned only once every other field has parsed.
 */
int zl_fastrr_parse(zl_model *m, uint16_t type, const zl_rdata_token *tok, size_t n,
                    const zl_name *origin, zl_rdata_builder *b);

#endif
