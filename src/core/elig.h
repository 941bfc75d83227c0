/*
 * elig.h - eligibility of one candidate for one vacancy under a profile
 * (REGULATIONS.md §6): the ELIG-* rules, the committee's checklist and the
 * "diutamakan" advisories.
 *
 * Pure: as_of (closing date of registration) and appointment (the planned
 * appointment date) are arguments, never the clock.  Details are Bahasa
 * Indonesia sentences naming the values compared, allocated in the arena.
 * Never read: gender (the NIP's 15th digit), religion, ethnicity, marital
 * status, disability - record.h does not even decode them.
 */
#ifndef SELTER_CORE_ELIG_H
#define SELTER_CORE_ELIG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"
#include "core/date.h"
#include "core/rule.h"

struct arena;
struct profile;
struct vacancy;
struct candidate;

enum verdict { V_ELIGIBLE, V_INCOMPLETE, V_INELIGIBLE };

#define ELIG_MAX_RULES	16
/* Checklist items: up to 8 entries of each of the 4 checklist rules. */
#define ELIG_MAX_CHECKS	32

struct check_item {
	enum rule_id	 id;
	struct str	 detail;
	struct str	 citation;
};

struct advisory {
	enum rule_id	 id;
	bool		 met;
	struct str	 detail;
	struct str	 citation;
};

struct elig_out {
	enum verdict	 verdict;
	struct rule_result rules[ELIG_MAX_RULES];
	size_t		 nrules;
	struct check_item checklist[ELIG_MAX_CHECKS];
	size_t		 nchecklist;
	struct advisory	 advisories[ELIG_MAX_RULES];
	size_t		 nadvisories;
};

void		elig_eval(struct arena *, const struct profile *,
		    const struct vacancy *, const struct candidate *,
		    sel_date as_of, sel_date appointment, struct elig_out *);

/* A date with its parts and its text ("15 Maret 2023"), worked out once. */
struct elig_day {
	sel_date	 d;
	int		 y, m, dd;
	size_t		 len;
	char		 text[24];
};

#define ELIG_YEARS_BACK	16

/*
 * The dates every candidate of a batch shares: the closing and appointment
 * dates, the date periods are measured at (ref), and ref 0 ..
 * ELIG_YEARS_BACK - 1 years back (the windows of REGULATIONS.md §6).
 */
struct elig_dates {
	sel_date	 as_of;
	sel_date	 appt;
	struct elig_day	 at_as_of, at_appt, ref;
	struct elig_day	 back[ELIG_YEARS_BACK];
};

/*
 * The rules of a profile resolved for one vacancy, once: a batch screens
 * many candidates against the same plan (read-only, shared by threads).
 * elig_plan_dates adds the batch's dates, worked out once too;
 * elig_eval_plan uses them when it is given the same two dates, and works
 * everything out itself otherwise.
 */
struct prof_rule;
struct elig_plan {
	const struct profile	*p;
	const struct vacancy	*v;
	const struct prof_rule	*rule[R__N];	/* NULL: not for this post */
	/* Checklist rules: the entry for the post of each item, by id then
	 * file order (rule[] holds the first of each id). */
	const struct prof_rule	*checks[ELIG_MAX_CHECKS];
	size_t			 nchecks;
	bool			 has_dates;
	struct elig_dates	 dates;
};

void		elig_plan_init(struct elig_plan *, const struct profile *,
		    const struct vacancy *);
void		elig_plan_dates(struct elig_plan *, sel_date as_of,
		    sel_date appointment);
void		elig_eval_plan(struct arena *, const struct elig_plan *,
		    const struct candidate *, sel_date as_of,
		    sel_date appointment, struct elig_out *);
const char	*verdict_name(enum verdict);	/* "eligible" */

/*
 * Days of the union of [start, end) intervals cut at d (exported for
 * tests): the basis of every "N years as of d" (REGULATIONS.md §6).
 */
struct span {
	sel_date	 start;
	sel_date	 end;		/* exclusive */
};
long		span_union_days(struct span *, size_t n, sel_date d);

#endif
