/*
 * test_prep.c - core/prep.c: which preparation steps are done, which
 * block the announcement, which only warn (VAC-REASON, VAC-PLAN,
 * VAC-INSPEKTUR, ANN-CONTENT, ANN-DURATION).
 */
#include <string.h>

#include "t.h"
#include "core/prep.h"
#include "core/profile.h"
#include "core/record.h"
#include "base/banned.h"

static struct prep_in
ready_in(void)
{
	struct prep_in in = { 0 };

	in.nvac = 1;
	in.plan_complete = true;
	in.weights_ok = true;
	in.plan_sent = true;
	in.recommended = true;
	in.committee_valid = true;
	in.committee_confirmed = true;
	in.has_window = true;
	in.window_ok = true;
	return in;
}

static const struct prep_step *
find(const struct prep_out *o, const char *label_start)
{
	for (size_t i = 0; i < o->n; i++)
		if (str_starts(str_c(o->s[i].label), label_start))
			return &o->s[i];
	print_error("no step %s\n", label_start);
	t_fail("the step is missing");
}

static void
all_done_is_ready(void **state)
{
	struct profile *p = t_profile(T_ARENA(state), "demak-2022");
	struct prep_in in = ready_in();
	struct prep_out o;

	prep_eval(T_ARENA(state), p, &in, &o);
	assert_true(o.ready);
	for (size_t i = 0; i < o.n; i++)
		assert_int_equal(o.s[i].state, PS_DONE);
}

static void
vac_reason_needs_vacancy_and_reason(void **state)
{
	struct profile *p = t_profile(T_ARENA(state), "pekalongan-2022");
	struct prep_in in = ready_in();
	struct prep_out o;

	in.nvac = 0;
	prep_eval(T_ARENA(state), p, &in, &o);
	assert_false(o.ready);
	assert_int_equal(find(&o, "Lowongan")->state, PS_PENDING);
	assert_int_equal(find(&o, "Lowongan")->r.id, R_VAC_REASON);
	assert_true(find(&o, "Lowongan")->r.citation.len > 0);
	in.nvac = 2;
	in.nvac_reasonless = 1;
	prep_eval(T_ARENA(state), p, &in, &o);
	assert_int_equal(find(&o, "Lowongan")->state, PS_PENDING);
}

/* Demak: announcing before the recommendation only warns. */
static void
vac_plan_recommendation_warns(void **state)
{
	struct profile *p = t_profile(T_ARENA(state), "demak-2022");
	struct prep_in in = ready_in();
	struct prep_out o;

	in.recommended = false;
	prep_eval(T_ARENA(state), p, &in, &o);
	assert_true(o.ready);
	assert_int_equal(find(&o, "Rekomendasi")->state, PS_WARN);
	assert_int_equal(find(&o, "Rekomendasi")->r.id, R_VAC_PLAN);
}

/* Pekalongan's Covid procedure: KASN's approval comes first (Lamp II 2.b). */
static void
vac_plan_covid_gate_blocks(void **state)
{
	struct profile *p = t_profile(T_ARENA(state),
	    "pekalongan-2022-covid");
	struct prep_in in = ready_in();
	struct prep_out o;

	in.recommended = false;
	prep_eval(T_ARENA(state), p, &in, &o);
	assert_false(o.ready);
	assert_int_equal(find(&o, "Rekomendasi")->state, PS_PENDING);
	assert_true(str_casecontains(find(&o, "Rekomendasi")->r.citation,
	    STR("Lampiran II 2.a dan 2.b")));
	in.recommended = true;
	prep_eval(T_ARENA(state), p, &in, &o);
	assert_true(o.ready);
}

static void
vac_plan_not_sent_blocks(void **state)
{
	struct profile *p = t_profile(T_ARENA(state), "pontianak-2015");
	struct prep_in in = ready_in();
	struct prep_out o;

	in.plan_sent = false;
	prep_eval(T_ARENA(state), p, &in, &o);
	assert_false(o.ready);
	in = ready_in();
	in.weights_ok = false;
	prep_eval(T_ARENA(state), p, &in, &o);
	assert_false(o.ready);
}

/* Lampiran I Ketentuan Lain-lain B.4: before the committee is formed. */
static void
vac_inspektur_before_committee(void **state)
{
	struct profile *p = t_profile(T_ARENA(state), "pekalongan-2022");
	struct prep_in in = ready_in();
	struct prep_out o;

	in.inspektur = true;
	in.committee_on = t_date("2026-05-10");
	prep_eval(T_ARENA(state), p, &in, &o);
	assert_false(o.ready);		/* not consulted */
	in.consulted = true;
	in.consult_on = t_date("2026-05-11");	/* the day after */
	prep_eval(T_ARENA(state), p, &in, &o);
	assert_false(o.ready);
	in.consult_on = t_date("2026-05-10");	/* the same day */
	prep_eval(T_ARENA(state), p, &in, &o);
	assert_true(o.ready);
	in.consult_on = t_date("2026-05-09");	/* the day before */
	prep_eval(T_ARENA(state), p, &in, &o);
	assert_true(o.ready);
	assert_int_equal(find(&o, "Konsultasi")->r.id, R_VAC_INSPEKTUR);
}

/* Demak has no VAC-INSPEKTUR: no consultation step at all. */
static void
vac_inspektur_absent_from_profile(void **state)
{
	struct profile *p = t_profile(T_ARENA(state), "demak-2022");
	struct prep_in in = ready_in();
	struct prep_out o;

	in.inspektur = true;
	prep_eval(T_ARENA(state), p, &in, &o);
	assert_true(o.ready);
	for (size_t i = 0; i < o.n; i++)
		assert_false(str_starts(str_c(o.s[i].label), "Konsultasi"));
}

static void
ann_content_missing_blocks(void **state)
{
	struct profile *p = t_profile(T_ARENA(state), "demak-2022");
	struct prep_in in = ready_in();
	struct prep_out o;

	in.content_missing = 1;
	prep_eval(T_ARENA(state), p, &in, &o);
	assert_false(o.ready);
	assert_int_equal(find(&o, "Isi pengumuman")->r.id, R_ANN_CONTENT);
}

static void
ann_duration_window_blocks(void **state)
{
	struct profile *p = t_profile(T_ARENA(state), "demak-2022");
	struct prep_in in = ready_in();
	struct prep_out o;

	in.window_ok = false;
	prep_eval(T_ARENA(state), p, &in, &o);
	assert_false(o.ready);
	assert_int_equal(find(&o, "Jangka")->r.id, R_ANN_DURATION);
	in.has_window = false;
	prep_eval(T_ARENA(state), p, &in, &o);
	assert_false(o.ready);
}

static void
committee_unconfirmed_blocks(void **state)
{
	struct profile *p = t_profile(T_ARENA(state), "demak-2022");
	struct prep_in in = ready_in();
	struct prep_out o;

	in.committee_confirmed = false;
	prep_eval(T_ARENA(state), p, &in, &o);
	assert_false(o.ready);
}

/* The consultation is needed for the Inspektur's post, where the profile
   has the rule (Pekalongan Ketentuan Lain-lain B.4), and nowhere else. */
static void
vac_inspektur_needed_for_that_post_only(void **state)
{
	struct arena *a = T_ARENA(state);
	struct vacancy v[2];

	memset(v, 0, sizeof v);
	v[0].kind = VK_AGENCY_HEAD;
	v[1].kind = VK_INSPEKTUR;
	assert_false(prep_consult_needed(t_profile(a, "pekalongan-2022"), v,
	    1));
	assert_true(prep_consult_needed(t_profile(a, "pekalongan-2022"), v,
	    2));
	assert_false(prep_consult_needed(t_profile(a, "pekalongan-2022"), v,
	    0));
	/* Demak has no VAC-INSPEKTUR: its APPT-INSPEKTUR comes later. */
	assert_false(prep_consult_needed(t_profile(a, "demak-2022"), v, 2));
}

/* The plan goes to the region's oversight body (BKN today), named as the
   region has it; without one, as the regulation has it (KASN). */
static void
vac_plan_names_the_regions_oversight_body(void **state)
{
	struct arena *a = T_ARENA(state);
	struct profile *p = t_profile(a, "demak-2022");
	struct prep_in in = ready_in();
	struct prep_out o;

	prep_eval(a, p, &in, &o);
	assert_non_null(strstr(t_cstr(a, find(&o, "Rencana dikirim")->r.detail),
	    "ke KASN"));
	in.oversight = STR("BKN");
	prep_eval(a, p, &in, &o);
	assert_non_null(strstr(t_cstr(a, find(&o, "Rencana dikirim")->r.detail),
	    "ke BKN"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T_TEST(all_done_is_ready),
		RULE_TEST("VAC-REASON", vac_reason_needs_vacancy_and_reason),
		RULE_TEST("VAC-PLAN", vac_plan_recommendation_warns),
		RULE_TEST("VAC-PLAN", vac_plan_covid_gate_blocks),
		RULE_TEST("VAC-PLAN", vac_plan_not_sent_blocks),
		RULE_TEST("VAC-INSPEKTUR", vac_inspektur_before_committee),
		RULE_TEST("VAC-INSPEKTUR", vac_inspektur_absent_from_profile),
		RULE_TEST("VAC-INSPEKTUR",
		    vac_inspektur_needed_for_that_post_only),
		RULE_TEST("VAC-PLAN", vac_plan_names_the_regions_oversight_body),
		RULE_TEST("ANN-CONTENT", ann_content_missing_blocks),
		RULE_TEST("ANN-DURATION", ann_duration_window_blocks),
		T_TEST(committee_unconfirmed_blocks),
	};

	return cmocka_run_group_tests_name("prep", tests, NULL, NULL);
}
