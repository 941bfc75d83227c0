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

/* An instant from its ISO text, through the parser under test. */
static int64_t
t_instant(const char *iso)
{
	int64_t t = -1;

	if (date_instant_parse(str_c(iso), &t) != SEL_OK)
		fail_msg("date_instant_parse(\"%s\") failed", iso);
	return t;
}

static void
test_instant_parse(void **state)
{
	static const char *const bad[] = {
		"2026-12-07T12:02:04", "2026-12-07 12:02:04Z",
		"2026-12-07T24:00:00Z", "2026-12-07T12:60:00Z",
		"2026-12-07T12:02:60Z", "2026-02-30T12:02:04Z",
		"2026-12-07T1a:02:04Z", "2026-12-07T12-02-04Z",
		"2026-12-07T12:02:04Z ", "", "2026-12-07",
	};
	int64_t t = 42;

	(void)state;
	assert_int_equal(t_instant("1970-01-01T00:00:00Z"), 0);
	assert_int_equal(t_instant("2026-12-07T12:02:04Z"), 1796644924);
	assert_int_equal(t_instant("1969-12-31T23:59:59Z"), -1);
	assert_int_equal(t_instant("2026-12-07T23:59:59Z"),
	    t_instant("2026-12-08T00:00:00Z") - 1);
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		if (date_instant_parse(str_c(bad[i]), &t) != SEL_EINVAL)
			fail_msg("\"%s\" was accepted", bad[i]);
		assert_int_equal(t, 42);	/* untouched */
	}
}

static void
test_zone_hours(void **state)
{
	int h = -1;

	(void)state;
	assert_int_equal(date_zone_hours(STR("WIB"), &h), SEL_OK);
	assert_int_equal(h, 7);
	assert_int_equal(date_zone_hours(STR("WITA"), &h), SEL_OK);
	assert_int_equal(h, 8);
	assert_int_equal(date_zone_hours(STR("WIT"), &h), SEL_OK);
	assert_int_equal(h, 9);
	assert_int_equal(date_zone_hours(STR("wib"), &h), SEL_EINVAL);
	assert_int_equal(date_zone_hours(STR("UTC"), &h), SEL_EINVAL);
	assert_int_equal(date_zone_hours(STR(""), &h), SEL_EINVAL);
	assert_int_equal(h, 9);				/* untouched */
}

/*
 * The issue's own example, the day boundary in each zone (an instant at
 * 23:59 UTC is already the next day in WIB, WITA and WIT; 16:59 UTC is
 * still the same day in WIB but not in WITA), midnight, the year's end
 * and every month's name.
 */
static void
test_instant_id(void **state)
{
	static const struct {
		const char	*iso, *zone, *want, *day;
	} rows[] = {
		{ "2026-12-07T12:02:04Z", "WIB",
		  "7 Desember 2026 pukul 19.02 WIB", "7 Desember 2026" },
		{ "2026-12-07T23:59:59Z", "WIB",
		  "8 Desember 2026 pukul 06.59 WIB", "8 Desember 2026" },
		{ "2026-12-07T23:59:59Z", "WITA",
		  "8 Desember 2026 pukul 07.59 WITA", "8 Desember 2026" },
		{ "2026-12-07T23:59:59Z", "WIT",
		  "8 Desember 2026 pukul 08.59 WIT", "8 Desember 2026" },
		{ "2026-12-07T16:59:59Z", "WIB",
		  "7 Desember 2026 pukul 23.59 WIB", "7 Desember 2026" },
		{ "2026-12-07T17:00:00Z", "WIB",
		  "8 Desember 2026 pukul 00.00 WIB", "8 Desember 2026" },
		{ "2026-12-07T16:00:00Z", "WITA",
		  "8 Desember 2026 pukul 00.00 WITA", "8 Desember 2026" },
		{ "2026-12-07T15:00:00Z", "WIT",
		  "8 Desember 2026 pukul 00.00 WIT", "8 Desember 2026" },
		{ "2026-12-07T14:59:59Z", "WIT",
		  "7 Desember 2026 pukul 23.59 WIT", "7 Desember 2026" },
		{ "2026-12-31T17:00:00Z", "WIB",
		  "1 Januari 2027 pukul 00.00 WIB", "1 Januari 2027" },
		{ "2028-02-28T20:30:00Z", "WITA",
		  "29 Februari 2028 pukul 04.30 WITA", "29 Februari 2028" },
		{ "2026-03-01T00:00:00Z", "WIB",
		  "1 Maret 2026 pukul 07.00 WIB", "1 Maret 2026" },
		{ "2026-04-01T00:00:00Z", "WIB",
		  "1 April 2026 pukul 07.00 WIB", "1 April 2026" },
		{ "2026-05-01T00:00:00Z", "WIB",
		  "1 Mei 2026 pukul 07.00 WIB", "1 Mei 2026" },
		{ "2026-06-01T00:00:00Z", "WIB",
		  "1 Juni 2026 pukul 07.00 WIB", "1 Juni 2026" },
		{ "2026-07-01T00:00:00Z", "WIB",
		  "1 Juli 2026 pukul 07.00 WIB", "1 Juli 2026" },
		{ "2026-08-01T00:00:00Z", "WIB",
		  "1 Agustus 2026 pukul 07.00 WIB", "1 Agustus 2026" },
		{ "2026-09-01T00:00:00Z", "WIB",
		  "1 September 2026 pukul 07.00 WIB", "1 September 2026" },
		{ "2026-10-01T00:00:00Z", "WIB",
		  "1 Oktober 2026 pukul 07.00 WIB", "1 Oktober 2026" },
		{ "2026-11-01T00:00:00Z", "WIB",
		  "1 November 2026 pukul 07.00 WIB", "1 November 2026" },
		{ "2026-01-31T16:59:00Z", "WIB",
		  "31 Januari 2026 pukul 23.59 WIB", "31 Januari 2026" },
		/* an unknown zone is written in WIB, never in UTC */
		{ "2026-12-07T12:02:04Z", "UTC",
		  "7 Desember 2026 pukul 19.02 WIB", "7 Desember 2026" },
		{ "1969-12-31T23:00:00Z", "WIB",
		  "1 Januari 1970 pukul 06.00 WIB", "1 Januari 1970" },
	};
	struct buf b;

	(void)state;
	buf_init(&b, 64);
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		int64_t t = t_instant(rows[i].iso);

		buf_reset(&b);
		date_instant_id(&b, t, str_c(rows[i].zone));
		t_str_equal(buf_str(&b), rows[i].want);
		buf_reset(&b);
		date_instant_day_id(&b, t, str_c(rows[i].zone));
		t_str_equal(buf_str(&b), rows[i].day);
	}
	buf_release(&b);
	assert_int_equal(date_local_day(t_instant("2026-12-07T16:59:59Z"), 7),
	    t_date("2026-12-07"));
	assert_int_equal(date_local_day(t_instant("2026-12-07T17:00:00Z"), 7),
	    t_date("2026-12-08"));
	assert_int_equal(date_local_day(-1, 0), -1);
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
		T_TEST(test_instant_parse),
		T_TEST(test_zone_hours),
		T_TEST(test_instant_id),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
