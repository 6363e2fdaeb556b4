/*
 * rules/lib/relations.h - the keys by which a finding says what it explains
 * and what it follows from (zonelint/report.h, zl_finding_explains).  Every
 * key is built here from structured parts, so the rule of a cause and the
 * rule of its followers cannot disagree on spelling: "what|view|name".
 */
#ifndef ZL_RULES_LIB_RELATIONS_H
#define ZL_RULES_LIB_RELATIONS_H

#include <stdio.h>

#include <zonelint/zonelint.h>

/* Room for a view's path (PATH_MAX) and a name in presentation format. */
#define REL_KEY_MAX (4096 + 1100 + 32)

/* "<what>|<the view's file>|<name>": a fact about one name in one copy. */
const char *rel_key(char *buf, size_t size, const char *what,
                    const zl_view *v, const zl_name *name);

/*
 * "`name` has no address in copy v": explained by the finding that says
 * the copy lacks the host's records (partner-missing-address, KB 914050),
 * followed by every record of that copy pointing at the name
 * (target-no-address).
 */
void rel_explains_no_address(zl_finding *f, const zl_view *v,
                             const zl_name *name);

void rel_follows_no_address(zl_finding *f, const zl_view *v,
                            const zl_name *name);

/*
 * "this record of copy v is wrong": explained by a finding about the
 * record itself (a stale NS or an orphan locator record, which deleting
 * it fixes), followed by the findings about what the record points at
 * (target-no-address).  The record is named by where it stands and what
 * it is, so two records of one line ($GENERATE) stay apart.
 */
const char *rel_record_key(char *buf, size_t size, const zl_view *v,
                           const zl_record *rec);

void rel_explains_record(zl_finding *f, const zl_view *v,
                         const zl_record *rec);

void rel_follows_record(zl_finding *f, const zl_view *v,
                        const zl_record *rec);

#endif
