/* lint/record.h - the compact record (private; rules use accessors). */
#ifndef ZL_RECORD_H
#define ZL_RECORD_H

#include <zonelint/model.h>

/*
 * 40 bytes a record; rdata is packed in the model's arena as a field count
 * byte, then per field: kind, format tag, 16-bit little-endian length, the
 * bytes (a NAME field holds a `const zl_name *`).
 */
struct zl_record {
	const zl_name *owner;
	const uint8_t *rdata;
	uint32_t ttl;
	uint32_t line;
	uint32_t age;             /* [AGE:N], hours since 1601; 0 when none */
	uint32_t next;            /* next record at the same owner in the view */
	uint16_t type;
	uint16_t rclass;
	uint16_t file;            /* index into the view's files */
};

#endif
