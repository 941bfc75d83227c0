/*
 * h_auth.c - logging in and out, changing one's password, the dashboard.
 */
#include <string.h>

#include <microhttpd.h>

#include "base/arena.h"
#include "web/label.h"
#include "web/web.h"
#include "base/banned.h"

static void
login_page(struct req *r, struct resp *rs, const char *err)
{
	struct page *p = &rs->pg;

	page_begin(r, rs, "Masuk");
	if (err != NULL)
		h_msg(p, false, err);
	H(p, "<form method=\"post\" action=\"/masuk\">");
	form_csrf(r, rs);
	H(p, "<label for=\"login\">Nama pengguna</label><input type=\"text\" "
	    "id=\"login\" name=\"login\" autocomplete=\"username\" required "
	    "maxlength=\"64\"><label for=\"password\">Kata sandi</label>"
	    "<input type=\"password\" id=\"password\" name=\"password\" "
	    "autocomplete=\"current-password\" required maxlength=\"128\">"
	    "<button type=\"submit\">Masuk</button></form><p><a href=\"/lupa\">"
	    "Lupa kata sandi?</a> · <a href=\"/daftar\">Daftar sebagai "
	    "pelamar</a> (pelamar masuk dengan NIP)</p>");
	page_end(r, rs);
}

void
h_login_get(struct req *r, struct resp *rs)
{
	if (r->who.account_id != 0) {
		resp_redirect(rs, "/dasbor");
		return;
	}
	login_page(r, rs, NULL);
}

void
h_login_post(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	struct str token;
	enum sel_err rc;

	rc = app_login(r->app, r->ar, form_get(&r->form, "login"),
	    form_get(&r->form, "password"), r->ip, &token, &m);
	if (rc != SEL_OK) {
		rs->status = web_status(rc);
		login_page(r, rs, m.text[0] ? m.text : "Layanan sedang "
		    "sibuk. Coba lagi sebentar.");
		return;
	}
	rs->cookie[rs->ncookie++] = arena_printf(r->ar, "sid=%.*s; Path=/; "
	    "HttpOnly; SameSite=Strict; Max-Age=%d%s", (int)token.len,
	    token.p, app_session_hours(r->app) * 3600,
	    web_secure(r->web) ? "; Secure" : "");
	/* An applicant's login is the NIP: its own pages. */
	resp_redirect(rs, app_is_applicant(r->app, form_get(&r->form,
	    "login")) ? "/pelamar" : "/dasbor");
}

void
h_logout(struct req *r, struct resp *rs)
{
	if (r->who.account_id != 0)
		(void)app_logout(r->app, &r->who);
	rs->cookie[rs->ncookie++] = STR("sid=; Path=/; HttpOnly; "
	    "SameSite=Strict; Max-Age=0");
	resp_redirect(rs, "/");
}

static void
password_page(struct req *r, struct resp *rs, bool ok, const char *msg)
{
	struct page *p = &rs->pg;

	page_begin(r, rs, "Ganti kata sandi");
	if (msg != NULL)
		h_msg(p, ok, msg);
	H(p, "<form method=\"post\" action=\"/akun/sandi\">");
	form_csrf(r, rs);
	H(p, "<label for=\"old\">Kata sandi lama</label><input type=\"password\""
	    " id=\"old\" name=\"old\" autocomplete=\"current-password\" "
	    "required><label for=\"new1\">Kata sandi baru (paling sedikit 10 "
	    "karakter)</label><input type=\"password\" id=\"new1\" name=\"new1\""
	    " autocomplete=\"new-password\" required minlength=\"10\">"
	    "<label for=\"new2\">Ulangi kata sandi baru</label><input "
	    "type=\"password\" id=\"new2\" name=\"new2\" autocomplete=\""
	    "new-password\" required minlength=\"10\"><button type=\"submit\">"
	    "Simpan</button></form>");
	page_end(r, rs);
}

void
h_password_get(struct req *r, struct resp *rs)
{
	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return;
	}
	password_page(r, rs, false, NULL);
}

void
h_password_post(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	enum sel_err rc;

	if (r->who.account_id == 0) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Silakan masuk "
		    "terlebih dahulu.");
		return;
	}
	rc = app_password_change(r->app, r->ar, &r->who,
	    form_get(&r->form, "old"), form_get(&r->form, "new1"),
	    form_get(&r->form, "new2"), &m);
	if (rc != SEL_OK) {
		rs->status = web_status(rc);
		password_page(r, rs, false, m.text[0] ? m.text :
		    "Kata sandi tidak dapat diganti.");
		return;
	}
	/* Every session ended with the old password, this one too. */
	rs->cookie[rs->ncookie++] = STR("sid=; Path=/; HttpOnly; "
	    "SameSite=Strict; Max-Age=0");
	resp_redirect(rs, "/masuk");
}

static const char *const role_label[ROLE__N] = {
	[ROLE_SECRETARIAT] = "Sekretariat panitia seleksi",
	[ROLE_CHAIR] = "Ketua panitia seleksi",
	[ROLE_MEMBER] = "Anggota panitia seleksi",
	[ROLE_ASSESSOR] = "Asesor", [ROLE_NARASUMBER] = "Narasumber",
	[ROLE_PYB] = "Pejabat yang Berwenang (PyB)",
	[ROLE_PPK] = "Pejabat Pembina Kepegawaian (PPK)",
	[ROLE_OVERSIGHT] = "Instansi pengawas",
	[ROLE_APPLICANT] = "Pelamar",
};

const char *
web_role_label(enum role r)
{
	return (unsigned)r < ROLE__N ? role_label[r] : "?";
}

void
h_dashboard(struct req *r, struct resp *rs)
{
	dashboard_page(r, rs, NULL);
}

void
dashboard_page(struct req *r, struct resp *rs, const char *err)
{
	struct page *p = &rs->pg;
	struct s_selection *list;
	struct sel_view v;
	size_t n = 0;

	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return;
	}
	page_begin(r, rs, "Dasbor");
	if (err != NULL)
		h_msg(p, false, err);
	H(p, "<p>Masuk sebagai <strong>");
	h_text(p, r->who.name);
	H(p, "</strong>. Pelamar: <a href=\"/pelamar\">halaman pelamar</a>."
	    "</p><h2>Peran Anda</h2>");
	if (r->who.ngrants == 0)
		H(p, "<p>Anda belum mempunyai peran pada seleksi mana pun.</p>");
	H(p, "<ul>");
	for (size_t i = 0; i < r->who.ngrants; i++) {
		const struct s_grant *g = &r->who.grants[i];
		struct s_region rg;

		H(p, "<li>");
		h_textc(p, web_role_label(g->role));
		H(p, ", ");
		/* the region by its name; its code only when it has none */
		if (app_region_by_code(r->app, r->ar, g->region_code, &rg) ==
		    SEL_OK && rg.name.len > 0) {
			h_text(p, rg.name);
		} else {
			H(p, "wilayah ");
			h_text(p, g->region_code);
		}
		if (g->selection_id != 0) {
			H(p, ", seleksi nomor ");
			h_int(p, g->selection_id);
		} else {
			H(p, ", semua seleksi");
		}
		H(p, "</li>");
	}
	H(p, "</ul>");
	h_ranking_inbox(r, p);		/* result */
	h_dash_link(r, p);	/* ---- dashboard ---- end dashboard ---- */
	H(p, "<h2>Seleksi</h2>");
	if (app_selections(r->app, r->ar, false, &list, &n) != SEL_OK)
		n = 0;
	H(p, "<ul>");
	for (size_t i = 0; i < n; i++) {
		if (!app_may(&r->who, ACT_SEL_VIEW, list[i].region_id,
		    list[i].id))
			continue;
		H(p, "<li><a");
		HA(p, "href", arena_printf(r->ar, "/kelola/%lld",
		    (long long)list[i].id));
		H(p, ">");
		h_text(p, list[i].f[SF_TITLE]);
		H(p, "</a> (");
		if (app_sel_view(r->app, r->ar, list[i].id, &v) == SEL_OK)
			h_textc(p, flow_state_label(v.state));
		H(p, ")</li>");
	}
	H(p, "</ul>");
	h_stage_work(r, p);	/* stage part: assessor, resource person */
	for (size_t i = 0; i < r->who.ngrants; i++) {
		const struct s_grant *g = &r->who.grants[i];

		if (g->role != ROLE_SECRETARIAT || g->selection_id != 0)
			continue;
		H(p, "<form method=\"post\" action=\"/kelola/baru\">");
		form_csrf(r, rs);
		H(p, "<fieldset><legend>Buka seleksi baru</legend>"
		    "<input type=\"hidden\" name=\"region\"");
		HA(p, "value", g->region_code);
		H(p, "><label for=\"title\">Judul seleksi</label><input "
		    "type=\"text\" id=\"title\" name=\"title\" required "
		    "maxlength=\"200\"");
		HA(p, "value", form_get(&r->form, "title"));	/* refused */
		H(p, "><button type=\"submit\">Buka seleksi</button>"
		    "</fieldset></form><p><a href=\"/kelola/nip\">Lepaskan "
		    "NIP yang didaftarkan orang lain</a></p>");
		/* reuse (issue 12 item 4): the region's assessment results */
		H(p, "<p><a href=\"/kelola/asesmen\">Hasil assessment "
		    "tercatat (STG-REUSE)</a></p>");
		break;
	}
	h_score_links(r, p);	/* score part (issue 12) */
	page_end(r, rs);
}
