/*
 * tenure.h - the dates of an appointed official's term (issue 14 item 5,
 * REGULATIONS.md §13): what falls due when, each under its rule and the
 * profile's citation, from the day in office (TMT) and the inauguration.
 *
 * Readings (docs/workflow.md): "paling lama 5 tahun" ends the day before
 * the fifth anniversary of the TMT; the extension evaluation is "3 bulan
 * sebelum masa jabatannya berakhir", the same day three months earlier;
 * monitoring lasts at most 2 years from the TMT; the 2-year lock runs to
 * the day before the second anniversary of the inauguration; a move
 * between JPT posts opens on the second anniversary of the TMT and closes
 * with the term.  A 29 February start keeps the end of February.
 *
 * Pure: no I/O, no clock.
 */
#ifndef SELTER_CORE_TENURE_H
#define SELTER_CORE_TENURE_H

#include <stddef.h>

#include "base/str.h"
#include "core/date.h"
#include "core/rule.h"

struct profile;

struct ten_mark {
	enum rule_id	 rule;
	struct str	 citation;
	sel_date	 on;
	const char	*what;		/* Indonesian, for the page */
};

#define TEN_MAX_MARKS	6

/* The profile's dates for a term, in date order; returns how many. */
size_t		ten_marks(const struct profile *, sel_date tmt,
		    sel_date inaugurated, struct ten_mark out[TEN_MAX_MARKS]);

#endif
