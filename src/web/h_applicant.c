/*
 * h_applicant.c - the applicant's pages: registration, e-mail
 * confirmation, password reset, the record, each vacancy's live verdict
 * with every rule and its citation, submission and its receipt,
 * withdrawal; and the public list of registrants after closing.
 */
#include <string.h>

#include <microhttpd.h>

#include "app/prep.h"
#include "base/arena.h"
#include "core/profile.h"
#include "web/web.h"
#include "base/banned.h"

/* A required, labelled input; id and name are the same. */
static void
field(struct page *p, const char *name, const char *label, const char *type,
    struct str value, bool new_password)
{
	H(p, "<label");
	HA(p, "for", str_c(name));
	H(p, ">");
	h_textc(p, label);
	H(p, "</label><input");
	HA(p, "type", str_c(type));
	HA(p, "id", str_c(name));
	HA(p, "name", str_c(name));
	HA(p, "value", value);
	H(p, " required");
	if (new_password)
		H(p, " autocomplete=\"new-password\" minlength=\"10\"");
	H(p, ">");
}

static void
register_page(struct req *r, struct resp *rs, const char *err)
{
	struct page *p = &rs->pg;
	const struct form *f = &r->form;

	page_begin(r, rs, "Daftar sebagai pelamar");
	if (err != NULL)
		h_msg(p, false, err);
	H(p, "<p>Untuk Pegawai Negeri Sipil yang akan melamar. NIP Anda menjadi "
	    "nama pengguna. Delapan angka pertama NIP harus sesuai dengan "
	    "tanggal lahir, angka ke-9 sampai ke-14 dengan TMT CPNS.</p>"
	    "<form method=\"post\" action=\"/daftar\">");
	form_csrf(r, rs);
	field(p, "nip", "NIP (18 angka)", "text", form_get(f, "nip"), false);
	field(p, "name", "Nama lengkap dengan gelar", "text",
	    form_get(f, "name"), false);
	field(p, "birth_date", "Tanggal lahir", "date",
	    form_get(f, "birth_date"), false);
	field(p, "tmt", "TMT CPNS (TTTT-BB)", "text", form_get(f, "tmt"),
	    false);
	field(p, "email", "Alamat surel", "email", form_get(f, "email"), false);
	field(p, "pw1", "Kata sandi (paling sedikit 10 karakter)", "password",
	    STR(""), true);
	field(p, "pw2", "Ulangi kata sandi", "password", STR(""), true);
	H(p, "<button type=\"submit\">Daftar</button></form>");
	page_end(r, rs);
}

void
h_register_get(struct req *r, struct resp *rs)
{
	register_page(r, rs, NULL);
}

void
h_register_post(struct req *r, struct resp *rs)
{
	struct reg_in in = { str_trim(form_get(&r->form, "nip")),
	    form_get(&r->form, "name"), str_trim(form_get(&r->form,
	    "birth_date")), str_trim(form_get(&r->form, "tmt")),
	    form_get(&r->form, "email"), form_get(&r->form, "pw1"),
	    form_get(&r->form, "pw2"), r->ip };
	struct app_msg m = { "" };
	int64_t id;
	enum sel_err rc = app_register(r->app, r->ar, &in, &id, &m);

	if (rc != SEL_OK) {
		rs->status = web_status(rc);
		register_page(r, rs, m.text[0] ? m.text : "Pendaftaran gagal.");
		return;
	}
	page_begin(r, rs, "Pendaftaran diterima");
	h_msg(&rs->pg, true, APP_REGISTER_SENT);
	H(&rs->pg, "<p><a href=\"/masuk\">Masuk</a></p>");
	page_end(r, rs);
}

void
h_confirm(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	enum sel_err rc = app_confirm(r->app, r->ar, req_query(r, "t"), &m);

	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), m.text[0] ? m.text :
		    "Konfirmasi gagal.");
		return;
	}
	page_begin(r, rs, "Alamat surel dikonfirmasi");
	h_msg(&rs->pg, true, "Terima kasih. Anda sekarang dapat melamar.");
	H(&rs->pg, "<p><a href=\"/masuk\">Masuk</a></p>");
	page_end(r, rs);
}

static void
forgot_page(struct req *r, struct resp *rs, bool ok, const char *msg)
{
	struct page *p = &rs->pg;

	page_begin(r, rs, "Lupa kata sandi");
	if (msg != NULL)
		h_msg(p, ok, msg);
	H(p, "<form method=\"post\" action=\"/lupa\">");
	form_csrf(r, rs);
	field(p, "key", "NIP atau alamat surel", "text", STR(""), false);
	H(p, "<button type=\"submit\">Kirim tautan</button></form>");
	page_end(r, rs);
}

void
h_forgot_get(struct req *r, struct resp *rs)
{
	forgot_page(r, rs, false, NULL);
}

void
h_forgot_post(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	enum sel_err rc = app_reset_request(r->app, r->ar,
	    form_get(&r->form, "key"), r->ip, &m);

	rs->status = web_status(rc);
	forgot_page(r, rs, rc == SEL_OK, m.text);
}

static void
reset_page(struct req *r, struct resp *rs, const char *err)
{
	struct page *p = &rs->pg;

	page_begin(r, rs, "Atur kata sandi baru");
	if (err != NULL)
		h_msg(p, false, err);
	H(p, "<form method=\"post\" action=\"/atur-sandi\">");
	form_csrf(r, rs);
	H(p, "<input type=\"hidden\" name=\"t\"");
	HA(p, "value", req_query(r, "t").len > 0 ? req_query(r, "t") :
	    form_get(&r->form, "t"));
	H(p, ">");
	field(p, "pw1", "Kata sandi baru (paling sedikit 10 karakter)",
	    "password", STR(""), true);
	field(p, "pw2", "Ulangi kata sandi baru", "password", STR(""), true);
	H(p, "<button type=\"submit\">Simpan</button></form>");
	page_end(r, rs);
}

void
h_reset_get(struct req *r, struct resp *rs)
{
	reset_page(r, rs, NULL);
}

void
h_reset_post(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	enum sel_err rc = app_reset(r->app, r->ar, form_get(&r->form, "t"),
	    form_get(&r->form, "pw1"), form_get(&r->form, "pw2"), &m);

	if (rc != SEL_OK) {
		rs->status = web_status(rc);
		reset_page(r, rs, m.text[0] ? m.text : "Gagal.");
		return;
	}
	resp_redirect(rs, "/masuk");
}
