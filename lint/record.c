/*
 * lint/record.c - record accessors (zonelint/model.h) and the rdata
 * builder (model_int.h).
 */
#include "model_int.h"

#include <inttypes.h>
#include <ldns/ldns.h>
#include <stdio.h>
#include <string.h>

#include "names.h"
#include "record.h"

#define FIELD_HEADER 4            /* kind, format, length (2) */

void zl_rdata_begin(zl_rdata_builder *b)
{
	b->len = 0;
	b->count = 0;
	b->overflow = false;
}

static void put_field(zl_rdata_builder *b, zl_field_kind kind, uint8_t format,
                      const void *data, size_t len)
{
	if (b->overflow || b->count == 255 || len > UINT16_MAX ||
	    b->len + FIELD_HEADER + len > sizeof(b->buf)) {
		b->overflow = true;
		return;
	}
	uint8_t *p = b->buf + b->len;
	p[0] = (uint8_t)kind;
	p[1] = format;
	p[2] = (uint8_t)(len & 0xff);
	p[3] = (uint8_t)(len >> 8);
	memcpy(p + FIELD_HEADER, data, len);
	b->len += FIELD_HEADER + len;
	b->count++;
}

void zl_rdata_name(zl_rdata_builder *b, const zl_name *n)
{
	put_field(b, ZL_FIELD_NAME, 0, &n, sizeof(n));
}

void zl_rdata_addr(zl_rdata_builder *b, const zl_addr *a)
{
	put_field(b, ZL_FIELD_ADDR, a->family, a->bytes, a->family == 4 ? 4 : 16);
}

void zl_rdata_int(zl_rdata_builder *b, uint32_t value, unsigned width)
{
	uint8_t be[4] = { (uint8_t)(value >> 24), (uint8_t)(value >> 16),
	                  (uint8_t)(value >> 8), (uint8_t)value };

	if (width != 1 && width != 2 && width != 4) {
		b->overflow = true;
		return;
	}
	put_field(b, ZL_FIELD_INT, (uint8_t)width, be + 4 - width, width);
}

void zl_rdata_other(zl_rdata_builder *b, uint8_t format, const uint8_t *data,
                    size_t len)
{
	put_field(b, ZL_FIELD_OTHER, format, data, len);
}

/* The i-th field: its header, or NULL past the end. */
static const uint8_t *field(const zl_record *r, size_t i)
{
	const uint8_t *p = r->rdata + 1;

	if (i >= r->rdata[0])
		return NULL;
	while (i--)
		p += FIELD_HEADER + (p[2] | (size_t)p[3] << 8);
	return p;
}

static size_t field_len(const uint8_t *f)
{
	return f[2] | (size_t)f[3] << 8;
}

const zl_name *zl_record_owner(const zl_record *r) { return r->owner; }
uint16_t zl_record_type(const zl_record *r) { return r->type; }
uint16_t zl_record_class(const zl_record *r) { return r->rclass; }
uint32_t zl_record_ttl(const zl_record *r) { return r->ttl; }
uint32_t zl_record_age(const zl_record *r) { return r->age; }
size_t zl_record_field_count(const zl_record *r) { return r->rdata[0]; }

zl_location zl_record_location(const zl_view *v, const zl_record *r)
{
	return (zl_location){ zl_view_file_at(v, r->file), r->line, 1 };
}

const char *zl_type_name(uint16_t type)
{
	const ldns_rr_descriptor *d = ldns_rr_descript(type);

	return d && d->_name ? d->_name : NULL;
}

zl_field_kind zl_record_field_kind(const zl_record *r, size_t i)
{
	const uint8_t *f = field(r, i);

	return f ? (zl_field_kind)f[0] : ZL_FIELD_OTHER;
}

const zl_name *zl_record_field_name(const zl_record *r, size_t i)
{
	const uint8_t *f = field(r, i);
	const zl_name *n;

	if (!f || f[0] != ZL_FIELD_NAME)
		return NULL;
	memcpy(&n, f + FIELD_HEADER, sizeof(n));
	return n;
}

bool zl_record_field_addr(const zl_record *r, size_t i, zl_addr *out)
{
	const uint8_t *f = field(r, i);

	if (!f || f[0] != ZL_FIELD_ADDR)
		return false;
	memset(out, 0, sizeof(*out));
	out->family = f[1];
	memcpy(out->bytes, f + FIELD_HEADER, field_len(f));
	return true;
}

uint32_t zl_record_field_int(const zl_record *r, size_t i)
{
	const uint8_t *f = field(r, i);
	uint32_t v = 0;

	if (!f || f[0] != ZL_FIELD_INT)
		return 0;
	for (size_t k = 0; k < field_len(f); k++)
		v = v << 8 | f[FIELD_HEADER + k];
	return v;
}

const uint8_t *zl_record_field_bytes(const zl_record *r, size_t i, size_t *len)
{
	const uint8_t *f = field(r, i);

	if (!f || f[0] != ZL_FIELD_OTHER)
		return NULL;
	*len = field_len(f);
	return f + FIELD_HEADER;
}

bool zl_record_addr(const zl_record *r, zl_addr *out)
{
	if (r->type != ZL_TYPE_A && r->type != ZL_TYPE_AAAA)
		return false;
	return zl_record_field_addr(r, 0, out);
}

const zl_name *zl_record_target(const zl_record *r)
{
	switch (r->type) {
	case ZL_TYPE_NS:
	case ZL_TYPE_CNAME:
	case ZL_TYPE_DNAME:
	case ZL_TYPE_PTR:
		return zl_record_field_name(r, 0);
	case ZL_TYPE_MX:
		return zl_record_field_name(r, 1);
	case ZL_TYPE_SRV:
		return zl_record_field_name(r, 3);
	default:
		return NULL;
	}
}

/* Total packed size of a record's rdata, count byte included. */
static size_t rdata_size(const zl_record *r)
{
	const uint8_t *p = r->rdata + 1;

	for (unsigned i = 0; i < r->rdata[0]; i++)
		p += FIELD_HEADER + field_len(p);
	return (size_t)(p - r->rdata);
}

bool zl_record_same_data(const zl_record *a, const zl_record *b)
{
	if (a->type != b->type || a->rclass != b->rclass)
		return false;
	/* Names are interned (lower case), so equal bytes mean equal data. */
	size_t n = rdata_size(a);
	return n == rdata_size(b) && memcmp(a->rdata, b->rdata, n) == 0;
}

/* One OTHER field in presentation format, through ldns's printer. */
static void other_text(const uint8_t *f, char *buf, size_t size)
{
	ldns_rdf *rdf = ldns_rdf_new((ldns_rdf_type)f[1], field_len(f),
	                             (void *)(f + FIELD_HEADER));
	char *s = rdf ? ldns_rdf2str(rdf) : NULL;

	snprintf(buf, size, "%s", s ? s : "?");
	free(s);
	ldns_rdf_free(rdf);       /* frees the struct, not our bytes */
}

char *zl_record_rdata_text(const zl_record *r, char *buf, size_t size)
{
	size_t used = 0;
	char tmp[1024];

	if (size)
		buf[0] = '\0';
	for (size_t i = 0; i < r->rdata[0] && used + 1 < size; i++) {
		const uint8_t *f = field(r, i);
		zl_addr a;
		switch ((zl_field_kind)f[0]) {
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
