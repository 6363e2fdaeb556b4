/*
 * lint/writers/sarif.c - SARIF 2.1.0 (OASIS, errata 01), built with jansson.
 * What each field holds and why is in docs/editors.md ("SARIF").
 */
#include "writers.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/" \
	"schemas/sarif-schema-2.1.0.json"
/* The key of partialFingerprints: "v1" names the engine's FNV-1a over rule,
 * zone, server, owner and data; a new hash would get a new key (SARIF
 * 3.27.17: a versioned name so consumers never compare unlike values). */
#define FINGERPRINT_KEY "zonelint/v1"
/* Relative artifact URIs are relative to the working directory. */
#define BASE_ID "%SRCROOT%"

/* SPEC 4: info is SARIF's "note"; a rule that is off by default is "none". */
static const char *level(zl_severity s)
{
	switch (s) {
	case ZL_SEVERITY_ERROR: return "error";
	case ZL_SEVERITY_WARNING: return "warning";
	case ZL_SEVERITY_INFO: return "note";
	default: return "none";
	}
}

/* ---- artifact URIs (RFC 3986) ---------------------------------------- */

/* pchar (RFC 3986 3.3) and "/": what a path may hold unencoded. */
static bool path_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || (c && strchr("-._~!$&'()*+,;=:@/", c));
}

/* In something that is already a URI, also the delimiters and '%'. */
static bool uri_char(unsigned char c)
{
	return path_char(c) || (c && strchr("%?#[]", c));
}

/* "ldap://dc1/CN=..." (SPEC 3: findings about directory data). */
static bool has_scheme(const char *s)
{
	size_t n = 0;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return false;
	while (s[n] && (strchr("+-.", s[n]) || (s[n] >= '0' && s[n] <= '9') ||
	                (s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z')))
		n++;
	return strncmp(s + n, "://", 3) == 0;
}

/* prefix + text, each byte outside keep() as %XX (UTF-8 bytes too). */
static char *encode(const char *prefix, const char *text, bool (*keep)(unsigned char))
{
	static const char hex[] = "0123456789ABCDEF";
	size_t np = strlen(prefix);
	char *s = malloc(np + 3 * strlen(text) + 1), *o;

	if (!s)
		return NULL;
	memcpy(s, prefix, np);
	o = s + np;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (keep(*p)) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return s;
}

/* The part of absolute `path` below `base`, or NULL when it is not below. */
static const char *below(const char *path, const char *base)
{
	size_t n = base ? strlen(base) : 0;

	if (!base || base[0] != '/')
		return NULL;
	while (n > 0 && base[n - 1] == '/')
		n--;
	if (strncmp(path, base, n) != 0 || path[n] != '/')
		return NULL;
	return path + n + 1;
}

/*
 * The artifact URI of a finding's file, as the user opened it from the
 * working directory: a relative reference when it is relative (or below
 * base_dir), else a file: URI; a path that is a URI already stays one.
 */
static char *artifact_uri(const char *path, const char *base_dir, bool *relative)
{
	const char *rel = path[0] == '/' ? below(path, base_dir) : path;

	*relative = false;
	if (has_scheme(path))
		return encode("", path, uri_char);
	if (!rel)
		return encode("file://", path, path_char);
	*relative = true;
	/* RFC 3986 4.2: a first segment with ':' would read as a scheme. */
	size_t seg = strcspn(rel, "/");
	return encode(memchr(rel, ':', seg) ? "./" : "", rel, path_char);
}

/* ---- rules ------------------------------------------------------------ */

/* The explanation's first paragraph on one line: the full description. */
static char *first_paragraph(const char *text)
{
	const char *end = strstr(text, "\n\n");
	size_t n = end ? (size_t)(end - text) : strlen(text);
	char *s = malloc(n + 1);

	if (!s)
		return NULL;
	for (size_t i = 0; i < n; i++)
		s[i] = text[i] == '\n' ? ' ' : text[i];
	s[n] = '\0';
	return s;
}

static json_t *rule_json(const zl_rule *r)
{
	char *full = first_paragraph(r->explanation);
	json_t *o = NULL;

	if (full)
		o = json_pack("{s:s, s:{s:s}, s:{s:s}, s:{s:s, s:b}, s:{s:s}, s:{s:s, s:[s]}}",
		              "id", r->id,
		              "shortDescription", "text", r->summary,
		              "fullDescription", "text", full,
		              "defaultConfiguration", "level", level(r->severity),
		              "enabled", r->severity != ZL_SEVERITY_OFF,
		              "help", "text", r->explanation,
		              "properties", "pack", r->pack, "tags", r->pack);
	free(full);
	return o;
}

static json_t *rules_json(const zl_engine *e)
{
	json_t *list = json_array();

	for (size_t i = 0; list && i < zl_engine_rule_count(e); i++) {
		if (json_array_append_new(list, rule_json(zl_engine_rule(e, i))) != 0) {
			json_decref(list);
			return NULL;
		}
	}
	return list;
}

/* ---- results ---------------------------------------------------------- */

static json_t *location_json(const zl_finding *f, const zl_write_options *o)
{
	bool relative;
	char *uri = artifact_uri(f->file, o->base_dir, &relative);
	json_t *region = NULL;

	if (!uri)
		return NULL;
	if (f->line)            /* 0 = not known: SARIF's lines start at 1 */
		region = f->column ? json_pack("{s:I, s:I}", "startLine", (json_int_t)f->line,
		                               "startColumn", (json_int_t)f->column)
		                   : json_pack("{s:I}", "startLine", (json_int_t)f->line);
	if (f->line && !region) {
		free(uri);
		return NULL;
	}
	json_t *loc = json_pack("[{s:{s:{s:s, s:s*}, s:o*}}]", "physicalLocation",
	                        "artifactLocation", "uri", uri,
	                        "uriBaseId", relative ? BASE_ID : NULL, "region", region);
	free(uri);
	return loc;
}

static json_t *strings(char *const *items, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < n; i++) {
		if (json_array_append_new(a, json_string(items[i])) != 0) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

/* What SARIF has no field for: what the finding is about, notes, the fix
 * (commands to run, not file edits, so not a SARIF `fix`). */
static json_t *properties_json(const zl_finding *f)
{
	json_t *notes = f->notes.n ? strings(f->notes.v, f->notes.n) : NULL, *fix = NULL;

	if (f->fix || f->commands.n)
		fix = json_pack("{s:s, s:o}", "description", f->fix ? f->fix : "",
		                "commands", strings(f->commands.v, f->commands.n));
	/* "o*" leaves out a NULL: out of memory must not pass for "none". */
	if ((f->notes.n && !notes) || ((f->fix || f->commands.n) && !fix)) {
		json_decref(notes);
		json_decref(fix);
		return NULL;
	}
	return json_pack("{s:s*, s:s*, s:s*, s:o*, s:o*}", "zone", f->zone,
	                 "server", f->server, "owner", f->owner, "notes", notes, "fix", fix);
}

/* A finding that follows from another (one cause, one finding): the
 * cause's location, with its message, as SARIF's relatedLocations. */
static json_t *related_json(const zl_finding *f, const zl_write_options *o)
{
	json_t *list = location_json(f->cause, o), *loc = json_array_get(list, 0);
	size_t n = strlen(f->cause->message) + strlen(f->cause->rule->id) + 32;
	char *text = malloc(n);

	if (!loc || !text) {
		free(text);
		json_decref(list);
		return NULL;
	}
	snprintf(text, n, "follows from: %s [%s]", f->cause->message, f->cause->rule->id);
	json_object_set_new(loc, "id", json_integer(1));
	json_object_set_new(loc, "message", json_pack("{s:s}", "text", text));
	free(text);
	return list;
}

static json_t *result_json(const zl_finding *f, const zl_engine *e,
                           const zl_write_options *o)
{
	json_t *related = f->cause ? related_json(f, o) : NULL;

	if (f->cause && !related)
		return NULL;
	return json_pack("{s:s, s:I, s:s, s:{s:s}, s:o, s:o*, s:{s:s}, s:o}",
	                 "ruleId", f->rule->id,
	                 "ruleIndex", (json_int_t)zl_engine_rule_index(e, f->rule->id),
	                 "level", level(f->severity),
	                 "message", "text", f->message,
	                 "locations", location_json(f, o),
	                 "relatedLocations", related,
	                 "partialFingerprints", FINGERPRINT_KEY, f->fingerprint,
	                 "properties", properties_json(f));
}

/* What result_item needs to make result i. */
typedef struct results_ctx {
	const zl_results *r;
	const zl_engine *e;
	const zl_write_options *o;
} results_ctx;

static json_t *result_item(void *ctx, size_t i)
{
	const results_ctx *c = ctx;

	return result_json(c->r->findings.v[i], c->e, c->o);
}

/* The run with its results empty: zl_json_write_streamed fills them in
 * one at a time as the log is written. */
static json_t *run_json(const zl_engine *e, const zl_write_options *o)
{
	return json_pack("{s:{s:{s:s, s:s, s:s, s:s*, s:o}}, s:{s:{s:{s:s}}}, s:o}",
	                 "tool", "driver", "name", "zonelint", "version", ZL_VERSION,
	                 "semanticVersion", ZL_VERSION, "informationUri", o->info_uri,
	                 "rules", rules_json(e),
	                 "originalUriBaseIds", BASE_ID, "description", "text",
	                 "the working directory zonelint ran in",
	                 "results", json_array());
}

int zl_write_sarif(FILE *out, const zl_results *r, const zl_model *m,
                   const zl_write_options *o)
{
	results_ctx c = { r, o->engine, o };
	json_t *doc = json_pack("{s:s, s:s, s:[o]}", "$schema", SARIF_SCHEMA,
	                        "version", "2.1.0", "runs", run_json(c.e, o));
	int rc = -1;

	(void)m;
	/* results sit at depth 4: log, runs, the run, results */
	if (doc && zl_json_write_streamed(out, doc, "results", 4, r->findings.n,
	                                  result_item, &c) == 0 &&
	    fputc('\n', out) != EOF)
		rc = 0;
	json_decref(doc);
	return rc;
}
