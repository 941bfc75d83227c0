/*
 * test_adm.c - ADM-MIN-3: at, below and above the count; the Covid
 * procedures' 2 after an extension (and not before); publishing the
 * result while it fails, per profile (its paths: extensions, ADM-INVITE);
 * the override a pass needs (ELIG-*, ADM-COMPLETE).
 */
#include <string.h>

#include "t.h"
#include "core/adm.h"
#include "core/elig.h"
#include "core/profile.h"
#include "core/window.h"
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

/* An evaluation with the given statuses of ELIG rules, plus a checklist. */
static void
elig(struct elig_out *o, const enum rule_status *st)
{
	static const enum rule_id ids[] = { R_ELIG_EMPLOYMENT,
	    R_ELIG_GRADE, R_ELIG_AGE, R_ELIG_DISCIPLINE };

	memset(o, 0, sizeof *o);
	for (size_t i = 0; i < 4; i++) {
		o->rules[o->nrules].id = ids[i];
		o->rules[o->nrules++].status = st[i];
	}
	o->checklist[o->nchecklist++].id = R_ELIG_HEALTH;
}

static void
adm_complete_override_not_needed(void **state)
{
	const enum rule_status ok[4] = { RS_PASS, RS_PASS, RS_PASS, RS_PASS };
	struct adm_override ov;
	struct elig_out o;

	(void)state;
	elig(&o, ok);
	adm_override_need(&o, 1, &ov);
	assert_false(adm_override_needed(&ov));
	assert_int_equal(ov.n, 0);
}

static void
adm_complete_override_file_not_complete(void **state)
{
	const enum rule_status ok[4] = { RS_PASS, RS_PASS, RS_PASS, RS_PASS };
	struct adm_override ov;
	struct elig_out o;

	elig(&o, ok);
	adm_override_need(&o, 0, &ov);
	assert_true(adm_override_needed(&ov));
	assert_int_equal(ov.n, 1);
	assert_int_equal(ov.ids[0], R_ADM_COMPLETE);
	/* Not checked at all is not complete either. */
	adm_override_need(&o, -1, &ov);
	assert_int_equal(ov.n, 1);
	assert_string_equal(adm_override_list(T_ARENA(state), &ov).p,
	    "ADM-COMPLETE");
}

static void
elig_age_override_fail_and_missing(void **state)
{
	const enum rule_status st[4] = { RS_PASS, RS_MISSING, RS_FAIL,
	    RS_PASS };
	struct adm_override ov;
	struct elig_out o;

	elig(&o, st);
	adm_override_need(&o, 1, &ov);
	assert_true(adm_override_needed(&ov));
	assert_int_equal(ov.n, 2);
	assert_int_equal(ov.ids[0], R_ELIG_GRADE);
	assert_int_equal(ov.ids[1], R_ELIG_AGE);
	adm_override_need(&o, 0, &ov);
	assert_string_equal(adm_override_list(T_ARENA(state), &ov).p,
	    "ELIG-GRADE, ELIG-AGE, ADM-COMPLETE");
	/* No evaluation at all: an override, naming nothing it cannot. */
	adm_override_need(NULL, 1, &ov);
	assert_true(adm_override_needed(&ov));
	assert_true(ov.unknown);
	assert_int_equal(ov.n, 0);
}

static void
publish(void **state, const char *profile, int qualified, bool extended,
    struct adm_publish_in in, struct adm_publish_out *o)
{
	struct profile *p = t_profile(T_ARENA(state), profile);
	struct rule_result r;

	assert_true(adm_min_eval(T_ARENA(state), p, qualified, extended, &r));
	in.qualified = qualified;
	adm_publish_eval(T_ARENA(state), p, &r, &in, o);
}

static void
adm_min_3_publish_pekalongan(void **state)
{
	struct adm_publish_out o;

	/* Enough: never blocked. */
	publish(state, "pekalongan-2022", 3, false,
	    (struct adm_publish_in){ 0, 0, false, 0 }, &o);
	assert_false(o.blocked);
	/* Two, nothing done, an extension possible: blocked, both named. */
	publish(state, "pekalongan-2022", 2, false,
	    (struct adm_publish_in){ 0, 0, true, 0 }, &o);
	assert_true(o.blocked);
	assert_int_equal(o.open, ADM_PATH_EXTEND | ADM_PATH_INVITE);
	assert_true(str_casecontains(o.paths, STR("ANN-EXTEND, ")));
	assert_true(str_casecontains(o.paths, STR("Lampiran I II.B.3.a.4")));
	assert_true(str_casecontains(o.paths, STR("ADM-INVITE")));
	assert_true(str_casecontains(o.paths, STR("0 dari paling banyak 2")));
	/* One extension of two: still blocked. */
	publish(state, "pekalongan-2022", 2, true,
	    (struct adm_publish_in){ 0, 1, true, 0 }, &o);
	assert_true(o.blocked);
	/* Both extensions made: the path was taken. */
	publish(state, "pekalongan-2022", 2, true,
	    (struct adm_publish_in){ 0, 2, false, 0 }, &o);
	assert_false(o.blocked);
	assert_int_equal(o.taken, ADM_PATH_EXTEND);
	/* Too many applicants to extend: only the invitation is open. */
	publish(state, "pekalongan-2022", 1, false,
	    (struct adm_publish_in){ 0, 0, false, 0 }, &o);
	assert_true(o.blocked);
	assert_int_equal(o.open, ADM_PATH_INVITE);
	assert_false(str_casecontains(o.paths, STR("ANN-EXTEND")));
	publish(state, "pekalongan-2022", 1, false,
	    (struct adm_publish_in){ 0, 0, false, 1 }, &o);
	assert_false(o.blocked);
	assert_int_equal(o.taken, ADM_PATH_INVITE);
}

static void
adm_min_3_publish_demak(void **state)
{
	struct adm_publish_out o;

	publish(state, "demak-2022", 0, false,
	    (struct adm_publish_in){ 0, 0, true, 0 }, &o);
	assert_true(o.blocked);
	assert_true(str_casecontains(o.paths, STR("Pasal 10 ayat (3)")));
	publish(state, "demak-2022", 2, false,
	    (struct adm_publish_in){ 0, 0, false, 1 }, &o);
	assert_false(o.blocked);
}

static void
adm_min_3_publish_covid_after_one_extension(void **state)
{
	struct adm_publish_out o;
	const char *const covid[] = { "demak-2022-covid",
	    "pekalongan-2022-covid" };

	for (int i = 0; i < 2; i++) {
		/* Two, not extended: blocked; extending makes two enough. */
		publish(state, covid[i], 2, false,
		    (struct adm_publish_in){ 0, 0, true, 0 }, &o);
		assert_true(o.blocked);
		assert_true(str_casecontains(o.paths, STR("sesudah itu 2 "
		    "calon cukup")));
		/* Two after the extension: ADM-MIN-3 passes. */
		publish(state, covid[i], 2, true,
		    (struct adm_publish_in){ 0, 1, false, 0 }, &o);
		assert_false(o.blocked);
		/* One after the one extension: it was taken. */
		publish(state, covid[i], 1, true,
		    (struct adm_publish_in){ 0, 1, false, 0 }, &o);
		assert_false(o.blocked);
		assert_int_equal(o.taken, ADM_PATH_EXTEND);
		/* One, not extended: "2 suffice" is not offered. */
		publish(state, covid[i], 1, false,
		    (struct adm_publish_in){ 0, 0, true, 0 }, &o);
		assert_true(o.blocked);
		assert_false(str_casecontains(o.paths, STR("cukup")));
	}
}

static void
adm_min_3_publish_pontianak_reannounce(void **state)
{
	struct adm_publish_out o;

	/* No limit on re-announcements: one made is the path taken. */
	publish(state, "pontianak-2015", 2, false,
	    (struct adm_publish_in){ 0, 0, true, 0 }, &o);
	assert_true(o.blocked);
	assert_true(str_casecontains(o.paths, STR("Pasal 7 ayat (2)")));
	assert_false(str_casecontains(o.paths, STR("paling banyak")));
	publish(state, "pontianak-2015", 2, true,
	    (struct adm_publish_in){ 0, 1, true, 0 }, &o);
	assert_false(o.blocked);
	publish(state, "pontianak-2015", 2, false,
	    (struct adm_publish_in){ 0, 0, true, 1 }, &o);
	assert_false(o.blocked);
}

static void
adm_min_3_publish_without_paths(void **state)
{
	struct profile *p = t_profile(T_ARENA(state), "demak-2022");
	struct adm_publish_in in = { 1, 0, false, 0 };
	struct adm_publish_out o;
	struct rule_result r;

	/* A profile without ANN-EXTEND and ADM-INVITE (none has it so). */
	for (size_t i = 0; i < p->nrules; i++)
		if (p->rules[i].id == R_ANN_EXTEND ||
		    p->rules[i].id == R_ADM_INVITE)
			p->rules[i].id = R_TEN_MONITOR;

	assert_true(adm_min_eval(T_ARENA(state), p, 1, false, &r));
	assert_int_equal(r.status, RS_FAIL);
	adm_publish_eval(T_ARENA(state), p, &r, &in, &o);
	assert_false(o.blocked);
	assert_int_equal(o.open, 0);
}

/* ANN-EXTEND's input: the fewest applicants; the fewest qualified only
   among vacancies whose every application is decided. */
static void
ann_extend_input_from_the_vacancies(void **state)
{
	struct adm_tally t[3] = { { 5, 5, 4 }, { 2, 1, 1 }, { 4, 4, 2 } };
	struct extend_in in;

	(void)state;
	adm_extend_input(t, 3, 1, &in);
	assert_int_equal(in.applicants, 2);
	assert_int_equal(in.qualified, 2);	/* not the undecided one's 1 */
	assert_int_equal(in.done, 1);
	t[1].decided = 2;
	adm_extend_input(t, 3, 0, &in);
	assert_int_equal(in.qualified, 1);
	/* Nothing decided, or no vacancy: not given. */
	t[0].decided = t[1].decided = t[2].decided = 0;
	adm_extend_input(t, 3, 0, &in);
	assert_int_equal(in.qualified, -1);
	adm_extend_input(t, 0, 0, &in);
	assert_int_equal(in.applicants, -1);
	/* A vacancy without applications counts as none qualified only
	   once... it has one: zero applicants is the fewest. */
	t[0].registered = 0;
	adm_extend_input(t, 3, 0, &in);
	assert_int_equal(in.applicants, 0);
}

/* ADM-INVITE: open once all is decided and ADM-MIN-3 fails, where the
   profile has the rule (Demak Pasal 12 ayat (5)). */
static void
adm_invite_open_when_too_few(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *demak = t_profile(a, "demak-2022");
	struct rule_result fail = { R_ADM_MIN_3, RS_FAIL, STR(""), STR("") };
	struct rule_result pass = { R_ADM_MIN_3, RS_PASS, STR(""), STR("") };

	assert_true(adm_invite_open(demak, true, true, &fail));
	assert_false(adm_invite_open(demak, false, true, &fail));
	assert_false(adm_invite_open(demak, true, true, &pass));
	assert_false(adm_invite_open(demak, true, false, &fail));
	/* A profile without ADM-INVITE never opens it. */
	{
		size_t len;
		char *text = t_read(a, "tests/fixtures/profiles/"
		    "teladan-2025.json", &len);
		const struct profile *p;

		assert_non_null(text);
		p = t_profile_text(a, text);
		assert_null(profile_rule_any(p, R_ADM_INVITE));
		assert_false(adm_invite_open(p, true, true, &fail));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("ADM-MIN-3", adm_min_3_boundaries),
		RULE_TEST("ANN-EXTEND", ann_extend_input_from_the_vacancies),
		RULE_TEST("ADM-INVITE", adm_invite_open_when_too_few),
		RULE_TEST("ADM-MIN-3", adm_min_3_covid_two_after_extension),
		RULE_TEST("ADM-MIN-3", adm_min_3_pontianak_reannounce),
		RULE_TEST("ADM-MIN-3", adm_min_3_publish_pekalongan),
		RULE_TEST("ADM-MIN-3", adm_min_3_publish_demak),
		RULE_TEST("ADM-MIN-3",
		    adm_min_3_publish_covid_after_one_extension),
		RULE_TEST("ADM-MIN-3", adm_min_3_publish_pontianak_reannounce),
		RULE_TEST("ADM-MIN-3", adm_min_3_publish_without_paths),
		RULE_TEST("ADM-COMPLETE", adm_complete_override_not_needed),
		RULE_TEST("ADM-COMPLETE",
		    adm_complete_override_file_not_complete),
		RULE_TEST("ELIG-AGE", elig_age_override_fail_and_missing),
	};

	return cmocka_run_group_tests_name("adm", tests, NULL, NULL);
}
