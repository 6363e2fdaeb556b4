/* lint/record.h - the compact record (private; rules use accessors).
 * The record codec (record.c) is a leaf: model.c calls it, never the
 * reverse (rdata.h). */
#ifndef ZL_RECORD_H
#define ZL_RECORD_H

#include <zonelint/model.h>

#include "rdata.h"

/*
 * 32 bytes a record: what rules read for every record (owner, type, the
 * owner chain) is here; what few rules read (class, aging stamp) and the
 * rdata fields are in one packed blob in the model's arena (record.c
 * describes it).  At a million records every byte here is a megabyte.
 */
struct zl_record {
	const zl_name *owner;
	const uint8_t *rdata;     /* the blob: header, then the fields */
	uint32_t ttl;
	uint32_t line;
	uint32_t next;            /* next record at the same owner in the view */
	uint16_t type;
	uint16_t file;            /* index into the view's files */
};

_Static_assert(sizeof(struct zl_record) == 32, "zl_record grew");

/* Bytes of the blob for this record's class, age and builder content. */
size_t zl_record_blob_size(uint16_t rclass, uint32_t age, size_t rdata_len);
/* Writes the blob into `out` (zl_record_blob_size bytes). */
void zl_record_blob_write(uint8_t *out, uint16_t rclass, uint32_t age,
                          unsigned count, const uint8_t *fields, size_t len);

#endif
