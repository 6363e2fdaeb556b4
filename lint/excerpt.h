/*
 * lint/excerpt.h - a piece of the input quoted in a message (private).
 *
 * Input can hold anything (control bytes, invalid UTF-8, megabytes on one
 * line): a message quotes a bounded, printable excerpt of it.
 */
#ifndef ZL_EXCERPT_H
#define ZL_EXCERPT_H

#include <stddef.h>

/* At most `max` characters of s (len bytes) into out, which holds at
 * least 4 * max + 4 bytes: valid UTF-8 kept, control bytes and invalid
 * UTF-8 as \xNN, "..." when cut (the zone file loader's quotes). */
const char *zl_excerpt_escaped(const char *s, size_t len, size_t max, char *out);

/* At most `max` bytes of s (len bytes) into out, which holds at least
 * max + 4 bytes: never half a UTF-8 character, control characters as
 * '?', "..." when cut (the inventory's quotes). */
const char *zl_excerpt_plain(const char *s, size_t len, size_t max, char *out);

#endif
