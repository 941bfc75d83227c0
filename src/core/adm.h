/*
 * adm.h - the administrative selection's count rule (ADM-MIN-3,
 * REGULATIONS.md §9): enough qualified candidates per vacancy to go on;
 * the overrides a pass needs; whether the result may be published.
 *
 * Pure.  "Qualified" means passed by the committee's administrative
 * decision.  Under the Covid procedures a profile's min_to_proceed (2)
 * suffices once the announcement has been extended.
 */
#ifndef SELTER_CORE_ADM_H
#define SELTER_CORE_ADM_H

#include <stdbool.h>

#include "core/rule.h"

struct arena;
struct profile;

/*
 * Fills r with ADM-MIN-3 for one vacancy: pass, or fail with the profile's
 * next step (its detail) and citation.  False when the profile has no
 * ADM-MIN-3 (r untouched).  A profile's PRAC-MINIMUM (REGULATIONS.md §15)
 * sets the count instead, with its citation, and r->id is R_PRAC_MINIMUM.
 */
bool	adm_min_eval(struct arena *, const struct profile *, int qualified,
	    bool extended, struct rule_result *r);

/* ---- overrides: passing an applicant the core does not find ready ---- */

struct elig_out;

#define ADM_OVERRIDE_MAX	16

/*
 * What a "pass" would override: every ELIG-* rule of the core's evaluation
 * of the frozen record that is not a pass (fail or missing), then
 * ADM-COMPLETE unless the file was found complete.  n == 0 and !unknown:
 * the pass needs no override.
 */
struct adm_override {
	enum rule_id	 ids[ADM_OVERRIDE_MAX];
	size_t		 n;
	bool		 unknown;	/* the record could not be evaluated */
};

/* o NULL: no evaluation (unknown); complete: -1 unchecked, 0, 1. */
void		adm_override_need(const struct elig_out *o, int complete,
		    struct adm_override *);
bool		adm_override_needed(const struct adm_override *);
/* "ELIG-AGE, ADM-COMPLETE" (the ids, space-free, comma separated). */
struct str	adm_override_list(struct arena *, const struct adm_override *);

/* ---- publishing the result while ADM-MIN-3 fails ---- */

/*
 * The paths a profile offers when a vacancy has too few qualified
 * candidates, each a condition on data:
 *   ADM_PATH_EXTEND  the profile has ANN-EXTEND: taken once the extensions
 *                    reach its max_times (with no limit, once one
 *                    re-announcement was made: ANN-AFTER-EXTENSIONS then
 *                    names the next step); open while ANN-EXTEND allows
 *                    one now.
 *   ADM_PATH_INVITE  the profile has ADM-INVITE: taken once the PPK's
 *                    invitation is recorded for the vacancy; open
 *                    otherwise.
 * The Covid procedures' min_to_proceed is ADM-MIN-3 itself (it passes
 * with 2 once extended); while not extended it is named with the
 * extension path.
 */
enum {
	ADM_PATH_EXTEND = 1 << 0,
	ADM_PATH_INVITE = 1 << 1,
};

struct adm_publish_in {
	int		 qualified;	/* passed, in this vacancy */
	int		 extensions;	/* of the announcement, made so far */
	bool		 extend_open;	/* ANN-EXTEND allows one now */
	int		 invitations;	/* ADM-INVITE, for this vacancy */
};

struct adm_publish_out {
	bool		 blocked;	/* ADM-MIN-3 fails, no path taken, one
					   open */
	unsigned	 taken, open;	/* ADM_PATH_* */
	struct str	 paths;		/* the open paths, with citations */
};

/*
 * Whether the result may be published as far as one vacancy goes: min is
 * its ADM-MIN-3 (adm_min_eval).  A failing ADM-MIN-3 blocks while none of
 * the profile's paths was taken and one is open; with no path open
 * (nothing the profile lets the people do) it does not block, and the
 * failure stays on the result.
 */
void		adm_publish_eval(struct arena *, const struct profile *,
		    const struct rule_result *min,
		    const struct adm_publish_in *, struct adm_publish_out *);

/* One vacancy's count of applications, decisions and passes. */
struct adm_tally {
	int		 registered, decided, passed;
};

/*
 * ANN-EXTEND's input from the vacancies' counts: the fewest applicants
 * of any vacancy, and the fewest qualified of any vacancy whose every
 * application is decided (-1 while none is), with the extensions made.
 */
struct extend_in;
void	adm_extend_input(const struct adm_tally *, size_t n, int extensions,
	    struct extend_in *);

/*
 * ADM-INVITE: may the PPK appoint candidates to this vacancy now?  Where
 * the profile has the rule, once every application is decided, while the
 * vacancy's ADM-MIN-3 (min, when has_min) fails.
 */
bool	adm_invite_open(const struct profile *, bool all_decided, bool has_min,
	    const struct rule_result *min);

#endif
