/*
 * stage_track.c - the committee's work inside a stage (stage.h): the
 * track record's integrity instrument and inquiry notes (STG-TRACK,
 * confidential: the committee and the oversight body read them), the
 * interview's standardised material per post (STG-INTERVIEW); and the
 * lists other pages show: the applicant's invitations, the selections
 * where an assessor or a resource person has work.
 *
 * Each is offered only where the profile's stage has the step that calls
 * for it (core/stage.h), never by a region's name.
 */
#include <stdio.h>
#include <string.h>

#include "app/app_int.h"
#include "app/stage.h"
#include "app/stage_int.h"
#include "base/arena.h"
#include "core/profile.h"
#include "base/banned.h"

enum sel_err
stage_extras(struct stx *tx, struct arena *ar, struct stage_view *v)
{
	enum sel_err rc;

	if (v->stage == FL_TRACK && v->may_track && ((rc =
	    store_track_criteria(tx, ar, v->sel.s.id, &v->crit, &v->ncrit)) ||
	    (rc = store_track_inquiries(tx, ar, v->sel.s.id, &v->notes,
	    &v->nnotes))))
		return rc;
	if (v->stage == FL_INTERVIEW)
		return store_stage_materials(tx, ar, v->sel.s.id, v->id,
		    &v->mat, &v->nmat);
	return SEL_OK;
}

/* The committee's work in a stage: its step, and the stage not closed. */
static enum sel_err
step_open(const struct stage_view *v, enum stage_step_id id,
    const char *what, struct app_msg *m)
{
	if (stage_step(v->sel.profile, v->stage, id) == NULL)
		return app_say(m, SEL_ESTATE, "Profil wilayah ini tidak mengatur "
		    "%s pada tahapan %.*s.", what, (int)v->label.len,
		    v->label.p);
	if (v->closed)
		return app_say(m, SEL_ESTATE, "Tahapan %.*s sudah ditutup; "
		    "datanya tidak dapat diubah lagi.", (int)v->label.len,
		    v->label.p);
	return SEL_OK;
}

static struct str
crit_text(struct arena *ar, const struct s_track_criterion *c, size_t n)
{
	struct str s = STR("");

	for (size_t i = 0; i < n; i++)
		s = app_printf(ar, "%.*s%s%.*s: %lld", (int)s.len, s.p,
		    i > 0 ? "; " : "", (int)c[i].name.len, c[i].name.p,
		    (long long)c[i].weight);
	return s;
}

enum sel_err
app_track_instrument(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, const struct form *f, struct app_msg *m,
    const char **field)
{
	struct str names[TRACK_MAX_CRITERIA], weights[TRACK_MAX_CRITERIA];
	struct track_criterion out[TRACK_MAX_CRITERIA];
	struct s_track_criterion rows[TRACK_MAX_CRITERIA];
	struct stage_view v;
	struct stx *tx;
	const char *why;
	size_t n = 0;
	int row;
	enum sel_err rc;

	*field = NULL;
	for (int i = 0; i < TRACK_MAX_CRITERIA; i++) {
		char k[32];

		snprintf(k, sizeof k, "c_name_%d", i + 1);
		names[i] = form_get(f, k);
		snprintf(k, sizeof k, "c_weight_%d", i + 1);
		weights[i] = form_get(f, k);
	}
	why = stage_instrument_check(ar, names, weights, TRACK_MAX_CRITERIA,
	    out, &n, &row);
	if (why != NULL) {
		struct str nm = row >= 0 ? str_trim(names[row]) : STR("");
		bool name_bad = row >= 0 && (nm.len == 0 || nm.len > 200 ||
		    !app_text_ok(nm, 200));

		*field = arena_printf(ar, "%s_%d", name_bad ? "c_name" :
		    "c_weight", row >= 0 ? row + 1 : 1).p;
		return app_say(m, SEL_EINVAL, "%s", why);
	}
	if ((rc = stage_begin(a, ar, w, sel, FL_TRACK, ACT_STAGE_COMMITTEE,
	    &tx, &v, m)))
		return rc;
	rc = step_open(&v, SS_INTEGRITY_INSTRUMENT, "instrumen penilaian "
	    "integritas", m);
	for (size_t i = 0; i < n; i++) {
		rows[i].name = out[i].name;
		rows[i].weight = out[i].weight;
	}
	if (rc == SEL_OK)
		rc = store_track_criteria_set(tx, sel, rows, n);
	if (rc == SEL_OK) {
		struct str before = crit_text(ar, v.crit, v.ncrit);
		struct str after = crit_text(ar, rows, n);

		rc = app_audit(a, tx, ar, w, sel, "track_instrument",
		    v.ncrit > 0 ? app_kv(ar, "criteria", &before, NULL) :
		    STR(""), app_kv(ar, "criteria", &after, NULL),
		    app_rule_json(ar, v.sel.profile, R_STG_TRACK));
	}
	return stage_finish(a, tx, rc);
}

static const char *const sources[] = { "atasan", "rekan", "bawahan",
    "lainnya", NULL };

enum sel_err
app_track_inquiry(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, int64_t app_id, struct str source, struct str note,
    struct app_msg *m, const char **field)
{
	struct s_track_inquiry q;
	const struct stage_cand *c = NULL;
	struct stage_view v;
	struct stx *tx;
	bool known = false;
	int64_t id;
	enum sel_err rc;

	*field = NULL;
	note = str_trim(note);
	for (int i = 0; sources[i] != NULL; i++)
		known = known || str_eqc(source, sources[i]);
	if (!known) {
		*field = "source";
		return app_say(m, SEL_EINVAL, "Sumber penelusuran: pilih "
		    "atasan, rekan sejawat, bawahan atau lingkungan lainnya.");
	}
	if (note.len < 5 || note.len > 4000 || !app_text_valid(note, 4000,
	    true)) {
		*field = "note";
		return app_say(m, SEL_EINVAL, "Catatan penelusuran wajib diisi "
		    "(5 sampai 4000 karakter).");
	}
	if ((rc = stage_begin(a, ar, w, sel, FL_TRACK, ACT_STAGE_COMMITTEE,
	    &tx, &v, m)))
		return rc;
	rc = step_open(&v, SS_INQUIRY, "penelusuran kepada atasan, rekan "
	    "sejawat dan bawahan", m);
	for (size_t i = 0; i < v.nc; i++)
		if (v.c[i].a.id == app_id)
			c = &v.c[i];
	if (rc == SEL_OK && c == NULL) {
		*field = "application";
		rc = app_say(m, SEL_ENOENT, "Pelamar ini bukan peserta "
		    "penelusuran rekam jejak.");
	}
	if (rc == SEL_OK) {
		memset(&q, 0, sizeof q);
		q.application_id = app_id;
		q.source = source;
		q.note = note;
		q.recorded_at = app_iso(ar, app_now(a));
		q.recorded_by = w->name;
		rc = store_track_inquiry_add(tx, sel, &q, &id);
	}
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "track_inquiry", STR(""),
		    app_kv(ar, "reg_no", &c->a.reg_no, "source", &source,
		    "note", &note, NULL), app_rule_json(ar, v.sel.profile,
		    R_STG_TRACK));
	return stage_finish(a, tx, rc);
}

enum sel_err
app_stage_material(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, int64_t vac, struct str body, struct app_msg *m)
{
	struct s_stage_material s;
	struct str before = STR("");
	struct stage_view v;
	struct stx *tx;
	bool known = false;
	enum sel_err rc;

	body = str_trim(body);
	if (body.len < 10 || body.len > 8000 || !app_text_valid(body, 8000,
	    true)) {
		app_say(m, SEL_EINVAL, "Materi wawancara wajib diisi (10 "
		    "sampai 8000 karakter).");
		app_msg_at(m, "body");
		return SEL_EINVAL;
	}
	if ((rc = stage_begin(a, ar, w, sel, FL_INTERVIEW,
	    ACT_STAGE_COMMITTEE, &tx, &v, m)))
		return rc;
	rc = step_open(&v, SS_STANDARD_MATERIAL, "materi wawancara yang "
	    "terstandar", m);
	for (size_t i = 0; i < v.sel.nvac; i++)
		known = known || v.sel.vac[i].id == vac;
	if (rc == SEL_OK && !known)
		rc = app_say(m, SEL_ENOENT, "Lowongan tidak ditemukan.");
	for (size_t i = 0; i < v.nmat; i++)
		if (v.mat[i].vacancy_id == vac)
			before = v.mat[i].body;
	if (rc == SEL_OK) {
		s.vacancy_id = vac;
		s.body = body;
		s.set_at = app_iso(ar, app_now(a));
		s.set_by = w->name;
		rc = store_stage_material_set(tx, sel, v.id, &s);
	}
	if (rc == SEL_OK) {
		struct str vs = arena_printf(ar, "%lld", (long long)vac);

		rc = app_audit(a, tx, ar, w, sel, "stage_material",
		    before.len > 0 ? app_kv(ar, "vacancy", &vs, "material",
		    &before, NULL) : STR(""), app_kv(ar, "vacancy", &vs,
		    "material", &body, NULL), app_rule_json(ar, v.sel.profile,
		    R_STG_INTERVIEW));
	}
	return stage_finish(a, tx, rc);
}

enum sel_err
app_my_stages(struct app *a, struct arena *ar, const struct who *w,
    struct s_my_stage **out, size_t *n)
{
	struct stx *tx;
	enum sel_err rc;

	*n = 0;
	if (w == NULL || w->account_id == 0)
		return SEL_EPERM;
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_my_stages(tx, ar, w->account_id, out, n);
	store_abort(a->st, tx);
	return rc;
}

enum sel_err
app_application_stages(struct app *a, struct arena *ar, const struct who *w,
    int64_t id, struct s_my_stage **out, size_t *n)
{
	struct s_application x;
	struct stx *tx;
	enum sel_err rc;

	*n = 0;
	/* Its owner, or a role that may view its selection. */
	if ((rc = app_application(a, ar, w, id, &x)) != SEL_OK)
		return rc;
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_application_stages(tx, ar, id, out, n);
	store_abort(a->st, tx);
	return rc;
}

enum sel_err
app_stage_work(struct app *a, struct arena *ar, const struct who *w,
    enum role role, struct stage_work **out, size_t *n)
{
	enum act act = role == ROLE_ASSESSOR ? ACT_STAGE_ASSESSOR :
	    ACT_STAGE_NARASUMBER;
	enum flow_state st = role == ROLE_ASSESSOR ? FL_ASSESS : FL_INTERVIEW;
	struct s_selection *list;
	size_t nl = 0;
	enum sel_err rc;

	*n = 0;
	*out = NULL;
	if (role != ROLE_ASSESSOR && role != ROLE_NARASUMBER)
		return SEL_EINVAL;
	if ((rc = app_selections(a, ar, false, &list, &nl)) != SEL_OK)
		return rc;
	*out = arena_array(ar, nl > 0 ? nl : 1, sizeof **out);
	for (size_t i = 0; i < nl; i++) {
		struct sel_view v;
		bool has = false;

		if (!app_may(w, act, list[i].region_id, list[i].id) ||
		    app_sel_view(a, ar, list[i].id, &v) != SEL_OK)
			continue;
		for (size_t k = 0; k < v.flow.nstages; k++)
			has = has || v.flow.stages[k] == st;
		if (!has || (role == ROLE_NARASUMBER && stage_step(v.profile,
		    FL_INTERVIEW, SS_RESOURCE_PERSONS) == NULL))
			continue;
		(*out)[*n].sel = list[i].id;
		(*out)[*n].title = list[i].f[SF_TITLE];
		(*out)[(*n)++].state = str_c(flow_state_label(v.state));
	}
	return SEL_OK;
}
