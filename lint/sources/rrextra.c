/*
 * lint/sources/rrextra.c - see rrextra.h.
 *
 * Presentation formats: RFC 1035 5.1 (numbers, names, character-strings
 * with \DDD and \X escapes), RFC 4648 (base64, hex), RFC 3597 5 (the
 * generic form), and for each type the RFC named in lint/types.c.
 */
#include "rrextra.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "names.h"

/* The reading of one record: where the tokens and the wire stand. */
typedef struct rd {
	zl_model *m;
	const zl_name *origin;
	const zl_rdata_token *tok;
	size_t n, i;
	uint8_t *w;
	size_t len;
	const char *err;
} rd;

static bool fail(rd *r, const char *why)
{
	if (!r->err)
		r->err = why;
	return false;
}

static bool put(rd *r, const void *p, size_t k)
{
	if (r->len + k > ZL_RREXTRA_MAX)
		return fail(r, "the record has more data than a record may hold");
	memcpy(r->w + r->len, p, k);
	r->len += k;
	return true;
}

static bool put_int(rd *r, uint32_t v, unsigned width)
{
	uint8_t be[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8),
	                  (uint8_t)v };

	return put(r, be + 4 - width, width);
}

/* The next token, or NULL after failing with "missing field". */
static const zl_rdata_token *next(rd *r)
{
	if (r->i >= r->n) {
		fail(r, "a field is missing");
		return NULL;
	}
	return &r->tok[r->i++];
}

/* An unquoted token copied into buf (NUL-terminated); false when it is
 * quoted or too long. */
static bool word(rd *r, char *buf, size_t size)
{
	const zl_rdata_token *t = next(r);

	if (!t)
		return false;
	if (t->quoted || t->len >= size)
		return fail(r, "a field is not what its type holds");
	memcpy(buf, t->text, t->len);
	buf[t->len] = '\0';
	return true;
}

static bool parse_uint(const char *s, uint32_t max, uint32_t *out)
{
	uint64_t v = 0;

	if (!*s || strlen(s) > 10)
		return false;
	for (; *s; s++) {
		if (!isdigit((unsigned char)*s))
			return false;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	if (v > max)
		return false;
	*out = (uint32_t)v;
	return true;
}

/* An unsigned decimal of `width` bytes (RFC 1035 5.1). */
static bool field_int(rd *r, unsigned width, uint32_t *out)
{
	char buf[16];
	uint32_t max = width == 4 ? UINT32_MAX : (1u << (8 * width)) - 1;

	if (!word(r, buf, sizeof(buf)))
		return false;
	if (!parse_uint(buf, max, out))
		return fail(r, "a number is malformed or out of range");
	return put_int(r, *out, width);
}

/* A domain name, uncompressed (RFC 3597 4: no compression in new types). */
static bool field_name(rd *r)
{
	const zl_rdata_token *t = next(r);
	const zl_name *n;
	uint8_t wire[256];
	size_t len;

	if (!t)
		return false;
	if (t->quoted)
		return fail(r, "a domain name is malformed");
	n = t->len == 1 && t->text[0] == '@' ? r->origin
	  : zl_model_intern_rel(r->m, t->text, t->len, r->origin);
	if (!n || !zl_name_text_to_wire(zl_name_text(n), wire, &len))
		return fail(r, "a domain name is malformed");
	return put(r, wire, len);
}

/* One character-string (RFC 1035 5.1: quoted or not, \X and \DDD). */
static bool field_string(rd *r)
{
	const zl_rdata_token *t = next(r);
	uint8_t out[256];
	size_t k = 0;

	if (!t)
		return false;
	const char *s = t->text + (t->quoted ? 1 : 0);
	const char *end = t->text + t->len - (t->quoted ? 1 : 0);
	while (s < end) {
		unsigned c = (unsigned char)*s++;
		if (c == '\\' && s < end) {
			if (end - s >= 3 && isdigit((unsigned char)s[0]) &&
			    isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2])) {
				c = (unsigned)((s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0'));
				s += 3;
				if (c > 255)
					return fail(r, "an escape \\DDD is over 255");
			} else {
				c = (unsigned char)*s++;
			}
		}
		if (k == 255)
			return fail(r, "a character-string is longer than 255 bytes");
		out[k++] = (uint8_t)c;
	}
	uint8_t l = (uint8_t)k;
	return put(r, &l, 1) && put(r, out, k);
}

/* The remaining tokens joined (base64 and hex may be split by blanks);
 * NULL when memory runs out. */
static char *rest(rd *r)
{
	size_t total = 1;
	char *s, *p;

	for (size_t i = r->i; i < r->n; i++)
		total += r->tok[i].len;
	if (!(s = p = malloc(total))) {
		fail(r, "out of memory");
		return NULL;
	}
	for (; r->i < r->n; r->i++) {
		memcpy(p, r->tok[r->i].text, r->tok[r->i].len);
		p += r->tok[r->i].len;
	}
	*p = '\0';
	return s;
}

/* Base64 to the end (RFC 4648 4); `empty`: no token at all is fine. */
static bool field_base64(rd *r, bool empty)
{
	if (r->i >= r->n)
		return empty || fail(r, "a field is missing");
	char *s = rest(r);
	ldns_rdf *rdf = NULL;
	if (!s)
		return false;
	bool ok = ldns_str2rdf_b64(&rdf, s) == LDNS_STATUS_OK && rdf
	        ? put(r, ldns_rdf_data(rdf), ldns_rdf_size(rdf))
	        : fail(r, "bad base64 data");
	ldns_rdf_deep_free(rdf);
	free(s);
	return ok;
}

static int hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Hex digits of s into the wire; false on an odd count or a non-digit. */
static bool put_hex(rd *r, const char *s)
{
	size_t k = strlen(s);

	if (k % 2)
		return fail(r, "an odd number of hex digits");
	for (size_t i = 0; i < k; i += 2) {
		int hi = hex_value((unsigned char)s[i]), lo = hex_value((unsigned char)s[i + 1]);
		if (hi < 0 || lo < 0)
			return fail(r, "bad hex digits");
		uint8_t b = (uint8_t)(hi << 4 | lo);
		if (!put(r, &b, 1))
			return false;
	}
	return true;
}

static bool field_hex(rd *r)
{
	if (r->i >= r->n)
		return fail(r, "a field is missing");
	char *s = rest(r);
	bool ok = s && put_hex(r, s);

	free(s);
	return ok;
}

/* A type mnemonic or TYPEnnn (RFC 3597 5). */
static uint16_t type_code(const char *s)
{
	const zl_rrtype *own = zl_rrtype_by_name(s);

	return own ? own->code : (uint16_t)ldns_get_rr_type_by_name(s);
}

static bool field_type(rd *r)
{
	char buf[32];
	uint16_t t;

	if (!word(r, buf, sizeof(buf)))
		return false;
	if ((t = type_code(buf)) == 0)
		return fail(r, "unknown record type in the rdata");
	return put_int(r, t, 2);
}

/* DSYNC scheme: a number, or NOTIFY (1; RFC 9859 5). */
static bool field_scheme(rd *r)
{
	char buf[16];
	uint32_t v;

	if (!word(r, buf, sizeof(buf)))
		return false;
	if (strcasecmp(buf, "NOTIFY") == 0)
		v = 1;
	else if (!parse_uint(buf, 255, &v))
		return fail(r, "a number is malformed or out of range");
	return put_int(r, v, 1);
}

/* An address of `family` (AF_INET, AF_INET6) into bytes[]. */
static bool address(rd *r, int family, uint8_t bytes[16])
{
	char buf[64];

	if (!word(r, buf, sizeof(buf)))
		return false;
	if (inet_pton(family, buf, bytes) != 1)
		return fail(r, "an address is malformed");
	return true;
}

/* A6 (RFC 2874 3.1.1): prefix length, the address suffix it leaves, and
 * the prefix name when the length is not 0. */
static bool read_a6(rd *r)
{
	uint32_t plen;
	uint8_t a[16];

	if (!field_int(r, 1, &plen))
		return false;
	if (plen > 128)
		return fail(r, "the A6 prefix length is over 128");
	if (plen < 128) {
		unsigned octets = (128 - plen + 7) / 8;
		if (!address(r, AF_INET6, a))
			return false;
		a[16 - octets] &= (uint8_t)(0xff >> (plen % 8));
		if (!put(r, a + 16 - octets, octets))
			return false;
	}
	return plen == 0 || field_name(r);
}

/* ATMA (af-dans-0152): "+" and E.164 digits (format 1), or the hex of an
 * NSAP address (format 0); dots only separate. */
static bool read_atma(rd *r)
{
	char buf[512], digits[512];
	size_t k = 0;

	if (!word(r, buf, sizeof(buf)))
		return false;
	bool e164 = buf[0] == '+';
	for (const char *s = buf + (e164 ? 1 : 0); *s; s++) {
		if (*s == '.')
			continue;
		if (e164 ? !isdigit((unsigned char)*s) : hex_value((unsigned char)*s) < 0)
			return fail(r, "an ATMA address is malformed");
		digits[k++] = *s;
	}
	digits[k] = '\0';
	if (k == 0)
		return fail(r, "an ATMA address is malformed");
	uint8_t format = e164 ? 1 : 0;
	if (!put(r, &format, 1))
		return false;
	return e164 ? put(r, digits, k) : put_hex(r, digits);
}

/* NXT (RFC 2535 5.2): the next name, then the types present, as a bitmap
 * of types 1-127. */
static bool read_nxt(rd *r)
{
	uint8_t map[16] = { 0 };
	size_t used = 0;
	char buf[32];

	if (!field_name(r))
		return false;
	while (r->i < r->n) {
		uint32_t t;
		if (!word(r, buf, sizeof(buf)))
			return false;
		if (isdigit((unsigned char)buf[0]) ? !parse_uint(buf, 65535, &t)
		                                   : (t = type_code(buf)) == 0)
			return fail(r, "unknown record type in the NXT bitmap");
		if (t > 127)
			return fail(r, "an NXT bitmap holds types up to 127");
		map[t / 8] |= (uint8_t)(0x80 >> (t % 8));
		if (t / 8 + 1u > used)
			used = t / 8 + 1u;
	}
	return put(r, map, used);
}

/* AMTRELAY (RFC 8777 4.2): precedence, discovery-optional bit, relay type,
 * and the relay as its type says (none ".", IPv4, IPv6, a name). */
static bool read_amtrelay(rd *r)
{
	uint32_t prec, d, type;
	char buf[16];
	uint8_t a[16];

	if (!word(r, buf, sizeof(buf)) || !parse_uint(buf, 255, &prec) ||
	    !put_int(r, prec, 1))
		return fail(r, "a number is malformed or out of range");
	if (!word(r, buf, sizeof(buf)) || !parse_uint(buf, 1, &d) ||
	    !word(r, buf, sizeof(buf)) || !parse_uint(buf, 3, &type))
		return fail(r, "the AMTRELAY D bit is 0 or 1, the relay type 0 to 3");
	if (!put_int(r, d << 7 | type, 1))
		return false;
	switch (type) {
	case 0:
		if (!word(r, buf, sizeof(buf)) || strcmp(buf, ".") != 0)
			return fail(r, "an AMTRELAY of type 0 has the relay \".\"");
		return true;
	case 1:
		return address(r, AF_INET, a) && put(r, a, 4);
	case 2:
		return address(r, AF_INET6, a) && put(r, a, 16);
	default:
		return field_name(r);
	}
}

static bool read_custom(rd *r, uint16_t code)
{
	switch (code) {
	case 30: return read_nxt(r);
	case 34: return read_atma(r);
	case 38: return read_a6(r);
	default: return read_amtrelay(r);
	}
}

static bool read_field(rd *r, char f)
{
	uint32_t v;

	switch (f) {
	case '1': return field_int(r, 1, &v);
	case '2': return field_int(r, 2, &v);
	case '4': return field_int(r, 4, &v);
	case 'n': return field_name(r);
	case 's': return field_string(r);
	case 'S':
		do {
			if (!field_string(r))
				return false;
		} while (r->i < r->n);
		return true;
	case 'b': return field_base64(r, false);
	case 'B': return field_base64(r, true);
	case 'd':
		if (r->i < r->n && r->tok[r->i].len == 1 && r->tok[r->i].text[0] == '-' &&
		    r->i + 1 == r->n) {
			r->i++;
			return true;
		}
		return field_base64(r, false);
	case 'h': return field_hex(r);
	case 't': return field_type(r);
	default: return field_scheme(r);
	}
}

bool zl_rrextra_is_generic(const zl_rdata_token *tok, size_t n)
{
	return n > 0 && !tok[0].quoted && tok[0].len == 2 && memcmp(tok[0].text, "\\#", 2) == 0;
}

const char *zl_rrextra_generic(const zl_rdata_token *tok, size_t n, uint8_t *wire,
                               size_t *len)
{
	rd r = { .tok = tok, .n = n, .i = 1, .w = wire };
	char buf[16];
	uint32_t want;

	if (!word(&r, buf, sizeof(buf)) || !parse_uint(buf, ZL_RREXTRA_MAX, &want))
		return r.err ? r.err : "the length of generic data (\\# LENGTH HEX) is malformed";
	if (r.i < r.n) {
		char *s = rest(&r);
		bool ok = s && put_hex(&r, s);
		free(s);
		if (!ok)
			return r.err;
	}
	if (r.len != want)
		return "generic data (\\# LENGTH HEX) has another number of bytes than its length";
	*len = r.len;
	return NULL;
}

const char *zl_rrextra_parse(zl_model *m, const zl_rrtype *t, const zl_rdata_token *tok,
                             size_t n, const zl_name *origin, uint8_t *wire, size_t *len)
{
	rd r = { .m = m, .origin = origin, .tok = tok, .n = n, .w = wire };

	if (zl_rrextra_is_generic(tok, n)) {
		const char *why = zl_rrextra_generic(tok, n, wire, len);
		/* Every one of these types has at least one field. */
		return why ? why : *len == 0 ? "a field is missing" : NULL;
	}
	if (t->fields[0] == '*') {
		if (!read_custom(&r, t->code))
			return r.err;
	} else {
		for (const char *f = t->fields; *f; f++)
			if (!read_field(&r, *f))
				return r.err;
	}
	if (r.i < r.n)
		return "more fields than the type holds";
	*len = r.len;
	return NULL;
}

/* ---- SVCB and HTTPS parameters (RFC 9460) ------------------------------ */

enum { SVC_MANDATORY = 0, SVC_ALPN, SVC_NO_DEFAULT_ALPN, SVC_PORT, SVC_IPV4HINT,
       SVC_ECH, SVC_IPV6HINT, SVC_DOHPATH, SVC_KEYS = 65536 };

/* RFC 9460 14.3.2 and RFC 9461 5: the registered names, their numbers. */
static const char *const svc_names[] = {
	"mandatory", "alpn", "no-default-alpn", "port", "ipv4hint", "ech", "ipv6hint",
	"dohpath",
};

/* The number of key s[0, len) ("alpn", "key65000"), or -1. */
static long svc_key(const char *s, size_t len)
{
	for (size_t k = 0; k < sizeof(svc_names) / sizeof(svc_names[0]); k++)
		if (strlen(svc_names[k]) == len && memcmp(s, svc_names[k], len) == 0)
			return (long)k;
	if (len > 3 && len <= 8 && memcmp(s, "key", 3) == 0) {
		char buf[8];
		uint32_t v;
		memcpy(buf, s + 3, len - 3);
		buf[len - 3] = '\0';
		if ((len == 4 || s[3] != '0') && parse_uint(buf, 65535, &v))
			return (long)v;
	}
	return -1;
}

/* The value after '=', unquoted and unescaped once (RFC 1035 5.1) into
 * out; false when an escape is bad. */
static bool svc_value(const char *s, size_t len, char *out, size_t size, size_t *n)
{
	*n = 0;
	if (len >= 2 && s[0] == '"' && s[len - 1] == '"') {
		s++;
		len -= 2;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned c = (unsigned char)s[i];
		if (c == '\\' && i + 1 < len) {
			if (i + 3 < len && isdigit((unsigned char)s[i + 1]) &&
			    isdigit((unsigned char)s[i + 2]) && isdigit((unsigned char)s[i + 3])) {
				c = (unsigned)((s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 +
				               (s[i + 3] - '0'));
				i += 3;
				if (c > 255)
					return false;
			} else {
				c = (unsigned char)s[++i];
			}
		}
		if (*n + 1 >= size)
			return false;
		out[(*n)++] = (char)c;
	}
	out[*n] = '\0';
	return true;
}

/* A value-list (RFC 9460 A.1): comma-separated items, "\," a comma inside
 * an item; false when an item is empty. */
static bool svc_list_ok(const char *v, size_t n)
{
	size_t item = 0;

	for (size_t i = 0; i < n; i++) {
		if (v[i] == '\\' && i + 1 < n) {
			i++;
			item++;
		} else if (v[i] == ',') {
			if (item == 0)
				return false;
			item = 0;
		} else {
			item++;
		}
	}
	return item > 0;
}

/* mandatory's list (RFC 9460 8): known keys, each once, never mandatory
 * itself, each present in the record (`seen`). */
static const char *svc_mandatory(const char *v, size_t n, const uint8_t *seen)
{
	uint8_t listed[SVC_KEYS / 8] = { 0 };

	for (size_t at = 0; at <= n; ) {
		size_t end = at;
		while (end < n && v[end] != ',')
			end++;
		long k = svc_key(v + at, end - at);
		if (k < 0)
			return "mandatory names an unknown key";
		if (k == SVC_MANDATORY)
			return "mandatory lists itself";
		if (listed[k / 8] & (1u << (k % 8)))
			return "mandatory lists a key twice";
		if (!(seen[k / 8] & (1u << (k % 8))))
			return "mandatory lists a key the record does not have";
		listed[k / 8] |= (uint8_t)(1u << (k % 8));
		at = end + 1;
	}
	return NULL;
}

/* Why one parameter key[=value] is wrong (k its number), or NULL. */
static const char *svc_param(long k, bool has_value, const char *v, size_t n)
{
	uint32_t port;

	if (!has_value) {
		switch (k) {
		case SVC_MANDATORY: case SVC_ALPN: case SVC_PORT: case SVC_IPV4HINT:
		case SVC_IPV6HINT: case SVC_DOHPATH:
			return "the key needs a value";
		default:
			return NULL;
		}
	}
	if (n == 0 && k <= SVC_DOHPATH && k != SVC_ECH)
		return "the key needs a value";
	if (k == SVC_ALPN && !svc_list_ok(v, n))
		return "an alpn list has an empty protocol";
	if (k == SVC_PORT && !parse_uint(v, 65535, &port))
		return "the port is not a number up to 65535";
	return NULL;
}

const char *zl_rrextra_svcb_check(const zl_rdata_token *tok, size_t n, size_t *at)
{
	uint8_t seen[SVC_KEYS / 8] = { 0 };
	char v[1024];
	size_t vn;
	const char *why, *mand = NULL;
	size_t mand_at = 0, mand_n = 0;
	char mand_v[1024];

	for (size_t i = 2; i < n; i++) {
		const char *s = tok[i].text, *eq = tok[i].quoted ? NULL : memchr(s, '=', tok[i].len);
		size_t klen = eq ? (size_t)(eq - s) : tok[i].len;
		long k = tok[i].quoted ? -1 : svc_key(s, klen);
		*at = i;
		if (k < 0)
			return NULL;          /* ldns's verdict on an unknown key stands */
		/* A quoted value with blanks spans tokens: left to ldns. */
		if (eq && eq[1] == '"' && (tok[i].len - klen < 3 || s[tok[i].len - 1] != '"'))
			return NULL;
		if (seen[k / 8] & (1u << (k % 8)))
			return "a key is given twice";
		seen[k / 8] |= (uint8_t)(1u << (k % 8));
		if (eq && !svc_value(eq + 1, tok[i].len - klen - 1, v, sizeof(v), &vn))
			return "a value has a bad escape";
		if ((why = svc_param(k, eq != NULL, v, eq ? vn : 0)) != NULL)
			return why;
		if (k == SVC_MANDATORY) {
			mand = mand_v;
			mand_at = i;
			mand_n = vn;
			memcpy(mand_v, v, vn + 1);
		}
	}
	if (mand) {
		*at = mand_at;
		return svc_mandatory(mand, mand_n, seen);
	}
	return NULL;
}
