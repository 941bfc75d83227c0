/*
 * consult.c - the special consultations before an appointment (issue 14
 * item 2; choice.h): which a post needs is core/appt.c's, from the
 * profile; the secretariat records each letter sent and each answer, a
 * proposal to the Minister names the best 3 and the Minister's answer is
 * the post's choice (Demak 19(5)).  Each write is one transaction with its
 * audit event; a refusal changes nothing.
 */
#include <inttypes.h>
#include <string.h>

#include "app/after_int.h"
#include "app/letters.h"	/* ---- letters ---- */
#include "app/prep.h"
#include "base/arena.h"
#include "base/buf.h"
#include "core/record.h"
#include "base/banned.h"

#define TEXT_MIN	10
#define TEXT_MAX	4000

/*
 * The consultations vacancy vid needs, with the acts of cs on record; the
 * deadline counted from received (0: none).
 */
enum sel_err
consult_items(struct app *a, struct arena *ar, const struct sel_view *v,
    int64_t vid, sel_date received, const struct s_consult *cs, size_t ncs,
    const struct s_letter *lt, size_t nlt, struct choice_vac *x)
{
	struct appt_consult c[APPT_MAX_CONSULTS];
	struct vacancy cv;
	size_t n = 0;
	enum sel_err rc;

	x->nit = 0;
	x->minister_chooses = false;
	for (size_t k = 0; k < v->nvac; k++) {
		if (v->vac[k].id != vid)
			continue;
		prep_core_vacancy(ar, v, &v->vac[k], &cv);
		rc = appt_consults(ar, v->profile, &cv, a->cal, received, c,
		    &n);
		/* a deadline past the calendar's years: shown without it */
		if (rc == SEL_ERANGE)
			rc = appt_consults(ar, v->profile, &cv, a->cal, 0, c,
			    &n);
		if (rc != SEL_OK)
			return rc;
	}
	for (size_t i = 0; i < n; i++) {
		struct consult_item *it = &x->it[x->nit++];

		memset(it, 0, sizeof *it);
		it->c = c[i];
		x->minister_chooses |= c[i].minister_chooses;
		for (size_t k = 0; k < ncs; k++) {
			if (cs[k].vacancy_id != vid ||
			    !str_eqc(cs[k].rule, rule_name(c[i].rule)))
				continue;
			if (str_eqc(cs[k].act, "sent"))
				it->sent = &cs[k];
			else
				it->answer = &cs[k];
		}
		if (it->sent != NULL && it->c.due != 0) {
			sel_date d;

			it->late = date_parse(it->sent->letter_on, &d) ==
			    SEL_OK && d > it->c.due;
		}
		/* ---- letters ---- each act with its letter's file */
		it->sent_file = letter_find(lt, nlt, letter_ref_consult(ar,
		    vid, c[i].rule, true));
		it->answer_file = letter_find(lt, nlt, letter_ref_consult(ar,
		    vid, c[i].rule, false));
		it->done = it->sent != NULL && it->sent_file != NULL &&
		    (!it->c.answer || (it->answer != NULL &&
		    it->answer_file != NULL));
		/* ---- end letters ---- */
	}
	return SEL_OK;
}

enum sel_err
consult_fact(struct app *a, struct stx *tx, struct arena *ar,
    const struct sel_view *v, bool *consulted)
{
	struct s_ppk_choice *ch;
	struct s_consult *cs;
	struct s_letter *lt;
	struct choice_vac x;
	size_t nch, ncs, nlt;
	enum sel_err rc;

	*consulted = false;
	if ((rc = store_ppk_choices(tx, ar, v->s.id, &ch, &nch)) != SEL_OK ||
	    (rc = store_consults(tx, ar, v->s.id, &cs, &ncs)) != SEL_OK ||
	    (rc = store_letters(tx, ar, v->s.id, &lt, &nlt)) != SEL_OK)
		return rc;
	*consulted = nch > 0;
	for (size_t i = 0; i < nch && *consulted; i++) {
		if ((rc = consult_items(a, ar, v, ch[i].vacancy_id, 0, cs, ncs,
		    lt, nlt, &x)) != SEL_OK)
			return rc;
		for (size_t k = 0; k < x.nit; k++)
			*consulted = *consulted && x.it[k].done;
	}
	return SEL_OK;
}

static bool
may_consult_state(enum flow_state s)
{
	return s == FL_CHOICE || s == FL_CONSULT;
}

enum sel_err
app_consult_view(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, struct choice_view *cv, struct app_msg *m)
{
	struct stx *tx;
	bool reads;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = prep_view_load(a, tx, ar, sel, &cv->rk.sel);
	reads = rc == SEL_OK && (app_ranking_may(w, &cv->rk.sel) ||
	    app_may(w, ACT_CONSULT, cv->rk.sel.s.region_id, sel));
	if (rc == SEL_ENOENT)
		app_say(m, rc, "Seleksi tidak ditemukan.");
	else if (rc == SEL_OK && !reads)
		rc = app_say(m, SEL_EPERM, "Konsultasi khusus hanya untuk "
		    "sekretariat, PyB, PPK, panitia seleksi dan instansi "
		    "pengawas.");
	if (rc == SEL_OK)
		rc = choice_load(a, tx, ar, w, sel, cv);
	if (rc == SEL_OK && !cv->rk.sent)
		rc = app_say(m, SEL_ESTATE, "Peringkat akhir belum disampaikan "
		    "kepada PPK.");
	store_abort(a->st, tx);
	return rc;
}

/* ---- recording a letter ---- */

/* The item the form names (vacancy and rule). */
static enum sel_err
item(struct after *c, struct choice_vac **xo, struct consult_item **io)
{
	struct str rule = form_get(c->f, "rule");
	int64_t vid = 0;

	*xo = NULL;
	*io = NULL;
	if (parse_i64(form_get(c->f, "vacancy"), 1, INT64_MAX, &vid) ==
	    SEL_OK)
		for (size_t i = 0; i < c->cv->nvac; i++)
			if (c->cv->vac[i].rv->vacancy_id == vid)
				*xo = &c->cv->vac[i];
	if (*xo == NULL)
		return after_bad(c, "vacancy", SEL_EINVAL, "Pilih jabatan dari "
		    "daftar.");
	for (size_t k = 0; k < (*xo)->nit; k++)
		if (str_eqc(rule, rule_name((*xo)->it[k].c.rule)))
			*io = &(*xo)->it[k];
	if (*io == NULL)
		return after_bad(c, "rule", SEL_EINVAL, "Jabatan ini tidak memerlukan "
		    "konsultasi itu menurut peraturan daerah ini.");
	return SEL_OK;
}

/* The Minister's choice: one of the names proposed. */
/* The choice's reason: the Minister's letter and its summary, whole (a
   summary may be longer than arena_printf's 1023 bytes). */
static struct str
minister_reason(struct arena *ar, struct str no, struct str summary)
{
	struct buf b;
	struct str r;

	buf_init(&b, no.len + summary.len + 64);
	buf_puts(&b, "Ditetapkan Menteri Dalam Negeri, surat nomor ");
	buf_putstr(&b, no);
	buf_puts(&b, ": ");
	buf_putstr(&b, summary);
	r = (struct str){ arena_strndup(ar, b.p, b.len), b.len };
	buf_release(&b);
	return r;
}

static enum sel_err
minister_choice(struct after *c, const struct choice_vac *x,
    const struct consult_item *it, const struct choice_cand **k)
{
	int64_t app = 0;
	struct str left = it->sent->names;

	*k = NULL;
	if (parse_i64(form_get(c->f, "application"), 1, INT64_MAX, &app) !=
	    SEL_OK)
		return after_bad(c, "application", SEL_EINVAL, "Pilih calon yang "
		    "ditetapkan Menteri Dalam Negeri.");
	while (left.len > 0) {
		const char *semi = memchr(left.p, ';', left.len);
		size_t n = semi != NULL ? (size_t)(semi - left.p) : left.len;
		int64_t id = 0;

		if (parse_i64((struct str){ left.p, n }, 1, INT64_MAX, &id) ==
		    SEL_OK && id == app)
			for (size_t i = 0; i < x->n; i++)
				if (x->c[i].application_id == app)
					*k = &x->c[i];
		left.p += n + (semi != NULL);
		left.len -= n + (semi != NULL);
	}
	if (*k == NULL) {
		*c->field = "application";
		return app_say(c->m, SEL_EINVAL, "Ditolak (%s, %.*s): Menteri "
		    "Dalam Negeri memilih dari nama yang diusulkan.",
		    rule_name(it->c.rule), (int)it->c.citation.len,
		    it->c.citation.p);
	}
	return SEL_OK;
}

static enum sel_err
record(struct after *c)
{
	struct choice_vac *x;
	struct consult_item *it;
	const struct choice_cand *k = NULL;
	bool sent;
	struct s_consult r;
	struct s_letter file;
	struct str no, summary, names = STR(""), bytes;
	sel_date d = 0;
	enum sel_err rc;

	if ((rc = item(c, &x, &it)) != SEL_OK)
		return rc;
	sent = str_eqc(form_get(c->f, "act"), "sent");
	if (!sent && !str_eqc(form_get(c->f, "act"), "answered"))
		return after_bad(c, "act", SEL_EINVAL, "Pilih surat keluar atau "
		    "jawaban.");
	if (sent && it->sent != NULL)
		return after_bad(c, "act", SEL_ESTATE, "Surat untuk konsultasi ini "
		    "sudah dicatat.");
	if (!sent && it->sent == NULL)
		return after_bad(c, "act", SEL_ESTATE, "Catat surat keluar lebih "
		    "dahulu.");
	if (!sent && !it->c.answer)
		return after_bad(c, "act", SEL_ESTATE, "Surat pemberitahuan tidak "
		    "menunggu jawaban.");
	if (!sent && it->answer != NULL)
		return after_bad(c, "act", SEL_ESTATE, "Jawaban untuk konsultasi ini "
		    "sudah dicatat.");
	if (x->n == 0)
		return after_bad(c, "vacancy", SEL_ESTATE, "Jabatan ini tidak "
		    "mempunyai calon.");
	if ((rc = after_text(c, "letter_no", "Nomor surat", 1, 200, false,
	    &no)) || (rc = after_day(c, "letter_on", "surat", &d)) ||
	    (rc = after_text(c, "summary", "Isi ringkas", TEXT_MIN, TEXT_MAX,
	    true, &summary)))
		return rc;
	/* ---- letters ---- the letter itself, as a PDF */
	if ((rc = letter_check(c->f, c->m, c->field, &bytes)) != SEL_OK)
		return rc;
	/* Demak 19(5): the proposal is the best 3; the answer the choice. */
	if (sent && it->c.minister_chooses) {
		for (size_t i = 0; i < x->n; i++)
			names = arena_printf(c->ar, "%.*s%s%" PRId64,
			    (int)names.len, names.p, i > 0 ? ";" : "",
			    x->c[i].application_id);
	} else if (!sent && it->c.minister_chooses) {
		if ((rc = minister_choice(c, x, it, &k)) != SEL_OK)
			return rc;
		if (k == NULL)
			return SEL_EINTERNAL;
		names = arena_printf(c->ar, "%" PRId64, k->application_id);
		if (x->chosen)
			return after_bad(c, "application", SEL_ESTATE, "Jabatan ini "
			    "sudah mempunyai pilihan.");
	}
	memset(&r, 0, sizeof r);
	r.selection_id = c->cv->rk.sel.s.id;
	r.vacancy_id = x->rv->vacancy_id;
	r.rule = str_c(rule_name(it->c.rule));
	r.act = str_c(sent ? "sent" : "answered");
	r.letter_no = no;
	r.letter_on = app_date_iso(c->ar, d);
	r.summary = summary;
	r.names = names;
	r.recorded_at = app_iso(c->ar, app_now(c->a));
	r.recorded_by = c->w->name;
	r.account_id = c->w->account_id;
	if ((rc = store_consult_add(c->tx, &r)) != SEL_OK ||
	    (rc = letter_keep(c->a, c->tx, c->ar, c->w, r.selection_id,
	    letter_ref_consult(c->ar, r.vacancy_id, it->c.rule, sent), bytes,
	    arena_printf(c->ar, "surat-%s-%s", sent ? "keluar" : "jawaban",
	    rule_name(it->c.rule)).p, &file)) != SEL_OK)
		return rc;
	if ((rc = app_audit(c->a, c->tx, c->ar, c->w, r.selection_id,
	    sent ? "consult_sent" : "consult_answered", STR(""), app_kv(c->ar,
	    "vacancy", &x->rv->title, "rule", &r.rule, "with", &it->c.with,
	    "letter_no", &no, "letter_on", &r.letter_on, "summary", &summary,
	    "names", &names, "letter_sha256", &file.sha256, NULL),
	    app_rule_json(c->ar,
	    c->cv->rk.sel.profile, it->c.rule))) != SEL_OK)
		return rc;
	if (k != NULL) {
		struct s_ppk_choice ch;

		memset(&ch, 0, sizeof ch);
		ch.selection_id = r.selection_id;
		ch.vacancy_id = r.vacancy_id;
		ch.application_id = k->application_id;
		ch.chosen_on = r.letter_on;
		ch.reason = minister_reason(c->ar, no, summary);
		ch.recorded_at = r.recorded_at;
		ch.recorded_by = r.recorded_by;
		ch.account_id = r.account_id;
		if ((rc = store_ppk_choice_add(c->tx, &ch)) != SEL_OK)
			return rc;
		rc = app_audit(c->a, c->tx, c->ar, c->w, r.selection_id,
		    "choose", STR(""), app_kv(c->ar, "vacancy", &x->rv->title,
		    "reg_no", &k->reg_no, "name", &k->name, "chosen_on",
		    &ch.chosen_on, "reason", &ch.reason, NULL),
		    app_rule_json(c->ar, c->cv->rk.sel.profile, it->c.rule));
	}
	return rc;
}

enum sel_err
app_consult_record(struct app *a, struct arena *ar, const struct who *w,
    int64_t sel, const struct form *f, struct app_msg *m,
    const char **field)
{
	struct choice_view *cv = arena_alloc(ar, sizeof *cv);
	struct after c;
	enum sel_err rc;

	after_init(&c, a, ar, w, cv, cv, f, m, field);
	if ((rc = after_begin(&c, sel)) != SEL_OK)
		return rc;
	if (!app_may(w, ACT_CONSULT, cv->rk.sel.s.region_id, sel))
		rc = app_say(m, SEL_EPERM, "Sekretariat yang mencatat surat "
		    "konsultasi khusus.");
	else if (!cv->rk.sent || !may_consult_state(cv->rk.sel.state))
		rc = app_say(m, SEL_ESTATE, "Konsultasi khusus dicatat setelah "
		    "peringkat disampaikan kepada PPK dan sebelum laporan "
		    "hasil seleksi (tahap sekarang: %s).",
		    flow_state_label(cv->rk.sel.state));
	if (rc == SEL_OK)
		rc = record(&c);
	return after_finish(&c, rc);
}
