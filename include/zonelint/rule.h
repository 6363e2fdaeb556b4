/*
 * zonelint/rule.h - the rule descriptor.
 *
 * Every rule, built in or loaded from a plugin, is one constant zl_rule.
 * Its check function reads the model, reports through `r`, and returns 0;
 * it returns -1 only when the check itself could not run (then the engine
 * says so, keeps what it reported, goes on with the other rules, and the
 * exit code is 2: the audit is incomplete).
 *
 * Built-in checks run concurrently, each on one of a few threads, while the
 * model is read-only: a check may read any part of the model and must keep
 * its state on its stack or in memory it allocates and frees itself (no
 * static or global variables, no lazily filled caches); each check has a
 * zl_report of its own, so it reports without locking.  The engine joins
 * the findings in registry order, so output does not depend on which
 * thread ran what.  A plugin's checks run one after another on the calling
 * thread, after the built-in ones.
 */
#ifndef ZONELINT_RULE_H
#define ZONELINT_RULE_H

#include <zonelint/report.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int zl_check_fn(const zl_model *m, zl_report *r);

/*
 * What a rule is about (zl_rule.tags, a set of these bits), for what
 * gathers rules by subject: the replication graph of the HTML and DOT
 * output, the HTML report's server table, --explain 6702.  They read the
 * tags, never a rule's id, so a new rule with the right tag is drawn and
 * listed with the others.
 */
typedef enum zl_rule_tag {
	/* Its findings are about a pair of replication partners: `server` is
	 * the partner holding records of the server the finding involves
	 * (zl_finding_involves); the graph colours the connection between
	 * them (KB 914050, DNS event 6702). */
	ZL_TAG_PARTNER = 1u << 0,
	/* It checks part of what DNS event 6702 needs (KB 914050): --explain
	 * 6702 lists it, by tag_order. */
	ZL_TAG_6702 = 1u << 1,
	/* Its findings say that a server's operating system is past its end
	 * of support: the HTML report links them beside the server's OS. */
	ZL_TAG_END_OF_SUPPORT = 1u << 2,
} zl_rule_tag;

typedef struct zl_rule {
	const char *id;           /* "dc-name-policy": [a-z0-9-]+ */
	const char *pack;         /* "ad", "zone", or a plugin's own */
	zl_severity severity;     /* default severity */
	const char *summary;      /* one line: when it fires */
	const char *explanation;  /* why it matters, an example, the fix */
	zl_check_fn *check;       /* never NULL */
	/* Since ABI version 2; a designated initialiser leaves them 0. */
	unsigned tags;            /* zl_rule_tag bits; 0: none */
	unsigned tag_order;       /* its place in the lists its tags make
	                           * (--explain 6702): lower first, then by id */
	zl_source_problem source; /* the kind of loader problem it surfaces
	                           * (zl_report_problems); built-in rules only,
	                           * one rule for each kind */
} zl_rule;

/*
 * Version of this API (every header of include/zonelint).  It goes up when
 * a change could break a plugin built against the previous headers: a
 * field of zl_rule, zl_location, zl_addr, zl_prefix or zl_iter added,
 * removed or moved; an enum value renumbered; a function removed or its
 * parameters, return type or meaning changed.  Adding a function, or an
 * enum value at the end, does not change it.  zonelint loads only plugins
 * built for exactly its own version (docs/plugins.md).
 */
#define ZL_ABI_VERSION 2u

/*
 * The one symbol a plugin exports (--plugin PATH.so).  zonelint calls it
 * once, right after loading the object; it stores ZL_ABI_VERSION (as the
 * plugin was compiled) into *abi and the number of rules into *n, and
 * returns an array of n pointers to its rules.  The array and the rules
 * are the plugin's, usually `static const`, and must stay valid and
 * unchanged while the object is loaded (zonelint unloads it last, after
 * every finding is freed).  The rules' ids must differ from every other
 * rule's, built in or from another plugin.
 *
 * The declaration below makes the compiler check a plugin's definition,
 * and exports it even when the plugin is built with -fvisibility=hidden.
 */
#define ZL_PLUGIN_SYMBOL "zonelint_plugin_rules"

#if defined(__GNUC__)
#define ZL_PLUGIN_EXPORT __attribute__((visibility("default")))
#else
#define ZL_PLUGIN_EXPORT
#endif

typedef const zl_rule *const *zl_plugin_rules_fn(unsigned *abi, size_t *n);
ZL_PLUGIN_EXPORT zl_plugin_rules_fn zonelint_plugin_rules;

#ifdef __cplusplus
}
#endif

#endif
