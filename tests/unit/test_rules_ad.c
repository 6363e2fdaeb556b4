/*
 * The `ad` rules about host records and DC locator records (issue 3): each
 * firing on a forest built for it, and silent where it must be.  Forests
 * are built in code: servers, zones, then zl_model_resolve, then views.
 */
#include <ldns/ldns.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "suites.h"
#include "settings.h"
#include "sources/rr_convert.h"
#include "../../rules/lib/ad.h"
#include "../../rules/lib/relations.h"

static const int64_t DAY = 86400;
/* 2026-11-27 00:00 UTC, in days since 1970 and in [AGE:N] hours. */
static const int64_t AUDIT_DAY = 20784;
static const uint32_t AUDIT_AGE = 3733392;

/* ---- building forests --------------------------------------------------- */

static zl_model *mk_model(const char *forest, const char *const *domains)
{
	zl_model *m = zl_model_new();

	ck_assert_ptr_nonnull(m);
	zl_model_set_forest(m, t_name(m, forest), LOC(2, 9));
	for (size_t i = 0; domains && domains[i]; i++)
		zl_model_add_domain(m, t_name(m, domains[i]), LOC(3, 1));
	zl_model_set_audit_date(m, AUDIT_DAY * DAY);
	return m;
}

/*
 * A server: addresses as "10.0.0.1/24 fd00::1/64", inbound replication as
 * "dc2.corp dc3.corp" (may be NULL), roles a ZL_ROLE_* mask.  Its inventory
 * entry is at line `line`, column 5.
 */
static zl_server *mk_server(zl_model *m, unsigned line, const char *name,
                            const char *addrs, unsigned roles, const char *from)
{
	zl_server *s = zl_model_add_server(m, t_name(m, name), LOC(line, 5));
	char buf[256];

	ck_assert_ptr_nonnull(s);
	zl_server_set_roles(s, roles);
	snprintf(buf, sizeof(buf), "%s", addrs);
	for (char *save = NULL, *w = strtok_r(buf, " ", &save); w;
	     w = strtok_r(NULL, " ", &save)) {
		zl_prefix p;
		char *slash = strchr(w, '/');
		ck_assert_ptr_nonnull(slash);
		*slash = '\0';
		ck_assert(zl_addr_parse(w, &p.addr));
		p.length = (uint8_t)atoi(slash + 1);
		ck_assert_int_eq(zl_server_add_address(s, &p), 0);
	}
	snprintf(buf, sizeof(buf), "%s", from ? from : "");
	for (char *save = NULL, *w = strtok_r(buf, " ", &save); w;
	     w = strtok_r(NULL, " ", &save))
		ck_assert_int_eq(zl_server_add_inbound_name(s, t_name(m, w), LOC(line + 1, 7)), 0);
	return s;
}

#define DC_DNS (ZL_ROLE_DC | ZL_ROLE_DNS)
#define DC_DNS_GC (ZL_ROLE_DC | ZL_ROLE_DNS | ZL_ROLE_GC)

/* A zone hosted on the servers named ("a b"), or by default when NULL. */
static zl_zone *mk_zone(zl_model *m, const char *name, zl_storage storage,
                        const char *hosts)
{
	zl_zone *z = t_zone(m, name, storage);
	char buf[256];

	snprintf(buf, sizeof(buf), "%s", hosts ? hosts : "");
	for (char *save = NULL, *w = strtok_r(buf, " ", &save); w;
	     w = strtok_r(NULL, " ", &save))
		ck_assert_int_eq(zl_zone_add_host_name(z, t_name(m, w), LOC(21, 7)), 0);
	return z;
}

/*
 * A copy of `zone` read from `path` by the servers named ("a b").  Line 1
 * is its SOA and line 2 its NS record; records[i] (NULL-terminated) is on
 * line i + 3.  A record may start with "[AGE:N] ", its aging stamp.
 */
static zl_view *mk_view(zl_model *m, const char *zone, const char *path,
                        const char *servers, const char *const *records)
{
	const zl_zone *z = zl_model_zone_find(m, t_name(m, zone));
	char buf[512];

	ck_assert_ptr_nonnull(z);
	zl_view *v = zl_model_add_view(m, (zl_zone *)z, path);
	ck_assert_ptr_nonnull(v);
	snprintf(buf, sizeof(buf), "%s. 3600 IN SOA ns.%s. hostmaster.%s. 1 900 600 86400 3600",
	         zone, zone, zone);
	t_record(m, v, 1, buf);
	snprintf(buf, sizeof(buf), "%s. 3600 IN NS ns.%s.", zone, zone);
	t_record(m, v, 2, buf);
	for (unsigned i = 0; records && records[i]; i++) {
		const char *text = records[i];
		uint32_t age = 0;
		if (strncmp(text, "[AGE:", 5) == 0) {
			age = (uint32_t)strtoul(text + 5, NULL, 10);
			text = strchr(text, ' ') + 1;
		}
		ldns_rr *rr = NULL;
		ck_assert_msg(ldns_rr_new_frm_str(&rr, text, 3600, NULL, NULL) == LDNS_STATUS_OK,
		              "bad test record '%s'", text);
		ck_assert_int_eq(zl_record_from_ldns(m, v, rr, 0, i + 3, age), 0);
		ldns_rr_free(rr);
	}
	snprintf(buf, sizeof(buf), "%s", servers);
	for (char *save = NULL, *w = strtok_r(buf, " ", &save); w;
	     w = strtok_r(NULL, " ", &save)) {
		const zl_server *s = zl_model_server_find(m, t_name(m, w));
		ck_assert_msg(s != NULL, "no server %s", w);
		ck_assert_int_eq(zl_view_attach_server(m, v, s), 0);
	}
	return v;
}

#define RECORDS(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define NO_RECORDS ((const char *const[]){ NULL })

static void resolve(zl_model *m)
{
	ck_assert_int_eq(zl_model_resolve(m), 0);
	ck_assert_uint_eq(zl_model_problem_count(m), 0);
}

/* Runs one rule and checks how many findings it gave. */
static zl_results *run(const zl_model *m, const char *rule, size_t expected)
{
	zl_results *r = t_run_rule(m, rule);

	ck_assert_msg(r->findings.n == expected, "%s: %zu findings, expected %zu%s%s",
	              rule, r->findings.n, expected, r->findings.n ? "; first: " : "",
	              r->findings.n ? r->findings.v[0]->message : "");
	return r;
}

static void assert_about(const zl_finding *f, const char *zone, const char *server,
                         const char *owner)
{
	ck_assert_str_eq(f->zone, zone);
	ck_assert_str_eq(f->server, server);
	if (owner)
		ck_assert_str_eq(f->owner, owner);
	else
		ck_assert_ptr_null(f->owner);
}

static void assert_at(const zl_finding *f, const char *file, uint32_t line)
{
	ck_assert_str_eq(f->file, file);
	ck_assert_uint_eq(f->line, line);
	ck_assert_uint_eq(f->column, 1);
}

/* Command i of f is `want` (commands come in dnscmd, PowerShell pairs). */
static void assert_cmd(const zl_finding *f, size_t i, const char *want)
{
	ck_assert_msg(i < f->commands.n, "no command %zu (of %zu)", i, f->commands.n);
	ck_assert_str_eq(f->commands.v[i], want);
}

/* The rule's --explain shows each kind of command f gives (dnscmd's
 * operation, the cmdlet), so the explanation promises no other fix. */
static void assert_explained(const zl_finding *f, const char *rule)
{
	zl_engine *e = zl_engine_new();
	const zl_rule *d = zl_engine_find(e, rule);
	char verb[64];

	ck_assert_ptr_nonnull(d);
	for (size_t i = 0; i < f->commands.n; i++) {
		const char *c = f->commands.v[i];
		if (strncmp(c, "dnscmd ", 7) == 0)
			ck_assert_int_eq(sscanf(c, "dnscmd %*s %63s", verb), 1);
		else
			ck_assert_int_eq(sscanf(c, "%63s", verb), 1);
		ck_assert_msg(strstr(d->explanation, verb), "--explain %s shows no %s",
		              rule, verb);
	}
	zl_engine_free(e);
}

/* f's whole fix: one dnscmd and one PowerShell line. */
static void assert_only_cmds(const zl_finding *f, const char *dnscmd, const char *powershell)
{
	ck_assert_uint_eq(f->commands.n, 2);
	ck_assert_str_eq(f->commands.v[0], dnscmd);
	ck_assert_str_eq(f->commands.v[1], powershell);
}

static void assert_has(const char *text, const char *part)
{
	ck_assert_msg(strstr(text, part) != NULL, "'%s' not in '%s'", part, text);
}

/* ---- the partner forest ---------------------------------------------------
 *
 * Single-label forest `corp`, zone corp (ad-domain) on four DNS servers.
 * dc1 has two addresses on two networks (server LAN 10.0.0.0/24 and
 * 10.5.0.0/24); dc4 lives on 10.5.0.0/24 only.  Replication (Y <- X: Y
 * replicates from X): dc1 <- dc2, dc2 <- dc1, dc3 <- dc2, dc4 <- dc3,
 * dc1 <- dc4.  dc1's partners are dc2 and dc4.
 */
static zl_model *partner_forest(void)
{
	zl_model *m = mk_model("corp", NULL);

	mk_server(m, 10, "dc1.corp", "10.0.0.1/24 10.5.0.1/24", DC_DNS, "dc2.corp dc4.corp");
	mk_server(m, 20, "dc2.corp", "10.0.0.2/24", DC_DNS, "dc1.corp");
	mk_server(m, 30, "dc3.corp", "10.0.0.3/24", DC_DNS, "dc2.corp");
	mk_server(m, 40, "dc4.corp", "10.5.0.4/24", DC_DNS, "dc3.corp");
	mk_zone(m, "corp", ZL_STORAGE_AD_DOMAIN, NULL);
	resolve(m);
	return m;
}

/* Every server's right records, dc1's at the end, in the shape Windows writes. */
#define GOOD_OTHERS "dc2.corp. 1200 IN A 10.0.0.2", "dc3.corp. 1200 IN A 10.0.0.3", \
	"dc4.corp. 1200 IN A 10.5.0.4"
#define GOOD_DC1 "dc1.corp. 1200 IN A 10.0.0.1", "dc1.corp. 1200 IN A 10.5.0.1"

/* The partner forest where dc1, dc2, dc3 share a right copy and dc4 reads
 * its own, zones/dc4/corp.dns, holding `dc4_records`. */
static zl_model *partner_forest_dc4(const char *const *dc4_records)
{
	zl_model *m = partner_forest();

	mk_view(m, "corp", "zones/corp.dns", "dc1.corp dc2.corp dc3.corp",
	        RECORDS(GOOD_OTHERS, GOOD_DC1));
	mk_view(m, "corp", "zones/dc4/corp.dns", "dc4.corp", dc4_records);
	return m;
}

/* ---- self-address-mismatch ------------------------------------------------ */

START_TEST(self_mismatch_wrong_record)
{
	zl_model *m = partner_forest();
	mk_view(m, "corp", "zones/dc1/corp.dns", "dc1.corp",
	        RECORDS(GOOD_OTHERS, GOOD_DC1, "dc1.corp. 1200 IN A 10.0.0.99"));
	mk_view(m, "corp", "zones/corp.dns", "dc2.corp dc3.corp dc4.corp",
	        RECORDS(GOOD_OTHERS, GOOD_DC1));
	zl_results *r = run(m, "self-address-mismatch", 1);
	const zl_finding *f = t_finding(r, 0);

	assert_at(f, "zones/dc1/corp.dns", 8);
	assert_about(f, "corp.", "dc1.corp.", "dc1.corp.");
	ck_assert_int_eq(f->severity, ZL_SEVERITY_ERROR);
	ck_assert_str_eq(f->message, "dc1.corp.'s own copy of zone corp. holds A record "
	                 "10.0.0.99 for it, which is not one of its addresses "
	                 "(10.0.0.1, 10.5.0.1)");
	/* Other right records remain: delete only. */
	assert_only_cmds(f, "dnscmd dc1.corp /RecordDelete corp dc1 A 10.0.0.99 /f",
	                 "Remove-DnsServerResourceRecord -ComputerName 'dc1.corp' "
	                 "-ZoneName 'corp' -Name 'dc1' -RRType A -RecordData '10.0.0.99' -Force");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(self_mismatch_missing_at_soa)
{
	zl_model *m = partner_forest();
	mk_view(m, "corp", "zones/corp.dns", "dc1.corp dc2.corp dc3.corp dc4.corp",
	        RECORDS(GOOD_OTHERS));
	zl_results *r = run(m, "self-address-mismatch", 1);
	const zl_finding *f = t_finding(r, 0);

	assert_at(f, "zones/corp.dns", 1);
	assert_about(f, "corp.", "dc1.corp.", "dc1.corp.");
	ck_assert_str_eq(f->message, "dc1.corp. has no A or AAAA record for itself in "
	                 "its own copy of zone corp.");
	assert_only_cmds(f, "dnscmd dc1.corp /RecordAdd corp dc1 A 10.0.0.1",
	                 "Add-DnsServerResourceRecordA -ComputerName 'dc1.corp' "
	                 "-ZoneName 'corp' -Name 'dc1' -IPv4Address 10.0.0.1");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* Only wrong records: the first finding also adds a right one. */
START_TEST(self_mismatch_only_wrong_records)
{
	zl_model *m = partner_forest();
	mk_view(m, "corp", "zones/corp.dns", "dc1.corp dc2.corp dc3.corp dc4.corp",
	        RECORDS(GOOD_OTHERS, "dc1.corp. 1200 IN A 10.0.0.98",
	                "dc1.corp. 1200 IN AAAA fd00::98"));
	zl_results *r = run(m, "self-address-mismatch", 2);

	ck_assert_uint_eq(t_finding(r, 0)->line, 6);
	ck_assert_uint_eq(t_finding(r, 0)->commands.n, 4);
	assert_cmd(t_finding(r, 0), 2, "dnscmd dc1.corp /RecordAdd corp dc1 A 10.0.0.1");
	ck_assert_uint_eq(t_finding(r, 1)->commands.n, 2);
	assert_cmd(t_finding(r, 1), 0,
	                 "dnscmd dc1.corp /RecordDelete corp dc1 AAAA fd00::98 /f");
	assert_has(t_finding(r, 1)->message, "holds AAAA record fd00::98");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* An address without a record is not flagged; AAAA counts like A; names
 * match whatever their case and trailing dot. */
START_TEST(self_mismatch_silent)
{
	zl_model *m = mk_model("Corp.", NULL);
	mk_server(m, 10, "DC1.corp", "10.0.0.1/24 fd00::1/64 10.5.0.1/24", DC_DNS, NULL);
	mk_zone(m, "CORP.", ZL_STORAGE_AD_DOMAIN, NULL);
	resolve(m);
	mk_view(m, "corp", "zones/corp.dns", "dc1.corp",
	        RECORDS("Dc1.CORP 1200 IN A 10.0.0.1", "dc1.corp. 1200 IN AAAA FD00:0::1"));
	zl_results *r = run(m, "self-address-mismatch", 0);

	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/*
 * A server of child domain emea.corp: its name lies in zone emea.corp,
 * which it hosts; the parent zone's glue for it (below the delegation) is
 * not its own copy and is not checked, even when wrong.
 */
static zl_model *child_forest(void)
{
	zl_model *m = mk_model("corp", (const char *const[]){ "corp", "emea.corp", NULL });
	mk_server(m, 10, "dc1.corp", "10.0.0.1/24", DC_DNS_GC, "dc5.emea.corp");
	mk_server(m, 20, "dc5.emea.corp", "10.2.0.5/24", DC_DNS, "dc1.corp");
	mk_zone(m, "corp", ZL_STORAGE_AD_DOMAIN, NULL);
	mk_zone(m, "emea.corp", ZL_STORAGE_AD_DOMAIN, NULL);
	resolve(m);
	return m;
}

START_TEST(self_mismatch_child_domain_zone)
{
	zl_model *m = child_forest();
	mk_view(m, "corp", "zones/corp.dns", "dc1.corp",
	        RECORDS("dc1.corp. 1200 IN A 10.0.0.1", "emea.corp. 3600 IN NS dc5.emea.corp.",
	                "dc5.emea.corp. 3600 IN A 10.9.9.9"));
	mk_view(m, "emea.corp", "zones/emea.corp.dns", "dc5.emea.corp",
	        RECORDS("dc5.emea.corp. 1200 IN A 10.2.0.55"));
	zl_results *r = run(m, "self-address-mismatch", 1);

	assert_at(t_finding(r, 0), "zones/emea.corp.dns", 3);
	assert_about(t_finding(r, 0), "emea.corp.", "dc5.emea.corp.", "dc5.emea.corp.");
	assert_cmd(t_finding(r, 0), 0,
	                 "dnscmd dc5.emea.corp /RecordDelete emea.corp dc5 A 10.2.0.55 /f");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* ---- partner-stale-address ------------------------------------------------ */

START_TEST(partner_stale_fires_per_address)
{
	zl_model *m = partner_forest();
	mk_view(m, "corp", "zones/corp.dns", "dc1.corp dc3.corp dc4.corp",
	        RECORDS(GOOD_OTHERS, GOOD_DC1));
	mk_view(m, "corp", "zones/dc2/corp.dns", "dc2.corp",
	        RECORDS(GOOD_OTHERS, "DC1.Corp 1200 IN A 10.0.0.1", "dc1.corp. 1200 IN A 10.0.0.9",
	                "dc1.CORP. 1200 IN AAAA fd00::9"));
	zl_results *r = run(m, "partner-stale-address", 2);
	const zl_finding *f = t_finding(r, 0);

	assert_at(f, "zones/dc2/corp.dns", 7);
	assert_about(f, "corp.", "dc2.corp.", "dc1.corp.");
	ck_assert_int_eq(f->severity, ZL_SEVERITY_ERROR);
	ck_assert_str_eq(f->message, "stale A record for dc1.corp. on its replication "
	                 "partner dc2.corp. (zone corp.): 10.0.0.9 is not an address of dc1.corp.");
	ck_assert_str_eq(f->fix, "delete the record on dc2.corp.");
	assert_only_cmds(f, "dnscmd dc2.corp /RecordDelete corp dc1 A 10.0.0.9 /f",
	                 "Remove-DnsServerResourceRecord -ComputerName 'dc2.corp' "
	                 "-ZoneName 'corp' -Name 'dc1' -RRType A -RecordData '10.0.0.9' -Force");
	f = t_finding(r, 1);
	assert_at(f, "zones/dc2/corp.dns", 8);
	assert_has(f->message, "stale AAAA record for dc1.corp.");
	assert_cmd(f, 1, "Remove-DnsServerResourceRecord -ComputerName 'dc2.corp' "
	                 "-ZoneName 'corp' -Name 'dc1' -RRType AAAA -RecordData 'fd00::9' -Force");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* Nothing right left: the first stale finding adds the address on the
 * partner's network (dc4 is on 10.5.0.0/24, so 10.5.0.1). */
START_TEST(partner_stale_only_adds_reachable_address)
{
	zl_model *m = partner_forest_dc4(RECORDS(GOOD_OTHERS, "dc1.corp. 1200 IN A 10.0.0.9",
	                                         "dc1.corp. 1200 IN A 10.5.0.9"));
	zl_results *r = run(m, "partner-stale-address", 2);

	ck_assert_uint_eq(t_finding(r, 0)->commands.n, 4);
	assert_cmd(t_finding(r, 0), 2, "dnscmd dc4.corp /RecordAdd corp dc1 A 10.5.0.1");
	assert_cmd(t_finding(r, 0), 3, "Add-DnsServerResourceRecordA "
	                 "-ComputerName 'dc4.corp' -ZoneName 'corp' -Name 'dc1' -IPv4Address 10.5.0.1");
	ck_assert_uint_eq(t_finding(r, 1)->commands.n, 2);
	zl_results_free(r);
	/* The records are there, though wrong: not also partner-missing-address. */
	r = run(m, "partner-missing-address", 0);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* A file shared by two partners: one finding for each, with its own fix. */
START_TEST(partner_stale_shared_file_each_partner)
{
	zl_model *m = partner_forest();
	mk_view(m, "corp", "zones/dc1/corp.dns", "dc1.corp", RECORDS(GOOD_OTHERS, GOOD_DC1));
	mk_view(m, "corp", "zones/corp.dns", "dc2.corp dc3.corp dc4.corp",
	        RECORDS(GOOD_OTHERS, GOOD_DC1, "dc1.corp. 1200 IN A 10.0.0.9"));
	zl_results *r = run(m, "partner-stale-address", 2);

	/* dc3 shares the file but is no partner of dc1: nothing for it. */
	ck_assert_str_eq(t_finding(r, 0)->server, "dc2.corp.");
	ck_assert_str_eq(t_finding(r, 1)->server, "dc4.corp.");
	ck_assert_uint_eq(t_finding(r, 1)->line, 8);
	assert_cmd(t_finding(r, 1), 0,
	                 "dnscmd dc4.corp /RecordDelete corp dc1 A 10.0.0.9 /f");
	ck_assert_str_ne(t_finding(r, 0)->fingerprint, t_finding(r, 1)->fingerprint);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* Not checked: a partner that does not run DNS, and one that hosts no
 * zone enclosing the server's name. */
START_TEST(partner_stale_unchecked_partners)
{
	zl_model *m = mk_model("corp", (const char *const[]){ "corp", "emea.corp", NULL });
	mk_server(m, 10, "dc1.corp", "10.0.0.1/24", DC_DNS, "dc5.emea.corp dc6.corp");
	mk_server(m, 20, "dc5.emea.corp", "10.2.0.5/24", DC_DNS, "dc1.corp");
	mk_server(m, 30, "dc6.corp", "10.0.0.6/24", ZL_ROLE_DC, "dc1.corp");
	mk_zone(m, "corp", ZL_STORAGE_AD_DOMAIN, NULL);
	mk_zone(m, "emea.corp", ZL_STORAGE_AD_DOMAIN, NULL);
	mk_zone(m, "_msdcs.corp", ZL_STORAGE_AD_FOREST, NULL);
	resolve(m);
	mk_view(m, "corp", "zones/corp.dns", "dc1.corp",
	        RECORDS("dc1.corp. 1200 IN A 10.0.0.1", "dc6.corp. 1200 IN A 10.0.0.6",
	                "emea.corp. 3600 IN NS dc5.emea.corp."));
	mk_view(m, "emea.corp", "zones/emea.corp.dns", "dc5.emea.corp",
	        RECORDS("dc5.emea.corp. 1200 IN A 10.2.0.5"));
	mk_view(m, "_msdcs.corp", "zones/_msdcs.corp.dns", "dc1.corp dc5.emea.corp", NO_RECORDS);
	static const char *const rules[] = {
		"partner-stale-address", "partner-missing-address",
		"partner-no-same-network-address", "partner-repair-plan",
	};
	for (size_t i = 0; i < 4; i++)
		zl_results_free(run(m, rules[i], 0));
	zl_model_free(m);
}
END_TEST

START_TEST(partner_stale_silent_when_right)
{
	zl_model *m = partner_forest();
	mk_view(m, "corp", "zones/corp.dns", "dc1.corp dc2.corp dc3.corp dc4.corp",
	        RECORDS(GOOD_OTHERS, GOOD_DC1));
	zl_results_free(run(m, "partner-stale-address", 0));
	zl_results_free(run(m, "partner-missing-address", 0));
	zl_results_free(run(m, "partner-no-same-network-address", 0));
	zl_results_free(run(m, "partner-repair-plan", 0));
	zl_results_free(run(m, "self-address-mismatch", 0));
	zl_model_free(m);
}
END_TEST

/*
 * dc1.<forest> and dc2.<forest>, replicating with each other, with the
 * addresses given, sharing one copy of zone <forest> that holds `records`.
 */
static zl_model *two_dc_forest(const char *forest, const char *addrs1, const char *addrs2,
                               const char *const *records)
{
	zl_model *m = mk_model(forest, NULL);
	char dc1[128], dc2[128], path[160], both[260];

	snprintf(dc1, sizeof(dc1), "dc1.%s", forest);
	snprintf(dc2, sizeof(dc2), "dc2.%s", forest);
	mk_server(m, 10, dc1, addrs1, DC_DNS, dc2);
	mk_server(m, 20, dc2, addrs2, DC_DNS, dc1);
	mk_zone(m, forest, ZL_STORAGE_AD_DOMAIN, NULL);
	resolve(m);
	snprintf(path, sizeof(path), "zones/%s.dns", forest);
	snprintf(both, sizeof(both), "%s %s", dc1, dc2);
	mk_view(m, forest, path, both, records);
	return m;
}

/* ---- partner-missing-address --------------------------------------------- */

START_TEST(partner_missing_adds_same_network_address)
{
	zl_model *m = partner_forest_dc4(RECORDS(GOOD_OTHERS));
	zl_results *r = run(m, "partner-missing-address", 1);
	const zl_finding *f = t_finding(r, 0);

	assert_at(f, "zones/dc4/corp.dns", 1);
	assert_about(f, "corp.", "dc4.corp.", "dc1.corp.");
	ck_assert_str_eq(f->message, "no A or AAAA record for dc1.corp. on its replication "
	                 "partner dc4.corp. (zone corp.): dc4.corp. cannot find dc1.corp. "
	                 "to replicate with it");
	ck_assert_str_eq(f->fix, "add 10.5.0.1, the address of dc1.corp. on dc4.corp.'s "
	                 "network, to the copy on dc4.corp.");
	assert_only_cmds(f, "dnscmd dc4.corp /RecordAdd corp dc1 A 10.5.0.1",
	                 "Add-DnsServerResourceRecordA -ComputerName 'dc4.corp' "
	                 "-ZoneName 'corp' -Name 'dc1' -IPv4Address 10.5.0.1");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* A partner on no network of the server: its first address; an IPv6
 * address is added as AAAA. */
START_TEST(partner_missing_other_network_and_ipv6)
{
	zl_model *m = two_dc_forest("ad.example", "fd00:1::1/64 10.0.0.1/24", "10.7.0.2/24",
	                            RECORDS("dc2.ad.example. 1200 IN A 10.7.0.2"));
	zl_results *r = run(m, "partner-missing-address", 1);
	const zl_finding *f = t_finding(r, 0);

	ck_assert_str_eq(f->server, "dc2.ad.example.");
	ck_assert_str_eq(f->fix, "add fd00:1::1, the first address of dc1.ad.example. (it "
	                 "has none on dc2.ad.example.'s networks), to the copy on dc2.ad.example.");
	assert_cmd(f, 0, "dnscmd dc2.ad.example /RecordAdd ad.example dc1 "
	                 "AAAA fd00:1::1");
	assert_cmd(f, 1, "Add-DnsServerResourceRecordAAAA -ComputerName '"
	                 "dc2.ad.example' -ZoneName 'ad.example' -Name 'dc1' -IPv6Address fd00:1::1");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* The server at the apex of its own zone: node "@". */
START_TEST(partner_missing_at_apex)
{
	zl_model *m = mk_model("corp", NULL);
	mk_server(m, 10, "corp", "10.0.0.1/24", DC_DNS, "dc2.corp");
	mk_server(m, 20, "dc2.corp", "10.0.0.2/24", DC_DNS, NULL);
	mk_zone(m, "corp", ZL_STORAGE_AD_DOMAIN, NULL);
	resolve(m);
	mk_view(m, "corp", "zones/corp.dns", "corp", RECORDS("corp. 600 IN A 10.0.0.1",
	        "dc2.corp. 600 IN A 10.0.0.2"));
	mk_view(m, "corp", "zones/dc2/corp.dns", "dc2.corp", RECORDS("dc2.corp. 600 IN A 10.0.0.2"));
	zl_results *r = run(m, "partner-missing-address", 1);

	assert_cmd(t_finding(r, 0), 0, "dnscmd dc2.corp /RecordAdd corp @ A 10.0.0.1");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* ---- partner-no-same-network-address -------------------------------------- */

START_TEST(partner_no_same_network_fires)
{
	/* dc4 (10.5.0.0/24) holds a stale 10.5.0.9 and dc1's server LAN address:
	 * the stale one does not count as on its network. */
	zl_model *m = partner_forest_dc4(RECORDS(GOOD_OTHERS, "dc1.corp. 1200 IN A 10.5.0.9",
	                                         "dc1.corp. 1200 IN A 10.0.0.1"));
	zl_results *r = run(m, "partner-no-same-network-address", 1);
	const zl_finding *f = t_finding(r, 0);

	assert_at(f, "zones/dc4/corp.dns", 6);
	assert_about(f, "corp.", "dc4.corp.", "dc1.corp.");
	ck_assert_int_eq(f->severity, ZL_SEVERITY_WARNING);
	ck_assert_str_eq(f->message, "dc4.corp. holds only addresses of dc1.corp. off its own "
	                 "networks (zone corp.): 10.5.0.1, the address of dc1.corp. on "
	                 "dc4.corp.'s network, is missing");
	ck_assert_uint_eq(f->commands.n, 2);
	assert_cmd(f, 0, "dnscmd dc4.corp /RecordAdd corp dc1 A 10.5.0.1");
	zl_results_free(r);
	zl_results_free(run(m, "partner-stale-address", 1));
	zl_model_free(m);
}
END_TEST

/* Its finding involves the subject, whose connection with dc4 it colours. */
START_TEST(partner_no_same_network_involves_subject)
{
	zl_model *m = partner_forest_dc4(RECORDS(GOOD_OTHERS, "dc1.corp. 1200 IN A 10.0.0.1"));
	zl_results *r = run(m, "partner-no-same-network-address", 1);

	ck_assert_str_eq(t_finding(r, 0)->server, "dc4.corp.");
	ck_assert_uint_eq(t_finding(r, 0)->involves.n, 1);
	ck_assert_str_eq(t_finding(r, 0)->involves.v[0], "dc1.corp.");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(partner_no_same_network_ipv6)
{
	zl_model *m = two_dc_forest("corp", "10.0.0.1/24 fd00:1:0:5::1/64", "fd00:1:0:5::2/64",
	                            RECORDS("dc1.corp. 1200 IN A 10.0.0.1",
	                                    "dc2.corp. 1200 IN AAAA fd00:1:0:5::2"));
	zl_results *r = run(m, "partner-no-same-network-address", 1);

	ck_assert_str_eq(t_finding(r, 0)->server, "dc2.corp.");
	assert_cmd(t_finding(r, 0), 1, "Add-DnsServerResourceRecordAAAA "
	                 "-ComputerName 'dc2.corp' -ZoneName 'corp' -Name 'dc1' -IPv6Address fd00:1:0:5::1");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* Different sites on routed networks: normal. */
START_TEST(partner_no_same_network_silent_across_sites)
{
	zl_model *m = two_dc_forest("corp", "10.0.0.1/24", "10.1.0.2/24",
	                            RECORDS("dc1.corp. 1200 IN A 10.0.0.1",
	                                    "dc2.corp. 1200 IN A 10.1.0.2"));
	zl_results_free(run(m, "partner-no-same-network-address", 0));
	zl_model_free(m);
}
END_TEST

/* ---- partner-repair-plan ------------------------------------------------- */

/*
 * dc1's partners dc2, dc3, dc4, all affected.  Replication: dc2 <- dc3,
 * dc3 <- dc2, dc4 <- dc3 (and dc2, dc3 <- dc1, dc1 <- dc4).  Without
 * `isolated`, fixing dc2 reaches dc3 and dc4.  With it, dc4 replicates from
 * dc1 only: nothing but dc1 reaches it.
 */
static zl_model *plan_forest(bool isolated)
{
	zl_model *m = mk_model("corp", NULL);

	mk_server(m, 10, "dc1.corp", "10.0.0.1/24", DC_DNS, "dc4.corp");
	mk_server(m, 20, "dc2.corp", "10.0.0.2/24", DC_DNS, "dc1.corp dc3.corp");
	mk_server(m, 30, "dc3.corp", "10.0.0.3/24", DC_DNS, "dc1.corp dc2.corp");
	mk_server(m, 40, "dc4.corp", "10.0.0.4/24", DC_DNS, isolated ? "dc1.corp" : "dc3.corp");
	mk_zone(m, "corp", ZL_STORAGE_AD_DOMAIN, NULL);
	resolve(m);
	mk_view(m, "corp", "zones/dc1/corp.dns", "dc1.corp",
	        RECORDS("dc1.corp. 600 IN A 10.0.0.1", "dc2.corp. 600 IN A 10.0.0.2",
	                "dc3.corp. 600 IN A 10.0.0.3", "dc4.corp. 600 IN A 10.0.0.4"));
	mk_view(m, "corp", "zones/dc2/corp.dns", "dc2.corp",
	        RECORDS("dc1.corp. 600 IN A 10.0.0.9", "dc2.corp. 600 IN A 10.0.0.2",
	                "dc3.corp. 600 IN A 10.0.0.3", "dc4.corp. 600 IN A 10.0.0.4"));
	mk_view(m, "corp", "zones/dc3/corp.dns", "dc3.corp",
	        RECORDS("dc2.corp. 600 IN A 10.0.0.2",
	                "dc3.corp. 600 IN A 10.0.0.3", "dc4.corp. 600 IN A 10.0.0.4"));
	mk_view(m, "corp", "zones/dc4/corp.dns", "dc4.corp",
	        RECORDS("dc1.corp. 600 IN A 10.0.0.8", "dc2.corp. 600 IN A 10.0.0.2",
	                "dc3.corp. 600 IN A 10.0.0.3", "dc4.corp. 600 IN A 10.0.0.4"));
	return m;
}

START_TEST(plan_one_fix_reaches_all)
{
	zl_model *m = plan_forest(false);
	zl_results *r = run(m, "partner-repair-plan", 1);
	const zl_finding *f = t_finding(r, 0);

	ck_assert_int_eq(f->severity, ZL_SEVERITY_INFO);
	ck_assert_str_eq(f->file, "forest.yaml");
	ck_assert_uint_eq(f->line, 10);
	ck_assert_uint_eq(f->column, 5);
	ck_assert_str_eq(f->server, "dc1.corp.");
	ck_assert_ptr_null(f->owner);
	ck_assert_str_eq(f->zone, "corp.");
	ck_assert_str_eq(f->message, "repair the host records of dc1.corp. on dc2.corp.: "
	                 "replication then carries them to dc3.corp. and dc4.corp.");
	/* Only dc2's commands: delete the stale one, add the right one. */
	ck_assert_uint_eq(f->commands.n, 4);
	assert_cmd(f, 0, "dnscmd dc2.corp /RecordDelete corp dc1 A 10.0.0.9 /f");
	assert_cmd(f, 2, "dnscmd dc2.corp /RecordAdd corp dc1 A 10.0.0.1");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(plan_partner_only_reachable_through_server)
{
	zl_model *m = plan_forest(true);
	zl_results *r = run(m, "partner-repair-plan", 1);
	const zl_finding *f = t_finding(r, 0);

	ck_assert_str_eq(f->message, "repair the host records of dc1.corp. on dc2.corp. and "
	                 "dc4.corp.: replication then carries them to dc3.corp.; no other "
	                 "partner reaches dc4.corp. except through dc1.corp., so it needs "
	                 "its own fix");
	ck_assert_uint_eq(f->commands.n, 8);
	assert_cmd(f, 4, "dnscmd dc4.corp /RecordDelete corp dc1 A 10.0.0.8 /f");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* The servers a finding involves, as the graph reads them: each partner
 * finding names its subject (held by its `server`), the plan the partners
 * it says to fix, in its order. */
START_TEST(plan_and_partner_relations)
{
	zl_model *m = plan_forest(true);
	zl_results *r = run(m, "partner-repair-plan", 1);
	const zl_finding *f = t_finding(r, 0);

	ck_assert_uint_eq(f->partners.n, 2);
	ck_assert_str_eq(f->partners.v[0], "dc2.corp.");
	ck_assert_str_eq(f->partners.v[1], "dc4.corp.");
	ck_assert_uint_eq(f->involves.n, 0);
	zl_results_free(r);
	r = run(m, "partner-stale-address", 2);
	for (size_t i = 0; i < 2; i++) {
		f = t_finding(r, i);
		ck_assert_uint_eq(f->involves.n, 1);
		ck_assert_str_eq(f->involves.v[0], "dc1.corp.");
		ck_assert_str_ne(f->server, "dc1.corp.");
		ck_assert_uint_eq(f->partners.n, 0);
	}
	zl_results_free(r);
	r = run(m, "partner-missing-address", 1);
	ck_assert_str_eq(t_finding(r, 0)->server, "dc3.corp.");
	ck_assert_uint_eq(t_finding(r, 0)->involves.n, 1);
	ck_assert_str_eq(t_finding(r, 0)->involves.v[0], "dc1.corp.");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* Two partners that reach each other: the first by name is chosen. */
START_TEST(plan_ties_by_name)
{
	zl_model *m = mk_model("corp", NULL);
	mk_server(m, 10, "dc1.corp", "10.0.0.1/24", DC_DNS, NULL);
	mk_server(m, 20, "dcb.corp", "10.0.0.2/24", DC_DNS, "dc1.corp dca.corp");
	mk_server(m, 30, "dca.corp", "10.0.0.3/24", DC_DNS, "dc1.corp dcb.corp");
	mk_zone(m, "corp", ZL_STORAGE_AD_DOMAIN, NULL);
	resolve(m);
	mk_view(m, "corp", "zones/dc1/corp.dns", "dc1.corp", RECORDS("dc1.corp. 600 IN A 10.0.0.1",
	        "dca.corp. 600 IN A 10.0.0.3", "dcb.corp. 600 IN A 10.0.0.2"));
	mk_view(m, "corp", "zones/corp.dns", "dca.corp dcb.corp",
	        RECORDS("dca.corp. 600 IN A 10.0.0.3", "dcb.corp. 600 IN A 10.0.0.2"));
	zl_results *r = run(m, "partner-repair-plan", 1);

	ck_assert_str_eq(t_finding(r, 0)->message, "repair the host records of dc1.corp. on "
	                 "dca.corp.: replication then carries them to dcb.corp.");
	assert_cmd(t_finding(r, 0), 0, "dnscmd dca.corp /RecordAdd corp dc1 A 10.0.0.1");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* A partner whose copy is right counts as a candidate: the plan may pick it
 * when it reaches the most, and says it needs nothing. */
START_TEST(plan_right_partner_as_candidate)
{
	zl_model *m = mk_model("corp", NULL);
	mk_server(m, 10, "dc1.corp", "10.0.0.1/24", DC_DNS, "dc2.corp");
	mk_server(m, 20, "dc2.corp", "10.0.0.2/24", DC_DNS, "dc1.corp");
	mk_server(m, 30, "dc3.corp", "10.0.0.3/24", DC_DNS, "dc1.corp dc2.corp");
	mk_server(m, 40, "dc4.corp", "10.0.0.4/24", DC_DNS, "dc1.corp dc2.corp");
	mk_zone(m, "corp", ZL_STORAGE_AD_DOMAIN, NULL);
	resolve(m);
	mk_view(m, "corp", "zones/corp.dns", "dc1.corp dc2.corp", RECORDS("dc1.corp. 600 IN A 10.0.0.1",
	        "dc2.corp. 600 IN A 10.0.0.2", "dc3.corp. 600 IN A 10.0.0.3",
	        "dc4.corp. 600 IN A 10.0.0.4"));
	mk_view(m, "corp", "zones/dc3/corp.dns", "dc3.corp dc4.corp", RECORDS(
	        "dc2.corp. 600 IN A 10.0.0.2", "dc3.corp. 600 IN A 10.0.0.3",
	        "dc4.corp. 600 IN A 10.0.0.4"));
	zl_results *r = run(m, "partner-repair-plan", 1);
	const zl_finding *f = t_finding(r, 0);

	ck_assert_str_eq(f->message, "repair the host records of dc1.corp. on dc2.corp.: "
	                 "replication then carries them to dc3.corp. and dc4.corp.");
	ck_assert_uint_eq(f->notes.n, 1);
	ck_assert_str_eq(f->notes.v[0], "dc2.corp. already holds the right records for dc1.corp.");
	ck_assert_uint_eq(f->commands.n, 0);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(plan_single_affected_partner)
{
	zl_model *m = mk_model("corp", NULL);
	mk_server(m, 10, "dc1.corp", "10.0.0.1/24", DC_DNS, NULL);
	mk_server(m, 20, "dc2.corp", "10.0.0.2/24", DC_DNS, "dc1.corp");
	mk_zone(m, "corp", ZL_STORAGE_AD_DOMAIN, NULL);
	resolve(m);
	mk_view(m, "corp", "zones/dc1/corp.dns", "dc1.corp", RECORDS("dc1.corp. 600 IN A 10.0.0.1",
	        "dc2.corp. 600 IN A 10.0.0.2"));
	mk_view(m, "corp", "zones/dc2/corp.dns", "dc2.corp", RECORDS("dc1.corp. 600 IN A 10.0.0.7",
	        "dc2.corp. 600 IN A 10.0.0.2"));
	zl_results *r = run(m, "partner-repair-plan", 1);

	ck_assert_str_eq(t_finding(r, 0)->message, "repair the host records of dc1.corp. on "
	                 "dc2.corp., its only affected replication partner");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* ---- dc-guid-cname -------------------------------------------------------- */

#define GUID1 "7e80696e-661e-486b-a4fc-1331c1925246"
#define GUID2 "a51b5581-4cf1-4e62-9667-39b9482f3dce"

/* corp with _msdcs.corp as a zone of its own, on dc1, dc2, dc3. */
static zl_model *msdcs_forest(bool own_zone)
{
	zl_model *m = mk_model("corp", NULL);
	zl_server_set_dsa_guid(mk_server(m, 10, "dc1.corp", "10.0.0.1/24", DC_DNS, NULL), GUID1);
	zl_server_set_dsa_guid(mk_server(m, 20, "dc2.corp", "10.0.0.2/24", DC_DNS, NULL), GUID2);
	mk_server(m, 30, "dc3.corp", "10.0.0.3/24", DC_DNS, NULL);   /* no guid given */
	mk_zone(m, "corp", ZL_STORAGE_AD_DOMAIN, NULL);
	if (own_zone)
		mk_zone(m, "_msdcs.corp", ZL_STORAGE_AD_FOREST, NULL);
	resolve(m);
	return m;
}

START_TEST(guid_cname_missing_and_wrong)
{
	zl_model *m = msdcs_forest(true);
	mk_view(m, "corp", "zones/corp.dns", "dc1.corp dc2.corp dc3.corp",
	        RECORDS("_msdcs.corp. 3600 IN NS dc1.corp."));
	mk_view(m, "_msdcs.corp", "zones/_msdcs.corp.dns", "dc1.corp",
	        RECORDS(GUID1 "._msdcs.corp. 600 IN CNAME dc1.corp.",
	                GUID2 "._msdcs.corp. 600 IN CNAME DC2.Corp"));
	mk_view(m, "_msdcs.corp", "zones/dc2/_msdcs.corp.dns", "dc2.corp dc3.corp",
	        RECORDS(GUID2 "._msdcs.corp. 600 IN CNAME dc3.corp."));
	zl_results *r = run(m, "dc-guid-cname", 2);
	const zl_finding *f = t_finding(r, 0);

	/* dc1's alias missing from the shared copy: once, on its SOA line. */
	assert_at(f, "zones/dc2/_msdcs.corp.dns", 1);
	assert_about(f, "_msdcs.corp.", "dc1.corp.", GUID1 "._msdcs.corp.");
	ck_assert_str_eq(f->message, "no CNAME " GUID1 "._msdcs.corp. to dc1.corp. in zone "
	                 "_msdcs.corp. on dc2.corp.");
	assert_cmd(f, 0, "dnscmd dc2.corp /RecordAdd _msdcs.corp " GUID1
	                 " CNAME dc1.corp");
	assert_cmd(f, 1, "Add-DnsServerResourceRecordCName -ComputerName '"
	                 "dc2.corp' -ZoneName '_msdcs.corp' -Name '" GUID1 "' -HostNameAlias 'dc1.corp'");
	/* About dc1, run on dc2, the copy's server (JSON fix.run_on). */
	ck_assert_uint_eq(f->command_info.n, 2);
	ck_assert_str_eq(f->command_info.v[0].run_on, "dc2.corp.");
	ck_assert_int_eq(f->command_info.v[0].tool, ZL_TOOL_DNSCMD);
	ck_assert_int_eq(f->command_info.v[1].tool, ZL_TOOL_POWERSHELL);
	ck_assert_int_eq(f->command_info.v[1].kind, ZL_COMMAND_ADD);
	/* dc2's alias points to dc3: on its line, replaced. */
	f = t_finding(r, 1);
	assert_at(f, "zones/dc2/_msdcs.corp.dns", 3);
	assert_about(f, "_msdcs.corp.", "dc2.corp.", GUID2 "._msdcs.corp.");
	ck_assert_str_eq(f->message, GUID2 "._msdcs.corp. points to dc3.corp. instead of "
	                 "dc2.corp. in zone _msdcs.corp. on dc2.corp.");
	ck_assert_uint_eq(f->commands.n, 4);
	assert_cmd(f, 0, "dnscmd dc2.corp /RecordDelete _msdcs.corp " GUID2
	                 " CNAME dc3.corp /f");
	assert_cmd(f, 2, "dnscmd dc2.corp /RecordAdd _msdcs.corp " GUID2
	                 " CNAME dc2.corp");
	assert_explained(f, "dc-guid-cname");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* A name from a zone file goes single-quoted into PowerShell, a quote
 * doubled, and into no dnscmd line when cmd.exe would interpret it
 * (& | and ' here); a note says why. */
START_TEST(commands_quote_hostile_names)
{
	zl_model *m = msdcs_forest(true);
	mk_view(m, "corp", "zones/corp.dns", "dc1.corp dc2.corp dc3.corp",
	        RECORDS("_msdcs.corp. 3600 IN NS dc1.corp."));
	mk_view(m, "_msdcs.corp", "zones/_msdcs.corp.dns", "dc1.corp dc2.corp dc3.corp",
	        RECORDS(GUID1 "._msdcs.corp. 600 IN CNAME dc1.corp.",
	                GUID2 "._msdcs.corp. 600 IN CNAME a&calc|x'y.corp."));
	zl_results *r = run(m, "dc-guid-cname", 1);
	const zl_finding *f = t_finding(r, 0);

	ck_assert_uint_eq(f->commands.n, 3);
	assert_cmd(f, 0, "Remove-DnsServerResourceRecord -ComputerName 'dc1.corp' "
	                 "-ZoneName '_msdcs.corp' -Name '" GUID2 "' -RRType CNAME "
	                 "-RecordData 'a&calc|x''y.corp' -Force");
	assert_cmd(f, 1, "dnscmd dc1.corp /RecordAdd _msdcs.corp " GUID2 " CNAME dc2.corp");
	ck_assert_uint_eq(f->notes.n, 2);
	assert_has(f->notes.v[1], "no dnscmd command: cmd.exe would interpret characters "
	           "of a&calc|x'y.corp");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* The PowerShell quoting itself: quotes doubled, typographic ones too. */
START_TEST(powershell_quoting)
{
	char buf[64];

	ck_assert_str_eq(ad_ps_quote("dc1", buf, sizeof buf), "'dc1'");
	ck_assert_str_eq(ad_ps_quote("a'b", buf, sizeof buf), "'a''b'");
	ck_assert_str_eq(ad_ps_quote("$(calc)", buf, sizeof buf), "'$(calc)'");
	ck_assert_str_eq(ad_ps_quote("x\xe2\x80\x99y", buf, sizeof buf),
	                 "'x\xe2\x80\x99\xe2\x80\x99y'");
	ck_assert(ad_dnscmd_safe("_ldap._tcp.dc-1*@", NULL));
	ck_assert(!ad_dnscmd_safe("x&calc", NULL));
	ck_assert(!ad_dnscmd_safe("x%PATH%", NULL));
	ck_assert(!ad_dnscmd_safe("x\\032y", NULL));
}
END_TEST

/* _msdcs inside the forest zone: the alias is checked there. */
START_TEST(guid_cname_inside_forest_zone)
{
	zl_model *m = msdcs_forest(false);
	mk_view(m, "corp", "zones/corp.dns", "dc1.corp dc2.corp dc3.corp",
	        RECORDS(GUID1 "._msdcs.corp. 600 IN CNAME dc1.corp."));
	zl_results *r = run(m, "dc-guid-cname", 1);

	assert_about(t_finding(r, 0), "corp.", "dc2.corp.", GUID2 "._msdcs.corp.");
	assert_cmd(t_finding(r, 0), 0, "dnscmd dc1.corp /RecordAdd corp "
	                 GUID2 "._msdcs CNAME dc2.corp");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* Delegated _msdcs that a server does not host: its forest zone copy is
 * not checked; every alias right elsewhere: silent. */
START_TEST(guid_cname_silent)
{
	zl_model *m = mk_model("corp", NULL);
	zl_server_set_dsa_guid(mk_server(m, 10, "dc1.corp", "10.0.0.1/24", DC_DNS, NULL), GUID1);
	mk_server(m, 20, "dc2.corp", "10.0.0.2/24", DC_DNS, NULL);
	mk_zone(m, "corp", ZL_STORAGE_AD_DOMAIN, NULL);
	mk_zone(m, "_msdcs.corp", ZL_STORAGE_FILE, "dc1.corp");
	resolve(m);
	mk_view(m, "corp", "zones/corp.dns", "dc1.corp dc2.corp",
	        RECORDS("_msdcs.corp. 3600 IN NS dc1.corp."));
	mk_view(m, "_msdcs.corp", "zones/_msdcs.corp.dns", "dc1.corp",
	        RECORDS(GUID1 "._MSDCS.corp 600 IN CNAME dc1.corp."));
	zl_results_free(run(m, "dc-guid-cname", 0));
	zl_model_free(m);
}
END_TEST

/* ---- dc-srv-records ------------------------------------------------------- */

/* The child forest's two zones with their locator records; without
 * `complete`, _gc._tcp.corp (dc1 is a gc) and dc5's Kerberos record are
 * missing.  Names in any case, with or without the trailing dot. */
static zl_model *srv_forest(bool complete)
{
	zl_model *m = child_forest();

	mk_view(m, "corp", "zones/corp.dns", "dc1.corp",
	        RECORDS("_ldap._tcp.dc._msdcs.corp. 600 IN SRV 0 100 389 dc1.corp.",
	                "_kerberos._tcp.corp. 600 IN SRV 0 100 88 DC1.CORP",
	                "emea.corp. 3600 IN NS dc5.emea.corp.",
	                "dc5.emea.corp. 3600 IN A 10.2.0.5",
	                complete ? "_gc._tcp.Corp. 600 IN SRV 0 100 3268 dc1.corp" : NULL));
	mk_view(m, "emea.corp", "zones/emea.corp.dns", "dc5.emea.corp",
	        RECORDS("_ldap._tcp.dc._msdcs.emea.corp. 600 IN SRV 0 100 389 dc5.emea.corp.",
	                complete ? "_kerberos._tcp.emea.corp. 600 IN SRV 0 100 88 dc5.emea.corp."
	                         : NULL));
	return m;
}

START_TEST(srv_records_missing)
{
	zl_model *m = srv_forest(false);
	zl_results *r = run(m, "dc-srv-records", 2);
	const zl_finding *f = t_finding(r, 0);

	assert_at(f, "zones/corp.dns", 1);
	assert_about(f, "corp.", "dc1.corp.", "_gc._tcp.corp.");
	ck_assert_int_eq(f->severity, ZL_SEVERITY_WARNING);
	ck_assert_str_eq(f->message, "no SRV record _gc._tcp.corp. targeting dc1.corp. in zone "
	                 "corp. on dc1.corp.: clients do not find the global catalog on dc1.corp.");
	assert_only_cmds(f, "dnscmd dc1.corp /RecordAdd corp _gc._tcp SRV 0 100 3268 dc1.corp",
	                 "Add-DnsServerResourceRecord -ComputerName 'dc1.corp' "
	                 "-ZoneName 'corp' -Name '_gc._tcp' -Srv -DomainName 'dc1.corp' -Priority 0 "
	                 "-Weight 100 -Port 3268");
	/* dc5 of the child domain: its Kerberos record, in the child zone. */
	f = t_finding(r, 1);
	assert_at(f, "zones/emea.corp.dns", 1);
	assert_about(f, "emea.corp.", "dc5.emea.corp.", "_kerberos._tcp.emea.corp.");
	assert_cmd(f, 0, "dnscmd dc5.emea.corp /RecordAdd emea.corp _kerberos._tcp "
	                 "SRV 0 100 88 dc5.emea.corp");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(srv_records_silent)
{
	zl_model *m = srv_forest(true);

	zl_results_free(run(m, "dc-srv-records", 0));
	zl_model_free(m);
}
END_TEST

/* ---- aged-address ---------------------------------------------------------- */

/* Records in dc2's copy, aging 7 + 7 days (336 hours). */
START_TEST(aged_address_strictly_older)
{
	char old[64], edge[64], old6[64], other[64], apex[64], real[64];
	zl_model *m = partner_forest();
	snprintf(edge, sizeof(edge), "[AGE:%u] dc1.corp. 1200 IN A 10.0.0.1", AUDIT_AGE - 336);
	snprintf(old6, sizeof(old6), "[AGE:%u] dc2.corp. 1200 IN AAAA fd00::2", AUDIT_AGE - 337);
	snprintf(old, sizeof(old), "[AGE:%u] dc1.corp. 1200 IN A 10.0.0.9", AUDIT_AGE - 24 * 250);
	snprintf(other, sizeof(other), "[AGE:%u] fs01.corp. 1200 IN A 10.0.0.20", AUDIT_AGE - 5000);
	snprintf(apex, sizeof(apex), "[AGE:%u] corp. 600 IN A 10.0.0.1", AUDIT_AGE - 5000);
	snprintf(real, sizeof(real), "[AGE:%u] dc3.corp. 1200 IN A 10.0.0.3", AUDIT_AGE - 400);
	mk_view(m, "corp", "zones/dc2/corp.dns", "dc2.corp",
	        RECORDS(edge, old6, old, other, apex, real));
	zl_results *r = run(m, "aged-address", 3);
	const zl_finding *f = t_finding(r, 0);

	/* 337 hours > 336; dc2 has no such address: deleted. */
	assert_at(f, "zones/dc2/corp.dns", 4);
	assert_about(f, "corp.", "dc2.corp.", "dc2.corp.");
	ck_assert_int_eq(f->severity, ZL_SEVERITY_INFO);
	ck_assert_str_eq(f->message, "AAAA record fd00::2 of dc2.corp. in zone corp. on "
	                 "dc2.corp. was last refreshed 14 days 1 hour before the audit date, "
	                 "more than the zone's 14-day no-refresh plus refresh interval");
	ck_assert_uint_eq(f->commands.n, 2);
	assert_cmd(f, 0, "dnscmd dc2.corp /RecordDelete corp dc2 AAAA fd00::2 /f");
	ck_assert_str_eq(f->command_info.v[1].run_on, "dc2.corp.");
	ck_assert_int_eq(f->command_info.v[1].kind, ZL_COMMAND_DELETE);
	f = t_finding(r, 1);
	assert_at(f, "zones/dc2/corp.dns", 5);
	assert_about(f, "corp.", "dc1.corp.", "dc1.corp.");
	assert_has(f->message, "250 days 0 hours");
	assert_has(f->fix, "not an address of dc1.corp.");
	/* A real address of dc3: it must register again. */
	f = t_finding(r, 2);
	assert_at(f, "zones/dc2/corp.dns", 8);
	assert_about(f, "corp.", "dc3.corp.", "dc3.corp.");
	ck_assert_uint_eq(f->commands.n, 1);
	assert_cmd(f, 0, "Invoke-Command -ComputerName 'dc3.corp' -ScriptBlock "
	                 "{ Register-DnsClient }");
	/* Found in dc2's copy, run on dc3 itself. */
	ck_assert_str_eq(f->command_info.v[0].run_on, "dc3.corp.");
	ck_assert_int_eq(f->command_info.v[0].kind, ZL_COMMAND_OTHER);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* The zone's own interval; a record without stamp is static, never aged. */
START_TEST(aged_address_zone_interval)
{
	char rec[64];
	zl_model *m = mk_model("corp", NULL);
	mk_server(m, 10, "dc1.corp", "10.0.0.1/24", DC_DNS, NULL);
	zl_zone *z = mk_zone(m, "corp", ZL_STORAGE_AD_DOMAIN, NULL);
	zl_zone_set_aging(z, 1, 2);
	resolve(m);
	snprintf(rec, sizeof(rec), "[AGE:%u] dc1.corp. 1200 IN A 10.0.0.1", AUDIT_AGE - 73);
	mk_view(m, "corp", "zones/corp.dns", "dc1.corp",
	        RECORDS(rec, "dc1.corp. 1200 IN A 10.0.0.1"));
	zl_results *r = run(m, "aged-address", 1);

	assert_has(t_finding(r, 0)->message, "3 days 1 hour before");
	assert_has(t_finding(r, 0)->message, "3-day no-refresh");
	zl_results_free(r);
	/* Later that day: the age is still taken at 00:00 UTC. */
	zl_model_set_audit_date(m, AUDIT_DAY * DAY + 3600 * 23);
	r = run(m, "aged-address", 1);
	assert_has(t_finding(r, 0)->message, "3 days 1 hour before");
	zl_results_free(r);
	/* A day earlier: 49 hours, within the 72-hour interval. */
	zl_model_set_audit_date(m, (AUDIT_DAY - 1) * DAY);
	zl_results_free(run(m, "aged-address", 0));
	zl_model_free(m);
}
END_TEST

/* ---- findings that follow from another (SPEC 6.4) ------------------------ */

/* dc4's own copy lacks dc1: its NS and SRV records targeting dc1 follow
 * from partner-missing-address; the NS target without any address
 * (ns.corp.) is no server's and stays standalone. */
START_TEST(target_no_address_follows_partner_missing)
{
	zl_model *m = partner_forest_dc4(RECORDS(GOOD_OTHERS,
	        "corp. 3600 IN NS dc1.corp.",
	        "_ldap._tcp.corp. 600 IN SRV 0 100 389 dc1.corp."));
	zl_engine *e = zl_engine_new();
	zl_results *r;

	for (size_t i = 0; i < zl_engine_rule_count(e); i++) {
		const char *id = zl_engine_rule(e, i)->id;
		if (strcmp(id, "partner-missing-address") && strcmp(id, "target-no-address"))
			zl_engine_set_severity(e, id, ZL_SEVERITY_OFF);
	}
	ck_assert_int_eq(zl_engine_run(e, m, &r), 0);
	ck_assert_uint_eq(t_count(r, "partner-missing-address"), 1);
	const zl_finding *cause = NULL;
	for (size_t i = 0; i < r->findings.n; i++)
		if (!strcmp(t_finding(r, i)->rule->id, "partner-missing-address"))
			cause = t_finding(r, i);
	ck_assert_str_eq(cause->server, "dc4.corp.");
	ck_assert_uint_eq(cause->followers.n, 2);
	size_t standalone = 0;
	for (size_t i = 0; i < r->findings.n; i++) {
		const zl_finding *f = t_finding(r, i);
		if (strcmp(f->rule->id, "target-no-address") != 0)
			continue;
		if (strstr(f->message, "dc1.corp.")) {
			ck_assert_ptr_eq(f->cause, cause);
			ck_assert_str_eq(f->file, "zones/dc4/corp.dns");
		} else {
			ck_assert_ptr_null(f->cause);
			standalone++;
		}
	}
	/* ns.corp. in both copies. */
	ck_assert_uint_eq(standalone, 2);
	zl_results_free(r);
	zl_engine_free(e);
	zl_model_free(m);
}
END_TEST

/* A stand-in for a rule about wrong records (ns-stale): it explains every
 * NS record naming ns.corp., through the same helper the rules use. */
static int explain_ns_records(const zl_model *m, zl_report *r)
{
	const zl_name *ns = zl_model_name(m, "ns.corp");

	for (size_t i = 0; i < zl_model_view_count(m); i++) {
		const zl_view *v = zl_model_view(m, i);
		for (size_t k = 0; k < zl_view_record_count(v); k++) {
			const zl_record *rec = zl_view_record(v, k);
			if (zl_record_type(rec) != ZL_TYPE_NS || zl_record_target(rec) != ns)
				continue;
			zl_finding *f = zl_report_add(r, zl_record_location(v, rec), "stale NS");
			zl_finding_data(f, zl_view_file(v));
			rel_explains_record(f, v, rec);
		}
	}
	return 0;
}

static const zl_rule rule_stale_ns = { "zz-stale-ns", "test", ZL_SEVERITY_ERROR,
                                       "s", "s", explain_ns_records, 0, 0,
                                       ZL_SOURCE_NONE };

/* target-no-address on a record another finding says is wrong follows
 * from that finding: in each copy, from that copy's own. */
START_TEST(target_no_address_follows_the_record_finding)
{
	zl_model *m = partner_forest_dc4(RECORDS(GOOD_OTHERS, GOOD_DC1));
	zl_engine *e = zl_engine_new();
	zl_results *r;
	char why[128];

	for (size_t i = 0; i < zl_engine_rule_count(e); i++)
		if (strcmp(zl_engine_rule(e, i)->id, "target-no-address"))
			zl_engine_set_severity(e, zl_engine_rule(e, i)->id, ZL_SEVERITY_OFF);
	ck_assert_int_eq(zl_engine_add_rule(e, &rule_stale_ns, why, sizeof(why)), 0);
	ck_assert_int_eq(zl_engine_run(e, m, &r), 0);
	ck_assert_uint_eq(t_count(r, "target-no-address"), 2);
	for (size_t i = 0; i < r->findings.n; i++) {
		const zl_finding *f = t_finding(r, i);
		if (strcmp(f->rule->id, "target-no-address") != 0)
			continue;
		ck_assert_ptr_nonnull(f->cause);
		ck_assert_str_eq(f->cause->rule->id, "zz-stale-ns");
		ck_assert_str_eq(f->cause->file, f->file);
		ck_assert_uint_eq(f->cause->line, f->line);
	}
	zl_results_free(r);
	zl_engine_free(e);
	zl_model_free(m);
}
END_TEST

/* ---- inventory-gap ---------------------------------------------------------- */

/* The not_checked entry of r with this reason: its count (0 when none). */
static size_t not_checked(const zl_results *r, const char *reason)
{
	for (size_t i = 0; i < r->not_checked.n; i++)
		if (strcmp(r->not_checked.v[i].reason, reason) == 0)
			return r->not_checked.v[i].count;
	return 0;
}

/* dc9.other. is a DC of no listed domain: said by inventory-gap, counted
 * by dc-srv-records, which cannot check its domain's records. */
START_TEST(gap_dc_in_no_domain)
{
	zl_model *m = mk_model("corp", (const char *const[]){ "corp", NULL });
	zl_server_set_dsa_guid(mk_server(m, 10, "dc1.corp", "10.0.0.1/24", DC_DNS, NULL), GUID1);
	zl_server_set_dsa_guid(mk_server(m, 20, "dc9.other", "10.0.0.9/24", DC_DNS, NULL), GUID2);
	mk_server(m, 30, "fs1.other", "10.0.0.30/24", ZL_ROLE_DNS, NULL);   /* no DC */
	mk_zone(m, "corp", ZL_STORAGE_AD_DOMAIN, NULL);
	resolve(m);
	zl_results *r = run(m, "inventory-gap", 1);
	const zl_finding *f = t_finding(r, 0);

	ck_assert_uint_eq(f->line, 20);
	ck_assert_str_eq(f->server, "dc9.other.");
	ck_assert_int_eq(f->severity, ZL_SEVERITY_INFO);
	ck_assert_str_eq(f->message, "DC dc9.other. is in no listed domain (corp.): it "
	                 "hosts no domain zone by default and its SRV records are not checked");
	zl_results_free(r);
	r = run(m, "dc-srv-records", 0);
	ck_assert_uint_eq(not_checked(r, "DC in no listed domain (its domain's SRV records)"), 1);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* dc3 has no dsa_guid: the finding says how to get it; dc-guid-cname
 * counts it as not checked. */
START_TEST(gap_dc_without_guid)
{
	zl_model *m = msdcs_forest(true);
	zl_results *r = run(m, "inventory-gap", 1);
	const zl_finding *f = t_finding(r, 0);

	ck_assert_uint_eq(f->line, 30);
	ck_assert_str_eq(f->server, "dc3.corp.");
	ck_assert_str_eq(f->message, "DC dc3.corp. has no dsa_guid: its alias "
	                 "<DSA GUID>._msdcs.corp. is not checked");
	ck_assert_uint_eq(f->notes.n, 1);
	assert_has(f->notes.v[0], "repadmin /showrepl dc3.corp prints it as \"DSA object GUID\"");
	assert_has(f->notes.v[0], "(Get-ADObject (Get-ADDomainController -Identity dc3.corp)"
	                          ".NTDSSettingsObjectDN).ObjectGUID");
	zl_results_free(r);
	r = run(m, "dc-guid-cname", 0);
	ck_assert_uint_eq(not_checked(r, "DC without dsa_guid in the inventory"), 1);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* Two copies of corp hold emea.corp's locator records, emea.corp is not
 * listed: one finding for the zone, at the first record. */
START_TEST(gap_locator_records_of_unlisted_domain)
{
	zl_model *m = mk_model("corp", (const char *const[]){ "corp", NULL });
	zl_server_set_dsa_guid(mk_server(m, 10, "dc1.corp", "10.0.0.1/24", DC_DNS, NULL), GUID1);
	mk_zone(m, "corp", ZL_STORAGE_FILE, "dc1.corp");
	resolve(m);
	mk_view(m, "corp", "zones/corp.dns", "dc1.corp",
	        RECORDS("dc1.corp. 1200 IN A 10.0.0.1",
	                "_ldap._tcp.dc._msdcs.corp. 600 IN SRV 0 100 389 dc1.corp.",
	                "_kerberos._tcp.dc._msdcs.EMEA.corp. 600 IN SRV 0 100 88 dc5.emea.corp.",
	                "_ldap._tcp.dc._msdcs.emea.corp. 600 IN SRV 0 100 389 dc5.emea.corp.",
	                "_ldap._tcp.pdc._msdcs.emea.corp. 600 IN SRV 0 100 389 dc5.emea.corp."));
	zl_results *r = run(m, "inventory-gap", 1);
	const zl_finding *f = t_finding(r, 0);

	assert_at(f, "zones/corp.dns", 5);
	ck_assert_str_eq(f->zone, "corp.");
	ck_assert_str_eq(f->owner, "_kerberos._tcp.dc._msdcs.emea.corp.");
	ck_assert_ptr_null(f->server);
	ck_assert_str_eq(f->message, "zone corp. holds DC locator records of domain "
	                 "emea.corp. (_kerberos._tcp.dc._msdcs.emea.corp.), which is not in "
	                 "domains (corp.): the locator records of its DCs are not checked");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* The partner forest read from one file for all four servers: dc1's
 * partners' copies cannot be told apart. */
START_TEST(gap_one_file_for_partners)
{
	zl_model *m = partner_forest();
	mk_view(m, "corp", "zones/corp.dns", "dc1.corp dc2.corp dc3.corp dc4.corp",
	        RECORDS(GOOD_OTHERS, GOOD_DC1));
	zl_results *r = run(m, "inventory-gap", 5);
	const zl_finding *f = NULL;

	for (size_t i = 0; i < r->findings.n; i++)
		if (t_finding(r, i)->zone)
			f = t_finding(r, i);
	ck_assert_ptr_nonnull(f);
	ck_assert_str_eq(f->zone, "corp.");
	ck_assert_str_eq(f->file, "forest.yaml");
	ck_assert_str_eq(f->message, "zone corp. is AD-integrated on 4 servers but given by "
	                 "one file (zones/corp.dns) and no views: the copy of its replication "
	                 "partner dc2.corp. is read as the same file, so records of dc1.corp. "
	                 "that differ there are not seen");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* Each clause silent: listed domains, every guid, own copies for the
 * partners (dc4), or a file-backed zone. */
START_TEST(gap_silent)
{
	static const char *const guids[] = { GUID1, GUID2, GUID1, GUID2 };
	zl_model *m = partner_forest_dc4(RECORDS(GOOD_OTHERS, GOOD_DC1,
	        "_ldap._tcp.dc._msdcs.corp. 600 IN SRV 0 100 389 dc1.corp."));

	for (size_t i = 0; i < 4; i++)
		zl_server_set_dsa_guid((zl_server *)zl_model_server(m, i), guids[i]);
	zl_results_free(run(m, "inventory-gap", 0));
	zl_model_free(m);

	/* One file for two DNS servers of a file-backed zone: no replication. */
	m = mk_model("corp", NULL);
	zl_server_set_dsa_guid(mk_server(m, 10, "dc1.corp", "10.0.0.1/24", DC_DNS,
	                                 "dc2.corp"), GUID1);
	zl_server_set_dsa_guid(mk_server(m, 20, "dc2.corp", "10.0.0.2/24", DC_DNS,
	                                 "dc1.corp"), GUID2);
	mk_zone(m, "corp", ZL_STORAGE_FILE, "dc1.corp dc2.corp");
	resolve(m);
	mk_view(m, "corp", "zones/corp.dns", "dc1.corp dc2.corp", NO_RECORDS);
	zl_results_free(run(m, "inventory-gap", 0));
	zl_model_free(m);
}
END_TEST

/* ---- the whole locator set, orphans, NS and glue (SPEC 6.2) ----------------- */

#define DOM_GUID "2b1f0e7d-0000-4d6f-9a53-5f0c3e298c11"
#define DC1_GUID "5f0c3e29-8c1e-4d6f-9a53-2b1f0e7d4c11"
#define RODC_GUID "6a0c3e29-8c1e-4d6f-9a53-2b1f0e7d4c12"

/*
 * example.com: dc1 (dc, dns, gc, pdc; site HQ), rodc (a read-only DC, no
 * DNS; site Branch) and fs1 (a DNS server that is no DC).  `site` false
 * leaves rodc without a site; `guid` false leaves the domain and rodc
 * without GUIDs.
 */
static zl_model *loc_forest(bool site, bool guid)
{
	zl_model *m = mk_model("example.com", (const char *const[]){ "example.com", NULL });
	zl_server *dc1 = mk_server(m, 10, "dc1.example.com", "10.0.0.1/24",
	                           DC_DNS_GC | ZL_ROLE_PDC, NULL);
	zl_server *rodc = mk_server(m, 20, "rodc.example.com", "10.0.1.3/24",
	                            ZL_ROLE_DC | ZL_ROLE_RODC, NULL);
	mk_server(m, 30, "fs1.example.com", "10.0.0.5/24", ZL_ROLE_DNS, NULL);
	zl_server_set_site(dc1, "HQ");
	zl_server_set_dsa_guid(dc1, DC1_GUID);
	if (site)
		zl_server_set_site(rodc, "Branch");
	if (guid) {
		zl_server_set_dsa_guid(rodc, RODC_GUID);
		zl_model_set_domain_guid(m, t_name(m, "example.com"), DOM_GUID);
	}
	mk_zone(m, "example.com", ZL_STORAGE_AD_DOMAIN, "dc1.example.com");
	resolve(m);
	return m;
}

/* Every locator record of dc1 and rodc, as MS-ADTS 6.3.2.3 lists them,
 * minus those named in `skip` (owner text, ";"-separated). */
static const char *const dc1_srv[] = {
	"_ldap._tcp.dc._msdcs", "_kerberos._tcp", "_gc._tcp", "_ldap._tcp",
	"_ldap._tcp.hq._sites", "_ldap._tcp.hq._sites.dc._msdcs", "_kerberos._tcp.hq._sites",
	"_kerberos._tcp.dc._msdcs", "_kerberos._tcp.hq._sites.dc._msdcs", "_kerberos._udp",
	"_kpasswd._tcp", "_kpasswd._udp", "_ldap._tcp." DOM_GUID ".domains._msdcs",
	"_gc._tcp.hq._sites", "_ldap._tcp.gc._msdcs", "_ldap._tcp.hq._sites.gc._msdcs",
	"_ldap._tcp.pdc._msdcs", "_ldap._tcp.DomainDnsZones", "_ldap._tcp.hq._sites.DomainDnsZones",
	"_ldap._tcp.ForestDnsZones", "_ldap._tcp.hq._sites.ForestDnsZones", NULL,
};
static const char *const rodc_srv[] = {
	"_ldap._tcp.branch._sites", "_ldap._tcp.branch._sites.dc._msdcs",
	"_kerberos._tcp.branch._sites", "_kerberos._tcp.branch._sites.dc._msdcs", NULL,
};
static const char *const dc1_a[] = {
	"", "gc._msdcs.", "DomainDnsZones.", "ForestDnsZones.", NULL,
};

static bool skipped(const char *skip, const char *owner)
{
	char buf[256];

	snprintf(buf, sizeof(buf), ";%s;", owner);
	return skip && strstr(skip, buf);
}

/* The copy of example.com on dc1: its SOA on line 1, then the records. */
static zl_view *loc_copy(zl_model *m, const char *skip, const char *const *extra)
{
	static char texts[64][160];
	const char *records[80];
	size_t n = 0;

	for (size_t i = 0; dc1_srv[i]; i++)
		if (!skipped(skip, dc1_srv[i]))
			snprintf(texts[n], sizeof(texts[n]), "%s.example.com. 600 IN SRV 0 100 389 "
			         "dc1.example.com.", dc1_srv[i]), records[n] = texts[n], n++;
	for (size_t i = 0; rodc_srv[i]; i++)
		if (!skipped(skip, rodc_srv[i]))
			snprintf(texts[n], sizeof(texts[n]), "%s.example.com. 600 IN SRV 0 100 389 "
			         "rodc.example.com.", rodc_srv[i]), records[n] = texts[n], n++;
	for (size_t i = 0; dc1_a[i]; i++)
		if (!skipped(skip, dc1_a[i][0] ? dc1_a[i] : "@"))
			snprintf(texts[n], sizeof(texts[n]), "%sexample.com. 600 IN A 10.0.0.1",
			         dc1_a[i]), records[n] = texts[n], n++;
	if (!skipped(skip, "rodc@"))
		records[n++] = "example.com. 600 IN A 10.0.1.3";
	records[n++] = "example.com. 3600 IN NS dc1.example.com.";
	for (size_t i = 0; extra && extra[i]; i++)
		records[n++] = extra[i];
	records[n] = NULL;
	zl_view *v = mk_view(m, "example.com", "zones/example.com.dns", "dc1.example.com", records);
	return v;
}

START_TEST(locator_records_silent)
{
	zl_model *m = loc_forest(true, true);

	loc_copy(m, NULL, NULL);
	zl_results *r = run(m, "dc-locator-records", 0);
	ck_assert_uint_eq(r->not_checked.n, 0);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(locator_records_missing)
{
	zl_model *m = loc_forest(true, true);

	/* dc1: no _kpasswd._udp, gc._msdcs A holds another address; rodc:
	 * no per-site Kerberos record, no A at the domain's name. */
	loc_copy(m, ";_kpasswd._udp;gc._msdcs.;_kerberos._tcp.branch._sites;rodc@;",
	         RECORDS("gc._msdcs.example.com. 600 IN A 10.0.0.99"));
	zl_results *r = run(m, "dc-locator-records", 2);
	const zl_finding *f = t_finding(r, 0);

	assert_at(f, "zones/example.com.dns", 1);
	assert_about(f, "example.com.", "dc1.example.com.", NULL);
	ck_assert_int_eq(f->severity, ZL_SEVERITY_WARNING);
	ck_assert_str_eq(f->message, "dc1.example.com. lacks 2 locator records in zone "
	                 "example.com. on dc1.example.com.: SRV _kpasswd._udp.example.com., "
	                 "A gc._msdcs.example.com.");
	ck_assert_uint_eq(f->commands.n, 1);
	assert_cmd(f, 0, "nltest /server:dc1.example.com /dsregdns");
	f = t_finding(r, 1);
	ck_assert_str_eq(f->message, "rodc.example.com. lacks 2 locator records in zone "
	                 "example.com. on dc1.example.com.: "
	                 "SRV _kerberos._tcp.branch._sites.example.com., A example.com.");
	assert_cmd(f, 0, "nltest /server:rodc.example.com /dsregdns");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* What is not known is not checked, and says so. */
START_TEST(locator_records_unknown_data)
{
	zl_model *m = loc_forest(false, false);

	loc_copy(m, ";_ldap._tcp." DOM_GUID ".domains._msdcs;_ldap._tcp.branch._sites;", NULL);
	zl_results *r = run(m, "dc-locator-records", 0);
	ck_assert_uint_eq(r->not_checked.n, 2);
	ck_assert_str_eq(r->not_checked.v[0].reason, "no guid of the DC's domain: "
	                 "_ldap._tcp.<domainguid>.domains._msdcs is not checked");
	ck_assert_uint_eq(r->not_checked.v[0].count, 1);
	ck_assert_str_eq(r->not_checked.v[1].reason, "no site in the inventory: the DC's "
	                 "_sites records are not checked");
	ck_assert_uint_eq(r->not_checked.v[1].count, 1);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* --explain of both rules prints the table of SPEC 6.2, row by row. */
START_TEST(locator_explain_lists_the_table)
{
	zl_engine *e = zl_engine_new();
	static const char *const rows[] = {
		"SRV  _ldap._tcp.<site>._sites.dc._msdcs.<domain>  [every DC]",
		"SRV  _kpasswd._udp.<domain>  [every DC]",
		"SRV  _ldap._tcp.<domainguid>.domains._msdcs.<forest>  [every DC]",
		"A  <domain>  [every DC]",
		"A  gc._msdcs.<forest>  [gc]",
		"SRV  _ldap._tcp.pdc._msdcs.<domain>  [pdc]",
		"SRV  _ldap._tcp.<site>._sites.ForestDnsZones.<forest>  [dns]",
		"SRV  _gc._tcp.<forest>  [gc]  (checked by dc-srv-records)",
	};

	for (int k = 0; k < 2; k++) {
		const zl_rule *rule = zl_engine_find(e, k ? "dc-orphan-records" : "dc-locator-records");
		ck_assert_ptr_nonnull(rule);
		for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
			ck_assert_msg(strstr(rule->explanation, rows[i]), "%s: no row %s", rule->id,
			              rows[i]);
	}
	zl_engine_free(e);
}
END_TEST

START_TEST(orphan_records_fire)
{
	zl_model *m = loc_forest(true, true);

	loc_copy(m, NULL, RECORDS(
		"_ldap._tcp.paris._sites.example.com. 600 IN SRV 0 100 389 old.example.com.",
		"_kerberos._udp.example.com. 600 IN SRV 0 100 88 fs1.example.com.",
		"0d1e2f3a-0000-4d6f-9a53-5f0c3e298c11._msdcs.example.com. 600 IN CNAME old.example.com.",
		"example.com. 600 IN A 10.0.0.99",
		"_http._tcp.example.com. 600 IN SRV 0 100 80 web.example.com."));
	zl_results *r = run(m, "dc-orphan-records", 4);
	const zl_finding *f = t_finding(r, 0);

	/* SOA, NS and loc_copy's 31 records come first: the extra ones are
	 * lines 34-38 */
	assert_at(f, "zones/example.com.dns", 34);
	assert_about(f, "example.com.", "old.example.com.",
	             "_ldap._tcp.paris._sites.example.com.");
	ck_assert_int_eq(f->severity, ZL_SEVERITY_ERROR);
	ck_assert_str_eq(f->message, "SRV _ldap._tcp.paris._sites.example.com. targets "
	                 "old.example.com., which is no DC of the inventory, in zone "
	                 "example.com. on dc1.example.com.");
	assert_cmd(f, 0, "dnscmd dc1.example.com /RecordDelete example.com "
	                 "_ldap._tcp.paris._sites SRV 0 100 389 old.example.com /f");
	assert_cmd(f, 1, "Get-DnsServerResourceRecord -ComputerName 'dc1.example.com' -ZoneName "
	                 "'example.com' -Name '_ldap._tcp.paris._sites' -RRType Srv | Where-Object "
	                 "{ $_.RecordData.DomainName -eq 'old.example.com.' } | "
	                 "Remove-DnsServerResourceRecord -ComputerName 'dc1.example.com' "
	                 "-ZoneName 'example.com' -Force");
	/* a server that is no DC */
	assert_about(t_finding(r, 1), "example.com.", "fs1.example.com.",
	             "_kerberos._udp.example.com.");
	f = t_finding(r, 2);
	assert_at(f, "zones/example.com.dns", 36);
	assert_about(f, "example.com.", "old.example.com.",
	             "0d1e2f3a-0000-4d6f-9a53-5f0c3e298c11._msdcs.example.com.");
	assert_cmd(f, 0, "dnscmd dc1.example.com /RecordDelete example.com "
	                 "0d1e2f3a-0000-4d6f-9a53-5f0c3e298c11._msdcs CNAME old.example.com /f");
	f = t_finding(r, 3);
	ck_assert_ptr_null(f->server);
	ck_assert_str_eq(f->message, "A example.com. 10.0.0.99 holds an address of no DC of "
	                 "the inventory, in zone example.com. on dc1.example.com.");
	assert_cmd(f, 0, "dnscmd dc1.example.com /RecordDelete example.com @ A 10.0.0.99 /f");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(orphan_records_silent)
{
	zl_model *m = loc_forest(true, true);

	loc_copy(m, NULL, RECORDS(
		DC1_GUID "._msdcs.example.com. 600 IN CNAME dc1.example.com.",
		RODC_GUID "._msdcs.example.com. 600 IN CNAME rodc.example.com."));
	zl_results *r = run(m, "dc-orphan-records", 0);
	ck_assert_uint_eq(r->not_checked.n, 0);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* partial: true switches the rule off; an unknown dsa_guid leaves GUID
 * aliases unchecked.  Both say so. */
START_TEST(orphan_records_partial_and_unknown)
{
	zl_model *m = loc_forest(true, false);

	loc_copy(m, NULL, RECORDS(
		"0d1e2f3a-0000-4d6f-9a53-5f0c3e298c11._msdcs.example.com. 600 IN CNAME old.example.com."));
	zl_results *r = run(m, "dc-orphan-records", 0);
	ck_assert_uint_eq(r->not_checked.n, 1);
	ck_assert_str_eq(r->not_checked.v[0].reason, "a DC has no dsa_guid: GUID aliases "
	                 "are not checked");
	zl_results_free(r);
	zl_model_set_partial(m, true);
	loc_copy(m, NULL, RECORDS(
		"_ldap._tcp.example.com. 600 IN SRV 0 100 389 old.example.com."));
	r = run(m, "dc-orphan-records", 0);
	ck_assert_uint_eq(r->not_checked.n, 1);
	ck_assert_str_eq(r->not_checked.v[0].reason, "partial: true: the inventory does not "
	                 "list every DC");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* A DC without addresses: locator A records are not judged, and the
 * summary says so; SRV records still are. */
START_TEST(orphan_records_unknown_addresses)
{
	zl_model *m = mk_model("example.com", (const char *const[]){ "example.com", NULL });
	mk_server(m, 10, "dc1.example.com", "10.0.0.1/24", DC_DNS, NULL);
	mk_server(m, 20, "dc9.example.com", "", ZL_ROLE_DC, NULL);
	mk_zone(m, "example.com", ZL_STORAGE_AD_DOMAIN, "dc1.example.com");
	resolve(m);
	mk_view(m, "example.com", "zones/example.com.dns", "dc1.example.com",
	        RECORDS("example.com. 600 IN A 10.0.0.99",
	                "_ldap._tcp.example.com. 600 IN SRV 0 100 389 dc9.example.com.",
	                "_ldap._tcp.example.com. 600 IN SRV 0 100 389 old.example.com."));
	zl_results *r = run(m, "dc-orphan-records", 1);
	ck_assert_str_eq(t_finding(r, 0)->server, "old.example.com.");
	ck_assert_uint_eq(r->not_checked.n, 1);
	ck_assert_str_eq(r->not_checked.v[0].reason, "a DC has no address: locator A "
	                 "records are not checked");
	ck_assert_uint_eq(r->not_checked.v[0].count, 1);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/*
 * example.com (dc1, dc2) delegating emea.example.com (dc5, dc6) and
 * _msdcs.example.com (dc1, dc2); fs1 runs no DNS.
 */
static zl_model *ns_forest(void)
{
	zl_model *m = mk_model("example.com", (const char *const[]){
		"example.com", "emea.example.com", NULL });
	mk_server(m, 10, "dc1.example.com", "10.0.0.1/24", DC_DNS, NULL);
	mk_server(m, 12, "dc2.example.com", "10.0.0.2/24", DC_DNS, NULL);
	mk_server(m, 14, "dc5.emea.example.com", "10.2.0.5/24", DC_DNS, NULL);
	mk_server(m, 16, "dc6.emea.example.com", "10.2.0.6/24 fd00::6/64", DC_DNS, NULL);
	mk_server(m, 18, "fs1.example.com", "10.0.0.9/24", ZL_ROLE_DC, NULL);
	mk_zone(m, "example.com", ZL_STORAGE_AD_DOMAIN, NULL);
	mk_zone(m, "_msdcs.example.com", ZL_STORAGE_AD_FOREST, NULL);
	mk_zone(m, "emea.example.com", ZL_STORAGE_AD_DOMAIN, NULL);
	resolve(m);
	return m;
}

/* The parent's copy on dc1 and dc2 (mk_view adds `@ NS ns.example.com.`
 * on line 2: an outside name? no, in the listed domain; see below). */
static void ns_copies(zl_model *m, const char *const *parent)
{
	mk_view(m, "example.com", "zones/example.com.dns", "dc1.example.com dc2.example.com",
	        parent);
	mk_view(m, "emea.example.com", "zones/emea.example.com.dns",
	        "dc5.emea.example.com dc6.emea.example.com",
	        RECORDS("emea.example.com. 3600 IN NS dc5.emea.example.com.",
	                "emea.example.com. 3600 IN NS dc6.emea.example.com."));
}

START_TEST(ns_stale_fires)
{
	zl_model *m = ns_forest();

	ns_copies(m, RECORDS(
		"example.com. 3600 IN NS dc1.example.com.",
		"example.com. 3600 IN NS dc2.example.com.",
		"example.com. 3600 IN NS fs1.example.com.",
		"example.com. 3600 IN NS ns1.isp.example.",
		"emea.example.com. 3600 IN NS dc5.emea.example.com.",
		"emea.example.com. 3600 IN NS dc3.emea.example.com.",
		"emea.example.com. 3600 IN NS dc1.example.com.",
		"dc3.emea.example.com. 3600 IN A 10.2.0.3",
		"dc5.emea.example.com. 3600 IN A 10.2.0.5"));
	/* line 2 of each copy (mk_view's ns.<zone>.) names no server of the
	 * inventory; emea's copy sorts first */
	zl_results *r = run(m, "ns-stale", 5);
	const zl_finding *f = t_finding(r, 0);

	assert_at(f, "zones/emea.example.com.dns", 2);
	assert_about(f, "emea.example.com.", "ns.emea.example.com.", "emea.example.com.");
	f = t_finding(r, 1);
	assert_at(f, "zones/example.com.dns", 2);
	assert_about(f, "example.com.", "ns.example.com.", "example.com.");
	ck_assert_str_eq(f->message, "apex NS example.com. names ns.example.com., which is "
	                 "no server of the inventory, in zone example.com. on dc1.example.com.");
	f = t_finding(r, 2);
	assert_at(f, "zones/example.com.dns", 5);
	ck_assert_str_eq(f->message, "apex NS example.com. names fs1.example.com., which does "
	                 "not run DNS, in zone example.com. on dc1.example.com.");
	f = t_finding(r, 3);
	assert_at(f, "zones/example.com.dns", 8);
	assert_about(f, "example.com.", "dc3.emea.example.com.", "emea.example.com.");
	ck_assert_str_eq(f->message, "delegation NS emea.example.com. names "
	                 "dc3.emea.example.com., which is no server of the inventory, in zone "
	                 "example.com. on dc1.example.com.");
	ck_assert_str_eq(f->fix, "delete the NS record and its glue on dc1.example.com.");
	ck_assert_uint_eq(f->commands.n, 4);
	assert_cmd(f, 0, "dnscmd dc1.example.com /RecordDelete example.com emea NS "
	                 "dc3.emea.example.com /f");
	assert_cmd(f, 1, "Remove-DnsServerResourceRecord -ComputerName 'dc1.example.com' "
	                 "-ZoneName 'example.com' -Name 'emea' -RRType NS -RecordData "
	                 "'dc3.emea.example.com' -Force");
	assert_cmd(f, 2, "dnscmd dc1.example.com /RecordDelete example.com dc3.emea A 10.2.0.3 /f");
	f = t_finding(r, 4);
	ck_assert_str_eq(f->message, "delegation NS emea.example.com. names dc1.example.com., "
	                 "which does not host zone emea.example.com., in zone example.com. on "
	                 "dc1.example.com.");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(ns_stale_silent)
{
	zl_model *m = ns_forest();

	ns_copies(m, RECORDS(
		"example.com. 3600 IN NS dc1.example.com.",
		"example.com. 3600 IN NS ns1.isp.example.",
		"emea.example.com. 3600 IN NS dc5.emea.example.com.",
		"dc5.emea.example.com. 3600 IN A 10.2.0.5"));
	zl_model_set_partial(m, true);
	zl_results *r = run(m, "ns-stale", 0);
	ck_assert_uint_eq(r->not_checked.n, 1);
	zl_results_free(r);
	/* without partial, only mk_view's ns.<zone>. on line 2 of each copy */
	zl_model_set_partial(m, false);
	r = run(m, "ns-stale", 2);
	ck_assert_uint_eq(t_finding(r, 0)->line, 2);
	ck_assert_uint_eq(t_finding(r, 1)->line, 2);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(ns_missing_fires)
{
	zl_model *m = ns_forest();

	/* example.com: dc2 missing at the apex; emea delegated to dc5 only;
	 * _msdcs (on every DNS server: ad-forest) not delegated at all */
	ns_copies(m, RECORDS(
		"example.com. 3600 IN NS dc1.example.com.",
		"emea.example.com. 3600 IN NS dc5.emea.example.com.",
		"dc5.emea.example.com. 3600 IN A 10.2.0.5"));
	zl_results *r = run(m, "ns-missing", 6);
	const zl_finding *f = t_finding(r, 0);

	/* the missing delegation of _msdcs, on the parent's SOA line */
	assert_at(f, "zones/example.com.dns", 1);
	assert_about(f, "example.com.", "dc1.example.com.", "_msdcs.example.com.");
	ck_assert_str_eq(f->message, "zone example.com. on dc1.example.com. holds no "
	                 "delegation of _msdcs.example.com.: dc1.example.com., which hosts it, "
	                 "is in no NS set there");
	assert_about(t_finding(r, 1), "example.com.", "dc2.example.com.", "_msdcs.example.com.");
	assert_about(t_finding(r, 2), "example.com.", "dc5.emea.example.com.", "_msdcs.example.com.");
	assert_about(t_finding(r, 3), "example.com.", "dc6.emea.example.com.", "_msdcs.example.com.");
	f = t_finding(r, 4);
	assert_at(f, "zones/example.com.dns", 2);
	assert_about(f, "example.com.", "dc2.example.com.", "example.com.");
	ck_assert_str_eq(f->message, "dc2.example.com. hosts zone example.com. but is missing "
	                 "from its apex NS set in zone example.com. on dc1.example.com.");
	assert_only_cmds(f, "dnscmd dc1.example.com /RecordAdd example.com @ NS dc2.example.com",
	                 "Add-DnsServerResourceRecord -ComputerName 'dc1.example.com' -ZoneName "
	                 "'example.com' -Name '@' -NS -NameServer 'dc2.example.com'");
	f = t_finding(r, 5);
	assert_at(f, "zones/example.com.dns", 4);
	assert_about(f, "example.com.", "dc6.emea.example.com.", "emea.example.com.");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* With auto_ns given, only the servers it names add themselves to the
 * apex NS set (dnsProperty 0x82/0x92): dc2, not named, missing from
 * example.com's apex is no finding; the delegations are judged as before. */
START_TEST(ns_missing_follows_auto_ns)
{
	static zl_addr dc1_addr;
	zl_model *m = ns_forest();
	const zl_zone *z = zl_model_zone_find(m, zl_model_name(m, "example.com"));

	ck_assert(zl_addr_parse("10.0.0.1", &dc1_addr));
	zl_zone_cfg_mut(m, (zl_zone *)z)->auto_ns =
		(zl_addr_list){ true, 1, &dc1_addr, LOC(30, 5) };
	ns_copies(m, RECORDS(
		"example.com. 3600 IN NS dc1.example.com.",
		"emea.example.com. 3600 IN NS dc5.emea.example.com.",
		"dc5.emea.example.com. 3600 IN A 10.2.0.5"));
	zl_results *r = run(m, "ns-missing", 5);
	for (size_t i = 0; i < r->findings.n; i++)
		ck_assert_str_ne(t_finding(r, i)->owner, "example.com.");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(ns_missing_silent)
{
	zl_model *m = ns_forest();

	ns_copies(m, RECORDS(
		"example.com. 3600 IN NS dc1.example.com.",
		"example.com. 3600 IN NS dc2.example.com.",
		"_msdcs.example.com. 3600 IN NS dc1.example.com.",
		"_msdcs.example.com. 3600 IN NS dc2.example.com.",
		"_msdcs.example.com. 3600 IN NS dc5.emea.example.com.",
		"_msdcs.example.com. 3600 IN NS dc6.emea.example.com.",
		"emea.example.com. 3600 IN NS dc5.emea.example.com.",
		"emea.example.com. 3600 IN NS dc6.emea.example.com.",
		"dc5.emea.example.com. 3600 IN A 10.2.0.5",
		"dc6.emea.example.com. 3600 IN A 10.2.0.6"));
	zl_results_free(run(m, "ns-missing", 0));
	zl_model_free(m);
}
END_TEST

START_TEST(glue_mismatch_fires_and_silent)
{
	zl_model *m = ns_forest();

	ns_copies(m, RECORDS(
		"emea.example.com. 3600 IN NS dc5.emea.example.com.",
		"emea.example.com. 3600 IN NS dc6.emea.example.com.",
		"emea.example.com. 3600 IN NS dc5.emea.example.com.",
		"emea.example.com. 3600 IN NS dc3.emea.example.com.",
		"dc5.emea.example.com. 3600 IN A 10.2.0.55",
		"dc6.emea.example.com. 3600 IN A 10.2.0.6",
		"dc6.emea.example.com. 3600 IN AAAA fd00::6",
		"dc3.emea.example.com. 3600 IN A 10.2.0.3"));
	zl_results *r = run(m, "glue-mismatch", 1);
	const zl_finding *f = t_finding(r, 0);

	assert_at(f, "zones/example.com.dns", 7);
	assert_about(f, "example.com.", "dc5.emea.example.com.", "dc5.emea.example.com.");
	ck_assert_str_eq(f->message, "glue A dc5.emea.example.com. 10.2.0.55 of the delegation "
	                 "of emea.example.com. is not an address of dc5.emea.example.com. "
	                 "(10.2.0.5), in zone example.com. on dc1.example.com.");
	ck_assert_uint_eq(f->commands.n, 4);
	assert_cmd(f, 0, "dnscmd dc1.example.com /RecordDelete example.com dc5.emea A "
	                 "10.2.0.55 /f");
	assert_cmd(f, 2, "dnscmd dc1.example.com /RecordAdd example.com dc5.emea A 10.2.0.5");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST


/* ---- copies read from byte-identical files ---------------------------------- */

/* A copy read from a file byte for byte the one of `from`: it shares
 * from's records, as the loader makes it, with its own path and servers. */
static zl_view *mk_shared_view(zl_model *m, const zl_view *from, const char *path,
                               const char *servers)
{
	zl_view *v = zl_model_add_view(m, (zl_zone *)zl_view_zone(from), path);
	char buf[256];

	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(zl_view_share(m, v, from), 0);
	snprintf(buf, sizeof(buf), "%s", servers);
	for (char *save = NULL, *w = strtok_r(buf, " ", &save); w;
	     w = strtok_r(NULL, " ", &save))
		ck_assert_int_eq(zl_view_attach_server(m, v, zl_model_server_find(m, t_name(m, w))),
		                 0);
	ck_assert_uint_eq(zl_view_records_index(v), zl_view_records_index(from));
	return v;
}

/* The findings in `file`, into out[]; how many. */
static size_t findings_in(const zl_results *r, const char *file, const zl_finding **out)
{
	size_t n = 0;

	for (size_t i = 0; i < r->findings.n; i++)
		if (strcmp(t_finding(r, i)->file, file) == 0)
			out[n++] = t_finding(r, i);
	return n;
}

/* s with " on dc1.example.com." in place of " on dc2.example.com.". */
static const char *on_dc1(const char *s, char *buf, size_t size)
{
	const char *at = strstr(s, " on dc2.example.com.");

	ck_assert_ptr_nonnull(at);
	snprintf(buf, size, "%.*s on dc1.example.com.%s", (int)(at - s), s,
	         at + strlen(" on dc2.example.com."));
	return buf;
}

/* dc1.example.com and dc2.example.com (dc, dns; site HQ) both host
 * example.com; the domain's GUID is known. */
static zl_model *shared_forest(void)
{
	zl_model *m = mk_model("example.com", (const char *const[]){ "example.com", NULL });
	zl_server *dc1 = mk_server(m, 10, "dc1.example.com", "10.0.0.1/24", DC_DNS, NULL);
	zl_server *dc2 = mk_server(m, 20, "dc2.example.com", "10.0.0.2/24", DC_DNS, NULL);

	zl_server_set_site(dc1, "HQ");
	zl_server_set_site(dc2, "HQ");
	zl_server_set_dsa_guid(dc1, DC1_GUID);
	zl_server_set_dsa_guid(dc2, RODC_GUID);
	zl_model_set_domain_guid(m, t_name(m, "example.com"), DOM_GUID);
	mk_zone(m, "example.com", ZL_STORAGE_AD_DOMAIN, "dc1.example.com dc2.example.com");
	resolve(m);
	return m;
}

/* Two copies of one file: the same findings in each, each on its own
 * server; names below a zone cut in the copy are held by neither. */
START_TEST(locator_records_shared_copy_each_server)
{
	zl_model *m = shared_forest();
	zl_view *v = mk_view(m, "example.com", "zones/dc1/example.com.dns", "dc1.example.com",
	                     RECORDS("_tcp.example.com. 3600 IN NS dc1.example.com."));
	mk_shared_view(m, v, "zones/dc2/example.com.dns", "dc2.example.com");
	zl_results *r = run(m, "dc-locator-records", 4);
	const zl_finding *a[4], *b[4];
	char buf[4096];

	ck_assert_uint_eq(findings_in(r, "zones/dc1/example.com.dns", a), 2);
	ck_assert_uint_eq(findings_in(r, "zones/dc2/example.com.dns", b), 2);
	for (size_t i = 0; i < 2; i++) {
		ck_assert_uint_eq(a[i]->line, 1);
		ck_assert_uint_eq(b[i]->line, 1);
		ck_assert_str_eq(a[i]->server, b[i]->server);
		ck_assert_str_eq(on_dc1(b[i]->message, buf, sizeof(buf)), a[i]->message);
		ck_assert_str_ne(a[i]->fingerprint, b[i]->fingerprint);
		ck_assert_ptr_nonnull(strstr(a[i]->message, "SRV _kerberos._udp.example.com."));
		ck_assert_ptr_null(strstr(a[i]->message, "SRV _kerberos._tcp.example.com."));
		ck_assert_ptr_null(strstr(a[i]->message, "SRV _ldap._tcp.example.com."));
	}
	ck_assert_str_eq(a[0]->server, "dc1.example.com.");
	ck_assert_str_eq(a[1]->server, "dc2.example.com.");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(orphan_records_shared_copy_each_server)
{
	zl_model *m = shared_forest();
	zl_view *v = mk_view(m, "example.com", "zones/dc1/example.com.dns", "dc1.example.com",
		RECORDS("_ldap._tcp.example.com. 600 IN SRV 0 100 389 old.example.com.",
		        "example.com. 600 IN A 10.0.0.99",
		        "_sites.example.com. 3600 IN NS dc1.example.com.",
		        "_ldap._tcp.hq._sites.example.com. 600 IN SRV 0 100 389 old.example.com."));
	mk_shared_view(m, v, "zones/dc2/example.com.dns", "dc2.example.com");
	zl_results *r = run(m, "dc-orphan-records", 4);
	const zl_finding *a[4], *b[4];
	char buf[512];

	ck_assert_uint_eq(findings_in(r, "zones/dc1/example.com.dns", a), 2);
	ck_assert_uint_eq(findings_in(r, "zones/dc2/example.com.dns", b), 2);
	ck_assert_uint_eq(a[0]->line, 3);
	ck_assert_uint_eq(a[1]->line, 4);
	for (size_t i = 0; i < 2; i++) {
		ck_assert_uint_eq(b[i]->line, a[i]->line);
		ck_assert_str_eq(on_dc1(b[i]->message, buf, sizeof(buf)), a[i]->message);
		ck_assert_str_ne(a[i]->fingerprint, b[i]->fingerprint);
	}
	assert_cmd(b[0], 0, "dnscmd dc2.example.com /RecordDelete example.com "
	                    "_ldap._tcp SRV 0 100 389 old.example.com /f");
	assert_cmd(b[1], 0, "dnscmd dc2.example.com /RecordDelete example.com @ A 10.0.0.99 /f");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(glue_mismatch_shared_copy_each_server)
{
	zl_model *m = ns_forest();
	zl_view *v = mk_view(m, "example.com", "zones/dc1/example.com.dns", "dc1.example.com",
		RECORDS("emea.example.com. 3600 IN NS dc5.emea.example.com.",
		        "emea.example.com. 3600 IN NS dc5.emea.example.com.",
		        "dc5.emea.example.com. 3600 IN A 10.2.0.55"));
	mk_shared_view(m, v, "zones/dc2/example.com.dns", "dc2.example.com");
	mk_view(m, "emea.example.com", "zones/emea.example.com.dns",
	        "dc5.emea.example.com dc6.emea.example.com",
	        RECORDS("emea.example.com. 3600 IN NS dc5.emea.example.com."));
	/* dc5, named twice, is checked once in each copy. */
	zl_results *r = run(m, "glue-mismatch", 2);
	const zl_finding *a[2], *b[2];
	char buf[512];

	ck_assert_uint_eq(findings_in(r, "zones/dc1/example.com.dns", a), 1);
	ck_assert_uint_eq(findings_in(r, "zones/dc2/example.com.dns", b), 1);
	ck_assert_uint_eq(a[0]->line, 5);
	ck_assert_uint_eq(b[0]->line, 5);
	ck_assert_str_eq(on_dc1(b[0]->message, buf, sizeof(buf)), a[0]->message);
	assert_cmd(b[0], 0, "dnscmd dc2.example.com /RecordDelete example.com dc5.emea A "
	                    "10.2.0.55 /f");
	ck_assert_str_ne(a[0]->fingerprint, b[0]->fingerprint);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

Suite *ad_rules_suite(void)
{
	Suite *s = suite_create("ad rules");
	TCase *self = tcase_create("self-address-mismatch");
	TCase *partner = tcase_create("partner rules");
	TCase *plan = tcase_create("partner-repair-plan");
	TCase *locator = tcase_create("DC locator records");
	TCase *aged = tcase_create("aged-address");
	TCase *gap = tcase_create("inventory-gap");

	tcase_add_test(self, self_mismatch_wrong_record);
	tcase_add_test(self, self_mismatch_missing_at_soa);
	tcase_add_test(self, self_mismatch_only_wrong_records);
	tcase_add_test(self, self_mismatch_silent);
	tcase_add_test(self, self_mismatch_child_domain_zone);
	tcase_add_test(partner, partner_stale_fires_per_address);
	tcase_add_test(partner, partner_stale_only_adds_reachable_address);
	tcase_add_test(partner, partner_stale_shared_file_each_partner);
	tcase_add_test(partner, partner_stale_unchecked_partners);
	tcase_add_test(partner, partner_stale_silent_when_right);
	tcase_add_test(partner, partner_missing_adds_same_network_address);
	tcase_add_test(partner, partner_missing_other_network_and_ipv6);
	tcase_add_test(partner, partner_missing_at_apex);
	tcase_add_test(partner, partner_no_same_network_fires);
	tcase_add_test(partner, partner_no_same_network_involves_subject);
	tcase_add_test(partner, partner_no_same_network_ipv6);
	tcase_add_test(partner, partner_no_same_network_silent_across_sites);
	tcase_add_test(plan, plan_one_fix_reaches_all);
	tcase_add_test(plan, plan_partner_only_reachable_through_server);
	tcase_add_test(plan, plan_ties_by_name);
	tcase_add_test(plan, plan_and_partner_relations);
	tcase_add_test(plan, plan_right_partner_as_candidate);
	tcase_add_test(plan, plan_single_affected_partner);
	tcase_add_test(locator, guid_cname_missing_and_wrong);
	tcase_add_test(locator, commands_quote_hostile_names);
	tcase_add_test(locator, powershell_quoting);
	tcase_add_test(locator, guid_cname_inside_forest_zone);
	tcase_add_test(locator, guid_cname_silent);
	tcase_add_test(locator, srv_records_missing);
	tcase_add_test(locator, srv_records_silent);
	tcase_add_test(locator, locator_records_silent);
	tcase_add_test(locator, locator_records_missing);
	tcase_add_test(locator, locator_records_unknown_data);
	tcase_add_test(locator, locator_explain_lists_the_table);
	tcase_add_test(locator, orphan_records_fire);
	tcase_add_test(locator, orphan_records_silent);
	tcase_add_test(locator, orphan_records_partial_and_unknown);
	tcase_add_test(locator, orphan_records_unknown_addresses);
	tcase_add_test(locator, ns_stale_fires);
	tcase_add_test(locator, ns_stale_silent);
	tcase_add_test(locator, ns_missing_fires);
	tcase_add_test(locator, ns_missing_silent);
	tcase_add_test(locator, ns_missing_follows_auto_ns);
	tcase_add_test(locator, glue_mismatch_fires_and_silent);
	tcase_add_test(locator, locator_records_shared_copy_each_server);
	tcase_add_test(locator, orphan_records_shared_copy_each_server);
	tcase_add_test(locator, glue_mismatch_shared_copy_each_server);
	tcase_add_test(aged, aged_address_strictly_older);
	tcase_add_test(aged, aged_address_zone_interval);
	suite_add_tcase(s, self);
	suite_add_tcase(s, partner);
	suite_add_tcase(s, plan);
	suite_add_tcase(s, locator);
	tcase_add_test(partner, target_no_address_follows_partner_missing);
	tcase_add_test(partner, target_no_address_follows_the_record_finding);
	tcase_add_test(gap, gap_dc_in_no_domain);
	tcase_add_test(gap, gap_dc_without_guid);
	tcase_add_test(gap, gap_locator_records_of_unlisted_domain);
	tcase_add_test(gap, gap_one_file_for_partners);
	tcase_add_test(gap, gap_silent);
	suite_add_tcase(s, aged);
	suite_add_tcase(s, gap);
	return s;
}
