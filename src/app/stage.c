/*
 * stage.c - a stage's page, its invitations and its absences, and the
 * plan's part of each stage (stage.h).  The track record's instrument and
 * notes, the interview's material and the lists of the other pages are in
 * stage_track.c.
 *
 * The state: invitations and absences only while the stage is the
 * selection's current one (core/flow.c's flow_state_of) and not closed.
 * An earlier stage is closed and frozen (its outcomes are the score
 * part's), a later one has no candidates yet: neither is corrected here.
 */
#include <inttypes.h>
#include <string.h>

#include "app/app_int.h"
#include "app/prac.h"
#include "app/prep.h"
#include "app/stage.h"
#include "app/stage_int.h"
#include "base/arena.h"
#include "core/profile.h"
#include "store/store_merit.h"
#include "base/banned.h"

/* ---- the plan's part (OP_STAGE_PUT) ---- */

enum sel_err
stage_plan_fields(struct arena *ar, const struct sel_view *v, struct str st,
    const struct form *f, struct s_stage_plan *out, struct app_msg *m)
{
	struct stage_plan_in in = { form_get(f, "pass_min"),
	    form_get(f, "pass_best"), form_get(f, "place"), form_get(f, "link"),
	    form_get(f, "time_text"), form_get(f, "provider"),
	    profile_rule_any(v->profile, R_PRAC_ASSESSOR) != NULL };
	struct stage_plan p;
	enum flow_state fs;
	const char *why, *field = NULL;

	memset(out, 0, sizeof *out);
	out->stage = st;
	out->pass_min = -1;
	if (!flow_stage_parse(st, &fs)) {
		/* The administrative selection and the final result. */
		static const char *const keys[] = { "pass_min", "pass_best",
		    "place", "link", "time_text", "provider", NULL };

		for (int i = 0; keys[i] != NULL; i++)
			if (str_trim(form_get(f, keys[i])).len > 0) {
				app_say(m, SEL_EINVAL, "Kriteria kelulusan, "
				    "tempat, tautan, waktu dan penyelenggara "
				    "hanya untuk tahapan penilaian (makalah "
				    "sampai tes kesehatan).");
				app_msg_at(m, keys[i]);
				return SEL_EINVAL;
			}
		return SEL_OK;
	}
	why = stage_plan_check(ar, v->profile, fs, &in, &p, &field);
	if (why != NULL) {
		app_say(m, SEL_EINVAL, "%s", why);
		app_msg_at(m, field);
		return SEL_EINVAL;
	}
	out->pass_min = p.pass_min;
	out->pass_best = p.pass_best;
	out->place = p.place;
	out->link = p.link;
	out->time_text = p.time_text;
	out->provider = p.provider;
	return SEL_OK;
}

struct str
stage_plan_kv(struct arena *ar, const struct s_stage_plan *p)
{
	struct str pm = p->pass_min < 0 ? STR("") :
	    stage_score_text(ar, (int)p->pass_min);
	struct str pb = p->pass_best <= 0 ? STR("") :
	    arena_printf(ar, "%" PRId64, p->pass_best);

	return app_kv(ar, "stage", &p->stage, "starts_on", &p->starts_on,
	    "ends_on", &p->ends_on, "method", &p->method, "pass_min", &pm,
	    "pass_best", &pb, "place", &p->place, "link", &p->link,
	    "time_text", &p->time_text, "provider", &p->provider, NULL);
}

enum sel_err
app_stage_plans(struct app *a, struct arena *ar, int64_t sel,
    struct s_stage_plan **out, size_t *n)
{
	struct stx *tx;
	enum sel_err rc;

	*n = 0;
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_stage_plans(tx, ar, sel, out, n);
	store_abort(a->st, tx);
	return rc;
}

/* ---- the view ---- */

static bool
has_stage(const struct sel_view *s, enum flow_state st)
{
	for (size_t i = 0; i < s->flow.nstages; i++)
		if (s->flow.stages[i] == st)
			return true;
	return false;
}

static enum sel_err
may_view(const struct who *w, struct stage_view *v)
{
	const struct sel_view *s = &v->sel;
	int64_t reg = s->s.region_id, id = s->s.id;

	v->full = app_may(w, ACT_SEL_VIEW, reg, id);
	v->may_run = app_may(w, ACT_STAGE_RUN, reg, id);
	v->may_committee = app_may(w, ACT_STAGE_COMMITTEE, reg, id);
	v->may_track = app_may(w, ACT_TRACK_READ, reg, id);
	if (v->full)
		return SEL_OK;
	if (v->stage == FL_ASSESS && app_may(w, ACT_STAGE_ASSESSOR, reg, id))
		return SEL_OK;
	if (v->stage == FL_INTERVIEW &&
	    app_may(w, ACT_STAGE_NARASUMBER, reg, id) &&
	    stage_step(s->profile, FL_INTERVIEW, SS_RESOURCE_PERSONS) != NULL)
		return SEL_OK;
	return SEL_EPERM;
}

static void
provider(struct arena *ar, struct stage_view *v)
{
	const struct prac_view *pv = v->sel.prac;

	if (v->stage != FL_ASSESS)
		return;
	if (profile_rule_any(v->sel.profile, R_PRAC_ASSESSOR) == NULL) {
		v->provider = v->plan.provider;
		return;
	}
	if (pv == NULL || pv->sel.assessor_name.len == 0)
		return;
	v->provider = pv->sel.assessor_name;
	v->provider_note = arena_printf(ar, "terakreditasi %.*s, keputusan "
	    "%.*s, berlaku sampai %.*s (PRAC-ASSESSOR)",
	    (int)pv->sel.assessor_grade.len, pv->sel.assessor_grade.p,
	    (int)pv->sel.assessor_decree.len, pv->sel.assessor_decree.p,
	    (int)pv->sel.assessor_valid_until.len,
	    pv->sel.assessor_valid_until.p);
}

static enum sel_err
candidates(struct stx *tx, struct arena *ar, struct stage_view *v)
{
	struct s_stage_cand *c;
	struct s_stage_invite *inv;
	struct s_stage_absence *ab;
	size_t n, ninv, nab;
	enum sel_err rc;

	if ((rc = store_stage_candidates(tx, ar, v->sel.s.id, v->id, &c,
	    &n)) || (rc = store_stage_invites(tx, ar, v->sel.s.id, v->id,
	    &inv, &ninv)) || (rc = store_stage_absences(tx, ar, v->sel.s.id,
	    v->id, &ab, &nab)))
		return rc;
	v->c = arena_array(ar, n > 0 ? n : 1, sizeof *v->c);
	v->nc = n;
	for (size_t i = 0; i < n; i++) {
		struct stage_cand *x = &v->c[i];

		memset(x, 0, sizeof *x);
		x->a = c[i].a;
		x->absent = c[i].absent;
		for (size_t k = 0; v->full && k < ninv; k++)
			if (inv[k].application_id == x->a.id)
				x->invited_at = inv[k].sent_at;
		for (size_t k = 0; v->full && k < nab; k++)
			if (ab[k].application_id == x->a.id) {
				x->absence_note = ab[k].note;
				x->absence_at = ab[k].recorded_at;
			}
		v->uninvited += !x->absent && x->invited_at.len == 0;
	}
	if (!v->full)
		v->uninvited = 0;
	return SEL_OK;
}

/* Loads the stage inside tx; m says why when it is refused. */
static enum sel_err
load(struct app *a, struct stx *tx, struct arena *ar, const struct who *w,
    int64_t sel, enum flow_state st, struct stage_view *v, struct app_msg *m)
{
	const struct prof_rule *r;
	struct s_stage_plan *pl;
	size_t npl;
	enum sel_err rc;

	memset(v, 0, sizeof *v);
	v->stage = st;
	rc = prep_view_load(a, tx, ar, sel, &v->sel);
	if (rc == SEL_ENOENT || (rc == SEL_OK && (!flow_is_stage(st) ||
	    !has_stage(&v->sel, st))))
		return app_say(m, SEL_ENOENT, "Tahapan ini tidak ada dalam "
		    "seleksi ini.");
	if (rc != SEL_OK)
		return rc;
	if (may_view(w, v) != SEL_OK)
		return app_say(m, SEL_EPERM, "Peran Anda tidak mencakup "
		    "tahapan ini.");
	v->id = str_c(flow_stage_id(st));
	v->label = stage_label(v->sel.profile, st);
	v->params = stage_params_of(v->sel.profile, st);
	r = profile_rule_any(v->sel.profile, flow_stage_rule(st));
	v->rule_citation = r != NULL ? r->citation : STR("");
	if ((rc = store_stage_plans(tx, ar, sel, &pl, &npl)) != SEL_OK)
		return rc;
	for (size_t i = 0; i < npl; i++)
		if (str_eq(pl[i].stage, v->id)) {
			v->plan = pl[i];
			v->planned = true;
		}
	provider(ar, v);
	if ((rc = store_stage_is_closed(tx, sel, v->id, &v->closed)))
		return rc;
	v->current = v->sel.state == st;
	v->open = v->current && !v->closed;
	if ((rc = candidates(tx, ar, v)) != SEL_OK)
		return rc;
	return stage_extras(tx, ar, v);
}

enum sel_err
app_stage_view(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, enum flow_state st, struct stage_view *v)
{
	struct app_msg m = { "" };
	struct stx *tx;
	enum sel_err rc;

	if (w == NULL || w->account_id == 0)
		return SEL_EPERM;
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = load(a, tx, ar, w, sel, st, v, &m);
	store_abort(a->st, tx);
	return rc;
}

/* ---- writes ---- */

enum sel_err
stage_begin(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, enum flow_state st, enum act act, struct stx **tx,
    struct stage_view *v, struct app_msg *m)
{
	enum sel_err rc;

	if (w == NULL || w->account_id == 0)
		return app_say(m, SEL_EPERM, "Silakan masuk.");
	if ((rc = store_begin(a->st, true, tx)) != SEL_OK)
		return rc;
	rc = load(a, *tx, ar, w, sel, st, v, m);
	if (rc == SEL_OK && !app_may(w, act, v->sel.s.region_id, sel))
		rc = app_say(m, SEL_EPERM, "Peran Anda tidak mengizinkan "
		    "tindakan ini.");
	if (rc != SEL_OK)
		store_abort(a->st, *tx);
	return rc;
}

enum sel_err
stage_finish(struct app *a, struct stx *tx, enum sel_err rc)
{
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return app_commit(a, tx);
}

/* Invitations and absences: the current stage, not closed. */
static enum sel_err
running(const struct stage_view *v, struct app_msg *m)
{
	if (v->closed)
		return app_say(m, SEL_ESTATE, "Tahapan %.*s sudah ditutup; "
		    "datanya tidak dapat diubah lagi.", (int)v->label.len,
		    v->label.p);
	if (!v->current)
		return app_say(m, SEL_ESTATE, "Tahapan %.*s bukan tahapan yang "
		    "sedang berjalan (sekarang: %s).", (int)v->label.len,
		    v->label.p, flow_state_label(v->sel.state));
	return SEL_OK;
}

/* The dates of the plan in the region's words. */
static struct str
dates_text(struct arena *ar, const struct s_stage_plan *p)
{
	sel_date d1 = 0, d2 = 0;

	if (date_parse(p->starts_on, &d1) != SEL_OK)
		return STR("");
	if (date_parse(p->ends_on, &d2) != SEL_OK || d2 == d1) {
		return app_date_text(ar, d1);
	}
	return arena_printf(ar, "%s sampai %s", app_date_text(ar, d1).p,
	    app_date_text(ar, d2).p);
}

/* What a candidate must know of the stage's steps (the profile's). */
static struct str
steps_text(struct arena *ar, const struct stage_view *v)
{
	static const enum stage_step_id told[] = { SS_ONLINE_SUBMISSION,
	    SS_HANDWRITTEN, SS_RESULTS_HANDED_IN, SS_AFTER_ALL_OTHERS };
	struct str s = STR("");

	for (size_t i = 0; i < sizeof told / sizeof *told; i++) {
		const struct stage_step *k = stage_step(v->sel.profile,
		    v->stage, told[i]);

		if (k != NULL)
			s = app_printf(ar, "%.*s%.*s (%.*s)\n", (int)s.len, s.p,
			    (int)k->label.len, k->label.p,
			    (int)k->citation.len, k->citation.p);
	}
	return s;
}

static struct str
invite_body(struct app *a, struct arena *ar, const struct stage_view *v,
    const struct stage_cand *c, struct str name)
{
	const struct s_stage_plan *p = &v->plan;
	struct str when = dates_text(ar, p), steps = steps_text(ar, v);
	struct str place = p->place.len == 0 ? STR("") : app_printf(ar,
	    "Tempat: %.*s\n", (int)p->place.len, p->place.p);
	struct str link = p->link.len == 0 ? STR("") : app_printf(ar,
	    "Tautan konferensi video: %.*s\n", (int)p->link.len, p->link.p);
	struct str time = p->time_text.len == 0 ? STR("") : app_printf(ar,
	    "Waktu: %.*s\n", (int)p->time_text.len, p->time_text.p);

	return app_printf(ar, "Yth. %.*s,\n\nAnda diundang mengikuti tahapan "
	    "%.*s pada %.*s, jabatan %.*s, nomor pendaftaran %.*s.\n\n"
	    "Tanggal: %.*s\n%.*s%.*s%.*s\n%.*s%s"
	    "Peserta yang tidak hadir pada tahapan ini dicatat mengundurkan "
	    "diri dari tahapan tersebut.\n\nDasar: %.*s\nRincian: "
	    "%s/pelamar\n", (int)name.len, name.p, (int)v->label.len,
	    v->label.p, (int)v->sel.s.f[SF_TITLE].len, v->sel.s.f[SF_TITLE].p,
	    (int)c->a.vacancy_title.len, c->a.vacancy_title.p,
	    (int)c->a.reg_no.len, c->a.reg_no.p, (int)when.len, when.p,
	    (int)time.len, time.p, (int)place.len, place.p, (int)link.len,
	    link.p, (int)steps.len, steps.p, steps.len > 0 ? "\n" : "",
	    (int)v->rule_citation.len, v->rule_citation.p, a->base_url);
}

enum sel_err
app_stage_invite(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, enum flow_state st, int *sent, struct app_msg *m)
{
	struct stage_view v;
	struct stx *tx;
	struct str at, list = STR(""), count, subject;
	enum sel_err rc;

	*sent = 0;
	if ((rc = stage_begin(a, ar, w, sel, st, ACT_STAGE_RUN, &tx, &v, m)))
		return rc;
	if ((rc = running(&v, m)) != SEL_OK)
		return stage_finish(a, tx, rc);
	if (!v.planned || v.plan.starts_on.len == 0)
		rc = app_say(m, SEL_ESTATE, "Jadwal tahapan %.*s belum ada "
		    "dalam rencana seleksi.", (int)v.label.len, v.label.p);
	else if (v.plan.place.len == 0 && v.plan.link.len == 0)
		rc = app_say(m, SEL_ESTATE, "Rencana seleksi belum memuat "
		    "tempat atau tautan konferensi video tahapan %.*s; "
		    "undangan memerlukannya.", (int)v.label.len, v.label.p);
	else if (stage_vc(v.sel.profile, st) == SVC_REQUIRED &&
	    v.plan.link.len == 0)
		rc = app_say(m, SEL_ESTATE, "Tahapan %.*s dilaksanakan melalui "
		    "konferensi video; rencana seleksi belum memuat tautannya.",
		    (int)v.label.len, v.label.p);
	else if (v.uninvited == 0)
		rc = app_say(m, SEL_ESTATE, "Semua peserta tahapan ini sudah "
		    "diundang (atau dicatat tidak hadir).");
	if (rc != SEL_OK)
		return stage_finish(a, tx, rc);
	at = app_iso(ar, app_now(a));
	subject = app_printf(ar, "Undangan tahapan %.*s seleksi terbuka",
	    (int)v.label.len, v.label.p);
	for (size_t i = 0; rc == SEL_OK && i < v.nc; i++) {
		const struct stage_cand *c = &v.c[i];
		struct s_applicant p;

		if (c->absent || c->invited_at.len > 0)
			continue;
		rc = store_applicant_get(tx, ar, c->a.account_id, &p);
		if (rc == SEL_OK)
			rc = store_mail_add(tx, p.email, subject, invite_body(a,
			    ar, &v, c, p.name), app_now(a));
		if (rc == SEL_OK)
			rc = store_stage_invite_add(tx, sel, c->a.id, v.id, at);
		list = app_printf(ar, "%.*s%s%.*s", (int)list.len, list.p,
		    list.len > 0 ? ";" : "", (int)c->a.reg_no.len, c->a.reg_no.p);
		(*sent)++;
	}
	count = arena_printf(ar, "%d", *sent);
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "stage_invite", STR(""),
		    app_kv(ar, "stage", &v.id, "count", &count, "reg_nos",
		    &list, NULL), app_rule_json(ar, v.sel.profile,
		    flow_stage_rule(st)));
	if (rc != SEL_OK)
		*sent = 0;
	return stage_finish(a, tx, rc);
}

enum sel_err
app_stage_absent(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, enum flow_state st, int64_t app_id, struct str note,
    struct app_msg *m)
{
	struct stage_view v;
	struct s_stage_absence ab;
	const struct stage_cand *c = NULL;
	struct stx *tx;
	enum sel_err rc;

	note = str_trim(note);
	if (note.len < 5 || note.len > 1000 || !app_text_valid(note, 1000,
	    true)) {
		app_say(m, SEL_EINVAL, "Keterangan ketidakhadiran wajib diisi "
		    "(5 sampai 1000 karakter).");
		app_msg_at(m, "note");
		return SEL_EINVAL;
	}
	if ((rc = stage_begin(a, ar, w, sel, st, ACT_STAGE_RUN, &tx, &v, m)))
		return rc;
	for (size_t i = 0; i < v.nc; i++)
		if (v.c[i].a.id == app_id)
			c = &v.c[i];
	rc = running(&v, m);
	if (rc == SEL_OK && c == NULL)
		rc = app_say(m, SEL_ENOENT, "Pelamar ini bukan peserta "
		    "tahapan %.*s.", (int)v.label.len, v.label.p);
	else if (rc == SEL_OK && c->absent)
		rc = app_say(m, SEL_ESTATE, "Ketidakhadiran %.*s pada tahapan "
		    "ini sudah dicatat.", (int)c->a.reg_no.len, c->a.reg_no.p);
	/* The core's table: who may, in which state (FAT_ABSENT). */
	else if (rc == SEL_OK && !(app_has_role(w, ROLE_SECRETARIAT, v.sel.s.region_id, sel) &&
	    flow_app_may(FAT_ABSENT, FA_ADM_PASSED, v.sel.state,
	    ROLE_SECRETARIAT)) && !(app_has_role(w, ROLE_CHAIR,
	    v.sel.s.region_id, sel) && flow_app_may(FAT_ABSENT, FA_ADM_PASSED,
	    v.sel.state, ROLE_CHAIR)))
		rc = app_say(m, SEL_EPERM, "Peran Anda tidak mengizinkan "
		    "tindakan ini.");
	if (rc == SEL_OK) {
		ab.application_id = app_id;
		ab.recorded_at = app_iso(ar, app_now(a));
		ab.recorded_by = w->name;
		ab.note = note;
		rc = store_stage_absence_add(tx, sel, app_id, v.id, &ab);
	}
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "stage_absent", STR(""),
		    app_kv(ar, "stage", &v.id, "reg_no", &c->a.reg_no, "state",
		    &STR("stage_absent"), "note", &note, NULL),
		    app_rule_json(ar, v.sel.profile, flow_stage_rule(st)));
	return stage_finish(a, tx, rc);
}
