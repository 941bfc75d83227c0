/*
 * store_adm.c - the administrative selection's checks and decisions,
 * clarifications, window extensions, complaints.
 */
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "store/store.h"
#include "store/store_int.h"
#include "base/banned.h"

enum sel_err
store_adm_check(struct stx *tx, int64_t id, bool complete, struct str note,
    struct str by, struct str at)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO adm_check (application_id, "
	    "complete, note, checked_by, checked_at) VALUES (?1, ?2, ?3, ?4, "
	    "?5) ON CONFLICT (application_id) DO UPDATE SET complete = ?2, "
	    "note = ?3, checked_by = ?4, checked_at = ?5");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	sq_i64(q, 2, complete);
	sq_text(q, 3, note);
	sq_text(q, 4, by);
	sq_text(q, 5, at);
	return sq_run(q);
}

enum sel_err
store_adm_decide(struct stx *tx, int64_t id, bool passed, struct str reason,
    struct str by, struct str at)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO adm_decision "
	    "(application_id, passed, reason, decided_by, decided_at) VALUES "
	    "(?1, ?2, ?3, ?4, ?5) ON CONFLICT (application_id) DO UPDATE SET "
	    "passed = ?2, reason = ?3, decided_by = ?4, decided_at = ?5");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	sq_i64(q, 2, passed);
	sq_text(q, 3, reason);
	sq_text(q, 4, by);
	sq_text(q, 5, at);
	return sq_run(q);
}

enum sel_err
store_adm_override_set(struct stx *tx, int64_t id, struct str rules,
    struct str reason, struct str by, struct str at)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO adm_override "
	    "(application_id, rules, reason, overridden_by, overridden_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (application_id) DO "
	    "UPDATE SET rules = ?2, reason = ?3, overridden_by = ?4, "
	    "overridden_at = ?5");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	sq_text(q, 2, rules);
	sq_text(q, 3, reason);
	sq_text(q, 4, by);
	sq_text(q, 5, at);
	return sq_run(q);
}

enum sel_err
store_adm_override_del(struct stx *tx, int64_t id)
{
	struct sq *q = db_sq(DB(tx), "DELETE FROM adm_override WHERE "
	    "application_id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	return sq_run(q);
}

static void
adm_row(struct arena *ar, struct sq *q, struct s_adm *r)
{
	application_row(ar, q, &r->a);
	r->complete = sq_col_null(q, 13) ? -1 : (int)sq_col_i64(q, 13);
	r->check_note = sq_col_str(ar, q, 14);
	r->checked_by = sq_col_str(ar, q, 15);
	r->passed = sq_col_null(q, 16) ? -1 : (int)sq_col_i64(q, 16);
	r->reason = sq_col_str(ar, q, 17);
	r->decided_by = sq_col_str(ar, q, 18);
	r->ov_rules = sq_col_str(ar, q, 19);
	r->ov_reason = sq_col_str(ar, q, 20);
	r->ov_by = sq_col_str(ar, q, 21);
	r->ov_at = sq_col_str(ar, q, 22);
}

enum sel_err
store_adm_rows(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_adm **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT " APP_COLS ", c.complete, "
	    "c.note, c.checked_by, d.passed, d.reason, d.decided_by, "
	    "coalesce(o.rules, ''), coalesce(o.reason, ''), "
	    "coalesce(o.overridden_by, ''), coalesce(o.overridden_at, '')"
	    APP_FROM "LEFT JOIN adm_check c ON c.application_id = x.id "
	    "LEFT JOIN adm_decision d ON d.application_id = x.id "
	    "LEFT JOIN adm_override o ON o.application_id = x.id "
	    "WHERE x.selection_id = ?1 ORDER BY x.vacancy_id, x.reg_no");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_adm, out, n, adm_row);
}

enum sel_err
store_clar_add(struct stx *tx, int64_t id, struct str question,
    struct str by, struct str at)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO clarification "
	    "(application_id, question, asked_by, asked_at) VALUES (?1, ?2, "
	    "?3, ?4)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	sq_text(q, 2, question);
	sq_text(q, 3, by);
	sq_text(q, 4, at);
	return sq_run(q);
}

enum sel_err
store_clar_answer(struct stx *tx, int64_t id, int64_t application_id,
    struct str answer, struct str at)
{
	struct sq *q = db_sq(DB(tx), "UPDATE clarification SET answer = ?3, "
	    "answered_at = ?4 WHERE id = ?1 AND application_id = ?2 AND "
	    "answered_at = '' RETURNING id");
	int64_t got;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	sq_i64(q, 2, application_id);
	sq_text(q, 3, answer);
	sq_text(q, 4, at);
	return sq_run_id(q, &got) == SEL_OK ? SEL_OK : SEL_ENOENT;
}

static void
clar_row(struct arena *ar, struct sq *q, struct s_clar *c)
{
	c->id = sq_col_i64(q, 0);
	c->application_id = sq_col_i64(q, 1);
	c->question = sq_col_str(ar, q, 2);
	c->asked_by = sq_col_str(ar, q, 3);
	c->asked_at = sq_col_str(ar, q, 4);
	c->answer = sq_col_str(ar, q, 5);
	c->answered_at = sq_col_str(ar, q, 6);
}

enum sel_err
store_clars(struct stx *tx, struct arena *ar, int64_t id,
    struct s_clar **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, application_id, question, "
	    "asked_by, asked_at, answer, answered_at FROM clarification "
	    "WHERE application_id = ?1 ORDER BY id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	COLLECT(ar, q, struct s_clar, out, n, clar_row);
}

enum sel_err
store_complaint_add(struct stx *tx, struct s_complaint *c)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO complaint (tracking, "
	    "selection_id, name, contact, body, created_at) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6) RETURNING id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_text(q, 1, c->tracking);
	sq_i64(q, 2, c->selection_id);
	sq_text(q, 3, c->name);
	sq_text(q, 4, c->contact);
	sq_text(q, 5, c->body);
	sq_text(q, 6, c->created_at);
	return sq_run_id(q, &c->id);
}

#define COMPLAINT_COLS "id, selection_id, tracking, name, contact, body, " \
	"created_at, answer, answered_by, answered_at"

static void
complaint_row(struct arena *ar, struct sq *q, struct s_complaint *c)
{
	c->id = sq_col_i64(q, 0);
	c->selection_id = sq_col_i64(q, 1);
	c->tracking = sq_col_str(ar, q, 2);
	c->name = sq_col_str(ar, q, 3);
	c->contact = sq_col_str(ar, q, 4);
	c->body = sq_col_str(ar, q, 5);
	c->created_at = sq_col_str(ar, q, 6);
	c->answer = sq_col_str(ar, q, 7);
	c->answered_by = sq_col_str(ar, q, 8);
	c->answered_at = sq_col_str(ar, q, 9);
}

enum sel_err
store_complaint_by_tracking(struct stx *tx, struct arena *ar,
    struct str tracking, struct s_complaint *c)
{
	struct sq *q = db_sq(DB(tx), "SELECT " COMPLAINT_COLS " FROM "
	    "complaint WHERE tracking = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_text(q, 1, tracking);
	ONE(ar, q, complaint_row, c);
}

enum sel_err
store_complaints(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_complaint **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT " COMPLAINT_COLS " FROM "
	    "complaint WHERE selection_id = ?1 ORDER BY id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_complaint, out, n, complaint_row);
}

enum sel_err
store_complaint_answer(struct stx *tx, int64_t id, int64_t sel,
    struct str answer, struct str by, struct str at)
{
	struct sq *q = db_sq(DB(tx), "UPDATE complaint SET answer = ?3, "
	    "answered_by = ?4, answered_at = ?5 WHERE id = ?1 AND "
	    "selection_id = ?2 RETURNING id");
	int64_t got;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	sq_i64(q, 2, sel);
	sq_text(q, 3, answer);
	sq_text(q, 4, by);
	sq_text(q, 5, at);
	return sq_run_id(q, &got) == SEL_OK ? SEL_OK : SEL_ENOENT;
}

enum sel_err
store_invitation_add(struct stx *tx, const struct s_invitation *v)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO invitation (selection_id, "
	    "vacancy_id, nip, name, invited_by, invited_at) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, v->selection_id);
	sq_i64(q, 2, v->vacancy_id);
	sq_text(q, 3, v->nip);
	sq_text(q, 4, v->name);
	sq_text(q, 5, v->invited_by);
	sq_text(q, 6, v->invited_at);
	return sq_run(q);
}

static void
invitation_row(struct arena *ar, struct sq *q, struct s_invitation *v)
{
	v->id = sq_col_i64(q, 0);
	v->selection_id = sq_col_i64(q, 1);
	v->vacancy_id = sq_col_i64(q, 2);
	v->nip = sq_col_str(ar, q, 3);
	v->name = sq_col_str(ar, q, 4);
	v->invited_by = sq_col_str(ar, q, 5);
	v->invited_at = sq_col_str(ar, q, 6);
}

enum sel_err
store_invitations(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_invitation **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, selection_id, vacancy_id, "
	    "nip, name, invited_by, invited_at FROM invitation WHERE "
	    "selection_id = ?1 ORDER BY vacancy_id, id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_invitation, out, n, invitation_row);
}

enum sel_err
store_invited(struct stx *tx, int64_t vacancy_id, struct str nip, bool *yes)
{
	struct sq *q = db_sq(DB(tx), "SELECT count(*) FROM invitation WHERE "
	    "vacancy_id = ?1 AND nip = ?2");
	int64_t n = 0;
	enum sel_err rc;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, vacancy_id);
	sq_text(q, 2, nip);
	rc = sq_run_id(q, &n);
	*yes = n > 0;
	return rc;
}
