/*
 * single-label-domain: the forest or a domain has a single-label DNS name
 * (KB 300684).  It is the root cause behind event 6702 and much more.
 */
#include <zonelint/zonelint.h>

static void report_name(zl_report *r, const zl_name *n, zl_location where,
                        const char *what)
{
	zl_finding *f = zl_report_add(r, where,
		"the %s %s has a single-label DNS name", what, zl_name_text(n));

	zl_finding_owner(f, n);
	zl_finding_note(f, "DCs and members need the AllowSingleLabelDnsDomain "
	                "(Netlogon) and UpdateTopLevelDomainZones (DNS client) "
	                "settings of KB 300684, and Windows Server 2008 R2 and later "
	                "refuse to promote new DCs into such a domain");
	zl_finding_fix(f, "plan a domain rename or a migration to a multi-label name "
	               "(e.g. %sexample.com); until then keep a %s%s zone on every "
	               "DNS server (rule single-label-self-zone)",
	               zl_name_text(n), zl_name_text(n), zl_name_text(n));
}

static int check(const zl_model *m, zl_report *r)
{
	const zl_name *forest = zl_model_forest(m);

	if (forest && zl_name_labels(forest) == 1)
		report_name(r, forest, zl_model_forest_location(m), "forest root domain");
	for (size_t i = 0; i < zl_model_domain_count(m); i++) {
		const zl_name *d = zl_model_domain(m, i);
		if (d != forest && zl_name_labels(d) == 1)
			report_name(r, d, zl_model_domain_location(m, i), "domain");
	}
	return 0;
}

const zl_rule zl_rule_single_label_domain = {
	.id = "single-label-domain",
	.pack = "ad",
	.severity = ZL_SEVERITY_WARNING,
	.summary = "the forest or a domain has a single-label DNS name",
	.explanation =
	"A single-label DNS domain name (`corp` rather than `corp.example.com`) is\n"
	"outside what Windows supports by default (KB 300684): the DC locator and\n"
	"dynamic registration need registry settings on every machine, newer\n"
	"Windows Server versions refuse to promote DCs into such a domain, and\n"
	"Windows DNS servers log event 6702 unless the <N>.<N> zone exists.\n"
	"\n"
	"Example:\n"
	"  forest.yaml:2:9: warning: the forest root domain corp. has a single-label\n"
	"  DNS name [single-label-domain]\n"
	"\n"
	"Fix: the lasting remedy is a domain rename or a migration to a new\n"
	"multi-label domain; until then, follow KB 300684 and keep the <N>.<N> zone.",
	.check = check,
	.tags = ZL_TAG_6702,
	.tag_order = 2,
};
