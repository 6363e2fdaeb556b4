/*
 * lint/utf8.h - text as writers and messages show it (private, a leaf):
 * UTF-8 decoding, and the bytes shown as \xHH instead of themselves, so
 * that zone data can neither break a JSON or SARIF file nor drive the
 * user's terminal.
 */
#ifndef ZL_UTF8_H
#define ZL_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Copies `in` to `out` (size bytes) with control characters and terminal
 * escapes shown as \xHH, so zone data cannot drive the user's terminal;
 * so too bytes that are not UTF-8 and what zl_shown_as_bytes names. */
void zl_escape_text(const char *in, char *out, size_t size);

/* Length of the valid UTF-8 sequence at p and its code point in *cp, or 0
 * when it is not one (overlong forms and surrogates are not, RFC 3629 4). */
size_t zl_utf8_next(const unsigned char *p, uint32_t *cp);

/*
 * Code points every writer shows as their bytes (\xHH), never as
 * themselves: C0 and C1 controls and DEL (ESC and BEL drive terminals, as
 * does NEL U+0085), the line and paragraph separators U+2028 and U+2029,
 * and the bidirectional formatting characters (Unicode UAX #9: U+061C,
 * U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), which reorder what
 * a reader sees ("Trojan Source", CVE-2021-42574).
 */
bool zl_shown_as_bytes(uint32_t c);

/* Length of the character at p when a writer may copy it as it is, else
 * 0 (not UTF-8, or zl_shown_as_bytes; '\n' is kept when keep_newline). */
size_t zl_visible_len(const unsigned char *p, bool keep_newline);

/*
 * A malloc'd copy of `in` in which each byte that does not begin a
 * character `keep` takes (keep: its length, 0 to refuse it) is written as
 * \xHH; NULL when memory runs out.  keep = zl_utf8_len shows only bytes
 * that are not UTF-8; keep = zl_visible_line_len, also what
 * zl_shown_as_bytes names, line breaks kept.
 */
char *zl_escape_dup(const char *in, size_t (*keep)(const unsigned char *p));
/* zl_utf8_next without the code point; zl_visible_len keeping '\n'. */
size_t zl_utf8_len(const unsigned char *p);
size_t zl_visible_line_len(const unsigned char *p);

#endif
