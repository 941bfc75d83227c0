/*
 * flow.h - the workflow of a selection and of each application in it: one
 * transition table (REGULATIONS.md §3, stages 1-15).
 *
 * A selection is in exactly one state, derived here from the acts the
 * store recorded (publication, closing, each published result) and the
 * region's calendar day; it is never a string compared by a caller.  Each
 * transition names the states it leaves, the state it reaches, the roles
 * that may take it (or the calendar, for the two the clock takes) and its
 * guards: the rule ids whose citations the profile carries.  The stages
 * between the administrative result and the ranking come from the
 * profile (its STG-* rules, in file order) and the plan (its schedule,
 * by date).
 *
 * The table also names the steps of the second half (the stages, the
 * ranking, the PPK's choice, the special consultations, the report to the
 * oversight body, appointment and tenure) so that the work that builds
 * them fills these states in rather than inventing its own.  Which
 * transitions have a use case today is the application's business
 * (app/flow.c), not the table's.
 *
 * Pure: no I/O, no clock; the caller gives the day.
 */
#ifndef SELTER_CORE_FLOW_H
#define SELTER_CORE_FLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"
#include "core/date.h"
#include "core/role.h"
#include "core/rule.h"

struct arena;
struct profile;

/* ---- the selection ---- */

enum flow_state {
	FL_PREPARING,		/* vacancy, plan, committee, announcement */
	FL_ANNOUNCED,		/* published; registration opens later */
	FL_REGISTRATION,	/* the window is open */
	FL_REG_ENDED,		/* the window's last day has passed */
	FL_ADMINISTRATIVE,	/* closed by the secretariat: ADM-* */
	FL_PAPER,		/* STG-PAPER */
	FL_TRACK,		/* STG-TRACK */
	FL_ASSESS,		/* STG-ASSESS */
	FL_INTERVIEW,		/* STG-INTERVIEW */
	FL_HEALTH,		/* STG-HEALTH */
	FL_RANKING,		/* SCORE-FINAL, -TIES, -TOP3 */
	FL_CHOICE,		/* APPT-CHOOSE */
	FL_CONSULT,		/* APPT-SEKDA, -SEKWAN, -DUKCAPIL, -INSPEKTUR */
	FL_REPORT,		/* APPT-KASN-REPORT: the oversight body's
				   recommendation before inauguration */
	FL_APPOINTMENT,		/* APPT-AGE, APPT-REPORT */
	FL_TENURE,		/* TEN-* */
	FL__N
};

/* The assessment stages, first to last in the table's own order. */
#define FL_STAGE_FIRST	FL_PAPER
#define FL_STAGE_LAST	FL_HEALTH
#define FL_NSTAGES	(FL_STAGE_LAST - FL_STAGE_FIRST + 1)

enum flow_tr {
	FT_PUBLISH,		/* the chair signs the announcement */
	FT_OPEN,		/* the calendar: the first day of the window */
	FT_END,			/* the calendar: the day after the last */
	FT_CLOSE,		/* the secretariat closes registration */
	FT_EXTEND,		/* the chair extends the window */
	FT_ADM_PUBLISH,		/* the chair signs the administrative result */
	FT_STAGE_PUBLISH,	/* the chair signs a stage's result */
	FT_RANKING_SEND,	/* the ranking and the best 3 to the PPK */
	FT_CHOOSE,		/* the PPK chooses 1 of 3 */
	FT_CONSULTED,		/* the special consultations recorded */
	FT_RECOMMENDED,		/* the oversight body's recommendation */
	FT_APPOINT,		/* appointment and inauguration */
	FT__N
};

#define FLOW_MAX_GUARDS	10

/* One row of the table. */
struct flow_tr_def {
	enum flow_tr	 id;
	const char	*name;		/* "close": the audit trail's word */
	const char	*label;		/* Indonesian: "Tutup pendaftaran" */
	unsigned	 from;		/* bit per enum flow_state */
	enum flow_state	 to;		/* FL__N: the next stage, computed */
	unsigned	 roles;		/* ROLE_BIT(...); 0 with by_clock */
	bool		 by_clock;	/* taken by the calendar */
	enum rule_id	 guards[FLOW_MAX_GUARDS];
	size_t		 nguards;
};

#define FL_BIT(s)	(1u << (unsigned)(s))

extern const struct flow_tr_def flow_table[FT__N];

const char	*flow_state_name(enum flow_state);	/* "registration" */
const char	*flow_state_label(enum flow_state);	/* Indonesian */
/* The stage ids of the plan's schedule ("paper", "track_record", ...). */
const char	*flow_stage_id(enum flow_state);	/* NULL: not a stage */
bool		 flow_stage_parse(struct str id, enum flow_state *);
bool		 flow_is_stage(enum flow_state);
/* The STG-* rule of a stage; R__N for a state that is not a stage. */
enum rule_id	 flow_stage_rule(enum flow_state);

/* One stage of the plan's schedule, as the caller read it. */
struct flow_plan_stage {
	enum flow_state	 stage;
	sel_date	 starts;	/* 0: no date */
	sel_date	 ends;
};

/*
 * The selection's stages in order: every stage the profile has (an
 * STG-* rule) or the plan schedules, ordered by the plan's start date;
 * stages without a date follow in the profile's file order.  Returns
 * how many (at most FL_NSTAGES).
 */
size_t		 flow_stages(const struct profile *,
		    const struct flow_plan_stage *plan, size_t nplan,
		    enum flow_state out[FL_NSTAGES]);

/* What the store recorded, and today in the region's time zone. */
struct flow_facts {
	sel_date	 today;
	bool		 published;	/* the announcement (ANN-SIGNED) */
	bool		 has_window;
	sel_date	 open, close;	/* the window, after any extension */
	bool		 closed;	/* FT_CLOSE since the last extension */
	bool		 adm_published;	/* FT_ADM_PUBLISH */
	enum flow_state	 stages[FL_NSTAGES];	/* flow_stages */
	size_t		 nstages;
	size_t		 stages_published;	/* FT_STAGE_PUBLISH so far */
	bool		 ranking_sent, chosen, consulted, recommended,
			 appointed;
};

/* The state those facts put the selection in. */
enum flow_state	 flow_state_of(const struct flow_facts *);

/*
 * Where a transition leads from state st: its to, or for FT_ADM_PUBLISH
 * and FT_STAGE_PUBLISH the next stage (FL_RANKING after the last).
 */
enum flow_state	 flow_target(const struct flow_facts *, enum flow_tr,
		    enum flow_state st);

/*
 * A guard's result as the caller decided it (the rule modules decide:
 * window_eval, adm_min_eval, prep_eval ...).  Unset guards count as
 * passed only when the rule is absent from the profile.
 */
struct flow_guards {
	bool		 set[R__N];
	enum rule_status status[R__N];
	struct str	 detail[R__N];
};

void		 flow_guard(struct flow_guards *, enum rule_id,
		    enum rule_status, struct str detail);

/* A transition open from the current state, with its guards. */
struct flow_offer {
	const struct flow_tr_def *def;
	enum flow_state	 to;
	bool		 ready;		/* every guard passes */
	struct str	 why;		/* when not ready: the first failure */
	struct rule_result guard[FLOW_MAX_GUARDS];	/* with citations */
	size_t		 nguard;
};

/*
 * The transitions whose from includes st, each with its guards' results
 * and the profile's citations (a guard the profile does not have is left
 * out).  For FT_CLOSE and FT_END, the calendar is a guard too: the
 * window must have ended.  Returns how many (at most FT__N).
 */
size_t		 flow_offers(struct arena *, const struct profile *,
		    const struct flow_facts *, enum flow_state st,
		    const struct flow_guards *, struct flow_offer out[FT__N]);

/* May a person of role take transition t (not a calendar one)? */
bool		 flow_role_may(enum flow_tr, enum role);

/* ---- the progress page ---- */

enum flow_mark { FM_DONE, FM_CURRENT, FM_WAITING, FM_ABSENT };

struct flow_step {
	enum flow_state	 state;
	enum flow_mark	 mark;
	sel_date	 from, to;	/* done: when; waiting: planned; 0 */
};

/* The dates the caller knows of each state: from, to (0: unknown). */
struct flow_dates {
	sel_date	 d[FL__N][2];
};

/*
 * Every state of the table in this selection's order, each marked done,
 * current, waiting, or absent (a stage neither the profile nor the plan
 * has), with its dates (dates may be NULL).  Returns FL__N.
 */
size_t		 flow_progress(const struct flow_facts *, enum flow_state cur,
		    const struct flow_dates *dates,
		    struct flow_step out[FL__N]);

/* ---- an application ---- */

enum flow_app_state {
	FA_SUBMITTED,		/* registered, before the committee decides */
	FA_WITHDRAWN,		/* by the applicant */
	FA_ADM_PASSED,		/* passed the administrative selection */
	FA_ADM_FAILED,
	FA_STAGE_ABSENT,	/* absent from a stage: withdrawn from it */
	FA_STAGE_FAILED,	/* did not meet a stage's pass criterion */
	FA_TOP3,		/* among the best 3 sent to the PPK */
	FA_CHOSEN,		/* chosen by the PPK */
	FA_APPOINTED,
	FA__N
};

enum flow_app_tr {
	FAT_SUBMIT, FAT_WITHDRAW, FAT_ADM_PASS, FAT_ADM_FAIL, FAT_ABSENT,
	FAT_STAGE_FAIL, FAT_TOP3, FAT_CHOOSE, FAT_APPOINT,
	FAT__N
};

struct flow_app_tr_def {
	enum flow_app_tr id;
	const char	*name;
	const char	*label;
	unsigned	 from;		/* bit per enum flow_app_state; 0: new */
	enum flow_app_state to;
	unsigned	 roles;
	unsigned	 during;	/* bit per enum flow_state it may happen in */
	enum rule_id	 guards[FLOW_MAX_GUARDS];
	size_t		 nguards;
};

extern const struct flow_app_tr_def flow_app_table[FAT__N];

const char	*flow_app_state_name(enum flow_app_state);	/* "submitted" */
const char	*flow_app_state_label(enum flow_app_state);
bool		 flow_app_state_parse(struct str, enum flow_app_state *);
/*
 * May role take application transition t from state as while the
 * selection is in sel?  (The guards are the caller's, as above.)
 */
bool		 flow_app_may(enum flow_app_tr, enum flow_app_state as,
		    enum flow_state sel, enum role);

#endif
