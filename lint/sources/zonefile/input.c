/*
 * lint/sources/zonefile/input.c - a file's bytes: only regular files are
 * opened (a FIFO or a device could block or never end), a big file is read
 * into an anonymous mapping whose scanned pages are handed back to the
 * kernel, binary data is not read whole, and UTF-16 text is decoded.
 */
#include "zonefile_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"

void zf_buf_free(zf_buf *b)
{
	if (b->size)
		munmap(b->p, b->size);
	else
		free(b->p);
	b->p = NULL;
}

/* Room for `cap` bytes: a mapping when it is big, else malloc's. */
bool zf_buf_alloc(zf_buf *b, size_t cap)
{
	b->size = 0;
	if (cap >= ZF_MAP_MIN) {
		void *p = mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p != MAP_FAILED) {
			b->p = p;
			b->size = cap;
			return true;
		}
	}
	b->p = malloc(cap);
	return b->p != NULL;
}

/* Doubles b's room; false when memory runs out. */
static bool buf_grow(zf_buf *b, size_t *cap)
{
	zf_buf bigger;

	if (!zf_buf_alloc(&bigger, *cap * 2)) {
		errno = ENOMEM;
		return false;
	}
	memcpy(bigger.p, b->p, b->len);
	bigger.len = b->len;
	zf_buf_free(b);
	*b = bigger;
	*cap *= 2;
	return true;
}


const char *zl_zonefile_strerror(int err)
{
	return zl_file_strerror(err);
}

/* Reads what fd holds, growing b when there is more than the file's size
 * said (a pipe, a file that grows as it is read). */
static int read_all(int fd, zf_buf *b, size_t cap)
{
	for (;;) {
		char probe;
		size_t room = cap - b->len - 1;
		ssize_t r = zl_file_read_full(fd, b->p + b->len, room, -1);
		if (r < 0)
			return -1;
		b->len += (size_t)r;
		if ((size_t)r < room || (r = zl_file_read_full(fd, &probe, 1, -1)) == 0)
			break;
		if (r < 0 || !buf_grow(b, &cap))
			return -1;
		b->p[b->len++] = probe;
	}
	b->p[b->len] = '\0';
	return 0;
}

/* A NUL byte in the first 4 KiB of a file that is not UTF-16 with a
 * byte-order mark: binary data, read no further (is_binary reports it). */
bool zf_binary_start(const char *p, size_t len)
{
	const unsigned char *u = (const unsigned char *)p;

	return memchr(p, '\0', len < ZF_BINARY_PROBE ? len : ZF_BINARY_PROBE) &&
	       !(len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff)));
}

/*
 * Reads a whole regular file into a NUL-terminated buffer; -1 with errno
 * set (ZL_ENOTREG: a FIFO or a device, which could block forever or never
 * end).  A file whose first 4 KiB hold a NUL byte is read no further than
 * that: binary data is not loaded whole (a sparse file of terabytes).
 */
int zf_read_file(const char *path, zf_buf *b)
{
	int fd = zl_file_open_regular(path), err = 0;
	char probe[ZF_BINARY_PROBE];
	struct stat st;
	size_t cap;
	ssize_t r;

	if (fd < 0)
		return -1;
	b->p = NULL;
	if (fstat(fd, &st) != 0 || (r = zl_file_read_full(fd, probe, sizeof probe, -1)) < 0) {
		err = errno;
		goto done;
	}
	/* binary: the probe alone is kept, for is_binary to report */
	cap = zf_binary_start(probe, (size_t)r) ? (size_t)r + 1
	      : st.st_size > r ? (size_t)st.st_size + 1 : (size_t)r + 65536;
	if (!zf_buf_alloc(b, cap)) {
		err = ENOMEM;
		goto done;
	}
	memcpy(b->p, probe, (size_t)r);
	b->len = (size_t)r;
	b->p[b->len] = '\0';
	if (!zf_binary_start(probe, (size_t)r) && read_all(fd, b, cap) != 0) {
		err = errno;
		zf_buf_free(b);
	}
done:
	close(fd);
	errno = err;
	return err ? -1 : 0;
}

/* Hands the pages of f's text already scanned back to the kernel; the
 * scan never looks back past the entry it is at. */
void zf_drop_scanned(zf_file *f)
{
	const zf_buf *b = f->buf;
	size_t done = (size_t)(f->p - b->p), from = f->dropped, to;
	long page;

	if (done - from < ZF_DROP_STEP || (page = sysconf(_SC_PAGESIZE)) <= 0)
		return;
	to = done / (size_t)page * (size_t)page;
	if (to > from && madvise(b->p + from, to - from, MADV_DONTNEED) == 0)
		f->dropped = to;
}

/* UTF-16 (with its byte-order mark removed) to UTF-8; NULL: no memory. */
static char *utf16_to_utf8(const unsigned char *s, size_t n, bool big, size_t *out_len)
{
	char *out = malloc(n / 2 * 3 + 4);
	size_t o = 0;

	if (!out)
		return NULL;
	for (size_t i = 0; i + 1 < n; i += 2) {
		uint32_t u = big ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
		if (u >= 0xd800 && u < 0xdc00 && i + 3 < n) {
			uint32_t lo = big ? (uint32_t)(s[i + 2] << 8 | s[i + 3])
			                  : (uint32_t)(s[i + 3] << 8 | s[i + 2]);
			if (lo >= 0xdc00 && lo < 0xe000) {
				u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
				i += 2;
			} else {
				u = 0xfffd;
			}
		} else if (u >= 0xd800 && u < 0xe000) {
			u = 0xfffd;                  /* a lone surrogate */
		}
		if (u < 0x80) {
			out[o++] = (char)u;
		} else if (u < 0x800) {
			out[o++] = (char)(0xc0 | u >> 6);
			out[o++] = (char)(0x80 | (u & 0x3f));
		} else if (u < 0x10000) {
			out[o++] = (char)(0xe0 | u >> 12);
			out[o++] = (char)(0x80 | (u >> 6 & 0x3f));
			out[o++] = (char)(0x80 | (u & 0x3f));
		} else {
			out[o++] = (char)(0xf0 | u >> 18);
			out[o++] = (char)(0x80 | (u >> 12 & 0x3f));
			out[o++] = (char)(0x80 | (u >> 6 & 0x3f));
			out[o++] = (char)(0x80 | (u & 0x3f));
		}
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

/*
 * The text of a file as UTF-8: a UTF-8 byte-order mark is skipped; UTF-16
 * with a mark (what Windows PowerShell's Out-File writes) is converted
 * with an info finding.  *buf may be replaced.  False: no memory.
 */
bool zf_decode(zf_file *f, zf_buf *b, size_t *skip)
{
	const unsigned char *u = (const unsigned char *)b->p;
	zf_path_excerpt px;

	*skip = 0;
	if (b->len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) {
		*skip = 3;
		return true;
	}
	if (b->len < 2 || !((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff)))
		return true;
	size_t n;
	char *text = utf16_to_utf8(u + 2, b->len - 2, u[0] == 0xfe, &n);
	if (!text)
		return false;
	zf_report(f, 1, 1, M_UTF16, zf_path_excerpt_of(f->path, px));
	zf_buf_free(b);
	*b = (zf_buf){ text, n, 0 };
	return true;
}

/* A NUL byte near the start: binary data, said once for the whole file. */
bool zf_is_binary(zf_file *f, const char *text, size_t len)
{
	const char *nul = memchr(text, '\0', len < ZF_BINARY_PROBE ? len : ZF_BINARY_PROBE);
	zf_path_excerpt px;
	uint32_t line = 1;

	if (!nul)
		return false;
	for (const char *p = text; p < nul; p++)
		line += *p == '\n';
	zf_report(f, line, 1, M_BINARY, zf_path_excerpt_of(f->path, px));
	return true;
}
