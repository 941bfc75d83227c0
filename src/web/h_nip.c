/*
 * h_nip.c - the secretariat's page that releases a disputed NIP (issue
 * 11): the NIP and the reason (how the owner's identity was checked);
 * app_nip_release decides who may and audits it.
 */
#include <microhttpd.h>

#include "base/arena.h"
#include "web/web.h"
#include "base/banned.h"

static void
nip_page(struct req *r, struct resp *rs, bool ok, const char *msg)
{
	struct page *p = &rs->pg;

	page_begin(r, rs, "Lepaskan NIP yang disengketakan");
	if (msg != NULL)
		h_msg(p, ok, msg);
	H(p, "<p>Bila seseorang mendaftarkan NIP milik orang lain, pemilik NIP "
	    "datang ke sekretariat dengan identitasnya. Setelah identitas "
	    "diperiksa, NIP dilepas: akun yang memegangnya tidak dapat masuk "
	    "lagi (datanya tetap tercatat) dan pemilik dapat mendaftar. "
	    "Pelepasan dicatat dalam jejak audit bersama alasannya.</p>"
	    "<form method=\"post\" action=\"/kelola/nip\">");
	form_csrf(r, rs);
	H(p, "<label for=\"nip\">NIP (18 angka)</label><input type=\"text\" "
	    "id=\"nip\" name=\"nip\" required inputmode=\"numeric\" "
	    "maxlength=\"18\"");
	HA(p, "value", ok ? STR("") : form_get(&r->form, "nip"));
	H(p, "><label for=\"reason\">Alasan: bagaimana identitas pemilik "
	    "diperiksa</label><textarea id=\"reason\" name=\"reason\" required "
	    "rows=\"4\" maxlength=\"1000\">");
	h_text(p, ok ? STR("") : form_get(&r->form, "reason"));
	H(p, "</textarea><button type=\"submit\">Lepaskan NIP</button></form>");
	page_end(r, rs);
}

void
h_nip_get(struct req *r, struct resp *rs)
{
	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return;
	}
	nip_page(r, rs, false, NULL);
}

void
h_nip_post(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	enum sel_err rc;

	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return;
	}
	rc = app_nip_release(r->app, r->ar, &r->who, form_get(&r->form,
	    "nip"), form_get(&r->form, "reason"), &m);
	if (rc == SEL_EPERM) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, m.text);
		return;
	}
	rs->status = web_status(rc);
	nip_page(r, rs, rc == SEL_OK, m.text[0] ? m.text : "Gagal.");
}
