/* lint/types.c - severities and addresses (zonelint/types.h), and
 * zonelint's own record types (rrtypes.h). */
#include <zonelint/types.h>

#include <arpa/inet.h>
#include <string.h>
#include <strings.h>

#include "rrtypes.h"

static const char *const severity_names[] = {
	[ZL_SEVERITY_OFF] = "off",
	[ZL_SEVERITY_INFO] = "info",
	[ZL_SEVERITY_WARNING] = "warning",
	[ZL_SEVERITY_ERROR] = "error",
};

const char *zl_severity_name(zl_severity s)
{
	return (unsigned)s <= ZL_SEVERITY_ERROR ? severity_names[s] : "?";
}

bool zl_severity_parse(const char *text, zl_severity *out)
{
	for (unsigned s = ZL_SEVERITY_OFF; s <= ZL_SEVERITY_ERROR; s++) {
		if (strcmp(text, severity_names[s]) == 0) {
			*out = (zl_severity)s;
			return true;
		}
	}
	return false;
}

static size_t addr_size(const zl_addr *a)
{
	return a->family == 4 ? 4 : 16;
}

bool zl_addr_equal(const zl_addr *a, const zl_addr *b)
{
	return a->family == b->family && memcmp(a->bytes, b->bytes, addr_size(a)) == 0;
}

bool zl_prefix_contains(const zl_prefix *p, const zl_addr *a)
{
	unsigned bits = p->length, full = bits / 8, rest = bits % 8;

	if (p->addr.family != a->family || bits > addr_size(a) * 8)
		return false;
	if (memcmp(p->addr.bytes, a->bytes, full) != 0)
		return false;
	if (rest == 0)
		return true;
	uint8_t mask = (uint8_t)(0xffu << (8 - rest));
	return (p->addr.bytes[full] & mask) == (a->bytes[full] & mask);
}

char *zl_addr_format(const zl_addr *a, char *buf, size_t size)
{
	if (!inet_ntop(a->family == 4 ? AF_INET : AF_INET6, a->bytes, buf,
	               (socklen_t)size) && size)
		buf[0] = '\0';
	return buf;
}

bool zl_addr_parse(const char *text, zl_addr *out)
{
	memset(out, 0, sizeof(*out));
	if (inet_pton(AF_INET, text, out->bytes) == 1) {
		out->family = 4;
		return true;
	}
	if (inet_pton(AF_INET6, text, out->bytes) == 1) {
		out->family = 6;
		return true;
	}
	return false;
}

/*
 * Types BIND 9.18 loads that ldns 1.8.3 does not know, or parses against
 * their RFCs' presentation format (rrtypes.h).  Sources: RFC 1886 / 2874
 * (A6), ATM Forum af-dans-0152 (ATMA), RFC 2535 (NXT), draft-eastlake-
 * kitchen-sink (SINK), the IANA registrations of NINFO, RKEY, TA, AVC,
 * DOA, WALLET, HHIT and BRID (DRIP), RFC 8777 (AMTRELAY), RFC 9606
 * (RESINFO), RFC 9859 (DSYNC).
 */
static const zl_rrtype own_types[] = {
	{ 30, "NXT", "*" },
	{ 34, "ATMA", "*" },
	{ 38, "A6", "*" },
	{ 40, "SINK", "111B" },
	{ 56, "NINFO", "S" },
	{ 57, "RKEY", "211b" },
	{ 66, "DSYNC", "tN2n" },
	{ 67, "HHIT", "b" },
	{ 68, "BRID", "b" },
	{ 258, "AVC", "S" },
	{ 259, "DOA", "441sd" },
	{ 260, "AMTRELAY", "*" },
	{ 261, "RESINFO", "S" },
	{ 262, "WALLET", "S" },
	{ 32768, "TA", "211h" },
};

const zl_rrtype *zl_rrtype_by_code(uint16_t code)
{
	for (size_t i = 0; i < sizeof(own_types) / sizeof(own_types[0]); i++)
		if (own_types[i].code == code)
			return &own_types[i];
	return NULL;
}

const zl_rrtype *zl_rrtype_by_name(const char *name)
{
	for (size_t i = 0; i < sizeof(own_types) / sizeof(own_types[0]); i++)
		if (strcasecmp(own_types[i].name, name) == 0)
			return &own_types[i];
	return NULL;
}
