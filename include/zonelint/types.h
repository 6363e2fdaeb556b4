/*
 * zonelint/types.h - small value types shared by the whole public API:
 * severities, locations, addresses and prefixes.
 */
#ifndef ZONELINT_TYPES_H
#define ZONELINT_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define ZL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define ZL_PRINTF(f, a)
#endif

/* Severity of a rule or a finding; ordered, so "at or above" is ">=". */
typedef enum zl_severity {
	ZL_SEVERITY_OFF = 0,     /* rule disabled; never the severity of a finding */
	ZL_SEVERITY_INFO = 1,
	ZL_SEVERITY_WARNING = 2,
	ZL_SEVERITY_ERROR = 3,
} zl_severity;

/* "off", "info", "warning", "error". */
const char *zl_severity_name(zl_severity s);
/* Parses those four words; returns false for anything else. */
bool zl_severity_parse(const char *text, zl_severity *out);

/*
 * Where something is.  `file` is borrowed: it points into the model (or a
 * string literal) and lives as long as the model.  Lines and columns are
 * 1-based; 0 means "not known".
 */
typedef struct zl_location {
	const char *file;
	uint32_t line;
	uint32_t column;
} zl_location;

/* An IPv4 or IPv6 address.  IPv4 uses the first four bytes. */
typedef struct zl_addr {
	uint8_t family;          /* 4 or 6 */
	uint8_t bytes[16];
} zl_addr;

/* An address with its prefix length: a server's address and its network. */
typedef struct zl_prefix {
	zl_addr addr;
	uint8_t length;          /* 0..32 for IPv4, 0..128 for IPv6 */
} zl_prefix;

/* Longest text of zl_addr_format, NUL included (as INET6_ADDRSTRLEN). */
#define ZL_ADDR_TEXT_MAX 46

bool zl_addr_equal(const zl_addr *a, const zl_addr *b);
/* True when `a` lies in the network of `p` (same family, same prefix bits). */
bool zl_prefix_contains(const zl_prefix *p, const zl_addr *a);
/* Writes the usual text form ("10.0.0.1", "fd00::1") into buf; returns buf. */
char *zl_addr_format(const zl_addr *a, char *buf, size_t size);
/* Parses an address without prefix; returns false on bad text. */
bool zl_addr_parse(const char *text, zl_addr *out);

#ifdef __cplusplus
}
#endif

#endif
