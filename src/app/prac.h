/*
 * prac.h - the use cases of today's practice beyond the seeds
 * (REGULATIONS.md §15, PRAC-*): recording the oversight body's approval
 * letters, the acting-head flag, the selection's windows of UU 10/2016
 * and the Minister of Home Affairs' approval, and the plan's assessment
 * provider.  Each is offered only where the selection's profile has the
 * rule, only before the announcement is published, and writes its audit
 * event with the rule's citation.  The gates themselves are the core's
 * (prep_eval, core/prac.h).
 */
#ifndef SELTER_APP_PRAC_H
#define SELTER_APP_PRAC_H

#include "app/app.h"
#include "core/prac.h"
#include "store/store_prac.h"

struct prac_view {
	bool		 any;		/* the profile has a PRAC rule */
	struct s_prac_letter *letters;
	size_t		 nletters;
	struct s_prac_window *windows;	/* the selection's own */
	size_t		 nwindows;
	struct prac_window *cwin;	/* the same, as the core reads them */
	struct s_prac	 sel;		/* Pj flag, assessment provider */
	size_t		 approvals;	/* letters of the oversight body,
					   dated on or after the plan's sending */
	const struct s_prac_letter *minister;	/* latest, NULL: none */
};

/*
 * Inside prep_view_load, before prep_eval: loads v->prac and fills the
 * PRAC fields of in.
 */
enum sel_err	prac_view_load(struct app *, struct stx *, struct arena *,
		    struct sel_view *v, struct prep_in *in);

enum prac_op {
	PO_APPROVAL_ADD,	/* date, ref, subject */
	PO_MINISTER_ADD,	/* date, ref, subject */
	PO_LETTER_DEL,		/* id */
	PO_ACTING,		/* acting = "1" or absent */
	PO_WINDOW_ADD,		/* from, to, label, citation */
	PO_WINDOW_DEL,		/* id */
	PO_ASSESSOR,		/* name, grade, decree, valid_until */
	PO__N
};

/*
 * One form, as posted.  On a refusal *field names the form field at
 * fault (NULL: none in particular) and nothing changed.
 */
enum sel_err	app_prac(struct app *, struct arena *, const struct who *,
		    int64_t sel, enum prac_op, const struct form *,
		    struct app_msg *, const char **field);

#endif
