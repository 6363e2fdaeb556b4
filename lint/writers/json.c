/* lint/writers/json.c - the JSON report of SPEC 4, built with jansson. */
#include "writers.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER)

static int set_string(json_t *obj, const char *key, const char *value)
{
	return value ? json_object_set_new(obj, key, json_string(value)) : 0;
}

static json_t *string_array(char *const *items, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < n; i++)
		json_array_append_new(a, json_string(items[i]));
	return a;
}

/* For each command, the server it acts on; null when not known. */
static json_t *run_on_array(const zl_finding *f)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < f->commands.n; i++) {
		const char *on = i < f->command_info.n ? f->command_info.v[i].run_on : NULL;
		json_array_append_new(a, on ? json_string(on) : json_null());
	}
	return a;
}

static json_t *finding_json(const zl_finding *f)
{
	json_t *o = json_object();

	if (!o)
		return NULL;
	set_string(o, "rule", f->rule->id);
	set_string(o, "severity", zl_severity_name(f->severity));
	set_string(o, "message", f->message);
	set_string(o, "file", f->file);
	json_object_set_new(o, "line", json_integer(f->line));
	json_object_set_new(o, "column", json_integer(f->column));
	set_string(o, "zone", f->zone);
	set_string(o, "server", f->server);
	set_string(o, "owner", f->owner);
	set_string(o, "fingerprint", f->fingerprint);
	if (f->cause)
		set_string(o, "caused_by", f->cause->fingerprint);
	if (f->notes.n)
		json_object_set_new(o, "notes", string_array(f->notes.v, f->notes.n));
	if (f->fix || f->commands.n) {
		json_t *fix = json_object();
		set_string(fix, "description", f->fix ? f->fix : "");
		json_object_set_new(fix, "commands", string_array(f->commands.v, f->commands.n));
		json_object_set_new(fix, "run_on", run_on_array(f));
		json_object_set_new(o, "fix", fix);
	}
	return o;
}

static json_t *not_checked_json(const zl_results *r)
{
	json_t *list = json_array();

	for (size_t i = 0; list && i < r->not_checked.n; i++) {
		const zl_not_checked *nc = &r->not_checked.v[i];
		json_array_append_new(list, json_pack("{s:s, s:s, s:I}", "rule", nc->rule,
		                                      "reason", nc->reason,
		                                      "count", (json_int_t)nc->count));
	}
	return list;
}

static json_t *summary_json(const zl_results *r)
{
	return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:o}",
	                 "error", (json_int_t)r->count[ZL_SEVERITY_ERROR],
	                 "warning", (json_int_t)r->count[ZL_SEVERITY_WARNING],
	                 "info", (json_int_t)r->count[ZL_SEVERITY_INFO],
	                 "suppressed", (json_int_t)r->suppressed,
	                 "servers", (json_int_t)r->servers,
	                 "zones", (json_int_t)r->zones,
	                 "views", (json_int_t)r->views,
	                 "records", (json_int_t)r->records,
	                 "not_checked", not_checked_json(r));
}

/* ---- streaming ------------------------------------------------------------ */

/* Where a dumped item goes: its lines indented by `indent` spaces. */
typedef struct indented {
	FILE *out;
	unsigned indent;
	bool line_start;
} indented;

static int put_indented(const char *buf, size_t size, void *data)
{
	indented *d = data;

	for (size_t i = 0; i < size; i++) {
		if (d->line_start && fprintf(d->out, "%*s", (int)d->indent, "") < 0)
			return -1;
		d->line_start = buf[i] == '\n';
		if (fputc(buf[i], d->out) == EOF)
			return -1;
	}
	return 0;
}

/* The items of the array, as json_dumpf would write them inside it. */
static int write_items(FILE *out, unsigned depth, size_t n,
                       json_t *(*item)(void *ctx, size_t i), void *ctx)
{
	indented d = { out, 2 * depth, true };

	for (size_t i = 0; i < n; i++) {
		json_t *j = item(ctx, i);
		int rc = j && fputs(i ? ",\n" : "\n", out) != EOF ? 0 : -1;

		d.line_start = true;
		if (rc == 0)
			rc = json_dump_callback(j, put_indented, &d, FLAGS);
		json_decref(j);
		if (rc != 0)
			return -1;
	}
	return fprintf(out, "\n%*s", (int)(2 * depth - 2), "") < 0 ? -1 : 0;
}

int zl_json_write_streamed(FILE *out, json_t *doc, const char *key, unsigned depth,
                           size_t n, json_t *(*item)(void *ctx, size_t i), void *ctx)
{
	char *text = json_dumps(doc, FLAGS), *marker = NULL, *at = NULL;
	size_t klen = strlen(key);
	int rc = -1;

	if (text && depth > 0 && (marker = malloc(2 * depth + klen + 8))) {
		sprintf(marker, "\n%*s\"%s\": []", (int)(2 * depth - 2), "", key);
		at = strstr(text, marker);
	}
	if (at) {
		size_t head = (size_t)(at - text) + strlen(marker) - 1;   /* up to '[' */
		if (fwrite(text, 1, head, out) == head &&
		    (n == 0 || write_items(out, depth, n, item, ctx) == 0) &&
		    fputs(text + head, out) != EOF)
			rc = 0;
	}
	free(marker);
	free(text);
	return rc;
}

/* ---- the report ------------------------------------------------------------ */

static json_t *finding_item(void *ctx, size_t i)
{
	const zl_results *r = ctx;

	return finding_json(r->findings.v[i]);
}

int zl_write_json(FILE *out, const zl_results *r, const zl_model *m,
                  const zl_write_options *o)
{
	json_t *doc = json_object();
	int rc = -1;

	(void)m;
	(void)o;

	if (!doc)
		goto done;
	json_object_set_new(doc, "schema", json_integer(1));
	json_object_set_new(doc, "tool", json_pack("{s:s, s:s}", "name", "zonelint",
	                                           "version", ZL_VERSION));
	/* filled as the document is written: one finding at a time */
	json_object_set_new(doc, "findings", json_array());
	json_object_set_new(doc, "summary", summary_json(r));
	if (zl_json_write_streamed(out, doc, "findings", 2, r->findings.n, finding_item,
	                           (void *)r) == 0 && fputc('\n', out) != EOF)
		rc = 0;
done:
	json_decref(doc);
	return rc;
}
