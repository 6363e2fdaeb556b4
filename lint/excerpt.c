/*
 * lint/excerpt.c - see excerpt.h: input quoted in messages, the zone
 * file loader's way and the inventory's.
 */
#include "excerpt.h"

#include <stdio.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	size_t len;

	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return len;
}

/*
 * At most `max` characters of s for a message, into out (which holds at
 * least 4 * max + 4 bytes): control bytes and invalid UTF-8 become \xNN,
 * and "..." marks a cut.
 */
const char *zl_excerpt_escaped(const char *s, size_t len, size_t max, char *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t o = 0, chars = 0, i = 0;

	while (i < len && chars < max) {
		size_t seq = u[i] >= 0x80 ? utf8_seq(u + i, len - i) : 0;
		if (seq) {
			memcpy(out + o, s + i, seq);
			o += seq;
			i += seq;
		} else if (u[i] < 0x20 || u[i] >= 0x7f) {
			o += (size_t)sprintf(out + o, "\\x%02x", u[i]);
			i++;
		} else {
			out[o++] = s[i++];
		}
		chars++;
	}
	if (i < len) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
	return out;
}

/* At most `max` bytes of s (never half a UTF-8 character), control
 * characters replaced by '?', "..." when cut. */
const char *zl_excerpt_plain(const char *s, size_t len, size_t max, char *buf)
{
	size_t n = len > max ? max : len;

	if (n < len)
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		buf[i] = ch < 0x20 || ch == 0x7F ? '?' : (char)ch;
	}
	strcpy(buf + n, n < len ? "..." : "");
	return buf;
}
