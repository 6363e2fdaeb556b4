/*
 * lint/main.c - the command line: parse options, load the inputs into one
 * model, run the engine, write one report, decide the exit code (SPEC 1).
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "baseline.h"
#include "draft.h"
#include "engine.h"
#include "model_int.h"
#include "names.h"
#include "writers/outfile.h"
#include "writers/writers.h"
#include "plugin.h"
#include "dump_inventory.h"
#include "sources/ldap.h"
#include "sources/load.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_UNUSABLE = 2 };

enum color { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

/* SARIF's tool.driver.informationUri: the Makefile writes INFO_URI into
 * info_uri.h (make INFO_URI=...; empty leaves it out of the log). */
#include "info_uri.h"
#ifndef ZL_INFO_URI
#define ZL_INFO_URI NULL
#endif

typedef struct options {
	const zl_writer *writer;      /* -f: a row of zl_writers */
	const char *output;           /* NULL: stdout */
	zl_severity fail_on;          /* OFF = never */
	int64_t date;                 /* audit day, 00:00 UTC */
	const char *zone_origin;      /* -z */
	bool quiet;
	bool verbose;                 /* -v: findings that follow from another too */
	bool list_rules;
	const char *explain;
	const char *baseline;         /* --baseline FILE */
	enum color color;
	zl_zonefile_options zone;
	bool live;                    /* --live */
	zl_live_options net;          /* --timeout, --jobs, --max-records */
	/* --ldap URIs (room for argc, pointing into argv), and the rest of
	 * the directory options */
	const char **ldap;
	size_t nldap;
	const char *bind_dn, *password_file, *ca, *dump_dir;
	const char *draft_dir;        /* --draft-inventory DIR */
	char password[1024];          /* --bind-dn's; wiped after the load */
	/* --plugin and --rule arguments, in order; applied once options are
	 * read, plugins first, so --rule may name a plugin's rule.  Each array
	 * has room for argc entries and points into argv. */
	const char **plugins;
	size_t nplugins;
	const char **rules;
	size_t nrules;
} options;

enum {
	OPT_FAIL_ON = 256, OPT_RULE, OPT_DATE, OPT_LIST_RULES, OPT_EXPLAIN,
	OPT_INCLUDE_ANYWHERE, OPT_PLUGIN, OPT_BASELINE, OPT_COLOR, OPT_LIVE,
	OPT_TIMEOUT, OPT_JOBS, OPT_LDAP, OPT_DUMP, OPT_BIND_DN, OPT_PASSWORD_FILE,
	OPT_CA, OPT_DRAFT, OPT_MAX_RECORDS,
};

static const struct option long_options[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "rule", required_argument, NULL, OPT_RULE },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "zone", required_argument, NULL, 'z' },
	{ "include-anywhere", no_argument, NULL, OPT_INCLUDE_ANYWHERE },
	{ "max-records", required_argument, NULL, OPT_MAX_RECORDS },
	{ "quiet", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "list-rules", no_argument, NULL, OPT_LIST_RULES },
	{ "explain", required_argument, NULL, OPT_EXPLAIN },
	{ "plugin", required_argument, NULL, OPT_PLUGIN },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "version", no_argument, NULL, 'V' },
	{ "help", no_argument, NULL, 'h' },
	/* Sources other than files: --live (AXFR) and --ldap (the directory). */
	{ "live", no_argument, NULL, OPT_LIVE },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "jobs", required_argument, NULL, OPT_JOBS },
	{ "ldap", required_argument, NULL, OPT_LDAP },
	{ "dump-inventory", required_argument, NULL, OPT_DUMP },
	{ "bind-dn", required_argument, NULL, OPT_BIND_DN },
	{ "password-file", required_argument, NULL, OPT_PASSWORD_FILE },
	{ "ca", required_argument, NULL, OPT_CA },
	{ "draft-inventory", required_argument, NULL, OPT_DRAFT },
	{ NULL, 0, NULL, 0 },
};

static const char usage_text[] =
	"usage: zonelint [OPTIONS] INVENTORY.yaml        lint a forest\n"
	"       zonelint [OPTIONS] -z ORIGIN ZONEFILE... lint zone files alone\n"
	"       zonelint --list-rules                    list the rules\n"
	"       zonelint --explain RULE|6702             why a rule exists, and the fix\n"
	"       zonelint --draft-inventory DIR [-o FILE] draft an inventory from zone exports\n"
	"\n"
	"  -f, --format text|json|sarif|html|dot|ps1\n"
	"                              output format (default text); html: the audit\n"
	"                              report with the replication graph, dot: that graph,\n"
	"                              ps1: the fix plan as a PowerShell script\n"
	"  -o, --output FILE           write the report to FILE\n"
	"      --fail-on error|warning|info|never\n"
	"                              lowest severity giving exit code 1 (default error)\n"
	"      --rule ID=off|info|warning|error\n"
	"                              override a rule's severity (repeatable)\n"
	"      --plugin PATH.so        load extra rules from a shared object (repeatable)\n"
	"      --date YYYY-MM-DD       audit date (default: today, UTC)\n"
	"  -z, --zone ORIGIN           lint ZONEFILEs as zone ORIGIN, zone rules only\n"
	"      --include-anywhere      let $INCLUDE leave the including file's folder\n"
	"      --max-records N         records read in all, 1000..4294967295\n"
	"                              (default 20000000)\n"
	"      --live                  lint what the servers hold: zone transfers (AXFR)\n"
	"                              from each server's dns endpoint, not the files\n"
	"      --timeout SECONDS       per transfer, 1..3600 (default 10)\n"
	"      --jobs N                transfers at once, 1..256 (default 4)\n"
	"      --ldap URI              read the forest from this DC (repeatable; an\n"
	"                              inventory is then optional and overrides it)\n"
	"      --bind-dn DN            simple bind as DN (password: --password-file or\n"
	"                              ZONELINT_LDAP_PASSWORD); without it, SASL GSSAPI\n"
	"      --password-file FILE    the --bind-dn password, on the first line of FILE\n"
	"      --ca FILE               CA certificates that sign the DCs' certificates\n"
	"      --dump-inventory DIR    with --ldap or --live: write what was read as an\n"
	"                              inventory and zone files in DIR, then lint\n"
	"      --draft-inventory DIR   write a draft inventory (to -o FILE or stdout) from\n"
	"                              DIR/<server>/*.dns, dnscmd /ZoneExport files\n"
	"      --baseline FILE         hide findings already in FILE (an earlier -f json report)\n"
	"  -q, --quiet                 print nothing for a clean run\n"
	"  -v, --verbose               text: also print the findings that follow from\n"
	"                              another, instead of one `also:` line under it\n"
	"      --color auto|always|never\n"
	"                              colour text output (auto: a terminal, no NO_COLOR)\n"
	"  -V, --version               print the version\n"
	"  -h, --help                  print this help\n"
	"\n"
	"Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;\n"
	"2 usage error or input that could not be read or parsed.\n";

static int usage_error(const char *fmt, const char *arg)
{
	fputs("zonelint: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'zonelint --help'.\n", stderr);
	return EXIT_UNUSABLE;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static int64_t days_from_civil(int y, unsigned mo, unsigned d)
{
	y -= mo <= 2;
	const int64_t era = (y >= 0 ? y : y - 399) / 400;
	const unsigned yoe = (unsigned)(y - era * 400);
	const unsigned doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

/* A whole number from lo to hi, nothing else. */
static bool parse_count(const char *text, unsigned lo, unsigned hi, unsigned *out)
{
	char *end;
	unsigned long v;

	if (*text < '0' || *text > '9')
		return false;
	errno = 0;
	v = strtoul(text, &end, 10);
	if (*end || errno || v < lo || v > hi)
		return false;
	*out = (unsigned)v;
	return true;
}

static bool parse_date(const char *text, int64_t *out)
{
	static const unsigned mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y;
	unsigned mo, d;
	char end;

	if (strlen(text) != 10 || sscanf(text, "%4d-%2u-%2u%c", &y, &mo, &d, &end) != 3)
		return false;
	if (y < 1601 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1])
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (mo == 2 && d == 29 && !leap)
		return false;
	*out = days_from_civil(y, mo, d) * 86400;
	return true;
}

static int parse_rule_option(zl_engine *e, const char *arg)
{
	char id[128];
	const char *eq = strchr(arg, '=');
	zl_severity s;

	if (!eq || (size_t)(eq - arg) >= sizeof(id) ||
	    !zl_severity_parse(eq + 1, &s))
		return usage_error("--rule wants ID=off|info|warning|error, not '%s'", arg);
	memcpy(id, arg, (size_t)(eq - arg));
	id[eq - arg] = '\0';
	if (zl_engine_set_severity(e, id, s) != 0)
		return usage_error("unknown rule '%s' (zonelint --list-rules shows them)", id);
	return 0;
}

/* A usage error that says what is wrong with the -z origin. */
static int bad_origin(const char *origin, zl_status st)
{
	fprintf(stderr, "zonelint: -z: '%s' is not a valid domain name: %s\n", origin,
	        zl_status_message(st));
	fputs("Try 'zonelint --help'.\n", stderr);
	return EXIT_UNUSABLE;
}

/* -z ORIGIN: a name in presentation format (RFC 1035 5.1), no empty
 * label, none over 63 octets, 255 in all. */
static zl_status check_origin(const char *text)
{
	uint8_t wire[256];
	size_t len;

	return *text ? zl_name_parse(text, wire, &len) : ZL_ENAME_EMPTY;
}

/* How many long options `opt` ("--xy") abbreviates (getopt_long takes
 * an unambiguous prefix). */
static size_t long_prefix_count(const char *opt)
{
	size_t n = 0, len = strlen(opt) - 2;

	if (strncmp(opt, "--", 2) != 0 || len == 0)
		return 0;
	for (const struct option *lo = long_options; lo->name; lo++)
		n += strncmp(lo->name, opt + 2, len) == 0;
	return n;
}

/* getopt's ':' (an argument missing) or '?' (an option unknown, or given
 * an argument it does not take), said in zonelint's words. */
static int option_error(int c, char **argv)
{
	char opt[64];
	const char *typed = argv[optind - 1];

	if (optopt > 0 && optopt < 256 && strncmp(typed, "--", 2) != 0)
		snprintf(opt, sizeof(opt), "-%c", optopt);
	else
		snprintf(opt, sizeof(opt), "%.*s", (int)strcspn(typed, "="), typed);
	if (c == ':')
		return usage_error("option %s needs an argument", opt);
	if (optopt != 0 && strchr(typed, '=') && strncmp(typed, "--", 2) == 0)
		return usage_error("option %s takes no argument", opt);
	if (long_prefix_count(opt) > 1)
		return usage_error("option %s is ambiguous: give more of its name", opt);
	return usage_error("unknown option %s", opt);
}

/* -f NAME that no row of zl_writers has: the message lists them all. */
static int unknown_format(const char *name)
{
	char names[256], fmt[sizeof(names) + 32];

	/* the names are the table's own: no '%' in them */
	snprintf(fmt, sizeof(fmt), "unknown format '%%s' (%s)",
	         zl_writer_names(names, sizeof(names)));
	return usage_error(fmt, name);
}

/* Returns -1 to go on, else the exit code. */
static int parse_options(int argc, char **argv, options *o)
{
	zl_status st;
	unsigned max;
	int c;

	opterr = 0;   /* getopt's messages name the binary's path: ours say zonelint */
	while ((c = getopt_long(argc, argv, ":f:o:z:qvVh", long_options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!(o->writer = zl_writer_find(optarg)))
				return unknown_format(optarg);
			break;
		case 'o':
			o->output = optarg;
			break;
		case OPT_FAIL_ON:
			if (strcmp(optarg, "never") == 0)
				o->fail_on = ZL_SEVERITY_OFF;
			else if (!zl_severity_parse(optarg, &o->fail_on) ||
			         o->fail_on == ZL_SEVERITY_OFF)
				return usage_error("--fail-on wants error, warning, info or "
				                   "never, not '%s'", optarg);
			break;
		case OPT_RULE:
			o->rules[o->nrules++] = optarg;
			break;
		case OPT_PLUGIN:
			o->plugins[o->nplugins++] = optarg;
			break;
		case OPT_DATE:
			if (!parse_date(optarg, &o->date))
				return usage_error("--date wants a date as YYYY-MM-DD, not '%s'",
				                   optarg);
			break;
		case 'z':
			if ((st = check_origin(optarg)) != ZL_OK)
				return bad_origin(optarg, st);
			o->zone_origin = optarg;
			break;
		case OPT_LIVE:
			o->live = true;
			break;
		case OPT_TIMEOUT:
			if (!parse_count(optarg, 1, 3600, &o->net.timeout))
				return usage_error("--timeout wants seconds from 1 to 3600, "
				                   "not '%s'", optarg);
			break;
		case OPT_JOBS:
			if (!parse_count(optarg, 1, 256, &o->net.jobs))
				return usage_error("--jobs wants a number from 1 to 256, not '%s'",
				                   optarg);
			break;
		case OPT_INCLUDE_ANYWHERE:
			o->zone.include_anywhere = true;
			break;
		case OPT_MAX_RECORDS:
			if (!parse_count(optarg, 1000, 4294967295u, &max))
				return usage_error("--max-records wants a number from 1000 to "
				                   "4294967295, not '%s'", optarg);
			o->net.max_records = max;
			break;
		case 'q':
			o->quiet = true;
			break;
		case 'v':
			o->verbose = true;
			break;
		case OPT_LIST_RULES:
			o->list_rules = true;
			break;
		case OPT_EXPLAIN:
			o->explain = optarg;
			break;
		case OPT_LDAP:
			o->ldap[o->nldap++] = optarg;
			break;
		case OPT_DUMP:
			o->dump_dir = optarg;
			break;
		case OPT_DRAFT:
			o->draft_dir = optarg;
			break;
		case OPT_BIND_DN:
			o->bind_dn = optarg;
			break;
		case OPT_PASSWORD_FILE:
			o->password_file = optarg;
			break;
		case OPT_CA:
			o->ca = optarg;
			break;
		case OPT_BASELINE:
			o->baseline = optarg;
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") == 0)
				o->color = COLOR_AUTO;
			else if (strcmp(optarg, "always") == 0)
				o->color = COLOR_ALWAYS;
			else if (strcmp(optarg, "never") == 0)
				o->color = COLOR_NEVER;
			else
				return usage_error("--color wants auto, always or never, not '%s'",
				                   optarg);
			break;
		case 'V':
			printf("zonelint %s\n", ZL_VERSION);
			return EXIT_CLEAN;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_CLEAN;
		default:
			return option_error(c, argv);
		}
	}
	return -1;
}

/* The table, or with -f json an array, as the -f row says; stdout is
 * checked by main. */
static int list_rules(const options *o, const zl_engine *e)
{
	const zl_writer *w = o->writer;
	char why[256];

	if (!w->list_rules) {
		snprintf(why, sizeof(why), "--list-rules writes text or json, not %s%s",
		         w->name, w->no_list_why ? w->no_list_why : "");
		return usage_error("%s", why);
	}
	w->list_rules(stdout, e);
	return EXIT_CLEAN;
}

/* The rules carrying `tag`, in the order of their descriptors' tag_order
 * (--explain 6702: the rules that together cover DNS event 6702). */
static int list_tagged(const zl_engine *e, unsigned tag)
{
	const zl_rule **tagged = calloc(zl_engine_rule_count(e) + 1, sizeof(*tagged));
	size_t n;

	if (!tagged) {
		fputs("zonelint: out of memory\n", stderr);
		return EXIT_UNUSABLE;
	}
	n = zl_engine_tagged(e, tag, tagged);
	for (size_t i = 0; i < n; i++)
		printf("  %-32s %s\n", tagged[i]->id, tagged[i]->summary);
	free(tagged);
	return EXIT_CLEAN;
}

static int explain(const zl_engine *e, const char *what)
{
	const zl_rule *r = zl_engine_find(e, what);

	if (r) {
		printf("%s (pack %s, default %s)\n%s\n\n%s\n", r->id, r->pack,
		       zl_severity_name(r->severity), r->summary, r->explanation);
		return EXIT_CLEAN;
	}
	if (strcmp(what, "6702") != 0)
		return usage_error("nothing to explain for '%s': give a rule id "
		                   "(zonelint --list-rules) or 6702", what);
	printf("DNS Server event 6702 (KB 914050): a DNS server that updated its own\n"
	       "host records could not push them to its AD-integrated peers.  With a\n"
	       "single-label domain N, the server's queries for the zone N.N fail because\n"
	       "that zone does not exist; add N.N on every server that hosts N.  Then, on\n"
	       "each DNS-running replication partner, remove the server's A records that\n"
	       "are not its addresses and add one on the partner's network, fixing just\n"
	       "enough partners for replication to carry the records to the rest.\n\n"
	       "The fix for a domain corp whose zone replicates domain-wide, run once\n"
	       "(AD replication carries the new zone to the other servers):\n"
	       "  dnscmd SERVER /ZoneAdd corp.corp /DsPrimary /DP /domain\n"
	       "  Add-DnsServerPrimaryZone -ComputerName SERVER -Name corp.corp "
	       "-ReplicationScope Domain\n"
	       "zonelint's findings give the exact commands for each server and partner.\n\n"
	       "Rules that check it:\n");
	return list_tagged(e, ZL_TAG_6702);
}

/* --color auto: only onto a terminal, and never when NO_COLOR is set and
 * not empty (no-color.org); always and never win over NO_COLOR. */
static bool want_color(const options *o)
{
	const char *no_color = getenv("NO_COLOR");

	if (o->color != COLOR_AUTO)
		return o->color == COLOR_ALWAYS;
	return !o->output && !(no_color && *no_color) && isatty(STDOUT_FILENO);
}

/* The -f row's writer, given what its flags ask for: the model to those
 * that draw the forest, the rule registry, --color, and the working
 * directory, below which absolute finding paths become relative SARIF
 * URIs (docs/editors.md). */
static int write_report(const options *o, const zl_engine *e, const zl_results *res,
                        const zl_model *m, FILE *out)
{
	const zl_writer *w = o->writer;
	char *cwd = w->flags & ZL_WRITER_BASE_DIR ? getcwd(NULL, 0) : NULL;
	zl_write_options wo = {
		.engine = w->flags & ZL_WRITER_RULES ? e : NULL,
		.color = (w->flags & ZL_WRITER_COLOR) && want_color(o),
		.verbose = o->verbose, .info_uri = ZL_INFO_URI, .base_dir = cwd,
	};
	int rc = w->write(out, res, w->flags & ZL_WRITER_MODEL ? m : NULL, &wo);

	free(cwd);
	return rc;
}

/* -o FILE: a regular file is replaced whole by a rename, anything else
 * (/dev/null, a FIFO) written in place (lint/writers/outfile.h). */
static int write_output(const options *o, const zl_engine *e, const zl_results *res,
                        const zl_model *m)
{
	char why[PATH_MAX + 256];
	zl_outfile *f;

	if (!o->output) {
		errno = 0;
		if (write_report(o, e, res, m, stdout) != 0 || fflush(stdout) != 0) {
			/* a writer that ran out of memory must not end the run silently */
			fprintf(stderr, "zonelint: cannot write the report: %s\n",
			        errno ? strerror(errno) : "out of memory");
			return -1;
		}
		return 0;
	}
	if (zl_outfile_open(&f, o->output, why, sizeof(why)) != 0) {
		fprintf(stderr, "zonelint: %s\n", why);
		return -1;
	}
	bool ok = write_report(o, e, res, m, zl_outfile_stream(f)) == 0;
	if (zl_outfile_close(f, ok, why, sizeof(why)) != 0 || !ok) {
		if (ok)
			fprintf(stderr, "zonelint: %s\n", why);
		else
			fprintf(stderr, "zonelint: cannot write %s: %s\n", o->output,
			        strerror(errno));
		return -1;
	}
	return 0;
}

/* -o: checked before the audit, so a folder or a path that cannot be
 * written costs no audit time. */
static int check_output(const options *o)
{
	char why[PATH_MAX + 256];

	if (!o->output || zl_outfile_check(o->output, why, sizeof(why)) == 0)
		return 0;
	fprintf(stderr, "zonelint: %s\n", why);
	return -1;
}

static int exit_code(const options *o, const zl_model *m, const zl_results *res)
{
	/* A rule that could not run leaves the audit incomplete. */
	if (zl_model_unusable(m) || res->failed)
		return EXIT_UNUSABLE;
	if (o->fail_on == ZL_SEVERITY_OFF)
		return EXIT_CLEAN;
	for (unsigned s = o->fail_on; s <= ZL_SEVERITY_ERROR; s++)
		if (res->count[s])
			return EXIT_FINDINGS;
	return EXIT_CLEAN;
}

/* --baseline: read before the audit, so a bad file costs no audit time. */
static int load_baseline(const options *o, zl_baseline **out)
{
	char why[1024];

	*out = NULL;
	if (!o->baseline || zl_baseline_load(out, o->baseline, why, sizeof(why)) == 0)
		return 0;
	fprintf(stderr, "zonelint: %s\n", why);
	return -1;
}

/* --ldap: the directory, added to the inventory when one is given. */
static zl_status load_ldap(const options *o, zl_model *m, char **args, size_t nargs)
{
	zl_ldap_options lo = {
		.uris = o->ldap, .nuris = o->nldap, .bind_dn = o->bind_dn,
		.password = o->bind_dn ? o->password : NULL, .ca_file = o->ca,
		.timeout = o->net.timeout,
	};

	return zl_ldap_load_forest(m, nargs ? args[0] : NULL, &lo, &o->zone);
}

/* Why the input could not be loaded, in the loaders' words (status.h). */
static void load_failed(const options *o, zl_status st)
{
	switch (st) {
	case ZL_ENAME_EMPTY: case ZL_ENAME_EMPTY_LABEL: case ZL_ENAME_LABEL_LONG:
	case ZL_ENAME_LONG: case ZL_ENAME_ESCAPE:
		fprintf(stderr, "zonelint: -z: '%s' is not a valid domain name: %s\n",
		        o->zone_origin ? o->zone_origin : "", zl_status_message(st));
		break;
	default:
		fprintf(stderr, "zonelint: %s\n", zl_status_message(st));
		break;
	}
}

/* --dump-inventory DIR: what was read, for review and offline runs. */
static int dump(const options *o, const zl_model *m)
{
	char why[1024];

	if (zl_dump_inventory(m, o->dump_dir, why, sizeof(why)) == 0)
		return 0;
	fprintf(stderr, "zonelint: --dump-inventory %s: %s\n", o->dump_dir, why);
	return -1;
}

/* The --bind-dn password: the first line of --password-file, else
 * ZONELINT_LDAP_PASSWORD; never an argument, so `ps` cannot show it.  An
 * empty one is refused: a simple bind with a DN and no password is an
 * unauthenticated bind that servers accept (RFC 4513 5.1.2). */
static int read_password(options *o)
{
	const char *env = getenv("ZONELINT_LDAP_PASSWORD");
	FILE *f;

	o->password[0] = '\0';
	if (o->password_file) {
		if (!(f = fopen(o->password_file, "r"))) {
			fprintf(stderr, "zonelint: cannot read --password-file %s: %s\n",
			        o->password_file, strerror(errno));
			return -1;
		}
		if (!fgets(o->password, sizeof(o->password), f))
			o->password[0] = '\0';
		fclose(f);
		o->password[strcspn(o->password, "\r\n")] = '\0';
	} else if (env) {
		snprintf(o->password, sizeof(o->password), "%s", env);
	}
	if (o->password[0])
		return 0;
	usage_error("%s", "--bind-dn needs a password: --password-file FILE or "
	            "ZONELINT_LDAP_PASSWORD (an empty one would bind anonymously)");
	return -1;
}

/* The rules of --ldap and --dump-inventory; -1 to go on, else the exit
 * code. */
static int check_ldap_usage(options *o, int argc)
{
	if (o->nldap && (o->zone_origin || o->live))
		return usage_error("%s", "--ldap reads a forest from the directory: it "
		                   "goes with neither -z nor --live");
	if (!o->nldap && (o->bind_dn || o->password_file || o->ca))
		return usage_error("%s", "--bind-dn, --password-file and --ca go with --ldap");
	if (o->dump_dir && !o->nldap && !o->live)
		return usage_error("%s", "--dump-inventory writes what --ldap or --live read");
	if (o->nldap && argc - optind > 1)
		return usage_error("%s", "give at most one inventory file with --ldap");
	if (o->bind_dn && read_password(o) != 0)
		return EXIT_UNUSABLE;
	return -1;
}

static int lint(options *o, zl_engine *e, char **args, size_t nargs)
{
	zl_baseline *base;
	zl_model *m;
	zl_results *res = NULL;
	int rc = EXIT_UNUSABLE;
	zl_status loaded;

	if (check_output(o) != 0 || load_baseline(o, &base) != 0)
		return EXIT_UNUSABLE;
	if (!(m = zl_model_new())) {
		fputs("zonelint: out of memory\n", stderr);
		zl_baseline_free(base);
		return EXIT_UNUSABLE;
	}
	zl_model_set_audit_date(m, o->date);
	zl_model_set_max_records(m, o->net.max_records);
	if (o->zone_origin) {
		zl_engine_set_pack(e, "zone");
		loaded = zl_load_zone_files(m, o->zone_origin, args, nargs, &o->zone);
	} else if (o->nldap) {
		loaded = load_ldap(o, m, args, nargs);
	} else {
		loaded = o->live ? zl_load_forest_live(m, args[0], &o->net)
		                 : zl_load_forest(m, args[0], &o->zone);
	}
	if (loaded != ZL_OK) {
		load_failed(o, loaded);
		goto done;
	}
	if (o->dump_dir && dump(o, m) != 0) {
		rc = EXIT_UNUSABLE;
		goto done;
	}
	if (zl_engine_run(e, m, &res) != 0 ||
	    (base && zl_baseline_apply(base, res) == (size_t)-1)) {
		fputs("zonelint: out of memory\n", stderr);
		goto done;
	}
	bool clean = res->findings.n == 0 && !zl_model_unusable(m);
	bool summary = o->writer->flags & ZL_WRITER_SUMMARY;
	if (!(o->quiet && clean && summary)) {
		if (write_output(o, e, res, m) != 0)
			goto done;
		if (summary && zl_write_summary(stderr, res) != 0)
			goto done;
		if (summary && !o->quiet && zl_write_not_checked(stderr, res) != 0)
			goto done;
	}
	rc = exit_code(o, m, res);
done:
	zl_results_free(res);
	zl_model_free(m);
	zl_baseline_free(base);
	return rc;
}

/* Loads every --plugin, then applies every --rule, which may name a
 * plugin's rule.  Returns -1 to go on, else the exit code. */
static int set_up_rules(const options *o, zl_plugins *p, zl_engine *e)
{
	char why[1024];

	for (size_t i = 0; i < o->nplugins; i++) {
		if (zl_plugins_load(p, e, o->plugins[i], why, sizeof(why)) != 0) {
			fprintf(stderr, "zonelint: plugin %s: %s\n", o->plugins[i], why);
			return EXIT_UNUSABLE;
		}
	}
	for (size_t i = 0; i < o->nrules; i++)
		if (parse_rule_option(e, o->rules[i]) != 0)
			return EXIT_UNUSABLE;
	return -1;
}

/* --draft-inventory DIR [-o FILE]: nothing is linted. */
static int draft(const options *o, int argc)
{
	char why[2048];

	if (argc > optind || o->zone_origin || o->live || o->nldap || o->dump_dir ||
	    o->baseline || o->writer != &zl_writers[0])
		return usage_error("%s", "--draft-inventory DIR takes only -o FILE: it "
		                   "writes an inventory and lints nothing");
	if (zl_draft_write(o->draft_dir, o->output, stderr, why, sizeof why) == 0)
		return EXIT_CLEAN;
	fprintf(stderr, "zonelint: --draft-inventory: %s\n", why);
	return EXIT_UNUSABLE;
}

static int run(options *o, zl_engine *e, int argc, char **argv)
{
	int rc;

	if (o->draft_dir)
		return draft(o, argc);
	if (o->list_rules)
		return list_rules(o, e);
	if (o->explain)
		return explain(e, o->explain);
	if (o->zone_origin && o->live)
		return usage_error("%s", "--live transfers the zones of an inventory; "
		                   "it does not go with -z");
	if ((rc = check_ldap_usage(o, argc)) >= 0)
		return rc;
	if (o->nldap) {
		rc = lint(o, e, argv + optind, (size_t)(argc - optind));
		explicit_bzero(o->password, sizeof(o->password));
		return rc;
	}
	if (o->zone_origin && optind >= argc)
		return usage_error("%s", "-z ORIGIN needs at least one zone file");
	if (!o->zone_origin && argc - optind != 1)
		return usage_error("%s", argc == optind ? "no inventory given"
		                                      : "give exactly one inventory file");
	return lint(o, e, argv + optind, (size_t)(argc - optind));
}

int main(int argc, char **argv)
{
	options o = { .writer = &zl_writers[0], .fail_on = ZL_SEVERITY_ERROR,
	              .net = { ZL_LIVE_DEFAULT_TIMEOUT, ZL_LIVE_DEFAULT_JOBS } };
	zl_plugins *p = zl_plugins_new();
	zl_engine *e = NULL;
	int rc = EXIT_UNUSABLE;

	/* A load makes millions of small allocations: keep glibc from giving
	 * memory back to the kernel after each free (measured: 2x load time). */
	mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
	mallopt(M_TOP_PAD, 64 * 1024 * 1024);
	o.date = (int64_t)time(NULL) / 86400 * 86400;

	o.plugins = calloc((size_t)argc, sizeof(*o.plugins));
	o.rules = calloc((size_t)argc, sizeof(*o.rules));
	o.ldap = calloc((size_t)argc, sizeof(*o.ldap));
	if (!p || !o.plugins || !o.rules || !o.ldap) {
		fputs("zonelint: out of memory\n", stderr);
		goto done;
	}
	rc = parse_options(argc, argv, &o);
	if (rc >= 0)
		goto done;
	if (!(e = zl_engine_new())) {
		char why[256];
		if (zl_engine_check_builtin(why, sizeof(why)) != 0)
			fprintf(stderr, "zonelint: internal error: %s\n", why);
		else
			fputs("zonelint: out of memory\n", stderr);
		rc = EXIT_UNUSABLE;
		goto done;
	}
	rc = set_up_rules(&o, p, e);
	if (rc < 0)
		rc = run(&o, e, argc, argv);
done:
	/* The engine points at the plugins' rules: it goes first. */
	zl_engine_free(e);
	zl_plugins_free(p);
	free(o.plugins);
	free(o.rules);
	free(o.ldap);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "zonelint: cannot write the output: %s\n", strerror(errno));
		rc = EXIT_UNUSABLE;
	}
	return rc;
}
