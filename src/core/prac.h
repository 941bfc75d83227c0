/*
 * prac.h - today's practice beyond the seeds (REGULATIONS.md §15, the
 * PRAC-* rules): what a profile says of them, and the pure decisions they
 * need.  A profile turns each on with its own citation; nothing here
 * assumes one is on.
 *
 * - PRAC-OVERSIGHT-APPROVAL: N letters of the oversight body (BKN) before
 *   the announcement.
 * - PRAC-HOME-MINISTER: the Minister of Home Affairs' written approval
 *   when the region is led by an acting head (Pj) or the announcement
 *   falls within a window of UU 10/2016 (the profile's windows and the
 *   selection's own).
 * - PRAC-ASSESSOR: the plan names an accredited assessment provider.
 * - PRAC-MINIMUM: the numbers of ADM-MIN-3 and ANN-EXTEND a region
 *   applies today (applicants, extension length, number of extensions).
 * - PRAC-ROUTE, PRAC-NO-REPLACE-2Y: carried with their citations.
 *
 * Pure: no I/O, no clock.  Parameters live in the profile's arena
 * (profile_prac.c parses them; struct prof_rule.prac points to them).
 */
#ifndef SELTER_CORE_PRAC_H
#define SELTER_CORE_PRAC_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"
#include "base/str.h"
#include "core/date.h"
#include "core/rule.h"

struct arena;
struct diag;
struct json;
struct profile;
struct prof_rule;

/* An assessment centre's accreditation grade, best first. */
enum accr_grade { ACCR_A, ACCR_B, ACCR_C, ACCR__N };
extern const char *const prac_grade_words[];	/* "A", "B", "C", NULL */

#define PRAC_MAX_WINDOWS	8

/* A period in which replacing officials needs the Minister's approval. */
struct prac_window {
	sel_date	 from, to;	/* both inclusive */
	struct str	 label;		/* Indonesian: what the period is */
	struct str	 citation;	/* "" : the entry's */
};

struct prac_params {
	/* PRAC-OVERSIGHT-APPROVAL: letters needed before the announcement */
	int		 letters;
	/* PRAC-HOME-MINISTER */
	struct prac_window windows[PRAC_MAX_WINDOWS];
	size_t		 nwindows;
	struct str	 acting_citation;	/* the Pj case, "" : the entry's */
	/* PRAC-ASSESSOR */
	enum accr_grade	 min_grade;
	int		 valid_years;	/* an assessment result's validity,
					   0: not stated */
};

/*
 * Parses a PRAC-* entry o (its "rule" already looked up into r->id):
 * "citation" (required, kept as written: a PRAC citation names its own
 * instrument, never the regional regulation), "note", "detail" and the
 * rule's parameters (docs/profiles.md).  Strict like the rest of the
 * loader: an unknown key or a value out of range is an error at its line.
 */
enum sel_err	profile_prac_rule(struct arena *, struct diag *,
		    const struct json *o, struct prof_rule *r);

/*
 * PRAC-MINIMUM folded into the rule it sets numbers for: *out is a copy
 * of the profile's ADM-MIN-3 (or ANN-EXTEND) entry with the PRAC-MINIMUM
 * numbers and citation, id R_PRAC_MINIMUM.  False when the profile has no
 * PRAC-MINIMUM (the rule's own entry applies as it is).
 */
bool		prac_adm_min(const struct profile *, struct prof_rule *out);
bool		prac_extend(const struct profile *, struct prof_rule *out);

/*
 * The window of PRAC-HOME-MINISTER holding day d, among the profile's and
 * the selection's own (sel, n), or NULL.
 */
const struct prac_window *prac_window_at(const struct profile *,
		    const struct prac_window *sel, size_t n, sel_date d);

/*
 * A letter (PRAC-OVERSIGHT-APPROVAL, PRAC-HOME-MINISTER) dated d: NULL
 * when it may be recorded, else the Indonesian reason it may not.
 * plan_sent 0: the plan has not been sent.  today: the region's.
 */
const char	*prac_letter_refusal(enum rule_id, sel_date d,
		    sel_date plan_sent, sel_date today);

/* The index of grade word s ("A"), -1 when it is none. */
int		prac_grade(struct str s);

#endif
