/*
 * test_reuse_app.c - STG-REUSE through the application (app/reuse.h): the
 * records a closed assessment stage leaves, applying one in a later
 * selection of the region, a result recorded by hand, who may do what,
 * and nothing changed by a refusal.
 *
 * The merit half's other parts (stages, scoring, closing) are not merged
 * here: seed_region and seed_closed_assessment write the rows they would
 * (a Pekalongan region, a 2024 selection whose assessment stage closed,
 * a 2026 selection at its assessment stage) straight into the fixture's
 * store, so that the lead can replace them by the real flow.
 */
#include <stdio.h>
#include <string.h>

#include "t_reuse.h"
#include "app/reuse.h"
#include "app/score.h"
#include "base/banned.h"

/* reuse_record_from_stage inside a write transaction, as at closing. */
static enum sel_err
close_records(struct fx *f, int64_t sel, size_t *n)
{
	struct stx *tx;
	struct who w;
	enum sel_err rc;

	fx_as(f, "ketua", &w);
	assert_int_equal(store_begin(f->app->st, true, &tx), SEL_OK);
	rc = reuse_record_from_stage(f->app, tx, f->ar, &w, sel, n);
	if (rc == SEL_OK)
		return app_commit(f->app, tx);
	store_abort(f->app->st, tx);
	return rc;
}

static const struct reuse_cand *
cand(const struct reuse_view *rv, int64_t app)
{
	for (size_t i = 0; i < rv->ncand; i++)
		if (rv->cand[i].c.a.id == app)
			return &rv->cand[i];
	t_fail("the application is no candidate of the assessment stage");
}

static enum sel_err
apply(struct fx *f, const char *login, int64_t app, int64_t rec,
    bool confirm, struct app_msg *m, const char **field)
{
	char a[24], r[24];
	struct form fm;
	struct who w;

	fx_as(f, login, &w);
	snprintf(a, sizeof a, "%lld", (long long)app);
	snprintf(r, sizeof r, "%lld", (long long)rec);
	fm = fx_form(f->ar, (const char *[]){ "application", a, "record", r,
	    confirm ? "confirm" : "x", "1", NULL });
	return app_reuse_apply(f->app, f->ar, &w, NEW, &fm, m, field);
}

/* The events of STG-REUSE (logins write theirs too); the chain intact. */
static int64_t
events(struct fx *f)
{
	assert_true(fx_events(f) > 0);
	return count(f, "SELECT count(*) FROM event WHERE action IN "
	    "('assessment_record', 'assessment_reuse')");
}

/* Nothing changed: no reuse row, the same number of events. */
#define UNCHANGED(f, n)							\
	do {								\
		assert_int_equal(count((f), "SELECT count(*) FROM "	\
		    "assessment_reuse"), 0);				\
		assert_int_equal(events(f), (n));			\
	} while (0)

static void
stg_reuse_records_from_closed_stage(void **state)
{
	struct fx *f = *state;
	size_t n = 9;
	int64_t ev;

	seed_region(f);
	/* Not closed yet: its scores are not read. */
	assert_int_equal(close_records(f, OLD, &n), SEL_ESTATE);
	seed_closed_assessment(f);
	ev = events(f);
	assert_int_equal(close_records(f, OLD, &n), SEL_OK);
	assert_int_equal(n, 2);
	assert_int_equal(events(f), ev + 2);
	assert_int_equal(count(f, "SELECT count(*) FROM event WHERE action = "
	    "'assessment_record' AND selection_id = 500 AND rules LIKE "
	    "'%STG-REUSE%Ketentuan Lain-lain huruf A%'"), 2);
	assert_int_equal(count(f, "SELECT count(*) FROM assessment_record "
	    "WHERE application_id = 700 AND nip = '" BUDI_NIP "' AND "
	    "region_id = 50 AND held_on = '2024-03-05' AND result_on = "
	    "'2024-03-06' AND score_sum = 16001 AND score_count = 2 AND "
	    "part_managerial = 7951 AND part_social = 8051 AND part_field = -1"
	    " AND provider = 'UPT Penilaian Kompetensi BKD Jawa Tengah' AND "
	    "level = 'jpt_pratama' AND origin = 'stage' AND passed = 1"), 1);
	/* Once only. */
	assert_int_equal(close_records(f, OLD, &n), SEL_OK);
	assert_int_equal(n, 0);
	/* A region without STG-REUSE keeps none. */
	sql(f, "INSERT INTO stage_close (selection_id, stage, closed_at, "
	    "closed_by, decision) VALUES (502, 'assessment', "
	    "'2026-12-22T07:00:00Z', 'Ketua', 'Lulus.');"
	    "INSERT INTO stage_outcome (selection_id, application_id, stage, "
	    "score_sum, score_count, outcome) VALUES (502, 720, 'assessment', "
	    "8000, 1, 'passed');");
	assert_int_equal(close_records(f, DEMAK, &n), SEL_OK);
	assert_int_equal(n, 0);
}

static void
stg_reuse_apply_roles_and_refusals(void **state)
{
	struct fx *f = *state;
	struct reuse_view rv;
	struct app_msg m;
	const char *field = NULL;
	struct who w;
	int64_t ev, budi, sari;
	size_t n;

	seed_region(f);
	seed_closed_assessment(f);
	assert_int_equal(close_records(f, OLD, &n), SEL_OK);
	budi = count(f, "SELECT id FROM assessment_record WHERE "
	    "application_id = 700");
	sari = count(f, "SELECT id FROM assessment_record WHERE "
	    "application_id = 701");
	fx_as(f, "sekretariat", &w);
	assert_int_equal(app_reuse_view(f->app, f->ar, &w, NEW, &rv, &m),
	    SEL_OK);
	assert_non_null(rv.rule);
	assert_int_equal(rv.ncand, 2);
	assert_int_equal(cand(&rv, BUDI_NEW)->nopt, 1);
	assert_true(cand(&rv, BUDI_NEW)->opt[0].v.ok);
	assert_int_equal(cand(&rv, BUDI_NEW)->opt[0].v.until,
	    t_date("2027-03-05"));
	assert_false(cand(&rv, SARI_NEW)->opt[0].v.ok);
	t_contains(cand(&rv, SARI_NEW)->opt[0].v.reason, "tes selanjutnya");
	ev = events(f);
	/* Those who may not: refused, nothing changed. */
	assert_int_equal(apply(f, "anggota", BUDI_NEW, budi, true, &m, &field),
	    SEL_EPERM);
	assert_int_equal(apply(f, "pengawas", BUDI_NEW, budi, true, &m,
	    &field), SEL_EPERM);
	assert_int_equal(apply(f, "admin", BUDI_NEW, budi, true, &m, &field),
	    SEL_EPERM);
	assert_int_equal(apply(f, "ppk", BUDI_NEW, budi, true, &m, &field),
	    SEL_EPERM);
	UNCHANGED(f, ev);
	/* The statement must be ticked. */
	assert_int_equal(apply(f, "ketua", BUDI_NEW, budi, false, &m, &field),
	    SEL_EINVAL);
	assert_string_equal(field, "confirm");
	/* Sari took the next test: the core refuses, with its citation. */
	assert_int_equal(apply(f, "sekretariat", SARI_NEW, sari, true, &m,
	    &field), SEL_EINVAL);
	assert_string_equal(field, "record");
	assert_non_null(strstr(m.text, "STG-REUSE, Perwal Pekalongan 47/2022 "
	    "Lampiran I Ketentuan Lain-lain huruf A"));
	assert_non_null(strstr(m.text, "mengikuti tes selanjutnya"));
	/* Budi's record for Sari's application: not hers. */
	assert_int_equal(apply(f, "sekretariat", SARI_NEW, budi, true, &m,
	    &field), SEL_EINVAL);
	assert_non_null(strstr(m.text, "tidak tercatat untuk NIP"));
	/* Not a candidate of this selection's assessment. */
	assert_int_equal(apply(f, "sekretariat", BUDI_OLD, budi, true, &m,
	    &field), SEL_EINVAL);
	UNCHANGED(f, ev);
	/* The chair applies it. */
	assert_int_equal(apply(f, "ketua", BUDI_NEW, budi, true, &m, &field),
	    SEL_OK);
	assert_int_equal(events(f), ev + 1);
	assert_int_equal(count(f, "SELECT count(*) FROM assessment_reuse WHERE "
	    "application_id = 710 AND selection_id = 501 AND valid_until = "
	    "'2027-03-05'"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM event WHERE action = "
	    "'assessment_reuse' AND selection_id = 501 AND rules LIKE "
	    "'%STG-REUSE%' AND after LIKE '%PKL-2026-1%'"), 1);
	/* Twice: refused, and the record stays as applied. */
	assert_int_equal(apply(f, "sekretariat", BUDI_NEW, budi, true, &m,
	    &field), SEL_ESTATE);
	assert_int_equal(events(f), ev + 1);
	/* The stage closed: nothing more. */
	sql(f, "INSERT INTO stage_close (selection_id, stage, closed_at, "
	    "closed_by, decision) VALUES (501, 'assessment', "
	    "'2026-12-22T07:00:00Z', 'Ketua', 'Lulus.');");
	fx_as(f, "sekretariat", &w);
	assert_int_equal(app_reuse_view(f->app, f->ar, &w, NEW, &rv, &m),
	    SEL_OK);
	assert_true(rv.closed);
	assert_int_equal(rv.napplied, 1);
	assert_int_equal(rv.applied[0].score_sum, 16001);
	assert_int_equal(rv.applied[0].score_count, 2);
	assert_int_equal(apply(f, "sekretariat", SARI_NEW, sari, true, &m,
	    &field), SEL_ESTATE);
	assert_non_null(strstr(m.text, "sudah ditutup"));
}

/* A record by hand; kv overrides the defaults (Sari, held 2024-01-05). */
static enum sel_err
record(struct fx *f, const char *login, const char *const *over,
    struct app_msg *m, const char **field)
{
	const char *kv[64] = { "region", "pekalongan", "nip", SARI_NIP,
	    "name", "Sari Dewi", "level", "jpt_pratama", "post_title",
	    "Kepala Bappeda", "source", "Seleksi terbuka JPT Pratama Kota "
	    "Pekalongan 2023 (800/5/PANSEL/2023)", "provider", "Pusat "
	    "Penilaian Kompetensi BKN", "accreditation", "A", "held_on",
	    "2024-01-05", "result_on", "2024-01-12", "passed", "1", "score",
	    "78,25", "managerial", "80", "social", "", "field", "",
	    "report_ref", "LHA-12/2024", "stop_reason", "Tugas belajar saat "
	    "wawancara akhir.", NULL };
	struct form fm;
	struct who w;
	int64_t id;

	for (; over != NULL && over[0] != NULL; over += 2)
		for (size_t i = 0; kv[i] != NULL; i += 2)
			if (strcmp(kv[i], over[0]) == 0)
				kv[i + 1] = over[1];
	fx_as(f, login, &w);
	fm = fx_form(f->ar, kv);
	return app_reuse_record(f->app, f->ar, &w, &fm, &id, m, field);
}

static void
stg_reuse_hand_record_and_expiry(void **state)
{
	struct fx *f = *state;
	static const char *const bad[][3] = {
		{ "nip", "19850202201001200", "nip" },
		{ "nip", "198513022010012002", "nip" },
		{ "level", "administrator", "level" },
		{ "held_on", "2026-11-24", "held_on" },	/* after today */
		{ "result_on", "2024-01-04", "result_on" },
		{ "score", "100,01", "score" },
		{ "managerial", "8a", "managerial" },
		{ "passed", "", "passed" },
		{ "provider", " ", "provider" },
		{ "report_ref", "", "report_ref" },
		{ "stop_reason", "", "stop_reason" },
		{ "accreditation", "D", "accreditation" },
		{ "region", "tidakada", "region" },
	};
	struct reuse_view rv;
	struct app_msg m;
	const char *field = NULL;
	struct who w;
	int64_t ev, old, fresh, other;

	seed_region(f);
	ev = events(f);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		field = NULL;
		assert_int_equal(record(f, "sekretariat", (const char *[]){
		    bad[i][0], bad[i][1], NULL }, &m, &field), SEL_EINVAL);
		if (field == NULL || strcmp(field, bad[i][2]) != 0)
			fail_msg("%s=%s: field %s, %s", bad[i][0], bad[i][1],
			    field != NULL ? field : "(none)", m.text);
	}
	assert_int_equal(record(f, "anggota", NULL, &m, &field), SEL_EPERM);
	assert_int_equal(record(f, "ketua", NULL, &m, &field), SEL_EPERM);
	assert_int_equal(record(f, "sekretariat", (const char *[]){ "region",
	    "demakb", NULL }, &m, &field), SEL_ESTATE);
	assert_non_null(strstr(m.text, "STG-REUSE"));
	assert_int_equal(count(f, "SELECT count(*) FROM assessment_record"),
	    0);
	assert_int_equal(events(f), ev);
	/* Held 20 Dec 2023: valid to 20 Dec 2026, the stage ends the 22nd. */
	assert_int_equal(record(f, "sekretariat", (const char *[]){ "held_on",
	    "2023-12-20", "result_on", "2023-12-27", NULL }, &m, &field),
	    SEL_OK);
	assert_int_equal(record(f, "sekretariat", NULL, &m, &field), SEL_OK);
	assert_int_equal(record(f, "sekretariat", (const char *[]){ "region",
	    "batang", NULL }, &m, &field), SEL_OK);
	assert_int_equal(events(f), ev + 3);
	assert_int_equal(count(f, "SELECT count(*) FROM event WHERE action = "
	    "'assessment_record' AND selection_id = 0 AND after LIKE "
	    "'%LHA-12/2024%' AND after LIKE '%Tugas belajar%'"), 3);
	old = count(f, "SELECT id FROM assessment_record WHERE held_on = "
	    "'2023-12-20'");
	fresh = count(f, "SELECT id FROM assessment_record WHERE region_id = "
	    "50 AND held_on = '2024-01-05'");
	other = count(f, "SELECT id FROM assessment_record WHERE region_id = "
	    "52");
	assert_int_equal(count(f, "SELECT score_sum * 10 + score_count FROM "
	    "assessment_record WHERE id = (SELECT max(id) FROM "
	    "assessment_record)"), 78251);
	fx_as(f, "sekretariat", &w);
	assert_int_equal(app_reuse_view(f->app, f->ar, &w, NEW, &rv, &m),
	    SEL_OK);
	/* Batang's record is another region's: not offered. */
	assert_int_equal(cand(&rv, SARI_NEW)->nopt, 2);
	ev = events(f);
	assert_int_equal(apply(f, "sekretariat", SARI_NEW, old, true, &m,
	    &field), SEL_EINVAL);
	assert_non_null(strstr(m.text, "berlaku sampai dengan 20 Desember "
	    "2026"));
	assert_non_null(strstr(m.text, "sudah lewat"));
	assert_int_equal(apply(f, "sekretariat", SARI_NEW, other, true, &m,
	    &field), SEL_EINVAL);
	UNCHANGED(f, ev);
	/* Recorded absent from this assessment: withdrawn from it. */
	sql(f, "INSERT INTO stage_absence (selection_id, application_id, "
	    "stage, recorded_at, recorded_by) VALUES (501, 711, 'assessment', "
	    "'2026-11-23T02:00:00Z', 'Sekretariat');");
	assert_int_equal(apply(f, "sekretariat", SARI_NEW, fresh, true, &m,
	    &field), SEL_ESTATE);
	assert_non_null(strstr(m.text, "tidak hadir"));
	UNCHANGED(f, ev);
	sql(f, "DELETE FROM stage_absence WHERE application_id = 711;");
	assert_int_equal(apply(f, "sekretariat", SARI_NEW, fresh, true, &m,
	    &field), SEL_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM assessment_reuse WHERE "
	    "application_id = 711 AND valid_until = '2027-01-05'"), 1);
}

static void
stg_reuse_page_refused_without_rule_or_role(void **state)
{
	struct fx *f = *state;
	struct reuse_view rv;
	struct app_msg m;
	struct reuse_region *rg;
	struct who w;
	size_t n;

	seed_region(f);
	fx_as(f, "ppk", &w);
	assert_int_equal(app_reuse_view(f->app, f->ar, &w, NEW, &rv, &m),
	    SEL_EPERM);
	fx_as(f, "pengawas", &w);
	assert_int_equal(app_reuse_view(f->app, f->ar, &w, NEW, &rv, &m),
	    SEL_OK);
	assert_false(rv.may_apply);
	fx_as(f, "sekretariat", &w);
	assert_int_equal(app_reuse_view(f->app, f->ar, &w, DEMAK, &rv, &m),
	    SEL_OK);
	assert_null(rv.rule);
	assert_int_equal(app_reuse_view(f->app, f->ar, &w, 9999, &rv, &m),
	    SEL_ENOENT);
	/* The region page: the secretariat's regions, none for others. */
	assert_int_equal(app_reuse_regions(f->app, f->ar, &w, &rg, &n), SEL_OK);
	assert_true(n >= 3);
	fx_as(f, "ketua", &w);
	assert_int_equal(app_reuse_regions(f->app, f->ar, &w, &rg, &n), SEL_OK);
	assert_int_equal(n, 0);
}

/*
 * A candidate who took a result on record is not scored again: the
 * assessment stage takes that result as its selection published it
 * (Budi's 160.01/2 = 80.005, half up: 80.01), the raters' sheets leave
 * him out and refuse a score for him, and closing records only those
 * the raters assessed here.
 */
static void
stg_reuse_score_taken_at_the_assessment(void **state)
{
	struct fx *f = *state;
	const struct str assess = STR("assessment");
	struct score_view v;
	struct app_msg m;
	const char *field = NULL;
	struct who sec, chair, ases;
	int64_t budi;
	size_t n;

	seed_region(f);
	seed_closed_assessment(f);
	assert_int_equal(close_records(f, OLD, &n), SEL_OK);
	budi = count(f, "SELECT id FROM assessment_record WHERE "
	    "application_id = 700");
	assert_int_equal(apply(f, "ketua", BUDI_NEW, budi, true, &m, &field),
	    SEL_OK);
	/* Pekalongan's assessment: the assessors score (STG-ASSESS). */
	sql(f, "INSERT INTO grant_role (account_id, region_id, selection_id, "
	    "role) SELECT id, 50, 501, 'assessor' FROM account WHERE login = "
	    "'asesor';");
	fx_as(f, "sekretariat", &sec);
	fx_as(f, "ketua", &chair);
	fx_as(f, "asesor", &ases);
	assert_int_equal(app_stage_open(f->app, f->ar, &sec, NEW, assess, &m),
	    SEL_OK);
	/* The sheet names the result on record instead of a field. */
	assert_int_equal(app_score_view(f->app, f->ar, &ases, NEW, assess,
	    false, &v, &m), SEL_OK);
	assert_int_equal(v.nrows, 2);
	for (size_t i = 0; i < v.nrows; i++)
		assert_true((v.rows[i].reused != NULL) ==
		    (v.rows[i].application_id == BUDI_NEW));
	/* No score for him: refused, nothing written. */
	assert_int_equal(app_score_enter(f->app, f->ar, &ases, NEW, assess,
	    BUDI_NEW, STR("90"), NULL, STR(""), &m), SEL_ESTATE);
	t_contains(str_c(m.text), "STG-REUSE");
	assert_int_equal(count(f, "SELECT count(*) FROM score WHERE "
	    "selection_id = 501"), 0);
	/* The assessor scores Sari only and may send the sheet. */
	assert_int_equal(app_score_enter(f->app, f->ar, &ases, NEW, assess,
	    SARI_NEW, STR("76"), NULL, STR(""), &m), SEL_OK);
	assert_int_equal(app_score_submit(f->app, f->ar, &ases, NEW, assess,
	    &m), SEL_OK);
	assert_int_equal(app_stage_close(f->app, f->ar, &chair, NEW, assess,
	    STR("Hasil asesmen ditetapkan."), &m), SEL_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM stage_outcome WHERE "
	    "application_id = 710 AND stage = 'assessment' AND score_sum = "
	    "8001 AND score_count = 1 AND outcome = 'passed'"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM stage_outcome WHERE "
	    "application_id = 711 AND score_sum = 7600 AND score_count = 1"),
	    1);
	/* Budi's result stays the 2024 one: no second record of it. */
	assert_int_equal(count(f, "SELECT count(*) FROM assessment_record "
	    "WHERE nip = '" BUDI_NIP "'"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM assessment_record "
	    "WHERE application_id = 711"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("STG-REUSE", stg_reuse_records_from_closed_stage),
		RULE_TEST("STG-REUSE", stg_reuse_apply_roles_and_refusals),
		RULE_TEST("STG-REUSE", stg_reuse_hand_record_and_expiry),
		RULE_TEST("STG-REUSE",
		    stg_reuse_page_refused_without_rule_or_role),
		RULE_TEST("STG-REUSE", stg_reuse_score_taken_at_the_assessment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
