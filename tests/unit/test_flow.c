/*
 * test_flow.c - core/flow: the workflow's transition table cell by cell
 * (state x transition x role), the state derived from the recorded acts
 * and the calendar (the day before, of and after each boundary), the
 * stage order of each profile and plan, the guards and their citations,
 * the progress marks, and the application's table.
 */
#include <stdio.h>
#include <string.h>

#include "core/flow.h"
#include "core/profile.h"
#include "t.h"
#include "base/banned.h"

/*
 * The table restated by hand, one line a transition: the states it
 * leaves, where it leads ("next" for the next stage), who takes it.
 * Written from REGULATIONS.md §2-3, not from flow.c: a change to either
 * side fails this test.
 */
static const struct {
	enum flow_tr	 t;
	const char	*from, *to, *roles;
} expect[FT__N] = {
	{ FT_PUBLISH, "preparing", "announced", "chair" },
	{ FT_OPEN, "announced", "registration", "clock" },
	{ FT_END, "registration", "registration_ended", "clock" },
	{ FT_CLOSE, "registration_ended", "administrative", "secretariat" },
	{ FT_EXTEND, "registration_ended administrative", "registration",
	    "chair" },
	{ FT_ADM_PUBLISH, "administrative", "next", "chair" },
	{ FT_STAGE_PUBLISH, "paper track_record assessment interview health",
	    "next", "chair" },
	{ FT_RANKING_SEND, "ranking", "choice", "chair" },
	{ FT_CHOOSE, "choice", "consultation", "ppk" },
	{ FT_CONSULTED, "consultation", "report", "secretariat" },
	{ FT_RECOMMENDED, "report", "appointment", "oversight secretariat" },
	{ FT_APPOINT, "appointment", "tenure", "ppk" },
};

static const char *const role_words[ROLE__N] = { "secretariat", "chair",
	"member", "assessor", "narasumber", "pyb", "ppk", "oversight",
	"applicant" };

/* Is word one of the space-separated words of list? */
static bool
has_word(const char *list, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = list; *p != '\0';) {
		size_t k = strcspn(p, " ");

		if (k == n && memcmp(p, word, n) == 0)
			return true;
		p += k;
		p += *p == ' ';
	}
	return false;
}

static struct flow_facts
facts_at(const char *today)
{
	struct flow_facts f;

	memset(&f, 0, sizeof f);
	f.today = t_date(today);
	f.published = true;
	f.has_window = true;
	f.open = t_date("2026-12-14");
	f.close = t_date("2026-12-28");
	f.stages[0] = FL_TRACK;
	f.stages[1] = FL_ASSESS;
	f.stages[2] = FL_INTERVIEW;
	f.nstages = 3;
	return f;
}

/* Every cell: is t offered from s, and may role r take it? */
static void
flow_table_cell_by_cell(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	struct flow_facts f = facts_at("2026-12-20");
	struct flow_offer o[FT__N];
	int cells = 0;

	for (int s = 0; s < FL__N; s++) {
		size_t n = flow_offers(a, p, &f, (enum flow_state)s, NULL, o);

		for (int t = 0; t < FT__N; t++) {
			bool offered = false, want;

			assert_int_equal(expect[t].t, t);
			assert_int_equal(flow_table[t].id, t);
			for (size_t i = 0; i < n; i++)
				offered = offered || o[i].def->id ==
				    (enum flow_tr)t;
			want = has_word(expect[t].from, flow_state_name(
			    (enum flow_state)s));
			if (offered != want)
				fail_msg("%s from %s: offered %d, expected %d",
				    flow_table[t].name, flow_state_name(
				    (enum flow_state)s), offered, want);
			for (int r = 0; r < ROLE__N; r++) {
				bool may = flow_role_may((enum flow_tr)t,
				    (enum role)r);

				if (may != has_word(expect[t].roles,
				    role_words[r]))
					fail_msg("%s by %s: %d",
					    flow_table[t].name, role_words[r],
					    may);
				cells++;
			}
			assert_int_equal(flow_table[t].by_clock,
			    has_word(expect[t].roles, "clock"));
			if (strcmp(expect[t].to, "next") == 0)
				assert_int_equal(flow_table[t].to, FL__N);
			else
				assert_string_equal(flow_state_name(
				    flow_table[t].to), expect[t].to);
		}
	}
	assert_int_equal(cells, FL__N * FT__N * ROLE__N);
	/* Out of range is refused, never read past the table. */
	assert_false(flow_role_may(FT__N, ROLE_CHAIR));
	assert_false(flow_role_may(FT_CLOSE, ROLE__N));
}

/* Registration: the day before opening, the first, the last, the day after. */
static void
ann_duration_flow_state_by_the_calendar(void **state)
{
	struct flow_facts f = facts_at("2026-12-13");

	(void)state;
	assert_int_equal(flow_state_of(&f), FL_ANNOUNCED);
	f.today = t_date("2026-12-14");
	assert_int_equal(flow_state_of(&f), FL_REGISTRATION);
	f.today = t_date("2026-12-28");
	assert_int_equal(flow_state_of(&f), FL_REGISTRATION);
	f.today = t_date("2026-12-29");
	assert_int_equal(flow_state_of(&f), FL_REG_ENDED);
	f.closed = true;
	assert_int_equal(flow_state_of(&f), FL_ADMINISTRATIVE);
	f.published = false;
	assert_int_equal(flow_state_of(&f), FL_PREPARING);
}

/* After the administrative result: each stage in order, then the rest. */
static void
flow_state_after_the_administrative_result(void **state)
{
	struct flow_facts f = facts_at("2027-01-20");

	(void)state;
	f.closed = true;
	f.adm_published = true;
	assert_int_equal(flow_state_of(&f), FL_TRACK);
	assert_int_equal(flow_target(&f, FT_ADM_PUBLISH, FL_ADMINISTRATIVE),
	    FL_TRACK);
	assert_int_equal(flow_target(&f, FT_STAGE_PUBLISH, FL_TRACK),
	    FL_ASSESS);
	assert_int_equal(flow_target(&f, FT_STAGE_PUBLISH, FL_INTERVIEW),
	    FL_RANKING);
	f.stages_published = 2;
	assert_int_equal(flow_state_of(&f), FL_INTERVIEW);
	f.stages_published = 3;
	assert_int_equal(flow_state_of(&f), FL_RANKING);
	f.ranking_sent = true;
	assert_int_equal(flow_state_of(&f), FL_CHOICE);
	f.chosen = true;
	assert_int_equal(flow_state_of(&f), FL_CONSULT);
	f.consulted = true;
	assert_int_equal(flow_state_of(&f), FL_REPORT);
	f.recommended = true;
	assert_int_equal(flow_state_of(&f), FL_APPOINTMENT);
	f.appointed = true;
	assert_int_equal(flow_state_of(&f), FL_TENURE);
	/* No stage at all: the result leads to the ranking. */
	f.nstages = 0;
	assert_int_equal(flow_target(&f, FT_ADM_PUBLISH, FL_ADMINISTRATIVE),
	    FL_RANKING);
}

/* Each profile's stages in its file order; the plan's dates reorder them. */
static void
flow_stages_from_profile_and_plan(void **state)
{
	struct arena *a = T_ARENA(state);
	enum flow_state out[FL_NSTAGES];
	struct flow_plan_stage plan[3];
	size_t n;

	n = flow_stages(t_profile(a, "demak-2022"), NULL, 0, out);
	assert_int_equal(n, 4);
	assert_int_equal(out[0], FL_TRACK);
	assert_int_equal(out[3], FL_HEALTH);
	/* Pontianak Pasal 11 ayat (1): competency, interview, track. */
	n = flow_stages(t_profile(a, "pontianak-2015"), NULL, 0, out);
	assert_int_equal(n, 5);
	assert_int_equal(out[0], FL_PAPER);
	assert_int_equal(out[1], FL_ASSESS);
	assert_int_equal(out[2], FL_INTERVIEW);
	assert_int_equal(out[3], FL_TRACK);
	assert_int_equal(out[4], FL_HEALTH);
	/* Demak's plan schedules the (weighted) paper first and the
	   assessment before the track record: dated stages lead. */
	plan[0] = (struct flow_plan_stage){ FL_ASSESS, t_date("2027-01-10"),
	    t_date("2027-01-11") };
	plan[1] = (struct flow_plan_stage){ FL_PAPER, t_date("2027-01-05"),
	    t_date("2027-01-05") };
	plan[2] = (struct flow_plan_stage){ FL_TRACK, t_date("2027-01-12"),
	    t_date("2027-01-14") };
	n = flow_stages(t_profile(a, "demak-2022"), plan, 3, out);
	assert_int_equal(n, 5);
	assert_int_equal(out[0], FL_PAPER);
	assert_int_equal(out[1], FL_ASSESS);
	assert_int_equal(out[2], FL_TRACK);
	assert_int_equal(out[3], FL_INTERVIEW);
	assert_int_equal(out[4], FL_HEALTH);
}

/* Closing is offered once the window has ended, never before. */
static void
ann_duration_close_only_after_the_window(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	struct flow_facts f = facts_at("2026-12-28");
	struct flow_offer o[FT__N];
	size_t n;

	/* A caller that asked in the last day (it cannot be in
	   FL_REG_ENDED then, but the guard holds on its own). */
	n = flow_offers(a, p, &f, FL_REG_ENDED, NULL, o);
	assert_int_equal(n, 2);
	assert_int_equal(o[0].def->id, FT_CLOSE);
	assert_false(o[0].ready);
	assert_non_null(strstr(o[0].why.p, "belum berakhir"));
	f.today = t_date("2026-12-29");
	n = flow_offers(a, p, &f, FL_REG_ENDED, NULL, o);
	assert_true(o[0].ready);
	assert_int_equal(o[0].to, FL_ADMINISTRATIVE);
	/* The citation is the profile's. */
	assert_int_equal(o[0].nguard, 1);
	assert_int_equal(o[0].guard[0].id, R_ANN_DURATION);
	assert_non_null(strstr(t_cstr(a, o[0].guard[0].citation),
	    "Perbup Demak 47/2022"));
}

/* A failing guard blocks, with its own detail; a passing one does not. */
static void
adm_min_3_guards_the_administrative_result(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	struct flow_facts f = facts_at("2027-01-04");
	struct flow_guards *g = arena_alloc(a, sizeof *g);
	struct flow_offer o[FT__N];
	size_t n;

	memset(g, 0, sizeof *g);
	f.closed = true;
	flow_guard(g, R_ADM_MIN_3, RS_FAIL, STR("Hanya 2 calon memenuhi "
	    "syarat."));
	n = flow_offers(a, p, &f, FL_ADMINISTRATIVE, g, o);
	assert_int_equal(n, 2);
	assert_int_equal(o[0].def->id, FT_EXTEND);
	assert_int_equal(o[1].def->id, FT_ADM_PUBLISH);
	assert_false(o[1].ready);
	assert_string_equal(t_cstr(a, o[1].why), "Hanya 2 calon memenuhi "
	    "syarat.");
	assert_int_equal(o[1].to, FL_TRACK);
	flow_guard(g, R_ADM_MIN_3, RS_PASS, STR("3 calon."));
	flow_offers(a, p, &f, FL_ADMINISTRATIVE, g, o);
	assert_true(o[1].ready);
	/* A guard the profile lacks is left out: Demak has no
	   SCORE-PUBLISH entry?  Then only the two it has are listed. */
	for (size_t i = 0; i < o[1].nguard; i++)
		assert_non_null(profile_rule_any(p, o[1].guard[i].id));
}

/* A stage's result is guarded by that stage's rule only. */
static void
stg_track_guards_its_own_result(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	struct flow_facts f = facts_at("2027-01-20");
	struct flow_offer o[FT__N];
	size_t n;

	f.closed = f.adm_published = true;
	n = flow_offers(a, p, &f, FL_TRACK, NULL, o);
	assert_int_equal(n, 1);
	assert_int_equal(o[0].def->id, FT_STAGE_PUBLISH);
	assert_int_equal(o[0].to, FL_ASSESS);
	for (size_t i = 0; i < o[0].nguard; i++)
		assert_true(o[0].guard[i].id == R_STG_TRACK ||
		    o[0].guard[i].id == R_SCORE_PUBLISH);
	assert_true(o[0].nguard >= 1);
	assert_int_equal(o[0].guard[0].id, R_STG_TRACK);
}

/* Done, current, waiting, and the stages this selection does not have. */
static void
flow_progress_marks(void **state)
{
	struct flow_facts f = facts_at("2026-12-20");
	struct flow_step st[FL__N];
	struct flow_dates dates;
	size_t n;

	(void)state;
	memset(&dates, 0, sizeof dates);
	dates.d[FL_REGISTRATION][0] = f.open;
	dates.d[FL_REGISTRATION][1] = f.close;
	n = flow_progress(&f, flow_state_of(&f), &dates, st);
	assert_int_equal(n, FL__N);
	assert_int_equal(st[0].state, FL_PREPARING);
	assert_int_equal(st[0].mark, FM_DONE);
	assert_int_equal(st[1].mark, FM_DONE);		/* announced */
	assert_int_equal(st[2].state, FL_REGISTRATION);
	assert_int_equal(st[2].mark, FM_CURRENT);
	assert_int_equal(st[2].from, f.open);
	assert_int_equal(st[2].to, f.close);
	assert_int_equal(st[3].mark, FM_WAITING);	/* ended */
	/* The selection's stages in its order, then the rest. */
	assert_int_equal(st[5].state, FL_TRACK);
	assert_int_equal(st[6].state, FL_ASSESS);
	assert_int_equal(st[7].state, FL_INTERVIEW);
	assert_int_equal(st[8].state, FL_RANKING);
	assert_int_equal(st[FL__N - 1].mark, FM_ABSENT);
	assert_int_equal(st[FL__N - 2].mark, FM_ABSENT);
	assert_true(st[FL__N - 1].state == FL_PAPER ||
	    st[FL__N - 1].state == FL_HEALTH);
}

/* The application's table: who may move an application, and when. */
static void
adm_complete_application_table(void **state)
{
	enum flow_app_state s;

	(void)state;
	/* A member decides during the administrative selection only. */
	assert_true(flow_app_may(FAT_ADM_PASS, FA_SUBMITTED,
	    FL_ADMINISTRATIVE, ROLE_MEMBER));
	assert_true(flow_app_may(FAT_ADM_FAIL, FA_SUBMITTED, FL_REG_ENDED,
	    ROLE_CHAIR));
	assert_false(flow_app_may(FAT_ADM_PASS, FA_SUBMITTED,
	    FL_REGISTRATION, ROLE_MEMBER));
	assert_false(flow_app_may(FAT_ADM_PASS, FA_SUBMITTED,
	    FL_ADMINISTRATIVE, ROLE_SECRETARIAT));
	assert_false(flow_app_may(FAT_ADM_PASS, FA_WITHDRAWN,
	    FL_ADMINISTRATIVE, ROLE_MEMBER));
	assert_false(flow_app_may(FAT_ADM_PASS, FA_SUBMITTED, FL_TRACK,
	    ROLE_MEMBER));
	/* Applying: while registration is open, by the applicant. */
	assert_true(flow_app_may(FAT_SUBMIT, FA_SUBMITTED, FL_REGISTRATION,
	    ROLE_APPLICANT));
	assert_false(flow_app_may(FAT_SUBMIT, FA_SUBMITTED, FL_ANNOUNCED,
	    ROLE_APPLICANT));
	assert_false(flow_app_may(FAT_SUBMIT, FA_SUBMITTED, FL_REGISTRATION,
	    ROLE_SECRETARIAT));
	/* Withdrawing: from registration to the ranking, not once the
	   PPK chooses; never someone else's. */
	assert_true(flow_app_may(FAT_WITHDRAW, FA_SUBMITTED, FL_TRACK,
	    ROLE_APPLICANT));
	assert_true(flow_app_may(FAT_WITHDRAW, FA_ADM_PASSED, FL_RANKING,
	    ROLE_APPLICANT));
	assert_false(flow_app_may(FAT_WITHDRAW, FA_TOP3, FL_CHOICE,
	    ROLE_APPLICANT));
	assert_false(flow_app_may(FAT_WITHDRAW, FA_SUBMITTED, FL_PREPARING,
	    ROLE_APPLICANT));
	assert_false(flow_app_may(FAT_WITHDRAW, FA_SUBMITTED, FL_TRACK,
	    ROLE_SECRETARIAT));
		/* A resource person never moves an application. */
	for (int t = 0; t < FAT__N; t++)
		for (int as = 0; as < FA__N; as++)
			for (int sel = 0; sel < FL__N; sel++)
				assert_false(flow_app_may((enum flow_app_tr)t,
				    (enum flow_app_state)as,
				    (enum flow_state)sel, ROLE_NARASUMBER));
	/* Only the PPK chooses, and only among the best 3. */
	assert_true(flow_app_may(FAT_CHOOSE, FA_TOP3, FL_CHOICE, ROLE_PPK));
	assert_false(flow_app_may(FAT_CHOOSE, FA_ADM_PASSED, FL_CHOICE,
	    ROLE_PPK));
	assert_false(flow_app_may(FAT_CHOOSE, FA_TOP3, FL_CHOICE,
	    ROLE_CHAIR));
	/* Names round-trip; an unknown one is refused. */
	for (int i = 0; i < FA__N; i++) {
		assert_true(flow_app_state_parse(str_c(flow_app_state_name(
		    (enum flow_app_state)i)), &s));
		assert_int_equal(s, i);
	}
	assert_false(flow_app_state_parse(STR("Submitted"), &s));
	assert_false(flow_app_state_parse(STR(""), &s));
}

/* Stage ids of the plan round-trip; labels are Indonesian sentences. */
static void
flow_names_and_labels(void **state)
{
	enum flow_state s;

	(void)state;
	for (int i = 0; i < FL__N; i++) {
		const char *id = flow_stage_id((enum flow_state)i);

		assert_true(flow_state_label((enum flow_state)i)[0] != '?');
		if (id == NULL) {
			assert_false(flow_is_stage((enum flow_state)i));
			continue;
		}
		assert_true(flow_stage_parse(str_c(id), &s));
		assert_int_equal(s, i);
		assert_int_equal(flow_stage_rule(s) != R__N, true);
	}
	assert_false(flow_stage_parse(STR("ranking"), &s));
	assert_string_equal(flow_state_name(FL__N), "?");
}

/* Today's practice gates the announcement where a profile turns it on. */
static void
prac_oversight_approval_guards_the_announcement(void **state)
{
	struct arena *a = T_ARENA(state);
	size_t len;
	char *text = t_read(a, "tests/fixtures/profiles/praktik-2026.json",
	    &len);
	const struct profile *p, *seed = t_profile(a, "demak-2022");
	struct flow_facts f = facts_at("2026-12-01");
	struct flow_guards *g = arena_alloc(a, sizeof *g);
	struct flow_offer o[FT__N];
	bool seen = false;

	assert_non_null(text);
	p = t_profile_text(a, text);
	memset(g, 0, sizeof *g);
	f.published = false;
	flow_guard(g, R_PRAC_OVERSIGHT_APPROVAL, RS_MISSING,
	    STR("0 dari 2 surat persetujuan BKN telah dicatat."));
	assert_int_equal(flow_offers(a, p, &f, FL_PREPARING, g, o), 1);
	assert_false(o[0].ready);
	assert_string_equal(t_cstr(a, o[0].why), "0 dari 2 surat "
	    "persetujuan BKN telah dicatat.");
	for (size_t i = 0; i < o[0].nguard; i++)
		seen = seen || o[0].guard[i].id == R_PRAC_HOME_MINISTER;
	assert_true(seen);
	/* The seed does not have it: the same facts do not block. */
	flow_offers(a, seed, &f, FL_PREPARING, g, o);
	assert_true(o[0].ready);
	for (size_t i = 0; i < o[0].nguard; i++)
		assert_int_not_equal(o[0].guard[i].id,
		    R_PRAC_OVERSIGHT_APPROVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T_TEST(flow_table_cell_by_cell),
		RULE_TEST("ANN-DURATION",
		    ann_duration_flow_state_by_the_calendar),
		T_TEST(flow_state_after_the_administrative_result),
		T_TEST(flow_stages_from_profile_and_plan),
		RULE_TEST("ANN-DURATION",
		    ann_duration_close_only_after_the_window),
		RULE_TEST("ADM-MIN-3",
		    adm_min_3_guards_the_administrative_result),
		RULE_TEST("STG-TRACK", stg_track_guards_its_own_result),
		T_TEST(flow_progress_marks),
		RULE_TEST("ADM-COMPLETE", adm_complete_application_table),
		T_TEST(flow_names_and_labels),
		RULE_TEST("PRAC-OVERSIGHT-APPROVAL",
		    prac_oversight_approval_guards_the_announcement),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
