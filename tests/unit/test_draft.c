/*
 * --draft-inventory: the header of an export, YAML quoting, relative
 * paths, and what is inferred from small folders of exports built on the
 * fly (forest, roles, sites, GUIDs, addresses, the `file` copy).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "draft.h"
#include "suites.h"

/* ---- the pieces ---------------------------------------------------------- */

static const struct header_case {
	const char *text;
	size_t len;                   /* 0: strlen */
	const char *zone;             /* NULL: no header */
	unsigned line;
} header_cases[] = {
	{ ";\r\n;  Database file corp.dns for corp zone.\r\n;      Zone version:  5\r\n", 0,
	  "corp", 2 },
	{ ";\n;  Database file _msdcs.corp.dns for Default zone scope in zone _msdcs.corp.\n",
	  0, "_msdcs.corp", 2 },
	{ ";  Database file x.dns for 0.10.in-addr.arpa zone.\n", 0, "0.10.in-addr.arpa", 1 },
	{ "\xff\xfe;\0\n\0;\0 \0D\0a\0t\0a\0b\0a\0s\0e\0 \0f\0i\0l\0e\0 \0"
	  "c\0.\0d\0n\0s\0 \0f\0o\0r\0 \0c\0 \0z\0o\0n\0e\0.\0\r\0\n\0", 76, "c", 2 },
	{ "; Database file corp.dns for corp\n@ IN SOA a b 1 2 3 4 5\n", 0, NULL, 0 },
	{ "$ORIGIN corp.\n@ IN SOA a b 1 2 3 4 5\n", 0, NULL, 0 },
	{ ";\n;\n;\n;\n;\n;\n;\n;\n;\n;\n;\n;\n;  Database file a.dns for a zone.\n", 0,
	  NULL, 0 },
};

START_TEST(header_names_the_zone)
{
	const struct header_case *t = &header_cases[_i];
	char name[256] = "";
	unsigned line = 0;
	bool found = zl_draft_header_zone(t->text, t->len ? t->len : strlen(t->text),
	                                  name, sizeof name, &line);

	ck_assert_msg(found == (t->zone != NULL), "case %d: found %d (%s)", _i, found, name);
	if (t->zone) {
		ck_assert_str_eq(name, t->zone);
		ck_assert_uint_eq(line, t->line);
	}
}
END_TEST

START_TEST(yaml_scalars_read_back_as_text)
{
	static const char *const cases[][2] = {
		{ "dc1.corp", "dc1.corp" }, { "HQ", "HQ" }, { "10.0.0.1/24", "10.0.0.1/24" },
		{ "../exports/dc1/corp.dns", "../exports/dc1/corp.dns" },
		{ "fd00::1/64", "\"fd00::1/64\"" }, { "yes", "\"yes\"" }, { "No", "\"No\"" },
		{ "1.5", "\"1.5\"" }, { "2024", "\"2024\"" }, { "-x", "\"-x\"" },
		{ "a b", "\"a b\"" }, { "a\"b\\c", "\"a\\\"b\\\\c\"" }, { "a\tb", "\"a\\x09b\"" },
		{ "#x", "\"#x\"" }, { "", "\"\"" }, { "x:y", "\"x:y\"" },
	};
	char buf[64];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_str_eq(zl_draft_yaml_scalar(cases[i][0], buf, sizeof buf), cases[i][1]);
	ck_assert_str_eq(zl_draft_yaml_scalar("a b c d", buf, 5), "\"a b");
}
END_TEST

START_TEST(relative_paths)
{
	static const char *const cases[][3] = {
		{ "/a/b", "/a/c/f", "../c/f" }, { "/a", "/a/b/f", "b/f" },
		{ "/", "/x/f", "x/f" }, { "/a/bc", "/a/b/f", "../b/f" },
		{ "/a/b", "/a/b/f", "f" }, { "/x/y/z", "/f", "../../../f" },
	};
	char buf[64];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_str_eq(zl_draft_relative_path(cases[i][0], cases[i][1], buf,
		                                        sizeof buf), cases[i][2]);
	ck_assert_ptr_null(zl_draft_relative_path("/a", "/b/long-name", buf, 8));
}
END_TEST

/* ---- drafts of small folders ------------------------------------------------ */

typedef struct file_spec {
	const char *path;             /* under the folder */
	const char *text;
} file_spec;

static char dir[64];

static void make_tree(const file_spec *files)
{
	strcpy(dir, "/tmp/zonelint-draft.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	for (const file_spec *f = files; f->path; f++) {
		char path[256], *slash;
		FILE *fp;

		snprintf(path, sizeof path, "%s/%s", dir, f->path);
		slash = strrchr(path, '/');
		*slash = '\0';
		mkdir(path, 0755);
		*slash = '/';
		ck_assert_ptr_nonnull(fp = fopen(path, "w"));
		fputs(f->text, fp);
		fclose(fp);
	}
}

static void remove_tree(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* The draft of files (NULL when it fails: why holds the message). */
static char *draft_of(const file_spec *files, char *why, size_t size)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	int rc;

	make_tree(files);
	rc = zl_draft_inventory(out, NULL, dir, NULL, why, size);
	fclose(out);
	remove_tree();
	if (rc != 0) {
		free(text);
		return NULL;
	}
	return text;
}

/* text with each run of spaces made one, into buf */
static const char *squeeze(const char *text, size_t len, char *buf, size_t size)
{
	size_t n = 0;

	for (size_t i = 0; i < len && n + 1 < size; i++)
		if (text[i] != ' ' || (n && buf[n - 1] != ' '))
			buf[n++] = text[i];
	buf[n] = '\0';
	return buf;
}

/* The draft holds a line starting with `line` (indentation dropped, runs
 * of spaces counted as one). */
static void assert_has(const char *draft, const char *line)
{
	char want[1024], got[1024];

	squeeze(line, strlen(line), want, sizeof want);
	for (const char *p = draft; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) + 1 : strlen(p);

		if (strncmp(squeeze(p, len, got, sizeof got), want, strlen(want)) == 0)
			return;
	}
	fprintf(stderr, "%s", draft);    /* too long for a Check message */
	ck_abort_msg("no line '%s' in the draft (printed above)", line);
}

static void assert_lacks(const char *draft, const char *text)
{
	if (strstr(draft, text))
		fprintf(stderr, "%s", draft);
	ck_assert_msg(!strstr(draft, text), "'%s' in the draft (printed above)", text);
}

#define SOA "@ 3600 IN SOA dc1.corp. h.corp. 1 900 600 86400 3600\n"

/* corp (forest) and its child emea.corp; the GC records name corp. */
static const file_spec two_domains[] = {
	{ "dc1.corp/corp.dns", ";  Database file corp.dns for corp zone.\n" SOA
	  "dc1 A 10.0.0.1\n" "dc1 AAAA fd00::1\n"
	  "_ldap._tcp.dc._msdcs SRV 0 100 389 dc1.corp.\n"
	  "_ldap._tcp.pdc._msdcs SRV 0 100 389 dc1.corp.\n"
	  "_ldap._tcp.gc._msdcs SRV 0 100 3268 dc1.corp.\n"
	  "_ldap._tcp.HQ._sites.dc._msdcs SRV 0 100 389 dc1.corp.\n"
	  "_ldap._tcp.Lab._sites.dc._msdcs SRV 0 100 389 dc1.corp.\n"
	  "5f0c3e29-8c1e-4d6f-9a53-2b1f0e7d4c11._msdcs CNAME dc1.corp.\n"
	  "0f0c3e29-8c1e-4d6f-9a53-2b1f0e7d4c11._msdcs CNAME dc1.corp.\n"
	  "_ldap._tcp.dc._msdcs SRV 0 100 389 dc9.corp.\n" },
	{ "dc1.emea.corp/emea.dns", ";  Database file emea.dns for emea.corp zone.\n"
	  "@ 3600 IN SOA dc1.emea.corp. h.corp. 7 900 600 86400 3600\n"
	  "_ldap._tcp.dc._msdcs SRV 0 100 389 dc1.emea.corp.\n" },
	{ "ns1.corp/corp.dns", ";  Database file corp.dns for corp zone.\n" SOA
	  "dc1 A 10.0.0.1\n" "dc1 AAAA fd00::1\n"
	  "_ldap._tcp.dc._msdcs SRV 0 100 389 dc1.corp.\n"
	  "_ldap._tcp.pdc._msdcs SRV 0 100 389 dc1.corp.\n"
	  "_ldap._tcp.gc._msdcs SRV 0 100 3268 dc1.corp.\n"
	  "_ldap._tcp.HQ._sites.dc._msdcs SRV 0 100 389 dc1.corp.\n"
	  "_ldap._tcp.Lab._sites.dc._msdcs SRV 0 100 389 dc1.corp.\n"
	  "5f0c3e29-8c1e-4d6f-9a53-2b1f0e7d4c11._msdcs CNAME dc1.corp.\n"
	  "0f0c3e29-8c1e-4d6f-9a53-2b1f0e7d4c11._msdcs CNAME dc1.corp.\n"
	  "_ldap._tcp.dc._msdcs SRV 0 100 389 dc9.corp.\n" "ns1 A 10.0.0.53\n" },
	{ NULL, NULL },
};

START_TEST(roles_sites_guids_and_addresses)
{
	char why[512];
	char *d = draft_of(two_domains, why, sizeof why);

	ck_assert_msg(d != NULL, "%s", why);
	assert_has(d, "version: 1\n");
	assert_has(d, "partial: true ");
	assert_has(d, "forest: corp ");
	assert_has(d, "- corp # dc1.corp/corp.dns:5 ");
	assert_has(d, "- emea.corp ");
	/* dc1: dc, dns, gc, pdc; its two sites and two GUIDs are named */
	assert_has(d, "- 10.0.0.1/24 # dc1.corp/corp.dns:3; /24 assumed");
	assert_has(d, "- \"fd00::1/64\"");
	assert_has(d, "- pdc ");
	assert_has(d, "site: HQ # dc1.corp/corp.dns:8 (_sites SRV target); also "
	           "registered for Lab");
	assert_has(d, "dsa_guid: 5f0c3e29-8c1e-4d6f-9a53-2b1f0e7d4c11 # dc1.corp/corp.dns:10 "
	           "(<guid>._msdcs CNAME); 0f0c3e29-8c1e-4d6f-9a53-2b1f0e7d4c11 at "
	           "dc1.corp/corp.dns:11 also points here");
	/* dc1.emea has no address record anywhere; ns1 is no DC */
	assert_has(d, "addresses: []");
	assert_has(d, "- dns # not a target of _ldap._tcp.dc");
	/* dc9 is named by a record but has no folder */
	assert_has(d, "# dc9.corp (dc1.corp/corp.dns:12)");
	/* ns1's copy holds one record more: dc1's is `file` (a tie is broken
	 * by name), ns1's a view */
	assert_has(d, "file: /tmp/zonelint-draft.");
	assert_has(d, "ns1.corp: /tmp/zonelint-draft.");
	assert_has(d, "storage: ad-domain");
	free(d);
}
END_TEST

static const file_spec msdcs_forest[] = {
	{ "dc1.a.test/_msdcs.a.test.dns",
	  ";  Database file _msdcs.a.test.dns for Default zone scope in zone _msdcs.a.test.\n"
	  "@ 3600 IN SOA dc1.a.test. h.a.test. 1 900 600 86400 3600\n"
	  "_ldap._tcp.dc SRV 0 100 389 dc1.a.test.\n" },
	{ "dc1.a.test/b.a.test.dns",
	  "@ 3600 IN SOA dc1.a.test. h.a.test. 1 900 600 86400 3600\n"
	  "_ldap._tcp.dc._msdcs SRV 0 100 389 dc1.a.test.\n" },
	{ "dc2.a.test/b.a.test.dns",
	  ";  Database file b.a.test.dns for b.a.test zone.\n"
	  "@ 3600 IN SOA dc1.a.test. h.a.test. 99 900 600 86400 3600\n"
	  "_ldap._tcp.dc._msdcs SRV 0 100 389 dc1.a.test.\n" },
	{ NULL, NULL },
};

/* No GC records: the forest is the X of zone _msdcs.X, which is ad-forest;
 * a zone named only by its file name; copies differing in serial alone
 * are one copy. */
START_TEST(forest_from_msdcs_zone)
{
	char why[512];
	char *d = draft_of(msdcs_forest, why, sizeof why);

	ck_assert_msg(d != NULL, "%s", why);
	assert_has(d, "forest: a.test # dc1.a.test/_msdcs.a.test.dns:1 "
	           "(zone _msdcs.<forest> is the forest root's)");
	assert_has(d, "- name: _msdcs.a.test");
	assert_has(d, "storage: ad-forest");
	assert_has(d, "- name: b.a.test # dc1.a.test/b.a.test.dns (file name)");
	ck_assert_ptr_nonnull(strstr(d, "/dc1.a.test/b.a.test.dns  # 2 of 2 copies hold "
	                             "these records"));
	assert_lacks(d, "views:");
	free(d);
}
END_TEST

static const file_spec shortest_forest[] = {
	{ "dc1.x.b.test/x.b.test.dns", SOA "_ldap._tcp.dc._msdcs SRV 0 100 389 dc1.x.b.test.\n" },
	{ "dc1.b.test/b.test.dns", SOA "_ldap._tcp.dc._msdcs SRV 0 100 389 dc1.b.test.\n" },
	{ NULL, NULL },
};

START_TEST(forest_is_the_shortest_domain_else)
{
	char why[512];
	char *d = draft_of(shortest_forest, why, sizeof why);

	ck_assert_msg(d != NULL, "%s", why);
	assert_has(d, "forest: b.test ");
	ck_assert_ptr_nonnull(strstr(d, "the shortest domain name"));
	/* the forest is listed first among the domains */
	ck_assert_ptr_nonnull(strstr(d, "domains:\n  - b.test "));
	assert_has(d, "- x.b.test ");
	free(d);
}
END_TEST

static const file_spec bad_trees[][3] = {
	{ { "dc1.corp/corp.dns", SOA "www A 10.0.0.1\n" }, { NULL, NULL } },
	{ { "dc1.corp/readme.txt", "no exports\n" }, { NULL, NULL } },
	{ { "corp.dns", SOA }, { "dc1.corp/corp.dns", SOA }, { NULL, NULL } },
	{ { "dc1.corp/a.dns", ";  Database file a.dns for a..b zone.\n" }, { NULL, NULL } },
};

static const char *const bad_why[] = {
	"no AD domain in the exports",
	"/dc1.corp: no .dns files",
	"/corp.dns: an export outside a server folder",
	"/dc1.corp/a.dns:1: the zone 'a..b' is not a valid DNS name",
};

START_TEST(unusable_folders_say_why)
{
	char why[512] = "";
	char *d = draft_of(bad_trees[_i], why, sizeof why);

	ck_assert_ptr_null(d);
	ck_assert_msg(strstr(why, bad_why[_i]), "'%s' lacks '%s'", why, bad_why[_i]);
}
END_TEST

START_TEST(output_paths_are_relative_to_the_file)
{
	char why[512], out[128], text[8192] = "";
	FILE *f;

	make_tree(msdcs_forest);
	snprintf(out, sizeof out, "%s.review/forest.yaml", dir);
	snprintf(text, sizeof text, "%s.review", dir);
	ck_assert_int_eq(mkdir(text, 0755), 0);
	ck_assert_msg(zl_draft_write(dir, out, NULL, why, sizeof why) == 0, "%s", why);
	ck_assert_ptr_nonnull(f = fopen(out, "r"));
	text[fread(text, 1, sizeof text - 1, f)] = '\0';
	fclose(f);
	snprintf(why, sizeof why, "file: ../%s/dc1.a.test/_msdcs.a.test.dns ",
	         strrchr(dir, '/') + 1);
	assert_has(text, why);
	/* an existing file is kept */
	ck_assert_int_eq(zl_draft_write(dir, out, NULL, why, sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "exists and may hold a reviewed inventory"));
	ck_assert_int_eq(unlink(out), 0);
	snprintf(text, sizeof text, "%s.review", dir);
	ck_assert_int_eq(rmdir(text), 0);
	remove_tree();
}
END_TEST

Suite *draft_suite(void)
{
	Suite *s = suite_create("draft");
	TCase *tc = tcase_create("pieces");

	tcase_add_loop_test(tc, header_names_the_zone, 0,
	                    (int)(sizeof header_cases / sizeof header_cases[0]));
	tcase_add_test(tc, yaml_scalars_read_back_as_text);
	tcase_add_test(tc, relative_paths);
	suite_add_tcase(s, tc);

	tc = tcase_create("inference");
	tcase_add_test(tc, roles_sites_guids_and_addresses);
	tcase_add_test(tc, forest_from_msdcs_zone);
	tcase_add_test(tc, forest_is_the_shortest_domain_else);
	tcase_add_loop_test(tc, unusable_folders_say_why, 0,
	                    (int)(sizeof bad_trees / sizeof bad_trees[0]));
	tcase_add_test(tc, output_paths_are_relative_to_the_file);
	suite_add_tcase(s, tc);
	return s;
}
