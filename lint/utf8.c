/* lint/utf8.c - see utf8.h. */
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char hex[] = "0123456789abcdef";

size_t zl_utf8_next(const unsigned char *p, uint32_t *cp)
{
	size_t len = p[0] < 0x80 ? 1 : (p[0] & 0xe0) == 0xc0 ? 2 :
	             (p[0] & 0xf0) == 0xe0 ? 3 : (p[0] & 0xf8) == 0xf0 ? 4 : 0;
	static const uint32_t least[] = { 0, 0, 0x80, 0x800, 0x10000 };
	uint32_t c = len == 1 ? p[0] : len ? p[0] & (0x7fu >> len) : 0;

	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3fu);
	}
	if (len == 0 || c < least[len] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

bool zl_shown_as_bytes(uint32_t c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e ||
	       c == 0x200f || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

size_t zl_visible_len(const unsigned char *p, bool keep_newline)
{
	uint32_t c = 0;
	size_t len = zl_utf8_next(p, &c);

	if (len && (!zl_shown_as_bytes(c) || (keep_newline && c == '\n')))
		return len;
	return 0;
}

void zl_escape_text(const char *in, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t o = 0;

	if (!size)
		return;
	while (*p) {
		size_t len = zl_visible_len(p, false);
		if (len && o + len < size) {
			memcpy(out + o, p, len);
			o += len;
			p += len;
		} else if (!len && o + 5 < size) {
			out[o++] = '\\';
			out[o++] = 'x';
			out[o++] = hex[*p >> 4];
			out[o++] = hex[*p & 15];
			p++;
		} else {
			break;
		}
	}
	out[o] = '\0';
}

size_t zl_utf8_len(const unsigned char *p)
{
	uint32_t c;

	return zl_utf8_next(p, &c);
}

size_t zl_visible_line_len(const unsigned char *p)
{
	return zl_visible_len(p, true);
}

char *zl_escape_dup(const char *in, size_t (*keep)(const unsigned char *p))
{
	const unsigned char *p = (const unsigned char *)in;
	char *out = malloc(4 * strlen(in) + 1), *o = out;

	while (out && *p) {
		size_t len = keep(p);
		if (len) {
			memcpy(o, p, len);
			o += len;
			p += len;
		} else {
			*o++ = '\\';
			*o++ = 'x';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
			p++;
		}
	}
	if (out)
		*o = '\0';
	return out;
}
