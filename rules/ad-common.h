/*
 * rules/ad-common.h - what the `ad` rules about host records share: which
 * copy of a zone holds a name on a server, a server's address records in
 * that copy, and the dnscmd / PowerShell commands that repair them.
 *
 * A header of static inline functions rather than a .c file, because every
 * .c file in rules/ is a rule of its own (scripts/gen-rules-table.sh).  Like the
 * rules, it sees only the public API.
 */
#ifndef ZL_RULES_AD_COMMON_H
#define ZL_RULES_AD_COMMON_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <zonelint/zonelint.h>

/* Room for a name in presentation format, escapes included. */
#define AD_NAME_MAX 1100

/* ---- names ------------------------------------------------------------- */

/* A name as dnscmd and PowerShell take it: no trailing dot ("." stays). */
static inline const char *ad_bare(const char *text, char *buf, size_t size)
{
	snprintf(buf, size, "%s", text);
	size_t len = strlen(buf);
	if (len > 1 && buf[len - 1] == '.')
		buf[len - 1] = '\0';
	return buf;
}

/* `owner` (canonical text) relative to `zone`, as dnscmd's node argument:
 * "@" at the apex, "dc1" for dc1.corp. in corp. */
static inline const char *ad_node(const char *owner, const zl_name *zone,
                                  char *buf, size_t size)
{
	size_t o = strlen(owner), z = strlen(zl_name_text(zone));

	if (strcmp(owner, zl_name_text(zone)) == 0)
		snprintf(buf, size, "@");
	else if (zl_name_labels(zone) == 0)
		ad_bare(owner, buf, size);
	else
		snprintf(buf, size, "%.*s", (int)(o > z ? o - z - 1 : 0), owner);
	return buf;
}

/*
 * The interned name for canonical `text`, else its closest ancestor that
 * is interned.  A name nobody mentioned holds no record; its ancestor
 * tells which zone would hold it (zone cuts are owners, so interned).
 */
static inline const zl_name *ad_name_or_ancestor(const zl_model *m, const char *text)
{
	for (const char *p = text; *p; ) {
		const zl_name *n = zl_model_name(m, p);
		if (n)
			return n;
		while (*p && *p != '.')
			p += (*p == '\\' && p[1]) ? 2 : 1;
		if (*p)
			p++;
	}
	return zl_model_name(m, ".");
}

/* ---- which copy holds a name --------------------------------------------- */

/* Server s's copy of the zone that holds `name` on it (SPEC 2), or NULL
 * when s hosts no such zone (the name is then not checked there). */
static inline const zl_view *ad_view_holding(const zl_model *m, const zl_server *s,
                                             const zl_name *name)
{
	const zl_zone *z = zl_model_zone_holding(m, s, name);

	return z ? zl_model_view_of(m, z, s) : NULL;
}

/*
 * The first DNS server (by name) of view v on which v holds `name`, or
 * NULL.  For the rules that report once per view: that server is where the
 * fix is run, and replication carries it to the others sharing the view.
 */
static inline const zl_server *ad_view_holder(const zl_model *m, const zl_view *v,
                                              const zl_name *name)
{
	const zl_zone *z = zl_view_zone(v);

	if (!zl_name_is_below(name, zl_zone_name(z)))
		return NULL;
	for (size_t i = 0; i < zl_view_server_count(v); i++) {
		const zl_server *s = zl_view_server(v, i);
		if ((zl_server_roles(s) & ZL_ROLE_DNS) && zl_model_zone_holding(m, s, name) == z)
			return s;
	}
	return NULL;
}

/* ---- address records ------------------------------------------------------ */

/* The A and AAAA records at `owner`, in load order (A and AAAA alike). */
static inline const zl_record *ad_addr_next(zl_iter *it)
{
	const zl_record *r;

	while ((r = zl_iter_next(it)) &&
	       zl_record_type(r) != ZL_TYPE_A && zl_record_type(r) != ZL_TYPE_AAAA)
		;
	return r;
}

static inline const zl_record *ad_addr_first(const zl_view *v, const zl_name *owner,
                                             zl_iter *it)
{
	const zl_record *r = zl_view_find(v, owner, 0, it);

	if (r && zl_record_type(r) != ZL_TYPE_A && zl_record_type(r) != ZL_TYPE_AAAA)
		r = ad_addr_next(it);
	return r;
}

/* True when `a` lies in one of the networks of s's addresses. */
static inline bool ad_on_networks(const zl_server *s, const zl_addr *a)
{
	for (size_t i = 0; i < zl_server_address_count(s); i++)
		if (zl_prefix_contains(zl_server_address(s, i), a))
			return true;
	return false;
}

/*
 * The address of s to register on p: the first of s's addresses (inventory
 * order) on one of p's networks, else s's first address; NULL when s has
 * none.  KB 914050, step 5: one the partner can reach.
 */
static inline const zl_addr *ad_addr_for(const zl_server *s, const zl_server *p)
{
	for (size_t i = 0; i < zl_server_address_count(s); i++)
		if (ad_on_networks(p, &zl_server_address(s, i)->addr))
			return &zl_server_address(s, i)->addr;
	return zl_server_address_count(s) ? &zl_server_address(s, 0)->addr : NULL;
}

/* "10.0.0.10, fd00::10": every address of s, into buf. */
static inline const char *ad_addresses_text(const zl_server *s, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < zl_server_address_count(s) && used < size; i++) {
		char a[ZL_ADDR_TEXT_MAX];
		zl_addr_format(&zl_server_address(s, i)->addr, a, sizeof(a));
		int n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", a);
		used += n > 0 ? (size_t)n : 0;
	}
	return buf;
}

/* ---- commands ---------------------------------------------------------------- */

/*
 * `s` as one PowerShell argument: single-quoted, so that nothing in it is
 * expanded ($, `, @, ( ...), with each quote character doubled; PowerShell
 * also ends a single-quoted string at the typographic quotes U+2018 to
 * U+201B (about_Quoting_Rules), so those are doubled too.  Names from zone
 * files may hold any byte through RFC 1035 escapes.
 */
static inline const char *ad_ps_quote(const char *s, char *buf, size_t size)
{
	size_t o = 0;

	if (size < 3)
		return "''";
	buf[o++] = '\'';
	for (const unsigned char *p = (const unsigned char *)s; *p && o + 8 < size; p++) {
		bool typographic = p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0x98 && p[2] <= 0x9b;
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

/*
 * True when cmd.exe passes `s` to dnscmd as it is: letters, digits and
 * - _ . * @ (and `extra`).  cmd.exe has no quoting that stops & | < > ^
 * % ( ) everywhere, so a name with anything else gets no dnscmd command.
 */
static inline bool ad_dnscmd_safe(const char *s, const char *extra)
{
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || strchr("-_.*@", *p) ||
		      (extra && strchr(extra, *p))))
			return false;
	return true;
}

/* Where a command runs and on what: arguments as dnscmd and PowerShell
 * take them. */
typedef struct ad_target {
	char server[AD_NAME_MAX];  /* the DNS server, no trailing dot */
	char zone[AD_NAME_MAX];    /* the zone, no trailing dot */
	char node[AD_NAME_MAX];    /* the owner relative to the zone, "@" at the apex */
	char ps_server[2 * AD_NAME_MAX];   /* the same, quoted for PowerShell */
	char ps_zone[2 * AD_NAME_MAX];
	char ps_node[2 * AD_NAME_MAX];
} ad_target;

static inline void ad_target_set(ad_target *t, const zl_server *on, const zl_zone *z,
                                 const char *owner)
{
	ad_bare(zl_name_text(zl_server_name(on)), t->server, sizeof(t->server));
	ad_bare(zl_name_text(zl_zone_name(z)), t->zone, sizeof(t->zone));
	ad_node(owner, zl_zone_name(z), t->node, sizeof(t->node));
	ad_ps_quote(t->server, t->ps_server, sizeof(t->ps_server));
	ad_ps_quote(t->zone, t->ps_zone, sizeof(t->ps_zone));
	ad_ps_quote(t->node, t->ps_node, sizeof(t->ps_node));
}

/* True when the dnscmd command for t and `data` (which has its fields
 * separated by spaces) can be given; else says why in a note. */
static inline bool ad_dnscmd_ok(zl_finding *f, const ad_target *t, const char *data)
{
	const char *bad = !ad_dnscmd_safe(t->server, NULL) ? t->server
	                  : !ad_dnscmd_safe(t->zone, NULL) ? t->zone
	                  : !ad_dnscmd_safe(t->node, NULL) ? t->node
	                  : !ad_dnscmd_safe(data, ": ") ? data : NULL;

	if (bad)
		zl_finding_note(f, "no dnscmd command: cmd.exe would interpret characters "
		                "of %s (only letters, digits, '-', '_', '.', '*' and '@' are "
		                "passed to it safely); use the PowerShell command", bad);
	return !bad;
}

/* dnscmd and PowerShell to delete one record of `type` with `data` at
 * `owner` in zone z on server `on`: each command says it acts on `on`
 * (JSON fix.run_on, the -f ps1 plan), whoever the finding is about. */
static inline void ad_command_delete(zl_finding *f, const zl_server *on,
                                     const zl_zone *z, const char *owner,
                                     const char *type, const char *data)
{
	ad_target t;
	char ps_data[2 * AD_NAME_MAX];

	ad_target_set(&t, on, z, owner);
	if (ad_dnscmd_ok(f, &t, data))
		zl_finding_command_on(f, zl_server_name(on), ZL_TOOL_DNSCMD, ZL_COMMAND_DELETE,
		                      "dnscmd %s /RecordDelete %s %s %s %s /f",
		                      t.server, t.zone, t.node, type, data);
	zl_finding_command_on(f, zl_server_name(on), ZL_TOOL_POWERSHELL, ZL_COMMAND_DELETE,
	                      "Remove-DnsServerResourceRecord -ComputerName %s "
	                      "-ZoneName %s -Name %s -RRType %s -RecordData %s -Force",
	                      t.ps_server, t.ps_zone, t.ps_node, type,
	                      ad_ps_quote(data, ps_data, sizeof(ps_data)));
}

/*
 * dnscmd and PowerShell to add one record: dnscmd's `type data`, then the
 * cmdlet's name after Add-DnsServerResourceRecord ("A", "CName", or "" for
 * the generic cmdlet) and its record arguments.
 */
static inline void ad_command_add(zl_finding *f, const zl_server *on,
                                  const zl_zone *z, const char *owner,
                                  const char *type, const char *data,
                                  const char *cmdlet, const char *args)
{
	ad_target t;

	ad_target_set(&t, on, z, owner);
	if (ad_dnscmd_ok(f, &t, data))
		zl_finding_command_on(f, zl_server_name(on), ZL_TOOL_DNSCMD, ZL_COMMAND_ADD,
		                      "dnscmd %s /RecordAdd %s %s %s %s",
		                      t.server, t.zone, t.node, type, data);
	zl_finding_command_on(f, zl_server_name(on), ZL_TOOL_POWERSHELL, ZL_COMMAND_ADD,
	                      "Add-DnsServerResourceRecord%s -ComputerName %s "
	                      "-ZoneName %s -Name %s %s", cmdlet, t.ps_server, t.ps_zone,
	                      t.ps_node, args);
}

static inline const char *ad_addr_type(const zl_addr *a)
{
	return a->family == 4 ? "A" : "AAAA";
}

static inline void ad_command_delete_addr(zl_finding *f, const zl_server *on,
                                          const zl_zone *z, const zl_name *owner,
                                          const zl_addr *a)
{
	char ip[ZL_ADDR_TEXT_MAX];

	ad_command_delete(f, on, z, zl_name_text(owner), ad_addr_type(a),
	                  zl_addr_format(a, ip, sizeof(ip)));
}

static inline void ad_command_add_addr(zl_finding *f, const zl_server *on,
                                       const zl_zone *z, const zl_name *owner,
                                       const zl_addr *a)
{
	char ip[ZL_ADDR_TEXT_MAX], args[ZL_ADDR_TEXT_MAX + 20];

	zl_addr_format(a, ip, sizeof(ip));
	snprintf(args, sizeof(args), "-IPv%dAddress %s", a->family == 4 ? 4 : 6, ip);
	ad_command_add(f, on, z, zl_name_text(owner), ad_addr_type(a), ip,
	               ad_addr_type(a), args);
}

/* ---- a server's host records as another server holds them ----------------- */

/*
 * What server p's copy holds for server s (p == s: its own copy).  KB
 * 914050's repair procedure, steps 3 to 5, for one pair.
 */
typedef struct ad_pair {
	const zl_server *subject;  /* S: whose host records they are */
	const zl_server *holder;   /* P: whose copy holds them, where fixes run */
	const zl_view *view;       /* P's copy of the zone holding S's name */
	const zl_zone *zone;
	const zl_record *first;    /* first A/AAAA at S's name, NULL if none */
	size_t records;            /* A/AAAA records at S's name */
	size_t stale;              /* of them, with an address S does not have */
	bool off_network;          /* S has an address on P's networks, P holds
	                            * some of S's addresses but none of those */
} ad_pair;

/*
 * Fills *pr for (s, p); false when it is not checked: s has no address to
 * compare with, or p hosts no zone that holds s's name.
 */
static inline bool ad_pair_load(const zl_model *m, const zl_server *s,
                                const zl_server *p, ad_pair *pr)
{
	const zl_name *name = zl_server_name(s);
	bool near_held = false;
	zl_iter it;

	*pr = (ad_pair){ .subject = s, .holder = p };
	if (zl_server_address_count(s) == 0 || !(pr->view = ad_view_holding(m, p, name)))
		return false;
	pr->zone = zl_view_zone(pr->view);
	pr->first = ad_addr_first(pr->view, name, &it);
	for (const zl_record *r = pr->first; r; r = ad_addr_next(&it)) {
		zl_addr a;
		if (!zl_record_addr(r, &a))
			continue;
		pr->records++;
		if (!zl_server_has_address(s, &a))
			pr->stale++;
		else if (ad_on_networks(p, &a))
			near_held = true;
	}
	const zl_addr *near = ad_addr_for(s, p);
	pr->off_network = pr->records > pr->stale && !near_held && near &&
	                  ad_on_networks(p, near);
	return true;
}

/* A pair with something to fix: a partner finding about S. */
static inline bool ad_pair_broken(const ad_pair *pr)
{
	return pr->stale || !pr->records || pr->off_network;
}

/* The finding's subject: zone, server where the fix runs, owner S. */
static inline void ad_pair_about(zl_finding *f, const ad_pair *pr, const char *data)
{
	zl_finding_zone(f, zl_zone_name(pr->zone));
	zl_finding_server(f, zl_server_name(pr->holder));
	zl_finding_owner(f, zl_server_name(pr->subject));
	zl_finding_data(f, data);
}

/* The record that repairs the pair once every stale one is gone (step 5):
 * when nothing right is left, or nothing on P's network. */
static inline void ad_pair_command_add(zl_finding *f, const ad_pair *pr)
{
	ad_command_add_addr(f, pr->holder, pr->zone, zl_server_name(pr->subject),
	                    ad_addr_for(pr->subject, pr->holder));
}

/* The stale records of the pair in load order, each with its address in
 * *a: ad_pair_stale_first, then ad_pair_stale_next until NULL. */
static inline const zl_record *ad_pair_stale_from(const ad_pair *pr, zl_iter *it,
                                                  const zl_record *r, zl_addr *a)
{
	for (; r; r = ad_addr_next(it))
		if (zl_record_addr(r, a) && !zl_server_has_address(pr->subject, a))
			return r;
	return NULL;
}

static inline const zl_record *ad_pair_stale_first(const ad_pair *pr, zl_iter *it,
                                                   zl_addr *a)
{
	return ad_pair_stale_from(pr, it,
	                          ad_addr_first(pr->view, zl_server_name(pr->subject), it), a);
}

static inline const zl_record *ad_pair_stale_next(const ad_pair *pr, zl_iter *it,
                                                  zl_addr *a)
{
	return ad_pair_stale_from(pr, it, ad_addr_next(it), a);
}

/*
 * The fix of one stale record: delete it on the holder (step 4); on the
 * first one, when no right address would be left, add one (step 5).
 */
static inline void ad_pair_stale_fix(zl_finding *f, const ad_pair *pr,
                                     const zl_addr *a, bool first)
{
	const char *s = zl_name_text(zl_server_name(pr->subject));
	const char *p = zl_name_text(zl_server_name(pr->holder));

	ad_command_delete_addr(f, pr->holder, pr->zone, zl_server_name(pr->subject), a);
	if (first && pr->records == pr->stale) {
		zl_finding_fix(f, "delete the record on %s, then add an address of %s "
		               "that %s can reach, since it holds no other", p, s, p);
		ad_pair_command_add(f, pr);
	} else {
		zl_finding_fix(f, "delete the record on %s", p);
	}
}

/*
 * Reports each stale record of the pair: `describe` adds the finding with
 * its message and notes; this sets what it is about and its fix.
 */
typedef zl_finding *ad_stale_fn(zl_report *r, const ad_pair *pr,
                                const zl_record *rec, const zl_addr *a, const char *ip);

static inline void ad_pair_report_stale(zl_report *r, const ad_pair *pr,
                                        ad_stale_fn *describe)
{
	zl_iter it;
	zl_addr a;

	for (const zl_record *rec = ad_pair_stale_first(pr, &it, &a), *first = rec; rec;
	     rec = ad_pair_stale_next(pr, &it, &a)) {
		char ip[ZL_ADDR_TEXT_MAX];
		zl_addr_format(&a, ip, sizeof(ip));
		zl_finding *f = describe(r, pr, rec, &a, ip);
		ad_pair_about(f, pr, ip);
		ad_pair_stale_fix(f, pr, &a, rec == first);
	}
}

/* Every command that repairs the pair: delete each stale record, then add
 * the address P needs (steps 4 and 5). */
static inline void ad_pair_commands(zl_finding *f, const ad_pair *pr)
{
	zl_iter it;
	zl_addr a;

	for (const zl_record *r = ad_pair_stale_first(pr, &it, &a); r;
	     r = ad_pair_stale_next(pr, &it, &a))
		ad_command_delete_addr(f, pr->holder, pr->zone, zl_server_name(pr->subject), &a);
	if (pr->records == pr->stale || pr->off_network)
		ad_pair_command_add(f, pr);
}

/* Calls fn for every checked pair (S, P) with P a DNS-running replication
 * partner of S: servers by name, then partners by name. */
typedef void ad_pair_fn(zl_report *r, const ad_pair *pr);

static inline void ad_each_partner_pair(const zl_model *m, zl_report *r, ad_pair_fn *fn)
{
	size_t no_address = 0;

	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		const zl_server *s = zl_model_server(m, i);
		for (size_t j = 0; j < zl_server_partner_count(s); j++) {
			const zl_server *p = zl_server_partner(s, j);
			ad_pair pr;
			if (!(zl_server_roles(p) & ZL_ROLE_DNS))
				continue;
			if (ad_pair_load(m, s, p, &pr))
				fn(r, &pr);
			else if (zl_server_address_count(s) == 0)
				no_address++;
		}
	}
	/* A server's right records are its addresses: without them no copy
	 * can be judged (SPEC: skipped by address rules, and said). */
	zl_report_not_checked(r, "(server, partner) pair whose server has no "
	                      "address in the inventory", no_address);
}

#endif
