/*
 * demo_int.h - the demo's seeding helpers, shared by demo.c (the region,
 * the accounts, the selections in preparation and registration),
 * demo_past.c (a selection of the past, carried through every stage) and
 * demo_open.c (a selection in the middle of its scoring).
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
/* The demo's vacancy: Kepala Dinas Kesehatan, or title when not NULL. */
void		 demo_vacancy(struct seed *, int64_t sel, const char *title);
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
/*
 * The selection in the middle of its scoring (demo_open.c): the
 * administrative result and the first stages published, the interview
 * open with some raters' sheets sent and the chair's and anggota's still
 * to come.  Its past acts on their days, the last one yesterday.
 */
void		 demo_open(struct seed *, int64_t sel, sel_date today);

/* A candidate of the demo: login, name and a NIP consistent with both. */
struct demo_cand {
	const char	*login, *name, *nip;
};

/* The clock at 10:00 of day d in the demo's region. */
void		 demo_clock(struct seed *, sel_date d);
/* The candidates' accounts, records and applications (apps: n ids). */
void		 demo_candidates(struct seed *, int64_t sel,
		    const struct demo_cand *, size_t n, int64_t *apps);
/* Registration closed, every file passed, the result signed. */
void		 demo_adm_result(struct seed *, int64_t sel,
		    const int64_t *apps, size_t n);
/* The committee's raters: ketua, anggota, anggota2..4; then the asesor. */
#define DEMO_RATERS	5
/* A score near base (hundredths), spread by rater r: "81,12". */
const char	*demo_value(struct seed *, int base, size_t r);
/* The secretariat invites the candidates to stage and opens it. */
void		 demo_stage_open(struct seed *, int64_t sel, const char *stage);
/*
 * Rater r (DEMO_RATERS: the assessor) enters vals[i] for apps[i], with
 * the assessment's parts there, and sends the sheet.
 */
void		 demo_rate(struct seed *, int64_t sel, const char *stage,
		    size_t r, const int64_t *apps, const char *const *vals,
		    size_t n);
/* The chair closes stage with the committee's decision and publishes. */
void		 demo_stage_close(struct seed *, int64_t sel,
		    const char *stage);
/* The chair publishes a closed stage's result (demo_result.c). */
void		 demo_publish(struct seed *, int64_t sel, struct str stage);
/* The chair sends the ranking with the best 3 (demo_result.c). */
void		 demo_send(struct seed *, int64_t sel);

#endif
