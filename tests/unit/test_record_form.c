/*
 * test_record_form.c - the record entered in a form (app/record_form.h)
 * on a real store: the form's values to CANDIDATE.json and back through
 * the core's decoder, every mistake named by its field and row with
 * nothing stored, each limit at and past its value, the form filled from
 * a stored record (imported or not) giving the same candidate, rows
 * added and deleted, and the eligibility preview of a demo vacancy giving
 * the same verdict for the record typed in the form as for the same
 * record imported as JSON.
 */
#include <stdio.h>
#include <string.h>


#include "t_app.h"
#include "app/record_form.h"
#include "base/banned.h"

#define NIP	"197407072000032005"

/* Every section; the row edu-1 is empty and post-3 is deleted. */
static const char *const FULL[] = {
	"name", "Ratna Sari",
	"employment", "pns",
	"agency_name", "Pemerintah Kabupaten Demak",
	"agency_kind", "regency",
	"agency_province", "Jawa Tengah",
	"grade", "IV/a",
	"edu-0-level", "S1", "edu-0-major", "Kesehatan Masyarakat",
	"edu-1-level", "", "edu-1-major", " ",
	"edu-2-level", "S2", "edu-2-major", "Administrasi Publik",
	"certs_state", "list",
	"certificates", "kepamongprajaan\r\n\r\n manajemen risiko \r\n",
	"post-0-title", "Kepala Bidang Pelayanan Kesehatan",
	"post-0-kind", "structural", "post-0-echelon", "III.b",
	"post-0-jf_level", "", "post-0-fields", "kesehatan, pelayanan publik,",
	"post-0-start", "2014-01-02", "post-0-end", "2017-03-01",
	"post-1-title", "Sekretaris Dinas Kesehatan", "post-1-kind",
	"structural", "post-1-echelon", "III.a", "post-1-fields", "kesehatan",
	"post-1-start", "2017-03-01", "post-1-end", "",
	"post-2-title", "Plt. Kepala Dinas", "post-2-kind", "structural",
	"post-2-echelon", "II.b", "post-2-start", "2022-01-03",
	"post-2-end", "2022-06-30", "post-2-acting", "1",
	"post-3-title", "Dihapus", "post-3-kind", "executor",
	"post-3-start", "2000-01-01", "post-3-del", "1",
	"post-4-title", "Analis Kebijakan", "post-4-kind", "functional",
	"post-4-jf_level", "ahli_madya", "post-4-start", "2010-01-04",
	"post-4-end", "2014-01-02",
	"training_state", "list", "training", "pim_iii", "training", "pim_iv",
	"pens_state", "list", "pen-0-kind", "discipline", "pen-0-level",
	"light", "pen-0-decided", "2019-06-01",
	"pen-1-kind", "criminal", "pen-1-level", "", "pen-1-decided", "",
	"under_examination", "no",
	"perf_state", "list", "perf-0-year", "2021", "perf-0-rating", "baik",
	"perf-1-year", "2022", "perf-1-rating", "sangat_baik",
	"rec_by", "pyb", "rec_ppk_approved", "yes", "no_mpp", "yes",
	"save", "1",
	NULL
};

/* The same record as CONTRACT.md's CANDIDATE.json. */
#define JSON_HEAD \
	"{\"nip\": \"" NIP "\", \"name\": \"Ratna Sari\", \"birth_date\": " \
	"\"1974-07-07\", \"employment\": \"pns\", \"agency\": {\"name\": " \
	"\"Pemerintah Kabupaten Demak\", \"kind\": \"regency\", " \
	"\"province\": \"Jawa Tengah\"}, \"grade\": \"IV/a\", " \
	"\"education\": [{\"level\": \"S1\", \"major\": \"Kesehatan " \
	"Masyarakat\"}, {\"level\": \"S2\", \"major\": \"Administrasi " \
	"Publik\"}], \"certificates\": [\"kepamongprajaan\", \"manajemen " \
	"risiko\"], \"posts\": [{\"title\": \"Kepala Bidang Pelayanan " \
	"Kesehatan\", \"kind\": \"structural\", \"echelon\": \"III.b\", " \
	"\"fields\": [\"kesehatan\", \"pelayanan publik\"], \"start\": " \
	"\"2014-01-02\", \"end\": \"2017-03-01\"}, {\"title\": \"Sekretaris " \
	"Dinas Kesehatan\", \"kind\": \"structural\", \"echelon\": \"III.a\", " \
	"\"fields\": [\"kesehatan\"], \"start\": \"2017-03-01\", \"end\": " \
	"null}, {\"title\": \"Plt. Kepala Dinas\", \"kind\": \"structural\", " \
	"\"echelon\": \"II.b\", \"start\": \"2022-01-03\", \"end\": " \
	"\"2022-06-30\", \"acting\": true}, {\"title\": \"Analis Kebijakan\", " \
	"\"kind\": \"functional\", \"jf_level\": \"ahli_madya\", \"start\": " \
	"\"2010-01-04\", \"end\": \"2014-01-02\"}], \"training\": " \
	"[\"pim_iv\", \"pim_iii\"], \"penalties\": [{\"kind\": " \
	"\"discipline\", \"level\": \"light\", \"decided\": \"2019-06-01\"}"
#define JSON_TAIL \
	"], \"under_examination\": false, \"performance\": [{\"year\": " \
	"2021, \"rating\": \"baik\"}, {\"year\": 2022, \"rating\": " \
	"\"sangat_baik\"}], \"recommendation\": {\"by\": \"pyb\", " \
	"\"ppk_approved\": true}, \"declarations\": {\"no_mpp\": true}}"
#define FULL_JSON	JSON_HEAD ", {\"kind\": \"criminal\"}" JSON_TAIL
#define GOOD_JSON	JSON_HEAD JSON_TAIL

/*
 * A form: base's pairs with over's applied: a name replaces the base's
 * value (NULL: removes it), "+name" adds one more field of that name.
 */
static struct form
form_of(struct arena *ar, const char *const *base, const char *const *over)
{
	struct form fm = { arena_array(ar, 512, sizeof(struct field)), 0 };

	for (size_t i = 0; base[i] != NULL; i += 2) {
		fm.f[fm.n].name = str_c(base[i]);
		fm.f[fm.n++].value = str_c(base[i + 1]);
	}
	for (size_t i = 0; over != NULL && over[i] != NULL; i += 2) {
		bool add = over[i][0] == '+', found = false;
		struct str name = str_c(over[i] + add);

		for (size_t k = 0; !add && k < fm.n; k++)
			if (str_eq(fm.f[k].name, name)) {
				fm.f[k].value = over[i + 1] != NULL ?
				    str_c(over[i + 1]) : STR("");
				if (over[i + 1] == NULL)
					fm.f[k].name = STR("-removed-");
				found = true;
			}
		if (!found && over[i + 1] != NULL) {
			assert_true(fm.n < 512);
			fm.f[fm.n].name = name;
			fm.f[fm.n++].value = str_c(over[i + 1]);
		}
	}
	return fm;
}

static struct candidate *
decode(struct arena *ar, struct str json)
{
	struct candidate *c = arena_alloc(ar, sizeof *c);
	struct str why;

	if (app_record_decode(ar, json, c, &why) != SEL_OK)
		fail_msg("does not decode: %.*s\n%.*s", (int)why.len, why.p,
		    (int)json.len, json.p);
	return c;
}

/* The form's record; fails the test on any mistake. */
static struct candidate *
form_candidate(struct arena *ar, const char *const *over)
{
	struct form fm = form_of(ar, FULL, over);
	struct rform f;
	struct rform_errs e;
	struct str json;

	rform_read(ar, &fm, &f);
	f.nip = STR(NIP);
	f.birth_date = STR("1974-07-07");
	if (rform_to_json(ar, &f, &json, &e) != SEL_OK)
		fail_msg("%zu mistakes, the first %.*s: %.*s", e.n,
		    (int)e.e[0].field.len, e.e[0].field.p,
		    (int)e.e[0].msg.len, e.e[0].msg.p);
	return decode(ar, json);
}

static void
same_str(struct str a, struct str b, const char *what)
{
	if (!str_eq(a, b))
		fail_msg("%s: \"%.*s\" != \"%.*s\"", what, (int)a.len, a.p,
		    (int)b.len, b.p);
}

/* Every field the form carries (not "invited", which it drops). */
static void
same_candidate(const struct candidate *a, const struct candidate *b)
{
	same_str(a->nip, b->nip, "nip");
	same_str(a->name, b->name, "name");
	assert_int_equal(a->birth, b->birth);
	assert_int_equal(a->employment, b->employment);
	same_str(a->agency.name, b->agency.name, "agency.name");
	assert_int_equal(a->agency.kind, b->agency.kind);
	same_str(a->agency.province, b->agency.province, "agency.province");
	assert_int_equal(a->grade, b->grade);
	assert_int_equal(a->nedu, b->nedu);
	for (size_t i = 0; i < a->nedu; i++) {
		assert_int_equal(a->edu[i].level, b->edu[i].level);
		same_str(a->edu[i].major, b->edu[i].major, "education.major");
	}
	assert_int_equal(a->has_certs, b->has_certs);
	assert_int_equal(a->ncerts, b->ncerts);
	for (size_t i = 0; i < a->ncerts; i++)
		same_str(a->certs[i], b->certs[i], "certificates");
	assert_int_equal(a->nposts, b->nposts);
	for (size_t i = 0; i < a->nposts; i++) {
		const struct cpost *p = &a->posts[i], *q = &b->posts[i];

		same_str(p->title, q->title, "posts.title");
		assert_int_equal(p->kind, q->kind);
		assert_int_equal(p->echelon, q->echelon);
		assert_int_equal(p->jf_level, q->jf_level);
		assert_int_equal(p->has_fields, q->has_fields);
		assert_int_equal(p->nfields, q->nfields);
		for (size_t k = 0; k < p->nfields; k++)
			same_str(p->fields[k], q->fields[k], "posts.fields");
		assert_int_equal(p->start, q->start);
		assert_int_equal(p->open, q->open);
		if (!p->open)
			assert_int_equal(p->end, q->end);
		assert_int_equal(p->acting, q->acting);
	}
	assert_int_equal(a->has_training, b->has_training);
	assert_int_equal(a->training, b->training);
	assert_int_equal(a->has_pens, b->has_pens);
	assert_int_equal(a->npens, b->npens);
	for (size_t i = 0; i < a->npens; i++) {
		assert_int_equal(a->pens[i].kind, b->pens[i].kind);
		assert_int_equal(a->pens[i].level, b->pens[i].level);
		assert_int_equal(a->pens[i].has_decided, b->pens[i].has_decided);
		if (a->pens[i].has_decided)
			assert_int_equal(a->pens[i].decided, b->pens[i].decided);
	}
	assert_int_equal(a->under_exam, b->under_exam);
	assert_int_equal(a->has_perf, b->has_perf);
	assert_int_equal(a->nperf, b->nperf);
	for (size_t i = 0; i < a->nperf; i++) {
		assert_int_equal(a->perf[i].year, b->perf[i].year);
		assert_int_equal(a->perf[i].rating, b->perf[i].rating);
	}
	assert_int_equal(a->has_rec, b->has_rec);
	if (a->has_rec)
		assert_int_equal(a->rec_by, b->rec_by);
	assert_int_equal(a->rec_ppk_approved, b->rec_ppk_approved);
	assert_int_equal(a->decl[CD_NO_MPP], b->decl[CD_NO_MPP]);
}

/* Registers, confirms and logs in an applicant (no record yet). */
static void
applicant(struct fx *f, struct who *w)
{
	fx_ratna(f, w);
}

static struct str
stored(struct fx *f, const struct who *w)
{
	struct s_applicant p;

	assert_int_equal(app_applicant(f->app, f->ar, w, &p), SEL_OK);
	return p.record;
}

/* Saves FULL with over through the app; returns the result. */
static enum sel_err
save(struct fx *f, const struct who *w, const char *const *over,
    struct rform_errs *e, struct app_msg *m)
{
	struct form fm = form_of(f->ar, FULL, over);
	struct rform rf;

	rform_read(f->ar, &fm, &rf);
	return app_rform_save(f->app, f->ar, w, &rf, e, m);
}

/* ---- the tests ---- */

static void
form_to_json_every_section(void **state)
{
	struct fx *f = *state;
	struct candidate *got = form_candidate(f->ar, NULL);
	struct candidate *want = decode(f->ar, STR(FULL_JSON));

	same_candidate(got, want);
	/* What the comparison rests on, spelled out. */
	assert_int_equal(got->nedu, 2);			/* the empty row */
	assert_int_equal(got->nposts, 4);		/* the deleted row */
	assert_true(got->posts[2].acting);
	assert_true(got->posts[1].open);
	assert_int_equal(got->posts[3].jf_level, JF_MADYA);
	assert_int_equal(got->posts[0].nfields, 2);
	assert_true(str_eqc(got->certs[1], "manajemen risiko"));
	assert_int_equal(got->training, (1u << TR_PIM_IV) | (1u << TR_PIM_III));
	assert_int_equal(got->pens[1].kind, PEN_CRIMINAL);
	assert_int_equal(got->pens[1].level, -1);
	assert_false(got->pens[1].has_decided);
	assert_int_equal(got->under_exam, TRI_NO);
	assert_int_equal(got->rec_ppk_approved, TRI_YES);
	assert_int_equal(got->decl[CD_NO_MPP], TRI_YES);
	assert_int_equal(got->invited, TRI_ABSENT);
	/* The statement not to request MPP, answered "no". */
	got = form_candidate(f->ar, (const char *const[]){ "no_mpp", "no",
	    NULL });
	assert_int_equal(got->decl[CD_NO_MPP], TRI_NO);
}

static void
form_optional_lists_absent_or_none(void **state)
{
	struct fx *f = *state;
	static const char *const absent[] = { "certs_state", "absent",
	    "certificates", "", "training_state", "absent", "training", NULL,
	    "pens_state", "", "pen-0-kind", "", "pen-0-level", "",
	    "pen-0-decided", "", "pen-1-kind", "", "perf_state", "absent",
	    "perf-0-year", "", "perf-0-rating", "", "perf-1-year", "",
	    "perf-1-rating", "", "under_examination", "", "rec_by", "",
	    "rec_ppk_approved", "", "no_mpp", "", NULL };
	static const char *const none[] = { "certs_state", "none",
	    "certificates", "", "training_state", "none", "training", NULL,
	    "pens_state", "none", "pen-0-del", "1", "pen-1-del", "1",
	    "perf_state", "none", "perf-0-del", "1", "perf-1-del", "1", NULL };
	static const char *const implied[] = { "certs_state", "absent",
	    "training_state", "", "pens_state", "absent", "perf_state", "",
	    NULL };
	struct candidate *c = form_candidate(f->ar, absent);

	assert_false(c->has_certs || c->has_training || c->has_pens ||
	    c->has_perf || c->has_rec);
	assert_int_equal(c->under_exam, TRI_ABSENT);
	assert_int_equal(c->rec_ppk_approved, TRI_ABSENT);
	assert_int_equal(c->decl[CD_NO_MPP], TRI_ABSENT);
	c = form_candidate(f->ar, none);
	assert_true(c->has_certs && c->has_training && c->has_pens &&
	    c->has_perf);
	assert_int_equal(c->ncerts + c->npens + c->nperf, 0);
	assert_int_equal(c->training, 0);
	/* Rows typed under "not stated" mean "listed". */
	c = form_candidate(f->ar, implied);
	assert_int_equal(c->ncerts, 2);
	assert_int_equal(c->npens, 2);
	assert_int_equal(c->nperf, 2);
	assert_int_equal(c->training, (1u << TR_PIM_IV) | (1u << TR_PIM_III));
}

/* The mistake on field, holding msg; fails the test when none. */
static void
named(const struct rform_errs *e, const char *field, const char *msg,
    const char *what)
{
	for (size_t i = 0; i < e->n; i++)
		if (str_eqc(e->e[i].field, field) &&
		    strstr(e->e[i].msg.p, msg) != NULL)	/* NUL-ended */
			return;
	for (size_t i = 0; i < e->n; i++)
		print_message("# %.*s: %.*s\n", (int)e->e[i].field.len,
		    e->e[i].field.p, (int)e->e[i].msg.len, e->e[i].msg.p);
	fail_msg("%s: no mistake on %s saying \"%s\"", what, field, msg);
}

static const struct bad {
	const char	*what;
	const char	*over[7];	/* pairs for form_of, NULL-ended */
	const char	*field;		/* the mistake's field */
	const char	*msg;		/* in its message */
} BAD[] = {
	{ "a date that is no date", { "post-1-start", "2023-02-30" },
	    "post-1-start", "Jabatan 2, tanggal mulai: \"2023-02-30\" bukan "
	    "tanggal yang sah (TTTT-BB-HH" },
	{ "a date written the other way", { "pen-0-decided", "01-06-2019" },
	    "pen-0-decided", "Hukuman 1, tanggal keputusan: \"01-06-2019\" "
	    "bukan tanggal yang sah" },
	{ "an unknown grade", { "grade", "V/a" }, "grade",
	    "Pangkat/golongan: pilihan \"V/a\" tidak dikenal." },
	{ "no grade", { "grade", "" }, "grade",
	    "Pangkat/golongan wajib dipilih." },
	{ "an unknown echelon", { "post-0-echelon", "VI.a" },
	    "post-0-echelon", "Jabatan 1, eselon: pilihan \"VI.a\" tidak "
	    "dikenal." },
	{ "an unknown JF level", { "post-4-jf_level", "ahli_super" },
	    "post-4-jf_level", "Jabatan 5, jenjang jabatan fungsional: "
	    "pilihan" },
	{ "an end before the start", { "post-0-end", "2014-01-01" },
	    "post-0-end", "Jabatan 1: tanggal selesai (2014-01-01) sebelum "
	    "tanggal mulai (2014-01-02)." },
	{ "a post without its kind", { "post-2-kind", "" }, "post-2-kind",
	    "Jabatan 3, jenis jabatan wajib dipilih." },
	{ "a post without its start", { "post-1-start", " " },
	    "post-1-start", "Jabatan 2, tanggal mulai wajib diisi" },
	{ "a year before 1900", { "perf-0-year", "1899" }, "perf-0-year",
	    "Penilaian kinerja 1, tahun: \"1899\" bukan tahun antara 1900 dan "
	    "2199." },
	{ "a year after 2199", { "perf-1-year", "2200" }, "perf-1-year",
	    "Penilaian kinerja 2, tahun: \"2200\" bukan tahun" },
	{ "a year that is no number", { "perf-0-year", "2021a" },
	    "perf-0-year", "\"2021a\" bukan tahun" },
	{ "a year given twice", { "perf-1-year", "2021" }, "perf-1-year",
	    "Penilaian kinerja 2, tahun: 2021 sudah diisi pada penilaian "
	    "kinerja 1." },
	{ "a rating without its year", { "perf-1-year", "" }, "perf-1-year",
	    "Penilaian kinerja 2, tahun wajib diisi." },
	{ "an unknown rating", { "perf-0-rating", "istimewa" },
	    "perf-0-rating", "Penilaian kinerja 1, predikat: pilihan" },
	{ "an empty name", { "name", "   " }, "name",
	    "Nama lengkap wajib diisi." },
	{ "no agency name", { "agency_name", "" }, "agency_name",
	    "Nama instansi wajib diisi." },
	{ "an unknown employment", { "employment", "honorer" },
	    "employment", "Status kepegawaian: pilihan \"honorer\"" },
	{ "an education row without its level", { "edu-1-major", "Hukum" },
	    "edu-1-level", "Pendidikan 2, jenjang wajib dipilih." },
	{ "a post row past the 25th", { "post-25-title", "Staf" }, "post",
	    "Riwayat jabatan: paling banyak 25 baris." },
	{ "an education row past the 10th", { "edu-10-level", "S1" }, "edu",
	    "Pendidikan: paling banyak 10 baris." },
	{ "a penalty row past the 10th", { "pen-10-kind", "criminal" },
	    "pen", "Hukuman: paling banyak 10 baris." },
	{ "a discipline without its level", { "pen-0-level", "" },
	    "pen-0-level", "Hukuman 1: tingkat hukuman disiplin wajib "
	    "dipilih." },
	{ "a criminal sentence with a level", { "pen-1-level", "heavy" },
	    "pen-1-level", "Hukuman 2: hukuman pidana tidak mempunyai "
	    "tingkat" },
	{ "\"none\" with penalties listed", { "pens_state", "none" },
	    "pens_state", "Hukuman: Anda memilih \"Tidak pernah dijatuhi "
	    "hukuman\" tetapi mengisi rinciannya." },
	{ "\"listed\" without certificates", { "certificates", " \r\n " },
	    "certs_state", "Sertifikat: Anda memilih \"Mempunyai sertifikat "
	    "(tulis di bawah)\" tetapi belum mengisi rinciannya." },
	{ "an unknown state", { "perf_state", "mungkin" }, "perf_state",
	    "Penilaian kinerja: pilihan \"mungkin\" tidak dikenal." },
	{ "an unknown training", { "+training", "pim_i" }, "training_state",
	    "Diklat kepemimpinan: pilihan tidak dikenal." },
	{ "a control character in a title",
	    { "post-0-title", "Kepala\x01" "Bidang" }, "post-0-title",
	    "Jabatan 1, nama jabatan memuat karakter yang tidak diizinkan." },
	{ "broken UTF-8 in a major", { "edu-0-major", "Kesehatan \xc3\x28" },
	    "edu-0-major", "memuat karakter yang tidak diizinkan" },
	{ "a UTF-16 surrogate in UTF-8", { "name", "Ratna \xed\xa0\x80" },
	    "name", "memuat karakter" },
	{ "PPK's approval without a recommendation", { "rec_by", "" },
	    "rec_ppk_approved", "Persetujuan PPK diisi hanya bersama "
	    "rekomendasi" },
	{ "an unknown yes/no", { "under_examination", "mungkin" },
	    "under_examination", "Sedang menjalani pemeriksaan: pilihan" },
};

static void
bad_input_named_and_nothing_stored(void **state)
{
	struct fx *f = *state;
	struct rform_errs e;
	struct app_msg m;
	struct who w;
	struct str before;
	int64_t events;

	applicant(f, &w);
	assert_int_equal(app_record_set(f->app, f->ar, &w, STR(GOOD_JSON),
	    &m), SEL_OK);
	before = stored(f, &w);
	events = fx_events(f);
	for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++) {
		assert_int_equal(save(f, &w, BAD[i].over, &e, &m), SEL_EINVAL);
		named(&e, BAD[i].field, BAD[i].msg, BAD[i].what);
		assert_non_null(strstr(m.text, "isian yang ditandai"));
		same_str(stored(f, &w), before, BAD[i].what);
		assert_int_equal(fx_events(f), events);
	}
	/* Every mistake at once, each named. */
	{
		static const char *const many[] = { "grade", "X", "name", "",
		    "post-0-start", "2014-13-01", NULL };

		assert_int_equal(save(f, &w, many, &e, &m), SEL_EINVAL);
		assert_int_equal(e.n, 3);
	}
}

static char *
repeat(struct arena *ar, const char *unit, size_t n)
{
	size_t k = strlen(unit);
	char *s = arena_alloc(ar, k * n + 1);

	for (size_t i = 0; i < n; i++)
		memcpy(s + i * k, unit, k);
	return s;
}

/* Each limit at its value and one past it. */
static void
limits_at_and_past(void **state)
{
	struct fx *f = *state;
	struct rform_errs e;
	struct app_msg m;
	struct who w;
	const char *name200 = repeat(f->ar, "\xc3\xa9", 200);	/* é */
	const char *name201 = repeat(f->ar, "\xc3\xa9", 201);
	const char *certs20 = repeat(f->ar, "sertifikat\n", 20);
	const char *certs21 = repeat(f->ar, "sertifikat\n", 21);
	const char *const ok0[] = { "name", name200, NULL };
	const char *const ok1[] = { "perf-0-year", "1900", NULL };
	const char *const ok2[] = { "perf-1-year", "2199", NULL };
	const char *const ok3[] = { "post-24-title", "Staf", "post-24-kind",
	    "executor", "post-24-start", "2001-01-01", NULL };
	const char *const ok4[] = { "certificates", certs20, NULL };
	const char *const ok5[] = { "perf-9-year", "2023", "perf-9-rating",
	    "baik", NULL };
	const char *const *ok[] = { ok0, ok1, ok2, ok3, ok4, ok5 };
	const struct bad past[] = {
		{ "201 characters", { "name", name201 }, "name", "Nama lengkap "
		    "terlalu panjang (201 karakter, paling banyak 200)." },
		{ "1899", { "perf-0-year", "1899" }, "perf-0-year",
		    "bukan tahun antara 1900 dan 2199" },
		{ "2200", { "perf-1-year", "2200" }, "perf-1-year",
		    "bukan tahun antara 1900 dan 2199" },
		{ "a 26th post", { "post-25-title", "Staf", "post-25-kind",
		    "executor", "post-25-start", "2001-01-01" }, "post",
		    "Riwayat jabatan: paling banyak 25 baris." },
		{ "21 certificates", { "certificates", certs21 },
		    "certificates", "Sertifikat: paling banyak 20 baris." },
		{ "an 11th appraisal", { "perf-10-year", "2023",
		    "perf-10-rating", "baik" }, "perf",
		    "Penilaian kinerja: paling banyak 10 baris." },
	};

	applicant(f, &w);
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		if (save(f, &w, ok[i], &e, &m) != SEL_OK)
			fail_msg("limit %zu: %s %.*s", i, m.text,
			    e.n > 0 ? (int)e.e[0].msg.len : 0,
			    e.n > 0 ? e.e[0].msg.p : "");
		if (ok[i] == ok3)	/* the 25th post is stored */
			assert_non_null(strstr(t_cstr(f->ar, stored(f, &w)),
			    "\"Staf\""));
	}
	for (size_t i = 0; i < sizeof past / sizeof *past; i++) {
		assert_int_equal(save(f, &w, past[i].over, &e, &m),
		    SEL_EINVAL);
		named(&e, past[i].field, past[i].msg, past[i].what);
	}
}

/* Stored records the form is filled from: every section (with the DP-3
 * and newer training words, and fields the form does not know), and only
 * what is required. */
static const char *const STORED[] = {
	"{\"nip\": \"" NIP "\", \"name\": \"Ratna Sari\", \"birth_date\": "
	"\"1974-07-07\", \"employment\": \"cpns\", \"agency\": {\"name\": "
	"\"Kementerian Dalam Negeri\", \"kind\": \"central\"}, \"grade\": "
	"\"III/d\", \"education\": [{\"level\": \"D4\"}], \"certificates\": "
	"[\"kepamongprajaan\"], \"posts\": [{\"kind\": \"executor\", "
	"\"start\": \"2001-02-03\", \"fields\": []}, {\"title\": \"Camat\", "
	"\"kind\": \"structural\", \"echelon\": \"III.a\", \"fields\": "
	"[\"pemerintahan\", \"pelayanan\"], \"start\": \"2019-01-02\", "
	"\"acting\": true}], \"training\": [\"pkn_ii\", \"pka\"], "
	"\"penalties\": [{\"kind\": \"criminal\", \"decided\": "
	"\"2010-10-10\"}, {\"kind\": \"discipline\", \"level\": \"heavy\"}], "
	"\"under_examination\": true, \"performance\": [{\"year\": 2020, "
	"\"rating\": \"amat_baik\"}, {\"year\": 2019, \"rating\": "
	"\"cukup\"}], \"recommendation\": {\"by\": \"ppk\"}, \"invited\": "
	"true, \"religion\": \"-\", \"unit_kerja\": {\"id\": 7}}",
	"{\"nip\": \"" NIP "\", \"name\": \"Ratna\", \"birth_date\": "
	"\"1974-07-07\", \"employment\": \"pppk\", \"agency\": {\"name\": "
	"\"Pemerintah Kota Pontianak\", \"kind\": \"city\", \"province\": "
	"\"Kalimantan Barat\"}, \"grade\": \"I/a\", \"education\": [], "
	"\"posts\": []}",
	GOOD_JSON,
};

static void
prefill_round_trip(void **state)
{
	struct fx *f = *state;
	struct rform_errs e;
	struct app_msg m;
	struct who w;

	applicant(f, &w);
	for (size_t i = 0; i < sizeof STORED / sizeof *STORED; i++) {
		struct candidate *want = decode(f->ar, str_c(STORED[i]));
		struct rform rf;
		struct str json;
		bool had, unreadable;

		assert_int_equal(app_record_set(f->app, f->ar, &w,
		    str_c(STORED[i]), &m), SEL_OK);
		assert_int_equal(app_rform_load(f->app, f->ar, &w, &rf, &had,
		    &unreadable), SEL_OK);
		assert_true(had);
		assert_false(unreadable || rf.truncated);
		assert_true(str_eqc(rf.nip, NIP));
		/* The values shown, turned back into the record. */
		assert_int_equal(rform_to_json(f->ar, &rf, &json, &e), SEL_OK);
		same_candidate(decode(f->ar, json), want);
		/* With the empty rows the page adds, saved as it stands. */
		rform_pad(&rf);
		assert_int_equal(app_rform_save(f->app, f->ar, &w, &rf, &e,
		    &m), SEL_OK);
		same_candidate(decode(f->ar, stored(f, &w)), want);
		/* What the form does not show is not written back. */
		assert_null(strstr(t_cstr(f->ar, stored(f, &w)), "religion"));
		assert_null(strstr(t_cstr(f->ar, stored(f, &w)), "invited"));
		assert_null(strstr(t_cstr(f->ar, stored(f, &w)), "unit_kerja"));
	}
	/* The DP-3 word is shown (and written) as the current one. */
	{
		struct rform rf;
		bool had, unreadable;

		assert_int_equal(app_record_set(f->app, f->ar, &w,
		    str_c(STORED[0]), &m), SEL_OK);
		assert_int_equal(app_rform_load(f->app, f->ar, &w, &rf, &had,
		    &unreadable), SEL_OK);
		assert_true(str_eqc(rf.rows[RFS_PERF].row[0].v[RFC_PERF_RATING],
		    "sangat_baik"));
		assert_true(str_eqc(rf.rows[RFS_PERF].row[1].v[RFC_PERF_RATING],
		    "butuh_perbaikan"));
		assert_true(rf.training[TR_PIM_II] && rf.training[TR_PIM_III] &&
		    !rf.training[TR_PIM_IV]);
		assert_true(str_eqc(rf.state[RFL_PENS], "list"));
		assert_true(str_eqc(rf.rows[RFS_POST].row[1].v[RFC_POST_FIELDS],
		    "pemerintahan, pelayanan"));
	}
}

/* Without a record: the account's name, nothing else; staff: refused. */
static void
prefill_without_record(void **state)
{
	struct fx *f = *state;
	struct rform rf;
	struct who w, staff;
	bool had, unreadable;

	applicant(f, &w);
	assert_int_equal(app_rform_load(f->app, f->ar, &w, &rf, &had,
	    &unreadable), SEL_OK);
	assert_false(had);
	assert_true(str_eqc(rf.f[RFF_NAME], "Ratna Sari, S.KM."));
	assert_true(str_eqc(rf.birth_date, "1974-07-07"));
	for (int s = 0; s < RFS__N; s++)
		assert_int_equal(rf.rows[s].n, 0);
	rform_pad(&rf);
	for (int s = 0; s < RFS__N; s++)
		assert_int_equal(rf.rows[s].n, 1);
	fx_as(f, "sekretariat", &staff);
	assert_int_equal(app_rform_load(f->app, f->ar, &staff, &rf, &had,
	    &unreadable), SEL_EPERM);
}

/* The action of the newest audit event. */
static const char *
last_action(struct fx *f)
{
	const char *a = fx_sql_text(f, "SELECT action FROM event "
	    "ORDER BY id DESC LIMIT 1");

	assert_non_null(a);
	return a;
}

/* A form saved is the import: the same event, the same checks. */
static void
save_is_the_import(void **state)
{
	struct fx *f = *state;
	struct rform_errs e;
	struct app_msg m;
	struct who w, staff;
	static const char *const forged[] = { "nip", "199001012015011001",
	    "birth_date", "1990-01-01", NULL };
	int64_t events;

	applicant(f, &w);
	events = fx_events(f);
	assert_int_equal(save(f, &w, forged, &e, &m), SEL_OK);
	assert_int_equal(fx_events(f), events + 1);
	/* The account's NIP and birth date, never the form's. */
	assert_true(str_eqc(decode(f->ar, stored(f, &w))->nip, NIP));
	assert_null(strstr(t_cstr(f->ar, stored(f, &w)), "1990"));
	assert_string_equal(last_action(f), "record_set");
	fx_as(f, "sekretariat", &staff);
	events = fx_events(f);
	assert_int_equal(save(f, &staff, NULL, &e, &m), SEL_EPERM);
	assert_int_equal(fx_events(f), events);
}

/*
 * The demo's vacancy 1 (Demak): the record typed in the form and the same
 * record imported as JSON get the same verdict and the same rule results.
 */
static void
preview_same_for_form_and_import(void **state)
{
	struct fx *f = *state;
	static const char *const good[] = { "pen-1-kind", NULL,
	    "pen-1-level", NULL, "pen-1-decided", NULL, NULL };
	struct rform_errs e;
	struct app_msg m;
	struct preview a, b;
	struct who w;

	applicant(f, &w);
	assert_int_equal(app_record_set(f->app, f->ar, &w, STR(GOOD_JSON),
	    &m), SEL_OK);
	assert_int_equal(app_preview(f->app, f->ar, &w, 1, &a), SEL_OK);
	assert_non_null(a.elig);
	assert_int_equal(app_record_set(f->app, f->ar, &w, STR("{\"nip\": \""
	    NIP "\", \"name\": \"X\", \"birth_date\": \"1974-07-07\", "
	    "\"employment\": \"pns\", \"agency\": {\"name\": \"A\", \"kind\": "
	    "\"city\"}, \"grade\": \"I/a\", \"education\": [], \"posts\": "
	    "[]}"), &m), SEL_OK);		/* another record in between */
	assert_int_equal(save(f, &w, good, &e, &m), SEL_OK);
	assert_int_equal(app_preview(f->app, f->ar, &w, 1, &b), SEL_OK);
	assert_non_null(b.elig);
	assert_int_equal(a.elig->verdict, b.elig->verdict);
	assert_true(a.elig->nrules >= 10);
	assert_int_equal(a.elig->nrules, b.elig->nrules);
	for (size_t i = 0; i < a.elig->nrules; i++) {
		assert_int_equal(a.elig->rules[i].id, b.elig->rules[i].id);
		assert_int_equal(a.elig->rules[i].status,
		    b.elig->rules[i].status);
		same_str(a.elig->rules[i].detail, b.elig->rules[i].detail,
		    rule_name(a.elig->rules[i].id));
	}
	assert_int_equal(a.elig->nchecklist, b.elig->nchecklist);
	assert_int_equal(a.elig->nadvisories, b.elig->nadvisories);
	/* A criminal sentence typed in the form counts as imported. */
	assert_int_equal(save(f, &w, NULL, &e, &m), SEL_OK);
	assert_int_equal(app_preview(f->app, f->ar, &w, 1, &b), SEL_OK);
	assert_int_equal(app_record_set(f->app, f->ar, &w, STR(FULL_JSON),
	    &m), SEL_OK);
	assert_int_equal(app_preview(f->app, f->ar, &w, 1, &a), SEL_OK);
	assert_int_equal(a.elig->verdict, b.elig->verdict);
	assert_int_equal(a.elig->nrules, b.elig->nrules);
}

/* "Tambah baris" and "hapus": rows as the page shows them. */
static void
rows_added_and_deleted(void **state)
{
	struct arena *ar = ((struct fx *)*state)->ar;
	static const char *const over[] = { "post-7-title", "Kepala Seksi",
	    "edu-0-del", "1", NULL };
	struct form fm = form_of(ar, FULL, over);
	struct rform rf;

	rform_read(ar, &fm, &rf);
	assert_int_equal(rf.rows[RFS_POST].n, 8);	/* rows 5, 6 empty */
	assert_int_equal(rf.rows[RFS_EDU].n, 3);
	assert_false(rf.rows[RFS_POST].too_many);
	rform_drop_deleted(&rf);
	assert_int_equal(rf.rows[RFS_POST].n, 7);	/* post-3 went */
	assert_true(str_eqc(rf.rows[RFS_POST].row[3].v[RFC_POST_TITLE],
	    "Analis Kebijakan"));
	assert_true(str_eqc(rf.rows[RFS_POST].row[6].v[RFC_POST_TITLE],
	    "Kepala Seksi"));
	assert_true(rform_row_empty(RFS_POST, &rf.rows[RFS_POST].row[7]));
	assert_int_equal(rf.rows[RFS_EDU].n, 2);
	assert_true(rform_row_empty(RFS_EDU, &rf.rows[RFS_EDU].row[0]));
	assert_true(str_eqc(rf.rows[RFS_EDU].row[1].v[RFC_EDU_LEVEL], "S2"));
	assert_int_equal(rform_sec_of(STR("perf")), RFS_PERF);
	assert_int_equal(rform_sec_of(STR("nip")), -1);
	assert_true(rform_add_row(&rf, RFS_PERF));
	assert_int_equal(rf.rows[RFS_PERF].n, 3);
	assert_true(rform_row_empty(RFS_PERF, &rf.rows[RFS_PERF].row[2]));
	while (rform_add_row(&rf, RFS_PERF))
		;
	assert_int_equal(rf.rows[RFS_PERF].n, RFORM_MAX_PERF);
	/* Padding adds one empty row where the last is filled. */
	rform_pad(&rf);
	assert_int_equal(rf.rows[RFS_POST].n, 8);	/* after Kepala Seksi */
	assert_int_equal(rf.rows[RFS_PEN].n, 3);
	assert_int_equal(rf.rows[RFS_PERF].n, RFORM_MAX_PERF);	/* full */
	/* Names the form never makes are ignored or refused. */
	{
		static const char *const odd[] = { "post-x-title", "a",
		    "post-1", "b", "post-2-colour", "c", "postal", "d",
		    "edu--1-level", "S1", "post-1000-title", "e", NULL };

		fm = form_of(ar, FULL, odd);
		rform_read(ar, &fm, &rf);
		assert_int_equal(rf.rows[RFS_POST].n, 5);
		assert_int_equal(rf.rows[RFS_EDU].n, 3);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(form_to_json_every_section),
		FX_TEST(form_optional_lists_absent_or_none),
		FX_TEST(bad_input_named_and_nothing_stored),
		FX_TEST(limits_at_and_past),
		FX_TEST(prefill_round_trip),
		FX_TEST(prefill_without_record),
		FX_TEST(save_is_the_import),
		FX_TEST(preview_same_for_form_and_import),
		FX_TEST(rows_added_and_deleted),
	};

	return cmocka_run_group_tests_name("record_form", tests, NULL, NULL);
}
