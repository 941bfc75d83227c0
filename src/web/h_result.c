/*
 * h_result.c - the pages of the results (issue 12 item 3):
 *
 *   GET  /seleksi/N/hasil/SLUG                  a stage's result, public
 *   GET  /seleksi/N/hasil/SLUG/lembar.json      its recomputation sheet
 *   GET  /seleksi/N/hasil/SLUG/lembar/V.json    ... of vacancy V
 *   GET  /kelola/N/hasil                        the chair signs a result
 *   POST /kelola/N/hasil/SLUG
 *   GET  /kelola/N/peringkat                    the confidential ranking
 *   POST /kelola/N/peringkat/seri|kirim         a tie decided; sending
 *   GET  /kelola/N/peringkat/lembar/V.json      its sheet (confidential)
 *
 * lembar.json is one vacancy's `selter rank` input when the selection has
 * one vacancy; with several it lists each vacancy's sheet (lembar/V.json).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "app/result.h"
#include "base/arena.h"
#include "base/buf.h"
#include "core/profile.h"
#include "web/label.h"
#include "web/web.h"
#include "base/banned.h"

#define PUBLIC_CACHE	"public, max-age=60"
#define JSON_TYPE	"application/json; charset=utf-8"

/* The published result of the path's stage; false when answered. */
static bool
published(struct req *r, struct resp *rs, struct sel_view *v,
    struct s_publication *pub, enum flow_state *st)
{
	enum sel_err rc;

	if (!web_stage_parse(r->word, st)) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Tahapan tidak dikenal.");
		return false;
	}
	rc = app_stage_result_pub(r->app, r->ar, r->ids[0],
	    str_c(flow_stage_id(*st)), v, pub);
	if (rc == SEL_OK && !v->published)
		rc = SEL_ENOENT;
	if (rc != SEL_OK) {
		page_error(r, rs, rc == SEL_ENOENT ? MHD_HTTP_NOT_FOUND :
		    web_status(rc), rc == SEL_ENOENT ? "Hasil tahap ini belum "
		    "diumumkan." : "Hasil tidak dapat dibaca.");
		return false;
	}
	return true;
}

void
h_stage_result(struct req *r, struct resp *rs)
{
	struct s_publication pub;
	struct page *p = &rs->pg;
	struct sel_view v;
	enum flow_state st;

	if (!published(r, rs, &v, &pub, &st))
		return;
	rs->cache = PUBLIC_CACHE;
	page_begin(r, rs, arena_printf(r->ar, "Hasil tahap %s: %.*s",
	    flow_state_label(st), (int)v.s.f[SF_TITLE].len,
	    v.s.f[SF_TITLE].p).p);
	H(p, "<p><a");
	HA(p, "href", arena_printf(r->ar, "/seleksi/%lld", (long long)v.s.id));
	H(p, ">Kembali ke pengumuman seleksi</a></p><article class=\"pub\"");
	HA(p, "id", arena_printf(r->ar, "pub-%lld", (long long)pub.id));
	H(p, ">");
	h_stored(p, pub.body);
	H(p, "<p class=\"small hash\">Sidik dokumen (SHA-256): <code>");
	h_text(p, pub.sha256);
	H(p, "</code></p>");
	h_pub_trail(r, p, &pub);
	/* pdf: the same document as a letter */
	h_pdf_link(r, p, arena_printf(r->ar, "/seleksi/%lld/hasil/%.*s.pdf",
	    (long long)v.s.id, (int)r->word.len, r->word.p).p);
	H(p, "</article>");
	if (pub.sheet.len > 0) {
		H(p, "<p>Lembar hitung ulang seluruh jabatan: <a");
		HA(p, "href", arena_printf(r->ar, "/seleksi/%lld/hasil/%.*s/"
		    "lembar.json", (long long)v.s.id, (int)r->word.len,
		    r->word.p));
		H(p, ">lembar.json</a>. Siapa pun dapat menghitung ulang "
		    "peringkat ini dengan <code>selter rank --profile ");
		h_text(p, v.profile->id);
		H(p, " --scores lembar.json</code> atau dengan tangan.</p>");
	}
	h_audit_head(r, p);
	page_end(r, rs);
}

static void
json_body(struct resp *rs, struct str s)
{
	rs->ctype = JSON_TYPE;
	rs->cache = PUBLIC_CACHE;
	buf_putstr(&rs->pg.b, s);
	buf_putc(&rs->pg.b, '\n');
}

void
h_stage_sheet(struct req *r, struct resp *rs)
{
	struct s_publication pub;
	struct sel_view v;
	enum flow_state st;
	struct str line;
	struct buf *b = &rs->pg.b;
	size_t n = 0;

	if (!published(r, rs, &v, &pub, &st))
		return;
	if (pub.sheet.len == 0) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Panitia tidak "
		    "mengumumkan nilai tahap ini (SCORE-PUBLISH): lembar hitung "
		    "ulang tidak diumumkan.");
		return;
	}
	line = app_sheet_line(pub.sheet, 0, &n);
	if (n == 1) {
		json_body(rs, line);
		return;
	}
	rs->ctype = JSON_TYPE;
	rs->cache = PUBLIC_CACHE;
	buf_printf(b, "{\"note\":\"Seleksi ini mempunyai %zu jabatan; "
	    "peringkat disusun per jabatan. Lembar hitung ulang setiap "
	    "jabatan:\",\"sheets\":[", n);
	for (size_t i = 0, listed = 0; i < v.nvac; i++) {
		size_t k;

		if (app_sheet_line(pub.sheet, v.vac[i].id, &k).len == 0)
			continue;
		buf_printf(b, "%s\"/seleksi/%lld/hasil/%.*s/lembar/%lld.json\"",
		    listed++ > 0 ? "," : "", (long long)v.s.id,
		    (int)r->word.len, r->word.p, (long long)v.vac[i].id);
	}
	buf_puts(b, "]}\n");
}

void
h_stage_sheet_vac(struct req *r, struct resp *rs)
{
	struct s_publication pub;
	struct sel_view v;
	enum flow_state st;
	struct str line;
	size_t n;

	if (!published(r, rs, &v, &pub, &st))
		return;
	line = app_sheet_line(pub.sheet, r->ids[1], &n);
	if (line.len == 0) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, pub.sheet.len == 0 ?
		    "Panitia tidak mengumumkan nilai tahap ini (SCORE-PUBLISH)."
		    : "Jabatan tidak ditemukan.");
		return;
	}
	json_body(rs, line);
}

void
h_result_links(struct req *r, struct page *p, const struct sel_view *v,
    const struct s_publication *pubs, size_t n)
{
	size_t shown = 0;

	for (size_t i = 0; i < n; i++) {
		enum flow_state st;

		if (pubs[i].kind != PUB_STAGE_RESULT ||
		    !flow_stage_parse(pubs[i].stage, &st))
			continue;
		if (shown++ == 0)
			H(p, "<h2>Hasil tahapan</h2><ul class=\"results\">");
		H(p, "<li><a");
		HA(p, "href", arena_printf(r->ar, "/seleksi/%lld/hasil/%s",
		    (long long)v->s.id, web_stage_slug(st)));
		H(p, ">");
		h_text(p, pubs[i].title);
		H(p, "</a>, ditandatangani ketua panitia.</li>");
	}
	if (shown > 0)
		H(p, "</ul>");
}

/* ---- the chair signs a stage's result ---- */

static void
results_page(struct req *r, struct resp *rs, const struct sel_view *v,
    bool ok, const char *msg)
{
	struct result_view *rv = arena_alloc(r->ar, sizeof *rv);
	struct s_publication *pubs = NULL;
	struct page *p = &rs->pg;
	const char *slug = web_stage_slug(v->state);
	size_t n = 0;
	enum sel_err rc = SEL_ENOENT;

	page_begin(r, rs, arena_printf(r->ar, "Hasil tahapan: %.*s",
	    (int)v->s.f[SF_TITLE].len, v->s.f[SF_TITLE].p).p);
	if (msg != NULL && *msg != '\0')
		h_msg(p, ok, msg);
	H(p, "<p><a");
	HA(p, "href", arena_printf(r->ar, "/kelola/%lld", (long long)v->s.id));
	H(p, ">Kembali ke halaman seleksi</a> · <a");
	HA(p, "href", arena_printf(r->ar, "/kelola/%lld/alur",
	    (long long)v->s.id));
	H(p, ">Alur seleksi</a></p><p class=\"state\">Tahap sekarang: "
	    "<strong>");
	h_textc(p, flow_state_label(v->state));
	H(p, "</strong></p>");
	if (app_publications(r->app, r->ar, v->s.id, &pubs, &n) == SEL_OK)
		h_result_links(r, p, v, pubs, n);
	if (slug != NULL)
		rc = app_stage_result_view(r->app, r->ar, &r->who, v->s.id,
		    str_c(flow_stage_id(v->state)), rv);
	if (slug == NULL) {
		H(p, "<p>Tidak ada tahapan yang menunggu hasilnya "
		    "diumumkan.</p>");
	} else if (rc == SEL_ESTATE) {
		H(p, "<p class=\"wait\">Tahap ");
		h_textc(p, flow_state_label(v->state));
		H(p, " belum ditutup: hasilnya diumumkan sesudah setiap penilai "
		    "menyerahkan nilai dan panitia menutup tahap itu.</p>");
	} else if (rc == SEL_OK) {
		bool required = rv->scores_required;
		bool show = !r->post || form_has(&r->form, "scores", STR("1"));

		H(p, "<h2>Rancangan hasil tahap ini</h2><div class=\"draft\">");
		rv->pub.signed_by = STR("(belum ditandatangani)");
		web_doc_stage(r->ar, p, rv);
		H(p, "</div><form method=\"post\"");
		HA(p, "action", arena_printf(r->ar, "/kelola/%lld/hasil/%s",
		    (long long)v->s.id, slug));
		H(p, ">");
		form_csrf(r, rs);
		H(p, "<fieldset><legend>Tanda tangani dan umumkan</legend>");
		if (required)
			H(p, "<input type=\"hidden\" name=\"scores\" value=\"1\">"
			    "<p>Nilai peserta berdasarkan peringkat wajib "
			    "diumumkan (SCORE-PUBLISH).</p>");
		else {
			H(p, "<label class=\"check\"><input type=\"checkbox\" "
			    "name=\"scores\" value=\"1\"");
			if (show)
				H(p, " checked");
			H(p, "> Umumkan nilai peserta berdasarkan peringkat "
			    "(pilihan panitia, SCORE-PUBLISH)</label>");
		}
		H(p, "<label class=\"check\"><input type=\"checkbox\" "
		    "name=\"confirm\" value=\"1\" required> Saya menandatangani "
		    "hasil tahap ini sebagai ketua panitia; yang diumumkan tidak "
		    "diubah lagi.</label><button type=\"submit\">Tanda tangani "
		    "dan umumkan</button></fieldset></form>");
	} else {
		H(p, "<p>Hasil tahap ini tidak dapat disusun.</p>");
	}
	page_end(r, rs);
}

static bool
staff(struct req *r, struct resp *rs, struct sel_view *v)
{
	return web_sel_load(r, rs, v);
}

void
h_results(struct req *r, struct resp *rs)
{
	struct sel_view v;

	if (staff(r, rs, &v))
		results_page(r, rs, &v, true, req_query(r, "ok").len > 0 ?
		    "Hasil tahap ditandatangani dan diumumkan." : NULL);
}

void
h_results_post(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	enum flow_state st;
	struct sel_view v;
	enum sel_err rc;

	if (r->who.account_id == 0) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Silakan masuk.");
		return;
	}
	if (!web_stage_parse(r->word, &st)) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Tahapan tidak dikenal.");
		return;
	}
	rc = app_stage_publish(r->app, r->ar, &r->who, r->ids[0],
	    str_c(flow_stage_id(st)), form_has(&r->form, "confirm", STR("1")),
	    form_has(&r->form, "scores", STR("1")), &m);
	if (rc == SEL_OK) {
		resp_redirect(rs, arena_printf(r->ar, "/kelola/%lld/hasil?ok=1",
		    (long long)r->ids[0]).p);
		return;
	}
	if (rc == SEL_EPERM || rc == SEL_ENOENT) {
		page_error(r, rs, web_status(rc), m.text);
		return;
	}
	if (!staff(r, rs, &v))
		return;
	rs->status = web_status(rc);
	results_page(r, rs, &v, false, m.text);
}

/* ---- the confidential ranking ---- */

static bool
ranking_load(struct req *r, struct resp *rs, struct ranking_view *rv)
{
	enum sel_err rc;

	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return false;
	}
	rc = app_ranking_view(r->app, r->ar, &r->who, r->ids[0], rv);
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), rc == SEL_EPERM ? "Peringkat "
		    "nilai bersifat rahasia: hanya PyB, PPK, panitia seleksi "
		    "dan instansi pengawas yang dapat membacanya." :
		    rc == SEL_ENOENT ? "Seleksi tidak ditemukan." :
		    "Peringkat tidak dapat dibaca.");
		return false;
	}
	return true;
}

static void
tie_form(struct req *r, struct resp *rs, const struct ranking_view *rv,
    const struct ranking_vac *x)
{
	struct page *p = &rs->pg;
	int pos = 0;

	H(p, "<form method=\"post\"");
	HA(p, "action", arena_printf(r->ar, "/kelola/%lld/peringkat/seri",
	    (long long)rv->sel.s.id));
	H(p, ">");
	form_csrf(r, rs);
	H(p, "<fieldset><legend>Keputusan panitia atas nilai yang sama: ");
	h_text(p, x->title);
	H(p, "</legend><input type=\"hidden\" name=\"vacancy\"");
	HA(p, "value", arena_printf(r->ar, "%lld", (long long)x->vacancy_id));
	H(p, "><p>Tetapkan urutan peserta yang bernilai sama pada batas "
	    "(1 = lebih dahulu).</p>");
	for (size_t i = 0; i < x->n; i++) {
		const struct ranking_row *w = &x->rows[i];
		struct str name = arena_printf(r->ar, "pos_%lld",
		    (long long)w->application_id);

		if (!w->tied_at_cut)
			continue;
		pos++;
		H(p, "<label");
		HA(p, "for", name);
		H(p, ">");
		h_text(p, w->r->id);
		H(p, " ");
		h_text(p, w->name);
		H(p, "</label><input type=\"number\" min=\"1\" required");
		HA(p, "id", name);
		HA(p, "name", name);
		HA(p, "value", r->post ? form_get(&r->form, name.p) :
		    arena_printf(r->ar, "%d", pos));
		H(p, ">");
	}
	H(p, "<label for=\"reason\">Alasan keputusan (SCORE-TIES)</label>"
	    "<textarea id=\"reason\" name=\"reason\" required minlength=\"10\" "
	    "maxlength=\"2000\">");
	if (r->post)
		h_text(p, form_get(&r->form, "reason"));
	H(p, "</textarea><button type=\"submit\">Catat keputusan</button>"
	    "</fieldset></form>");
}

static void
ranking_page(struct req *r, struct resp *rs, struct ranking_view *rv,
    bool ok, const char *msg)
{
	struct page *p = &rs->pg;

	page_begin(r, rs, arena_printf(r->ar, "Peringkat nilai (rahasia): "
	    "%.*s", (int)rv->sel.s.f[SF_TITLE].len,
	    rv->sel.s.f[SF_TITLE].p).p);
	if (msg != NULL && *msg != '\0')
		h_msg(p, ok, msg);
	H(p, "<p><a");
	HA(p, "href", arena_printf(r->ar, "/kelola/%lld",
	    (long long)rv->sel.s.id));
	H(p, ">Kembali ke halaman seleksi</a></p>");
	/* export (issue 12 item 5): the same ranking as XLSX and CSV */
	if ((rv->sent || rv->ready) && app_may(&r->who, ACT_EXPORT_RANKING,
	    rv->sel.s.region_id, rv->sel.s.id))
		h_export_links(p, rv->sel.s.id, "peringkat");
	if (rv->sent) {
		H(p, "<p class=\"state\">Disampaikan kepada <strong>");
		h_textc(p, rv->s.to_role.len > 0 && str_eqc(rv->s.to_role,
		    "ppk") ? web_role_label(ROLE_PPK) :
		    web_role_label(ROLE_PYB));
		H(p, "</strong>, ");
		h_when(p, rv->s.sent_at, sel_zone(&rv->sel));
		H(p, ". Dokumen sebagaimana disampaikan:</p><article "
		    "class=\"pub\">");
		h_stored(p, rv->s.body);
		H(p, "<p class=\"small hash\">Sidik dokumen (SHA-256): <code>");
		h_text(p, rv->s.sha256);
		H(p, "</code></p>");
		/* pdf: RAHASIA, with the reader's name across it */
		h_pdf_link(r, p, arena_printf(r->ar, "/kelola/%lld/peringkat/"
		    "rahasia.pdf", (long long)rv->sel.s.id).p);
		H(p, "</article>");
		page_end(r, rs);
		return;
	}
	if (!rv->ready) {
		H(p, "<p>Peringkat akhir disusun sesudah hasil setiap tahapan "
		    "diumumkan. Tahap sekarang: ");
		h_textc(p, flow_state_label(rv->sel.state));
		H(p, ".</p>");
		page_end(r, rs);
		return;
	}
	web_doc_ranking(r->ar, p, rv);
	H(p, "<p class=\"small\">Lembar hitung ulang (rahasia): ");
	for (size_t k = 0; k < rv->nvac; k++) {
		if (k > 0)
			H(p, ", ");
		H(p, "<a");
		HA(p, "href", arena_printf(r->ar, "/kelola/%lld/peringkat/"
		    "lembar/%lld.json", (long long)rv->sel.s.id,
		    (long long)rv->vac[k].vacancy_id));
		H(p, ">");
		h_text(p, rv->vac[k].title);
		H(p, "</a>");
	}
	H(p, ".</p>");
	if (!rv->may_decide)
		goto end;
	for (size_t k = 0; k < rv->nvac; k++)
		if (rv->vac[k].sl.status == SL_TIE_OPEN)
			tie_form(r, rs, rv, &rv->vac[k]);
	if (!rv->may_send) {
		H(p, "<p class=\"wait\"><strong>Belum dapat disampaikan:"
		    "</strong> ");
		h_text(p, rv->why);
		H(p, "</p>");
		goto end;
	}
	H(p, "<form method=\"post\"");
	HA(p, "action", arena_printf(r->ar, "/kelola/%lld/peringkat/kirim",
	    (long long)rv->sel.s.id));
	H(p, ">");
	form_csrf(r, rs);
	H(p, "<fieldset><legend>Sampaikan kepada ");
	h_textc(p, web_role_label(rv->route.to));
	H(p, "</legend><label class=\"check\"><input type=\"checkbox\" "
	    "name=\"confirm\" value=\"1\" required> Saya menyampaikan "
	    "peringkat nilai dan tiga calon terbaik ini sebagai ketua "
	    "panitia; dokumen yang disampaikan tidak diubah lagi.</label>"
	    "<button type=\"submit\">Sampaikan peringkat</button></fieldset>"
	    "</form>");
end:
	page_end(r, rs);
}

void
h_ranking(struct req *r, struct resp *rs)
{
	struct ranking_view *rv = arena_alloc(r->ar, sizeof *rv);

	if (ranking_load(r, rs, rv))
		ranking_page(r, rs, rv, true, req_query(r, "ok").len > 0 ?
		    "Tersimpan dan dicatat dalam jejak audit." : NULL);
}

struct pos {
	int64_t		 id;
	int64_t		 at;
};

static int
pos_cmp(const void *a, const void *b)
{
	const struct pos *x = a, *y = b;

	return x->at < y->at ? -1 : x->at > y->at;
}

static enum sel_err
tie_post(struct req *r, struct ranking_view *rv, struct app_msg *m)
{
	const struct ranking_vac *x = NULL;
	struct pos *ps;
	int64_t vac = 0, *order;
	size_t n = 0;

	(void)parse_i64(form_get(&r->form, "vacancy"), 1, INT64_MAX, &vac);
	for (size_t k = 0; k < rv->nvac; k++)
		if (rv->vac[k].vacancy_id == vac)
			x = &rv->vac[k];
	if (x == NULL) {
		snprintf(m->text, sizeof m->text, "Lowongan tidak ditemukan.");
		return SEL_ENOENT;
	}
	ps = arena_array(r->ar, x->n + 1, sizeof *ps);
	order = arena_array(r->ar, x->n + 1, sizeof *order);
	for (size_t i = 0; i < x->n; i++) {
		const struct ranking_row *w = &x->rows[i];

		if (!w->tied_at_cut)
			continue;
		ps[n].id = w->application_id;
		if (parse_i64(form_get(&r->form, arena_printf(r->ar, "pos_%lld",
		    (long long)w->application_id).p), 1, 99, &ps[n].at) !=
		    SEL_OK) {
			snprintf(m->text, sizeof m->text, "Urutan %.*s: isi "
			    "angka 1 sampai %zu.", (int)w->r->id.len,
			    w->r->id.p, x->out.ntied);
			return SEL_EINVAL;
		}
		for (size_t k = 0; k < n; k++)
			if (ps[k].at == ps[n].at) {
				snprintf(m->text, sizeof m->text, "Urutan: "
				    "setiap peserta mendapat nomor urut yang "
				    "berbeda.");
				return SEL_EINVAL;
			}
		n++;
	}
	qsort(ps, n, sizeof *ps, pos_cmp);
	for (size_t i = 0; i < n; i++)
		order[i] = ps[i].id;
	return app_tie_decide(r->app, r->ar, &r->who, r->ids[0], vac, order, n,
	    form_get(&r->form, "reason"), m);
}

void
h_ranking_post(struct req *r, struct resp *rs)
{
	struct ranking_view *rv = arena_alloc(r->ar, sizeof *rv);
	struct app_msg m = { "" };
	enum sel_err rc;

	if (r->who.account_id == 0) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Silakan masuk.");
		return;
	}
	if (!str_eqc(r->word, "seri") && !str_eqc(r->word, "kirim")) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Halaman tidak "
		    "ditemukan.");
		return;
	}
	if (!ranking_load(r, rs, rv))
		return;
	if (str_eqc(r->word, "seri"))
		rc = tie_post(r, rv, &m);
	else
		rc = app_ranking_send(r->app, r->ar, &r->who, r->ids[0],
		    form_has(&r->form, "confirm", STR("1")), &m);
	if (rc == SEL_OK) {
		resp_redirect(rs, arena_printf(r->ar, "/kelola/%lld/peringkat"
		    "?ok=1", (long long)r->ids[0]).p);
		return;
	}
	if (rc == SEL_EPERM || rc == SEL_ENOENT) {
		page_error(r, rs, web_status(rc), m.text);
		return;
	}
	if (!ranking_load(r, rs, rv))
		return;
	rs->status = web_status(rc);
	ranking_page(r, rs, rv, false, m.text);
}

void
h_ranking_sheet(struct req *r, struct resp *rs)
{
	struct ranking_view *rv = arena_alloc(r->ar, sizeof *rv);

	if (!ranking_load(r, rs, rv))
		return;
	for (size_t k = 0; k < rv->nvac; k++)
		if (rv->vac[k].vacancy_id == r->ids[1] &&
		    rv->vac[k].sheet.len > 0) {
			json_body(rs, rv->vac[k].sheet);
			rs->cache = "private, no-store";
			return;
		}
	page_error(r, rs, MHD_HTTP_NOT_FOUND, rv->ready ? "Jabatan tidak "
	    "ditemukan." : "Peringkat akhir belum disusun.");
}

void
h_ranking_inbox(struct req *r, struct page *p)
{
	struct ranking_inbox *in;
	size_t n = 0;

	if (app_ranking_inbox(r->app, r->ar, &r->who, &in, &n) != SEL_OK ||
	    n == 0)
		return;
	H(p, "<h2>Peringkat nilai yang disampaikan kepada Anda (rahasia)"
	    "</h2><ul>");
	for (size_t i = 0; i < n; i++) {
		struct sel_view v;

		H(p, "<li><a");
		HA(p, "href", arena_printf(r->ar, "/kelola/%lld/peringkat",
		    (long long)in[i].selection_id));
		H(p, ">");
		h_text(p, in[i].title);
		H(p, "</a>");
		/* the time in the region's zone, never the store's UTC */
		if (app_sel_view(r->app, r->ar, in[i].selection_id, &v) ==
		    SEL_OK) {
			H(p, ", disampaikan ");
			h_when(p, in[i].sent_at, sel_zone(&v));
		}
		/* the PPK's choice (issue 14 item 1) */
		H(p, " · <a");
		HA(p, "href", arena_printf(r->ar, "/kelola/%lld/pilihan",
		    (long long)in[i].selection_id));
		H(p, ">Pilihan PPK</a></li>");
	}
	H(p, "</ul>");
}
