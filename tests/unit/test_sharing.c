/*
 * Unit tests of how the zone loader reads big and identical files
 * (lint/sources/zonefile/, lint/model.c): views of byte-identical files
 * share one copy of the records but keep their own path, findings and
 * suppressions (SPEC 3); files that differ, include others or have faults
 * are read on their own; a file bigger than a read step is read whole even
 * though the pages already scanned are handed back; a pipe is read to its
 * end.  Files are written into a temporary folder.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"
#include "model_int.h"
#include "sources/zonefile.h"
#include "suites.h"

static char dir[64];
static char paths[8][128];
static zl_model *m;
static zl_zone *zone;

static void setup(void)
{
	zl_location cli = { "<test>", 0, 0 };

	strcpy(dir, "/tmp/zonelint-share-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	m = zl_model_new();
	ck_assert_ptr_nonnull(m);
	zone = zl_model_add_zone(m, zl_model_intern(m, "corp."), cli);
	ck_assert_ptr_nonnull(zone);
	zl_zone_set_storage(zone, ZL_STORAGE_FILE);
	zl_zone_set_hosts_explicit(zone);
	ck_assert_int_eq(zl_model_resolve(m), 0);
}

static void teardown(void)
{
	char cmd[128];

	zl_model_free(m);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* Writes file number i of the folder; returns its path. */
static const char *put(int i, const char *name, const char *text)
{
	snprintf(paths[i], sizeof(paths[i]), "%s/%s", dir, name);
	FILE *f = fopen(paths[i], "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
	return paths[i];
}

static zl_view *load(const char *path)
{
	zl_view *v = zl_model_add_view(m, zone, path);

	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(zl_zonefile_load(m, v, NULL), 0);
	return v;
}

static const char zone_text[] =
	"$TTL 3600\n"
	"@ SOA ns hostmaster 1 900 600 86400 3600\n"
	"@ NS ns\n"
	"; zonelint: disable=duplicate-record\n"
	"ns A 10.0.0.1\n"
	"ns A 10.0.0.1\n";

/* The suppressions recorded for a file. */
static size_t suppressions_in(const char *path)
{
	size_t n = 0;
	zl_location where;

	for (size_t i = 0; i < zl_model_suppression_count(m); i++) {
		zl_model_suppression(m, i, &where);
		n += strcmp(where.file, path) == 0;
	}
	return n;
}

START_TEST(identical_files_share_records)
{
	zl_view *a = load(put(0, "a.dns", zone_text));
	zl_view *b = load(put(1, "b.dns", zone_text));

	ck_assert_uint_eq(zl_view_record_count(a), 4);
	ck_assert_uint_eq(zl_view_record_count(b), 4);
	ck_assert_uint_eq(zl_model_record_count(m), 8);
	ck_assert_ptr_eq(zl_view_record(a, 3), zl_view_record(b, 3));
	/* Two views all the same: each with its own path. */
	ck_assert_uint_eq(zl_model_view_count(m), 2);
	ck_assert_str_eq(zl_record_location(a, zl_view_record(a, 3)).file, paths[0]);
	ck_assert_str_eq(zl_record_location(b, zl_view_record(b, 3)).file, paths[1]);
	ck_assert_str_eq(zl_view_soa_location(b).file, paths[1]);
	ck_assert_uint_eq(suppressions_in(paths[0]), 1);
	ck_assert_uint_eq(suppressions_in(paths[1]), 1);
	zl_iter it;
	ck_assert_ptr_nonnull(zl_view_find(b, zl_model_name(m, "ns.corp."), ZL_TYPE_A, &it));
	ck_assert_ptr_nonnull(zl_iter_next(&it));
	ck_assert_ptr_null(zl_iter_next(&it));
}
END_TEST

/* Views sharing records have the index of the first of them; a zone
 * rule checks that one and repeats its findings, each in its own file. */
START_TEST(shared_views_get_their_own_findings)
{
	static const char dup[] =
		"$TTL 3600\n@ SOA ns hostmaster 1 900 600 86400 3600\n@ NS ns\n"
		"ns A 10.0.0.1\nns A 10.0.0.1\n";
	zl_view *a = load(put(0, "a.dns", dup));
	zl_view *b = load(put(1, "b.dns", zone_text));
	zl_view *c = load(put(2, "c.dns", dup));

	ck_assert_uint_eq(zl_view_records_index(a), 0);
	ck_assert_uint_eq(zl_view_records_index(b), 1);
	ck_assert_uint_eq(zl_view_records_index(c), 0);
	zl_results *r = t_run_rule(m, "duplicate-record");
	ck_assert_uint_eq(t_count(r, "duplicate-record"), 3);
	const zl_finding *in[3] = { NULL, NULL, NULL };
	for (size_t i = 0; i < 3; i++)
		for (int k = 0; k < 3; k++)
			if (strcmp(t_finding(r, i)->file, paths[k]) == 0)
				in[k] = t_finding(r, i);
	ck_assert_ptr_nonnull(in[0]);
	ck_assert_ptr_nonnull(in[1]);
	ck_assert_ptr_nonnull(in[2]);
	ck_assert_uint_eq(in[0]->line, 5);
	ck_assert_uint_eq(in[2]->line, 5);
	ck_assert_uint_eq(in[1]->line, 6);
	ck_assert_str_eq(in[0]->message, in[2]->message);
	ck_assert_str_eq(in[0]->fingerprint, in[2]->fingerprint);
	zl_results_free(r);
}
END_TEST

START_TEST(different_files_do_not_share)
{
	char text[sizeof(zone_text) + 32];

	snprintf(text, sizeof(text), "%sns A 10.0.0.2\n", zone_text);
	zl_view *a = load(put(0, "a.dns", zone_text));
	zl_view *b = load(put(1, "b.dns", text));
	/* Same length, one byte apart. */
	zl_view *c = load(put(2, "c.dns", "$TTL 3601\n@ SOA ns hostmaster 1 900 600 86400 3600\n"
	                      "@ NS ns\n; zonelint: disable=duplicate-record\n"
	                      "ns A 10.0.0.1\nns A 10.0.0.1\n"));

	ck_assert_uint_eq(zl_view_record_count(b), 5);
	ck_assert_ptr_ne(zl_view_record(a, 0), zl_view_record(b, 0));
	ck_assert_ptr_ne(zl_view_record(a, 0), zl_view_record(c, 0));
	ck_assert_uint_eq(zl_record_ttl(zl_view_record(c, 1)), 3601);
}
END_TEST

START_TEST(include_or_fault_is_not_shared)
{
	put(0, "part.dns", "ns A 10.0.0.1\n");
	const char *inc = "@ SOA ns hostmaster 1 900 600 86400 3600\n$INCLUDE part.dns\n";
	const char *bad = "@ SOA ns hostmaster 1 900 600 86400 3600\nns A 10.0.0.300\n";
	zl_view *a = load(put(1, "a.dns", inc));
	zl_view *b = load(put(2, "b.dns", inc));
	zl_view *c = load(put(3, "c.dns", bad));
	zl_view *d = load(put(4, "d.dns", bad));

	ck_assert_uint_eq(zl_view_record_count(b), 2);
	ck_assert_ptr_ne(zl_view_record(a, 0), zl_view_record(b, 0));
	ck_assert_ptr_ne(zl_view_record(c, 0), zl_view_record(d, 0));
	/* Each broken file has its own finding, at its own path. */
	ck_assert_uint_eq(zl_model_problem_count(m), 2);
	ck_assert_str_eq(zl_problem_location(zl_model_problem(m, 1)).file, paths[4]);
}
END_TEST

/* A zone of n hosts, one A record each. */
static char *big_zone(unsigned n, size_t *len)
{
	size_t cap = 64 + (size_t)n * 40;
	char *text = malloc(cap);
	size_t o;

	ck_assert_ptr_nonnull(text);
	o = (size_t)snprintf(text, cap, "@ SOA ns hostmaster 1 900 600 86400 3600\n");
	for (unsigned i = 0; i < n; i++)
		o += (size_t)snprintf(text + o, cap - o, "host%07u A 10.%u.%u.%u\n", i,
		                      i >> 16 & 255, i >> 8 & 255, i & 255);
	*len = o;
	return text;
}

START_TEST(big_file_read_whole)
{
	size_t len;
	char *text = big_zone(400000, &len);           /* about 11 MB */

	ck_assert_uint_gt(len, 8u << 20);
	zl_view *v = load(put(0, "big.dns", text));
	free(text);
	ck_assert_uint_eq(zl_view_record_count(v), 400001);
	for (unsigned i = 0; i < 400000; i += 39999) {
		char name[64];
		snprintf(name, sizeof(name), "host%07u.corp.", i);
		const zl_record *r = zl_view_record(v, i + 1);
		ck_assert_str_eq(zl_name_text(zl_record_owner(r)), name);
		ck_assert_uint_eq(zl_record_location(v, r).line, i + 2);
		zl_addr a;
		ck_assert(zl_record_addr(r, &a));
		ck_assert_uint_eq(a.bytes[3], i & 255);
	}
	ck_assert_uint_eq(zl_model_problem_count(m), 0);
}
END_TEST

/* A pipe (or FIFO, or device) is refused at once, not read: a FIFO
 * without a writer blocks a reader forever, /dev/zero never ends. */
START_TEST(pipe_refused)
{
	int fd[2];

	ck_assert_int_eq(pipe(fd), 0);
	snprintf(paths[0], sizeof(paths[0]), "/proc/self/fd/%d", fd[0]);
	zl_view *v = zl_model_add_view(m, zone, paths[0]);
	ck_assert_ptr_nonnull(v);
	errno = 0;
	ck_assert_int_eq(zl_zonefile_load(m, v, NULL), -1);
	ck_assert_int_eq(errno, ZL_ENOTREG);
	ck_assert_str_eq(zl_zonefile_strerror(errno), "not a regular file");
	close(fd[0]);
	close(fd[1]);
}
END_TEST

Suite *sharing_suite(void)
{
	Suite *s = suite_create("sharing");
	TCase *tc = tcase_create("files");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, identical_files_share_records);
	tcase_add_test(tc, different_files_do_not_share);
	tcase_add_test(tc, shared_views_get_their_own_findings);
	tcase_add_test(tc, include_or_fault_is_not_shared);
	tcase_add_test(tc, pipe_refused);
	suite_add_tcase(s, tc);

	/* 400,000 records: a second or two, many more under ASan on a busy
	 * machine, where Check's default of 4 s cut it short. */
	TCase *big = tcase_create("big");
	tcase_add_checked_fixture(big, setup, teardown);
	tcase_set_timeout(big, 60);
	tcase_add_test(big, big_file_read_whole);
	suite_add_tcase(s, big);
	return s;
}
