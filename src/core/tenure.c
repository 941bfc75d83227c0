/*
 * tenure.c - an official's term: its dates and the decisions on what is
 * recorded during it (tenure.h).
 */
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "core/profile.h"
#include "core/reuse.h"
#include "core/tenure.h"
#include "base/banned.h"

const int ten_windows[TEN_NWINDOWS] = { 7, 30, 90 };

sel_date
ten_end(sel_date tmt)
{
	return reuse_add_months(tmt, 60) - 1;
}

static void
mark(const struct profile *p, enum rule_id id, sel_date on, const char *key,
    const char *what, struct ten_mark *out, size_t *n)
{
	const struct prof_rule *r = profile_rule_any(p, id);

	if (r == NULL || *n >= TEN_MAX_MARKS)
		return;
	out[*n].rule = id;
	out[*n].citation = r->citation;
	out[*n].on = on;
	out[*n].what = what;
	out[*n].key = key;
	(*n)++;
}

/* The day the years in the post count from (tenure.h). */
static sel_date
in_post(sel_date tmt, sel_date inaugurated)
{
	return inaugurated > tmt ? inaugurated : tmt;
}

size_t
ten_marks(const struct profile *p, sel_date tmt, sel_date inaugurated,
    struct ten_mark out[TEN_MAX_MARKS])
{
	const struct prof_rule *mv = profile_rule_any(p, R_TEN_MUTATION),
	    *nr = profile_rule_any(p, R_PRAC_NO_REPLACE_2Y);
	sel_date end = ten_end(tmt), from = in_post(tmt, inaugurated);
	size_t n = 0;

	mark(p, R_TEN_2Y_LOCK, reuse_add_months(inaugurated, 24) - 1, "lock",
	    "Hari terakhir pejabat tidak dapat diganti (kecuali melanggar "
	    "hukum dan tidak lagi memenuhi syarat jabatan)", out, &n);
	if (nr != NULL && nr->years > 0)
		mark(p, R_PRAC_NO_REPLACE_2Y, reuse_add_months(inaugurated,
		    12 * nr->years) - 1, "norepl", "Hari terakhir larangan "
		    "mengganti pejabat pimpinan tinggi sejak pelantikan "
		    "(praktik nasional)", out, &n);
	mark(p, R_TEN_PERF, reuse_add_months(tmt, 12) - 1, "perf1", "Akhir "
	    "tahun pertama dalam jabatan: penilaian capaian kinerja yang "
	    "diperjanjikan", out, &n);
	mark(p, R_TEN_MONITOR, reuse_add_months(tmt, 24) - 1, "monitor",
	    "Hari terakhir pemantauan dan evaluasi pejabat terpilih", out, &n);
	if (mv != NULL && mv->min > 0)
		mark(p, R_TEN_MUTATION, reuse_add_months(from, 12 * mv->min),
		    "move_from", "Mulai dapat dimutasi ke JPT lain melalui uji "
		    "kompetensi", out, &n);
	if (mv != NULL && mv->max > 0)
		mark(p, R_TEN_MUTATION, reuse_add_months(from, 12 * mv->max) -
		    1, "move_until", "Hari terakhir dapat dimutasi ke JPT lain",
		    out, &n);
	mark(p, R_TEN_EVAL, reuse_add_months(end, -3), "eval", "Evaluasi "
	    "perpanjangan oleh tim (1 orang eksternal, 2 orang internal): "
	    "3 bulan sebelum masa jabatan berakhir", out, &n);
	mark(p, R_TEN_5Y, end, "5y", "Hari terakhir masa jabatan 5 tahun",
	    out, &n);
	/* date order: the marks are few */
	for (size_t i = 1; i < n; i++)
		for (size_t k = i; k > 0 && out[k].on < out[k - 1].on; k--) {
			struct ten_mark t = out[k];

			out[k] = out[k - 1];
			out[k - 1] = t;
		}
	return n;
}

/* "22 November 2031" in the arena. */
static const char *
day(struct arena *a, sel_date d)
{
	struct buf b;
	const char *s;

	buf_init(&b, 64);
	date_id(&b, d);
	s = arena_printf(a, "%.*s", (int)b.len, b.p != NULL ? b.p : "").p;
	buf_release(&b);
	return s;
}

/* why for rule id of p: RS_PASS, its citation, no sentence yet; the
   profile's entry or NULL. */
static const struct prof_rule *
start(const struct profile *p, enum rule_id id, struct rule_result *why)
{
	const struct prof_rule *r = profile_rule_any(p, id);

	memset(why, 0, sizeof *why);
	why->id = id;
	why->status = RS_PASS;
	why->citation = r != NULL ? r->citation : STR("");
	return r;
}

static bool
fail(struct rule_result *why, struct str detail)
{
	why->status = RS_FAIL;
	why->detail = detail;
	return false;
}

static bool
absent(struct arena *a, struct rule_result *why, const char *what)
{
	why->status = RS_MISSING;
	why->detail = arena_printf(a, "Peraturan daerah ini tidak mengatur "
	    "%s (%s).", what, rule_name(why->id));
	return false;
}

bool
ten_replace_ok(struct arena *a, const struct profile *p, sel_date inaug,
    sel_date on, bool exception, struct rule_result *why)
{
	static const enum rule_id ids[] = { R_TEN_2Y_LOCK,
	    R_PRAC_NO_REPLACE_2Y };

	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		const struct prof_rule *r = start(p, ids[i], why);
		int years = ids[i] == R_TEN_2Y_LOCK ? 2 : r != NULL ?
		    r->years : 0;
		sel_date last;

		if (r == NULL || years <= 0)
			continue;
		last = reuse_add_months(inaug, 12 * years) - 1;
		if (on > last || exception)
			continue;
		return fail(why, arena_printf(a, "Pejabat tidak dapat diganti "
		    "dalam %d tahun sejak pelantikan (sampai dengan %s), "
		    "kecuali melanggar ketentuan peraturan perundang-undangan "
		    "dan tidak lagi memenuhi syarat jabatan.", years,
		    day(a, last)));
	}
	start(p, R_TEN_2Y_LOCK, why);
	why->detail = arena_printf(a, "Penggantian pada %s tidak terhalang "
	    "larangan 2 tahun sejak pelantikan%s.", day(a, on), exception ?
	    " (melanggar ketentuan dan tidak lagi memenuhi syarat jabatan)" :
	    "");
	return true;
}

bool
ten_team_ok(struct arena *a, const struct profile *p, sel_date tmt,
    sel_date formed_on, const struct ten_member *m, size_t n,
    struct rule_result *why)
{
	sel_date eval = reuse_add_months(ten_end(tmt), -3);
	size_t ext = 0, in = 0;

	if (start(p, R_TEN_EVAL, why) == NULL)
		return absent(a, why, "tim evaluasi perpanjangan");
	for (size_t i = 0; i < n; i++) {
		*(m[i].external ? &ext : &in) += 1;
		for (size_t k = 0; k < i; k++)
			if (str_eq(m[i].name, m[k].name))
				return fail(why, arena_printf(a, "Anggota tim "
				    "harus tiga orang yang berbeda."));
	}
	if (ext != 1 || in != 2)
		return fail(why, arena_printf(a, "Tim evaluasi terdiri dari 1 "
		    "orang eksternal dan 2 orang internal (tercatat %zu "
		    "eksternal, %zu internal).", ext, in));
	if (formed_on < tmt)
		return fail(why, arena_printf(a, "Tim tidak dapat dibentuk "
		    "sebelum TMT (%s).", day(a, tmt)));
	if (formed_on > eval)
		return fail(why, arena_printf(a, "Evaluasi dilakukan 3 bulan "
		    "sebelum masa jabatan berakhir: tim dibentuk paling lambat "
		    "%s.", day(a, eval)));
	why->detail = arena_printf(a, "Tim 1 orang eksternal dan 2 orang "
	    "internal dibentuk %s, sebelum evaluasi %s.", day(a, formed_on),
	    day(a, eval));
	return true;
}

bool
ten_outcome_ok(struct arena *a, const struct profile *p, sel_date tmt,
    sel_date team, sel_date decided_on, struct rule_result *why)
{
	sel_date end = ten_end(tmt);

	if (profile_rule_any(p, R_TEN_EVAL) != NULL && team == 0) {
		start(p, R_TEN_EVAL, why);
		return fail(why, arena_printf(a, "Perpanjangan diputuskan "
		    "setelah evaluasi oleh tim: catat tim evaluasi lebih "
		    "dahulu."));
	}
	if (team != 0 && decided_on < team) {
		start(p, R_TEN_EVAL, why);
		return fail(why, arena_printf(a, "Keputusan tidak boleh "
		    "sebelum tim evaluasi dibentuk (%s).", day(a, team)));
	}
	if (start(p, R_TEN_5Y, why) == NULL)
		return absent(a, why, "batas masa jabatan");
	if (decided_on > end)
		return fail(why, arena_printf(a, "Keputusan perpanjangan "
		    "diambil paling lambat hari terakhir masa jabatan (%s).",
		    day(a, end)));
	why->detail = arena_printf(a, "Masa jabatan 5 tahun berakhir %s.",
	    day(a, end));
	return true;
}

void
ten_perf_state(const struct ten_perf *r, size_t n, struct ten_perf_state *s)
{
	memset(s, 0, sizeof *s);
	for (size_t i = 0; i < n; i++) {
		if (r[i].kind == TP_YEAR && !r[i].met && !s->improving &&
		    !s->test_due) {
			s->improving = true;
			s->improve_until = reuse_add_months(r[i].on, 6) - 1;
		} else if (r[i].kind == TP_IMPROVE && s->improving) {
			s->improving = false;
			s->test_due = !r[i].met;
			s->test_from = s->test_due ? s->improve_until + 1 : 0;
		}
	}
}

bool
ten_perf_ok(struct arena *a, const struct profile *p, sel_date tmt,
    const struct ten_perf *r, size_t n, const struct ten_perf *x,
    struct rule_result *why)
{
	struct ten_perf_state s;
	sel_date last;

	if (start(p, R_TEN_PERF, why) == NULL)
		return absent(a, why, "penilaian kinerja dalam jabatan");
	ten_perf_state(r, n, &s);
	if (x->kind == TP_YEAR) {
		if (x->year < 1 || x->year > 10)
			return fail(why, arena_printf(a, "Tahun dalam jabatan "
			    "antara 1 dan 10."));
		for (size_t i = 0; i < n; i++)
			if (r[i].kind == TP_YEAR && r[i].year == x->year)
				return fail(why, arena_printf(a, "Hasil kinerja "
				    "tahun ke-%d sudah dicatat.", x->year));
		last = reuse_add_months(tmt, 12 * x->year) - 1;
		if (x->on < last)
			return fail(why, arena_printf(a, "Kinerja tahun ke-%d "
			    "dinilai pada atau setelah hari terakhirnya (%s).",
			    x->year, day(a, last)));
		why->detail = x->met ? arena_printf(a, "Kinerja tahun ke-%d "
		    "memenuhi perjanjian kinerja.", x->year) : arena_printf(a,
		    "Kinerja tahun ke-%d tidak memenuhi perjanjian kinerja: "
		    "kesempatan memperbaiki 6 bulan sampai dengan %s, "
		    "kemudian uji kompetensi bila tidak membaik.", x->year,
		    day(a, s.improving || s.test_due ? x->on :
		    reuse_add_months(x->on, 6) - 1));
		return true;
	}
	if (!s.improving)
		return fail(why, arena_printf(a, "Tidak ada masa perbaikan "
		    "kinerja yang berjalan."));
	if (x->on < s.improve_until)
		return fail(why, arena_printf(a, "Hasil perbaikan kinerja "
		    "dinilai pada atau setelah akhir masa 6 bulan (%s).",
		    day(a, s.improve_until)));
	why->detail = x->met ? arena_printf(a, "Kinerja membaik dalam 6 "
	    "bulan.") : arena_printf(a, "Kinerja tidak membaik dalam 6 bulan: "
	    "pejabat mengikuti uji kompetensi ulang mulai %s, lalu dapat "
	    "dipindahkan sesuai kompetensinya atau ke jabatan lebih rendah.",
	    day(a, s.improve_until + 1));
	return true;
}

bool
ten_move_ok(struct arena *a, const struct profile *p, sel_date tmt,
    sel_date inaug, sel_date moved_on, bool tested, struct rule_result *why)
{
	const struct prof_rule *r = start(p, R_TEN_MUTATION, why);
	sel_date from = in_post(tmt, inaug), lo, hi;

	if (r == NULL)
		return absent(a, why, "mutasi antar-JPT");
	if (!tested)
		return fail(why, arena_printf(a, "Mutasi antar-JPT dilakukan "
		    "melalui uji kompetensi: catat bahwa pejabat lulus uji "
		    "kompetensi."));
	lo = r->min > 0 ? reuse_add_months(from, 12 * r->min) : from;
	hi = r->max > 0 ? reuse_add_months(from, 12 * r->max) - 1 : 0;
	if (moved_on < lo)
		return fail(why, arena_printf(a, "Mutasi antar-JPT paling "
		    "cepat setelah %d tahun dalam jabatan (mulai %s).", r->min,
		    day(a, lo)));
	if (hi != 0 && moved_on > hi)
		return fail(why, arena_printf(a, "Mutasi antar-JPT paling lama "
		    "setelah %d tahun dalam jabatan (sampai dengan %s).",
		    r->max, day(a, hi)));
	why->detail = arena_printf(a, "Mutasi pada %s memenuhi masa dalam "
	    "jabatan.", day(a, moved_on));
	return true;
}

bool
ten_monitoring(struct arena *a, const struct profile *p, sel_date tmt,
    sel_date on, struct rule_result *why)
{
	sel_date last = reuse_add_months(tmt, 24) - 1;

	if (start(p, R_TEN_MONITOR, why) == NULL) {
		absent(a, why, "pemantauan pejabat terpilih");
		return false;
	}
	if (on > last) {
		why->detail = arena_printf(a, "Pemantauan dan evaluasi berakhir "
		    "%s (paling lama 2 tahun).", day(a, last));
		return false;
	}
	why->detail = arena_printf(a, "Pemantauan dan evaluasi berjalan "
	    "sampai dengan %s.", day(a, last));
	return true;
}

int
ten_window(sel_date on, sel_date today)
{
	int64_t left = (int64_t)on - today;

	for (int i = 0; i < TEN_NWINDOWS; i++)
		if (left >= 0 && left <= ten_windows[i])
			return ten_windows[i];
	return 0;
}
