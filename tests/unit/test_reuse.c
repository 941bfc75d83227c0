/*
 * test_reuse.c - STG-REUSE in the core (core/reuse.h): Pekalongan's 3
 * years at the day before, of and after the anniversary; 29 February
 * plus 3 years; the strict reading and a validity in months; counted from
 * the result; another region, a failed assessment, a candidate who went
 * on or is still in, another level, no provider, the same or an earlier
 * selection, refused; a profile without STG-REUSE allows nothing; BKN's
 * 2 years (PRAC-ASSESSOR) binding first, with its accreditation; the
 * loader's warning when the two meet.
 */
#include <stdio.h>
#include <string.h>

#include "t.h"
#include "base/buf.h"
#include "core/prac.h"
#include "core/profile.h"
#include "core/record.h"
#include "core/reuse.h"
#include "base/banned.h"

#define PEKALONGAN_CITE "Perwal Pekalongan 47/2022 Lampiran I Ketentuan " \
	"Lain-lain huruf A"

/* A small profile with the STG-REUSE (and other) entries given. */
static const char base[] =
    "{\"selter_profile\": 1, \"id\": \"uji\", \"title\": \"uji\","
    " \"regulation\": \"Peraturan Bupati Contoh Nomor 1 Tahun 2026\","
    " \"cite\": \"Perbup Contoh 1/2026\", \"region\": {\"name\":"
    " \"Kabupaten Contoh\", \"province\": \"Jawa Tengah\", \"timezone\":"
    " \"WIB\"}, \"oversight\": \"BKN\", \"levels\": [\"jpt_pratama\","
    " \"administrator\"], \"rules\": [{\"rule\": \"VAC-PLAN\","
    " \"citation\": \"Pasal 5\"}%s]}";

static struct profile *
prof(struct arena *a, const char *extra)
{
	struct buf b;
	struct profile *p;

	buf_init(&b, 1u << 16);
	buf_printf(&b, base, extra);
	p = t_profile_text(a, t_cstr(a, (struct str){ b.p, b.len }));
	buf_release(&b);
	return p;
}

#define REUSE(params) ", {\"rule\": \"STG-REUSE\", \"citation\": " \
	"\"Pasal 20\", " params "}"
#define ASSESSOR ", {\"rule\": \"PRAC-ASSESSOR\", \"min_accreditation\": " \
	"\"A\", \"result_valid_years\": 2, \"citation\": " \
	"\"Peraturan BKN 26/2019\"}"

/* A passed result of region 1, selection 7, held and reported on iso. */
static struct reuse_prior
prior(const char *iso)
{
	struct reuse_prior pr = { 1, 7, t_date(iso), t_date(iso), true,
	    RA_STOPPED, LV_JPT_PRATAMA, -1,
	    STR("UPT Penilaian Kompetensi BKD Provinsi Jawa Tengah") };

	return pr;
}

static struct reuse_target
target(const struct vacancy *post, const char *stage_on)
{
	struct reuse_target t = { 1, 9, t_date(stage_on), post };

	return t;
}

/* The verdict for the stage ending on day. */
static struct reuse_verdict
at(struct arena *a, const struct profile *p, const struct reuse_prior *pr,
    const struct vacancy *post, const char *day)
{
	struct reuse_target t = target(post, day);
	struct reuse_verdict v;

	reuse_eval(a, p, pr, &t, &v);
	return v;
}

static void
stg_reuse_pekalongan_three_years_boundaries(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pekalongan-2022");
	const struct vacancy *post = t_vacancy(a, p, NULL);
	struct reuse_prior pr = prior("2023-03-10");
	struct reuse_verdict v;

	v = at(a, p, &pr, post, "2026-03-09");		/* the day before */
	assert_true(v.ok);
	assert_int_equal(v.rule, R_STG_REUSE);
	t_str_equal(v.citation, PEKALONGAN_CITE);
	assert_int_equal(v.until, t_date("2026-03-10"));
	t_contains(v.reason, "berlaku sampai dengan 10 Maret 2026");
	t_contains(v.reason, "UPT Penilaian Kompetensi");
	v = at(a, p, &pr, post, "2026-03-10");		/* the anniversary */
	assert_true(v.ok);
	v = at(a, p, &pr, post, "2026-03-11");		/* the day after */
	assert_false(v.ok);
	assert_int_equal(v.rule, R_STG_REUSE);
	t_str_equal(v.citation, PEKALONGAN_CITE);
	t_contains(v.reason, "berlaku sampai dengan 10 Maret 2026");
	t_contains(v.reason, "berakhir 11 Maret 2026");
	t_contains(v.reason, "sudah lewat");
	/* The Covid procedure carries the same entry. */
	p = t_profile(a, "pekalongan-2022-covid");
	assert_true(at(a, p, &pr, post, "2026-03-10").ok);
	assert_false(at(a, p, &pr, post, "2026-03-11").ok);
}

static void
stg_reuse_leap_day_plus_three_years(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pekalongan-2022");
	const struct profile *s = prof(a, REUSE("\"valid_years\": 3, "
	    "\"from\": \"held\", \"reading\": \"strict\""));
	const struct vacancy *post = t_vacancy(a, p, NULL);
	struct reuse_prior pr = prior("2024-02-29");
	enum rule_id rule;

	/* 29 February 2024 + 3 years is 28 February 2027 (no 29th). */
	assert_int_equal(reuse_until(p, post, &pr, &rule),
	    t_date("2027-02-28"));
	assert_true(at(a, p, &pr, post, "2027-02-27").ok);
	assert_true(at(a, p, &pr, post, "2027-02-28").ok);
	assert_false(at(a, p, &pr, post, "2027-03-01").ok);
	/* Strict: the day before the anniversary is the last. */
	assert_int_equal(reuse_until(s, NULL, &pr, &rule),
	    t_date("2027-02-27"));
	assert_true(at(a, s, &pr, NULL, "2027-02-27").ok);
	assert_false(at(a, s, &pr, NULL, "2027-02-28").ok);
	/* 4 years reach a 29 February again. */
	s = prof(a, REUSE("\"valid_years\": 4, \"from\": \"held\", "
	    "\"reading\": \"inclusive\""));
	assert_int_equal(reuse_until(s, NULL, &pr, &rule),
	    t_date("2028-02-29"));
}

static void
stg_reuse_months_and_from_result(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = prof(a, REUSE("\"valid_months\": 18, "
	    "\"from\": \"result\", \"reading\": \"strict\""));
	struct reuse_prior pr = prior("2024-08-31");
	enum rule_id rule;

	assert_int_equal(reuse_add_months(t_date("2024-01-31"), 1),
	    t_date("2024-02-29"));
	assert_int_equal(reuse_add_months(t_date("2023-01-31"), 1),
	    t_date("2023-02-28"));
	assert_int_equal(reuse_add_months(t_date("2023-12-15"), 14),
	    t_date("2025-02-15"));
	assert_int_equal(reuse_add_months(t_date("2025-02-15"), -14),
	    t_date("2023-12-15"));
	/* From the report: 31 Aug 2024 + 18 months = 28 Feb 2026, strict. */
	pr.held_on = t_date("2024-08-20");
	assert_int_equal(reuse_until(p, NULL, &pr, &rule),
	    t_date("2026-02-27"));
	assert_true(at(a, p, &pr, NULL, "2026-02-27").ok);
	assert_false(at(a, p, &pr, NULL, "2026-02-28").ok);
}

static void
stg_reuse_profile_without_rule_refuses(void **state)
{
	struct arena *a = T_ARENA(state);
	const char *ids[] = { "demak-2022", "demak-2022-covid",
	    "pontianak-2015" };

	for (size_t i = 0; i < 3; i++) {
		const struct profile *p = t_profile(a, ids[i]);
		struct reuse_prior pr = prior("2025-01-10");
		struct reuse_verdict v = at(a, p, &pr, NULL, "2026-01-10");
		enum rule_id rule;

		assert_false(v.ok);
		assert_int_equal(v.rule, R_STG_REUSE);
		t_str_equal(v.citation, t_cstr(a, p->cite));
		t_contains(v.reason, "tidak mengatur penggunaan kembali");
		assert_int_equal(reuse_until(p, NULL, &pr, &rule), 0);
	}
	/* praktik-2026 has BKN's 2 years but no STG-REUSE: still none. */
	{
		const struct profile *p = prof(a, ASSESSOR);
		struct reuse_prior pr = prior("2025-01-10");

		pr.grade = ACCR_A;
		assert_false(at(a, p, &pr, NULL, "2026-01-10").ok);
	}
}

static void
stg_reuse_region_selection_and_dates_refused(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pekalongan-2022");
	struct reuse_prior pr = prior("2025-01-10");
	struct reuse_target t = target(NULL, "2026-01-10");
	struct reuse_verdict v;

	t.region = 2;
	reuse_eval(a, p, &pr, &t, &v);
	assert_false(v.ok);
	t_contains(v.reason, "wilayah lain");
	t_str_equal(v.citation, PEKALONGAN_CITE);
	t = target(NULL, "2026-01-10");
	t.selection = 7;			/* the one it was held in */
	reuse_eval(a, p, &pr, &t, &v);
	assert_false(v.ok);
	t_contains(v.reason, "seleksi ini sendiri");
	t = target(NULL, "2025-01-10");		/* not after it */
	reuse_eval(a, p, &pr, &t, &v);
	assert_false(v.ok);
	t_contains(v.reason, "seleksi berikutnya");
	assert_true(at(a, p, &pr, NULL, "2025-01-11").ok);
	t.stage_on = 0;				/* no assessment planned */
	reuse_eval(a, p, &pr, &t, &v);
	assert_false(v.ok);
	t_contains(v.reason, "belum dijadwalkan");
	/* Held outside selter (selection 0): never "this selection". */
	pr.selection = 0;
	t = target(NULL, "2026-01-10");
	t.selection = 0;
	reuse_eval(a, p, &pr, &t, &v);
	assert_true(v.ok);
}

static void
stg_reuse_result_conditions_refused(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pekalongan-2022");
	const struct profile *two = prof(a, REUSE("\"valid_years\": 3, "
	    "\"from\": \"held\", \"reading\": \"inclusive\""));
	const struct vacancy *adm = t_vacancy(a, two, KV({ "level",
	    "\"administrator\"" }, { "echelon", "\"III.a\"" }));
	struct reuse_prior pr = prior("2025-01-10");
	struct reuse_verdict v;

	pr.passed = false;
	v = at(a, p, &pr, NULL, "2026-01-10");
	assert_false(v.ok);
	t_contains(v.reason, "tidak dinyatakan lulus");
	pr = prior("2025-01-10");
	pr.after = RA_CONTINUED;
	v = at(a, p, &pr, NULL, "2026-01-10");
	assert_false(v.ok);
	t_contains(v.reason, "mengikuti tes selanjutnya");
	pr.after = RA_PENDING;
	v = at(a, p, &pr, NULL, "2026-01-10");
	assert_false(v.ok);
	t_contains(v.reason, "masih mengikuti seleksi asal");
	pr = prior("2025-01-10");
	pr.provider = STR("  ");
	v = at(a, p, &pr, NULL, "2026-01-10");
	assert_false(v.ok);
	t_contains(v.reason, "penyelenggara assessment tidak tercatat");
	/* A JPT Pratama assessment for an Administrator post. */
	pr = prior("2025-01-10");
	v = at(a, two, &pr, adm, "2026-01-10");
	assert_false(v.ok);
	t_contains(v.reason, "untuk JPT Pratama, sedangkan jabatan yang "
	    "dilamar Jabatan Administrator");
	pr.level = LV_ADMINISTRATOR;
	assert_true(at(a, two, &pr, adm, "2026-01-10").ok);
}

static void
stg_reuse_with_bkn_two_years(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = prof(a, REUSE("\"valid_years\": 3, "
	    "\"from\": \"held\", \"reading\": \"inclusive\"") ASSESSOR);
	struct reuse_prior pr = prior("2023-03-10");
	struct reuse_verdict v;
	enum rule_id rule;

	pr.grade = ACCR_A;
	assert_int_equal(reuse_until(p, NULL, &pr, &rule),
	    t_date("2025-03-10"));
	assert_int_equal(rule, R_PRAC_ASSESSOR);
	assert_true(at(a, p, &pr, NULL, "2025-03-09").ok);
	v = at(a, p, &pr, NULL, "2025-03-10");
	assert_true(v.ok);
	t_str_equal(v.citation, "Perbup Contoh 1/2026 Pasal 20");
	v = at(a, p, &pr, NULL, "2025-03-11");
	assert_false(v.ok);
	assert_int_equal(v.rule, R_PRAC_ASSESSOR);
	t_str_equal(v.citation, "Peraturan BKN 26/2019");
	t_contains(v.reason, "berlaku sampai dengan 10 Maret 2025");
	/* The accreditation PRAC-ASSESSOR requires. */
	pr.grade = ACCR_B;
	v = at(a, p, &pr, NULL, "2025-01-10");
	assert_false(v.ok);
	assert_int_equal(v.rule, R_PRAC_ASSESSOR);
	t_contains(v.reason, "paling rendah A");
	pr.grade = -1;
	v = at(a, p, &pr, NULL, "2025-01-10");
	assert_false(v.ok);
	t_contains(v.reason, "Akreditasi lembaga penyelenggara tidak "
	    "tercatat");
	/* The loader says the 3 years never reach past the 2. */
	assert_int_equal(p->nwarnings, 1);
	t_contains(p->warnings[0].msg, "PRAC-ASSESSOR's result_valid_years");
	/* Without PRAC-ASSESSOR the accreditation is not asked for. */
	pr.grade = -1;
	assert_true(at(a, t_profile(a, "pekalongan-2022"), &pr, NULL,
	    "2025-01-10").ok);
}

static void
stg_reuse_loader_needs_validity(void **state)
{
	struct arena *a = T_ARENA(state);
	const char *bad[] = {
		REUSE("\"from\": \"held\", \"reading\": \"inclusive\""),
		REUSE("\"valid_years\": 11, \"from\": \"held\", \"reading\": "
		    "\"inclusive\""),
		REUSE("\"valid_years\": 2, \"reading\": \"inclusive\""),
		REUSE("\"valid_years\": 2, \"from\": \"held\""),
		REUSE("\"valid_months\": 0, \"from\": \"held\", \"reading\": "
		    "\"strict\""),
	};

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct profile *p = NULL;
		struct diag d;
		struct buf b;
		char *text;

		buf_init(&b, 1u << 16);
		buf_printf(&b, base, bad[i]);
		text = t_cstr(a, (struct str){ b.p, b.len });
		buf_release(&b);
		assert_int_equal(profile_parse(a, "uji", text, strlen(text), &p,
		    &d), SEL_EINVAL);
	}
	/* Another rule does not take these keys. */
	{
		struct profile *p = NULL;
		struct diag d;
		const char *text = "{\"selter_profile\": 1, \"id\": \"uji\", "
		    "\"title\": \"uji\", \"regulation\": \"R\", \"cite\": \"C\","
		    " \"region\": {\"name\": \"N\", \"province\": \"P\", "
		    "\"timezone\": \"WIB\"}, \"oversight\": \"BKN\", \"levels\":"
		    " [\"jpt_pratama\"], \"rules\": [{\"rule\": \"STG-ASSESS\", "
		    "\"citation\": \"Pasal 1\", \"valid_years\": 3}]}";

		assert_int_equal(profile_parse(a, "uji", text, strlen(text), &p,
		    &d), SEL_EINVAL);
		assert_non_null(strstr(d.msg, "not a parameter of STG-ASSESS"));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("STG-REUSE", stg_reuse_pekalongan_three_years_boundaries),
		RULE_TEST("STG-REUSE", stg_reuse_leap_day_plus_three_years),
		RULE_TEST("STG-REUSE", stg_reuse_months_and_from_result),
		RULE_TEST("STG-REUSE", stg_reuse_profile_without_rule_refuses),
		RULE_TEST("STG-REUSE",
		    stg_reuse_region_selection_and_dates_refused),
		RULE_TEST("STG-REUSE", stg_reuse_result_conditions_refused),
		RULE_TEST("STG-REUSE", stg_reuse_with_bkn_two_years),
		RULE_TEST("STG-REUSE", stg_reuse_loader_needs_validity),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
