/*
 * h_reuse.c - STG-REUSE's pages (app/reuse.h).
 *
 * /kelola/N/tahap/asesmen/ulang: the candidates of the selection's
 * assessment stage, each with the results the region has on record for
 * their NIP (provider, date, score, until when valid, the core's verdict
 * with its rule and citation) and, where it may be used, a form to apply
 * it with a ticked statement; then the reuses applied.
 *
 * /kelola/asesmen: the secretariat's record of an assessment held outside
 * selter, per region, and the region's records.
 *
 * A refused form comes back with what was typed and the error beside its
 * field; app decides who may do what and refuses anything else anyway.
 */
#include <inttypes.h>
#include <string.h>

#include <microhttpd.h>

#include "app/reuse.h"
#include "base/arena.h"
#include "core/prac.h"
#include "core/profile.h"
#include "core/score.h"
#include "web/web.h"
#include "base/banned.h"

static void
score(struct page *p, int64_t sum, int64_t count)
{
	struct stage_score s = { sum, count > 0 ? count : 1, true };
	int64_t v = stage_display(&s);

	h_textf(p, "%" PRId64 ",%02" PRId64, v / 100, v % 100);
}

static void
field_err(struct page *p, struct str id, const char *msg)
{
	H(p, "<p class=\"field-err\"");
	HA(p, "id", id);
	H(p, ">");
	h_textc(p, msg);
	H(p, "</p>");
}

/* ---- the selection's page ---- */

struct sctx {
	struct req		*r;
	struct resp		*rs;
	struct page		*p;
	struct reuse_view	*rv;
	int64_t			 bad_app, bad_rec;	/* the refused form */
	const char		*msg;
};

static void
rule_line(struct sctx *c)
{
	const struct prof_rule *r = c->rv->rule;
	const struct reuse_params *rp = r->reuse;

	H(c->p, "<p>Hasil assessment yang dinyatakan lulus dari pelamar yang "
	    "tidak dapat mengikuti tes selanjutnya dapat digunakan untuk "
	    "seleksi berikutnya di wilayah ini paling lama ");
	if (rp->valid_years > 0) {
		h_int(c->p, rp->valid_years);
		H(c->p, " tahun");
	} else {
		h_int(c->p, rp->valid_months);
		H(c->p, " bulan");
	}
	h_textc(c->p, rp->from == RF_HELD ? " sejak tanggal pelaksanaan assessment" :
	    " sejak tanggal laporan hasilnya");
	h_textc(c->p, rp->reading == READ_INCLUSIVE ? ", sampai dengan tanggal "
	    "yang sama pada akhir masa itu" : ", sampai sehari sebelum "
	    "tanggal yang sama pada akhir masa itu");
	H(c->p, " (STG-REUSE, ");
	h_text(c->p, r->citation);
	H(c->p, "). Masa berlaku diperiksa pada hari terakhir tahap asesmen "
	    "seleksi ini: ");
	if (c->rv->stage_on != 0)
		h_date(c->p, c->rv->stage_on);
	else
		H(c->p, "belum dijadwalkan dalam rencana");
	H(c->p, ".</p>");
}

static void
apply_form(struct sctx *c, const struct reuse_cand *k,
    const struct reuse_option *o)
{
	struct arena *ar = c->r->ar;
	bool refused = c->bad_app == k->c.a.id && c->bad_rec == o->rec.id;
	struct str id = arena_printf(ar, "ulang-%" PRId64 "-%" PRId64,
	    k->c.a.id, o->rec.id);
	struct str err = arena_printf(ar, "%s-err", id.p);

	H(c->p, "<form method=\"post\"");
	HA(c->p, "action", arena_printf(ar, "/kelola/%" PRId64 "/tahap/asesmen"
	    "/ulang", c->rv->v.s.id));
	H(c->p, ">");
	form_csrf(c->r, c->rs);
	H(c->p, "<input type=\"hidden\" name=\"application\"");
	HAI(c->p, "value", k->c.a.id);
	H(c->p, "><input type=\"hidden\" name=\"record\"");
	HAI(c->p, "value", o->rec.id);
	H(c->p, "><label class=\"check\"><input type=\"checkbox\" "
	    "name=\"confirm\" value=\"1\"");
	HA(c->p, "id", id);
	if (refused && form_has(&c->r->form, "confirm", STR("1")))
		H(c->p, " checked");
	if (refused) {
		H(c->p, " aria-invalid=\"true\"");
		HA(c->p, "aria-describedby", err);
	}
	H(c->p, "> Laporan hasil assessment ini sudah saya periksa, dan "
	    "pelamar tidak dapat mengikuti tes selanjutnya pada seleksi "
	    "asalnya.</label>");
	if (refused)
		field_err(c->p, err, c->msg);
	H(c->p, "<button type=\"submit\">Gunakan hasil ini</button></form>");
}

static void
option(struct sctx *c, const struct reuse_cand *k,
    const struct reuse_option *o)
{
	const struct s_assess_rec *r = &o->rec;
	struct str zone = sel_zone(&c->rv->v);

	H(c->p, "<li><p><strong>");
	h_text(c->p, r->provider);
	H(c->p, "</strong>");
	if (r->accreditation.len > 0) {
		H(c->p, " (akreditasi ");
		h_text(c->p, r->accreditation);
		H(c->p, ")");
	}
	H(c->p, ", dilaksanakan ");
	h_date_str(c->p, r->held_on);
	H(c->p, ", laporan ");
	h_date_str(c->p, r->result_on);
	H(c->p, ": ");
	h_textc(c->p, r->passed ? "lulus" : "tidak lulus");
	H(c->p, ", nilai ");
	score(c->p, r->score_sum, r->score_count);
	H(c->p, ". Seleksi asal: ");
	h_text(c->p, r->source_title.len > 0 ? r->source_title : r->source);
	if (r->report_ref.len > 0) {
		H(c->p, "; laporan ");
		h_text(c->p, r->report_ref);
	}
	H(c->p, ". Dicatat oleh ");
	h_text(c->p, r->recorded_by);
	H(c->p, " pada ");
	h_when_day(c->p, r->recorded_at, zone);
	H(c->p, ".</p><p>Berlaku sampai dengan: <strong>");
	if (o->v.until != 0)
		h_date(c->p, o->v.until);
	else
		H(c->p, "tidak berlaku");
	H(c->p, "</strong></p><ul class=\"rules\"><li><span");
	HA(c->p, "class", o->v.ok ? STR("pass") : STR("fail"));
	H(c->p, ">");
	h_textc(c->p, o->v.ok ? "Dapat digunakan" : "Tidak dapat digunakan");
	H(c->p, "</span> <strong>");
	h_textc(c->p, rule_name(o->v.rule));
	H(c->p, "</strong>: ");
	h_text(c->p, o->v.reason);
	H(c->p, " <span class=\"small\">");
	h_text(c->p, o->v.citation);
	H(c->p, "</span></li></ul>");
	if (o->v.ok && c->rv->may_apply && !c->rv->closed &&
	    k->applied == NULL && !k->scored)
		apply_form(c, k, o);
	else if (c->bad_app == k->c.a.id && c->bad_rec == r->id)
		field_err(c->p, STR("ulang-err"), c->msg);
	H(c->p, "</li>");
}

static void
candidate(struct sctx *c, const struct reuse_cand *k)
{
	H(c->p, "<li><h3>");
	h_text(c->p, k->c.a.reg_no);
	H(c->p, " · ");
	h_text(c->p, k->c.a.name);
	H(c->p, "</h3><p>NIP ");
	h_text(c->p, k->nip);
	H(c->p, " · ");
	h_text(c->p, k->c.a.vacancy_title);
	if (k->c.absent)
		H(c->p, " · tercatat tidak hadir");
	H(c->p, "</p>");
	if (k->applied != NULL) {
		H(c->p, "<p class=\"done\">Hasil assessment sebelumnya sudah "
		    "digunakan (berlaku sampai ");
		h_date_str(c->p, k->applied->valid_until);
		H(c->p, ").</p>");
	} else if (k->scored) {
		H(c->p, "<p>Sudah dinilai pada tahap asesmen seleksi ini.</p>");
	}
	if (k->nopt == 0) {
		H(c->p, "<p>Tidak ada hasil assessment yang tercatat untuk NIP "
		    "ini di wilayah ini.</p></li>");
		return;
	}
	H(c->p, "<ul>");
	for (size_t i = 0; i < k->nopt; i++)
		option(c, k, &k->opt[i]);
	H(c->p, "</ul></li>");
}

static void
applied_table(struct sctx *c)
{
	struct reuse_view *rv = c->rv;

	H(c->p, "<h2 id=\"digunakan\">Hasil yang sudah digunakan</h2>");
	if (rv->napplied == 0) {
		H(c->p, "<p>Belum ada.</p>");
		return;
	}
	H(c->p, SCROLL("Hasil yang sudah digunakan") "<table><thead><tr><th "
	    "scope=\"col\">Nomor pendaftaran</th><th scope=\"col\">Nama</th>"
	    "<th scope=\"col\">Penyelenggara, tanggal</th><th scope=\"col\">"
	    "Nilai</th><th scope=\"col\">Berlaku sampai"
	    "</th><th scope=\"col\">Oleh</th><th scope=\"col\">Waktu</th>"
	    "</tr></thead><tbody>");
	for (size_t i = 0; i < rv->napplied; i++) {
		const struct s_reuse *u = &rv->applied[i];

		H(c->p, "<tr><td>");
		h_text(c->p, u->reg_no);
		H(c->p, "</td><td>");
		h_text(c->p, u->name);
		H(c->p, "</td><td>");
		h_text(c->p, u->provider);
		H(c->p, ", ");
		h_date_str(c->p, u->held_on);
		H(c->p, "</td><td>");
		score(c->p, u->score_sum, u->score_count);
		H(c->p, "</td><td>");
		h_date_str(c->p, u->valid_until);
		H(c->p, "</td><td>");
		h_text(c->p, u->applied_by);
		H(c->p, "</td><td>");
		h_when(c->p, u->applied_at, sel_zone(&rv->v));
		H(c->p, "</td></tr>");
	}
	H(c->p, "</tbody></table></div>");
}

static void
reuse_page(struct sctx *c, bool ok)
{
	struct reuse_view *rv = c->rv;

	page_begin(c->r, c->rs, "Penggunaan kembali hasil assessment");
	if (c->msg != NULL)
		h_msg(c->p, ok, c->msg);
	H(c->p, "<p><a");
	HA(c->p, "href", arena_printf(c->r->ar, "/kelola/%" PRId64,
	    rv->v.s.id));
	H(c->p, ">");
	h_text(c->p, rv->v.s.f[SF_TITLE]);
	H(c->p, "</a> · tahap asesmen · profil ");
	h_text(c->p, rv->v.profile->id);
	H(c->p, "</p>");
	if (rv->rule == NULL || rv->rule->reuse == NULL) {
		H(c->p, "<p>Peraturan wilayah ini tidak mengatur penggunaan "
		    "kembali hasil assessment (STG-REUSE): hasil seleksi lain "
		    "tidak dapat digunakan.</p>");
		page_end(c->r, c->rs);
		return;
	}
	rule_line(c);
	if (rv->closed)
		H(c->p, "<p>Tahap asesmen seleksi ini sudah ditutup.</p>");
	H(c->p, "<h2 id=\"peserta\">Peserta tahap asesmen</h2>");
	if (rv->ncand == 0)
		H(c->p, "<p>Belum ada peserta: hasil seleksi administrasi belum "
		    "diumumkan.</p>");
	else
		H(c->p, "<ul class=\"cards\">");
	for (size_t i = 0; i < rv->ncand; i++)
		candidate(c, &rv->cand[i]);
	if (rv->ncand > 0)
		H(c->p, "</ul>");
	applied_table(c);
	page_end(c->r, c->rs);
}

static bool
logged_in(struct req *r, struct resp *rs)
{
	if (r->who.account_id != 0)
		return true;
	resp_redirect(rs, "/masuk");
	return false;
}

void
h_reuse(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	struct reuse_view rv;
	struct sctx c = { r, rs, &rs->pg, &rv, 0, 0, NULL };
	enum sel_err rc;

	if (!logged_in(r, rs))
		return;
	rc = app_reuse_view(r->app, r->ar, &r->who, r->ids[0], &rv, &m);
	if (rc != SEL_OK) {
		page_error(r, rs, web_status(rc), m.text[0] ? m.text :
		    "Halaman tidak dapat dibuka.");
		return;
	}
	if (req_query(r, "ok").len > 0)
		c.msg = "Hasil assessment digunakan dan dicatat dalam jejak "
		    "audit.";
	reuse_page(&c, true);
}

void
h_reuse_post(struct req *r, struct resp *rs)
{
	struct app_msg m = { "" };
	const char *field = NULL;
	struct reuse_view rv;
	struct sctx c = { r, rs, &rs->pg, &rv, 0, 0, NULL };
	enum sel_err rc;

	if (!logged_in(r, rs))
		return;
	rc = app_reuse_apply(r->app, r->ar, &r->who, r->ids[0], &r->form, &m,
	    &field);
	if (rc == SEL_OK) {
		resp_redirect(rs, arena_printf(r->ar, "/kelola/%" PRId64
		    "/tahap/asesmen/ulang?ok=1#digunakan", r->ids[0]).p);
		return;
	}
	if (rc == SEL_EPERM || rc == SEL_ENOENT ||
	    app_reuse_view(r->app, r->ar, &r->who, r->ids[0], &rv,
	    &(struct app_msg){ "" }) != SEL_OK) {
		page_error(r, rs, web_status(rc), m.text[0] ? m.text :
		    "Gagal.");
		return;
	}
	(void)parse_i64(form_get(&r->form, "application"), 1, INT64_MAX,
	    &c.bad_app);
	(void)parse_i64(form_get(&r->form, "record"), 1, INT64_MAX,
	    &c.bad_rec);
	c.msg = m.text[0] ? m.text : "Gagal.";
	rs->status = web_status(rc);
	reuse_page(&c, false);
}
