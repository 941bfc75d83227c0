/*
 * h_stage.c - a stage's page (GET /kelola/N/tahap/SLUG): its schedule and
 * pass criterion from the plan, what the profile says of it (each step
 * with its citation), its candidates with their invitation and
 * attendance; the forms of the secretariat or the chair (invitations, an
 * absence) while the stage runs; the committee's track record
 * (instrument, inquiry notes: confidential) and the interview's
 * standardised material.  An assessor sees the assessment, a resource
 * person the interview, read-only and without what they need not know.
 * Scoring is another page's (/kelola/N/tahap/SLUG/nilai).
 */
#include <stdio.h>
#include <string.h>

#include <microhttpd.h>

#include "base/arena.h"
#include "core/profile.h"
#include "web/h_sel.h"
#include "web/label.h"
#include "base/banned.h"

struct sctx {
	struct ctx	 c;		/* the form helpers' (h_sel.h) */
	struct stage_view *v;
	const char	*slug;
};

static const char *const source_ids[] = { "atasan", "rekan", "bawahan",
    "lainnya", NULL };
static const char *const source_labels[] = { "Atasan", "Rekan sejawat",
    "Bawahan", "Lingkungan terkait lainnya", NULL };

static void
open_form(struct sctx *s, const char *word)
{
	struct page *p = s->c.p;

	H(p, "<form method=\"post\"");
	HA(p, "action", arena_printf(s->c.r->ar, "/kelola/%lld/tahap/%s/%s",
	    (long long)s->v->sel.s.id, s->slug, word));
	H(p, ">");
	form_csrf(s->c.r, s->c.rs);
	s->c.form = word;
}

/* A select of the stage's candidates (not absent), as "application". */
static void
cand_select(struct sctx *s, const char *label, bool absent_too)
{
	struct page *p = s->c.p;
	struct str posted = sf_refilling(&s->c) ?
	    form_get(s->c.posted, "application") : STR("");

	H(p, "<label");
	HA(p, "for", sf_field_id(&s->c, "application"));
	H(p, ">");
	h_textc(p, label);
	H(p, "</label>");
	sf_bad_text(&s->c, "application");
	H(p, "<select");
	HA(p, "id", sf_field_id(&s->c, "application"));
	H(p, " name=\"application\"");
	sf_bad_attrs(&s->c, "application");
	H(p, ">");
	for (size_t i = 0; i < s->v->nc; i++) {
		const struct stage_cand *x = &s->v->c[i];
		struct str id = arena_printf(s->c.r->ar, "%lld",
		    (long long)x->a.id);

		if (x->absent && !absent_too)
			continue;
		H(p, "<option");
		HA(p, "value", id);
		if (str_eq(posted, id))
			H(p, " selected");
		H(p, ">");
		h_text(p, x->a.reg_no);
		H(p, " ");
		h_text(p, x->a.name);
		H(p, "</option>");
	}
	H(p, "</select>");
}

static void
step_item(struct page *p, struct str label, struct str citation)
{
	H(p, "<li>");
	h_text(p, label);
	if (citation.len > 0) {
		H(p, " <cite>");
		h_text(p, citation);
		H(p, "</cite>");
	}
	H(p, "</li>");
}

static void
schedule(struct sctx *s)
{
	struct page *p = s->c.p;
	const struct stage_view *v = s->v;
	const struct s_stage_plan *pl = &v->plan;

	H(p, "<h2>Jadwal dan kriteria</h2>");
	if (!v->planned) {
		H(p, "<p>Tahapan ini belum ada dalam jadwal rencana seleksi.</p>");
		return;
	}
	H(p, "<dl class=\"facts\"><dt>Tanggal</dt><dd>");
	h_date_str(p, pl->starts_on);
	if (!str_eq(pl->starts_on, pl->ends_on)) {
		H(p, " sampai ");
		h_date_str(p, pl->ends_on);
	}
	H(p, "</dd><dt>Waktu</dt><dd>");
	h_text(p, pl->time_text.len > 0 ? pl->time_text : STR("—"));
	H(p, "</dd><dt>Tempat</dt><dd>");
	h_text(p, pl->place.len > 0 ? pl->place : STR("—"));
	H(p, "</dd>");
	if (pl->link.len > 0) {
		H(p, "<dt>Konferensi video</dt><dd><a rel=\"noopener "
		    "noreferrer\"");
		HA(p, "href", pl->link);
		H(p, ">");
		h_text(p, pl->link);
		H(p, "</a></dd>");
	}
	H(p, "<dt>Kriteria kelulusan</dt><dd>");
	if (pl->pass_min < 0 && pl->pass_best <= 0)
		H(p, "Tidak ada (semua peserta yang hadir melanjutkan)");
	if (pl->pass_min >= 0) {
		H(p, "Nilai paling rendah ");
		h_text(p, stage_score_text(s->c.r->ar, (int)pl->pass_min));
	}
	if (pl->pass_min >= 0 && pl->pass_best > 0)
		H(p, " dan ");
	if (pl->pass_best > 0) {
		H(p, "peringkat ");
		h_int(p, pl->pass_best);
		H(p, " terbaik per lowongan");
	}
	H(p, "</dd>");
	if (v->stage == FL_ASSESS) {
		H(p, "<dt>Penyelenggara</dt><dd>");
		h_text(p, v->provider.len > 0 ? v->provider :
		    STR("Belum dicatat"));
		if (v->provider_note.len > 0) {
			H(p, ", ");
			h_text(p, v->provider_note);
		}
		H(p, "</dd>");
	}
	if (pl->method.len > 0) {
		H(p, "<dt>Metode</dt><dd>");
		h_text(p, pl->method);
		H(p, "</dd>");
	}
	H(p, "</dl>");
}

static void
specifics(struct sctx *s)
{
	struct page *p = s->c.p;
	const struct stage_view *v = s->v;
	const struct stage_params *sp = v->params;
	const struct stage_step *np = stage_step(v->sel.profile, FL_INTERVIEW,
	    SS_RESOURCE_PERSONS);

	H(p, "<h2>Ketentuan tahapan menurut profil</h2><ul class=\"rules\">");
	step_item(p, str_c(flow_state_label(v->stage)), v->rule_citation);
	for (size_t i = 0; sp != NULL && i < sp->nsteps; i++)
		step_item(p, sp->steps[i].label, sp->steps[i].citation);
	if (sp != NULL && sp->vc != SVC_NONE)
		step_item(p, sp->vc == SVC_REQUIRED ? STR("Dilaksanakan melalui "
		    "konferensi video.") : STR("Dapat dilaksanakan melalui "
		    "konferensi video."), sp->vc_citation);
	H(p, "</ul>");
	if (v->stage == FL_INTERVIEW && np != NULL) {
		H(p, "<p class=\"note\"><strong>Narasumber tidak memberikan "
		    "penilaian.</strong> Narasumber dapat hadir untuk membantu "
		    "menggali potensi pelamar, tetapi tidak memiliki kewenangan "
		    "memberikan penilaian (");
		h_text(p, np->citation);
		H(p, ").</p>");
	}
}

static void
cands(struct sctx *s)
{
	struct page *p = s->c.p;
	const struct stage_view *v = s->v;
	struct str zone = sel_zone(&v->sel);

	H(p, "<h2>Peserta tahapan</h2>");
	if (v->nc == 0) {
		H(p, "<p>Belum ada peserta: peserta tahapan ialah yang lulus "
		    "seleksi administrasi yang sudah diumumkan dan tahapan "
		    "sebelumnya.</p>");
		return;
	}
	H(p, SCROLL("Peserta tahapan") "<table><caption>Peserta tahapan"
	    "</caption><thead><tr><th scope=\"col\">Nomor pendaftaran</th>"
	    "<th scope=\"col\">Nama</th><th scope=\"col\">Jabatan</th>");
	if (v->full)
		H(p, "<th scope=\"col\">Undangan</th>");
	H(p, "<th scope=\"col\">Kehadiran</th></tr></thead><tbody>");
	for (size_t i = 0; i < v->nc; i++) {
		const struct stage_cand *x = &v->c[i];

		H(p, "<tr><td>");
		h_text(p, x->a.reg_no);
		H(p, "</td><td>");
		h_text(p, x->a.name);
		H(p, "</td><td>");
		h_text(p, x->a.vacancy_title);
		H(p, "</td>");
		if (v->full) {
			H(p, "<td>");
			if (x->invited_at.len > 0) {
				H(p, "Terkirim ");
				h_when(p, x->invited_at, zone);
			} else {
				H(p, "Belum dikirim");
			}
			H(p, "</td>");
		}
		H(p, "<td>");
		if (x->absent) {
			h_text(p, lbl_state(STR("stage_absent")));
			H(p, ": dicatat mengundurkan diri dari tahapan ini");
			if (x->absence_note.len > 0) {
				H(p, " (");
				h_text(p, x->absence_note);
				H(p, ")");
			}
		} else {
			H(p, "—");
		}
		H(p, "</td></tr>");
	}
	H(p, "</tbody></table></div>");
}

static void
actions(struct sctx *s)
{
	struct page *p = s->c.p;
	const struct stage_view *v = s->v;

	if (!v->may_run)
		return;
	H(p, "<h2>Undangan dan kehadiran</h2>");
	if (!v->open) {
		H(p, "<p>");
		if (v->closed)
			H(p, "Tahapan ini sudah ditutup.");
		else {
			H(p, "Undangan dan ketidakhadiran dicatat selama "
			    "tahapan ini sedang berjalan; tahapan sekarang: ");
			h_textc(p, flow_state_label(v->sel.state));
			H(p, ".");
		}
		H(p, "</p>");
		return;
	}
	open_form(s, "undang");
	H(p, "<p>");
	h_int(p, (int64_t)v->uninvited);
	H(p, " peserta belum diundang. Satu surel dikirim kepada setiap "
	    "peserta yang belum diundang, dengan tanggal, waktu, dan tempat "
	    "atau tautan dari rencana seleksi.</p>");
	sf_submit(&s->c, "Kirim undangan");
	if (v->nc == 0)
		return;
	open_form(s, "absen");
	H(p, "<fieldset><legend>Catat peserta tidak hadir</legend>");
	cand_select(s, "Peserta", false);
	sf_area(&s->c, "note", "Keterangan", STR(""));
	H(p, "<p>Peserta yang tidak hadir dicatat mengundurkan diri dari "
	    "tahapan ini.</p></fieldset>");
	sf_submit(&s->c, "Catat tidak hadir");
}

static void
instrument(struct sctx *s)
{
	struct page *p = s->c.p;
	const struct stage_view *v = s->v;
	size_t rows;

	H(p, "<h2>Instrumen penilaian integritas</h2><p class=\"note\">"
	    "Rahasia: hanya panitia seleksi dan instansi pengawas.</p>");
	if (v->ncrit == 0)
		H(p, "<p>Belum ditetapkan.</p>");
	else {
		H(p, "<ul>");
		for (size_t i = 0; i < v->ncrit; i++) {
			H(p, "<li>");
			h_text(p, v->crit[i].name);
			H(p, ": bobot ");
			h_int(p, v->crit[i].weight);
			H(p, "%</li>");
		}
		H(p, "</ul>");
	}
	if (!v->may_committee || v->closed)
		return;
	rows = v->ncrit + 2 < 5 ? 5 : v->ncrit + 2;
	open_form(s, "instrumen");
	/* A refused form comes back with every row typed. */
	for (size_t i = rows; sf_refilling(&s->c) && i < TRACK_MAX_CRITERIA;
	    i++) {
		char k[40];

		snprintf(k, sizeof k, "c_name_%zu", i + 1);
		if (form_get(s->c.posted, k).len > 0)
			rows = i + 1;
	}
	if (rows > TRACK_MAX_CRITERIA)
		rows = TRACK_MAX_CRITERIA;
	H(p, "<fieldset><legend>Kriteria dan bobot (jumlah bobot 100)"
	    "</legend>");
	for (size_t i = 0; i < rows; i++) {
		char n[40], w[40];

		snprintf(n, sizeof n, "c_name_%zu", i + 1);
		snprintf(w, sizeof w, "c_weight_%zu", i + 1);
		sf_input(&s->c, n, arena_printf(s->c.r->ar, "Kriteria %zu",
		    i + 1).p, "text", i < v->ncrit ? v->crit[i].name : STR(""),
		    false);
		sf_input(&s->c, w, arena_printf(s->c.r->ar, "Bobot kriteria "
		    "%zu (%%)", i + 1).p, "number", i < v->ncrit ?
		    arena_printf(s->c.r->ar, "%lld",
		    (long long)v->crit[i].weight) : STR(""), false);
	}
	H(p, "</fieldset>");
	sf_submit(&s->c, "Simpan instrumen");
}

static void
inquiries(struct sctx *s)
{
	struct page *p = s->c.p;
	const struct stage_view *v = s->v;
	struct str zone = sel_zone(&v->sel);

	H(p, "<h2>Catatan penelusuran</h2><p class=\"note\">Rahasia: hanya "
	    "panitia seleksi dan instansi pengawas.</p>");
	if (v->nnotes == 0)
		H(p, "<p>Belum ada catatan.</p>");
	for (size_t i = 0; i < v->nnotes; i++) {
		const struct s_track_inquiry *q = &v->notes[i];

		H(p, "<article class=\"note\"><h3>");
		for (size_t k = 0; k < v->nc; k++)
			if (v->c[k].a.id == q->application_id) {
				h_text(p, v->c[k].a.reg_no);
				H(p, " ");
				h_text(p, v->c[k].a.name);
			}
		H(p, ": ");
		h_text(p, lbl_word(source_ids, source_labels, q->source));
		H(p, "</h3><p class=\"pre\">");
		h_text(p, q->note);
		H(p, "</p><p>");
		h_text(p, q->recorded_by);
		H(p, ", ");
		h_when(p, q->recorded_at, zone);
		H(p, "</p></article>");
	}
	if (!v->may_committee || v->closed || v->nc == 0 ||
	    stage_step(v->sel.profile, FL_TRACK, SS_INQUIRY) == NULL)
		return;
	open_form(s, "penelusuran");
	H(p, "<fieldset><legend>Tambah catatan penelusuran</legend>");
	cand_select(s, "Peserta", true);
	sf_select(&s->c, "source", "Yang ditanya", source_ids, source_labels);
	sf_area(&s->c, "note", "Catatan", STR(""));
	H(p, "</fieldset>");
	sf_submit(&s->c, "Simpan catatan");
}

static void
material(struct sctx *s)
{
	struct page *p = s->c.p;
	const struct stage_view *v = s->v;

	if (stage_step(v->sel.profile, FL_INTERVIEW, SS_STANDARD_MATERIAL) ==
	    NULL)
		return;
	H(p, "<h2>Materi wawancara terstandar per jabatan</h2>");
	for (size_t i = 0; i < v->sel.nvac; i++) {
		const struct s_vacancy *vac = &v->sel.vac[i];
		struct str body = STR("");

		for (size_t k = 0; k < v->nmat; k++)
			if (v->mat[k].vacancy_id == vac->id)
				body = v->mat[k].body;
		H(p, "<h3>");
		h_text(p, vac->title);
		H(p, "</h3><p class=\"pre\">");
		h_text(p, body.len > 0 ? body : STR("Belum disusun."));
		H(p, "</p>");
		if (!v->may_committee || v->closed)
			continue;
		open_form(s, arena_printf(s->c.r->ar, "materi").p);
		H(p, "<input type=\"hidden\" name=\"vacancy\"");
		HA(p, "value", arena_printf(s->c.r->ar, "%lld",
		    (long long)vac->id));
		H(p, ">");
		s->c.form = arena_printf(s->c.r->ar, "materi-%lld",
		    (long long)vac->id).p;
		sf_area(&s->c, "body", "Materi", body);
		sf_submit(&s->c, "Simpan materi");
	}
}

static void
stage_page(struct req *r, struct resp *rs, struct stage_view *v, bool ok,
    const char *msg, const char *word, const char *bad_field)
{
	struct sctx s;
	struct page *p = &rs->pg;
	long long sel = (long long)v->sel.s.id;

	memset(&s, 0, sizeof s);
	s.c.r = r;
	s.c.rs = rs;
	s.c.p = p;
	s.c.v = &v->sel;
	s.v = v;
	s.slug = web_stage_slug(v->stage);
	if (word != NULL) {
		s.c.posted = &r->form;
		s.c.posted_word = word;
		s.c.bad_field = bad_field;
		s.c.bad_msg = msg;
	}
	page_begin(r, rs, arena_printf(r->ar, "Tahapan %.*s: %.*s",
	    (int)v->label.len, v->label.p, (int)v->sel.s.f[SF_TITLE].len,
	    v->sel.s.f[SF_TITLE].p).p);
	if (msg != NULL)
		h_msg(p, ok, msg);
	H(p, "<p>");
	if (v->full) {
		H(p, "<a");
		HA(p, "href", arena_printf(r->ar, "/kelola/%lld/alur", sel));
		H(p, ">Alur seleksi</a> · ");
	}
	h_text(p, v->sel.region.name);
	H(p, "</p><p class=\"state\">Keadaan tahapan: <strong>");
	h_textc(p, v->closed ? "Sudah ditutup" : v->current ?
	    "Sedang berjalan" : "Bukan tahapan yang sedang berjalan");
	H(p, "</strong></p>");
	/* export (issue 12 item 5): a closed stage's scores */
	if (v->closed && app_may(&r->who, ACT_EXPORT, v->sel.s.region_id,
	    sel))
		h_export_links(p, sel, s.slug);
	if (v->full || v->stage == FL_ASSESS) {
		H(p, "<p><a");
		HA(p, "href", arena_printf(r->ar, "/kelola/%lld/tahap/%s/nilai",
		    sel, s.slug));
		H(p, ">Penilaian tahapan ini</a></p>");
	}
	/* reuse (issue 12 item 4): a passed assessment used again */
	if (v->stage == FL_ASSESS && profile_rule_any(v->sel.profile,
	    R_STG_REUSE) != NULL) {
		H(p, "<p><a");
		HA(p, "href", arena_printf(r->ar, "/kelola/%lld/tahap/asesmen/"
		    "ulang", sel));
		H(p, ">Hasil assessment sebelumnya (STG-REUSE)</a></p>");
	}
	schedule(&s);
	specifics(&s);
	cands(&s);
	actions(&s);
	if (v->stage == FL_TRACK && v->may_track) {
		if (stage_step(v->sel.profile, FL_TRACK,
		    SS_INTEGRITY_INSTRUMENT) != NULL)
			instrument(&s);
		inquiries(&s);
	}
	if (v->stage == FL_INTERVIEW)
		material(&s);
	page_end(r, rs);
}

/* The stage of the path; false when the page is answered. */
static bool
load(struct req *r, struct resp *rs, struct stage_view *v)
{
	enum flow_state st;
	enum sel_err rc;

	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return false;
	}
	if (!web_stage_parse(r->word, &st)) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Tahapan tidak dikenal.");
		return false;
	}
	rc = app_stage_view(r->app, r->ar, &r->who, r->ids[0], st, v);
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), rc == SEL_EPERM ?
		    "Peran Anda tidak mencakup tahapan ini." : rc == SEL_ENOENT ?
		    "Tahapan ini tidak ada dalam seleksi ini." :
		    "Tahapan tidak dapat dibaca.");
		return false;
	}
	return true;
}

void
h_stage(struct req *r, struct resp *rs)
{
	struct stage_view *v = arena_alloc(r->ar, sizeof *v);

	if (load(r, rs, v))
		stage_page(r, rs, v, true, req_query(r, "ok").len > 0 ?
		    "Tersimpan dan dicatat dalam jejak audit." : NULL, NULL,
		    NULL);
}

/* After a POST: back to the page, or the page again with the refusal. */
static void
answer(struct req *r, struct resp *rs, enum sel_err rc,
    const struct app_msg *m, const char *word, const char *field)
{
	struct stage_view *v = arena_alloc(r->ar, sizeof *v);

	if (rc == SEL_OK) {
		resp_redirect(rs, arena_printf(r->ar, "/kelola/%lld/tahap/%.*s"
		    "?ok=1", (long long)r->ids[0], (int)r->word.len,
		    r->word.p).p);
		return;
	}
	if (rc == SEL_EPERM || (rc == SEL_ENOENT && field == NULL)) {
		page_error(r, rs, web_status(rc), m->text[0] ? m->text :
		    "Tidak diizinkan.");
		return;
	}
	if (!load(r, rs, v))
		return;
	rs->status = web_status(rc);
	stage_page(r, rs, v, false, m->text[0] ? m->text : "Gagal menyimpan.",
	    word, field);
}

/* The POST's stage, or the page answered (404, 403 to a visitor). */
static bool
post_stage(struct req *r, struct resp *rs, enum flow_state *st)
{
	if (r->who.account_id == 0) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Silakan masuk terlebih "
		    "dahulu.");
		return false;
	}
	if (!web_stage_parse(r->word, st)) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Tahapan tidak dikenal.");
		return false;
	}
	return true;
}

static int64_t
form_id(struct req *r, const char *name)
{
	int64_t v = 0;

	if (parse_i64(form_get(&r->form, name), 1, INT64_MAX, &v) != SEL_OK)
		return 0;
	return v;
}

void
h_stage_invite(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	enum flow_state st;
	int sent = 0;
	enum sel_err rc;

	if (!post_stage(r, rs, &st))
		return;
	rc = app_stage_invite(r->app, r->ar, &r->who, r->ids[0], st, &sent,
	    &m);
	answer(r, rs, rc, &m, "undang", NULL);
}

void
h_stage_absent(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	enum flow_state st;
	enum sel_err rc;

	if (!post_stage(r, rs, &st))
		return;
	rc = app_stage_absent(r->app, r->ar, &r->who, r->ids[0], st,
	    form_id(r, "application"), form_get(&r->form, "note"), &m);
	answer(r, rs, rc, &m, "absen", app_msg_field(&m)[0] ?
	    app_msg_field(&m) : rc == SEL_ENOENT ? "application" : NULL);
}

void
h_stage_instrument(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	const char *field = NULL;
	enum flow_state st;
	enum sel_err rc;

	if (!post_stage(r, rs, &st))
		return;
	if (st != FL_TRACK) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Halaman tidak "
		    "ditemukan.");
		return;
	}
	rc = app_track_instrument(r->app, r->ar, &r->who, r->ids[0],
	    &r->form, &m, &field);
	answer(r, rs, rc, &m, "instrumen", field);
}

void
h_stage_inquiry(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	const char *field = NULL;
	enum flow_state st;
	enum sel_err rc;

	if (!post_stage(r, rs, &st))
		return;
	if (st != FL_TRACK) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Halaman tidak "
		    "ditemukan.");
		return;
	}
	rc = app_track_inquiry(r->app, r->ar, &r->who, r->ids[0],
	    form_id(r, "application"), form_get(&r->form, "source"),
	    form_get(&r->form, "note"), &m, &field);
	answer(r, rs, rc, &m, "penelusuran", field);
}

void
h_stage_material(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	enum flow_state st;
	int64_t vac;
	enum sel_err rc;

	if (!post_stage(r, rs, &st))
		return;
	if (st != FL_INTERVIEW) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Halaman tidak "
		    "ditemukan.");
		return;
	}
	vac = form_id(r, "vacancy");
	rc = app_stage_material(r->app, r->ar, &r->who, r->ids[0], vac,
	    form_get(&r->form, "body"), &m);
	answer(r, rs, rc, &m, arena_printf(r->ar, "materi-%lld",
	    (long long)vac).p, app_msg_field(&m)[0] ? app_msg_field(&m) :
	    NULL);
}
