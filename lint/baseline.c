/*
 * lint/baseline.c - reads an earlier JSON report (jansson) and hides the
 * findings it holds; the matching rules are in baseline.h.
 */
#include "baseline.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"

struct zl_baseline {
	uint64_t *fp;             /* fingerprints, sorted, repeats kept */
	size_t n;
};

/* The engine writes fingerprints as 16 hex digits (engine.c). */
static bool parse_fingerprint(const char *text, uint64_t *out)
{
	uint64_t v = 0;

	if (!text || strlen(text) != 16)
		return false;
	for (const char *p = text; *p; p++) {
		unsigned d;
		if (*p >= '0' && *p <= '9')
			d = (unsigned)(*p - '0');
		else if (*p >= 'a' && *p <= 'f')
			d = (unsigned)(*p - 'a' + 10);
		else if (*p >= 'A' && *p <= 'F')
			d = (unsigned)(*p - 'A' + 10);
		else
			return false;
		v = v << 4 | d;
	}
	*out = v;
	return true;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The findings array of a zonelint JSON report (SPEC 4), or NULL. */
static json_t *report_findings(json_t *doc)
{
	json_t *schema = json_object_get(doc, "schema");
	const char *tool = json_string_value(json_object_get(json_object_get(doc, "tool"),
	                                                     "name"));
	json_t *findings = json_object_get(doc, "findings");

	if (!json_is_integer(schema) || json_integer_value(schema) != 1 ||
	    !tool || strcmp(tool, "zonelint") != 0 || !json_is_array(findings))
		return NULL;
	return findings;
}

static int take_fingerprints(zl_baseline *b, json_t *findings, const char *path,
                             char *why, size_t size)
{
	size_t n = json_array_size(findings);

	b->fp = malloc((n ? n : 1) * sizeof(*b->fp));
	if (!b->fp) {
		snprintf(why, size, "baseline %s: out of memory", path);
		return -1;
	}
	for (b->n = 0; b->n < n; b->n++) {
		json_t *f = json_array_get(findings, b->n);
		if (!parse_fingerprint(json_string_value(json_object_get(f, "fingerprint")),
		                       &b->fp[b->n])) {
			snprintf(why, size, "baseline %s: finding %zu has no valid fingerprint "
			         "(16 hex digits)", path, b->n + 1);
			return -1;
		}
	}
	qsort(b->fp, b->n, sizeof(*b->fp), cmp_u64);
	return 0;
}

/*
 * The baseline read whole and parsed, past a UTF-8 byte-order mark (which
 * Windows PowerShell's Out-File -Encoding utf8 writes); NULL after saying
 * why.  Only a regular file (zl_file_read): a FIFO would block, a
 * directory reads as an empty file ("end of file").
 */
static json_t *read_json(const char *path, char *why, size_t size)
{
	json_error_t err;
	char *buf;
	size_t len, skip;

	if (zl_file_read(path, SIZE_MAX - 1, &buf, &len) != ZL_OK) {
		snprintf(why, size, "cannot read baseline %s: %s", path, zl_file_strerror(errno));
		return NULL;
	}
	skip = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	json_t *doc = json_loadb(buf + skip, len - skip, JSON_REJECT_DUPLICATES, &err);
	free(buf);
	if (!doc)
		snprintf(why, size, "baseline %s:%d:%d: not JSON: %s", path, err.line,
		         err.column, err.text);
	return doc;
}

int zl_baseline_load(zl_baseline **out, const char *path, char *why, size_t size)
{
	zl_baseline *b = calloc(1, sizeof(*b));
	json_t *doc = NULL, *findings;
	int rc = -1;

	*out = NULL;
	if (!b) {
		snprintf(why, size, "baseline %s: out of memory", path);
		return -1;
	}
	if (!(doc = read_json(path, why, size)))
		goto done;
	if (!(findings = report_findings(doc))) {
		snprintf(why, size, "baseline %s is not a zonelint JSON report (the "
		         "output of zonelint --format json)", path);
		goto done;
	}
	rc = take_fingerprints(b, findings, path, why, size);
done:
	json_decref(doc);
	if (rc == 0)
		*out = b;
	else
		zl_baseline_free(b);
	return rc;
}

void zl_baseline_free(zl_baseline *b)
{
	if (!b)
		return;
	free(b->fp);
	free(b);
}

size_t zl_baseline_count(const zl_baseline *b)
{
	return b->n;
}

/* What one apply needs: the baseline and which of its entries are used. */
typedef struct match {
	const zl_baseline *b;
	bool *used;
} match;

/* Takes the first unused baseline entry equal to f's fingerprint. */
static bool held(const zl_finding *f, void *ctx)
{
	match *m = ctx;
	uint64_t fp;
	size_t lo = 0, hi = m->b->n;

	if (!parse_fingerprint(f->fingerprint, &fp))
		return false;
	while (lo < hi) {                 /* lower bound */
		size_t mid = lo + (hi - lo) / 2;
		if (m->b->fp[mid] < fp)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < m->b->n && m->b->fp[lo] == fp; lo++) {
		if (!m->used[lo]) {
			m->used[lo] = true;
			return true;
		}
	}
	return false;
}

size_t zl_baseline_apply(const zl_baseline *b, zl_results *r)
{
	match m = { b, calloc(b->n ? b->n : 1, sizeof(bool)) };

	if (!m.used)
		return (size_t)-1;
	size_t n = zl_results_suppress(r, held, &m);
	free(m.used);
	return n;
}
