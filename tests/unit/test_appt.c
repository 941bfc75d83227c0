/*
 * test_appt.c - the PPK's interview and choice (core/appt.c):
 * SCORE-PPK-INTERVIEW only where the regulation provides it (Pekalongan
 * Lampiran I II.B.4.i.5), APPT-CHOOSE one of the shortlist and nothing
 * else, and the days an act may carry (from the sending to today).
 */
#include <string.h>

#include "t.h"
#include "core/appt.h"
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("SCORE-PPK-INTERVIEW",
		    score_ppk_interview_only_where_the_regulation_has_it),
		RULE_TEST("APPT-CHOOSE", appt_choose_only_one_of_the_shortlist),
		RULE_TEST("APPT-CHOOSE",
		    appt_choose_day_between_sending_and_today),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
