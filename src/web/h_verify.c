/*
 * h_verify.c - the public verify page of a document (issue 13 item 4):
 * the QR code and the short code on each PDF lead here.
 *
 *   GET /verifikasi            a form for the short code (?kode=...)
 *   GET /verifikasi/CODE       the document of CODE: what it is, which
 *                              publication and audit event it belongs to,
 *                              its content's SHA-256, the SHA-256 of its
 *                              PDF rendered again now and whether that
 *                              matches the one recorded at publication.
 *
 * The confidential ranking shows only that it exists, when and to whom
 * it was sent, and its content's hash: its PDF is each reader's own.
 */
#include <stdio.h>
#include <string.h>

#include <microhttpd.h>

#include "app/docpdf.h"
#include "base/arena.h"
#include "web/label.h"
#include "web/web.h"
#include "base/banned.h"

#define PUBLIC_CACHE	"public, max-age=60"

static void
dt(struct page *p, const char *label)
{
	H(p, "<tr><th scope=\"row\">");
	h_textc(p, label);
	H(p, "</th><td>");
}

static void
code_cell(struct page *p, const char *label, struct str v)
{
	dt(p, label);
	H(p, "<code>");
	h_text(p, v);
	H(p, "</code></td></tr>");
}

static const char *
kind_label(const struct doc_check *c)
{
	if (c->kind == DOC_RANKING)
		return "Peringkat akhir yang disampaikan (rahasia)";
	if (c->kind == DOC_RECEIPT)
		return "Tanda terima pendaftaran";
	if (c->kind == DOC_MINUTES)
		return "Berita acara penutupan tahap seleksi";
	switch (c->pub.kind) {
	case PUB_ANNOUNCEMENT:	return "Pengumuman seleksi";
	case PUB_ADDENDUM:	return "Pengumuman perubahan (adendum)";
	case PUB_ADM_RESULT:	return "Hasil seleksi administrasi";
	case PUB_STAGE_RESULT:	return "Hasil tahapan seleksi";
	default:		return "Dokumen";
	}
}

/* Where the PDF and the page of a publication are. */
static void
pub_links(struct req *r, struct page *p, const struct doc_check *c)
{
	long long sel = (long long)c->pub.selection_id;

	dt(p, "Dokumen");
	H(p, "<a");
	HA(p, "href", arena_printf(r->ar, "/seleksi/%lld/dokumen/%lld.pdf",
	    sel, (long long)c->pub.id));
	H(p, ">PDF</a> · <a");
	HA(p, "href", arena_printf(r->ar, "/seleksi/%lld", sel));
	H(p, ">halaman seleksi</a></td></tr>");
}

static void
match_row(struct page *p, const struct doc_check *c)
{
	dt(p, "Pemeriksaan");
	if (c->recorded.len == 0)
		H(p, "<strong>Sidik PDF tidak tercatat</strong> pada peristiwa "
		    "penerbitan (dokumen diterbitkan sebelum PDF dicatat); "
		    "isinya dijamin oleh sidik isi dokumen yang tercatat.");
	else if (c->pdf_sha.len > 0 && str_eq(c->recorded, c->pdf_sha))
		H(p, "<strong class=\"ok\">Cocok</strong>: PDF yang disusun "
		    "ulang sekarang sama dengan yang tercatat pada jejak "
		    "audit.");
	else
		H(p, "<strong class=\"bad\">TIDAK COCOK</strong>: PDF yang "
		    "disusun ulang sekarang berbeda dari yang tercatat.");
	H(p, "</td></tr>");
}

void
h_verify(struct req *r, struct resp *rs)
{
	struct doc_check *c = arena_alloc(r->ar, sizeof *c);
	struct page *p = &rs->pg;
	struct str zone;
	enum sel_err rc = app_doc_check(r->app, r->ar, r->word, c);

	if (rc != SEL_OK) {
		page_error(r, rs, rc == SEL_ENOENT ? MHD_HTTP_NOT_FOUND :
		    web_status(rc), rc == SEL_ENOENT ? "Kode verifikasi tidak "
		    "dikenal: periksa kembali kode pada dokumen." :
		    "Dokumen tidak dapat diperiksa.");
		return;
	}
	zone = sel_zone(&c->sel);
	rs->cache = PUBLIC_CACHE;
	page_begin(r, rs, "Verifikasi dokumen");
	H(p, "<p>Kode <strong>");
	h_text(p, c->code);
	H(p, "</strong> dikenal: dokumen ini diterbitkan melalui selter.</p>"
	    SCROLL("Dokumen") "<table><caption>Dokumen</caption><tbody>");
	dt(p, "Jenis");
	h_textc(p, kind_label(c));
	H(p, "</td></tr>");
	dt(p, "Seleksi");
	h_text(p, c->sel.s.f[SF_TITLE]);
	H(p, " (");
	h_text(p, c->sel.region.name);
	H(p, ")</td></tr>");
	if (c->kind == DOC_PUB) {
		dt(p, "Judul");
		h_text(p, c->pub.title);
		H(p, "</td></tr>");
		dt(p, "Diterbitkan");
		h_when(p, c->pub.published_at, zone);
		H(p, ", ditandatangani ");
		h_text(p, c->pub.signed_by);
		H(p, "</td></tr>");
	} else if (c->kind == DOC_RANKING) {
		dt(p, "Disampaikan");
		h_when(p, c->ranking.sent_at, zone);
		H(p, " kepada ");
		h_textc(p, str_eqc(c->ranking.to_role, "ppk") ?
		    web_role_label(ROLE_PPK) : web_role_label(ROLE_PYB));
		H(p, " oleh ");
		h_text(p, c->ranking.sent_by);
		H(p, "; isinya rahasia dan tidak ditampilkan di sini.</td></tr>");
	} else if (c->kind == DOC_MINUTES) {
		enum flow_state st;

		dt(p, "Tahap");
		h_textc(p, flow_stage_parse(c->close.stage, &st) ?
		    flow_state_label(st) : "");
		H(p, "</td></tr>");
		dt(p, "Ditutup");
		h_when(p, c->close.closed_at, zone);
		H(p, " oleh ");
		h_text(p, c->close.closed_by);
		H(p, "; berita acara untuk panitia dan pengawas.</td></tr>");
	} else {
		dt(p, "Nomor pendaftaran");
		h_text(p, c->appl.reg_no);
		H(p, "</td></tr>");
		dt(p, "Jabatan");
		h_text(p, c->appl.vacancy_title);
		H(p, "</td></tr>");
		dt(p, "Dikirim");
		h_when(p, c->appl.submitted_at, zone);
		H(p, "</td></tr>");
	}
	code_cell(p, "Sidik isi dokumen (SHA-256)", c->content_sha);
	if (c->pdf_sha.len > 0)
		code_cell(p, "Sidik PDF (SHA-256)", c->pdf_sha);
	if (c->event_id > 0) {
		dt(p, "Peristiwa jejak audit");
		h_textf(p, "nomor %lld (", (long long)c->event_id);
		h_text(p, c->action);
		H(p, ")</td></tr>");
	}
	if (c->kind == DOC_PUB) {
		if (c->recorded.len > 0)
			code_cell(p, "Sidik PDF tercatat", c->recorded);
		match_row(p, c);
		pub_links(r, p, c);
	}
	H(p, "</tbody></table></div><p class=\"small\">Bandingkan sidik PDF "
	    "dengan berkas yang Anda pegang, misalnya dengan <code>sha256sum "
	    "berkas.pdf</code>: sama berarti berkas itu adalah dokumen ini, "
	    "tanpa perubahan satu bita pun.</p>");
	h_audit_head(r, p);
	page_end(r, rs);
}

void
h_verify_form(struct req *r, struct resp *rs)
{
	struct page *p = &rs->pg;
	struct str k = str_trim(req_query(r, "kode"));

	if (k.len > 0 && k.len <= 16) {
		char code[16];
		size_t n = 0;

		/* "ABCDE-FGHJK" or "abcdefghjk", as typed. */
		for (size_t i = 0; i < k.len && n < 11; i++) {
			char ch = k.p[i];

			if (ch >= 'A' && ch <= 'Z')
				ch = (char)(ch - 'A' + 'a');
			if (ch >= 'a' && ch <= 'z') {
				if (n == 5)
					code[n++] = '-';
				code[n++] = ch;
			}
		}
		if (n == 11) {
			resp_redirect(rs, arena_printf(r->ar, "/verifikasi/"
			    "%.*s", (int)n, code).p);
			return;
		}
	}
	page_begin(r, rs, "Verifikasi dokumen");
	if (k.len > 0)
		h_msg(p, false, "Kode verifikasi terdiri atas 10 huruf, "
		    "misalnya ABCDE-FGHJK.");
	H(p, "<p>Setiap dokumen PDF yang diterbitkan selter memuat kode QR dan "
	    "kode verifikasi. Ketik kode itu untuk memeriksa dokumen.</p>"
	    "<form method=\"get\" action=\"/verifikasi\"><label for=\"kode\">"
	    "Kode verifikasi</label><input id=\"kode\" name=\"kode\" "
	    "maxlength=\"16\" autocomplete=\"off\"><button type=\"submit\">"
	    "Periksa</button></form>");
	page_end(r, rs);
}
