/* lint/names.c - see names.h.  RFC 1035 3.1 (wire), 5.1 (escapes). */
#include "names.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WIRE 255
#define MAX_LABEL 63

void zl_names_init(zl_names *t, zl_arena *arena)
{
	t->arena = arena;
	t->slots = NULL;
	t->cap = 0;
	t->count = 0;
}

void zl_names_release(zl_names *t)
{
	free(t->slots);
	t->slots = NULL;
	t->cap = t->count = 0;
}

static uint32_t hash_text(const char *s, size_t len)
{
	uint32_t h = 2166136261u;     /* FNV-1a */

	for (size_t i = 0; i < len; i++) {
		h ^= (uint8_t)s[i];
		h *= 16777619u;
	}
	return h;
}

bool zl_name_text_to_wire(const char *text, uint8_t wire[256], size_t *len)
{
	size_t w = 0, label_at = 0;
	const char *p = text;

	if (p[0] == '.' && p[1] == '\0') {
		wire[0] = 0;
		*len = 1;
		return true;
	}
	wire[0] = 0;
	w = 1;
	while (*p) {
		unsigned c = (uint8_t)*p++;
		if (c == '.') {
			if (w - label_at - 1 == 0)
				return false;             /* empty label */
			wire[label_at] = (uint8_t)(w - label_at - 1);
			label_at = w;
			if (w >= MAX_WIRE)
				return false;
			wire[w++] = 0;
			continue;
		}
		if (c == '\\') {
			if (isdigit((unsigned char)p[0])) {
				if (!isdigit((unsigned char)p[1]) || !isdigit((unsigned char)p[2]))
					return false;
				c = (unsigned)(p[0] - '0') * 100 + (unsigned)(p[1] - '0') * 10 +
				    (unsigned)(p[2] - '0');
				if (c > 255)
					return false;
				p += 3;
			} else if (*p) {
				c = (uint8_t)*p++;
			} else {
				return false;
			}
		}
		if (w - label_at - 1 >= MAX_LABEL || w >= MAX_WIRE)
			return false;
		wire[w++] = (uint8_t)c;
	}
	if (w - label_at - 1 > 0) {                 /* relative: make absolute */
		wire[label_at] = (uint8_t)(w - label_at - 1);
		if (w >= MAX_WIRE)
			return false;
		wire[w++] = 0;
	}
	*len = w;
	return true;
}

/* Canonical text of a lower-cased wire name; returns its length. */
static size_t wire_to_text(const uint8_t *wire, char *out)
{
	size_t o = 0;

	if (wire[0] == 0) {
		out[0] = '.';
		out[1] = '\0';
		return 1;
	}
	for (size_t i = 0; wire[i]; i += wire[i] + 1u) {
		for (unsigned j = 1; j <= wire[i]; j++) {
			unsigned c = wire[i + j];
			if (c <= 32 || c >= 127) {
				out[o++] = '\\';
				out[o++] = (char)('0' + c / 100);
				out[o++] = (char)('0' + c / 10 % 10);
				out[o++] = (char)('0' + c % 10);
			} else {
				if (strchr(".\\\"();@$", (int)c))
					out[o++] = '\\';
				out[o++] = (char)c;
			}
		}
		out[o++] = '.';
	}
	out[o] = '\0';
	return o;
}

static size_t find_slot(const zl_names *t, const char *text, size_t len, uint32_t h)
{
	size_t mask = t->cap - 1, i = h & mask;

	while (t->slots[i]) {
		const zl_name *n = t->slots[i];
		if (n->hash == h && n->len == len && memcmp(n->text, text, len) == 0)
			break;
		i = (i + 1) & mask;
	}
	return i;
}

static bool grow(zl_names *t)
{
	size_t cap = t->cap ? t->cap * 2 : 1024;
	const zl_name **slots = calloc(cap, sizeof(*slots));

	if (!slots)
		return false;
	for (size_t i = 0; i < t->cap; i++) {
		const zl_name *n = t->slots[i];
		if (!n)
			continue;
		size_t j = n->hash & (cap - 1);
		while (slots[j])
			j = (j + 1) & (cap - 1);
		slots[j] = n;
	}
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
	return true;
}

const zl_name *zl_names_intern_wire(zl_names *t, const uint8_t *wire, size_t len)
{
	uint8_t lower[MAX_WIRE + 1];
	char text[MAX_WIRE * 4 + 2];
	size_t i = 0;
	unsigned labels = 0;

	/* Validate: labels within the buffer, ending in the root. */
	while (i < len && wire[i]) {
		if (wire[i] > MAX_LABEL || i + wire[i] + 1u >= len)
			return NULL;
		i += wire[i] + 1u;
		labels++;
	}
	if (i >= len || i + 1 > MAX_WIRE)
		return NULL;
	for (size_t k = 0; k <= i; k++)
		lower[k] = (uint8_t)tolower(wire[k]);
	/* Label lengths are < 64, so tolower never changes them. */

	size_t tlen = wire_to_text(lower, text);
	uint32_t h = hash_text(text, tlen);
	if ((t->count + 1) * 10 > t->cap * 7 && !grow(t))
		return NULL;
	size_t slot = find_slot(t, text, tlen, h);
	if (t->slots[slot])
		return t->slots[slot];

	const zl_name *parent = NULL;
	if (labels > 0) {
		parent = zl_names_intern_wire(t, lower + lower[0] + 1, i + 1 - lower[0] - 1u);
		if (!parent)
			return NULL;
		/* The recursive call may have grown the table. */
		slot = find_slot(t, text, tlen, h);
	}
	zl_name *n = zl_arena_alloc(t->arena, sizeof(*n) + tlen + 1, _Alignof(zl_name));
	if (!n)
		return NULL;
	n->parent = parent;
	n->hash = h;
	n->len = (uint16_t)tlen;
	n->labels = (uint8_t)labels;
	memcpy(n->text, text, tlen + 1);
	t->slots[slot] = n;
	t->count++;
	return n;
}

const zl_name *zl_names_intern_text(zl_names *t, const char *text)
{
	uint8_t wire[MAX_WIRE + 1];
	size_t len;

	if (!zl_name_text_to_wire(text, wire, &len))
		return NULL;
	return zl_names_intern_wire(t, wire, len);
}

/* Bytes a canonical name shows as they are (wire_to_text escapes the rest). */
static bool plain_char(unsigned char c)
{
	switch (c) {
	case '.': case '\\': case '"': case '(': case ')': case ';': case '@': case '$':
		return false;
	default:
		return c > 32 && c < 127;
	}
}

/* True when the name text ends in an unescaped dot (RFC 1035 5.1). */
static bool is_absolute(const char *s, size_t len)
{
	size_t slashes = 0;

	if (len == 0 || s[len - 1] != '.')
		return false;
	while (slashes + 1 < len && s[len - 2 - slashes] == '\\')
		slashes++;
	return slashes % 2 == 0;
}

/* The long way: the text joined to the origin, then parsed in full. */
static const zl_name *intern_rel_slow(zl_names *t, const char *s, size_t len,
                                      const zl_name *origin)
{
	char buf[MAX_WIRE * 4 + 2];
	bool absolute = is_absolute(s, len);
	size_t olen = absolute || origin->labels == 0 ? 0 : origin->len;

	if (len + 1 + olen >= sizeof(buf))
		return NULL;
	memcpy(buf, s, len);
	if (olen) {
		buf[len] = '.';
		memcpy(buf + len + 1, origin->text, olen);
	}
	buf[len + (olen ? 1 + olen : 0)] = '\0';
	return zl_names_intern_text(t, buf);
}

/*
 * A plain name's canonical text is its text in lower case with the
 * origin's appended, and its wire length is that text's length plus one
 * (RFC 1035 3.1): checked and hashed without building the wire form.
 */
const zl_name *zl_names_intern_rel(zl_names *t, const char *s, size_t len,
                                   const zl_name *origin)
{
	char canon[MAX_WIRE + 2];
	size_t n = 0, label = 0;
	bool absolute = len > 0 && s[len - 1] == '.';
	size_t body = absolute ? len - 1 : len;

	if (body == 0 || body > MAX_WIRE)
		return intern_rel_slow(t, s, len, origin);
	for (size_t i = 0; i < body; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '.') {
			if (label == 0)
				return intern_rel_slow(t, s, len, origin);
			label = 0;
		} else if (!plain_char(c) || ++label > MAX_LABEL) {
			return intern_rel_slow(t, s, len, origin);
		}
		canon[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	canon[n++] = '.';
	if (!absolute && origin->labels) {
		if (n + origin->len > MAX_WIRE)
			return intern_rel_slow(t, s, len, origin);
		memcpy(canon + n, origin->text, origin->len);
		n += origin->len;
	}
	if (n + 1 > MAX_WIRE)
		return intern_rel_slow(t, s, len, origin);
	canon[n] = '\0';
	if (t->cap) {
		const zl_name *hit = t->slots[find_slot(t, canon, n, hash_text(canon, n))];
		if (hit)
			return hit;
	}
	return zl_names_intern_text(t, canon);
}

const zl_name *zl_names_lookup(const zl_names *t, const char *text)
{
	uint8_t wire[MAX_WIRE + 1];
	char canon[MAX_WIRE * 4 + 2];
	size_t len;

	if (!t->cap || !zl_name_text_to_wire(text, wire, &len))
		return NULL;
	for (size_t k = 0; k < len; k++)
		wire[k] = (uint8_t)tolower(wire[k]);
	size_t tlen = wire_to_text(wire, canon);
	return t->slots[find_slot(t, canon, tlen, hash_text(canon, tlen))];
}
