/*
 * store_apply.c - applicants, one-time tokens, applications and the
 * e-mail outbox.
 */
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "store/store.h"
#include "store/store_int.h"
#include "base/banned.h"

#define APPLICANT_COLS "p.account_id, p.nip, p.birth_date, p.tmt_cpns, " \
	"p.confirmed_at, p.record, p.record_at, a.name, a.email"

static void
applicant_row(struct arena *ar, struct sq *q, struct s_applicant *p)
{
	p->account_id = sq_col_i64(q, 0);
	p->nip = sq_col_str(ar, q, 1);
	p->birth_date = sq_col_str(ar, q, 2);
	p->tmt_cpns = sq_col_str(ar, q, 3);
	p->confirmed_at = sq_col_str(ar, q, 4);
	p->record = sq_col_str(ar, q, 5);
	p->record_at = sq_col_str(ar, q, 6);
	p->name = sq_col_str(ar, q, 7);
	p->email = sq_col_str(ar, q, 8);
}

static enum sel_err
applicant_one(struct arena *ar, struct sq *q, struct s_applicant *p)
{
	ONE(ar, q, applicant_row, p);
}

enum sel_err
store_applicant_add(struct stx *tx, const struct s_applicant *p)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO applicant (account_id, nip, "
	    "birth_date, tmt_cpns) VALUES (?1, ?2, ?3, ?4)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, p->account_id);
	sq_text(q, 2, p->nip);
	sq_text(q, 3, p->birth_date);
	sq_text(q, 4, p->tmt_cpns);
	return sq_run(q);
}

enum sel_err
store_applicant_get(struct stx *tx, struct arena *ar, int64_t account_id,
    struct s_applicant *p)
{
	struct sq *q = db_sq(DB(tx), "SELECT " APPLICANT_COLS " FROM "
	    "applicant p JOIN account a ON a.id = p.account_id "
	    "WHERE p.account_id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, account_id);
	return applicant_one(ar, q, p);
}

enum sel_err
store_applicant_by_nip(struct stx *tx, struct arena *ar, struct str nip,
    struct s_applicant *p)
{
	struct sq *q = db_sq(DB(tx), "SELECT " APPLICANT_COLS " FROM "
	    "applicant p JOIN account a ON a.id = p.account_id "
	    "WHERE p.nip = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_text(q, 1, nip);
	return applicant_one(ar, q, p);
}

enum sel_err
store_applicant_confirm(struct stx *tx, int64_t account_id, struct str at)
{
	struct sq *q = db_sq(DB(tx), "UPDATE applicant SET confirmed_at = ?2 "
	    "WHERE account_id = ?1 AND confirmed_at = ''");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, account_id);
	sq_text(q, 2, at);
	return sq_run(q);
}

enum sel_err
store_applicant_record(struct stx *tx, int64_t account_id, struct str record,
    struct str at)
{
	struct sq *q = db_sq(DB(tx), "UPDATE applicant SET record = ?2, "
	    "record_at = ?3 WHERE account_id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, account_id);
	sq_text(q, 2, record);
	sq_text(q, 3, at);
	return sq_run(q);
}

enum sel_err
store_account_by_email(struct stx *tx, struct arena *ar, struct str email,
    struct s_account *r)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, login, name, email, pwhash, "
	    "is_admin FROM account WHERE email = ?1 AND email <> '' "
	    "ORDER BY id LIMIT 1");
	int rc;

	if (q == NULL)
		return SEL_ESTORE;
	sq_text(q, 1, email);
	rc = sq_step(q);
	if (rc == SQ_ROW) {
		r->id = sq_col_i64(q, 0);
		r->login = sq_col_str(ar, q, 1);
		r->name = sq_col_str(ar, q, 2);
		r->email = sq_col_str(ar, q, 3);
		r->pwhash = sq_col_str(ar, q, 4);
		r->admin = sq_col_i64(q, 5) != 0;
	}
	sq_done(q);
	if (rc == SQ_ROW)
		return SEL_OK;
	return rc == SQ_DONE ? SEL_ENOENT : SEL_ESTORE;
}

/* ---- one-time tokens ---- */

enum sel_err
store_onetime_add(struct stx *tx, const unsigned char h[32],
    int64_t account_id, const char *purpose, int64_t expires_at)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO onetime (hash, account_id, "
	    "purpose, expires_at) VALUES (?1, ?2, ?3, ?4)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_blob(q, 1, h, 32);
	sq_i64(q, 2, account_id);
	sq_text(q, 3, str_c(purpose));
	sq_i64(q, 4, expires_at);
	return sq_run(q);
}

enum sel_err
store_onetime_take(struct stx *tx, const unsigned char h[32],
    const char *purpose, int64_t now, int64_t *account_id)
{
	struct sq *q = db_sq(DB(tx), "DELETE FROM onetime WHERE hash = ?1 "
	    "AND purpose = ?2 AND expires_at > ?3 RETURNING account_id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_blob(q, 1, h, 32);
	sq_text(q, 2, str_c(purpose));
	sq_i64(q, 3, now);
	return sq_run_id(q, account_id) == SEL_OK ? SEL_OK : SEL_ENOENT;
}

enum sel_err
store_onetime_drop(struct stx *tx, int64_t account_id, const char *purpose)
{
	struct sq *q = db_sq(DB(tx), "DELETE FROM onetime WHERE account_id = "
	    "?1 AND purpose = ?2");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, account_id);
	sq_text(q, 2, str_c(purpose));
	return sq_run(q);
}

enum sel_err
store_onetime_live(struct stx *tx, int64_t account_id, const char *purpose,
    int64_t now, int64_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT count(*) FROM onetime WHERE "
	    "account_id = ?1 AND purpose = ?2 AND expires_at > ?3");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, account_id);
	sq_text(q, 2, str_c(purpose));
	sq_i64(q, 3, now);
	return sq_run_id(q, n);
}

enum sel_err
store_account_release(struct stx *tx, int64_t account_id, struct str as)
{
	static const char *const sql[] = {
		"UPDATE account SET login = ?2, pwhash = '!' WHERE id = ?1",
		"UPDATE applicant SET nip = ?2 WHERE account_id = ?1",
		"DELETE FROM session WHERE account_id = ?1",
		"DELETE FROM onetime WHERE account_id = ?1",
	};
	enum sel_err rc = SEL_OK;

	for (size_t i = 0; i < sizeof sql / sizeof *sql && rc == SEL_OK;
	    i++) {
		struct sq *q = db_sq(DB(tx), sql[i]);

		if (q == NULL)
			return SEL_ESTORE;
		sq_i64(q, 1, account_id);
		if (i < 2)
			sq_text(q, 2, as);
		rc = sq_run(q);
	}
	return rc;
}

/* ---- applications ---- */

enum sel_err
store_application_count(struct stx *tx, int64_t sel, int64_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT count(*) FROM application "
	    "WHERE selection_id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	return sq_run_id(q, n);
}

enum sel_err
store_application_active(struct stx *tx, int64_t sel, int64_t account_id,
    int64_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT count(*) FROM application "
	    "WHERE selection_id = ?1 AND account_id = ?2 "
	    "AND state = 'submitted'");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_i64(q, 2, account_id);
	return sq_run_id(q, n);
}

enum sel_err
store_application_add(struct stx *tx, struct s_application *a)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO application (selection_id, "
	    "vacancy_id, account_id, state, reg_no, submitted_at, record, "
	    "verdict, rules) VALUES (?1, ?2, ?3, 'submitted', ?4, ?5, ?6, ?7, "
	    "?8) RETURNING id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, a->selection_id);
	sq_i64(q, 2, a->vacancy_id);
	sq_i64(q, 3, a->account_id);
	sq_text(q, 4, a->reg_no);
	sq_text(q, 5, a->submitted_at);
	sq_text(q, 6, a->record);
	sq_text(q, 7, a->verdict);
	sq_text(q, 8, a->rules);
	return sq_run_id(q, &a->id);
}

void
application_row(struct arena *ar, struct sq *q, struct s_application *x)
{
	x->id = sq_col_i64(q, 0);
	x->selection_id = sq_col_i64(q, 1);
	x->vacancy_id = sq_col_i64(q, 2);
	x->account_id = sq_col_i64(q, 3);
	x->state = sq_col_str(ar, q, 4);
	x->reg_no = sq_col_str(ar, q, 5);
	x->submitted_at = sq_col_str(ar, q, 6);
	x->withdrawn_at = sq_col_str(ar, q, 7);
	x->record = sq_col_str(ar, q, 8);
	x->verdict = sq_col_str(ar, q, 9);
	x->rules = sq_col_str(ar, q, 10);
	x->name = sq_col_str(ar, q, 11);
	x->vacancy_title = sq_col_str(ar, q, 12);
}

enum sel_err
store_application_get(struct stx *tx, struct arena *ar, int64_t id,
    struct s_application *x)
{
	struct sq *q = db_sq(DB(tx), "SELECT " APP_COLS APP_FROM
	    "WHERE x.id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	ONE(ar, q, application_row, x);
}

enum sel_err
store_application_withdraw(struct stx *tx, int64_t id, struct str at)
{
	struct sq *q = db_sq(DB(tx), "UPDATE application SET state = "
	    "'withdrawn', withdrawn_at = ?2 WHERE id = ?1 AND state = "
	    "'submitted' RETURNING id");
	int64_t got;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	sq_text(q, 2, at);
	return sq_run_id(q, &got) == SEL_OK ? SEL_OK : SEL_ENOENT;
}

enum sel_err
store_applications(struct stx *tx, struct arena *ar, int64_t sel,
    int64_t account_id, struct s_application **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT " APP_COLS APP_FROM
	    "WHERE (?1 = 0 OR x.selection_id = ?1) "
	    "AND (?2 = 0 OR x.account_id = ?2) "
	    "ORDER BY x.vacancy_id, x.reg_no");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_i64(q, 2, account_id);
	COLLECT(ar, q, struct s_application, out, n, application_row);
}

/* ---- the outbox ---- */

enum sel_err
store_mail_add(struct stx *tx, struct str to, struct str subject,
    struct str body, int64_t now)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO outbox (to_addr, subject, "
	    "body, created_at, next_at) VALUES (?1, ?2, ?3, ?4, ?4)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_text(q, 1, to);
	sq_text(q, 2, subject);
	sq_text(q, 3, body);
	sq_i64(q, 4, now);
	return sq_run(q);
}

static void
mail_row(struct arena *ar, struct sq *q, struct s_mail *m)
{
	m->id = sq_col_i64(q, 0);
	m->to = sq_col_str(ar, q, 1);
	m->subject = sq_col_str(ar, q, 2);
	m->body = sq_col_str(ar, q, 3);
	m->attempts = sq_col_i64(q, 4);
}

enum sel_err
store_mail_due(struct stx *tx, struct arena *ar, int64_t now, size_t max,
    struct s_mail **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, to_addr, subject, body, "
	    "attempts FROM outbox WHERE sent_at = 0 AND next_at <= ?1 "
	    "ORDER BY next_at, id LIMIT ?2");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, now);
	sq_i64(q, 2, (int64_t)max);
	COLLECT(ar, q, struct s_mail, out, n, mail_row);
}

enum sel_err
store_mail_sent(struct stx *tx, int64_t id, int64_t now)
{
	struct sq *q = db_sq(DB(tx), "UPDATE outbox SET sent_at = ?2, "
	    "attempts = attempts + 1 WHERE id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	sq_i64(q, 2, now);
	return sq_run(q);
}

enum sel_err
store_mail_failed(struct stx *tx, int64_t id, int64_t next_at,
    struct str error)
{
	struct sq *q = db_sq(DB(tx), "UPDATE outbox SET next_at = ?2, "
	    "attempts = attempts + 1, last_error = ?3 WHERE id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	sq_i64(q, 2, next_at);
	sq_text(q, 3, error);
	return sq_run(q);
}

enum sel_err
store_mail_waiting(struct stx *tx, int64_t until, int64_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT count(*) FROM outbox "
	    "WHERE sent_at = 0 AND next_at < ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, until);
	return sq_run_id(q, n);
}

enum sel_err
store_mails_to(struct stx *tx, struct arena *ar, struct str to,
    struct s_mail **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, to_addr, subject, body, "
	    "attempts FROM outbox WHERE to_addr = ?1 ORDER BY id DESC");

	if (q == NULL)
		return SEL_ESTORE;
	sq_text(q, 1, to);
	COLLECT(ar, q, struct s_mail, out, n, mail_row);
}
