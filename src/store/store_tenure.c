/*
 * store_tenure.c - the rows of an official's term (store_tenure.h).
 */
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "store/store.h"
#include "store/store_int.h"
#include "store/store_tenure.h"
#include "base/banned.h"

static void
term_row(struct arena *ar, struct sq *q, struct s_term *t)
{
	t->vacancy_id = sq_col_i64(q, 0);
	t->selection_id = sq_col_i64(q, 1);
	t->region_id = sq_col_i64(q, 2);
	t->profile_id = sq_col_str(ar, q, 3);
	t->region = sq_col_str(ar, q, 4);
	t->post = sq_col_str(ar, q, 5);
	t->agency = sq_col_str(ar, q, 6);
	t->reg_no = sq_col_str(ar, q, 7);
	t->name = sq_col_str(ar, q, 8);
	t->decree_no = sq_col_str(ar, q, 9);
	t->decree_on = sq_col_str(ar, q, 10);
	t->tmt = sq_col_str(ar, q, 11);
	t->inaugurated_on = sq_col_str(ar, q, 12);
	t->ended_on = sq_col_str(ar, q, 13);
}

enum sel_err
store_terms(struct stx *tx, struct arena *ar, int64_t region, int64_t vac,
    struct s_term **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT a.vacancy_id, a.selection_id, "
	    "s.region_id, r.profile_id, r.name, v.title, v.agency, x.reg_no, "
	    "c.name, a.decree_no, a.decree_on, a.tmt, a.inaugurated_on, "
	    "coalesce(e.ended_on, '') FROM appointment a JOIN selection s ON "
	    "s.id = a.selection_id JOIN region r ON r.id = s.region_id JOIN "
	    "vacancy v ON v.id = a.vacancy_id JOIN application x ON x.id = "
	    "a.application_id JOIN account c ON c.id = x.account_id LEFT JOIN "
	    "term_end e ON e.vacancy_id = a.vacancy_id WHERE (?1 = 0 OR "
	    "s.region_id = ?1) AND (?2 = 0 OR a.vacancy_id = ?2) ORDER BY "
	    "a.tmt, a.vacancy_id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, region);
	sq_i64(q, 2, vac);
	COLLECT(ar, q, struct s_term, out, n, term_row);
}

/* Binds the recorder at ?first.. ?first + 2. */
static void
by_bind(struct sq *q, int first, const struct s_by *b)
{
	sq_text(q, first, b->at);
	sq_text(q, first + 1, b->name);
	sq_i64(q, first + 2, b->account_id);
}

static void
by_row(struct arena *ar, struct sq *q, int first, struct s_by *b)
{
	b->at = sq_col_str(ar, q, first);
	b->name = sq_col_str(ar, q, first + 1);
	b->account_id = sq_col_i64(q, first + 2);
}

#define BY_COLS	"recorded_at, recorded_by, account_id"

enum sel_err
store_term_team_add(struct stx *tx, int64_t vac, const struct s_term_team *t)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO term_team (vacancy_id, "
	    "formed_on, letter_no, members, " BY_COLS ") VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?7)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, vac);
	sq_text(q, 2, t->formed_on);
	sq_text(q, 3, t->letter_no);
	sq_text(q, 4, t->members);
	by_bind(q, 5, &t->by);
	return sq_run(q);
}

static void
team_row(struct arena *ar, struct sq *q, struct s_term_team *t)
{
	t->formed_on = sq_col_str(ar, q, 0);
	t->letter_no = sq_col_str(ar, q, 1);
	t->members = sq_col_str(ar, q, 2);
	by_row(ar, q, 3, &t->by);
}

enum sel_err
store_term_team(struct stx *tx, struct arena *ar, int64_t vac,
    struct s_term_team *out)
{
	struct sq *q = db_sq(DB(tx), "SELECT formed_on, letter_no, members, "
	    BY_COLS " FROM term_team WHERE vacancy_id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, vac);
	ONE(ar, q, team_row, out);
}

enum sel_err
store_term_outcome_add(struct stx *tx, int64_t vac,
    const struct s_term_outcome *o)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO term_outcome (vacancy_id, "
	    "extended, letter_no, letter_on, note, " BY_COLS ") VALUES (?1, "
	    "?2, ?3, ?4, ?5, ?6, ?7, ?8)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, vac);
	sq_i64(q, 2, o->extended);
	sq_text(q, 3, o->letter_no);
	sq_text(q, 4, o->letter_on);
	sq_text(q, 5, o->note);
	by_bind(q, 6, &o->by);
	return sq_run(q);
}

static void
outcome_row(struct arena *ar, struct sq *q, struct s_term_outcome *o)
{
	o->extended = sq_col_i64(q, 0) != 0;
	o->letter_no = sq_col_str(ar, q, 1);
	o->letter_on = sq_col_str(ar, q, 2);
	o->note = sq_col_str(ar, q, 3);
	by_row(ar, q, 4, &o->by);
}

enum sel_err
store_term_outcome(struct stx *tx, struct arena *ar, int64_t vac,
    struct s_term_outcome *out)
{
	struct sq *q = db_sq(DB(tx), "SELECT extended, letter_no, letter_on, "
	    "note, " BY_COLS " FROM term_outcome WHERE vacancy_id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, vac);
	ONE(ar, q, outcome_row, out);
}

enum sel_err
store_term_perf_add(struct stx *tx, int64_t vac, const struct s_term_perf *p)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO term_perf (vacancy_id, kind, "
	    "year, met, assessed_on, note, " BY_COLS ") VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?7, ?8, ?9)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, vac);
	sq_text(q, 2, p->kind);
	sq_i64(q, 3, p->year);
	sq_i64(q, 4, p->met);
	sq_text(q, 5, p->assessed_on);
	sq_text(q, 6, p->note);
	by_bind(q, 7, &p->by);
	return sq_run(q);
}

static void
perf_row(struct arena *ar, struct sq *q, struct s_term_perf *p)
{
	p->kind = sq_col_str(ar, q, 0);
	p->year = sq_col_i64(q, 1);
	p->met = sq_col_i64(q, 2) != 0;
	p->assessed_on = sq_col_str(ar, q, 3);
	p->note = sq_col_str(ar, q, 4);
	by_row(ar, q, 5, &p->by);
}

enum sel_err
store_term_perfs(struct stx *tx, struct arena *ar, int64_t vac,
    struct s_term_perf **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT kind, year, met, assessed_on, "
	    "note, " BY_COLS " FROM term_perf WHERE vacancy_id = ?1 ORDER BY "
	    "id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, vac);
	COLLECT(ar, q, struct s_term_perf, out, n, perf_row);
}

enum sel_err
store_term_move_add(struct stx *tx, int64_t vac, const struct s_term_move *m)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO term_move (vacancy_id, "
	    "moved_on, to_post, decree_no, coordination, " BY_COLS ") VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, vac);
	sq_text(q, 2, m->moved_on);
	sq_text(q, 3, m->to_post);
	sq_text(q, 4, m->decree_no);
	sq_text(q, 5, m->coordination);
	by_bind(q, 6, &m->by);
	return sq_run(q);
}

static void
move_row(struct arena *ar, struct sq *q, struct s_term_move *m)
{
	m->moved_on = sq_col_str(ar, q, 0);
	m->to_post = sq_col_str(ar, q, 1);
	m->decree_no = sq_col_str(ar, q, 2);
	m->coordination = sq_col_str(ar, q, 3);
	by_row(ar, q, 4, &m->by);
}

enum sel_err
store_term_move(struct stx *tx, struct arena *ar, int64_t vac,
    struct s_term_move *out)
{
	struct sq *q = db_sq(DB(tx), "SELECT moved_on, to_post, decree_no, "
	    "coordination, " BY_COLS " FROM term_move WHERE vacancy_id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, vac);
	ONE(ar, q, move_row, out);
}

enum sel_err
store_term_end_add(struct stx *tx, int64_t vac, const struct s_term_end *e)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO term_end (vacancy_id, "
	    "ended_on, reason, exception, note, " BY_COLS ") VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, ?7, ?8)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, vac);
	sq_text(q, 2, e->ended_on);
	sq_text(q, 3, e->reason);
	sq_i64(q, 4, e->exception);
	sq_text(q, 5, e->note);
	by_bind(q, 6, &e->by);
	return sq_run(q);
}

static void
end_row(struct arena *ar, struct sq *q, struct s_term_end *e)
{
	e->ended_on = sq_col_str(ar, q, 0);
	e->reason = sq_col_str(ar, q, 1);
	e->exception = sq_col_i64(q, 2) != 0;
	e->note = sq_col_str(ar, q, 3);
	by_row(ar, q, 4, &e->by);
}

enum sel_err
store_term_end(struct stx *tx, struct arena *ar, int64_t vac,
    struct s_term_end *out)
{
	struct sq *q = db_sq(DB(tx), "SELECT ended_on, reason, exception, "
	    "note, " BY_COLS " FROM term_end WHERE vacancy_id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, vac);
	ONE(ar, q, end_row, out);
}

enum sel_err
store_term_reminder_add(struct stx *tx, int64_t vac, struct str mark,
    int days, struct str at, bool *added)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO term_reminder (vacancy_id, "
	    "mark, days, queued_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO "
	    "NOTHING RETURNING vacancy_id");
	int64_t id = 0;
	enum sel_err rc;

	*added = false;
	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, vac);
	sq_text(q, 2, mark);
	sq_i64(q, 3, days);
	sq_text(q, 4, at);
	rc = sq_run_one(q, &id);
	if (rc == SEL_ENOENT)
		return SEL_OK;
	*added = rc == SEL_OK;
	return rc;
}

static void
email_row(struct arena *ar, struct sq *q, struct str *e)
{
	*e = sq_col_str(ar, q, 0);
}

enum sel_err
store_role_emails(struct stx *tx, struct arena *ar, int64_t region,
    int64_t sel, const char *role, struct str **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT DISTINCT c.email FROM grant_role "
	    "g JOIN account c ON c.id = g.account_id WHERE g.region_id = ?1 "
	    "AND g.selection_id IN (0, ?2) AND g.role = ?3 AND c.email <> '' "
	    "ORDER BY c.email");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, region);
	sq_i64(q, 2, sel);
	sq_text(q, 3, str_c(role));
	COLLECT(ar, q, struct str, out, n, email_row);
}
