/*
 * h_result_doc.c - the documents of the results, rendered once when they
 * are signed (h_doc.c's web_render_doc calls these): a stage's public
 * result and the confidential ranking sent to the PyB or the PPK.  The
 * store keeps the bytes; nothing done later changes them.
 *
 * Each ranked row carries its rank, registration number and score as
 * data attributes (data-rank, data-id, data-score: hundredths with a dot,
 * as `selter rank` prints them) so that a reader can check the page
 * against `selter rank` on its sheet by machine; people read the score
 * with the Indonesian decimal comma ("78,50").
 */
#include <string.h>

#include "app/result.h"
#include "base/arena.h"
#include "base/buf.h"
#include "core/profile.h"
#include "web/label.h"
#include "web/web.h"
#include "base/banned.h"

static void
score_id(struct page *p, int64_t v)
{
	struct buf b;

	buf_init(&b, 64);
	result_id_fixed2(&b, v);
	h_text(p, (struct str){ b.p, b.len });
	buf_release(&b);
}

/* A score for machines: "78.50". */
static struct str
dot(struct arena *ar, int64_t v)
{
	return arena_printf(ar, "%lld.%02lld", (long long)(v / 100),
	    (long long)(v % 100));
}

static const char *
outcome_label(struct str o)
{
	if (str_eqc(o, "passed"))
		return "lolos";
	if (str_eqc(o, "failed"))
		return "tidak lolos";
	if (str_eqc(o, "absent"))
		return "tidak hadir (dianggap mengundurkan diri)";
	return "nilai sama, diputuskan panitia";
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
		H(p, "(belum ditetapkan)");
	H(p, "<br>Ketua Panitia Seleksi,<br><strong>");
	h_text(p, signer);
	H(p, "</strong></p>");
}

static void
stage_vacancy(struct arena *ar, struct page *p, const struct result_view *rv,
    const struct result_vac *x)
{
	const char *slug = web_stage_slug(rv->stage);
	/* the health unit's result is met (100) or not met (0) */
	bool health = rv->stage == FL_HEALTH;

	H(p, SCROLL("Hasil per jabatan") "<table class=\"result\"");
	HAI(p, "data-vacancy", x->vacancy_id);
	H(p, "><caption>");
	h_text(p, x->title);
	H(p, "</caption><thead><tr><th scope=\"col\">Peringkat</th>"
	    "<th scope=\"col\">Nomor pendaftaran</th><th scope=\"col\">Nama"
	    "</th>");
	if (rv->show_scores && health)
		H(p, "<th scope=\"col\">Hasil tes kesehatan</th>");
	else if (rv->show_scores)
		H(p, "<th scope=\"col\">Nilai tahap</th>");
	H(p, "<th scope=\"col\">Keterangan</th></tr></thead><tbody>");
	for (size_t i = 0; i < x->n; i++) {
		const struct result_cand *c = &x->c[i];

		H(p, "<tr");
		HA(p, "data-id", c->o.reg_no);
		if (c->rank > 0) {
			HAI(p, "data-rank", c->rank);
			if (rv->show_scores)
				HA(p, "data-score", dot(ar, c->score));
		}
		/* data-label: a phone stacks the cells (css.c) */
		H(p, "><td data-label=\"Peringkat\">");
		if (c->rank > 0) {
			h_int(p, c->rank);
			if (c->tie)
				H(p, " (seri)");
		} else
			H(p, "—");
		H(p, "</td><td data-label=\"Nomor pendaftaran\">");
		h_text(p, c->o.reg_no);
		H(p, "</td><td data-label=\"Nama\">");
		h_text(p, c->o.name);
		H(p, "</td>");
		if (rv->show_scores) {
			if (health)
				H(p, "<td data-label=\"Hasil tes kesehatan\">");
			else
				H(p, "<td data-label=\"Nilai tahap\">");
			if (health && c->score == 100 * SCORE_ONE)
				H(p, "Memenuhi syarat");
			else if (health && c->score == 0)
				H(p, "Tidak memenuhi syarat");
			else if (c->score >= 0)
				score_id(p, c->score);
			else
				H(p, "—");
			H(p, "</td>");
		}
		H(p, "<td data-label=\"Keterangan\">");
		h_textc(p, outcome_label(c->o.outcome));
		H(p, "</td></tr>");
	}
	H(p, "</tbody></table></div>");
	for (size_t i = 0; i < x->nties; i++) {
		if (x->ties[i].vacancy_id != x->vacancy_id)
			continue;
		H(p, "<p class=\"tie\">Keputusan panitia atas nilai yang sama "
		    "(SCORE-TIES): ");
		h_text(p, x->ties[i].reason);
		H(p, "</p>");
	}
	if (rv->show_scores && slug != NULL) {
		H(p, "<p class=\"small\">Lembar hitung ulang: <a");
		HA(p, "href", arena_printf(ar, "/seleksi/%lld/hasil/%s/"
		    "lembar/%lld.json", (long long)rv->sel.s.id, slug,
		    (long long)x->vacancy_id));
		H(p, ">lembar.json</a> (<code>selter rank --profile ");
		h_text(p, rv->sel.profile->id);
		H(p, " --scores lembar.json</code>).</p>");
	}
}

void
web_doc_stage(struct arena *ar, struct page *p, const struct result_view *rv)
{
	const struct profile *pf = rv->sel.profile;
	const struct prof_rule *sr = profile_rule_any(pf,
	    flow_stage_rule(rv->stage));
	sel_date d;

	H(p, "<p>");
	h_text(p, rv->sel.s.f[SF_TITLE]);
	H(p, ". Hasil tahap <strong>");
	h_textc(p, flow_state_label(rv->stage));
	H(p, "</strong>");
	if (sr != NULL) {
		H(p, " <cite>");
		h_text(p, sr->citation);
		H(p, "</cite>");
	}
	H(p, ", ditutup panitia ");
	if (app_local_day(pf, rv->close.closed_at, &d))
		h_date(p, d);
	H(p, ".</p><h2>Keputusan panitia seleksi</h2><p class=\"pre\">");
	h_text(p, rv->close.decision);
	H(p, "</p><h2>Peserta menurut peringkat</h2>");
	if (rv->ranked)
		H(p, "<p>Peringkat menurut nilai tahap (rata-rata nilai "
		    "penilai yang tidak mengundurkan diri, dibulatkan setengah "
		    "ke atas menjadi 2 desimal); nilai yang sama adalah seri "
		    "dengan peringkat yang sama.</p>");
	else
		H(p, "<p>Tahap ini menentukan memenuhi syarat atau tidak; "
		    "peserta diurutkan menurut nomor pendaftaran.</p>");
	for (size_t k = 0; k < rv->nvac; k++)
		stage_vacancy(ar, p, rv, &rv->vac[k]);
	H(p, "<ul class=\"rules\">");
	h_rule(p, &rv->publish);
	H(p, "</ul>");
	if (!rv->show_scores)
		H(p, "<p>Panitia tidak mengumumkan nilai tahap ini (pilihan "
		    "panitia menurut SCORE-PUBLISH); yang diumumkan adalah "
		    "peserta yang berhak mengikuti tahap berikutnya.</p>");
	signature(p, pf, rv->pub.published_at, rv->pub.signed_by);
	H(p, "<p class=\"small\">Keputusan panitia seleksi bersifat final; "
	    "pengaduan dapat disampaikan kepada ");
	h_text(p, rv->sel.region.oversight);
	H(p, ".</p>");
}

static void
ranking_vacancy(struct arena *ar, struct page *p, const struct ranking_view *rv,
    const struct ranking_vac *x)
{
	H(p, "<h2>");
	h_text(p, x->title);
	H(p, "</h2>");
	if (x->why.len > 0) {
		H(p, "<p class=\"wait\">");
		h_text(p, x->why);
		H(p, "</p>");
		return;
	}
	H(p, SCROLL("Peringkat") "<table class=\"ranking\"");
	HAI(p, "data-vacancy", x->vacancy_id);
	H(p, "><caption>Peringkat nilai akhir</caption><thead><tr>"
	    "<th scope=\"col\">Peringkat</th><th scope=\"col\">Nomor "
	    "pendaftaran</th><th scope=\"col\">Nama</th>");
	for (int k = 0; k < ST__N; k++)
		if (rv->sel.weights.w[k] > 0) {
			H(p, "<th scope=\"col\">");
			h_textc(p, label_stage[k]);
			H(p, "</th>");
		}
	H(p, "<th scope=\"col\">Nilai akhir</th><th scope=\"col\">Tiga "
	    "terbaik</th></tr></thead><tbody>");
	for (size_t i = 0; i < x->n; i++) {
		const struct ranking_row *w = &x->rows[i];

		H(p, "<tr");
		HA(p, "data-id", w->r->id);
		HAI(p, "data-rank", w->r->rank);
		HA(p, "data-final", dot(ar, w->r->final));
		if (w->shortlisted)
			H(p, " data-short=\"1\"");
		if (w->tied_at_cut)
			H(p, " data-cut=\"1\"");
		H(p, "><td data-label=\"Peringkat\">");
		h_int(p, w->r->rank);
		if (w->r->tie)
			H(p, " (seri)");
		H(p, "</td><td data-label=\"Nomor pendaftaran\">");
		h_text(p, w->r->id);
		H(p, "</td><td data-label=\"Nama\">");
		h_text(p, w->name);
		H(p, "</td>");
		for (int k = 0; k < ST__N; k++) {
			if (rv->sel.weights.w[k] <= 0)
				continue;
			H(p, "<td");
			HA(p, "data-label", str_c(label_stage[k]));
			H(p, ">");
			if (w->r->s[k].present)
				score_id(p, stage_display(&w->r->s[k]));
			H(p, "</td>");
		}
		H(p, "<td data-label=\"Nilai akhir\">");
		score_id(p, w->r->final);
		H(p, "</td><td data-label=\"Tiga terbaik\">");
		if (w->shortlisted)
			H(p, "ya");
		else if (w->tied_at_cut)
			H(p, "nilai sama pada batas");
		H(p, "</td></tr>");
	}
	H(p, "</tbody></table></div><ul class=\"rules\">");
	for (size_t i = 0; i < x->out.nrules; i++)
		if (x->out.rules[i].id != R_SCORE_TOP3)
			h_rule(p, &x->out.rules[i]);
	h_rule(p, &x->sl.rule);
	H(p, "</ul>");
	if (x->has_tie) {
		H(p, "<p class=\"tie\">Keputusan panitia atas nilai yang sama "
		    "pada batas (SCORE-TIES): ");
		h_text(p, x->tie.reason);
		H(p, "</p>");
	}
}

void
web_doc_ranking(struct arena *ar, struct page *p, const struct ranking_view *rv)
{
	H(p, "<p class=\"lead\"><strong>RAHASIA.</strong> ");
	h_text(p, rv->sel.s.f[SF_TITLE]);
	H(p, ", ");
	h_text(p, rv->sel.region.name);
	H(p, ". Peringkat nilai akhir dan tiga calon terbaik setiap jabatan, "
	    "disampaikan kepada ");
	h_textc(p, web_role_label(rv->route.to));
	H(p, ".</p><ul class=\"rules\">");
	h_rule(p, &rv->route.why);
	H(p, "</ul>");
	for (size_t k = 0; k < rv->nvac; k++)
		ranking_vacancy(ar, p, rv, &rv->vac[k]);
	if (rv->sent)
		signature(p, rv->sel.profile, rv->s.sent_at, rv->s.sent_by);
}
