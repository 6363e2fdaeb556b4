/*
 * The directory's zone settings decoders (lint/sources/adprops.c) on bytes
 * written as [MS-DNSP] 2.3.2.1 (dNSProperty), 2.2.3.2 (IP4_ARRAY,
 * DNS_ADDR_ARRAY) and [MS-DTYP] 2.4.2.2, 2.4.4, 2.4.5, 2.4.6 (SID, ACE,
 * ACL, self-relative SECURITY_DESCRIPTOR) define them, well formed and
 * malformed.
 */
#include <string.h>

#include "helpers.h"
#include "suites.h"
#include "sources/adprops.h"

typedef struct buf {
	uint8_t b[4096];
	size_t n;
} buf;

static void put8(buf *b, uint8_t v) { b->b[b->n++] = v; }
static void put16(buf *b, uint16_t v) { put8(b, (uint8_t)v); put8(b, (uint8_t)(v >> 8)); }
static void put32(buf *b, uint32_t v) { put16(b, (uint16_t)v); put16(b, (uint16_t)(v >> 16)); }
static void putn(buf *b, const void *p, size_t n) { if (n) memcpy(b->b + b->n, p, n); b->n += n; }

/* A dNSProperty: DataLength, NameLength 1, Flag 0, Version 1, Id, Data, Name 0. */
static void prop(buf *b, uint32_t id, const void *data, size_t n)
{
	b->n = 0;
	put32(b, (uint32_t)n);
	put32(b, 1);
	put32(b, 0);
	put32(b, 1);
	put32(b, id);
	putn(b, data, n);
	put8(b, 0);
}

static int add(zl_zone_props *p, const buf *b, char *why)
{
	return zl_zone_props_add(p, b->b, b->n, why, 128);
}

START_TEST(dnsproperty_values)
{
	zl_zone_props p;
	char why[128], t[ZL_ADDR_TEXT_MAX];
	uint8_t dword[4] = { 4, 0, 0, 0 }, one = 2, hours[4] = { 168, 0, 0, 0 };
	uint8_t on[4] = { 1, 0, 0, 0 };
	buf b, arr;

	memset(&p, 0, sizeof p);
	prop(&b, ZL_DNSPROP_TYPE, dword, 4);
	ck_assert_int_eq(add(&p, &b, why), 0);
	ck_assert(p.has_type);
	ck_assert_uint_eq(p.type, ZL_DNS_ZONE_TYPE_FORWARDER);
	prop(&b, ZL_DNSPROP_ALLOW_UPDATE, &one, 1);
	ck_assert_int_eq(add(&p, &b, why), 0);
	ck_assert(p.has_update);
	ck_assert_uint_eq(p.update, 2);
	prop(&b, ZL_DNSPROP_NOREFRESH, hours, 4);
	ck_assert_int_eq(add(&p, &b, why), 0);
	ck_assert_uint_eq(p.norefresh_hours, 168);
	prop(&b, ZL_DNSPROP_AGING_STATE, on, 4);
	ck_assert_int_eq(add(&p, &b, why), 0);
	ck_assert(p.has_aging && p.aging);
	/* empty Data: the default, not known */
	prop(&b, ZL_DNSPROP_REFRESH, NULL, 0);
	ck_assert_int_eq(add(&p, &b, why), 0);
	ck_assert(!p.has_refresh);
	/* an id zonelint does not read */
	prop(&b, 0x83, hours, 4);
	ck_assert_int_eq(add(&p, &b, why), 0);

	/* IP4_ARRAY of two scavenging servers */
	arr.n = 0;
	put32(&arr, 2);
	putn(&arr, (uint8_t[]){ 10, 0, 0, 1, 10, 0, 0, 2 }, 8);
	prop(&b, ZL_DNSPROP_SCAVENGING_SERVERS, arr.b, arr.n);
	ck_assert_int_eq(add(&p, &b, why), 0);
	ck_assert(p.has_scavengers);
	ck_assert_uint_eq(p.scavengers.count, 2);
	ck_assert_str_eq(zl_addr_format(&p.scavengers.addrs[1], t, sizeof t), "10.0.0.2");

	/* DNS_ADDR_ARRAY of one IPv4 and one IPv6 master */
	arr.n = 0;
	put32(&arr, 2);             /* MaxCount */
	put32(&arr, 2);             /* AddrCount */
	for (int i = 0; i < 6; i++)
		put32(&arr, 0);         /* Tag, Family+WordReserved, Flags, MatchFlag, Reserved1/2 */
	put16(&arr, 2);             /* AF_INET */
	putn(&arr, (uint8_t[]){ 0, 53, 192, 0, 2, 1 }, 6);
	for (int i = 0; i < 56; i++)
		put8(&arr, 0);
	put16(&arr, 23);            /* AF_INET6 */
	putn(&arr, (uint8_t[]){ 0, 53, 0, 0, 0, 0 }, 6);
	putn(&arr, (uint8_t[]){ 0x20, 0x01, 0x0d, 0xb8, [15] = 0x53 }, 16);
	for (int i = 0; i < 40; i++)
		put8(&arr, 0);
	ck_assert_uint_eq(arr.n, 32 + 2 * 64);
	prop(&b, ZL_DNSPROP_MASTER_SERVERS_DA, arr.b, arr.n);
	ck_assert_int_eq(add(&p, &b, why), 0);
	ck_assert_uint_eq(p.masters.count, 2);
	ck_assert_str_eq(zl_addr_format(&p.masters.addrs[0], t, sizeof t), "192.0.2.1");
	ck_assert_str_eq(zl_addr_format(&p.masters.addrs[1], t, sizeof t), "2001:db8::53");
}
END_TEST

START_TEST(dnsproperty_malformed)
{
	zl_zone_props p;
	char why[128];
	uint8_t two[2] = { 1, 0 }, dword[4] = { 0 };
	buf b, arr;

	memset(&p, 0, sizeof p);
	prop(&b, ZL_DNSPROP_TYPE, dword, 4);
	ck_assert_int_eq(zl_zone_props_add(&p, b.b, 19, why, sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "20-byte header"));
	b.b[0] = 200;               /* DataLength past the end */
	ck_assert_int_eq(add(&p, &b, why), -1);
	ck_assert_ptr_nonnull(strstr(why, "DataLength"));
	prop(&b, ZL_DNSPROP_NOREFRESH, two, 2);
	ck_assert_int_eq(add(&p, &b, why), -1);
	ck_assert_ptr_nonnull(strstr(why, "DWORD"));
	ck_assert(!p.has_norefresh);
	prop(&b, ZL_DNSPROP_ALLOW_UPDATE, two, 2);
	ck_assert_int_eq(add(&p, &b, why), -1);
	/* an IP4_ARRAY whose count says 3 but holds 1 */
	arr.n = 0;
	put32(&arr, 3);
	put32(&arr, 0x0100000a);
	prop(&b, ZL_DNSPROP_SCAVENGING_SERVERS, arr.b, arr.n);
	ck_assert_int_eq(add(&p, &b, why), -1);
	ck_assert_ptr_nonnull(strstr(why, "IP4_ARRAY length"));
	ck_assert(!p.has_scavengers);
	/* a DNS_ADDR_ARRAY with an unknown family, and one over 64 */
	arr.n = 0;
	put32(&arr, 1);
	put32(&arr, 1);
	for (int i = 0; i < 6; i++)
		put32(&arr, 0);
	put16(&arr, 99);
	for (int i = 0; i < 62; i++)
		put8(&arr, 0);
	ck_assert_int_eq(zl_dns_addr_array_decode(arr.b, arr.n, &p.masters, why,
	                                          sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "family"));
	arr.b[4] = 65;
	ck_assert_int_eq(zl_dns_addr_array_decode(arr.b, arr.n, &p.masters, why,
	                                          sizeof why), -1);
	ck_assert_int_eq(zl_dns_addr_array_decode(arr.b, 31, &p.masters, why,
	                                          sizeof why), -1);
	ck_assert_int_eq(zl_ip4_array_decode(arr.b, 3, &p.masters, why, sizeof why), -1);
}
END_TEST

/* ---- security descriptors ---------------------------------------------------- */

/* A SID: revision 1, authority, sub-authorities. */
static void sid(buf *b, uint8_t authority, const uint32_t *sub, uint8_t n)
{
	put8(b, 1);
	put8(b, n);
	putn(b, (uint8_t[]){ 0, 0, 0, 0, 0, authority }, 6);
	for (uint8_t i = 0; i < n; i++)
		put32(b, sub[i]);
}

static const uint8_t dns_node[16] = {
	0xf2, 0xaf, 0xb2, 0xe8, 0xa7, 0x59, 0xac, 0x4e,
	0x9a, 0x70, 0x81, 0x9a, 0xde, 0xf7, 0x01, 0xdd,
};
static const uint8_t other_class[16] = { 1, 2, 3 };

/* One ACE into acl: type, flags, mask, object type (NULL: none), SID. */
static void ace(buf *acl, uint8_t type, uint8_t flags, uint32_t mask,
                const uint8_t *object, uint8_t authority, const uint32_t *sub,
                uint8_t n)
{
	size_t start = acl->n;

	put8(acl, type);
	put8(acl, flags);
	put16(acl, 0);              /* AceSize, below */
	put32(acl, mask);
	if (type == 5 || type == 6) {
		put32(acl, object ? 1 : 0);
		if (object)
			putn(acl, object, 16);
	}
	sid(acl, authority, sub, n);
	acl->b[start + 2] = (uint8_t)(acl->n - start);
	acl->b[start + 3] = (uint8_t)((acl->n - start) >> 8);
}

/* A self-relative SD whose DACL holds the ACEs of `aces` (count n). */
static void sd(buf *out, const buf *aces, uint16_t n)
{
	out->n = 0;
	put8(out, 1);
	put8(out, 0);
	put16(out, 0x8004);         /* SE_SELF_RELATIVE | SE_DACL_PRESENT */
	put32(out, 0);              /* owner */
	put32(out, 0);              /* group */
	put32(out, 0);              /* SACL */
	put32(out, 20);             /* DACL right after the header */
	put8(out, 4);               /* AclRevision (DS) */
	put8(out, 0);
	put16(out, (uint16_t)(8 + aces->n));
	put16(out, n);
	put16(out, 0);
	putn(out, aces->b, aces->n);
}

START_TEST(dacl_create_child_trustees)
{
	static const uint32_t au[] = { 11 }, world[] = { 0 };
	static const uint32_t users[] = { 21, 1, 2, 3, 513 }, comps[] = { 21, 1, 2, 3, 515 };
	static const uint32_t admin[] = { 21, 1, 2, 3, 1105 }, sys[] = { 18 };
	zl_trustees t;
	char why[128];
	bool none;
	buf aces = { .n = 0 }, d;

	/* deny everyone create-child on dnsNode, then allow it: cancelled */
	ace(&aces, 6, 0, 0x1, dns_node, 1, world, 1);
	ace(&aces, 0, 0, 0x1, NULL, 5, au, 1);
	ace(&aces, 0, 0, 0x1, NULL, 1, world, 1);
	/* create-child of another class: not records */
	ace(&aces, 5, 0, 0x1, other_class, 5, users, 5);
	/* inherit-only: for the children, not the zone */
	ace(&aces, 0, 0x08 | 0x02, 0x10000000, NULL, 5, comps, 5);
	/* inherited, generic-all, and read only */
	ace(&aces, 5, 0x10, 0x10000000, NULL, 5, admin, 5);
	ace(&aces, 0, 0, 0x20094, NULL, 5, sys, 1);
	sd(&d, &aces, 7);
	ck_assert_int_eq(zl_sd_create_child(d.b, d.n, &t, &none, why, sizeof why), 0);
	ck_assert(!none);
	ck_assert_uint_eq(t.count, 2);
	ck_assert_str_eq(t.name[0], "authenticated-users");
	ck_assert_str_eq(t.name[1], "S-1-5-21-1-2-3-1105");

	/* the same right for domain users on dnsNode */
	aces.n = 0;
	ace(&aces, 5, 0, 0x1, dns_node, 5, users, 5);
	sd(&d, &aces, 1);
	ck_assert_int_eq(zl_sd_create_child(d.b, d.n, &t, &none, why, sizeof why), 0);
	ck_assert_uint_eq(t.count, 1);
	ck_assert_str_eq(t.name[0], "domain-users");

	/* no DACL at all */
	d.b[2] = 0;
	ck_assert_int_eq(zl_sd_create_child(d.b, d.n, &t, &none, why, sizeof why), 0);
	ck_assert(none);
}
END_TEST

START_TEST(dacl_malformed)
{
	static const uint32_t au[] = { 11 };
	zl_trustees t;
	char why[128];
	bool none;
	buf aces = { .n = 0 }, d;

	ace(&aces, 0, 0, 0x1, NULL, 5, au, 1);
	sd(&d, &aces, 1);
	ck_assert_int_eq(zl_sd_create_child(d.b, 19, &t, &none, why, sizeof why), -1);
	d.b[0] = 2;                 /* Revision */
	ck_assert_int_eq(zl_sd_create_child(d.b, d.n, &t, &none, why, sizeof why), -1);
	d.b[0] = 1;
	d.b[3] = 0;                 /* not self-relative */
	ck_assert_int_eq(zl_sd_create_child(d.b, d.n, &t, &none, why, sizeof why), -1);
	d.b[3] = 0x80;
	d.b[16] = 250;              /* OffsetDacl past the end */
	ck_assert_int_eq(zl_sd_create_child(d.b, d.n, &t, &none, why, sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "OffsetDacl"));
	d.b[16] = 20;
	d.b[20 + 4] = 2;            /* AceCount 2, one ACE */
	ck_assert_int_eq(zl_sd_create_child(d.b, d.n, &t, &none, why, sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "AceCount"));
	d.b[20 + 4] = 1;
	d.b[28 + 2] = 200;          /* AceSize past the DACL */
	ck_assert_int_eq(zl_sd_create_child(d.b, d.n, &t, &none, why, sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "AceSize"));
	d.b[28 + 2] = 20;
	d.b[28 + 9] = 9;            /* SID SubAuthorityCount past the ACE */
	ck_assert_int_eq(zl_sd_create_child(d.b, d.n, &t, &none, why, sizeof why), -1);
	ck_assert_ptr_nonnull(strstr(why, "SID"));
}
END_TEST

Suite *adprops_suite(void)
{
	Suite *s = suite_create("adprops");
	TCase *tc = tcase_create("decode");

	tcase_add_test(tc, dnsproperty_values);
	tcase_add_test(tc, dnsproperty_malformed);
	tcase_add_test(tc, dacl_create_child_trustees);
	tcase_add_test(tc, dacl_malformed);
	suite_add_tcase(s, tc);
	return s;
}
