/*
 * test_score_fault.c - the write use cases of a stage's scoring through
 * the store's fault hook (t_fault.h): opening the stage, a score, a
 * correction, a conflict of interest, a sheet sent, the chair's tie
 * decision and the closing.  Each faulted run is refused with the store
 * unchanged and the audit chain whole; the run past every fault point
 * does the work.  One chain on t_score.h's fixture.
 */
#include <stdio.h>
#include <string.h>

#include "t_fault.h"
#include "t_score.h"
#include "base/banned.h"

struct uc {
	const struct who *w;
	int64_t		 app, vac;
	const char	*value, *reason;
	int		 op;
	struct app_msg	 m;
};

enum { U_OPEN, U_ENTER, U_RECUSE, U_SUBMIT, U_TIE, U_CLOSE };

static enum sel_err
uc_score(struct fx *f, void *ctx)
{
	struct uc *u = ctx;
	const int64_t order[2] = { 903, 902 };

	switch (u->op) {
	case U_OPEN:
		return app_stage_open(f->app, f->ar, u->w, 1, PAPER, &u->m);
	case U_ENTER:
		return app_score_enter(f->app, f->ar, u->w, 1, PAPER, u->app,
		    str_c(u->value), NULL, str_c(u->reason), &u->m);
	case U_RECUSE:
		return app_score_recuse(f->app, f->ar, u->w, 1, PAPER, u->app,
		    str_c(u->reason), &u->m);
	case U_SUBMIT:
		return app_score_submit(f->app, f->ar, u->w, 1, PAPER, &u->m);
	case U_TIE:
		return app_stage_tie(f->app, f->ar, u->w, 1, PAPER, u->vac,
		    order, 2, str_c(u->reason), &u->m);
	default:
		return app_stage_close(f->app, f->ar, u->w, 1, PAPER,
		    str_c(u->reason), &u->m);
	}
}

static long
run(struct fx *f, const char *name, struct uc *u)
{
	long points = t_fault(f, &(struct t_fault){ name, uc_score, u,
	    SEL_OK, 0, &u->m });

	assert_true(points > 0);
	return points;
}

static void
score_use_cases_under_faults(void **state)
{
	struct fx *f = *state;
	struct people p;
	struct uc u;
	struct app_msg m;
	int64_t vac;

	seed_stage(f);
	everyone(f, &p);
	sql(f, "UPDATE selection_stage SET pass_best = 2 WHERE selection_id = "
	    "1 AND stage = 'paper'");
	vac = sql_int(f, "SELECT vacancy_id FROM application WHERE id = 901");
	memset(&u, 0, sizeof u);
	u.w = &p.sec;
	u.op = U_OPEN;
	run(f, "stage_open", &u);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM blind_code"), 3);
	/* a score, then a conflict of interest of another rater */
	u.w = &p.mem;
	u.op = U_ENTER;
	u.app = 901;
	u.value = "90";
	u.reason = "";
	run(f, "score_enter", &u);
	u.w = &p.mem3;
	u.op = U_RECUSE;
	u.reason = "Hubungan keluarga.";
	run(f, "score_recuse", &u);
	/* every sheet: 901 90, 902 and 903 80 (a tie for the 2nd place) */
	for (int64_t k = 901; k <= 903; k++) {
		assert_int_equal(enter(f, &p.chair, k, k == 901 ? "90" : "80",
		    "", &m), SEL_OK);
		if (k > 901)
			assert_int_equal(enter(f, &p.mem, k, "80", "", &m),
			    SEL_OK);
		if (k > 901)
			assert_int_equal(enter(f, &p.mem3, k, "80", "", &m),
			    SEL_OK);
	}
	assert_int_equal(app_score_submit(f->app, f->ar, &p.chair, 1, PAPER,
	    &m), SEL_OK);
	assert_int_equal(app_score_submit(f->app, f->ar, &p.mem3, 1, PAPER,
	    &m), SEL_OK);
	u.w = &p.mem;
	u.op = U_SUBMIT;
	run(f, "score_submit", &u);
	/* a correction after submission, with its reason */
	u.op = U_ENTER;
	u.app = 902;
	u.value = "80";
	u.reason = "Salah ketik.";
	run(f, "score_correct", &u);
	u.w = &p.chair;
	u.op = U_TIE;
	u.vac = vac;
	u.reason = "Calon 903 lebih unggul pada aspek integritas.";
	run(f, "stage_tie", &u);
	u.op = U_CLOSE;
	u.reason = "Panitia menetapkan hasil penilaian makalah.";
	run(f, "stage_close", &u);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM stage_outcome"), 3);
	assert_int_equal(sql_int(f, "SELECT application_id FROM stage_outcome "
	    "WHERE outcome = 'failed'"), 902);
	t_fault_release();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(score_use_cases_under_faults),
	};

	return cmocka_run_group_tests_name("score_fault", tests, NULL, NULL);
}
