/*
 * store_prac.c - the rows of the PRAC-* rules (007_practice.sql).
 */
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "store/store_int.h"
#include "store/store_prac.h"
#include "base/banned.h"

enum sel_err
store_prac_letter_add(struct stx *tx, const struct s_prac_letter *l,
    int64_t *id)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO prac_letter (selection_id, "
	    "kind, ref, dated, subject, recorded_by, recorded_at) VALUES (?1, "
	    "?2, ?3, ?4, ?5, ?6, ?7) RETURNING id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, l->selection_id);
	sq_text(q, 2, l->kind);
	sq_text(q, 3, l->ref);
	sq_text(q, 4, l->dated);
	sq_text(q, 5, l->subject);
	sq_text(q, 6, l->recorded_by);
	sq_text(q, 7, l->recorded_at);
	return sq_run_id(q, id);
}

enum sel_err
store_prac_letter_del(struct stx *tx, int64_t sel, int64_t id)
{
	return store_del_row(tx, "DELETE FROM prac_letter WHERE selection_id = ?1 "
	    "AND id = ?2 RETURNING id", sel, id);
}

static void
letter_row(struct arena *ar, struct sq *q, struct s_prac_letter *l)
{
	l->id = sq_col_i64(q, 0);
	l->selection_id = sq_col_i64(q, 1);
	l->kind = sq_col_str(ar, q, 2);
	l->ref = sq_col_str(ar, q, 3);
	l->dated = sq_col_str(ar, q, 4);
	l->subject = sq_col_str(ar, q, 5);
	l->recorded_by = sq_col_str(ar, q, 6);
	l->recorded_at = sq_col_str(ar, q, 7);
}

enum sel_err
store_prac_letters(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_prac_letter **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, selection_id, kind, ref, "
	    "dated, subject, recorded_by, recorded_at FROM prac_letter WHERE "
	    "selection_id = ?1 ORDER BY id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_prac_letter, out, n, letter_row);
}

enum sel_err
store_prac_window_add(struct stx *tx, int64_t sel,
    const struct s_prac_window *w, int64_t *id)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO prac_window (selection_id, "
	    "from_on, to_on, label, citation) VALUES (?1, ?2, ?3, ?4, ?5) "
	    "RETURNING id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, w->from_on);
	sq_text(q, 3, w->to_on);
	sq_text(q, 4, w->label);
	sq_text(q, 5, w->citation);
	return sq_run_id(q, id);
}

enum sel_err
store_prac_window_del(struct stx *tx, int64_t sel, int64_t id)
{
	return store_del_row(tx, "DELETE FROM prac_window WHERE selection_id = ?1 "
	    "AND id = ?2 RETURNING id", sel, id);
}

static void
window_row(struct arena *ar, struct sq *q, struct s_prac_window *w)
{
	w->id = sq_col_i64(q, 0);
	w->from_on = sq_col_str(ar, q, 1);
	w->to_on = sq_col_str(ar, q, 2);
	w->label = sq_col_str(ar, q, 3);
	w->citation = sq_col_str(ar, q, 4);
}

enum sel_err
store_prac_windows(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_prac_window **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, from_on, to_on, label, "
	    "citation FROM prac_window WHERE selection_id = ?1 ORDER BY "
	    "from_on, id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_prac_window, out, n, window_row);
}

static void
prac_row(struct arena *ar, struct sq *q, struct s_prac *p)
{
	p->acting_head = sq_col_i64(q, 0) != 0;
	p->assessor_name = sq_col_str(ar, q, 1);
	p->assessor_grade = sq_col_str(ar, q, 2);
	p->assessor_decree = sq_col_str(ar, q, 3);
	p->assessor_valid_until = sq_col_str(ar, q, 4);
}

static enum sel_err
prac_one(struct arena *ar, struct sq *q, struct s_prac *p)
{
	ONE(ar, q, prac_row, p);
}

enum sel_err
store_prac_get(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_prac *p)
{
	struct sq *q = db_sq(DB(tx), "SELECT acting_head, assessor_name, "
	    "assessor_grade, assessor_decree, assessor_valid_until FROM "
	    "prac_selection WHERE selection_id = ?1");
	enum sel_err rc;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	rc = prac_one(ar, q, p);
	if (rc == SEL_ENOENT) {		/* no row yet: the defaults */
		p->acting_head = false;
		p->assessor_name = p->assessor_grade = p->assessor_decree =
		    p->assessor_valid_until = STR("");
		rc = SEL_OK;
	}
	return rc;
}

enum sel_err
store_prac_set_acting(struct stx *tx, int64_t sel, bool on)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO prac_selection "
	    "(selection_id, acting_head) VALUES (?1, ?2) ON CONFLICT "
	    "(selection_id) DO UPDATE SET acting_head = ?2");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_i64(q, 2, on);
	return sq_run(q);
}

enum sel_err
store_prac_set_assessor(struct stx *tx, int64_t sel, const struct s_prac *p)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO prac_selection "
	    "(selection_id, assessor_name, assessor_grade, assessor_decree, "
	    "assessor_valid_until) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT "
	    "(selection_id) DO UPDATE SET assessor_name = ?2, assessor_grade "
	    "= ?3, assessor_decree = ?4, assessor_valid_until = ?5");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, p->assessor_name);
	sq_text(q, 3, p->assessor_grade);
	sq_text(q, 4, p->assessor_decree);
	sq_text(q, 5, p->assessor_valid_until);
	return sq_run(q);
}
