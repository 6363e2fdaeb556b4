/*
 * lint/sources/rr_convert.h - one ldns_rr into one model record (private).
 *
 * Shared by the sources that get their records from ldns: zone files,
 * zone transfers, the directory.  Fields are mapped by their ldns rdf type:
 * names are interned, A/AAAA become addresses, fixed-width numbers become
 * integers, everything else is kept as wire bytes tagged with the codec's
 * form of its rdf type (rdata.h), which zl_record_rdata_text writes as
 * ldns would.
 */
#ifndef ZL_RR_CONVERT_H
#define ZL_RR_CONVERT_H

#include <ldns/ldns.h>

#include "model_int.h"

/* What can go wrong (0 is success). */
enum {
	ZL_RR_OK = 0,
	ZL_RR_NOMEM = -1,        /* out of memory */
	ZL_RR_BAD_NAME = -2,     /* a name over 255 octets or a malformed one */
	ZL_RR_TOO_BIG = -3,      /* more rdata than a record may hold */
};

/*
 * Adds `rr` to view v: owner, type, class and TTL from rr, located at
 * `line` of the view's file number `file`, with Windows aging stamp `age`
 * (0 = none).  rr stays the caller's.  Returns a ZL_RR_* code.
 */
int zl_record_from_ldns(zl_model *m, zl_view *v, const ldns_rr *rr,
                        uint16_t file, uint32_t line, uint32_t age);

/*
 * The same with owner, TTL, age and location taken from `spec` (its type
 * and class are overwritten from rr): for a source that has already
 * interned the owner itself.
 */
int zl_record_from_ldns_spec(zl_model *m, zl_view *v, const ldns_rr *rr,
                             zl_record_spec *spec);

/* Only the rdata of rr into b (begun here); a ZL_RR_* code. */
int zl_rdata_from_ldns(zl_model *m, const ldns_rr *rr, zl_rdata_builder *b);

/* "no memory", "name longer than 255 octets", ...: text of a ZL_RR_* code. */
const char *zl_rr_strerror(int code);

#endif
