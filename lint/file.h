/*
 * lint/file.h - opening and reading the files zonelint is given (private).
 *
 * Only regular files are opened: a FIFO or a device named where a file is
 * expected (an inventory, a zone file, a baseline) could block forever or
 * never end, and O_NONBLOCK keeps even the open from waiting for a writer.
 */
#ifndef ZL_FILE_H
#define ZL_FILE_H

#include <errno.h>
#include <stddef.h>
#include <sys/types.h>

#include "status.h"

/* errno for a path that is not a regular file (a FIFO, a device). */
#define ZL_ENOTREG ENODEV

/* fd of the regular file at path; -1 with errno set (EISDIR, ZL_ENOTREG
 * for anything but a regular file). */
int zl_file_open_regular(const char *path);

/* strerror, with "not a regular file" for ZL_ENOTREG. */
const char *zl_file_strerror(int err);

/*
 * The whole regular file at path into *out (NUL-terminated, *len bytes
 * without the NUL; the caller frees it): at most the size the file had
 * when opened.  ZL_EREAD with errno set when it cannot be opened or read,
 * is not a regular file, or is over `max` bytes (EFBIG).
 */
zl_status zl_file_read(const char *path, size_t max, char **out, size_t *len);

/* Up to n bytes of fd into buf, fewer only at the end of the file: from
 * the file's position when off is negative, else from off (the position
 * unmoved); -1 with errno set on an error. */
ssize_t zl_file_read_full(int fd, char *buf, size_t n, off_t off);

#endif
