/*
 * h_minutes.c - the minutes (berita acara) of the committee's decision
 * closing a stage, as a PDF letter (issue 13 item 1):
 *
 *   GET /kelola/N/tahap/SLUG/berita-acara.pdf
 *
 * for those who may export the stage's scores (the committee and the
 * oversight body, app/export.h), once the stage is closed: the decision,
 * every rater's score of every candidate, the stage score and outcome,
 * the ties decided and the committee; signed by the chair.  The body is
 * made by the page builder (every value escaped) and read by src/pdf as
 * text.
 */
#include <stdio.h>
#include <string.h>

#include <microhttpd.h>

#include "app/docpdf.h"
#include "app/export.h"
#include "base/arena.h"
#include "web/label.h"
#include "web/web.h"
#include "base/banned.h"

#define MAX_RATER_COLS	10	/* more: the export has them */

/* Hundredths the Indonesian way: 8629 -> "86,29". */
static void
score(struct page *p, int64_t v)
{
	if (v == XP_RECUSED)
		H(p, "mundur");
	else if (v < 0)
		H(p, "-");
	else
		h_textf(p, "%lld,%02lld", (long long)(v / 100),
		    (long long)(v % 100));
}

static const char *
outcome(struct str o)
{
	if (str_eqc(o, "passed"))
		return "lulus";
	if (str_eqc(o, "failed"))
		return "tidak lulus";
	if (str_eqc(o, "absent"))
		return "tidak hadir";
	if (str_eqc(o, "tied"))
		return "nilai sama";
	return "";
}

static void
scores(struct page *p, const struct xp_stage *x)
{
	bool raters = x->nr <= MAX_RATER_COLS;
	int64_t vac = -1;

	for (size_t i = 0; i < x->nc; i++) {
		const struct xp_cand *c = &x->c[i];

		if (c->a.vacancy_id != vac) {
			if (vac != -1)
				H(p, "</tbody></table>");
			vac = c->a.vacancy_id;
			H(p, "<table><caption>");
			h_text(p, c->a.vacancy_title);
			H(p, "</caption><thead><tr><th>Nomor pendaftaran</th>"
			    "<th>Nama</th>");
			for (size_t k = 0; raters && k < x->nr; k++) {
				H(p, "<th>");
				h_text(p, x->r[k].name);
				H(p, "</th>");
			}
			H(p, "<th>Nilai tahap</th><th>Keterangan</th></tr>"
			    "</thead><tbody>");
		}
		H(p, "<tr><td>");
		h_text(p, c->a.reg_no);
		H(p, "</td><td>");
		h_text(p, c->a.name);
		H(p, "</td>");
		for (size_t k = 0; raters && k < x->nr; k++) {
			H(p, "<td>");
			score(p, c->score[k]);
			H(p, "</td>");
		}
		H(p, "<td>");
		score(p, c->mean);
		H(p, "</td><td>");
		h_textc(p, outcome(c->outcome));
		H(p, "</td></tr>");
	}
	if (vac != -1)
		H(p, "</tbody></table>");
	if (!raters)
		h_textf(p, "<p>Nilai %zu penilai tercantum dalam ekspor nilai "
		    "tahap ini.</p>", x->nr);
}

static struct str
minutes_html(struct arena *ar, const struct app_doc *d)
{
	const struct xp_stage *x = d->minutes;
	struct page pg, *p = &pg;
	struct str s;

	page_init(p, 1u << 20);
	H(p, "<p>Pada ");
	h_when(p, x->closed_at, d->zone);
	H(p, " panitia seleksi menutup tahap <strong>");
	h_textc(p, app_stage_label(x->stage));
	H(p, "</strong> pada ");
	h_text(p, x->sel.s.f[SF_TITLE]);
	H(p, " dan menetapkan hasilnya sebagaimana tercantum di bawah ini. "
	    "Nilai setiap penilai disegel sampai penutupan ini. Penutupan "
	    "dicatat oleh ");
	h_text(p, x->closed_by);
	if (x->closed_by.len == 0 || x->closed_by.p[x->closed_by.len - 1] !=
	    '.')
		H(p, ".");
	H(p, "</p><h2>Keputusan panitia seleksi</h2><p class=\"pre\">");
	h_text(p, x->decision);
	H(p, "</p><h2>Nilai peserta</h2>");
	scores(p, x);
	if (x->nties > 0) {
		H(p, "<h2>Keputusan atas nilai yang sama</h2><ul>");
		for (size_t i = 0; i < x->nties; i++) {
			H(p, "<li>");
			h_text(p, x->ties[i].vacancy);
			H(p, ": urutan ");
			h_text(p, x->ties[i].order);
			H(p, ". Alasan: ");
			h_text(p, x->ties[i].reason);
			H(p, " (");
			h_text(p, x->ties[i].decided_by);
			H(p, ")</li>");
		}
		H(p, "</ul>");
	}
	H(p, "<h2>Susunan panitia seleksi</h2><ul>");
	for (size_t i = 0; i < x->sel.nmembers; i++) {
		const struct s_member *mb = &x->sel.members[i];

		if (mb->left_at.len > 0)
			continue;
		H(p, "<li>");
		h_text(p, mb->name);
		h_textc(p, mb->chair ? ", ketua" : ", anggota");
		if (mb->assessor)
			H(p, " (asesor)");
		H(p, "</li>");
	}
	H(p, "</ul><p>Demikian berita acara ini dibuat dengan sebenarnya.</p>");
	s = (struct str){ arena_strndup(ar, p->b.p, p->b.len), p->b.len };
	page_release(p);
	return s;
}

/* The chair who signs the minutes: the committee's chair now. */
static struct str
chair(const struct sel_view *v)
{
	for (size_t i = 0; i < v->nmembers; i++)
		if (v->members[i].chair && v->members[i].left_at.len == 0)
			return v->members[i].name;
	return STR("");
}

void
web_minutes_letter(struct arena *ar, const struct app_doc *d,
    struct str *kind, struct str *subject, struct str *html,
    struct str *signer, struct str *at)
{
	const struct xp_stage *x = d->minutes;

	*kind = STR("Berita Acara");
	*subject = arena_printf(ar, "Penetapan hasil tahap %s: %.*s",
	    app_stage_label(x->stage), (int)x->sel.s.f[SF_TITLE].len,
	    x->sel.s.f[SF_TITLE].p);
	*html = minutes_html(ar, d);
	*signer = chair(&x->sel);
	*at = x->closed_at;
}

void
h_pdf_minutes(struct req *r, struct resp *rs)
{
	enum flow_state st;
	struct str pdf;
	enum sel_err rc;

	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return;
	}
	if (!web_stage_parse(r->word, &st)) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Tahapan tidak dikenal.");
		return;
	}
	rc = app_minutes_pdf(r->app, r->ar, &r->who, r->ids[0], st, &pdf);
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), rc == SEL_EPERM ?
		    "Berita acara tahap ini hanya untuk panitia seleksi dan "
		    "pengawas." : rc == SEL_ESTATE ? "Tahap ini belum ditutup: "
		    "berita acara dibuat pada penutupannya." :
		    rc == SEL_ENOENT ? "Tahap tidak ditemukan." :
		    "Dokumen PDF tidak dapat disusun.");
		return;
	}
	rs->ctype = "application/pdf";
	rs->cache = "private, no-store";
	rs->disposition = arena_printf(r->ar, "inline; filename=\"selter-%lld-"
	    "berita-acara-%.*s.pdf\"", (long long)r->ids[0], (int)r->word.len,
	    r->word.p).p;
	buf_reset(&rs->pg.b);
	buf_put(&rs->pg.b, pdf.p, pdf.len);
}
