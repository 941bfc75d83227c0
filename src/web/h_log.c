/*
 * h_log.c - the verifiable log's public pages (docs/log.md): the region's
 * public key (/kunci), the checkpoints (/log/checkpoint, newest;
 * /log/checkpoints, all), consistency and inclusion proofs, and each
 * publication's signed statement.  Plain text where a program reads it;
 * never cached (a cosignature may be stored by another process).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <microhttpd.h>

#include "app/log.h"
#include "web/web.h"
#include "base/banned.h"

#define TEXT_TYPE	"text/plain; charset=utf-8"

static void
text(struct resp *rs, struct str t)
{
	rs->ctype = TEXT_TYPE;
	rs->cache = "no-cache";
	buf_putstr(&rs->pg.b, t);
}

static void
text_error(struct resp *rs, unsigned status, const char *msg)
{
	buf_reset(&rs->pg.b);
	rs->status = status;
	rs->ctype = TEXT_TYPE;
	rs->cache = "no-store";
	buf_printf(&rs->pg.b, "%s\n", msg);
}

static void
key_block(struct page *p, const char *what, const struct note_key *k)
{
	struct buf b;

	buf_init(&b, 4096);
	note_vkey_text(k, &b);
	H(p, "<h2>");
	h_textc(p, what);
	H(p, "</h2><dl><dt>Nama</dt><dd><code>");
	h_textc(p, k->name);
	H(p, "</code></dd><dt>Nomor kunci (key id)</dt><dd><code>");
	h_textf(p, "%08" PRIx32, k->id);
	H(p, "</code></dd><dt>Kunci publik</dt><dd><code class=\"hash\">");
	h_textc(p, b.p);
	H(p, "</code></dd></dl>");
	buf_release(&b);
}

void
h_log_key(struct req *r, struct resp *rs)
{
	struct page *p = &rs->pg;
	struct note_key k;

	rs->cache = "no-cache";
	page_begin(r, rs, "Kunci publik dan jejak audit terverifikasi");
	if (!app_log_key(r->app, &k)) {
		H(p, "<p>Server ini berjalan tanpa kunci tanda tangan: "
		    "terbitan dan titik periksa jejak audit tidak "
		    "ditandatangani.</p>");
		page_end(r, rs);
		return;
	}
	H(p, "<p>Setiap terbitan (pengumuman, adendum, hasil seleksi "
	    "administrasi, hasil setiap tahap) ditandatangani dengan kunci "
	    "Ed25519 instansi ini. Jejak audit adalah pohon Merkle (RFC 6962); "
	    "titik periksanya ditandatangani pada setiap terbitan dan "
	    "ditandatangani bersama (cosign) oleh pengawas dengan kuncinya "
	    "sendiri.</p>");
	key_block(p, "Kunci instansi", &k);
	if (app_log_witness(r->app, &k))
		key_block(p, "Kunci pengawas (saksi)", &k);
	H(p, "<h2>Titik periksa</h2><ul>"
	    "<li><a href=\"/log/checkpoint\">Titik periksa terbaru</a></li>"
	    "<li><a href=\"/log/checkpoints\">Semua titik periksa</a></li>"
	    "</ul><p>Periksa tanpa mempercayai server: simpan kunci publik "
	    "di atas sebagai berkas, unduh titik periksa, lalu jalankan "
	    "<code>selter audit verify --bundle BERKAS --checkpoints "
	    "titik.txt --key kunci.pub</code> pada bundel ekspor jejak "
	    "(<code>selter audit export</code>).</p>");
	page_end(r, rs);
}

static void
checkpoints(struct req *r, struct resp *rs, bool all)
{
	struct str t;
	enum sel_err rc = app_log_checkpoints(r->app, r->ar, all, &t);

	if (rc == SEL_ENOENT)
		text_error(rs, MHD_HTTP_NOT_FOUND, "Belum ada titik periksa.");
	else if (rc != SEL_OK)
		text_error(rs, 500, "Titik periksa tidak dapat dibaca.");
	else
		text(rs, t);
}

void
h_log_checkpoint(struct req *r, struct resp *rs)
{
	checkpoints(r, rs, false);
}

void
h_log_checkpoints(struct req *r, struct resp *rs)
{
	checkpoints(r, rs, true);
}

/* A number of the query; false when absent or not one. */
static bool
qnum(struct req *r, const char *name, int64_t *v)
{
	return parse_i64(req_query(r, name), 0, INT64_MAX, v) == SEL_OK;
}

void
h_log_proof(struct req *r, struct resp *rs)
{
	int64_t old, size;
	char err[256];
	struct str t;

	if (!qnum(r, "old", &old) || !qnum(r, "new", &size)) {
		text_error(rs, MHD_HTTP_BAD_REQUEST, "Parameter old dan new: "
		    "ukuran pohon (bilangan).");
		return;
	}
	if (app_log_proof(r->app, r->ar, old, size, &t, err, sizeof err) !=
	    SEL_OK) {
		text_error(rs, MHD_HTTP_BAD_REQUEST, err);
		return;
	}
	text(rs, t);
}

void
h_log_inclusion(struct req *r, struct resp *rs)
{
	int64_t id, size;
	char err[256];
	struct str t;

	if (!qnum(r, "event", &id) || !qnum(r, "size", &size)) {
		text_error(rs, MHD_HTTP_BAD_REQUEST, "Parameter event dan size: "
		    "nomor peristiwa dan ukuran pohon (bilangan).");
		return;
	}
	if (app_log_inclusion(r->app, r->ar, id, size, &t, err, sizeof err) !=
	    SEL_OK) {
		text_error(rs, MHD_HTTP_BAD_REQUEST, err);
		return;
	}
	text(rs, t);
}

void
h_log_pub(struct req *r, struct resp *rs)
{
	struct str note;

	if (app_log_pub_note(r->app, r->ar, r->ids[0], &note) != SEL_OK) {
		text_error(rs, MHD_HTTP_NOT_FOUND, "Terbitan ini tidak "
		    "mempunyai pernyataan bertanda tangan.");
		return;
	}
	text(rs, note);
}
