/*
 * h_report.c - the report to the oversight body (app/report.h):
 * /kelola/N/laporan (the page, the sending, the recommendation) and
 * /kelola/N/laporan.json (the pack, docs/report-format.md); and the
 * appointment and inauguration (app/appoint.h): /kelola/N/pengangkatan.
 */
#include <inttypes.h>
#include <string.h>

#include <microhttpd.h>

#include "app/appoint.h"
#include "app/report.h"
#include "base/arena.h"
#include "web/h_choice_int.h"
#include "base/banned.h"

static const char *const verdict_ids[] = { "recommended", "with_notes",
	"not_recommended", NULL };
static const char *const verdict_labels[] = { "Direkomendasikan",
	"Direkomendasikan dengan catatan", "Tidak direkomendasikan", NULL };

static const char *
verdict_label(struct str v)
{
	for (int i = 0; verdict_ids[i] != NULL; i++)
		if (str_eqc(v, verdict_ids[i]))
			return verdict_labels[i];
	return "?";
}

static void
rule_li(struct page *p, const struct rule_result *r)
{
	if (r->status != RS_PASS)
		return;
	H(p, "<li><strong>");
	h_textc(p, rule_name(r->id));
	H(p, "</strong>: ");
	h_text(p, r->detail);
	H(p, " <span class=\"small\">");
	h_text(p, r->citation);
	H(p, "</span></li>");
}

static void
send_form(const struct cctx *c)
{
	H(c->p, "<h2>Kirim laporan</h2>");
	hc_form_open(c, 0, "laporan/kirim");
	hc_line_field(c, 0, "kirim", "letter_no", "Nomor surat pengantar");
	hc_date_field(c, 0, "kirim", "letter_on", "Tanggal surat");
	hc_confirm(c, 0, "kirim", "Berkas laporan sudah saya periksa; setelah "
	    "dikirim berkas itu disimpan dengan sidik SHA-256 dan tidak "
	    "berubah.");
	H(c->p, "<button type=\"submit\">Kirim laporan</button></form>");
}

static void
recommend_form(const struct cctx *c)
{
	H(c->p, "<h2>Catat rekomendasi</h2>");
	hc_file_form_open(c, 0, "laporan/rekomendasi");	/* ---- letters */
	hc_radios(c, 0, "rekomendasi", "verdict", "Isi rekomendasi",
	    verdict_ids, verdict_labels, 3);
	hc_line_field(c, 0, "rekomendasi", "letter_no", "Nomor surat "
	    "rekomendasi");
	hc_date_field(c, 0, "rekomendasi", "letter_on", "Tanggal surat");
	hc_text_field(c, 0, "rekomendasi", "text", "Isi ringkas (catatan, "
	    "tindak lanjut yang diminta)");
	H(c->p, "<label class=\"check\"><input type=\"checkbox\" "
	    "name=\"binding\" value=\"1\"");
	if (hc_refill(c, 0, "rekomendasi") && form_has(&c->r->form,
	    "binding", STR("1")))
		H(c->p, " checked");
	H(c->p, "> Rekomendasi ini mengikat dan harus ditindaklanjuti"
	    "</label>");
	hc_letter_field(c, 0, "rekomendasi", "Surat rekomendasi");
	H(c->p, "<button type=\"submit\">Catat rekomendasi</button></form>");
}

static void
report_page(struct cctx *c, struct report_view *rv, bool ok)
{
	const struct sel_view *v = &rv->cv.rk.sel;
	struct str zone = sel_zone(v);

	page_begin(c->r, c->rs, "Laporan hasil seleksi dan permohonan "
	    "rekomendasi");
	if (c->msg != NULL)
		h_msg(c->p, ok, c->msg);
	H(c->p, "<p><a");
	HA(c->p, "href", arena_printf(c->r->ar, "/kelola/%" PRId64, v->s.id));
	H(c->p, ">");
	h_text(c->p, v->s.f[SF_TITLE]);
	H(c->p, "</a> · kepada ");
	h_text(c->p, rv->to);
	H(c->p, "</p><ul class=\"rules\">");
	rule_li(c->p, &rv->kasn);
	rule_li(c->p, &rv->report);
	H(c->p, "</ul><h2>Isi laporan</h2><ul>");
	for (size_t i = 0; i < rv->cv.nvac; i++) {
		const struct choice_vac *x = &rv->cv.vac[i];

		H(c->p, "<li>");
		h_text(c->p, x->rv->title);
		H(c->p, ": ");
		if (x->chosen) {
			H(c->p, "dipilih ");
			h_text(c->p, x->choice.reg_no);
			H(c->p, " ");
			h_text(c->p, x->choice.name);
		} else
			H(c->p, "tanpa calon");
		if (x->nit > 0)
			h_textf(c->p, "; %zu konsultasi khusus", x->nit);
		H(c->p, "</li>");
	}
	H(c->p, "</ul><p>Berkas laporan memuat berita acara dan keputusan "
	    "setiap tahap, nilai setiap tahap dengan sidik lembar "
	    "perhitungannya, hasil asesmen, tiga calon terbaik, pilihan PPK "
	    "dan konsultasi khusus.");
	if (rv->cv.show_scores || rv->sent) {	/* ---- letters ---- */
		H(c->p, " <a");
		HA(c->p, "href", arena_printf(c->r->ar, "/kelola/%" PRId64
		    "/laporan.json", v->s.id));
		H(c->p, ">Unduh berkas laporan (JSON)</a>");
	}
	H(c->p, "</p>");
	if (rv->sent) {
		H(c->p, "<p class=\"done\">Dikirim dengan surat nomor ");
		h_text(c->p, rv->rs.letter_no);
		H(c->p, " tanggal ");
		h_date_str(c->p, rv->rs.letter_on);
		H(c->p, " oleh ");
		h_text(c->p, rv->rs.sent_by);
		H(c->p, " pada ");
		h_when(c->p, rv->rs.sent_at, zone);
		H(c->p, ". SHA-256 berkas: <code>");
		h_text(c->p, rv->rs.sha256);
		H(c->p, "</code></p>");
	} else if (rv->may_send)
		send_form(c);
	if (rv->has_rec) {
		H(c->p, "<h2>Rekomendasi</h2><p><strong>");
		h_textc(c->p, verdict_label(rv->rec.verdict));
		H(c->p, "</strong>");
		if (rv->rec.binding)
			H(c->p, " (mengikat)");
		H(c->p, ", surat nomor ");
		h_text(c->p, rv->rec.letter_no);
		H(c->p, " tanggal ");
		h_date_str(c->p, rv->rec.letter_on);
		H(c->p, ". ");
		h_text(c->p, rv->rec.text);
		hc_letter_link(c, rv->rec_file, "Surat rekomendasi");
		H(c->p, "</p><p class=\"small\">Dicatat oleh ");
		h_text(c->p, rv->rec.recorded_by);
		h_textc(c->p, str_eqc(rv->rec.recorded_role, "oversight") ?
		    " (instansi pengawas)" : " (sekretariat, dari surat yang "
		    "diterima)");
		H(c->p, " pada ");
		h_when(c->p, rv->rec.recorded_at, zone);
		H(c->p, ".</p>");
	} else if (rv->may_recommend)
		recommend_form(c);
	else if (rv->sent)
		H(c->p, "<p>Menunggu rekomendasi instansi pengawas.</p>");
	hc_report_letters(c, rv);	/* ---- letters ---- */
	page_end(c->r, c->rs);
}

static enum sel_err
report_load(struct cctx *c, struct app_msg *m)
{
	return app_report_view(c->r->app, c->r->ar, &c->r->who, c->r->ids[0],
	    c->view, m);
}

static void
report_show(struct cctx *c, bool ok)
{
	report_page(c, c->view, ok);
}

static const struct hc_page report_pg = { report_load, report_show,
	"laporan", "Dicatat dalam jejak audit." };

void
h_report(struct req *r, struct resp *rs)
{
	struct report_view rv;
	struct cctx c = { r, rs, &rs->pg, &rv.cv, 0, NULL, NULL, NULL, &rv };

	hc_get(&c, &report_pg);
}

void
h_report_json(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	struct str json;
	enum sel_err rc;

	if (!hc_logged_in(r, rs))
		return;
	rc = app_report_json(r->app, r->ar, &r->who, r->ids[0], &json, &m);
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), m.text[0] ? m.text :
		    "Berkas tidak dapat dibuka.");
		return;
	}
	rs->ctype = "application/json; charset=utf-8";
	rs->cache = "private, no-store";	/* the final scores */
	rs->disposition = "attachment; filename=\"laporan-seleksi.json\"";
	buf_putstr(&rs->pg.b, json);
	buf_putc(&rs->pg.b, '\n');
}

void
h_report_post(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	const char *field = NULL;
	struct report_view rv;
	struct cctx c = { r, rs, &rs->pg, &rv.cv, 0, NULL, NULL, NULL, &rv };
	bool send = str_eqc(r->word, "kirim");
	enum sel_err rc;

	if (!hc_logged_in(r, rs))
		return;
	/* ---- letters ---- a copy's dispatch, the follow-up */
	if (str_eqc(r->word, "tembusan") || str_eqc(r->word, "tindaklanjut")) {
		bool copy = str_eqc(r->word, "tembusan");

		rc = copy ? app_report_dispatch(r->app, r->ar, &r->who,
		    r->ids[0], &r->form, &m, &field) : app_report_followup(
		    r->app, r->ar, &r->who, r->ids[0], &r->form, &m, &field);
		hc_post_done(&c, &report_pg, rc, &m, field, copy ?
		    "tembusan" : "tindaklanjut");
		return;
	}
	/* ---- end letters ---- */
	if (!send && !str_eqc(r->word, "rekomendasi")) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Halaman tidak ada.");
		return;
	}
	rc = send ? app_report_send(r->app, r->ar, &r->who, r->ids[0],
	    &r->form, &m, &field) : app_recommend(r->app, r->ar, &r->who,
	    r->ids[0], &r->form, &m, &field);
	hc_post_done(&c, &report_pg, rc, &m, field, send ? "kirim" :
	    "rekomendasi");
}

/* ---- /kelola/N/pengangkatan ---- */

static void
appoint_form(const struct cctx *c, const struct appoint_vac *v)
{
	int64_t id = v->x->rv->vacancy_id;
	static const char *const modes[] = { "in_person", "video" };
	static const char *const mode_labels[] = { "Tatap muka",
	    "Konferensi video" };

	H(c->p, "<h3>Catat pengangkatan dan pelantikan</h3>");
	hc_file_form_open(c, id, "pengangkatan/catat");	/* ---- letters */
	hc_line_field(c, id, "angkat", "decree_no", "Nomor keputusan "
	    "pengangkatan");
	hc_date_field(c, id, "angkat", "decree_on", "Tanggal keputusan");
	hc_date_field(c, id, "angkat", "tmt", "Terhitung mulai tanggal (TMT)");
	hc_date_field(c, id, "angkat", "inaugurated_on", "Tanggal pelantikan");
	hc_radios(c, id, "angkat", "mode", "Cara pelantikan", modes,
	    mode_labels, 2);
	hc_line_field(c, id, "angkat", "place", "Tempat pelantikan (atau "
	    "tautan konferensi video)");
	hc_letter_field(c, id, "angkat", "Keputusan pengangkatan (SK)");
	hc_confirm(c, id, "angkat", "Data keputusan sudah saya periksa; "
	    "setelah dicatat tidak dapat diubah.");
	hc_bad_text(c, id, "angkat", "vacancy");
	H(c->p, "<button type=\"submit\">Catat pengangkatan</button></form>");
}

/* The term's dates (core/tenure.c), each under its rule. */
static void
term_list(const struct cctx *c, const struct appoint_vac *x)
{
	if (x->nmarks == 0)
		return;
	H(c->p, "<h3>Masa jabatan</h3><ul class=\"rules\">");
	for (size_t i = 0; i < x->nmarks; i++) {
		H(c->p, "<li>");
		h_date(c->p, x->marks[i].on);
		H(c->p, ": ");
		h_textc(c->p, x->marks[i].what);
		H(c->p, " <span class=\"small\">(");
		h_textc(c->p, rule_name(x->marks[i].rule));
		H(c->p, ", ");
		h_text(c->p, x->marks[i].citation);
		H(c->p, ")</span></li>");
	}
	H(c->p, "</ul>");
	/* ---- tenure ---- the term's own page (h_tenure.c) */
	if (!app_may(&c->r->who, ACT_TENURE_VIEW, c->cv->rk.sel.s.region_id,
	    c->cv->rk.sel.s.id))
		return;
	H(c->p, "<p><a");
	HA(c->p, "href", arena_printf(c->r->ar, "/kelola/masa-jabatan/%"
	    PRId64, x->x->rv->vacancy_id));
	H(c->p, ">Halaman masa jabatan</a></p>");
	/* ---- end tenure ---- */
}

static void
appoint_page(struct cctx *c, struct appoint_view *av, bool ok)
{
	const struct sel_view *v = &av->cv.rk.sel;

	page_begin(c->r, c->rs, "Pengangkatan dan pelantikan");
	if (c->msg != NULL)
		h_msg(c->p, ok, c->msg);
	H(c->p, "<p><a");
	HA(c->p, "href", arena_printf(c->r->ar, "/kelola/%" PRId64, v->s.id));
	H(c->p, ">");
	h_text(c->p, v->s.f[SF_TITLE]);
	H(c->p, "</a></p><p>Batas usia dibaca pada tanggal keputusan "
	    "pengangkatan (APPT-AGE); pelantikan sesudah rekomendasi "
	    "instansi pengawas.</p>");
	for (size_t i = 0; i < av->nvac; i++) {
		const struct appoint_vac *x = &av->vac[i];

		H(c->p, "<section");
		HA(c->p, "id", arena_printf(c->r->ar, "jabatan-%" PRId64,
		    x->x->rv->vacancy_id));
		H(c->p, "><h2>");
		h_text(c->p, x->x->rv->title);
		H(c->p, "</h2><p>Calon terpilih: <strong>");
		h_text(c->p, x->x->choice.reg_no);
		H(c->p, " · ");
		h_text(c->p, x->x->choice.name);
		H(c->p, "</strong></p>");
		if (x->appointed) {
			H(c->p, "<p class=\"done\">Diangkat dengan keputusan "
			    "nomor ");
			h_text(c->p, x->ap.decree_no);
			H(c->p, " tanggal ");
			h_date_str(c->p, x->ap.decree_on);
			H(c->p, ", TMT ");
			h_date_str(c->p, x->ap.tmt);
			H(c->p, "; dilantik ");
			h_date_str(c->p, x->ap.inaugurated_on);
			h_textc(c->p, str_eqc(x->ap.mode, "video") ?
			    " melalui konferensi video (" : " secara tatap "
			    "muka (");
			h_text(c->p, x->ap.place);
			H(c->p, ").");
			hc_letter_link(c, x->decree_file, "Keputusan "
			    "pengangkatan (SK)");
			H(c->p, "</p>");
			term_list(c, x);
		} else if (av->may_appoint)
			appoint_form(c, x);
		else
			H(c->p, "<p>Menunggu pengangkatan oleh PPK.</p>");
		H(c->p, "</section>");
	}
	page_end(c->r, c->rs);
}

static enum sel_err
appoint_load(struct cctx *c, struct app_msg *m)
{
	return app_appoint_view(c->r->app, c->r->ar, &c->r->who, c->r->ids[0],
	    c->view, m);
}

static void
appoint_show(struct cctx *c, bool ok)
{
	appoint_page(c, c->view, ok);
}

static const struct hc_page appoint_pg = { appoint_load, appoint_show,
	"pengangkatan", "Pengangkatan dicatat dalam jejak audit." };

void
h_appoint(struct req *r, struct resp *rs)
{
	struct appoint_view av;
	struct cctx c = { r, rs, &rs->pg, &av.cv, 0, NULL, NULL, NULL, &av };

	hc_get(&c, &appoint_pg);
}

void
h_appoint_post(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	const char *field = NULL;
	struct appoint_view av;
	struct cctx c = { r, rs, &rs->pg, &av.cv, 0, NULL, NULL, NULL, &av };
	enum sel_err rc;

	if (!hc_logged_in(r, rs))
		return;
	rc = app_appoint(r->app, r->ar, &r->who, r->ids[0], &r->form, &m,
	    &field);
	hc_post_done(&c, &appoint_pg, rc, &m, field, "angkat");
}
