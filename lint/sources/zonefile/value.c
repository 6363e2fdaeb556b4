/*
 * lint/sources/zonefile/value.c - what a token stands for: a TTL, a
 * number, a Windows aging stamp, a name, a class, one of the common types.
 */
#include "zonefile_int.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/*
 * A TTL (RFC 1035 5.1: a decimal number of seconds; BIND also takes units
 * w, d, h, m, s, any case, as in 1h30m).  False when malformed or past
 * 2^32 - 1.
 */
bool zf_parse_ttl(const char *s, size_t len, uint32_t *out)
{
	uint64_t total = 0, n = 0;
	bool digits = false;

	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		uint64_t unit;
		if (isdigit(c)) {
			n = n * 10 + (c - '0');
			digits = true;
			if (n > UINT32_MAX)
				return false;
			continue;
		}
		switch (tolower(c)) {
		case 'w': unit = 604800; break;
		case 'd': unit = 86400; break;
		case 'h': unit = 3600; break;
		case 'm': unit = 60; break;
		case 's': unit = 1; break;
		default: return false;
		}
		if (!digits)
			return false;
		total += n * unit;
		if (total > UINT32_MAX)
			return false;
		n = 0;
		digits = false;
	}
	total += n;
	if (total > UINT32_MAX)
		return false;
	*out = (uint32_t)total;
	return true;
}

/* A decimal number up to 2^32 - 1 filling s[0, len). */
bool zf_parse_u32(const char *s, size_t len, uint32_t *out)
{
	uint64_t n = 0;

	if (len == 0 || len > 10)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		n = n * 10 + (uint64_t)(s[i] - '0');
	}
	if (n > UINT32_MAX)
		return false;
	*out = (uint32_t)n;
	return true;
}

/* Windows aging stamp "[AGE:N]", N in hours since 1601-01-01 UTC. */
bool zf_parse_age(const char *s, size_t len, uint32_t *out)
{
	return len > 6 && strncasecmp(s, "[AGE:", 5) == 0 && s[len - 1] == ']' &&
	       zf_parse_u32(s + 5, len - 6, out);
}

/*
 * The name token i stands for (RFC 1035 5.1): "@" is the origin, a name
 * without a trailing dot is relative to it.  NULL when malformed.
 */
const zl_name *zf_token_name(zf_file *f, const zf_entry *e, size_t i)
{
	const char *s = tok_text(e, i);
	size_t len = e->tok[i].len;

	if (len == 1 && s[0] == '@')
		return f->origin;
	if (e->tok[i].quoted || len == 0)
		return NULL;
	return zl_model_intern_rel(f->load->m, s, len, f->origin);
}

/* A class mnemonic (IN, CH, HS, CS, NONE, ANY, CLASSnn), else 0. */
uint16_t zf_common_type(const zf_entry *e, size_t i);

uint16_t zf_token_class(const zf_entry *e, size_t i)
{
	const char *s = tok_text(e, i);
	char buf[16];

	if (e->tok[i].quoted)
		return 0;
	if (e->tok[i].len == 2 && (s[0] | 0x20) == 'i' && (s[1] | 0x20) == 'n')
		return LDNS_RR_CLASS_IN;
	if (zf_common_type(e, i) || !zf_tok_copy(e, i, buf, sizeof(buf)))
		return 0;
	return (uint16_t)ldns_get_rr_class_by_name(buf);
}

/* Up to 8 characters, upper case, packed in a number (0 when longer). */
#define ZF_PACK2(a, b) ((uint64_t)(a) << 8 | (uint64_t)(b))
#define ZF_PACK3(a, b, c) (ZF_PACK2(a, b) << 8 | (uint64_t)(c))
#define ZF_PACK4(a, b, c, d) (ZF_PACK3(a, b, c) << 8 | (uint64_t)(d))
#define ZF_PACK5(a, b, c, d, e) (ZF_PACK4(a, b, c, d) << 8 | (uint64_t)(e))

static uint64_t pack_upper(const char *s, size_t len)
{
	uint64_t key = 0;

	if (len > 8)
		return 0;
	for (size_t k = 0; k < len; k++)
		key = key << 8 | (uint8_t)(s[k] >= 'a' && s[k] <= 'z' ? s[k] - 32 : s[k]);
	return key;
}

/* The types of nearly every record, found without ldns's linear search
 * through all the type names (any case, as RFC 1035 5.1 allows). */
uint16_t zf_common_type(const zf_entry *e, size_t i)
{
	if (e->tok[i].quoted)
		return 0;
	switch (pack_upper(tok_text(e, i), e->tok[i].len)) {
	case 'A': return ZL_TYPE_A;
	case ZF_PACK4('A', 'A', 'A', 'A'): return ZL_TYPE_AAAA;
	case ZF_PACK5('C', 'N', 'A', 'M', 'E'): return ZL_TYPE_CNAME;
	case ZF_PACK2('M', 'X'): return ZL_TYPE_MX;
	case ZF_PACK2('N', 'S'): return ZL_TYPE_NS;
	case ZF_PACK3('P', 'T', 'R'): return ZL_TYPE_PTR;
	case ZF_PACK3('S', 'O', 'A'): return ZL_TYPE_SOA;
	case ZF_PACK3('S', 'R', 'V'): return ZL_TYPE_SRV;
	case ZF_PACK3('T', 'X', 'T'): return ZL_TYPE_TXT;
	default: return 0;
	}
}
