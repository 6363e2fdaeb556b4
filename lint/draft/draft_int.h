/*
 * lint/draft/draft_int.h - the parts of --draft-inventory (private to
 * lint/draft/; the interface is lint/draft.h).
 *
 *   exports.c  DIR's server folders and their *.dns files, each loaded by
 *              the zone loader into a view of a scratch model; copies of a
 *              zone compared by their records, the `file` copy chosen
 *   infer.c    what the records AD registers say: domains, forest, roles,
 *              sites, DSA GUIDs
 *   write.c    the draft as commented YAML, through one quoting helper
 *   draft.c    the whole run, and -o
 */
#ifndef ZL_DRAFT_INT_H
#define ZL_DRAFT_INT_H

#include <stdint.h>
#include <stdio.h>

#include "draft.h"
#include "model_int.h"
#include "namemap.h"
#include "vec.h"

enum {
	HEADER_BYTES = 4096,          /* the header comment is in the first lines */
	HEADER_LINES = 12,
	MAX_LABELS = 128,             /* a name of 255 octets has at most 127 */
	MAX_SITES = 8,                /* sites listed for one server */
	COMMENT_COLUMN = 40,
	MAX_WARNINGS = 20,            /* load problems printed */
	GUID_LEN = 36,
};

/* Where a value was read: an export and a line (0: its file name). */
typedef struct source {
	const struct export *x;       /* NULL: nowhere */
	uint32_t line;
} source;

typedef struct export {
	char *path;                   /* as opened: DIR/folder/file */
	char *rel;                    /* folder/file: for comments */
	size_t server;                /* index in servers */
	const zl_name *zone;
	uint32_t named_line;          /* header line naming the zone; 0: file name */
	zl_view *view;
	uint64_t sum[2];              /* of the records' hashes: the content */
	size_t records;
	size_t same_as;               /* first export of the zone with these records */
} export;

typedef struct site_seen {
	const char *text;             /* lower case, as interned */
	source from;
} site_seen;

enum { ROLE_DC, ROLE_GC, ROLE_PDC, ROLE_COUNT };

typedef struct server {
	const zl_name *name;
	char *folder;                 /* the folder's name on disk */
	size_t first_export, nexports;    /* its exports, in exports */
	bool role[ROLE_COUNT];
	source role_from[ROLE_COUNT];
	site_seen sites[MAX_SITES];
	size_t nsites;
	char guid[GUID_LEN + 1];
	source guid_from;
	char other_guid[GUID_LEN + 1];    /* a second GUID CNAME to it */
	source other_guid_from;
} server;

typedef struct zone_entry {
	const zl_name *name;
	VEC(size_t) exports;          /* by server name */
	size_t file;                  /* the export written as `file` */
	size_t copies;                /* exports holding the same records as it */
} zone_entry;

typedef struct fact {
	const zl_name *name;
	source from;
	size_t order;                 /* when it was found */
} fact;

/* A site name as the export spells it ("HQ"; names are interned lower case). */
typedef struct site_case {
	const char *lower;
	char *text;
} site_case;

typedef struct draft {
	zl_model *m;
	const char *dir;
	const char *base;             /* NULL: paths as dir is given */
	char *dir_real, *base_real;
	FILE *out, *diag;
	char *why;
	size_t size;
	bool failed;
	VEC(server) servers;          /* sorted by name */
	VEC(export) exports;          /* server by server, files sorted */
	VEC(zone_entry) zones;        /* canonical DNS order */
	zl_namemap zone_index;        /* zone name -> index + 1, while grouping */
	zl_namemap unlisted_seen;     /* names already in unlisted */
	VEC(fact) domains;
	VEC(fact) gc_owners;
	VEC(fact) unlisted;           /* SRV/CNAME targets with no folder */
	VEC(site_case) site_cases;
	const zl_name *forest;
	source forest_from;
	const char *forest_reason;
	long line_start;              /* offset of the line being written */
} draft;

/* Records a failure (the first one's message is kept); returns -1. */
int zl_draft_fail(draft *d, const char *fmt, ...) ZL_PRINTF(2, 3);
int zl_draft_oom(draft *d);
/* a "/" b, or NULL when memory runs out; the caller frees it. */
char *zl_draft_join(const char *a, const char *b);

static inline source record_source(const export *x, const zl_record *r)
{
	return (source){ x, zl_record_location(x->view, r).line };
}

/* exports.c: reads DIR into d: servers, exports, zones, views, the `file`
 * copy of each zone.  -1 (d->why set) when it cannot. */
int zl_draft_read(draft *d);

/* infer.c: what the records say, into d's servers and facts, and the
 * forest; warnings on d->diag.  -1 (d->why set) when no domain is found. */
int zl_draft_infer(draft *d);
/* DNS canonical order of two names (RFC 4034 6.1). */
int zl_draft_name_cmp(const zl_name *a, const zl_name *b);
/* A site's name as the exports spell it. */
const char *zl_draft_site_text(draft *d, const site_seen *s);

/* write.c: the draft onto d->out. */
int zl_draft_emit(draft *d);

#endif
