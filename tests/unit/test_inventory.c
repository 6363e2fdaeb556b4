/*
 * The inventory loader: a full inventory read back field by field, one
 * fixture per error class (tests/data/inventory/<class>.yaml) with the
 * exact problem it gives and what still loads, and hostile input built on
 * the fly (aliases, nesting, binary data, long and odd values).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "model_int.h"
#include "sources/inventory.h"
#include "suites.h"

#define INV_DATA ZL_TEST_DATA "/inventory/"

/* ---- helpers --------------------------------------------------------------- */

static zl_model *load(const char *path, int want_rc)
{
	zl_model *m = zl_model_new();
	int rc;

	ck_assert_ptr_nonnull(m);
	rc = zl_inventory_load(m, path);
	ck_assert_msg(rc == want_rc, "%s: zl_inventory_load returned %d, expected %d",
	              path, rc, want_rc);
	return m;
}

/* Loads, checks the loader's problem count, then resolves and checks that
 * zl_model_resolve found nothing more to say. */
static zl_model *load_resolved(const char *path, int want_rc, size_t want_problems)
{
	zl_model *m = load(path, want_rc);
	size_t n = zl_model_problem_count(m);

	ck_assert_msg(n == want_problems, "%s: %zu problems, expected %zu (first: %s)",
	              path, n, want_problems,
	              n ? zl_problem_message(zl_model_problem(m, 0)) : "none");
	ck_assert_int_eq(zl_model_resolve(m), 0);
	ck_assert_msg(zl_model_problem_count(m) == n, "%s: resolve added: %s", path,
	              zl_model_problem_count(m) > n
	              ? zl_problem_message(zl_model_problem(m, n)) : "");
	return m;
}

static const zl_problem *problem_at(const zl_model *m, uint32_t line, uint32_t column)
{
	for (size_t i = 0; i < zl_model_problem_count(m); i++) {
		const zl_problem *p = zl_model_problem(m, i);
		zl_location l = zl_problem_location(p);

		if (l.line == line && l.column == column)
			return p;
	}
	return NULL;
}

/* The problem at line:column is an `inventory` one of this severity whose
 * message holds `word`. */
static const zl_problem *assert_problem(const zl_model *m, const char *file,
                                        uint32_t line, uint32_t column,
                                        zl_severity sev, const char *word)
{
	const zl_problem *p = problem_at(m, line, column);

	ck_assert_msg(p != NULL, "%s: no problem at %u:%u (first: %s)", file,
	              (unsigned)line, (unsigned)column,
	              zl_model_problem_count(m)
	              ? zl_problem_message(zl_model_problem(m, 0)) : "none");
	ck_assert_int_eq(zl_problem_source(p), t_source("inventory"));
	ck_assert_str_eq(zl_problem_location(p).file, file);
	ck_assert_msg(zl_problem_severity(p) == sev, "%s:%u:%u: severity %d, expected %d",
	              file, (unsigned)line, (unsigned)column,
	              (int)zl_problem_severity(p), (int)sev);
	ck_assert_msg(strstr(zl_problem_message(p), word) != NULL,
	              "%s:%u:%u: message \"%s\" lacks \"%s\"", file, (unsigned)line,
	              (unsigned)column, zl_problem_message(p), word);
	return p;
}

static bool message_has(const zl_model *m, const char *word)
{
	for (size_t i = 0; i < zl_model_problem_count(m); i++)
		if (strstr(zl_problem_message(zl_model_problem(m, i)), word))
			return true;
	return false;
}

static const zl_server *server(const zl_model *m, const char *name)
{
	const zl_name *n = zl_model_name(m, name);
	const zl_server *s = n ? zl_model_server_find(m, n) : NULL;

	ck_assert_msg(s != NULL, "server %s is not loaded", name);
	return s;
}

static const zl_zone *zone(const zl_model *m, const char *name)
{
	const zl_name *n = zl_model_name(m, name);
	const zl_zone *z = n ? zl_model_zone_find(m, n) : NULL;

	ck_assert_msg(z != NULL, "zone %s is not loaded", name);
	return z;
}

static void assert_address(const zl_server *s, size_t i, const char *text,
                           unsigned length)
{
	char buf[ZL_ADDR_TEXT_MAX];
	const zl_prefix *p;

	ck_assert_msg(i < zl_server_address_count(s), "%s has no address %zu",
	              zl_name_text(zl_server_name(s)), i);
	p = zl_server_address(s, i);
	ck_assert_str_eq(zl_addr_format(&p->addr, buf, sizeof buf), text);
	ck_assert_msg(p->length == length, "%s: prefix /%u, expected /%u", text,
	              (unsigned)p->length, length);
}

/* A temporary inventory holding `len` bytes of text; the caller unlinks. */
static void write_temp(char path[64], const char *text, size_t len)
{
	FILE *f;
	int fd;

	strcpy(path, "/tmp/zonelint-inventory-XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

/* ---- a full inventory ----------------------------------------------------- */

START_TEST(valid_loads_every_field)
{
	zl_model *m = load_resolved(INV_DATA "valid.yaml", 0, 0);
	const zl_server *dc1, *dc2, *dc3;
	const zl_zone *corp, *corpcorp, *child;
	zl_severity sev;
	zl_location where;

	ck_assert_str_eq(zl_name_text(zl_model_forest(m)), "corp.");
	ck_assert_uint_eq(zl_model_forest_location(m).line, 3);
	ck_assert_uint_eq(zl_model_domain_count(m), 2);
	ck_assert_str_eq(zl_name_text(zl_model_domain(m, 0)), "corp.");
	ck_assert_str_eq(zl_name_text(zl_model_domain(m, 1)), "child.corp.");

	/* servers sorted by name, whatever the inventory's order */
	ck_assert_uint_eq(zl_model_server_count(m), 3);
	ck_assert_str_eq(zl_name_text(zl_server_name(zl_model_server(m, 0))), "dc1.corp.");
	ck_assert_str_eq(zl_name_text(zl_server_name(zl_model_server(m, 1))), "dc2.corp.");
	ck_assert_str_eq(zl_name_text(zl_server_name(zl_model_server(m, 2))), "dc3.child.corp.");
	dc1 = server(m, "dc1.corp");
	dc2 = server(m, "DC2.CORP.");
	dc3 = server(m, "dc3.child.corp");

	ck_assert_uint_eq(zl_server_address_count(dc2), 2);
	assert_address(dc2, 0, "10.0.0.11", 24);
	assert_address(dc2, 1, "fd00::11", 48);
	ck_assert_uint_eq(zl_server_address_count(dc1), 2);
	assert_address(dc1, 0, "10.0.0.10", 24);
	assert_address(dc1, 1, "192.168.1.10", 16);
	ck_assert_uint_eq(zl_server_address_count(dc3), 1);
	assert_address(dc3, 0, "10.1.0.10", 24);

	ck_assert_uint_eq(zl_server_roles(dc2), ZL_ROLE_DC | ZL_ROLE_DNS | ZL_ROLE_GC);
	ck_assert_uint_eq(zl_server_roles(dc1), ZL_ROLE_DC | ZL_ROLE_DNS);
	ck_assert_uint_eq(zl_server_roles(dc3), ZL_ROLE_DNS);
	ck_assert_str_eq(zl_server_os(dc2), "windows-server-2016");
	ck_assert_uint_eq(zl_server_os_location(dc2).line, 8);
	ck_assert_uint_eq(zl_server_os_location(dc2).column, 9);
	ck_assert_str_eq(zl_server_os(dc1), "windows-server-2003");
	ck_assert_ptr_null(zl_server_os(dc3));
	ck_assert_str_eq(zl_server_site(dc2), "HQ");
	ck_assert_ptr_null(zl_server_site(dc1));
	ck_assert_str_eq(zl_server_dsa_guid(dc2), "5f0c3e29-8c1e-4d6f-9a53-2b1f0e7d4c11");
	ck_assert_ptr_null(zl_server_dsa_guid(dc1));
	ck_assert_str_eq(zl_server_dns(dc2), "[fd00::11]:5353");
	ck_assert_str_eq(zl_server_dns(dc1), "127.0.0.2:53");
	ck_assert_str_eq(zl_server_dns(dc3), "dc3.child.corp");
	ck_assert_uint_eq(zl_server_location(dc2).line, 6);
	ck_assert_uint_eq(zl_server_location(dc2).column, 5);
	ck_assert_str_eq(zl_server_location(dc2).file, INV_DATA "valid.yaml");

	ck_assert_uint_eq(zl_server_inbound_count(dc2), 1);
	ck_assert_ptr_eq(zl_server_inbound(dc2, 0), dc1);
	ck_assert_uint_eq(zl_server_inbound_count(dc1), 1);
	ck_assert_ptr_eq(zl_server_inbound(dc1, 0), dc2);
	ck_assert_uint_eq(zl_server_inbound_count(dc3), 0);

	/* zones in inventory order */
	ck_assert_uint_eq(zl_model_zone_count(m), 3);
	corp = zone(m, "corp");
	corpcorp = zone(m, "corp.corp");
	child = zone(m, "child.corp");
	ck_assert_ptr_eq(zl_model_zone(m, 0), corp);
	ck_assert_ptr_eq(zl_model_zone(m, 2), child);
	ck_assert_int_eq(zl_zone_storage(corp), ZL_STORAGE_AD_DOMAIN);
	ck_assert_int_eq(zl_zone_storage(corpcorp), ZL_STORAGE_FILE);
	ck_assert_int_eq(zl_zone_storage(child), ZL_STORAGE_AD_DOMAIN);  /* default */
	ck_assert_uint_eq(zl_zone_host_count(corp), 2);
	ck_assert_ptr_eq(zl_zone_host(corp, 0), dc1);
	ck_assert_ptr_eq(zl_zone_host(corp, 1), dc2);
	ck_assert_uint_eq(zl_zone_host_count(corpcorp), 1);
	ck_assert(zl_zone_is_hosted_on(child, dc3));

	/* paths joined with the inventory's folder */
	ck_assert_str_eq(zl_zone_file(corp), INV_DATA "zones/corp.dns");
	ck_assert_uint_eq(zl_zone_file_location(corp).line, 27);
	ck_assert_str_eq(zl_model_view_path(m, corp, dc1), INV_DATA "zones/corp.dns");
	ck_assert_str_eq(zl_model_view_path(m, corp, dc2), INV_DATA "zones/dc2/corp.dns");
	ck_assert_uint_eq(zl_model_view_path_location(m, corp, dc2).line, 29);
	ck_assert_str_eq(zl_zone_file(corpcorp), INV_DATA "zones/corp.corp.dns");

	ck_assert_uint_eq(zl_zone_no_refresh_days(corp), 3);
	ck_assert_uint_eq(zl_zone_refresh_days(corp), 4);
	ck_assert_uint_eq(zl_zone_no_refresh_days(child), 7);
	ck_assert_uint_eq(zl_zone_refresh_days(child), 7);

	ck_assert_uint_eq(zl_model_rule_override_count(m), 2);
	ck_assert_str_eq(zl_model_rule_override(m, 0, &sev, &where), "eol-os");
	ck_assert_int_eq(sev, ZL_SEVERITY_OFF);
	ck_assert_uint_eq(where.line, 38);
	ck_assert_str_eq(zl_model_rule_override(m, 1, &sev, &where), "dc-srv-records");
	ck_assert_int_eq(sev, ZL_SEVERITY_ERROR);

	ck_assert_str_eq(zl_model_setting(m, "dc_name_pattern"), "^dc[0-9]+\\.");
	ck_assert_str_eq(zl_model_setting(m, "site_count"), "2");
	ck_assert_ptr_null(zl_model_setting(m, "absent"));
	ck_assert(!zl_model_unusable(m));
	zl_model_free(m);
}
END_TEST

/* Paths are joined with the inventory's folder as given: nothing added
 * beside it, absolute paths kept. */
START_TEST(paths_join_the_folder_as_given)
{
	char cwd[PATH_MAX], abs_path[PATH_MAX + 64], want[PATH_MAX + 64];
	zl_model *m;

	ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
	ck_assert_int_eq(chdir(INV_DATA), 0);
	m = load_resolved("valid.yaml", 0, 0);
	ck_assert_str_eq(zl_zone_file(zone(m, "corp")), "zones/corp.dns");
	zl_model_free(m);
	m = load_resolved("./valid.yaml", 0, 0);
	ck_assert_str_eq(zl_zone_file(zone(m, "corp")), "./zones/corp.dns");
	zl_model_free(m);
	ck_assert_int_eq(chdir(cwd), 0);

	snprintf(abs_path, sizeof abs_path, "%s/" INV_DATA "valid.yaml", cwd);
	snprintf(want, sizeof want, "%s/" INV_DATA "zones/corp.dns", cwd);
	m = load_resolved(abs_path, 0, 0);
	ck_assert_str_eq(zl_zone_file(zone(m, "corp")), want);
	ck_assert_str_eq(zl_model_forest_location(m).file, abs_path);
	zl_model_free(m);
}
END_TEST

/* ---- one fixture per error class ---------------------------------------------- */

typedef struct expect {
	uint32_t line, column;
	zl_severity severity;
	const char *word;             /* a word the message must hold */
} expect;

typedef struct error_case {
	const char *fixture;          /* tests/data/inventory/<fixture>.yaml */
	int rc;
	size_t problems;              /* exactly this many from the loader */
	expect want[3];
} error_case;

#define E ZL_SEVERITY_ERROR
#define W ZL_SEVERITY_WARNING

static const error_case error_cases[] = {
	{ "bad-yaml", -1, 1, { { 6, 9, E, "bad YAML: did not find expected ','" } } },
	{ "unknown-key", 0, 2, { { 5, 5, E, "unknown key 'adresses' in server dc1.corp.; expected one of: name, addresses," },
	                         { 4, 5, E, "missing required key 'addresses' in server dc1.corp." } } },
	{ "wrong-type", 0, 2, { { 3, 10, E, "expected a list of domain names for 'domains'" },
	                        { 6, 16, E, "expected a list of addresses for 'addresses' in server dc1.corp., got a mapping" } } },
	{ "bad-address", 0, 3, { { 6, 9, E, "bad address '10.0.0.300/24' in server dc1.corp.: not an IPv4 or IPv6 address" },
	                         { 8, 9, E, "bad prefix length '/129'" },
	                         { 9, 9, E, "bad prefix length '/x'" } } },
	{ "duplicate-server", 0, 1, { { 6, 11, E, "duplicate server dc1.corp. (first at line 4)" } } },
	{ "duplicate-zone", 0, 1, { { 9, 11, E, "duplicate zone corp. (first at line 7)" } } },
	{ "duplicate-key", 0, 1, { { 7, 5, E, "duplicate key 'site' in server dc1.corp. (first at line 6)" } } },
	{ "duplicate-entry", 0, 1, { { 5, 31, W, "address 10.0.0.10 listed twice" } } },
	{ "missing-key", 0, 3, { { 1, 1, E, "missing required key 'forest' in inventory" },
	                         { 3, 5, E, "missing required key 'name' in server entry" },
	                         { 7, 5, E, "missing required key 'name' in zone entry" } } },
	{ "bad-version", 0, 1, { { 1, 10, E, "unsupported inventory version '2'" } } },
	{ "missing-version", 0, 1, { { 1, 1, E, "missing required key 'version'" } } },
	{ "bad-severity", 0, 1, { { 4, 11, E, "bad severity 'warn' for rule eol-os; expected one of: off, info, warning, error" } } },
	{ "unknown-os", 0, 1, { { 6, 9, W, "unknown os 'windows-nt-4' in server dc1.corp.; expected one of: windows-server-2003, windows-server-2003-r2," } } },
	{ "missing-file", 0, 2, { { 10, 11, E, "zone file " INV_DATA "zones/missing.dns: No such file or directory" },
	                          { 12, 17, E, "zone file " INV_DATA "zones: Is a directory" } } },
	{ "bad-name", 0, 2, { { 4, 11, E, "malformed name 'dc1 .corp'" },
	                      { 8, 23, E, "malformed name 'a..b' for 'replicates_from' in server dc2.corp." } } },
	{ "bad-guid", 0, 1, { { 6, 15, E, "bad dsa_guid '5f0c3e29-8c1e-4d6f-9a53-2b1f0e7d4c1'" } } },
	{ "bad-dns", 0, 3, { { 6, 10, E, "bad dns endpoint '10.0.0.10:65536'" },
	                     { 9, 10, E, "bad dns endpoint 'dc2.corp:dns'" },
	                     { 12, 10, E, "bad dns endpoint '[fd00::12]:0'" } } },
	{ "bad-role", 0, 1, { { 6, 17, E, "unknown role 'bdc' in server dc1.corp.; expected one of: dc, dns, gc, pdc, rodc" } } },
	{ "bad-storage", 0, 1, { { 5, 14, E, "unknown storage 'ad-integrated'" } } },
	{ "bad-aging", 0, 2, { { 5, 51, E, "unknown key 'scavenge' in 'aging' of zone corp." },
	                       { 5, 30, E, "expected a whole number of days from 0 to 100000 for 'no_refresh_days'" } } },
	{ "second-document", 0, 1, { { 3, 1, E, "a second YAML document" } } },
	{ "not-a-mapping", 0, 1, { { 1, 1, E, "expected a mapping (version, forest," } } },
	{ "empty", 0, 1, { { 1, 1, E, "the inventory is empty" } } },
	{ "aliases", 0, 2, { { 5, 16, E, "duplicate server dc1.corp." },
	                     { 9, 5, E, "expected a text value for setting 'a', got a mapping" } } },
};

START_TEST(error_class_gives_its_problem)
{
	const error_case *t = &error_cases[_i];
	char path[256];
	zl_model *m;

	snprintf(path, sizeof path, INV_DATA "%s.yaml", t->fixture);
	m = load(path, t->rc);
	ck_assert_msg(zl_model_problem_count(m) == t->problems,
	              "%s: %zu problems, expected %zu", path,
	              zl_model_problem_count(m), t->problems);
	for (size_t i = 0; i < t->problems && i < 3; i++) {
		const expect *w = &t->want[i];

		assert_problem(m, path, w->line, w->column, w->severity, w->word);
		/* an error makes the input unusable (exit code 2) */
		ck_assert(zl_model_unusable(m) || w->severity != E);
	}
	if (t->rc == 0)
		ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_model_free(m);
}
END_TEST

/* ---- what still loads around a problem ----------------------------------- */

START_TEST(bad_address_is_dropped_server_kept)
{
	zl_model *m = load_resolved(INV_DATA "bad-address.yaml", 0, 3);
	const zl_server *dc1 = server(m, "dc1.corp");

	ck_assert_uint_eq(zl_server_address_count(dc1), 1);
	assert_address(dc1, 0, "10.0.0.10", 24);
	ck_assert_uint_eq(zl_server_address_count(server(m, "dc2.corp")), 1);
	/* the problem names the server it is about */
	ck_assert_ptr_eq(zl_problem_server(zl_model_problem(m, 0)), zl_server_name(dc1));
	zl_model_free(m);
}
END_TEST

START_TEST(later_duplicate_is_not_merged)
{
	zl_model *m = load_resolved(INV_DATA "duplicate-server.yaml", 0, 1);
	const zl_server *dc1 = server(m, "dc1.corp");

	ck_assert_uint_eq(zl_model_server_count(m), 2);
	ck_assert_uint_eq(zl_server_address_count(dc1), 1);
	assert_address(dc1, 0, "10.0.0.10", 24);
	ck_assert_uint_eq(zl_server_location(dc1).line, 4);
	server(m, "dc2.corp");
	zl_model_free(m);

	m = load_resolved(INV_DATA "duplicate-zone.yaml", 0, 1);
	ck_assert_uint_eq(zl_model_zone_count(m), 2);
	ck_assert_int_eq(zl_zone_storage(zone(m, "corp")), ZL_STORAGE_AD_DOMAIN);
	zone(m, "corp.corp");
	zl_model_free(m);

	m = load_resolved(INV_DATA "duplicate-key.yaml", 0, 1);
	ck_assert_str_eq(zl_server_site(server(m, "dc1.corp")), "HQ");
	zl_model_free(m);
}
END_TEST

START_TEST(misspelt_key_keeps_the_rest)
{
	zl_model *m = load_resolved(INV_DATA "unknown-key.yaml", 0, 2);

	ck_assert_uint_eq(zl_server_address_count(server(m, "dc1.corp")), 0);
	ck_assert_uint_eq(zl_server_address_count(server(m, "dc2.corp")), 1);
	zl_model_free(m);

	m = load_resolved(INV_DATA "missing-key.yaml", 0, 3);
	ck_assert_uint_eq(zl_model_server_count(m), 1);
	server(m, "dc2.corp");
	ck_assert_uint_eq(zl_model_zone_count(m), 1);
	zone(m, "corp");
	zl_model_free(m);
}
END_TEST

START_TEST(wrong_type_keeps_defaults)
{
	zl_model *m = load_resolved(INV_DATA "wrong-type.yaml", 0, 2);

	/* domains: unusable, so the default [forest] */
	ck_assert_uint_eq(zl_model_domain_count(m), 1);
	ck_assert_str_eq(zl_name_text(zl_model_domain(m, 0)), "corp.");
	ck_assert_uint_eq(zl_server_address_count(server(m, "dc1.corp")), 0);
	ck_assert_uint_eq(zl_server_address_count(server(m, "dc2.corp")), 1);
	zl_model_free(m);
}
END_TEST

START_TEST(unknown_os_is_a_stored_warning)
{
	zl_model *m = load_resolved(INV_DATA "unknown-os.yaml", 0, 1);

	ck_assert(!zl_model_unusable(m));
	ck_assert_str_eq(zl_server_os(server(m, "dc1.corp")), "windows-nt-4");
	ck_assert_str_eq(zl_server_os(server(m, "dc2.corp")), "samba");
	zl_model_free(m);
}
END_TEST

START_TEST(bad_values_leave_the_rest)
{
	zl_severity sev;
	zl_location where;
	zl_model *m = load_resolved(INV_DATA "bad-severity.yaml", 0, 1);

	ck_assert_uint_eq(zl_model_rule_override_count(m), 1);
	ck_assert_str_eq(zl_model_rule_override(m, 0, &sev, &where), "dc-srv-records");
	ck_assert_int_eq(sev, ZL_SEVERITY_OFF);
	zl_model_free(m);

	m = load_resolved(INV_DATA "bad-role.yaml", 0, 1);
	ck_assert_uint_eq(zl_server_roles(server(m, "dc1.corp")), ZL_ROLE_DC);
	zl_model_free(m);

	m = load_resolved(INV_DATA "bad-guid.yaml", 0, 1);
	ck_assert_ptr_null(zl_server_dsa_guid(server(m, "dc1.corp")));
	zl_model_free(m);

	m = load_resolved(INV_DATA "bad-dns.yaml", 0, 3);
	ck_assert_uint_eq(zl_model_server_count(m), 3);
	ck_assert_ptr_null(zl_server_dns(server(m, "dc1.corp")));
	zl_model_free(m);

	m = load_resolved(INV_DATA "bad-aging.yaml", 0, 2);
	ck_assert_uint_eq(zl_zone_no_refresh_days(zone(m, "corp")), 7);
	ck_assert_uint_eq(zl_zone_refresh_days(zone(m, "corp")), 7);
	zl_model_free(m);

	m = load_resolved(INV_DATA "bad-storage.yaml", 0, 1);
	ck_assert_int_eq(zl_zone_storage(zone(m, "corp")), ZL_STORAGE_AD_DOMAIN);
	zl_model_free(m);
}
END_TEST

/* v1.1: `partial` is a boolean kept in the model; `pdc` is a role. */
START_TEST(partial_and_pdc_role)
{
	static const char *const texts[] = {
		"version: 1\npartial: true\nforest: corp\nservers:\n"
		"  - {name: dc1.corp, addresses: [10.0.0.1], roles: [dc, dns, pdc]}\n",
		"version: 1\npartial: False\nforest: corp\n",
		"version: 1\nforest: corp\n",
		"version: 1\npartial: yes\nforest: corp\n",
	};
	static const bool want[] = { true, false, false, false };
	char path[64];

	for (size_t i = 0; i < 4; i++) {
		zl_model *m;

		write_temp(path, texts[i], strlen(texts[i]));
		m = load(path, 0);
		ck_assert_msg(zl_model_partial(m) == want[i], "case %zu", i);
		if (i == 0)
			ck_assert_uint_eq(zl_server_roles(server(m, "dc1.corp")),
			                  ZL_ROLE_DC | ZL_ROLE_DNS | ZL_ROLE_PDC);
		if (i < 3)
			ck_assert_uint_eq(zl_model_problem_count(m), 0);
		else
			assert_problem(m, path, 2, 10, E, "bad value 'yes' for 'partial' "
			               "in inventory; expected true or false");
		zl_model_free(m);
		unlink(path);
	}
}
END_TEST

START_TEST(missing_file_is_not_registered)
{
	zl_model *m = load_resolved(INV_DATA "missing-file.yaml", 0, 2);
	const zl_zone *corp = zone(m, "corp");

	ck_assert_ptr_null(zl_zone_file(corp));
	ck_assert_ptr_null(zl_model_view_path(m, corp, server(m, "dc1.corp")));
	ck_assert_str_eq(zl_model_view_path(m, corp, server(m, "dc2.corp")),
	                 INV_DATA "zones/dc2/corp.dns");
	zl_model_free(m);
}
END_TEST

START_TEST(aliases_read_like_their_node)
{
	zl_model *m = load_resolved(INV_DATA "aliases.yaml", 0, 2);
	const zl_zone *cc = zone(m, "corp.corp");

	ck_assert_uint_eq(zl_model_server_count(m), 2);
	assert_address(server(m, "dc2.corp"), 0, "10.0.0.10", 24);
	ck_assert_uint_eq(zl_zone_host_count(cc), 2);
	zl_model_free(m);
}
END_TEST

/* ---- input that is not an inventory at all ---------------------------------- */

START_TEST(unreadable_inventory)
{
	zl_model *m = load(INV_DATA "no-such-file.yaml", -1);

	ck_assert_uint_eq(zl_model_problem_count(m), 1);
	assert_problem(m, INV_DATA "no-such-file.yaml", 1, 1, E,
	               "cannot read inventory " INV_DATA "no-such-file.yaml: No such file or directory");
	zl_model_free(m);

	m = load(INV_DATA "zones", -1);
	assert_problem(m, INV_DATA "zones", 1, 1, E, "Is a directory");
	zl_model_free(m);
}
END_TEST

START_TEST(binary_data_is_bad_yaml)
{
	static const char elf[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";
	char path[64];
	zl_model *m;

	write_temp(path, elf, sizeof elf - 1);
	m = load(path, -1);
	ck_assert_uint_eq(zl_model_problem_count(m), 1);
	assert_problem(m, path, 1, 1, E, "bad YAML");
	zl_model_free(m);
	unlink(path);
}
END_TEST

START_TEST(deep_nesting_is_refused)
{
	enum { DEPTH = 100000 };
	char path[64];
	char *text = malloc(2 * DEPTH + 32);
	size_t len;
	zl_model *m;

	ck_assert_ptr_nonnull(text);
	len = (size_t)sprintf(text, "version: 1\nsettings: ");
	memset(text + len, '[', DEPTH);
	memset(text + len + DEPTH, ']', DEPTH);
	len += 2 * DEPTH;
	write_temp(path, text, len);
	free(text);
	m = load(path, -1);
	ck_assert_uint_eq(zl_model_problem_count(m), 1);
	/* the root mapping is level 1, "settings: " 10 columns */
	assert_problem(m, path, 2, 10 + 64, E, "nests deeper than 64 levels");
	zl_model_free(m);
	unlink(path);
}
END_TEST

/* A small file whose aliases make the walk visit millions of nodes: it
 * stops at its budget, and at most 1000 problems (+1) are recorded. */
START_TEST(alias_fan_out_is_bounded)
{
	enum { ITEMS = 1000, COPIES = 1100 };
	char path[64];
	char *text = malloc(ITEMS * 4 + COPIES * 8 + 1024);
	size_t len;
	zl_model *m;

	ck_assert_ptr_nonnull(text);
	len = (size_t)sprintf(text, "version: 1\nforest: corp\nservers:\n"
	                      "  - &s {name: dc1.corp, addresses: [");
	for (int i = 0; i < ITEMS; i++)
		len += (size_t)sprintf(text + len, "{}, ");
	len += (size_t)sprintf(text + len, "]}\n");
	for (int i = 0; i < COPIES; i++)
		len += (size_t)sprintf(text + len, "  - *s\n");
	write_temp(path, text, len);
	free(text);
	m = load(path, 0);
	ck_assert(message_has(m, "the inventory is too large"));
	ck_assert(message_has(m, "more problems in the inventory are not shown"));
	ck_assert_uint_le(zl_model_problem_count(m), 1002);
	zl_model_free(m);
	unlink(path);
}
END_TEST

/* Input is quoted in bounded excerpts, control characters replaced. */
START_TEST(messages_quote_bounded_excerpts)
{
	static const char text[] =
		"version: 1\nforest: corp\nservers:\n"
		"  - name: dc1.corp\n"
		"    addresses: [\"\\t\\e10.0.0.1"
		"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]\n"
		"    site: \"a\\0b\"\n";
	char path[64];
	const char *msg;
	zl_model *m;

	write_temp(path, text, sizeof text - 1);
	m = load(path, 0);
	ck_assert_uint_eq(zl_model_problem_count(m), 2);
	msg = zl_problem_message(assert_problem(m, path, 5, 17, E,
	                                        "bad address '??10.0.0.1xxx"));
	ck_assert_ptr_nonnull(strstr(msg, "xxx...'"));
	ck_assert_uint_lt(strlen(msg), 160);
	for (const char *p = msg; *p; p++)
		ck_assert_msg((unsigned char)*p >= 0x20, "control character in \"%s\"", msg);
	assert_problem(m, path, 6, 11, E, "NUL character");
	zl_model_free(m);
	unlink(path);
}
END_TEST

/* ---- SPEC 6.1: partial, domain GUIDs, pdc and rodc ------------------------- */

static zl_model *load_text(const char *text, int want_rc, char path[64])
{
	zl_model *m;

	write_temp(path, text, strlen(text));
	m = load(path, want_rc);
	return m;
}

START_TEST(v11_keys_load)
{
	char path[64];
	zl_model *m = load_text(
		"version: 1\n"
		"forest: example.com\n"
		"partial: true\n"
		"domains:\n"
		"  - {name: example.com, guid: 2B1F0E7D-0000-4D6F-9A53-5F0C3E298C11}\n"
		"  - emea.example.com\n"
		"servers:\n"
		"  - name: dc1.example.com\n"
		"    addresses: [10.0.0.1]\n"
		"    roles: [dc, dns, gc, pdc]\n"
		"  - name: rodc1.emea.example.com\n"
		"    addresses: [10.1.0.1]\n"
		"    roles: [dc, RODC]\n", 0, path);

	ck_assert_uint_eq(zl_model_problem_count(m), 0);
	ck_assert(zl_model_partial(m));
	ck_assert_uint_eq(zl_model_domain_count(m), 2);
	ck_assert_str_eq(zl_name_text(zl_model_domain(m, 0)), "example.com.");
	ck_assert_str_eq(zl_model_domain_guid(m, 0), "2b1f0e7d-0000-4d6f-9a53-5f0c3e298c11");
	ck_assert_uint_eq(zl_model_domain_location(m, 0).line, 5);
	ck_assert_uint_eq(zl_model_domain_location(m, 0).column, 12);
	ck_assert_ptr_null(zl_model_domain_guid(m, 1));
	ck_assert_int_eq(zl_model_resolve(m), 0);
	ck_assert_uint_eq(zl_server_roles(server(m, "dc1.example.com")),
	                  ZL_ROLE_DC | ZL_ROLE_DNS | ZL_ROLE_GC | ZL_ROLE_PDC);
	ck_assert_uint_eq(zl_server_roles(server(m, "rodc1.emea.example.com")),
	                  ZL_ROLE_DC | ZL_ROLE_RODC);
	zl_model_free(m);
	unlink(path);
}
END_TEST

START_TEST(v11_keys_default)
{
	char path[64];
	zl_model *m = load_text("version: 1\nforest: corp\n", 0, path);

	ck_assert(!zl_model_partial(m));
	ck_assert_uint_eq(zl_model_domain_count(m), 1);
	ck_assert_ptr_null(zl_model_domain_guid(m, 0));
	zl_model_free(m);
	unlink(path);

	m = load_text("version: 1\nforest: corp\npartial: false\n", 0, path);
	ck_assert(!zl_model_partial(m));
	ck_assert_uint_eq(zl_model_problem_count(m), 0);
	zl_model_free(m);
	unlink(path);
}
END_TEST

START_TEST(v11_keys_bad_values_are_located)
{
	char path[64];
	zl_model *m = load_text(
		"version: 1\n"
		"forest: corp\n"
		"partial: maybe\n"
		"domains:\n"
		"  - {name: corp, guid: not-a-guid}\n"
		"  - {guid: 2b1f0e7d-0000-4d6f-9a53-5f0c3e298c11}\n"
		"  - {name: emea.corp, colour: blue}\n"
		"servers:\n"
		"  - name: dc1.corp\n"
		"    addresses: [10.0.0.1]\n"
		"    roles: [dc, bdc]\n", 0, path);

	assert_problem(m, path, 3, 10, ZL_SEVERITY_ERROR, "expected true or false");
	assert_problem(m, path, 5, 24, ZL_SEVERITY_ERROR, "bad guid 'not-a-guid'");
	assert_problem(m, path, 6, 5, ZL_SEVERITY_ERROR, "missing required key 'name'");
	assert_problem(m, path, 7, 23, ZL_SEVERITY_ERROR, "unknown key 'colour'");
	assert_problem(m, path, 11, 17, ZL_SEVERITY_ERROR, "expected one of: dc, dns, gc, pdc, rodc");
	ck_assert_uint_eq(zl_model_problem_count(m), 5);
	/* what is right still loads: both named domains, without a GUID */
	ck_assert(!zl_model_partial(m));
	ck_assert_uint_eq(zl_model_domain_count(m), 2);
	ck_assert_ptr_null(zl_model_domain_guid(m, 0));
	ck_assert_str_eq(zl_name_text(zl_model_domain(m, 1)), "emea.corp.");
	zl_model_free(m);
	unlink(path);
}
END_TEST

/* ---- settings (zones and servers) ----------------------------------------- */

static void assert_addr_list(zl_addr_list l, const char *want, uint32_t line)
{
	char got[512] = "", buf[ZL_ADDR_TEXT_MAX];

	ck_assert_msg(l.known, "list for %s is unknown", want);
	for (size_t i = 0; i < l.count; i++) {
		strcat(got, i ? " " : "");
		strcat(got, zl_addr_format(&l.addrs[i], buf, sizeof buf));
	}
	ck_assert_str_eq(got, want);
	ck_assert_uint_eq(l.where.line, line);
}

START_TEST(settings_load_every_key)
{
	zl_model *m = load_resolved(INV_DATA "settings.yaml", 0, 0);
	const zl_server *dc1 = server(m, "dc1.corp"), *dc2 = server(m, "dc2.corp");
	const zl_zone *corp = zone(m, "corp"), *fw = zl_model_zone(m, 1);
	const zl_zone *stub = zone(m, "partner.example");
	const zl_zone_settings *own = zl_zone_own_settings(corp), *over;
	zl_zone_settings on;
	zl_text_list qbl, cc;
	zl_number hours;

	assert_addr_list(zl_server_dns_client(dc1), "10.0.0.11 127.0.0.1", 7);
	assert_addr_list(zl_server_forwarders(dc1), "192.0.2.53 2001:db8::53", 8);
	assert_addr_list(zl_server_forwarders(dc2), "", 15);   /* [] is known */
	ck_assert(!zl_server_dns_client(dc2).known);
	hours = zl_server_scavenging_hours(dc1);
	ck_assert(hours.known);
	ck_assert_uint_eq(hours.value, 168);
	ck_assert_uint_eq(hours.where.line, 9);
	ck_assert(!zl_server_scavenging_hours(dc2).known);
	qbl = zl_server_query_block_list(dc1);
	ck_assert_uint_eq(qbl.count, 2);
	ck_assert_str_eq(qbl.items[0], "wpad");
	ck_assert_str_eq(qbl.items[1], "isatap");
	ck_assert(zl_server_query_block_list(dc2).known);
	ck_assert_uint_eq(zl_server_query_block_list(dc2).count, 0);

	/* two zones named corp: the primary one is found by name */
	ck_assert_int_eq(zl_zone_type(corp), ZL_ZONE_PRIMARY);
	ck_assert_int_eq(zl_zone_type(fw), ZL_ZONE_FORWARDER);
	ck_assert_ptr_eq(zl_zone_name(fw), zl_zone_name(corp));
	ck_assert_uint_eq(zl_zone_type_location(fw).line, 28);
	ck_assert_uint_eq(zl_zone_type_location(corp).line, 18);  /* the entry */
	assert_addr_list(zl_zone_masters(fw), "192.0.2.1", 29);
	ck_assert(!zl_zone_masters(corp).known);
	ck_assert_int_eq(zl_zone_type(stub), ZL_ZONE_STUB);
	assert_addr_list(zl_zone_masters(stub), "", 34);

	ck_assert_int_eq(own->dynamic_update, ZL_UPDATE_NONSECURE);
	ck_assert_uint_eq(own->dynamic_update_where.line, 20);
	ck_assert_uint_eq(own->dynamic_update_where.column, 21);
	ck_assert_int_eq(own->transfers, ZL_TRANSFERS_LIST);
	assert_addr_list(own->transfer_to, "10.0.0.99", 22);
	ck_assert(own->aging.known && own->aging.enabled && own->aging.days_known);
	ck_assert_uint_eq(own->aging.no_refresh_days, 3);
	ck_assert_uint_eq(own->aging.refresh_days, 4);
	ck_assert_uint_eq(own->aging.where.line, 23);
	assert_addr_list(own->aging.scavenging_servers, "10.0.0.10", 24);
	assert_addr_list(zl_zone_auto_ns(corp), "10.0.0.10", 25);
	cc = zl_zone_create_child(corp);
	ck_assert_uint_eq(cc.count, 2);
	ck_assert_str_eq(cc.items[0], "authenticated-users");
	ck_assert_str_eq(cc.items[1], "S-1-5-21-1-2-3-1105");
	ck_assert(!zl_zone_create_child(fw).known);
	ck_assert_int_eq(zl_zone_own_settings(fw)->dynamic_update, ZL_UPDATE_UNKNOWN);

	/* dc1's registry overrides transfers and aging; dynamic update is the zone's */
	over = zl_server_zone_settings(dc1, corp);
	ck_assert_ptr_nonnull(over);
	ck_assert_ptr_null(zl_server_zone_settings(dc2, corp));
	ck_assert_int_eq(over->transfers, ZL_TRANSFERS_ANY);
	ck_assert_int_eq(over->dynamic_update, ZL_UPDATE_UNKNOWN);
	zl_zone_settings_on(corp, dc1, &on);
	ck_assert_int_eq(on.transfers, ZL_TRANSFERS_ANY);
	ck_assert_uint_eq(on.transfers_where.line, 12);
	ck_assert(!on.transfer_to.known);
	ck_assert_int_eq(on.dynamic_update, ZL_UPDATE_NONSECURE);
	ck_assert(on.aging.known && !on.aging.enabled && !on.aging.days_known);
	zl_zone_settings_on(corp, dc2, &on);
	ck_assert_int_eq(on.transfers, ZL_TRANSFERS_LIST);
	ck_assert(on.aging.enabled);
	zl_model_free(m);
}
END_TEST

START_TEST(bad_settings_are_located)
{
	static const struct { uint32_t line, column; const char *word; } want[] = {
		{ 7, 18, "bad address '10.0.0.300' in 'dns_client'" },
		{ 8, 23, "from 0 to 1000000 for 'scavenging_hours'" },
		{ 10, 25, "expected one of: none, any, ns, list" },
		{ 10, 36, "unknown key 'storage' in 'zone_settings' corp." },
		{ 11, 7, "names zone other., which is not in the inventory" },
		{ 16, 7, "names zone corp., which it does not host" },
		{ 20, 21, "expected one of: none, nonsecure, secure" },
		{ 21, 18, "needs 'transfers: list'" },
		{ 22, 20, "expected one of: authenticated-users, everyone, "
		          "domain-users, domain-computers" },
		{ 23, 22, "unknown enabled 'maybe'" },
		{ 24, 11, "duplicate zone corp." },
		{ 28, 11, "stub zone stub.corp. takes no 'file'" },
		{ 31, 11, "expected one of: primary, stub, forwarder" },
	};
	const char *file = INV_DATA "bad-settings.yaml";
	zl_model *m = load(file, 0);
	const zl_zone *corp;

	ck_assert_int_eq(zl_model_resolve(m), 0);
	ck_assert_uint_eq(zl_model_problem_count(m), sizeof want / sizeof want[0]);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		assert_problem(m, file, want[i].line, want[i].column,
		               ZL_SEVERITY_ERROR, want[i].word);
	/* a bad value leaves the setting unknown, not defaulted */
	corp = zone(m, "corp");
	ck_assert_int_eq(zl_zone_own_settings(corp)->dynamic_update, ZL_UPDATE_UNKNOWN);
	ck_assert(!zl_zone_own_settings(corp)->aging.known);
	ck_assert(!zl_zone_create_child(corp).known);
	ck_assert(!zl_server_scavenging_hours(server(m, "dc1.corp")).known);
	ck_assert(!zl_server_dns_client(server(m, "dc1.corp")).known);
	zl_model_free(m);
}
END_TEST

Suite *inventory_suite(void)
{
	Suite *s = suite_create("inventory");
	TCase *tc = tcase_create("load");

	tcase_add_test(tc, valid_loads_every_field);
	tcase_add_test(tc, paths_join_the_folder_as_given);
	tcase_add_loop_test(tc, error_class_gives_its_problem, 0,
	                    (int)(sizeof error_cases / sizeof error_cases[0]));
	tcase_add_test(tc, bad_address_is_dropped_server_kept);
	tcase_add_test(tc, later_duplicate_is_not_merged);
	tcase_add_test(tc, misspelt_key_keeps_the_rest);
	tcase_add_test(tc, wrong_type_keeps_defaults);
	tcase_add_test(tc, unknown_os_is_a_stored_warning);
	tcase_add_test(tc, bad_values_leave_the_rest);
	tcase_add_test(tc, partial_and_pdc_role);
	tcase_add_test(tc, missing_file_is_not_registered);
	tcase_add_test(tc, aliases_read_like_their_node);
	tcase_add_test(tc, settings_load_every_key);
	tcase_add_test(tc, bad_settings_are_located);
	suite_add_tcase(s, tc);

	tc = tcase_create("hostile");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, unreadable_inventory);
	tcase_add_test(tc, binary_data_is_bad_yaml);
	tcase_add_test(tc, deep_nesting_is_refused);
	tcase_add_test(tc, alias_fan_out_is_bounded);
	tcase_add_test(tc, messages_quote_bounded_excerpts);
	tcase_add_test(tc, v11_keys_load);
	tcase_add_test(tc, v11_keys_default);
	tcase_add_test(tc, v11_keys_bad_values_are_located);
	suite_add_tcase(s, tc);
	return s;
}
