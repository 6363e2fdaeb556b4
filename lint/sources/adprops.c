/*
 * lint/sources/adprops.c - see adprops.h.  Every read is bounds-checked
 * against the length the caller gave; nothing is trusted from the bytes.
 */
#include "sources/adprops.h"

#include <stdio.h>
#include <string.h>

static uint16_t le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static int fail(char *why, size_t size, const char *text)
{
	snprintf(why, size, "%s", text);
	return -1;
}

/* ---- address arrays ------------------------------------------------------ */

int zl_ip4_array_decode(const uint8_t *d, size_t len, zl_addr_array *out,
                        char *why, size_t size)
{
	uint32_t n;

	out->count = 0;
	if (len < 4)
		return fail(why, size, "IP4_ARRAY shorter than its AddrCount");
	n = le32(d);
	if (n > ZL_ADPROPS_MAX_ADDRS)
		return fail(why, size, "IP4_ARRAY AddrCount over 64");
	if (len != 4 + 4 * (size_t)n)
		return fail(why, size, "IP4_ARRAY length does not match AddrCount");
	for (uint32_t i = 0; i < n; i++) {
		zl_addr *a = &out->addrs[i];

		memset(a, 0, sizeof *a);
		a->family = 4;
		memcpy(a->bytes, d + 4 + 4 * i, 4);    /* network order already */
	}
	out->count = n;
	return 0;
}

enum {
	DA_HEADER = 32,          /* MaxCount .. Reserved2 */
	DA_ADDR = 64,            /* one DNS_ADDR */
	WIN_AF_INET = 2,
	WIN_AF_INET6 = 23,
};

int zl_dns_addr_array_decode(const uint8_t *d, size_t len, zl_addr_array *out,
                             char *why, size_t size)
{
	uint32_t n;

	out->count = 0;
	if (len < DA_HEADER)
		return fail(why, size, "DNS_ADDR_ARRAY shorter than its header");
	n = le32(d + 4);
	if (n > ZL_ADPROPS_MAX_ADDRS)
		return fail(why, size, "DNS_ADDR_ARRAY AddrCount over 64");
	if (len != DA_HEADER + DA_ADDR * (size_t)n)
		return fail(why, size, "DNS_ADDR_ARRAY length does not match AddrCount");
	for (uint32_t i = 0; i < n; i++) {
		const uint8_t *sa = d + DA_HEADER + DA_ADDR * i;
		zl_addr *a = &out->addrs[i];

		memset(a, 0, sizeof *a);
		if (le16(sa) == WIN_AF_INET) {
			a->family = 4;
			memcpy(a->bytes, sa + 4, 4);
		} else if (le16(sa) == WIN_AF_INET6) {
			a->family = 6;
			memcpy(a->bytes, sa + 8, 16);
		} else {
			return fail(why, size, "DNS_ADDR with an address family other "
			            "than IPv4 (2) or IPv6 (23)");
		}
	}
	out->count = n;
	return 0;
}

/* ---- dNSProperty ------------------------------------------------------------ */

static int want_dword(const uint8_t *data, size_t n, uint32_t *out, bool *has,
                      char *why, size_t size)
{
	if (n != 4)
		return fail(why, size, "Data is not a DWORD (4 bytes) for its Id");
	*out = le32(data);
	*has = true;
	return 0;
}

static int add_array(const uint8_t *data, size_t n, bool da, zl_addr_array *out,
                     bool *has, char *why, size_t size)
{
	int rc = da ? zl_dns_addr_array_decode(data, n, out, why, size)
	            : zl_ip4_array_decode(data, n, out, why, size);

	*has = rc == 0;
	return rc;
}

int zl_zone_props_add(zl_zone_props *p, const uint8_t *blob, size_t len,
                      char *why, size_t size)
{
	enum { HEAD = 20 };
	uint32_t n, id, value = 0;
	const uint8_t *data = blob + HEAD;

	if (len < HEAD)
		return fail(why, size, "dNSProperty shorter than its 20-byte header");
	n = le32(blob);
	id = le32(blob + 16);
	if (n > len - HEAD)
		return fail(why, size, "dNSProperty DataLength runs past the value");
	if (n == 0)
		return 0;               /* the default: nothing known */
	switch (id) {
	case ZL_DNSPROP_TYPE:
		return want_dword(data, n, &p->type, &p->has_type, why, size);
	case ZL_DNSPROP_ALLOW_UPDATE:
		/* one byte ([MS-DNSP] 2.3.2.1.1); some writers pad it to a DWORD */
		if (n != 1 && n != 4)
			return fail(why, size, "allow-update Data is not one byte");
		p->update = data[0];
		p->has_update = true;
		return 0;
	case ZL_DNSPROP_NOREFRESH:
		return want_dword(data, n, &p->norefresh_hours, &p->has_norefresh, why, size);
	case ZL_DNSPROP_REFRESH:
		return want_dword(data, n, &p->refresh_hours, &p->has_refresh, why, size);
	case ZL_DNSPROP_AGING_STATE:
		if (want_dword(data, n, &value, &p->has_aging, why, size) != 0)
			return -1;
		p->aging = value != 0;
		return 0;
	case ZL_DNSPROP_SCAVENGING_SERVERS:
	case ZL_DNSPROP_SCAVENGING_SERVERS_DA:
		return add_array(data, n, id == ZL_DNSPROP_SCAVENGING_SERVERS_DA,
		                 &p->scavengers, &p->has_scavengers, why, size);
	case ZL_DNSPROP_MASTER_SERVERS:
	case ZL_DNSPROP_MASTER_SERVERS_DA:
		return add_array(data, n, id == ZL_DNSPROP_MASTER_SERVERS_DA,
		                 &p->masters, &p->has_masters, why, size);
	case ZL_DNSPROP_AUTO_NS_SERVERS:
	case ZL_DNSPROP_AUTO_NS_SERVERS_DA:
		return add_array(data, n, id == ZL_DNSPROP_AUTO_NS_SERVERS_DA,
		                 &p->auto_ns, &p->has_auto_ns, why, size);
	default:
		return 0;
	}
}

/* ---- security descriptors -------------------------------------------------- */

enum {
	SD_HEADER = 20,
	SE_DACL_PRESENT = 0x0004,
	SE_SELF_RELATIVE = 0x8000,
	ACL_HEADER = 8,
	ACE_HEADER = 4,
	ACCESS_ALLOWED_ACE = 0x00,
	ACCESS_DENIED_ACE = 0x01,
	ACCESS_ALLOWED_OBJECT_ACE = 0x05,
	ACCESS_DENIED_OBJECT_ACE = 0x06,
	INHERIT_ONLY_ACE = 0x08,
	ACE_OBJECT_TYPE_PRESENT = 0x1,
	ACE_INHERITED_OBJECT_TYPE_PRESENT = 0x2,
	RIGHT_DS_CREATE_CHILD = 0x00000001,
	GENERIC_ALL = 0x10000000,
	SID_MIN = 8,
	SID_MAX_SUB = 15,
};

/* dnsNode's schemaIDGUID as [MS-DTYP] 2.3.4.2 lays a GUID out in bytes
 * (Data1, Data2, Data3 little-endian). */
static const uint8_t dns_node_guid[16] = {
	0xf2, 0xaf, 0xb2, 0xe8, 0xa7, 0x59, 0xac, 0x4e,
	0x9a, 0x70, 0x81, 0x9a, 0xde, 0xf7, 0x01, 0xdd,
};

/* SPEC 6.1 names of the well-known trustees ([MS-DTYP] 2.4.2.4). */
static const char *sid_name(const char *text)
{
	size_t len = strlen(text);

	if (strcmp(text, "S-1-5-11") == 0)
		return "authenticated-users";
	if (strcmp(text, "S-1-1-0") == 0)
		return "everyone";
	if (strncmp(text, "S-1-5-21-", 9) == 0 && len > 13) {
		if (strcmp(text + len - 4, "-513") == 0)
			return "domain-users";
		if (strcmp(text + len - 4, "-515") == 0)
			return "domain-computers";
	}
	return NULL;
}

size_t zl_sid_text(const uint8_t *d, size_t len, char *buf, size_t size)
{
	uint64_t auth = 0;
	size_t n, used;
	const char *name;

	if (len < SID_MIN || d[0] != 1 || d[1] > SID_MAX_SUB)
		return 0;
	n = d[1];
	if (len < SID_MIN + 4 * n)
		return 0;
	for (int i = 2; i < 8; i++)
		auth = auth << 8 | d[i];           /* IdentifierAuthority: big-endian */
	used = (size_t)snprintf(buf, size, "S-1-%llu", (unsigned long long)auth);
	for (size_t i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "-%u",
		                         (unsigned)le32(d + SID_MIN + 4 * i));
	name = sid_name(buf);
	if (name)
		snprintf(buf, size, "%s", name);
	return SID_MIN + 4 * n;
}

typedef struct ace {
	uint8_t type, flags;
	uint32_t mask;
	bool for_dns_node;        /* no object type, or dnsNode */
	char trustee[ZL_TRUSTEE_MAX];
} ace;

/* One ACE at a (size bytes, checked by the caller) into *out. */
static int read_ace(const uint8_t *a, size_t size, ace *out, char *why, size_t wsize)
{
	size_t pos = ACE_HEADER + 4;

	out->type = a[0];
	out->flags = a[1];
	out->for_dns_node = true;
	out->trustee[0] = '\0';
	if (out->type != ACCESS_ALLOWED_ACE && out->type != ACCESS_DENIED_ACE &&
	    out->type != ACCESS_ALLOWED_OBJECT_ACE && out->type != ACCESS_DENIED_OBJECT_ACE)
		return 0;                          /* audit, callback: not about access */
	if (size < pos)
		return fail(why, wsize, "ACE shorter than its access mask");
	out->mask = le32(a + ACE_HEADER);
	if (out->type == ACCESS_ALLOWED_OBJECT_ACE || out->type == ACCESS_DENIED_OBJECT_ACE) {
		uint32_t f;

		if (size < pos + 4)
			return fail(why, wsize, "object ACE shorter than its Flags");
		f = le32(a + pos);
		pos += 4;
		if (f & ACE_OBJECT_TYPE_PRESENT) {
			if (size < pos + 16)
				return fail(why, wsize, "object ACE shorter than its ObjectType");
			out->for_dns_node = memcmp(a + pos, dns_node_guid, 16) == 0;
			pos += 16;
		}
		if (f & ACE_INHERITED_OBJECT_TYPE_PRESENT) {
			if (size < pos + 16)
				return fail(why, wsize, "object ACE shorter than its "
				            "InheritedObjectType");
			pos += 16;
		}
	}
	if (!zl_sid_text(a + pos, size - pos, out->trustee, sizeof out->trustee))
		return fail(why, wsize, "ACE with a malformed SID");
	return 0;
}

static bool grants_create_child(const ace *e)
{
	return e->for_dns_node && !(e->flags & INHERIT_ONLY_ACE) &&
	       (e->mask & (RIGHT_DS_CREATE_CHILD | GENERIC_ALL));
}

static bool listed(const zl_trustees *t, const char *name)
{
	for (size_t i = 0; i < t->count; i++)
		if (strcmp(t->name[i], name) == 0)
			return true;
	return false;
}

/* Walks the ACL at acl (len bytes): allowed ACEs not preceded by a deny
 * for the same trustee ([MS-DTYP] 2.5.3.2: the first matching ACE
 * decides). */
static int walk_acl(const uint8_t *acl, size_t len, zl_trustees *out,
                    char *why, size_t size)
{
	zl_trustees denied = { 0 };
	size_t pos = ACL_HEADER, acl_size;
	uint16_t count;

	if (len < ACL_HEADER || (acl[0] != 2 && acl[0] != 4))
		return fail(why, size, "DACL header malformed (AclRevision not 2 or 4)");
	acl_size = le16(acl + 2);
	count = le16(acl + 4);
	if (acl_size < ACL_HEADER || acl_size > len)
		return fail(why, size, "DACL AclSize runs past the descriptor");
	for (uint16_t i = 0; i < count; i++) {
		ace e;
		size_t ace_size;

		if (acl_size - pos < ACE_HEADER)
			return fail(why, size, "DACL AceCount runs past AclSize");
		ace_size = le16(acl + pos + 2);
		if (ace_size < ACE_HEADER || ace_size > acl_size - pos)
			return fail(why, size, "ACE AceSize runs past the DACL");
		if (read_ace(acl + pos, ace_size, &e, why, size) != 0)
			return -1;
		pos += ace_size;
		if (!e.trustee[0] || !grants_create_child(&e))
			continue;
		bool deny = e.type == ACCESS_DENIED_ACE || e.type == ACCESS_DENIED_OBJECT_ACE;
		zl_trustees *into = deny ? &denied : out;

		if (listed(&denied, e.trustee) || listed(into, e.trustee) ||
		    into->count == ZL_TRUSTEES_MAX)
			continue;
		snprintf(into->name[into->count++], ZL_TRUSTEE_MAX, "%s", e.trustee);
	}
	return 0;
}

int zl_sd_create_child(const uint8_t *sd, size_t len, zl_trustees *out,
                       bool *no_dacl, char *why, size_t size)
{
	uint16_t control;
	uint32_t dacl;

	out->count = 0;
	*no_dacl = false;
	if (len < SD_HEADER || sd[0] != 1)
		return fail(why, size, "security descriptor shorter than its header, "
		            "or Revision not 1");
	control = le16(sd + 2);
	if (!(control & SE_SELF_RELATIVE))
		return fail(why, size, "security descriptor is not self-relative");
	dacl = le32(sd + 16);
	if (!(control & SE_DACL_PRESENT) || dacl == 0) {
		*no_dacl = true;       /* a NULL DACL grants everyone everything */
		return 0;
	}
	if (dacl < SD_HEADER || dacl >= len)
		return fail(why, size, "security descriptor OffsetDacl runs past it");
	return walk_acl(sd + dacl, len - dacl, out, why, size);
}
