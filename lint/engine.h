/*
 * lint/engine.h - the rule registry and the engine that runs it (private).
 *
 * The engine owns every finding.  It applies, once for all rules: the
 * severity overrides (inventory `rules:`, then --rule, which wins), the
 * pack filter (-z runs the zone pack only), and then sorts the findings
 * by file, line, column, rule and message so output is reproducible.
 */
#ifndef ZL_ENGINE_H
#define ZL_ENGINE_H

#include <zonelint/rule.h>

#include "vec.h"

/* A list of owned strings (a finding's notes and commands). */
typedef VEC(char *) zl_strings;

/* What a command acts on (zl_finding_command_on). */
typedef struct zl_command_info {
	char *run_on;             /* the server's name, NULL when not known */
	zl_command_tool tool;
	zl_command_kind kind;
} zl_command_info;

struct zl_finding {
	const zl_rule *rule;      /* ref only */
	zl_severity severity;     /* effective, after overrides */
	zl_severity requested;    /* set by zl_finding_severity, 0 = default */
	char *file;
	uint32_t line, column;
	char *message;
	char *zone, *server, *owner, *data;   /* NULL when not applicable */
	zl_strings notes;
	char *fix;
	zl_strings commands;
	/* Where and how each command runs: commands.v[i] is described by
	 * command_info.v[i] (pushed together, always the same length). */
	VEC(zl_command_info) command_info;
	zl_strings explains, follows;         /* relation keys (report.h) */
	zl_strings involves, partners;        /* server names (report.h) */
	const zl_finding *cause;              /* ref only: set by the engine */
	VEC(const zl_finding *) followers;    /* ref only: in report order */
	char fingerprint[17];     /* 64-bit hash in hex */
};

/* Subjects a rule could not check, and why (zl_report_not_checked). */
typedef struct zl_not_checked {
	const char *rule;         /* ref only: the rule's id */
	char *reason;
	size_t count;
} zl_not_checked;

typedef struct zl_results {
	VEC(zl_finding *) findings;           /* sorted */
	size_t count[ZL_SEVERITY_ERROR + 1];  /* by severity */
	size_t suppressed;
	size_t failed;                        /* rules whose check returned -1 */
	size_t servers, zones, views, records;
	VEC(zl_not_checked) not_checked;      /* by rule id, then reason */
} zl_results;

typedef struct zl_engine zl_engine;

/* An engine with every built-in rule registered; NULL when memory runs
 * out or when zl_engine_check_builtin fails. */
zl_engine *zl_engine_new(void);

/*
 * Every kind of source problem (zl_source_problem, but NONE) must be
 * surfaced by exactly one of `rules` (a NULL-terminated table): else a
 * loader's problem would be dropped, or reported twice.  0, or -1 with
 * the first fault in `why`.  zl_engine_check_builtin checks the built-in
 * table; a failure is zonelint's own bug.
 */
int zl_rules_check_sources(const zl_rule *const *rules, char *why, size_t size);
int zl_engine_check_builtin(char *why, size_t size);
void zl_engine_free(zl_engine *e);

/*
 * Registers one more rule (a plugin's).  Refused, with the reason in
 * `why`, when it has no id or check function or when its id is already
 * taken.  `rule` must outlive the engine.
 */
int zl_engine_add_rule(zl_engine *e, const zl_rule *rule, char *why, size_t size);

/* Rules sorted by id. */
size_t zl_engine_rule_count(const zl_engine *e);
const zl_rule *zl_engine_rule(const zl_engine *e, size_t i);
const zl_rule *zl_engine_find(const zl_engine *e, const char *id);
/* The i of zl_engine_rule(e, i) with that id (SARIF's ruleIndex), or -1. */
long zl_engine_rule_index(const zl_engine *e, const char *id);
/* The rules carrying every bit of `tags` (zl_rule_tag), by tag_order then
 * id, into out (room for zl_engine_rule_count(e)); returns how many. */
size_t zl_engine_tagged(const zl_engine *e, unsigned tags, const zl_rule **out);

/* --rule ID=SEVERITY; -1 when the id is unknown. */
int zl_engine_set_severity(zl_engine *e, const char *id, zl_severity s);
/* Run only the rules of this pack (NULL: all). */
void zl_engine_set_pack(zl_engine *e, const char *pack);
/* The severity a rule runs at, once the model's overrides are applied. */
zl_severity zl_engine_severity(const zl_engine *e, const zl_rule *rule);

/* Runs every enabled rule over m; *out is the caller's (zl_results_free). */
int zl_engine_run(zl_engine *e, const zl_model *m, zl_results **out);
void zl_results_free(zl_results *r);

/*
 * Removes the findings for which hide(f, ctx) is true, calling it once per
 * finding in report order; the others keep their order.  Removed findings
 * leave r->count and are counted in r->suppressed (used by --baseline).
 * Returns how many were removed, (size_t)-1 when memory ran out linking
 * the followers of removed causes anew.
 */
size_t zl_results_suppress(zl_results *r, bool (*hide)(const zl_finding *f, void *ctx),
                           void *ctx);

#endif
