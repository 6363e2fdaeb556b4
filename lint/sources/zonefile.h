/*
 * lint/sources/zonefile.h - RFC 1035 master files into a view (private).
 *
 * Reads BIND-style zone files and Windows DNS Server exports (dnscmd
 * /ZoneExport, Export-DnsServerZone) as they are: CRLF, [AGE:N] aging
 * stamps, WINS/WINSR records, UTF-16 with a byte-order mark.  Directives:
 * $ORIGIN, $TTL, $INCLUDE, $GENERATE.  Records are parsed one by one, so
 * every record reaches the rules (a second SOA included): the common types
 * by fastrr.c, the others (and anything unusual) by ldns.
 *
 * A view whose file is byte for byte the same as an earlier view's of the
 * same zone shares that view's records (zl_view_share); a big file's pages
 * are handed back to the kernel as they are scanned.
 */
#ifndef ZL_ZONEFILE_H
#define ZL_ZONEFILE_H

#include <errno.h>
#include <stdbool.h>

#include "file.h"
#include "model_int.h"
#include "status.h"

typedef struct zl_zonefile_options {
	bool include_anywhere;   /* $INCLUDE may leave the including file's folder */
} zl_zonefile_options;

/*
 * Loads the file of view v (zl_view_file(v)) as zone
 * zl_zone_name(zl_view_zone(v)); o may be NULL for the defaults.
 *
 * Problems are recorded in m: ZL_SOURCE_ZONE_SYNTAX (error, unusable) for
 * what does not parse, ZL_SOURCE_ZONE_WINDOWS_TYPE (info) for skipped
 * Windows-only record types and UTF-16 text; each names the zone.  Records
 * after a fault are still loaded.
 *
 * Returns ZL_OK when the file was read (even with syntax errors), ZL_EREAD
 * when it could not be opened or read (errno is set; nothing is recorded:
 * the caller reports the missing file).
 */
zl_status zl_zonefile_load(zl_model *m, zl_view *v, const zl_zonefile_options *o);

/*
 * The same with the text of the view's file given in memory (`len`
 * bytes, not NUL-terminated; an in-memory entry point for fuzzing and
 * tests).  $INCLUDE paths are still relative to zl_view_file(v).  Returns
 * ZL_ENOMEM (errno ENOMEM) only when memory runs out.
 */
zl_status zl_zonefile_load_text(zl_model *m, zl_view *v, const char *text, size_t len,
                                const zl_zonefile_options *o);

/* strerror, with "not a regular file" for ZL_ENOTREG, the errno of
 * zl_zonefile_load for a path that is not a regular file (a FIFO, a
 * device: reading one may block forever or never end; file.h). */
const char *zl_zonefile_strerror(int err);

/* Where a path named by a file leads (zl_path_confine). */
typedef enum zl_confine {
	ZL_CONFINE_OK,        /* *path and *real set */
	ZL_CONFINE_ABSOLUTE,  /* an absolute path */
	ZL_CONFINE_PARENT,    /* a ".." step */
	ZL_CONFINE_LINK,      /* a symbolic link out of the folder; *path set */
	ZL_CONFINE_ERRNO,     /* realpath failed (errno set); *path set */
	ZL_CONFINE_NOMEM,
} zl_confine;

/*
 * The one confinement rule of paths named by input files ($INCLUDE, and
 * the inventory's `file` and `views`): `arg` is joined to the folder of
 * `base` (the file that names it) into *path, and unless `anywhere`
 * (--include-anywhere) it must stay in that folder: no absolute path, no
 * ".." step, no symbolic link leading out (checked on *real, its real
 * path).  Untrusted input must not make the audit read, and so quote,
 * files elsewhere (/etc/shadow into a public CI log).  The caller frees
 * *path and *real (either may be NULL).
 */
zl_confine zl_path_confine(const char *base, const char *arg, bool anywhere,
                           char **path, char **real);

#endif
