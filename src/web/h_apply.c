/*
 * h_apply.c - the applicant's own pages (record, vacancies, applications)
 * and the public list of registrants.
 */
#include <string.h>

#include <microhttpd.h>

#include "app/prep.h"
#include "base/arena.h"
#include "core/profile.h"
#include "web/web.h"
#include "base/banned.h"

static bool
applicant_only(struct req *r, struct resp *rs, struct s_applicant *p)
{
	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return false;
	}
	if (app_applicant(r->app, r->ar, &r->who, p) != SEL_OK) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Halaman ini untuk "
		    "pelamar.");
		return false;
	}
	return true;
}

static const char *
state_label(const struct s_application *x)
{
	return app_state(x) == FA_SUBMITTED ? "terkirim" : "ditarik";
}

static void
my_applications(struct req *r, struct page *p)
{
	struct s_application *x;
	size_t n = 0;

	(void)app_my_applications(r->app, r->ar, &r->who, &x, &n);
	H(p, "<h2>Lamaran Anda</h2>");
	if (n == 0) {
		H(p, "<p>Belum ada lamaran.</p>");
		return;
	}
	H(p, SCROLL("Lamaran")
	    "<table><caption>Lamaran</caption><thead><tr><th scope=\"col\">"
	    "Nomor pendaftaran</th><th scope=\"col\">Jabatan</th><th "
	    "scope=\"col\">Status</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		H(p, "<tr><td><a");
		HA(p, "href", arena_printf(r->ar, "/pelamar/lamaran/%lld",
		    (long long)x[i].id));
		H(p, ">");
		h_text(p, x[i].reg_no);
		H(p, "</a></td><td>");
		h_text(p, x[i].vacancy_title);
		H(p, "</td><td>");
		h_textc(p, state_label(&x[i]));
		H(p, "</td></tr>");
	}
	H(p, "</tbody></table></div>");
}

static void
open_vacancies(struct req *r, struct page *p)
{
	struct s_selection *list;
	size_t n = 0;
	if (app_selections(r->app, r->ar, true, &list, &n) != SEL_OK)
		return;
	H(p, "<h2>Lowongan yang dibuka</h2><ul>");
	for (size_t i = 0; i < n; i++) {
		struct sel_view v;
		sel_date today;

		if (app_sel_view(r->app, r->ar, list[i].id, &v) != SEL_OK ||
		    !v.has_window)
			continue;
		today = app_today(r->app, v.profile);
		if (today < v.open || today > v.close)
			continue;
		for (size_t k = 0; k < v.nvac; k++) {
			H(p, "<li><a");
			HA(p, "href", arena_printf(r->ar,
			    "/pelamar/lowongan/%lld", (long long)v.vac[k].id));
			H(p, ">");
			h_text(p, v.vac[k].title);
			H(p, "</a>: ");
			h_text(p, v.s.f[SF_TITLE]);
			H(p, ", batas akhir ");
			h_date(p, v.close);
			H(p, "</li>");
		}
	}
	H(p, "</ul>");
}

void
h_applicant_home(struct req *r, struct resp *rs)
{
	struct s_applicant ap;
	struct page *p = &rs->pg;

	if (!applicant_only(r, rs, &ap))
		return;
	page_begin(r, rs, "Halaman pelamar");
	if (req_query(r, "ok").len > 0)
		h_msg(p, true, "Tersimpan.");
	H(p, "<p>NIP ");
	h_text(p, ap.nip);
	H(p, " · ");
	h_text(p, ap.name);
	H(p, "</p>");
	if (ap.confirmed_at.len == 0)
		h_msg(p, false, "Alamat surel belum dikonfirmasi: buka tautan "
		    "yang kami kirim sebelum melamar.");
	H(p, "<h2>Data riwayat</h2><p>");
	if (ap.record.len > 0) {
		H(p, "Tersimpan ");
		h_when(p, ap.record_at, app_zone(r->app, r->ar, 0));
		H(p, ". ");
	} else {
		H(p, "Belum ada. ");
	}
	H(p, "</p>");
	h_record_summary(r, p, ap.record);
	H(p, "<ul><li><a href=\"/pelamar/data/isian\">Isi atau ubah data "
	    "riwayat dengan formulir</a></li><li><a href=\"/pelamar/data\">"
	    "Isi atau ganti data riwayat</a> dengan berkas JSON ekspor "
	    "SIASN/SIMPEG</li></ul>");
	H(p, "<p><a href=\"/pelamar/dokumen\">Dokumen persyaratan</a></p>");
	my_applications(r, p);
	h_my_stages(r, p);	/* stage part: invitations, absences */
	open_vacancies(r, p);
	page_end(r, rs);
}

static void
data_page(struct req *r, struct resp *rs, const struct s_applicant *ap,
    const char *err)
{
	struct page *p = &rs->pg;

	page_begin(r, rs, "Data riwayat");
	if (err != NULL)
		h_msg(p, false, err);
	H(p, "<p>Data riwayat jabatan dalam format ekspor SIASN/SIMPEG (JSON): "
	    "jabatan, pangkat, pendidikan, diklat, hukuman disiplin, penilaian "
	    "kinerja dan rekomendasi. Unggah berkasnya atau tempelkan isinya. "
	    "Data ini tidak memuat agama, suku, status perkawinan atau "
	    "disabilitas, dan jenis kelamin tidak pernah dibaca.</p>"
	    "<p>Tanpa berkas? <a href=\"/pelamar/data/isian\">Isi data "
	    "riwayat dengan formulir</a>.</p>"
	    "<form method=\"post\" action=\"/pelamar/data\" "
	    "enctype=\"multipart/form-data\">");
	form_csrf(r, rs);
	H(p, "<label for=\"file\">Berkas JSON (paling besar 60 KB)</label>"
	    "<input type=\"file\" id=\"file\" name=\"file\" "
	    "accept=\"application/json,.json\"><label for=\"record\">atau isi "
	    "JSON</label><textarea id=\"record\" name=\"record\" rows=\"12\">");
	h_text(p, ap->record);
	H(p, "</textarea><button type=\"submit\">Simpan</button></form>");
	page_end(r, rs);
}

void
h_record_get(struct req *r, struct resp *rs)
{
	struct s_applicant ap;

	if (applicant_only(r, rs, &ap))
		data_page(r, rs, &ap, NULL);
}

void
h_record_post(struct req *r, struct resp *rs)
{
	struct s_applicant ap;
	struct app_msg m = { "" };
	struct str text = form_get(&r->form, "file");
	enum sel_err rc;

	if (!applicant_only(r, rs, &ap))
		return;
	if (str_trim(text).len == 0)
		text = form_get(&r->form, "record");
	rc = app_record_set(r->app, r->ar, &r->who, text, &m);
	if (rc != SEL_OK) {
		rs->status = web_status(rc);
		ap.record = text;
		data_page(r, rs, &ap, m.text[0] ? m.text : "Gagal menyimpan.");
		return;
	}
	resp_redirect(rs, "/pelamar?ok=1");
}

static const char *
verdict_label(enum verdict v)
{
	return v == V_ELIGIBLE ? "Memenuhi persyaratan" : v == V_INCOMPLETE ?
	    "Belum lengkap" : "Tidak memenuhi persyaratan";
}

static void
verdict_rules(struct page *p, const struct elig_out *o)
{
	H(p, "<p class=\"lead\"><strong>");
	h_textc(p, verdict_label(o->verdict));
	H(p, "</strong></p><ul class=\"rules\">");
	for (size_t i = 0; i < o->nrules; i++)
		h_rule(p, &o->rules[i]);
	H(p, "</ul>");
	if (o->nchecklist > 0) {
		H(p, "<h3>Dinilai panitia</h3><ul>");
		for (size_t i = 0; i < o->nchecklist; i++) {
			H(p, "<li>");
			h_text(p, o->checklist[i].detail);
			H(p, " <cite>");
			h_text(p, o->checklist[i].citation);
			H(p, "</cite></li>");
		}
		H(p, "</ul>");
	}
	for (size_t i = 0; i < o->nadvisories; i++) {
		H(p, "<p class=\"small\">");
		h_text(p, o->advisories[i].detail);
		H(p, " <cite>");
		h_text(p, o->advisories[i].citation);
		H(p, "</cite></p>");
	}
}

static void
preview_page(struct req *r, struct resp *rs, int64_t vac, const char *err)
{
	struct preview pv;
	struct page *p = &rs->pg;
	enum sel_err rc = app_preview(r->app, r->ar, &r->who, vac, &pv);

	if (rc != SEL_OK || !pv.sel.published) {
		page_error(r, rs, rc == SEL_EPERM ? MHD_HTTP_FORBIDDEN :
		    MHD_HTTP_NOT_FOUND, rc == SEL_EPERM ? "Halaman ini untuk "
		    "pelamar." : "Lowongan tidak ditemukan.");
		return;
	}
	page_begin(r, rs, arena_printf(r->ar, "%.*s", (int)pv.vac.title.len,
	    pv.vac.title.p).p);
	if (err != NULL)
		h_msg(p, false, err);
	H(p, "<p>");
	h_text(p, pv.sel.s.f[SF_TITLE]);
	H(p, " · pendaftaran ");
	h_date(p, pv.sel.open);
	H(p, " sampai ");
	h_date(p, pv.sel.close);
	H(p, "</p><h2>Hasil pemeriksaan persyaratan</h2><p>Diperiksa dengan "
	    "data riwayat Anda, per batas akhir pendaftaran.</p>");
	if (!pv.has_record)
		H(p, "<p><a href=\"/pelamar/data/isian\">Isi data riwayat</a> "
		    "untuk melihat hasilnya.</p>");
	else if (pv.elig == NULL) {
		H(p, "<p>");
		h_text(p, pv.record_error);
		H(p, "</p>");
	} else
		verdict_rules(p, pv.elig);
	if (pv.applied) {
		H(p, "<p>Anda sudah mendaftar pada lowongan ini.</p>");
	} else if (pv.open && pv.elig != NULL && pv.confirmed) {
		H(p, "<form method=\"post\"");
		HA(p, "action", arena_printf(r->ar, "/pelamar/lowongan/%lld/"
		    "daftar", (long long)vac));
		H(p, ">");
		form_csrf(r, rs);
		H(p, "<p>Lamaran dikirim sekali dan tidak dapat diubah "
		    "sesudahnya; Anda dapat menariknya.</p><button "
		    "type=\"submit\">Kirim lamaran</button></form>");
	} else if (!pv.open) {
		H(p, "<p>Pendaftaran tidak sedang dibuka.</p>");
	}
	page_end(r, rs);
}

void
h_vacancy_preview(struct req *r, struct resp *rs)
{
	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return;
	}
	preview_page(r, rs, r->ids[0], NULL);
}

void
h_apply(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	int64_t id;
	enum sel_err rc;

	if (r->who.account_id == 0) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Silakan masuk terlebih "
		    "dahulu.");
		return;
	}
	rc = app_apply(r->app, r->ar, &r->who, r->ids[0], &id, &m);
	if (rc == SEL_OK) {
		resp_redirect(rs, arena_printf(r->ar, "/pelamar/lamaran/%lld",
		    (long long)id).p);
		return;
	}
	if (rc == SEL_EPERM || rc == SEL_ENOENT) {
		page_error(r, rs, web_status(rc), m.text[0] ? m.text :
		    "Tidak diizinkan.");
		return;
	}
	rs->status = web_status(rc);
	preview_page(r, rs, r->ids[0], m.text[0] ? m.text : "Lamaran gagal.");
}

/* Questions from the committee, each with its answer form. */
static void
receipt_clarifications(struct req *r, struct resp *rs,
    const struct s_application *x)
{
	struct page *p = &rs->pg;
	struct s_clar *c;
	size_t n = 0;

	if (app_clars(r->app, r->ar, &r->who, x->id, &c, &n) != SEL_OK ||
	    n == 0)
		return;
	H(p, "<h2>Klarifikasi</h2>");
	for (size_t i = 0; i < n; i++) {
		H(p, "<p><strong>Pertanyaan panitia:</strong> ");
		h_text(p, c[i].question);
		H(p, "</p>");
		if (c[i].answer.len > 0) {
			H(p, "<p><strong>Jawaban Anda:</strong> ");
			h_text(p, c[i].answer);
			H(p, "</p>");
			continue;
		}
		if (x->account_id != r->who.account_id)
			continue;
		form_answer(r, rs, arena_printf(r->ar, "/pelamar/lamaran/%lld/"
		    "klarifikasi/%lld", (long long)x->id, (long long)c[i].id),
		    c[i].id);
	}
}

void
h_clar_answer(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	enum sel_err rc;

	if (r->who.account_id == 0) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Silakan masuk terlebih "
		    "dahulu.");
		return;
	}
	rc = app_clar_answer(r->app, r->ar, &r->who, r->ids[0], r->ids[1],
	    form_get(&r->form, "answer"), &m);
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), m.text[0] ? m.text :
		    "Jawaban tidak dapat disimpan.");
		return;
	}
	resp_redirect(rs, arena_printf(r->ar, "/pelamar/lamaran/%lld",
	    (long long)r->ids[0]).p);
}

void
h_receipt(struct req *r, struct resp *rs)
{
	struct s_application x;
	struct page *p = &rs->pg;
	struct str reason;
	int passed;

	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return;
	}
	if (app_application(r->app, r->ar, &r->who, r->ids[0], &x) !=
	    SEL_OK) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Lamaran tidak "
		    "ditemukan.");
		return;
	}
	page_begin(r, rs, "Tanda terima lamaran");
	H(p, SCROLL("Tanda terima lamaran")
	    "<table><caption>Lamaran</caption><tbody><tr><th scope=\"row\">"
	    "Nomor pendaftaran</th><td><strong>");
	h_text(p, x.reg_no);
	H(p, "</strong></td></tr><tr><th scope=\"row\">Nama</th><td>");
	h_text(p, x.name);
	H(p, "</td></tr><tr><th scope=\"row\">Jabatan</th><td>");
	h_text(p, x.vacancy_title);
	H(p, "</td></tr><tr><th scope=\"row\">Dikirim</th><td>");
	h_when(p, x.submitted_at, app_zone(r->app, r->ar, x.selection_id));
	H(p, "</td></tr><tr><th scope=\"row\">Status</th><td>");
	h_textc(p, state_label(&x));
	H(p, "</td></tr></tbody></table></div><p class=\"small\">Data riwayat "
	    "dibekukan pada saat pengiriman. Hasil seleksi administrasi "
	    "ditetapkan panitia seleksi.</p>");
	/* pdf: the receipt as a letter */
	h_pdf_link(r, p, arena_printf(r->ar, "/pelamar/lamaran/%lld/"
	    "tanda-terima.pdf", (long long)x.id).p);
	if (app_adm_mine(r->app, r->ar, &r->who, x.id, &passed, &reason) ==
	    SEL_OK && passed >= 0) {
		H(p, "<h2>Hasil seleksi administrasi</h2><p><strong>");
		h_textc(p, passed ? "Lulus" : "Tidak lulus");
		H(p, "</strong>: ");
		h_text(p, reason);
		H(p, "</p><h3>Persyaratan saat pengiriman</h3>");
		h_frozen_rules(r, p, x.rules);
	}
	receipt_clarifications(r, rs, &x);
	if (app_state(&x) == FA_SUBMITTED && x.account_id ==
	    r->who.account_id) {
		H(p, "<form method=\"post\"");
		HA(p, "action", arena_printf(r->ar, "/pelamar/lamaran/%lld/"
		    "tarik", (long long)x.id));
		H(p, ">");
		form_csrf(r, rs);
		H(p, "<button type=\"submit\">Tarik lamaran</button></form>");
	}
	page_end(r, rs);
}

void
h_withdraw(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	enum sel_err rc;

	if (r->who.account_id == 0) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Silakan masuk terlebih "
		    "dahulu.");
		return;
	}
	rc = app_withdraw(r->app, r->ar, &r->who, r->ids[0], &m);
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), m.text[0] ? m.text :
		    "Lamaran tidak dapat ditarik.");
		return;
	}
	resp_redirect(rs, "/pelamar?ok=1");
}

void
h_registrants(struct req *r, struct resp *rs)
{
	struct s_application *x;
	struct sel_view v;
	struct page *p = &rs->pg;
	size_t n;
	enum sel_err rc = app_registrants(r->app, r->ar, r->ids[0], &v, &x,
	    &n);

	if (rc == SEL_ENOENT) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Seleksi tidak "
		    "ditemukan.");
		return;
	}
	if (rc == SEL_ESTATE) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Daftar pendaftar "
		    "diumumkan sesudah pendaftaran ditutup.");
		return;
	}
	if (rc != SEL_OK) {
		page_error(r, rs, 500, "Daftar tidak dapat dibaca.");
		return;
	}
	rs->cache = "public, max-age=60";
	page_begin(r, rs, "Daftar pendaftar");
	H(p, "<p>");
	h_text(p, v.s.f[SF_TITLE]);
	H(p, ". Semua yang mendaftar sampai batas akhir ");
	h_date(p, v.close);
	H(p, ", per jabatan, dengan nomor pendaftaran dan nama.</p>");
	for (size_t k = 0; k < v.nvac; k++) {
		H(p, SCROLL("Pendaftar per lowongan")
		    "<table><caption>");
		h_text(p, v.vac[k].title);
		H(p, "</caption><thead><tr><th scope=\"col\">Nomor pendaftaran"
		    "</th><th scope=\"col\">Nama</th><th scope=\"col\">"
		    "Keterangan</th></tr></thead><tbody>");
		for (size_t i = 0; i < n; i++) {
			if (x[i].vacancy_id != v.vac[k].id)
				continue;
			H(p, "<tr><td>");
			h_text(p, x[i].reg_no);
			H(p, "</td><td>");
			h_text(p, x[i].name);
			H(p, "</td><td>");
			if (app_state(&x[i]) == FA_WITHDRAWN)
				H(p, "menarik lamaran");
			H(p, "</td></tr>");
		}
		H(p, "</tbody></table></div>");
	}
	page_end(r, rs);
}
