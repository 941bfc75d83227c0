/*
 * prep.h - is a selection ready to publish its announcement?  The steps of
 * preparation in the regulation's order (REGULATIONS.md §3 stages 1-4),
 * each with the rule it rests on.
 *
 * Pure: the caller gathers the facts from the store and the other core
 * modules (committee_eval, weights_eval, window_eval); this module decides
 * which steps are done, which block publication, and which only warn.
 */
#ifndef SELTER_CORE_PREP_H
#define SELTER_CORE_PREP_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"
#include "core/date.h"
#include "core/rule.h"

struct arena;
struct prac_window;
struct profile;

struct prep_in {
	struct str	 oversight;	/* the region's body; "": the profile's */
	size_t		 nvac;		/* vacancies */
	size_t		 nvac_reasonless;
	bool		 inspektur;	/* one of them is the Inspektur */
	bool		 plan_complete;	/* duties, standard, methods, system,
					   schedule */
	bool		 weights_ok;	/* SCORE-WEIGHTS passes */
	bool		 plan_sent;	/* to the oversight body */
	bool		 recommended;	/* its recommendation recorded */
	sel_date	 consult_on;	/* VAC-INSPEKTUR, 0: not recorded */
	bool		 consulted;
	bool		 committee_valid;	/* every COM-* rule passes */
	bool		 committee_confirmed;	/* by the PPK */
	sel_date	 committee_on;
	size_t		 content_missing;	/* ANN-CONTENT items not ticked */
	bool		 has_window;
	bool		 window_ok;	/* ANN-DURATION passes */

	/* PRAC-* (REGULATIONS.md §15), read only where the profile has
	   them: */
	sel_date	 announce_on;	/* the announcement's date, 0: none */
	size_t		 oversight_letters;	/* PRAC-OVERSIGHT-APPROVAL */
	bool		 acting_head;	/* PRAC-HOME-MINISTER: led by a Pj */
	const struct prac_window *windows;	/* the selection's own */
	size_t		 nwindows;
	sel_date	 minister_on;	/* the Minister's approval, 0: none */
	bool		 assessor_set;	/* PRAC-ASSESSOR: provider recorded */
	int		 assessor_grade;	/* enum accr_grade */
	sel_date	 assessor_valid_until;
	sel_date	 assess_ends;	/* the assessment stage's end, 0 */
};

/* Which step: for callers that guard a transition with one (flow). */
enum prep_key {
	PK_VACANCIES, PK_PLAN, PK_PLAN_SENT, PK_RECOMMENDATION, PK_CONSULT,
	PK_COMMITTEE, PK_CONTENT, PK_WINDOW, PK_OVERSIGHT_APPROVAL,
	PK_HOME_MINISTER,
	PK__N
};

enum prep_state { PS_DONE, PS_WARN, PS_PENDING };

struct prep_step {
	enum prep_key	 key;
	const char	*label;		/* Indonesian, names the step */
	enum prep_state	 state;
	bool		 has_rule;
	struct rule_result r;		/* with has_rule */
};

#define PREP_MAX	PK__N

struct prep_out {
	bool		 ready;		/* no step is PS_PENDING */
	struct prep_step s[PREP_MAX];
	size_t		 n;
};

/*
 * Every step the profile has, in order.  A PS_PENDING step blocks the
 * announcement's publication; each step's r carries the rule it rests on
 * (id, detail, citation), so a caller guarding the announce step lists
 * the pending ones as its reasons.
 */
void	prep_eval(struct arena *, const struct profile *,
	    const struct prep_in *, struct prep_out *);
/* The step of that key, or NULL when the profile has none. */
const struct prep_step *prep_find(const struct prep_out *, enum prep_key);

/*
 * VAC-INSPEKTUR: does the selection need the consultation before its
 * committee is formed?  Where the profile has the rule and one of the
 * posts is the Inspektur's.
 */
struct vacancy;
bool	prep_consult_needed(const struct profile *, const struct vacancy *,
	    size_t n);

#endif
