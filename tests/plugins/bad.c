/*
 * Plugins for tests/plugins/run.sh, mostly broken ones: one source, one
 * variant per refusal, chosen at build time (cc -shared -fPIC -Iinclude
 * -DVARIANT ...).  Without a -D it is a valid plugin whose one rule,
 * test-always, reports once at the forest's inventory entry.
 *
 *   -DRULE_ID='"eol-os"'   an id that is taken (by a built-in or a plugin)
 *   -DRULE_ID='"Bad_Id"'   an id the engine refuses
 *   -DNO_CHECK             a descriptor without a check function
 *   -DABI=99               built for another ABI version
 *   -DNO_RULES             returns no rules
 *   -DNO_SYMBOL            exports a misspelt symbol instead
 *   -DPRIVATE_CALL         calls an engine function the binary keeps private
 *   -DFAILING_CHECK        the check reports, then says it could not run
 *   -DSOURCE_PROBLEM       claims the inventory's problems, a built-in's
 */
#include <zonelint/zonelint.h>

#ifndef RULE_ID
#define RULE_ID "test-always"
#endif
#ifndef ABI
#define ABI ZL_ABI_VERSION
#endif

#ifdef PRIVATE_CALL
void *zl_engine_new(void);    /* lint/engine.h: not exported */
#endif

static int check(const zl_model *m, zl_report *r)
{
#ifdef PRIVATE_CALL
	if (!m)
		zl_engine_new();
#endif
	zl_finding *f = zl_report_add(r, zl_model_forest_location(m),
	                              "test finding about %s", zl_name_text(zl_model_forest(m)));
	zl_finding_owner(f, zl_model_forest(m));
#ifdef FAILING_CHECK
	return -1;
#else
	return 0;
#endif
}

static const zl_rule rule = {
	.id = RULE_ID,
	.pack = "test",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "always reports once at the forest's inventory entry",
	.explanation = "A rule of tests/plugins/bad.c.",
#ifndef NO_CHECK
	.check = check,
#endif
#ifdef SOURCE_PROBLEM
	.source = ZL_SOURCE_INVENTORY,
#endif
};

static const zl_rule *const rules[] = { &rule };

#ifdef NO_SYMBOL
#define zonelint_plugin_rules zonelint_rules
const zl_rule *const *zonelint_rules(unsigned *abi, size_t *n);
#endif

const zl_rule *const *zonelint_plugin_rules(unsigned *abi, size_t *n)
{
	*abi = ABI;
#ifdef NO_CHECK
	(void)check;
#endif
#ifdef NO_RULES
	(void)rules;
	*n = 0;
	return NULL;
#else
	*n = 1;
	return rules;
#endif
}
