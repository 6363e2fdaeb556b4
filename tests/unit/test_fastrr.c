/*
 * Unit tests of the fast rdata parser (lint/sources/fastrr.c) against its
 * reference, ldns: every record of the corpus is parsed both ways, and the
 * two must give the same type, class and rdata field for field (same
 * field kinds, same bytes, the same interned names).  The corpus is a
 * table of hand-written records (the forms AD zones use, and the edge
 * cases of each field) and a few thousand generated ones; records the fast
 * parser must leave to ldns are a table too.
 */
#include <arpa/inet.h>
#include <ldns/ldns.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "sources/fastrr.h"
#include "sources/rr_convert.h"
#include "suites.h"

#define ORIGIN "corp.example."
#define MAX_TOKENS 64

static zl_model *m;
static const zl_name *origin;
static zl_rdata_builder *fast, *ref;

static void setup(void)
{
	m = zl_model_new();
	ck_assert_ptr_nonnull(m);
	origin = zl_model_intern(m, ORIGIN);
	ck_assert_ptr_nonnull(origin);
	fast = malloc(sizeof(*fast));
	ref = malloc(sizeof(*ref));
	ck_assert(fast && ref);
}

static void teardown(void)
{
	zl_model_free(m);
	free(fast);
	free(ref);
}

/* Splits rdata text as the zone file reader does for these simple forms:
 * words and "..." strings (no escapes inside), separated by blanks. */
static size_t split(const char *text, zl_rdata_token *tok)
{
	size_t n = 0;
	const char *p = text;

	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		ck_assert_uint_lt(n, MAX_TOKENS);
		const char *s = p;
		if (*p == '"') {
			p = strchr(p + 1, '"');
			ck_assert_ptr_nonnull(p);
			p++;
		} else {
			while (*p && *p != ' ' && *p != '\t')
				p++;
		}
		tok[n++] = (zl_rdata_token){ s, (size_t)(p - s), *s == '"' };
	}
	return n;
}

/* ldns's parse of "@ 0 IN TYPE RDATA" into ref; returns the type. */
static uint16_t parse_ref(const char *type, const char *rdata)
{
	char line[4096];
	ldns_rr *rr = NULL;
	ldns_rdf *o = ldns_dname_new_frm_str(ORIGIN);

	snprintf(line, sizeof(line), "@ 0 IN %s %s", type, rdata);
	ldns_status st = ldns_rr_new_frm_str(&rr, line, 0, o, NULL);
	ldns_rdf_deep_free(o);
	ck_assert_msg(st == LDNS_STATUS_OK, "ldns refuses '%s': %s", line,
	              ldns_get_errorstr_by_id(st));
	ck_assert_int_eq(zl_rdata_from_ldns(m, rr, ref), ZL_RR_OK);
	uint16_t code = (uint16_t)ldns_rr_get_type(rr);
	ldns_rr_free(rr);
	return code;
}

/* The fast parse of the same text; ZL_FAST_OK or ZL_FAST_DECLINED. */
static int parse_fast(uint16_t code, const char *rdata)
{
	zl_rdata_token tok[MAX_TOKENS];
	size_t n = split(rdata, tok);

	zl_rdata_begin(fast);
	return zl_fastrr_parse(m, code, tok, n, origin, fast);
}

/* Both parsers agree on this record, and the fast one takes it. */
static void same(const char *type, const char *rdata)
{
	uint16_t code = parse_ref(type, rdata);

	ck_assert_msg(zl_fastrr_handles(code), "%s is not a fast type", type);
	ck_assert_msg(parse_fast(code, rdata) == ZL_FAST_OK,
	              "fast parser declines %s '%s'", type, rdata);
	ck_assert_msg(!fast->overflow && !ref->overflow, "%s '%s' overflows", type, rdata);
	ck_assert_msg(fast->count == ref->count, "%s '%s': %u fields, ldns %u", type,
	              rdata, fast->count, ref->count);
	ck_assert_msg(fast->len == ref->len && memcmp(fast->buf, ref->buf, ref->len) == 0,
	              "%s '%s': fields differ from ldns's", type, rdata);
}

/* The record ldns reads but the fast parser must leave to it. */
static void declined(const char *type, const char *rdata)
{
	uint16_t code = (uint16_t)ldns_get_rr_type_by_name(type);

	ck_assert_msg(parse_fast(code, rdata) == ZL_FAST_DECLINED,
	              "fast parser takes %s '%s'", type, rdata);
}

static const struct { const char *type, *rdata; } corpus[] = {
	/* as AD zones and Windows exports write them */
	{ "A", "10.0.0.10" }, { "A", "0.0.0.0" }, { "A", "255.255.255.255" },
	{ "AAAA", "fd00::10" }, { "AAAA", "::1" }, { "AAAA", "::" },
	{ "AAAA", "2001:db8:0:0:1:0:0:1" }, { "AAAA", "::ffff:10.1.2.3" },
	{ "AAAA", "FD00:AD::BEEF" },
	{ "NS", "dc1.corp.example." }, { "NS", "dc1" }, { "NS", "@" }, { "NS", "." },
	{ "NS", "DC1.Corp.Example." }, { "NS", "a-b_c.sub" },
	{ "CNAME", "dc1.corp.example." }, { "CNAME", "7e80696e-661e-486b-a4fc-1331c1925246._msdcs" },
	{ "PTR", "host.corp.example." }, { "PTR", "10.in-addr.arpa." },
	{ "MX", "10 mail.corp.example." }, { "MX", "0 ." }, { "MX", "65535 mx" },
	{ "MX", "010 mx" },
	{ "SRV", "0 100 389 dc1.corp.example." }, { "SRV", "65535 65535 65535 dc1" },
	{ "SRV", "0 0 0 ." },
	{ "TXT", "\"v=spf1 -all\"" }, { "TXT", "word" }, { "TXT", "\"\"" },
	{ "TXT", "\"a\" \"b c\" d" }, { "TXT", "\"caf\xc3\xa9\"" },
	{ "SOA", "dc1.corp.example. hostmaster.corp.example. 41 900 600 86400 3600" },
	{ "SOA", "dc1 hostmaster 4294967295 4294967295 0 0 0" },
	{ "SOA", "@ @ 1 2 3 4 5" },
	/* the longest names and labels there are */
	{ "NS", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.b." },
};

/* Left to ldns: escapes, quotes, units, odd counts, out-of-range values. */
static const struct { const char *type, *rdata; } leave[] = {
	{ "A", "010.0.0.1" }, { "A", "10.0.0.1 x" }, { "A", "\"10.0.0.1\"" },
	{ "A", "10.0.0" }, { "A", "10.0.0.1." }, { "A", "10..0.1" }, { "A", "256.0.0.1" },
	{ "A", "1.2.3.4.5" }, { "A", ".1.2.3" }, { "A", "1.2.3.00" }, { "A", "1.2.3.4x" },
	{ "AAAA", "::1 ::2" }, { "NS", "a\\.b" }, { "NS", "\"a.b\"" },
	{ "NS", "a..b" }, { "NS", "a b" }, { "CNAME", "a\\065" },
	{ "PTR", "@." }, { "PTR", "@.b" }, { "MX", "10 @a" },
	{ "MX", "70000 mx" }, { "MX", "-1 mx" }, { "MX", "+5 mx" }, { "MX", "5" },
	{ "SRV", "1 2 3" }, { "SRV", "1 2 x a" },
	{ "TXT", "a\\\"b" }, { "TXT", "abc\"def\"" },
	{ "SOA", "a b 1 1h 3 4 5" }, { "SOA", "a b 4294967296 1 1 1 1" },
	{ "SOA", "a b 1 2 3 4" },
	{ "HINFO", "\"PC\" \"Windows\"" },
};

START_TEST(corpus_matches_ldns)
{
	same(corpus[_i].type, corpus[_i].rdata);
}
END_TEST

START_TEST(left_to_ldns)
{
	declined(leave[_i].type, leave[_i].rdata);
}
END_TEST

/* A deterministic generator (xorshift), so a failure can be replayed. */
static uint32_t next_random(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* A random host name: 1-4 labels of letters, digits and '-', any case,
 * relative or absolute. */
static void random_name(uint32_t *s, char *out)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
	unsigned labels = 1 + next_random(s) % 4;

	for (unsigned l = 0; l < labels; l++) {
		unsigned len = 1 + next_random(s) % 20;
		for (unsigned k = 0; k < len; k++)
			*out++ = chars[next_random(s) % (sizeof(chars) - 1)];
		if (l + 1 < labels)
			*out++ = '.';
	}
	if (next_random(s) % 2)
		*out++ = '.';
	*out = '\0';
}

/* A random printable string without quotes or backslashes. */
static void random_string(uint32_t *s, char *out)
{
	unsigned len = next_random(s) % 40;

	*out++ = '"';
	for (unsigned k = 0; k < len; k++) {
		char c = (char)(' ' + next_random(s) % 95);
		*out++ = c == '"' || c == '\\' ? 'x' : c;
	}
	*out++ = '"';
	*out = '\0';
}

START_TEST(generated_records_match_ldns)
{
	uint32_t s = 0x2545f491u + (uint32_t)_i;
	char rdata[1024], a[300], b[300];

	for (int k = 0; k < 500; k++) {
		uint32_t r = next_random(&s);
		random_name(&s, a);
		random_name(&s, b);
		switch (r % 8) {
		case 0:
			snprintf(rdata, sizeof(rdata), "%u.%u.%u.%u", r >> 24, r >> 16 & 255,
			         r >> 8 & 255, next_random(&s) & 255);
			same("A", rdata);
			break;
		case 1:
			snprintf(rdata, sizeof(rdata), "fd%02x:%x::%x:%x", r & 255, r >> 8 & 0xffff,
			         next_random(&s) & 0xffff, r >> 24);
			same("AAAA", rdata);
			break;
		case 2:
			same(r & 8 ? "CNAME" : r & 16 ? "NS" : "PTR", a);
			break;
		case 3:
			snprintf(rdata, sizeof(rdata), "%u %s", r % 65536, a);
			same("MX", rdata);
			break;
		case 4:
			snprintf(rdata, sizeof(rdata), "%u %u %u %s", r % 65536, (r >> 8) % 65536,
			         next_random(&s) % 65536, a);
			same("SRV", rdata);
			break;
		case 5:
			random_string(&s, a);
			random_string(&s, b);
			snprintf(rdata, sizeof(rdata), "%s %s", a, b);
			same("TXT", rdata);
			break;
		default:
			snprintf(rdata, sizeof(rdata), "%s %s %u %u %u %u %u", a, b, r,
			         next_random(&s), next_random(&s), next_random(&s), r >> 3);
			same("SOA", rdata);
			break;
		}
	}
}
END_TEST

/* Random digit-and-dot texts: the fast parser takes exactly those
 * inet_pton(AF_INET) takes (what ldns calls), with the same bytes. */
START_TEST(ipv4_texts_match_inet_pton)
{
	uint32_t s = 0x9e3779b9u;
	char text[20];
	uint8_t want[4];

	for (int k = 0; k < 20000; k++) {
		size_t len = 1 + next_random(&s) % 16;
		for (size_t i = 0; i < len; i++)
			text[i] = next_random(&s) % 4 == 0 ? '.' : (char)('0' + next_random(&s) % 10);
		text[len] = '\0';
		bool ref_ok = inet_pton(AF_INET, text, want) == 1;
		bool fast_ok = parse_fast(ZL_TYPE_A, text) == ZL_FAST_OK;
		ck_assert_msg(fast_ok == ref_ok, "'%s': fast %d, inet_pton %d", text, fast_ok, ref_ok);
		if (ref_ok) {
			ck_assert_uint_eq(fast->len, 5);
			ck_assert_msg(memcmp(fast->buf + 1, want, 4) == 0, "'%s': other bytes", text);
		}
	}
}
END_TEST

/* Random name texts (escapes, special characters, empty and long labels,
 * any case): the quick interning of a name relative to the origin gives
 * the very name the full parse of the joined text gives, or both fail. */
START_TEST(names_match_full_parse)
{
	static const char chars[] = "aZ0-_.\\\"@$;()*9 x";
	uint32_t s = 0x1234567u;
	char text[400], joined[800];

	for (int k = 0; k < 20000; k++) {
		size_t len = 1 + next_random(&s) % (k % 50 == 0 ? 300 : 24);
		for (size_t i = 0; i < len; i++)
			text[i] = chars[next_random(&s) % (sizeof(chars) - 1)];
		text[len] = '\0';
		bool absolute = false;
		size_t slashes = 0;
		while (slashes + 1 < len && text[len - 2 - slashes] == '\\')
			slashes++;
		absolute = text[len - 1] == '.' && slashes % 2 == 0;
		snprintf(joined, sizeof(joined), absolute ? "%s" : "%s.%s", text, ORIGIN);
		const zl_name *want = zl_model_intern(m, joined);
		const zl_name *got = zl_model_intern_rel(m, text, len, origin);
		ck_assert_msg(got == want, "'%s': %s, full parse %s", text,
		              got ? zl_name_text(got) : "(null)", want ? zl_name_text(want) : "(null)");
	}
}
END_TEST

Suite *fastrr_suite(void)
{
	Suite *s = suite_create("fastrr");
	TCase *tc = tcase_create("against ldns");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, corpus_matches_ldns, 0, sizeof(corpus) / sizeof(corpus[0]));
	tcase_add_loop_test(tc, left_to_ldns, 0, sizeof(leave) / sizeof(leave[0]));
	tcase_add_loop_test(tc, generated_records_match_ldns, 0, 8);
	tcase_add_test(tc, ipv4_texts_match_inet_pton);
	tcase_add_test(tc, names_match_full_parse);
	suite_add_tcase(s, tc);
	return s;
}
