/*
 * score.h - stage weights (SCORE-WEIGHTS, SCORE-WEIGHTS-SUM), the final
 * score (SCORE-FINAL), ranking with ties (SCORE-TIES) and the shortlist
 * (SCORE-TOP3).  REGULATIONS.md §11.
 *
 * Pure, integer only.  Weights and scores are hundredths (SCORE_ONE == 1
 * point, or 1 percent).  A stage scored by several members is kept exact as
 * (sum, count) until the one half-up rounding of the final score; ranking
 * is by that rounded value and equal values are a tie the software never
 * breaks.
 */
#ifndef SELTER_CORE_SCORE_H
#define SELTER_CORE_SCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/json.h"
#include "core/rule.h"
#include "core/vocab.h"

struct arena;
struct profile;

#define SCORE_ONE	INT64_C(100)

struct weights {
	int64_t		 w[ST__N];	/* hundredths of a percent */
	struct str	 reason;	/* adjustment_reason, may be empty */
};

struct weights_out {
	bool		 valid;
	struct rule_result rules[2];
	size_t		 nrules;
};

/* A stage score: sum / count, count >= 1 (a plain number has count 1). */
struct stage_score {
	int64_t		 sum;		/* hundredths */
	int64_t		 count;
	bool		 present;
};

struct ranked {
	struct str	 id;
	struct stage_score s[ST__N];
	int64_t		 final;		/* hundredths, rounded half up */
	int		 rank;		/* 1-based, shared by a tie */
	bool		 tie;
};

struct rank_out {
	struct ranked	*r;		/* in rank order; ties by id */
	size_t		 n;
	size_t		 nshort;	/* r[0..nshort) are the shortlist */
	size_t		 ntied;		/* r[nshort..nshort+ntied) tied at cut */
	bool		 complete;
	struct str	 reason;	/* when incomplete */
	struct rule_result rules[3];	/* SCORE-FINAL, -TIES, -TOP3 */
	size_t		 nrules;
};

enum sel_err	weights_decode(const struct json *, struct weights *,
		    struct diag *);
void		weights_eval(struct arena *, const struct profile *,
		    const struct weights *, struct weights_out *);

/* Final score of one candidate; SEL_ERANGE on overflow. */
enum sel_err	score_final(const struct weights *,
		    const struct stage_score s[ST__N], int64_t *out);

/* Decodes {"weights": ..., "candidates": [...]} and ranks them. */
enum sel_err	rank_decode_eval(struct arena *, const struct profile *,
		    const struct json *, struct rank_out *, struct diag *);

/* Display value of a stage: the mean rounded half up to hundredths. */
int64_t		stage_display(const struct stage_score *);

#endif
