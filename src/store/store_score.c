/*
 * store_score.c - the rows of a stage's scoring (store_score.h).
 */
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "store/store.h"
#include "store/store_int.h"
#include "store/store_score.h"
#include "base/banned.h"

static void
person_row(struct arena *ar, struct sq *q, struct s_sel_person *p)
{
	struct str roles = sq_col_str(ar, q, 3);

	p->account_id = sq_col_i64(q, 0);
	p->name = sq_col_str(ar, q, 1);
	p->login = sq_col_str(ar, q, 2);
	while (roles.len > 0) {
		const char *semi = memchr(roles.p, ';', roles.len);
		size_t n = semi != NULL ? (size_t)(semi - roles.p) : roles.len;
		enum role r;

		if (role_parse((struct str){ roles.p, n }, &r))
			p->roles |= ROLE_BIT(r);
		roles.p += n + (semi != NULL);
		roles.len -= n + (semi != NULL);
	}
}

enum sel_err
store_sel_people(struct stx *tx, struct arena *ar, int64_t region,
    int64_t sel, struct s_sel_person **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT a.id, a.name, a.login, "
	    "group_concat(g.role, ';') FROM grant_role g JOIN account a ON "
	    "a.id = g.account_id WHERE g.region_id = ?1 AND g.selection_id "
	    "IN (0, ?2) GROUP BY a.id ORDER BY a.id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, region);
	sq_i64(q, 2, sel);
	COLLECT(ar, q, struct s_sel_person, out, n, person_row);
}

enum sel_err
store_stage_pass(struct stx *tx, int64_t sel, struct str stage, int64_t *min,
    int64_t *best)
{
	struct sq *q = db_sq(DB(tx), "SELECT pass_min, pass_best FROM "
	    "selection_stage WHERE selection_id = ?1 AND stage = ?2");
	int rc;

	*min = -1;
	*best = 0;
	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	if ((rc = sq_step(q)) == SQ_ROW) {
		*min = sq_col_i64(q, 0);
		*best = sq_col_i64(q, 1);
	}
	sq_done(q);
	return rc == SQ_ROW || rc == SQ_DONE ? SEL_OK : SEL_ESTORE;
}

static void
open_row(struct arena *ar, struct sq *q, struct s_stage_open *o)
{
	o->opened_at = sq_col_str(ar, q, 0);
	o->opened_by = sq_col_str(ar, q, 1);
}

enum sel_err
store_stage_open_get(struct stx *tx, struct arena *ar, int64_t sel,
    struct str stage, struct s_stage_open *o)
{
	struct sq *q = db_sq(DB(tx), "SELECT opened_at, opened_by FROM "
	    "stage_open WHERE selection_id = ?1 AND stage = ?2");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	ONE(ar, q, open_row, o);
}

enum sel_err
store_stage_open_add(struct stx *tx, int64_t sel, struct str stage,
    struct str at, struct str by)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO stage_open (selection_id, "
	    "stage, opened_at, opened_by) VALUES (?1, ?2, ?3, ?4)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	sq_text(q, 3, at);
	sq_text(q, 4, by);
	return sq_run(q);
}

enum sel_err
store_rater_add(struct stx *tx, int64_t sel, struct str stage,
    int64_t account_id, int64_t member_id)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO stage_rater (selection_id, "
	    "stage, account_id, member_id) VALUES (?1, ?2, ?3, ?4)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	sq_i64(q, 3, account_id);
	if (member_id != 0)
		sq_i64(q, 4, member_id);
	else
		sq_null(q, 4);
	return sq_run(q);
}

static void
rater_row(struct arena *ar, struct sq *q, struct s_rater *r)
{
	r->account_id = sq_col_i64(q, 0);
	r->member_id = sq_col_null(q, 1) ? 0 : sq_col_i64(q, 1);
	r->submitted_at = sq_col_str(ar, q, 2);
	r->name = sq_col_str(ar, q, 3);
}

enum sel_err
store_raters(struct stx *tx, struct arena *ar, int64_t sel, struct str stage,
    struct s_rater **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT r.account_id, r.member_id, "
	    "r.submitted_at, a.name FROM stage_rater r JOIN account a ON "
	    "a.id = r.account_id WHERE r.selection_id = ?1 AND r.stage = ?2 "
	    "ORDER BY r.account_id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	COLLECT(ar, q, struct s_rater, out, n, rater_row);
}

enum sel_err
store_rater_submit(struct stx *tx, int64_t sel, struct str stage,
    int64_t account_id, struct str at)
{
	struct sq *q = db_sq(DB(tx), "UPDATE stage_rater SET submitted_at = "
	    "?4 WHERE selection_id = ?1 AND stage = ?2 AND account_id = ?3 "
	    "RETURNING account_id");
	int64_t id;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	sq_i64(q, 3, account_id);
	sq_text(q, 4, at);
	return sq_run_one(q, &id);
}

static void
score_row(struct arena *ar, struct sq *q, struct s_score *s)
{
	s->id = sq_col_i64(q, 0);
	s->application_id = sq_col_i64(q, 1);
	s->rater_id = sq_col_i64(q, 2);
	s->value = sq_col_i64(q, 3);
	for (int i = 0; i < 3; i++)
		s->part[i] = sq_col_i64(q, 4 + i);
	s->entered_at = sq_col_str(ar, q, 7);
	s->corrected_at = sq_col_str(ar, q, 8);
	s->correct_reason = sq_col_str(ar, q, 9);
}

enum sel_err
store_scores(struct stx *tx, struct arena *ar, int64_t sel, struct str stage,
    int64_t rater, struct s_score **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, application_id, rater_id, "
	    "value, part_managerial, part_social, part_field, entered_at, "
	    "corrected_at, correct_reason FROM score WHERE selection_id = ?1 "
	    "AND stage = ?2 AND (?3 = 0 OR rater_id = ?3) ORDER BY "
	    "application_id, rater_id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	sq_i64(q, 3, rater);
	COLLECT(ar, q, struct s_score, out, n, score_row);
}

enum sel_err
store_score_put(struct stx *tx, int64_t sel, struct str stage,
    const struct s_score *s)
{
	struct sq *q = s->id == 0 ? db_sq(DB(tx), "INSERT INTO score "
	    "(selection_id, application_id, stage, rater_id, value, "
	    "part_managerial, part_social, part_field, entered_at, "
	    "corrected_at, correct_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?8, ?9, ?10, ?11) RETURNING id") : db_sq(DB(tx),
	    "UPDATE score SET value = ?5, part_managerial = ?6, part_social = "
	    "?7, part_field = ?8, entered_at = ?9, corrected_at = ?10, "
	    "correct_reason = ?11 WHERE id = ?12 AND selection_id = ?1 AND "
	    "application_id = ?2 AND stage = ?3 AND rater_id = ?4 "
	    "RETURNING id");
	int64_t id;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_i64(q, 2, s->application_id);
	sq_text(q, 3, stage);
	sq_i64(q, 4, s->rater_id);
	sq_i64(q, 5, s->value);
	for (int i = 0; i < 3; i++)
		sq_i64(q, 6 + i, s->part[i]);
	sq_text(q, 9, s->entered_at);
	sq_text(q, 10, s->corrected_at);
	sq_text(q, 11, s->correct_reason);
	if (s->id != 0) {
		sq_i64(q, 12, s->id);
		return sq_run_one(q, &id);
	}
	return sq_run_id(q, &id);
}

enum sel_err
store_recusal_add(struct stx *tx, int64_t sel, const struct s_recusal *r)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO recusal (selection_id, "
	    "application_id, rater_id, reason, declared_at) VALUES (?1, ?2, "
	    "?3, ?4, ?5)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_i64(q, 2, r->application_id);
	sq_i64(q, 3, r->rater_id);
	sq_text(q, 4, r->reason);
	sq_text(q, 5, r->declared_at);
	return sq_run(q);
}

static void
blind_row(struct arena *ar, struct sq *q, struct s_blind *b)
{
	b->application_id = sq_col_i64(q, 0);
	b->code = sq_col_str(ar, q, 1);
}

enum sel_err
store_blind_codes(struct stx *tx, struct arena *ar, int64_t sel,
    struct str stage, struct s_blind **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT application_id, code FROM "
	    "blind_code WHERE selection_id = ?1 AND stage = ?2 ORDER BY code");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	COLLECT(ar, q, struct s_blind, out, n, blind_row);
}

enum sel_err
store_blind_add(struct stx *tx, int64_t sel, struct str stage,
    int64_t application_id, struct str code)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO blind_code (selection_id, "
	    "application_id, stage, code) VALUES (?1, ?2, ?3, ?4)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_i64(q, 2, application_id);
	sq_text(q, 3, stage);
	sq_text(q, 4, code);
	return sq_run(q);
}

enum sel_err
store_stage_close_add(struct stx *tx, int64_t sel, struct str stage,
    const struct s_stage_close *c)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO stage_close (selection_id, "
	    "stage, closed_at, closed_by, decision) VALUES (?1, ?2, ?3, ?4, "
	    "?5)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	sq_text(q, 3, c->closed_at);
	sq_text(q, 4, c->closed_by);
	sq_text(q, 5, c->decision);
	return sq_run(q);
}

enum sel_err
store_outcome_add(struct stx *tx, int64_t sel, struct str stage,
    const struct s_outcome *o)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO stage_outcome "
	    "(selection_id, application_id, stage, score_sum, score_count, "
	    "outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_i64(q, 2, o->application_id);
	sq_text(q, 3, stage);
	sq_i64(q, 4, o->sum);
	sq_i64(q, 5, o->count);
	sq_text(q, 6, o->outcome);
	return sq_run(q);
}

