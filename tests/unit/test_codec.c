/*
 * Unit tests of the record codec: the type table (lint/rrtypes.c) and the
 * text of OTHER fields (lint/rdata_text.c).  The codec owns both since it
 * stopped asking ldns; ldns 1.8.3, whose table and printer zonelint's
 * record text has always followed, is the oracle here: its descriptor for
 * every type it knows, its text for a corpus of records, and its text (or
 * refusal) for random bytes of every field kind.
 */
#include <ldns/ldns.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "rdata.h"
#include "rrtypes.h"
#include "sources/rr_convert.h"
#include "suites.h"

/* ---- the table -------------------------------------------------------- */

/* The types zonelint reads from zone files itself. */
static const char *const own_read[] = {
	"NXT", "ATMA", "A6", "SINK", "NINFO", "RKEY", "DSYNC", "HHIT", "BRID",
	"AVC", "DOA", "AMTRELAY", "RESINFO", "WALLET", "TA",
};

START_TEST(test_rows_dense_by_code)
{
	for (unsigned c = 1; c <= 262; c++) {
		const zl_rrtype *t = zl_rrtype_describe((uint16_t)c);
		ck_assert_msg(t && t->code == c, "no row for code %u", c);
	}
	ck_assert_uint_eq(zl_rrtype_describe(32768)->code, 32768);
	ck_assert_uint_eq(zl_rrtype_describe(32769)->code, 32769);
	ck_assert_ptr_null(zl_rrtype_describe(0));
	ck_assert_ptr_null(zl_rrtype_describe(263));
	ck_assert_ptr_null(zl_rrtype_describe(65000));
	ck_assert_ptr_null(zl_type_name(65000));
}
END_TEST

/* Names as before the table was zonelint's: its own types' mnemonics,
 * else ldns's (TYPEnnn for codes it reserved unnamed), else none. */
START_TEST(test_names_as_before)
{
	for (unsigned c = 0; c <= 65535; c++) {
		const zl_rrtype *own = zl_rrtype_by_code((uint16_t)c);
		const ldns_rr_descriptor *d = ldns_rr_descript((uint16_t)c);
		const char *want = own ? own->name : d && d->_name ? d->_name : NULL;
		const char *got = zl_type_name((uint16_t)c);
		if (!want)
			ck_assert_msg(!got, "code %u: got %s, want none", c, got);
		else
			ck_assert_msg(got && strcmp(got, want) == 0, "code %u: got %s, want %s",
			              c, got ? got : "(null)", want);
	}
	ck_assert_str_eq(zl_type_name(54), "TYPE54");
	ck_assert_str_eq(zl_type_name(66), "DSYNC");
	ck_assert_str_eq(zl_type_name(ZL_TYPE_SRV), "SRV");
}
END_TEST

START_TEST(test_own_read_types)
{
	size_t n = 0;

	for (size_t i = 0; i < sizeof(own_read) / sizeof(own_read[0]); i++) {
		const zl_rrtype *t = zl_rrtype_by_name(own_read[i]);
		ck_assert_msg(t && t->fields, "%s is not read by zonelint", own_read[i]);
		ck_assert_ptr_eq(zl_rrtype_by_code(t->code), t);
	}
	ck_assert_ptr_eq(zl_rrtype_by_name("amtrelay"), zl_rrtype_by_code(260));
	/* ldns reads every other type */
	for (unsigned c = 0; c <= 65535; c++)
		n += zl_rrtype_by_code((uint16_t)c) != NULL;
	ck_assert_uint_eq(n, sizeof(own_read) / sizeof(own_read[0]));
	ck_assert_ptr_null(zl_rrtype_by_name("SRV"));
	ck_assert_ptr_null(zl_rrtype_by_code(ZL_TYPE_TXT));
}
END_TEST

/* The field kind ldns's converter gives an ldns field type (rr_convert.c). */
static zl_field_kind ldns_kind(ldns_rdf_type t)
{
	switch (t) {
	case LDNS_RDF_TYPE_DNAME: return ZL_FIELD_NAME;
	case LDNS_RDF_TYPE_A: case LDNS_RDF_TYPE_AAAA: return ZL_FIELD_ADDR;
	case LDNS_RDF_TYPE_INT8: case LDNS_RDF_TYPE_INT16: case LDNS_RDF_TYPE_INT32:
	case LDNS_RDF_TYPE_PERIOD:
		return ZL_FIELD_INT;
	default: return ZL_FIELD_OTHER;
	}
}

/* Every type ldns knows has the same number of fields in the table, each
 * of the kind the converter stores it as. */
START_TEST(test_field_kinds_every_type)
{
	for (unsigned c = 0; c <= 65535; c++) {
		const ldns_rr_descriptor *d = ldns_rr_descript((uint16_t)c);
		const zl_rrtype *t = zl_rrtype_describe((uint16_t)c);
		if (!d || !d->_name)
			continue;
		ck_assert_msg(t, "code %u has no row", c);
		if (t->flags & ZL_RRTYPE_OWN_NAME) {
			/* ldns reserved it unnamed: one UNKNOWN field */
			ck_assert_uint_eq(t->kinds[0], ZL_RDF_UNKNOWN);
			continue;
		}
		ck_assert_msg(t->min == d->_minimum && t->max == d->_maximum,
		              "%s: fields %u..%u, ldns %u..%u", t->name, t->min, t->max,
		              d->_minimum, d->_maximum);
		ck_assert_msg((t->repeat != 0) == (d->_variable != LDNS_RDF_TYPE_NONE),
		              "%s: repeat", t->name);
		for (unsigned i = 0; i < d->_maximum + 2u; i++) {
			ldns_rdf_type want = i < d->_maximum ? d->_wireformat[i] : d->_variable;
			zl_rdf got = (zl_rdf)zl_rrtype_field(t, i);
			if (want == LDNS_RDF_TYPE_NONE) {
				ck_assert_msg(got == ZL_RDF_NONE, "%s field %u", t->name, i);
				continue;
			}
			ck_assert_msg(got != ZL_RDF_NONE, "%s field %u missing", t->name, i);
			ck_assert_msg(zl_rdf_field_kind(got) == ldns_kind(want),
			              "%s field %u: kind %d, ldns %d", t->name, i,
			              zl_rdf_field_kind(got), ldns_kind(want));
		}
	}
}
END_TEST

START_TEST(test_field_kinds_named)
{
	static const uint8_t soa[] = { ZL_RDF_NAME, ZL_RDF_NAME, ZL_RDF_INT32, ZL_RDF_PERIOD,
	                               ZL_RDF_PERIOD, ZL_RDF_PERIOD, ZL_RDF_PERIOD };
	static const uint8_t srv[] = { ZL_RDF_INT16, ZL_RDF_INT16, ZL_RDF_INT16, ZL_RDF_NAME };
	static const uint8_t ds[] = { ZL_RDF_INT16, ZL_RDF_CODE8, ZL_RDF_INT8, ZL_RDF_HEX };
	static const uint8_t caa[] = { ZL_RDF_INT8, ZL_RDF_TAG, ZL_RDF_LONG_STR };
	const zl_rrtype *t;

	t = zl_rrtype_describe(ZL_TYPE_SOA);
	ck_assert_uint_eq(t->max, 7);
	ck_assert_mem_eq(t->kinds, soa, sizeof(soa));
	t = zl_rrtype_describe(ZL_TYPE_SRV);
	ck_assert_mem_eq(t->kinds, srv, sizeof(srv));
	ck_assert_uint_eq(zl_rrtype_field(t, 4), ZL_RDF_NONE);
	ck_assert_mem_eq(zl_rrtype_describe(43)->kinds, ds, sizeof(ds));
	ck_assert_mem_eq(zl_rrtype_describe(257)->kinds, caa, sizeof(caa));
	t = zl_rrtype_describe(ZL_TYPE_TXT);
	ck_assert_uint_eq(zl_rrtype_field(t, 0), ZL_RDF_STR);
	ck_assert_uint_eq(zl_rrtype_field(t, 300), ZL_RDF_STR);
	ck_assert_uint_eq(zl_rdf_field_kind(ZL_RDF_CODE8), ZL_FIELD_OTHER);
	ck_assert_uint_eq(zl_rdf_field_kind(ZL_RDF_PERIOD), ZL_FIELD_INT);
	ck_assert_uint_eq(zl_rdf_field_kind(ZL_RDF_AAAA), ZL_FIELD_ADDR);
}
END_TEST

/* ---- record text ------------------------------------------------------ */

/* Records of many types, in the forms their RFCs give. */
static const char *const corpus[] = {
	"t.corp. TXT \"v=spf1 -all\" \"two\\\"quoted\\\\\" \"\\009tab\\255\"",
	"t.corp. TXT \"\"",
	"t.corp. CAA 0 issue \"ca.example.net; account=230123\"",
	"t.corp. CAA 128 tbs \"Unknown \\\"critical\\\"\"",
	"t.corp. SSHFP 4 2 123456789abcdef67890123456789abcdef67890123456789abcdef123456789a",
	"t.corp. DS 60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118",
	"t.corp. CDS 0 0 0 00",
	"t.corp. NSEC host.corp. A MX RRSIG NSEC TYPE1234 TYPE66 TYPE260",
	"t.corp. NSEC host.corp.",
	"t.corp. TLSA 3 1 1 d2abde240d7cd3ee6b4b28c54df034b97983a1d16e8a410e4561cb106618e971",
	"t.corp. SMIMEA 0 0 0 30",
	"t.corp. SVCB 1 . alpn=h2,h3 port=8443 ipv4hint=192.0.2.1,192.0.2.2 "
	"ech=AEP+DQA= ipv6hint=2001:db8::1 mandatory=alpn,port key65333=ex\\\"1",
	"t.corp. SVCB 0 svc.corp.",
	"t.corp. HTTPS 1 . alpn=\"h2,h3 x\" no-default-alpn dohpath=/q{?dns}",
	"t.corp. LOC 42 21 54.500 N 71 06 18.300 W -24m 30m",
	"t.corp. LOC 52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m",
	"t.corp. LOC 0 0 0 S 180 0 0 E 42849672.95m 90000000m 1m 0m",
	"t.corp. HINFO \"INTEL-386\" \"Windows Server 2019\"",
	"t.corp. TYPE65000 \\# 3 abcdef",
	"t.corp. TYPE65001 \\# 0",
	"t.corp. RRSIG A 8 2 3600 20301231000000 20201231000000 12345 corp. "
	"aGVsbG8gd29ybGQ=",
	"t.corp. RRSIG TYPE66 13 2 3600 20260101000000 20251201000000 1 corp. AAAA",
	"t.corp. DNSKEY 257 3 8 AwEAAagAIKlVZrpC6Ia7gEzahOR+9W29euxhJhVVLOyQbSEW0O8gcCjF",
	"t.corp. NSEC3 1 1 12 aabbccdd 2vptu5timamqttgl4luu9kg21e0aor3s A RRSIG",
	"t.corp. NSEC3 1 0 0 - 2vptu5timamqttgl4luu9kg21e0aor3s",
	"t.corp. NSEC3PARAM 1 0 0 -",
	"t.corp. NSEC3PARAM 1 0 10 ab",
	"t.corp. IPSECKEY 10 1 2 192.0.2.38 AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==",
	"t.corp. IPSECKEY 10 0 2 . AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==",
	"t.corp. IPSECKEY 10 3 2 gw.corp. AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==",
	"t.corp. IPSECKEY 10 2 2 2001:db8:0:8002::2000:1 AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==",
	"t.corp. WKS 192.0.2.1 TCP smtp domain 65",
	"t.corp. WKS 192.0.2.1 17 53",
	"t.corp. APL 1:192.168.32.0/21 !1:192.168.38.0/28 2:2001:db8::/32",
	"t.corp. HIP 2 200100107B1A74DF365639CC39F1D578 "
	"AwEAAbdxyhNuSutc5EMzxTs9LBPCIkOFH8cIvM4p9+LrV4e19WzK00+CI6zBCQTdtWsuxKbWIy87UOoJTwkUs7lBu+Upr1gsNrut79ryra+bSRGQb1slImA8YVJyuIDsj7kwzG7jnERNqnWxZ48AWkskmdHaVDP4BcelrTI3rMXdXF5D "
	"rvs1.example.com. rvs2.example.com.",
	"t.corp. NAPTR 100 10 \"S\" \"SIP+D2U\" \"!^.*$!sip:a@b!\" _sip._udp.corp.",
	"t.corp. CERT PGP 0 0 AAAA",
	"t.corp. CERT 65000 1 2 AAAA",
	"t.corp. CERT URI 0 0 AAAA",
	"t.corp. EUI48 00-00-5e-00-53-2a",
	"t.corp. EUI64 00-00-5e-ef-10-00-00-2a",
	"t.corp. NID 10 0014:4fff:ff20:ee64",
	"t.corp. L64 10 2001:0db8:1140:1000",
	"t.corp. L32 10 10.1.2.0",
	"t.corp. URI 10 1 \"ftp://ftp1.example.com/public\"",
	"t.corp. CSYNC 66 3 A NS AAAA",
	"t.corp. ZONEMD 2018031500 1 1 FEBE3D4CE2EC2FFA4BA99D46CD69D6D29711E55217057BEE"
	"7EB1A7B641A47BA7FED2DD5B97AE499FAFA4F22C6BD647DE",
	"t.corp. OPENPGPKEY AQID",
	"t.corp. DHCID AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=",
	"t.corp. NSAP 0x47.0005.80.005a00.0000.0001.e133.aaaaaa000151.00",
	"t.corp. X25 \"311061700956\"",
	"t.corp. ISDN \"150862028003217\" \"004\"",
	"t.corp. GPOS \"-32.6882\" \"116.8652\" \"10.0\"",
	"t.corp. KEY 256 3 5 AQPSKmynfzW4kyBv015MUG2DeIQ3",
	"t.corp. SOA ns1.corp. hostmaster.corp. 2024010101 900 600 86400 3600",
	"t.corp. SRV 0 100 389 dc1.corp.",
	"t.corp. MX 10 mail.corp.",
	"t.corp. AAAA fd00::1",
	"t.corp. NULL \\# 2 0102",
	"t.corp. DLV 60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118",
	"t.corp. SPF \"v=spf1 -all\"",
	"t.corp. A6 \\# 17 00 20010db8000000000000000000000001",
	"t.corp. SINK \\# 3 010203",
	"t.corp. NXT \\# 5 016e006000",
};

/* The text before the codec was zonelint's: names, addresses and numbers
 * from the record, every other field as ldns writes it. */
static void old_text(const zl_record *r, const ldns_rr *rr, char *buf, size_t size)
{
	size_t used = 0;
	char one[4096];
	zl_addr a;

	buf[0] = '\0';
	for (size_t i = 0; i < zl_record_field_count(r); i++) {
		switch (zl_record_field_kind(r, i)) {
		case ZL_FIELD_NAME:
			snprintf(one, sizeof(one), "%s", zl_name_text(zl_record_field_name(r, i)));
			break;
		case ZL_FIELD_ADDR:
			zl_record_field_addr(r, i, &a);
			zl_addr_format(&a, one, sizeof(one));
			break;
		case ZL_FIELD_INT:
			snprintf(one, sizeof(one), "%u", (unsigned)zl_record_field_int(r, i));
			break;
		default: {
			char *s = ldns_rdf2str(ldns_rr_rdf(rr, i));
			snprintf(one, sizeof(one), "%s", s ? s : "?");
			free(s);
		}
		}
		used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? " " : "", one);
	}
}

START_TEST(test_text_as_ldns)
{
	zl_model *m = zl_model_new();
	zl_zone *z = t_zone(m, "corp", ZL_STORAGE_FILE);
	zl_view *v = zl_model_add_view(m, z, "corp.dns");
	static char got[8192], want[8192];

	for (size_t k = 0; k < sizeof(corpus) / sizeof(corpus[0]); k++) {
		ldns_rr *rr = NULL;
		ldns_status st = ldns_rr_new_frm_str(&rr, corpus[k], 3600, NULL, NULL);
		ck_assert_msg(st == LDNS_STATUS_OK, "corpus %zu: %s", k, ldns_get_errorstr_by_id(st));
		ck_assert_int_eq(zl_record_from_ldns(m, v, rr, 0, (uint32_t)k + 1, 0), 0);
		const zl_record *r = zl_view_record(v, zl_view_record_count(v) - 1);
		old_text(r, rr, want, sizeof(want));
		zl_record_rdata_text(r, got, sizeof(got));
		ck_assert_msg(strcmp(got, want) == 0, "%s\n got: %s\nwant: %s", corpus[k], got, want);
		ldns_rr_free(rr);
	}
	zl_model_free(m);
}
END_TEST

/* The sample's text, written out. */
START_TEST(test_text_sample)
{
	static const struct { const char *rr, *text; } cases[] = {
		{ "t.corp. TXT \"a b\" \"c\\\"d\"", "\"a b\" \"c\\\"d\"" },
		{ "t.corp. CAA 0 issue \"ca.example.net\"", "0 issue \"ca.example.net\"" },
		{ "t.corp. SSHFP 1 1 0A0b", "1 1 0a0b" },
		{ "t.corp. DS 1 8 2 ABCD", "1 8 2 abcd" },
		{ "t.corp. NSEC h.corp. A NS TYPE66", "h.corp. A NS TYPE66 " },
		{ "t.corp. TLSA 3 1 1 AB", "3 1 1 ab" },
		{ "t.corp. SVCB 1 . alpn=h2 port=443", "1 . alpn=h2 port=443" },
		{ "t.corp. LOC 52 22 23 N 4 53 32 E -2m", "52 22 23.000 N 04 53 32.000 E -2m 1m 10000m 10m" },
		{ "t.corp. HINFO PC \"Windows Server\"", "\"PC\" \"Windows Server\"" },
		{ "t.corp. TYPE65000 \\# 2 0aff", "\\# 2 0aff" },
	};
	zl_model *m = zl_model_new();
	zl_zone *z = t_zone(m, "corp", ZL_STORAGE_FILE);
	zl_view *v = zl_model_add_view(m, z, "corp.dns");
	char text[512];

	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		t_record(m, v, (unsigned)k + 1, cases[k].rr);
		const zl_record *r = zl_view_record(v, zl_view_record_count(v) - 1);
		ck_assert_str_eq(zl_record_rdata_text(r, text, sizeof(text)), cases[k].text);
	}
	zl_model_free(m);
}
END_TEST

/* Each codec form and the ldns field type it stands for. */
static const struct { zl_rdf rdf; ldns_rdf_type ldns; size_t exact; } forms[] = {
	{ ZL_RDF_UNKNOWN, LDNS_RDF_TYPE_UNKNOWN, 0 },
	{ ZL_RDF_INT8, LDNS_RDF_TYPE_INT8, 1 },
	{ ZL_RDF_CODE8, LDNS_RDF_TYPE_ALG, 1 },
	{ ZL_RDF_INT16, LDNS_RDF_TYPE_INT16, 2 },
	{ ZL_RDF_INT32, LDNS_RDF_TYPE_INT32, 4 },
	{ ZL_RDF_PERIOD, LDNS_RDF_TYPE_PERIOD, 0 },
	{ ZL_RDF_A, LDNS_RDF_TYPE_A, 4 },
	{ ZL_RDF_AAAA, LDNS_RDF_TYPE_AAAA, 16 },
	{ ZL_RDF_STR, LDNS_RDF_TYPE_STR, 0 },
	{ ZL_RDF_LONG_STR, LDNS_RDF_TYPE_LONG_STR, 0 },
	{ ZL_RDF_APL, LDNS_RDF_TYPE_APL, 0 },
	{ ZL_RDF_B32_EXT, LDNS_RDF_TYPE_B32_EXT, 0 },
	{ ZL_RDF_B64, LDNS_RDF_TYPE_B64, 0 },
	{ ZL_RDF_HEX, LDNS_RDF_TYPE_HEX, 0 },
	{ ZL_RDF_NSEC, LDNS_RDF_TYPE_NSEC, 0 },
	{ ZL_RDF_TYPE, LDNS_RDF_TYPE_TYPE, 2 },
	{ ZL_RDF_CLASS, LDNS_RDF_TYPE_CLASS, 2 },
	{ ZL_RDF_CERT_ALG, LDNS_RDF_TYPE_CERT_ALG, 2 },
	{ ZL_RDF_TIME, LDNS_RDF_TYPE_TIME, 0 },
	{ ZL_RDF_TSIGTIME, LDNS_RDF_TYPE_TSIGTIME, 0 },
	{ ZL_RDF_HIP, LDNS_RDF_TYPE_HIP, 0 },
	{ ZL_RDF_INT16_DATA, LDNS_RDF_TYPE_INT16_DATA, 0 },
	{ ZL_RDF_LOC, LDNS_RDF_TYPE_LOC, 0 },
	{ ZL_RDF_WKS, LDNS_RDF_TYPE_WKS, 0 },
	{ ZL_RDF_NSAP, LDNS_RDF_TYPE_NSAP, 0 },
	{ ZL_RDF_ATMA, LDNS_RDF_TYPE_ATMA, 0 },
	{ ZL_RDF_IPSECKEY, LDNS_RDF_TYPE_IPSECKEY, 0 },
	{ ZL_RDF_NSEC3_SALT, LDNS_RDF_TYPE_NSEC3_SALT, 0 },
	{ ZL_RDF_ILNP64, LDNS_RDF_TYPE_ILNP64, 0 },
	{ ZL_RDF_EUI48, LDNS_RDF_TYPE_EUI48, 0 },
	{ ZL_RDF_EUI64, LDNS_RDF_TYPE_EUI64, 0 },
	{ ZL_RDF_TAG, LDNS_RDF_TYPE_TAG, 0 },
	{ ZL_RDF_AMTRELAY, LDNS_RDF_TYPE_AMTRELAY, 0 },
	{ ZL_RDF_SVCPARAMS, LDNS_RDF_TYPE_SVCPARAMS, 0 },
};

/* Bytes a printer of this form has to walk: mostly small values, so that
 * lengths inside the data often fit, with some of every byte. */
static void random_bytes(unsigned *seed, uint8_t *d, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned r = (unsigned)rand_r(seed);
		d[i] = (uint8_t)(r % 4 == 0 ? r >> 8 : (r >> 8) % 8);
	}
}

/* Random bytes of every form: the codec writes what ldns writes, and
 * refuses ("?") what ldns refuses. */
START_TEST(test_text_random_as_ldns)
{
	unsigned seed = 14;
	uint8_t data[64];
	char got[4096];

	for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
		/* WKS reads the services database for every port it names */
		unsigned tries = forms[f].rdf == ZL_RDF_WKS ? 100 : 3000;
		for (unsigned k = 0; k < tries; k++) {
			size_t n = forms[f].exact ? forms[f].exact : (size_t)rand_r(&seed) % 48;
			random_bytes(&seed, data, n);
			ldns_rdf *rdf = ldns_rdf_new(forms[f].ldns, n, data);
			char *want = ldns_rdf2str(rdf);
			ldns_rdf_free(rdf);     /* the struct, not the bytes */
			zl_rdf_text(forms[f].rdf, data, n, got, sizeof(got));
			ck_assert_msg(strcmp(got, want ? want : "?") == 0,
			              "form %d, %zu bytes: got '%s', want '%s'", (int)forms[f].rdf,
			              n, got, want ? want : "?");
			free(want);
		}
	}
}
END_TEST

START_TEST(test_text_truncated)
{
	static const uint8_t d[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	char buf[6];

	ck_assert(zl_rdf_text(ZL_RDF_HEX, d, sizeof(d), buf, sizeof(buf)));
	ck_assert_str_eq(buf, "01020");
	ck_assert(!zl_rdf_text(ZL_RDF_STR, d, 0, buf, sizeof(buf)));
	ck_assert_str_eq(buf, "?");
	ck_assert(zl_rdf_text(ZL_RDF_NONE, d, sizeof(d), buf, sizeof(buf)));
	ck_assert_str_eq(buf, "");
}
END_TEST

Suite *codec_suite(void)
{
	Suite *s = suite_create("codec");
	TCase *tc = tcase_create("codec");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_rows_dense_by_code);
	tcase_add_test(tc, test_names_as_before);
	tcase_add_test(tc, test_own_read_types);
	tcase_add_test(tc, test_field_kinds_every_type);
	tcase_add_test(tc, test_field_kinds_named);
	tcase_add_test(tc, test_text_as_ldns);
	tcase_add_test(tc, test_text_sample);
	tcase_add_test(tc, test_text_random_as_ldns);
	tcase_add_test(tc, test_text_truncated);
	suite_add_tcase(s, tc);
	return s;
}
