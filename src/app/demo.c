/*
 * demo.c - the demo data of the README's first command: one region
 * (Kabupaten Demak, profile demak-2022), one account per role, a selection
 * whose announcement waits for the chair's signature, and one already
 * published.  Written through the same use cases as the web pages, so the
 * audit trail starts with it.  Dates follow today's, so the demo works on
 * any day.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "app/app_int.h"
#include "app/demo_int.h"
#include "base/arena.h"
#include "core/profile.h"
#include "base/banned.h"

#define DEMO_PW	"demo-selter"
/* The logins from this index on are made only with the history. */
#define DEMO_HISTORY_LOGINS	10

const char *const app_demo_logins[][3] = {
	{ "admin", DEMO_PW, "administrator" },
	{ "sekretariat", DEMO_PW, "secretariat" },
	{ "ketua", DEMO_PW, "chair" },
	{ "anggota", DEMO_PW, "member" },
	{ "asesor", DEMO_PW, "assessor" },
	{ "narasumber", DEMO_PW, "narasumber" },
	{ "pyb", DEMO_PW, "pyb" },
	{ "ppk", DEMO_PW, "ppk" },
	{ "pengawas", DEMO_PW, "oversight" },
	{ "pelamar", DEMO_PW, "applicant" },
	{ "anggota2", DEMO_PW, "member" },
	{ "anggota3", DEMO_PW, "member" },
	{ "anggota4", DEMO_PW, "member" },
	{ NULL, NULL, NULL },
};

static const char *const names[] = {
	"Administrator Sistem", "Sri Wahyuni, S.Sos.", "Dr. Siti Aminah, M.Si.",
	"Ir. Joko Prasetyo, M.T.", "Dra. Endang Lestari, Psikolog",
	"Prof. Dr. Bambang Sutejo", "Drs. Agus Salim, M.M.",
	"Bupati Demak (demo)", "Petugas BKN (demo)", "Budi Santoso, S.KM.",
	"Drs. Hadi Purnomo, M.Si.", "Dr. Retno Wulandari, M.Kes.",
	"Dra. Endang Lestari, Psikolog"
};


void
demo_as(struct seed *s, const char *login, enum role r, int64_t region)
{
	memset(&s->w, 0, sizeof s->w);
	memset(&s->g, 0, sizeof s->g);
	s->w.account_id = 1;
	for (int i = 0; app_demo_logins[i][0] != NULL; i++)
		if (strcmp(app_demo_logins[i][0], login) == 0)
			s->w.account_id = i + 1;	/* made in order */
	s->w.login = str_c(login);
	s->w.name = STR("Data demo");
	for (int i = 0; app_demo_logins[i][0] != NULL; i++)
		if (strcmp(app_demo_logins[i][0], login) == 0)
			s->w.name = str_c(names[i]);
	s->w.admin = r == ROLE__N;
	s->g.region_id = region;
	s->g.role = r;
	s->w.grants = &s->g;
	s->w.ngrants = r == ROLE__N ? 0 : 1;
}

void
demo_check(struct seed *s, enum sel_err rc, const char *what)
{
	if (rc != SEL_OK && s->rc == SEL_OK) {
		s->rc = rc;
		snprintf(s->err, s->errsz, "demo: %s: %s %s", what,
		    sel_strerror(rc), s->m.text);
	}
}

void
demo_op(struct seed *s, int64_t sel, enum prep_op o, const char *const *kv)
{
	struct field f[24];
	struct form fm = { f, 0 };

	for (; kv[0] != NULL && fm.n < 24; kv += 2, fm.n++) {
		f[fm.n].name = str_c(kv[0]);
		f[fm.n].value = str_c(kv[1]);
	}
	if (s->rc == SEL_OK)
		demo_check(s, app_prep(s->a, s->ar, &s->w, sel, o, &fm, &s->m),
		    "preparation");
}

const char *
demo_day(struct seed *s, sel_date d)
{
	int y, m, dd;

	date_ymd(d, &y, &m, &dd);
	return arena_printf(s->ar, "%04d-%02d-%02d", y, m, dd).p;
}

void
demo_vacancy(struct seed *s, int64_t sel, const char *title)
{
	demo_as(s, "sekretariat", ROLE_SECRETARIAT, 1);
	demo_op(s, sel, OP_VACANCY_ADD, (const char *[]){ "title",
	    title != NULL ? title : "Kepala Dinas Kesehatan", "level", "jpt_pratama", "echelon", "II.b",
	    "kind", "agency_head", "field", "kesehatan", "reason", "pensiun",
	    "reason_note", "Pejabat lama pensiun.", NULL });
}

void
demo_prepare(struct seed *s, int64_t sel, sel_date today, sel_date open,
    sel_date close, bool publish, bool past)
{
	const char *d_sent = demo_day(s, today - 30), *d_rec = demo_day(s, today - 20),
	    *d_com = demo_day(s, today - 10);
	/* The committee is people: the chair and one member are the demo
	   accounts ketua and anggota; the others are invited by e-mail. */
	static const char *const members[][7] = {
		{ "Dr. Siti Aminah, M.Si.", "academic", "", "1", "0",
		    "login", "ketua" },
		{ "Ir. Joko Prasetyo, M.T.", "internal", "II.a", "0", "0",
		    "login", "anggota" },
		{ "Drs. Hadi Purnomo, M.Si.", "internal", "II.b", "0", "0",
		    "email", "hadi.purnomo@example.org" },
		{ "Dr. Retno Wulandari, M.Kes.", "other_agency", "II.a", "0",
		    "0", "email", "retno.wulandari@example.org" },
		{ "Dra. Endang Lestari, Psikolog", "professional", "", "0",
		    "1", "email", "endang.lestari@example.org" },
	};
	static const char *const logins[] = { NULL, NULL, "anggota2",
		"anggota3", "anggota4" };

	demo_as(s, "sekretariat", ROLE_SECRETARIAT, 1);
	demo_op(s, sel, OP_PLAN, (const char *[]){ "duties", "Memimpin "
	    "penyelenggaraan urusan pemerintahan bidang kesehatan.",
	    "standard", "Standar kompetensi manajerial, sosial kultural dan "
	    "teknis sesuai Peraturan Bupati.", "methods", "Makalah, assessment "
	    "center, wawancara, penelusuran rekam jejak.", "system",
	    "Pendaftaran dan pengumuman daring melalui selter.", "w_paper",
	    "20", "w_assessment", "25", "w_interview", "35", "w_track_record",
	    "20", NULL });
	static const char *const stages[][2] = { { "administrative", "3" },
	    { "paper", "7" }, { "track_record", "9" }, { "assessment", "12" },
	    { "interview", "16" }, { "health", "18" }, { "result", "21" } };
	for (size_t i = 0; i < sizeof stages / sizeof *stages; i++) {
		int64_t k;

		parse_i64(str_c(stages[i][1]), 0, 99, &k);
		demo_op(s, sel, OP_STAGE_PUT, (const char *[]){ "stage",
		    stages[i][0], "starts_on", demo_day(s, close + (sel_date)k),
		    "ends_on", demo_day(s, close + (sel_date)k + 1), "method", "",
		    "place", !past || i == 0 || i + 1 == sizeof stages /
		    sizeof *stages ? "" : "Aula BKPSDM Kabupaten Demak, Jl. "
		    "Contoh No. 1", "time_text", !past || i == 0 || i + 1 ==
		    sizeof stages / sizeof *stages ? "" : "08.00-15.00 WIB",
		    NULL });
	}
	demo_op(s, sel, OP_PLAN_SENT, (const char *[]){ "date", d_sent, "ref",
	    "800/1201/BKPSDM", NULL });
	demo_as(s, "pengawas", ROLE_OVERSIGHT, 1);
	demo_op(s, sel, OP_RECOMMENDATION, (const char *[]){ "date", d_rec, "ref",
	    "B-3150/JP.00/2026", "text", "Dapat dilanjutkan sesuai rencana.",
	    NULL });
	demo_as(s, "sekretariat", ROLE_SECRETARIAT, 1);
	for (size_t i = 0; i < sizeof members / sizeof *members; i++)
		demo_op(s, sel, OP_MEMBER_ADD, (const char *[]){ "name",
		    members[i][0], "origin", members[i][1], "echelon",
		    members[i][2], "chair", members[i][3], "assessor",
		    members[i][4],
		    past && logins[i] != NULL ? "login" : members[i][5],
		    past && logins[i] != NULL ? logins[i] : members[i][6],
		    "decl",
		    "knowledge_field", "decl",
		    "knowledge_assessment", "decl", "no_party_stamped", "decl",
		    "no_conflict", "decl", "integrity_pact", "decl",
		    "code_of_ethics", "decl", "no_party", NULL });
	demo_as(s, "ppk", ROLE_PPK, 1);
	demo_op(s, sel, OP_COMMITTEE_CONFIRM, (const char *[]){ "date", d_com,
	    "ref", "Keputusan Bupati Demak Nomor 800/77/2026", NULL });
	demo_as(s, "sekretariat", ROLE_SECRETARIAT, 1);
	{
		const char *kv[64];
		size_t n = 0;
		const struct profile *p = app_profile_get(s->a,
		    STR("demak-2022"));

		kv[n++] = "number";
		kv[n++] = "800/1299/PANSEL/2026";
		kv[n++] = "open";
		kv[n++] = demo_day(s, open);
		kv[n++] = "close";
		kv[n++] = demo_day(s, close);
		kv[n++] = "text";
		kv[n++] = "Berkas dikirim melalui selter. Seleksi tidak "
		    "dipungut biaya.";
		for (size_t i = 0; p != NULL && i < p->ncontent && n < 60;
		    i++) {
			kv[n++] = "item";
			kv[n++] = arena_strndup(s->ar, p->content[i].id.p,
			    p->content[i].id.len);
		}
		kv[n] = NULL;
		demo_op(s, sel, OP_ANNOUNCEMENT, kv);
	}
	if (publish) {
		demo_as(s, "ketua", ROLE_CHAIR, 1);
		s->w.name = STR("Dr. Siti Aminah, M.Si.");
		demo_op(s, sel, OP_PUBLISH, (const char *[]){ "confirm", "1",
		    NULL });
	}
}

/*
 * The demo pelamar as a registered applicant: a NIP that agrees with his
 * birth date and TMT, the address confirmed, and a record (through the
 * same path as an import) that meets demo vacancy 1's rules, so that the
 * journey can be tried at once; /pelamar/data/isian edits it.
 */
#define DEMO_NIP	"197804212003031002"
#define DEMO_RECORD "{\"nip\": \"%s\", \"name\": \"%s\", " \
	"\"birth_date\": \"%s\", \"employment\": \"pns\", " \
	"\"agency\": {\"name\": \"Pemerintah Kabupaten Demak\", \"kind\": " \
	"\"regency\", \"province\": \"Jawa Tengah\"}, \"grade\": \"IV/a\", " \
	"\"education\": [{\"level\": \"S2\", \"major\": \"Kesehatan " \
	"Masyarakat\"}], \"certificates\": [], \"posts\": [{\"title\": " \
	"\"Kepala Bidang Pelayanan Kesehatan\", \"kind\": \"structural\", " \
	"\"echelon\": \"III.b\", \"fields\": [\"kesehatan\"], \"start\": " \
	"\"2014-01-02\", \"end\": \"2019-03-01\"}, {\"title\": \"Sekretaris " \
	"Dinas Kesehatan\", \"kind\": \"structural\", \"echelon\": " \
	"\"III.a\", \"fields\": [\"kesehatan\"], \"start\": \"2019-03-01\", " \
	"\"end\": null}], \"training\": [\"pim_iii\"], \"penalties\": [], " \
	"\"under_examination\": false, \"performance\": [{\"year\": 2024, " \
	"\"rating\": \"baik\"}, {\"year\": 2025, \"rating\": " \
	"\"sangat_baik\"}], \"recommendation\": {\"by\": \"pyb\", " \
	"\"ppk_approved\": true}}"

void
demo_applicant(struct seed *s, int64_t account_id, const char *nip,
    const char *name)
{
	struct s_applicant p;
	struct stx *tx;
	enum sel_err rc;
	/* The NIP holds the birth date (1-8) and the TMT (9-14). */
	const char *birth = arena_printf(s->ar, "%.4s-%.2s-%.2s", nip, nip + 4,
	    nip + 6).p;
	struct who w;

	memset(&p, 0, sizeof p);
	p.account_id = account_id;
	p.nip = str_c(nip);
	p.birth_date = str_c(birth);
	p.tmt_cpns = arena_printf(s->ar, "%.4s-%.2s", nip + 8, nip + 12);
	if (s->rc != SEL_OK ||
	    (rc = store_begin(s->a->st, true, &tx)) != SEL_OK) {
		demo_check(s, s->rc != SEL_OK ? s->rc : rc, "applicant");
		return;
	}
	rc = store_applicant_add(tx, &p);
	if (rc == SEL_OK)
		rc = store_applicant_confirm(tx, account_id, app_iso(s->ar,
		    app_now(s->a)));
	if (rc == SEL_OK)
		rc = store_commit(s->a->st, tx);
	else
		store_abort(s->a->st, tx);
	demo_check(s, rc, "applicant");
	memset(&w, 0, sizeof w);
	w.account_id = account_id;
	w.login = STR("pelamar");
	w.name = str_c(name);
	demo_check(s, app_record_set(s->a, s->ar, &w, arena_printf(s->ar,
	    DEMO_RECORD, nip, name, birth), &s->m), "record");
}

enum sel_err
app_demo_seed(struct app *a, bool history, char *err, size_t errsz)
{
	struct seed s = { .a = a, .ar = arena_new(1 << 16), .rc = SEL_OK,
	    .err = err, .errsz = errsz };
	struct s_region reg = { 0, STR("demak"), STR("Pemerintah Kabupaten "
	    "Demak"), STR("demak-2022"), STR("BKN"), STR("Sekretariat Panitia "
	    "Seleksi, BKPSDM Kabupaten Demak, Jl. Contoh No. 1, Demak "
	    "(alamat demo); telepon (0291) 000000") };
	const struct profile *p;
	struct stx *tx;
	int64_t n = 0, id, sel1 = 0, sel2 = 0, sel3 = 0, sel4 = 0, saved;
	sel_date today;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		goto out;
	rc = store_account_count(tx, &n);
	store_abort(a->st, tx);
	if (rc != SEL_OK || n > 0)
		goto out;		/* not empty: never seed twice */
	p = app_profile_get(a, reg.profile_id);
	if (p == NULL) {
		/* A profiles directory without the demo's region. */
		snprintf(err, errsz, "demo: the demo needs profile "
		    "\"demak-2022\", which the profiles directory lacks");
		rc = SEL_EINVAL;
		goto out;
	}
	today = app_today(a, p);
	/* The accounts and the region exist since before the past
	   selection (demo_past.c), so the trail's times only go forward. */
	saved = a->fixed_now;
	if (history)
		a->fixed_now = app_day_end(p, today - 102) + 8 * 3600;
	demo_as(&s, "admin", ROLE__N, 0);
	for (size_t i = 0; app_demo_logins[i][0] != NULL; i++) {
		bool applicant = strcmp(app_demo_logins[i][2],
		    "applicant") == 0;

		/* anggota2..4 sit only on the past selection's committee. */
		if (!history && i >= DEMO_HISTORY_LOGINS)
			break;
		struct s_account acc = { 0, str_c(app_demo_logins[i][0]),
		    str_c(names[i]), applicant ? STR("budi.santoso@example.org") :
		    STR(""), STR(""), i == 0 };

		demo_check(&s, app_account_add(a, s.ar, &s.w, &acc,
		    str_c(app_demo_logins[i][1]), &id, &s.m), "account");
		s.w.admin = true;	/* the first account is the admin */
		if (applicant)
			demo_applicant(&s, id, DEMO_NIP, names[i]);
		demo_as(&s, "admin", ROLE__N, 0);
		s.w.admin = true;
	}
	demo_check(&s, app_region_add(a, s.ar, &s.w, &reg, &id, &s.m), "region");
	demo_as(&s, "sekretariat", ROLE_SECRETARIAT, 1);
	demo_check(&s, app_sel_create(a, s.ar, &s.w, reg.code, STR("Seleksi "
	    "Terbuka JPT Pratama Kabupaten Demak Tahun 2026 (Tahap I)"),
	    &sel1, &s.m), "selection");
	demo_check(&s, app_sel_create(a, s.ar, &s.w, reg.code, STR("Seleksi "
	    "Terbuka JPT Pratama Kabupaten Demak Tahun 2026 (Tahap II)"),
	    &sel2, &s.m), "selection");
	if (history)
		demo_check(&s, app_sel_create(a, s.ar, &s.w, reg.code,
		    STR("Seleksi Terbuka JPT Pratama Kabupaten Demak Tahun "
		    "2026 (Tahap Awal, telah berjalan)"), &sel3, &s.m),
		    "selection");
	/* Selection 4 (demo_open.c) after 3: the ids stay as they were. */
	if (history)
		demo_check(&s, app_sel_create(a, s.ar, &s.w, reg.code,
		    STR("Seleksi Terbuka JPT Pratama Kabupaten Demak Tahun "
		    "2026 (Direktur RSUD Sunan Kalijaga)"), &sel4, &s.m),
		    "selection");
	demo_vacancy(&s, sel1, NULL);
	demo_vacancy(&s, sel2, NULL);
	if (history)
		demo_vacancy(&s, sel3, NULL);
	if (history)
		demo_vacancy(&s, sel4, "Direktur Rumah Sakit Umum Daerah "
		    "Sunan Kalijaga");
	demo_as(&s, "admin", ROLE__N, 0);
	for (size_t i = 1; s.rc == SEL_OK && app_demo_logins[i][0] != NULL;
	    i++) {
		bool all = i == 1 || i == 8;	/* secretariat, oversight */
		int64_t sels[4] = { sel1, sel2, sel3, sel4 };

		/* The chair's and members' come from the committee. */
		if (strcmp(app_demo_logins[i][2], "chair") == 0 ||
		    strcmp(app_demo_logins[i][2], "member") == 0)
			continue;
		for (int k = 0; k < (all ? 1 : history ? 4 : 2); k++)
			demo_check(&s, app_grant_add(a, s.ar, &s.w,
			    str_c(app_demo_logins[i][0]), reg.code,
			    all ? 0 : sels[k], str_c(app_demo_logins[i][2]),
			    &s.m), "grant");
	}
	if (s.rc == SEL_OK && history)
		demo_past(&s, sel3, today);
	if (s.rc == SEL_OK && history)
		demo_open(&s, sel4, today);
	a->fixed_now = saved;
	if (s.rc == SEL_OK)
		demo_prepare(&s, sel1, today, today, today + 19, true, false);
	if (s.rc == SEL_OK)
		demo_prepare(&s, sel2, today, today + 3, today + 22, false,
		    false);
	rc = s.rc;
out:
	arena_destroy(s.ar);
	return rc;
}
