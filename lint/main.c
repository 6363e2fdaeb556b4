/*
 * lint/main.c - the command line: parse options, load the inputs into one
 * model, run the engine, write one report, decide the exit code (SPEC 1).
 */
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "engine.h"
#include "model_int.h"
#include "out/writers.h"
#include "sources/load.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_UNUSABLE = 2 };

enum format { FORMAT_TEXT, FORMAT_JSON };

typedef struct options {
	enum format format;
	const char *output;           /* NULL: stdout */
	zl_severity fail_on;          /* OFF = never */
	int64_t date;                 /* audit day, 00:00 UTC */
	const char *zone_origin;      /* -z */
	bool quiet;
	bool list_rules;
	const char *explain;
	zl_zonefile_options zone;
} options;

enum {
	OPT_FAIL_ON = 256, OPT_RULE, OPT_DATE, OPT_LIST_RULES, OPT_EXPLAIN,
	OPT_INCLUDE_ANYWHERE, OPT_LATER,
};

static const struct option long_options[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "rule", required_argument, NULL, OPT_RULE },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "zone", required_argument, NULL, 'z' },
	{ "include-anywhere", no_argument, NULL, OPT_INCLUDE_ANYWHERE },
	{ "quiet", no_argument, NULL, 'q' },
	{ "list-rules", no_argument, NULL, OPT_LIST_RULES },
	{ "explain", required_argument, NULL, OPT_EXPLAIN },
	{ "version", no_argument, NULL, 'V' },
	{ "help", no_argument, NULL, 'h' },
	/* In SPEC 1 but not in this version: refused by name, not as unknown. */
	{ "plugin", required_argument, NULL, OPT_LATER },
	{ "baseline", required_argument, NULL, OPT_LATER },
	{ "live", no_argument, NULL, OPT_LATER },
	{ "ldap", required_argument, NULL, OPT_LATER },
	{ "dump-inventory", required_argument, NULL, OPT_LATER },
	{ "bind-dn", required_argument, NULL, OPT_LATER },
	{ "password-file", required_argument, NULL, OPT_LATER },
	{ "ca", required_argument, NULL, OPT_LATER },
	{ "timeout", required_argument, NULL, OPT_LATER },
	{ "jobs", required_argument, NULL, OPT_LATER },
	{ "color", required_argument, NULL, OPT_LATER },
	{ NULL, 0, NULL, 0 },
};

static const char usage_text[] =
	"usage: zonelint [OPTIONS] INVENTORY.yaml        lint a forest\n"
	"       zonelint [OPTIONS] -z ORIGIN ZONEFILE... lint zone files alone\n"
	"       zonelint --list-rules                    list the rules\n"
	"       zonelint --explain RULE|6702             why a rule exists, and the fix\n"
	"\n"
	"  -f, --format text|json      output format (default text)\n"
	"  -o, --output FILE           write the report to FILE\n"
	"      --fail-on error|warning|info|never\n"
	"                              lowest severity giving exit code 1 (default error)\n"
	"      --rule ID=off|info|warning|error\n"
	"                              override a rule's severity (repeatable)\n"
	"      --date YYYY-MM-DD       audit date (default: today, UTC)\n"
	"  -z, --zone ORIGIN           lint ZONEFILEs as zone ORIGIN, zone rules only\n"
	"      --include-anywhere      let $INCLUDE leave the including file's folder\n"
	"  -q, --quiet                 print nothing for a clean run\n"
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

/* Returns -1 to go on, else the exit code. */
static int parse_options(int argc, char **argv, options *o, zl_engine *e)
{
	int c;

	while ((c = getopt_long(argc, argv, "f:o:z:qVh", long_options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") == 0)
				o->format = FORMAT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				o->format = FORMAT_JSON;
			else if (!strcmp(optarg, "sarif") || !strcmp(optarg, "html") ||
			         !strcmp(optarg, "dot"))
				return usage_error("format '%s' is not available in this "
				                   "version (text, json)", optarg);
			else
				return usage_error("unknown format '%s' (text, json)", optarg);
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
			if (parse_rule_option(e, optarg) != 0)
				return EXIT_UNUSABLE;
			break;
		case OPT_DATE:
			if (!parse_date(optarg, &o->date))
				return usage_error("--date wants a date as YYYY-MM-DD, not '%s'",
				                   optarg);
			break;
		case 'z':
			o->zone_origin = optarg;
			break;
		case OPT_INCLUDE_ANYWHERE:
			o->zone.include_anywhere = true;
			break;
		case 'q':
			o->quiet = true;
			break;
		case OPT_LIST_RULES:
			o->list_rules = true;
			break;
		case OPT_EXPLAIN:
			o->explain = optarg;
			break;
		case 'V':
			printf("zonelint %s\n", ZL_VERSION);
			return EXIT_CLEAN;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_CLEAN;
		case OPT_LATER:
			return usage_error("option %s is not available in this version",
			                   argv[optind - 1]);
		default:
			fputs("Try 'zonelint --help'.\n", stderr);
			return EXIT_UNUSABLE;
		}
	}
	return -1;
}

static void list_rules(const zl_engine *e)
{
	printf("%-32s %-5s %-8s %s\n", "RULE", "PACK", "DEFAULT", "SUMMARY");
	for (size_t i = 0; i < zl_engine_rule_count(e); i++) {
		const zl_rule *r = zl_engine_rule(e, i);
		printf("%-32s %-5s %-8s %s\n", r->id, r->pack, zl_severity_name(r->severity),
		       r->summary);
	}
}

/* The rules that together cover DNS event 6702 (KB 914050). */
static const char *const event_6702_rules[] = {
	"single-label-self-zone", "single-label-domain", "self-address-mismatch",
	"partner-stale-address", "partner-missing-address",
	"partner-no-same-network-address", "partner-repair-plan", NULL,
};

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
	       "Rules that check it:\n");
	for (size_t i = 0; event_6702_rules[i]; i++) {
		const zl_rule *er = zl_engine_find(e, event_6702_rules[i]);
		if (er)
			printf("  %-32s %s\n", er->id, er->summary);
	}
	return EXIT_CLEAN;
}

static int write_report(const options *o, const zl_results *res, FILE *out)
{
	if (o->format == FORMAT_JSON)
		return zl_write_json(out, res);
	return zl_write_text(out, res);
}

/* -o FILE: written to a temporary file beside it, then renamed, so an
 * interrupted run never leaves half a report. */
static int write_output(const options *o, const zl_results *res)
{
	if (!o->output) {
		if (write_report(o, res, stdout) != 0 || fflush(stdout) != 0)
			return -1;
		return 0;
	}
	size_t n = strlen(o->output);
	char *tmp = malloc(n + 8);
	if (!tmp)
		return -1;
	memcpy(tmp, o->output, n);
	memcpy(tmp + n, ".XXXXXX", 8);
	int fd = mkstemp(tmp), rc = -1;
	FILE *f = NULL;
	if (fd >= 0) {
		mode_t mask = umask(0);
		umask(mask);
		if (fchmod(fd, 0666 & ~mask) == 0)
			f = fdopen(fd, "w");
		if (!f)
			close(fd);
	}
	if (f) {
		bool ok = write_report(o, res, f) == 0 && fflush(f) == 0 && fsync(fd) == 0;
		if (fclose(f) != 0)
			ok = false;
		if (ok && rename(tmp, o->output) == 0)
			rc = 0;
	}
	if (rc != 0) {
		fprintf(stderr, "zonelint: cannot write %s: %s\n", o->output, strerror(errno));
		if (fd >= 0)
			unlink(tmp);
	}
	free(tmp);
	return rc;
}

static int exit_code(const options *o, const zl_model *m, const zl_results *res)
{
	if (zl_model_unusable(m))
		return EXIT_UNUSABLE;
	if (o->fail_on == ZL_SEVERITY_OFF)
		return EXIT_CLEAN;
	for (unsigned s = o->fail_on; s <= ZL_SEVERITY_ERROR; s++)
		if (res->count[s])
			return EXIT_FINDINGS;
	return EXIT_CLEAN;
}

static int lint(options *o, zl_engine *e, char **args, size_t nargs)
{
	zl_model *m = zl_model_new();
	zl_results *res = NULL;
	int rc = EXIT_UNUSABLE, loaded;

	if (!m) {
		fputs("zonelint: out of memory\n", stderr);
		return EXIT_UNUSABLE;
	}
	zl_model_set_audit_date(m, o->date);
	if (o->zone_origin) {
		zl_engine_set_pack(e, "zone");
		loaded = zl_load_zone_files(m, o->zone_origin, args, nargs, &o->zone);
	} else {
		loaded = zl_load_forest(m, args[0], &o->zone);
	}
	if (loaded != 0 || zl_engine_run(e, m, &res) != 0) {
		fputs("zonelint: out of memory\n", stderr);
		goto done;
	}
	bool clean = res->findings.n == 0 && !zl_model_unusable(m);
	if (!(o->quiet && clean && o->format == FORMAT_TEXT)) {
		if (write_output(o, res) != 0)
			goto done;
		if (o->format == FORMAT_TEXT && zl_write_summary(stderr, res) != 0)
			goto done;
	}
	rc = exit_code(o, m, res);
done:
	zl_results_free(res);
	zl_model_free(m);
	return rc;
}

int main(int argc, char **argv)
{
	options o = { .format = FORMAT_TEXT, .fail_on = ZL_SEVERITY_ERROR };
	zl_engine *e;
	int rc;

	/* A load makes millions of small allocations: keep glibc from giving
	 * memory back to the kernel after each free (measured: 2x load time). */
	mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
	mallopt(M_TOP_PAD, 64 * 1024 * 1024);
	o.date = (int64_t)time(NULL) / 86400 * 86400;

	e = zl_engine_new();
	if (!e) {
		fputs("zonelint: out of memory\n", stderr);
		return EXIT_UNUSABLE;
	}
	rc = parse_options(argc, argv, &o, e);
	if (rc >= 0)
		goto done;
	if (o.list_rules) {
		list_rules(e);
		rc = EXIT_CLEAN;
	} else if (o.explain) {
		rc = explain(e, o.explain);
	} else if (o.zone_origin && optind >= argc) {
		rc = usage_error("%s", "-z ORIGIN needs at least one zone file");
	} else if (!o.zone_origin && argc - optind != 1) {
		rc = usage_error("%s", argc == optind ? "no inventory given"
		                                    : "give exactly one inventory file");
	} else {
		rc = lint(&o, e, argv + optind, (size_t)(argc - optind));
	}
done:
	zl_engine_free(e);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "zonelint: cannot write the output: %s\n", strerror(errno));
		rc = EXIT_UNUSABLE;
	}
	return rc;
}
