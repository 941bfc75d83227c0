/*
 * profile_ext.h - the loader's parts for what a region may say beyond the
 * first five profiles (docs/profiles.md): a citation that names other
 * instruments ("jo"), ELIG-AGE's limit with a declaration, the cap on
 * checklist entries.  Private to src/core (profile.c uses them).
 */
#ifndef SELTER_CORE_PROFILE_EXT_H
#define SELTER_CORE_PROFILE_EXT_H

#include "base/err.h"
#include "base/json.h"
#include "core/profile.h"
/* The parts' own parameters (profile.c, under 800 lines): the stages'
   specifics, STG-REUSE, the results. */
#include "core/stage.h"
#include "core/reuse.h"
#include "core/result.h"

/* Entries of one checklist rule id a profile may have (elig.h's room). */
#define PROF_MAX_CHECKS	8

/*
 * "jo": [TEXT, ...], 1 to 4 citations of other instruments, each written
 * whole ("PermenPANRB 15/2019 Pasal 5"): appended to *citation as
 * " jo. TEXT" in order.
 */
enum sel_err	profile_jo(struct arena *, struct diag *,
		    const struct json *jo, struct str *citation);
/*
 * ELIG-AGE's "with_declaration": {"declaration": WORD, "max_age": N,
 * "citation": TEXT}, the citation prefixed with cite as every local one
 * (profile.c checks that N is above the entry's own max_age).
 */
enum sel_err	profile_with_decl(struct arena *, struct diag *,
		    const struct json *v, struct str cite, struct prof_rule *);
/*
 * Whether the entry at o (rule id, already in p->rules) is one too many
 * of a checklist rule; d then says so.
 */
bool		profile_too_many(const struct profile *, const struct json *o,
		    enum rule_id, struct diag *);

/*
 * The parameters other modules read for their rules (STG-REUSE's
 * validity, the results' SCORE-PUBLISH and SCORE-TOP3, the
 * consultations' APPT-*): is key one of them, and its parser.
 */
bool		profile_more_key(enum rule_id, struct str key);
enum sel_err	profile_more_param(struct arena *, struct diag *,
		    struct str cite, const struct json *m,
		    struct prof_rule *r);

#endif
