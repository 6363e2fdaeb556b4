/* lint/file.c - see file.h. */
#include "file.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int zl_file_open_regular(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), err;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0)
		err = errno;
	else if (!S_ISREG(st.st_mode))
		err = S_ISDIR(st.st_mode) ? EISDIR : ZL_ENOTREG;
	else
		return fd;
	close(fd);
	errno = err;
	return -1;
}

const char *zl_file_strerror(int err)
{
	return err == ZL_ENOTREG ? "not a regular file" : strerror(err);
}

/* Up to n bytes of fd into buf, fewer only at the end of the file: from
 * the file's position when off is negative (read), else from off (pread,
 * the position unmoved); -1 with errno set on an error. */
ssize_t zl_file_read_full(int fd, char *buf, size_t n, off_t off)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = off < 0 ? read(fd, buf + got, n - got)
		                    : pread(fd, buf + got, n - got, off + (off_t)got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

zl_status zl_file_read(const char *path, size_t max, char **out, size_t *len)
{
	int fd = zl_file_open_regular(path), err = 0;
	struct stat st;
	char *buf = NULL;
	ssize_t got = -1;

	*out = NULL;
	*len = 0;
	if (fd < 0)
		return ZL_EREAD;
	if (fstat(fd, &st) != 0)
		err = errno;
	else if ((uintmax_t)st.st_size > max || (uintmax_t)st.st_size >= SIZE_MAX)
		err = EFBIG;
	else if (!(buf = malloc((size_t)st.st_size + 1)))
		err = ENOMEM;
	else if ((got = zl_file_read_full(fd, buf, (size_t)st.st_size, -1)) < 0)
		err = errno;
	close(fd);
	if (err) {
		free(buf);
		errno = err;
		return ZL_EREAD;
	}
	buf[got] = '\0';
	*out = buf;
	*len = (size_t)got;
	return ZL_OK;
}
