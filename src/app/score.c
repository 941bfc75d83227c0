/*
 * score.c - the writes of a stage's scoring (score.h): each one
 * transaction with its audit event, the role checked here, nothing
 * changed on a refusal.
 */
#include <inttypes.h>
#include <string.h>

#include <sodium.h>

#include "app/app_int.h"
#include "app/score_int.h"
#include "app/reuse.h"
#include "base/arena.h"
#include "core/profile.h"
#include "base/banned.h"

/* Unambiguous characters: no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B. */
static const char code_chars[] = "ACDEFHJKMNPQRTUVWXY3479";
#define CODE_LEN	5

static bool
has(const struct who *w, const struct score_view *v, enum role r)
{
	return app_has_role(w, r, v->sel.s.region_id, v->sel.s.id);
}

/* Any role in this selection (or its region). */
static bool
in_selection(const struct who *w, const struct score_view *v)
{
	for (int r = 0; r < ROLE__N; r++)
		if (r != ROLE_APPLICANT && has(w, v, (enum role)r))
			return true;
	return false;
}

/*
 * The write transaction with the stage loaded; the visitor must hold a
 * role in the selection.  On a refusal the transaction is aborted.
 */
static enum sel_err
begin_as(struct app *a, struct arena *ar, const struct who *w, int64_t sel,
    struct str stage, struct score_ctx *c, struct stx **tx,
    struct app_msg *m, bool rater_only)
{
	enum sel_err rc;

	if (w == NULL || w->account_id == 0)
		return app_say(m, SEL_EPERM, "Silakan masuk.");
	if ((rc = store_begin(a->st, true, tx)) != SEL_OK)
		return rc;
	rc = (rater_only ? score_load_rater : score_load)(a, *tx, ar, w, sel,
	    stage, c);
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Tahap seleksi tidak ditemukan.");
	else if (rc == SEL_OK && !in_selection(w, &c->v))
		rc = app_say(m, SEL_EPERM, "Peran Anda tidak mencakup seleksi "
		    "ini.");
	if (rc != SEL_OK)
		store_abort(a->st, *tx);
	return rc;
}

static enum sel_err
begin(struct app *a, struct arena *ar, const struct who *w, int64_t sel,
    struct str stage, struct score_ctx *c, struct stx **tx,
    struct app_msg *m)
{
	return begin_as(a, ar, w, sel, stage, c, tx, m, false);
}

/* A rater's own write: the stage loaded for him only. */
static enum sel_err
begin_rater(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct str stage, struct score_ctx *c, struct stx **tx,
    struct app_msg *m)
{
	return begin_as(a, ar, w, sel, stage, c, tx, m, true);
}

static enum sel_err
finish(struct app *a, struct stx *tx, enum sel_err rc)
{
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return app_commit(a, tx);
}

static struct str
rules(struct arena *ar, const struct score_ctx *c)
{
	return app_rule_json(ar, c->v.sel.profile, flow_stage_rule(
	    c->v.stage));
}

static const char *
sc_label(const struct score_ctx *c)
{
	return flow_state_label(c->v.stage);
}

/* A blind code not among the n already made. */
static struct str
blind_code(struct arena *ar, const struct str *made, size_t n)
{
	char buf[CODE_LEN + 3];
	bool dup;

	do {
		buf[0] = 'M';
		buf[1] = '-';
		for (size_t i = 0; i < CODE_LEN; i++)
			buf[2 + i] = code_chars[randombytes_uniform(
			    sizeof code_chars - 1)];
		buf[CODE_LEN + 2] = '\0';
		dup = false;
		for (size_t i = 0; i < n && !dup; i++)
			dup = str_eqc(made[i], buf);
	} while (dup);
	return (struct str){ arena_strndup(ar, buf, CODE_LEN + 2),
	    CODE_LEN + 2 };
}

enum sel_err
app_stage_open(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct str stage, struct app_msg *m)
{
	struct score_ctx *c = arena_alloc(ar, sizeof *c);
	struct score_view *v = &c->v;
	struct stx *tx;
	struct str at = app_iso(ar, app_now(a)), names = STR(""), count;
	size_t *idx, n = 0;
	enum sel_err rc;

	if ((rc = begin(a, ar, w, sel, stage, c, &tx, m)) != SEL_OK)
		return rc;
	idx = arena_array(ar, c->npeople + 1, sizeof *idx);
	if (!v->may_open)
		rc = app_say(m, SEL_EPERM, "Hanya sekretariat atau ketua "
		    "panitia yang membuka penilaian tahap.");
	else if (v->open)
		rc = app_say(m, SEL_ESTATE, "Penilaian tahap %s sudah dibuka.",
		    sc_label(c));
	else if (!v->current)
		rc = app_say(m, SEL_ESTATE, "Penilaian tahap %s dibuka ketika "
		    "seleksi berada pada tahap itu; sekarang: %s.",
		    sc_label(c), flow_state_label(v->sel.state));
	else if ((n = merit_entitled(v->sel.profile, v->stage, c->people,
	    c->npeople, w->account_id, idx)) == 0)
		rc = app_say(m, SEL_ESTATE, "Belum ada penilai tahap ini: %.*s "
		    "(%s, %.*s).", (int)v->by.detail.len, v->by.detail.p,
		    rule_name(v->by.id), (int)v->by.citation.len,
		    v->by.citation.p);
	else if (c->ncand == 0)
		rc = app_say(m, SEL_ESTATE, "Tahap ini belum mempunyai calon.");
	if (rc == SEL_OK)
		rc = store_stage_open_add(tx, sel, v->stage_id, at, w->name);
	for (size_t i = 0; rc == SEL_OK && i < n; i++) {
		const struct merit_person *p = &c->people[idx[i]];

		rc = store_rater_add(tx, sel, v->stage_id, p->account_id,
		    p->member_id);
		names = app_printf(ar, "%.*s%s%lld", (int)names.len, names.p,
		    i > 0 ? ";" : "", (long long)p->account_id);
	}
	/* STG-PAPER: graded blind, under a code per candidate. */
	if (rc == SEL_OK && v->stage == FL_PAPER) {
		struct str *made = arena_array(ar, c->ncand + 1, sizeof *made);

		for (size_t i = 0; rc == SEL_OK && i < c->ncand; i++) {
			made[i] = blind_code(ar, made, i);
			rc = store_blind_add(tx, sel, v->stage_id,
			    c->cand[i].a.id, made[i]);
		}
	}
	count = arena_printf(ar, "%zu", n);
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "stage_open", STR(""),
		    app_kv(ar, "stage", &v->stage_id, "raters", &count,
		    "rater_accounts", &names, NULL), rules(ar, c));
	return finish(a, tx, rc);
}

/* Is this visitor a rater of a stage open for scores, and not closed? */
static enum sel_err
rater_ok(struct score_ctx *c, const struct who *w, struct app_msg *m)
{
	struct score_view *v = &c->v;
	struct rule_result why;

	if (v->closed)
		return app_say(m, SEL_ESTATE, "Tahap %s sudah ditutup; nilai "
		    "tidak dapat diubah lagi.", sc_label(c));
	if (!v->open)
		return app_say(m, SEL_ESTATE, "Penilaian tahap %s belum "
		    "dibuka.", sc_label(c));
	if (merit_may_rate(c->ar, v->sel.profile, v->stage, v->narasumber,
	    v->rater, false, &why) != MM_OK)
		return app_say(m, SEL_EPERM, "%.*s", (int)why.detail.len,
		    why.detail.p);
	(void)w;
	return SEL_OK;
}

/* The candidate a rater names: of this stage, present. */
static enum sel_err
cand_ok(struct score_ctx *c, int64_t app, const struct s_stage_cand **x,
    struct app_msg *m)
{
	if ((*x = score_cand(c, app)) == NULL)
		return app_say(m, SEL_ENOENT, "Calon tidak ditemukan pada "
		    "tahap ini.");
	if ((*x)->absent)
		return app_say(m, SEL_ESTATE, "Calon ini tercatat tidak hadir "
		    "pada tahap ini.");
	if (score_reused(c, app) != NULL)
		return app_say(m, SEL_ESTATE, "Calon ini memakai hasil asesmen "
		    "yang tercatat (STG-REUSE): penilai tidak menilainya pada "
		    "tahap ini.");
	return SEL_OK;
}

/* A score typed in field f; the health unit's result is 100 or 0. */
static enum sel_err
value_ok(const struct score_ctx *c, struct str s, const char *f,
    const char *label, int64_t *out, struct app_msg *m)
{
	if (!merit_parse(s, out)) {
		app_say(m, SEL_EINVAL, "%s: isi angka 0 sampai 100 dengan "
		    "paling banyak dua angka desimal, misalnya 78,5.", label);
		app_msg_at(m, f);
		return SEL_EINVAL;
	}
	if (c->v.stage == FL_HEALTH && *out != 0 && *out != 100 * SCORE_ONE) {
		app_say(m, SEL_EINVAL, "%s: hasil tes kesehatan adalah Memenuhi "
		    "syarat atau Tidak memenuhi syarat.", label);
		app_msg_at(m, f);
		return SEL_EINVAL;
	}
	return SEL_OK;
}

static struct str
fmt(struct arena *ar, int64_t v)
{
	char buf[16];

	if (v < 0)
		return STR("");
	merit_fmt(v, buf, sizeof buf);
	return str_c(arena_strndup(ar, buf, strlen(buf)));
}

enum sel_err
app_score_enter(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct str stage, int64_t app, struct str value,
    const struct str *parts, struct str reason, struct app_msg *m)
{
	static const char *const pf[3] = { "managerial", "social", "field" };
	static const char *const pl[3] = { "Kompetensi manajerial",
	    "Kompetensi sosial kultural", "Kompetensi bidang" };
	struct score_ctx *c = arena_alloc(ar, sizeof *c);
	struct score_view *v = &c->v;
	const struct s_stage_cand *x = NULL;
	const struct s_score *old;
	struct s_score s;
	struct stx *tx;
	struct str at = app_iso(ar, app_now(a)), before = STR(""), after;
	struct str vold, vnew, p0, p1, p2;
	enum sel_err rc;

	memset(&s, 0, sizeof s);
	reason = str_trim(reason);
	if ((rc = begin_rater(a, ar, w, sel, stage, c, &tx, m)) != SEL_OK)
		return rc;
	if ((rc = rater_ok(c, w, m)) == SEL_OK &&
	    (rc = cand_ok(c, app, &x, m)) == SEL_OK &&
	    score_recused(c, app, w->account_id))
		rc = app_say(m, SEL_EPERM, "Anda telah menyatakan benturan "
		    "kepentingan dengan calon ini dan tidak menilainya.");
	if (rc == SEL_OK)
		rc = value_ok(c, value, "value", "Nilai", &s.value, m);
	for (int i = 0; i < 3; i++) {
		s.part[i] = -1;
		if (rc != SEL_OK || v->stage != FL_ASSESS || parts == NULL ||
		    str_trim(parts[i]).len == 0)
			continue;
		rc = value_ok(c, parts[i], pf[i], pl[i], &s.part[i], m);
	}
	old = rc == SEL_OK ? score_of(c, app, w->account_id) : NULL;
	if (rc == SEL_OK && v->submitted && old == NULL)
		rc = app_say(m, SEL_ESTATE, "Lembar nilai Anda sudah dikirim.");
	if (rc == SEL_OK && v->submitted && !app_text_ok(reason, 2000)) {
		rc = app_say(m, SEL_EINVAL, "Alasan koreksi wajib diisi: lembar "
		    "nilai Anda sudah dikirim.");
		app_msg_at(m, "reason");
	} else if (rc == SEL_OK && v->submitted && reason.len < 5) {
		rc = app_say(m, SEL_EINVAL, "Alasan koreksi terlalu pendek "
		    "(paling sedikit 5 karakter).");
		app_msg_at(m, "reason");
	}
	if (rc != SEL_OK)
		return finish(a, tx, rc);
	s.application_id = app;
	s.rater_id = w->account_id;
	s.entered_at = at;
	if (old != NULL) {
		s.id = old->id;
		s.entered_at = old->entered_at;
		s.corrected_at = old->corrected_at;
		s.correct_reason = old->correct_reason;
		vold = fmt(ar, old->value);
		before = app_kv(ar, "reg_no", &x->a.reg_no, "value", &vold,
		    NULL);
	}
	if (v->submitted) {
		s.corrected_at = at;
		s.correct_reason = reason;
	}
	rc = store_score_put(tx, sel, v->stage_id, &s);
	vnew = fmt(ar, s.value);
	p0 = fmt(ar, s.part[0]);
	p1 = fmt(ar, s.part[1]);
	p2 = fmt(ar, s.part[2]);
	after = app_kv(ar, "reg_no", &x->a.reg_no, "stage", &v->stage_id,
	    "value", &vnew, "managerial", &p0, "social", &p1, "field", &p2,
	    "reason", &reason, NULL);
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, v->submitted ?
		    "score_correct" : "score_enter", before, after,
		    rules(ar, c));
	return finish(a, tx, rc);
}

enum sel_err
app_score_submit(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct str stage, struct app_msg *m)
{
	struct score_ctx *c = arena_alloc(ar, sizeof *c);
	struct score_view *v = &c->v;
	struct stx *tx;
	struct str at = app_iso(ar, app_now(a)), count;
	size_t scored = 0, missing = 0;
	enum sel_err rc;

	if ((rc = begin_rater(a, ar, w, sel, stage, c, &tx, m)) != SEL_OK)
		return rc;
	if ((rc = rater_ok(c, w, m)) == SEL_OK && v->submitted)
		rc = app_say(m, SEL_ESTATE, "Lembar nilai Anda sudah dikirim.");
	for (size_t i = 0; rc == SEL_OK && i < c->ncand; i++) {
		if (c->cand[i].absent || score_recused(c, c->cand[i].a.id,
		    w->account_id) || score_reused(c, c->cand[i].a.id) != NULL)
			continue;
		if (score_of(c, c->cand[i].a.id, w->account_id) != NULL)
			scored++;
		else
			missing++;
	}
	if (rc == SEL_OK && missing > 0)
		rc = app_say(m, SEL_EINVAL, "Masih ada %zu calon yang belum "
		    "Anda nilai; lembar nilai dikirim sesudah semua calon "
		    "(kecuali yang Anda nyatakan benturan kepentingan) "
		    "dinilai.", missing);
	if (rc == SEL_OK)
		rc = store_rater_submit(tx, sel, v->stage_id, w->account_id,
		    at);
	count = arena_printf(ar, "%zu", scored);
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "score_submit", STR(""),
		    app_kv(ar, "stage", &v->stage_id, "scored", &count, NULL),
		    rules(ar, c));
	return finish(a, tx, rc);
}

enum sel_err
app_score_recuse(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct str stage, int64_t app, struct str reason,
    struct app_msg *m)
{
	struct score_ctx *c = arena_alloc(ar, sizeof *c);
	const struct s_stage_cand *x = NULL;
	const struct s_score *old;
	struct s_recusal r;
	struct stx *tx;
	struct str kept = STR("");
	enum sel_err rc;

	reason = str_trim(reason);
	if (!app_text_ok(reason, 2000) || reason.len < 5) {
		app_say(m, SEL_EINVAL, "Alasan benturan kepentingan wajib diisi "
		    "(5 sampai 2000 karakter).");
		app_msg_at(m, "reason");
		return SEL_EINVAL;
	}
	if ((rc = begin_rater(a, ar, w, sel, stage, c, &tx, m)) != SEL_OK)
		return rc;
	if ((rc = rater_ok(c, w, m)) == SEL_OK &&
	    (x = score_cand(c, app)) == NULL)
		rc = app_say(m, SEL_ENOENT, "Calon tidak ditemukan pada tahap "
		    "ini.");
	if (rc == SEL_OK && score_recused(c, app, w->account_id))
		rc = app_say(m, SEL_ESTATE, "Benturan kepentingan dengan calon "
		    "ini sudah Anda nyatakan.");
	memset(&r, 0, sizeof r);
	r.application_id = app;
	r.rater_id = w->account_id;
	r.reason = reason;
	r.declared_at = app_iso(ar, app_now(a));
	if (rc == SEL_OK)
		rc = store_recusal_add(tx, sel, &r);
	/* A score given already stays, shown as recused, and no longer
	   counts in the mean (SCORE-FINAL). */
	if (rc == SEL_OK && (old = score_of(c, app, w->account_id)) != NULL)
		kept = fmt(ar, old->value);
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "score_recuse", STR(""),
		    app_kv(ar, "reg_no", &x->a.reg_no, "stage",
		    &c->v.stage_id, "reason", &reason, "score_kept", &kept,
		    NULL), app_rule_json(ar, c->v.sel.profile, R_SCORE_FINAL));
	return finish(a, tx, rc);
}

/* Refusals of the chair's acts on a stage: role, state, seal. */
static enum sel_err
chair_ok(struct score_ctx *c, struct app_msg *m)
{
	struct score_view *v = &c->v;

	if (!v->may_chair)
		return app_say(m, SEL_EPERM, "Hanya ketua panitia yang dapat "
		    "melakukannya.");
	if (!v->open)
		return app_say(m, SEL_ESTATE, "Penilaian tahap %s belum "
		    "dibuka.", sc_label(c));
	if (v->closed)
		return app_say(m, SEL_ESTATE, "Tahap %s sudah ditutup.",
		    sc_label(c));
	if (v->sealed)
		return app_say(m, SEL_ESTATE, "Disegel: %zu dari %zu penilai "
		    "telah mengirim.", v->done, v->nraters);
	return SEL_OK;
}

enum sel_err
app_stage_tie(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct str stage, int64_t vac, const int64_t *order,
    size_t n, struct str reason, struct app_msg *m)
{
	struct score_ctx *c = arena_alloc(ar, sizeof *c);
	const struct merit_tie_at *t = NULL;
	struct s_tie row;
	struct stx *tx;
	struct str ids = STR("");
	int64_t id;
	enum sel_err rc;

	reason = str_trim(reason);
	if (!app_text_ok(reason, 2000) || reason.len < 5) {
		app_say(m, SEL_EINVAL, "Alasan keputusan atas nilai yang sama "
		    "wajib diisi (5 sampai 2000 karakter).");
		app_msg_at(m, "reason");
		return SEL_EINVAL;
	}
	if ((rc = begin(a, ar, w, sel, stage, c, &tx, m)) != SEL_OK)
		return rc;
	rc = chair_ok(c, m);
	for (size_t i = 0; rc == SEL_OK && i < c->po.nties; i++)
		if (c->po.ties[i].vacancy == vac)
			t = &c->po.ties[i];
	if (rc == SEL_OK && t == NULL)
		rc = app_say(m, SEL_ESTATE, "Tidak ada nilai sama pada batas "
		    "kelulusan lowongan ini (SCORE-TIES).");
	/* the order must hold exactly the tied candidates, each once */
	for (size_t i = 0; rc == SEL_OK && i < n; i++) {
		bool found = false;

		for (size_t k = 0; k < t->n; k++)
			found |= t->ids[k] == order[i];
		for (size_t k = 0; k < i; k++)
			found &= order[k] != order[i];
		ids = app_printf(ar, "%.*s%s%lld", (int)ids.len, ids.p,
		    i > 0 ? ";" : "", (long long)order[i]);
		if (!found)
			n = 0;
	}
	if (rc == SEL_OK && n != t->n) {
		rc = app_say(m, SEL_EINVAL, "Urutan harus memuat tepat %zu "
		    "calon yang nilainya sama pada batas, masing-masing "
		    "sekali.", t->n);
		app_msg_at(m, "order");
	}
	memset(&row, 0, sizeof row);
	row.vacancy_id = vac;
	row.order_ids = ids;
	row.reason = reason;
	row.decided_at = app_iso(ar, app_now(a));
	row.decided_by = w->name;
	row.stage = c->v.stage_id;
	if (rc == SEL_OK)
		rc = store_tie_add(tx, sel, &row, &id);
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "stage_tie", STR(""),
		    app_kv(ar, "stage", &c->v.stage_id, "order", &ids,
		    "reason", &reason, NULL), app_rule_json(ar,
		    c->v.sel.profile, R_SCORE_TIES));
	return finish(a, tx, rc);
}

enum sel_err
app_stage_close(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct str stage, struct str decision, struct app_msg *m)
{
	struct score_ctx *c = arena_alloc(ar, sizeof *c);
	struct score_view *v = &c->v;
	struct s_stage_close cl;
	struct stx *tx;
	struct str summary = STR("");
	enum sel_err rc;

	decision = str_trim(decision);
	if (!app_text_valid(decision, 4000, true) || decision.len < 5) {
		app_say(m, SEL_EINVAL, "Keputusan panitia wajib diisi (5 sampai "
		    "4000 karakter).");
		app_msg_at(m, "decision");
		return SEL_EINVAL;
	}
	if ((rc = begin(a, ar, w, sel, stage, c, &tx, m)) != SEL_OK)
		return rc;
	rc = chair_ok(c, m);
	for (size_t i = 0; rc == SEL_OK && i < c->ncand; i++) {
		struct str who = c->cand[i].a.reg_no;

		/* while blind, the candidate by his code */
		for (size_t k = 0; v->blind && k < c->nblind; k++)
			if (c->blind[k].application_id == c->cand[i].a.id)
				who = c->blind[k].code;
		if (!c->cand[i].absent && c->mc[i].s.count == 0)
			rc = app_say(m, SEL_ESTATE, "Calon %.*s belum mempunyai "
			    "nilai dari penilai yang tidak menyatakan benturan "
			    "kepentingan.", (int)who.len, who.p);
	}
	if (rc == SEL_OK && c->po.undecided)
		rc = app_say(m, SEL_ESTATE, "Ada nilai sama pada batas "
		    "kelulusan yang belum diputuskan ketua (SCORE-TIES): "
		    "catat keputusan dan alasannya lebih dahulu.");
	memset(&cl, 0, sizeof cl);
	cl.closed_at = app_iso(ar, app_now(a));
	cl.closed_by = w->name;
	cl.decision = decision;
	if (rc == SEL_OK)
		rc = store_stage_close_add(tx, sel, v->stage_id, &cl);
	for (size_t i = 0; rc == SEL_OK && i < c->ncand; i++) {
		struct s_outcome o;

		o.application_id = c->cand[i].a.id;
		o.sum = c->mc[i].s.sum;
		o.count = c->mc[i].s.count;
		o.outcome = str_c(merit_outcome_name(c->po.outcome[i]));
		rc = store_outcome_add(tx, sel, v->stage_id, &o);
		summary = app_printf(ar, "%.*s%s%.*s:%s", (int)summary.len,
		    summary.p, i > 0 ? ";" : "", (int)c->cand[i].a.reg_no.len,
		    c->cand[i].a.reg_no.p, o.outcome.p);
	}
	if (rc == SEL_OK)
		rc = app_audit(a, tx, ar, w, sel, "stage_close", STR(""),
		    app_kv(ar, "stage", &v->stage_id, "decision", &decision,
		    "outcomes", &summary, NULL), rules(ar, c));
	/* STG-REUSE: the assessment's passed candidates are recorded for
	   the region's later selections, in this same transaction. */
	if (rc == SEL_OK && str_eqc(v->stage_id, "assessment")) {
		size_t nrec = 0;

		rc = reuse_record_from_stage(a, tx, ar, w, sel, &nrec);
	}
	return finish(a, tx, rc);
}
