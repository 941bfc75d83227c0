/*
 * after_int.h - private to the acts after the ranking (choice.c,
 * consult.c, report.c, appoint.c): one write transaction with the
 * choice view read in it, a refusal naming its field, and the days and
 * texts their forms carry.
 */
#ifndef SELTER_APP_AFTER_INT_H
#define SELTER_APP_AFTER_INT_H

#include "app/app_int.h"
#include "app/choice.h"

struct after {
	struct app	*a;
	struct arena	*ar;
	const struct who *w;
	struct stx	*tx;
	struct choice_view *cv;		/* read in tx */
	void		*view;		/* the act's own view, holding cv */
	const struct form *f;
	struct app_msg	*m;
	const char	**field;	/* the field at fault, NULL: none */
	const char	*none;		/* field's target when the caller's
					   is NULL */
};

void		after_init(struct after *, struct app *, struct arena *,
		    const struct who *, struct choice_view *, void *view,
		    const struct form *, struct app_msg *, const char **field);
/* A write transaction and choice_load in it (aborted on an error). */
enum sel_err	after_begin(struct after *, int64_t sel);
/* Commits on SEL_OK, else aborts; returns the outcome. */
enum sel_err	after_finish(struct after *, enum sel_err rc);
/* Refuses with msg, naming field. */
enum sel_err	after_bad(struct after *, const char *field, enum sel_err rc,
		    const char *msg);
/* A day in field name, between the ranking's arrival and today. */
enum sel_err	after_day(struct after *, const char *name, const char *what,
		    sel_date *d);
/* Text of min..max characters in field name (multi: several lines). */
enum sel_err	after_text(struct after *, const char *name,
		    const char *label, size_t min, size_t max, bool multi,
		    struct str *out);

#endif
