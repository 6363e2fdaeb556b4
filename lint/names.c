/* lint/names.c - see names.h.  RFC 1035 3.1 (wire), 5.1 (escapes). */
#include "names.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"

#define MAX_WIRE 255
#define MAX_LABEL 63

#define TABLE_MIN 64

void zl_names_init(zl_names *t)
{
	memset(t, 0, sizeof(*t));
	zl_region_init(&t->region);
}

void zl_names_release(zl_names *t)
{
	for (size_t k = 0; k < ZL_NAME_SHARDS; k++)
		zl_pages_free(t->shard[k].slots, t->shard[k].cap * sizeof(zl_names_slot));
	memset(t->shard, 0, sizeof(t->shard));
	t->count = 0;
	zl_region_release(&t->region);
}

/*
 * FNV-1a over the text read from its end: a name's hash continues the
 * hash of its parent (the text after its first label), so a name below a
 * known one, a record's owner below the origin, is hashed from there.
 */
static uint32_t hash_text(const char *s, size_t len)
{
	uint32_t h = ZL_FNV32_BASIS;

	while (len--)
		h = zl_fnv32_byte(h, (unsigned char)s[len]);
	return h;
}

zl_status zl_name_parse(const char *text, uint8_t wire[256], size_t *len)
{
	size_t w = 0, label_at = 0;
	const char *p = text;

	if (p[0] == '.' && p[1] == '\0') {
		wire[0] = 0;
		*len = 1;
		return ZL_OK;
	}
	wire[0] = 0;
	w = 1;
	while (*p) {
		unsigned c = (uint8_t)*p++;
		if (c == '.') {
			if (w - label_at - 1 == 0)
				return ZL_ENAME_EMPTY_LABEL;
			wire[label_at] = (uint8_t)(w - label_at - 1);
			label_at = w;
			if (w >= MAX_WIRE)
				return ZL_ENAME_LONG;
			wire[w++] = 0;
			continue;
		}
		if (c == '\\') {
			if (isdigit((unsigned char)p[0])) {
				if (!isdigit((unsigned char)p[1]) || !isdigit((unsigned char)p[2]))
					return ZL_ENAME_ESCAPE;
				c = (unsigned)(p[0] - '0') * 100 + (unsigned)(p[1] - '0') * 10 +
				    (unsigned)(p[2] - '0');
				if (c > 255)
					return ZL_ENAME_ESCAPE;
				p += 3;
			} else if (*p) {
				c = (uint8_t)*p++;
			} else {
				return ZL_ENAME_ESCAPE;
			}
		}
		if (w - label_at - 1 >= MAX_LABEL)
			return ZL_ENAME_LABEL_LONG;
		if (w >= MAX_WIRE)
			return ZL_ENAME_LONG;
		wire[w++] = (uint8_t)c;
	}
	if (w - label_at - 1 > 0) {                 /* relative: make absolute */
		wire[label_at] = (uint8_t)(w - label_at - 1);
		if (w >= MAX_WIRE)
			return ZL_ENAME_LONG;
		wire[w++] = 0;
	}
	*len = w;
	return ZL_OK;
}

bool zl_name_text_to_wire(const char *text, uint8_t wire[256], size_t *len)
{
	return zl_name_parse(text, wire, len) == ZL_OK;
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

/* A hash as a tag: never 0, which marks an empty slot. */
static uint32_t tag_of(uint32_t h)
{
	return h ? h : 1;
}

/* The shard of hash h: its high bits. */
static zl_names_shard *shard_of(const zl_names *t, uint32_t h)
{
	return (zl_names_shard *)&t->shard[h >> 26];
}

static const zl_name *name_at(const zl_names *t, uint32_t at)
{
	return (const zl_name *)(t->region.base + (size_t)at * ZL_REGION_UNIT);
}

/* The first slot to probe: the hash's bits below the shard's scaled to
 * the table (Lemire's fast range reduction), so any size works. */
static size_t home(uint32_t h, size_t cap)
{
	return (size_t)(((uint64_t)(uint32_t)(h << 6) * cap) >> 32);
}

static size_t find_slot(const zl_names *t, const zl_names_shard *sh, const char *text,
                        size_t len, uint32_t h)
{
	uint32_t tag = tag_of(h);
	size_t i = home(tag, sh->cap);

	while (sh->slots[i].tag) {
		if (sh->slots[i].tag == tag) {
			const zl_name *n = name_at(t, sh->slots[i].at);
			if (n->len == len && memcmp(n->text, text, len) == 0)
				break;
		}
		if (++i == sh->cap)
			i = 0;
	}
	return i;
}

/* The interned name of this text and hash, or NULL. */
static const zl_name *find(const zl_names *t, const char *text, size_t len, uint32_t h)
{
	const zl_names_shard *sh = shard_of(t, h);

	if (!sh->cap)
		return NULL;
	const zl_names_slot *s = &sh->slots[find_slot(t, sh, text, len, h)];
	return s->tag ? name_at(t, s->at) : NULL;
}

/* Slots are placed by their tags (a name's hash but for 0, in the same
 * shard as 1), so they move without reading their names. */
static bool grow(zl_names_shard *t)
{
	size_t cap = t->cap ? (t->cap + t->cap / 2 + 1) & ~(size_t)1 : TABLE_MIN;

	cap = zl_pages_fit(cap * sizeof(zl_names_slot)) / sizeof(zl_names_slot);
	zl_names_slot *slots = zl_pages_alloc(cap * sizeof(*slots));

	if (!slots)
		return false;
	for (size_t i = 0; i < t->cap; i++) {
		if (!t->slots[i].tag)
			continue;
		size_t j = home(t->slots[i].tag, cap);
		while (slots[j].tag)
			if (++j == cap)
				j = 0;
		slots[j] = t->slots[i];
	}
	zl_pages_free(t->slots, t->cap * sizeof(*t->slots));
	t->slots = slots;
	t->cap = cap;
	return true;
}

/* Stores a name that is not in the table yet (its parent is). */
static const zl_name *insert(zl_names *t, const char *text, size_t tlen, uint32_t h,
                             const zl_name *parent, unsigned labels)
{
	zl_names_shard *sh = shard_of(t, h);

	if ((sh->count + 1) * 8 > sh->cap * 7 && !grow(sh))
		return NULL;
	size_t slot = find_slot(t, sh, text, tlen, h);
	if (sh->slots[slot].tag)
		return name_at(t, sh->slots[slot].at);
	zl_name *n = zl_region_alloc(&t->region, offsetof(zl_name, text) + tlen + 1);
	if (!n)
		return NULL;
	/* Parents are stored before their children, so `up` is positive. */
	n->up = parent ? (uint32_t)(((const char *)n - (const char *)parent) / ZL_REGION_UNIT) : 0;
	n->hash = h;
	n->len = (uint16_t)tlen;
	n->labels = (uint8_t)labels;
	memcpy(n->text, text, tlen);
	n->text[tlen] = '\0';
	sh->slots[slot] = (zl_names_slot){
		tag_of(h), (uint32_t)(((const char *)n - t->region.base) / ZL_REGION_UNIT),
	};
	sh->count++;
	t->count++;
	return n;
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
	const zl_name *hit = find(t, text, tlen, h);
	if (hit)
		return hit;
	const zl_name *parent = NULL;
	if (labels > 0) {
		parent = zl_names_intern_wire(t, lower + lower[0] + 1, i + 1 - lower[0] - 1u);
		if (!parent)
			return NULL;
	}
	return insert(t, text, tlen, h, parent, labels);
}

const zl_name *zl_names_intern_text(zl_names *t, const char *text)
{
	uint8_t wire[MAX_WIRE + 1];
	size_t len;

	if (!zl_name_text_to_wire(text, wire, &len))
		return NULL;
	return zl_names_intern_wire(t, wire, len);
}

/* Bytes a canonical name shows as they are (wire_to_text escapes the
 * rest): printable ASCII but the dot and \\ " ( ) ; @ $, a bit each. */
static const uint32_t plain_bits[8] = {
	0x0, 0xf7ffbcea, 0xeffffffe, 0x7fffffff, 0x0, 0x0, 0x0, 0x0,
};

static bool plain_char(unsigned char c)
{
	return plain_bits[c >> 5] >> (c & 31) & 1;
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

/* A canonical plain name whose hash is h, interned with its ancestors. */
static const zl_name *intern_canon(zl_names *t, const char *text, size_t len, uint32_t h)
{
	const zl_name *hit = find(t, text, len, h);
	if (hit)
		return hit;
	size_t first = (size_t)((const char *)memchr(text, '.', len) - text) + 1;
	const zl_name *parent = first == len ? zl_names_intern_text(t, ".")
	                        : intern_canon(t, text + first, len - first,
	                                       hash_text(text + first, len - first));
	return parent ? insert(t, text, len, h, parent, parent->labels + 1u) : NULL;
}

/* A plain name, canonical and hashed, before it is looked up. */
typedef struct plain_name {
	char canon[MAX_WIRE + 2];
	size_t n;                   /* length of canon */
	size_t first;               /* where its first dot is, SIZE_MAX: none */
	const zl_name *base;        /* the origin it is relative to, or NULL */
	uint32_t h;                 /* hash_text(canon) */
	uint32_t parent_h;          /* hash of the text after the first label */
} plain_name;

/*
 * A plain name's canonical text is its text in lower case with the
 * origin's appended, and its wire length is that text's length plus one
 * (RFC 1035 3.1): checked without building the wire form, and hashed
 * from the origin's hash on.  False for anything else (escapes, special
 * characters, empty or long labels, long names).
 */
static bool plain_rel(const char *s, size_t len, const zl_name *origin, plain_name *p)
{
	size_t label = 0;
	bool absolute = len > 0 && s[len - 1] == '.';
	size_t body = absolute ? len - 1 : len;

	p->first = SIZE_MAX;
	p->base = !absolute && origin->labels ? origin : NULL;
	if (body == 0 || body > MAX_WIRE)
		return false;
	for (size_t i = 0; i < body; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '.') {
			if (label == 0)
				return false;
			if (p->first == SIZE_MAX)
				p->first = i;
			label = 0;
		} else if (!plain_char(c) || ++label > MAX_LABEL) {
			return false;
		}
		p->canon[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	if (label == 0)                   /* "a..": an empty last label */
		return false;
	p->n = body;
	p->canon[p->n++] = '.';
	if (p->base) {
		if (p->n + p->base->len > MAX_WIRE)
			return false;
		memcpy(p->canon + p->n, p->base->text, p->base->len);
		p->n += p->base->len;
	}
	if (p->n + 1 > MAX_WIRE)
		return false;
	p->canon[p->n] = '\0';
	/* canon is body "." base: hashed from base's end back to body's start;
	 * the state at the first dot is the parent's hash. */
	uint32_t h = zl_fnv32_byte(p->base ? p->base->hash : ZL_FNV32_BASIS, '.');
	p->parent_h = h;
	for (size_t i = body; i-- > 0;) {
		if (i == p->first)
			p->parent_h = h;
		h = zl_fnv32_byte(h, (unsigned char)p->canon[i]);
	}
	p->h = h;
	return true;
}

const zl_name *zl_names_intern_rel(zl_names *t, const char *s, size_t len,
                                   const zl_name *origin)
{
	plain_name p;

	if (!plain_rel(s, len, origin, &p))
		return intern_rel_slow(t, s, len, origin);
	const zl_name *hit = find(t, p.canon, p.n, p.h);
	if (hit)
		return hit;
	const zl_name *parent = p.first != SIZE_MAX
	                        ? intern_canon(t, p.canon + p.first + 1, p.n - p.first - 1,
	                                       p.parent_h)
	                        : p.base ? p.base : zl_names_intern_text(t, ".");
	return parent ? insert(t, p.canon, p.n, p.h, parent, parent->labels + 1u) : NULL;
}

bool zl_names_prefetch_rel(const zl_names *t, const char *s, size_t len,
                           const zl_name *origin, uint32_t *hash)
{
	plain_name p;

	if (!plain_rel(s, len, origin, &p))
		return false;
	const zl_names_shard *sh = shard_of(t, p.h);
	if (sh->cap)
		__builtin_prefetch(&sh->slots[home(tag_of(p.h), sh->cap)]);
	*hash = p.h;
	return true;
}

const zl_name *zl_names_lookup(const zl_names *t, const char *text)
{
	uint8_t wire[MAX_WIRE + 1];
	char canon[MAX_WIRE * 4 + 2];
	size_t len;

	if (!t->count || !zl_name_text_to_wire(text, wire, &len))
		return NULL;
	for (size_t k = 0; k < len; k++)
		wire[k] = (uint8_t)tolower(wire[k]);
	size_t tlen = wire_to_text(wire, canon);
	return find(t, canon, tlen, hash_text(canon, tlen));
}
