/*
 * lint/writers/outfile.c - `-o FILE`: a regular file is replaced whole by a
 * rename (atomic within one file system, POSIX rename()); anything else
 * is written where it is, so `-o /dev/null` never turns the device into a
 * regular file.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"

/* The kernel's own limit on links followed in one lookup (MAXSYMLINKS). */
enum { MAX_LINKS = 40 };

struct zl_outfile {
	char *target;       /* the file written: the path, links followed */
	char *tmp;          /* NULL: written in place */
	FILE *f;
	int fd;
};

/* What a path is once its links are followed. */
typedef struct target {
	char *path;         /* owned */
	bool in_place;      /* a device, FIFO or socket: no rename over it */
	bool exists;
	mode_t mode;        /* the regular file's permissions, kept */
} target;

static void fail(char *why, size_t size, const char *path, const char *what)
{
	snprintf(why, size, "-o %s: %s", path, what);
}

/* `link`'s text read relative to the folder holding `from` (a relative
 * link names a path from its own folder, not from the working one). */
static char *join_link(const char *from, const char *link)
{
	const char *slash = strrchr(from, '/');
	size_t dir = (link[0] == '/' || !slash) ? 0 : (size_t)(slash - from) + 1;
	size_t n = strlen(link);
	char *out = malloc(dir + n + 1);

	if (!out)
		return NULL;
	memcpy(out, from, dir);
	memcpy(out + dir, link, n + 1);
	return out;
}

/* Follows `path` while it is a symbolic link; sets errno on failure. */
static char *follow_links(const char *path)
{
	char *p = strdup(path), buf[PATH_MAX];
	struct stat st;

	for (int hops = 0; p && lstat(p, &st) == 0 && S_ISLNK(st.st_mode); hops++) {
		ssize_t n = hops < MAX_LINKS ? readlink(p, buf, sizeof(buf) - 1) : -1;
		if (hops >= MAX_LINKS)
			errno = ELOOP;
		else if (n == (ssize_t)sizeof(buf) - 1)
			errno = ENAMETOOLONG;
		char *next = n >= 0 && n < (ssize_t)sizeof(buf) - 1
		             ? (buf[n] = '\0', join_link(p, buf)) : NULL;
		free(p);
		p = next;
	}
	return p;
}

/* The folder a new file would be created in must let us create it. */
static int check_folder(const char *path, const char *shown, char *why, size_t size)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path))
	                  : strdup(".");
	struct stat st;
	char msg[PATH_MAX + 64];
	int rc = 0;

	if (!dir) {
		fail(why, size, shown, strerror(ENOMEM));
		return -1;
	}
	if (stat(dir, &st) != 0) {
		fail(why, size, shown, strerror(errno));
		rc = -1;
	} else if (!S_ISDIR(st.st_mode)) {
		fail(why, size, shown, strerror(ENOTDIR));
		rc = -1;
	} else if (access(dir, W_OK | X_OK) != 0) {
		snprintf(msg, sizeof(msg), "cannot create a file in %s: %s", dir,
		         strerror(errno));
		fail(why, size, shown, msg);
		rc = -1;
	}
	free(dir);
	return rc;
}

/* Follows the links of `path` and says how it is to be written. */
static int classify(target *t, const char *path, char *why, size_t size)
{
	struct stat st;

	*t = (target){ .path = follow_links(path) };
	if (!t->path) {
		fail(why, size, path, strerror(errno));
		return -1;
	}
	if (lstat(t->path, &st) == 0) {
		t->exists = true;
		t->mode = st.st_mode & 07777;
		if (S_ISDIR(st.st_mode)) {
			fail(why, size, path, "is a folder; -o wants a file");
			goto bad;
		}
		t->in_place = !S_ISREG(st.st_mode);
	} else if (errno != ENOENT) {
		fail(why, size, path, strerror(errno));
		goto bad;
	}
	if (!t->in_place && check_folder(t->path, path, why, size) != 0)
		goto bad;
	return 0;
bad:
	free(t->path);
	t->path = NULL;
	return -1;
}

int zl_outfile_check(const char *path, char *why, size_t size)
{
	target t;

	if (classify(&t, path, why, size) != 0)
		return -1;
	free(t.path);
	return 0;
}

/* A temporary file beside the target, with the target's permissions (or
 * those a new file gets under the umask). */
static int open_temporary(zl_outfile *o, const target *t)
{
	size_t n = strlen(t->path);
	mode_t mode = t->mode;

	if (!(o->tmp = malloc(n + 8)))
		return -1;
	memcpy(o->tmp, t->path, n);
	memcpy(o->tmp + n, ".XXXXXX", 8);
	if ((o->fd = mkstemp(o->tmp)) < 0) {
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	if (!t->exists) {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	return fchmod(o->fd, mode);
}

int zl_outfile_open(zl_outfile **out, const char *path, char *why, size_t size)
{
	zl_outfile *o = calloc(1, sizeof(*o));
	target t;
	int rc;

	*out = NULL;
	if (!o) {
		fail(why, size, path, strerror(ENOMEM));
		return -1;
	}
	o->fd = -1;
	if (classify(&t, path, why, size) != 0) {
		free(o);
		return -1;
	}
	o->target = t.path;
	/* O_NOFOLLOW: the links were followed above; a link put there since
	 * is refused rather than followed somewhere unchecked. */
	if (t.in_place)
		rc = (o->fd = open(t.path, O_WRONLY | O_NOCTTY | O_NOFOLLOW)) < 0 ? -1 : 0;
	else
		rc = open_temporary(o, &t);
	if (rc == 0 && !(o->f = fdopen(o->fd, "w")))
		rc = -1;
	if (rc != 0) {
		fail(why, size, path, strerror(errno));
		zl_outfile_close(o, false, NULL, 0);
		return -1;
	}
	*out = o;
	return 0;
}

FILE *zl_outfile_stream(zl_outfile *f)
{
	return f->f;
}

/* Flushes, and for a temporary file syncs and renames it into place. */
static int finish(zl_outfile *o)
{
	bool ok = fflush(o->f) == 0 && !ferror(o->f);

	if (ok && o->tmp)
		ok = fsync(o->fd) == 0;
	int saved = errno;
	if (fclose(o->f) != 0)
		ok = false;
	else
		errno = saved;
	o->f = NULL;
	o->fd = -1;
	if (ok && o->tmp && rename(o->tmp, o->target) != 0)
		ok = false;
	else if (ok && o->tmp) {
		free(o->tmp);
		o->tmp = NULL;
	}
	return ok ? 0 : -1;
}

int zl_outfile_close(zl_outfile *o, bool keep, char *why, size_t size)
{
	int rc = 0;

	if (!o)
		return 0;
	if (keep && o->f && finish(o) != 0) {
		snprintf(why, size, "cannot write %s: %s", o->target, strerror(errno));
		rc = -1;
	}
	if (o->f)
		fclose(o->f);
	else if (o->fd >= 0)
		close(o->fd);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->target);
	free(o);
	return rc;
}
