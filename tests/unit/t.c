/*
 * t.c - shared helpers of the unit tests (see t.h).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "core/holiday.h"
#include "core/profile.h"
#include "core/record.h"
#include "t.h"
#include "base/banned.h"

#ifndef SELTER_DATADIR
#define SELTER_DATADIR "."
#endif

int
t_setup(void **state)
{
	*state = arena_new(1 << 16);
	return 0;
}

void
t_fail_at(const char *file, int line, const char *what)
{
	print_error("%s\n", what);
	_fail(file, line);
	abort();	/* _fail longjmps out of the test: not reached */
}

int
t_teardown(void **state)
{
	arena_destroy(*state);
	*state = NULL;
	return 0;
}

uint64_t
t_rand(uint64_t *x)
{
	uint64_t z = (*x += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

const char *
t_data_dir(void)
{
	const char *d = getenv("SELTER_DATA");

	return d != NULL && d[0] != '\0' ? d : SELTER_DATADIR;
}

static char *
path_of(struct arena *a, const char *rel)
{
	struct buf b;
	char *s;

	buf_init(&b, 4096);
	buf_printf(&b, "%s/%s", t_data_dir(), rel);
	assert_int_equal(b.err, SEL_OK);
	s = arena_strndup(a, b.p, b.len);
	buf_release(&b);
	return s;
}

char *
t_read(struct arena *a, const char *rel, size_t *len)
{
	char *path = path_of(a, rel), *text = NULL;
	FILE *f = fopen(path, "rb");
	size_t cap = 0, n = 0;

	if (f == NULL)
		return NULL;
	for (;;) {
		size_t got;

		if (n + 4096 + 1 > cap) {
			size_t ncap = cap == 0 ? 65536 : cap * 2;

			text = arena_grow(a, text, n, ncap, 1);
			cap = ncap;
		}
		got = fread(text + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0)
			break;
	}
	fclose(f);
	text[n] = '\0';
	*len = n;
	return text;
}

static int
cmp_names(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

char **
t_list(struct arena *a, const char *rel, const char *suffix, size_t *n)
{
	DIR *dir = opendir(path_of(a, rel));
	struct dirent *de;
	char **names = NULL;
	size_t cap = 0, sl = strlen(suffix);

	*n = 0;
	if (dir == NULL)
		return NULL;
	while ((de = readdir(dir)) != NULL) {
		size_t l = strlen(de->d_name);

		if (l <= sl || strcmp(de->d_name + l - sl, suffix) != 0 ||
		    de->d_name[0] == '.')
			continue;
		if (*n == cap) {
			size_t ncap = cap == 0 ? 16 : cap * 2;

			names = arena_grow(a, names, *n, ncap, sizeof(*names));
			cap = ncap;
		}
		names[(*n)++] = arena_strndup(a, de->d_name, l);
	}
	closedir(dir);
	if (*n > 1)
		qsort(names, *n, sizeof(*names), cmp_names);
	return names;
}

sel_date
t_date(const char *iso)
{
	sel_date d = 0;

	if (date_parse(str_c(iso), &d) != SEL_OK)
		fail_msg("t_date: \"%s\" is not a date", iso);
	return d;
}

char *
t_cstr(struct arena *a, struct str s)
{
	return arena_strndup(a, s.p != NULL ? s.p : "", s.len);
}

const char *
t_date_id(struct arena *a, const char *iso)
{
	struct buf b;
	char *s;

	buf_init(&b, 64);
	date_id(&b, t_date(iso));
	s = arena_strndup(a, b.p, b.len);
	buf_release(&b);
	return s;
}

struct json *
t_json(struct arena *a, const char *text)
{
	struct json *root = NULL;
	struct diag d;

	if (json_parse(a, text, strlen(text), 1, true, &root, &d) != SEL_OK)
		fail_msg("t_json: line %u: %s\n%s", d.line, d.msg, text);
	return root;
}

struct profile *
t_profile_text(struct arena *a, const char *text)
{
	struct profile *p = NULL;
	struct diag d;

	if (profile_parse(a, "test-profile", text, strlen(text), &p, &d) !=
	    SEL_OK)
		fail_msg("t_profile_text: line %u: %s", d.line, d.msg);
	return p;
}

struct profile *
t_profile(struct arena *a, const char *id)
{
	struct profile *p = NULL;
	struct diag d;
	struct buf b;
	char *text;
	size_t len = 0;

	buf_init(&b, 512);
	buf_printf(&b, "profiles/%s.json", id);
	text = t_read(a, b.p, &len);
	if (text == NULL) {
		print_error("cannot read %s/%s\n", t_data_dir(), b.p);
		buf_release(&b);
		fail();
	}
	if (profile_parse(a, b.p, text, len, &p, &d) != SEL_OK) {
		print_error("%s:%u: %s\n", b.p, d.line, d.msg);
		buf_release(&b);
		fail();
	}
	buf_release(&b);
	return p;
}

struct cal *
t_cal(struct arena *a, int lo, int hi)
{
	struct cal *c = cal_new(a);

	for (int y = lo; y <= hi; y++) {
		char rel[64];
		char *text;
		size_t len = 0;
		struct diag d;

		snprintf(rel, sizeof(rel), "data/holidays/%d.txt", y);
		text = t_read(a, rel, &len);
		if (text == NULL)
			fail_msg("cannot read %s/%s", t_data_dir(), rel);
		if (cal_load(c, text, len, CAL_STRICT, &d) != SEL_OK)
			fail_msg("%s:%u: %s", rel, d.line, d.msg);
	}
	return c;
}

static const struct t_kv *
lookup(const struct t_kv *kv, const char *key)
{
	for (; kv != NULL && kv->key != NULL; kv++)
		if (strcmp(kv->key, key) == 0)
			return kv;
	return NULL;
}

const char *
t_object(struct arena *a, const struct t_kv *def, const struct t_kv *over)
{
	struct buf b;
	bool first = true;
	char *s;

	buf_init(&b, 1 << 20);
	buf_putc(&b, '{');
	for (const struct t_kv *kv = def; kv->key != NULL; kv++) {
		const struct t_kv *o = lookup(over, kv->key);
		const char *v = o != NULL ? o->json : kv->json;

		if (v == NULL)
			continue;
		buf_printf(&b, "%s\n\"%s\": %s", first ? "" : ",", kv->key, v);
		first = false;
	}
	for (const struct t_kv *kv = over; kv != NULL && kv->key != NULL;
	    kv++) {
		if (lookup(def, kv->key) != NULL || kv->json == NULL)
			continue;
		buf_printf(&b, "%s\n\"%s\": %s", first ? "" : ",", kv->key,
		    kv->json);
		first = false;
	}
	buf_puts(&b, "\n}");
	assert_int_equal(b.err, SEL_OK);
	s = arena_strndup(a, b.p, b.len);
	buf_release(&b);
	return s;
}

static const struct t_kv cand_def[] = {
	{ "nip", "" },		/* made from birth_date */
	{ "name", "\"Budi Santoso\"" },
	{ "birth_date", "\"1975-05-12\"" },
	{ "employment", "\"pns\"" },
	{ "agency", "{\"name\": \"Pemerintah Kabupaten Demak\", "
	    "\"kind\": \"regency\", \"province\": \"Jawa Tengah\"}" },
	{ "grade", "\"IV/a\"" },
	{ "education", "[{\"level\": \"S2\", "
	    "\"major\": \"Kesehatan Masyarakat\"}]" },
	{ "certificates", "[]" },
	{ "posts", "[\n"
	    " {\"title\": \"Kepala Bidang Pelayanan Kesehatan\", "
	    "\"kind\": \"structural\", \"echelon\": \"III.b\",\n"
	    "  \"fields\": [\"kesehatan\"], \"start\": \"2014-01-02\", "
	    "\"end\": \"2017-03-01\"},\n"
	    " {\"title\": \"Sekretaris Dinas Kesehatan\", "
	    "\"kind\": \"structural\", \"echelon\": \"III.a\",\n"
	    "  \"fields\": [\"kesehatan\"], \"start\": \"2017-03-01\", "
	    "\"end\": null}]" },
	{ "training", "[\"pim_iii\"]" },
	{ "penalties", "[{\"kind\": \"discipline\", \"level\": \"light\", "
	    "\"decided\": \"2019-06-01\"}]" },
	{ "under_examination", "false" },
	{ "performance", "[{\"year\": 2021, \"rating\": \"baik\"}, "
	    "{\"year\": 2022, \"rating\": \"sangat_baik\"}]" },
	{ "recommendation", "{\"by\": \"pyb\", \"ppk_approved\": true}" },
	{ "invited", "false" },
	{ NULL, NULL },
};

const char *
t_candidate_json(struct arena *a, const struct t_kv *over)
{
	struct t_kv def[ARRAY_LEN(cand_def)];
	const struct t_kv *bd = lookup(over, "birth_date");
	const char *birth = bd != NULL && bd->json != NULL ? bd->json :
	    cand_def[2].json;
	char nip[32];
	size_t k = 0;

	/* "\"1975-05-12\"" -> "\"197505122000031002\"" */
	nip[k++] = '"';
	for (const char *p = birth; *p != '\0' && k < 9; p++)
		if (*p >= '0' && *p <= '9')
			nip[k++] = *p;
	while (k < 9)
		nip[k++] = '0';
	memcpy(nip + k, "2000031002\"", 12);
	memcpy(def, cand_def, sizeof(def));
	def[0].json = arena_strndup(a, nip, strlen(nip));
	return t_object(a, def, over);
}

static const struct t_kv vac_def[] = {
	{ "title", "\"Kepala Dinas Kesehatan\"" },
	{ "level", "\"jpt_pratama\"" },
	{ "echelon", "\"II.b\"" },
	{ "kind", "\"agency_head\"" },
	{ "fields", "[\"kesehatan\"]" },
	{ "agency", "{\"name\": \"Pemerintah Kabupaten Demak\", "
	    "\"kind\": \"regency\", \"province\": \"Jawa Tengah\"}" },
	{ NULL, NULL },
};

const char *
t_vacancy_json(struct arena *a, const struct t_kv *over)
{
	return t_object(a, vac_def, over);
}

struct candidate *
t_candidate(struct arena *a, const struct t_kv *over)
{
	struct candidate *c = arena_alloc(a, sizeof(*c));
	const char *text = t_candidate_json(a, over);
	struct diag d;

	if (candidate_decode(a, t_json(a, text), c, &d) != SEL_OK)
		fail_msg("candidate: line %u: %s\n%s", d.line, d.msg, text);
	return c;
}

struct vacancy *
t_vacancy(struct arena *a, const struct profile *p, const struct t_kv *over)
{
	struct vacancy *v = arena_alloc(a, sizeof(*v));
	const char *text = t_vacancy_json(a, over);
	struct diag d;

	if (vacancy_decode(a, t_json(a, text), p, v, &d) != SEL_OK)
		fail_msg("vacancy: line %u: %s\n%s", d.line, d.msg, text);
	return v;
}

const struct rule_result *
t_find(const struct rule_result *r, size_t n, enum rule_id id)
{
	for (size_t i = 0; i < n; i++)
		if (r[i].id == id)
			return &r[i];
	return NULL;
}

void
t_status_at(const struct rule_result *r, enum rule_status want,
    const char *ctx, const char *file, int line)
{
	if (r == NULL) {
		print_error("%s: the rule is not in the result (want %s)\n",
		    ctx, rule_status_name(want));
		_fail(file, line);
		return;
	}
	if (r->status != want) {
		print_error("%s: %s is %s, want %s; detail: %.*s\n", ctx,
		    rule_name(r->id), rule_status_name(r->status),
		    rule_status_name(want), (int)r->detail.len, r->detail.p);
		_fail(file, line);
	}
}

void
t_contains_at(struct str s, const char *needle, const char *file, int line)
{
	size_t n = strlen(needle);

	for (size_t i = 0; s.p != NULL && i + n <= s.len; i++)
		if (memcmp(s.p + i, needle, n) == 0)
			return;
	print_error("\"%.*s\" does not contain \"%s\"\n", (int)s.len,
	    s.p != NULL ? s.p : "", needle);
	_fail(file, line);
}

void
t_not_contains_at(struct str s, const char *needle, const char *file,
    int line)
{
	size_t n = strlen(needle);

	for (size_t i = 0; s.p != NULL && i + n <= s.len; i++)
		if (memcmp(s.p + i, needle, n) == 0) {
			print_error("\"%.*s\" contains \"%s\"\n", (int)s.len,
			    s.p, needle);
			_fail(file, line);
			return;
		}
}

void
t_str_equal_at(struct str s, const char *want, const char *file, int line)
{
	if (!str_eqc(s, want)) {
		print_error("\"%.*s\" != \"%s\"\n", (int)s.len,
		    s.p != NULL ? s.p : "", want);
		_fail(file, line);
	}
}
