/*
 * lint/sources/zonefile/report.c - every message of the loader in one
 * table, how input is quoted in them, and the limit on errors per view.
 */
#include "zonefile_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "excerpt.h"

#define SYNTAX ZL_SOURCE_ZONE_SYNTAX
#define WINDOWS ZL_SOURCE_ZONE_WINDOWS_TYPE

/* Every message of the loader; arguments that come from the input are
 * quoted by zf_tok_excerpt, zf_path_excerpt_of or zf_rest_excerpt first. */
static const struct {
	zl_source_problem source;
	zl_severity severity;
	const char *format;
} messages[] = {
	[M_CLOSE_PAREN] = { SYNTAX, ZL_SEVERITY_ERROR, "')' without a matching '('" },
	[M_OPEN_PAREN] = { SYNTAX, ZL_SEVERITY_ERROR,
		"'(' is never closed; the entry it opens is skipped" },
	[M_QUOTE] = { SYNTAX, ZL_SEVERITY_ERROR,
		"quoted string not closed before the end of the line" },
	[M_NUL] = { SYNTAX, ZL_SEVERITY_ERROR, "NUL byte in the text (binary data?)" },
	[M_BINARY] = { SYNTAX, ZL_SEVERITY_ERROR,
		"%s holds binary data (or UTF-16 text without a byte-order mark), "
		"not a zone file" },
	[M_TOO_MANY] = { SYNTAX, ZL_SEVERITY_ERROR,
		"too many errors (%d); the rest of zone %s is not read" },
	[M_NOMEM] = { SYNTAX, ZL_SEVERITY_ERROR, "out of memory; the rest of zone %s is not read" },
	[M_AGE] = { SYNTAX, ZL_SEVERITY_ERROR,
		"malformed Windows aging stamp '%s' (expected [AGE:hours])" },
	[M_TTL] = { SYNTAX, ZL_SEVERITY_ERROR,
		"bad TTL '%s' (seconds up to 4294967295, or units as in 1h30m)" },
	[M_NO_TYPE] = { SYNTAX, ZL_SEVERITY_ERROR, "record without a type: %s" },
	[M_TYPE] = { SYNTAX, ZL_SEVERITY_ERROR, "unknown record type '%s'" },
	[M_META_TYPE] = { SYNTAX, ZL_SEVERITY_ERROR,
		"%s is a query or meta type; it cannot be stored in a zone" },
	[M_OWNER] = { SYNTAX, ZL_SEVERITY_ERROR,
		"bad owner name '%s' (empty label, label over 63 octets, name over "
		"255 octets or bad escape)" },
	[M_NO_OWNER] = { SYNTAX, ZL_SEVERITY_ERROR,
		"record with a blank owner before any owner name: %s" },
	[M_LDNS] = { SYNTAX, ZL_SEVERITY_ERROR, "%s: %s" },
	[M_CONVERT] = { SYNTAX, ZL_SEVERITY_ERROR, "%s: %s" },
	[M_TOO_LONG] = { SYNTAX, ZL_SEVERITY_ERROR,
		"record data longer than %d characters: %s" },
	[M_DIRECTIVE] = { SYNTAX, ZL_SEVERITY_ERROR,
		"unknown directive '%s' (known: $ORIGIN, $TTL, $INCLUDE, $GENERATE)" },
	[M_DNSLOG] = { SYNTAX, ZL_SEVERITY_ERROR,
		"%s: this looks like a Windows DNS update log (.dns.log), not a zone "
		"file; the rest of %s is not read" },
	[M_ARGS] = { SYNTAX, ZL_SEVERITY_ERROR, "%s needs %s" },
	[M_EXTRA] = { SYNTAX, ZL_SEVERITY_ERROR, "unexpected text after %s: %s" },
	[M_ORIGIN] = { SYNTAX, ZL_SEVERITY_ERROR,
		"bad origin '%s' (empty label, label over 63 octets, name over 255 "
		"octets or bad escape)" },
	[M_INC_ABSOLUTE] = { SYNTAX, ZL_SEVERITY_ERROR,
		"$INCLUDE of the absolute path %s is refused (--include-anywhere allows it)" },
	[M_INC_PARENT] = { SYNTAX, ZL_SEVERITY_ERROR,
		"$INCLUDE %s leaves the folder of %s and is refused "
		"(--include-anywhere allows it)" },
	[M_INC_LINK] = { SYNTAX, ZL_SEVERITY_ERROR,
		"$INCLUDE %s leads outside the folder of %s through a symbolic link "
		"and is refused (--include-anywhere allows it)" },
	[M_INC_OPEN] = { SYNTAX, ZL_SEVERITY_ERROR, "cannot read included file %s: %s" },
	[M_INC_LOOP] = { SYNTAX, ZL_SEVERITY_ERROR,
		"$INCLUDE loop: %s is already being read" },
	[M_INC_DEPTH] = { SYNTAX, ZL_SEVERITY_ERROR,
		"$INCLUDE of %s nested more than %d deep" },
	[M_INC_FILES] = { SYNTAX, ZL_SEVERITY_ERROR, "too many included files (%s)" },
	[M_GEN_RANGE] = { SYNTAX, ZL_SEVERITY_ERROR,
		"bad $GENERATE range '%s' (expected start-stop or start-stop/step)" },
	[M_GEN_SIZE] = { SYNTAX, ZL_SEVERITY_ERROR,
		"$GENERATE range '%s' makes more than %d records" },
	[M_GEN_MODIFIER] = { SYNTAX, ZL_SEVERITY_ERROR,
		"bad $GENERATE template %s (expected $, $$ or ${offset[,width[,base]]} "
		"with base d, o, x, X, n or N)" },
	[M_WINS] = { WINDOWS, ZL_SEVERITY_INFO,
		"Windows-only %s record at %s skipped (WINS lookup has no meaning outside "
		"Windows DNS Server)" },
	[M_SOA_RANGE] = { SYNTAX, ZL_SEVERITY_ERROR,
		"SOA %s '%s' is over 4294967295 (a 32-bit field, RFC 1035 3.3.13)" },
	[M_RECORD_LIMIT] = { SYNTAX, ZL_SEVERITY_ERROR,
		"more than %zu records in this run (--max-records raises the limit); the "
		"rest of zone %s is not read" },
	[M_UTF16] = { WINDOWS, ZL_SEVERITY_INFO,
		"%s is UTF-16 text (as Windows PowerShell writes it); read as UTF-8" },
	[M_OWN_TYPE] = { SYNTAX, ZL_SEVERITY_ERROR, "bad %s record: %s: %s" },
	[M_CLASS] = { SYNTAX, ZL_SEVERITY_ERROR,
		"class %s in a zone of class IN: a zone file holds one class (RFC 1035 5.2); "
		"BIND and Knot refuse the zone" },
	[M_OBSOLETE] = { SYNTAX, ZL_SEVERITY_ERROR,
		"type %s is obsolete (RFC 973: MX replaces MD and MF); BIND and Knot refuse it" },
	[M_NO_TTL] = { SYNTAX, ZL_SEVERITY_ERROR,
		"record without a TTL before any $TTL, TTL or SOA: none is in force "
		"(RFC 2308 4); BIND refuses the zone: %s" },
	[M_DS_APEX] = { SYNTAX, ZL_SEVERITY_ERROR,
		"DS record at the zone apex %s: a DS belongs in the parent zone, at the "
		"delegation (RFC 4035 2.4); BIND refuses the zone" },
};

static const char *excerpt(const char *s, size_t len, zf_excerpt out)
{
	return zl_excerpt_escaped(s, len, ZF_EXCERPT, out);
}

const char *zf_path_excerpt_of(const char *path, zf_path_excerpt out)
{
	return zl_excerpt_escaped(path, strlen(path), ZF_PATH_EXCERPT, out);
}

/*
 * Records problem `id` at line:col of f.  Errors are counted for the view;
 * past ZF_MAX_ERRORS one last error says so and the load stops, so that a
 * huge broken file cannot flood the report.
 */
void zf_report(zf_file *f, uint32_t line, uint32_t col, zf_msg id, ...)
{
	zf_load *L = f->load;
	bool error = messages[id].severity == ZL_SEVERITY_ERROR;
	zl_location where = { f->path, line, f->gen_col ? f->gen_col : col };
	char text[1024];
	va_list ap;

	if (L->stopped)
		return;
	if (error && id != M_TOO_MANY && ++L->errors > ZF_MAX_ERRORS) {
		zf_report(f, line, col, M_TOO_MANY, ZF_MAX_ERRORS, zl_name_text(L->zone));
		L->stopped = true;
		return;
	}
	va_start(ap, id);
	vsnprintf(text, sizeof(text), messages[id].format, ap);
	va_end(ap);
	zl_model_problem_add(L->m, messages[id].source, messages[id].severity, error, where,
	                     L->zone, NULL, "%s", text);
}

/* Out of memory: said once, and nothing more is read. */
void zf_out_of_memory(zf_file *f)
{
	zf_load *L = f->load;

	if (L->stopped)
		return;
	zf_report(f, f->line, 1, M_NOMEM, zl_name_text(L->zone));
	L->stopped = true;
}

/* Token i for a message. */
const char *zf_tok_excerpt(const zf_entry *e, size_t i, zf_excerpt out)
{
	return excerpt(tok_text(e, i), e->tok[i].len, out);
}

/*
 * The text from token `from` to the end of the entry, quoted for a
 * message.  Until the view has read an SOA record the file is not known
 * to be a zone file (an inventory or --include-anywhere may name any
 * file, /etc/shadow): then only the token that failed is quoted
 * (`failed`, NO_TOKEN when the fault is no token's), never the rest of
 * the line.
 */
const char *zf_rest_excerpt(const zf_file *f, const zf_entry *e, size_t from,
                            size_t failed, zf_quoted out)
{
	size_t off = from < e->ntok ? e->tok[from].off : e->len, len = e->len - off;
	zf_excerpt x;

	if (!f->load->have_soa) {
		if (failed >= e->ntok) {
			snprintf(out, sizeof(zf_quoted), "(not quoted: no SOA record came "
			         "before it, so this may not be a zone file)");
			return out;
		}
		off = e->tok[failed].off;
		len = e->tok[failed].len;
	}
	snprintf(out, sizeof(zf_quoted), "'%s'", excerpt(e->text + off, len, x));
	return out;
}
