/* The model: names, servers and partners, hosting, views and indexes. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "helpers.h"
#include "settings.h"
#include "suites.h"

START_TEST(names_are_interned_canonically)
{
	zl_model *m = zl_model_new();
	const zl_name *a = t_name(m, "DC1.Corp");
	const zl_name *b = t_name(m, "dc1.corp.");

	ck_assert_ptr_eq(a, b);
	ck_assert_str_eq(zl_name_text(a), "dc1.corp.");
	ck_assert_uint_eq(zl_name_labels(a), 2);
	ck_assert_str_eq(zl_name_text(zl_name_parent(a)), "corp.");
	ck_assert_str_eq(zl_name_text(zl_name_parent(zl_name_parent(a))), ".");
	ck_assert_ptr_null(zl_name_parent(zl_name_parent(zl_name_parent(a))));
	ck_assert(zl_name_is_below(a, t_name(m, "CORP")));
	ck_assert(zl_name_is_below(a, a));
	ck_assert(!zl_name_is_below(t_name(m, "corp"), a));
	ck_assert(!zl_name_is_below(t_name(m, "xcorp"), t_name(m, "corp")));
	ck_assert_ptr_eq(zl_model_name(m, "CORP."), t_name(m, "corp"));
	ck_assert_ptr_null(zl_model_name(m, "never.seen"));
	zl_model_free(m);
}
END_TEST

START_TEST(names_escapes_and_limits)
{
	zl_model *m = zl_model_new();
	char label64[70], longname[300];

	ck_assert_str_eq(zl_name_text(t_name(m, "a\\.b.corp")), "a\\.b.corp.");
	ck_assert_uint_eq(zl_name_labels(t_name(m, "a\\.b.corp")), 2);
	ck_assert_str_eq(zl_name_text(t_name(m, "x\\032y.corp")), "x\\032y.corp.");
	ck_assert_str_eq(zl_name_text(t_name(m, "_ldap._tcp.Corp")), "_ldap._tcp.corp.");
	memset(label64, 'a', 64);
	label64[64] = '\0';
	ck_assert_ptr_null(zl_model_intern(m, label64));
	label64[63] = '\0';
	ck_assert_ptr_nonnull(zl_model_intern(m, label64));
	for (int i = 0; i < 128; i++)
		memcpy(longname + 2 * i, "a.", 2);
	longname[256] = '\0';
	ck_assert_ptr_null(zl_model_intern(m, longname));
	ck_assert_ptr_null(zl_model_intern(m, "a..b"));
	ck_assert_ptr_null(zl_model_intern(m, "bad\\"));
	ck_assert_ptr_null(zl_model_intern(m, "bad\\999"));
	zl_model_free(m);
}
END_TEST

START_TEST(servers_sorted_partners_both_ways)
{
	zl_model *m = zl_model_new();
	zl_model_set_forest(m, t_name(m, "corp"), LOC(2, 9));
	zl_server *c = t_server(m, "dc3.corp", "10.0.0.3/24");
	zl_server *a = t_server(m, "dc1.corp", "10.0.0.1/24");
	t_server(m, "dc2.corp", "10.0.1.2/24");
	zl_server_add_inbound_name(a, t_name(m, "dc2.corp"), LOC(5, 1));
	zl_server_add_inbound_name(c, t_name(m, "dc1.corp"), LOC(6, 1));
	zl_server_add_inbound_name(c, t_name(m, "dc9.corp"), LOC(7, 3));
	ck_assert_int_eq(zl_model_resolve(m), 0);

	ck_assert_uint_eq(zl_model_server_count(m), 3);
	ck_assert_str_eq(zl_name_text(zl_server_name(zl_model_server(m, 0))), "dc1.corp.");
	ck_assert_str_eq(zl_name_text(zl_server_name(zl_model_server(m, 2))), "dc3.corp.");
	const zl_server *s1 = zl_model_server_find(m, t_name(m, "DC1.corp."));
	ck_assert_ptr_eq(s1, a);
	ck_assert_ptr_eq(zl_server_domain(s1), t_name(m, "corp"));
	ck_assert_uint_eq(zl_server_partner_count(s1), 2);
	ck_assert_str_eq(zl_name_text(zl_server_name(zl_server_partner(s1, 0))), "dc2.corp.");
	ck_assert_str_eq(zl_name_text(zl_server_name(zl_server_partner(s1, 1))), "dc3.corp.");
	ck_assert_uint_eq(zl_server_inbound_count(s1), 1);
	ck_assert_uint_eq(zl_server_outbound_count(s1), 1);
	ck_assert_ptr_eq(zl_server_outbound(s1, 0), c);
	/* The unknown dc9 is an inventory problem at its line. */
	ck_assert_uint_eq(zl_model_problem_count(m), 1);
	const zl_problem *p = zl_model_problem(m, 0);
	ck_assert_int_eq(zl_problem_source(p), t_source("inventory"));
	ck_assert_uint_eq(zl_problem_location(p).line, 7);
	ck_assert_ptr_nonnull(strstr(zl_problem_message(p), "dc9.corp."));
	ck_assert(zl_model_unusable(m));
	zl_model_free(m);
}
END_TEST

START_TEST(default_hosting_by_storage_scope)
{
	zl_model *m = zl_model_new();
	zl_model_set_forest(m, t_name(m, "ad.example"), LOC(2, 9));
	zl_model_add_domain(m, t_name(m, "ad.example"), LOC(3, 1));
	zl_model_add_domain(m, t_name(m, "emea.ad.example"), LOC(3, 2));
	t_server(m, "dc1.ad.example", "10.0.0.1/24");
	t_server(m, "dc2.emea.ad.example", "10.0.1.1/24");
	zl_server *member = t_server(m, "fs1.emea.ad.example", "10.0.1.9/24");
	zl_server_set_roles(member, 0);
	zl_zone *forest = t_zone(m, "_msdcs.ad.example", ZL_STORAGE_AD_FOREST);
	zl_zone *emea = t_zone(m, "emea.ad.example", ZL_STORAGE_AD_DOMAIN);
	zl_zone *rev = t_zone(m, "1.0.10.in-addr.arpa", ZL_STORAGE_AD_LEGACY);
	zl_zone *file = t_zone(m, "static.example", ZL_STORAGE_FILE);
	ck_assert_int_eq(zl_model_resolve(m), 0);

	ck_assert_uint_eq(zl_zone_host_count(forest), 2);
	ck_assert_uint_eq(zl_zone_host_count(emea), 1);
	ck_assert_str_eq(zl_name_text(zl_server_name(zl_zone_host(emea, 0))),
	                 "dc2.emea.ad.example.");
	/* A reverse zone belongs to the forest root domain. */
	ck_assert_ptr_eq(zl_zone_domain(rev), t_name(m, "ad.example"));
	ck_assert_uint_eq(zl_zone_host_count(rev), 1);
	ck_assert_str_eq(zl_name_text(zl_server_name(zl_zone_host(rev, 0))),
	                 "dc1.ad.example.");
	/* storage file without hosted_on is an inventory error. */
	ck_assert_uint_eq(zl_zone_host_count(file), 0);
	ck_assert_uint_eq(zl_model_problem_count(m), 1);
	ck_assert_uint_eq(zl_problem_location(zl_model_problem(m, 0)).line, 20);
	zl_model_free(m);
}
END_TEST

START_TEST(view_index_and_records)
{
	zl_model *m = zl_model_new();
	zl_model_set_forest(m, t_name(m, "corp"), LOC(2, 9));
	t_server(m, "dc1.corp", "10.0.0.1/24");
	zl_zone *z = t_zone(m, "corp", ZL_STORAGE_AD_DOMAIN);
	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_view *v = zl_model_add_view(m, z, "zones/corp.dns");
	t_record(m, v, 3, "corp. 3600 IN SOA dc1.corp. hostmaster.corp. 1 900 600 86400 3600");
	t_record(m, v, 9, "corp. 3600 IN NS dc1.corp.");
	t_record(m, v, 10, "dc1.corp. 600 IN A 10.0.0.1");
	t_record(m, v, 11, "corp. 600 IN A 10.0.0.1");
	t_record(m, v, 12, "dc1.corp. 600 IN AAAA fd00::1");
	t_record(m, v, 13, "_ldap._tcp.corp. 600 IN SRV 0 100 389 DC1.corp.");
	t_record(m, v, 14, "corp. 3600 IN MX 10 mail.corp.");
	t_record(m, v, 15, "corp. 3600 IN TXT \"v=spf1 -all\"");
	ck_assert_int_eq(zl_view_attach_server(m, v, zl_model_server(m, 0)), 0);

	ck_assert_ptr_eq(zl_model_view_of(m, z, zl_model_server(m, 0)), v);
	ck_assert_uint_eq(zl_view_record_count(v), 8);
	ck_assert_uint_eq(zl_view_owner_count(v), 3);
	ck_assert_uint_eq(zl_view_soa_location(v).line, 3);
	ck_assert_str_eq(zl_view_soa_location(v).file, "zones/corp.dns");

	zl_iter it;
	size_t n = 0;
	for (const zl_record *r = zl_view_find(v, t_name(m, "corp"), 0, &it); r;
	     r = zl_iter_next(&it))
		n++;
	ck_assert_uint_eq(n, 5);
	const zl_record *a = zl_view_find(v, t_name(m, "dc1.corp"), ZL_TYPE_AAAA, &it);
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_null(zl_iter_next(&it));
	zl_addr addr;
	char text[ZL_ADDR_TEXT_MAX];
	ck_assert(zl_record_addr(a, &addr));
	ck_assert_str_eq(zl_addr_format(&addr, text, sizeof(text)), "fd00::1");
	ck_assert_uint_eq(zl_record_location(v, a).line, 12);

	const zl_record *srv = zl_view_find(v, t_name(m, "_ldap._tcp.corp"), ZL_TYPE_SRV, &it);
	ck_assert_ptr_eq(zl_record_target(srv), t_name(m, "dc1.corp"));
	ck_assert_uint_eq(zl_record_field_int(srv, 2), 389);
	char rdata[256];
	ck_assert_str_eq(zl_record_rdata_text(srv, rdata, sizeof(rdata)),
	                 "0 100 389 dc1.corp.");
	const zl_record *mx = zl_view_find(v, t_name(m, "corp"), ZL_TYPE_MX, &it);
	ck_assert_ptr_eq(zl_record_target(mx), t_name(m, "mail.corp"));
	const zl_record *txt = zl_view_find(v, t_name(m, "corp"), ZL_TYPE_TXT, &it);
	ck_assert_str_eq(zl_record_rdata_text(txt, rdata, sizeof(rdata)), "\"v=spf1 -all\"");
	ck_assert_ptr_null(zl_view_find(v, t_name(m, "nothing.corp"), 0, &it));
	zl_model_free(m);
}
END_TEST

/* An owner's records reached from its place in the owner list
 * (zl_view_owner_records): the same records, in the same order, as a
 * lookup of its name, interleaved owners included; a type filter; an
 * index past the list gives nothing. */
START_TEST(owner_records_follow_the_owner_list)
{
	zl_model *m = zl_model_new();
	zl_zone *z = t_zone(m, "corp", ZL_STORAGE_AD_DOMAIN);
	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_view *v = zl_model_add_view(m, z, "zones/corp.dns");
	t_record(m, v, 3, "corp. 3600 IN SOA dc1.corp. hostmaster.corp. 1 900 600 86400 3600");
	t_record(m, v, 4, "dc1.corp. 600 IN A 10.0.0.1");
	t_record(m, v, 5, "corp. 3600 IN NS dc1.corp.");
	t_record(m, v, 6, "www.corp. 600 IN CNAME dc1.corp.");
	t_record(m, v, 7, "dc1.corp. 600 IN AAAA fd00::1");
	t_record(m, v, 8, "corp. 3600 IN NS dc2.corp.");
	t_record(m, v, 9, "dc1.corp. 600 IN A 10.0.0.2");

	static const unsigned want[3][4] = { { 3, 5, 8 }, { 4, 7, 9 }, { 6 } };
	ck_assert_uint_eq(zl_view_owner_count(v), 3);
	for (size_t i = 0; i < 3; i++) {
		zl_iter it, by;
		const zl_record *x = zl_view_owner_records(v, i, 0, &it);
		const zl_record *y = zl_view_find(v, zl_view_owner(v, i), 0, &by);
		for (size_t k = 0; k < 4; k++) {
			ck_assert_ptr_eq(x, y);
			if (!want[i][k]) {
				ck_assert_ptr_null(x);
				break;
			}
			ck_assert_uint_eq(zl_record_location(v, x).line, want[i][k]);
			ck_assert_ptr_eq(zl_record_owner(x), zl_view_owner(v, i));
			x = zl_iter_next(&it);
			y = zl_iter_next(&by);
		}
	}
	zl_iter it;
	const zl_record *a = zl_view_owner_records(v, 1, ZL_TYPE_A, &it);
	ck_assert_uint_eq(zl_record_location(v, a).line, 4);
	ck_assert_uint_eq(zl_record_location(v, zl_iter_next(&it)).line, 9);
	ck_assert_ptr_null(zl_iter_next(&it));
	ck_assert_ptr_null(zl_view_owner_records(v, 2, ZL_TYPE_A, &it));
	ck_assert_ptr_null(zl_view_owner_records(v, 3, 0, &it));
	zl_model_free(m);
}
END_TEST

/* The SOA, NS and DNAME records of a view (zl_view_shape_records): each
 * of the asked type, in load order, whatever its owner; nothing for a
 * type the view does not list, nor when there is none of the type. */
START_TEST(shape_records_list_soa_ns_dname)
{
	zl_model *m = zl_model_new();
	zl_zone *z = t_zone(m, "corp", ZL_STORAGE_AD_DOMAIN);
	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_view *v = zl_model_add_view(m, z, "zones/corp.dns");
	t_record(m, v, 3, "corp. 3600 IN SOA dc1.corp. hostmaster.corp. 1 900 600 86400 3600");
	t_record(m, v, 4, "corp. 3600 IN NS dc1.corp.");
	t_record(m, v, 5, "dc1.corp. 600 IN A 10.0.0.1");
	t_record(m, v, 6, "child.corp. 3600 IN NS ns.child.corp.");
	t_record(m, v, 7, "old.corp. 3600 IN DNAME new.corp.");
	t_record(m, v, 8, "corp. 3600 IN NS dc2.corp.");
	t_record(m, v, 9, "sub.corp. 3600 IN SOA dc1.corp. hostmaster.corp. 1 900 600 86400 3600");

	static const struct { uint16_t type; unsigned lines[4]; } want[] = {
		{ ZL_TYPE_SOA, { 3, 9 } }, { ZL_TYPE_NS, { 4, 6, 8 } },
		{ ZL_TYPE_DNAME, { 7 } }, { ZL_TYPE_A, { 0 } }, { 0, { 0 } },
	};
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		zl_iter it;
		const zl_record *x = zl_view_shape_records(v, want[i].type, &it);
		for (size_t k = 0; want[i].lines[k]; k++, x = zl_iter_next(&it)) {
			ck_assert_ptr_nonnull(x);
			ck_assert_uint_eq(zl_record_type(x), want[i].type);
			ck_assert_uint_eq(zl_record_location(v, x).line, want[i].lines[k]);
		}
		ck_assert_ptr_null(x);
	}
	zl_view *empty = zl_model_add_view(m, z, "zones/empty.dns");
	zl_iter it;
	ck_assert_ptr_null(zl_view_shape_records(empty, ZL_TYPE_NS, &it));
	zl_model_free(m);
}
END_TEST

/* zl_iter is held by value in plugins built for ABI version 1: the field
 * the target index added sits in what was padding. */
_Static_assert(sizeof(zl_iter) == 16 && offsetof(zl_iter, view) == 0 &&
               offsetof(zl_iter, next) == 8 && offsetof(zl_iter, type) == 12,
               "zl_iter keeps the layout of ABI version 1");

/* Records by the name they point to (zl_view_find_target): each record
 * with a target in its group, in load order, whatever its owner; a name
 * nothing targets, and a record type filter, give nothing. */
START_TEST(target_index_finds_records_pointing_at_a_name)
{
	zl_model *m = zl_model_new();
	zl_model_set_forest(m, t_name(m, "corp"), LOC(2, 9));
	t_server(m, "dc1.corp", "10.0.0.1/24");
	zl_zone *z = t_zone(m, "corp", ZL_STORAGE_AD_DOMAIN);
	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_view *v = zl_model_add_view(m, z, "zones/corp.dns");
	t_record(m, v, 3, "corp. 3600 IN SOA dc1.corp. hostmaster.corp. 1 900 600 86400 3600");
	t_record(m, v, 4, "corp. 3600 IN NS dc1.corp.");
	t_record(m, v, 5, "_ldap._tcp.corp. 600 IN SRV 0 100 389 dc2.corp.");
	t_record(m, v, 6, "_ldap._tcp.corp. 600 IN SRV 0 100 389 dc1.corp.");
	t_record(m, v, 7, "www.corp. 600 IN CNAME DC1.corp.");
	t_record(m, v, 8, "dc1.corp. 600 IN A 10.0.0.1");
	t_record(m, v, 9, "_kerberos._tcp.corp. 600 IN SRV 0 100 88 dc1.corp.");
	t_record(m, v, 10, "corp. 3600 IN MX 10 dc2.corp.");
	ck_assert_int_eq(zl_model_freeze(m), 0);
	/* A frozen view takes no more records: its index would be stale. */
	zl_rdata_builder *b = calloc(1, sizeof(*b));
	zl_rdata_begin(b);
	zl_rdata_name(b, t_name(m, "dc1.corp"));
	zl_record_spec spec = { .owner = t_name(m, "x.corp"), .type = ZL_TYPE_CNAME,
	                        .rclass = 1, .ttl = 600, .line = 11 };
	ck_assert_int_eq(zl_view_add_record(m, v, &spec, b), -1);
	free(b);

	zl_iter it;
	unsigned lines[8], n = 0;
	for (const zl_record *r = zl_view_find_target(v, t_name(m, "dc1.corp"), 0, &it); r;
	     r = zl_iter_next(&it))
		lines[n++] = zl_record_location(v, r).line;
	ck_assert_uint_eq(n, 4);
	ck_assert_uint_eq(lines[0], 4);
	ck_assert_uint_eq(lines[1], 6);
	ck_assert_uint_eq(lines[2], 7);
	ck_assert_uint_eq(lines[3], 9);

	n = 0;
	for (const zl_record *r = zl_view_find_target(v, t_name(m, "dc1.corp"), ZL_TYPE_SRV,
	                                              &it); r; r = zl_iter_next(&it)) {
		ck_assert_uint_eq(zl_record_type(r), ZL_TYPE_SRV);
		n++;
	}
	ck_assert_uint_eq(n, 2);
	const zl_record *mx = zl_view_find_target(v, t_name(m, "dc2.corp"), ZL_TYPE_MX, &it);
	ck_assert_ptr_nonnull(mx);
	ck_assert_uint_eq(zl_record_location(v, mx).line, 10);
	ck_assert_ptr_null(zl_iter_next(&it));
	ck_assert_ptr_null(zl_view_find_target(v, t_name(m, "dc2.corp"), ZL_TYPE_CNAME, &it));
	ck_assert_ptr_null(zl_view_find_target(v, t_name(m, "corp"), 0, &it));
	ck_assert_ptr_null(zl_view_find_target(v, NULL, 0, &it));
	/* The owner index still works after the target index was used. */
	ck_assert_ptr_nonnull(zl_view_find(v, t_name(m, "www.corp"), ZL_TYPE_CNAME, &it));
	ck_assert_ptr_null(zl_iter_next(&it));
	ck_assert_uint_eq(zl_view_records_index(v), 0);
	zl_model_free(m);
}
END_TEST

/* Many targets, many records each, interleaved: every group complete and
 * in load order, however the hash table placed the names. */
START_TEST(target_index_at_scale)
{
	enum { TARGETS = 300, EACH = 7 };
	zl_model *m = zl_model_new();
	zl_zone *z = t_zone(m, "corp", ZL_STORAGE_AD_DOMAIN);
	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_view *v = zl_model_add_view(m, z, "zones/corp.dns");
	char text[128];
	unsigned line = 1;
	for (unsigned k = 0; k < EACH; k++)
		for (unsigned t = 0; t < TARGETS; t++) {
			snprintf(text, sizeof(text), "s%u.corp. 600 IN SRV 0 100 %u h%u.corp.",
			         k, t, t);
			t_record(m, v, line++, text);
			snprintf(text, sizeof(text), "h%u.corp. 600 IN A 10.0.%u.%u", t, t / 250,
			         t % 250);
			if (k == 0)
				t_record(m, v, line++, text);
		}
	ck_assert_int_eq(zl_model_freeze(m), 0);
	ck_assert_int_eq(zl_model_freeze(m), 0);     /* again: nothing to do */
	for (unsigned t = 0; t < TARGETS; t++) {
		snprintf(text, sizeof(text), "h%u.corp", t);
		zl_iter it;
		unsigned n = 0, last = 0;
		for (const zl_record *r = zl_view_find_target(v, t_name(m, text), ZL_TYPE_SRV,
		                                              &it); r; r = zl_iter_next(&it)) {
			ck_assert_ptr_eq(zl_record_target(r), t_name(m, text));
			ck_assert_uint_eq(zl_record_field_int(r, 2), t);
			ck_assert_uint_gt(zl_record_location(v, r).line, last);
			last = zl_record_location(v, r).line;
			n++;
		}
		ck_assert_uint_eq(n, EACH);
	}
	zl_model_free(m);
}
END_TEST

/* Enough names and owners that the names region is made usable many
 * times over and every shard of both tables grows: parents, texts,
 * lookups and each owner's records stay right. */
START_TEST(names_and_owners_at_scale)
{
	enum { SITES = 40, HOSTS = 250 };
	zl_model *m = zl_model_new();
	zl_zone *z = t_zone(m, "corp", ZL_STORAGE_AD_DOMAIN);
	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_view *v = zl_model_add_view(m, z, "zones/corp.dns");
	const zl_name *corp = t_name(m, "corp");
	char text[128];
	unsigned line = 1;
	for (unsigned h = 0; h < HOSTS; h++)
		for (unsigned s = 0; s < SITES; s++) {
			snprintf(text, sizeof(text), "h%u.s%u.corp. 600 IN A 10.%u.%u.%u", h, s,
			         s, h / 250, h % 250);
			t_record(m, v, line++, text);
		}
	ck_assert_uint_eq(zl_view_owner_count(v), SITES * HOSTS);
	for (unsigned s = 0; s < SITES; s++)
		for (unsigned h = 0; h < HOSTS; h++) {
			snprintf(text, sizeof(text), "H%u.S%u.CORP.", h, s);
			const zl_name *n = zl_model_name(m, text);
			ck_assert_ptr_nonnull(n);
			snprintf(text, sizeof(text), "h%u.s%u.corp.", h, s);
			ck_assert_str_eq(zl_name_text(n), text);
			ck_assert_str_eq(zl_name_text(zl_name_parent(n)), strchr(text, '.') + 1);
			ck_assert_ptr_eq(zl_name_parent(zl_name_parent(n)), corp);
			ck_assert(zl_name_is_below(n, corp));
			zl_iter it;
			const zl_record *r = zl_view_find(v, n, ZL_TYPE_A, &it);
			ck_assert_ptr_nonnull(r);
			ck_assert_uint_eq(zl_record_location(v, r).line, h * SITES + s + 1);
			ck_assert_ptr_null(zl_iter_next(&it));
		}
	ck_assert_ptr_null(zl_model_name(m, "h250.s0.corp."));
	zl_model_free(m);
}
END_TEST

/* A page-backed array grown from the heap's size to the kernel's, moved
 * by mremap past 2 MiB: its contents kept, the new part zero. */
START_TEST(pages_grow_keeps_contents)
{
	size_t sizes[] = { 100, 40000, (size_t)1 << 20, (size_t)4 << 20, (size_t)9 << 20 };
	size_t old = 0;
	unsigned char *p = NULL;
	for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		unsigned char *q = zl_pages_grow(p, old, sizes[k]);
		ck_assert_ptr_nonnull(q);
		for (size_t i = 0; i < old; i += 997)
			ck_assert_uint_eq(q[i], (unsigned char)(i * 7 + 1));
		for (size_t i = old; i < sizes[k]; i += 991)
			ck_assert_uint_eq(q[i], 0);
		for (size_t i = 0; i < sizes[k]; i++)
			q[i] = (unsigned char)(i * 7 + 1);
		p = q;
		old = sizes[k];
	}
	zl_pages_free(p, old);
}
END_TEST

/* Sizes from 1 MiB on are rounded up to whole 2 MiB huge pages (a hash
 * table takes the slack as capacity); smaller ones are left alone. */
START_TEST(pages_fit_rounds_big_tables_to_huge_pages)
{
	size_t mib = (size_t)1 << 20;
	ck_assert_uint_eq(zl_pages_fit(0), 0);
	ck_assert_uint_eq(zl_pages_fit(4096), 4096);
	ck_assert_uint_eq(zl_pages_fit(mib - 8), mib - 8);
	ck_assert_uint_eq(zl_pages_fit(mib), 2 * mib);
	ck_assert_uint_eq(zl_pages_fit(2 * mib), 2 * mib);
	ck_assert_uint_eq(zl_pages_fit(2 * mib + 8), 4 * mib);
	unsigned char *p = zl_pages_alloc(zl_pages_fit(3 * mib / 2));
	ck_assert_ptr_nonnull(p);
	p[zl_pages_fit(3 * mib / 2) - 1] = 1;
	zl_pages_free(p, zl_pages_fit(3 * mib / 2));
}
END_TEST

START_TEST(zone_holding_walks_up_and_stops_at_cuts)
{
	zl_model *m = zl_model_new();
	zl_model_set_forest(m, t_name(m, "corp"), LOC(2, 9));
	zl_server *s = t_server(m, "dc1.corp", "10.0.0.1/24");
	zl_server *other = t_server(m, "dc2.corp", "10.0.0.2/24");
	zl_zone *z = t_zone(m, "corp", ZL_STORAGE_AD_DOMAIN);
	zl_zone *child = t_zone(m, "child.corp", ZL_STORAGE_FILE);
	zl_zone_add_host_name(child, t_name(m, "dc2.corp"), LOC(30, 1));
	ck_assert_int_eq(zl_model_resolve(m), 0);
	zl_view *v = zl_model_add_view(m, z, "corp.dns");
	t_record(m, v, 1, "corp. 3600 IN SOA dc1.corp. h.corp. 1 2 3 4 5");
	t_record(m, v, 2, "child.corp. 3600 IN NS ns.child.corp.");
	ck_assert_int_eq(zl_view_attach_server(m, v, s), 0);
	ck_assert_int_eq(zl_view_attach_server(m, v, other), 0);

	ck_assert_ptr_eq(zl_model_zone_holding(m, s, t_name(m, "a.b.corp")), z);
	ck_assert_ptr_eq(zl_model_zone_holding(m, s, t_name(m, "corp")), z);
	ck_assert_ptr_null(zl_model_zone_holding(m, s, t_name(m, "dc1.other")));
	/* dc1 does not host child.corp: below the cut nobody checks. */
	ck_assert_ptr_null(zl_model_zone_holding(m, s, t_name(m, "x.child.corp")));
	/* dc2 hosts it: the child zone is closer. */
	ck_assert_ptr_eq(zl_model_zone_holding(m, other, t_name(m, "x.child.corp")), child);
	ck_assert_uint_eq(zl_view_server_count(v), 2);
	zl_model_free(m);
}
END_TEST

START_TEST(addresses_and_prefixes)
{
	zl_prefix p = { .length = 24 };
	zl_addr a;

	ck_assert(zl_addr_parse("10.1.2.0", &p.addr));
	ck_assert(zl_addr_parse("10.1.2.200", &a));
	ck_assert(zl_prefix_contains(&p, &a));
	ck_assert(zl_addr_parse("10.1.3.1", &a));
	ck_assert(!zl_prefix_contains(&p, &a));
	ck_assert(zl_addr_parse("fd00:1:2:3::", &p.addr));
	p.length = 64;
	ck_assert(zl_addr_parse("fd00:1:2:3:ffff::1", &a));
	ck_assert(zl_prefix_contains(&p, &a));
	p.length = 65;
	ck_assert(!zl_prefix_contains(&p, &a));
	ck_assert(!zl_addr_parse("10.1.2", &a));
	ck_assert(!zl_addr_parse("fd00::1/64", &a));
}
END_TEST

START_TEST(settings_unknown_until_given)
{
	zl_model *m = zl_model_new();
	zl_zone *fw = t_zone(m, "corp", ZL_STORAGE_AD_DOMAIN);
	zl_zone *prim = t_zone(m, "corp", ZL_STORAGE_AD_DOMAIN);
	zl_server *s = t_server(m, "dc1.corp", "10.0.0.1/24");
	zl_zone_settings *over, on;
	zl_zone_cfg *cfg;

	/* the forwarder came first, yet the name finds the primary zone */
	zl_model_set_zone_type(m, fw, ZL_ZONE_FORWARDER, LOC(3, 5));
	ck_assert_ptr_eq(zl_model_zone_find(m, t_name(m, "corp")), prim);
	ck_assert_int_eq(zl_zone_type(prim), ZL_ZONE_PRIMARY);
	ck_assert_str_eq(zl_zone_kind_name(zl_zone_type(fw)), "forwarder");
	ck_assert_str_eq(zl_update_name(ZL_UPDATE_UNKNOWN), "unknown");
	ck_assert_str_eq(zl_transfers_name(ZL_TRANSFERS_NS), "ns");

	/* nothing given: unknown, never a default */
	ck_assert_int_eq(zl_zone_own_settings(prim)->dynamic_update, ZL_UPDATE_UNKNOWN);
	ck_assert(!zl_zone_own_settings(prim)->aging.known);
	ck_assert(!zl_zone_create_child(prim).known);
	ck_assert(!zl_server_forwarders(s).known);
	ck_assert(!zl_server_scavenging_hours(s).known);

	cfg = zl_zone_cfg_mut(m, prim);
	cfg->own.dynamic_update = ZL_UPDATE_SECURE;
	cfg->own.dynamic_update_where = LOC(7, 21);
	cfg->own.transfers = ZL_TRANSFERS_NS;
	over = zl_server_add_zone_settings(m, s, t_name(m, "corp"), LOC(12, 7));
	over->transfers = ZL_TRANSFERS_ANY;
	over->transfers_where = LOC(12, 20);
	ck_assert_int_eq(zl_model_resolve(m), 0);
	ck_assert_uint_eq(zl_model_problem_count(m), 0);
	ck_assert_ptr_eq(zl_server_zone_settings(s, prim), over);
	ck_assert_ptr_null(zl_server_zone_settings(s, fw));
	zl_zone_settings_on(prim, s, &on);
	ck_assert_int_eq(on.dynamic_update, ZL_UPDATE_SECURE);
	ck_assert_uint_eq(on.dynamic_update_where.line, 7);
	ck_assert_int_eq(on.transfers, ZL_TRANSFERS_ANY);
	ck_assert_uint_eq(on.transfers_where.line, 12);
	zl_model_free(m);
}
END_TEST

Suite *model_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("model");

	tcase_add_test(tc, names_are_interned_canonically);
	tcase_add_test(tc, names_escapes_and_limits);
	tcase_add_test(tc, servers_sorted_partners_both_ways);
	tcase_add_test(tc, default_hosting_by_storage_scope);
	tcase_add_test(tc, view_index_and_records);
	tcase_add_test(tc, owner_records_follow_the_owner_list);
	tcase_add_test(tc, shape_records_list_soa_ns_dname);
	tcase_add_test(tc, target_index_finds_records_pointing_at_a_name);
	tcase_add_test(tc, target_index_at_scale);
	tcase_add_test(tc, names_and_owners_at_scale);
	tcase_add_test(tc, pages_grow_keeps_contents);
	tcase_add_test(tc, pages_fit_rounds_big_tables_to_huge_pages);
	tcase_add_test(tc, zone_holding_walks_up_and_stops_at_cuts);
	tcase_add_test(tc, addresses_and_prefixes);
	tcase_add_test(tc, settings_unknown_until_given);
	suite_add_tcase(s, tc);
	return s;
}
