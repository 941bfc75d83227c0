/*
 * test_choice_fault.c - the PPK's choice (app/choice.h) through the
 * store's fault hook (t_fault.h, as test_fault.c does for the others), on
 * the demo's past selection 3: each faulted run of app_ppk_choose is
 * refused, the store unchanged and the chain whole; the run past every
 * point writes the choice.
 */
#include <stdio.h>
#include <string.h>

#include "t_fault.h"
#include "app/choice.h"
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

static void
appt_choose_under_faults(void **state)
{
	struct fx *f = *state;
	struct choice_view cv;
	struct app_msg m;
	struct who ppk;
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
	assert_true(t_fault(f, &(struct t_fault){ "app_ppk_choose", uc_choose,
	    &u, SEL_OK, 0, &u.m }) > 0);
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
