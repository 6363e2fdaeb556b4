/*
 * lint/rdata.h - the record codec's input side (private to lint/): the
 * builder sources fill one record's rdata with, field by field, and the
 * kinds of OTHER fields, which say how zl_record_rdata_text writes them.
 *
 * The codec (record.c, rdata_text.c, rrtypes.c) is a leaf: it depends on
 * interned names (names.h) and the value types of zonelint/types.h, and on
 * nothing else of the model; model.c and the sources call it, never the
 * reverse.  It speaks no parser's types: each source maps its parser's
 * field types onto zl_rdf (lint/sources/rr_convert.c does it for ldns).
 */
#ifndef ZL_RDATA_H
#define ZL_RDATA_H

#include <zonelint/model.h>

/*
 * How an OTHER field's wire bytes are written in presentation format; the
 * codec stores one byte of it with the field.  The forms are those of the
 * RFC defining each field, as the ldns 1.8.3 printer zonelint's text has
 * always followed writes them (rdata_text.c).
 */
typedef enum zl_rdf {
	ZL_RDF_NONE = 0,        /* written as nothing */
	ZL_RDF_UNKNOWN,         /* RFC 3597 5: \# LENGTH HEX */
	ZL_RDF_NAME,            /* an uncompressed domain name (RFC 1035 3.3) */
	ZL_RDF_INT8,            /* an 8-bit number, in decimal */
	ZL_RDF_CODE8,           /* an algorithm or TLSA code: 8 bits kept as
	                         * bytes (an OTHER field), in decimal */
	ZL_RDF_INT16,
	ZL_RDF_INT32,
	ZL_RDF_PERIOD,          /* seconds (SOA timers, RFC 1035 3.3.13) */
	ZL_RDF_A,               /* RFC 1035 3.4.1 */
	ZL_RDF_AAAA,            /* RFC 3596 2.2 */
	ZL_RDF_STR,             /* <character-string> (RFC 1035 3.3) */
	ZL_RDF_LONG_STR,        /* CAA value: the rest, quoted (RFC 8659 4.1.1) */
	ZL_RDF_APL,             /* RFC 3123 5 */
	ZL_RDF_B32_EXT,         /* NSEC3 next hash (RFC 5155 3.3) */
	ZL_RDF_B64,
	ZL_RDF_HEX,
	ZL_RDF_NSEC,            /* type bitmap (RFC 4034 4.1.2) */
	ZL_RDF_TYPE,            /* a type mnemonic (RFC 4034 3.2) */
	ZL_RDF_CLASS,
	ZL_RDF_CERT_ALG,        /* CERT type (RFC 4398 2.2) */
	ZL_RDF_TIME,            /* YYYYMMDDHHmmSS (RFC 4034 3.2) */
	ZL_RDF_TSIGTIME,        /* 48-bit seconds (RFC 8945 4.2) */
	ZL_RDF_HIP,             /* RFC 8005 5 */
	ZL_RDF_INT16_DATA,      /* length, then base64 (TKEY, TSIG) */
	ZL_RDF_LOC,             /* RFC 1876 3 */
	ZL_RDF_WKS,             /* RFC 1035 3.4.2: protocol, services */
	ZL_RDF_NSAP,            /* RFC 1706 5: 0x HEX */
	ZL_RDF_ATMA,
	ZL_RDF_IPSECKEY,        /* RFC 4025 3 */
	ZL_RDF_NSEC3_SALT,      /* RFC 5155 3.3 */
	ZL_RDF_ILNP64,          /* RFC 6742 2.3 */
	ZL_RDF_EUI48,           /* RFC 7043 3.2 */
	ZL_RDF_EUI64,
	ZL_RDF_TAG,             /* CAA tag (RFC 8659 4.1.1) */
	ZL_RDF_AMTRELAY,        /* RFC 8777 4.3 */
	ZL_RDF_SVCPARAMS,       /* RFC 9460 2.1 */
	ZL_RDF_COUNT
} zl_rdf;

/*
 * The presentation text of `len` bytes of kind `rdf` into buf (truncated
 * to size, NUL added when size > 0); false when the bytes do not hold a
 * field of that kind, and buf then holds "?".
 */
bool zl_rdf_text(zl_rdf rdf, const uint8_t *data, size_t len, char *buf, size_t size);

/* The field kind (zonelint/model.h) a well-formed field of this form has. */
zl_field_kind zl_rdf_field_kind(zl_rdf rdf);

/*
 * Builds one record's rdata field by field, then adds the record.  A
 * builder lives on the caller's stack; zl_rdata_begin resets it.
 */
typedef struct zl_rdata_builder {
	uint8_t buf[65536 + 1024];
	size_t len;
	unsigned count;
	bool overflow;
} zl_rdata_builder;

void zl_rdata_begin(zl_rdata_builder *b);
void zl_rdata_name(zl_rdata_builder *b, const zl_name *n);
void zl_rdata_addr(zl_rdata_builder *b, const zl_addr *a);
/* A number of `width` bytes (1, 2 or 4). */
void zl_rdata_int(zl_rdata_builder *b, uint32_t value, unsigned width);
/* Other wire data, written by zl_record_rdata_text as `format` says. */
void zl_rdata_other(zl_rdata_builder *b, zl_rdf format, const uint8_t *data,
                    size_t len);

/* Field i of the builder as a number; false when it is not one. */
bool zl_rdata_get_int(const zl_rdata_builder *b, size_t i, uint32_t *out);

#endif
