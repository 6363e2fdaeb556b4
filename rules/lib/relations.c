/* rules/lib/relations.c - see relations.h. */
#include "relations.h"

const char *rel_key(char *buf, size_t size, const char *what,
                    const zl_view *v, const zl_name *name)
{
	snprintf(buf, size, "%s|%s|%s", what, zl_view_file(v), zl_name_text(name));
	return buf;
}

void rel_explains_no_address(zl_finding *f, const zl_view *v,
                             const zl_name *name)
{
	char key[REL_KEY_MAX];

	zl_finding_explains(f, rel_key(key, sizeof(key), "no-address", v, name));
}

void rel_follows_no_address(zl_finding *f, const zl_view *v,
                            const zl_name *name)
{
	char key[REL_KEY_MAX];

	zl_finding_follows(f, rel_key(key, sizeof(key), "no-address", v, name));
}

const char *rel_record_key(char *buf, size_t size, const zl_view *v,
                           const zl_record *rec)
{
	zl_location at = zl_record_location(v, rec);
	char data[1024];

	snprintf(buf, size, "record|%s|%s:%u|%s %u %s", zl_view_file(v),
	         at.file ? at.file : "-", at.line, zl_name_text(zl_record_owner(rec)),
	         zl_record_type(rec), zl_record_rdata_text(rec, data, sizeof(data)));
	return buf;
}

void rel_explains_record(zl_finding *f, const zl_view *v,
                         const zl_record *rec)
{
	char key[REL_KEY_MAX + 4096];

	zl_finding_explains(f, rel_record_key(key, sizeof(key), v, rec));
}

void rel_follows_record(zl_finding *f, const zl_view *v,
                        const zl_record *rec)
{
	char key[REL_KEY_MAX + 4096];

	zl_finding_follows(f, rel_record_key(key, sizeof(key), v, rec));
}
