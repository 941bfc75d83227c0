/*
 * result.c - a stage's public result and its recomputation sheet
 * (result.h): the sheet is built from the closed stages' rows, the
 * ranking is core/score.c's run on that sheet, and signing fixes both.
 */
#include <stdlib.h>
#include <string.h>

#include "app/app_int.h"
#include "app/docpdf.h"
#include "app/docsig.h"
#include "app/log_int.h"	/* ---- log ---- */
#include "app/prep.h"
#include "app/result.h"
#include "app/result_int.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/json.h"
#include "core/profile.h"
#include "store/store_merit.h"
#include "base/banned.h"

#define SHEET_MAX	(4 * 1024 * 1024)

enum sel_err
sheet_load(struct stx *tx, struct arena *ar, const struct sel_view *v,
    struct sheet_in *in)
{
	enum sel_err rc;

	memset(in, 0, sizeof *in);
	in->v = v;
	if ((rc = store_outcomes(tx, ar, v->s.id, STR(""), &in->out,
	    &in->nout)) != SEL_OK ||
	    (rc = store_closed_scores(tx, ar, v->s.id, &in->sc, &in->nsc)) ||
	    (rc = store_closed_raters(tx, ar, v->s.id, &in->ra, &in->nra)) ||
	    (rc = store_recusals(tx, ar, v->s.id, &in->rc, &in->nrc)) ||
	    (rc = store_stage_closes(tx, ar, v->s.id, &in->cl, &in->ncl)))
		return rc;
	return SEL_OK;
}

/* The weight key of a stage id ("health" has none): ST__N. */
int
sheet_weight_key(struct str stage)
{
	for (int i = 0; i < ST__N; i++)
		if (str_eqc(stage, vocab_stage[i]))
			return i;
	return ST__N;
}

/*
 * A rater's label: "anggota K" by the member's place among the members
 * who rated a closed stage (member ids only grow, so a later stage never
 * renumbers an earlier one), "asesor K" likewise by account.
 */
static struct str
label(struct arena *ar, const struct sheet_in *in, const struct s_rater *r)
{
	int k = 1;

	for (size_t i = 0; i < in->nra; i++) {
		const struct s_rater *x = &in->ra[i];
		bool seen = false;

		if ((r->member_id != 0) != (x->member_id != 0))
			continue;
		if (r->member_id != 0 ? x->member_id >= r->member_id :
		    x->account_id >= r->account_id)
			continue;
		for (size_t j = 0; j < i; j++)
			seen = seen || (r->member_id != 0 ?
			    in->ra[j].member_id == x->member_id :
			    in->ra[j].member_id == 0 &&
			    in->ra[j].account_id == x->account_id);
		k += !seen;
	}
	return arena_printf(ar, "%s %d", r->member_id != 0 ? "anggota" :
	    "asesor", k);
}

/*
 * A recusal counts in a closed stage only when it was declared before
 * that stage closed: declared at a later stage, it leaves the earlier
 * stage's frozen outcome (and its sheet) as it was closed.
 */
static bool
recused(const struct sheet_in *in, int64_t app, struct str stage,
    int64_t rater)
{
	struct str closed = STR("");

	for (size_t i = 0; i < in->ncl; i++)
		if (str_eq(in->cl[i].stage, stage))
			closed = in->cl[i].closed_at;
	for (size_t i = 0; i < in->nrc; i++)
		if (in->rc[i].application_id == app &&
		    in->rc[i].rater_id == rater &&
		    str_cmp(in->rc[i].declared_at, closed) <= 0)
			return true;
	return false;
}

static const struct s_rscore *
score_of(const struct sheet_in *in, int64_t app, struct str stage,
    int64_t rater)
{
	for (size_t i = 0; i < in->nsc; i++)
		if (in->sc[i].application_id == app &&
		    in->sc[i].rater_id == rater && str_eq(in->sc[i].stage,
		    stage))
			return &in->sc[i];
	return NULL;
}

/*
 * One stage score of a candidate: the raters' list, checked against the
 * frozen outcome (sum, count); a plain number when the stage kept no
 * raters' rows and the mean is exact.  False: they disagree.
 */
static bool
stage_scores(struct arena *ar, struct json_w *w, const struct sheet_in *in,
    const struct s_outcome *o)
{
	int64_t sum = 0, count = 0;
	size_t listed = 0;

	for (size_t i = 0; i < in->nra; i++)
		listed += str_eq(in->ra[i].stage, o->stage) &&
		    (score_of(in, o->application_id, o->stage,
		    in->ra[i].account_id) != NULL ||
		    recused(in, o->application_id, o->stage,
		    in->ra[i].account_id));
	jw_keyn(w, o->stage.p, o->stage.len);
	if (listed == 0) {
		if (o->count < 1 || o->sum % o->count != 0)
			return false;
		jw_fixed2(w, o->sum / o->count);
		return true;
	}
	jw_arr(w);
	for (size_t i = 0; i < in->nra; i++) {
		const struct s_rater *r = &in->ra[i];
		const struct s_rscore *s;

		if (!str_eq(r->stage, o->stage))
			continue;
		s = score_of(in, o->application_id, o->stage, r->account_id);
		if (recused(in, o->application_id, o->stage,
		    r->account_id)) {
			jw_obj(w);
			jw_key(w, "member");
			jw_str(w, label(ar, in, r));
			jw_key(w, "recused");
			jw_bool(w, true);
			jw_obj_end(w);
		} else if (s != NULL) {
			jw_obj(w);
			jw_key(w, "member");
			jw_str(w, label(ar, in, r));
			jw_key(w, "score");
			jw_fixed2(w, s->value);
			jw_key(w, "recused");
			jw_bool(w, false);
			jw_obj_end(w);
			sum += s->value;
			count++;
		}
	}
	jw_arr_end(w);
	return sum == o->sum && count == o->count;
}

static void
weights_obj(struct json_w *w, const int64_t wt[ST__N])
{
	jw_obj(w);
	for (int i = 0; i < ST__N; i++) {
		jw_key(w, vocab_stage[i]);
		jw_fixed2(w, wt[i]);
	}
	jw_obj_end(w);
}

enum sel_err
sheet_line(struct arena *ar, const struct sheet_in *in, struct str stage,
    int64_t vacancy_id, struct str title, const int64_t *apps, size_t napps,
    const int64_t wt[ST__N], struct str *out)
{
	const struct sel_view *v = in->v;
	struct json_w w;
	struct buf b;
	bool ok = true;

	buf_init(&b, SHEET_MAX);
	jw_init(&w, &b);
	jw_obj(&w);
	jw_key(&w, "selter_sheet");
	jw_int(&w, 1);
	jw_key(&w, "selection");
	jw_int(&w, v->s.id);
	jw_key(&w, "stage");
	jw_str(&w, stage.len > 0 ? stage : STR("final"));
	jw_key(&w, "vacancy");
	jw_obj(&w);
	jw_key(&w, "id");
	jw_int(&w, vacancy_id);
	jw_key(&w, "title");
	jw_str(&w, title);
	jw_obj_end(&w);
	jw_key(&w, "weights");
	weights_obj(&w, wt);
	if (v->has_weights) {
		jw_key(&w, "plan_weights");
		weights_obj(&w, v->weights.w);
	}
	jw_key(&w, "candidates");
	jw_arr(&w);
	for (size_t k = 0; k < napps; k++) {
		const struct s_outcome *first = NULL;

		for (size_t i = 0; i < in->nout && first == NULL; i++)
			if (in->out[i].application_id == apps[k])
				first = &in->out[i];
		if (first == NULL)
			continue;
		jw_obj(&w);
		jw_key(&w, "id");
		jw_str(&w, first->reg_no);
		jw_key(&w, "name");
		jw_str(&w, first->name);
		jw_key(&w, "scores");
		jw_obj(&w);
		for (size_t i = 0; i < in->nout; i++)
			if (in->out[i].application_id == apps[k] &&
			    in->out[i].count > 0)
				ok = stage_scores(ar, &w, in, &in->out[i]) &&
				    ok;
		jw_obj_end(&w);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_key(&w, "note");
	jw_strc(&w, "Masukan `selter rank --profile PROFIL --scores "
	    "lembar.json` (CONTRACT.md: Ranking). Nilai tahap = rata-rata "
	    "nilai penilai yang tidak mengundurkan diri (recused); nilai "
	    "akhir = jumlah bobot x nilai tahap / 100, dibulatkan setengah "
	    "ke atas menjadi 2 desimal. \"weights\" membobot tahap hasil ini "
	    "100 (peringkat tahap); peringkat akhir memakai \"plan_weights\".");
	jw_obj_end(&w);
	if (b.err != SEL_OK || !ok) {
		buf_release(&b);
		return b.err != SEL_OK ? b.err : SEL_EINTERNAL;
	}
	*out = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_release(&b);
	return SEL_OK;
}

enum sel_err
sheet_rank(struct arena *ar, const struct profile *p, struct str line,
    struct rank_out *out, struct str *why)
{
	struct json *root;
	struct diag d;

	memset(&d, 0, sizeof d);
	if (json_parse(ar, line.p, line.len, 1, false, &root, &d) != SEL_OK ||
	    rank_decode_eval(ar, p, root, out, &d) != SEL_OK) {
		*why = arena_printf(ar, "%s", d.msg);
		return SEL_EINVAL;
	}
	return SEL_OK;
}

static int
cand_cmp(const void *a, const void *b)
{
	const struct result_cand *x = a, *y = b;

	if ((x->rank == 0) != (y->rank == 0))
		return x->rank == 0 ? 1 : -1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return strcmp(x->o.reg_no.p != NULL ? x->o.reg_no.p : "",
	    y->o.reg_no.p != NULL ? y->o.reg_no.p : "");
}

/* The vacancy's candidates of the stage, ranked by its own sheet. */
static enum sel_err
vacancy(struct stx *tx, struct arena *ar, const struct sheet_in *in,
    struct result_view *rv, const struct s_vacancy *vac, struct buf *all)
{
	struct result_vac *x = &rv->vac[rv->nvac++];
	const char *sid = flow_stage_id(rv->stage);
	int key = sheet_weight_key(str_c(sid));
	int64_t wt[ST__N], *apps;
	struct rank_out ro;
	size_t na = 0;
	enum sel_err rc;

	memset(x, 0, sizeof *x);
	memset(wt, 0, sizeof wt);
	x->vacancy_id = vac->id;
	x->title = vac->title;
	x->c = arena_array(ar, in->nout + 1, sizeof *x->c);
	apps = arena_array(ar, in->nout + 1, sizeof *apps);
	for (size_t i = 0; i < in->nout; i++) {
		const struct s_outcome *o = &in->out[i];

		if (o->vacancy_id != vac->id || !str_eqc(o->stage, sid))
			continue;
		x->c[x->n].o = *o;
		x->c[x->n].score = o->count > 0 ? stage_display(
		    &(struct stage_score){ o->sum, o->count, true }) : -1;
		x->n++;
		if (o->count > 0)
			apps[na++] = o->application_id;
	}
	if (key < ST__N)
		wt[key] = 100 * SCORE_ONE;
	else if (rv->sel.has_weights)
		memcpy(wt, rv->sel.weights.w, sizeof wt);
	if ((rc = sheet_line(ar, in, str_c(sid), vac->id, vac->title, apps, na,
	    wt, &x->sheet)) != SEL_OK)
		return rc;
	if (all->len > 0)
		buf_putc(all, '\n');
	buf_putstr(all, x->sheet);
	if ((rc = store_ties(tx, ar, rv->sel.s.id, str_c(sid), &x->ties,
	    &x->nties)) != SEL_OK)
		return rc;
	if (key < ST__N && na > 0 && sheet_rank(ar, rv->sel.profile, x->sheet,
	    &ro, &x->why) == SEL_OK) {
		rv->ranked = true;
		for (size_t i = 0; i < ro.n; i++)
			for (size_t k = 0; k < x->n; k++)
				if (str_eq(x->c[k].o.reg_no, ro.r[i].id)) {
					x->c[k].rank = ro.r[i].rank;
					x->c[k].tie = ro.r[i].tie;
				}
	}
	qsort(x->c, x->n, sizeof *x->c, cand_cmp);
	return SEL_OK;
}

/* The result of a stage from the store, inside tx. */
enum sel_err
result_load(struct app *a, struct stx *tx, struct arena *ar, int64_t sel,
    struct str stage, struct result_view *rv)
{
	struct s_publication *pubs;
	struct sheet_in in;
	struct buf all;
	size_t np;
	enum sel_err rc;

	(void)a;
	memset(rv, 0, sizeof *rv);
	if ((rc = prep_view_load(a, tx, ar, sel, &rv->sel)) != SEL_OK)
		return rc;
	if (!flow_stage_parse(stage, &rv->stage))
		return SEL_ENOENT;
	rv->scores_required = result_scores_required(ar, rv->sel.profile,
	    &rv->publish);
	rv->show_scores = true;
	if ((rc = store_publications(tx, ar, sel, &pubs, &np)) != SEL_OK)
		return rc;
	for (size_t i = 0; i < np; i++)
		if (pubs[i].kind == PUB_STAGE_RESULT &&
		    str_eq(pubs[i].stage, stage)) {
			rv->published = true;
			rv->pub = pubs[i];
		}
	rc = store_stage_close_get(tx, ar, sel, stage, &rv->close);
	if (rc == SEL_ENOENT)
		return SEL_ESTATE;
	if (rc != SEL_OK)
		return rc;
	rv->closed = true;
	if ((rc = sheet_load(tx, ar, &rv->sel, &in)) != SEL_OK)
		return rc;
	rv->vac = arena_array(ar, rv->sel.nvac + 1, sizeof *rv->vac);
	buf_init(&all, SHEET_MAX);
	for (size_t k = 0; rc == SEL_OK && k < rv->sel.nvac; k++)
		rc = vacancy(tx, ar, &in, rv, &rv->sel.vac[k], &all);
	if (rc == SEL_OK && all.err == SEL_OK)
		rv->sheet = (struct str){ arena_strndup(ar, all.p != NULL ?
		    all.p : "", all.len), all.len };
	buf_release(&all);
	return rc;
}

enum sel_err
app_stage_result_view(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct str stage, struct result_view *rv)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	/* Who may look, before anything of the stage is read. */
	rc = prep_view_load(a, tx, ar, sel, &rv->sel);
	if (rc == SEL_OK && !app_may(w, ACT_SEL_VIEW, rv->sel.s.region_id,
	    sel))
		rc = SEL_EPERM;
	if (rc == SEL_OK)
		rc = result_load(a, tx, ar, sel, stage, rv);
	store_abort(a->st, tx);
	return rc;
}

enum sel_err
app_stage_publish(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct str stage, bool confirm, bool show_scores,
    struct app_msg *m)
{
	struct result_view *rv = arena_alloc(ar, sizeof *rv);
	struct s_publication p;
	struct str signer, at = app_iso(ar, app_now(a));
	struct str pdf = STR("");	/* pdf */
	enum flow_state st;
	struct stx *tx;
	int64_t id;
	enum sel_err rc;

	if (!flow_stage_parse(stage, &st))
		return app_say(m, SEL_ENOENT, "Tahapan tidak dikenal.");
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = result_load(a, tx, ar, sel, stage, rv);
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Seleksi tidak ditemukan.");
	else if ((rc == SEL_OK || rc == SEL_ESTATE) && !app_may(w,
	    ACT_RESULT_PUBLISH, rv->sel.s.region_id, sel))
		rc = app_say(m, SEL_EPERM, "Hanya ketua panitia yang "
		    "menandatangani hasil tahapan.");
	else if ((rc == SEL_OK || rc == SEL_ESTATE) &&
	    committee_signer(&rv->sel, w, &signer, m) != SEL_OK)
		rc = SEL_EPERM;
	else if (rc == SEL_ESTATE || (rc == SEL_OK && !rv->closed))
		rc = app_say(m, SEL_ESTATE, "Tahap %s belum ditutup (%s): hasil "
		    "tahapan diumumkan sesudah setiap penilai menyerahkan nilai "
		    "dan panitia menutup tahap itu.", flow_state_label(st),
		    rule_name(flow_stage_rule(st)));
	else if (rc == SEL_OK && rv->published)
		rc = app_say(m, SEL_ESTATE, "Hasil tahap ini sudah diumumkan; "
		    "yang diumumkan tidak diubah.");
	else if (rc == SEL_OK && rv->sel.state != st)
		rc = app_say(m, SEL_ESTATE, "Tahap yang sedang berjalan adalah "
		    "\"%s\": hasil tahapan diumumkan menurut urutannya.",
		    flow_state_label(rv->sel.state));
	else if (rc == SEL_OK && !show_scores && rv->scores_required) {
		rc = app_say(m, SEL_EINVAL, "Nilai: %s (%.*s) mewajibkan nilai "
		    "peserta berdasarkan peringkat diumumkan secara terbuka.",
		    rule_name(R_SCORE_PUBLISH), (int)rv->publish.citation.len,
		    rv->publish.citation.p);
		app_msg_at(m, "scores");
	} else if (rc == SEL_OK && !confirm) {
		rc = app_say(m, SEL_EINVAL, "Centang pernyataan bahwa Anda "
		    "menandatangani hasil tahap ini sebagai ketua panitia.");
		app_msg_at(m, "confirm");
	}
	if (rc == SEL_OK && a->render == NULL)
		rc = app_say(m, SEL_EINTERNAL, "Dokumen tidak dapat disusun.");
	if (rc == SEL_OK) {
		rv->show_scores = show_scores;
		rv->pub.published_at = at;
		rv->pub.signed_by = signer;
		memset(&p, 0, sizeof p);
		struct result_src src = { .base = { .kind = PUB_STAGE_RESULT,
		    .sel = &rv->sel }, .stage = rv };

		rc = a->render(ar, &src.base, &p.body);
	}
	if (rc == SEL_OK) {
		p.selection_id = sel;
		p.kind = PUB_STAGE_RESULT;
		p.title = arena_printf(ar, "Hasil tahap %s",
		    flow_state_label(st));
		p.published_at = at;
		p.signed_by = signer;
		p.stage = stage;
		/* Scores not announced: no public sheet either. */
		p.sheet = show_scores ? rv->sheet : STR("");
		/* pdf: the SHA-256 of its PDF, for the event */
		rc = app_pub_pdf_sha(a, ar, &rv->sel, &p, &pdf);
	}
	if (rc == SEL_OK)
		rc = store_publication_add(tx, &p, &id);
	if (rc == SEL_OK)	/* ---- log ---- */
		rc = app_pub_sign(a, tx, ar, &p, id);
	if (rc == SEL_OK)	/* ---- verify ---- its PDF's statement */
		rc = app_doc_sign(a, tx, ar, sel, "stage_result", pdf);
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "stage_publish", STR(""),
		    app_kv(ar, "stage", &stage, "published_at", &at,
		    "signed_by", &signer, "scores", show_scores ? &STR("shown") :
		    &STR("not shown"), pdf.len > 0 ? "pdf_sha256" : NULL, &pdf,
		    NULL), app_rule_json(ar,
		    rv->sel.profile, R_SCORE_PUBLISH));
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return app_commit(a, tx);
}

enum sel_err
app_stage_result_pub(struct app *a, struct arena *ar, int64_t sel,
    struct str stage, struct sel_view *v, struct s_publication *out)
{
	struct s_publication *pubs;
	struct stx *tx;
	size_t n = 0;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, tx, ar, sel, v);
	if (rc == SEL_OK)
		rc = store_publications(tx, ar, sel, &pubs, &n);
	store_abort(a->st, tx);
	if (rc != SEL_OK)
		return rc;
	for (size_t i = 0; i < n; i++)
		if (pubs[i].kind == PUB_STAGE_RESULT &&
		    str_eq(pubs[i].stage, stage)) {
			*out = pubs[i];
			return SEL_OK;
		}
	return SEL_ENOENT;
}

/*
 * Compared only where k's first byte is (memchr), not at every offset:
 * the sheet's lines are whole vacancies, and lembar.json looks every
 * vacancy up in all of them (bench/ranking).
 */
static bool
holds(struct str s, const char *k, size_t kl)
{
	const char *p = s.p, *end = s.p + s.len;

	while (kl > 0 && (size_t)(end - p) >= kl && (p = memchr(p, k[0],
	    (size_t)(end - p) - kl + 1)) != NULL) {
		if (memcmp(p, k, kl) == 0)
			return true;
		p++;
	}
	return false;
}

struct str
app_sheet_line(struct str sheet, int64_t vacancy_id, size_t *nlines)
{
	struct str found = STR("");
	char key[64];
	size_t kl;

	kl = (size_t)snprintf(key, sizeof key, "\"vacancy\":{\"id\":%lld,",
	    (long long)vacancy_id);
	*nlines = 0;
	while (sheet.len > 0) {
		const char *nl = memchr(sheet.p, '\n', sheet.len);
		size_t n = nl != NULL ? (size_t)(nl - sheet.p) : sheet.len;
		struct str line = { sheet.p, n };

		(*nlines)++;
		if (vacancy_id == 0 && *nlines == 1)
			found = line;
		else if (vacancy_id != 0 && holds(line, key, kl))
			found = line;
		sheet.p += n + (nl != NULL);
		sheet.len -= n + (nl != NULL);
	}
	return found;
}
