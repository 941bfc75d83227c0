/*
 * result.h - the results of the merit half (issue 12 item 3): a stage's
 * public result signed by the chair with its recomputation sheet
 * (FT_STAGE_PUBLISH, SCORE-PUBLISH), the confidential final ranking with
 * the best 3 per vacancy (SCORE-FINAL, SCORE-TOP3), the committee's tie
 * decisions on it (SCORE-TIES) and its sending to the PyB or the PPK
 * (FT_RANKING_SEND).
 *
 * The recomputation sheet of a vacancy is exactly the input of `selter
 * rank` (CONTRACT.md §Ranking): "weights", and per candidate, by
 * registration number, the scores of every closed stage, each a list of
 * the raters' scores under a pseudonymous label ("anggota 2", "asesor
 * 1"), recused raters marked.  Every ranking shown here is
 * rank_decode_eval (core/score.c) run on that very sheet, so a page and
 * `selter rank` on its sheet cannot differ.  A stage's sheet weighs its
 * own stage 100 and the others 0 (the stage result ranks by the stage
 * score); "plan_weights" holds the plan's, which rank the final ranking.
 */
#ifndef SELTER_APP_RESULT_H
#define SELTER_APP_RESULT_H

#include "app/app.h"
#include "core/result.h"
#include "store/store_result.h"

/* One candidate of a stage's result. */
struct result_cand {
	struct s_outcome o;		/* this stage's frozen outcome */
	int		 rank;		/* 0: not ranked (absent, health) */
	bool		 tie;
	int64_t		 score;		/* the stage score, hundredths */
};

struct result_vac {
	int64_t		 vacancy_id;
	struct str	 title;
	struct result_cand *c;		/* by rank, then the unranked */
	size_t		 n;
	struct s_tie	*ties;		/* the stage's tie decisions */
	size_t		 nties;
	struct str	 sheet;		/* this vacancy's sheet (one line) */
	struct str	 why;		/* when the sheet does not rank */
};

struct result_view {
	struct sel_view	 sel;
	enum flow_state	 stage;
	bool		 closed;
	struct s_stage_close close;
	bool		 ranked;	/* the stage has a weight (not health) */
	bool		 show_scores;	/* what the document shows */
	bool		 scores_required;
	struct rule_result publish;	/* SCORE-PUBLISH and its citation */
	struct result_vac *vac;
	size_t		 nvac;
	struct str	 sheet;		/* every vacancy's line, in order */
	bool		 published;	/* its publication, once signed */
	struct s_publication pub;
};

/*
 * What the renderer (app_config.render) gets for a stage's result (kind
 * PUB_STAGE_RESULT) and for the ranking sent (kind PUB__N: not a
 * publication): a struct pub_src at its start, so that the renderer
 * reaches the rest from the kind.
 */
struct result_src {
	struct pub_src	 base;
	const struct result_view *stage;
	const struct ranking_view *ranking;
};

/*
 * A stage's result as it stands in the store (staff who may view the
 * selection): the preview before it is signed.  SEL_ESTATE: the stage is
 * not closed (rv->closed false, nothing read).
 */
enum sel_err	app_stage_result_view(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct str stage,
		    struct result_view *);
/*
 * FT_STAGE_PUBLISH: the chair signs the current stage's result once the
 * stage is closed; show_scores false is refused where the profile
 * requires the scores (SCORE-PUBLISH).  The document and its sheet are
 * fixed now.
 */
enum sel_err	app_stage_publish(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct str stage,
		    bool confirm, bool show_scores, struct app_msg *);
/* The published result of a stage (public): SEL_ENOENT when none. */
enum sel_err	app_stage_result_pub(struct app *, struct arena *, int64_t sel,
		    struct str stage, struct sel_view *,
		    struct s_publication *);
/* One vacancy's sheet of a publication (public); SEL_ENOENT if none. */
struct str	app_sheet_line(struct str sheet, int64_t vacancy_id,
		    size_t *nlines);

/* One candidate of the final ranking. */
struct ranking_row {
	const struct ranked *r;		/* rank, final, stages, tie */
	int64_t		 application_id;
	struct str	 name;
	bool		 shortlisted;
	bool		 tied_at_cut;
};

struct ranking_vac {
	int64_t		 vacancy_id;
	struct str	 title, kind;
	struct rank_out	 out;		/* core/score.c on sheet */
	struct ranking_row *rows;	/* rank order */
	size_t		 n;
	struct result_short sl;		/* SCORE-TOP3 after SCORE-TIES */
	struct s_tie	 tie;		/* the decision, when there is one */
	bool		 has_tie;
	struct str	 sheet;
	struct str	 why;		/* the sheet could not be ranked */
};

struct ranking_view {
	struct sel_view	 sel;
	bool		 ready;		/* every stage published */
	struct ranking_vac *vac;
	size_t		 nvac;
	struct result_route route;	/* where it goes */
	bool		 pyb_on_committee, sekda;
	bool		 may_send;	/* every vacancy's shortlist stands */
	struct str	 why;		/* when not */
	bool		 sent;
	struct s_ranking_sent s;
	bool		 may_decide;	/* the visitor is the chair */
};

/*
 * The confidential ranking: the PyB, the PPK, the committee (chair and
 * members) and the oversight body only; SEL_EPERM for anyone else.
 */
enum sel_err	app_ranking_view(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct ranking_view *);
/* May this person read the ranking (the same rule, for pages)? */
bool		app_ranking_may(const struct who *, const struct sel_view *);
/*
 * SCORE-TIES: the chair records the committee's order of the candidates
 * tied at a vacancy's cut-off (their application ids), with a reason.
 */
enum sel_err	app_tie_decide(struct app *, struct arena *,
		    const struct who *, int64_t sel, int64_t vacancy_id,
		    const int64_t *order, size_t n, struct str reason,
		    struct app_msg *);
/*
 * FT_RANKING_SEND: the chair sends the ranking with the best 3 per
 * vacancy to the PyB, or to the PPK (the profile's route), kept as sent,
 * with a mail to the addressee.
 */
enum sel_err	app_ranking_send(struct app *, struct arena *,
		    const struct who *, int64_t sel, bool confirm,
		    struct app_msg *);
/* Selections whose ranking was sent to a role this person holds. */
struct ranking_inbox {
	int64_t		 selection_id;
	struct str	 title, sent_at, to_role;
};
enum sel_err	app_ranking_inbox(struct app *, struct arena *,
		    const struct who *, struct ranking_inbox **, size_t *n);

/* The workflow's guard of FT_STAGE_PUBLISH: the current stage closed. */
void		result_flow_guards(struct app *, struct arena *,
		    const struct sel_view *, struct flow_guards *);
/* The workflow's facts (prep_view.c flow()). */
enum sel_err	result_facts(struct stx *, int64_t sel, size_t *published,
		    bool *sent);

#endif
