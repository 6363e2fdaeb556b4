/*
 * hostname-syntax: the names of hosts (A/AAAA owners, NS/MX/SRV targets)
 * are made of letters, digits and hyphens, a label neither starting nor
 * ending with a hyphen (RFC 952, RFC 1123 2.1).  Service labels (`_ldap`,
 * `_msdcs`; RFC 2782, RFC 8552) may stand anywhere but in the leftmost
 * label, which names the host itself; a wildcard `*` may be an owner's
 * leftmost label (RFC 4592).
 */
#include <ctype.h>

#include "lib/zone.h"

/* Why one label (len bytes of the name's canonical text) is no host-name
 * label, or NULL. */
static const char *label_fault(const char *s, size_t len, bool leftmost, bool owner)
{
	size_t i = 0;

	if (len == 1 && s[0] == '*')
		return leftmost && owner ? NULL : "'*' is a wildcard, not a host name";
	if (s[0] == '_') {
		if (leftmost)
			return "the host's own label may not start with '_'";
		i = 1;
	}
	if (i == len)
		return "'_' alone is no label";
	if (s[i] == '-' || s[len - 1] == '-')
		return "a label may not start or end with a hyphen";
	for (; i < len; i++) {
		if (s[i] == '_')
			return "'_' may only start a service label";
		if (!isalnum((unsigned char)s[i]) && s[i] != '-')
			return "only letters, digits and hyphens are allowed";
	}
	return NULL;
}

/* Why name n is no host name; the label at fault in label[]. */
static const char *name_fault(const zl_name *n, bool owner, char *label, size_t size)
{
	const char *s = zl_name_text(n);

	for (size_t at = 0, i = 0; zl_name_labels(n) > 0 && s[i]; ) {
		if (s[i] == '\\') {                 /* an escaped byte: never allowed */
			i += isdigit((unsigned char)s[i + 1]) ? 4 : 2;
			continue;
		}
		if (s[i] != '.') {
			i++;
			continue;
		}
		const char *why = label_fault(s + at, i - at, at == 0, owner);
		if (!why && memchr(s + at, '\\', i - at))
			why = "only letters, digits and hyphens are allowed";
		if (why) {
			snprintf(label, size, "%.*s", (int)(i - at), s + at);
			return why;
		}
		at = ++i;
	}
	return NULL;
}

/*
 * True when an A/AAAA owner is an SPF "exists" name: a label `_spf` (RFC
 * 7208 5.7), `_spf_verify` or `_spf_rate` (RFC 7208 appendix D.1) below
 * the domain, the labels left of it made by macro expansion.  BIND's
 * check-names takes these owners as they are, and so does this rule.
 */
static bool spf_exists_owner(const zl_name *n)
{
	static const char *const labels[] = { "_spf.", "_spf_verify.", "_spf_rate." };
	const char *s = zl_name_text(n);

	for (size_t i = 0; s[i]; i++) {
		if (i > 0 && s[i - 1] != '.')
			continue;
		for (size_t k = 0; k < sizeof(labels) / sizeof(labels[0]); k++)
			if (strncmp(s + i, labels[k], strlen(labels[k])) == 0 &&
			    s[i + strlen(labels[k])] != '\0')
				return true;
	}
	return false;
}

/*
 * True when text (a name's canonical text, ending in a dot) is made of
 * labels of letters, digits and inner hyphens only: nearly every name of
 * a zone, passed with one look at each byte.  Any other name (a service
 * label, a wildcard, an escape, the root) gets the full check.
 */
static bool plain_host_name(const char *s)
{
	char prev = '.';

	for (; *s; prev = *s++) {
		char c = *s;
		if (c == '.' ? prev == '.' || prev == '-'
		    : c == '-' ? prev == '.'
		    : !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		        (c >= 'A' && c <= 'Z')))
			return false;
	}
	return prev == '.';
}

static void report(zl_report *r, const zl_view *v, const zl_record *rec,
                   const zl_name *n, bool owner)
{
	char label[256], desc[ZC_DESC_MAX];

	if (plain_host_name(zl_name_text(n)))
		return;
	const char *why = owner && spf_exists_owner(n) ? NULL
	                : name_fault(n, owner, label, sizeof(label));

	if (!why)
		return;
	zc_describe(rec, desc, sizeof(desc));
	zl_finding *f = owner
		? zc_report(r, v, rec, "owner %s of %s is not a valid host name: label '%s': %s",
		            zl_name_text(n), desc, label, why)
		: zc_report(r, v, rec, "target %s of %s at %s is not a valid host name: "
		            "label '%s': %s", zl_name_text(n), desc,
		            zl_name_text(zl_record_owner(rec)), label, why);
	zl_finding_fix(f, "rename the host %s to letters, digits and hyphens",
	               zl_name_text(n));
}

static int check_view(const zl_model *m, const zl_view *v, zl_report *r)
{
	(void)m;
	for (size_t i = 0; i < zl_view_record_count(v); i++) {
		const zl_record *rec = zl_view_record(v, i);
		uint16_t t = zl_record_type(rec);
		const zl_name *target = zc_host_target(rec);
		if (!zc_in_zone(v, zl_record_owner(rec)))
			continue;
		if (t == ZL_TYPE_A || t == ZL_TYPE_AAAA)
			report(r, v, rec, zl_record_owner(rec), true);
		else if (target)
			report(r, v, rec, target, false);
	}
	return 0;
}

ZC_CHECK_EACH_VIEW(check_view)

const zl_rule zl_rule_hostname_syntax = {
	.id = "hostname-syntax",
	.pack = "zone",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "an A/AAAA owner or NS/MX/SRV target is not a valid host name "
	           "(letters, digits, hyphens; `_` only in service labels)",
	.explanation =
	"Host names are letters, digits and hyphens, no label starting or ending\n"
	"with a hyphen (RFC 952, RFC 1123 2.1).  DNS itself carries any byte, but\n"
	"resolver libraries, mail servers and Windows' own DNS client reject or\n"
	"mangle other names, and BIND's check-names flags them.  zonelint checks\n"
	"the owners of A/AAAA records and the targets of NS, MX and SRV records.\n"
	"As AD needs, a label may start with `_` (service labels such as\n"
	"`_msdcs`, RFC 2782, RFC 8552) anywhere except the leftmost label, which\n"
	"names the host (so gc._msdcs.corp. A is fine); `*` may be the leftmost\n"
	"label of an owner (RFC 4592).  As in BIND, an A/AAAA owner with a label\n"
	"`_spf`, `_spf_verify` or `_spf_rate` below its domain is an SPF exists\n"
	"name (RFC 7208 5.7, appendix D.1) and is taken as it is.\n"
	"\n"
	"Example:\n"
	"  corp.dns:17:1: warning: owner file_srv.corp. of A 10.0.0.20 is not a\n"
	"  valid host name: label 'file_srv': '_' may only start a service label\n"
	"  [hostname-syntax]\n"
	"\n"
	"Fix: rename the host to letters, digits and hyphens (and the records that\n"
	"point at it); a NetBIOS name with '_' needs a DNS host name without.",
	.check = check,
};
