/* lint/status.c - see status.h: the one table of the loaders' messages. */
#include "status.h"

#include <stddef.h>

#define ROW(code, text) [-(code)] = { #code, text }

/* Indexed by -code (every code is 0 or negative). */
static const struct {
	const char *name;
	const char *message;
} statuses[] = {
	ROW(ZL_OK, "success"),
	ROW(ZL_EREAD, "the input cannot be read"),
	ROW(ZL_ENOMEM, "out of memory"),
	ROW(ZL_ENAME_EMPTY, "the name is empty"),
	ROW(ZL_ENAME_EMPTY_LABEL, "it has an empty label (two dots in a row, or a dot first)"),
	/* RFC 1035 2.3.4: labels 63 octets or less, names 255 octets or less */
	ROW(ZL_ENAME_LABEL_LONG, "a label is over 63 octets (RFC 1035 2.3.4)"),
	ROW(ZL_ENAME_LONG, "the name is over 255 octets (RFC 1035 2.3.4)"),
	ROW(ZL_ENAME_ESCAPE, "it has a bad escape ('\\' at the end, or \\DDD not three "
	                     "digits up to 255; RFC 1035 5.1)"),
};

static size_t row(zl_status s)
{
	size_t i = s <= 0 ? (size_t)-(long)s : sizeof(statuses) / sizeof(statuses[0]);

	return i < sizeof(statuses) / sizeof(statuses[0]) && statuses[i].name ? i : 0;
}

const char *zl_status_message(zl_status s)
{
	return row(s) || s == ZL_OK ? statuses[row(s)].message : "unknown error";
}

const char *zl_status_name(zl_status s)
{
	return row(s) || s == ZL_OK ? statuses[row(s)].name : "ZL_UNKNOWN";
}
