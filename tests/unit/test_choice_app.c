/*
 * test_choice_app.c - the PPK's choice through the application
 * (app/choice.h) on the demo's past selection (3, Demak: run to the
 * ranking sent to the PPK): who may read and act, APPT-CHOOSE refusing
 * anyone outside the best 3, the days and texts a choice needs, the
 * interview Demak's regulation does not provide (SCORE-PPK-INTERVIEW),
 * the choice kept once made with its audit event, and the workflow moved
 * on (FT_CHOOSE).  A refusal changes nothing: the trail's length and the
 * tables are counted before and after.
 */
#include <stdio.h>
#include <string.h>


#include "t_app.h"
#include "app/choice.h"
#include "base/banned.h"

#define SEL	3

/* Every test here on the demo with its past selection. */
#undef RULE_TEST
#define RULE_TEST(id, fn)	{ id ": " #fn, fn, fx_setup_history,	\
				  fx_teardown, NULL }

static int64_t
sql_int(struct fx *f, const char *q)
{
	return fx_sql_i64(f, q);
}

/* The choice's rows and events (logins write theirs): what a refusal
   must leave alone. */
static int64_t
snap(struct fx *f)
{
	assert_true(fx_events(f) > 0);		/* the chain intact */
	return sql_int(f, "SELECT (SELECT count(*) FROM event WHERE action "
	    "IN ('choose', 'ppk_interview')) * 100 + (SELECT count(*) FROM "
	    "ppk_choice) * 10 + (SELECT count(*) FROM ppk_interview)");
}

static const struct choice_vac *
view(struct fx *f, const char *login, struct choice_view *cv)
{
	struct app_msg m;
	struct who w;

	fx_as(f, login, &w);
	assert_int_equal(app_choice_view(f->app, f->ar, &w, SEL, cv, &m),
	    SEL_OK);
	assert_int_equal(cv->nvac, 1);
	return &cv->vac[0];
}

/* A form: vacancy, application, chosen_on, reason, confirm (NULL: none). */
static enum sel_err
choose(struct fx *f, const char *login, int64_t vac, int64_t app,
    const char *on, const char *reason, bool confirm, struct app_msg *m,
    const char **field)
{
	char v[24], a[24];
	struct form fm;
	struct who w;

	fx_as(f, login, &w);
	snprintf(v, sizeof v, "%lld", (long long)vac);
	snprintf(a, sizeof a, "%lld", (long long)app);
	fm = fx_form(f->ar, (const char *[]){ "vacancy", v, "application", a,
	    "chosen_on", on, "reason", reason, confirm ? "confirm" : "x", "1",
	    NULL });
	return app_ppk_choose(f->app, f->ar, &w, SEL, &fm, m, field);
}

static const char *const why_ok = "Nilai akhir tertinggi dan rekam jejak "
    "sesuai dengan kebutuhan jabatan.";

static void
appt_choose_through_the_app(void **state)
{
	struct fx *f = *state;
	struct choice_view cv;
	const struct choice_vac *x = view(f, "ppk", &cv);
	struct app_msg m;
	const char *field;
	int64_t vac = x->rv->vacancy_id, out = 0, first, before;
	char today[16], sent[16], day_before[16];
	struct form fm;
	struct who w;

	assert_true(cv.may_act);
	assert_int_equal(cv.rk.sel.state, FL_CHOICE);
	assert_int_equal(x->n, 3);
	assert_false(x->chosen);
	first = x->c[0].application_id;
	/* The fourth and fifth of the ranking are not among the best 3. */
	for (size_t i = 0; i < x->rv->n; i++)
		if (!x->rv->rows[i].shortlisted)
			out = x->rv->rows[i].application_id;
	assert_true(out != 0);
	snprintf(today, sizeof today, "%.*s", (int)cv.today_iso.len,
	    cv.today_iso.p);
	snprintf(sent, sizeof sent, "%s", "");
	{
		int y, mo, d;

		date_ymd(cv.sent_on, &y, &mo, &d);
		snprintf(sent, sizeof sent, "%04d-%02d-%02d", y, mo, d);
		date_ymd(cv.sent_on - 1, &y, &mo, &d);
		snprintf(day_before, sizeof day_before, "%04d-%02d-%02d", y, mo,
		    d);
	}
	before = snap(f);
	/* Not the PPK: refused, whoever else. */
	for (const char *const *l = (const char *const[]){ "pyb", "ketua",
	    "anggota", "sekretariat", "admin", "pengawas", "calon1", NULL };
	    *l != NULL; l++)
		assert_int_equal(choose(f, *l, vac, first, today, why_ok, true,
		    &m, &field), SEL_EPERM);
	/* Outside the best 3: APPT-CHOOSE with its article. */
	assert_int_equal(choose(f, "ppk", vac, out, today, why_ok, true, &m,
	    &field), SEL_EINVAL);
	assert_string_equal(field, "application");
	assert_non_null(strstr(m.text, "APPT-CHOOSE, Perbup Demak 47/2022 "
	    "Pasal 19 ayat (2)"));
	assert_int_equal(choose(f, "ppk", vac, 999999, today, why_ok, true,
	    &m, &field), SEL_EINVAL);
	assert_string_equal(field, "application");
	/* Another vacancy, a day before the sending or after today, a
	   short reason, no statement: each named, nothing written. */
	assert_int_equal(choose(f, "ppk", vac + 1000, first, today, why_ok,
	    true, &m, &field), SEL_EINVAL);
	assert_string_equal(field, "vacancy");
	assert_int_equal(choose(f, "ppk", vac, first, day_before, why_ok, true,
	    &m, &field), SEL_EINVAL);
	assert_string_equal(field, "chosen_on");
	assert_non_null(strstr(m.text, "sebelum peringkat disampaikan"));
	assert_int_equal(choose(f, "ppk", vac, first, "2026-11-24", why_ok,
	    true, &m, &field), SEL_EINVAL);	/* tomorrow (fixture: 23rd) */
	assert_string_equal(field, "chosen_on");
	assert_int_equal(choose(f, "ppk", vac, first, "24-11-2026", why_ok,
	    true, &m, &field), SEL_EINVAL);
	assert_string_equal(field, "chosen_on");
	assert_int_equal(choose(f, "ppk", vac, first, today, "Baik.", true,
	    &m, &field), SEL_EINVAL);
	assert_string_equal(field, "reason");
	assert_int_equal(choose(f, "ppk", vac, first, today, why_ok, false,
	    &m, &field), SEL_EINVAL);
	assert_string_equal(field, "confirm");
	/* Demak has no interview by the PPK. */
	fx_as(f, "ppk", &w);
	fm = fx_form(f->ar, (const char *[]){ "vacancy", "1", "held_on",
	    today, "notes", "Wawancara dengan tiga calon.", NULL });
	assert_int_equal(app_ppk_interview(f->app, f->ar, &w, SEL, &fm, &m,
	    &field), SEL_ESTATE);
	assert_non_null(strstr(m.text, "SCORE-PPK-INTERVIEW"));
	assert_int_equal(snap(f), before);
	/* The second of the three, on the day the ranking arrived. */
	assert_int_equal(choose(f, "ppk", vac, x->c[1].application_id, sent,
	    why_ok, true, &m, &field), SEL_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM event WHERE "
	    "action = 'choose' AND selection_id = 3 AND rules LIKE "
	    "'%APPT-CHOOSE%Pasal 19 ayat (2)%'"), 1);
	x = view(f, "ketua", &cv);	/* the committee reads it */
	assert_true(x->chosen);
	assert_int_equal(x->choice.application_id, x->c[1].application_id);
	t_str_equal(x->choice.chosen_on, sent);
	assert_false(cv.may_act);
	/* The workflow moved on past the special consultations (a head of
	   an agency needs none, APPT-SEKDA ... APPT-INSPEKTUR): to the
	   report to the oversight body. */
	assert_int_equal(x->nit, 0);
	assert_int_equal(cv.rk.sel.state, FL_REPORT);
	/* Once: neither another candidate nor the same again. */
	before = snap(f);
	assert_int_equal(choose(f, "ppk", vac, first, today, why_ok, true, &m,
	    &field), SEL_ESTATE);
	assert_non_null(strstr(m.text, "sudah selesai"));
	assert_int_equal(snap(f), before);
	/* The secretariat does not read the ranking nor the choice page. */
	fx_as(f, "sekretariat", &w);
	assert_int_equal(app_choice_view(f->app, f->ar, &w, SEL, &cv, &m),
	    SEL_EPERM);
}

/* Before the ranking is sent there is nothing to choose from. */
static void
appt_choose_not_before_the_ranking_is_sent(void **state)
{
	struct fx *f = *state;
	struct choice_view cv;
	struct app_msg m;
	struct who w;

	fx_as(f, "ppk", &w);
	assert_int_equal(app_choice_view(f->app, f->ar, &w, 1, &cv, &m),
	    SEL_ESTATE);
	assert_non_null(strstr(m.text, "belum disampaikan"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("APPT-CHOOSE", appt_choose_through_the_app),
		RULE_TEST("APPT-CHOOSE",
		    appt_choose_not_before_the_ranking_is_sent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
