/*
 * test_score_app.c - a stage's scoring on a real store (app/score.h),
 * on t_score.h's fixture: opening with its raters and blind codes, the
 * role x action matrix (a candidate, a resource person, a recused member,
 * another selection's member, the secretariat and the administrator:
 * refused, nothing changed), sealed reads (the audit trail included), a
 * recused score kept but not counted, a member replaced after opening.
 */
#include <stdio.h>
#include <string.h>

#include "t_score.h"
#include "t_pg.h"
#include "base/banned.h"

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
	assert_int_equal(sql_int(f, t_store_pg() ?
	    "SELECT count(DISTINCT code) FROM blind_code WHERE stage = "
	    "'paper' AND code ~ '^M-[ACDEFHJKMNPQRTUVWXY3479]{5}$'" :
	    "SELECT count(DISTINCT code) FROM "
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
		RULE_TEST("SCORE-FINAL", score_recused_score_kept_not_counted),
		FX_TEST(score_replaced_member_counts_as_done),
	};

	return cmocka_run_group_tests_name("score_app", tests, NULL, NULL);
}
