/*
 * lint/record.c - the record codec: the rdata builder (rdata.h), the blob
 * it becomes, and the record accessors of zonelint/model.h.
 *
 * A leaf: it knows interned names (names.h), the type table (rrtypes.h)
 * and the field printers (rdata_text.c), nothing else of the model.
 * model.c calls it to store a record; it never calls model.c.
 */
#include "record.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "names.h"
#include "rrtypes.h"

#define CLASS_IN 1                /* RFC 1035 3.2.4: not stored */

/*
 * The blob: a flags byte, the field count, the class (2 bytes, little
 * endian) when it is not IN, the aging stamp (4 bytes) when there is one,
 * then the fields as the builder packs them.  A field is a tag byte and
 * its bytes: a NAME holds a `const zl_name *`, an address its 4 or 16
 * octets, a number its 1, 2 or 4 octets (big endian), OTHER a format byte,
 * its length (one byte, or 0xff and two bytes little endian) and its
 * bytes.  An A record takes 7 bytes, a CNAME 11, an SRV 20.
 */
enum {
	BLOB_CLASS = 1 << 0,
	BLOB_AGE = 1 << 1,
};

enum {
	TAG_NAME = 1, TAG_ADDR4, TAG_ADDR6, TAG_INT1, TAG_INT2, TAG_INT4, TAG_OTHER,
};

#define LONG_LEN 0xff             /* OTHER length in two more bytes */

size_t zl_record_blob_size(uint16_t rclass, uint32_t age, size_t rdata_len)
{
	return 2 + (rclass != CLASS_IN ? 2 : 0) + (age ? 4 : 0) + rdata_len;
}

void zl_record_blob_write(uint8_t *out, uint16_t rclass, uint32_t age,
                          unsigned count, const uint8_t *fields, size_t len)
{
	uint8_t *p = out + 2;

	out[0] = 0;
	out[1] = (uint8_t)count;
	if (rclass != CLASS_IN) {
		out[0] |= BLOB_CLASS;
		p[0] = (uint8_t)rclass;
		p[1] = (uint8_t)(rclass >> 8);
		p += 2;
	}
	if (age) {
		out[0] |= BLOB_AGE;
		for (unsigned k = 0; k < 4; k++)
			p[k] = (uint8_t)(age >> 8 * k);
		p += 4;
	}
	memcpy(p, fields, len);
}

/* Where the fields start. */
static const uint8_t *blob_fields(const uint8_t *blob)
{
	return blob + 2 + (blob[0] & BLOB_CLASS ? 2 : 0) + (blob[0] & BLOB_AGE ? 4 : 0);
}

/* Bytes of the field at f, tag and length included. */
static size_t field_size(const uint8_t *f)
{
	switch (f[0]) {
	case TAG_NAME: return 1 + sizeof(const zl_name *);
	case TAG_ADDR4: return 1 + 4;
	case TAG_ADDR6: return 1 + 16;
	case TAG_INT1: return 1 + 1;
	case TAG_INT2: return 1 + 2;
	case TAG_INT4: return 1 + 4;
	default:
		if (f[2] != LONG_LEN)
			return 3 + (size_t)f[2];
		return 5 + (f[3] | (size_t)f[4] << 8);
	}
}

/* An OTHER field's bytes and length. */
static const uint8_t *other_data(const uint8_t *f, size_t *len)
{
	if (f[2] != LONG_LEN) {
		*len = f[2];
		return f + 3;
	}
	*len = f[3] | (size_t)f[4] << 8;
	return f + 5;
}

void zl_rdata_begin(zl_rdata_builder *b)
{
	b->len = 0;
	b->count = 0;
	b->overflow = false;
}

/* Room for `len` more bytes and one more field, else overflow. */
static uint8_t *reserve_field(zl_rdata_builder *b, size_t len)
{
	if (b->overflow || b->count == 255 || b->len + len > sizeof(b->buf)) {
		b->overflow = true;
		return NULL;
	}
	uint8_t *p = b->buf + b->len;
	b->len += len;
	b->count++;
	return p;
}

void zl_rdata_name(zl_rdata_builder *b, const zl_name *n)
{
	uint8_t *p = reserve_field(b, 1 + sizeof(n));

	if (p) {
		p[0] = TAG_NAME;
		memcpy(p + 1, &n, sizeof(n));
	}
}

void zl_rdata_addr(zl_rdata_builder *b, const zl_addr *a)
{
	size_t n = a->family == 4 ? 4 : 16;
	uint8_t *p = reserve_field(b, 1 + n);

	if (p) {
		p[0] = a->family == 4 ? TAG_ADDR4 : TAG_ADDR6;
		memcpy(p + 1, a->bytes, n);
	}
}

void zl_rdata_int(zl_rdata_builder *b, uint32_t value, unsigned width)
{
	uint8_t be[4] = { (uint8_t)(value >> 24), (uint8_t)(value >> 16),
	                  (uint8_t)(value >> 8), (uint8_t)value };
	uint8_t *p;

	if (width != 1 && width != 2 && width != 4) {
		b->overflow = true;
		return;
	}
	p = reserve_field(b, 1 + width);
	if (p) {
		p[0] = width == 1 ? TAG_INT1 : width == 2 ? TAG_INT2 : TAG_INT4;
		memcpy(p + 1, be + 4 - width, width);
	}
}

void zl_rdata_other(zl_rdata_builder *b, zl_rdf format, const uint8_t *data,
                    size_t len)
{
	size_t head = len < LONG_LEN ? 3 : 5;
	uint8_t *p = len > UINT16_MAX ? NULL : reserve_field(b, head + len);

	if (!p) {
		b->overflow = true;
		return;
	}
	p[0] = TAG_OTHER;
	p[1] = (uint8_t)format;
	if (len < LONG_LEN) {
		p[2] = (uint8_t)len;
	} else {
		p[2] = LONG_LEN;
		p[3] = (uint8_t)(len & 0xff);
		p[4] = (uint8_t)(len >> 8);
	}
	memcpy(p + head, data, len);
}

static uint32_t read_be(const uint8_t *p, size_t width)
{
	uint32_t v = 0;

	for (size_t k = 0; k < width; k++)
		v = v << 8 | p[k];
	return v;
}

/* The number in field f, when it is one. */
static bool field_int(const uint8_t *f, uint32_t *out)
{
	if (f[0] < TAG_INT1 || f[0] > TAG_INT4)
		return false;
	*out = read_be(f + 1, field_size(f) - 1);
	return true;
}

bool zl_rdata_get_int(const zl_rdata_builder *b, size_t i, uint32_t *out)
{
	const uint8_t *p = b->buf;

	if (i >= b->count)
		return false;
	while (i--)
		p += field_size(p);
	return field_int(p, out);
}

/* The i-th field, or NULL past the end. */
static const uint8_t *field(const zl_record *r, size_t i)
{
	const uint8_t *p = blob_fields(r->rdata);

	if (i >= r->rdata[1])
		return NULL;
	while (i--)
		p += field_size(p);
	return p;
}

const zl_name *zl_record_owner(const zl_record *r) { return r->owner; }
uint16_t zl_record_type(const zl_record *r) { return r->type; }
uint32_t zl_record_ttl(const zl_record *r) { return r->ttl; }
size_t zl_record_field_count(const zl_record *r) { return r->rdata[1]; }

uint16_t zl_record_class(const zl_record *r)
{
	const uint8_t *p = r->rdata + 2;

	return r->rdata[0] & BLOB_CLASS ? (uint16_t)(p[0] | p[1] << 8) : CLASS_IN;
}

uint32_t zl_record_age(const zl_record *r)
{
	const uint8_t *p = r->rdata + 2 + (r->rdata[0] & BLOB_CLASS ? 2 : 0);

	if (!(r->rdata[0] & BLOB_AGE))
		return 0;
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

const char *zl_type_name(uint16_t type)
{
	const zl_rrtype *t = zl_rrtype_describe(type);

	return t ? t->name : NULL;
}

zl_field_kind zl_record_field_kind(const zl_record *r, size_t i)
{
	const uint8_t *f = field(r, i);

	switch (f ? f[0] : TAG_OTHER) {
	case TAG_NAME: return ZL_FIELD_NAME;
	case TAG_ADDR4: case TAG_ADDR6: return ZL_FIELD_ADDR;
	case TAG_INT1: case TAG_INT2: case TAG_INT4: return ZL_FIELD_INT;
	default: return ZL_FIELD_OTHER;
	}
}

const zl_name *zl_record_field_name(const zl_record *r, size_t i)
{
	const uint8_t *f = field(r, i);
	const zl_name *n;

	if (!f || f[0] != TAG_NAME)
		return NULL;
	memcpy(&n, f + 1, sizeof(n));
	return n;
}

bool zl_record_field_addr(const zl_record *r, size_t i, zl_addr *out)
{
	const uint8_t *f = field(r, i);

	if (!f || (f[0] != TAG_ADDR4 && f[0] != TAG_ADDR6))
		return false;
	memset(out, 0, sizeof(*out));
	out->family = f[0] == TAG_ADDR4 ? 4 : 6;
	memcpy(out->bytes, f + 1, field_size(f) - 1);
	return true;
}

uint32_t zl_record_field_int(const zl_record *r, size_t i)
{
	const uint8_t *f = field(r, i);
	uint32_t v = 0;

	if (f)
		field_int(f, &v);
	return v;
}

const uint8_t *zl_record_field_bytes(const zl_record *r, size_t i, size_t *len)
{
	const uint8_t *f = field(r, i);

	if (!f || f[0] != TAG_OTHER)
		return NULL;
	return other_data(f, len);
}

bool zl_record_addr(const zl_record *r, zl_addr *out)
{
	if (r->type != ZL_TYPE_A && r->type != ZL_TYPE_AAAA)
		return false;
	return zl_record_field_addr(r, ZL_A_ADDRESS, out);
}

const zl_name *zl_record_target(const zl_record *r)
{
	switch (r->type) {
	case ZL_TYPE_NS:
		return zl_record_field_name(r, ZL_NS_TARGET);
	case ZL_TYPE_CNAME:
		return zl_record_field_name(r, ZL_CNAME_TARGET);
	case ZL_TYPE_DNAME:
		return zl_record_field_name(r, ZL_DNAME_TARGET);
	case ZL_TYPE_PTR:
		return zl_record_field_name(r, ZL_PTR_TARGET);
	case ZL_TYPE_MX:
		return zl_record_field_name(r, ZL_MX_EXCHANGE);
	case ZL_TYPE_SRV:
		return zl_record_field_name(r, ZL_SRV_TARGET);
	default:
		return NULL;
	}
}

/* The fields of a record: where they start and their total size. */
static const uint8_t *fields_of(const zl_record *r, size_t *size)
{
	const uint8_t *start = blob_fields(r->rdata), *p = start;

	for (unsigned i = 0; i < r->rdata[1]; i++)
		p += field_size(p);
	*size = (size_t)(p - start);
	return start;
}

bool zl_record_same_data(const zl_record *a, const zl_record *b)
{
	size_t na, nb;
	const uint8_t *fa, *fb;

	if (a->type != b->type || zl_record_class(a) != zl_record_class(b) ||
	    a->rdata[1] != b->rdata[1])
		return false;
	/* Names are interned (lower case), so equal bytes mean equal data. */
	fa = fields_of(a, &na);
	fb = fields_of(b, &nb);
	return na == nb && memcmp(fa, fb, na) == 0;
}

/* One OTHER field in presentation format, as its format byte says. */
static void other_text(const uint8_t *f, char *buf, size_t size)
{
	size_t len;
	const uint8_t *data = other_data(f, &len);

	zl_rdf_text((zl_rdf)f[1], data, len, buf, size);
}

char *zl_record_rdata_text(const zl_record *r, char *buf, size_t size)
{
	size_t used = 0;
	char tmp[1024];

	if (size)
		buf[0] = '\0';
	for (size_t i = 0; i < r->rdata[1] && used + 1 < size; i++) {
		const uint8_t *f = field(r, i);
		zl_addr a;
		switch (zl_record_field_kind(r, i)) {
		case ZL_FIELD_NAME:
			snprintf(tmp, sizeof(tmp), "%s", zl_record_field_name(r, i)->text);
			break;
		case ZL_FIELD_ADDR:
			zl_record_field_addr(r, i, &a);
			zl_addr_format(&a, tmp, sizeof(tmp));
			break;
		case ZL_FIELD_INT:
			snprintf(tmp, sizeof(tmp), "%" PRIu32, zl_record_field_int(r, i));
			break;
		default:
			other_text(f, tmp, sizeof(tmp));
			break;
		}
		int n = snprintf(buf + used, size - used, "%s%s", i ? " " : "", tmp);
		if (n < 0)
			break;
		used += (size_t)n < size - used ? (size_t)n : size - used - 1;
	}
	return buf;
}
