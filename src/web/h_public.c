/*
 * h_public.c - the public portal: every published selection, each
 * announcement with all its content, the style sheet and a health check.
 * No login; the pages are the same for everyone, so the server renders
 * them once per change and serves them from memory.
 */
#include <stdio.h>
#include <string.h>

#include <microhttpd.h>

#include "app/log.h"	/* ---- log ---- */
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

/* The selection's state, as the public reads it. */
static const char *
public_state(const struct sel_view *v)
{
	switch (v->state) {
	case FL_ANNOUNCED:
		return "Pendaftaran belum dibuka";
	case FL_REGISTRATION:
		return "Pendaftaran dibuka";
	case FL_REG_ENDED:
		return "Pendaftaran sudah ditutup";
	default:
		return v->state > FL_REG_ENDED ? flow_state_label(v->state) :
		    "";
	}
}

void
h_home(struct req *r, struct resp *rs)
{
	struct page *p = &rs->pg;
	struct s_selection *list;
	size_t n;
	enum sel_err rc;

	rs->cache = PUBLIC_CACHE;
	rc = app_selections(r->app, r->ar, true, &list, &n);
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
		h_textc(p, public_state(&v));
		if (v.has_window && v.state <= FL_REG_ENDED) {
			H(p, ": ");
			h_date(p, v.open);
			H(p, " sampai ");
			h_date(p, v.close);
		}
		H(p, "</p></li>");
	}
	if (n > 0)
		H(p, "</ul>");
	h_audit_head(r, p);
	page_end(r, rs);
}

/*
 * What comes next, by the selection's state: a link only to a page that
 * exists now; what is published later is plain text with its date.
 */
static void
next_steps(struct req *r, struct page *p, const struct sel_view *v,
    bool adm_published)
{
	long long id = (long long)v->s.id;

	H(p, "<h2>Yang terjadi berikutnya</h2><ul>");
	if (v->state == FL_ANNOUNCED) {
		H(p, "<li>Pendaftaran dibuka mulai ");
		h_date(p, v->open);
		H(p, " sampai ");
		h_date(p, v->close);
		H(p, ". Pelamar dapat membuat akun dengan NIP lebih dahulu: "
		    "<a href=\"/daftar\">daftar</a>.</li>");
	} else if (v->state == FL_REGISTRATION) {
		H(p, "<li>Pelamar mendaftar melalui <a href=\"/pelamar\">"
		    "halaman pelamar</a> (akun dengan NIP: <a href=\"/daftar\">"
		    "daftar</a>) paling lambat ");
		h_date(p, v->close);
		H(p, ".</li>");
	}
	if (v->state < FL_REG_ENDED) {
		H(p, "<li>Daftar semua pendaftar per jabatan diumumkan "
		    "sesudah pendaftaran ditutup, mulai ");
		h_date(p, v->close + 1);
		H(p, ".</li>");
	} else {
		H(p, "<li><a");
		HA(p, "href", arena_printf(r->ar, "/seleksi/%lld/pendaftar",
		    id));
		H(p, ">Daftar semua pendaftar</a> per jabatan.</li>");
	}
	if (adm_published) {
		H(p, "<li><a");
		HA(p, "href", arena_printf(r->ar,
		    "/seleksi/%lld/hasil-administrasi", id));
		H(p, ">Hasil seleksi administrasi</a>, ditandatangani ketua "
		    "panitia.</li>");
	} else {
		H(p, "<li>Hasil seleksi administrasi diumumkan sesudah "
		    "panitia memeriksa setiap lamaran");
		for (size_t i = 0; i < v->nstages; i++)
			if (str_eqc(v->stages[i].stage, "administrative")) {
				H(p, " (menurut jadwal: ");
				h_date_str(p, v->stages[i].ends_on);
				H(p, ")");
			}
		H(p, ".</li>");
	}
	H(p, "<li><a");
	HA(p, "href", arena_printf(r->ar, "/seleksi/%lld/pengaduan", id));
	H(p, ">Sampaikan pengaduan</a> kepada ");
	h_text(p, v->region.oversight);
	H(p, ".</li></ul>");
}

void
h_audit_head(struct req *r, struct page *p)
{
	struct audit_head h;
	char hex[65];

	if (app_audit_head(r->app, &h) != SEL_OK || h.id == 0)
		return;
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", h.hash[i]);
	H(p, "<p class=\"small hash\">Kepala jejak audit saat halaman ini "
	    "disusun: <code>");
	h_textf(p, "%lld:%s", (long long)h.id, hex);
	H(p, "</code> (periksa dengan <code>selter audit verify --head</code>)."
	    "</p>");
}

void
h_pub_trail(struct req *r, struct page *p, const struct s_publication *x)
{
	H(p, "<p class=\"small hash\">Diterbitkan dengan peristiwa jejak audit "
	    "nomor ");
	h_int(p, x->head_id + 1);
	H(p, "; kepala jejak sebelumnya: <code>");
	h_textf(p, "%lld:", (long long)x->head_id);
	h_text(p, x->head_hash);
	H(p, "</code>.</p>");
	/* ---- log ---- the signed statement beside the document, its key
	   as the statement names it (not as the server is configured now:
	   the published page stays as it was) */
	struct str note, text, sigs;
	char kname[128];
	uint32_t kid;

	if (x->id > 0 && app_log_pub_note(r->app, r->ar, x->id, &note) ==
	    SEL_OK) {
		H(p, "<p class=\"small hash\">Ditandatangani secara "
		    "elektronik: <a");
		HA(p, "href", arena_printf(r->ar, "/log/terbitan/%lld",
		    (long long)x->id));
		H(p, ">pernyataan bertanda tangan</a>");
		if (note_split(note, &text, &sigs) && note_signer(sigs, kname,
		    &kid)) {
			H(p, " (kunci <a href=\"/kunci\"><code>");
			h_textf(p, "%s+%08x", kname, (unsigned)kid);
			H(p, "</code></a>)");
		}
		H(p, ".</p>");
	}
	/* ---- end log ---- */
}

/* One published document: its frozen body, its date, signer and hash. */
static void
publication(struct req *r, struct page *p, const struct sel_view *v,
    const struct s_publication *x)
{
	sel_date d;

	H(p, "<article class=\"pub");
	if (x->kind == PUB_ADDENDUM)
		H(p, " addendum");
	H(p, "\"");
	HA(p, "id", arena_printf(r->ar, "pub-%lld", (long long)x->id));
	H(p, ">");
	if (x->kind == PUB_ADDENDUM) {
		H(p, "<h2>");
		h_text(p, x->title);
		H(p, "</h2>");
	}
	h_stored(p, x->body);
	if (x->kind == PUB_ADDENDUM) {
		H(p, "<p class=\"sign\">Ditetapkan ");
		if (app_local_day(v->profile, x->published_at, &d))
			h_date(p, d);
		H(p, "<br>Ketua Panitia Seleksi,<br><strong>");
		h_text(p, x->signed_by);
		H(p, "</strong></p>");
	}
	H(p, "<p class=\"small hash\">Sidik dokumen (SHA-256): <code>");
	h_text(p, x->sha256);
	H(p, "</code></p>");
	h_pub_trail(r, p, x);
	/* pdf: the same document as a letter */
	h_pdf_link(r, p, x->kind == PUB_ANNOUNCEMENT ? arena_printf(r->ar,
	    "/seleksi/%lld/pengumuman.pdf", (long long)v->s.id).p :
	    arena_printf(r->ar, "/seleksi/%lld/dokumen/%lld.pdf",
	    (long long)v->s.id, (long long)x->id).p);
	H(p, "</article>");
}

void
h_announcement(struct req *r, struct resp *rs)
{
	struct s_publication *pubs = NULL;
	struct page *p = &rs->pg;
	struct sel_view v;
	size_t n = 0;
	bool adm = false;
	enum sel_err rc = app_sel_view(r->app, r->ar, r->ids[0], &v);

	if (rc == SEL_ENOENT || (rc == SEL_OK && !v.published)) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Pengumuman "
		    "tidak ditemukan.");
		return;
	}
	if (rc == SEL_OK)
		rc = app_publications(r->app, r->ar, v.s.id, &pubs, &n);
	if (rc != SEL_OK) {
		page_error(r, rs, 500, "Pengumuman tidak dapat dibaca.");
		return;
	}
	rs->cache = PUBLIC_CACHE;
	page_begin(r, rs, arena_printf(r->ar, "%.*s", (int)v.s.f[SF_TITLE].len,
	    v.s.f[SF_TITLE].p).p);
	H(p, "<p class=\"state\"><strong>");
	h_textc(p, public_state(&v));
	H(p, "</strong>");
	if (v.has_window && v.state <= FL_REG_ENDED) {
		H(p, ": ");
		h_date(p, v.open);
		H(p, " sampai ");
		h_date(p, v.close);
	}
	H(p, ".</p>");
	/* The announcement as published, then each addendum beside it. */
	for (size_t i = 0; i < n; i++)
		if (pubs[i].kind == PUB_ANNOUNCEMENT)
			publication(r, p, &v, &pubs[i]);
	for (size_t i = 0; i < n; i++) {
		adm = adm || pubs[i].kind == PUB_ADM_RESULT;
		if (pubs[i].kind == PUB_ADDENDUM)
			publication(r, p, &v, &pubs[i]);
	}
	h_result_links(r, p, &v, pubs, n);	/* result */
	next_steps(r, p, &v, adm || v.flow.adm_published);
	h_audit_head(r, p);
	page_end(r, rs);
}
