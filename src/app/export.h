/*
 * export.h - what the exports read (issue 12 item 5), with the role check
 * here in app: the committee (chair, members) and the oversight body may
 * export a closed stage's scores and the administrative result
 * (ACT_EXPORT); the final ranking also the PyB and the PPK, once it has
 * been sent (ACT_EXPORT_RANKING).  Everyone else: SEL_EPERM.
 *
 * Scores are sealed until their stage closes (MERIT.md): a stage without
 * a stage_close row is refused (SEL_ESTATE), and the store's reads join
 * stage_close themselves.  Reads only: an export changes nothing and
 * writes no audit event; each carries the trail's head at the time of
 * export, so a reader can check it with `selter audit verify --head`.
 * The formatting (CSV, XLSX) is the face's: web/export.c.
 */
#ifndef SELTER_APP_EXPORT_H
#define SELTER_APP_EXPORT_H

#include "app/app.h"
#include "app/result.h"
#include "core/score.h"

/* Where an export comes from: for its first rows or its second sheet. */
struct xp_meta {
	struct str	 exported;	/* "7 Desember 2026 pukul 19.02 WIB" */
	struct str	 exported_iso;	/* "2026-12-07T12:02:04Z" */
	struct str	 head;		/* "N:HASH", the trail's head */
};

/* SCORE-TIES: the committee's decision on a tie, with its reason. */
struct xp_tie {
	struct str	 vacancy;	/* its title */
	struct str	 order;		/* registration numbers, in the order
					   decided, ", "-separated */
	struct str	 reason, decided_at, decided_by;
};

#define XP_NONE		INT64_C(-1)	/* the rater gave no score */
#define XP_RECUSED	INT64_C(-2)	/* recused: conflict of interest */

struct xp_rater {
	int64_t		 account_id;
	struct str	 name;		/* as the committee's records name them */
	bool		 assessor;
};

struct xp_cand {
	struct s_application a;
	struct str	 code;		/* blind code, "" when none */
	int64_t		*score;		/* per rater: hundredths, XP_* */
	struct stage_score s;		/* the stage score, exact */
	int64_t		 mean;		/* stage_display(&s); -1 no score */
	struct str	 outcome;	/* passed failed absent tied */
};

struct xp_stage {
	struct sel_view	 sel;
	enum flow_state	 stage;
	struct str	 closed_at, closed_by, decision;
	struct xp_rater	*r;
	size_t		 nr;
	struct xp_cand	*c;		/* vacancy, registration number */
	size_t		 nc;
	bool		 coded;		/* some candidate has a blind code */
	struct xp_tie	*ties;		/* at the stage's cut-off */
	size_t		 nties;
	struct xp_meta	 meta;
};

/* A closed stage's scores; SEL_ENOENT when the selection has no such
 * stage, SEL_ESTATE while it is open (sealed). */
enum sel_err	app_export_stage(struct app *, struct arena *,
		    const struct who *, int64_t sel, enum flow_state stage,
		    struct xp_stage *, struct app_msg *);

/* ---- letters ---- */
/* The same in tx, for the report pack (no role check: the caller's). */
enum sel_err	export_stage_tx(struct app *, struct stx *, struct arena *,
		    int64_t sel, enum flow_state stage, struct xp_stage *);
/* ---- end letters ---- */

struct xp_ranking {
	struct sel_view	 sel;
	enum stage	 cols[ST__N];	/* the weighted stages, in order */
	size_t		 ncols;
	/* The ranking page's own rows (app/ranking.c), from the closed
	   stages: the core's ranking, the names, the shortlist after the
	   committee's tie decision. */
	struct ranking_view rk;
	bool		 sent;
	struct str	 sent_at, sent_to;	/* "pyb" or "ppk" */
	struct xp_tie	*ties;		/* in the final ranking */
	size_t		 nties;
	struct xp_meta	 meta;
};

/*
 * The final ranking per vacancy, by the core's ranking (rank_decode_eval
 * on the recomputation sheet's input, ids the registration numbers):
 * the candidates who passed every stage.  SEL_ESTATE while a stage of the
 * selection has not closed.
 */
enum sel_err	app_export_ranking(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct xp_ranking *,
		    struct app_msg *);

struct xp_adm {
	struct adm_view	 v;
	struct str	*nip;		/* parallel to v.rows, "" unknown */
	struct xp_meta	 meta;
};

/* The administrative queue: applications, checks and decisions. */
enum sel_err	app_export_adm(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct xp_adm *,
		    struct app_msg *);

/* The stage's label for people: "Wawancara akhir"; sheet titles. */
const char	*app_stage_label(enum flow_state);

#endif
