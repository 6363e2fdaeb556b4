/*
 * lint/sources/zonefile/record.c - one record entry: its owner, aging
 * stamp, TTL, class and type, what BIND refuses before the data, and the
 * record added to the view.
 */
#include "zonefile_int.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "sources/rrextra.h"

/*
 * Reads what precedes the type: the owner (blank: the previous one), a
 * Windows [AGE:N] stamp, then TTL and class in either order (RFC 1035
 * 5.1).  False after reporting a fault.
 */
static bool read_head(zf_file *f, const zf_entry *e, zf_head *h)
{
	zf_excerpt x;
	zf_quoted q;
	size_t t = 0;

	memset(h, 0, sizeof(*h));
	if (e->blank_owner) {
		h->owner = f->owner;
		if (!h->owner) {
			zf_report(f, e->line, e->tok[0].col, M_NO_OWNER,
			          zf_rest_excerpt(f, e, 0, NO_TOKEN, q));
			return false;
		}
	} else {
		h->owner = zf_token_name(f, e, 0);
		if (!h->owner) {
			zf_report(f, e->line, e->tok[0].col, M_OWNER, zf_tok_excerpt(e, 0, x));
			return false;
		}
		f->owner = h->owner;
		t = 1;
	}
	if (t < e->ntok && tok_text(e, t)[0] == '[') {
		if (!zf_parse_age(tok_text(e, t), e->tok[t].len, &h->age)) {
			zf_report(f, e->tok[t].line, e->tok[t].col, M_AGE, zf_tok_excerpt(e, t, x));
			return false;
		}
		t++;
	}
	for (int k = 0; k < 2 && t < e->ntok; k++) {
		if (!h->has_ttl && isdigit((unsigned char)tok_text(e, t)[0])) {
			if (!zf_parse_ttl(tok_text(e, t), e->tok[t].len, &h->ttl)) {
				zf_report(f, e->tok[t].line, e->tok[t].col, M_TTL, zf_tok_excerpt(e, t, x));
				return false;
			}
			h->has_ttl = true;
		} else if (!h->has_class && zf_token_class(e, t)) {
			h->has_class = true;
			h->class_tok = t;
		} else {
			break;
		}
		t++;
	}
	if (t >= e->ntok) {
		zf_report(f, e->line, e->tok[0].col, M_NO_TYPE, zf_rest_excerpt(f, e, 0, NO_TOKEN, q));
		return false;
	}
	h->type_tok = t;
	return true;
}

/*
 * The record's TTL when it gives none: $TTL when in force, else the SOA
 * minimum (the first SOA's; an SOA without TTL takes its own), as BIND
 * does and Windows exports expect; else the last explicit TTL (RFC 1035
 * 5.1); else 0.
 */
static uint32_t implicit_ttl(const zf_load *L, uint16_t type, const zl_rdata_builder *b)
{
	uint32_t min;

	if (L->have_default)
		return L->default_ttl;
	if (L->have_soa_min)
		return L->soa_min;
	if (type == ZL_TYPE_SOA && b->count == 7 && zl_rdata_get_int(b, ZL_SOA_MINIMUM, &min))
		return min;
	return L->have_last ? L->last_ttl : 0;
}

/* Windows-only types (windns.h DNS_TYPE_WINS 0xFF01, DNS_TYPE_WINSR
 * 0xFF02: WINS lookup), skipped with an info finding; the DNS Manager
 * console calls WINSR "WINS-R". */
static bool windows_type(const char *type)
{
	return strcasecmp(type, "WINS") == 0 || strcasecmp(type, "WINSR") == 0 ||
	       strcasecmp(type, "WINS-R") == 0;
}

/* Query and meta types (RFC 6895 3.1) are not data. */
static bool meta_type(uint16_t type)
{
	return type == LDNS_RR_TYPE_OPT || (type >= 128 && type <= 255);
}

/* The record's type; 0 after reporting (or for a skipped Windows type). */
static uint16_t read_type(zf_file *f, const zf_entry *e, const zf_head *h)
{
	size_t t = h->type_tok;
	uint16_t code = zf_common_type(e, t);
	const zl_rrtype *own;
	char type[32];
	zf_excerpt x;

	if (code)
		return code;
	if (!zf_tok_copy(e, t, type, sizeof(type)) || e->tok[t].quoted) {
		zf_report(f, e->tok[t].line, e->tok[t].col, M_TYPE, zf_tok_excerpt(e, t, x));
		return 0;
	}
	if (windows_type(type)) {
		for (char *c = type; *c; c++)
			*c = (char)toupper((unsigned char)*c);
		zf_report(f, e->line, e->tok[0].col, M_WINS, type, zl_name_text(h->owner));
		return 0;
	}
	own = zl_rrtype_by_name(type);
	code = own ? own->code : (uint16_t)ldns_get_rr_type_by_name(type);
	if (code == 0) {
		zf_report(f, e->tok[t].line, e->tok[t].col, M_TYPE, zf_tok_excerpt(e, t, x));
		return 0;
	}
	if (meta_type(code)) {
		zf_report(f, e->tok[t].line, e->tok[t].col, M_META_TYPE, zf_tok_excerpt(e, t, x));
		return 0;
	}
	return code;
}

/*
 * What BIND refuses before reading the rdata (true after reporting): a
 * class other than IN, the obsolete MD and MF, a record with no TTL in
 * force, a DS at the apex.
 */
static bool refused(zf_file *f, const zf_entry *e, const zf_head *h, uint16_t type)
{
	zf_load *L = f->load;
	const zf_token *tt = &e->tok[h->type_tok];
	zf_excerpt x;
	zf_quoted q;
	char name[16];

	if (h->has_class && zf_token_class(e, h->class_tok) != LDNS_RR_CLASS_IN) {
		const zf_token *c = &e->tok[h->class_tok];
		zf_report(f, c->line, c->col, M_CLASS, zf_tok_excerpt(e, h->class_tok, x));
		return true;
	}
	if (type == LDNS_RR_TYPE_MD || type == LDNS_RR_TYPE_MF) {
		snprintf(name, sizeof(name), "%s", type == LDNS_RR_TYPE_MD ? "MD" : "MF");
		zf_report(f, tt->line, tt->col, M_OBSOLETE, name);
		return true;
	}
	if (!h->has_ttl && type != ZL_TYPE_SOA && !L->have_default && !L->have_soa_min &&
	    !L->have_last) {
		zf_report(f, e->line, e->tok[0].col, M_NO_TTL, zf_rest_excerpt(f, e, 0, NO_TOKEN, q));
		return true;
	}
	if (type == LDNS_RR_TYPE_DS && h->owner == L->zone) {
		zf_report(f, e->line, e->tok[0].col, M_DS_APEX, zl_name_text(h->owner));
		return true;
	}
	return false;
}

/*
 * False (after reporting) when an SOA serial or timer is a number over
 * 2^32 - 1: ldns reads it modulo 2^32 (4294967296 as 0), silently.
 */
static bool soa_numbers_fit(zf_file *f, const zf_entry *e, size_t t)
{
	static const char *const field[] = { "serial", "refresh", "retry", "expire", "minimum" };
	zf_excerpt x;

	for (size_t i = 0; i < 5 && t + 3 + i < e->ntok; i++) {
		size_t k = t + 3 + i, len = e->tok[k].len, j = 0;
		const char *s = tok_text(e, k);
		uint64_t v = 0;

		while (j < len && isdigit((unsigned char)s[j]) && v <= UINT32_MAX)
			v = v * 10 + (uint64_t)(s[j++] - '0');
		while (j < len && isdigit((unsigned char)s[j]))
			j++;
		if (j == len && v > UINT32_MAX && !e->tok[k].quoted) {
			zf_report(f, e->tok[k].line, e->tok[k].col, M_SOA_RANGE, field[i],
			          zf_tok_excerpt(e, k, x));
			return false;
		}
	}
	return true;
}

/* Parses the record's rdata and adds the record to the model. */
static void add_record(zf_file *f, const zf_entry *e, const zf_head *h, uint16_t type)
{
	zf_load *L = f->load;
	size_t t = h->type_tok;
	const zf_token *at = t + 1 < e->ntok ? &e->tok[t + 1] : &e->tok[t];
	zl_record_spec spec = { .owner = h->owner, .age = h->age,
	                        .file = f->index, .line = e->line };
	zf_quoted q;
	uint32_t min;
	int rc;

	if (type == ZL_TYPE_SOA && !soa_numbers_fit(f, e, t))
		return;
	if (zl_model_records_full(L->m)) {
		zf_report(f, e->line, e->tok[0].col, M_RECORD_LIMIT, zl_model_max_records(L->m),
		          zl_name_text(L->zone));
		L->stopped = true;
		return;
	}
	if (refused(f, e, h, type))
		return;
	rc = zf_parse_rdata(f, e, h, type, &spec);
	if (rc == ZL_RR_OK) {
		spec.ttl = h->has_ttl ? h->ttl : implicit_ttl(L, spec.type, L->rdata);
		if (h->has_ttl) {
			L->have_last = true;
			L->last_ttl = h->ttl;
		}
		if (!L->have_soa_min && spec.type == ZL_TYPE_SOA && L->rdata->count == 7 &&
		    zl_rdata_get_int(L->rdata, ZL_SOA_MINIMUM, &min)) {
			L->have_soa_min = true;
			L->soa_min = min;
		}
		if (zl_view_add_record(L->m, L->v, &spec, L->rdata) != 0)
			rc = ZL_RR_NOMEM;
		else if (spec.type == ZL_TYPE_SOA)
			L->have_soa = true;
	}
	if (rc == ZL_RR_NOMEM)
		zf_out_of_memory(f);
	else if (rc < 0)
		zf_report(f, at->line, at->col, M_CONVERT, zl_rr_strerror(rc),
		          zf_rest_excerpt(f, e, 0, t + 1, q));
}

void zf_do_record(zf_file *f, const zf_entry *e)
{
	zf_head h;
	uint16_t type;

	if (read_head(f, e, &h) && (type = read_type(f, e, &h)) != 0)
		add_record(f, e, &h, type);
}
