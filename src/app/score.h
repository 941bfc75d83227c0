/*
 * score.h - the scoring of a stage (issue 12 item 2): opening it with its
 * raters (and blind codes for the paper), entering and correcting one's
 * own scores, recusal, submitting one's sheet, sealed reads, the chair's
 * tie decision at a cut-off (SCORE-TIES) and the closing of the stage
 * with its frozen outcomes.  The rules are the core's (core/merit.h).
 *
 * Reading: a rater always sees their own scores; everyone's are readable
 * once every entitled rater has submitted (unsealed) by the committee,
 * the stage's raters and the oversight body, and once the stage is
 * closed also by the PyB, the PPK and the secretariat.  The administrator
 * holds no role in a selection and reads nothing.  The paper is graded
 * blind: codes only, no names or registration numbers, until it closes.
 */
#ifndef SELTER_APP_SCORE_H
#define SELTER_APP_SCORE_H

#include "app/app.h"
#include "core/merit.h"
#include "store/store_merit.h"
#include "store/store_score.h"

struct s_reuse;

/* One candidate of the stage, as this viewer may see him. */
struct score_row {
	int64_t		 application_id, vacancy_id;
	struct str	 reg_no, name;	/* "" while blind */
	struct str	 code;		/* the paper's blind code */
	bool		 absent;
	bool		 recused;	/* the viewer is recused from him */
	/* STG-REUSE: the assessment result on record this candidate takes
	   instead of the raters' scores (NULL: none). */
	const struct s_reuse *reused;
	const struct s_score *mine;	/* the viewer's score, or NULL */
	struct stage_score s;		/* when readable: the mean */
	enum merit_outcome outcome;	/* when readable */
};

struct score_view {
	struct sel_view	 sel;
	enum flow_state	 stage;
	struct str	 stage_id;	/* "paper" */
	struct rule_result by;		/* who rates, with the citation */
	bool		 current;	/* the workflow's state is this stage */
	bool		 open, closed;
	struct s_stage_open op;
	struct s_stage_close cl;
	struct s_rater	*raters;
	size_t		 nraters;
	size_t		 done;		/* raters done (submitted, or recused
					   from every candidate) */
	bool		 sealed;
	bool		 blind;
	/* the viewer */
	bool		 rater, submitted, narasumber;
	bool		 may_open, may_chair;	/* the chair: ties, closing */
	bool		 read_all;	/* every rater's scores shown */
	struct score_row *rows;
	size_t		 nrows;
	struct s_score	*scores;	/* what the viewer may read */
	size_t		 nscores;
	struct s_recusal *rec;		/* the viewer's own, or all */
	size_t		 nrec;
	struct merit_pass pass;
	struct merit_pass_out po;	/* when read_all */
	struct s_tie	*ties;
	size_t		 nties;
};

/*
 * The stage's sheet as this visitor may see it (all false: own scores
 * and the seal only).  all: the whole table is asked for; refused while
 * sealed (SEL_ESTATE, "Disegel: X dari Y penilai telah mengirim") or for
 * a role that may not read it (SEL_EPERM).  SEL_ENOENT: no such stage in
 * this selection.
 */
enum sel_err	app_score_view(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct str stage,
		    bool all, struct score_view *, struct app_msg *);

/* The secretariat or the chair opens the current stage for scoring. */
enum sel_err	app_stage_open(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct str stage,
		    struct app_msg *);
/*
 * One's own score of a candidate: value 0-100 with two decimals ("78,5"
 * or "78.5"); parts (the assessment's managerial, socio-cultural and
 * field, each "" or a score) may be NULL.  After submission a change is
 * a correction and needs reason.
 */
enum sel_err	app_score_enter(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct str stage,
		    int64_t application_id, struct str value,
		    const struct str *parts, struct str reason,
		    struct app_msg *);
/* Sends one's sheet: every candidate not recused from scored. */
enum sel_err	app_score_submit(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct str stage,
		    struct app_msg *);
/* A conflict of interest with a candidate: recused, with the reason. */
enum sel_err	app_score_recuse(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct str stage,
		    int64_t application_id, struct str reason,
		    struct app_msg *);
/*
 * The chair's decision on a tie at a vacancy's cut-off (SCORE-TIES):
 * order, the tied applications in the order decided; reason required.
 */
enum sel_err	app_stage_tie(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct str stage,
		    int64_t vacancy_id, const int64_t *order, size_t n,
		    struct str reason, struct app_msg *);
/*
 * The chair closes the stage with the committee's decision: unsealed,
 * every candidate present scored, every tie decided; the outcomes are
 * frozen.
 */
enum sel_err	app_stage_close(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct str stage,
		    struct str decision, struct app_msg *);

#endif
