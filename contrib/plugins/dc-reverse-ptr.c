/*
 * dc-reverse-ptr: an example zonelint plugin (docs/plugins.md).  A site
 * policy requiring a record: every address of every DC that falls in a
 * reverse zone of the inventory (in-addr.arpa, RFC 1035 3.5; ip6.arpa,
 * RFC 3596 2.5) has a PTR record there naming the DC.  Tools that check a
 * peer by reverse lookup (Kerberos clients with rdns, SMTP, some
 * monitoring) otherwise see an unnamed or a wrong host.
 *
 * Addresses outside every reverse zone of the inventory are not checked:
 * the forest does not host their reverse data.  Names below a delegation
 * inside the reverse zone belong to the delegated zone and are not
 * checked in the parent.  Each copy (view) of the zone is checked once.
 *
 * Build: cc -shared -fPIC -Iinclude -o dc-reverse-ptr.so dc-reverse-ptr.c
 * Use:   zonelint --plugin ./dc-reverse-ptr.so forest.yaml
 */
#include <stdio.h>
#include <string.h>

#include <zonelint/zonelint.h>

#define NAME_MAX_TEXT 1100

/* The reverse-mapping name of `a`: "10.0.0.10.in-addr.arpa." or 32 nibbles
 * then "ip6.arpa.". */
static void reverse_name(const zl_addr *a, char *buf, size_t size)
{
	size_t used = 0;

	if (a->family == 4) {
		snprintf(buf, size, "%u.%u.%u.%u.in-addr.arpa.", a->bytes[3], a->bytes[2],
		         a->bytes[1], a->bytes[0]);
		return;
	}
	for (int i = 15; i >= 0 && used + 4 < size; i--) {
		static const char hex[] = "0123456789abcdef";
		buf[used++] = hex[a->bytes[i] & 0xf];
		buf[used++] = '.';
		buf[used++] = hex[a->bytes[i] >> 4];
		buf[used++] = '.';
	}
	snprintf(buf + used, size - used, "ip6.arpa.");
}

/* Where the label after the first one starts ("" after the last). */
static const char *next_label(const char *p)
{
	p += strcspn(p, ".");
	return *p ? p + 1 : p;
}

/* True when the name `text` is `zone` or lies below it (canonical texts). */
static bool text_below(const char *text, const char *zone)
{
	size_t t = strlen(text), z = strlen(zone);

	if (strcmp(zone, ".") == 0)
		return true;
	return t == z ? strcmp(text, zone) == 0
	              : t > z && text[t - z - 1] == '.' && strcmp(text + t - z, zone) == 0;
}

/* The inventory's closest zone enclosing `rev`, or NULL. */
static const zl_zone *reverse_zone(const zl_model *m, const char *rev)
{
	const zl_zone *best = NULL;

	for (size_t i = 0; i < zl_model_zone_count(m); i++) {
		const zl_zone *z = zl_model_zone(m, i);
		const zl_name *n = zl_zone_name(z);
		if (text_below(rev, zl_name_text(n)) &&
		    (!best || zl_name_labels(n) > zl_name_labels(zl_zone_name(best))))
			best = z;
	}
	return best;
}

/* True when view v delegates `rev` away: NS records at a name between it
 * and the apex (RFC 1034 4.2.1: below a cut, the child zone holds it). */
static bool delegated(const zl_model *m, const zl_view *v, const char *rev)
{
	const char *apex = zl_name_text(zl_zone_name(zl_view_zone(v)));
	zl_iter it;

	for (const char *p = rev; *p && strcmp(p, apex) != 0; p = next_label(p)) {
		const zl_name *n = zl_model_name(m, p);
		if (n && zl_view_find(v, n, ZL_TYPE_NS, &it))
			return true;
	}
	return false;
}

/* The first DNS server holding view v, where the fix is run; NULL when
 * none (replication takes an AD-integrated fix to the others). */
static const zl_server *fix_server(const zl_view *v)
{
	for (size_t i = 0; i < zl_view_server_count(v); i++)
		if (zl_server_roles(zl_view_server(v, i)) & ZL_ROLE_DNS)
			return zl_view_server(v, i);
	return NULL;
}

/* A name as dnscmd and PowerShell take it: no trailing dot. */
static void bare(const char *text, char *buf, size_t size)
{
	snprintf(buf, size, "%s", text);
	size_t len = strlen(buf);
	if (len > 1 && buf[len - 1] == '.')
		buf[len - 1] = '\0';
}

/* `rev` relative to `zone` (which encloses it), as dnscmd's node: "30"
 * for 30.0.0.10.in-addr.arpa. in 0.0.10.in-addr.arpa., "@" at the apex. */
static void node_name(const char *rev, const char *zone, char *buf, size_t size)
{
	size_t r = strlen(rev), z = strlen(zone);

	if (r <= z || strcmp(zone, ".") == 0)
		bare(r <= z ? "@" : rev, buf, size);
	else
		snprintf(buf, size, "%.*s", (int)(r - z - 1), rev);
}

/* `s` as one PowerShell argument: single-quoted, so that nothing in it is
 * expanded, with each quote doubled (about_Quoting_Rules; PowerShell also
 * ends such a string at the typographic quotes U+2018 to U+201B). */
static const char *ps_quote(const char *s, char *buf, size_t size)
{
	size_t o = 0;

	buf[o++] = '\'';
	for (const unsigned char *p = (const unsigned char *)s; *p && o + 8 < size; p++) {
		int typographic = p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0x98 && p[2] <= 0x9b;
		size_t n = typographic ? 3 : 1;
		for (int twice = 0; twice < ((*p == '\'' || typographic) ? 2 : 1); twice++) {
			memcpy(buf + o, p, n);
			o += n;
		}
		p += n - 1;
	}
	buf[o++] = '\'';
	buf[o] = '\0';
	return buf;
}

/* True when cmd.exe passes `s` to dnscmd as it is: it has no quoting that
 * stops & | < > ^ % ( ) everywhere. */
static int dnscmd_safe(const char *s)
{
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || strchr("-_.*@", *s)))
			return 0;
	return 1;
}

/* dnscmd and PowerShell (DnsServer module) to add the PTR on the view's
 * first DNS server; no dnscmd line for a name cmd.exe would interpret. */
static void add_commands(zl_finding *f, const zl_view *v, const char *rev,
                         const zl_server *dc)
{
	const zl_server *on = fix_server(v);
	const char *zone = zl_name_text(zl_zone_name(zl_view_zone(v)));
	char server[NAME_MAX_TEXT], zbare[NAME_MAX_TEXT], node[NAME_MAX_TEXT];
	char ps[4][2 * NAME_MAX_TEXT + 8];
	const char *target = zl_name_text(zl_server_name(dc));

	if (!on)
		return;
	bare(zl_name_text(zl_server_name(on)), server, sizeof(server));
	bare(zone, zbare, sizeof(zbare));
	node_name(rev, zone, node, sizeof(node));
	/* Said with where they run, so that -f ps1 and fix.run_on have them. */
	if (dnscmd_safe(server) && dnscmd_safe(zbare) && dnscmd_safe(node) &&
	    dnscmd_safe(target))
		zl_finding_command_on(f, zl_server_name(on), ZL_TOOL_DNSCMD, ZL_COMMAND_ADD,
		                      "dnscmd %s /RecordAdd %s %s PTR %s",
		                      server, zbare, node, target);
	else
		zl_finding_note(f, "no dnscmd command: cmd.exe would interpret characters "
		                "of %s or %s; use the PowerShell command", zbare, node);
	zl_finding_command_on(f, zl_server_name(on), ZL_TOOL_POWERSHELL, ZL_COMMAND_ADD,
	                      "Add-DnsServerResourceRecordPtr -ComputerName %s "
	                      "-ZoneName %s -Name %s -PtrDomainName %s",
	                      ps_quote(server, ps[0], sizeof(ps[0])),
	                      ps_quote(zbare, ps[1], sizeof(ps[1])),
	                      ps_quote(node, ps[2], sizeof(ps[2])),
	                      ps_quote(target, ps[3], sizeof(ps[3])));
}

/* One address of one DC against one view of its reverse zone. */
static void check_view(const zl_model *m, zl_report *r, const zl_view *v,
                       const zl_server *dc, const char *rev, const char *ip)
{
	const zl_name *owner = zl_model_name(m, rev);
	const zl_record *other = NULL;
	const char *dcname = zl_name_text(zl_server_name(dc));
	const char *zone = zl_name_text(zl_zone_name(zl_view_zone(v)));
	zl_finding *f;
	zl_iter it;

	if (delegated(m, v, rev))
		return;
	for (const zl_record *p = owner ? zl_view_find(v, owner, ZL_TYPE_PTR, &it) : NULL;
	     p; p = zl_iter_next(&it)) {
		if (zl_record_target(p) == zl_server_name(dc))
			return;
		other = other ? other : p;
	}
	if (other)
		f = zl_report_add(r, zl_record_location(v, other), "the PTR record for "
		                  "%s of DC %s in zone %s names %s, not the DC", ip, dcname,
		                  zone, zl_name_text(zl_record_target(other)));
	else
		f = zl_report_add(r, zl_view_soa_location(v), "DC %s has no PTR record "
		                  "for its address %s in zone %s", dcname, ip, zone);
	zl_finding_zone(f, zl_zone_name(zl_view_zone(v)));
	zl_finding_server(f, zl_server_name(dc));
	zl_finding_owner_text(f, rev);
	zl_finding_data(f, ip);
	zl_finding_fix(f, "add a PTR record %s -> %s%s", rev, dcname,
	               other ? ", and delete the other one if that name is gone" : "");
	add_commands(f, v, rev, dc);
}

static void check_address(const zl_model *m, zl_report *r, const zl_server *dc,
                          const zl_addr *a)
{
	char rev[NAME_MAX_TEXT], ip[ZL_ADDR_TEXT_MAX];
	const zl_zone *z;

	reverse_name(a, rev, sizeof(rev));
	if (!(z = reverse_zone(m, rev)))
		return;
	zl_addr_format(a, ip, sizeof(ip));
	for (size_t i = 0; i < zl_model_view_count(m); i++)
		if (zl_view_zone(zl_model_view(m, i)) == z)
			check_view(m, r, zl_model_view(m, i), dc, rev, ip);
}

static int check(const zl_model *m, zl_report *r)
{
	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		const zl_server *s = zl_model_server(m, i);
		if (!(zl_server_roles(s) & ZL_ROLE_DC))
			continue;
		for (size_t j = 0; j < zl_server_address_count(s); j++)
			check_address(m, r, s, &zl_server_address(s, j)->addr);
	}
	return 0;
}

static const zl_rule dc_reverse_ptr = {
	.id = "dc-reverse-ptr",
	.pack = "site",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "a DC's address lies in a reverse zone of the inventory that "
	           "has no PTR record naming the DC",
	.explanation =
	"Reverse lookups of a DC's address should give the DC's name: tools that\n"
	"check a peer that way (Kerberos clients with rdns, SMTP, monitoring)\n"
	"otherwise see an unnamed or a wrong host.  For each address of each\n"
	"server with the dc role, this rule takes the closest reverse zone of the\n"
	"inventory that encloses its in-addr.arpa (RFC 1035 3.5) or ip6.arpa\n"
	"(RFC 3596 2.5) name, and checks every copy of that zone for a PTR record\n"
	"naming the DC.  A PTR naming something else is reported at its line;\n"
	"no PTR at all, at the copy's SOA line.  Addresses outside the\n"
	"inventory's reverse zones, and names delegated away, are not checked.\n"
	"\n"
	"Example:\n"
	"  zones/0.0.10.in-addr.arpa.dns:7:1: warning: DC dc3.corp.example. has no\n"
	"  PTR record for its address 10.0.0.30 in zone 0.0.10.in-addr.arpa.\n"
	"  [dc-reverse-ptr]\n"
	"\n"
	"Fix: add the record on a DNS server hosting the zone:\n"
	"  dnscmd dc1.corp.example /RecordAdd 0.0.10.in-addr.arpa 30 PTR dc3.corp.example.\n"
	"  Add-DnsServerResourceRecordPtr -ComputerName dc1.corp.example\n"
	"    -ZoneName 0.0.10.in-addr.arpa -Name 30 -PtrDomainName dc3.corp.example.",
	.check = check,
};

static const zl_rule *const rules[] = { &dc_reverse_ptr };

const zl_rule *const *zonelint_plugin_rules(unsigned *abi, size_t *n)
{
	*abi = ZL_ABI_VERSION;
	*n = sizeof(rules) / sizeof(*rules);
	return rules;
}
