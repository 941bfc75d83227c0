/*
 * store_export.c - the rows the exports read (store_export.h).
 */
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "store/store.h"
#include "store/store_int.h"
#include "store/store_export.h"
#include "base/banned.h"

/* The stage ?2 of selection ?1 has closed: its rows are no longer sealed. */
#define CLOSED " EXISTS (SELECT 1 FROM stage_close c WHERE " \
	"c.selection_id = ?1 AND c.stage = ?2) "

static void
rater_row(struct arena *ar, struct sq *q, struct s_x_rater *r)
{
	r->account_id = sq_col_i64(q, 0);
	r->name = sq_col_str(ar, q, 1);
	r->assessor = sq_col_i64(q, 2) != 0;
}

enum sel_err
store_x_raters(struct stx *tx, struct arena *ar, int64_t sel,
    struct str stage, struct s_x_rater **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT r.account_id, "
	    "COALESCE(m.name, a.name), m.id IS NULL FROM stage_rater r "
	    "JOIN account a ON a.id = r.account_id "
	    "LEFT JOIN member m ON m.id = r.member_id "
	    "WHERE r.selection_id = ?1 AND r.stage = ?2 AND" CLOSED
	    "ORDER BY m.id IS NULL, COALESCE(m.chair, 0) DESC, m.id, a.name, "
	    "r.account_id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	COLLECT(ar, q, struct s_x_rater, out, n, rater_row);
}

static void
score_row(struct arena *ar, struct sq *q, struct s_x_score *s)
{
	(void)ar;
	s->application_id = sq_col_i64(q, 0);
	s->rater_id = sq_col_i64(q, 1);
	s->value = sq_col_i64(q, 2);
}

enum sel_err
store_x_scores(struct stx *tx, struct arena *ar, int64_t sel,
    struct str stage, struct s_x_score **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT application_id, rater_id, value "
	    "FROM score WHERE selection_id = ?1 AND stage = ?2 AND" CLOSED
	    "ORDER BY application_id, rater_id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	COLLECT(ar, q, struct s_x_score, out, n, score_row);
}

static void
outcome_row(struct arena *ar, struct sq *q, struct s_x_outcome *o)
{
	application_row(ar, q, &o->a);
	o->stage = sq_col_str(ar, q, 13);
	o->sum = sq_col_i64(q, 14);
	o->count = sq_col_i64(q, 15);
	o->outcome = sq_col_str(ar, q, 16);
	o->code = sq_col_str(ar, q, 17);
}

enum sel_err
store_x_outcomes(struct stx *tx, struct arena *ar, int64_t sel,
    struct str stage, struct s_x_outcome **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT " APP_COLS ", o.stage, "
	    "o.score_sum, o.score_count, o.outcome, COALESCE(b.code, '') "
	    "FROM stage_outcome o JOIN stage_close c ON c.selection_id = "
	    "o.selection_id AND c.stage = o.stage "
	    "JOIN application x ON x.id = o.application_id "
	    "JOIN account a ON a.id = x.account_id "
	    "JOIN vacancy v ON v.id = x.vacancy_id "
	    "LEFT JOIN blind_code b ON b.application_id = o.application_id "
	    "AND b.stage = o.stage "
	    "WHERE o.selection_id = ?1 AND (?2 = '' OR o.stage = ?2) "
	    "ORDER BY x.vacancy_id, x.reg_no, c.closed_at, o.stage");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	COLLECT(ar, q, struct s_x_outcome, out, n, outcome_row);
}

static void
nip_row(struct arena *ar, struct sq *q, struct s_x_nip *x)
{
	x->application_id = sq_col_i64(q, 0);
	x->nip = sq_col_str(ar, q, 1);
}

enum sel_err
store_x_nips(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_x_nip **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT x.id, p.nip FROM application x "
	    "JOIN applicant p ON p.account_id = x.account_id "
	    "WHERE x.selection_id = ?1 ORDER BY x.id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_x_nip, out, n, nip_row);
}

