/*
 * lint/writers/writers.h - turning sorted findings into a report, and the
 * rule registry into lists (private).  Every `-f` format is one row of
 * zl_writers (name, function, flags) and every writer has one signature,
 * as git's command table: main.c picks the row by name and does what the
 * flags say.  Writers read zl_results and, through the options, the
 * engine's rule table; only the HTML and DOT writers, which draw the
 * forest, also read the model (through include/zonelint/model.h).
 */
#ifndef ZL_WRITERS_H
#define ZL_WRITERS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "engine.h"
#include "utf8.h"

/* What a writer is given besides the findings and the model; a NULL
 * zl_write_options means all zero, except for the SARIF writer, which
 * needs `engine`.  Each writer reads the fields its row's flags name. */
typedef struct zl_write_options {
	const zl_engine *engine;  /* the rule registry (SARIF's tool.driver.rules);
	                           * ref only */
	bool color;               /* text: ANSI colour on the severity word and [rule] */
	bool verbose;             /* text, -v: print the findings that follow from
	                           * another too, instead of one `also:` line */
	/* sarif, beyond the findings (docs/editors.md): */
	const char *info_uri;     /* tool.driver.informationUri; NULL: left out */
	const char *base_dir;     /* the absolute working directory: absolute
	                           * paths below it become relative URIs; NULL:
	                           * absolute paths stay file: URIs */
} zl_write_options;

/* One `-f` format: the report of r (and of m, for a writer that draws the
 * forest) onto out; 0, or -1 on a write error or when memory runs out. */
typedef int zl_writer_fn(FILE *out, const zl_results *r, const zl_model *m,
                         const zl_write_options *o);

/* What the caller does for a writer, once, by its row's flags. */
enum {
	ZL_WRITER_MODEL = 1 << 0,    /* it draws the forest: gets the model (the
	                              * others get NULL) */
	ZL_WRITER_RULES = 1 << 1,    /* it lists the rules: gets the engine */
	ZL_WRITER_COLOR = 1 << 2,    /* --color applies to it */
	ZL_WRITER_BASE_DIR = 1 << 3, /* gets the working directory, which paths
	                              * are written relative to */
	ZL_WRITER_SUMMARY = 1 << 4,  /* the summary line and what was not checked
	                              * follow on standard error, and -q writes
	                              * nothing at all on a clean run */
};

/* One row of the table. */
typedef struct zl_writer {
	const char *name;         /* what -f takes */
	zl_writer_fn *write;
	unsigned flags;           /* ZL_WRITER_* */
	/* --list-rules in this format; NULL: --list-rules refuses it */
	int (*list_rules)(FILE *out, const zl_engine *e);
	const char *no_list_why;  /* NULL, or what the refusal adds: " (...)" */
} zl_writer;

/* Every `-f` format, in the order --help and the messages name them; the
 * first is the default (text); a row with a NULL name ends it. */
extern const zl_writer zl_writers[];

/* The row whose name is `name`, or NULL. */
const zl_writer *zl_writer_find(const char *name);
/* "text, json, ...": every row's name, as the messages list them, into
 * buf (cut short when it is too small); returns buf. */
const char *zl_writer_names(char *buf, size_t size);

/* Compiler-style lines with note:/fix: lines under each; 0 or -1 on a
 * write error. */
int zl_write_text(FILE *out, const zl_results *r, const zl_model *m,
                  const zl_write_options *o);
/* The one-line summary (text format, on stderr). */
int zl_write_summary(FILE *out, const zl_results *r);
/* One line per summary.not_checked entry, for after the summary line. */
int zl_write_not_checked(FILE *out, const zl_results *r);
/* "RULE, RULE": the distinct rule ids of f's followers, in order of
 * appearance, into buf; returns buf. */
const char *zl_follower_rules(const zl_finding *f, char *buf, size_t size);
/* `-f ps1`: the fix plan, every distinct command once by the server it
 * acts on (ps1.c); nothing at all when there is nothing to fix. */
int zl_write_ps1(FILE *out, const zl_results *r, const zl_model *m,
                 const zl_write_options *o);
/* One JSON document as SPEC 4, the findings streamed one at a time. */
int zl_write_json(FILE *out, const zl_results *r, const zl_model *m,
                  const zl_write_options *o);

struct json_t;
/*
 * Writes `doc` as json_dumpf(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER)
 * does, with the empty array under `key` (whose items sit at `depth`)
 * filled with n items made one at a time by item(ctx, i) and freed once
 * written: the same bytes as the whole document, without a tree of every
 * finding in memory (a million findings took 5 GB as one tree).  -1 on a
 * write error, or when an item cannot be made (no memory).
 */
int zl_json_write_streamed(FILE *out, struct json_t *doc, const char *key,
                           unsigned depth, size_t n,
                           struct json_t *(*item)(void *ctx, size_t i), void *ctx);

/* One SARIF 2.1.0 log with one run; tool.driver.rules are o->engine's
 * rules (o and its engine are required). */
int zl_write_sarif(FILE *out, const zl_results *r, const zl_model *m,
                   const zl_write_options *o);

/* The report people open (html.c): one self-contained HTML5 file with the
 * summary, the replication graph as inline SVG (laid out by Graphviz),
 * findings by server and by rule, and the forest's servers.  The only
 * writers that read the model too (docs/report.md). */
int zl_write_html(FILE *out, const zl_results *r, const zl_model *m,
                  const zl_write_options *o);
/* Its "Zone settings" section (html_settings.c): per zone, its settings on
 * each hosting DNS server side by side, differing cells marked. */
void zl_html_settings(FILE *out, const zl_model *m);
/* The same replication graph as Graphviz DOT text (dot.c). */
int zl_write_dot(FILE *out, const zl_results *r, const zl_model *m,
                 const zl_write_options *o);
/* Copies `in` to out as HTML text: & < > " ' as references, control
 * characters and bytes that are not UTF-8 as \xHH; -1 on a write error. */
int zl_html_escape(FILE *out, const char *in);

/* --list-rules: an aligned table, or a JSON array of {id, pack, severity,
 * summary}; rules in id order (rule_list.c). */
int zl_write_rules_text(FILE *out, const zl_engine *e);
int zl_write_rules_json(FILE *out, const zl_engine *e);


#endif
