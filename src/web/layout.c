/*
 * layout.c - the frame every page shares, error pages, messages, rule
 * results, and the CSRF field.
 */
#include <inttypes.h>
#include <string.h>

#include <microhttpd.h>

#include "app/archive.h"
#include "base/arena.h"
#include "core/profile.h"
#include "web/web.h"
#include "base/banned.h"

void
page_begin(struct req *r, struct resp *rs, const char *title)
{
	struct page *p = &rs->pg;

	H(p, "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\"><link rel=\"stylesheet\" "
	    "href=\"/static/selter.css\"><title>");
	h_textc(p, title);
	H(p, " · selter</title></head><body><a class=\"skip\" href=\"#isi\">"
	    "Langsung ke isi</a><header><nav aria-label=\"Navigasi utama\">"
	    "<a class=\"brand\" href=\"/\">selter</a> <a href=\"/\">Seleksi "
	    "terbuka</a>");
	if (r->who.account_id != 0) {
		H(p, " <a href=\"/dasbor\">Dasbor</a>");
		if (r->who.admin)
			H(p, " <a href=\"/admin\">Administrasi</a>");
		H(p, " <a href=\"/akun/sandi\">Kata sandi</a> "
		    "<form class=\"inline\" method=\"post\" action=\"/keluar\">");
		form_csrf(r, rs);
		H(p, "<button type=\"submit\">Keluar (");
		h_text(p, r->who.login);
		H(p, ")</button></form>");
	} else {
		H(p, " <a href=\"/masuk\">Masuk</a> <a href=\"/daftar\">"
		    "Daftar sebagai pelamar</a>");
	}
	H(p, "</nav></header>");
	/* ---- archive ---- an imported archive says so on every page */
	{
		struct s_archive a;

		if (app_archive_info(r->app, &a) == SEL_OK) {
			H(p, "\n<p class=\"arsip\" role=\"note\"><strong>Arsip "
			    "hanya-baca</strong>: ");
			h_text(p, a.region_name);
			H(p, ", seleksi ");
			h_text(p, arena_printf(r->ar, "%" PRId64,
			    a.selection_id));
			H(p, ", diekspor pada ");
			h_text(p, a.exported_at);
			H(p, " (kunci ");
			h_text(p, a.origin);
			H(p, "). Tidak ada yang dapat diubah di sini.</p>\n");
		}
	}
	/* ---- end archive ---- */
	H(p, "<main id=\"isi\"><h1>");
	h_textc(p, title);
	H(p, "</h1>");
}

void
page_end(struct req *r, struct resp *rs)
{
	(void)r;
	H(&rs->pg, "</main><footer><p>selter: seleksi terbuka yang "
	    "transparan. Setiap keputusan mencantumkan dasar hukumnya.</p>"
	    /* ---- log ---- */
	    "<p><a href=\"/kunci\">Kunci publik dan titik periksa</a></p>"
	    /* ---- end log ---- */
	    "</footer></body></html>\n");
}

void
page_error(struct req *r, struct resp *rs, unsigned status, const char *msg)
{
	buf_reset(&rs->pg.b);
	rs->status = status;
	rs->cache = "no-store";
	rs->location = NULL;
	page_begin(r, rs, status == MHD_HTTP_NOT_FOUND ? "Tidak ditemukan" :
	    status == MHD_HTTP_FORBIDDEN ? "Tidak diizinkan" :
	    status >= 500 ? "Terjadi kesalahan" : "Permintaan tidak dapat "
	    "diproses");
	h_msg(&rs->pg, false, msg);
	H(&rs->pg, "<p><a href=\"/\">Kembali ke halaman utama</a></p>");
	page_end(r, rs);
}

void
resp_redirect(struct resp *rs, const char *location)
{
	rs->status = MHD_HTTP_SEE_OTHER;
	rs->location = location;
	buf_reset(&rs->pg.b);
}

void
form_csrf(struct req *r, struct resp *rs)
{
	struct str tok;

	if (r->who.account_id != 0) {
		tok = r->who.csrf;
	} else {
		const char *pre = req_cookie(r, "pre");
		struct str nonce;

		if (pre != NULL && strlen(pre) == APP_TOKEN_LEN) {
			nonce = str_c(pre);
		} else if (rs->ncookie < 2) {
			nonce = app_new_token(r->ar);
			rs->cookie[rs->ncookie++] = arena_printf(r->ar,
			    "pre=%.*s; Path=/; HttpOnly; SameSite=Strict%s",
			    (int)nonce.len, nonce.p,
			    r->web != NULL && web_secure(r->web) ?
			    "; Secure" : "");
		} else {
			return;
		}
		tok = app_anon_token(r->app, r->ar, nonce);
	}
	H(&rs->pg, "<input type=\"hidden\" name=\"csrf\"");
	HA(&rs->pg, "value", tok);
	H(&rs->pg, ">");
}

void
form_answer(struct req *r, struct resp *rs, struct str action, int64_t id)
{
	struct page *p = &rs->pg;
	struct str fid = arena_printf(r->ar, "answer-%lld", (long long)id);

	H(p, "<form method=\"post\"");
	HA(p, "action", action);
	H(p, ">");
	form_csrf(r, rs);
	H(p, "<label");
	HA(p, "for", fid);
	H(p, ">Jawaban</label><textarea");
	HA(p, "id", fid);
	H(p, " name=\"answer\" rows=\"3\" required></textarea><button "
	    "type=\"submit\">Kirim jawaban</button></form>");
}

void
h_msg(struct page *p, bool ok, const char *text)
{
	if (ok)
		H(p, "<p class=\"msg ok\" role=\"status\">");
	else
		H(p, "<p class=\"msg err\" role=\"alert\">");
	h_textc(p, text);
	H(p, "</p>");
}

void
h_rule(struct page *p, const struct rule_result *r)
{
	static const char *const cls[] = { "pass", "fail", "missing" };
	static const char *const word[] = { "Memenuhi", "Tidak memenuhi",
	    "Belum lengkap" };
	unsigned s = (unsigned)r->status < 3 ? (unsigned)r->status : 2;

	H(p, "<li class=\"rule ");
	h_textc(p, cls[s]);
	H(p, "\"><strong>");
	h_textc(p, word[s]);
	H(p, "</strong> <code>");
	h_textc(p, rule_name(r->id));
	H(p, "</code> ");
	h_text(p, r->detail);
	if (r->citation.len > 0) {
		H(p, " <cite>");
		h_text(p, r->citation);
		H(p, "</cite>");
	}
	H(p, "</li>");
}

struct str
sel_zone(const struct sel_view *v)
{
	return v->profile != NULL ? v->profile->timezone : STR("WIB");
}

unsigned
web_status(enum sel_err rc)
{
	switch (rc) {
	case SEL_OK:		return MHD_HTTP_OK;
	case SEL_EINVAL:	return MHD_HTTP_BAD_REQUEST;
	case SEL_ENOENT:	return MHD_HTTP_NOT_FOUND;
	case SEL_EPERM:		return MHD_HTTP_FORBIDDEN;
	case SEL_ESTATE:	return MHD_HTTP_CONFLICT;
	case SEL_EBUSY:		return MHD_HTTP_TOO_MANY_REQUESTS;
	default:		return MHD_HTTP_INTERNAL_SERVER_ERROR;
	}
}

bool
web_sel_load(struct req *r, struct resp *rs, struct sel_view *v)
{
	enum sel_err rc;

	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return false;
	}
	rc = app_sel_view(r->app, r->ar, r->ids[0], v);
	if (rc != SEL_OK) {
		page_error(r, rs, rc == SEL_ENOENT ? MHD_HTTP_NOT_FOUND : 500,
		    rc == SEL_ENOENT ? "Seleksi tidak ditemukan." :
		    "Seleksi tidak dapat dibaca.");
		return false;
	}
	if (!app_may(&r->who, ACT_SEL_VIEW, v->s.region_id, v->s.id)) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Peran Anda tidak "
		    "mencakup seleksi ini.");
		return false;
	}
	return true;
}
