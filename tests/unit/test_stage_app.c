/*
 * test_stage_app.c - running a stage (issue 12 item 1) through the
 * application (app/stage.h) on the demo's store: the plan's stage form,
 * invitations, absences, the track record, the interview's material, the
 * assessor's and the resource person's pages, each refused to the wrong
 * role with nothing changed.
 *
 * The administrative result is the administrative part's: seed_adm()
 * writes its rows with SQLite, as its pages would.
 */
#include <stdio.h>
#include <string.h>


#include "t_app.h"
#include "app/prep.h"
#include "core/profile.h"
#include "core/stage.h"
#include "base/banned.h"

static void
exec_sql(struct fx *f, const char *sql)
{
	fx_sql(f, sql);
}

static int64_t
count(struct fx *f, const char *sql)
{
	return fx_sql_i64(f, sql);
}

/*
 * The administrative part's rows of selection 2: published, closed, the
 * demo's pelamar and a second applicant passed, the result published.
 */
static void
seed_adm(struct fx *f)
{
	exec_sql(f, "INSERT INTO account (login, name, email, pwhash, "
	    "created_at) SELECT 'pelamar2', 'Siti Rahmawati', "
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
	    "adm_published_at = '2026-11-23T03:00:00Z' WHERE id = 2;");
}

static enum sel_err
stage_put(struct fx *f, struct who *w, const char *const *kv,
    struct app_msg *m)
{
	struct form fm = fx_form(f->ar, kv);

	return app_prep(f->app, f->ar, w, 2, OP_STAGE_PUT, &fm, m);
}

static const struct s_stage_plan *
plan_of(struct fx *f, const char *stage)
{
	struct s_stage_plan *p;
	size_t n = 0;

	assert_int_equal(app_stage_plans(f->app, f->ar, 2, &p, &n), SEL_OK);
	for (size_t i = 0; i < n; i++)
		if (str_eqc(p[i].stage, stage))
			return &p[i];
	fail_msg("no %s in the plan", stage);
	return NULL;
}

/* The plan's stage form: refused values change nothing, and the fields. */
static void
stage_plan_form_through_the_application(void **state)
{
	struct fx *f = *state;
	struct who sek, ang;
	struct app_msg m;
	const struct s_stage_plan *p = NULL;
	const char *start, *end;
	int64_t ev;

	fx_as(f, "sekretariat", &sek);
	fx_as(f, "anggota", &ang);
	p = plan_of(f, "paper");
	start = t_cstr(f->ar, p->starts_on);
	end = t_cstr(f->ar, p->ends_on);
	ev = fx_events(f);
	assert_int_equal(stage_put(f, &sek, (const char *[]){ "stage", "paper",
	    "starts_on", start, "ends_on", end, "pass_min", "101", NULL }, &m),
	    SEL_EINVAL);
	assert_string_equal(app_msg_field(&m), "pass_min");
	/* Demak's normal procedure: no video conference. */
	assert_int_equal(stage_put(f, &sek, (const char *[]){ "stage", "paper",
	    "starts_on", start, "ends_on", end, "link",
	    "https://meet.example.go.id/x", NULL }, &m), SEL_EINVAL);
	assert_string_equal(app_msg_field(&m), "link");
	assert_int_equal(stage_put(f, &ang, (const char *[]){ "stage", "paper",
	    "starts_on", start, "ends_on", end, "pass_min", "70", NULL }, &m),
	    SEL_EPERM);
	assert_int_equal(fx_events(f), ev);
	assert_int_equal(plan_of(f, "paper")->pass_min, -1);
	assert_int_equal(stage_put(f, &sek, (const char *[]){ "stage", "paper",
	    "starts_on", start, "ends_on", end, "pass_min", "72,5", "pass_best",
	    "3", "place", "Aula BKPSDM Demak", "time_text", "08.00-12.00 WIB",
	    NULL }, &m), SEL_OK);
	assert_int_equal(fx_events(f), ev + 1);
	p = plan_of(f, "paper");
	assert_int_equal(p->pass_min, 7250);
	assert_int_equal(p->pass_best, 3);
	assert_string_equal(t_cstr(f->ar, p->place), "Aula BKPSDM Demak");
	assert_string_equal(t_cstr(f->ar, p->time_text), "08.00-12.00 WIB");
	assert_int_equal(count(f, "SELECT count(*) FROM event WHERE action = "
	    "'stage_put' AND after LIKE '%\"pass_min\":\"72,5\"%' AND "
	    "after LIKE '%\"place\":\"Aula BKPSDM Demak\"%'"), 1);
	/* Saving the dates again without the fields clears them. */
	assert_int_equal(stage_put(f, &sek, (const char *[]){ "stage", "paper",
	    "starts_on", start, "ends_on", end, NULL }, &m), SEL_OK);
	assert_int_equal(plan_of(f, "paper")->pass_min, -1);
}

static void
place_paper(struct fx *f)
{
	struct who sek;
	struct app_msg m;
	const struct s_stage_plan *p = plan_of(f, "paper");

	fx_as(f, "sekretariat", &sek);
	assert_int_equal(stage_put(f, &sek, (const char *[]){ "stage", "paper",
	    "starts_on", t_cstr(f->ar, p->starts_on), "ends_on",
	    t_cstr(f->ar, p->ends_on), "place", "Aula BKPSDM Demak",
	    "time_text", "08.00-12.00 WIB", NULL }, &m), SEL_OK);
}

static void
stg_paper_invitations_once_per_candidate(void **state)
{
	struct fx *f = *state;
	struct who sek, ang, ketua, pel;
	struct stage_view v;
	struct s_my_stage *mine;
	struct app_msg m;
	size_t n;
	int sent = -1;
	int64_t ev, mails;

	fx_as(f, "sekretariat", &sek);
	fx_as(f, "anggota", &ang);
	fx_as(f, "ketua", &ketua);
	seed_adm(f);
	/* The plan has no place yet: no invitation can say where. */
	assert_int_equal(app_stage_invite(f->app, f->ar, &sek, 2, FL_PAPER,
	    &sent, &m), SEL_ESTATE);
	assert_non_null(strstr(m.text, "tempat atau tautan"));
	exec_sql(f, "UPDATE selection_stage SET place = 'Aula BKPSDM Demak', "
	    "time_text = '08.00-12.00 WIB' WHERE selection_id = 2 AND "
	    "stage = 'paper'");
	mails = count(f, "SELECT count(*) FROM outbox");
	ev = fx_events(f);
	assert_int_equal(app_stage_invite(f->app, f->ar, &ang, 2, FL_PAPER,
	    &sent, &m), SEL_EPERM);
	assert_int_equal(sent, 0);
	/* Not the current stage: the interview comes later. */
	assert_int_equal(app_stage_invite(f->app, f->ar, &sek, 2, FL_INTERVIEW,
	    &sent, &m), SEL_ESTATE);
	assert_int_equal(count(f, "SELECT count(*) FROM outbox"), mails);
	assert_int_equal(fx_events(f), ev);
	assert_int_equal(app_stage_invite(f->app, f->ar, &sek, 2, FL_PAPER,
	    &sent, &m), SEL_OK);
	assert_int_equal(sent, 2);
	assert_int_equal(count(f, "SELECT count(*) FROM outbox"), mails + 2);
	assert_int_equal(count(f, "SELECT count(*) FROM outbox WHERE to_addr = "
	    "'siti@example.org' AND body LIKE '%Tempat: Aula BKPSDM Demak%' "
	    "AND body LIKE '%Waktu: 08.00-12.00 WIB%'"), 1);
	assert_int_equal(fx_events(f), ev + 1);
	/* Again: nobody is mailed twice. */
	assert_int_equal(app_stage_invite(f->app, f->ar, &ketua, 2, FL_PAPER,
	    &sent, &m), SEL_ESTATE);
	assert_int_equal(count(f, "SELECT count(*) FROM outbox"), mails + 2);
	assert_int_equal(app_stage_view(f->app, f->ar, &sek, 2, FL_PAPER, &v),
	    SEL_OK);
	assert_int_equal(v.nc, 2);
	assert_int_equal(v.uninvited, 0);
	assert_true(v.c[0].invited_at.len > 0);
	fx_as(f, "pelamar", &pel);
	assert_int_equal(app_my_stages(f->app, f->ar, &pel, &mine, &n), SEL_OK);
	assert_int_equal(n, 1);
	assert_string_equal(t_cstr(f->ar, mine[0].place), "Aula BKPSDM Demak");
	assert_false(mine[0].absent);
}

static void
stage_absent_is_withdrawn_from_the_stage(void **state)
{
	struct fx *f = *state;
	struct who sek, nar, pel, ketua;
	struct stage_view v;
	struct s_my_stage *mine;
	struct app_msg m;
	size_t n;
	int64_t id, ev;

	fx_as(f, "sekretariat", &sek);
	fx_as(f, "narasumber", &nar);
	fx_as(f, "ketua", &ketua);
	place_paper(f);
	seed_adm(f);
	id = count(f, "SELECT x.id FROM application x JOIN account a ON "
	    "a.id = x.account_id WHERE a.login = 'pelamar'");
	ev = fx_events(f);
	assert_int_equal(app_stage_absent(f->app, f->ar, &nar, 2, FL_PAPER, id,
	    STR("Tidak hadir."), &m), SEL_EPERM);
	assert_int_equal(app_stage_absent(f->app, f->ar, &sek, 2, FL_PAPER, id,
	    STR("Ha"), &m), SEL_EINVAL);
	assert_string_equal(app_msg_field(&m), "note");
	assert_int_equal(app_stage_absent(f->app, f->ar, &sek, 2, FL_PAPER,
	    999999, STR("Tidak hadir."), &m), SEL_ENOENT);
	assert_int_equal(app_stage_absent(f->app, f->ar, &sek, 2, FL_TRACK, id,
	    STR("Tidak hadir."), &m), SEL_ESTATE);
	assert_int_equal(fx_events(f), ev);
	assert_int_equal(count(f, "SELECT count(*) FROM stage_absence"), 0);
	assert_int_equal(app_stage_absent(f->app, f->ar, &ketua, 2, FL_PAPER,
	    id, STR("Tidak hadir tanpa keterangan."), &m), SEL_OK);
	assert_int_equal(fx_events(f), ev + 1);
	assert_int_equal(app_stage_absent(f->app, f->ar, &sek, 2, FL_PAPER, id,
	    STR("Tidak hadir lagi."), &m), SEL_ESTATE);
	assert_int_equal(app_stage_view(f->app, f->ar, &sek, 2, FL_PAPER, &v),
	    SEL_OK);
	for (size_t i = 0; i < v.nc; i++)
		assert_true(v.c[i].absent == (v.c[i].a.id == id));
	assert_int_equal(v.uninvited, 1);	/* the absent one is not */
	fx_as(f, "pelamar", &pel);
	assert_int_equal(app_my_stages(f->app, f->ar, &pel, &mine, &n), SEL_OK);
	assert_int_equal(n, 1);
	assert_true(mine[0].absent);
	assert_string_equal(t_cstr(f->ar, mine[0].stage), "paper");
}

/* The assessor and the resource person: their stage only, least data. */
static void
stg_interview_resource_person_reads_without_scoring(void **state)
{
	struct fx *f = *state;
	struct who as, nar, ang;
	struct stage_view v;
	struct app_msg m;
	int sent = 0;

	fx_as(f, "asesor", &as);
	fx_as(f, "narasumber", &nar);
	fx_as(f, "anggota", &ang);
	place_paper(f);
	seed_adm(f);
	assert_int_equal(app_stage_view(f->app, f->ar, &as, 2, FL_ASSESS, &v),
	    SEL_OK);
	assert_false(v.full);
	assert_false(v.may_run);
	assert_int_equal(v.nc, 2);
	assert_int_equal(v.c[0].invited_at.len, 0);
	assert_int_equal(app_stage_view(f->app, f->ar, &as, 2, FL_PAPER, &v),
	    SEL_EPERM);
	assert_int_equal(app_stage_view(f->app, f->ar, &as, 2, FL_INTERVIEW,
	    &v), SEL_EPERM);
	assert_int_equal(app_stage_view(f->app, f->ar, &nar, 2, FL_INTERVIEW,
	    &v), SEL_OK);
	assert_false(v.full);
	assert_false(v.may_track);
	assert_int_equal(app_stage_view(f->app, f->ar, &nar, 2, FL_ASSESS, &v),
	    SEL_EPERM);
	assert_int_equal(app_stage_view(f->app, f->ar, &nar, 2, FL_TRACK, &v),
	    SEL_EPERM);
	assert_int_equal(app_stage_invite(f->app, f->ar, &as, 2, FL_PAPER,
	    &sent, &m), SEL_EPERM);
	/* Neither may score: the table (the score part's use case). */
	assert_false(perm_role_may(ROLE_NARASUMBER, ACT_SCORE_ENTER));
	assert_false(perm_role_may(ROLE_NARASUMBER, ACT_SEL_VIEW));
	assert_false(perm_role_may(ROLE_ASSESSOR, ACT_SEL_VIEW));
	assert_false(perm_role_may(ROLE_ASSESSOR, ACT_TRACK_READ));
	assert_false(perm_role_may(ROLE_SECRETARIAT, ACT_TRACK_READ));
	assert_true(perm_role_may(ROLE_OVERSIGHT, ACT_TRACK_READ));
	/* The dashboard's lists. */
	{
		struct stage_work *w;
		size_t n = 0;

		assert_int_equal(app_stage_work(f->app, f->ar, &as,
		    ROLE_ASSESSOR, &w, &n), SEL_OK);
		assert_int_equal(n, 2);
		assert_int_equal(app_stage_work(f->app, f->ar, &ang,
		    ROLE_ASSESSOR, &w, &n), SEL_OK);
		assert_int_equal(n, 0);
		assert_int_equal(app_stage_work(f->app, f->ar, &nar,
		    ROLE_NARASUMBER, &w, &n), SEL_OK);
		assert_int_equal(n, 2);
	}
}

static void
stg_track_instrument_and_notes_confidential(void **state)
{
	struct fx *f = *state;
	struct who sek, ang, pen;
	struct stage_view v;
	struct app_msg m;
	const char *field;
	struct form good = fx_form(f->ar, (const char *[]){ "c_name_1",
	    "Integritas", "c_weight_1", "60", "c_name_2", "Rekam jejak jabatan",
	    "c_weight_2", "40", NULL });
	struct form bad = fx_form(f->ar, (const char *[]){ "c_name_1",
	    "Integritas", "c_weight_1", "60", "c_name_2", "Rekam jejak jabatan",
	    "c_weight_2", "30", NULL });
	int64_t id, ev;

	fx_as(f, "sekretariat", &sek);
	fx_as(f, "anggota", &ang);
	fx_as(f, "pengawas", &pen);
	place_paper(f);
	seed_adm(f);
	ev = fx_events(f);
	assert_int_equal(app_track_instrument(f->app, f->ar, &sek, 2, &good, &m,
	    &field), SEL_EPERM);
	assert_int_equal(app_track_instrument(f->app, f->ar, &ang, 2, &bad, &m,
	    &field), SEL_EINVAL);
	assert_string_equal(field, "c_weight_1");
	assert_int_equal(fx_events(f), ev);
	assert_int_equal(count(f, "SELECT count(*) FROM track_criterion"), 0);
	assert_int_equal(app_track_instrument(f->app, f->ar, &ang, 2, &good, &m,
	    &field), SEL_OK);
	assert_int_equal(count(f, "SELECT sum(weight) FROM track_criterion"),
	    100);
	id = count(f, "SELECT min(id) FROM application WHERE selection_id = 2");
	assert_int_equal(app_track_inquiry(f->app, f->ar, &ang, 2, id,
	    STR("tetangga"), STR("Catatan."), &m, &field), SEL_EINVAL);
	assert_string_equal(field, "source");
	assert_int_equal(app_track_inquiry(f->app, f->ar, &sek, 2, id,
	    STR("atasan"), STR("Catatan atasan."), &m, &field), SEL_EPERM);
	assert_int_equal(app_track_inquiry(f->app, f->ar, &ang, 2, id,
	    STR("bawahan"), STR("Bawahan menilai terbuka."), &m, &field),
	    SEL_OK);
	assert_int_equal(fx_events(f), ev + 2);
	/* The secretariat sees the stage, not the track record. */
	assert_int_equal(app_stage_view(f->app, f->ar, &sek, 2, FL_TRACK, &v),
	    SEL_OK);
	assert_int_equal(v.ncrit, 0);
	assert_int_equal(v.nnotes, 0);
	assert_int_equal(app_stage_view(f->app, f->ar, &pen, 2, FL_TRACK, &v),
	    SEL_OK);
	assert_int_equal(v.ncrit, 2);
	assert_int_equal(v.nnotes, 1);
	assert_string_equal(t_cstr(f->ar, v.notes[0].source), "bawahan");
}

static void
stg_interview_material_per_post(void **state)
{
	struct fx *f = *state;
	struct who sek, ketua, nar;
	struct stage_view v;
	struct app_msg m;
	int64_t vac = 0;

	fx_as(f, "sekretariat", &sek);
	fx_as(f, "ketua", &ketua);
	fx_as(f, "narasumber", &nar);
	vac = count(f, "SELECT min(id) FROM vacancy WHERE selection_id = 2");
	assert_int_equal(app_stage_material(f->app, f->ar, &sek, 2, vac,
	    STR("Materi wawancara terstandar."), &m), SEL_EPERM);
	assert_int_equal(app_stage_material(f->app, f->ar, &ketua, 2, vac,
	    STR("Pendek"), &m), SEL_EINVAL);
	assert_int_equal(app_stage_material(f->app, f->ar, &ketua, 2, 999999,
	    STR("Materi wawancara terstandar."), &m), SEL_ENOENT);
	assert_int_equal(app_stage_material(f->app, f->ar, &ketua, 2, vac,
	    STR("Materi wawancara terstandar."), &m), SEL_OK);
	assert_int_equal(app_stage_view(f->app, f->ar, &nar, 2, FL_INTERVIEW,
	    &v), SEL_OK);
	assert_int_equal(v.nmat, 1);
	assert_string_equal(t_cstr(f->ar, v.mat[0].body),
	    "Materi wawancara terstandar.");
}

int
main(void)
{
	const struct CMUnitTest app_tests[] = {
		FX_TEST(stage_plan_form_through_the_application),
		RULE_TEST("STG-PAPER",
		    stg_paper_invitations_once_per_candidate),
		FX_TEST(stage_absent_is_withdrawn_from_the_stage),
		RULE_TEST("STG-INTERVIEW",
		    stg_interview_resource_person_reads_without_scoring),
		RULE_TEST("STG-TRACK",
		    stg_track_instrument_and_notes_confidential),
		RULE_TEST("STG-INTERVIEW", stg_interview_material_per_post),
	};

	return cmocka_run_group_tests_name("app", app_tests, NULL, NULL);
}
