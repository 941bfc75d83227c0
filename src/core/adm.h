/*
 * adm.h - the administrative selection's count rule (ADM-MIN-3,
 * REGULATIONS.md §9): enough qualified candidates per vacancy to go on.
 *
 * Pure.  "Qualified" means passed by the committee's administrative
 * decision.  Under the Covid procedures a profile's min_to_proceed (2)
 * suffices once the announcement has been extended.
 */
#ifndef SELTER_CORE_ADM_H
#define SELTER_CORE_ADM_H

#include <stdbool.h>

#include "core/rule.h"

struct arena;
struct profile;

/*
 * Fills r with ADM-MIN-3 for one vacancy: pass, or fail with the profile's
 * next step (its detail) and citation.  False when the profile has no
 * ADM-MIN-3 (r untouched).  A profile's PRAC-MINIMUM (REGULATIONS.md §15)
 * sets the count instead, with its citation, and r->id is R_PRAC_MINIMUM.
 */
bool	adm_min_eval(struct arena *, const struct profile *, int qualified,
	    bool extended, struct rule_result *r);

#endif
