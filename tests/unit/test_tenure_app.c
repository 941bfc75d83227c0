/*
 * test_tenure_app.c - an official's term through the application
 * (app/tenure.h) on the demo's past selection (3, Demak) carried to its
 * appointment (TMT and inauguration 23 November 2026): who may read and
 * act (role x action), each act's refusals naming their field, rule and
 * article with nothing changed, each act kept once with its audit event,
 * Pontianak's 2-year lock and TEN-PERF (the region switched to its
 * profile), and the reminders queued once per window.
 */
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "t_app.h"
#include "app/appoint.h"
#include "app/choice.h"
#include "app/report.h"
#include "app/tenure.h"
#include "base/banned.h"

#define SEL	3

#undef RULE_TEST
#define RULE_TEST(id, fn)	{ id ": " #fn, fn, fx_setup_history,	\
				  fx_teardown, NULL }

static int64_t
sql_int(struct fx *f, const char *q)
{
	sqlite3_stmt *st;
	sqlite3 *db;
	int64_t v = -1;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, q, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void
sql_do(struct fx *f, const char *q)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, q, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* The term's rows and events: what a refusal must leave alone. */
static int64_t
snap(struct fx *f)
{
	assert_true(fx_events(f) > 0);
	return sql_int(f, "SELECT (SELECT count(*) FROM event WHERE action "
	    "LIKE 'term_%') * 100000 + (SELECT count(*) FROM term_team) * "
	    "10000 + (SELECT count(*) FROM term_outcome) * 1000 + (SELECT "
	    "count(*) FROM term_perf) * 100 + (SELECT count(*) FROM term_move) "
	    "* 10 + (SELECT count(*) FROM term_end)");
}

static void
as_ok(struct fx *f, const char *login, enum sel_err rc)
{
	(void)f;
	(void)login;
	assert_int_equal(rc, SEL_OK);
}

/* Choice, report, recommendation, appointment: returns the vacancy. */
static int64_t
appointed(struct fx *f)
{
	struct choice_view cv;
	struct app_msg m;
	const char *field;
	struct form fm;
	struct who w;
	char v[24], a[24];
	int64_t vac;

	fx_as(f, "ppk", &w);
	assert_int_equal(app_choice_view(f->app, f->ar, &w, SEL, &cv, &m),
	    SEL_OK);
	vac = cv.vac[0].rv->vacancy_id;
	snprintf(v, sizeof v, "%lld", (long long)vac);
	snprintf(a, sizeof a, "%lld", (long long)cv.vac[0].c[0].application_id);
	fm = fx_form(f->ar, (const char *[]){ "vacancy", v, "application", a,
	    "chosen_on", "2026-11-23", "reason", "Nilai akhir tertinggi dan "
	    "rekam jejak sesuai.", "confirm", "1", NULL });
	as_ok(f, "ppk", app_ppk_choose(f->app, f->ar, &w, SEL, &fm, &m,
	    &field));
	fx_as(f, "sekretariat", &w);
	fm = fx_form(f->ar, (const char *[]){ "letter_no", "800/7/2026",
	    "letter_on", "2026-11-23", "confirm", "1", NULL });
	as_ok(f, "sekretariat", app_report_send(f->app, f->ar, &w, SEL, &fm,
	    &m, &field));
	fx_as(f, "pengawas", &w);
	fm = fx_form(f->ar, (const char *[]){ "verdict", "recommended",
	    "letter_no", "B-1/2026", "letter_on", "2026-11-23", "text",
	    "Proses seleksi sesuai sistem merit.", "letter",
	    "%PDF-1.4\n% rekomendasi\n%%EOF\n", NULL });
	as_ok(f, "pengawas", app_recommend(f->app, f->ar, &w, SEL, &fm, &m,
	    &field));
	fx_as(f, "ppk", &w);
	fm = fx_form(f->ar, (const char *[]){ "vacancy", v, "decree_no",
	    "821.2/15/2026", "decree_on", "2026-11-23", "tmt", "2026-11-23",
	    "inaugurated_on", "2026-11-23", "mode", "in_person", "place",
	    "Pendopo Kabupaten Demak", "confirm", "1", "letter",
	    "%PDF-1.4\n% SK\n%%EOF\n", NULL });
	as_ok(f, "ppk", app_appoint(f->app, f->ar, &w, SEL, &fm, &m, &field));
	return vac;
}

static enum sel_err
act(struct fx *f, const char *login, int64_t vac, enum tenure_act a,
    const char *const *kv, struct app_msg *m, const char **field)
{
	struct form fm = fx_form(f->ar, kv);
	struct who w;

	fx_as(f, login, &w);
	return app_tenure_act(f->app, f->ar, &w, vac, a, &fm, m, field);
}

static const char *const team_ok[] = { "formed_on", "2026-11-23",
	"letter_no", "800/1/2026", "member_1", "Dr. Ani Rahma", "kind_1",
	"external", "member_2", "Budi Santoso", "kind_2", "internal",
	"member_3", "Citra Lestari", "kind_3", "internal", NULL };

static void
ten_eval_the_team_through_the_app(void **state)
{
	struct fx *f = *state;
	int64_t vac = appointed(f), before;
	struct tenure_term o;
	struct app_msg m;
	const char *field;
	struct who w;

	/* Who reads: BKPSDM, the PPK, the oversight body; no one else. */
	for (const char *const *l = (const char *const[]){ "sekretariat",
	    "ppk", "pengawas", NULL }; *l != NULL; l++) {
		fx_as(f, *l, &w);
		assert_int_equal(app_tenure_view(f->app, f->ar, &w, vac, &o,
		    &m), SEL_OK);
		assert_int_equal(o.end, t_date("2031-11-22"));
		assert_true(o.may_record == (strcmp(*l, "sekretariat") == 0));
		assert_true(o.may_decide == (strcmp(*l, "ppk") == 0));
	}
	for (const char *const *l = (const char *const[]){ "ketua", "anggota",
	    "pyb", "admin", "calon1", NULL }; *l != NULL; l++) {
		fx_as(f, *l, &w);
		assert_int_equal(app_tenure_view(f->app, f->ar, &w, vac, &o,
		    &m), SEL_EPERM);
	}
	fx_as(f, "sekretariat", &w);
	assert_int_equal(app_tenure_view(f->app, f->ar, &w, vac + 999, &o,
	    &m), SEL_ENOENT);
	before = snap(f);
	/* Role x action: only BKPSDM records, only the PPK decides. */
	for (const char *const *l = (const char *const[]){ "ppk", "pengawas",
	    "ketua", "pyb", "admin", "calon1", NULL }; *l != NULL; l++) {
		assert_int_equal(act(f, *l, vac, TA_TEAM, team_ok, &m, &field),
		    SEL_EPERM);
		assert_int_equal(act(f, *l, vac, TA_PERF, (const char *[]){
		    "kind", "year", NULL }, &m, &field), SEL_EPERM);
		assert_int_equal(act(f, *l, vac, TA_MOVE, (const char *[]){
		    NULL }, &m, &field), SEL_EPERM);
		assert_int_equal(act(f, *l, vac, TA_END, (const char *[]){
		    NULL }, &m, &field), SEL_EPERM);
	}
	for (const char *const *l = (const char *const[]){ "sekretariat",
	    "pengawas", "ketua", "calon1", NULL }; *l != NULL; l++)
		assert_int_equal(act(f, *l, vac, TA_OUTCOME, (const char *[]){
		    "extended", "yes", NULL }, &m, &field), SEL_EPERM);
	/* The team's refusals, each naming its field. */
	assert_int_equal(act(f, "sekretariat", vac, TA_TEAM, (const char *[]){
	    "formed_on", "2026-11-23", "letter_no", "800/1/2026", "member_1",
	    "Dr. Ani Rahma", "kind_1", "external", "member_2", "Budi Santoso",
	    "kind_2", "external", "member_3", "Citra Lestari", "kind_3",
	    "internal", NULL }, &m, &field), SEL_EINVAL);
	assert_string_equal(field, "kind_1");
	assert_non_null(strstr(m.text, "TEN-EVAL, Perbup Demak 47/2022 "
	    "Pasal 22 ayat (4)"));
	assert_int_equal(act(f, "sekretariat", vac, TA_TEAM, (const char *[]){
	    "formed_on", "2026-11-22", "letter_no", "800/1/2026", "member_1",
	    "Dr. Ani Rahma", "kind_1", "external", "member_2", "Budi Santoso",
	    "kind_2", "internal", "member_3", "Citra Lestari", "kind_3",
	    "internal", NULL }, &m, &field), SEL_EINVAL);
	assert_string_equal(field, "formed_on");	/* before the TMT */
	assert_int_equal(act(f, "sekretariat", vac, TA_TEAM, (const char *[]){
	    "formed_on", "2026-11-24", NULL }, &m, &field), SEL_EINVAL);
	assert_string_equal(field, "formed_on");	/* tomorrow */
	assert_int_equal(act(f, "sekretariat", vac, TA_TEAM, (const char *[]){
	    "formed_on", "2026-11-23", "letter_no", "800/1/2026", "member_1",
	    "Dr. Ani Rahma", "kind_1", "external", "member_2", "Budi Santoso",
	    "kind_2", "lainnya", NULL }, &m, &field), SEL_EINVAL);
	assert_string_equal(field, "kind_2");
	assert_int_equal(act(f, "sekretariat", vac, TA_TEAM, (const char *[]){
	    "formed_on", "2026-11-23", "letter_no", "", NULL }, &m, &field),
	    SEL_EINVAL);
	assert_string_equal(field, "letter_no");
	/* The PPK's decision before the team: TEN-EVAL. */
	assert_int_equal(act(f, "ppk", vac, TA_OUTCOME, (const char *[]){
	    "extended", "yes", "letter_no", "800/2/2026", "letter_on",
	    "2026-11-23", NULL }, &m, &field), SEL_EINVAL);
	assert_non_null(strstr(m.text, "TEN-EVAL"));
	assert_int_equal(act(f, "ppk", vac, TA_OUTCOME, (const char *[]){
	    "extended", "mungkin", NULL }, &m, &field), SEL_EINVAL);
	assert_string_equal(field, "extended");
	/* TEN-PERF is not in Demak's articles; TEN-MUTATION: 2 years. */
	assert_int_equal(act(f, "sekretariat", vac, TA_PERF, (const char *[]){
	    "kind", "year", "year", "1", "met", "no", "assessed_on",
	    "2026-11-23", NULL }, &m, &field), SEL_ESTATE);
	assert_non_null(strstr(m.text, "TEN-PERF"));
	assert_int_equal(act(f, "sekretariat", vac, TA_MOVE, (const char *[]){
	    "moved_on", "2026-11-23", "to_post", "Kepala Dinas Kesehatan",
	    "decree_no", "821.2/20/2026", "coordination", "B-9/2026", "tested",
	    "1", NULL }, &m, &field), SEL_EINVAL);
	assert_string_equal(field, "moved_on");
	assert_non_null(strstr(m.text, "TEN-MUTATION, Perbup Demak 47/2022 "
	    "Pasal 20"));
	assert_int_equal(act(f, "sekretariat", vac, TA_MOVE, (const char *[]){
	    "moved_on", "2026-11-23", "to_post", "Kepala Dinas Kesehatan",
	    "decree_no", "821.2/20/2026", "coordination", "B-9/2026", NULL },
	    &m, &field), SEL_EINVAL);
	assert_string_equal(field, "tested");
	assert_int_equal(act(f, "sekretariat", vac, TA__N, team_ok, &m,
	    &field), SEL_ENOENT);
	assert_int_equal(snap(f), before);
	/* The team, once; then the PPK's decision, once. */
	assert_int_equal(act(f, "sekretariat", vac, TA_TEAM, team_ok, &m,
	    &field), SEL_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM event WHERE action "
	    "= 'term_team' AND selection_id = 3 AND rules LIKE "
	    "'%TEN-EVAL%Pasal 22 ayat (4)%'"), 1);
	before = snap(f);
	assert_int_equal(act(f, "sekretariat", vac, TA_TEAM, team_ok, &m,
	    &field), SEL_ESTATE);
	assert_int_equal(snap(f), before);
	assert_int_equal(act(f, "ppk", vac, TA_OUTCOME, (const char *[]){
	    "extended", "yes", "letter_no", "800/2/2026", "letter_on",
	    "2026-11-23", NULL }, &m, &field), SEL_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM event WHERE action "
	    "= 'term_outcome' AND rules LIKE '%TEN-5Y%'"), 1);
	fx_as(f, "ppk", &w);
	assert_int_equal(app_tenure_view(f->app, f->ar, &w, vac, &o, &m),
	    SEL_OK);
	assert_true(o.has_team && o.has_outcome && o.outcome.extended);
	assert_false(o.may_decide);		/* decided */
	before = snap(f);
	assert_int_equal(act(f, "ppk", vac, TA_OUTCOME, (const char *[]){
	    "extended", "no", "letter_no", "800/3/2026", "letter_on",
	    "2026-11-23", NULL }, &m, &field), SEL_ESTATE);
	assert_int_equal(snap(f), before);
}

/* Pontianak's 2 years from the inauguration, and TEN-PERF's 6 months. */
static void
ten_2y_lock_and_ten_perf_in_pontianak(void **state)
{
	struct fx *f = *state;
	int64_t vac = appointed(f), before;
	struct tenure_term o;
	struct app_msg m;
	const char *field;
	struct who w;

	sql_do(f, "UPDATE region SET profile_id = 'pontianak-2015' WHERE id "
	    "= (SELECT region_id FROM selection WHERE id = 3)");
	/* 22 November 2028, the lock's last day (inaugurated 23 Nov 2026):
	   refused unless the exception holds */
	f->app->fixed_now = 1858474800;		/* 2028-11-22T03:00:00Z */
	before = snap(f);
	assert_int_equal(act(f, "sekretariat", vac, TA_END, (const char *[]){
	    "reason", "replaced", "ended_on", "2028-11-22", NULL }, &m,
	    &field), SEL_EINVAL);
	assert_string_equal(field, "exception");
	assert_non_null(strstr(m.text, "TEN-2Y-LOCK, Perwal Pontianak"));
	/* a year's result before its last day: no; on it: yes */
	assert_int_equal(act(f, "sekretariat", vac, TA_PERF, (const char *[]){
	    "kind", "year", "year", "2", "met", "no", "assessed_on",
	    "2028-11-21", NULL }, &m, &field), SEL_EINVAL);
	assert_string_equal(field, "assessed_on");
	assert_int_equal(snap(f), before);
	assert_int_equal(act(f, "sekretariat", vac, TA_PERF, (const char *[]){
	    "kind", "year", "year", "2", "met", "no", "assessed_on",
	    "2028-11-22", NULL }, &m, &field), SEL_OK);
	fx_as(f, "sekretariat", &w);
	assert_int_equal(app_tenure_view(f->app, f->ar, &w, vac, &o, &m),
	    SEL_OK);
	assert_true(o.ps.improving);
	assert_int_equal(o.ps.improve_until, t_date("2029-05-21"));
	/* the improvement's result is not due yet */
	assert_int_equal(act(f, "sekretariat", vac, TA_PERF, (const char *[]){
	    "kind", "improve", "met", "no", "assessed_on", "2028-11-22",
	    NULL }, &m, &field), SEL_EINVAL);
	assert_non_null(strstr(m.text, "21 Mei 2029"));
	/* TEN-5Y: "completed" only at the term's end (22 November 2031) */
	assert_int_equal(act(f, "sekretariat", vac, TA_END, (const char *[]){
	    "reason", "completed", "ended_on", "2028-11-22", NULL }, &m,
	    &field), SEL_EINVAL);
	assert_string_equal(field, "ended_on");
	assert_non_null(strstr(m.text, "TEN-5Y, Perwal Pontianak 34/2015 "
	    "Pasal 14 ayat (2)"));
	/* the exception lifts the lock: law broken and requirements not
	   met; the term then ends, and nothing more is recorded */
	assert_int_equal(act(f, "sekretariat", vac, TA_END, (const char *[]){
	    "reason", "dismissed", "ended_on", "2028-11-22", "exception", "1",
	    NULL }, &m, &field), SEL_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM event WHERE action "
	    "= 'term_end' AND rules LIKE '%TEN-2Y-LOCK%'"), 1);
	assert_int_equal(act(f, "sekretariat", vac, TA_PERF, (const char *[]){
	    "kind", "year", "year", "3", "met", "yes", "assessed_on",
	    "2028-11-22", NULL }, &m, &field), SEL_ESTATE);
}

/* One mail per date and window, exactly once. */
static void
ten_eval_reminders_once_per_window(void **state)
{
	struct fx *f = *state;
	int64_t vac = appointed(f), q = -1, mails;
	struct tenure_list l;
	struct app_msg m;
	const char *field;
	struct who w;

	(void)vac;
	sql_do(f, "UPDATE account SET email = 'bkpsdm@demak.example' WHERE "
	    "login = 'sekretariat'");
	mails = sql_int(f, "SELECT count(*) FROM outbox");
	assert_int_equal(app_tenure_remind(f->app, f->ar, &q), SEL_OK);
	assert_int_equal(q, 0);			/* nothing within 90 days */
	f->app->fixed_now = 1937271600;		/* 2031-05-23T03:00:00Z */
	assert_int_equal(app_tenure_remind(f->app, f->ar, &q), SEL_OK);
	assert_int_equal(q, 0);			/* 91 days before */
	f->app->fixed_now += 86400;		/* 90 days before 22 Aug */
	assert_int_equal(app_tenure_remind(f->app, f->ar, &q), SEL_OK);
	assert_int_equal(q, 1);
	assert_int_equal(app_tenure_remind(f->app, f->ar, &q), SEL_OK);
	assert_int_equal(q, 0);			/* a second run: nothing */
	assert_int_equal(sql_int(f, "SELECT count(*) FROM outbox"), mails + 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM outbox WHERE to_addr "
	    "= 'bkpsdm@demak.example' AND body LIKE '%TEN-EVAL%'"), 1);
	/* BKPSDM's list holds it, 90 days ahead */
	fx_as(f, "sekretariat", &w);
	assert_int_equal(app_tenure_list(f->app, f->ar, &w, &l, &m), SEL_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.ndue, 1);
	assert_int_equal(l.due[0].days_left, 90);
	assert_string_equal(l.due[0].mark->key, "eval");
	/* the team formed: the evaluation is no longer reminded of */
	assert_int_equal(act(f, "sekretariat", vac, TA_TEAM, (const char *[]){
	    "formed_on", "2031-05-24", "letter_no", "800/1/2031", "member_1",
	    "Dr. Ani Rahma", "kind_1", "external", "member_2", "Budi Santoso",
	    "kind_2", "internal", "member_3", "Citra Lestari", "kind_3",
	    "internal", NULL }, &m, &field), SEL_OK);
	f->app->fixed_now += 60 * 86400;	/* 30 days before */
	assert_int_equal(app_tenure_remind(f->app, f->ar, &q), SEL_OK);
	assert_int_equal(q, 0);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM event WHERE action "
	    "= 'term_remind'"), 1);
	/* a candidate has no list */
	fx_as(f, "calon1", &w);
	assert_int_equal(app_tenure_list(f->app, f->ar, &w, &l, &m),
	    SEL_EPERM);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("TEN-EVAL", ten_eval_the_team_through_the_app),
		RULE_TEST("TEN-2Y-LOCK", ten_2y_lock_and_ten_perf_in_pontianak),
		RULE_TEST("TEN-EVAL", ten_eval_reminders_once_per_window),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
