/*
 * reuse.h - the use cases of STG-REUSE: a region's record of passed
 * assessments (written when a selection's assessment stage closes, or
 * entered by hand by the secretariat for one held outside selter), and
 * applying a result on record to a candidate of a later selection's
 * assessment stage.  The decision is the core's (core/reuse.h); each
 * write is one transaction with its audit event, and a refusal changes
 * nothing.
 */
#ifndef SELTER_APP_REUSE_H
#define SELTER_APP_REUSE_H

#include "app/app.h"
#include "core/reuse.h"
#include "store/store_merit.h"
#include "store/store_reuse.h"

/* A result on record for a candidate, with the core's verdict. */
struct reuse_option {
	struct s_assess_rec rec;
	struct reuse_verdict v;
};

/* A candidate of the assessment stage and what the region has for them. */
struct reuse_cand {
	struct s_stage_cand c;
	struct str	 nip;
	struct reuse_option *opt;
	size_t		 nopt;
	const struct s_reuse *applied;	/* NULL: none */
	bool		 scored;	/* a rater has scored them here */
};

struct reuse_view {
	struct sel_view	 v;
	const struct prof_rule *rule;	/* STG-REUSE's entry, NULL: none */
	sel_date	 stage_on;	/* the plan's assessment, last day */
	bool		 closed;	/* the assessment stage is closed */
	bool		 may_apply;	/* ACT_REUSE_APPLY here */
	struct reuse_cand *cand;
	size_t		 ncand;
	struct s_reuse	*applied;
	size_t		 napplied;
};

/*
 * The page of selection sel's assessment stage: its candidates, each with
 * the results on record for their NIP in the region and the verdict of
 * each, and the reuses applied.  For those who may apply a result or read
 * the trail (SEL_EPERM otherwise).
 */
enum sel_err	app_reuse_view(struct app *, struct arena *, const struct who *,
		    int64_t sel, struct reuse_view *, struct app_msg *);

/*
 * Applies a result on record to a candidate: fields "application",
 * "record" and "confirm" (= "1", the ticked statement).  On a refusal
 * *field names the field at fault (NULL: none) and m says why, with the
 * rule and its citation when the core refused.
 */
enum sel_err	app_reuse_apply(struct app *, struct arena *,
		    const struct who *, int64_t sel, const struct form *,
		    struct app_msg *, const char **field);

/* The regions where w may keep results by hand, and their records. */
struct reuse_region {
	struct s_region	 region;
	const struct profile *profile;
	const struct prof_rule *rule;	/* STG-REUSE, NULL: none */
	struct s_assess_rec *rec;
	size_t		 nrec;
};
enum sel_err	app_reuse_regions(struct app *, struct arena *,
		    const struct who *, struct reuse_region **, size_t *n);

/*
 * Enters a result held outside selter (form fields: region, nip, name,
 * level, post_title, source, provider, accreditation, held_on,
 * result_on, passed, score, managerial, social, field, report_ref,
 * stop_reason), audited as "assessment_record".  *id: the new record.
 */
enum sel_err	app_reuse_record(struct app *, struct arena *,
		    const struct who *, const struct form *, int64_t *id,
		    struct app_msg *, const char **field);

/*
 * Inside the transaction that closes selection sel's assessment stage
 * (after its stage_outcome rows are written): a record of each passed
 * candidate, one audit event each ("assessment_record").  Nothing when
 * the profile has no STG-REUSE.  *n: how many were written.
 */
enum sel_err	reuse_record_from_stage(struct app *, struct stx *,
		    struct arena *, const struct who *, int64_t sel,
		    size_t *n);

/* Inside app (reuse_rec.c): adds record r, stamped and audited. */
enum sel_err	reuse_record_add(struct app *, struct stx *, struct arena *,
		    const struct who *, const struct profile *,
		    struct s_assess_rec *r, int64_t *id);

#endif
