/*
 * lint/sources/inventory/inventory.c - the YAML inventory (SPEC 2) into
 * the model: the entry points, the file, and libyaml's pass over it.
 *
 * Choices where SPEC 2 is silent:
 *  - `storage` defaults to ad-domain, the storage dcpromo gives a domain's
 *    zone.  (A zone with storage `file` and no `hosted_on`, and unknown or
 *    self-naming servers in lists, are reported by zl_model_resolve.)
 *  - `roles` defaults to [dc, dns].  Role, storage, os and severity words
 *    are matched without regard to case; os is stored in its lower-case
 *    spelling when it is a known value.
 *  - The forest root is always a domain: when `domains` does not list it,
 *    it is added first (at the `forest` value).
 *  - An empty value (`key:`, `~`, `null`) where a list or mapping is
 *    expected reads as an empty one (`hosted_on:` is then an explicit empty
 *    host list); for an optional text (os, site, dsa_guid, dns, storage) as
 *    if the key were absent; for a required one (version, forest, name) it
 *    is an error.  A setting with an empty value is "".
 *  - A repeated list entry (an address, a domain, a hosted_on or
 *    replicates_from name) is a warning and read once; a repeated server,
 *    zone, mapping key, views server, rule or setting is an error, and the
 *    first one counts.
 *  - `aging` days are whole numbers from 0 to 100000.
 *  - Only the first YAML document is read; a second one is an error.
 *
 * Robustness: the file is read whole (at most 16 MiB).  A first pass over
 * libyaml's events finds syntax errors and refuses nesting deeper than 64
 * levels; then libyaml's document is walked only as deep as the schema
 * goes, so an alias (even a cyclic one) is read like the node it names
 * (a problem in it is located at the anchored node: libyaml shares it).
 * Aliases can still make one node be read many times over ("billion
 * laughs"), so the walk stops after a fixed number of node visits.
 * At most 1000 problems are recorded; the rest are counted in one more.
 */
#include "inventory_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"

/* Where byte `offset` of buf is (libyaml gives reader errors as offsets). */
static yaml_mark_t offset_mark(const unsigned char *buf, size_t len, size_t offset)
{
	yaml_mark_t k = { offset, 0, 0 };
	size_t line_start = 0;

	for (size_t i = 0; i < offset && i < len; i++)
		if (buf[i] == '\n') {
			k.line++;
			line_start = i + 1;
		}
	k.column = offset - line_start;
	return k;
}

static void yaml_problem(inv *c, const yaml_parser_t *p,
                         const unsigned char *buf, size_t len)
{
	char context[160] = "";
	yaml_mark_t at = p->problem_mark;

	if (p->error == YAML_MEMORY_ERROR) {
		inv_error_at(c, inv_top_loc(c), "out of memory reading the inventory");
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		at = offset_mark(buf, len, p->problem_offset);
		if (p->problem_value != -1)
			snprintf(context, sizeof context, " (#x%X)", (unsigned)p->problem_value);
	} else if (p->context) {
		snprintf(context, sizeof context, " (%s at line %zu, column %zu)",
		         p->context, p->context_mark.line + 1, p->context_mark.column + 1);
	}
	inv_error_at(c, inv_mark_loc(c, at), "bad YAML: %s%s",
	             p->problem ? p->problem : "cannot parse", context);
}

/* One pass over the events: syntax errors, nesting depth, documents. */
static zl_status scan_events(inv *c, const unsigned char *buf, size_t len)
{
	yaml_parser_t p;
	unsigned depth = 0, documents = 0;
	zl_status rc = ZL_OK;
	bool done = false;

	if (!yaml_parser_initialize(&p)) {
		inv_error_at(c, inv_top_loc(c), "out of memory reading the inventory");
		return ZL_ENOMEM;
	}
	yaml_parser_set_input_string(&p, buf, len);
	while (!done && rc == ZL_OK) {
		yaml_event_t ev;

		if (!yaml_parser_parse(&p, &ev)) {
			yaml_problem(c, &p, buf, len);
			rc = ZL_EREAD;
			break;
		}
		switch (ev.type) {
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > INV_MAX_DEPTH) {
				inv_error_at(c, inv_mark_loc(c, ev.start_mark), "the inventory nests "
				             "deeper than %d levels", INV_MAX_DEPTH);
				rc = ZL_EREAD;
			}
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++documents == 2)
				inv_error_at(c, inv_mark_loc(c, ev.start_mark), "a second YAML document "
				             "in the inventory; only the first is read");
			break;
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return rc;
}

static zl_status load_document(inv *c, const unsigned char *buf, size_t len)
{
	yaml_parser_t p;
	yaml_document_t doc;
	zl_status rc = ZL_OK;

	if (!yaml_parser_initialize(&p)) {
		inv_error_at(c, inv_top_loc(c), "out of memory reading the inventory");
		return ZL_ENOMEM;
	}
	yaml_parser_set_input_string(&p, buf, len);
	if (!yaml_parser_load(&p, &doc)) {
		yaml_problem(c, &p, buf, len);
		rc = ZL_EREAD;
	} else {
		c->doc = &doc;
		inv_read_root(c, yaml_document_get_root_node(&doc));
		c->doc = NULL;
		yaml_document_delete(&doc);
	}
	yaml_parser_delete(&p);
	return rc;
}

static zl_status cannot_read(inv *c, const char *why)
{
	char q[EXCERPT_BUF];

	inv_error_at(c, inv_top_loc(c), "cannot read inventory %s: %s", inv_quote(c->file, q),
	             why);
	return ZL_EREAD;
}

/* The whole file into *out (NUL-terminated, for the caller to free). */
static zl_status read_file(inv *c, const char *path, unsigned char **out, size_t *len)
{
	char *buf;

	if (zl_file_read(path, INV_MAX_BYTES, &buf, len) != ZL_OK)
		return cannot_read(c, errno == EFBIG ? "larger than 16 MiB"
		                      : zl_file_strerror(errno));
	*out = (unsigned char *)buf;
	return ZL_OK;
}

zl_status zl_inventory_load(zl_model *m, const char *path)
{
	return zl_inventory_load_with(m, path, NULL);
}

zl_status zl_inventory_load_with(zl_model *m, const char *path,
                                 const zl_inventory_options *o)
{
	inv c;
	unsigned char *buf = NULL;
	size_t len = 0;
	const char *slash = strrchr(path, '/');
	zl_status rc;

	memset(&c, 0, sizeof c);
	c.m = m;
	c.label = "inventory";
	c.live = o && o->live;
	c.anywhere = o && o->include_anywhere;
	c.file = zl_model_strdup(m, path);
	if (!c.file)
		return ZL_ENOMEM;
	c.dir_len = slash ? (size_t)(slash - path) + 1 : 0;
	rc = read_file(&c, path, &buf, &len);
	if (rc == ZL_OK)
		rc = scan_events(&c, buf, len);
	if (rc == ZL_OK)
		rc = load_document(&c, buf, len);
	if (c.dropped)
		zl_model_problem_add(m, ZL_SOURCE_INVENTORY,
		                     c.dropped_error ? ZL_SEVERITY_ERROR : ZL_SEVERITY_WARNING,
		                     c.dropped_error, inv_top_loc(&c), NULL, NULL,
		                     "%u more problems in the inventory are not shown",
		                     c.dropped);
	inv_seen_free(&c.zones);
	free(buf);
	return rc;
}
