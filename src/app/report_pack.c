/*
 * report_pack.c - the report pack as PDF documents (issue 14 item 3),
 * made from the data when the report is sent: per closed stage its
 * minutes with the committee's decision and every rater's scores, its
 * published result (the assessment's is the assessment results) and its
 * recomputation sheet; the PPK's choice with the special consultations;
 * and the covering letter listing them all with their SHA-256.  Each PDF
 * is deterministic (its dates are the data's), kept under its SHA-256
 * like the letters, and signed with the region's key as a signed note
 * (core/note.h) naming the selection, the document and its hash.
 */
#include <inttypes.h>
#include <string.h>

#include "app/app_int.h"
#include "app/docpdf.h"
#include "app/export.h"
#include "app/letters.h"
#include "app/log_int.h"
#include "app/report_int.h"
#include "base/arena.h"
#include "base/buf.h"
#include "core/note.h"
#include "core/profile.h"
#include "base/banned.h"

#define MAX_DOCS	(3 * FL__N + 2)

/* Text for the page builder's HTML: & < > " escaped. */
static void
esc(struct buf *b, struct str s)
{
	for (size_t i = 0; i < s.len; i++)
		switch (s.p[i]) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default: buf_putc(b, s.p[i]);
		}
}

static void
tag(struct buf *b, const char *t, struct str s)
{
	buf_printf(b, "<%s>", t);
	esc(b, s);
	buf_printf(b, "</%s>", t[0] == 'p' && t[1] == ' ' ? "p" : t);
}

static struct str
done(struct arena *ar, struct buf *b)
{
	return (struct str){ arena_strndup(ar, b->p, b->len), b->len };
}

struct pack {
	struct app	*a;
	struct stx	*tx;
	struct arena	*ar;
	const struct report_view *rv;
	const struct who *w;
	struct str	 at;		/* the sending: every PDF's date */
	struct s_report_doc *d;
	size_t		 n;
};

/* A signed note over the document's name and hash ("": no key). */
static struct str
sign(struct pack *k, struct str name, struct str sha)
{
	struct app *a = k->a;
	struct buf b;
	struct str text, out;

	if (a->log == NULL || !a->log->signing)
		return STR("");
	buf_init(&b, 1 << 12);
	buf_printf(&b, "%s\nreport document\nselection %" PRId64 "\nname "
	    "%.*s\nsha256 %.*s\n", a->log->key.name, k->rv->cv.rk.sel.s.id,
	    (int)name.len, name.p, (int)sha.len, sha.p);
	text = done(k->ar, &b);
	buf_puts(&b, "\n");
	note_sign(&a->log->key, text, &b);
	out = b.err == SEL_OK ? done(k->ar, &b) : STR("");
	buf_release(&b);
	return out;
}

/* Keeps pdf as the pack's next document. */
static enum sel_err
add(struct pack *k, struct str name, struct str title, struct str pdf)
{
	struct s_report_doc *d = &k->d[k->n];
	char hex[65];
	enum sel_err rc;

	if (k->n == MAX_DOCS)
		return SEL_ERANGE;
	memset(d, 0, sizeof *d);
	if ((rc = letters_blob_put(k->a, k->ar, pdf, hex, &d->size)) !=
	    SEL_OK)
		return rc;
	d->selection_id = k->rv->cv.rk.sel.s.id;
	d->seq = (int64_t)k->n + 1;
	d->name = name;
	d->title = title;
	d->sha256 = (struct str){ arena_strndup(k->ar, hex, 64), 64 };
	d->signature = sign(k, name, d->sha256);
	if ((rc = store_report_doc_add(k->tx, d)) != SEL_OK)
		return rc;
	k->n++;
	return SEL_OK;
}

static struct str
sender_post(const struct pack *k)
{
	const struct sel_view *v = &k->rv->cv.rk.sel;

	if (app_has_role(k->w, ROLE_CHAIR, v->s.region_id, v->s.id))
		return STR("Ketua Panitia Seleksi");
	if (app_has_role(k->w, ROLE_PPK, v->s.region_id, v->s.id))
		return STR("Pejabat Pembina Kepegawaian");
	return STR("Sekretariat Panitia Seleksi");
}

/* A letter of the pack made from html. */
static enum sel_err
letter(struct pack *k, const char *name, const char *kind, struct str
    subject, struct str number, struct str html)
{
	struct app_doc d;
	struct str pdf;
	enum sel_err rc;

	memset(&d, 0, sizeof d);
	d.sel = &k->rv->cv.rk.sel;
	d.r_kind = str_c(kind);
	d.r_number = number;
	d.r_subject = subject;
	d.r_html = html;
	d.r_signer = k->w->name;
	d.r_post = sender_post(k);
	d.r_at = k->at;
	d.r_title = subject;
	if ((rc = app_report_pdf(k->a, k->ar, &d, &pdf)) != SEL_OK)
		return rc;
	return add(k, str_c(name), subject, pdf);
}

/* The recomputation sheet: its hash and its lines, as published. */
static struct str
sheet_html(struct arena *ar, const struct s_publication *p)
{
	struct str sha = app_sha256_hex(ar, p->sheet);
	struct buf b;
	struct str out;
	size_t i = 0;

	buf_init(&b, 1 << 22);
	buf_puts(&b, "<p>Lembar perhitungan ulang yang diterbitkan bersama "
	    "hasil tahap ini (masukan <code>selter rank</code>, satu baris "
	    "per jabatan). SHA-256 lembar: ");
	esc(&b, sha);
	buf_puts(&b, "</p>");
	while (i < p->sheet.len) {
		size_t j = i;

		while (j < p->sheet.len && p->sheet.p[j] != '\n')
			j++;
		buf_puts(&b, "<p class=\"small\">");
		/* a space after each comma: the line may wrap */
		for (size_t x = i; x < j; x++) {
			esc(&b, (struct str){ p->sheet.p + x, 1 });
			if (p->sheet.p[x] == ',')
				buf_putc(&b, ' ');
		}
		buf_puts(&b, "</p>");
		i = j + 1;
	}
	out = done(ar, &b);
	buf_release(&b);
	return out;
}

static enum flow_state
stage_of(struct str id)
{
	for (int s = 0; s < FL__N; s++)
		if (flow_stage_id((enum flow_state)s) != NULL &&
		    str_eqc(id, flow_stage_id((enum flow_state)s)))
			return (enum flow_state)s;
	return FL__N;
}

/* Per closed stage: the minutes, the result, the sheet. */
static enum sel_err
stages(struct pack *k)
{
	const struct sel_view *v = &k->rv->cv.rk.sel;
	struct s_stage_close *cl;
	struct s_publication *pub;
	size_t ncl, npub;
	enum sel_err rc;

	if ((rc = store_stage_closes(k->tx, k->ar, v->s.id, &cl, &ncl)) ||
	    (rc = store_publications(k->tx, k->ar, v->s.id, &pub, &npub)))
		return rc;
	for (size_t i = 0; i < ncl; i++) {
		enum flow_state st = stage_of(cl[i].stage);
		const struct s_publication *p = NULL;
		const char *label;
		struct xp_stage *x;
		struct str pdf;

		if (st == FL__N)
			continue;
		label = app_stage_label(st);
		x = arena_alloc(k->ar, sizeof *x);
		if ((rc = export_stage_tx(k->a, k->tx, k->ar, v->s.id, st,
		    x)) != SEL_OK ||
		    (rc = app_minutes_pdf_of(k->a, k->ar, v->s.id, x, &pdf)) ||
		    (rc = add(k, arena_printf(k->ar, "berita-acara-%.*s.pdf",
		    (int)cl[i].stage.len, cl[i].stage.p), arena_printf(k->ar,
		    "Berita acara, keputusan panitia dan nilai tahap %s",
		    label), pdf)))
			return rc;
		for (size_t j = 0; j < npub; j++)
			if (pub[j].kind == PUB_STAGE_RESULT &&
			    str_eq(pub[j].stage, cl[i].stage))
				p = &pub[j];	/* the latest */
		if (p == NULL)
			continue;
		if ((rc = app_pub_pdf(k->a, k->ar, v, p, &pdf)) != SEL_OK ||
		    (rc = add(k, arena_printf(k->ar, "hasil-%.*s.pdf",
		    (int)cl[i].stage.len, cl[i].stage.p), arena_printf(k->ar,
		    "%s tahap %s", st == FL_ASSESS ? "Hasil asesmen" :
		    "Hasil", label), pdf)) ||
		    (rc = letter(k, arena_printf(k->ar, "lembar-%.*s.pdf",
		    (int)cl[i].stage.len, cl[i].stage.p).p, "Lembar Perhitungan",
		    arena_printf(k->ar, "Lembar perhitungan ulang tahap %s",
		    label), STR(""), sheet_html(k->ar, p))))
			return rc;
	}
	return SEL_OK;
}

static void
consult_html(struct buf *b, const struct consult_item *it)
{
	buf_puts(b, "<li>");
	esc(b, str_c(rule_name(it->c.rule)));
	buf_puts(b, " (");
	esc(b, it->c.citation);
	buf_puts(b, "): ");
	esc(b, it->c.what);
	buf_puts(b, " ");
	esc(b, it->c.with);
	for (int i = 0; i < 2; i++) {
		const struct s_consult *c = i == 0 ? it->sent : it->answer;
		const struct s_letter *f = i == 0 ? it->sent_file :
		    it->answer_file;

		if (c == NULL)
			continue;
		buf_puts(b, i == 0 ? "; surat nomor " : "; jawaban nomor ");
		esc(b, c->letter_no);
		buf_puts(b, " tanggal ");
		esc(b, c->letter_on);
		if (f != NULL) {
			buf_puts(b, " (berkas SHA-256 ");
			esc(b, f->sha256);
			buf_puts(b, ")");
		}
	}
	buf_puts(b, "</li>");
}

/* The PPK's choice per vacancy, with the best 3 and the consultations. */
static enum sel_err
choice(struct pack *k)
{
	const struct choice_view *cv = &k->rv->cv;
	struct buf b;
	struct str html;

	buf_init(&b, 1 << 20);
	for (size_t i = 0; i < cv->nvac; i++) {
		const struct choice_vac *x = &cv->vac[i];

		tag(&b, "h2", x->rv->title);
		buf_puts(&b, "<table><caption>Tiga calon terbaik yang "
		    "disampaikan panitia</caption><tr><th>Peringkat</th>"
		    "<th>Nomor pendaftaran</th><th>Nama</th><th>Nilai akhir"
		    "</th></tr>");
		for (size_t j = 0; j < x->n; j++) {
			int64_t f = x->c[j].row->r->final;

			buf_printf(&b, "<tr><td>%d</td><td>",
			    x->c[j].row->r->rank);
			esc(&b, x->c[j].reg_no);
			buf_puts(&b, "</td><td>");
			esc(&b, x->c[j].name);
			buf_printf(&b, "</td><td>%" PRId64 ",%02" PRId64
			    "</td></tr>", f / 100, f % 100);
		}
		buf_puts(&b, "</table>");
		if (x->chosen) {
			buf_puts(&b, "<p>Dipilih: <b>");
			esc(&b, x->choice.reg_no);
			buf_puts(&b, " ");
			esc(&b, x->choice.name);
			buf_puts(&b, "</b>, tanggal ");
			esc(&b, x->choice.chosen_on);
			buf_puts(&b, ", dicatat oleh ");
			esc(&b, x->choice.recorded_by);
			buf_puts(&b, ".</p>");
			tag(&b, "p", x->choice.reason);
		} else
			buf_puts(&b, "<p>Tanpa pilihan.</p>");
		if (x->niv > 0)
			buf_printf(&b, "<p>Wawancara PPK dengan tiga calon: %zu "
			    "kali.</p>", x->niv);
		if (x->nit > 0) {
			buf_puts(&b, "<p>Konsultasi khusus:</p><ul>");
			for (size_t j = 0; j < x->nit; j++)
				consult_html(&b, &x->it[j]);
			buf_puts(&b, "</ul>");
		}
	}
	html = done(k->ar, &b);
	buf_release(&b);
	return letter(k, "pilihan-ppk.pdf", "Pilihan PPK", STR("Pilihan "
	    "Pejabat Pembina Kepegawaian dari tiga calon terbaik"), STR(""),
	    html);
}

/* The covering letter: what the pack holds, the copies. */
static enum sel_err
cover(struct pack *k, struct str no, struct str on)
{
	const struct report_view *rv = k->rv;
	const struct sel_view *v = &rv->cv.rk.sel;
	struct buf b;
	struct str html;
	enum sel_err rc;

	buf_init(&b, 1 << 20);
	buf_puts(&b, "<p>Dengan hormat, bersama ini kami sampaikan laporan "
	    "hasil seleksi terbuka ");
	esc(&b, v->s.f[SF_TITLE]);
	buf_puts(&b, " dan permohonan rekomendasi kepada ");
	esc(&b, rv->to);
	buf_puts(&b, " (surat tanggal ");
	esc(&b, on);
	buf_puts(&b, "), sebelum pelantikan.</p><table><caption>Isi berkas "
	    "laporan</caption><tr><th>Berkas</th><th>Isi</th><th>SHA-256"
	    "</th></tr>");
	for (size_t i = 0; i < k->n; i++) {
		buf_puts(&b, "<tr><td>");
		esc(&b, k->d[i].name);
		buf_puts(&b, "</td><td>");
		esc(&b, k->d[i].title);
		buf_puts(&b, "</td><td>");
		esc(&b, k->d[i].sha256);
		buf_puts(&b, "</td></tr>");
	}
	buf_puts(&b, "</table><p>Berkas data laporan (JSON, "
	    "docs/report-format.md) menyertai dokumen ini.</p>");
	if (rv->ncopies > 0) {
		buf_puts(&b, "<p>Tembusan:</p><ul>");
		for (size_t i = 0; i < rv->ncopies; i++) {
			buf_puts(&b, "<li>");
			esc(&b, rv->copies[i].to);
			buf_puts(&b, " (");
			esc(&b, v->profile->cite);
			buf_puts(&b, " ");
			esc(&b, rv->copies[i].citation);
			buf_puts(&b, ")</li>");
		}
		buf_puts(&b, "</ul>");
	}
	html = done(k->ar, &b);
	buf_release(&b);
	rc = letter(k, "surat-pengantar.pdf", "Laporan Hasil Seleksi",
	    arena_printf(k->ar, "Laporan hasil seleksi dan permohonan "
	    "rekomendasi: %.*s", (int)v->s.f[SF_TITLE].len,
	    v->s.f[SF_TITLE].p), no, html);
	return rc;
}

enum sel_err
report_pack_make(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, const struct report_view *rv, struct str no,
    struct str on, struct str at, struct s_report_doc **docs, size_t *n)
{
	struct pack k = { a, tx, ar, rv, w, at, NULL, 0 };
	enum sel_err rc;

	*docs = NULL;
	*n = 0;
	if (a->pdf == NULL)
		return SEL_OK;		/* no renderer: the JSON alone */
	k.d = arena_array(ar, MAX_DOCS, sizeof *k.d);
	if ((rc = stages(&k)) != SEL_OK || (rc = choice(&k)) != SEL_OK ||
	    (rc = cover(&k, no, on)) != SEL_OK)
		return rc;
	*docs = k.d;
	*n = k.n;
	return SEL_OK;
}
