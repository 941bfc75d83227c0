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
struct profile;

struct prep_in {
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
};

enum prep_state { PS_DONE, PS_WARN, PS_PENDING };

struct prep_step {
	const char	*label;		/* Indonesian, names the step */
	enum prep_state	 state;
	bool		 has_rule;
	struct rule_result r;		/* with has_rule */
};

#define PREP_MAX	10

struct prep_out {
	bool		 ready;		/* no step is PS_PENDING */
	struct prep_step s[PREP_MAX];
	size_t		 n;
};

void	prep_eval(struct arena *, const struct profile *,
	    const struct prep_in *, struct prep_out *);

/*
 * VAC-INSPEKTUR: does the selection need the consultation before its
 * committee is formed?  Where the profile has the rule and one of the
 * posts is the Inspektur's.
 */
struct vacancy;
bool	prep_consult_needed(const struct profile *, const struct vacancy *,
	    size_t n);

#endif
