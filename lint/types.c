/* lint/types.c - severities and addresses (zonelint/types.h). */
#include <zonelint/types.h>

#include <arpa/inet.h>
#include <string.h>

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
