/*
 * lint/sources/zonefile.c - see zonefile.h.
 *
 * The loader splits the file into entries itself (RFC 1035 5.1: an entry
 * is one line, or several inside parentheses; ';' starts a comment outside
 * quotes; '\' escapes the next character), resolves owners, TTLs and
 * directives the way BIND 9 does, and hands ldns one normalised record at a
 * time, "@ TTL CLASS TYPE RDATA", so that ldns only parses rdata.  ldns's
 * own file reader is not used: it drops a second SOA, knows neither
 * $INCLUDE nor $GENERATE, and mis-reads directives followed by CRLF.
 *
 * Nothing is allocated per record by this file: the entry, the text given
 * to ldns and the $GENERATE line are buffers reused for the whole load.
 */
#include "zonefile.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ldns/ldns.h>

#include "fastrr.h"
#include "rr_convert.h"
#include "rrextra.h"

enum {
	ZF_MAX_DEPTH = 16,          /* $INCLUDE nesting below the view's file */
	ZF_MAX_ERRORS = 1000,       /* zone-syntax errors before a view is given up */
	ZF_MAX_RESCANS = 8,         /* exact recoveries from a '(' never closed */
	ZF_EXCERPT = 60,            /* characters of input quoted in a message */
	ZF_PATH_EXCERPT = 200,      /* characters of a path quoted in a message */
	ZF_BINARY_PROBE = 4096,     /* a NUL byte this early: not a text file */
	ZF_MAX_RDATA_TEXT = 65535,  /* ldns reads at most LDNS_MAX_PACKETLEN */
	ZF_WIRE_HEAD = 11,          /* root owner, type, class, TTL, RDLENGTH */
	ZF_GENERATE_MAX = 1 << 20,  /* records one $GENERATE may make */
	ZF_GENERATE_WIDTH = 255,    /* widest ${offset,width} field */
	ZF_MAP_MIN = 1 << 20,       /* files this big get a mapping of their own */
	ZF_DROP_STEP = 4 << 20,     /* bytes read between hand-backs of pages */
};

/* ---- messages ----------------------------------------------------------- */

#define SYNTAX ZL_SOURCE_ZONE_SYNTAX
#define NO_TOKEN SIZE_MAX   /* rest_excerpt: the fault is no token's */
#define WINDOWS ZL_SOURCE_ZONE_WINDOWS_TYPE

typedef enum zf_msg {
	M_CLOSE_PAREN, M_OPEN_PAREN, M_QUOTE, M_NUL, M_BINARY, M_TOO_MANY,
	M_NOMEM, M_AGE, M_TTL, M_NO_TYPE, M_TYPE, M_META_TYPE, M_OWNER,
	M_NO_OWNER, M_LDNS, M_CONVERT, M_TOO_LONG, M_DIRECTIVE, M_DNSLOG,
	M_ARGS, M_EXTRA, M_ORIGIN, M_INC_ABSOLUTE, M_INC_PARENT, M_INC_LINK,
	M_INC_OPEN, M_INC_LOOP, M_INC_DEPTH, M_INC_FILES, M_GEN_RANGE,
	M_GEN_SIZE, M_GEN_MODIFIER, M_WINS, M_UTF16,
	M_OWN_TYPE, M_CLASS, M_OBSOLETE, M_NO_TTL, M_DS_APEX, M_SOA_RANGE,
	M_RECORD_LIMIT,
} zf_msg;

/* Every message of the loader; arguments that come from the input are
 * passed through excerpt() first. */
static const struct {
	zl_source_problem source;
	zl_severity severity;
	const char *format;
} messages[] = {
	[M_CLOSE_PAREN] = { SYNTAX, ZL_SEVERITY_ERROR, "')' without a matching '('" },
	[M_OPEN_PAREN] = { SYNTAX, ZL_SEVERITY_ERROR,
		"'(' is never closed; the entry it opens is skipped" },
	[M_QUOTE] = { SYNTAX, ZL_SEVERITY_ERROR,
		"quoted string not closed before the end of the line" },
	[M_NUL] = { SYNTAX, ZL_SEVERITY_ERROR, "NUL byte in the text (binary data?)" },
	[M_BINARY] = { SYNTAX, ZL_SEVERITY_ERROR,
		"%s holds binary data (or UTF-16 text without a byte-order mark), "
		"not a zone file" },
	[M_TOO_MANY] = { SYNTAX, ZL_SEVERITY_ERROR,
		"too many errors (%d); the rest of zone %s is not read" },
	[M_NOMEM] = { SYNTAX, ZL_SEVERITY_ERROR, "out of memory; the rest of zone %s is not read" },
	[M_AGE] = { SYNTAX, ZL_SEVERITY_ERROR,
		"malformed Windows aging stamp '%s' (expected [AGE:hours])" },
	[M_TTL] = { SYNTAX, ZL_SEVERITY_ERROR,
		"bad TTL '%s' (seconds up to 4294967295, or units as in 1h30m)" },
	[M_NO_TYPE] = { SYNTAX, ZL_SEVERITY_ERROR, "record without a type: %s" },
	[M_TYPE] = { SYNTAX, ZL_SEVERITY_ERROR, "unknown record type '%s'" },
	[M_META_TYPE] = { SYNTAX, ZL_SEVERITY_ERROR,
		"%s is a query or meta type; it cannot be stored in a zone" },
	[M_OWNER] = { SYNTAX, ZL_SEVERITY_ERROR,
		"bad owner name '%s' (empty label, label over 63 octets, name over "
		"255 octets or bad escape)" },
	[M_NO_OWNER] = { SYNTAX, ZL_SEVERITY_ERROR,
		"record with a blank owner before any owner name: %s" },
	[M_LDNS] = { SYNTAX, ZL_SEVERITY_ERROR, "%s: %s" },
	[M_CONVERT] = { SYNTAX, ZL_SEVERITY_ERROR, "%s: %s" },
	[M_TOO_LONG] = { SYNTAX, ZL_SEVERITY_ERROR,
		"record data longer than %d characters: %s" },
	[M_DIRECTIVE] = { SYNTAX, ZL_SEVERITY_ERROR,
		"unknown directive '%s' (known: $ORIGIN, $TTL, $INCLUDE, $GENERATE)" },
	[M_DNSLOG] = { SYNTAX, ZL_SEVERITY_ERROR,
		"%s: this looks like a Windows DNS update log (.dns.log), not a zone "
		"file; the rest of %s is not read" },
	[M_ARGS] = { SYNTAX, ZL_SEVERITY_ERROR, "%s needs %s" },
	[M_EXTRA] = { SYNTAX, ZL_SEVERITY_ERROR, "unexpected text after %s: %s" },
	[M_ORIGIN] = { SYNTAX, ZL_SEVERITY_ERROR,
		"bad origin '%s' (empty label, label over 63 octets, name over 255 "
		"octets or bad escape)" },
	[M_INC_ABSOLUTE] = { SYNTAX, ZL_SEVERITY_ERROR,
		"$INCLUDE of the absolute path %s is refused (--include-anywhere allows it)" },
	[M_INC_PARENT] = { SYNTAX, ZL_SEVERITY_ERROR,
		"$INCLUDE %s leaves the folder of %s and is refused "
		"(--include-anywhere allows it)" },
	[M_INC_LINK] = { SYNTAX, ZL_SEVERITY_ERROR,
		"$INCLUDE %s leads outside the folder of %s through a symbolic link "
		"and is refused (--include-anywhere allows it)" },
	[M_INC_OPEN] = { SYNTAX, ZL_SEVERITY_ERROR, "cannot read included file %s: %s" },
	[M_INC_LOOP] = { SYNTAX, ZL_SEVERITY_ERROR,
		"$INCLUDE loop: %s is already being read" },
	[M_INC_DEPTH] = { SYNTAX, ZL_SEVERITY_ERROR,
		"$INCLUDE of %s nested more than %d deep" },
	[M_INC_FILES] = { SYNTAX, ZL_SEVERITY_ERROR, "too many included files (%s)" },
	[M_GEN_RANGE] = { SYNTAX, ZL_SEVERITY_ERROR,
		"bad $GENERATE range '%s' (expected start-stop or start-stop/step)" },
	[M_GEN_SIZE] = { SYNTAX, ZL_SEVERITY_ERROR,
		"$GENERATE range '%s' makes more than %d records" },
	[M_GEN_MODIFIER] = { SYNTAX, ZL_SEVERITY_ERROR,
		"bad $GENERATE template %s (expected $, $$ or ${offset[,width[,base]]} "
		"with base d, o, x, X, n or N)" },
	[M_WINS] = { WINDOWS, ZL_SEVERITY_INFO,
		"Windows-only %s record at %s skipped (WINS lookup has no meaning outside "
		"Windows DNS Server)" },
	[M_SOA_RANGE] = { SYNTAX, ZL_SEVERITY_ERROR,
		"SOA %s '%s' is over 4294967295 (a 32-bit field, RFC 1035 3.3.13)" },
	[M_RECORD_LIMIT] = { SYNTAX, ZL_SEVERITY_ERROR,
		"more than %zu records in this run (--max-records raises the limit); the "
		"rest of zone %s is not read" },
	[M_UTF16] = { WINDOWS, ZL_SEVERITY_INFO,
		"%s is UTF-16 text (as Windows PowerShell writes it); read as UTF-8" },
	[M_OWN_TYPE] = { SYNTAX, ZL_SEVERITY_ERROR, "bad %s record: %s: %s" },
	[M_CLASS] = { SYNTAX, ZL_SEVERITY_ERROR,
		"class %s in a zone of class IN: a zone file holds one class (RFC 1035 5.2); "
		"BIND and Knot refuse the zone" },
	[M_OBSOLETE] = { SYNTAX, ZL_SEVERITY_ERROR,
		"type %s is obsolete (RFC 973: MX replaces MD and MF); BIND and Knot refuse it" },
	[M_NO_TTL] = { SYNTAX, ZL_SEVERITY_ERROR,
		"record without a TTL before any $TTL, TTL or SOA: none is in force "
		"(RFC 2308 4); BIND refuses the zone: %s" },
	[M_DS_APEX] = { SYNTAX, ZL_SEVERITY_ERROR,
		"DS record at the zone apex %s: a DS belongs in the parent zone, at the "
		"delegation (RFC 4035 2.4); BIND refuses the zone" },
};

/* ---- state -------------------------------------------------------------- */

/* One token of an entry, as it appears in the entry's text. */
typedef struct zf_token {
	size_t off;                 /* in zf_entry.text */
	size_t len;
	uint32_t line;              /* where it starts in the file */
	uint32_t col;
	bool quoted;                /* a "..." string, quotes included */
} zf_token;

/* One entry (a record or a directive), comments and parentheses removed. */
typedef struct zf_entry {
	char *text;                 /* tokens joined by one space, NUL-terminated */
	size_t len, cap;
	zf_token *tok;
	size_t ntok, tokcap;
	uint32_t line;              /* where the entry starts */
	bool blank_owner;           /* the line starts with white space */
	bool bad;                   /* a fault was reported: the entry is skipped */
} zf_entry;

/* What lasts for the whole view, across $INCLUDEs. */
typedef struct zf_load {
	zl_model *m;                /* ref only */
	zl_view *v;                 /* ref only */
	const zl_name *zone;        /* for problems */
	bool include_anywhere;
	zf_entry e;                 /* the entry being read, reused */
	char *rr;                   /* the text handed to ldns, reused */
	size_t rr_cap;
	zl_rdata_builder *rdata;    /* one record's fields, reused */
	zl_rdata_token *rtok;       /* one record's rdata tokens, reused */
	size_t rtok_cap;
	uint8_t *wire;              /* one own-type record's rdata, reused */
	char *gen;                  /* one $GENERATE line, reused */
	size_t gen_len, gen_cap;
	bool gen_oom;               /* gen_put ran out of memory */
	bool included;              /* an $INCLUDE added a file to the view */
	/* TTLs, as BIND 9 applies them (RFC 1035 5.1, RFC 2308 4) */
	bool have_default;          /* $TTL in force */
	uint32_t default_ttl;
	bool have_soa;              /* an SOA was read: the view is a zone file */
	bool have_soa_min;          /* the first SOA's minimum */
	uint32_t soa_min;
	bool have_last;             /* the last explicit TTL (RFC 1035 5.1) */
	uint32_t last_ttl;
	/* $INCLUDE: real paths of the files being read, view's file first */
	char *real[ZF_MAX_DEPTH + 1];
	unsigned depth;
	int errors;                 /* zone-syntax errors so far */
	bool stopped;               /* too many errors or no memory */
} zf_load;

/*
 * A file's text.  A big one is read into an anonymous mapping of its own,
 * so that the pages already scanned can be handed back to the kernel as
 * the scan goes (madvise MADV_DONTNEED): the peak memory of a load is then
 * the model's, not the model's plus the whole file's.
 */
typedef struct zf_buf {
	char *p;                    /* the bytes, NUL-terminated */
	size_t len;
	size_t size;                /* of the mapping; 0: p is malloc's */
} zf_buf;

/* One file being read (or one $GENERATE line). */
typedef struct zf_file {
	zf_load *load;
	const char *path;           /* the model's copy: for locations */
	uint16_t index;             /* in the view's files */
	const char *p, *end;        /* what is left to read */
	const char *line_start;     /* for columns */
	uint32_t line;
	const zl_name *origin;      /* $ORIGIN in force */
	ldns_rdf *origin_rdf;       /* the same for ldns */
	bool own_origin_rdf;        /* origin_rdf is this file's to free */
	const zl_name *owner;       /* the last owner, for blank-owner lines */
	unsigned rescans;
	uint32_t gen_col;           /* nonzero: expanding the $GENERATE at this column */
	bool stop;                  /* the rest of this file is not read */
	const zf_buf *buf;          /* the file's text when it is mapped, else NULL */
	size_t dropped;             /* bytes of it handed back so far */
} zf_file;

static void read_text(zf_file *f, zf_buf *b);

/* ---- reporting ---------------------------------------------------------- */

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
static const char *excerpt_n(const char *s, size_t len, size_t max, char *out)
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

typedef char zf_excerpt[4 * ZF_EXCERPT + 4];
typedef char zf_path_excerpt[4 * ZF_PATH_EXCERPT + 4];

static const char *excerpt(const char *s, size_t len, zf_excerpt out)
{
	return excerpt_n(s, len, ZF_EXCERPT, out);
}

static const char *path_excerpt(const char *path, zf_path_excerpt out)
{
	return excerpt_n(path, strlen(path), ZF_PATH_EXCERPT, out);
}

/*
 * Records problem `id` at line:col of f.  Errors are counted for the view;
 * past ZF_MAX_ERRORS one last error says so and the load stops, so that a
 * huge broken file cannot flood the report.
 */
static void report(zf_file *f, uint32_t line, uint32_t col, zf_msg id, ...)
{
	zf_load *L = f->load;
	bool error = messages[id].severity == ZL_SEVERITY_ERROR;
	zl_location where = { f->path, line, f->gen_col ? f->gen_col : col };
	char text[1024];
	va_list ap;

	if (L->stopped)
		return;
	if (error && id != M_TOO_MANY && ++L->errors > ZF_MAX_ERRORS) {
		report(f, line, col, M_TOO_MANY, ZF_MAX_ERRORS, zl_name_text(L->zone));
		L->stopped = true;
		return;
	}
	va_start(ap, id);
	vsnprintf(text, sizeof(text), messages[id].format, ap);
	va_end(ap);
	zl_model_problem_add(L->m, messages[id].source, messages[id].severity, error, where,
	                     L->zone, NULL, "%s", text);
}

/* Out of memory: said once, and nothing more is read. */
static void out_of_memory(zf_file *f)
{
	zf_load *L = f->load;

	if (L->stopped)
		return;
	report(f, f->line, 1, M_NOMEM, zl_name_text(L->zone));
	L->stopped = true;
}

/* ---- growing buffers ---------------------------------------------------- */

/* Makes room for `need` bytes in *buf; false when memory runs out. */
static bool reserve(char **buf, size_t *cap, size_t need)
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

static bool gen_put(zf_load *L, const char *s, size_t len)
{
	if (!reserve(&L->gen, &L->gen_cap, L->gen_len + len + 1)) {
		L->gen_oom = true;
		return false;
	}
	memcpy(L->gen + L->gen_len, s, len);
	L->gen_len += len;
	L->gen[L->gen_len] = '\0';
	return true;
}

/* ---- splitting the text into entries ------------------------------------ */

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
		report(f, line, col, id);
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
		out_of_memory(f);
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

	if (!reserve(&e->text, &e->cap, e->len + len + 2)) {
		out_of_memory(f);
		e->bad = true;
		return;
	}
	if (e->ntok == e->tokcap) {
		size_t cap = e->tokcap ? e->tokcap * 2 : 32;
		zf_token *t = realloc(e->tok, cap * sizeof(*t));
		if (!t) {
			out_of_memory(f);
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
static bool scan_entry(zf_file *f, zf_entry *e)
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

/* ---- tokens ------------------------------------------------------------- */

static const char *tok_text(const zf_entry *e, size_t i)
{
	return e->text + e->tok[i].off;
}

/* Token i into buf as a C string; false when it does not fit. */
static bool tok_copy(const zf_entry *e, size_t i, char *buf, size_t size)
{
	if (e->tok[i].len >= size)
		return false;
	memcpy(buf, tok_text(e, i), e->tok[i].len);
	buf[e->tok[i].len] = '\0';
	return true;
}

/* Token i for a message. */
static const char *tok_excerpt(const zf_entry *e, size_t i, zf_excerpt out)
{
	return excerpt(tok_text(e, i), e->tok[i].len, out);
}

typedef char zf_quoted[4 * ZF_EXCERPT + 80];

/*
 * The text from token `from` to the end of the entry, quoted for a
 * message.  Until the view has read an SOA record the file is not known
 * to be a zone file (an inventory or --include-anywhere may name any
 * file, /etc/shadow): then only the token that failed is quoted
 * (`failed`, NO_TOKEN when the fault is no token's), never the rest of
 * the line.
 */
static const char *rest_excerpt(const zf_file *f, const zf_entry *e, size_t from,
                                size_t failed, zf_quoted out)
{
	size_t off = from < e->ntok ? e->tok[from].off : e->len, len = e->len - off;
	zf_excerpt x;

	if (!f->load->have_soa) {
		if (failed >= e->ntok) {
			snprintf(out, sizeof(zf_quoted), "(not quoted: no SOA record came "
			         "before it, so this may not be a zone file)");
			return out;
		}
		off = e->tok[failed].off;
		len = e->tok[failed].len;
	}
	snprintf(out, sizeof(zf_quoted), "'%s'", excerpt(e->text + off, len, x));
	return out;
}

/* Token i without its quotes, as a new C string (NULL: no memory). */
static char *tok_strdup_unquoted(const zf_entry *e, size_t i)
{
	const char *s = tok_text(e, i);
	size_t len = e->tok[i].len;

	if (e->tok[i].quoted) {
		s++;
		len -= 2;
	}
	char *copy = malloc(len + 1);
	if (copy) {
		memcpy(copy, s, len);
		copy[len] = '\0';
	}
	return copy;
}

/* ---- values --------------------------------------------------------------- */

/*
 * A TTL (RFC 1035 5.1: a decimal number of seconds; BIND also takes units
 * w, d, h, m, s, any case, as in 1h30m).  False when malformed or past
 * 2^32 - 1.
 */
static bool parse_ttl(const char *s, size_t len, uint32_t *out)
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
static bool parse_u32(const char *s, size_t len, uint32_t *out)
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
static bool parse_age(const char *s, size_t len, uint32_t *out)
{
	return len > 6 && strncasecmp(s, "[AGE:", 5) == 0 && s[len - 1] == ']' &&
	       parse_u32(s + 5, len - 6, out);
}

/*
 * The name token i stands for (RFC 1035 5.1): "@" is the origin, a name
 * without a trailing dot is relative to it.  NULL when malformed.
 */
static const zl_name *token_name(zf_file *f, const zf_entry *e, size_t i)
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
static uint16_t common_type(const zf_entry *e, size_t i);

static uint16_t token_class(const zf_entry *e, size_t i)
{
	const char *s = tok_text(e, i);
	char buf[16];

	if (e->tok[i].quoted)
		return 0;
	if (e->tok[i].len == 2 && (s[0] | 0x20) == 'i' && (s[1] | 0x20) == 'n')
		return LDNS_RR_CLASS_IN;
	if (common_type(e, i) || !tok_copy(e, i, buf, sizeof(buf)))
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
static uint16_t common_type(const zf_entry *e, size_t i)
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

/* ---- records -------------------------------------------------------------- */

/* Owner, [AGE:N], TTL and class of a record: what precedes its type. */
typedef struct zf_head {
	const zl_name *owner;
	uint32_t age;
	uint32_t ttl;
	bool has_ttl;
	bool has_class;
	size_t class_tok;           /* index of the class, when given */
	size_t type_tok;            /* index of the type */
} zf_head;

/*
 * Reads what precedes the type: the owner (blank: the previous one), a
 * Windows [AGE:N] stamp, then TTL and class in either order (RFC 1035
 * 5.1).  False after reporting a fault.
 */
static bool read_head(zf_file *f, const zf_entry *e, zf_head *h)
{
	zf_excerpt x;
	zf_quoted q;
	size_t t = 0;

	memset(h, 0, sizeof(*h));
	if (e->blank_owner) {
		h->owner = f->owner;
		if (!h->owner) {
			report(f, e->line, e->tok[0].col, M_NO_OWNER,
			       rest_excerpt(f, e, 0, NO_TOKEN, q));
			return false;
		}
	} else {
		h->owner = token_name(f, e, 0);
		if (!h->owner) {
			report(f, e->line, e->tok[0].col, M_OWNER, tok_excerpt(e, 0, x));
			return false;
		}
		f->owner = h->owner;
		t = 1;
	}
	if (t < e->ntok && tok_text(e, t)[0] == '[') {
		if (!parse_age(tok_text(e, t), e->tok[t].len, &h->age)) {
			report(f, e->tok[t].line, e->tok[t].col, M_AGE, tok_excerpt(e, t, x));
			return false;
		}
		t++;
	}
	for (int k = 0; k < 2 && t < e->ntok; k++) {
		if (!h->has_ttl && isdigit((unsigned char)tok_text(e, t)[0])) {
			if (!parse_ttl(tok_text(e, t), e->tok[t].len, &h->ttl)) {
				report(f, e->tok[t].line, e->tok[t].col, M_TTL, tok_excerpt(e, t, x));
				return false;
			}
			h->has_ttl = true;
		} else if (!h->has_class && token_class(e, t)) {
			h->has_class = true;
			h->class_tok = t;
		} else {
			break;
		}
		t++;
	}
	if (t >= e->ntok) {
		report(f, e->line, e->tok[0].col, M_NO_TYPE, rest_excerpt(f, e, 0, NO_TOKEN, q));
		return false;
	}
	h->type_tok = t;
	return true;
}

/*
 * The record's TTL when it gives none: $TTL when in force, else the SOA
 * minimum (the first SOA's; an SOA without TTL takes its own), as BIND
 * does and Windows exports expect; else the last explicit TTL (RFC 1035
 * 5.1); else 0.
 */
static uint32_t implicit_ttl(const zf_load *L, uint16_t type, const zl_rdata_builder *b)
{
	uint32_t min;

	if (L->have_default)
		return L->default_ttl;
	if (L->have_soa_min)
		return L->soa_min;
	if (type == ZL_TYPE_SOA && b->count == 7 && zl_rdata_get_int(b, ZL_SOA_MINIMUM, &min))
		return min;
	return L->have_last ? L->last_ttl : 0;
}

/* Days from 1970-01-01 to y-m-d of the proleptic Gregorian calendar. */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

/* An RRSIG time YYYYMMDDHHmmSS as the decimal serial modulo 2^32 BIND
 * reads it (in out[16]); false when the token is not such a time. */
static bool rrsig_time(const char *s, size_t len, char out[16])
{
	unsigned v[6], w[6] = { 4, 2, 2, 2, 2, 2 };
	size_t at = 0;

	if (len != 14)
		return false;
	for (size_t k = 0; k < 6; k++) {
		v[k] = 0;
		for (unsigned j = 0; j < w[k]; j++, at++) {
			if (!isdigit((unsigned char)s[at]))
				return false;
			v[k] = v[k] * 10 + (unsigned)(s[at] - '0');
		}
	}
	if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 || v[4] > 59 ||
	    v[5] > 60)
		return false;
	int64_t secs = days_from_civil(v[0], v[1], v[2]) * 86400 +
	               (int64_t)v[3] * 3600 + v[4] * 60 + v[5];
	snprintf(out, 16, "%" PRIu32, (uint32_t)(uint64_t)secs);
	return true;
}

/* Rebuilds L->rr (its type token at offset `head`) with rdata token i
 * replaced by `put`, or padded with `pad` '=' signs, the tokens before it
 * as they are; false: no memory. */
static bool rewrite_token(zf_load *L, const zf_entry *e, const zf_head *h, size_t head,
                          size_t i, const char *put, size_t pad)
{
	size_t off = head + (e->tok[i].off - e->tok[h->type_tok].off);
	size_t tail = strlen(L->rr) - off - e->tok[i].len;
	size_t add = put ? strlen(put) : e->tok[i].len + pad;
	char *rest = malloc(tail + 1);

	if (!rest || !reserve(&L->rr, &L->rr_cap, off + add + tail + 1)) {
		free(rest);
		return false;
	}
	memcpy(rest, L->rr + off + e->tok[i].len, tail + 1);
	if (put)
		memcpy(L->rr + off, put, add);
	else
		memset(L->rr + off + e->tok[i].len, '=', pad);
	memcpy(L->rr + off + add, rest, tail + 1);
	free(rest);
	return true;
}

/* Why a record ldns parsed is still one BIND refuses, or NULL: fewer
 * fields than its type has (ldns takes RFC 3597 data short of them), or
 * an empty NSAP address ("0x"; RFC 1706 5). */
static const char *ldns_rr_short(const ldns_rr *rr)
{
	const ldns_rr_descriptor *d = ldns_rr_descript(ldns_rr_get_type(rr));

	if (d && ldns_rr_rd_count(rr) < ldns_rr_descriptor_minimum(d))
		return "the record has fewer fields than its type";
	for (size_t i = 0; i < ldns_rr_rd_count(rr); i++)
		if (ldns_rdf_get_type(ldns_rr_rdf(rr, i)) == LDNS_RDF_TYPE_NSAP &&
		    ldns_rdf_size(ldns_rr_rdf(rr, i)) == 0)
			return "the NSAP address is empty";
	return NULL;
}

/* Builds "@ TTL CLASS TYPE RDATA" for ldns in L->rr; false: no memory. */
static bool ldns_text(zf_load *L, const zf_entry *e, const zf_head *h)
{
	char head[48];
	char cls[16] = "IN";
	size_t from = e->tok[h->type_tok].off, rest = e->len - from;

	if (h->has_class)
		tok_copy(e, h->class_tok, cls, sizeof(cls));
	int n = snprintf(head, sizeof(head), "@ %" PRIu32 " %s ", h->has_ttl ? h->ttl : 0, cls);
	if (!reserve(&L->rr, &L->rr_cap, (size_t)n + rest + 1))
		return false;
	memcpy(L->rr, head, (size_t)n);
	memcpy(L->rr + n, e->text + from, rest + 1);
	return true;
}

/* Windows-only types (windns.h DNS_TYPE_WINS 0xFF01, DNS_TYPE_WINSR
 * 0xFF02: WINS lookup), skipped with an info finding; the DNS Manager
 * console calls WINSR "WINS-R". */
static bool windows_type(const char *type)
{
	return strcasecmp(type, "WINS") == 0 || strcasecmp(type, "WINSR") == 0 ||
	       strcasecmp(type, "WINS-R") == 0;
}

/* Query and meta types (RFC 6895 3.1) are not data. */
static bool meta_type(uint16_t type)
{
	return type == LDNS_RR_TYPE_OPT || (type >= 128 && type <= 255);
}

/* The record's type; 0 after reporting (or for a skipped Windows type). */
static uint16_t read_type(zf_file *f, const zf_entry *e, const zf_head *h)
{
	size_t t = h->type_tok;
	uint16_t code = common_type(e, t);
	const zl_rrtype *own;
	char type[32];
	zf_excerpt x;

	if (code)
		return code;
	if (!tok_copy(e, t, type, sizeof(type)) || e->tok[t].quoted) {
		report(f, e->tok[t].line, e->tok[t].col, M_TYPE, tok_excerpt(e, t, x));
		return 0;
	}
	if (windows_type(type)) {
		for (char *c = type; *c; c++)
			*c = (char)toupper((unsigned char)*c);
		report(f, e->line, e->tok[0].col, M_WINS, type, zl_name_text(h->owner));
		return 0;
	}
	own = zl_rrtype_by_name(type);
	code = own ? own->code : (uint16_t)ldns_get_rr_type_by_name(type);
	if (code == 0) {
		report(f, e->tok[t].line, e->tok[t].col, M_TYPE, tok_excerpt(e, t, x));
		return 0;
	}
	if (meta_type(code)) {
		report(f, e->tok[t].line, e->tok[t].col, M_META_TYPE, tok_excerpt(e, t, x));
		return 0;
	}
	return code;
}

/* The rdata tokens of the entry, for the fast parser; false: no memory. */
static bool rdata_tokens(zf_load *L, const zf_entry *e, size_t from, size_t *n)
{
	*n = e->ntok - from;
	if (*n > L->rtok_cap) {
		zl_rdata_token *t = realloc(L->rtok, *n * sizeof(*t));
		if (!t)
			return false;
		L->rtok = t;
		L->rtok_cap = *n;
	}
	for (size_t i = 0; i < *n; i++)
		L->rtok[i] = (zl_rdata_token){ tok_text(e, from + i), e->tok[from + i].len,
		                               e->tok[from + i].quoted };
	return true;
}

/*
 * Fields BIND writes in a form ldns 1.8.3 refuses, rewritten in L->rr to
 * one it takes (false: no memory):
 * - RRSIG times (RFC 4034 3.2) are serial numbers modulo 2^32 (RFC 1982):
 *   YYYYMMDDHHmmSS before 1970 or after 2106 is a valid time BIND reads
 *   modulo 2^32; the decimal number of seconds is what ldns then reads;
 * - the NSEC3 next hashed owner (RFC 5155 3.3) in base32hex without the
 *   '=' padding, as BIND and RFC 5155 write it: padded for ldns.
 */
static bool bind_forms(zf_load *L, const zf_entry *e, const zf_head *h, uint16_t type)
{
	size_t t = h->type_tok, first = t + 1, hashed = first + 4;
	char num[16];

	if (type != LDNS_RR_TYPE_RRSIG && type != LDNS_RR_TYPE_NSEC3)
		return true;
	size_t head = strlen(L->rr) - (e->len - e->tok[t].off);
	/* Last token first: the offsets of those before stay true. */
	for (size_t i = e->ntok; i-- > first; ) {
		const zf_token *k = &e->tok[i];
		const char *put = NULL;
		size_t pad = 0;
		if (type == LDNS_RR_TYPE_RRSIG && (i == first + 4 || i == first + 5) &&
		    rrsig_time(tok_text(e, i), k->len, num))
			put = num;
		else if (type == LDNS_RR_TYPE_NSEC3 && i == hashed && !k->quoted && k->len % 8)
			pad = 8 - k->len % 8;
		if ((put || pad) && !rewrite_token(L, e, h, head, i, put, pad))
			return false;
	}
	return true;
}

/* The rdata through ldns (the reference parser, for every type): a
 * ZL_RR_* code, or 1 after reporting ldns's own error. */
static int ldns_rdata(zf_file *f, const zf_entry *e, const zf_head *h, uint16_t type,
                      zl_record_spec *spec)
{
	zf_load *L = f->load;
	size_t t = h->type_tok;
	const zf_token *at = t + 1 < e->ntok ? &e->tok[t + 1] : &e->tok[t];
	ldns_rr *rr = NULL;
	zf_quoted q;

	if (e->len - e->tok[t].off > ZF_MAX_RDATA_TEXT) {
		report(f, at->line, at->col, M_TOO_LONG, ZF_MAX_RDATA_TEXT,
		       rest_excerpt(f, e, 0, NO_TOKEN, q));
		return 1;
	}
	if (!ldns_text(L, e, h) || !bind_forms(L, e, h, type))
		return ZL_RR_NOMEM;
	ldns_status st = ldns_rr_new_frm_str(&rr, L->rr, 0, f->origin_rdf, NULL);
	const char *why = st == LDNS_STATUS_OK ? ldns_rr_short(rr) : NULL;
	if (st != LDNS_STATUS_OK || why) {
		report(f, at->line, at->col, M_LDNS, why ? why : ldns_get_errorstr_by_id(st),
		       rest_excerpt(f, e, 0, t + 1, q));
		ldns_rr_free(rr);
		return 1;
	}
	spec->type = (uint16_t)ldns_rr_get_type(rr);
	spec->rclass = (uint16_t)ldns_rr_get_class(rr);
	int rc = zl_rdata_from_ldns(L->m, rr, L->rdata);
	ldns_rr_free(rr);
	return rc;
}

/* The rdata of one of zonelint's own types (rrtypes.h), kept as wire
 * data: a ZL_RR_* code, or 1 after reporting. */
static int own_rdata(zf_file *f, const zf_entry *e, const zf_head *h,
                     const zl_rrtype *own, zl_record_spec *spec)
{
	zf_load *L = f->load;
	size_t t = h->type_tok, n, len;
	const zf_token *at = t + 1 < e->ntok ? &e->tok[t + 1] : &e->tok[t];
	zf_quoted q;

	if (!rdata_tokens(L, e, t + 1, &n))
		return ZL_RR_NOMEM;
	if (!L->wire && !(L->wire = malloc(ZF_WIRE_HEAD + ZL_RREXTRA_MAX)))
		return ZL_RR_NOMEM;
	const char *why = zl_rrextra_parse(L->m, own, L->rtok, n, f->origin, L->wire, &len);
	if (why) {
		report(f, at->line, at->col, M_OWN_TYPE, own->name, why,
		       rest_excerpt(f, e, 0, t + 1, q));
		return 1;
	}
	zl_rdata_begin(L->rdata);
	zl_rdata_other(L->rdata, ZL_RDF_UNKNOWN, L->wire, len);
	spec->type = own->code;
	spec->rclass = h->has_class ? token_class(e, h->class_tok) : LDNS_RR_CLASS_IN;
	return L->rdata->overflow ? ZL_RR_TOO_BIG : ZL_RR_OK;
}

/*
 * RFC 3597 generic data (\# LENGTH HEX) of a type ldns knows, or of an
 * unknown one: the hex read here (ldns takes bad digits and any length),
 * then the wire data read as the type's fields by ldns's wire parser,
 * which must use all of it; a ZL_RR_* code, or 1 after reporting.
 */
static int generic_rdata(zf_file *f, const zf_entry *e, const zf_head *h, uint16_t type,
                         size_t n, zl_record_spec *spec)
{
	zf_load *L = f->load;
	size_t t = h->type_tok, len = 0, pos = 0;
	const zf_token *at = &e->tok[t + 1];
	ldns_rr *rr = NULL;
	char tb[16];
	zf_quoted q;

	if (!L->wire && !(L->wire = malloc(ZF_WIRE_HEAD + ZL_RREXTRA_MAX)))
		return ZL_RR_NOMEM;
	const char *why = zl_rrextra_generic(L->rtok, n, L->wire + ZF_WIRE_HEAD, &len);
	if (!why) {
		/* root owner, type, class IN, TTL 0, RDLENGTH */
		uint8_t head[ZF_WIRE_HEAD] = { 0, (uint8_t)(type >> 8), (uint8_t)type, 0, 1,
		                               0, 0, 0, 0, (uint8_t)(len >> 8), (uint8_t)len };
		memcpy(L->wire, head, sizeof(head));
		if (ldns_wire2rr(&rr, L->wire, ZF_WIRE_HEAD + len, &pos, LDNS_SECTION_ANSWER) !=
		    LDNS_STATUS_OK || pos != ZF_WIRE_HEAD + len)
			why = "the data does not hold the fields of its type";
		else
			why = ldns_rr_short(rr);
	}
	if (why) {
		const char *name = zl_type_name(type);
		if (!name)
			snprintf(tb, sizeof(tb), "TYPE%u", (unsigned)type);
		report(f, at->line, at->col, M_OWN_TYPE, name ? name : tb, why,
		       rest_excerpt(f, e, 0, t + 1, q));
		ldns_rr_free(rr);
		return 1;
	}
	spec->type = type;
	spec->rclass = LDNS_RR_CLASS_IN;
	int rc = zl_rdata_from_ldns(L->m, rr, L->rdata);
	ldns_rr_free(rr);
	return rc;
}

/* SVCB and HTTPS parameters ldns takes and BIND and Knot refuse (RFC
 * 9460; rrextra.h): true after reporting. */
static bool svcb_refused(zf_file *f, const zf_entry *e, const zf_head *h, size_t n)
{
	size_t at = 0;
	const char *why = zl_rrextra_svcb_check(f->load->rtok, n, &at);
	const zf_token *t = &e->tok[h->type_tok + 1 + at];
	char type[16];
	zf_quoted q;

	if (!why)
		return false;
	tok_copy(e, h->type_tok, type, sizeof(type));
	for (char *c = type; *c; c++)
		*c = (char)toupper((unsigned char)*c);
	report(f, t->line, t->col, M_OWN_TYPE, type, why,
	       rest_excerpt(f, e, 0, h->type_tok + 1 + at, q));
	return true;
}

/* A TXT record past what ldns reads (more than 255 strings, or text over
 * ZF_MAX_RDATA_TEXT): up to the 65,535 bytes of rdata BIND and Knot take,
 * read by zonelint's own reader and kept as wire data. */
static const zl_rrtype txt_long = { .code = ZL_TYPE_TXT, .name = "TXT", .fields = "S" };

/* The record's fields: the fast parser for the common types and forms,
 * zonelint's own reader for its own types, ldns for the rest; a ZL_RR_*
 * code, or 1 after reporting. */
static int parse_rdata(zf_file *f, const zf_entry *e, const zf_head *h,
                       uint16_t type, zl_record_spec *spec)
{
	zf_load *L = f->load;
	const zl_rrtype *own = zl_rrtype_by_code(type);
	size_t n;

	if (own)
		return own_rdata(f, e, h, own, spec);
	if (!rdata_tokens(L, e, h->type_tok + 1, &n))
		return ZL_RR_NOMEM;
	if (zl_rrextra_is_generic(L->rtok, n))
		return generic_rdata(f, e, h, type, n, spec);
	if ((type == LDNS_RR_TYPE_SVCB || type == LDNS_RR_TYPE_HTTPS) && svcb_refused(f, e, h, n))
		return 1;
	if (type == ZL_TYPE_TXT &&
	    (n > 255 || e->len - e->tok[h->type_tok].off > ZF_MAX_RDATA_TEXT))
		return own_rdata(f, e, h, &txt_long, spec);
	if (zl_fastrr_handles(type)) {
		zl_rdata_begin(L->rdata);
		if (zl_fastrr_parse(L->m, type, L->rtok, n, f->origin, L->rdata) == ZL_FAST_OK) {
			spec->type = type;
			spec->rclass = h->has_class ? token_class(e, h->class_tok)
			                            : LDNS_RR_CLASS_IN;
			return L->rdata->overflow ? ZL_RR_TOO_BIG : ZL_RR_OK;
		}
	}
	return ldns_rdata(f, e, h, type, spec);
}

/*
 * What BIND refuses before reading the rdata (true after reporting): a
 * class other than IN, the obsolete MD and MF, a record with no TTL in
 * force, a DS at the apex.
 */
static bool refused(zf_file *f, const zf_entry *e, const zf_head *h, uint16_t type)
{
	zf_load *L = f->load;
	const zf_token *tt = &e->tok[h->type_tok];
	zf_excerpt x;
	zf_quoted q;
	char name[16];

	if (h->has_class && token_class(e, h->class_tok) != LDNS_RR_CLASS_IN) {
		const zf_token *c = &e->tok[h->class_tok];
		report(f, c->line, c->col, M_CLASS, tok_excerpt(e, h->class_tok, x));
		return true;
	}
	if (type == LDNS_RR_TYPE_MD || type == LDNS_RR_TYPE_MF) {
		snprintf(name, sizeof(name), "%s", type == LDNS_RR_TYPE_MD ? "MD" : "MF");
		report(f, tt->line, tt->col, M_OBSOLETE, name);
		return true;
	}
	if (!h->has_ttl && type != ZL_TYPE_SOA && !L->have_default && !L->have_soa_min &&
	    !L->have_last) {
		report(f, e->line, e->tok[0].col, M_NO_TTL, rest_excerpt(f, e, 0, NO_TOKEN, q));
		return true;
	}
	if (type == LDNS_RR_TYPE_DS && h->owner == L->zone) {
		report(f, e->line, e->tok[0].col, M_DS_APEX, zl_name_text(h->owner));
		return true;
	}
	return false;
}

/*
 * False (after reporting) when an SOA serial or timer is a number over
 * 2^32 - 1: ldns reads it modulo 2^32 (4294967296 as 0), silently.
 */
static bool soa_numbers_fit(zf_file *f, const zf_entry *e, size_t t)
{
	static const char *const field[] = { "serial", "refresh", "retry", "expire", "minimum" };
	zf_excerpt x;

	for (size_t i = 0; i < 5 && t + 3 + i < e->ntok; i++) {
		size_t k = t + 3 + i, len = e->tok[k].len, j = 0;
		const char *s = tok_text(e, k);
		uint64_t v = 0;

		while (j < len && isdigit((unsigned char)s[j]) && v <= UINT32_MAX)
			v = v * 10 + (uint64_t)(s[j++] - '0');
		while (j < len && isdigit((unsigned char)s[j]))
			j++;
		if (j == len && v > UINT32_MAX && !e->tok[k].quoted) {
			report(f, e->tok[k].line, e->tok[k].col, M_SOA_RANGE, field[i],
			       tok_excerpt(e, k, x));
			return false;
		}
	}
	return true;
}

/* Parses the record's rdata and adds the record to the model. */
static void add_record(zf_file *f, const zf_entry *e, const zf_head *h, uint16_t type)
{
	zf_load *L = f->load;
	size_t t = h->type_tok;
	const zf_token *at = t + 1 < e->ntok ? &e->tok[t + 1] : &e->tok[t];
	zl_record_spec spec = { .owner = h->owner, .age = h->age,
	                        .file = f->index, .line = e->line };
	zf_quoted q;
	uint32_t min;
	int rc;

	if (type == ZL_TYPE_SOA && !soa_numbers_fit(f, e, t))
		return;
	if (zl_model_records_full(L->m)) {
		report(f, e->line, e->tok[0].col, M_RECORD_LIMIT, zl_model_max_records(L->m),
		       zl_name_text(L->zone));
		L->stopped = true;
		return;
	}
	if (refused(f, e, h, type))
		return;
	rc = parse_rdata(f, e, h, type, &spec);
	if (rc == ZL_RR_OK) {
		spec.ttl = h->has_ttl ? h->ttl : implicit_ttl(L, spec.type, L->rdata);
		if (h->has_ttl) {
			L->have_last = true;
			L->last_ttl = h->ttl;
		}
		if (!L->have_soa_min && spec.type == ZL_TYPE_SOA && L->rdata->count == 7 &&
		    zl_rdata_get_int(L->rdata, ZL_SOA_MINIMUM, &min)) {
			L->have_soa_min = true;
			L->soa_min = min;
		}
		if (zl_view_add_record(L->m, L->v, &spec, L->rdata) != 0)
			rc = ZL_RR_NOMEM;
		else if (spec.type == ZL_TYPE_SOA)
			L->have_soa = true;
	}
	if (rc == ZL_RR_NOMEM)
		out_of_memory(f);
	else if (rc < 0)
		report(f, at->line, at->col, M_CONVERT, zl_rr_strerror(rc),
		       rest_excerpt(f, e, 0, t + 1, q));
}

static void do_record(zf_file *f, const zf_entry *e)
{
	zf_head h;
	uint16_t type;

	if (read_head(f, e, &h) && (type = read_type(f, e, &h)) != 0)
		add_record(f, e, &h, type);
}

/* ---- directives ------------------------------------------------------------ */

/* Checks that a directive has between min and max arguments. */
static bool want_args(zf_file *f, const zf_entry *e, size_t min, size_t max,
                      const char *what)
{
	char name[16];
	zf_quoted q;

	if (!tok_copy(e, 0, name, sizeof(name)))
		snprintf(name, sizeof(name), "directive");
	if (e->ntok - 1 < min) {
		report(f, e->line, e->tok[0].col, M_ARGS, name, what);
		return false;
	}
	if (e->ntok - 1 > max) {
		report(f, e->tok[max + 1].line, e->tok[max + 1].col, M_EXTRA, name,
		       rest_excerpt(f, e, max + 1, max + 1, q));
		return false;
	}
	return true;
}

/* $TTL: the default TTL of records that give none (RFC 2308 4). */
static void dir_ttl(zf_file *f, zf_entry *e)
{
	zf_excerpt x;
	uint32_t ttl;

	if (!want_args(f, e, 1, 1, "a TTL"))
		return;
	if (!parse_ttl(tok_text(e, 1), e->tok[1].len, &ttl) || e->tok[1].quoted) {
		report(f, e->tok[1].line, e->tok[1].col, M_TTL, tok_excerpt(e, 1, x));
		return;
	}
	f->load->have_default = true;
	f->load->default_ttl = ttl;
}

/* Makes `origin` the origin of f (for owners and for ldns's rdata names). */
static bool set_origin(zf_file *f, const zl_name *origin)
{
	ldns_rdf *rdf = ldns_dname_new_frm_str(zl_name_text(origin));

	if (!rdf)
		return false;
	if (f->own_origin_rdf)
		ldns_rdf_deep_free(f->origin_rdf);
	f->origin = origin;
	f->origin_rdf = rdf;
	f->own_origin_rdf = true;
	return true;
}

/* $ORIGIN: relative names are relative to the origin in force (BIND). */
static void dir_origin(zf_file *f, zf_entry *e)
{
	zf_excerpt x;

	if (!want_args(f, e, 1, 1, "a domain name"))
		return;
	const zl_name *n = token_name(f, e, 1);
	if (!n) {
		report(f, e->tok[1].line, e->tok[1].col, M_ORIGIN, tok_excerpt(e, 1, x));
		return;
	}
	if (!set_origin(f, n))
		out_of_memory(f);
}

/* The .dns.log update logs Windows DNS Server writes beside its zones. */
static void dir_dnslog(zf_file *f, zf_entry *e)
{
	zf_excerpt x;
	zf_path_excerpt px;

	report(f, e->line, e->tok[0].col, M_DNSLOG, tok_excerpt(e, 0, x),
	       path_excerpt(f->path, px));
	f->stop = true;
	zl_view_mark_partial(f->load->v);
}

static void buf_free(zf_buf *b)
{
	if (b->size)
		munmap(b->p, b->size);
	else
		free(b->p);
	b->p = NULL;
}

/* Room for `cap` bytes: a mapping when it is big, else malloc's. */
static bool buf_alloc(zf_buf *b, size_t cap)
{
	b->size = 0;
	if (cap >= ZF_MAP_MIN) {
		void *p = mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p != MAP_FAILED) {
			b->p = p;
			b->size = cap;
			return true;
		}
	}
	b->p = malloc(cap);
	return b->p != NULL;
}

/* Doubles b's room; false when memory runs out. */
static bool buf_grow(zf_buf *b, size_t *cap)
{
	zf_buf bigger;

	if (!buf_alloc(&bigger, *cap * 2)) {
		errno = ENOMEM;
		return false;
	}
	memcpy(bigger.p, b->p, b->len);
	bigger.len = b->len;
	buf_free(b);
	*b = bigger;
	*cap *= 2;
	return true;
}

static ssize_t read_full(int fd, char *buf, size_t n);

/* Reads what fd holds, growing b when there is more than the file's size
 * said (a pipe, a file that grows as it is read). */
static int read_all(int fd, zf_buf *b, size_t cap)
{
	for (;;) {
		char probe;
		size_t room = cap - b->len - 1;
		ssize_t r = read_full(fd, b->p + b->len, room);
		if (r < 0)
			return -1;
		b->len += (size_t)r;
		if ((size_t)r < room || (r = read_full(fd, &probe, 1)) == 0)
			break;
		if (r < 0 || !buf_grow(b, &cap))
			return -1;
		b->p[b->len++] = probe;
	}
	b->p[b->len] = '\0';
	return 0;
}

static int open_regular(const char *path);

/* A NUL byte in the first 4 KiB of a file that is not UTF-16 with a
 * byte-order mark: binary data, read no further (is_binary reports it). */
static bool binary_start(const char *p, size_t len)
{
	const unsigned char *u = (const unsigned char *)p;

	return memchr(p, '\0', len < ZF_BINARY_PROBE ? len : ZF_BINARY_PROBE) &&
	       !(len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff)));
}

/*
 * Reads a whole regular file into a NUL-terminated buffer; -1 with errno
 * set (ZL_ENOTREG: a FIFO or a device, which could block forever or never
 * end).  A file whose first 4 KiB hold a NUL byte is read no further than
 * that: binary data is not loaded whole (a sparse file of terabytes).
 */
static int read_file(const char *path, zf_buf *b)
{
	int fd = open_regular(path), err = 0;
	char probe[ZF_BINARY_PROBE];
	struct stat st;
	size_t cap;
	ssize_t r;

	if (fd < 0)
		return -1;
	b->p = NULL;
	if (fstat(fd, &st) != 0 || (r = read_full(fd, probe, sizeof probe)) < 0) {
		err = errno;
		goto done;
	}
	/* binary: the probe alone is kept, for is_binary to report */
	cap = binary_start(probe, (size_t)r) ? (size_t)r + 1
	      : st.st_size > r ? (size_t)st.st_size + 1 : (size_t)r + 65536;
	if (!buf_alloc(b, cap)) {
		err = ENOMEM;
		goto done;
	}
	memcpy(b->p, probe, (size_t)r);
	b->len = (size_t)r;
	b->p[b->len] = '\0';
	if (!binary_start(probe, (size_t)r) && read_all(fd, b, cap) != 0) {
		err = errno;
		buf_free(b);
	}
done:
	close(fd);
	errno = err;
	return err ? -1 : 0;
}

/* Hands the pages of f's text already scanned back to the kernel; the
 * scan never looks back past the entry it is at. */
static void drop_scanned(zf_file *f)
{
	const zf_buf *b = f->buf;
	size_t done = (size_t)(f->p - b->p), from = f->dropped, to;
	long page;

	if (done - from < ZF_DROP_STEP || (page = sysconf(_SC_PAGESIZE)) <= 0)
		return;
	to = done / (size_t)page * (size_t)page;
	if (to > from && madvise(b->p + from, to - from, MADV_DONTNEED) == 0)
		f->dropped = to;
}

/* The folder part of path ("" when none; "/" for a file at the root). */
static size_t dir_len(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return 0;
	return slash == path ? 1 : (size_t)(slash - path);
}

/* `rel` joined to the folder of `base`, as the user would open it. */
static char *join_path(const char *base, const char *rel)
{
	size_t d = dir_len(base), r = strlen(rel);
	char *out = malloc(d + 1 + r + 1);

	if (!out)
		return NULL;
	memcpy(out, base, d);
	if (d && base[d - 1] != '/')
		out[d++] = '/';
	memcpy(out + d, rel, r + 1);
	return out;
}

/* True when some component of the relative path is "..". */
static bool has_parent_step(const char *path)
{
	for (const char *p = path; *p; ) {
		size_t n = strcspn(p, "/");
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return true;
		p += n;
		p += *p == '/';
	}
	return false;
}

/* True when the real path `real` lies inside the folder of `base`. */
static bool inside_folder(const char *base, const char *real)
{
	size_t d = dir_len(base);
	char *dir = d ? strndup(base, d) : strdup(".");
	char *rdir = dir ? realpath(dir, NULL) : NULL;
	bool ok = false;

	if (rdir) {
		size_t n = strlen(rdir);
		ok = strncmp(real, rdir, n) == 0 &&
		     (real[n] == '/' || (n == 1 && rdir[0] == '/'));
	}
	free(rdir);
	free(dir);
	return ok;
}

zl_confine zl_path_confine(const char *base, const char *arg, bool anywhere,
                           char **path, char **real)
{
	struct stat st;

	*path = *real = NULL;
	if (!anywhere && arg[0] == '/')
		return ZL_CONFINE_ABSOLUTE;
	if (!anywhere && has_parent_step(arg))
		return ZL_CONFINE_PARENT;
	*path = arg[0] == '/' ? strdup(arg) : join_path(base, arg);
	if (!*path)
		return ZL_CONFINE_NOMEM;
	*real = realpath(*path, NULL);
	if (!*real)
		return errno == ENOMEM ? ZL_CONFINE_NOMEM : ZL_CONFINE_ERRNO;
	if (stat(*real, &st) == 0 && S_ISDIR(st.st_mode)) {
		/* "." is its own folder, not a link out of it */
		free(*real);
		*real = NULL;
		errno = EISDIR;
		return ZL_CONFINE_ERRNO;
	}
	if (!anywhere && !inside_folder(base, *real)) {
		free(*real);
		*real = NULL;
		return ZL_CONFINE_LINK;
	}
	return ZL_CONFINE_OK;
}

/*
 * The path an $INCLUDE argument opens, checked: by default it must stay
 * in the including file's folder (no absolute path, no "..", no symbolic
 * link out).  *real receives its real path.  NULL after reporting.
 */
static char *include_path(zf_file *f, const zf_token *at, const char *arg, char **real)
{
	zf_path_excerpt px, px2;
	char *path;
	int err;

	switch (zl_path_confine(f->path, arg, f->load->include_anywhere, &path, real)) {
	case ZL_CONFINE_OK:
		return path;
	case ZL_CONFINE_ABSOLUTE:
		report(f, at->line, at->col, M_INC_ABSOLUTE, path_excerpt(arg, px));
		break;
	case ZL_CONFINE_PARENT:
		report(f, at->line, at->col, M_INC_PARENT, path_excerpt(arg, px),
		       path_excerpt(f->path, px2));
		break;
	case ZL_CONFINE_LINK:
		report(f, at->line, at->col, M_INC_LINK, path_excerpt(arg, px),
		       path_excerpt(f->path, px2));
		break;
	case ZL_CONFINE_ERRNO:
		err = errno;
		report(f, at->line, at->col, M_INC_OPEN, path_excerpt(path, px), strerror(err));
		break;
	case ZL_CONFINE_NOMEM:
		out_of_memory(f);
		break;
	}
	free(path);
	return NULL;
}

/* False (after reporting) when reading `real` would nest too deep or loop. */
static bool include_allowed(zf_file *f, const zf_token *at, const char *path,
                            const char *real)
{
	zf_load *L = f->load;
	zf_path_excerpt px;

	if (L->depth >= ZF_MAX_DEPTH) {
		report(f, at->line, at->col, M_INC_DEPTH, path_excerpt(path, px), ZF_MAX_DEPTH);
		return false;
	}
	for (unsigned i = 0; i <= L->depth; i++) {
		if (L->real[i] && strcmp(L->real[i], real) == 0) {
			report(f, at->line, at->col, M_INC_LOOP, path_excerpt(path, px));
			return false;
		}
	}
	return true;
}

/* Reads an included file with its own origin; the owner carries over. */
static void include_file(zf_file *f, const zf_token *at, const char *path,
                         char *real, const zl_name *origin)
{
	zf_load *L = f->load;
	zf_path_excerpt px;
	zf_buf buf;

	if (read_file(path, &buf) != 0) {
		report(f, at->line, at->col, M_INC_OPEN, path_excerpt(path, px),
		       zl_zonefile_strerror(errno));
		return;
	}
	const char *copy = zl_model_strdup(L->m, path);
	int index = copy ? zl_view_add_file(L->v, copy) : -1;
	if (index < 0) {
		report(f, at->line, at->col, M_INC_FILES, path_excerpt(path, px));
		buf_free(&buf);
		return;
	}
	L->included = true;
	zf_file c = { .load = L, .path = copy, .index = (uint16_t)index,
	              .origin = f->origin, .origin_rdf = f->origin_rdf,
	              .owner = f->owner, .line = 1 };
	if (origin != f->origin && !set_origin(&c, origin)) {
		out_of_memory(f);
		buf_free(&buf);
		return;
	}
	L->real[++L->depth] = real;
	read_text(&c, &buf);
	L->real[L->depth--] = NULL;
	if (c.own_origin_rdf)
		ldns_rdf_deep_free(c.origin_rdf);
}

/*
 * $INCLUDE file [origin] (RFC 1035 5.1): the file's records where the
 * directive stands; the origin and owner of this file are unchanged after.
 * ldns does not implement it: the path is relative to this file's folder.
 */
static void dir_include(zf_file *f, zf_entry *e)
{
	const zl_name *origin = f->origin;
	zf_token at;
	zf_excerpt x;
	char *arg, *path, *real;

	if (!want_args(f, e, 1, 2, "a file name"))
		return;
	at = e->tok[1];
	if (e->ntok == 3 && !(origin = token_name(f, e, 2))) {
		report(f, e->tok[2].line, e->tok[2].col, M_ORIGIN, tok_excerpt(e, 2, x));
		return;
	}
	if (!(arg = tok_strdup_unquoted(e, 1))) {
		out_of_memory(f);
		return;
	}
	if (!arg[0]) {
		report(f, at.line, at.col, M_ARGS, "$INCLUDE", "a file name");
	} else if ((path = include_path(f, &at, arg, &real)) != NULL) {
		/* From here on e is reused by the included file. */
		if (include_allowed(f, &at, path, real))
			include_file(f, &at, path, real, origin);
		free(real);
		free(path);
	}
	free(arg);
}

/* ---- $GENERATE ------------------------------------------------------------- */

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
	if (!parse_u32(s, (size_t)(dash - s), &g->start) ||
	    !parse_u32(dash + 1, (size_t)(stop_end - dash - 1), &g->stop))
		return false;
	if (slash && !parse_u32(slash + 1, (size_t)(s + len - slash - 1), &g->step))
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
			out_of_memory(f);
			return;
		}
		int errors = L->errors;
		c.p = c.line_start = L->gen;
		c.end = L->gen + L->gen_len;
		c.line = line;
		if (scan_entry(&c, &L->e) && !L->e.bad)
			do_record(&c, &L->e);
		if (L->errors != errors || L->stopped || g->stop - v < g->step)
			return;
	}
}

/*
 * $GENERATE range lhs [ttl] [class] type rhs (BIND): one record for each
 * value of the range, "$" in lhs and rhs replaced by the value.
 */
static void dir_generate(zf_file *f, zf_entry *e)
{
	zf_gen g = { 0 };
	zf_excerpt x;
	zf_quoted q;
	size_t t = 3;

	if (e->ntok < 5) {
		report(f, e->line, e->tok[0].col, M_ARGS, "$GENERATE",
		       "a range, an owner, a type and data");
		return;
	}
	if (!parse_range(tok_text(e, 1), e->tok[1].len, &g)) {
		report(f, e->tok[1].line, e->tok[1].col, M_GEN_RANGE, tok_excerpt(e, 1, x));
		return;
	}
	if ((g.stop - g.start) / g.step >= ZF_GENERATE_MAX) {
		report(f, e->tok[1].line, e->tok[1].col, M_GEN_SIZE, tok_excerpt(e, 1, x),
		       ZF_GENERATE_MAX);
		return;
	}
	for (int k = 0; k < 2 && t + 2 < e->ntok; k++)
		if (isdigit((unsigned char)tok_text(e, t)[0]) || token_class(e, t))
			t++;
	if (t + 1 >= e->ntok) {
		report(f, e->line, e->tok[0].col, M_ARGS, "$GENERATE",
		       "a range, an owner, a type and data");
		return;
	}
	if (!generate_templates(e, t, &g)) {
		out_of_memory(f);
		return;
	}
	f->load->gen_oom = false;
	if (generate_line(f->load, &g, g.start))
		generate_records(f, e, &g);
	else if (f->load->gen_oom)
		out_of_memory(f);
	else
		report(f, e->tok[2].line, e->tok[2].col, M_GEN_MODIFIER, rest_excerpt(f, e, 2, 2, q));
	free(g.lhs);
}

/* ---- the file ------------------------------------------------------------- */

/* Directives, alphabetical (RFC 1035 5.1, BIND; the last four are the
 * Windows .dns.log's). */
static const struct {
	const char *name;
	void (*run)(zf_file *f, zf_entry *e);
} directives[] = {
	{ "$ADD", dir_dnslog },
	{ "$DELETE", dir_dnslog },
	{ "$GENERATE", dir_generate },
	{ "$INCLUDE", dir_include },
	{ "$ORIGIN", dir_origin },
	{ "$SOURCE", dir_dnslog },
	{ "$TTL", dir_ttl },
	{ "$VERSION", dir_dnslog },
};

static void do_directive(zf_file *f, zf_entry *e)
{
	char name[16];
	zf_excerpt x;

	if (tok_copy(e, 0, name, sizeof(name)))
		for (size_t i = 0; i < sizeof(directives) / sizeof(directives[0]); i++)
			if (strcasecmp(name, directives[i].name) == 0) {
				directives[i].run(f, e);
				return;
			}
	report(f, e->line, e->tok[0].col, M_DIRECTIVE, tok_excerpt(e, 0, x));
}

/* The owner of the next line, when it names one, is handed to the model
 * as a hint (zl_view_prefetch_owner) while this entry is processed. */
static void peek_owner(const zf_file *f)
{
	const char *p = f->p;

	if (p < f->end && word_class[(uint8_t)*p] != WORD_END && *p != '$' && *p != '"')
		zl_view_prefetch_owner(f->load->m, f->load->v, p,
		                       (size_t)(scan_word(p, f->end) - p), f->origin);
}

/* The name a record of this entry points to (NS, CNAME, PTR, MX, SRV:
 * its last token), handed to the model as a hint while the owner is read.
 * The type is one of the first four tokens (owner, [AGE:N], TTL, class). */
static void peek_target(const zf_file *f, const zf_entry *e)
{
	for (size_t i = e->blank_owner ? 0 : 1; i < 4 && i + 1 < e->ntok; i++) {
		switch (common_type(e, i)) {
		case ZL_TYPE_NS: case ZL_TYPE_CNAME: case ZL_TYPE_PTR:
		case ZL_TYPE_MX: case ZL_TYPE_SRV:
			zl_view_prefetch_owner(f->load->m, f->load->v, tok_text(e, e->ntok - 1),
			                       e->tok[e->ntok - 1].len, f->origin);
			return;
		case 0:
			continue;
		default:
			return;
		}
	}
}

static void read_entries(zf_file *f)
{
	zf_entry *e = &f->load->e;

	f->line_start = f->p;
	while (scan_entry(f, e)) {
		if (f->buf)
			drop_scanned(f);
		peek_owner(f);
		peek_target(f, e);
		if (e->bad)
			continue;
		if (tok_text(e, 0)[0] == '$' && !e->tok[0].quoted)
			do_directive(f, e);
		else
			do_record(f, e);
	}
}

/* UTF-16 (with its byte-order mark removed) to UTF-8; NULL: no memory. */
static char *utf16_to_utf8(const unsigned char *s, size_t n, bool big, size_t *out_len)
{
	char *out = malloc(n / 2 * 3 + 4);
	size_t o = 0;

	if (!out)
		return NULL;
	for (size_t i = 0; i + 1 < n; i += 2) {
		uint32_t u = big ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
		if (u >= 0xd800 && u < 0xdc00 && i + 3 < n) {
			uint32_t lo = big ? (uint32_t)(s[i + 2] << 8 | s[i + 3])
			                  : (uint32_t)(s[i + 3] << 8 | s[i + 2]);
			if (lo >= 0xdc00 && lo < 0xe000) {
				u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
				i += 2;
			} else {
				u = 0xfffd;
			}
		} else if (u >= 0xd800 && u < 0xe000) {
			u = 0xfffd;                  /* a lone surrogate */
		}
		if (u < 0x80) {
			out[o++] = (char)u;
		} else if (u < 0x800) {
			out[o++] = (char)(0xc0 | u >> 6);
			out[o++] = (char)(0x80 | (u & 0x3f));
		} else if (u < 0x10000) {
			out[o++] = (char)(0xe0 | u >> 12);
			out[o++] = (char)(0x80 | (u >> 6 & 0x3f));
			out[o++] = (char)(0x80 | (u & 0x3f));
		} else {
			out[o++] = (char)(0xf0 | u >> 18);
			out[o++] = (char)(0x80 | (u >> 12 & 0x3f));
			out[o++] = (char)(0x80 | (u >> 6 & 0x3f));
			out[o++] = (char)(0x80 | (u & 0x3f));
		}
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

/*
 * The text of a file as UTF-8: a UTF-8 byte-order mark is skipped; UTF-16
 * with a mark (what Windows PowerShell's Out-File writes) is converted
 * with an info finding.  *buf may be replaced.  False: no memory.
 */
static bool decode(zf_file *f, zf_buf *b, size_t *skip)
{
	const unsigned char *u = (const unsigned char *)b->p;
	zf_path_excerpt px;

	*skip = 0;
	if (b->len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) {
		*skip = 3;
		return true;
	}
	if (b->len < 2 || !((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff)))
		return true;
	size_t n;
	char *text = utf16_to_utf8(u + 2, b->len - 2, u[0] == 0xfe, &n);
	if (!text)
		return false;
	report(f, 1, 1, M_UTF16, path_excerpt(f->path, px));
	buf_free(b);
	*b = (zf_buf){ text, n, 0 };
	return true;
}

/* A NUL byte near the start: binary data, said once for the whole file. */
static bool is_binary(zf_file *f, const char *text, size_t len)
{
	const char *nul = memchr(text, '\0', len < ZF_BINARY_PROBE ? len : ZF_BINARY_PROBE);
	zf_path_excerpt px;
	uint32_t line = 1;

	if (!nul)
		return false;
	for (const char *p = text; p < nul; p++)
		line += *p == '\n';
	report(f, line, 1, M_BINARY, path_excerpt(f->path, px));
	return true;
}

/* Reads one file's text (from read_file; freed here). */
static void read_text(zf_file *f, zf_buf *b)
{
	size_t skip;

	if (!decode(f, b, &skip)) {
		out_of_memory(f);
	} else if (!is_binary(f, b->p + skip, b->len - skip)) {
		f->p = b->p + skip;
		f->end = b->p + b->len;
		f->buf = b->size ? b : NULL;
		read_entries(f);
	}
	buf_free(b);
}

static void load_release(zf_load *L)
{
	free(L->e.text);
	free(L->e.tok);
	free(L->rr);
	free(L->rdata);
	free(L->rtok);
	free(L->wire);
	free(L->gen);
	free(L->real[0]);
}

/*
 * Views of identical text share their records (zl_view_share).  A file's
 * length and a hash of its first and last 64 KiB find a candidate, and a
 * byte-for-byte comparison of the two files confirms it (a hash could be
 * forged, and the middle is not hashed).  A forest of thousands of DCs
 * holds thousands of exports, mostly the same, each megabytes long: the
 * candidate costs two short reads, the comparison one pass over each file
 * mapped from the page cache, a window at a time, so that a file
 * identical to one already loaded is neither copied nor held whole.  A
 * file that changes while zonelint runs may escape the comparison; it is
 * then linted as the text first read.
 */
enum { ZF_CHUNK = 64 * 1024, ZF_WINDOW = 16 * 1024 * 1024 };

typedef struct zf_content {
	bool known;
	uint64_t hash;
	size_t len;
	unsigned char tail[8];      /* bytes not yet hashed (under a word) */
	size_t ntail;
} zf_content;

static void hash_word(zf_content *c, uint64_t w)
{
	c->hash = (c->hash ^ w) * 0x9e3779b97f4a7c15u;
	c->hash ^= c->hash >> 32;
}

/* Hashes 8 bytes at a time (the tail of a piece is padded). */
static void hash_bytes(zf_content *c, const unsigned char *p, size_t n)
{
	uint64_t w;

	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		hash_word(c, w);
	}
	w = 0;
	memcpy(&w, p, n);
	hash_word(c, w ^ ((uint64_t)n << 56));
}

/* Reads up to n bytes, fewer only at the end of the file; -1 on error. */
static ssize_t read_full(int fd, char *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = read(fd, buf + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

/* fd of a regular file; -1 with errno set (EISDIR, ZL_ENOTREG) for
 * anything else.  O_NONBLOCK: opening a FIFO must not wait for a writer. */
static int open_regular(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), err;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0)
		err = errno;
	else if (!S_ISREG(st.st_mode))
		err = S_ISDIR(st.st_mode) ? EISDIR : ZL_ENOTREG;
	else
		return fd;
	close(fd);
	errno = err;
	return -1;
}

const char *zl_zonefile_strerror(int err)
{
	return err == ZL_ENOTREG ? "not a regular file" : strerror(err);
}

/* Reads n bytes at `off` (fewer only at the end of the file); -1 on error. */
static ssize_t pread_full(int fd, char *buf, size_t n, off_t off)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = pread(fd, buf + got, n - got, off + (off_t)got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

/* The length and sample hash of a regular file's bytes (the first and the
 * last ZF_CHUNK); false for anything else. */
static bool hash_file(const char *path, zf_content *c)
{
	int fd = open_regular(path);
	char *buf = fd >= 0 ? malloc(ZF_CHUNK) : NULL;
	struct stat st;
	ssize_t head = -1, tail = 0;

	memset(c, 0, sizeof(*c));
	c->hash = 14695981039346656037u;
	if (buf && fstat(fd, &st) == 0 && st.st_size >= 0) {
		c->len = (size_t)st.st_size;
		head = pread_full(fd, buf, ZF_CHUNK, 0);
		/* binary data is not read whole (nor shared): read_file stops early */
		if (head > 0 && binary_start(buf, (size_t)head))
			head = -1;
		if (head >= 0)
			hash_bytes(c, (const unsigned char *)buf, (size_t)head);
		if (head >= 0 && c->len > ZF_CHUNK)
			tail = pread_full(fd, buf, ZF_CHUNK, (off_t)(c->len - ZF_CHUNK));
		if (head >= 0 && tail > 0)
			hash_bytes(c, (const unsigned char *)buf, (size_t)tail);
		hash_word(c, (uint64_t)c->len);
		c->known = head >= 0 && tail >= 0;
	}
	free(buf);
	if (fd >= 0)
		close(fd);
	return c->known;
}

/* True when `len` bytes at `off` of two files are the same: both mapped
 * from the page cache (MAP_POPULATE: in one call, not a fault a page). */
static bool same_window(int fa, int fb, off_t off, size_t len)
{
	void *a = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fa, off);
	void *b = a != MAP_FAILED ? mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_POPULATE,
	                                 fb, off) : MAP_FAILED;
	bool same = b != MAP_FAILED && memcmp(a, b, len) == 0;

	if (a != MAP_FAILED)
		munmap(a, len);
	if (b != MAP_FAILED)
		munmap(b, len);
	return same;
}

/* True when two regular files hold the same bytes. */
static bool same_files(const char *a, const char *b)
{
	int fa = open_regular(a), fb = open_regular(b);
	struct stat sa, sb;
	bool same = fa >= 0 && fb >= 0 && fstat(fa, &sa) == 0 && fstat(fb, &sb) == 0 &&
	            sa.st_size == sb.st_size;

	for (off_t off = 0; same && off < sa.st_size; off += ZF_WINDOW) {
		off_t left = sa.st_size - off;
		same = same_window(fa, fb, off, left < ZF_WINDOW ? (size_t)left : ZF_WINDOW);
	}
	if (fa >= 0)
		close(fa);
	if (fb >= 0)
		close(fb);
	return same;
}

/* Reads the text of view v's own file (b, consumed); `c`, when known, is
 * the file's content, noted for later views when it is fit to share. */
static int load_text(zl_model *m, zl_view *v, const zl_zonefile_options *o, zf_buf *b,
                     const zf_content *c)
{
	zf_load L = { .m = m, .v = v, .zone = zl_zone_name(zl_view_zone(v)),
	              .include_anywhere = o && o->include_anywhere };
	zf_file f = { .load = &L, .path = zl_view_file(v), .index = 0,
	              .origin = L.zone, .line = 1 };
	size_t problems = zl_model_problem_count(m), raw = b->len;

	L.real[0] = realpath(f.path, NULL);
	L.rdata = malloc(sizeof(*L.rdata));
	if (L.rdata && set_origin(&f, L.zone)) {
		read_text(&f, b);
		ldns_rdf_deep_free(f.origin_rdf);
	} else {
		out_of_memory(&f);
		buf_free(b);
	}
	if (c && c->known && c->len == raw && !L.included &&
	    zl_model_problem_count(m) == problems)
		zl_view_set_content(v, c->hash, c->len);
	load_release(&L);
	return 0;
}

int zl_zonefile_load(zl_model *m, zl_view *v, const zl_zonefile_options *o)
{
	const char *path = zl_view_file(v);
	const zl_view *same;
	zf_content c;
	zf_buf b;

	if (hash_file(path, &c) &&
	    (same = zl_model_view_by_content(m, zl_view_zone(v), c.hash, c.len)) &&
	    same_files(path, zl_view_file(same)) && zl_view_share(m, v, same) == 0)
		return 0;
	if (read_file(path, &b) != 0)
		return -1;
	return load_text(m, v, o, &b, &c);
}

int zl_zonefile_load_text(zl_model *m, zl_view *v, const char *text, size_t len,
                          const zl_zonefile_options *o)
{
	zf_buf b;

	if (!buf_alloc(&b, len + 1)) {
		errno = ENOMEM;
		return -1;
	}
	memcpy(b.p, text, len);
	b.p[len] = '\0';
	b.len = len;
	return load_text(m, v, o, &b, NULL);
}
