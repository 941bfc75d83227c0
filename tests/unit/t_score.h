/*
 * t_score.h - the fixture of the scoring tests (test_score_app.c,
 * test_score_close.c): the demo's selection 1 (demak-2022) taken to its
 * first stage, the paper (graded blind), by rows written straight into
 * the store until the stage part is merged (seed_stage: three candidates
 * the published administrative result passed, applications 901-903; a
 * third committee member with an account, penilai3; a member of
 * selection 2's committee only, lain).
 */
#ifndef SELTER_TESTS_UNIT_T_SCORE_H
#define SELTER_TESTS_UNIT_T_SCORE_H

#include "t_app.h"
#include "app/score.h"

#define CLOSED	((int64_t)t_date("2026-12-12") * 86400 + 17 * 3600)
#define PAPER	STR("paper")

struct people {
	struct who sec, chair, mem, mem3, nara, other, admin, cand, ppk,
	    oversight;
};

void		 sql(struct fx *, const char *q);
int64_t		 sql_int(struct fx *, const char *q);
/* The paper's blind code of application 901, in a static buffer. */
const char	*sql_text_code(struct fx *);
void		 seed_stage(struct fx *);
void		 everyone(struct fx *, struct people *);
/* A score of the paper as typed, with a correction's reason. */
enum sel_err	 enter(struct fx *, const struct who *, int64_t app,
		    const char *v, const char *reason, struct app_msg *);
/* The three raters score 901-903 with v[rater][candidate] (NULL: not)
 * and submit. */
void		 score_all(struct fx *, struct people *,
		    const char *const v[3][3]);

#endif
