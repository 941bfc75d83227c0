/*
 * test_prac.c - today's practice beyond the seeds (REGULATIONS.md §15):
 * each PRAC gate in a profile that requires it and in one that does not,
 * at the boundaries; the loader's strictness for PRAC entries; and
 * PRAC-MINIMUM's numbers in ADM-MIN-3 and ANN-EXTEND (4/3/1 against
 * 3/7/2).
 */
#include <stdio.h>
#include <string.h>

#include "t.h"
#include "base/buf.h"
#include "core/adm.h"
#include "core/prac.h"
#include "core/prep.h"
#include "core/profile.h"
#include "core/window.h"
#include "base/banned.h"

/* A small profile: the count rules of Demak and the PRAC entries given. */
static const char base[] =
    "{\"selter_profile\": 1, \"id\": \"uji\", \"title\": \"uji\","
    " \"regulation\": \"Peraturan Bupati Contoh Nomor 1 Tahun 2026\","
    " \"cite\": \"Perbup Contoh 1/2026\", \"region\": {\"name\":"
    " \"Kabupaten Contoh\", \"province\": \"Jawa Tengah\", \"timezone\":"
    " \"WIB\"}, \"oversight\": \"BKN\", \"levels\": [\"jpt_pratama\"],"
    " \"rules\": [{\"rule\": \"VAC-PLAN\", \"citation\": \"Pasal 5\"},"
    " {\"rule\": \"ANN-EXTEND\", \"trigger\": \"applicants_at_most\","
    " \"threshold\": 3, \"max_times\": 2, \"days\": 7, \"day_kind\":"
    " \"calendar\", \"citation\": \"Pasal 9 ayat (3)\"},"
    " {\"rule\": \"ADM-MIN-3\", \"count\": 3, \"citation\": \"Pasal 12\","
    " \"detail\": \"Bupati dapat menunjuk calon.\"}%s]}";

static struct profile *
prof(struct arena *a, const char *extra)
{
	struct buf b;
	struct profile *p;

	buf_init(&b, 1u << 16);
	buf_printf(&b, base, extra);
	p = t_profile_text(a, t_cstr(a, (struct str){ b.p, b.len }));
	buf_release(&b);
	return p;
}

/* The diagnostic of a profile the loader must refuse. */
static const char *
refused(struct arena *a, const char *extra)
{
	struct profile *p = NULL;
	struct diag d;
	struct buf b;
	char *text;

	buf_init(&b, 1u << 16);
	buf_printf(&b, base, extra);
	text = t_cstr(a, (struct str){ b.p, b.len });
	buf_release(&b);
	assert_int_equal(profile_parse(a, "uji", text, strlen(text), &p, &d),
	    SEL_EINVAL);
	return t_cstr(a, str_c(d.msg));
}

static struct prep_in
ready_in(void)
{
	struct prep_in in = { 0 };

	in.nvac = 1;
	in.plan_complete = true;
	in.weights_ok = true;
	in.plan_sent = true;
	in.recommended = true;
	in.committee_valid = true;
	in.committee_confirmed = true;
	in.has_window = true;
	in.window_ok = true;
	in.announce_on = t_date("2026-03-02");
	return in;
}

#define APPROVAL ", {\"rule\": \"PRAC-OVERSIGHT-APPROVAL\", \"letters\": 2," \
	" \"citation\": \"Surat Kepala BKN\"}"

static void
prac_oversight_approval_blocks_until_letters(void **state)
{
	struct arena *a = T_ARENA(state);
	struct profile *p = prof(a, APPROVAL);
	struct prep_in in = ready_in();
	const struct prep_step *s;
	struct prep_out o;

	for (size_t n = 0; n <= 3; n++) {
		in.oversight_letters = n;
		prep_eval(a, p, &in, &o);
		s = prep_find(&o, PK_OVERSIGHT_APPROVAL);
		assert_non_null(s);
		assert_int_equal(s->r.id, R_PRAC_OVERSIGHT_APPROVAL);
		assert_true(str_eq(s->r.citation, STR("Surat Kepala BKN")));
		assert_int_equal(s->state, n >= 2 ? PS_DONE : PS_PENDING);
		assert_int_equal(o.ready, n >= 2);
	}
	in.oversight_letters = 1;
	prep_eval(a, p, &in, &o);
	assert_true(str_casecontains(prep_find(&o,
	    PK_OVERSIGHT_APPROVAL)->r.detail, STR("1 dari 2 surat "
	    "persetujuan BKN")));
}

/* Without the rule: no step, nothing waits for letters. */
static void
prac_oversight_approval_absent_does_not_block(void **state)
{
	struct arena *a = T_ARENA(state);
	struct prep_in in = ready_in();
	struct prep_out o;

	prep_eval(a, prof(a, ""), &in, &o);
	assert_true(o.ready);
	assert_null(prep_find(&o, PK_OVERSIGHT_APPROVAL));
	prep_eval(a, t_profile(a, "demak-2022"), &in, &o);
	assert_true(o.ready);
	assert_null(prep_find(&o, PK_OVERSIGHT_APPROVAL));
}

/* A letter dated before the plan was sent, or after today, is refused. */
static void
prac_oversight_approval_letter_dates(void **state)
{
	sel_date sent = t_date("2026-02-10"), today = t_date("2026-02-20");

	(void)state;
	assert_non_null(prac_letter_refusal(R_PRAC_OVERSIGHT_APPROVAL,
	    t_date("2026-02-11"), 0, today));
	assert_non_null(prac_letter_refusal(R_PRAC_OVERSIGHT_APPROVAL,
	    t_date("2026-02-09"), sent, today));
	assert_null(prac_letter_refusal(R_PRAC_OVERSIGHT_APPROVAL, sent, sent,
	    today));
	assert_null(prac_letter_refusal(R_PRAC_OVERSIGHT_APPROVAL,
	    t_date("2026-02-11"), sent, today));
	assert_null(prac_letter_refusal(R_PRAC_OVERSIGHT_APPROVAL, today,
	    sent, today));
	assert_non_null(prac_letter_refusal(R_PRAC_OVERSIGHT_APPROVAL,
	    t_date("2026-02-21"), sent, today));
	/* The Minister's letter needs no plan first, only not tomorrow. */
	assert_null(prac_letter_refusal(R_PRAC_HOME_MINISTER,
	    t_date("2026-01-05"), 0, today));
	assert_non_null(prac_letter_refusal(R_PRAC_HOME_MINISTER,
	    t_date("2026-02-21"), 0, today));
}

#define MINISTER ", {\"rule\": \"PRAC-HOME-MINISTER\", \"citation\": " \
	"\"UU 10/2016 Pasal 71 ayat (2); SE Mendagri 100.2.1.3/1575/SJ\", " \
	"\"acting_citation\": \"SE Mendagri 100.2.1.3/1575/SJ (Pj)\", " \
	"\"windows\": [{\"from\": \"2024-03-22\", \"to\": \"2025-02-19\", " \
	"\"label\": \"menjelang Pilkada\"}, {\"from\": \"2025-02-20\", " \
	"\"to\": \"2025-08-19\", \"label\": \"sesudah pelantikan\", " \
	"\"citation\": \"UU 10/2016 Pasal 162 ayat (3)\"}]}"

static enum prep_state
minister_state(struct arena *a, const struct profile *p, struct prep_in *in,
    const char *announce)
{
	struct prep_out o;
	const struct prep_step *s;

	in->announce_on = announce != NULL ? t_date(announce) : 0;
	prep_eval(a, p, in, &o);
	s = prep_find(&o, PK_HOME_MINISTER);
	assert_non_null(s);
	assert_int_equal(s->r.id, R_PRAC_HOME_MINISTER);
	assert_int_equal(o.ready, s->state != PS_PENDING);
	return s->state;
}

/* Each window's first and last day, and the days around them. */
static void
prac_home_minister_window_boundaries(void **state)
{
	static const struct {
		const char	*day;
		enum prep_state	 want;
	} rows[] = {
		{ "2024-03-21", PS_DONE }, { "2024-03-22", PS_PENDING },
		{ "2024-03-23", PS_PENDING }, { "2025-02-19", PS_PENDING },
		{ "2025-02-20", PS_PENDING }, { "2025-08-18", PS_PENDING },
		{ "2025-08-19", PS_PENDING }, { "2025-08-20", PS_DONE },
		{ "2026-03-02", PS_DONE },
	};
	struct arena *a = T_ARENA(state);
	struct profile *p = prof(a, MINISTER);
	struct prep_in in = ready_in();
	struct prep_out o;

	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
		if (minister_state(a, p, &in, rows[i].day) != rows[i].want)
			fail_msg("announcing on %s", rows[i].day);
	/* The window's own citation, else the entry's. */
	in.announce_on = t_date("2025-08-19");
	prep_eval(a, p, &in, &o);
	assert_true(str_eq(prep_find(&o, PK_HOME_MINISTER)->r.citation,
	    STR("UU 10/2016 Pasal 162 ayat (3)")));
	assert_true(str_casecontains(prep_find(&o, PK_HOME_MINISTER)->r.detail,
	    STR("sesudah pelantikan")));
	in.announce_on = t_date("2024-03-22");
	prep_eval(a, p, &in, &o);
	assert_true(str_casecontains(prep_find(&o,
	    PK_HOME_MINISTER)->r.citation, STR("Pasal 71 ayat (2)")));
}

/* The approval lifts the gate, if dated no later than the announcement. */
static void
prac_home_minister_approval_recorded(void **state)
{
	struct arena *a = T_ARENA(state);
	struct profile *p = prof(a, MINISTER);
	struct prep_in in = ready_in();

	in.minister_on = t_date("2024-04-01");
	assert_int_equal(minister_state(a, p, &in, "2024-04-02"), PS_DONE);
	assert_int_equal(minister_state(a, p, &in, "2024-04-01"), PS_DONE);
	assert_int_equal(minister_state(a, p, &in, "2024-03-31"), PS_PENDING);
}

/* A Pj needs the approval whatever the date; the flag off does not. */
static void
prac_home_minister_acting_head(void **state)
{
	struct arena *a = T_ARENA(state);
	struct profile *p = prof(a, MINISTER);
	struct prep_in in = ready_in();
	struct prep_out o;

	in.acting_head = false;
	assert_int_equal(minister_state(a, p, &in, "2026-03-02"), PS_DONE);
	in.acting_head = true;
	assert_int_equal(minister_state(a, p, &in, "2026-03-02"), PS_PENDING);
	prep_eval(a, p, &in, &o);
	assert_true(str_eq(prep_find(&o, PK_HOME_MINISTER)->r.citation,
	    STR("SE Mendagri 100.2.1.3/1575/SJ (Pj)")));
	assert_true(str_casecontains(prep_find(&o, PK_HOME_MINISTER)->r.detail,
	    STR("Penjabat")));
	in.minister_on = t_date("2026-02-27");
	assert_int_equal(minister_state(a, p, &in, "2026-03-02"), PS_DONE);
}

/* Windows the secretariat records for the selection count alike. */
static void
prac_home_minister_selection_windows(void **state)
{
	struct arena *a = T_ARENA(state);
	struct profile *p = prof(a, ", {\"rule\": \"PRAC-HOME-MINISTER\", "
	    "\"citation\": \"UU 10/2016 Pasal 71 ayat (2)\"}");
	struct prac_window w = { t_date("2026-09-01"), t_date("2027-03-01"),
	    STR("menjelang Pilkada"), STR("") };
	struct prep_in in = ready_in();

	assert_int_equal(minister_state(a, p, &in, "2026-09-01"), PS_DONE);
	in.windows = &w;
	in.nwindows = 1;
	assert_int_equal(minister_state(a, p, &in, "2026-08-31"), PS_DONE);
	assert_int_equal(minister_state(a, p, &in, "2026-09-01"), PS_PENDING);
	assert_int_equal(minister_state(a, p, &in, "2027-03-01"), PS_PENDING);
	assert_int_equal(minister_state(a, p, &in, "2027-03-02"), PS_DONE);
	/* No announcement date yet: it cannot be told, so it waits. */
	assert_int_equal(minister_state(a, p, &in, NULL), PS_PENDING);
}

static void
prac_home_minister_absent_does_not_block(void **state)
{
	struct arena *a = T_ARENA(state);
	struct prep_in in = ready_in();
	struct prep_out o;

	in.acting_head = true;
	in.announce_on = t_date("2024-06-01");
	prep_eval(a, prof(a, ""), &in, &o);
	assert_true(o.ready);
	assert_null(prep_find(&o, PK_HOME_MINISTER));
	assert_null(prac_window_at(prof(a, ""), NULL, 0, in.announce_on));
}

#define ASSESSOR ", {\"rule\": \"PRAC-ASSESSOR\", \"min_accreditation\": " \
	"\"A\", \"result_valid_years\": 2, \"citation\": " \
	"\"Peraturan BKN 26/2019\"}"

static void
prac_assessor_keeps_plan_pending(void **state)
{
	struct arena *a = T_ARENA(state);
	struct profile *p = prof(a, ASSESSOR);
	struct prep_in in = ready_in();
	const struct prep_step *s;
	struct prep_out o;

	prep_eval(a, p, &in, &o);
	s = prep_find(&o, PK_PLAN);
	assert_int_equal(s->state, PS_PENDING);
	assert_int_equal(s->r.id, R_PRAC_ASSESSOR);
	assert_true(str_eq(s->r.citation, STR("Peraturan BKN 26/2019")));
	assert_false(o.ready);
	in.assessor_set = true;
	in.assessor_grade = ACCR_B;		/* below A */
	prep_eval(a, p, &in, &o);
	assert_int_equal(prep_find(&o, PK_PLAN)->state, PS_PENDING);
	in.assessor_grade = ACCR_A;
	in.assess_ends = t_date("2026-05-10");
	in.assessor_valid_until = t_date("2026-05-09");	/* the day before */
	prep_eval(a, p, &in, &o);
	assert_int_equal(prep_find(&o, PK_PLAN)->state, PS_PENDING);
	in.assessor_valid_until = t_date("2026-05-10");	/* the last day */
	prep_eval(a, p, &in, &o);
	assert_int_equal(prep_find(&o, PK_PLAN)->state, PS_DONE);
	assert_int_equal(prep_find(&o, PK_PLAN)->r.id, R_VAC_PLAN);
	assert_true(o.ready);
	/* The validity of a result is carried for the pages. */
	assert_int_equal(profile_rule_any(p, R_PRAC_ASSESSOR)->prac->valid_years,
	    2);
}

static void
prac_assessor_absent_does_not_block(void **state)
{
	struct arena *a = T_ARENA(state);
	struct prep_in in = ready_in();
	struct prep_out o;

	prep_eval(a, prof(a, ""), &in, &o);
	assert_int_equal(prep_find(&o, PK_PLAN)->state, PS_DONE);
	assert_true(o.ready);
	assert_int_equal(prac_grade(STR("A")), ACCR_A);
	assert_int_equal(prac_grade(STR(" b ")), ACCR_B);
	assert_int_equal(prac_grade(STR("D")), -1);
}

#define MIN_4_3_1 ", {\"rule\": \"PRAC-MINIMUM\", \"count\": 4, \"days\": 3," \
	" \"day_kind\": \"calendar\", \"max_times\": 1, \"citation\": " \
	"\"Pengumuman 2025\"}"
#define MIN_3_7_2 ", {\"rule\": \"PRAC-MINIMUM\", \"count\": 3, \"days\": 7," \
	" \"day_kind\": \"calendar\", \"max_times\": 2, \"citation\": " \
	"\"Pengumuman 2024\"}"

static void
prac_minimum_adm_count(void **state)
{
	struct arena *a = T_ARENA(state);
	struct profile *four = prof(a, MIN_4_3_1), *three = prof(a, MIN_3_7_2);
	struct rule_result r;

	assert_true(adm_min_eval(a, four, 3, false, &r));
	assert_int_equal(r.status, RS_FAIL);
	assert_int_equal(r.id, R_PRAC_MINIMUM);
	assert_true(str_eq(r.citation, STR("Pengumuman 2025")));
	assert_true(str_casecontains(r.detail, STR("paling sedikit 4")));
	assert_true(str_casecontains(r.detail, STR("menunjuk calon")));
	assert_true(adm_min_eval(a, four, 4, false, &r));
	assert_int_equal(r.status, RS_PASS);
	assert_true(adm_min_eval(a, four, 5, false, &r));
	assert_int_equal(r.status, RS_PASS);
	assert_true(adm_min_eval(a, three, 2, false, &r));
	assert_int_equal(r.status, RS_FAIL);
	assert_true(adm_min_eval(a, three, 3, false, &r));
	assert_int_equal(r.status, RS_PASS);
	/* Without PRAC-MINIMUM, ADM-MIN-3 as the seed has it. */
	assert_true(adm_min_eval(a, prof(a, ""), 3, false, &r));
	assert_int_equal(r.status, RS_PASS);
	assert_int_equal(r.id, R_ADM_MIN_3);
}

static const struct extend_out *
extend(struct arena *a, const struct profile *p, int applicants, int done)
{
	struct extend_out *o = arena_alloc(a, sizeof *o);
	struct extend_in in = { applicants, -1, done };
	int year = 0;

	assert_int_equal(window_extend(a, p, t_cal(a, 2026, 2026),
	    t_date("2026-03-16"), &in, o, &year), SEL_OK);
	return o;
}

static void
prac_minimum_extension(void **state)
{
	struct arena *a = T_ARENA(state);
	struct profile *four = prof(a, MIN_4_3_1), *three = prof(a, MIN_3_7_2);
	const struct extend_out *o;

	/* 4/3/1: fewer than 4 extends by 3 days, once. */
	o = extend(a, four, 3, 0);
	assert_int_equal(o->rule.status, RS_PASS);
	assert_int_equal(o->rule.id, R_PRAC_MINIMUM);
	assert_int_equal(o->new_closing, t_date("2026-03-19"));
	assert_int_equal(extend(a, four, 4, 0)->rule.status, RS_FAIL);
	assert_int_equal(extend(a, four, 3, 1)->rule.status, RS_FAIL);
	/* 3/7/2: fewer than 3 extends by 7 days, twice. */
	o = extend(a, three, 2, 0);
	assert_int_equal(o->rule.status, RS_PASS);
	assert_int_equal(o->new_closing, t_date("2026-03-23"));
	assert_int_equal(extend(a, three, 3, 0)->rule.status, RS_FAIL);
	assert_int_equal(extend(a, three, 2, 1)->rule.status, RS_PASS);
	assert_int_equal(extend(a, three, 2, 2)->rule.status, RS_FAIL);
	/* The seed's own numbers without it: at most 3, 7 days, twice. */
	o = extend(a, prof(a, ""), 3, 1);
	assert_int_equal(o->rule.status, RS_PASS);
	assert_int_equal(o->rule.id, R_ANN_EXTEND);
}

/* Working days, from a profile that has no ANN-EXTEND of its own. */
static void
prac_minimum_working_days_without_ann_extend(void **state)
{
	struct arena *a = T_ARENA(state);
	const char *text = "{\"selter_profile\": 1, \"id\": \"uji\", "
	    "\"title\": \"uji\", \"regulation\": \"R\", \"cite\": \"R\", "
	    "\"region\": {\"name\": \"Kota Contoh\", \"province\": \"P\", "
	    "\"timezone\": \"WITA\"}, \"oversight\": \"BKN\", \"levels\": "
	    "[\"jpt_pratama\"], \"rules\": [{\"rule\": \"PRAC-MINIMUM\", "
	    "\"count\": 4, \"days\": 3, \"day_kind\": \"working\", "
	    "\"max_times\": 1, \"citation\": \"SE 2025\"}]}";
	struct profile *p = t_profile_text(a, text);
	const struct extend_out *o = extend(a, p, 3, 0);
	struct rule_result r;

	/* Monday 16 March 2026 + 3 working days: the 17th, then Nyepi and
	   Idul Fitri with their cuti bersama (18-24 March), then the 25th
	   and Thursday the 26th. */
	assert_int_equal(o->rule.status, RS_PASS);
	assert_int_equal(o->new_closing, t_date("2026-03-26"));
	assert_true(adm_min_eval(a, p, 3, true, &r));
	assert_int_equal(r.status, RS_FAIL);
}

static void
prac_profile_strict(void **state)
{
	struct arena *a = T_ARENA(state);

	assert_non_null(strstr(refused(a, ", {\"rule\": "
	    "\"PRAC-OVERSIGHT-APPROVAL\", \"citation\": \"x\"}"), "letters"));
	assert_non_null(strstr(refused(a, ", {\"rule\": "
	    "\"PRAC-OVERSIGHT-APPROVAL\", \"letters\": 0, \"citation\": "
	    "\"x\"}"), "1 to 9"));
	assert_non_null(strstr(refused(a, ", {\"rule\": "
	    "\"PRAC-OVERSIGHT-APPROVAL\", \"letters\": 1}"), "citation"));
	assert_non_null(strstr(refused(a, ", {\"rule\": "
	    "\"PRAC-ASSESSOR\", \"min_accreditation\": \"D\", \"citation\": "
	    "\"x\"}"), "min_accreditation"));
	assert_non_null(strstr(refused(a, ", {\"rule\": \"PRAC-ASSESSOR\", "
	    "\"min_accreditation\": \"A\", \"when\": {}, \"citation\": "
	    "\"x\"}"), "whole selection"));
	assert_non_null(strstr(refused(a, ", {\"rule\": "
	    "\"PRAC-HOME-MINISTER\", \"citation\": \"x\", \"windows\": "
	    "[{\"from\": \"2025-02-20\", \"to\": \"2025-02-19\", \"label\": "
	    "\"l\"}]}"), "before"));
	assert_non_null(strstr(refused(a, ", {\"rule\": "
	    "\"PRAC-HOME-MINISTER\", \"citation\": \"x\", \"windows\": "
	    "[{\"from\": \"2025-02-20\", \"to\": \"2025-02-21\"}]}"),
	    "label"));
	assert_non_null(strstr(refused(a, ", {\"rule\": \"PRAC-MINIMUM\", "
	    "\"count\": 4, \"days\": 3, \"day_kind\": \"working\", "
	    "\"citation\": \"x\"}"), "max_times"));
	assert_non_null(strstr(refused(a, ", {\"rule\": \"PRAC-MINIMUM\", "
	    "\"count\": 4, \"days\": 3, \"day_kind\": \"weekly\", "
	    "\"max_times\": 1, \"citation\": \"x\"}"), "day_kind"));
	assert_non_null(strstr(refused(a, ", {\"rule\": \"PRAC-ROUTE\", "
	    "\"years\": 2, \"citation\": \"x\"}"), "not a parameter"));
}

/* Citations as written; the carried rules load with their parameters. */
static void
prac_profile_carried(void **state)
{
	struct arena *a = T_ARENA(state);
	struct profile *p = prof(a, ", {\"rule\": \"PRAC-ROUTE\", "
	    "\"citation\": \"UU 20/2023 Pasal 46\"}, {\"rule\": "
	    "\"PRAC-NO-REPLACE-2Y\", \"years\": 2, \"citation\": \"UU X\"}"
	    APPROVAL);
	const struct prof_rule *r;

	r = profile_rule_any(p, R_PRAC_ROUTE);
	assert_non_null(r);
	assert_true(str_eq(r->citation, STR("UU 20/2023 Pasal 46")));
	assert_int_equal(profile_rule_any(p, R_PRAC_NO_REPLACE_2Y)->years, 2);
	assert_int_equal(profile_rule_any(p,
	    R_PRAC_OVERSIGHT_APPROVAL)->prac->letters, 2);
	assert_int_equal(rule_class(R_PRAC_MINIMUM), RC_PRAC);
}

/* The seeds are 2015-2022: no shipped profile turns a PRAC rule on. */
static void
prac_not_in_seed_profiles(void **state)
{
	static const char *const ids[] = { "pekalongan-2022",
	    "pekalongan-2022-covid", "demak-2022", "demak-2022-covid",
	    "pontianak-2015" };
	struct arena *a = T_ARENA(state);

	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		struct profile *p = t_profile(a, ids[i]);

		for (size_t k = 0; k < p->nrules; k++)
			assert_int_not_equal(rule_class(p->rules[k].id),
			    RC_PRAC);
	}
}

/* The test profile of tests/fixtures turns every one on. */
static void
prac_fixture_profile(void **state)
{
	struct arena *a = T_ARENA(state);
	size_t len = 0;
	char *text = t_read(a, "tests/fixtures/profiles/praktik-2026.json",
	    &len);
	struct profile *p;

	assert_non_null(text);
	p = t_profile_text(a, text);
	for (int id = R_PRAC_OVERSIGHT_APPROVAL; id <= R_PRAC_NO_REPLACE_2Y;
	    id++)
		assert_non_null(profile_rule_any(p, (enum rule_id)id));
	assert_int_equal(profile_rule_any(p,
	    R_PRAC_HOME_MINISTER)->prac->nwindows, 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("PRAC-OVERSIGHT-APPROVAL",
		    prac_oversight_approval_blocks_until_letters),
		RULE_TEST("PRAC-OVERSIGHT-APPROVAL",
		    prac_oversight_approval_absent_does_not_block),
		RULE_TEST("PRAC-OVERSIGHT-APPROVAL",
		    prac_oversight_approval_letter_dates),
		RULE_TEST("PRAC-HOME-MINISTER",
		    prac_home_minister_window_boundaries),
		RULE_TEST("PRAC-HOME-MINISTER",
		    prac_home_minister_approval_recorded),
		RULE_TEST("PRAC-HOME-MINISTER", prac_home_minister_acting_head),
		RULE_TEST("PRAC-HOME-MINISTER",
		    prac_home_minister_selection_windows),
		RULE_TEST("PRAC-HOME-MINISTER",
		    prac_home_minister_absent_does_not_block),
		RULE_TEST("PRAC-ASSESSOR", prac_assessor_keeps_plan_pending),
		RULE_TEST("PRAC-ASSESSOR", prac_assessor_absent_does_not_block),
		RULE_TEST("PRAC-MINIMUM", prac_minimum_adm_count),
		RULE_TEST("PRAC-MINIMUM", prac_minimum_extension),
		RULE_TEST("PRAC-MINIMUM",
		    prac_minimum_working_days_without_ann_extend),
		RULE_TEST("PRAC-ROUTE", prac_profile_carried),
		RULE_TEST("PRAC-NO-REPLACE-2Y", prac_profile_strict),
		T_TEST(prac_not_in_seed_profiles),
		T_TEST(prac_fixture_profile),
	};

	return cmocka_run_group_tests_name("prac", tests, NULL, NULL);
}
