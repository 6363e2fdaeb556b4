/*
 * lint/out/writers.h - turning sorted findings into text or JSON (private).
 * Writers read zl_results only; they never see the model.
 */
#ifndef ZL_WRITERS_H
#define ZL_WRITERS_H

#include <stdio.h>

#include "engine.h"

/* Compiler-style lines with note:/fix: lines under each; 0 or -1 on a
 * write error. */
int zl_write_text(FILE *out, const zl_results *r);
/* The one-line summary (text format, on stderr). */
int zl_write_summary(FILE *out, const zl_results *r);
/* One JSON document as SPEC 4. */
int zl_write_json(FILE *out, const zl_results *r);

/* Copies `in` to `out` (size bytes) with control characters and terminal
 * escapes shown as \xHH, so zone data cannot drive the user's terminal. */
void zl_escape_text(const char *in, char *out, size_t size);

#endif
