/*
 * zonelint/rule.h - the rule descriptor.
 *
 * Every rule, built in or loaded from a plugin, is one constant zl_rule.
 * Its check function reads the model, reports through `r`, and returns 0;
 * it returns -1 only when the check itself could not run (then the engine
 * says so and goes on with the other rules).
 */
#ifndef ZONELINT_RULE_H
#define ZONELINT_RULE_H

#include <zonelint/report.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int zl_check_fn(const zl_model *m, zl_report *r);

typedef struct zl_rule {
	const char *id;           /* "single-label-self-zone": [a-z0-9-]+ */
	const char *pack;         /* "ad", "zone", or a plugin's own */
	zl_severity severity;     /* default severity */
	const char *summary;      /* one line: when it fires */
	const char *explanation;  /* why it matters, an example, the fix */
	zl_check_fn *check;       /* never NULL */
} zl_rule;

/*
 * Version of this API.  A plugin exports
 *     const zl_rule *const *zonelint_plugin_rules(unsigned *abi, size_t *n);
 * that stores ZL_ABI_VERSION (as compiled in) into *abi and the number of
 * rules into *n, and returns the rules.
 */
#define ZL_ABI_VERSION 1u

#ifdef __cplusplus
}
#endif

#endif
