/* lint/out/json.c - the JSON report of SPEC 4, built with jansson. */
#include "writers.h"

#include <jansson.h>

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

int zl_write_json(FILE *out, const zl_results *r)
{
	json_t *doc = json_object(), *list = json_array();
	int rc = -1;

	if (!doc || !list)
		goto done;
	json_object_set_new(doc, "schema", json_integer(1));
	json_object_set_new(doc, "tool", json_pack("{s:s, s:s}", "name", "zonelint",
	                                           "version", ZL_VERSION));
	for (size_t i = 0; i < r->findings.n; i++)
		if (json_array_append_new(list, finding_json(r->findings.v[i])) != 0)
			goto done;
	json_object_set(doc, "findings", list);
	json_object_set_new(doc, "summary", summary_json(r));
	if (json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0 &&
	    fputc('\n', out) != EOF)
		rc = 0;
done:
	json_decref(list);
	json_decref(doc);
	return rc;
}
