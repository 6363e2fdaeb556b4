/*
 * lint/writers/writers.c - the table of `-f` formats: one row a writer
 * (name, function, flags), read by main.c for -f, --list-rules and the
 * report, as git's command table serves lookup and dispatch alike.
 */
#include "writers.h"

#include <string.h>

/* text first: it is the default.  The order is the one --help and the
 * "unknown format" message list. */
const zl_writer zl_writers[] = {
	{ "text", zl_write_text, ZL_WRITER_COLOR | ZL_WRITER_SUMMARY,
	  zl_write_rules_text, NULL },
	{ "json", zl_write_json, 0, zl_write_rules_json, NULL },
	/* a SARIF log lists its rules itself, in tool.driver.rules */
	{ "sarif", zl_write_sarif, ZL_WRITER_RULES | ZL_WRITER_BASE_DIR, NULL,
	  " (a sarif report lists the rules in tool.driver.rules)" },
	{ "html", zl_write_html, ZL_WRITER_MODEL, NULL, NULL },
	{ "dot", zl_write_dot, ZL_WRITER_MODEL, NULL, NULL },
	{ "ps1", zl_write_ps1, 0, NULL, NULL },
	{ NULL, NULL, 0, NULL, NULL },
};

const zl_writer *zl_writer_find(const char *name)
{
	for (const zl_writer *w = zl_writers; w->name; w++)
		if (strcmp(w->name, name) == 0)
			return w;
	return NULL;
}

const char *zl_writer_names(char *buf, size_t size)
{
	size_t len = 0;

	if (size)
		buf[0] = '\0';
	for (const zl_writer *w = zl_writers; w->name && len < size; w++) {
		int n = snprintf(buf + len, size - len, "%s%s", w == zl_writers ? "" : ", ",
		                 w->name);
		if (n < 0)
			break;
		len += (size_t)n;
	}
	return buf;
}
