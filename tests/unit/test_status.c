/*
 * Unit tests of the loaders' one status type (lint/status.c): each way a
 * domain name is malformed has its own code and message, the messages come
 * from one table, and the loaders return the code rather than "out of
 * memory" (-z with a bad origin, an AXFR answer for a bad zone name);
 * the one whole-file reader (lint/file.c) says why it read nothing.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "excerpt.h"
#include "file.h"
#include "helpers.h"
#include "model_int.h"
#include "names.h"
#include "sources/axfr.h"
#include "sources/load.h"
#include "status.h"
#include "suites.h"

/* A name of `labels` labels of `len` letters each, relative. */
static char *long_name(char *buf, size_t labels, size_t len)
{
	size_t o = 0;

	for (size_t i = 0; i < labels; i++) {
		memset(buf + o, 'a', len);
		o += len;
		buf[o++] = '.';
	}
	buf[o - 1] = '\0';
	return buf;
}

static const struct {
	const char *text;
	zl_status want;
} names[] = {
	{ "corp.example.", ZL_OK },
	{ "corp", ZL_OK },
	{ ".", ZL_OK },
	{ "a\\.b.corp.", ZL_OK },
	{ "a\\065.corp.", ZL_OK },
	{ "a..b.", ZL_ENAME_EMPTY_LABEL },
	{ ".corp", ZL_ENAME_EMPTY_LABEL },
	{ "corp..", ZL_ENAME_EMPTY_LABEL },
	{ "a\\", ZL_ENAME_ESCAPE },
	{ "a\\12", ZL_ENAME_ESCAPE },
	{ "a\\256", ZL_ENAME_ESCAPE },
};

START_TEST(name_parse_says_what_is_wrong)
{
	uint8_t wire[256];
	size_t len;
	zl_status st = zl_name_parse(names[_i].text, wire, &len);

	ck_assert_msg(st == names[_i].want, "%s: %s, expected %s", names[_i].text,
	              zl_status_name(st), zl_status_name(names[_i].want));
	ck_assert_int_eq(zl_name_text_to_wire(names[_i].text, wire, &len),
	                 names[_i].want == ZL_OK);
}
END_TEST

START_TEST(name_parse_lengths)
{
	char buf[1024];
	uint8_t wire[256];
	size_t len;

	ck_assert_int_eq(zl_name_parse(long_name(buf, 1, 63), wire, &len), ZL_OK);
	ck_assert_uint_eq(len, 65);
	ck_assert_int_eq(zl_name_parse(long_name(buf, 1, 64), wire, &len), ZL_ENAME_LABEL_LONG);
	ck_assert_int_eq(zl_name_parse(long_name(buf, 1, 300), wire, &len),
	                 ZL_ENAME_LABEL_LONG);
	/* 4 labels of 63 and one of 1: 4 * 64 + 2 + 1 = 259 octets */
	strcpy(long_name(buf, 4, 63) + 4 * 64 - 1, ".a");
	ck_assert_int_eq(zl_name_parse(buf, wire, &len), ZL_ENAME_LONG);
	/* 3 labels of 63 and one of 61: 3 * 64 + 62 + 1 = 255 octets */
	strcpy(long_name(buf, 3, 63) + 3 * 64 - 1, ".");
	memset(buf + 3 * 64, 'b', 61);
	buf[3 * 64 + 61] = '\0';
	ck_assert_int_eq(zl_name_parse(buf, wire, &len), ZL_OK);
	ck_assert_uint_eq(len, 255);
}
END_TEST

START_TEST(messages_one_per_code)
{
	static const zl_status all[] = {
		ZL_OK, ZL_EREAD, ZL_ENOMEM, ZL_ENAME_EMPTY, ZL_ENAME_EMPTY_LABEL,
		ZL_ENAME_LABEL_LONG, ZL_ENAME_LONG, ZL_ENAME_ESCAPE,
	};
	size_t n = sizeof(all) / sizeof(all[0]);

	ck_assert_str_eq(zl_status_message(ZL_ENOMEM), "out of memory");
	ck_assert_str_eq(zl_status_name(ZL_ENAME_LABEL_LONG), "ZL_ENAME_LABEL_LONG");
	ck_assert_str_eq(zl_status_message(ZL_ENAME_LABEL_LONG),
	                 "a label is over 63 octets (RFC 1035 2.3.4)");
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			ck_assert_str_ne(zl_status_message(all[i]), zl_status_message(all[j]));
			ck_assert_str_ne(zl_status_name(all[i]), zl_status_name(all[j]));
		}
	ck_assert_str_eq(zl_status_message((zl_status)-99), "unknown error");
	ck_assert_str_eq(zl_status_message((zl_status)3), "unknown error");
	ck_assert_str_eq(zl_status_name((zl_status)-99), "ZL_UNKNOWN");
}
END_TEST

/* -z with a bad origin: the reason, not "out of memory"; no zone added. */
START_TEST(zone_files_bad_origin)
{
	char *files[] = { (char *)ZL_TEST_DATA "/zones/origin.dns" };
	char buf[512];
	zl_model *m = zl_model_new();

	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(zl_load_zone_files(m, "bad..name", files, 1, NULL),
	                 ZL_ENAME_EMPTY_LABEL);
	ck_assert_int_eq(zl_load_zone_files(m, long_name(buf, 1, 300), files, 1, NULL),
	                 ZL_ENAME_LABEL_LONG);
	ck_assert_int_eq(zl_load_zone_files(m, "", files, 1, NULL), ZL_ENAME_EMPTY);
	ck_assert_uint_eq(zl_model_zone_count(m), 0);
	zl_model_free(m);
}
END_TEST

/* A good origin with a file that does not exist: loaded, the file reported. */
START_TEST(zone_files_good_origin)
{
	char *files[] = { (char *)ZL_TEST_DATA "/zones/no-such-file.dns" };
	zl_model *m = zl_model_new();

	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(zl_load_zone_files(m, "corp.", files, 1, NULL), ZL_OK);
	ck_assert_uint_eq(zl_model_zone_count(m), 1);
	ck_assert_uint_eq(zl_model_problem_count(m), 1);
	zl_model_free(m);
}
END_TEST

START_TEST(axfr_bad_zone_name)
{
	zl_axfr_answer a;

	ck_assert_int_eq(zl_axfr_answer_init(&a, "a..b.", 1), ZL_ENAME_EMPTY_LABEL);
	ck_assert_int_eq(zl_axfr_answer_init(&a, "example.", 1), ZL_OK);
	zl_axfr_answer_clear(&a);
}
END_TEST

START_TEST(file_read)
{
	char *buf;
	size_t len;

	ck_assert_int_eq(zl_file_read(ZL_TEST_DATA "/zones/origin.dns", 1 << 20, &buf, &len),
	                 ZL_OK);
	ck_assert_uint_gt(len, 0);
	ck_assert_uint_eq(strlen(buf), len);
	free(buf);
	ck_assert_int_eq(zl_file_read(ZL_TEST_DATA "/zones/origin.dns", 10, &buf, &len),
	                 ZL_EREAD);
	ck_assert_int_eq(errno, EFBIG);
	ck_assert_ptr_null(buf);
	ck_assert_int_eq(zl_file_read(ZL_TEST_DATA "/zones", 1 << 20, &buf, &len), ZL_EREAD);
	ck_assert_int_eq(errno, EISDIR);
	ck_assert_int_eq(zl_file_read("/dev/null", 1 << 20, &buf, &len), ZL_EREAD);
	ck_assert_str_eq(zl_file_strerror(errno), "not a regular file");
	ck_assert_int_eq(zl_file_read(ZL_TEST_DATA "/no-such-file", 1 << 20, &buf, &len),
	                 ZL_EREAD);
	ck_assert_int_eq(errno, ENOENT);
}
END_TEST

/* The two ways input is quoted (lint/excerpt.c). */
START_TEST(excerpts)
{
	char out[4 * 8 + 4];

	ck_assert_str_eq(zl_excerpt_escaped("a\tb\xc3\xa9\xff", 6, 8, out), "a\\x09b\xc3\xa9\\xff");
	ck_assert_str_eq(zl_excerpt_escaped("abcdefghij", 10, 4, out), "abcd...");
	ck_assert_str_eq(zl_excerpt_plain("a\tb\xc3\xa9", 5, 8, out), "a?b\xc3\xa9");
	/* cut before a UTF-8 character, not inside it */
	ck_assert_str_eq(zl_excerpt_plain("abc\xc3\xa9z", 6, 4, out), "abc...");
}
END_TEST

Suite *status_suite(void)
{
	Suite *s = suite_create("status");
	TCase *tc = tcase_create("status");

	tcase_add_loop_test(tc, name_parse_says_what_is_wrong, 0,
	                    (int)(sizeof(names) / sizeof(names[0])));
	tcase_add_test(tc, name_parse_lengths);
	tcase_add_test(tc, messages_one_per_code);
	tcase_add_test(tc, zone_files_bad_origin);
	tcase_add_test(tc, zone_files_good_origin);
	tcase_add_test(tc, axfr_bad_zone_name);
	tcase_add_test(tc, file_read);
	tcase_add_test(tc, excerpts);
	suite_add_tcase(s, tc);
	return s;
}
