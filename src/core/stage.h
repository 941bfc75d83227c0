/*
 * stage.h - what a region's regulation says of each stage after the
 * administrative selection (STG-PAPER, -TRACK, -ASSESS, -INTERVIEW,
 * -HEALTH), as profile data, and the checks of a stage's plan.
 *
 * A profile's STG-* entry may carry (docs/profiles.md, "Stages"):
 * - "label": the stage's name as the article words it ("Tes kesehatan dan
 *   psikologi"), shown on the stage's pages and in the invitations;
 * - "video_conference": {"mode": "allowed" | "required", "citation"}: the
 *   stage may (or must) be held by video conference (the Covid
 *   procedures); without it the plan names a place, never a link;
 * - "steps": what the article says the stage consists of, each
 *   {"id", "label", "citation"}; the id is one of the stage's own words
 *   (stage_step_word), and some of them turn a part of the application on
 *   (the integrity instrument, the inquiry notes, the standardised
 *   material, resource persons at the interview).  The label is the
 *   Indonesian sentence people read.
 *
 * The code decides by these ids, never by a region's name.  Pure: no I/O,
 * no clock.  Parameters live in the profile's arena.
 */
#ifndef SELTER_CORE_STAGE_H
#define SELTER_CORE_STAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"
#include "base/str.h"
#include "core/flow.h"

struct arena;
struct diag;
struct json;
struct profile;
struct prof_rule;

enum stage_vc { SVC_NONE, SVC_ALLOWED, SVC_REQUIRED };

enum stage_step_id {
	/* STG-PAPER */
	SS_THEME_BY_COMMITTEE, SS_ONLINE_SUBMISSION, SS_HANDWRITTEN,
	/* STG-TRACK */
	SS_PROFILE_REVIEW, SS_INTEGRITY_INSTRUMENT, SS_AGENCY_CLARIFICATION,
	SS_INQUIRY, SS_CLOSED_INQUIRY, SS_PUBLIC_TEST, SS_CANDIDATE_DATA,
	/* STG-ASSESS */
	SS_ASSESSOR_TEAM, SS_ASSESSMENT_CENTER, SS_FALLBACK_METHODS,
	SS_FIELD_COMPETENCY, SS_RANKED_RESULTS, SS_REMOTE_TEST,
	/* STG-INTERVIEW */
	SS_STANDARD_MATERIAL, SS_USERS_OF_POST, SS_RESOURCE_PERSONS,
	SS_REMOTE_INTERVIEW,
	/* STG-HEALTH */
	SS_GOVERNMENT_UNIT, SS_PSYCHOLOGY, SS_MENTAL_HEALTH, SS_AS_NEEDED,
	SS_AFTER_ALL_OTHERS, SS_RESULTS_HANDED_IN,
	SS__N
};

#define STAGE_MAX_STEPS	10

struct stage_step {
	enum stage_step_id id;
	struct str	 label;		/* Indonesian */
	struct str	 citation;	/* full, with the regulation's cite */
};

struct stage_params {
	struct str	 label;		/* "": the core's (flow_state_label) */
	enum stage_vc	 vc;
	struct str	 vc_citation;
	struct stage_step steps[STAGE_MAX_STEPS];
	size_t		 nsteps;
};

/* The word of a step ("closed_inquiry") and the stage it belongs to. */
const char	*stage_step_word(enum stage_step_id);
enum flow_state	 stage_step_stage(enum stage_step_id);

/* ---- the loader's part (profile.c calls these) ---- */

/* Is key one of the stage keys of an STG-* entry of rule id? */
bool		 profile_stage_key(struct str key, enum rule_id);
/*
 * Parses member m ("label", "video_conference" or "steps") of an STG-*
 * entry into r->stage (made on first use).  cite: the regulation's short
 * name, prefixed to every citation.  Strict: an unknown step of the
 * stage, a step twice, a paper both online and handwritten, an unknown
 * key are errors at their line.
 */
enum sel_err	 profile_stage_param(struct arena *, struct diag *,
		    struct str cite, const struct json *m,
		    struct prof_rule *r);

/* ---- reading a profile ---- */

/* The stage's parameters (the first entry of its rule), or NULL. */
const struct stage_params *stage_params_of(const struct profile *,
		    enum flow_state);
/* A step the profile's stage has, or NULL. */
const struct stage_step *stage_step(const struct profile *, enum flow_state,
		    enum stage_step_id);
/* The stage's name for people: the profile's label, else the core's. */
struct str	 stage_label(const struct profile *, enum flow_state);
enum stage_vc	 stage_vc(const struct profile *, enum flow_state);

/* ---- a stage's plan (the secretariat's form) ---- */

struct stage_plan_in {
	struct str	 pass_min, pass_best, place, link, time_text, provider;
	bool		 provider_elsewhere;	/* PRAC-ASSESSOR keeps it */
};

struct stage_plan {
	int		 pass_min;	/* hundredths 0..10000; -1: none */
	int		 pass_best;	/* best N per vacancy; 0: none */
	struct str	 place, link, time_text, provider;
};

/*
 * Checks the plan of stage st under profile p: the minimum score 0 to 100
 * with at most 2 decimals (comma or point), the best N a whole number 1 to
 * 99, a place or an https link as the profile's video_conference allows,
 * the time as a short text, the provider for the assessment only.  NULL
 * and *out filled when valid; else the Indonesian refusal (in the arena)
 * and *field the form field at fault.
 */
const char	*stage_plan_check(struct arena *, const struct profile *,
		    enum flow_state st, const struct stage_plan_in *,
		    struct stage_plan *out, const char **field);

/* An https:// link with a host, no space, quote or angle bracket. */
bool		 stage_link_ok(struct str);

/* "75", "72,5", "72,55" from hundredths. */
struct str	 stage_score_text(struct arena *, int hundredths);

/* ---- STG-TRACK: the integrity instrument ---- */

#define TRACK_MAX_CRITERIA	10

struct track_criterion {
	struct str	 name;
	int		 weight;	/* 1..100 */
};

/*
 * The committee's criteria as typed, n rows of a name and a weight (empty
 * rows skipped): at least one, each named (at most 200 bytes) with a whole
 * weight 1 to 100, the weights adding up to 100.  NULL and out/nout when
 * valid; else the refusal and *row (0-based) of the row at fault, -1 for
 * the whole (the sum).
 */
const char	*stage_instrument_check(struct arena *,
		    const struct str *names, const struct str *weights,
		    size_t n, struct track_criterion out[TRACK_MAX_CRITERIA],
		    size_t *nout, int *row);

#endif
