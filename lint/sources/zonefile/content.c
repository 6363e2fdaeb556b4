/*
 * lint/sources/zonefile/content.c - what a file holds, cheaply: the hash
 * of its length and ends that finds a view of the same text, and the
 * byte-for-byte comparison that confirms it.
 */
#include "zonefile_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "hash.h"

/*
 * Views of identical text share their records (zl_view_share).  A file's
 * length and a hash of its first and last 64 KiB find a candidate, and a
 * byte-for-byte comparison of the two files confirms it (a hash could be
 * forged, and the middle is not hashed).  A forest of thousands of DCs
 * holds thousands of exports, mostly the same, each megabytes long: the
 * candidate costs two short reads, the comparison one pass over each file
 * mapped from the page cache, a window at a time, so that a file
 * identical to one already loaded is neither copied nor held whole.  A
 * file that changes while zonelint runs may escape the comparison; it is
 * then linted as the text first read.
 */
enum { ZF_CHUNK = 64 * 1024, ZF_WINDOW = 16 * 1024 * 1024 };

static void hash_word(zf_content *c, uint64_t w)
{
	c->hash = (c->hash ^ w) * 0x9e3779b97f4a7c15u;
	c->hash ^= c->hash >> 32;
}

/* Hashes 8 bytes at a time (the tail of a piece is padded). */
static void hash_bytes(zf_content *c, const unsigned char *p, size_t n)
{
	uint64_t w;

	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		hash_word(c, w);
	}
	w = 0;
	memcpy(&w, p, n);
	hash_word(c, w ^ ((uint64_t)n << 56));
}


/* The length and sample hash of a regular file's bytes (the first and the
 * last ZF_CHUNK); false for anything else. */
bool zf_hash_file(const char *path, zf_content *c)
{
	int fd = zl_file_open_regular(path);
	char *buf = fd >= 0 ? malloc(ZF_CHUNK) : NULL;
	struct stat st;
	ssize_t head = -1, tail = 0;

	memset(c, 0, sizeof(*c));
	c->hash = ZL_FNV64_BASIS;
	if (buf && fstat(fd, &st) == 0 && st.st_size >= 0) {
		c->len = (size_t)st.st_size;
		head = zl_file_read_full(fd, buf, ZF_CHUNK, 0);
		/* binary data is not read whole (nor shared): read_file stops early */
		if (head > 0 && zf_binary_start(buf, (size_t)head))
			head = -1;
		if (head >= 0)
			hash_bytes(c, (const unsigned char *)buf, (size_t)head);
		if (head >= 0 && c->len > ZF_CHUNK)
			tail = zl_file_read_full(fd, buf, ZF_CHUNK, (off_t)(c->len - ZF_CHUNK));
		if (head >= 0 && tail > 0)
			hash_bytes(c, (const unsigned char *)buf, (size_t)tail);
		hash_word(c, (uint64_t)c->len);
		c->known = head >= 0 && tail >= 0;
	}
	free(buf);
	if (fd >= 0)
		close(fd);
	return c->known;
}

/* True when `len` bytes at `off` of two files are the same: both mapped
 * from the page cache (MAP_POPULATE: in one call, not a fault a page). */
static bool same_window(int fa, int fb, off_t off, size_t len)
{
	void *a = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fa, off);
	void *b = a != MAP_FAILED ? mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_POPULATE,
	                                 fb, off) : MAP_FAILED;
	bool same = b != MAP_FAILED && memcmp(a, b, len) == 0;

	if (a != MAP_FAILED)
		munmap(a, len);
	if (b != MAP_FAILED)
		munmap(b, len);
	return same;
}

/* True when two regular files hold the same bytes. */
bool zf_same_files(const char *a, const char *b)
{
	int fa = zl_file_open_regular(a), fb = zl_file_open_regular(b);
	struct stat sa, sb;
	bool same = fa >= 0 && fb >= 0 && fstat(fa, &sa) == 0 && fstat(fb, &sb) == 0 &&
	            sa.st_size == sb.st_size;

	for (off_t off = 0; same && off < sa.st_size; off += ZF_WINDOW) {
		off_t left = sa.st_size - off;
		same = same_window(fa, fb, off, left < ZF_WINDOW ? (size_t)left : ZF_WINDOW);
	}
	if (fa >= 0)
		close(fa);
	if (fb >= 0)
		close(fb);
	return same;
}
