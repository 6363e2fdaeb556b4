/*
 * lint/sources/ldap.h - `--ldap`: the forest read from Active Directory
 * over LDAP into the model (private).  docs/ldap.md is the user's side.
 *
 * From the first DC that answers, the configuration partition gives the
 * forest and its domains (crossRef), the DCs (`server` objects with their
 * `dNSHostName`, site, `nTDSDSA` objectGUID and options), their inbound
 * replication (`nTDSConnection` fromServer) and the sites' subnets.  From
 * every DC queried, the AD-integrated zones its replica holds (`dnsZone`
 * under CN=MicrosoftDNS in DomainDnsZones, ForestDnsZones and the domain
 * partition) and their records (`dnsNode` / `dnsRecord`, decoded by
 * sources/dnsrecord.h): one view per (DC, zone), located record by record
 * at "ldap://HOST/<node DN>", line 1.
 *
 * Every failure (unreachable DC, refused bind, a value that does not
 * decode) is a ZL_SOURCE_LDAP problem, and the rest is still read.
 */
#ifndef ZL_LDAP_H
#define ZL_LDAP_H

#include <stddef.h>

#include "model_int.h"
#include "status.h"
#include "sources/zonefile.h"

typedef struct zl_ldap_options {
	const char *const *uris;  /* one per DC, as given to --ldap */
	size_t nuris;
	const char *bind_dn;      /* simple bind; NULL: SASL GSSAPI */
	const char *password;     /* for bind_dn */
	const char *ca_file;      /* NULL: the system's CAs (ldap.conf) */
	unsigned timeout;         /* seconds per connect and per query */
} zl_ldap_options;

/*
 * The inventory at `inventory` (NULL: none) first, then the directory
 * added to it: what the inventory says about a server or a zone wins, key
 * by key, over what the directory says (docs/ldap.md); then
 * zl_model_resolve; then the views: the directory's, and the inventory's
 * zone files for hosts the directory gave no copy of (zo).
 * Returns ZL_OK when done (problems recorded), ZL_ENOMEM when memory ran
 * out.
 */
zl_status zl_ldap_load_forest(zl_model *m, const char *inventory,
                              const zl_ldap_options *o, const zl_zonefile_options *zo);

#endif
