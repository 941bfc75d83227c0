/*
 * test_adm.c - ADM-MIN-3: at, below and above the count; the Covid
 * procedures' 2 after an extension (and not before).
 */
#include "t.h"
#include "core/adm.h"
#include "core/profile.h"
#include "base/banned.h"

static void
adm_min_3_boundaries(void **state)
{
	struct profile *p = t_profile(T_ARENA(state), "pekalongan-2022");
	struct rule_result r;

	assert_true(adm_min_eval(T_ARENA(state), p, 2, false, &r));
	assert_int_equal(r.status, RS_FAIL);
	assert_int_equal(r.id, R_ADM_MIN_3);
	assert_true(str_casecontains(r.detail, STR("rekomendasi KASN")));
	assert_true(str_casecontains(r.citation, STR("II.B.4.b.2")));
	assert_true(adm_min_eval(T_ARENA(state), p, 3, false, &r));
	assert_int_equal(r.status, RS_PASS);
	assert_true(adm_min_eval(T_ARENA(state), p, 4, false, &r));
	assert_int_equal(r.status, RS_PASS);
	/* The normal procedure has no "2 suffice", extended or not. */
	assert_true(adm_min_eval(T_ARENA(state), p, 2, true, &r));
	assert_int_equal(r.status, RS_FAIL);
}

static void
adm_min_3_covid_two_after_extension(void **state)
{
	struct profile *p = t_profile(T_ARENA(state), "demak-2022-covid");
	struct rule_result r;

	assert_true(adm_min_eval(T_ARENA(state), p, 2, false, &r));
	assert_int_equal(r.status, RS_FAIL);
	assert_true(adm_min_eval(T_ARENA(state), p, 2, true, &r));
	assert_int_equal(r.status, RS_PASS);
	assert_true(str_casecontains(r.detail, STR("diperpanjang")));
	assert_true(adm_min_eval(T_ARENA(state), p, 1, true, &r));
	assert_int_equal(r.status, RS_FAIL);
	assert_true(str_casecontains(r.detail, STR("Bupati dapat menunjuk")));
}

static void
adm_min_3_pontianak_reannounce(void **state)
{
	struct profile *p = t_profile(T_ARENA(state), "pontianak-2015");
	struct rule_result r;

	assert_true(adm_min_eval(T_ARENA(state), p, 0, false, &r));
	assert_int_equal(r.status, RS_FAIL);
	assert_true(str_casecontains(r.detail, STR("mengulang pengumuman")));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("ADM-MIN-3", adm_min_3_boundaries),
		RULE_TEST("ADM-MIN-3", adm_min_3_covid_two_after_extension),
		RULE_TEST("ADM-MIN-3", adm_min_3_pontianak_reannounce),
	};

	return cmocka_run_group_tests_name("adm", tests, NULL, NULL);
}
