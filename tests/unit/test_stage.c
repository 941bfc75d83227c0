/*
 * test_stage.c - running a stage (issue 12 item 1), the core's part: the
 * stages' specifics as profile data (core/stage.h) and their loader and
 * checker, the checks of a stage's plan and of the integrity instrument.
 * The use cases are test_stage_app.c's.
 */
#include <stdio.h>
#include <string.h>

#include "t_app.h"
#include "core/profile.h"
#include "core/stage.h"
#include "base/banned.h"

#define HEAD								\
	"{\"selter_profile\": 1, \"id\": \"test-2025\",\n"		\
	" \"title\": \"Test\", \"regulation\": \"Peraturan Test\",\n"	\
	" \"cite\": \"Perbup Test 1/2025\",\n"				\
	" \"region\": {\"name\": \"Kabupaten Test\", "			\
	"\"province\": \"Jawa Tengah\", \"timezone\": \"WIB\"},\n"	\
	" \"oversight\": \"BKN\", \"levels\": [\"jpt_pratama\"],\n"	\
	" \"rules\": [\n"
#define TAIL	"\n]}"

/* Every test runs on the fixture (t_app.h), whose RULE_TEST is its own;
   the core's use only its arena. */

/* ---- the core ---- */

static const char *
plan(struct arena *a, const struct profile *p, enum flow_state st,
    struct stage_plan_in in, struct stage_plan *out, const char **field)
{
	return stage_plan_check(a, p, st, &in, out, field);
}

static void
stage_plan_pass_min_boundaries(void **state)
{
	struct arena *a = ((struct fx *)*(state))->ar;
	const struct profile *p = t_profile(a, "pekalongan-2022");
	static const struct {
		const char	*in;
		int		 want;		/* -2: refused */
	} cases[] = {
		{ "", -1 }, { "0", 0 }, { "100", 10000 }, { "100,00", 10000 },
		{ "100,01", -2 }, { "99,99", 9999 }, { "72,5", 7250 },
		{ "72.55", 7255 }, { "72,555", -2 }, { "-1", -2 }, { "7a", -2 },
		{ " 70 ", 7000 }, { "70,", -2 }, { ",5", -2 }, { "1000", -2 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct stage_plan out;
		const char *field = NULL;
		const char *why = plan(a, p, FL_PAPER, (struct stage_plan_in){
		    .pass_min = str_c(cases[i].in) }, &out, &field);

		if (cases[i].want == -2) {
			assert_non_null(why);
			assert_string_equal(field, "pass_min");
			assert_non_null(strstr(why, "0 sampai 100"));
		} else {
			assert_null(why);
			assert_int_equal(out.pass_min, cases[i].want);
		}
	}
	assert_string_equal(t_cstr(a, stage_score_text(a, 7250)), "72,5");
	assert_string_equal(t_cstr(a, stage_score_text(a, 7255)), "72,55");
	assert_string_equal(t_cstr(a, stage_score_text(a, 10000)), "100");
}

static void
stage_plan_best_n_boundaries(void **state)
{
	struct arena *a = ((struct fx *)*(state))->ar;
	const struct profile *p = t_profile(a, "pekalongan-2022");
	static const struct {
		const char	*in;
		int		 want;
	} cases[] = { { "", 0 }, { "1", 1 }, { "99", 99 }, { "0", -2 },
	    { "100", -2 }, { "2,5", -2 }, { "tiga", -2 } };

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct stage_plan out;
		const char *field = NULL;
		const char *why = plan(a, p, FL_INTERVIEW, (struct stage_plan_in){
		    .pass_best = str_c(cases[i].in), .pass_min = STR("70") },
		    &out, &field);

		if (cases[i].want == -2) {
			assert_non_null(why);
			assert_string_equal(field, "pass_best");
		} else {
			assert_null(why);
			assert_int_equal(out.pass_best, cases[i].want);
			assert_int_equal(out.pass_min, 7000);
		}
	}
}

static void
stage_link_https_only(void **state)
{
	static const char *const good[] = { "https://meet.example.go.id/x",
	    "https://zoom.us/j/123?pwd=abc", "https://vc.example.go.id:8443/r",
	    NULL };
	static const char *const bad[] = { "http://meet.example.go.id/x",
	    "https://", "https:///path", "https://a b.id/", "javascript:x",
	    "https://user@evil.example/", "https://.example.id/",
	    "https://example.id/\"onmouseover", "ftp://example.id/",
	    "HTTPS://EXAMPLE.ID/", "https://example.id/<script>", NULL };

	(void)state;
	for (int i = 0; good[i] != NULL; i++)
		assert_true(stage_link_ok(str_c(good[i])));
	for (int i = 0; bad[i] != NULL; i++)
		if (stage_link_ok(str_c(bad[i])))
			fail_msg("accepted %s", bad[i]);
}

/* Demak's Covid procedure: the assessment by video conference, 24(2). */
static void
stg_assess_video_required_demak_covid(void **state)
{
	struct arena *a = ((struct fx *)*(state))->ar;
	const struct profile *p = t_profile(a, "demak-2022-covid");
	struct stage_plan out;
	const char *field = NULL, *why;

	assert_int_equal(stage_vc(p, FL_ASSESS), SVC_REQUIRED);
	why = plan(a, p, FL_ASSESS, (struct stage_plan_in){ .place =
	    STR("Aula BKPSDM") }, &out, &field);
	assert_non_null(why);
	assert_string_equal(field, "link");
	assert_non_null(strstr(why, "Perbup Demak 47/2022 Pasal 24 ayat (2)"));
	assert_null(plan(a, p, FL_ASSESS, (struct stage_plan_in){ .link =
	    STR("https://vc.example.go.id/a"), .provider = STR("UPT PK") },
	    &out, &field));
	assert_string_equal(t_cstr(a, out.provider), "UPT PK");
	/* Nothing typed yet: checked when the invitations go out. */
	assert_null(plan(a, p, FL_ASSESS, (struct stage_plan_in){ 0 }, &out,
	    &field));
	/* The normal procedure has no video conference: a link is refused. */
	p = t_profile(a, "demak-2022");
	assert_int_equal(stage_vc(p, FL_ASSESS), SVC_NONE);
	why = plan(a, p, FL_ASSESS, (struct stage_plan_in){ .link =
	    STR("https://vc.example.go.id/a") }, &out, &field);
	assert_non_null(why);
	assert_string_equal(field, "link");
	/* Pekalongan's Covid procedure only allows it (3.b.2: "dapat"). */
	p = t_profile(a, "pekalongan-2022-covid");
	assert_int_equal(stage_vc(p, FL_ASSESS), SVC_ALLOWED);
	assert_null(plan(a, p, FL_ASSESS, (struct stage_plan_in){ .place =
	    STR("Aula") }, &out, &field));
}

static void
stg_assess_provider_only_for_the_assessment(void **state)
{
	struct arena *a = ((struct fx *)*(state))->ar;
	const struct profile *p = t_profile(a, "pekalongan-2022");
	struct stage_plan out;
	const char *field = NULL, *why;

	why = plan(a, p, FL_PAPER, (struct stage_plan_in){ .provider =
	    STR("Lembaga") }, &out, &field);
	assert_non_null(why);
	assert_string_equal(field, "provider");
	/* PRAC-ASSESSOR keeps the provider: not typed twice. */
	why = plan(a, p, FL_ASSESS, (struct stage_plan_in){ .provider =
	    STR("Lembaga"), .provider_elsewhere = true }, &out, &field);
	assert_non_null(why);
	assert_non_null(strstr(why, "PRAC-ASSESSOR"));
	why = plan(a, p, FL_ASSESS, (struct stage_plan_in){ .time_text =
	    STR("08.00-12.00 WIB 08.00-12.00 WIB 08.00-12.00 WIB 08.00-12.00 "
	    "WIB") }, &out, &field);
	assert_non_null(why);
	assert_string_equal(field, "time_text");
	why = plan(a, p, FL_ASSESS, (struct stage_plan_in){ .place =
	    STR("Aula\nBKPSDM") }, &out, &field);
	assert_non_null(why);
	assert_string_equal(field, "place");
}

/* Online (the Covid procedures) or handwritten (Pontianak 12(3)e). */
static void
stg_paper_submission_per_profile(void **state)
{
	struct arena *a = ((struct fx *)*(state))->ar;
	const struct profile *pont = t_profile(a, "pontianak-2015");
	const struct profile *pc = t_profile(a, "pekalongan-2022-covid");
	const struct profile *pk = t_profile(a, "pekalongan-2022");
	const struct stage_step *s;

	s = stage_step(pont, FL_PAPER, SS_HANDWRITTEN);
	assert_non_null(s);
	assert_string_equal(t_cstr(a, s->citation), "Perwal Pontianak "
	    "34/2015 Pasal 12 ayat (3) huruf e");
	assert_null(stage_step(pont, FL_PAPER, SS_ONLINE_SUBMISSION));
	s = stage_step(pc, FL_PAPER, SS_ONLINE_SUBMISSION);
	assert_non_null(s);
	assert_non_null(strstr(t_cstr(a, s->citation), "Lampiran II 3.b.1"));
	assert_int_equal(stage_vc(pc, FL_PAPER), SVC_ALLOWED);
	assert_null(stage_step(pk, FL_PAPER, SS_ONLINE_SUBMISSION));
	assert_int_equal(stage_vc(pk, FL_PAPER), SVC_NONE);
	assert_non_null(stage_step(pk, FL_PAPER, SS_THEME_BY_COMMITTEE));
}

/* The instrument's weights add up to 100 (Demak 15(3)a and its peers). */
static void
stg_track_instrument_weights_sum_100(void **state)
{
	struct arena *a = ((struct fx *)*(state))->ar;
	struct track_criterion out[TRACK_MAX_CRITERIA];
	struct str n[12], w[12];
	size_t k;
	int row;

	memset(n, 0, sizeof n);
	memset(w, 0, sizeof w);
	n[0] = STR("Integritas");
	w[0] = STR("60");
	n[2] = STR("Prestasi");		/* an empty row between is skipped */
	w[2] = STR("40");
	assert_null(stage_instrument_check(a, n, w, 3, out, &k, &row));
	assert_int_equal(k, 2);
	assert_int_equal(out[1].weight, 40);
	w[2] = STR("39");			/* 99 */
	assert_non_null(strstr(stage_instrument_check(a, n, w, 3, out, &k,
	    &row), "harus 100 (sekarang 99)"));
	assert_int_equal(row, -1);
	w[2] = STR("41");			/* 101 */
	assert_non_null(strstr(stage_instrument_check(a, n, w, 3, out, &k,
	    &row), "(sekarang 101)"));
	w[2] = STR("0");
	assert_non_null(stage_instrument_check(a, n, w, 3, out, &k, &row));
	assert_int_equal(row, 2);
	w[2] = STR("40");
	n[2] = STR("");
	assert_non_null(strstr(stage_instrument_check(a, n, w, 3, out, &k,
	    &row), "baris 3: nama"));
	assert_int_equal(row, 2);
	/* Nothing at all, or more than 10 criteria. */
	assert_non_null(stage_instrument_check(a, n, w, 0, out, &k, &row));
	for (int i = 0; i < 11; i++) {
		n[i] = STR("Kriteria");
		w[i] = i < 10 ? STR("9") : STR("10");
	}
	assert_non_null(strstr(stage_instrument_check(a, n, w, 11, out, &k,
	    &row), "Paling banyak 10"));
	/* The closed inquiry: Demak 15(3)d and Pontianak 12(5)e only. */
	assert_non_null(stage_step(t_profile(a, "demak-2022"), FL_TRACK,
	    SS_CLOSED_INQUIRY));
	assert_non_null(stage_step(t_profile(a, "pontianak-2015"), FL_TRACK,
	    SS_CLOSED_INQUIRY));
	assert_null(stage_step(t_profile(a, "pekalongan-2022"), FL_TRACK,
	    SS_CLOSED_INQUIRY));
}

/* Resource persons at the interview: Demak 14(4)-(5), Pekalongan f.4-5;
   Pontianak 12(4) names only the users of the post. */
static void
stg_interview_resource_persons_per_profile(void **state)
{
	struct arena *a = ((struct fx *)*(state))->ar;

	assert_non_null(stage_step(t_profile(a, "demak-2022"), FL_INTERVIEW,
	    SS_RESOURCE_PERSONS));
	assert_non_null(stage_step(t_profile(a, "pekalongan-2022"),
	    FL_INTERVIEW, SS_RESOURCE_PERSONS));
	assert_null(stage_step(t_profile(a, "pontianak-2015"), FL_INTERVIEW,
	    SS_RESOURCE_PERSONS));
	assert_non_null(stage_step(t_profile(a, "pontianak-2015"),
	    FL_INTERVIEW, SS_USERS_OF_POST));
	assert_non_null(stage_step(t_profile(a, "pontianak-2015"),
	    FL_INTERVIEW, SS_STANDARD_MATERIAL));
}

static void
stg_health_label_and_order_per_profile(void **state)
{
	struct arena *a = ((struct fx *)*(state))->ar;

	assert_string_equal(t_cstr(a, stage_label(t_profile(a,
	    "pontianak-2015"), FL_HEALTH)), "Tes kesehatan dan psikologi");
	assert_string_equal(t_cstr(a, stage_label(t_profile(a, "demak-2022"),
	    FL_HEALTH)), "Tes kesehatan dan tes kejiwaan");
	assert_string_equal(t_cstr(a, stage_label(t_profile(a,
	    "pekalongan-2022"), FL_HEALTH)), flow_state_label(FL_HEALTH));
	assert_non_null(stage_step(t_profile(a, "demak-2022-covid"),
	    FL_HEALTH, SS_AFTER_ALL_OTHERS));
	assert_non_null(stage_step(t_profile(a, "pekalongan-2022-covid"),
	    FL_HEALTH, SS_AFTER_ALL_OTHERS));
	assert_null(stage_step(t_profile(a, "demak-2022"), FL_HEALTH,
	    SS_AFTER_ALL_OTHERS));
}

static const char *
refused(struct arena *a, const char *text)
{
	struct profile *p = NULL;
	struct diag *d = arena_alloc(a, sizeof *d);

	if (profile_parse(a, "t.json", text, strlen(text), &p, d) !=
	    SEL_EINVAL)
		fail_msg("loaded:\n%s", text);
	return d->msg;
}

static void
stage_specifics_loader_is_strict(void **state)
{
	struct arena *a = ((struct fx *)*(state))->ar;
	const struct profile *p = t_profile_text(a, HEAD "{\"rule\": "
	    "\"STG-PAPER\", \"citation\": \"Pasal 9\", \"label\": \"Makalah\", "
	    "\"video_conference\": {\"mode\": \"required\", \"citation\": "
	    "\"Pasal 9 ayat (2)\"}, \"steps\": [{\"id\": \"online_submission\", "
	    "\"label\": \"Daring.\", \"citation\": \"Pasal 9 ayat (1)\"}]}"
	    TAIL);

	assert_int_equal(stage_vc(p, FL_PAPER), SVC_REQUIRED);
	assert_string_equal(t_cstr(a, stage_params_of(p, FL_PAPER)->
	    vc_citation), "Perbup Test 1/2025 Pasal 9 ayat (2)");
	assert_string_equal(t_cstr(a, stage_label(p, FL_PAPER)), "Makalah");
	assert_non_null(strstr(refused(a, HEAD "{\"rule\": \"STG-PAPER\", "
	    "\"citation\": \"x\", \"steps\": [{\"id\": \"closed_inquiry\", "
	    "\"label\": \"y\", \"citation\": \"z\"}]}" TAIL),
	    "not a step of STG-PAPER"));
	assert_non_null(strstr(refused(a, HEAD "{\"rule\": \"STG-PAPER\", "
	    "\"citation\": \"x\", \"steps\": [{\"id\": \"handwritten\", "
	    "\"label\": \"y\", \"citation\": \"z\"}, {\"id\": "
	    "\"online_submission\", \"label\": \"y\", \"citation\": \"z\"}]}"
	    TAIL), "not both"));
	assert_non_null(strstr(refused(a, HEAD "{\"rule\": \"STG-TRACK\", "
	    "\"citation\": \"x\", \"steps\": [{\"id\": \"inquiry\", "
	    "\"label\": \"y\", \"citation\": \"z\"}, {\"id\": \"inquiry\", "
	    "\"label\": \"y\", \"citation\": \"z\"}]}" TAIL), "given twice"));
	assert_non_null(strstr(refused(a, HEAD "{\"rule\": \"STG-ASSESS\", "
	    "\"citation\": \"x\", \"video_conference\": {\"mode\": "
	    "\"sometimes\", \"citation\": \"z\"}}" TAIL), "sometimes"));
	assert_non_null(strstr(refused(a, HEAD "{\"rule\": \"STG-HEALTH\", "
	    "\"citation\": \"x\", \"steps\": [{\"id\": \"psychology\", "
	    "\"label\": \"y\"}]}" TAIL), "citation"));
	/* STG-REUSE is not a stage of its own: no specifics. */
	assert_non_null(strstr(refused(a, HEAD "{\"rule\": \"STG-REUSE\", "
	    "\"citation\": \"x\", \"label\": \"y\"}" TAIL),
	    "not a parameter of STG-REUSE"));
}

/* The checker: a stage's specifics are its first entry's. */
static void
stage_second_entry_warned(void **state)
{
	struct arena *a = ((struct fx *)*(state))->ar;
	const struct profile *p = t_profile_text(a, HEAD "{\"rule\": "
	    "\"STG-HEALTH\", \"citation\": \"Pasal 9\", \"when\": {\"levels\": "
	    "[\"jpt_pratama\"]}},\n{\"rule\": \"STG-HEALTH\", \"citation\": "
	    "\"Pasal 10\", \"label\": \"Tes kesehatan dan psikologi\"}" TAIL);

	assert_int_equal(p->nwarnings, 1);
	assert_non_null(strstr(t_cstr(a, p->warnings[0].msg), "only its first "
	    "entry"));
	/* ... and the first entry is what the pages read. */
	assert_string_equal(t_cstr(a, stage_label(p, FL_HEALTH)),
	    flow_state_label(FL_HEALTH));
	for (size_t i = 0; i < 5; i++) {
		static const char *const ids[] = { "demak-2022",
		    "demak-2022-covid", "pekalongan-2022",
		    "pekalongan-2022-covid", "pontianak-2015" };

		assert_int_equal(t_profile(a, ids[i])->nwarnings, 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(stage_plan_pass_min_boundaries),
		FX_TEST(stage_plan_best_n_boundaries),
		FX_TEST(stage_link_https_only),
		RULE_TEST("STG-ASSESS", stg_assess_video_required_demak_covid),
		RULE_TEST("STG-ASSESS",
		    stg_assess_provider_only_for_the_assessment),
		RULE_TEST("STG-PAPER", stg_paper_submission_per_profile),
		RULE_TEST("STG-TRACK", stg_track_instrument_weights_sum_100),
		RULE_TEST("STG-INTERVIEW",
		    stg_interview_resource_persons_per_profile),
		RULE_TEST("STG-HEALTH", stg_health_label_and_order_per_profile),
		FX_TEST(stage_specifics_loader_is_strict),
		FX_TEST(stage_second_entry_warned),
	};

	return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
