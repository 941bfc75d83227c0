/*
 * store_stage.c - the rows of running a stage (store_stage.h).
 */
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "store/store.h"
#include "store/store_int.h"
#include "store/store_stage.h"
#include "base/banned.h"

static void
plan_row(struct arena *a, struct sq *q, struct s_stage_plan *s)
{
	s->stage = sq_col_str(a, q, 0);
	s->starts_on = sq_col_str(a, q, 1);
	s->ends_on = sq_col_str(a, q, 2);
	s->method = sq_col_str(a, q, 3);
	s->pass_min = sq_col_i64(q, 4);
	s->pass_best = sq_col_i64(q, 5);
	s->place = sq_col_str(a, q, 6);
	s->link = sq_col_str(a, q, 7);
	s->time_text = sq_col_str(a, q, 8);
	s->provider = sq_col_str(a, q, 9);
}

enum sel_err
store_stage_plans(struct stx *tx, struct arena *a, int64_t sel,
    struct s_stage_plan **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT stage, starts_on, ends_on, "
	    "method, pass_min, pass_best, place, link, time_text, provider "
	    "FROM selection_stage WHERE selection_id = ?1 "
	    "ORDER BY starts_on, stage");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(a, q, struct s_stage_plan, out, n, plan_row);
}

enum sel_err
store_stage_plan_set(struct stx *tx, int64_t sel, const struct s_stage_plan *s)
{
	int64_t id;
	struct sq *q = db_sq(DB(tx), "UPDATE selection_stage SET pass_min = "
	    "?3, pass_best = ?4, place = ?5, link = ?6, time_text = ?7, "
	    "provider = ?8 WHERE selection_id = ?1 AND stage = ?2 "
	    "RETURNING selection_id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, s->stage);
	sq_i64(q, 3, s->pass_min);
	sq_i64(q, 4, s->pass_best);
	sq_text(q, 5, s->place);
	sq_text(q, 6, s->link);
	sq_text(q, 7, s->time_text);
	sq_text(q, 8, s->provider);
	return sq_run_one(q, &id);
}

static void
invite_row(struct arena *a, struct sq *q, struct s_stage_invite *s)
{
	s->application_id = sq_col_i64(q, 0);
	s->sent_at = sq_col_str(a, q, 1);
}

enum sel_err
store_stage_invites(struct stx *tx, struct arena *a, int64_t sel,
    struct str stage, struct s_stage_invite **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT application_id, sent_at FROM "
	    "stage_invite WHERE selection_id = ?1 AND stage = ?2 "
	    "ORDER BY application_id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	COLLECT(a, q, struct s_stage_invite, out, n, invite_row);
}

enum sel_err
store_stage_invite_add(struct stx *tx, int64_t sel, int64_t app,
    struct str stage, struct str at)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO stage_invite (selection_id, "
	    "application_id, stage, sent_at) VALUES (?1, ?2, ?3, ?4)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_i64(q, 2, app);
	sq_text(q, 3, stage);
	sq_text(q, 4, at);
	return sq_run(q);
}

static void
absence_row(struct arena *a, struct sq *q, struct s_stage_absence *s)
{
	s->application_id = sq_col_i64(q, 0);
	s->recorded_at = sq_col_str(a, q, 1);
	s->recorded_by = sq_col_str(a, q, 2);
	s->note = sq_col_str(a, q, 3);
}

enum sel_err
store_stage_absences(struct stx *tx, struct arena *a, int64_t sel,
    struct str stage, struct s_stage_absence **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT application_id, recorded_at, "
	    "recorded_by, note FROM stage_absence WHERE selection_id = ?1 AND "
	    "stage = ?2 ORDER BY application_id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	COLLECT(a, q, struct s_stage_absence, out, n, absence_row);
}

enum sel_err
store_stage_absence_add(struct stx *tx, int64_t sel, int64_t app,
    struct str stage, const struct s_stage_absence *s)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO stage_absence (selection_id, "
	    "application_id, stage, recorded_at, recorded_by, note) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_i64(q, 2, app);
	sq_text(q, 3, stage);
	sq_text(q, 4, s->recorded_at);
	sq_text(q, 5, s->recorded_by);
	sq_text(q, 6, s->note);
	return sq_run(q);
}

enum sel_err
store_stage_is_closed(struct stx *tx, int64_t sel, struct str stage,
    bool *closed)
{
	struct sq *q = db_sq(DB(tx), "SELECT count(*) FROM stage_close WHERE "
	    "selection_id = ?1 AND stage = ?2");
	int rc;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	rc = sq_step(q);
	*closed = rc == SQ_ROW && sq_col_i64(q, 0) > 0;
	sq_done(q);
	return rc == SQ_ROW ? SEL_OK : SEL_ESTORE;
}

static void
crit_row(struct arena *a, struct sq *q, struct s_track_criterion *s)
{
	s->name = sq_col_str(a, q, 0);
	s->weight = sq_col_i64(q, 1);
}

enum sel_err
store_track_criteria(struct stx *tx, struct arena *a, int64_t sel,
    struct s_track_criterion **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT name, weight FROM "
	    "track_criterion WHERE selection_id = ?1 ORDER BY pos");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(a, q, struct s_track_criterion, out, n, crit_row);
}

enum sel_err
store_track_criteria_set(struct stx *tx, int64_t sel,
    const struct s_track_criterion *c, size_t n)
{
	struct sq *q = db_sq(DB(tx), "DELETE FROM track_criterion WHERE "
	    "selection_id = ?1");
	enum sel_err rc;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	if ((rc = sq_run(q)) != SEL_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		q = db_sq(DB(tx), "INSERT INTO track_criterion (selection_id, "
		    "pos, name, weight) VALUES (?1, ?2, ?3, ?4)");
		if (q == NULL)
			return SEL_ESTORE;
		sq_i64(q, 1, sel);
		sq_i64(q, 2, (int64_t)i + 1);
		sq_text(q, 3, c[i].name);
		sq_i64(q, 4, c[i].weight);
		if ((rc = sq_run(q)) != SEL_OK)
			return rc;
	}
	return SEL_OK;
}

static void
inquiry_row(struct arena *a, struct sq *q, struct s_track_inquiry *s)
{
	s->id = sq_col_i64(q, 0);
	s->application_id = sq_col_i64(q, 1);
	s->source = sq_col_str(a, q, 2);
	s->note = sq_col_str(a, q, 3);
	s->recorded_at = sq_col_str(a, q, 4);
	s->recorded_by = sq_col_str(a, q, 5);
}

enum sel_err
store_track_inquiries(struct stx *tx, struct arena *a, int64_t sel,
    struct s_track_inquiry **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT id, application_id, source, note, "
	    "recorded_at, recorded_by FROM track_inquiry WHERE selection_id = "
	    "?1 ORDER BY application_id, id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(a, q, struct s_track_inquiry, out, n, inquiry_row);
}

enum sel_err
store_track_inquiry_add(struct stx *tx, int64_t sel,
    const struct s_track_inquiry *s, int64_t *id)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO track_inquiry (selection_id, "
	    "application_id, source, note, recorded_at, recorded_by) VALUES "
	    "(?1, ?2, ?3, ?4, ?5, ?6) RETURNING id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_i64(q, 2, s->application_id);
	sq_text(q, 3, s->source);
	sq_text(q, 4, s->note);
	sq_text(q, 5, s->recorded_at);
	sq_text(q, 6, s->recorded_by);
	return sq_run_id(q, id);
}

static void
material_row(struct arena *a, struct sq *q, struct s_stage_material *s)
{
	s->vacancy_id = sq_col_i64(q, 0);
	s->body = sq_col_str(a, q, 1);
	s->set_at = sq_col_str(a, q, 2);
	s->set_by = sq_col_str(a, q, 3);
}

enum sel_err
store_stage_materials(struct stx *tx, struct arena *a, int64_t sel,
    struct str stage, struct s_stage_material **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT vacancy_id, body, set_at, set_by "
	    "FROM stage_material WHERE selection_id = ?1 AND stage = ?2 "
	    "ORDER BY vacancy_id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	COLLECT(a, q, struct s_stage_material, out, n, material_row);
}

enum sel_err
store_stage_material_set(struct stx *tx, int64_t sel, struct str stage,
    const struct s_stage_material *s)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO stage_material (selection_id, "
	    "vacancy_id, stage, body, set_at, set_by) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6) ON CONFLICT (vacancy_id, stage) DO UPDATE SET body = ?4, "
	    "set_at = ?5, set_by = ?6");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_i64(q, 2, s->vacancy_id);
	sq_text(q, 3, stage);
	sq_text(q, 4, s->body);
	sq_text(q, 5, s->set_at);
	sq_text(q, 6, s->set_by);
	return sq_run(q);
}

static void
mine_row(struct arena *a, struct sq *q, struct s_my_stage *s)
{
	s->selection_id = sq_col_i64(q, 0);
	s->application_id = sq_col_i64(q, 1);
	s->reg_no = sq_col_str(a, q, 2);
	s->stage = sq_col_str(a, q, 3);
	s->sent_at = sq_col_str(a, q, 4);
	s->starts_on = sq_col_str(a, q, 5);
	s->ends_on = sq_col_str(a, q, 6);
	s->place = sq_col_str(a, q, 7);
	s->link = sq_col_str(a, q, 8);
	s->time_text = sq_col_str(a, q, 9);
	s->absent = !sq_col_null(q, 10);
	s->absence_note = sq_col_str(a, q, 10);
}

/* Every stage of the applications (of an account, or one) that has an
   invitation or an absence, with the plan's row of that stage. */
#define MINE_SQL "SELECT x.selection_id, x.id, x.reg_no, " \
	    "k.stage, coalesce(i.sent_at, ''), coalesce(s.starts_on, ''), " \
	    "coalesce(s.ends_on, ''), coalesce(s.place, ''), " \
	    "coalesce(s.link, ''), coalesce(s.time_text, ''), b.note " \
	    "FROM application x JOIN (SELECT application_id, stage FROM " \
	    "stage_invite UNION SELECT application_id, stage FROM " \
	    "stage_absence) k ON k.application_id = x.id " \
	    "LEFT JOIN stage_invite i ON i.application_id = x.id AND " \
	    "i.stage = k.stage LEFT JOIN stage_absence b ON " \
	    "b.application_id = x.id AND b.stage = k.stage " \
	    "LEFT JOIN selection_stage s ON s.selection_id = x.selection_id " \
	    "AND s.stage = k.stage WHERE "

enum sel_err
store_my_stages(struct stx *tx, struct arena *a, int64_t account,
    struct s_my_stage **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), MINE_SQL "x.account_id = ?1 "
	    "ORDER BY x.id, s.starts_on, k.stage");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, account);
	COLLECT(a, q, struct s_my_stage, out, n, mine_row);
}

enum sel_err
store_application_stages(struct stx *tx, struct arena *a, int64_t app,
    struct s_my_stage **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), MINE_SQL "x.id = ?1 "
	    "ORDER BY s.starts_on, k.stage");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, app);
	COLLECT(a, q, struct s_my_stage, out, n, mine_row);
}
