/*
 * tenure.h - an appointed official's term (issue 14 item 5,
 * REGULATIONS.md §13): what falls due when, and the decisions on what
 * BKPSDM and the PPK record during it, each under its rule and the
 * profile's citation, from the day in office (TMT) and the inauguration.
 *
 * Readings (docs/workflow.md, "Masa jabatan"): "paling lama 5 tahun" ends
 * the day before the fifth anniversary of the TMT; the extension
 * evaluation is "3 bulan sebelum masa jabatannya berakhir", the same day
 * three months earlier, and its team is formed no later than that day;
 * monitoring lasts at most 2 years from the TMT; the 2-year lock
 * (TEN-2Y-LOCK, and today's PRAC-NO-REPLACE-2Y with its own number of
 * years) runs to the day before the anniversary of the inauguration, and
 * is lifted only when the official both broke the law and no longer meets
 * the post's requirements ("dan"); a move between JPT posts needs the
 * profile's years in the post (TEN-MUTATION "min"/"max", counted from the
 * later of the TMT and the inauguration: "menduduki jabatan" and "sejak
 * dilantik" both hold); performance not met in a year of the post opens
 * 6 months to improve from the day it was assessed, then a competency
 * test (TEN-PERF).  A 29 February start keeps the end of February.
 *
 * Pure: no I/O, no clock.
 */
#ifndef SELTER_CORE_TENURE_H
#define SELTER_CORE_TENURE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"
#include "core/date.h"
#include "core/rule.h"

struct arena;
struct profile;

struct ten_mark {
	enum rule_id	 rule;
	struct str	 citation;
	sel_date	 on;
	const char	*what;		/* Indonesian, for the page */
	const char	*key;		/* stable: "5y", "eval", "lock", ... */
};

#define TEN_MAX_MARKS	10

/* The profile's dates for a term, in date order; returns how many. */
size_t		ten_marks(const struct profile *, sel_date tmt,
		    sel_date inaugurated, struct ten_mark out[TEN_MAX_MARKS]);

/* The last day of the 5-year term (TEN-5Y's reading). */
sel_date	ten_end(sel_date tmt);

/*
 * Replacing the official on day on (an end of term the PPK makes:
 * replaced or dismissed): refused within TEN-2Y-LOCK's 2 years and
 * PRAC-NO-REPLACE-2Y's years of the inauguration unless exception (the
 * official broke the law and no longer meets the post's requirements).
 * why: the rule that decided, its citation, a sentence.
 */
bool		ten_replace_ok(struct arena *, const struct profile *,
		    sel_date inaugurated, sel_date on, bool exception,
		    struct rule_result *why);

/* A member of the extension evaluation team. */
struct ten_member {
	struct str	 name;
	bool		 external;
};

/*
 * TEN-EVAL: the team of n members formed on formed_on for a term from
 * tmt: exactly 1 external and 2 internal members with distinct names,
 * formed from the TMT to the evaluation day (3 months before the end).
 * RS_FAIL without TEN-EVAL in the profile.
 */
bool		ten_team_ok(struct arena *, const struct profile *,
		    sel_date tmt, sel_date formed_on,
		    const struct ten_member *, size_t n,
		    struct rule_result *why);

/*
 * TEN-5Y: the PPK's decision on the extension, dated decided_on: after
 * the team was formed (team: its day, 0 where the profile has no
 * TEN-EVAL) and no later than the term's last day.
 */
bool		ten_outcome_ok(struct arena *, const struct profile *,
		    sel_date tmt, sel_date team, sel_date decided_on,
		    struct rule_result *why);

/* A performance result on record (TEN-PERF). */
enum ten_perf_kind { TP_YEAR, TP_IMPROVE };
struct ten_perf {
	enum ten_perf_kind kind;
	int		 year;		/* TP_YEAR: the post's year, 1.. */
	bool		 met;
	sel_date	 on;		/* assessed */
};

/* Where the results leave the official (ten_perf_state). */
struct ten_perf_state {
	bool		 improving;	/* a year not met, 6 months running */
	sel_date	 improve_until;	/* their last day */
	bool		 test_due;	/* not improved: competency test */
	sel_date	 test_from;
};

/* The results r[0..n) in the order recorded. */
void		ten_perf_state(const struct ten_perf *, size_t n,
		    struct ten_perf_state *);

/*
 * TEN-PERF: may result x be recorded after r[0..n) for a term from tmt?
 * A year's result once, on or after the year's last day; an improvement
 * result only while improving, on or after the 6 months' last day.
 * RS_FAIL without TEN-PERF in the profile.
 */
bool		ten_perf_ok(struct arena *, const struct profile *,
		    sel_date tmt, const struct ten_perf *r, size_t n,
		    const struct ten_perf *x, struct rule_result *why);

/*
 * TEN-MUTATION: a move to another JPT post on moved_on, after the
 * competency test (tested), within the profile's years in the post.
 * RS_FAIL without TEN-MUTATION in the profile.
 */
bool		ten_move_ok(struct arena *, const struct profile *,
		    sel_date tmt, sel_date inaugurated, sel_date moved_on,
		    bool tested, struct rule_result *why);

/*
 * TEN-MONITOR: is day on within the monitoring of at most 2 years from
 * the TMT?  why says until when (RS_MISSING without the rule).
 */
bool		ten_monitoring(struct arena *, const struct profile *,
		    sel_date tmt, sel_date on, struct rule_result *why);

/* The reminder windows (days before a mark): 90, 30, 7. */
#define TEN_NWINDOWS	3
extern const int ten_windows[TEN_NWINDOWS];
/* The smallest window holding a mark on `on` seen on today, 0: none. */
int		ten_window(sel_date on, sel_date today);

#endif
