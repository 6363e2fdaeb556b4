/*
 * lint/sources/dnsrecord.c - see dnsrecord.h.
 *
 * Data layouts ([MS-DNSP] 2.2.2.2.4, numbers big-endian as on the wire;
 * Samba's librpc/idl/dnsp.idl marks the same fields NDR_BIG_ENDIAN):
 *   A     4-byte address (2.2.2.2.4.1)        AAAA  16-byte address (.16)
 *   NS, CNAME, PTR, DNAME  one DNS_COUNT_NAME (DNS_RPC_RECORD_NODE_NAME, .2)
 *   SOA   serial, refresh, retry, expire, minimum (4 bytes each), then the
 *         primary server and the administrator mailbox as names (.3)
 *   MX    preference (2), exchange name (DNS_RPC_RECORD_NAME_PREFERENCE, .7)
 *   SRV   priority, weight, port (2 each), target name (.18)
 *   TXT   one or more length-prefixed strings (DNS_RPC_RECORD_STRING, .6)
 * The RFC 1035 form differs only in names (plain wire names, no count
 * header) and in SOA's order (names first, RFC 1035 3.3.13).
 */
#include "sources/dnsrecord.h"

#include <ldns/ldns.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sources/rr_convert.h"

enum { LABEL_MAX = 63 };      /* RFC 1035 2.3.4 */

/* Reading Data, and writing the RFC form into out->rdata. */
typedef struct cursor {
	const uint8_t *p, *end;
	zl_dnsrecord *out;
	char *why;
	size_t size;
} cursor;

static int fail(cursor *c, const char *fmt, ...) ZL_PRINTF(2, 3);
static int fail(cursor *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->why, c->size, fmt, ap);
	va_end(ap);
	return -1;
}

static size_t left(const cursor *c)
{
	return (size_t)(c->end - c->p);
}

/* Copies n bytes of Data to the RFC form (the caller checked they exist;
 * the RFC form is never longer than Data, so rdata cannot overflow). */
static void copy(cursor *c, size_t n)
{
	memcpy(c->out->rdata + c->out->rdata_len, c->p, n);
	c->out->rdata_len += n;
	c->p += n;
}

/* `n` bytes of fixed fields, or a located failure. */
static int fixed(cursor *c, size_t n, const char *what)
{
	if (left(c) < n)
		return fail(c, "%s data truncated: %s needs %zu bytes, %zu left",
		            zl_type_name(c->out->type), what, n, left(c));
	copy(c, n);
	return 0;
}

/*
 * One DNS_COUNT_NAME into a wire name.  As Samba's reader does, the labels
 * are read by LabelCount, must end with a zero label within Length, and
 * any pad up to Length is skipped.
 */
static int count_name(cursor *c, const char *what)
{
	const char *type = zl_type_name(c->out->type);

	if (left(c) < 2)
		return fail(c, "%s data truncated in %s", type, what);
	size_t length = c->p[0], labels = c->p[1];
	const uint8_t *raw = c->p + 2, *q = raw, *end;
	if (length > left(c) - 2)
		return fail(c, "%s %s: name length %zu runs past the data (%zu bytes "
		            "left)", type, what, length, left(c) - 2);
	end = raw + length;
	for (size_t i = 0; i < labels; i++) {
		if (q >= end || *q == 0 || *q > LABEL_MAX || (size_t)(end - q) < 1u + *q)
			return fail(c, "%s %s: bad label %zu of %zu (length %u)", type,
			            what, i + 1, labels, q < end ? *q : 0);
		q += 1 + *q;
	}
	if (q >= end || *q != 0)
		return fail(c, "%s %s: name not terminated by a zero label", type, what);
	q++;                      /* Length is one octet: never over 255 */
	c->p = raw;
	copy(c, (size_t)(q - raw));
	c->p = end;
	return 0;
}

static int at_end(cursor *c)
{
	if (left(c))
		return fail(c, "%s data has %zu bytes after its last field",
		            zl_type_name(c->out->type), left(c));
	return 0;
}

/* TXT: one or more <length, bytes> strings filling Data exactly. */
static int strings(cursor *c)
{
	if (!left(c))
		return fail(c, "TXT data holds no string");
	while (left(c)) {
		size_t n = c->p[0];
		if (n > left(c) - 1)
			return fail(c, "TXT string of %zu bytes runs past the data (%zu "
			            "bytes left)", n, left(c) - 1);
		copy(c, n + 1);
	}
	return 0;
}

static int address(cursor *c, size_t n)
{
	if (left(c) != n)
		return fail(c, "%s data is %zu bytes; an address takes %zu",
		            zl_type_name(c->out->type), left(c), n);
	copy(c, n);
	return 0;
}

/* SOA: the five numbers come first in Data and last in RFC 1035 3.3.13. */
static int soa(cursor *c)
{
	uint8_t numbers[20];

	if (left(c) < sizeof numbers)
		return fail(c, "SOA data truncated: %zu bytes, the numbers take 20",
		            left(c));
	memcpy(numbers, c->p, sizeof numbers);
	c->p += sizeof numbers;
	if (count_name(c, "primary server") != 0 || count_name(c, "mailbox") != 0 ||
	    at_end(c) != 0)
		return -1;
	memcpy(c->out->rdata + c->out->rdata_len, numbers, sizeof numbers);
	c->out->rdata_len += sizeof numbers;
	return 0;
}

static int decode_data(cursor *c)
{
	switch (c->out->type) {
	case ZL_TYPE_A:
		return address(c, 4);
	case ZL_TYPE_AAAA:
		return address(c, 16);
	case ZL_TYPE_NS:
	case ZL_TYPE_CNAME:
	case ZL_TYPE_PTR:
	case ZL_TYPE_DNAME:
		return count_name(c, "target") != 0 ? -1 : at_end(c);
	case ZL_TYPE_MX:
		return fixed(c, 2, "the preference") != 0 ||
		       count_name(c, "exchange") != 0 ? -1 : at_end(c);
	case ZL_TYPE_SRV:
		return fixed(c, 6, "priority, weight and port") != 0 ||
		       count_name(c, "target") != 0 ? -1 : at_end(c);
	case ZL_TYPE_TXT:
		return strings(c);
	case ZL_TYPE_SOA:
		return soa(c);
	default:
		return 0;
	}
}

bool zl_dnsrecord_type_decoded(uint16_t type)
{
	switch (type) {
	case ZL_TYPE_A: case ZL_TYPE_AAAA: case ZL_TYPE_NS: case ZL_TYPE_CNAME:
	case ZL_TYPE_PTR: case ZL_TYPE_DNAME: case ZL_TYPE_MX: case ZL_TYPE_SRV:
	case ZL_TYPE_TXT: case ZL_TYPE_SOA:
		return true;
	default:
		return false;
	}
}

static uint16_t le16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
	       (uint32_t)p[3];
}

/* The fixed header; -1 when it is short or inconsistent. */
static int header(cursor *c, const uint8_t *blob, size_t len)
{
	zl_dnsrecord *r = c->out;

	if (len < ZL_DNSRECORD_HEADER)
		return fail(c, "dnsRecord value truncated: %zu bytes, the header "
		            "alone takes %d", len, ZL_DNSRECORD_HEADER);
	r->data_len = le16(blob);
	r->type = le16(blob + 2);
	r->rank = blob[5];
	r->flags = le16(blob + 6);
	r->serial = le32(blob + 8);
	r->ttl = be32(blob + 12);
	r->timestamp = le32(blob + 20);
	if (blob[4] != ZL_DNSRECORD_VERSION)
		return fail(c, "dnsRecord version %u; [MS-DNSP] 2.3.2.2 defines %d",
		            blob[4], ZL_DNSRECORD_VERSION);
	if (r->data_len != len - ZL_DNSRECORD_HEADER)
		return fail(c, "dnsRecord DataLength %zu does not match the %zu data "
		            "bytes present", r->data_len, len - ZL_DNSRECORD_HEADER);
	return 0;
}

int zl_dnsrecord_decode(const uint8_t *blob, size_t len, zl_dnsrecord *out,
                        char *why, size_t size)
{
	cursor c = { blob, blob + len, out, why, size };

	memset(out, 0, offsetof(zl_dnsrecord, rdata));
	if (size)
		why[0] = '\0';
	if (header(&c, blob, len) != 0)
		return -1;
	out->data = blob + ZL_DNSRECORD_HEADER;
	c.p = out->data;
	out->decoded = zl_dnsrecord_type_decoded(out->type);
	if (!out->decoded)
		return 0;
	if (decode_data(&c) != 0) {
		out->decoded = false;
		out->rdata_len = 0;
		return -1;
	}
	return 0;
}

int zl_dnsproperty_decode(const uint8_t *blob, size_t len, uint32_t *id,
                          uint32_t *value, bool *has_value)
{
	enum { HEAD = 20 };
	uint32_t data_len;

	*has_value = false;
	if (len < HEAD)
		return -1;
	data_len = le32(blob);
	*id = le32(blob + 16);
	if (data_len > len - HEAD)
		return -1;
	if (data_len == 4) {
		*value = le32(blob + HEAD);
		*has_value = true;
	}
	return 0;
}

/* The RFC form of a decoded record through ldns's own rdata reader. */
static int add_decoded(zl_model *m, zl_view *v, const zl_dnsrecord *rec,
                       zl_record_spec *spec)
{
	uint8_t wire[2 + sizeof rec->rdata];
	size_t pos = 0, len = 2 + rec->rdata_len;
	ldns_rr *rr = ldns_rr_new_frm_type((ldns_rr_type)rec->type);
	int rc = ZL_RR_NOMEM;

	if (!rr)
		return ZL_RR_NOMEM;
	wire[0] = (uint8_t)(rec->rdata_len >> 8);
	wire[1] = (uint8_t)rec->rdata_len;
	memcpy(wire + 2, rec->rdata, rec->rdata_len);
	/* ldns_rr_new_frm_type pre-fills empty rdfs; the reader appends */
	while (ldns_rr_rd_count(rr))
		ldns_rdf_deep_free(ldns_rr_pop_rdf(rr));
	if (ldns_wire2rdf(rr, wire, len, &pos) != LDNS_STATUS_OK || pos != len)
		rc = ZL_RR_BAD_NAME;
	else
		rc = zl_record_from_ldns_spec(m, v, rr, spec);
	ldns_rr_free(rr);
	return rc;
}

int zl_dnsrecord_add(zl_model *m, zl_view *v, const zl_dnsrecord *rec,
                     zl_record_spec *spec)
{
	zl_rdata_builder *b;
	int rc;

	spec->ttl = rec->ttl;
	spec->age = rec->timestamp;
	if (rec->decoded)
		return add_decoded(m, v, rec, spec);
	b = malloc(sizeof *b);           /* 66 KiB: not on the stack */
	if (!b)
		return ZL_RR_NOMEM;
	zl_rdata_begin(b);
	zl_rdata_other(b, ZL_RDF_UNKNOWN, rec->data, rec->data_len);
	spec->type = rec->type;
	spec->rclass = LDNS_RR_CLASS_IN;
	rc = zl_view_add_record(m, v, spec, b) == 0 ? ZL_RR_OK
	     : b->overflow ? ZL_RR_TOO_BIG : ZL_RR_NOMEM;
	free(b);
	return rc;
}
