/*
 * lint/sources/zonefile/zonefile_int.h - the parts of the zone file loader
 * (private to lint/sources/zonefile/).
 *
 * The loader splits the file into entries itself (RFC 1035 5.1: an entry
 * is one line, or several inside parentheses; ';' starts a comment outside
 * quotes; '\' escapes the next character), resolves owners, TTLs and
 * directives the way BIND 9 does, and hands ldns one normalised record at a
 * time, "@ TTL CLASS TYPE RDATA", so that ldns only parses rdata.  ldns's
 * own file reader is not used: it drops a second SOA, knows neither
 * $INCLUDE nor $GENERATE, and mis-reads directives followed by CRLF.
 *
 * Nothing is allocated per record: the entry, the text given to ldns and
 * the $GENERATE line are buffers of zf_load reused for the whole load.
 *
 *   zonefile.c   the entry points: a view's file, entry by entry
 *   input.c      reading a file (big ones into a mapping), its encoding
 *   content.c    the content hash and comparison that let views share
 *   token.c      splitting the text into entries and tokens
 *   value.c      TTLs, numbers, names, classes and types of tokens
 *   record.c     a record entry: owner, TTL, class, type, into the model
 *   rdata.c      a record's data: fastrr.c, zonelint's own types, ldns
 *   directive.c  $ORIGIN, $TTL, the directive table
 *   include.c    $INCLUDE and the confinement of paths input files name
 *   generate.c   $GENERATE
 *   report.c     the loader's messages and how input is quoted in them
 */
#ifndef ZL_ZONEFILE_INT_H
#define ZL_ZONEFILE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <ldns/ldns.h>

#include "sources/fastrr.h"
#include "sources/rr_convert.h"
#include "sources/zonefile.h"

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

#define NO_TOKEN SIZE_MAX   /* zf_rest_excerpt: the fault is no token's */

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

/* Room for a quote of the input (zf_tok_excerpt), of a path
 * (zf_path_excerpt_of), of a record's text (zf_rest_excerpt). */
typedef char zf_excerpt[4 * ZF_EXCERPT + 4];
typedef char zf_path_excerpt[4 * ZF_PATH_EXCERPT + 4];
typedef char zf_quoted[4 * ZF_EXCERPT + 80];

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

/* A file's length and the hash of its first and last ZF_CHUNK bytes
 * (content.c). */
typedef struct zf_content {
	bool known;
	uint64_t hash;
	size_t len;
	unsigned char tail[8];      /* bytes not yet hashed (under a word) */
	size_t ntail;
} zf_content;

static inline const char *tok_text(const zf_entry *e, size_t i)
{
	return e->text + e->tok[i].off;
}

/* zonefile.c: reads one file's text (from zf_read_file; freed here). */
void zf_read_text(zf_file *f, zf_buf *b);

/* input.c */
void zf_buf_free(zf_buf *b);
bool zf_buf_alloc(zf_buf *b, size_t cap);
bool zf_binary_start(const char *p, size_t len);
int zf_read_file(const char *path, zf_buf *b);
void zf_drop_scanned(zf_file *f);
bool zf_decode(zf_file *f, zf_buf *b, size_t *skip);
bool zf_is_binary(zf_file *f, const char *text, size_t len);

/* content.c */
bool zf_hash_file(const char *path, zf_content *c);
bool zf_same_files(const char *a, const char *b);

/* token.c */
bool zf_reserve(char **buf, size_t *cap, size_t need);
bool zf_scan_entry(zf_file *f, zf_entry *e);
bool zf_tok_copy(const zf_entry *e, size_t i, char *buf, size_t size);
void zf_peek_owner(const zf_file *f);

/* value.c */
bool zf_parse_ttl(const char *s, size_t len, uint32_t *out);
bool zf_parse_u32(const char *s, size_t len, uint32_t *out);
bool zf_parse_age(const char *s, size_t len, uint32_t *out);
const zl_name *zf_token_name(zf_file *f, const zf_entry *e, size_t i);
uint16_t zf_token_class(const zf_entry *e, size_t i);
uint16_t zf_common_type(const zf_entry *e, size_t i);

/* record.c */
void zf_do_record(zf_file *f, const zf_entry *e);

/* rdata.c */
int zf_parse_rdata(zf_file *f, const zf_entry *e, const zf_head *h,
                   uint16_t type, zl_record_spec *spec);

/* directive.c */
bool zf_want_args(zf_file *f, const zf_entry *e, size_t min, size_t max,
                  const char *what);
bool zf_set_origin(zf_file *f, const zl_name *origin);
void zf_do_directive(zf_file *f, zf_entry *e);

/* include.c, generate.c */
void zf_dir_include(zf_file *f, zf_entry *e);
void zf_dir_generate(zf_file *f, zf_entry *e);

/* report.c */
void zf_report(zf_file *f, uint32_t line, uint32_t col, zf_msg id, ...);
void zf_out_of_memory(zf_file *f);
const char *zf_path_excerpt_of(const char *path, zf_path_excerpt out);
const char *zf_tok_excerpt(const zf_entry *e, size_t i, zf_excerpt out);
const char *zf_rest_excerpt(const zf_file *f, const zf_entry *e, size_t from,
                            size_t failed, zf_quoted out);

#endif
