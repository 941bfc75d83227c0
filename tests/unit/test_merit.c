/*
 * test_merit.c - core/merit: who rates each stage per the profile
 * (STG-PAPER, STG-TRACK, STG-ASSESS with its raters, STG-INTERVIEW and its
 * resource persons, STG-HEALTH), a score as typed, the mean of the raters
 * not recused (SCORE-FINAL), the seal, and the pass criterion at its
 * boundaries with ties across the best-N cut-off (SCORE-TIES).
 */
#include <string.h>

#include "core/merit.h"
#include "core/profile.h"
#include "t.h"
#include "base/banned.h"

/* chair (1), member (2), member left (3), member without account (4: 0),
 * assessor (5), narasumber (6), secretariat (7), secretariat (8). */
static const struct merit_person people[] = {
	{ 1, 11, true, false, false, false, false, false },
	{ 2, 12, false, true, false, false, false, false },
	{ 3, 13, false, true, true, false, false, false },
	{ 0, 14, false, true, false, false, false, false },
	{ 5, 0, false, false, false, true, false, false },
	{ 6, 0, false, false, false, false, true, false },
	{ 7, 0, false, false, false, false, false, true },
	{ 8, 0, false, false, false, false, false, true },
};
#define NP	(sizeof people / sizeof *people)

/* A profile of these rules. */
#define PROFILE(rules)							\
	"{\"selter_profile\": 1, \"id\": \"test-2024\",\n"		\
	" \"title\": \"Test\", \"regulation\": \"Peraturan Test\",\n"	\
	" \"cite\": \"Perbup Test 1/2024\",\n"				\
	" \"region\": {\"name\": \"Kabupaten Test\", "			\
	"\"province\": \"Jawa Tengah\", \"timezone\": \"WIB\"},\n"	\
	" \"oversight\": \"BKN\", \"levels\": [\"jpt_pratama\"],\n"	\
	" \"rules\": [\n" rules "\n]}"

static size_t
entitled(const struct profile *p, enum flow_state st, int64_t opener,
    int64_t *ids)
{
	size_t idx[NP], n = merit_entitled(p, st, people, NP, opener, idx);

	for (size_t i = 0; i < n; i++)
		ids[i] = people[idx[i]].account_id;
	return n;
}

static void
stg_paper_committee_with_accounts(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022-covid");
	struct rule_result why;
	int64_t ids[NP];

	assert_int_equal(merit_by(p, FL_PAPER, &why), MB_COMMITTEE);
	assert_int_equal(why.id, R_STG_PAPER);
	t_contains(why.citation, "Pasal 16");
	/* the chair and the member; not one who left, nor an invitation
	 * not yet taken, nor the assessor, narasumber or secretariat */
	assert_int_equal(entitled(p, FL_PAPER, 7, ids), 2);
	assert_int_equal(ids[0], 1);
	assert_int_equal(ids[1], 2);
	/* Demak (not Covid) has no STG-PAPER: a paper its plan schedules is
	 * rated by the committee all the same, without a citation */
	assert_int_equal(merit_by(t_profile(a, "demak-2022"), FL_PAPER, &why),
	    MB_COMMITTEE);
	assert_int_equal(why.status, RS_MISSING);
	assert_int_equal(why.citation.len, 0);
	assert_int_equal(entitled(t_profile(a, "demak-2022"), FL_PAPER, 7,
	    ids), 2);
	assert_int_equal(merit_by(p, FL_RANKING, &why), 0);
}

static void
stg_track_committee(void **state)
{
	struct arena *a = T_ARENA(state);
	struct rule_result why;
	int64_t ids[NP];

	assert_int_equal(merit_by(t_profile(a, "pontianak-2015"), FL_TRACK,
	    &why), MB_COMMITTEE);
	t_contains(why.citation, "Pasal 12 ayat (5)");
	assert_int_equal(entitled(t_profile(a, "pontianak-2015"), FL_TRACK, 0,
	    ids), 2);
}

static void
stg_assess_raters_from_the_profile(void **state)
{
	struct arena *a = T_ARENA(state);
	struct rule_result why;
	int64_t ids[NP];

	/* Pekalongan: an independent assessor team only. */
	assert_int_equal(merit_by(t_profile(a, "pekalongan-2022"), FL_ASSESS,
	    &why), MB_ASSESSOR);
	t_contains(why.detail, "asesor independen");
	assert_int_equal(entitled(t_profile(a, "pekalongan-2022"), FL_ASSESS,
	    0, ids), 1);
	assert_int_equal(ids[0], 5);
	/* Demak and Pontianak: the committee, assisted by assessors. */
	assert_int_equal(merit_by(t_profile(a, "demak-2022"), FL_ASSESS,
	    &why), MB_COMMITTEE | MB_ASSESSOR);
	t_contains(why.citation, "Pasal 13");
	assert_int_equal(entitled(t_profile(a, "pontianak-2015"), FL_ASSESS,
	    0, ids), 3);
	assert_int_equal(ids[2], 5);
	/* A profile that says nothing: the assessors. */
	assert_int_equal(merit_by(t_profile_text(a, PROFILE(
	    "{\"rule\": \"STG-ASSESS\", \"citation\": \"Pasal 1\"}")),
	    FL_ASSESS, &why), MB_ASSESSOR);
	/* the loader: words of its vocabulary, on STG-ASSESS only */
	{
		struct profile *p;
		struct diag d;
		const char *bad[] = {
			PROFILE("{\"rule\": \"STG-ASSESS\", \"citation\": "
			    "\"x\", \"raters\": [\"narasumber\"]}"),
			PROFILE("{\"rule\": \"STG-ASSESS\", \"citation\": "
			    "\"x\", \"raters\": []}"),
			PROFILE("{\"rule\": \"STG-PAPER\", \"citation\": "
			    "\"x\", \"raters\": [\"committee\"]}"),
		};

		for (size_t i = 0; i < 3; i++)
			assert_int_equal(profile_parse(a, "t", bad[i],
			    strlen(bad[i]), &p, &d), SEL_EINVAL);
		t_contains(str_c(d.msg), "raters");
	}
}

static void
stg_interview_narasumber_never_scores(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pekalongan-2022");
	struct rule_result why;
	int64_t ids[NP];

	assert_int_equal(entitled(p, FL_INTERVIEW, 6, ids), 2);
	for (size_t i = 0; i < 2; i++)
		assert_int_not_equal(ids[i], 6);
	/* refused with its reason and citation, entitled or not */
	assert_int_equal(merit_may_rate(a, p, FL_INTERVIEW, true, false,
	    false, &why), MM_NARASUMBER);
	assert_int_equal(why.id, R_STG_INTERVIEW);
	t_contains(why.detail, "Narasumber dapat hadir tetapi tidak memberi "
	    "nilai");
	t_contains(why.detail, "Lampiran I II.B.4.f");
	assert_int_equal(merit_may_rate(a, p, FL_PAPER, true, true, false,
	    &why), MM_NARASUMBER);
	assert_int_equal(merit_may_rate(a, p, FL_INTERVIEW, false, false,
	    false, &why), MM_NOT_ENTITLED);
	t_contains(why.detail, "bukan penilai");
	assert_int_equal(merit_may_rate(a, p, FL_INTERVIEW, false, true,
	    true, &why), MM_RECUSED);
	assert_int_equal(merit_may_rate(a, p, FL_INTERVIEW, false, true,
	    false, &why), MM_OK);
}

static void
stg_health_secretariat_records(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	struct rule_result why;
	int64_t ids[NP];

	assert_int_equal(merit_by(p, FL_HEALTH, &why), MB_SECRETARIAT);
	t_contains(why.citation, "Pasal 11 ayat (5) huruf d");
	/* the opener when of the secretariat, else the first of them */
	assert_int_equal(entitled(p, FL_HEALTH, 8, ids), 1);
	assert_int_equal(ids[0], 8);
	assert_int_equal(entitled(p, FL_HEALTH, 1, ids), 1);
	assert_int_equal(ids[0], 7);
}

static void
score_parse_comma_and_point(void **state)
{
	static const struct {
		const char *in;
		bool ok;
		int64_t v;
	} rows[] = {
		{ "78,5", true, 7850 }, { "78.5", true, 7850 },
		{ " 78.50 ", true, 7850 }, { "100", true, 10000 },
		{ "0", true, 0 }, { "0,01", true, 1 }, { "100,00", true, 10000 },
		{ "100,01", false, 0 }, { "101", false, 0 }, { "-1", false, 0 },
		{ "78,555", false, 0 }, { "78,", false, 0 }, { "", false, 0 },
		{ "7a", false, 0 }, { "1e2", false, 0 }, { "78,5,0", false, 0 },
		{ "+5", false, 0 },
	};
	char buf[16];

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		int64_t v = -7;

		if (merit_parse(str_c(rows[i].in), &v) != rows[i].ok)
			fail_msg("\"%s\": %d", rows[i].in, !rows[i].ok);
		if (rows[i].ok && v != rows[i].v)
			fail_msg("\"%s\": %lld", rows[i].in, (long long)v);
	}
	assert_string_equal(merit_fmt(7850, buf, sizeof buf), "78,50");
	assert_string_equal(merit_fmt(1, buf, sizeof buf), "0,01");
	assert_string_equal(merit_fmt(10000, buf, sizeof buf), "100,00");
}

static void
score_final_mean_of_raters_not_recused(void **state)
{
	const struct merit_score s[] = {
		{ 1, 8000, false }, { 2, 7000, false }, { 3, 1000, true },
		{ 4, 7500, false },
	};
	struct stage_score r;

	(void)state;
	r = merit_stage_score(s, 4);
	assert_int_equal(r.sum, 22500);
	assert_int_equal(r.count, 3);
	assert_true(r.present);
	assert_int_equal(stage_display(&r), 7500);
	r = merit_stage_score(s + 2, 1);	/* only a recused one */
	assert_int_equal(r.count, 0);
	assert_false(r.present);
	/* .005: 69.99 and 70.00 have the mean 69.995, shown 70.00 */
	r = merit_stage_score((const struct merit_score[]){ { 1, 6999, false },
	    { 2, 7000, false } }, 2);
	assert_int_equal(r.sum, 13999);
	assert_int_equal(stage_display(&r), 7000);
}

static void
score_sealed_until_every_rater_submitted(void **state)
{
	struct merit_rater r[3] = {
		{ 1, true, false }, { 2, false, false }, { 3, false, false },
	};
	size_t done;

	(void)state;
	assert_true(merit_sealed(r, 3, &done));
	assert_int_equal(done, 1);
	r[1].submitted = true;
	assert_true(merit_sealed(r, 3, &done));
	assert_int_equal(done, 2);
	/* recused from every candidate: done without a sheet */
	r[2].recused_all = true;
	assert_false(merit_sealed(r, 3, &done));
	assert_int_equal(done, 3);
	assert_true(merit_sealed(r, 0, &done));	/* no raters: sealed */
}

static struct merit_cand
cand(int64_t id, int64_t vac, int64_t sum, int64_t count)
{
	struct merit_cand c = { id, vac, { sum, count, count > 0 }, false };

	return c;
}

static void
stage_pass_min_boundaries(void **state)
{
	struct arena *a = T_ARENA(state);
	struct merit_pass ps = { 7000, 0 };
	struct merit_pass_out o;
	struct merit_cand c[6] = {
		cand(1, 1, 7000, 1),		/* exactly the minimum */
		cand(2, 1, 6999, 1),		/* 0.01 less */
		cand(3, 1, 13999, 2),		/* 69.995: shown 70.00 */
		cand(4, 1, 20998, 3),		/* 69.9933: shown 69.99 */
		cand(5, 1, 0, 0),		/* no score */
		cand(6, 1, 9000, 1),
	};

	(void)state;
	c[5].absent = true;
	merit_pass_eval(a, &ps, c, 6, NULL, 0, &o);
	assert_int_equal(o.outcome[0], MO_PASSED);
	assert_int_equal(o.outcome[1], MO_FAILED);
	assert_int_equal(o.outcome[2], MO_PASSED);
	assert_int_equal(o.outcome[3], MO_FAILED);
	assert_int_equal(o.outcome[4], MO_FAILED);
	assert_int_equal(o.outcome[5], MO_ABSENT);
	assert_int_equal(o.nties, 0);
	/* neither criterion: every scored candidate present passes */
	ps.min = -1;
	merit_pass_eval(a, &ps, c, 6, NULL, 0, &o);
	assert_int_equal(o.outcome[1], MO_PASSED);
	assert_int_equal(o.outcome[5], MO_ABSENT);
	assert_string_equal(merit_outcome_name(MO_TIED), "tied");
}

static void
score_ties_at_the_best_n_cut(void **state)
{
	struct arena *a = T_ARENA(state);
	struct merit_pass ps = { -1, 2 };
	struct merit_pass_out o;
	struct merit_cand c[6] = {
		cand(1, 1, 9000, 1), cand(2, 1, 8000, 1),
		cand(3, 1, 16001, 2),	/* 80.005: shown 80.01 */
		cand(4, 1, 7000, 1),
		cand(5, 2, 8000, 1), cand(6, 2, 8000, 1),	/* best 2 of 2 */
	};

	(void)state;
	merit_pass_eval(a, &ps, c, 6, NULL, 0, &o);
	/* 90, 80.01 pass; 80 fails: no tie (the .005 rounds up) */
	assert_int_equal(o.outcome[0], MO_PASSED);
	assert_int_equal(o.outcome[2], MO_PASSED);
	assert_int_equal(o.outcome[1], MO_FAILED);
	assert_int_equal(o.outcome[3], MO_FAILED);
	assert_int_equal(o.outcome[4], MO_PASSED);
	assert_int_equal(o.outcome[5], MO_PASSED);
	assert_false(o.undecided);
	/* 80.005 over 3 raters (24015 / 3 = 80.05) ... now a real tie:
	 * 80.00 and 80.00 for one place */
	c[2] = cand(3, 1, 24000, 3);
	merit_pass_eval(a, &ps, c, 6, NULL, 0, &o);
	assert_true(o.undecided);
	assert_int_equal(o.nties, 1);
	assert_int_equal(o.ties[0].vacancy, 1);
	assert_int_equal(o.ties[0].value, 8000);
	assert_int_equal(o.ties[0].places, 1);
	assert_int_equal(o.ties[0].n, 2);
	assert_int_equal(o.outcome[0], MO_PASSED);
	assert_int_equal(o.outcome[1], MO_TIED);
	assert_int_equal(o.outcome[2], MO_TIED);
	assert_int_equal(o.outcome[3], MO_FAILED);
	/* a decision on another set leaves it undecided */
	{
		const int64_t wrong[] = { 2, 4 };
		struct merit_tie t = { 1, wrong, 2 };

		merit_pass_eval(a, &ps, c, 6, &t, 1, &o);
		assert_true(o.undecided);
		assert_false(o.ties[0].decided);
	}
	/* the chair's order: 3 before 2 */
	{
		const int64_t order[] = { 3, 2 };
		struct merit_tie t = { 1, order, 2 };

		merit_pass_eval(a, &ps, c, 6, &t, 1, &o);
		assert_false(o.undecided);
		assert_true(o.ties[0].decided);
		assert_int_equal(o.outcome[2], MO_PASSED);
		assert_int_equal(o.outcome[1], MO_FAILED);
	}
	/* both criteria: the minimum first, then the best 2 */
	ps.min = 8500;
	merit_pass_eval(a, &ps, c, 6, NULL, 0, &o);
	assert_false(o.undecided);
	assert_int_equal(o.outcome[0], MO_PASSED);
	assert_int_equal(o.outcome[1], MO_FAILED);
	assert_int_equal(o.outcome[4], MO_FAILED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("STG-PAPER", stg_paper_committee_with_accounts),
		RULE_TEST("STG-TRACK", stg_track_committee),
		RULE_TEST("STG-ASSESS", stg_assess_raters_from_the_profile),
		RULE_TEST("STG-INTERVIEW",
		    stg_interview_narasumber_never_scores),
		RULE_TEST("STG-HEALTH", stg_health_secretariat_records),
		T_TEST(score_parse_comma_and_point),
		RULE_TEST("SCORE-FINAL", score_final_mean_of_raters_not_recused),
		T_TEST(score_sealed_until_every_rater_submitted),
		T_TEST(stage_pass_min_boundaries),
		RULE_TEST("SCORE-TIES", score_ties_at_the_best_n_cut),
	};

	return cmocka_run_group_tests_name("merit", tests, NULL, NULL);
}
