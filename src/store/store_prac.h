/*
 * store_prac.h - what the PRAC-* rules keep (REGULATIONS.md §15,
 * sql/sqlite/007_practice.sql): letters recorded before the announcement,
 * the selection's own windows of UU 10/2016, the acting-head flag and the
 * plan's assessment provider.  Same contract as store.h: inside the
 * caller's transaction, strings copied into the caller's arena.
 */
#ifndef SELTER_STORE_PRAC_H
#define SELTER_STORE_PRAC_H

#include "store/store.h"

/* kind: "oversight_approval" or "home_minister". */
struct s_prac_letter {
	int64_t		 id, selection_id;
	struct str	 kind, ref, dated, subject, recorded_by, recorded_at;
};

struct s_prac_window {
	int64_t		 id;
	struct str	 from_on, to_on, label, citation;
};

/* The selection's row; every field empty (flag off) when none. */
struct s_prac {
	bool		 acting_head;
	struct str	 assessor_name, assessor_grade, assessor_decree,
			 assessor_valid_until;
};

/* SEL_EINVAL: a letter of that kind with that number exists already. */
enum sel_err	store_prac_letter_add(struct stx *,
		    const struct s_prac_letter *, int64_t *id);
/* SEL_ENOENT when the selection has no such letter. */
enum sel_err	store_prac_letter_del(struct stx *, int64_t sel, int64_t id);
/* In the order recorded. */
enum sel_err	store_prac_letters(struct stx *, struct arena *, int64_t sel,
		    struct s_prac_letter **, size_t *n);

enum sel_err	store_prac_window_add(struct stx *, int64_t sel,
		    const struct s_prac_window *, int64_t *id);
enum sel_err	store_prac_window_del(struct stx *, int64_t sel, int64_t id);
enum sel_err	store_prac_windows(struct stx *, struct arena *, int64_t sel,
		    struct s_prac_window **, size_t *n);

enum sel_err	store_prac_get(struct stx *, struct arena *, int64_t sel,
		    struct s_prac *);
enum sel_err	store_prac_set_acting(struct stx *, int64_t sel, bool on);
enum sel_err	store_prac_set_assessor(struct stx *, int64_t sel,
		    const struct s_prac *);

#endif
