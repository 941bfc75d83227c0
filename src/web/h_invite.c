/*
 * h_invite.c - joining a committee by the e-mailed invitation
 * (/undangan?t=TOKEN): the member's name and the selection, a login and
 * a password; the account is made, linked to the member's place and
 * given the place's grant (app_member_join).
 */
#include <microhttpd.h>

#include "base/arena.h"
#include "web/web.h"
#include "base/banned.h"

static struct str
token(struct req *r)
{
	struct str t = req_query(r, "t");

	return t.len > 0 ? t : form_get(&r->form, "t");
}

static void
invite_page(struct req *r, struct resp *rs, const char *err)
{
	struct page *p = &rs->pg;
	struct s_member mb;
	struct s_selection s;
	enum sel_err rc = app_member_invitation(r->app, r->ar, token(r), &mb,
	    &s);

	if (rc != SEL_OK) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Tautan undangan tidak "
		    "berlaku atau sudah dipakai. Hubungi sekretariat panitia.");
		return;
	}
	page_begin(r, rs, "Bergabung dengan panitia seleksi");
	if (err != NULL)
		h_msg(p, false, err);
	H(p, "<p>Anda ditetapkan sebagai ");
	h_textc(p, mb.chair ? "ketua" : "anggota");
	H(p, " panitia seleksi <strong>");
	h_text(p, s.f[SF_TITLE]);
	H(p, "</strong> atas nama <strong>");
	h_text(p, mb.name);
	H(p, "</strong>. Buat akun selter Anda; sesudah itu Anda masuk dengan "
	    "nama pengguna dan kata sandi ini.</p><form method=\"post\" "
	    "action=\"/undangan\">");
	form_csrf(r, rs);
	H(p, "<input type=\"hidden\" name=\"t\"");
	HA(p, "value", token(r));
	H(p, "><label for=\"login\">Nama pengguna (huruf kecil, angka, titik, "
	    "garis bawah atau tanda hubung)</label><input type=\"text\" "
	    "id=\"login\" name=\"login\" required maxlength=\"64\" "
	    "autocomplete=\"username\"");
	HA(p, "value", form_get(&r->form, "login"));
	H(p, "><label for=\"pw1\">Kata sandi (paling sedikit 10 karakter)"
	    "</label><input type=\"password\" id=\"pw1\" name=\"pw1\" required "
	    "minlength=\"10\" autocomplete=\"new-password\"><label for=\"pw2\">"
	    "Ulangi kata sandi</label><input type=\"password\" id=\"pw2\" "
	    "name=\"pw2\" required minlength=\"10\" "
	    "autocomplete=\"new-password\"><button type=\"submit\">Buat akun "
	    "dan bergabung</button></form>");
	page_end(r, rs);
}

void
h_invite_get(struct req *r, struct resp *rs)
{
	invite_page(r, rs, NULL);
}

void
h_invite_post(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	enum sel_err rc = app_member_join(r->app, r->ar, token(r),
	    form_get(&r->form, "login"), form_get(&r->form, "pw1"),
	    form_get(&r->form, "pw2"), &m);

	if (rc == SEL_OK) {
		resp_redirect(rs, "/masuk");
		return;
	}
	if (rc == SEL_ENOENT) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, m.text[0] ? m.text :
		    "Tautan undangan tidak berlaku.");
		return;
	}
	rs->status = web_status(rc);
	invite_page(r, rs, m.text[0] ? m.text : "Gagal.");
}
