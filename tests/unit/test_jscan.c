/*
 * test_jscan.c - base: the strict JSON scanner of the batch path
 * (jscan.h).
 *
 * The scanner's one duty: whatever it reads through is JSON that
 * json_parse (yajl) accepts too.  It may refuse valid JSON (escapes, a
 * byte-order mark, UTF-8 that RFC 3629 forbids): the tree parser then
 * decides.  Both directions are tested on fixed cases and on damaged
 * copies of a valid document.
 */
#include <string.h>

#include "base/jscan.h"
#include "base/json.h"
#include "base/str.h"
#include "t.h"
#include "base/banned.h"

/* Whether the scanner reads text through as one document. */
static bool
scans(const char *text, size_t len)
{
	struct jscan s;

	jscan_init(&s, text, len);
	return jscan_skip(&s) && jscan_done(&s);
}

static bool
parses(struct arena *a, const char *text, size_t len)
{
	struct json *root;
	struct diag d;

	return json_parse(a, text, len, 1, false, &root, &d) == SEL_OK;
}

/* JSON of the subset: read through, and json_parse agrees. */
static void
test_accepts_subset(void **state)
{
	static const char *const docs[] = {
		"{}", "[]", "0", "-0", "\"\"", "null", "true", "false",
		"{\"a\":1}", " { \"a\" : [ 1 , 2 ] } ", "\t\r\n{}\n",
		"[1,-1,0.5,-0.25,1e3,1E+3,2e-2,"
		    "123456789012345678901234567890]",
		"{\"a\":{\"b\":{\"c\":[[[]]]}},\"d\":[{},{\"e\":null}]}",
		"[\"caf\xc3\xa9\",\"\xe2\x82\xac\",\"\xf0\x9d\x84\x9e\","
		    "\"\xed\x9f\xbf\",\"\xee\x80\x80\",\"\xf4\x8f\xbf\xbf\"]",
		"{\"a\":1,\"a\":2}",
		"[\"/ ' ~ \x7f\"]",
	};

	for (size_t i = 0; i < ARRAY_LEN(docs); i++) {
		size_t n = strlen(docs[i]);

		if (!scans(docs[i], n))
			fail_msg("refused: %s", docs[i]);
		assert_true(parses(T_ARENA(state), docs[i], n));
	}
}

/* Valid JSON outside the subset, and invalid JSON: refused. */
static void
test_refuses(void **state)
{
	static const char *const valid[] = {
		"[\"a\\nb\"]", "[\"\\u00e9\"]", "{\"\\\"\":1}", "[\"\\/\"]",
		"\xef\xbb\xbf{}",		/* byte-order mark */
		"[\"\xc0\xaf\"]",		/* overlong: yajl takes it */
		"[\"\xed\xa0\x80\"]",		/* surrogate: yajl too */
		"[\"\xf4\x90\x80\x80\"]",	/* past U+10FFFF */
	};
	static const char *const invalid[] = {
		"", " ", "{", "}", "[", "]", "{\"a\":1,}", "[1,]", "[,1]",
		"{,}", "{\"a\" 1}", "{\"a\":}", "{\"a\"}", "{1:2}", "[01]",
		"[1.]", "[-]", "[.5]", "[1e]", "[1e+]", "[+1]", "[tru]",
		"[nul]", "[truex]", "[\"abc]", "{\"a\":1}x", "{}{}", "[1 2]",
		"[\"a\x01\"]", "[\"\x80\"]", "[\"\xc3\"]", "[\"\xe2\x82\"]",
		"['a']", "[NaN]", "[\"a\"\"b\"]", "{\"a\":1 \"b\":2}",
	};
	char deep[2 * JSCAN_MAX_DEPTH + 3];

	for (size_t i = 0; i < ARRAY_LEN(valid); i++) {
		if (scans(valid[i], strlen(valid[i])))
			fail_msg("read through: %s", valid[i]);
		assert_true(parses(T_ARENA(state), valid[i],
		    strlen(valid[i])));
	}
	for (size_t i = 0; i < ARRAY_LEN(invalid); i++)
		if (scans(invalid[i], strlen(invalid[i])))
			fail_msg("read through: %s", invalid[i]);
	/* One level more than the scanner takes. */
	for (int i = 0; i <= JSCAN_MAX_DEPTH; i++) {
		deep[i] = '[';
		deep[2 * JSCAN_MAX_DEPTH + 1 - i] = ']';
	}
	assert_false(scans(deep, 2 * JSCAN_MAX_DEPTH + 2));
	assert_true(scans(deep + 1, 2 * JSCAN_MAX_DEPTH));
}

/* Keys, strings and numbers come back as slices of the text. */
static void
test_readers(void **state)
{
	static const char text[] = " {\"name\" : \"Budi\", \"year\":-2021.5e1,"
	    "\"ok\":true,\"no\":null, \"x\":[1,{\"y\":[]}]} ";
	struct jscan s;
	struct str k, v;
	bool b = false;

	(void)state;
	jscan_init(&s, text, sizeof(text) - 1);
	assert_int_equal(jscan_peek(&s), JT_OBJECT);
	assert_true(jscan_obj(&s));
	assert_true(jscan_key(&s, &k));
	t_str_equal(k, "name");
	assert_false(jscan_null(&s));
	assert_true(jscan_str(&s, &v));
	t_str_equal(v, "Budi");
	assert_true(jscan_key(&s, &k));
	assert_true(jscan_num(&s, &v));
	t_str_equal(v, "-2021.5e1");
	assert_true(jscan_key(&s, &k));
	assert_true(jscan_bool(&s, &b));
	assert_true(b);
	assert_true(jscan_key(&s, &k));
	assert_true(jscan_null(&s));
	assert_true(jscan_key(&s, &k));
	t_str_equal(k, "x");
	assert_true(jscan_skip(&s));
	assert_false(jscan_key(&s, &k));
	assert_true(jscan_ok(&s));
	assert_true(jscan_done(&s));

	/* A reader given another type stops the scanner for good. */
	jscan_init(&s, text, sizeof(text) - 1);
	assert_true(jscan_obj(&s));
	assert_true(jscan_key(&s, &k));
	assert_false(jscan_num(&s, &v));
	assert_false(jscan_ok(&s));
	assert_false(jscan_key(&s, &k));
	assert_false(jscan_done(&s));
}

/*
 * Damaged copies of a candidate: one byte replaced, a piece inserted, the
 * text cut.  Whatever the scanner reads through, json_parse accepts.
 */
static void
test_damaged_never_wrongly_read(void **state)
{
	static const char bytes[] = "\"\\{}[],: \n\t\x01\x1f\x7f\x80\xc0\xc3"
	    "\xe0\xed\xf0\xf4\xf5\xff" "0-.eE+ntfa";
	static const char *const pieces[] = { "null", ",", ",\"x\":1", "\"",
	    "\\u00e9", "[", "]", "{", "}", "\xc3\xa9", "\xc3", "1e", "-",
	    ":", "\"\":", "  ", "true", "[[]]", "{\"a\":{}}" };
	struct arena *a = T_ARENA(state);
	const char *doc = t_candidate_json(a, NULL);
	size_t n = strlen(doc), read = 0, tried = 0;
	char *buf = arena_alloc(a, n + 64);
	uint64_t seed = 20230315;

	for (int round = 0; round < 20000; round++) {
		uint64_t r = t_rand(&seed);
		size_t at = (size_t)(r % n), len = n;

		memcpy(buf, doc, n);
		switch (round % 3) {
		case 0:
			buf[at] = bytes[(r >> 32) % (sizeof(bytes) - 1)];
			break;
		case 1: {
			const char *p = pieces[(r >> 32) % ARRAY_LEN(pieces)];
			size_t pl = strlen(p);

			memmove(buf + at + pl, buf + at, n - at);
			memcpy(buf + at, p, pl);
			len = n + pl;
			break;
		}
		default:
			len = at;
			break;
		}
		tried++;
		if (scans(buf, len)) {
			read++;
			if (!parses(a, buf, len))
				fail_msg("read through, but json_parse "
				    "refuses: %.*s", (int)len, buf);
		}
	}
	/* Some damage leaves valid JSON: the test must have seen both. */
	assert_true(read > 0 && read < tried);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T_TEST(test_accepts_subset),
		T_TEST(test_refuses),
		T_TEST(test_readers),
		T_TEST(test_damaged_never_wrongly_read),
	};

	return cmocka_run_group_tests_name("jscan", tests, NULL, NULL);
}
