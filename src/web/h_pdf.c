/*
 * h_pdf.c - the documents as PDF letters (issue 13 items 1 and 4), each
 * at a stable link beside the page that shows the same content:
 *
 *   GET /seleksi/N/pengumuman.pdf            the announcement (public)
 *   GET /seleksi/N/dokumen/P.pdf             publication P: an addendum,
 *                                            any published document
 *   GET /seleksi/N/hasil-administrasi.pdf    the administrative result
 *   GET /seleksi/N/hasil/SLUG.pdf            a stage's result
 *   GET /kelola/N/peringkat/rahasia.pdf      the ranking as sent: RAHASIA,
 *                                            watermarked with the reader
 *   GET /pelamar/lamaran/N/tanda-terima.pdf  the applicant's receipt
 *   GET /verifikasi, /verifikasi/CODE        the public verify page
 *
 * web_render_pdf is the application's PDF renderer (app_config.pdf): it
 * makes the letter (src/pdf) of a document from what app/docpdf.h gives.
 */
#include <stdio.h>
#include <string.h>

#include <microhttpd.h>

#include "app/docpdf.h"
#include "app/result.h"
#include "base/arena.h"
#include "core/date.h"
#include "core/profile.h"
#include "pdf/pdf.h"
#include "web/label.h"
#include "web/web.h"
#include "base/banned.h"

#define PDF_MAX		(32u << 20)
#define PUBLIC_CACHE	"public, max-age=60"

/* "Pemerintah Kabupaten Demak" -> "Demak": the place a letter is dated. */
static struct str
place_of(struct str region)
{
	static const char *const pre[] = { "Pemerintah ", "Kabupaten ",
	    "Kota ", "Provinsi " };

	for (size_t i = 0; i < sizeof pre / sizeof *pre; i++)
		if (str_starts(region, pre[i])) {
			region.p += strlen(pre[i]);
			region.len -= strlen(pre[i]);
		}
	return region;
}

/* The day of an instant in the region, "15 Agustus 2026". */
static struct str
day_text(struct arena *ar, const struct profile *pf, struct str iso)
{
	struct buf b;
	struct str s;
	sel_date d;

	if (!app_local_day(pf, iso, &d))
		return iso;
	buf_init(&b, 64);
	date_id(&b, d);
	s = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_release(&b);
	return s;
}

/* "15 Agustus 2026 pukul 10.00 WIB" */
static struct str
when_text(struct arena *ar, const struct profile *pf, struct str iso,
    struct str zone)
{
	struct str day = day_text(ar, pf, iso);
	int64_t h, m;

	if (iso.len < 16 || parse_i64((struct str){ iso.p + 11, 2 }, 0, 23,
	    &h) || parse_i64((struct str){ iso.p + 14, 2 }, 0, 59, &m))
		return day;
	h = (h + app_tz_hours(pf)) % 24;
	return arena_printf(ar, "%.*s pukul %02lld.%02lld %.*s", (int)day.len,
	    day.p, (long long)h, (long long)m, (int)zone.len, zone.p);
}

/* The region's logo: profiles/logo/CODE.png beside the profile. */
static const char *
logo_of(struct arena *ar, const struct sel_view *v)
{
	const char *f = v->profile != NULL ? v->profile->file : NULL;
	const char *slash = f != NULL ? strrchr(f, '/') : NULL;

	if (slash == NULL)
		return NULL;
	return arena_printf(ar, "%.*s/logo/%.*s.png", (int)(slash - f), f,
	    (int)v->region.code.len, v->region.code.p).p;
}

static void
row(struct page *p, const char *label, struct str value)
{
	H(p, "<tr><th>");
	h_textc(p, label);
	H(p, "</th><td>");
	h_text(p, value);
	H(p, "</td></tr>");
}

/* The receipt's body, by the page builder (every value escaped). */
static struct str
receipt_html(struct arena *ar, const struct app_doc *d)
{
	const struct s_application *x = d->appl;
	struct page p;
	struct str s;

	page_init(&p, 64 * 1024);
	H(&p, "<p>Panitia seleksi telah menerima lamaran berikut melalui "
	    "selter. Data riwayat pelamar dibekukan pada saat pengiriman.</p>"
	    "<table><tbody>");
	row(&p, "Nomor pendaftaran", x->reg_no);
	row(&p, "Nama", x->name);
	row(&p, "Jabatan yang dilamar", x->vacancy_title);
	row(&p, "Seleksi", d->sel->s.f[SF_TITLE]);
	row(&p, "Dikirim", when_text(ar, d->sel->profile, x->submitted_at,
	    d->zone));
	H(&p, "</tbody></table><p>Hasil seleksi administrasi ditetapkan dan "
	    "diumumkan oleh panitia seleksi. Simpan tanda terima ini sebagai "
	    "bukti pendaftaran.</p>");
	s = (struct str){ arena_strndup(ar, p.b.p, p.b.len), p.b.len };
	page_release(&p);
	return s;
}

enum sel_err
web_render_pdf(struct arena *ar, const struct app_doc *d, struct str *pdf)
{
	const struct sel_view *v = d->sel;
	struct pdf_letter l;
	struct str title = v->s.f[SF_TITLE], at = STR("");
	struct buf b;
	enum sel_err rc;

	memset(&l, 0, sizeof l);
	l.region = str_starts(v->region.name, "Pemerintah ") ? v->region.name :
	    arena_printf(ar, "Pemerintah %.*s", (int)v->region.name.len,
	    v->region.name.p);
	l.province = v->profile != NULL ? v->profile->province : STR("");
	l.agency = STR("Panitia Seleksi Terbuka Jabatan Pimpinan Tinggi");
	l.address = v->region.secretariat;
	l.logo = logo_of(ar, v);
	l.place = place_of(v->region.name);
	l.signer_post = STR("Ketua Panitia Seleksi");
	l.verify_url = d->verify_url;
	l.code = arena_printf(ar, "%.*s", (int)d->code.len, d->code.p);
	for (size_t i = 0; i < l.code.len; i++)
		if (l.code.p[i] >= 'a' && l.code.p[i] <= 'z')
			((char *)l.code.p)[i] = (char)(l.code.p[i] - 'a' + 'A');
	l.kind = STR("Pengumuman");
	switch (d->kind) {
	case DOC_PUB:
		at = d->pub->published_at;
		l.html = d->pub->body;
		l.signer_name = d->pub->signed_by;
		l.title = d->pub->title;
		if (d->pub->kind == PUB_ANNOUNCEMENT) {
			l.number = v->s.f[SF_ANN_NUMBER];
			l.subject = title;
		} else
			l.subject = arena_printf(ar, "%.*s pada %.*s",
			    (int)d->pub->title.len, d->pub->title.p,
			    (int)title.len, title.p);
		break;
	case DOC_RANKING:
		at = d->ranking->sent_at;
		l.kind = STR("Penyampaian Hasil Akhir Seleksi");
		l.subject = arena_printf(ar, "Peringkat akhir dan tiga calon "
		    "terbaik: %.*s", (int)title.len, title.p);
		l.html = d->ranking->body;
		l.signer_name = d->ranking->sent_by;
		l.secret_to = d->secret_to;
		l.title = STR("Peringkat akhir (rahasia)");
		break;
	case DOC_RECEIPT:
		at = d->appl->submitted_at;
		l.kind = STR("Tanda Terima Pendaftaran");
		l.number = d->appl->reg_no;
		l.subject = title;
		l.html = receipt_html(ar, d);
		l.title = STR("Tanda terima pendaftaran");
		break;
	case DOC_MINUTES:
		web_minutes_letter(ar, d, &l.kind, &l.subject, &l.html,
		    &l.signer_name, &at);
		l.title = l.subject;
		break;
	case DOC_REPORT:	/* ---- letters ---- */
		at = d->r_at;
		l.kind = d->r_kind;
		l.number = d->r_number;
		l.subject = d->r_subject;
		l.html = d->r_html;
		l.signer_name = d->r_signer;
		l.signer_post = d->r_post;
		l.title = d->r_title;
		break;	/* ---- end letters ---- */
	}
	l.date = day_text(ar, v->profile, at);
	l.created = at;
	buf_init(&b, PDF_MAX);
	rc = pdf_render(&l, &b);
	if (rc == SEL_OK)
		*pdf = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_release(&b);
	return rc;
}

/* Answers pdf as a document named name (safe ASCII). */
static void
send_pdf(struct req *r, struct resp *rs, struct str pdf, const char *name,
    bool public)
{
	rs->ctype = "application/pdf";
	rs->cache = public ? PUBLIC_CACHE : "private, no-store";
	rs->disposition = arena_printf(r->ar, "inline; filename=\"%s\"",
	    name).p;
	buf_reset(&rs->pg.b);
	buf_put(&rs->pg.b, pdf.p, pdf.len);
}

/* The publication of selection ids[0] that pick chooses; false: none
 * (answered 404). */
static bool
pub_of(struct req *r, struct resp *rs, struct sel_view *v,
    struct s_publication *out, bool (*pick)(const struct req *,
    const struct s_publication *))
{
	struct s_publication *pubs = NULL;
	size_t n = 0;
	bool found = false;
	enum sel_err rc = app_sel_view(r->app, r->ar, r->ids[0], v);

	if (rc == SEL_OK && !v->published)
		rc = SEL_ENOENT;
	if (rc == SEL_OK)
		rc = app_publications(r->app, r->ar, v->s.id, &pubs, &n);
	/* The latest that matches (a result signed again replaces none:
	   each is its own publication, and the page shows each). */
	for (size_t i = 0; rc == SEL_OK && i < n; i++)
		if (pick(r, &pubs[i])) {
			*out = pubs[i];
			found = true;
		}
	if (rc == SEL_OK && found)
		return true;
	page_error(r, rs, rc == SEL_OK || rc == SEL_ENOENT ?
	    MHD_HTTP_NOT_FOUND : web_status(rc), "Dokumen tidak ditemukan.");
	return false;
}

static void
pub_pdf(struct req *r, struct resp *rs, bool (*pick)(const struct req *,
    const struct s_publication *), const char *name)
{
	struct s_publication pub;
	struct sel_view v;
	struct str pdf;

	if (!pub_of(r, rs, &v, &pub, pick))
		return;
	if (app_pub_pdf(r->app, r->ar, &v, &pub, &pdf) != SEL_OK) {
		page_error(r, rs, 500, "Dokumen PDF tidak dapat disusun.");
		return;
	}
	send_pdf(r, rs, pdf, arena_printf(r->ar, "selter-%lld-%s.pdf",
	    (long long)v.s.id, name).p, true);
}

static bool
is_announcement(const struct req *r, const struct s_publication *p)
{
	(void)r;
	return p->kind == PUB_ANNOUNCEMENT;
}

static bool
is_adm(const struct req *r, const struct s_publication *p)
{
	(void)r;
	return p->kind == PUB_ADM_RESULT;
}

static bool
is_id(const struct req *r, const struct s_publication *p)
{
	return p->id == r->ids[1];
}

static bool
is_stage(const struct req *r, const struct s_publication *p)
{
	enum flow_state st;

	return p->kind == PUB_STAGE_RESULT && web_stage_parse(r->word, &st) &&
	    str_eqc(p->stage, flow_stage_id(st));
}

void
h_pdf_announcement(struct req *r, struct resp *rs)
{
	pub_pdf(r, rs, is_announcement, "pengumuman");
}

void
h_pdf_publication(struct req *r, struct resp *rs)
{
	pub_pdf(r, rs, is_id, arena_printf(r->ar, "dokumen-%lld",
	    (long long)r->ids[1]).p);
}

void
h_pdf_adm(struct req *r, struct resp *rs)
{
	pub_pdf(r, rs, is_adm, "hasil-administrasi");
}

void
h_pdf_stage(struct req *r, struct resp *rs)
{
	pub_pdf(r, rs, is_stage, arena_printf(r->ar, "hasil-%.*s",
	    (int)r->word.len, r->word.p).p);
}

void
h_pdf_ranking(struct req *r, struct resp *rs)
{
	struct str pdf;
	enum sel_err rc;

	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return;
	}
	rc = app_ranking_pdf(r->app, r->ar, &r->who, r->ids[0], &pdf);
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), rc == SEL_EPERM ?
		    "Peringkat bersifat rahasia: hanya PPK, PyB, panitia "
		    "seleksi dan pengawas yang dapat membacanya." :
		    rc == SEL_ENOENT ? "Peringkat belum disampaikan." :
		    "Dokumen PDF tidak dapat disusun.");
		return;
	}
	send_pdf(r, rs, pdf, arena_printf(r->ar, "selter-%lld-peringkat-"
	    "rahasia.pdf", (long long)r->ids[0]).p, false);
}

void
h_pdf_receipt(struct req *r, struct resp *rs)
{
	struct str pdf;
	enum sel_err rc;

	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return;
	}
	rc = app_receipt_pdf(r->app, r->ar, &r->who, r->ids[0], &pdf);
	if (rc != SEL_OK) {
		page_error(r, rs, rc == SEL_ENOENT ? MHD_HTTP_NOT_FOUND :
		    web_status(rc), rc == SEL_ENOENT ? "Lamaran tidak "
		    "ditemukan." : "Dokumen PDF tidak dapat disusun.");
		return;
	}
	send_pdf(r, rs, pdf, arena_printf(r->ar, "selter-tanda-terima-%lld"
	    ".pdf", (long long)r->ids[0]).p, false);
}

/* "Unduh PDF" beside a document on a page. */
void
h_pdf_link(struct req *r, struct page *p, const char *href)
{
	(void)r;
	H(p, "<p class=\"pdf\"><a");
	HA(p, "href", str_c(href));
	H(p, ">Unduh PDF</a> (surat resmi dengan kode verifikasi)</p>");
}
