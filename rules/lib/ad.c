/* rules/lib/ad.c - see ad.h. */
#include "ad.h"

#include <stdlib.h>

const char *ad_bare(const char *text, char *buf, size_t size)
{
	snprintf(buf, size, "%s", text);
	size_t len = strlen(buf);
	if (len > 1 && buf[len - 1] == '.')
		buf[len - 1] = '\0';
	return buf;
}

const char *ad_node(const char *owner, const zl_name *zone,
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

const zl_name *ad_name_or_ancestor(const zl_model *m, const char *text)
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

const zl_view *ad_view_holding(const zl_model *m, const zl_server *s,
                               const zl_name *name)
{
	const zl_zone *z = zl_model_zone_holding(m, s, name);

	return z ? zl_model_view_of(m, z, s) : NULL;
}

const zl_server *ad_view_holder(const zl_model *m, const zl_view *v,
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

bool ad_view_cut(const zl_view *v, const zl_name *name)
{
	const zl_name *apex = zl_zone_name(zl_view_zone(v));
	zl_iter it;

	for (const zl_name *n = name; n && n != apex; n = zl_name_parent(n))
		if (zl_view_find(v, n, ZL_TYPE_NS, &it))
			return true;
	return false;
}

const zl_server *ad_view_holder_cut(const zl_model *m, const zl_view *v,
                                    const zl_name *name, bool cut)
{
	const zl_zone *z = zl_view_zone(v);

	if (!zl_name_is_below(name, zl_zone_name(z)))
		return NULL;
	for (size_t i = 0; i < zl_view_server_count(v); i++) {
		const zl_server *s = zl_view_server(v, i);
		const zl_zone *c = NULL;
		if (!(zl_server_roles(s) & ZL_ROLE_DNS))
			continue;
		if (zl_model_view_of(m, z, s) != v) {
			/* Not s's own copy: ask the model about s's. */
			if (zl_model_zone_holding(m, s, name) == z)
				return s;
			continue;
		}
		for (const zl_name *n = name; n && !c; n = zl_name_parent(n))
			if ((c = zl_model_zone_find(m, n)) && !zl_zone_is_hosted_on(c, s))
				c = NULL;
		if (c == z && !cut)
			return s;
	}
	return NULL;
}

static const zl_name *key_of(const void *items, size_t i, size_t size, size_t key_at)
{
	const zl_name *key;

	memcpy(&key, (const char *)items + i * size + key_at, sizeof(key));
	return key;
}

size_t *ad_group_starts(const void *items, size_t n, size_t size, size_t key_at,
                        size_t *groups)
{
	size_t *out = malloc((n + 2) * sizeof(*out));

	*groups = 0;
	for (size_t i = 0; out && i < n; i++)
		if (i == 0 || key_of(items, i, size, key_at) != key_of(items, i - 1, size, key_at))
			out[(*groups)++] = i;
	if (out)
		out[*groups] = n;
	return out;
}

const zl_record *ad_addr_next(zl_iter *it)
{
	const zl_record *r;

	while ((r = zl_iter_next(it)) &&
	       zl_record_type(r) != ZL_TYPE_A && zl_record_type(r) != ZL_TYPE_AAAA)
		;
	return r;
}

const zl_record *ad_addr_first(const zl_view *v, const zl_name *owner,
                               zl_iter *it)
{
	const zl_record *r = zl_view_find(v, owner, 0, it);

	if (r && zl_record_type(r) != ZL_TYPE_A && zl_record_type(r) != ZL_TYPE_AAAA)
		r = ad_addr_next(it);
	return r;
}

bool ad_on_networks(const zl_server *s, const zl_addr *a)
{
	for (size_t i = 0; i < zl_server_address_count(s); i++)
		if (zl_prefix_contains(zl_server_address(s, i), a))
			return true;
	return false;
}

const zl_addr *ad_addr_for(const zl_server *s, const zl_server *p)
{
	for (size_t i = 0; i < zl_server_address_count(s); i++)
		if (ad_on_networks(p, &zl_server_address(s, i)->addr))
			return &zl_server_address(s, i)->addr;
	return zl_server_address_count(s) ? &zl_server_address(s, 0)->addr : NULL;
}

const char *ad_addresses_text(const zl_server *s, char *buf, size_t size)
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

const char *ad_ps_quote(const char *s, char *buf, size_t size)
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

bool ad_dnscmd_safe(const char *s, const char *extra)
{
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || strchr("-_.*@", *p) ||
		      (extra && strchr(extra, *p))))
			return false;
	return true;
}

void ad_target_set(ad_target *t, const zl_server *on, const zl_zone *z,
                   const char *owner)
{
	ad_bare(zl_name_text(zl_server_name(on)), t->server, sizeof(t->server));
	ad_bare(zl_name_text(zl_zone_name(z)), t->zone, sizeof(t->zone));
	ad_node(owner, zl_zone_name(z), t->node, sizeof(t->node));
	ad_ps_quote(t->server, t->ps_server, sizeof(t->ps_server));
	ad_ps_quote(t->zone, t->ps_zone, sizeof(t->ps_zone));
	ad_ps_quote(t->node, t->ps_node, sizeof(t->ps_node));
}

bool ad_dnscmd_ok(zl_finding *f, const ad_target *t, const char *data)
{
	const char *bad = !ad_dnscmd_safe(t->server, NULL) ? t->server
	                  : !ad_dnscmd_safe(t->zone, NULL) ? t->zone
	                  : !ad_dnscmd_safe(t->node, NULL) ? t->node
	                  : !ad_dnscmd_safe(data, ": ") ? data : NULL;

	return ad_dnscmd_note(f, bad);
}

bool ad_dnscmd_note(zl_finding *f, const char *bad)
{
	if (bad)
		zl_finding_note(f, "no dnscmd command: cmd.exe would interpret characters "
		                "of %s (only letters, digits, '-', '_', '.', '*' and '@' are "
		                "passed to it safely); use the PowerShell command", bad);
	return !bad;
}

void ad_command_delete(zl_finding *f, const zl_server *on,
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

void ad_command_add(zl_finding *f, const zl_server *on,
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

const char *ad_addr_type(const zl_addr *a)
{
	return a->family == 4 ? "A" : "AAAA";
}

void ad_command_delete_addr(zl_finding *f, const zl_server *on,
                            const zl_zone *z, const zl_name *owner,
                            const zl_addr *a)
{
	char ip[ZL_ADDR_TEXT_MAX];

	ad_command_delete(f, on, z, zl_name_text(owner), ad_addr_type(a),
	                  zl_addr_format(a, ip, sizeof(ip)));
}

void ad_command_add_addr(zl_finding *f, const zl_server *on,
                         const zl_zone *z, const zl_name *owner,
                         const zl_addr *a)
{
	char ip[ZL_ADDR_TEXT_MAX], args[ZL_ADDR_TEXT_MAX + 20];

	zl_addr_format(a, ip, sizeof(ip));
	snprintf(args, sizeof(args), "-IPv%dAddress %s", a->family == 4 ? 4 : 6, ip);
	ad_command_add(f, on, z, zl_name_text(owner), ad_addr_type(a), ip,
	               ad_addr_type(a), args);
}

bool ad_pair_load(const zl_model *m, const zl_server *s,
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

bool ad_pair_broken(const ad_pair *pr)
{
	return pr->stale || !pr->records || pr->off_network;
}

void ad_pair_about(zl_finding *f, const ad_pair *pr, const char *data)
{
	zl_finding_zone(f, zl_zone_name(pr->zone));
	zl_finding_server(f, zl_server_name(pr->holder));
	zl_finding_owner(f, zl_server_name(pr->subject));
	zl_finding_data(f, data);
}

void ad_pair_command_add(zl_finding *f, const ad_pair *pr)
{
	ad_command_add_addr(f, pr->holder, pr->zone, zl_server_name(pr->subject),
	                    ad_addr_for(pr->subject, pr->holder));
}

const zl_record *ad_pair_stale_from(const ad_pair *pr, zl_iter *it,
                                    const zl_record *r, zl_addr *a)
{
	for (; r; r = ad_addr_next(it))
		if (zl_record_addr(r, a) && !zl_server_has_address(pr->subject, a))
			return r;
	return NULL;
}

const zl_record *ad_pair_stale_first(const ad_pair *pr, zl_iter *it,
                                     zl_addr *a)
{
	return ad_pair_stale_from(pr, it,
	                          ad_addr_first(pr->view, zl_server_name(pr->subject), it), a);
}

const zl_record *ad_pair_stale_next(const ad_pair *pr, zl_iter *it,
                                    zl_addr *a)
{
	return ad_pair_stale_from(pr, it, ad_addr_next(it), a);
}

void ad_pair_stale_fix(zl_finding *f, const ad_pair *pr,
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

void ad_pair_report_stale(zl_report *r, const ad_pair *pr,
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

void ad_pair_commands(zl_finding *f, const ad_pair *pr)
{
	zl_iter it;
	zl_addr a;

	for (const zl_record *r = ad_pair_stale_first(pr, &it, &a); r;
	     r = ad_pair_stale_next(pr, &it, &a))
		ad_command_delete_addr(f, pr->holder, pr->zone, zl_server_name(pr->subject), &a);
	if (pr->records == pr->stale || pr->off_network)
		ad_pair_command_add(f, pr);
}

void ad_each_partner_pair(const zl_model *m, zl_report *r, ad_pair_fn *fn)
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
