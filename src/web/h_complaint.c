/*
 * h_complaint.c - complaints (pengaduan): the public form and status page,
 * and the list the oversight body and the chair read and answer.
 */
#include <string.h>

#include <microhttpd.h>

#include "base/arena.h"
#include "web/web.h"
#include "base/banned.h"

static void
complaint_form(struct req *r, struct resp *rs, const char *err)
{
	struct page *p = &rs->pg;

	page_begin(r, rs, "Pengaduan");
	if (err != NULL)
		h_msg(p, false, err);
	H(p, "<p>Pengaduan tentang seleksi ini disampaikan kepada instansi "
	    "pengawas dan ketua panitia seleksi, dicatat dan dijawab di sini. "
	    "Anda menerima nomor pengaduan untuk melihat jawabannya.</p>"
	    "<form method=\"post\"");
	HA(p, "action", arena_printf(r->ar, "/seleksi/%lld/pengaduan",
	    (long long)r->ids[0]));
	H(p, ">");
	form_csrf(r, rs);
	/* A refused complaint comes back with what was typed. */
	H(p, "<label for=\"name\">Nama (boleh dikosongkan)</label><input "
	    "type=\"text\" id=\"name\" name=\"name\" maxlength=\"200\"");
	HA(p, "value", form_get(&r->form, "name"));
	H(p, "><label for=\"contact\">Surel atau telepon (boleh dikosongkan)"
	    "</label><input type=\"text\" id=\"contact\" name=\"contact\" "
	    "maxlength=\"200\"");
	HA(p, "value", form_get(&r->form, "contact"));
	H(p, "><label for=\"body\">Isi pengaduan</label>"
	    "<textarea id=\"body\" name=\"body\" rows=\"6\" required>");
	h_text(p, form_get(&r->form, "body"));
	H(p, "</textarea><button type=\"submit\">Kirim pengaduan</button>"
	    "</form>");
	page_end(r, rs);
}

void
h_complaint_get(struct req *r, struct resp *rs)
{
	complaint_form(r, rs, NULL);
}

void
h_complaint_post(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	struct str tracking;
	enum sel_err rc = app_complaint_add(r->app, r->ar, r->ids[0],
	    form_get(&r->form, "name"), form_get(&r->form, "contact"),
	    form_get(&r->form, "body"), r->ip, &tracking, &m);

	if (rc != SEL_OK) {
		if (rc == SEL_ENOENT) {
			page_error(r, rs, MHD_HTTP_NOT_FOUND, m.text);
			return;
		}
		rs->status = web_status(rc);
		complaint_form(r, rs, m.text[0] ? m.text : "Gagal mengirim.");
		return;
	}
	resp_redirect(rs, arena_printf(r->ar, "/pengaduan?no=%.*s",
	    (int)tracking.len, tracking.p).p);
}

void
h_complaint_status(struct req *r, struct resp *rs)
{
	struct s_complaint c;
	struct page *p = &rs->pg;

	if (app_complaint_get(r->app, r->ar, req_query(r, "no"), &c) !=
	    SEL_OK) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Pengaduan tidak "
		    "ditemukan. Periksa nomornya.");
		return;
	}
	page_begin(r, rs, "Status pengaduan");
	H(p, "<p>Nomor pengaduan: <strong>");
	h_text(p, c.tracking);
	H(p, "</strong> (simpan nomor ini). Diterima ");
	h_when(p, c.created_at, app_zone(r->app, r->ar, c.selection_id));
	H(p, ".</p><h2>Pengaduan</h2><p class=\"pre\">");
	h_text(p, c.body);
	H(p, "</p><h2>Jawaban</h2>");
	if (c.answer.len == 0) {
		H(p, "<p>Belum dijawab.</p>");
	} else {
		H(p, "<p class=\"pre\">");
		h_text(p, c.answer);
		H(p, "</p><p class=\"small\">");
		h_text(p, c.answered_by);
		H(p, ", ");
		h_when(p, c.answered_at, app_zone(r->app, r->ar,
		    c.selection_id));
		H(p, "</p>");
	}
	page_end(r, rs);
}

static void
list_page(struct req *r, struct resp *rs, const char *msg, bool ok)
{
	struct s_complaint *c;
	struct page *p = &rs->pg;
	struct str zone;
	size_t n;
	enum sel_err rc = app_complaints(r->app, r->ar, &r->who, r->ids[0],
	    &c, &n);

	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), rc == SEL_EPERM ? "Pengaduan "
		    "hanya untuk instansi pengawas dan ketua panitia." :
		    "Seleksi tidak ditemukan.");
		return;
	}
	zone = app_zone(r->app, r->ar, r->ids[0]);
	page_begin(r, rs, "Pengaduan");
	if (msg != NULL)
		h_msg(p, ok, msg);
	if (n == 0)
		H(p, "<p>Belum ada pengaduan.</p>");
	for (size_t i = 0; i < n; i++) {
		H(p, "<h2>");
		h_text(p, c[i].tracking);
		H(p, "</h2><p class=\"small\">");
		h_text(p, c[i].name);
		H(p, " · ");
		h_text(p, c[i].contact);
		H(p, " · ");
		h_when(p, c[i].created_at, zone);
		H(p, "</p><p class=\"pre\">");
		h_text(p, c[i].body);
		H(p, "</p>");
		if (c[i].answer.len > 0) {
			H(p, "<p><strong>Jawaban:</strong> ");
			h_text(p, c[i].answer);
			H(p, "</p>");
		}
		form_answer(r, rs, arena_printf(r->ar, "/kelola/%lld/pengaduan/"
		    "%lld/jawab", (long long)r->ids[0], (long long)c[i].id),
		    c[i].id);
	}
	page_end(r, rs);
}

void
h_complaints(struct req *r, struct resp *rs)
{
	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return;
	}
	list_page(r, rs, req_query(r, "ok").len > 0 ? "Jawaban tersimpan." :
	    NULL, true);
}

void
h_complaint_answer(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	enum sel_err rc;

	if (r->who.account_id == 0) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Silakan masuk.");
		return;
	}
	rc = app_complaint_answer(r->app, r->ar, &r->who, r->ids[0],
	    r->ids[1], form_get(&r->form, "answer"), &m);
	if (rc == SEL_OK) {
		resp_redirect(rs, arena_printf(r->ar, "/kelola/%lld/pengaduan"
		    "?ok=1", (long long)r->ids[0]).p);
		return;
	}
	if (rc == SEL_EPERM || rc == SEL_ENOENT) {
		page_error(r, rs, web_status(rc), m.text);
		return;
	}
	rs->status = web_status(rc);
	list_page(r, rs, m.text, false);
}
