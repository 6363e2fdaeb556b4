/*
 * lint/sources/zonefile/directive.c - the directives: their table,
 * $ORIGIN, $TTL, and the .dns.log lines Windows writes beside its zones.
 */
#include "zonefile_int.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Checks that a directive has between min and max arguments. */
bool zf_want_args(zf_file *f, const zf_entry *e, size_t min, size_t max,
                  const char *what)
{
	char name[16];
	zf_quoted q;

	if (!zf_tok_copy(e, 0, name, sizeof(name)))
		snprintf(name, sizeof(name), "directive");
	if (e->ntok - 1 < min) {
		zf_report(f, e->line, e->tok[0].col, M_ARGS, name, what);
		return false;
	}
	if (e->ntok - 1 > max) {
		zf_report(f, e->tok[max + 1].line, e->tok[max + 1].col, M_EXTRA, name,
		          zf_rest_excerpt(f, e, max + 1, max + 1, q));
		return false;
	}
	return true;
}

/* $TTL: the default TTL of records that give none (RFC 2308 4). */
static void dir_ttl(zf_file *f, zf_entry *e)
{
	zf_excerpt x;
	uint32_t ttl;

	if (!zf_want_args(f, e, 1, 1, "a TTL"))
		return;
	if (!zf_parse_ttl(tok_text(e, 1), e->tok[1].len, &ttl) || e->tok[1].quoted) {
		zf_report(f, e->tok[1].line, e->tok[1].col, M_TTL, zf_tok_excerpt(e, 1, x));
		return;
	}
	f->load->have_default = true;
	f->load->default_ttl = ttl;
}

/* Makes `origin` the origin of f (for owners and for ldns's rdata names). */
bool zf_set_origin(zf_file *f, const zl_name *origin)
{
	ldns_rdf *rdf = ldns_dname_new_frm_str(zl_name_text(origin));

	if (!rdf)
		return false;
	if (f->own_origin_rdf)
		ldns_rdf_deep_free(f->origin_rdf);
	f->origin = origin;
	f->origin_rdf = rdf;
	f->own_origin_rdf = true;
	return true;
}

/* $ORIGIN: relative names are relative to the origin in force (BIND). */
static void dir_origin(zf_file *f, zf_entry *e)
{
	zf_excerpt x;

	if (!zf_want_args(f, e, 1, 1, "a domain name"))
		return;
	const zl_name *n = zf_token_name(f, e, 1);
	if (!n) {
		zf_report(f, e->tok[1].line, e->tok[1].col, M_ORIGIN, zf_tok_excerpt(e, 1, x));
		return;
	}
	if (!zf_set_origin(f, n))
		zf_out_of_memory(f);
}

/* The .dns.log update logs Windows DNS Server writes beside its zones. */
static void dir_dnslog(zf_file *f, zf_entry *e)
{
	zf_excerpt x;
	zf_path_excerpt px;

	zf_report(f, e->line, e->tok[0].col, M_DNSLOG, zf_tok_excerpt(e, 0, x),
	          zf_path_excerpt_of(f->path, px));
	f->stop = true;
	zl_view_mark_partial(f->load->v);
}

/* Directives, alphabetical (RFC 1035 5.1, BIND; the last four are the
 * Windows .dns.log's). */
static const struct {
	const char *name;
	void (*run)(zf_file *f, zf_entry *e);
} directives[] = {
	{ "$ADD", dir_dnslog },
	{ "$DELETE", dir_dnslog },
	{ "$GENERATE", zf_dir_generate },
	{ "$INCLUDE", zf_dir_include },
	{ "$ORIGIN", dir_origin },
	{ "$SOURCE", dir_dnslog },
	{ "$TTL", dir_ttl },
	{ "$VERSION", dir_dnslog },
};

void zf_do_directive(zf_file *f, zf_entry *e)
{
	char name[16];
	zf_excerpt x;

	if (zf_tok_copy(e, 0, name, sizeof(name)))
		for (size_t i = 0; i < sizeof(directives) / sizeof(directives[0]); i++)
			if (strcasecmp(name, directives[i].name) == 0) {
				directives[i].run(f, e);
				return;
			}
	zf_report(f, e->line, e->tok[0].col, M_DIRECTIVE, zf_tok_excerpt(e, 0, x));
}
