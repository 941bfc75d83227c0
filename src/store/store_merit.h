/*
 * store_merit.h - the rows of the merit half (009_merit.sql): the
 * candidates of a stage, as every part of issue 12 reads them.  Each part
 * (stages, scoring, results, exports, reuse) adds its own store file; this
 * header holds what they share.
 */
#ifndef SELTER_STORE_MERIT_H
#define SELTER_STORE_MERIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/str.h"
#include "store/store.h"

struct arena;
struct stx;

/*
 * The rows of the merit half, one definition for every reader (the score
 * part's store_score.h and the result part's store_result.h): a reader
 * fills what its query reads and leaves the rest zero, as its header says.
 */

/* An entitled rater of a stage. */
struct s_rater {
	struct str	 stage;			/* the closed stages' reader */
	int64_t		 account_id, member_id;	/* member 0: an assessor */
	struct str	 submitted_at;		/* "": not yet */
	struct str	 name;			/* the account's */
};

/* A rater's declared conflict of interest with a candidate. */
struct s_recusal {
	int64_t		 application_id, rater_id;
	struct str	 reason, declared_at;
};

/* A stage's closing by the chair. */
struct s_stage_close {
	struct str	 stage, closed_at, closed_by, decision;
};

/* A candidate's frozen outcome of a closed stage. */
struct s_outcome {
	int64_t		 application_id, vacancy_id;
	struct str	 reg_no, name, stage;
	struct str	 outcome;		/* passed, failed, absent */
	int64_t		 sum, count;		/* hundredths; count 0: absent */
};

/* One rater's score of a candidate in a closed stage. */
struct s_rscore {
	int64_t		 application_id, rater_id, member_id;	/* 0: assessor */
	struct str	 stage;
	int64_t		 value;			/* hundredths */
};

/* The committee's order of candidates tied at a cut-off (SCORE-TIES). */
struct s_tie {
	int64_t		 id, vacancy_id;
	struct str	 stage;			/* "": the final ranking */
	struct str	 order_ids;		/* ';'-separated applications */
	struct str	 reason, decided_at, decided_by;
};

/*
 * A candidate of a stage, in vacancy and registration-number order.  Its
 * application without the record and the frozen rule results (a.record
 * and a.rules are ""): a stage's pages and writes load every candidate
 * of the selection for each request, and those two texts were most of
 * the bytes read (bench/ranking).
 */
struct s_stage_cand {
	struct s_application a;
	bool		 absent;	/* recorded absent from this stage */
};

/*
 * The candidates of a stage (its id: "paper", "track_record", ...): the
 * applications the published administrative result passed, not
 * withdrawn, that no other closed stage stopped (every stage_outcome they
 * have elsewhere is 'passed').  Before the administrative result is
 * published there are none.  Stages close in order, so "every other
 * closed stage" is every earlier one.
 */
enum sel_err	store_stage_candidates(struct stx *, struct arena *,
		    int64_t sel, struct str stage, struct s_stage_cand **,
		    size_t *n);

#endif
