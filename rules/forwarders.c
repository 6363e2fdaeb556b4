/*
 * forwarders: a server's forwarders.  One forwarder is a single point of
 * failure for every outside name (BPA "More than one forwarding server
 * should be configured", AsBuiltReport ForwarderMinBP); a forwarder that
 * is the server itself loops; the DNS servers of one domain should forward
 * alike (Testimo DomainDNSForwarders).  Each clause its own finding.
 */
#include <stdlib.h>

#include "lib/settings.h"

static void fix(zl_finding *f, const zl_server *s, const char *what,
                const zl_addr_list *to)
{
	char list[ST_LIST_MAX];
	st_target t;

	st_target_set(&t, s, NULL);
	zl_finding_fix(f, "%s", what);
	if (to && to->count)
		zl_finding_command_on(f, t.on, ZL_TOOL_POWERSHELL, ZL_COMMAND_SET,
		                      "Set-DnsServerForwarder -ComputerName %s -IPAddress %s",
		                      t.ps_server, st_addrs_text(to->addrs, to->count, ",",
		                                                 list, sizeof list));
}

static zl_finding *add(zl_report *r, const zl_server *s, zl_location where,
                       const char *data, const char *fmt, const char *arg)
{
	char msg[ST_LIST_MAX + 256];
	zl_finding *f;

	snprintf(msg, sizeof msg, fmt, arg);
	f = zl_report_add(r, where, "%s: %s", zl_name_text(zl_server_name(s)), msg);
	zl_finding_server(f, zl_server_name(s));
	zl_finding_data(f, data);
	return f;
}

static void check_own(zl_report *r, const zl_server *s, const zl_addr_list *l)
{
	char t[ZL_ADDR_TEXT_MAX];

	if (l->count == 1)
		fix(add(r, s, l->where, "one forwarder", "%sforwards to one server "
		        "only: when it fails, no outside name resolves", ""), s,
		    "configure a second forwarder", NULL);
	for (size_t i = 0; i < l->count; i++) {
		if (!zl_server_has_address(s, &l->addrs[i]) && !st_is_loopback(&l->addrs[i]))
			continue;
		zl_addr_format(&l->addrs[i], t, sizeof t);
		fix(add(r, s, l->where, t, "forwards to %s, its own address: queries "
		        "loop", t), s, "remove the server's own address from its "
		    "forwarders", NULL);
	}
}

/* The DNS servers of s's domain with known forwarders: the list most of
 * them hold, ties to the server whose name sorts first (servers are
 * sorted by name). */
static const zl_server *reference(const zl_model *m, const zl_name *domain)
{
	const zl_server *best = NULL;
	size_t best_count = 0;

	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		const zl_server *s = zl_model_server(m, i);
		zl_addr_list l = zl_server_forwarders(s);
		size_t count = 0;

		if (!st_runs_dns(s) || zl_server_domain(s) != domain || !l.known)
			continue;
		for (size_t j = 0; j < zl_model_server_count(m); j++) {
			const zl_server *o = zl_model_server(m, j);
			zl_addr_list ol = zl_server_forwarders(o);

			count += st_runs_dns(o) && zl_server_domain(o) == domain &&
			         st_lists_equal(&l, &ol);
		}
		if (count > best_count) {
			best = s;
			best_count = count;
		}
	}
	return best;
}

static void check_domain(zl_report *r, const zl_server *s, const zl_server *ref)
{
	zl_addr_list l = zl_server_forwarders(s), rl = zl_server_forwarders(ref);
	char a[ST_LIST_MAX], b[ST_LIST_MAX], msg[2 * ST_LIST_MAX + 256];

	if (s == ref || st_lists_equal(&l, &rl))
		return;
	snprintf(msg, sizeof msg, "forwards to [%s], but %s forwards to [%s]",
	         st_addrs_text(l.addrs, l.count, ", ", a, sizeof a),
	         zl_name_text(zl_server_name(ref)),
	         st_addrs_text(rl.addrs, rl.count, ", ", b, sizeof b));
	fix(add(r, s, l.where, "differs", "%s", msg), s, "give the DNS servers of "
	    "one domain the same forwarders", &rl);
}

/* The DNS servers of one domain (NULL: of none), each against the
 * domain's reference list, computed once. */
static size_t check_servers_of(const zl_model *m, zl_report *r, const zl_name *d)
{
	const zl_server *ref = reference(m, d);
	size_t unknown = 0;

	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		const zl_server *s = zl_model_server(m, i);
		zl_addr_list l = zl_server_forwarders(s);

		if (!st_runs_dns(s) || zl_server_domain(s) != d)
			continue;
		if (!l.known) {
			unknown++;
			continue;
		}
		check_own(r, s, &l);
		check_domain(r, s, ref);
	}
	return unknown;
}

static int check(const zl_model *m, zl_report *r)
{
	size_t unknown = check_servers_of(m, r, NULL);

	for (size_t i = 0; i < zl_model_domain_count(m); i++)
		unknown += check_servers_of(m, r, zl_model_domain(m, i));
	if (unknown)
		zl_report_not_checked(r, "forwarders not known (DNS servers)", unknown);
	return 0;
}

const zl_rule zl_rule_forwarders = {
	.id = "forwarders",
	.pack = "ad",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "a server has one forwarder, forwards to itself, or forwards "
	           "unlike the other DNS servers of its domain",
	.explanation =
	"Forwarders resolve every name outside the forest.  Three separate\n"
	"faults: a server with exactly one forwarder (when it fails, nothing\n"
	"outside resolves; the BPA asks for more than one); a forwarder that is\n"
	"the server's own address (queries loop); a DNS server whose list differs\n"
	"from the one most DNS servers of its domain hold (ties: the server whose\n"
	"name sorts first), so clients get different answers depending on the DC\n"
	"they ask.  `forwarders: []` means none configured (root hints).\n"
	"\n"
	"Example:\n"
	"  forest.yaml:9:17: warning: dc2.corp.: forwards to [192.0.2.53], but\n"
	"  dc1.corp. forwards to [192.0.2.53, 192.0.2.54] [forwarders]\n"
	"\n"
	"Fix: configure a second forwarder; remove the server's own address; give\n"
	"a server that differs the list of its domain:\n"
	"  Set-DnsServerForwarder -ComputerName 'dc2.corp' -IPAddress 192.0.2.53,192.0.2.54",
	.check = check,
};
