/*
 * test_reuse_fault.c - STG-REUSE's write use cases through the store's
 * fault hook (t_fault.h, as test_fault.c does for the others): the
 * records a closed assessment stage leaves, a result recorded by hand,
 * and one applied in a later selection.  Each faulted run is refused,
 * the store unchanged and the chain whole; the run past every point
 * writes.  The rows of the other parts are seeded (t_reuse.h).
 */
#include <stdio.h>
#include <string.h>

#include "t_fault.h"
#include "t_reuse.h"
#include "app/reuse.h"
#include "base/banned.h"

struct uc {
	struct who	*w;
	const char *const *kv;
	size_t		 n;
	int64_t		 id;
	struct app_msg	 m;
};

/* reuse_record_from_stage in a write transaction of its own, as the
   closing of the assessment stage runs it. */
static enum sel_err
uc_from_stage(struct fx *f, void *ctx)
{
	struct uc *u = ctx;
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(f->app->st, true, &tx)) != SEL_OK)
		return rc;
	rc = reuse_record_from_stage(f->app, tx, f->ar, u->w, OLD, &u->n);
	if (rc != SEL_OK) {
		store_abort(f->app->st, tx);
		return rc;
	}
	return app_commit(f->app, tx);
}

static enum sel_err
uc_record(struct fx *f, void *ctx)
{
	struct uc *u = ctx;
	struct form fm = fx_form(f->ar, u->kv);
	const char *field;

	return app_reuse_record(f->app, f->ar, u->w, &fm, &u->id, &u->m,
	    &field);
}

static enum sel_err
uc_apply(struct fx *f, void *ctx)
{
	struct uc *u = ctx;
	struct form fm = fx_form(f->ar, u->kv);
	const char *field;

	return app_reuse_apply(f->app, f->ar, u->w, NEW, &fm, &u->m, &field);
}

static void
run(struct fx *f, const char *name, t_fault_fn fn, struct uc *u)
{
	struct t_fault c = { name, fn, u, SEL_OK, 0, &u->m };

	assert_true(t_fault(f, &c) > 0);
}

static void
stg_reuse_use_cases_under_faults(void **state)
{
	struct fx *f = *state;
	struct who chair, sec;
	struct uc u;
	char rec[24];

	seed_region(f);
	seed_closed_assessment(f);
	fx_as(f, "ketua", &chair);
	fx_as(f, "sekretariat", &sec);
	memset(&u, 0, sizeof u);
	u.w = &chair;
	run(f, "reuse_record_from_stage", uc_from_stage, &u);
	assert_int_equal(u.n, 2);
	memset(&u, 0, sizeof u);
	u.w = &sec;
	u.kv = (const char *const[]){ "region", "pekalongan", "nip",
	    SARI_NIP, "name", "Sari Dewi", "level", "jpt_pratama", "source",
	    "Seleksi terbuka JPT Pratama 2023", "provider", "Pusat Penilaian "
	    "Kompetensi BKN", "accreditation", "A", "held_on", "2024-01-05",
	    "result_on", "2024-01-12", "passed", "1", "score", "78,25",
	    "report_ref", "LHA-12/2024", "stop_reason", "Tugas belajar.",
	    NULL };
	run(f, "app_reuse_record", uc_record, &u);
	snprintf(rec, sizeof rec, "%lld", (long long)u.id);
	memset(&u, 0, sizeof u);
	u.w = &sec;
	u.kv = (const char *const[]){ "application", "711", "record", rec,
	    "confirm", "1", NULL };
	run(f, "app_reuse_apply", uc_apply, &u);
	assert_int_equal(count(f, "SELECT count(*) FROM assessment_reuse "
	    "WHERE application_id = 711"), 1);
	t_fault_release();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("STG-REUSE", stg_reuse_use_cases_under_faults),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
