/*
 * test_appt.c - the PPK's interview and choice (core/appt.c):
 * SCORE-PPK-INTERVIEW only where the regulation provides it (Pekalongan
 * Lampiran I II.B.4.i.5), APPT-CHOOSE one of the shortlist and nothing
 * else, and the days an act may carry (from the sending to today).
 */
#include <string.h>

#include "t.h"
#include "core/appt.h"
#include "core/holiday.h"
#include "core/record.h"
#include "core/profile.h"
#include "base/banned.h"

static void
score_ppk_interview_only_where_the_regulation_has_it(void **state)
{
	struct arena *a = T_ARENA(state);
	struct rule_result why;

	assert_true(appt_interview_allowed(a, t_profile(a, "pekalongan-2022"),
	    &why));
	assert_int_equal(why.id, R_SCORE_PPK_INTERVIEW);
	assert_int_equal(why.status, RS_PASS);
	t_contains(why.citation, "II.B.4.i.5");
	assert_true(appt_interview_allowed(a, t_profile(a,
	    "pekalongan-2022-covid"), &why));
	/* Demak and Pontianak: the PPK chooses from what was sent. */
	assert_false(appt_interview_allowed(a, t_profile(a, "demak-2022"),
	    &why));
	assert_int_equal(why.status, RS_FAIL);
	t_contains(why.detail, "tidak mengatur wawancara");
	assert_false(appt_interview_allowed(a, t_profile(a, "pontianak-2015"),
	    &why));
}

static void
appt_choose_only_one_of_the_shortlist(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct str ids[] = { STR("DMK-3"), STR("DMK-1"), STR("DMK-2") };
	struct rule_result why;

	for (size_t i = 0; i < 3; i++) {
		assert_true(appt_choose_ok(a, p, ids, 3, ids[i], &why));
		assert_int_equal(why.status, RS_PASS);
	}
	t_contains(why.citation, "Pasal 19 ayat (2)");
	/* The fourth of the ranking, a prefix, another vacancy's: no. */
	assert_false(appt_choose_ok(a, p, ids, 3, STR("DMK-4"), &why));
	assert_int_equal(why.id, R_APPT_CHOOSE);
	assert_int_equal(why.status, RS_FAIL);
	t_contains(why.detail, "DMK-4 tidak termasuk");
	assert_false(appt_choose_ok(a, p, ids, 3, STR("DMK-"), &why));
	assert_false(appt_choose_ok(a, p, ids, 3, STR(""), &why));
	/* Fewer than 3 sent (SCORE-TOP3 allowed it): one of those. */
	assert_true(appt_choose_ok(a, p, ids, 1, STR("DMK-3"), &why));
	assert_false(appt_choose_ok(a, p, ids, 1, STR("DMK-1"), &why));
	t_contains(why.detail, "satu dari 1 calon");
	/* Nobody sent: nothing to choose. */
	assert_false(appt_choose_ok(a, p, ids, 0, STR("DMK-3"), &why));
	t_contains(why.detail, "tidak mempunyai calon");
	/* Each of the five profiles carries the rule with its article. */
	for (const char *const *id = (const char *const[]){ "demak-2022",
	    "demak-2022-covid", "pekalongan-2022", "pekalongan-2022-covid",
	    "pontianak-2015", NULL }; *id != NULL; id++) {
		appt_choose_rule(a, t_profile(a, *id), &why);
		assert_int_equal(why.status, RS_PASS);
		assert_true(why.citation.len > 0);
	}
}

static void
appt_choose_day_between_sending_and_today(void **state)
{
	struct arena *a = T_ARENA(state);
	struct appt_days d = { t_date("2026-12-01"), t_date("2026-12-07") };
	struct rule_result why;

	assert_false(appt_day_ok(a, &d, t_date("2026-11-30"), "keputusan",
	    &why));				/* the day before the sending */
	t_contains(why.detail, "sebelum peringkat disampaikan");
	assert_true(appt_day_ok(a, &d, t_date("2026-12-01"), "keputusan",
	    &why));				/* the day of it */
	assert_true(appt_day_ok(a, &d, t_date("2026-12-07"), "keputusan",
	    &why));				/* today */
	assert_false(appt_day_ok(a, &d, t_date("2026-12-08"), "wawancara",
	    &why));				/* tomorrow */
	t_contains(why.detail, "Tanggal wawancara tidak boleh setelah");
}

/* The consultations of a post of kind k (echelon e) under profile id. */
static size_t
consults(struct arena *a, const char *id, const char *kind,
    const char *echelon, const char *received, struct appt_consult *out)
{
	const struct profile *p = t_profile(a, id);
	const struct vacancy *v = t_vacancy(a, p, KV({ "kind", kind },
	    { "echelon", echelon }));
	size_t n = 9;

	assert_int_equal(appt_consults(a, p, v, t_cal(a, 2026, 2026),
	    received != NULL ? t_date(received) : 0, out, &n), SEL_OK);
	return n;
}

static void
appt_dukcapil_demak_seven_days_the_minister_chooses(void **state)
{
	struct arena *a = T_ARENA(state);
	struct appt_consult c[APPT_MAX_CONSULTS];

	/* Received on Friday 18 December 2026: seven calendar days run over
	   the weekend, the cuti bersama of the 24th and Christmas: the last
	   day is the 25th itself (Pasal 19 ayat (5) says "hari"). */
	assert_int_equal(consults(a, "demak-2022", "\"dukcapil\"", "\"II.b\"",
	    "2026-12-18", c), 1);
	assert_int_equal(c[0].rule, R_APPT_DUKCAPIL);
	t_contains(c[0].citation, "Pasal 19 ayat (5)");
	assert_true(c[0].minister_chooses);
	assert_true(c[0].answer);
	assert_int_equal(c[0].names, 3);
	assert_int_equal(c[0].due, t_date("2026-12-25"));
	t_contains(c[0].detail, "paling lama 7 hari setelah");
	t_contains(c[0].detail, "Menteri Dalam Negeri melalui Gubernur");
	/* Received the 17th: the 24th, the day before: the 24th. */
	consults(a, "demak-2022", "\"dukcapil\"", "\"II.b\"", "2026-12-17", c);
	assert_int_equal(c[0].due, t_date("2026-12-24"));
	/* Not received yet: no deadline. */
	consults(a, "demak-2022", "\"dukcapil\"", "\"II.b\"", NULL, c);
	assert_int_equal(c[0].due, 0);
	/* Pekalongan: a consultation, the Wali Kota chooses, no limit. */
	assert_int_equal(consults(a, "pekalongan-2022", "\"dukcapil\"",
	    "\"II.b\"", "2026-12-18", c), 1);
	assert_false(c[0].minister_chooses);
	assert_int_equal(c[0].due, 0);
	assert_int_equal(c[0].names, 0);
	t_contains(c[0].citation, "huruf B angka 3");
	/* Pontianak has no such rule. */
	assert_int_equal(consults(a, "pontianak-2015", "\"dukcapil\"",
	    "\"II.b\"", "2026-12-18", c), 0);
}

static void
appt_dukcapil_working_days_reading(void **state)
{
	struct arena *a = T_ARENA(state);
	struct profile *p = t_profile(a, "demak-2022");
	struct prof_rule *r = NULL;
	struct appt_params *x = arena_alloc(a, sizeof *x);
	struct appt_consult c[APPT_MAX_CONSULTS];
	const struct vacancy *v = t_vacancy(a, p, KV({ "kind",
	    "\"dukcapil\"" }));
	size_t n;

	/* The same entry read as working days ("days": "working"). */
	for (size_t i = 0; i < p->nrules; i++)
		if (p->rules[i].id == R_APPT_DUKCAPIL)
			r = &p->rules[i];
	if (r == NULL || r->appt == NULL)
		t_fail("demak-2022 has no APPT-DUKCAPIL parameters");
	*x = *r->appt;
	x->working_days = true;
	r->appt = x;
	/* From Friday the 18th: 21, 22, 23, (24 cuti, 25 libur, 26-27)
	   28, 29, 30, 31: the 31st. */
	assert_int_equal(appt_consults(a, p, v, t_cal(a, 2026, 2026),
	    t_date("2026-12-18"), c, &n), SEL_OK);
	assert_int_equal(c[0].due, t_date("2026-12-31"));
	t_contains(c[0].detail, "7 hari kerja");
	/* A deadline in a year the calendar does not cover: refused. */
	assert_int_equal(appt_consults(a, p, v, t_cal(a, 2026, 2026),
	    t_date("2026-12-28"), c, &n), SEL_ERANGE);
}

static void
appt_sekda_sekwan_inspektur_by_post(void **state)
{
	struct arena *a = T_ARENA(state);
	struct appt_consult c[APPT_MAX_CONSULTS];

	/* Demak: each post its own, an agency head none. */
	assert_int_equal(consults(a, "demak-2022", "\"sekda\"", "\"II.a\"",
	    "2026-12-18", c), 1);
	assert_int_equal(c[0].rule, R_APPT_SEKDA);
	t_str_equal(c[0].with, "Gubernur Jawa Tengah");
	assert_true(c[0].answer);
	assert_int_equal(c[0].due, 0);
	assert_int_equal(consults(a, "demak-2022", "\"sekwan\"", "\"II.b\"",
	    NULL, c), 1);
	assert_int_equal(c[0].rule, R_APPT_SEKWAN);
	t_contains(c[0].with, "Pimpinan DPRD");
	assert_int_equal(consults(a, "demak-2022", "\"inspektur\"", "\"II.b\"",
	    NULL, c), 1);
	assert_int_equal(c[0].rule, R_APPT_INSPEKTUR);
	t_str_equal(c[0].what, "Konsultasi tertulis kepada");
	assert_int_equal(consults(a, "demak-2022", "\"agency_head\"",
	    "\"II.b\"", NULL, c), 0);
	/* Pekalongan's Inspektur is consulted before the committee
	   (VAC-INSPEKTUR), not here. */
	assert_int_equal(consults(a, "pekalongan-2022", "\"inspektur\"",
	    "\"II.b\"", NULL, c), 0);
	/* Pontianak 6(5)-(6): every II.a post, by notification letter. */
	assert_int_equal(consults(a, "pontianak-2015", "\"sekda\"", "\"II.a\"",
	    NULL, c), 1);
	assert_false(c[0].answer);
	t_str_equal(c[0].what, "Surat pemberitahuan kepada");
	t_contains(c[0].citation, "Pasal 6 ayat (5) dan ayat (6)");
	assert_int_equal(consults(a, "pontianak-2015", "\"agency_head\"",
	    "\"II.a\"", NULL, c), 1);
	assert_int_equal(consults(a, "pontianak-2015", "\"agency_head\"",
	    "\"II.b\"", NULL, c), 0);
}

/* Pekalongan: at most 56 completed years on the day of appointment
   (Lampiran I II.B.5); born 12 May 1970. */
static void
appt_age_at_the_appointment_day(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pekalongan-2022");
	const struct vacancy *v = t_vacancy(a, p, NULL);
	const struct candidate *c = t_candidate(a, KV({ "birth_date",
	    "\"1970-05-12\"" }));
	struct rule_result why;

	assert_true(appt_age_ok(a, p, v, c, t_date("2027-05-11"), &why));
	t_contains(why.detail, "Usia 56 tahun");	/* the day before */
	assert_int_equal(why.id, R_APPT_AGE);
	t_contains(why.citation, "II.B.5");
	assert_false(appt_age_ok(a, p, v, c, t_date("2027-05-12"), &why));
	assert_int_equal(why.status, RS_FAIL);		/* the birthday */
	t_contains(why.detail, "Usia 57 tahun");
	t_contains(why.detail, "melewati batas paling tinggi 56 tahun");
	assert_false(appt_age_ok(a, p, v, c, t_date("2027-05-13"), &why));
	/* Pontianak has no age limit in the seed's articles. */
	p = t_profile(a, "pontianak-2015");
	v = t_vacancy(a, p, NULL);
	assert_true(appt_age_ok(a, p, v, c, t_date("2030-01-01"), &why));
	t_contains(why.detail, "tidak menetapkan batas usia");
}

/* ---- letters ---- */

/* APPT-REPORT's copies (tembusan) as each regulation lists them: Demak
   Pasal 26(2) a-d, Pekalongan II.B.8, Pontianak 13 huruf c. */
static void
appt_report_copies_per_profile(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct appt_copy *c;

	assert_int_equal(appt_copies(t_profile(a, "demak-2022"), &c), 4);
	t_str_equal(c[0].to, "Menteri Pendayagunaan Aparatur Negara dan "
	    "Reformasi Birokrasi");
	t_str_equal(c[0].citation, "Pasal 26 ayat (2) huruf a");
	t_str_equal(c[1].to, "Menteri Dalam Negeri");
	t_str_equal(c[2].to, "Kepala Badan Kepegawaian Negara");
	t_str_equal(c[3].to, "Gubernur Jawa Tengah");
	t_str_equal(c[3].citation, "Pasal 26 ayat (2) huruf d");
	assert_int_equal(appt_copies(t_profile(a, "demak-2022-covid"), &c), 4);
	assert_int_equal(appt_copies(t_profile(a, "pekalongan-2022"), &c), 2);
	t_str_equal(c[0].to, "Menteri Dalam Negeri");
	t_str_equal(c[0].citation, "Lampiran I II.B.8");
	assert_int_equal(appt_copies(t_profile(a, "pekalongan-2022-covid"),
	    &c), 2);
	t_contains(c[1].citation, "Lampiran II 3.d");
	assert_int_equal(appt_copies(t_profile(a, "pontianak-2015"), &c), 2);
	t_str_equal(c[1].citation, "Pasal 13 huruf c");
	assert_int_equal(appt_copies(NULL, &c), 0);
}

/* A profile whose copies are not a list of {to, citation}: refused at
   the line of the entry. */
static void
appt_report_copies_malformed(void **state)
{
	struct arena *a = T_ARENA(state);
	static const char *const bad[] = {
		"\"copies\": [{\"to\": \"X\", \"citation\": \"a\"}]",
		"\"copies\": \"Menteri Dalam Negeri\"",
		"\"copies\": []",
		"\"copies\": [{\"to\": \"Menteri Dalam Negeri\"}]",
		"\"copies\": [{\"to\": \"X\", \"citation\": \"a\", "
		    "\"via\": \"pos\"}]",
		"\"copies\": [{\"to\": \"X\", \"citation\": \"a\"}, "
		    "{\"to\": \"X\", \"citation\": \"b\"}]",
	};
	size_t len = 0;
	const char *text = t_read(a, "profiles/pontianak-2015.json", &len);
	const char *at = strstr(text, "\"copies\": [");
	const char *end = at != NULL ? strstr(at, "]}") : NULL;

	assert_non_null(end);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct profile *p = NULL;
		struct diag d;
		char *big = arena_alloc(a, len + 512);
		size_t n = (size_t)(at - text);

		memcpy(big, text, n);
		memcpy(big + n, bad[i], strlen(bad[i]));
		memcpy(big + n + strlen(bad[i]), end + 1, len - (size_t)(end +
		    1 - text));
		n += strlen(bad[i]) + len - (size_t)(end + 1 - text);
		memset(&d, 0, sizeof d);
		/* the first is sound: the splice itself is not the fault */
		assert_int_equal(profile_parse(a, "bad", big, n, &p, &d),
		    i == 0 ? SEL_OK : SEL_EINVAL);
	}
}

/* APPT-KASN-REPORT: a binding recommendation opens the appointment only
   once followed up; a refusal never; a plain one at once. */
static void
appt_kasn_report_binding_waits_for_its_follow_up(void **state)
{
	(void)state;
	assert_true(appt_rec_opens(false, false, false));
	assert_true(appt_rec_opens(false, false, true));
	assert_false(appt_rec_opens(false, true, false));
	assert_true(appt_rec_opens(false, true, true));
	assert_false(appt_rec_opens(true, false, false));
	assert_false(appt_rec_opens(true, true, true));
	assert_true(appt_rec_awaits_followup(true, false));
	assert_false(appt_rec_awaits_followup(true, true));
	assert_false(appt_rec_awaits_followup(false, false));
}
/* ---- end letters ---- */

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("SCORE-PPK-INTERVIEW",
		    score_ppk_interview_only_where_the_regulation_has_it),
		RULE_TEST("APPT-CHOOSE", appt_choose_only_one_of_the_shortlist),
		RULE_TEST("APPT-CHOOSE",
		    appt_choose_day_between_sending_and_today),
		RULE_TEST("APPT-DUKCAPIL",
		    appt_dukcapil_demak_seven_days_the_minister_chooses),
		RULE_TEST("APPT-DUKCAPIL", appt_dukcapil_working_days_reading),
		RULE_TEST("APPT-SEKDA", appt_sekda_sekwan_inspektur_by_post),
		RULE_TEST("APPT-AGE", appt_age_at_the_appointment_day),
		/* ---- letters ---- */
		RULE_TEST("APPT-REPORT", appt_report_copies_per_profile),
		RULE_TEST("APPT-REPORT", appt_report_copies_malformed),
		RULE_TEST("APPT-KASN-REPORT",
		    appt_kasn_report_binding_waits_for_its_follow_up),
		/* ---- end letters ---- */
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
