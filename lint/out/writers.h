/*
 * lint/out/writers.h - turning sorted findings into text, JSON or SARIF,
 * and the rule registry into lists (private).  Writers read zl_results
 * and the engine's rule table; only the HTML and DOT writers, which draw
 * the forest, also read the model (through include/zonelint/model.h).
 */
#ifndef ZL_WRITERS_H
#define ZL_WRITERS_H

#include <stdio.h>

#include "engine.h"

/* How text is written; a NULL zl_text_options means all false. */
typedef struct zl_text_options {
	bool color;               /* ANSI colour on the severity word and [rule] */
} zl_text_options;

/* Compiler-style lines with note:/fix: lines under each; 0 or -1 on a
 * write error. */
int zl_write_text(FILE *out, const zl_results *r, const zl_text_options *o);
/* The one-line summary (text format, on stderr). */
int zl_write_summary(FILE *out, const zl_results *r);
/* One line per summary.not_checked entry, for after the summary line. */
int zl_write_not_checked(FILE *out, const zl_results *r);
/* One JSON document as SPEC 4. */
int zl_write_json(FILE *out, const zl_results *r);

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
 * escapes shown as \xHH, so zone data cannot drive the user's terminal. */
void zl_escape_text(const char *in, char *out, size_t size);

#endif
