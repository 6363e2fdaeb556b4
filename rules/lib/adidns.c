/* rules/lib/adidns.c - see adidns.h. */
#include "adidns.h"

bool adidns_is_broad(const char *t)
{
	static const char *const words[] = {
		"authenticated-users", "everyone", "domain-users", "domain-computers",
		"S-1-5-11", "S-1-1-0",
	};
	size_t len = strlen(t);

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(t, words[i]) == 0)
			return true;
	return strncmp(t, "S-1-5-21-", 9) == 0 && len > 4 &&
	       (strcmp(t + len - 4, "-513") == 0 || strcmp(t + len - 4, "-515") == 0);
}

const char *adidns_broad(const zl_zone *z, char *buf, size_t size)
{
	zl_text_list l = zl_zone_create_child(z);
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < l.count && used < size; i++)
		if (adidns_is_broad(l.items[i]))
			used += (size_t)snprintf(buf + used, size - used, "%s%s",
			                         used ? ", " : "", l.items[i]);
	return buf;
}
