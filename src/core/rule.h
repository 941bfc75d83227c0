/*
 * rule.h - rule ids of REGULATIONS.md and the result of deciding one.
 *
 * The id list is the whole catalogue, so a profile can carry the citation
 * of every rule, including those a later layer enforces (workflow, web).
 * Which rules a region has, for which posts, with which parameters, is the
 * profile's business (profile.h), never a region name in code.
 */
#ifndef SELTER_CORE_RULE_H
#define SELTER_CORE_RULE_H

#include "base/str.h"

enum rule_id {
	/* Decided from a candidate's record (elig.c). */
	R_ELIG_EMPLOYMENT, R_ELIG_REGION, R_ELIG_EDUCATION, R_ELIG_GRADE,
	R_ELIG_PRIOR_POST, R_ELIG_EXPERIENCE, R_ELIG_AGE, R_ELIG_DISCIPLINE,
	R_ELIG_CRIMINAL, R_ELIG_EXAMINATION, R_ELIG_PERFORMANCE,
	R_ELIG_RECOMMENDATION,
	/* "Diutamakan": an advisory, never a verdict. */
	R_ELIG_TRAINING,
	/* The committee's judgement: the checklist. */
	R_ELIG_COMPETENCY, R_ELIG_TRACK_RECORD, R_ELIG_HEALTH, R_ELIG_OTHER,
	/* committee.c */
	R_COM_SIZE, R_COM_INTERNAL_MAX, R_COM_ELEMENTS, R_COM_INTERNAL_RANK,
	R_COM_ASSESSOR, R_COM_MEMBER,
	/* score.c */
	R_SCORE_WEIGHTS, R_SCORE_WEIGHTS_SUM, R_SCORE_FINAL, R_SCORE_TIES,
	R_SCORE_TOP3,
	/* window.c */
	R_ANN_DURATION, R_ANN_EXTEND, R_ANN_AFTER_EXTENSIONS,
	R_ADM_MIN_3,
	/* Carried with their citations for the workflow (later layers). */
	R_COM_MULTI_POST, R_COM_SEKDA_PROVINCE, R_COM_TERM,
	R_VAC_REASON, R_VAC_PLAN, R_VAC_INSPEKTUR,
	R_ANN_OPEN, R_ANN_SCOPE, R_ANN_CONTENT, R_ANN_SIGNED, R_ANN_NO_FEE,
	R_ADM_COMPLETE, R_ADM_INVITE,
	R_STG_PAPER, R_STG_TRACK, R_STG_ASSESS, R_STG_INTERVIEW, R_STG_HEALTH,
	R_STG_REUSE, R_SCORE_PUBLISH, R_SCORE_PPK_INTERVIEW,
	R_APPT_CHOOSE, R_APPT_SEKDA, R_APPT_SEKWAN, R_APPT_DUKCAPIL,
	R_APPT_INSPEKTUR, R_APPT_KASN_REPORT, R_APPT_AGE, R_APPT_REPORT,
	R_TEN_5Y, R_TEN_EVAL, R_TEN_2Y_LOCK, R_TEN_PERF, R_TEN_DISMISS,
	R_TEN_MUTATION, R_TEN_REORG, R_TEN_MONITOR, R_TEN_CANDIDACY,
	R_TEN_TALENT_POOL,
	/* Today's practice beyond the seeds (REGULATIONS.md §15): a profile
	   turns each on with its own citation (core/prac.h). */
	R_PRAC_OVERSIGHT_APPROVAL, R_PRAC_HOME_MINISTER, R_PRAC_ASSESSOR,
	R_PRAC_MINIMUM, R_PRAC_ROUTE, R_PRAC_NO_REPLACE_2Y,
	R__N
};

enum rule_class {
	RC_ELIG,		/* pass / fail / missing from the record */
	RC_ADVISORY,		/* met / not_met, never changes a verdict */
	RC_CHECKLIST,		/* for the committee to judge */
	RC_COMMITTEE,
	RC_SCORE,
	RC_ANN,
	RC_ADM,			/* parameters carried; decided by the
				   registration workflow (a later issue) */
	RC_WORKFLOW,		/* citation only, for now */
	RC_PRAC,		/* 2023-2026 practice: profile_prac.c */
};

enum rule_status { RS_PASS, RS_FAIL, RS_MISSING };

struct rule_result {
	enum rule_id	 id;
	enum rule_status status;
	struct str	 detail;	/* Bahasa Indonesia, one sentence */
	struct str	 citation;
};

const char	*rule_name(enum rule_id);		/* "ELIG-GRADE" */
enum rule_class	 rule_class(enum rule_id);
/* 1 and *out set when the name is in the catalogue, else 0. */
int		 rule_lookup(struct str name, enum rule_id *out);
const char	*rule_status_name(enum rule_status);	/* "pass" */

#endif
