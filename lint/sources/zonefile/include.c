/*
 * lint/sources/zonefile/include.c - $INCLUDE (RFC 1035 5.1), and the one
 * rule that confines the paths input files name to their own folder.
 */
#include "zonefile_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Token i without its quotes, as a new C string (NULL: no memory). */
static char *tok_strdup_unquoted(const zf_entry *e, size_t i)
{
	const char *s = tok_text(e, i);
	size_t len = e->tok[i].len;

	if (e->tok[i].quoted) {
		s++;
		len -= 2;
	}
	char *copy = malloc(len + 1);
	if (copy) {
		memcpy(copy, s, len);
		copy[len] = '\0';
	}
	return copy;
}

/* The folder part of path ("" when none; "/" for a file at the root). */
static size_t dir_len(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return 0;
	return slash == path ? 1 : (size_t)(slash - path);
}

/* `rel` joined to the folder of `base`, as the user would open it. */
static char *join_path(const char *base, const char *rel)
{
	size_t d = dir_len(base), r = strlen(rel);
	char *out = malloc(d + 1 + r + 1);

	if (!out)
		return NULL;
	memcpy(out, base, d);
	if (d && base[d - 1] != '/')
		out[d++] = '/';
	memcpy(out + d, rel, r + 1);
	return out;
}

/* True when some component of the relative path is "..". */
static bool has_parent_step(const char *path)
{
	for (const char *p = path; *p; ) {
		size_t n = strcspn(p, "/");
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return true;
		p += n;
		p += *p == '/';
	}
	return false;
}

/* True when the real path `real` lies inside the folder of `base`. */
static bool inside_folder(const char *base, const char *real)
{
	size_t d = dir_len(base);
	char *dir = d ? strndup(base, d) : strdup(".");
	char *rdir = dir ? realpath(dir, NULL) : NULL;
	bool ok = false;

	if (rdir) {
		size_t n = strlen(rdir);
		ok = strncmp(real, rdir, n) == 0 &&
		     (real[n] == '/' || (n == 1 && rdir[0] == '/'));
	}
	free(rdir);
	free(dir);
	return ok;
}

zl_confine zl_path_confine(const char *base, const char *arg, bool anywhere,
                           char **path, char **real)
{
	struct stat st;

	*path = *real = NULL;
	if (!anywhere && arg[0] == '/')
		return ZL_CONFINE_ABSOLUTE;
	if (!anywhere && has_parent_step(arg))
		return ZL_CONFINE_PARENT;
	*path = arg[0] == '/' ? strdup(arg) : join_path(base, arg);
	if (!*path)
		return ZL_CONFINE_NOMEM;
	*real = realpath(*path, NULL);
	if (!*real)
		return errno == ENOMEM ? ZL_CONFINE_NOMEM : ZL_CONFINE_ERRNO;
	if (stat(*real, &st) == 0 && S_ISDIR(st.st_mode)) {
		/* "." is its own folder, not a link out of it */
		free(*real);
		*real = NULL;
		errno = EISDIR;
		return ZL_CONFINE_ERRNO;
	}
	if (!anywhere && !inside_folder(base, *real)) {
		free(*real);
		*real = NULL;
		return ZL_CONFINE_LINK;
	}
	return ZL_CONFINE_OK;
}

/*
 * The path an $INCLUDE argument opens, checked: by default it must stay
 * in the including file's folder (no absolute path, no "..", no symbolic
 * link out).  *real receives its real path.  NULL after reporting.
 */
static char *include_path(zf_file *f, const zf_token *at, const char *arg, char **real)
{
	zf_path_excerpt px, px2;
	char *path;
	int err;

	switch (zl_path_confine(f->path, arg, f->load->include_anywhere, &path, real)) {
	case ZL_CONFINE_OK:
		return path;
	case ZL_CONFINE_ABSOLUTE:
		zf_report(f, at->line, at->col, M_INC_ABSOLUTE, zf_path_excerpt_of(arg, px));
		break;
	case ZL_CONFINE_PARENT:
		zf_report(f, at->line, at->col, M_INC_PARENT, zf_path_excerpt_of(arg, px),
		          zf_path_excerpt_of(f->path, px2));
		break;
	case ZL_CONFINE_LINK:
		zf_report(f, at->line, at->col, M_INC_LINK, zf_path_excerpt_of(arg, px),
		          zf_path_excerpt_of(f->path, px2));
		break;
	case ZL_CONFINE_ERRNO:
		err = errno;
		zf_report(f, at->line, at->col, M_INC_OPEN, zf_path_excerpt_of(path, px), strerror(err));
		break;
	case ZL_CONFINE_NOMEM:
		zf_out_of_memory(f);
		break;
	}
	free(path);
	return NULL;
}

/* False (after reporting) when reading `real` would nest too deep or loop. */
static bool include_allowed(zf_file *f, const zf_token *at, const char *path,
                            const char *real)
{
	zf_load *L = f->load;
	zf_path_excerpt px;

	if (L->depth >= ZF_MAX_DEPTH) {
		zf_report(f, at->line, at->col, M_INC_DEPTH, zf_path_excerpt_of(path, px), ZF_MAX_DEPTH);
		return false;
	}
	for (unsigned i = 0; i <= L->depth; i++) {
		if (L->real[i] && strcmp(L->real[i], real) == 0) {
			zf_report(f, at->line, at->col, M_INC_LOOP, zf_path_excerpt_of(path, px));
			return false;
		}
	}
	return true;
}

/* Reads an included file with its own origin; the owner carries over. */
static void include_file(zf_file *f, const zf_token *at, const char *path,
                         char *real, const zl_name *origin)
{
	zf_load *L = f->load;
	zf_path_excerpt px;
	zf_buf buf;

	if (zf_read_file(path, &buf) != 0) {
		zf_report(f, at->line, at->col, M_INC_OPEN, zf_path_excerpt_of(path, px),
		          zl_zonefile_strerror(errno));
		return;
	}
	const char *copy = zl_model_strdup(L->m, path);
	int index = copy ? zl_view_add_file(L->v, copy) : -1;
	if (index < 0) {
		zf_report(f, at->line, at->col, M_INC_FILES, zf_path_excerpt_of(path, px));
		zf_buf_free(&buf);
		return;
	}
	L->included = true;
	zf_file c = { .load = L, .path = copy, .index = (uint16_t)index,
	              .origin = f->origin, .origin_rdf = f->origin_rdf,
	              .owner = f->owner, .line = 1 };
	if (origin != f->origin && !zf_set_origin(&c, origin)) {
		zf_out_of_memory(f);
		zf_buf_free(&buf);
		return;
	}
	L->real[++L->depth] = real;
	zf_read_text(&c, &buf);
	L->real[L->depth--] = NULL;
	if (c.own_origin_rdf)
		ldns_rdf_deep_free(c.origin_rdf);
}

/*
 * $INCLUDE file [origin] (RFC 1035 5.1): the file's records where the
 * directive stands; the origin and owner of this file are unchanged after.
 * ldns does not implement it: the path is relative to this file's folder.
 */
void zf_dir_include(zf_file *f, zf_entry *e)
{
	const zl_name *origin = f->origin;
	zf_token at;
	zf_excerpt x;
	char *arg, *path, *real;

	if (!zf_want_args(f, e, 1, 2, "a file name"))
		return;
	at = e->tok[1];
	if (e->ntok == 3 && !(origin = zf_token_name(f, e, 2))) {
		zf_report(f, e->tok[2].line, e->tok[2].col, M_ORIGIN, zf_tok_excerpt(e, 2, x));
		return;
	}
	if (!(arg = tok_strdup_unquoted(e, 1))) {
		zf_out_of_memory(f);
		return;
	}
	if (!arg[0]) {
		zf_report(f, at.line, at.col, M_ARGS, "$INCLUDE", "a file name");
	} else if ((path = include_path(f, &at, arg, &real)) != NULL) {
		/* From here on e is reused by the included file. */
		if (include_allowed(f, &at, path, real))
			include_file(f, &at, path, real, origin);
		free(real);
		free(path);
	}
	free(arg);
}
