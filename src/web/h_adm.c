/*
 * h_adm.c - the administrative selection's pages: the queue, each
 * application with its frozen rule results, the completeness check and
 * the committee's decision, the chair's signature; the public result; the
 * complaints.
 */
#include <stdio.h>
#include <string.h>

#include <microhttpd.h>

#include "app/prep.h"
#include "base/arena.h"
#include "base/json.h"
#include "core/adm.h"
#include "core/profile.h"
#include "web/label.h"
#include "web/web.h"
#include "base/banned.h"

static const char *
decision(int passed)
{
	return passed < 0 ? "belum diputuskan" : passed ? "lulus" :
	    "tidak lulus";
}

static const char *
completeness(int complete)
{
	return complete < 0 ? "belum diperiksa" : complete ? "lengkap" :
	    "tidak lengkap";
}

static void
post_form(struct req *r, struct resp *rs, struct str action)
{
	H(&rs->pg, "<form method=\"post\"");
	HA(&rs->pg, "action", action);
	H(&rs->pg, ">");
	form_csrf(r, rs);
}

static bool
staff_view(struct req *r, struct resp *rs, struct adm_view *v)
{
	enum sel_err rc;

	if (r->who.account_id == 0) {
		resp_redirect(rs, "/masuk");
		return false;
	}
	rc = app_adm_view(r->app, r->ar, &r->who, r->ids[0], v);
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), rc == SEL_EPERM ? "Peran "
		    "Anda tidak mencakup seleksi ini." : "Seleksi tidak "
		    "ditemukan.");
		return false;
	}
	return true;
}

/* ADM-INVITE: who the PPK appointed, and the PPK's form. */
static void
invitations(struct req *r, struct resp *rs, const struct adm_view *v)
{
	struct page *p = &rs->pg;
	int64_t sel = v->sel.s.id;

	if (!v->may_invite)
		return;
	if (v->ninv > 0) {
		H(p, "<h2>Calon yang ditunjuk (ADM-INVITE)</h2><ul>");
		for (size_t i = 0; i < v->ninv; i++) {
			H(p, "<li>");
			h_text(p, v->inv[i].name);
			H(p, ", ditunjuk ");
			h_when(p, v->inv[i].invited_at, sel_zone(&v->sel));
			H(p, " oleh ");
			h_text(p, v->inv[i].invited_by);
			H(p, "</li>");
		}
		H(p, "</ul>");
	}
	if (!v->closed || v->published || !v->all_decided ||
	    !app_may(&r->who, ACT_INVITE, v->sel.s.region_id, sel))
		return;
	post_form(r, rs, arena_printf(r->ar, "/kelola/%lld/administrasi/"
	    "tunjuk", (long long)sel));
	H(p, "<fieldset><legend>Penunjukan calon oleh PPK</legend><label "
	    "for=\"vacancy\">Lowongan</label><select id=\"vacancy\" "
	    "name=\"vacancy\">");
	for (size_t k = 0; k < v->nvac; k++) {
		if (!v->vac[k].has_min || v->vac[k].min.status == RS_PASS)
			continue;
		H(p, "<option");
		HA(p, "value", arena_printf(r->ar, "%lld",
		    (long long)v->vac[k].vacancy_id));
		H(p, ">");
		h_text(p, v->vac[k].title);
		H(p, "</option>");
	}
	/* a refused form comes back as posted */
	H(p, "</select><label for=\"nip\">NIP</label><input type=\"text\" "
	    "id=\"nip\" name=\"nip\" required inputmode=\"numeric\" "
	    "maxlength=\"18\"");
	HA(p, "value", form_get(&r->form, "nip"));
	H(p, "><label for=\"name\">Nama</label><input type=\"text\" "
	    "id=\"name\" name=\"name\" required maxlength=\"200\"");
	HA(p, "value", form_get(&r->form, "name"));
	H(p, "></fieldset><button type=\"submit\">Tunjuk calon</button>"
	    "</form>");
}

static void
queue_page(struct req *r, struct resp *rs, struct adm_view *v,
    const char *msg, bool ok)
{
	struct page *p = &rs->pg;
	int64_t sel = v->sel.s.id;

	page_begin(r, rs, "Seleksi administrasi");
	if (msg != NULL)
		h_msg(p, ok, msg);
	H(p, "<p>");
	h_text(p, v->sel.s.f[SF_TITLE]);
	H(p, ". Kelengkapan berkas (ADM-COMPLETE) <cite>");
	h_text(p, v->complete_citation);
	H(p, "</cite></p>");
	if (!v->closed)
		H(p, "<p>Pendaftaran belum ditutup: seleksi administrasi "
		    "dimulai sesudah batas akhir.</p>");
	/* export (issue 12 item 5) */
	if (app_may(&r->who, ACT_EXPORT, v->sel.s.region_id, sel))
		h_export_links(p, sel, "administrasi");
	for (size_t k = 0; k < v->nvac; k++) {
		const struct adm_vac *c = &v->vac[k];

		H(p, "<h2>");
		h_text(p, c->title);
		H(p, "</h2>");
		if (c->has_min) {
			H(p, "<ul class=\"rules\">");
			h_rule(p, &c->min);
			H(p, "</ul>");
		}
		if (c->pub.blocked && v->all_decided && !v->published) {
			H(p, "<p class=\"msg err\">Hasil seleksi administrasi "
			    "belum dapat diumumkan selama ");
			h_textc(p, rule_name(c->min.id));
			H(p, " tidak terpenuhi untuk lowongan ini. Jalan yang "
			    "masih terbuka: ");
			h_text(p, c->pub.paths);
			H(p, ".</p>");
		}
		H(p, SCROLL("Pelamar")
		    "<table><caption>Pelamar</caption><thead><tr><th "
		    "scope=\"col\">Nomor</th><th scope=\"col\">Nama</th><th "
		    "scope=\"col\">Pemeriksaan awal</th><th scope=\"col\">Berkas"
		    "</th><th scope=\"col\">Keputusan</th></tr></thead><tbody>");
		for (size_t i = 0; i < v->nrows; i++) {
			const struct s_adm *x = &v->rows[i];

			if (x->a.vacancy_id != c->vacancy_id ||
			    app_state(&x->a) != FA_SUBMITTED)
				continue;
			H(p, "<tr><td><a");
			HA(p, "href", arena_printf(r->ar, "/kelola/%lld/"
			    "lamaran/%lld", (long long)sel,
			    (long long)x->a.id));
			H(p, ">");
			h_text(p, x->a.reg_no);
			H(p, "</a></td><td>");
			h_text(p, x->a.name);
			H(p, "</td><td>");
			h_text(p, lbl_verdict(x->a.verdict));
			H(p, "</td><td>");
			h_textc(p, completeness(x->complete));
			H(p, "</td><td>");
			h_textc(p, decision(x->passed));
			if (x->ov_rules.len > 0) {
				H(p, " <strong class=\"override\">"
				    "(dengan pengecualian: ");
				h_text(p, x->ov_rules);
				H(p, ")</strong>");
			}
			H(p, "</td></tr>");
		}
		H(p, "</tbody></table></div>");
	}
	if (v->closed && !v->published && v->has_ext) {
		H(p, "<h2>Perpanjangan pendaftaran</h2><ul class=\"rules\">");
		h_rule(p, &v->ext.rule);
		if (v->ext.has_after)
			h_rule(p, &v->ext.after);
		H(p, "</ul>");
		if (v->ext.rule.status == RS_PASS && app_may(&r->who,
		    ACT_EXTEND, v->sel.s.region_id, sel)) {
			post_form(r, rs, arena_printf(r->ar, "/kelola/%lld/"
			    "administrasi/perpanjang", (long long)sel));
			H(p, "<fieldset><legend>Perpanjang pendaftaran");
			if (v->ext.has_closing) {
				H(p, " sampai ");
				h_date(p, v->ext.new_closing);
				H(p, "</legend>");
			} else {
				H(p, "</legend><label for=\"close\">Batas akhir "
				    "baru (ditetapkan panitia)</label><input "
				    "type=\"date\" id=\"close\" name=\"close\" "
				    "required");
				HA(p, "value", form_get(&r->form, "close"));
				H(p, ">");
			}
			/* a refused extension comes back as posted */
			H(p, "<label for=\"ref\">Nomor surat atau "
			    "rekomendasi yang mendasari (bila ada)</label><input "
			    "type=\"text\" id=\"ref\" name=\"ref\" "
			    "maxlength=\"200\"");
			HA(p, "value", form_get(&r->form, "ref"));
			H(p, "></fieldset><button type=\"submit\">Perpanjang "
			    "pendaftaran</button></form>");
		}
	}
	invitations(r, rs, v);
	if (v->published) {
		H(p, "<p>Hasil diumumkan: <a");
		HA(p, "href", arena_printf(r->ar, "/seleksi/%lld/"
		    "hasil-administrasi", (long long)sel));
		H(p, ">hasil seleksi administrasi</a>.</p>");
	} else if (v->sel.state == FL_REG_ENDED) {
		/* FT_ADM_PUBLISH is open from the administrative state only:
		   the secretariat's closing comes first. */
		H(p, "<p>Hasil seleksi administrasi ditandatangani sesudah "
		    "sekretariat menutup pendaftaran (<a");
		HA(p, "href", arena_printf(r->ar, "/kelola/%lld/alur",
		    (long long)sel));
		H(p, ">alur seleksi</a>).</p>");
	} else if (v->sel.state == FL_ADMINISTRATIVE && app_may(&r->who,
	    ACT_RESULT_PUBLISH, v->sel.s.region_id, sel)) {
		post_form(r, rs, arena_printf(r->ar, "/kelola/%lld/"
		    "administrasi/terbitkan", (long long)sel));
		H(p, "<fieldset><legend>Tanda tangan ketua dan pengumuman "
		    "hasil</legend><label class=\"check\"><input type=\"checkbox\""
		    " id=\"confirm\" name=\"confirm\" value=\"1\"> Saya, ketua "
		    "panitia seleksi, menandatangani hasil seleksi administrasi "
		    "ini.</label></fieldset><button type=\"submit\">Tandatangani "
		    "dan umumkan</button></form>");
	}
	page_end(r, rs);
}

void
h_adm_queue(struct req *r, struct resp *rs)
{
	struct adm_view v;

	if (staff_view(r, rs, &v))
		queue_page(r, rs, &v, req_query(r, "ok").len > 0 ?
		    "Tersimpan dan dicatat dalam jejak audit." : NULL, true);
}

void
h_adm_publish(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	struct adm_view v;
	enum sel_err rc;

	if (r->who.account_id == 0) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Silakan masuk.");
		return;
	}
	if (str_eqc(r->word, "terbitkan"))
		rc = app_adm_publish(r->app, r->ar, &r->who, r->ids[0],
		    form_has(&r->form, "confirm", STR("1")), &m);
	else if (str_eqc(r->word, "perpanjang"))
		rc = app_extend(r->app, r->ar, &r->who, r->ids[0],
		    form_get(&r->form, "ref"), form_get(&r->form, "close"),
		    &m);
	else if (str_eqc(r->word, "tunjuk")) {
		int64_t vac = 0;

		(void)parse_i64(form_get(&r->form, "vacancy"), 1, INT64_MAX,
		    &vac);
		rc = app_invite(r->app, r->ar, &r->who, r->ids[0], vac,
		    form_get(&r->form, "nip"), form_get(&r->form, "name"),
		    &m);
	}
	else {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Halaman tidak "
		    "ditemukan.");
		return;
	}
	if (rc == SEL_OK) {
		resp_redirect(rs, arena_printf(r->ar, "/kelola/%lld/"
		    "administrasi?ok=1", (long long)r->ids[0]).p);
		return;
	}
	if (rc == SEL_EPERM || rc == SEL_ENOENT || !staff_view(r, rs, &v)) {
		if (rc == SEL_EPERM || rc == SEL_ENOENT)
			page_error(r, rs, web_status(rc), m.text);
		return;
	}
	rs->status = web_status(rc);
	queue_page(r, rs, &v, m.text, false);
}

void
h_frozen_rules(struct req *r, struct page *p, struct str rules)
{
	struct json *root, *it;
	struct diag d;

	if (json_parse(r->ar, rules.p, rules.len, 1, false, &root, &d) !=
	    SEL_OK || root->type != JSON_ARRAY)
		return;
	H(p, "<ul class=\"rules\">");
	for (it = root->head; it != NULL; it = it->next) {
		struct rule_result rr;
		const struct json *st = json_get(it, "status");
		const struct json *id = json_get(it, "id");
		const struct json *de = json_get(it, "detail");
		const struct json *ci = json_get(it, "citation");

		if (id == NULL || !rule_lookup(id->s, &rr.id))
			continue;
		rr.status = st != NULL && str_eqc(st->s, "pass") ? RS_PASS :
		    st != NULL && str_eqc(st->s, "fail") ? RS_FAIL :
		    RS_MISSING;
		rr.detail = de != NULL ? de->s : STR("");
		rr.citation = ci != NULL ? ci->s : STR("");
		h_rule(p, &rr);
	}
	H(p, "</ul>");
}

/* The committee's checklist items and the advisories, to note. */
static void
review(struct req *r, struct page *p, int64_t id)
{
	struct elig_out *o;

	if (app_application_review(r->app, r->ar, &r->who, id, &o) !=
	    SEL_OK || o == NULL)
		return;
	if (o->nchecklist > 0)
		H(p, "<h2>Dinilai panitia</h2><ul>");
	for (size_t i = 0; i < o->nchecklist; i++) {
		H(p, "<li><code>");
		h_textc(p, rule_name(o->checklist[i].id));
		H(p, "</code> ");
		h_text(p, o->checklist[i].detail);
		H(p, " <cite>");
		h_text(p, o->checklist[i].citation);
		H(p, "</cite></li>");
	}
	if (o->nchecklist > 0)
		H(p, "</ul>");
	for (size_t i = 0; i < o->nadvisories; i++) {
		H(p, "<p class=\"small\"><code>");
		h_textc(p, rule_name(o->advisories[i].id));
		H(p, "</code> ");
		h_text(p, o->advisories[i].detail);
		H(p, " <cite>");
		h_text(p, o->advisories[i].citation);
		H(p, "</cite></p>");
	}
}

/* The applicant's current documents, each to download. */
static void
documents(struct req *r, struct page *p, const struct adm_view *v,
    int64_t id)
{
	const struct profile *pf = v->sel.profile;
	struct s_document *d;
	size_t n = 0;

	if (app_application_docs(r->app, r->ar, &r->who, id, &d, &n) !=
	    SEL_OK)
		return;
	H(p, "<h2>Dokumen</h2>");
	if (n == 0)
		H(p, "<p>Belum ada dokumen.</p>");
	else
		H(p, "<ul>");
	for (size_t i = 0; i < n; i++) {
		struct str label = d[i].item_id;

		for (size_t k = 0; k < pf->ndocuments; k++)
			if (str_eq(pf->documents[k].id, d[i].item_id))
				label = pf->documents[k].label;
		H(p, "<li>");
		h_text(p, label);
		H(p, ": <a");
		HA(p, "href", arena_printf(r->ar, "/dokumen/%lld",
		    (long long)d[i].id));
		H(p, ">");
		h_text(p, d[i].name);
		H(p, "</a> (");
		h_int(p, (d[i].size + 1023) / 1024);
		H(p, " KB");
		if (d[i].dated.len > 0) {
			H(p, ", bertanggal ");
			h_date_str(p, d[i].dated);
		}
		if (d[i].stamped)
			H(p, ", bermeterai");
		H(p, ")</li>");
	}
	if (n > 0)
		H(p, "</ul>");
}

/* The Covid procedures' questions to the applicant, and the form. */
static void
clarifications(struct req *r, struct resp *rs, struct adm_view *v,
    const struct s_adm *x, struct str base, bool open)
{
	struct page *p = &rs->pg;
	struct s_clar *c;
	size_t n = 0;

	if (!v->sel.profile->emergency)
		return;
	H(p, "<h2>Klarifikasi dengan pelamar</h2>");
	(void)app_clars(r->app, r->ar, &r->who, x->a.id, &c, &n);
	for (size_t i = 0; i < n; i++) {
		H(p, "<p><strong>Pertanyaan:</strong> ");
		h_text(p, c[i].question);
		H(p, "<br><strong>Jawaban:</strong> ");
		h_textc(p, c[i].answer.len > 0 ? "" : "belum dijawab");
		h_text(p, c[i].answer);
		H(p, "</p>");
	}
	if (!open || !app_may(&r->who, ACT_CLARIFY, v->sel.s.region_id,
	    v->sel.s.id))
		return;
	post_form(r, rs, arena_printf(r->ar, "%.*s/tanya", (int)base.len,
	    base.p));
	H(p, "<label for=\"question\">Pertanyaan kepada pelamar</label>"
	    "<textarea id=\"question\" name=\"question\" rows=\"2\" "
	    "required>");
	h_text(p, form_get(&r->form, "question"));	/* when refused */
	H(p, "</textarea><button type=\"submit\">Kirim permintaan "
	    "klarifikasi</button></form>");
}

/*
 * The override a pass of x needs (the core's evaluation of the frozen
 * record, the file's check): the statement to tick, naming the rules, and
 * its reason.  Nothing when a pass needs none.
 */
static void
override_fields(struct req *r, struct page *p, const struct s_adm *x)
{
	struct elig_out *o = NULL;
	struct adm_override ov;
	struct str list;

	(void)app_application_review(r->app, r->ar, &r->who, x->a.id, &o);
	adm_override_need(o, x->complete, &ov);
	if (!adm_override_needed(&ov))
		return;
	list = adm_override_list(r->ar, &ov);
	H(p, "<p>Menurut pemeriksaan, pelamar ini tidak memenuhi <code>");
	h_text(p, list);
	if (ov.unknown)
		H(p, "</code> (catatan pelamar tidak dapat dinilai)");
	else
		H(p, "</code>");
	H(p, ". Keputusan lulus memerlukan pernyataan dan alasannya, yang "
	    "dicatat dan ditampilkan kepada panitia.</p><label "
	    "class=\"check\"><input type=\"checkbox\" id=\"override\" "
	    "name=\"override\" value=\"1\"");
	/* a refused decision comes back as posted */
	if (form_has(&r->form, "override", STR("1")))
		H(p, " checked");
	H(p, "> Saya meluluskan pelamar ini walaupun tidak memenuhi ");
	h_text(p, list);
	H(p, ".</label><label for=\"override_reason\">Alasan meluluskan "
	    "(wajib bila dicentang)</label><textarea id=\"override_reason\" "
	    "name=\"override_reason\" rows=\"2\">");
	h_text(p, form_get(&r->form, "override_reason"));
	H(p, "</textarea>");
}

static void
application_page(struct req *r, struct resp *rs, struct adm_view *v,
    const struct s_adm *x, const char *msg)
{
	struct page *p = &rs->pg;
	int64_t sel = v->sel.s.id;
	struct str base = arena_printf(r->ar, "/kelola/%lld/lamaran/%lld",
	    (long long)sel, (long long)x->a.id);
	bool open = v->closed && !v->published &&
	    app_state(&x->a) == FA_SUBMITTED;

	page_begin(r, rs, arena_printf(r->ar, "Lamaran %.*s",
	    (int)x->a.reg_no.len, x->a.reg_no.p).p);
	if (msg != NULL)
		h_msg(p, false, msg);
	H(p, "<p>");
	h_text(p, x->a.name);
	H(p, " · ");
	h_text(p, x->a.vacancy_title);
	H(p, " · dikirim ");
	h_when(p, x->a.submitted_at, sel_zone(&v->sel));
	H(p, "</p>");
	if (app_state(&x->a) == FA_WITHDRAWN)
		H(p, "<p>Lamaran ini ditarik oleh pelamar.</p>");
	H(p, "<h2>Pemeriksaan persyaratan saat pengiriman</h2>");
	h_frozen_rules(r, p, x->a.rules);
	review(r, p, x->a.id);
	documents(r, p, v, x->a.id);
	H(p, "<h2>Kelengkapan berkas</h2><p>");
	h_textc(p, completeness(x->complete));
	if (x->check_note.len > 0) {
		H(p, ": ");
		h_text(p, x->check_note);
	}
	H(p, "</p>");
	if (open && app_may(&r->who, ACT_ADM_CHECK, v->sel.s.region_id, sel)) {
		post_form(r, rs, arena_printf(r->ar, "%.*s/periksa",
		    (int)base.len, base.p));
		/* a refused check comes back as posted */
		H(p, "<fieldset><legend>ADM-COMPLETE</legend><label "
		    "class=\"check\"><input type=\"radio\" name=\"complete\" "
		    "id=\"c1\" value=\"1\"");
		if (form_has(&r->form, "complete", STR("1")))
			H(p, " checked");
		H(p, "> Lengkap</label><label class=\"check\"><input "
		    "type=\"radio\" name=\"complete\" id=\"c0\" value=\"0\"");
		if (form_has(&r->form, "complete", STR("0")))
			H(p, " checked");
		H(p, "> Tidak lengkap</label><label for=\"note\">Catatan (wajib "
		    "bila tidak lengkap)</label><textarea id=\"note\" "
		    "name=\"note\" rows=\"2\">");
		h_text(p, form_get(&r->form, "note"));
		H(p, "</textarea></fieldset><button type=\"submit\">Simpan "
		    "pemeriksaan</button></form>");
	}
	clarifications(r, rs, v, x, base, open);
	H(p, "<h2>Keputusan panitia</h2><p>");
	h_textc(p, decision(x->passed));
	if (x->reason.len > 0) {
		H(p, ": ");
		h_text(p, x->reason);
	}
	H(p, "</p>");
	if (x->ov_rules.len > 0) {
		H(p, "<p class=\"override\"><strong>Diluluskan dengan "
		    "pengecualian</strong> oleh ");
		h_text(p, x->ov_by);
		H(p, ", ");
		h_date_str(p, x->ov_at);
		H(p, ", walaupun tidak memenuhi <code>");
		h_text(p, x->ov_rules);
		H(p, "</code>. Alasan: ");
		h_text(p, x->ov_reason);
		H(p, "</p>");
	}
	if (open && app_may(&r->who, ACT_STAGE_DECIDE, v->sel.s.region_id,
	    sel)) {
		post_form(r, rs, arena_printf(r->ar, "%.*s/putuskan",
		    (int)base.len, base.p));
		/* a refused decision comes back as posted */
		H(p, "<fieldset><legend>Keputusan seleksi administrasi"
		    "</legend><label class=\"check\"><input type=\"radio\" "
		    "name=\"passed\" id=\"p1\" value=\"1\"");
		if (form_has(&r->form, "passed", STR("1")))
			H(p, " checked");
		H(p, "> Lulus</label><label class=\"check\"><input "
		    "type=\"radio\" name=\"passed\" id=\"p0\" value=\"0\"");
		if (form_has(&r->form, "passed", STR("0")))
			H(p, " checked");
		H(p, "> Tidak lulus</label><label for=\"reason\">Alasan (wajib)"
		    "</label><textarea id=\"reason\" name=\"reason\" rows=\"2\" "
		    "required>");
		h_text(p, form_get(&r->form, "reason"));
		H(p, "</textarea>");
		override_fields(r, p, x);
		H(p, "</fieldset><button type=\"submit\">Simpan keputusan"
		    "</button></form>");
	}
	h_app_stages(r, p, x->a.id, sel_zone(&v->sel));	/* stage part */
	H(p, "<p><a");
	HA(p, "href", arena_printf(r->ar, "/kelola/%lld/administrasi",
	    (long long)sel));
	H(p, ">Kembali ke daftar</a></p>");
	page_end(r, rs);
}

static const struct s_adm *
find_row(const struct adm_view *v, int64_t id)
{
	for (size_t i = 0; i < v->nrows; i++)
		if (v->rows[i].a.id == id)
			return &v->rows[i];
	return NULL;
}

void
h_adm_application(struct req *r, struct resp *rs)
{
	struct adm_view v;
	const struct s_adm *x;

	if (!staff_view(r, rs, &v))
		return;
	if ((x = find_row(&v, r->ids[1])) == NULL) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Lamaran tidak "
		    "ditemukan.");
		return;
	}
	application_page(r, rs, &v, x, NULL);
}

void
h_adm_act(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	struct adm_view v;
	const struct s_adm *x;
	struct str yes = str_eqc(r->word, "tanya") ? STR("1") :
	    form_get(&r->form, str_eqc(r->word, "periksa") ? "complete" :
	    "passed");
	enum sel_err rc;

	if (r->who.account_id == 0) {
		page_error(r, rs, MHD_HTTP_FORBIDDEN, "Silakan masuk.");
		return;
	}
	if (!str_eqc(yes, "1") && !str_eqc(yes, "0")) {
		snprintf(m.text, sizeof m.text, "Pilih salah satu pilihan.");
		rc = SEL_EINVAL;
	} else if (str_eqc(r->word, "periksa")) {
		rc = app_adm_check(r->app, r->ar, &r->who, r->ids[0],
		    r->ids[1], str_eqc(yes, "1"), form_get(&r->form, "note"),
		    &m);
	} else if (str_eqc(r->word, "tanya")) {
		rc = app_clarify(r->app, r->ar, &r->who, r->ids[0],
		    r->ids[1], form_get(&r->form, "question"), &m);
	} else if (str_eqc(r->word, "putuskan")) {
		rc = app_adm_decide_ov(r->app, r->ar, &r->who, r->ids[0],
		    r->ids[1], str_eqc(yes, "1"), form_get(&r->form,
		    "reason"), form_has(&r->form, "override", STR("1")),
		    form_get(&r->form, "override_reason"), &m);
	} else {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Halaman tidak "
		    "ditemukan.");
		return;
	}
	if (rc == SEL_OK) {
		resp_redirect(rs, arena_printf(r->ar, "/kelola/%lld/"
		    "administrasi?ok=1", (long long)r->ids[0]).p);
		return;
	}
	if (rc == SEL_EPERM || rc == SEL_ENOENT) {
		page_error(r, rs, web_status(rc), m.text[0] ? m.text :
		    "Tidak diizinkan.");
		return;
	}
	if (!staff_view(r, rs, &v))
		return;
	if ((x = find_row(&v, r->ids[1])) == NULL) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, "Lamaran tidak "
		    "ditemukan.");
		return;
	}
	rs->status = web_status(rc);
	application_page(r, rs, &v, x, m.text);
}

void
h_adm_result(struct req *r, struct resp *rs)
{
	struct s_publication *pubs = NULL;
	struct adm_view v;
	struct page *p = &rs->pg;
	size_t n = 0, shown = 0;
	bool later = false;
	enum sel_err rc = app_adm_result(r->app, r->ar, r->ids[0], &v);

	if (rc != SEL_OK || !v.sel.published) {
		page_error(r, rs, MHD_HTTP_NOT_FOUND, rc == SEL_ESTATE ?
		    "Hasil seleksi administrasi belum diumumkan." :
		    "Seleksi tidak ditemukan.");
		return;
	}
	if (app_publications(r->app, r->ar, v.sel.s.id, &pubs, &n) !=
	    SEL_OK) {
		page_error(r, rs, 500, "Hasil tidak dapat dibaca.");
		return;
	}
	rs->cache = "public, max-age=60";
	page_begin(r, rs, "Hasil seleksi administrasi");
	/* As signed; nothing done later changes it. */
	for (size_t i = 0; i < n; i++) {
		if (pubs[i].kind != PUB_ADM_RESULT)
			continue;
		H(p, "<article class=\"pub\"");
		HA(p, "id", arena_printf(r->ar, "pub-%lld",
		    (long long)pubs[i].id));
		H(p, ">");
		h_stored(p, pubs[i].body);
		H(p, "<p class=\"small hash\">Sidik dokumen (SHA-256): <code>");
		h_text(p, pubs[i].sha256);
		H(p, "</code></p>");
		h_pub_trail(r, p, &pubs[i]);
		/* pdf: the same document as a letter */
		h_pdf_link(r, p, arena_printf(r->ar, "/seleksi/%lld/dokumen/"
		    "%lld.pdf", (long long)v.sel.s.id,
		    (long long)pubs[i].id).p);
		H(p, "</article>");
		shown++;
	}
	if (shown == 0)
		H(p, "<p>Dokumen hasil tidak tersimpan.</p>");
	/* What happened since, beside it: withdrawals after the result. */
	for (size_t i = 0; i < v.nrows; i++) {
		const struct s_adm *x = &v.rows[i];

		if (x->passed != 1 || app_state(&x->a) != FA_WITHDRAWN)
			continue;
		if (!later)
			H(p, "<h2>Sesudah pengumuman ini</h2><ul>");
		later = true;
		H(p, "<li>");
		h_text(p, x->a.reg_no);
		H(p, " ");
		h_text(p, x->a.name);
		H(p, " menarik lamaran.</li>");
	}
	if (later)
		H(p, "</ul>");
	page_end(r, rs);
}
