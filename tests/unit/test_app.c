/*
 * test_app.c - the application layer on a real SQLite store: the role
 * table (each role x each action), grants scoped to a region and a
 * selection, logins with throttling, sessions, form tokens, password
 * change, the audit chain and its verification, and the preparation's
 * write path (refused actions change nothing).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


#include "t.h"
#include "app/app.h"
#include "t_app.h"
#include "t_pg.h"
#include "base/banned.h"

/* The role table, written out: any change to perm.c must change this. */
static void
permission_table_each_role_each_action(void **state)
{
	static const char *const want[ACT__N] = {
		/* sec chair mem ass nara pyb ppk over app */
		[ACT_ADMIN] =			"000000000",
		[ACT_SEL_CREATE] =		"100000000",
		[ACT_SEL_VIEW] =		"111001110",
		[ACT_VACANCY_EDIT] =		"100000000",
		[ACT_PLAN_EDIT] =		"100000000",
		[ACT_PLAN_SEND] =		"100000000",
		[ACT_RECOMMEND] =		"100000010",
		[ACT_CONSULT] =			"100000000",
		[ACT_COMMITTEE_EDIT] =		"100000000",
		[ACT_COMMITTEE_CONFIRM] =	"000000100",
		[ACT_ANN_EDIT] =		"100000000",
		[ACT_ANN_PUBLISH] =		"010000000",
		[ACT_AUDIT_VIEW] =		"011000010",
		[ACT_STAGE_DECIDE] =		"011000000",
		[ACT_SCORE_ENTER] =		"011100000",
		[ACT_APPOINT_CHOOSE] =		"000000100",
		[ACT_ADM_CHECK] =		"111000000",
		[ACT_CLARIFY] =			"111000000",
		[ACT_RESULT_PUBLISH] =		"010000000",
		[ACT_EXTEND] =			"010000000",
		[ACT_COMPLAINT_VIEW] =		"010000010",
		[ACT_COMPLAINT_ANSWER] =	"010000010",
		[ACT_INVITE] =			"000000100",
		[ACT_REG_CLOSE] =		"100000000",
		[ACT_PRAC_APPROVAL] =		"100000010",
		[ACT_PRAC_MINISTER] =		"100000000",
		/* stage part (issue 12 item 1) */
		[ACT_STAGE_RUN] =		"110000000",
		[ACT_STAGE_COMMITTEE] =		"011000000",
		[ACT_TRACK_READ] =		"011000010",
		[ACT_STAGE_ASSESSOR] =		"000100000",
		[ACT_STAGE_NARASUMBER] =	"000010000",
		/* reuse (issue 12 item 4) */
		[ACT_REUSE_RECORD] =		"100000000",
		[ACT_REUSE_APPLY] =		"110000000",
		/* export (issue 12 item 5) */
		[ACT_EXPORT] =			"011000010",
		[ACT_EXPORT_RANKING] =		"011001110",
		/* result: the confidential ranking */
		[ACT_RANKING_VIEW] =		"011001110",
		/* ---- dashboard ---- (issue 14 item 6) */
		[ACT_DASHBOARD] =		"100001110",
		/* ---- end dashboard ---- */
		/* ---- tenure ---- */
		[ACT_TENURE_VIEW] =		"100000110",
		[ACT_TENURE_RECORD] =		"100000000",
		[ACT_TENURE_DECIDE] =		"000000100",
		/* ---- end tenure ---- */
		/* ---- archive ---- (issue 13 item 5) */
		[ACT_ARCHIVE_EXPORT] =		"100000010",
		/* ---- end archive ---- */
	};

	(void)state;
	for (int a = 0; a < ACT__N; a++)
		for (int r = 0; r < ROLE__N; r++) {
			bool w = want[a][r] == '1';

			if (perm_role_may((enum role)r, (enum act)a) != w)
				fail_msg("%s may %s: want %d", role_name(
				    (enum role)r), act_name((enum act)a), w);
		}
}

/*
 * The workflow's table (core/flow.c) and the permission table agree:
 * whoever the table names for a transition is exactly who may take the
 * action that carries it out, cell by cell.
 */
static void
permission_flow_table_agrees(void **state)
{
	(void)state;
	for (int t = 0; t < FT__N; t++) {
		enum act a = app_flow_act((enum flow_tr)t);

		if (flow_table[t].by_clock) {
			assert_int_equal(a, ACT__N);
			continue;
		}
		assert_true(a < ACT__N);
		for (int r = 0; r < ROLE__N; r++)
			if (perm_role_may((enum role)r, a) !=
			    flow_role_may((enum flow_tr)t, (enum role)r))
				fail_msg("%s by %s: table %d, permission %d",
				    flow_table[t].name, role_name((enum role)r),
				    flow_role_may((enum flow_tr)t,
				    (enum role)r), perm_role_may((enum role)r,
				    a));
	}
}

/* Separation of duties: admin and secretariat never score or decide. */
static void
permission_separation_of_duties(void **state)
{
	(void)state;
	assert_false(perm_role_may(ROLE_SECRETARIAT, ACT_SCORE_ENTER));
	assert_false(perm_role_may(ROLE_SECRETARIAT, ACT_STAGE_DECIDE));
	assert_false(perm_role_may(ROLE_SECRETARIAT, ACT_ANN_PUBLISH));
	assert_false(perm_role_may(ROLE_NARASUMBER, ACT_SCORE_ENTER));
	for (int r = 0; r < ROLE__N; r++)
		if (r != ROLE_PPK)
			assert_false(perm_role_may((enum role)r,
			    ACT_APPOINT_CHOOSE));
}

static void
permission_grants_are_scoped(void **state)
{
	struct s_grant g[2] = {
		{ 1, 7, 1, 2, ROLE_CHAIR, STR("x"), STR("demak") },
		{ 2, 7, 3, 0, ROLE_SECRETARIAT, STR("x"), STR("other") },
	};
	struct who w = { 7, STR("x"), STR("X"), false, g, 2, STR(""), {0} };
	struct who pub = { 0 };

	(void)state;
	assert_true(app_may(&w, ACT_ANN_PUBLISH, 1, 2));
	assert_false(app_may(&w, ACT_ANN_PUBLISH, 1, 3));	/* other sel */
	assert_false(app_may(&w, ACT_ANN_PUBLISH, 3, 2));	/* other region */
	assert_true(app_may(&w, ACT_VACANCY_EDIT, 3, 99));	/* region-wide */
	assert_true(app_may(&w, ACT_SEL_CREATE, 3, 0));
	assert_false(app_may(&w, ACT_SEL_CREATE, 1, 0));
	assert_false(app_may(&w, ACT_ADMIN, 0, 0));
	w.admin = true;
	assert_true(app_may(&w, ACT_ADMIN, 0, 0));
	assert_false(app_may(&pub, ACT_SEL_VIEW, 1, 2));
}

static void
login_and_session(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct str tok;
	struct who w;

	assert_int_equal(app_login(f->app, f->ar, STR("ketua"),
	    STR("demo-selter"), STR("10.0.0.1"), &tok, &m), SEL_OK);
	assert_int_equal(tok.len, APP_TOKEN_LEN);
	assert_int_equal(app_session(f->app, f->ar, tok, &w), SEL_OK);
	assert_true(str_eqc(w.login, "ketua"));
	assert_int_equal(w.csrf.len, APP_TOKEN_LEN);
	assert_true(w.ngrants > 0);
	/* A token one character off opens nothing. */
	char *bad = t_cstr(f->ar, tok);
	bad[0] = bad[0] == 'A' ? 'B' : 'A';
	assert_int_equal(app_session(f->app, f->ar, str_c(bad), &w),
	    SEL_ENOENT);
	assert_int_equal(w.account_id, 0);
	/* The session expires after session_hours. */
	f->app->fixed_now += 8 * 3600 + 1;
	assert_int_equal(app_session(f->app, f->ar, tok, &w), SEL_ENOENT);
}

static void
login_wrong_password_and_unknown_user(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct str tok;

	assert_int_equal(app_login(f->app, f->ar, STR("ketua"),
	    STR("salah-salah"), STR("10.0.0.2"), &tok, &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "salah"));
	assert_int_equal(app_login(f->app, f->ar, STR("tidak-ada"),
	    STR("demo-selter"), STR("10.0.0.2"), &tok, &m), SEL_EINVAL);
}

/*
 * 5 failures in 15 minutes lock the login from that address, not from
 * another one; the 16th minute unlocks.
 */
static void
login_throttled_after_five_failures(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct str tok;

	for (int i = 0; i < APP_FAIL_MAX; i++)
		assert_int_equal(app_login(f->app, f->ar, STR("anggota"),
		    STR("bukan-sandi"), STR("10.0.0.3"), &tok, &m),
		    SEL_EINVAL);
	assert_int_equal(app_login(f->app, f->ar, STR("anggota"),
	    STR("demo-selter"), STR("10.0.0.3"), &tok, &m), SEL_EBUSY);
	/* Five failures lock the pair, not the name, not yet the address. */
	assert_int_equal(app_login(f->app, f->ar, STR("ketua"),
	    STR("demo-selter"), STR("10.0.0.3"), &tok, &m), SEL_OK);
	f->app->fixed_now += 15 * 60 - 1;
	assert_int_equal(app_login(f->app, f->ar, STR("anggota"),
	    STR("demo-selter"), STR("10.0.0.3"), &tok, &m), SEL_EBUSY);
	f->app->fixed_now += 2;
	assert_int_equal(app_login(f->app, f->ar, STR("anggota"),
	    STR("demo-selter"), STR("10.0.0.3"), &tok, &m), SEL_OK);
}

/* One address: APP_FAIL_MAX_IP failures over any names lock it. */
static void
login_throttled_per_address(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct str tok;

	for (int i = 0; i < APP_FAIL_MAX_IP; i++) {
		char name[32];

		snprintf(name, sizeof name, "tamu%d", i % 7);
		assert_int_equal(app_login(f->app, f->ar, str_c(name),
		    STR("bukan-sandi"), STR("10.0.0.9"), &tok, &m), SEL_EINVAL);
	}
	assert_int_equal(app_login(f->app, f->ar, STR("ketua"),
	    STR("demo-selter"), STR("10.0.0.9"), &tok, &m), SEL_EBUSY);
	assert_int_equal(app_login(f->app, f->ar, STR("ketua"),
	    STR("demo-selter"), STR("10.0.0.10"), &tok, &m), SEL_OK);
}

static void
csrf_anonymous_token(void **state)
{
	struct fx *f = *state;
	struct str n1 = app_new_token(f->ar), n2 = app_new_token(f->ar);
	struct str t1 = app_anon_token(f->app, f->ar, n1);

	assert_true(app_anon_check(f->app, n1, t1));
	assert_false(app_anon_check(f->app, n2, t1));
	assert_false(app_anon_check(f->app, n1, n1));
	assert_false(app_anon_check(f->app, n1, STR("")));
	assert_false(app_token_eq(STR(""), STR("")));
	assert_true(app_token_eq(t1, t1));
}

static void
password_change_ends_sessions(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct str tok;
	struct who w, w2;

	fx_as(f, "pyb", &w);
	assert_int_equal(app_login(f->app, f->ar, STR("pyb"),
	    STR("demo-selter"), STR("10.0.0.5"), &tok, &m), SEL_OK);
	assert_int_equal(app_password_change(f->app, f->ar, &w,
	    STR("demo-selter"), STR("pendek"), STR("pendek"), &m), SEL_EINVAL);
	assert_int_equal(app_password_change(f->app, f->ar, &w,
	    STR("demo-selter"), STR("sandi-baru-123"), STR("sandi-baru-124"),
	    &m), SEL_EINVAL);
	assert_int_equal(app_password_change(f->app, f->ar, &w,
	    STR("keliru-sekali"), STR("sandi-baru-123"),
	    STR("sandi-baru-123"), &m), SEL_EINVAL);
	assert_int_equal(app_password_change(f->app, f->ar, &w,
	    STR("demo-selter"), STR("sandi-baru-123"), STR("sandi-baru-123"),
	    &m), SEL_OK);
	assert_int_equal(app_session(f->app, f->ar, tok, &w2), SEL_ENOENT);
	assert_int_equal(app_login(f->app, f->ar, STR("pyb"),
	    STR("sandi-baru-123"), STR("10.0.0.5"), &tok, &m), SEL_OK);
}

/* Tampering with the stored trail is found, at the event tampered. */
static void
audit_chain_verify_and_tamper(void **state)
{
	struct fx *f = *state;
	int64_t n = fx_events(f), checked, bad;
	struct str why;

	assert_true(n > 20);	/* the demo's own history */
	/* The triggers refuse changes and deletions. */
	assert_int_not_equal(fx_sql_try(f, "UPDATE event SET actor = 'x' "
	    "WHERE id = 5"), 0);
	assert_int_not_equal(fx_sql_try(f, "DELETE FROM event WHERE id = 9"),
	    0);
	/* A tamperer who drops them is still caught by the chain. */
	assert_int_equal(fx_sql_try(f, t_store_pg() ?
	    "DROP TRIGGER event_no_update ON event; "
	    "UPDATE event SET after = '{\"title\":\"palsu\"}' WHERE id = 7" :
	    "DROP TRIGGER event_no_update; "
	    "UPDATE event SET after = '{\"title\":\"palsu\"}' WHERE id = 7"),
	    0);
	assert_int_equal(app_audit_verify(f->app, f->ar, NULL, &checked, &bad,
	    &why), SEL_OK);
	assert_int_equal(bad, 7);
	assert_non_null(strstr(t_cstr(f->ar, why), "content"));
	assert_int_equal(fx_sql_try(f, t_store_pg() ?
	    "DROP TRIGGER event_no_delete ON event; "
	    "DELETE FROM event WHERE id = 3" :
	    "DROP TRIGGER event_no_delete; DELETE FROM event WHERE id = 3"),
	    0);
	assert_int_equal(app_audit_verify(f->app, f->ar, NULL, &checked, &bad,
	    &why), SEL_OK);
	assert_int_equal(bad, 4);	/* its successor no longer links */
}

/* A role forging another's action is refused and changes nothing. */
static void
prep_forged_role_changes_nothing(void **state)
{
	struct fx *f = *state;
	struct form fm = fx_form(f->ar, (const char *[]){ "confirm", "1",
	    NULL });
	struct app_msg m;
	struct who w;
	int64_t before;

	fx_as(f, "sekretariat", &w);
	before = fx_events(f);
	assert_int_equal(app_prep(f->app, f->ar, &w, 2, OP_PUBLISH, &fm, &m),
	    SEL_EPERM);
	assert_int_equal(fx_events(f), before);
	fx_as(f, "ketua", &w);
	before = fx_events(f);
	fm = fx_form(f->ar, (const char *[]){ "title", "X", "level",
	    "jpt_pratama", "echelon", "II.b", "kind", "other", "reason",
	    "pensiun", NULL });
	assert_int_equal(app_prep(f->app, f->ar, &w, 2, OP_VACANCY_ADD, &fm,
	    &m), SEL_EPERM);
	assert_int_equal(fx_events(f), before);
	fx_as(f, "admin", &w);	/* the login is an event too */
	before = fx_events(f);
	assert_int_equal(app_prep(f->app, f->ar, &w, 2, OP_VACANCY_ADD, &fm,
	    &m), SEL_EPERM);
	assert_int_equal(fx_events(f), before);
}

/*
 * A refusal names the posted field at fault, for the page to show the
 * message beside it; a refusal of the whole form (the weights' sum)
 * names none, and a later message clears an earlier field.
 */
static void
prep_refusal_names_its_field(void **state)
{
	struct fx *f = *state;
	static const char *plan[] = { "duties", "Tugas", "standard",
	    "Standar", "methods", "Metode", "system", "Sistem", "w_paper",
	    "20", "w_assessment", "abc", "w_interview", "35",
	    "w_track_record", "20", NULL };
	struct app_msg m = { "" };
	struct form fm;
	struct who w;
	int64_t before;

	fx_as(f, "sekretariat", &w);
	before = fx_events(f);
	fm = fx_form(f->ar, plan);
	assert_int_equal(app_prep(f->app, f->ar, &w, 2, OP_PLAN, &fm, &m),
	    SEL_EINVAL);
	assert_string_equal(app_msg_field(&m), "w_assessment");
	assert_non_null(strstr(m.text, "Bobot assessment"));
	plan[11] = "25";
	plan[1] = "";			/* duties: required */
	fm = fx_form(f->ar, plan);
	assert_int_equal(app_prep(f->app, f->ar, &w, 2, OP_PLAN, &fm, &m),
	    SEL_EINVAL);
	assert_string_equal(app_msg_field(&m), "duties");
	plan[1] = "Tugas";
	plan[11] = "26";		/* numbers all, refused by SCORE-WEIGHTS */
	fm = fx_form(f->ar, plan);
	assert_int_equal(app_prep(f->app, f->ar, &w, 2, OP_PLAN, &fm, &m),
	    SEL_EINVAL);
	assert_non_null(strstr(m.text, "SCORE-WEIGHTS"));
	assert_string_equal(app_msg_field(&m), "");
	assert_int_equal(fx_events(f), before);	/* nothing changed */
	app_msg_at(&m, "x");
	assert_string_equal(app_msg_field(&m), "x");
	fm = fx_form(f->ar, (const char *[]){ "confirm", "1", NULL });
	assert_int_equal(app_prep(f->app, f->ar, &w, 2, OP_PUBLISH, &fm, &m),
	    SEL_EPERM);			/* the chair's: no field named */
	assert_string_equal(app_msg_field(&m), "");
}

/* ANN-DURATION, demak-2022: 15 calendar days, both ends counted. */
static void
prep_window_boundary(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct who w;
	struct sel_view v;
	static const char *const base[] = { "number", "1/2026", "open",
	    "2026-12-01", "close", NULL };
	const char *kv[8];

	fx_as(f, "sekretariat", &w);
	for (int i = 0; i < 5; i++)
		kv[i] = base[i];
	kv[6] = NULL;
	int64_t before = fx_events(f);
	kv[5] = "2026-12-14";		/* 14 days: one short */
	struct form fm = fx_form(f->ar, kv);
	assert_int_equal(app_prep(f->app, f->ar, &w, 2, OP_ANNOUNCEMENT, &fm,
	    &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "ANN-DURATION"));
	assert_int_equal(fx_events(f), before);
	kv[5] = "2026-12-15";		/* 15 days: the minimum */
	fm = fx_form(f->ar, kv);
	assert_int_equal(app_prep(f->app, f->ar, &w, 2, OP_ANNOUNCEMENT, &fm,
	    &m), SEL_OK);
	assert_int_equal(fx_events(f), before + 1);
	kv[5] = "2026-12-16";		/* 16 days */
	fm = fx_form(f->ar, kv);
	assert_int_equal(app_prep(f->app, f->ar, &w, 2, OP_ANNOUNCEMENT, &fm,
	    &m), SEL_OK);
	assert_int_equal(app_sel_view(f->app, f->ar, 2, &v), SEL_OK);
	assert_true(v.win.valid);
	assert_int_equal(v.win.calendar_days, 16);
	/* The items were not re-ticked: ANN-CONTENT now blocks. */
	assert_false(v.prep.ready);
}

static void
prep_publish_by_chair(void **state)
{
	struct fx *f = *state;
	struct form no = fx_form(f->ar, (const char *[]){ NULL });
	struct form yes = fx_form(f->ar, (const char *[]){ "confirm", "1",
	    NULL });
	struct app_msg m;
	struct sel_view v;
	struct who w;

	fx_as(f, "ketua", &w);
	assert_int_equal(app_prep(f->app, f->ar, &w, 2, OP_PUBLISH, &no, &m),
	    SEL_EINVAL);		/* the signature box */
	assert_int_equal(app_prep(f->app, f->ar, &w, 2, OP_PUBLISH, &yes, &m),
	    SEL_OK);
	assert_int_equal(app_sel_view(f->app, f->ar, 2, &v), SEL_OK);
	assert_true(v.published);
	assert_true(str_eqc(v.s.f[SF_SIGNED_BY], "Dr. Siti Aminah, M.Si."));
	/* Published: the preparation is frozen. */
	fx_as(f, "sekretariat", &w);
	struct form fm = fx_form(f->ar, (const char *[]){ "id", "2", NULL });
	assert_int_equal(app_prep(f->app, f->ar, &w, 2, OP_VACANCY_DEL, &fm,
	    &m), SEL_ESTATE);
}

/* COM-SIZE: an invalid committee cannot be confirmed by the PPK. */
static void
prep_invalid_committee_not_confirmed(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct who w;
	int64_t sel;
	struct form fm;

	fx_as(f, "sekretariat", &w);
	assert_int_equal(app_sel_create(f->app, f->ar, &w, STR("demak"),
	    STR("Seleksi uji"), &sel, &m), SEL_OK);
	fm = fx_form(f->ar, (const char *[]){ "title", "Kepala Dinas", "level",
	    "jpt_pratama", "echelon", "II.b", "kind", "agency_head", "reason",
	    "meninggal", NULL });
	assert_int_equal(app_prep(f->app, f->ar, &w, sel, OP_VACANCY_ADD, &fm,
	    &m), SEL_OK);
	fm = fx_form(f->ar, (const char *[]){ "name", "Satu", "origin",
	    "academic", "chair", "1", "email", "satu@example.org", NULL });
	assert_int_equal(app_prep(f->app, f->ar, &w, sel, OP_MEMBER_ADD, &fm,
	    &m), SEL_OK);
	fx_as(f, "ppk", &w);	/* granted on selections 1 and 2 only */
	fm = fx_form(f->ar, (const char *[]){ "date", "2026-11-20", "ref",
	    "1/2026", NULL });
	assert_int_equal(app_prep(f->app, f->ar, &w, sel,
	    OP_COMMITTEE_CONFIRM, &fm, &m), SEL_EPERM);
}

static void
store_region_code_unique(void **state)
{
	struct fx *f = *state;
	struct s_region r = { 0, STR("demak"), STR("Dup"), STR("demak-2022"),
	    STR("BKN"), STR("") };
	struct app_msg m;
	struct who w;
	int64_t id, before;

	fx_as(f, "admin", &w);
	before = fx_events(f);
	assert_int_equal(app_region_add(f->app, f->ar, &w, &r, &id, &m),
	    SEL_EINVAL);
	assert_int_equal(fx_events(f), before);
	r.code = STR("kota-contoh");
	r.profile_id = STR("tidak-ada");
	assert_int_equal(app_region_add(f->app, f->ar, &w, &r, &id, &m),
	    SEL_EINVAL);
	r.profile_id = STR("pontianak-2015");
	assert_int_equal(app_region_add(f->app, f->ar, &w, &r, &id, &m),
	    SEL_OK);
	assert_int_equal(fx_events(f), before + 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(permission_table_each_role_each_action),
		FX_TEST(permission_flow_table_agrees),
		FX_TEST(permission_separation_of_duties),
		FX_TEST(permission_grants_are_scoped),
		FX_TEST(login_and_session),
		FX_TEST(login_wrong_password_and_unknown_user),
		FX_TEST(login_throttled_after_five_failures),
		FX_TEST(login_throttled_per_address),
		FX_TEST(csrf_anonymous_token),
		FX_TEST(password_change_ends_sessions),
		FX_TEST(audit_chain_verify_and_tamper),
		FX_TEST(prep_forged_role_changes_nothing),
		FX_TEST(prep_refusal_names_its_field),
		RULE_TEST("ANN-DURATION", prep_window_boundary),
		RULE_TEST("ANN-SIGNED", prep_publish_by_chair),
		RULE_TEST("COM-SIZE", prep_invalid_committee_not_confirmed),
		FX_TEST(store_region_code_unique),
	};

	return cmocka_run_group_tests_name("app", tests, NULL, NULL);
}
