/*
 * store_sel.c - selections and their preparation: stages of the plan,
 * vacancies, committee members.
 */
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "store/store.h"
#include "store/store_int.h"
#include "base/banned.h"

/*
 * One UPDATE per field: the column names are fixed here, never built
 * from input.
 */
#define F(col)	{ #col, "UPDATE selection SET " #col " = ?2 WHERE id = ?1" }
static const struct {
	const char	*name;
	const char	*update;
} sfields[SF__N] = {
	[SF_TITLE] = F(title), [SF_STATE] = F(state),
	[SF_CREATED_AT] = F(created_at),
	[SF_PLAN_DUTIES] = F(plan_duties),
	[SF_PLAN_STANDARD] = F(plan_standard),
	[SF_PLAN_METHODS] = F(plan_methods),
	[SF_PLAN_SYSTEM] = F(plan_system), [SF_WEIGHTS] = F(weights),
	[SF_PLAN_SENT_ON] = F(plan_sent_on),
	[SF_PLAN_SENT_REF] = F(plan_sent_ref), [SF_REC_ON] = F(rec_on),
	[SF_REC_REF] = F(rec_ref), [SF_REC_TEXT] = F(rec_text),
	[SF_CONSULT_ON] = F(consult_on), [SF_CONSULT_REF] = F(consult_ref),
	[SF_COMMITTEE_OK_ON] = F(committee_ok_on),
	[SF_COMMITTEE_REF] = F(committee_ref),
	[SF_ANN_NUMBER] = F(ann_number), [SF_ANN_ITEMS] = F(ann_items),
	[SF_ANN_TEXT] = F(ann_text), [SF_ANN_OPEN] = F(ann_open),
	[SF_ANN_CLOSE] = F(ann_close), [SF_PUBLISHED_AT] = F(published_at),
	[SF_SIGNED_BY] = F(signed_by),
	[SF_ADM_PUBLISHED_AT] = F(adm_published_at),
	[SF_ADM_SIGNED_BY] = F(adm_signed_by),
	[SF_CLOSED_AT] = F(closed_at), [SF_CLOSED_BY] = F(closed_by),
};
#undef F

#define SEL_COLS "id, region_id, title, state, created_at, plan_duties, " \
	"plan_standard, plan_methods, plan_system, weights, plan_sent_on, " \
	"plan_sent_ref, rec_on, rec_ref, rec_text, consult_on, consult_ref, " \
	"committee_ok_on, committee_ref, ann_number, ann_items, ann_text, " \
	"ann_open, ann_close, published_at, signed_by, adm_published_at, " \
	"adm_signed_by, closed_at, closed_by"

const char *
sfield_name(enum sfield f)
{
	return (unsigned)f < SF__N ? sfields[f].name : "?";
}

static void
sel_row(struct arena *a, struct sq *q, struct s_selection *s)
{
	s->id = sq_col_i64(q, 0);
	s->region_id = sq_col_i64(q, 1);
	for (int i = 0; i < SF__N; i++)
		s->f[i] = sq_col_str(a, q, 2 + i);
}

enum sel_err
store_selection_add(struct stx *tx, int64_t region_id, struct str title,
    struct str created_at, int64_t *id)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO selection (region_id, "
	    "title, created_at) VALUES (?1, ?2, ?3) RETURNING id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, region_id);
	sq_text(q, 2, title);
	sq_text(q, 3, created_at);
	return sq_run_id(q, id);
}

enum sel_err
store_selection_get(struct stx *tx, struct arena *a, int64_t id,
    struct s_selection *s)
{
	struct sq *q = db_sq(DB(tx), "SELECT " SEL_COLS " FROM selection "
	    "WHERE id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	ONE(a, q, sel_row, s);
}

enum sel_err
store_selections(struct stx *tx, struct arena *a, int64_t region_id,
    bool published_only, struct s_selection **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT " SEL_COLS " FROM selection "
	    "WHERE (?1 = 0 OR region_id = ?1) "
	    "AND (?2 = 0 OR state <> 'preparing') "
	    "ORDER BY ann_close DESC, id DESC");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, region_id);
	sq_i64(q, 2, published_only);
	COLLECT(a, q, struct s_selection, out, n, sel_row);
}

enum sel_err
store_selection_set(struct stx *tx, int64_t id, enum sfield f,
    struct str value)
{
	struct sq *q;

	if ((unsigned)f >= SF__N)
		return SEL_EINTERNAL;
	q = db_sq(DB(tx), sfields[f].update);
	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	sq_text(q, 2, value);
	return sq_run(q);
}

/* ---- a selection's numbers, one statement per column ---- */

static const struct {
	const char	*get, *set;
} snums[SN__N] = {
	[SN_MAX_APPS] = { "SELECT max_apps FROM selection WHERE id = ?1",
	    "UPDATE selection SET max_apps = ?2 WHERE id = ?1" },
	[SN_EXTENSIONS] = { "SELECT extensions FROM selection WHERE id = ?1",
	    "UPDATE selection SET extensions = ?2 WHERE id = ?1" },
};

enum sel_err
store_selection_num(struct stx *tx, int64_t sel, enum snum f, int64_t *n)
{
	struct sq *q;

	if ((unsigned)f >= SN__N)
		return SEL_EINTERNAL;
	if ((q = db_sq(DB(tx), snums[f].get)) == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	return sq_run_id(q, n) == SEL_OK ? SEL_OK : SEL_ENOENT;
}

enum sel_err
store_selection_set_num(struct stx *tx, int64_t sel, enum snum f, int64_t n)
{
	struct sq *q;

	if ((unsigned)f >= SN__N)
		return SEL_EINTERNAL;
	if ((q = db_sq(DB(tx), snums[f].set)) == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_i64(q, 2, n);
	return sq_run(q);
}

/* ---- stages of the plan ---- */

static void
stage_row(struct arena *a, struct sq *q, struct s_stage *s)
{
	s->stage = sq_col_str(a, q, 0);
	s->starts_on = sq_col_str(a, q, 1);
	s->ends_on = sq_col_str(a, q, 2);
	s->method = sq_col_str(a, q, 3);
}

enum sel_err
store_stages(struct stx *tx, struct arena *a, int64_t sel,
    struct s_stage **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT stage, starts_on, ends_on, "
	    "method FROM selection_stage WHERE selection_id = ?1 "
	    "ORDER BY starts_on, stage");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(a, q, struct s_stage, out, n, stage_row);
}

enum sel_err
store_stage_put(struct stx *tx, int64_t sel, const struct s_stage *s)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO selection_stage "
	    "(selection_id, stage, starts_on, ends_on, method) VALUES "
	    "(?1, ?2, ?3, ?4, ?5) ON CONFLICT (selection_id, stage) DO UPDATE "
	    "SET starts_on = ?3, ends_on = ?4, method = ?5");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, s->stage);
	sq_text(q, 3, s->starts_on);
	sq_text(q, 4, s->ends_on);
	sq_text(q, 5, s->method);
	return sq_run(q);
}

enum sel_err
store_stage_del(struct stx *tx, int64_t sel, struct str stage)
{
	struct sq *q = db_sq(DB(tx), "DELETE FROM selection_stage WHERE "
	    "selection_id = ?1 AND stage = ?2");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	return sq_run(q);
}

/* ---- vacancies ---- */

static void
vacancy_row(struct arena *a, struct sq *q, struct s_vacancy *v)
{
	v->id = sq_col_i64(q, 0);
	v->selection_id = sq_col_i64(q, 1);
	v->title = sq_col_str(a, q, 2);
	v->agency = sq_col_str(a, q, 3);
	v->level = sq_col_str(a, q, 4);
	v->echelon = sq_col_str(a, q, 5);
	v->kind = sq_col_str(a, q, 6);
	v->field = sq_col_str(a, q, 7);
	v->reason = sq_col_str(a, q, 8);
	v->reason_note = sq_col_str(a, q, 9);
}

enum sel_err
store_vacancy_add(struct stx *tx, const struct s_vacancy *v, int64_t *id)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO vacancy (selection_id, "
	    "title, agency, level, echelon, kind, field, reason, reason_note) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, v->selection_id);
	sq_text(q, 2, v->title);
	sq_text(q, 3, v->agency);
	sq_text(q, 4, v->level);
	sq_text(q, 5, v->echelon);
	sq_text(q, 6, v->kind);
	sq_text(q, 7, v->field);
	sq_text(q, 8, v->reason);
	sq_text(q, 9, v->reason_note);
	return sq_run_id(q, id);
}

enum sel_err
store_vacancy_del(struct stx *tx, int64_t sel, int64_t id)
{
	return store_del_row(tx, "DELETE FROM vacancy WHERE selection_id = ?1 AND "
	    "id = ?2 RETURNING id", sel, id);
}

enum sel_err
store_vacancies(struct stx *tx, struct arena *a, int64_t sel,
    struct s_vacancy **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, selection_id, title, "
	    "agency, level, echelon, kind, field, reason, reason_note "
	    "FROM vacancy WHERE selection_id = ?1 ORDER BY id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(a, q, struct s_vacancy, out, n, vacancy_row);
}

/* ---- committee members ---- */

#define MEMBER_COLS "m.id, m.selection_id, m.name, m.origin, m.echelon, " \
	"m.chair, m.assessor, m.decl, m.conflict, coalesce(m.account_id, 0), " \
	"m.email, coalesce(a.login, ''), m.left_at FROM member m LEFT JOIN " \
	"account a ON a.id = m.account_id "

static void
member_row(struct arena *a, struct sq *q, struct s_member *m)
{
	m->id = sq_col_i64(q, 0);
	m->selection_id = sq_col_i64(q, 1);
	m->name = sq_col_str(a, q, 2);
	m->origin = sq_col_str(a, q, 3);
	m->echelon = sq_col_str(a, q, 4);
	m->chair = sq_col_i64(q, 5) != 0;
	m->assessor = sq_col_i64(q, 6) != 0;
	m->decl = sq_col_str(a, q, 7);
	m->conflict = sq_col_str(a, q, 8);
	m->account_id = sq_col_i64(q, 9);
	m->email = sq_col_str(a, q, 10);
	m->login = sq_col_str(a, q, 11);
	m->left_at = sq_col_str(a, q, 12);
}

enum sel_err
store_member_add(struct stx *tx, const struct s_member *m, int64_t *id)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO member (selection_id, "
	    "name, origin, echelon, chair, assessor, decl, conflict, "
	    "account_id, email) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
	    "nullif(?9, 0), ?10) RETURNING id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, m->selection_id);
	sq_text(q, 2, m->name);
	sq_text(q, 3, m->origin);
	sq_text(q, 4, m->echelon);
	sq_i64(q, 5, m->chair);
	sq_i64(q, 6, m->assessor);
	sq_text(q, 7, m->decl);
	sq_text(q, 8, m->conflict);
	sq_i64(q, 9, m->account_id);
	sq_text(q, 10, m->email);
	return sq_run_id(q, id);
}

enum sel_err
store_member_del(struct stx *tx, int64_t sel, int64_t id)
{
	return store_del_row(tx, "DELETE FROM member WHERE selection_id = ?1 AND "
	    "id = ?2 RETURNING id", sel, id);
}

enum sel_err
store_members(struct stx *tx, struct arena *a, int64_t sel,
    struct s_member **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT " MEMBER_COLS "WHERE "
	    "m.selection_id = ?1 AND m.left_at = '' ORDER BY m.chair DESC, "
	    "m.id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(a, q, struct s_member, out, n, member_row);
}

enum sel_err
store_members_left(struct stx *tx, struct arena *a, int64_t sel,
    struct s_member **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT " MEMBER_COLS "WHERE "
	    "m.selection_id = ?1 AND m.left_at <> '' ORDER BY m.id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(a, q, struct s_member, out, n, member_row);
}

enum sel_err
store_member_get(struct stx *tx, struct arena *a, int64_t id,
    struct s_member *out)
{
	struct sq *q = db_sq(DB(tx), "SELECT " MEMBER_COLS "WHERE m.id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	ONE(a, q, member_row, out);
}

enum sel_err
store_member_set_account(struct stx *tx, int64_t id, int64_t account_id)
{
	struct sq *q = db_sq(DB(tx), "UPDATE member SET account_id = ?2 "
	    "WHERE id = ?1 AND account_id IS NULL RETURNING id");
	int64_t got;
	enum sel_err rc;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	sq_i64(q, 2, account_id);
	rc = sq_run_one(q, &got);
	return rc;
}

enum sel_err
store_member_leave(struct stx *tx, int64_t id, struct str at)
{
	struct sq *q = db_sq(DB(tx), "UPDATE member SET left_at = ?2 "
	    "WHERE id = ?1 AND left_at = '' RETURNING id");
	int64_t got;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	sq_text(q, 2, at);
	return sq_run_one(q, &got);
}

enum sel_err
store_grant_add_member(struct stx *tx, const struct s_grant *g,
    int64_t member_id, int64_t *id)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO grant_role (account_id, "
	    "region_id, selection_id, role, member_id) VALUES (?1, ?2, ?3, "
	    "?4, ?5) RETURNING id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, g->account_id);
	sq_i64(q, 2, g->region_id);
	sq_i64(q, 3, g->selection_id);
	sq_text(q, 4, str_c(role_name(g->role)));
	sq_i64(q, 5, member_id);
	return sq_run_id(q, id);
}

enum sel_err
store_grant_del_member(struct stx *tx, int64_t member_id, int64_t *n)
{
	struct sq *q = db_sq(DB(tx), "DELETE FROM grant_role WHERE "
	    "member_id = ?1 RETURNING id");
	int rc;

	*n = 0;
	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, member_id);
	while ((rc = sq_step(q)) == SQ_ROW)
		(*n)++;
	sq_done(q);
	return rc == SQ_DONE ? SEL_OK : SEL_ESTORE;
}

enum sel_err
store_member_invite_add(struct stx *tx, const unsigned char h[32],
    int64_t member_id, int64_t expires_at)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO member_invite (hash, "
	    "member_id, expires_at) VALUES (?1, ?2, ?3)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_blob(q, 1, h, 32);
	sq_i64(q, 2, member_id);
	sq_i64(q, 3, expires_at);
	return sq_run(q);
}

enum sel_err
store_member_invite_take(struct stx *tx, const unsigned char h[32],
    int64_t now, int64_t *member_id)
{
	struct sq *q = db_sq(DB(tx), "DELETE FROM member_invite WHERE hash = "
	    "?1 AND expires_at > ?2 RETURNING member_id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_blob(q, 1, h, 32);
	sq_i64(q, 2, now);
	return sq_run_one(q, member_id);
}
