/*
 * store_choice.h - the rows of the PPK's choice (017_choice.sql): the
 * interviews with the best 3 and the choice per vacancy, both kept as
 * recorded.
 */
#ifndef SELTER_STORE_STORE_CHOICE_H
#define SELTER_STORE_STORE_CHOICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/str.h"
#include "store/store.h"

struct arena;
struct stx;

struct s_ppk_interview {
	int64_t		 id, selection_id, vacancy_id, account_id;
	struct str	 held_on, notes, recorded_at, recorded_by;
};

struct s_ppk_choice {
	int64_t		 selection_id, vacancy_id, application_id, account_id;
	struct str	 chosen_on, reason, recorded_at, recorded_by;
	struct str	 reg_no, name;	/* the application's, read only */
};

enum sel_err	store_ppk_interview_add(struct stx *,
		    const struct s_ppk_interview *, int64_t *id);
/* A selection's interviews, oldest first. */
enum sel_err	store_ppk_interviews(struct stx *, struct arena *, int64_t sel,
		    struct s_ppk_interview **, size_t *n);
/* SEL_EINVAL: the vacancy has its choice already. */
enum sel_err	store_ppk_choice_add(struct stx *, const struct s_ppk_choice *);
/* A selection's choices, by vacancy. */
enum sel_err	store_ppk_choices(struct stx *, struct arena *, int64_t sel,
		    struct s_ppk_choice **, size_t *n);
/* A consultation's act (018_consult.sql). */
struct s_consult {
	int64_t		 id, selection_id, vacancy_id, account_id;
	struct str	 rule;		/* "APPT-DUKCAPIL" */
	struct str	 act;		/* "sent" or "answered" */
	struct str	 letter_no, letter_on, summary;
	struct str	 names;		/* application ids, ';'-separated */
	struct str	 recorded_at, recorded_by;
};

/* SEL_EINVAL: that act of the rule for the vacancy is recorded already. */
enum sel_err	store_consult_add(struct stx *, const struct s_consult *);
/* A selection's, by vacancy, rule and act. */
enum sel_err	store_consults(struct stx *, struct arena *, int64_t sel,
		    struct s_consult **, size_t *n);

/* The report to the oversight body (019_report.sql). */
struct s_report_sent {
	int64_t		 selection_id, account_id;
	struct str	 letter_no, letter_on, body, sha256, sent_at, sent_by;
};
/* Keeps body with its SHA-256 (set here); SEL_EINVAL: sent already. */
enum sel_err	store_report_add(struct stx *, struct arena *,
		    struct s_report_sent *);
/* SEL_ENOENT: not sent. */
enum sel_err	store_report_get(struct stx *, struct arena *, int64_t sel,
		    struct s_report_sent *);

struct s_recommend {
	int64_t		 selection_id, account_id;
	struct str	 verdict;	/* recommended, with_notes,
					   not_recommended */
	struct str	 letter_no, letter_on, text;
	bool		 binding;
	struct str	 recorded_role;	/* oversight or secretariat */
	struct str	 recorded_at, recorded_by;
};
/* SEL_EINVAL: recorded already. */
enum sel_err	store_recommend_add(struct stx *, const struct s_recommend *);
/* SEL_ENOENT: none. */
enum sel_err	store_recommend_get(struct stx *, struct arena *, int64_t sel,
		    struct s_recommend *);

/* An appointment and its inauguration (020_appoint.sql). */
struct s_appoint {
	int64_t		 selection_id, vacancy_id, application_id, account_id;
	struct str	 decree_no, decree_on, tmt, inaugurated_on;
	struct str	 mode;		/* in_person or video */
	struct str	 place, recorded_at, recorded_by;
};
/* SEL_EINVAL: the vacancy has its appointment already. */
enum sel_err	store_appoint_add(struct stx *, const struct s_appoint *);
enum sel_err	store_appoints(struct stx *, struct arena *, int64_t sel,
		    struct s_appoint **, size_t *n);
/* The applicant's birth date and record (for APPT-AGE). */
enum sel_err	store_app_person(struct stx *, struct arena *, int64_t app,
		    struct str *birth_date, struct str *record);
/* The workflow's fact (FT_APPOINT): every choice has its appointment. */
enum sel_err	store_appoint_fact(struct stx *, int64_t sel, bool *appointed);

/*
 * The workflow's fact (APPT-CHOOSE): has every vacancy with a candidate
 * who passed all nstages stages its choice?  False while none has.
 */
enum sel_err	store_choice_fact(struct stx *, int64_t sel, size_t nstages,
		    bool *chosen);

#endif
