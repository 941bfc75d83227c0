/*
 * choice.c - the PPK's interview and choice (choice.h).
 */
#include <string.h>

#include "app/after_int.h"
#include "app/prep.h"
#include "app/result_int.h"
#include "base/arena.h"
#include "core/appt.h"
#include "base/banned.h"

#define NOTES_MIN	10
#define NOTES_MAX	4000

/* The shortlist of rv in the committee's order (its ids). */
static void
shortlist(struct arena *ar, const struct ranking_vac *rv,
    struct choice_vac *x)
{
	x->rv = rv;
	x->c = arena_array(ar, rv->sl.n + 1, sizeof *x->c);
	for (size_t k = 0; k < rv->sl.n; k++)
		for (size_t i = 0; i < rv->n; i++)
			if (str_eq(rv->rows[i].r->id, rv->sl.ids[k])) {
				struct choice_cand *cc = &x->c[x->n++];

				cc->row = &rv->rows[i];
				cc->application_id = rv->rows[i].application_id;
				cc->reg_no = rv->rows[i].r->id;
				cc->name = rv->rows[i].name;
				break;
			}
}

enum sel_err
choice_load(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, int64_t sel, struct choice_view *cv)
{
	struct ranking_view *rk = &cv->rk;
	struct s_ppk_choice *ch;
	struct s_ppk_interview *iv;
	struct s_consult *cs;
	size_t nch, niv, ncs;
	enum sel_err rc;

	memset(cv, 0, sizeof *cv);
	if ((rc = result_ranking_load(a, tx, ar, sel, rk)) != SEL_OK)
		return rc;
	cv->today = app_today(a, rk->sel.profile);
	cv->today_iso = app_date_iso(ar, cv->today);
	cv->interview_allowed = appt_interview_allowed(ar, rk->sel.profile,
	    &cv->interview);
	appt_choose_rule(ar, rk->sel.profile, &cv->choose);
	if (!rk->sent)
		return SEL_OK;
	if (!app_local_day(rk->sel.profile, rk->s.sent_at, &cv->sent_on))
		cv->sent_on = 0;
	if ((rc = store_ppk_choices(tx, ar, sel, &ch, &nch)) != SEL_OK ||
	    (rc = store_ppk_interviews(tx, ar, sel, &iv, &niv)) != SEL_OK ||
	    (rc = store_consults(tx, ar, sel, &cs, &ncs)) != SEL_OK ||
	    (rc = store_letters(tx, ar, sel, &cv->letters, &cv->nletters)))
		return rc;	/* ---- letters ---- store_letters */
	cv->vac = arena_array(ar, rk->nvac + 1, sizeof *cv->vac);
	for (size_t v = 0; v < rk->nvac; v++) {
		struct choice_vac *x = &cv->vac[cv->nvac++];
		size_t k = 0;

		shortlist(ar, &rk->vac[v], x);
		for (size_t i = 0; i < nch; i++)
			if (ch[i].vacancy_id == rk->vac[v].vacancy_id) {
				x->choice = ch[i];
				x->chosen = true;
			}
		x->iv = arena_array(ar, niv + 1, sizeof *x->iv);
		for (size_t i = 0; i < niv; i++)
			if (iv[i].vacancy_id == rk->vac[v].vacancy_id)
				x->iv[k++] = iv[i];
		x->niv = k;
		if ((rc = consult_items(a, ar, &rk->sel, rk->vac[v].vacancy_id,
		    cv->sent_on, cs, ncs, cv->letters, cv->nletters, x)) !=
		    SEL_OK)
			return rc;
	}
	cv->may_act = w != NULL && rk->sel.state == FL_CHOICE &&
	    app_may(w, ACT_APPOINT_CHOOSE, rk->sel.s.region_id, sel);
	cv->may_consult = w != NULL && (rk->sel.state == FL_CHOICE ||
	    rk->sel.state == FL_CONSULT) && app_may(w, ACT_CONSULT,
	    rk->sel.s.region_id, sel);
	cv->show_scores = w != NULL && app_ranking_may(w, &rk->sel);
	return SEL_OK;
}

enum sel_err
app_choice_view(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct choice_view *cv, struct app_msg *m)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, tx, ar, sel, &cv->rk.sel);
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Seleksi tidak ditemukan.");
	else if (rc == SEL_OK && !app_ranking_may(w, &cv->rk.sel))
		rc = app_say(m, SEL_EPERM, "Peringkat dan pilihan PPK hanya "
		    "untuk PyB, PPK, panitia seleksi dan instansi pengawas.");
	if (rc == SEL_OK)
		rc = choice_load(a, tx, ar, w, sel, cv);
	if (rc == SEL_OK && !cv->rk.sent)
		rc = app_say(m, SEL_ESTATE, "Peringkat akhir belum disampaikan "
		    "kepada PPK.");
	store_abort(a->st, tx);
	return rc;
}

/* The write transaction with the view, for the PPK while choosing. */
static enum sel_err
begin(struct after *c, int64_t sel)
{
	enum sel_err rc;

	if ((rc = after_begin(c, sel)) != SEL_OK)
		return rc;
	if (!app_may(c->w, ACT_APPOINT_CHOOSE, c->cv->rk.sel.s.region_id, sel))
		rc = app_say(c->m, SEL_EPERM, "Hanya PPK yang memilih calon "
		    "dan mencatat wawancaranya.");
	else if (!c->cv->rk.sent)
		rc = app_say(c->m, SEL_ESTATE, "Peringkat akhir belum "
		    "disampaikan kepada PPK.");
	else if (c->cv->rk.sel.state != FL_CHOICE)
		rc = app_say(c->m, SEL_ESTATE, "Pemilihan calon sudah selesai "
		    "(tahap sekarang: %s).",
		    flow_state_label(c->cv->rk.sel.state));
	if (rc != SEL_OK)
		store_abort(c->a->st, c->tx);
	return rc;
}

/* The vacancy a form names, with its shortlist. */
static enum sel_err
vacancy(struct after *c, struct choice_vac **out)
{
	int64_t id = 0;

	*out = NULL;
	if (parse_i64(form_get(c->f, "vacancy"), 1, INT64_MAX, &id) ==
	    SEL_OK)
		for (size_t i = 0; i < c->cv->nvac; i++)
			if (c->cv->vac[i].rv->vacancy_id == id)
				*out = &c->cv->vac[i];
	if (*out == NULL)
		return after_bad(c, "vacancy", SEL_EINVAL, "Pilih jabatan dari "
		    "daftar.");
	return SEL_OK;
}

enum sel_err
app_ppk_interview(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, const struct form *f, struct app_msg *m,
    const char **field)
{
	struct choice_view *cv = arena_alloc(ar, sizeof *cv);
	struct after c;
	struct choice_vac *x = NULL;
	struct s_ppk_interview r;
	struct str notes = STR(""), sid;
	sel_date d = 0;
	int64_t id = 0;
	enum sel_err rc;

	after_init(&c, a, ar, w, cv, cv, f, m, field);
	if ((rc = begin(&c, sel)) != SEL_OK)
		return rc;
	if (!cv->interview_allowed)
		rc = app_say(m, SEL_ESTATE, "%s (%.*s): %.*s",
		    rule_name(cv->interview.id),
		    (int)cv->interview.citation.len, cv->interview.citation.p,
		    (int)cv->interview.detail.len, cv->interview.detail.p);
	if (rc == SEL_OK && (rc = vacancy(&c, &x)) == SEL_OK && x->chosen)
		rc = after_bad(&c, "vacancy", SEL_ESTATE, "PPK sudah memilih calon "
		    "untuk jabatan ini.");
	if (rc == SEL_OK && x->n == 0)
		rc = after_bad(&c, "vacancy", SEL_ESTATE, "Jabatan ini tidak "
		    "mempunyai calon yang disampaikan panitia.");
	if (rc == SEL_OK)
		rc = after_day(&c, "held_on", "wawancara", &d);
	if (rc == SEL_OK)
		rc = after_text(&c, "notes", "Catatan wawancara", NOTES_MIN,
		    NOTES_MAX, true, &notes);
	if (rc == SEL_OK) {
		memset(&r, 0, sizeof r);
		r.selection_id = sel;
		r.vacancy_id = x->rv->vacancy_id;
		r.held_on = app_date_iso(ar, d);
		r.notes = notes;
		r.recorded_at = app_iso(ar, app_now(a));
		r.recorded_by = w->name;
		r.account_id = w->account_id;
		rc = store_ppk_interview_add(c.tx, &r, &id);
	}
	sid = arena_printf(ar, "%lld", (long long)id);
	if (rc == SEL_OK)
		rc = app_audit(a, c.tx, ar, w, sel, "ppk_interview", STR(""),
		    app_kv(ar, "interview", &sid, "vacancy", &x->rv->title,
		    "held_on", &r.held_on, "notes", &notes, NULL),
		    app_rule_json(ar, cv->rk.sel.profile,
		    R_SCORE_PPK_INTERVIEW));
	return after_finish(&c, rc);
}

enum sel_err
app_ppk_choose(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, const struct form *f, struct app_msg *m,
    const char **field)
{
	struct choice_view *cv = arena_alloc(ar, sizeof *cv);
	struct after c;
	struct choice_vac *x = NULL;
	const struct choice_cand *k = NULL;
	struct s_ppk_choice ch;
	struct rule_result why;
	struct str reason = STR(""), *ids;
	int64_t app = 0;
	sel_date d = 0;
	enum sel_err rc;

	after_init(&c, a, ar, w, cv, cv, f, m, field);
	if ((rc = begin(&c, sel)) != SEL_OK)
		return rc;
	if ((rc = vacancy(&c, &x)) == SEL_OK && x->chosen)
		rc = after_bad(&c, "vacancy", SEL_ESTATE, "PPK sudah memilih calon "
		    "untuk jabatan ini; pilihan tidak dapat diubah.");
	/* Demak 19(5): for this post the Minister chooses */
	for (size_t i = 0; rc == SEL_OK && x->minister_chooses &&
	    i < x->nit; i++)
		if (x->it[i].c.minister_chooses)
			rc = app_say(m, SEL_ESTATE, "Ditolak (%s, %.*s): untuk "
			    "jabatan ini PPK mengusulkan nama calon dan "
			    "Menteri Dalam Negeri yang memilih; catat usul "
			    "dan keputusan Menteri pada halaman konsultasi "
			    "khusus.", rule_name(x->it[i].c.rule),
			    (int)x->it[i].c.citation.len,
			    x->it[i].c.citation.p);
	/* APPT-CHOOSE: one of the shortlist, by registration number */
	if (rc == SEL_OK) {
		struct str reg = STR("");

		if (parse_i64(form_get(f, "application"), 1, INT64_MAX,
		    &app) != SEL_OK)
			app = 0;
		for (size_t i = 0; i < x->n; i++)
			if (x->c[i].application_id == app)
				k = &x->c[i];
		for (size_t i = 0; k == NULL && i < x->rv->n; i++)
			if (x->rv->rows[i].application_id == app)
				reg = x->rv->rows[i].r->id;
		ids = arena_array(ar, x->n + 1, sizeof *ids);
		for (size_t i = 0; i < x->n; i++)
			ids[i] = x->c[i].reg_no;
		if (k != NULL)
			reg = k->reg_no;
		if (!appt_choose_ok(ar, cv->rk.sel.profile, ids, x->n,
		    reg.len > 0 ? reg : STR("calon itu"), &why)) {
			*c.field = "application";
			rc = app_say(m, SEL_EINVAL, "Ditolak (%s, %.*s): %.*s",
			    rule_name(why.id), (int)why.citation.len,
			    why.citation.p, (int)why.detail.len, why.detail.p);
		}
	}
	if (rc == SEL_OK)
		rc = after_day(&c, "chosen_on", "keputusan", &d);
	if (rc == SEL_OK)
		rc = after_text(&c, "reason", "Pertimbangan PPK", NOTES_MIN,
		    NOTES_MAX, true, &reason);
	if (rc == SEL_OK && !form_has(f, "confirm", STR("1")))
		rc = after_bad(&c, "confirm", SEL_EINVAL, "Centang pernyataan bahwa "
		    "pilihan ini adalah keputusan PPK.");
	if (rc == SEL_OK) {
		memset(&ch, 0, sizeof ch);
		ch.selection_id = sel;
		ch.vacancy_id = x->rv->vacancy_id;
		ch.application_id = k->application_id;
		ch.chosen_on = app_date_iso(ar, d);
		ch.reason = reason;
		ch.recorded_at = app_iso(ar, app_now(a));
		ch.recorded_by = w->name;
		ch.account_id = w->account_id;
		rc = store_ppk_choice_add(c.tx, &ch);
	}
	if (rc == SEL_OK)
		rc = app_audit(a, c.tx, ar, w, sel, "choose", STR(""),
		    app_kv(ar, "vacancy", &x->rv->title, "reg_no", &k->reg_no,
		    "name", &k->name, "chosen_on", &ch.chosen_on, "reason",
		    &reason, NULL), app_rule_json(ar, cv->rk.sel.profile,
		    R_APPT_CHOOSE));
	return after_finish(&c, rc);
}
