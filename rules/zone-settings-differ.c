/*
 * zone-settings-differ: the DNS servers hosting one zone disagree on a
 * setting that should be the same everywhere: dynamic update, transfers
 * (with their list) or aging.  Transfer settings live in each server's
 * registry and a change of replication scope resets them (KB 4050194);
 * Testimo and AsBuiltReport compare aging.  The reference value is the one
 * most servers hold, on a tie the tied value of the server whose name
 * sorts first (SPEC 6.2); one finding per (server, setting).
 */
#include <stdlib.h>

#include "lib/settings.h"

typedef enum setting { SET_UPDATE, SET_TRANSFERS, SET_AGING } setting;

static const char *const setting_names[] = {
	"dynamic update", "transfers", "aging",
};

static bool is_known(const zl_zone_settings *s, setting k)
{
	switch (k) {
	case SET_UPDATE:
		return s->dynamic_update != ZL_UPDATE_UNKNOWN;
	case SET_TRANSFERS:
		return s->transfers != ZL_TRANSFERS_UNKNOWN;
	case SET_AGING:
		return s->aging.known;
	}
	return false;
}

static bool same(const zl_zone_settings *a, const zl_zone_settings *b, setting k)
{
	switch (k) {
	case SET_UPDATE:
		return a->dynamic_update == b->dynamic_update;
	case SET_TRANSFERS:
		return a->transfers == b->transfers &&
		       (a->transfers != ZL_TRANSFERS_LIST ||
		        st_lists_equal(&a->transfer_to, &b->transfer_to));
	case SET_AGING:
		return st_aging_equal(&a->aging, &b->aging);
	}
	return false;
}

static const char *text(const zl_zone_settings *s, setting k, char *buf, size_t size)
{
	switch (k) {
	case SET_UPDATE:
		snprintf(buf, size, "%s", zl_update_name(s->dynamic_update));
		return buf;
	case SET_TRANSFERS:
		return st_transfers_text(s, buf, size);
	case SET_AGING:
		return st_aging_text(&s->aging, buf, size);
	}
	return "";
}

static zl_location where(const zl_zone_settings *s, setting k)
{
	return k == SET_UPDATE ? s->dynamic_update_where
	       : k == SET_TRANSFERS ? s->transfers_where : s->aging.where;
}

static void fix(zl_finding *f, const zl_server *s, const zl_zone *z,
                const zl_zone_settings *ref, setting k)
{
	char list[ST_LIST_MAX];
	st_target t;

	zl_finding_fix(f, "give %s the %s setting of the other servers",
	               zl_name_text(zl_server_name(s)), setting_names[k]);
	if (k == SET_UPDATE && ref->dynamic_update != ZL_UPDATE_UNKNOWN)
		st_command_update(f, s, z, ref->dynamic_update);
	else if (k == SET_TRANSFERS)
		st_command_transfers(f, s, z, ref);
	if (k != SET_AGING)
		return;
	st_target_set(&t, s, z);
	st_addrs_text(ref->aging.scavenging_servers.addrs,
	              ref->aging.scavenging_servers.count, ",", list, sizeof list);
	zl_finding_command_on(f, t.on, ZL_TOOL_POWERSHELL, ZL_COMMAND_SET,
	                      "Set-DnsServerZoneAging -ComputerName %s -Name %s "
	                      "-Aging $%s%s%s", t.ps_server, t.ps_zone,
	                      ref->aging.enabled ? "true" : "false",
	                      ref->aging.scavenging_servers.count ? " -ScavengeServers " : "",
	                      list);
	if (ref->aging.days_known)
		zl_finding_command_on(f, t.on, ZL_TOOL_POWERSHELL, ZL_COMMAND_SET,
		                      "Set-DnsServerZoneAging -ComputerName %s -Name %s "
		                      "-NoRefreshInterval %u.00:00:00 -RefreshInterval "
		                      "%u.00:00:00", t.ps_server, t.ps_zone,
		                      ref->aging.no_refresh_days, ref->aging.refresh_days);
}

/* Index (among vals) of the reference value: most holders, ties to the
 * first server by name (hosts are sorted by name). */
static size_t reference(const zl_zone_settings *vals, const bool *known,
                        size_t n, setting k)
{
	size_t best = n, best_count = 0;

	for (size_t i = 0; i < n; i++) {
		size_t count = 0;

		if (!known[i])
			continue;
		for (size_t j = 0; j < n; j++)
			count += known[j] && same(&vals[i], &vals[j], k);
		if (count > best_count) {
			best = i;
			best_count = count;
		}
	}
	return best;
}

static void check_setting(zl_report *r, const zl_zone *z, const zl_server **hosts,
                          const zl_zone_settings *vals, size_t n, setting k,
                          bool *known, size_t *unknown)
{
	char a[ST_LIST_MAX], b[ST_LIST_MAX];
	size_t nk = 0, ref;

	for (size_t i = 0; i < n; i++)
		nk += known[i] = is_known(&vals[i], k);
	*unknown += n - nk;
	if (nk < 2)
		return;
	ref = reference(vals, known, n, k);
	for (size_t i = 0; i < n; i++) {
		if (!known[i] || same(&vals[i], &vals[ref], k))
			continue;
		zl_finding *f = zl_report_add(r, where(&vals[i], k),
			"%s of zone %s on %s is %s, but %s on %s",
			setting_names[k], zl_name_text(zl_zone_name(z)),
			zl_name_text(zl_server_name(hosts[i])), text(&vals[i], k, a, sizeof a),
			text(&vals[ref], k, b, sizeof b), zl_name_text(zl_server_name(hosts[ref])));
		zl_finding_zone(f, zl_zone_name(z));
		zl_finding_server(f, zl_server_name(hosts[i]));
		zl_finding_data(f, setting_names[k]);
		fix(f, hosts[i], z, &vals[ref], k);
	}
}

static int check_zone(zl_report *r, const zl_zone *z, size_t *unknown)
{
	size_t cap = zl_zone_host_count(z), n = 0;
	const zl_server **hosts = calloc(cap ? cap : 1, sizeof(*hosts));
	zl_zone_settings *vals = calloc(cap ? cap : 1, sizeof(*vals));
	bool *known = calloc(cap ? cap : 1, sizeof(*known));

	if (!hosts || !vals || !known) {
		free(hosts);
		free(vals);
		free(known);
		return -1;
	}
	for (size_t h = 0; h < cap; h++)
		if (st_runs_dns(zl_zone_host(z, h))) {
			hosts[n] = zl_zone_host(z, h);
			zl_zone_settings_on(z, hosts[n], &vals[n]);
			n++;
		}
	for (setting k = SET_UPDATE; n > 1 && k <= SET_AGING; k++)
		check_setting(r, z, hosts, vals, n, k, known, unknown);
	free(hosts);
	free(vals);
	free(known);
	return 0;
}

static int check(const zl_model *m, zl_report *r)
{
	size_t unknown = 0;

	for (size_t i = 0; i < zl_model_zone_count(m); i++)
		if (st_is_primary(zl_model_zone(m, i)) &&
		    check_zone(r, zl_model_zone(m, i), &unknown) != 0)
			return -1;
	if (unknown)
		zl_report_not_checked(r, "setting not known (server, zone, setting)",
		                      unknown);
	return 0;
}

const zl_rule zl_rule_zone_settings_differ = {
	.id = "zone-settings-differ",
	.pack = "ad",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "the DNS servers hosting a zone disagree on its dynamic update, "
	           "transfer or aging setting",
	.explanation =
	"The servers hosting one zone should treat it alike.  Transfer and notify\n"
	"settings are kept in each server's registry, not in AD, and changing the\n"
	"zone's replication scope resets them on every server (KB 4050194), so\n"
	"they drift.  Each setting (dynamic_update; transfers with transfer_to;\n"
	"aging as one value) is compared over the DNS-running hosting servers\n"
	"whose value is known; the reference is the value most servers hold, on a\n"
	"tie the one of the server whose name sorts first.  One finding per server\n"
	"and setting.\n"
	"\n"
	"Example:\n"
	"  forest.yaml:12:24: warning: transfers of zone corp. on dc2.corp. is\n"
	"  any, but ns on dc1.corp. [zone-settings-differ]\n"
	"\n"
	"Fix: give the server the reference value; for the example:\n"
	"  dnscmd dc2.corp /ZoneResetSecondaries corp /SecureNs\n"
	"  Set-DnsServerPrimaryZone -ComputerName 'dc2.corp' -Name 'corp' -SecureSecondaries TransferToZoneNameServer\n"
	"(dynamic update: dnscmd /Config with /AllowUpdate, or -DynamicUpdate;\n"
	"aging: Set-DnsServerZoneAging).",
	.check = check,
};
