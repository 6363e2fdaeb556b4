/*
 * lint/status.h - what a loader's function returns (private).
 *
 * One code for each way a load can fail, and one table of messages for
 * them (status.c), so that a caller says what went wrong in the same
 * words wherever it happened.  ZL_OK is 0 and every failure is negative:
 * `rc != 0` tests for failure, and ZL_EREAD keeps the -1 that the
 * loaders returned before for an input that could not be read.
 */
#ifndef ZL_STATUS_H
#define ZL_STATUS_H

typedef enum zl_status {
	ZL_OK = 0,
	ZL_EREAD = -1,             /* an input could not be read (errno, or a
	                            * problem recorded in the model, says why) */
	ZL_ENOMEM = -2,
	ZL_ENAME_EMPTY = -3,       /* a domain name given as "" */
	ZL_ENAME_EMPTY_LABEL = -4, /* "a..b", ".a" */
	ZL_ENAME_LABEL_LONG = -5,  /* a label over 63 octets */
	ZL_ENAME_LONG = -6,        /* a name over 255 octets */
	ZL_ENAME_ESCAPE = -7,      /* "\" at the end, "\DDD" malformed or over 255 */
} zl_status;

/* What went wrong, as a phrase for a message ("out of memory"); never NULL. */
const char *zl_status_message(zl_status s);

/* The code's own name ("ZL_ENOMEM"), for logs and tests; never NULL. */
const char *zl_status_name(zl_status s);

#endif
