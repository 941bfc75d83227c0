/*
 * test_window.c - core/window: ANN-DURATION (calendar and working days,
 * inclusive and strict readings, a year without holiday data), ANN-EXTEND
 * and ANN-AFTER-EXTENSIONS (REGULATIONS.md §7).
 */
#include <stdio.h>
#include <string.h>

#include "core/holiday.h"
#include "core/profile.h"
#include "core/window.h"
#include "t.h"
#include "base/banned.h"

static const struct profile *
inline_profile(struct arena *a, const char *rules)
{
	char text[2048];

	snprintf(text, sizeof(text), "{\"selter_profile\": 1, \"id\": \"uji\", "
	    "\"title\": \"Uji\", \"regulation\": \"Peraturan Uji\", "
	    "\"cite\": \"Perbup Uji 1/2024\", \"region\": {\"name\": "
	    "\"Kabupaten Uji\", \"province\": \"Jawa Tengah\", \"timezone\": "
	    "\"WIB\"}, \"oversight\": \"BKN\", \"levels\": [\"jpt_pratama\"], "
	    "\"rules\": [%s]}", rules);
	return t_profile_text(a, text);
}

struct wrow {
	const char	*pub, *close;
	bool		 valid;
	int		 count;		/* the profile's unit */
	const char	*min_closing;
	const char	*strict;	/* NULL: not inclusive-only */
};

static void
window_table(struct arena *a, const struct profile *p, const struct cal *c,
    const struct wrow *rows, size_t n, bool working)
{
	for (size_t i = 0; i < n; i++) {
		struct window_out o;
		const char *ctx = rows[i].close;

		assert_int_equal(window_eval(a, p, c, t_date(rows[i].pub),
		    t_date(rows[i].close), &o), SEL_OK);
		t_status(&o.rule, rows[i].valid ? RS_PASS : RS_FAIL, ctx);
		assert_int_equal(o.rule.id, R_ANN_DURATION);
		assert_int_equal(o.valid, rows[i].valid);
		if ((working ? o.working_days : o.calendar_days) !=
		    rows[i].count)
			fail_msg("%s..%s: %d/%d days, want %d", rows[i].pub,
			    rows[i].close, o.calendar_days, o.working_days,
			    rows[i].count);
		assert_int_equal(o.calendar_days, t_date(rows[i].close) -
		    t_date(rows[i].pub) + 1);
		assert_int_equal(o.min_closing, t_date(rows[i].min_closing));
		assert_int_equal(o.inclusive_only, rows[i].strict != NULL);
		if (!rows[i].valid)
			t_contains(o.rule.detail, t_date_id(a,
			    rows[i].min_closing));
		if (rows[i].strict != NULL) {
			assert_int_equal(o.strict_closing,
			    t_date(rows[i].strict));
			t_contains(o.rule.detail, t_date_id(a, rows[i].strict));
			t_contains(o.rule.detail, "hanya menurut hitungan "
			    "inklusif");
		} else {
			t_not_contains(o.rule.detail, "bacaan ketat");
		}
	}
}

/*
 * Demak: >= 15 calendar days, both ends counted.  15 days passes and
 * names the strict closing date; 14 fails; 16 passes plainly.
 */
static void
test_calendar_days(void **state)
{
	static const struct wrow rows[] = {
		{ "2023-03-01", "2023-03-14", false, 14, "2023-03-15", NULL },
		{ "2023-03-01", "2023-03-15", true, 15, "2023-03-15",
		  "2023-03-16" },
		{ "2023-03-01", "2023-03-16", true, 16, "2023-03-15", NULL },
		{ "2023-03-01", "2023-04-30", true, 61, "2023-03-15", NULL },
		{ "2023-03-01", "2023-03-01", false, 1, "2023-03-15", NULL },
		/* Across 29 February. */
		{ "2024-02-15", "2024-02-29", true, 15, "2024-02-29",
		  "2024-03-01" },
		{ "2023-02-15", "2023-03-01", true, 15, "2023-03-01",
		  "2023-03-02" },
		/* Holidays do not shorten a calendar-day window. */
		{ "2023-04-14", "2023-04-28", true, 15, "2023-04-28",
		  "2023-04-29" },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	struct cal *c = t_cal(a, 2023, 2024);
	struct window_out o;

	window_table(a, p, c, rows, ARRAY_LEN(rows), false);
	assert_int_equal(window_eval(a, p, c, t_date("2023-03-01"),
	    t_date("2023-03-15"), &o), SEL_OK);
	assert_int_equal(o.working_days, 11);
	t_contains(o.rule.detail, "1 Maret 2023 s.d. 15 Maret 2023 memuat 15 "
	    "hari kalender");
	t_contains(o.rule.citation, "Perbup Demak 47/2022 Pasal 9 ayat (2)");
	assert_int_equal(window_eval(a, p, c, t_date("2023-03-01"),
	    t_date("2023-03-14"), &o), SEL_OK);
	t_contains(o.rule.detail, "memuat 14 hari kalender; syarat paling "
	    "singkat 15 hari kalender, sehingga batas akhir paling cepat 15 "
	    "Maret 2023");
}

/* A calendar-day window may run into a year without holiday data. */
static void
test_calendar_days_without_holiday_data(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	struct cal *c = t_cal(a, 2026, 2026);
	struct window_out o;

	assert_int_equal(window_eval(a, p, c, t_date("2026-12-20"),
	    t_date("2027-01-05"), &o), SEL_OK);
	assert_true(o.valid);
	assert_int_equal(o.calendar_days, 17);
	assert_int_equal(o.working_days, -1);
	assert_int_equal(o.missing_year, 2027);
}

/* The strict reading: 15 days before the closing date (16 inclusive). */
static void
test_calendar_days_strict(void **state)
{
	static const struct wrow rows[] = {
		{ "2023-03-01", "2023-03-15", false, 15, "2023-03-16", NULL },
		{ "2023-03-01", "2023-03-16", true, 16, "2023-03-16", NULL },
		{ "2023-03-01", "2023-03-17", true, 17, "2023-03-16", NULL },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = inline_profile(a, "{\"rule\": "
	    "\"ANN-DURATION\", \"days\": 15, \"day_kind\": \"calendar\", "
	    "\"reading\": \"strict\", \"citation\": \"Pasal 9\"}");
	struct window_out o;

	window_table(a, p, t_cal(a, 2023, 2023), rows, ARRAY_LEN(rows), false);
	assert_int_equal(window_eval(a, p, t_cal(a, 2023, 2023),
	    t_date("2023-03-01"), t_date("2023-03-16"), &o), SEL_OK);
	t_contains(o.rule.detail, "sebelum batas akhir");
}

/*
 * Pontianak: >= 15 working days.  From Monday 10 April 2023 they run
 * across Idul Fitri 1444 H (cuti bersama 19-21 and 24-25 April, libur
 * 22-23 April) and Labour Day: the 15th working day is 8 May.
 */
static void
test_working_days_idul_fitri(void **state)
{
	static const struct wrow rows[] = {
		{ "2023-04-10", "2023-05-05", false, 14, "2023-05-08", NULL },
		{ "2023-04-10", "2023-05-07", false, 14, "2023-05-08", NULL },
		{ "2023-04-10", "2023-05-08", true, 15, "2023-05-08",
		  "2023-05-09" },
		{ "2023-04-10", "2023-05-09", true, 16, "2023-05-08", NULL },
		/* Published on a cuti bersama day: counting starts 26 April. */
		{ "2023-04-19", "2023-05-16", false, 14, "2023-05-17", NULL },
		{ "2023-04-19", "2023-05-17", true, 15, "2023-05-17",
		  "2023-05-19" },
		/* 18 May is Ascension Day: the strict date skips it. */
		{ "2023-04-19", "2023-05-19", true, 16, "2023-05-17", NULL },
		/* No holiday: three weeks. */
		{ "2023-02-13", "2023-03-03", true, 15, "2023-03-03",
		  "2023-03-06" },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pontianak-2015");
	struct window_out o;

	window_table(a, p, t_cal(a, 2023, 2023), rows, ARRAY_LEN(rows), true);
	assert_int_equal(window_eval(a, p, t_cal(a, 2023, 2023),
	    t_date("2023-04-10"), t_date("2023-05-08"), &o), SEL_OK);
	assert_int_equal(o.calendar_days, 29);
	t_contains(o.rule.detail, "memuat 15 hari kerja");
	t_contains(o.rule.detail, "batas akhir harus 9 Mei 2023");
	t_contains(o.rule.citation, "Perwal Pontianak 34/2015");
}

/*
 * Under the strict reading a failing window's detail says what is
 * counted: "memuat 15 hari kalender; syarat paling singkat 15 hari
 * kalender" would read as a contradiction without "sebelum batas akhir".
 */
static void
test_strict_fail_detail_names_the_reading(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = inline_profile(a, "{\"rule\": "
	    "\"ANN-DURATION\", \"days\": 15, \"day_kind\": \"calendar\", "
	    "\"reading\": \"strict\", \"citation\": \"Pasal 9\"}");
	struct window_out o;

	assert_int_equal(window_eval(a, p, t_cal(a, 2023, 2023),
	    t_date("2023-03-01"), t_date("2023-03-15"), &o), SEL_OK);
	t_status(&o.rule, RS_FAIL, "15 days, strict");
	t_contains(o.rule.detail, "sebelum batas akhir");
}

/* Working days, strict reading: the next working day after the 15th. */
static void
test_working_days_strict(void **state)
{
	static const struct wrow rows[] = {
		{ "2023-02-13", "2023-03-03", false, 15, "2023-03-06", NULL },
		{ "2023-02-13", "2023-03-06", true, 16, "2023-03-06", NULL },
		{ "2023-04-10", "2023-05-08", false, 15, "2023-05-09", NULL },
		{ "2023-04-10", "2023-05-09", true, 16, "2023-05-09", NULL },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = inline_profile(a, "{\"rule\": "
	    "\"ANN-DURATION\", \"days\": 15, \"day_kind\": \"working\", "
	    "\"reading\": \"strict\", \"citation\": \"Pasal 12\"}");

	window_table(a, p, t_cal(a, 2023, 2023), rows, ARRAY_LEN(rows), true);
}

/* Covid procedure: >= 5 working days. */
static void
test_working_days_covid(void **state)
{
	static const struct wrow rows[] = {
		/* 18 April, then 26, 27, 28 April and 2 May. */
		{ "2023-04-18", "2023-04-28", false, 4, "2023-05-02", NULL },
		{ "2023-04-18", "2023-05-02", true, 5, "2023-05-02",
		  "2023-05-03" },
		{ "2022-06-06", "2022-06-10", true, 5, "2022-06-10",
		  "2022-06-13" },
	};
	struct arena *a = T_ARENA(state);

	window_table(a, t_profile(a, "demak-2022-covid"), t_cal(a, 2022, 2023),
	    rows, ARRAY_LEN(rows), true);
	window_table(a, t_profile(a, "pekalongan-2022-covid"),
	    t_cal(a, 2022, 2023), rows, ARRAY_LEN(rows), true);
}

/* Working days in a year without a holiday file: SEL_ENOENT, 2027. */
static void
test_working_days_year_without_data(void **state)
{
	static const struct {
		const char	*pub, *close;
	} rows[] = {
		{ "2026-12-14", "2027-01-08" },	/* the window runs into 2027 */
		{ "2026-12-28", "2026-12-31" },	/* only the 15th day does */
		{ "2027-01-04", "2027-01-29" },	/* wholly in 2027 */
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pontianak-2015");
	struct cal *c = t_cal(a, 2015, 2026);

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		struct window_out o;

		memset(&o, 0, sizeof(o));
		if (window_eval(a, p, c, t_date(rows[i].pub),
		    t_date(rows[i].close), &o) != SEL_ENOENT)
			fail_msg("%s..%s: not SEL_ENOENT", rows[i].pub,
			    rows[i].close);
		assert_int_equal(o.missing_year, 2027);
	}
}

static void
test_bad_windows(void **state)
{
	struct arena *a = T_ARENA(state);
	struct cal *c = t_cal(a, 2023, 2023);
	struct window_out o;

	assert_int_equal(window_eval(a, t_profile(a, "demak-2022"), c,
	    t_date("2023-03-15"), t_date("2023-03-14"), &o), SEL_EINVAL);
	assert_int_equal(window_eval(a, inline_profile(a, "{\"rule\": "
	    "\"ANN-EXTEND\", \"trigger\": \"applicants_at_most\", "
	    "\"threshold\": 3, \"max_times\": 2, \"citation\": \"x\"}"), c,
	    t_date("2023-03-01"), t_date("2023-03-15"), &o), SEL_ENOENT);
}

static const struct extend_out *
extend(struct arena *a, const struct profile *p, const struct cal *c,
    const char *close, int applicants, int qualified, int done)
{
	struct extend_out *o = arena_alloc(a, sizeof(*o));
	struct extend_in in = { applicants, qualified, done };
	int year = 0;

	if (window_extend(a, p, c, t_date(close), &in, o, &year) != SEL_OK)
		fail_msg("window_extend %s: year %d", close, year);
	return o;
}

/*
 * Demak: applicants not more than 3: up to 2 extensions of 7 calendar
 * days each; after the second, ANN-AFTER-EXTENSIONS is the next step.
 */
static void
test_extend_calendar(void **state)
{
	static const struct {
		int		 applicants, done;
		enum rule_status want;
		const char	*closing;	/* NULL: none */
		bool		 after;
		const char	*detail;
	} rows[] = {
		{ 3, 0, RS_PASS, "2023-03-22", false,
		  "perpanjangan ke-1 dari paling banyak 2) sampai 22 Maret 2023" },
		{ 2, 1, RS_PASS, "2023-03-22", false, "perpanjangan ke-2" },
		{ 0, 0, RS_PASS, "2023-03-22", false, "7 hari kalender" },
		{ 4, 0, RS_FAIL, NULL, false, "tidak lebih dari 3" },
		{ 4, 2, RS_FAIL, NULL, false, "Jumlah pelamar 4" },
		{ 3, 2, RS_FAIL, NULL, true, "sudah diperpanjang 2 kali" },
		{ 1, 3, RS_FAIL, NULL, true, "paling banyak 2 kali" },
		{ -1, 0, RS_MISSING, NULL, false, "--applicants" },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	struct cal *c = t_cal(a, 2023, 2023);

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct extend_out *o = extend(a, p, c, "2023-03-15",
		    rows[i].applicants, 7, rows[i].done);
		char ctx[40];

		snprintf(ctx, sizeof(ctx), "row %zu", i);
		t_status(&o->rule, rows[i].want, ctx);
		assert_int_equal(o->rule.id, R_ANN_EXTEND);
		t_contains(o->rule.citation, "Perbup Demak 47/2022 Pasal 9 ayat "
		    "(3)");
		t_contains(o->rule.detail, rows[i].detail);
		assert_int_equal(o->has_closing, rows[i].closing != NULL);
		if (rows[i].closing != NULL)
			assert_int_equal(o->new_closing,
			    t_date(rows[i].closing));
		assert_int_equal(o->has_after, rows[i].after);
	}
}

/* After the last extension: the profile's next step, for the record. */
static void
test_after_extensions(void **state)
{
	struct arena *a = T_ARENA(state);
	struct cal *c = t_cal(a, 2023, 2023);
	const struct extend_out *o;

	o = extend(a, t_profile(a, "demak-2022"), c, "2023-03-29", 3, -1, 2);
	assert_true(o->has_after);
	assert_int_equal(o->after.id, R_ANN_AFTER_EXTENSIONS);
	t_status(&o->after, RS_MISSING, "Demak: a next step");
	t_contains(o->after.detail, "Bupati berkoordinasi dengan KASN");
	t_contains(o->after.citation, "Perbup Demak 47/2022 Pasal 9 ayat (4)");
	o = extend(a, t_profile(a, "pekalongan-2022"), c, "2023-03-29", 3, -1,
	    2);
	assert_true(o->has_after);
	t_contains(o->after.citation, "Perwal Pekalongan 47/2022");
	o = extend(a, t_profile(a, "demak-2022-covid"), c, "2023-03-29", -1, 2,
	    1);
	assert_true(o->has_after);
	assert_true(o->after.detail.len > 0);
	/* Room left: no next step yet. */
	o = extend(a, t_profile(a, "demak-2022"), c, "2023-03-29", 3, -1, 1);
	assert_false(o->has_after);
}

/* Covid: fewer than 3 qualified: one extension of 3 working days. */
static void
test_extend_working_days(void **state)
{
	static const struct {
		const char	*close;
		int		 qualified, done;
		enum rule_status want;
		const char	*closing;
	} rows[] = {
		/* 19-25 April off: 26, 27, 28 April. */
		{ "2023-04-18", 2, 0, RS_PASS, "2023-04-28" },
		{ "2023-04-14", 1, 0, RS_PASS, "2023-04-26" },
		/* Friday 28 April: 2, 3, 4 May (1 May off). */
		{ "2023-04-28", 0, 0, RS_PASS, "2023-05-04" },
		{ "2023-03-10", 2, 0, RS_PASS, "2023-03-15" },
		{ "2023-04-18", 3, 0, RS_FAIL, NULL },
		{ "2023-04-18", 2, 1, RS_FAIL, NULL },
		{ "2023-04-18", -1, 0, RS_MISSING, NULL },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022-covid");
	struct cal *c = t_cal(a, 2023, 2023);

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct extend_out *o = extend(a, p, c, rows[i].close, 99,
		    rows[i].qualified, rows[i].done);
		char ctx[64];

		snprintf(ctx, sizeof(ctx), "row %zu", i);
		t_status(&o->rule, rows[i].want, ctx);
		assert_int_equal(o->has_closing, rows[i].closing != NULL);
		if (rows[i].closing != NULL) {
			assert_int_equal(o->new_closing,
			    t_date(rows[i].closing));
			t_contains(o->rule.detail, "3 hari kerja");
			t_contains(o->rule.detail, t_date_id(a,
			    rows[i].closing));
		}
		if (rows[i].want == RS_MISSING)
			t_contains(o->rule.detail, "--qualified");
	}
}

/* Extending by working days into 2027: SEL_ENOENT naming 2027. */
static void
test_extend_year_without_data(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022-covid");
	struct cal *c = t_cal(a, 2026, 2026);
	struct extend_in in = { -1, 2, 0 };
	struct extend_out o;
	int year = 0;

	assert_int_equal(window_extend(a, p, c, t_date("2026-12-29"), &in, &o,
	    &year), SEL_ENOENT);
	assert_int_equal(year, 2027);
	/* Calendar days need no holiday data. */
	in = (struct extend_in){ 3, -1, 0 };
	assert_int_equal(window_extend(a, t_profile(a, "demak-2022"), c,
	    t_date("2026-12-29"), &in, &o, &year), SEL_OK);
	assert_int_equal(o.new_closing, t_date("2027-01-05"));
}

/* Pontianak: extend "if needed", no limit on count or length. */
static void
test_extend_unlimited(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pontianak-2015");
	struct cal *c = t_cal(a, 2023, 2023);
	const struct extend_out *o;

	o = extend(a, p, c, "2023-03-15", 10, 2, 5);
	t_status(&o->rule, RS_PASS, "sixth extension");
	assert_false(o->has_closing);
	assert_false(o->has_after);
	t_contains(o->rule.detail, "perpanjangan ke-6, tanpa batas jumlah");
	t_contains(o->rule.detail, "diputuskan panitia");
	o = extend(a, p, c, "2023-03-15", 10, 3, 0);
	t_status(&o->rule, RS_FAIL, "3 qualified");
	t_contains(o->rule.detail, "kurang dari 3");
}

/*
 * A set length with no limit on the count ("max_times": null): the
 * detail must not claim a limit of 0 extensions.
 */
static void
test_extend_length_without_count_limit(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = inline_profile(a, "{\"rule\": "
	    "\"ANN-EXTEND\", \"trigger\": \"applicants_at_most\", "
	    "\"threshold\": 3, \"max_times\": null, \"days\": 7, "
	    "\"day_kind\": \"calendar\", \"citation\": \"x\"}");
	const struct extend_out *o;

	o = extend(a, p, t_cal(a, 2023, 2023), "2023-03-15", 2, -1, 4);
	t_status(&o->rule, RS_PASS, "fifth extension");
	assert_true(o->has_closing);
	assert_int_equal(o->new_closing, t_date("2023-03-22"));
	t_contains(o->rule.detail, "perpanjangan ke-5");
	t_not_contains(o->rule.detail, "paling banyak 0");
}

static void
test_extend_without_rule(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = inline_profile(a, "{\"rule\": "
	    "\"ANN-DURATION\", \"days\": 15, \"day_kind\": \"calendar\", "
	    "\"reading\": \"inclusive\", \"citation\": \"x\"}");
	struct extend_in in = { 1, 1, 0 };
	struct extend_out o;
	int year = 0;

	assert_int_equal(window_extend(a, p, t_cal(a, 2023, 2023),
	    t_date("2023-03-15"), &in, &o, &year), SEL_ENOENT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("ANN-DURATION", test_calendar_days),
		RULE_TEST("ANN-DURATION",
		    test_calendar_days_without_holiday_data),
		RULE_TEST("ANN-DURATION", test_calendar_days_strict),
		RULE_TEST("ANN-DURATION", test_working_days_idul_fitri),
		RULE_TEST("ANN-DURATION", test_strict_fail_detail_names_the_reading),
		RULE_TEST("ANN-DURATION", test_working_days_strict),
		RULE_TEST("ANN-DURATION", test_working_days_covid),
		RULE_TEST("ANN-DURATION", test_working_days_year_without_data),
		RULE_TEST("ANN-DURATION", test_bad_windows),
		RULE_TEST("ANN-EXTEND", test_extend_calendar),
		RULE_TEST("ANN-AFTER-EXTENSIONS", test_after_extensions),
		RULE_TEST("ANN-EXTEND", test_extend_working_days),
		RULE_TEST("ANN-EXTEND", test_extend_year_without_data),
		RULE_TEST("ANN-EXTEND", test_extend_unlimited),
		RULE_TEST("ANN-EXTEND",
		    test_extend_length_without_count_limit),
		RULE_TEST("ANN-EXTEND", test_extend_without_rule),
	};

	return cmocka_run_group_tests_name("window", tests, NULL, NULL);
}
