/*
 * test_prac_app.c - the PRAC-* gates through the application: a region on
 * the test profile tests/fixtures/profiles/praktik-2026.json (every PRAC
 * rule on) against the demo's Demak (none): recording each letter, flag,
 * window and provider, who may record what, the audit event of each, and
 * publication refused until the gates are met.
 *
 * The data directory is a temporary one holding the shipped profiles and
 * the test profile, with the real holidays (SELTER_DATA).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "t_app.h"
#include "app/prac.h"
#include "core/profile.h"
#include "base/banned.h"

static char datadir[64];

static int
group_setup(void **state)
{
	char cmd[1024];

	(void)state;
	snprintf(datadir, sizeof datadir, "/tmp/selter-prac-XXXXXX");
	if (mkdtemp(datadir) == NULL)
		return -1;
	snprintf(cmd, sizeof cmd, "mkdir -p %s/profiles && cp %s/profiles/*.json "
	    "%s/tests/fixtures/profiles/praktik-2026.json %s/profiles/ && "
	    "ln -s %s/data %s/data", datadir, t_data_dir(), t_data_dir(),
	    datadir, t_data_dir(), datadir);
	if (system(cmd) != 0)
		return -1;
	return setenv("SELTER_DATA", datadir, 1);
}

static int
group_teardown(void **state)
{
	char cmd[256];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf %s", datadir);
	return system(cmd) == 0 ? 0 : -1;
}

static enum sel_err
op(struct fx *f, struct who *w, int64_t sel, enum prep_op o,
    const char *const *kv)
{
	struct form fm = fx_form(f->ar, kv);
	struct app_msg m;
	enum sel_err rc = app_prep(f->app, f->ar, w, sel, o, &fm, &m);

	if (rc != SEL_OK)
		print_message("# %s\n", m.text);
	return rc;
}

static enum sel_err
prac(struct fx *f, struct who *w, int64_t sel, enum prac_op o,
    const char *const *kv, struct app_msg *m, const char **field)
{
	struct form fm = fx_form(f->ar, kv);

	return app_prac(f->app, f->ar, w, sel, o, &fm, m, field);
}

/*
 * A region on praktik-2026 with the demo's people granted region-wide,
 * and a selection prepared but for the PRAC gates: announced from
 * 2026-11-24 (the fixture's today is 2026-11-23) to 2026-12-12.
 */
static int64_t
region(struct fx *f)
{
	/* The chair and members get their grants from the committee. */
	static const char *const roles[][2] = { { "sekretariat",
	    "secretariat" }, { "ppk", "ppk" }, { "pengawas", "oversight" } };
	static const char *const members[][7] = {
		{ "Dr. Siti Aminah, M.Si.", "academic", "", "1", "0", "login",
		    "ketua" },
		{ "Ir. Joko Prasetyo, M.T.", "internal", "II.a", "0", "0",
		    "login", "anggota" },
		{ "Drs. Hadi Purnomo, M.Si.", "internal", "II.b", "0", "0",
		    "email", "hadi@example.org" },
		{ "Dr. Retno Wulandari, M.Kes.", "other_agency", "II.a", "0",
		    "0", "email", "retno@example.org" },
		{ "Dra. Endang Lestari, Psikolog", "professional", "", "0",
		    "1", "email", "endang@example.org" },
	};
	static const char *const stages[][3] = {
		{ "administrative", "2026-12-14", "2026-12-15" },
		{ "paper", "2026-12-16", "2026-12-17" },
		{ "track_record", "2026-12-18", "2026-12-19" },
		{ "assessment", "2026-12-21", "2026-12-22" },
		{ "interview", "2026-12-23", "2026-12-23" },
		{ "health", "2026-12-28", "2026-12-29" },
		{ "result", "2026-12-30", "2026-12-30" } };
	struct s_region reg = { 0, STR("praktik"), STR("Pemerintah Kabupaten "
	    "Praktik"), STR("praktik-2026"), STR("BKN"), STR("Sekretariat "
	    "Pansel") };
	const struct profile *p = app_profile_get(f->app, reg.profile_id);
	struct app_msg m;
	struct who w;
	int64_t id, sel;
	const char *kv[64];
	size_t n = 0;

	assert_non_null(p);
	fx_as(f, "admin", &w);
	assert_int_equal(app_region_add(f->app, f->ar, &w, &reg, &id, &m),
	    SEL_OK);
	for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
		assert_int_equal(app_grant_add(f->app, f->ar, &w,
		    str_c(roles[i][0]), reg.code, 0, str_c(roles[i][1]), &m),
		    SEL_OK);
	fx_as(f, "sekretariat", &w);
	assert_int_equal(app_sel_create(f->app, f->ar, &w, reg.code,
	    STR("Seleksi uji praktik 2026"), &sel, &m), SEL_OK);
	assert_int_equal(op(f, &w, sel, OP_VACANCY_ADD, (const char *[]){
	    "title", "Kepala Dinas Kesehatan", "level", "jpt_pratama",
	    "echelon", "II.b", "kind", "agency_head", "field", "kesehatan",
	    "reason", "pensiun", NULL }), SEL_OK);
	assert_int_equal(op(f, &w, sel, OP_PLAN, (const char *[]){ "duties",
	    "Tugas.", "standard", "Standar.", "methods", "Metode.", "system",
	    "Sistem.", "w_paper", "20", "w_assessment", "25", "w_interview",
	    "35", "w_track_record", "20", NULL }), SEL_OK);
	for (size_t i = 0; i < sizeof stages / sizeof *stages; i++)
		assert_int_equal(op(f, &w, sel, OP_STAGE_PUT, (const char *[]){
		    "stage", stages[i][0], "starts_on", stages[i][1],
		    "ends_on", stages[i][2], NULL }), SEL_OK);
	assert_int_equal(op(f, &w, sel, OP_PLAN_SENT, (const char *[]){
	    "date", "2026-10-24", "ref", "800/1/BKPSDM", NULL }), SEL_OK);
	for (size_t i = 0; i < sizeof members / sizeof *members; i++)
		assert_int_equal(op(f, &w, sel, OP_MEMBER_ADD, (const char *[]){
		    "name", members[i][0], "origin", members[i][1], "echelon",
		    members[i][2], "chair", members[i][3], "assessor",
		    members[i][4], members[i][5], members[i][6], "decl",
		    "knowledge_field", "decl",
		    "knowledge_assessment", "decl", "no_party_stamped", "decl",
		    "no_conflict", "decl", "integrity_pact", "decl",
		    "code_of_ethics", "decl", "no_party", NULL }), SEL_OK);
	kv[n++] = "number";
	kv[n++] = "1/PANSEL/2026";
	kv[n++] = "open";
	kv[n++] = "2026-11-24";
	kv[n++] = "close";
	kv[n++] = "2026-12-12";
	for (size_t i = 0; i < p->ncontent && n < 60; i++) {
		kv[n++] = "item";
		kv[n++] = t_cstr(f->ar, p->content[i].id);
	}
	kv[n] = NULL;
	assert_int_equal(op(f, &w, sel, OP_ANNOUNCEMENT, kv), SEL_OK);
	fx_as(f, "ppk", &w);
	assert_int_equal(op(f, &w, sel, OP_COMMITTEE_CONFIRM, (const char *[]){
	    "date", "2026-11-13", "ref", "800/77/2026", NULL }), SEL_OK);
	return sel;
}

static enum prep_state
gate(struct fx *f, int64_t sel, enum prep_key k)
{
	struct sel_view v;

	assert_int_equal(app_sel_view(f->app, f->ar, sel, &v), SEL_OK);
	assert_non_null(prep_find(&v.prep, k));
	return prep_find(&v.prep, k)->state;
}

/* The newest event of the selection: its action and its rule ids. */
static void
last_event(struct fx *f, int64_t sel, const char *action, const char *rule)
{
	struct s_event *ev;
	struct who w;
	size_t n;

	fx_as(f, "pengawas", &w);
	assert_int_equal(app_events(f->app, f->ar, &w, sel, &ev, &n), SEL_OK);
	assert_true(n > 0);
	for (size_t i = 1; i < n; i++)
		if (ev[i].id > ev[0].id)
			ev[0] = ev[i];
	assert_true(str_eqc(ev[0].action, action));
	assert_true(str_casecontains(ev[0].rules, str_c(rule)));
}

static enum sel_err
publish(struct fx *f, int64_t sel, struct app_msg *m)
{
	struct form yes = fx_form(f->ar, (const char *[]){ "confirm", "1",
	    NULL });
	struct who w;

	fx_as(f, "ketua", &w);
	return app_prep(f->app, f->ar, &w, sel, OP_PUBLISH, &yes, m);
}

static void
assessor_a(struct fx *f, int64_t sel)
{
	struct app_msg m;
	struct who w;

	fx_as(f, "sekretariat", &w);
	assert_int_equal(prac(f, &w, sel, PO_ASSESSOR, (const char *[]){
	    "name", "UPT Penilaian Kompetensi BKN", "grade", "A", "decree",
	    "12/KEP/2025", "valid_until", "2027-06-30", NULL }, &m, NULL),
	    SEL_OK);
}

/* Two letters of BKN, then publication; who may record, and the dates. */
static void
prac_oversight_approval_letters_then_publish(void **state)
{
	struct fx *f = *state;
	int64_t sel = region(f), before;
	const char *field;
	struct app_msg m;
	struct who w;

	assessor_a(f, sel);
	assert_int_equal(gate(f, sel, PK_OVERSIGHT_APPROVAL), PS_PENDING);
	assert_int_equal(publish(f, sel, &m), SEL_ESTATE);
	assert_non_null(strstr(m.text, "Persetujuan instansi pengawas"));
	/* A member of the committee may not record it. */
	fx_as(f, "anggota", &w);
	before = fx_events(f);
	assert_int_equal(prac(f, &w, sel, PO_APPROVAL_ADD, (const char *[]){
	    "date", "2026-11-02", "ref", "B-1/BKN", "subject", "Persetujuan",
	    NULL }, &m, &field), SEL_EPERM);
	assert_int_equal(fx_events(f), before);
	/* Dated before the plan was sent (2026-10-24): refused, at "date". */
	fx_as(f, "pengawas", &w);
	before = fx_events(f);
	assert_int_equal(prac(f, &w, sel, PO_APPROVAL_ADD, (const char *[]){
	    "date", "2026-10-23", "ref", "B-1/BKN", "subject", "Persetujuan",
	    NULL }, &m, &field), SEL_EINVAL);
	assert_string_equal(field, "date");
	assert_int_equal(fx_events(f), before);
	/* No subject: refused at "subject". */
	assert_int_equal(prac(f, &w, sel, PO_APPROVAL_ADD, (const char *[]){
	    "date", "2026-10-24", "ref", "B-1/BKN", NULL }, &m, &field),
	    SEL_EINVAL);
	assert_string_equal(field, "subject");
	/* The day the plan was sent: recorded, by the oversight body. */
	assert_int_equal(prac(f, &w, sel, PO_APPROVAL_ADD, (const char *[]){
	    "date", "2026-10-24", "ref", "B-1/BKN", "subject", "Persetujuan "
	    "pelaksanaan seleksi", NULL }, &m, &field), SEL_OK);
	last_event(f, sel, "prac_approval_add", "PRAC-OVERSIGHT-APPROVAL");
	assert_int_equal(gate(f, sel, PK_OVERSIGHT_APPROVAL), PS_PENDING);
	assert_int_equal(publish(f, sel, &m), SEL_ESTATE);
	/* The same number twice: refused at "ref". */
	fx_as(f, "sekretariat", &w);
	assert_int_equal(prac(f, &w, sel, PO_APPROVAL_ADD, (const char *[]){
	    "date", "2026-11-02", "ref", "B-1/BKN", "subject", "Persetujuan",
	    NULL }, &m, &field), SEL_EINVAL);
	assert_string_equal(field, "ref");
	/* Tomorrow: refused. */
	assert_int_equal(prac(f, &w, sel, PO_APPROVAL_ADD, (const char *[]){
	    "date", "2026-11-24", "ref", "B-2/BKN", "subject", "Persetujuan",
	    NULL }, &m, &field), SEL_EINVAL);
	/* The second letter, by the secretariat that received it. */
	assert_int_equal(prac(f, &w, sel, PO_APPROVAL_ADD, (const char *[]){
	    "date", "2026-11-23", "ref", "B-2/BKN", "subject", "Persetujuan "
	    "jadwal", NULL }, &m, &field), SEL_OK);
	assert_int_equal(gate(f, sel, PK_OVERSIGHT_APPROVAL), PS_DONE);
	assert_int_equal(gate(f, sel, PK_HOME_MINISTER), PS_DONE);
	/* The plan sent again later: the first letter predates it. */
	assert_int_equal(op(f, &w, sel, OP_PLAN_SENT, (const char *[]){
	    "date", "2026-10-25", "ref", "800/2/BKPSDM", NULL }), SEL_OK);
	assert_int_equal(gate(f, sel, PK_OVERSIGHT_APPROVAL), PS_PENDING);
	assert_int_equal(op(f, &w, sel, OP_PLAN_SENT, (const char *[]){
	    "date", "2026-10-24", "ref", "800/1/BKPSDM", NULL }), SEL_OK);
	assert_int_equal(gate(f, sel, PK_OVERSIGHT_APPROVAL), PS_DONE);
	assert_int_equal(publish(f, sel, &m), SEL_OK);
	/* Published: nothing more is recorded. */
	fx_as(f, "pengawas", &w);
	assert_int_equal(prac(f, &w, sel, PO_APPROVAL_ADD, (const char *[]){
	    "date", "2026-11-23", "ref", "B-3/BKN", "subject", "Lagi", NULL },
	    &m, &field), SEL_ESTATE);
}

/* A Pj, then a window of the selection's own; the Minister's letter. */
static void
prac_home_minister_flag_window_letter(void **state)
{
	struct fx *f = *state;
	int64_t sel = region(f), before;
	struct s_prac_letter *l;
	const char *field;
	struct app_msg m;
	struct sel_view v;
	struct who w;

	assessor_a(f, sel);
	fx_as(f, "pengawas", &w);
	assert_int_equal(prac(f, &w, sel, PO_APPROVAL_ADD, (const char *[]){
	    "date", "2026-11-01", "ref", "B-1", "subject", "S", NULL }, &m,
	    NULL), SEL_OK);
	assert_int_equal(prac(f, &w, sel, PO_APPROVAL_ADD, (const char *[]){
	    "date", "2026-11-02", "ref", "B-2", "subject", "S", NULL }, &m,
	    NULL), SEL_OK);
	/* The oversight body does not set the flag. */
	before = fx_events(f);
	assert_int_equal(prac(f, &w, sel, PO_ACTING, (const char *[]){
	    "acting", "1", NULL }, &m, NULL), SEL_EPERM);
	assert_int_equal(fx_events(f), before);
	assert_int_equal(gate(f, sel, PK_HOME_MINISTER), PS_DONE);
	fx_as(f, "sekretariat", &w);
	assert_int_equal(prac(f, &w, sel, PO_ACTING, (const char *[]){
	    "acting", "1", NULL }, &m, NULL), SEL_OK);
	last_event(f, sel, "prac_acting_set", "PRAC-HOME-MINISTER");
	assert_int_equal(gate(f, sel, PK_HOME_MINISTER), PS_PENDING);
	assert_int_equal(publish(f, sel, &m), SEL_ESTATE);
	assert_non_null(strstr(m.text, "Menteri Dalam Negeri"));
	/* Flag off again; a window holding the announcement day. */
	fx_as(f, "sekretariat", &w);
	assert_int_equal(prac(f, &w, sel, PO_ACTING, (const char *[]){ NULL },
	    &m, NULL), SEL_OK);
	assert_int_equal(gate(f, sel, PK_HOME_MINISTER), PS_DONE);
	assert_int_equal(prac(f, &w, sel, PO_WINDOW_ADD, (const char *[]){
	    "from", "2026-11-25", "to", "2026-11-24", "label", "x", NULL },
	    &m, &field), SEL_EINVAL);
	assert_string_equal(field, "to");
	assert_int_equal(prac(f, &w, sel, PO_WINDOW_ADD, (const char *[]){
	    "from", "2026-11-25", "to", "2027-05-24", "label", "Menjelang "
	    "penetapan pasangan calon", NULL }, &m, &field), SEL_OK);
	assert_int_equal(gate(f, sel, PK_HOME_MINISTER), PS_DONE);	/* 24th */
	assert_int_equal(prac(f, &w, sel, PO_WINDOW_ADD, (const char *[]){
	    "from", "2026-11-24", "to", "2026-11-24", "label", "Satu hari",
	    "citation", "UU 10/2016 Pasal 71 ayat (2)", NULL }, &m, &field),
	    SEL_OK);
	last_event(f, sel, "prac_window_add", "PRAC-HOME-MINISTER");
	assert_int_equal(gate(f, sel, PK_HOME_MINISTER), PS_PENDING);
	/* The Minister's written approval lifts it. */
	assert_int_equal(prac(f, &w, sel, PO_MINISTER_ADD, (const char *[]){
	    "date", "2026-11-20", "ref", "100.2.2.6/5000/OTDA", "subject",
	    "Persetujuan", NULL }, &m, &field), SEL_OK);
	last_event(f, sel, "prac_minister_add", "PRAC-HOME-MINISTER");
	assert_int_equal(gate(f, sel, PK_HOME_MINISTER), PS_DONE);
	/* Removed by mistake: pending again; recorded again: done. */
	assert_int_equal(app_sel_view(f->app, f->ar, sel, &v), SEL_OK);
	l = v.prac->letters;
	for (size_t i = 0; i < v.prac->nletters; i++)
		if (str_eqc(l[i].kind, "home_minister"))
			assert_int_equal(prac(f, &w, sel, PO_LETTER_DEL,
			    (const char *[]){ "id", t_cstr(f->ar, arena_printf(
			    f->ar, "%lld", (long long)l[i].id)), NULL }, &m,
			    NULL), SEL_OK);
	last_event(f, sel, "prac_letter_del", "PRAC-HOME-MINISTER");
	assert_int_equal(gate(f, sel, PK_HOME_MINISTER), PS_PENDING);
	assert_int_equal(prac(f, &w, sel, PO_MINISTER_ADD, (const char *[]){
	    "date", "2026-11-20", "ref", "100.2.2.6/5000/OTDA", NULL }, &m,
	    NULL), SEL_OK);
	assert_int_equal(publish(f, sel, &m), SEL_OK);
}

/* The provider of the plan and its accreditation. */
static void
prac_assessor_recorded_in_plan(void **state)
{
	struct fx *f = *state;
	int64_t sel = region(f), before;
	const char *field;
	struct app_msg m;
	struct sel_view v;
	struct who w;

	assert_int_equal(gate(f, sel, PK_PLAN), PS_PENDING);
	assert_int_equal(app_sel_view(f->app, f->ar, sel, &v), SEL_OK);
	assert_int_equal(prep_find(&v.prep, PK_PLAN)->r.id, R_PRAC_ASSESSOR);
	fx_as(f, "sekretariat", &w);
	before = fx_events(f);
	assert_int_equal(prac(f, &w, sel, PO_ASSESSOR, (const char *[]){
	    "name", "Lembaga X", "grade", "B", "decree", "1/2025",
	    "valid_until", "2027-01-01", NULL }, &m, &field), SEL_EINVAL);
	assert_string_equal(field, "grade");
	assert_non_null(strstr(m.text, "PRAC-ASSESSOR"));
	assert_int_equal(prac(f, &w, sel, PO_ASSESSOR, (const char *[]){
	    "name", "Lembaga X", "grade", "A", "decree", "1/2025",
	    "valid_until", "2026-11-22", NULL }, &m, &field), SEL_EINVAL);
	assert_string_equal(field, "valid_until");
	assert_int_equal(prac(f, &w, sel, PO_ASSESSOR, (const char *[]){
	    "grade", "A", "decree", "1/2025", "valid_until", "2027-01-01",
	    NULL }, &m, &field), SEL_EINVAL);
	assert_string_equal(field, "name");
	assert_int_equal(fx_events(f), before);
	/* Valid until the day before the assessment stage ends (22 Dec). */
	assert_int_equal(prac(f, &w, sel, PO_ASSESSOR, (const char *[]){
	    "name", "Lembaga X", "grade", "A", "decree", "1/2025",
	    "valid_until", "2026-12-21", NULL }, &m, &field), SEL_OK);
	last_event(f, sel, "prac_assessor_set", "PRAC-ASSESSOR");
	assert_int_equal(gate(f, sel, PK_PLAN), PS_PENDING);
	fx_as(f, "sekretariat", &w);
	assert_int_equal(prac(f, &w, sel, PO_ASSESSOR, (const char *[]){
	    "name", "Lembaga X", "grade", "a", "decree", "1/2025",
	    "valid_until", "2026-12-22", NULL }, &m, &field), SEL_OK);
	assert_int_equal(gate(f, sel, PK_PLAN), PS_DONE);
	/* The PPK does not edit the plan. */
	fx_as(f, "ppk", &w);
	assert_int_equal(prac(f, &w, sel, PO_ASSESSOR, (const char *[]){
	    "name", "Lembaga Y", "grade", "A", "decree", "2/2025",
	    "valid_until", "2027-01-01", NULL }, &m, &field), SEL_EPERM);
}

/* Demak (the demo, no PRAC rule): nothing to record, nothing to wait. */
static void
prac_profile_without_rules_refuses_forms(void **state)
{
	struct fx *f = *state;
	struct app_msg m;
	struct sel_view v;
	struct who w;

	fx_as(f, "pengawas", &w);
	assert_int_equal(prac(f, &w, 2, PO_APPROVAL_ADD, (const char *[]){
	    "date", "2026-11-01", "ref", "B-1", "subject", "S", NULL }, &m,
	    NULL), SEL_ESTATE);
	assert_non_null(strstr(m.text, "PRAC-OVERSIGHT-APPROVAL"));
	fx_as(f, "sekretariat", &w);
	assert_int_equal(prac(f, &w, 2, PO_ACTING, (const char *[]){
	    "acting", "1", NULL }, &m, NULL), SEL_ESTATE);
	assert_int_equal(app_sel_view(f->app, f->ar, 2, &v), SEL_OK);
	assert_false(v.prac->any);
	assert_null(prep_find(&v.prep, PK_OVERSIGHT_APPROVAL));
	assert_null(prep_find(&v.prep, PK_HOME_MINISTER));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("PRAC-OVERSIGHT-APPROVAL",
		    prac_oversight_approval_letters_then_publish),
		RULE_TEST("PRAC-HOME-MINISTER",
		    prac_home_minister_flag_window_letter),
		RULE_TEST("PRAC-ASSESSOR", prac_assessor_recorded_in_plan),
		FX_TEST(prac_profile_without_rules_refuses_forms),
	};

	return cmocka_run_group_tests_name("prac_app", tests, group_setup,
	    group_teardown);
}
