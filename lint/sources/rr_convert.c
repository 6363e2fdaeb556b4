/*
 * lint/sources/rr_convert.c - see rr_convert.h.
 *
 * The rdf types come from ldns's descriptor table (rr.c), which follows the
 * RFC that defines each type: RFC 1035 3.3 for the classic ones, RFC 2782
 * for SRV, RFC 3596 for AAAA.
 */
#include "rr_convert.h"

#include <string.h>

static const char *const rr_errors[] = {
	[0] = "no error",
	[-ZL_RR_NOMEM] = "out of memory",
	[-ZL_RR_BAD_NAME] = "a domain name in the record is longer than 255 octets",
	[-ZL_RR_TOO_BIG] = "the record has more data than a record may hold",
};

const char *zl_rr_strerror(int code)
{
	if (code > 0 || -code >= (int)(sizeof(rr_errors) / sizeof(rr_errors[0])))
		return "unknown error";
	return rr_errors[-code];
}

/* A fixed-width number: its width in bytes, or 0 when the rdf is not one.
 * PERIOD is a TTL-like 32-bit count of seconds (SOA timers, RFC 1035 3.3.13). */
static unsigned int_width(const ldns_rdf *rdf)
{
	switch (ldns_rdf_get_type(rdf)) {
	case LDNS_RDF_TYPE_INT8:
		return ldns_rdf_size(rdf) == 1 ? 1 : 0;
	case LDNS_RDF_TYPE_INT16:
		return ldns_rdf_size(rdf) == 2 ? 2 : 0;
	case LDNS_RDF_TYPE_INT32:
	case LDNS_RDF_TYPE_PERIOD:
		return ldns_rdf_size(rdf) == 4 ? 4 : 0;
	default:
		return 0;
	}
}

static uint32_t read_be(const uint8_t *p, unsigned width)
{
	uint32_t v = 0;

	for (unsigned i = 0; i < width; i++)
		v = v << 8 | p[i];
	return v;
}

/* The codec's form of an ldns field type that stays wire bytes: how
 * zl_record_rdata_text writes it, as ldns's printer (host2str.c) does. */
static zl_rdf other_format(ldns_rdf_type t)
{
	switch (t) {
	case LDNS_RDF_TYPE_DNAME: return ZL_RDF_NAME;
	case LDNS_RDF_TYPE_INT8: return ZL_RDF_INT8;
	case LDNS_RDF_TYPE_ALG: case LDNS_RDF_TYPE_CERTIFICATE_USAGE:
	case LDNS_RDF_TYPE_SELECTOR: case LDNS_RDF_TYPE_MATCHING_TYPE:
		return ZL_RDF_CODE8;
	case LDNS_RDF_TYPE_INT16: return ZL_RDF_INT16;
	case LDNS_RDF_TYPE_INT32: return ZL_RDF_INT32;
	case LDNS_RDF_TYPE_PERIOD: return ZL_RDF_PERIOD;
	case LDNS_RDF_TYPE_A: return ZL_RDF_A;
	case LDNS_RDF_TYPE_AAAA: return ZL_RDF_AAAA;
	case LDNS_RDF_TYPE_STR: return ZL_RDF_STR;
	case LDNS_RDF_TYPE_LONG_STR: return ZL_RDF_LONG_STR;
	case LDNS_RDF_TYPE_APL: return ZL_RDF_APL;
	case LDNS_RDF_TYPE_B32_EXT: case LDNS_RDF_TYPE_NSEC3_NEXT_OWNER:
		return ZL_RDF_B32_EXT;
	case LDNS_RDF_TYPE_B64: return ZL_RDF_B64;
	case LDNS_RDF_TYPE_HEX: return ZL_RDF_HEX;
	case LDNS_RDF_TYPE_NSEC: return ZL_RDF_NSEC;
	case LDNS_RDF_TYPE_TYPE: return ZL_RDF_TYPE;
	case LDNS_RDF_TYPE_CLASS: return ZL_RDF_CLASS;
	case LDNS_RDF_TYPE_CERT_ALG: return ZL_RDF_CERT_ALG;
	case LDNS_RDF_TYPE_UNKNOWN: return ZL_RDF_UNKNOWN;
	case LDNS_RDF_TYPE_TIME: return ZL_RDF_TIME;
	case LDNS_RDF_TYPE_TSIGTIME: return ZL_RDF_TSIGTIME;
	case LDNS_RDF_TYPE_HIP: return ZL_RDF_HIP;
	case LDNS_RDF_TYPE_INT16_DATA: return ZL_RDF_INT16_DATA;
	case LDNS_RDF_TYPE_LOC: return ZL_RDF_LOC;
	case LDNS_RDF_TYPE_WKS: case LDNS_RDF_TYPE_SERVICE: return ZL_RDF_WKS;
	case LDNS_RDF_TYPE_NSAP: return ZL_RDF_NSAP;
	case LDNS_RDF_TYPE_ATMA: return ZL_RDF_ATMA;
	case LDNS_RDF_TYPE_IPSECKEY: return ZL_RDF_IPSECKEY;
	case LDNS_RDF_TYPE_NSEC3_SALT: return ZL_RDF_NSEC3_SALT;
	case LDNS_RDF_TYPE_ILNP64: return ZL_RDF_ILNP64;
	case LDNS_RDF_TYPE_EUI48: return ZL_RDF_EUI48;
	case LDNS_RDF_TYPE_EUI64: return ZL_RDF_EUI64;
	case LDNS_RDF_TYPE_TAG: return ZL_RDF_TAG;
	case LDNS_RDF_TYPE_AMTRELAY: return ZL_RDF_AMTRELAY;
	case LDNS_RDF_TYPE_SVCPARAMS: return ZL_RDF_SVCPARAMS;
	default: return ZL_RDF_NONE;     /* ldns writes nothing for the rest */
	}
}

/* One rdata field into the builder; a ZL_RR_* code. */
static int add_field(zl_model *m, zl_rdata_builder *b, const ldns_rdf *rdf)
{
	const uint8_t *data = ldns_rdf_data(rdf);
	size_t size = ldns_rdf_size(rdf);
	ldns_rdf_type t = ldns_rdf_get_type(rdf);
	unsigned width;
	zl_addr a;

	if (t == LDNS_RDF_TYPE_DNAME) {
		const zl_name *n = zl_model_intern_wire(m, data, size);
		if (!n)
			return ZL_RR_BAD_NAME;
		zl_rdata_name(b, n);
	} else if ((t == LDNS_RDF_TYPE_A && size == 4) ||
	           (t == LDNS_RDF_TYPE_AAAA && size == 16)) {
		memset(&a, 0, sizeof(a));
		a.family = size == 4 ? 4 : 6;
		memcpy(a.bytes, data, size);
		zl_rdata_addr(b, &a);
	} else if ((width = int_width(rdf)) != 0) {
		zl_rdata_int(b, read_be(data, width), width);
	} else {
		zl_rdata_other(b, other_format(t), data, size);
	}
	return ZL_RR_OK;
}

int zl_rdata_from_ldns(zl_model *m, const ldns_rr *rr, zl_rdata_builder *b)
{
	zl_rdata_begin(b);
	for (size_t i = 0; i < ldns_rr_rd_count(rr); i++) {
		int rc = add_field(m, b, ldns_rr_rdf(rr, i));
		if (rc != ZL_RR_OK)
			return rc;
	}
	return b->overflow ? ZL_RR_TOO_BIG : ZL_RR_OK;
}

int zl_record_from_ldns_spec(zl_model *m, zl_view *v, const ldns_rr *rr,
                             zl_record_spec *spec)
{
	zl_rdata_builder b;
	int rc = zl_rdata_from_ldns(m, rr, &b);

	if (rc != ZL_RR_OK)
		return rc;
	spec->type = (uint16_t)ldns_rr_get_type(rr);
	spec->rclass = (uint16_t)ldns_rr_get_class(rr);
	return zl_view_add_record(m, v, spec, &b) == 0 ? ZL_RR_OK : ZL_RR_NOMEM;
}

int zl_record_from_ldns(zl_model *m, zl_view *v, const ldns_rr *rr,
                        uint16_t file, uint32_t line, uint32_t age)
{
	const ldns_rdf *owner = ldns_rr_owner(rr);
	zl_record_spec spec = { .ttl = ldns_rr_ttl(rr), .age = age,
	                        .file = file, .line = line };

	if (!owner)
		return ZL_RR_BAD_NAME;
	spec.owner = zl_model_intern_wire(m, ldns_rdf_data(owner), ldns_rdf_size(owner));
	if (!spec.owner)
		return ZL_RR_BAD_NAME;
	return zl_record_from_ldns_spec(m, v, rr, &spec);
}
