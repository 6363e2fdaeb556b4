/*
 * lint/plugin.c - rules from shared objects: dlopen, find the one symbol
 * of zonelint/rule.h, check its ABI version, register each rule with the
 * engine as a built-in one would be (docs/plugins.md).
 */
#include "plugin.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "vec.h"

typedef struct plugin {
	char *path;                    /* as given, for messages */
	void *handle;                  /* dlopen's; closed by zl_plugins_free */
	const zl_rule *const *rules;   /* ref only: they live in the object */
	size_t n;                      /* 0 until its ABI version is checked */
} plugin;

struct zl_plugins {
	VEC(plugin) loaded;           /* in load order */
};

zl_plugins *zl_plugins_new(void)
{
	return calloc(1, sizeof(zl_plugins));
}

void zl_plugins_free(zl_plugins *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->loaded.n; i++) {
		dlclose(p->loaded.v[i].handle);
		free(p->loaded.v[i].path);
	}
	VEC_FREE(p->loaded);
	free(p);
}

/* dlerror() names the object first ("./x.so: undefined symbol: ..."); the
 * caller's message already does. */
static const char *load_error(const char *file)
{
	const char *err = dlerror();
	size_t len = strlen(file);

	if (!err)
		return "unknown error";
	if (strncmp(err, file, len) == 0 && err[len] == ':' && err[len + 1] == ' ')
		err += len + 2;
	return err;
}

/*
 * dlopen(3) searches the library path for a name without a slash; "./"
 * makes it the file the user named.  RTLD_NOW: a plugin calling anything
 * the binary does not export (only include/zonelint's functions, see
 * scripts/gen-exports.sh) is refused here rather than failing mid-run.
 * RTLD_LOCAL: two plugins' own symbols never meet.
 */
static void *open_object(const char *path, char *why, size_t size)
{
	struct stat st;
	char file[4096];

	if (stat(path, &st) != 0) {
		snprintf(why, size, "cannot open it: %s", strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(why, size, "not a regular file");
		return NULL;
	}
	if (snprintf(file, sizeof(file), "%s%s", strchr(path, '/') ? "" : "./",
	             path) >= (int)sizeof(file)) {
		snprintf(why, size, "path too long");
		return NULL;
	}
	void *h = dlopen(file, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *err = load_error(file);
		snprintf(why, size, "cannot load it: %s%s", err, strstr(err, "undefined symbol")
		         ? " (a plugin may call only the functions of include/zonelint)" : "");
	}
	return h;
}

/* The plugin whose list holds `r`, or NULL (a built-in rule). */
static const plugin *owner_of(const zl_plugins *p, const zl_rule *r)
{
	for (size_t i = 0; i < p->loaded.n; i++)
		for (size_t j = 0; j < p->loaded.v[i].n; j++)
			if (p->loaded.v[i].rules[j] == r)
				return &p->loaded.v[i];
	return NULL;
}

/* The engine refuses clashes too; asking first lets the message say with
 * which rule. */
static int add_rule(const zl_plugins *p, zl_engine *e, const zl_rule *r,
                    char *why, size_t size)
{
	const zl_rule *old = r->id ? zl_engine_find(e, r->id) : NULL;

	if (old) {
		const plugin *by = owner_of(p, old);
		if (by)
			snprintf(why, size, "rule id %s clashes with a rule of plugin %s",
			         r->id, by->path);
		else
			snprintf(why, size, "rule id %s clashes with a built-in rule", r->id);
		return -1;
	}
	return zl_engine_add_rule(e, r, why, size);
}

/* Asks the object for its rules; checks the ABI before touching them. */
static int take_rules(plugin *pl, char *why, size_t size)
{
	/* POSIX dlsym: converting its result to a function pointer must work. */
	zl_plugin_rules_fn *get = (zl_plugin_rules_fn *)dlsym(pl->handle, ZL_PLUGIN_SYMBOL);
	unsigned abi = 0;
	size_t n = 0;

	if (!get) {
		snprintf(why, size, "it does not export %s (see docs/plugins.md)",
		         ZL_PLUGIN_SYMBOL);
		return -1;
	}
	const zl_rule *const *rules = get(&abi, &n);
	if (abi != ZL_ABI_VERSION) {
		snprintf(why, size, "built for plugin ABI version %u, but this zonelint "
		         "loads version %u: rebuild it with this version's "
		         "include/zonelint", abi, ZL_ABI_VERSION);
		return -1;
	}
	if (!rules || n == 0) {
		snprintf(why, size, "%s returned no rules", ZL_PLUGIN_SYMBOL);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (!rules[i]) {
			snprintf(why, size, "rule %zu of the %zu it returned is NULL", i + 1, n);
			return -1;
		}
	}
	pl->rules = rules;
	pl->n = n;
	return 0;
}

int zl_plugins_load(zl_plugins *p, zl_engine *e, const char *path,
                    char *why, size_t size)
{
	plugin pl = { NULL, NULL, NULL, 0 };

	if (!(pl.handle = open_object(path, why, size)))
		return -1;
	if (!(pl.path = strdup(path)) || VEC_PUSH(p->loaded, pl) != 0) {
		free(pl.path);
		dlclose(pl.handle);
		snprintf(why, size, "out of memory");
		return -1;
	}
	/* From here the handle is p's: e may hold some of its rules. */
	plugin *mine = &p->loaded.v[p->loaded.n - 1];
	if (take_rules(mine, why, size) != 0)
		return -1;
	for (size_t i = 0; i < mine->n; i++)
		if (add_rule(p, e, mine->rules[i], why, size) != 0)
			return -1;
	return 0;
}
