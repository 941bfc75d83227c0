/*
 * h_letters.c - the letters after the ranking on the web (app/letters.h):
 * a form that carries a letter's PDF (multipart, its upload route in
 * routes.c), the link to a letter and its download
 * (/kelola/N/surat/ID.pdf), the report pack's documents as sent
 * (/kelola/N/laporan/dokumen/SEQ.pdf), and the report page's parts for
 * the copies' dispatch and a binding recommendation's follow-up.
 *
 * A letter or document is sent back only as an attachment, with its type
 * and nosniff, never shown inline.
 */
#include <inttypes.h>
#include <string.h>

#include <microhttpd.h>

#include "app/letters.h"
#include "app/report.h"
#include "core/profile.h"
#include "base/arena.h"
#include "web/h_choice_int.h"
#include "base/banned.h"

void
hc_file_form_open(const struct cctx *c, int64_t v, const char *page)
{
	H(c->p, "<form method=\"post\" enctype=\"multipart/form-data\"");
	HA(c->p, "action", arena_printf(c->r->ar, "/kelola/%" PRId64
	    "/%s#jabatan-%" PRId64, c->cv->rk.sel.s.id, page, v));
	H(c->p, ">");
	form_csrf(c->r, c->rs);
	H(c->p, "<input type=\"hidden\" name=\"vacancy\"");
	HAI(c->p, "value", v);
	H(c->p, ">");
}

void
hc_letter_field(const struct cctx *c, int64_t v, const char *act,
    const char *label)
{
	H(c->p, "<label");
	HA(c->p, "for", hc_fid(c, v, act, LETTER_FIELD));
	H(c->p, ">");
	h_textc(c->p, label);
	h_textf(c->p, " (PDF, paling besar %d KB)", LETTER_MAX / 1024);
	H(c->p, "</label><input type=\"file\" required "
	    "accept=\"application/pdf,.pdf\"");
	HA(c->p, "id", hc_fid(c, v, act, LETTER_FIELD));
	HA(c->p, "name", str_c(LETTER_FIELD));
	hc_bad(c, v, act, LETTER_FIELD);
	H(c->p, ">");
	hc_bad_text(c, v, act, LETTER_FIELD);
}

void
hc_letter_link(const struct cctx *c, const struct s_letter *l,
    const char *label)
{
	if (l == NULL)
		return;
	H(c->p, " <a");
	HA(c->p, "href", arena_printf(c->r->ar, "/kelola/%" PRId64
	    "/surat/%" PRId64 ".pdf", l->selection_id, l->id));
	H(c->p, ">");
	h_textc(c->p, label);
	h_textf(c->p, " (PDF, %" PRId64 " KB)", (l->size + 1023) / 1024);
	H(c->p, "</a> <span class=\"small\">SHA-256 <code>");
	h_text(c->p, l->sha256);
	H(c->p, "</code></span>");
}

/* An attachment from fd, or the error of rc. */
static void
send_file(struct req *r, struct resp *rs, enum sel_err rc, int fd,
    int64_t size, struct str name)
{
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), rc == SEL_EPERM ? "Surat dan "
		    "berkas laporan hanya untuk panitia, sekretariat, PyB, PPK "
		    "dan instansi pengawas." : rc == SEL_ENOENT ? "Berkas "
		    "tidak ditemukan." : "Berkas tidak dapat dibaca.");
		return;
	}
	rs->fd = fd;
	rs->fd_size = size;
	rs->ctype = "application/pdf";
	rs->cache = "private, no-store";
	rs->disposition = arena_printf(r->ar, "attachment; filename=\"%.*s\"",
	    (int)name.len, name.p).p;
}

void
h_letter(struct req *r, struct resp *rs)
{
	struct s_letter l;
	int fd = -1;
	int64_t size = 0;
	enum sel_err rc;

	if (!hc_logged_in(r, rs))
		return;
	rc = app_letter_open(r->app, r->ar, &r->who, r->ids[0], r->ids[1], &l,
	    &fd, &size);
	send_file(r, rs, rc, fd, size, l.name);
}

void
h_report_doc(struct req *r, struct resp *rs)
{
	struct s_report_doc d;
	int fd = -1;
	int64_t size = 0;
	enum sel_err rc;

	if (!hc_logged_in(r, rs))
		return;
	memset(&d, 0, sizeof d);
	rc = app_report_doc_open(r->app, r->ar, &r->who, r->ids[0], r->ids[1],
	    &d, &fd, &size);
	send_file(r, rs, rc, fd, size, d.name);
}

/* ---- the report page's parts ---- */

static void
docs_list(const struct cctx *c, const struct report_view *rv)
{
	if (rv->ndocs == 0)
		return;
	H(c->p, "<h2>Dokumen laporan (PDF bertanda tangan)</h2><ol>");
	for (size_t i = 0; i < rv->ndocs; i++) {
		const struct s_report_doc *d = &rv->docs[i];

		H(c->p, "<li><a");
		HA(c->p, "href", arena_printf(c->r->ar, "/kelola/%" PRId64
		    "/laporan/dokumen/%" PRId64 ".pdf", d->selection_id,
		    d->seq));
		H(c->p, ">");
		h_text(c->p, d->title);
		H(c->p, "</a> <span class=\"small\">");
		h_text(c->p, d->name);
		H(c->p, ", SHA-256 <code>");
		h_text(c->p, d->sha256);
		H(c->p, "</code>");
		if (d->signature.len > 0)
			H(c->p, ", ditandatangani dengan kunci daerah");
		H(c->p, "</span></li>");
	}
	H(c->p, "</ol>");
}

static const struct s_report_copy *
copy_sent(const struct report_view *rv, struct str to)
{
	for (size_t i = 0; i < rv->nsent_copies; i++)
		if (str_eq(rv->sent_copies[i].recipient, to))
			return &rv->sent_copies[i];
	return NULL;
}

static void
dispatch_form(const struct cctx *c, size_t i, const struct appt_copy *cp)
{
	int64_t v = (int64_t)i + 1;	/* the form's number on the page */

	hc_form_open(c, v, "laporan/tembusan");
	H(c->p, "<input type=\"hidden\" name=\"to\"");
	HA(c->p, "value", cp->to);
	H(c->p, ">");
	hc_date_field(c, v, "tembusan", "dispatched_on", "Tanggal dikirim");
	hc_line_field(c, v, "tembusan", "means", "Cara pengiriman (surat "
	    "tercatat, e-mail dinas, aplikasi)");
	hc_line_field(c, v, "tembusan", "number", "Nomor surat atau tanda "
	    "kirim");
	hc_bad_text(c, v, "tembusan", "to");
	H(c->p, "<button type=\"submit\">Catat pengiriman</button></form>");
}

static void
copies_list(const struct cctx *c, const struct report_view *rv)
{
	const struct sel_view *v = &rv->cv.rk.sel;

	if (rv->ncopies == 0)
		return;
	H(c->p, "<h2>Tembusan</h2><ul class=\"rules\">");
	for (size_t i = 0; i < rv->ncopies; i++) {
		const struct appt_copy *cp = &rv->copies[i];
		const struct s_report_copy *s = copy_sent(rv, cp->to);

		H(c->p, "<li");
		HA(c->p, "id", arena_printf(c->r->ar, "jabatan-%zu", i + 1));
		H(c->p, "><strong>");
		h_text(c->p, cp->to);
		H(c->p, "</strong> <span class=\"small\">(APPT-REPORT, ");
		h_text(c->p, v->profile->cite);
		H(c->p, " ");
		h_text(c->p, cp->citation);
		H(c->p, ")</span>");
		if (s != NULL) {
			H(c->p, "<p class=\"done\">Dikirim ");
			h_date_str(c->p, s->dispatched_on);
			H(c->p, " melalui ");
			h_text(c->p, s->means);
			H(c->p, ", nomor ");
			h_text(c->p, s->number);
			H(c->p, " <span class=\"small\">(dicatat oleh ");
			h_text(c->p, s->recorded_by);
			H(c->p, ")</span></p>");
		} else if (rv->may_dispatch)
			dispatch_form(c, i, cp);
		else
			H(c->p, "<p>Belum dikirim.</p>");
		H(c->p, "</li>");
	}
	H(c->p, "</ul>");
}

static void
followup_part(const struct cctx *c, const struct report_view *rv)
{
	if (!rv->has_rec || !rv->rec.binding)
		return;
	H(c->p, "<h2>Tindak lanjut rekomendasi</h2>");
	if (rv->has_followup) {
		H(c->p, "<p class=\"done\">");
		h_text(c->p, rv->followup.action);
		H(c->p, " (tanggal ");
		h_date_str(c->p, rv->followup.done_on);
		H(c->p, ", surat nomor ");
		h_text(c->p, rv->followup.letter_no);
		H(c->p, ").");
		hc_letter_link(c, rv->followup_file, "Surat tindak lanjut");
		H(c->p, " <span class=\"small\">(dicatat oleh ");
		h_text(c->p, rv->followup.recorded_by);
		H(c->p, ")</span></p>");
		return;
	}
	H(c->p, "<p>Rekomendasi ini mengikat: pengangkatan dan pelantikan "
	    "menunggu tindak lanjutnya dicatat.</p>");
	if (!rv->may_followup)
		return;
	hc_file_form_open(c, 0, "laporan/tindaklanjut");
	hc_text_field(c, 0, "tindaklanjut", "action", "Tindak lanjut yang "
	    "dilakukan");
	hc_date_field(c, 0, "tindaklanjut", "done_on", "Tanggal");
	hc_line_field(c, 0, "tindaklanjut", "letter_no", "Nomor surat");
	hc_letter_field(c, 0, "tindaklanjut", "Surat tindak lanjut");
	H(c->p, "<button type=\"submit\">Catat tindak lanjut</button></form>");
}

void
hc_report_letters(const struct cctx *c, const struct report_view *rv)
{
	docs_list(c, rv);
	copies_list(c, rv);
	followup_part(c, rv);
}
