/*
 * h_export.c - the exports (issue 12 item 5): a closed stage's scores,
 * the final ranking and the administrative result, each as CSV or XLSX
 * (?format=csv|xlsx), for the committee and the oversight body (the
 * ranking also for the PyB and the PPK once sent; app/export.h checks
 * it).  Each is a download (Content-Disposition: attachment, a safe ASCII
 * name), never cached.  The tables are written by web/export.c.
 */
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <microhttpd.h>

#include "app/export.h"
#include "base/arena.h"
#include "core/date.h"
#include "web/export.h"
#include "web/label.h"
#include "web/web.h"
#include "base/banned.h"

#define CT_CSV	"text/csv; charset=utf-8; header=present"
#define CT_XLSX	"application/vnd.openxmlformats-officedocument." \
	"spreadsheetml.sheet"

void
h_export_links(struct page *p, int64_t sel, const char *what)
{
	enum flow_state s;
	const char *dir = web_stage_parse(str_c(what), &s) ? "nilai/" : "";

	H(p, "<p class=\"export\">Unduh: <a href=\"/kelola/");
	h_int(p, sel);
	H(p, "/ekspor/");
	h_textc(p, dir);
	h_textc(p, what);
	H(p, "?format=xlsx\">XLSX</a> · <a href=\"/kelola/");
	h_int(p, sel);
	H(p, "/ekspor/");
	h_textc(p, dir);
	h_textc(p, what);
	H(p, "?format=csv\">CSV</a>");
	/* pdf: a closed stage's minutes (berita acara), h_minutes.c */
	if (*dir != '\0') {
		H(p, " · <a href=\"/kelola/");
		h_int(p, sel);
		H(p, "/tahap/");
		h_textc(p, what);
		H(p, "/berita-acara.pdf\">Berita acara (PDF)</a>");
	}
	H(p, "</p>");
}

/* 0: CSV, 1: XLSX, -1: neither (answered 400). */
static int
format_of(struct req *r, struct resp *rs)
{
	struct str f = req_query(r, "format");

	if (str_eqc(f, "csv"))
		return 0;
	if (str_eqc(f, "xlsx"))
		return 1;
	page_error(r, rs, MHD_HTTP_BAD_REQUEST, "Format ekspor harus csv atau "
	    "xlsx (?format=csv atau ?format=xlsx).");
	return -1;
}

static bool
logged_in(struct req *r, struct resp *rs)
{
	if (r->who.account_id != 0)
		return true;
	resp_redirect(rs, "/masuk");
	return false;
}

/* printf of any length into the request's arena (arena_printf cuts at
 * 1023 bytes; a reason or a citation may be longer). */
static struct str	textf(struct req *, const char *, ...)
			    __attribute__((format(printf, 2, 3)));

static struct str
textf(struct req *r, const char *f, ...)
{
	struct buf b;
	struct str s;
	va_list ap;

	buf_init(&b, 1u << 20);
	va_start(ap, f);
	buf_vprintf(&b, f, ap);
	va_end(ap);
	s.p = arena_strndup(r->ar, b.p != NULL ? b.p : "", b.len);
	s.len = b.len;
	buf_release(&b);
	return s;
}

/* An instant from the store in the selection's zone, or as it is. */
static struct str
when(struct req *r, const struct sel_view *v, struct str iso)
{
	int64_t t;

	return date_instant_parse(iso, &t) == SEL_OK ? app_when(r->ar, t,
	    v->profile) : iso;
}

static void
meta_common(struct xsheet *x, const struct sel_view *v)
{
	xs_meta(x, "Seleksi", v->s.f[SF_TITLE]);
	xs_meta(x, "Wilayah", v->region.name);
}

static void
meta_ties(struct req *r, struct xsheet *x, const struct sel_view *v,
    const struct xp_tie *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		xs_meta(x, arena_printf(r->ar, "Keputusan seri (%.*s)",
		    (int)t[i].vacancy.len, t[i].vacancy.p).p, textf(r,
		    "urutan %.*s; alasan: %.*s; %.*s, %s", (int)t[i].order.len,
		    t[i].order.p, (int)t[i].reason.len, t[i].reason.p,
		    (int)t[i].decided_by.len, t[i].decided_by.p,
		    when(r, v, t[i].decided_at).p));
}

static void
meta_end(struct req *r, struct xsheet *x, const struct xp_meta *m)
{
	xs_meta(x, "Diekspor", m->exported);
	xs_meta(x, "Diekspor (UTC)", m->exported_iso);
	xs_meta(x, "Kepala jejak audit", m->head);
	xs_meta(x, "Pemeriksaan", arena_printf(r->ar, "selter audit verify "
	    "--db BERKAS --head %.*s", (int)m->head.len, m->head.p));
	xs_meta(x, "Kerahasiaan", STR("Dokumen panitia seleksi; bukan untuk "
	    "diumumkan."));
}

/* Answers with the table: the CSV in the body, the XLSX from a file. */
static void
send_sheet(struct req *r, struct resp *rs, const struct xsheet *x, int fmt,
    const struct sel_view *v, const char *what)
{
	char path[64], err[256];
	struct stat st;
	int y, mo, d, fd, k;

	date_ymd(v->today, &y, &mo, &d);
	rs->cache = "private, no-store";
	rs->disposition = arena_printf(r->ar, "attachment; filename=\"selter-"
	    "%" PRId64 "-%s-%04d%02d%02d.%s\"", v->s.id, what, y, mo, d,
	    fmt ? "xlsx" : "csv").p;
	if (fmt == 0) {
		rs->ctype = CT_CSV;
		buf_reset(&rs->pg.b);
		xs_csv(x, &rs->pg.b);
		return;
	}
	/* mkstemp's template: the prefix, then the six 'X' it replaces. */
	k = snprintf(path, sizeof path, "/tmp/selter-xlsx-");
	memset(path + k, 'X', 6);
	path[k + 6] = '\0';
	fd = mkstemp(path);
	if (fd < 0 || (close(fd), xs_xlsx(x, path, err, sizeof err)) !=
	    SEL_OK || (fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 ||
	    fstat(fd, &st) != 0) {
		if (fd >= 0)
			close(fd);
		unlink(path);
		rs->disposition = NULL;
		page_error(r, rs, MHD_HTTP_INTERNAL_SERVER_ERROR, "Berkas XLSX "
		    "tidak dapat dibuat.");
		return;
	}
	unlink(path);		/* the open descriptor keeps it until sent */
	rs->ctype = CT_XLSX;
	rs->fd = fd;
	rs->fd_size = st.st_size;
}

/* ---- a closed stage's scores ---- */

static const char *
outcome_label(struct str o)
{
	return str_eqc(o, "passed") ? "lulus" : str_eqc(o, "failed") ?
	    "tidak lulus" : str_eqc(o, "absent") ? "tidak hadir" :
	    str_eqc(o, "tied") ? "seri" : "";
}

static void
stage_sheet(struct req *r, struct xsheet *x, const struct xp_stage *s)
{
	size_t base = s->coded ? 4 : 3, ncol = base + s->nr + 3, col;
	const char *label = app_stage_label(s->stage);

	xs_init(x, r->ar, arena_printf(r->ar, "Nilai tahap: %s", label),
	    ncol);
	x->name = arena_printf(r->ar, "Nilai %s", web_stage_slug(s->stage));
	xs_head(x, 0, STR("Nomor pendaftaran"));
	xs_head(x, 1, STR("Nama"));
	xs_head(x, 2, STR("Lowongan"));
	if (s->coded)
		xs_head(x, 3, STR("Kode"));
	for (size_t k = 0; k < s->nr; k++)
		xs_head(x, base + k, s->r[k].assessor ? arena_printf(r->ar,
		    "%.*s (asesor)", (int)s->r[k].name.len, s->r[k].name.p) :
		    s->r[k].name);
	xs_head(x, base + s->nr, STR("Jumlah penilai"));
	xs_head(x, base + s->nr + 1, STR("Nilai tahap"));
	xs_head(x, base + s->nr + 2, STR("Hasil"));
	for (size_t i = 0; i < s->nc; i++) {
		const struct xp_cand *c = &s->c[i];
		size_t row = xs_row(x);

		xs_text(x, row, 0, c->a.reg_no);
		xs_text(x, row, 1, c->a.name);
		xs_text(x, row, 2, c->a.vacancy_title);
		if (s->coded)
			xs_text(x, row, 3, c->code);
		for (size_t k = 0; k < s->nr; k++) {
			col = base + k;
			if (c->score[k] == XP_RECUSED)
				xs_text(x, row, col, STR("rekusal"));
			else if (c->score[k] >= 0)
				xs_fix2(x, row, col, c->score[k]);
		}
		xs_int(x, row, base + s->nr, c->s.count);
		if (c->mean >= 0)
			xs_fix2(x, row, base + s->nr + 1, c->mean);
		xs_text(x, row, base + s->nr + 2, str_c(outcome_label(
		    c->outcome)));
	}
	meta_common(x, &s->sel);
	xs_meta(x, "Tahap", str_c(label));
	xs_meta(x, "Ditutup", textf(r, "%s oleh %.*s",
	    when(r, &s->sel, s->closed_at).p, (int)s->closed_by.len,
	    s->closed_by.p));
	xs_meta(x, "Keputusan panitia", s->decision);
	xs_meta(x, "Nilai", STR("0-100 dengan dua desimal. Nilai tahap = "
	    "rata-rata nilai penilai yang tidak rekusal, dibulatkan setengah "
	    "ke atas menjadi dua desimal."));
	xs_meta(x, "rekusal", STR("Penilai menyatakan konflik kepentingan "
	    "dengan peserta itu: tidak menilai dan tidak dihitung."));
	meta_ties(r, x, &s->sel, s->ties, s->nties);
	meta_end(r, x, &s->meta);
}

void
h_export_stage(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	struct xp_stage s;
	struct xsheet x;
	enum flow_state st;
	enum sel_err rc;
	int fmt;

	if (!logged_in(r, rs) || (fmt = format_of(r, rs)) < 0)
		return;
	if (!web_stage_parse(r->word, &st)) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Tahap tidak dikenal.");
		return;
	}
	rc = app_export_stage(r->app, r->ar, &r->who, r->ids[0], st, &s, &m);
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), m.text[0] != '\0' ? m.text :
		    "Ekspor gagal.");
		return;
	}
	stage_sheet(r, &x, &s);
	send_sheet(r, rs, &x, fmt, &s.sel, arena_printf(r->ar, "nilai-%s",
	    web_stage_slug(st)).p);
}

/* ---- the final ranking ---- */

static void
ranking_sheet(struct req *r, struct xsheet *x, const struct xp_ranking *k)
{
	size_t ncol = 4 + k->ncols + 3, last = 4 + k->ncols;
	struct buf w;

	xs_init(x, r->ar, STR("Peringkat akhir"), ncol);
	xs_head(x, 0, STR("Lowongan"));
	xs_head(x, 1, STR("Peringkat"));
	xs_head(x, 2, STR("Nomor pendaftaran"));
	xs_head(x, 3, STR("Nama"));
	for (size_t c = 0; c < k->ncols; c++)
		xs_head(x, 4 + c, arena_printf(r->ar, "Nilai %s",
		    label_stage[k->cols[c]]));
	xs_head(x, last, STR("Nilai akhir"));
	xs_head(x, last + 1, STR("Seri"));
	xs_head(x, last + 2, STR("Tiga terbaik"));
	meta_common(x, &k->sel);
	for (size_t v = 0; v < k->rk.nvac; v++) {
		const struct ranking_vac *rv = &k->rk.vac[v];
		const struct rank_out *o = &rv->out;

		for (size_t i = 0; i < rv->n; i++) {
			const struct ranking_row *rw = &rv->rows[i];
			const struct ranked *e = rw->r;
			size_t row = xs_row(x);

			xs_text(x, row, 0, rv->title);
			xs_int(x, row, 1, e->rank);
			xs_text(x, row, 2, e->id);
			xs_text(x, row, 3, rw->name);
			for (size_t c = 0; c < k->ncols; c++)
				if (e->s[k->cols[c]].present)
					xs_fix2(x, row, 4 + c, stage_display(
					    &e->s[k->cols[c]]));
			xs_fix2(x, row, last, e->final);
			xs_text(x, row, last + 1, e->tie ? STR("seri") :
			    STR(""));
			/* SCORE-TOP3 after the committee's decision of a tie
			   at the cut-off (SCORE-TIES), as the ranking page */
			xs_text(x, row, last + 2, rw->shortlisted ? STR("ya") :
			    rw->tied_at_cut && !rv->has_tie ? STR("seri pada "
			    "batas: diputuskan panitia") : STR(""));
		}
		for (size_t i = 0; i < o->nrules; i++)
			xs_meta(x, arena_printf(r->ar, "%s (%.*s)",
			    rule_name(o->rules[i].id), (int)rv->title.len,
			    rv->title.p).p, textf(r, "%.*s %.*s",
			    (int)o->rules[i].detail.len, o->rules[i].detail.p,
			    (int)o->rules[i].citation.len,
			    o->rules[i].citation.p));
	}
	buf_init(&w, 512);
	for (int s = 0; s < ST__N; s++) {
		if (w.len > 0)
			buf_puts(&w, ", ");
		buf_printf(&w, "%s %" PRId64 ".%02" PRId64 "%%", label_stage[s],
		    k->sel.weights.w[s] / 100, k->sel.weights.w[s] % 100);
	}
	xs_meta(x, "Bobot", arena_printf(r->ar, "%s", w.p != NULL ? w.p :
	    ""));
	buf_release(&w);
	xs_meta(x, "Dikirim", k->sent ? arena_printf(r->ar, "kepada %s, %s",
	    str_eqc(k->sent_to, "pyb") ? "PyB" : "PPK", when(r, &k->sel,
	    k->sent_at).p) : STR("belum dikirim kepada PyB/PPK"));
	meta_ties(r, x, &k->sel, k->ties, k->nties);
	meta_end(r, x, &k->meta);
}

void
h_export_ranking(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	struct xp_ranking k;
	struct xsheet x;
	enum sel_err rc;
	int fmt;

	if (!logged_in(r, rs) || (fmt = format_of(r, rs)) < 0)
		return;
	rc = app_export_ranking(r->app, r->ar, &r->who, r->ids[0], &k, &m);
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), m.text[0] != '\0' ? m.text :
		    "Ekspor gagal.");
		return;
	}
	ranking_sheet(r, &x, &k);
	send_sheet(r, rs, &x, fmt, &k.sel, "peringkat-akhir");
}

/* ---- the administrative result ---- */

static void
adm_sheet(struct req *r, struct xsheet *x, const struct xp_adm *a)
{
	const struct adm_view *v = &a->v;

	xs_init(x, r->ar, STR("Hasil seleksi administrasi"), 11);
	x->name = STR("Seleksi administrasi");
	static const char *const head[] = { "Lowongan", "Nomor pendaftaran",
	    "NIP", "Nama", "Pemeriksaan awal", "Berkas", "Catatan berkas",
	    "Keputusan", "Alasan", "Pengecualian", "Alasan pengecualian" };
	for (size_t c = 0; c < 11; c++)
		xs_head(x, c, str_c(head[c]));
	for (size_t k = 0; k < v->nvac; k++)
		for (size_t i = 0; i < v->nrows; i++) {
			const struct s_adm *e = &v->rows[i];
			size_t row;

			if (e->a.vacancy_id != v->vac[k].vacancy_id ||
			    app_state(&e->a) != FA_SUBMITTED)
				continue;
			row = xs_row(x);
			xs_text(x, row, 0, v->vac[k].title);
			xs_text(x, row, 1, e->a.reg_no);
			xs_text(x, row, 2, a->nip[i]);
			xs_text(x, row, 3, e->a.name);
			xs_text(x, row, 4, lbl_verdict(e->a.verdict));
			xs_text(x, row, 5, str_c(e->complete < 0 ?
			    "belum diperiksa" : e->complete ? "lengkap" :
			    "tidak lengkap"));
			xs_text(x, row, 6, e->check_note);
			xs_text(x, row, 7, str_c(e->passed < 0 ?
			    "belum diputuskan" : e->passed ? "lulus" :
			    "tidak lulus"));
			xs_text(x, row, 8, e->reason);
			xs_text(x, row, 9, e->ov_rules);
			xs_text(x, row, 10, e->ov_reason);
		}
	meta_common(x, &v->sel);
	xs_meta(x, "Status", v->published ? arena_printf(r->ar, "diumumkan "
	    "%s", when(r, &v->sel, v->sel.s.f[SF_ADM_PUBLISHED_AT]).p) :
	    STR("belum diumumkan: keputusan dapat berubah"));
	meta_end(r, x, &a->meta);
}

void
h_export_adm(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	struct xp_adm a;
	struct xsheet x;
	enum sel_err rc;
	int fmt;

	if (!logged_in(r, rs) || (fmt = format_of(r, rs)) < 0)
		return;
	rc = app_export_adm(r->app, r->ar, &r->who, r->ids[0], &a, &m);
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), m.text[0] != '\0' ? m.text :
		    "Ekspor gagal.");
		return;
	}
	adm_sheet(r, &x, &a);
	send_sheet(r, rs, &x, fmt, &a.v.sel, "hasil-administrasi");
}
