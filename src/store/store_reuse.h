/*
 * store_reuse.h - the rows of STG-REUSE (014_reuse.sql): a region's
 * assessment results on record (from a closed assessment stage, or
 * entered by hand) and the reuses applied in a later selection.  Both are
 * append-only.  Deciding whether a result may be reused is the core's
 * (core/reuse.h); this file only keeps and reads rows.
 */
#ifndef SELTER_STORE_REUSE_H
#define SELTER_STORE_REUSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/str.h"
#include "store/store.h"

struct arena;
struct stx;

#define REUSE_NPARTS	3	/* managerial, socio-cultural, field */

struct s_assess_rec {
	int64_t		 id, region_id;
	struct str	 nip, name;
	int64_t		 account_id;	/* 0: none */
	int64_t		 selection_id;	/* 0: held outside selter */
	int64_t		 application_id;	/* 0: by hand */
	struct str	 source;	/* by hand: the selection, in words */
	struct str	 level;		/* "jpt_pratama" ... */
	struct str	 post_title, provider, accreditation;
	struct str	 held_on, result_on;	/* ISO dates */
	bool		 passed;
	int64_t		 score_sum, score_count;	/* hundredths */
	int64_t		 part[REUSE_NPARTS];	/* hundredths, -1: none */
	struct str	 report_ref, stop_reason;
	struct str	 origin;	/* "stage" or "hand" */
	struct str	 recorded_at, recorded_by;
	struct str	 source_title;	/* the selection's title when in selter */
};

/* SEL_EINVAL: a record of that application exists already. */
enum sel_err	store_assess_rec_add(struct stx *, const struct s_assess_rec *,
		    int64_t *id);
enum sel_err	store_assess_rec_get(struct stx *, struct arena *, int64_t id,
		    struct s_assess_rec *);
/* A region's records, newest first; nip "" for all of them. */
enum sel_err	store_assess_recs(struct stx *, struct arena *,
		    int64_t region, struct str nip, struct s_assess_rec **,
		    size_t *n);

/*
 * The passed candidates of selection sel's closed assessment stage, as
 * records to add (region, NIP, name, account, application, level and
 * title of the vacancy, the stage's score as stage_outcome froze it and
 * the mean of each part over the raters' scores, provider and
 * accreditation from the plan, held_on the stage's last planned day),
 * leaving out applications recorded already and those that took a
 * result on record (STG-REUSE) instead.  result_on and the
 * recorded_* fields are the caller's.  SEL_ESTATE: the stage is not
 * closed (a stage's scores are read only once it is).
 */
enum sel_err	store_assess_stage_rows(struct stx *, struct arena *,
		    int64_t sel, struct s_assess_rec **, size_t *n,
		    struct str *closed_at);

/* What became of an application after its assessment (enum reuse_after
 * of core/reuse.h: 0 stopped, 1 continued, 2 still in). */
enum sel_err	store_assess_after(struct stx *, int64_t application_id,
		    int *after);

struct s_reuse {
	int64_t		 application_id, selection_id, record_id;
	struct str	 valid_until, applied_at, applied_by;
	struct str	 reg_no, name;	/* the application's, for lists */
	/* The record's, for the stage's score and the page: the score as
	   the record keeps it (sum/count, hundredths), its provider and
	   date.  A candidate with a reuse takes this score in the stage. */
	int64_t		 score_sum, score_count;
	struct str	 provider, held_on;
};

/* SEL_EINVAL: the application has a reuse already. */
enum sel_err	store_reuse_add(struct stx *, const struct s_reuse *);
/* The reuses applied in a selection, by registration number, with the
 * score each brings to the assessment stage. */
enum sel_err	store_reuses(struct stx *, struct arena *, int64_t sel,
		    struct s_reuse **, size_t *n);
/* Does the application have a score in this stage (a rater's)? */
enum sel_err	store_stage_scored(struct stx *, int64_t application_id,
		    struct str stage, bool *scored);
/* Is the stage of the selection closed (a stage_close row)? */
enum sel_err	store_stage_closed(struct stx *, int64_t sel,
		    struct str stage, bool *closed);

#endif
