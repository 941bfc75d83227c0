/*
 * export.c - what the exports read (export.h): a closed stage's scores,
 * the final ranking by the core, the administrative queue; the role
 * check, and the provenance every export carries.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "app/app_int.h"
#include "app/export.h"
#include "app/prep.h"
#include "app/result_int.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/json.h"
#include "core/profile.h"
#include "store/store_export.h"
#include "base/banned.h"

const char *
app_stage_label(enum flow_state s)
{
	const char *id = flow_stage_id(s);
	const char *l = id != NULL ? prep_label(prep_stage_ids,
	    prep_stage_labels, str_c(id)) : "";

	return l[0] != '\0' ? l : id != NULL ? id : "?";
}

/* The time of export and the trail's head, read in tx. */
static enum sel_err
meta(struct app *a, struct stx *tx, struct arena *ar,
    const struct sel_view *v, struct xp_meta *m)
{
	struct audit_head h;
	char hex[65];
	int64_t now = app_now(a);
	enum sel_err rc;

	if ((rc = store_audit_head(tx, &h)) != SEL_OK)
		return rc;
	sodium_bin2hex(hex, sizeof hex, h.hash, sizeof h.hash);
	m->head = arena_printf(ar, "%" PRId64 ":%s", h.id, hex);
	m->exported = app_when(ar, now, v->profile);
	m->exported_iso = app_iso(ar, now);
	return SEL_OK;
}

/* Opens a read transaction on the selection with the role checked. */
static enum sel_err
begin(struct app *a, struct arena *ar, const struct who *w, int64_t sel,
    enum act act, struct stx **tx, struct sel_view *v, struct app_msg *m)
{
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, *tx, ar, sel, v);
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Seleksi tidak ditemukan.");
	else if (rc == SEL_OK && !app_may(w, act, v->s.region_id, sel))
		rc = app_say(m, SEL_EPERM, "Ekspor ini hanya untuk panitia "
		    "seleksi dan instansi pengawas%s.", act ==
		    ACT_EXPORT_RANKING ? " (serta PyB dan PPK setelah "
		    "peringkat dikirim)" : "");
	if (rc != SEL_OK)
		store_abort(a->st, *tx);
	return rc;
}

/* The committee's tie decisions of a stage ("": the final ranking). */
static enum sel_err
ties(struct stx *tx, struct arena *ar, const struct sel_view *v,
    struct str stage, struct xp_tie **out, size_t *nout)
{
	struct s_application *apps;
	struct s_tie *t;
	size_t n, napps;
	enum sel_err rc;

	*nout = 0;
	if ((rc = store_ties(tx, ar, v->s.id, stage, &t, &n)) != SEL_OK ||
	    (rc = store_applications(tx, ar, v->s.id, 0, &apps, &napps)) !=
	    SEL_OK)
		return rc;
	*out = arena_array(ar, n + 1, sizeof **out);
	for (size_t i = 0; i < n; i++) {
		struct xp_tie *x = &(*out)[(*nout)++];
		struct buf b;
		const char *p = t[i].order_ids.p, *end = p + t[i].order_ids.len;

		x->vacancy = STR("");
		for (size_t k = 0; k < v->nvac; k++)
			if (v->vac[k].id == t[i].vacancy_id)
				x->vacancy = v->vac[k].title;
		buf_init(&b, 4096);
		while (p < end) {
			const char *q = memchr(p, ';', (size_t)(end - p));
			struct str id = { p, (size_t)((q != NULL ? q : end) -
			    p) };
			int64_t app = 0;

			(void)parse_i64(id, 1, INT64_MAX, &app);
			if (b.len > 0)
				buf_puts(&b, ", ");
			for (size_t k = 0; k < napps; k++)
				if (apps[k].id == app)
					id = apps[k].reg_no;
			buf_putstr(&b, id);
			p = q != NULL ? q + 1 : end;
		}
		x->order = app_printf(ar, "%s", b.p != NULL ? b.p : "");
		buf_release(&b);
		x->reason = t[i].reason;
		x->decided_at = t[i].decided_at;
		x->decided_by = t[i].decided_by;
	}
	return SEL_OK;
}

static bool
has_stage(const struct sel_view *v, enum flow_state s)
{
	for (size_t i = 0; i < v->flow.nstages; i++)
		if (v->flow.stages[i] == s)
			return true;
	return false;
}

static size_t
rater_ix(const struct xp_stage *x, int64_t account_id)
{
	for (size_t i = 0; i < x->nr; i++)
		if (x->r[i].account_id == account_id)
			return i;
	return SIZE_MAX;
}

static enum sel_err
stage_rows(struct stx *tx, struct arena *ar, int64_t sel, struct str id,
    struct xp_stage *x)
{
	struct s_x_rater *r;
	struct s_x_score *sc;
	struct s_recusal *rc;
	struct s_x_outcome *o;
	size_t nsc, nrc, no;
	enum sel_err e;

	if ((e = store_x_raters(tx, ar, sel, id, &r, &x->nr)) != SEL_OK ||
	    (e = store_x_scores(tx, ar, sel, id, &sc, &nsc)) != SEL_OK ||
	    (e = store_recusals(tx, ar, sel, &rc, &nrc)) != SEL_OK ||
	    (e = store_x_outcomes(tx, ar, sel, id, &o, &no)) != SEL_OK)
		return e;
	x->r = arena_array(ar, x->nr + 1, sizeof *x->r);
	for (size_t i = 0; i < x->nr; i++) {
		x->r[i].account_id = r[i].account_id;
		x->r[i].name = r[i].name;
		x->r[i].assessor = r[i].assessor;
	}
	x->c = arena_array(ar, no + 1, sizeof *x->c);
	x->nc = no;
	for (size_t i = 0; i < no; i++) {
		struct xp_cand *c = &x->c[i];

		c->a = o[i].a;
		c->code = o[i].code;
		x->coded |= c->code.len > 0;
		c->s.sum = o[i].sum;
		c->s.count = o[i].count;
		c->s.present = o[i].count > 0;
		c->mean = c->s.present ? stage_display(&c->s) : -1;
		c->outcome = o[i].outcome;
		c->score = arena_array(ar, x->nr + 1, sizeof *c->score);
		for (size_t k = 0; k < x->nr; k++)
			c->score[k] = XP_NONE;
		for (size_t k = 0; k < nsc; k++) {
			size_t j = rater_ix(x, sc[k].rater_id);

			if (sc[k].application_id == c->a.id && j != SIZE_MAX)
				c->score[j] = sc[k].value;
		}
		/* A recused rater's place says so, whatever else is there;
		   a recusal declared after the stage closed is not of it. */
		for (size_t k = 0; k < nrc; k++) {
			size_t j = rater_ix(x, rc[k].rater_id);

			if (rc[k].application_id == c->a.id && j != SIZE_MAX &&
			    str_cmp(rc[k].declared_at, x->closed_at) <= 0)
				c->score[j] = XP_RECUSED;
		}
	}
	return SEL_OK;
}

/* The rows of a closed stage, in tx (x->sel read). */
static enum sel_err
stage_in(struct app *a, struct stx *tx, struct arena *ar, int64_t sel,
    enum flow_state stage, struct xp_stage *x, struct app_msg *m)
{
	struct s_stage_close cl;
	struct str id = str_c(flow_stage_id(stage));
	enum sel_err rc;

	if (!has_stage(&x->sel, stage))
		rc = app_say(m, SEL_ENOENT, "Tahap %s tidak ada dalam seleksi "
		    "ini.", app_stage_label(stage));
	else if ((rc = store_stage_close_get(tx, ar, sel, id, &cl)) == SEL_ENOENT)
		rc = app_say(m, SEL_ESTATE, "Nilai tahap %s masih tersegel: "
		    "tahap itu belum ditutup. Ekspor nilai tersedia setelah "
		    "panitia menutup tahap.", app_stage_label(stage));
	if (rc == SEL_OK) {
		x->closed_at = cl.closed_at;
		x->closed_by = cl.closed_by;
		x->decision = cl.decision;
		rc = stage_rows(tx, ar, sel, id, x);
	}
	if (rc == SEL_OK)
		rc = ties(tx, ar, &x->sel, id, &x->ties, &x->nties);
	if (rc == SEL_OK)
		rc = meta(a, tx, ar, &x->sel, &x->meta);
	return rc;
}

enum sel_err
app_export_stage(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, enum flow_state stage, struct xp_stage *x,
    struct app_msg *m)
{
	struct stx *tx;
	enum sel_err rc;

	memset(x, 0, sizeof *x);
	x->stage = stage;
	if (flow_stage_id(stage) == NULL)
		return app_say(m, SEL_ENOENT, "Tahap tidak dikenal.");
	if ((rc = begin(a, ar, w, sel, ACT_EXPORT, &tx, &x->sel, m)) !=
	    SEL_OK)
		return rc;
	rc = stage_in(a, tx, ar, sel, stage, x, m);
	store_abort(a->st, tx);
	return rc;
}

/* ---- letters ---- */
enum sel_err
export_stage_tx(struct app *a, struct stx *tx, struct arena *ar,
    int64_t sel, enum flow_state stage, struct xp_stage *x)
{
	struct app_msg m;
	enum sel_err rc;

	memset(x, 0, sizeof *x);
	x->stage = stage;
	if (flow_stage_id(stage) == NULL)
		return SEL_ENOENT;
	if ((rc = prep_view_load(a, tx, ar, sel, &x->sel)) != SEL_OK)
		return rc;
	return stage_in(a, tx, ar, sel, stage, x, &m);
}
/* ---- end letters ---- */

/* ---- the final ranking ---- */

static enum sel_err
ranking(struct app *a, struct stx *tx, struct arena *ar, int64_t sel,
    struct xp_ranking *x, struct app_msg *m)
{
	struct s_stage_close cl;
	enum sel_err rc;

	(void)a;
	if (x->sel.flow.nstages == 0 || !x->sel.has_weights)
		return app_say(m, SEL_ESTATE, "Seleksi ini belum memiliki "
		    "tahapan dan bobot penilaian.");
	for (size_t i = 0; i < x->sel.flow.nstages; i++) {
		enum flow_state s = x->sel.flow.stages[i];
		int k = sheet_weight_key(str_c(flow_stage_id(s)));

		rc = store_stage_close_get(tx, ar, sel, str_c(flow_stage_id(s)), &cl);
		if (rc == SEL_ENOENT)
			return app_say(m, SEL_ESTATE, "Peringkat akhir belum "
			    "ada: tahap %s belum ditutup.",
			    app_stage_label(s));
		if (rc != SEL_OK)
			return rc;
		if (k < ST__N && x->sel.weights.w[k] > 0)
			x->cols[x->ncols++] = (enum stage)k;
	}
	/* The ranking page's computation, on the closed stages. */
	x->rk.sel = x->sel;
	if ((rc = result_ranking_rows(tx, ar, &x->rk)) != SEL_OK)
		return rc;
	for (size_t v = 0; v < x->rk.nvac; v++)
		if (x->rk.vac[v].why.len > 0)
			return app_say(m, SEL_ESTATE, "Peringkat akhir %.*s "
			    "tidak dapat dihitung: %.*s.",
			    (int)x->rk.vac[v].title.len, x->rk.vac[v].title.p,
			    (int)x->rk.vac[v].why.len, x->rk.vac[v].why.p);
	return SEL_OK;
}

enum sel_err
app_export_ranking(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct xp_ranking *x, struct app_msg *m)
{
	struct s_ranking_sent sent;
	struct stx *tx;
	enum sel_err rc;

	memset(x, 0, sizeof *x);
	if ((rc = begin(a, ar, w, sel, ACT_EXPORT_RANKING, &tx, &x->sel,
	    m)) != SEL_OK)
		return rc;
	rc = store_ranking_sent_get(tx, ar, sel, &sent);
	if (rc == SEL_OK) {
		x->sent = true;
		x->sent_at = sent.sent_at;
		x->sent_to = sent.to_role;
	} else if (rc == SEL_ENOENT)
		rc = SEL_OK;
	/* The PyB and the PPK receive it; before it is sent it is the
	   committee's. */
	if (rc == SEL_OK && !x->sent && !app_may(w, ACT_EXPORT,
	    x->sel.s.region_id, sel))
		rc = app_say(m, SEL_EPERM, "Peringkat akhir sampai kepada PyB "
		    "dan PPK setelah panitia mengirimkannya.");
	if (rc == SEL_OK)
		rc = ranking(a, tx, ar, sel, x, m);
	if (rc == SEL_OK)
		rc = ties(tx, ar, &x->sel, STR(""), &x->ties, &x->nties);
	if (rc == SEL_OK)
		rc = meta(a, tx, ar, &x->sel, &x->meta);
	store_abort(a->st, tx);
	return rc;
}

/* ---- the administrative result ---- */

enum sel_err
app_export_adm(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct xp_adm *x, struct app_msg *m)
{
	struct sel_view v;
	struct s_x_nip *nips;
	struct stx *tx;
	size_t n;
	enum sel_err rc;

	memset(x, 0, sizeof *x);
	if ((rc = begin(a, ar, w, sel, ACT_EXPORT, &tx, &v, m)) != SEL_OK)
		return rc;
	rc = store_x_nips(tx, ar, sel, &nips, &n);
	if (rc == SEL_OK)
		rc = meta(a, tx, ar, &v, &x->meta);
	store_abort(a->st, tx);
	/* The queue as its page shows it (its own read). */
	if (rc == SEL_OK && (rc = app_adm_view(a, ar, w, sel, &x->v)) !=
	    SEL_OK)
		return app_say(m, rc, "Seleksi administrasi tidak dapat "
		    "dibaca.");
	if (rc != SEL_OK)
		return rc;
	x->nip = arena_array(ar, x->v.nrows + 1, sizeof *x->nip);
	for (size_t i = 0; i < x->v.nrows; i++) {
		x->nip[i] = STR("");
		for (size_t k = 0; k < n; k++)
			if (nips[k].application_id == x->v.rows[i].a.id)
				x->nip[i] = nips[k].nip;
	}
	return SEL_OK;
}
