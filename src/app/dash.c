/*
 * dash.c - a region's dashboard (dash.h): the rows of every selection of
 * the regions shown, read in one read transaction, turned into the core's
 * input (core/dash.h), and the figures computed there.
 */
#include <string.h>

#include "app/app_int.h"
#include "app/dash.h"
#include "app/prep.h"
#include "base/arena.h"
#include "store/store_choice.h"
#include "store/store_dash.h"
#include "base/banned.h"

/* The oversight body is national: a grant of its role anywhere. */
static bool
national(const struct who *w)
{
	for (size_t i = 0; w != NULL && i < w->ngrants; i++)
		if (w->grants[i].role == ROLE_OVERSIGHT &&
		    perm_role_may(ROLE_OVERSIGHT, ACT_DASHBOARD))
			return true;
	return false;
}

/* The region's staff: the role in it, for every selection or for one
   (the PPK and the PyB are the region's officials whatever they hold). */
static bool
staff(const struct who *w, int64_t region)
{
	for (size_t i = 0; w != NULL && i < w->ngrants; i++)
		if (w->grants[i].region_id == region &&
		    perm_role_may(w->grants[i].role, ACT_DASHBOARD))
			return true;
	return false;
}

static void
day(const struct profile *p, struct str iso, sel_date *out)
{
	sel_date d;

	if (app_local_day(p, iso, &d))
		*out = d;
}

/* The day the selection entered each state it reached. */
static void
entered(const struct sel_view *v, const struct s_dash_sel *r,
    struct dash_sel *s)
{
	const struct profile *p = v->profile;
	const struct flow_facts *f = &v->flow;
	struct flow_step st[FL__N];
	sel_date *e = s->entered;

	day(p, v->s.f[SF_CREATED_AT], &e[FL_PREPARING]);
	day(p, v->s.f[SF_PUBLISHED_AT], &e[FL_ANNOUNCED]);
	if (v->has_window) {
		e[FL_REGISTRATION] = v->open > e[FL_ANNOUNCED] ? v->open :
		    e[FL_ANNOUNCED];
		e[FL_REG_ENDED] = v->close + 1;
	}
	day(p, v->s.f[SF_CLOSED_AT], &e[FL_ADMINISTRATIVE]);
	/* each stage from the result before it: the administrative one,
	   then the stages' in the order they were published */
	for (size_t k = 0; k <= f->nstages; k++) {
		enum flow_state to = k < f->nstages ? f->stages[k] : FL_RANKING;

		if (k == 0)
			day(p, v->s.f[SF_ADM_PUBLISHED_AT], &e[to]);
		else if (k - 1 < r->nstage_pub)
			day(p, r->stage_pub[k - 1], &e[to]);
	}
	day(p, r->ranking_sent, &e[FL_CHOICE]);
	day(p, r->chosen, &e[FL_CONSULT]);
	/* no consultation required: the report's step follows the choice */
	day(p, r->consulted.len > 0 ? r->consulted : r->chosen, &e[FL_REPORT]);
	day(p, r->recommended, &e[FL_APPOINTMENT]);
	day(p, r->appointed, &e[FL_TENURE]);
	/* only the states it reached */
	flow_progress(f, v->state, NULL, st);
	for (int k = 0; k < FL__N; k++)
		if (st[k].mark != FM_DONE && st[k].mark != FM_CURRENT)
			e[st[k].state] = 0;
}

static enum sel_err
vacancies(struct stx *tx, struct arena *ar, const struct sel_view *v,
    const struct s_dash_sel *r, struct dash_sel *s)
{
	struct dash_vac *dv = arena_array(ar, v->nvac + 1, sizeof *dv);
	struct s_appoint *ap = NULL;
	size_t nap = 0;
	enum sel_err rc;

	if ((rc = store_appoints(tx, ar, v->s.id, &ap, &nap)) != SEL_OK)
		return rc;
	for (size_t i = 0; i < v->nvac; i++) {
		dv[i].id = v->vac[i].id;
		dv[i].title = v->vac[i].title;
		for (size_t k = 0; k < r->napps; k++)
			if (r->apps[k].vacancy_id == dv[i].id)
				dv[i].applicants = r->apps[k].applicants;
		for (size_t k = 0; k < nap; k++) {
			if (ap[k].vacancy_id != dv[i].id)
				continue;
			dv[i].filled = true;
			if (date_parse(ap[k].tmt, &dv[i].tmt) != SEL_OK)
				dv[i].tmt = 0;
			if (date_parse(ap[k].inaugurated_on,
			    &dv[i].inaugurated) != SEL_OK)
				dv[i].inaugurated = dv[i].tmt;
		}
	}
	s->vac = dv;
	s->nvac = v->nvac;
	return SEL_OK;
}

static enum sel_err
one(struct app *a, struct stx *tx, struct arena *ar, int64_t id,
    struct dash_sel *s)
{
	struct sel_view v;
	struct s_dash_sel r;
	enum sel_err rc;

	memset(s, 0, sizeof *s);
	if ((rc = prep_view_load(a, tx, ar, id, &v)) != SEL_OK ||
	    (rc = store_dash_sel(tx, ar, id, &r)) != SEL_OK ||
	    (rc = store_selection_num(tx, id, SN_EXTENSIONS,
	    &s->extensions)) != SEL_OK)
		return rc;
	s->id = id;
	s->title = v.s.f[SF_TITLE];
	s->profile = v.profile;
	s->today = v.today;
	s->state = v.state;
	entered(&v, &r, s);
	return vacancies(tx, ar, &v, &r, s);
}

static enum sel_err
load(struct app *a, struct stx *tx, struct arena *ar, const struct who *w,
    int64_t region, struct dash_view *dv, struct app_msg *m)
{
	struct s_region *rg = NULL;
	size_t nrg = 0, cap = 0;
	bool found = false;
	enum sel_err rc;

	if ((rc = store_regions(tx, ar, &rg, &nrg)) != SEL_OK)
		return rc;
	dv->reg = arena_array(ar, nrg + 1, sizeof *dv->reg);
	for (size_t i = 0; i < nrg; i++) {
		struct s_selection *ls = NULL;
		size_t nls = 0;

		if (region != 0 && rg[i].id != region)
			continue;
		found = true;
		if (!dv->national && !staff(w, rg[i].id))
			continue;
		if ((rc = store_selections(tx, ar, rg[i].id, false, &ls,
		    &nls)) != SEL_OK)
			return rc;
		if (dv->nall + nls > cap) {
			size_t nc = (dv->nall + nls) * 2 + 4;

			dv->all = dv->all == NULL ? arena_array(ar, nc,
			    sizeof *dv->all) : arena_grow(ar, dv->all, cap, nc,
			    sizeof *dv->all);
			cap = nc;
		}
		/* by number, oldest first */
		for (size_t k = 1; k < nls; k++)
			for (size_t j = k; j > 0 && ls[j].id < ls[j - 1].id;
			    j--) {
				struct s_selection t = ls[j];

				ls[j] = ls[j - 1];
				ls[j - 1] = t;
			}
		dv->reg[dv->nreg].region = rg[i];
		dv->reg[dv->nreg].nsel = nls;
		for (size_t k = 0; k < nls; k++)
			if ((rc = one(a, tx, ar, ls[k].id,
			    &dv->all[dv->nall++])) != SEL_OK)
				return rc;
		dv->nreg++;
	}
	if (region != 0 && !found && dv->national)
		return app_say(m, SEL_ENOENT, "Wilayah tidak ditemukan.");
	/* to the staff, a region not theirs and none at all look alike */
	if (region != 0 && dv->nreg == 0)
		return app_say(m, SEL_EPERM, "Dasbor wilayah ini tidak dapat "
		    "Anda buka: hanya sekretariat, PPK dan PyB wilayahnya dan "
		    "lembaga pengawas.");
	if (dv->nreg == 0)
		return app_say(m, SEL_EPERM, "Dasbor wilayah hanya untuk "
		    "sekretariat, PPK dan PyB wilayahnya dan untuk lembaga "
		    "pengawas.");
	return SEL_OK;
}

enum sel_err
app_dash(struct app *a, struct arena *ar, const struct who *w, int64_t region,
    struct dash_view *dv, struct app_msg *m)
{
	struct stx *tx;
	enum sel_err rc;
	size_t at = 0;

	memset(dv, 0, sizeof *dv);
	if (w == NULL || w->account_id == 0)
		return app_say(m, SEL_EPERM, "Masuk lebih dahulu.");
	dv->national = national(w);
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = load(a, tx, ar, w, region, dv, m);
	store_abort(a->st, tx);
	if (rc != SEL_OK)
		return rc;
	/* the slices, once the array has stopped moving */
	for (size_t i = 0; i < dv->nreg; i++) {
		dv->reg[i].sel = dv->all + at;
		dash_figures(ar, dv->reg[i].sel, dv->reg[i].nsel,
		    &dv->reg[i].fig);
		at += dv->reg[i].nsel;
	}
	dash_figures(ar, dv->all, dv->nall, &dv->total);
	return SEL_OK;
}
