/*
 * dash.h - a region's dashboard (issue 14 item 6): the figures over the
 * rows of its selections, computed here so that a page, the JSON form and
 * the unit tests agree.
 *
 * Readings (docs/dashboard.md):
 * - a selection is counted in the workflow's state it is in now;
 * - the days of a state run from the day the selection entered it to the
 *   day it entered the next state it reached (or today, for the state it
 *   is in): a state entered and left on one day counts 0 days.  A state
 *   whose first day is not recorded is left out; the state before it then
 *   runs to the next recorded one;
 * - applicants: applications not withdrawn, per vacancy;
 * - a selection needed an extension when its window was extended
 *   (ANN-EXTEND) at least once;
 * - a post is filled when its appointment is recorded, else vacant;
 * - a term ends on the day ten_marks gives for TEN-5Y; it ends in the next
 *   12 months when today <= end < today + 12 months (month k: from
 *   today + k months to the day before today + k + 1 months).
 *
 * Pure: no I/O, no clock; each selection carries its region's today.
 */
#ifndef SELTER_CORE_DASH_H
#define SELTER_CORE_DASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/str.h"
#include "core/date.h"
#include "core/flow.h"

struct arena;
struct profile;

#define DASH_MONTHS	12	/* the terms' horizon */

struct dash_vac {
	int64_t		 id;
	struct str	 title;
	int64_t		 applicants;	/* applications not withdrawn */
	bool		 filled;	/* an appointment recorded */
	sel_date	 tmt, inaugurated;	/* when filled */
};

struct dash_sel {
	int64_t		 id;
	struct str	 title;
	const struct profile *profile;
	sel_date	 today;		/* in its region's time zone */
	enum flow_state	 state;
	sel_date	 entered[FL__N];	/* 0: not reached or not known */
	int64_t		 extensions;	/* ANN-EXTEND acts */
	const struct dash_vac *vac;
	size_t		 nvac;
};

struct dash_days {
	size_t		 n;		/* selections measured */
	int64_t		 total, max;	/* days */
	size_t		 open;		/* of them, still in the state */
};

struct dash_vac_row {
	const struct dash_sel *sel;
	const struct dash_vac *vac;
};

struct dash_term {
	const struct dash_sel *sel;
	const struct dash_vac *vac;
	sel_date	 ends;		/* TEN-5Y's day */
	int64_t		 days_left;	/* ends - today */
	size_t		 month;		/* 0 .. DASH_MONTHS-1 */
};

struct dash_fig {
	size_t		 nsel;
	size_t		 by_state[FL__N];
	struct dash_days days[FL__N];
	size_t		 nvac;
	int64_t		 applicants;
	struct dash_vac_row *vac;	/* every vacancy, selection order */
	size_t		 extended;	/* selections extended at least once */
	int64_t		 extensions;	/* acts, over all selections */
	const struct dash_sel **ext;	/* the extended ones */
	size_t		 filled, vacant;
	struct dash_term *terms;	/* ending in the next 12 months */
	size_t		 nterms;
	size_t		 term_month[DASH_MONTHS];
};

/* The figures of n selections (of one region, or of several). */
void		 dash_figures(struct arena *, const struct dash_sel *, size_t n,
		    struct dash_fig *);
/* The days of one selection's states (days[s] < 0: not measured). */
void		 dash_sel_days(const struct dash_sel *, int64_t days[FL__N]);
/* Average days of a state, rounded half up; 0 when none was measured. */
int64_t		 dash_days_avg(const struct dash_days *);
/* Average applicants per vacancy in tenths (25: 2,5), rounded half up. */
int64_t		 dash_apps_avg10(const struct dash_fig *);
/* TEN-5Y's day of a term (false: the profile has no TEN-5Y). */
bool		 dash_term_end(const struct profile *, sel_date tmt,
		    sel_date inaugurated, sel_date *end);

#endif
