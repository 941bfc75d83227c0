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
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "t_app.h"
#include "app/reuse.h"
#include "base/banned.h"

#define OLD	500		/* the 2024 selection: the source */
#define NEW	501		/* the 2026 one, assessment 21-22 Dec */
#define DEMAK	502		/* a region whose regulation has none */
#define BUDI_OLD 700		/* applications */
#define SARI_OLD 701
#define BUDI_NEW 710
#define SARI_NEW 711
#define BUDI_NIP "199001012015031001"
#define SARI_NIP "198502022010012002"

static void
sql(struct fx *f, const char *text)
{
	sqlite3 *db;
	char *err = NULL;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 10000);
	if (sqlite3_exec(db, text, NULL, NULL, &err) != SQLITE_OK) {
		print_message("# %s\n", err);
		sqlite3_free(err);
		sqlite3_close(db);
		fail();
	}
	sqlite3_close(db);
}

static int64_t
count(struct fx *f, const char *query)
{
	sqlite3 *db;
	sqlite3_stmt *q;
	int64_t n = -1;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, query, -1, &q, NULL),
	    SQLITE_OK);
	if (sqlite3_step(q) == SQLITE_ROW)
		n = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(db);
	return n;
}

/*
 * Region 50 on pekalongan-2022 (STG-REUSE, 3 years), region 52 on its
 * Covid profile, region 51 on demak-2022 (none), the demo secretariat
 * granted in each, the chair of the new selection; two applicants, both
 * candidates of the old selection's and the new selection's assessment.
 */
static void
seed_region(struct fx *f)
{
	sql(f, "INSERT INTO region (id, code, name, profile_id, oversight) "
	    "VALUES (50, 'pekalongan', 'Pemerintah Kota Pekalongan', "
	    "'pekalongan-2022', 'KASN'), (51, 'demakb', 'Pemerintah Kabupaten "
	    "Demak B', 'demak-2022', 'BKN'), (52, 'batang', 'Pemerintah "
	    "Kabupaten Batang', 'pekalongan-2022-covid', 'KASN');"
	    "INSERT INTO grant_role (account_id, region_id, selection_id, role) "
	    "SELECT id, r, 0, 'secretariat' FROM account, (SELECT 50 r UNION "
	    "SELECT 51 UNION SELECT 52) WHERE login = 'sekretariat';"
	    "INSERT INTO grant_role (account_id, region_id, selection_id, role) "
	    "SELECT id, 50, 501, 'chair' FROM account WHERE login = 'ketua';"
	    "INSERT INTO grant_role (account_id, region_id, selection_id, role) "
	    "SELECT id, 50, 501, 'member' FROM account WHERE login = 'anggota';"
	    "INSERT INTO grant_role (account_id, region_id, selection_id, role) "
	    "SELECT id, 50, 0, 'oversight' FROM account WHERE login = "
	    "'pengawas';"
	    "INSERT INTO selection (id, region_id, title, state, created_at, "
	    "published_at, adm_published_at) VALUES "
	    "(500, 50, 'Seleksi JPT Pratama 2024', 'published', "
	    "'2024-01-02T00:00:00Z', '2024-01-03T00:00:00Z', "
	    "'2024-02-20T00:00:00Z'), "
	    "(501, 50, 'Seleksi JPT Pratama 2026', 'published', "
	    "'2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z', "
	    "'2026-11-20T00:00:00Z'), "
	    "(502, 51, 'Seleksi Demak 2026', 'published', "
	    "'2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z', "
	    "'2026-11-20T00:00:00Z');"
	    "INSERT INTO selection_stage (selection_id, stage, starts_on, "
	    "ends_on, provider) VALUES (500, 'assessment', '2024-03-04', "
	    "'2024-03-05', 'UPT Penilaian Kompetensi BKD Jawa Tengah'), "
	    "(500, 'interview', '2024-03-11', '2024-03-11', ''), "
	    "(501, 'assessment', '2026-12-21', '2026-12-22', ''), "
	    "(502, 'assessment', '2026-12-21', '2026-12-22', '');"
	    "INSERT INTO vacancy (id, selection_id, title, agency, level, "
	    "echelon, kind, reason) VALUES (600, 500, 'Kepala Dinas Kesehatan',"
	    " 'Pemerintah Kota Pekalongan', 'jpt_pratama', 'II.b', "
	    "'agency_head', 'pensiun'), (601, 501, 'Kepala Dinas Pendidikan', "
	    "'Pemerintah Kota Pekalongan', 'jpt_pratama', 'II.b', "
	    "'agency_head', 'pensiun'), (602, 502, 'Kepala Dinas Sosial', "
	    "'Pemerintah Kabupaten Demak', 'jpt_pratama', 'II.b', "
	    "'agency_head', 'pensiun');"
	    "INSERT INTO account (id, login, name, pwhash, created_at) VALUES "
	    "(900, '" BUDI_NIP "', 'Budi Santoso', 'x', '2024-01-05T00:00:00Z'),"
	    " (901, '" SARI_NIP "', 'Sari Dewi', 'x', '2024-01-05T00:00:00Z');"
	    "INSERT INTO applicant (account_id, nip, birth_date, tmt_cpns) "
	    "VALUES (900, '" BUDI_NIP "', '1990-01-01', '2015-03'), (901, '"
	    SARI_NIP "', '1985-02-02', '2010-01');"
	    "INSERT INTO application (id, selection_id, vacancy_id, account_id,"
	    " state, reg_no, submitted_at, record, verdict, rules) VALUES "
	    "(700, 500, 600, 900, 'submitted', 'PKL-2024-1', "
	    "'2024-01-10T00:00:00Z', '{}', 'eligible', '[]'), "
	    "(701, 500, 600, 901, 'submitted', 'PKL-2024-2', "
	    "'2024-01-10T00:00:00Z', '{}', 'eligible', '[]'), "
	    "(710, 501, 601, 900, 'submitted', 'PKL-2026-1', "
	    "'2026-11-10T00:00:00Z', '{}', 'eligible', '[]'), "
	    "(711, 501, 601, 901, 'submitted', 'PKL-2026-2', "
	    "'2026-11-10T00:00:00Z', '{}', 'eligible', '[]'), "
	    "(720, 502, 602, 900, 'submitted', 'DMK-2026-1', "
	    "'2026-11-10T00:00:00Z', '{}', 'eligible', '[]');"
	    "INSERT INTO adm_decision (application_id, passed, reason, "
	    "decided_by, decided_at) SELECT id, 1, 'Memenuhi syarat.', 'Ketua',"
	    " submitted_at FROM application WHERE id >= 700;");
}

/*
 * The old selection's assessment closed on 6 March 2024 (14.00 WIB):
 * both passed, two raters each with the parts; Budi was then absent from
 * the interview (could not go on), Sari took it (its stage closed later).
 */
static void
seed_closed_assessment(struct fx *f)
{
	sql(f, "INSERT INTO score (selection_id, application_id, stage, "
	    "rater_id, value, part_managerial, part_social, part_field, "
	    "entered_at) SELECT 500, 700, 'assessment', id, v, m, s, -1, "
	    "'2024-03-05T08:00:00Z' FROM account, (SELECT 8050 v, 8000 m, "
	    "8100 s, 'ketua' l UNION SELECT 7951, 7901, 8001, 'anggota') "
	    "WHERE login = l;"
	    "INSERT INTO score (selection_id, application_id, stage, rater_id, "
	    "value, entered_at) SELECT 500, 701, 'assessment', id, 7000, "
	    "'2024-03-05T08:00:00Z' FROM account WHERE login IN ('ketua', "
	    "'anggota');"
	    "INSERT INTO stage_close (selection_id, stage, closed_at, "
	    "closed_by, decision) VALUES (500, 'assessment', "
	    "'2024-03-06T07:00:00Z', 'Ketua', 'Lulus assessment.');"
	    "INSERT INTO stage_outcome (selection_id, application_id, stage, "
	    "score_sum, score_count, outcome) VALUES (500, 700, 'assessment', "
	    "16001, 2, 'passed'), (500, 701, 'assessment', 14000, 2, "
	    "'passed');"
	    "INSERT INTO stage_absence (selection_id, application_id, stage, "
	    "recorded_at, recorded_by) VALUES (500, 700, 'interview', "
	    "'2024-03-11T02:00:00Z', 'Sekretariat');"
	    "INSERT INTO stage_close (selection_id, stage, closed_at, "
	    "closed_by, decision) VALUES (500, 'interview', "
	    "'2024-03-12T07:00:00Z', 'Ketua', 'Selesai.');"
	    "INSERT INTO stage_outcome (selection_id, application_id, stage, "
	    "score_sum, score_count, outcome) VALUES (500, 700, 'interview', "
	    "0, 0, 'absent'), (500, 701, 'interview', 7500, 1, 'passed');");
}

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("STG-REUSE", stg_reuse_records_from_closed_stage),
		RULE_TEST("STG-REUSE", stg_reuse_apply_roles_and_refusals),
		RULE_TEST("STG-REUSE", stg_reuse_hand_record_and_expiry),
		RULE_TEST("STG-REUSE",
		    stg_reuse_page_refused_without_rule_or_role),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
