/*
 * test_sanity.c - dates checked for sense: the stages of a plan
 * (VAC-PLAN), the recommendation against the plan's sending (VAC-PLAN),
 * the window at signing (ANN-DURATION) and the TMT CPNS against the birth
 * date (PP 11/2017 Pasal 23), each at its boundaries.
 */
#include "t.h"
#include "core/sanity.h"
#include "base/banned.h"

static sel_date
d(const char *s)
{
	sel_date x = 0;

	assert_int_equal(date_parse(str_c(s), &x), SEL_OK);
	return x;
}

static void
vac_plan_stage_not_in_the_past(void **state)
{
	struct arena *a = T_ARENA(state);
	struct sanity_plan p = { d("2026-12-07"), 0, NULL, 0 };
	struct sanity_stage s = { "Penulisan makalah", 1, d("2026-12-06"),
	    d("2026-12-08") };
	struct str why;

	assert_false(sanity_stage(a, &p, &s, &why));
	assert_true(str_casecontains(why, STR("Penulisan makalah")));
	assert_true(str_casecontains(why, STR("sudah lewat")));
	assert_true(str_casecontains(why, STR("VAC-PLAN")));
	s.from = d("2026-12-07");		/* today itself */
	assert_true(sanity_stage(a, &p, &s, &why));
	/* The 1900 of the issue. */
	s.from = d("1900-01-01");
	s.to = d("1900-01-02");
	assert_false(sanity_stage(a, &p, &s, &why));
	assert_true(str_casecontains(why, STR("1900")));
}

static void
vac_plan_stage_year_not_absurd(void **state)
{
	struct arena *a = T_ARENA(state);
	sel_date today = d("2026-12-07");
	struct sanity_plan p = { today, 0, NULL, 0 };
	struct sanity_stage s = { "Wawancara akhir", 1, today + 10,
	    today + SANITY_AHEAD_DAYS };
	struct str why;

	assert_true(sanity_stage(a, &p, &s, &why));
	s.to = today + SANITY_AHEAD_DAYS + 1;
	assert_false(sanity_stage(a, &p, &s, &why));
	assert_true(str_casecontains(why, STR("Tanggal selesai tahapan "
	    "Wawancara akhir")));
	assert_true(str_casecontains(why, STR("tahunnya")));
	s.from = d("2062-01-01");
	s.to = d("2062-01-02");
	assert_false(sanity_stage(a, &p, &s, &why));
}

static void
vac_plan_stage_after_closing(void **state)
{
	struct arena *a = T_ARENA(state);
	struct sanity_plan p = { d("2026-12-07"), d("2026-12-31"), NULL, 0 };
	struct sanity_stage s = { "Seleksi administrasi", 0, d("2026-12-31"),
	    d("2027-01-03") };
	struct str why;

	assert_false(sanity_stage(a, &p, &s, &why));
	assert_true(str_casecontains(why, STR("batas akhir pendaftaran")));
	assert_true(str_casecontains(why, STR("31 Desember 2026")));
	s.from = d("2027-01-01");		/* the day after */
	assert_true(sanity_stage(a, &p, &s, &why));
}

static void
vac_plan_stage_in_order(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct sanity_stage others[] = {
		{ "Seleksi administrasi", 0, d("2027-01-04"), d("2027-01-08") },
		{ "Penulisan makalah", 1, d("2027-01-11"), d("2027-01-15") },
		{ "Pengumuman hasil akhir", 2, d("2027-02-01"),
		    d("2027-02-02") },
	};
	struct sanity_plan p = { d("2026-12-07"), 0, others, 3 };
	struct sanity_stage s = { "Wawancara akhir", 1, d("2027-01-07"),
	    d("2027-01-09") };
	struct str why;

	/* Starts before the administrative selection ends. */
	assert_false(sanity_stage(a, &p, &s, &why));
	assert_true(str_casecontains(why, STR("sesudah tahapan Seleksi "
	    "administrasi selesai")));
	s.from = d("2027-01-08");		/* the day it ends */
	assert_true(sanity_stage(a, &p, &s, &why));
	/* Overlapping another middle stage is allowed. */
	s.from = d("2027-01-12");
	s.to = d("2027-01-14");
	assert_true(sanity_stage(a, &p, &s, &why));
	/* Ends after the final result starts. */
	s.to = d("2027-02-02");
	assert_false(sanity_stage(a, &p, &s, &why));
	assert_true(str_casecontains(why, STR("sebelum tahapan Pengumuman "
	    "hasil akhir dimulai")));
	s.to = d("2027-02-01");
	assert_true(sanity_stage(a, &p, &s, &why));
	/* The administrative selection itself after a middle stage. */
	s = (struct sanity_stage){ "Seleksi administrasi", 0,
	    d("2027-01-04"), d("2027-01-12") };
	p.stages = others + 1;
	p.nstages = 2;
	assert_false(sanity_stage(a, &p, &s, &why));
	assert_true(str_casecontains(why, STR("Penulisan makalah")));
}

static void
vac_plan_window_before_the_stages(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct sanity_stage st[] = {
		{ "Penulisan makalah", 1, d("2027-01-11"), d("2027-01-15") },
		{ "Seleksi administrasi", 0, d("2027-01-04"), d("2027-01-08") },
	};
	struct str why;

	assert_true(sanity_window_stages(a, d("2027-01-03"), st, 2, &why));
	assert_false(sanity_window_stages(a, d("2027-01-04"), st, 2, &why));
	assert_true(str_casecontains(why, STR("Seleksi administrasi")));
	assert_true(str_casecontains(why, STR("VAC-PLAN")));
	assert_true(sanity_window_stages(a, d("2027-01-04"), st, 0, &why));
}

static void
vac_plan_recommendation_after_sending(void **state)
{
	struct arena *a = T_ARENA(state);
	sel_date today = d("2026-12-07"), sent = d("2026-11-02");
	struct str why;

	assert_false(sanity_recommendation(a, sent - 1, sent, today, &why));
	assert_true(str_casecontains(why, STR("sebelum rencana dikirim")));
	assert_true(str_casecontains(why, STR("VAC-PLAN")));
	assert_true(sanity_recommendation(a, sent, sent, today, &why));
	assert_true(sanity_recommendation(a, today, sent, today, &why));
	assert_false(sanity_recommendation(a, today + 1, sent, today, &why));
	assert_true(str_casecontains(why, STR("sesudah hari ini")));
}

static void
ann_duration_window_at_signing(void **state)
{
	struct arena *a = T_ARENA(state);
	sel_date today = d("2026-12-07");
	struct str why;

	/* Wholly in the past. */
	assert_false(sanity_window_at_signing(a, today - 30, today - 10,
	    today, &why));
	assert_true(str_casecontains(why, STR("Batas akhir pendaftaran")));
	assert_true(str_casecontains(why, STR("ANN-DURATION")));
	/* Partly: opened yesterday. */
	assert_false(sanity_window_at_signing(a, today - 1, today + 14,
	    today, &why));
	assert_true(str_casecontains(why, STR("Tanggal pengumuman")));
	assert_true(sanity_window_at_signing(a, today, today + 14, today,
	    &why));
	assert_true(sanity_window_at_signing(a, today + 1, today + 15, today,
	    &why));
	/* Saved as a draft: only a window wholly in the past is refused. */
	assert_false(sanity_window_saved(a, today - 1, today, &why));
	assert_true(str_casecontains(why, STR("seluruhnya lampau")));
	assert_true(sanity_window_saved(a, today, today, &why));
}

static void
tmt_cpns_at_least_18_years_after_birth(void **state)
{
	struct arena *a = T_ARENA(state);
	struct str why;

	/* 18 on 1 March 2018, the TMT's day: accepted. */
	assert_true(sanity_tmt(a, d("2000-03-01"), 2018, 3, &why));
	/* A day short of 18. */
	assert_false(sanity_tmt(a, d("2000-03-02"), 2018, 3, &why));
	assert_true(str_casecontains(why, STR("TMT CPNS (Maret 2018)")));
	assert_true(str_casecontains(why, STR("PP 11/2017 Pasal 23")));
	/* The CPNS at 5. */
	assert_false(sanity_tmt(a, d("1998-05-10"), 2003, 6, &why));
	/* Born on 29 February: 18 on 1 March of a common year. */
	assert_false(sanity_tmt(a, d("2000-02-29"), 2018, 2, &why));
	assert_true(sanity_tmt(a, d("2000-02-29"), 2018, 3, &why));
	assert_false(sanity_tmt(a, d("1980-01-01"), 2018, 13, &why));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("VAC-PLAN", vac_plan_stage_not_in_the_past),
		RULE_TEST("VAC-PLAN", vac_plan_stage_year_not_absurd),
		RULE_TEST("VAC-PLAN", vac_plan_stage_after_closing),
		RULE_TEST("VAC-PLAN", vac_plan_stage_in_order),
		RULE_TEST("VAC-PLAN", vac_plan_window_before_the_stages),
		RULE_TEST("VAC-PLAN", vac_plan_recommendation_after_sending),
		RULE_TEST("ANN-DURATION", ann_duration_window_at_signing),
		T_TEST(tmt_cpns_at_least_18_years_after_birth),
	};

	return cmocka_run_group_tests_name("sanity", tests, NULL, NULL);
}
