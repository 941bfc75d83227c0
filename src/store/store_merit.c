/*
 * store_merit.c - the candidates of a stage (store_merit.h).
 */
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "store/store.h"
#include "store/store_int.h"
#include "store/store_merit.h"
#include "base/banned.h"

static void
cand_row(struct arena *ar, struct sq *q, struct s_stage_cand *c)
{
	application_row(ar, q, &c->a);
	c->absent = sq_col_i64(q, 13) != 0;
}

enum sel_err
store_stage_candidates(struct stx *tx, struct arena *ar, int64_t sel,
    struct str stage, struct s_stage_cand **out, size_t *n)
{
	/* APP_COLS without the record and the rule results (s_stage_cand) */
	struct sq *q = db_sq(DB(tx), "SELECT x.id, x.selection_id, "
	    "x.vacancy_id, x.account_id, x.state, x.reg_no, x.submitted_at, "
	    "x.withdrawn_at, '', x.verdict, '', a.name, v.title, "
	    "EXISTS (SELECT 1 FROM stage_absence b WHERE b.application_id = "
	    "x.id AND b.stage = ?2)"
	    APP_FROM "JOIN adm_decision d ON d.application_id = x.id "
	    "JOIN selection s ON s.id = x.selection_id "
	    "WHERE x.selection_id = ?1 AND x.state = 'submitted' "
	    "AND d.passed = 1 AND s.adm_published_at <> '' "
	    "AND NOT EXISTS (SELECT 1 FROM stage_outcome o WHERE "
	    "o.application_id = x.id AND o.stage <> ?2 AND "
	    "o.outcome <> 'passed') "
	    "ORDER BY x.vacancy_id, x.reg_no");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	COLLECT(ar, q, struct s_stage_cand, out, n, cand_row);
}
