/* lint/sources/load.c - see load.h. */
#include "sources/load.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "sources/inventory.h"

/*
 * One view of z from `path`.  A file that cannot be read is reported at
 * `named_at` as a `source` problem and gives no view: *out is NULL, and ZL_OK
 * returned.
 */
static zl_status load_view(zl_model *m, zl_zone *z, const char *path,
                           zl_source_problem source, zl_location named_at,
                           const zl_zonefile_options *o, zl_view **out)
{
	zl_view *v = zl_model_add_view(m, z, path);

	*out = NULL;
	if (!v)
		return ZL_ENOMEM;
	if (zl_zonefile_load(m, v, o) != ZL_OK) {
		int err = errno;
		zl_model_problem_add(m, source, ZL_SEVERITY_ERROR, true, named_at,
		                     zl_zone_name(z), NULL, "cannot read zone file %s: %s",
		                     path, zl_zonefile_strerror(err));
		zl_model_drop_view(m, v);
		return ZL_OK;
	}
	*out = v;
	return ZL_OK;
}

/* Hosts of a zone by the path they read: sorted by path, then host order. */
typedef struct host_path {
	const char *path;
	size_t host;
} host_path;

static int cmp_host_path(const void *a, const void *b)
{
	const host_path *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	return c ? c : (x->host > y->host) - (x->host < y->host);
}

/*
 * Links the hosts of z that read the same path: next[i] is the next host
 * (in host order) reading host i's path, SIZE_MAX after the last; group[i]
 * the first host reading it.  One sort, not a scan of every earlier host
 * for every host: a forest of thousands of DCs lists thousands of paths.
 */
static int group_paths(const zl_model *m, const zl_zone *z, size_t *next, size_t *group)
{
	size_t n = zl_zone_host_count(z), k = 0;
	host_path *hp = malloc((n + 1) * sizeof(*hp));

	if (!hp)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *p = zl_model_view_path(m, z, zl_zone_host(z, i));
		next[i] = SIZE_MAX;
		group[i] = i;
		if (p)
			hp[k++] = (host_path){ p, i };
	}
	qsort(hp, k, sizeof(*hp), cmp_host_path);
	for (size_t j = 1; j < k; j++)
		if (strcmp(hp[j].path, hp[j - 1].path) == 0) {
			next[hp[j - 1].host] = hp[j].host;
			group[hp[j].host] = group[hp[j - 1].host];
		}
	free(hp);
	return 0;
}

/*
 * Loads one view per distinct path among z's hosting servers: servers that
 * read the same file share the view (SPEC 3: a file shared by several
 * servers is one view, linted once).  A path is read once: the first host
 * reading it loads it (or fails to) for all, unless that host's copy came
 * from elsewhere (--ldap), which did not read this file.
 */
static zl_status load_zone_views(zl_model *m, zl_zone *z, const zl_zonefile_options *o)
{
	size_t n = zl_zone_host_count(z);
	size_t *next = malloc((n + 1) * sizeof(*next)), *group = malloc((n + 1) * sizeof(*group));
	bool *seen = calloc(n + 1, sizeof(*seen));
	zl_status rc = next && group && seen && group_paths(m, z, next, group) == 0 ? ZL_OK
	               : ZL_ENOMEM;

	for (size_t i = 0; rc == 0 && i < n; i++) {
		const zl_server *s = zl_zone_host(z, i);
		const char *path = zl_model_view_path(m, z, s);
		zl_view *v = NULL;
		if (!path)
			continue;
		if (!zl_model_view_of(m, z, s) && !seen[group[i]])
			rc = load_view(m, z, path, ZL_SOURCE_INVENTORY,
			               zl_model_view_path_location(m, z, s), o, &v);
		for (size_t j = i; rc == 0 && v && j != SIZE_MAX; j = next[j])
			if (zl_view_attach_server(m, v, zl_zone_host(z, j)) != 0)
				rc = ZL_ENOMEM;
		const zl_view *had = zl_model_view_of(m, z, s);
		if (!(had && strcmp(zl_view_file(had), path) != 0))
			seen[group[i]] = true;
	}
	free(next);
	free(group);
	free(seen);
	return rc;
}

zl_status zl_load_views(zl_model *m, const zl_zonefile_options *o)
{
	for (size_t i = 0; i < zl_model_zone_count(m); i++)
		/* SPEC 6.3: only primary zones hold names */
		if (zl_zone_type(zl_model_zone(m, i)) == ZL_ZONE_PRIMARY &&
		    load_zone_views(m, (zl_zone *)zl_model_zone(m, i), o) != ZL_OK)
			return ZL_ENOMEM;
	return ZL_OK;
}

zl_status zl_load_forest(zl_model *m, const char *path, const zl_zonefile_options *o)
{
	const zl_inventory_options io = { .include_anywhere = o && o->include_anywhere };

	if (zl_inventory_load_with(m, path, &io) != ZL_OK)
		return ZL_OK;         /* reported as a ZL_SOURCE_INVENTORY problem */
	if (zl_model_resolve(m) != 0)
		return ZL_ENOMEM;
	return zl_load_views(m, o);
}

/* --live: the inventory without its zone files, then one transfer per
 * hosting server of every zone (SPEC 1, 2). */
zl_status zl_load_forest_live(zl_model *m, const char *path, const zl_live_options *o)
{
	const zl_inventory_options live = { .live = true };

	if (zl_inventory_load_with(m, path, &live) != ZL_OK)
		return ZL_OK;         /* reported as a ZL_SOURCE_INVENTORY problem */
	if (zl_model_resolve(m) != 0)
		return ZL_ENOMEM;
	return zl_live_load(m, o);
}

zl_status zl_load_zone_files(zl_model *m, const char *origin, char *const *files,
                             size_t nfiles, const zl_zonefile_options *o)
{
	zl_location cli = { "<command line>", 0, 0 };
	uint8_t wire[256];
	size_t len;
	zl_status st = *origin ? zl_name_parse(origin, wire, &len) : ZL_ENAME_EMPTY;
	const zl_name *name = st == ZL_OK ? zl_model_intern(m, origin) : NULL;

	if (!name)
		return st != ZL_OK ? st : ZL_ENOMEM;
	zl_zone *z = zl_model_add_zone(m, name, cli);
	if (!z)
		return ZL_ENOMEM;
	zl_zone_set_storage(z, ZL_STORAGE_FILE);
	zl_zone_set_hosts_explicit(z);
	if (zl_model_resolve(m) != 0)
		return ZL_ENOMEM;
	for (size_t i = 0; i < nfiles; i++) {
		zl_view *v;
		zl_location at = { files[i], 1, 1 };
		if ((st = load_view(m, z, files[i], ZL_SOURCE_ZONE_SYNTAX, at, o, &v)) != ZL_OK)
			return st;
	}
	return ZL_OK;
}
