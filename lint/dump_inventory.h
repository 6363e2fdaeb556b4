/*
 * lint/dump_inventory.h - `--dump-inventory DIR`: the model as it was read
 * (from the directory with --ldap, by transfer with --live) written back
 * as a v1 inventory and RFC 1035 zone files, for review, commit and
 * offline runs (private).
 *
 * DIR/forest.yaml: version, forest, domains, servers (name, addresses
 * with their prefix, roles, site, dsa_guid, replicates_from, os, dns),
 * zones (name, storage, hosted_on, file, views, aging when not 7+7) and
 * the inventory's rule overrides.  Each zone's copy held by its first
 * host (by name) is DIR/zones/<zone>.dns; a host whose copy differs gets
 * DIR/zones/<server>/<zone>.dns and a `views:` entry.  Records keep their
 * TTL and, as Windows exports do, their aging stamp as [AGE:N].
 */
#ifndef ZL_DUMP_INVENTORY_H
#define ZL_DUMP_INVENTORY_H

#include <stddef.h>

#include <zonelint/model.h>

/* 0, or -1 with the reason (naming the file) in why. */
int zl_dump_inventory(const zl_model *m, const char *dir, char *why, size_t size);

#endif
