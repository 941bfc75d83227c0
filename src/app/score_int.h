/*
 * score_int.h - private to app/score*.c: a stage's scoring loaded whole
 * inside a transaction (every score, every recusal), of which the view
 * (score.h) gets only what its visitor may read.
 */
#ifndef SELTER_APP_SCORE_INT_H
#define SELTER_APP_SCORE_INT_H

#include "app/score.h"
#include "store/store_reuse.h"

struct score_ctx {
	struct score_view v;
	struct arena	*ar;
	int64_t		 me;		/* the visitor's account, 0: none */
	struct s_stage_cand *cand;	/* the candidates of the stage */
	size_t		 ncand;
	struct merit_cand *mc;		/* ... as the core sees them */
	struct merit_pass_out po;	/* ... and their outcomes */
	struct s_score	*all;		/* every score of the stage */
	size_t		 nall;
	struct s_recusal *rec;		/* every recusal of the selection */
	size_t		 nrec;
	struct s_blind	*blind;
	size_t		 nblind;
	struct s_reuse	*reuse;		/* STG-REUSE, the assessment only */
	size_t		 nreuse;
	struct s_outcome *outs;		/* a closed stage's */
	size_t		 nouts;
	struct merit_person *people;
	size_t		 npeople;
	int64_t		 best;
};

enum sel_err	score_load(struct app *, struct stx *, struct arena *,
		    const struct who *, int64_t sel, struct str stage,
		    struct score_ctx *);
/*
 * The same for a rater's own write (a score, a recusal, his sheet sent):
 * only his scores (score_of of another rater finds nothing), no people,
 * ties, pass criterion, seal or outcomes.
 */
enum sel_err	score_load_rater(struct app *, struct stx *, struct arena *,
		    const struct who *, int64_t sel, struct str stage,
		    struct score_ctx *);
bool		score_recused(const struct score_ctx *, int64_t app,
		    int64_t rater);
const struct s_stage_cand *score_cand(const struct score_ctx *, int64_t app);
struct s_rater	*score_rater(const struct score_ctx *, int64_t account);
/* A member rater replaced since the stage opened (his scores stay). */
bool		score_rater_left(const struct score_ctx *, const struct s_rater *);
/* The result on record a candidate of the assessment takes (STG-REUSE). */
const struct s_reuse *score_reused(const struct score_ctx *, int64_t app);
const struct s_score *score_of(const struct score_ctx *, int64_t app,
		    int64_t rater);

#endif
