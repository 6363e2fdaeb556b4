/*
 * lint/writers/ps1.c - `-f ps1`: the fix plan as one PowerShell script.
 *
 * Every distinct command of the report, once (the same RecordDelete that
 * three rules give for one stale record is one line here), in its
 * PowerShell form: dnscmd lines are left out, other tools (nltest) stay
 * as written.  Commands are grouped by the
 * server they act on (zl_finding_command_on), servers by name; within a
 * server deletions come first, then additions, then settings, then the
 * rest, each group in finding order, so a stale record is gone before its
 * replacement is added (KB 914050, steps 4 and 5).  Each command follows
 * a comment naming the rule ids and fingerprints it settles.  A command
 * whose server is not known (a plugin's zl_finding_command) cannot be
 * placed and is left out.  Nothing to fix: nothing is written.
 */
#include "writers.h"

#include <stdlib.h>
#include <string.h>

/* One (finding, command) pair that goes into the plan. */
typedef struct row {
	const char *server;       /* ref only: the command's run_on */
	const char *text;         /* ref only */
	zl_command_kind kind;
	const zl_finding *f;      /* ref only */
	size_t seq;               /* finding order, then command order */
} row;

/* One distinct command: rows [from, to) of the sorted rows. */
typedef struct entry {
	const char *server, *text;
	zl_command_kind kind;     /* of its first row in finding order */
	size_t seq;               /* its first row's */
	size_t from, to;
} entry;

typedef VEC(row) rows;
typedef VEC(entry) entries;

static int cmp_row(const void *a, const void *b)
{
	const row *x = a, *y = b;
	int c = strcmp(x->server, y->server);

	if (!c)
		c = strcmp(x->text, y->text);
	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

static int cmp_entry(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	int c = strcmp(x->server, y->server);

	if (c)
		return c;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* A command goes into the script only when it is PowerShell's or another
 * tool's, its server is known, and it is one line of printable text (zone
 * data must not be able to add a line to a script an admin runs). */
static bool plannable(const zl_finding *f, size_t i)
{
	const zl_command_info *ci;

	if (i >= f->command_info.n)
		return false;
	ci = &f->command_info.v[i];
	if (!ci->run_on || ci->tool == ZL_TOOL_DNSCMD)
		return false;
	for (const unsigned char *p = (const unsigned char *)f->commands.v[i]; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	return true;
}

static int collect_rows(const zl_results *r, rows *out)
{
	size_t seq = 0;

	for (size_t k = 0; k < r->findings.n; k++) {
		const zl_finding *f = r->findings.v[k];
		for (size_t i = 0; i < f->commands.n; i++, seq++) {
			if (!plannable(f, i))
				continue;
			row rw = { f->command_info.v[i].run_on, f->commands.v[i],
			           f->command_info.v[i].kind, f, seq };
			if (VEC_PUSH(*out, rw) != 0)
				return -1;
		}
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_row);
	return 0;
}

/* Rows of one server and text make one entry, placed by its first row. */
static int collect_entries(const row *rw, size_t n, entries *out)
{
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && !strcmp(rw[j].server, rw[i].server) &&
		       !strcmp(rw[j].text, rw[i].text))
			j++;
		entry e = { rw[i].server, rw[i].text, rw[i].kind, rw[i].seq, i, j };
		if (VEC_PUSH(*out, e) != 0)
			return -1;
		i = j;
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_entry);
	return 0;
}

/* "dc2.corp." as -ComputerName takes it, without control characters. */
static void put_server(FILE *out, const char *name)
{
	char buf[1100];
	size_t n;

	zl_escape_text(name, buf, sizeof(buf));
	n = strlen(buf);
	if (n > 1 && buf[n - 1] == '.')
		buf[n - 1] = '\0';
	fputs(buf, out);
}

/* "# settles: RULE FINGERPRINT, RULE FINGERPRINT": each (rule,
 * fingerprint) once, in finding order. */
static void put_settles(FILE *out, const row *rw, const entry *e)
{
	fputs("# settles:", out);
	for (size_t i = e->from; i < e->to; i++) {
		bool seen = false;
		for (size_t j = e->from; j < i && !seen; j++)
			seen = rw[j].f->rule == rw[i].f->rule &&
			       !strcmp(rw[j].f->fingerprint, rw[i].f->fingerprint);
		if (!seen)
			fprintf(out, "%s %s %s", i == e->from ? "" : ",", rw[i].f->rule->id,
			        rw[i].f->fingerprint);
	}
	fputc('\n', out);
}

static void put_plan(FILE *out, const row *rw, const entry *plan, size_t n)
{
	fputs("Set-StrictMode -Version Latest\n"
	      "$ErrorActionPreference = 'Stop'\n"
	      "# The fix plan of a zonelint " ZL_VERSION " report: each distinct command "
	      "once,\n# by the server it acts on; deletions, additions, settings, then "
	      "the rest.\n# Read it before running it.\n", out);
	for (size_t i = 0; i < n; i++) {
		const entry *e = &plan[i];
		if (i == 0 || strcmp(plan[i - 1].server, e->server) != 0) {
			fputs("\n# ---- on ", out);
			put_server(out, e->server);
			fputs(" ----\n", out);
		}
		put_settles(out, rw, e);
		fprintf(out, "%s\n", e->text);
	}
}

int zl_write_ps1(FILE *out, const zl_results *r, const zl_model *m,
                 const zl_write_options *o)
{
	rows rw = { 0 };
	entries plan = { 0 };
	int rc = -1;

	(void)m;
	(void)o;

	if (collect_rows(r, &rw) != 0 || collect_entries(rw.v, rw.n, &plan) != 0)
		goto done;
	if (plan.n)
		put_plan(out, rw.v, plan.v, plan.n);
	rc = ferror(out) ? -1 : 0;
done:
	VEC_FREE(rw);
	VEC_FREE(plan);
	return rc;
}
