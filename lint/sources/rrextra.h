/*
 * lint/sources/rrextra.h - the rdata of zonelint's own record types
 * (rrtypes.h) read from zone file tokens into wire format (private).
 *
 * Each field is read as the type's RFC writes it, as BIND reads it; the
 * RFC 3597 generic form (\# LENGTH HEX) is taken for any of them.
 */
#ifndef ZL_RREXTRA_H
#define ZL_RREXTRA_H

#include <stddef.h>
#include <stdint.h>

#include "fastrr.h"
#include "model_int.h"
#include "rrtypes.h"

/* Room for the wire rdata (RFC 1035 3.2.1: RDLENGTH is 16 bits). */
#define ZL_RREXTRA_MAX 65535

/*
 * Reads the n rdata tokens of a record of type t into wire[] (*len bytes),
 * names relative to origin ("@" is the origin).  NULL on success, else why
 * the rdata is wrong (a static string).
 */
const char *zl_rrextra_parse(zl_model *m, const zl_rrtype *t, const zl_rdata_token *tok,
                             size_t n, const zl_name *origin, uint8_t *wire, size_t *len);

/*
 * The RFC 3597 generic form: tok[0] is "\#", then the length and the hex
 * digits (in any number of tokens).  NULL on success, else why not.
 */
const char *zl_rrextra_generic(const zl_rdata_token *tok, size_t n, uint8_t *wire,
                               size_t *len);

/* True when tok[0] is "\#" (the generic form). */
bool zl_rrextra_is_generic(const zl_rdata_token *tok, size_t n);

/*
 * The parameters of an SVCB or HTTPS record (tok[0] the priority, tok[1]
 * the target; RFC 9460 2.1, 7, 8): NULL when BIND and Knot would take
 * them, else why not, with *at the index of the token at fault.  Keys
 * given twice, keys that need a value without one, an empty ALPN, a port
 * over 65535, a mandatory list naming itself, a key twice or a key not
 * present.  Unknown keys are left to ldns.
 */
const char *zl_rrextra_svcb_check(const zl_rdata_token *tok, size_t n, size_t *at);

#endif
