/*
 * lint/sources/zonefile/zonefile.c - see zonefile.h: the entry points, and
 * the loop that reads a file's text entry by entry, each a directive
 * (directive.c) or a record (record.c), with hints to the model about the
 * names the next entries use.
 */
#include "zonefile_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The name a record of this entry points to (NS, CNAME, PTR, MX, SRV:
 * its last token), handed to the model as a hint while the owner is read.
 * The type is one of the first four tokens (owner, [AGE:N], TTL, class). */
static void peek_target(const zf_file *f, const zf_entry *e)
{
	for (size_t i = e->blank_owner ? 0 : 1; i < 4 && i + 1 < e->ntok; i++) {
		switch (zf_common_type(e, i)) {
		case ZL_TYPE_NS: case ZL_TYPE_CNAME: case ZL_TYPE_PTR:
		case ZL_TYPE_MX: case ZL_TYPE_SRV:
			zl_view_prefetch_owner(f->load->m, f->load->v, tok_text(e, e->ntok - 1),
			                       e->tok[e->ntok - 1].len, f->origin);
			return;
		case 0:
			continue;
		default:
			return;
		}
	}
}

static void read_entries(zf_file *f)
{
	zf_entry *e = &f->load->e;

	f->line_start = f->p;
	while (zf_scan_entry(f, e)) {
		if (f->buf)
			zf_drop_scanned(f);
		zf_peek_owner(f);
		peek_target(f, e);
		if (e->bad)
			continue;
		if (tok_text(e, 0)[0] == '$' && !e->tok[0].quoted)
			zf_do_directive(f, e);
		else
			zf_do_record(f, e);
	}
}

/* Reads one file's text (from read_file; freed here). */
void zf_read_text(zf_file *f, zf_buf *b)
{
	size_t skip;

	if (!zf_decode(f, b, &skip)) {
		zf_out_of_memory(f);
	} else if (!zf_is_binary(f, b->p + skip, b->len - skip)) {
		f->p = b->p + skip;
		f->end = b->p + b->len;
		f->buf = b->size ? b : NULL;
		read_entries(f);
	}
	zf_buf_free(b);
}

static void load_release(zf_load *L)
{
	free(L->e.text);
	free(L->e.tok);
	free(L->rr);
	free(L->rdata);
	free(L->rtok);
	free(L->wire);
	free(L->gen);
	free(L->real[0]);
}

/* Reads the text of view v's own file (b, consumed); `c`, when known, is
 * the file's content, noted for later views when it is fit to share. */
static zl_status load_text(zl_model *m, zl_view *v, const zl_zonefile_options *o,
                           zf_buf *b, const zf_content *c)
{
	zf_load L = { .m = m, .v = v, .zone = zl_zone_name(zl_view_zone(v)),
	              .include_anywhere = o && o->include_anywhere };
	zf_file f = { .load = &L, .path = zl_view_file(v), .index = 0,
	              .origin = L.zone, .line = 1 };
	size_t problems = zl_model_problem_count(m), raw = b->len;

	L.real[0] = realpath(f.path, NULL);
	L.rdata = malloc(sizeof(*L.rdata));
	if (L.rdata && zf_set_origin(&f, L.zone)) {
		zf_read_text(&f, b);
		ldns_rdf_deep_free(f.origin_rdf);
	} else {
		zf_out_of_memory(&f);
		zf_buf_free(b);
	}
	if (c && c->known && c->len == raw && !L.included &&
	    zl_model_problem_count(m) == problems)
		zl_view_set_content(v, c->hash, c->len);
	load_release(&L);
	return ZL_OK;
}

zl_status zl_zonefile_load(zl_model *m, zl_view *v, const zl_zonefile_options *o)
{
	const char *path = zl_view_file(v);
	const zl_view *same;
	zf_content c;
	zf_buf b;

	if (zf_hash_file(path, &c) &&
	    (same = zl_model_view_by_content(m, zl_view_zone(v), c.hash, c.len)) &&
	    zf_same_files(path, zl_view_file(same)) && zl_view_share(m, v, same) == 0)
		return ZL_OK;
	if (zf_read_file(path, &b) != 0)
		return ZL_EREAD;
	return load_text(m, v, o, &b, &c);
}

zl_status zl_zonefile_load_text(zl_model *m, zl_view *v, const char *text, size_t len,
                                const zl_zonefile_options *o)
{
	zf_buf b;

	if (!zf_buf_alloc(&b, len + 1)) {
		errno = ENOMEM;
		return ZL_ENOMEM;
	}
	memcpy(b.p, text, len);
	b.p[len] = '\0';
	b.len = len;
	return load_text(m, v, o, &b, NULL);
}
