/*
 * test_letters_app.c - the letters after the ranking through the
 * application (app/letters.h, report.h, appoint.h; issue 14 items 2-4)
 * on the demo's past selection 3 (Demak, an agency head: no special
 * consultation): the oversight body's recommendation, the follow-up of a
 * binding one, the copies' dispatch and the appointment decree, each
 * with its PDF.  A file that is not a PDF (whatever it is called), one
 * over the limit, none, the wrong role: refused, naming the field, the
 * store unchanged.  A binding recommendation keeps the appointment
 * blocked until its follow-up is recorded; a kept letter is the file of
 * its SHA-256, read by the oversight body and not by a candidate.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "t_app.h"
#include "app/appoint.h"
#include "app/choice.h"
#include "app/letters.h"
#include "app/report.h"
#include "base/banned.h"

#define SEL	3
#define PDF	"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"

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

/* What the acts write, in one number. */
static int64_t
snap(struct fx *f)
{
	assert_true(fx_events(f) > 0);
	return sql_int(f, "SELECT (SELECT count(*) FROM event WHERE "
	    "selection_id = 3) * 100000 + "
	    "(SELECT count(*) FROM letter_file) * 10000 + (SELECT count(*) "
	    "FROM recommendation) * 1000 + (SELECT count(*) FROM rec_followup) "
	    "* 100 + (SELECT count(*) FROM report_copy) * 10 + (SELECT "
	    "count(*) FROM appointment)");
}

typedef enum sel_err act_fn(struct app *, struct arena *, const struct who *,
    int64_t, const struct form *, struct app_msg *, const char **);

/* act as login with kv; *field the field at fault. */
static enum sel_err
act(struct fx *f, act_fn *fn, const char *login, const char *const *kv,
    const char **field)
{
	struct form fm = fx_form(f->ar, kv);
	struct app_msg m;
	struct who w;

	fx_as(f, login, &w);
	*field = NULL;
	return fn(f->app, f->ar, &w, SEL, &fm, &m, field);
}

/* Refused with rc at field (NULL: any), the store unchanged. */
static void
refused(struct fx *f, act_fn *fn, const char *login, const char *const *kv,
    enum sel_err rc, const char *field)
{
	int64_t before = snap(f);
	const char *got;

	assert_int_equal(act(f, fn, login, kv, &got), rc);
	if (field != NULL) {
		assert_non_null(got);
		assert_string_equal(got, field);
	}
	assert_int_equal(snap(f), before);
}

static void
choose(struct fx *f, char vac[24])
{
	struct choice_view cv;
	struct app_msg m;
	struct who w;
	char app[24];
	const char *field;

	fx_as(f, "ppk", &w);
	assert_int_equal(app_choice_view(f->app, f->ar, &w, SEL, &cv, &m),
	    SEL_OK);
	snprintf(vac, 24, "%lld", (long long)cv.vac[0].rv->vacancy_id);
	snprintf(app, sizeof app, "%lld",
	    (long long)cv.vac[0].c[0].application_id);
	assert_int_equal(act(f, app_ppk_choose, "ppk", (const char *[]){
	    "vacancy", vac, "application", app, "chosen_on", "2026-11-23",
	    "reason", "Nilai akhir tertinggi dan sesuai jabatan.", "confirm",
	    "1", NULL }, &field), SEL_OK);
	assert_int_equal(act(f, app_report_send, "sekretariat",
	    (const char *[]){ "letter_no", "800/7/2026", "letter_on",
	    "2026-11-23", "confirm", "1", NULL }, &field), SEL_OK);
}

static void
appt_kasn_report_letters_and_binding_follow_up(void **state)
{
	struct fx *f = *state;
	char vac[24], sha[65], path[600];
	char *big = malloc(LETTER_MAX + 2);
	const char *field;
	struct report_view rv;
	struct app_msg m;
	struct who w;
	struct s_letter l;
	int fd = -1;
	int64_t size = 0, id;

	assert_non_null(big);
	memset(big, 'A', LETTER_MAX + 1);
	memcpy(big, "%PDF-1.4\n", 9);
	big[LETTER_MAX + 1] = '\0';
	choose(f, vac);
#define REC(letter) (const char *[]){ "verdict", "with_notes",		\
	    "letter_no", "B-1/2026", "letter_on", "2026-11-23", "text",	\
	    "Sesuai sistem merit; lengkapi berita acara.", "binding", "1",	\
	    "letter", (letter), NULL }
	/* The recommendation's letter: a PDF by its content, within 2 MB. */
	refused(f, app_recommend, "pengawas", REC(""), SEL_EINVAL, "letter");
	refused(f, app_recommend, "pengawas", REC("<?php system('id'); ?>"),
	    SEL_EINVAL, "letter");
	refused(f, app_recommend, "pengawas", REC("\x89PNG\r\n\x1a\n...."),
	    SEL_EINVAL, "letter");
	refused(f, app_recommend, "pengawas", REC(big), SEL_EINVAL, "letter");
	big[LETTER_MAX] = '\0';		/* exactly at the limit: kept */
	refused(f, app_recommend, "ppk", REC(PDF), SEL_EPERM, NULL);
	refused(f, app_recommend, "ketua", REC(PDF), SEL_EPERM, NULL);
	assert_int_equal(act(f, app_recommend, "pengawas", REC(big), &field),
	    SEL_OK);
	assert_int_equal(sql_int(f, "SELECT size FROM letter_file WHERE ref = "
	    "'recommendation'"), LETTER_MAX);
	/* Binding: the appointment waits for the follow-up. */
	fx_as(f, "ppk", &w);
	assert_int_equal(app_report_view(f->app, f->ar, &w, SEL, &rv, &m),
	    SEL_OK);
	assert_true(rv.awaits_followup);
	assert_true(rv.may_followup);
	assert_non_null(rv.rec_file);
	assert_int_equal(rv.cv.rk.sel.state, FL_REPORT);
#define APPT(letter) (const char *[]){ "vacancy", vac, "decree_no",	\
	    "821.2/15/2026", "decree_on", "2026-11-23", "tmt", "2026-11-23",\
	    "inaugurated_on", "2026-11-23", "mode", "in_person", "place",	\
	    "Pendopo Kabupaten Demak", "confirm", "1", "letter", (letter),	\
	    NULL }
	refused(f, app_appoint, "ppk", APPT(PDF), SEL_ESTATE, NULL);
#define FU(letter) (const char *[]){ "action", "Berita acara dilengkapi " \
	    "dan dikirim kembali.", "done_on", "2026-11-23", "letter_no",	\
	    "800/9/2026", "letter", (letter), NULL }
	refused(f, app_report_followup, "ketua", FU(PDF), SEL_EPERM, NULL);
	refused(f, app_report_followup, "pengawas", FU(PDF), SEL_EPERM, NULL);
	refused(f, app_report_followup, "ppk", FU(""), SEL_EINVAL, "letter");
	refused(f, app_report_followup, "ppk", FU("GIF89a"), SEL_EINVAL,
	    "letter");
	refused(f, app_report_followup, "ppk", (const char *[]){ "action",
	    "Berita acara dilengkapi.", "done_on", "2026-11-22", "letter_no",
	    "800/9/2026", "letter", PDF, NULL }, SEL_EINVAL, "done_on");
	assert_int_equal(act(f, app_report_followup, "sekretariat", FU(PDF),
	    &field), SEL_OK);
	refused(f, app_report_followup, "ppk", FU(PDF), SEL_ESTATE, NULL);
	assert_int_equal(app_report_view(f->app, f->ar, &w, SEL, &rv, &m),
	    SEL_OK);
	assert_false(rv.awaits_followup);
	assert_true(rv.has_followup);
	assert_int_equal(rv.cv.rk.sel.state, FL_APPOINTMENT);
	/* The copies Demak names (Pasal 26(2)), by the secretariat. */
	assert_int_equal(rv.ncopies, 4);
#define COPY(to, on) (const char *[]){ "to", (to), "dispatched_on", (on), \
	    "means", "surat tercatat", "number", "800/8/2026", NULL }
	refused(f, app_report_dispatch, "ppk", COPY("Gubernur Jawa Tengah",
	    "2026-11-23"), SEL_EPERM, NULL);
	refused(f, app_report_dispatch, "sekretariat", COPY("Presiden",
	    "2026-11-23"), SEL_EINVAL, "to");
	refused(f, app_report_dispatch, "sekretariat", COPY("Gubernur Jawa "
	    "Tengah", "2026-11-22"), SEL_EINVAL, "dispatched_on");
	refused(f, app_report_dispatch, "sekretariat", COPY("Gubernur Jawa "
	    "Tengah", "2026-11-24"), SEL_EINVAL, "dispatched_on");
	assert_int_equal(act(f, app_report_dispatch, "sekretariat",
	    COPY("Gubernur Jawa Tengah", "2026-11-23"), &field), SEL_OK);
	refused(f, app_report_dispatch, "sekretariat", COPY("Gubernur Jawa "
	    "Tengah", "2026-11-23"), SEL_ESTATE, "to");
	assert_int_equal(sql_int(f, "SELECT count(*) FROM event WHERE action "
	    "= 'report_copy' AND rules LIKE '%Pasal 26 ayat (2) huruf d%'"), 1);
	/* The decree, a PDF: none, not one, then kept. */
	refused(f, app_appoint, "ppk", APPT(""), SEL_EINVAL, "letter");
	refused(f, app_appoint, "ppk", APPT("<html><script>x</script>"),
	    SEL_EINVAL, "letter");
	refused(f, app_appoint, "sekretariat", APPT(PDF), SEL_EPERM, NULL);
	assert_int_equal(act(f, app_appoint, "ppk", APPT(PDF), &field),
	    SEL_OK);
	id = sql_int(f, "SELECT id FROM letter_file WHERE ref LIKE "
	    "'decree:%'");
	assert_true(id > 0);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM event WHERE action "
	    "= 'appoint' AND after LIKE '%letter_sha256%'"), 1);
	/* Read back by the oversight body: the bytes of its hash. */
	fx_as(f, "pengawas", &w);
	assert_int_equal(app_letter_open(f->app, f->ar, &w, SEL, id, &l, &fd,
	    &size), SEL_OK);
	assert_int_equal(size, (int64_t)strlen(PDF));
	{
		char buf[128];

		assert_int_equal(read(fd, buf, sizeof buf), (ssize_t)strlen(PDF));
		assert_memory_equal(buf, PDF, strlen(PDF));
		close(fd);
	}
	snprintf(sha, sizeof sha, "%.*s", (int)l.sha256.len, l.sha256.p);
	snprintf(path, sizeof path, "%s/%.2s/%s", app_files_dir(f->app), sha,
	    sha + 2);
	assert_int_equal(access(path, R_OK), 0);
	fx_as(f, "calon1", &w);
	assert_int_equal(app_letter_open(f->app, f->ar, &w, SEL, id, &l, &fd,
	    &size), SEL_EPERM);
	fx_as(f, "sekretariat", &w);
	assert_int_equal(app_letter_open(f->app, f->ar, &w, SEL, id + 100, &l,
	    &fd, &size), SEL_ENOENT);
	free(big);
}

/* Not binding: the recommendation opens the appointment at once, and no
   follow-up is taken. */
static void
appt_kasn_report_not_binding_opens_at_once(void **state)
{
	struct fx *f = *state;
	char vac[24];
	const char *field;

	choose(f, vac);
	assert_int_equal(act(f, app_recommend, "sekretariat", (const char *[]){
	    "verdict", "recommended", "letter_no", "B-1/2026", "letter_on",
	    "2026-11-23", "text", "Sesuai sistem merit.", "letter", PDF,
	    NULL }, &field), SEL_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM recommendation WHERE "
	    "recorded_role = 'secretariat' AND binding = 0"), 1);
	refused(f, app_report_followup, "ppk", FU(PDF), SEL_ESTATE, NULL);
	assert_int_equal(act(f, app_appoint, "ppk", APPT(PDF), &field),
	    SEL_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("APPT-KASN-REPORT",
		    appt_kasn_report_letters_and_binding_follow_up),
		RULE_TEST("APPT-KASN-REPORT",
		    appt_kasn_report_not_binding_opens_at_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
