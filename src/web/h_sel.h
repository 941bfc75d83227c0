/*
 * h_sel.h - private to the preparation pages (h_sel.c, h_sel_form.c): the
 * page's context and its form helpers.  A refused form comes back as it
 * was posted, its error beside the field the refusal names.
 */
#ifndef SELTER_WEB_H_SEL_H
#define SELTER_WEB_H_SEL_H

#include "web/web.h"

struct ctx {
	struct req		*r;
	struct resp		*rs;
	struct page		*p;
	struct sel_view		*v;
	const char		*form;	/* the open form's word */
	/* A refused form comes back as it was posted, its error beside
	   the field the refusal names. */
	const struct form	*posted;
	const char		*posted_word;
	const char		*bad_field, *bad_msg;
};

/* Is the open form the one that was refused? */
bool		sf_refilling(const struct ctx *);
/* What a field shows: what was typed when its form was refused. */
struct str	sf_shown(const struct ctx *, const char *name, struct str v);
bool		sf_is_bad(const struct ctx *, const char *name);
/* The refusal beside its field, and the field's ARIA attributes. */
void		sf_bad_text(struct ctx *, const char *name);
void		sf_bad_attrs(struct ctx *, const char *name);
bool		sf_may(struct ctx *, enum act);
void		sf_form_open(struct ctx *, const char *word);
struct str	sf_field_id(struct ctx *, const char *name);
void		sf_input(struct ctx *, const char *id, const char *label,
		    const char *type, struct str value, bool required);
void		sf_area(struct ctx *, const char *id, const char *label,
		    struct str value);
void		sf_select(struct ctx *, const char *id, const char *label,
		    const char *const *values, const char *const *labels);
void		sf_check(struct ctx *, const char *name, const char *id,
		    struct str value, const char *label, bool on);
void		sf_submit(struct ctx *, const char *label);
void		sf_del_button(struct ctx *, const char *word,
		    const char *field, struct str value, const char *label);
bool		sf_editable(struct ctx *);
/* stage part (issue 12 item 1), h_stage_plan.c: a stage's row of the
   plan (criterion, place or link, time, provider) and its form fields. */
void		sf_stage_plan_cell(struct ctx *, struct str stage);
void		sf_stage_plan_inputs(struct ctx *);

#endif
