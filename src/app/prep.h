/*
 * prep.h - the vocabularies of the preparation forms (shared with the
 * pages that show them) and the loading of a selection with every check
 * computed (used inside app).
 */
#ifndef SELTER_APP_PREP_H
#define SELTER_APP_PREP_H

#include "app/app.h"

/* VAC-REASON: the reasons the regulations list (REGULATIONS.md §4). */
extern const char *const prep_reason_ids[];
extern const char *const prep_reason_labels[];
/* The stages of the schedule. */
extern const char *const prep_stage_ids[];
extern const char *const prep_stage_labels[];

/* The index of s in a NULL-ended word list, -1 if absent. */
int		prep_word(const char *const *words, struct str s);
/* The label of the word s (labels parallel to words), "" if absent. */
const char	*prep_label(const char *const *words,
		    const char *const *labels, struct str s);

/* Loads a selection and computes COM-*, SCORE-WEIGHTS, ANN-DURATION and
 * the preparation steps, inside tx. */
enum sel_err	prep_view_load(struct app *, struct stx *, struct arena *,
		    int64_t sel, struct sel_view *);
struct str	prep_weights_str(struct arena *, const struct weights *);
bool		prep_needs_consult(const struct sel_view *);
/*
 * Dates checked for sense (prep_sense.c, core/sanity.h): stage k of the
 * schedule; a letter's date (the recommendation not before the plan was
 * sent, the plan not re-dated after its recommendation); the window at
 * the chair's signature (and, when saved, not wholly past).  SEL_OK, or the refusal in m.
 */
enum sel_err	prep_stage_sense(struct app *, struct arena *,
		    const struct sel_view *, int k, sel_date from,
		    sel_date to, struct app_msg *);
enum sel_err	prep_letter_sense(struct app *, struct arena *,
		    const struct sel_view *, enum prep_op, sel_date,
		    struct app_msg *);
enum sel_err	prep_window_sense(struct app *, struct arena *,
		    const struct sel_view *, struct app_msg *);
/* The window when saved: not wholly in the past. */
enum sel_err	prep_window_saved(struct app *, struct arena *,
		    const struct sel_view *, sel_date close, struct app_msg *);
struct vacancy;
void		prep_core_vacancy(struct arena *, const struct sel_view *,
		    const struct s_vacancy *, struct vacancy *);

#endif
