/*
 * report.c - the report to the oversight body and its recommendation
 * (report.h).
 */
#include <inttypes.h>
#include <string.h>

#include <sodium.h>

#include "app/letters.h"
#include "app/prep.h"
#include "app/report_int.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/json.h"
#include "core/profile.h"
#include "store/store_result.h"
#include "base/banned.h"

#define TEXT_MIN	10
#define TEXT_MAX	4000
#define PACK_MAX	(8u << 20)

static const char *const verdicts[] = { "recommended", "with_notes",
	"not_recommended", NULL };

enum sel_err
report_fact(struct stx *tx, struct arena *ar, int64_t sel, bool *recommended)
{
	struct s_recommend r;
	enum sel_err rc;

	*recommended = false;
	rc = store_recommend_get(tx, ar, sel, &r);
	if (rc == SEL_OK) {
		/* ---- letters ---- a binding one waits for its follow-up */
		struct s_followup f;
		enum sel_err frc = store_followup_get(tx, ar, sel, &f);

		if (frc != SEL_OK && frc != SEL_ENOENT)
			return frc;
		*recommended = appt_rec_opens(str_eqc(r.verdict,
		    "not_recommended"), r.binding, frc == SEL_OK);
	}
	return rc == SEL_ENOENT ? SEL_OK : rc;
}

static void
rule_of(struct arena *ar, const struct profile *p, enum rule_id id,
    struct rule_result *out)
{
	const struct prof_rule *r = profile_rule_any(p, id);

	memset(out, 0, sizeof *out);
	out->id = id;
	out->status = r != NULL ? RS_PASS : RS_MISSING;
	out->citation = r != NULL ? r->citation : STR("");
	out->detail = id == R_APPT_KASN_REPORT ? arena_printf(ar, "Panitia "
	    "menyampaikan berita acara, keputusan, nilai setiap tahap dan "
	    "hasil asesmen kepada instansi pengawas untuk mendapat "
	    "rekomendasi sebelum pelantikan.") : arena_printf(ar, "PPK "
	    "melaporkan hasil seleksi kepada instansi pengawas dengan "
	    "tembusan sebagaimana peraturan daerah ini mengatur.");
}

/* The committee sends it (APPT-KASN-REPORT), the PPK reports
   (APPT-REPORT), the secretariat writes the letters. */
static bool
sender(const struct who *w, const struct sel_view *v)
{
	return app_has_role(w, ROLE_CHAIR, v->s.region_id, v->s.id) ||
	    app_has_role(w, ROLE_PPK, v->s.region_id, v->s.id) ||
	    app_has_role(w, ROLE_SECRETARIAT, v->s.region_id, v->s.id);
}

static enum sel_err load_more(struct stx *, struct arena *,
		    const struct who *, int64_t sel, struct report_view *);

static enum sel_err
load(struct app *a, struct stx *tx, struct arena *ar, const struct who *w,
    int64_t sel, struct report_view *rv)
{
	enum sel_err rc;

	memset(rv, 0, sizeof *rv);
	if ((rc = choice_load(a, tx, ar, w, sel, &rv->cv)) != SEL_OK)
		return rc;
	return load_more(tx, ar, w, sel, rv);
}

/* The report's own rows, once the choice view is read. */
static enum sel_err
load_more(struct stx *tx, struct arena *ar, const struct who *w, int64_t sel,
    struct report_view *rv)
{
	const struct sel_view *v = &rv->cv.rk.sel;
	enum sel_err rc;

	rv->to = v->region.oversight.len > 0 ? v->region.oversight :
	    STR("instansi pengawas");
	rule_of(ar, v->profile, R_APPT_KASN_REPORT, &rv->kasn);
	rule_of(ar, v->profile, R_APPT_REPORT, &rv->report);
	rc = store_report_get(tx, ar, sel, &rv->rs);
	if (rc != SEL_OK && rc != SEL_ENOENT)
		return rc;
	rv->sent = rc == SEL_OK;
	rc = store_recommend_get(tx, ar, sel, &rv->rec);
	if (rc != SEL_OK && rc != SEL_ENOENT)
		return rc;
	rv->has_rec = rc == SEL_OK;
	rv->may_send = w != NULL && v->state == FL_REPORT && !rv->sent &&
	    sender(w, v);
	rv->may_recommend = w != NULL && v->state == FL_REPORT && rv->sent &&
	    !rv->has_rec && app_may(w, ACT_RECOMMEND, v->s.region_id, sel);
	return report_more_load(tx, ar, w, rv);	/* ---- letters ---- */
}

static bool
reads_page(const struct who *w, const struct sel_view *v)
{
	return app_ranking_may(w, v) || app_has_role(w, ROLE_SECRETARIAT,
	    v->s.region_id, v->s.id);
}

enum sel_err
app_report_view(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct report_view *rv, struct app_msg *m)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, tx, ar, sel, &rv->cv.rk.sel);
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Seleksi tidak ditemukan.");
	else if (rc == SEL_OK && !reads_page(w, &rv->cv.rk.sel))
		rc = app_say(m, SEL_EPERM, "Laporan hasil seleksi hanya untuk "
		    "panitia, sekretariat, PyB, PPK dan instansi pengawas.");
	else if (rc == SEL_OK && rv->cv.rk.sel.state < FL_REPORT)
		rc = app_say(m, SEL_ESTATE, "Laporan hasil seleksi disusun "
		    "setelah pilihan PPK dan konsultasi khusus (tahap sekarang: "
		    "%s).", flow_state_label(rv->cv.rk.sel.state));
	if (rc == SEL_OK)
		rc = load(a, tx, ar, w, sel, rv);
	store_abort(a->st, tx);
	return rc;
}

/* ---- the pack (docs/report-format.md) ---- */

static void
kv_str(struct json_w *j, const char *k, struct str v)
{
	jw_key(j, k);
	jw_str(j, v);
}

static void
vacancy_json(struct json_w *j, const struct choice_vac *x)
{
	jw_obj(j);
	jw_key(j, "id");
	jw_int(j, x->rv->vacancy_id);
	kv_str(j, "title", x->rv->title);
	kv_str(j, "kind", x->rv->kind);
	jw_key(j, "shortlist");
	jw_arr(j);
	for (size_t i = 0; i < x->n; i++) {
		jw_obj(j);
		kv_str(j, "reg_no", x->c[i].reg_no);
		kv_str(j, "name", x->c[i].name);
		jw_key(j, "rank");
		jw_int(j, x->c[i].row->r->rank);
		jw_key(j, "final");
		jw_fixed2(j, x->c[i].row->r->final);
		jw_obj_end(j);
	}
	jw_arr_end(j);
	jw_key(j, "choice");
	if (x->chosen) {
		jw_obj(j);
		kv_str(j, "reg_no", x->choice.reg_no);
		kv_str(j, "name", x->choice.name);
		kv_str(j, "chosen_on", x->choice.chosen_on);
		kv_str(j, "reason", x->choice.reason);
		kv_str(j, "recorded_by", x->choice.recorded_by);
		jw_obj_end(j);
	} else
		jw_null(j);
	jw_key(j, "consultations");
	jw_arr(j);
	for (size_t i = 0; i < x->nit; i++) {
		const struct consult_item *it = &x->it[i];

		jw_obj(j);
		kv_str(j, "rule", str_c(rule_name(it->c.rule)));
		kv_str(j, "citation", it->c.citation);
		kv_str(j, "with", it->c.with);
		for (int k = 0; k < 2; k++) {
			const struct s_consult *c = k == 0 ? it->sent :
			    it->answer;

			jw_key(j, k == 0 ? "sent" : "answer");
			if (c == NULL) {
				jw_null(j);
				continue;
			}
			jw_obj(j);
			kv_str(j, "letter_no", c->letter_no);
			kv_str(j, "letter_on", c->letter_on);
			kv_str(j, "summary", c->summary);
			jw_obj_end(j);
		}
		jw_key(j, "late");
		jw_bool(j, it->late);
		jw_obj_end(j);
	}
	jw_arr_end(j);
	jw_obj_end(j);
}

/* Each closed stage: its closing, its publication, every outcome. */
static enum sel_err
stages_json(struct app *a, struct stx *tx, struct arena *ar,
    const struct sel_view *v, struct json_w *j)
{
	struct s_stage_close *cl;
	struct s_outcome *o;
	struct s_publication *pub;
	size_t ncl, no, npub;
	enum sel_err rc;

	(void)a;
	if ((rc = store_stage_closes(tx, ar, v->s.id, &cl, &ncl)) != SEL_OK ||
	    (rc = store_outcomes(tx, ar, v->s.id, STR(""), &o, &no)) ||
	    (rc = store_publications(tx, ar, v->s.id, &pub, &npub)))
		return rc;
	jw_key(j, "stages");
	jw_arr(j);
	for (size_t i = 0; i < ncl; i++) {
		jw_obj(j);
		kv_str(j, "stage", cl[i].stage);
		kv_str(j, "closed_at", cl[i].closed_at);
		kv_str(j, "closed_by", cl[i].closed_by);
		kv_str(j, "decision", cl[i].decision);
		for (size_t k = 0; k < npub; k++) {
			unsigned char h[crypto_hash_sha256_BYTES];
			char hex[2 * crypto_hash_sha256_BYTES + 1];

			if (pub[k].kind != PUB_STAGE_RESULT ||
			    !str_eq(pub[k].stage, cl[i].stage))
				continue;
			kv_str(j, "published_at", pub[k].published_at);
			kv_str(j, "result_sha256", pub[k].sha256);
			crypto_hash_sha256(h, (const unsigned char *)
			    pub[k].sheet.p, pub[k].sheet.len);
			sodium_bin2hex(hex, sizeof hex, h, sizeof h);
			kv_str(j, "sheet_sha256", str_c(hex));
		}
		jw_key(j, "outcomes");
		jw_arr(j);
		for (size_t k = 0; k < no; k++) {
			struct stage_score s = { o[k].sum, o[k].count,
			    o[k].count > 0 };

			if (!str_eq(o[k].stage, cl[i].stage))
				continue;
			jw_obj(j);
			kv_str(j, "reg_no", o[k].reg_no);
			kv_str(j, "name", o[k].name);
			jw_key(j, "score");
			if (o[k].count > 0)
				jw_fixed2(j, stage_display(&s));
			else
				jw_null(j);
			kv_str(j, "outcome", o[k].outcome);
			jw_obj_end(j);
		}
		jw_arr_end(j);
		jw_obj_end(j);
	}
	jw_arr_end(j);
	return SEL_OK;
}

/* ---- letters ---- the copies, the letters, the documents sent */
static void
more_json(struct arena *ar, struct json_w *j, const struct report_view *rv,
    const struct s_report_doc *docs, size_t ndocs)
{
	const struct sel_view *v = &rv->cv.rk.sel;

	jw_key(j, "copies");
	jw_arr(j);
	for (size_t i = 0; i < rv->ncopies; i++) {
		jw_obj(j);
		kv_str(j, "to", rv->copies[i].to);
		kv_str(j, "citation", arena_printf(ar, "%.*s %.*s",
		    (int)v->profile->cite.len, v->profile->cite.p,
		    (int)rv->copies[i].citation.len,
		    rv->copies[i].citation.p));
		jw_obj_end(j);
	}
	jw_arr_end(j);
	jw_key(j, "letters");
	jw_arr(j);
	for (size_t i = 0; i < rv->cv.nletters; i++) {
		const struct s_letter *l = &rv->cv.letters[i];

		jw_obj(j);
		kv_str(j, "ref", l->ref);
		kv_str(j, "sha256", l->sha256);
		jw_key(j, "size");
		jw_int(j, l->size);
		jw_obj_end(j);
	}
	jw_arr_end(j);
	if (docs == NULL)
		return;
	jw_key(j, "documents");
	jw_arr(j);
	for (size_t i = 0; i < ndocs; i++) {
		jw_obj(j);
		kv_str(j, "name", docs[i].name);
		kv_str(j, "title", docs[i].title);
		kv_str(j, "sha256", docs[i].sha256);
		jw_key(j, "size");
		jw_int(j, docs[i].size);
		jw_obj_end(j);
	}
	jw_arr_end(j);
}
/* ---- end letters ---- */

static enum sel_err
pack(struct app *a, struct stx *tx, struct arena *ar,
    const struct report_view *rv, const struct s_report_doc *docs,
    size_t ndocs, struct str *out)
{
	const struct sel_view *v = &rv->cv.rk.sel;
	struct audit_head h;
	char hex[65];
	struct json_w j;
	struct buf b;
	enum sel_err rc;

	if ((rc = store_audit_head(tx, &h)) != SEL_OK)
		return rc;
	sodium_bin2hex(hex, sizeof hex, h.hash, sizeof h.hash);
	buf_init(&b, PACK_MAX);
	jw_init(&j, &b);
	jw_obj(&j);
	jw_key(&j, "selter_report");
	jw_int(&j, 1);
	jw_key(&j, "selection");
	jw_obj(&j);
	jw_key(&j, "id");
	jw_int(&j, v->s.id);
	kv_str(&j, "title", v->s.f[SF_TITLE]);
	kv_str(&j, "region", v->region.name);
	kv_str(&j, "profile", v->profile->id);
	kv_str(&j, "regulation", v->profile->regulation);
	jw_obj_end(&j);
	kv_str(&j, "to", rv->to);
	jw_key(&j, "rules");
	jw_obj(&j);
	if (rv->kasn.status == RS_PASS)
		kv_str(&j, "APPT-KASN-REPORT", rv->kasn.citation);
	if (rv->report.status == RS_PASS)
		kv_str(&j, "APPT-REPORT", rv->report.citation);
	jw_obj_end(&j);
	kv_str(&j, "trail_head", arena_printf(ar, "%" PRId64 ":%s", h.id,
	    hex));
	jw_key(&j, "ranking_sent");
	jw_obj(&j);
	kv_str(&j, "at", rv->cv.rk.s.sent_at);
	kv_str(&j, "to", rv->cv.rk.s.to_role);
	kv_str(&j, "sha256", rv->cv.rk.s.sha256);
	jw_obj_end(&j);
	if ((rc = stages_json(a, tx, ar, v, &j)) != SEL_OK) {
		buf_release(&b);
		return rc;
	}
	jw_key(&j, "vacancies");
	jw_arr(&j);
	for (size_t i = 0; i < rv->cv.nvac; i++)
		vacancy_json(&j, &rv->cv.vac[i]);
	jw_arr_end(&j);
	more_json(ar, &j, rv, docs, ndocs);	/* ---- letters ---- */
	jw_obj_end(&j);
	rc = b.err;
	if (rc == SEL_OK)
		*out = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_release(&b);
	return rc;
}

enum sel_err
app_report_json(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct str *json, struct app_msg *m)
{
	struct report_view *rv = arena_alloc(ar, sizeof *rv);
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, tx, ar, sel, &rv->cv.rk.sel);
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Seleksi tidak ditemukan.");
	else if (rc == SEL_OK && !app_ranking_may(w, &rv->cv.rk.sel) &&
	    !letters_may_read(w, &rv->cv.rk.sel))
		rc = app_say(m, SEL_EPERM, "Berkas laporan memuat nilai akhir: "
		    "hanya untuk panitia, PyB, PPK dan instansi pengawas.");
	else if (rc == SEL_OK && rv->cv.rk.sel.state < FL_REPORT)
		rc = app_say(m, SEL_ESTATE, "Laporan hasil seleksi belum dapat "
		    "disusun.");
	if (rc == SEL_OK)
		rc = load(a, tx, ar, w, sel, rv);
	/* ---- letters ---- the secretariat, who sent it, reads it sent */
	if (rc == SEL_OK && !rv->sent && !app_ranking_may(w, &rv->cv.rk.sel))
		rc = app_say(m, SEL_EPERM, "Berkas laporan memuat nilai akhir: "
		    "sekretariat membacanya setelah laporan dikirim.");
	if (rc == SEL_OK && rv->sent)
		*json = rv->rs.body;
	else if (rc == SEL_OK)
		rc = pack(a, tx, ar, rv, NULL, 0, json);
	store_abort(a->st, tx);
	return rc;
}

/* ---- the two acts ---- */

/* The covering letter: its number and day. */
static enum sel_err
letter(struct after *c, struct str *no, struct str *on)
{
	sel_date d;
	enum sel_err rc;

	if ((rc = after_text(c, "letter_no", "Nomor surat", 1, 200, false,
	    no)) != SEL_OK || (rc = after_day(c, "letter_on", "surat", &d)))
		return rc;
	*on = app_date_iso(c->ar, d);
	return SEL_OK;
}

/* The write transaction with the report's view (report_int.h). */
enum sel_err
report_begin(struct after *c, struct report_view *rv, int64_t sel)
{
	enum sel_err rc;

	memset(rv, 0, sizeof *rv);
	if ((rc = after_begin(c, sel)) != SEL_OK)
		return rc;
	if ((rc = load_more(c->tx, c->ar, c->w, sel, rv)) != SEL_OK)
		store_abort(c->a->st, c->tx);
	return rc;
}

/* Why an act is not open to this person now (SEL_OK: it is). */
static enum sel_err
refusal(struct after *c, bool may, bool role, const char *who,
    const char *when)
{
	if (may)
		return SEL_OK;
	if (!role)
		return app_say(c->m, SEL_EPERM, "%s", who);
	return app_say(c->m, SEL_ESTATE, "%s (tahap sekarang: %s).", when,
	    flow_state_label(c->cv->rk.sel.state));
}

enum sel_err
app_report_send(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, const struct form *f, struct app_msg *m,
    const char **field)
{
	struct report_view *rv = arena_alloc(ar, sizeof *rv);
	struct after c;
	const struct sel_view *v;
	struct s_report_sent r;
	struct s_report_doc *docs = NULL, none;
	size_t ndocs = 0;
	struct str no, on, list = STR("");
	enum sel_err rc;

	after_init(&c, a, ar, w, &rv->cv, rv, f, m, field);
	if ((rc = report_begin(&c, rv, sel)) != SEL_OK)
		return rc;
	v = &rv->cv.rk.sel;
	rc = refusal(&c, rv->may_send, sender(w, v), "Laporan dikirim oleh "
	    "ketua panitia, PPK atau sekretariat.", rv->sent ? "Laporan sudah dikirim" : "Laporan "
	    "dikirim setelah pilihan PPK dan konsultasi khusus");
	if (rc == SEL_OK)
		rc = letter(&c, &no, &on);
	if (rc == SEL_OK && !form_has(f, "confirm", STR("1")))
		rc = after_bad(&c, "confirm", SEL_EINVAL, "Centang pernyataan bahwa "
		    "berkas laporan sudah diperiksa.");
	memset(&r, 0, sizeof r);
	/* ---- letters ---- the PDFs first: the JSON lists them */
	r.sent_at = app_iso(ar, app_now(a));
	if (rc == SEL_OK)
		rc = report_pack_make(a, c.tx, ar, w, rv, no, on, r.sent_at,
		    &docs, &ndocs);
	if (rc == SEL_OK && ndocs > 0) {
		struct buf lb;

		buf_init(&lb, 1 << 16);
		for (size_t i = 0; i < ndocs; i++)
			buf_printf(&lb, "%s%.*s %.*s", i > 0 ? "; " : "",
			    (int)docs[i].name.len, docs[i].name.p,
			    (int)docs[i].sha256.len, docs[i].sha256.p);
		rc = lb.err;
		list = (struct str){ arena_strndup(ar, lb.p, lb.len), lb.len };
		buf_release(&lb);
	}
	/* ---- end letters ---- */
	if (rc == SEL_OK)
		rc = pack(a, c.tx, ar, rv, docs != NULL ? docs : &none, ndocs,
		    &r.body);
	if (rc == SEL_OK) {
		r.selection_id = sel;
		r.letter_no = no;
		r.letter_on = on;
		r.sent_by = w->name;
		r.account_id = w->account_id;
		rc = store_report_add(c.tx, ar, &r);
	}
	if (rc == SEL_OK)
		rc = app_audit(a, c.tx, ar, w, sel, "report_send", STR(""),
		    app_kv(ar, "to", &rv->to, "letter_no", &no, "letter_on",
		    &on, "sha256", &r.sha256, "documents", &list, NULL),
		    app_rule_json(ar,
		    v->profile, rv->kasn.status == RS_PASS ?
		    R_APPT_KASN_REPORT : R_APPT_REPORT));
	return after_finish(&c, rc);
}

enum sel_err
app_recommend(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, const struct form *f, struct app_msg *m,
    const char **field)
{
	struct report_view *rv = arena_alloc(ar, sizeof *rv);
	struct after c;
	const struct sel_view *v;
	struct s_recommend r;
	struct s_letter file;
	struct str text, bytes, yes = STR("1"), no_ = STR("0");
	int verdict = -1;
	enum sel_err rc;

	after_init(&c, a, ar, w, &rv->cv, rv, f, m, field);
	if ((rc = report_begin(&c, rv, sel)) != SEL_OK)
		return rc;
	v = &rv->cv.rk.sel;
	rc = refusal(&c, rv->may_recommend, app_may(w, ACT_RECOMMEND,
	    v->s.region_id, sel), "Rekomendasi dicatat oleh instansi "
	    "pengawas, atau oleh sekretariat dari surat yang diterima.",
	    rv->has_rec ? "Rekomendasi sudah dicatat" : "Rekomendasi dicatat "
	    "setelah laporan dikirim");
	for (int i = 0; rc == SEL_OK && verdicts[i] != NULL; i++)
		if (str_eqc(form_get(f, "verdict"), verdicts[i]))
			verdict = i;
	if (rc == SEL_OK && verdict < 0)
		rc = after_bad(&c, "verdict", SEL_EINVAL, "Pilih isi rekomendasi.");
	memset(&r, 0, sizeof r);
	if (rc == SEL_OK)
		rc = letter(&c, &r.letter_no, &r.letter_on);
	text = str_trim(form_get(f, "text"));
	if (rc == SEL_OK && (!app_text_valid(text, TEXT_MAX, true) ||
	    text.len < TEXT_MIN))
		rc = after_bad(&c, "text", SEL_EINVAL, "Isi ringkas rekomendasi wajib "
		    "diisi (10 sampai 4000 karakter).");
	if (rc == SEL_OK)	/* ---- letters ---- the letter, a PDF */
		rc = letter_check(f, m, c.field, &bytes);
	if (rc == SEL_OK) {
		r.selection_id = sel;
		r.verdict = str_c(verdicts[verdict]);
		r.text = text;
		r.binding = form_has(f, "binding", STR("1"));
		/* who recorded it: the body itself, or the secretariat
		   from its letter */
		r.recorded_role = str_c(app_has_role(w, ROLE_OVERSIGHT,
		    v->s.region_id, sel) ? "oversight" : "secretariat");
		r.recorded_at = app_iso(ar, app_now(a));
		r.recorded_by = w->name;
		r.account_id = w->account_id;
		rc = store_recommend_add(c.tx, &r);
	}
	if (rc == SEL_OK)
		rc = letter_keep(a, c.tx, ar, w, sel,
		    STR(LETTER_REF_RECOMMENDATION), bytes,
		    "surat-rekomendasi", &file);
	if (rc == SEL_OK)
		rc = app_audit(a, c.tx, ar, w, sel, "recommend", STR(""),
		    app_kv(ar, "verdict", &r.verdict, "letter_no", &r.letter_no,
		    "letter_on", &r.letter_on, "text", &text, "recorded_role",
		    &r.recorded_role, "binding", r.binding ? &yes : &no_,
		    "letter_sha256", &file.sha256, NULL), app_rule_json(ar, v->profile,
		    rv->kasn.status == RS_PASS ? R_APPT_KASN_REPORT :
		    R_APPT_REPORT));
	return after_finish(&c, rc);
}
