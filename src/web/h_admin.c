/*
 * h_admin.c - the administrator's pages: regions (with their profile and
 * the oversight body's name), accounts, role grants.
 */
#include <stdio.h>
#include <string.h>

#include <microhttpd.h>

#include "base/arena.h"
#include "core/profile.h"
#include "web/web.h"
#include "base/banned.h"


/* What was posted to action, when that form was refused; else "". */
static struct str
refill(struct req *r, const char *action, const char *name)
{
	if (!r->post || strcmp(r->url, action) != 0)
		return STR("");
	return form_get(&r->form, name);
}

static void
admin_page(struct req *r, struct resp *rs, bool ok, const char *msg)
{
	struct page *p = &rs->pg;
	struct s_region *reg = NULL;
	struct s_account *acc = NULL;
	struct s_grant *gr = NULL;
	size_t nreg = 0, nacc = 0, ngr = 0;
	const struct profile *const *pfs;
	const struct profile *pf;
	size_t npf;

	(void)app_admin_lists(r->app, r->ar, &r->who, &reg, &nreg, &acc,
	    &nacc, &gr, &ngr);
	pfs = app_profile_list(r->app, &npf);
	page_begin(r, rs, "Administrasi");
	if (msg != NULL)
		h_msg(p, ok, msg);
	H(p, "<p>Administrator mengelola wilayah, akun dan peran. "
	    "Administrator tidak dapat mengisi nilai atau keputusan seleksi."
	    "</p><h2>Wilayah</h2>"
	    SCROLL("Wilayah") "<table><caption>Wilayah</caption><thead><tr>"
	    "<th scope=\"col\">Kode</th><th scope=\"col\">Nama</th>"
	    "<th scope=\"col\">Profil peraturan</th><th scope=\"col\">"
	    "Instansi pengawas</th></tr></thead><tbody>");
	for (size_t i = 0; i < nreg; i++) {
		H(p, "<tr><td>");
		h_text(p, reg[i].code);
		H(p, "</td><td>");
		h_text(p, reg[i].name);
		H(p, "</td><td>");
		pf = app_profile_get(r->app, reg[i].profile_id);
		h_text(p, pf != NULL ? pf->title : reg[i].profile_id);
		H(p, "</td><td>");
		h_text(p, reg[i].oversight);
		H(p, "</td></tr>");
	}
	H(p, "</tbody></table></div><form method=\"post\" "
	    "action=\"/admin/wilayah\">");
	form_csrf(r, rs);
	/* A refused form comes back with what was typed (f: the post). */
	H(p, "<fieldset><legend>Tambah wilayah</legend><label for=\"code\">"
	    "Kode (huruf kecil)</label><input type=\"text\" id=\"code\" "
	    "name=\"code\" required maxlength=\"32\"");
	HA(p, "value", refill(r, "/admin/wilayah", "code"));
	H(p, "><label for=\"rname\">Nama pemerintah daerah</label><input "
	    "type=\"text\" id=\"rname\" name=\"name\" required "
	    "maxlength=\"200\"");
	HA(p, "value", refill(r, "/admin/wilayah", "name"));
	H(p, "><label for=\"profile\">Profil peraturan</label><select "
	    "id=\"profile\" name=\"profile\">");
	for (size_t i = 0; i < npf; i++) {
		H(p, "<option");
		HA(p, "value", pfs[i]->id);
		if (str_eq(refill(r, "/admin/wilayah", "profile"),
		    pfs[i]->id))
			H(p, " selected");
		H(p, ">");
		h_text(p, pfs[i]->title);
		H(p, "</option>");
	}
	H(p, "</select><label for=\"oversight\">Nama instansi pengawas "
	    "(KASN menurut peraturan; BKN sejak UU 20/2023)</label><input "
	    "type=\"text\" id=\"oversight\" name=\"oversight\" value=\"BKN\" "
	    "required maxlength=\"100\"><label for=\"secretariat\">Alamat dan "
	    "telepon sekretariat</label><textarea id=\"secretariat\" "
	    "name=\"secretariat\" maxlength=\"500\"></textarea><button "
	    "type=\"submit\">Tambah wilayah</button></fieldset></form>");

	H(p, "<h2>Akun</h2>"
	    SCROLL("Akun") "<table><caption>Akun</caption><thead><tr><th "
	    "scope=\"col\">Nama pengguna</th><th scope=\"col\">Nama</th></tr>"
	    "</thead><tbody>");
	for (size_t i = 0; i < nacc; i++) {
		H(p, "<tr><td>");
		h_text(p, acc[i].login);
		H(p, "</td><td>");
		h_text(p, acc[i].name);
		H(p, "</td></tr>");
	}
	H(p, "</tbody></table></div><form method=\"post\" "
	    "action=\"/admin/akun\">");
	form_csrf(r, rs);
	H(p, "<fieldset><legend>Buat akun</legend><label for=\"alogin\">Nama "
	    "pengguna</label><input type=\"text\" id=\"alogin\" name=\"login\" "
	    "required maxlength=\"64\"");
	HA(p, "value", refill(r, "/admin/akun", "login"));
	H(p, "><label for=\"aname\">Nama lengkap</label><input type=\"text\" "
	    "id=\"aname\" name=\"name\" required maxlength=\"200\"");
	HA(p, "value", refill(r, "/admin/akun", "name"));
	H(p, "><label for=\"aemail\">Surel</label><input type=\"email\" "
	    "id=\"aemail\" name=\"email\" maxlength=\"254\"");
	HA(p, "value", refill(r, "/admin/akun", "email"));
	H(p, "><label for=\"apw\">Kata sandi awal (paling sedikit 10 karakter)"
	    "</label><input type=\"password\" id=\"apw\" name=\"password\" "
	    "autocomplete=\"new-password\" required minlength=\"10\"><button "
	    "type=\"submit\">Buat akun</button></fieldset></form>");

	H(p, "<h2>Peran</h2>"
	    SCROLL("Peran per seleksi")
	    "<table><caption>Peran per seleksi</caption>"
	    "<thead><tr><th scope=\"col\">Akun</th><th scope=\"col\">Wilayah"
	    "</th><th scope=\"col\">Seleksi</th><th scope=\"col\">Peran</th>"
	    "<th scope=\"col\">Tindakan</th></tr></thead><tbody>");
	for (size_t i = 0; i < ngr; i++) {
		H(p, "<tr><td>");
		h_text(p, gr[i].login);
		H(p, "</td><td>");
		h_text(p, gr[i].region_code);
		H(p, "</td><td>");
		if (gr[i].selection_id == 0)
			H(p, "semua");
		else
			h_int(p, gr[i].selection_id);
		H(p, "</td><td>");
		h_textc(p, web_role_label(gr[i].role));
		H(p, "</td><td><form class=\"inline\" method=\"post\"");
		HA(p, "action", arena_printf(r->ar, "/admin/peran/%lld/cabut",
		    (long long)gr[i].id));
		H(p, ">");
		form_csrf(r, rs);
		H(p, "<button type=\"submit\">Cabut</button></form></td></tr>");
	}
	H(p, "</tbody></table></div><form method=\"post\" "
	    "action=\"/admin/peran\">");
	form_csrf(r, rs);
	H(p, "<fieldset><legend>Beri peran</legend><label for=\"glogin\">Nama "
	    "pengguna</label><input type=\"text\" id=\"glogin\" name=\"login\" "
	    "required");
	HA(p, "value", refill(r, "/admin/peran", "login"));
	H(p, "><label for=\"gregion\">Kode wilayah</label><input "
	    "type=\"text\" id=\"gregion\" name=\"region\" required");
	HA(p, "value", refill(r, "/admin/peran", "region"));
	H(p, "><label for=\"gsel\">Nomor seleksi (kosong: semua seleksi "
	    "wilayah itu)</label><input type=\"text\" id=\"gsel\" "
	    "name=\"selection\" inputmode=\"numeric\"");
	HA(p, "value", refill(r, "/admin/peran", "selection"));
	H(p, "><label for=\"grole\">Peran</label><select id=\"grole\" "
	    "name=\"role\">");
	for (int i = 0; i < ROLE__N; i++) {
		H(p, "<option");
		HA(p, "value", str_c(role_name((enum role)i)));
		if (str_eqc(refill(r, "/admin/peran", "role"),
		    role_name((enum role)i)))
			H(p, " selected");
		H(p, ">");
		h_textc(p, web_role_label((enum role)i));
		H(p, "</option>");
	}
	H(p, "</select><button type=\"submit\">Beri peran</button></fieldset>"
	    "</form>");
	page_end(r, rs);
}

static bool
admin_only(struct req *r, struct resp *rs)
{
	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return false;
	}
	if (!app_may(&r->who, ACT_ADMIN, 0, 0)) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Halaman ini hanya untuk "
		    "administrator.");
		return false;
	}
	return true;
}

void
h_admin(struct req *r, struct resp *rs)
{
	if (admin_only(r, rs))
		admin_page(r, rs, true, req_query(r, "ok").len > 0 ?
		    "Tersimpan." : NULL);
}

static void
done(struct req *r, struct resp *rs, enum sel_err rc,
    const struct app_msg *m)
{
	if (rc == SEL_OK) {
		resp_redirect(rs, "/admin?ok=1");
		return;
	}
	if (rc == SEL_EPERM) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, m->text);
		return;
	}
	rs->status = web_status(rc);
	admin_page(r, rs, false, m->text[0] ? m->text : "Gagal menyimpan.");
}

void
h_admin_region(struct req *r, struct resp *rs)
{
	struct s_region reg = { 0, str_trim(form_get(&r->form, "code")),
	    str_trim(form_get(&r->form, "name")),
	    form_get(&r->form, "profile"),
	    str_trim(form_get(&r->form, "oversight")),
	    str_trim(form_get(&r->form, "secretariat")) };
	struct app_msg m = { "" };
	int64_t id;

	if (admin_only(r, rs))
		done(r, rs, app_region_add(r->app, r->ar, &r->who, &reg, &id,
		    &m), &m);
}

void
h_admin_account(struct req *r, struct resp *rs)
{
	struct s_account acc = { 0, str_trim(form_get(&r->form, "login")),
	    str_trim(form_get(&r->form, "name")),
	    str_trim(form_get(&r->form, "email")), STR(""), false };
	struct app_msg m = { "" };
	int64_t id;

	if (admin_only(r, rs))
		done(r, rs, app_account_add(r->app, r->ar, &r->who, &acc,
		    form_get(&r->form, "password"), &id, &m), &m);
}

void
h_admin_grant(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	struct str s = str_trim(form_get(&r->form, "selection"));
	int64_t sel = 0;

	if (!admin_only(r, rs))
		return;
	if (s.len > 0 && parse_i64(s, 1, INT64_MAX, &sel) != SEL_OK) {
		rs->status = MHD_HTTP_BAD_REQUEST;
		admin_page(r, rs, false, "Nomor seleksi harus angka.");
		return;
	}
	done(r, rs, app_grant_add(r->app, r->ar, &r->who,
	    str_trim(form_get(&r->form, "login")),
	    str_trim(form_get(&r->form, "region")), sel,
	    form_get(&r->form, "role"), &m), &m);
}

void
h_admin_grant_del(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };

	if (admin_only(r, rs))
		done(r, rs, app_grant_del(r->app, r->ar, &r->who, r->ids[0],
		    &m), &m);
}
