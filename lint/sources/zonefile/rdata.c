/*
 * lint/sources/zonefile/rdata.c - a record's data: fastrr.c for the common
 * types and forms, zonelint's own reader for its own types (rrtypes.h) and
 * RFC 3597 generic data, ldns for the rest, in the forms BIND writes.
 */
#include "zonefile_int.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sources/rrextra.h"

/* Days from 1970-01-01 to y-m-d of the proleptic Gregorian calendar. */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

/* An RRSIG time YYYYMMDDHHmmSS as the decimal serial modulo 2^32 BIND
 * reads it (in out[16]); false when the token is not such a time. */
static bool rrsig_time(const char *s, size_t len, char out[16])
{
	unsigned v[6], w[6] = { 4, 2, 2, 2, 2, 2 };
	size_t at = 0;

	if (len != 14)
		return false;
	for (size_t k = 0; k < 6; k++) {
		v[k] = 0;
		for (unsigned j = 0; j < w[k]; j++, at++) {
			if (!isdigit((unsigned char)s[at]))
				return false;
			v[k] = v[k] * 10 + (unsigned)(s[at] - '0');
		}
	}
	if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 || v[4] > 59 ||
	    v[5] > 60)
		return false;
	int64_t secs = days_from_civil(v[0], v[1], v[2]) * 86400 +
	               (int64_t)v[3] * 3600 + v[4] * 60 + v[5];
	snprintf(out, 16, "%" PRIu32, (uint32_t)(uint64_t)secs);
	return true;
}

/* Rebuilds L->rr (its type token at offset `head`) with rdata token i
 * replaced by `put`, or padded with `pad` '=' signs, the tokens before it
 * as they are; false: no memory. */
static bool rewrite_token(zf_load *L, const zf_entry *e, const zf_head *h, size_t head,
                          size_t i, const char *put, size_t pad)
{
	size_t off = head + (e->tok[i].off - e->tok[h->type_tok].off);
	size_t tail = strlen(L->rr) - off - e->tok[i].len;
	size_t add = put ? strlen(put) : e->tok[i].len + pad;
	char *rest = malloc(tail + 1);

	if (!rest || !zf_reserve(&L->rr, &L->rr_cap, off + add + tail + 1)) {
		free(rest);
		return false;
	}
	memcpy(rest, L->rr + off + e->tok[i].len, tail + 1);
	if (put)
		memcpy(L->rr + off, put, add);
	else
		memset(L->rr + off + e->tok[i].len, '=', pad);
	memcpy(L->rr + off + add, rest, tail + 1);
	free(rest);
	return true;
}

/* Why a record ldns parsed is still one BIND refuses, or NULL: fewer
 * fields than its type has (ldns takes RFC 3597 data short of them), or
 * an empty NSAP address ("0x"; RFC 1706 5). */
static const char *ldns_rr_short(const ldns_rr *rr)
{
	const ldns_rr_descriptor *d = ldns_rr_descript(ldns_rr_get_type(rr));

	if (d && ldns_rr_rd_count(rr) < ldns_rr_descriptor_minimum(d))
		return "the record has fewer fields than its type";
	for (size_t i = 0; i < ldns_rr_rd_count(rr); i++)
		if (ldns_rdf_get_type(ldns_rr_rdf(rr, i)) == LDNS_RDF_TYPE_NSAP &&
		    ldns_rdf_size(ldns_rr_rdf(rr, i)) == 0)
			return "the NSAP address is empty";
	return NULL;
}

/* Builds "@ TTL CLASS TYPE RDATA" for ldns in L->rr; false: no memory. */
static bool ldns_text(zf_load *L, const zf_entry *e, const zf_head *h)
{
	char head[48];
	char cls[16] = "IN";
	size_t from = e->tok[h->type_tok].off, rest = e->len - from;

	if (h->has_class)
		zf_tok_copy(e, h->class_tok, cls, sizeof(cls));
	int n = snprintf(head, sizeof(head), "@ %" PRIu32 " %s ", h->has_ttl ? h->ttl : 0, cls);
	if (!zf_reserve(&L->rr, &L->rr_cap, (size_t)n + rest + 1))
		return false;
	memcpy(L->rr, head, (size_t)n);
	memcpy(L->rr + n, e->text + from, rest + 1);
	return true;
}

/* The rdata tokens of the entry, for the fast parser; false: no memory. */
static bool rdata_tokens(zf_load *L, const zf_entry *e, size_t from, size_t *n)
{
	*n = e->ntok - from;
	if (*n > L->rtok_cap) {
		zl_rdata_token *t = realloc(L->rtok, *n * sizeof(*t));
		if (!t)
			return false;
		L->rtok = t;
		L->rtok_cap = *n;
	}
	for (size_t i = 0; i < *n; i++)
		L->rtok[i] = (zl_rdata_token){ tok_text(e, from + i), e->tok[from + i].len,
		                               e->tok[from + i].quoted };
	return true;
}

/*
 * Fields BIND writes in a form ldns 1.8.3 refuses, rewritten in L->rr to
 * one it takes (false: no memory):
 * - RRSIG times (RFC 4034 3.2) are serial numbers modulo 2^32 (RFC 1982):
 *   YYYYMMDDHHmmSS before 1970 or after 2106 is a valid time BIND reads
 *   modulo 2^32; the decimal number of seconds is what ldns then reads;
 * - the NSEC3 next hashed owner (RFC 5155 3.3) in base32hex without the
 *   '=' padding, as BIND and RFC 5155 write it: padded for ldns.
 */
static bool bind_forms(zf_load *L, const zf_entry *e, const zf_head *h, uint16_t type)
{
	size_t t = h->type_tok, first = t + 1, hashed = first + 4;
	char num[16];

	if (type != LDNS_RR_TYPE_RRSIG && type != LDNS_RR_TYPE_NSEC3)
		return true;
	size_t head = strlen(L->rr) - (e->len - e->tok[t].off);
	/* Last token first: the offsets of those before stay true. */
	for (size_t i = e->ntok; i-- > first; ) {
		const zf_token *k = &e->tok[i];
		const char *put = NULL;
		size_t pad = 0;
		if (type == LDNS_RR_TYPE_RRSIG && (i == first + 4 || i == first + 5) &&
		    rrsig_time(tok_text(e, i), k->len, num))
			put = num;
		else if (type == LDNS_RR_TYPE_NSEC3 && i == hashed && !k->quoted && k->len % 8)
			pad = 8 - k->len % 8;
		if ((put || pad) && !rewrite_token(L, e, h, head, i, put, pad))
			return false;
	}
	return true;
}

/* The rdata through ldns (the reference parser, for every type): a
 * ZL_RR_* code, or 1 after reporting ldns's own error. */
static int ldns_rdata(zf_file *f, const zf_entry *e, const zf_head *h, uint16_t type,
                      zl_record_spec *spec)
{
	zf_load *L = f->load;
	size_t t = h->type_tok;
	const zf_token *at = t + 1 < e->ntok ? &e->tok[t + 1] : &e->tok[t];
	ldns_rr *rr = NULL;
	zf_quoted q;

	if (e->len - e->tok[t].off > ZF_MAX_RDATA_TEXT) {
		zf_report(f, at->line, at->col, M_TOO_LONG, ZF_MAX_RDATA_TEXT,
		          zf_rest_excerpt(f, e, 0, NO_TOKEN, q));
		return 1;
	}
	if (!ldns_text(L, e, h) || !bind_forms(L, e, h, type))
		return ZL_RR_NOMEM;
	ldns_status st = ldns_rr_new_frm_str(&rr, L->rr, 0, f->origin_rdf, NULL);
	const char *why = st == LDNS_STATUS_OK ? ldns_rr_short(rr) : NULL;
	if (st != LDNS_STATUS_OK || why) {
		zf_report(f, at->line, at->col, M_LDNS, why ? why : ldns_get_errorstr_by_id(st),
		          zf_rest_excerpt(f, e, 0, t + 1, q));
		ldns_rr_free(rr);
		return 1;
	}
	spec->type = (uint16_t)ldns_rr_get_type(rr);
	spec->rclass = (uint16_t)ldns_rr_get_class(rr);
	int rc = zl_rdata_from_ldns(L->m, rr, L->rdata);
	ldns_rr_free(rr);
	return rc;
}

/* The rdata of one of zonelint's own types (rrtypes.h), kept as wire
 * data: a ZL_RR_* code, or 1 after reporting. */
static int own_rdata(zf_file *f, const zf_entry *e, const zf_head *h,
                     const zl_rrtype *own, zl_record_spec *spec)
{
	zf_load *L = f->load;
	size_t t = h->type_tok, n, len;
	const zf_token *at = t + 1 < e->ntok ? &e->tok[t + 1] : &e->tok[t];
	zf_quoted q;

	if (!rdata_tokens(L, e, t + 1, &n))
		return ZL_RR_NOMEM;
	if (!L->wire && !(L->wire = malloc(ZF_WIRE_HEAD + ZL_RREXTRA_MAX)))
		return ZL_RR_NOMEM;
	const char *why = zl_rrextra_parse(L->m, own, L->rtok, n, f->origin, L->wire, &len);
	if (why) {
		zf_report(f, at->line, at->col, M_OWN_TYPE, own->name, why,
		          zf_rest_excerpt(f, e, 0, t + 1, q));
		return 1;
	}
	zl_rdata_begin(L->rdata);
	zl_rdata_other(L->rdata, ZL_RDF_UNKNOWN, L->wire, len);
	spec->type = own->code;
	spec->rclass = h->has_class ? zf_token_class(e, h->class_tok) : LDNS_RR_CLASS_IN;
	return L->rdata->overflow ? ZL_RR_TOO_BIG : ZL_RR_OK;
}

/*
 * RFC 3597 generic data (\# LENGTH HEX) of a type ldns knows, or of an
 * unknown one: the hex read here (ldns takes bad digits and any length),
 * then the wire data read as the type's fields by ldns's wire parser,
 * which must use all of it; a ZL_RR_* code, or 1 after reporting.
 */
static int generic_rdata(zf_file *f, const zf_entry *e, const zf_head *h, uint16_t type,
                         size_t n, zl_record_spec *spec)
{
	zf_load *L = f->load;
	size_t t = h->type_tok, len = 0, pos = 0;
	const zf_token *at = &e->tok[t + 1];
	ldns_rr *rr = NULL;
	char tb[16];
	zf_quoted q;

	if (!L->wire && !(L->wire = malloc(ZF_WIRE_HEAD + ZL_RREXTRA_MAX)))
		return ZL_RR_NOMEM;
	const char *why = zl_rrextra_generic(L->rtok, n, L->wire + ZF_WIRE_HEAD, &len);
	if (!why) {
		/* root owner, type, class IN, TTL 0, RDLENGTH */
		uint8_t head[ZF_WIRE_HEAD] = { 0, (uint8_t)(type >> 8), (uint8_t)type, 0, 1,
		                               0, 0, 0, 0, (uint8_t)(len >> 8), (uint8_t)len };
		memcpy(L->wire, head, sizeof(head));
		if (ldns_wire2rr(&rr, L->wire, ZF_WIRE_HEAD + len, &pos, LDNS_SECTION_ANSWER) !=
		    LDNS_STATUS_OK || pos != ZF_WIRE_HEAD + len)
			why = "the data does not hold the fields of its type";
		else
			why = ldns_rr_short(rr);
	}
	if (why) {
		const char *name = zl_type_name(type);
		if (!name)
			snprintf(tb, sizeof(tb), "TYPE%u", (unsigned)type);
		zf_report(f, at->line, at->col, M_OWN_TYPE, name ? name : tb, why,
		          zf_rest_excerpt(f, e, 0, t + 1, q));
		ldns_rr_free(rr);
		return 1;
	}
	spec->type = type;
	spec->rclass = LDNS_RR_CLASS_IN;
	int rc = zl_rdata_from_ldns(L->m, rr, L->rdata);
	ldns_rr_free(rr);
	return rc;
}

/* SVCB and HTTPS parameters ldns takes and BIND and Knot refuse (RFC
 * 9460; rrextra.h): true after reporting. */
static bool svcb_refused(zf_file *f, const zf_entry *e, const zf_head *h, size_t n)
{
	size_t at = 0;
	const char *why = zl_rrextra_svcb_check(f->load->rtok, n, &at);
	const zf_token *t = &e->tok[h->type_tok + 1 + at];
	char type[16];
	zf_quoted q;

	if (!why)
		return false;
	zf_tok_copy(e, h->type_tok, type, sizeof(type));
	for (char *c = type; *c; c++)
		*c = (char)toupper((unsigned char)*c);
	zf_report(f, t->line, t->col, M_OWN_TYPE, type, why,
	          zf_rest_excerpt(f, e, 0, h->type_tok + 1 + at, q));
	return true;
}

/* A TXT record past what ldns reads (more than 255 strings, or text over
 * ZF_MAX_RDATA_TEXT): up to the 65,535 bytes of rdata BIND and Knot take,
 * read by zonelint's own reader and kept as wire data. */
static const zl_rrtype txt_long = { .code = ZL_TYPE_TXT, .name = "TXT", .fields = "S" };

/* The record's fields: the fast parser for the common types and forms,
 * zonelint's own reader for its own types, ldns for the rest; a ZL_RR_*
 * code, or 1 after reporting. */
int zf_parse_rdata(zf_file *f, const zf_entry *e, const zf_head *h,
                   uint16_t type, zl_record_spec *spec)
{
	zf_load *L = f->load;
	const zl_rrtype *own = zl_rrtype_by_code(type);
	size_t n;

	if (own)
		return own_rdata(f, e, h, own, spec);
	if (!rdata_tokens(L, e, h->type_tok + 1, &n))
		return ZL_RR_NOMEM;
	if (zl_rrextra_is_generic(L->rtok, n))
		return generic_rdata(f, e, h, type, n, spec);
	if ((type == LDNS_RR_TYPE_SVCB || type == LDNS_RR_TYPE_HTTPS) && svcb_refused(f, e, h, n))
		return 1;
	if (type == ZL_TYPE_TXT &&
	    (n > 255 || e->len - e->tok[h->type_tok].off > ZF_MAX_RDATA_TEXT))
		return own_rdata(f, e, h, &txt_long, spec);
	if (zl_fastrr_handles(type)) {
		zl_rdata_begin(L->rdata);
		if (zl_fastrr_parse(L->m, type, L->rtok, n, f->origin, L->rdata) == ZL_FAST_OK) {
			spec->type = type;
			spec->rclass = h->has_class ? zf_token_class(e, h->class_tok)
			                            : LDNS_RR_CLASS_IN;
			return L->rdata->overflow ? ZL_RR_TOO_BIG : ZL_RR_OK;
		}
	}
	return ldns_rdata(f, e, h, type, spec);
}
