/*
 * test_score_close.c - a stage's scoring to its closing (app/score.h),
 * on t_score.h's fixture: corrections before and after closing, ties at
 * the best-N cut-off decided by the chair (SCORE-TIES), .005 on the
 * minimum, absence, a candidate left without a score, the assessment's
 * raters and parts (STG-ASSESS), health recorded by the secretariat
 * (STG-HEALTH).
 */
#include <stdio.h>
#include <string.h>

#include "t_score.h"
#include "app/export.h"
#include "base/banned.h"

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

/*
 * STG-REUSE: closing the assessment of a region whose profile has the
 * rule records each passed candidate for its later selections, in the
 * closing transaction (Pekalongan: the assessors rate, 3 years).
 */
static void
stg_reuse_recorded_when_the_assessment_closes(void **state)
{
	struct fx *f = *state;
	struct people p;
	struct who as;
	struct app_msg m;
	int64_t ids[3] = { 901, 902, 903 };

	seed_stage(f);
	everyone(f, &p);
	fx_as(f, "asesor", &as);
	sql(f, "UPDATE region SET profile_id = 'pekalongan-2022';"
	    "DELETE FROM selection_stage WHERE selection_id = 1 AND stage "
	    "IN ('paper', 'track_record');"
	    "INSERT INTO applicant (account_id, nip, birth_date, tmt_cpns, "
	    "confirmed_at) SELECT id, '197901012005011' || (id - 800), "
	    "'1979-01-01', '2005-01', created_at FROM account WHERE id "
	    "BETWEEN 901 AND 903;");
	assert_int_equal(app_stage_open(f->app, f->ar, &p.sec, 1,
	    STR("assessment"), &m), SEL_OK);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(app_score_enter(f->app, f->ar, &as, 1,
		    STR("assessment"), ids[i], STR("80"), NULL, STR(""), &m),
		    SEL_OK);
	assert_int_equal(app_score_submit(f->app, f->ar, &as, 1,
	    STR("assessment"), &m), SEL_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM assessment_record"),
	    0);
	assert_int_equal(app_stage_close(f->app, f->ar, &p.chair, 1,
	    STR("assessment"), STR("Hasil asesmen ditetapkan."), &m), SEL_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM assessment_record"),
	    3);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM event WHERE action "
	    "= 'assessment_record'"), 3);
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

/* The mean of application app in a view read by everyone's scores. */
static int64_t
view_sum(const struct score_view *v, int64_t app, int64_t *count)
{
	for (size_t i = 0; i < v->nrows; i++)
		if (v->rows[i].application_id == app) {
			*count = v->rows[i].s.count;
			return v->rows[i].s.sum;
		}
	fail_msg("application %lld not in the view", (long long)app);
	return -1;
}

/*
 * A rater's recusal is from every stage of that candidate, but a closed
 * stage keeps the recusals it was closed with: one declared later (at a
 * later stage) changes neither its table nor its export; one declared
 * before the closing still shows.
 */
static void
score_closed_stage_keeps_its_recusals(void **state)
{
	static const char *const vals[3][3] = {
		{ "80", "70", "60" }, { "80", "70", "60" },
		{ "80", "70", NULL },
	};
	struct fx *f = *state;
	struct people p;
	struct score_view v;
	struct xp_stage x;
	struct app_msg m;
	int64_t count = 0, sum;
	char q[256];

	seed_stage(f);
	everyone(f, &p);
	assert_int_equal(app_stage_open(f->app, f->ar, &p.sec, 1, PAPER, &m),
	    SEL_OK);
	assert_int_equal(app_score_recuse(f->app, f->ar, &p.mem3, 1, PAPER,
	    903, STR("Hubungan keluarga."), &m), SEL_OK);
	score_all(f, &p, vals);
	assert_int_equal(app_stage_close(f->app, f->ar, &p.chair, 1, PAPER,
	    STR("Hasil penilaian makalah ditetapkan."), &m), SEL_OK);
	/* declared after the closing, as at the interview */
	snprintf(q, sizeof q, "INSERT INTO recusal VALUES (1, 901, %lld, "
	    "'Diketahui kemudian.', '2999-01-01T00:00:00Z')",
	    (long long)p.mem.account_id);
	sql(f, q);
	assert_int_equal(app_score_view(f->app, f->ar, &p.chair, 1, PAPER,
	    true, &v, &m), SEL_OK);
	sum = view_sum(&v, 901, &count);
	assert_int_equal(count, 3);
	assert_int_equal(sum, 3 * 8000);
	sum = view_sum(&v, 903, &count);
	assert_int_equal(count, 2);		/* the earlier one counts */
	for (size_t i = 0; i < v.nrec; i++)
		assert_int_not_equal(v.rec[i].application_id, 901);
	assert_int_equal(app_export_stage(f->app, f->ar, &p.chair, 1, FL_PAPER,
	    &x, &m), SEL_OK);
	for (size_t i = 0; i < x.nc; i++)
		for (size_t k = 0; k < x.nr; k++)
			assert_true((x.c[i].score[k] == XP_RECUSED) ==
			    (x.c[i].a.id == 903 &&
			    x.r[k].account_id == p.mem3.account_id));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(score_correction_before_and_after_closing),
		RULE_TEST("SCORE-TIES",
		    score_ties_at_the_cut_off_decided_by_the_chair),
		FX_TEST(score_rounding_at_005_on_the_minimum),
		FX_TEST(stage_absent_candidate_outcome_absent),
		FX_TEST(score_close_needs_a_score_not_recused),
		FX_TEST(score_closed_stage_keeps_its_recusals),
		RULE_TEST("STG-ASSESS",
		    stg_assess_committee_and_assessors_with_parts),
		RULE_TEST("STG-REUSE",
		    stg_reuse_recorded_when_the_assessment_closes),
		RULE_TEST("STG-HEALTH",
		    stg_health_secretariat_records_the_result),
	};

	return cmocka_run_group_tests_name("score_close", tests, NULL, NULL);
}
