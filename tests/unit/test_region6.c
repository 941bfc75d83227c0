/*
 * test_region6.c - what a sixth region needed (docs/profiles.md, "Second
 * worked example"): a rule's force per profile (ELIG-TRAINING mandatory),
 * ELIG-AGE's higher limit with a candidate's declaration, several
 * checklist items under one rule id, citations naming several instruments
 * ("jo"), the loader's warnings of entries that can never apply; each on
 * the test profile tests/fixtures/profiles/teladan-2025.json with a
 * candidate, and on small inline profiles for the loader's errors.
 */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "core/elig.h"
#include "core/profile.h"
#include "core/record.h"
#include "t.h"
#include "base/banned.h"

#define FIXTURE	"tests/fixtures/profiles/teladan-2025.json"
#define AS_OF	"2025-05-02"
#define APPT	"2025-07-01"

/* The region's posts: its Sekda (II.a) and a Kepala Dinas (II.b). */
#define AGENCY	"{\"name\": \"Pemerintah Kabupaten Teladan\", "		\
		"\"kind\": \"regency\", \"province\": \"Jawa Tengah\"}"
#define SEKDA	KV({ "echelon", "\"II.a\"" }, { "kind", "\"sekda\"" },	\
		    { "title", "\"Sekretaris Daerah\"" },		\
		    { "agency", AGENCY })
#define KADIS	KV({ "agency", AGENCY })

/* A small profile; rows splice rules (and documents) into it. */
#define HEAD								\
	"{\"selter_profile\": 1, \"id\": \"test-2025\",\n"		\
	" \"title\": \"Test\", \"regulation\": \"Peraturan Test\",\n"	\
	" \"cite\": \"Perbup Test 1/2025\",\n"				\
	" \"region\": {\"name\": \"Kabupaten Test\", "			\
	"\"province\": \"Jawa Tengah\", \"timezone\": \"WIB\"},\n"	\
	" \"oversight\": \"BKN\", \"levels\": [\"jpt_pratama\"],\n"	\
	" \"rules\": [\n"
#define TAIL	"\n]}"

/* A profile file of the tree (a fixture), loaded. */
static const struct profile *
profile_ok(struct arena *a, const char *file)
{
	struct profile *p = NULL;
	struct diag d;
	size_t len = 0;
	char *text = t_read(a, file, &len);

	assert_non_null(text);
	if (profile_parse(a, file, text, len, &p, &d) != SEL_OK)
		fail_msg("%s:%u: %s", file, d.line, d.msg);
	return p;
}

static const struct profile *
teladan(struct arena *a)
{
	return profile_ok(a, FIXTURE);
}

static const struct elig_out *
run(struct arena *a, const struct profile *p, const struct t_kv *vac,
    const struct t_kv *cand, const char *appt)
{
	struct elig_out *o = arena_alloc(a, sizeof(*o));

	elig_eval(a, p, t_vacancy(a, p, vac), t_candidate(a, cand),
	    t_date(AS_OF), t_date(appt), o);
	return o;
}

static const struct rule_result *
rule(const struct elig_out *o, enum rule_id id)
{
	return t_find(o->rules, o->nrules, id);
}

/* The load error of text, which must be refused. */
static const char *
refused(struct arena *a, const char *text)
{
	struct profile *p = NULL;
	struct diag *d = arena_alloc(a, sizeof(*d));

	if (profile_parse(a, "t.json", text, strlen(text), &p, d) !=
	    SEL_EINVAL)
		fail_msg("loaded:\n%s", text);
	return d->msg;
}

static void
starts(const char *s, const char *prefix)
{
	if (strncmp(s, prefix, strlen(prefix)) != 0)
		fail_msg("\"%s\" does not start with \"%s\"", s, prefix);
}

/* "force": mandatory makes ELIG-TRAINING a rule of the verdict. */
static void
test_training_mandatory(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = teladan(a);
	static const struct {
		const char	*training;	/* NULL: no training key */
		enum rule_status want;
		const char	*detail;
	} rows[] = {
		{ "[\"pim_ii\"]", RS_PASS, "Telah lulus Diklatpim II" },
		{ "[\"pkn_ii\"]", RS_PASS, "Telah lulus Diklatpim II" },
		{ "[\"pim_iii\", \"pim_iv\"]", RS_FAIL, "Belum tercantum lulus "
		  "Diklatpim II (PKN II)" },
		{ "[]", RS_FAIL, "Belum tercantum lulus" },
		{ NULL, RS_MISSING, "Data diklat tidak tercantum" },
	};

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct elig_out *o = run(a, p, KADIS, KV({ "training",
		    rows[i].training }), APPT);
		const struct rule_result *r = rule(o, R_ELIG_TRAINING);

		assert_non_null(r);
		t_status(r, rows[i].want, rows[i].training);
		t_contains(r->detail, rows[i].detail);
		t_str_equal(r->citation, "Perbup Teladan 8/2025 Pasal 5 ayat "
		    "(1) huruf i");
		assert_int_equal(o->nadvisories, 0);
		if (rows[i].want == RS_FAIL)
			assert_int_equal(o->verdict, V_INELIGIBLE);
	}
	/* The same candidate under an advisory entry: never the verdict. */
	{
		const struct profile *c = t_profile_text(a, HEAD
		    "{\"rule\": \"ELIG-TRAINING\", \"training\": \"pim_ii\", "
		    "\"force\": \"advisory\", \"citation\": \"Pasal 1\"}" TAIL);
		const struct elig_out *o = run(a, c, NULL, KV({ "training",
		    "[]" }), APPT);

		assert_null(rule(o, R_ELIG_TRAINING));
		assert_int_equal(o->nadvisories, 1);
		assert_false(o->advisories[0].met);
		assert_int_equal(o->verdict, V_ELIGIBLE);
	}
	/* Mandatory counts a higher training; not for a functional holder
	 * when the entry says so. */
	{
		const struct profile *c = t_profile_text(a, HEAD
		    "{\"rule\": \"ELIG-TRAINING\", \"training\": \"pim_iii\", "
		    "\"force\": \"mandatory\", \"not_for_functional\": true, "
		    "\"citation\": \"Pasal 1\"}" TAIL);
		const struct elig_out *o = run(a, c, NULL, KV({ "training",
		    "[\"pim_ii\"]" }), APPT);

		t_status(rule(o, R_ELIG_TRAINING), RS_PASS, "pim_ii for iii");
		o = run(a, c, NULL, KV({ "training", "[\"pim_iv\"]" }, { "posts",
		    "[{\"kind\": \"functional\", \"jf_level\": \"ahli_madya\", "
		    "\"start\": \"2015-01-01\", \"end\": null}]" }), APPT);
		assert_null(rule(o, R_ELIG_TRAINING));
	}
}

/* The key is checked: two words, only where the force can change. */
static void
test_training_force_loader(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p;

	starts(refused(a, HEAD "{\"rule\": \"ELIG-TRAINING\", \"training\": "
	    "\"pim_ii\", \"force\": \"required\", \"citation\": \"x\"}" TAIL),
	    "rules[0].force: unknown value \"required\"");
	starts(refused(a, HEAD "{\"rule\": \"ELIG-GRADE\", \"min_grade\": "
	    "\"IV/a\", \"force\": \"advisory\", \"citation\": \"x\"}" TAIL),
	    "rules[0].force: not a parameter of ELIG-GRADE");
	starts(refused(a, HEAD "{\"rule\": \"ELIG-TRAINING\", \"training\": "
	    "\"pim_ii\", \"force\": true, \"citation\": \"x\"}" TAIL),
	    "rules[0].force: expected a string");
	p = t_profile_text(a, HEAD "{\"rule\": \"ELIG-TRAINING\", \"training\": "
	    "\"pim_ii\", \"citation\": \"x\"},\n{\"rule\": \"ELIG-TRAINING\", "
	    "\"training\": \"pim_ii\", \"force\": \"mandatory\", \"citation\": "
	    "\"x\"}" TAIL);
	assert_true(profile_advisory(&p->rules[0]));
	assert_false(profile_advisory(&p->rules[1]));
}

/* A birth date that makes the candidate y years and d days old at APPT. */
static const char *
born(struct arena *a, int years, int days)
{
	struct buf b;
	sel_date d = date_minus_years(t_date(APPT), years) - days;
	const char *s;

	buf_init(&b, 32);
	buf_putc(&b, '"');
	date_iso(&b, d);
	buf_putc(&b, '"');
	s = t_cstr(a, buf_str(&b));
	buf_release(&b);
	return s;
}

/*
 * The Sekda's limit: 56 at the appointment, 58 with the statement not to
 * request MPP.  At 57y364d, 58y, 58y+1d and 58y364d the declaration
 * decides; at 59y nothing does; at 56y364d none is needed.
 */
static void
test_age_with_declaration(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = teladan(a);
	static const char *const decl[] = { "{\"no_mpp\": true}",
	    "{\"no_mpp\": false}", NULL, "{}" };
	static const enum rule_status by_decl[] = { RS_PASS, RS_FAIL,
	    RS_MISSING, RS_MISSING };
	static const struct {
		int		 y, d;
		int		 age;
		bool		 declared;	/* the declaration decides */
	} rows[] = {
		{ 56, 364, 56, false }, { 57, 0, 57, true },
		{ 57, 364, 57, true }, { 58, 0, 58, true }, { 58, 1, 58, true },
		{ 58, 364, 58, true }, { 59, 0, 59, false },
	};
	char ctx[64], age[32];

	for (size_t i = 0; i < ARRAY_LEN(rows); i++)
		for (size_t k = 0; k < ARRAY_LEN(decl); k++) {
			const struct elig_out *o = run(a, p, SEKDA, KV(
			    { "birth_date", born(a, rows[i].y, rows[i].d) },
			    { "declarations", decl[k] }), APPT);
			const struct rule_result *r = rule(o, R_ELIG_AGE);
			enum rule_status want = rows[i].declared ? by_decl[k] :
			    rows[i].age <= 56 ? RS_PASS : RS_FAIL;

			snprintf(ctx, sizeof(ctx), "%dy%dd %s", rows[i].y,
			    rows[i].d, decl[k] != NULL ? decl[k] : "absent");
			t_status(r, want, ctx);
			snprintf(age, sizeof(age), "Usia %d tahun", rows[i].age);
			t_contains(r->detail, age);
			if (rows[i].declared) {
				/* Which limit, and why, under ayat (3). */
				t_contains(r->detail, "melewati batas 56 tahun; "
				    "batas 58 tahun berlaku bagi pelamar yang "
				    "menyatakan tidak akan mengajukan masa "
				    "persiapan pensiun (MPP)");
				t_str_equal(r->citation, "Perbup Teladan 8/2025 "
				    "Pasal 5 ayat (3)");
			} else {
				t_contains(r->citation, "Pasal 5 ayat (2) huruf "
				    "b jo. PermenPANRB 15/2019");
			}
			if (rows[i].age > 58)
				t_contains(r->detail, "juga batas 58 tahun");
		}
	/* Another post has no such limit: 57 with the statement fails. */
	t_status(rule(run(a, p, KADIS, KV({ "birth_date", born(a, 57, 0) },
	    { "declarations", "{\"no_mpp\": true}" }), APPT), R_ELIG_AGE),
	    RS_FAIL, "kadis 57");
}

static void
test_age_with_declaration_loader(void **state)
{
	struct arena *a = T_ARENA(state);
#define AGE(x)	HEAD "{\"rule\": \"ELIG-AGE\", \"max_age\": 56, \"at\": "	\
		"\"as_of\", \"citation\": \"Pasal 1\", \"with_declaration\": " \
		x "}" TAIL
	const struct profile *p = t_profile_text(a, AGE("{\"declaration\": "
	    "\"no_mpp\", \"max_age\": 58, \"citation\": \"Pasal 2\"}"));

	assert_int_equal(p->rules[0].decl_max_age, 58);
	assert_int_equal(p->rules[0].decl, CD_NO_MPP);
	t_str_equal(p->rules[0].decl_citation, "Perbup Test 1/2025 Pasal 2");
	starts(refused(a, AGE("{\"declaration\": \"no_mpp\", \"max_age\": 56, "
	    "\"citation\": \"Pasal 2\"}")), "rules[0].with_declaration: its "
	    "max_age must be above");
	starts(refused(a, AGE("{\"declaration\": \"mpp\", \"max_age\": 58, "
	    "\"citation\": \"Pasal 2\"}")), "rules[0].with_declaration."
	    "declaration: unknown value \"mpp\"");
	starts(refused(a, AGE("{\"declaration\": \"no_mpp\", \"max_age\": 58}")),
	    "rules[0].with_declaration.citation: required");
	starts(refused(a, AGE("{\"declaration\": \"no_mpp\", \"max_age\": 71, "
	    "\"citation\": \"x\"}")), "rules[0].with_declaration.max_age: "
	    "expected a whole number from 18 to 70");
	starts(refused(a, AGE("{\"declaration\": \"no_mpp\", \"max_age\": 58, "
	    "\"citation\": \"x\", \"age\": 1}")),
	    "rules[0].with_declaration.age: unknown key");
	starts(refused(a, AGE("58")), "rules[0].with_declaration: expected");
	starts(refused(a, HEAD "{\"rule\": \"ELIG-GRADE\", \"min_grade\": "
	    "\"IV/a\", \"citation\": \"x\", \"with_declaration\": {}}" TAIL),
	    "rules[0].with_declaration: not a parameter of ELIG-GRADE");
#undef AGE
}

/* The candidate's declarations: a boolean per word; bad input named. */
static void
test_age_declarations_record(void **state)
{
	struct arena *a = T_ARENA(state);
	static const struct {
		const char	*json;
		enum tri	 want;
		const char	*error;
	} rows[] = {
		{ "{\"no_mpp\": true}", TRI_YES, NULL },
		{ "{\"no_mpp\": false}", TRI_NO, NULL },
		{ "{\"no_mpp\": null, \"other\": 1}", TRI_ABSENT, NULL },
		{ "null", TRI_ABSENT, NULL },
		{ "{\"no_mpp\": \"ya\"}", TRI_ABSENT,
		  "declarations.no_mpp: expected a boolean, got a string" },
		{ "[\"no_mpp\"]", TRI_ABSENT, "declarations: expected an object, got an array" },
	};

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const char *text = t_candidate_json(a, KV({ "declarations",
		    rows[i].json }));
		struct candidate c;
		struct diag d;
		enum sel_err rc = candidate_decode(a, t_json(a, text), &c, &d);

		if (rows[i].error != NULL) {
			assert_int_equal(rc, SEL_EINVAL);
			starts(d.msg, rows[i].error);
			continue;
		}
		assert_int_equal(rc, SEL_OK);
		assert_int_equal(c.decl[CD_NO_MPP], rows[i].want);
	}
}

/* Several items of one checklist rule, each with its own citation. */
static void
test_checklist_items(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = teladan(a);
	const struct elig_out *s = run(a, p, SEKDA, NULL, APPT);
	const struct elig_out *k = run(a, p, KADIS, NULL, APPT);
	static const struct {
		enum rule_id	 id;
		const char	*cite;
	} want[] = {
		{ R_ELIG_COMPETENCY, "huruf j" }, { R_ELIG_TRACK_RECORD,
		  "huruf k" }, { R_ELIG_HEALTH, "ayat (1) huruf l" },
		{ R_ELIG_HEALTH, "ayat (1) huruf m" },
		{ R_ELIG_OTHER, "ayat (2) huruf c" },
		{ R_ELIG_OTHER, "ayat (1) huruf n" },
	};

	assert_int_equal(s->nchecklist, ARRAY_LEN(want));
	for (size_t i = 0; i < ARRAY_LEN(want); i++) {
		assert_int_equal(s->checklist[i].id, want[i].id);
		t_contains(s->checklist[i].citation, want[i].cite);
	}
	t_contains(s->checklist[3].detail, "narkotika");
	/* The Kepala Dinas has no LHKPN item: one ELIG-OTHER. */
	assert_int_equal(k->nchecklist, ARRAY_LEN(want) - 1);
	assert_int_equal(k->checklist[4].id, R_ELIG_OTHER);
	t_contains(k->checklist[4].citation, "ayat (1) huruf n");
	assert_int_equal(s->verdict, k->verdict);

	/* Per item the first matching entry wins, as per rule. */
	p = t_profile_text(a, HEAD
	    "{\"rule\": \"ELIG-HEALTH\", \"item\": \"a\", \"when\": "
	    "{\"echelons\": [\"II.a\"]}, \"citation\": \"Pasal 1\", "
	    "\"detail\": \"A Sekda.\"},\n"
	    "{\"rule\": \"ELIG-HEALTH\", \"item\": \"a\", \"citation\": "
	    "\"Pasal 2\", \"detail\": \"A.\"},\n"
	    "{\"rule\": \"ELIG-HEALTH\", \"citation\": \"Pasal 3\", "
	    "\"detail\": \"Umum.\"}" TAIL);
	s = run(a, p, SEKDA, NULL, APPT);
	k = run(a, p, KV({ "echelon", "\"II.b\"" }), NULL, APPT);
	assert_int_equal(s->nchecklist, 2);
	t_str_equal(s->checklist[0].detail, "A Sekda.");
	t_str_equal(s->checklist[1].detail, "Umum.");
	assert_int_equal(k->nchecklist, 2);
	t_str_equal(k->checklist[0].detail, "A.");
}

static void
test_checklist_items_loader(void **state)
{
	struct arena *a = T_ARENA(state);
	struct buf b;

	starts(refused(a, HEAD "{\"rule\": \"ELIG-GRADE\", \"min_grade\": "
	    "\"IV/a\", \"item\": \"a\", \"citation\": \"x\"}" TAIL),
	    "rules[0].item: not a parameter of ELIG-GRADE");
	starts(refused(a, HEAD "{\"rule\": \"ELIG-OTHER\", \"item\": \"\", "
	    "\"detail\": \"d\", \"citation\": \"x\"}" TAIL),
	    "rules[0].item: expected a non-empty string");
	/* Nine entries of one checklist rule are one too many. */
	buf_init(&b, 8192);
	buf_puts(&b, HEAD);
	for (int i = 0; i < 9; i++)
		buf_printf(&b, "%s{\"rule\": \"ELIG-OTHER\", \"item\": \"i%d\", "
		    "\"detail\": \"d\", \"citation\": \"x\"}", i ? ",\n" : "",
		    i);
	buf_puts(&b, TAIL);
	starts(refused(a, t_cstr(a, buf_str(&b))),
	    "rules[8]: more than 8 entries of ELIG-OTHER");
	/* Eight of each of the four checklist rules: all 32 listed. */
	buf_reset(&b);
	buf_puts(&b, HEAD);
	for (int i = 0; i < 32; i++)
		buf_printf(&b, "%s{\"rule\": \"%s\", \"item\": \"i%d\", "
		    "\"detail\": \"d%d\", \"citation\": \"x\"}", i ? ",\n" : "",
		    rule_name((enum rule_id)(R_ELIG_COMPETENCY + i / 8)), i, i);
	buf_puts(&b, TAIL);
	{
		const struct profile *p = t_profile_text(a, t_cstr(a,
		    buf_str(&b)));
		const struct elig_out *o = run(a, p, NULL, NULL, APPT);

		assert_int_equal(o->nchecklist, 32);
		t_str_equal(o->checklist[31].detail, "d31");
		assert_int_equal(o->checklist[31].id, R_ELIG_OTHER);
	}
	buf_release(&b);
}

/* "jo": the local article, then each other instrument, whole. */
static void
test_jo_citations(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = teladan(a);
	const struct elig_out *o = run(a, p, SEKDA, NULL, APPT);
	const struct prof_rule *w = profile_rule_any(p, R_SCORE_WEIGHTS);

	t_str_equal(rule(o, R_ELIG_AGE)->citation, "Perbup Teladan 8/2025 "
	    "Pasal 5 ayat (2) huruf b jo. PermenPANRB 15/2019 Pasal 5 ayat "
	    "(1) huruf e jo. PP 11/2017 Pasal 107 huruf c");
	t_str_equal(w->citation, "Perbup Teladan 8/2025 Pasal 12 jo. "
	    "PermenPANRB 15/2019 Lampiran huruf B angka 3");
	t_str_equal(p->documents[2].citation, "Perbup Teladan 8/2025 Pasal 7 "
	    "huruf c jo. PP 11/2017 Pasal 107 huruf c");
	t_str_equal(p->documents[0].citation, "Perbup Teladan 8/2025 Pasal 7 "
	    "huruf a");
	starts(refused(a, HEAD "{\"rule\": \"ANN-OPEN\", \"citation\": \"x\", "
	    "\"jo\": []}" TAIL), "rules[0].jo: expected an array of 1 to 4");
	starts(refused(a, HEAD "{\"rule\": \"ANN-OPEN\", \"citation\": \"x\", "
	    "\"jo\": \"PP 11/2017\"}" TAIL), "rules[0].jo: expected an array");
	starts(refused(a, HEAD "{\"rule\": \"ANN-OPEN\", \"citation\": \"x\", "
	    "\"jo\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}" TAIL),
	    "rules[0].jo: expected an array of 1 to 4");
	starts(refused(a, HEAD "{\"rule\": \"ANN-OPEN\", \"citation\": \"x\", "
	    "\"jo\": [\"PP 11/2017\", \" \"]}" TAIL),
	    "rules[0].jo[1]: expected a non-empty string");
	starts(refused(a, HEAD "{\"rule\": \"ANN-OPEN\", \"jo\": [\"PP 11/2017"
	    "\"]}" TAIL), "rules[0].citation: required");
}

/* The warnings of one profile text, joined by " | ". */
static const char *
warnings(struct arena *a, const char *text)
{
	const struct profile *p = t_profile_text(a, text);
	struct buf b;
	const char *s;

	buf_init(&b, 4096);
	for (size_t i = 0; i < p->nwarnings; i++)
		buf_printf(&b, "%s%u: %.*s", i ? " | " : "",
		    p->warnings[i].line, (int)p->warnings[i].msg.len,
		    p->warnings[i].msg.p);
	s = t_cstr(a, buf_str(&b));
	buf_release(&b);
	return s;
}

/* An entry that can never apply is a warning with its line and path. */
static void
test_warnings(void **state)
{
	struct arena *a = T_ARENA(state);
	static const struct {
		const char	*text;
		const char	*want;	/* "" : no warning */
	} rows[] = {
		{ HEAD "{\"rule\": \"ELIG-GRADE\", \"min_grade\": \"IV/a\", "
		  "\"citation\": \"x\", \"when\": {\"kinds\": [\"sekda\"], "
		  "\"kinds_not\": [\"sekda\", \"camat\"]}}" TAIL,
		  "7: rules[0].when: never applies: \"kinds_not\" excludes" },
		{ HEAD "{\"rule\": \"ELIG-GRADE\", \"min_grade\": \"IV/a\", "
		  "\"citation\": \"x\", \"when\": {\"echelons\": [\"III.a\", "
		  "\"IV.a\"]}}" TAIL,
		  "7: rules[0].when.echelons: never applies: no post of the "
		  "entry's levels" },
		{ HEAD "{\"rule\": \"ELIG-GRADE\", \"min_grade\": \"IV/a\", "
		  "\"citation\": \"x\"},\n{\"rule\": \"ELIG-GRADE\", "
		  "\"min_grade\": \"IV/b\", \"citation\": \"y\", \"when\": "
		  "{\"echelons\": [\"II.a\"]}}" TAIL,
		  "8: rules[1]: never applies: the entry of ELIG-GRADE at line "
		  "7 comes first" },
		{ HEAD "{\"rule\": \"ELIG-GRADE\", \"min_grade\": \"IV/a\", "
		  "\"citation\": \"x\", \"when\": {\"kinds\": [\"sekda\", "
		  "\"inspektur\"]}},\n{\"rule\": \"ELIG-GRADE\", \"min_grade\": "
		  "\"IV/b\", \"citation\": \"y\", \"when\": {\"kinds\": "
		  "[\"sekda\"], \"echelons\": [\"II.a\"]}}" TAIL,
		  "8: rules[1]: never applies" },
		{ HEAD "{\"rule\": \"ANN-DURATION\", \"days\": 15, \"day_kind\": "
		  "\"calendar\", \"reading\": \"inclusive\", \"citation\": "
		  "\"x\", \"when\": {\"kinds\": [\"sekda\"]}},\n{\"rule\": "
		  "\"ANN-DURATION\", \"days\": 10, \"day_kind\": \"calendar\", "
		  "\"reading\": \"inclusive\", \"citation\": \"y\", \"when\": "
		  "{\"kinds_not\": [\"sekda\"]}}" TAIL,
		  "8: rules[1]: never applies: ANN-DURATION concerns the whole "
		  "selection" },
		{ HEAD "{\"rule\": \"ELIG-HEALTH\", \"item\": \"a\", "
		  "\"detail\": \"d\", \"citation\": \"x\"},\n{\"rule\": "
		  "\"ELIG-HEALTH\", \"item\": \"a\", \"detail\": \"e\", "
		  "\"citation\": \"y\", \"when\": {\"kinds\": [\"sekda\"]}}"
		  TAIL, "8: rules[1]: never applies: the entry of ELIG-HEALTH" },
		{ "{\"selter_profile\": 1, \"id\": \"x\", \"title\": \"t\", "
		  "\"regulation\": \"r\", \"cite\": \"c\", \"region\": "
		  "{\"name\": \"n\", \"province\": \"p\", \"timezone\": "
		  "\"WIB\"}, \"oversight\": \"BKN\", \"levels\": "
		  "[\"pengawas\"], \"rules\": [],\n\"documents\": [{\"id\": "
		  "\"a\", \"label\": \"b\", \"citation\": \"c\",\n\"when\": "
		  "{\"echelons\": [\"II.b\"]}}]}", "3: documents[0].when."
		  "echelons: never applies" },
		/* Not dead: special case first, items apart, kinds apart. */
		{ HEAD "{\"rule\": \"ELIG-GRADE\", \"min_grade\": \"IV/b\", "
		  "\"citation\": \"y\", \"when\": {\"echelons\": [\"II.a\"]}},\n"
		  "{\"rule\": \"ELIG-GRADE\", \"min_grade\": \"IV/a\", "
		  "\"citation\": \"x\"},\n{\"rule\": \"ELIG-HEALTH\", \"item\": "
		  "\"a\", \"detail\": \"d\", \"citation\": \"x\"},\n{\"rule\": "
		  "\"ELIG-HEALTH\", \"item\": \"b\", \"detail\": \"e\", "
		  "\"citation\": \"y\"},\n{\"rule\": \"COM-ELEMENTS\", \"when\": "
		  "{\"kinds\": [\"sekda\"]}, \"citation\": \"x\"},\n{\"rule\": "
		  "\"COM-ELEMENTS\", \"when\": {\"kinds_not\": [\"sekda\"]}, "
		  "\"citation\": \"x\"}" TAIL, "" },
	};

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const char *got = warnings(a, rows[i].text);

		if (rows[i].want[0] == '\0' ? got[0] != '\0' :
		    strstr(got, rows[i].want) != got || strchr(got, '|'))
			fail_msg("row %zu: \"%s\", want \"%s\"", i, got,
			    rows[i].want);
	}
}

/* The shipped profiles and both worked examples warn of nothing. */
static void
test_warnings_none_shipped(void **state)
{
	struct arena *a = T_ARENA(state);
	size_t n;
	char **ids = t_list(a, "profiles", ".json", &n);

	assert_true(n >= 5);
	const struct profile *p;

	for (size_t i = 0; i < n; i++) {
		ids[i][strlen(ids[i]) - 5] = '\0';
		p = t_profile(a, ids[i]);
		if (p->nwarnings > 0)
			fail_msg("%s: %.*s", ids[i], (int)p->warnings[0].msg.len,
			    p->warnings[0].msg.p);
	}
	assert_int_equal(teladan(a)->nwarnings, 0);
	p = profile_ok(a, "tests/fixtures/profiles/contoh-2024.json");
	assert_int_equal(p->nwarnings, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		RULE_TEST("ELIG-TRAINING", test_training_mandatory),
		RULE_TEST("ELIG-TRAINING", test_training_force_loader),
		RULE_TEST("ELIG-AGE", test_age_with_declaration),
		RULE_TEST("ELIG-AGE", test_age_with_declaration_loader),
		RULE_TEST("ELIG-AGE", test_age_declarations_record),
		RULE_TEST("ELIG-HEALTH", test_checklist_items),
		RULE_TEST("ELIG-OTHER", test_checklist_items_loader),
		T_TEST(test_jo_citations),
		T_TEST(test_warnings),
		T_TEST(test_warnings_none_shipped),
	};

	return cmocka_run_group_tests_name("region6", tests, NULL, NULL);
}
