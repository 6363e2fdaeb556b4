/*
 * libFuzzer target: the zone file loader (lint/sources/zonefile/), with
 * its Windows pre-pass (CRLF, [AGE:N], UTF-16, WINS), directives and the
 * fast rdata parser, then every query a rule can make of what was loaded.
 * The text is given in memory; $INCLUDE resolves against a folder that
 * does not exist, so nothing outside the input is read.
 */
#include <stdint.h>
#include <stdlib.h>

#include "model_int.h"
#include "sources/zonefile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads everything a rule could read about one record. */
static void touch_record(const zl_view *v, const zl_record *r)
{
	char text[512];
	zl_addr a;
	size_t len;
	zl_iter it;

	zl_record_rdata_text(r, text, sizeof(text));
	zl_record_location(v, r);
	zl_record_age(r);
	zl_record_class(r);
	zl_record_target(r);
	zl_record_addr(r, &a);
	for (size_t i = 0; i < zl_record_field_count(r); i++) {
		zl_record_field_kind(r, i);
		zl_record_field_name(r, i);
		zl_record_field_addr(r, i, &a);
		zl_record_field_int(r, i);
		zl_record_field_bytes(r, i, &len);
	}
	/* A few of the owner's records: all of them would be quadratic. */
	unsigned k = 0;
	for (const zl_record *o = zl_view_find(v, zl_record_owner(r), 0, &it); o && k < 8;
	     o = zl_iter_next(&it), k++)
		zl_record_same_data(r, o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	zl_location cli = { "<fuzz>", 0, 0 };
	zl_model *m = zl_model_new();
	zl_zone *z;
	zl_view *v;

	if (!m)
		return 0;
	z = zl_model_add_zone(m, zl_model_intern(m, "corp."), cli);
	if (z) {
		zl_zone_set_storage(z, ZL_STORAGE_FILE);
		zl_zone_set_hosts_explicit(z);
	}
	if (z && zl_model_resolve(m) == 0 &&
	    (v = zl_model_add_view(m, z, "/nonexistent/zonelint-fuzz/zone.dns")) != NULL &&
	    zl_zonefile_load_text(m, v, (const char *)data, size, NULL) == 0) {
		for (size_t i = 0; i < zl_view_record_count(v); i++)
			touch_record(v, zl_view_record(v, i));
		zl_view_soa_location(v);
	}
	zl_model_free(m);
	return 0;
}
