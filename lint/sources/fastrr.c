/*
 * lint/sources/fastrr.c - see fastrr.h.
 *
 * Field layouts follow ldns's descriptor table (rr.c), which follows the
 * RFCs: RFC 1035 3.3 (NS, CNAME, PTR, MX, TXT, SOA), 3.4.1 (A), RFC 3596
 * (AAAA), RFC 2782 (SRV).  The field kinds are those zl_record_from_ldns
 * gives each ldns rdf type: a DNAME becomes a name, A/AAAA an address,
 * INT16/INT32/PERIOD an integer, a character-string (STR) wire bytes
 * tagged ZL_RDF_STR.
 */
#include "fastrr.h"

#include <arpa/inet.h>
#include <ldns/ldns.h>
#include <string.h>

/* Longest address text inet_pton reads ("ffff:...:255.255.255.255"). */
#define ADDR_TEXT_MAX 46
/* RFC 1035 3.3: a <character-string> holds at most 255 octets. */
#define STRING_MAX 255

bool zl_fastrr_handles(uint16_t type)
{
	switch (type) {
	case ZL_TYPE_A: case ZL_TYPE_AAAA: case ZL_TYPE_NS: case ZL_TYPE_CNAME:
	case ZL_TYPE_PTR: case ZL_TYPE_MX: case ZL_TYPE_SRV: case ZL_TYPE_TXT:
	case ZL_TYPE_SOA:
		return true;
	default:
		return false;
	}
}

/* A number of decimal digits only, at most `max`. */
static bool number(const zl_rdata_token *t, uint32_t max, uint32_t *out)
{
	uint64_t v = 0;

	if (t->quoted || t->len == 0 || t->len > 10)
		return false;
	for (size_t i = 0; i < t->len; i++) {
		unsigned d = (unsigned char)t->text[i] - '0';
		if (d > 9)
			return false;
		v = v * 10 + d;
	}
	if (v > max)
		return false;
	*out = (uint32_t)v;
	return true;
}

/* Dotted-quad text as glibc's inet_pton(AF_INET) reads it (ldns calls
 * that): four decimal octets up to 255, no leading zero, nothing else. */
static bool ipv4(const char *s, size_t len, uint8_t out[4])
{
	unsigned octets = 0, value = 0;
	bool digit = false;

	for (size_t i = 0; i < len; i++) {
		unsigned d = (unsigned char)s[i] - '0';
		if (d <= 9) {
			if (digit && value == 0)
				return false;
			value = value * 10 + d;
			if (value > 255)
				return false;
			if (!digit && ++octets > 4)
				return false;
			digit = true;
		} else if (s[i] == '.' && digit && octets < 4) {
			out[octets - 1] = (uint8_t)value;
			value = 0;
			digit = false;
		} else {
			return false;
		}
	}
	if (octets < 4 || !digit)
		return false;
	out[3] = (uint8_t)value;
	return true;
}

/* The address text through inet_pton, as ldns_str2rdf_a/_aaaa read it. */
static bool address(const zl_rdata_token *t, int family, zl_addr *out)
{
	char text[ADDR_TEXT_MAX + 1];

	if (t->quoted || t->len == 0 || t->len > ADDR_TEXT_MAX)
		return false;
	memset(out, 0, sizeof(*out));
	if (family == AF_INET) {
		out->family = 4;
		return ipv4(t->text, t->len, out->bytes);
	}
	memcpy(text, t->text, t->len);
	text[t->len] = '\0';
	out->family = 6;
	return inet_pton(family, text, out->bytes) == 1;
}

/* A domain name field; "@" is the origin (ldns does the same).  Escapes
 * are left to ldns, whose reading of them is the reference, and so are
 * names that start with "@": ldns 1.8.3 reads "@.b" as the origin too. */
static bool name(zl_model *m, const zl_rdata_token *t, const zl_name *origin,
                 zl_rdata_builder *b)
{
	const zl_name *n;

	if (t->quoted || t->len == 0 || memchr(t->text, '"', t->len) ||
	    memchr(t->text, '\\', t->len) || (t->text[0] == '@' && t->len > 1))
		return false;
	n = t->len == 1 && t->text[0] == '@' ? origin
	    : zl_model_intern_rel(m, t->text, t->len, origin);
	if (!n)
		return false;
	zl_rdata_name(b, n);
	return true;
}

/* One <character-string> (RFC 1035 3.3): length octet, then the octets. */
static bool string(const zl_rdata_token *t, zl_rdata_builder *b)
{
	uint8_t wire[1 + STRING_MAX];
	const char *s = t->text;
	size_t len = t->len;

	if (t->quoted) {
		s++;
		len -= 2;
	}
	/* Escapes, and quotes inside a word, are ldns's to read. */
	if (len > STRING_MAX || memchr(s, '\\', len) || (!t->quoted && memchr(s, '"', len)))
		return false;
	wire[0] = (uint8_t)len;
	memcpy(wire + 1, s, len);
	zl_rdata_other(b, ZL_RDF_STR, wire, len + 1);
	return true;
}

static int parse_addr(const zl_rdata_token *tok, size_t n, int family,
                      zl_rdata_builder *b)
{
	zl_addr a;

	if (n != 1 || !address(&tok[0], family, &a))
		return ZL_FAST_DECLINED;
	zl_rdata_addr(b, &a);
	return ZL_FAST_OK;
}

static int parse_mx(zl_model *m, const zl_rdata_token *tok, size_t n,
                    const zl_name *origin, zl_rdata_builder *b)
{
	uint32_t pref;

	if (n != 2 || !number(&tok[0], UINT16_MAX, &pref))
		return ZL_FAST_DECLINED;
	zl_rdata_int(b, pref, 2);
	return name(m, &tok[1], origin, b) ? ZL_FAST_OK : ZL_FAST_DECLINED;
}

/* RFC 2782: priority, weight, port, target. */
static int parse_srv(zl_model *m, const zl_rdata_token *tok, size_t n,
                     const zl_name *origin, zl_rdata_builder *b)
{
	uint32_t v[3];

	if (n != 4)
		return ZL_FAST_DECLINED;
	for (size_t i = 0; i < 3; i++)
		if (!number(&tok[i], UINT16_MAX, &v[i]))
			return ZL_FAST_DECLINED;
	for (size_t i = 0; i < 3; i++)
		zl_rdata_int(b, v[i], 2);
	return name(m, &tok[3], origin, b) ? ZL_FAST_OK : ZL_FAST_DECLINED;
}

/* RFC 1035 3.3.13: mname, rname, serial, refresh, retry, expire, minimum;
 * the numbers are checked before the names are interned. */
static int parse_soa(zl_model *m, const zl_rdata_token *tok, size_t n,
                     const zl_name *origin, zl_rdata_builder *b)
{
	uint32_t v[5];

	if (n != 7)
		return ZL_FAST_DECLINED;
	for (size_t i = 0; i < 5; i++)
		if (!number(&tok[2 + i], UINT32_MAX, &v[i]))
			return ZL_FAST_DECLINED;
	if (!name(m, &tok[0], origin, b) || !name(m, &tok[1], origin, b))
		return ZL_FAST_DECLINED;
	for (size_t i = 0; i < 5; i++)
		zl_rdata_int(b, v[i], 4);
	return ZL_FAST_OK;
}

static int parse_txt(const zl_rdata_token *tok, size_t n, zl_rdata_builder *b)
{
	if (n == 0)
		return ZL_FAST_DECLINED;
	for (size_t i = 0; i < n; i++)
		if (!string(&tok[i], b))
			return ZL_FAST_DECLINED;
	return ZL_FAST_OK;
}

int zl_fastrr_parse(zl_model *m, uint16_t type, const zl_rdata_token *tok, size_t n,
                    const zl_name *origin, zl_rdata_builder *b)
{
	switch (type) {
	case ZL_TYPE_A:
		return parse_addr(tok, n, AF_INET, b);
	case ZL_TYPE_AAAA:
		return parse_addr(tok, n, AF_INET6, b);
	case ZL_TYPE_NS:
	case ZL_TYPE_CNAME:
	case ZL_TYPE_PTR:
		return n == 1 && name(m, &tok[0], origin, b) ? ZL_FAST_OK : ZL_FAST_DECLINED;
	case ZL_TYPE_MX:
		return parse_mx(m, tok, n, origin, b);
	case ZL_TYPE_SRV:
		return parse_srv(m, tok, n, origin, b);
	case ZL_TYPE_TXT:
		return parse_txt(tok, n, b);
	case ZL_TYPE_SOA:
		return parse_soa(m, tok, n, origin, b);
	default:
		return ZL_FAST_DECLINED;
	}
}
