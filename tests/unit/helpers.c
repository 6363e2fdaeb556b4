#include "helpers.h"

#include <ldns/ldns.h>
#include <string.h>

#include "sources/rr_convert.h"

const zl_name *t_name(zl_model *m, const char *text)
{
	const zl_name *n = zl_model_intern(m, text);

	ck_assert_msg(n != NULL, "cannot intern %s", text);
	return n;
}

zl_server *t_server(zl_model *m, const char *name, const char *prefix)
{
	zl_server *s = zl_model_add_server(m, t_name(m, name), LOC(1, 1));
	char addr[64];
	zl_prefix p;

	ck_assert_ptr_nonnull(s);
	if (prefix) {
		const char *slash = strchr(prefix, '/');
		ck_assert_ptr_nonnull(slash);
		memcpy(addr, prefix, (size_t)(slash - prefix));
		addr[slash - prefix] = '\0';
		ck_assert(zl_addr_parse(addr, &p.addr));
		p.length = (uint8_t)atoi(slash + 1);
		ck_assert_int_eq(zl_server_add_address(s, &p), 0);
	}
	return s;
}

zl_zone *t_zone(zl_model *m, const char *name, zl_storage storage)
{
	zl_zone *z = zl_model_add_zone(m, t_name(m, name), LOC(20, 5));

	ck_assert_ptr_nonnull(z);
	zl_zone_set_storage(z, storage);
	return z;
}

void t_record(zl_model *m, zl_view *v, unsigned line, const char *text)
{
	ldns_rr *rr = NULL;
	ldns_status st = ldns_rr_new_frm_str(&rr, text, 3600, NULL, NULL);

	ck_assert_msg(st == LDNS_STATUS_OK, "bad test record '%s': %s", text,
	              ldns_get_errorstr_by_id(st));
	ck_assert_int_eq(zl_record_from_ldns(m, v, rr, 0, line, 0), 0);
	ldns_rr_free(rr);
}

zl_results *t_run_rule(const zl_model *m, const char *id)
{
	zl_engine *e = zl_engine_new();
	zl_results *r = NULL;

	ck_assert_ptr_nonnull(e);
	ck_assert_msg(zl_engine_find(e, id) != NULL, "no rule %s", id);
	for (size_t i = 0; i < zl_engine_rule_count(e); i++) {
		const zl_rule *rule = zl_engine_rule(e, i);
		if (strcmp(rule->id, id) != 0)
			zl_engine_set_severity(e, rule->id, ZL_SEVERITY_OFF);
	}
	ck_assert_int_eq(zl_engine_run(e, m, &r), 0);
	zl_engine_free(e);
	return r;
}

zl_source_problem t_source(const char *id)
{
	zl_engine *e = zl_engine_new();
	const zl_rule *rule;
	zl_source_problem s;

	ck_assert_ptr_nonnull(e);
	rule = zl_engine_find(e, id);
	ck_assert_msg(rule && rule->source != ZL_SOURCE_NONE, "rule %s surfaces no source "
	              "problems", id);
	s = rule->source;
	zl_engine_free(e);
	return s;
}

size_t t_count(const zl_results *r, const char *rule)
{
	size_t n = 0;

	for (size_t i = 0; i < r->findings.n; i++)
		if (strcmp(r->findings.v[i]->rule->id, rule) == 0)
			n++;
	return n;
}

const zl_finding *t_finding(const zl_results *r, size_t i)
{
	ck_assert_uint_lt(i, r->findings.n);
	return r->findings.v[i];
}

void t_assert_lines_at(const char *file, int line, const char *got, const char *want)
{
	unsigned n = 1;

	while (*got || *want) {
		size_t g = strcspn(got, "\n"), w = strcspn(want, "\n");
		ck_assert_msg(g == w && memcmp(got, want, g) == 0,
		              "%s:%d: output line %u differs:\n got: %.*s\nwant: %.*s",
		              file, line, n, (int)(g > 300 ? 300 : g), got,
		              (int)(w > 300 ? 300 : w), want);
		got += g + (got[g] == '\n');
		want += w + (want[w] == '\n');
		n++;
	}
}
