/* rules/lib/locator.c - see locator.h. */
#include "locator.h"

#define AD_LOC_ROW(type, pattern, roles, port, by, who) \
	{ ZL_TYPE_##type, pattern, roles, port, AD_LOC_##by, who },
const ad_locator ad_locators[AD_LOCATOR_ROWS] = { AD_LOCATOR_TABLE(AD_LOC_ROW) };
#undef AD_LOC_ROW

bool ad_loc_has(const ad_locator *l, const char *placeholder)
{
	return strstr(l->pattern, placeholder) != NULL;
}

bool ad_loc_applies(const ad_locator *l, unsigned roles)
{
	if ((roles & l->roles) != l->roles)
		return false;
	if ((roles & ZL_ROLE_RODC) && l->type == ZL_TYPE_SRV && !ad_loc_has(l, "<site>"))
		return false;
	return true;
}

bool ad_loc_expand(const ad_locator *l, const ad_loc_args *a,
                   char *buf, size_t size)
{
	static const char *const names[] = { "<domain>", "<forest>", "<site>", "<domainguid>" };
	const char *values[] = { a->domain, a->forest, a->site, a->guid };
	size_t used = 0;

	for (const char *p = l->pattern; *p; ) {
		size_t k = 0, n;
		while (k < 4 && strncmp(p, names[k], strlen(names[k])) != 0)
			k++;
		const char *text = k < 4 ? values[k] : p;
		if (!text)
			return false;
		n = k < 4 ? strlen(text) : 1;
		if (used + n >= size)
			return false;
		for (size_t i = 0; i < n; i++) {
			char ch = text[i];
			buf[used++] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
		}
		p += k < 4 ? strlen(names[k]) : 1;
	}
	buf[used] = '\0';
	return true;
}

void ad_command_delete_srv(zl_finding *f, const zl_server *on,
                           const zl_zone *z, const char *owner,
                           const char *rdata, const char *target)
{
	ad_target t;
	char dotted[AD_NAME_MAX + 2], ps_target[2 * AD_NAME_MAX + 8];

	ad_target_set(&t, on, z, owner);
	snprintf(dotted, sizeof(dotted), "%s.", target);
	ad_ps_quote(dotted, ps_target, sizeof(ps_target));
	if (ad_dnscmd_ok(f, &t, rdata))
		zl_finding_command_on(f, zl_server_name(on), ZL_TOOL_DNSCMD, ZL_COMMAND_DELETE,
		                      "dnscmd %s /RecordDelete %s %s SRV %s /f",
		                      t.server, t.zone, t.node, rdata);
	zl_finding_command_on(f, zl_server_name(on), ZL_TOOL_POWERSHELL, ZL_COMMAND_DELETE,
	                      "Get-DnsServerResourceRecord -ComputerName %s -ZoneName %s "
	                      "-Name %s -RRType Srv | Where-Object { $_.RecordData.DomainName "
	                      "-eq %s } | Remove-DnsServerResourceRecord -ComputerName %s "
	                      "-ZoneName %s -Force", t.ps_server, t.ps_zone, t.ps_node,
	                      ps_target, t.ps_server, t.ps_zone);
}
