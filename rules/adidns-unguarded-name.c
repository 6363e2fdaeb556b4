/*
 * adidns-unguarded-name: in a zone where any user may create records, a
 * name that attracts traffic nobody holds: the wildcard `*` (answers every
 * missing name) and `wpad` (proxy auto-discovery) when a hosting server's
 * global query block list does not block it (BlueTuxedo
 * Test-BTWildcardRecord, Test-BTWPADRecord, Test-BTGlobalQueryBlockList).
 * A static record there guards the name: it is no dynamic registration a
 * user could overwrite.
 */
#include "lib/adidns.h"

/* A static record at n in some copy of z ([AGE:] 0: never aged out). */
static bool guarded(const zl_model *m, const zl_zone *z, const zl_name *n)
{
	for (size_t i = 0; n && i < zl_model_view_count(m); i++) {
		const zl_view *v = zl_model_view(m, i);
		zl_iter it;

		if (zl_view_zone(v) != z)
			continue;
		for (const zl_record *rec = zl_view_find(v, n, 0, &it); rec;
		     rec = zl_iter_next(&it))
			if (zl_record_age(rec) == 0)
				return true;
	}
	return false;
}

/* Copies of z: none read, or any by transfer (no aging stamps: SPEC 6.2),
 * and the names cannot be judged. */
static bool copies_known(const zl_model *m, const zl_zone *z)
{
	bool any = false;

	for (size_t i = 0; i < zl_model_view_count(m); i++) {
		const zl_view *v = zl_model_view(m, i);

		if (zl_view_zone(v) != z)
			continue;
		if (strncmp(zl_view_file(v), "axfr://", 7) == 0)
			return false;
		any = true;
	}
	return any;
}

/* Some DNS-running host's block list is given and lacks wpad. */
static bool wpad_unblocked(const zl_zone *z, bool *known)
{
	bool open = false;

	*known = false;
	for (size_t h = 0; h < zl_zone_host_count(z); h++) {
		const zl_server *s = zl_zone_host(z, h);
		zl_text_list l = zl_server_query_block_list(s);
		bool blocked = false;

		if (!st_runs_dns(s) || !l.known)
			continue;
		*known = true;
		for (size_t i = 0; i < l.count; i++)
			blocked |= strcmp(l.items[i], "wpad") == 0;
		open |= !blocked;
	}
	return open;
}

static void report(const zl_model *m, zl_report *r, const zl_zone *z,
                   const char *label, const char *why)
{
	char text[AD_NAME_MAX];
	zl_finding *f;

	snprintf(text, sizeof text, "%s.%s", label, zl_name_text(zl_zone_name(z)));
	if (guarded(m, z, zl_model_name(m, text)))
		return;
	f = zl_report_add(r, zl_zone_create_child(z).where,
		"no static record guards %s, and any user may create it: %s", text, why);
	zl_finding_zone(f, zl_zone_name(z));
	zl_finding_owner_text(f, text);
	zl_finding_fix(f, "create a static record at %s that leads nowhere (or block "
	               "the name), so no user can claim it", text);
}

static int check(const zl_model *m, zl_report *r)
{
	char who[ST_LIST_MAX];
	size_t unknown = 0;

	for (size_t i = 0; i < zl_model_zone_count(m); i++) {
		const zl_zone *z = zl_model_zone(m, i);
		bool qbl_known;

		if (!st_is_ad(z) || !st_is_primary(z) || !*adidns_broad(z, who, sizeof who))
			continue;
		if (!copies_known(m, z)) {
			unknown++;
			continue;
		}
		report(m, r, z, "*", "a wildcard answers every name the zone lacks");
		if (wpad_unblocked(z, &qbl_known))
			report(m, r, z, "wpad", "browsers take their proxy settings from it");
		else if (!qbl_known)
			unknown++;
	}
	if (unknown)
		zl_report_not_checked(r, "no static copy or query_block_list (zones)",
		                      unknown);
	return 0;
}

const zl_rule zl_rule_adidns_unguarded_name = {
	.id = "adidns-unguarded-name",
	.pack = "security",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "in a zone where any user may create records, no static record "
	           "guards * or wpad",
	.explanation =
	"Where adidns-create-child fires, any domain user can create a record at a\n"
	"name nobody holds.  Two names are worth most: the wildcard `*.<zone>`\n"
	"answers for every name the zone lacks, and `wpad.<zone>` hands browsers\n"
	"their proxy (unless a hosting server's global query block list blocks\n"
	"it; checked when `query_block_list` is given).  A static record (no\n"
	"[AGE:] stamp; time stamp 0 in the directory) at the name guards it.  One\n"
	"finding per name and zone, at the zone's create_child.  With --live the\n"
	"rule does not fire: transfers carry no aging stamps.\n"
	"\n"
	"Example:\n"
	"  forest.yaml:26:19: warning: no static record guards wpad.corp., and any\n"
	"  user may create it: browsers take their proxy settings from it\n"
	"  [adidns-unguarded-name]\n"
	"\n"
	"Fix: create a static record at the name (for example a TXT record), or\n"
	"add wpad to the global query block list.",
	.check = check,
};
