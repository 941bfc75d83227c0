/*
 * choice.h - the PPK's choice (issue 14 item 1): the best 3 of each
 * vacancy as the committee sent them, the interview the PPK may hold with
 * them first (SCORE-PPK-INTERVIEW) and the choice of one (APPT-CHOOSE,
 * FT_CHOOSE).  The decisions are core/appt.c's; each write is one
 * transaction with its audit event, and a refusal changes nothing.
 */
#ifndef SELTER_APP_CHOICE_H
#define SELTER_APP_CHOICE_H

#include "app/app.h"
#include "app/result.h"
#include "core/appt.h"
#include "store/store_choice.h"
#include "store/store_letters.h"	/* ---- letters ---- */

/* A candidate of a vacancy's shortlist, in the committee's order. */
struct choice_cand {
	const struct ranking_row *row;	/* rank, final score */
	int64_t		 application_id;
	struct str	 reg_no, name;
};

/* A consultation the post needs (APPT-SEKDA, ...), with its acts. */
struct consult_item {
	struct appt_consult c;		/* the core's: whom, deadline */
	const struct s_consult *sent;	/* NULL: not yet */
	const struct s_consult *answer;	/* NULL: not yet */
	bool		 late;		/* sent after its last day */
	bool		 done;		/* sent, and answered if awaited,
					   each with its letter uploaded */
	/* ---- letters ---- the files of the letter and the answer */
	const struct s_letter *sent_file, *answer_file;
	/* ---- end letters ---- */
};

struct choice_vac {
	const struct ranking_vac *rv;
	struct choice_cand *c;		/* the best 3 (or fewer) */
	size_t		 n;
	bool		 chosen;
	struct s_ppk_choice choice;	/* when chosen */
	struct s_ppk_interview *iv;	/* the PPK's interviews, oldest first */
	size_t		 niv;
	struct consult_item it[APPT_MAX_CONSULTS];
	size_t		 nit;
	bool		 minister_chooses;	/* APPT-DUKCAPIL "minister" */
};

struct choice_view {
	struct ranking_view rk;		/* rk.sel: the selection */
	struct choice_vac *vac;
	size_t		 nvac;
	sel_date	 sent_on;	/* the ranking reached the PPK (0: not) */
	sel_date	 today;
	struct str	 today_iso;	/* "2026-12-07", a form's default */
	bool		 may_act;	/* the PPK, while choosing is open */
	bool		 may_consult;	/* the secretariat, until the report */
	bool		 show_scores;	/* may read the ranking */
	bool		 interview_allowed;
	struct rule_result interview;	/* SCORE-PPK-INTERVIEW */
	struct rule_result choose;	/* APPT-CHOOSE's citation */
	/* ---- letters ---- the selection's letters uploaded */
	struct s_letter	*letters;
	size_t		 nletters;
	/* ---- end letters ---- */
};

/*
 * The page: for those who may read the ranking (app_ranking_may), once it
 * was sent; SEL_ESTATE before (m says so), SEL_EPERM for anyone else.
 */
enum sel_err	app_choice_view(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct choice_view *,
		    struct app_msg *);
/*
 * The special consultations (issue 14 item 2): the page of the posts that
 * need one, for those who read the ranking and the secretariat (names,
 * no scores).
 */
enum sel_err	app_consult_view(struct app *, struct arena *,
		    const struct who *, int64_t sel, struct choice_view *,
		    struct app_msg *);
/*
 * The secretariat records a consultation's letter: fields "vacancy",
 * "rule" ("APPT-DUKCAPIL"), "act" ("sent" or "answered"), "letter_no",
 * "letter_on" (YYYY-MM-DD, from the sending of the ranking to today) and
 * "summary" (10-4000 characters); a proposal to the Minister names the
 * vacancy's best 3 by itself, and the Minister's answer names the chosen
 * one ("application"), which is the vacancy's choice (APPT-DUKCAPIL).
 */
enum sel_err	app_consult_record(struct app *, struct arena *,
		    const struct who *, int64_t sel, const struct form *,
		    struct app_msg *, const char **field);
/* The workflow's fact (FT_CONSULTED), inside tx: every chosen post has
   its consultations done. */
enum sel_err	consult_fact(struct app *, struct stx *, struct arena *,
		    const struct sel_view *, bool *consulted);

/* The consultations of vacancy vid with the acts on record (consult.c). */
enum sel_err	consult_items(struct app *, struct arena *,
		    const struct sel_view *, int64_t vid, sel_date received,
		    const struct s_consult *, size_t n,
		    const struct s_letter *, size_t nletters,
		    struct choice_vac *);

/* The view inside tx, without the role check (consult.c). */
enum sel_err	choice_load(struct app *, struct stx *, struct arena *,
		    const struct who *, int64_t sel, struct choice_view *);
/*
 * SCORE-PPK-INTERVIEW: the PPK records an interview with a vacancy's
 * best 3: fields "vacancy", "held_on" (YYYY-MM-DD, from the sending to
 * today) and "notes" (10-4000 characters).  *field names the field at
 * fault (NULL: none).
 */
enum sel_err	app_ppk_interview(struct app *, struct arena *,
		    const struct who *, int64_t sel, const struct form *,
		    struct app_msg *, const char **field);
/*
 * APPT-CHOOSE: the PPK chooses one of a vacancy's best 3: fields
 * "vacancy", "application", "chosen_on" (YYYY-MM-DD, from the sending to
 * today), "reason" (10-4000 characters: how the choice fits the post and
 * the committee's recommendation) and "confirm" = "1".  Once per vacancy;
 * the last one moves the selection on (FT_CHOOSE).
 */
enum sel_err	app_ppk_choose(struct app *, struct arena *,
		    const struct who *, int64_t sel, const struct form *,
		    struct app_msg *, const char **field);

#endif
