/*
 * tenure_int.h - private to tenure.c and tenure_act.c.
 */
#ifndef SELTER_APP_TENURE_INT_H
#define SELTER_APP_TENURE_INT_H

#include "app/tenure.h"

struct stx;

/* The term t as w reads it, inside tx. */
enum sel_err	tenure_fill(struct app *, struct stx *, struct arena *,
		    const struct who *, const struct s_term *,
		    struct tenure_term *);
/* Is mark m settled (no more reminders: the team formed, the year's
   result in, the move made, the term ended)? */
bool		tenure_done(const struct tenure_term *, const struct ten_mark *);
/* The results as the core reads them. */
struct ten_perf	*tenure_perfs(struct arena *, const struct s_term_perf *,
		    size_t n);

#endif
