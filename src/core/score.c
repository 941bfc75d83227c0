/*
 * score.c - weights, final score, ranking, shortlist.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/ckd.h"
#include "core/profile.h"
#include "core/score.h"
#include "base/banned.h"

__extension__ typedef __int128 i128;


/* "77.5" into a small buffer: Indonesian readers see the dot too often
 * in these documents to switch to a comma inside numbers with decimals. */
static const char *
fx(char *b, size_t n, int64_t v)
{
	struct buf t;

	buf_init(&t, 31);
	buf_fixed2(&t, v);
	snprintf(b, n, "%s", t.p != NULL ? t.p : "0");
	buf_release(&t);
	return b;
}

enum sel_err
weights_decode(const struct json *o, struct weights *w, struct diag *d)
{
	memset(w, 0, sizeof(*w));
	if (o->type != JSON_OBJECT)
		return json_fail(d, o, "weights are a JSON object");
	for (int i = 0; i < ST__N; i++) {
		const struct json *v = json_get(o, vocab_stage[i]);

		if (json_absent(v))
			return json_fail_key(d, o, vocab_stage[i], "required "
			    "field is missing");
		if (json_fixed2(d, v, 0, 100 * SCORE_ONE, &w->w[i]) != SEL_OK)
			return SEL_EINVAL;
	}
	return json_str_member(d, o, "adjustment_reason", false, &w->reason,
	    NULL);
}

void
weights_eval(struct arena *a, const struct profile *p,
    const struct weights *w, struct weights_out *out)
{
	const struct prof_rule *rr = profile_rule_any(p, R_SCORE_WEIGHTS);
	const struct prof_rule *rs = profile_rule_any(p, R_SCORE_WEIGHTS_SUM);
	bool adjusted = str_trim(w->reason).len > 0;
	int64_t sum = 0, maxsum = 0, minsum = 0;
	char b1[32], b2[32], b3[32], outside[300];
	size_t off = 0;

	memset(out, 0, sizeof(*out));
	outside[0] = '\0';
	for (int i = 0; i < ST__N; i++)
		sum += w->w[i];
	if (rr != NULL && rr->has_ranges) {
		struct rule_result *x = &out->rules[out->nrules++];

		for (int i = 0; i < ST__N; i++) {
			maxsum += rr->hi[i];
			minsum += rr->lo[i];
			if (w->w[i] >= rr->lo[i] && w->w[i] <= rr->hi[i])
				continue;
			str_appendf(outside, sizeof(outside), &off,
			    "%s%s %s%% di luar %s-%s%%", off ? ", " : "",
			    label_stage[i],
			    fx(b1, sizeof(b1), w->w[i]),
			    fx(b2, sizeof(b2), rr->lo[i]),
			    fx(b3, sizeof(b3), rr->hi[i]));
		}
		x->id = R_SCORE_WEIGHTS;
		x->citation = rr->citation;
		if (off == 0) {
			x->status = RS_PASS;
			x->detail = arena_printf(a, "Setiap bobot berada dalam "
			    "rentangnya.");
		} else if (rr->adjustable && adjusted) {
			x->status = RS_PASS;
			x->detail = arena_printf(a, "Bobot disesuaikan (%s) dengan "
			    "alasan tercatat: %.*s.", outside,
			    (int)w->reason.len, w->reason.p);
		} else {
			x->status = RS_FAIL;
			x->detail = arena_printf(a, "Bobot di luar rentang: %s.%s",
			    outside, rr->adjustable ? " Prosedur ini "
			    "mengizinkan penyesuaian bobot hanya dengan alasan "
			    "yang dicatat (adjustment_reason)." : "");
		}
	}
	if (rs != NULL) {
		struct rule_result *x = &out->rules[out->nrules++];

		x->id = R_SCORE_WEIGHTS_SUM;
		x->citation = rs->citation;
		x->status = sum == 100 * SCORE_ONE ? RS_PASS : RS_FAIL;
		x->detail = arena_printf(a, "Jumlah bobot %s%%; harus 100%%.%s",
		    fx(b1, sizeof(b1), sum), maxsum == 100 * SCORE_ONE &&
		    minsum < maxsum ? " Catatan: batas atas rentang berjumlah "
		    "tepat 100%, sehingga bobot yang berada dalam setiap "
		    "rentang dan berjumlah 100% hanyalah batas atas setiap "
		    "rentang." : "");
	}
	out->valid = true;
	for (size_t i = 0; i < out->nrules; i++)
		out->valid &= out->rules[i].status == RS_PASS;
}

enum sel_err
score_final(const struct weights *w, const struct stage_score s[ST__N],
    int64_t *out)
{
	/* final * 100 = sum_i W_i * (sum_i / count_i) / 10000: one common
	 * denominator, exact in 128 bits, rounded half up once. */
	i128 num = 0, den = 1;

	for (int i = 0; i < ST__N; i++) {
		if (w->w[i] == 0)
			continue;
		if (!s[i].present || s[i].count < 1)
			return SEL_EINVAL;
		if (den % s[i].count != 0) {
			num *= s[i].count;
			den *= s[i].count;
		}
		num += (i128)w->w[i] * s[i].sum * (den / s[i].count);
		if (den > ((i128)1 << 60) || num > ((i128)1 << 120))
			return SEL_ERANGE;
	}
	den *= 10000;
	*out = (int64_t)((2 * num + den) / (2 * den));
	return SEL_OK;
}

int64_t
stage_display(const struct stage_score *s)
{
	return (2 * s->sum + s->count) / (2 * s->count);
}

static enum sel_err
stage_decode(const struct json *v, struct stage_score *s, struct diag *d)
{
	memset(s, 0, sizeof(*s));
	if (v->type == JSON_NUMBER) {
		if (json_fixed2(d, v, 0, 100 * SCORE_ONE, &s->sum) != SEL_OK)
			return SEL_EINVAL;
		s->count = 1;
		s->present = true;
		return SEL_OK;
	}
	if (v->type != JSON_ARRAY)
		return json_fail(d, v, "expected a number or a list of "
		    "members' scores, got %s", json_type_name(v->type));
	for (const struct json *e = v->head; e != NULL; e = e->next) {
		const struct json *sc;
		struct str member;
		bool recused = false;
		int64_t x;

		if (e->type != JSON_OBJECT)
			return json_fail(d, e, "a member's score is a JSON "
			    "object");
		if (json_str_member(d, e, "member", true, &member, NULL) ||
		    json_bool_member(d, e, "recused", false, &recused, NULL))
			return SEL_EINVAL;
		for (const struct json *f = v->head; f != e; f = f->next) {
			const struct json *fm = json_get(f, "member");

			if (fm != NULL && str_eq(fm->s, member))
				return json_fail(d, json_get(e, "member"),
				    "member \"%.*s\" scores twice",
				    (int)member.len, member.p);
		}
		if (recused)
			continue;
		sc = json_get(e, "score");
		if (json_absent(sc))
			return json_fail_key(d, e, "score", "required unless "
			    "the member is recused");
		if (json_fixed2(d, sc, 0, 100 * SCORE_ONE, &x) != SEL_OK)
			return SEL_EINVAL;
		s->sum += x;
		s->count++;
	}
	if (s->count == 0)
		return json_fail(d, v, "no member scored this stage (all "
		    "recused or none listed)");
	s->present = true;
	return SEL_OK;
}

static int
cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	size_t n;
	int c;

	if (x->final != y->final)
		return x->final > y->final ? -1 : 1;
	/* Display order inside a tie: by id; the tie itself stands. */
	n = x->id.len < y->id.len ? x->id.len : y->id.len;
	c = n > 0 ? memcmp(x->id.p, y->id.p, n) : 0;
	if (c != 0)
		return c;
	return x->id.len < y->id.len ? -1 : x->id.len > y->id.len;
}

static void
shortlist(struct arena *a, const struct profile *p, struct rank_out *o)
{
	const struct prof_rule *t = profile_rule_any(p, R_SCORE_TOP3);
	size_t want = t != NULL ? (size_t)t->count : 3, end;
	int proceed = t != NULL ? t->min_to_proceed : (int)want;

	if (o->n < want) {
		o->nshort = o->n;
		o->complete = false;
		o->reason = arena_printf(a, "Hanya %zu peserta dengan nilai; diperlukan "
		    "%zu calon terbaik. %s", o->n, want, (int)o->n >= proceed ?
		    "Profil ini mengizinkan seleksi dilanjutkan dengan jumlah "
		    "ini." : "Profil ini tidak mengizinkan seleksi dilanjutkan "
		    "dengan kurang dari jumlah itu tanpa keputusan lebih "
		    "lanjut.");
		return;
	}
	/* The tie group that holds place `want`: does it run past it? */
	end = want;
	while (end < o->n && o->r[end].final == o->r[want - 1].final)
		end++;
	if (end == want) {
		o->nshort = want;
		o->complete = true;
		return;
	}
	o->nshort = (size_t)o->r[want - 1].rank - 1;
	o->ntied = end - o->nshort;
	o->complete = false;
	o->reason = arena_printf(a, "Nilai akhir sama (%zu peserta) melintasi batas "
	    "%zu terbaik; panitia yang memutuskan.", o->ntied, want);
}

static void
rank_rules(struct arena *a, const struct profile *p, struct rank_out *o)
{
	static const enum rule_id ids[3] = { R_SCORE_FINAL, R_SCORE_TIES,
	    R_SCORE_TOP3 };
	size_t ties = 0;

	for (size_t i = 0; i < o->n; i++)
		ties += o->r[i].tie;
	for (int k = 0; k < 3; k++) {
		const struct prof_rule *r = profile_rule_any(p, ids[k]);
		struct rule_result *x;

		if (r == NULL)
			continue;
		x = &o->rules[o->nrules++];
		x->id = ids[k];
		x->citation = r->citation;
		x->status = k < 2 || o->complete ? RS_PASS : RS_MISSING;
		x->detail = k == 0 ? arena_printf(a, "Nilai akhir = jumlah bobot x nilai "
		    "tahap / 100, dibulatkan setengah ke atas menjadi 2 desimal; "
		    "rata-rata anggota panitia dihitung tepat sampai pembulatan "
		    "itu.") : k == 1 ? arena_printf(a, "%zu peserta memiliki nilai akhir "
		    "yang sama dengan peserta lain; nilai sama ditampilkan "
		    "sebagai seri dan tidak diputus oleh perangkat lunak.", ties)
		    : o->complete ? arena_printf(a, "%zu calon terbaik ditetapkan tanpa "
		    "seri pada batas.", o->nshort) : o->reason;
	}
}

enum sel_err
rank_decode_eval(struct arena *a, const struct profile *p,
    const struct json *o, struct rank_out *out, struct diag *d)
{
	const struct json *wj, *arr;
	struct weights w;
	int64_t sum = 0;

	memset(out, 0, sizeof(*out));
	if (o->type != JSON_OBJECT)
		return json_fail(d, o, "scores are a JSON object");
	if (json_obj_member(d, o, "weights", true, &wj) != SEL_OK ||
	    weights_decode(wj, &w, d) != SEL_OK)
		return SEL_EINVAL;
	for (int i = 0; i < ST__N; i++)
		sum += w.w[i];
	if (sum != 100 * SCORE_ONE)
		return json_fail(d, wj, "the weights add up to %lld.%02lld, "
		    "not 100 (SCORE-WEIGHTS-SUM)", (long long)(sum / 100),
		    (long long)(sum % 100));
	if (json_arr_member(d, o, "candidates", true, &arr) != SEL_OK)
		return SEL_EINVAL;
	out->r = arena_array(a, arr->count, sizeof(*out->r));
	for (const struct json *e = arr->head; e != NULL; e = e->next) {
		struct ranked *r = &out->r[out->n];
		const struct json *sc;

		if (e->type != JSON_OBJECT)
			return json_fail(d, e, "a candidate is a JSON object");
		if (json_str_member(d, e, "id", true, &r->id, NULL) ||
		    json_obj_member(d, e, "scores", true, &sc))
			return SEL_EINVAL;
		for (size_t k = 0; k < out->n; k++)
			if (str_eq(out->r[k].id, r->id))
				return json_fail(d, json_get(e, "id"), "id "
				    "\"%.*s\" appears twice", (int)r->id.len,
				    r->id.p);
		for (int i = 0; i < ST__N; i++) {
			const struct json *v = json_get(sc, vocab_stage[i]);

			if (json_absent(v)) {
				if (w.w[i] != 0)
					return json_fail_key(d, sc,
					    vocab_stage[i], "required: its "
					    "weight is not 0");
				continue;
			}
			if (stage_decode(v, &r->s[i], d) != SEL_OK)
				return SEL_EINVAL;
		}
		if (score_final(&w, r->s, &r->final) != SEL_OK)
			return json_fail(d, sc, "the final score overflows");
		out->n++;
	}
	qsort(out->r, out->n, sizeof(*out->r), cmp_ranked);
	for (size_t i = 0; i < out->n; i++) {
		out->r[i].rank = i > 0 && out->r[i].final == out->r[i - 1].final
		    ? out->r[i - 1].rank : (int)i + 1;
		out->r[i].tie = (i > 0 && out->r[i].final ==
		    out->r[i - 1].final) || (i + 1 < out->n &&
		    out->r[i].final == out->r[i + 1].final);
	}
	shortlist(a, p, out);
	rank_rules(a, p, out);
	return SEL_OK;
}
