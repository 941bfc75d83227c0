/*
 * store_reuse.c - the rows of STG-REUSE (store_reuse.h, 014_reuse.sql).
 */
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "store/store_int.h"
#include "store/store_reuse.h"
#include "base/banned.h"

#define STAGE	"'assessment'"

static void
bind_id(struct sq *q, int idx, int64_t id)
{
	if (id > 0)
		sq_i64(q, idx, id);
	else
		sq_null(q, idx);
}

enum sel_err
store_assess_rec_add(struct stx *tx, const struct s_assess_rec *r,
    int64_t *id)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO assessment_record (region_id, "
	    "nip, name, account_id, selection_id, application_id, source, "
	    "level, post_title, provider, accreditation, held_on, result_on, "
	    "passed, score_sum, score_count, part_managerial, part_social, "
	    "part_field, report_ref, stop_reason, origin, recorded_at, "
	    "recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
	    "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, "
	    "?24) RETURNING id");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, r->region_id);
	sq_text(q, 2, r->nip);
	sq_text(q, 3, r->name);
	bind_id(q, 4, r->account_id);
	bind_id(q, 5, r->selection_id);
	bind_id(q, 6, r->application_id);
	sq_text(q, 7, r->source);
	sq_text(q, 8, r->level);
	sq_text(q, 9, r->post_title);
	sq_text(q, 10, r->provider);
	sq_text(q, 11, r->accreditation);
	sq_text(q, 12, r->held_on);
	sq_text(q, 13, r->result_on);
	sq_i64(q, 14, r->passed ? 1 : 0);
	sq_i64(q, 15, r->score_sum);
	sq_i64(q, 16, r->score_count);
	for (int i = 0; i < REUSE_NPARTS; i++)
		sq_i64(q, 17 + i, r->part[i]);
	sq_text(q, 20, r->report_ref);
	sq_text(q, 21, r->stop_reason);
	sq_text(q, 22, r->origin);
	sq_text(q, 23, r->recorded_at);
	sq_text(q, 24, r->recorded_by);
	return sq_run_id(q, id);
}

#define REC_COLS "r.id, r.region_id, r.nip, r.name, " \
	"coalesce(r.account_id, 0), coalesce(r.selection_id, 0), " \
	"coalesce(r.application_id, 0), r.source, r.level, r.post_title, " \
	"r.provider, r.accreditation, r.held_on, r.result_on, r.passed, " \
	"r.score_sum, r.score_count, r.part_managerial, r.part_social, " \
	"r.part_field, r.report_ref, r.stop_reason, r.origin, r.recorded_at, " \
	"r.recorded_by, coalesce(s.title, '') FROM assessment_record r " \
	"LEFT JOIN selection s ON s.id = r.selection_id "

static void
rec_row(struct arena *ar, struct sq *q, struct s_assess_rec *r)
{
	r->id = sq_col_i64(q, 0);
	r->region_id = sq_col_i64(q, 1);
	r->nip = sq_col_str(ar, q, 2);
	r->name = sq_col_str(ar, q, 3);
	r->account_id = sq_col_i64(q, 4);
	r->selection_id = sq_col_i64(q, 5);
	r->application_id = sq_col_i64(q, 6);
	r->source = sq_col_str(ar, q, 7);
	r->level = sq_col_str(ar, q, 8);
	r->post_title = sq_col_str(ar, q, 9);
	r->provider = sq_col_str(ar, q, 10);
	r->accreditation = sq_col_str(ar, q, 11);
	r->held_on = sq_col_str(ar, q, 12);
	r->result_on = sq_col_str(ar, q, 13);
	r->passed = sq_col_i64(q, 14) != 0;
	r->score_sum = sq_col_i64(q, 15);
	r->score_count = sq_col_i64(q, 16);
	for (int i = 0; i < REUSE_NPARTS; i++)
		r->part[i] = sq_col_i64(q, 17 + i);
	r->report_ref = sq_col_str(ar, q, 20);
	r->stop_reason = sq_col_str(ar, q, 21);
	r->origin = sq_col_str(ar, q, 22);
	r->recorded_at = sq_col_str(ar, q, 23);
	r->recorded_by = sq_col_str(ar, q, 24);
	r->source_title = sq_col_str(ar, q, 25);
}

enum sel_err
store_assess_rec_get(struct stx *tx, struct arena *ar, int64_t id,
    struct s_assess_rec *out)
{
	struct sq *q = db_sq(DB(tx), "SELECT " REC_COLS "WHERE r.id = ?1");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, id);
	ONE(ar, q, rec_row, out);
}

enum sel_err
store_assess_recs(struct stx *tx, struct arena *ar, int64_t region,
    struct str nip, struct s_assess_rec **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT " REC_COLS "WHERE r.region_id = "
	    "?1 AND (?2 = '' OR r.nip = ?2) ORDER BY r.held_on DESC, r.id DESC");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, region);
	sq_text(q, 2, nip);
	COLLECT(ar, q, struct s_assess_rec, out, n, rec_row);
}

/* The mean of a part's values, rounded half up; -1 without any. */
static int64_t
part_mean(struct sq *q, int col)
{
	int64_t sum = sq_col_i64(q, col), cnt = sq_col_i64(q, col + 1);

	return cnt > 0 ? (2 * sum + cnt) / (2 * cnt) : -1;
}

static void
stage_row(struct arena *ar, struct sq *q, struct s_assess_rec *r)
{
	r->region_id = sq_col_i64(q, 0);
	r->nip = sq_col_str(ar, q, 1);
	r->name = sq_col_str(ar, q, 2);
	r->account_id = sq_col_i64(q, 3);
	r->selection_id = sq_col_i64(q, 4);
	r->application_id = sq_col_i64(q, 5);
	r->level = sq_col_str(ar, q, 6);
	r->post_title = sq_col_str(ar, q, 7);
	r->score_sum = sq_col_i64(q, 8);
	r->score_count = sq_col_i64(q, 9);
	r->provider = sq_col_str(ar, q, 10);
	r->accreditation = sq_col_str(ar, q, 11);
	r->held_on = sq_col_str(ar, q, 12);
	for (int i = 0; i < REUSE_NPARTS; i++)
		r->part[i] = part_mean(q, 13 + 2 * i);
	r->passed = true;
	r->origin = STR("stage");
}

static enum sel_err
closed_at(struct stx *tx, struct arena *ar, int64_t sel, struct str stage,
    struct str *at)
{
	struct sq *q = db_sq(DB(tx), "SELECT closed_at FROM stage_close "
	    "WHERE selection_id = ?1 AND stage = ?2");
	int rc;

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	sq_text(q, 2, stage);
	rc = sq_step(q);
	if (rc == SQ_ROW && at != NULL)
		*at = sq_col_str(ar, q, 0);
	sq_done(q);
	return rc == SQ_ROW ? SEL_OK : rc == SQ_DONE ? SEL_ESTATE :
	    SEL_ESTORE;
}

enum sel_err
store_stage_closed(struct stx *tx, int64_t sel, struct str stage,
    bool *closed)
{
	enum sel_err rc = closed_at(tx, NULL, sel, stage, NULL);

	*closed = rc == SEL_OK;
	return rc == SEL_ESTATE ? SEL_OK : rc;
}

enum sel_err
store_assess_stage_rows(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_assess_rec **out, size_t *n, struct str *at)
{
	struct sq *q;
	enum sel_err rc;

	if ((rc = closed_at(tx, ar, sel, STR("assessment"), at)) != SEL_OK)
		return rc;
	q = db_sq(DB(tx), "SELECT s.region_id, ap.nip, a.name, x.account_id, "
	    "x.selection_id, x.id, v.level, v.title, o.score_sum, "
	    "o.score_count, coalesce(nullif(st.provider, ''), "
	    "p.assessor_name, ''), coalesce(p.assessor_grade, ''), "
	    "coalesce(st.ends_on, ''), "
	    "coalesce(sc.m_s, 0), coalesce(sc.m_n, 0), coalesce(sc.s_s, 0), "
	    "coalesce(sc.s_n, 0), coalesce(sc.f_s, 0), coalesce(sc.f_n, 0) "
	    "FROM stage_outcome o "
	    "JOIN application x ON x.id = o.application_id "
	    "JOIN account a ON a.id = x.account_id "
	    "JOIN applicant ap ON ap.account_id = x.account_id "
	    "JOIN vacancy v ON v.id = x.vacancy_id "
	    "JOIN selection s ON s.id = x.selection_id "
	    "LEFT JOIN selection_stage st ON st.selection_id = s.id AND "
	    "st.stage = " STAGE " "
	    "LEFT JOIN prac_selection p ON p.selection_id = s.id "
	    "LEFT JOIN (SELECT application_id, "
	    "sum(CASE WHEN part_managerial >= 0 THEN part_managerial END) m_s, "
	    "count(CASE WHEN part_managerial >= 0 THEN 1 END) m_n, "
	    "sum(CASE WHEN part_social >= 0 THEN part_social END) s_s, "
	    "count(CASE WHEN part_social >= 0 THEN 1 END) s_n, "
	    "sum(CASE WHEN part_field >= 0 THEN part_field END) f_s, "
	    "count(CASE WHEN part_field >= 0 THEN 1 END) f_n "
	    "FROM score WHERE selection_id = ?1 AND stage = " STAGE " "
	    "GROUP BY application_id) sc ON sc.application_id = x.id "
	    "WHERE o.selection_id = ?1 AND o.stage = " STAGE " AND "
	    "o.outcome = 'passed' AND o.score_count > 0 AND NOT EXISTS "
	    "(SELECT 1 FROM assessment_record r WHERE r.application_id = x.id) "
	    /* a result reused here is on record already, from its own
	       assessment: recording it again would restart its validity */
	    "AND NOT EXISTS (SELECT 1 FROM assessment_reuse u WHERE "
	    "u.application_id = x.id) "
	    "ORDER BY x.vacancy_id, x.reg_no");
	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_assess_rec, out, n, stage_row);
}

static enum sel_err
exists(struct sq *q, bool *yes)
{
	int rc = sq_step(q);

	*yes = rc == SQ_ROW && sq_col_i64(q, 0) != 0;
	sq_done(q);
	return rc == SQ_ROW ? SEL_OK : SEL_ESTORE;
}

enum sel_err
store_assess_after(struct stx *tx, int64_t app, int *after)
{
	/* Stopped: withdrew, or absent from a stage after the assessment
	   (an earlier absence would have stopped it before). */
	struct sq *stop = db_sq(DB(tx), "SELECT EXISTS (SELECT 1 FROM "
	    "application WHERE id = ?1 AND state = 'withdrawn') OR EXISTS "
	    "(SELECT 1 FROM stage_absence WHERE application_id = ?1 AND stage "
	    "<> " STAGE ") OR EXISTS (SELECT 1 FROM stage_outcome WHERE "
	    "application_id = ?1 AND stage <> " STAGE " AND outcome = "
	    "'absent')");
	/* Continued: an outcome in a stage closed after the assessment, or
	   a score in a stage not closed yet (stages close in order). */
	struct sq *went = db_sq(DB(tx), "SELECT EXISTS (SELECT 1 FROM "
	    "stage_outcome o JOIN stage_close c ON c.selection_id = "
	    "o.selection_id AND c.stage = o.stage JOIN stage_close k ON "
	    "k.selection_id = o.selection_id AND k.stage = " STAGE " WHERE "
	    "o.application_id = ?1 AND o.stage <> " STAGE " AND c.closed_at > "
	    "k.closed_at) OR EXISTS (SELECT 1 FROM score s WHERE "
	    "s.application_id = ?1 AND s.stage <> " STAGE " AND NOT EXISTS "
	    "(SELECT 1 FROM stage_close c WHERE c.selection_id = "
	    "s.selection_id AND c.stage = s.stage))");
	bool yes = false;
	enum sel_err rc;

	if (stop == NULL || went == NULL)
		return SEL_ESTORE;
	sq_i64(stop, 1, app);
	if ((rc = exists(stop, &yes)) != SEL_OK)
		return rc;
	if (yes) {
		*after = 0;
		return SEL_OK;
	}
	sq_i64(went, 1, app);
	if ((rc = exists(went, &yes)) != SEL_OK)
		return rc;
	*after = yes ? 1 : 2;
	return SEL_OK;
}

enum sel_err
store_reuse_add(struct stx *tx, const struct s_reuse *u)
{
	struct sq *q = db_sq(DB(tx), "INSERT INTO assessment_reuse "
	    "(application_id, selection_id, record_id, valid_until, applied_at, "
	    "applied_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, u->application_id);
	sq_i64(q, 2, u->selection_id);
	sq_i64(q, 3, u->record_id);
	sq_text(q, 4, u->valid_until);
	sq_text(q, 5, u->applied_at);
	sq_text(q, 6, u->applied_by);
	return sq_run(q);
}

static void
reuse_row(struct arena *ar, struct sq *q, struct s_reuse *u)
{
	u->application_id = sq_col_i64(q, 0);
	u->selection_id = sq_col_i64(q, 1);
	u->record_id = sq_col_i64(q, 2);
	u->valid_until = sq_col_str(ar, q, 3);
	u->applied_at = sq_col_str(ar, q, 4);
	u->applied_by = sq_col_str(ar, q, 5);
	u->reg_no = sq_col_str(ar, q, 6);
	u->name = sq_col_str(ar, q, 7);
	u->score_sum = sq_col_i64(q, 8);
	u->score_count = sq_col_i64(q, 9);
	u->provider = sq_col_str(ar, q, 10);
	u->held_on = sq_col_str(ar, q, 11);
}

enum sel_err
store_reuses(struct stx *tx, struct arena *ar, int64_t sel,
    struct s_reuse **out, size_t *n)
{
	struct sq *q = db_sq(DB(tx), "SELECT u.application_id, u.selection_id, "
	    "u.record_id, u.valid_until, u.applied_at, u.applied_by, x.reg_no, "
	    "a.name, r.score_sum, r.score_count, r.provider, r.held_on FROM "
	    "assessment_reuse u JOIN application x ON x.id = u.application_id "
	    "JOIN account a ON a.id = x.account_id JOIN assessment_record r "
	    "ON r.id = u.record_id WHERE "
	    "u.selection_id = ?1 ORDER BY x.reg_no");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, sel);
	COLLECT(ar, q, struct s_reuse, out, n, reuse_row);
}

enum sel_err
store_stage_scored(struct stx *tx, int64_t app, struct str stage,
    bool *scored)
{
	struct sq *q = db_sq(DB(tx), "SELECT EXISTS (SELECT 1 FROM score "
	    "WHERE application_id = ?1 AND stage = ?2)");

	if (q == NULL)
		return SEL_ESTORE;
	sq_i64(q, 1, app);
	sq_text(q, 2, stage);
	return exists(q, scored);
}
