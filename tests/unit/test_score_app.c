/*
 * test_score_app.c - a stage's scoring on a real store (app/score.h):
 * the demo's selection 1 (demak-2022) taken to its first stage, the paper
 * (graded blind), by rows written straight into the store (seed_stage:
 * three candidates the published administrative result passed, a third
 * committee member with an account, a member of another selection's
 * committee).  Opening, the role x action matrix (a candidate, a resource
 * person, a recused member, another selection's member, the secretariat
 * and the administrator: refused, nothing changed), sealed reads,
 * corrections before and after closing, ties at the cut-off, .005.
 */
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "t_app.h"
#include "app/score.h"
#include "base/banned.h"

#define CLOSED	((int64_t)t_date("2026-12-12") * 86400 + 17 * 3600)
#define PAPER	STR("paper")

static void
sql(struct fx *f, const char *q)
{
	sqlite3 *db;
	char *err = NULL;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	if (sqlite3_exec(db, q, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", q, err);
	sqlite3_close(db);
}

static int64_t
sql_int(struct fx *f, const char *q)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t v = -1;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, q, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* The paper's blind code of application 901, in a static buffer. */
static char code901[16];

static const char *
sql_text_code(struct fx *f)
{
	sqlite3 *db;
	sqlite3_stmt *st;

	code901[0] = '\0';
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT code FROM blind_code "
	    "WHERE application_id = 901", -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(code901, sizeof code901, "%s",
		    (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return code901;
}

/*
 * Until the stage part is merged: the administrative result published
 * with three candidates (accounts c1, c2, c3; applications 901-903), a
 * third committee member with an account (penilai3), an account on
 * selection 2's committee only (lain), the clock after the closing date.
 */
static void
seed_stage(struct fx *f)
{
	sql(f, "INSERT INTO account (id, login, name, pwhash, created_at) "
	    "SELECT 901 + k.n, 'c' || (k.n + 1), 'Calon ' || (k.n + 1), "
	    "a.pwhash, '2026-11-01T00:00:00Z' FROM account a, (SELECT 0 AS n "
	    "UNION SELECT 1 UNION SELECT 2) k WHERE a.login = 'anggota';"
	    "INSERT INTO grant_role (account_id, region_id, selection_id, "
	    "role) SELECT id, 1, 1, 'applicant' FROM account WHERE id > 900;"
	    "INSERT INTO application (id, selection_id, vacancy_id, "
	    "account_id, state, reg_no, submitted_at, record, verdict, rules) "
	    "SELECT 901 + k.n, 1, v.id, 901 + k.n, 'submitted', 'REG-00' || "
	    "(k.n + 1), '2026-12-01T00:00:00Z', '{}', 'eligible', '[]' FROM "
	    "(SELECT min(id) AS id FROM vacancy WHERE selection_id = 1) v, "
	    "(SELECT 0 AS n UNION SELECT 1 UNION SELECT 2) k;"
	    "INSERT INTO adm_decision SELECT id, 1, 'Memenuhi syarat.', "
	    "'Panitia', '2026-12-13T00:00:00Z' FROM application WHERE id > "
	    "900;"
	    "INSERT INTO account (id, login, name, pwhash, created_at) "
	    "SELECT 911, 'penilai3', 'Anggota Tiga', pwhash, created_at FROM "
	    "account WHERE login = 'anggota';"
	    "UPDATE member SET account_id = 911 WHERE id = (SELECT min(id) "
	    "FROM member WHERE selection_id = 1 AND account_id IS NULL);"
	    "INSERT INTO grant_role (account_id, region_id, selection_id, "
	    "role, member_id) SELECT 911, 1, 1, 'member', id FROM member "
	    "WHERE account_id = 911;"
	    "INSERT INTO account (id, login, name, pwhash, created_at) "
	    "SELECT 912, 'lain', 'Anggota Seleksi Lain', pwhash, created_at "
	    "FROM account WHERE login = 'anggota';"
	    "INSERT INTO grant_role (account_id, region_id, selection_id, "
	    "role) VALUES (912, 1, 2, 'member');"
	    "UPDATE selection SET closed_at = '2026-12-12T17:00:00Z', "
	    "closed_by = 'Sekretariat', adm_published_at = "
	    "'2026-12-13T02:00:00Z', adm_signed_by = 'Ketua' WHERE id = 1;");
	f->app->fixed_now = CLOSED + 86400;
}

struct people {
	struct who sec, chair, mem, mem3, nara, other, admin, cand, ppk,
	    oversight;
};

static void
everyone(struct fx *f, struct people *p)
{
	fx_as(f, "sekretariat", &p->sec);
	fx_as(f, "ketua", &p->chair);
	fx_as(f, "anggota", &p->mem);
	fx_as(f, "penilai3", &p->mem3);
	fx_as(f, "narasumber", &p->nara);
	fx_as(f, "lain", &p->other);
	fx_as(f, "admin", &p->admin);
	fx_as(f, "c1", &p->cand);
	fx_as(f, "ppk", &p->ppk);
	fx_as(f, "pengawas", &p->oversight);
}

static enum sel_err
enter(struct fx *f, const struct who *w, int64_t app, const char *v,
    const char *reason, struct app_msg *m)
{
	return app_score_enter(f->app, f->ar, w, 1, PAPER, app, str_c(v), NULL,
	    str_c(reason), m);
}

/* The three raters score 901-903 with these values and submit. */
static void
score_all(struct fx *f, struct people *p, const char *const v[3][3])
{
	const struct who *r[3] = { &p->chair, &p->mem, &p->mem3 };
	struct app_msg m;

	for (int i = 0; i < 3; i++) {
		for (int k = 0; k < 3; k++)
			if (v[i][k] != NULL)
				assert_int_equal(enter(f, r[i], 901 + k,
				    v[i][k], "", &m), SEL_OK);
		assert_int_equal(app_score_submit(f->app, f->ar, r[i], 1,
		    PAPER, &m), SEL_OK);
	}
}

static void
stg_paper_open_raters_and_blind_codes(void **state)
{
	struct fx *f = *state;
	struct people p;
	struct score_view v;
	struct app_msg m;
	int64_t before;

	seed_stage(f);
	everyone(f, &p);
	before = fx_events(f);
	/* not the members, the PPK, the administrator */
	assert_int_equal(app_stage_open(f->app, f->ar, &p.mem, 1, PAPER, &m),
	    SEL_EPERM);
	assert_int_equal(app_stage_open(f->app, f->ar, &p.admin, 1, PAPER,
	    &m), SEL_EPERM);
	/* only the current stage */
	assert_int_equal(app_stage_open(f->app, f->ar, &p.sec, 1,
	    STR("interview"), &m), SEL_ESTATE);
	assert_non_null(strstr(m.text, "sekarang: "));
	assert_int_equal(app_stage_open(f->app, f->ar, &p.sec, 1,
	    STR("nothing"), &m), SEL_ENOENT);
	assert_int_equal(fx_events(f), before);
	assert_int_equal(app_stage_open(f->app, f->ar, &p.sec, 1, PAPER, &m),
	    SEL_OK);
	assert_int_equal(fx_events(f), before + 1);
	assert_int_equal(app_stage_open(f->app, f->ar, &p.chair, 1, PAPER,
	    &m), SEL_ESTATE);		/* once */
	/* the chair and two members with accounts; not the narasumber */
	assert_int_equal(sql_int(f, "SELECT count(*) FROM stage_rater WHERE "
	    "stage = 'paper'"), 3);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM stage_rater r JOIN "
	    "account a ON a.id = r.account_id WHERE a.login IN ('narasumber', "
	    "'sekretariat', 'asesor')"), 0);
	/* a code per candidate, unambiguous characters, distinct */
	assert_int_equal(sql_int(f, "SELECT count(DISTINCT code) FROM "
	    "blind_code WHERE stage = 'paper' AND length(code) = 7 AND code "
	    "GLOB 'M-[ACDEFHJKMNPQRTUVWXY3479][ACDEFHJKMNPQRTUVWXY3479]"
	    "[ACDEFHJKMNPQRTUVWXY3479][ACDEFHJKMNPQRTUVWXY3479]"
	    "[ACDEFHJKMNPQRTUVWXY3479]'"), 3);
	/* a rater sees codes, never names or registration numbers */
	assert_int_equal(app_score_view(f->app, f->ar, &p.mem, 1, PAPER, false,
	    &v, &m), SEL_OK);
	assert_true(v.blind);
	assert_true(v.rater);
	assert_int_equal(v.nrows, 3);
	for (size_t i = 0; i < v.nrows; i++) {
		assert_int_equal(v.rows[i].name.len, 0);
		assert_int_equal(v.rows[i].reg_no.len, 0);
		assert_int_equal(v.rows[i].code.len, 7);
	}
	assert_true(v.sealed);
	assert_int_equal(v.nraters, 3);
	assert_int_equal(v.done, 0);
}

static void
score_role_action_matrix_refused(void **state)
{
	struct fx *f = *state;
	struct people p;
	struct score_view v;
	struct app_msg m;
	int64_t before;

	seed_stage(f);
	everyone(f, &p);
	assert_int_equal(app_stage_open(f->app, f->ar, &p.chair, 1, PAPER,
	    &m), SEL_OK);
	assert_int_equal(enter(f, &p.mem, 901, "80", "", &m), SEL_OK);
	assert_int_equal(app_score_recuse(f->app, f->ar, &p.mem3, 1, PAPER,
	    901, STR("Saudara kandung calon."), &m), SEL_OK);
	before = fx_events(f);
	/* enter: the candidate, the narasumber (STG-INTERVIEW's reason),
	 * the recused member, another selection's member, the
	 * secretariat, the administrator */
	assert_int_equal(enter(f, &p.cand, 901, "90", "", &m), SEL_EPERM);
	assert_int_equal(enter(f, &p.nara, 901, "90", "", &m), SEL_EPERM);
	assert_non_null(strstr(m.text, "Narasumber dapat hadir tetapi tidak "
	    "memberi nilai (STG-INTERVIEW"));
	assert_int_equal(enter(f, &p.mem3, 901, "90", "", &m), SEL_EPERM);
	assert_non_null(strstr(m.text, "benturan kepentingan"));
	assert_int_equal(enter(f, &p.other, 901, "90", "", &m), SEL_EPERM);
	assert_int_equal(enter(f, &p.sec, 901, "90", "", &m), SEL_EPERM);
	assert_non_null(strstr(m.text, "bukan penilai"));
	assert_int_equal(enter(f, &p.admin, 901, "90", "", &m), SEL_EPERM);
	assert_int_equal(enter(f, &p.ppk, 901, "90", "", &m), SEL_EPERM);
	/* change: the same, on the score that exists */
	assert_int_equal(enter(f, &p.sec, 901, "10", "koreksi", &m),
	    SEL_EPERM);
	/* submit, recuse: the same refusals */
	assert_int_equal(app_score_submit(f->app, f->ar, &p.nara, 1, PAPER,
	    &m), SEL_EPERM);
	assert_int_equal(app_score_recuse(f->app, f->ar, &p.admin, 1, PAPER,
	    901, STR("Alasan apa saja."), &m), SEL_EPERM);
	assert_int_equal(app_score_recuse(f->app, f->ar, &p.cand, 1, PAPER,
	    902, STR("Alasan apa saja."), &m), SEL_EPERM);
	/* bad values: the field named */
	assert_int_equal(enter(f, &p.mem, 902, "100,5", "", &m), SEL_EINVAL);
	assert_string_equal(app_msg_field(&m), "value");
	assert_int_equal(enter(f, &p.mem, 902, "78,555", "", &m), SEL_EINVAL);
	assert_int_equal(enter(f, &p.mem, 999, "78", "", &m), SEL_ENOENT);
	assert_int_equal(fx_events(f), before);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM score"), 1);
	/* read: everyone's scores refused to all of them while sealed */
	assert_int_equal(app_score_view(f->app, f->ar, &p.cand, 1, PAPER,
	    true, &v, &m), SEL_EPERM);
	assert_int_equal(app_score_view(f->app, f->ar, &p.nara, 1, PAPER,
	    true, &v, &m), SEL_EPERM);
	assert_int_equal(app_score_view(f->app, f->ar, &p.other, 1, PAPER,
	    true, &v, &m), SEL_EPERM);
	assert_int_equal(app_score_view(f->app, f->ar, &p.admin, 1, PAPER,
	    true, &v, &m), SEL_EPERM);
	assert_int_equal(app_score_view(f->app, f->ar, &p.sec, 1, PAPER,
	    true, &v, &m), SEL_ESTATE);
	assert_string_equal(m.text, "Disegel: 0 dari 3 penilai telah "
	    "mengirim.");
	assert_int_equal(app_score_view(f->app, f->ar, &p.mem3, 1, PAPER,
	    true, &v, &m), SEL_ESTATE);
	/* the sheet of the recused member: no one else's score */
	assert_int_equal(app_score_view(f->app, f->ar, &p.mem3, 1, PAPER,
	    false, &v, &m), SEL_OK);
	assert_int_equal(v.nscores, 0);
	assert_true(v.rows[0].recused);
	assert_null(v.rows[0].mine);
	assert_false(v.read_all);
	assert_int_equal(fx_events(f), before);
}

static void
score_sealed_until_the_last_sheet(void **state)
{
	struct fx *f = *state;
	struct people p;
	struct score_view v;
	struct app_msg m;

	seed_stage(f);
	everyone(f, &p);
	assert_int_equal(app_stage_open(f->app, f->ar, &p.sec, 1, PAPER, &m),
	    SEL_OK);
	assert_int_equal(enter(f, &p.chair, 901, "78,5", "", &m), SEL_OK);
	assert_int_equal(app_score_submit(f->app, f->ar, &p.chair, 1, PAPER,
	    &m), SEL_EINVAL);		/* 902, 903 not scored */
	assert_non_null(strstr(m.text, "2 calon"));
	assert_int_equal(enter(f, &p.chair, 902, "70", "", &m), SEL_OK);
	assert_int_equal(enter(f, &p.chair, 903, "60.25", "", &m), SEL_OK);
	assert_int_equal(sql_int(f, "SELECT value FROM score WHERE "
	    "application_id = 901"), 7850);
	assert_int_equal(app_score_submit(f->app, f->ar, &p.chair, 1, PAPER,
	    &m), SEL_OK);
	assert_int_equal(app_score_submit(f->app, f->ar, &p.chair, 1, PAPER,
	    &m), SEL_ESTATE);		/* once */
	/* the chair sees only his own */
	assert_int_equal(app_score_view(f->app, f->ar, &p.chair, 1, PAPER,
	    true, &v, &m), SEL_ESTATE);
	assert_string_equal(m.text, "Disegel: 1 dari 3 penilai telah "
	    "mengirim.");
	assert_int_equal(app_score_view(f->app, f->ar, &p.chair, 1, PAPER,
	    false, &v, &m), SEL_OK);
	assert_int_equal(v.nscores, 3);
	assert_true(v.submitted);
	/* a member recused from every candidate counts as done */
	for (int64_t k = 901; k <= 903; k++)
		assert_int_equal(app_score_recuse(f->app, f->ar, &p.mem3, 1,
		    PAPER, k, STR("Keluarga dekat calon."), &m), SEL_OK);
	assert_int_equal(enter(f, &p.mem, 901, "80", "", &m), SEL_OK);
	assert_int_equal(enter(f, &p.mem, 902, "80", "", &m), SEL_OK);
	assert_int_equal(enter(f, &p.mem, 903, "80", "", &m), SEL_OK);
	assert_int_equal(app_score_view(f->app, f->ar, &p.mem, 1, PAPER, true,
	    &v, &m), SEL_ESTATE);
	assert_string_equal(m.text, "Disegel: 2 dari 3 penilai telah "
	    "mengirim.");
	assert_int_equal(app_score_submit(f->app, f->ar, &p.mem, 1, PAPER,
	    &m), SEL_OK);
	/* unsealed: the committee and the oversight body read; the PPK and
	 * the secretariat not before closing */
	assert_int_equal(app_score_view(f->app, f->ar, &p.mem, 1, PAPER, true,
	    &v, &m), SEL_OK);
	assert_false(v.sealed);
	assert_int_equal(v.nscores, 6);
	assert_int_equal(v.rows[0].s.sum, 15850);	/* 78.5 + 80 */
	assert_int_equal(v.rows[0].s.count, 2);
	assert_int_equal(app_score_view(f->app, f->ar, &p.oversight, 1, PAPER,
	    true, &v, &m), SEL_OK);
	assert_int_equal(app_score_view(f->app, f->ar, &p.ppk, 1, PAPER, true,
	    &v, &m), SEL_ESTATE);
	assert_int_equal(app_score_view(f->app, f->ar, &p.sec, 1, PAPER, true,
	    &v, &m), SEL_ESTATE);
	assert_int_equal(app_score_view(f->app, f->ar, &p.admin, 1, PAPER,
	    true, &v, &m), SEL_EPERM);
	/* closed: the PPK and the secretariat read it, with names */
	assert_int_equal(app_stage_close(f->app, f->ar, &p.mem, 1, PAPER,
	    STR("Panitia menetapkan hasil."), &m), SEL_EPERM);
	assert_int_equal(app_stage_close(f->app, f->ar, &p.chair, 1, PAPER,
	    STR("Panitia menetapkan hasil penilaian makalah."), &m), SEL_OK);
	assert_int_equal(app_score_view(f->app, f->ar, &p.ppk, 1, PAPER, true,
	    &v, &m), SEL_OK);
	assert_false(v.blind);
	assert_true(str_eqc(v.rows[0].reg_no, "REG-001"));
	assert_int_equal(app_score_view(f->app, f->ar, &p.sec, 1, PAPER, true,
	    &v, &m), SEL_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM stage_outcome WHERE "
	    "stage = 'paper' AND outcome = 'passed'"), 3);
	assert_int_equal(sql_int(f, "SELECT score_sum FROM stage_outcome "
	    "WHERE application_id = 901"), 15850);
}

static void
score_correction_before_and_after_closing(void **state)
{
	static const char *const vals[3][3] = {
		{ "80", "70", "60" }, { "80", "70", "60" },
		{ "80", "70", "60" },
	};
	struct fx *f = *state;
	struct people p;
	struct app_msg m;
	int64_t before;

	seed_stage(f);
	everyone(f, &p);
	assert_int_equal(app_stage_open(f->app, f->ar, &p.sec, 1, PAPER, &m),
	    SEL_OK);
	/* before submission: a change, no reason needed */
	assert_int_equal(enter(f, &p.mem, 901, "50", "", &m), SEL_OK);
	assert_int_equal(enter(f, &p.mem, 901, "55", "", &m), SEL_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM event WHERE action "
	    "= 'score_enter' AND before LIKE '%50,00%' AND after LIKE "
	    "'%55,00%'"), 1);
	score_all(f, &p, vals);
	/* after submission: a correction, by its author, with a reason */
	before = fx_events(f);
	assert_int_equal(enter(f, &p.mem, 901, "82", "", &m), SEL_EINVAL);
	assert_string_equal(app_msg_field(&m), "reason");
	assert_int_equal(enter(f, &p.mem, 901, "82", "ok", &m), SEL_EINVAL);
	assert_int_equal(enter(f, &p.chair, 901, "82", "Salah ketik.", &m),
	    SEL_OK);			/* his own score only */
	assert_int_equal(sql_int(f, "SELECT value FROM score s JOIN account a "
	    "ON a.id = s.rater_id WHERE a.login = 'anggota' AND "
	    "application_id = 901"), 8000);
	assert_int_equal(enter(f, &p.mem, 901, "82", "Salah ketik nilai.",
	    &m), SEL_OK);
	assert_int_equal(fx_events(f), before + 2);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM event WHERE action "
	    "= 'score_correct' AND before LIKE '%80,00%' AND after LIKE "
	    "'%82,00%' AND after LIKE '%Salah ketik nilai.%'"), 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM score WHERE "
	    "correct_reason = 'Salah ketik nilai.' AND corrected_at <> ''"), 1);
	assert_int_equal(app_stage_close(f->app, f->ar, &p.chair, 1, PAPER,
	    STR("Hasil penilaian makalah ditetapkan."), &m), SEL_OK);
	/* after closing: nothing changes */
	before = fx_events(f);
	assert_int_equal(enter(f, &p.mem, 901, "90", "Terlambat diubah.", &m),
	    SEL_ESTATE);
	assert_non_null(strstr(m.text, "sudah ditutup"));
	assert_int_equal(app_score_recuse(f->app, f->ar, &p.mem, 1, PAPER,
	    902, STR("Terlambat menyatakan."), &m), SEL_ESTATE);
	assert_int_equal(app_stage_close(f->app, f->ar, &p.chair, 1, PAPER,
	    STR("Sekali lagi ditutup."), &m), SEL_ESTATE);
	assert_int_equal(fx_events(f), before);
	assert_int_equal(sql_int(f, "SELECT score_sum FROM stage_outcome "
	    "WHERE application_id = 901"), 8200 + 8200 + 8000);
}

static void
score_recused_score_kept_not_counted(void **state)
{
	static const char *const vals[3][3] = {
		{ "90", "70", "60" }, { "80", "70", "60" },
		{ "40", "70", "60" },
	};
	struct fx *f = *state;
	struct people p;
	struct score_view v;
	struct app_msg m;

	seed_stage(f);
	everyone(f, &p);
	assert_int_equal(app_stage_open(f->app, f->ar, &p.sec, 1, PAPER, &m),
	    SEL_OK);
	score_all(f, &p, vals);
	assert_int_equal(app_score_recuse(f->app, f->ar, &p.mem3, 1, PAPER,
	    901, STR(""), &m), SEL_EINVAL);
	assert_string_equal(app_msg_field(&m), "reason");
	assert_int_equal(app_score_recuse(f->app, f->ar, &p.mem3, 1, PAPER,
	    901, STR("Pernah menjadi atasan langsung."), &m), SEL_OK);
	assert_int_equal(app_score_view(f->app, f->ar, &p.chair, 1, PAPER,
	    true, &v, &m), SEL_OK);
	assert_int_equal(v.rows[0].s.sum, 17000);	/* 90 + 80, not 40 */
	assert_int_equal(v.rows[0].s.count, 2);
	assert_int_equal(v.nscores, 9);			/* kept */
	assert_int_equal(v.nrec, 1);
}

static void
score_ties_at_the_cut_off_decided_by_the_chair(void **state)
{
	static const char *const vals[3][3] = {
		{ "90", "80", "80" }, { "90", "80", "80" },
		{ "90", "80", "80" },
	};
	struct fx *f = *state;
	struct people p;
	struct score_view v;
	struct app_msg m;
	int64_t order[2] = { 903, 902 }, wrong[2] = { 901, 902 }, before;

	seed_stage(f);
	everyone(f, &p);
	sql(f, "UPDATE selection_stage SET pass_best = 2 WHERE selection_id = "
	    "1 AND stage = 'paper'");
	assert_int_equal(app_stage_open(f->app, f->ar, &p.sec, 1, PAPER, &m),
	    SEL_OK);
	/* sealed: no tie decision yet */
	assert_int_equal(app_stage_tie(f->app, f->ar, &p.chair, 1, PAPER,
	    sql_int(f, "SELECT vacancy_id FROM application WHERE id = 901"),
	    order, 2, STR("Nilai rekam jejak lebih tinggi."), &m),
	    SEL_ESTATE);
	assert_non_null(strstr(m.text, "Disegel"));
	score_all(f, &p, vals);
	assert_int_equal(app_score_view(f->app, f->ar, &p.chair, 1, PAPER,
	    true, &v, &m), SEL_OK);
	assert_true(v.po.undecided);
	assert_int_equal(v.po.nties, 1);
	assert_int_equal(v.rows[1].outcome, MO_TIED);
	assert_int_equal(v.rows[2].outcome, MO_TIED);
	before = fx_events(f);
	assert_int_equal(app_stage_close(f->app, f->ar, &p.chair, 1, PAPER,
	    STR("Panitia menetapkan hasil."), &m), SEL_ESTATE);
	assert_non_null(strstr(m.text, "SCORE-TIES"));
	assert_int_equal(app_stage_tie(f->app, f->ar, &p.mem, 1, PAPER,
	    v.po.ties[0].vacancy, order, 2, STR("Alasan panitia."), &m),
	    SEL_EPERM);
	assert_int_equal(app_stage_tie(f->app, f->ar, &p.chair, 1, PAPER,
	    v.po.ties[0].vacancy, wrong, 2, STR("Alasan panitia."), &m),
	    SEL_EINVAL);
	assert_int_equal(app_stage_tie(f->app, f->ar, &p.chair, 1, PAPER,
	    v.po.ties[0].vacancy, order, 2, STR(""), &m), SEL_EINVAL);
	assert_int_equal(fx_events(f), before);
	assert_int_equal(app_stage_tie(f->app, f->ar, &p.chair, 1, PAPER,
	    v.po.ties[0].vacancy, order, 2, STR("Calon 903 lebih unggul pada "
	    "aspek integritas."), &m), SEL_OK);
	assert_int_equal(app_stage_close(f->app, f->ar, &p.chair, 1, PAPER,
	    STR("Panitia menetapkan hasil."), &m), SEL_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM stage_outcome WHERE "
	    "outcome = 'tied'"), 0);
	assert_int_equal(sql_int(f, "SELECT application_id FROM stage_outcome "
	    "WHERE outcome = 'failed'"), 902);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM tie_decision WHERE "
	    "stage = 'paper' AND order_ids = '903;902'"), 1);
}

static void
score_rounding_at_005_on_the_minimum(void **state)
{
	/* 901: 69.99, 70.00, 70.00 -> 69.9966: shown 70.00, passes;
	 * 902: 69.99, 69.99, 70.00 -> 69.9933: shown 69.99, fails;
	 * 903: exactly 70. */
	static const char *const vals[3][3] = {
		{ "69,99", "69,99", "70" }, { "70", "69,99", "70" },
		{ "70", "70", "70" },
	};
	struct fx *f = *state;
	struct people p;
	struct score_view v;
	struct app_msg m;

	seed_stage(f);
	everyone(f, &p);
	sql(f, "UPDATE selection_stage SET pass_min = 7000 WHERE selection_id "
	    "= 1 AND stage = 'paper'");
	assert_int_equal(app_stage_open(f->app, f->ar, &p.sec, 1, PAPER, &m),
	    SEL_OK);
	score_all(f, &p, vals);
	assert_int_equal(app_score_view(f->app, f->ar, &p.mem, 1, PAPER, true,
	    &v, &m), SEL_OK);
	assert_int_equal(stage_display(&v.rows[0].s), 7000);
	assert_int_equal(v.rows[0].outcome, MO_PASSED);
	assert_int_equal(stage_display(&v.rows[1].s), 6999);
	assert_int_equal(v.rows[1].outcome, MO_FAILED);
	assert_int_equal(v.rows[2].outcome, MO_PASSED);
	assert_int_equal(app_stage_close(f->app, f->ar, &p.chair, 1, PAPER,
	    STR("Panitia menetapkan hasil."), &m), SEL_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM stage_outcome WHERE "
	    "outcome = 'passed'"), 2);
}

static void
stage_absent_candidate_outcome_absent(void **state)
{
	static const char *const vals[3][3] = {
		{ "80", "70", NULL }, { "80", "70", NULL },
		{ "80", "70", NULL },
	};
	struct fx *f = *state;
	struct people p;
	struct app_msg m;

	seed_stage(f);
	everyone(f, &p);
	sql(f, "INSERT INTO stage_absence (selection_id, application_id, "
	    "stage, recorded_at, recorded_by) VALUES (1, 903, 'paper', "
	    "'2026-12-14T00:00:00Z', 'Sekretariat')");
	assert_int_equal(app_stage_open(f->app, f->ar, &p.sec, 1, PAPER, &m),
	    SEL_OK);
	assert_int_equal(enter(f, &p.mem, 903, "80", "", &m), SEL_ESTATE);
	score_all(f, &p, vals);
	assert_int_equal(app_stage_close(f->app, f->ar, &p.chair, 1, PAPER,
	    STR("Panitia menetapkan hasil."), &m), SEL_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM stage_outcome WHERE "
	    "application_id = 903 AND outcome = 'absent' AND score_count = 0"),
	    1);
}

static void
stg_assess_committee_and_assessors_with_parts(void **state)
{
	struct fx *f = *state;
	struct people p;
	struct who as;
	struct score_view v;
	struct app_msg m;
	const struct str parts[3] = { STR("78,5"), STR("81"), STR("80.25") };
	const struct str bad[3] = { STR("78,5"), STR("181"), STR("") };

	seed_stage(f);
	everyone(f, &p);
	fx_as(f, "asesor", &as);
	/* the plan without its paper and track record: the assessment is
	 * the first stage with a date */
	sql(f, "DELETE FROM selection_stage WHERE selection_id = 1 AND stage "
	    "IN ('paper', 'track_record')");
	assert_int_equal(app_stage_open(f->app, f->ar, &p.sec, 1,
	    STR("assessment"), &m), SEL_OK);
	/* demak-2022: the committee, assisted by the assessors */
	assert_int_equal(sql_int(f, "SELECT count(*) FROM stage_rater WHERE "
	    "stage = 'assessment'"), 4);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM stage_rater r JOIN "
	    "account a ON a.id = r.account_id WHERE a.login = 'asesor' AND "
	    "r.member_id IS NULL"), 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM blind_code"), 0);
	assert_int_equal(app_score_enter(f->app, f->ar, &as, 1,
	    STR("assessment"), 901, STR("80"), bad, STR(""), &m), SEL_EINVAL);
	assert_string_equal(app_msg_field(&m), "social");
	assert_int_equal(app_score_enter(f->app, f->ar, &as, 1,
	    STR("assessment"), 901, STR("80"), parts, STR(""), &m), SEL_OK);
	assert_int_equal(sql_int(f, "SELECT part_managerial FROM score"), 7850);
	assert_int_equal(sql_int(f, "SELECT part_social FROM score"), 8100);
	assert_int_equal(sql_int(f, "SELECT part_field FROM score"), 8025);
	assert_int_equal(sql_int(f, "SELECT value FROM score"), 8000);
	/* not blind: names shown */
	assert_int_equal(app_score_view(f->app, f->ar, &as, 1,
	    STR("assessment"), false, &v, &m), SEL_OK);
	assert_false(v.blind);
	assert_true(str_eqc(v.rows[0].reg_no, "REG-001"));
	assert_int_equal(v.rows[0].mine->part[2], 8025);
}

static void
stg_health_secretariat_records_the_result(void **state)
{
	struct fx *f = *state;
	struct people p;
	struct score_view v;
	struct app_msg m;

	seed_stage(f);
	everyone(f, &p);
	sql(f, "DELETE FROM selection_stage WHERE selection_id = 1 AND stage "
	    "IN ('paper', 'track_record', 'assessment', 'interview')");
	assert_int_equal(app_stage_open(f->app, f->ar, &p.sec, 1,
	    STR("health"), &m), SEL_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM stage_rater r JOIN "
	    "account a ON a.id = r.account_id WHERE r.stage = 'health' AND "
	    "a.login = 'sekretariat'"), 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM stage_rater"), 1);
	/* the committee does not record it; only met (100) or not (0) */
	assert_int_equal(app_score_enter(f->app, f->ar, &p.mem, 1,
	    STR("health"), 901, STR("100"), NULL, STR(""), &m), SEL_EPERM);
	assert_int_equal(app_score_enter(f->app, f->ar, &p.sec, 1,
	    STR("health"), 901, STR("50"), NULL, STR(""), &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "Memenuhi syarat"));
	assert_int_equal(app_score_enter(f->app, f->ar, &p.sec, 1,
	    STR("health"), 901, STR("100"), NULL, STR(""), &m), SEL_OK);
	assert_int_equal(app_score_enter(f->app, f->ar, &p.sec, 1,
	    STR("health"), 902, STR("0"), NULL, STR(""), &m), SEL_OK);
	assert_int_equal(app_score_enter(f->app, f->ar, &p.sec, 1,
	    STR("health"), 903, STR("100"), NULL, STR(""), &m), SEL_OK);
	assert_int_equal(sql_int(f, "SELECT sum(value) FROM score"), 20000);
	assert_int_equal(app_score_submit(f->app, f->ar, &p.sec, 1,
	    STR("health"), &m), SEL_OK);
	sql(f, "UPDATE selection_stage SET pass_min = 10000 WHERE stage = "
	    "'health'");
	assert_int_equal(app_score_view(f->app, f->ar, &p.chair, 1,
	    STR("health"), true, &v, &m), SEL_OK);
	assert_int_equal(v.rows[1].outcome, MO_FAILED);
	assert_int_equal(app_stage_close(f->app, f->ar, &p.chair, 1,
	    STR("health"), STR("Hasil tes kesehatan ditetapkan."), &m),
	    SEL_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM stage_outcome WHERE "
	    "outcome = 'passed'"), 2);
}

/* The trail of a sealed stage: another rater's values hidden. */
static size_t
trail_has(struct fx *f, const struct who *w, const char *action,
    const char *needle)
{
	struct s_event *ev;
	size_t n, hits = 0;

	assert_int_equal(app_events(f->app, f->ar, w, 1, &ev, &n), SEL_OK);
	for (size_t i = 0; i < n; i++)
		if (str_eqc(ev[i].action, action) &&
		    (strstr(t_cstr(f->ar, ev[i].after), needle) != NULL ||
		    strstr(t_cstr(f->ar, ev[i].before), needle) != NULL))
			hits++;
	return hits;
}

static void
score_sealed_in_the_audit_trail_too(void **state)
{
	static const char *const vals[3][3] = {
		{ "81,25", "70", "60" }, { "80", "70", "60" },
		{ "80", "70", "60" },
	};
	struct fx *f = *state;
	struct people p;
	struct app_msg m;

	seed_stage(f);
	everyone(f, &p);
	assert_int_equal(app_stage_open(f->app, f->ar, &p.sec, 1, PAPER, &m),
	    SEL_OK);
	assert_int_equal(enter(f, &p.chair, 901, "81,25", "", &m), SEL_OK);
	/* a member reading the trail: the chair's value is sealed */
	assert_int_equal(trail_has(f, &p.mem, "score_enter", "81,25"), 0);
	assert_int_equal(trail_has(f, &p.mem, "score_enter", "disegel"), 1);
	assert_int_equal(trail_has(f, &p.oversight, "score_enter", "81,25"),
	    0);
	/* the chair reads his own */
	assert_int_equal(trail_has(f, &p.chair, "score_enter", "81,25"), 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM event WHERE after "
	    "LIKE '%81,25%'"), 1);		/* kept whole in the store */
	/* unsealed: both of the chair's entries of 81,25 readable */
	sql(f, "DELETE FROM score");
	score_all(f, &p, vals);
	assert_int_equal(trail_has(f, &p.mem, "score_enter", "81,25"), 2);
	assert_int_equal(trail_has(f, &p.mem, "score_enter", "disegel"), 0);
}

static void
score_close_needs_a_score_not_recused(void **state)
{
	static const char *const vals[3][3] = {
		{ NULL, "70", "60" }, { NULL, "70", "60" },
		{ NULL, "70", "60" },
	};
	const struct who *r[3];
	struct fx *f = *state;
	struct people p;
	struct app_msg m;
	char want[64];

	seed_stage(f);
	everyone(f, &p);
	r[0] = &p.chair;
	r[1] = &p.mem;
	r[2] = &p.mem3;
	assert_int_equal(app_stage_open(f->app, f->ar, &p.sec, 1, PAPER, &m),
	    SEL_OK);
	for (int i = 0; i < 3; i++)
		assert_int_equal(app_score_recuse(f->app, f->ar, r[i], 1, PAPER,
		    901, STR("Hubungan keluarga."), &m), SEL_OK);
	score_all(f, &p, vals);
	assert_int_equal(app_stage_close(f->app, f->ar, &p.chair, 1, PAPER,
	    STR("Panitia menetapkan hasil."), &m), SEL_ESTATE);
	/* named by his blind code, not his registration number */
	snprintf(want, sizeof want, "Calon %s belum", t_cstr(f->ar,
	    str_c(sql_text_code(f))));
	assert_non_null(strstr(m.text, want));
	assert_null(strstr(m.text, "REG-"));
}

static void
score_replaced_member_counts_as_done(void **state)
{
	struct fx *f = *state;
	struct people p;
	struct score_view v;
	struct app_msg m;

	seed_stage(f);
	everyone(f, &p);
	assert_int_equal(app_stage_open(f->app, f->ar, &p.sec, 1, PAPER, &m),
	    SEL_OK);
	assert_int_equal(enter(f, &p.mem3, 901, "50", "", &m), SEL_OK);
	sql(f, "UPDATE member SET left_at = '2026-12-15T00:00:00Z' WHERE "
	    "account_id = 911");
	/* he enters nothing more; his score stays and counts */
	assert_int_equal(enter(f, &p.mem3, 902, "50", "", &m), SEL_EPERM);
	for (int64_t k = 901; k <= 903; k++) {
		assert_int_equal(enter(f, &p.chair, k, "80", "", &m), SEL_OK);
		assert_int_equal(enter(f, &p.mem, k, "80", "", &m), SEL_OK);
	}
	assert_int_equal(app_score_submit(f->app, f->ar, &p.chair, 1, PAPER,
	    &m), SEL_OK);
	assert_int_equal(app_score_view(f->app, f->ar, &p.mem, 1, PAPER, true,
	    &v, &m), SEL_ESTATE);
	assert_string_equal(m.text, "Disegel: 2 dari 3 penilai telah "
	    "mengirim.");
	assert_int_equal(app_score_submit(f->app, f->ar, &p.mem, 1, PAPER,
	    &m), SEL_OK);
	assert_int_equal(app_score_view(f->app, f->ar, &p.mem, 1, PAPER, true,
	    &v, &m), SEL_OK);
	assert_int_equal(v.rows[0].s.sum, 21000);
	assert_int_equal(v.rows[0].s.count, 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("STG-PAPER", stg_paper_open_raters_and_blind_codes),
		RULE_TEST("STG-INTERVIEW", score_role_action_matrix_refused),
		FX_TEST(score_sealed_until_the_last_sheet),
		FX_TEST(score_sealed_in_the_audit_trail_too),
		FX_TEST(score_correction_before_and_after_closing),
		RULE_TEST("SCORE-FINAL", score_recused_score_kept_not_counted),
		RULE_TEST("SCORE-TIES",
		    score_ties_at_the_cut_off_decided_by_the_chair),
		FX_TEST(score_rounding_at_005_on_the_minimum),
		FX_TEST(stage_absent_candidate_outcome_absent),
		FX_TEST(score_close_needs_a_score_not_recused),
		FX_TEST(score_replaced_member_counts_as_done),
		RULE_TEST("STG-ASSESS",
		    stg_assess_committee_and_assessors_with_parts),
		RULE_TEST("STG-HEALTH",
		    stg_health_secretariat_records_the_result),
	};

	return cmocka_run_group_tests_name("score_app", tests, NULL, NULL);
}
