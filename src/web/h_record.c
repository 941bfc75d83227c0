/*
 * h_record.c - the applicant's record entered in a form
 * (/pelamar/data/isian): every value of CANDIDATE.json as a labelled
 * field, the repeated groups as rows, without any script.
 *
 * A row is added by a submit button ("Tambah baris", name "more") that
 * shows the form again with what was typed and one empty row more,
 * saving nothing; "Simpan" saves through app_rform_save, which is the
 * import's path (app_record_set).  A refused form comes back with every
 * value, a summary of the mistakes linking to their fields, and each
 * message beside its field (aria-describedby, aria-invalid).  The form's
 * first submit button is "Simpan", so Enter in a field saves.
 */
#include <string.h>

#include <microhttpd.h>

#include "app/record_form.h"
#include "base/arena.h"
#include "web/web.h"
#include "base/banned.h"

_Static_assert(RFORM_MAX_POSTED <= MAX_FIELDS, "a full record form must "
    "fit the posted-field limit");

static const char *const yes_no_word[] = { "no", "yes", NULL };
static const char *const yes_no_label[] = { "Tidak", "Ya" };

/* How each column of a group is shown. */
enum ui { UI_TEXT, UI_SELECT, UI_CHECK };

struct col_ui {
	enum ui			 ui;
	const char *const	*words;		/* UI_SELECT: the values */
	const char *const	*labels;	/* ... and their labels */
	int			 n;
	bool			 required;	/* when the row is filled */
	bool			 reverse;	/* highest value first */
	const char		*hint;
};

static const struct col_ui cols[RFS__N][RFORM_MAX_COLS] = {
	[RFS_EDU] = {
		{ UI_SELECT, vocab_edu, label_edu, EDU__N, true, true, NULL },
		{ UI_TEXT, NULL, NULL, 0, false, false, NULL },
	},
	[RFS_POST] = {
		{ UI_TEXT, NULL, NULL, 0, false, false, NULL },
		{ UI_SELECT, vocab_cpost_kind, label_cpost_kind, CP__N, true,
		    false, NULL },
		{ UI_SELECT, vocab_echelon, vocab_echelon, ECH__N, false, true,
		    "Untuk jabatan struktural." },
		{ UI_SELECT, vocab_jf, label_jf, JF__N, false, false,
		    "Untuk jabatan fungsional." },
		{ UI_TEXT, NULL, NULL, 0, false, false, "Misalnya: kesehatan, "
		    "pelayanan publik. Pisahkan dengan koma; tulis - bila "
		    "tidak ada." },
		{ UI_TEXT, NULL, NULL, 0, true, false, "TTTT-BB-HH, misalnya "
		    "2015-01-02." },
		{ UI_TEXT, NULL, NULL, 0, false, false, "TTTT-BB-HH. "
		    "Kosongkan bila masih menjabat." },
		{ UI_CHECK, NULL, NULL, 0, false, false, NULL },
	},
	[RFS_PEN] = {
		{ UI_SELECT, vocab_pen_kind, label_pen_kind, PEN__N, true,
		    false, NULL },
		{ UI_SELECT, vocab_pen_level, label_pen_level_cap, PL__N,
		    false, false, "Untuk hukuman disiplin saja." },
		{ UI_TEXT, NULL, NULL, 0, false, false, "TTTT-BB-HH." },
	},
	[RFS_PERF] = {
		{ UI_TEXT, NULL, NULL, 0, true, false, "Misalnya 2023." },
		{ UI_SELECT, vocab_rating, label_rating, RT__N, true, true,
		    NULL },
	},
};

static const char *const more_label[RFS__N] = {
	"Tambah baris pendidikan", "Tambah baris jabatan",
	"Tambah baris hukuman", "Tambah baris penilaian kinerja" };

/* What every part of the page needs. */
struct fctx {
	struct req		*r;
	struct page		*p;
	const struct rform	*f;
	const struct rform_errs	*e;
};

/* ---- one field ---- */

static bool
has_err(const struct fctx *x, struct str id)
{
	for (size_t i = 0; x->e != NULL && i < x->e->n; i++)
		if (str_eq(x->e->e[i].field, id))
			return true;
	return false;
}

static struct str
suffixed(const struct fctx *x, struct str id, const char *suffix)
{
	return arena_printf(x->r->ar, "%.*s-%s", (int)id.len, id.p, suffix);
}

/* The messages of the field with this id, beside it. */
static void
field_errs(const struct fctx *x, struct str id)
{
	if (!has_err(x, id))
		return;
	H(x->p, "<p class=\"field-err\"");
	HA(x->p, "id", suffixed(x, id, "err"));
	H(x->p, ">");
	for (size_t i = 0; i < x->e->n; i++)
		if (str_eq(x->e->e[i].field, id)) {
			H(x->p, "<span>Kesalahan: ");
			h_text(x->p, x->e->e[i].msg);
			H(x->p, "</span> ");
		}
	H(x->p, "</p>");
}

/* label, hint, message: the start of every field but a box. */
static void
field_head(const struct fctx *x, struct str id, const char *label,
    bool required, const char *hint)
{
	H(x->p, "<label");
	HA(x->p, "for", id);
	H(x->p, ">");
	h_textc(x->p, label);
	if (required)
		H(x->p, " (wajib)");
	H(x->p, "</label>");
	if (hint != NULL) {
		H(x->p, "<p class=\"hint\"");
		HA(x->p, "id", suffixed(x, id, "hint"));
		H(x->p, ">");
		h_textc(x->p, hint);
		H(x->p, "</p>");
	}
	field_errs(x, id);
}

/* id, name, and what describes the control. */
static void
field_attrs(const struct fctx *x, struct str id, const char *hint)
{
	bool bad = has_err(x, id);

	HA(x->p, "id", id);
	HA(x->p, "name", id);
	if (bad)
		H(x->p, " aria-invalid=\"true\"");
	if (bad || hint != NULL)
		HA(x->p, "aria-describedby", arena_printf(x->r->ar, "%s%s%s",
		    hint != NULL ? suffixed(x, id, "hint").p : "",
		    hint != NULL && bad ? " " : "",
		    bad ? suffixed(x, id, "err").p : ""));
}

static void
text_field(const struct fctx *x, struct str id, const char *label,
    bool required, const char *hint, struct str value, const char *extra)
{
	field_head(x, id, label, required, hint);
	H(x->p, "<input type=\"text\"");
	field_attrs(x, id, hint);
	HA(x->p, "value", value);
	if (extra != NULL)
		HA(x->p, "autocomplete", str_c(extra));
	H(x->p, ">");
}

static void
option(struct page *p, const char *word, const char *label, struct str v)
{
	H(p, "<option");
	HA(p, "value", str_c(word));
	if (str_eqc(str_trim(v), word))
		H(p, " selected");
	H(p, ">");
	h_textc(p, label);
	H(p, "</option>");
}

static void
select_field(const struct fctx *x, struct str id, const char *label,
    const struct col_ui *u, const char *empty, struct str value)
{
	field_head(x, id, label, u->required, u->hint);
	H(x->p, "<select");
	field_attrs(x, id, u->hint);
	H(x->p, ">");
	option(x->p, "", empty, value);
	for (int k = 0; k < u->n; k++) {
		int i = u->reverse ? u->n - 1 - k : k;

		option(x->p, u->words[i], u->labels[i], value);
	}
	H(x->p, "</select>");
}

static void
check_field(const struct fctx *x, struct str id, struct str name,
    const char *value, const char *label, bool on)
{
	H(x->p, "<label class=\"check\"");
	HA(x->p, "for", id);
	H(x->p, "><input type=\"checkbox\"");
	HA(x->p, "id", id);
	HA(x->p, "name", name);
	HA(x->p, "value", str_c(value));
	if (on)
		H(x->p, " checked");
	H(x->p, "> ");
	h_textc(x->p, label);
	H(x->p, "</label>");
}

/* A single field of the form, by its enum. */
static void
single(const struct fctx *x, enum rform_field i, bool required,
    const char *hint, const char *autocomplete)
{
	text_field(x, str_c(rform_field_name[i]), rform_field_label[i],
	    required, hint, x->f->f[i], autocomplete);
}

static void
single_select(const struct fctx *x, enum rform_field i, const char *const
    *words, const char *const *labels, int n, bool required, const char
    *empty, const char *hint)
{
	struct col_ui u = { UI_SELECT, words, labels, n, required, false,
	    hint };

	select_field(x, str_c(rform_field_name[i]), rform_field_label[i], &u,
	    empty, x->f->f[i]);
}

/* ---- the groups of rows ---- */

static struct str
cell_id(const struct fctx *x, enum rform_sec s, size_t r, const char *col)
{
	return arena_printf(x->r->ar, "%s-%zu-%s", rform_sec_name[s], r, col);
}

static void
row(const struct fctx *x, enum rform_sec s, size_t r)
{
	const struct rform_row *w = &x->f->rows[s].row[r];

	H(x->p, "<fieldset class=\"row\"><legend>");
	h_textc(x->p, rform_row_label[s]);
	H(x->p, " ");
	h_int(x->p, (int64_t)r + 1);
	H(x->p, "</legend>");
	for (size_t c = 0; c < rform_ncols[s]; c++) {
		const struct col_ui *u = &cols[s][c];
		struct str id = cell_id(x, s, r, rform_col_name[s][c]);

		if (u->ui == UI_TEXT)
			text_field(x, id, rform_col_label[s][c], u->required,
			    u->hint, w->v[c], NULL);
		else if (u->ui == UI_SELECT)
			select_field(x, id, rform_col_label[s][c], u,
			    "— pilih —", w->v[c]);
		else
			check_field(x, id, id, "1", rform_col_label[s][c],
			    str_trim(w->v[c]).len > 0);
	}
	check_field(x, cell_id(x, s, r, "del"), cell_id(x, s, r, "del"), "1",
	    "Hapus baris ini", w->del);
	H(x->p, "</fieldset>");
}

/* The rows of a group and its "Tambah baris" button. */
static void
rows(const struct fctx *x, enum rform_sec s)
{
	const struct rform_rows *g = &x->f->rows[s];

	field_errs(x, str_c(rform_sec_name[s]));
	for (size_t r = 0; r < g->n; r++)
		row(x, s, r);
	if (g->n < rform_cap[s]) {
		H(x->p, "<button type=\"submit\" class=\"more\" "
		    "name=\"more\"");
		HA(x->p, "value", str_c(rform_sec_name[s]));
		H(x->p, ">");
		h_textc(x->p, more_label[s]);
		H(x->p, "</button>");
	} else {
		H(x->p, "<p class=\"hint\">Paling banyak ");
		h_int(x->p, (int64_t)rform_cap[s]);
		H(x->p, " baris.</p>");
	}
}

/* An optional list's question: not stated, none, or listed below. */
static void
list_state(const struct fctx *x, enum rform_list l, const char *question)
{
	struct str id = str_c(rform_list_name[l]);
	enum rform_state st = rform_state_of(x->f, l);

	H(x->p, "<fieldset");
	HA(x->p, "id", id);
	if (has_err(x, id))
		HA(x->p, "aria-describedby", suffixed(x, id, "err"));
	H(x->p, "><legend>");
	h_textc(x->p, question);
	H(x->p, "</legend>");
	field_errs(x, id);
	for (int i = 0; i < RST__N; i++) {
		struct str rid = suffixed(x, id, rform_state_name[i]);

		H(x->p, "<label class=\"check\"");
		HA(x->p, "for", rid);
		H(x->p, "><input type=\"radio\"");
		HA(x->p, "id", rid);
		HA(x->p, "name", id);
		HA(x->p, "value", str_c(rform_state_name[i]));
		if ((int)st == i)
			H(x->p, " checked");
		H(x->p, "> ");
		h_textc(x->p, rform_state_label[l][i]);
		H(x->p, "</label>");
	}
	H(x->p, "</fieldset>");
}

static void
h2(const struct fctx *x, const char *id, const char *title)
{
	H(x->p, "<h2");
	HA(x->p, "id", str_c(id));
	H(x->p, ">");
	h_textc(x->p, title);
	H(x->p, "</h2>");
}

/* ---- the page ---- */

static void
identity(const struct fctx *x)
{
	H(x->p, "<fieldset><legend>Identitas dan kepegawaian</legend>"
	    "<p>NIP <strong>");
	h_text(x->p, x->f->nip);
	H(x->p, "</strong>, tanggal lahir <strong>");
	h_date_str(x->p, x->f->birth_date);
	H(x->p, "</strong></p><p class=\"hint\">NIP dan tanggal lahir diambil "
	    "dari akun Anda dan tidak dapat diubah di sini.</p>");
	single(x, RFF_NAME, true, "Seperti tertulis di SK kepegawaian.",
	    "name");
	single_select(x, RFF_EMPLOYMENT, vocab_employment, label_employment,
	    EMP__N, true, "— pilih —", NULL);
	single_select(x, RFF_GRADE, vocab_grade, label_grade, GRADE__N, true,
	    "— pilih —", NULL);
	H(x->p, "</fieldset><fieldset><legend>Instansi tempat bekerja"
	    "</legend>");
	single(x, RFF_AG_NAME, true, "Misalnya: Pemerintah Kabupaten Demak.",
	    "organization");
	single_select(x, RFF_AG_KIND, vocab_agency_kind, label_agency_kind,
	    AG__N, true, "— pilih —", NULL);
	single(x, RFF_AG_PROVINCE, false, "Misalnya: Jawa Tengah.", NULL);
	H(x->p, "</fieldset>");
}

static void
certificates(const struct fctx *x)
{
	struct str id = str_c(rform_field_name[RFF_CERTS]);
	const char *hint = "Satu sertifikat per baris, misalnya "
	    "kepamongprajaan.";

	h2(x, "sertifikat", "Sertifikat");
	list_state(x, RFL_CERTS, "Sertifikat keahlian yang dimiliki");
	field_head(x, id, "Sertifikat yang dimiliki", false, hint);
	H(x->p, "<textarea rows=\"3\"");
	field_attrs(x, id, hint);
	H(x->p, ">");
	h_text(x->p, x->f->f[RFF_CERTS]);
	H(x->p, "</textarea>");
}

static void
training(const struct fctx *x)
{
	h2(x, "diklat", "Diklat kepemimpinan");
	list_state(x, RFL_TRAINING, "Diklat kepemimpinan yang sudah diikuti");
	H(x->p, "<fieldset><legend>Diklat yang sudah diikuti</legend>");
	for (int t = 0; t < TR__N; t++)
		check_field(x, arena_printf(x->r->ar, "training-%s",
		    vocab_training[t]), STR("training"), vocab_training[t],
		    label_training[t], x->f->training[t]);
	H(x->p, "</fieldset>");
}

static void
conduct(const struct fctx *x)
{
	h2(x, "pen", "Hukuman");
	list_state(x, RFL_PENS, "Pernah dijatuhi hukuman disiplin atau "
	    "pidana?");
	rows(x, RFS_PEN);
	single_select(x, RFF_UNDER_EXAM, yes_no_word, yes_no_label, 2, false,
	    "Tidak diisi", "Pemeriksaan atas dugaan pelanggaran disiplin.");
	h2(x, "perf", "Penilaian kinerja");
	list_state(x, RFL_PERF, "Penilaian kinerja (SKP) tahunan");
	rows(x, RFS_PERF);
	h2(x, "rekomendasi", "Rekomendasi");
	single_select(x, RFF_REC_BY, vocab_rec_by, label_rec_by, REC__N, false,
	    "Belum ada atau tidak diisi", NULL);
	single_select(x, RFF_REC_PPK, yes_no_word, yes_no_label, 2, false,
	    "Tidak diisi", "Bila rekomendasi dari PyB: sudah disetujui PPK?");
	h2(x, "pernyataan", "Pernyataan");
	single_select(x, RFF_NO_MPP, yes_no_word, yes_no_label, 2, false,
	    "Tidak diisi", "Surat pernyataan bermeterai tidak akan "
	    "mengajukan masa persiapan pensiun (MPP); diperlukan bila "
	    "peraturan daerah memberi batas usia lebih tinggi dengan "
	    "pernyataan itu.");
}

static void
err_summary(const struct fctx *x, const char *msg)
{
	H(x->p, "<div class=\"msg err\" role=\"alert\" id=\"kesalahan\">"
	    "<h2>Data riwayat belum disimpan</h2><p>");
	h_textc(x->p, msg);
	H(x->p, "</p>");
	if (x->e->n > 0)
		H(x->p, "<ul>");
	for (size_t i = 0; i < x->e->n; i++) {
		H(x->p, "<li>");
		if (x->e->e[i].field.len > 0) {
			H(x->p, "<a");
			HA(x->p, "href", arena_printf(x->r->ar, "#%.*s",
			    (int)x->e->e[i].field.len, x->e->e[i].field.p));
			H(x->p, ">");
		}
		h_text(x->p, x->e->e[i].msg);
		if (x->e->e[i].field.len > 0)
			H(x->p, "</a>");
		H(x->p, "</li>");
	}
	if (x->e->n > 0)
		H(x->p, "</ul>");
	H(x->p, "</div>");
}

static void
intro(const struct fctx *x)
{
	H(x->p, "<p>Isi riwayat kepegawaian Anda seperti tercatat di SIASN "
	    "atau SIMPEG. Isian bertanda (wajib) harus diisi; baris yang "
	    "dibiarkan kosong diabaikan. Tombol \"Tambah baris\" menambah "
	    "satu baris kosong tanpa menyimpan apa pun. Bagian yang \"Tidak "
	    "diisi\" membuat persyaratan yang memerlukannya berstatus belum "
	    "lengkap.</p><p>Menyimpan formulir ini mengganti data riwayat "
	    "yang tersimpan, termasuk yang diimpor dari berkas JSON. Data "
	    "yang tidak ada di formulir ini (kolom tambahan dari ekspor "
	    "SIASN, tanda \"invited\") tidak ikut disimpan. Formulir ini "
	    "tidak menanyakan agama, suku, status perkawinan atau "
	    "disabilitas.</p><p>Punya berkas ekspor? <a "
	    "href=\"/pelamar/data\">Impor data riwayat dari berkas JSON</a>."
	    "</p>");
}

static void
form_page(struct req *r, struct resp *rs, const struct rform *f,
    const struct rform_errs *e, const char *msg, bool ok)
{
	struct fctx x = { r, &rs->pg, f, e };

	page_begin(r, rs, "Isi data riwayat");
	if (e != NULL)
		err_summary(&x, msg);
	else if (msg != NULL)
		h_msg(x.p, ok, msg);
	if (f->truncated)
		h_msg(x.p, false, "Data riwayat tersimpan memuat lebih banyak "
		    "baris daripada yang dapat ditampilkan formulir ini; "
		    "menyimpannya di sini membuang baris yang tidak tampil. "
		    "Gunakan impor JSON untuk data selengkapnya.");
	intro(&x);
	H(x.p, "<form method=\"post\" action=\"/pelamar/data/isian\" "
	    "novalidate>");
	form_csrf(r, rs);
	H(x.p, "<p><button type=\"submit\" name=\"save\" value=\"1\">Simpan"
	    "</button></p>");
	identity(&x);
	h2(&x, "edu", "Pendidikan");
	rows(&x, RFS_EDU);
	certificates(&x);
	h2(&x, "post", "Riwayat jabatan");
	H(x.p, "<p class=\"hint\">Semua jabatan yang pernah dan sedang "
	    "dipegang, termasuk sebagai pelaksana tugas (Plt).</p>");
	rows(&x, RFS_POST);
	training(&x);
	conduct(&x);
	H(x.p, "<p><button type=\"submit\" name=\"save\" value=\"1\">Simpan "
	    "data riwayat</button></p></form>");
	page_end(r, rs);
}

void
h_rform_get(struct req *r, struct resp *rs)
{
	struct rform f;
	bool had, unreadable;
	enum sel_err rc;

	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return;
	}
	rc = app_rform_load(r->app, r->ar, &r->who, &f, &had, &unreadable);
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), rc == SEL_EPERM ? "Halaman "
		    "ini untuk pelamar." : "Data riwayat tidak dapat dibaca.");
		return;
	}
	rform_pad(&f);
	form_page(r, rs, &f, NULL, unreadable ? "Data riwayat yang tersimpan "
	    "tidak dapat dibaca; formulir dimulai kosong." : NULL, false);
}

/* "Tambah baris": the form again, one empty row more, nothing saved. */
static void
more_rows(struct req *r, struct resp *rs, struct rform *f, struct str which)
{
	int s = rform_sec_of(which);

	rform_drop_deleted(f);
	if (s < 0) {
		rs->status = MHD_HTTP_BAD_REQUEST;
		form_page(r, rs, f, NULL, "Kelompok baris tidak dikenal; "
		    "data belum disimpan.", false);
	} else if (!rform_add_row(f, (enum rform_sec)s)) {
		form_page(r, rs, f, NULL, arena_printf(r->ar, "%s: paling "
		    "banyak %zu baris; data belum disimpan.",
		    rform_sec_label[s], rform_cap[s]).p, false);
	} else {
		form_page(r, rs, f, NULL, arena_printf(r->ar, "Satu baris "
		    "kosong ditambahkan pada %s. Data belum disimpan: tekan "
		    "Simpan bila sudah selesai.", rform_sec_label[s]).p, true);
	}
}

void
h_rform_post(struct req *r, struct resp *rs)
{
	struct s_applicant ap;
	struct rform f;
	struct rform_errs e;
	struct app_msg m = { "" };
	struct str more = form_get(&r->form, "more");
	enum sel_err rc;

	if (r->who.account_id == 0 || app_applicant(r->app, r->ar, &r->who,
	    &ap) != SEL_OK) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Halaman ini untuk "
		    "pelamar.");
		return;
	}
	rform_read(r->ar, &r->form, &f);
	f.nip = ap.nip;
	f.birth_date = ap.birth_date;
	if (more.len > 0) {
		more_rows(r, rs, &f, more);
		return;
	}
	rc = app_rform_save(r->app, r->ar, &r->who, &f, &e, &m);
	if (rc == SEL_OK) {
		resp_redirect(rs, "/pelamar?ok=1");
		return;
	}
	if (rc == SEL_EPERM) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, m.text[0] ? m.text :
		    "Halaman ini untuk pelamar.");
		return;
	}
	rs->status = web_status(rc);
	form_page(r, rs, &f, &e, m.text[0] ? m.text : "Data riwayat tidak "
	    "dapat disimpan.", false);
}

