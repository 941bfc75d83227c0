/*
 * reuse.c - STG-REUSE in a selection (app/reuse.h): the assessment
 * stage's candidates with the results the region has on record for them,
 * applying one, and the records a closed assessment stage leaves.
 */
#include <string.h>

#include "app/app_int.h"
#include "app/prep.h"
#include "app/reuse.h"
#include "base/arena.h"
#include "core/prac.h"
#include "core/profile.h"
#include "core/record.h"
#include "base/banned.h"

#define ASSESSMENT	STR("assessment")

static sel_date
day_of(struct str s)
{
	sel_date d = 0;

	return date_parse(s, &d) == SEL_OK ? d : 0;
}

/* The plan's assessment stage, its last day (0: not in the plan). */
static sel_date
stage_on(const struct sel_view *v)
{
	for (size_t i = 0; i < v->nstages; i++)
		if (str_eqc(v->stages[i].stage, "assessment"))
			return day_of(v->stages[i].ends_on);
	return 0;
}

static const struct s_vacancy *
vacancy(const struct sel_view *v, int64_t id)
{
	for (size_t i = 0; i < v->nvac; i++)
		if (v->vac[i].id == id)
			return &v->vac[i];
	return NULL;
}

/* The core's view of a record (what became of its candidate, read). */
static enum sel_err
prior_of(struct stx *tx, const struct s_assess_rec *r,
    struct reuse_prior *pr)
{
	int after = RA_STOPPED;
	enum sel_err rc;

	memset(pr, 0, sizeof *pr);
	pr->region = r->region_id;
	pr->selection = r->selection_id;
	pr->held_on = day_of(r->held_on);
	pr->result_on = day_of(r->result_on);
	pr->passed = r->passed;
	/* By hand, the secretariat states why the next tests were not
	   taken (stop_reason, required); from a stage, the store says. */
	if (r->application_id > 0 &&
	    (rc = store_assess_after(tx, r->application_id, &after)))
		return rc;
	pr->after = (enum reuse_after)after;
	pr->level = prep_word(vocab_level, r->level);
	pr->grade = prac_grade(r->accreditation);
	pr->provider = r->provider;
	return SEL_OK;
}

/* The verdict for record r and a candidate of v applying to vac. */
static enum sel_err
judge(struct arena *ar, struct stx *tx, const struct sel_view *v,
    const struct s_vacancy *vac, const struct s_assess_rec *r,
    struct reuse_verdict *out)
{
	struct reuse_prior pr;
	struct reuse_target t;
	struct vacancy *post = arena_alloc(ar, sizeof *post);
	enum sel_err rc;

	if ((rc = prior_of(tx, r, &pr)) != SEL_OK)
		return rc;
	if (vac != NULL)
		prep_core_vacancy(ar, v, vac, post);
	t.region = v->s.region_id;
	t.selection = v->s.id;
	t.stage_on = stage_on(v);
	t.post = vac != NULL ? post : NULL;
	reuse_eval(ar, v->profile, &pr, &t, out);
	return SEL_OK;
}

static enum sel_err
cand_load(struct arena *ar, struct stx *tx, struct reuse_view *rv,
    struct reuse_cand *c)
{
	struct s_applicant ap;
	struct s_assess_rec *rec = NULL;
	size_t n = 0;
	enum sel_err rc;

	if ((rc = store_applicant_get(tx, ar, c->c.a.account_id, &ap)) ||
	    (rc = store_assess_recs(tx, ar, rv->v.s.region_id, ap.nip, &rec,
	    &n)) ||
	    (rc = store_stage_scored(tx, c->c.a.id, ASSESSMENT, &c->scored)))
		return rc;
	c->nip = ap.nip;
	c->opt = arena_array(ar, n + 1, sizeof *c->opt);
	for (size_t i = 0; i < n; i++) {
		c->opt[c->nopt].rec = rec[i];
		if ((rc = judge(ar, tx, &rv->v, vacancy(&rv->v,
		    c->c.a.vacancy_id), &rec[i], &c->opt[c->nopt].v)))
			return rc;
		c->nopt++;
	}
	for (size_t i = 0; i < rv->napplied; i++)
		if (rv->applied[i].application_id == c->c.a.id)
			c->applied = &rv->applied[i];
	return SEL_OK;
}

/* Loads everything the page and the use case read, inside tx. */
static enum sel_err
view_load(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, int64_t sel, struct reuse_view *rv)
{
	struct s_stage_cand *sc = NULL;
	size_t n = 0;
	enum sel_err rc;

	memset(rv, 0, sizeof *rv);
	if ((rc = prep_view_load(a, tx, ar, sel, &rv->v)) != SEL_OK)
		return rc;
	rv->rule = profile_rule_any(rv->v.profile, R_STG_REUSE);
	rv->stage_on = stage_on(&rv->v);
	rv->may_apply = app_may(w, ACT_REUSE_APPLY, rv->v.s.region_id, sel);
	if ((rc = store_stage_closed(tx, sel, ASSESSMENT, &rv->closed)) ||
	    (rc = store_reuses(tx, ar, sel, &rv->applied, &rv->napplied)) ||
	    (rc = store_stage_candidates(tx, ar, sel, ASSESSMENT, &sc, &n)))
		return rc;
	rv->cand = arena_array(ar, n + 1, sizeof *rv->cand);
	for (size_t i = 0; i < n; i++) {
		rv->cand[i].c = sc[i];
		if ((rc = cand_load(ar, tx, rv, &rv->cand[i])) != SEL_OK)
			return rc;
	}
	rv->ncand = n;
	return SEL_OK;
}

static bool
may_see(const struct who *w, const struct sel_view *v)
{
	return app_may(w, ACT_REUSE_APPLY, v->s.region_id, v->s.id) ||
	    app_may(w, ACT_AUDIT_VIEW, v->s.region_id, v->s.id);
}

enum sel_err
app_reuse_view(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct reuse_view *rv, struct app_msg *m)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = view_load(a, tx, ar, w, sel, rv);
	store_abort(a->st, tx);
	if (rc == SEL_ENOENT)
		return app_say(m, rc, "Seleksi tidak ditemukan.");
	if (rc == SEL_OK && !may_see(w, &rv->v))
		return app_say(m, SEL_EPERM, "Peran Anda tidak mengizinkan "
		    "membuka halaman ini.");
	return rc;
}

/* ---- applying a result ---- */

struct actx {
	struct app		*a;
	struct arena		*ar;
	const struct who	*w;
	struct stx		*tx;
	struct reuse_view	*rv;
	const struct form	*f;
	struct app_msg		*m;
	const char		**field;
};

static enum sel_err
bad(struct actx *c, const char *field, enum sel_err rc, const char *msg)
{
	*c->field = field;
	return app_say(c->m, rc, "%s", msg);
}

static enum sel_err
form_id(struct actx *c, const char *name, int64_t *id)
{
	if (parse_i64(form_get(c->f, name), 1, INT64_MAX, id) != SEL_OK)
		return bad(c, name, SEL_EINVAL, "Pilih data yang sah.");
	return SEL_OK;
}

/* The state the stage must be in, for this candidate. */
static enum sel_err
stage_open_for(struct actx *c, const struct reuse_cand *k)
{
	if (c->rv->closed)
		return bad(c, NULL, SEL_ESTATE, "Tahap asesmen seleksi ini "
		    "sudah ditutup; hasilnya tidak dapat diubah lagi.");
	if (k == NULL)
		return bad(c, "application", SEL_EINVAL, "Pelamar bukan peserta "
		    "tahap asesmen seleksi ini.");
	if (k->c.absent)
		return bad(c, "application", SEL_ESTATE, "Pelamar tercatat tidak "
		    "hadir pada tahap asesmen seleksi ini, sehingga mundur dari "
		    "tahap ini.");
	if (k->applied != NULL)
		return bad(c, "application", SEL_ESTATE, "Hasil assessment "
		    "sebelumnya sudah digunakan untuk pelamar ini.");
	if (k->scored)
		return bad(c, "application", SEL_ESTATE, "Pelamar sudah dinilai "
		    "pada tahap asesmen seleksi ini; hasil sebelumnya tidak "
		    "dapat digunakan lagi.");
	return SEL_OK;
}

static enum sel_err
audit_apply(struct actx *c, const struct reuse_cand *k,
    const struct reuse_option *o, const struct s_reuse *u)
{
	const struct s_assess_rec *r = &o->rec;
	struct str rec = arena_printf(c->ar, "%lld", (long long)r->id);
	struct str score = arena_printf(c->ar, "%lld/%lld",
	    (long long)r->score_sum, (long long)r->score_count);

	return app_audit(c->a, c->tx, c->ar, c->w, c->rv->v.s.id,
	    "assessment_reuse", STR(""), app_kv(c->ar, "reg_no",
	    &k->c.a.reg_no, "nip", &k->nip, "record", &rec, "provider",
	    &r->provider, "held_on", &r->held_on, "score", &score,
	    "valid_until", &u->valid_until, "reason", &o->v.reason, NULL),
	    app_rule_json(c->ar, c->rv->v.profile, R_STG_REUSE));
}

static enum sel_err
apply(struct actx *c)
{
	struct reuse_view *rv = c->rv;
	const struct reuse_cand *k = NULL;
	const struct reuse_option *o = NULL;
	struct s_reuse u;
	int64_t app = 0, rec = 0;
	enum sel_err rc;

	if ((rc = form_id(c, "application", &app)) ||
	    (rc = form_id(c, "record", &rec)))
		return rc;
	for (size_t i = 0; i < rv->ncand; i++)
		if (rv->cand[i].c.a.id == app)
			k = &rv->cand[i];
	if ((rc = stage_open_for(c, k)) != SEL_OK)
		return rc;
	for (size_t i = 0; i < k->nopt; i++)
		if (k->opt[i].rec.id == rec)
			o = &k->opt[i];
	if (o == NULL)
		return bad(c, "record", SEL_EINVAL, "Hasil assessment ini tidak "
		    "tercatat untuk NIP pelamar di wilayah ini.");
	if (!form_has(c->f, "confirm", STR("1")))
		return bad(c, "confirm", SEL_EINVAL, "Centang pernyataan bahwa "
		    "hasil dan laporannya sudah diperiksa.");
	if (!o->v.ok) {
		*c->field = "record";
		return app_say(c->m, SEL_EINVAL, "Ditolak (%s, %.*s): %.*s",
		    rule_name(o->v.rule), (int)o->v.citation.len,
		    o->v.citation.p, (int)o->v.reason.len, o->v.reason.p);
	}
	memset(&u, 0, sizeof u);
	u.application_id = app;
	u.selection_id = rv->v.s.id;
	u.record_id = rec;
	u.valid_until = app_date_iso(c->ar, o->v.until);
	u.applied_at = app_iso(c->ar, app_now(c->a));
	u.applied_by = c->w->name;
	if ((rc = store_reuse_add(c->tx, &u)) != SEL_OK)
		return rc;
	return audit_apply(c, k, o, &u);
}

enum sel_err
app_reuse_apply(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, const struct form *f, struct app_msg *m,
    const char **field)
{
	struct reuse_view rv;
	const char *none = NULL;
	struct actx c = { a, ar, w, NULL, &rv, f, m, field != NULL ? field :
	    &none };
	enum sel_err rc;

	*c.field = NULL;
	if ((rc = store_begin(a->st, true, &c.tx)) != SEL_OK)
		return rc;
	rc = view_load(a, c.tx, ar, w, sel, &rv);
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Seleksi tidak ditemukan.");
	else if (rc == SEL_OK && !rv.may_apply)
		rc = app_say(m, SEL_EPERM, "Peran Anda tidak mengizinkan "
		    "tindakan ini.");
	if (rc == SEL_OK)
		rc = apply(&c);
	if (rc != SEL_OK) {
		store_abort(a->st, c.tx);
		return rc;
	}
	return app_commit(a, c.tx);
}

/* ---- the records a closed assessment stage leaves ---- */

static enum sel_err
audit_record(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, const struct profile *p,
    const struct s_assess_rec *r, int64_t id)
{
	struct str sid = arena_printf(ar, "%lld", (long long)id);
	struct str score = arena_printf(ar, "%lld/%lld",
	    (long long)r->score_sum, (long long)r->score_count);
	struct str passed = r->passed ? STR("lulus") : STR("tidak lulus");

	return app_audit(a, tx, ar, w, r->selection_id, "assessment_record",
	    STR(""), app_kv(ar, "record", &sid, "origin", &r->origin, "nip",
	    &r->nip, "name", &r->name, "provider", &r->provider,
	    "accreditation", &r->accreditation, "held_on", &r->held_on,
	    "result_on", &r->result_on, "result", &passed, "score", &score,
	    "source", &r->source, "report_ref", &r->report_ref,
	    "stop_reason", &r->stop_reason, NULL),
	    app_rule_json(ar, p, R_STG_REUSE));
}

enum sel_err
reuse_record_add(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, const struct profile *p, struct s_assess_rec *r,
    int64_t *id)
{
	enum sel_err rc;

	r->recorded_at = app_iso(ar, app_now(a));
	r->recorded_by = w != NULL ? w->name : STR("sistem");
	if ((rc = store_assess_rec_add(tx, r, id)) != SEL_OK)
		return rc;
	return audit_record(a, tx, ar, w, p, r, *id);
}

enum sel_err
reuse_record_from_stage(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, int64_t sel, size_t *n)
{
	struct s_selection s;
	struct s_region reg;
	const struct profile *p;
	struct s_assess_rec *rows = NULL;
	struct str closed = STR("");
	size_t k = 0;
	sel_date result_on;
	int64_t t = 0, id;
	enum sel_err rc;

	*n = 0;
	if ((rc = store_selection_get(tx, ar, sel, &s)) ||
	    (rc = store_region_get(tx, ar, s.region_id, &reg)))
		return rc;
	p = app_profile_get(a, reg.profile_id);
	if (p == NULL || profile_rule_any(p, R_STG_REUSE) == NULL)
		return SEL_OK;
	if ((rc = store_assess_stage_rows(tx, ar, sel, &rows, &k, &closed)))
		return rc;
	if (date_instant_parse(closed, &t) != SEL_OK)
		return SEL_EINTERNAL;
	result_on = date_local_day(t, app_tz_hours(p));
	for (size_t i = 0; i < k; i++) {
		rows[i].result_on = app_date_iso(ar, result_on);
		if (rows[i].held_on.len == 0)
			rows[i].held_on = rows[i].result_on;
		rows[i].source = s.f[SF_TITLE];
		if ((rc = reuse_record_add(a, tx, ar, w, p, &rows[i], &id)))
			return rc;
		(*n)++;
	}
	return SEL_OK;
}
