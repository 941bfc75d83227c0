/*
 * elig_int.h - what the files of the eligibility module share (elig.c,
 * elig_conduct.c); private to src/core.  Pure, as elig.h.
 */
#ifndef SELTER_CORE_ELIG_INT_H
#define SELTER_CORE_ELIG_INT_H

#include "base/sbuf.h"
#include "core/elig.h"

struct prof_rule;

/* One evaluation: the candidate, the plan and the dates, the output. */
struct ectx {
	struct arena		*a;
	const struct elig_plan	*plan;
	const struct profile	*p;
	const struct vacancy	*v;
	const struct candidate	*c;
	sel_date		 as_of;
	sel_date		 appt;
	sel_date		 ref;		/* periods measured at */
	struct elig_out		*out;
	const struct elig_dates	*dt;		/* NULL: none worked out */
};

/* Appends rule r's result with its own citation. */
void	elig_put(struct ectx *, const struct prof_rule *r,
	    enum rule_status, struct str detail);
/* A date as "15 Maret 2023". */
void	elig_date(struct sbuf *, sel_date);
/* The same, from the shared dates when d is one of them. */
void	elig_text(const struct ectx *, struct sbuf *, sel_date d);
/* ref n years back (date_minus_years), and its text. */
sel_date elig_back(const struct ectx *, int n);
void	elig_back_text(const struct ectx *, struct sbuf *, int n);

/* The rules of elig_conduct.c; each appends its result (or item). */
void	elig_discipline(struct ectx *, const struct prof_rule *);
void	elig_criminal(struct ectx *, const struct prof_rule *);
void	elig_examination(struct ectx *, const struct prof_rule *);
void	elig_performance(struct ectx *, const struct prof_rule *);
void	elig_recommendation(struct ectx *, const struct prof_rule *);
void	elig_training(struct ectx *, const struct prof_rule *);
void	elig_checklist(struct ectx *, const struct prof_rule *);

#endif
