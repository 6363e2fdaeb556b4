/* The unit test runner: every module's suite, one report. */
#include <stdlib.h>

#include "suites.h"

int main(void)
{
	SRunner *sr = srunner_create(model_suite());

	srunner_add_suite(sr, inventory_suite());
	srunner_add_suite(sr, zonefile_suite());
	srunner_add_suite(sr, fastrr_suite());
	srunner_add_suite(sr, sharing_suite());
	srunner_add_suite(sr, engine_suite());
	srunner_add_suite(sr, rules_suite());
	srunner_add_suite(sr, ad_rules_suite());
	srunner_add_suite(sr, zone_rules_suite());
	srunner_add_suite(sr, output_suite());
	srunner_add_suite(sr, sarif_suite());
	srunner_add_suite(sr, html_suite());
	srunner_add_suite(sr, baseline_suite());
	srunner_add_suite(sr, dnsrecord_suite());
	srunner_add_suite(sr, dump_suite());
	srunner_add_suite(sr, axfr_suite());
	srunner_add_suite(sr, draft_suite());
	srunner_add_suite(sr, settings_rules_suite());
	srunner_add_suite(sr, adprops_suite());
	srunner_add_suite(sr, codec_suite());
	srunner_add_suite(sr, status_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
