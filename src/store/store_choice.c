/*
 * store_choice.c - the rows of the PPK's choice (store_choice.h).
 */
#include <stdint.h>
#include <string.h>

#include <sodium.h>

#include "base/arena.h"
#include "store/store.h"
#include "store/store_int.h"
#include "store/store_choice.h"
#include "base/banned.h"

enum sel_err
store_ppk_interview_add(struct stx *tx, const struct s_ppk_interview *r,
    int64_t *id)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO ppk_interview (selection_id, "
	    "vacancy_id, held_on, notes, recorded_at, recorded_by, account_id) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, r->selection_id);
	sq_i64(q, 2, r->vacancy_id);
	sq_text(q, 3, r->held_on);
	sq_text(q, 4, r->notes);
	sq_text(q, 5, r->recorded_at);
	sq_text(q, 6, r->recorded_by);
	sq_i64(q, 7, r->account_id);
	return sq_run_id(q, id);
}

static void
interview_row(struct arena *ar, struct sq *q, struct s_ppk_interview *r)
{
	r->id = sq_col_i64(q, 0);
	r->selection_id = sq_col_i64(q, 1);
	r->vacancy_id = sq_col_i64(q, 2);
	r->held_on = sq_col_str(ar, q, 3);
	r->notes = sq_col_str(ar, q, 4);
	r->recorded_at = sq_col_str(ar, q, 5);
	r->recorded_by = sq_col_str(ar, q, 6);
	r->account_id = sq_col_i64(q, 7);
}

enum sel_err
store_ppk_interviews(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_ppk_interview **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, selection_id, vacancy_id, "
	    "held_on, notes, recorded_at, recorded_by, account_id FROM "
	    "ppk_interview WHERE selection_id = ?1 ORDER BY id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_ppk_interview, out, n, interview_row);
}

enum sel_err
store_ppk_choice_add(struct stx *tx, const struct s_ppk_choice *c)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO ppk_choice (vacancy_id, "
	    "selection_id, application_id, chosen_on, reason, recorded_at, "
	    "recorded_by, account_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, c->vacancy_id);
	sq_i64(q, 2, c->selection_id);
	sq_i64(q, 3, c->application_id);
	sq_text(q, 4, c->chosen_on);
	sq_text(q, 5, c->reason);
	sq_text(q, 6, c->recorded_at);
	sq_text(q, 7, c->recorded_by);
	sq_i64(q, 8, c->account_id);
	return sq_run(q);
}

static void
choice_row(struct arena *ar, struct sq *q, struct s_ppk_choice *c)
{
	c->vacancy_id = sq_col_i64(q, 0);
	c->selection_id = sq_col_i64(q, 1);
	c->application_id = sq_col_i64(q, 2);
	c->chosen_on = sq_col_str(ar, q, 3);
	c->reason = sq_col_str(ar, q, 4);
	c->recorded_at = sq_col_str(ar, q, 5);
	c->recorded_by = sq_col_str(ar, q, 6);
	c->account_id = sq_col_i64(q, 7);
	c->reg_no = sq_col_str(ar, q, 8);
	c->name = sq_col_str(ar, q, 9);
}

enum sel_err
store_ppk_choices(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_ppk_choice **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT c.vacancy_id, c.selection_id, "
	    "c.application_id, c.chosen_on, c.reason, c.recorded_at, "
	    "c.recorded_by, c.account_id, x.reg_no, a.name FROM ppk_choice c "
	    "JOIN application x ON x.id = c.application_id JOIN account a ON "
	    "a.id = x.account_id WHERE c.selection_id = ?1 ORDER BY "
	    "c.vacancy_id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_ppk_choice, out, n, choice_row);
}

enum sel_err
store_choice_fact(struct stx *tx, int64_t sel, size_t nstages, bool *chosen)
{
	struct sq *q = db_sq(DB(tx), "SELECT (SELECT count(*) FROM ppk_choice "
	    "WHERE selection_id = ?1), (SELECT count(DISTINCT x.vacancy_id) "
	    "FROM application x WHERE x.selection_id = ?1 AND (SELECT "
	    "count(*) FROM stage_outcome o WHERE o.application_id = x.id AND "
	    "o.outcome = 'passed') = ?2)");
	int rc;

	*chosen = false;
	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_i64(q, 2, (int64_t)nstages);
	if ((rc = sq_step(q)) == SQ_ROW)
		*chosen = sq_col_i64(q, 0) > 0 &&
		    sq_col_i64(q, 0) >= sq_col_i64(q, 1);
	sq_done(q);
	return rc == SQ_ROW ? SEL_OK : SEL_ESTORE;
}

enum sel_err
store_consult_add(struct stx *tx, const struct s_consult *c)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO consultation (selection_id, "
	    "vacancy_id, rule, act, letter_no, letter_on, summary, names, "
	    "recorded_at, recorded_by, account_id) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7, ?8, ?9, ?10, ?11)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, c->selection_id);
	sq_i64(q, 2, c->vacancy_id);
	sq_text(q, 3, c->rule);
	sq_text(q, 4, c->act);
	sq_text(q, 5, c->letter_no);
	sq_text(q, 6, c->letter_on);
	sq_text(q, 7, c->summary);
	sq_text(q, 8, c->names);
	sq_text(q, 9, c->recorded_at);
	sq_text(q, 10, c->recorded_by);
	sq_i64(q, 11, c->account_id);
	return sq_run(q);
}

static void
consult_row(struct arena *ar, struct sq *q, struct s_consult *c)
{
	c->id = sq_col_i64(q, 0);
	c->selection_id = sq_col_i64(q, 1);
	c->vacancy_id = sq_col_i64(q, 2);
	c->rule = sq_col_str(ar, q, 3);
	c->act = sq_col_str(ar, q, 4);
	c->letter_no = sq_col_str(ar, q, 5);
	c->letter_on = sq_col_str(ar, q, 6);
	c->summary = sq_col_str(ar, q, 7);
	c->names = sq_col_str(ar, q, 8);
	c->recorded_at = sq_col_str(ar, q, 9);
	c->recorded_by = sq_col_str(ar, q, 10);
	c->account_id = sq_col_i64(q, 11);
}

enum sel_err
store_consults(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_consult **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, selection_id, vacancy_id, "
	    "rule, act, letter_no, letter_on, summary, names, recorded_at, "
	    "recorded_by, account_id FROM consultation WHERE selection_id = ?1 "
	    "ORDER BY vacancy_id, rule, act DESC");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_consult, out, n, consult_row);
}

enum sel_err
store_report_add(struct stx *tx, struct arena *ar, struct s_report_sent *r)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[2 * crypto_hash_sha256_BYTES + 1];
	struct sq *q = db_sq(DB(tx), "INSERT INTO report_sent (selection_id, "
	    "letter_no, letter_on, body, sha256, sent_at, sent_by, account_id) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");

	if (q == NULL)
		return SEL_ESTORE;
	crypto_hash_sha256(h, (const unsigned char *)r->body.p, r->body.len);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	r->sha256 = (struct str){ arena_strndup(ar, hex, 64), 64 };
	sq_i64(q, 1, r->selection_id);
	sq_text(q, 2, r->letter_no);
	sq_text(q, 3, r->letter_on);
	sq_text(q, 4, r->body);
	sq_text(q, 5, r->sha256);
	sq_text(q, 6, r->sent_at);
	sq_text(q, 7, r->sent_by);
	sq_i64(q, 8, r->account_id);
	return sq_run(q);
}

static void
report_row(struct arena *ar, struct sq *q, struct s_report_sent *r)
{
	r->selection_id = sq_col_i64(q, 0);
	r->letter_no = sq_col_str(ar, q, 1);
	r->letter_on = sq_col_str(ar, q, 2);
	r->body = sq_col_str(ar, q, 3);
	r->sha256 = sq_col_str(ar, q, 4);
	r->sent_at = sq_col_str(ar, q, 5);
	r->sent_by = sq_col_str(ar, q, 6);
	r->account_id = sq_col_i64(q, 7);
}

enum sel_err
store_report_get(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_report_sent *out)
{
	struct sq *q = db_sq(DB(tx), "SELECT selection_id, letter_no, "
	    "letter_on, body, sha256, sent_at, sent_by, account_id FROM "
	    "report_sent WHERE selection_id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	ONE(ar, q, report_row, out);
}

enum sel_err
store_recommend_add(struct stx *tx, const struct s_recommend *r)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO recommendation (selection_id, "
	    "verdict, letter_no, letter_on, text, binding, recorded_role, "
	    "recorded_at, recorded_by, account_id) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7, ?8, ?9, ?10)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, r->selection_id);
	sq_text(q, 2, r->verdict);
	sq_text(q, 3, r->letter_no);
	sq_text(q, 4, r->letter_on);
	sq_text(q, 5, r->text);
	sq_i64(q, 6, r->binding ? 1 : 0);
	sq_text(q, 7, r->recorded_role);
	sq_text(q, 8, r->recorded_at);
	sq_text(q, 9, r->recorded_by);
	sq_i64(q, 10, r->account_id);
	return sq_run(q);
}

static void
recommend_row(struct arena *ar, struct sq *q, struct s_recommend *r)
{
	r->selection_id = sq_col_i64(q, 0);
	r->verdict = sq_col_str(ar, q, 1);
	r->letter_no = sq_col_str(ar, q, 2);
	r->letter_on = sq_col_str(ar, q, 3);
	r->text = sq_col_str(ar, q, 4);
	r->binding = sq_col_i64(q, 5) != 0;
	r->recorded_role = sq_col_str(ar, q, 6);
	r->recorded_at = sq_col_str(ar, q, 7);
	r->recorded_by = sq_col_str(ar, q, 8);
	r->account_id = sq_col_i64(q, 9);
}

enum sel_err
store_recommend_get(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_recommend *out)
{
	struct sq *q = db_sq(DB(tx), "SELECT selection_id, verdict, letter_no, "
	    "letter_on, text, binding, recorded_role, recorded_at, "
	    "recorded_by, account_id FROM recommendation WHERE selection_id = "
	    "?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	ONE(ar, q, recommend_row, out);
}

enum sel_err
store_appoint_add(struct stx *tx, const struct s_appoint *a)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO appointment (vacancy_id, "
	    "selection_id, application_id, decree_no, decree_on, tmt, "
	    "inaugurated_on, mode, place, recorded_at, recorded_by, "
	    "account_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
	    "?12)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, a->vacancy_id);
	sq_i64(q, 2, a->selection_id);
	sq_i64(q, 3, a->application_id);
	sq_text(q, 4, a->decree_no);
	sq_text(q, 5, a->decree_on);
	sq_text(q, 6, a->tmt);
	sq_text(q, 7, a->inaugurated_on);
	sq_text(q, 8, a->mode);
	sq_text(q, 9, a->place);
	sq_text(q, 10, a->recorded_at);
	sq_text(q, 11, a->recorded_by);
	sq_i64(q, 12, a->account_id);
	return sq_run(q);
}

static void
appoint_row(struct arena *ar, struct sq *q, struct s_appoint *a)
{
	a->vacancy_id = sq_col_i64(q, 0);
	a->selection_id = sq_col_i64(q, 1);
	a->application_id = sq_col_i64(q, 2);
	a->decree_no = sq_col_str(ar, q, 3);
	a->decree_on = sq_col_str(ar, q, 4);
	a->tmt = sq_col_str(ar, q, 5);
	a->inaugurated_on = sq_col_str(ar, q, 6);
	a->mode = sq_col_str(ar, q, 7);
	a->place = sq_col_str(ar, q, 8);
	a->recorded_at = sq_col_str(ar, q, 9);
	a->recorded_by = sq_col_str(ar, q, 10);
	a->account_id = sq_col_i64(q, 11);
}

enum sel_err
store_appoints(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_appoint **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT vacancy_id, selection_id, "
	    "application_id, decree_no, decree_on, tmt, inaugurated_on, mode, "
	    "place, recorded_at, recorded_by, account_id FROM appointment "
	    "WHERE selection_id = ?1 ORDER BY vacancy_id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_appoint, out, n, appoint_row);
}

enum sel_err
store_app_person(struct stx *tx, struct arena *ar, int64_t app,
    struct str *birth, struct str *record)
{
	struct sq *q = db_sq(DB(tx), "SELECT p.birth_date, x.record FROM "
	    "application x JOIN applicant p ON p.account_id = x.account_id "
	    "WHERE x.id = ?1");
	int rc;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, app);
	if ((rc = sq_step(q)) == SQ_ROW) {
		*birth = sq_col_str(ar, q, 0);
		*record = sq_col_str(ar, q, 1);
	}
	sq_done(q);
	return rc == SQ_ROW ? SEL_OK : rc == SQ_DONE ? SEL_ENOENT :
	    SEL_ESTORE;
}

enum sel_err
store_appoint_fact(struct stx *tx, int64_t sel, bool *appointed)
{
	struct sq *q = db_sq(DB(tx), "SELECT (SELECT count(*) FROM appointment "
	    "WHERE selection_id = ?1), (SELECT count(*) FROM ppk_choice WHERE "
	    "selection_id = ?1)");
	int rc;

	*appointed = false;
	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	if ((rc = sq_step(q)) == SQ_ROW)
		*appointed = sq_col_i64(q, 0) > 0 &&
		    sq_col_i64(q, 0) >= sq_col_i64(q, 1);
	sq_done(q);
	return rc == SQ_ROW ? SEL_OK : SEL_ESTORE;
}
