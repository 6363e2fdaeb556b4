/*
 * lint/draft.h - `--draft-inventory DIR`: a first inventory drafted from
 * the DNS servers' zone exports (docs/draft-inventory.md).
 *
 * DIR holds one folder per DNS server, named by its host name, with that
 * server's `dnscmd /ZoneExport` files (*.dns).  Each file is read by the
 * zone loader (sources/zonefile.c) into a view of a scratch model; the
 * forest, domains, servers, roles, sites, DSA GUIDs and zones are then
 * read off the records AD registers (MS-ADTS 6.3.2.3), and the draft is
 * written as a v1 inventory with `partial: true`, every inferred value
 * followed by a comment naming the export and line it came from.  The
 * parts are in lint/draft/ (draft_int.h).
 */
#ifndef ZL_DRAFT_H
#define ZL_DRAFT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Drafts the inventory of the exports in `dir` onto `out`.  Paths to the
 * exports are written relative to the folder `base` (an existing folder),
 * or, with base NULL, as `dir` was given joined with the server folder and
 * the file name.  Problems of the exports that still let them load (a
 * record that does not parse) are printed on `diag` as warnings.
 *
 * Returns 0, or -1 with a located message in why: dir missing or not a
 * folder, a server folder without *.dns files, a file that cannot be
 * read, no AD domain in any export, out of memory.
 */
int zl_draft_inventory(FILE *out, FILE *diag, const char *dir, const char *base,
                       char *why, size_t size);

/*
 * The whole option: drafts, then writes to stdout (output NULL) or to the
 * file `output`, paths relative to the output's folder.  A regular file
 * already at `output` is not replaced (it may hold a reviewed inventory);
 * a device or FIFO is written in place.  Returns 0 or -1 with why.
 */
int zl_draft_write(const char *dir, const char *output, FILE *diag, char *why,
                   size_t size);

/* ---- the pieces, for the tests ------------------------------------------ */

/*
 * The zone a Windows export names in its header comment
 * (";  Database file X.dns for X zone." or "... for Default zone scope in
 * zone X."), copied into name without a trailing dot; *line is the
 * header's line.  `text` is the start of the file (UTF-8 or UTF-16LE with
 * its byte-order mark).  False when no such header is found.
 */
bool zl_draft_header_zone(const char *text, size_t len, char *name, size_t size,
                          unsigned *line);

/*
 * `text` as a YAML scalar: plain when YAML reads it back as that text,
 * else double-quoted with escapes.  Returns buf (truncated to size).
 */
char *zl_draft_yaml_scalar(const char *text, char *buf, size_t size);

/*
 * The path of `target` relative to the folder `from`, both absolute and
 * without "." or ".." components ("/a/b", "/a/c/f" -> "../c/f").
 * Returns buf, or NULL when it does not fit.
 */
char *zl_draft_relative_path(const char *from, const char *target, char *buf,
                             size_t size);

#endif
