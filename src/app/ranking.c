/*
 * ranking.c - the confidential final ranking (result.h): per vacancy,
 * core/score.c's ranking of the sheet that holds every closed stage with
 * the plan's weights (SCORE-FINAL), the best 3 (SCORE-TOP3) once the
 * committee has decided a tie at the cut-off (SCORE-TIES), and its
 * sending to the PyB or the PPK (FT_RANKING_SEND).
 */
#include <stdlib.h>
#include <string.h>

#include "app/app_int.h"
#include "app/docsig.h"	/* ---- verify ---- */
#include "app/prep.h"
#include "app/result.h"
#include "app/result_int.h"
#include "base/arena.h"
#include "core/profile.h"
#include "store/store_merit.h"
#include "base/banned.h"

bool
app_ranking_may(const struct who *w, const struct sel_view *v)
{
	return app_may(w, ACT_RANKING_VIEW, v->s.region_id, v->s.id);
}

/* The decided order's registration numbers ("12;9;14": applications). */
static size_t
decided_ids(struct arena *ar, const struct s_tie *t,
    const struct ranking_vac *x, struct str **out)
{
	struct str s = t->order_ids;
	size_t n = 0;

	*out = arena_array(ar, x->n + 1, sizeof **out);
	while (s.len > 0 && n <= x->n) {
		const char *semi = memchr(s.p, ';', s.len);
		size_t k = semi != NULL ? (size_t)(semi - s.p) : s.len;
		int64_t id = 0;

		(void)parse_i64((struct str){ s.p, k }, 1, INT64_MAX, &id);
		for (size_t i = 0; i < x->n; i++)
			if (x->rows[i].application_id == id && n < x->n)
				(*out)[n++] = x->rows[i].r->id;
		s.p += k + (semi != NULL);
		s.len -= k + (semi != NULL);
	}
	return n;
}

static enum sel_err
vacancy(struct stx *tx, struct arena *ar, const struct sheet_in *in,
    struct ranking_view *rv, const struct s_vacancy *vac,
    const struct s_stage_cand *cands, size_t nc)
{
	struct ranking_vac *x = &rv->vac[rv->nvac++];
	int64_t *apps = arena_array(ar, nc + 1, sizeof *apps);
	struct s_tie *ties;
	struct str *order = NULL;
	size_t na = 0, nt = 0, no = 0;
	enum sel_err rc;

	memset(x, 0, sizeof *x);
	x->vacancy_id = vac->id;
	x->title = vac->title;
	x->kind = vac->kind;
	for (size_t i = 0; i < nc; i++)
		if (cands[i].a.vacancy_id == vac->id)
			apps[na++] = cands[i].a.id;
	if ((rc = sheet_line(ar, in, STR(""), vac->id, vac->title, apps, na,
	    rv->sel.weights.w, &x->sheet)) != SEL_OK)
		return rc;
	if (sheet_rank(ar, rv->sel.profile, x->sheet, &x->out, &x->why) !=
	    SEL_OK)
		return SEL_OK;		/* shown with its reason */
	x->rows = arena_array(ar, x->out.n + 1, sizeof *x->rows);
	for (size_t i = 0; i < x->out.n; i++) {
		struct ranking_row *r = &x->rows[x->n++];

		r->r = &x->out.r[i];
		for (size_t k = 0; k < nc; k++)
			if (str_eq(cands[k].a.reg_no, r->r->id)) {
				r->application_id = cands[k].a.id;
				r->name = cands[k].a.name;
			}
		r->tied_at_cut = i >= x->out.nshort &&
		    i < x->out.nshort + x->out.ntied;
	}
	if ((rc = store_ties(tx, ar, rv->sel.s.id, STR(""), &ties, &nt)) !=
	    SEL_OK)
		return rc;
	for (size_t i = 0; i < nt; i++)
		if (ties[i].vacancy_id == vac->id) {
			x->tie = ties[i];
			x->has_tie = true;
		}
	if (x->has_tie)
		no = decided_ids(ar, &x->tie, x, &order);
	result_shortlist(ar, rv->sel.profile, &x->out, order, no, &x->sl);
	for (size_t i = 0; i < x->n; i++)
		for (size_t k = 0; k < x->sl.n; k++)
			x->rows[i].shortlisted |= str_eq(x->sl.ids[k],
			    x->rows[i].r->id);
	return SEL_OK;
}

/* Does the PyB sit on the committee (a current member holds the grant)? */
static enum sel_err
pyb_on_committee(struct stx *tx, struct arena *ar, const struct sel_view *v,
    bool *out)
{
	struct s_addressee *p;
	size_t n;
	enum sel_err rc;

	*out = false;
	if ((rc = store_role_holders(tx, ar, v->s.region_id, v->s.id,
	    ROLE_PYB, &p, &n)) != SEL_OK)
		return rc;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < v->nmembers; k++)
			*out = *out || (v->members[k].account_id ==
			    p[i].account_id && v->members[k].left_at.len == 0);
	return SEL_OK;
}

/*
 * The rows of the final ranking from the closed stages, whether or not
 * their results are published yet (the exports read them once every stage
 * is closed): rv->sel loaded, rv->vac made, rv->why when the plan has no
 * weights.
 */
enum sel_err
result_ranking_rows(struct stx *tx, struct arena *ar, struct ranking_view *rv)
{
	struct s_stage_cand *cands;
	struct sheet_in in;
	size_t nc;
	enum sel_err rc;

	if (!rv->sel.has_weights) {
		rv->why = STR("Rencana seleksi tidak memuat bobot tahapan "
		    "(SCORE-WEIGHTS).");
		return SEL_OK;
	}
	/* Stage "": every application every closed stage passed. */
	if ((rc = sheet_load(tx, ar, &rv->sel, &in)) != SEL_OK ||
	    (rc = store_stage_candidates(tx, ar, rv->sel.s.id, STR(""), &cands,
	    &nc)))
		return rc;
	rv->vac = arena_array(ar, rv->sel.nvac + 1, sizeof *rv->vac);
	for (size_t k = 0; rc == SEL_OK && k < rv->sel.nvac; k++)
		rc = vacancy(tx, ar, &in, rv, &rv->sel.vac[k], cands, nc);
	return rc;
}

enum sel_err
result_ranking_load(struct app *a, struct stx *tx, struct arena *ar,
    int64_t sel, struct ranking_view *rv)
{
	enum sel_err rc;

	memset(rv, 0, sizeof *rv);
	if ((rc = prep_view_load(a, tx, ar, sel, &rv->sel)) != SEL_OK)
		return rc;
	rv->ready = rv->sel.state >= FL_RANKING;
	rc = store_ranking_sent_get(tx, ar, sel, &rv->s);
	if (rc != SEL_OK && rc != SEL_ENOENT)
		return rc;
	rv->sent = rc == SEL_OK;
	for (size_t k = 0; k < rv->sel.nvac; k++)
		rv->sekda |= str_eqc(rv->sel.vac[k].kind, "sekda");
	if ((rc = pyb_on_committee(tx, ar, &rv->sel, &rv->pyb_on_committee)))
		return rc;
	result_route(ar, rv->sel.profile, rv->pyb_on_committee, rv->sekda,
	    &rv->route);
	if (!rv->ready)
		return SEL_OK;
	if ((rc = result_ranking_rows(tx, ar, rv)) != SEL_OK)
		return rc;
	if (rv->why.len > 0)
		return SEL_OK;
	rv->may_send = !rv->sent;
	for (size_t k = 0; rv->may_send && k < rv->nvac; k++) {
		const struct ranking_vac *x = &rv->vac[k];

		if (x->why.len > 0) {
			rv->may_send = false;
			rv->why = arena_printf(ar, "%.*s: peringkat tidak dapat "
			    "disusun: %.*s", (int)x->title.len, x->title.p,
			    (int)x->why.len, x->why.p);
		} else if (x->sl.status == SL_TIE_OPEN ||
		    x->sl.status == SL_FEWER_REFUSED) {
			rv->may_send = false;
			rv->why = arena_printf(ar, "%.*s: %s (%.*s): %.*s",
			    (int)x->title.len, x->title.p,
			    rule_name(x->sl.rule.id),
			    (int)x->sl.rule.citation.len, x->sl.rule.citation.p,
			    (int)x->sl.rule.detail.len, x->sl.rule.detail.p);
		}
	}
	return SEL_OK;
}

enum sel_err
app_ranking_view(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct ranking_view *rv)
{
	struct stx *tx;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, tx, ar, sel, &rv->sel);
	/* Confidential: nothing is read for anyone else. */
	if (rc == SEL_OK && !app_ranking_may(w, &rv->sel))
		rc = SEL_EPERM;
	if (rc == SEL_OK)
		rc = result_ranking_load(a, tx, ar, sel, rv);
	if (rc == SEL_OK) {
		struct str signer;
		struct app_msg m;

		rv->may_decide = committee_signer(&rv->sel, w, &signer, &m) ==
		    SEL_OK;
	}
	store_abort(a->st, tx);
	return rc;
}

/* The write path of the two acts: the chair, in FL_RANKING, not sent. */
static enum sel_err
begin(struct app *a, struct arena *ar, const struct who *w, int64_t sel,
    struct stx **tx, struct ranking_view *rv, struct str *signer,
    struct app_msg *m)
{
	enum sel_err rc;

	if ((rc = store_begin(a->st, true, tx)) != SEL_OK)
		return rc;
	rc = result_ranking_load(a, *tx, ar, sel, rv);
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Seleksi tidak ditemukan.");
	else if (rc == SEL_OK && !app_may(w, ACT_RESULT_PUBLISH,
	    rv->sel.s.region_id, sel))
		rc = app_say(m, SEL_EPERM, "Hanya ketua panitia yang dapat "
		    "melakukan ini.");
	else if (rc == SEL_OK)
		rc = committee_signer(&rv->sel, w, signer, m);
	if (rc == SEL_OK && rv->sent)
		rc = app_say(m, SEL_ESTATE, "Peringkat sudah disampaikan dan "
		    "tidak diubah.");
	else if (rc == SEL_OK && !rv->ready)
		rc = app_say(m, SEL_ESTATE, "Peringkat akhir disusun sesudah "
		    "hasil setiap tahapan diumumkan; tahap sekarang: \"%s\".",
		    flow_state_label(rv->sel.state));
	else if (rc == SEL_OK && rv->sel.state != FL_RANKING)
		rc = app_say(m, SEL_ESTATE, "Peringkat tidak dapat diubah pada "
		    "tahap \"%s\".", flow_state_label(rv->sel.state));
	if (rc != SEL_OK)
		store_abort(a->st, *tx);
	return rc;
}

enum sel_err
app_tie_decide(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, int64_t vacancy_id, const int64_t *order, size_t n,
    struct str reason, struct app_msg *m)
{
	struct ranking_view *rv = arena_alloc(ar, sizeof *rv);
	struct ranking_vac *x = NULL;
	struct str signer, *ids, joined = STR("");
	struct s_tie t;
	struct stx *tx;
	int64_t id;
	enum sel_err rc;

	reason = str_trim(reason);
	if (reason.len < 10 || !app_text_valid(reason, 2000, true)) {
		app_say(m, SEL_EINVAL, "Alasan: tuliskan alasan keputusan "
		    "panitia atas nilai yang sama (SCORE-TIES), 10 sampai 2000 "
		    "karakter.");
		app_msg_at(m, "reason");
		return SEL_EINVAL;
	}
	if ((rc = begin(a, ar, w, sel, &tx, rv, &signer, m)) != SEL_OK)
		return rc;
	for (size_t k = 0; k < rv->nvac; k++)
		if (rv->vac[k].vacancy_id == vacancy_id)
			x = &rv->vac[k];
	if (x == NULL)
		rc = app_say(m, SEL_ENOENT, "Lowongan tidak ditemukan.");
	else if (x->sl.status != SL_TIE_OPEN)
		rc = app_say(m, SEL_ESTATE, "Tidak ada nilai sama pada batas "
		    "tiga terbaik yang menunggu keputusan panitia untuk "
		    "lowongan ini.");
	if (rc == SEL_OK) {
		ids = arena_array(ar, n + 1, sizeof *ids);
		for (size_t i = 0; i < n; i++) {
			ids[i] = STR("");
			for (size_t k = 0; k < x->n; k++)
				if (x->rows[k].application_id == order[i])
					ids[i] = x->rows[k].r->id;
			joined = arena_printf(ar, "%.*s%s%lld", (int)joined.len,
			    joined.p != NULL ? joined.p : "", i > 0 ? ";" : "",
			    (long long)order[i]);
		}
		if (!result_tie_matches(&x->out, ids, n)) {
			rc = app_say(m, SEL_EINVAL, "Urutan: sebutkan setiap "
			    "peserta yang bernilai sama pada batas tepat satu "
			    "kali (%zu peserta).", x->out.ntied);
			app_msg_at(m, "order");
		}
	}
	if (rc == SEL_OK) {
		memset(&t, 0, sizeof t);
		t.vacancy_id = vacancy_id;
		t.stage = STR("");
		t.order_ids = joined;
		t.reason = reason;
		t.decided_at = app_iso(ar, app_now(a));
		t.decided_by = signer;
		rc = store_tie_add(tx, sel, &t, &id);
	}
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "tie_decide", STR(""),
		    app_kv(ar, "vacancy", &x->title, "order", &joined,
		    "reason", &reason, NULL), app_rule_json(ar,
		    rv->sel.profile, R_SCORE_TIES));
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return app_commit(a, tx);
}

static enum sel_err
mail_role(struct app *a, struct stx *tx, struct arena *ar,
    const struct ranking_view *rv, enum role r, bool copy)
{
	struct s_addressee *p;
	size_t n;
	enum sel_err rc;

	if ((rc = store_role_holders(tx, ar, rv->sel.s.region_id,
	    rv->sel.s.id, r, &p, &n)) != SEL_OK)
		return rc;
	for (size_t i = 0; rc == SEL_OK && i < n; i++)
		if (p[i].email.len > 0)
			rc = store_mail_add(tx, p[i].email, STR("Peringkat "
			    "nilai seleksi terbuka (rahasia)"), app_printf(ar,
			    "Yth. %.*s,\n\nPanitia seleksi \"%.*s\" (%.*s) "
			    "menyampaikan%s peringkat nilai dan tiga calon "
			    "terbaik setiap jabatan. Dokumen ini bersifat "
			    "rahasia; bacalah setelah masuk ke selter:\n\n"
			    "%s/kelola/%lld/peringkat\n", (int)p[i].name.len,
			    p[i].name.p, (int)rv->sel.s.f[SF_TITLE].len,
			    rv->sel.s.f[SF_TITLE].p,
			    (int)rv->sel.region.name.len, rv->sel.region.name.p,
			    copy ? " (tembusan)" : "", a->base_url,
			    (long long)rv->sel.s.id), app_now(a));
	return rc;
}

enum sel_err
app_ranking_send(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, bool confirm, struct app_msg *m)
{
	struct ranking_view *rv = arena_alloc(ar, sizeof *rv);
	struct s_ranking_sent s;
	struct str signer, to;
	struct stx *tx;
	enum sel_err rc;

	if ((rc = begin(a, ar, w, sel, &tx, rv, &signer, m)) != SEL_OK)
		return rc;
	if (!rv->may_send)
		rc = app_say(m, SEL_ESTATE, "Peringkat belum dapat "
		    "disampaikan: %.*s", (int)rv->why.len, rv->why.p);
	else if (!confirm) {
		rc = app_say(m, SEL_EINVAL, "Centang pernyataan bahwa Anda "
		    "menyampaikan peringkat ini sebagai ketua panitia.");
		app_msg_at(m, "confirm");
	} else if (a->render == NULL)
		rc = app_say(m, SEL_EINTERNAL, "Dokumen tidak dapat disusun.");
	memset(&s, 0, sizeof s);
	to = str_c(role_name(rv->route.to));
	if (rc == SEL_OK) {
		rv->s.sent_at = s.sent_at = app_iso(ar, app_now(a));
		rv->s.sent_by = s.sent_by = signer;
		rv->s.to_role = s.to_role = to;
		struct result_src src = { .base = { .kind = PUB__N,
		    .sel = &rv->sel }, .ranking = rv };

		rc = a->render(ar, &src.base, &s.body);
	}
	if (rc == SEL_OK) {
		s.selection_id = sel;
		rc = store_ranking_sent_add(tx, ar, &s);
	}
	if (rc == SEL_OK)	/* ---- verify ---- the content as sent, signed */
		rc = app_doc_sign(a, tx, ar, sel, "ranking_sent", s.sha256);
	if (rc == SEL_OK)
		rc = mail_role(a, tx, ar, rv, rv->route.to, false);
	if (rc == SEL_OK && rv->route.copy != ROLE__N)
		rc = mail_role(a, tx, ar, rv, rv->route.copy, true);
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "ranking_send", STR(""),
		    app_kv(ar, "to", &to, "sent_at", &s.sent_at, "sha256",
		    &s.sha256, NULL), app_rules_json(ar, &rv->route.why, 1));
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return app_commit(a, tx);
}

enum sel_err
app_ranking_inbox(struct app *a, struct arena *ar, const struct who *w,
    struct ranking_inbox **out, size_t *n)
{
	struct s_selection *sels;
	struct s_ranking_sent s;
	struct stx *tx;
	size_t ns;
	enum sel_err rc;

	*n = 0;
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_selections(tx, ar, 0, true, &sels, &ns);
	*out = arena_array(ar, ns + 1, sizeof **out);
	for (size_t i = 0; rc == SEL_OK && i < ns; i++) {
		enum role r;
		enum sel_err g = store_ranking_sent_get(tx, ar, sels[i].id, &s);

		if (g == SEL_ENOENT)
			continue;
		if (g != SEL_OK) {
			rc = g;
			break;
		}
		if (!role_parse(s.to_role, &r) || !app_has_role(w, r,
		    sels[i].region_id, sels[i].id))
			continue;
		(*out)[*n].selection_id = sels[i].id;
		(*out)[*n].title = sels[i].f[SF_TITLE];
		(*out)[*n].sent_at = s.sent_at;
		(*out)[(*n)++].to_role = s.to_role;
	}
	store_abort(a->st, tx);
	return rc;
}

void
result_flow_guards(struct app *a, struct arena *ar, const struct sel_view *v,
    struct flow_guards *g)
{
	struct s_stage_close c;
	const char *sid = flow_stage_id(v->state);
	enum rule_id r = flow_stage_rule(v->state);
	struct stx *tx;
	enum sel_err rc;

	if (v->state == FL_RANKING) {
		struct ranking_view *rv = arena_alloc(ar, sizeof *rv);

		if (store_begin(a->st, false, &tx) != SEL_OK)
			return;
		rc = result_ranking_load(a, tx, ar, v->s.id, rv);
		store_abort(a->st, tx);
		/* Whoever reads the workflow: nothing of the ranking. */
		if (rc == SEL_OK)
			flow_guard(g, R_SCORE_TOP3, rv->may_send ? RS_PASS :
			    RS_MISSING, rv->may_send ? STR("Tiga calon terbaik "
			    "setiap jabatan ditetapkan.") : STR("Tiga calon "
			    "terbaik belum ditetapkan untuk setiap jabatan: "
			    "lihat halaman peringkat (rahasia)."));
		return;
	}
	if (sid == NULL || store_begin(a->st, false, &tx) != SEL_OK)
		return;
	rc = store_stage_close_get(tx, ar, v->s.id, str_c(sid), &c);
	store_abort(a->st, tx);
	/* The stage's own rule, and SCORE-PUBLISH for a stage the profile
	   names only through the plan (Demak's paper). */
	if (rc == SEL_OK) {
		flow_guard(g, r, RS_PASS, arena_printf(ar, "Tahap ditutup "
		    "panitia; nilai dibekukan."));
		flow_guard(g, R_SCORE_PUBLISH, RS_PASS, arena_printf(ar,
		    "Tahap ditutup panitia; hasilnya dapat diumumkan."));
	} else if (rc == SEL_ENOENT) {
		struct str d = arena_printf(ar, "Tahap %s belum ditutup: "
		    "setiap penilai menyerahkan nilai, lalu panitia menutup "
		    "tahap itu.", flow_state_label(v->state));

		flow_guard(g, r, RS_MISSING, d);
		flow_guard(g, R_SCORE_PUBLISH, RS_MISSING, d);
	}
}

enum sel_err
result_facts(struct stx *tx, int64_t sel, size_t *published, bool *sent)
{
	return store_result_facts(tx, sel, published, sent);
}
