/*
 * dc-name-policy: an example zonelint plugin (docs/plugins.md).  A site's
 * naming scheme for domain controllers, given as the inventory setting
 *
 *     settings:
 *       dc_name_pattern: "^dc[0-9]+\\."
 *
 * a POSIX extended regular expression (regcomp(3), REG_EXTENDED), matched
 * without regard to case against each DC's host name as the inventory
 * writes it, without the trailing dot ("dc1.corp.example").  It is not
 * anchored: use ^ and $.  Without the setting the rule has nothing to
 * enforce and stays silent.
 *
 * Build: cc -shared -fPIC -Iinclude -o dc-name-policy.so dc-name-policy.c
 * Use:   zonelint --plugin ./dc-name-policy.so forest.yaml
 */
#include <regex.h>
#include <stdio.h>
#include <string.h>

#include <zonelint/zonelint.h>

#define SETTING "dc_name_pattern"

/* The name as the inventory writes it: no trailing dot. */
static void bare_name(const zl_name *n, char *buf, size_t size)
{
	snprintf(buf, size, "%s", zl_name_text(n));
	size_t len = strlen(buf);
	if (len > 1 && buf[len - 1] == '.')
		buf[len - 1] = '\0';
}

static void report_dc(zl_report *r, const zl_server *s, const char *pattern)
{
	char name[1100];

	bare_name(zl_server_name(s), name, sizeof(name));
	zl_finding *f = zl_report_add(r, zl_server_location(s),
		"DC %s does not follow the naming policy: its name does not match %s "
		"(setting %s)", zl_name_text(zl_server_name(s)), pattern, SETTING);
	zl_finding_server(f, zl_server_name(s));
	zl_finding_owner(f, zl_server_name(s));
	zl_finding_fix(f, "rename %s to a name that matches (netdom computername %s "
	               "/add:NEW, then /makeprimary:NEW, restart, then /remove:%s), "
	               "or correct the pattern", name, name, name);
}

/*
 * A pattern that does not compile is the site's mistake, not a reason to
 * stop the audit: one finding at the forest's entry says so (the API has
 * no location for a setting).
 */
static void report_bad_pattern(zl_report *r, const zl_model *m, const char *pattern,
                               const regex_t *re, int err)
{
	char why[256];

	regerror(err, re, why, sizeof(why));
	zl_finding *f = zl_report_add(r, zl_model_forest_location(m),
		"setting %s is not a valid POSIX extended regular expression: %s: %s",
		SETTING, pattern, why);
	zl_finding_fix(f, "correct %s in the inventory's settings", SETTING);
}

static int check(const zl_model *m, zl_report *r)
{
	const char *pattern = zl_model_setting(m, SETTING);
	regex_t re;
	int err;

	if (!pattern)
		return 0;
	if ((err = regcomp(&re, pattern, REG_EXTENDED | REG_ICASE | REG_NOSUB)) != 0) {
		report_bad_pattern(r, m, pattern, &re, err);
		return 0;
	}
	for (size_t i = 0; i < zl_model_server_count(m); i++) {
		const zl_server *s = zl_model_server(m, i);
		char name[1100];
		if (!(zl_server_roles(s) & ZL_ROLE_DC))
			continue;
		bare_name(zl_server_name(s), name, sizeof(name));
		if (regexec(&re, name, 0, NULL, 0) != 0)
			report_dc(r, s, pattern);
	}
	regfree(&re);
	return 0;
}

static const zl_rule dc_name_policy = {
	.id = "dc-name-policy",
	.pack = "site",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "a DC's host name does not match the inventory setting "
	           "dc_name_pattern",
	.explanation =
	"Sites name their domain controllers by a scheme (dc01, dc02, ...) so\n"
	"that scripts, monitoring and people can tell a DC by its name.  This\n"
	"rule reads the scheme from the inventory's settings:\n"
	"\n"
	"  settings:\n"
	"    dc_name_pattern: \"^dc[0-9]+\\\\.\"\n"
	"\n"
	"a POSIX extended regular expression matched, case-insensitively and\n"
	"unanchored, against each DC's host name without the trailing dot\n"
	"(dc1.corp.example).  Every server with the dc role whose name does not\n"
	"match is reported at its inventory entry.  Without the setting the rule\n"
	"is silent; a pattern that does not compile is reported once.\n"
	"\n"
	"Example:\n"
	"  forest.yaml:21:5: warning: DC srv7.corp.example. does not follow the\n"
	"  naming policy: its name does not match ^dc[0-9]+\\. (setting\n"
	"  dc_name_pattern) [dc-name-policy]\n"
	"\n"
	"Fix: rename the DC (netdom computername OLD /add:NEW, /makeprimary:NEW,\n"
	"restart, /remove:OLD), or correct the pattern.",
	.check = check,
};

static const zl_rule *const rules[] = { &dc_name_policy };

const zl_rule *const *zonelint_plugin_rules(unsigned *abi, size_t *n)
{
	*abi = ZL_ABI_VERSION;
	*n = sizeof(rules) / sizeof(*rules);
	return rules;
}
