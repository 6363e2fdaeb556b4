/*
 * lint/rdata_text.c - OTHER fields in presentation format (rdata.h).
 *
 * zonelint's record text has always been what ldns 1.8.3 writes
 * (host2str.c), and findings, baselines and dumps quote it, so these
 * printers are that code carried over field kind by field kind, quirks
 * included (a class written after a tab, a period of four bytes only):
 * the same bytes give the same text.  The forms follow the RFC of each
 * field, named in rdata.h.  ldns's code is BSD-licensed, (c) NLnet Labs.
 */
#include "rdata.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "rrtypes.h"

/* Text being written: truncated at size, like snprintf. */
typedef struct out {
	char *buf;
	size_t size, used;
} out;

static void put(out *o, const char *fmt, ...) ZL_PRINTF(2, 3);

static void put(out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->used + 1 >= o->size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->used, o->size - o->used, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->used += (size_t)n < o->size - o->used ? (size_t)n : o->size - o->used - 1;
}

static uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Bit i of a bitmap, most significant bit first (RFC 4034 4.1.2). */
static bool bit(const uint8_t *map, size_t i)
{
	return map[i / 8] & (0x80 >> (i % 8));
}

static bool hex(out *o, const uint8_t *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		put(o, "%02x", d[i]);
	return true;
}

/* Base64 with padding (RFC 4648 4). */
static void b64(out *o, const uint8_t *d, size_t n)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)d[i] << 16 | (i + 1 < n ? d[i + 1] << 8 : 0) |
		             (i + 2 < n ? d[i + 2] : 0);
		put(o, "%c%c%c%c", digits[v >> 18], digits[v >> 12 & 63],
		    i + 1 < n ? digits[v >> 6 & 63] : '=', i + 2 < n ? digits[v & 63] : '=');
	}
}

/* Base32 with the extended hex alphabet and padding (RFC 4648 7). */
static void b32hex(out *o, const uint8_t *d, size_t n)
{
	static const char digits[] = "0123456789abcdefghijklmnopqrstuv";
	static const unsigned chars[] = { 0, 2, 4, 5, 7, 8 };

	for (size_t i = 0; i < n; i += 5) {
		size_t k = n - i < 5 ? n - i : 5;
		uint64_t v = 0;
		for (size_t j = 0; j < 5; j++)
			v = v << 8 | (j < k ? d[i + j] : 0);
		for (unsigned j = 0; j < 8; j++)
			put(o, "%c", j < chars[k] ? digits[v >> (35 - 5 * j) & 31] : '=');
	}
}

/* Octets of a string: printable ones as they are, '"' and '\' escaped,
 * the rest \DDD (RFC 1035 5.1). */
static void characters(out *o, const uint8_t *d, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (isprint(d[i]) || d[i] == '\t')
			put(o, d[i] == '"' || d[i] == '\\' ? "\\%c" : "%c", d[i]);
		else
			put(o, "\\%03u", (unsigned)d[i]);
	}
}

/* A wire name (no compression), escaped as RFC 4343 2.1 allows. */
static bool wire_name(out *o, const uint8_t *d, size_t n)
{
	size_t pos = 0;

	if (n > 255)
		return false;
	if (n == 1) {
		put(o, ".");
		return true;
	}
	while (pos < n && d[pos] > 0) {
		size_t len = d[pos++];
		for (size_t i = 0; i < len && pos < n; i++, pos++) {
			unsigned char c = d[pos];
			if (strchr(".;()\\", c) && c)
				put(o, "\\%c", c);
			else if (!(isascii(c) && isgraph(c)))
				put(o, "\\%03u", c);
			else
				put(o, "%c", c);
		}
		if (pos < n)
			put(o, ".");
	}
	return true;
}

/* The length of the wire name at d[0..n), following no pointer, or 0. */
static size_t wire_name_len(const uint8_t *d, size_t n)
{
	size_t pos = 0;

	while (pos < n && d[pos] != 0) {
		if (d[pos] > 63)
			return 0;
		pos += 1 + (size_t)d[pos];
	}
	return pos < n && pos + 1 <= 255 ? pos + 1 : 0;
}

/* A type's mnemonic in a type field; TYPEnnn when the table names it
 * only for zonelint's own reader (rrtypes.h). */
static void type_name(out *o, uint16_t code, const char *after)
{
	const zl_rrtype *t = zl_rrtype_describe(code);

	if (t && !(t->flags & ZL_RRTYPE_OWN_NAME))
		put(o, "%s%s", t->name, after);
	else
		put(o, "TYPE%u%s", (unsigned)code, after);
}

static bool text_str(out *o, const uint8_t *d, size_t n)
{
	if (n < 1 || n < (size_t)d[0] + 1)
		return false;
	put(o, "\"");
	characters(o, d + 1, d[0]);
	put(o, "\"");
	return true;
}

static bool text_long_str(out *o, const uint8_t *d, size_t n)
{
	put(o, "\"");
	characters(o, d, n);
	put(o, "\"");
	return true;
}

static bool text_b64(out *o, const uint8_t *d, size_t n)
{
	if (n == 0)
		put(o, "0");
	b64(o, d, n);
	return true;
}

static bool text_b32_ext(out *o, const uint8_t *d, size_t n)
{
	if (n > 0)
		b32hex(o, d + 1, n - 1);
	return true;
}

static bool text_unknown(out *o, const uint8_t *d, size_t n)
{
	put(o, "\\# %u ", (unsigned)n);
	return hex(o, d, n);
}

static bool text_nsap(out *o, const uint8_t *d, size_t n)
{
	put(o, "0x");
	return hex(o, d, n);
}

static bool text_int(out *o, const uint8_t *d, size_t n, size_t width)
{
	if (n < width)
		return false;
	put(o, "%lu", (unsigned long)(width == 1 ? d[0] : width == 2 ? be16(d) : be32(d)));
	return true;
}

static bool text_period(out *o, const uint8_t *d, size_t n)
{
	if (n != 4)
		return false;
	put(o, "%u", (unsigned)be32(d));
	return true;
}

static bool text_addr(out *o, const uint8_t *d, size_t n, int family)
{
	char s[INET6_ADDRSTRLEN];

	if (n < (family == AF_INET ? 4u : 16u))
		return false;
	if (inet_ntop(family, d, s, sizeof(s)))
		put(o, "%s", s);
	return true;
}

/* RRSIG times are 32-bit serial numbers around now (RFC 4034 3.1.5). */
static bool text_time(out *o, const uint8_t *d, size_t n)
{
	time_t now = time(NULL);
	struct tm tm;
	char s[16];

	uint32_t v = n == 4 ? be32(d) : 0;       /* ldns read other sizes as 0 */
	time_t t = (time_t)((int64_t)now + (int32_t)(v - (uint32_t)now));
	memset(&tm, 0, sizeof(tm));
	if (gmtime_r(&t, &tm) && strftime(s, 15, "%Y%m%d%H%M%S", &tm))
		put(o, "%s", s);
	return true;
}

static bool text_tsigtime(out *o, const uint8_t *d, size_t n)
{
	uint64_t t = 0;

	if (n < 6)
		return false;
	for (unsigned i = 0; i < 6; i++)
		t = t << 8 | d[i];
	put(o, "%llu ", (unsigned long long)t);
	return true;
}

static bool text_type(out *o, const uint8_t *d, size_t n)
{
	if (n < 2)
		return false;
	type_name(o, be16(d), "");
	return true;
}

static bool text_class(out *o, const uint8_t *d, size_t n)
{
	static const char *const names[] = { [1] = "IN", [3] = "CH", [4] = "HS" };
	uint16_t c;

	if (n < 2)
		return false;
	c = be16(d);
	if (c < 5 && names[c])
		put(o, "\t%s", names[c]);
	else if (c == 254 || c == 255)
		put(o, "\t%s", c == 254 ? "NONE" : "ANY");
	else
		put(o, "\tCLASS%d", c);
	return true;
}

/* CERT types (RFC 4398 2.1). */
static bool text_cert_alg(out *o, const uint8_t *d, size_t n)
{
	static const char *const names[] = {
		[1] = "PKIX", [2] = "SPKI", [3] = "PGP", [4] = "IPKIX", [5] = "ISPKI",
		[6] = "IPGP", [7] = "ACPKIX", [8] = "IACPKIX",
	};
	uint16_t c;

	if (n < 2)
		return false;
	c = be16(d);
	if (c < sizeof(names) / sizeof(names[0]) && names[c])
		put(o, "%s", names[c]);
	else if (c == 253 || c == 254)
		put(o, "%s", c == 253 ? "URI" : "OID");
	else
		put(o, "%d", c);
	return true;
}

/* A LOC size or precision: mantissa and power of ten, in centimetres. */
static void loc_cm(out *o, uint8_t mantissa, uint8_t exponent)
{
	if (exponent < 2) {
		if (exponent == 1)
			mantissa = (uint8_t)(mantissa * 10);
		put(o, "0.%02ld", (long)mantissa);
		return;
	}
	put(o, "%d", (int)mantissa);
	for (unsigned i = 0; i < exponent - 2u; i++)
		put(o, "0");
}

/* One LOC coordinate in thousandths of an arc second from 2^31. */
static void loc_angle(out *o, uint32_t v, char more, char less)
{
	const uint32_t equator = (uint32_t)1 << 31;
	char hemisphere = v > equator ? more : less;

	v = v > equator ? v - equator : equator - v;
	put(o, "%02u %02u %0.3f %c ", v / 3600000, v % 3600000 / 60000,
	    (double)(v % 60000) / 1000.0, hemisphere);
}

static bool text_loc(out *o, const uint8_t *d, size_t n)
{
	if (n < 1)
		return false;
	if (d[0] != 0)
		return hex(o, d, n);
	if (n < 16)
		return false;
	loc_angle(o, be32(d + 4), 'N', 'S');
	loc_angle(o, be32(d + 8), 'E', 'W');
	uint32_t alt = be32(d + 12);
	double m = (double)alt / 100 - 100000;
	put(o, alt % 100 ? "%.2f" : "%.0f", m);
	put(o, "m ");
	loc_cm(o, d[1] >> 4, d[1] & 0x0f);
	put(o, "m ");
	loc_cm(o, d[2] >> 4, d[2] & 0x0f);
	put(o, "m ");
	loc_cm(o, d[3] >> 4, d[3] & 0x0f);
	put(o, "m");
	return true;
}

/* Protocol and service names from the system's databases, as RFC 1035
 * 3.4.2's master file form has them. */
static bool text_wks(out *o, const uint8_t *d, size_t n)
{
	struct protoent pe, *p = NULL;
	struct servent se, *s;
	char pbuf[1024], sbuf[1024];
	const char *proto = NULL;

	if (n < 1)
		return false;
	if (getprotobynumber_r(d[0], &pe, pbuf, sizeof(pbuf), &p) == 0 && p && p->p_name) {
		proto = p->p_name;
		put(o, "%s ", proto);
	} else {
		put(o, "%u ", d[0]);
	}
	for (size_t port = 0; port < (n - 1) * 8 && port <= 65535; port++) {
		if (!bit(d + 1, port))
			continue;
		s = NULL;
		if (getservbyport_r(htons((uint16_t)port), proto, &se, sbuf, sizeof(sbuf),
		                    &s) == 0 && s && s->s_name)
			put(o, "%s ", s->s_name);
		else
			put(o, "%u ", (unsigned)port);
	}
	return true;
}

static bool text_nsec(out *o, const uint8_t *d, size_t n)
{
	size_t pos = 0;

	while (pos + 2 < n) {
		unsigned window = d[pos], len = d[pos + 1];
		pos += 2;
		if (n < pos + len)
			return false;
		for (unsigned b = 0; b < len * 8; b++)
			if (bit(d + pos, b))
				type_name(o, (uint16_t)(window * 256 + b), " ");
		pos += len;
	}
	return true;
}

static bool text_nsec3_salt(out *o, const uint8_t *d, size_t n)
{
	if (n < 1)
		return false;
	if (d[0] == 0 || (size_t)d[0] + 1 > n)
		put(o, "- ");
	else {
		hex(o, d + 1, d[0]);
		put(o, " ");
	}
	return true;
}

/* One APL item's address, its `len` octets then zeros (RFC 3123 4). */
static bool apl_addr(out *o, const uint8_t *d, size_t n, size_t pos, size_t len,
                     bool v6)
{
	for (size_t i = 0; i < (v6 ? 16u : 4u); i++) {
		if (i > 0 && (!v6 || i % 2 == 0))
			put(o, v6 ? ":" : ".");
		if (i < len && pos + i + 4 >= n)
			return false;
		if (v6)
			put(o, "%02x", i < len ? d[pos + i + 4] : 0);
		else
			put(o, "%d", i < len ? d[pos + i + 4] : 0);
	}
	return true;
}

static bool text_apl(out *o, const uint8_t *d, size_t n)
{
	size_t pos = 0;

	while (pos < n) {
		if (pos + 3 >= n)
			return false;
		uint16_t family = be16(d + pos);
		size_t len = d[pos + 3] & 0x7f;
		if (family == 1 || family == 2) {
			if (d[pos + 3] & 0x80)
				put(o, "!");
			put(o, "%u:", family);
			if (!apl_addr(o, d, n, pos, len, family == 2))
				return false;
			put(o, "/%u ", d[pos + 2]);
		} else {
			/* ldns writes the record's first octets here, not the item's */
			put(o, "Unknown address family: %u data: ", family);
			for (size_t i = 1; i < 4 + len; i++) {
				if (pos + i >= n)
					return false;
				put(o, "%02x", d[i]);
			}
		}
		pos += 4 + len;
	}
	return true;
}

static bool text_int16_data(out *o, const uint8_t *d, size_t n)
{
	if (n < 2)
		return false;
	put(o, "%u ", (unsigned)(n - 2));
	b64(o, d + 2, n - 2);
	return true;
}

/* A gateway or relay of type 1 (IPv4), 2 (IPv6) or 3 (a name) at *at,
 * moved past it; RFC 4025 2.5, RFC 8777 4.2.3. */
static bool gateway(out *o, unsigned type, const uint8_t *d, size_t n, size_t *at)
{
	size_t len = type == 1 ? 4 : type == 2 ? 16 : 0;

	if (type == 3) {
		if ((len = wire_name_len(d + *at, n - *at)) == 0)
			return false;
		wire_name(o, d + *at, len);
	} else if (len) {
		if (n < *at + len)
			return false;
		text_addr(o, d + *at, len, type == 1 ? AF_INET : AF_INET6);
	}
	*at += len;
	return true;
}

static bool text_ipseckey(out *o, const uint8_t *d, size_t n)
{
	size_t at = 3;
	out gw = { (char[1024]){ 0 }, 1024, 0 };

	if (n < 3 || !gateway(&gw, d[1], d, n, &at) || n <= at)
		return false;
	put(o, "%u %u %u ", d[0], d[1], d[2]);
	put(o, "%s", at > 3 ? gw.buf : ".");
	put(o, " ");
	return text_b64(o, d + at, n - at);
}

static bool text_amtrelay(out *o, const uint8_t *d, size_t n)
{
	size_t at = 2;
	out relay = { (char[1024]){ 0 }, 1024, 0 };

	if (n < 2 || !gateway(&relay, d[1] & 0x7f, d, n, &at) || n != at)
		return false;
	put(o, "%u %u %u ", d[0], d[1] >> 7, d[1] & 0x7f);
	put(o, "%s", relay.buf);
	return true;
}

static bool text_hip(out *o, const uint8_t *d, size_t n)
{
	size_t hit, pk;

	if (n < 6 || (hit = d[0]) == 0 || (pk = be16(d + 2)) == 0 || n < hit + pk + 4)
		return false;
	put(o, "%d ", (int)d[1]);
	hex(o, d + 4, hit);
	put(o, " ");
	b64(o, d + 4 + hit, pk);
	return true;
}

static bool text_ilnp64(out *o, const uint8_t *d, size_t n)
{
	if (n != 8)
		return false;
	put(o, "%.4x:%.4x:%.4x:%.4x", be16(d), be16(d + 2), be16(d + 4), be16(d + 6));
	return true;
}

static bool text_eui(out *o, const uint8_t *d, size_t n, size_t want)
{
	if (n != want)
		return false;
	for (size_t i = 0; i < n; i++)
		put(o, i ? "-%.2x" : "%.2x", d[i]);
	return true;
}

static bool text_tag(out *o, const uint8_t *d, size_t n)
{
	if (n < 2 || d[0] >= n || d[0] < 1)
		return false;
	for (size_t i = 1; i <= d[0]; i++) {
		if (!isalnum(d[i]))
			return false;
		put(o, "%c", d[i]);
	}
	return true;
}

/* ---- SVCB and HTTPS parameters (RFC 9460 2.1, 7) ----------------------- */

static void svc_key(out *o, uint16_t key)
{
	static const char *const names[] = { "mandatory", "alpn", "no-default-alpn",
	                                      "port", "ipv4hint", "ech", "ipv6hint",
	                                      "dohpath" };

	if (key < sizeof(names) / sizeof(names[0]))
		put(o, "%s", names[key]);
	else
		put(o, "key%d", (int)key);
}

static bool svc_mandatory(out *o, const uint8_t *d, size_t n)
{
	if (n % 2)
		return false;
	for (size_t i = 0; i < n; i += 2) {
		if (i)
			put(o, ",");
		svc_key(o, be16(d + i));
	}
	return true;
}

static bool svc_alpn(out *o, const uint8_t *d, size_t n)
{
	const uint8_t *end = d + n, *p;
	bool quote = false;

	for (p = d; p < end && !quote; p += 1 + *p) {
		size_t i;
		if (p + 1 + *p > end)
			return false;
		for (i = 0; i < *p && !isspace(p[i + 1]); i++)
			;
		quote = i < *p;
	}
	if (quote)
		put(o, "\"");
	for (p = d; p < end;) {
		const uint8_t *stop = p + 1 + *p;
		if (stop > end)
			return false;
		if (p > d)
			put(o, ",");
		for (p++; p < stop; p++) {
			if (isprint(*p) || *p == '\t')
				put(o, strchr("\",\\", *p) && *p ? "\\%c" : "%c", *p);
			else
				put(o, "\\%03u", (unsigned)*p);
		}
	}
	if (quote)
		put(o, "\"");
	return true;
}

static bool svc_hints(out *o, const uint8_t *d, size_t n, size_t width)
{
	if (n % width)
		return false;
	for (size_t i = 0; i < n; i += width) {
		if (i)
			put(o, ",");
		text_addr(o, d + i, width, width == 4 ? AF_INET : AF_INET6);
	}
	return true;
}

static bool svc_value(out *o, const uint8_t *d, size_t n)
{
	size_t i;
	bool quote;

	for (i = 0; i < n && !isspace(d[i]); i++)
		;
	if ((quote = i < n))
		put(o, "\"");
	characters(o, d, n);
	if (quote)
		put(o, "\"");
	return true;
}

static bool svc_param(out *o, uint16_t key, const uint8_t *d, size_t n)
{
	switch (key) {
	case 0: return svc_mandatory(o, d, n);
	case 1: return svc_alpn(o, d, n);
	case 2: return false;            /* no-default-alpn takes no value */
	case 3:
		if (n != 2)
			return false;
		put(o, "%d", (int)be16(d));
		return true;
	case 4: return svc_hints(o, d, n, 4);
	case 5: b64(o, d, n); return true;
	case 6: return svc_hints(o, d, n, 16);
	default: return svc_value(o, d, n);
	}
}

static bool text_svcparams(out *o, const uint8_t *d, size_t n)
{
	for (size_t at = 0; at + 4 <= n;) {
		uint16_t key = be16(d + at), len = be16(d + at + 2);
		if (at + 4 + len > n)
			return false;
		if (at > 0)
			put(o, " ");
		svc_key(o, key);
		if (len > 0) {
			put(o, "=");
			if (!svc_param(o, key, d + at + 4, len))
				return false;
		}
		at += 4 + (size_t)len;
	}
	return true;
}

/* ---- the table --------------------------------------------------------- */

static bool write_field(out *o, zl_rdf rdf, const uint8_t *d, size_t n)
{
	switch (rdf) {
	case ZL_RDF_NONE: return true;
	case ZL_RDF_UNKNOWN: return text_unknown(o, d, n);
	case ZL_RDF_NAME: return wire_name(o, d, n);
	case ZL_RDF_INT8: case ZL_RDF_CODE8: return text_int(o, d, n, 1);
	case ZL_RDF_INT16: return text_int(o, d, n, 2);
	case ZL_RDF_INT32: return text_int(o, d, n, 4);
	case ZL_RDF_PERIOD: return text_period(o, d, n);
	case ZL_RDF_A: return text_addr(o, d, n, AF_INET);
	case ZL_RDF_AAAA: return text_addr(o, d, n, AF_INET6);
	case ZL_RDF_STR: return text_str(o, d, n);
	case ZL_RDF_LONG_STR: return text_long_str(o, d, n);
	case ZL_RDF_APL: return text_apl(o, d, n);
	case ZL_RDF_B32_EXT: return text_b32_ext(o, d, n);
	case ZL_RDF_B64: return text_b64(o, d, n);
	case ZL_RDF_HEX: case ZL_RDF_ATMA: return hex(o, d, n);
	case ZL_RDF_NSEC: return text_nsec(o, d, n);
	case ZL_RDF_TYPE: return text_type(o, d, n);
	case ZL_RDF_CLASS: return text_class(o, d, n);
	case ZL_RDF_CERT_ALG: return text_cert_alg(o, d, n);
	case ZL_RDF_TIME: return text_time(o, d, n);
	case ZL_RDF_TSIGTIME: return text_tsigtime(o, d, n);
	case ZL_RDF_HIP: return text_hip(o, d, n);
	case ZL_RDF_INT16_DATA: return text_int16_data(o, d, n);
	case ZL_RDF_LOC: return text_loc(o, d, n);
	case ZL_RDF_WKS: return text_wks(o, d, n);
	case ZL_RDF_NSAP: return text_nsap(o, d, n);
	case ZL_RDF_IPSECKEY: return text_ipseckey(o, d, n);
	case ZL_RDF_NSEC3_SALT: return text_nsec3_salt(o, d, n);
	case ZL_RDF_ILNP64: return text_ilnp64(o, d, n);
	case ZL_RDF_EUI48: return text_eui(o, d, n, 6);
	case ZL_RDF_EUI64: return text_eui(o, d, n, 8);
	case ZL_RDF_TAG: return text_tag(o, d, n);
	case ZL_RDF_AMTRELAY: return text_amtrelay(o, d, n);
	case ZL_RDF_SVCPARAMS: return text_svcparams(o, d, n);
	default: return false;
	}
}

bool zl_rdf_text(zl_rdf rdf, const uint8_t *data, size_t len, char *buf, size_t size)
{
	out o = { buf, size, 0 };

	if (size)
		buf[0] = '\0';
	if (write_field(&o, rdf, data, len))
		return true;
	snprintf(buf, size, "?");
	return false;
}

zl_field_kind zl_rdf_field_kind(zl_rdf rdf)
{
	switch (rdf) {
	case ZL_RDF_NAME: return ZL_FIELD_NAME;
	case ZL_RDF_A: case ZL_RDF_AAAA: return ZL_FIELD_ADDR;
	case ZL_RDF_INT8: case ZL_RDF_INT16: case ZL_RDF_INT32: case ZL_RDF_PERIOD:
		return ZL_FIELD_INT;
	default: return ZL_FIELD_OTHER;
	}
}
