/*
 * test_consult_app.c - the special consultations through the application
 * (app/choice.h, consult.c) on the demo's past selection 3 (Demak), its
 * post taken as the head of Dukcapil (the vacancy's kind set in the
 * fixture's store): APPT-DUKCAPIL (Pasal 19 ayat (5)) makes the Bupati
 * propose the best 3 to the Minister of Home Affairs through the
 * Governor within 7 days and the Minister choose.  The PPK's own choice
 * is refused; the secretariat records the proposal (late: the fixture's
 * today is weeks after the ranking arrived) and the Minister's answer,
 * which is the post's choice; each refusal names its field and changes
 * nothing; the workflow then reaches the report.
 */
#include <stdio.h>
#include <string.h>


#include "t_app.h"
#include "app/choice.h"
#include "base/banned.h"

#define SEL	3

#undef RULE_TEST
#define RULE_TEST(id, fn)	{ id ": " #fn, fn, fx_setup_history,	\
				  fx_teardown, NULL }

static int64_t
sql_int(struct fx *f, const char *q)
{
	return fx_sql_i64(f, q);
}

static int64_t
snap(struct fx *f)
{
	assert_true(fx_events(f) > 0);
	return sql_int(f, "SELECT (SELECT count(*) FROM event WHERE action "
	    "IN ('choose', 'consult_sent', 'consult_answered')) * 100 + "
	    "(SELECT count(*) FROM consultation) * 10 + (SELECT count(*) FROM "
	    "ppk_choice)");
}

/* The letters' summary (a test may make it long). */
static const char *summary = "Usul tiga nama calon Kepala Dinas Dukcapil.";

/* A letter: act, application ("" none), letter_on. */
static enum sel_err
letter(struct fx *f, const char *login, int64_t vac, const char *act,
    const char *app, const char *on, struct app_msg *m, const char **field)
{
	char v[24];
	struct form fm;
	struct who w;

	fx_as(f, login, &w);
	snprintf(v, sizeof v, "%lld", (long long)vac);
	fm = fx_form(f->ar, (const char *[]){ "vacancy", v, "rule",
	    "APPT-DUKCAPIL", "act", act, "application", app, "letter_no",
	    "800/123/2026", "letter_on", on, "summary", summary, "letter",
	    "%PDF-1.4\n% surat\n%%EOF\n", NULL });
	return app_consult_record(f->app, f->ar, &w, SEL, &fm, m, field);
}

static void
appt_dukcapil_the_minister_chooses(void **state)
{
	struct fx *f = *state;
	struct choice_view cv;
	const struct choice_vac *x;
	struct app_msg m;
	const char *field;
	char today[16], app[24], out[24];
	int64_t vac, before;
	struct who w;

	assert_int_equal(sql_int(f, "SELECT count(*) FROM vacancy WHERE "
	    "selection_id = 3"), 1);
	fx_sql(f, "UPDATE vacancy SET kind = 'dukcapil' WHERE "
	    "selection_id = 3");
	fx_as(f, "sekretariat", &w);
	assert_int_equal(app_consult_view(f->app, f->ar, &w, SEL, &cv, &m),
	    SEL_OK);
	assert_true(cv.may_consult);
	assert_false(cv.show_scores);
	x = &cv.vac[0];
	vac = x->rv->vacancy_id;
	assert_int_equal(x->nit, 1);
	assert_true(x->minister_chooses);
	assert_int_equal(x->it[0].c.rule, R_APPT_DUKCAPIL);
	assert_int_equal(x->it[0].c.due, cv.sent_on + 7);
	snprintf(today, sizeof today, "%.*s", (int)cv.today_iso.len,
	    cv.today_iso.p);
	snprintf(app, sizeof app, "%lld", (long long)x->c[1].application_id);
	for (size_t i = 0; i < x->rv->n; i++)
		if (!x->rv->rows[i].shortlisted)
			snprintf(out, sizeof out, "%lld",
			    (long long)x->rv->rows[i].application_id);
	before = snap(f);
	/* The PPK does not choose this post. */
	fx_as(f, "ppk", &w);
	{
		char v[24];
		struct form fm;

		snprintf(v, sizeof v, "%lld", (long long)vac);
		fm = fx_form(f->ar, (const char *[]){ "vacancy", v,
		    "application", app, "chosen_on", today, "reason",
		    "Nilai tertinggi dan sesuai jabatan.", "confirm", "1",
		    NULL });
		assert_int_equal(app_ppk_choose(f->app, f->ar, &w, SEL, &fm,
		    &m, &field), SEL_ESTATE);
		assert_non_null(strstr(m.text, "APPT-DUKCAPIL, Perbup Demak "
		    "47/2022 Pasal 19 ayat (5)"));
	}
	/* Only the secretariat records; the answer after the letter. */
	assert_int_equal(letter(f, "ppk", vac, "sent", "", today, &m, &field),
	    SEL_EPERM);
	assert_int_equal(letter(f, "ketua", vac, "sent", "", today, &m,
	    &field), SEL_EPERM);
	assert_int_equal(letter(f, "sekretariat", vac, "answered", app, today,
	    &m, &field), SEL_ESTATE);
	assert_string_equal(field, "act");
	assert_int_equal(letter(f, "sekretariat", vac, "sent", "", "2026-11-24",
	    &m, &field), SEL_EINVAL);
	assert_string_equal(field, "letter_on");
	assert_int_equal(letter(f, "sekretariat", vac, "dikirim", "", today,
	    &m, &field), SEL_EINVAL);
	assert_string_equal(field, "act");
	/* ---- letters ---- the letter itself: a PDF, uploaded */
	{
		char v[24];
		struct form fm;

		fx_as(f, "sekretariat", &w);
		snprintf(v, sizeof v, "%lld", (long long)vac);
		fm = fx_form(f->ar, (const char *[]){ "vacancy", v, "rule",
		    "APPT-DUKCAPIL", "act", "sent", "letter_no",
		    "800/123/2026", "letter_on", today, "summary", "Usul tiga "
		    "nama calon Kepala Dinas Dukcapil.", NULL });
		assert_int_equal(app_consult_record(f->app, f->ar, &w, SEL,
		    &fm, &m, &field), SEL_EINVAL);
		assert_string_equal(field, "letter");
		fm = fx_form(f->ar, (const char *[]){ "vacancy", v, "rule",
		    "APPT-DUKCAPIL", "act", "sent", "letter_no",
		    "800/123/2026", "letter_on", today, "summary", "Usul tiga "
		    "nama calon Kepala Dinas Dukcapil.", "letter",
		    "PK\x03\x04 surat.docx", NULL });
		assert_int_equal(app_consult_record(f->app, f->ar, &w, SEL,
		    &fm, &m, &field), SEL_EINVAL);
		assert_string_equal(field, "letter");
		assert_non_null(strstr(m.text, "harus PDF"));
	}
	/* ---- end letters ---- */
	assert_int_equal(snap(f), before);
	/* The proposal: the best 3, sent late (after the seventh day). */
	assert_int_equal(letter(f, "sekretariat", vac, "sent", "", today, &m,
	    &field), SEL_OK);
	assert_int_equal(sql_int(f, "SELECT length(names) - length(replace("
	    "names, ';', '')) FROM consultation WHERE act = 'sent'"), 2);
	fx_as(f, "sekretariat", &w);
	assert_int_equal(app_consult_view(f->app, f->ar, &w, SEL, &cv, &m),
	    SEL_OK);
	assert_non_null(cv.vac[0].it[0].sent);
	assert_non_null(cv.vac[0].it[0].sent_file);	/* ---- letters */
	assert_true(cv.vac[0].it[0].late);
	assert_false(cv.vac[0].it[0].done);
	before = snap(f);
	assert_int_equal(letter(f, "sekretariat", vac, "sent", "", today, &m,
	    &field), SEL_ESTATE);
	/* The Minister chooses from the names proposed only. */
	assert_int_equal(letter(f, "sekretariat", vac, "answered", out, today,
	    &m, &field), SEL_EINVAL);
	assert_string_equal(field, "application");
	assert_non_null(strstr(m.text, "APPT-DUKCAPIL"));
	assert_int_equal(snap(f), before);
	/* the Minister's answer, summarised at length, kept whole as the
	   choice's reason (longer than arena_printf's 1023 bytes) */
	{
		static char longer[1601];

		memset(longer, 'x', sizeof longer - 1);
		memcpy(longer + sizeof longer - 5, "AKHR", 4);
		summary = longer;
		assert_int_equal(letter(f, "sekretariat", vac, "answered", app,
		    today, &m, &field), SEL_OK);
		summary = "Usul tiga nama calon Kepala Dinas Dukcapil.";
	}
	assert_int_equal(sql_int(f, "SELECT count(*) FROM ppk_choice WHERE "
	    "reason LIKE 'Ditetapkan Menteri Dalam Negeri, surat nomor "
	    "800/123/2026: x%AKHR'"), 1);
	/* The answer is the post's choice; the workflow is at the report. */
	fx_as(f, "ketua", &w);
	assert_int_equal(app_consult_view(f->app, f->ar, &w, SEL, &cv, &m),
	    SEL_OK);
	assert_true(cv.vac[0].chosen);
	assert_int_equal(cv.vac[0].choice.application_id,
	    cv.vac[0].c[1].application_id);
	assert_true(cv.vac[0].it[0].done);
	assert_int_equal(cv.rk.sel.state, FL_REPORT);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM event WHERE action "
	    "IN ('consult_sent', 'consult_answered', 'choose') AND rules LIKE "
	    "'%APPT-DUKCAPIL%'"), 3);
	/* Once there, nothing more is recorded. */
	assert_int_equal(letter(f, "sekretariat", vac, "answered", app, today,
	    &m, &field), SEL_ESTATE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("APPT-DUKCAPIL", appt_dukcapil_the_minister_chooses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
