/*
 * apply_sub.c - the core's verdict on an applicant's record, submission,
 * withdrawal, and who may see an application.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "app/app_int.h"
#include "app/prep.h"
#include "base/arena.h"
#include "base/json.h"
#include "core/profile.h"
#include "core/record.h"
#include "base/banned.h"

/* Finds the vacancy among all selections: its selection's id. */
static enum sel_err
vacancy_selection(struct stx *tx, struct arena *ar, int64_t vac,
    int64_t *sel)
{
	struct s_selection *list;
	size_t n;
	enum sel_err rc = store_selections(tx, ar, 0, true, &list, &n);

	for (size_t i = 0; rc == SEL_OK && i < n; i++) {
		struct s_vacancy *v;
		size_t nv;

		if ((rc = store_vacancies(tx, ar, list[i].id, &v, &nv)))
			break;
		for (size_t k = 0; k < nv; k++)
			if (v[k].id == vac) {
				*sel = list[i].id;
				return SEL_OK;
			}
	}
	return rc == SEL_OK ? SEL_ENOENT : rc;
}

static enum sel_err
preview_load(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, int64_t vac, struct preview *pv)
{
	struct s_applicant p;
	struct s_application *mine;
	struct candidate *c;
	struct vacancy cv;
	int64_t sel = 0;
	size_t n;
	enum sel_err rc;

	memset(pv, 0, sizeof *pv);
	if ((rc = vacancy_selection(tx, ar, vac, &sel)) != SEL_OK ||
	    (rc = prep_view_load(a, tx, ar, sel, &pv->sel)) != SEL_OK)
		return rc;
	for (size_t i = 0; i < pv->sel.nvac; i++)
		if (pv->sel.vac[i].id == vac)
			pv->vac = pv->sel.vac[i];
	if ((rc = store_applicant_get(tx, ar, w->account_id, &p)) != SEL_OK)
		return rc == SEL_ENOENT ? SEL_EPERM : rc;
	if ((rc = store_invited(tx, vac, p.nip, &pv->invited)) != SEL_OK)
		return rc;
	pv->confirmed = p.confirmed_at.len > 0;
	pv->today = app_today(a, pv->sel.profile);
	/* FAT_SUBMIT: while registration is open; an invited one
	   (ADM-INVITE) until the administrative result. */
	pv->open = pv->sel.state == FL_REGISTRATION || (pv->invited &&
	    (pv->sel.state == FL_REG_ENDED ||
	    pv->sel.state == FL_ADMINISTRATIVE));
	if ((rc = store_selection_num(tx, sel, SN_MAX_APPS, &pv->max_apps)) ||
	    (rc = store_application_active(tx, sel, w->account_id,
	    &pv->active)) ||
	    (rc = store_applications(tx, ar, sel, w->account_id, &mine, &n)))
		return rc;
	for (size_t i = 0; i < n; i++)
		if (mine[i].vacancy_id == vac)
			pv->applied = true;
	pv->has_record = p.record.len > 0;
	if (!pv->has_record)
		return SEL_OK;
	c = arena_alloc(ar, sizeof *c);
	{
		struct json *root;
		struct diag d;

		memset(&d, 0, sizeof d);
		if (json_parse(ar, p.record.p, p.record.len, 1, true, &root,
		    &d) != SEL_OK || candidate_decode(ar, root, c, &d) !=
		    SEL_OK) {
			pv->record_error = arena_printf(ar, "baris %u: %s",
			    d.line, d.msg);
			return SEL_OK;
		}
	}
	/*
	 * ELIG-REGION, -RECOMMENDATION: invited is what the PPK recorded
	 * (ADM-INVITE), never what the applicant's record declares.
	 */
	c->invited = pv->invited ? TRI_YES : TRI_NO;
	prep_core_vacancy(ar, &pv->sel, &pv->vac, &cv);
	pv->elig = arena_alloc(ar, sizeof *pv->elig);
	/* ELIG-* at the closing date; the age at the same date. */
	elig_eval(ar, pv->sel.profile, &cv, c, pv->sel.close, pv->sel.close,
	    pv->elig);
	return SEL_OK;
}

enum sel_err
app_preview(struct app *a, struct arena *ar, const struct who *w,
    int64_t vac, struct preview *pv)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = preview_load(a, tx, ar, w, vac, pv);
	store_abort(a->st, tx);
	return rc;
}

/* "DEMAK-2026-2-0007": region, year of opening, selection, sequence. */
static struct str
reg_no(struct arena *ar, const struct preview *pv, int64_t seq)
{
	char code[40];
	size_t n = pv->sel.region.code.len < 32 ? pv->sel.region.code.len :
	    32;
	int y, m, d;

	for (size_t i = 0; i < n; i++) {
		char ch = pv->sel.region.code.p[i];

		code[i] = ch >= 'a' && ch <= 'z' ? (char)(ch - 'a' + 'A') : ch;
	}
	code[n] = '\0';
	date_ymd(pv->sel.open, &y, &m, &d);
	return arena_printf(ar, "%s-%d-%" PRId64 "-%04" PRId64, code, y,
	    pv->sel.s.id, seq);
}

static enum sel_err
refuse(const struct preview *pv, struct app_msg *m)
{
	if (!pv->sel.published)
		return app_say(m, SEL_ENOENT, "Lowongan tidak ditemukan.");
	if (!pv->confirmed)
		return app_say(m, SEL_ESTATE, "Konfirmasi dahulu alamat surel "
		    "Anda melalui tautan yang kami kirim.");
	if (pv->today < pv->sel.open)
		return app_say(m, SEL_ESTATE, "Pendaftaran belum dibuka.");
	if (!pv->open)
		return app_say(m, SEL_ESTATE, "Pendaftaran sudah ditutup pada "
		    "batas akhirnya; lamaran tidak dapat dikirim lagi.");
	if (pv->applied)
		return app_say(m, SEL_ESTATE, "Anda sudah mendaftar pada "
		    "lowongan ini.");
	if (pv->active >= pv->max_apps)
		return app_say(m, SEL_ESTATE, "Panitia membatasi %" PRId64
		    " lamaran per pelamar dalam seleksi ini.", pv->max_apps);
	if (!pv->has_record || pv->elig == NULL)
		return app_say(m, SEL_ESTATE, "Lengkapi dahulu data riwayat "
		    "jabatan Anda.");
	return SEL_OK;
}

enum sel_err
app_apply(struct app *a, struct arena *ar, const struct who *w, int64_t vac,
    int64_t *id, struct app_msg *m)
{
	struct preview pv;
	struct s_application x;
	struct s_applicant p;
	struct stx *tx;
	int64_t seq;
	enum sel_err rc;

	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = preview_load(a, tx, ar, w, vac, &pv);
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Lowongan tidak ditemukan.");
	else if (rc == SEL_EPERM)
		app_say(m, rc, "Hanya pelamar yang dapat mendaftar.");
	if (rc == SEL_OK)
		rc = refuse(&pv, m);
	if (rc == SEL_OK)
		rc = store_applicant_get(tx, ar, w->account_id, &p);
	if (rc == SEL_OK)
		rc = store_application_count(tx, pv.sel.s.id, &seq);
	if (rc == SEL_OK) {
		memset(&x, 0, sizeof x);
		x.selection_id = pv.sel.s.id;
		x.vacancy_id = vac;
		x.account_id = w->account_id;
		x.reg_no = reg_no(ar, &pv, seq + 1);
		x.submitted_at = app_iso(ar, app_now(a));
		x.record = p.record;
		x.verdict = str_c(verdict_name(pv.elig->verdict));
		x.rules = app_rules_json(ar, pv.elig->rules, pv.elig->nrules);
		rc = store_application_add(tx, &x);
		if (rc == SEL_EINVAL)
			app_say(m, SEL_ESTATE, "Anda sudah mendaftar pada "
			    "lowongan ini.");
	}
	if (rc == SEL_OK)
		rc = store_mail_add(tx, p.email, STR("Tanda terima lamaran "
		    "seleksi terbuka"), app_printf(ar, "Yth. %.*s,\n\n"
		    "Lamaran Anda untuk jabatan %.*s (%.*s) telah diterima "
		    "pada %s dengan nomor pendaftaran %.*s.\n\nTanda "
		    "terima: %s/pelamar/lamaran/%" PRId64 "\n",
		    (int)p.name.len, p.name.p, (int)pv.vac.title.len,
		    pv.vac.title.p, (int)pv.sel.s.f[SF_TITLE].len,
		    pv.sel.s.f[SF_TITLE].p, app_when(ar, app_now(a),
		    pv.sel.profile).p, (int)x.reg_no.len, x.reg_no.p,
		    a->base_url, x.id), app_now(a));
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, pv.sel.s.id, "application_submit",
		    STR(""), app_kv(ar, "reg_no", &x.reg_no, "vacancy",
		    &pv.vac.title, "verdict", &x.verdict, NULL), x.rules);
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	*id = x.id;
	return app_commit(a, tx);
}

static bool
may_see(const struct who *w, const struct s_application *x,
    int64_t region_id)
{
	return x->account_id == w->account_id ||
	    app_may(w, ACT_SEL_VIEW, region_id, x->selection_id);
}

enum sel_err
app_application(struct app *a, struct arena *ar, const struct who *w,
    int64_t id, struct s_application *x)
{
	struct s_selection s;
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_application_get(tx, ar, id, x);
	if (rc == SEL_OK)
		rc = store_selection_get(tx, ar, x->selection_id, &s);
	store_abort(a->st, tx);
	/* Another's application is "not found", not "forbidden". */
	if (rc == SEL_OK && !may_see(w, x, s.region_id))
		rc = SEL_ENOENT;
	return rc;
}

enum sel_err
app_withdraw(struct app *a, struct arena *ar, const struct who *w,
    int64_t id, struct app_msg *m)
{
	struct s_application x;
	struct sel_view v;
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = store_application_get(tx, ar, id, &x);
	if (rc == SEL_OK && x.account_id != w->account_id)
		rc = SEL_ENOENT;
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Lamaran tidak ditemukan.");
	/* FAT_WITHDRAW: the workflow's table says when. */
	if (rc == SEL_OK && (rc = prep_view_load(a, tx, ar, x.selection_id,
	    &v)) == SEL_OK && app_state(&x) == FA_SUBMITTED &&
	    !flow_app_may(FAT_WITHDRAW, FA_SUBMITTED, v.state,
	    ROLE_APPLICANT))
		rc = app_say(m, SEL_ESTATE, "Lamaran tidak dapat ditarik pada "
		    "tahap \"%s\".", flow_state_label(v.state));
	if (rc == SEL_OK && (rc = store_application_withdraw(tx, id,
	    app_iso(ar, app_now(a)))) == SEL_ENOENT)
		rc = app_say(m, SEL_ESTATE, "Lamaran ini sudah ditarik.");
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, x.selection_id,
		    "application_withdraw", app_kv(ar, "reg_no", &x.reg_no,
		    "state", &x.state, NULL), app_kv(ar, "state",
		    &STR("withdrawn"), NULL), STR(""));
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return app_commit(a, tx);
}

enum sel_err
app_my_applications(struct app *a, struct arena *ar, const struct who *w,
    struct s_application **out, size_t *n)
{
	struct stx *tx;
	enum sel_err rc;

	*n = 0;
	if (w->account_id <= 0)
		return SEL_OK;
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_applications(tx, ar, 0, w->account_id, out, n);
	store_abort(a->st, tx);
	return rc;
}

enum sel_err
app_registrants(struct app *a, struct arena *ar, int64_t sel,
    struct sel_view *v, struct s_application **out, size_t *n)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, tx, ar, sel, v);
	if (rc == SEL_OK && !v->published)
		rc = SEL_ENOENT;
	if (rc == SEL_OK && v->state < FL_REG_ENDED)
		rc = SEL_ESTATE;
	if (rc == SEL_OK)
		rc = store_applications(tx, ar, sel, 0, out, n);
	store_abort(a->st, tx);
	return rc;
}

enum sel_err
app_application_review(struct app *a, struct arena *ar, const struct who *w,
    int64_t id, struct elig_out **out)
{
	struct s_application x;
	struct sel_view v;
	struct stx *tx;
	enum sel_err rc;

	*out = NULL;
	if ((rc = app_application(a, ar, w, id, &x)) != SEL_OK)
		return rc;
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, tx, ar, x.selection_id, &v);
	store_abort(a->st, tx);
	if (rc != SEL_OK)
		return rc;
	if (!app_may(w, ACT_SEL_VIEW, v.s.region_id, v.s.id))
		return SEL_EPERM;
	return app_review_eval(ar, &v, &x, out);
}

enum sel_err
app_review_eval(struct arena *ar, const struct sel_view *v,
    const struct s_application *x, struct elig_out **out)
{
	struct candidate *c = arena_alloc(ar, sizeof *c);
	struct vacancy cv;
	struct json *root;
	struct diag d;

	*out = NULL;
	memset(&d, 0, sizeof d);
	if (json_parse(ar, x->record.p, x->record.len, 1, false, &root,
	    &d) != SEL_OK || candidate_decode(ar, root, c, &d) != SEL_OK)
		return SEL_EINVAL;
	for (size_t i = 0; i < v->nvac; i++)
		if (v->vac[i].id == x->vacancy_id) {
			prep_core_vacancy(ar, v, &v->vac[i], &cv);
			*out = arena_alloc(ar, sizeof **out);
			elig_eval(ar, v->profile, &cv, c, v->close, v->close,
			    *out);
			return SEL_OK;
		}
	return SEL_ENOENT;
}

/*
 * An application's documents: the current ones while its selection is
 * open; once closed, each item's version as it stood at the closing (or at
 * the submission, for an invited applicant who applied later), so that a
 * replacement made afterwards for another selection still open does not
 * change what this committee judges.  The history is store_docs's, newest
 * first.
 */
enum sel_err
app_application_docs(struct app *a, struct arena *ar, const struct who *w,
    int64_t id, struct s_document **out, size_t *n)
{
	struct s_application x;
	struct s_document *all;
	struct sel_view sv;
	struct stx *tx;
	struct str cut = STR("");
	size_t k = 0, total = 0;
	enum sel_err rc;

	*n = 0;
	if ((rc = app_application(a, ar, w, id, &x)) != SEL_OK)
		return rc;
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, tx, ar, x.selection_id, &sv);
	if (rc == SEL_OK)
		rc = store_docs(tx, ar, x.account_id, &all, &total);
	store_abort(a->st, tx);
	if (rc != SEL_OK)
		return rc;
	if (sv.has_window && app_today(a, sv.profile) > sv.close) {
		cut = app_iso(ar, app_day_end(sv.profile, sv.close));
		if (str_cmp(x.submitted_at, cut) > 0)
			cut = x.submitted_at;
	}
	for (size_t i = 0; i < total; i++) {
		bool seen = false;

		if (cut.len == 0 ? !all[i].current :
		    str_cmp(all[i].uploaded_at, cut) >= 0)
			continue;
		for (size_t j = 0; j < k && !seen; j++)
			seen = str_eq(all[j].item_id, all[i].item_id);
		if (!seen)		/* the newest before the cut */
			all[k++] = all[i];
	}
	*out = all;
	*n = k;
	return SEL_OK;
}
