/* One Check suite per module; tests/unit/main.c runs them all. */
#ifndef ZL_TEST_SUITES_H
#define ZL_TEST_SUITES_H

#include <check.h>

Suite *model_suite(void);
Suite *inventory_suite(void);
Suite *zonefile_suite(void);
Suite *engine_suite(void);
Suite *rules_suite(void);
Suite *ad_rules_suite(void);
Suite *zone_rules_suite(void);
Suite *output_suite(void);

#endif
