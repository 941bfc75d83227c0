/*
 * test_elig.c - core/elig: every ELIG-* rule at, below and above its
 * threshold (REGULATIONS.md §6 and its "Interpretations"), the checklist,
 * the advisories, the verdict, and the NIP's gender digit that must not
 * matter.
 *
 * Most cases use the Demak profile (II.b: Kepala Dinas Kesehatan, the
 * contract's example; II.a: Sekda) with as_of 2023-03-15 and appointment
 * 2023-06-01, and change one field of the contract's candidate.
 */
#include <stdio.h>
#include <string.h>

#include "core/elig.h"
#include "core/profile.h"
#include "core/record.h"
#include "t.h"
#include "base/banned.h"

#define AS_OF	"2023-03-15"
#define APPT	"2023-06-01"

/* Posts: structural, structural open, acting, functional, executor. */
#define PS(ech, from, to)						\
	"{\"kind\": \"structural\", \"echelon\": \"" ech "\", "		\
	"\"fields\": [\"kesehatan\"], \"start\": \"" from "\", "	\
	"\"end\": \"" to "\"}"
#define PSO(ech, from)							\
	"{\"kind\": \"structural\", \"echelon\": \"" ech "\", "		\
	"\"fields\": [\"kesehatan\"], \"start\": \"" from "\", "	\
	"\"end\": null}"
#define PLT(ech, from, to)						\
	"{\"kind\": \"structural\", \"echelon\": \"" ech "\", "		\
	"\"fields\": [\"kesehatan\"], \"acting\": true, "		\
	"\"start\": \"" from "\", \"end\": \"" to "\"}"
#define PLTO(ech, from)							\
	"{\"kind\": \"structural\", \"echelon\": \"" ech "\", "		\
	"\"fields\": [\"kesehatan\"], \"acting\": true, "		\
	"\"start\": \"" from "\", \"end\": null}"
#define PF(jf, from, to)						\
	"{\"kind\": \"functional\", \"jf_level\": \"" jf "\", "		\
	"\"fields\": [\"kesehatan\"], \"start\": \"" from "\", "	\
	"\"end\": \"" to "\"}"
#define PFO(jf, from)							\
	"{\"kind\": \"functional\", \"jf_level\": \"" jf "\", "		\
	"\"fields\": [\"kesehatan\"], \"start\": \"" from "\", "	\
	"\"end\": null}"
#define PX(fields, from, to)						\
	"{\"kind\": \"executor\", \"fields\": " fields ", "		\
	"\"start\": \"" from "\", \"end\": \"" to "\"}"

/* The vacancies of the tests. */
#define V_2B	NULL
#define V_2A	KV({ "echelon", "\"II.a\"" }, { "kind", "\"sekda\"" },	\
		    { "title", "\"Sekretaris Daerah\"" })

static const struct elig_out *
run(struct arena *a, const struct profile *p, const struct t_kv *vac,
    const struct t_kv *cand, const char *as_of, const char *appt)
{
	struct elig_out *o = arena_alloc(a, sizeof(*o));

	elig_eval(a, p, t_vacancy(a, p, vac), t_candidate(a, cand),
	    t_date(as_of), t_date(appt), o);
	return o;
}

static const struct rule_result *
rule(const struct elig_out *o, enum rule_id id)
{
	return t_find(o->rules, o->nrules, id);
}

/* One rule of one case: checks the status and returns the result. */
static const struct rule_result *
check(struct arena *a, const struct profile *p, const struct t_kv *vac,
    const struct t_kv *cand, const char *as_of, const char *appt,
    enum rule_id id, enum rule_status want, const char *ctx)
{
	const struct elig_out *o = run(a, p, vac, cand, as_of, appt);
	const struct rule_result *r = rule(o, id);

	t_status(r, want, ctx);
	return r;
}

/* A table of posts against one rule. */
struct posts_row {
	const char	*posts;
	const char	*as_of;
	enum rule_status want;
	const char	*cite;		/* a part of the citation, or NULL */
	const char	*why;
};

static void
posts_table(struct arena *a, const struct profile *p, const struct t_kv *vac,
    enum rule_id id, const struct posts_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct t_kv over[] = { { "posts", rows[i].posts },
		    { NULL, NULL } };
		const struct rule_result *r;
		char ctx[300];

		snprintf(ctx, sizeof(ctx), "row %zu (%s)", i, rows[i].why);
		r = check(a, p, vac, over, rows[i].as_of != NULL ?
		    rows[i].as_of : AS_OF, APPT, id, rows[i].want, ctx);
		if (rows[i].cite != NULL)
			t_contains(r->citation, rows[i].cite);
	}
}

/*
 * A profile with only the rules given (ELIG entries), for the readings
 * the regional profiles do not exercise.
 */
static const struct profile *
inline_profile(struct arena *a, const char *periods_at, const char *rules)
{
	char *text;
	size_t n = strlen(rules) + 1024;

	text = arena_alloc(a, n);
	snprintf(text, n, "{\"selter_profile\": 1, \"id\": \"uji\", "
	    "\"title\": \"Uji\", \"regulation\": \"Peraturan Uji\", "
	    "\"cite\": \"Perbup Uji 1/2024\", \"region\": {\"name\": "
	    "\"Kabupaten Uji\", \"province\": \"Jawa Tengah\", \"timezone\": "
	    "\"WIB\"}, \"oversight\": \"BKN\", \"levels\": [\"jpt_pratama\"], "
	    "\"periods_at\": \"%s\", \"rules\": [%s]}", periods_at, rules);
	return t_profile_text(a, text);
}

/* The contract's example: eligible, every rule passes, in order. */
static void
test_contract_example(void **state)
{
	static const enum rule_id order[] = { R_ELIG_EMPLOYMENT, R_ELIG_REGION,
	    R_ELIG_EDUCATION, R_ELIG_GRADE, R_ELIG_PRIOR_POST,
	    R_ELIG_EXPERIENCE, R_ELIG_AGE, R_ELIG_DISCIPLINE,
	    R_ELIG_EXAMINATION, R_ELIG_PERFORMANCE, R_ELIG_RECOMMENDATION };
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct elig_out *o = run(a, p, V_2B, NULL, AS_OF, APPT);
	const struct rule_result *g = rule(o, R_ELIG_GRADE);

	assert_int_equal(o->verdict, V_ELIGIBLE);
	assert_string_equal(verdict_name(o->verdict), "eligible");
	assert_int_equal(o->nrules, ARRAY_LEN(order));
	for (size_t i = 0; i < ARRAY_LEN(order); i++) {
		assert_int_equal(o->rules[i].id, order[i]);
		t_status(&o->rules[i], RS_PASS, rule_name(order[i]));
		assert_true(o->rules[i].detail.len > 0);
		t_contains(o->rules[i].citation, "Perbup Demak 47/2022 Pasal 4 "
		    "ayat (2)");
	}
	t_str_equal(g->detail, "Pangkat IV/a memenuhi syarat minimal IV/a.");
	t_str_equal(g->citation, "Perbup Demak 47/2022 Pasal 4 ayat (2) "
	    "huruf b");
	assert_null(rule(o, R_ELIG_CRIMINAL));	/* not in Demak */
	assert_int_equal(o->nadvisories, 0);
}

static void
test_employment(void **state)
{
	static const struct {
		const char	*emp;
		enum rule_status want;
	} rows[] = {
		{ "\"pns\"", RS_PASS }, { "\"cpns\"", RS_FAIL },
		{ "\"pppk\"", RS_FAIL },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct t_kv over[] = { { "employment", rows[i].emp },
		    { NULL, NULL } };

		check(a, p, V_2B, over, AS_OF, APPT, R_ELIG_EMPLOYMENT,
		    rows[i].want, rows[i].emp);
		check(a, p, V_2A, over, AS_OF, APPT, R_ELIG_EMPLOYMENT,
		    rows[i].want, rows[i].emp);
	}
}

static void
test_region_demak(void **state)
{
	static const struct {
		const char	*agency;
		enum rule_status want;
	} rows[] = {
		{ "{\"name\": \"Pemerintah Kabupaten Demak\", \"kind\": "
		  "\"regency\", \"province\": \"Jawa Tengah\"}", RS_PASS },
		{ "{\"name\": \"Pemerintah Provinsi Jawa Tengah\", \"kind\": "
		  "\"province\", \"province\": \"Jawa Tengah\"}", RS_PASS },
		{ "{\"name\": \"Pemerintah Kota Semarang\", \"kind\": \"city\", "
		  "\"province\": \" jawa TENGAH \"}", RS_PASS },
		{ "{\"name\": \"Kementerian Kesehatan\", \"kind\": \"central\", "
		  "\"province\": \"Jawa Tengah\"}", RS_FAIL },
		{ "{\"name\": \"Pemerintah Kabupaten Kudus\", \"kind\": "
		  "\"regency\", \"province\": \"Jawa Timur\"}", RS_FAIL },
		{ "{\"name\": \"Pemerintah Kabupaten Kudus\", \"kind\": "
		  "\"regency\"}", RS_MISSING },
		{ "{\"name\": \"Pemerintah Kabupaten Kudus\", \"kind\": "
		  "\"regency\", \"province\": \"\"}", RS_MISSING },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct t_kv over[] = { { "agency", rows[i].agency },
		    { NULL, NULL } };

		check(a, p, V_2B, over, AS_OF, APPT, R_ELIG_REGION,
		    rows[i].want, rows[i].agency);
	}
}

/* Pontianak: provincial PNS only when invited (an interpretation). */
static void
test_region_invited(void **state)
{
	static const struct {
		const char	*agency;
		const char	*invited;	/* NULL: absent */
		enum rule_status want;
	} rows[] = {
		{ "{\"name\": \"Pemerintah Provinsi Kalimantan Barat\", "
		  "\"kind\": \"province\", \"province\": \"Kalimantan Barat\"}",
		  "true", RS_PASS },
		{ "{\"name\": \"Pemerintah Provinsi Kalimantan Barat\", "
		  "\"kind\": \"province\", \"province\": \"Kalimantan Barat\"}",
		  "false", RS_FAIL },
		{ "{\"name\": \"Pemerintah Provinsi Kalimantan Barat\", "
		  "\"kind\": \"province\", \"province\": \"Kalimantan Barat\"}",
		  NULL, RS_MISSING },
		{ "{\"name\": \"Pemerintah Kota Pontianak\", \"kind\": \"city\", "
		  "\"province\": \"Kalimantan Barat\"}", NULL, RS_PASS },
		{ "{\"name\": \"Pemerintah Kabupaten Kubu Raya\", \"kind\": "
		  "\"regency\", \"province\": \"Kalimantan Barat\"}", "false",
		  RS_PASS },
		{ "{\"name\": \"Pemerintah Provinsi Jawa Tengah\", "
		  "\"kind\": \"province\", \"province\": \"Jawa Tengah\"}",
		  "true", RS_FAIL },
		{ "{\"name\": \"Pemerintah Kabupaten Demak\", \"kind\": "
		  "\"regency\", \"province\": \"Jawa Tengah\"}", NULL, RS_FAIL },
		{ "{\"name\": \"BKN\", \"kind\": \"central\", \"province\": "
		  "\"Kalimantan Barat\"}", "true", RS_FAIL },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pontianak-2015");
	const struct t_kv *vac = KV({ "echelon", NULL }, { "agency",
	    "{\"name\": \"Pemerintah Kota Pontianak\", \"kind\": \"city\", "
	    "\"province\": \"Kalimantan Barat\"}" });

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct t_kv over[] = { { "agency", rows[i].agency },
		    { "invited", rows[i].invited }, { NULL, NULL } };
		char ctx[64];

		snprintf(ctx, sizeof(ctx), "row %zu", i);
		check(a, p, vac, over, AS_OF, APPT, R_ELIG_REGION,
		    rows[i].want, ctx);
	}
}

static void
test_education(void **state)
{
	static const struct {
		const char	*profile;
		const char	*level;		/* vacancy level */
		const char	*kind;		/* vacancy kind */
		const char	*edu, *certs;
		enum rule_status want;
	} rows[] = {
		/* Demak: S1/D-IV; S2 and S3 satisfy it. */
		{ "demak-2022", NULL, NULL, "[{\"level\": \"S1\"}]", NULL,
		  RS_PASS },
		{ "demak-2022", NULL, NULL, "[{\"level\": \"D4\"}]", NULL,
		  RS_PASS },
		{ "demak-2022", NULL, NULL, "[{\"level\": \"S3\"}]", NULL,
		  RS_PASS },
		{ "demak-2022", NULL, NULL, "[{\"level\": \"D3\"}]", NULL,
		  RS_FAIL },
		{ "demak-2022", NULL, NULL, "[{\"level\": \"SMA\"}]", NULL,
		  RS_FAIL },
		{ "demak-2022", NULL, NULL, "[{\"level\": \"D3\"}, "
		  "{\"level\": \"S1\"}]", NULL, RS_PASS },
		{ "demak-2022", NULL, NULL, "[]", NULL, RS_MISSING },
		/* Pontianak JPT: "minimal S-1": D-IV does not suffice. */
		{ "pontianak-2015", NULL, NULL, "[{\"level\": \"D4\"}]", NULL,
		  RS_FAIL },
		{ "pontianak-2015", NULL, NULL, "[{\"level\": \"S1\"}]", NULL,
		  RS_PASS },
		/* Pontianak Camat: D-IV/S1 in Pemerintahan, or the cert. */
		{ "pontianak-2015", "administrator", "camat",
		  "[{\"level\": \"S1\", \"major\": \"Ilmu Pemerintahan\"}]",
		  NULL, RS_PASS },
		{ "pontianak-2015", "administrator", "camat",
		  "[{\"level\": \"D4\", \"major\": \"PEMERINTAHAN Dalam "
		  "Negeri\"}]", NULL, RS_PASS },
		{ "pontianak-2015", "administrator", "camat",
		  "[{\"level\": \"S1\", \"major\": \"Ekonomi\"}]", NULL,
		  RS_FAIL },
		{ "pontianak-2015", "administrator", "camat",
		  "[{\"level\": \"S1\", \"major\": \"Ekonomi\"}]",
		  "[\"Kepamongprajaan\"]", RS_PASS },
		{ "pontianak-2015", "administrator", "camat",
		  "[{\"level\": \"D3\", \"major\": \"Pemerintahan\"}]",
		  NULL, RS_FAIL },
		{ "pontianak-2015", "administrator", "camat",
		  "[{\"level\": \"S1\"}]", NULL, RS_FAIL },
		{ "pontianak-2015", "administrator", "agency_head",
		  "[{\"level\": \"S1\", \"major\": \"Ekonomi\"}]", NULL,
		  RS_PASS },
		/* Pontianak Pengawas: D-III. */
		{ "pontianak-2015", "pengawas", NULL, "[{\"level\": \"D3\"}]",
		  NULL, RS_PASS },
		{ "pontianak-2015", "pengawas", NULL, "[{\"level\": \"D2\"}]",
		  NULL, RS_FAIL },
	};
	struct arena *a = T_ARENA(state);

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct profile *p = t_profile(a, rows[i].profile);
		char lv[40], kd[40], ctx[300];
		struct t_kv vac[4] = {
			{ "echelon", rows[i].level != NULL ? NULL :
			  "\"II.b\"" },
			{ NULL, NULL }, { NULL, NULL }, { NULL, NULL } };
		size_t nv = 1;
		const struct t_kv over[] = { { "education", rows[i].edu },
		    { "certificates", rows[i].certs != NULL ? rows[i].certs :
		    "[]" }, { NULL, NULL } };

		if (rows[i].level != NULL) {
			snprintf(lv, sizeof(lv), "\"%s\"", rows[i].level);
			vac[nv++] = (struct t_kv){ "level", lv };
		}
		if (rows[i].kind != NULL) {
			snprintf(kd, sizeof(kd), "\"%s\"", rows[i].kind);
			vac[nv++] = (struct t_kv){ "kind", kd };
		}
		snprintf(ctx, sizeof(ctx), "row %zu: %s %s", i,
		    rows[i].profile, rows[i].edu);
		check(a, p, vac, over, AS_OF, APPT, R_ELIG_EDUCATION,
		    rows[i].want, ctx);
	}
}

/* The requirement label in the detail: "S1/D-IV" where D-IV counts. */
static void
test_education_detail(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct rule_result *r;

	r = check(a, p, V_2B, KV({ "education", "[{\"level\": \"D3\", "
	    "\"major\": \"Keperawatan\"}]" }), AS_OF, APPT, R_ELIG_EDUCATION,
	    RS_FAIL, "D3");
	t_contains(r->detail, "D-III (Keperawatan)");
	t_contains(r->detail, "S1/D-IV");
}

/* Demak: II.a (Sekda) needs IV/b, II.b needs IV/a; the echelon selects. */
static void
test_grade_by_echelon(void **state)
{
	static const struct {
		const char	*grade;
		enum rule_status want_2a, want_2b;
	} rows[] = {
		{ "\"III/d\"", RS_FAIL, RS_FAIL },
		{ "\"IV/a\"", RS_FAIL, RS_PASS },	/* II.b threshold */
		{ "\"IV/b\"", RS_PASS, RS_PASS },	/* II.a threshold */
		{ "\"IV/c\"", RS_PASS, RS_PASS },
		{ "\"IV/e\"", RS_PASS, RS_PASS },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct t_kv over[] = { { "grade", rows[i].grade },
		    { NULL, NULL } };
		const struct rule_result *r;

		r = check(a, p, V_2A, over, AS_OF, APPT, R_ELIG_GRADE,
		    rows[i].want_2a, rows[i].grade);
		t_contains(r->citation, "Pasal 4 ayat (1) huruf b");
		t_contains(r->detail, "minimal IV/b");
		r = check(a, p, V_2B, over, AS_OF, APPT, R_ELIG_GRADE,
		    rows[i].want_2b, rows[i].grade);
		t_contains(r->citation, "Pasal 4 ayat (2) huruf b");
		t_contains(r->detail, "minimal IV/a");
	}
}

/*
 * II.b (Demak Pasal 4 ayat (2) huruf c-d): III.a or JF ahli madya >= 2 y,
 * or III.b >= 3 y, currently or formerly.  2 years as of 2023-03-15 are
 * the 730 days from 2021-03-15; 3 years the 1095 days from 2020-03-15.
 */
static void
test_prior_post_2b(void **state)
{
	static const struct posts_row rows[] = {
		/* The day before, the day of, the day after. */
		{ "[" PSO("III.a", "2021-03-14") "]", NULL, RS_PASS, "huruf c",
		  "2 y and a day" },
		{ "[" PSO("III.a", "2021-03-15") "]", NULL, RS_PASS, "huruf c",
		  "exactly 2 y" },
		{ "[" PSO("III.a", "2021-03-16") "]", NULL, RS_FAIL, NULL,
		  "a day short" },
		/* A post ending on as_of counts up to it (end exclusive). */
		{ "[" PS("III.a", "2021-03-15", "2023-03-15") "]", NULL,
		  RS_PASS, NULL, "ends on as_of" },
		{ "[" PS("III.a", "2021-03-15", "2023-03-14") "]", NULL,
		  RS_FAIL, NULL, "ends the day before as_of" },
		{ "[" PS("III.a", "2021-03-15", "2023-03-16") "]", NULL,
		  RS_PASS, NULL, "ends after as_of: cut there" },
		{ "[" PS("III.a", "2021-03-16", "2024-01-01") "]", NULL,
		  RS_FAIL, NULL, "time after as_of does not count" },
		/* Overlapping posts are merged, not added. */
		{ "[" PS("III.a", "2019-01-01", "2020-01-01") ", "
		  PS("III.a", "2019-07-01", "2020-12-30") "]", NULL, RS_FAIL,
		  NULL, "overlap: union 729 d, sum 913 d" },
		{ "[" PS("III.a", "2019-07-01", "2020-12-31") ", "
		  PS("III.a", "2019-01-01", "2020-01-01") "]", NULL, RS_PASS,
		  NULL, "overlap: union 730 d, unsorted" },
		{ "[" PS("III.a", "2018-01-01", "2020-01-01") ", "
		  PS("III.a", "2018-06-01", "2019-06-01") "]", NULL, RS_PASS,
		  NULL, "one inside the other" },
		{ "[" PS("III.a", "2018-06-01", "2019-06-01") ", "
		  PS("III.a", "2018-06-01", "2019-06-01") ", "
		  PS("III.a", "2018-06-01", "2019-06-01") "]", NULL, RS_FAIL,
		  NULL, "the same year three times" },
		/* Adjacent posts join. */
		{ "[" PS("III.a", "2019-01-01", "2020-01-01") ", "
		  PS("III.a", "2020-01-01", "2020-12-31") "]", NULL, RS_PASS,
		  NULL, "adjacent: 730 d" },
		{ "[" PS("III.a", "2019-01-01", "2020-01-01") ", "
		  PS("III.a", "2020-01-01", "2020-12-30") "]", NULL, RS_FAIL,
		  NULL, "adjacent: 729 d" },
		/* A higher level counts for a lower requirement. */
		{ "[" PSO("II.b", "2021-03-15") "]", NULL, RS_PASS, "huruf c",
		  "II.b for III.a" },
		{ "[" PS("III.a", "2020-03-15", "2021-03-15") ", "
		  PSO("II.b", "2021-03-15") "]", NULL, RS_PASS, NULL,
		  "III.a then II.b" },
		/* Acting (Plt) does not count as holding the post. */
		{ "[" PLTO("III.a", "2015-01-01") "]", NULL, RS_FAIL, NULL,
		  "Plt III.a 8 y" },
		{ "[" PLTO("II.b", "2015-01-01") ", "
		  PSO("III.b", "2022-01-01") "]", NULL, RS_FAIL, NULL,
		  "Plt II.b 8 y and III.b 1 y" },
		/* JF ahli madya >= 2 y: the functional alternative. */
		{ "[" PFO("ahli_madya", "2021-03-15") "]", NULL, RS_PASS,
		  "huruf c", "ahli madya exactly 2 y" },
		{ "[" PFO("ahli_madya", "2021-03-16") "]", NULL, RS_FAIL, NULL,
		  "ahli madya a day short" },
		{ "[" PFO("ahli_utama", "2021-03-15") "]", NULL, RS_PASS, NULL,
		  "ahli utama is higher" },
		{ "[" PFO("ahli_muda", "2010-01-01") "]", NULL, RS_FAIL, NULL,
		  "ahli muda is lower" },
		/* III.b >= 3 y (huruf d). */
		{ "[" PSO("III.b", "2020-03-14") "]", NULL, RS_PASS, "huruf d",
		  "III.b 3 y and a day" },
		{ "[" PSO("III.b", "2020-03-15") "]", NULL, RS_PASS, "huruf d",
		  "III.b exactly 3 y" },
		{ "[" PSO("III.b", "2020-03-16") "]", NULL, RS_FAIL, NULL,
		  "III.b a day short" },
		{ "[" PS("III.b", "2019-01-01", "2021-01-01") ", "
		  PSO("III.a", "2022-03-15") "]", NULL, RS_PASS, "huruf d",
		  "III.b 2 y + III.a 1 y: 3 y at III.b or higher" },
		{ "[" PSO("IV.a", "2000-01-01") "]", NULL, RS_FAIL, NULL,
		  "IV.a for 23 years" },
		/* Executor posts never count as a prior post. */
		{ "[" PX("[\"kesehatan\"]", "2000-01-01", "2023-03-15") "]",
		  NULL, RS_FAIL, NULL, "executor" },
		/* Unknown echelon or level: missing, not fail. */
		{ "[{\"kind\": \"structural\", \"start\": \"2015-01-01\", "
		  "\"end\": null}]", NULL, RS_MISSING, NULL, "no echelon" },
		{ "[{\"kind\": \"functional\", \"start\": \"2015-01-01\", "
		  "\"end\": null}]", NULL, RS_MISSING, NULL, "no jf_level" },
		{ "[{\"kind\": \"structural\", \"start\": \"2022-01-01\", "
		  "\"end\": null}]", NULL, RS_FAIL, NULL,
		  "no echelon, too short anyway" },
		{ "[]", NULL, RS_FAIL, NULL, "no posts" },
		/* as_of on 29 February: 2 years back is 28 February. */
		{ "[" PSO("III.a", "2022-02-28") "]", "2024-02-29", RS_PASS,
		  NULL, "2022-02-28 to 2024-02-29" },
		{ "[" PSO("III.a", "2022-03-01") "]", "2024-02-29", RS_FAIL,
		  NULL, "2022-03-01 to 2024-02-29" },
	};
	struct arena *a = T_ARENA(state);

	posts_table(a, t_profile(a, "demak-2022"), V_2B, R_ELIG_PRIOR_POST,
	    rows, ARRAY_LEN(rows));
}

/*
 * II.a, Demak Pasal 4 ayat (1) huruf c: "menduduki" - currently holding a
 * JPT II.b (or higher) or JF ahli madya post, with >= 2 y at that level.
 */
static void
test_prior_post_2a_current(void **state)
{
	static const struct posts_row rows[] = {
		{ "[" PSO("II.b", "2021-03-15") "]", NULL, RS_PASS, "huruf c",
		  "II.b now, exactly 2 y" },
		{ "[" PSO("II.b", "2021-03-16") "]", NULL, RS_FAIL, NULL,
		  "II.b now, a day short" },
		{ "[" PSO("II.a", "2020-01-01") "]", NULL, RS_PASS, NULL,
		  "II.a now" },
		{ "[" PS("II.b", "2018-01-01", "2021-01-01") ", "
		  PSO("III.a", "2021-01-01") "]", NULL, RS_FAIL, NULL,
		  "II.b 3 y in the past, III.a now" },
		{ "[" PS("II.b", "2018-01-01", "2019-06-01") ", "
		  PSO("II.b", "2022-06-01") "]", NULL, RS_PASS, NULL,
		  "II.b 17 months, again 9 months now" },
		{ "[" PS("II.b", "2018-01-01", "2019-01-01") ", "
		  PSO("II.b", "2022-06-01") "]", NULL, RS_FAIL, NULL,
		  "II.b 12 months, again 9 months now" },
		{ "[" PS("II.b", "2020-01-01", "2023-03-15") "]", NULL, RS_FAIL,
		  NULL, "II.b ended on as_of: not held on as_of" },
		{ "[" PS("II.b", "2020-01-01", "2023-03-16") "]", NULL, RS_PASS,
		  NULL, "II.b ends the day after as_of: held on as_of" },
		{ "[" PLTO("II.b", "2018-01-01") "]", NULL, RS_FAIL, NULL,
		  "Plt II.b now" },
		{ "[" PS("II.b", "2019-01-01", "2022-01-01") ", "
		  PLTO("II.b", "2022-01-01") "]", NULL, RS_FAIL, NULL,
		  "II.b 3 y, then Plt II.b now" },
		{ "[" PFO("ahli_madya", "2021-03-15") "]", NULL, RS_PASS, NULL,
		  "JF ahli madya now, 2 y" },
		{ "[" PF("ahli_madya", "2015-01-01", "2022-01-01") ", "
		  PSO("III.a", "2022-01-01") "]", NULL, RS_FAIL, NULL,
		  "JF ahli madya in the past" },
		{ "[" PSO("III.a", "2010-01-01") "]", NULL, RS_FAIL, NULL,
		  "III.a now, 13 y" },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct rule_result *r;

	posts_table(a, p, V_2A, R_ELIG_PRIOR_POST, rows, ARRAY_LEN(rows));
	r = check(a, p, V_2A, KV({ "posts", "[" PS("II.b", "2018-01-01",
	    "2021-01-01") "]" }), AS_OF, APPT, R_ELIG_PRIOR_POST, RS_FAIL,
	    "past II.b");
	t_contains(r->detail, "tidak sedang menduduki");
}

/* Pekalongan II.a: "sedang atau pernah": a past II.b post is enough. */
static void
test_prior_post_2a_formerly(void **state)
{
	static const struct posts_row rows[] = {
		{ "[" PS("II.b", "2018-01-01", "2021-01-01") ", "
		  PSO("III.a", "2021-01-01") "]", NULL, RS_PASS, NULL,
		  "II.b 3 y in the past" },
		{ "[" PS("II.b", "2019-03-16", "2021-03-15") ", "
		  PSO("III.a", "2021-03-15") "]", NULL, RS_PASS, NULL,
		  "II.b 730 days in the past" },
		{ "[" PS("II.b", "2019-03-17", "2021-03-15") ", "
		  PSO("III.a", "2021-03-15") "]", NULL, RS_FAIL, NULL,
		  "II.b 729 days in the past" },
	};
	struct arena *a = T_ARENA(state);

	posts_table(a, t_profile(a, "pekalongan-2022"), V_2A,
	    R_ELIG_PRIOR_POST, rows, ARRAY_LEN(rows));
}

/* Functional posts count only against functional alternatives. */
static void
test_prior_post_functional_only_for_functional(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *ps = inline_profile(a, "as_of",
	    "{\"rule\": \"ELIG-PRIOR-POST\", \"citation\": \"x\", \"any_of\": "
	    "[{\"kind\": \"structural\", \"min_echelon\": \"III.a\", "
	    "\"years\": 2}]}");
	const struct profile *pf = inline_profile(a, "as_of",
	    "{\"rule\": \"ELIG-PRIOR-POST\", \"citation\": \"x\", \"any_of\": "
	    "[{\"kind\": \"functional\", \"min_jf_level\": \"ahli_madya\", "
	    "\"years\": 2}]}");

	check(a, ps, NULL, KV({ "posts", "[" PFO("ahli_utama", "2010-01-01")
	    "]" }), AS_OF, APPT, R_ELIG_PRIOR_POST, RS_FAIL,
	    "JF ahli utama 13 y, structural required");
	check(a, ps, NULL, KV({ "posts", "[" PSO("III.a", "2021-03-15") "]" }),
	    AS_OF, APPT, R_ELIG_PRIOR_POST, RS_PASS, "III.a 2 y");
	check(a, pf, NULL, KV({ "posts", "[" PSO("II.a", "2010-01-01") "]" }),
	    AS_OF, APPT, R_ELIG_PRIOR_POST, RS_FAIL,
	    "II.a 13 y, functional required");
	check(a, pf, NULL, KV({ "posts", "[" PFO("ahli_madya", "2021-03-15")
	    "]" }), AS_OF, APPT, R_ELIG_PRIOR_POST, RS_PASS, "JF 2 y");
	/* A structural post with no echelon is no "maybe" for JF. */
	check(a, pf, NULL, KV({ "posts", "[{\"kind\": \"structural\", "
	    "\"start\": \"2010-01-01\"}]" }), AS_OF, APPT, R_ELIG_PRIOR_POST,
	    RS_FAIL, "structural without echelon");
}

/* periods_at "appointment": the 2 years are counted to the appointment. */
static void
test_prior_post_periods_at_appointment(void **state)
{
	static const char *const rules = "{\"rule\": \"ELIG-PRIOR-POST\", "
	    "\"citation\": \"x\", \"any_of\": [{\"kind\": \"structural\", "
	    "\"min_echelon\": \"III.a\", \"years\": 2}]}";
	struct arena *a = T_ARENA(state);
	const struct profile *pa = inline_profile(a, "appointment", rules);
	const struct profile *po = inline_profile(a, "as_of", rules);
	const struct t_kv *c = KV({ "posts", "[" PSO("III.a", "2021-06-01")
	    "]" });

	check(a, pa, NULL, c, AS_OF, "2023-06-01", R_ELIG_PRIOR_POST, RS_PASS,
	    "at appointment");
	check(a, pa, NULL, c, AS_OF, "2023-05-31", R_ELIG_PRIOR_POST, RS_FAIL,
	    "a day before");
	check(a, po, NULL, c, AS_OF, "2023-06-01", R_ELIG_PRIOR_POST, RS_FAIL,
	    "at as_of");
}

/*
 * >= 5 years cumulative in posts of the vacancy's field, every kind of
 * post, acting ones included.  5 years as of 2023-03-15: 1826 days.
 */
static void
test_experience(void **state)
{
	static const struct posts_row rows[] = {
		{ "[" PSO("III.b", "2018-03-14") "]", NULL, RS_PASS, NULL,
		  "5 y and a day" },
		{ "[" PSO("III.b", "2018-03-15") "]", NULL, RS_PASS, NULL,
		  "exactly 5 y" },
		{ "[" PSO("III.b", "2018-03-16") "]", NULL, RS_FAIL, NULL,
		  "a day short" },
		{ "[" PS("III.b", "2018-03-15", "2023-03-15") "]", NULL,
		  RS_PASS, NULL, "ends on as_of" },
		{ "[" PS("III.b", "2018-03-15", "2023-03-14") "]", NULL,
		  RS_FAIL, NULL, "ends the day before as_of" },
		/* Acting (Plt) counts for experience. */
		{ "[" PLTO("III.a", "2018-03-15") "]", NULL, RS_PASS, NULL,
		  "Plt 5 y" },
		{ "[" PLT("III.a", "2016-01-01", "2019-01-01") ", "
		  PFO("ahli_muda", "2019-01-01") "]", NULL, RS_PASS, NULL,
		  "Plt 3 y then JF 4 y" },
		{ "[" PX("[\"kesehatan\"]", "2018-03-15", "2023-03-15") "]",
		  NULL, RS_PASS, NULL, "executor 5 y" },
		/* Merged, not added. */
		{ "[" PS("III.b", "2017-01-01", "2020-01-01") ", "
		  PS("III.a", "2018-01-01", "2021-12-31") "]", NULL, RS_FAIL,
		  NULL, "overlap: union 1825 d, sum 2555 d" },
		{ "[" PS("III.b", "2017-01-01", "2020-01-01") ", "
		  PS("III.a", "2018-01-01", "2022-01-01") "]", NULL, RS_PASS,
		  NULL, "overlap: union 1826 d" },
		/* Only posts of the vacancy's field; fields match any case. */
		{ "[" PX("[\"keuangan\"]", "2000-01-01", "2023-03-15") "]",
		  NULL, RS_FAIL, NULL, "another field" },
		{ "[" PX("[\"keuangan\", \" Kesehatan \"]", "2018-03-15",
		  "2023-03-15") "]", NULL, RS_PASS, NULL,
		  "one of two fields, another case" },
		{ "[" PX("[]", "2000-01-01", "2023-03-15") "]", NULL, RS_FAIL,
		  NULL, "an empty field list" },
		/* Unknown fields: missing if they could make the difference. */
		{ "[{\"kind\": \"executor\", \"start\": \"2000-01-01\", "
		  "\"end\": null}]", NULL, RS_MISSING, NULL, "no fields" },
		{ "[{\"kind\": \"executor\", \"start\": \"2022-01-01\", "
		  "\"end\": null}]", NULL, RS_FAIL, NULL,
		  "no fields, too short anyway" },
		{ "[{\"kind\": \"executor\", \"start\": \"2000-01-01\", "
		  "\"end\": null}, " PSO("III.b", "2018-03-15") "]", NULL,
		  RS_PASS, NULL, "known posts suffice" },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct rule_result *r;

	posts_table(a, p, V_2B, R_ELIG_EXPERIENCE, rows, ARRAY_LEN(rows));
	/* The same posts under the II.a entry. */
	posts_table(a, p, V_2A, R_ELIG_EXPERIENCE, rows, 3);
	/* A vacancy without fields cannot be checked. */
	r = check(a, p, KV({ "fields", NULL }), NULL, AS_OF, APPT,
	    R_ELIG_EXPERIENCE, RS_MISSING, "vacancy without fields");
	t_contains(r->detail, "5 tahun");
	r = check(a, p, V_2B, KV({ "posts", "[" PSO("III.b", "2018-03-15")
	    "]" }), AS_OF, APPT, R_ELIG_EXPERIENCE, RS_PASS, "detail");
	t_contains(r->detail, "1826 hari");
	t_contains(r->detail, "15 Maret 2023");
}

/* A Plt post: counted for experience, not for the prior post. */
static void
test_acting_post(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct elig_out *o = run(a, p, V_2B, KV({ "posts",
	    "[" PLTO("III.a", "2015-01-01") "]" }), AS_OF, APPT);

	t_status(rule(o, R_ELIG_PRIOR_POST), RS_FAIL, "prior post");
	t_status(rule(o, R_ELIG_EXPERIENCE), RS_PASS, "experience");
	assert_int_equal(o->verdict, V_INELIGIBLE);
}

/* The exported union of intervals (start inclusive, end exclusive). */
static void
test_span_union_days(void **state)
{
	static const struct {
		struct { const char *s, *e; } sp[4];
		size_t		 n;
		const char	*cut;
		long		 want;
	} rows[] = {
		{ { { "2020-01-01", "2020-01-11" } }, 1, "2030-01-01", 10 },
		{ { { "2020-01-01", "2020-01-11" } }, 1, "2020-01-05", 4 },
		{ { { "2020-01-01", "2020-01-11" } }, 1, "2020-01-01", 0 },
		{ { { "2020-01-01", "2020-01-01" } }, 1, "2030-01-01", 0 },
		{ { { "2020-01-01", "2020-01-11" }, { "2020-01-05",
		    "2020-01-15" } }, 2, "2030-01-01", 14 },
		{ { { "2020-01-05", "2020-01-15" }, { "2020-01-01",
		    "2020-01-11" } }, 2, "2030-01-01", 14 },
		{ { { "2020-01-01", "2020-01-11" }, { "2020-01-11",
		    "2020-01-21" } }, 2, "2030-01-01", 20 },
		{ { { "2020-01-01", "2020-01-11" }, { "2020-01-12",
		    "2020-01-22" } }, 2, "2030-01-01", 20 },
		{ { { "2020-01-01", "2020-12-31" }, { "2020-03-01",
		    "2020-04-01" }, { "2020-02-01", "2020-02-02" } }, 3,
		  "2030-01-01", 365 },
		{ { { "2020-01-12", "2020-01-22" }, { "2020-01-01",
		    "2020-01-11" }, { "2020-01-05", "2020-01-13" } }, 3,
		  "2020-01-20", 19 },
		{ { { "2020-01-01", "2020-01-11" } }, 0, "2030-01-01", 0 },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		struct span sp[4];
		long got;

		for (size_t k = 0; k < rows[i].n; k++) {
			sp[k].start = t_date(rows[i].sp[k].s);
			sp[k].end = t_date(rows[i].sp[k].e);
		}
		got = span_union_days(sp, rows[i].n, t_date(rows[i].cut));
		if (got != rows[i].want)
			fail_msg("row %zu: %ld days, want %ld", i, got,
			    rows[i].want);
	}
}

/* A small deterministic generator for the property tests. */
static uint32_t
lcg(uint32_t *x)
{
	*x = *x * 1664525u + 1013904223u;
	return *x >> 8;
}

/* span_union_days against a day-by-day count, on random intervals. */
static void
test_span_union_days_random(void **state)
{
	enum { DAYS = 3000 };
	static bool day[DAYS];
	uint32_t seed = 20230315;

	(void)state;
	for (int round = 0; round < 2000; round++) {
		struct span sp[8];
		size_t n = lcg(&seed) % 9;
		sel_date cut = (sel_date)(lcg(&seed) % DAYS);
		long want = 0, got;

		memset(day, 0, sizeof(day));
		for (size_t k = 0; k < n; k++) {
			sp[k].start = (sel_date)(lcg(&seed) % DAYS);
			sp[k].end = sp[k].start + (sel_date)(lcg(&seed) % 900);
			if (sp[k].end > DAYS)
				sp[k].end = DAYS;
			for (sel_date z = sp[k].start; z < sp[k].end; z++)
				day[z] = true;
		}
		for (sel_date z = 0; z < cut; z++)
			want += day[z];
		got = span_union_days(sp, n, cut);
		if (got != want)
			fail_msg("round %d: %ld days, want %ld", round, got,
			    want);
	}
}

/*
 * <= 56 completed years at the appointment date.  Born 29 February 1968:
 * 56 on 28 February 2025, 57 on 1 March 2025.
 */
static void
test_age(void **state)
{
	static const struct {
		const char	*birth, *appt;
		enum rule_status want;
		const char	*detail;
	} rows[] = {
		{ "\"1968-02-29\"", "2025-02-27", RS_PASS, "Usia 56 tahun" },
		{ "\"1968-02-29\"", "2025-02-28", RS_PASS,
		  "Usia 56 tahun pada 28 Februari 2025 (tanggal pengangkatan)" },
		{ "\"1968-02-29\"", "2025-03-01", RS_FAIL,
		  "Usia 57 tahun pada 1 Maret 2025" },
		{ "\"1968-02-29\"", "2024-02-29", RS_PASS, "Usia 56 tahun" },
		{ "\"1967-06-01\"", "2023-05-31", RS_PASS, "Usia 55 tahun" },
		{ "\"1967-06-01\"", "2023-06-01", RS_PASS, "Usia 56 tahun" },
		{ "\"1967-06-01\"", "2024-05-31", RS_PASS, "Usia 56 tahun" },
		{ "\"1967-06-01\"", "2024-06-01", RS_FAIL, "Usia 57 tahun" },
		{ "\"1967-06-01\"", "2024-06-02", RS_FAIL, "Usia 57 tahun" },
		{ "\"1975-05-12\"", "2023-06-01", RS_PASS, "Usia 48 tahun" },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct t_kv over[] = { { "birth_date", rows[i].birth },
		    { NULL, NULL } };
		const struct rule_result *r;
		char ctx[100];

		snprintf(ctx, sizeof(ctx), "born %s, appointed %s",
		    rows[i].birth, rows[i].appt);
		r = check(a, p, V_2B, over, AS_OF, rows[i].appt, R_ELIG_AGE,
		    rows[i].want, ctx);
		t_contains(r->detail, rows[i].detail);
		t_contains(r->detail, "paling tinggi 56 tahun");
		r = check(a, p, V_2A, over, AS_OF, rows[i].appt, R_ELIG_AGE,
		    rows[i].want, ctx);
		t_contains(r->citation, "Pasal 4 ayat (1) huruf e");
	}
}

/* The age is measured at the appointment, not at as_of. */
static void
test_age_at_appointment_not_as_of(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct profile *q = inline_profile(a, "as_of",
	    "{\"rule\": \"ELIG-AGE\", \"max_age\": 56, \"at\": \"as_of\", "
	    "\"citation\": \"x\"}");
	const struct t_kv *born = KV({ "birth_date", "\"1966-04-01\"" });

	/* 56 on as_of 2023-03-15, 57 on 2023-06-01. */
	check(a, p, V_2B, born, AS_OF, APPT, R_ELIG_AGE, RS_FAIL,
	    "Demak: at appointment");
	check(a, q, NULL, born, AS_OF, APPT, R_ELIG_AGE, RS_PASS,
	    "a profile measuring at as_of");
	t_contains(check(a, q, NULL, born, AS_OF, APPT, R_ELIG_AGE, RS_PASS,
	    "detail")->detail, "batas akhir pendaftaran");
}

/* Demak: no moderate/heavy penalty decided after as_of - 2 years. */
static void
test_discipline(void **state)
{
	static const struct {
		const char	*pens;		/* NULL: the field absent */
		const char	*as_of;
		enum rule_status want;
	} rows[] = {
		/* as_of - 2 years = 2021-03-15: not in the window. */
		{ "[{\"kind\": \"discipline\", \"level\": \"moderate\", "
		  "\"decided\": \"2021-03-14\"}]", AS_OF, RS_PASS },
		{ "[{\"kind\": \"discipline\", \"level\": \"moderate\", "
		  "\"decided\": \"2021-03-15\"}]", AS_OF, RS_PASS },
		{ "[{\"kind\": \"discipline\", \"level\": \"moderate\", "
		  "\"decided\": \"2021-03-16\"}]", AS_OF, RS_FAIL },
		{ "[{\"kind\": \"discipline\", \"level\": \"heavy\", "
		  "\"decided\": \"2023-03-15\"}]", AS_OF, RS_FAIL },
		{ "[{\"kind\": \"discipline\", \"level\": \"light\", "
		  "\"decided\": \"2023-01-01\"}]", AS_OF, RS_PASS },
		{ "[{\"kind\": \"discipline\", \"level\": \"light\"}]", AS_OF,
		  RS_PASS },
		{ "[{\"kind\": \"discipline\", \"level\": \"heavy\"}]", AS_OF,
		  RS_MISSING },
		{ "[{\"kind\": \"discipline\", \"level\": \"heavy\", "
		  "\"decided\": \"2010-01-01\"}, {\"kind\": \"discipline\", "
		  "\"level\": \"moderate\", \"decided\": \"2022-01-01\"}]",
		  AS_OF, RS_FAIL },
		{ "[{\"kind\": \"discipline\", \"level\": \"heavy\"}, "
		  "{\"kind\": \"discipline\", \"level\": \"moderate\", "
		  "\"decided\": \"2022-01-01\"}]", AS_OF, RS_FAIL },
		{ "[{\"kind\": \"criminal\", \"decided\": \"2022-01-01\"}]",
		  AS_OF, RS_PASS },
		{ "[]", AS_OF, RS_PASS },
		{ NULL, AS_OF, RS_MISSING },
		/* as_of 2024-02-29: 2 years back is 2022-02-28. */
		{ "[{\"kind\": \"discipline\", \"level\": \"moderate\", "
		  "\"decided\": \"2022-02-28\"}]", "2024-02-29", RS_PASS },
		{ "[{\"kind\": \"discipline\", \"level\": \"moderate\", "
		  "\"decided\": \"2022-03-01\"}]", "2024-02-29", RS_FAIL },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct rule_result *r;

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct t_kv over[] = { { "penalties", rows[i].pens },
		    { NULL, NULL } };
		char ctx[40];

		snprintf(ctx, sizeof(ctx), "row %zu", i);
		check(a, p, V_2B, over, rows[i].as_of, APPT, R_ELIG_DISCIPLINE,
		    rows[i].want, ctx);
		check(a, p, V_2A, over, rows[i].as_of, APPT, R_ELIG_DISCIPLINE,
		    rows[i].want, ctx);
	}
	r = check(a, p, V_2B, KV({ "penalties", "[{\"kind\": \"discipline\", "
	    "\"level\": \"moderate\", \"decided\": \"2021-03-16\"}]" }), AS_OF,
	    APPT, R_ELIG_DISCIPLINE, RS_FAIL, "detail");
	t_contains(r->detail, "16 Maret 2021");
	t_contains(r->detail, "setelah 15 Maret 2021");
}

/* Pontianak: "tidak pernah" - no window. */
static void
test_discipline_ever(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pontianak-2015");
	const struct t_kv *vac = KV({ "echelon", NULL });
	const struct rule_result *r;

	check(a, p, vac, KV({ "penalties", "[{\"kind\": \"discipline\", "
	    "\"level\": \"moderate\", \"decided\": \"1990-01-01\"}]" }), AS_OF,
	    APPT, R_ELIG_DISCIPLINE, RS_FAIL, "moderate in 1990");
	check(a, p, vac, KV({ "penalties", "[{\"kind\": \"discipline\", "
	    "\"level\": \"heavy\"}]" }), AS_OF, APPT, R_ELIG_DISCIPLINE,
	    RS_FAIL, "heavy, undated");
	r = check(a, p, vac, KV({ "penalties", "[{\"kind\": \"discipline\", "
	    "\"level\": \"light\", \"decided\": \"2022-01-01\"}]" }), AS_OF,
	    APPT, R_ELIG_DISCIPLINE, RS_PASS, "light");
	t_contains(r->detail, "Tidak pernah");
}

/* Pekalongan: no criminal sentence in the last 5 years. */
static void
test_criminal(void **state)
{
	static const struct {
		const char	*pens;
		enum rule_status want;
	} rows[] = {
		{ "[{\"kind\": \"criminal\", \"decided\": \"2018-03-14\"}]",
		  RS_PASS },
		{ "[{\"kind\": \"criminal\", \"decided\": \"2018-03-15\"}]",
		  RS_PASS },
		{ "[{\"kind\": \"criminal\", \"decided\": \"2018-03-16\"}]",
		  RS_FAIL },
		{ "[{\"kind\": \"criminal\"}]", RS_MISSING },
		{ "[{\"kind\": \"discipline\", \"level\": \"heavy\", "
		  "\"decided\": \"2022-01-01\"}]", RS_PASS },
		{ "[]", RS_PASS },
		{ NULL, RS_MISSING },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pekalongan-2022");

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct t_kv over[] = { { "penalties", rows[i].pens },
		    { NULL, NULL } };
		char ctx[40];

		snprintf(ctx, sizeof(ctx), "row %zu", i);
		check(a, p, V_2B, over, AS_OF, APPT, R_ELIG_CRIMINAL,
		    rows[i].want, ctx);
		check(a, p, V_2A, over, AS_OF, APPT, R_ELIG_CRIMINAL,
		    rows[i].want, ctx);
	}
}

/* Without ELIG-CRIMINAL a sentence goes on the track-record item. */
static void
test_criminal_on_track_record_checklist(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct t_kv *c = KV({ "penalties", "[{\"kind\": \"criminal\", "
	    "\"decided\": \"2010-02-01\"}]" });
	const struct elig_out *o = run(a, t_profile(a, "demak-2022"), V_2B, c,
	    AS_OF, APPT);
	const struct check_item *tr = NULL;

	assert_null(rule(o, R_ELIG_CRIMINAL));
	assert_int_equal(o->verdict, V_ELIGIBLE);
	for (size_t i = 0; i < o->nchecklist; i++)
		if (o->checklist[i].id == R_ELIG_TRACK_RECORD)
			tr = &o->checklist[i];
	assert_non_null(tr);
	if (tr == NULL)
		return;		/* not reached: keeps -Wnull-dereference quiet */
	t_contains(tr->detail, "hukuman pidana");
	t_contains(tr->detail, "1 Februari 2010");
	/* With ELIG-CRIMINAL (Pekalongan) the rule decides instead. */
	o = run(a, t_profile(a, "pekalongan-2022"), V_2B, c, AS_OF, APPT);
	t_status(rule(o, R_ELIG_CRIMINAL), RS_PASS, "2010 is outside 5 y");
	for (size_t i = 0; i < o->nchecklist; i++)
		if (o->checklist[i].id == R_ELIG_TRACK_RECORD)
			t_not_contains(o->checklist[i].detail, "pidana");
}

static void
test_examination(void **state)
{
	static const struct {
		const char	*v;
		enum rule_status want;
	} rows[] = {
		{ "false", RS_PASS }, { "true", RS_FAIL }, { NULL, RS_MISSING },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct t_kv over[] = { { "under_examination", rows[i].v },
		    { NULL, NULL } };

		check(a, p, V_2B, over, AS_OF, APPT, R_ELIG_EXAMINATION,
		    rows[i].want, rows[i].v != NULL ? rows[i].v : "absent");
	}
}

/*
 * Demak: at least "baik" in each of the two calendar years before the
 * year of as_of; a missing year is missing, not fail.
 */
static void
test_performance(void **state)
{
	static const struct {
		const char	*perf;
		const char	*as_of;
		enum rule_status want;
	} rows[] = {
		{ "[{\"year\": 2021, \"rating\": \"baik\"}, {\"year\": 2022, "
		  "\"rating\": \"sangat_baik\"}]", AS_OF, RS_PASS },
		{ "[{\"year\": 2021, \"rating\": \"baik\"}, {\"year\": 2022, "
		  "\"rating\": \"butuh_perbaikan\"}]", AS_OF, RS_FAIL },
		{ "[{\"year\": 2021, \"rating\": \"cukup\"}, {\"year\": 2022, "
		  "\"rating\": \"baik\"}]", AS_OF, RS_FAIL },
		{ "[{\"year\": 2021, \"rating\": \"amat_baik\"}, {\"year\": "
		  "2022, \"rating\": \"baik\"}]", AS_OF, RS_PASS },
		{ "[{\"year\": 2022, \"rating\": \"baik\"}]", AS_OF,
		  RS_MISSING },
		{ "[{\"year\": 2020, \"rating\": \"baik\"}, {\"year\": 2021, "
		  "\"rating\": \"baik\"}]", AS_OF, RS_MISSING },
		{ "[{\"year\": 2022, \"rating\": \"kurang\"}]", AS_OF,
		  RS_FAIL },
		{ "[{\"year\": 2021, \"rating\": \"baik\"}, {\"year\": 2022, "
		  "\"rating\": \"baik\"}, {\"year\": 2023, \"rating\": "
		  "\"sangat_kurang\"}]", AS_OF, RS_PASS },
		{ "[]", AS_OF, RS_MISSING },
		{ NULL, AS_OF, RS_MISSING },
		/* The years follow as_of's year. */
		{ "[{\"year\": 2021, \"rating\": \"baik\"}, {\"year\": 2022, "
		  "\"rating\": \"baik\"}]", "2023-01-01", RS_PASS },
		{ "[{\"year\": 2021, \"rating\": \"baik\"}, {\"year\": 2022, "
		  "\"rating\": \"baik\"}]", "2022-12-31", RS_MISSING },
		{ "[{\"year\": 2021, \"rating\": \"baik\"}, {\"year\": 2022, "
		  "\"rating\": \"baik\"}]", "2024-01-01", RS_MISSING },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct rule_result *r;

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct t_kv over[] = { { "performance", rows[i].perf },
		    { NULL, NULL } };
		char ctx[40];

		snprintf(ctx, sizeof(ctx), "row %zu", i);
		check(a, p, V_2B, over, rows[i].as_of, APPT,
		    R_ELIG_PERFORMANCE, rows[i].want, ctx);
	}
	r = check(a, p, V_2B, KV({ "performance", "[{\"year\": 2022, "
	    "\"rating\": \"baik\"}]" }), AS_OF, APPT, R_ELIG_PERFORMANCE,
	    RS_MISSING, "detail");
	t_contains(r->detail, "2021: tidak ada");
	t_contains(r->detail, "2022: baik");
}

/* Pontianak and Pekalongan: the appraisals exist, any rating. */
static void
test_performance_any_rating(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pontianak-2015");
	const struct t_kv *vac = KV({ "echelon", NULL });

	check(a, p, vac, KV({ "performance", "[{\"year\": 2021, \"rating\": "
	    "\"sangat_kurang\"}, {\"year\": 2022, \"rating\": \"buruk\"}]" }),
	    AS_OF, APPT, R_ELIG_PERFORMANCE, RS_PASS, "any rating");
	check(a, p, vac, KV({ "performance", "[{\"year\": 2021, \"rating\": "
	    "\"baik\"}]" }), AS_OF, APPT, R_ELIG_PERFORMANCE, RS_MISSING,
	    "2022 missing");
	check(a, t_profile(a, "pekalongan-2022"), V_2B, KV({ "performance",
	    "[{\"year\": 2021, \"rating\": \"kurang\"}, {\"year\": 2022, "
	    "\"rating\": \"kurang\"}]" }), AS_OF, APPT, R_ELIG_PERFORMANCE,
	    RS_PASS, "Pekalongan: submitted");
}

/* Demak: PyB with PPK approval (own region), PPK (other regions). */
static void
test_recommendation(void **state)
{
	static const char other[] = "{\"name\": \"Pemerintah Kota Semarang\", "
	    "\"kind\": \"city\", \"province\": \"Jawa Tengah\"}";
	static const char own_case[] = "{\"name\": \"PEMERINTAH KABUPATEN "
	    "DEMAK\", \"kind\": \"regency\", \"province\": \"Jawa Tengah\"}";
	static const struct {
		const char	*agency;	/* NULL: own region */
		const char	*rec;		/* NULL: absent */
		enum rule_status want;
	} rows[] = {
		{ NULL, "{\"by\": \"pyb\", \"ppk_approved\": true}", RS_PASS },
		{ own_case, "{\"by\": \"pyb\", \"ppk_approved\": true}",
		  RS_PASS },
		{ NULL, "{\"by\": \"pyb\", \"ppk_approved\": false}", RS_FAIL },
		{ NULL, "{\"by\": \"pyb\"}", RS_MISSING },
		{ NULL, "{\"by\": \"ppk\"}", RS_FAIL },
		{ NULL, NULL, RS_MISSING },
		{ other, "{\"by\": \"ppk\"}", RS_PASS },
		{ other, "{\"by\": \"pyb\", \"ppk_approved\": true}", RS_FAIL },
		{ other, NULL, RS_MISSING },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct t_kv over[] = { { "agency", rows[i].agency },
		    { "recommendation", rows[i].rec }, { NULL, NULL } };
		const struct t_kv *o = rows[i].agency != NULL ? over : over + 1;
		char ctx[40];

		snprintf(ctx, sizeof(ctx), "row %zu", i);
		check(a, p, V_2B, o, AS_OF, APPT, R_ELIG_RECOMMENDATION,
		    rows[i].want, ctx);
	}
}

/*
 * Demak Pasal 10 ayat (4): a PNS invited by the committee needs the
 * recommendation of the PPK of their own agency, not the PyB's with the
 * PPK's approval; the result cites that ayat.
 */
static void
test_recommendation_invited(void **state)
{
	static const struct {
		const char	*rec;
		const char	*invited;
		enum rule_status want;
		const char	*cite;
	} rows[] = {
		{ "{\"by\": \"ppk\"}", "true", RS_PASS, "Pasal 10 ayat (4)" },
		{ "{\"by\": \"pyb\", \"ppk_approved\": true}", "true", RS_FAIL,
		  "Pasal 10 ayat (4)" },
		{ NULL, "true", RS_MISSING, "Pasal 10 ayat (4)" },
		{ "{\"by\": \"ppk\"}", "false", RS_FAIL, "Pasal 4 ayat (2)" },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct t_kv over[] = { { "invited", rows[i].invited },
		    { "recommendation", rows[i].rec }, { NULL, NULL } };
		const struct rule_result *r;
		char ctx[40];

		snprintf(ctx, sizeof(ctx), "row %zu", i);
		r = check(a, p, V_2B, over, AS_OF, APPT,
		    R_ELIG_RECOMMENDATION, rows[i].want, ctx);
		t_contains(r->citation, rows[i].cite);
	}
}

/* Pontianak: only PNS of other regions need their PPK's/PyB's consent. */
static void
test_recommendation_other_region_only(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pontianak-2015");
	const struct t_kv *vac = KV({ "echelon", NULL }, { "agency",
	    "{\"name\": \"Pemerintah Kota Pontianak\", \"kind\": \"city\", "
	    "\"province\": \"Kalimantan Barat\"}" });
	static const char own[] = "{\"name\": \"Pemerintah Kota Pontianak\", "
	    "\"kind\": \"city\", \"province\": \"Kalimantan Barat\"}";
	static const char other[] = "{\"name\": \"Pemerintah Kabupaten "
	    "Sambas\", \"kind\": \"regency\", \"province\": \"Kalimantan "
	    "Barat\"}";

	t_contains(check(a, p, vac, KV({ "agency", own }, { "recommendation",
	    NULL }), AS_OF, APPT, R_ELIG_RECOMMENDATION, RS_PASS,
	    "own region")->detail, "tidak disyaratkan");
	check(a, p, vac, KV({ "agency", other }, { "recommendation",
	    "{\"by\": \"pyb\"}" }), AS_OF, APPT, R_ELIG_RECOMMENDATION,
	    RS_PASS, "other region, PyB");
	check(a, p, vac, KV({ "agency", other }, { "recommendation",
	    NULL }), AS_OF, APPT, R_ELIG_RECOMMENDATION, RS_MISSING,
	    "other region, none");
}

/* "Diutamakan": an advisory, never a rule, never the verdict. */
static void
test_training_advisory(void **state)
{
	const struct {
		const struct t_kv	*vac;
		const char		*training;	/* NULL: absent */
		const char		*posts;		/* NULL: default */
		int			 met;	/* -1: no advisory */
		const char		*detail;
	} rows[] = {
		{ V_2B, "[\"pim_iii\"]", NULL, 1, "Diklatpim III" },
		{ V_2B, "[\"pka\"]", NULL, 1, "telah lulus" },
		{ V_2B, "[\"pim_ii\"]", NULL, 0, "belum tercantum lulus" },
		{ V_2B, "[\"pim_iv\"]", NULL, 0, "Diklatpim III" },
		{ V_2B, "[]", NULL, 0, "belum tercantum lulus" },
		{ V_2B, NULL, NULL, 0, "data diklat tidak tercantum" },
		{ V_2A, "[\"pim_iii\"]", NULL, 0, "Diklatpim II (PKN II)" },
		{ V_2A, "[\"pkn_ii\"]", NULL, 1, "Diklatpim II" },
		/* Not for functional officials: no advisory at all. */
		{ V_2B, "[]", "[" PFO("ahli_madya", "2015-01-01") "]", -1,
		  NULL },
		/* Acting as a functional official does not make one. */
		{ V_2B, "[]", "[" PSO("III.a", "2015-01-01") ", "
		  "{\"kind\": \"functional\", \"jf_level\": \"ahli_madya\", "
		  "\"acting\": true, \"start\": \"2020-01-01\"}]", 0, NULL },
		/* A former functional post does not count either. */
		{ V_2B, "[]", "[" PF("ahli_madya", "2010-01-01", "2015-01-01")
		  ", " PSO("III.a", "2015-01-01") "]", 0, NULL },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pekalongan-2022");

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct t_kv over[] = { { "training", rows[i].training },
		    { "posts", rows[i].posts }, { NULL, NULL } };
		const struct t_kv *o = rows[i].posts != NULL ? over :
		    KV({ "training", rows[i].training });
		const struct elig_out *e = run(a, p, rows[i].vac, o, AS_OF,
		    APPT);

		assert_null(rule(e, R_ELIG_TRAINING));
		if (rows[i].met < 0) {
			assert_int_equal(e->nadvisories, 0);
			continue;
		}
		if (e->nadvisories != 1)
			fail_msg("row %zu: %zu advisories", i, e->nadvisories);
		assert_int_equal(e->advisories[0].id, R_ELIG_TRAINING);
		if (e->advisories[0].met != (rows[i].met == 1))
			fail_msg("row %zu: met %d", i, e->advisories[0].met);
		if (rows[i].detail != NULL)
			t_contains(e->advisories[0].detail, rows[i].detail);
		t_contains(e->advisories[0].citation, "Perwal Pekalongan");
	}
	/* The advisory does not change the verdict. */
	{
		const struct elig_out *met = run(a, p, V_2B,
		    KV({ "training", "[\"pim_iii\"]" }), AS_OF, APPT);
		const struct elig_out *not = run(a, p, V_2B,
		    KV({ "training", "[]" }), AS_OF, APPT);

		assert_int_equal(met->verdict, not->verdict);
		assert_int_equal(met->nrules, not->nrules);
	}
	/* Demak has no ELIG-TRAINING. */
	assert_int_equal(run(a, t_profile(a, "demak-2022"), V_2B,
	    KV({ "training", "[]" }), AS_OF, APPT)->nadvisories, 0);
}

/* The committee's checklist: listed, never decided, never a verdict. */
static void
test_checklist(void **state)
{
	static const enum rule_id ids[] = { R_ELIG_COMPETENCY,
	    R_ELIG_TRACK_RECORD, R_ELIG_HEALTH, R_ELIG_OTHER };
	static const char *const cite_2b[] = { "huruf l", "huruf j",
	    "huruf m", "huruf n" };
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct elig_out *b = run(a, p, V_2B, NULL, AS_OF, APPT);
	const struct elig_out *s = run(a, p, V_2A, NULL, AS_OF, APPT);

	assert_int_equal(b->nchecklist, 4);
	for (size_t i = 0; i < ARRAY_LEN(ids); i++) {
		assert_int_equal(b->checklist[i].id, ids[i]);
		assert_null(rule(b, ids[i]));
		assert_true(b->checklist[i].detail.len > 0);
		t_contains(b->checklist[i].citation, "Pasal 4 ayat (2)");
		t_contains(b->checklist[i].citation, cite_2b[i]);
	}
	/* Sekda (II.a): no "other requirements" item. */
	assert_int_equal(s->nchecklist, 3);
	for (size_t i = 0; i < s->nchecklist; i++) {
		assert_int_not_equal(s->checklist[i].id, R_ELIG_OTHER);
		t_contains(s->checklist[i].citation, "Pasal 4 ayat (1)");
	}
	t_contains(b->checklist[2].detail, "tes kesehatan");
	assert_int_equal(b->verdict, V_ELIGIBLE);
}

/* The checklist's rule ids, one test each for the catalogue. */
static void
test_checklist_competency(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct elig_out *o = run(a, t_profile(a, "demak-2022"), V_2B,
	    NULL, AS_OF, APPT);

	assert_int_equal(o->checklist[0].id, R_ELIG_COMPETENCY);
	t_contains(o->checklist[0].detail, "Kompetensi teknis, manajerial dan "
	    "sosial kultural");
}

static void
test_checklist_track_record(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct elig_out *o = run(a, t_profile(a, "demak-2022"), V_2B,
	    KV({ "penalties", "[]" }), AS_OF, APPT);

	assert_int_equal(o->checklist[1].id, R_ELIG_TRACK_RECORD);
	t_contains(o->checklist[1].detail, "Rekam jejak");
	t_not_contains(o->checklist[1].detail, "pidana");
}

static void
test_checklist_health(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct elig_out *o = run(a, t_profile(a, "pontianak-2015"),
	    KV({ "echelon", NULL }), NULL, AS_OF, APPT);
	bool seen = false;

	for (size_t i = 0; i < o->nchecklist; i++)
		seen |= o->checklist[i].id == R_ELIG_HEALTH;
	assert_true(seen);
}

static void
test_checklist_other(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct elig_out *o = run(a, t_profile(a, "demak-2022"), V_2B,
	    NULL, AS_OF, APPT);

	assert_int_equal(o->checklist[3].id, R_ELIG_OTHER);
	t_contains(o->checklist[3].citation, "Pasal 4 ayat (2) huruf n");
}

/* Any fail: ineligible; else any missing: incomplete; else eligible. */
static void
test_verdict(void **state)
{
	static const struct {
		const char	*key, *json, *key2, *json2;
		enum verdict	 want;
	} rows[] = {
		{ "name", "\"Budi Santoso\"", NULL, NULL, V_ELIGIBLE },
		{ "under_examination", NULL, NULL, NULL, V_INCOMPLETE },
		{ "under_examination", "true", NULL, NULL, V_INELIGIBLE },
		{ "under_examination", NULL, "grade", "\"III/d\"",
		  V_INELIGIBLE },
		{ "performance", NULL, "penalties", NULL, V_INCOMPLETE },
		{ "employment", "\"cpns\"", "performance", NULL,
		  V_INELIGIBLE },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct t_kv over[] = { { rows[i].key, rows[i].json },
		    { rows[i].key2, rows[i].json2 }, { NULL, NULL } };
		const struct elig_out *o = run(a, p, V_2B, over, AS_OF, APPT);

		if (o->verdict != rows[i].want)
			fail_msg("row %zu: %s, want %s", i,
			    verdict_name(o->verdict),
			    verdict_name(rows[i].want));
	}
	assert_string_equal(verdict_name(V_INCOMPLETE), "incomplete");
	assert_string_equal(verdict_name(V_INELIGIBLE), "ineligible");
}

static bool
same_str(struct str x, struct str y)
{
	return x.len == y.len && (x.len == 0 || memcmp(x.p, y.p, x.len) == 0);
}

static void
assert_same_out(const struct elig_out *x, const struct elig_out *y)
{
	assert_int_equal(x->verdict, y->verdict);
	assert_int_equal(x->nrules, y->nrules);
	assert_int_equal(x->nchecklist, y->nchecklist);
	assert_int_equal(x->nadvisories, y->nadvisories);
	for (size_t i = 0; i < x->nrules; i++) {
		assert_int_equal(x->rules[i].id, y->rules[i].id);
		assert_int_equal(x->rules[i].status, y->rules[i].status);
		assert_true(same_str(x->rules[i].detail, y->rules[i].detail));
		assert_true(same_str(x->rules[i].citation,
		    y->rules[i].citation));
	}
	for (size_t i = 0; i < x->nchecklist; i++) {
		assert_int_equal(x->checklist[i].id, y->checklist[i].id);
		assert_true(same_str(x->checklist[i].detail,
		    y->checklist[i].detail));
	}
	for (size_t i = 0; i < x->nadvisories; i++) {
		assert_int_equal(x->advisories[i].met, y->advisories[i].met);
		assert_true(same_str(x->advisories[i].detail,
		    y->advisories[i].detail));
	}
}

/*
 * PRIN: gender is encoded in the NIP's 15th digit and must never reach a
 * decision.  Two candidates identical but for that digit get
 * byte-identical results, under every profile, eligible or not.
 */
static void
test_gender_digit_does_not_matter(void **state)
{
	static const char *const profiles[] = { "demak-2022",
	    "pekalongan-2022", "demak-2022-covid", "pekalongan-2022-covid" };
	static const char *const variants[] = { NULL, "\"III/d\"" };
	struct arena *a = T_ARENA(state);

	for (size_t i = 0; i < ARRAY_LEN(profiles); i++) {
		const struct profile *p = t_profile(a, profiles[i]);

		for (size_t k = 0; k < ARRAY_LEN(variants); k++) {
			const struct t_kv m[] = { { "nip",
			    "\"197505122000031002\"" }, { "grade",
			    variants[k] != NULL ? variants[k] : "\"IV/a\"" },
			    { "under_examination", k ? NULL : "false" },
			    { NULL, NULL } };
			const struct t_kv f[] = { { "nip",
			    "\"197505122000032002\"" }, { "grade",
			    variants[k] != NULL ? variants[k] : "\"IV/a\"" },
			    { "under_examination", k ? NULL : "false" },
			    { NULL, NULL } };

			assert_same_out(run(a, p, V_2B, m, AS_OF, APPT),
			    run(a, p, V_2B, f, AS_OF, APPT));
			assert_same_out(run(a, p, V_2A, m, AS_OF, APPT),
			    run(a, p, V_2A, f, AS_OF, APPT));
		}
	}
}

/* A plan resolved once gives what elig_eval gives, for every candidate. */
static void
test_plan_matches_eval(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pekalongan-2022");
	const struct vacancy *v = t_vacancy(a, p, V_2A);
	struct elig_plan plan;
	const struct t_kv *cands[] = { NULL, KV({ "grade", "\"IV/b\"" }),
	    KV({ "penalties", NULL }, { "posts", "[" PSO("II.b",
	    "2019-01-01") "]" }) };

	elig_plan_init(&plan, p, v);
	for (size_t i = 0; i < ARRAY_LEN(cands); i++) {
		const struct candidate *c = t_candidate(a, cands[i]);
		struct elig_out *x = arena_alloc(a, sizeof(*x));
		struct elig_out *y = arena_alloc(a, sizeof(*y));

		elig_eval(a, p, v, c, t_date(AS_OF), t_date(APPT), x);
		elig_eval_plan(a, &plan, c, t_date(AS_OF), t_date(APPT), y);
		assert_same_out(x, y);
		/* Reusing an output struct: nothing of the last run stays. */
		elig_eval_plan(a, &plan, c, t_date(AS_OF), t_date(APPT), x);
		assert_same_out(x, y);
	}
}

/*
 * The batch's dates worked out once (elig_plan_dates) give what working
 * them out for each candidate gives: every profile, dates on and around
 * 29 February, a birthday on 29 February, penalty windows inside and past
 * the years kept, and dates other than the plan's (which must not use
 * them).
 */
static void
test_plan_dates_match_eval(void **state)
{
	static const char *const profiles[] = { "demak-2022",
	    "demak-2022-covid", "pekalongan-2022", "pekalongan-2022-covid",
	    "pontianak-2015" };
	static const char *const dates[][2] = {
	    { AS_OF, APPT }, { "2024-02-29", "2024-02-29" },
	    { "2025-02-28", "2025-03-01" }, { "2023-12-31", "2024-01-01" } };
	const struct t_kv *cands[] = { NULL,
	    KV({ "birth_date", "\"1968-02-29\"" }),
	    KV({ "birth_date", "\"1967-03-01\"" }),
	    KV({ "penalties", "[{\"kind\": \"discipline\", \"level\": "
	    "\"heavy\", \"decided\": \"2022-02-28\"}, {\"kind\": "
	    "\"criminal\", \"decided\": \"2004-02-29\"}]" }),
	    KV({ "penalties", "[{\"kind\": \"discipline\", \"level\": "
	    "\"moderate\"}]" }, { "performance", NULL }) };
	struct arena *a = T_ARENA(state);

	for (size_t i = 0; i < ARRAY_LEN(profiles); i++) {
		const struct profile *p = t_profile(a, profiles[i]);
		const struct vacancy *v = t_vacancy(a, p, V_2B);

		for (size_t d = 0; d < ARRAY_LEN(dates); d++) {
			sel_date as_of = t_date(dates[d][0]);
			sel_date appt = t_date(dates[d][1]);
			struct elig_plan plan;

			elig_plan_init(&plan, p, v);
			elig_plan_dates(&plan, as_of, appt);
			for (size_t k = 0; k < ARRAY_LEN(cands); k++) {
				const struct candidate *c = t_candidate(a,
				    cands[k]);
				struct elig_out *x = arena_alloc(a, sizeof(*x));
				struct elig_out *y = arena_alloc(a, sizeof(*y));

				elig_eval(a, p, v, c, as_of, appt, x);
				elig_eval_plan(a, &plan, c, as_of, appt, y);
				assert_same_out(x, y);
				/* Other dates: the plan's are not used. */
				elig_eval(a, p, v, c, as_of + 1, appt + 2, x);
				elig_eval_plan(a, &plan, c, as_of + 1, appt + 2,
				    y);
				assert_same_out(x, y);
			}
		}
	}
}

/*
 * ELIG-PERFORMANCE over many years (the loader allows up to 40): the list
 * of years in the detail once overran its buffer past 200 bytes.  Under
 * ASan an overrun aborts the program.
 */
static void
test_performance_many_years(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p;
	const struct rule_result *r;

	p = inline_profile(a, "as_of", "{\"rule\": \"ELIG-PERFORMANCE\", "
	    "\"years\": 20, \"min_rating\": \"baik\", \"citation\": \"x\"}");
	r = check(a, p, NULL, KV({ "performance", "[{\"year\": 2022, "
	    "\"rating\": \"butuh_perbaikan\"}]" }), AS_OF, APPT,
	    R_ELIG_PERFORMANCE, RS_FAIL, "20 years");
	t_contains(r->detail, "2003: tidak ada");
	t_contains(r->detail, "2022: butuh perbaikan");
	/* The most the loader allows: the list is cut, nothing overruns. */
	p = inline_profile(a, "as_of", "{\"rule\": \"ELIG-PERFORMANCE\", "
	    "\"years\": 40, \"min_rating\": null, \"citation\": \"x\"}");
	r = check(a, p, NULL, KV({ "performance", "[]" }), AS_OF, APPT,
	    R_ELIG_PERFORMANCE, RS_MISSING, "40 years");
	t_contains(r->detail, "1983: tidak ada");
}

/*
 * Details keep arena_printf's limits: a sentence is cut at 1023 bytes,
 * and a value stops at a NUL byte (a "\u0000" in the input), as "%.*s"
 * stopped it.
 */
static void
test_detail_limits(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	char name[2100], agency[2300];
	const struct rule_result *r;
	struct str want;

	memset(name, 'A', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	snprintf(agency, sizeof(agency), "{\"name\": \"%s\", \"kind\": "
	    "\"regency\", \"province\": \"Jawa Tengah\"}", name);
	r = check(a, p, V_2B, KV({ "agency", agency }), AS_OF, APPT,
	    R_ELIG_REGION, RS_PASS, "long agency name");
	want = arena_printf(a, "Instansi asal %s (pemerintah kabupaten) "
	    "berada di wilayah Provinsi Jawa Tengah.", name);
	assert_int_equal(want.len, 1023);
	assert_int_equal(r->detail.len, 1023);
	assert_memory_equal(r->detail.p, want.p, want.len);

	r = check(a, p, V_2B, KV({ "agency", "{\"name\": \"Pemerintah "
	    "Kabupaten Kudus\\u0000 Lama\", \"kind\": \"regency\", "
	    "\"province\": \"Jawa Tengah\"}" }), AS_OF, APPT,
	    R_ELIG_REGION, RS_PASS, "NUL in the agency name");
	t_str_equal(r->detail, "Instansi asal Pemerintah Kabupaten Kudus "
	    "(pemerintah kabupaten) berada di wilayah Provinsi Jawa Tengah.");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T_TEST(test_contract_example),
		RULE_TEST("ELIG-EMPLOYMENT", test_employment),
		RULE_TEST("ELIG-REGION", test_region_demak),
		RULE_TEST("ELIG-REGION", test_region_invited),
		RULE_TEST("ELIG-EDUCATION", test_education),
		RULE_TEST("ELIG-EDUCATION", test_education_detail),
		RULE_TEST("ELIG-GRADE", test_grade_by_echelon),
		RULE_TEST("ELIG-PRIOR-POST", test_prior_post_2b),
		RULE_TEST("ELIG-PRIOR-POST", test_prior_post_2a_current),
		RULE_TEST("ELIG-PRIOR-POST", test_prior_post_2a_formerly),
		RULE_TEST("ELIG-PRIOR-POST",
		    test_prior_post_functional_only_for_functional),
		RULE_TEST("ELIG-PRIOR-POST",
		    test_prior_post_periods_at_appointment),
		RULE_TEST("ELIG-EXPERIENCE", test_experience),
		RULE_TEST("ELIG-EXPERIENCE", test_acting_post),
		RULE_TEST("ELIG-EXPERIENCE", test_span_union_days),
		RULE_TEST("ELIG-PRIOR-POST", test_span_union_days_random),
		RULE_TEST("ELIG-AGE", test_age),
		RULE_TEST("ELIG-AGE", test_age_at_appointment_not_as_of),
		RULE_TEST("ELIG-DISCIPLINE", test_discipline),
		RULE_TEST("ELIG-DISCIPLINE", test_discipline_ever),
		RULE_TEST("ELIG-CRIMINAL", test_criminal),
		RULE_TEST("ELIG-CRIMINAL",
		    test_criminal_on_track_record_checklist),
		RULE_TEST("ELIG-EXAMINATION", test_examination),
		RULE_TEST("ELIG-PERFORMANCE", test_performance),
		RULE_TEST("ELIG-PERFORMANCE", test_performance_any_rating),
		RULE_TEST("ELIG-RECOMMENDATION", test_recommendation),
		RULE_TEST("ELIG-RECOMMENDATION", test_recommendation_invited),
		RULE_TEST("ELIG-RECOMMENDATION",
		    test_recommendation_other_region_only),
		RULE_TEST("ELIG-TRAINING", test_training_advisory),
		T_TEST(test_checklist),
		RULE_TEST("ELIG-COMPETENCY", test_checklist_competency),
		RULE_TEST("ELIG-TRACK-RECORD", test_checklist_track_record),
		RULE_TEST("ELIG-HEALTH", test_checklist_health),
		RULE_TEST("ELIG-OTHER", test_checklist_other),
		T_TEST(test_verdict),
		T_TEST(test_gender_digit_does_not_matter),
		T_TEST(test_plan_matches_eval),
		T_TEST(test_plan_dates_match_eval),
		RULE_TEST("ELIG-PERFORMANCE", test_performance_many_years),
		RULE_TEST("ELIG-REGION", test_detail_limits),
	};

	return cmocka_run_group_tests_name("elig", tests, NULL, NULL);
}
