/*
 * test_tenure_fault.c - the term's write use cases (app/tenure.h)
 * through the store's fault hook (t_fault.h), on the demo's past
 * selection 3 carried to its appointment: the reminders queued, the
 * evaluation team, the PPK's decision and the end of the term.  Each
 * faulted run is refused, the store unchanged and the chain whole; the
 * run past every point writes.
 */
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "t_fault.h"
#include "app/appoint.h"
#include "app/choice.h"
#include "app/report.h"
#include "app/tenure.h"
#include "base/banned.h"

#undef RULE_TEST
#define RULE_TEST(id, fn)	{ id ": " #fn, fn, fx_setup_history,	\
				  fx_teardown, NULL }

struct uc {
	struct who	 w;
	int64_t		 vac;
	enum tenure_act	 act;
	const char *const *kv;
	struct app_msg	 m;
};

static enum sel_err
uc_act(struct fx *f, void *ctx)
{
	struct uc *u = ctx;
	struct form fm = fx_form(f->ar, u->kv);
	const char *field;

	return app_tenure_act(f->app, f->ar, &u->w, u->vac, u->act, &fm,
	    &u->m, &field);
}

static enum sel_err
uc_remind(struct fx *f, void *ctx)
{
	int64_t q = 0;
	enum sel_err rc = app_tenure_remind(f->app, f->ar, &q);

	(void)ctx;
	return rc == SEL_OK && q != 1 ? SEL_EINTERNAL : rc;
}

static void
step(struct fx *f, const char *login, enum sel_err rc)
{
	(void)f;
	(void)login;
	assert_int_equal(rc, SEL_OK);
}

static int64_t
appointed(struct fx *f)
{
	struct choice_view cv;
	struct app_msg m;
	const char *field;
	struct form fm;
	struct who w;
	char v[24], a[24];

	fx_as(f, "ppk", &w);
	assert_int_equal(app_choice_view(f->app, f->ar, &w, 3, &cv, &m),
	    SEL_OK);
	snprintf(v, sizeof v, "%lld", (long long)cv.vac[0].rv->vacancy_id);
	snprintf(a, sizeof a, "%lld", (long long)cv.vac[0].c[0].application_id);
	fm = fx_form(f->ar, (const char *[]){ "vacancy", v, "application", a,
	    "chosen_on", "2026-11-23", "reason", "Nilai akhir tertinggi dan "
	    "sesuai jabatan.", "confirm", "1", NULL });
	step(f, "ppk", app_ppk_choose(f->app, f->ar, &w, 3, &fm, &m, &field));
	fx_as(f, "sekretariat", &w);
	fm = fx_form(f->ar, (const char *[]){ "letter_no", "800/7/2026",
	    "letter_on", "2026-11-23", "confirm", "1", NULL });
	step(f, "sekretariat", app_report_send(f->app, f->ar, &w, 3, &fm, &m,
	    &field));
	fx_as(f, "pengawas", &w);
	fm = fx_form(f->ar, (const char *[]){ "verdict", "recommended",
	    "letter_no", "B-1/2026", "letter_on", "2026-11-23", "text",
	    "Sesuai sistem merit.", "letter", "%PDF-1.4\n% rekomendasi\n%%EOF\n",
	    NULL });
	step(f, "pengawas", app_recommend(f->app, f->ar, &w, 3, &fm, &m,
	    &field));
	fx_as(f, "ppk", &w);
	fm = fx_form(f->ar, (const char *[]){ "vacancy", v, "decree_no",
	    "821.2/15/2026", "decree_on", "2026-11-23", "tmt", "2026-11-23",
	    "inaugurated_on", "2026-11-23", "mode", "in_person", "place",
	    "Pendopo Kabupaten Demak", "confirm", "1", "letter",
	    "%PDF-1.4\n% SK\n%%EOF\n", NULL });
	step(f, "ppk", app_appoint(f->app, f->ar, &w, 3, &fm, &m, &field));
	return cv.vac[0].rv->vacancy_id;
}

static void
run(struct fx *f, const char *name, t_fault_fn fn, struct uc *u)
{
	assert_true(t_fault(f, &(struct t_fault){ name, fn, u, SEL_OK, 0,
	    &u->m }) > 0);
}

static void
ten_eval_under_faults(void **state)
{
	struct fx *f = *state;
	int64_t vac = appointed(f);
	sqlite3 *db;
	struct uc u;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE account SET email = "
	    "'bkpsdm@demak.example' WHERE login = 'sekretariat'", NULL, NULL,
	    NULL), SQLITE_OK);
	sqlite3_close(db);
	f->app->fixed_now = 1937358000;		/* 2031-05-24T03:00:00Z */
	memset(&u, 0, sizeof u);
	run(f, "app_tenure_remind", uc_remind, &u);
	fx_as(f, "sekretariat", &u.w);
	u.vac = vac;
	u.act = TA_TEAM;
	u.kv = (const char *const[]){ "formed_on", "2031-05-24", "letter_no",
	    "800/1/2031", "member_1", "Dr. Ani Rahma", "kind_1", "external",
	    "member_2", "Budi Santoso", "kind_2", "internal", "member_3",
	    "Citra Lestari", "kind_3", "internal", NULL };
	run(f, "app_tenure_act team", uc_act, &u);
	fx_as(f, "ppk", &u.w);
	u.act = TA_OUTCOME;
	u.kv = (const char *const[]){ "extended", "no", "letter_no",
	    "800/2/2031", "letter_on", "2031-05-24", NULL };
	run(f, "app_tenure_act outcome", uc_act, &u);
	fx_as(f, "sekretariat", &u.w);
	u.act = TA_END;
	u.kv = (const char *const[]){ "reason", "resigned", "ended_on",
	    "2031-05-24", NULL };
	run(f, "app_tenure_act end", uc_act, &u);
	t_fault_release();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("TEN-EVAL", ten_eval_under_faults),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
