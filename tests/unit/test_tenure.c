/*
 * test_tenure.c - the dates of a term (core/tenure.c): TEN-5Y, TEN-EVAL,
 * TEN-MONITOR, TEN-MUTATION and Pontianak's TEN-2Y-LOCK from the TMT
 * and the inauguration, each with the profile's citation, and a 29
 * February start.
 */
#include "t.h"
#include "core/profile.h"
#include "core/tenure.h"
#include "base/banned.h"

static const struct ten_mark *
find(const struct ten_mark *m, size_t n, enum rule_id id)
{
	for (size_t i = 0; i < n; i++)
		if (m[i].rule == id)
			return &m[i];
	t_fail("no date of that rule in the term");
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

	assert_int_equal(n, 4);		/* no 2-year lock in Demak */
	assert_false(has(m, n, R_TEN_2Y_LOCK));
	/* "paling lama 5 tahun": the day before the fifth anniversary */
	assert_int_equal(find(m, n, R_TEN_5Y)->on, t_date("2031-11-22"));
	t_contains(find(m, n, R_TEN_5Y)->citation, "Pasal 22 ayat (1)");
	/* TEN-EVAL: three months before that day */
	assert_int_equal(find(m, n, R_TEN_EVAL)->on, t_date("2031-08-22"));
	assert_int_equal(find(m, n, R_TEN_MONITOR)->on, t_date("2028-11-22"));
	assert_int_equal(find(m, n, R_TEN_MUTATION)->on, t_date("2028-11-23"));
	/* in date order */
	for (size_t i = 1; i < n; i++)
		assert_true(m[i - 1].on <= m[i].on);
}

static void
ten_2y_lock_pontianak_from_the_inauguration(void **state)
{
	struct arena *a = T_ARENA(state);
	struct ten_mark m[TEN_MAX_MARKS];
	size_t n = ten_marks(t_profile(a, "pontianak-2015"),
	    t_date("2026-11-23"), t_date("2026-12-01"), m);

	assert_true(has(m, n, R_TEN_2Y_LOCK));
	assert_int_equal(find(m, n, R_TEN_2Y_LOCK)->on, t_date("2028-11-30"));
	t_contains(find(m, n, R_TEN_2Y_LOCK)->citation, "Pasal 14 ayat (1)");
	assert_false(has(m, n, R_TEN_EVAL));	/* not in its articles */
	assert_int_equal(find(m, n, R_TEN_5Y)->on, t_date("2031-11-22"));
}

static void
ten_5y_from_29_february(void **state)
{
	struct arena *a = T_ARENA(state);
	struct ten_mark m[TEN_MAX_MARKS];
	size_t n = ten_marks(t_profile(a, "pekalongan-2022"),
	    t_date("2028-02-29"), t_date("2028-02-29"), m);

	/* the fifth anniversary is 28 February 2033: the day before */
	assert_int_equal(find(m, n, R_TEN_5Y)->on, t_date("2033-02-27"));
	assert_int_equal(find(m, n, R_TEN_EVAL)->on, t_date("2032-11-27"));
	assert_int_equal(find(m, n, R_TEN_MONITOR)->on, t_date("2030-02-27"));
}

/* The same term read for each of the rules it dates. */
static void
ten_eval_three_months_before_the_end(void **state)
{
	ten_5y_demak_from_the_tmt(state);
}

static void
ten_monitor_two_years_from_the_tmt(void **state)
{
	ten_5y_demak_from_the_tmt(state);
}

static void
ten_mutation_opens_after_two_years(void **state)
{
	ten_5y_demak_from_the_tmt(state);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("TEN-5Y", ten_5y_demak_from_the_tmt),
		RULE_TEST("TEN-2Y-LOCK",
		    ten_2y_lock_pontianak_from_the_inauguration),
		RULE_TEST("TEN-5Y", ten_5y_from_29_february),
		RULE_TEST("TEN-EVAL", ten_eval_three_months_before_the_end),
		RULE_TEST("TEN-MONITOR", ten_monitor_two_years_from_the_tmt),
		RULE_TEST("TEN-MUTATION", ten_mutation_opens_after_two_years),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
