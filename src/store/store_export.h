/*
 * store_export.h - the rows the exports read (issue 12 item 5): a closed
 * stage's raters, scores, recusals and outcomes, the ranking sent, the
 * applicants' NIPs.  Every read of `score` or `stage_outcome` here joins
 * `stage_close`: the rows of a stage that has not closed are sealed
 * (MERIT.md) and never come back, whatever the caller asks.
 */
#ifndef SELTER_STORE_STORE_EXPORT_H
#define SELTER_STORE_STORE_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/str.h"
#include "store/store.h"

struct arena;
struct stx;

/* A rater of a stage, named as the committee's records name them. */
struct s_x_rater {
	int64_t		 account_id;
	struct str	 name;		/* member.name, else the account's */
	bool		 assessor;	/* not a committee member */
};

struct s_x_score {
	int64_t		 application_id, rater_id, value;	/* hundredths */
};

/* A candidate's outcome in a closed stage, with the application. */
struct s_x_outcome {
	struct s_application a;
	struct str	 stage;
	int64_t		 sum, count;	/* hundredths; count 0: no score */
	struct str	 outcome;	/* passed failed absent tied */
	struct str	 code;		/* blind code in that stage, or "" */
};

struct s_x_nip {
	int64_t		 application_id;
	struct str	 nip;
};

/* The raters of a closed stage: the chair, members, then assessors. */
enum sel_err	store_x_raters(struct stx *, struct arena *, int64_t sel,
		    struct str stage, struct s_x_rater **, size_t *n);
/* The scores of a closed stage (none of a stage still open). */
enum sel_err	store_x_scores(struct stx *, struct arena *, int64_t sel,
		    struct str stage, struct s_x_score **, size_t *n);
/*
 * The outcomes of closed stages, in vacancy and registration-number
 * order; stage "" for every closed stage.
 */
enum sel_err	store_x_outcomes(struct stx *, struct arena *, int64_t sel,
		    struct str stage, struct s_x_outcome **, size_t *n);
enum sel_err	store_x_nips(struct stx *, struct arena *, int64_t sel,
		    struct s_x_nip **, size_t *n);

#endif
