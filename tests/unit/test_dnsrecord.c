/*
 * The dnsRecord decoder ([MS-DNSP] 2.3.2.2): blobs built by hand, byte by
 * byte as a Windows or Samba DC stores them, for every decoded type, an
 * opaque type, a tombstone, and malformed values.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "sources/dnsrecord.h"
#include "suites.h"

/* A dnsRecord value: the 24-byte header, then `data`. */
typedef struct blob {
	uint8_t b[ZL_DNSRECORD_HEADER + 1024];
	size_t len;
} blob;

static void make(blob *x, uint16_t type, uint32_t ttl, uint32_t stamp,
                 const uint8_t *data, size_t len)
{
	uint8_t *h = x->b;

	memset(h, 0, ZL_DNSRECORD_HEADER);
	h[0] = (uint8_t)len;                  /* DataLength, little-endian */
	h[1] = (uint8_t)(len >> 8);
	h[2] = (uint8_t)type;                 /* Type, little-endian */
	h[3] = (uint8_t)(type >> 8);
	h[4] = 5;                             /* Version */
	h[5] = 240;                           /* Rank: DNS_RANK_ZONE */
	h[8] = 7;                             /* Serial 7, little-endian */
	h[12] = (uint8_t)(ttl >> 24);         /* TtlSeconds, big-endian */
	h[13] = (uint8_t)(ttl >> 16);
	h[14] = (uint8_t)(ttl >> 8);
	h[15] = (uint8_t)ttl;
	h[20] = (uint8_t)stamp;               /* TimeStamp, little-endian */
	h[21] = (uint8_t)(stamp >> 8);
	h[22] = (uint8_t)(stamp >> 16);
	h[23] = (uint8_t)(stamp >> 24);
	if (len)
		memcpy(h + ZL_DNSRECORD_HEADER, data, len);
	x->len = ZL_DNSRECORD_HEADER + len;
}

#define DATA(...) ((const uint8_t[]){ __VA_ARGS__ }), sizeof((const uint8_t[]){ __VA_ARGS__ })

/* DNS_COUNT_NAME bytes of "dc1.corp." and "corp.". */
#define CN_DC1 10, 2, 3, 'd', 'c', '1', 4, 'c', 'o', 'r', 'p', 0
#define CN_CORP 6, 1, 4, 'c', 'o', 'r', 'p', 0

static zl_dnsrecord rec;      /* 64 KiB: not on the test's stack */

/* Decodes x into a fresh view, returns the record text "TYPE rdata". */
static const char *decode_text(zl_model *m, zl_view *v, const blob *x,
                               char *buf, size_t size)
{
	char why[256];
	zl_record_spec spec = { .owner = t_name(m, "dc1.corp"), .line = 1 };
	const zl_record *r;

	ck_assert_msg(zl_dnsrecord_decode(x->b, x->len, &rec, why, sizeof why) == 0,
	              "decode failed: %s", why);
	ck_assert_int_eq(zl_dnsrecord_add(m, v, &rec, &spec), 0);
	r = zl_view_record(v, zl_view_record_count(v) - 1);
	snprintf(buf, size, "%s ", zl_type_name(zl_record_type(r)) ?
	         zl_type_name(zl_record_type(r)) : "?");
	zl_record_rdata_text(r, buf + strlen(buf), size - strlen(buf));
	return buf;
}

typedef struct good_case {
	uint16_t type;
	const uint8_t *data;
	size_t len;
	const char *text;         /* after decoding */
	const char *zonefile;     /* the same record as a zone file has it */
} good_case;

static const good_case good[] = {
	{ ZL_TYPE_A, DATA(10, 0, 0, 10), "A 10.0.0.10", "dc1.corp. A 10.0.0.10" },
	{ ZL_TYPE_AAAA, DATA(0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10),
	  "AAAA fd00::10", "dc1.corp. AAAA fd00::10" },
	{ ZL_TYPE_NS, DATA(CN_DC1), "NS dc1.corp.", "dc1.corp. NS dc1.corp." },
	{ ZL_TYPE_CNAME, DATA(CN_CORP), "CNAME corp.", "dc1.corp. CNAME corp." },
	{ ZL_TYPE_PTR, DATA(CN_DC1), "PTR dc1.corp.", "dc1.corp. PTR dc1.corp." },
	{ ZL_TYPE_DNAME, DATA(CN_CORP), "DNAME corp.", "dc1.corp. DNAME corp." },
	{ ZL_TYPE_MX, DATA(0, 10, CN_DC1), "MX 10 dc1.corp.",
	  "dc1.corp. MX 10 dc1.corp." },
	{ ZL_TYPE_SRV, DATA(0, 0, 0, 100, 0x01, 0x85, CN_DC1),
	  "SRV 0 100 389 dc1.corp.", "dc1.corp. SRV 0 100 389 dc1.corp." },
	{ ZL_TYPE_TXT, DATA(2, 'h', 'i', 0, 3, 'a', ' ', 'b'),
	  "TXT \"hi\" \"\" \"a b\"", "dc1.corp. TXT \"hi\" \"\" \"a b\"" },
	{ ZL_TYPE_SOA, DATA(0, 0, 0, 5, 0, 0, 3, 0x84, 0, 0, 2, 0x58,
	                    0, 1, 0x51, 0x80, 0, 0, 0x0e, 0x10, CN_DC1,
	                    17, 2, 10, 'h', 'o', 's', 't', 'm', 'a', 's', 't', 'e', 'r',
	                    4, 'c', 'o', 'r', 'p', 0),
	  "SOA dc1.corp. hostmaster.corp. 5 900 600 86400 3600",
	  "dc1.corp. SOA dc1.corp. hostmaster.corp. 5 900 600 86400 3600" },
	/* Samba's reader skips pad bytes up to the name's Length */
	{ ZL_TYPE_CNAME, DATA(8, 1, 4, 'c', 'o', 'r', 'p', 0, 0, 0), "CNAME corp.",
	  "dc1.corp. CNAME corp." },
	/* the root name: LabelCount 0 */
	{ ZL_TYPE_NS, DATA(1, 0, 0), "NS .", "dc1.corp. NS ." },
};

/* Every decoded type: the fields, and the same data a zone file gives. */
START_TEST(decodes_each_type)
{
	const good_case *c = &good[_i];
	zl_model *m = zl_model_new();
	zl_zone *z = t_zone(m, "corp", ZL_STORAGE_AD_DOMAIN);
	zl_view *v = zl_model_add_view(m, z, "ldap://dc1.corp/DC=corp");
	char text[512];
	blob x;

	make(&x, c->type, 3600, 3633973, c->data, c->len);
	ck_assert_str_eq(decode_text(m, v, &x, text, sizeof text), c->text);
	ck_assert(rec.decoded);
	ck_assert_uint_eq(rec.type, c->type);
	ck_assert_uint_eq(rec.ttl, 3600);
	ck_assert_uint_eq(rec.timestamp, 3633973);
	ck_assert_uint_eq(rec.serial, 7);
	ck_assert_uint_eq(rec.rank, 240);
	const zl_record *got = zl_view_record(v, 0);
	ck_assert_uint_eq(zl_record_ttl(got), 3600);
	ck_assert_uint_eq(zl_record_age(got), 3633973);
	ck_assert_uint_eq(zl_record_class(got), 1);
	t_record(m, v, 2, c->zonefile);
	ck_assert_msg(zl_record_same_data(got, zl_view_record(v, 1)),
	              "%s differs from the zone file's %s", c->text, c->zonefile);
	zl_model_free(m);
}
END_TEST

/* TtlSeconds is big-endian, unlike every other header number. */
START_TEST(ttl_is_big_endian_and_static_has_no_age)
{
	char why[128];
	blob x;

	make(&x, ZL_TYPE_A, 0x00015180, 0, DATA(10, 0, 0, 1));
	ck_assert_int_eq(zl_dnsrecord_decode(x.b, x.len, &rec, why, sizeof why), 0);
	ck_assert_uint_eq(rec.ttl, 86400);
	ck_assert_uint_eq(rec.timestamp, 0);
}
END_TEST

/* Types zonelint does not decode are kept as they are, without an error. */
START_TEST(other_types_stay_opaque)
{
	zl_model *m = zl_model_new();
	zl_zone *z = t_zone(m, "corp", ZL_STORAGE_AD_DOMAIN);
	zl_view *v = zl_model_add_view(m, z, "ldap://dc1.corp/DC=corp");
	char text[256];
	blob x;

	/* WINS (0xFF01, [MS-DNSP] 2.2.2.2.4.21), and HINFO as Windows stores it */
	make(&x, 0xFF01, 600, 0, DATA(0, 0, 0, 0, 0, 0, 0, 1));
	decode_text(m, v, &x, text, sizeof text);
	ck_assert(!rec.decoded);
	ck_assert_uint_eq(rec.data_len, 8);
	ck_assert_uint_eq(zl_record_type(zl_view_record(v, 0)), 0xFF01);
	ck_assert_str_eq(strchr(text, ' ') + 1, "\\# 8 0000000000000001");
	make(&x, 13, 600, 0, DATA(3, 'x', '8', '6', 5, 'l', 'i', 'n', 'u', 'x'));
	ck_assert_str_eq(decode_text(m, v, &x, text, sizeof text),
	                 "HINFO \\# 10 03783836056c696e7578");
	zl_model_free(m);
}
END_TEST

START_TEST(tombstone_is_flagged_by_type)
{
	char why[128];
	blob x;

	make(&x, ZL_DNSRECORD_TOMBSTONE, 0, 0, DATA(0x80, 0x3e, 0xd5, 0xde, 0xb1, 0x9d, 0x01, 0x00));
	ck_assert_int_eq(zl_dnsrecord_decode(x.b, x.len, &rec, why, sizeof why), 0);
	ck_assert_uint_eq(rec.type, ZL_DNSRECORD_TOMBSTONE);
	ck_assert(!rec.decoded);
}
END_TEST

typedef struct bad_case {
	const char *label;
	uint16_t type;
	const uint8_t *data;
	size_t len;
	const char *why;          /* a part of the reason */
} bad_case;

static const bad_case bad[] = {
	{ "A short", ZL_TYPE_A, DATA(10, 0, 0), "3 bytes; an address takes 4" },
	{ "A long", ZL_TYPE_A, DATA(10, 0, 0, 1, 9), "5 bytes" },
	{ "AAAA as A", ZL_TYPE_AAAA, DATA(10, 0, 0, 1), "takes 16" },
	{ "name past data", ZL_TYPE_CNAME, DATA(40, 1, 4, 'c', 'o', 'r', 'p', 0),
	  "runs past the data" },
	{ "label count high", ZL_TYPE_NS, DATA(6, 3, 4, 'c', 'o', 'r', 'p', 0),
	  "bad label 2 of 3" },
	{ "no zero label", ZL_TYPE_NS, DATA(6, 1, 4, 'c', 'o', 'r', 'p', 9),
	  "not terminated" },
	{ "label over 63", ZL_TYPE_PTR, DATA(4, 1, 64, 'a', 'b', 0), "bad label 1" },
	{ "compression pointer", ZL_TYPE_PTR, DATA(3, 1, 0xC0, 12, 0), "bad label 1" },
	{ "empty name data", ZL_TYPE_CNAME, DATA(1), "truncated" },
	{ "after the name", ZL_TYPE_CNAME, DATA(CN_CORP, 1, 2),
	  "2 bytes after its last field" },
	{ "MX without name", ZL_TYPE_MX, DATA(0), "needs 2 bytes" },
	{ "SRV short", ZL_TYPE_SRV, DATA(0, 0, 0, 100, 1), "needs 6 bytes" },
	{ "TXT past data", ZL_TYPE_TXT, DATA(2, 'h', 'i', 9, 'x'), "runs past" },
	{ "TXT empty", ZL_TYPE_TXT, NULL, 0, "no string" },
	{ "SOA short", ZL_TYPE_SOA, DATA(0, 0, 0, 5, 0, 0, 3, 0x84), "numbers take 20" },
	{ "SOA one name", ZL_TYPE_SOA, DATA(0, 0, 0, 5, 0, 0, 3, 0x84, 0, 0, 2, 0x58,
	  0, 1, 0x51, 0x80, 0, 0, 0x0e, 0x10, CN_DC1), "mailbox" },
};

START_TEST(malformed_data_is_refused_with_a_reason)
{
	const bad_case *c = &bad[_i];
	char why[256];
	blob x;

	make(&x, c->type, 600, 0, c->data, c->len);
	ck_assert_int_eq(zl_dnsrecord_decode(x.b, x.len, &rec, why, sizeof why), -1);
	ck_assert_msg(strstr(why, c->why) != NULL, "%s: '%s' lacks '%s'", c->label,
	              why, c->why);
	ck_assert(!rec.decoded);
}
END_TEST

/* A name of 128 labels of one octet is 257 octets: over RFC 1035's 255. */
START_TEST(name_over_255_octets)
{
	uint8_t data[300];
	char why[256];
	size_t n = 0;
	blob x;

	data[n++] = 0;            /* Length, set below */
	data[n++] = 128;
	for (int i = 0; i < 128; i++) {
		data[n++] = 1;
		data[n++] = 'a';
	}
	data[n++] = 0;
	data[0] = 255;            /* as much as the byte holds: still too long */
	make(&x, ZL_TYPE_CNAME, 600, 0, data, n);
	ck_assert_int_eq(zl_dnsrecord_decode(x.b, x.len, &rec, why, sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "bad label"));
}
END_TEST

/* The header: short values, a wrong version, DataLength against the
 * bytes actually there (both ways, and the largest value). */
START_TEST(malformed_header)
{
	char why[256];
	blob x;

	make(&x, ZL_TYPE_A, 600, 0, DATA(10, 0, 0, 1));
	ck_assert_int_eq(zl_dnsrecord_decode(x.b, 0, &rec, why, sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "0 bytes, the header alone takes 24"));
	ck_assert_int_eq(zl_dnsrecord_decode(x.b, 23, &rec, why, sizeof why), -1);
	ck_assert_int_eq(zl_dnsrecord_decode(x.b, x.len - 1, &rec, why, sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "DataLength 4 does not match the 3"));
	x.b[0] = 0xff;
	x.b[1] = 0xff;
	ck_assert_int_eq(zl_dnsrecord_decode(x.b, x.len, &rec, why, sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "DataLength 65535"));
	make(&x, ZL_TYPE_A, 600, 0, DATA(10, 0, 0, 1));
	x.b[4] = 4;
	ck_assert_int_eq(zl_dnsrecord_decode(x.b, x.len, &rec, why, sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "version 4"));
	/* a zero-size reason buffer is allowed */
	ck_assert_int_eq(zl_dnsrecord_decode(x.b, x.len, &rec, why, 0), -1);
}
END_TEST

/* Every prefix of a valid SOA value is refused, never read past. */
START_TEST(every_truncation_is_refused)
{
	const good_case *c = &good[9];
	uint8_t *copy;
	char why[256];
	blob x;

	make(&x, c->type, 600, 0, c->data, c->len);
	for (size_t n = 0; n < x.len; n++) {
		copy = malloc(n ? n : 1);    /* exact size: ASan sees any overread */
		memcpy(copy, x.b, n);
		if (n >= 2) {                /* DataLength consistent with n */
			copy[0] = (uint8_t)(n >= 24 ? n - 24 : 0);
			copy[1] = 0;
		}
		ck_assert_msg(zl_dnsrecord_decode(copy, n, &rec, why, sizeof why) == -1,
		              "a %zu-byte prefix was accepted", n);
		free(copy);
	}
}
END_TEST

/* dNSProperty ([MS-DNSP] 2.3.2.1): the aging intervals of a zone. */
START_TEST(zone_property_values)
{
	/* DataLength 4, NameLength 1, Flag 0, Version 1, Id 0x10, 168 h, Name */
	static const uint8_t norefresh[] = {
		4, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0x10, 0, 0, 0,
		168, 0, 0, 0, 0,
	};
	/* Id 0x20 with an empty Data: the default */
	static const uint8_t empty[] = {
		0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0x20, 0, 0, 0, 0,
	};
	uint32_t id = 0, value = 0;
	bool has = false;

	ck_assert_int_eq(zl_dnsproperty_decode(norefresh, sizeof norefresh, &id,
	                                       &value, &has), 0);
	ck_assert_uint_eq(id, ZL_DNSPROPERTY_NOREFRESH);
	ck_assert(has);
	ck_assert_uint_eq(value, 168);
	ck_assert_int_eq(zl_dnsproperty_decode(empty, sizeof empty, &id, &value,
	                                       &has), 0);
	ck_assert_uint_eq(id, ZL_DNSPROPERTY_REFRESH);
	ck_assert(!has);
	/* truncated header, and a DataLength past the end */
	ck_assert_int_eq(zl_dnsproperty_decode(norefresh, 19, &id, &value, &has), -1);
	ck_assert_int_eq(zl_dnsproperty_decode(norefresh, 23, &id, &value, &has), -1);
}
END_TEST

Suite *dnsrecord_suite(void)
{
	Suite *s = suite_create("dnsrecord");
	TCase *tc = tcase_create("decode");

	tcase_add_loop_test(tc, decodes_each_type, 0, sizeof good / sizeof good[0]);
	tcase_add_test(tc, ttl_is_big_endian_and_static_has_no_age);
	tcase_add_test(tc, other_types_stay_opaque);
	tcase_add_test(tc, tombstone_is_flagged_by_type);
	tcase_add_loop_test(tc, malformed_data_is_refused_with_a_reason, 0,
	                    sizeof bad / sizeof bad[0]);
	tcase_add_test(tc, name_over_255_octets);
	tcase_add_test(tc, malformed_header);
	tcase_add_test(tc, every_truncation_is_refused);
	tcase_add_test(tc, zone_property_values);
	suite_add_tcase(s, tc);
	return s;
}
