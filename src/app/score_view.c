/*
 * score_view.c - a stage's scoring as one visitor may see it (score.h):
 * everything loaded into a context inside the transaction, then only what
 * the visitor may read copied into the view.  Sealing is decided here, by
 * the core (merit_sealed), and nowhere else.
 */
#include <string.h>

#include "app/app_int.h"
#include "app/prep.h"
#include "app/score_int.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/json.h"
#include "base/banned.h"

static bool
has(const struct who *w, const struct score_view *v, enum role r)
{
	return app_has_role(w, r, v->sel.s.region_id, v->sel.s.id);
}

/* The people of the selection: members with an account, then grants. */
static void
people(struct arena *ar, struct score_ctx *c, const struct s_sel_person *g,
    size_t ng)
{
	const struct sel_view *sv = &c->v.sel;
	size_t n = 0;

	c->people = arena_array(ar, sv->nmembers + ng + 1, sizeof *c->people);
	for (size_t i = 0; i < sv->nmembers; i++) {
		const struct s_member *mb = &sv->members[i];
		struct merit_person *p = &c->people[n];

		if (mb->account_id == 0)
			continue;
		memset(p, 0, sizeof *p);
		p->account_id = mb->account_id;
		p->member_id = mb->id;
		p->chair = mb->chair;
		p->member = !mb->chair;
		p->left = mb->left_at.len > 0;
		n++;
	}
	for (size_t i = 0; i < ng; i++) {
		struct merit_person *p = NULL;

		for (size_t k = 0; k < n && p == NULL; k++)
			if (c->people[k].account_id == g[i].account_id)
				p = &c->people[k];
		if (p == NULL) {
			p = &c->people[n++];
			memset(p, 0, sizeof *p);
			p->account_id = g[i].account_id;
		}
		p->assessor = (g[i].roles & ROLE_BIT(ROLE_ASSESSOR)) != 0;
		p->narasumber = (g[i].roles & ROLE_BIT(ROLE_NARASUMBER)) != 0;
		p->secretariat = (g[i].roles & ROLE_BIT(ROLE_SECRETARIAT)) != 0;
	}
	c->npeople = n;
}

bool
score_recused(const struct score_ctx *c, int64_t app, int64_t rater)
{
	for (size_t i = 0; i < c->nrec; i++)
		if (c->rec[i].application_id == app &&
		    c->rec[i].rater_id == rater)
			return true;
	return false;
}

const struct s_stage_cand *
score_cand(const struct score_ctx *c, int64_t app)
{
	for (size_t i = 0; i < c->ncand; i++)
		if (c->cand[i].a.id == app)
			return &c->cand[i];
	return NULL;
}

struct s_rater *
score_rater(const struct score_ctx *c, int64_t account)
{
	for (size_t i = 0; i < c->v.nraters; i++)
		if (c->v.raters[i].account_id == account)
			return &c->v.raters[i];
	return NULL;
}

const struct s_reuse *
score_reused(const struct score_ctx *c, int64_t app)
{
	for (size_t i = 0; i < c->nreuse; i++)
		if (c->reuse[i].application_id == app)
			return &c->reuse[i];
	return NULL;
}

const struct s_score *
score_of(const struct score_ctx *c, int64_t app, int64_t rater)
{
	for (size_t i = 0; i < c->nall; i++)
		if (c->all[i].application_id == app &&
		    c->all[i].rater_id == rater)
			return &c->all[i];
	return NULL;
}

/*
 * The mean of the raters of the stage not recused from app; for a
 * candidate who takes an assessment result on record (STG-REUSE), that
 * result as its selection published it: the stage score rounded half up
 * to hundredths, one value.
 */
static struct stage_score
mean(struct merit_score *s, const struct score_ctx *c, int64_t app)
{
	const struct s_reuse *u = score_reused(c, app);
	size_t n = 0;

	if (u != NULL && u->score_count > 0) {
		struct stage_score r = { .sum = u->score_sum,
		    .count = u->score_count, .present = true };

		r.sum = stage_display(&r);
		r.count = 1;
		return r;
	}

	for (size_t i = 0; i < c->nall; i++) {
		if (c->all[i].application_id != app ||
		    score_rater(c, c->all[i].rater_id) == NULL)
			continue;
		s[n].rater = c->all[i].rater_id;
		s[n].value = c->all[i].value;
		s[n++].recused = score_recused(c, app, c->all[i].rater_id);
	}
	return merit_stage_score(s, n);
}

/* "12;7;9" as ids. */
static size_t
ids_parse(struct arena *ar, struct str s, int64_t **out)
{
	size_t n = 0, cap = 1;

	for (size_t i = 0; i < s.len; i++)
		cap += s.p[i] == ';';
	*out = arena_array(ar, cap, sizeof **out);
	while (s.len > 0) {
		const char *semi = memchr(s.p, ';', s.len);
		size_t k = semi != NULL ? (size_t)(semi - s.p) : s.len;
		int64_t id;

		if (parse_i64((struct str){ s.p, k }, 1, INT64_MAX, &id) ==
		    SEL_OK && n < cap)
			(*out)[n++] = id;
		s.p += k + (semi != NULL);
		s.len -= k + (semi != NULL);
	}
	return n;
}

/* The pass criterion on the candidates, with the chair's decisions. */
static void
outcomes(struct arena *ar, struct score_ctx *c)
{
	struct score_view *v = &c->v;
	struct merit_cand *mc = arena_array(ar, c->ncand + 1, sizeof *mc);
	struct merit_tie *t = arena_array(ar, v->nties + 1, sizeof *t);
	/* one candidate's scores at a time: at most every score */
	struct merit_score *s = arena_array(ar, c->nall + 1, sizeof *s);

	for (size_t i = 0; i < c->ncand; i++) {
		mc[i].id = c->cand[i].a.id;
		mc[i].vacancy = c->cand[i].a.vacancy_id;
		mc[i].s = mean(s, c, mc[i].id);
		mc[i].absent = c->cand[i].absent;
	}
	/* the newest decision first: it is the one that counts */
	for (size_t i = 0; i < v->nties; i++) {
		const struct s_tie *x = &v->ties[v->nties - 1 - i];
		int64_t *ids;

		t[i].vacancy = x->vacancy_id;
		t[i].n = ids_parse(ar, x->order_ids, &ids);
		t[i].order = ids;
	}
	merit_pass_eval(ar, &v->pass, mc, c->ncand, t, v->nties, &c->po);
	c->mc = mc;
}

/* The candidates of a closed stage: its frozen outcomes. */
static enum sel_err
closed_cands(struct stx *tx, struct arena *ar, struct score_ctx *c)
{
	struct s_adm *rows;
	size_t nrows;
	enum sel_err rc;

	if ((rc = store_outcomes(tx, ar, c->v.sel.s.id, c->v.stage_id,
	    &c->outs, &c->nouts)) != SEL_OK ||
	    (rc = store_adm_rows(tx, ar, c->v.sel.s.id, &rows, &nrows)))
		return rc;
	c->cand = arena_array(ar, c->nouts + 1, sizeof *c->cand);
	c->ncand = 0;
	for (size_t i = 0; i < c->nouts; i++)
		for (size_t k = 0; k < nrows; k++)
			if (rows[k].a.id == c->outs[i].application_id) {
				c->cand[c->ncand].a = rows[k].a;
				c->cand[c->ncand++].absent = str_eqc(
				    c->outs[i].outcome, "absent");
			}
	return SEL_OK;
}

bool
score_rater_left(const struct score_ctx *c, const struct s_rater *r)
{
	if (r->member_id == 0)
		return false;
	for (size_t i = 0; i < c->v.sel.nmembers; i++)
		if (c->v.sel.members[i].id == r->member_id)
			return false;
	return true;
}

static void
seal(struct score_ctx *c)
{
	struct score_view *v = &c->v;
	struct merit_rater *r = arena_array(c->ar, v->nraters + 1, sizeof *r);

	for (size_t i = 0; i < v->nraters; i++) {
		size_t present = 0, recused = 0;

		for (size_t k = 0; k < c->ncand; k++) {
			if (c->cand[k].absent ||
			    score_reused(c, c->cand[k].a.id) != NULL)
				continue;
			present++;
			recused += score_recused(c, c->cand[k].a.id,
			    v->raters[i].account_id);
		}
		r[i].account_id = v->raters[i].account_id;
		/* a member replaced since can send nothing: done */
		r[i].submitted = v->raters[i].submitted_at.len > 0 ||
		    score_rater_left(c, &v->raters[i]);
		r[i].recused_all = present > 0 && recused == present;
	}
	v->sealed = !v->closed && merit_sealed(r, v->nraters, &v->done);
	if (v->closed)
		v->done = v->nraters;
}

/*
 * The stage loaded; a rater's own write (rater_only) needs his scores, the
 * candidates and the recusals, not every score nor the outcomes.
 */
static enum sel_err
load(struct app *a, struct stx *tx, struct arena *ar, const struct who *w,
    int64_t sel, struct str stage, struct score_ctx *c, bool rater_only)
{
	struct score_view *v = &c->v;
	struct s_sel_person *g;
	size_t ng;
	bool found = false;
	enum sel_err rc;

	memset(c, 0, sizeof *c);
	c->ar = ar;
	if ((rc = prep_view_load(a, tx, ar, sel, &v->sel)) != SEL_OK)
		return rc;
	if (!flow_stage_parse(stage, &v->stage))
		return SEL_ENOENT;
	for (size_t i = 0; i < v->sel.flow.nstages; i++)
		found |= v->sel.flow.stages[i] == v->stage;
	if (!found)
		return SEL_ENOENT;
	v->stage_id = str_c(flow_stage_id(v->stage));
	(void)merit_by(v->sel.profile, v->stage, &v->by);
	v->current = v->sel.state == v->stage;
	rc = store_stage_open_get(tx, ar, sel, v->stage_id, &v->op);
	if (rc != SEL_OK && rc != SEL_ENOENT)
		return rc;
	v->open = rc == SEL_OK;
	rc = store_stage_close_get(tx, ar, sel, v->stage_id, &v->cl);
	if (rc != SEL_OK && rc != SEL_ENOENT)
		return rc;
	v->closed = rc == SEL_OK;
	if ((rc = store_raters(tx, ar, sel, v->stage_id, &v->raters,
	    &v->nraters)) ||
	    (rc = v->closed ? closed_cands(tx, ar, c) :
	    store_stage_candidates(tx, ar, sel, v->stage_id, &c->cand,
	    &c->ncand)) ||
	    (rc = store_recusals(tx, ar, sel, &c->rec, &c->nrec)) ||
	    (rc = store_blind_codes(tx, ar, sel, v->stage_id, &c->blind,
	    &c->nblind)) ||
	    (rc = store_scores(tx, ar, sel, v->stage_id, rater_only &&
	    w != NULL ? w->account_id : 0, &c->all, &c->nall)) ||
	    (rc = v->stage == FL_ASSESS ? store_reuses(tx, ar, sel, &c->reuse,
	    &c->nreuse) : SEL_OK))
		return rc;
	c->me = w != NULL ? w->account_id : 0;
	/* a closed stage keeps the recusals it was closed with (as its
	   result sheet does): a later one is of the later stages only */
	if (v->closed) {
		size_t n = 0;

		for (size_t i = 0; i < c->nrec; i++)
			if (str_cmp(c->rec[i].declared_at, v->cl.closed_at) <= 0)
				c->rec[n++] = c->rec[i];
		c->nrec = n;
	}
	if (!rater_only) {
		if ((rc = store_sel_people(tx, ar, v->sel.s.region_id, sel, &g,
		    &ng)) ||
		    (rc = store_ties(tx, ar, sel, v->stage_id, &v->ties,
		    &v->nties)) ||
		    (rc = store_stage_pass(tx, sel, v->stage_id, &v->pass.min,
		    &c->best)))
			return rc;
		v->pass.best = (int)(c->best > 0 && c->best < 1000 ? c->best :
		    0);
		people(ar, c, g, ng);
		seal(c);
		outcomes(ar, c);
	}
	v->blind = v->stage == FL_PAPER && !v->closed;
	v->rater = c->me != 0 && score_rater(c, c->me) != NULL &&
	    !score_rater_left(c, score_rater(c, c->me));
	v->submitted = v->rater && score_rater(c, c->me)->submitted_at.len > 0;
	v->narasumber = w != NULL && has(w, v, ROLE_NARASUMBER);
	v->may_open = w != NULL && (has(w, v, ROLE_SECRETARIAT) ||
	    has(w, v, ROLE_CHAIR));
	v->may_chair = w != NULL && has(w, v, ROLE_CHAIR);
	return SEL_OK;
}

enum sel_err
score_load(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, int64_t sel, struct str stage, struct score_ctx *c)
{
	return load(a, tx, ar, w, sel, stage, c, false);
}

enum sel_err
score_load_rater(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, int64_t sel, struct str stage, struct score_ctx *c)
{
	return load(a, tx, ar, w, sel, stage, c, true);
}

/*
 * Who reads every rater's scores: once closed, the committee, the raters,
 * the oversight body, the PyB, the PPK and the secretariat; before, once
 * unsealed, the committee, the raters and the oversight body only.
 */
static bool
may_read_all(const struct who *w, const struct score_view *v, bool closed,
    bool sealed)
{
	bool inner = v->rater || has(w, v, ROLE_CHAIR) ||
	    has(w, v, ROLE_MEMBER) || has(w, v, ROLE_OVERSIGHT);

	if (closed)
		return inner || has(w, v, ROLE_PYB) || has(w, v, ROLE_PPK) ||
		    has(w, v, ROLE_SECRETARIAT);
	return inner && !sealed;
}

/* Copies into the view what the visitor may read. */
static void
visible(struct arena *ar, struct score_ctx *c)
{
	struct score_view *v = &c->v;
	size_t n = 0;

	v->scores = arena_array(ar, c->nall + 1, sizeof *v->scores);
	for (size_t i = 0; i < c->nall; i++)
		if (v->read_all || c->all[i].rater_id == c->me)
			v->scores[n++] = c->all[i];
	v->nscores = n;
	v->rec = arena_array(ar, c->nrec + 1, sizeof *v->rec);
	n = 0;
	for (size_t i = 0; i < c->nrec; i++)
		if (v->read_all || c->rec[i].rater_id == c->me)
			v->rec[n++] = c->rec[i];
	v->nrec = n;
	if (v->read_all)
		v->po = c->po;
	v->rows = arena_array(ar, c->ncand + 1, sizeof *v->rows);
	v->nrows = c->ncand;
	for (size_t i = 0; i < c->ncand; i++) {
		struct score_row *r = &v->rows[i];
		const struct s_application *x = &c->cand[i].a;

		memset(r, 0, sizeof *r);
		r->application_id = x->id;
		r->vacancy_id = x->vacancy_id;
		if (!v->blind) {
			r->reg_no = x->reg_no;
			r->name = x->name;
		}
		for (size_t k = 0; k < c->nblind; k++)
			if (c->blind[k].application_id == x->id)
				r->code = c->blind[k].code;
		r->absent = c->cand[i].absent;
		r->reused = score_reused(c, x->id);
		r->recused = c->me != 0 && score_recused(c, x->id, c->me);
		r->mine = c->me != 0 ? score_of(c, x->id, c->me) : NULL;
		if (v->read_all) {
			r->s = c->mc[i].s;
			r->outcome = c->po.outcome[i];
			for (size_t k = 0; v->closed && k < c->nouts; k++)
				if (c->outs[k].application_id == x->id)
					r->outcome = str_eqc(c->outs[k].outcome,
					    "passed") ? MO_PASSED : str_eqc(
					    c->outs[k].outcome, "absent") ?
					    MO_ABSENT : MO_FAILED;
		}
	}
}

enum sel_err
app_score_view(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct str stage, bool all, struct score_view *out,
    struct app_msg *m)
{
	struct score_ctx *c = arena_alloc(ar, sizeof *c);
	struct score_view *v = &c->v;
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = score_load(a, tx, ar, w, sel, stage, c);
	store_abort(a->st, tx);
	if (rc == SEL_ENOENT)
		return app_say(m, rc, "Tahap seleksi tidak ditemukan.");
	if (rc != SEL_OK)
		return rc;
	if (w == NULL || w->account_id == 0 || (!app_may(w, ACT_SEL_VIEW,
	    v->sel.s.region_id, sel) && !v->rater && !v->narasumber &&
	    !has(w, v, ROLE_ASSESSOR)))
		return app_say(m, SEL_EPERM, "Peran Anda tidak mencakup "
		    "seleksi ini.");
	v->read_all = may_read_all(w, v, v->closed, v->sealed);
	if (all && !v->read_all) {
		if (!v->closed && v->sealed && (may_read_all(w, v, true,
		    false)))
			return app_say(m, SEL_ESTATE, "Disegel: %zu dari %zu "
			    "penilai telah mengirim.", v->done, v->nraters);
		if (!v->closed && may_read_all(w, v, true, false))
			return app_say(m, SEL_ESTATE, "Nilai semua penilai "
			    "dapat dibaca peran Anda sesudah tahap ditutup.");
		return app_say(m, SEL_EPERM, "Peran Anda tidak dapat membaca "
		    "nilai para penilai.");
	}
	visible(ar, c);
	*out = *v;
	return SEL_OK;
}

/* A score event's values replaced by "disegel"; the rest kept. */
static struct str
masked(struct arena *ar, struct str json)
{
	static const char *const keys[] = { "value", "managerial", "social",
	    "field", "score_kept", NULL };
	struct json *root;
	struct diag d;
	struct buf b;
	struct json_w jw;
	struct str out;

	if (json.len == 0 || json_parse(ar, json.p, json.len, 1, false,
	    &root, &d) != SEL_OK || root->type != JSON_OBJECT)
		return json;
	buf_init(&b, 1 << 16);
	jw_init(&jw, &b);
	jw_obj(&jw);
	for (const struct json *m = root->head; m != NULL; m = m->next) {
		bool hide = false;

		for (size_t i = 0; keys[i] != NULL; i++)
			hide |= str_eqc(m->key, keys[i]);
		jw_keyn(&jw, m->key.p, m->key.len);
		jw_str(&jw, hide && m->s.len > 0 ? STR("disegel") : m->s);
	}
	jw_obj_end(&jw);
	out = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_release(&b);
	return out;
}

enum sel_err
score_events_seal(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, int64_t sel, struct s_event *ev, size_t n)
{
	struct str seen[FL_NSTAGES];
	bool hide[FL_NSTAGES];
	size_t nseen = 0;

	for (size_t i = 0; i < n; i++) {
		struct s_event *e = &ev[i];
		struct json *root;
		const struct json *st;
		struct diag d;
		size_t k;

		if ((!str_eqc(e->action, "score_enter") &&
		    !str_eqc(e->action, "score_correct") &&
		    !str_eqc(e->action, "score_recuse")) ||
		    (w != NULL && e->actor_id == w->account_id) ||
		    json_parse(ar, e->after.p, e->after.len, 1, false, &root,
		    &d) != SEL_OK || (st = json_get(root, "stage")) == NULL)
			continue;
		for (k = 0; k < nseen && !str_eq(seen[k], st->s); k++)
			;
		if (k == nseen && nseen < FL_NSTAGES) {
			struct score_ctx *c = arena_alloc(ar, sizeof *c);
			enum sel_err rc = score_load(a, tx, ar, w, sel, st->s,
			    c);

			if (rc != SEL_OK && rc != SEL_ENOENT)
				return rc;
			seen[nseen] = st->s;
			hide[nseen++] = rc != SEL_OK || w == NULL ||
			    !may_read_all(w, &c->v, c->v.closed, c->v.sealed);
		}
		if (k < nseen && hide[k]) {
			e->before = masked(ar, e->before);
			e->after = masked(ar, e->after);
		}
	}
	return SEL_OK;
}
