/*
 * tenure.c - an official's term read, listed, and reminded of
 * (tenure.h); the acts are in tenure_act.c.
 */
#include <inttypes.h>
#include <string.h>

#include "app/app_int.h"
#include "app/tenure.h"
#include "app/tenure_int.h"
#include "base/arena.h"
#include "core/profile.h"
#include "base/banned.h"

static void
add_mark(struct tenure_term *o, enum rule_id id, sel_date on,
    const char *key, const char *what)
{
	const struct prof_rule *r = profile_rule_any(o->profile, id);

	if (r == NULL || o->nmarks >= TENURE_MAX_MARKS)
		return;
	o->marks[o->nmarks++] = (struct ten_mark){ id, r->citation, on, what,
	    key };
}

static bool
perf_year(const struct tenure_term *o, int64_t year)
{
	for (size_t i = 0; i < o->nperf; i++)
		if (str_eqc(o->perf[i].kind, "year") && o->perf[i].year == year)
			return true;
	return false;
}

bool
tenure_done(const struct tenure_term *o, const struct ten_mark *m)
{
	if (o->has_end)
		return true;
	if (strcmp(m->key, "eval") == 0)
		return o->has_team;
	if (strcmp(m->key, "5y") == 0)		/* extended: not the end */
		return o->has_outcome && o->outcome.extended;
	if (strcmp(m->key, "perf1") == 0)
		return perf_year(o, 1);
	if (strncmp(m->key, "move_", 5) == 0)
		return o->has_move;
	return false;
}

/* "rc is SEL_OK or SEL_ENOENT": *has says which. */
static enum sel_err
found(enum sel_err rc, bool *has)
{
	*has = rc == SEL_OK;
	return rc == SEL_ENOENT ? SEL_OK : rc;
}

enum sel_err
tenure_fill(struct app *a, struct stx *tx, struct arena *ar,
    const struct who *w, const struct s_term *t, struct tenure_term *o)
{
	struct ten_perf *p;
	enum sel_err rc;
	int64_t vac = t->vacancy_id;

	memset(o, 0, sizeof *o);
	o->t = *t;
	o->profile = app_profile_get(a, t->profile_id);
	if (o->profile == NULL || date_parse(t->tmt, &o->tmt) != SEL_OK ||
	    date_parse(t->inaugurated_on, &o->inaugurated) != SEL_OK)
		return SEL_EINTERNAL;
	o->end = ten_end(o->tmt);
	o->today = app_today(a, o->profile);
	o->today_iso = app_date_iso(ar, o->today);
	if ((rc = found(store_term_team(tx, ar, vac, &o->team),
	    &o->has_team)) != SEL_OK ||
	    (rc = found(store_term_outcome(tx, ar, vac, &o->outcome),
	    &o->has_outcome)) != SEL_OK ||
	    (rc = found(store_term_move(tx, ar, vac, &o->move),
	    &o->has_move)) != SEL_OK ||
	    (rc = found(store_term_end(tx, ar, vac, &o->ended),
	    &o->has_end)) != SEL_OK ||
	    (rc = store_term_perfs(tx, ar, vac, &o->perf, &o->nperf)) !=
	    SEL_OK)
		return rc;
	p = tenure_perfs(ar, o->perf, o->nperf);
	ten_perf_state(p, o->nperf, &o->ps);
	o->nmarks = ten_marks(o->profile, o->tmt, o->inaugurated, o->marks);
	if (o->ps.improving)
		add_mark(o, R_TEN_PERF, o->ps.improve_until, "improve",
		    "Hari terakhir kesempatan 6 bulan memperbaiki kinerja");
	if (o->ps.test_due)
		add_mark(o, R_TEN_PERF, o->ps.test_from, "test", "Uji "
		    "kompetensi ulang: kinerja tidak membaik dalam 6 bulan");
	for (size_t i = 1; i < o->nmarks; i++)
		for (size_t k = i; k > 0 && o->marks[k].on <
		    o->marks[k - 1].on; k--) {
			struct ten_mark x = o->marks[k];

			o->marks[k] = o->marks[k - 1];
			o->marks[k - 1] = x;
		}
	(void)ten_monitoring(ar, o->profile, o->tmt, o->today, &o->monitor);
	o->may_record = !o->has_end && app_may(w, ACT_TENURE_RECORD,
	    t->region_id, t->selection_id);
	o->may_decide = !o->has_end && !o->has_outcome && app_may(w,
	    ACT_TENURE_DECIDE, t->region_id, t->selection_id);
	return SEL_OK;
}

struct ten_perf *
tenure_perfs(struct arena *ar, const struct s_term_perf *r, size_t n)
{
	struct ten_perf *p = arena_array(ar, n + 1, sizeof *p);

	for (size_t i = 0; i < n; i++) {
		p[i].kind = str_eqc(r[i].kind, "year") ? TP_YEAR : TP_IMPROVE;
		p[i].year = (int)r[i].year;
		p[i].met = r[i].met;
		(void)date_parse(r[i].assessed_on, &p[i].on);
	}
	return p;
}

enum sel_err
app_tenure_view(struct app *a, struct arena *ar, const struct who *w,
    int64_t vac, struct tenure_term *o, struct app_msg *m)
{
	struct s_term *t;
	struct stx *tx;
	size_t n;
	enum sel_err rc;

	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_terms(tx, ar, 0, vac, &t, &n);
	if (rc == SEL_OK && n == 0)
		rc = app_say(m, SEL_ENOENT, "Masa jabatan tidak ditemukan.");
	else if (rc == SEL_OK && !app_may(w, ACT_TENURE_VIEW, t[0].region_id,
	    t[0].selection_id))
		rc = app_say(m, SEL_EPERM, "Masa jabatan dibaca oleh BKPSDM "
		    "(sekretariat), PPK dan instansi pengawas.");
	if (rc == SEL_OK)
		rc = tenure_fill(a, tx, ar, w, &t[0], o);
	store_abort(a->st, tx);
	return rc;
}

/* Does w hold a role that may read terms, anywhere? */
static bool
may_any(const struct who *w)
{
	for (size_t i = 0; i < w->ngrants; i++)
		if (perm_role_may(w->grants[i].role, ACT_TENURE_VIEW))
			return true;
	return false;
}

enum sel_err
app_tenure_list(struct app *a, struct arena *ar, const struct who *w,
    struct tenure_list *l, struct app_msg *m)
{
	struct s_term *t;
	struct stx *tx;
	size_t n, cap = 16;
	enum sel_err rc;

	memset(l, 0, sizeof *l);
	if (w == NULL || w->account_id == 0)
		return app_say(m, SEL_EPERM, "Masuk lebih dahulu.");
	if ((rc = store_begin(a->st, false, &tx)) != SEL_OK)
		return rc;
	rc = store_terms(tx, ar, 0, 0, &t, &n);
	l->terms = arena_array(ar, n + 1, sizeof *l->terms);
	l->due = arena_array(ar, cap, sizeof *l->due);
	for (size_t i = 0; rc == SEL_OK && i < n; i++) {
		struct tenure_term *o = &l->terms[l->n];

		if (!app_may(w, ACT_TENURE_VIEW, t[i].region_id,
		    t[i].selection_id))
			continue;
		if ((rc = tenure_fill(a, tx, ar, w, &t[i], o)) != SEL_OK)
			break;
		l->n++;
		for (size_t k = 0; k < o->nmarks; k++) {
			int64_t left = (int64_t)o->marks[k].on - o->today;

			if (left < 0 || left > TENURE_DUE_DAYS ||
			    tenure_done(o, &o->marks[k]))
				continue;
			if (l->ndue == cap) {
				l->due = arena_grow(ar, l->due, cap, cap * 2,
				    sizeof *l->due);
				cap *= 2;
			}
			l->due[l->ndue++] = (struct tenure_due){ o,
			    &o->marks[k], (int)left };
		}
	}
	store_abort(a->st, tx);
	if (rc != SEL_OK)
		return rc;
	for (size_t i = 1; i < l->ndue; i++)
		for (size_t k = i; k > 0 && l->due[k].mark->on <
		    l->due[k - 1].mark->on; k--) {
			struct tenure_due x = l->due[k];

			l->due[k] = l->due[k - 1];
			l->due[k - 1] = x;
		}
	if (l->n == 0 && !may_any(w))
		return app_say(m, SEL_EPERM, "Halaman masa jabatan untuk BKPSDM "
		    "(sekretariat), PPK dan instansi pengawas.");
	l->zone = app_zone(a, ar, 0);
	return SEL_OK;
}

/* ---- reminders ---- */

static enum sel_err
remind_one(struct app *a, struct stx *tx, struct arena *ar,
    const struct tenure_term *o, const struct ten_mark *mk, int days,
    int64_t *queued)
{
	struct str key = arena_printf(ar, "%s:%s", mk->key,
	    app_date_iso(ar, mk->on).p), subject, body, *to, when, left;
	bool added;
	size_t n;
	enum sel_err rc;

	if ((rc = store_role_emails(tx, ar, o->t.region_id,
	    o->t.selection_id, "secretariat", &to, &n)) != SEL_OK || n == 0)
		return rc;
	if ((rc = store_term_reminder_add(tx, o->t.vacancy_id, key, days,
	    app_iso(ar, app_now(a)), &added)) != SEL_OK || !added)
		return rc;
	when = app_date_text(ar, mk->on);
	left = arena_printf(ar, "%d", days);
	subject = arena_printf(ar, "Pengingat masa jabatan: %.*s, %.*s",
	    (int)o->t.name.len, o->t.name.p, (int)when.len, when.p);
	body = app_printf(ar, "Yth. BKPSDM %.*s,\n\nDalam %d hari atau "
	    "kurang jatuh tempo untuk %.*s (%.*s), jabatan %.*s:\n\n"
	    "%.*s: %s\n(%s, %.*s)\n\nHalaman masa jabatan: "
	    "/kelola/masa-jabatan/%" PRId64 "\n\nPesan ini dikirim satu kali "
	    "untuk jangka %d hari.\n", (int)o->t.region.len, o->t.region.p,
	    days, (int)o->t.name.len, o->t.name.p, (int)o->t.reg_no.len,
	    o->t.reg_no.p, (int)o->t.post.len, o->t.post.p, (int)when.len,
	    when.p, mk->what, rule_name(mk->rule), (int)mk->citation.len,
	    mk->citation.p, o->t.vacancy_id, days);
	for (size_t i = 0; i < n; i++)
		if ((rc = store_mail_add(tx, to[i], subject, body,
		    app_now(a))) != SEL_OK)
			return rc;
	*queued += (int64_t)n;
	return app_audit(a, tx, ar, NULL, o->t.selection_id, "term_remind",
	    STR(""), app_kv(ar, "vacancy", &o->t.post, "name", &o->t.name,
	    "mark", &key, "days", &left, NULL), app_rule_cited(ar, mk->rule,
	    mk->citation));
}

enum sel_err
app_tenure_remind(struct app *a, struct arena *ar, int64_t *queued)
{
	struct s_term *t;
	struct stx *tx;
	size_t n;
	enum sel_err rc;

	*queued = 0;
	if ((rc = store_begin(a->st, true, &tx)) != SEL_OK)
		return rc;
	rc = store_terms(tx, ar, 0, 0, &t, &n);
	for (size_t i = 0; rc == SEL_OK && i < n; i++) {
		struct tenure_term *o = arena_alloc(ar, sizeof *o);

		if (t[i].ended_on.len > 0)
			continue;
		if ((rc = tenure_fill(a, tx, ar, NULL, &t[i], o)) != SEL_OK)
			break;
		for (size_t k = 0; rc == SEL_OK && k < o->nmarks; k++) {
			int days = ten_window(o->marks[k].on, o->today);

			if (days > 0 && !tenure_done(o, &o->marks[k]))
				rc = remind_one(a, tx, ar, o, &o->marks[k],
				    days, queued);
		}
	}
	if (rc != SEL_OK) {
		store_abort(a->st, tx);
		return rc;
	}
	return app_commit(a, tx);
}
