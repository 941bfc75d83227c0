/*
 * sanity.h - dates checked for sense before they are kept (issue 10
 * item 5): the stages of a plan's schedule, the oversight body's
 * recommendation, the registration window at signing, and an applicant's
 * TMT CPNS against the birth date.
 *
 * Pure: "today" (in the region's time zone) and every other date are
 * arguments.  Each check returns true when the date makes sense; when it
 * does not, *why is one Bahasa Indonesia sentence naming the field, the
 * dates compared and the rule (or the law) the refusal rests on.
 */
#ifndef SELTER_CORE_SANITY_H
#define SELTER_CORE_SANITY_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"
#include "core/date.h"

struct arena;

/*
 * How far ahead a schedule may reach: two years after today.  A stage
 * dated later is read as a typing error (2062 for 2026), as is one in the
 * past (1900).
 */
#define SANITY_AHEAD_DAYS	730

/* PP 11/2017 Pasal 23 ayat (1) huruf a: an applicant for CPNS is 18. */
#define SANITY_CPNS_MIN_AGE	18

/*
 * One stage of the schedule.  Stages of a lower order come first: a stage
 * of order 0 ends on or before a stage of order 1 starts, and so on;
 * stages of the same order may overlap (the regions order them
 * differently).
 */
struct sanity_stage {
	const char	*label;		/* Indonesian: "Wawancara akhir" */
	int		 order;
	sel_date	 from, to;	/* inclusive, from <= to */
};

struct sanity_plan {
	sel_date	 today;
	sel_date	 closing;	/* registration's closing date; 0: no
					   window yet.  Every stage follows it. */
	const struct sanity_stage *stages;	/* the rest of the schedule */
	size_t		 nstages;
};

/* VAC-PLAN: stage s against today, the window and the other stages. */
bool	sanity_stage(struct arena *, const struct sanity_plan *,
	    const struct sanity_stage *s, struct str *why);

/*
 * VAC-PLAN: the recommendation (dated rec) is not dated before the plan
 * was sent (sent; 0 when not recorded: no check) nor after today.
 */
bool	sanity_recommendation(struct arena *, sel_date rec, sel_date sent,
	    sel_date today, struct str *why);

/*
 * ANN-DURATION at signing: the window [open, close] is not wholly or
 * partly in the past.  The closing date before today is refused (the
 * window is over or partly gone), and so is an opening date before today:
 * the window counts from the publication, so the announcement is published
 * no later than the day it opens.
 */
bool	sanity_window_at_signing(struct arena *, sel_date open,
	    sel_date close, sel_date today, struct str *why);

/*
 * ANN-DURATION when the window is saved: a window wholly in the past (its
 * closing date before today) could never be published and is refused; one
 * that opens before today may be kept as a draft, to be moved before the
 * signature (sanity_window_at_signing).
 */
bool	sanity_window_saved(struct arena *, sel_date close, sel_date today,
	    struct str *why);

/*
 * VAC-PLAN when the window is saved after the schedule: every stage
 * already scheduled starts after the closing date (the span of
 * sanity_stage, seen from the window).
 */
bool	sanity_window_stages(struct arena *, sel_date close,
	    const struct sanity_stage *stages, size_t n, struct str *why);

/*
 * The TMT CPNS (a month: its first day) is at least SANITY_CPNS_MIN_AGE
 * years after the birth date.
 */
bool	sanity_tmt(struct arena *, sel_date birth, int tmt_year,
	    int tmt_month, struct str *why);

#endif
