/*
 * demo_int.h - the demo's seeding helpers, shared by demo.c (the region,
 * the accounts, the selections in preparation and registration) and
 * demo_past.c (a selection of the past, carried through every stage).
 */
#ifndef SELTER_APP_DEMO_INT_H
#define SELTER_APP_DEMO_INT_H

#include "app/app_int.h"

struct seed {
	struct app	*a;
	struct arena	*ar;
	struct who	 w;	/* the actor of the current step */
	struct s_grant	 g;
	struct app_msg	 m;
	enum sel_err	 rc;
	char		*err;
	size_t		 errsz;
};

/* Acts as login with role r in region (ROLE__N: the administrator). */
void		 demo_as(struct seed *, const char *login, enum role r,
		    int64_t region);
/* Keeps the first failure, with what was being seeded. */
void		 demo_check(struct seed *, enum sel_err, const char *what);
/* A preparation step from "name", "value", ... NULL. */
void		 demo_op(struct seed *, int64_t sel, enum prep_op,
		    const char *const *kv);
/* An ISO date in the seed's arena. */
const char	*demo_day(struct seed *, sel_date);
/* The demo's vacancy: Kepala Dinas Kesehatan. */
void		 demo_vacancy(struct seed *, int64_t sel);
/*
 * Prepares a selection with its vacancy (plan, stages after close, committee,
 * announcement) and publishes it when publish.  For the past selection
 * (past) every member of the committee is a demo account (anggota2..4)
 * and the stages have their place and time; else three members are
 * invited by e-mail and the stages' places are left to the plan.
 */
void		 demo_prepare(struct seed *, int64_t sel, sel_date today,
		    sel_date open, sel_date close, bool publish, bool past);
/*
 * A registered, confirmed applicant with account_id: the NIP gives the
 * birth date and TMT, and a record that meets the demo vacancy's rules.
 */
void		 demo_applicant(struct seed *, int64_t account_id,
		    const char *nip, const char *name);
/*
 * The past selection sel, created empty: prepared, published, applied
 * to, closed and through the administrative result and the stages, each
 * act on its own day before today, the clock set back (demo_past.c;
 * the caller restores it).
 */
void		 demo_past(struct seed *, int64_t sel, sel_date today);
/* The chair publishes a closed stage's result (demo_result.c). */
void		 demo_publish(struct seed *, int64_t sel, struct str stage);
/* The chair sends the ranking with the best 3 (demo_result.c). */
void		 demo_send(struct seed *, int64_t sel);

#endif
