/*
 * test_fault_stage.c - the stage part's write use cases (app/stage.h,
 * issue 12 item 1) through the store's fault hook, as test_fault.c does
 * for the others (t_fault.h): for n = 1, 2, ... the n-th statement step,
 * BEGIN or COMMIT fails; each faulted run is refused and leaves every
 * table as it was and the audit chain whole; the run past the last point
 * does the work.  One chain on the demo's selection 2: the plan's stage
 * form with its pass criterion and place, the administrative result
 * (seed_adm: the administrative part's rows), the invitations, an
 * absence, the integrity instrument, an inquiry note, the interview's
 * material.
 */
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "t_fault.h"
#include "app/prep.h"
#include "base/banned.h"

struct uc {
	struct who	*w;
	int64_t		 id;
	enum flow_state	 st;
	const char *const *kv;
	struct str	 s1, s2;
	struct app_msg	 m;
	int		 sent;
};

static int
teardown(void **state)
{
	t_fault_release();
	return fx_teardown(state);
}

static enum sel_err
uc_stage_put(struct fx *f, void *ctx)
{
	struct uc *u = ctx;
	struct form fm = fx_form(f->ar, u->kv);

	return app_prep(f->app, f->ar, u->w, 2, OP_STAGE_PUT, &fm, &u->m);
}

static enum sel_err
uc_invite(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_stage_invite(f->app, f->ar, u->w, 2, u->st, &u->sent,
	    &u->m);
}

static enum sel_err
uc_absent(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_stage_absent(f->app, f->ar, u->w, 2, u->st, u->id, u->s1,
	    &u->m);
}

static enum sel_err
uc_instrument(struct fx *f, void *ctx)
{
	struct uc *u = ctx;
	struct form fm = fx_form(f->ar, u->kv);
	const char *field;

	return app_track_instrument(f->app, f->ar, u->w, 2, &fm, &u->m,
	    &field);
}

static enum sel_err
uc_inquiry(struct fx *f, void *ctx)
{
	struct uc *u = ctx;
	const char *field;

	return app_track_inquiry(f->app, f->ar, u->w, 2, u->id, u->s1, u->s2,
	    &u->m, &field);
}

static enum sel_err
uc_material(struct fx *f, void *ctx)
{
	struct uc *u = ctx;

	return app_stage_material(f->app, f->ar, u->w, 2, u->id, u->s1,
	    &u->m);
}

static void
fault(struct fx *f, const char *name, t_fault_fn fn, struct uc *u)
{
	struct t_fault c = { name, fn, u, SEL_OK, 0, &u->m };

	assert_true(t_fault(f, &c) > 0);
}

static int64_t
one(struct fx *f, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t n = -1;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* The administrative part's rows: selection 2's result, two passed. */
static void
seed_adm(struct fx *f)
{
	sqlite3 *db;
	char *err = NULL;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	if (sqlite3_exec(db, "INSERT INTO account (login, name, email, "
	    "pwhash, created_at) SELECT 'pelamar2', 'Siti Rahmawati', "
	    "'siti@example.org', pwhash, created_at FROM account WHERE login = "
	    "'pelamar';"
	    "INSERT INTO applicant (account_id, nip, birth_date, tmt_cpns, "
	    "confirmed_at) SELECT id, '198001012005012001', '1980-01-01', "
	    "'2005-01', '2026-11-23T03:00:00Z' FROM account WHERE login = "
	    "'pelamar2';"
	    "INSERT INTO application (selection_id, vacancy_id, account_id, "
	    "state, reg_no, submitted_at, record, verdict, rules) SELECT 2, "
	    "(SELECT min(id) FROM vacancy WHERE selection_id = 2), id, "
	    "'submitted', 'DMK-2-' || id, '2026-11-23T03:00:00Z', '{}', 'pass', "
	    "'[]' FROM account WHERE login IN ('pelamar', 'pelamar2');"
	    "INSERT INTO adm_decision (application_id, passed, reason, "
	    "decided_by, decided_at) SELECT id, 1, 'Lulus.', 'Ketua', "
	    "'2026-11-23T03:00:00Z' FROM application WHERE selection_id = 2;"
	    "UPDATE selection SET state = 'published', published_at = "
	    "'2026-11-23T03:00:00Z', closed_at = '2026-11-23T03:00:00Z', "
	    "adm_published_at = '2026-11-23T03:00:00Z' WHERE id = 2;", NULL,
	    NULL, &err) != SQLITE_OK)
		fail_msg("seed: %s", err);
	sqlite3_close(db);
}

static void
fault_stage(void **state)
{
	struct fx *f = *state;
	struct who sec, chair, member;
	struct s_stage_plan *pl;
	const char *from = NULL, *to = NULL;
	size_t n = 0;
	struct uc u;

	fx_as(f, "sekretariat", &sec);
	fx_as(f, "ketua", &chair);
	fx_as(f, "anggota", &member);
	assert_int_equal(app_stage_plans(f->app, f->ar, 2, &pl, &n), SEL_OK);
	for (size_t i = 0; i < n; i++)
		if (str_eqc(pl[i].stage, "paper")) {
			from = t_cstr(f->ar, pl[i].starts_on);
			to = t_cstr(f->ar, pl[i].ends_on);
		}
	assert_non_null(from);
	u = (struct uc){ .w = &sec, .kv = (const char *[]){ "stage", "paper",
	    "starts_on", from, "ends_on", to, "pass_min", "65,5", "pass_best",
	    "3", "place", "Aula BKPSDM Demak", "time_text", "08.00-12.00 WIB",
	    NULL } };
	fault(f, "the paper's plan: criterion, place, time", uc_stage_put, &u);
	seed_adm(f);
	u = (struct uc){ .w = &sec, .st = FL_PAPER };
	fault(f, "invitations (two mails)", uc_invite, &u);
	assert_int_equal(u.sent, 2);
	u = (struct uc){ .w = &chair, .st = FL_PAPER, .id = one(f,
	    "SELECT min(id) FROM application WHERE selection_id = 2"),
	    .s1 = STR("Tidak hadir tanpa keterangan.") };
	fault(f, "an absence", uc_absent, &u);
	u = (struct uc){ .w = &member, .kv = (const char *[]){ "c_name_1",
	    "Integritas", "c_weight_1", "70", "c_name_2", "Prestasi",
	    "c_weight_2", "30", NULL } };
	fault(f, "the integrity instrument", uc_instrument, &u);
	u = (struct uc){ .w = &member, .id = one(f, "SELECT max(id) FROM "
	    "application WHERE selection_id = 2"), .s1 = STR("rekan"),
	    .s2 = STR("Rekan sejawat menilai kerja samanya baik.") };
	fault(f, "an inquiry note", uc_inquiry, &u);
	u = (struct uc){ .w = &chair, .id = one(f, "SELECT min(id) FROM "
	    "vacancy WHERE selection_id = 2"), .s1 = STR("Visi kesehatan "
	    "daerah; pengelolaan anggaran.") };
	fault(f, "the interview's material", uc_material, &u);
	assert_int_equal(one(f, "SELECT count(*) FROM stage_invite"), 2);
	assert_int_equal(one(f, "SELECT count(*) FROM stage_absence"), 1);
	assert_int_equal(one(f, "SELECT count(*) FROM track_criterion"), 2);
	assert_int_equal(one(f, "SELECT count(*) FROM track_inquiry"), 1);
	assert_int_equal(one(f, "SELECT count(*) FROM stage_material"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		{ "fault_stage", fault_stage, fx_setup, teardown, NULL },
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
