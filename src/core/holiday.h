/*
 * holiday.h - the national-holiday calendar: which days are working days.
 *
 * A working day is Monday to Friday and neither a national holiday (libur)
 * nor a collective-leave day (cuti bersama).  Holidays are data, one text
 * file per year (format in docs/holidays.md); this module parses the text
 * it is given and answers questions.  It does no I/O.
 *
 * Every question about a date in a year the calendar does not cover fails
 * with SEL_ENOENT and names the year: a missing year is an error, never a
 * silent guess that the year has no holidays.
 *
 * Ownership: a struct cal and its entries live in the arena given to
 * cal_new; names and sources point into the text passed to cal_load, which
 * must outlive the calendar.
 */
#ifndef SELTER_CORE_HOLIDAY_H
#define SELTER_CORE_HOLIDAY_H

#include <stdbool.h>

#include "base/err.h"
#include "base/str.h"
#include "core/date.h"

struct arena;

enum hol_kind {
	HOL_LIBUR,		/* hari libur nasional */
	HOL_CUTI,		/* cuti bersama */
};

struct holiday {
	sel_date	 day;
	enum hol_kind	 kind;
	struct str	 name;
	struct str	 source;	/* the legal basis: the line's [...] tag,
					   else its file's source line */
	bool		 unverified;	/* the tag says UNVERIFIED */
};

struct cal;

struct cal	*cal_new(struct arena *);

enum cal_mode {
	CAL_STRICT,	/* project data: year:, source:, kind on every line */
	CAL_LENIENT,	/* a user's file: "YYYY-MM-DD description" lines */
};

/*
 * Adds the holidays of one file.  In CAL_STRICT mode the file must declare
 * `year: YYYY` and `source: ...` before its first date, and every date must
 * lie in that year.  In CAL_LENIENT mode a year is covered when a date of it
 * appears or a `year:` line names it.  On error d says the line and reason
 * and the calendar is unchanged.
 */
enum sel_err	cal_load(struct cal *, const char *text, size_t len,
		    enum cal_mode, struct diag *d);

bool		cal_covers(const struct cal *, int year);
/* The lowest and highest covered years; false if none. */
bool		cal_range(const struct cal *, int *lo, int *hi);
/* The holiday on day, or NULL. */
const struct holiday *cal_find(const struct cal *, sel_date day);

/* On SEL_ENOENT, *year_out (if not NULL) names the uncovered year. */
enum sel_err	cal_is_working(const struct cal *, sel_date, bool *out,
		    int *year_out);
/* Working days in [from, to], both inclusive; 0 when to < from. */
enum sel_err	cal_count_working(const struct cal *, sel_date from,
		    sel_date to, int *out, int *year_out);
/*
 * The k-th working day after from (from itself not counted), k >= 1.
 * With k == 0, from itself if it is a working day, else the next one.
 */
enum sel_err	cal_add_working(const struct cal *, sel_date from, int k,
		    sel_date *out, int *year_out);

#endif
