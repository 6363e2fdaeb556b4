/*
 * lint/writers/writers.h - turning sorted findings into text, JSON or SARIF,
 * and the rule registry into lists (private).  Writers read zl_results
 * and the engine's rule table; only the HTML and DOT writers, which draw
 * the forest, also read the model (through include/zonelint/model.h).
 */
#ifndef ZL_WRITERS_H
#define ZL_WRITERS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "engine.h"

/* How text is written; a NULL zl_text_options means all false. */
typedef struct zl_text_options {
	bool color;               /* ANSI colour on the severity word and [rule] */
	bool verbose;             /* -v: print the findings that follow from
	                           * another too, instead of one `also:` line */
} zl_text_options;

/* Compiler-style lines with note:/fix: lines under each; 0 or -1 on a
 * write error. */
int zl_write_text(FILE *out, const zl_results *r, const zl_text_options *o);
/* The one-line summary (text format, on stderr). */
int zl_write_summary(FILE *out, const zl_results *r);
/* One line per summary.not_checked entry, for after the summary line. */
int zl_write_not_checked(FILE *out, const zl_results *r);
/* "RULE, RULE": the distinct rule ids of f's followers, in order of
 * appearance, into buf; returns buf. */
const char *zl_follower_rules(const zl_finding *f, char *buf, size_t size);
/* `-f ps1`: the fix plan, every distinct command once by the server it
 * acts on (ps1.c); nothing at all when there is nothing to fix. */
int zl_write_ps1(FILE *out, const zl_results *r);
/* One JSON document as SPEC 4, the findings streamed one at a time. */
int zl_write_json(FILE *out, const zl_results *r);

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

/* What a SARIF log says beyond the findings (docs/editors.md). */
typedef struct zl_sarif_options {
	const char *info_uri;     /* tool.driver.informationUri; NULL: left out */
	const char *base_dir;     /* the absolute working directory: absolute
	                           * paths below it become relative URIs; NULL:
	                           * absolute paths stay file: URIs */
} zl_sarif_options;

/* One SARIF 2.1.0 log with one run; tool.driver.rules are e's rules. */
int zl_write_sarif(FILE *out, const zl_results *r, const zl_engine *e,
                   const zl_sarif_options *o);

/* The report people open (html.c): one self-contained HTML5 file with the
 * summary, the replication graph as inline SVG (laid out by Graphviz),
 * findings by server and by rule, and the forest's servers.  The only
 * writers that read the model too (docs/report.md). */
int zl_write_html(FILE *out, const zl_results *r, const zl_model *m);
/* Its "Zone settings" section (html_settings.c): per zone, its settings on
 * each hosting DNS server side by side, differing cells marked. */
void zl_html_settings(FILE *out, const zl_model *m);
/* The same replication graph as Graphviz DOT text (dot.c). */
int zl_write_dot(FILE *out, const zl_results *r, const zl_model *m);
/* Copies `in` to out as HTML text: & < > " ' as references, control
 * characters and bytes that are not UTF-8 as \xHH; -1 on a write error. */
int zl_html_escape(FILE *out, const char *in);

/* --list-rules: an aligned table, or a JSON array of {id, pack, severity,
 * summary}; rules in id order. */
int zl_write_rules_text(FILE *out, const zl_engine *e);
int zl_write_rules_json(FILE *out, const zl_engine *e);

/* Copies `in` to `out` (size bytes) with control characters and terminal
 * escapes shown as \xHH, so zone data cannot drive the user's terminal;
 * so too bytes that are not UTF-8 and what zl_shown_as_bytes names. */
void zl_escape_text(const char *in, char *out, size_t size);

/* Length of the valid UTF-8 sequence at p and its code point in *cp, or 0
 * when it is not one (overlong forms and surrogates are not, RFC 3629 4). */
size_t zl_utf8_next(const unsigned char *p, uint32_t *cp);

/*
 * Code points every writer shows as their bytes (\xHH), never as
 * themselves: C0 and C1 controls and DEL (ESC and BEL drive terminals, as
 * does NEL U+0085), the line and paragraph separators U+2028 and U+2029,
 * and the bidirectional formatting characters (Unicode UAX #9: U+061C,
 * U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), which reorder what
 * a reader sees ("Trojan Source", CVE-2021-42574).
 */
bool zl_shown_as_bytes(uint32_t c);

/* Length of the character at p when a writer may copy it as it is, else
 * 0 (not UTF-8, or zl_shown_as_bytes; '\n' is kept when keep_newline). */
size_t zl_visible_len(const unsigned char *p, bool keep_newline);

#endif
