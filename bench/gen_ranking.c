/*
 * gen_ranking: the store of bench/ranking, a national scoring day
 * (bench/README.md).  R regions (profile demak-2022), each with one
 * selection of 10 vacancies and 12 candidates per vacancy past the
 * administrative result, a committee of 7 raters with a login each, and
 * the interview open for scoring today.  Everything goes through the
 * application's use cases (app.h, as the demo does: demo_int.h), with
 * the clock set back to each act's day (10:00 in the region), so the
 * store is what the web pages would have made.  Every account's
 * password is hashed with argon2id at the cheapest parameters (ops 1,
 * 8 KiB): the server of the bench runs with the same ones, so a login
 * costs microseconds.
 *
 * usage: gen_ranking DB REGIONS OUTDIR [PROFILES_DIR]
 *   writes OUTDIR/raters   "SEL LOGIN APP..." one line a rater, the
 *                          chair first in each selection
 *          OUTDIR/chairs   "SEL LOGIN"
 *          OUTDIR/results  the result pages and sheets, one path a line
 *          OUTDIR/ann      the announcement pages, one path a line
 * Every password is "bench-selter-1".
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/demo_int.h"
#include "app/score.h"
#include "app/stage.h"
#include "base/arena.h"
#include "core/profile.h"
#include "web/web.h"
#include "base/banned.h"

#define NVAC	10
#define NCAND	12	/* per vacancy */
#define NRATE	7
#define PW	"bench-selter-1"

static int64_t	id_secr, id_ppk, id_over;

static void
as(struct seed *s, int64_t id, const char *login, enum role r, int64_t reg)
{
	memset(&s->w, 0, sizeof s->w);
	memset(&s->g, 0, sizeof s->g);
	s->w.account_id = id;
	s->w.login = str_c(login);
	s->w.name = str_c(login);
	s->w.admin = r == ROLE__N;
	s->g.region_id = reg;
	s->g.role = r;
	s->w.grants = &s->g;
	s->w.ngrants = r == ROLE__N ? 0 : 1;
}

static int64_t
account(struct seed *s, const char *login, const char *name, bool admin)
{
	struct s_account acc = { 0, str_c(login), str_c(name), STR(""),
	    STR(""), admin };
	int64_t id = 0;

	as(s, 1, "admin", ROLE__N, 0);
	if (s->rc == SEL_OK)
		demo_check(s, app_account_add(s->a, s->ar, &s->w, &acc,
		    STR(PW), &id, &s->m), login);
	return id;
}

static void
clock_at(struct seed *s, const struct profile *p, sel_date d)
{
	s->a->fixed_now = app_day_end(p, d - 1) + 10 * 3600;
}

/* Plan, stages (the interview first, today), committee, announcement. */
static void
prepare(struct seed *s, int64_t sel, int64_t reg, int ri, sel_date t0,
    sel_date today, const int64_t *raters)
{
	static const char *const stages[][2] = { { "administrative", "-8" },
	    { "interview", "0" }, { "paper", "2" }, { "track_record", "3" },
	    { "assessment", "4" }, { "health", "5" }, { "result", "7" } };
	static const char *const members[NRATE][4] = {
		{ "academic", "", "1", "0" }, { "internal", "II.a", "0", "0" },
		{ "internal", "II.b", "0", "0" },
		{ "other_agency", "II.a", "0", "0" },
		{ "professional", "", "0", "1" },
		{ "internal", "II.b", "0", "0" },
		{ "academic", "", "0", "0" },
	};
	const struct profile *p = app_profile_get(s->a, STR("demak-2022"));
	sel_date close = t0 + 19;

	as(s, id_secr, "sekretariat", ROLE_SECRETARIAT, reg);
	for (int v = 0; v < NVAC; v++)
		demo_op(s, sel, OP_VACANCY_ADD, (const char *[]){ "title",
		    arena_printf(s->ar, "Kepala Dinas Bench %d", v + 1).p,
		    "level", "jpt_pratama", "echelon", "II.b", "kind",
		    "agency_head", "field", "kesehatan", "reason", "pensiun",
		    "reason_note", "Pejabat lama pensiun.", NULL });
	demo_op(s, sel, OP_PLAN, (const char *[]){ "duties", "Memimpin "
	    "penyelenggaraan urusan pemerintahan.", "standard", "Standar "
	    "kompetensi sesuai Peraturan Bupati.", "methods", "Makalah, "
	    "assessment center, wawancara, penelusuran rekam jejak.",
	    "system", "Pendaftaran dan pengumuman daring melalui selter.",
	    "w_paper", "20", "w_assessment", "25", "w_interview", "35",
	    "w_track_record", "20", NULL });
	for (size_t i = 0; i < sizeof stages / sizeof *stages; i++) {
		long k = strtol(stages[i][1], NULL, 10);
		sel_date d = today + (sel_date)k;

		demo_op(s, sel, OP_STAGE_PUT, (const char *[]){ "stage",
		    stages[i][0], "starts_on", demo_day(s, d), "ends_on",
		    demo_day(s, d + 1), "method", "", "place",
		    i == 0 || i + 1 == sizeof stages / sizeof *stages ? "" :
		    "Aula BKPSDM", "time_text", i == 0 || i + 1 ==
		    sizeof stages / sizeof *stages ? "" : "08.00-15.00 WIB",
		    NULL });
	}
	demo_op(s, sel, OP_PLAN_SENT, (const char *[]){ "date",
	    demo_day(s, t0 - 30), "ref", "800/1201/BKPSDM", NULL });
	as(s, id_over, "pengawas", ROLE_OVERSIGHT, reg);
	demo_op(s, sel, OP_RECOMMENDATION, (const char *[]){ "date",
	    demo_day(s, t0 - 20), "ref", "B-3150/JP.00/2026", "text",
	    "Dapat dilanjutkan sesuai rencana.", NULL });
	as(s, id_secr, "sekretariat", ROLE_SECRETARIAT, reg);
	for (int i = 0; i < NRATE; i++)
		demo_op(s, sel, OP_MEMBER_ADD, (const char *[]){ "name",
		    arena_printf(s->ar, "Penilai %d Wilayah %d", i + 1,
		    ri + 1).p, "origin", members[i][0], "echelon",
		    members[i][1], "chair", members[i][2], "assessor",
		    members[i][3], "login", arena_printf(s->ar, "r%03d%c%d",
		    ri, i == 0 ? 'k' : 'a', i).p,
		    "decl", "knowledge_field", "decl",
		    "knowledge_assessment", "decl", "no_party_stamped", "decl",
		    "no_conflict", "decl", "integrity_pact", "decl",
		    "code_of_ethics", "decl", "no_party", NULL });
	as(s, id_ppk, "ppk", ROLE_PPK, reg);
	demo_op(s, sel, OP_COMMITTEE_CONFIRM, (const char *[]){ "date",
	    demo_day(s, t0 - 10), "ref", "Keputusan Bupati Nomor 800/77/2026",
	    NULL });
	as(s, id_secr, "sekretariat", ROLE_SECRETARIAT, reg);
	{
		const char *kv[64];
		size_t n = 0;

		kv[n++] = "number";
		kv[n++] = "800/1299/PANSEL/2026";
		kv[n++] = "open";
		kv[n++] = demo_day(s, t0);
		kv[n++] = "close";
		kv[n++] = demo_day(s, close);
		kv[n++] = "text";
		kv[n++] = "Berkas dikirim melalui selter.";
		for (size_t i = 0; p != NULL && i < p->ncontent && n < 60;
		    i++) {
			kv[n++] = "item";
			kv[n++] = arena_strndup(s->ar, p->content[i].id.p,
			    p->content[i].id.len);
		}
		kv[n] = NULL;
		demo_op(s, sel, OP_ANNOUNCEMENT, kv);
	}
	as(s, raters[0], "ketua", ROLE_CHAIR, reg);
	demo_op(s, sel, OP_PUBLISH, (const char *[]){ "confirm", "1", NULL });
}

static void
region(struct seed *s, int ri, sel_date today, FILE *fr, FILE *fc,
    FILE *fres, FILE *fann)
{
	const struct profile *p = app_profile_get(s->a, STR("demak-2022"));
	struct s_region reg = { 0, STR(""), STR(""), STR("demak-2022"),
	    STR("BKN"), STR("Sekretariat Panitia Seleksi (bench)") };
	int64_t rid = 0, sel = 0, raters[NRATE], apps[NVAC * NCAND];
	struct s_vacancy *v = NULL;
	size_t nv = 0;
	struct stx *tx;
	sel_date t0 = today - 30;
	char code[16];

	snprintf(code, sizeof code, "bench%03d", ri);
	reg.code = str_c(code);
	/* The name of the agency in demo_applicant's record (ELIG-*). */
	reg.name = STR("Pemerintah Kabupaten Demak");
	clock_at(s, p, t0 - 40);
	as(s, 1, "admin", ROLE__N, 0);
	demo_check(s, app_region_add(s->a, s->ar, &s->w, &reg, &rid, &s->m),
	    "region");
	for (int i = 0; i < NRATE; i++) {
		const char *login = arena_printf(s->ar, "r%03d%c%d", ri,
		    i == 0 ? 'k' : 'a', i).p;

		raters[i] = account(s, login, arena_printf(s->ar,
		    "Penilai %d Wilayah %d", i + 1, ri + 1).p, false);
	}
	as(s, id_secr, "sekretariat", ROLE_SECRETARIAT, rid);
	if (s->rc == SEL_OK)
		demo_check(s, app_sel_create(s->a, s->ar, &s->w, reg.code,
		    arena_printf(s->ar, "Seleksi Terbuka JPT Pratama Kabupaten "
		    "Bench %03d Tahun 2026", ri), &sel, &s->m), "selection");
	clock_at(s, p, t0);
	prepare(s, sel, rid, ri, t0, today, raters);
	if (s->rc != SEL_OK)
		return;
	if (store_begin(s->a->st, false, &tx) != SEL_OK) {
		demo_check(s, SEL_ESTORE, "vacancies");
		return;
	}
	demo_check(s, store_vacancies(tx, s->ar, sel, &v, &nv), "vacancies");
	store_abort(s->a->st, tx);
	if (s->rc == SEL_OK && nv != NVAC)
		demo_check(s, SEL_ENOENT, "vacancies");
	/* The candidates: applicant g, born 1975-01-01 + g % 2000 days. */
	clock_at(s, p, t0 + 3);
	for (int k = 0; k < NVAC * NCAND && s->rc == SEL_OK; k++) {
		int g = ri * NVAC * NCAND + k, y, mo, d;
		const char *nip, *name, *login;
		struct who w;
		sel_date b = 0;
		int64_t id;

		(void)date_make(1975, 1, 1, &b);
		date_ymd(b + (sel_date)(g % 2000), &y, &mo, &d);
		nip = arena_printf(s->ar, "%04d%02d%02d200003%d%03d", y, mo, d,
		    1 + g % 2, g / 2000).p;
		name = arena_printf(s->ar, "Calon %d Wilayah %d", k + 1,
		    ri + 1).p;
		login = arena_printf(s->ar, "c%03d%03d", ri, k).p;
		id = account(s, login, name, false);
		demo_applicant(s, id, nip, name);
		memset(&w, 0, sizeof w);
		w.account_id = id;
		w.login = str_c(login);
		w.name = str_c(name);
		if (s->rc == SEL_OK)
			demo_check(s, app_apply(s->a, s->ar, &w,
			    v[k / NCAND].id, &apps[k], &s->m), "application");
	}
	/* Registration closed, every file passed, the result signed. */
	clock_at(s, p, t0 + 20);
	as(s, id_secr, "sekretariat", ROLE_SECRETARIAT, rid);
	if (s->rc == SEL_OK)
		demo_check(s, app_reg_close(s->a, s->ar, &s->w, sel, true,
		    &s->m), "close");
	for (int k = 0; k < NVAC * NCAND && s->rc == SEL_OK; k++)
		demo_check(s, app_adm_check(s->a, s->ar, &s->w, sel, apps[k],
		    true, STR("Berkas lengkap."), &s->m), "check");
	as(s, raters[0], "ketua", ROLE_CHAIR, rid);
	for (int k = 0; k < NVAC * NCAND && s->rc == SEL_OK; k++)
		demo_check(s, app_adm_decide(s->a, s->ar, &s->w, sel, apps[k],
		    true, STR("Memenuhi seluruh persyaratan administrasi."),
		    &s->m), "decision");
	if (s->rc == SEL_OK)
		demo_check(s, app_adm_publish(s->a, s->ar, &s->w, sel, true,
		    &s->m), "administrative result");
	/* Now: the interview's invitations, and its scoring opened (the
	   server goes on from here with the real clock). */
	s->a->fixed_now = (int64_t)time(NULL) - 60;
	as(s, id_secr, "sekretariat", ROLE_SECRETARIAT, rid);
	{
		int sent = 0;

		if (s->rc == SEL_OK)
			demo_check(s, app_stage_invite(s->a, s->ar, &s->w, sel,
			    FL_INTERVIEW, &sent, &s->m), "invitations");
	}
	if (s->rc == SEL_OK)
		demo_check(s, app_stage_open(s->a, s->ar, &s->w, sel,
		    STR("interview"), &s->m), "stage open");
	if (s->rc != SEL_OK)
		return;
	for (int i = 0; i < NRATE; i++) {
		fprintf(fr, "%" PRId64 " r%03d%c%d", sel, ri, i == 0 ? 'k' :
		    'a', i);
		for (int k = 0; k < NVAC * NCAND; k++)
			fprintf(fr, " %" PRId64, apps[k]);
		fputc('\n', fr);
	}
	fprintf(fc, "%" PRId64 " r%03dk0\n", sel, ri);
	fprintf(fres, "/seleksi/%" PRId64 "/hasil/wawancara\n"
	    "/seleksi/%" PRId64 "/hasil/wawancara/lembar.json\n", sel, sel);
	for (size_t i = 0; i < nv; i++)
		fprintf(fres, "/seleksi/%" PRId64 "/hasil/wawancara/lembar/"
		    "%" PRId64 ".json\n", sel, v[i].id);
	fprintf(fann, "/seleksi/%" PRId64 "\n", sel);
}

static FILE *
out(const char *dir, const char *name)
{
	char path[1024];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((f = fopen(path, "w")) == NULL) {
		perror(path);
		exit(2);
	}
	return f;
}

int
main(int argc, char *argv[])
{
	struct app_config cf;
	struct app *a = NULL;
	char err[1024] = "";
	struct seed s;
	const struct profile *p;
	FILE *fr, *fc, *fres, *fann;
	long nreg;
	sel_date today;
	struct timespec t0, t1;

	if (argc < 4 || (nreg = strtol(argv[2], NULL, 10)) < 1 || nreg > 999) {
		fprintf(stderr, "usage: gen_ranking DB REGIONS(1-999) OUTDIR "
		    "[PROFILES_DIR]\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(&cf, 0, sizeof cf);
	cf.db_path = argv[1];
	cf.db_conns = 2;
	cf.argon_ops = 1;
	cf.argon_mem_kib = 8;
	cf.render = web_render_doc;
	cf.profiles_dir = argc > 4 ? argv[4] : NULL;
	if (app_open(&cf, &a, err, sizeof err) != SEL_OK) {
		fprintf(stderr, "gen_ranking: %s\n", err);
		return 2;
	}
	memset(&s, 0, sizeof s);
	s.a = a;
	s.ar = arena_new(1 << 16);
	s.rc = SEL_OK;
	s.err = err;
	s.errsz = sizeof err;
	p = app_profile_get(a, STR("demak-2022"));
	if (p == NULL) {
		fprintf(stderr, "gen_ranking: no profile demak-2022\n");
		return 2;
	}
	today = app_today(a, p);
	clock_at(&s, p, today - 80);
	account(&s, "admin", "Administrator Sistem", true);
	id_secr = account(&s, "sekretariat", "Sekretariat (bench)", false);
	id_ppk = account(&s, "ppk", "PPK (bench)", false);
	id_over = account(&s, "pengawas", "Pengawas (bench)", false);
	fr = out(argv[3], "raters");
	fc = out(argv[3], "chairs");
	fres = out(argv[3], "results");
	fann = out(argv[3], "ann");
	for (int ri = 0; ri < (int)nreg && s.rc == SEL_OK; ri++) {
		region(&s, ri, today, fr, fc, fres, fann);
		arena_reset(s.ar);
		if ((ri + 1) % 20 == 0) {
			clock_gettime(CLOCK_MONOTONIC, &t1);
			fprintf(stderr, "gen_ranking: %d regions, %.0f s\n",
			    ri + 1, (double)(t1.tv_sec - t0.tv_sec));
		}
	}
	if (fclose(fr) != 0 || fclose(fc) != 0 || fclose(fres) != 0 ||
	    fclose(fann) != 0)
		s.rc = SEL_ESTORE;
	arena_destroy(s.ar);
	app_close(a);
	if (s.rc != SEL_OK) {
		fprintf(stderr, "gen_ranking: %s\n", err);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(stderr, "gen_ranking: %ld regions in %.1f s\n", nreg,
	    (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return 0;
}
