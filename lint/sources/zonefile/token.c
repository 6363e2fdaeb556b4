/*
 * lint/sources/zonefile/token.c - the text into entries and tokens (RFC
 * 1035 5.1): line breaks, parentheses, quotes, escapes, comments and the
 * inline suppressions they carry.
 */
#include "zonefile_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Makes room for `need` bytes in *buf; false when memory runs out. */
bool zf_reserve(char **buf, size_t *cap, size_t need)
{
	if (need <= *cap)
		return true;
	size_t cap2 = *cap ? *cap : 256;
	while (cap2 < need)
		cap2 *= 2;
	char *b = realloc(*buf, cap2);
	if (!b)
		return false;
	*buf = b;
	*cap = cap2;
	return true;
}

static uint32_t column(const zf_file *f, const char *p)
{
	return (uint32_t)(p - f->line_start) + 1;
}

/* Past one line break: LF, CRLF or a lone CR (old Mac files). */
static const char *next_line(zf_file *f, const char *p)
{
	if (*p == '\r' && p + 1 < f->end && p[1] == '\n')
		p++;
	p++;
	f->line++;
	f->line_start = p;
	return p;
}

/* The first fault of an entry is reported; the entry is then skipped. */
static void fault(zf_file *f, zf_entry *e, uint32_t line, uint32_t col, zf_msg id)
{
	if (!e->bad)
		zf_report(f, line, col, id);
	e->bad = true;
}

static bool is_break(char c)
{
	return c == '\n' || c == '\r';
}

/* What a byte is to an unquoted token (RFC 1035 5.1): its end, the escape
 * that quotes the next byte, or part of it (0). */
enum { WORD_END = 1, WORD_ESCAPE = 2 };
static const uint8_t word_class[256] = {
	[' '] = WORD_END, ['\t'] = WORD_END, ['\n'] = WORD_END, ['\r'] = WORD_END,
	[';'] = WORD_END, ['('] = WORD_END, [')'] = WORD_END, ['\0'] = WORD_END,
	['\\'] = WORD_ESCAPE,
};

/* Where an unquoted token ends (RFC 1035 5.1: '\X' quotes X). */
static const char *scan_word(const char *p, const char *end)
{
	for (; p < end; p++) {
		uint8_t c = word_class[(uint8_t)*p];
		if (c == WORD_END)
			return p;
		if (c == WORD_ESCAPE && p + 1 < end && !is_break(p[1]) && p[1] != '\0')
			p++;
	}
	return p;
}

/* Where a quoted string that opens at p ends (past its closing quote), or
 * the line break / end where it stops unclosed (*closed false). */
static const char *scan_quoted(const char *p, const char *end, bool *closed)
{
	for (p++; p < end && !is_break(*p); p++) {
		if (*p == '\\' && p + 1 < end && !is_break(p[1]))
			p++;
		else if (*p == '"') {
			*closed = true;
			return p + 1;
		}
	}
	*closed = false;
	return p;
}

static const char *skip_blanks(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* True when [p, end) starts with `word` (any case); p moves past it. */
static bool skip_word(const char **p, const char *end, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(end - *p) < n || strncasecmp(*p, word, n) != 0)
		return false;
	*p += n;
	return true;
}

/*
 * Records an inline suppression, `; zonelint: disable=ID[,ID]` (SPEC 3),
 * for the engine: the comment's place and the text after "=".
 */
static void suppression(zf_file *f, const char *semi, const char *end)
{
	const char *p = semi + 1;
	char ids[256];

	while (p < end && *p == ';')
		p++;
	p = skip_blanks(p, end);
	if (!skip_word(&p, end, "zonelint:"))
		return;
	p = skip_blanks(p, end);
	if (!skip_word(&p, end, "disable"))
		return;
	p = skip_blanks(p, end);
	if (p == end || *p != '=')
		return;
	p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	size_t n = (size_t)(end - p) < sizeof(ids) ? (size_t)(end - p) : sizeof(ids) - 1;
	memcpy(ids, p, n);
	ids[n] = '\0';
	zl_location where = { f->path, f->line, column(f, semi) };
	if (zl_model_add_suppression(f->load->m, where, ids) != 0)
		zf_out_of_memory(f);
}

/* Past a ';' comment, to the line break (RFC 1035 5.1). */
static const char *skip_comment(zf_file *f, const char *p, const char *end)
{
	const char *semi = p;

	while (p < end && !is_break(*p))
		p++;
	if (!f->gen_col)
		suppression(f, semi, p);
	return p;
}

/* Appends the token [s, q) to the entry. */
static void push_token(zf_file *f, zf_entry *e, const char *s, const char *q,
                       bool quoted)
{
	size_t len = (size_t)(q - s);

	if (!zf_reserve(&e->text, &e->cap, e->len + len + 2)) {
		zf_out_of_memory(f);
		e->bad = true;
		return;
	}
	if (e->ntok == e->tokcap) {
		size_t cap = e->tokcap ? e->tokcap * 2 : 32;
		zf_token *t = realloc(e->tok, cap * sizeof(*t));
		if (!t) {
			zf_out_of_memory(f);
			e->bad = true;
			return;
		}
		e->tok = t;
		e->tokcap = cap;
	}
	if (e->ntok)
		e->text[e->len++] = ' ';
	e->tok[e->ntok++] = (zf_token){ e->len, len, f->line, column(f, s), quoted };
	memcpy(e->text + e->len, s, len);
	e->len += len;
	e->text[e->len] = '\0';
	const char *nul = quoted ? memchr(s, '\0', len) : NULL;
	if (nul)
		fault(f, e, f->line, column(f, nul), M_NUL);
}

/* A line that starts with this, inside parentheses, looks like a new entry. */
static bool starts_entry(char c)
{
	return c != ' ' && c != '\t' && c != ';' && c != ')' && !is_break(c);
}

/*
 * Reads one entry's tokens from f->p.  A '(' never closed is reported at
 * its place and reading resumes on the line after it.  Each such recovery
 * reads the rest of the file again, so after ZF_MAX_RESCANS of them in a
 * file (broken input) a line starting in column 1 ends an open entry
 * instead: time stays linear, at the price of a continuation line written
 * in column 1 (valid, rare) being taken for a new entry in that file.
 */
static void scan_tokens(zf_file *f, zf_entry *e)
{
	const char *p = f->p, *end = f->end, *q, *resume = NULL;
	uint32_t resume_line = 0, paren_line = 0, paren_col = 0;
	unsigned depth = 0;
	bool closed;

	e->line = f->line;
	e->blank_owner = p < end && (*p == ' ' || *p == '\t');
	while (p < end) {
		switch (*p) {
		case '\n': case '\r':
			p = next_line(f, p);
			if (depth == 0) {
				f->p = p;
				return;
			}
			if (!resume) {
				resume = p;
				resume_line = f->line;
			}
			if (f->rescans > ZF_MAX_RESCANS && p < end && starts_entry(*p)) {
				fault(f, e, paren_line, paren_col, M_OPEN_PAREN);
				f->p = p;
				return;
			}
			continue;
		case ' ': case '\t':
			p++;
			continue;
		case ';':
			p = skip_comment(f, p, end);
			continue;
		case '(':
			if (depth++ == 0) {
				paren_line = f->line;
				paren_col = column(f, p);
				resume = NULL;
			}
			p++;
			continue;
		case ')':
			if (depth == 0)
				fault(f, e, f->line, column(f, p), M_CLOSE_PAREN);
			else
				depth--;
			p++;
			continue;
		case '\0':
			fault(f, e, f->line, column(f, p), M_NUL);
			p++;
			continue;
		case '"':
			q = scan_quoted(p, end, &closed);
			if (!closed) {
				fault(f, e, f->line, column(f, p), M_QUOTE);
				depth = 0;          /* the line break ends the entry */
				p = q;
				continue;
			}
			push_token(f, e, p, q, true);
			break;
		default:
			q = scan_word(p, end);
			push_token(f, e, p, q, false);
			break;
		}
		p = q;
	}
	if (depth > 0) {
		fault(f, e, paren_line, paren_col, M_OPEN_PAREN);
		if (resume) {
			f->rescans++;
			p = resume;
			f->line = resume_line;
			f->line_start = resume;
		}
	}
	f->p = p;
}

/* The next entry with tokens (or with a fault); false at the end. */
bool zf_scan_entry(zf_file *f, zf_entry *e)
{
	while (f->p < f->end && !f->stop && !f->load->stopped) {
		e->len = 0;
		e->ntok = 0;
		e->bad = false;
		if (e->text)
			e->text[0] = '\0';
		scan_tokens(f, e);
		if (e->ntok > 0 || e->bad)
			return true;
	}
	return false;
}

/* Token i into buf as a C string; false when it does not fit. */
bool zf_tok_copy(const zf_entry *e, size_t i, char *buf, size_t size)
{
	if (e->tok[i].len >= size)
		return false;
	memcpy(buf, tok_text(e, i), e->tok[i].len);
	buf[e->tok[i].len] = '\0';
	return true;
}

/* The owner of the next line, when it names one, is handed to the model
 * as a hint (zl_view_prefetch_owner) while this entry is processed. */
void zf_peek_owner(const zf_file *f)
{
	const char *p = f->p;

	if (p < f->end && word_class[(uint8_t)*p] != WORD_END && *p != '$' && *p != '"')
		zl_view_prefetch_owner(f->load->m, f->load->v, p,
		                       (size_t)(scan_word(p, f->end) - p), f->origin);
}
