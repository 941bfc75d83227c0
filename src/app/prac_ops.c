/*
 * prac_ops.c - recording what the PRAC-* gates need (app/prac.h), and
 * gathering it for prep_eval.
 */
#include <string.h>

#include "app/app_int.h"
#include "app/prac.h"
#include "app/prep.h"
#include "base/arena.h"
#include "core/profile.h"
#include "base/banned.h"

#define K_APPROVAL	"oversight_approval"
#define K_MINISTER	"home_minister"

static bool
has_prac(const struct profile *p)
{
	for (size_t i = 0; i < p->nrules; i++)
		if (rule_class(p->rules[i].id) == RC_PRAC)
			return true;
	return false;
}

static sel_date
day_of(struct str s)
{
	sel_date d = 0;

	return date_parse(s, &d) == SEL_OK ? d : 0;
}

enum sel_err
prac_view_load(struct app *a, struct stx *tx, struct arena *ar,
    struct sel_view *v, struct prep_in *in)
{
	struct prac_view *pv = arena_alloc(ar, sizeof *pv);
	int g;
	enum sel_err rc;

	(void)a;
	memset(pv, 0, sizeof *pv);
	v->prac = pv;
	pv->any = has_prac(v->profile);
	if (!pv->any)
		return SEL_OK;
	if ((rc = store_prac_letters(tx, ar, v->s.id, &pv->letters,
	    &pv->nletters)) ||
	    (rc = store_prac_windows(tx, ar, v->s.id, &pv->windows,
	    &pv->nwindows)) ||
	    (rc = store_prac_get(tx, ar, v->s.id, &pv->sel)))
		return rc;
	/* A letter the plan's sending has since overtaken (re-recorded
	   later) no longer counts: the approval is of the plan as sent. */
	for (size_t i = 0; i < pv->nletters; i++) {
		if (!str_eqc(pv->letters[i].kind, K_APPROVAL))
			pv->minister = &pv->letters[i];
		else if (day_of(pv->letters[i].dated) >=
		    day_of(v->s.f[SF_PLAN_SENT_ON]))
			pv->approvals++;
	}
	pv->cwin = arena_array(ar, pv->nwindows + 1, sizeof *pv->cwin);
	for (size_t i = 0; i < pv->nwindows; i++) {
		pv->cwin[i].from = day_of(pv->windows[i].from_on);
		pv->cwin[i].to = day_of(pv->windows[i].to_on);
		pv->cwin[i].label = pv->windows[i].label;
		pv->cwin[i].citation = pv->windows[i].citation;
	}
	in->announce_on = day_of(v->s.f[SF_ANN_OPEN]);
	in->oversight_letters = pv->approvals;
	in->acting_head = pv->sel.acting_head;
	in->windows = pv->cwin;
	in->nwindows = pv->nwindows;
	in->minister_on = pv->minister != NULL ? day_of(pv->minister->dated) :
	    0;
	g = prac_grade(pv->sel.assessor_grade);
	in->assessor_set = pv->sel.assessor_name.len > 0 && g >= 0;
	in->assessor_grade = g;
	in->assessor_valid_until = day_of(pv->sel.assessor_valid_until);
	for (size_t i = 0; i < v->nstages; i++)
		if (str_eqc(v->stages[i].stage, "assessment"))
			in->assess_ends = day_of(v->stages[i].ends_on);
	return SEL_OK;
}

/* ---- the forms ---- */

struct pctx {
	struct app		*a;
	struct arena		*ar;
	const struct who	*w;
	struct stx		*tx;
	struct sel_view		*v;
	const struct form	*f;
	struct app_msg		*m;
	const char		**field;
};

static const struct {
	enum act	 act;
	enum rule_id	 rule;
	const char	*action;	/* the audit event's */
} ops[PO__N] = {
	[PO_APPROVAL_ADD] = { ACT_PRAC_APPROVAL, R_PRAC_OVERSIGHT_APPROVAL,
	    "prac_approval_add" },
	[PO_MINISTER_ADD] = { ACT_PRAC_MINISTER, R_PRAC_HOME_MINISTER,
	    "prac_minister_add" },
	[PO_LETTER_DEL] = { ACT__N, R__N, "prac_letter_del" },
	[PO_ACTING] = { ACT_PRAC_MINISTER, R_PRAC_HOME_MINISTER,
	    "prac_acting_set" },
	[PO_WINDOW_ADD] = { ACT_PRAC_MINISTER, R_PRAC_HOME_MINISTER,
	    "prac_window_add" },
	[PO_WINDOW_DEL] = { ACT_PRAC_MINISTER, R_PRAC_HOME_MINISTER,
	    "prac_window_del" },
	[PO_ASSESSOR] = { ACT_PLAN_EDIT, R_PRAC_ASSESSOR,
	    "prac_assessor_set" },
};

static enum sel_err
bad(struct pctx *c, const char *field, enum sel_err rc, const char *msg)
{
	*c->field = field;
	return app_say(c->m, rc, "%s", msg);
}

static enum sel_err
f_text(struct pctx *c, const char *name, const char *label, size_t max,
    bool required, struct str *out)
{
	struct str v = str_trim(form_get(c->f, name));

	*c->field = name;
	if (required && v.len == 0)
		return app_say(c->m, SEL_EINVAL, "%s wajib diisi.", label);
	if (v.len > 0 && !app_text_ok(v, max))
		return app_say(c->m, SEL_EINVAL, "%s terlalu panjang (paling "
		    "banyak %zu karakter) atau memuat karakter kendali.",
		    label, max);
	*c->field = NULL;
	*out = v;
	return SEL_OK;
}

static enum sel_err
f_date(struct pctx *c, const char *name, const char *label, sel_date *out)
{
	struct str v = str_trim(form_get(c->f, name));

	*c->field = name;
	if (v.len == 0)
		return app_say(c->m, SEL_EINVAL, "%s wajib diisi.", label);
	if (date_parse(v, out) != SEL_OK)
		return app_say(c->m, SEL_EINVAL, "%s bukan tanggal yang sah "
		    "(TTTT-BB-HH).", label);
	*c->field = NULL;
	return SEL_OK;
}

static enum sel_err
audit(struct pctx *c, enum prac_op op, enum rule_id rule, struct str before,
    struct str after)
{
	return app_audit(c->a, c->tx, c->ar, c->w, c->v->s.id,
	    ops[op].action, before, after, app_rule_json(c->ar, c->v->profile,
	    rule));
}

/* PRAC-OVERSIGHT-APPROVAL, PRAC-HOME-MINISTER: a dated letter. */
static enum sel_err
op_letter(struct pctx *c, enum prac_op op)
{
	enum rule_id rule = ops[op].rule;
	struct s_prac_letter l;
	const char *why;
	sel_date d = 0;
	int64_t id;
	enum sel_err rc;

	memset(&l, 0, sizeof l);
	if ((rc = f_date(c, "date", "Tanggal surat", &d)) ||
	    (rc = f_text(c, "ref", "Nomor surat", 200, true, &l.ref)) ||
	    (rc = f_text(c, "subject", "Perihal", 500,
	    op == PO_APPROVAL_ADD, &l.subject)))
		return rc;
	why = prac_letter_refusal(rule, d, day_of(c->v->s.f[SF_PLAN_SENT_ON]),
	    app_today(c->a, c->v->profile));
	if (why != NULL)
		return bad(c, "date", SEL_EINVAL, why);
	l.selection_id = c->v->s.id;
	l.kind = op == PO_APPROVAL_ADD ? STR(K_APPROVAL) : STR(K_MINISTER);
	l.dated = app_date_iso(c->ar, d);
	l.recorded_by = c->w->name;
	l.recorded_at = app_iso(c->ar, app_now(c->a));
	rc = store_prac_letter_add(c->tx, &l, &id);
	if (rc == SEL_EINVAL)
		return bad(c, "ref", rc, "Surat dengan nomor ini sudah "
		    "dicatat.");
	if (rc != SEL_OK)
		return rc;
	return audit(c, op, rule, STR(""), app_kv(c->ar, "kind", &l.kind,
	    "ref", &l.ref, "date", &l.dated, "subject", &l.subject, NULL));
}

static enum sel_err
f_id(struct pctx *c, int64_t *id)
{
	if (parse_i64(form_get(c->f, "id"), 1, INT64_MAX, id) != SEL_OK)
		return bad(c, NULL, SEL_EINVAL, "Nomor data tidak sah.");
	return SEL_OK;
}

static enum sel_err
op_letter_del(struct pctx *c)
{
	const struct prac_view *pv = c->v->prac;
	int64_t id = 0;
	enum sel_err rc;

	if ((rc = f_id(c, &id)) != SEL_OK)
		return rc;
	for (size_t i = 0; i < pv->nletters; i++) {
		const struct s_prac_letter *l = &pv->letters[i];
		bool approval = str_eqc(l->kind, K_APPROVAL);

		if (l->id != id)
			continue;
		if (!app_may(c->w, approval ? ACT_PRAC_APPROVAL :
		    ACT_PRAC_MINISTER, c->v->s.region_id, c->v->s.id))
			return app_say(c->m, SEL_EPERM, "Peran Anda tidak "
			    "mengizinkan tindakan ini.");
		if ((rc = store_prac_letter_del(c->tx, c->v->s.id, id)))
			return rc;
		return audit(c, PO_LETTER_DEL, approval ?
		    R_PRAC_OVERSIGHT_APPROVAL : R_PRAC_HOME_MINISTER,
		    app_kv(c->ar, "kind", &l->kind, "ref", &l->ref, "date",
		    &l->dated, "subject", &l->subject, NULL), STR(""));
	}
	return bad(c, NULL, SEL_EINVAL, "Surat tidak ditemukan.");
}

static enum sel_err
op_acting(struct pctx *c)
{
	bool on = form_has(c->f, "acting", STR("1"));
	struct str b = c->v->prac->sel.acting_head ? STR("ya") : STR("tidak");
	struct str a = on ? STR("ya") : STR("tidak");
	enum sel_err rc;

	if ((rc = store_prac_set_acting(c->tx, c->v->s.id, on)) != SEL_OK)
		return rc;
	return audit(c, PO_ACTING, R_PRAC_HOME_MINISTER, app_kv(c->ar,
	    "acting_head", &b, NULL), app_kv(c->ar, "acting_head", &a, NULL));
}

static enum sel_err
op_window_add(struct pctx *c)
{
	struct s_prac_window w;
	sel_date from = 0, to = 0;
	int64_t id;
	enum sel_err rc;

	memset(&w, 0, sizeof w);
	if ((rc = f_date(c, "from", "Awal masa", &from)) ||
	    (rc = f_date(c, "to", "Akhir masa", &to)) ||
	    (rc = f_text(c, "label", "Keterangan masa", 300, true,
	    &w.label)) ||
	    (rc = f_text(c, "citation", "Dasar hukum", 300, false,
	    &w.citation)))
		return rc;
	if (to < from)
		return bad(c, "to", SEL_EINVAL, "Akhir masa tidak boleh "
		    "sebelum awal masa.");
	if (c->v->prac->nwindows >= PRAC_MAX_WINDOWS)
		return bad(c, NULL, SEL_EINVAL, "Terlalu banyak masa yang "
		    "dicatat.");
	w.from_on = app_date_iso(c->ar, from);
	w.to_on = app_date_iso(c->ar, to);
	if ((rc = store_prac_window_add(c->tx, c->v->s.id, &w, &id)))
		return rc;
	return audit(c, PO_WINDOW_ADD, R_PRAC_HOME_MINISTER, STR(""),
	    app_kv(c->ar, "from", &w.from_on, "to", &w.to_on, "label",
	    &w.label, "citation", &w.citation, NULL));
}

static enum sel_err
op_window_del(struct pctx *c)
{
	const struct prac_view *pv = c->v->prac;
	int64_t id = 0;
	enum sel_err rc;

	if ((rc = f_id(c, &id)) != SEL_OK)
		return rc;
	for (size_t i = 0; i < pv->nwindows; i++) {
		const struct s_prac_window *w = &pv->windows[i];

		if (w->id != id)
			continue;
		if ((rc = store_prac_window_del(c->tx, c->v->s.id, id)))
			return rc;
		return audit(c, PO_WINDOW_DEL, R_PRAC_HOME_MINISTER,
		    app_kv(c->ar, "from", &w->from_on, "to", &w->to_on,
		    "label", &w->label, NULL), STR(""));
	}
	return bad(c, NULL, SEL_EINVAL, "Masa tidak ditemukan.");
}

static enum sel_err
op_assessor(struct pctx *c)
{
	const struct prof_rule *r = profile_rule_any(c->v->profile,
	    R_PRAC_ASSESSOR);
	const struct s_prac *old = &c->v->prac->sel;
	struct s_prac s = *old;
	sel_date until = 0;
	int g;
	enum sel_err rc;

	if ((rc = f_text(c, "name", "Nama lembaga assessment", 200, true,
	    &s.assessor_name)) ||
	    (rc = f_text(c, "decree", "Nomor keputusan akreditasi", 200, true,
	    &s.assessor_decree)) ||
	    (rc = f_date(c, "valid_until", "Akreditasi berlaku sampai",
	    &until)))
		return rc;
	g = prac_grade(form_get(c->f, "grade"));
	if (g < 0)
		return bad(c, "grade", SEL_EINVAL, "Peringkat akreditasi: "
		    "pilih A, B atau C.");
	if (g > (int)r->prac->min_grade) {
		*c->field = "grade";
		return app_say(c->m, SEL_EINVAL, "Akreditasi %s di bawah yang "
		    "disyaratkan: paling rendah %s (PRAC-ASSESSOR, %.*s).",
		    prac_grade_words[g], prac_grade_words[r->prac->min_grade],
		    (int)r->citation.len, r->citation.p);
	}
	if (until < app_today(c->a, c->v->profile))
		return bad(c, "valid_until", SEL_EINVAL, "Akreditasi sudah "
		    "tidak berlaku: tanggal berlaku sampai sudah lewat.");
	s.assessor_grade = str_c(prac_grade_words[g]);
	s.assessor_valid_until = app_date_iso(c->ar, until);
	if ((rc = store_prac_set_assessor(c->tx, c->v->s.id, &s)) != SEL_OK)
		return rc;
	return audit(c, PO_ASSESSOR, R_PRAC_ASSESSOR, old->assessor_name.len ?
	    app_kv(c->ar, "name", &old->assessor_name, "grade",
	    &old->assessor_grade, "decree", &old->assessor_decree,
	    "valid_until", &old->assessor_valid_until, NULL) : STR(""),
	    app_kv(c->ar, "name", &s.assessor_name, "grade",
	    &s.assessor_grade, "decree", &s.assessor_decree, "valid_until",
	    &s.assessor_valid_until, NULL));
}

static enum sel_err
run(struct pctx *c, enum prac_op op)
{
	switch (op) {
	case PO_APPROVAL_ADD:
	case PO_MINISTER_ADD:	return op_letter(c, op);
	case PO_LETTER_DEL:	return op_letter_del(c);
	case PO_ACTING:		return op_acting(c);
	case PO_WINDOW_ADD:	return op_window_add(c);
	case PO_WINDOW_DEL:	return op_window_del(c);
	case PO_ASSESSOR:	return op_assessor(c);
	case PO__N:		break;
	}
	return SEL_EINTERNAL;
}

/* The state every form needs: the rule in the profile, not published. */
static enum sel_err
allowed(struct pctx *c, enum prac_op op)
{
	const struct sel_view *v = c->v;
	bool has = op == PO_LETTER_DEL ?
	    profile_rule_any(v->profile, R_PRAC_OVERSIGHT_APPROVAL) != NULL ||
	    profile_rule_any(v->profile, R_PRAC_HOME_MINISTER) != NULL :
	    profile_rule_any(v->profile, ops[op].rule) != NULL;

	if (op != PO_LETTER_DEL && !app_may(c->w, ops[op].act,
	    v->s.region_id, v->s.id))
		return app_say(c->m, SEL_EPERM, "Peran Anda tidak mengizinkan "
		    "tindakan ini.");
	if (!has)
		return app_say(c->m, SEL_ESTATE, "Profil %.*s tidak "
		    "mensyaratkan %s.", (int)v->profile->id.len,
		    v->profile->id.p, op == PO_LETTER_DEL ? "surat ini" :
		    rule_name(ops[op].rule));
	if (v->published)
		return app_say(c->m, SEL_ESTATE, "Pengumuman sudah diterbitkan; "
		    "data persiapan tidak dapat diubah lagi.");
	return SEL_OK;
}

enum sel_err
app_prac(struct app *a, struct arena *ar, const struct who *w, int64_t sel,
    enum prac_op op, const struct form *f, struct app_msg *m,
    const char **field)
{
	struct sel_view v;
	const char *none = NULL;
	struct pctx c = { a, ar, w, NULL, &v, f, m, field != NULL ? field :
	    &none };
	enum sel_err rc;

	*c.field = NULL;
	if ((unsigned)op >= PO__N)
		return SEL_EINTERNAL;
	if ((rc = store_begin(a->st, true, &c.tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, c.tx, ar, sel, &v);
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Seleksi tidak ditemukan.");
	else if (rc == SEL_OK && !app_may(w, ACT_SEL_VIEW, v.s.region_id,
	    sel))
		rc = app_say(m, SEL_EPERM, "Peran Anda tidak mengizinkan "
		    "tindakan ini.");
	if (rc == SEL_OK)
		rc = allowed(&c, op);
	if (rc == SEL_OK)
		rc = run(&c, op);
	if (rc != SEL_OK) {
		store_abort(a->st, c.tx);
		return rc;
	}
	return app_commit(a, c.tx);
}
