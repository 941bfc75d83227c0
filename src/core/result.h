/*
 * result.h - the results of a selection's merit half (issue 12 item 3,
 * REGULATIONS.md §11): what a stage's public result must show
 * (SCORE-PUBLISH), where the confidential ranking goes (the PyB or the
 * PPK), and the shortlist of the best 3 per vacancy once the committee
 * has decided a tie at the cut-off (SCORE-TOP3, SCORE-TIES).
 *
 * The ranking itself is core/score.c's, the one implementation behind
 * `selter rank`; this file only reads its output.  Regions differ by
 * their profile's data (the "scores" parameter of SCORE-PUBLISH, the
 * "send" parameter of SCORE-TOP3, docs/profiles.md).
 *
 * Pure: no I/O, no clock.
 */
#ifndef SELTER_CORE_RESULT_H
#define SELTER_CORE_RESULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/json.h"
#include "base/str.h"
#include "core/role.h"
#include "core/rule.h"
#include "core/score.h"

struct arena;
struct buf;
struct profile;
struct prof_rule;

/* When the ranking goes straight to the PPK (SCORE-TOP3 "send"). */
enum { RD_PYB_ON_COMMITTEE = 1, RD_SEKDA = 2 };

/* The profile's data of the results (prof_rule.res). */
struct result_params {
	/* SCORE-PUBLISH "scores": the scores by rank must be published
	   (Demak 17(3)), or publishing them is the committee's choice */
	bool		 scores_required;
	bool		 has_scores;
	struct str	 scores_citation;
	/* SCORE-TOP3 "send": to whom the ranking goes, a copy, and when
	   it goes straight to the PPK */
	bool		 has_send;
	enum role	 send_to, copy_to;	/* copy ROLE__N: none */
	unsigned	 direct_when;		/* RD_* bits */
	struct str	 send_citation;
};

/* The loader's part (profile.c): is key one of ours for rule id? */
bool		result_profile_key(enum rule_id, struct str key);
/* Parses one such member into r->res; cite prefixes its citations. */
enum sel_err	result_profile_param(struct arena *, struct diag *,
		    struct str cite, const struct json *m, struct prof_rule *r);

/*
 * SCORE-PUBLISH: may a stage's result leave out the scores?  why gets
 * the rule, its citation and an Indonesian sentence.  Without the
 * profile's "scores", publishing them is the committee's choice.
 */
bool		result_scores_required(struct arena *, const struct profile *,
		    struct rule_result *why);

/* Where the ranking goes. */
struct result_route {
	enum role	 to;		/* ROLE_PYB or ROLE_PPK */
	enum role	 copy;		/* ROLE__N: none */
	bool		 direct;	/* straight to the PPK by an exception */
	struct rule_result why;		/* SCORE-TOP3 and its citation */
};

void		result_route(struct arena *, const struct profile *,
		    bool pyb_on_committee, bool sekda,
		    struct result_route *);

/* The shortlist of one vacancy after the committee's decision. */
enum result_sl {
	SL_COMPLETE,		/* the best count, no tie at the cut-off */
	SL_TIE_DECIDED,		/* a tie at the cut-off, decided */
	SL_TIE_OPEN,		/* a tie at the cut-off: the committee decides */
	SL_FEWER_OK,		/* fewer than count, the profile allows it */
	SL_FEWER_REFUSED,	/* fewer than its min_to_proceed */
};

struct result_short {
	enum result_sl	 status;
	struct str	*ids;		/* the shortlist, in order */
	size_t		 n;
	struct rule_result rule;	/* SCORE-TOP3 with the sentence */
};

/*
 * The shortlist of a vacancy's ranking r.  decided: the tied candidates'
 * ids in the committee's order (a tie_decision with stage ''), n of them,
 * or NULL: it is used only when it holds exactly r's tied_at_cutoff.
 */
void		result_shortlist(struct arena *, const struct profile *,
		    const struct rank_out *r, const struct str *decided,
		    size_t ndecided, struct result_short *out);

/* Does a decided order hold exactly the ids tied at r's cut-off? */
bool		result_tie_matches(const struct rank_out *r,
		    const struct str *ids, size_t n);

/* "78,50": hundredths with the Indonesian decimal comma. */
void		result_id_fixed2(struct buf *, int64_t hundredths);

#endif
