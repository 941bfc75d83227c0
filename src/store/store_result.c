/*
 * store_result.c - the rows of the results (store_result.h).
 */
#include <stdint.h>
#include <string.h>

#include <sodium.h>

#include "base/arena.h"
#include "store/store.h"
#include "store/store_int.h"
#include "store/store_result.h"
#include "base/banned.h"

static void
close_row(struct arena *ar, struct sq *q, struct s_stage_close *c)
{
	c->stage = sq_col_str(ar, q, 0);
	c->closed_at = sq_col_str(ar, q, 1);
	c->closed_by = sq_col_str(ar, q, 2);
	c->decision = sq_col_str(ar, q, 3);
}

enum sel_err
store_stage_close_get(struct stx *tx, struct arena *ar, int64_t sel,
    struct str stage, struct s_stage_close *out)
{
	struct sq *q = db_sq(DB(tx), "SELECT stage, closed_at, closed_by, "
	    "decision FROM stage_close WHERE selection_id = ?1 AND "
	    "stage = ?2");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	ONE(ar, q, close_row, out);
}

enum sel_err
store_stage_closes(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_stage_close **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT stage, closed_at, closed_by, "
	    "decision FROM stage_close WHERE selection_id = ?1 "
	    "ORDER BY closed_at, rowid");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_stage_close, out, n, close_row);
}

static void
outcome_row(struct arena *ar, struct sq *q, struct s_outcome *o)
{
	o->application_id = sq_col_i64(q, 0);
	o->vacancy_id = sq_col_i64(q, 1);
	o->reg_no = sq_col_str(ar, q, 2);
	o->name = sq_col_str(ar, q, 3);
	o->stage = sq_col_str(ar, q, 4);
	o->outcome = sq_col_str(ar, q, 5);
	o->sum = sq_col_i64(q, 6);
	o->count = sq_col_i64(q, 7);
}

enum sel_err
store_outcomes(struct stx *tx, struct arena *ar, int64_t sel,
    struct str stage, struct s_outcome **out, size_t *n)
{
	struct s_stage_close c;
	struct sq *q;
	enum sel_err rc;

	*n = 0;
	if (stage.len > 0 && (rc = store_stage_close_get(tx, ar, sel, stage,
	    &c)) != SEL_OK)
		return rc == SEL_ENOENT ? SEL_ESTATE : rc;
	q = db_sq(DB(tx), "SELECT o.application_id, x.vacancy_id, x.reg_no, "
	    "a.name, o.stage, o.outcome, o.score_sum, o.score_count "
	    "FROM stage_outcome o JOIN application x ON x.id = "
	    "o.application_id JOIN account a ON a.id = x.account_id "
	    "JOIN stage_close c ON c.selection_id = o.selection_id AND "
	    "c.stage = o.stage WHERE o.selection_id = ?1 AND "
	    "(?2 = '' OR o.stage = ?2) ORDER BY x.vacancy_id, x.reg_no, "
	    "c.closed_at");
	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	COLLECT(ar, q, struct s_outcome, out, n, outcome_row);
}

static void
score_row(struct arena *ar, struct sq *q, struct s_rscore *s)
{
	s->application_id = sq_col_i64(q, 0);
	s->rater_id = sq_col_i64(q, 1);
	s->member_id = sq_col_null(q, 2) ? 0 : sq_col_i64(q, 2);
	s->stage = sq_col_str(ar, q, 3);
	s->value = sq_col_i64(q, 4);
}

enum sel_err
store_closed_scores(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_rscore **out, size_t *n)
{
	/* Closed stages only: a closed stage is never sealed. */
	struct sq *q = db_sq(DB(tx), "SELECT s.application_id, s.rater_id, "
	    "r.member_id, s.stage, s.value FROM score s JOIN stage_close c "
	    "ON c.selection_id = s.selection_id AND c.stage = s.stage "
	    "LEFT JOIN stage_rater r ON r.selection_id = s.selection_id AND "
	    "r.stage = s.stage AND r.account_id = s.rater_id "
	    "WHERE s.selection_id = ?1 ORDER BY s.application_id, s.stage, "
	    "s.rater_id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_rscore, out, n, score_row);
}

static void
rater_row(struct arena *ar, struct sq *q, struct s_rater *r)
{
	r->stage = sq_col_str(ar, q, 0);
	r->account_id = sq_col_i64(q, 1);
	r->member_id = sq_col_null(q, 2) ? 0 : sq_col_i64(q, 2);
}

enum sel_err
store_closed_raters(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_rater **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT r.stage, r.account_id, "
	    "r.member_id FROM stage_rater r JOIN stage_close c ON "
	    "c.selection_id = r.selection_id AND c.stage = r.stage "
	    "WHERE r.selection_id = ?1 ORDER BY r.stage, "
	    "r.member_id IS NULL, r.member_id, r.account_id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_rater, out, n, rater_row);
}

static void
recusal_row(struct arena *ar, struct sq *q, struct s_recusal *r)
{
	r->application_id = sq_col_i64(q, 0);
	r->rater_id = sq_col_i64(q, 1);
	r->reason = sq_col_str(ar, q, 2);
	r->declared_at = sq_col_str(ar, q, 3);
}

enum sel_err
store_recusals(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_recusal **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT application_id, rater_id, "
	    "reason, declared_at FROM recusal WHERE selection_id = ?1 ORDER BY application_id, "
	    "rater_id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_recusal, out, n, recusal_row);
}

static void
tie_row(struct arena *ar, struct sq *q, struct s_tie *t)
{
	t->id = sq_col_i64(q, 0);
	t->vacancy_id = sq_col_i64(q, 1);
	t->stage = sq_col_str(ar, q, 2);
	t->order_ids = sq_col_str(ar, q, 3);
	t->reason = sq_col_str(ar, q, 4);
	t->decided_at = sq_col_str(ar, q, 5);
	t->decided_by = sq_col_str(ar, q, 6);
}

enum sel_err
store_ties(struct stx *tx, struct arena *ar, int64_t sel, struct str stage,
    struct s_tie **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, vacancy_id, stage, "
	    "order_ids, reason, decided_at, decided_by FROM tie_decision "
	    "WHERE selection_id = ?1 AND stage = ?2 ORDER BY id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	COLLECT(ar, q, struct s_tie, out, n, tie_row);
}

enum sel_err
store_tie_add(struct stx *tx, int64_t sel, const struct s_tie *t,
    int64_t *id)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO tie_decision (selection_id, "
	    "vacancy_id, stage, order_ids, reason, decided_at, decided_by) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_i64(q, 2, t->vacancy_id);
	sq_text(q, 3, t->stage);
	sq_text(q, 4, t->order_ids);
	sq_text(q, 5, t->reason);
	sq_text(q, 6, t->decided_at);
	sq_text(q, 7, t->decided_by);
	return sq_run_id(q, id);
}

static void
sent_row(struct arena *ar, struct sq *q, struct s_ranking_sent *r)
{
	r->selection_id = sq_col_i64(q, 0);
	r->sent_at = sq_col_str(ar, q, 1);
	r->sent_by = sq_col_str(ar, q, 2);
	r->to_role = sq_col_str(ar, q, 3);
	r->body = sq_col_str(ar, q, 4);
	r->sha256 = sq_col_str(ar, q, 5);
}

enum sel_err
store_ranking_sent_get(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_ranking_sent *out)
{
	struct sq *q = db_sq(DB(tx), "SELECT selection_id, sent_at, sent_by, "
	    "to_role, body, sha256 FROM ranking_sent WHERE selection_id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	ONE(ar, q, sent_row, out);
}

enum sel_err
store_ranking_sent_add(struct stx *tx, struct arena *ar,
    struct s_ranking_sent *r)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[2 * crypto_hash_sha256_BYTES + 1];
	struct sq *q = db_sq(DB(tx), "INSERT INTO ranking_sent (selection_id, "
	    "sent_at, sent_by, to_role, body, sha256) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6)");

	if (q == NULL)
		return SEL_ESTORE;
	crypto_hash_sha256(h, (const unsigned char *)r->body.p, r->body.len);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	if (ar != NULL)
		r->sha256 = (struct str){ arena_strndup(ar, hex, 64), 64 };
	sq_i64(q, 1, r->selection_id);
	sq_text(q, 2, r->sent_at);
	sq_text(q, 3, r->sent_by);
	sq_text(q, 4, r->to_role);
	sq_text(q, 5, r->body);
	sq_text(q, 6, str_c(hex));
	return sq_run(q);
}

enum sel_err
store_result_facts(struct stx *tx, int64_t sel, size_t *published,
    bool *sent)
{
	struct sq *q = db_sq(DB(tx), "SELECT (SELECT count(*) FROM publication "
	    "WHERE selection_id = ?1 AND kind = 'stage_result'), EXISTS "
	    "(SELECT 1 FROM ranking_sent WHERE selection_id = ?1)");
	int rc;

	*published = 0;
	*sent = false;
	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	if ((rc = sq_step(q)) == SQ_ROW) {
		*published = (size_t)sq_col_i64(q, 0);
		*sent = sq_col_i64(q, 1) != 0;
	}
	sq_done(q);
	return rc == SQ_ROW ? SEL_OK : SEL_ESTORE;
}

static void
addressee_row(struct arena *ar, struct sq *q, struct s_addressee *a)
{
	a->account_id = sq_col_i64(q, 0);
	a->name = sq_col_str(ar, q, 1);
	a->email = sq_col_str(ar, q, 2);
}

enum sel_err
store_role_holders(struct stx *tx, struct arena *ar, int64_t region,
    int64_t sel, enum role r, struct s_addressee **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT DISTINCT a.id, a.name, a.email "
	    "FROM grant_role g JOIN account a ON a.id = g.account_id "
	    "WHERE g.region_id = ?1 AND (g.selection_id = 0 OR "
	    "g.selection_id = ?2) AND g.role = ?3 ORDER BY a.id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, region);
	sq_i64(q, 2, sel);
	sq_text(q, 3, str_c(role_name(r)));
	COLLECT(ar, q, struct s_addressee, out, n, addressee_row);
}
