/*
 * test_score.c - core/score: SCORE-WEIGHTS and SCORE-WEIGHTS-SUM at their
 * boundaries, SCORE-FINAL (exact means, one half-up rounding, recused
 * members), SCORE-TIES (shared ranks, never broken) and SCORE-TOP3 (a tie
 * across the cut, fewer than 3 candidates).  REGULATIONS.md §11.
 */
#include <stdio.h>
#include <string.h>

#include "core/profile.h"
#include "core/score.h"
#include "t.h"
#include "base/banned.h"

#define W_MAX	"{\"paper\": 20, \"assessment\": 25, \"interview\": 35, "	\
		"\"track_record\": 20}"

/* A candidate whose four stage scores are all s (its final is s). */
#define FLAT(id, s)							\
	"{\"id\": \"" id "\", \"scores\": {\"paper\": " s ", "		\
	"\"assessment\": " s ", \"interview\": " s ", "			\
	"\"track_record\": " s "}}"

static const struct weights_out *
weigh(struct arena *a, const struct profile *p, const char *json)
{
	struct weights w;
	struct weights_out *o = arena_alloc(a, sizeof(*o));
	struct diag d;

	if (weights_decode(t_json(a, json), &w, &d) != SEL_OK)
		fail_msg("weights: %s", d.msg);
	weights_eval(a, p, &w, o);
	return o;
}

static const struct rank_out *
rank(struct arena *a, const struct profile *p, const char *weights,
    const char *candidates)
{
	struct rank_out *o = arena_alloc(a, sizeof(*o));
	size_t n = strlen(weights) + strlen(candidates) + 64;
	char *text = arena_alloc(a, n);
	struct diag d;

	snprintf(text, n, "{\"weights\": %s,\n \"candidates\": [%s]}",
	    weights, candidates);
	if (rank_decode_eval(a, p, t_json(a, text), o, &d) != SEL_OK)
		fail_msg("rank: line %u: %s\n%s", d.line, d.msg, text);
	return o;
}

static const struct ranked *
find(const struct rank_out *o, const char *id)
{
	static const struct ranked none;

	for (size_t i = 0; i < o->n; i++)
		if (str_eqc(o->r[i].id, id))
			return &o->r[i];
	fail_msg("no candidate %s", id);
	return &none;			/* not reached: fail_msg longjmps */
}

/* The rank order as "A B C", the shortlist and the tied ids likewise. */
static void
assert_order(const struct rank_out *o, const char *order,
    const char *ranks, const char *shortlist, const char *tied)
{
	char got[256], rk[256], sl[256], td[256];
	size_t g = 0, k = 0, s = 0, t = 0;

	got[0] = rk[0] = sl[0] = td[0] = '\0';
	for (size_t i = 0; i < o->n; i++) {
		g += (size_t)snprintf(got + g, sizeof(got) - g, "%s%.*s",
		    i ? " " : "", (int)o->r[i].id.len, o->r[i].id.p);
		k += (size_t)snprintf(rk + k, sizeof(rk) - k, "%s%d",
		    i ? " " : "", o->r[i].rank);
	}
	for (size_t i = 0; i < o->nshort; i++)
		s += (size_t)snprintf(sl + s, sizeof(sl) - s, "%s%.*s",
		    i ? " " : "", (int)o->r[i].id.len, o->r[i].id.p);
	for (size_t i = o->nshort; i < o->nshort + o->ntied; i++)
		t += (size_t)snprintf(td + t, sizeof(td) - t, "%s%.*s",
		    i > o->nshort ? " " : "", (int)o->r[i].id.len,
		    o->r[i].id.p);
	assert_string_equal(got, order);
	assert_string_equal(rk, ranks);
	assert_string_equal(sl, shortlist);
	assert_string_equal(td, tied);
}

/* Demak's maxima 20/25/35/20: inside every range and adding to 100. */
static void
test_weights_maxima(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct weights_out *o = weigh(a, p, W_MAX);

	assert_true(o->valid);
	assert_int_equal(o->nrules, 2);
	assert_int_equal(o->rules[0].id, R_SCORE_WEIGHTS);
	t_status(&o->rules[0], RS_PASS, "ranges");
	t_contains(o->rules[0].citation, "Perbup Demak 47/2022 Pasal 16");
	assert_int_equal(o->rules[1].id, R_SCORE_WEIGHTS_SUM);
	t_status(&o->rules[1], RS_PASS, "sum");
	t_contains(o->rules[1].detail, "Jumlah bobot 100%");
	/* The software shows that only the maxima satisfy both rules. */
	t_contains(o->rules[1].detail, "batas atas rentang berjumlah tepat "
	    "100%");
}

/* The minima 15/20/30/15 are inside the ranges but add up to 80. */
static void
test_weights_minima(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct weights_out *o = weigh(a, t_profile(a, "demak-2022"),
	    "{\"paper\": 15, \"assessment\": 20, \"interview\": 30, "
	    "\"track_record\": 15}");

	assert_false(o->valid);
	t_status(&o->rules[0], RS_PASS, "ranges");
	t_status(&o->rules[1], RS_FAIL, "sum");
	t_contains(o->rules[1].detail, "Jumlah bobot 80%; harus 100%");
}

/* 19.99 / 20.00 / 20.01 against the 20% ceiling and the 100% sum. */
static void
test_weights_boundaries(void **state)
{
	static const struct {
		const char	*w;
		enum rule_status ranges, sum;
		const char	*detail;	/* in the failing rule */
	} rows[] = {
		{ "{\"paper\": 19.99, \"assessment\": 25, \"interview\": 35, "
		  "\"track_record\": 20}", RS_PASS, RS_FAIL,
		  "Jumlah bobot 99.99%" },
		{ "{\"paper\": 20.00, \"assessment\": 25, \"interview\": 35, "
		  "\"track_record\": 20}", RS_PASS, RS_PASS, NULL },
		{ "{\"paper\": 20.01, \"assessment\": 25, \"interview\": 35, "
		  "\"track_record\": 20}", RS_FAIL, RS_FAIL,
		  "makalah 20.01% di luar 15-20%" },
		{ "{\"paper\": 20.01, \"assessment\": 25, \"interview\": 35, "
		  "\"track_record\": 19.99}", RS_FAIL, RS_PASS,
		  "makalah 20.01% di luar 15-20%" },
		{ "{\"paper\": 14.99, \"assessment\": 25, \"interview\": 35, "
		  "\"track_record\": 20}", RS_FAIL, RS_FAIL,
		  "makalah 14.99% di luar 15-20%" },
		{ "{\"paper\": 15, \"assessment\": 25, \"interview\": 35, "
		  "\"track_record\": 20}", RS_PASS, RS_FAIL, "95%" },
		{ "{\"paper\": 20, \"assessment\": 25.01, \"interview\": 34.99, "
		  "\"track_record\": 20}", RS_FAIL, RS_PASS,
		  "assessment center 25.01% di luar 20-25%" },
		{ "{\"paper\": 20, \"assessment\": 19.99, \"interview\": 40.01, "
		  "\"track_record\": 20}", RS_FAIL, RS_PASS,
		  "assessment center 19.99% di luar 20-25%, wawancara 40.01% di "
		  "luar 30-35%" },
		{ "{\"paper\": 20, \"assessment\": 25, \"interview\": 35, "
		  "\"track_record\": 20.01}", RS_FAIL, RS_FAIL,
		  "rekam jejak 20.01% di luar 15-20%" },
		{ "{\"paper\": 0, \"assessment\": 0, \"interview\": 100, "
		  "\"track_record\": 0}", RS_FAIL, RS_PASS, "makalah 0%" },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct weights_out *o = weigh(a, p, rows[i].w);
		char ctx[40];

		snprintf(ctx, sizeof(ctx), "row %zu", i);
		t_status(&o->rules[0], rows[i].ranges, ctx);
		t_status(&o->rules[1], rows[i].sum, ctx);
		assert_int_equal(o->valid, rows[i].ranges == RS_PASS &&
		    rows[i].sum == RS_PASS);
		if (rows[i].detail != NULL)
			t_contains(o->rules[rows[i].ranges == RS_FAIL ? 0 :
			    1].detail, rows[i].detail);
	}
}

/* Covid procedures: weights outside the ranges with a recorded reason. */
static void
test_weights_adjusted(void **state)
{
	static const struct {
		const char	*reason;	/* JSON, or NULL: absent */
		enum rule_status want;
		const char	*detail;
	} rows[] = {
		{ "\"wawancara daring lebih menentukan\"", RS_PASS,
		  "Bobot disesuaikan" },
		{ NULL, RS_FAIL, "adjustment_reason" },
		{ "null", RS_FAIL, "adjustment_reason" },
		{ "\"  \"", RS_FAIL, "adjustment_reason" },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022-covid");
	const struct profile *n = t_profile(a, "demak-2022");

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		char w[256];
		const struct weights_out *o;

		snprintf(w, sizeof(w), "{\"paper\": 10, \"assessment\": 30, "
		    "\"interview\": 40, \"track_record\": 20%s%s}",
		    rows[i].reason != NULL ? ", \"adjustment_reason\": " : "",
		    rows[i].reason != NULL ? rows[i].reason : "");
		o = weigh(a, p, w);
		t_status(&o->rules[0], rows[i].want, w);
		t_contains(o->rules[0].detail, rows[i].detail);
		t_status(&o->rules[1], RS_PASS, "sum");
		/* The normal procedure never accepts it. */
		o = weigh(a, n, w);
		t_status(&o->rules[0], RS_FAIL, "normal procedure");
	}
	/* A reason does not excuse a sum other than 100. */
	t_status(&weigh(a, p, "{\"paper\": 10, \"assessment\": 30, "
	    "\"interview\": 40, \"track_record\": 10, \"adjustment_reason\": "
	    "\"x\"}")->rules[1], RS_FAIL, "sum 90");
}

/* Pontianak sets no ranges: only the sum is checked. */
static void
test_weights_sum_only(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pontianak-2015");
	const struct weights_out *o = weigh(a, p, "{\"paper\": 10, "
	    "\"assessment\": 10, \"interview\": 70, \"track_record\": 10}");

	assert_int_equal(o->nrules, 1);
	assert_int_equal(o->rules[0].id, R_SCORE_WEIGHTS_SUM);
	t_status(&o->rules[0], RS_PASS, "100");
	t_not_contains(o->rules[0].detail, "batas atas");
	assert_true(o->valid);
	o = weigh(a, p, "{\"paper\": 10, \"assessment\": 10, \"interview\": "
	    "70, \"track_record\": 10.01}");
	t_status(&o->rules[0], RS_FAIL, "100.01");
	t_contains(o->rules[0].detail, "100.01%");
}

static void
test_weights_decode_errors(void **state)
{
	static const struct {
		const char	*json;
		const char	*msg;
	} rows[] = {
		{ "{\"paper\": 20, \"assessment\": 25, \"interview\": 35}",
		  "track_record: required field is missing" },
		{ "{\"paper\": null, \"assessment\": 25, \"interview\": 35, "
		  "\"track_record\": 20}", "paper: required field is missing" },
		{ "{\"paper\": 20.001, \"assessment\": 25, \"interview\": 35, "
		  "\"track_record\": 20}", "paper: expected a number with at "
		  "most 2 decimals, got 20.001" },
		{ "{\"paper\": 100.01, \"assessment\": 25, \"interview\": 35, "
		  "\"track_record\": 20}", "paper: 100.01 is outside 0..100" },
		{ "{\"paper\": -1, \"assessment\": 25, \"interview\": 35, "
		  "\"track_record\": 20}", "paper: -1 is outside 0..100" },
		{ "{\"paper\": \"20\", \"assessment\": 25, \"interview\": 35, "
		  "\"track_record\": 20}", "paper: expected a number, got a "
		  "string" },
		{ "{\"paper\": 20, \"assessment\": 25, \"interview\": 35, "
		  "\"track_record\": 20, \"adjustment_reason\": 1}",
		  "adjustment_reason: expected a string" },
		{ "[20, 25, 35, 20]", "(root): weights are a JSON object" },
	};
	struct arena *a = T_ARENA(state);

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		struct weights w;
		struct diag d;

		memset(&d, 0, sizeof(d));
		assert_int_equal(weights_decode(t_json(a, rows[i].json), &w,
		    &d), SEL_EINVAL);
		if (strstr(d.msg, rows[i].msg) != d.msg)
			fail_msg("row %zu: \"%s\" does not start with \"%s\"",
			    i, d.msg, rows[i].msg);
	}
}

/*
 * The contract's example: A = 20% x 80 + 25% x 77.5 + 35% x mean(80, 84)
 * + 20% x 70 = 78.075, rounded half up once: 78.08.
 */
static void
test_final_contract_example(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct rank_out *o = rank(a, p, W_MAX,
	    "{\"id\": \"A\", \"scores\": {\"paper\": 80, \"assessment\": 77.5, "
	    "\"track_record\": 70, \"interview\": [{\"member\": \"m1\", "
	    "\"score\": 80}, {\"member\": \"m2\", \"score\": 84, \"recused\": "
	    "false}]}},\n" FLAT("B", "70") ",\n" FLAT("C", "90"));
	const struct ranked *A = find(o, "A");

	assert_int_equal(A->final, 7808);
	assert_int_equal(A->s[ST_INTERVIEW].sum, 16400);
	assert_int_equal(A->s[ST_INTERVIEW].count, 2);
	assert_int_equal(stage_display(&A->s[ST_INTERVIEW]), 8200);
	assert_int_equal(stage_display(&A->s[ST_ASSESSMENT]), 7750);
	assert_order(o, "C A B", "1 2 3", "C A B", "");
	assert_true(o->complete);
	assert_false(A->tie);
	t_status(t_find(o->rules, o->nrules, R_SCORE_FINAL), RS_PASS,
	    "final");
	t_contains(t_find(o->rules, o->nrules, R_SCORE_FINAL)->citation,
	    "Perbup Demak 47/2022 Pasal 16");
	t_status(t_find(o->rules, o->nrules, R_SCORE_TOP3), RS_PASS, "top 3");
	t_contains(t_find(o->rules, o->nrules, R_SCORE_TOP3)->citation,
	    "Pasal 17 ayat (6)");
}

/*
 * Members' means stay exact: interview 80, 81, 81 (80.666...) gives 76.99;
 * rounding the mean to 80.67 first would give 77.00.
 */
static void
test_final_mean_kept_exact(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct rank_out *o = rank(a, p, W_MAX,
	    "{\"id\": \"X\", \"scores\": {\"paper\": 80, \"assessment\": 75.03, "
	    "\"track_record\": 70.02, \"interview\": [{\"member\": \"m1\", "
	    "\"score\": 80}, {\"member\": \"m2\", \"score\": 81}, "
	    "{\"member\": \"m3\", \"score\": 81}]}},\n"
	    "{\"id\": \"Y\", \"scores\": {\"paper\": 80, \"assessment\": 75.03, "
	    "\"track_record\": 70.02, \"interview\": 80.67}}");
	const struct ranked *x = find(o, "X"), *y = find(o, "Y");

	assert_int_equal(x->final, 7699);
	assert_int_equal(y->final, 7700);
	assert_int_equal(stage_display(&x->s[ST_INTERVIEW]), 8067);
	assert_int_equal(x->s[ST_INTERVIEW].sum, 24200);
	assert_int_equal(x->s[ST_INTERVIEW].count, 3);
	assert_order(o, "Y X", "1 2", "Y X", "");
}

/* score_final on its own: exact, half up, and its errors. */
static void
test_score_final(void **state)
{
	struct weights w = { { 2000, 2500, 3500, 2000 }, STR_NULL };
	struct weights only = { { 0, 0, 10000, 0 }, STR_NULL };
	struct stage_score s[ST__N] = {
		{ 8000, 1, true }, { 7750, 1, true }, { 16400, 2, true },
		{ 7000, 1, true } };
	struct stage_score third[ST__N] = {
		{ 0, 0, false }, { 0, 0, false }, { 10000, 3, true },
		{ 0, 0, false } };
	struct stage_score huge[ST__N] = {
		{ 1, INT64_C(2147483647), true },
		{ 1, INT64_C(2147483629), true },
		{ 1, INT64_C(2147483587), true },
		{ 1, INT64_C(2147483579), true } };
	int64_t out = -1;

	(void)state;
	assert_int_equal(score_final(&w, s, &out), SEL_OK);
	assert_int_equal(out, 7808);			/* 78.075 up */
	/* 100/3 = 33.333...: 33.33; 200/3: 66.67 (half up). */
	assert_int_equal(score_final(&only, third, &out), SEL_OK);
	assert_int_equal(out, 3333);
	third[ST_INTERVIEW].sum = 20000;
	assert_int_equal(score_final(&only, third, &out), SEL_OK);
	assert_int_equal(out, 6667);
	assert_int_equal(stage_display(&third[ST_INTERVIEW]), 6667);
	/* 0.005 exactly rounds up: 1 point at 0.5% weight = 0.005. */
	only.w[ST_INTERVIEW] = 50;
	third[ST_INTERVIEW] = (struct stage_score){ 100, 1, true };
	assert_int_equal(score_final(&only, third, &out), SEL_OK);
	assert_int_equal(out, 1);
	third[ST_INTERVIEW] = (struct stage_score){ 99, 1, true };
	assert_int_equal(score_final(&only, third, &out), SEL_OK);
	assert_int_equal(out, 0);			/* 0.00495 down */
	/* A weighted stage without a score; a zero count. */
	out = -1;
	s[ST_PAPER].present = false;
	assert_int_equal(score_final(&w, s, &out), SEL_EINVAL);
	s[ST_PAPER] = (struct stage_score){ 8000, 0, true };
	assert_int_equal(score_final(&w, s, &out), SEL_EINVAL);
	assert_int_equal(out, -1);
	/* Counts whose common denominator overflows: SEL_ERANGE. */
	assert_int_equal(score_final(&w, huge, &out), SEL_ERANGE);
	assert_int_equal(out, -1);
}

/* Recused members are left out of the mean; all recused is an error. */
static void
test_final_recused(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct rank_out *o = rank(a, p, W_MAX,
	    "{\"id\": \"A\", \"scores\": {\"paper\": 80, \"assessment\": 77.5, "
	    "\"track_record\": 70, \"interview\": [{\"member\": \"m1\", "
	    "\"score\": 80}, {\"member\": \"m2\", \"score\": 100, "
	    "\"recused\": true}, {\"member\": \"m3\", \"recused\": true}, "
	    "{\"member\": \"m4\", \"score\": 84}]}}");

	assert_int_equal(o->r[0].final, 7808);
	assert_int_equal(o->r[0].s[ST_INTERVIEW].count, 2);
	assert_int_equal(stage_display(&o->r[0].s[ST_INTERVIEW]), 8200);
}

/* Equal rounded finals share a rank: 1, 2, 2, 4; never broken. */
static void
test_ties_share_rank(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct rank_out *o = rank(a, p, W_MAX, FLAT("D", "70") ","
	    FLAT("C", "80") "," FLAT("A", "90") "," FLAT("B", "80"));
	const struct rule_result *t = t_find(o->rules, o->nrules,
	    R_SCORE_TIES);

	/* Inside a tie, display order is by id; the tie itself stands. */
	assert_order(o, "A B C D", "1 2 2 4", "A B C", "");
	assert_false(find(o, "A")->tie);
	assert_true(find(o, "B")->tie);
	assert_true(find(o, "C")->tie);
	assert_false(find(o, "D")->tie);
	assert_true(o->complete);
	t_status(t, RS_PASS, "ties");
	t_contains(t->detail, "2 peserta");
	t_contains(t->detail, "tidak diputus");
}

/* Ties are on the rounded final: 80.2333 and 80.231 are both 80.23. */
static void
test_ties_on_rounded_final(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct rank_out *o = rank(a, p, W_MAX,
	    "{\"id\": \"X\", \"scores\": {\"paper\": 80, \"assessment\": 80, "
	    "\"track_record\": 80, \"interview\": [{\"member\": \"m1\", "
	    "\"score\": 80}, {\"member\": \"m2\", \"score\": 81}, "
	    "{\"member\": \"m3\", \"score\": 81}]}},\n"
	    "{\"id\": \"Y\", \"scores\": {\"paper\": 80, \"assessment\": 80, "
	    "\"track_record\": 80, \"interview\": 80.66}},\n"
	    "{\"id\": \"Z\", \"scores\": {\"paper\": 80, \"assessment\": 80, "
	    "\"track_record\": 80, \"interview\": 80.68}}");

	assert_int_equal(find(o, "X")->final, 8023);
	assert_int_equal(find(o, "Y")->final, 8023);
	assert_int_equal(find(o, "Z")->final, 8024);
	assert_order(o, "Z X Y", "1 2 2", "Z X Y", "");
	assert_true(find(o, "X")->tie && find(o, "Y")->tie);
}

/* A tie across the third place: the committee decides. */
static void
test_top3_tie_at_cutoff(void **state)
{
	static const struct {
		const char	*cands;
		const char	*order, *ranks, *shortlist, *tied;
		bool		 complete;
	} rows[] = {
		{ FLAT("A", "90") "," FLAT("B", "85") "," FLAT("C", "80") ","
		  FLAT("D", "80"), "A B C D", "1 2 3 3", "A B", "C D", false },
		{ FLAT("A", "90") "," FLAT("B", "80") "," FLAT("C", "80") ","
		  FLAT("D", "80") "," FLAT("E", "70"), "A B C D E",
		  "1 2 2 2 5", "A", "B C D", false },
		{ FLAT("A", "80") "," FLAT("B", "80") "," FLAT("C", "80") ","
		  FLAT("D", "80"), "A B C D", "1 1 1 1", "", "A B C D", false },
		{ FLAT("A", "90") "," FLAT("B", "85") "," FLAT("C", "80") ","
		  FLAT("D", "79.99"), "A B C D", "1 2 3 4", "A B C", "", true },
		/* Three tied at the top and a fourth below: complete. */
		{ FLAT("A", "80") "," FLAT("B", "80") "," FLAT("C", "80") ","
		  FLAT("D", "70"), "A B C D", "1 1 1 4", "A B C", "", true },
		/* Exactly three candidates, all tied. */
		{ FLAT("C", "80") "," FLAT("B", "80") "," FLAT("A", "80"),
		  "A B C", "1 1 1", "A B C", "", true },
		/* A tie below the cut does not matter. */
		{ FLAT("A", "90") "," FLAT("B", "85") "," FLAT("C", "80") ","
		  FLAT("D", "70") "," FLAT("E", "70"), "A B C D E",
		  "1 2 3 4 4", "A B C", "", true },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct rank_out *o = rank(a, p, W_MAX, rows[i].cands);
		const struct rule_result *r = t_find(o->rules, o->nrules,
		    R_SCORE_TOP3);

		assert_order(o, rows[i].order, rows[i].ranks,
		    rows[i].shortlist, rows[i].tied);
		assert_int_equal(o->complete, rows[i].complete);
		t_status(r, rows[i].complete ? RS_PASS : RS_MISSING,
		    rows[i].order);
		if (!rows[i].complete) {
			t_contains(o->reason, "melintasi batas 3 terbaik");
			t_contains(r->detail, "panitia yang memutuskan");
		}
	}
}

/* Fewer than 3 candidates: all listed, never complete, with a reason. */
static void
test_top3_fewer_than_three(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct profile *covid = t_profile(a, "demak-2022-covid");
	const struct rank_out *o;

	o = rank(a, p, W_MAX, FLAT("B", "70") "," FLAT("A", "90"));
	assert_order(o, "A B", "1 2", "A B", "");
	assert_false(o->complete);
	t_contains(o->reason, "Hanya 2 peserta");
	t_contains(o->reason, "tidak mengizinkan");
	t_status(t_find(o->rules, o->nrules, R_SCORE_TOP3), RS_MISSING, "2");
	/* The Covid procedure may go on with 2. */
	o = rank(a, covid, W_MAX, FLAT("B", "70") "," FLAT("A", "90"));
	assert_false(o->complete);
	t_contains(o->reason, "mengizinkan seleksi dilanjutkan");
	o = rank(a, covid, W_MAX, FLAT("A", "90"));
	t_contains(o->reason, "tidak mengizinkan");
	/* None at all. */
	o = rank(a, p, W_MAX, "");
	assert_int_equal(o->n, 0);
	assert_int_equal(o->nshort, 0);
	assert_false(o->complete);
	t_contains(o->reason, "Hanya 0 peserta");
}

/* A stage with weight 0 may be left out; every other must be there. */
static void
test_zero_weight_stage(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct rank_out *o = rank(a, t_profile(a, "pontianak-2015"),
	    "{\"paper\": 0, \"assessment\": 50, \"interview\": 50, "
	    "\"track_record\": 0}",
	    "{\"id\": \"A\", \"scores\": {\"assessment\": 70, \"interview\": "
	    "75.55}}");

	assert_int_equal(o->r[0].final, 7278);		/* 72.775 up */
	assert_false(o->r[0].s[ST_PAPER].present);
}

__extension__ typedef __int128 i128;	/* exact sums, as in score.c */

static uint32_t
lcg(uint32_t *x)
{
	*x = *x * 1664525u + 1013904223u;
	return *x >> 8;
}

/*
 * Random panels: finals against an independent exact computation, ranks
 * (1 + the number of better finals), tie flags, and the shortlist rules.
 */
static void
test_rank_random(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	static const int64_t w[ST__N] = { 2000, 2500, 3500, 2000 };
	uint32_t seed = 17;

	for (int round = 0; round < 300; round++) {
		size_t n = lcg(&seed) % 8, len = 0;
		int64_t want[8];
		char text[8192];
		struct rank_out o;
		struct diag d;

		len += (size_t)snprintf(text + len, sizeof(text) - len,
		    "{\"weights\": " W_MAX ", \"candidates\": [");
		for (size_t i = 0; i < n; i++) {
			i128 num = 0, den = 1;

			len += (size_t)snprintf(text + len, sizeof(text) - len,
			    "%s{\"id\": \"c%zu\", \"scores\": {", i ? ", " : "",
			    i);
			for (int st = 0; st < ST__N; st++) {
				/* Coarse scores so that ties happen. */
				int64_t cnt = 1 + lcg(&seed) % 4, sum = 0;

				len += (size_t)snprintf(text + len,
				    sizeof(text) - len, "%s\"%s\": [",
				    st ? ", " : "", vocab_stage[st]);
				for (int64_t m = 0; m < cnt; m++) {
					int64_t sc = 7000 + 50 *
					    (int64_t)(lcg(&seed) % 5);

					sum += sc;
					len += (size_t)snprintf(text + len,
					    sizeof(text) - len, "%s{\"member\": "
					    "\"m%lld\", \"score\": %lld.%02lld}",
					    m ? ", " : "", (long long)m,
					    (long long)(sc / 100),
					    (long long)(sc % 100));
				}
				len += (size_t)snprintf(text + len,
				    sizeof(text) - len, "]");
				/* num/den += w * sum / cnt */
				num = num * cnt + (i128)w[st] * sum * den;
				den *= cnt;
			}
			len += (size_t)snprintf(text + len, sizeof(text) - len,
			    "}}");
			den *= 10000;
			want[i] = (int64_t)((2 * num + den) / (2 * den));
		}
		snprintf(text + len, sizeof(text) - len, "]}");
		if (rank_decode_eval(a, p, t_json(a, text), &o, &d) != SEL_OK)
			fail_msg("round %d: %s", round, d.msg);
		assert_int_equal(o.n, n);
		for (size_t i = 0; i < o.n; i++) {
			const struct ranked *r = &o.r[i];
			int better = 0;
			bool tie = false;
			size_t id = (size_t)(r->id.p[1] - '0');

			assert_int_equal(r->final, want[id]);
			for (size_t k = 0; k < o.n; k++) {
				better += o.r[k].final > r->final;
				tie |= k != i && o.r[k].final == r->final;
			}
			assert_int_equal(r->rank, better + 1);
			assert_int_equal(r->tie, tie);
			if (i > 0)
				assert_true(o.r[i - 1].final >= r->final);
		}
		/* The shortlist: certainly inside; the tied group at the cut. */
		if (n < 3) {
			assert_false(o.complete);
			assert_int_equal(o.nshort, n);
			continue;
		}
		assert_true(o.nshort + o.ntied >= 3 || o.complete);
		for (size_t i = 0; i < o.nshort; i++)
			assert_true(o.r[i].rank <= 3 &&
			    (i + 1 >= n || o.complete ||
			    o.r[i].final > o.r[o.nshort].final));
		if (o.complete) {
			assert_int_equal(o.nshort, 3);
			assert_true(n == 3 || o.r[2].final > o.r[3].final);
		} else {
			assert_true(o.ntied >= 2);
			assert_true(o.nshort < 3 && o.nshort + o.ntied > 3);
			for (size_t i = o.nshort; i < o.nshort + o.ntied; i++)
				assert_int_equal(o.r[i].final,
				    o.r[o.nshort].final);
		}
	}
}

/* Bad SCORES.json: the path of the value at fault. */
static void
test_rank_errors(void **state)
{
	static const struct {
		const char	*weights, *cands;
		const char	*msg;
	} rows[] = {
		{ "{\"paper\": 19.99, \"assessment\": 25, \"interview\": 35, "
		  "\"track_record\": 20}", FLAT("A", "80"),
		  "weights: the weights add up to 99.99, not 100 "
		  "(SCORE-WEIGHTS-SUM)" },
		{ W_MAX, FLAT("A", "80") "," FLAT("B", "70") ","
		  FLAT("A", "60"), "candidates[2].id: id \"A\" appears twice" },
		{ W_MAX, "{\"id\": \"A\", \"scores\": {\"assessment\": 80, "
		  "\"interview\": 80, \"track_record\": 80}}",
		  "candidates[0].scores.paper: required: its weight is not 0" },
		{ W_MAX, FLAT("A", "100.01"),
		  "candidates[0].scores.paper: 100.01 is outside 0..100" },
		{ W_MAX, FLAT("A", "80.005"),
		  "candidates[0].scores.paper: expected a number with at most "
		  "2 decimals" },
		{ W_MAX, FLAT("A", "\"80\""),
		  "candidates[0].scores.paper: expected a number or a list" },
		{ W_MAX, FLAT("A", "80") ", {\"id\": \"B\", \"scores\": "
		  "{\"paper\": 80, \"assessment\": 80, \"track_record\": 80, "
		  "\"interview\": [{\"member\": \"m1\", \"score\": 80}, "
		  "{\"member\": \"m1\", \"score\": 90}]}}",
		  "candidates[1].scores.interview[1].member: member \"m1\" "
		  "scores twice" },
		{ W_MAX, "{\"id\": \"B\", \"scores\": {\"paper\": 80, "
		  "\"assessment\": 80, \"track_record\": 80, \"interview\": "
		  "[{\"member\": \"m1\"}]}}",
		  "candidates[0].scores.interview[0].score: required unless "
		  "the member is recused" },
		{ W_MAX, "{\"id\": \"B\", \"scores\": {\"paper\": 80, "
		  "\"assessment\": 80, \"track_record\": 80, \"interview\": "
		  "[{\"member\": \"m1\", \"score\": 90, \"recused\": true}]}}",
		  "candidates[0].scores.interview: no member scored this "
		  "stage" },
		{ W_MAX, "{\"id\": \"B\", \"scores\": {\"paper\": 80, "
		  "\"assessment\": 80, \"track_record\": 80, \"interview\": "
		  "[]}}", "candidates[0].scores.interview: no member scored" },
		{ W_MAX, "{\"id\": \"B\", \"scores\": {\"paper\": 80, "
		  "\"assessment\": 80, \"track_record\": 80, \"interview\": "
		  "[80]}}", "candidates[0].scores.interview[0]: a member's "
		  "score is a JSON object" },
		{ W_MAX, "{\"id\": \"B\", \"scores\": {\"paper\": 80, "
		  "\"assessment\": 80, \"track_record\": 80, \"interview\": "
		  "[{\"score\": 80}]}}",
		  "candidates[0].scores.interview[0].member: required field" },
		{ W_MAX, "{\"scores\": {}}", "candidates[0].id: required field" },
		{ W_MAX, "{\"id\": \"A\"}",
		  "candidates[0].scores: required field is missing" },
		{ W_MAX, "7", "candidates[0]: a candidate is a JSON object" },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		char text[2048];
		struct rank_out o;
		struct diag d;

		snprintf(text, sizeof(text), "{\"weights\": %s, \"candidates\": "
		    "[%s]}", rows[i].weights, rows[i].cands);
		memset(&d, 0, sizeof(d));
		if (rank_decode_eval(a, p, t_json(a, text), &o, &d) !=
		    SEL_EINVAL)
			fail_msg("row %zu ranked", i);
		if (strstr(d.msg, rows[i].msg) != d.msg)
			fail_msg("row %zu: \"%s\" does not start with \"%s\"",
			    i, d.msg, rows[i].msg);
	}
	{
		struct rank_out o;
		struct diag d;

		assert_int_equal(rank_decode_eval(a, p, t_json(a,
		    "{\"candidates\": []}"), &o, &d), SEL_EINVAL);
		assert_string_equal(d.msg, "weights: required field is "
		    "missing");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("SCORE-WEIGHTS", test_weights_maxima),
		RULE_TEST("SCORE-WEIGHTS-SUM", test_weights_minima),
		RULE_TEST("SCORE-WEIGHTS", test_weights_boundaries),
		RULE_TEST("SCORE-WEIGHTS", test_weights_adjusted),
		RULE_TEST("SCORE-WEIGHTS-SUM", test_weights_sum_only),
		RULE_TEST("SCORE-WEIGHTS", test_weights_decode_errors),
		RULE_TEST("SCORE-FINAL", test_final_contract_example),
		RULE_TEST("SCORE-FINAL", test_final_mean_kept_exact),
		RULE_TEST("SCORE-FINAL", test_score_final),
		RULE_TEST("SCORE-FINAL", test_final_recused),
		RULE_TEST("SCORE-FINAL", test_zero_weight_stage),
		RULE_TEST("SCORE-TIES", test_ties_share_rank),
		RULE_TEST("SCORE-TIES", test_ties_on_rounded_final),
		RULE_TEST("SCORE-TOP3", test_top3_tie_at_cutoff),
		RULE_TEST("SCORE-TOP3", test_top3_fewer_than_three),
		RULE_TEST("SCORE-TIES", test_rank_random),
		RULE_TEST("SCORE-FINAL", test_rank_errors),
	};

	return cmocka_run_group_tests_name("score", tests, NULL, NULL);
}
