/*
 * flow.c - the workflow, as the application serves it: a selection's
 * progress (every step done, current, waiting or not in this profile,
 * with its dates), the transitions open now with their guards decided by
 * the rule modules, and the one transition this file owns, closing
 * registration (FT_CLOSE).  The table itself is core/flow.c.
 */
#include <string.h>

#include "app/app_int.h"
#include "app/log_int.h"	/* ---- log ---- */
#include "app/prep.h"
#include "app/result.h"
#include "base/arena.h"
#include "core/profile.h"
#include "base/banned.h"

bool
app_flow_has_use_case(enum flow_tr t)
{
	switch (t) {
	case FT_PUBLISH:
	case FT_CLOSE:
	case FT_EXTEND:
	case FT_ADM_PUBLISH:
	case FT_STAGE_PUBLISH:		/* result */
	case FT_RANKING_SEND:
	case FT_CHOOSE:			/* choice */
	case FT_CONSULTED:
	case FT_RECOMMENDED:
	case FT_APPOINT:
		return true;
	default:
		return false;
	}
}

enum act
app_flow_act(enum flow_tr t)
{
	static const enum act acts[FT__N] = {
		[FT_PUBLISH] = ACT_ANN_PUBLISH, [FT_OPEN] = ACT__N,
		[FT_END] = ACT__N, [FT_CLOSE] = ACT_REG_CLOSE,
		[FT_EXTEND] = ACT_EXTEND, [FT_ADM_PUBLISH] = ACT_RESULT_PUBLISH,
		[FT_STAGE_PUBLISH] = ACT_RESULT_PUBLISH,
		[FT_RANKING_SEND] = ACT_RESULT_PUBLISH,
		[FT_CHOOSE] = ACT_APPOINT_CHOOSE,
		[FT_CONSULTED] = ACT_CONSULT,
		[FT_RECOMMENDED] = ACT_RECOMMEND,
		[FT_APPOINT] = ACT_APPOINT_CHOOSE,
	};

	return (unsigned)t < FT__N ? acts[t] : ACT__N;
}

struct str
app_date_iso(struct arena *ar, sel_date d)
{
	int y, mo, dd;

	date_ymd(d, &y, &mo, &dd);
	return arena_printf(ar, "%04d-%02d-%02d", y, mo, dd);
}

struct str
app_date_text(struct arena *ar, sel_date d)
{
	struct buf b;
	struct str s;

	buf_init(&b, 64);
	date_id(&b, d);
	s = arena_printf(ar, "%.*s", (int)b.len, b.p);
	buf_release(&b);
	return s;
}

enum sel_err
app_publish_doc(struct app *a, struct stx *tx, struct arena *ar,
    const struct pub_src *src, struct str title, struct str signer,
    struct str at, struct app_msg *m)
{
	struct s_publication p;
	enum sel_err rc;
	int64_t id;

	memset(&p, 0, sizeof p);
	if (a->render == NULL)
		return app_say(m, SEL_EINTERNAL, "Dokumen tidak dapat "
		    "disusun: aplikasi berjalan tanpa penyusun dokumen.");
	if ((rc = a->render(ar, src, &p.body)) != SEL_OK)
		return app_say(m, rc, "Dokumen tidak dapat disusun.");
	p.selection_id = src->sel->s.id;
	p.kind = src->kind;
	p.title = title;
	p.published_at = at;
	p.signed_by = signer;
	if ((rc = store_publication_add(tx, &p, &id)) != SEL_OK)
		return rc;
	return app_pub_sign(a, tx, ar, &p, id);	/* ---- log ---- */
}

enum sel_err
app_publications(struct app *a, struct arena *ar, int64_t sel,
    struct s_publication **out, size_t *n)
{
	struct stx *tx;
	enum sel_err rc;

	*n = 0;
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_publications(tx, ar, sel, out, n);
	store_abort(a->st, tx);
	return rc;
}

enum flow_app_state
app_state(const struct s_application *x)
{
	enum flow_app_state s;

	/* The schema allows only the names the table has. */
	return flow_app_state_parse(x->state, &s) ? s : FA_WITHDRAWN;
}

bool
app_local_day(const struct profile *p, struct str iso, sel_date *out)
{
	sel_date d;
	int h;

	if (iso.len < 13 || date_parse((struct str){ iso.p, 10 }, &d) !=
	    SEL_OK || iso.p[10] != 'T' || iso.p[11] < '0' || iso.p[11] > '2' ||
	    iso.p[12] < '0' || iso.p[12] > '9')
		return false;
	h = (iso.p[11] - '0') * 10 + (iso.p[12] - '0');
	*out = d + (h + app_tz_hours(p) >= 24 ? 1 : 0);
	return true;
}

/* The guards of the announcement: the preparation's steps. */
static void
guards_prep(const struct sel_view *v, struct flow_guards *g)
{
	for (size_t i = 0; i < v->prep.n; i++) {
		const struct prep_step *s = &v->prep.s[i];

		if (!s->has_rule)
			continue;
		if (s->state == PS_PENDING)
			flow_guard(g, s->r.id, RS_MISSING, s->r.detail);
		else if (!g->set[s->r.id])
			flow_guard(g, s->r.id, RS_PASS, s->r.detail);
	}
	if (!v->com.valid)
		flow_guard(g, R_COM_SIZE, RS_FAIL, STR("Susunan panitia "
		    "seleksi belum memenuhi ketentuan (COM-*)."));
	else if (v->s.f[SF_COMMITTEE_OK_ON].len == 0)
		flow_guard(g, R_COM_SIZE, RS_MISSING, STR("Panitia seleksi "
		    "belum ditetapkan oleh PPK."));
	else
		flow_guard(g, R_COM_SIZE, RS_PASS, STR("Panitia seleksi "
		    "ditetapkan oleh PPK."));
}

/* The guards of the administrative result and of extending. */
static void
guards_adm(struct arena *ar, const struct adm_view *av, struct flow_guards *g)
{
	int undecided = 0;

	for (size_t i = 0; i < av->nvac; i++)
		undecided += av->vac[i].registered - av->vac[i].decided;
	flow_guard(g, R_ADM_COMPLETE, undecided > 0 ? RS_MISSING : RS_PASS,
	    undecided > 0 ? arena_printf(ar, "%d lamaran belum diputuskan "
	    "panitia.", undecided) : STR("Setiap lamaran telah diputuskan."));
	/* ADM-MIN-3 blocks while it fails and none of the profile's paths
	   was taken (adm_publish_eval). */
	for (size_t i = 0; i < av->nvac; i++) {
		const struct adm_vac *c = &av->vac[i];

		if (!c->has_min)
			continue;
		if (c->pub.blocked) {
			flow_guard(g, R_ADM_MIN_3, c->min.status,
			    arena_printf(ar, "%.*s: %.*s Jalan yang masih "
			    "terbuka: %.*s.", (int)c->title.len, c->title.p,
			    (int)c->min.detail.len, c->min.detail.p,
			    (int)c->pub.paths.len, c->pub.paths.p));
			break;
		}
		flow_guard(g, R_ADM_MIN_3, RS_PASS, c->min.detail);
	}
	if (av->has_ext)
		flow_guard(g, R_ANN_EXTEND, av->ext.rule.status,
		    av->ext.rule.detail);
	else
		flow_guard(g, R_ANN_EXTEND, RS_FAIL, STR("Perpanjangan tidak "
		    "tersedia untuk seleksi ini sekarang."));
}

/* What each step's dates are, as far as they are known. */
static void
dates(const struct sel_view *v, struct flow_dates *d)
{
	const struct profile *p = v->profile;
	sel_date x;

	memset(d, 0, sizeof *d);
	if (app_local_day(p, v->s.f[SF_CREATED_AT], &x))
		d->d[FL_PREPARING][0] = x;
	if (app_local_day(p, v->s.f[SF_PUBLISHED_AT], &x)) {
		d->d[FL_PREPARING][1] = x;
		d->d[FL_ANNOUNCED][0] = x;
	}
	if (v->has_window) {
		d->d[FL_REGISTRATION][0] = v->open;
		d->d[FL_REGISTRATION][1] = v->close;
		d->d[FL_REG_ENDED][0] = v->close + 1;
	}
	if (app_local_day(p, v->s.f[SF_CLOSED_AT], &x)) {
		d->d[FL_REG_ENDED][1] = x;
		d->d[FL_ADMINISTRATIVE][0] = x;
	}
	for (size_t i = 0; i < v->nstages; i++) {
		enum flow_state st = FL__N;
		sel_date a = 0, b = 0;

		if (str_eqc(v->stages[i].stage, "administrative"))
			st = FL_ADMINISTRATIVE;
		else if (str_eqc(v->stages[i].stage, "result"))
			st = FL_RANKING;
		else if (!flow_stage_parse(v->stages[i].stage, &st))
			continue;
		if (date_parse(v->stages[i].starts_on, &a) != SEL_OK)
			continue;
		if (date_parse(v->stages[i].ends_on, &b) != SEL_OK)
			b = a;
		if (d->d[st][0] == 0)
			d->d[st][0] = a;
		if (d->d[st][1] == 0)
			d->d[st][1] = b;
	}
	if (app_local_day(p, v->s.f[SF_ADM_PUBLISHED_AT], &x))
		d->d[FL_ADMINISTRATIVE][1] = x;
}

enum sel_err
app_flow_view(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct flow_view *fv)
{
	struct flow_guards *g = arena_alloc(ar, sizeof *g);
	struct flow_dates d;
	enum sel_err rc;

	memset(fv, 0, sizeof *fv);
	memset(g, 0, sizeof *g);
	if ((rc = app_adm_view(a, ar, w, sel, &fv->adm)) != SEL_OK)
		return rc;
	fv->sel = &fv->adm.sel;
	guards_prep(fv->sel, g);
	guards_adm(ar, &fv->adm, g);
	result_flow_guards(a, ar, fv->sel, g);	/* result */
	fv->noffers = flow_offers(ar, fv->sel->profile, &fv->sel->flow,
	    fv->sel->state, g, fv->offers);
	dates(fv->sel, &d);
	fv->nsteps = flow_progress(&fv->sel->flow, fv->sel->state, &d,
	    fv->steps);
	for (size_t i = 0; i < fv->noffers; i++) {
		const struct flow_tr_def *t = fv->offers[i].def;

		fv->mine[i] = !t->by_clock && app_flow_has_use_case(t->id) &&
		    app_may(w, app_flow_act(t->id), fv->sel->s.region_id, sel);
	}
	return SEL_OK;
}

enum sel_err
app_reg_close(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, bool confirm, struct app_msg *m)
{
	struct flow_offer o[FT__N];
	struct sel_view v;
	struct stx *tx;
	struct str at, count;
	int64_t n = 0;
	size_t no;
	enum sel_err rc;

	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, tx, ar, sel, &v);
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Seleksi tidak ditemukan.");
	else if (rc == SEL_OK && !app_may(w, ACT_REG_CLOSE, v.s.region_id,
	    sel))
		rc = app_say(m, SEL_EPERM, "Peran Anda tidak dapat menutup "
		    "pendaftaran.");
	else if (rc == SEL_OK && v.state != FL_REG_ENDED)
		rc = app_say(m, SEL_ESTATE, "Pendaftaran tidak dapat ditutup "
		    "sekarang: tahap seleksi ini \"%s\".",
		    flow_state_label(v.state));
	else if (rc == SEL_OK && !confirm)
		rc = app_say(m, SEL_EINVAL, "Centang pernyataan bahwa Anda "
		    "menutup pendaftaran.");
	if (rc == SEL_OK) {
		/* The calendar guard, from the table. */
		no = flow_offers(ar, v.profile, &v.flow, v.state, NULL, o);
		for (size_t i = 0; i < no; i++)
			if (o[i].def->id == FT_CLOSE && !o[i].ready)
				rc = app_say(m, SEL_ESTATE, "%.*s",
				    (int)o[i].why.len, o[i].why.p);
	}
	if (rc == SEL_OK)
		rc = store_application_count(tx, sel, &n);
	if (rc == SEL_OK) {
		at = app_iso(ar, app_now(a));
		count = arena_printf(ar, "%lld", (long long)n);
		if ((rc = store_selection_set(tx, sel, SF_CLOSED_AT, at)) ==
		    SEL_OK)
			rc = store_selection_set(tx, sel, SF_CLOSED_BY, w->name);
	}
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "registration_close",
		    app_kv(ar, "state", &STR("registration_ended"), NULL),
		    app_kv(ar, "state", &STR("administrative"), "closed_at",
		    &at, "applications", &count, NULL),
		    app_rule_json(ar, v.profile, R_ANN_DURATION));
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return app_commit(a, tx);
}
