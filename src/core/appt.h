/*
 * appt.h - the PPK's choice (REGULATIONS.md §11-12): the interview the
 * PPK may hold with the best 3 before choosing (SCORE-PPK-INTERVIEW) and
 * the choice of one of them (APPT-CHOOSE), decided on the shortlist the
 * committee sent (core/result.c's, after its tie decision).
 *
 * Pure: no I/O, no clock; the caller gives the days.
 */
#ifndef SELTER_CORE_APPT_H
#define SELTER_CORE_APPT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"
#include "core/date.h"
#include "core/rule.h"

struct arena;
struct profile;

/*
 * SCORE-PPK-INTERVIEW: may the PPK record an interview with the best 3 of
 * this selection's region?  why: the rule with its citation and a
 * sentence (RS_FAIL, with the reason, when the regulation has none).
 */
bool		appt_interview_allowed(struct arena *, const struct profile *,
		    struct rule_result *why);

/* A day the PPK names (an interview held, a choice made). */
struct appt_days {
	sel_date	 sent;		/* the ranking reached the PPK */
	sel_date	 today;		/* the region's calendar day */
};

/*
 * Is day d between the sending of the ranking and today (both
 * included)?  why->detail says which end it falls outside; what names
 * the act ("wawancara", "keputusan").
 */
bool		appt_day_ok(struct arena *, const struct appt_days *,
		    sel_date d, const char *what, struct rule_result *why);

/* APPT-CHOOSE as the page states it: the rule, its citation, a sentence. */
void		appt_choose_rule(struct arena *, const struct profile *,
		    struct rule_result *);

/*
 * APPT-CHOOSE: may the PPK choose candidate id (a registration number)
 * for a vacancy whose shortlist is ids[0..n)?  Only one of them; a
 * vacancy without a shortlist has no choice.  why: the rule with its
 * citation and the sentence saying why not.
 */
bool		appt_choose_ok(struct arena *, const struct profile *,
		    const struct str *ids, size_t n, struct str id,
		    struct rule_result *why);

/* ---- appointment (APPT-AGE) ---- */

struct candidate;
struct vacancy;

/*
 * APPT-AGE: is the chosen candidate within the post's age limit on the
 * day of appointment?  The limit is the post's ELIG-AGE entry (with its
 * higher limit for a declaration, read from the candidate's record),
 * applied on that day whatever the entry's "at" says: the appointment
 * is when the regulation reads the age.  No ELIG-AGE for the post: no
 * limit.  why: APPT-AGE with its citation (ELIG-AGE's when the profile
 * has no APPT-AGE) and the sentence with the age.
 */
bool		appt_age_ok(struct arena *, const struct profile *,
		    const struct vacancy *, const struct candidate *,
		    sel_date on, struct rule_result *why);

/* ---- the special consultations (APPT-SEKDA, -SEKWAN, -DUKCAPIL,
   -INSPEKTUR) ---- */

struct json;
struct diag;
struct prof_rule;
struct vacancy;
struct cal;

/* The profile's data of a consultation rule (prof_rule.appt). */
struct appt_params {
	struct str	 with;		/* whom: "Gubernur" ("": the rule's) */
	bool		 has_answer;
	bool		 answer;	/* an answer is awaited (false: a
					   notification letter) */
	bool		 minister_chooses;	/* "chooser": "minister" */
	int		 names;		/* proposed names (0: none) */
	int		 within_days;	/* of receiving the result; 0: none */
	bool		 working_days;	/* "days": "working" */
	/* ---- letters ---- APPT-REPORT's copies (tembusan) */
	struct appt_copy *copies;
	size_t		 ncopies;
	/* ---- end letters ---- */
};

/* The loader's part: is key one of ours for rule id? */
bool		appt_profile_key(enum rule_id, struct str key);
/* Parses one such member into r->appt. */
enum sel_err	appt_profile_param(struct arena *, struct diag *,
		    const struct json *m, struct prof_rule *r);

/* One consultation a post needs before its appointment. */
struct appt_consult {
	enum rule_id	 rule;
	struct str	 citation;
	struct str	 with;		/* whom, in words */
	struct str	 what;		/* "Koordinasi dengan", "Usul nama
					   calon kepada", ...: then whom */
	bool		 answer;	/* an answer must be recorded */
	bool		 minister_chooses;	/* the answer is the choice */
	int		 names;
	sel_date	 due;		/* the last day to send (0: none) */
	struct str	 detail;	/* the sentence, with the deadline */
};

#define APPT_MAX_CONSULTS	4

/*
 * The consultations the post v needs under the profile: each rule whose
 * entry applies to it (its "when", or without one the post the rule is
 * named after: Sekda, Sekwan, Dukcapil, Inspektur).  received: the day
 * the result reached the PPK, for a deadline ("within_days"; calendar
 * days unless "days" is "working", counted on cal).  SEL_ERANGE when the
 * calendar does not cover the deadline's year.
 */
enum sel_err	appt_consults(struct arena *, const struct profile *,
		    const struct vacancy *v, const struct cal *,
		    sel_date received, struct appt_consult out[APPT_MAX_CONSULTS],
		    size_t *n);

/* ---- letters ---- (appt_report.c: issue 14 item 3) */

/* A copy of the report (tembusan): to whom, under which article. */
struct appt_copy {
	struct str	 to;		/* "Menteri Dalam Negeri" */
	struct str	 citation;	/* "Pasal 26 ayat (2) huruf b" */
};

#define APPT_MAX_COPIES	8

/* The loader's part for APPT-REPORT: "copies", an array of objects
   {"to": ..., "citation": ...}. */
bool		appt_report_key(enum rule_id, struct str key);
enum sel_err	appt_report_param(struct arena *, struct diag *,
		    const struct json *m, struct appt_params *);
/* The copies the profile's APPT-REPORT names (none: 0). */
size_t		appt_copies(const struct profile *,
		    const struct appt_copy **out);

/*
 * APPT-KASN-REPORT, APPT-REPORT: the oversight body's recommendation
 * opens the appointment unless it refuses (not_recommended); a binding
 * one ("tidak dapat dilanjutkan", a re-selection, a correction) opens it
 * only once its follow-up is recorded, and a refusal never (its
 * follow-up is recorded all the same).
 */
bool		appt_rec_opens(bool refused, bool binding, bool followed_up);
/* Does the recommendation wait for its follow-up? */
bool		appt_rec_awaits_followup(bool binding, bool followed_up);
/* ---- end letters ---- */

#endif
