/*
 * libFuzzer target: the fast rdata parser (lint/sources/fastrr.c) against
 * its reference, ldns, and the quick name interning (lint/names.c) against
 * the full parse.  The first byte picks the type; the rest is rdata text,
 * split into words and "..." strings as the zone file reader splits them
 * and given to ldns joined by spaces, as the loader does.  Whenever the
 * fast parser takes a record, ldns must take it too, with the same
 * fields; any difference aborts.
 */
#include <ldns/ldns.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "sources/fastrr.h"
#include "sources/rr_convert.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ORIGIN "corp.example."
#define MAX_TOKENS 64

static const uint16_t types[] = {
	ZL_TYPE_A, ZL_TYPE_AAAA, ZL_TYPE_NS, ZL_TYPE_CNAME, ZL_TYPE_PTR,
	ZL_TYPE_MX, ZL_TYPE_SRV, ZL_TYPE_TXT, ZL_TYPE_SOA,
};

/* Words and closed "..." strings; false for text the zone file reader
 * would split otherwise (breaks, comments, parentheses, open quotes). */
static bool split(const char *p, zl_rdata_token *tok, size_t *n)
{
	*n = 0;
	while (*p) {
		if (*p == ' ' || *p == '\t') {
			p++;
			continue;
		}
		if (*n == MAX_TOKENS)
			return false;
		const char *s = p;
		if (*p == '"') {
			for (p++; *p && *p != '"'; p++)
				if (*p == '\\' && p[1])
					p++;
			if (*p != '"')
				return false;
			p++;
		} else {
			for (; *p && *p != ' ' && *p != '\t'; p++)
				if (*p == '\\' && p[1])
					p++;
		}
		tok[(*n)++] = (zl_rdata_token){ s, (size_t)(p - s), *s == '"' };
	}
	return true;
}

/* ldns's fields for "@ 0 IN TYPE tokens..."; false when it refuses. */
static bool reference(zl_model *m, uint16_t type, const zl_rdata_token *tok, size_t n,
                      zl_rdata_builder *b)
{
	char line[8192];
	size_t o = (size_t)snprintf(line, sizeof(line), "@ 0 IN %s", ldns_rr_descript(type)->_name);
	ldns_rr *rr = NULL;

	for (size_t i = 0; i < n; i++) {
		if (o + tok[i].len + 2 >= sizeof(line))
			return false;
		line[o++] = ' ';
		memcpy(line + o, tok[i].text, tok[i].len);
		o += tok[i].len;
	}
	line[o] = '\0';
	ldns_rdf *origin = ldns_dname_new_frm_str(ORIGIN);
	ldns_status st = ldns_rr_new_frm_str(&rr, line, 0, origin, NULL);
	ldns_rdf_deep_free(origin);
	if (st != LDNS_STATUS_OK)
		return false;
	bool ok = zl_rdata_from_ldns(m, rr, b) == ZL_RR_OK;
	ldns_rr_free(rr);
	return ok;
}

static void check_record(zl_model *m, const zl_name *origin, uint16_t type, const char *text)
{
	zl_rdata_builder *fast = malloc(sizeof(*fast)), *ref = malloc(sizeof(*ref));
	zl_rdata_token tok[MAX_TOKENS];
	size_t n;

	if (fast && ref && split(text, tok, &n)) {
		zl_rdata_begin(fast);
		if (zl_fastrr_parse(m, type, tok, n, origin, fast) == ZL_FAST_OK &&
		    !fast->overflow &&
		    (!reference(m, type, tok, n, ref) || ref->count != fast->count ||
		     ref->len != fast->len || memcmp(ref->buf, fast->buf, ref->len) != 0)) {
			fprintf(stderr, "fast parser and ldns differ on %s '%s'\n",
			        ldns_rr_descript(type)->_name, text);
			abort();
		}
	}
	free(fast);
	free(ref);
}

/* The quick interning against the full parse of the joined text. */
static void check_name(zl_model *m, const zl_name *origin, const char *text, size_t len)
{
	char joined[2048];
	size_t slashes = 0;

	if (len == 0 || len > 1000)
		return;
	while (slashes + 1 < len && text[len - 2 - slashes] == '\\')
		slashes++;
	bool absolute = text[len - 1] == '.' && slashes % 2 == 0;
	snprintf(joined, sizeof(joined), absolute ? "%s" : "%s." ORIGIN, text);
	if (zl_model_intern_rel(m, text, len, origin) != zl_model_intern(m, joined)) {
		fprintf(stderr, "quick and full interning differ on '%s'\n", text);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[4096];
	zl_model *m;
	const zl_name *origin;

	if (size < 1 || size > sizeof(text) || memchr(data + 1, '\0', size - 1))
		return 0;
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	if (strpbrk(text, "\n\r;()"))
		return 0;
	m = zl_model_new();
	origin = m ? zl_model_intern(m, ORIGIN) : NULL;
	if (origin) {
		check_record(m, origin, types[data[0] % (sizeof(types) / sizeof(types[0]))], text);
		if (!strpbrk(text, " \t\""))
			check_name(m, origin, text, size - 1);
	}
	zl_model_free(m);
	return 0;
}
