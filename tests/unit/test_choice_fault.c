/*
 * test_choice_fault.c - the end of a selection through the store's fault
 * hook (t_fault.h, as test_fault.c does for the others), on the demo's
 * past selection 3: the PPK's choice, the report sent, the
 * recommendation and the appointment, in that order.  Each faulted run
 * is refused, the store unchanged and the chain whole; the run past
 * every point writes.
 */
#include <stdio.h>
#include <string.h>

#include "t_fault.h"
#include "app/appoint.h"
#include "app/choice.h"
#include "app/report.h"
#include "base/banned.h"

#undef RULE_TEST
#define RULE_TEST(id, fn)	{ id ": " #fn, fn, fx_setup_history,	\
				  fx_teardown, NULL }

struct uc {
	struct who	*w;
	const char *const *kv;
	struct app_msg	 m;
};

static enum sel_err
uc_choose(struct fx *f, void *ctx)
{
	struct uc *u = ctx;
	struct form fm = fx_form(f->ar, u->kv);
	const char *field;

	return app_ppk_choose(f->app, f->ar, u->w, 3, &fm, &u->m, &field);
}

static enum sel_err
uc_report(struct fx *f, void *ctx)
{
	struct uc *u = ctx;
	struct form fm = fx_form(f->ar, u->kv);
	const char *field;

	return app_report_send(f->app, f->ar, u->w, 3, &fm, &u->m, &field);
}

static enum sel_err
uc_recommend(struct fx *f, void *ctx)
{
	struct uc *u = ctx;
	struct form fm = fx_form(f->ar, u->kv);
	const char *field;

	return app_recommend(f->app, f->ar, u->w, 3, &fm, &u->m, &field);
}

static enum sel_err
uc_appoint(struct fx *f, void *ctx)
{
	struct uc *u = ctx;
	struct form fm = fx_form(f->ar, u->kv);
	const char *field;

	return app_appoint(f->app, f->ar, u->w, 3, &fm, &u->m, &field);
}

/* ---- letters ---- */
static enum sel_err
uc_dispatch(struct fx *f, void *ctx)
{
	struct uc *u = ctx;
	struct form fm = fx_form(f->ar, u->kv);
	const char *field;

	return app_report_dispatch(f->app, f->ar, u->w, 3, &fm, &u->m,
	    &field);
}

static enum sel_err
uc_followup(struct fx *f, void *ctx)
{
	struct uc *u = ctx;
	struct form fm = fx_form(f->ar, u->kv);
	const char *field;

	return app_report_followup(f->app, f->ar, u->w, 3, &fm, &u->m,
	    &field);
}
/* ---- end letters ---- */

static void
run(struct fx *f, const char *name, t_fault_fn fn, struct uc *u)
{
	assert_true(t_fault(f, &(struct t_fault){ name, fn, u, SEL_OK, 0,
	    &u->m }) > 0);
}

static void
appt_choose_under_faults(void **state)
{
	struct fx *f = *state;
	struct choice_view cv;
	struct app_msg m;
	struct who ppk, sec, ovs;
	struct uc u;
	char vac[24], app[24];

	fx_as(f, "ppk", &ppk);
	assert_int_equal(app_choice_view(f->app, f->ar, &ppk, 3, &cv, &m),
	    SEL_OK);
	snprintf(vac, sizeof vac, "%lld", (long long)cv.vac[0].rv->vacancy_id);
	snprintf(app, sizeof app, "%lld",
	    (long long)cv.vac[0].c[0].application_id);
	memset(&u, 0, sizeof u);
	u.w = &ppk;
	u.kv = (const char *const[]){ "vacancy", vac, "application", app,
	    "chosen_on", "2026-11-23", "reason", "Nilai akhir tertinggi dan "
	    "sesuai jabatan.", "confirm", "1", NULL };
	run(f, "app_ppk_choose", uc_choose, &u);
	fx_as(f, "sekretariat", &sec);
	memset(&u, 0, sizeof u);
	u.w = &sec;
	u.kv = (const char *const[]){ "letter_no", "800/7/2026", "letter_on",
	    "2026-11-23", "confirm", "1", NULL };
	run(f, "app_report_send", uc_report, &u);
	fx_as(f, "pengawas", &ovs);
	memset(&u, 0, sizeof u);
	u.w = &ovs;
	u.kv = (const char *const[]){ "verdict", "recommended", "letter_no",
	    "B-1/2026", "letter_on", "2026-11-23", "text", "Sesuai sistem "
	    "merit; lengkapi berita acara.", "binding", "1", "letter",
	    "%PDF-1.4\n% rekomendasi\n%%EOF\n", NULL };
	run(f, "app_recommend", uc_recommend, &u);
	/* ---- letters ---- a copy's dispatch, the binding one's
	   follow-up */
	memset(&u, 0, sizeof u);
	u.w = &sec;
	u.kv = (const char *const[]){ "to", "Menteri Dalam Negeri",
	    "dispatched_on", "2026-11-23", "means", "surat tercatat",
	    "number", "800/8/2026", NULL };
	run(f, "app_report_dispatch", uc_dispatch, &u);
	fx_as(f, "ppk", &ppk);
	memset(&u, 0, sizeof u);
	u.w = &ppk;
	u.kv = (const char *const[]){ "action", "Berita acara dilengkapi "
	    "dan dikirim kembali.", "done_on", "2026-11-23", "letter_no",
	    "800/9/2026", "letter", "%PDF-1.4\n% tindak lanjut\n%%EOF\n",
	    NULL };
	run(f, "app_report_followup", uc_followup, &u);
	/* ---- end letters ---- */
	fx_as(f, "ppk", &ppk);
	memset(&u, 0, sizeof u);
	u.w = &ppk;
	u.kv = (const char *const[]){ "vacancy", vac, "decree_no",
	    "821.2/15/2026", "decree_on", "2026-11-23", "tmt", "2026-11-23",
	    "inaugurated_on", "2026-11-23", "mode", "video", "place",
	    "https://vidcon.example.org/pelantikan", "confirm", "1", "letter",
	    "%PDF-1.4\n% keputusan\n%%EOF\n", NULL };
	run(f, "app_appoint", uc_appoint, &u);
	assert_int_equal(app_choice_view(f->app, f->ar, &ppk, 3, &cv, &m),
	    SEL_OK);
	assert_int_equal(cv.rk.sel.state, FL_TENURE);
	t_fault_release();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("APPT-CHOOSE", appt_choose_under_faults),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
