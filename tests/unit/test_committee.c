/*
 * test_committee.c - core/committee: COM-SIZE, COM-INTERNAL-MAX,
 * COM-ELEMENTS, COM-INTERNAL-RANK, COM-ASSESSOR, COM-MEMBER (REGULATIONS.md
 * §5) and the decoding of COMMITTEE.json.
 */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "core/committee.h"
#include "core/profile.h"
#include "core/record.h"
#include "t.h"
#include "base/banned.h"

/* Demak's declarations (Pasal 5 ayat (8)), all made: huruf c needs both
 * not being a party member and the stamped statement that proves it. */
#define DECL_DEMAK							\
	"{\"knowledge_field\": true, \"knowledge_assessment\": true, "	\
	"\"no_party\": true, "						\
	"\"no_party_stamped\": true, \"no_conflict\": true, "		\
	"\"integrity_pact\": true, \"code_of_ethics\": true}"

/* One member: origin, echelon ("" for none), assessor, declarations. */
struct m {
	const char	*origin;
	const char	*echelon;
	bool		 assessor;
	const char	*decl;		/* NULL: DECL_DEMAK */
};

static const char *
committee_json(struct arena *a, const struct m *ms, size_t n)
{
	struct buf b;
	char *s;

	buf_init(&b, 1 << 16);
	buf_puts(&b, "{\"members\": [");
	for (size_t i = 0; i < n; i++) {
		buf_printf(&b, "%s\n {\"name\": \"Anggota %zu\", \"origin\": "
		    "\"%s\", \"role\": \"%s\", \"assessor\": %s",
		    i ? "," : "", i + 1, ms[i].origin, i ? "member" : "chair",
		    ms[i].assessor ? "true" : "false");
		if (ms[i].echelon[0] != '\0')
			buf_printf(&b, ", \"echelon\": \"%s\"", ms[i].echelon);
		buf_printf(&b, ", \"declarations\": %s}", ms[i].decl != NULL ?
		    ms[i].decl : DECL_DEMAK);
	}
	buf_puts(&b, "]}");
	assert_int_equal(b.err, SEL_OK);
	s = arena_strndup(a, b.p, b.len);
	buf_release(&b);
	return s;
}

static const struct com_out *
eval(struct arena *a, const struct profile *p, const struct vacancy *v,
    const struct m *ms, size_t n)
{
	struct committee *c = arena_alloc(a, sizeof(*c));
	struct com_out *o = arena_alloc(a, sizeof(*o));
	struct diag d;

	if (committee_decode(a, t_json(a, committee_json(a, ms, n)), c, &d) !=
	    SEL_OK)
		fail_msg("committee: line %u: %s", d.line, d.msg);
	committee_eval(a, p, v, c, o);
	return o;
}

static const struct rule_result *
rule(const struct com_out *o, enum rule_id id)
{
	return t_find(o->rules, o->nrules, id);
}

/*
 * A committee of n members, k internal: internal II.a officials, one
 * official of another agency (II.b), the rest academics.
 */
static size_t
make(struct m *ms, size_t n, size_t k)
{
	for (size_t i = 0; i < n; i++) {
		ms[i].assessor = false;
		ms[i].decl = NULL;
		if (i < k) {
			ms[i].origin = "internal";
			ms[i].echelon = "II.a";
		} else if (i == k) {
			ms[i].origin = "other_agency";
			ms[i].echelon = "II.b";
		} else {
			ms[i].origin = "academic";
			ms[i].echelon = "";
		}
	}
	return n;
}

/* A valid Demak committee: 7 members, 3 internal. */
static void
test_valid_committee(void **state)
{
	static const enum rule_id order[] = { R_COM_SIZE, R_COM_INTERNAL_MAX,
	    R_COM_ELEMENTS, R_COM_INTERNAL_RANK, R_COM_MEMBER };
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	struct m ms[7];
	const struct com_out *o = eval(a, p, t_vacancy(a, p, NULL), ms,
	    make(ms, 7, 3));

	assert_true(o->valid);
	assert_int_equal(o->nrules, ARRAY_LEN(order));
	for (size_t i = 0; i < ARRAY_LEN(order); i++) {
		assert_int_equal(o->rules[i].id, order[i]);
		t_status(&o->rules[i], RS_PASS, rule_name(order[i]));
		t_contains(o->rules[i].citation, "Perbup Demak 47/2022 Pasal 5");
	}
	assert_null(rule(o, R_COM_ASSESSOR));	/* not in Demak */
}

/* Odd, 5 <= n <= 9. */
static void
test_size(void **state)
{
	static const struct {
		size_t		 n;
		enum rule_status want;
	} rows[] = {
		{ 3, RS_FAIL }, { 4, RS_FAIL }, { 5, RS_PASS }, { 6, RS_FAIL },
		{ 7, RS_PASS }, { 8, RS_FAIL }, { 9, RS_PASS }, { 10, RS_FAIL },
		{ 11, RS_FAIL },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct vacancy *v = t_vacancy(a, p, NULL);

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		struct m ms[16];
		const struct com_out *o = eval(a, p, v, ms, make(ms, rows[i].n,
		    1));
		char ctx[40], want[64];

		snprintf(ctx, sizeof(ctx), "%zu members", rows[i].n);
		t_status(rule(o, R_COM_SIZE), rows[i].want, ctx);
		snprintf(want, sizeof(want), "berjumlah %zu orang (%s)",
		    rows[i].n, rows[i].n % 2 ? "ganjil" : "genap");
		t_contains(rule(o, R_COM_SIZE)->detail, want);
		if (rows[i].want == RS_FAIL)
			assert_false(o->valid);
	}
}

/* Internal members <= 45% of n. */
static void
test_internal_max(void **state)
{
	static const struct {
		size_t		 n, k;
		enum rule_status want;
		const char	*pct;
	} rows[] = {
		{ 7, 3, RS_PASS, "3 dari 7 anggota (42,9%)" },
		{ 9, 4, RS_PASS, "4 dari 9 anggota (44,4%)" },
		{ 5, 3, RS_FAIL, "3 dari 5 anggota (60,0%)" },
		{ 5, 2, RS_PASS, "2 dari 5 anggota (40,0%)" },
		{ 7, 4, RS_FAIL, "4 dari 7 anggota (57,1%)" },
		{ 9, 5, RS_FAIL, "5 dari 9 anggota (55,6%)" },
		{ 5, 1, RS_PASS, "1 dari 5 anggota (20,0%)" },
		/* At exactly 45%, and a hair over. */
		{ 20, 9, RS_PASS, "9 dari 20 anggota (45,0%)" },
		{ 20, 10, RS_FAIL, "10 dari 20 anggota (50,0%)" },
		{ 11, 5, RS_FAIL, "5 dari 11 anggota (45,5%)" },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct vacancy *v = t_vacancy(a, p, NULL);

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		struct m ms[24];
		const struct com_out *o = eval(a, p, v, ms, make(ms, rows[i].n,
		    rows[i].k));
		const struct rule_result *r = rule(o, R_COM_INTERNAL_MAX);

		t_status(r, rows[i].want, rows[i].pct);
		t_contains(r->detail, rows[i].pct);
		t_contains(r->detail, "paling banyak 45%");
	}
}

/*
 * All three elements; in Demak (a) internal and (b) other-agency members
 * count only as high-leadership officials (echelon II.b or higher).
 */
static void
test_elements(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct vacancy *v = t_vacancy(a, p, NULL);
	const struct {
		struct m	 ms[5];
		enum rule_status want;
		const char	*detail;
	} rows[] = {
		{ { { "internal", "II.b", false, NULL },
		    { "internal", "II.a", false, NULL },
		    { "other_agency", "II.b", false, NULL },
		    { "academic", "", false, NULL },
		    { "professional", "", false, NULL } }, RS_PASS,
		  "Ketiga unsur ada: 2 pejabat internal, 1 pejabat instansi "
		  "lain, 2 akademisi/pakar/profesional" },
		/* (c) by a professional alone. */
		{ { { "internal", "II.b", false, NULL },
		    { "other_agency", "I.b", false, NULL },
		    { "professional", "", false, NULL },
		    { "professional", "", false, NULL },
		    { "other_agency", "II.a", false, NULL } }, RS_PASS, NULL },
		/* No academic/expert/professional. */
		{ { { "internal", "II.b", false, NULL },
		    { "internal", "II.b", false, NULL },
		    { "other_agency", "II.b", false, NULL },
		    { "other_agency", "II.b", false, NULL },
		    { "other_agency", "II.b", false, NULL } }, RS_FAIL,
		  "akademisi/pakar/profesional tidak ada" },
		/* No other agency. */
		{ { { "internal", "II.b", false, NULL },
		    { "academic", "", false, NULL },
		    { "academic", "", false, NULL },
		    { "academic", "", false, NULL },
		    { "professional", "", false, NULL } }, RS_FAIL,
		  "pejabat instansi lain yang terkait tidak ada" },
		/* The internal official is below II.b: no element (a). */
		{ { { "internal", "III.a", false, NULL },
		    { "other_agency", "II.b", false, NULL },
		    { "academic", "", false, NULL },
		    { "academic", "", false, NULL },
		    { "academic", "", false, NULL } }, RS_FAIL,
		  "paling rendah eselon II.b" },
		/* The internal official's echelon is not given: missing. */
		{ { { "internal", "", false, NULL },
		    { "other_agency", "II.b", false, NULL },
		    { "academic", "", false, NULL },
		    { "academic", "", false, NULL },
		    { "academic", "", false, NULL } }, RS_MISSING,
		  "belum pasti" },
		/* One element missing outright beats one uncertain. */
		{ { { "internal", "", false, NULL },
		    { "academic", "", false, NULL },
		    { "academic", "", false, NULL },
		    { "academic", "", false, NULL },
		    { "academic", "", false, NULL } }, RS_FAIL, NULL },
	};

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct com_out *o = eval(a, p, v, rows[i].ms, 5);
		const struct rule_result *r = rule(o, R_COM_ELEMENTS);
		char ctx[40];

		snprintf(ctx, sizeof(ctx), "row %zu", i);
		t_status(r, rows[i].want, ctx);
		if (rows[i].detail != NULL)
			t_contains(r->detail, rows[i].detail);
	}
}

/* Pontianak: no echelon condition on the officials. */
static void
test_elements_any_echelon(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pontianak-2015");
	const struct vacancy *v = t_vacancy(a, p, KV({ "echelon", NULL }));
	const struct m ms[5] = {
		{ "internal", "", true, NULL },
		{ "other_agency", "IV.a", false, NULL },
		{ "academic", "", false, NULL },
		{ "academic", "", false, NULL },
		{ "professional", "", false, NULL },
	};
	const struct com_out *o = eval(a, p, v, ms, 5);

	t_status(rule(o, R_COM_ELEMENTS), RS_PASS, "Pontianak");
	assert_null(rule(o, R_COM_INTERNAL_RANK));	/* not in Pontianak */
}

/* An internal member's post is at least the level of the vacancy. */
static void
test_internal_rank(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct vacancy *v2b = t_vacancy(a, p, NULL);
	const struct vacancy *v2a = t_vacancy(a, p, KV({ "echelon",
	    "\"II.a\"" }, { "kind", "\"sekda\"" }));
	const struct {
		const struct vacancy	*v;
		const char		*ech1, *ech2;
		enum rule_status	 want;
		const char		*detail;
	} rows[] = {
		{ v2b, "II.b", "II.b", RS_PASS, "eselon II.b" },
		{ v2b, "II.a", "I.b", RS_PASS, NULL },
		{ v2b, "II.b", "III.a", RS_FAIL, "Anggota 2 (III.a)" },
		{ v2b, "", "II.b", RS_MISSING, "tidak tercantum: Anggota 1" },
		{ v2b, "III.a", "", RS_FAIL, "Anggota 1 (III.a)" },
		{ v2a, "II.a", "II.a", RS_PASS, "eselon II.a" },
		{ v2a, "II.a", "II.b", RS_FAIL, "Anggota 2 (II.b)" },
		{ v2a, "I.b", "II.a", RS_PASS, NULL },
	};

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct m ms[5] = {
			{ "internal", rows[i].ech1, false, NULL },
			{ "internal", rows[i].ech2, false, NULL },
			{ "other_agency", "IV.a", false, NULL },
			{ "academic", "", false, NULL },
			{ "professional", "III.b", false, NULL },
		};
		const struct com_out *o = eval(a, p, rows[i].v, ms, 5);
		const struct rule_result *r = rule(o, R_COM_INTERNAL_RANK);
		char ctx[40];

		snprintf(ctx, sizeof(ctx), "row %zu", i);
		t_status(r, rows[i].want, ctx);
		if (rows[i].detail != NULL)
			t_contains(r->detail, rows[i].detail);
	}
}

/* A vacancy whose echelon is unknown: the comparison is missing. */
static void
test_internal_rank_vacancy_without_echelon(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	struct vacancy v = *t_vacancy(a, p, NULL);
	struct m ms[5];
	const struct com_out *o;

	v.echelon = -1;
	o = eval(a, p, &v, ms, make(ms, 5, 2));
	t_status(rule(o, R_COM_INTERNAL_RANK), RS_MISSING, "no echelon");
	assert_false(o->valid);
}

/* Pontianak: one member is a competency assessor. */
static void
test_assessor(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "pontianak-2015");
	const struct vacancy *v = t_vacancy(a, p, KV({ "echelon", NULL }));
	static const char decl[] = "{\"knowledge_field\": true, "
	    "\"knowledge_assessment\": true, \"good_morality\": true, "
	    "\"independent_of_orgs\": true}";
	static const struct {
		int		 assessors;
		enum rule_status want;
	} rows[] = { { 0, RS_FAIL }, { 1, RS_PASS }, { 2, RS_PASS } };

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		struct m ms[5];
		const struct com_out *o;
		char want[64];

		make(ms, 5, 2);
		for (size_t k = 0; k < 5; k++) {
			ms[k].decl = decl;
			ms[k].assessor = (int)k >= 5 - rows[i].assessors;
		}
		o = eval(a, p, v, ms, 5);
		t_status(rule(o, R_COM_ASSESSOR), rows[i].want, "assessors");
		snprintf(want, sizeof(want), "%d anggota adalah penilai",
		    rows[i].assessors);
		t_contains(rule(o, R_COM_ASSESSOR)->detail, want);
		t_contains(rule(o, R_COM_ASSESSOR)->citation, "Perwal Pontianak "
		    "34/2015 Pasal 10 ayat (2) huruf e");
		assert_int_equal(o->valid, rows[i].want == RS_PASS);
	}
}

/* Demak Pasal 5 ayat (8) huruf c, in both of its procedures: not a party
 * member, and the stamped statement that shows it - two declarations. */
static void
test_member_demak_party_both(void **state)
{
	static const char *const ids[] = { "demak-2022", "demak-2022-covid" };

	for (size_t i = 0; i < ARRAY_LEN(ids); i++) {
		const struct prof_rule *r = profile_rule_any(t_profile(
		    T_ARENA(state), ids[i]), R_COM_MEMBER);

		assert_non_null(r);
		assert_true(r->declarations >> DE_NO_PARTY & 1);
		assert_true(r->declarations >> DE_NO_PARTY_STAMPED & 1);
		t_contains(r->citation, "Pasal 5 ayat (8)");
	}
}

/* Declarations: false fails, absent is missing, extra keys are ignored. */
static void
test_member_declarations(void **state)
{
	static const struct {
		const char	*decl;
		enum rule_status want;
		const char	*detail;
	} rows[] = {
		{ DECL_DEMAK, RS_PASS, "Setiap anggota (5 orang)" },
		{ "{\"knowledge_field\": true, \"knowledge_assessment\": true, "
		  "\"no_party\": true, \"no_party_stamped\": true, "
		  "\"no_conflict\": false, "
		  "\"integrity_pact\": true, \"code_of_ethics\": true}", RS_FAIL,
		  "Anggota 3: tidak memiliki potensi konflik kepentingan" },
		{ "{\"knowledge_field\": true, \"knowledge_assessment\": true, "
		  "\"no_party\": true, \"no_party_stamped\": true, "
		  "\"no_conflict\": true, "
		  "\"integrity_pact\": true}", RS_MISSING,
		  "belum dibuat - Anggota 3: mengikuti kode etik" },
		{ "{\"knowledge_field\": true, \"knowledge_assessment\": true, "
		  "\"no_party\": true, \"no_party_stamped\": true, "
		  "\"no_conflict\": true, "
		  "\"integrity_pact\": true, \"code_of_ethics\": null}",
		  RS_MISSING, "mengikuti kode etik" },
		/* Demak wants the stamped statement, not the plain one. */
		{ "{\"knowledge_field\": true, \"knowledge_assessment\": true, "
		  "\"no_party\": true, \"no_conflict\": true, "
		  "\"integrity_pact\": true, \"code_of_ethics\": true}",
		  RS_MISSING, "pernyataan bermeterai" },
		/* ... and not the stamped one alone (huruf c: both). */
		{ "{\"knowledge_field\": true, \"knowledge_assessment\": true, "
		  "\"no_party_stamped\": true, \"no_conflict\": true, "
		  "\"integrity_pact\": true, \"code_of_ethics\": true}",
		  RS_MISSING, "bukan anggota/pengurus partai politik" },
		{ "{\"knowledge_field\": true, \"knowledge_assessment\": true, "
		  "\"no_party\": false, \"no_party_stamped\": true, "
		  "\"no_conflict\": true, \"integrity_pact\": true, "
		  "\"code_of_ethics\": true}", RS_FAIL,
		  "bukan anggota/pengurus partai politik" },
		/* Keys the profile does not require do not matter. */
		{ "{\"knowledge_field\": true, \"knowledge_assessment\": true, "
		  "\"no_party\": true, \"no_party_stamped\": true, "
		  "\"no_conflict\": true, "
		  "\"integrity_pact\": true, \"code_of_ethics\": true, "
		  "\"good_morality\": false, \"unknown_key\": 5}", RS_PASS,
		  NULL },
		/* A false beats a missing. */
		{ "{\"knowledge_field\": false}", RS_FAIL,
		  "Anggota 3: menguasai bidang jabatan" },
		{ "{}", RS_MISSING, NULL },
	};
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct vacancy *v = t_vacancy(a, p, NULL);

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		struct m ms[5];
		const struct com_out *o;
		const struct rule_result *r;
		char ctx[40];

		make(ms, 5, 2);
		ms[2].decl = rows[i].decl;
		o = eval(a, p, v, ms, 5);
		r = rule(o, R_COM_MEMBER);
		snprintf(ctx, sizeof(ctx), "row %zu", i);
		t_status(r, rows[i].want, ctx);
		if (rows[i].detail != NULL)
			t_contains(r->detail, rows[i].detail);
		/* Anything but pass: the committee cannot be confirmed. */
		assert_int_equal(o->valid, rows[i].want == RS_PASS);
	}
}

/* Members without declarations at all; many members, long details. */
static void
test_member_no_declarations(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct vacancy *v = t_vacancy(a, p, NULL);
	struct committee c;
	struct com_out o;
	struct diag d;
	const struct rule_result *r;

	assert_int_equal(committee_decode(a, t_json(a, "{\"members\": ["
	    "{\"name\": \"A\", \"origin\": \"internal\", \"echelon\": "
	    "\"II.a\"}, {\"name\": \"B\", \"origin\": \"other_agency\", "
	    "\"echelon\": \"II.b\"}, {\"name\": \"C\", \"origin\": "
	    "\"academic\"}, {\"name\": \"D\", \"origin\": \"academic\"}, "
	    "{\"name\": \"E\", \"origin\": \"professional\"}, {\"name\": "
	    "\"F\", \"origin\": \"academic\"}, {\"name\": \"G\", \"origin\": "
	    "\"academic\"}, {\"name\": \"H\", \"origin\": \"academic\"}, "
	    "{\"name\": \"I\", \"origin\": \"academic\"}]}"), &c, &d), SEL_OK);
	committee_eval(a, p, v, &c, &o);
	r = t_find(o.rules, o.nrules, R_COM_MEMBER);
	t_status(r, RS_MISSING, "nothing declared");
	t_contains(r->detail, "A: menguasai bidang jabatan");
	assert_true(r->detail.len < 900);
	assert_false(o.valid);
}

/* COMMITTEE.json: fields, and bad input with its JSON path. */
static void
test_decode(void **state)
{
	static const struct {
		const char	*text;
		const char	*prefix;
	} bad[] = {
		{ "[]", "(root): a committee is a JSON object" },
		{ "{}", "members: required field is missing" },
		{ "{\"members\": {}}", "members: expected an array" },
		{ "{\"members\": [1]}", "members[0]: a member is a JSON object" },
		{ "{\"members\": [{\"name\": \"A\", \"origin\": \"internal\"}, "
		  "{\"name\": \"B\"}]}",
		  "members[1].origin: required field is missing" },
		{ "{\"members\": [{\"name\": \"A\", \"origin\": \"ngo\"}]}",
		  "members[0].origin: unknown value \"ngo\"" },
		{ "{\"members\": [{\"origin\": \"academic\"}]}",
		  "members[0].name: required field is missing" },
		{ "{\"members\": [{\"name\": \"A\", \"origin\": \"internal\", "
		  "\"echelon\": \"II.c\"}]}",
		  "members[0].echelon: unknown value \"II.c\"" },
		{ "{\"members\": [{\"name\": \"A\", \"origin\": \"academic\", "
		  "\"assessor\": \"yes\"}]}",
		  "members[0].assessor: expected a boolean" },
		{ "{\"members\": [{\"name\": \"A\", \"origin\": \"academic\", "
		  "\"declarations\": {\"no_conflict\": \"yes\"}}]}",
		  "members[0].declarations.no_conflict: expected true or false, "
		  "got a string" },
		{ "{\"members\": [{\"name\": \"A\", \"origin\": \"academic\", "
		  "\"declarations\": []}]}",
		  "members[0].declarations: expected an object" },
	};
	struct arena *a = T_ARENA(state);
	struct committee c;
	struct diag d;

	assert_int_equal(committee_decode(a, t_json(a, "{\"members\": ["
	    "{\"name\": \"Dr. Siti Aminah\", \"origin\": \"academic\", "
	    "\"role\": \"chair\", \"assessor\": false, \"declarations\": "
	    "{\"no_party\": true, \"no_conflict\": false}},\n"
	    "{\"name\": \"Ir. Joko\", \"origin\": \"internal\", \"echelon\": "
	    "\"II.a\", \"role\": \"member\", \"assessor\": true, "
	    "\"echelon_note\": 1}]}"), &c, &d), SEL_OK);
	assert_int_equal(c.n, 2);
	t_str_equal(c.m[0].name, "Dr. Siti Aminah");
	assert_true(c.m[0].chair);
	assert_false(c.m[1].chair);
	assert_int_equal(c.m[0].origin, OR_ACADEMIC);
	assert_int_equal(c.m[0].echelon, -1);
	assert_int_equal(c.m[1].echelon, ECH_II_A);
	assert_true(c.m[1].assessor);
	assert_int_equal(c.m[0].decl[DE_NO_PARTY], DS_TRUE);
	assert_int_equal(c.m[0].decl[DE_NO_CONFLICT], DS_FALSE);
	assert_int_equal(c.m[0].decl[DE_CODE_OF_ETHICS], DS_ABSENT);
	assert_int_equal(c.m[1].decl[DE_NO_PARTY], DS_ABSENT);
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		memset(&d, 0, sizeof(d));
		if (committee_decode(a, t_json(a, bad[i].text), &c, &d) !=
		    SEL_EINVAL)
			fail_msg("row %zu decoded", i);
		if (strstr(d.msg, bad[i].prefix) != d.msg)
			fail_msg("row %zu: \"%s\" does not start with \"%s\"",
			    i, d.msg, bad[i].prefix);
	}
}

/* An empty committee fails every count; valid is false. */
static void
test_empty_committee(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");
	const struct com_out *o = eval(a, p, t_vacancy(a, p, NULL), NULL, 0);

	t_status(rule(o, R_COM_SIZE), RS_FAIL, "size 0");
	t_status(rule(o, R_COM_INTERNAL_MAX), RS_FAIL, "no members");
	t_status(rule(o, R_COM_ELEMENTS), RS_FAIL, "no elements");
	assert_false(o->valid);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T_TEST(test_valid_committee),
		RULE_TEST("COM-SIZE", test_size),
		RULE_TEST("COM-SIZE", test_empty_committee),
		RULE_TEST("COM-INTERNAL-MAX", test_internal_max),
		RULE_TEST("COM-ELEMENTS", test_elements),
		RULE_TEST("COM-ELEMENTS", test_elements_any_echelon),
		RULE_TEST("COM-INTERNAL-RANK", test_internal_rank),
		RULE_TEST("COM-INTERNAL-RANK",
		    test_internal_rank_vacancy_without_echelon),
		RULE_TEST("COM-ASSESSOR", test_assessor),
		RULE_TEST("COM-MEMBER", test_member_declarations),
		RULE_TEST("COM-MEMBER", test_member_demak_party_both),
		RULE_TEST("COM-MEMBER", test_member_no_declarations),
		T_TEST(test_decode),
	};

	return cmocka_run_group_tests_name("committee", tests, NULL, NULL);
}
