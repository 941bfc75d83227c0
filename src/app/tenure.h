/*
 * tenure.h - an appointed official's term (issue 14 item 5,
 * REGULATIONS.md §13): every appointment recorded on the appointment page
 * (app/appoint.h) starts one, named by its vacancy.  Its dates come from
 * the core (core/tenure.h), each under its rule and the profile's
 * citation; BKPSDM (the region's secretariat) records the evaluation
 * team (TEN-EVAL), the yearly performance results (TEN-PERF), a move to
 * another JPT post (TEN-MUTATION) and the end of the term (TEN-2Y-LOCK,
 * PRAC-NO-REPLACE-2Y); the PPK decides the extension (TEN-5Y); the
 * oversight body reads.  Each act is one transaction with its audit
 * event; a refusal names its field and changes nothing.
 *
 * Reminders: app_tenure_remind queues in the outbox one mail to the
 * region's secretariat per date of a running term entering the 90, 30 or
 * 7-day window, once (term_reminder), with an audit event.
 */
#ifndef SELTER_APP_TENURE_H
#define SELTER_APP_TENURE_H

#include "app/app.h"
#include "core/tenure.h"
#include "store/store_tenure.h"

#define TENURE_MAX_MARKS	(TEN_MAX_MARKS + 2)
#define TENURE_DUE_DAYS		90

struct tenure_term {
	struct s_term	 t;
	const struct profile *profile;
	sel_date	 tmt, inaugurated, end, today;
	struct str	 today_iso;
	/* the core's dates, and TEN-PERF's derived ones, in date order */
	struct ten_mark	 marks[TENURE_MAX_MARKS];
	size_t		 nmarks;
	bool		 has_team, has_outcome, has_move, has_end;
	struct s_term_team team;
	struct s_term_outcome outcome;
	struct s_term_move move;
	struct s_term_end ended;
	struct s_term_perf *perf;
	size_t		 nperf;
	struct ten_perf_state ps;
	struct rule_result monitor;	/* TEN-MONITOR today */
	bool		 may_record, may_decide;
};

/* A date of a running term within TENURE_DUE_DAYS. */
struct tenure_due {
	const struct tenure_term *term;
	const struct ten_mark *mark;
	int		 days_left;
};

struct tenure_list {
	struct tenure_term *terms;
	size_t		 n;
	struct tenure_due *due;		/* by day */
	size_t		 ndue;
	struct str	 zone;
};

/* The terms who may read (ACT_TENURE_VIEW), and what falls due. */
enum sel_err	app_tenure_list(struct app *, struct arena *,
		    const struct who *, struct tenure_list *, struct app_msg *);
/* One term (vacancy vac): SEL_ENOENT, SEL_EPERM with m. */
enum sel_err	app_tenure_view(struct app *, struct arena *,
		    const struct who *, int64_t vac, struct tenure_term *,
		    struct app_msg *);

/*
 * The acts on term vac, from form f; *field names the field at fault.
 * team (BKPSDM): formed_on, letter_no, member_1..3, kind_1..3
 *   ("external", "internal").
 * outcome (the PPK): extended ("yes", "no"), letter_no, letter_on, note.
 * perf (BKPSDM): kind ("year", "improve"), year, met ("yes", "no"),
 *   assessed_on, note.
 * move (BKPSDM): moved_on, to_post, decree_no, coordination, tested = 1;
 *   the term ends the day before.
 * end (BKPSDM): ended_on, reason (completed, replaced, dismissed,
 *   retired, resigned, deceased), exception = 1, note.
 */
enum tenure_act { TA_TEAM, TA_OUTCOME, TA_PERF, TA_MOVE, TA_END, TA__N };
/* "tim", "hasil", "kinerja", "mutasi", "akhir"; TA__N: unknown. */
enum tenure_act	tenure_act_word(struct str);
enum sel_err	app_tenure_act(struct app *, struct arena *,
		    const struct who *, int64_t vac, enum tenure_act,
		    const struct form *, struct app_msg *,
		    const char **field);

/* The reminders due today, queued once; *queued: how many mails. */
enum sel_err	app_tenure_remind(struct app *, struct arena *,
		    int64_t *queued);

#endif
