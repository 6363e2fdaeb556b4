/*
 * The `zone` pack: each rule firing on a zone built for it, silent on its
 * near miss, and every rule silent on clean zones.  Zones are written one
 * record a line; a record's line number is its line in the text.
 */
#include <stdio.h>
#include <string.h>

#include <ldns/ldns.h>

#include "helpers.h"
#include "sources/rr_convert.h"
#include "suites.h"

#define ORIGIN "example.test."

/* Lines 1-3 of most zones: what a minimal valid zone holds. */
#define HEAD \
	"example.test. 3600 IN SOA ns1.example.test. hostmaster.example.test. 1 3600 600 86400 300\n" \
	"example.test. 3600 IN NS ns1.example.test.\n" \
	"ns1.example.test. 3600 IN A 192.0.2.1\n"

static const char *const zone_rules[] = {
	"soa", "apex-ns", "cname-other-data", "out-of-zone", "duplicate-record",
	"ttl-mismatch", "target-is-alias", "target-no-address", "missing-glue",
	"dname", "hostname-syntax",
};
#define N_ZONE_RULES (sizeof(zone_rules) / sizeof(zone_rules[0]))

/* Adds a view of zone z read from `file` with the records of `text`. */
static void add_view(zl_model *m, zl_zone *z, const char *file, const char *text)
{
	zl_view *v = zl_model_add_view(m, z, file);
	char line[1024];
	unsigned n = 0;

	ck_assert_ptr_nonnull(v);
	for (const char *p = text; *p; ) {
		size_t len = strcspn(p, "\n");
		n++;
		ck_assert_uint_lt(len, sizeof(line));
		memcpy(line, p, len);
		line[len] = '\0';
		if (len && line[0] != ';')
			t_record(m, v, n, line);
		p += len + (p[len] == '\n');
	}
}

/* A new model *m with one zone `origin` and no view yet. */
static zl_zone *zone_alone(zl_model **m, const char *origin)
{
	*m = zl_model_new();
	ck_assert_ptr_nonnull(*m);
	zl_zone *z = t_zone(*m, origin, ZL_STORAGE_FILE);
	ck_assert_int_eq(zl_model_resolve(*m), 0);
	return z;
}

/* A model with one zone `origin` and one view of `text` (file z.zone). */
static zl_model *zone_model(const char *origin, const char *text)
{
	zl_model *m;
	zl_zone *z = zone_alone(&m, origin);
	add_view(m, z, "z.zone", text);
	return m;
}

/* Runs rule over m and checks how many findings it gives. */
static void expect_count(const zl_model *m, const char *rule, size_t n)
{
	zl_results *r = t_run_rule(m, rule);
	ck_assert_msg(r->findings.n == n, "%s: %zu findings, expected %zu%s%s", rule,
	              r->findings.n, n, r->findings.n ? "; first: " : "",
	              r->findings.n ? t_finding(r, 0)->message : "");
	zl_results_free(r);
}

/* The lines of rule's findings on text, as "5,7" ("" for none). */
static void lines_of(const char *rule, const char *text, char *out, size_t size,
                     char *first_msg, size_t msg_size)
{
	zl_model *m = zone_model(ORIGIN, text);
	zl_results *r = t_run_rule(m, rule);
	size_t used = 0;

	out[0] = '\0';
	first_msg[0] = '\0';
	for (size_t i = 0; i < r->findings.n; i++) {
		const zl_finding *f = t_finding(r, i);
		ck_assert_str_eq(f->rule->id, rule);
		ck_assert_str_eq(f->zone, ORIGIN);
		ck_assert_ptr_nonnull(f->owner);
		ck_assert_str_eq(f->file, "z.zone");
		if (i == 0)
			snprintf(first_msg, msg_size, "%s", f->message);
		used += (size_t)snprintf(out + used, size - used, "%s%u", i ? "," : "",
		                         (unsigned)f->line);
		ck_assert_uint_lt(used, size);
	}
	zl_results_free(r);
	zl_model_free(m);
}

/* ---- table: one zone per fault, and its near miss --------------------- */

typedef struct zone_case {
	const char *name;
	const char *rule;
	const char *text;
	const char *lines;        /* lines of the findings, in order */
	const char *message;      /* the first finding's message, or NULL */
} zone_case;

static const zone_case cases[] = {
	/* soa */
	{ "soa-missing", "soa",
	  "\nexample.test. 3600 IN NS ns1.example.test.\nns1.example.test. 3600 IN A 192.0.2.1\n",
	  "1", "zone example.test. has no SOA record at its apex" },
	{ "soa-second", "soa", HEAD
	  "example.test. 3600 IN SOA ns2.example.test. hostmaster.example.test. 2 3600 600 86400 300\n",
	  "4", "second SOA at example.test. (serial 2); the first is at line 1 (serial 1)" },
	/* A zone saved from an AXFR ends with the same SOA (RFC 5936 2.2). */
	{ "soa-second-identical", "soa", HEAD
	  "example.test. 3600 IN SOA ns1.example.test. hostmaster.example.test. 1 3600 600 86400 300\n",
	  "", NULL },
	{ "soa-identical-then-differing", "soa", HEAD
	  "example.test. 3600 IN SOA ns1.example.test. hostmaster.example.test. 1 3600 600 86400 300\n"
	  "example.test. 3600 IN SOA ns1.example.test. hostmaster.example.test. 1 3600 600 86400 600\n",
	  "5", NULL },
	{ "soa-below-apex", "soa", HEAD
	  "sub.example.test. 3600 IN SOA ns1.example.test. hostmaster.example.test. 1 3600 600 86400 300\n",
	  "4", "SOA at sub.example.test. is not at the apex of zone example.test." },
	{ "soa-ok", "soa", HEAD, "", NULL },
	/* apex-ns */
	{ "apex-ns-missing", "apex-ns",
	  "; header\n"
	  "example.test. 3600 IN SOA ns1.example.test. hostmaster.example.test. 1 3600 600 86400 300\n"
	  "www.example.test. 3600 IN NS ns1.example.test.\n",
	  "2", "zone example.test. has no NS records at its apex" },
	{ "apex-ns-and-soa-missing", "apex-ns", "www.example.test. 3600 IN A 192.0.2.9\n",
	  "1", NULL },
	{ "apex-ns-ok", "apex-ns", HEAD, "", NULL },
	/* cname-other-data */
	{ "cname-after-data", "cname-other-data", HEAD
	  "www.example.test. 3600 IN A 192.0.2.1\n"
	  "www.example.test. 3600 IN CNAME web.example.test.\n",
	  "5", "CNAME web.example.test. at www.example.test. shares its name with "
	  "A 192.0.2.1 (line 4)" },
	{ "cname-before-data", "cname-other-data", HEAD
	  "www.example.test. 3600 IN CNAME web.example.test.\n"
	  "www.example.test. 3600 IN TXT \"hello\"\n"
	  "www.example.test. 3600 IN MX 10 mail.example.test.\n",
	  "5,6", "TXT \"hello\" at www.example.test. shares its name with CNAME "
	  "web.example.test. (line 4)" },
	{ "cname-both-sides", "cname-other-data", HEAD
	  "www.example.test. 3600 IN A 192.0.2.1\n"
	  "www.example.test. 3600 IN CNAME web.example.test.\n"
	  "www.example.test. 3600 IN AAAA 2001:db8::1\n",
	  "5,6", NULL },
	{ "cname-twice", "cname-other-data", HEAD
	  "www.example.test. 3600 IN CNAME web.example.test.\n"
	  "www.example.test. 3600 IN CNAME web2.example.test.\n",
	  "5", "CNAME web2.example.test. at www.example.test. shares its name with "
	  "CNAME web.example.test. (line 4)" },
	{ "cname-at-apex", "cname-other-data", HEAD
	  "example.test. 3600 IN CNAME web.example.test.\n",
	  "4", "CNAME web.example.test. at example.test. shares its name with SOA serial 1 "
	  "(line 1)" },
	{ "cname-identical-copy", "cname-other-data", HEAD
	  "www.example.test. 3600 IN CNAME web.example.test.\n"
	  "www.example.test. 3600 IN CNAME WEB.example.test.\n",
	  "", NULL },
	{ "cname-with-dnssec", "cname-other-data", HEAD
	  "www.example.test. 3600 IN CNAME web.example.test.\n"
	  "www.example.test. 3600 IN RRSIG CNAME 8 3 3600 20300101000000 20200101000000 "
	  "12345 example.test. AAAA\n"
	  "www.example.test. 3600 IN NSEC zzz.example.test. CNAME RRSIG NSEC\n",
	  "", NULL },
	/* out-of-zone */
	{ "out-of-zone", "out-of-zone", HEAD
	  "www.example.org. 3600 IN A 192.0.2.7\n"
	  "www.example.org. 3600 IN TXT \"x\"\n"
	  "test. 3600 IN A 192.0.2.8\n",
	  "4,5,6", "A 192.0.2.7 at www.example.org. is outside zone example.test.: "
	  "servers ignore it" },
	{ "in-zone", "out-of-zone", HEAD "a.b.c.example.test. 3600 IN A 192.0.2.7\n",
	  "", NULL },
	/* Glue as Windows writes it: the address of an NS target outside the
	 * zone; other data there, and addresses of non-NS names, still are. */
	{ "windows-glue", "out-of-zone", HEAD
	  "example.test. 3600 IN NS ns1.other.example.org.\n"
	  "ns1.other.example.org. 3600 IN A 192.0.2.53\n"
	  "ns1.other.example.org. 3600 IN AAAA 2001:db8::53\n"
	  "ns1.other.example.org. 3600 IN TXT \"x\"\n"
	  "sub.example.test. 3600 IN NS ns2.other.example.org.\n"
	  "ns2.other.example.org. 3600 IN A 192.0.2.54\n"
	  "example.test. 3600 IN MX 10 mx.other.example.org.\n"
	  "mx.other.example.org. 3600 IN A 192.0.2.25\n",
	  "7,11", NULL },
	/* duplicate-record */
	{ "duplicate", "duplicate-record", HEAD
	  "www.example.test. 3600 IN A 192.0.2.5\n"
	  "www.example.test. 3600 IN A 192.0.2.6\n"
	  "www.example.test. 300 IN A 192.0.2.5\n",
	  "6", "A 192.0.2.5 at www.example.test. duplicates A 192.0.2.5 (line 4)" },
	{ "duplicate-name-case", "duplicate-record", HEAD
	  "example.test. 3600 IN MX 10 Mail.Example.Test.\n"
	  "example.test. 3600 IN MX 10 mail.example.test.\n"
	  "example.test. 3600 IN MX 10 mail.example.test.\n",
	  "5,6", NULL },
	{ "duplicate-not", "duplicate-record", HEAD
	  "example.test. 3600 IN MX 10 mail.example.test.\n"
	  "example.test. 3600 IN MX 20 mail.example.test.\n"
	  "example.test. 3600 IN TXT \"a\"\n"
	  "example.test. 3600 IN TXT \"a b\"\n",
	  "", NULL },
	/* ttl-mismatch */
	{ "ttl-mismatch", "ttl-mismatch", HEAD
	  "www.example.test. 3600 IN A 192.0.2.5\n"
	  "www.example.test. 300 IN A 192.0.2.6\n"
	  "www.example.test. 3600 IN A 192.0.2.7\n"
	  "www.example.test. 60 IN A 192.0.2.8\n",
	  "5,7", "A 192.0.2.6 at www.example.test. has TTL 300, but its RRset has TTL "
	  "3600 from A 192.0.2.5 (line 4)" },
	{ "ttl-per-type", "ttl-mismatch", HEAD
	  "www.example.test. 3600 IN A 192.0.2.5\n"
	  "www.example.test. 300 IN AAAA 2001:db8::5\n"
	  "www.example.test. 60 IN TXT \"x\"\n"
	  "www.example.test. 3600 IN RRSIG A 8 3 3600 20300101000000 20200101000000 "
	  "12345 example.test. AAAA\n"
	  "www.example.test. 300 IN RRSIG AAAA 8 3 300 20300101000000 20200101000000 "
	  "12345 example.test. AAAA\n",
	  "", NULL },
	{ "ttl-many-rrsets", "ttl-mismatch", HEAD
	  "www.example.test. 3600 IN A 192.0.2.5\n"
	  "www.example.test. 3600 IN AAAA 2001:db8::5\n"
	  "www.example.test. 3600 IN TXT \"x\"\n"
	  "www.example.test. 3600 IN MX 10 mx.example.test.\n"
	  "www.example.test. 3600 IN HINFO \"cpu\" \"os\"\n"
	  "www.example.test. 3600 IN RP mbox.example.test. txt.example.test.\n"
	  "www.example.test. 3600 IN AFSDB 1 afs.example.test.\n"
	  "www.example.test. 3600 IN KX 10 kx.example.test.\n"
	  "www.example.test. 3600 IN SSHFP 1 1 0123456789abcdef0123456789abcdef01234567\n"
	  "www.example.test. 3600 IN CAA 0 issue \"ca.example\"\n"
	  "www.example.test. 3600 IN NAPTR 100 10 \"u\" \"E2U+sip\" \"!^.*$!sip:x@example.test!\" .\n"
	  "www.example.test. 3600 IN URI 10 1 \"https://example.test/\"\n"
	  "www.example.test. 3600 IN SPF \"v=spf1 -all\"\n"
	  "www.example.test. 3600 IN PTR host.example.test.\n"
	  "www.example.test. 3600 IN LOC 52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m\n"
	  "www.example.test. 3600 IN DNAME elsewhere.example.test.\n"
	  "www.example.test. 3600 IN SRV 0 0 80 host.example.test.\n"
	  "www.example.test. 300 IN SRV 0 0 81 host.example.test.\n"
	  "www.example.test. 60 IN A 192.0.2.6\n",
	  "21,22", NULL },
	/* target-is-alias */
	{ "mx-to-cname", "target-is-alias", HEAD
	  "example.test. 3600 IN MX 10 mail.example.test.\n"
	  "mail.example.test. 3600 IN CNAME exch1.example.test.\n"
	  "exch1.example.test. 3600 IN A 192.0.2.25\n",
	  "4", "MX 10 mail.example.test. at example.test. points to an alias: "
	  "mail.example.test. is a CNAME for exch1.example.test. (line 5)" },
	{ "ns-srv-to-cname", "target-is-alias", HEAD
	  "example.test. 3600 IN NS alias.example.test.\n"
	  "_ldap._tcp.example.test. 3600 IN SRV 0 100 389 alias.example.test.\n"
	  "alias.example.test. 3600 IN CNAME ns1.example.test.\n",
	  "4,5", NULL },
	{ "target-not-alias", "target-is-alias", HEAD
	  "example.test. 3600 IN MX 10 ns1.example.test.\n"
	  "example.test. 3600 IN MX 20 mail.example.org.\n"
	  "www.example.test. 3600 IN CNAME ns1.example.test.\n",
	  "", NULL },
	/* target-no-address */
	{ "ns-no-address", "target-no-address",
	  "example.test. 3600 IN SOA ns1.example.test. hostmaster.example.test. 1 3600 600 86400 300\n"
	  "example.test. 3600 IN NS ns1.example.test.\n",
	  "2", "NS ns1.example.test. at example.test. points to ns1.example.test., "
	  "which has no A or AAAA record in the zone" },
	{ "mx-srv-no-address", "target-no-address", HEAD
	  "example.test. 3600 IN MX 10 mail.example.test.\n"
	  "_ldap._tcp.example.test. 3600 IN SRV 0 100 389 dc9.example.test.\n"
	  "dc9.example.test. 3600 IN TXT \"retired\"\n",
	  "4,5", NULL },
	{ "target-alias-not-no-address", "target-no-address", HEAD
	  "example.test. 3600 IN MX 10 mail.example.test.\n"
	  "mail.example.test. 3600 IN CNAME elsewhere.example.org.\n",
	  "", NULL },
	{ "target-has-address", "target-no-address", HEAD
	  "example.test. 3600 IN MX 10 mail.example.test.\n"
	  "mail.example.test. 3600 IN AAAA 2001:db8::25\n"
	  "example.test. 3600 IN MX 20 mx.example.org.\n"
	  "example.test. 3600 IN MX 0 .\n"
	  "_sip._tcp.example.test. 3600 IN SRV 0 0 0 .\n",
	  "", NULL },
	{ "target-wildcard", "target-no-address", HEAD
	  "example.test. 3600 IN MX 10 mail.hosts.example.test.\n"
	  "*.hosts.example.test. 3600 IN A 192.0.2.30\n",
	  "", NULL },
	{ "target-wildcard-not-for-existing", "target-no-address", HEAD
	  "example.test. 3600 IN MX 10 mail.hosts.example.test.\n"
	  "*.hosts.example.test. 3600 IN A 192.0.2.30\n"
	  "mail.hosts.example.test. 3600 IN TXT \"x\"\n",
	  "4", NULL },
	{ "target-below-cut", "target-no-address", HEAD
	  "example.test. 3600 IN MX 10 mail.sub.example.test.\n"
	  "sub.example.test. 3600 IN NS ns1.sub.example.test.\n"
	  "sub.example.test. 3600 IN NS ns1.example.test.\n",
	  "", NULL },
	{ "target-sibling-of-delegation", "target-no-address", HEAD
	  "sub.example.test. 3600 IN NS ns9.example.test.\n",
	  "4", NULL },
	{ "records-below-cut-not-judged", "target-no-address", HEAD
	  "sub.example.test. 3600 IN NS ns1.example.test.\n"
	  "x.sub.example.test. 3600 IN MX 10 nowhere.example.test.\n"
	  "x.sub.example.test. 3600 IN NS nowhere.example.test.\n",
	  "", NULL },
	{ "target-below-dname-is-dnames", "target-no-address", HEAD
	  "old.example.test. 3600 IN DNAME new.example.test.\n"
	  "sub.old.example.test. 3600 IN NS ns1.old.example.test.\n"
	  "mail.old.example.test. 3600 IN MX 10 mx.old.example.test.\n"
	  "example.test. 3600 IN MX 10 mx.old.example.test.\n",
	  "7", NULL },
	/* missing-glue */
	{ "missing-glue", "missing-glue", HEAD
	  "sub.example.test. 3600 IN NS ns1.sub.example.test.\n"
	  "sub.example.test. 3600 IN NS ns2.sub.example.test.\n"
	  "ns2.sub.example.test. 3600 IN A 192.0.2.53\n"
	  "sub.example.test. 3600 IN NS sub.example.test.\n",
	  "4,7", "delegation sub.example.test. NS ns1.sub.example.test. has no glue: "
	  "no A or AAAA record at ns1.sub.example.test." },
	{ "glue-present", "missing-glue", HEAD
	  "sub.example.test. 3600 IN NS ns1.sub.example.test.\n"
	  "ns1.sub.example.test. 3600 IN AAAA 2001:db8::53\n"
	  "sub.example.test. 3600 IN NS ns1.example.test.\n"
	  "sub.example.test. 3600 IN NS ns.example.org.\n"
	  "other.example.test. 3600 IN NS ns1.sub.example.test.\n"
	  "example.test. 3600 IN NS ns.other.example.test.\n",
	  "", NULL },
	{ "glue-below-nested-cut", "missing-glue", HEAD
	  "sub.example.test. 3600 IN NS ns1.example.test.\n"
	  "deep.sub.example.test. 3600 IN NS ns1.deep.sub.example.test.\n",
	  "", NULL },
	/* dname */
	{ "dname-twice", "dname", HEAD
	  "old.example.test. 3600 IN DNAME new.example.test.\n"
	  "old.example.test. 3600 IN DNAME other.example.test.\n"
	  "old.example.test. 3600 IN DNAME new.example.test.\n",
	  "5", "DNAME other.example.test. at old.example.test. shares its name with "
	  "DNAME new.example.test. (line 4)" },
	{ "dname-children", "dname", HEAD
	  "www.old.example.test. 3600 IN A 192.0.2.1\n"
	  "old.example.test. 3600 IN DNAME new.example.test.\n"
	  "a.b.old.example.test. 3600 IN TXT \"x\"\n"
	  "a.b.old.example.test. 3600 IN A 192.0.2.2\n",
	  "4,6,7", "A 192.0.2.1 at www.old.example.test. is below DNAME "
	  "new.example.test. at old.example.test. (line 5)" },
	{ "dname-nsec3-below-apex", "dname",
	  "example.test. 3600 IN SOA ns1.example.test. hostmaster.example.test. 1 3600 600 86400 300\n"
	  "example.test. 3600 IN NS ns1.example.org.\n"
	  "example.test. 3600 IN DNAME example.net.\n"
	  "ple28jlp3q5anh045ssk9f3u7ltd4qlc.example.test. 3600 IN NSEC3 1 1 10 151E9F1094FE188F "
	  "ple28jlp3q5anh045ssk9f3u7ltd4qlc NS SOA DNAME RRSIG\n"
	  "ple28jlp3q5anh045ssk9f3u7ltd4qlc.example.test. 3600 IN RRSIG NSEC3 13 3 3600 "
	  "20400406111136 20210205094136 61806 example.test. C3JeKvcKdQO3zTJqg5Z114jTd36t\n"
	  "www.example.test. 3600 IN RRSIG A 13 3 3600 "
	  "20400406111136 20210205094136 61806 example.test. C3JeKvcKdQO3zTJqg5Z114jTd36t\n",
	  "6", NULL },
	{ "dname-beside-ns", "dname", HEAD
	  "sub.example.test. 3600 IN NS ns.sub.example.test.\n"
	  "sub.example.test. 3600 IN DNAME example.com.\n"
	  "ns.sub.example.test. 3600 IN A 192.0.2.53\n",
	  "5", "DNAME example.com. at sub.example.test. shares its name with "
	  "NS ns.sub.example.test. (line 4)" },
	{ "dname-alone", "dname", HEAD
	  "old.example.test. 3600 IN DNAME new.example.test.\n"
	  "old.example.test. 3600 IN TXT \"kept\"\n"
	  "oldish.example.test. 3600 IN A 192.0.2.1\n"
	  "new.example.test. 3600 IN A 192.0.2.2\n",
	  "", NULL },
	/* hostname-syntax */
	{ "host-underscore", "hostname-syntax", HEAD
	  "file_srv.example.test. 3600 IN A 192.0.2.20\n",
	  "4", "owner file_srv.example.test. of A 192.0.2.20 is not a valid host name: "
	  "label 'file_srv': '_' may only start a service label" },
	{ "host-leftmost-service-label", "hostname-syntax", HEAD
	  "_dc.example.test. 3600 IN AAAA 2001:db8::1\n"
	  "example.test. 3600 IN MX 10 _mail.example.test.\n"
	  "_ldap._tcp.example.test. 3600 IN SRV 0 100 389 _dc1.example.test.\n"
	  "example.test. 3600 IN NS -ns.example.test.\n"
	  "bad-.example.test. 3600 IN A 192.0.2.1\n"
	  "a\\032b.example.test. 3600 IN A 192.0.2.1\n"
	  "example.test. 3600 IN MX 10 *.example.test.\n"
	  "a.*.example.test. 3600 IN A 192.0.2.1\n",
	  "4,5,6,7,8,9,10,11", NULL },
	{ "host-target-message", "hostname-syntax", HEAD
	  "example.test. 3600 IN MX 10 mx_1.example.test.\n",
	  "4", "target mx_1.example.test. of MX 10 mx_1.example.test. at example.test. "
	  "is not a valid host name: label 'mx_1': '_' may only start a service label" },
	{ "host-ad-names", "hostname-syntax", HEAD
	  "gc._msdcs.example.test. 600 IN A 192.0.2.1\n"
	  "DomainDnsZones.example.test. 600 IN A 192.0.2.1\n"
	  "*.example.test. 600 IN A 192.0.2.1\n"
	  "_ldap._tcp.dc._msdcs.example.test. 600 IN SRV 0 100 389 dc1.example.test.\n"
	  "x_y.example.test. 600 IN TXT \"not a host\"\n"
	  "example.test. 600 IN MX 10 mx1.srv._mail.example.test.\n"
	  "xn--bcher-kva.example.test. 600 IN A 192.0.2.1\n"
	  "1host.example.test. 600 IN A 192.0.2.1\n",
	  "", NULL },
	/* SPF exists names (RFC 7208 5.7, D.1), as BIND's check-names takes them. */
	{ "host-spf-exists", "hostname-syntax", HEAD
	  "a._spf_verify.example.test. 600 IN A 192.0.2.2\n"
	  "192.0.2.9._spf_rate.example.test. 600 IN A 127.0.0.2\n"
	  "10.0.0.1._spf.example.test. 600 IN A 127.0.0.2\n"
	  "x_y._spf_other.example.test. 600 IN A 127.0.0.2\n"
	  "_spf_verify.example.test. 600 IN A 192.0.2.2\n",
	  "7", NULL },
};

START_TEST(zone_case_gives_its_findings)
{
	const zone_case *c = &cases[_i];
	char lines[256], msg[1024];

	lines_of(c->rule, c->text, lines, sizeof(lines), msg, sizeof(msg));
	ck_assert_msg(strcmp(lines, c->lines) == 0, "%s: %s findings on lines '%s', "
	              "expected '%s' (first: %s)", c->name, c->rule, lines, c->lines, msg);
	if (c->message)
		ck_assert_msg(strcmp(msg, c->message) == 0, "%s: message\n got: %s\nwant: %s",
		              c->name, msg, c->message);
}
END_TEST

/* ---- clean zones: no rule of the pack fires --------------------------- */

static const char *const clean_zones[] = {
	/* an AD forest root zone, as DNS Manager keeps it */
	"corp.example.test. 3600 IN SOA dc1.corp.example.test. hostmaster.corp.example.test. 42 900 600 86400 3600\n"
	"corp.example.test. 3600 IN NS dc1.corp.example.test.\n"
	"corp.example.test. 3600 IN NS dc2.corp.example.test.\n"
	"corp.example.test. 600 IN A 10.0.0.10\n"
	"corp.example.test. 600 IN A 10.0.0.11\n"
	"_msdcs.corp.example.test. 3600 IN NS dc1.corp.example.test.\n"
	"dc1.corp.example.test. 1200 IN A 10.0.0.10\n"
	"dc2.corp.example.test. 1200 IN A 10.0.0.11\n"
	"dc2.corp.example.test. 1200 IN AAAA fd00::11\n"
	"gc._msdcs.corp.example.test. 600 IN A 10.0.0.10\n"
	"_ldap._tcp.corp.example.test. 600 IN SRV 0 100 389 dc1.corp.example.test.\n"
	"_ldap._tcp.corp.example.test. 600 IN SRV 0 100 389 dc2.corp.example.test.\n"
	"_kerberos._tcp.corp.example.test. 600 IN SRV 0 100 88 dc1.corp.example.test.\n"
	"_kerberos._udp.corp.example.test. 600 IN SRV 0 100 88 dc1.corp.example.test.\n"
	"_ldap._tcp.Default-First-Site-Name._sites.corp.example.test. 600 IN SRV 0 100 389 dc1.corp.example.test.\n"
	"DomainDnsZones.corp.example.test. 600 IN A 10.0.0.10\n"
	"_ldap._tcp.DomainDnsZones.corp.example.test. 600 IN SRV 0 100 389 dc1.corp.example.test.\n"
	"www.corp.example.test. 3600 IN CNAME intranet.corp.example.test.\n"
	"intranet.corp.example.test. 3600 IN A 10.0.0.80\n",
	/* a mail domain */
	"example.test. 3600 IN SOA ns1.example.test. hostmaster.example.test. 1 3600 600 86400 300\n"
	"example.test. 3600 IN NS ns1.example.test.\n"
	"example.test. 3600 IN NS ns.example.org.\n"
	"example.test. 3600 IN MX 10 mx1.example.test.\n"
	"example.test. 3600 IN MX 20 mx.example.org.\n"
	"example.test. 3600 IN TXT \"v=spf1 mx -all\"\n"
	"ns1.example.test. 3600 IN A 192.0.2.1\n"
	"mx1.example.test. 3600 IN A 192.0.2.25\n"
	"mx1.example.test. 3600 IN AAAA 2001:db8::25\n"
	"_dmarc.example.test. 3600 IN TXT \"v=DMARC1; p=reject\"\n"
	"_submission._tcp.example.test. 3600 IN SRV 0 1 587 mx1.example.test.\n"
	"_imap._tcp.example.test. 3600 IN SRV 0 0 0 .\n",
	/* a delegating parent */
	"example.test. 3600 IN SOA ns1.example.test. hostmaster.example.test. 1 3600 600 86400 300\n"
	"example.test. 3600 IN NS ns1.example.test.\n"
	"ns1.example.test. 3600 IN A 192.0.2.1\n"
	"child.example.test. 3600 IN NS ns1.child.example.test.\n"
	"child.example.test. 3600 IN NS ns1.example.test.\n"
	"ns1.child.example.test. 3600 IN A 192.0.2.53\n"
	"other.example.test. 3600 IN NS ns.example.org.\n"
	"old.example.test. 3600 IN DNAME new.example.test.\n",
};

static const char *const clean_origins[] = {
	"corp.example.test", "example.test", "example.test",
};

START_TEST(clean_zone_is_silent)
{
	zl_model *m = zone_model(clean_origins[_i], clean_zones[_i]);

	for (size_t i = 0; i < N_ZONE_RULES; i++)
		expect_count(m, zone_rules[i], 0);
	zl_model_free(m);
}
END_TEST

/* ---- what every finding carries, and once per view -------------------- */

START_TEST(finding_carries_zone_owner_data_and_severity)
{
	zl_model *m = zone_model(ORIGIN, HEAD
	                         "www.example.test. 3600 IN A 192.0.2.5\n"
	                         "www.example.test. 300 IN A 192.0.2.6\n");
	zl_results *r = t_run_rule(m, "ttl-mismatch");

	ck_assert_uint_eq(r->findings.n, 1);
	const zl_finding *f = t_finding(r, 0);
	ck_assert_str_eq(f->owner, "www.example.test.");
	ck_assert_str_eq(f->zone, "example.test.");
	ck_assert_str_eq(f->data, "192.0.2.6");
	ck_assert_ptr_null(f->server);
	ck_assert_uint_eq(f->column, 1);
	ck_assert_int_eq(f->severity, ZL_SEVERITY_WARNING);
	ck_assert_ptr_nonnull(f->fix);
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

START_TEST(each_view_reported_once)
{
	zl_model *m;
	zl_zone *z = zone_alone(&m, ORIGIN);
	add_view(m, z, "a.zone", "www.example.test. 3600 IN A 192.0.2.1\n");
	add_view(m, z, "b.zone", "\n\nwww.example.test. 3600 IN A 192.0.2.1\n");
	zl_results *r = t_run_rule(m, "soa");

	ck_assert_uint_eq(r->findings.n, 2);
	ck_assert_str_eq(t_finding(r, 0)->file, "a.zone");
	ck_assert_str_eq(t_finding(r, 1)->file, "b.zone");
	ck_assert_uint_eq(t_finding(r, 1)->line, 1);
	zl_results_free(r);
	expect_count(m, "apex-ns", 2);
	zl_model_free(m);
}
END_TEST

/* A record on the line of the earlier one, in another file of the view. */
START_TEST(conflict_in_other_file_names_it)
{
	zl_model *m;
	zl_zone *z = zone_alone(&m, ORIGIN);
	zl_view *v = zl_model_add_view(m, z, "main.zone");
	t_record(m, v, 3, "www.example.test. 3600 IN A 192.0.2.1");
	int inc = zl_view_add_file(v, "inc.zone");
	ck_assert_int_eq(inc, 1);
	ldns_rr *rr = NULL;
	ck_assert_int_eq(ldns_rr_new_frm_str(&rr, "www.example.test. 3600 IN A 192.0.2.1",
	                                     3600, NULL, NULL), LDNS_STATUS_OK);
	ck_assert_int_eq(zl_record_from_ldns(m, v, rr, (uint16_t)inc, 7, 0), 0);
	ldns_rr_free(rr);
	zl_results *r = t_run_rule(m, "duplicate-record");

	ck_assert_uint_eq(r->findings.n, 1);
	ck_assert_str_eq(t_finding(r, 0)->file, "inc.zone");
	ck_assert_uint_eq(t_finding(r, 0)->line, 7);
	ck_assert_str_eq(t_finding(r, 0)->message,
	                 "A 192.0.2.1 at www.example.test. duplicates A 192.0.2.1 (main.zone:3)");
	zl_results_free(r);
	zl_model_free(m);
}
END_TEST

/* Other rules leave out-of-zone records to out-of-zone. */
START_TEST(out_of_zone_records_left_to_their_rule)
{
	zl_model *m = zone_model(ORIGIN, HEAD
	                         "bad_name.example.org. 3600 IN A 192.0.2.1\n"
	                         "bad_name.example.org. 3600 IN A 192.0.2.1\n"
	                         "bad_name.example.org. 3600 IN CNAME x.example.org.\n");

	for (size_t i = 0; i < N_ZONE_RULES; i++)
		expect_count(m, zone_rules[i], strcmp(zone_rules[i], "out-of-zone") == 0 ? 3 : 0);
	zl_model_free(m);
}
END_TEST

/* A view the loader read only in part (a .dns.log update log): no
 * findings about what it seems to lack; a full empty view gets them. */
START_TEST(partial_view_lacks_nothing)
{
	zl_model *m;
	zl_zone *z = zone_alone(&m, ORIGIN);
	zl_view *v = zl_model_add_view(m, z, "z.dns.log");

	ck_assert_ptr_nonnull(v);
	ck_assert(!zl_view_partial(v));
	expect_count(m, "soa", 1);
	expect_count(m, "apex-ns", 1);
	zl_view_mark_partial(v);
	ck_assert(zl_view_partial(v));
	expect_count(m, "soa", 0);
	expect_count(m, "apex-ns", 0);
	zl_model_free(m);
}
END_TEST

START_TEST(rules_are_registered_in_the_zone_pack)
{
	zl_engine *e = zl_engine_new();

	for (size_t i = 0; i < N_ZONE_RULES; i++) {
		const zl_rule *rule = zl_engine_find(e, zone_rules[i]);
		ck_assert_msg(rule != NULL, "no rule %s", zone_rules[i]);
		ck_assert_str_eq(rule->pack, "zone");
		ck_assert_ptr_nonnull(strstr(rule->explanation, "Example:"));
		ck_assert_ptr_nonnull(strstr(rule->explanation, "Fix:"));
		ck_assert_ptr_nonnull(strstr(rule->explanation, "RFC"));
	}
	zl_engine_free(e);
}
END_TEST

Suite *zone_rules_suite(void)
{
	Suite *s = suite_create("zone rules");
	TCase *tc = tcase_create("zone");

	tcase_add_loop_test(tc, zone_case_gives_its_findings, 0,
	                    (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_loop_test(tc, clean_zone_is_silent, 0,
	                    (int)(sizeof(clean_zones) / sizeof(clean_zones[0])));
	tcase_add_test(tc, finding_carries_zone_owner_data_and_severity);
	tcase_add_test(tc, each_view_reported_once);
	tcase_add_test(tc, conflict_in_other_file_names_it);
	tcase_add_test(tc, out_of_zone_records_left_to_their_rule);
	tcase_add_test(tc, partial_view_lacks_nothing);
	tcase_add_test(tc, rules_are_registered_in_the_zone_pack);
	suite_add_tcase(s, tc);
	return s;
}
