/*
 * rules/lib/adidns.h - which trustees of a zone's create_child list
 * are "any user" (PingCastle A-DnsZoneAUCreateChild), shared by
 * adidns-create-child and adidns-unguarded-name.
 */
#ifndef ZL_RULES_LIB_ADIDNS_H
#define ZL_RULES_LIB_ADIDNS_H

#include <string.h>

#include "settings.h"

/* SPEC 6.1 names, or their SIDs ([MS-DTYP] 2.4.2.4: S-1-5-11, S-1-1-0,
 * domain RIDs 513 and 515). */
bool adidns_is_broad(const char *t);

/* "authenticated-users, everyone" into buf: the broad trustees of z's
 * create_child; "" when none (or unknown). */
const char *adidns_broad(const zl_zone *z, char *buf, size_t size);

#endif
