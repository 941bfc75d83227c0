/*
 * h_public.c - the public portal: every published selection, each
 * announcement with all its content, the style sheet and a health check.
 * No login; the pages are the same for everyone, so the server renders
 * them once per change and serves them from memory.
 */
#include <string.h>

#include <microhttpd.h>

#include "app/prep.h"
#include "base/arena.h"
#include "core/profile.h"
#include "web/web.h"
#include "base/banned.h"

#define PUBLIC_CACHE	"public, max-age=60"

extern const char selter_css[];

void
h_css(struct req *r, struct resp *rs)
{
	(void)r;
	rs->ctype = "text/css; charset=utf-8";
	rs->cache = "public, max-age=86400";
	buf_puts(&rs->pg.b, selter_css);
}

void
h_health(struct req *r, struct resp *rs)
{
	(void)r;
	rs->ctype = "text/plain; charset=utf-8";
	H(&rs->pg, "ok\n");
}

static const char *
window_state(struct req *r, const struct sel_view *v)
{
	sel_date today = app_today(r->app, v->profile);

	if (!v->has_window)
		return "";
	if (today < v->open)
		return "Pendaftaran belum dibuka";
	if (today > v->close)
		return "Pendaftaran sudah ditutup";
	return "Pendaftaran dibuka";
}

void
h_home(struct req *r, struct resp *rs)
{
	struct page *p = &rs->pg;
	struct s_selection *list;
	size_t n;
	struct stx *tx;
	enum sel_err rc;

	rs->cache = PUBLIC_CACHE;
	if ((rc = store_begin(r->app->st, false, &tx)) != SEL_OK) {
		page_error(r, rs, 503, "Layanan sedang sibuk. Coba "
		    "lagi sebentar.");
		return;
	}
	rc = store_selections(tx, r->ar, 0, true, &list, &n);
	store_abort(r->app->st, tx);
	if (rc != SEL_OK) {
		page_error(r, rs, 500, "Daftar seleksi tidak dapat "
		    "dibaca.");
		return;
	}
	page_begin(r, rs, "Seleksi terbuka jabatan pimpinan tinggi");
	H(p, "<p>Pengumuman seleksi terbuka yang telah ditandatangani ketua "
	    "panitia seleksi. Setiap persyaratan dan jangka waktu disertai "
	    "dasar hukumnya.</p>");
	if (n == 0)
		H(p, "<p>Belum ada pengumuman seleksi.</p>");
	else
		H(p, "<ul class=\"cards\">");
	for (size_t i = 0; i < n; i++) {
		struct sel_view v;

		if (app_sel_view(r->app, r->ar, list[i].id, &v) != SEL_OK)
			continue;
		H(p, "<li><h2><a");
		HA(p, "href", arena_printf(r->ar, "/seleksi/%lld",
		    (long long)v.s.id));
		H(p, ">");
		h_text(p, v.s.f[SF_TITLE]);
		H(p, "</a></h2><p>");
		h_text(p, v.region.name);
		H(p, " · ");
		h_textc(p, window_state(r, &v));
		if (v.has_window) {
			H(p, ": ");
			h_date(p, v.open);
			H(p, " sampai ");
			h_date(p, v.close);
		}
		H(p, "</p></li>");
	}
	if (n > 0)
		H(p, "</ul>");
	page_end(r, rs);
}

static void
section(struct page *p, const char *title)
{
	H(p, "<h2>");
	h_textc(p, title);
	H(p, "</h2>");
}

static void
paragraphs(struct page *p, struct str s)
{
	H(p, "<p class=\"pre\">");
	h_text(p, s);
	H(p, "</p>");
}

static void
announcement_body(struct req *r, struct resp *rs, const struct sel_view *v)
{
	struct page *p = &rs->pg;
	const struct profile *pf = v->profile;

	H(p, "<p class=\"lead\">Nomor pengumuman: ");
	h_text(p, v->s.f[SF_ANN_NUMBER]);
	H(p, "<br>");
	h_text(p, v->region.name);
	H(p, "</p><p class=\"state\"><strong>");
	h_textc(p, window_state(r, v));
	H(p, "</strong>: ");
	h_date(p, v->open);
	H(p, " sampai ");
	h_date(p, v->close);
	H(p, " (batas akhir pendaftaran ");
	h_date(p, v->close);
	H(p, ").</p>");
	if (!v->win_err) {
		H(p, "<ul class=\"rules\">");
		h_rule(p, &v->win.rule);
		H(p, "</ul>");
	}

	section(p, "Jabatan yang lowong");
	H(p, SCROLL("Lowongan")
	    "<table><caption>Lowongan</caption><thead><tr><th scope=\"col\">"
	    "Jabatan</th><th scope=\"col\">Jenis</th><th scope=\"col\">Eselon"
	    "</th></tr></thead><tbody>");
	for (size_t i = 0; i < v->nvac; i++) {
		H(p, "<tr><td>");
		h_text(p, v->vac[i].title);
		H(p, "</td><td>");
		h_textc(p, prep_label(vocab_level, label_level,
		    v->vac[i].level));
		H(p, "</td><td>");
		h_text(p, v->vac[i].echelon);
		H(p, "</td></tr>");
	}
	H(p, "</tbody></table></div>");

	section(p, "Tugas jabatan dan standar kompetensi");
	paragraphs(p, v->s.f[SF_PLAN_DUTIES]);
	paragraphs(p, v->s.f[SF_PLAN_STANDARD]);

	section(p, "Persyaratan administrasi dan dokumen");
	H(p, "<ul>");
	for (size_t i = 0; i < pf->ndocuments; i++) {
		H(p, "<li>");
		h_text(p, pf->documents[i].label);
		H(p, " <cite>");
		h_text(p, pf->documents[i].citation);
		H(p, "</cite></li>");
	}
	H(p, "</ul><p>Persyaratan jabatan yang diperiksa (ELIG-*) dan "
	    "dasar hukumnya tercantum dalam ");
	h_text(p, pf->regulation);
	H(p, ".</p>");

	section(p, "Tahapan, jadwal dan sistem seleksi");
	H(p, SCROLL("Jadwal")
	    "<table><caption>Jadwal</caption><thead><tr><th scope=\"col\">"
	    "Tahapan</th><th scope=\"col\">Tanggal</th></tr></thead><tbody>");
	for (size_t i = 0; i < v->nstages; i++) {
		H(p, "<tr><td>");
		h_textc(p, prep_label(prep_stage_ids, prep_stage_labels,
		    v->stages[i].stage));
		H(p, "</td><td>");
		h_date_str(p, v->stages[i].starts_on);
		if (!str_eq(v->stages[i].starts_on, v->stages[i].ends_on)) {
			H(p, " sampai ");
			h_date_str(p, v->stages[i].ends_on);
		}
		H(p, "</td></tr>");
	}
	H(p, "</tbody></table></div>");
	paragraphs(p, v->s.f[SF_PLAN_METHODS]);
	paragraphs(p, v->s.f[SF_PLAN_SYSTEM]);

	section(p, "Ketentuan lain");
	H(p, "<ul><li>Pelamar menandatangani pakta integritas.</li>"
	    "<li>Lamaran ditujukan kepada panitia seleksi.</li>");
	if (profile_rule_any(pf, R_ANN_NO_FEE) != NULL)
		H(p, "<li>Seleksi tidak dipungut biaya apa pun.</li>");
	H(p, "<li>Keputusan panitia seleksi bersifat final.</li></ul>");
	if (v->s.f[SF_ANN_TEXT].len > 0)
		paragraphs(p, v->s.f[SF_ANN_TEXT]);

	section(p, "Sekretariat panitia seleksi");
	paragraphs(p, v->region.secretariat);

	section(p, "Yang terjadi berikutnya");
	H(p, "<p>Pelamar mendaftar melalui <a href=\"/pelamar\">halaman "
	    "pelamar</a> (akun dengan NIP: <a href=\"/daftar\">daftar</a>). "
	    "Sesudah pendaftaran ditutup, <a");
	HA(p, "href", arena_printf(r->ar, "/seleksi/%lld/pendaftar",
	    (long long)v->s.id));
	H(p, ">daftar semua pendaftar</a> per jabatan diumumkan, kemudian <a");
	HA(p, "href", arena_printf(r->ar, "/seleksi/%lld/hasil-administrasi",
	    (long long)v->s.id));
	H(p, ">hasil seleksi administrasi</a> yang ditandatangani ketua "
	    "panitia. <a");
	HA(p, "href", arena_printf(r->ar, "/seleksi/%lld/pengaduan",
	    (long long)v->s.id));
	H(p, ">Sampaikan pengaduan</a> kepada ");
	h_text(p, v->region.oversight);
	H(p, ".</p>");

	H(p, "<p class=\"sign\">Ditetapkan ");
	h_when_day(p, v->s.f[SF_PUBLISHED_AT], sel_zone(v));
	H(p, "<br>Ketua Panitia Seleksi,<br><strong>");
	h_text(p, v->s.f[SF_SIGNED_BY]);
	H(p, "</strong></p><p class=\"small\">Dasar hukum: ");
	h_text(p, pf->regulation);
	H(p, ". Rencana seleksi telah disampaikan kepada ");
	h_text(p, v->region.oversight);
	if (v->s.f[SF_REC_REF].len > 0) {
		H(p, "; rekomendasi nomor ");
		h_text(p, v->s.f[SF_REC_REF]);
	}
	H(p, ".</p>");
}

void
h_announcement(struct req *r, struct resp *rs)
{
	struct sel_view v;
	enum sel_err rc = app_sel_view(r->app, r->ar, r->ids[0], &v);

	if (rc == SEL_ENOENT || (rc == SEL_OK && !v.published)) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Pengumuman "
		    "tidak ditemukan.");
		return;
	}
	if (rc != SEL_OK) {
		page_error(r, rs, 500, "Pengumuman tidak dapat dibaca.");
		return;
	}
	rs->cache = PUBLIC_CACHE;
	page_begin(r, rs, arena_printf(r->ar, "%.*s", (int)v.s.f[SF_TITLE].len,
	    v.s.f[SF_TITLE].p).p);
	announcement_body(r, rs, &v);
	page_end(r, rs);
}
