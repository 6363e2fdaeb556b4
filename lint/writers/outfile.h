/*
 * lint/writers/outfile.h - `-o FILE`: where a report goes when it does not go
 * to standard output (docs/user-guide.md, "Output").
 *
 * A regular file, or a name where nothing is yet, is written to a
 * temporary file in the same folder and renamed over it once complete, so
 * an interrupted run never leaves half a report and a reader never sees
 * one.  Anything else (a character device such as /dev/null, a FIFO, a
 * terminal) is opened and written in place: renaming a file over it would
 * replace the device with a regular file.  A symbolic link is followed
 * first, so its target is written and the link stays.
 */
#ifndef ZL_OUTFILE_H
#define ZL_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct zl_outfile zl_outfile;

/*
 * Says, before an audit that may take long, whether `path` can be written
 * (the same checks as the open, nothing created).  Returns 0, or -1 with
 * the reason in `why`.
 */
int zl_outfile_check(const char *path, char *why, size_t size);

/*
 * Opens `path` for writing into *out.  Returns 0, or -1 with *out NULL and
 * the reason in `why` (naming the path): a folder, a path through
 * something that is not a folder, a folder that may not be written, a
 * loop of links.
 */
int zl_outfile_open(zl_outfile **out, const char *path, char *why, size_t size);

/* The stream to write the report to; borrowed, valid until the close. */
FILE *zl_outfile_stream(zl_outfile *f);

/*
 * Finishes the file and frees f.  With `keep`, flushes it to the disk
 * and, for a regular file, renames it into place; returns -1 with the
 * reason in `why` when that fails (the old file is then left as it was).
 * Without `keep` (the run failed, or there is nothing to write), the
 * temporary file is removed and the target is not touched; returns 0.
 */
int zl_outfile_close(zl_outfile *f, bool keep, char *why, size_t size);

#endif
