/*
 * rules/lib/settings.h - what the rules about zone and server settings
 * (SPEC 6.2) share: who hosts a zone and runs DNS, addresses as text, the
 * values of one setting compared across servers, and the dnscmd /
 * PowerShell commands that change a setting.
 *
 * Only the public API is used.
 */
#ifndef ZL_RULES_LIB_SETTINGS_H
#define ZL_RULES_LIB_SETTINGS_H

#include <stdio.h>
#include <string.h>

#include <zonelint/zonelint.h>

#include "ad.h"

/* Room for a list of addresses as text. */
#define ST_LIST_MAX 2048

bool st_runs_dns(const zl_server *s);

/* AD-integrated: stored in a directory partition. */
bool st_is_ad(const zl_zone *z);

bool st_is_primary(const zl_zone *z);

/* The first DNS-running host of z (by name), where a zone-wide change is
 * made (AD replication carries it to the others); NULL when none. */
const zl_server *st_first_dns_host(const zl_zone *z);

/* "a, b, c" (sep ", ") or "a,b,c" (sep ",") into buf. */
const char *st_addrs_text(const zl_addr *a, size_t n,
                          const char *sep, char *buf, size_t size);

bool st_list_has(const zl_addr_list *l, const zl_addr *a);

/* Same addresses in the same order. */
bool st_lists_equal(const zl_addr_list *a, const zl_addr_list *b);

bool st_is_loopback(const zl_addr *a);

/* The server of the model holding address a, or NULL. */
const zl_server *st_server_with(const zl_model *m, const zl_addr *a);

/* ---- one setting compared across a zone's servers (zone-settings-differ) -- */

/* Equality of two aging values as one setting (SPEC 6.2). */
bool st_aging_equal(const zl_aging *a, const zl_aging *b);

/* "on, 7+7 days, scavenged by 10.0.0.10" into buf. */
const char *st_aging_text(const zl_aging *a, char *buf, size_t size);

/* "ns", "list 10.0.0.9 10.0.0.8" into buf. */
const char *st_transfers_text(const zl_zone_settings *s, char *buf,
                              size_t size);

/* ---- commands --------------------------------------------------------------- */

/* The server a setting command acts on (JSON fix.run_on, the -f ps1 plan)
 * and the zone it changes, as dnscmd and PowerShell take them. */
typedef struct st_target {
	const zl_name *on;
	char server[AD_NAME_MAX];  /* no trailing dot */
	char zone[AD_NAME_MAX];    /* "" for a server-wide setting */
	char ps_server[2 * AD_NAME_MAX];   /* the same, quoted for PowerShell */
	char ps_zone[2 * AD_NAME_MAX];
} st_target;

/* `z` NULL: a setting of the server. */
void st_target_set(st_target *t, const zl_server *on, const zl_zone *z);

/* True when the dnscmd command for t can be given (its other arguments
 * are switches and addresses); else says why in a note, as ad_dnscmd_ok. */
bool st_dnscmd_ok(zl_finding *f, const st_target *t);

/* dnscmd's /AllowUpdate and PowerShell's -DynamicUpdate for u. */
void st_command_update(zl_finding *f, const zl_server *on,
                       const zl_zone *z, zl_update u);

/* dnscmd /ZoneResetSecondaries and -SecureSecondaries for a transfer
 * setting (SecureSecondaries 0 any, 1 NS, 2 list, 3 none). */
void st_command_transfers(zl_finding *f, const zl_server *on,
                          const zl_zone *z, const zl_zone_settings *to);

#endif
