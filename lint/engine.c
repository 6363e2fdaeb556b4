/*
 * lint/engine.c - the registry, the report sink rules write into, and the
 * run: severities, sorting, counting.
 */
#include "engine.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hash.h"
#include "model_int.h"
#include "utf8.h"

/* Generated from the files in rules/ by scripts/gen-rules-table.sh. */
extern const zl_rule *const zl_builtin_rules[];

typedef struct rule_entry {
	const zl_rule *rule;      /* ref only */
	zl_severity cli;          /* --rule, OFF..ERROR, or -1 when not given */
	zl_severity effective;    /* for the current run */
	bool overridden;          /* effective comes from the user */
} rule_entry;

struct zl_engine {
	VEC(rule_entry) rules;    /* sorted by id */
	const char *pack;         /* ref only; NULL = all packs */
};

struct zl_report {
	const rule_entry *entry;  /* the running rule */
	zl_results *results;
	bool oom;
};

/* ---- registry --------------------------------------------------------- */

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const rule_entry *)a)->rule->id, ((const rule_entry *)b)->rule->id);
}

int zl_rules_check_sources(const zl_rule *const *rules, char *why, size_t size)
{
	for (int s = ZL_SOURCE_NONE + 1; s < ZL_SOURCE_PROBLEM_KINDS; s++) {
		const zl_rule *found = NULL;
		for (size_t i = 0; rules[i]; i++) {
			if ((int)rules[i]->source != s)
				continue;
			if (found) {
				snprintf(why, size, "rules %s and %s both surface source "
				         "problems of kind %d", found->id, rules[i]->id, s);
				return -1;
			}
			found = rules[i];
		}
		if (!found) {
			snprintf(why, size, "no rule surfaces source problems of kind %d", s);
			return -1;
		}
	}
	for (size_t i = 0; rules[i]; i++)
		if ((int)rules[i]->source < 0 ||
		    rules[i]->source >= ZL_SOURCE_PROBLEM_KINDS) {
			snprintf(why, size, "rule %s surfaces source problems of unknown "
			         "kind %d", rules[i]->id, (int)rules[i]->source);
			return -1;
		}
	return 0;
}

int zl_engine_check_builtin(char *why, size_t size)
{
	return zl_rules_check_sources(zl_builtin_rules, why, size);
}

zl_engine *zl_engine_new(void)
{
	char why[256];
	zl_engine *e;

	/* A loader's problem with no rule to surface it would be a silent
	 * pass: refuse to run at all. */
	if (zl_engine_check_builtin(why, sizeof(why)) != 0)
		return NULL;
	if (!(e = calloc(1, sizeof(*e))))
		return NULL;
	for (size_t i = 0; zl_builtin_rules[i]; i++) {
		rule_entry re = { zl_builtin_rules[i], (zl_severity)-1, ZL_SEVERITY_OFF, false };
		if (VEC_PUSH(e->rules, re) != 0) {
			zl_engine_free(e);
			return NULL;
		}
	}
	qsort(e->rules.v, e->rules.n, sizeof(*e->rules.v), cmp_entry);
	return e;
}

static rule_entry *find_entry(const zl_engine *e, const char *id)
{
	rule_entry key = { &(zl_rule){ .id = id }, 0, 0, false };

	return bsearch(&key, e->rules.v, e->rules.n, sizeof(*e->rules.v), cmp_entry);
}

static bool valid_id(const char *id)
{
	if (!id || !*id)
		return false;
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return false;
	return true;
}

int zl_engine_add_rule(zl_engine *e, const zl_rule *rule, char *why, size_t size)
{
	if (!valid_id(rule->id)) {
		snprintf(why, size, "rule id '%s' is not made of a-z, 0-9 and '-'",
		         rule->id ? rule->id : "(null)");
		return -1;
	}
	if (!rule->check) {
		snprintf(why, size, "rule %s has no check function", rule->id);
		return -1;
	}
	if (!rule->pack || !rule->summary || !rule->explanation ||
	    rule->severity < ZL_SEVERITY_OFF || rule->severity > ZL_SEVERITY_ERROR) {
		snprintf(why, size, "rule %s lacks a pack, summary, explanation or "
		         "valid severity", rule->id);
		return -1;
	}
	if (find_entry(e, rule->id)) {
		snprintf(why, size, "rule id %s is already taken", rule->id);
		return -1;
	}
	/* Each kind of source problem has its one built-in rule already. */
	if (rule->source != ZL_SOURCE_NONE) {
		snprintf(why, size, "rule %s sets source: only built-in rules surface "
		         "problems found while loading", rule->id);
		return -1;
	}
	rule_entry re = { rule, (zl_severity)-1, ZL_SEVERITY_OFF, false };
	if (VEC_PUSH(e->rules, re) != 0) {
		snprintf(why, size, "out of memory");
		return -1;
	}
	qsort(e->rules.v, e->rules.n, sizeof(*e->rules.v), cmp_entry);
	return 0;
}

void zl_engine_free(zl_engine *e)
{
	if (!e)
		return;
	VEC_FREE(e->rules);
	free(e);
}

size_t zl_engine_rule_count(const zl_engine *e) { return e->rules.n; }
const zl_rule *zl_engine_rule(const zl_engine *e, size_t i) { return e->rules.v[i].rule; }
void zl_engine_set_pack(zl_engine *e, const char *pack) { e->pack = pack; }


const zl_rule *zl_engine_find(const zl_engine *e, const char *id)
{
	const rule_entry *re = find_entry(e, id);

	return re ? re->rule : NULL;
}

long zl_engine_rule_index(const zl_engine *e, const char *id)
{
	const rule_entry *re = find_entry(e, id);

	return re ? (long)(re - e->rules.v) : -1;
}

static bool tagged_before(const zl_rule *a, const zl_rule *b)
{
	if (a->tag_order != b->tag_order)
		return a->tag_order < b->tag_order;
	return strcmp(a->id, b->id) < 0;
}

size_t zl_engine_tagged(const zl_engine *e, unsigned tags, const zl_rule **out)
{
	size_t n = 0;

	for (size_t i = 0; i < e->rules.n; i++) {
		const zl_rule *r = e->rules.v[i].rule;
		size_t k;
		if ((r->tags & tags) != tags)
			continue;
		/* Insertion: a handful of rules carry any one tag. */
		for (k = n++; k > 0 && tagged_before(r, out[k - 1]); k--)
			out[k] = out[k - 1];
		out[k] = r;
	}
	return n;
}

/* The rule that surfaces source problems of kind s (zl_rules_check_sources
 * makes it exactly one), or NULL for ZL_SOURCE_NONE. */
static rule_entry *source_entry(const zl_engine *e, zl_source_problem s)
{
	for (size_t i = 0; s != ZL_SOURCE_NONE && i < e->rules.n; i++)
		if (e->rules.v[i].rule->source == s)
			return &e->rules.v[i];
	return NULL;
}

int zl_engine_set_severity(zl_engine *e, const char *id, zl_severity s)
{
	rule_entry *re = find_entry(e, id);

	if (!re)
		return -1;
	re->cli = s;
	return 0;
}

zl_severity zl_engine_severity(const zl_engine *e, const zl_rule *rule)
{
	const rule_entry *re = find_entry(e, rule->id);

	return re ? re->effective : rule->severity;
}

/* ---- the report sink (zonelint/report.h) ------------------------------ */

/*
 * s (freed) with each byte that is not UTF-8 written as \xHH: every text
 * of a finding is UTF-8, so that JSON and SARIF can hold it (a file name
 * in Latin-1 made jansson drop the `file` key) and the text writer shows
 * the bytes.  NULL when memory runs out.
 */
static char *valid_utf8(char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len;

	if (!s)
		return NULL;
	while (*p && (len = zl_utf8_len(p)))
		p += len;
	if (!*p)
		return s;             /* all UTF-8: nearly every text */
	char *out = zl_escape_dup(s, zl_utf8_len);
	free(s);
	return out;
}

static char *vformat(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return NULL;
	char *s = malloc((size_t)n + 1);
	if (s)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return valid_utf8(s);
}

static void strings_free(zl_strings *list)
{
	for (size_t i = 0; i < list->n; i++)
		free(list->v[i]);
	VEC_FREE(*list);
}

static void finding_free(zl_finding *f)
{
	if (!f)
		return;
	free(f->file);
	free(f->message);
	free(f->zone);
	free(f->server);
	free(f->owner);
	free(f->data);
	for (size_t i = 0; i < f->notes.n; i++)
		free(f->notes.v[i]);
	VEC_FREE(f->notes);
	free(f->fix);
	for (size_t i = 0; i < f->commands.n; i++)
		free(f->commands.v[i]);
	for (size_t i = 0; i < f->command_info.n; i++)
		free(f->command_info.v[i].run_on);
	VEC_FREE(f->commands);
	VEC_FREE(f->command_info);
	strings_free(&f->explains);
	strings_free(&f->follows);
	strings_free(&f->involves);
	strings_free(&f->partners);
	VEC_FREE(f->followers);
	free(f);
}

zl_finding *zl_report_add(zl_report *r, zl_location where, const char *fmt, ...)
{
	zl_finding *f = calloc(1, sizeof(*f));
	va_list ap;

	if (!f) {
		r->oom = true;
		return NULL;
	}
	va_start(ap, fmt);
	f->message = vformat(fmt, ap);
	va_end(ap);
	f->rule = r->entry->rule;
	f->file = valid_utf8(strdup(where.file ? where.file : "-"));
	f->line = where.line;
	f->column = where.column;
	if (!f->message || !f->file || VEC_PUSH(r->results->findings, f) != 0) {
		finding_free(f);
		r->oom = true;
		return NULL;
	}
	return f;
}

/* Names in findings: lower case, absolute, trailing dot (SPEC 4). */
static char *absolute_lower(const char *text)
{
	size_t n = strlen(text);
	bool dot = n > 0 && text[n - 1] == '.';
	char *s = malloc(n + 2);

	if (!s)
		return NULL;
	for (size_t i = 0; i < n; i++)
		s[i] = (text[i] >= 'A' && text[i] <= 'Z') ? (char)(text[i] + 32) : text[i];
	if (!dot)
		s[n++] = '.';
	s[n] = '\0';
	return s;
}

static void replace(char **slot, char *value)
{
	free(*slot);
	*slot = value;
}

void zl_finding_zone(zl_finding *f, const zl_name *zone)
{
	if (f && zone)
		replace(&f->zone, strdup(zl_name_text(zone)));
}

void zl_finding_server(zl_finding *f, const zl_name *server)
{
	if (f && server)
		replace(&f->server, strdup(zl_name_text(server)));
}

void zl_finding_owner(zl_finding *f, const zl_name *owner)
{
	if (f && owner)
		replace(&f->owner, strdup(zl_name_text(owner)));
}

void zl_finding_owner_text(zl_finding *f, const char *owner)
{
	if (f && owner)
		replace(&f->owner, absolute_lower(owner));
}

void zl_finding_data(zl_finding *f, const char *data)
{
	if (f && data)
		replace(&f->data, strdup(data));
}

void zl_finding_severity(zl_finding *f, zl_severity s)
{
	if (f && s >= ZL_SEVERITY_INFO && s <= ZL_SEVERITY_ERROR)
		f->requested = s;
}

/* Appends a formatted line to `list`; on OOM the line is dropped (a note
 * or command less is better than no finding at all). */
static void push_format(zl_strings *list, const char *fmt, va_list ap)
{
	char *s = vformat(fmt, ap);

	if (s && VEC_PUSH(*list, s) != 0)
		free(s);
}

void zl_finding_note(zl_finding *f, const char *fmt, ...)
{
	va_list ap;

	if (!f)
		return;
	va_start(ap, fmt);
	push_format(&f->notes, fmt, ap);
	va_end(ap);
}

void zl_finding_fix(zl_finding *f, const char *fmt, ...)
{
	va_list ap;

	if (!f)
		return;
	va_start(ap, fmt);
	replace(&f->fix, vformat(fmt, ap));
	va_end(ap);
}

/* A command and what it acts on, pushed together or not at all. */
static void push_command(zl_finding *f, const zl_name *server, zl_command_tool tool,
                         zl_command_kind kind, const char *fmt, va_list ap)
{
	char *text = vformat(fmt, ap);
	zl_command_info info = { server ? strdup(zl_name_text(server)) : NULL, tool, kind };

	if (!text || (server && !info.run_on) ||
	    VEC_RESERVE(f->command_info, f->commands.n + 1) != 0 ||
	    VEC_PUSH(f->commands, text) != 0) {
		free(text);
		free(info.run_on);
		return;
	}
	f->command_info.v[f->command_info.n++] = info;
}

void zl_finding_command(zl_finding *f, const char *fmt, ...)
{
	va_list ap;

	if (!f)
		return;
	va_start(ap, fmt);
	push_command(f, NULL, ZL_TOOL_OTHER, ZL_COMMAND_OTHER, fmt, ap);
	va_end(ap);
}

void zl_finding_command_on(zl_finding *f, const zl_name *server, zl_command_tool tool,
                           zl_command_kind kind, const char *fmt, ...)
{
	va_list ap;

	if (!f)
		return;
	if (tool > ZL_TOOL_POWERSHELL)
		tool = ZL_TOOL_OTHER;
	if (kind < ZL_COMMAND_DELETE || kind > ZL_COMMAND_OTHER)
		kind = ZL_COMMAND_OTHER;
	va_start(ap, fmt);
	push_command(f, server, tool, kind, fmt, ap);
	va_end(ap);
}

static void push_key(zl_strings *list, const char *key)
{
	char *s = key ? strdup(key) : NULL;

	if (s && VEC_PUSH(*list, s) != 0)
		free(s);
}

void zl_finding_explains(zl_finding *f, const char *key)
{
	if (f)
		push_key(&f->explains, key);
}

void zl_finding_follows(zl_finding *f, const char *key)
{
	if (f)
		push_key(&f->follows, key);
}

void zl_finding_involves(zl_finding *f, const zl_name *server)
{
	if (f && server)
		push_key(&f->involves, zl_name_text(server));
}

void zl_finding_partner(zl_finding *f, const zl_name *server)
{
	if (f && server)
		push_key(&f->partners, zl_name_text(server));
}

void zl_report_not_checked(zl_report *r, const char *reason, size_t count)
{
	const char *rule = r->entry->rule->id;
	zl_results *res = r->results;

	if (count == 0 || !reason)
		return;
	for (size_t i = 0; i < res->not_checked.n; i++) {
		zl_not_checked *nc = &res->not_checked.v[i];
		if (nc->rule == rule && strcmp(nc->reason, reason) == 0) {
			nc->count += count;
			return;
		}
	}
	zl_not_checked nc = { rule, strdup(reason), count };
	if (!nc.reason || VEC_PUSH(res->not_checked, nc) != 0) {
		free(nc.reason);
		r->oom = true;
	}
}

size_t zl_report_count(const zl_report *r)
{
	return r->results->findings.n;
}

static char *dup_or_null(const char *s, bool *oom)
{
	char *d = s ? strdup(s) : NULL;

	*oom |= s && !d;
	return d;
}

static bool copy_strings(zl_strings *to, const zl_strings *from)
{
	for (size_t i = 0; i < from->n; i++) {
		char *s = strdup(from->v[i]);
		if (!s || VEC_PUSH(*to, s) != 0) {
			free(s);
			return false;
		}
	}
	return true;
}

/*
 * A relation key (rules/lib/relations.h: "what|<view file>|...") with every
 * "|was|" and "|was:" naming `file` instead: the repeated finding is about
 * the same name in the other copy.
 */
static char *key_moved(const char *key, const char *was, const char *file)
{
	size_t nw = strlen(was), nf = strlen(file), n = 0, cap = strlen(key) + 1;
	char *out;

	for (const char *p = strchr(key, '|'); p; p = strchr(p + 1, '|'))
		if (strncmp(p + 1, was, nw) == 0 && (p[1 + nw] == '|' || p[1 + nw] == ':'))
			cap += nf;
	if (!(out = malloc(cap)))
		return NULL;
	for (const char *p = key; *p;) {
		if (p > key && p[-1] == '|' && strncmp(p, was, nw) == 0 &&
		    (p[nw] == '|' || p[nw] == ':')) {
			memcpy(out + n, file, nf);
			n += nf;
			p += nw;
		} else {
			out[n++] = *p++;
		}
	}
	out[n] = '\0';
	return out;
}

static bool copy_keys(zl_strings *to, const zl_strings *from, const char *was,
                      const char *file)
{
	for (size_t i = 0; i < from->n; i++) {
		char *s = key_moved(from->v[i], was, file);
		if (!s || VEC_PUSH(*to, s) != 0) {
			free(s);
			return false;
		}
	}
	return true;
}

/* The commands of f and where each runs, into c. */
static bool copy_commands(zl_finding *c, const zl_finding *f)
{
	if (!copy_strings(&c->commands, &f->commands) ||
	    VEC_RESERVE(c->command_info, f->command_info.n) != 0)
		return false;
	for (size_t i = 0; i < f->command_info.n; i++) {
		zl_command_info info = f->command_info.v[i];
		bool oom = false;
		info.run_on = dup_or_null(info.run_on, &oom);
		if (oom)
			return false;
		c->command_info.v[c->command_info.n++] = info;
	}
	return true;
}

/* A copy of f, in file `file` when it was in `was`. */
static zl_finding *finding_copy(const zl_finding *f, const char *was, const char *file)
{
	zl_finding *c = calloc(1, sizeof(*c));
	bool oom = !c;

	if (oom)
		return NULL;
	*c = (zl_finding){ .rule = f->rule, .severity = f->severity,
	                   .requested = f->requested, .line = f->line, .column = f->column };
	c->file = dup_or_null(strcmp(f->file, was) == 0 ? file : f->file, &oom);
	c->message = dup_or_null(f->message, &oom);
	c->zone = dup_or_null(f->zone, &oom);
	c->server = dup_or_null(f->server, &oom);
	c->owner = dup_or_null(f->owner, &oom);
	c->data = dup_or_null(f->data, &oom);
	c->fix = dup_or_null(f->fix, &oom);
	if (oom || !copy_strings(&c->notes, &f->notes) || !copy_commands(c, f) ||
	    !copy_strings(&c->involves, &f->involves) ||
	    !copy_strings(&c->partners, &f->partners) ||
	    !copy_keys(&c->explains, &f->explains, was, file) ||
	    !copy_keys(&c->follows, &f->follows, was, file)) {
		finding_free(c);
		return NULL;
	}
	return c;
}

int zl_report_repeat(zl_report *r, size_t begin, size_t end, const zl_view *from,
                     const zl_view *to)
{
	for (size_t k = begin; k < end && k < r->results->findings.n; k++) {
		zl_finding *c = finding_copy(r->results->findings.v[k], zl_view_file(from),
		                             zl_view_file(to));
		if (!c || VEC_PUSH(r->results->findings, c) != 0) {
			finding_free(c);
			r->oom = true;
			return -1;
		}
	}
	return 0;
}

zl_finding *zl_report_problem(zl_report *r, const zl_problem *p)
{
	zl_finding *f = zl_report_add(r, zl_problem_location(p), "%s", zl_problem_message(p));

	zl_finding_severity(f, zl_problem_severity(p));
	zl_finding_zone(f, zl_problem_zone(p));
	zl_finding_server(f, zl_problem_server(p));
	return f;
}

size_t zl_report_problems(zl_report *r, const zl_model *m)
{
	zl_source_problem source = r->entry->rule->source;
	size_t n = 0;

	for (size_t i = 0; source != ZL_SOURCE_NONE && i < zl_model_problem_count(m); i++) {
		const zl_problem *p = zl_model_problem(m, i);
		if (zl_problem_source(p) == source) {
			zl_report_problem(r, p);
			n++;
		}
	}
	return n;
}

/* ---- the run ---------------------------------------------------------- */

/* FNV-1a over rule, zone, server, owner and data: what a finding is about,
 * not where it sits or how it is worded (SPEC 4, used by baselines). */
static void fingerprint(zl_finding *f)
{
	const char *parts[] = { f->rule->id, f->zone, f->server, f->owner, f->data };
	uint64_t h = ZL_FNV64_BASIS;

	for (size_t i = 0; i < sizeof(parts) / sizeof(*parts); i++) {
		h = zl_fnv64_str(h, parts[i] ? parts[i] : "");
		h = zl_fnv64_byte(h, 0xff);  /* separator: ("ab","") != ("a","b") */
	}
	snprintf(f->fingerprint, sizeof(f->fingerprint), "%016llx", (unsigned long long)h);
}

static int cmp_finding(const void *a, const void *b)
{
	const zl_finding *x = *(const zl_finding *const *)a;
	const zl_finding *y = *(const zl_finding *const *)b;
	int c = strcmp(x->file, y->file);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	if ((c = strcmp(x->rule->id, y->rule->id)))
		return c;
	if ((c = strcmp(x->message, y->message)))
		return c;
	/* Same place, same words: fall back on what they are about. */
	return strcmp(x->fingerprint, y->fingerprint);
}

/* ---- causes (zonelint/report.h, zl_finding_explains) ------------------ */

typedef struct explained {
	const char *key;          /* ref only */
	zl_finding *cause;        /* ref only */
} explained;

/* NULL servers last: a cause that names its server is the one to show. */
static int cmp_server(const char *a, const char *b)
{
	if (!a || !b)
		return (a == NULL) - (b == NULL);
	return strcmp(a, b);
}

/* By key, then the cause's server (SPEC: the one whose server sorts
 * first), then its fingerprint, so the choice never depends on order. */
static int cmp_explained(const void *a, const void *b)
{
	const explained *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (!c)
		c = cmp_server(x->cause->server, y->cause->server);
	return c ? c : strcmp(x->cause->fingerprint, y->cause->fingerprint);
}

/* The first cause of `key` other than f, or NULL. */
static zl_finding *first_cause(const explained *list, size_t n, const char *key,
                               const zl_finding *f)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(list[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && strcmp(list[lo].key, key) == 0; lo++)
		if (list[lo].cause != f)
			return list[lo].cause;
	return NULL;
}

static bool better_cause(const zl_finding *a, const zl_finding *best)
{
	if (!best)
		return true;
	int c = cmp_server(a->server, best->server);
	return c < 0 || (c == 0 && strcmp(a->fingerprint, best->fingerprint) < 0);
}

static int collect_explained(const zl_results *res, explained **out, size_t *n)
{
	size_t total = 0, k = 0;

	for (size_t i = 0; i < res->findings.n; i++)
		total += res->findings.v[i]->explains.n;
	*out = NULL;
	*n = 0;
	if (!total)
		return 0;
	if (!(*out = malloc(total * sizeof(**out))))
		return -1;
	for (size_t i = 0; i < res->findings.n; i++) {
		zl_finding *f = res->findings.v[i];
		for (size_t j = 0; j < f->explains.n; j++)
			(*out)[k++] = (explained){ f->explains.v[j], f };
	}
	qsort(*out, total, sizeof(**out), cmp_explained);
	*n = total;
	return 0;
}

/*
 * Links each follower to its cause among the findings left, from scratch
 * (after settling and again after the baseline removed some).  A cause
 * that follows another itself is no cause: chains would hide a finding
 * two levels down, cycles would hide both.
 */
static int link_causes(zl_results *res)
{
	explained *list;
	size_t n;

	for (size_t i = 0; i < res->findings.n; i++) {
		res->findings.v[i]->cause = NULL;
		res->findings.v[i]->followers.n = 0;
	}
	if (collect_explained(res, &list, &n) != 0)
		return -1;
	if (!n)
		return 0;
	for (size_t i = 0; i < res->findings.n; i++) {
		zl_finding *f = res->findings.v[i];
		for (size_t j = 0; j < f->follows.n; j++) {
			const zl_finding *c = first_cause(list, n, f->follows.v[j], f);
			if (c && better_cause(c, f->cause))
				f->cause = c;
		}
	}
	free(list);
	/* Causes are only ever cleared here, so once this pass is done no
	 * cause has a cause: nothing is hidden under a hidden finding. */
	for (size_t i = 0; i < res->findings.n; i++) {
		zl_finding *f = res->findings.v[i];
		if (f->cause && f->cause->cause)
			f->cause = NULL;
	}
	for (size_t i = 0; i < res->findings.n; i++) {
		zl_finding *f = res->findings.v[i];
		if (f->cause && VEC_PUSH(((zl_finding *)f->cause)->followers,
		                         (const zl_finding *)f) != 0)
			return -1;
	}
	return 0;
}

void zl_results_free(zl_results *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->findings.n; i++)
		finding_free(r->findings.v[i]);
	VEC_FREE(r->findings);
	for (size_t i = 0; i < r->not_checked.n; i++)
		free(r->not_checked.v[i].reason);
	VEC_FREE(r->not_checked);
	free(r);
}

size_t zl_results_suppress(zl_results *r, bool (*hide)(const zl_finding *f, void *ctx),
                           void *ctx)
{
	size_t kept = 0;

	for (size_t i = 0; i < r->findings.n; i++) {
		zl_finding *f = r->findings.v[i];
		if (!hide(f, ctx)) {
			r->findings.v[kept++] = f;
			continue;
		}
		r->count[f->severity]--;
		finding_free(f);
	}
	size_t removed = r->findings.n - kept;
	r->findings.n = kept;
	r->suppressed += removed;
	/* A removed cause leaves its followers standalone. */
	if (removed && link_causes(r) != 0)
		return (size_t)-1;
	return removed;
}

/* The inventory's `rules:` map, then --rule, which wins. */
static void apply_overrides(zl_engine *e, const zl_model *m, zl_report *report)
{
	for (size_t i = 0; i < e->rules.n; i++) {
		e->rules.v[i].effective = e->rules.v[i].rule->severity;
		e->rules.v[i].overridden = false;
	}
	const rule_entry *inventory = source_entry(e, ZL_SOURCE_INVENTORY);
	for (size_t i = 0; i < zl_model_rule_override_count(m); i++) {
		zl_severity s;
		zl_location where;
		const char *id = zl_model_rule_override(m, i, &s, &where);
		rule_entry *re = find_entry(e, id);
		if (re) {
			re->effective = s;
			re->overridden = true;
		} else if (inventory) {
			/* A misspelt override leaves the audit usable: a warning. */
			report->entry = inventory;
			zl_finding *f = zl_report_add(report, where, "unknown rule '%s' in "
			                              "rules; zonelint --list-rules shows them", id);
			zl_finding_severity(f, ZL_SEVERITY_WARNING);
		}
	}
	for (size_t i = 0; i < e->rules.n; i++) {
		if ((int)e->rules.v[i].cli >= 0) {
			e->rules.v[i].effective = e->rules.v[i].cli;
			e->rules.v[i].overridden = true;
		}
	}
}

/* ---- inline suppressions (`; zonelint: disable=ID[,ID]`) ------------- */

typedef struct sup_key {
	const char *file;
	uint32_t line;
	const char *ids;
} sup_key;

static int cmp_sup(const void *a, const void *b)
{
	const sup_key *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	if (c)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* True when `ids` (comma-separated, blanks allowed) names `id`. */
static bool ids_name(const char *ids, const char *id)
{
	size_t len = strlen(id);

	for (const char *p = ids; *p;) {
		p += strspn(p, " \t,");
		size_t n = strcspn(p, " \t,");
		if (n == len && strncmp(p, id, n) == 0)
			return true;
		p += n;
	}
	return false;
}

/* Reports ids in suppression comments that name no rule (a typo would
 * otherwise silently suppress nothing). */
static void check_suppression_ids(zl_engine *e, const zl_model *m, zl_report *report)
{
	const rule_entry *syntax = source_entry(e, ZL_SOURCE_ZONE_SYNTAX);

	for (size_t i = 0; syntax && i < zl_model_suppression_count(m); i++) {
		zl_location where;
		const char *ids = zl_model_suppression(m, i, &where);
		for (const char *p = ids; *p;) {
			char id[128];
			p += strspn(p, " \t,");
			size_t n = strcspn(p, " \t,");
			if (!n)
				break;
			snprintf(id, sizeof(id), "%.*s", (int)(n < 127 ? n : 127), p);
			p += n;
			if (find_entry(e, id))
				continue;
			report->entry = syntax;
			zl_finding *f = zl_report_add(report, where, "unknown rule '%s' in a "
			                              "zonelint: disable comment", id);
			zl_finding_severity(f, ZL_SEVERITY_WARNING);
		}
	}
}

static bool suppressed(const sup_key *keys, size_t n, const zl_finding *f)
{
	for (uint32_t d = 0; d <= 1 && d < f->line + 1u; d++) {
		sup_key key = { f->file, f->line - d, NULL };
		const sup_key *k = bsearch(&key, keys, n, sizeof(*keys), cmp_sup);
		/* Several comments may share a line's key: look at each. */
		while (k && k > keys && cmp_sup(k - 1, &key) == 0)
			k--;
		for (; k && k < keys + n && cmp_sup(k, &key) == 0; k++)
			if (ids_name(k->ids, f->rule->id))
				return true;
	}
	return false;
}

static int load_suppressions(const zl_model *m, sup_key **out, size_t *n)
{
	*n = zl_model_suppression_count(m);
	*out = NULL;
	if (!*n)
		return 0;
	*out = malloc(*n * sizeof(**out));
	if (!*out)
		return -1;
	for (size_t i = 0; i < *n; i++) {
		zl_location where;
		(*out)[i].ids = zl_model_suppression(m, i, &where);
		(*out)[i].file = where.file;
		(*out)[i].line = where.line;
	}
	qsort(*out, *n, sizeof(**out), cmp_sup);
	return 0;
}

/* summary.not_checked: by rule id, then reason. */
static int cmp_not_checked(const void *a, const void *b)
{
	const zl_not_checked *x = a, *y = b;
	int c = strcmp(x->rule, y->rule);

	return c ? c : strcmp(x->reason, y->reason);
}

static int settle(zl_engine *e, const zl_model *m, zl_results *res)
{
	size_t kept = 0, nsup;
	sup_key *sup;

	if (load_suppressions(m, &sup, &nsup) != 0)
		return -1;

	for (size_t i = 0; i < res->findings.n; i++) {
		zl_finding *f = res->findings.v[i];
		const rule_entry *re = find_entry(e, f->rule->id);
		f->severity = re->effective;
		if (!re->overridden && f->requested)
			f->severity = f->requested;
		if (f->severity == ZL_SEVERITY_OFF) {
			finding_free(f);
			continue;
		}
		if (nsup && suppressed(sup, nsup, f)) {
			res->suppressed++;
			finding_free(f);
			continue;
		}
		fingerprint(f);
		res->count[f->severity]++;
		res->findings.v[kept++] = f;
	}
	res->findings.n = kept;
	if (kept > 1)
		qsort(res->findings.v, res->findings.n, sizeof(*res->findings.v), cmp_finding);
	if (link_causes(res) != 0) {
		free(sup);
		return -1;
	}
	if (res->not_checked.n > 1)
		qsort(res->not_checked.v, res->not_checked.n, sizeof(*res->not_checked.v),
		      cmp_not_checked);
	free(sup);
	return 0;
}

/* ---- running the rules side by side ------------------------------------ */

/*
 * Rules only read the model (which nothing writes once it is loaded) and
 * write their own findings, so the built-in rules run on up to
 * MAX_WORKERS + 1 threads, each rule into a list of its own; the lists are
 * then joined in registry order, exactly as one thread would have made
 * them.  Plugins' rules run on the calling thread: their authors never
 * promised to be reentrant.
 */
#define MAX_WORKERS 3

typedef struct rule_job {
	zl_report report;         /* the rule's entry and its own `part` */
	zl_results part;
	bool builtin;
	bool failed;
} rule_job;

typedef struct job_queue {
	const zl_model *m;
	rule_job *jobs;
	size_t n;
	atomic_size_t next;       /* the next job to take */
} job_queue;

static void run_job(const zl_model *m, rule_job *j)
{
	j->failed = j->report.entry->rule->check(m, &j->report) != 0;
}

static void *run_builtin_jobs(void *arg)
{
	job_queue *q = arg;
	size_t i;

	while ((i = atomic_fetch_add(&q->next, 1)) < q->n)
		if (q->jobs[i].builtin)
			run_job(q->m, &q->jobs[i]);
	return NULL;
}

static bool is_builtin(const zl_rule *rule)
{
	for (size_t i = 0; zl_builtin_rules[i]; i++)
		if (zl_builtin_rules[i] == rule)
			return true;
	return false;
}

/* Runs jobs[0..n) on this thread and up to MAX_WORKERS more. */
static void run_jobs(const zl_model *m, rule_job *jobs, size_t n)
{
	job_queue q = { m, jobs, n, 0 };
	pthread_t workers[MAX_WORKERS];
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t want = cpus > 1 ? (size_t)cpus - 1 : 0, started = 0;

	while (started < want && started < MAX_WORKERS && started + 1 < n &&
	       pthread_create(&workers[started], NULL, run_builtin_jobs, &q) == 0)
		started++;
	run_builtin_jobs(&q);
	for (size_t i = 0; i < started; i++)
		pthread_join(workers[i], NULL);
	for (size_t i = 0; i < n; i++)
		if (!jobs[i].builtin)
			run_job(m, &jobs[i]);
}

/* Every enabled rule of the pack, their findings into res in registry
 * order; -1 when memory ran out. */
static int run_rules(zl_engine *e, const zl_model *m, zl_results *res)
{
	rule_job *jobs = calloc(e->rules.n ? e->rules.n : 1, sizeof(*jobs));
	size_t n = 0;
	bool oom = false;

	if (!jobs)
		return -1;
	for (size_t i = 0; i < e->rules.n; i++) {
		const rule_entry *re = &e->rules.v[i];
		if (re->effective == ZL_SEVERITY_OFF ||
		    (e->pack && strcmp(re->rule->pack, e->pack) != 0))
			continue;
		jobs[n].report = (zl_report){ re, &jobs[n].part, false };
		jobs[n].builtin = is_builtin(re->rule);
		n++;
	}
	run_jobs(m, jobs, n);
	for (size_t i = 0; i < n; i++) {
		rule_job *j = &jobs[i];
		/* zonelint/rule.h: a check that could not run is said and
		 * counted; the other rules still run. */
		if (j->failed) {
			fprintf(stderr, "zonelint: rule %s could not run\n", j->report.entry->rule->id);
			res->failed++;
		}
		oom |= j->report.oom;
		for (size_t k = 0; k < j->part.findings.n; k++)
			if (oom || VEC_PUSH(res->findings, j->part.findings.v[k]) != 0) {
				finding_free(j->part.findings.v[k]);
				oom = true;
			}
		VEC_FREE(j->part.findings);
		for (size_t k = 0; k < j->part.not_checked.n; k++)
			if (oom || VEC_PUSH(res->not_checked, j->part.not_checked.v[k]) != 0) {
				free(j->part.not_checked.v[k].reason);
				oom = true;
			}
		VEC_FREE(j->part.not_checked);
	}
	free(jobs);
	return oom ? -1 : 0;
}

int zl_engine_run(zl_engine *e, const zl_model *m, zl_results **out)
{
	zl_results *res = calloc(1, sizeof(*res));
	zl_report report = { NULL, res, false };

	*out = NULL;
	if (!res)
		return -1;
	/* The indexes rules read are built here, once, before rules run on
	 * several threads: the model is complete, and nothing writes it
	 * after (the caller hands it over read-only from here on). */
	if (zl_model_freeze((zl_model *)m) != 0)
		report.oom = true;
	apply_overrides(e, m, &report);
	if (!report.oom && run_rules(e, m, res) != 0)
		report.oom = true;
	if (!report.oom && (!e->pack || strcmp(e->pack, "zone") == 0))
		check_suppression_ids(e, m, &report);
	if (report.oom || settle(e, m, res) != 0) {
		zl_results_free(res);
		return -1;
	}
	res->servers = zl_model_server_count(m);
	res->zones = zl_model_zone_count(m);
	res->views = zl_model_view_count(m);
	res->records = zl_model_record_count(m);
	*out = res;
	return 0;
}
