/*
 * Unit tests of the zone file loader (lint/sources/zonefile/) and the
 * ldns record converter.  Fixtures: tests/data/zones/, one file per case,
 * named after it; cases that need symbolic links, deep nesting or huge
 * lines write their files into a temporary folder.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "model_int.h"
#include "sources/rr_convert.h"
#include "sources/zonefile.h"
#include "suites.h"

#define ZONES ZL_TEST_DATA "/zones/"

static zl_model *m;
static zl_view *v;

static void teardown(void)
{
	zl_model_free(m);
	m = NULL;
	v = NULL;
}

/* Loads `path` as the one view of zone `origin`. */
static int load_path(const char *path, const char *origin, bool anywhere)
{
	zl_zonefile_options o = { .include_anywhere = anywhere };
	zl_location cli = { "<test>", 0, 0 };

	m = zl_model_new();
	ck_assert_ptr_nonnull(m);
	zl_zone *z = zl_model_add_zone(m, zl_model_intern(m, origin), cli);
	ck_assert_ptr_nonnull(z);
	zl_zone_set_storage(z, ZL_STORAGE_FILE);
	zl_zone_set_hosts_explicit(z);
	ck_assert_int_eq(zl_model_resolve(m), 0);
	v = zl_model_add_view(m, z, path);
	ck_assert_ptr_nonnull(v);
	return zl_zonefile_load(m, v, &o);
}

/* Loads fixture tests/data/zones/<file> as zone corp; it must be read. */
static void load(const char *file)
{
	char path[512];

	snprintf(path, sizeof(path), ZONES "%s", file);
	ck_assert_msg(load_path(path, "corp", false) == 0, "%s not read", path);
}

static void load_anywhere(const char *file)
{
	char path[512];

	snprintf(path, sizeof(path), ZONES "%s", file);
	ck_assert_msg(load_path(path, "corp", true) == 0, "%s not read", path);
}

static const zl_record *rec(size_t i)
{
	ck_assert_msg(i < zl_view_record_count(v), "no record %zu (only %zu)", i,
	              zl_view_record_count(v));
	return zl_view_record(v, i);
}

static const char *owner(size_t i)
{
	return zl_name_text(zl_record_owner(rec(i)));
}

static uint32_t line_of(size_t i)
{
	return zl_record_location(v, rec(i)).line;
}

static const char *file_of(size_t i)
{
	return zl_record_location(v, rec(i)).file;
}

static const char *addr_of(size_t i, char *buf)
{
	zl_addr a;

	ck_assert_msg(zl_record_addr(rec(i), &a), "record %zu has no address", i);
	return zl_addr_format(&a, buf, ZL_ADDR_TEXT_MAX);
}

static const char *target_of(size_t i)
{
	const zl_name *t = zl_record_target(rec(i));

	ck_assert_msg(t != NULL, "record %zu has no target", i);
	return zl_name_text(t);
}

static size_t problems(const char *rule)
{
	size_t n = 0;

	for (size_t i = 0; i < zl_model_problem_count(m); i++)
		n += zl_problem_source(zl_model_problem(m, i)) == t_source(rule);
	return n;
}

/* The n-th problem of `rule`. */
static const zl_problem *problem(const char *rule, size_t n)
{
	size_t seen = 0;

	for (size_t i = 0; i < zl_model_problem_count(m); i++) {
		const zl_problem *p = zl_model_problem(m, i);
		if (zl_problem_source(p) == t_source(rule) && seen++ == n)
			return p;
	}
	ck_abort_msg("no %s problem number %zu (only %zu)", rule, n, seen);
	return NULL;
}

/* Problem n of `rule` is at line:col (col 0: any) and says `text`. */
static void assert_problem(const char *rule, size_t n, uint32_t line, uint32_t col,
                           const char *text)
{
	const zl_problem *p = problem(rule, n);
	zl_location where = zl_problem_location(p);

	ck_assert_msg(where.line == line, "%s #%zu at line %u, want %u (%s)", rule, n,
	              where.line, line, zl_problem_message(p));
	ck_assert_msg(col == 0 || where.column == col, "%s #%zu at column %u, want %u (%s)",
	              rule, n, where.column, col, zl_problem_message(p));
	ck_assert_msg(strstr(zl_problem_message(p), text) != NULL,
	              "%s #%zu says '%s', want '%s' in it", rule, n,
	              zl_problem_message(p), text);
	ck_assert_msg(zl_problem_zone(p) == zl_model_name(m, "corp."),
	              "%s #%zu does not name zone corp.", rule, n);
}

/* ---- a temporary folder for generated cases -------------------------------- */

static char tmpdir[64];
static char tmpfiles[40][128];
static size_t ntmp;

static void tmp_setup(void)
{
	strcpy(tmpdir, "/tmp/zonelint-zf-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	ntmp = 0;
}

static void tmp_teardown(void)
{
	teardown();
	while (ntmp > 0)
		remove(tmpfiles[--ntmp]);   /* files, symlinks and folders, last first */
	rmdir(tmpdir);
}

static const char *tmp_path(const char *name)
{
	ck_assert_uint_lt(ntmp, sizeof(tmpfiles) / sizeof(tmpfiles[0]));
	snprintf(tmpfiles[ntmp], sizeof(tmpfiles[0]), "%s/%s", tmpdir, name);
	return tmpfiles[ntmp++];
}

static const char *tmp_write(const char *name, const char *text, size_t len)
{
	const char *path = tmp_path(name);
	FILE *fp = fopen(path, "wb");

	ck_assert_msg(fp != NULL, "cannot write %s", path);
	ck_assert_uint_eq(fwrite(text, 1, len, fp), len);
	fclose(fp);
	return path;
}

static const char *tmp_text(const char *name, const char *text)
{
	return tmp_write(name, text, strlen(text));
}

/* ---- Windows exports ------------------------------------------------------- */

START_TEST(windows_export_records)
{
	char a[ZL_ADDR_TEXT_MAX];

	load("windows-export.dns");
	ck_assert_msg(zl_view_record_count(v) == 7, "7 records (WINS skipped), got %zu",
	              zl_view_record_count(v));
	ck_assert_uint_eq(zl_record_type(rec(0)), ZL_TYPE_SOA);
	ck_assert_str_eq(owner(0), "corp.");
	ck_assert_uint_eq(line_of(0), 5);
	ck_assert_uint_eq(zl_record_type(rec(1)), ZL_TYPE_NS);
	ck_assert_str_eq(target_of(1), "dc1.corp.");
	ck_assert_uint_eq(line_of(1), 14);
	ck_assert_str_eq(owner(2), "dc1.corp.");                 /* relative owner */
	ck_assert_str_eq(addr_of(2, a), "10.0.0.10");
	ck_assert_str_eq(owner(3), "corp.");                     /* @ */
	ck_assert_str_eq(owner(4), "corp.");                     /* blank owner */
	ck_assert_str_eq(addr_of(4, a), "10.0.0.11");
	ck_assert_uint_eq(line_of(4), 17);
	ck_assert_str_eq(owner(5), "_ldap._tcp.dc._msdcs.corp.");
	ck_assert_str_eq(owner(6), "txt1.corp.");
	ck_assert_uint_eq(line_of(6), 20);
	ck_assert_str_eq(file_of(6), ZONES "windows-export.dns");
	ck_assert_uint_eq(zl_record_location(v, rec(6)).column, 1);
	ck_assert_uint_eq(zl_view_soa_location(v).line, 5);
}
END_TEST

START_TEST(windows_export_ages_and_ttls)
{
	load("windows-export.dns");
	/* No $TTL: records without TTL take the SOA minimum (3600). */
	ck_assert_msg(zl_record_ttl(rec(0)) == 3600, "SOA takes its own minimum");
	ck_assert_uint_eq(zl_record_ttl(rec(1)), 3600);
	ck_assert_uint_eq(zl_record_ttl(rec(2)), 3600);
	ck_assert_uint_eq(zl_record_ttl(rec(3)), 600);
	ck_assert_uint_eq(zl_record_ttl(rec(4)), 600);
	ck_assert_uint_eq(zl_record_ttl(rec(6)), 3600);
	ck_assert_uint_eq(zl_record_age(rec(2)), 0);
	ck_assert_msg(zl_record_age(rec(3)) == 3633973, "[AGE:] kept on an @ line");
	ck_assert_msg(zl_record_age(rec(4)) == 3633973, "[AGE:] kept on a blank-owner line");
	ck_assert_uint_eq(zl_record_age(rec(5)), 3633973);
}
END_TEST

START_TEST(windows_export_fields)
{
	size_t len;

	load("windows-export.dns");
	const zl_record *soa = rec(0);
	ck_assert_uint_eq(zl_record_field_count(soa), 7);
	ck_assert_str_eq(zl_name_text(zl_record_field_name(soa, 0)), "dc1.corp.");
	ck_assert_str_eq(zl_name_text(zl_record_field_name(soa, 1)), "hostmaster.corp.");
	ck_assert_uint_eq(zl_record_field_int(soa, 2), 41);
	ck_assert_uint_eq(zl_record_field_int(soa, 3), 900);
	ck_assert_uint_eq(zl_record_field_int(soa, 4), 600);
	ck_assert_uint_eq(zl_record_field_int(soa, 5), 86400);
	ck_assert_uint_eq(zl_record_field_int(soa, 6), 3600);

	const zl_record *srv = rec(5);
	ck_assert_uint_eq(zl_record_type(srv), ZL_TYPE_SRV);
	ck_assert_int_eq(zl_record_field_kind(srv, 0), ZL_FIELD_INT);
	ck_assert_uint_eq(zl_record_field_int(srv, 0), 0);
	ck_assert_uint_eq(zl_record_field_int(srv, 1), 100);
	ck_assert_uint_eq(zl_record_field_int(srv, 2), 389);
	ck_assert_str_eq(target_of(5), "dc1.corp.");

	const zl_record *txt = rec(6);
	ck_assert_uint_eq(zl_record_type(txt), ZL_TYPE_TXT);
	const uint8_t *bytes = zl_record_field_bytes(txt, 0, &len);
	ck_assert_ptr_nonnull(bytes);
	ck_assert_uint_eq(len, 12);
	ck_assert_msg(bytes[0] == 11 && memcmp(bytes + 1, "v=spf1 -all", 11) == 0,
	              "TXT ( \"v=spf1 -all\" ) as one character-string");
}
END_TEST

START_TEST(windows_export_wins_and_index)
{
	zl_iter it;
	size_t n = 0;

	load("windows-export.dns");
	ck_assert_uint_eq(problems("zone-syntax"), 0);
	ck_assert_uint_eq(problems("zone-windows-type"), 1);
	assert_problem("zone-windows-type", 0, 19, 1, "WINS");
	ck_assert_int_eq(zl_problem_severity(problem("zone-windows-type", 0)), ZL_SEVERITY_INFO);
	ck_assert_msg(!zl_model_unusable(m), "a skipped WINS record keeps the input usable");
	for (const zl_record *r = zl_view_find(v, zl_model_name(m, "corp."), ZL_TYPE_A, &it);
	     r; r = zl_iter_next(&it))
		n++;
	ck_assert_msg(n == 2, "two A records at the apex, got %zu", n);
}
END_TEST

START_TEST(wins_types_skipped)
{
	load("wins.dns");
	ck_assert_uint_eq(zl_view_record_count(v), 2);
	ck_assert_str_eq(owner(1), "www.corp.");
	ck_assert_uint_eq(problems("zone-syntax"), 0);
	ck_assert_uint_eq(problems("zone-windows-type"), 3);
	assert_problem("zone-windows-type", 0, 3, 1, "WINS record at corp.");
	assert_problem("zone-windows-type", 1, 4, 1, "WINS record");
	assert_problem("zone-windows-type", 2, 5, 1, "WINSR record at rev.corp.");
}
END_TEST

START_TEST(dns_log_refused)
{
	load("dns-log.dns.log");
	ck_assert_uint_eq(zl_view_record_count(v), 0);
	ck_assert_uint_eq(problems("zone-syntax"), 1);
	assert_problem("zone-syntax", 0, 1, 1, "Windows DNS update log (.dns.log)");
	ck_assert(zl_model_unusable(m));
	ck_assert(zl_view_partial(v));
}
END_TEST

/* ---- line endings and encodings ------------------------------------------ */

START_TEST(lone_cr_line_ends)
{
	load("lone-cr.dns");
	ck_assert_uint_eq(zl_view_record_count(v), 3);
	ck_assert_str_eq(owner(1), "ns1.corp.");
	ck_assert_uint_eq(line_of(1), 2);
	ck_assert_msg(line_of(2) == 4, "an empty CR line counts, got line %u", line_of(2));
}
END_TEST

START_TEST(crlf_directives)
{
	load("crlf-directives.dns");
	ck_assert_uint_eq(problems("zone-syntax"), 0);
	ck_assert_uint_eq(zl_view_record_count(v), 3);
	ck_assert_str_eq(owner(0), "www.sub.corp.");
	ck_assert_uint_eq(zl_record_ttl(rec(0)), 120);
	ck_assert_str_eq(owner(1), "part.sub.corp.");
	ck_assert_str_eq(file_of(1), ZONES "include/part.dns");
	ck_assert_uint_eq(zl_record_ttl(rec(2)), 120);
}
END_TEST

START_TEST(utf8_bom_skipped)
{
	load("utf8-bom.dns");
	ck_assert_uint_eq(zl_model_problem_count(m), 0);
	ck_assert_uint_eq(zl_view_record_count(v), 2);
	ck_assert_uint_eq(zl_record_ttl(rec(0)), 300);
}
END_TEST

START_TEST(utf16_transcoded)
{
	load(_i == 0 ? "utf16le.dns" : "utf16be.dns");
	ck_assert_uint_eq(problems("zone-syntax"), 0);
	ck_assert_uint_eq(problems("zone-windows-type"), 1);
	assert_problem("zone-windows-type", 0, 1, 1, "UTF-16");
	ck_assert_uint_eq(zl_view_record_count(v), 2);
	ck_assert_msg(zl_model_name(m, "w\\195\\169b.corp.") == zl_record_owner(rec(1)),
	              "U+00E9 read as its UTF-8 bytes, got %s", owner(1));
	ck_assert_uint_eq(line_of(1), 2);
}
END_TEST

START_TEST(binary_file)
{
	load("binary.dns");
	ck_assert_uint_eq(zl_view_record_count(v), 0);
	ck_assert_uint_eq(problems("zone-syntax"), 1);
	assert_problem("zone-syntax", 0, 1, 1, "binary data");
}
END_TEST

START_TEST(missing_file)
{
	errno = 0;
	ck_assert_int_eq(load_path(ZONES "no-such-file.dns", "corp", false), -1);
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_uint_eq(zl_model_problem_count(m), 0);
}
END_TEST

/* ---- records, owners, TTLs ---------------------------------------------- */

START_TEST(record_types)
{
	char a[ZL_ADDR_TEXT_MAX], text[256];
	size_t len;

	load("types.dns");
	ck_assert_uint_eq(zl_model_problem_count(m), 0);
	ck_assert_uint_eq(zl_view_record_count(v), 8);
	ck_assert_uint_eq(zl_record_field_int(rec(0), 2), 2024010101u);
	ck_assert_str_eq(owner(1), "corp.");                     /* blank after @ */
	ck_assert_uint_eq(zl_record_type(rec(2)), ZL_TYPE_MX);
	ck_assert_uint_eq(zl_record_field_int(rec(2), 0), 10);
	ck_assert_str_eq(target_of(2), "mail.corp.");
	ck_assert_str_eq(addr_of(4, a), "fd00::53");
	ck_assert_uint_eq(zl_record_type(rec(5)), ZL_TYPE_TXT);
	ck_assert_uint_eq(zl_record_field_count(rec(5)), 3);
	const uint8_t *s = zl_record_field_bytes(rec(5), 1, &len);
	ck_assert_msg(len == 22 && memcmp(s + 1, "second; not a comment", 21) == 0,
	              "';' inside quotes is text");
	ck_assert_str_eq(zl_record_rdata_text(rec(5), text, sizeof(text)),
	                 "\"first string\" \"second; not a comment\" \"plain\"");
	ck_assert_str_eq(target_of(6), "mail.corp.");
	ck_assert_str_eq(target_of(7), "host.example.");
	ck_assert_uint_eq(zl_record_ttl(rec(7)), 3600);          /* $TTL 1h */
	ck_assert_uint_eq(zl_record_class(rec(7)), 1);
}
END_TEST

/* Types of zonelint's own table, read as their RFCs and BIND write them
 * (the wire data checked against BIND's reading of the same text). */
START_TEST(own_types)
{
	static const struct { size_t i; uint16_t type; const char *data; } want[] = {
		{ 2, 260, "\\# 6 0a01cb00710f" },
		{ 3, 260, "\\# 21 00830572656c6179076578616d706c65036e657400" },
		{ 4, 34, "\\# 12 013631323030303030303030" },
		{ 5, 34, "\\# 9 00fedcba0987654321" },
		{ 6, 258, "\\# 18 07666f6f3a6261720974776f20776f726473" },
		{ 7, 68, "\\# 3 69b71d" },
		{ 8, 259, "\\# 10 00000000000000010200" },
		{ 9, 66, "\\# 19 003b010035077363616e6e657204636f727000" },
		{ 11, 57, "\\# 10 0000ff010103050f9ada" },
		{ 12, 40, "\\# 3 010000" },
		{ 13, 32768, "\\# 8 784b0101310d27f4" },
		{ 15, 30, "\\# 14 036e733104636f72700040000002" },
		{ 16, 38, "\\# 22 40ffffffffffffffff0670726566697804636f727000" },
		{ 17, 38, "\\# 2 8000" },
		{ 18, 260, "\\# 2 0004" },
	};
	char text[256];

	load("own-types.dns");
	ck_assert_uint_eq(zl_view_record_count(v), 19);
	for (size_t k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
		ck_assert_uint_eq(zl_record_type(rec(want[k].i)), want[k].type);
		ck_assert_str_eq(zl_record_rdata_text(rec(want[k].i), text, sizeof(text)),
		                 want[k].data);
	}
	ck_assert_str_eq(zl_type_name(260), "AMTRELAY");
	ck_assert_str_eq(zl_type_name(261), "RESINFO");
	ck_assert_uint_eq(problems("zone-syntax"), 6);
	assert_problem("zone-syntax", 0, 22, 21, "bad AMTRELAY record: the AMTRELAY D bit");
	assert_problem("zone-syntax", 1, 23, 17, "bad NXT record: an NXT bitmap holds types up to 127");
	assert_problem("zone-syntax", 2, 24, 17, "bad A6 record: a field is missing");
	assert_problem("zone-syntax", 3, 25, 17, "bad TA record: an odd number of hex digits");
	assert_problem("zone-syntax", 4, 26, 21, "bad AMTRELAY record: a field is missing");
	assert_problem("zone-syntax", 5, 27, 19, "another number of bytes than its length");
}
END_TEST

/* Forms BIND takes that ldns refuses, and what BIND refuses that ldns
 * takes (values checked against named-compilezone's reading). */
START_TEST(bind_forms_and_refusals)
{
	char text[256], a[ZL_ADDR_TEXT_MAX];

	load("bind-forms.dns");
	ck_assert_uint_eq(zl_view_record_count(v), 8);
	ck_assert_uint_eq(zl_record_type(rec(2)), ZL_TYPE_RRSIG);
	/* 1900-02-27 18:00:48 is 2090968144 modulo 2^32: 2036-04-05 00:29:04. */
	ck_assert_str_eq(zl_record_rdata_text(rec(2), text, sizeof(text)),
	                 "A 8 3 3600 20360405002904 20240101000000 12345 corp. AwEAAQ==");
	ck_assert_uint_eq(zl_record_type(rec(3)), ZL_TYPE_NSEC3);
	ck_assert_str_eq(owner(4), "afffffc30.corp.");
	ck_assert_str_eq(owner(5), "afffffc31.corp.");
	ck_assert_str_eq(zl_record_rdata_text(rec(6), text, sizeof(text)), "\\# 3 0a0b0c");
	ck_assert_str_eq(addr_of(7, a), "192.0.2.1");
	ck_assert_uint_eq(problems("zone-syntax"), 8);
	assert_problem("zone-syntax", 0, 9, 20, "bad TYPE731 record: bad hex digits");
	assert_problem("zone-syntax", 1, 10, 17, "bad A record: the record has fewer fields");
	assert_problem("zone-syntax", 2, 11, 17, "bad MX record: the record has fewer fields");
	assert_problem("zone-syntax", 3, 12, 17, "bad A record: the data does not hold the fields");
	assert_problem("zone-syntax", 4, 13, 17, "the NSAP address is empty");
	assert_problem("zone-syntax", 5, 14, 9, "class CH in a zone of class IN");
	assert_problem("zone-syntax", 6, 15, 12, "type MD is obsolete");
	assert_problem("zone-syntax", 7, 16, 1, "DS record at the zone apex corp.");
}
END_TEST

/* SVCB and HTTPS parameters ldns takes and BIND and Knot refuse (RFC 9460). */
START_TEST(svcb_parameters)
{
	static const char *const why[] = {
		"a key is given twice", "the key needs a value", "the key needs a value",
		"the key needs a value", "the key needs a value", "the key needs a value",
		"bad HTTPS record: the key needs a value", "mandatory lists itself",
		"mandatory lists a key twice", "mandatory lists a key the record does not have",
		"an alpn list has an empty protocol", "the port is not a number up to 65535",
		"a key is given twice",
	};

	load("svcb.dns");
	ck_assert_uint_eq(zl_view_record_count(v), 5);
	ck_assert_uint_eq(problems("zone-syntax"), 13);
	for (size_t i = 0; i < 13; i++)
		assert_problem("zone-syntax", i, (uint32_t)(7 + i), 0, why[i]);
}
END_TEST

START_TEST(origin_directive)
{
	load("origin.dns");
	ck_assert_uint_eq(zl_model_problem_count(m), 0);
	ck_assert_uint_eq(zl_view_record_count(v), 4);
	ck_assert_str_eq(zl_name_text(zl_record_field_name(rec(0), 0)), "ns1.corp.");
	ck_assert_msg(strcmp(owner(1), "www.sub.corp.") == 0,
	              "a relative $ORIGIN extends the current one, got %s", owner(1));
	ck_assert_str_eq(owner(2), "other.example.");
	ck_assert_str_eq(owner(3), "host.other.example.");
}
END_TEST

START_TEST(ttl_rules)
{
	load("ttl-rules.dns");
	/* Before any SOA, TTL or $TTL no TTL is in force: BIND refuses it. */
	ck_assert_uint_eq(zl_model_problem_count(m), 1);
	assert_problem("zone-syntax", 0, 1, 1, "none is in force");
	ck_assert_uint_eq(zl_view_record_count(v), 7);
	ck_assert_msg(zl_record_ttl(rec(0)) == 77, "SOA without TTL: its minimum");
	ck_assert_uint_eq(zl_record_ttl(rec(1)), 77);
	ck_assert_msg(zl_record_ttl(rec(2)) == 5400, "1h30m is 5400");
	ck_assert_msg(zl_record_ttl(rec(3)) == 77, "no TTL: SOA minimum, not the last TTL");
	ck_assert_msg(zl_record_ttl(rec(4)) == 120, "class before TTL");
	ck_assert_msg(zl_record_ttl(rec(5)) == 172800, "$TTL 2d wins over the SOA minimum");
	ck_assert_uint_eq(zl_record_ttl(rec(6)), 600);
}
END_TEST

START_TEST(soa_explicit_ttl)
{
	load("soa-explicit-ttl.dns");
	ck_assert_uint_eq(zl_record_ttl(rec(0)), 900);
	ck_assert_msg(zl_record_ttl(rec(1)) == 55, "SOA minimum even when the SOA has a TTL");
}
END_TEST

START_TEST(second_soa_kept)
{
	load("second-soa.dns");
	ck_assert_uint_eq(zl_view_record_count(v), 3);
	ck_assert_uint_eq(zl_record_type(rec(0)), ZL_TYPE_SOA);
	ck_assert_msg(zl_record_type(rec(1)) == ZL_TYPE_SOA, "the second SOA reaches the rules");
	ck_assert_uint_eq(zl_record_field_int(rec(1), 2), 2);
	ck_assert_ptr_eq(zl_view_soa(v), rec(0));
}
END_TEST

START_TEST(generate_directive)
{
	load("generate.dns");
	ck_assert_uint_eq(zl_view_record_count(v), 9);
	ck_assert_str_eq(owner(0), "host1.corp.");
	ck_assert_str_eq(owner(2), "host3.corp.");
	ck_assert_uint_eq(line_of(2), 2);
	ck_assert_str_eq(owner(3), "010.pool.corp.");
	ck_assert_str_eq(owner(5), "020.pool.corp.");
	ck_assert_str_eq(target_of(5), "h-0b.corp.");
	ck_assert_uint_eq(zl_record_ttl(rec(5)), 600);
	ck_assert_str_eq(owner(6), "\\$x1.corp.");
	ck_assert_msg(strcmp(target_of(7), "1.0.ip6.corp.") == 0, "nibble format, got %s",
	              target_of(7));
	ck_assert_str_eq(owner(8), "after.corp.");
	ck_assert_uint_eq(line_of(8), 9);
	ck_assert_uint_eq(problems("zone-syntax"), 4);
	assert_problem("zone-syntax", 0, 5, 11, "bad $GENERATE range '5-1'");
	assert_problem("zone-syntax", 1, 6, 15, "bad $GENERATE template");
	assert_problem("zone-syntax", 2, 7, 1, "rdata: '10.0.0.3$'");
	assert_problem("zone-syntax", 3, 8, 11, "makes more than 1048576 records");
}
END_TEST

START_TEST(inline_suppressions)
{
	zl_location where;
	const char *ids;

	load("suppressions.dns");
	ck_assert_uint_eq(zl_model_problem_count(m), 0);
	ck_assert_uint_eq(zl_view_record_count(v), 5);
	ck_assert_msg(zl_model_suppression_count(m) == 4, "4 disable comments, got %zu",
	              zl_model_suppression_count(m));
	ids = zl_model_suppression(m, 0, &where);
	ck_assert_str_eq(ids, "duplicate-record");
	ck_assert_str_eq(where.file, ZONES "suppressions.dns");
	ck_assert_uint_eq(where.line, 2);
	ck_assert_uint_eq(where.column, 1);
	ids = zl_model_suppression(m, 1, &where);
	ck_assert_str_eq(ids, " ttl-mismatch , cname-other-data");
	ck_assert_uint_eq(where.line, 4);
	ck_assert_uint_eq(where.column, 16);
	ids = zl_model_suppression(m, 2, &where);
	ck_assert_msg(strcmp(ids, " eol-os") == 0, "any case, blanks, CRLF: got '%s'", ids);
	ck_assert_uint_eq(where.line, 7);
	ck_assert_uint_eq(where.column, 2);
	ids = zl_model_suppression(m, 3, &where);
	ck_assert_msg(strcmp(ids, "hostname-syntax") == 0 && where.line == 8,
	              "once for a $GENERATE line, not once per record");
}
END_TEST

/* ---- syntax errors: each at its place, the next record still read ----------- */

typedef struct syntax_case {
	const char *file;
	size_t records;             /* loaded in spite of the faults */
	struct {
		uint32_t line, col;
		const char *text;
	} want[4];                  /* the zone-syntax problems, in order */
} syntax_case;

static const syntax_case syntax_cases[] = {
	{ "syntax-close-paren.dns", 1, { { 2, 16, "')' without a matching '('" } } },
	{ "syntax-open-paren.dns", 2, { { 2, 9, "'(' is never closed" } } },
	{ "syntax-quote.dns", 1, { { 2, 9, "quoted string not closed" } } },
	{ "syntax-age.dns", 1, { { 2, 5, "aging stamp '[AGE:12x]'" },
	                         { 3, 5, "aging stamp '[AGE:]'" } } },
	{ "syntax-ttl.dns", 1, { { 2, 5, "bad TTL '12q'" }, { 3, 6, "bad TTL 'soon'" } } },
	{ "syntax-type.dns", 1, { { 2, 12, "unknown record type 'BOGUS'" },
	                          { 3, 1, "record without a type" },
	                          { 4, 9, "ANY is a query or meta type" } } },
	{ "syntax-rdata.dns", 1, { { 2, 7, "could not parse the RR's rdata: '10.0.0.300'" },
	                           { 3, 9, "superfluous text" },
	                           { 4, 7, "rdata: 'mail'" } } },
	{ "syntax-owner.dns", 1, { { 2, 1, "bad owner name 'aaaa" },
	                           { 3, 1, "bad owner name 'b..c'" },
	                           { 4, 1, "bad owner name 'abcdefghi." } } },
	{ "syntax-rdata-name.dns", 1, { { 2, 12, "rdata: 'abcdefghi.abcdefghi." },
	                                { 3, 13, "rdata: 'bbbb" } } },
	{ "syntax-nul.dns", 1, { { 3, 12, "NUL byte" } } },
	{ "syntax-directive.dns", 1, { { 2, 1, "unknown directive '$FOO'" },
	                               { 3, 1, "$ORIGIN needs a domain name" },
	                               { 4, 8, "unexpected text after $TTL: '2'" } } },
	{ "syntax-blank-owner.dns", 1, { { 2, 4, "blank owner before any owner name" } } },
};

START_TEST(syntax_errors)
{
	const syntax_case *c = &syntax_cases[_i];
	size_t want = 0;

	load(c->file);
	while (want < 4 && c->want[want].text)
		want++;
	ck_assert_msg(problems("zone-syntax") == want, "%s: %zu zone-syntax problems, want %zu",
	              c->file, problems("zone-syntax"), want);
	for (size_t i = 0; i < want; i++)
		assert_problem("zone-syntax", i, c->want[i].line, c->want[i].col, c->want[i].text);
	ck_assert_msg(zl_view_record_count(v) == c->records, "%s: %zu records, want %zu",
	              c->file, zl_view_record_count(v), c->records);
	ck_assert_msg(strcmp(owner(0), "good.corp.") == 0, "%s: the record after the fault",
	              c->file);
	ck_assert(zl_model_unusable(m));
	ck_assert_int_eq(zl_problem_severity(problem("zone-syntax", 0)), ZL_SEVERITY_ERROR);
}
END_TEST

/*
 * Until an SOA is read the file may be anything an inventory names
 * (/etc/shadow): a message quotes the token that failed, never the rest
 * of the line; a line that is one token is not quoted at all.  After
 * the SOA the whole entry is quoted, to show the fault in its place.
 */
START_TEST(untrusted_quotes_one_token)
{
	static const char shadow[] =
		"root:$y$j9T$SALTSECRET$HASHSECRET:19000:0:99999:7:::\n"
		"password = SECRETVALUE\n"
		"x 3600 A SECRETADDR\n";
	static const char zone[] =
		"@ SOA ns hostmaster 1 900 600 86400 3600\n"
		"bad A 10.0.0.300\n";

	load_path(tmp_write("shadow", shadow, sizeof shadow - 1), "corp", false);
	ck_assert_uint_eq(problems("zone-syntax"), 3);
	assert_problem("zone-syntax", 0, 1, 1, "record without a type: (not quoted");
	assert_problem("zone-syntax", 1, 2, 10, "unknown record type '='");
	assert_problem("zone-syntax", 2, 3, 10, "rdata: 'SECRETADDR'");
	for (size_t i = 0; i < 2; i++)
		ck_assert_msg(!strstr(zl_problem_message(problem("zone-syntax", i)), "SECRET"),
		              "problem %zu quotes the file: %s", i,
		              zl_problem_message(problem("zone-syntax", i)));
	zl_model_free(m);
	m = NULL;
	load_path(tmp_write("soa-first.dns", zone, sizeof zone - 1), "corp", false);
	assert_problem("zone-syntax", 0, 2, 7, "rdata: 'bad A 10.0.0.300'");
}
END_TEST

START_TEST(too_many_errors)
{
	size_t n = 1100, len = 0;
	char *text = malloc(n * 16 + 1);

	for (size_t i = 0; i < n; i++)
		len += (size_t)sprintf(text + len, "bad%zu BOGUS 1\n", i % 1000);
	load_path(tmp_write("many.dns", text, len), "corp", false);
	free(text);
	ck_assert_uint_eq(problems("zone-syntax"), 1001);
	assert_problem("zone-syntax", 1000, 1001, 0, "too many errors");
}
END_TEST

START_TEST(many_open_parens)
{
	char text[1024];
	size_t len = 0;

	/* Twelve '(' never closed: the first eight are recovered by reading
	 * again, the others by taking a line in column 1 as a new entry. */
	for (int i = 1; i <= 12; i++)
		len += (size_t)sprintf(text + len, "b%d TXT ( \"x\"\n", i);
	len += (size_t)sprintf(text + len, "good 60 A 10.0.0.1\n");
	load_path(tmp_write("parens.dns", text, len), "corp", false);
	ck_assert_uint_eq(problems("zone-syntax"), 12);
	for (size_t i = 0; i < 12; i++)
		assert_problem("zone-syntax", i, (uint32_t)i + 1, i < 9 ? 8 : 9, "never closed");
	ck_assert_uint_eq(zl_view_record_count(v), 1);
	ck_assert_str_eq(owner(0), "good.corp.");
	ck_assert_uint_eq(line_of(0), 13);
}
END_TEST

/* "$TTL 60", "big TXT" with n strings of `width` characters, then a good
 * record. */
static const char *long_line_file(const char *name, size_t n, size_t width)
{
	char *text = malloc(n * (width + 3) + 64);
	size_t len = (size_t)sprintf(text, "$TTL 60\nbig TXT");

	for (size_t i = 0; i < n; i++) {
		text[len++] = ' ';
		text[len++] = '"';
		memset(text + len, 'a' + (int)(i % 26), width);
		len += width;
		text[len++] = '"';
	}
	len += (size_t)sprintf(text + len, "\ngood A 10.0.0.1\n");
	const char *path = tmp_write(name, text, len);
	free(text);
	return path;
}

START_TEST(long_lines)
{
	/* 255 strings of 200 characters: a 52 kB line (RFC 1035 has no limit). */
	load_path(long_line_file("long.dns", 255, 200), "corp", false);
	ck_assert_uint_eq(problems("zone-syntax"), 0);
	ck_assert_uint_eq(zl_view_record_count(v), 2);
	ck_assert_uint_eq(zl_record_field_count(rec(0)), 255);
	teardown();

	/* More data than a record holds (RFC 1035 3.2.1): an error, not a crash. */
	load_path(long_line_file("longer.dns", 400, 200), "corp", false);
	ck_assert_uint_eq(problems("zone-syntax"), 1);
	assert_problem("zone-syntax", 0, 2, 9, "bad TXT record: the record has more data than "
	               "a record may hold");
	ck_assert_uint_eq(zl_view_record_count(v), 1);
	teardown();

	/* More strings than ldns and the model's fields take, as BIND and Knot
	 * load them: one field of wire data. */
	load_path(long_line_file("many-strings.dns", 300, 10), "corp", false);
	ck_assert_uint_eq(problems("zone-syntax"), 0);
	ck_assert_uint_eq(zl_view_record_count(v), 2);
	ck_assert_uint_eq(zl_record_type(rec(0)), ZL_TYPE_TXT);
	ck_assert_uint_eq(zl_record_field_count(rec(0)), 1);
	size_t len;
	zl_record_field_bytes(rec(0), 0, &len);
	ck_assert_uint_eq(len, 300 * 11);
	teardown();

	/* 65,535 bytes of rdata in 257 strings: the most a record holds. */
	load_path(long_line_file("fullest.dns", 257, 254), "corp", false);
	ck_assert_uint_eq(problems("zone-syntax"), 0);
	zl_record_field_bytes(rec(0), 0, &len);
	ck_assert_uint_eq(len, 257 * 255);
}
END_TEST

/* ---- $INCLUDE ------------------------------------------------------------- */

START_TEST(include_relative)
{
	load("include/main.dns");
	ck_assert_uint_eq(zl_model_problem_count(m), 0);
	ck_assert_uint_eq(zl_view_record_count(v), 8);
	ck_assert_str_eq(owner(2), "part.corp.");
	ck_assert_str_eq(file_of(2), ZONES "include/part.dns");
	ck_assert_uint_eq(line_of(2), 1);
	ck_assert_str_eq(owner(3), "part.corp.");                /* blank owner */
	ck_assert_uint_eq(line_of(3), 2);
	ck_assert_msg(strcmp(owner(4), "sub.corp.") == 0, "$INCLUDE's origin, got %s", owner(4));
	ck_assert_str_eq(file_of(4), ZONES "include/sub/deeper.dns");
	ck_assert_str_eq(owner(5), "x.elsewhere.");
	ck_assert_str_eq(file_of(6), ZONES "include/main.dns");
	ck_assert_msg(strcmp(owner(6), "after.corp.") == 0, "origin restored after $INCLUDE");
	ck_assert_uint_eq(line_of(6), 6);
	ck_assert_str_eq(owner(7), "after.corp.");
	ck_assert_uint_eq(zl_record_ttl(rec(3)), 300);           /* $TTL carries over */
}
END_TEST

START_TEST(include_escape_refused)
{
	load("include/escape-parent.dns");
	ck_assert_uint_eq(zl_view_record_count(v), 1);
	ck_assert_uint_eq(problems("zone-syntax"), 2);
	assert_problem("zone-syntax", 0, 2, 10, "leaves the folder");
	assert_problem("zone-syntax", 1, 3, 10, "leaves the folder");
	teardown();

	load("include/escape-absolute.dns");
	ck_assert_uint_eq(zl_view_record_count(v), 1);
	ck_assert_uint_eq(problems("zone-syntax"), 1);
	assert_problem("zone-syntax", 0, 2, 10, "absolute path /etc/hostname is refused");
}
END_TEST

START_TEST(include_anywhere_allowed)
{
	load_anywhere("include/escape-parent.dns");
	ck_assert_uint_eq(problems("zone-syntax"), 0);
	ck_assert_uint_eq(zl_view_record_count(v), 7 + 8 + 1);
	ck_assert_str_eq(file_of(0), ZONES "include/../windows-export.dns");
	ck_assert_uint_eq(line_of(0), 5);
	assert_problem("zone-windows-type", 0, 19, 1, "WINS");
	ck_assert_str_eq(zl_problem_location(problem("zone-windows-type", 0)).file,
	                 ZONES "include/../windows-export.dns");
}
END_TEST

START_TEST(include_missing)
{
	load("include/missing.dns");
	ck_assert_uint_eq(zl_view_record_count(v), 1);
	ck_assert_uint_eq(problems("zone-syntax"), 1);
	assert_problem("zone-syntax", 0, 2, 10, "cannot read included file");
	ck_assert_str_eq(zl_problem_location(problem("zone-syntax", 0)).file,
	                 ZONES "include/missing.dns");
}
END_TEST

START_TEST(include_loop)
{
	load("include/loop-a.dns");
	ck_assert_uint_eq(zl_view_record_count(v), 3);
	ck_assert_str_eq(owner(1), "b.corp.");
	ck_assert_str_eq(owner(2), "end.corp.");
	ck_assert_uint_eq(problems("zone-syntax"), 1);
	assert_problem("zone-syntax", 0, 2, 10, "$INCLUDE loop");
	ck_assert_str_eq(zl_problem_location(problem("zone-syntax", 0)).file,
	                 ZONES "include/loop-b.dns");
	teardown();

	load("include/self.dns");
	ck_assert_uint_eq(problems("zone-syntax"), 1);
	assert_problem("zone-syntax", 0, 1, 10, "$INCLUDE loop");
}
END_TEST

START_TEST(include_depth)
{
	char name[32], text[64];

	/* f0 includes f1 ... includes f17: the 17th level is one too many. */
	for (int i = 0; i <= 17; i++) {
		snprintf(name, sizeof(name), "f%d.dns", i);
		snprintf(text, sizeof(text), "h%d 60 A 10.0.0.%d\n$INCLUDE f%d.dns\n", i, i, i + 1);
		tmp_text(name, i == 17 ? "h17 60 A 10.0.0.17\n" : text);
	}
	ck_assert_int_eq(load_path(tmpfiles[0], "corp", false), 0);
	ck_assert_uint_eq(zl_view_record_count(v), 17);
	ck_assert_uint_eq(problems("zone-syntax"), 1);
	assert_problem("zone-syntax", 0, 2, 10, "nested more than 16 deep");
}
END_TEST

START_TEST(include_symlink_refused)
{
	char link[160];

	tmp_path("inner");
	ck_assert_int_eq(mkdir(tmpfiles[ntmp - 1], 0700), 0);
	tmp_text("outside.dns", "out 60 A 10.9.9.9\n");
	snprintf(link, sizeof(link), "%s/outside.dns", tmpdir);
	ck_assert_int_eq(symlink(link, tmp_path("inner/link.dns")), 0);
	const char *main_file = tmp_text("inner/main.dns", "$INCLUDE link.dns\nin 60 A 10.0.0.1\n");

	ck_assert_int_eq(load_path(main_file, "corp", false), 0);
	ck_assert_uint_eq(zl_view_record_count(v), 1);
	assert_problem("zone-syntax", 0, 1, 10, "through a symbolic link");
	teardown();

	ck_assert_int_eq(load_path(main_file, "corp", true), 0);
	ck_assert_uint_eq(problems("zone-syntax"), 0);
	ck_assert_uint_eq(zl_view_record_count(v), 2);
	ck_assert_str_eq(owner(0), "out.corp.");
}
END_TEST

/* ---- the converter, as AXFR and LDAP use it ---------------------------------- */

START_TEST(convert_ldns_rr)
{
	ldns_rr *rr = NULL;
	zl_addr a;

	load("utf8-bom.dns");
	ck_assert_int_eq(ldns_rr_new_frm_str(&rr, "X.Corp. 42 IN AAAA fd00::1", 0, NULL, NULL),
	                 LDNS_STATUS_OK);
	ck_assert_int_eq(zl_record_from_ldns(m, v, rr, 0, 99, 7), ZL_RR_OK);
	ldns_rr_free(rr);
	const zl_record *r = rec(2);
	ck_assert_str_eq(zl_name_text(zl_record_owner(r)), "x.corp.");
	ck_assert_uint_eq(zl_record_ttl(r), 42);
	ck_assert_uint_eq(zl_record_age(r), 7);
	ck_assert_uint_eq(zl_record_location(v, r).line, 99);
	ck_assert(zl_record_addr(r, &a));
	ck_assert_uint_eq(a.family, 6);
	ck_assert_str_eq(zl_rr_strerror(ZL_RR_BAD_NAME),
	                 "a domain name in the record is longer than 255 octets");
}
END_TEST

Suite *zonefile_suite(void)
{
	Suite *s = suite_create("zonefile");
	TCase *tc = tcase_create("windows");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, windows_export_records);
	tcase_add_test(tc, windows_export_ages_and_ttls);
	tcase_add_test(tc, windows_export_fields);
	tcase_add_test(tc, windows_export_wins_and_index);
	tcase_add_test(tc, wins_types_skipped);
	tcase_add_test(tc, dns_log_refused);
	suite_add_tcase(s, tc);

	tc = tcase_create("text");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, lone_cr_line_ends);
	tcase_add_test(tc, crlf_directives);
	tcase_add_test(tc, utf8_bom_skipped);
	tcase_add_loop_test(tc, utf16_transcoded, 0, 2);
	tcase_add_test(tc, binary_file);
	tcase_add_test(tc, missing_file);
	suite_add_tcase(s, tc);

	tc = tcase_create("records");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, record_types);
	tcase_add_test(tc, own_types);
	tcase_add_test(tc, bind_forms_and_refusals);
	tcase_add_test(tc, svcb_parameters);
	tcase_add_test(tc, origin_directive);
	tcase_add_test(tc, ttl_rules);
	tcase_add_test(tc, soa_explicit_ttl);
	tcase_add_test(tc, second_soa_kept);
	tcase_add_test(tc, generate_directive);
	tcase_add_test(tc, inline_suppressions);
	tcase_add_test(tc, convert_ldns_rr);
	suite_add_tcase(s, tc);

	tc = tcase_create("syntax");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_loop_test(tc, syntax_errors, 0,
	                    (int)(sizeof(syntax_cases) / sizeof(syntax_cases[0])));
	suite_add_tcase(s, tc);

	tc = tcase_create("include");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, include_relative);
	tcase_add_test(tc, include_escape_refused);
	tcase_add_test(tc, include_anywhere_allowed);
	tcase_add_test(tc, include_missing);
	tcase_add_test(tc, include_loop);
	suite_add_tcase(s, tc);

	tc = tcase_create("generated");
	tcase_add_checked_fixture(tc, tmp_setup, tmp_teardown);
	tcase_add_test(tc, untrusted_quotes_one_token);
	tcase_add_test(tc, too_many_errors);
	tcase_add_test(tc, long_lines);
	tcase_add_test(tc, many_open_parens);
	tcase_add_test(tc, include_depth);
	tcase_add_test(tc, include_symlink_refused);
	suite_add_tcase(s, tc);
	return s;
}
