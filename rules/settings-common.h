/*
 * rules/settings-common.h - what the rules about zone and server settings
 * (SPEC 6.2) share: who hosts a zone and runs DNS, addresses as text, the
 * values of one setting compared across servers, and the dnscmd /
 * PowerShell commands that change a setting.
 *
 * Static inline functions, as ad-common.h: every .c file in rules/ is a
 * rule of its own.  Only the public API is used.
 */
#ifndef ZL_RULES_SETTINGS_COMMON_H
#define ZL_RULES_SETTINGS_COMMON_H

#include <stdio.h>
#include <string.h>

#include <zonelint/zonelint.h>

#include "ad-common.h"

/* Room for a list of addresses as text. */
#define ST_LIST_MAX 2048

static inline bool st_runs_dns(const zl_server *s)
{
	return (zl_server_roles(s) & ZL_ROLE_DNS) != 0;
}

/* AD-integrated: stored in a directory partition. */
static inline bool st_is_ad(const zl_zone *z)
{
	return zl_zone_storage(z) != ZL_STORAGE_FILE;
}

static inline bool st_is_primary(const zl_zone *z)
{
	return zl_zone_type(z) == ZL_ZONE_PRIMARY;
}

/* The first DNS-running host of z (by name), where a zone-wide change is
 * made (AD replication carries it to the others); NULL when none. */
static inline const zl_server *st_first_dns_host(const zl_zone *z)
{
	for (size_t i = 0; i < zl_zone_host_count(z); i++)
		if (st_runs_dns(zl_zone_host(z, i)))
			return zl_zone_host(z, i);
	return NULL;
}

/* "a, b, c" (sep ", ") or "a,b,c" (sep ",") into buf. */
static inline const char *st_addrs_text(const zl_addr *a, size_t n,
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

static inline bool st_list_has(const zl_addr_list *l, const zl_addr *a)
{
	for (size_t i = 0; i < l->count; i++)
		if (zl_addr_equal(&l->addrs[i], a))
			return true;
	return false;
}

/* Same addresses in the same order. */
static inline bool st_lists_equal(const zl_addr_list *a, const zl_addr_list *b)
{
	if (a->known != b->known || a->count != b->count)
		return false;
	for (size_t i = 0; i < a->count; i++)
		if (!zl_addr_equal(&a->addrs[i], &b->addrs[i]))
			return false;
	return true;
}

static inline bool st_is_loopback(const zl_addr *a)
{
	static const uint8_t v6[16] = { [15] = 1 };

	return (a->family == 4 && a->bytes[0] == 127) ||
	       (a->family == 6 && memcmp(a->bytes, v6, 16) == 0);
}

/* The server of the model holding address a, or NULL. */
static inline const zl_server *st_server_with(const zl_model *m, const zl_addr *a)
{
	for (size_t i = 0; i < zl_model_server_count(m); i++)
		if (zl_server_has_address(zl_model_server(m, i), a))
			return zl_model_server(m, i);
	return NULL;
}

/* ---- one setting compared across a zone's servers (zone-settings-differ) -- */

/* Equality of two aging values as one setting (SPEC 6.2). */
static inline bool st_aging_equal(const zl_aging *a, const zl_aging *b)
{
	if (a->enabled != b->enabled || a->days_known != b->days_known)
		return false;
	if (a->days_known && (a->no_refresh_days != b->no_refresh_days ||
	                      a->refresh_days != b->refresh_days))
		return false;
	return st_lists_equal(&a->scavenging_servers, &b->scavenging_servers);
}

/* "on, 7+7 days, scavenged by 10.0.0.10" into buf. */
static inline const char *st_aging_text(const zl_aging *a, char *buf, size_t size)
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

/* "ns", "list 10.0.0.9 10.0.0.8" into buf. */
static inline const char *st_transfers_text(const zl_zone_settings *s, char *buf,
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

/* ---- commands --------------------------------------------------------------- */

/* The server a setting command acts on (JSON fix.run_on, the -f ps1 plan)
 * and the zone it changes, as dnscmd and PowerShell take them. */
typedef struct st_target {
	const zl_name *on;
	char server[AD_NAME_MAX];  /* no trailing dot */
	char zone[AD_NAME_MAX];    /* "" for a server-wide setting */
	char ps_server[2 * AD_NAME_MAX];   /* the same, quoted for PowerShell */
	char ps_zone[2 * AD_NAME_MAX];
} st_target;

/* `z` NULL: a setting of the server. */
static inline void st_target_set(st_target *t, const zl_server *on, const zl_zone *z)
{
	t->on = zl_server_name(on);
	ad_bare(zl_name_text(t->on), t->server, sizeof t->server);
	ad_bare(z ? zl_name_text(zl_zone_name(z)) : "", t->zone, sizeof t->zone);
	ad_ps_quote(t->server, t->ps_server, sizeof t->ps_server);
	ad_ps_quote(t->zone, t->ps_zone, sizeof t->ps_zone);
}

/* True when the dnscmd command for t can be given (its other arguments
 * are switches and addresses); else says why in a note, as ad_dnscmd_ok. */
static inline bool st_dnscmd_ok(zl_finding *f, const st_target *t)
{
	const char *bad = !ad_dnscmd_safe(t->server, NULL) ? t->server
	                  : !ad_dnscmd_safe(t->zone, NULL) ? t->zone : NULL;

	if (bad)
		zl_finding_note(f, "no dnscmd command: cmd.exe would interpret characters "
		                "of %s (only letters, digits, '-', '_', '.', '*' and '@' are "
		                "passed to it safely); use the PowerShell command", bad);
	return !bad;
}

/* dnscmd's /AllowUpdate and PowerShell's -DynamicUpdate for u. */
static inline void st_command_update(zl_finding *f, const zl_server *on,
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

/* dnscmd /ZoneResetSecondaries and -SecureSecondaries for a transfer
 * setting (SecureSecondaries 0 any, 1 NS, 2 list, 3 none). */
static inline void st_command_transfers(zl_finding *f, const zl_server *on,
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

#endif
