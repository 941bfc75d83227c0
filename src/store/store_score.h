/*
 * store_score.h - the rows of a stage's scoring (009_merit.sql): its
 * opening and raters, the scores and their corrections, recusals, blind
 * codes, the closing with its frozen outcomes, and the chair's tie
 * decisions at a stage's cut-off.  Stages by the core's ids ("paper").
 */
#ifndef SELTER_STORE_SCORE_H
#define SELTER_STORE_SCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/str.h"
#include "core/role.h"
#include "store/store_merit.h"
#include "store/store_result.h"

struct arena;
struct stx;

/* Someone holding a role in a selection (grants covering it). */
struct s_sel_person {
	int64_t		 account_id;
	struct str	 name, login;
	unsigned	 roles;		/* ROLE_BIT(...) */
};

/* Accounts with a grant for this selection or its whole region. */
enum sel_err	store_sel_people(struct stx *, struct arena *,
		    int64_t region, int64_t sel, struct s_sel_person **,
		    size_t *n);

/* The pass criterion the plan gives a stage (-1 and 0 when none). */
enum sel_err	store_stage_pass(struct stx *, int64_t sel, struct str stage,
		    int64_t *min, int64_t *best);

struct s_stage_open {
	struct str	 opened_at, opened_by;
};
/* SEL_ENOENT: not opened. */
enum sel_err	store_stage_open_get(struct stx *, struct arena *,
		    int64_t sel, struct str stage, struct s_stage_open *);
enum sel_err	store_stage_open_add(struct stx *, int64_t sel,
		    struct str stage, struct str at, struct str by);

enum sel_err	store_rater_add(struct stx *, int64_t sel, struct str stage,
		    int64_t account_id, int64_t member_id);
enum sel_err	store_raters(struct stx *, struct arena *, int64_t sel,
		    struct str stage, struct s_rater **, size_t *n);
enum sel_err	store_rater_submit(struct stx *, int64_t sel,
		    struct str stage, int64_t account_id, struct str at);

struct s_score {
	int64_t		 id, application_id, rater_id;
	int64_t		 value;			/* hundredths */
	int64_t		 part[3];		/* managerial, social, field;
						   -1: none */
	struct str	 entered_at, corrected_at, correct_reason;
};
/* Every score of a stage (rater_id 0) or one rater's. */
enum sel_err	store_scores(struct stx *, struct arena *, int64_t sel,
		    struct str stage, int64_t rater_id, struct s_score **,
		    size_t *n);
/* A new score (s->id 0) or a change of s->id: value, parts, times. */
enum sel_err	store_score_put(struct stx *, int64_t sel, struct str stage,
		    const struct s_score *);

/* SEL_EINVAL: declared already. */
enum sel_err	store_recusal_add(struct stx *, int64_t sel,
		    const struct s_recusal *);

struct s_blind {
	int64_t		 application_id;
	struct str	 code;
};
enum sel_err	store_blind_codes(struct stx *, struct arena *, int64_t sel,
		    struct str stage, struct s_blind **, size_t *n);
/* SEL_EINVAL: the code is taken in this selection and stage. */
enum sel_err	store_blind_add(struct stx *, int64_t sel, struct str stage,
		    int64_t application_id, struct str code);

enum sel_err	store_stage_close_add(struct stx *, int64_t sel,
		    struct str stage, const struct s_stage_close *);

enum sel_err	store_outcome_add(struct stx *, int64_t sel, struct str stage,
		    const struct s_outcome *);


#endif
