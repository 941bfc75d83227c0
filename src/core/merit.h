/*
 * merit.h - the scoring of a stage (issue 12 item 2; REGULATIONS.md
 * STG-*, SCORE-FINAL, SCORE-TIES): who is entitled to rate it, whether a
 * person may rate a candidate, a score as typed ("78,5"), the stage score
 * of a candidate (the mean of the raters not recused), the seal (nobody
 * reads another rater's scores until every entitled rater has submitted)
 * and the stage's pass criterion (a minimum, the best N per vacancy, both
 * or neither), with ties across the best-N cut-off reported, never broken.
 *
 * Pure: the caller gives the people, the scores and the decisions.
 */
#ifndef SELTER_CORE_MERIT_H
#define SELTER_CORE_MERIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/str.h"
#include "core/flow.h"
#include "core/rule.h"
#include "core/score.h"

struct arena;
struct profile;

/* A person as the stage sees them: their grants and committee seat. */
struct merit_person {
	int64_t		 account_id;
	int64_t		 member_id;	/* 0: not a committee member */
	bool		 chair, member;	/* a seat (grant chair / member) */
	bool		 left;		/* the member was replaced */
	bool		 assessor;	/* the assessor grant */
	bool		 narasumber;	/* a resource person */
	bool		 secretariat;
};

/* Who rates a stage, as the profile says. */
enum merit_by {
	MB_COMMITTEE = 1,	/* members and chair with an account */
	MB_ASSESSOR = 2,	/* the assessor grant */
	MB_SECRETARIAT = 4,	/* records the health unit's result */
};

/*
 * The raters of a stage: MB_* bits, and the rule (the stage's STG-*) with
 * the profile's citation and a sentence saying who.  0 when the profile
 * has no such stage.
 */
unsigned	merit_by(const struct profile *, enum flow_state stage,
		    struct rule_result *why);

/*
 * The entitled raters among people (in order): indexes into people, in
 * out (room for n); returns how many.  Committee: a member or the chair
 * with an account, not left; assessors: the grant; health: the opener
 * when of the secretariat, else the first of the secretariat.  Never a
 * narasumber.
 */
size_t		merit_entitled(const struct profile *, enum flow_state stage,
		    const struct merit_person *people, size_t n,
		    int64_t opener, size_t *out);

/*
 * The profile's STG-ASSESS "raters": a non-empty array of "committee",
 * "assessor" as PROF_RATE_* bits (the loader's, core/stage.c).
 */
struct diag;
struct json;
enum sel_err	merit_raters_parse(struct diag *, const struct json *,
		    unsigned *out);

/* Whether one person may rate a candidate now. */
enum merit_may {
	MM_OK,
	MM_NARASUMBER,		/* STG-INTERVIEW: never scores */
	MM_NOT_ENTITLED,	/* not among the stage's raters */
	MM_RECUSED,		/* declared a conflict of interest */
};

/*
 * narasumber: the person holds that grant in the selection; entitled:
 * among the stage's raters (stage_rater).  why gets the rule and its
 * citation (STG-INTERVIEW for a narasumber, the stage's otherwise) and an
 * Indonesian sentence.
 */
enum merit_may	merit_may_rate(struct arena *, const struct profile *,
		    enum flow_state stage, bool narasumber, bool entitled,
		    bool recused, struct rule_result *why);

/*
 * A score as typed: 0 to 100 with at most two decimals, a comma or a
 * point ("78,5", "78.50", "100"); hundredths in *out.  False otherwise.
 */
bool		merit_parse(struct str, int64_t *out);
/* "78,50" in buf (8 bytes at least). */
const char	*merit_fmt(int64_t hundredths, char *buf, size_t n);

/* One rater's score of one candidate. */
struct merit_score {
	int64_t		 rater;		/* account id */
	int64_t		 value;		/* hundredths */
	bool		 recused;	/* the rater is recused from him */
};

/* The mean of the scores of raters not recused, exact (count 0: none). */
struct stage_score merit_stage_score(const struct merit_score *, size_t n);

/* A rater of the stage, for the seal. */
struct merit_rater {
	int64_t		 account_id;
	bool		 submitted;
	bool		 recused_all;	/* recused from every candidate */
};

/*
 * Sealed while some entitled rater has not submitted their sheet (a rater
 * recused from every candidate counts as done); *done: those done.  A
 * stage without raters is sealed.
 */
bool		merit_sealed(const struct merit_rater *, size_t n,
		    size_t *done);

/* The pass criterion of a stage (selection_stage.pass_min, pass_best). */
struct merit_pass {
	int64_t		 min;		/* hundredths; -1: none */
	int		 best;		/* best N per vacancy; 0: none */
};

enum merit_outcome { MO_PASSED, MO_FAILED, MO_ABSENT, MO_TIED };
const char	*merit_outcome_name(enum merit_outcome);	/* "passed" */
const char	*merit_outcome_label(enum merit_outcome);	/* Indonesian */

/* A candidate of the stage. */
struct merit_cand {
	int64_t		 id;		/* application */
	int64_t		 vacancy;
	struct stage_score s;		/* count 0: no score */
	bool		 absent;
};

/* The chair's decision on a tie at a vacancy's cut-off (SCORE-TIES). */
struct merit_tie {
	int64_t		 vacancy;
	const int64_t	*order;		/* the tied applications, in order */
	size_t		 n;
};

/* A tie across a vacancy's best-N cut-off, left to the committee. */
struct merit_tie_at {
	int64_t		 vacancy;
	int64_t		 value;		/* the displayed score they share */
	size_t		 places;	/* how many of them may pass */
	int64_t		*ids;		/* the tied applications */
	size_t		 n;
	bool		 decided;	/* a decision covers exactly them */
};

struct merit_pass_out {
	enum merit_outcome *outcome;	/* per candidate, in input order */
	struct merit_tie_at *ties;
	size_t		 nties;
	bool		 undecided;	/* some tie has no decision: MO_TIED */
};

/*
 * The outcome of each candidate.  A candidate is compared by the stage
 * score as displayed (stage_display, half up to hundredths): at least the
 * minimum passes; the best N per vacancy are those above the N-th
 * displayed value; those sharing the N-th value when they do not all fit
 * are a tie (SCORE-TIES): decided by ties[] when one has exactly the tied
 * set (its first places pass), else MO_TIED.  Absent candidates are
 * MO_ABSENT, a candidate without a score MO_FAILED.
 */
void		merit_pass_eval(struct arena *, const struct merit_pass *,
		    const struct merit_cand *, size_t n,
		    const struct merit_tie *ties, size_t nties,
		    struct merit_pass_out *);

#endif
