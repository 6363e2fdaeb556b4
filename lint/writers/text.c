/*
 * lint/writers/text.c - `file:line:col: severity: message [rule]`, the shape
 * gcc writes, which vim's quickfix and VS Code's $gcc matcher read as is.
 */
#include "writers.h"

#include <string.h>

static int put_line(FILE *out, const char *prefix, const char *text)
{
	char buf[4096];

	zl_escape_text(text, buf, sizeof(buf));
	return fprintf(out, "%s%s\n", prefix, buf) < 0 ? -1 : 0;
}

/* SGR colours as gcc's GCC_COLORS defaults (error 01;31, warning 01;35,
 * note 01;36), so zonelint reads like the compiler output beside it. */
static const char *const severity_color[] = {
	[ZL_SEVERITY_OFF] = "",
	[ZL_SEVERITY_INFO] = "\033[01;36m",
	[ZL_SEVERITY_WARNING] = "\033[01;35m",
	[ZL_SEVERITY_ERROR] = "\033[01;31m",
};

/* With -v, a follower names its cause. */
static int write_cause(FILE *out, const zl_finding *f)
{
	char file[1024];
	const zl_finding *c = f->cause;

	zl_escape_text(c->file, file, sizeof(file));
	return fprintf(out, "  note: follows from %s:%u:%u [%s]\n", file, c->line,
	               c->column, c->rule->id) < 0 ? -1 : 0;
}

static int write_finding(FILE *out, const zl_finding *f, bool color)
{
	char file[1024], msg[4096];
	const char *on = color ? severity_color[f->severity] : "";
	const char *off = color ? "\033[m" : "";

	zl_escape_text(f->file, file, sizeof(file));
	zl_escape_text(f->message, msg, sizeof(msg));
	if (fprintf(out, "%s:%u:%u: %s%s%s: %s %s[%s]%s\n", file, f->line, f->column,
	            on, zl_severity_name(f->severity), off, msg, on, f->rule->id, off) < 0)
		return -1;
	if (f->cause && write_cause(out, f) != 0)
		return -1;
	for (size_t i = 0; i < f->notes.n; i++)
		if (put_line(out, "  note: ", f->notes.v[i]) != 0)
			return -1;
	if (f->fix && put_line(out, "  fix: ", f->fix) != 0)
		return -1;
	for (size_t i = 0; i < f->commands.n; i++)
		if (put_line(out, "    ", f->commands.v[i]) != 0)
			return -1;
	return 0;
}

const char *zl_follower_rules(const zl_finding *f, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < f->followers.n; i++) {
		const char *id = f->followers.v[i]->rule->id;
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = f->followers.v[j]->rule == f->followers.v[i]->rule;
		if (seen || used >= size)
			continue;
		int n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", id);
		used += n > 0 ? (size_t)n : 0;
	}
	return buf;
}

/* One cause, one finding (SPEC 6.4): the followers fold into one line. */
static int write_also(FILE *out, const zl_finding *f)
{
	char rules[1024];
	size_t n = f->followers.n;

	return fprintf(out, "  also: %zu %s from this (%s); -v lists them\n", n,
	               n == 1 ? "finding follows" : "findings follow",
	               zl_follower_rules(f, rules, sizeof(rules))) < 0 ? -1 : 0;
}

int zl_write_text(FILE *out, const zl_results *r, const zl_model *m,
                  const zl_write_options *o)
{
	bool color = o && o->color, verbose = o && o->verbose;

	(void)m;

	for (size_t i = 0; i < r->findings.n; i++) {
		const zl_finding *f = r->findings.v[i];
		if (f->cause && !verbose)
			continue;
		if (write_finding(out, f, color) != 0)
			return -1;
		if (f->followers.n && !verbose && write_also(out, f) != 0)
			return -1;
	}
	return 0;
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

int zl_write_summary(FILE *out, const zl_results *r)
{
	size_t e = r->count[ZL_SEVERITY_ERROR], w = r->count[ZL_SEVERITY_WARNING];

	return fprintf(out, "zonelint: %zu %s, %zu %s, %zu info, %zu suppressed; "
	               "%zu %s, %zu %s, %zu %s, %zu %s\n",
	               e, plural(e, "error", "errors"), w, plural(w, "warning", "warnings"),
	               r->count[ZL_SEVERITY_INFO], r->suppressed,
	               r->servers, plural(r->servers, "server", "servers"),
	               r->zones, plural(r->zones, "zone", "zones"),
	               r->views, plural(r->views, "view", "views"),
	               r->records, plural(r->records, "record", "records")) < 0 ? -1 : 0;
}

int zl_write_not_checked(FILE *out, const zl_results *r)
{
	for (size_t i = 0; i < r->not_checked.n; i++) {
		const zl_not_checked *nc = &r->not_checked.v[i];
		if (fprintf(out, "zonelint: not checked by %s: %s (%zu)\n", nc->rule,
		            nc->reason, nc->count) < 0)
			return -1;
	}
	return 0;
}
