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

/* A candidate of a stage, in vacancy and registration-number order. */
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
