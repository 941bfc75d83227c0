/*
 * test_tenure.c - an official's term (core/tenure.c): the dates of
 * TEN-5Y, TEN-EVAL, TEN-MONITOR, TEN-MUTATION, TEN-PERF, Pontianak's
 * TEN-2Y-LOCK and today's PRAC-NO-REPLACE-2Y from the TMT and the
 * inauguration, each with the profile's citation, a 29 February start;
 * and the decisions on what is recorded during the term, each at its
 * boundaries (the day before, of, after).
 */
#include <string.h>

#include "t.h"
#include "core/profile.h"
#include "core/tenure.h"
#include "base/banned.h"

static const struct ten_mark *
find(const struct ten_mark *m, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(m[i].key, key) == 0)
			return &m[i];
	t_fail("no date of that kind in the term");
}

static bool
has(const struct ten_mark *m, size_t n, enum rule_id id)
{
	for (size_t i = 0; i < n; i++)
		if (m[i].rule == id)
			return true;
	return false;
}

static void
ten_5y_demak_from_the_tmt(void **state)
{
	struct arena *a = T_ARENA(state);
	struct ten_mark m[TEN_MAX_MARKS];
	size_t n = ten_marks(t_profile(a, "demak-2022"), t_date("2026-11-23"),
	    t_date("2026-11-24"), m);

	assert_int_equal(n, 5);		/* no lock, no TEN-PERF in Demak */
	assert_false(has(m, n, R_TEN_2Y_LOCK));
	assert_false(has(m, n, R_TEN_PERF));
	/* "paling lama 5 tahun": the day before the fifth anniversary */
	assert_int_equal(find(m, n, "5y")->on, t_date("2031-11-22"));
	assert_int_equal(ten_end(t_date("2026-11-23")), t_date("2031-11-22"));
	t_contains(find(m, n, "5y")->citation, "Pasal 22 ayat (1)");
	assert_int_equal(find(m, n, "5y")->rule, R_TEN_5Y);
	/* in date order */
	for (size_t i = 1; i < n; i++)
		assert_true(m[i - 1].on <= m[i].on);
}

static void
ten_5y_from_29_february(void **state)
{
	struct arena *a = T_ARENA(state);
	struct ten_mark m[TEN_MAX_MARKS];
	size_t n = ten_marks(t_profile(a, "pekalongan-2022"),
	    t_date("2028-02-29"), t_date("2028-02-29"), m);

	/* the fifth anniversary is 28 February 2033: the day before */
	assert_int_equal(find(m, n, "5y")->on, t_date("2033-02-27"));
	assert_int_equal(find(m, n, "eval")->on, t_date("2032-11-27"));
	assert_int_equal(find(m, n, "monitor")->on, t_date("2030-02-27"));
	assert_int_equal(find(m, n, "perf1")->on, t_date("2029-02-27"));
	/* Pekalongan's move has no years: no mark */
	assert_false(has(m, n, R_TEN_MUTATION));
}

static void
ten_eval_three_months_before_the_end(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	sel_date tmt = t_date("2026-11-23");
	struct ten_mark m[TEN_MAX_MARKS];
	size_t n = ten_marks(p, tmt, tmt, m);
	struct ten_member team[3] = { { STR("Dr. Ani (universitas)"), true },
	    { STR("Budi"), false }, { STR("Citra"), false } };
	struct rule_result why;

	assert_int_equal(find(m, n, "eval")->on, t_date("2031-08-22"));
	t_contains(find(m, n, "eval")->citation, "Pasal 22 ayat (4)");
	/* formed on the evaluation day: yes; the day after: no */
	assert_true(ten_team_ok(a, p, tmt, t_date("2031-08-22"), team, 3,
	    &why));
	assert_int_equal(why.id, R_TEN_EVAL);
	t_contains(why.citation, "Pasal 22 ayat (4)");
	assert_true(ten_team_ok(a, p, tmt, t_date("2031-08-21"), team, 3,
	    &why));
	assert_false(ten_team_ok(a, p, tmt, t_date("2031-08-23"), team, 3,
	    &why));
	assert_int_equal(why.status, RS_FAIL);
	t_contains(why.detail, "22 Agustus 2031");
	/* before the TMT: no */
	assert_false(ten_team_ok(a, p, tmt, tmt - 1, team, 3, &why));
	assert_true(ten_team_ok(a, p, tmt, tmt, team, 3, &why));
	/* 2 external, 1 internal: no; two of the same name: no */
	team[1].external = true;
	assert_false(ten_team_ok(a, p, tmt, tmt, team, 3, &why));
	t_contains(why.detail, "1 orang eksternal dan 2 orang internal");
	team[1].external = false;
	team[2].name = STR("Budi");
	assert_false(ten_team_ok(a, p, tmt, tmt, team, 3, &why));
	/* Pontianak's articles have no team */
	team[2].name = STR("Citra");
	assert_false(ten_team_ok(a, t_profile(a, "pontianak-2015"), tmt, tmt,
	    team, 3, &why));
	assert_int_equal(why.status, RS_MISSING);
}

static void
ten_eval_from_29_february(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pekalongan-2022");
	sel_date tmt = t_date("2028-02-29");
	struct ten_member team[3] = { { STR("Dr. Ani"), true },
	    { STR("Budi"), false }, { STR("Citra"), false } };
	struct rule_result why;

	/* the end 27 February 2033, the evaluation 27 November 2032 */
	assert_true(ten_team_ok(a, p, tmt, t_date("2032-11-26"), team, 3,
	    &why));
	assert_true(ten_team_ok(a, p, tmt, t_date("2032-11-27"), team, 3,
	    &why));
	t_contains(why.citation, "Lampiran I II.B.6.c");
	assert_false(ten_team_ok(a, p, tmt, t_date("2032-11-28"), team, 3,
	    &why));
}

static void
ten_5y_outcome_no_later_than_the_last_day(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	sel_date tmt = t_date("2026-11-23"), team = t_date("2031-08-01");
	struct rule_result why;

	assert_true(ten_outcome_ok(a, p, tmt, team, t_date("2031-11-22"),
	    &why));
	assert_int_equal(why.id, R_TEN_5Y);
	assert_true(ten_outcome_ok(a, p, tmt, team, t_date("2031-11-21"),
	    &why));
	assert_false(ten_outcome_ok(a, p, tmt, team, t_date("2031-11-23"),
	    &why));
	assert_int_equal(why.id, R_TEN_5Y);
	/* before the team, or without one where TEN-EVAL applies */
	assert_false(ten_outcome_ok(a, p, tmt, team, team - 1, &why));
	assert_int_equal(why.id, R_TEN_EVAL);
	assert_true(ten_outcome_ok(a, p, tmt, team, team, &why));
	assert_false(ten_outcome_ok(a, p, tmt, 0, team, &why));
	assert_int_equal(why.id, R_TEN_EVAL);
	/* Pontianak: no team, the PPK decides with KASN (14(2)) */
	assert_true(ten_outcome_ok(a, t_profile(a, "pontianak-2015"), tmt, 0,
	    t_date("2031-11-22"), &why));
	t_contains(why.citation, "Pasal 14 ayat (2)");
}

static void
ten_2y_lock_pontianak_from_the_inauguration(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pontianak-2015");
	sel_date tmt = t_date("2026-11-23"), in = t_date("2026-12-01");
	struct ten_mark m[TEN_MAX_MARKS];
	size_t n = ten_marks(p, tmt, in, m);
	struct rule_result why;

	assert_int_equal(find(m, n, "lock")->on, t_date("2028-11-30"));
	t_contains(find(m, n, "lock")->citation, "Pasal 14 ayat (1)");
	assert_false(has(m, n, R_TEN_EVAL));	/* not in its articles */
	assert_int_equal(find(m, n, "5y")->on, t_date("2031-11-22"));
	/* the last day of the lock: refused; the day after: allowed */
	assert_false(ten_replace_ok(a, p, in, t_date("2028-11-30"), false,
	    &why));
	assert_int_equal(why.id, R_TEN_2Y_LOCK);
	t_contains(why.citation, "Pasal 14 ayat (1)");
	t_contains(why.detail, "30 November 2028");
	assert_false(ten_replace_ok(a, p, in, t_date("2028-11-29"), false,
	    &why));
	assert_true(ten_replace_ok(a, p, in, t_date("2028-12-01"), false,
	    &why));
	/* broke the law and no longer meets the requirements: allowed */
	assert_true(ten_replace_ok(a, p, in, t_date("2027-01-05"), true,
	    &why));
	/* Demak has no lock */
	assert_true(ten_replace_ok(a, t_profile(a, "demak-2022"), in, in,
	    false, &why));
}

static void
ten_2y_lock_from_29_february(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pontianak-2015");
	struct rule_result why;

	/* inaugurated 29 Feb 2028: the lock's last day is 28 Feb 2030 - 1 */
	assert_false(ten_replace_ok(a, p, t_date("2028-02-29"),
	    t_date("2030-02-27"), false, &why));
	assert_true(ten_replace_ok(a, p, t_date("2028-02-29"),
	    t_date("2030-02-28"), false, &why));
}

static void
prac_no_replace_2y_from_the_profile(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a,
	    "../tests/fixtures/profiles/praktik-2026");
	sel_date in = t_date("2026-11-23");
	struct ten_mark m[TEN_MAX_MARKS];
	size_t n = ten_marks(p, in, in, m);
	struct rule_result why;

	assert_int_equal(find(m, n, "norepl")->on, t_date("2028-11-22"));
	assert_int_equal(find(m, n, "norepl")->rule, R_PRAC_NO_REPLACE_2Y);
	t_contains(find(m, n, "norepl")->citation, "UU 5/2014 Pasal 116");
	assert_false(ten_replace_ok(a, p, in, t_date("2028-11-22"), false,
	    &why));
	assert_int_equal(why.id, R_PRAC_NO_REPLACE_2Y);
	t_contains(why.citation, "UU 5/2014 Pasal 116");
	assert_true(ten_replace_ok(a, p, in, t_date("2028-11-23"), false,
	    &why));
	assert_true(ten_replace_ok(a, p, in, t_date("2027-11-23"), true,
	    &why));
}

static void
ten_perf_one_year_six_months_then_the_test(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pontianak-2015");
	sel_date tmt = t_date("2026-11-23");
	struct ten_perf r[3] = { { TP_YEAR, 1, false, 0 } };
	struct ten_perf_state s;
	struct rule_result why;

	/* year 1 ends 22 November 2027: not before */
	r[0].on = t_date("2027-11-21");
	assert_false(ten_perf_ok(a, p, tmt, r, 0, &r[0], &why));
	assert_int_equal(why.id, R_TEN_PERF);
	t_contains(why.citation, "Pasal 15");
	r[0].on = t_date("2027-11-22");
	assert_true(ten_perf_ok(a, p, tmt, r, 0, &r[0], &why));
	r[0].on = t_date("2027-11-23");
	assert_true(ten_perf_ok(a, p, tmt, r, 0, &r[0], &why));
	t_contains(why.detail, "22 Mei 2028");
	/* recorded: 6 months to improve, to 22 May 2028 */
	ten_perf_state(r, 1, &s);
	assert_true(s.improving);
	assert_int_equal(s.improve_until, t_date("2028-05-22"));
	/* the same year again: no */
	assert_false(ten_perf_ok(a, p, tmt, r, 1, &r[0], &why));
	/* the improvement's result: not before the 6 months' last day */
	r[1] = (struct ten_perf){ TP_IMPROVE, 0, false, t_date("2028-05-21") };
	assert_false(ten_perf_ok(a, p, tmt, r, 1, &r[1], &why));
	r[1].on = t_date("2028-05-22");
	assert_true(ten_perf_ok(a, p, tmt, r, 1, &r[1], &why));
	t_contains(why.detail, "uji kompetensi");
	ten_perf_state(r, 2, &s);
	assert_false(s.improving);
	assert_true(s.test_due);
	assert_int_equal(s.test_from, t_date("2028-05-23"));
	/* no improvement running: no improvement result */
	r[2] = (struct ten_perf){ TP_IMPROVE, 0, true, t_date("2028-06-01") };
	assert_false(ten_perf_ok(a, p, tmt, r, 2, &r[2], &why));
	/* improved: no test */
	r[1].met = true;
	ten_perf_state(r, 2, &s);
	assert_false(s.test_due);
	/* Demak's articles have no TEN-PERF */
	assert_false(ten_perf_ok(a, t_profile(a, "demak-2022"), tmt, r, 0,
	    &r[0], &why));
	assert_int_equal(why.status, RS_MISSING);
}

static void
ten_perf_from_29_february(void **state)
{
	struct ten_perf r = { TP_YEAR, 1, false, t_date("2029-02-27") };
	struct ten_perf_state s;

	ten_perf_state(&r, 1, &s);
	/* 27 February 2029 + 6 months: 27 August, its last day the 26th */
	assert_int_equal(s.improve_until, t_date("2029-08-26"));
	r.on = t_date("2028-08-29");
	ten_perf_state(&r, 1, &s);
	/* 29 August + 6 months = 28 February 2029 (cut): last day 27th */
	assert_int_equal(s.improve_until, t_date("2029-02-27"));
	(void)T_ARENA(state);
}

static void
ten_mutation_two_to_five_years(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	sel_date tmt = t_date("2026-11-23"), in = t_date("2026-11-24");
	struct ten_mark m[TEN_MAX_MARKS];
	size_t n = ten_marks(p, tmt, in, m);
	struct rule_result why;

	/* counted from the later of TMT and inauguration */
	assert_int_equal(find(m, n, "move_from")->on, t_date("2028-11-24"));
	assert_int_equal(find(m, n, "move_until")->on, t_date("2031-11-23"));
	assert_false(ten_move_ok(a, p, tmt, in, t_date("2028-11-23"), true,
	    &why));
	assert_int_equal(why.id, R_TEN_MUTATION);
	t_contains(why.citation, "Pasal 20");
	assert_true(ten_move_ok(a, p, tmt, in, t_date("2028-11-24"), true,
	    &why));
	assert_true(ten_move_ok(a, p, tmt, in, t_date("2031-11-23"), true,
	    &why));
	assert_false(ten_move_ok(a, p, tmt, in, t_date("2031-11-24"), true,
	    &why));
	/* without the competency test: no */
	assert_false(ten_move_ok(a, p, tmt, in, t_date("2029-01-05"), false,
	    &why));
	t_contains(why.detail, "uji kompetensi");
	/* the Covid procedure: 1 year since the inauguration */
	p = t_profile(a, "demak-2022-covid");
	assert_false(ten_move_ok(a, p, tmt, in, t_date("2027-11-23"), true,
	    &why));
	assert_true(ten_move_ok(a, p, tmt, in, t_date("2027-11-24"), true,
	    &why));
	/* Pontianak has no TEN-MUTATION */
	assert_false(ten_move_ok(a, t_profile(a, "pontianak-2015"), tmt, in,
	    t_date("2029-01-05"), true, &why));
	assert_int_equal(why.status, RS_MISSING);
}

static void
ten_mutation_from_29_february(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	sel_date tmt = t_date("2028-02-29");
	struct rule_result why;

	/* two years from 29 February 2028: 28 February 2030 */
	assert_false(ten_move_ok(a, p, tmt, tmt, t_date("2030-02-27"), true,
	    &why));
	assert_true(ten_move_ok(a, p, tmt, tmt, t_date("2030-02-28"), true,
	    &why));
}

static void
ten_monitor_two_years_from_the_tmt(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	sel_date tmt = t_date("2026-11-23");
	struct rule_result why;

	assert_true(ten_monitoring(a, p, tmt, t_date("2028-11-21"), &why));
	assert_true(ten_monitoring(a, p, tmt, t_date("2028-11-22"), &why));
	assert_int_equal(why.id, R_TEN_MONITOR);
	t_contains(why.citation, "Pasal 26 ayat (1)");
	assert_false(ten_monitoring(a, p, tmt, t_date("2028-11-23"), &why));
	t_contains(why.detail, "22 November 2028");
	assert_true(ten_monitoring(a, p, t_date("2028-02-29"),
	    t_date("2030-02-27"), &why));
	assert_false(ten_monitoring(a, p, t_date("2028-02-29"),
	    t_date("2030-02-28"), &why));
}

static void
ten_reminder_windows_90_30_7(void **state)
{
	sel_date on = t_date("2031-11-22");

	assert_int_equal(ten_window(on, on - 91), 0);
	assert_int_equal(ten_window(on, on - 90), 90);
	assert_int_equal(ten_window(on, on - 31), 90);
	assert_int_equal(ten_window(on, on - 30), 30);
	assert_int_equal(ten_window(on, on - 8), 30);
	assert_int_equal(ten_window(on, on - 7), 7);
	assert_int_equal(ten_window(on, on), 7);
	assert_int_equal(ten_window(on, on + 1), 0);
	(void)T_ARENA(state);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("TEN-5Y", ten_5y_demak_from_the_tmt),
		RULE_TEST("TEN-5Y", ten_5y_from_29_february),
		RULE_TEST("TEN-5Y", ten_5y_outcome_no_later_than_the_last_day),
		RULE_TEST("TEN-EVAL", ten_eval_three_months_before_the_end),
		RULE_TEST("TEN-EVAL", ten_eval_from_29_february),
		RULE_TEST("TEN-2Y-LOCK",
		    ten_2y_lock_pontianak_from_the_inauguration),
		RULE_TEST("TEN-2Y-LOCK", ten_2y_lock_from_29_february),
		RULE_TEST("PRAC-NO-REPLACE-2Y",
		    prac_no_replace_2y_from_the_profile),
		RULE_TEST("TEN-PERF",
		    ten_perf_one_year_six_months_then_the_test),
		RULE_TEST("TEN-PERF", ten_perf_from_29_february),
		RULE_TEST("TEN-MUTATION", ten_mutation_two_to_five_years),
		RULE_TEST("TEN-MUTATION", ten_mutation_from_29_february),
		RULE_TEST("TEN-MONITOR", ten_monitor_two_years_from_the_tmt),
		RULE_TEST("TEN-5Y", ten_reminder_windows_90_30_7),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
