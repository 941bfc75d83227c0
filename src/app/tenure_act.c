/*
 * tenure_act.c - the acts on an official's term (tenure.h): each one
 * transaction, the role checked, the core's decision with its rule and
 * citation, the row and its audit event.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "app/app_int.h"
#include "app/tenure.h"
#include "app/tenure_int.h"
#include "base/arena.h"
#include "base/buf.h"
#include "core/profile.h"
#include "core/reuse.h"
#include "base/banned.h"

static const char *const act_words[TA__N] = { "tim", "hasil", "kinerja",
	"mutasi", "akhir" };
static const char *const act_events[TA__N] = { "term_team", "term_outcome",
	"term_perf", "term_move", "term_end" };

enum tenure_act
tenure_act_word(struct str w)
{
	for (int i = 0; i < TA__N; i++)
		if (str_eqc(w, act_words[i]))
			return (enum tenure_act)i;
	return TA__N;
}

struct tctx {
	struct app	*a;
	struct arena	*ar;
	const struct who *w;
	struct stx	*tx;
	struct tenure_term *o;
	const struct form *f;
	struct app_msg	*m;
	const char	**field;
	struct s_by	 by;
	struct str	 after;		/* the event's */
	struct rule_result why;
};

static enum sel_err
bad(struct tctx *c, const char *field, enum sel_err rc, const char *msg)
{
	*c->field = field;
	return app_say(c->m, rc, "%s", msg);
}

/* The core refused: its rule, citation and sentence beside field. */
static enum sel_err
refused(struct tctx *c, const char *field)
{
	*c->field = field;
	if (c->why.citation.len == 0)
		return app_say(c->m, SEL_ESTATE, "Ditolak (%s): %.*s",
		    rule_name(c->why.id), (int)c->why.detail.len,
		    c->why.detail.p);
	return app_say(c->m, c->why.status == RS_MISSING ? SEL_ESTATE :
	    SEL_EINVAL, "Ditolak (%s, %.*s): %.*s", rule_name(c->why.id),
	    (int)c->why.citation.len, c->why.citation.p,
	    (int)c->why.detail.len, c->why.detail.p);
}

/* A day in field name, no later than today. */
static enum sel_err
day(struct tctx *c, const char *name, sel_date *d)
{
	if (date_parse(str_trim(form_get(c->f, name)), d) != SEL_OK)
		return bad(c, name, SEL_EINVAL, "Isi tanggal dengan format "
		    "TTTT-BB-HH, misalnya 2026-12-07.");
	if (*d > c->o->today)
		return bad(c, name, SEL_EINVAL, "Tanggal ini tidak boleh "
		    "setelah hari ini.");
	return SEL_OK;
}

static enum sel_err
text(struct tctx *c, const char *name, const char *label, size_t min,
    size_t max, struct str *out)
{
	*out = str_trim(form_get(c->f, name));
	if (!app_text_valid(*out, max, max > 200) || out->len < min) {
		*c->field = name;
		return app_say(c->m, SEL_EINVAL, "%s wajib diisi (%zu sampai "
		    "%zu karakter).", label, min, max);
	}
	return SEL_OK;
}

/* "yes"/"no" in field name. */
static enum sel_err
yes_no(struct tctx *c, const char *name, const char *msg, bool *out)
{
	struct str v = form_get(c->f, name);

	if (!str_eqc(v, "yes") && !str_eqc(v, "no"))
		return bad(c, name, SEL_EINVAL, msg);
	*out = str_eqc(v, "yes");
	return SEL_OK;
}

static enum sel_err
team(struct tctx *c)
{
	struct ten_member mb[3];
	struct s_term_team t;
	struct buf b;
	sel_date on;
	enum sel_err rc;

	memset(&t, 0, sizeof t);
	if ((rc = day(c, "formed_on", &on)) != SEL_OK ||
	    (rc = text(c, "letter_no", "Nomor keputusan pembentukan tim", 1,
	    200, &t.letter_no)) != SEL_OK)
		return rc;
	for (int i = 0; i < 3; i++) {
		/* in the arena: *c->field outlives the loop */
		const char *name = arena_printf(c->ar, "member_%d", i + 1).p,
		    *kind = arena_printf(c->ar, "kind_%d", i + 1).p;
		struct str k;

		if ((rc = text(c, name, "Nama anggota tim", 3, 200,
		    &mb[i].name)) != SEL_OK)
			return rc;
		k = form_get(c->f, kind);
		if (!str_eqc(k, "external") && !str_eqc(k, "internal"))
			return bad(c, kind, SEL_EINVAL, "Pilih unsur anggota: "
			    "eksternal atau internal.");
		mb[i].external = str_eqc(k, "external");
	}
	if (!ten_team_ok(c->ar, c->o->profile, c->o->tmt, on, mb, 3,
	    &c->why))
		return refused(c, c->why.status == RS_FAIL && on >= c->o->tmt &&
		    on <= reuse_add_months(c->o->end, -3) ? "kind_1" :
		    "formed_on");
	buf_init(&b, 1024);
	for (int i = 0; i < 3; i++)
		buf_printf(&b, "%s%c:%.*s", i > 0 ? "\n" : "",
		    mb[i].external ? 'e' : 'i', (int)mb[i].name.len,
		    mb[i].name.p);
	t.members = arena_printf(c->ar, "%.*s", (int)b.len, b.p);
	buf_release(&b);
	t.formed_on = app_date_iso(c->ar, on);
	t.by = c->by;
	if ((rc = store_term_team_add(c->tx, c->o->t.vacancy_id, &t)) ==
	    SEL_EINVAL)
		return bad(c, "formed_on", SEL_ESTATE, "Tim evaluasi untuk masa "
		    "jabatan ini sudah dicatat.");
	c->after = app_kv(c->ar, "formed_on", &t.formed_on, "letter_no",
	    &t.letter_no, "members", &t.members, NULL);
	return rc;
}

static enum sel_err
outcome(struct tctx *c)
{
	struct s_term_outcome t;
	sel_date on, formed = 0;
	struct str ext;
	enum sel_err rc;

	memset(&t, 0, sizeof t);
	if ((rc = yes_no(c, "extended", "Pilih keputusan: diperpanjang atau "
	    "tidak diperpanjang.", &t.extended)) != SEL_OK ||
	    (rc = text(c, "letter_no", "Nomor keputusan", 1, 200,
	    &t.letter_no)) != SEL_OK ||
	    (rc = day(c, "letter_on", &on)) != SEL_OK)
		return rc;
	t.note = str_trim(form_get(c->f, "note"));
	if (!app_text_valid(t.note, 2000, true))
		return bad(c, "note", SEL_EINVAL, "Catatan paling banyak 2000 "
		    "karakter teks.");
	if (c->o->has_team)
		(void)date_parse(c->o->team.formed_on, &formed);
	if (!ten_outcome_ok(c->ar, c->o->profile, c->o->tmt, formed, on,
	    &c->why))
		return refused(c, "letter_on");
	t.letter_on = app_date_iso(c->ar, on);
	t.by = c->by;
	if ((rc = store_term_outcome_add(c->tx, c->o->t.vacancy_id, &t)) ==
	    SEL_EINVAL)
		return bad(c, "extended", SEL_ESTATE, "Keputusan perpanjangan "
		    "sudah dicatat.");
	ext = str_c(t.extended ? "yes" : "no");
	c->after = app_kv(c->ar, "extended", &ext, "letter_no", &t.letter_no,
	    "letter_on", &t.letter_on, "note", &t.note, NULL);
	return rc;
}

static enum sel_err
perf(struct tctx *c)
{
	struct s_term_perf t;
	struct ten_perf x;
	struct str kind = form_get(c->f, "kind"), met, yr;
	int64_t year = 0;
	enum sel_err rc;

	memset(&t, 0, sizeof t);
	memset(&x, 0, sizeof x);
	if (!str_eqc(kind, "year") && !str_eqc(kind, "improve"))
		return bad(c, "kind", SEL_EINVAL, "Pilih jenis penilaian: "
		    "kinerja tahunan atau hasil masa perbaikan.");
	x.kind = str_eqc(kind, "year") ? TP_YEAR : TP_IMPROVE;
	if (x.kind == TP_YEAR && parse_i64(str_trim(form_get(c->f, "year")),
	    1, 10, &year) != SEL_OK)
		return bad(c, "year", SEL_EINVAL, "Isi tahun ke berapa dalam "
		    "jabatan (1 sampai 10).");
	x.year = (int)year;
	if ((rc = yes_no(c, "met", "Pilih hasil: memenuhi atau tidak "
	    "memenuhi perjanjian kinerja.", &x.met)) != SEL_OK ||
	    (rc = day(c, "assessed_on", &x.on)) != SEL_OK)
		return rc;
	t.note = str_trim(form_get(c->f, "note"));
	if (!app_text_valid(t.note, 2000, true))
		return bad(c, "note", SEL_EINVAL, "Catatan paling banyak 2000 "
		    "karakter teks.");
	if (!ten_perf_ok(c->ar, c->o->profile, c->o->tmt, tenure_perfs(c->ar,
	    c->o->perf, c->o->nperf), c->o->nperf, &x, &c->why))
		return refused(c, c->why.status == RS_MISSING ? "kind" :
		    "assessed_on");
	t.kind = kind;
	t.year = year;
	t.met = x.met;
	t.assessed_on = app_date_iso(c->ar, x.on);
	t.by = c->by;
	if ((rc = store_term_perf_add(c->tx, c->o->t.vacancy_id, &t)) !=
	    SEL_OK)
		return rc;
	met = str_c(x.met ? "yes" : "no");
	yr = arena_printf(c->ar, "%" PRId64, year);
	c->after = app_kv(c->ar, "kind", &kind, "year", &yr, "met", &met,
	    "assessed_on", &t.assessed_on, "note", &t.note, "decision",
	    &c->why.detail, NULL);
	return SEL_OK;
}

static enum sel_err
end_add(struct tctx *c, sel_date on, struct str reason, bool exception,
    struct str note)
{
	struct s_term_end e = { app_date_iso(c->ar, on), reason, note,
	    exception, c->by };
	enum sel_err rc = store_term_end_add(c->tx, c->o->t.vacancy_id, &e);

	if (rc == SEL_EINVAL)
		return bad(c, "ended_on", SEL_ESTATE, "Akhir masa jabatan "
		    "sudah dicatat.");
	return rc;
}

static enum sel_err
move(struct tctx *c)
{
	struct s_term_move t;
	sel_date on;
	enum sel_err rc;

	memset(&t, 0, sizeof t);
	if ((rc = day(c, "moved_on", &on)) != SEL_OK ||
	    (rc = text(c, "to_post", "Jabatan tujuan", 3, 200, &t.to_post)) !=
	    SEL_OK ||
	    (rc = text(c, "decree_no", "Nomor keputusan mutasi", 1, 200,
	    &t.decree_no)) != SEL_OK ||
	    (rc = text(c, "coordination", "Surat koordinasi dengan instansi "
	    "pengawas", 1, 200, &t.coordination)) != SEL_OK)
		return rc;
	if (!ten_move_ok(c->ar, c->o->profile, c->o->tmt, c->o->inaugurated,
	    on, form_has(c->f, "tested", STR("1")), &c->why))
		return refused(c, c->why.status == RS_FAIL &&
		    !form_has(c->f, "tested", STR("1")) ? "tested" :
		    "moved_on");
	t.moved_on = app_date_iso(c->ar, on);
	t.by = c->by;
	if ((rc = store_term_move_add(c->tx, c->o->t.vacancy_id, &t)) !=
	    SEL_OK || (rc = end_add(c, on - 1, STR("moved"), false,
	    t.to_post)) != SEL_OK)
		return rc;
	c->after = app_kv(c->ar, "moved_on", &t.moved_on, "to_post",
	    &t.to_post, "decree_no", &t.decree_no, "coordination",
	    &t.coordination, NULL);
	return SEL_OK;
}

/* c->why for TEN-5Y with the profile's citation, failed. */
static void
start5y(struct tctx *c)
{
	const struct prof_rule *r = profile_rule_any(c->o->profile, R_TEN_5Y);

	c->why.id = R_TEN_5Y;
	c->why.status = RS_FAIL;
	c->why.citation = r != NULL ? r->citation : STR("");
}

static enum sel_err
end(struct tctx *c)
{
	static const char *const reasons[] = { "completed", "replaced",
	    "dismissed", "retired", "resigned", "deceased", NULL };
	struct str reason = form_get(c->f, "reason"), note, exc, day_iso;
	bool exception = form_has(c->f, "exception", STR("1")), known = false;
	sel_date on;
	enum sel_err rc;

	for (int i = 0; reasons[i] != NULL; i++)
		known |= str_eqc(reason, reasons[i]);
	if (!known)
		return bad(c, "reason", SEL_EINVAL, "Pilih sebab berakhirnya "
		    "masa jabatan.");
	if ((rc = day(c, "ended_on", &on)) != SEL_OK)
		return rc;
	if (on < c->o->tmt)
		return bad(c, "ended_on", SEL_EINVAL, "Tanggal ini tidak boleh "
		    "sebelum TMT.");
	note = str_trim(form_get(c->f, "note"));
	if (!app_text_valid(note, 2000, true))
		return bad(c, "note", SEL_EINVAL, "Catatan paling banyak 2000 "
		    "karakter teks.");
	/* TEN-5Y: not past the 5 years without an extension */
	if (on > c->o->end && !(c->o->has_outcome && c->o->outcome.extended)) {
		start5y(c);
		c->why.detail = arena_printf(c->ar, "Tanpa keputusan "
		    "perpanjangan masa jabatan berakhir paling lambat %s.",
		    app_date_text(c->ar, c->o->end).p);
		return refused(c, "ended_on");
	}
	/* TEN-5Y: a term completed ends on its last day (or later when
	   extended), not before */
	if (str_eqc(reason, "completed") && on < c->o->end) {
		start5y(c);
		c->why.detail = arena_printf(c->ar, "Masa jabatan 5 tahun "
		    "selesai pada %s; sebelum itu pilih sebab lain.",
		    app_date_text(c->ar, c->o->end).p);
		return refused(c, "ended_on");
	}
	/* TEN-2Y-LOCK, PRAC-NO-REPLACE-2Y: the PPK replacing the official */
	if ((str_eqc(reason, "replaced") || str_eqc(reason, "dismissed")) &&
	    !ten_replace_ok(c->ar, c->o->profile, c->o->inaugurated, on,
	    exception, &c->why))
		return refused(c, "exception");
	if (exception && !str_eqc(reason, "replaced") &&
	    !str_eqc(reason, "dismissed"))
		return bad(c, "exception", SEL_EINVAL, "Pengecualian hanya untuk "
		    "penggantian atau pemberhentian oleh PPK.");
	if ((rc = end_add(c, on, reason, exception, note)) != SEL_OK)
		return rc;
	exc = str_c(exception ? "yes" : "no");
	day_iso = app_date_iso(c->ar, on);
	c->after = app_kv(c->ar, "ended_on", &day_iso, "reason", &reason,
	    "exception", &exc, "note", &note, NULL);
	return SEL_OK;
}

static const enum rule_id act_rules[TA__N] = { R_TEN_EVAL, R_TEN_5Y,
	R_TEN_PERF, R_TEN_MUTATION, R_TEN_5Y };

enum sel_err
app_tenure_act(struct app *a, struct arena *ar, const struct who *w,
    int64_t vac, enum tenure_act act, const struct form *f,
    struct app_msg *m, const char **field)
{
	static enum sel_err (*const fns[TA__N])(struct tctx *) = { team,
	    outcome, perf, move, end };
	struct tenure_term *o = arena_alloc(ar, sizeof *o);
	const char *none = NULL;
	struct tctx c = { a, ar, w, NULL, o, f, m, field != NULL ? field :
	    &none, { 0, STR(""), STR("") }, STR(""), { act_rules[act < TA__N ?
	    act : 0], RS_PASS, STR(""), STR("") } };
	struct s_term *t;
	size_t n;
	enum sel_err rc;

	*c.field = NULL;
	if (act >= TA__N)
		return app_say(m, SEL_ENOENT, "Halaman tidak ada.");
	if ((rc = store_begin(a->st, true, &c.tx)) != SEL_OK)
		return rc;
	rc = store_terms(c.tx, ar, 0, vac, &t, &n);
	if (rc == SEL_OK && n == 0)
		rc = app_say(m, SEL_ENOENT, "Masa jabatan tidak ditemukan.");
	if (rc == SEL_OK)
		rc = tenure_fill(a, c.tx, ar, w, &t[0], o);
	if (rc == SEL_OK && !app_may(w, act == TA_OUTCOME ? ACT_TENURE_DECIDE :
	    ACT_TENURE_RECORD, t[0].region_id, t[0].selection_id))
		rc = app_say(m, SEL_EPERM, act == TA_OUTCOME ? "Perpanjangan "
		    "masa jabatan diputuskan oleh PPK." : "Masa jabatan "
		    "dicatat oleh BKPSDM (sekretariat).");
	else if (rc == SEL_OK && o->has_end)
		rc = app_say(m, SEL_ESTATE, "Masa jabatan ini sudah berakhir; "
		    "tidak ada lagi yang dicatat.");
	if (rc == SEL_OK) {
		c.by = (struct s_by){ w->account_id, app_iso(ar, app_now(a)),
		    w->name };
		rc = fns[act](&c);
	}
	if (rc == SEL_OK && c.why.citation.len == 0 &&
	    profile_rule_any(o->profile, c.why.id) != NULL)
		c.why.citation = profile_rule_any(o->profile, c.why.id)->citation;
	if (rc == SEL_OK)
		rc = app_audit(a, c.tx, ar, w, t[0].selection_id,
		    act_events[act], STR(""), c.after, app_rule_cited(ar,
		    c.why.id, c.why.citation));
	if (rc != SEL_OK) {
		store_abort(a->st, c.tx);
		return rc;
	}
	return app_commit(a, c.tx);
}
