/*
 * test_holiday.c - core/holiday: the holiday files of data/holidays/, the
 * strict and lenient formats, working days across Idul Fitri 2023, and a
 * year without data (SEL_ENOENT naming the year).
 */
#include <stdio.h>
#include <string.h>

#include "core/holiday.h"
#include "t.h"
#include "base/banned.h"

static struct cal *
load_text(struct arena *a, const char *text, enum cal_mode mode)
{
	struct cal *c = cal_new(a);
	struct diag d;

	if (cal_load(c, text, strlen(text), mode, &d) != SEL_OK)
		fail_msg("cal_load: line %u: %s", d.line, d.msg);
	return c;
}

/* Every file of data/holidays/ loads strictly and covers its own year. */
static void
test_every_holiday_file_loads(void **state)
{
	struct arena *a = T_ARENA(state);
	struct cal *c = cal_new(a);
	size_t n = 0;
	char **names = t_list(a, "data/holidays", ".txt", &n);
	int lo, hi;

	assert_true(n >= 12);		/* 2015 ... 2026 at least */
	for (size_t i = 0; i < n; i++) {
		char rel[300];
		char *text;
		size_t len = 0;
		struct diag d;
		int y = 0;

		snprintf(rel, sizeof(rel), "data/holidays/%s", names[i]);
		text = t_read(a, rel, &len);
		assert_non_null(text);
		if (cal_load(c, text, len, CAL_STRICT, &d) != SEL_OK)
			fail_msg("%s:%u: %s", rel, d.line, d.msg);
		assert_int_equal(sscanf(names[i], "%d.txt", &y), 1);
		assert_true(cal_covers(c, y));
	}
	assert_true(cal_range(c, &lo, &hi));
	assert_true(lo <= 2015);
	assert_true(hi >= 2026);
	assert_false(cal_covers(c, 2027));
	assert_false(cal_covers(c, 2014));
}

/* Idul Fitri 1444 H: 19-21 and 24-25 April cuti, 22-23 April libur. */
static void
test_idul_fitri_2023(void **state)
{
	static const struct {
		const char	*day;
		bool		 working;
		int		 kind;	/* -1: not a holiday */
	} rows[] = {
		{ "2023-04-17", true, -1 },		/* Monday */
		{ "2023-04-18", true, -1 },		/* Tuesday */
		{ "2023-04-19", false, HOL_CUTI },
		{ "2023-04-20", false, HOL_CUTI },
		{ "2023-04-21", false, HOL_CUTI },
		{ "2023-04-22", false, HOL_LIBUR },	/* Saturday anyway */
		{ "2023-04-23", false, HOL_LIBUR },
		{ "2023-04-24", false, HOL_CUTI },
		{ "2023-04-25", false, HOL_CUTI },
		{ "2023-04-26", true, -1 },		/* Wednesday */
		{ "2023-04-29", false, -1 },		/* Saturday */
		{ "2023-04-30", false, -1 },		/* Sunday */
		{ "2023-05-01", false, HOL_LIBUR },	/* Labour Day */
		{ "2023-04-07", false, HOL_LIBUR },	/* Good Friday */
		{ "2023-03-22", false, HOL_LIBUR },	/* Nyepi */
		{ "2023-03-23", false, HOL_CUTI },
		{ "2023-03-24", true, -1 },
	};
	struct cal *c = t_cal(T_ARENA(state), 2023, 2023);

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct holiday *h = cal_find(c, t_date(rows[i].day));
		bool w = !rows[i].working;
		int year = 0;

		assert_int_equal(cal_is_working(c, t_date(rows[i].day), &w,
		    &year), SEL_OK);
		if (w != rows[i].working)
			fail_msg("%s: working %d, want %d", rows[i].day, w,
			    rows[i].working);
		if (rows[i].kind < 0) {
			assert_null(h);
			continue;
		}
		assert_non_null(h);
		assert_int_equal(h->kind, rows[i].kind);
		assert_true(h->name.len > 0);
		assert_true(h->source.len > 0);
	}
	t_contains(cal_find(c, t_date("2023-04-22"))->name, "Idul Fitri");
	t_contains(cal_find(c, t_date("2023-04-19"))->source, "SKB");
}

static void
test_count_working_days(void **state)
{
	static const struct {
		const char	*from, *to;
		int		 n;
	} rows[] = {
		/* 17, 18 | 19-25 off | 26, 27, 28 */
		{ "2023-04-17", "2023-04-28", 5 },
		{ "2023-04-19", "2023-04-25", 0 },
		{ "2023-04-18", "2023-04-26", 2 },
		{ "2023-03-01", "2023-03-15", 11 },	/* no holiday */
		/* 10-14, 17, 18, 26-28, 2-5 May, 8 May (1 May off) */
		{ "2023-04-10", "2023-05-08", 15 },
		{ "2023-04-10", "2023-05-05", 14 },
		{ "2023-04-10", "2023-04-10", 1 },
		{ "2023-04-22", "2023-04-22", 0 },
		{ "2023-04-11", "2023-04-10", 0 },	/* to < from */
		/* 2022-12-26 Mon .. 2023-01-06 Fri; 1 Jan 2023 a Sunday */
		{ "2022-12-26", "2023-01-06", 10 },
	};
	struct cal *c = t_cal(T_ARENA(state), 2022, 2023);

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		int n = -1, year = 0;

		assert_int_equal(cal_count_working(c, t_date(rows[i].from),
		    t_date(rows[i].to), &n, &year), SEL_OK);
		if (n != rows[i].n)
			fail_msg("%s..%s: %d working days, want %d",
			    rows[i].from, rows[i].to, n, rows[i].n);
	}
}

static void
test_add_working_days(void **state)
{
	static const struct {
		const char	*from;
		int		 k;
		const char	*want;
	} rows[] = {
		{ "2023-04-18", 1, "2023-04-26" },	/* across Idul Fitri */
		{ "2023-04-18", 3, "2023-04-28" },
		{ "2023-04-18", 4, "2023-05-02" },	/* and Labour Day */
		{ "2023-04-19", 0, "2023-04-26" },	/* k 0: next working */
		{ "2023-04-18", 0, "2023-04-18" },	/* k 0: itself */
		{ "2023-03-10", 1, "2023-03-13" },	/* Friday -> Monday */
		{ "2023-03-11", 1, "2023-03-13" },	/* Saturday */
		{ "2023-04-09", 15, "2023-05-08" },
		{ "2022-12-30", 1, "2023-01-02" },	/* across the year */
	};
	struct cal *c = t_cal(T_ARENA(state), 2022, 2023);

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		sel_date got = 0;
		int year = 0;

		assert_int_equal(cal_add_working(c, t_date(rows[i].from),
		    rows[i].k, &got, &year), SEL_OK);
		if (got != t_date(rows[i].want))
			fail_msg("%s + %d working days: day %d, want %s",
			    rows[i].from, rows[i].k, got, rows[i].want);
	}
}

/* No data for 2027: every question about it fails and names 2027. */
static void
test_year_without_data(void **state)
{
	struct cal *c = t_cal(T_ARENA(state), 2025, 2026);
	sel_date out = 42;
	bool w = true;
	int n = 42, year = 0;

	assert_int_equal(cal_is_working(c, t_date("2027-01-04"), &w, &year),
	    SEL_ENOENT);
	assert_int_equal(year, 2027);
	year = 0;
	assert_int_equal(cal_count_working(c, t_date("2026-12-28"),
	    t_date("2027-01-08"), &n, &year), SEL_ENOENT);
	assert_int_equal(year, 2027);
	assert_int_equal(n, 42);		/* untouched */
	year = 0;
	assert_int_equal(cal_add_working(c, t_date("2026-12-28"), 10, &out,
	    &year), SEL_ENOENT);
	assert_int_equal(year, 2027);
	assert_int_equal(out, 42);
	year = 0;
	assert_int_equal(cal_add_working(c, t_date("2027-01-01"), 0, &out,
	    &year), SEL_ENOENT);
	assert_int_equal(year, 2027);
	/* A year before the data, and a NULL year_out. */
	assert_int_equal(cal_is_working(c, t_date("2024-12-31"), &w, NULL),
	    SEL_ENOENT);
	/* The covered part still answers. */
	assert_int_equal(cal_count_working(c, t_date("2026-12-28"),
	    t_date("2026-12-31"), &n, &year), SEL_OK);
}

/* An empty calendar covers nothing: not even a weekday is assumed. */
static void
test_empty_calendar(void **state)
{
	struct cal *c = cal_new(T_ARENA(state));
	int lo = 0, hi = 0, year = 0;
	bool w;

	assert_false(cal_range(c, &lo, &hi));
	assert_null(cal_find(c, t_date("2023-01-01")));
	assert_int_equal(cal_is_working(c, t_date("2023-01-02"), &w, &year),
	    SEL_ENOENT);
	assert_int_equal(year, 2023);
}

static void
test_strict_format(void **state)
{
	struct arena *a = T_ARENA(state);
	struct cal *c = load_text(a,
	    "# a comment\n"
	    "\n"
	    "year: 2030\n"
	    "source: Keppres 1/2029\n"
	    "2030-01-01 libur Tahun Baru 2030 Masehi\n"
	    "  2030-01-02\tcuti Cuti Bersama [Keppres 2/2029]\r\n"
	    "2030-01-03 libur Hari Percobaan [UNVERIFIED: no SKB yet]\n"
	    "notes: anything\n", CAL_STRICT);
	const struct holiday *h;
	bool w = true;

	assert_true(cal_covers(c, 2030));
	h = cal_find(c, t_date("2030-01-01"));
	assert_non_null(h);
	assert_int_equal(h->kind, HOL_LIBUR);
	t_str_equal(h->name, "Tahun Baru 2030 Masehi");
	t_str_equal(h->source, "Keppres 1/2029");
	assert_false(h->unverified);
	h = cal_find(c, t_date("2030-01-02"));
	assert_non_null(h);
	assert_int_equal(h->kind, HOL_CUTI);
	t_str_equal(h->name, "Cuti Bersama");
	t_str_equal(h->source, "Keppres 2/2029");
	h = cal_find(c, t_date("2030-01-03"));
	assert_non_null(h);
	assert_true(h->unverified);
	t_str_equal(h->name, "Hari Percobaan");
	assert_int_equal(cal_is_working(c, t_date("2030-01-02"), &w, NULL),
	    SEL_OK);
	assert_false(w);
	assert_int_equal(cal_is_working(c, t_date("2030-01-04"), &w, NULL),
	    SEL_OK);
	assert_true(w);				/* a Friday */
}

/* Bad strict files: the line and the reason; the calendar unchanged. */
static void
test_strict_errors(void **state)
{
	static const struct {
		const char	*text;
		unsigned	 line;
		const char	*msg;
	} rows[] = {
		{ "year: 2030\nsource: x\n2030-02-30 libur Bad\n", 3,
		  "expected a date YYYY-MM-DD that exists" },
		{ "year: 2030\nsource: x\n2030-01-01 holiday New Year\n", 3,
		  "expected \"libur\" or \"cuti\"" },
		{ "year: 2030\nsource: x\n2030-01-01 libur\n", 3,
		  "the holiday has no name" },
		{ "year: 2030\nsource: x\n2030-01-01libur X\n", 3,
		  "expected a space after the date" },
		{ "year: 2030\nsource: x\n\n2031-01-01 libur X\n", 4,
		  "not in the file's year 2030" },
		{ "2030-01-01 libur X\nyear: 2030\nsource: x\n", 1,
		  "before the file's \"year:\" and \"source:\"" },
		{ "year: 2030\n2030-01-01 libur X\nsource: x\n", 2,
		  "before the file's \"year:\" and \"source:\"" },
		{ "year: 2030\nsource: x\nyear: 2031\n", 3,
		  "a second, different year" },
		{ "year: 1800\n", 1, "year: expected a year from 1900" },
		{ "year: 20x0\n", 1, "year: expected a year" },
		{ "year: 2030\nsource:   \n", 2, "legal source is empty" },
		{ "year: 2030\nsource: x\n2030-01-01 libur X ]\n", 3,
		  "a \"]\" without its \"[\"" },
		{ "year: 2030\n# only a year\n", 2,
		  "lacks its \"year:\" or \"source:\"" },
		{ "source: x\n", 1, "lacks its \"year:\" or \"source:\"" },
		{ "", 0, "lacks its \"year:\" or \"source:\"" },
	};

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		struct cal *c = cal_new(T_ARENA(state));
		struct diag d;

		memset(&d, 0, sizeof(d));
		if (cal_load(c, rows[i].text, strlen(rows[i].text),
		    CAL_STRICT, &d) != SEL_EINVAL)
			fail_msg("row %zu loaded: %s", i, rows[i].text);
		if (d.line != rows[i].line)
			fail_msg("row %zu: line %u, want %u (%s)", i, d.line,
			    rows[i].line, d.msg);
		t_contains(str_c(d.msg), rows[i].msg);
		assert_false(cal_covers(c, 2030));
		assert_null(cal_find(c, t_date("2030-01-01")));
	}
}

/* A NUL byte inside a line is refused. */
static void
test_nul_byte(void **state)
{
	static const char text[] = "year: 2030\nsource: x\n2030-01-01 libur "
	    "A\0B\n";
	struct cal *c = cal_new(T_ARENA(state));
	struct diag d;

	assert_int_equal(cal_load(c, text, sizeof(text) - 1, CAL_STRICT, &d),
	    SEL_EINVAL);
	assert_int_equal(d.line, 3);
	t_contains(str_c(d.msg), "NUL");
}

/* The same year from two files is an error; the first stays loaded. */
static void
test_year_loaded_twice(void **state)
{
	struct arena *a = T_ARENA(state);
	struct cal *c = load_text(a, "year: 2030\nsource: x\n"
	    "2030-01-01 libur A\n", CAL_STRICT);
	static const char again[] = "year: 2030\nsource: y\n"
	    "2030-05-01 libur B\n";
	struct diag d;

	assert_int_equal(cal_load(c, again, strlen(again), CAL_STRICT, &d),
	    SEL_EINVAL);
	t_contains(str_c(d.msg), "year 2030 is already loaded");
	assert_non_null(cal_find(c, t_date("2030-01-01")));
	assert_null(cal_find(c, t_date("2030-05-01")));
}

/* A day listed as libur and cuti is kept once, as libur. */
static void
test_duplicate_day(void **state)
{
	struct cal *c = load_text(T_ARENA(state), "year: 2030\nsource: x\n"
	    "2030-01-01 cuti Cuti X\n2030-01-01 libur Libur X\n"
	    "2030-01-02 cuti Cuti Y\n", CAL_STRICT);
	const struct holiday *h = cal_find(c, t_date("2030-01-01"));

	assert_non_null(h);
	assert_int_equal(h->kind, HOL_LIBUR);
	t_str_equal(h->name, "Libur X");
	assert_non_null(cal_find(c, t_date("2030-01-02")));
	assert_null(cal_find(c, t_date("2029-12-31")));
	assert_null(cal_find(c, t_date("2030-01-03")));
}

/* A user's file: "YYYY-MM-DD description"; its years become covered. */
static void
test_lenient_format(void **state)
{
	struct arena *a = T_ARENA(state);
	struct cal *c = load_text(a,
	    "# my holidays\n"
	    "2027-01-01 Tahun Baru\n"
	    "2027-03-10\n"
	    "2027-03-11 cuti Cuti Bersama\n"
	    "year: 2028\n", CAL_LENIENT);
	sel_date out = 0;
	bool w = true;
	int year = 0, n = 0;

	assert_true(cal_covers(c, 2027));
	assert_true(cal_covers(c, 2028));
	assert_false(cal_covers(c, 2029));
	t_str_equal(cal_find(c, t_date("2027-01-01"))->name, "Tahun Baru");
	assert_int_equal(cal_find(c, t_date("2027-03-11"))->kind, HOL_CUTI);
	assert_int_equal(cal_is_working(c, t_date("2027-01-01"), &w, NULL),
	    SEL_OK);
	assert_false(w);			/* a Friday, but a holiday */
	assert_int_equal(cal_is_working(c, t_date("2028-01-03"), &w, NULL),
	    SEL_OK);
	assert_true(w);				/* covered, no holiday */
	/* 2027-03-09 Tue; 10, 11 off; 12 Fri */
	assert_int_equal(cal_add_working(c, t_date("2027-03-09"), 1, &out,
	    &year), SEL_OK);
	assert_int_equal(out, t_date("2027-03-12"));
	assert_int_equal(cal_count_working(c, t_date("2027-03-08"),
	    t_date("2027-03-12"), &n, &year), SEL_OK);
	assert_int_equal(n, 3);
	/* The project's data and a user's file together. */
	c = t_cal(a, 2026, 2026);
	{
		static const char more[] = "2027-01-01 Tahun Baru\n";
		struct diag d;

		assert_int_equal(cal_load(c, more, strlen(more), CAL_LENIENT,
		    &d), SEL_OK);
		assert_int_equal(cal_count_working(c, t_date("2026-12-28"),
		    t_date("2027-01-08"), &n, &year), SEL_OK);
	}
}

/*
 * A strict line whose only text is its [tag] has no name (the check once
 * ran before the tag was cut off and let it through).
 */
static void
test_tag_only_line_has_no_name(void **state)
{
	static const char text[] = "year: 2030\nsource: x\n"
	    "2030-01-01 libur [Keppres 1/2029]\n";
	struct cal *c = cal_new(T_ARENA(state));
	struct diag d;

	memset(&d, 0, sizeof(d));
	assert_int_equal(cal_load(c, text, strlen(text), CAL_STRICT, &d),
	    SEL_EINVAL);
	assert_int_equal(d.line, 3);
	t_contains(str_c(d.msg), "no name");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T_TEST(test_every_holiday_file_loads),
		RULE_TEST("ANN-DURATION", test_idul_fitri_2023),
		RULE_TEST("ANN-DURATION", test_count_working_days),
		RULE_TEST("ANN-EXTEND", test_add_working_days),
		RULE_TEST("ANN-DURATION", test_year_without_data),
		T_TEST(test_empty_calendar),
		T_TEST(test_strict_format),
		T_TEST(test_strict_errors),
		T_TEST(test_nul_byte),
		T_TEST(test_year_loaded_twice),
		T_TEST(test_duplicate_day),
		T_TEST(test_lenient_format),
		T_TEST(test_tag_only_line_has_no_name),
	};

	return cmocka_run_group_tests_name("holiday", tests, NULL, NULL);
}
