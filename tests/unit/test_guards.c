/*
 * test_guards.c - the guards of issue 10 item 5 through the application
 * layer, on the demo data (t_app.c's fixture, clock 2026-11-23 10:00 WIB):
 * the override of a pass the core does not find ready, kept and in the
 * trail; dates refused for sense (stages, recommendation, the window at
 * signing, the TMT CPNS), each refusal changing nothing.
 */
#include <stdio.h>
#include <string.h>


#include "t_app.h"
#include "store/store.h"
#include "base/banned.h"

/* Ratna's record: no penalties, examination or appraisals (missing). */
#define RECORD "{\"nip\": \"197407072000032005\", \"name\": \"Ratna Sari\", " \
	"\"birth_date\": \"1974-07-07\", \"employment\": \"pns\", " \
	"\"agency\": {\"name\": \"Pemerintah Kabupaten Demak\", \"kind\": " \
	"\"regency\", \"province\": \"Jawa Tengah\"}, \"grade\": \"IV/a\", " \
	"\"education\": [{\"level\": \"S2\", \"major\": \"Kesehatan\"}], " \
	"\"posts\": [{\"title\": \"Sekretaris Dinas\", \"kind\": " \
	"\"structural\", \"echelon\": \"III.a\", \"fields\": [\"kesehatan\"], " \
	"\"start\": \"2015-01-02\", \"end\": null}]}"

#define CLOSED	((int64_t)t_date("2026-12-12") * 86400 + 17 * 3600)

/* One column of the newest event of an action, "" when none. */
static const char *
last_event(struct fx *f, const char *action, const char *col)
{
	char sql[200];
	const char *out;

	snprintf(sql, sizeof sql, "SELECT %s FROM event WHERE action = '%s' "
	    "ORDER BY id DESC LIMIT 1", col, action);
	out = fx_sql_text(f, sql);
	return out != NULL ? out : "";
}

static const struct s_adm *
adm_row(struct fx *f, const struct who *w, int64_t id)
{
	struct adm_view v;

	assert_int_equal(app_adm_view(f->app, f->ar, w, 1, &v), SEL_OK);
	for (size_t i = 0; i < v.nrows; i++)
		if (v.rows[i].a.id == id)
			return &v.rows[i];
	fail();
	return NULL;
}

static void
adm_complete_override_kept_and_in_the_trail(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct who w, sec, member;
	const struct s_adm *x;
	int64_t id, before;

	fx_ratna(f, &w);
	assert_int_equal(app_record_set(f->app, f->ar, &w, STR(RECORD), &m),
	    SEL_OK);
	assert_int_equal(app_apply(f->app, f->ar, &w, 1, &id, &m), SEL_OK);
	f->app->fixed_now = CLOSED;
	fx_as(f, "sekretariat", &sec);
	fx_as(f, "anggota", &member);
	assert_int_equal(app_adm_check(f->app, f->ar, &sec, 1, id, false,
	    STR("Ijazah tidak dilampirkan."), &m), SEL_OK);
	before = fx_events(f);
	/* Without the statement: refused, naming the field and the rules. */
	assert_int_equal(app_adm_decide_ov(f->app, f->ar, &member, 1, id,
	    true, STR("Memenuhi syarat."), false, STR("Alasan panjang."), &m),
	    SEL_EINVAL);
	assert_non_null(strstr(m.text, "Saya meluluskan pelamar ini"));
	assert_non_null(strstr(m.text, "ELIG-DISCIPLINE"));
	assert_non_null(strstr(m.text, "ADM-COMPLETE"));
	/* Ticked without a reason. */
	assert_int_equal(app_adm_decide_ov(f->app, f->ar, &member, 1, id,
	    true, STR("Memenuhi syarat."), true, STR("  "), &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "Alasan meluluskan"));
	assert_int_equal(fx_events(f), before);
	x = adm_row(f, &member, id);
	assert_int_equal(x->passed, -1);
	assert_int_equal(x->ov_rules.len, 0);
	/* With both: kept, and in the trail with the rules overridden. */
	assert_int_equal(app_adm_decide_ov(f->app, f->ar, &member, 1, id,
	    true, STR("Memenuhi syarat."), true, STR("Ijazah asli sudah "
	    "diperlihatkan kepada panitia."), &m), SEL_OK);
	assert_int_equal(fx_events(f), before + 1);
	x = adm_row(f, &member, id);
	assert_int_equal(x->passed, 1);
	assert_non_null(strstr(x->ov_rules.p, "ELIG-DISCIPLINE"));
	assert_non_null(strstr(x->ov_rules.p, "ADM-COMPLETE"));
	assert_true(str_eq(x->ov_by, member.name));
	assert_true(str_eqc(x->ov_reason, "Ijazah asli sudah diperlihatkan "
	    "kepada panitia."));
	assert_true(x->ov_at.len > 0);
	assert_non_null(strstr(last_event(f, "adm_decide", "after"),
	    "\"override\":"));
	assert_non_null(strstr(last_event(f, "adm_decide", "rules"),
	    "\"ELIG-DISCIPLINE\""));
	assert_non_null(strstr(last_event(f, "adm_decide", "rules"),
	    "Ijazah tidak dilampirkan."));
	/* Failed afterwards: the override goes, the trail keeps it. */
	assert_int_equal(app_adm_decide(f->app, f->ar, &member, 1, id, false,
	    STR("Tidak memenuhi syarat."), &m), SEL_OK);
	x = adm_row(f, &member, id);
	assert_int_equal(x->ov_rules.len, 0);
	assert_non_null(strstr(last_event(f, "adm_decide", "before"),
	    "ADM-COMPLETE"));
}

static void
adm_complete_pass_of_eligible_needs_no_override(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct who w, sec, member;
	const struct s_adm *x;
	int64_t id;

	fx_as(f, "pelamar", &w);		/* the demo's eligible record */
	assert_int_equal(app_apply(f->app, f->ar, &w, 1, &id, &m), SEL_OK);
	f->app->fixed_now = CLOSED;
	fx_as(f, "sekretariat", &sec);
	fx_as(f, "anggota", &member);
	assert_int_equal(app_adm_check(f->app, f->ar, &sec, 1, id, true,
	    STR(""), &m), SEL_OK);
	assert_int_equal(app_adm_decide(f->app, f->ar, &member, 1, id, true,
	    STR("Memenuhi syarat."), &m), SEL_OK);
	x = adm_row(f, &member, id);
	assert_int_equal(x->passed, 1);
	assert_int_equal(x->ov_rules.len, 0);
	assert_null(strstr(last_event(f, "adm_decide", "after"),
	    "override"));
}

/* Every staff role of the demo, logged in once (a login is an event). */
static struct who sec, pengawas, ketua;

static void
staff(struct fx *f)
{
	fx_as(f, "sekretariat", &sec);
	fx_as(f, "pengawas", &pengawas);
	fx_as(f, "ketua", &ketua);
}

static enum sel_err
prep(struct fx *f, const struct who *w, int64_t sel, enum prep_op op,
    const char *const *kv, struct app_msg *m)
{
	struct form fm = fx_form(f->ar, kv);

	return app_prep(f->app, f->ar, w, sel, op, &fm, m);
}

/* Selection 2 (not published): window 2026-11-26 .. 2026-12-15. */
static void
vac_plan_stage_dates_for_sense(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	int64_t before;

	staff(f);
	before = fx_events(f);

	assert_int_equal(prep(f, &sec, 2, OP_STAGE_PUT,
	    (const char *[]){ "stage", "paper", "starts_on", "1900-01-01",
	    "ends_on", "1900-01-02", NULL }, &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "Penulisan makalah"));
	assert_non_null(strstr(m.text, "VAC-PLAN"));
	/* On the closing day: the stages follow registration. */
	assert_int_equal(prep(f, &sec, 2, OP_STAGE_PUT,
	    (const char *[]){ "stage", "paper", "starts_on", "2026-12-15",
	    "ends_on", "2026-12-16", NULL }, &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "batas akhir pendaftaran"));
	/* Before the administrative selection (12-18 .. 12-19) ends. */
	assert_int_equal(prep(f, &sec, 2, OP_STAGE_PUT,
	    (const char *[]){ "stage", "paper", "starts_on", "2026-12-18",
	    "ends_on", "2026-12-20", NULL }, &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "Seleksi administrasi"));
	/* After the final result (2027-01-06) starts. */
	assert_int_equal(prep(f, &sec, 2, OP_STAGE_PUT,
	    (const char *[]){ "stage", "paper", "starts_on", "2026-12-20",
	    "ends_on", "2027-01-07", NULL }, &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "Pengumuman hasil akhir"));
	assert_int_equal(prep(f, &sec, 2, OP_STAGE_PUT,
	    (const char *[]){ "stage", "paper", "starts_on", "2028-12-20",
	    "ends_on", "2028-12-21", NULL }, &m), SEL_EINVAL);
	assert_int_equal(fx_events(f), before);
	/* The day administrative selection ends: accepted. */
	assert_int_equal(prep(f, &sec, 2, OP_STAGE_PUT,
	    (const char *[]){ "stage", "paper", "starts_on", "2026-12-19",
	    "ends_on", "2026-12-21", NULL }, &m), SEL_OK);
	assert_int_equal(fx_events(f), before + 1);
}

/* Selection 2's plan was sent on 2026-10-24 (the demo: today - 30). */
static void
vac_plan_recommendation_not_before_sending(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	int64_t before;

	staff(f);
	before = fx_events(f);

	assert_int_equal(prep(f, &pengawas, 2, OP_RECOMMENDATION,
	    (const char *[]){ "date", "2026-10-23", "ref", "B-1", "text",
	    "Dapat dilanjutkan.", NULL }, &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "sebelum rencana dikirim"));
	assert_non_null(strstr(m.text, "VAC-PLAN"));
	/* The plan re-dated after its recommendation (2026-11-03). */
	assert_int_equal(prep(f, &sec, 2, OP_PLAN_SENT,
	    (const char *[]){ "date", "2026-11-04", "ref", "800/1", NULL },
	    &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "VAC-PLAN"));
	assert_int_equal(fx_events(f), before);
	assert_int_equal(prep(f, &pengawas, 2, OP_RECOMMENDATION,
	    (const char *[]){ "date", "2026-10-24", "ref", "B-1", "text",
	    "Dapat dilanjutkan.", NULL }, &m), SEL_OK);
}

/* The window saved after the schedule (stages from 2026-12-18). */
static void
vac_plan_window_saved_before_the_stages(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	int64_t before;

	staff(f);
	before = fx_events(f);
	assert_int_equal(prep(f, &sec, 2, OP_ANNOUNCEMENT, (const char *[]){
	    "number", "800/1", "open", "2026-12-01", "close", "2026-12-18",
	    NULL }, &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "Seleksi administrasi"));
	assert_non_null(strstr(m.text, "VAC-PLAN"));
	/* Wholly in the past (today is 2026-11-23). */
	assert_int_equal(prep(f, &sec, 2, OP_ANNOUNCEMENT, (const char *[]){
	    "number", "800/1", "open", "2026-11-01", "close", "2026-11-22",
	    NULL }, &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "ANN-DURATION"));
	assert_int_equal(fx_events(f), before);
	assert_int_equal(prep(f, &sec, 2, OP_ANNOUNCEMENT, (const char *[]){
	    "number", "800/1", "open", "2026-12-01", "close", "2026-12-17",
	    NULL }, &m), SEL_OK);
}

static void
ann_duration_window_in_the_past_at_signing(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	int64_t before;

	staff(f);
	before = fx_events(f);
	const char *const sign[] = { "confirm", "1", NULL };

	before = fx_events(f);
	/* The day after the closing date: wholly in the past. */
	f->app->fixed_now = (int64_t)t_date("2026-12-16") * 86400;
	assert_int_equal(prep(f, &ketua, 2, OP_PUBLISH, sign, &m),
	    SEL_ESTATE);
	assert_non_null(strstr(m.text, "Batas akhir pendaftaran"));
	assert_non_null(strstr(m.text, "ANN-DURATION"));
	/* The day after the opening: partly. */
	f->app->fixed_now = (int64_t)t_date("2026-11-27") * 86400;
	assert_int_equal(prep(f, &ketua, 2, OP_PUBLISH, sign, &m),
	    SEL_ESTATE);
	assert_non_null(strstr(m.text, "Tanggal pengumuman"));
	assert_int_equal(fx_events(f), before);
	/* The opening day itself. */
	f->app->fixed_now = (int64_t)t_date("2026-11-26") * 86400;
	assert_int_equal(prep(f, &ketua, 2, OP_PUBLISH, sign, &m), SEL_OK);
}

static void
tmt_cpns_18_years_after_birth_at_registration(void **state)
{
	struct fx *f = *state;
	struct reg_in in = { STR("200003022018031001"), STR("Muda"),
	    STR("2000-03-02"), STR("2018-03"), STR("muda@example.org"),
	    STR("rahasia-muda"), STR("rahasia-muda"),
	    STR("") };
	struct app_msg m;
	int64_t id;

	/* A day short of 18 on the TMT (1 March 2018). */
	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m),
	    SEL_EINVAL);
	assert_non_null(strstr(m.text, "TMT CPNS"));
	assert_non_null(strstr(m.text, "PP 11/2017 Pasal 23"));
	assert_false(app_is_applicant(f->app, in.nip));
	/* 18 on the TMT's day. */
	in.nip = STR("200003012018031001");
	in.birth_date = STR("2000-03-01");
	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m), SEL_OK);
	assert_true(app_is_applicant(f->app, in.nip));
	/* The CPNS at 5. */
	in.nip = STR("199805102003061001");
	in.birth_date = STR("1998-05-10");
	in.tmt = STR("2003-06");
	in.email = STR("lima@example.org");
	assert_int_equal(app_register(f->app, f->ar, &in, &id, &m),
	    SEL_EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("ADM-COMPLETE",
		    adm_complete_override_kept_and_in_the_trail),
		RULE_TEST("ADM-COMPLETE",
		    adm_complete_pass_of_eligible_needs_no_override),
		RULE_TEST("VAC-PLAN", vac_plan_stage_dates_for_sense),
		RULE_TEST("VAC-PLAN",
		    vac_plan_recommendation_not_before_sending),
		RULE_TEST("VAC-PLAN", vac_plan_window_saved_before_the_stages),
		RULE_TEST("ANN-DURATION",
		    ann_duration_window_in_the_past_at_signing),
		FX_TEST(tmt_cpns_18_years_after_birth_at_registration),
	};

	return cmocka_run_group_tests_name("guards", tests, NULL, NULL);
}
