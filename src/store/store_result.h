/*
 * store_result.h - the rows the results read and write (issue 12 item 3):
 * the closed stages with their frozen outcomes and the raters' scores
 * behind them, recusals, the committee's tie decisions, the ranking sent
 * to the PyB or the PPK, and the facts the workflow reads (how many stage
 * results are published, whether the ranking was sent).
 *
 * Scores and outcomes are read only for CLOSED stages (a stage_close
 * row): a closed stage is never sealed, so nothing here can read a
 * partial score.
 */
#ifndef SELTER_STORE_RESULT_H
#define SELTER_STORE_RESULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/str.h"
#include "store/store.h"
#include "store/store_merit.h"

struct arena;
struct stx;







struct s_ranking_sent {
	int64_t		 selection_id;
	struct str	 sent_at, sent_by, to_role, body, sha256;
};

/* A person to write to. */
struct s_addressee {
	int64_t		 account_id;
	struct str	 name, email;
};

/* SEL_ENOENT: the stage is not closed. */
enum sel_err	store_stage_close_get(struct stx *, struct arena *, int64_t sel,
		    struct str stage, struct s_stage_close *);
/* Every closed stage of a selection, by closing time. */
enum sel_err	store_stage_closes(struct stx *, struct arena *, int64_t sel,
		    struct s_stage_close **, size_t *n);
/*
 * The outcomes of a closed stage (stage "": of every closed stage), in
 * vacancy and registration-number order; SEL_ESTATE for a stage that is
 * not closed.
 */
enum sel_err	store_outcomes(struct stx *, struct arena *, int64_t sel,
		    struct str stage, struct s_outcome **, size_t *n);
/* The raters' scores, raters and recusals of the closed stages only. */
enum sel_err	store_closed_scores(struct stx *, struct arena *, int64_t sel,
		    struct s_rscore **, size_t *n);
enum sel_err	store_closed_raters(struct stx *, struct arena *, int64_t sel,
		    struct s_rater **, size_t *n);
enum sel_err	store_recusals(struct stx *, struct arena *, int64_t sel,
		    struct s_recusal **, size_t *n);

/* Tie decisions of one stage ("": the final ranking's), oldest first. */
enum sel_err	store_ties(struct stx *, struct arena *, int64_t sel,
		    struct str stage, struct s_tie **, size_t *n);
enum sel_err	store_tie_add(struct stx *, int64_t sel, const struct s_tie *,
		    int64_t *id);

/* SEL_ENOENT when not sent. */
enum sel_err	store_ranking_sent_get(struct stx *, struct arena *,
		    int64_t sel, struct s_ranking_sent *);
/* Keeps body with its SHA-256 (set here, into r->sha256 when ar). */
enum sel_err	store_ranking_sent_add(struct stx *, struct arena *,
		    struct s_ranking_sent *);

/* The workflow's facts: stage results published, the ranking sent. */
enum sel_err	store_result_facts(struct stx *, int64_t sel,
		    size_t *stages_published, bool *ranking_sent);

/* Accounts holding role in the selection (or its whole region). */
enum sel_err	store_role_holders(struct stx *, struct arena *,
		    int64_t region_id, int64_t sel, enum role,
		    struct s_addressee **, size_t *n);

#endif
