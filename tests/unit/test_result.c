/*
 * test_result.c - the results of the merit half (issue 12 item 3) on the
 * demo store: a stage's result (SCORE-PUBLISH), its recomputation sheet
 * against core/score.c, the final ranking with the best 3 (SCORE-TOP3)
 * and the committee's tie decisions (SCORE-TIES), who may read the
 * confidential ranking, and where it goes.
 *
 * The score part (closing a stage) is not merged yet: seed_closed_stage
 * writes what it will write (stage_rater, score, stage_close,
 * stage_outcome) straight into the test store; seed_candidates writes
 * applications that passed a published administrative result.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "t_app.h"
#include "app/result.h"
#include "base/arena.h"
#include "core/profile.h"
#include "base/banned.h"

#define SEL	1

static void
sql(struct fx *f, const char *fmt, ...)
{
	char q[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(q, sizeof q, fmt, ap);
	va_end(ap);
	fx_sql(f, q);
}

static int64_t
sql_int(struct fx *f, const char *q)
{
	return fx_sql_i64(f, q);
}

/* n candidates of the first vacancy, passed by a published result. */
static void
seed_candidates(struct fx *f, int n)
{
	int64_t vac = sql_int(f, "SELECT min(id) FROM vacancy WHERE "
	    "selection_id = 1");

	for (int i = 1; i <= n; i++) {
		sql(f, "INSERT INTO account (login, name, email, pwhash, "
		    "created_at) VALUES ('calon%d', 'Calon %d', "
		    "'calon%d@example.org', 'x', '2026-11-01T00:00:00Z')", i, i,
		    i);
		sql(f, "INSERT INTO application (selection_id, vacancy_id, "
		    "account_id, state, reg_no, submitted_at, record, verdict, "
		    "rules) VALUES (1, %lld, (SELECT id FROM account WHERE "
		    "login = 'calon%d'), 'submitted', 'SEL-%03d', "
		    "'2026-11-02T00:00:00Z', '{}', 'eligible', '[]')",
		    (long long)vac, i, i);
		sql(f, "INSERT INTO adm_decision (application_id, passed, "
		    "reason, decided_by, decided_at) VALUES ((SELECT id FROM "
		    "application WHERE reg_no = 'SEL-%03d'), 1, 'Memenuhi.', "
		    "'Panitia', '2026-11-20T00:00:00Z')", i);
	}
	sql(f, "UPDATE selection SET closed_at = '2026-11-19T00:00:00Z', "
	    "adm_published_at = '2026-11-20T00:00:00Z' WHERE id = 1");
}

/*
 * A closed stage as the score part leaves it: raters ketua and anggota
 * (members) and asesor (account, no member); scores[i][k] of candidate
 * i+1 by rater k in hundredths, -1 recused, -2 no score; absent[i] marks
 * an absent candidate; out[i] the outcome.
 */
static void
seed_closed_stage(struct fx *f, const char *stage, int n,
    const int (*scores)[3], const char *const *out)
{
	static const char *const raters[3] = { "ketua", "anggota", "asesor" };

	for (int k = 0; k < 3; k++)
		sql(f, "INSERT INTO stage_rater (selection_id, stage, "
		    "account_id, member_id, submitted_at) VALUES (1, '%s', "
		    "(SELECT id FROM account WHERE login = '%s'), (SELECT m.id "
		    "FROM member m JOIN account a ON a.id = m.account_id WHERE "
		    "a.login = '%s' AND m.selection_id = 1), "
		    "'2026-11-22T00:00:00Z')", stage, raters[k], raters[k],
		    raters[k]);
	for (int i = 0; i < n; i++) {
		int64_t sum = 0, count = 0;

		for (int k = 0; k < 3; k++) {
			if (scores[i][k] == -1)
				sql(f, "INSERT INTO recusal (selection_id, "
				    "application_id, rater_id, reason, declared_at) "
				    "VALUES (1, (SELECT id FROM application WHERE "
				    "reg_no = 'SEL-%03d'), (SELECT id FROM account "
				    "WHERE login = '%s'), 'Kerabat.', "
				    "'2026-11-21T00:00:00Z') ON CONFLICT DO NOTHING",
				    i + 1, raters[k]);
			if (scores[i][k] < 0)
				continue;
			sql(f, "INSERT INTO score (selection_id, application_id, "
			    "stage, rater_id, value, entered_at) VALUES (1, "
			    "(SELECT id FROM application WHERE reg_no = "
			    "'SEL-%03d'), '%s', (SELECT id FROM account WHERE "
			    "login = '%s'), %d, '2026-11-22T00:00:00Z')", i + 1,
			    stage, raters[k], scores[i][k]);
			sum += scores[i][k];
			count++;
		}
		sql(f, "INSERT INTO stage_outcome (selection_id, application_id, "
		    "stage, score_sum, score_count, outcome) VALUES (1, (SELECT "
		    "id FROM application WHERE reg_no = 'SEL-%03d'), '%s', %lld, "
		    "%lld, '%s')", i + 1, stage, (long long)sum,
		    (long long)count, out[i]);
	}
	sql(f, "INSERT INTO stage_close (selection_id, stage, closed_at, "
	    "closed_by, decision) VALUES (1, '%s', '2026-11-22T01:00:00Z', "
	    "'Dr. Siti Aminah, M.Si.', 'Rapat panitia menetapkan hasil "
	    "tahap.')", stage);
}

static const char *const all_passed[] = { "passed", "passed", "passed",
	"passed", "passed" };

static void
publish_ok(struct fx *f, struct who *chair, const char *stage)
{
	struct app_msg m;

	if (app_stage_publish(f->app, f->ar, chair, SEL, str_c(stage), true,
	    true, &m) != SEL_OK)
		fail_msg("%s: %s", stage, m.text);
}

/* Every stage of the demo plan closed and published, the same scores. */
static void
through_every_stage(struct fx *f, struct who *chair, int n,
    const int (*scores)[3])
{
	static const char *const stages[] = { "paper", "track_record",
	    "assessment", "interview", "health" };

	for (size_t s = 0; s < sizeof stages / sizeof *stages; s++) {
		seed_closed_stage(f, stages[s], n, scores, all_passed);
		publish_ok(f, chair, stages[s]);
	}
}

static void
score_publish_refuses_an_unclosed_stage(void **state)
{
	struct fx *f = *state;
	struct who chair;
	struct app_msg m;
	int64_t before;

	seed_candidates(f, 3);
	fx_as(f, "ketua", &chair);
	before = fx_events(f);
	assert_int_equal(app_stage_publish(f->app, f->ar, &chair, SEL,
	    STR("paper"), true, true, &m), SEL_ESTATE);
	assert_non_null(strstr(m.text, "belum ditutup"));
	assert_non_null(strstr(m.text, "STG-PAPER"));
	assert_int_equal(fx_events(f), before);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM publication WHERE "
	    "kind = 'stage_result'"), 0);
}

static void
score_publish_demak_requires_the_scores(void **state)
{
	static const int sc[3][3] = { { 8000, 8200, 7900 },
	    { 7000, 7100, 7200 }, { 9000, 8800, 8900 } };
	struct fx *f = *state;
	struct who chair, member, sec;
	struct result_view rv;
	struct sel_view v;
	struct app_msg m;
	int64_t before;

	seed_candidates(f, 3);
	seed_closed_stage(f, "paper", 3, sc, all_passed);
	fx_as(f, "ketua", &chair);
	fx_as(f, "anggota", &member);
	fx_as(f, "sekretariat", &sec);
	before = fx_events(f);
	assert_int_equal(app_stage_publish(f->app, f->ar, &member, SEL,
	    STR("paper"), true, true, &m), SEL_EPERM);
	assert_int_equal(app_stage_publish(f->app, f->ar, &sec, SEL,
	    STR("paper"), true, true, &m), SEL_EPERM);
	/* Demak Pasal 17 ayat (3) huruf a: the scores by rank, openly. */
	assert_int_equal(app_stage_publish(f->app, f->ar, &chair, SEL,
	    STR("paper"), true, false, &m), SEL_EINVAL);
	assert_non_null(strstr(m.text, "SCORE-PUBLISH"));
	assert_non_null(strstr(m.text, "Pasal 17 ayat (3)"));
	assert_string_equal(app_msg_field(&m), "scores");
	assert_int_equal(app_stage_publish(f->app, f->ar, &chair, SEL,
	    STR("paper"), false, true, &m), SEL_EINVAL);
	/* Not the current stage. */
	assert_int_equal(app_stage_publish(f->app, f->ar, &chair, SEL,
	    STR("interview"), true, true, &m), SEL_ESTATE);
	assert_int_equal(fx_events(f), before);
	assert_int_equal(app_sel_view(f->app, f->ar, SEL, &v), SEL_OK);
	assert_int_equal(v.state, FL_PAPER);
	publish_ok(f, &chair, "paper");
	assert_int_equal(fx_events(f), before + 1);
	assert_int_equal(app_sel_view(f->app, f->ar, SEL, &v), SEL_OK);
	assert_int_equal(v.flow.stages_published, 1);
	assert_int_equal(v.state, FL_TRACK);
	/* Once. */
	assert_int_equal(app_stage_publish(f->app, f->ar, &chair, SEL,
	    STR("paper"), true, true, &m), SEL_ESTATE);
	/* Ranked by the stage score: 89, 80.33, 71. */
	assert_int_equal(app_stage_result_view(f->app, f->ar, &member, SEL,
	    STR("paper"), &rv), SEL_OK);
	assert_true(rv.published);
	assert_true(rv.scores_required);
	assert_int_equal(rv.nvac, 1);
	assert_int_equal(rv.vac[0].n, 3);
	assert_string_equal(rv.vac[0].c[0].o.reg_no.p, "SEL-003");
	assert_int_equal(rv.vac[0].c[0].rank, 1);
	assert_int_equal(rv.vac[0].c[0].score, 8900);
	assert_int_equal(rv.vac[0].c[1].score, 8033);
	assert_int_equal(rv.vac[0].c[2].rank, 3);
	assert_true(str_eq(rv.pub.sheet, rv.sheet));
}

static void
score_publish_optional_elsewhere(void **state)
{
	static const int sc[3][3] = { { 8000, 8000, 8000 },
	    { 7000, 7000, 7000 }, { 6000, 6000, 6000 } };
	struct fx *f = *state;
	struct rule_result why;
	struct who chair;
	struct app_msg m;

	sql(f, "UPDATE region SET profile_id = 'pekalongan-2022'");
	seed_candidates(f, 3);
	assert_false(result_scores_required(f->ar, app_profile_get(f->app,
	    STR("pekalongan-2022")), &why));
	assert_non_null(strstr(why.citation.p, "II.B.4.i.2"));
	assert_true(result_scores_required(f->ar, app_profile_get(f->app,
	    STR("demak-2022")), &why));
	seed_closed_stage(f, "paper", 3, sc, all_passed);
	fx_as(f, "ketua", &chair);
	assert_int_equal(app_stage_publish(f->app, f->ar, &chair, SEL,
	    STR("paper"), true, false, &m), SEL_OK);
	/* Without the scores, no public sheet. */
	assert_int_equal(sql_int(f, "SELECT length(sheet) FROM publication "
	    "WHERE kind = 'stage_result'"), 0);
}

/* The sheet is `selter rank` input that gives the page's ranking. */
static void
score_publish_sheet_is_selter_rank_input(void **state)
{
	static const int sc[4][3] = { { 7850, 7851, -1 },
	    { 7850, 7850, 7852 }, { 6000, -2, 6100 }, { 0, 0, 0 } };
	static const char *const out[] = { "passed", "passed", "failed",
	    "absent" };
	struct fx *f = *state;
	struct result_view rv;
	struct rank_out ro;
	struct json *root;
	struct diag d;
	struct who chair;
	struct str line;
	size_t n;

	seed_candidates(f, 4);
	seed_closed_stage(f, "paper", 3, sc, out);
	sql(f, "INSERT INTO stage_outcome (selection_id, application_id, "
	    "stage, score_sum, score_count, outcome) VALUES (1, (SELECT id "
	    "FROM application WHERE reg_no = 'SEL-004'), 'paper', 0, 0, "
	    "'absent')");
	fx_as(f, "ketua", &chair);
	publish_ok(f, &chair, "paper");
	assert_int_equal(app_stage_result_view(f->app, f->ar, &chair, SEL,
	    STR("paper"), &rv), SEL_OK);
	line = app_sheet_line(rv.pub.sheet, 0, &n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(line.p, "\"member\":\"anggota 1\""));
	assert_non_null(strstr(line.p, "\"member\":\"asesor 1\""));
	assert_non_null(strstr(line.p, "\"recused\":true"));
	assert_null(strstr(line.p, "SEL-004"));		/* absent: no score */
	assert_non_null(strstr(line.p, "\"weights\":{\"paper\":100"));
	assert_int_equal(json_parse(f->ar, line.p, line.len, 1, false, &root,
	    &d), SEL_OK);
	assert_int_equal(rank_decode_eval(f->ar, app_profile_get(f->app,
	    STR("demak-2022")), root, &ro, &d), SEL_OK);
	/* 78.505 (recused left out) rounds half up to 78.51; 78.50666 to
	   78.51: a tie, shared rank 1; 60.50 third. */
	assert_int_equal(ro.n, 3);
	assert_int_equal(ro.r[0].final, 7851);
	assert_int_equal(ro.r[1].final, 7851);
	assert_int_equal(ro.r[0].rank, 1);
	assert_int_equal(ro.r[1].rank, 1);
	assert_true(ro.r[0].tie);
	assert_int_equal(ro.r[2].final, 6050);
	assert_int_equal(ro.r[2].rank, 3);
	for (size_t i = 0; i < ro.n; i++)
		for (size_t k = 0; k < rv.vac[0].n; k++)
			if (str_eq(rv.vac[0].c[k].o.reg_no, ro.r[i].id)) {
				assert_int_equal(rv.vac[0].c[k].rank,
				    ro.r[i].rank);
				assert_int_equal(rv.vac[0].c[k].score,
				    ro.r[i].final);
			}
	assert_int_equal(rv.vac[0].c[3].rank, 0);	/* absent, last */
}

static void
score_ties_at_the_top3_cutoff(void **state)
{
	/* Finals 85, 80, 75, 75: places 3 and 4 tie. */
	static const int sc[4][3] = { { 8500, 8500, 8500 },
	    { 8000, 8000, 8000 }, { 7500, 7500, 7500 },
	    { 7400, 7600, 7500 } };
	struct fx *f = *state;
	struct ranking_view rv;
	struct who chair, member, ppk;
	struct app_msg m;
	int64_t order[2], before;

	seed_candidates(f, 4);
	sql(f, "UPDATE account SET email = login || '@example.org' WHERE "
	    "login IN ('ppk', 'pyb')");
	fx_as(f, "ketua", &chair);
	fx_as(f, "anggota", &member);
	fx_as(f, "ppk", &ppk);
	through_every_stage(f, &chair, 4, sc);
	assert_int_equal(app_ranking_view(f->app, f->ar, &member, SEL, &rv),
	    SEL_OK);
	assert_true(rv.ready);
	assert_int_equal(rv.vac[0].n, 4);
	assert_int_equal(rv.vac[0].out.r[2].rank, 3);
	assert_int_equal(rv.vac[0].out.r[3].rank, 3);
	assert_int_equal(rv.vac[0].sl.status, SL_TIE_OPEN);
	assert_int_equal(rv.vac[0].sl.n, 2);
	assert_false(rv.may_send);
	assert_false(rv.may_decide);		/* a member, not the chair */
	/* Sending waits for the committee (SCORE-TIES). */
	before = fx_events(f);
	assert_int_equal(app_ranking_send(f->app, f->ar, &chair, SEL, true,
	    &m), SEL_ESTATE);
	assert_non_null(strstr(m.text, "SCORE-TOP3"));
	order[0] = rv.vac[0].rows[3].application_id;
	order[1] = rv.vac[0].rows[2].application_id;
	assert_int_equal(app_tie_decide(f->app, f->ar, &member, SEL,
	    rv.vac[0].vacancy_id, order, 2, STR("Nilai wawancara lebih "
	    "tinggi."), &m), SEL_EPERM);
	assert_int_equal(app_tie_decide(f->app, f->ar, &chair, SEL,
	    rv.vac[0].vacancy_id, order, 2, STR("pendek"), &m), SEL_EINVAL);
	assert_int_equal(app_tie_decide(f->app, f->ar, &chair, SEL,
	    rv.vac[0].vacancy_id, order, 1, STR("Nilai wawancara lebih "
	    "tinggi."), &m), SEL_EINVAL);	/* not every tied one */
	assert_int_equal(fx_events(f), before);
	assert_int_equal(app_tie_decide(f->app, f->ar, &chair, SEL,
	    rv.vac[0].vacancy_id, order, 2, STR("Nilai wawancara lebih "
	    "tinggi."), &m), SEL_OK);
	assert_int_equal(app_ranking_view(f->app, f->ar, &chair, SEL, &rv),
	    SEL_OK);
	assert_int_equal(rv.vac[0].sl.status, SL_TIE_DECIDED);
	assert_int_equal(rv.vac[0].sl.n, 3);
	assert_true(str_eqc(rv.vac[0].sl.ids[2], "SEL-004"));
	assert_true(rv.may_send);
	assert_true(rv.may_decide);
	/* Demak: to the PPK, a copy through the PyB (Pasal 17(4), 19(1)). */
	assert_int_equal(rv.route.to, ROLE_PPK);
	assert_int_equal(rv.route.copy, ROLE_PYB);
	assert_int_equal(app_ranking_send(f->app, f->ar, &chair, SEL, false,
	    &m), SEL_EINVAL);
	before = fx_events(f);
	assert_int_equal(app_ranking_send(f->app, f->ar, &chair, SEL, true,
	    &m), SEL_OK);
	assert_int_equal(fx_events(f), before + 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM ranking_sent WHERE "
	    "to_role = 'ppk' AND length(sha256) = 64"), 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM outbox WHERE "
	    "to_addr = 'ppk@example.org' AND subject LIKE 'Peringkat "
	    "nilai%'"), 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM outbox WHERE "
	    "to_addr = 'pyb@example.org' AND body LIKE '%(tembusan)%'"), 1);
	assert_int_equal(app_ranking_send(f->app, f->ar, &chair, SEL, true,
	    &m), SEL_ESTATE);			/* once */
	{
		struct sel_view v;
		struct ranking_inbox *in;
		size_t n;

		assert_int_equal(app_sel_view(f->app, f->ar, SEL, &v), SEL_OK);
		assert_int_equal(v.state, FL_CHOICE);
		assert_int_equal(app_ranking_inbox(f->app, f->ar, &ppk, &in,
		    &n), SEL_OK);
		assert_int_equal(n, 1);
		assert_int_equal(app_ranking_inbox(f->app, f->ar, &member, &in,
		    &n), SEL_OK);
		assert_int_equal(n, 0);
	}
}

static void
score_top3_fewer_than_three(void **state)
{
	static const int sc[2][3] = { { 8500, 8500, 8500 },
	    { 8000, 8000, 8000 } };
	struct fx *f = *state;
	struct ranking_view rv;
	struct who chair;
	struct app_msg m;

	seed_candidates(f, 2);
	fx_as(f, "ketua", &chair);
	through_every_stage(f, &chair, 2, sc);
	/* demak-2022: min_to_proceed 3 (Pasal 17 ayat (6)). */
	assert_int_equal(app_ranking_view(f->app, f->ar, &chair, SEL, &rv),
	    SEL_OK);
	assert_int_equal(rv.vac[0].sl.status, SL_FEWER_REFUSED);
	assert_int_equal(rv.vac[0].sl.rule.status, RS_FAIL);
	assert_int_equal(app_ranking_send(f->app, f->ar, &chair, SEL, true,
	    &m), SEL_ESTATE);
	assert_non_null(strstr(m.text, "SCORE-TOP3"));
	/* The Covid procedure goes on with 2 (Pasal 24). */
	sql(f, "UPDATE region SET profile_id = 'demak-2022-covid'");
	assert_int_equal(app_ranking_view(f->app, f->ar, &chair, SEL, &rv),
	    SEL_OK);
	assert_int_equal(rv.vac[0].sl.status, SL_FEWER_OK);
	assert_int_equal(rv.vac[0].sl.n, 2);
	assert_non_null(strstr(rv.vac[0].sl.rule.detail.p, "paling sedikit 2"));
	assert_int_equal(app_ranking_send(f->app, f->ar, &chair, SEL, true,
	    &m), SEL_OK);
}

/* Rounding at .005 through the whole path: stage means to the final. */
static void
score_final_rounding_at_half_a_hundredth(void **state)
{
	/* Two raters, 78.50 and 78.51, in every stage: each stage mean is
	   78.505 exactly, and so is the weighted final before its one
	   half-up rounding: 78.51 (likewise 80.005 and 70.005). */
	static const int sc[3][3] = { { 7850, 7851, -2 },
	    { 8000, 8001, -2 }, { 7000, 7001, -2 } };
	struct fx *f = *state;
	struct ranking_view rv;
	struct who chair;

	seed_candidates(f, 3);
	fx_as(f, "ketua", &chair);
	through_every_stage(f, &chair, 3, sc);
	assert_int_equal(app_ranking_view(f->app, f->ar, &chair, SEL, &rv),
	    SEL_OK);
	assert_int_equal(rv.vac[0].out.r[0].final, 8001);
	assert_int_equal(rv.vac[0].out.r[1].final, 7851);
	assert_int_equal(rv.vac[0].out.r[2].final, 7001);
	assert_int_equal(rv.vac[0].sl.status, SL_COMPLETE);
}

/* Each role against the confidential ranking (app and permission). */
static void
score_ranking_confidential_by_role(void **state)
{
	static const struct {
		const char	*login;
		enum sel_err	 rc;
	} cases[] = {
		{ "ketua", SEL_OK }, { "anggota", SEL_OK }, { "pyb", SEL_OK },
		{ "ppk", SEL_OK }, { "pengawas", SEL_OK },
		{ "sekretariat", SEL_EPERM }, { "asesor", SEL_EPERM },
		{ "narasumber", SEL_EPERM }, { "pelamar", SEL_EPERM },
		{ "admin", SEL_EPERM },
	};
	struct fx *f = *state;
	struct ranking_view rv;
	struct who w;

	seed_candidates(f, 3);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		fx_as(f, cases[i].login, &w);
		if (app_ranking_view(f->app, f->ar, &w, SEL, &rv) !=
		    cases[i].rc)
			fail_msg("%s", cases[i].login);
	}
	memset(&w, 0, sizeof w);		/* the public */
	assert_int_equal(app_ranking_view(f->app, f->ar, &w, SEL, &rv),
	    SEL_EPERM);
	assert_false(perm_role_may(ROLE_SECRETARIAT, ACT_RANKING_VIEW));
	assert_false(perm_role_may(ROLE_APPLICANT, ACT_RANKING_VIEW));
	assert_true(perm_role_may(ROLE_OVERSIGHT, ACT_RANKING_VIEW));
}

/* Where the ranking goes: profile data, never the region's name. */
static void
score_top3_route_by_profile(void **state)
{
	struct fx *f = *state;
	struct result_route rr;
	const struct profile *pk = app_profile_get(f->app,
	    STR("pekalongan-2022")), *pt = app_profile_get(f->app,
	    STR("pontianak-2015")), *dm = app_profile_get(f->app,
	    STR("demak-2022"));

	result_route(f->ar, pk, false, false, &rr);
	assert_int_equal(rr.to, ROLE_PYB);
	assert_false(rr.direct);
	result_route(f->ar, pk, true, false, &rr);	/* not Pekalongan's */
	assert_int_equal(rr.to, ROLE_PYB);
	result_route(f->ar, pk, false, true, &rr);	/* II.B.4.i.3 Sekda */
	assert_int_equal(rr.to, ROLE_PPK);
	assert_true(rr.direct);
	assert_non_null(strstr(rr.why.citation.p, "II.B.4.i.3"));
	result_route(f->ar, pt, true, false, &rr);	/* 12(6)d */
	assert_int_equal(rr.to, ROLE_PPK);
	assert_true(rr.direct);
	result_route(f->ar, pt, false, true, &rr);
	assert_int_equal(rr.to, ROLE_PYB);
	result_route(f->ar, dm, false, false, &rr);
	assert_int_equal(rr.to, ROLE_PPK);
	assert_int_equal(rr.copy, ROLE_PYB);
}

/* The PyB sits on the committee: Pontianak sends straight to the PPK. */
static void
score_top3_pyb_on_committee_pontianak(void **state)
{
	static const int sc[3][3] = { { 8500, 8500, 8500 },
	    { 8000, 8000, 8000 }, { 7000, 7000, 7000 } };
	struct fx *f = *state;
	struct ranking_view rv;
	struct who chair;
	struct app_msg m;

	sql(f, "UPDATE region SET profile_id = 'pontianak-2015'");
	sql(f, "INSERT INTO grant_role (account_id, region_id, selection_id, "
	    "role) VALUES ((SELECT id FROM account WHERE login = 'anggota'), "
	    "1, 0, 'pyb')");
	seed_candidates(f, 3);
	fx_as(f, "ketua", &chair);
	through_every_stage(f, &chair, 3, sc);
	assert_int_equal(app_ranking_view(f->app, f->ar, &chair, SEL, &rv),
	    SEL_OK);
	assert_true(rv.pyb_on_committee);
	assert_int_equal(rv.route.to, ROLE_PPK);
	assert_int_equal(app_ranking_send(f->app, f->ar, &chair, SEL, true,
	    &m), SEL_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM ranking_sent WHERE "
	    "to_role = 'ppk'"), 1);
}

/* The core: the shortlist after a decision, with and without the rule. */
static void
score_ties_decided_order_must_match(void **state)
{
	struct fx *f = *state;
	struct rank_out r;
	struct ranked rk[4];
	struct result_short sl;
	struct str good[2] = { STR("D"), STR("C") }, bad[2] = { STR("D"),
	    STR("B") };

	memset(&r, 0, sizeof r);
	memset(rk, 0, sizeof rk);
	rk[0].id = STR("A"); rk[0].final = 9000; rk[0].rank = 1;
	rk[1].id = STR("B"); rk[1].final = 8000; rk[1].rank = 2;
	rk[2].id = STR("C"); rk[2].final = 7000; rk[2].rank = 3;
	rk[3].id = STR("D"); rk[3].final = 7000; rk[3].rank = 3;
	r.r = rk;
	r.n = 4;
	r.nshort = 2;
	r.ntied = 2;
	assert_false(result_tie_matches(&r, bad, 2));
	assert_true(result_tie_matches(&r, good, 2));
	result_shortlist(f->ar, app_profile_get(f->app, STR("demak-2022")), &r,
	    bad, 2, &sl);
	assert_int_equal(sl.status, SL_TIE_OPEN);
	result_shortlist(f->ar, app_profile_get(f->app, STR("demak-2022")), &r,
	    good, 2, &sl);
	assert_int_equal(sl.status, SL_TIE_DECIDED);
	assert_int_equal(sl.n, 3);
	assert_true(str_eqc(sl.ids[2], "D"));
}

/* The stored sheet is one line per vacancy; each is found by its id. */
static void
score_publish_sheet_lines_by_vacancy(void **state)
{
	struct str sheet = STR("{\"selter_sheet\":1,\"vacancy\":{\"id\":7,"
	    "\"title\":\"A\"}}\n{\"selter_sheet\":1,\"vacancy\":{\"id\":17,"
	    "\"title\":\"B\"}}"), l;
	size_t n;

	(void)state;
	l = app_sheet_line(sheet, 17, &n);
	assert_int_equal(n, 2);
	assert_non_null(strstr(l.p, "\"B\""));
	assert_int_equal(l.p[l.len - 1], '}');
	assert_true(l.p[l.len] == '\0');
	l = app_sheet_line(sheet, 7, &n);
	assert_int_equal(l.len, sizeof "{\"selter_sheet\":1,\"vacancy\":"
	    "{\"id\":7,\"title\":\"A\"}}" - 1);
	assert_int_equal(app_sheet_line(sheet, 1, &n).len, 0);
	assert_int_equal(app_sheet_line(STR(""), 0, &n).len, 0);
	assert_int_equal(n, 0);
}

/*
 * A recusal declared at a later stage (after the paper closed) leaves the
 * paper's frozen outcome and its sheet as they were closed: the rater's
 * paper score still counts there, and the later stage leaves it out.
 */
static void
score_final_recusal_later_leaves_a_closed_stage(void **state)
{
	static const int sc[3][3] = { { 8000, 8200, 7900 },
	    { 7000, 7100, 7200 }, { 9000, 8800, 8900 } };
	static const int later[3][3] = { { 8000, -2, 7900 },
	    { 7000, 7100, 7200 }, { 9000, 8800, 8900 } };
	struct fx *f = *state;
	struct result_view rv;
	struct who chair;
	struct str line;
	size_t n;

	seed_candidates(f, 3);
	fx_as(f, "ketua", &chair);
	seed_closed_stage(f, "paper", 3, sc, all_passed);
	publish_ok(f, &chair, "paper");
	sql(f, "INSERT INTO recusal (selection_id, application_id, rater_id, "
	    "reason, declared_at) VALUES (1, (SELECT id FROM application "
	    "WHERE reg_no = 'SEL-001'), (SELECT id FROM account WHERE login "
	    "= 'anggota'), 'Kerabat.', '2026-11-23T00:00:00Z')");
	/* The paper's result reads as published, 80,00 counted whole. */
	assert_int_equal(app_stage_result_view(f->app, f->ar, &chair, SEL,
	    STR("paper"), &rv), SEL_OK);
	line = app_sheet_line(rv.sheet, 0, &n);
	assert_int_equal(n, 1);
	assert_null(strstr(line.p, "\"recused\":true"));
	assert_non_null(strstr(line.p, "{\"member\":\"anggota 2\",\"score\":82,"
	    "\"recused\":false}"));
	seed_closed_stage(f, "track_record", 3, later, all_passed);
	sql(f, "UPDATE stage_close SET closed_at = '2026-11-24T01:00:00Z' "
	    "WHERE stage = 'track_record'");
	/* The track record: the recusal leaves anggota out of SEL-001. */
	publish_ok(f, &chair, "track_record");
	assert_int_equal(app_stage_result_view(f->app, f->ar, &chair, SEL,
	    STR("track_record"), &rv), SEL_OK);
	line = app_sheet_line(rv.sheet, 0, &n);
	assert_non_null(strstr(line.p, "\"recused\":true"));
	assert_non_null(strstr(line.p, "\"paper\":[{\"member\":\"anggota 1\","
	    "\"score\":80,\"recused\":false},{\"member\":\"anggota 2\","
	    "\"score\":82,\"recused\":false}"));
	assert_non_null(strstr(line.p, "\"track_record\":[{\"member\":"
	    "\"anggota 1\",\"score\":80,\"recused\":false},{\"member\":"
	    "\"anggota 2\",\"recused\":true}"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("SCORE-PUBLISH",
		    score_publish_refuses_an_unclosed_stage),
		RULE_TEST("SCORE-PUBLISH",
		    score_publish_demak_requires_the_scores),
		RULE_TEST("SCORE-PUBLISH", score_publish_optional_elsewhere),
		RULE_TEST("SCORE-PUBLISH",
		    score_publish_sheet_is_selter_rank_input),
		RULE_TEST("SCORE-PUBLISH",
		    score_publish_sheet_lines_by_vacancy),
		RULE_TEST("SCORE-TIES", score_ties_at_the_top3_cutoff),
		RULE_TEST("SCORE-TOP3", score_top3_fewer_than_three),
		RULE_TEST("SCORE-TOP3", score_top3_route_by_profile),
		RULE_TEST("SCORE-TOP3", score_top3_pyb_on_committee_pontianak),
		RULE_TEST("SCORE-FINAL",
		    score_final_rounding_at_half_a_hundredth),
		RULE_TEST("SCORE-TIES", score_ties_decided_order_must_match),
		FX_TEST(score_ranking_confidential_by_role),
		RULE_TEST("SCORE-FINAL",
		    score_final_recusal_later_leaves_a_closed_stage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
