/*
 * test_json.c - base: json (tree, lines, paths, typed readers, errors,
 * writer), str (slices, parse_i64, parse_fixed), buf (cap, sticky error,
 * fixed-point output), arena and err.
 */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/json.h"
#include "base/sbuf.h"
#include "base/str.h"
#include "t.h"
#include "base/banned.h"

/* parse_fixed: exact decimals, never through a double. */
static void
test_parse_fixed(void **state)
{
	static const struct {
		const char	*in;
		int		 dec;
		enum sel_err	 rc;
		int64_t		 want;
	} rows[] = {
		{ "78.5", 2, SEL_OK, 7850 },
		{ "78.50", 2, SEL_OK, 7850 },
		{ "77.5", 2, SEL_OK, 7750 },
		{ "19.99", 2, SEL_OK, 1999 },
		{ "20", 2, SEL_OK, 2000 },
		{ "20.00", 2, SEL_OK, 2000 },
		{ "20.01", 2, SEL_OK, 2001 },
		{ "0", 2, SEL_OK, 0 },
		{ "-0", 2, SEL_OK, 0 },
		{ "0.01", 2, SEL_OK, 1 },
		{ "100", 2, SEL_OK, 10000 },
		{ "-1.5", 2, SEL_OK, -150 },
		{ "007", 2, SEL_OK, 700 },
		{ "5", 0, SEL_OK, 5 },
		{ "1.234", 3, SEL_OK, 1234 },
		{ "92233720368547758.07", 2, SEL_OK, INT64_MAX },
		{ "78.505", 2, SEL_EINVAL, 0 },		/* 3 decimals */
		{ "5.0", 0, SEL_EINVAL, 0 },
		{ "1.", 2, SEL_EINVAL, 0 },
		{ ".5", 2, SEL_EINVAL, 0 },
		{ "-.5", 2, SEL_EINVAL, 0 },
		{ "1.2.3", 2, SEL_EINVAL, 0 },
		{ "", 2, SEL_EINVAL, 0 },
		{ "-", 2, SEL_EINVAL, 0 },
		{ "+1", 2, SEL_EINVAL, 0 },
		{ "1e2", 2, SEL_EINVAL, 0 },
		{ " 1", 2, SEL_EINVAL, 0 },
		{ "1 ", 2, SEL_EINVAL, 0 },
		{ "1,5", 2, SEL_EINVAL, 0 },
		{ "92233720368547758.08", 2, SEL_ERANGE, 0 },
		{ "92233720368547758", 2, SEL_OK, INT64_MAX - 7 },
		{ "92233720368547759", 2, SEL_ERANGE, 0 },
		{ "99999999999999999999", 0, SEL_ERANGE, 0 },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		int64_t v = -777;
		enum sel_err rc = parse_fixed(str_c(rows[i].in), rows[i].dec,
		    &v);

		if (rc != rows[i].rc)
			fail_msg("parse_fixed(\"%s\", %d) = %d, want %d",
			    rows[i].in, rows[i].dec, rc, rows[i].rc);
		if (rc == SEL_OK && v != rows[i].want)
			fail_msg("parse_fixed(\"%s\") = %lld, want %lld",
			    rows[i].in, (long long)v, (long long)rows[i].want);
		if (rc != SEL_OK)
			assert_int_equal(v, -777);	/* untouched */
	}
}

static void
test_parse_i64(void **state)
{
	static const struct {
		const char	*in;
		int64_t		 min, max;
		enum sel_err	 rc;
		int64_t		 want;
	} rows[] = {
		{ "0", 0, 10, SEL_OK, 0 },
		{ "-0", 0, 10, SEL_OK, 0 },
		{ "10", 0, 10, SEL_OK, 10 },		/* at max */
		{ "11", 0, 10, SEL_ERANGE, 0 },		/* above */
		{ "9", 0, 10, SEL_OK, 9 },
		{ "1900", 1900, 2199, SEL_OK, 1900 },
		{ "1899", 1900, 2199, SEL_ERANGE, 0 },
		{ "-5", -10, 10, SEL_OK, -5 },
		{ "-11", -10, 10, SEL_ERANGE, 0 },
		{ "9223372036854775807", INT64_MIN, INT64_MAX, SEL_OK,
		  INT64_MAX },
		{ "-9223372036854775808", INT64_MIN, INT64_MAX, SEL_OK,
		  INT64_MIN },
		{ "9223372036854775808", INT64_MIN, INT64_MAX, SEL_ERANGE, 0 },
		{ "", 0, 10, SEL_EINVAL, 0 },
		{ "-", 0, 10, SEL_EINVAL, 0 },
		{ "+1", 0, 10, SEL_EINVAL, 0 },
		{ "1.0", 0, 10, SEL_EINVAL, 0 },
		{ "12a", 0, 100, SEL_EINVAL, 0 },
		{ " 1", 0, 10, SEL_EINVAL, 0 },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		int64_t v = -777;
		enum sel_err rc = parse_i64(str_c(rows[i].in), rows[i].min,
		    rows[i].max, &v);

		if (rc != rows[i].rc)
			fail_msg("parse_i64(\"%s\") = %d, want %d", rows[i].in,
			    rc, rows[i].rc);
		assert_int_equal(v, rc == SEL_OK ? rows[i].want : -777);
	}
}

static void
test_str(void **state)
{
	struct str s = STR("  Ilmu Pemerintahan \t\r\n");

	(void)state;
	assert_true(str_eqc(str_trim(s), "Ilmu Pemerintahan"));
	assert_true(str_casecontains(s, STR("PEMERINTAHAN")));
	assert_true(str_casecontains(s, STR("pemerintahan")));
	assert_false(str_casecontains(s, STR("pemerintah an")));
	assert_true(str_casecontains(STR(""), STR("")));
	assert_false(str_casecontains(STR("ab"), STR("abc")));
	assert_true(str_caseeq(STR("Jawa Tengah"), STR("JAWA tengah")));
	assert_false(str_caseeq(STR("Jawa Tengah"), STR("Jawa Tenga")));
	assert_true(str_eq(STR(""), str_c("")));
	assert_true(str_eq(STR_NULL, STR("")));
	assert_false(str_eq(STR("a"), STR("A")));
	assert_true(str_starts(STR("year: 2023"), "year:"));
	assert_false(str_starts(STR("yea"), "year:"));
	assert_null(str_c(NULL).p);
	assert_int_equal(str_trim(STR(" \t ")).len, 0);
}

/* Bounded message building: cut at the end, always NUL-terminated. */
static void
test_str_appendf(void **state)
{
	char b[12];
	size_t off = 0;

	(void)state;
	memset(b, 'x', sizeof(b));
	str_appendf(b, sizeof(b), &off, "%s", "");
	assert_int_equal(off, 0);
	assert_string_equal(b, "");
	str_appendf(b, sizeof(b), &off, "%d: %s", 2021, "baik");
	assert_int_equal(off, 10);
	assert_string_equal(b, "2021: baik");
	str_appendf(b, sizeof(b), &off, ", %d", 2022);	/* cut */
	assert_int_equal(off, 11);
	assert_string_equal(b, "2021: baik,");
	str_appendf(b, sizeof(b), &off, "more");	/* full: no-op */
	assert_int_equal(off, 11);
	assert_string_equal(b, "2021: baik,");
	off = 0;
	b[0] = '\0';
	str_appendf(b, 1, &off, "abc");		/* room for the NUL only */
	assert_int_equal(off, 0);
	assert_int_equal(b[0], '\0');
	str_appendf(b, 0, &off, "abc");			/* no room at all */
	assert_int_equal(off, 0);
}

static void
test_buf_cap_and_sticky_error(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 8);
	assert_string_equal(buf_str(&b).p, "");	/* before any write */
	buf_puts(&b, "12345");
	buf_puts(&b, "678");			/* exactly at max */
	assert_int_equal(b.err, SEL_OK);
	assert_int_equal(b.len, 8);
	assert_string_equal(b.p, "12345678");
	buf_putc(&b, '9');			/* one past max */
	assert_int_equal(b.err, SEL_ENOMEM);
	assert_int_equal(b.len, 8);
	assert_string_equal(b.p, "12345678");
	buf_reset(&b);
	assert_int_equal(b.err, SEL_OK);
	assert_int_equal(b.len, 0);
	buf_puts(&b, "abc");
	buf_printf(&b, "%s", "defghijk");	/* too long: dropped */
	assert_int_equal(b.err, SEL_ENOMEM);
	assert_string_equal(b.p, "abc");
	buf_puts(&b, "x");			/* sticky: a no-op */
	assert_string_equal(b.p, "abc");
	buf_release(&b);
	assert_null(b.p);
	assert_int_equal(b.max, 8);

	buf_init(&b, 100000);
	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "%04d,", i);
	assert_int_equal(b.err, SEL_OK);
	assert_int_equal(b.len, 5000);
	assert_memory_equal(b.p + 4995, "0999,", 5);
	assert_int_equal(b.p[b.len], '\0');
	buf_release(&b);
}

static void
test_buf_fixed2(void **state)
{
	static const struct {
		int64_t		 v;
		const char	*want;
	} rows[] = {
		{ 7850, "78.5" }, { 7800, "78" }, { 7805, "78.05" },
		{ 7845, "78.45" }, { 0, "0" }, { 1, "0.01" }, { 10, "0.1" },
		{ 10000, "100" }, { -150, "-1.5" }, { -5, "-0.05" },
		{ INT64_MAX, "92233720368547758.07" },
		{ INT64_MIN, "-92233720368547758.08" },
	};
	struct buf b;

	(void)state;
	buf_init(&b, 64);
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		buf_reset(&b);
		buf_fixed2(&b, rows[i].v);
		t_str_equal(buf_str(&b), rows[i].want);
	}
	buf_release(&b);
}

/* Its own arena: creation, alignment, zeroing, growth, reset. */
static void
test_arena(void **state)
{
	struct arena *a;
	unsigned char *p, *big;
	char *s;
	int *g;

	(void)state;
	a = arena_new(0);			/* rounded up to a minimum */
	assert_int_equal(arena_used(a), 0);
	p = arena_alloc(a, 3);
	assert_int_equal((uintptr_t)p % 16, 0);
	assert_int_equal(p[0] | p[1] | p[2], 0);
	assert_ptr_not_equal(arena_alloc(a, 0), arena_alloc(a, 0));
	big = arena_alloc(a, 100000);		/* a block of its own */
	assert_int_equal((uintptr_t)big % 16, 0);
	for (size_t i = 0; i < 100000; i++)
		assert_int_equal(big[i], 0);
	memset(big, 0xff, 100000);
	s = arena_strndup(a, "hello world", 5);
	assert_string_equal(s, "hello");
	g = arena_array(a, 4, sizeof(*g));
	for (int i = 0; i < 4; i++)
		g[i] = i + 1;
	g = arena_grow(a, g, 4, 8, sizeof(*g));
	assert_int_equal(g[3], 4);
	assert_int_equal(g[7], 0);
	assert_true(arena_used(a) >= 100000);
	arena_reset(a);
	assert_int_equal(arena_used(a), 0);
	p = arena_alloc(a, 64);
	assert_int_equal(p[63], 0);
	arena_destroy(a);
	arena_destroy(NULL);
}

static void
test_err(void **state)
{
	struct diag d;

	(void)state;
	assert_int_equal(SEL_OK, 0);
	assert_string_equal(sel_strerror(SEL_OK), "success");
	assert_string_equal(sel_strerror(SEL_EINVAL), "invalid input");
	assert_string_equal(sel_strerror(SEL_ENOENT), "not found");
	assert_int_equal(diag_set(&d, 7, "%s: %d", "posts[1].end", 3),
	    SEL_EINVAL);
	assert_int_equal(d.line, 7);
	assert_string_equal(d.msg, "posts[1].end: 3");
}

static const char doc[] =
    "{\n"
    "  \"nip\": \"197505122000031002\",\n"
    "  \"score\": 78.50,\n"
    "  \"ok\": true,\n"
    "  \"none\": null,\n"
    "  \"posts\": [\n"
    "    {\"start\": \"2014-01-02\"},\n"
    "    {\"start\": \"2017-03-01\"},\n"
    "    {\"start\":\n"
    "       \"2023-02-30\", \"x\": [[1, 2], [3]]}\n"
    "  ],\n"
    "  \"dup\": 1, \"dup\": 2\n"
    "}\n";

static void
test_tree(void **state)
{
	struct json *root = t_json(T_ARENA(state), doc);
	const struct json *posts, *p2, *x;

	assert_int_equal(root->type, JSON_OBJECT);
	assert_int_equal(root->count, 7);
	assert_null(root->parent);
	t_str_equal(json_get(root, "nip")->s, "197505122000031002");
	/* Numbers keep their source text. */
	assert_int_equal(json_get(root, "score")->type, JSON_NUMBER);
	t_str_equal(json_get(root, "score")->s, "78.50");
	assert_true(json_get(root, "ok")->b);
	assert_true(json_absent(json_get(root, "none")));
	assert_true(json_absent(json_get(root, "nothing")));
	assert_false(json_absent(json_get(root, "ok")));
	assert_null(json_get(NULL, "x"));
	assert_null(json_get(json_get(root, "nip"), "x"));
	/* The first member with a key. */
	t_str_equal(json_get(root, "dup")->s, "1");
	posts = json_get(root, "posts");
	assert_int_equal(posts->count, 3);
	p2 = posts->tail;
	assert_int_equal(p2->index, 2);
	assert_ptr_equal(p2->parent, posts);
	x = json_get(p2, "x");
	assert_int_equal(x->head->count, 2);
	assert_string_equal(json_type_name(JSON_ARRAY), "an array");
	assert_string_equal(json_type_name(JSON_STRING), "a string");
	assert_string_equal(json_type_name(JSON_NUMBER), "a number");
}

/* Every node knows its line: an error can name it. */
static void
test_lines(void **state)
{
	struct arena *a = T_ARENA(state);
	struct json *root = t_json(a, doc), *flat;
	const struct json *posts = json_get(root, "posts");
	struct diag d;

	assert_int_equal(json_get(root, "nip")->line, 2);
	assert_int_equal(json_get(root, "score")->line, 3);
	assert_int_equal(json_get(posts->head, "start")->line, 7);
	assert_int_equal(json_get(posts->tail, "start")->line, 10);
	assert_int_equal(json_get(root, "dup")->line, 12);
	/* A batch line passes its own number. */
	assert_int_equal(json_parse(a, "{\"a\":\n1}", 8, 41, true, &flat,
	    &d), SEL_OK);
	assert_int_equal(json_get(flat, "a")->line, 42);
	/* Without tracking every node has first_line. */
	assert_int_equal(json_parse(a, doc, strlen(doc), 5, false, &flat,
	    &d), SEL_OK);
	assert_int_equal(json_get(json_get(flat, "posts")->tail,
	    "start")->line, 5);
}

static void
test_path_rendering(void **state)
{
	struct json *root = t_json(T_ARENA(state), doc), *arr;
	const struct json *posts = json_get(root, "posts");
	const struct json *x = json_get(posts->tail, "x");
	struct buf b;
	struct {
		const struct json	*n;
		const char		*want;
	} rows[] = {
		{ root, "(root)" },
		{ json_get(root, "nip"), "nip" },
		{ posts, "posts" },
		{ posts->head, "posts[0]" },
		{ json_get(posts->tail, "start"), "posts[2].start" },
		{ x, "posts[2].x" },
		{ x->head->tail, "posts[2].x[0][1]" },
		{ x->tail->head, "posts[2].x[1][0]" },
	};

	buf_init(&b, 256);
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		buf_reset(&b);
		json_path(&b, rows[i].n);
		t_str_equal(buf_str(&b), rows[i].want);
	}
	arr = t_json(T_ARENA(state), "[{\"a\": [true]}]");
	buf_reset(&b);
	json_path(&b, arr->head->head->head);
	t_str_equal(buf_str(&b), "[0].a[0]");
	buf_release(&b);
}

/* Syntax errors: "invalid JSON: ..." with the line of the fault. */
static void
test_parse_errors(void **state)
{
	static const struct {
		const char	*text;
		unsigned	 line;
		const char	*msg;
	} rows[] = {
		{ "", 1, "empty input" },
		{ " \n\t\r\n", 1, "only white space" },
		{ "{\"a\": 1,\n \"b\": }", 2, "invalid JSON: " },
		{ "{\"a\": 1}\n\n{\"b\": 2}", 3, "invalid JSON: " },
		{ "[1, 2,\n3,\n4, x]", 3, "invalid JSON: " },
		{ "{\"a\": tru}", 1, "invalid JSON: " },
		{ "{\"a\": \"x\n\"}", 1, "invalid JSON: " },
		{ "{'a': 1}", 1, "invalid JSON: " },
		{ "[01]", 1, "invalid JSON: " },
		{ "{\"a\" 1}", 1, "invalid JSON: " },
	};

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		struct json *out = (struct json *)(uintptr_t)1;
		struct diag d;

		memset(&d, 0, sizeof(d));
		if (json_parse(T_ARENA(state), rows[i].text,
		    strlen(rows[i].text), 1, true, &out, &d) != SEL_EINVAL)
			fail_msg("row %zu parsed: %s", i, rows[i].text);
		assert_ptr_equal(out, (struct json *)(uintptr_t)1);
		if (d.line != rows[i].line)
			fail_msg("row %zu: line %u, want %u (%s)", i, d.line,
			    rows[i].line, d.msg);
		t_contains(str_c(d.msg), rows[i].msg);
		assert_null(strchr(d.msg, '\n'));	/* one line */
	}
}

/*
 * A document cut short fails in yajl_complete_parse, after which yajl's
 * byte count no longer says where: the fault is at the end of the text,
 * not at the last value seen.
 */
static void
test_truncated_document_line(void **state)
{
	static const char text[] = "{\"posts\": [\n  {\"start\": 1},\n\n";
	struct json *out;
	struct diag d;

	memset(&d, 0, sizeof(d));
	assert_int_equal(json_parse(T_ARENA(state), text, strlen(text), 1,
	    true, &out, &d), SEL_EINVAL);
	t_contains(str_c(d.msg), "invalid JSON: ");
	assert_int_equal(d.line, 4);
}

static void
test_depth_limit(void **state)
{
	char deep[2 * (JSON_MAX_DEPTH + 1) + 1], ok[2 * JSON_MAX_DEPTH + 1];
	struct json *out;
	struct diag d;

	memset(deep, '[', JSON_MAX_DEPTH + 1);
	memset(deep + JSON_MAX_DEPTH + 1, ']', JSON_MAX_DEPTH + 1);
	deep[sizeof(deep) - 1] = '\0';
	memset(ok, '[', JSON_MAX_DEPTH);
	memset(ok + JSON_MAX_DEPTH, ']', JSON_MAX_DEPTH);
	ok[sizeof(ok) - 1] = '\0';
	assert_int_equal(json_parse(T_ARENA(state), ok, strlen(ok), 1, true,
	    &out, &d), SEL_OK);
	assert_int_equal(json_parse(T_ARENA(state), deep, strlen(deep), 1,
	    true, &out, &d), SEL_EINVAL);
	t_contains(str_c(d.msg), "nested deeper than 64 levels");
}

/* Typed readers: "PATH: reason" and the node's line. */
static void
test_typed_readers(void **state)
{
	struct json *root = t_json(T_ARENA(state),
	    "{\"name\": \"Budi\",\n"
	    " \"year\": 2021,\n"
	    " \"big\": 3000,\n"
	    " \"frac\": 2021.5,\n"
	    " \"flag\": \"yes\",\n"
	    " \"nul\": null,\n"
	    " \"posts\": [{\"end\": 5}],\n"
	    " \"obj\": {},\n"
	    " \"w\": 20.001, \"w2\": 100.01, \"w3\": 99.99}");
	const struct json *posts = json_get(root, "posts"), *arr, *o;
	struct diag d;
	struct str s = STR_NULL;
	int64_t v = -1;
	bool b = false, present = true;
	int e = -1;
	static const char *const words[] = { "pns", "cpns", "pppk", NULL };

	assert_int_equal(json_str_member(&d, root, "name", true, &s,
	    &present), SEL_OK);
	assert_true(present);
	t_str_equal(s, "Budi");
	/* Absent optional: not present, output untouched. */
	assert_int_equal(json_str_member(&d, root, "alias", false, &s,
	    &present), SEL_OK);
	assert_false(present);
	t_str_equal(s, "Budi");
	assert_int_equal(json_str_member(&d, root, "nul", false, &s,
	    &present), SEL_OK);
	assert_false(present);
	/* Required and absent, required and null. */
	assert_int_equal(json_str_member(&d, root, "nip", true, &s, NULL),
	    SEL_EINVAL);
	assert_string_equal(d.msg, "nip: required field is missing");
	assert_int_equal(json_str_member(&d, root, "nul", true, &s, NULL),
	    SEL_EINVAL);
	assert_string_equal(d.msg, "nul: required field is null");
	assert_int_equal(json_str_member(&d, posts->head, "title", true, &s,
	    NULL), SEL_EINVAL);
	assert_string_equal(d.msg, "posts[0].title: required field is "
	    "missing");
	assert_int_equal(d.line, 7);
	/* Wrong types. */
	assert_int_equal(json_str_member(&d, posts->head, "end", true, &s,
	    NULL), SEL_EINVAL);
	assert_string_equal(d.msg, "posts[0].end: expected a string, got a "
	    "number");
	assert_int_equal(d.line, 7);
	assert_int_equal(json_bool_member(&d, root, "flag", false, &b,
	    NULL), SEL_EINVAL);
	assert_string_equal(d.msg, "flag: expected a boolean, got a string");
	assert_int_equal(d.line, 5);
	assert_int_equal(json_arr_member(&d, root, "obj", true, &arr),
	    SEL_EINVAL);
	assert_string_equal(d.msg, "obj: expected an array, got an object");
	assert_int_equal(json_obj_member(&d, root, "posts", true, &o),
	    SEL_EINVAL);
	assert_string_equal(d.msg, "posts: expected an object, got an "
	    "array");
	/* Whole numbers in a range. */
	assert_int_equal(json_int_member(&d, root, "year", true, 1900, 2199,
	    &v, NULL), SEL_OK);
	assert_int_equal(v, 2021);
	assert_int_equal(json_int_member(&d, root, "big", true, 1900, 2199,
	    &v, NULL), SEL_EINVAL);
	assert_string_equal(d.msg, "big: expected a whole number from 1900 "
	    "to 2199, got 3000");
	assert_int_equal(d.line, 3);
	assert_int_equal(json_int_member(&d, root, "frac", true, 1900, 2199,
	    &v, NULL), SEL_EINVAL);
	assert_int_equal(v, 2021);
	/* Fixed point. */
	assert_int_equal(json_fixed2(&d, json_get(root, "w3"), 0, 10000, &v),
	    SEL_OK);
	assert_int_equal(v, 9999);
	assert_int_equal(json_fixed2(&d, json_get(root, "w"), 0, 10000, &v),
	    SEL_EINVAL);
	assert_string_equal(d.msg, "w: expected a number with at most 2 "
	    "decimals, got 20.001");
	assert_int_equal(json_fixed2(&d, json_get(root, "w2"), 0, 10000, &v),
	    SEL_EINVAL);
	assert_string_equal(d.msg, "w2: 100.01 is outside 0..100");
	assert_int_equal(json_fixed2(&d, json_get(root, "name"), 0, 10000,
	    &v), SEL_EINVAL);
	assert_string_equal(d.msg, "name: expected a number, got a string");
	assert_int_equal(v, 9999);
	/* Words. */
	assert_int_equal(json_enum(&d, json_get(root, "name"), words, &e),
	    SEL_EINVAL);
	assert_string_equal(d.msg, "name: unknown value \"Budi\" (expected "
	    "one of: pns, cpns, pppk)");
	assert_int_equal(json_enum(&d, json_get(root, "year"), words, &e),
	    SEL_EINVAL);
	assert_string_equal(d.msg, "year: expected a string, got a number");
	assert_int_equal(e, -1);
	/* json_fail_key on the root, json_fail on the root. */
	json_fail_key(&d, root, "agency", "required field is %s", "missing");
	assert_string_equal(d.msg, "agency: required field is missing");
	json_fail(&d, root, "a candidate is a JSON object");
	assert_string_equal(d.msg, "(root): a candidate is a JSON object");
	json_fail_key(&d, NULL, "weights", "x");
	assert_string_equal(d.msg, "weights: x");
	assert_int_equal(d.line, 0);
}

static void
test_writer(void **state)
{
	struct buf b;
	struct json_w w;

	(void)state;
	buf_init(&b, 4096);
	jw_init(&w, &b);
	jw_obj(&w);
	jw_key(&w, "verdict");
	jw_strc(&w, "eligible");
	jw_key(&w, "rules");
	jw_arr(&w);
	jw_obj(&w);
	jw_key(&w, "final");
	jw_fixed2(&w, 7845);
	jw_key(&w, "rank");
	jw_int(&w, 1);
	jw_key(&w, "tie");
	jw_bool(&w, false);
	jw_key(&w, "reason");
	jw_null(&w);
	jw_obj_end(&w);
	jw_obj(&w);
	jw_obj_end(&w);
	jw_arr_end(&w);
	jw_key(&w, "esc");
	jw_str(&w, (struct str){ "a\"b\\c\nd\te\r\x01" "f\x1f", 13 });
	jw_key(&w, "empty");
	jw_arr(&w);
	jw_arr_end(&w);
	jw_key(&w, "neg");
	jw_int(&w, -5);
	jw_obj_end(&w);
	assert_int_equal(b.err, SEL_OK);
	assert_string_equal(b.p, "{\"verdict\":\"eligible\",\"rules\":[{"
	    "\"final\":78.45,\"rank\":1,\"tie\":false,\"reason\":null},{}],"
	    "\"esc\":\"a\\\"b\\\\c\\nd\\te\\r\\u0001f\\u001f\","
	    "\"empty\":[],\"neg\":-5}");
	/* What the writer writes, the parser reads back. */
	assert_non_null(t_json(T_ARENA(state), b.p));
	buf_release(&b);
}

/* UTF-8 passes through the parser and the escaper unchanged. */
static void
test_utf8(void **state)
{
	struct json *root = t_json(T_ARENA(state),
	    "{\"t\": \"Pemerintah \\u00e9 — Kabupaten\"}");
	struct buf b;

	t_str_equal(json_get(root, "t")->s, "Pemerintah \xc3\xa9 "
	    "\xe2\x80\x94 Kabupaten");
	buf_init(&b, 100);
	json_escape(&b, json_get(root, "t")->s);
	t_str_equal(buf_str(&b), "Pemerintah \xc3\xa9 \xe2\x80\x94 Kabupaten");
	buf_release(&b);
}

/* A UTF-8 byte-order mark before the document is skipped. */
static void
test_byte_order_mark(void **state)
{
	static const char text[] = "\xEF\xBB\xBF{\"a\": \"b\"}";
	struct json *out = NULL;
	struct diag d;

	assert_int_equal(json_parse(T_ARENA(state), text, strlen(text), 1,
	    true, &out, &d), SEL_OK);
	assert_int_equal(out->type, JSON_OBJECT);
	t_str_equal(json_get(out, "a")->s, "b");
}

/* str_json_plain against the byte-by-byte rule, at every offset. */
static void
test_json_plain(void **state)
{
	char s[80];
	uint64_t seed = 7;

	(void)state;
	for (int round = 0; round < 4000; round++) {
		size_t n = (size_t)(t_rand(&seed) % sizeof(s));
		bool ascii = round % 2 == 0;
		size_t want = 0;

		for (size_t i = 0; i < n; i++) {
			uint64_t r = t_rand(&seed);

			/* Mostly plain text, sometimes a byte to stop at. */
			s[i] = (char)(r % 8 != 0 ? 'a' + (int)(r >> 8) % 26 :
			    (int)(r >> 16) % 256);
		}
		while (want < n) {
			unsigned char c = (unsigned char)s[want];

			if (c < 0x20 || c == '"' || c == '\\' ||
			    (ascii && c >= 0x80))
				break;
			want++;
		}
		assert_int_equal(str_json_plain(s, n, ascii), want);
	}
}

/* A reference escaper, one byte at a time, as the writer always did. */
static void
escape_bytewise(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"')
			buf_puts(b, "\\\"");
		else if (c == '\\')
			buf_puts(b, "\\\\");
		else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == '\r')
			buf_puts(b, "\\r");
		else if (c == '\t')
			buf_puts(b, "\\t");
		else if (c < 0x20)
			buf_printf(b, "\\u%04x", c);
		else
			buf_putc(b, (char)c);
	}
}

/* json_escape, eight bytes at a time, writes what the bytewise rule does. */
static void
test_escape_bytewise(void **state)
{
	char s[100], *p, *end;
	uint64_t seed = 11;
	struct buf x, y;

	(void)state;
	buf_init(&x, 4096);
	buf_init(&y, 4096);
	for (int round = 0; round < 4000; round++) {
		size_t n = (size_t)(t_rand(&seed) % sizeof(s));

		for (size_t i = 0; i < n; i++) {
			uint64_t r = t_rand(&seed);

			s[i] = (char)(r % 6 != 0 ? 'a' + (int)(r >> 8) % 26 :
			    (int)(r >> 16) % 256);
		}
		buf_reset(&x);
		buf_reset(&y);
		json_escape(&x, (struct str){ s, n });
		escape_bytewise(&y, s, n);
		assert_int_equal(x.len, y.len);
		assert_memory_equal(x.p, y.p, x.len);
		/* The same bytes written straight into reserved room. */
		buf_reset(&y);
		p = buf_reserve(&y, JSON_ESCAPED_MAX(n));
		assert_non_null(p);
		end = json_escape_raw(p, (struct str){ s, n });
		buf_commit(&y, (size_t)(end - p));
		assert_int_equal(x.len, y.len);
		assert_memory_equal(x.p, y.p, x.len);
	}
	buf_release(&x);
	buf_release(&y);
}

/* sbuf: arena_printf's text without a format, cut and NUL rules alike. */
static void
test_sbuf(void **state)
{
	struct arena *a = T_ARENA(state);
	static const long long nums[] = { 0, 7, -7, 10, 99, 100, 2023,
	    -2147483648LL, 9223372036854775807LL, INT64_MIN };
	struct sbuf b;
	struct str s;
	char want[64];

	for (size_t i = 0; i < ARRAY_LEN(nums); i++) {
		sb_init(&b, SBUF_MAX);
		sb_int(&b, nums[i]);
		snprintf(want, sizeof(want), "%lld", nums[i]);
		t_str_equal(sb_keep(&b, a), want);
	}
	sb_init(&b, SBUF_MAX);
	sb_lit(&b, "Usia ");
	sb_int(&b, 56);
	sb_cstr(&b, " tahun");
	sb_str(&b, STR(" (a\0b)"));
	sb_str(&b, STR_NULL);
	s = sb_keep(&b, a);
	t_str_equal(s, "Usia 56 tahun (a");
	assert_int_equal(s.p[s.len], '\0');
	/* Cut at the cap, as arena_printf cuts at 1023 bytes. */
	sb_init(&b, 10);
	sb_lit(&b, "0123456");
	sb_int(&b, 789012);
	sb_lit(&b, "x");
	t_str_equal(sb_keep(&b, a), "0123456789");
	sb_init(&b, 100000);
	for (int i = 0; i < 300; i++)
		sb_lit(&b, "abcd");
	assert_int_equal(b.len, SBUF_MAX);
}

/* buf_reserve: room within the cap, then the bytes committed; past the
 * cap, NULL and the sticky error of any other append. */
static void
test_buf_reserve(void **state)
{
	struct buf b;
	char *p;

	(void)state;
	buf_init(&b, 10);
	buf_puts(&b, "ab");
	p = buf_reserve(&b, 8);
	assert_non_null(p);
	memcpy(p, "cdef", 4);
	buf_commit(&b, 4);
	assert_string_equal(b.p, "abcdef");
	assert_int_equal(b.len, 6);
	assert_null(buf_reserve(&b, 5));
	assert_int_equal(b.err, SEL_ENOMEM);
	buf_puts(&b, "g");
	assert_string_equal(b.p, "abcdef");
	buf_release(&b);
}

/* str_caseeq against the rule it keeps (ASCII letters only), on every
 * pair of bytes; str_trim on the four kinds of space and no other. */
static void
test_caseeq_every_byte(void **state)
{
	(void)state;
	for (int x = 0; x < 256; x++)
		for (int y = 0; y < 256; y++) {
			char a[2] = { 'k', (char)x }, b[2] = { 'K', (char)y };
			int lx = x >= 'A' && x <= 'Z' ? x + 32 : x;
			int ly = y >= 'A' && y <= 'Z' ? y + 32 : y;

			assert_int_equal(str_caseeq((struct str){ a, 2 },
			    (struct str){ b, 2 }), lx == ly);
		}
	for (int c = 0; c < 256; c++) {
		char t[3] = { (char)c, 'x', (char)c };
		struct str r = str_trim((struct str){ t, 3 });
		bool sp = c == ' ' || c == '\t' || c == '\r' || c == '\n';

		assert_int_equal(r.len, sp ? 1 : 3);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T_TEST(test_byte_order_mark),
		T_TEST(test_parse_fixed),
		T_TEST(test_parse_i64),
		T_TEST(test_str),
		T_TEST(test_str_appendf),
		T_TEST(test_buf_cap_and_sticky_error),
		T_TEST(test_buf_fixed2),
		T_TEST(test_arena),
		T_TEST(test_err),
		T_TEST(test_tree),
		T_TEST(test_lines),
		T_TEST(test_path_rendering),
		T_TEST(test_parse_errors),
		T_TEST(test_truncated_document_line),
		T_TEST(test_depth_limit),
		T_TEST(test_typed_readers),
		T_TEST(test_writer),
		T_TEST(test_utf8),
		T_TEST(test_json_plain),
		T_TEST(test_escape_bytewise),
		T_TEST(test_sbuf),
		T_TEST(test_buf_reserve),
		T_TEST(test_caseeq_every_byte),
	};

	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
