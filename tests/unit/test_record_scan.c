/*
 * test_record_scan.c - core: the batch fast path (candidate_scan) against
 * the tree decoder (json_parse + candidate_decode).
 *
 * The contract of record.h: candidate_scan accepts only what the tree
 * accepts, and decodes it to the same record.  Every text below goes
 * through both; whenever the fast path says SEL_OK the tree must too, with
 * an equal struct candidate and equal rule results under demak-2022.  And
 * the fast path must not give up on ordinary input: a text the tree
 * accepts that is plain ASCII without escapes must be read by the fast
 * path itself.  The texts: the records of bench/gen_candidates (the
 * benchmark's own input, $SELTER_GEN), every candidate fixture and demo
 * line, the contract's example with every field made null, mistyped or
 * malformed, and thousands of damaged copies of all of these.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/elig.h"
#include "core/profile.h"
#include "core/record.h"
#include "t.h"
#include "base/banned.h"

struct tally {
	size_t	 lines;
	size_t	 fast;		/* read by candidate_scan */
	size_t	 tree_only;	/* accepted by the tree only */
	size_t	 refused;	/* refused by both */
};

struct ctx {
	struct arena		*a;	/* per text, reset */
	const struct cand_words	*words;
	struct elig_plan	 plan;
	struct tally		 t;
};

#define SAME(f)	do {						\
	if (x->f != y->f)						\
		return #f;						\
} while (0)
#define SAME_STR(f) do {						\
	if (!str_eq(x->f, y->f))					\
		return #f;						\
} while (0)

static const char *
posts_differ(const struct cpost *x, const struct cpost *y)
{
	SAME_STR(title);
	SAME(kind);
	SAME(echelon);
	SAME(jf_level);
	SAME(nfields);
	SAME(has_fields);
	for (size_t i = 0; i < x->nfields; i++)
		if (!str_eq(x->fields[i], y->fields[i]))
			return "posts[].fields[]";
	SAME(start);
	SAME(end);
	SAME(open);
	SAME(acting);
	return NULL;
}

/* The first field where two records differ, or NULL. */
static const char *
differ(const struct candidate *x, const struct candidate *y)
{
	const char *why;

	SAME_STR(nip);
	SAME_STR(name);
	SAME(birth);
	SAME(employment);
	SAME_STR(agency.name);
	SAME(agency.kind);
	SAME_STR(agency.province);
	SAME(grade);
	SAME(nedu);
	for (size_t i = 0; i < x->nedu; i++)
		if (x->edu[i].level != y->edu[i].level ||
		    !str_eq(x->edu[i].major, y->edu[i].major))
			return "education[]";
	SAME(ncerts);
	SAME(has_certs);
	for (size_t i = 0; i < x->ncerts; i++)
		if (!str_eq(x->certs[i], y->certs[i]))
			return "certificates[]";
	SAME(nposts);
	for (size_t i = 0; i < x->nposts; i++)
		if ((why = posts_differ(&x->posts[i], &y->posts[i])) != NULL)
			return why;
	SAME(training);
	SAME(has_training);
	SAME(npens);
	SAME(has_pens);
	for (size_t i = 0; i < x->npens; i++)
		if (x->pens[i].kind != y->pens[i].kind ||
		    x->pens[i].level != y->pens[i].level ||
		    x->pens[i].decided != y->pens[i].decided ||
		    x->pens[i].has_decided != y->pens[i].has_decided)
			return "penalties[]";
	SAME(under_exam);
	SAME(nperf);
	SAME(has_perf);
	for (size_t i = 0; i < x->nperf; i++)
		if (x->perf[i].year != y->perf[i].year ||
		    x->perf[i].rating != y->perf[i].rating)
			return "performance[]";
	SAME(has_rec);
	SAME(rec_by);
	SAME(rec_ppk_approved);
	SAME(invited);
	for (int i = 0; i < CD__N; i++)
		if (x->decl[i] != y->decl[i])
			return "declarations";
	return NULL;
}

/* Plain ASCII with no escape and no byte-order mark: the fast path's. */
static bool
plain(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)text[i] >= 0x80 || text[i] == '\\')
			return false;
	return true;
}

static void
same_results(const struct elig_out *x, const struct elig_out *y,
    const char *text, size_t len)
{
	bool same = x->verdict == y->verdict && x->nrules == y->nrules &&
	    x->nchecklist == y->nchecklist && x->nadvisories == y->nadvisories;

	for (size_t i = 0; same && i < x->nrules; i++)
		same = x->rules[i].status == y->rules[i].status &&
		    str_eq(x->rules[i].detail, y->rules[i].detail) &&
		    str_eq(x->rules[i].citation, y->rules[i].citation);
	for (size_t i = 0; same && i < x->nchecklist; i++)
		same = str_eq(x->checklist[i].detail, y->checklist[i].detail);
	for (size_t i = 0; same && i < x->nadvisories; i++)
		same = str_eq(x->advisories[i].detail,
		    y->advisories[i].detail);
	if (!same)
		fail_msg("the two records screen differently: %.*s",
		    (int)len, text);
}

/*
 * One text through both decoders.  An ordinary text (not a damaged copy)
 * that the tree accepts must be read by the fast path when it is plain;
 * a damaged one need not: yajl, for one, takes a document followed by an
 * unfinished string ("{...}\"") as whole, and the fast path leaves such
 * oddities to it.
 */
static void
check(struct ctx *cx, const char *text, size_t len, bool ordinary)
{
	struct candidate fast, tree;
	struct json *root = NULL;
	struct diag d;
	bool f_ok, t_ok;
	const char *why;

	arena_reset(cx->a);
	cx->t.lines++;
	f_ok = candidate_scan(cx->a, cx->words, text, len, &fast) == SEL_OK;
	t_ok = json_parse(cx->a, text, len, 1, false, &root, &d) == SEL_OK &&
	    candidate_decode(cx->a, root, &tree, &d) == SEL_OK;
	if (f_ok && !t_ok)
		fail_msg("fast path accepts what the tree refuses (%s): %.*s",
		    d.msg, (int)len, text);
	if (t_ok && !f_ok && ordinary && plain(text, len))
		fail_msg("fast path gives up on plain input: %.*s", (int)len,
		    text);
	if (f_ok) {
		struct elig_out xo, yo;

		if ((why = differ(&fast, &tree)) != NULL)
			fail_msg("decoders differ in %s: %.*s", why, (int)len,
			    text);
		elig_eval_plan(cx->a, &cx->plan, &fast, t_date("2023-03-15"),
		    t_date("2023-06-01"), &xo);
		elig_eval_plan(cx->a, &cx->plan, &tree, t_date("2023-03-15"),
		    t_date("2023-06-01"), &yo);
		same_results(&xo, &yo, text, len);
	}
	cx->t.fast += f_ok;
	cx->t.tree_only += t_ok && !f_ok;
	cx->t.refused += !t_ok;
}

/* k damaged copies of text: a byte replaced, a piece inserted, a cut. */
static void
damage(struct ctx *cx, const char *text, size_t n, int k, uint64_t *seed)
{
	static const char bytes[] = "\"\\{}[],: \t\x01\x7f\x80\xc3\xff" "0"
	    "19-.eEntf";
	static const char *const pieces[] = { "null", ",", ",\"x\":1", "\"",
	    "\\u00e9", "[", "]", "{", "}", "1", "0", "-", ":", "\"\":",
	    "true", "[]", "{}", "\"a\"", ",\"kind\":\"criminal\"",
	    ",\"level\":\"heavy\"", ",\"year\":2022", ",\"nip\":null",
	    ",\"end\":null", ",\"end\":\"2000-01-01\"", ",\"by\":\"pyb\"",
	    " ", "\xc3\xa9" };
	char *buf = malloc(n + 64);

	assert_non_null(buf);
	for (int round = 0; round < k; round++) {
		uint64_t r = t_rand(seed);
		size_t at = (size_t)(r % (n + 1)), len = n;

		memcpy(buf, text, n);
		if (round % 3 == 0 && at < n) {
			buf[at] = bytes[(r >> 32) % (sizeof(bytes) - 1)];
		} else if (round % 3 == 1) {
			const char *p = pieces[(r >> 32) % ARRAY_LEN(pieces)];
			size_t pl = strlen(p);

			memmove(buf + at + pl, buf + at, n - at);
			memcpy(buf + at, p, pl);
			len = n + pl;
		} else {
			len = at;
		}
		check(cx, buf, len, false);
	}
	free(buf);
}

static void
ctx_init(struct ctx *cx, void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *p = t_profile(a, "demak-2022");

	memset(cx, 0, sizeof(*cx));
	elig_plan_init(&cx->plan, p, t_vacancy(a, p, NULL));
	cx->words = cand_words_new(a);
	cx->a = arena_new(1 << 16);
}

static void
ctx_report(struct ctx *cx, const char *what)
{
	print_message("# %s: %zu texts, %zu read by the fast path, %zu by the "
	    "tree only, %zu refused\n", what, cx->t.lines, cx->t.fast,
	    cx->t.tree_only, cx->t.refused);
	arena_destroy(cx->a);
}

/* The benchmark's records, and damaged copies of some of them. */
static void
test_generated_records(void **state)
{
	const char *gen = getenv("SELTER_GEN");
	struct ctx cx;
	struct buf cmd;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	uint64_t seed = 1;
	FILE *f;

	if (gen == NULL || gen[0] == '\0')
		fail_msg("SELTER_GEN (bench/gen_candidates) is not set");
	ctx_init(&cx, state);
	buf_init(&cmd, 4096);
	buf_printf(&cmd, "'%s' 3000 20230315 && '%s' 1000 7", gen, gen);
	f = popen(cmd.p, "r");
	buf_release(&cmd);
	assert_non_null(f);
	while ((n = getline(&line, &cap, f)) > 0) {
		size_t len = (size_t)n - (line[n - 1] == '\n');
		size_t before = cx.t.fast;

		check(&cx, line, len, true);
		if (cx.t.fast == before)
			fail_msg("a generated record left to the tree: %.*s",
			    (int)len, line);
		if (cx.t.lines % 10 == 0)
			damage(&cx, line, len, 60, &seed);
	}
	free(line);
	assert_int_equal(pclose(f), 0);
	assert_true(cx.t.lines > 4000);
	assert_true(cx.t.tree_only > 0 && cx.t.refused > 0);
	ctx_report(&cx, "generated");
}

/* Every candidate file of the fixtures and the demo, line by line. */
static void
test_fixtures(void **state)
{
	static const char *const dirs[] = { "tests/fixtures/cli", "demo" };
	struct arena *a = T_ARENA(state);
	uint64_t seed = 2;
	struct ctx cx;

	ctx_init(&cx, state);
	for (size_t d = 0; d < 2 * ARRAY_LEN(dirs); d++) {
		size_t nf;
		char **files = t_list(a, dirs[d / 2], d % 2 ? ".jsonl" :
		    ".json", &nf);

		for (size_t i = 0; i < nf; i++) {
			char rel[512];
			size_t len = 0;
			char *text;

			snprintf(rel, sizeof(rel), "%s/%s", dirs[d / 2],
			    files[i]);
			text = t_read(a, rel, &len);
			assert_non_null(text);
			/* A .jsonl file line by line, a .json file whole. */
			if (d % 2 == 0) {
				check(&cx, text, len, true);
				damage(&cx, text, len, 200, &seed);
				continue;
			}
			for (char *p = text, *e = text + len; p < e;) {
				char *nl = memchr(p, '\n', (size_t)(e - p));
				size_t ll = nl != NULL ? (size_t)(nl - p) :
				    (size_t)(e - p);

				check(&cx, p, ll, true);
				damage(&cx, p, ll, 100, &seed);
				p += ll + 1;
			}
		}
	}
	assert_true(cx.t.fast > 0);
	ctx_report(&cx, "fixtures");
}

/* The contract's example with one member changed (JSON NULL: left out). */
static const struct t_kv overrides[] = {
	{ "nip", NULL }, { "nip", "null" }, { "nip", "197505122000031002" },
	{ "nip", "\"19750512200003100\"" },
	{ "nip", "\"1975051220000310x2\"" },
	{ "nip", "\"197505132000031002\"" },
	{ "nip", "\"197505122000001002\"" },
	{ "nip", "\"197505122000131002\"" }, { "name", "\"  \"" },
	{ "name", "\"\"" }, { "name", "null" }, { "name", "[]" },
	{ "birth_date", "\"1975-02-30\"" }, { "birth_date", "\"1975-5-12\"" },
	{ "birth_date", "null" }, { "birth_date", "19750512" },
	{ "employment", "\"PNS\"" }, { "employment", "\"pppk\"" },
	{ "employment", "\"cpns\"" }, { "employment", "null" },
	{ "agency", "null" }, { "agency", "[]" }, { "agency", "{}" },
	{ "agency", "{\"name\": \"X\", \"kind\": \"city\"}" },
	{ "agency", "{\"name\": \"X\", \"kind\": \"city\", "
	    "\"province\": null}" },
	{ "agency", "{\"name\": \"X\", \"kind\": \"town\"}" },
	{ "agency", "{\"name\": 1, \"kind\": \"city\"}" },
	{ "agency", "{\"kind\": \"city\", \"province\": \"Jawa Tengah\"}" },
	{ "agency", "{\"name\": \"X\", \"kind\": \"city\", \"province\": 5}" },
	{ "agency", "{\"name\": \"X\", \"kind\": \"city\", \"name\": 5}" },
	{ "grade", "\"V/a\"" }, { "grade", "\"IV/e\"" },
	{ "grade", "\"I/a\"" },
	{ "grade", "null" }, { "grade", "12" },
	{ "education", "[]" }, { "education", "null" }, { "education", "{}" },
	{ "education", "[null]" }, { "education", "[{}]" },
	{ "education", "[{\"level\": \"S4\"}]" },
	{ "education", "[{\"level\": \"S1\", \"major\": null}]" },
	{ "education", "[{\"level\": \"S1\", \"major\": 3}]" },
	{ "education", "[{\"level\": \"D3\"}, {\"level\": \"S3\", \"major\": "
	    "\"Ilmu Pemerintahan\"}]" },
	{ "posts", "[]" }, { "posts", "null" }, { "posts", "[null]" },
	{ "posts", "[{\"kind\": \"executor\", \"start\": \"2001-01-01\"}]" },
	{ "posts", "[{\"kind\": \"executor\"}]" },
	{ "posts", "[{\"start\": \"2001-01-01\"}]" },
	{ "posts", "[{\"kind\": \"executor\", \"start\": \"2001-01-01\", "
	    "\"end\": \"2000-12-31\"}]" },
	{ "posts", "[{\"kind\": \"executor\", \"start\": \"2001-01-01\", "
	    "\"end\": \"2001-01-01\"}]" },
	{ "posts", "[{\"kind\": \"executor\", \"start\": \"2001-01-01\", "
	    "\"end\": null, \"acting\": null, \"fields\": null, \"title\": "
	    "null, \"echelon\": null, \"jf_level\": null}]" },
	{ "posts", "[{\"kind\": \"structural\", \"start\": \"2001-01-01\", "
	    "\"echelon\": \"II.c\"}]" },
	{ "posts", "[{\"kind\": \"functional\", \"start\": \"2001-01-01\", "
	    "\"jf_level\": \"ahli_madya\", \"fields\": [], \"acting\": "
	    "true}]" },
	{ "posts", "[{\"kind\": \"functional\", \"start\": \"2001-01-01\", "
	    "\"fields\": [null]}]" },
	{ "posts", "[{\"kind\": \"executor\", \"start\": \"2001-01-01\", "
	    "\"acting\": \"yes\"}]" },
	{ "posts", "[{\"kind\": \"executor\", \"start\": \"2001-01-01\", "
	    "\"kind\": 7, \"unit\": {\"kind\": 1, \"start\": []}}]" },
	{ "certificates", "null" }, { "certificates", "[\"a\", \"b\"]" },
	{ "certificates", "[1]" }, { "certificates", "\"a\"" },
	{ "training", "null" }, { "training", "[]" },
	{ "training", "[\"pkp\", \"pim_ii\", \"pkn_ii\"]" },
	{ "training", "[null]" }, { "training", "[\"pim_v\"]" },
	{ "training", "\"pim_iv\"" },
	{ "penalties", "null" }, { "penalties", "[]" },
	{ "penalties", "[{}]" },
	{ "penalties", "[{\"kind\": \"criminal\"}]" },
	{ "penalties", "[{\"kind\": \"criminal\", \"level\": \"light\"}]" },
	{ "penalties", "[{\"kind\": \"criminal\", \"level\": null}]" },
	{ "penalties", "[{\"kind\": \"discipline\"}]" },
	{ "penalties", "[{\"kind\": \"discipline\", \"level\": \"heavy\", "
	    "\"decided\": null}]" },
	{ "penalties", "[{\"kind\": \"discipline\", \"level\": \"heavy\", "
	    "\"decided\": \"2022-13-01\"}]" },
	{ "penalties", "[{\"kind\": \"discipline\", \"level\": \"severe\"}]" },
	{ "under_examination", "null" }, { "under_examination", "true" },
	{ "under_examination", "0" },
	{ "performance", "null" }, { "performance", "[]" },
	{ "performance", "[{\"year\": 2021, \"rating\": \"amat_baik\"}, "
	    "{\"year\": 2022, \"rating\": \"cukup\"}]" },
	{ "performance", "[{\"year\": 2021, \"rating\": \"baik\"}, "
	    "{\"year\": 2021, \"rating\": \"baik\"}]" },
	{ "performance", "[{\"year\": \"2021\", \"rating\": \"baik\"}]" },
	{ "performance", "[{\"year\": 2021.0, \"rating\": \"baik\"}]" },
	{ "performance", "[{\"year\": 1899, \"rating\": \"baik\"}]" },
	{ "performance", "[{\"year\": -0, \"rating\": \"baik\"}]" },
	{ "performance", "[{\"year\": 2021}]" },
	{ "performance", "[{\"year\": 2021, \"rating\": \"bagus\"}]" },
	{ "recommendation", "null" }, { "recommendation", "{}" },
	{ "recommendation", "{\"by\": \"ppk\"}" },
	{ "recommendation", "{\"by\": \"ppk\", \"ppk_approved\": null}" },
	{ "recommendation", "{\"by\": \"ppk\", \"ppk_approved\": 1}" },
	{ "recommendation", "{\"by\": null}" },
	{ "recommendation", "{\"by\": \"bupati\"}" },
	{ "invited", "null" }, { "invited", "true" }, { "invited", "\"no\"" },
	{ "declarations", "null" }, { "declarations", "{}" },
	{ "declarations", "{\"no_mpp\": true}" },
	{ "declarations", "{\"no_mpp\": false, \"other\": [1]}" },
	{ "declarations", "{\"no_mpp\": null}" },
	{ "declarations", "{\"no_mpp\": \"yes\"}" },
	{ "declarations", "{\"no_mpp\": 1}" },
	{ "declarations", "{\"no_mpp\": true, \"no_mpp\": false}" },
	{ "declarations", "{\"NO_MPP\": true}" },
	{ "declarations", "[\"no_mpp\"]" }, { "declarations", "true" },
	{ "religion", "\"x\"" }, { "nip2", "{\"a\": [1, 2, {\"b\": null}]}" },
	{ NULL, NULL },
};

static void
test_each_member(void **state)
{
	struct arena *a = T_ARENA(state);
	uint64_t seed = 3;
	struct ctx cx;

	ctx_init(&cx, state);
	for (size_t i = 0; overrides[i].key != NULL; i++) {
		struct t_kv one[2] = { overrides[i], { NULL, NULL } };
		const char *text = t_candidate_json(a, one);
		char *dup;
		size_t n = strlen(text);

		check(&cx, text, n, true);
		damage(&cx, text, n, 30, &seed);
		/* The same member again at the end: the first one counts. */
		dup = arena_alloc(a, n + 200);
		snprintf(dup, n + 200, "%.*s, \"%s\": %s}", (int)(n - 1), text,
		    overrides[i].key, overrides[i].json != NULL ?
		    overrides[i].json : "[{\"x\": 1}]");
		check(&cx, dup, strlen(dup), true);
	}
	/* Whole texts: not an object, and what surrounds the object. */
	check(&cx, "[]", 2, true);
	check(&cx, "null", 4, true);
	check(&cx, " ", 1, true);
	check(&cx, "\xef\xbb\xbf{}", 5, true);
	assert_true(cx.t.fast > 0 && cx.t.refused > 0);
	ctx_report(&cx, "members");
}

/*
 * Every word of every vocabulary the decoder reads, and near misses (a
 * letter short, a letter more, another case, empty): the hashed lookup of
 * the fast path finds what json_enum finds.
 */
static void
test_every_word(void **state)
{
	static const struct {
		const char	*key;
		const char	*pre, *post;	/* the member's JSON around the word */
		const char *const *words;
	} uses[] = {
		{ "employment", "\"", "\"", vocab_employment },
		{ "agency", "{\"name\": \"X\", \"kind\": \"", "\"}",
		    vocab_agency_kind },
		{ "grade", "\"", "\"", vocab_grade },
		{ "education", "[{\"level\": \"", "\"}]", vocab_edu },
		{ "posts", "[{\"kind\": \"", "\", \"start\": \"2001-01-01\"}]",
		    vocab_cpost_kind },
		{ "posts", "[{\"kind\": \"structural\", \"echelon\": \"",
		    "\", \"start\": \"2001-01-01\"}]", vocab_echelon },
		{ "posts", "[{\"kind\": \"functional\", \"jf_level\": \"",
		    "\", \"start\": \"2001-01-01\"}]", vocab_jf },
		{ "penalties", "[{\"kind\": \"", "\"}]", vocab_pen_kind },
		{ "penalties", "[{\"kind\": \"discipline\", \"level\": \"",
		    "\"}]", vocab_pen_level },
		{ "performance", "[{\"year\": 2022, \"rating\": \"", "\"}]",
		    vocab_rating },
		{ "training", "[\"", "\"]", vocab_training },
		{ "recommendation", "{\"by\": \"", "\"}", vocab_rec_by },
	};
	struct arena *a = T_ARENA(state);
	size_t words = 0;
	struct ctx cx;

	ctx_init(&cx, state);
	for (size_t u = 0; u < ARRAY_LEN(uses); u++) {
		for (size_t i = 0; uses[u].words[i] != NULL; i++) {
			const char *w = uses[u].words[i];
			size_t n = strlen(w);
			char v[5][64], json[256];

			snprintf(v[0], sizeof(v[0]), "%s", w);
			snprintf(v[1], sizeof(v[1]), "%.*s", (int)(n - 1), w);
			snprintf(v[2], sizeof(v[2]), "%sx", w);
			snprintf(v[3], sizeof(v[3]), "%c%s", w[0] ^ 0x20, w + 1);
			v[4][0] = '\0';
			for (size_t k = 0; k < 5; k++) {
				struct t_kv one[2] = { { uses[u].key, json },
				    { NULL, NULL } };
				const char *text;
				int m = snprintf(json, sizeof(json), "%s%s%s",
				    uses[u].pre, v[k], uses[u].post);

				if (m < 0 || (size_t)m >= sizeof(json))
					t_fail("a value's JSON cut short");
				text = t_candidate_json(a, one);
				check(&cx, text, strlen(text), true);
			}
			words++;
		}
	}
	/* Every word read but "discipline" alone (it needs its level), and
	 * some near misses that are words too ("pim_ii"). */
	assert_true(words > 60 && cx.t.fast >= words - 1 &&
	    cx.t.tree_only == 0);
	ctx_report(&cx, "words");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T_TEST(test_generated_records),
		T_TEST(test_fixtures),
		T_TEST(test_each_member),
		T_TEST(test_every_word),
	};

	return cmocka_run_group_tests_name("record_scan", tests, NULL, NULL);
}
