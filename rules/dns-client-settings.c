/*
 * dns-client-settings: a DC's own resolver list.  A DC resolves the
 * locator records of its partners through it; pointing only at itself
 * makes an island that cannot find its partners after a failure (KB
 * 275278); loopback first delays start-up resolution (BPA ff807362); an
 * address that is no DNS server of the forest resolves no AD name (dcdiag
 * Basc, BPA dd378975).  Each clause is its own finding (SPEC 6.2).
 */
#include "lib/settings.h"

/* Is a, in s's list, the DC's own DNS server? */
static bool is_self(const zl_server *s, const zl_addr *a)
{
	return st_runs_dns(s) && (st_is_loopback(a) || zl_server_has_address(s, a));
}

/* Another DNS-running DC with an address, first by name, one of s's
 * domain when there is one; NULL when none. */
static const zl_server *other_dns_dc(const zl_model *m, const zl_server *s)
{
	const zl_server *any = NULL;

	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		const zl_server *o = zl_model_server(m, i);

		if (o == s || !st_runs_dns(o) || !(zl_server_roles(o) & ZL_ROLE_DC) ||
		    zl_server_address_count(o) == 0)
			continue;
		if (zl_server_domain(o) == zl_server_domain(s))
			return o;
		if (!any)
			any = o;
	}
	return any;
}

/* The fix: a partner first, then the DC itself by loopback (BPA
 * ff807362: loopback listed, not first). */
static void fix(zl_finding *f, const zl_model *m, const zl_server *s)
{
	const zl_server *o = other_dns_dc(m, s);
	char list[ST_LIST_MAX] = "";
	st_target t;

	if (o)
		zl_addr_format(&zl_server_address(o, 0)->addr, list, sizeof list);
	if (st_runs_dns(s))
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s127.0.0.1",
		         o ? "," : "");
	if (!list[0])
		return;
	st_target_set(&t, s, NULL);
	zl_finding_fix(f, "list another DNS-running DC first and the DC itself "
	               "(127.0.0.1) after it");
	/* Both halves run against the DC (CIM sessions to it), so it is the
	 * command's server. */
	zl_finding_command_on(f, t.on, ZL_TOOL_POWERSHELL, ZL_COMMAND_SET,
	                      "Get-DnsClient -CimSession %s | Set-DnsClientServerAddress "
	                      "-CimSession %s -ServerAddresses %s", t.ps_server,
	                      t.ps_server, list);
}

static zl_finding *add(zl_report *r, const zl_server *s, zl_location where,
                       const char *data, const char *what)
{
	zl_finding *f = zl_report_add(r, where, "%s: %s",
		zl_name_text(zl_server_name(s)), what);

	zl_finding_server(f, zl_server_name(s));
	zl_finding_data(f, data);
	return f;
}

static void check_server(const zl_model *m, zl_report *r, const zl_server *s,
                         const zl_addr_list *l)
{
	char t[ZL_ADDR_TEXT_MAX], msg[256];
	bool only_self = l->count > 0;

	if (l->count == 0) {
		fix(add(r, s, l->where, "empty", "the DC's resolver list (dns_client) "
		        "is empty: it resolves no name"), m, s);
		return;
	}
	if (st_is_loopback(&l->addrs[0]))
		fix(add(r, s, l->where, "loopback first", "the DC's resolver list "
		        "starts with a loopback address: list it after a partner"), m, s);
	for (size_t i = 0; i < l->count; i++) {
		const zl_addr *a = &l->addrs[i];
		const zl_server *o = st_server_with(m, a);

		only_self &= is_self(s, a);
		if (is_self(s, a) || (o && st_runs_dns(o)))
			continue;
		zl_addr_format(a, t, sizeof t);
		snprintf(msg, sizeof msg, "the DC resolves through %s, which is no "
		         "DNS server of the forest%s", t, st_is_loopback(a)
		         ? " (the DC itself does not run DNS)" : "");
		fix(add(r, s, l->where, t, msg), m, s);
	}
	if (only_self && other_dns_dc(m, s))
		fix(add(r, s, l->where, "island", "the DC resolves only through "
		        "itself: an island that loses its partners' records when its "
		        "own copy is stale (KB 275278)"), m, s);
}

static int check(const zl_model *m, zl_report *r)
{
	size_t unknown = 0;

	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		const zl_server *s = zl_model_server(m, i);
		zl_addr_list l = zl_server_dns_client(s);

		if (!(zl_server_roles(s) & ZL_ROLE_DC))
			continue;
		if (!l.known)
			unknown++;
		else
			check_server(m, r, s, &l);
	}
	if (unknown)
		zl_report_not_checked(r, "dns_client not known (DCs)", unknown);
	return 0;
}

const zl_rule zl_rule_dns_client_settings = {
	.id = "dns-client-settings",
	.pack = "ad",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "a DC's resolver list is empty, points only at itself, starts "
	           "with loopback, or names a host that is no DNS server",
	.explanation =
	"A DC finds its replication partners and registers its own records\n"
	"through its own resolver list (`dns_client`).  Four separate faults, one\n"
	"finding each: the list is empty; it lists only the DC itself while\n"
	"another DNS-running DC exists (an island: KB 275278); it starts with a\n"
	"loopback address (BPA: list loopback, but not first); it lists an\n"
	"address that is neither the DC itself (a loopback entry on a DC that\n"
	"runs DNS) nor a DNS-running server of the inventory (one per address).\n"
	"\n"
	"Example:\n"
	"  forest.yaml:8:17: warning: dc1.corp.: the DC's resolver list starts\n"
	"  with a loopback address: list it after a partner [dns-client-settings]\n"
	"\n"
	"Fix: list another DNS-running DC first and the DC itself (127.0.0.1)\n"
	"after it, on the DC:\n"
	"  Get-DnsClient -CimSession 'dc1.corp' | Set-DnsClientServerAddress -CimSession 'dc1.corp' -ServerAddresses 192.0.2.12,127.0.0.1",
	.check = check,
};
