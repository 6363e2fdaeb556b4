/*
 * libFuzzer target: the decoders of what the directory holds about a zone
 * (lint/sources/adprops.c: dNSProperty values with their address arrays,
 * the zone's security descriptor) and of its records
 * (lint/sources/dnsrecord.c).  The first byte picks the decoder; the rest
 * is the attribute value.  A decoder must return 0 or -1 with a reason,
 * and what it returns must hold together; anything else aborts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sources/adprops.h"
#include "sources/dnsrecord.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void props(const uint8_t *d, size_t n)
{
	zl_zone_props p;
	char why[256] = "";

	memset(&p, 0, sizeof p);
	if (zl_zone_props_add(&p, d, n, why, sizeof why) != 0 && !why[0])
		abort();
	if (p.scavengers.count > ZL_ADPROPS_MAX_ADDRS || p.masters.count > ZL_ADPROPS_MAX_ADDRS ||
	    p.auto_ns.count > ZL_ADPROPS_MAX_ADDRS)
		abort();
}

static void descriptor(const uint8_t *d, size_t n)
{
	zl_trustees t;
	char why[256] = "";
	bool none;

	if (zl_sd_create_child(d, n, &t, &none, why, sizeof why) != 0) {
		if (!why[0])
			abort();
		return;
	}
	for (size_t i = 0; i < t.count; i++)
		if (!memchr(t.name[i], '\0', sizeof t.name[i]) || !t.name[i][0])
			abort();
}

static void record(const uint8_t *d, size_t n)
{
	static zl_dnsrecord rec;   /* 64 KiB: not on the stack */
	char why[256] = "";

	if (zl_dnsrecord_decode(d, n, &rec, why, sizeof why) != 0 && !why[0])
		abort();
	if (rec.decoded && rec.rdata_len > sizeof rec.rdata)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	switch (data[0] % 3) {
	case 0:
		props(data + 1, size - 1);
		break;
	case 1:
		descriptor(data + 1, size - 1);
		break;
	default:
		record(data + 1, size - 1);
		break;
	}
	return 0;
}
