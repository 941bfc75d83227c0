/*
 * h_docs.c - the applicant's documents: the checklist with an upload
 * form per item and the history, the upload itself (the file part
 * streamed to the store as the form parser meets it, never held whole in
 * memory), the download, and a selection's limits for the secretariat.
 *
 * A file is sent back only as an attachment, with the type its content
 * was found to be and nosniff, never shown inline.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <microhttpd.h>

#include "app/prep.h"
#include "base/arena.h"
#include "web/pool.h"
#include "web/web.h"
#include "base/banned.h"

#define NAME_MAX_LEN	255	/* of the client's file name we keep */

/* The file part of an upload, as it arrives. */
struct doc_req {
	struct pool_job	 pj;		/* first: a full buffer's write */
	struct req	*r;
	struct app_upload *up;
	struct app_msg	 msg;
	enum sel_err	 rc;		/* refused before or while streaming */
	struct str	 name;		/* the client's, for display only */
};

/* The first piece of the file: who asks, for which item. */
static void
doc_begin(struct req *r, struct doc_req *d, const char *filename)
{
	size_t n = strlen(filename);

	d->name = (struct str){ arena_strndup(r->ar, filename, n <
	    NAME_MAX_LEN ? n : NAME_MAX_LEN), n < NAME_MAX_LEN ? n :
	    NAME_MAX_LEN };
	req_identify(r);
	if (!req_csrf_ok(r)) {		/* the token comes before the file */
		d->rc = SEL_EPERM;
		snprintf(d->msg.text, sizeof d->msg.text, "Formulir "
		    "kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba "
		    "lagi.");
		return;
	}
	d->rc = app_upload_begin(r->app, r->ar, &r->who, form_get(&r->form,
	    "item"), &d->up, &d->msg);
}

/* A worker: a full buffer hashed and written; the event side resumed. */
static void
doc_drain(struct pool_job *pj)
{
	struct doc_req *d = (struct doc_req *)(void *)pj;
	struct MHD_Connection *c = d->r->conn;

	if (app_upload_drain(d->up))
		MHD_resume_connection(c);
}

bool
doc_wait(struct req *r, size_t n)
{
	struct app_upload *up = r->doc != NULL ? r->doc->up : NULL;

	if (!app_upload_must_wait(up, n, false))
		return false;
	MHD_suspend_connection(r->conn);
	if (!app_upload_must_wait(up, n, true))
		MHD_resume_connection(r->conn);	/* back meanwhile */
	return true;
}

bool
doc_field(struct req *r, const char *key, const char *filename,
    const char *data, uint64_t off, size_t size)
{
	struct doc_req *d = r->doc;

	if (strcmp(key, "file") != 0)
		return false;		/* no other file is expected */
	if (size == 0)
		return true;		/* an empty part: no file chosen */
	if (d == NULL) {
		d = r->doc = arena_alloc(r->ar, sizeof *d);
		memset(d, 0, sizeof *d);
		d->pj.fn = doc_drain;
		d->r = r;
		doc_begin(r, d, filename);
	} else if (off == 0) {
		return false;		/* a second file */
	}
	if (d->rc != SEL_OK)
		return true;		/* refused: the rest is dropped */
	d->rc = app_upload_write(d->up, data, size, &d->msg);
	if (app_upload_handed(d->up))
		web_run(r, &d->pj);	/* a full buffer: written by a worker */
	if (d->rc == SEL_ERANGE) {
		r->too_big = true;
		r->too_big_msg = d->msg.text;
	}
	return true;
}

void
doc_release(struct req *r)
{
	if (r->doc != NULL && r->doc->up != NULL)
		app_upload_abort(r->doc->up);
}

/* ---- the checklist ---- */

static void
kb(struct page *p, int64_t bytes)
{
	h_textf(p, "%" PRId64 " KB", (bytes + 1023) / 1024);
}

static void
item_status(struct req *r, struct page *p, const struct doc_item *it)
{
	const struct s_document *d = it->cur;

	if (d == NULL) {
		H(p, "<p><strong>Belum diunggah.</strong></p>");
		return;
	}
	H(p, "<p>Sudah diunggah: <a");
	HA(p, "href", arena_printf(r->ar, "/dokumen/%" PRId64, d->id));
	H(p, ">");
	h_text(p, d->name);
	H(p, "</a> (");
	kb(p, d->size);
	H(p, ", ");
	h_when(p, d->uploaded_at, app_zone(r->app, r->ar, 0));
	if (d->dated.len > 0) {
		H(p, ", bertanggal ");
		h_date_str(p, d->dated);
	}
	if (d->stamped)
		H(p, ", bermeterai");
	H(p, ")</p>");
}

static const char *
accept_of(unsigned types)
{
	static const char *const acc[8] = { "", "application/pdf,.pdf",
	    "image/jpeg,.jpg,.jpeg", "application/pdf,image/jpeg,.pdf,.jpg",
	    "image/png,.png", "application/pdf,image/png,.pdf,.png",
	    "image/jpeg,image/png,.jpg,.jpeg,.png",
	    "application/pdf,image/jpeg,image/png" };

	return acc[types & 7];
}

/* The item's fields: its date, its stamp, its file. */
static void
item_fields(struct req *r, struct page *p, const struct doc_item *it)
{
	struct str id = it->id;

	if (it->within_days > 0) {
		H(p, "<label");
		HA(p, "for", arena_printf(r->ar, "dated-%.*s", (int)id.len,
		    id.p));
		h_textf(p, ">Tanggal yang tertulis pada dokumen (paling lama "
		    "%d hari sebelum batas akhir: tidak sebelum ",
		    it->within_days);
		h_date(p, it->dated_from);
		H(p, ")</label><input type=\"date\" name=\"dated\" required");
		HA(p, "id", arena_printf(r->ar, "dated-%.*s", (int)id.len,
		    id.p));
		H(p, ">");
	}
	if (it->stamped) {
		H(p, "<label class=\"check\"><input type=\"checkbox\" "
		    "name=\"stamped\" value=\"1\" required");
		HA(p, "id", arena_printf(r->ar, "stamped-%.*s", (int)id.len,
		    id.p));
		H(p, "> Dokumen ini bermeterai</label>");
	}
	H(p, "<label");
	HA(p, "for", arena_printf(r->ar, "file-%.*s", (int)id.len, id.p));
	H(p, ">Berkas (");
	h_text(p, doc_types_text(r->ar, it->types));
	H(p, ", paling besar ");
	kb(p, it->max_bytes);
	H(p, ")</label><input type=\"file\" name=\"file\" required");
	HA(p, "id", arena_printf(r->ar, "file-%.*s", (int)id.len, id.p));
	HA(p, "accept", str_c(accept_of(it->types)));
	H(p, ">");
}

static void
item_form(struct req *r, struct resp *rs, const struct doc_item *it)
{
	struct page *p = &rs->pg;

	H(p, "<form method=\"post\" action=\"/pelamar/dokumen\" "
	    "enctype=\"multipart/form-data\"");
	HA(p, "id", arena_printf(r->ar, "dok-%.*s", (int)it->id.len,
	    it->id.p));
	H(p, "><fieldset><legend>");
	h_text(p, it->label);
	H(p, "</legend><p class=\"small\">");
	h_text(p, it->citation);
	H(p, ". Untuk: ");
	h_text(p, it->selections);
	H(p, "; dapat diunggah sampai ");
	h_date(p, it->close);
	if (it->other_region)
		H(p, ". Hanya bagi PNS dari luar instansi pemerintah daerah "
		    "ini");
	H(p, ".</p>");
	item_status(r, p, it);
	form_csrf(r, rs);
	H(p, "<input type=\"hidden\" name=\"item\"");
	HA(p, "value", it->id);
	H(p, ">");
	item_fields(r, p, it);
	H(p, "<button type=\"submit\">");
	h_textc(p, it->cur != NULL ? "Ganti dokumen" : "Unggah");
	H(p, "</button></fieldset></form>");
}

static struct str
item_label(const struct doc_list *l, struct str id)
{
	for (size_t i = 0; i < l->n; i++)
		if (str_eq(l->items[i].id, id))
			return l->items[i].label;
	return id;
}

static void
history(struct req *r, struct page *p, const struct doc_list *l)
{
	struct str zone = app_zone(r->app, r->ar, 0);

	H(p, "<h2>Riwayat unggahan</h2>");
	if (l->ndocs == 0) {
		H(p, "<p>Belum ada dokumen yang diunggah.</p>");
		return;
	}
	H(p, SCROLL("Riwayat unggahan")
	    "<table><caption>Semua unggahan, terbaru dahulu; dokumen yang "
	    "diganti tetap tercatat</caption><thead><tr><th scope=\"col\">"
	    "Dokumen</th><th scope=\"col\">Berkas</th><th scope=\"col\">"
	    "Ukuran</th><th scope=\"col\">Diunggah</th><th "
	    "scope=\"col\">Status</th></tr></thead><tbody>");
	for (size_t i = 0; i < l->ndocs; i++) {
		const struct s_document *d = &l->docs[i];

		H(p, "<tr><td>");
		h_text(p, item_label(l, d->item_id));
		H(p, "</td><td><a");
		HA(p, "href", arena_printf(r->ar, "/dokumen/%" PRId64, d->id));
		H(p, ">");
		h_text(p, d->name);
		H(p, "</a></td><td>");
		kb(p, d->size);
		H(p, "</td><td>");
		h_when(p, d->uploaded_at, zone);
		H(p, "</td><td>");
		h_textc(p, d->current ? "berlaku" : "diganti");
		H(p, "</td></tr>");
	}
	H(p, "</tbody></table></div>");
}

static void
docs_page(struct req *r, struct resp *rs, const char *err)
{
	struct page *p = &rs->pg;
	struct doc_list l;
	enum sel_err rc = app_docs(r->app, r->ar, &r->who, &l);

	if (rc != SEL_OK) {
		page_error(r, rs, rc == SEL_EPERM ? MHD_HTTP_FORBIDDEN : 500,
		    rc == SEL_EPERM ? "Halaman ini untuk pelamar." :
		    "Daftar dokumen tidak dapat dibaca.");
		return;
	}
	page_begin(r, rs, "Dokumen persyaratan");
	if (err != NULL)
		h_msg(p, false, err);
	else if (req_query(r, "ok").len > 0)
		h_msg(p, true, "Dokumen tersimpan.");
	H(p, "<p>Dokumen yang diminta seleksi yang sedang dibuka untuk Anda, "
	    "menurut peraturan wilayahnya. Jenis berkas diperiksa dari "
	    "isinya, bukan dari namanya. Mengunggah lagi mengganti dokumen "
	    "yang berlaku; yang lama tetap tercatat. Setelah batas akhir "
	    "pendaftaran dokumen tidak dapat diunggah atau diganti.</p>");
	if (l.n == 0)
		H(p, "<p>Tidak ada seleksi yang sedang dibuka untuk "
		    "Anda.</p>");
	if (!l.region_known && l.n > 0)
		H(p, "<p class=\"small\">Isi <a href=\"/pelamar/data\">data "
		    "riwayat</a> agar dokumen yang hanya untuk PNS dari luar "
		    "daerah tidak ditampilkan bila tidak perlu.</p>");
	for (size_t i = 0; i < l.n; i++)
		item_form(r, rs, &l.items[i]);
	history(r, p, &l);
	page_end(r, rs);
}

void
h_docs_get(struct req *r, struct resp *rs)
{
	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return;
	}
	docs_page(r, rs, NULL);
}

static unsigned
refusal_status(const struct doc_req *d, enum sel_err rc)
{
	if (rc == SEL_EINVAL && app_upload_bad_type(d->up))
		return MHD_HTTP_UNSUPPORTED_MEDIA_TYPE;
	if (rc == SEL_ERANGE)
		return MHD_HTTP_CONTENT_TOO_LARGE;
	return web_status(rc);
}

/* Runs on a worker (server.c): the file's fsync, the commit. */
void
h_docs_post(struct req *r, struct resp *rs)
{
	struct doc_req *d = r->doc;
	struct app_msg m = { "" };
	int64_t id;
	enum sel_err rc;

	if (r->who.account_id == 0) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Silakan masuk terlebih "
		    "dahulu.");
		return;
	}
	if (d == NULL) {
		rs->status = MHD_HTTP_BAD_REQUEST;
		docs_page(r, rs, "Pilih berkas yang akan diunggah.");
		return;
	}
	rc = d->rc;
	if (rc == SEL_OK)
		rc = app_upload_commit(r->app, r->ar, &r->who, d->up, d->name,
		    form_get(&r->form, "dated"), form_has(&r->form, "stamped",
		    STR("1")), &id, &m);
	else
		m = d->msg;
	if (rc == SEL_OK) {
		resp_redirect(rs, arena_printf(r->ar, "/pelamar/dokumen?ok=1"
		    "#dok-%.*s", (int)form_get(&r->form, "item").len,
		    form_get(&r->form, "item").p).p);
		return;
	}
	if (rc == SEL_EPERM) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, m.text[0] ? m.text :
		    "Tidak diizinkan.");
		return;
	}
	rs->status = refusal_status(d, rc);
	docs_page(r, rs, m.text[0] ? m.text : "Dokumen tidak dapat disimpan.");
}

/* ---- the download ---- */

void
h_doc_get(struct req *r, struct resp *rs)
{
	struct s_document d;
	enum doc_type t;
	int fd;
	int64_t size;
	enum sel_err rc = app_doc_open(r->app, r->ar, &r->who, r->ids[0], &d,
	    &fd, &size);

	if (rc == SEL_ENOENT) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Dokumen tidak "
		    "ditemukan.");
		return;
	}
	if (rc != SEL_OK) {
		page_error(r, rs, MHD_HTTP_INTERNAL_SERVER_ERROR, "Dokumen "
		    "tidak dapat dibaca.");
		return;
	}
	t = str_eqc(d.mime, "application/pdf") ? DOC_PDF :
	    str_eqc(d.mime, "image/jpeg") ? DOC_JPEG : DOC_PNG;
	rs->fd = fd;
	rs->fd_size = size;
	rs->ctype = doc_mime(t);
	rs->cache = "private, no-store";
	rs->disposition = arena_printf(r->ar, "attachment; filename=\"%s\"",
	    doc_safe_name(r->ar, d.name, t).p).p;
}

/* ---- a selection's limits ---- */

static void
limits_form(struct req *r, struct resp *rs, const struct doc_limit *l,
    size_t n, int64_t sel)
{
	static const char *const ty[3][2] = { { "pdf", "PDF" },
	    { "jpeg", "JPEG" }, { "png", "PNG" } };
	struct page *p = &rs->pg;

	H(p, "<form method=\"post\"");
	HA(p, "action", arena_printf(r->ar, "/kelola/%" PRId64 "/dokumen",
	    sel));
	H(p, ">");
	form_csrf(r, rs);
	H(p, "<fieldset><legend>Ubah batas satu dokumen</legend><label "
	    "for=\"item\">Dokumen</label><select id=\"item\" name=\"item\">");
	/* A refused form comes back as posted (r->form is empty on GET). */
	for (size_t i = 0; i < n; i++) {
		H(p, "<option");
		HA(p, "value", l[i].id);
		if (str_eq(form_get(&r->form, "item"), l[i].id))
			H(p, " selected");
		H(p, ">");
		h_text(p, l[i].label);
		H(p, "</option>");
	}
	H(p, "</select><label for=\"kb\">Batas ukuran (KB)</label><input "
	    "type=\"number\" id=\"kb\" name=\"kb\" min=\"1\" required");
	HAI(p, "max", DOC_MAX_LIMIT / 1024);
	HA(p, "value", form_get(&r->form, "kb"));
	H(p, "><fieldset><legend>Jenis berkas yang diterima</legend>");
	for (int i = 0; i < 3; i++) {
		H(p, "<label class=\"check\"><input type=\"checkbox\" "
		    "name=\"type\"");
		HA(p, "value", str_c(ty[i][0]));
		HA(p, "id", arena_printf(r->ar, "type-%s", ty[i][0]));
		if (form_has(&r->form, "type", str_c(ty[i][0])))
			H(p, " checked");
		H(p, "> ");
		h_textc(p, ty[i][1]);
		H(p, "</label>");
	}
	H(p, "</fieldset><button type=\"submit\">Simpan</button></fieldset>"
	    "</form>");
}

static void
limits_page(struct req *r, struct resp *rs, const char *err)
{
	struct page *p = &rs->pg;
	struct doc_limit *l;
	struct sel_view v;
	size_t n;
	enum sel_err rc = app_doc_limits(r->app, r->ar, &r->who, r->ids[0],
	    &v, &l, &n);

	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), rc == SEL_EPERM ? "Halaman "
		    "ini untuk panitia seleksi." : "Seleksi tidak ditemukan.");
		return;
	}
	page_begin(r, rs, "Batas berkas dokumen pelamar");
	if (err != NULL)
		h_msg(p, false, err);
	else if (req_query(r, "ok").len > 0)
		h_msg(p, true, "Tersimpan.");
	H(p, "<p>");
	h_text(p, v.s.f[SF_TITLE]);
	H(p, ". Tanpa ketetapan seleksi berlaku bawaannya: pas foto JPEG "
	    "paling besar 200 KB, dokumen lain PDF paling besar 2048 KB. "
	    "Batas dapat diubah sampai pengumuman diterbitkan.</p>"
	    SCROLL("Batas per dokumen") "<table>"
	    "<caption>Batas per dokumen</caption><thead><tr><th scope=\"col\">"
	    "Dokumen</th><th scope=\"col\">Ukuran</th><th scope=\"col\">"
	    "Jenis</th><th scope=\"col\">Sumber</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		H(p, "<tr><td>");
		h_text(p, l[i].label);
		H(p, "</td><td>");
		kb(p, l[i].max_bytes);
		H(p, "</td><td>");
		h_text(p, doc_types_text(r->ar, l[i].types));
		H(p, "</td><td>");
		h_textc(p, l[i].own ? "ditetapkan" : "bawaan");
		H(p, "</td></tr>");
	}
	H(p, "</tbody></table></div>");
	if (!v.published && app_may(&r->who, ACT_ANN_EDIT, v.region.id,
	    v.s.id))
		limits_form(r, rs, l, n, v.s.id);
	page_end(r, rs);
}

void
h_doc_limits_get(struct req *r, struct resp *rs)
{
	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return;
	}
	limits_page(r, rs, NULL);
}

void
h_doc_limits_post(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	unsigned types = 0;
	enum sel_err rc;

	if (r->who.account_id == 0) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Silakan masuk terlebih "
		    "dahulu.");
		return;
	}
	if (form_has(&r->form, "type", STR("pdf")))
		types |= DOC_PDF;
	if (form_has(&r->form, "type", STR("jpeg")))
		types |= DOC_JPEG;
	if (form_has(&r->form, "type", STR("png")))
		types |= DOC_PNG;
	rc = app_doc_limit_set(r->app, r->ar, &r->who, r->ids[0],
	    form_get(&r->form, "item"), form_get(&r->form, "kb"), types, &m);
	if (rc == SEL_OK) {
		resp_redirect(rs, arena_printf(r->ar, "/kelola/%" PRId64
		    "/dokumen?ok=1", r->ids[0]).p);
		return;
	}
	if (rc == SEL_EPERM || rc == SEL_ENOENT) {
		page_error(r, rs, web_status(rc), m.text[0] ? m.text :
		    "Tidak diizinkan.");
		return;
	}
	rs->status = web_status(rc);
	limits_page(r, rs, m.text[0] ? m.text : "Gagal menyimpan.");
}
