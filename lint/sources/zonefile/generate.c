/*
 * lint/sources/zonefile/generate.c - $GENERATE (BIND): a range, templates
 * with their modifiers, one record read for each value.
 */
#include "zonefile_int.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool gen_put(zf_load *L, const char *s, size_t len)
{
	if (!zf_reserve(&L->gen, &L->gen_cap, L->gen_len + len + 1)) {
		L->gen_oom = true;
		return false;
	}
	memcpy(L->gen + L->gen_len, s, len);
	L->gen_len += len;
	L->gen[L->gen_len] = '\0';
	return true;
}

/* What a $GENERATE line expands: lhs, the middle (ttl, class, type), rhs. */
typedef struct zf_gen {
	uint32_t start, stop, step;
	char *lhs, *mid, *rhs;      /* in one allocation */
} zf_gen;

/* "start-stop" or "start-stop/step" (BIND). */
static bool parse_range(const char *s, size_t len, zf_gen *g)
{
	const char *dash = memchr(s, '-', len), *slash = memchr(s, '/', len);
	const char *stop_end = slash ? slash : s + len;

	g->step = 1;
	if (!dash || dash > stop_end)
		return false;
	if (!zf_parse_u32(s, (size_t)(dash - s), &g->start) ||
	    !zf_parse_u32(dash + 1, (size_t)(stop_end - dash - 1), &g->stop))
		return false;
	if (slash && !zf_parse_u32(slash + 1, (size_t)(s + len - slash - 1), &g->step))
		return false;
	return g->step > 0 && g->start <= g->stop;
}

/*
 * Nibble format (${offset,width,n}): hex digits from the least
 * significant, dot-separated, for ip6.arpa owners; width counts the
 * characters written, dots included, as BIND does.
 */
static bool put_nibbles(zf_load *L, uint64_t value, unsigned width, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";

	do {
		if (!gen_put(L, &digits[value & 0xf], 1))
			return false;
		value >>= 4;
		if (width > 0)
			width--;
		if (width > 0 || value != 0) {
			if (!gen_put(L, ".", 1))
				return false;
			if (width > 0)
				width--;
		}
	} while (value != 0 || width > 0);
	return true;
}

/* Parses "{offset[,width[,base]]}" at s; returns the length used, 0 if bad. */
static size_t parse_modifier(const char *s, long *offset, unsigned *width, char *base)
{
	const char *p = s + 1;
	char *endp;

	*width = 0;
	*base = 'd';
	errno = 0;
	*offset = strtol(p, &endp, 10);
	if (endp == p || errno || *offset < -2147483647L || *offset > 2147483647L)
		return 0;
	p = endp;
	if (*p == ',') {
		p++;
		if (!isdigit((unsigned char)*p))
			return 0;
		unsigned long w = strtoul(p, &endp, 10);
		if (w > ZF_GENERATE_WIDTH)
			return 0;
		*width = (unsigned)w;
		p = endp;
		if (*p == ',') {
			if (!p[1] || !strchr("doxXnN", p[1]))
				return 0;
			*base = p[1];
			p += 2;
		}
	}
	return *p == '}' ? (size_t)(p - s + 1) : 0;
}

/* Appends one substituted value in the modifier's format. */
static bool put_value(zf_load *L, int64_t value, unsigned width, char base)
{
	char num[ZF_GENERATE_WIDTH + 32];
	int n;

	/* BIND formats a negative value in the other bases as the 32-bit
	 * unsigned number it is in two's complement (${-2000,0,x} of 1024
	 * gives fffffc30). */
	if (value < 0 && base != 'd')
		value = (int64_t)(uint32_t)value;
	switch (base) {
	case 'n': case 'N':
		return put_nibbles(L, (uint64_t)value, width, base == 'N');
	case 'o':
		n = snprintf(num, sizeof(num), "%0*" PRIo64, (int)width, (uint64_t)value);
		break;
	case 'x':
		n = snprintf(num, sizeof(num), "%0*" PRIx64, (int)width, (uint64_t)value);
		break;
	case 'X':
		n = snprintf(num, sizeof(num), "%0*" PRIX64, (int)width, (uint64_t)value);
		break;
	default:
		n = snprintf(num, sizeof(num), "%0*" PRId64, (int)width, value);
		break;
	}
	return n > 0 && gen_put(L, num, (size_t)n);
}

/*
 * Appends template t with `value` substituted (BIND's $GENERATE): "$" is
 * the value, "$$" a dollar, "${offset,width,base}" a formatted value, and
 * "\X" is copied as it is.  False when the template is malformed.
 */
static bool substitute(zf_load *L, const char *t, uint32_t value)
{
	while (*t) {
		size_t plain = strcspn(t, "$\\");
		if (plain && !gen_put(L, t, plain))
			return false;
		t += plain;
		if (*t == '\\') {
			size_t n = t[1] ? 2 : 1;
			if (!gen_put(L, t, n))
				return false;
			t += n;
		} else if (*t == '$') {
			long offset = 0;
			unsigned width = 0;
			char base = 'd';
			t++;
			if (*t == '$') {
				if (!gen_put(L, "$", 1))
					return false;
				t++;
				continue;
			}
			if (*t == '{') {
				size_t used = parse_modifier(t, &offset, &width, &base);
				if (!used)
					return false;
				t += used;
			}
			if (!put_value(L, (int64_t)value + offset, width, base))
				return false;
		}
	}
	return true;
}

/* One generated line into L->gen: "lhs mid rhs". */
static bool generate_line(zf_load *L, const zf_gen *g, uint32_t value)
{
	L->gen_len = 0;
	return substitute(L, g->lhs, value) && gen_put(L, " ", 1) &&
	       gen_put(L, g->mid, strlen(g->mid)) && gen_put(L, " ", 1) &&
	       substitute(L, g->rhs, value);
}

/* Copies lhs, middle and rhs out of the entry, which each line reuses. */
static bool generate_templates(const zf_entry *e, size_t type_tok, zf_gen *g)
{
	size_t rhs_tok = type_tok + 1;
	const char *mid = e->text + e->tok[3].off;
	size_t mid_len = e->tok[type_tok].off + e->tok[type_tok].len - e->tok[3].off;
	const char *rhs = e->text + e->tok[rhs_tok].off;
	size_t rhs_len = e->len - e->tok[rhs_tok].off;
	size_t lhs_len = e->tok[2].len;

	if (rhs_tok + 1 == e->ntok && e->tok[rhs_tok].quoted) {
		rhs++;                      /* BIND takes a quoted rhs as its text */
		rhs_len -= 2;
	}
	char *buf = malloc(lhs_len + mid_len + rhs_len + 3);
	if (!buf)
		return false;
	g->lhs = buf;
	memcpy(g->lhs, tok_text(e, 2), lhs_len);
	g->lhs[lhs_len] = '\0';
	g->mid = g->lhs + lhs_len + 1;
	memcpy(g->mid, mid, mid_len);
	g->mid[mid_len] = '\0';
	g->rhs = g->mid + mid_len + 1;
	memcpy(g->rhs, rhs, rhs_len);
	g->rhs[rhs_len] = '\0';
	return true;
}

/* Reads each generated line as a record of this file, at the directive's
 * line; stops at the first faulty one (the others would fail alike). */
static void generate_records(zf_file *f, const zf_entry *at, const zf_gen *g)
{
	zf_load *L = f->load;
	zf_file c = { .load = L, .path = f->path, .index = f->index,
	              .origin = f->origin, .origin_rdf = f->origin_rdf,
	              .owner = f->owner, .gen_col = at->tok[0].col };
	uint32_t line = at->line;

	/* The templates were checked with the first value; values only grow. */
	for (uint32_t v = g->start; ; v += g->step) {
		if (!generate_line(L, g, v)) {
			zf_out_of_memory(f);
			return;
		}
		int errors = L->errors;
		c.p = c.line_start = L->gen;
		c.end = L->gen + L->gen_len;
		c.line = line;
		if (zf_scan_entry(&c, &L->e) && !L->e.bad)
			zf_do_record(&c, &L->e);
		if (L->errors != errors || L->stopped || g->stop - v < g->step)
			return;
	}
}

/*
 * $GENERATE range lhs [ttl] [class] type rhs (BIND): one record for each
 * value of the range, "$" in lhs and rhs replaced by the value.
 */
void zf_dir_generate(zf_file *f, zf_entry *e)
{
	zf_gen g = { 0 };
	zf_excerpt x;
	zf_quoted q;
	size_t t = 3;

	if (e->ntok < 5) {
		zf_report(f, e->line, e->tok[0].col, M_ARGS, "$GENERATE",
		          "a range, an owner, a type and data");
		return;
	}
	if (!parse_range(tok_text(e, 1), e->tok[1].len, &g)) {
		zf_report(f, e->tok[1].line, e->tok[1].col, M_GEN_RANGE, zf_tok_excerpt(e, 1, x));
		return;
	}
	if ((g.stop - g.start) / g.step >= ZF_GENERATE_MAX) {
		zf_report(f, e->tok[1].line, e->tok[1].col, M_GEN_SIZE, zf_tok_excerpt(e, 1, x),
		          ZF_GENERATE_MAX);
		return;
	}
	for (int k = 0; k < 2 && t + 2 < e->ntok; k++)
		if (isdigit((unsigned char)tok_text(e, t)[0]) || zf_token_class(e, t))
			t++;
	if (t + 1 >= e->ntok) {
		zf_report(f, e->line, e->tok[0].col, M_ARGS, "$GENERATE",
		          "a range, an owner, a type and data");
		return;
	}
	if (!generate_templates(e, t, &g)) {
		zf_out_of_memory(f);
		return;
	}
	f->load->gen_oom = false;
	if (generate_line(f->load, &g, g.start))
		generate_records(f, e, &g);
	else if (f->load->gen_oom)
		zf_out_of_memory(f);
	else
		zf_report(f, e->tok[2].line, e->tok[2].col, M_GEN_MODIFIER,
		          zf_rest_excerpt(f, e, 2, 2, q));
	free(g.lhs);
}
