/*
 * --dump-inventory: a model written as an inventory and zone files, then
 * read back by the inventory and zone file loaders, is the same forest.
 */
#include <ldns/ldns.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "dump_inventory.h"
#include "sources/inventory.h"
#include "sources/load.h"
#include "sources/rr_convert.h"
#include "suites.h"

static void add(zl_model *m, zl_view *v, const char *text, uint32_t age)
{
	ldns_rr *rr = NULL;

	ck_assert_int_eq(ldns_rr_new_frm_str(&rr, text, 3600, NULL, NULL), LDNS_STATUS_OK);
	ck_assert_int_eq(zl_record_from_ldns(m, v, rr, 0, 1, age), 0);
	ldns_rr_free(rr);
}

/* dc1 and dc2 of corp; dc2's copy of the zone has one record more. */
static zl_model *forest(void)
{
	zl_model *m = zl_model_new();
	zl_server *dc1, *dc2;
	zl_zone *z;
	zl_view *v1, *v2;

	zl_model_set_forest(m, t_name(m, "corp"), LOC(1, 1));
	dc1 = t_server(m, "dc1.corp", "10.0.0.1/16");
	dc2 = t_server(m, "dc2.corp", "10.0.0.2/24");
	zl_server_set_roles(dc1, ZL_ROLE_DC | ZL_ROLE_DNS | ZL_ROLE_GC | ZL_ROLE_PDC);
	zl_server_set_roles(dc2, ZL_ROLE_DC | ZL_ROLE_DNS | ZL_ROLE_RODC);
	zl_model_add_domain(m, t_name(m, "corp"), LOC(1, 1));
	zl_model_set_domain_guid(m, t_name(m, "corp"), "2b1f0e7d-0000-4d6f-9a53-5f0c3e298c11");
	zl_model_set_partial(m, true);
	zl_server_set_site(dc1, "HQ");
	zl_server_set_dsa_guid(dc1, "5f0c3e29-8c1e-4d6f-9a53-2b1f0e7d4c11");
	zl_server_add_inbound_name(dc1, t_name(m, "dc2.corp"), LOC(1, 1));
	z = t_zone(m, "corp", ZL_STORAGE_AD_DOMAIN);
	zl_zone_set_aging(z, 10, 20);
	ck_assert_int_eq(zl_model_resolve(m), 0);
	v1 = zl_model_add_view(m, z, "ldap://dc1.corp/DC=corp");
	v2 = zl_model_add_view(m, z, "ldap://dc2.corp/DC=corp");
	for (int i = 0; i < 2; i++) {
		zl_view *v = i ? v2 : v1;
		add(m, v, "dc1.corp. 600 IN A 10.0.0.1", 3633973);
		add(m, v, "corp. 3600 IN NS dc1.corp.", 0);
		add(m, v, "corp. 3600 IN SOA dc1.corp. hostmaster.corp. 5 900 600 86400 3600", 0);
	}
	add(m, v2, "dc2.corp. 600 IN A 10.9.9.9", 0);
	ck_assert_int_eq(zl_view_attach_server(m, v1, dc1), 0);
	ck_assert_int_eq(zl_view_attach_server(m, v2, dc2), 0);
	return m;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *text = calloc(1, 65536);

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_gt(fread(text, 1, 65535, f), 0);
	fclose(f);
	return text;
}

START_TEST(round_trip)
{
	char dir[] = "/tmp/zonelint-dump.XXXXXX", path[256], why[256];
	zl_model *m = forest(), *back = zl_model_new();
	zl_zonefile_options zo = { false };
	const zl_server *s;
	const zl_zone *z;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_msg(zl_dump_inventory(m, dir, why, sizeof why) == 0, "%s", why);
	snprintf(path, sizeof path, "%s/forest.yaml", dir);
	ck_assert_int_eq(zl_load_forest(back, path, &zo), 0);
	for (size_t i = 0; i < zl_model_problem_count(back); i++)
		ck_abort_msg("problem reading the dump back: %s",
		             zl_problem_message(zl_model_problem(back, i)));
	ck_assert_uint_eq(zl_model_server_count(back), 2);
	s = zl_model_server_find(back, zl_model_name(back, "dc1.corp"));
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(zl_server_site(s), "HQ");
	ck_assert_str_eq(zl_server_dsa_guid(s), "5f0c3e29-8c1e-4d6f-9a53-2b1f0e7d4c11");
	ck_assert_uint_eq(zl_server_roles(s), ZL_ROLE_DC | ZL_ROLE_DNS | ZL_ROLE_GC | ZL_ROLE_PDC);
	ck_assert_uint_eq(zl_server_roles(zl_model_server_find(back, zl_model_name(back, "dc2.corp"))),
	                  ZL_ROLE_DC | ZL_ROLE_DNS | ZL_ROLE_RODC);
	ck_assert(zl_model_partial(back));
	ck_assert_uint_eq(zl_model_domain_count(back), 1);
	ck_assert_str_eq(zl_model_domain_guid(back, 0), "2b1f0e7d-0000-4d6f-9a53-5f0c3e298c11");
	ck_assert_uint_eq(zl_server_address(s, 0)->length, 16);
	ck_assert_uint_eq(zl_server_inbound_count(s), 1);
	z = zl_model_zone_find(back, zl_model_name(back, "corp"));
	ck_assert_uint_eq(zl_zone_no_refresh_days(z), 10);
	ck_assert_uint_eq(zl_zone_refresh_days(z), 20);
	ck_assert_uint_eq(zl_zone_host_count(z), 2);
	/* dc2's copy differs: its own file, with the extra record */
	ck_assert_uint_eq(zl_model_view_count(back), 2);
	const zl_view *v1 = zl_model_view_of(back, z, s);
	ck_assert_uint_eq(zl_view_record_count(v1), 3);
	zl_iter it;
	const zl_record *a = zl_view_find(v1, zl_model_name(back, "dc1.corp"),
	                                  ZL_TYPE_A, &it);
	ck_assert_ptr_nonnull(a);
	ck_assert_uint_eq(zl_record_age(a), 3633973);
	ck_assert_uint_eq(zl_record_ttl(a), 600);
	ck_assert_uint_eq(zl_record_type(zl_view_record(v1, 0)), ZL_TYPE_SOA);
	s = zl_model_server_find(back, zl_model_name(back, "dc2.corp"));
	ck_assert_uint_eq(zl_view_record_count(zl_model_view_of(back, z, s)), 4);
	snprintf(path, sizeof path, "%s/forest.yaml", dir);
	char *yaml = slurp(path);
	ck_assert_ptr_nonnull(strstr(yaml, "file: zones/corp.dns\n"));
	ck_assert_ptr_nonnull(strstr(yaml, "dc2.corp: zones/dc2.corp/corp.dns\n"));
	free(yaml);
	snprintf(path, sizeof path, "%s/zones/corp.dns", dir);
	char *zone = slurp(path);
	ck_assert_ptr_nonnull(strstr(zone, "dc1.corp.\t[AGE:3633973]\t600\tIN\tA\t10.0.0.1\n"));
	free(zone);
	zl_model_free(back);
	zl_model_free(m);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(path), 0);
}
END_TEST

/* Every settings key read from an inventory is written, and reads back
 * the same (tests/data/inventory/settings.yaml). */
START_TEST(settings_round_trip)
{
	char dir[] = "/tmp/zonelint-dump.XXXXXX", path[256], why[256];
	zl_model *m = zl_model_new(), *back = zl_model_new();
	const zl_zone *corp, *fw;
	const zl_server *dc1;
	zl_zone_settings on;
	char text[ZL_ADDR_TEXT_MAX];

	ck_assert_int_eq(zl_inventory_load(m, ZL_TEST_DATA "/inventory/settings.yaml"), 0);
	ck_assert_int_eq(zl_model_resolve(m), 0);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_msg(zl_dump_inventory(m, dir, why, sizeof why) == 0, "%s", why);
	snprintf(path, sizeof path, "%s/forest.yaml", dir);
	ck_assert_int_eq(zl_inventory_load(back, path), 0);
	ck_assert_int_eq(zl_model_resolve(back), 0);
	for (size_t i = 0; i < zl_model_problem_count(back); i++)
		ck_abort_msg("problem reading the dump back: %s",
		             zl_problem_message(zl_model_problem(back, i)));
	ck_assert_uint_eq(zl_model_zone_count(back), 3);
	corp = zl_model_zone_find(back, zl_model_name(back, "corp"));
	fw = zl_model_zone(back, 1);
	dc1 = zl_model_server_find(back, zl_model_name(back, "dc1.corp"));
	ck_assert_int_eq(zl_zone_type(corp), ZL_ZONE_PRIMARY);
	ck_assert_int_eq(zl_zone_type(fw), ZL_ZONE_FORWARDER);
	ck_assert_uint_eq(zl_zone_masters(fw).count, 1);
	ck_assert_int_eq(zl_zone_own_settings(corp)->dynamic_update, ZL_UPDATE_NONSECURE);
	ck_assert_int_eq(zl_zone_own_settings(corp)->transfers, ZL_TRANSFERS_LIST);
	ck_assert_uint_eq(zl_zone_own_settings(corp)->transfer_to.count, 1);
	ck_assert(zl_zone_own_settings(corp)->aging.enabled);
	ck_assert_uint_eq(zl_zone_own_settings(corp)->aging.scavenging_servers.count, 1);
	ck_assert_uint_eq(zl_zone_create_child(corp).count, 2);
	ck_assert_str_eq(zl_zone_create_child(corp).items[1], "S-1-5-21-1-2-3-1105");
	ck_assert_uint_eq(zl_zone_auto_ns(corp).count, 1);
	ck_assert_uint_eq(zl_server_dns_client(dc1).count, 2);
	ck_assert_str_eq(zl_addr_format(&zl_server_forwarders(dc1).addrs[1], text, sizeof text),
	                 "2001:db8::53");
	ck_assert_uint_eq(zl_server_scavenging_hours(dc1).value, 168);
	ck_assert_uint_eq(zl_server_query_block_list(dc1).count, 2);
	zl_zone_settings_on(corp, dc1, &on);
	ck_assert_int_eq(on.transfers, ZL_TRANSFERS_ANY);
	ck_assert(on.aging.known && !on.aging.enabled);
	zl_model_free(back);
	zl_model_free(m);
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(path), 0);
}
END_TEST

/* A folder that cannot be made is an error that names it. */
START_TEST(unwritable_folder)
{
	zl_model *m = forest();
	char why[256];

	ck_assert_int_eq(zl_dump_inventory(m, "/proc/zonelint-no/dump", why, sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "cannot create /proc/zonelint-no/dump"));
	zl_model_free(m);
}
END_TEST

Suite *dump_suite(void)
{
	Suite *s = suite_create("dump");
	TCase *tc = tcase_create("dump");

	tcase_add_test(tc, round_trip);
	tcase_add_test(tc, unwritable_folder);
	tcase_add_test(tc, settings_round_trip);
	suite_add_tcase(s, tc);
	return s;
}
