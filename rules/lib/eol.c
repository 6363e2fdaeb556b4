/* rules/lib/eol.c - see eol.h. */
#include "eol.h"

static const eol_lifecycle eol_table[] = {
	{ "windows-server-2003", "Windows Server 2003", "2015-07-14", 16630 },
	{ "windows-server-2003-r2", "Windows Server 2003 R2", "2015-07-14", 16630 },
	{ "windows-server-2008", "Windows Server 2008", "2020-01-14", 18275 },
	{ "windows-server-2008-r2", "Windows Server 2008 R2", "2020-01-14", 18275 },
	{ "windows-server-2012", "Windows Server 2012", "2023-10-10", 19640 },
	{ "windows-server-2012-r2", "Windows Server 2012 R2", "2023-10-10", 19640 },
	{ "windows-server-2016", "Windows Server 2016", "2027-01-12", 20830 },
	{ "windows-server-2019", "Windows Server 2019", "2029-01-09", 21558 },
	{ "windows-server-2022", "Windows Server 2022", "2031-10-14", 22566 },
	{ "windows-server-2025", "Windows Server 2025", "2034-11-14", 23693 },
	/* samba, other: no end date, never flagged. */
};

const eol_lifecycle *eol_find(const char *os)
{
	for (size_t i = 0; os && i < sizeof(eol_table) / sizeof(*eol_table); i++)
		if (strcmp(eol_table[i].os, os) == 0)
			return &eol_table[i];
	return NULL;
}

void eol_not_checked(const zl_model *m, zl_report *r)
{
	size_t unknown = 0;

	for (size_t i = 0; i < zl_model_server_count(m); i++)
		if (!zl_server_os(zl_model_server(m, i)))
			unknown++;
	zl_report_not_checked(r, "no os in the inventory", unknown);
}
