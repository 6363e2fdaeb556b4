/*
 * lint/settings.h - building the zone and server settings of the model
 * (private to lint/; rules read them through zonelint/model.h).
 *
 * Sources call these after adding the zone or server.  Every list and
 * string handed in is copied into the model's arena, so nothing here is
 * freed on its own: the settings go with the model.
 */
#ifndef ZL_SETTINGS_H
#define ZL_SETTINGS_H

#include "model_int.h"

/* The settings a zone carries besides the v1 keys. */
typedef struct zl_zone_cfg {
	zl_zone_kind type;
	zl_location type_where;
	zl_zone_settings own;
	zl_addr_list masters;
	zl_addr_list auto_ns;
	zl_text_list create_child;
	/* --ldap: the zone's objects and tombstoned nodes */
	bool directory_known, tombstones_known;
	zl_location *objects;
	size_t nobjects, capobjects;
	struct zl_tombstone *tombstones;
	size_t ntombstones, captombstones;
} zl_zone_cfg;

typedef struct zl_tombstone {
	const zl_name *owner;
	zl_location where;
} zl_tombstone;

/* One `zone_settings` entry of a server. */
typedef struct zl_zone_override {
	const zl_name *zone_name;
	zl_location where;        /* the entry's key */
	const zl_zone *zone;      /* set by zl_settings_resolve; NULL: unknown */
	zl_zone_settings s;
	struct zl_zone_override *next;
} zl_zone_override;

typedef struct zl_server_cfg {
	zl_addr_list dns_client;
	zl_addr_list forwarders;
	zl_number scavenging_hours;
	zl_text_list query_block_list;
	zl_zone_override *overrides;   /* in the order given */
} zl_server_cfg;

/* The zone's / server's settings to fill in, made on first use; NULL on
 * OOM.  Fields left alone stay unknown. */
zl_zone_cfg *zl_zone_cfg_mut(zl_model *m, zl_zone *z);
zl_server_cfg *zl_server_cfg_mut(zl_model *m, zl_server *s);

/* The zone's type; keeps zl_model_zone_find on the primary zone of a name
 * (SPEC 6.3: two zones may share a name when their types differ). */
void zl_model_set_zone_type(zl_model *m, zl_zone *z, zl_zone_kind k,
                            zl_location where);

/* Copies n addresses / words into the model as a known list at `where`;
 * -1 on OOM (out then unknown). */
int zl_model_keep_addrs(zl_model *m, const zl_addr *a, size_t n,
                        zl_location where, zl_addr_list *out);
int zl_model_keep_texts(zl_model *m, const char *const *t, size_t n,
                        zl_location where, zl_text_list *out);

/* A new `zone_settings` entry of s for the zone named `zone`, all unknown;
 * NULL on OOM. */
zl_zone_settings *zl_server_add_zone_settings(zl_model *m, zl_server *s,
                                              const zl_name *zone,
                                              zl_location where);

/* --ldap: the directory was read for z; one more of its dnsZone objects
 * (a DN already listed is not added twice); its dnsNodes were read; one
 * tombstoned node (an owner already listed is not added twice).  -1 on
 * OOM. */
int zl_zone_set_directory_known(zl_model *m, zl_zone *z);
int zl_zone_add_directory_object(zl_model *m, zl_zone *z, zl_location where);
int zl_zone_set_tombstones_known(zl_model *m, zl_zone *z);
int zl_zone_add_tombstone(zl_model *m, zl_zone *z, const zl_name *owner,
                          zl_location where);

/* Called by zl_model_resolve, after hosting is known: ties each
 * `zone_settings` entry to its zone; an unknown zone, or one the server
 * does not host, is a ZL_SOURCE_INVENTORY error (SPEC 6.3). */
void zl_settings_resolve(zl_model *m);

/* Storage for the model's settings pointers (model.c). */
zl_zone_cfg **zl_zone_cfg_slot(zl_zone *z);
const zl_zone_cfg *zl_zone_cfg_get(const zl_zone *z);
zl_server_cfg **zl_server_cfg_slot(zl_server *s);
const zl_server_cfg *zl_server_cfg_get(const zl_server *s);
/* `size` zeroed bytes in the model's arena; NULL on OOM. */
void *zl_model_alloc(zl_model *m, size_t size);

#endif
