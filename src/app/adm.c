/*
 * adm.c - the administrative selection (REGULATIONS.md §9): the queue of
 * applications once registration has closed, the completeness check
 * (ADM-COMPLETE), the committee's decision with its reason, ADM-MIN-3 per
 * vacancy, and the chair's signed, public result: registration numbers
 * and names only.
 */
#include <inttypes.h>
#include <string.h>

#include "app/app_int.h"
#include "app/prep.h"
#include "base/arena.h"
#include "core/adm.h"
#include "core/profile.h"
#include "base/banned.h"

static bool
all_digits(struct str s)
{
	for (size_t i = 0; i < s.len; i++)
		if (s.p[i] < '0' || s.p[i] > '9')
			return false;
	return true;
}

static void
tally(struct arena *ar, struct adm_view *v)
{
	v->nvac = 0;
	v->all_decided = true;
	for (size_t k = 0; k < v->sel.nvac && v->nvac < ADM_MAX_VAC; k++) {
		struct adm_vac *c = &v->vac[v->nvac++];

		memset(c, 0, sizeof *c);
		c->vacancy_id = v->sel.vac[k].id;
		c->title = v->sel.vac[k].title;
		for (size_t i = 0; i < v->nrows; i++) {
			const struct s_adm *r = &v->rows[i];

			if (r->a.vacancy_id != c->vacancy_id ||
			    app_state(&r->a) != FA_SUBMITTED)
				continue;
			c->registered++;
			c->decided += r->passed >= 0;
			c->passed += r->passed == 1;
			if (r->passed < 0)
				v->all_decided = false;
		}
		c->has_min = adm_min_eval(ar, v->sel.profile, c->passed,
		    v->extensions > 0, &c->min);
	}
}

/*
 * ANN-EXTEND on the vacancy with the fewest applicants (or qualified
 * candidates, once decided): extending the announcement serves them all.
 */
static void
extension(struct app *a, struct arena *ar, struct adm_view *v)
{
	struct adm_tally t[ADM_MAX_VAC];
	struct extend_in in;
	int year;

	if (!v->sel.has_window || v->nvac == 0)
		return;
	for (size_t k = 0; k < v->nvac; k++) {
		t[k].registered = v->vac[k].registered;
		t[k].decided = v->vac[k].decided;
		t[k].passed = v->vac[k].passed;
	}
	adm_extend_input(t, v->nvac, (int)v->extensions, &in);
	v->has_ext = window_extend(ar, v->sel.profile, a->cal, v->sel.close,
	    &in, &v->ext, &year) == SEL_OK;
}

/* Per vacancy: may the result be published (ADM-MIN-3 and its paths)? */
static void
publishable(struct arena *ar, struct adm_view *v)
{
	for (size_t k = 0; k < v->nvac; k++) {
		struct adm_vac *c = &v->vac[k];
		struct adm_publish_in in;

		c->invitations = 0;
		for (size_t i = 0; i < v->ninv; i++)
			c->invitations += v->inv[i].vacancy_id == c->vacancy_id;
		in.qualified = c->passed;
		in.extensions = (int)v->extensions;
		in.extend_open = v->has_ext && v->ext.rule.status == RS_PASS;
		in.invitations = c->invitations;
		adm_publish_eval(ar, v->sel.profile, c->has_min ? &c->min :
		    NULL, &in, &c->pub);
	}
}

static enum sel_err
load(struct app *a, struct stx *tx, struct arena *ar, int64_t sel,
    struct adm_view *v)
{
	const struct prof_rule *pr;
	enum sel_err rc;

	memset(v, 0, sizeof *v);
	if ((rc = prep_view_load(a, tx, ar, sel, &v->sel)) != SEL_OK ||
	    (rc = store_adm_rows(tx, ar, sel, &v->rows, &v->nrows)) ||
	    (rc = store_selection_num(tx, sel, SN_EXTENSIONS,
	    &v->extensions)))
		return rc;
	/* The window has ended (the clock), closed by the act or not. */
	v->closed = v->sel.state >= FL_REG_ENDED;
	v->published = v->sel.s.f[SF_ADM_PUBLISHED_AT].len > 0;
	pr = profile_rule_any(v->sel.profile, R_ADM_COMPLETE);
	v->complete_citation = pr != NULL ? pr->citation : STR("");
	tally(ar, v);
	extension(a, ar, v);
	v->may_invite = profile_rule_any(v->sel.profile, R_ADM_INVITE) != NULL;
	if ((rc = store_invitations(tx, ar, sel, &v->inv, &v->ninv)))
		return rc;
	publishable(ar, v);
	return SEL_OK;
}

enum sel_err
app_adm_view(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct adm_view *v)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = load(a, tx, ar, sel, v);
	store_abort(a->st, tx);
	if (rc == SEL_OK && !app_may(w, ACT_SEL_VIEW, v->sel.s.region_id,
	    sel))
		rc = SEL_EPERM;
	return rc;
}

/* The row of an application in this selection, or NULL. */
static struct s_adm *
row(struct adm_view *v, int64_t id)
{
	for (size_t i = 0; i < v->nrows; i++)
		if (v->rows[i].a.id == id)
			return &v->rows[i];
	return NULL;
}

/*
 * Opens the write transaction and checks what every decision needs: the
 * role, registration closed, the result not yet published, the row.
 */
static enum sel_err
begin(struct app *a, struct arena *ar, const struct who *w, int64_t sel,
    enum act act, int64_t id, struct stx **tx, struct adm_view *v,
    struct s_adm **r, struct app_msg *m)
{
	enum sel_err rc;

	if ((rc = store_begin(a->st, true, tx)) != SEL_OK)
		return rc;
	rc = load(a, *tx, ar, sel, v);
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Seleksi tidak ditemukan.");
	else if (rc == SEL_OK && !app_may(w, act, v->sel.s.region_id, sel))
		rc = app_say(m, SEL_EPERM, "Peran Anda tidak mengizinkan "
		    "tindakan ini.");
	else if (rc == SEL_OK && !v->closed)
		rc = app_say(m, SEL_ESTATE, "Seleksi administrasi dimulai "
		    "sesudah pendaftaran ditutup.");
	else if (rc == SEL_OK && v->published)
		rc = app_say(m, SEL_ESTATE, "Hasil seleksi administrasi sudah "
		    "diumumkan; keputusan panitia bersifat final.");
	if (rc == SEL_OK && id != 0 && ((*r = row(v, id)) == NULL ||
	    app_state(&(*r)->a) != FA_SUBMITTED))
		rc = app_say(m, SEL_ENOENT, "Lamaran tidak ditemukan.");
	if (rc != SEL_OK)
		store_abort(a->st, *tx);
	return rc;
}

static enum sel_err
finish(struct app *a, struct stx *tx, enum sel_err rc)
{
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return app_commit(a, tx);
}

enum sel_err
app_adm_check(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, int64_t id, bool complete, struct str note,
    struct app_msg *m)
{
	struct adm_view v;
	struct s_adm *r = NULL;
	struct stx *tx;
	struct str c = complete ? STR("lengkap") : STR("tidak lengkap");
	enum sel_err rc;

	note = str_trim(note);
	if (note.len > 2000)
		return app_say(m, SEL_EINVAL, "Catatan terlalu panjang.");
	if (!complete && note.len == 0)
		return app_say(m, SEL_EINVAL, "Sebutkan dokumen atau data yang "
		    "belum lengkap.");
	if ((rc = begin(a, ar, w, sel, ACT_ADM_CHECK, id, &tx, &v, &r, m)))
		return rc;
	rc = store_adm_check(tx, id, complete, note, w->name,
	    app_iso(ar, app_now(a)));
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "adm_check", STR(""),
		    app_kv(ar, "reg_no", &r->a.reg_no, "file", &c, "note",
		    &note, NULL), app_rule_json(ar, v.sel.profile,
		    R_ADM_COMPLETE));
	return finish(a, tx, rc);
}

enum sel_err
app_adm_decide(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, int64_t id, bool passed, struct str reason,
    struct app_msg *m)
{
	return app_adm_decide_ov(a, ar, w, sel, id, passed, reason, false,
	    STR(""), m);
}

/*
 * What passing r overrides: the core's evaluation of the frozen record
 * (ELIG-* not passed) and the file's check (ADM-COMPLETE); the rules as
 * results for the audit event.
 */
static void
override_need(struct arena *ar, const struct adm_view *v,
    const struct s_adm *r, struct adm_override *ov, struct str *rules)
{
	struct elig_out *o = NULL;
	struct rule_result *res;
	const struct prof_rule *pr;
	size_t n = 0;

	(void)app_review_eval(ar, &v->sel, &r->a, &o);
	adm_override_need(o, r->complete, ov);
	res = arena_alloc(ar, (ov->n + 1) * sizeof *res);
	for (size_t i = 0; o != NULL && i < o->nrules; i++)
		for (size_t k = 0; k < ov->n; k++)
			if (ov->ids[k] == o->rules[i].id)
				res[n++] = o->rules[i];
	if (r->complete != 1) {
		pr = profile_rule_any(v->sel.profile, R_ADM_COMPLETE);
		res[n].id = R_ADM_COMPLETE;
		res[n].status = r->complete < 0 ? RS_MISSING : RS_FAIL;
		res[n].detail = r->complete < 0 ? STR("Berkas belum "
		    "diperiksa.") : r->check_note;
		res[n++].citation = pr != NULL ? pr->citation : STR("");
	}
	*rules = app_rules_json(ar, res, n);
}

enum sel_err
app_adm_decide_ov(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, int64_t id, bool passed, struct str reason, bool override,
    struct str ov_reason, struct app_msg *m)
{
	struct adm_view v;
	struct adm_override ov;
	struct s_adm *r = NULL;
	struct stx *tx;
	struct str d = passed ? STR("lulus") : STR("tidak lulus");
	struct str at, list = STR(""), rules = STR("");
	enum sel_err rc;

	reason = str_trim(reason);
	ov_reason = str_trim(ov_reason);
	if (reason.len < 5 || reason.len > 2000)
		return app_say(m, SEL_EINVAL, "Alasan keputusan wajib diisi "
		    "(5 sampai 2000 karakter).");
	if ((rc = begin(a, ar, w, sel, ACT_STAGE_DECIDE, id, &tx, &v, &r, m)))
		return rc;
	memset(&ov, 0, sizeof ov);
	if (passed) {
		override_need(ar, &v, r, &ov, &rules);
		list = adm_override_list(ar, &ov);
		if (ov.unknown)
			list = arena_printf(ar, "%.*s%s", (int)list.len,
			    list.p, list.len > 0 ? ", catatan pelamar tidak "
			    "dapat dinilai" : "catatan pelamar tidak dapat "
			    "dinilai");
	}
	if (adm_override_needed(&ov) && !override)
		rc = app_say(m, SEL_EINVAL, "Pernyataan \"Saya meluluskan "
		    "pelamar ini walaupun ...\" wajib dicentang untuk "
		    "meluluskan pelamar ini: pelamar tidak memenuhi %.*s%s",
		    (int)list.len, list.p, r->complete != 1 ? " (ADM-COMPLETE: "
		    "hanya berkas yang sudah dinyatakan lengkap yang dapat "
		    "diluluskan tanpa pernyataan itu)." : ".");
	else if (adm_override_needed(&ov) && (ov_reason.len < 5 ||
	    ov_reason.len > 2000))
		rc = app_say(m, SEL_EINVAL, "Alasan meluluskan walaupun tidak "
		    "memenuhi %.*s wajib diisi (5 sampai 2000 karakter).",
		    (int)list.len, list.p);
	at = app_iso(ar, app_now(a));
	if (rc == SEL_OK)
		rc = store_adm_decide(tx, id, passed, reason, w->name, at);
	if (rc == SEL_OK && adm_override_needed(&ov))
		rc = store_adm_override_set(tx, id, list, ov_reason, w->name,
		    at);
	else if (rc == SEL_OK)
		rc = store_adm_override_del(tx, id);
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "adm_decide", r->passed >= 0 ?
		    app_kv(ar, "decision", r->passed ? &STR("lulus") :
		    &STR("tidak lulus"), "reason", &r->reason, "override",
		    &r->ov_rules, NULL) : STR(""),
		    adm_override_needed(&ov) ? app_kv(ar, "reg_no",
		    &r->a.reg_no, "decision", &d, "reason", &reason,
		    "override", &list, "override_reason", &ov_reason, NULL) :
		    app_kv(ar, "reg_no", &r->a.reg_no, "decision", &d,
		    "reason", &reason, NULL), adm_override_needed(&ov) ?
		    rules : app_rule_json(ar, v.sel.profile, R_ADM_COMPLETE));
	return finish(a, tx, rc);
}

enum sel_err
app_adm_publish(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, bool confirm, struct app_msg *m)
{
	struct str signer = STR("");
	struct adm_view v;
	struct s_adm *r = NULL;
	struct stx *tx;
	struct str at = app_iso(ar, app_now(a));
	struct str pdf = STR("");	/* pdf */
	enum sel_err rc;

	if (!confirm)
		return app_say(m, SEL_EINVAL, "Centang pernyataan bahwa Anda "
		    "menandatangani hasil ini sebagai ketua panitia.");
	if ((rc = begin(a, ar, w, sel, ACT_RESULT_PUBLISH, 0, &tx, &v, &r,
	    m)))
		return rc;
	if ((rc = committee_signer(&v.sel, w, &signer, m)) != SEL_OK)
		;
	else if (v.sel.state != FL_ADMINISTRATIVE)
		rc = app_say(m, SEL_ESTATE, "Pendaftaran belum ditutup: "
		    "sekretariat menutup pendaftaran lebih dahulu (Tutup "
		    "pendaftaran), baru hasil seleksi administrasi dapat "
		    "ditandatangani.");
	else if (!v.all_decided)
		rc = app_say(m, SEL_ESTATE, "Masih ada lamaran yang belum "
		    "diputuskan panitia.");
	for (size_t k = 0; rc == SEL_OK && k < v.nvac; k++)
		if (v.vac[k].pub.blocked)
			rc = app_say(m, SEL_ESTATE, "Hasil belum dapat "
			    "diumumkan: lowongan %.*s tidak memenuhi %s "
			    "(%.*s), hanya %d calon memenuhi syarat. Jalan yang "
			    "masih terbuka: %.*s.", (int)v.vac[k].title.len,
			    v.vac[k].title.p, rule_name(v.vac[k].min.id),
			    (int)v.vac[k].min.citation.len,
			    v.vac[k].min.citation.p, v.vac[k].passed,
			    (int)v.vac[k].pub.paths.len,
			    v.vac[k].pub.paths.p);
	if (rc == SEL_OK && (rc = store_selection_set(tx, sel,
	    SF_ADM_PUBLISHED_AT, at)) == SEL_OK)
		rc = store_selection_set(tx, sel, SF_ADM_SIGNED_BY, signer);
	/* The result as the public will read it, fixed now. */
	if (rc == SEL_OK) {
		v.sel.s.f[SF_ADM_PUBLISHED_AT] = at;
		v.sel.s.f[SF_ADM_SIGNED_BY] = signer;
		/* pdf: with its PDF's SHA-256 for the event */
		rc = app_publish_doc_pdf(a, tx, ar, &(struct pub_src){
		    PUB_ADM_RESULT, &v.sel, &v, STR("") },
		    STR("Hasil seleksi administrasi"), signer, at, &pdf, m);
	}
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "adm_publish", STR(""),
		    app_kv(ar, "published_at", &at, "signed_by", &signer,
		    pdf.len > 0 ? "pdf_sha256" : NULL, &pdf, NULL),
		    app_rule_json(ar, v.sel.profile, R_ADM_MIN_3));
	return finish(a, tx, rc);
}

static enum sel_err
extend_addendum(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, const struct adm_view *v, struct str after,
    struct str nth, struct str ref, struct str *pdf, struct app_msg *m)
{
	const struct prof_rule *pr = profile_rule_any(v->sel.profile,
	    R_ANN_EXTEND);
	sel_date d = 0;
	struct str text;

	(void)date_parse(after, &d);
	text = app_printf(ar, "Batas akhir pendaftaran seleksi ini "
	    "diperpanjang dari %s menjadi %s (perpanjangan ke-%.*s)%s%.*s, "
	    "berdasarkan %.*s. Ketentuan lain dalam pengumuman tetap "
	    "berlaku.", app_date_text(ar, v->sel.close).p,
	    app_date_text(ar, d).p, (int)nth.len, nth.p,
	    ref.len > 0 ? "; nomor surat " : "", (int)ref.len, ref.p,
	    pr != NULL ? (int)pr->citation.len : 0,
	    pr != NULL ? pr->citation.p : "");
	struct str signer;
	enum sel_err rc;

	/* Signed by the confirmed chair, as the announcement was. */
	if ((rc = committee_signer(&v->sel, w, &signer, m)) != SEL_OK)
		return rc;
	return app_publish_doc_pdf(a, tx, ar, &(struct pub_src){
	    PUB_ADDENDUM, &v->sel, NULL, text }, arena_printf(ar,
	    "Pengumuman perubahan: perpanjangan pendaftaran ke-%.*s",
	    (int)nth.len, nth.p), signer, app_iso(ar, app_now(a)), pdf, m);
}

enum sel_err
app_extend(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct str ref, struct str close, struct app_msg *m)
{
	sel_date chosen = 0;

	struct adm_view v;
	struct s_adm *r = NULL;
	struct stx *tx;
	struct str before, after, n;
	struct str pdf = STR("");	/* pdf */
	enum sel_err rc;
	int y, mo, d;

	ref = str_trim(ref);
	if (ref.len > 200)
		return app_say(m, SEL_EINVAL, "Nomor surat terlalu panjang.");
	if ((rc = begin(a, ar, w, sel, ACT_EXTEND, 0, &tx, &v, &r, m)))
		return rc;
	if (!v.has_ext || v.ext.rule.status != RS_PASS)
		rc = app_say(m, SEL_ESTATE, "Pendaftaran tidak dapat "
		    "diperpanjang sekarang (ANN-EXTEND): %.*s",
		    v.has_ext ? (int)v.ext.rule.detail.len : 0,
		    v.has_ext ? v.ext.rule.detail.p : "");
	else if (!v.ext.has_closing && (date_parse(str_trim(close),
	    &chosen) != SEL_OK || chosen <= v.sel.close))
		rc = app_say(m, SEL_EINVAL, "Peraturan tidak menetapkan lama "
		    "perpanjangan: isi batas akhir baru, sesudah batas akhir "
		    "sekarang.");
	if (rc == SEL_OK) {
		date_ymd(v.ext.has_closing ? v.ext.new_closing : chosen, &y,
		    &mo, &d);
		after = arena_printf(ar, "%04d-%02d-%02d", y, mo, d);
		before = v.sel.s.f[SF_ANN_CLOSE];
		n = arena_printf(ar, "%lld", (long long)v.extensions + 1);
		rc = store_selection_set(tx, sel, SF_ANN_CLOSE, after);
	}
	if (rc == SEL_OK)
		rc = store_selection_set_num(tx, sel, SN_EXTENSIONS,
		    v.extensions + 1);
	/* FT_EXTEND: registration opens again, closed by a later act. */
	if (rc == SEL_OK && v.sel.s.f[SF_CLOSED_AT].len > 0)
		rc = store_selection_set(tx, sel, SF_CLOSED_AT, STR(""));
	/* The announcement stays as published; the change is an addendum. */
	if (rc == SEL_OK)
		rc = extend_addendum(a, tx, ar, w, &v, after, n, ref, &pdf,
		    m);
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "announcement_extend",
		    app_kv(ar, "close", &before, NULL), app_kv(ar, "close",
		    &after, "extension", &n, "reference", &ref, pdf.len > 0 ?
		    "pdf_sha256" : NULL, &pdf, NULL),
		    app_rule_json(ar, v.sel.profile, R_ANN_EXTEND));
	return finish(a, tx, rc);
}

enum sel_err
app_adm_result(struct app *a, struct arena *ar, int64_t sel,
    struct adm_view *v)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = load(a, tx, ar, sel, v);
	store_abort(a->st, tx);
	if (rc == SEL_OK && !v->published)
		rc = SEL_ESTATE;
	return rc;
}

enum sel_err
app_adm_mine(struct app *a, struct arena *ar, const struct who *w,
    int64_t id, int *passed, struct str *reason)
{
	struct s_application x;
	struct adm_view v;
	struct stx *tx;
	struct s_adm *r;
	enum sel_err rc;

	*passed = -1;
	*reason = STR("");
	if ((rc = app_application(a, ar, w, id, &x)) != SEL_OK)
		return rc;
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = load(a, tx, ar, x.selection_id, &v);
	store_abort(a->st, tx);
	/* The decision reaches the applicant once it is published. */
	if (rc == SEL_OK && v.published && (r = row(&v, id)) != NULL) {
		*passed = r->passed;
		*reason = r->reason;
	}
	return rc;
}

enum sel_err
app_clarify(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, int64_t id, struct str question, struct app_msg *m)
{
	struct adm_view v;
	struct s_adm *r = NULL;
	struct s_applicant p;
	struct stx *tx;
	enum sel_err rc;

	question = str_trim(question);
	if (question.len < 5 || question.len > 4000)
		return app_say(m, SEL_EINVAL, "Pertanyaan wajib diisi (5 "
		    "sampai 4000 karakter).");
	if ((rc = begin(a, ar, w, sel, ACT_CLARIFY, id, &tx, &v, &r, m)))
		return rc;
	if (!v.sel.profile->emergency)
		rc = app_say(m, SEL_ESTATE, "Klarifikasi langsung kepada "
		    "pelamar diatur hanya dalam prosedur kedaruratan.");
	if (rc == SEL_OK)
		rc = store_clar_add(tx, id, question, w->name,
		    app_iso(ar, app_now(a)));
	if (rc == SEL_OK)
		rc = store_applicant_get(tx, ar, r->a.account_id, &p);
	if (rc == SEL_OK)
		rc = store_mail_add(tx, p.email, STR("Permintaan klarifikasi "
		    "panitia seleksi"), app_printf(ar, "Yth. %.*s,\n\nPanitia "
		    "seleksi meminta klarifikasi atas lamaran %.*s:\n\n%.*s\n\n"
		    "Jawab melalui %s/pelamar/lamaran/%lld\n", (int)p.name.len,
		    p.name.p, (int)r->a.reg_no.len, r->a.reg_no.p,
		    (int)question.len, question.p, a->base_url, (long long)id),
		    app_now(a));
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "clarification_ask", STR(""),
		    app_kv(ar, "reg_no", &r->a.reg_no, "question", &question,
		    NULL), app_rule_json(ar, v.sel.profile, R_ADM_COMPLETE));
	return finish(a, tx, rc);
}

enum sel_err
app_clar_answer(struct app *a, struct arena *ar, const struct who *w,
    int64_t app_id, int64_t id, struct str answer, struct app_msg *m)
{
	struct s_application x;
	struct stx *tx;
	enum sel_err rc;

	answer = str_trim(answer);
	if (answer.len < 2 || answer.len > 4000)
		return app_say(m, SEL_EINVAL, "Jawaban wajib diisi (paling "
		    "banyak 4000 karakter).");
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = store_application_get(tx, ar, app_id, &x);
	if (rc == SEL_OK && x.account_id != w->account_id)
		rc = SEL_ENOENT;
	if (rc == SEL_OK)
		rc = store_clar_answer(tx, id, app_id, answer,
		    app_iso(ar, app_now(a)));
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Permintaan klarifikasi tidak ditemukan atau "
		    "sudah dijawab.");
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, x.selection_id,
		    "clarification_answer", STR(""), app_kv(ar, "reg_no",
		    &x.reg_no, "answer", &answer, NULL), STR(""));
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return app_commit(a, tx);
}

enum sel_err
app_clars(struct app *a, struct arena *ar, const struct who *w,
    int64_t app_id, struct s_clar **out, size_t *n)
{
	struct s_application x;
	struct stx *tx;
	enum sel_err rc;

	*n = 0;
	if ((rc = app_application(a, ar, w, app_id, &x)) != SEL_OK)
		return rc;
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_clars(tx, ar, app_id, out, n);
	store_abort(a->st, tx);
	return rc;
}

enum sel_err
app_invite(struct app *a, struct arena *ar, const struct who *w, int64_t sel,
    int64_t vac, struct str nip, struct str name, struct app_msg *m)
{
	struct s_invitation inv;
	struct adm_view v;
	struct s_adm *r = NULL;
	struct stx *tx;
	const struct adm_vac *c = NULL;
	enum sel_err rc;

	nip = str_trim(nip);
	name = str_trim(name);
	if (nip.len != 18 || !all_digits(nip))
		return app_say(m, SEL_EINVAL, "NIP terdiri dari 18 angka.");
	if (!app_text_ok(name, 200))
		return app_say(m, SEL_EINVAL, "Nama wajib diisi.");
	if ((rc = begin(a, ar, w, sel, ACT_INVITE, 0, &tx, &v, &r, m)))
		return rc;
	for (size_t k = 0; k < v.nvac; k++)
		if (v.vac[k].vacancy_id == vac)
			c = &v.vac[k];
	if (c == NULL)
		rc = app_say(m, SEL_ENOENT, "Lowongan tidak ditemukan.");
	else if (!v.may_invite)
		rc = app_say(m, SEL_ESTATE, "Peraturan wilayah ini tidak "
		    "mengatur penunjukan calon (ADM-INVITE).");
	else if (!adm_invite_open(v.sel.profile, v.all_decided, c->has_min,
	    &c->min))
		rc = app_say(m, SEL_ESTATE, "Penunjukan calon hanya bila, "
		    "sesudah semua lamaran diputuskan, calon yang memenuhi "
		    "syarat kurang dari ketentuan (ADM-MIN-3).");
	memset(&inv, 0, sizeof inv);
	inv.selection_id = sel;
	inv.vacancy_id = vac;
	inv.nip = nip;
	inv.name = name;
	inv.invited_by = w->name;
	inv.invited_at = app_iso(ar, app_now(a));
	if (rc == SEL_OK && (rc = store_invitation_add(tx, &inv)) ==
	    SEL_EINVAL)
		app_say(m, rc, "NIP itu sudah ditunjuk untuk lowongan ini.");
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "invite", STR(""),
		    app_kv(ar, "nip", &nip, "name", &name, "vacancy",
		    &c->title, NULL), app_rule_json(ar, v.sel.profile,
		    R_ADM_INVITE));
	return finish(a, tx, rc);
}
