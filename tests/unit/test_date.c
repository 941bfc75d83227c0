/*
 * test_date.c - core/date: parsing, day numbers, "D - N years" and age
 * (REGULATIONS.md §6 "Interpretations").
 */
#include <string.h>

#include "base/buf.h"
#include "core/date.h"
#include "t.h"
#include "base/banned.h"

static void
test_parse_table(void **state)
{
	static const struct {
		const char	*in;
		enum sel_err	 rc;
		int		 y, m, d;
	} rows[] = {
		{ "2023-03-15", SEL_OK, 2023, 3, 15 },
		{ "2024-02-29", SEL_OK, 2024, 2, 29 },	/* leap */
		{ "2000-02-29", SEL_OK, 2000, 2, 29 },	/* 400 rule */
		{ "1900-01-01", SEL_OK, 1900, 1, 1 },	/* first valid */
		{ "2199-12-31", SEL_OK, 2199, 12, 31 },	/* last valid */
		{ "2023-02-28", SEL_OK, 2023, 2, 28 },
		{ "2023-04-30", SEL_OK, 2023, 4, 30 },
		{ "2023-02-29", SEL_EINVAL, 0, 0, 0 },	/* common year */
		{ "2023-02-30", SEL_EINVAL, 0, 0, 0 },	/* CONTRACT.md */
		{ "1900-02-29", SEL_EINVAL, 0, 0, 0 },	/* 100 rule */
		{ "2100-02-29", SEL_EINVAL, 0, 0, 0 },
		{ "2023-04-31", SEL_EINVAL, 0, 0, 0 },
		{ "2023-13-01", SEL_EINVAL, 0, 0, 0 },
		{ "2023-00-10", SEL_EINVAL, 0, 0, 0 },
		{ "2023-01-00", SEL_EINVAL, 0, 0, 0 },
		{ "2023-01-32", SEL_EINVAL, 0, 0, 0 },
		{ "1899-12-31", SEL_EINVAL, 0, 0, 0 },	/* before range */
		{ "2200-01-01", SEL_EINVAL, 0, 0, 0 },	/* after range */
		{ "2023-3-15", SEL_EINVAL, 0, 0, 0 },
		{ "2023/03/15", SEL_EINVAL, 0, 0, 0 },
		{ "2023-03-15 ", SEL_EINVAL, 0, 0, 0 },
		{ " 2023-03-15", SEL_EINVAL, 0, 0, 0 },
		{ "15-03-2023", SEL_EINVAL, 0, 0, 0 },
		{ "2023-03-1a", SEL_EINVAL, 0, 0, 0 },
		{ "+023-03-15", SEL_EINVAL, 0, 0, 0 },
		{ "", SEL_EINVAL, 0, 0, 0 },
		{ "2023-03-15T00:00", SEL_EINVAL, 0, 0, 0 },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		sel_date z = 12345;
		enum sel_err rc = date_parse(str_c(rows[i].in), &z);
		int y, m, d;

		if (rc != rows[i].rc)
			fail_msg("date_parse(\"%s\") = %d, want %d", rows[i].in,
			    rc, rows[i].rc);
		if (rc != SEL_OK) {
			assert_int_equal(z, 12345);	/* untouched */
			continue;
		}
		date_ymd(z, &y, &m, &d);
		assert_int_equal(y, rows[i].y);
		assert_int_equal(m, rows[i].m);
		assert_int_equal(d, rows[i].d);
	}
}

static void
test_parse_slice_not_nul_terminated(void **state)
{
	const char text[] = "2023-03-15XYZ";
	sel_date z;

	(void)state;
	assert_int_equal(date_parse((struct str){ text, 10 }, &z), SEL_OK);
	assert_int_equal(z, t_date("2023-03-15"));
	assert_int_equal(date_parse((struct str){ text, 11 }, &z),
	    SEL_EINVAL);
}

static void
test_day_numbers(void **state)
{
	sel_date z;

	(void)state;
	assert_int_equal(t_date("1970-01-01"), 0);
	assert_int_equal(t_date("1970-01-02"), 1);
	assert_int_equal(t_date("1969-12-31"), -1);
	assert_int_equal(t_date("2000-03-01"), 11017);
	assert_int_equal(t_date("1900-01-01"), -25567);
	assert_int_equal(date_make(2023, 3, 15, &z), SEL_OK);
	assert_int_equal(z, t_date("2023-03-15"));
	assert_int_equal(date_make(2023, 2, 29, &z), SEL_EINVAL);
	assert_int_equal(date_make(1899, 12, 31, &z), SEL_EINVAL);
	assert_int_equal(date_make(2200, 1, 1, &z), SEL_EINVAL);
}

/* Every day of the valid range: y-m-d -> number -> y-m-d, consecutive. */
static void
test_round_trip_every_day(void **state)
{
	sel_date prev = 0, z;
	bool first = true;

	(void)state;
	for (int y = DATE_MIN_YEAR; y <= DATE_MAX_YEAR; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= date_days_in_month(y, m); d++) {
				int yy, mm, dd;

				assert_int_equal(date_make(y, m, d, &z), SEL_OK);
				if (!first && z != prev + 1)
					fail_msg("%04d-%02d-%02d is %d after %d",
					    y, m, d, z, prev);
				date_ymd(z, &yy, &mm, &dd);
				if (yy != y || mm != m || dd != d)
					fail_msg("%04d-%02d-%02d came back as "
					    "%04d-%02d-%02d", y, m, d, yy, mm,
					    dd);
				assert_int_equal(date_year(z), y);
				prev = z;
				first = false;
			}
}

static void
test_leap_and_month_lengths(void **state)
{
	static const struct {
		int	 y;
		bool	 leap;
	} rows[] = {
		{ 1900, false }, { 2000, true }, { 2023, false },
		{ 2024, true }, { 2100, false }, { 1968, true },
		{ 2025, false },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		assert_int_equal(date_is_leap(rows[i].y), rows[i].leap);
		assert_int_equal(date_days_in_month(rows[i].y, 2),
		    rows[i].leap ? 29 : 28);
	}
	assert_int_equal(date_days_in_month(2023, 1), 31);
	assert_int_equal(date_days_in_month(2023, 4), 30);
	assert_int_equal(date_days_in_month(2023, 12), 31);
}

static void
test_weekday(void **state)
{
	static const struct {
		const char	*day;
		int		 wd;	/* 0 = Monday */
	} rows[] = {
		{ "1970-01-01", 3 },	/* Thursday */
		{ "1969-12-29", 0 },	/* Monday, before the epoch */
		{ "1900-01-01", 0 },	/* Monday */
		{ "2023-03-15", 2 },	/* Wednesday */
		{ "2023-04-22", 5 },	/* Saturday: Idul Fitri 1444 H */
		{ "2023-04-23", 6 },	/* Sunday */
		{ "2024-02-29", 3 },	/* Thursday */
		{ "2027-01-01", 4 },	/* Friday */
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(rows); i++)
		if (date_weekday(t_date(rows[i].day)) != rows[i].wd)
			fail_msg("%s: weekday %d, want %d", rows[i].day,
			    date_weekday(t_date(rows[i].day)), rows[i].wd);
}

/* "D - N years keeps month and day; 29 February becomes 28 February." */
static void
test_minus_years(void **state)
{
	static const struct {
		const char	*d;
		int		 n;
		const char	*want;
	} rows[] = {
		{ "2023-03-15", 2, "2021-03-15" },
		{ "2023-03-15", 5, "2018-03-15" },
		{ "2024-02-29", 1, "2023-02-28" },
		{ "2024-02-29", 2, "2022-02-28" },
		{ "2024-02-29", 4, "2020-02-29" },
		{ "2024-02-29", 24, "2000-02-29" },
		{ "2024-02-29", 124, "1900-02-28" },
		{ "2024-02-28", 1, "2023-02-28" },
		{ "2024-03-01", 1, "2023-03-01" },
		{ "2023-03-15", 0, "2023-03-15" },
		{ "2023-02-28", -1, "2024-02-28" },	/* later */
		{ "2024-02-29", -1, "2025-02-28" },
		{ "2025-02-28", 57, "1968-02-28" },
		{ "2025-03-01", 57, "1968-03-01" },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		sel_date got = date_minus_years(t_date(rows[i].d), rows[i].n);

		if (got != t_date(rows[i].want)) {
			struct buf b;

			buf_init(&b, 64);
			date_iso(&b, got);
			print_error("%s - %d years = %s, want %s\n", rows[i].d,
			    rows[i].n, b.p, rows[i].want);
			buf_release(&b);
			fail();
		}
	}
}

/*
 * Completed years: born 1968-02-29 is 56 on 2025-02-28 and 57 on
 * 2025-03-01 (the day before, the day of, the day after a birthday).
 */
static void
test_age_at_and_around_birthdays(void **state)
{
	static const struct {
		const char	*birth;
		const char	*on;
		int		 age;
	} rows[] = {
		{ "1968-02-29", "2025-02-27", 56 },
		{ "1968-02-29", "2025-02-28", 56 },
		{ "1968-02-29", "2025-03-01", 57 },
		{ "1968-02-29", "2024-02-28", 55 },
		{ "1968-02-29", "2024-02-29", 56 },	/* a real birthday */
		{ "1968-02-29", "2024-03-01", 56 },
		{ "1967-03-15", "2023-03-14", 55 },
		{ "1967-03-15", "2023-03-15", 56 },
		{ "1967-03-15", "2023-03-16", 56 },
		{ "1967-03-15", "2024-03-14", 56 },
		{ "1967-03-15", "2024-03-15", 57 },
		{ "1975-05-12", "2023-06-01", 48 },
		{ "1975-12-31", "2023-12-30", 47 },
		{ "1975-12-31", "2023-12-31", 48 },
		{ "1976-01-01", "2023-12-31", 47 },
		{ "2000-01-01", "2000-01-01", 0 },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		int got = date_age(t_date(rows[i].birth), t_date(rows[i].on));

		if (got != rows[i].age)
			fail_msg("born %s, on %s: age %d, want %d",
			    rows[i].birth, rows[i].on, got, rows[i].age);
	}
}

/*
 * date_age agrees with the definition of REGULATIONS.md: the largest N
 * with birth <= D - N years, for awkward birthdays over many days.
 */
static void
test_age_matches_definition(void **state)
{
	static const char *const births[] = { "1968-02-29", "1968-02-28",
	    "1968-03-01", "1967-12-31", "1970-01-01", "1999-02-28",
	    "2000-02-29" };

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(births); i++) {
		sel_date b = t_date(births[i]);

		for (sel_date d = t_date("2019-01-01");
		    d <= t_date("2029-12-31"); d++) {
			int n = 0;

			while (b <= date_minus_years(d, n + 1))
				n++;
			if (date_age(b, d) != n)
				fail_msg("born %s, day %d: date_age %d, "
				    "definition %d", births[i], d,
				    date_age(b, d), n);
		}
	}
}

static void
test_format(void **state)
{
	static const struct {
		const char	*iso;
		const char	*id;
	} rows[] = {
		{ "2023-03-15", "15 Maret 2023" },
		{ "2024-01-01", "1 Januari 2024" },
		{ "2023-02-28", "28 Februari 2023" },
		{ "2023-05-09", "9 Mei 2023" },
		{ "2023-08-17", "17 Agustus 2023" },
		{ "2199-12-31", "31 Desember 2199" },
		{ "1900-01-01", "1 Januari 1900" },
	};
	struct buf b;

	(void)state;
	buf_init(&b, 64);
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		buf_reset(&b);
		date_iso(&b, t_date(rows[i].iso));
		t_str_equal(buf_str(&b), rows[i].iso);
		buf_reset(&b);
		date_id(&b, t_date(rows[i].iso));
		t_str_equal(buf_str(&b), rows[i].id);
	}
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T_TEST(test_parse_table),
		T_TEST(test_parse_slice_not_nul_terminated),
		T_TEST(test_day_numbers),
		T_TEST(test_round_trip_every_day),
		T_TEST(test_leap_and_month_lengths),
		T_TEST(test_weekday),
		T_TEST(test_minus_years),
		RULE_TEST("ELIG-AGE", test_age_at_and_around_birthdays),
		RULE_TEST("ELIG-AGE", test_age_matches_definition),
		T_TEST(test_format),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
