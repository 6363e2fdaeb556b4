/* zonelint.h - everything a rule or plugin author needs. */
#ifndef ZONELINT_H
#define ZONELINT_H

#include <zonelint/types.h>
#include <zonelint/model.h>
#include <zonelint/report.h>
#include <zonelint/rule.h>

#endif
