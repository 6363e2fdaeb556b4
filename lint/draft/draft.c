/* lint/draft/draft.c - see draft.h: the whole run, and -o. */
#include "draft/draft_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int zl_draft_fail(draft *d, const char *fmt, ...)
{
	va_list ap;

	if (!d->failed) {
		va_start(ap, fmt);
		vsnprintf(d->why, d->size, fmt, ap);
		va_end(ap);
	}
	d->failed = true;
	return -1;
}

int zl_draft_oom(draft *d)
{
	return zl_draft_fail(d, "out of memory");
}

char *zl_draft_join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	bool slash = la && a[la - 1] != '/';
	char *p = malloc(la + slash + lb + 1);

	if (p) {
		memcpy(p, a, la);
		if (slash)
			p[la] = '/';
		memcpy(p + la + slash, b, lb + 1);
	}
	return p;
}

/* ---- the whole run -------------------------------------------------------- */

static void draft_free(draft *d)
{
	for (size_t i = 0; i < d->servers.n; i++)
		free(d->servers.v[i].folder);
	for (size_t i = 0; i < d->exports.n; i++) {
		free(d->exports.v[i].path);
		free(d->exports.v[i].rel);
	}
	for (size_t i = 0; i < d->zones.n; i++)
		VEC_FREE(d->zones.v[i].exports);
	for (size_t i = 0; i < d->site_cases.n; i++)
		free(d->site_cases.v[i].text);
	VEC_FREE(d->servers);
	VEC_FREE(d->exports);
	VEC_FREE(d->zones);
	free(d->zone_index.slots);
	free(d->unlisted_seen.slots);
	VEC_FREE(d->domains);
	VEC_FREE(d->gc_owners);
	VEC_FREE(d->unlisted);
	VEC_FREE(d->site_cases);
	free(d->dir_real);
	free(d->base_real);
	zl_model_free(d->m);
}

static int resolve_paths(draft *d)
{
	if (!d->base)
		return 0;
	if (!(d->dir_real = realpath(d->dir, NULL)))
		return zl_draft_fail(d, "%s: %s", d->dir, strerror(errno));
	if (!(d->base_real = realpath(d->base, NULL)))
		return zl_draft_fail(d, "cannot write in %s: %s", d->base, strerror(errno));
	return 0;
}

/* The draft is written into memory first: comments are aligned by the
 * column the line has reached (ftell), which a pipe cannot tell, and a
 * failed draft writes nothing. */
static int copy_out(draft *d, FILE *out, char *const *text, const size_t *len)
{
	if (fclose(d->out) != 0)
		return zl_draft_oom(d);
	d->out = NULL;        /* *text and *len are set now */
	if (fwrite(*text, 1, *len, out) != *len)
		return zl_draft_fail(d, "cannot write the draft: %s", strerror(errno));
	return 0;
}

/*
 * zonelint reads an inventory's zone files only inside the inventory's
 * folder (without --include-anywhere), so a draft whose paths leave it
 * would not lint as it is: say so, and how to place it.
 */
static void warn_if_outside(const draft *d)
{
	size_t n = d->base_real ? strlen(d->base_real) : 0;
	bool inside = d->base_real
		? strncmp(d->dir_real, d->base_real, n) == 0 &&
		  (d->dir_real[n] == '/' || d->dir_real[n] == '\0' || n == 1)
		: d->dir[0] != '/' && strcmp(d->dir, "..") != 0 && strncmp(d->dir, "../", 3) != 0;

	if (!inside && d->diag)
		fprintf(d->diag, "zonelint: --draft-inventory: the draft's paths leave its "
		        "folder, and zonelint reads zone files only inside the inventory's "
		        "folder: write the draft into a folder that holds %s, or lint it "
		        "with --include-anywhere\n", d->dir);
}

int zl_draft_inventory(FILE *out, FILE *diag, const char *dir, const char *base,
                       char *why, size_t size)
{
	draft d = { .dir = dir, .base = base, .diag = diag, .why = why, .size = size };
	char *text = NULL;
	size_t len = 0;
	int rc = -1;

	if (!(d.m = zl_model_new()) || !(d.out = open_memstream(&text, &len))) {
		zl_model_free(d.m);
		return zl_draft_fail(&d, "out of memory");
	}
	if (zl_draft_read(&d) == 0 && resolve_paths(&d) == 0 && zl_draft_infer(&d) == 0 &&
	    zl_draft_emit(&d) == 0)
		rc = copy_out(&d, out, &text, &len);
	if (rc == 0)
		warn_if_outside(&d);
	if (d.out)
		fclose(d.out);
	free(text);
	draft_free(&d);
	return rc;
}

/* ---- -o ------------------------------------------------------------------ */

/* The folder of `path` ("." for a bare name); the caller frees it. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

/* Opens `output` for the draft: created, or a device or FIFO written in
 * place; an existing regular file (perhaps a reviewed draft) is kept. */
static int open_output(const char *output, char *why, size_t size)
{
	struct stat st;
	int fd = open(output, O_WRONLY | O_CREAT | O_EXCL, 0666);

	if (fd >= 0 || errno != EEXIST)
		goto done;
	if (stat(output, &st) == 0 && S_ISREG(st.st_mode)) {
		snprintf(why, size, "%s exists and may hold a reviewed inventory; "
		         "remove it or give another file", output);
		return -1;
	}
	fd = open(output, O_WRONLY);
done:
	if (fd < 0)
		snprintf(why, size, "cannot write %s: %s", output, strerror(errno));
	return fd;
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int zl_draft_write(const char *dir, const char *output, FILE *diag, char *why,
                   size_t size)
{
	char *text = NULL, *base = NULL;
	size_t len = 0;
	FILE *mem;
	int rc = -1, fd;

	if (!output)
		return zl_draft_inventory(stdout, diag, dir, NULL, why, size);
	if (!(base = folder_of(output)) || !(mem = open_memstream(&text, &len))) {
		free(base);
		snprintf(why, size, "out of memory");
		return -1;
	}
	rc = zl_draft_inventory(mem, diag, dir, base, why, size);
	if (fclose(mem) != 0 && rc == 0) {
		snprintf(why, size, "out of memory");
		rc = -1;
	}
	if (rc == 0 && (fd = open_output(output, why, size)) >= 0) {
		bool written = write_all(fd, text, len) == 0;
		if (close(fd) != 0)
			written = false;
		if (!written) {
			snprintf(why, size, "cannot write %s: %s", output, strerror(errno));
			rc = -1;
		}
	} else if (rc == 0) {
		rc = -1;
	}
	free(text);
	free(base);
	return rc;
}
