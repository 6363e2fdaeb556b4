/*
 * libFuzzer target: the AXFR answer handling (lint/sources/axfr.c) on
 * the bytes a hostile server could send on the TCP connection, and the
 * conversion of what it accepts into model records (rr_convert.c), as
 * --live does.
 */
#include <stdint.h>

#include "model_int.h"
#include "sources/axfr.h"
#include "sources/rr_convert.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The accepted records as one view, as lint/sources/live.c makes it. */
static void convert(const ldns_rr_list *rrs)
{
	zl_location cli = { "<fuzz>", 0, 0 };
	zl_model *m = zl_model_new();
	zl_zone *z = m ? zl_model_add_zone(m, zl_model_intern(m, "example."), cli) : NULL;
	zl_view *v;
	char text[512];

	if (z && zl_model_resolve(m) == 0 && (v = zl_model_add_view(m, z, "axfr://fuzz")))
		for (size_t i = 0; i < ldns_rr_list_rr_count(rrs); i++)
			if (zl_record_from_ldns(m, v, ldns_rr_list_rr(rrs, i), 0,
			                        (uint32_t)i + 1, 0) == ZL_RR_OK)
				zl_record_rdata_text(zl_view_record(v, zl_view_record_count(v) - 1),
				                     text, sizeof(text));
	zl_model_free(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	zl_axfr_answer a;

	if (zl_axfr_answer_init(&a, "example.", 0x2a2a) != 0)
		return 0;
	if (zl_axfr_parse_stream(&a, data, size) == ZL_AXFR_OK) {
		ldns_rr_list *rrs = zl_axfr_answer_take(&a);
		if (rrs) {
			convert(rrs);
			ldns_rr_list_deep_free(rrs);
		}
	}
	zl_axfr_answer_clear(&a);
	return 0;
}
