/* rules/lib/settings.c - see settings.h. */
#include "settings.h"

bool st_runs_dns(const zl_server *s)
{
	return (zl_server_roles(s) & ZL_ROLE_DNS) != 0;
}

bool st_is_ad(const zl_zone *z)
{
	return zl_zone_storage(z) != ZL_STORAGE_FILE;
}

bool st_is_primary(const zl_zone *z)
{
	return zl_zone_type(z) == ZL_ZONE_PRIMARY;
}

const zl_server *st_first_dns_host(const zl_zone *z)
{
	for (size_t i = 0; i < zl_zone_host_count(z); i++)
		if (st_runs_dns(zl_zone_host(z, i)))
			return zl_zone_host(z, i);
	return NULL;
}

const char *st_addrs_text(const zl_addr *a, size_t n,
                          const char *sep, char *buf, size_t size)
{
	char one[ZL_ADDR_TEXT_MAX];
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? sep : "",
		                         zl_addr_format(&a[i], one, sizeof one));
	return buf;
}

bool st_list_has(const zl_addr_list *l, const zl_addr *a)
{
	for (size_t i = 0; i < l->count; i++)
		if (zl_addr_equal(&l->addrs[i], a))
			return true;
	return false;
}

bool st_lists_equal(const zl_addr_list *a, const zl_addr_list *b)
{
	if (a->known != b->known || a->count != b->count)
		return false;
	for (size_t i = 0; i < a->count; i++)
		if (!zl_addr_equal(&a->addrs[i], &b->addrs[i]))
			return false;
	return true;
}

bool st_is_loopback(const zl_addr *a)
{
	static const uint8_t v6[16] = { [15] = 1 };

	return (a->family == 4 && a->bytes[0] == 127) ||
	       (a->family == 6 && memcmp(a->bytes, v6, 16) == 0);
}

const zl_server *st_server_with(const zl_model *m, const zl_addr *a)
{
	for (size_t i = 0; i < zl_model_server_count(m); i++)
		if (zl_server_has_address(zl_model_server(m, i), a))
			return zl_model_server(m, i);
	return NULL;
}

bool st_aging_equal(const zl_aging *a, const zl_aging *b)
{
	if (a->enabled != b->enabled || a->days_known != b->days_known)
		return false;
	if (a->days_known && (a->no_refresh_days != b->no_refresh_days ||
	                      a->refresh_days != b->refresh_days))
		return false;
	return st_lists_equal(&a->scavenging_servers, &b->scavenging_servers);
}

const char *st_aging_text(const zl_aging *a, char *buf, size_t size)
{
	char list[ST_LIST_MAX + 64] = "", days[64] = "", addrs[ST_LIST_MAX];

	if (a->days_known)
		snprintf(days, sizeof days, ", %u+%u days", a->no_refresh_days,
		         a->refresh_days);
	if (a->scavenging_servers.known)
		snprintf(list, sizeof list, ", scavenged by %s",
		         a->scavenging_servers.count
		         ? st_addrs_text(a->scavenging_servers.addrs,
		                         a->scavenging_servers.count, " ", addrs,
		                         sizeof addrs)
		         : "any hosting server");
	snprintf(buf, size, "%s%s%s", a->enabled ? "on" : "off", days, list);
	return buf;
}

const char *st_transfers_text(const zl_zone_settings *s, char *buf,
                              size_t size)
{
	char list[ST_LIST_MAX];

	if (s->transfers == ZL_TRANSFERS_LIST)
		snprintf(buf, size, "list %s",
		         st_addrs_text(s->transfer_to.addrs, s->transfer_to.count, " ",
		                       list, sizeof list));
	else
		snprintf(buf, size, "%s", zl_transfers_name(s->transfers));
	return buf;
}

void st_target_set(st_target *t, const zl_server *on, const zl_zone *z)
{
	t->on = zl_server_name(on);
	ad_bare(zl_name_text(t->on), t->server, sizeof t->server);
	ad_bare(z ? zl_name_text(zl_zone_name(z)) : "", t->zone, sizeof t->zone);
	ad_ps_quote(t->server, t->ps_server, sizeof t->ps_server);
	ad_ps_quote(t->zone, t->ps_zone, sizeof t->ps_zone);
}

bool st_dnscmd_ok(zl_finding *f, const st_target *t)
{
	const char *bad = !ad_dnscmd_safe(t->server, NULL) ? t->server
	                  : !ad_dnscmd_safe(t->zone, NULL) ? t->zone : NULL;

	return ad_dnscmd_note(f, bad);
}

void st_command_update(zl_finding *f, const zl_server *on,
                       const zl_zone *z, zl_update u)
{
	static const char *const ps[] = { "", "None", "NonsecureAndSecure", "Secure" };
	static const unsigned dnscmd[] = { 0, 0, 1, 2 };
	st_target t;

	st_target_set(&t, on, z);
	if (st_dnscmd_ok(f, &t))
		zl_finding_command_on(f, t.on, ZL_TOOL_DNSCMD, ZL_COMMAND_SET,
		                      "dnscmd %s /Config %s /AllowUpdate %u", t.server,
		                      t.zone, dnscmd[u]);
	zl_finding_command_on(f, t.on, ZL_TOOL_POWERSHELL, ZL_COMMAND_SET,
	                      "Set-DnsServerPrimaryZone -ComputerName %s -Name %s "
	                      "-DynamicUpdate %s", t.ps_server, t.ps_zone, ps[u]);
}

void st_command_transfers(zl_finding *f, const zl_server *on,
                          const zl_zone *z, const zl_zone_settings *to)
{
	static const char *const dn[] = { "", "/NoXfr", "/NonSecure", "/SecureNs", "/SecureList" };
	static const char *const ps[] = { "", "NoTransfer", "TransferAnyServer",
	                                  "TransferToZoneNameServer", "TransferToSecureServers" };
	char sp[ST_LIST_MAX], cm[ST_LIST_MAX];
	bool list = to->transfers == ZL_TRANSFERS_LIST;
	st_target t;

	st_target_set(&t, on, z);
	st_addrs_text(to->transfer_to.addrs, to->transfer_to.count, " ", sp, sizeof sp);
	st_addrs_text(to->transfer_to.addrs, to->transfer_to.count, ",", cm, sizeof cm);
	if (st_dnscmd_ok(f, &t))
		zl_finding_command_on(f, t.on, ZL_TOOL_DNSCMD, ZL_COMMAND_SET,
		                      "dnscmd %s /ZoneResetSecondaries %s %s%s%s", t.server,
		                      t.zone, dn[to->transfers], list ? " " : "", list ? sp : "");
	zl_finding_command_on(f, t.on, ZL_TOOL_POWERSHELL, ZL_COMMAND_SET,
	                      "Set-DnsServerPrimaryZone -ComputerName %s -Name %s "
	                      "-SecureSecondaries %s%s%s", t.ps_server, t.ps_zone,
	                      ps[to->transfers], list ? " -SecondaryServers " : "",
	                      list ? cm : "");
}
