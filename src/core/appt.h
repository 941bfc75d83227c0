/*
 * appt.h - the PPK's choice (REGULATIONS.md §11-12): the interview the
 * PPK may hold with the best 3 before choosing (SCORE-PPK-INTERVIEW) and
 * the choice of one of them (APPT-CHOOSE), decided on the shortlist the
 * committee sent (core/result.c's, after its tie decision).
 *
 * Pure: no I/O, no clock; the caller gives the days.
 */
#ifndef SELTER_CORE_APPT_H
#define SELTER_CORE_APPT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"
#include "core/date.h"
#include "core/rule.h"

struct arena;
struct profile;

/*
 * SCORE-PPK-INTERVIEW: may the PPK record an interview with the best 3 of
 * this selection's region?  why: the rule with its citation and a
 * sentence (RS_FAIL, with the reason, when the regulation has none).
 */
bool		appt_interview_allowed(struct arena *, const struct profile *,
		    struct rule_result *why);

/* A day the PPK names (an interview held, a choice made). */
struct appt_days {
	sel_date	 sent;		/* the ranking reached the PPK */
	sel_date	 today;		/* the region's calendar day */
};

/*
 * Is day d between the sending of the ranking and today (both
 * included)?  why->detail says which end it falls outside; what names
 * the act ("wawancara", "keputusan").
 */
bool		appt_day_ok(struct arena *, const struct appt_days *,
		    sel_date d, const char *what, struct rule_result *why);

/* APPT-CHOOSE as the page states it: the rule, its citation, a sentence. */
void		appt_choose_rule(struct arena *, const struct profile *,
		    struct rule_result *);

/*
 * APPT-CHOOSE: may the PPK choose candidate id (a registration number)
 * for a vacancy whose shortlist is ids[0..n)?  Only one of them; a
 * vacancy without a shortlist has no choice.  why: the rule with its
 * citation and the sentence saying why not.
 */
bool		appt_choose_ok(struct arena *, const struct profile *,
		    const struct str *ids, size_t n, struct str id,
		    struct rule_result *why);

#endif
