/*
 * h_record_sum.c - the applicant's stored record in short, on the
 * applicant's page: what each part says, or that it was not stated
 * (which leaves the rules that need it "belum lengkap").
 */
#include <microhttpd.h>

#include "app/record_form.h"
#include "web/web.h"
#include "base/banned.h"

static void
sum_row(struct page *p, const char *th)
{
	H(p, "<tr><th scope=\"row\">");
	h_textc(p, th);
	H(p, "</th><td>");
}

/* "tidak diisi" / "tidak ada" for an optional list; true when it lists. */
static bool
sum_list(struct page *p, bool has, size_t n)
{
	if (!has)
		H(p, "<em>tidak diisi</em>");
	else if (n == 0)
		H(p, "tidak ada");
	return has && n > 0;
}

static void
sum_posts(struct page *p, const struct candidate *c)
{
	H(p, "<ul>");
	for (size_t i = 0; i < c->nposts; i++) {
		const struct cpost *q = &c->posts[i];

		H(p, "<li>");
		h_text(p, q->title.len > 0 ? q->title : STR("(tanpa nama)"));
		H(p, " (");
		h_textc(p, label_cpost_kind[q->kind]);
		if (q->echelon >= 0) {
			H(p, ", eselon ");
			h_textc(p, vocab_echelon[q->echelon]);
		}
		if (q->jf_level >= 0) {
			H(p, ", ");
			h_textc(p, label_jf[q->jf_level]);
		}
		if (q->acting)
			H(p, ", Plt");
		H(p, "), ");
		h_date(p, q->start);
		H(p, " sampai ");
		if (q->open)
			H(p, "sekarang");
		else
			h_date(p, q->end);
		H(p, "</li>");
	}
	H(p, "</ul></td></tr>");
}

static void
sum_background(struct page *p, const struct candidate *c)
{
	sum_row(p, "Nama");
	h_text(p, c->name);
	H(p, "</td></tr>");
	sum_row(p, "Status kepegawaian");
	h_textc(p, label_employment[c->employment]);
	H(p, "</td></tr>");
	sum_row(p, "Instansi");
	h_text(p, c->agency.name);
	H(p, " (");
	h_textc(p, label_agency_kind[c->agency.kind]);
	if (c->agency.province.len > 0) {
		H(p, ", ");
		h_text(p, c->agency.province);
	}
	H(p, ")</td></tr>");
	sum_row(p, "Pangkat/golongan");
	h_textc(p, label_grade[c->grade]);
	H(p, "</td></tr>");
	sum_row(p, "Pendidikan");
	for (size_t i = 0; i < c->nedu; i++) {
		if (i > 0)
			H(p, "; ");
		h_textc(p, label_edu[c->edu[i].level]);
		if (c->edu[i].major.len > 0) {
			H(p, " ");
			h_text(p, c->edu[i].major);
		}
	}
	H(p, "</td></tr>");
	sum_row(p, "Sertifikat");
	if (sum_list(p, c->has_certs, c->ncerts))
		for (size_t i = 0; i < c->ncerts; i++) {
			if (i > 0)
				H(p, "; ");
			h_text(p, c->certs[i]);
		}
	H(p, "</td></tr>");
	sum_row(p, "Diklat kepemimpinan");
	if (sum_list(p, c->has_training, c->training))
		for (int t = 0, k = 0; t < TR__N; t++)
			if (c->training & (1u << t)) {
				if (k++ > 0)
					H(p, "; ");
				h_textc(p, label_training[t]);
			}
	H(p, "</td></tr>");
}

static void
sum_conduct(struct page *p, const struct candidate *c)
{
	sum_row(p, "Hukuman");
	for (size_t i = 0; i < c->npens; i++) {
		if (i > 0)
			H(p, "; ");
		h_textc(p, label_pen_kind[c->pens[i].kind]);
		if (c->pens[i].level >= 0) {
			H(p, " ");
			h_textc(p, label_pen_level[c->pens[i].level]);
		}
		if (c->pens[i].has_decided) {
			H(p, " (");
			h_date(p, c->pens[i].decided);
			H(p, ")");
		}
	}
	(void)sum_list(p, c->has_pens, c->npens);
	H(p, "</td></tr>");
	sum_row(p, "Sedang menjalani pemeriksaan");
	if (c->under_exam == TRI_ABSENT)
		H(p, "<em>tidak diisi</em>");
	else
		h_textc(p, c->under_exam == TRI_YES ? "ya" : "tidak");
	H(p, "</td></tr>");
	sum_row(p, "Penilaian kinerja");
	(void)sum_list(p, c->has_perf, c->nperf);
	for (size_t i = 0; i < c->nperf; i++) {
		if (i > 0)
			H(p, "; ");
		h_int(p, c->perf[i].year);
		H(p, ": ");
		h_textc(p, label_rating[c->perf[i].rating]);
	}
	H(p, "</td></tr>");
	sum_row(p, "Rekomendasi");
	if (!c->has_rec) {
		H(p, "<em>tidak diisi</em>");
	} else {
		h_textc(p, label_rec_by[c->rec_by]);
		if (c->rec_ppk_approved != TRI_ABSENT)
			h_textc(p, c->rec_ppk_approved == TRI_YES ?
			    ", disetujui PPK" : ", belum disetujui PPK");
	}
	H(p, "</td></tr>");
	if (c->decl[CD_NO_MPP] != TRI_ABSENT) {
		sum_row(p, "Pernyataan tidak mengajukan MPP");
		h_textc(p, c->decl[CD_NO_MPP] == TRI_YES ? "ya" : "tidak");
		H(p, "</td></tr>");
	}
}

void
h_record_summary(struct req *r, struct page *p, struct str record)
{
	struct candidate c;
	struct str why;

	if (record.len == 0)
		return;
	if (app_record_decode(r->ar, record, &c, &why) != SEL_OK) {
		H(p, "<p>Data riwayat tersimpan tidak dapat dibaca (");
		h_text(p, why);
		H(p, ").</p>");
		return;
	}
	H(p, SCROLL("Ringkasan data riwayat")
	    "<table class=\"summary\"><caption>Ringkasan data riwayat"
	    "</caption><tbody>");
	sum_background(p, &c);
	sum_row(p, "Riwayat jabatan");
	sum_posts(p, &c);
	sum_conduct(p, &c);
	H(p, "</tbody></table></div>");
}
