/*
 * result_int.h - private to the result part of src/app (result.c,
 * ranking.c): the closed stages' rows a sheet is written from, the
 * sheet of one vacancy, and the ranking core/score.c makes of it.
 */
#ifndef SELTER_APP_RESULT_INT_H
#define SELTER_APP_RESULT_INT_H

#include "app/result.h"

struct sheet_in {
	const struct sel_view *v;
	struct s_outcome *out;		/* every closed stage's outcomes */
	size_t		 nout;
	struct s_rscore *sc;
	size_t		 nsc;
	struct s_rater	*ra;
	size_t		 nra;
	struct s_recusal *rc;
	size_t		 nrc;
	struct s_stage_close *cl;	/* when each closed stage closed */
	size_t		 ncl;
};

enum sel_err	sheet_load(struct stx *, struct arena *,
		    const struct sel_view *, struct sheet_in *);
/* The weight key (enum stage) of a stage id; ST__N for "health". */
int		sheet_weight_key(struct str stage);
/*
 * The `selter rank` input of one vacancy: the candidates apps (in that
 * order) with every closed stage's scores, weighted by wt.  SEL_EINTERNAL
 * when a frozen outcome and its raters' scores disagree.
 */
enum sel_err	sheet_line(struct arena *, const struct sheet_in *,
		    struct str stage, int64_t vacancy_id, struct str title,
		    const int64_t *apps, size_t napps, const int64_t wt[ST__N],
		    struct str *out);
/* rank_decode_eval on a sheet line; why: the decoder's message. */
enum sel_err	sheet_rank(struct arena *, const struct profile *,
		    struct str line, struct rank_out *, struct str *why);
/*
 * The final ranking's vacancies from the closed stages (rv->sel loaded;
 * published or not): rv->vac, or rv->why when the plan has no weights.
 */
enum sel_err	result_ranking_rows(struct stx *, struct arena *,
		    struct ranking_view *);
/* The ranking page's view inside tx, without the role check. */
enum sel_err	result_ranking_load(struct app *, struct stx *, struct arena *,
		    int64_t sel, struct ranking_view *);
/* A stage's result, inside tx (SEL_ESTATE: the stage is not closed). */
enum sel_err	result_load(struct app *, struct stx *, struct arena *,
		    int64_t sel, struct str stage, struct result_view *);

#endif
