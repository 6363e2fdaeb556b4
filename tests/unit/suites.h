/* One Check suite per module; tests/unit/main.c runs them all. */
#ifndef ZL_TEST_SUITES_H
#define ZL_TEST_SUITES_H

#include <check.h>

Suite *model_suite(void);
Suite *inventory_suite(void);
Suite *zonefile_suite(void);
Suite *fastrr_suite(void);
Suite *sharing_suite(void);
Suite *engine_suite(void);
Suite *rules_suite(void);
Suite *ad_rules_suite(void);
Suite *zone_rules_suite(void);
Suite *output_suite(void);
Suite *sarif_suite(void);
Suite *html_suite(void);
Suite *baseline_suite(void);
Suite *dnsrecord_suite(void);
Suite *dump_suite(void);
Suite *axfr_suite(void);
Suite *draft_suite(void);
Suite *settings_rules_suite(void);
Suite *adprops_suite(void);
Suite *codec_suite(void);
Suite *status_suite(void);

#endif
