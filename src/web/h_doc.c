/*
 * h_doc.c - the documents selter publishes, rendered once, at
 * publication, from the selection as it stands in the publishing
 * transaction (app_config.render): the announcement and its addenda.
 * The store keeps the bytes; the public pages show those bytes, so
 * nothing done after publication changes what was published.
 */
#include <string.h>

#include "app/prep.h"
#include "app/result.h"
#include "base/arena.h"
#include "core/profile.h"
#include "web/web.h"
#include "base/banned.h"

#define DOC_MAX		(256 * 1024)

static void
section(struct page *p, const char *title)
{
	H(p, "<h2>");
	h_textc(p, title);
	H(p, "</h2>");
}

static void
paragraphs(struct page *p, struct str s)
{
	H(p, "<p class=\"pre\">");
	h_text(p, s);
	H(p, "</p>");
}

static void
signature(struct page *p, const struct profile *pf, struct str at,
    struct str signer)
{
	sel_date d;

	H(p, "<p class=\"sign\">Ditetapkan ");
	if (app_local_day(pf, at, &d))
		h_date(p, d);
	else
		h_text(p, at);
	H(p, "<br>Ketua Panitia Seleksi,<br><strong>");
	h_text(p, signer);
	H(p, "</strong></p>");
}

static void
announcement(struct page *p, const struct sel_view *v)
{
	const struct profile *pf = v->profile;

	H(p, "<p class=\"lead\">Nomor pengumuman: ");
	h_text(p, v->s.f[SF_ANN_NUMBER]);
	H(p, "<br>");
	h_text(p, v->region.name);
	H(p, "</p><p>Masa pendaftaran: ");
	h_date(p, v->open);
	H(p, " sampai ");
	h_date(p, v->close);
	H(p, " (batas akhir pendaftaran ");
	h_date(p, v->close);
	H(p, ").</p>");
	if (!v->win_err) {
		H(p, "<ul class=\"rules\">");
		h_rule(p, &v->win.rule);
		H(p, "</ul>");
	}

	section(p, "Jabatan yang lowong");
	H(p, SCROLL("Lowongan") "<table><caption>Lowongan</caption><thead>"
	    "<tr><th scope=\"col\">Jabatan</th><th scope=\"col\">Jenis</th>"
	    "<th scope=\"col\">Eselon</th></tr></thead><tbody>");
	for (size_t i = 0; i < v->nvac; i++) {
		H(p, "<tr><td>");
		h_text(p, v->vac[i].title);
		H(p, "</td><td>");
		h_textc(p, prep_label(vocab_level, label_level,
		    v->vac[i].level));
		H(p, "</td><td>");
		h_text(p, v->vac[i].echelon);
		H(p, "</td></tr>");
	}
	H(p, "</tbody></table></div>");

	section(p, "Tugas jabatan dan standar kompetensi");
	paragraphs(p, v->s.f[SF_PLAN_DUTIES]);
	paragraphs(p, v->s.f[SF_PLAN_STANDARD]);

	section(p, "Persyaratan administrasi dan dokumen");
	H(p, "<ul>");
	for (size_t i = 0; i < pf->ndocuments; i++) {
		H(p, "<li>");
		h_text(p, pf->documents[i].label);
		H(p, " <cite>");
		h_text(p, pf->documents[i].citation);
		H(p, "</cite></li>");
	}
	H(p, "</ul><p>Persyaratan jabatan yang diperiksa (ELIG-*) dan "
	    "dasar hukumnya tercantum dalam ");
	h_text(p, pf->regulation);
	H(p, ".</p>");

	section(p, "Tahapan, jadwal dan sistem seleksi");
	H(p, SCROLL("Jadwal") "<table><caption>Jadwal</caption><thead>"
	    "<tr><th scope=\"col\">Tahapan</th><th scope=\"col\">Tanggal</th>"
	    "</tr></thead><tbody>");
	for (size_t i = 0; i < v->nstages; i++) {
		H(p, "<tr><td>");
		h_textc(p, prep_label(prep_stage_ids, prep_stage_labels,
		    v->stages[i].stage));
		H(p, "</td><td>");
		h_date_str(p, v->stages[i].starts_on);
		if (!str_eq(v->stages[i].starts_on, v->stages[i].ends_on)) {
			H(p, " sampai ");
			h_date_str(p, v->stages[i].ends_on);
		}
		H(p, "</td></tr>");
	}
	H(p, "</tbody></table></div>");
	paragraphs(p, v->s.f[SF_PLAN_METHODS]);
	paragraphs(p, v->s.f[SF_PLAN_SYSTEM]);

	section(p, "Ketentuan lain");
	H(p, "<ul><li>Pelamar menandatangani pakta integritas.</li>"
	    "<li>Lamaran ditujukan kepada panitia seleksi.</li>");
	if (profile_rule_any(pf, R_ANN_NO_FEE) != NULL)
		H(p, "<li>Seleksi tidak dipungut biaya apa pun.</li>");
	H(p, "<li>Keputusan panitia seleksi bersifat final.</li></ul>");
	if (v->s.f[SF_ANN_TEXT].len > 0)
		paragraphs(p, v->s.f[SF_ANN_TEXT]);

	section(p, "Sekretariat panitia seleksi");
	paragraphs(p, v->region.secretariat);

	signature(p, pf, v->s.f[SF_PUBLISHED_AT], v->s.f[SF_SIGNED_BY]);
	H(p, "<p class=\"small\">Dasar hukum: ");
	h_text(p, pf->regulation);
	H(p, ". Rencana seleksi telah disampaikan kepada ");
	h_text(p, v->region.oversight);
	if (v->s.f[SF_REC_REF].len > 0) {
		H(p, "; rekomendasi nomor ");
		h_text(p, v->s.f[SF_REC_REF]);
	}
	H(p, ".</p>");
}

/* Who passed the administrative selection, per vacancy, as signed. */
static void
adm_result(struct page *p, const struct adm_view *v)
{
	H(p, "<p>");
	h_text(p, v->sel.s.f[SF_TITLE]);
	H(p, ". Peserta yang lulus seleksi administrasi dan mengikuti tahap "
	    "berikutnya, dengan nomor pendaftaran dan nama.</p>");
	for (size_t k = 0; k < v->nvac; k++) {
		H(p, SCROLL("Hasil per lowongan") "<table><caption>");
		h_text(p, v->vac[k].title);
		H(p, "</caption><thead><tr><th scope=\"col\">Nomor pendaftaran"
		    "</th><th scope=\"col\">Nama</th></tr></thead><tbody>");
		for (size_t i = 0; i < v->nrows; i++) {
			const struct s_adm *x = &v->rows[i];

			if (x->a.vacancy_id != v->vac[k].vacancy_id ||
			    x->passed != 1)
				continue;
			H(p, "<tr><td>");
			h_text(p, x->a.reg_no);
			H(p, "</td><td>");
			h_text(p, x->a.name);
			H(p, "</td></tr>");
		}
		H(p, "</tbody></table></div>");
		if (v->vac[k].has_min) {
			H(p, "<ul class=\"rules\">");
			h_rule(p, &v->vac[k].min);
			H(p, "</ul>");
		}
	}
	signature(p, v->sel.profile, v->sel.s.f[SF_ADM_PUBLISHED_AT],
	    v->sel.s.f[SF_ADM_SIGNED_BY]);
	H(p, "<p class=\"small\">Setiap pelamar melihat alasan keputusan "
	    "atas lamarannya di halaman pelamar. Keputusan panitia seleksi "
	    "bersifat final; pengaduan dapat disampaikan kepada ");
	h_text(p, v->sel.region.oversight);
	H(p, ".</p>");
}

enum sel_err
web_render_doc(struct arena *ar, const struct pub_src *src,
    struct str *html)
{
	struct page p;
	enum sel_err rc;

	page_init(&p, DOC_MAX);
	switch (src->kind) {
	case PUB_ANNOUNCEMENT:
		announcement(&p, src->sel);
		break;
	case PUB_ADM_RESULT:
		if (src->adm == NULL) {
			page_release(&p);
			return SEL_EINVAL;
		}
		adm_result(&p, src->adm);
		break;
	case PUB_STAGE_RESULT:		/* result */
		web_doc_stage(ar, &p, ((const struct result_src *)
		    (const void *)src)->stage);
		break;
	case PUB__N:			/* result: the ranking sent */
		web_doc_ranking(ar, &p, ((const struct result_src *)
		    (const void *)src)->ranking);
		break;
	default:
		/* An addendum's sentence; its date and signer are the
		   publication's own columns, as fixed as its body. */
		paragraphs(&p, src->text);
		break;
	}
	rc = p.b.err;
	if (rc == SEL_OK)
		*html = (struct str){ arena_strndup(ar, p.b.p, p.b.len),
		    p.b.len };
	page_release(&p);
	return rc;
}
