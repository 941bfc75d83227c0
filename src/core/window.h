/*
 * window.h - the registration window: ANN-DURATION, and extensions
 * (ANN-EXTEND, ANN-AFTER-EXTENSIONS).  REGULATIONS.md §7.
 *
 * The window runs from the publication date to the closing date, both
 * inclusive.  A profile chooses the inclusive reading ("15 days" = the
 * window holds 15 days) or the strict one ("15 days before the closing
 * date" = 16 inclusive); under the inclusive reading a window that passes
 * only that way says so and names the closing date the strict reading
 * would need.  Working days need the holiday calendar for every year they
 * touch (SEL_ENOENT otherwise, naming the year).
 */
#ifndef SELTER_CORE_WINDOW_H
#define SELTER_CORE_WINDOW_H

#include <stdbool.h>

#include "base/err.h"
#include "core/date.h"
#include "core/rule.h"

struct arena;
struct cal;
struct profile;

struct window_out {
	bool		 valid;
	int		 calendar_days;
	int		 working_days;	/* -1: a year has no holiday data */
	int		 missing_year;	/* that year */
	bool		 inclusive_only;
	sel_date	 strict_closing;	/* with inclusive_only */
	sel_date	 min_closing;	/* earliest closing date that passes */
	struct rule_result rule;
};

/*
 * SEL_EINVAL when closing < published; SEL_ENOENT when the profile counts
 * working days and a year of the window has no holiday data (*out has
 * missing_year).  SEL_ENOENT also when the profile has no ANN-DURATION.
 */
enum sel_err	window_eval(struct arena *, const struct profile *,
		    const struct cal *, sel_date published, sel_date closing,
		    struct window_out *);

struct extend_in {
	int		 applicants;	/* -1: not given */
	int		 qualified;	/* -1: not given */
	int		 done;		/* extensions already made */
};

struct extend_out {
	bool		 has_closing;
	sel_date	 new_closing;
	struct rule_result rule;		/* ANN-EXTEND */
	bool		 has_after;
	struct rule_result after;	/* ANN-AFTER-EXTENSIONS, a next step */
};

/*
 * SEL_ENOENT when the profile has no ANN-EXTEND (nor PRAC-MINIMUM) or a
 * year lacks data.  A PRAC-MINIMUM sets the threshold ("at least count"),
 * the length and the number of extensions, and o->rule cites it.
 */
enum sel_err	window_extend(struct arena *, const struct profile *,
		    const struct cal *, sel_date closing,
		    const struct extend_in *, struct extend_out *,
		    int *missing_year);

/*
 * A date written on a document needed "within N days" of the closing date
 * (a profile document's within_days; Pontianak's drug test: 30): no more
 * than days before the closing date, not after it, not after today.
 */
bool		doc_dated_ok(sel_date dated, sel_date close, int days,
		    sel_date today);

#endif
