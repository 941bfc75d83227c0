/*
 * test_elig_out.c - cli: the batch result line (elig_lines_put) is byte
 * for byte the general writer's (elig_json and a newline).
 *
 * Every profile, every fixture post it covers, two pairs of dates (one
 * after the Covid procedures' end, so that the warning is written), the
 * benchmark's generated records ($SELTER_GEN) and the candidate fixtures;
 * then results made by hand with what a real one rarely has: a detail and
 * a NIP to escape, a citation that is not the plan's, a checklist detail
 * of the candidate's own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/elig.h"
#include "core/profile.h"
#include "core/record.h"
#include "t.h"
#include "base/banned.h"

/* Both writers on one result; fails on the first difference. */
static void
same_line(struct arena *a, const struct elig_plan *plan, struct str warning,
    const struct elig_out *o, struct str nip)
{
	const struct elig_lines *l = elig_lines_new(a, plan, warning);
	struct json_w w;
	struct buf x, y;

	buf_init(&x, 1u << 20);
	buf_init(&y, 1u << 20);
	/* Something before, as in a batch buffer. */
	buf_puts(&x, "{}\n");
	buf_puts(&y, "{}\n");
	jw_init(&w, &x);
	elig_json(&w, plan->p, warning, o, &nip);
	buf_putc(&x, '\n');
	elig_lines_put(&y, l, o, nip);
	assert_int_equal(y.err, SEL_OK);
	if (x.len != y.len || memcmp(x.p, y.p, x.len) != 0)
		fail_msg("lines differ:\n%s\n%s", x.p, y.p);
	buf_release(&x);
	buf_release(&y);
}

/* tests/fixtures/profiles/teladan-2025.json */
static const struct profile *
sixth(struct arena *a)
{
	static const char file[] = "tests/fixtures/profiles/teladan-2025.json";
	struct profile *p = NULL;
	struct diag d;
	size_t len = 0;
	char *text = t_read(a, file, &len);

	assert_non_null(text);
	if (profile_parse(a, file, text, len, &p, &d) != SEL_OK)
		fail_msg("%s:%u: %s", file, d.line, d.msg);
	return p;
}

struct setup {
	const struct profile	*p;
	struct elig_plan	 plan;
	sel_date		 as_of, appt;
	struct str		 warning;
};

/* The (profile, post, dates) settings the fixtures allow. */
static size_t
setups(struct arena *a, struct setup *out, size_t max)
{
	static const char *const posts[] = { "tests/fixtures/cli/post.json",
	    "tests/fixtures/cli/post-camat.json",
	    "tests/fixtures/cli/post-admin.json", "demo/post.json",
	    "bench/post.json" };
	static const char *const dates[][2] = {
	    { "2023-03-15", "2023-06-01" }, { "2023-08-01", "2023-08-01" } };
	size_t np, n = 0;
	char **ids = t_list(a, "profiles", ".json", &np);

	/* The shipped profiles and the second worked example's (a
	 * mandatory ELIG-TRAINING, several items of a checklist rule). */
	for (size_t i = 0; i <= np; i++) {
		if (i < np)
			ids[i][strlen(ids[i]) - 5] = '\0';
		for (size_t k = 0; k < ARRAY_LEN(posts); k++) {
			const struct profile *p = i < np ? t_profile(a, ids[i]) :
			    sixth(a);
			struct vacancy *v = arena_alloc(a, sizeof(*v));
			struct json *root;
			struct diag d;
			size_t len;
			char *text = t_read(a, posts[k], &len);

			assert_non_null(text);
			if (json_parse(a, text, len, 1, true, &root, &d) ||
			    vacancy_decode(a, root, p, v, &d))
				continue;	/* a level the profile lacks */
			for (size_t j = 0; j < ARRAY_LEN(dates); j++) {
				struct setup *s = &out[n++];

				assert_true(n <= max);
				s->p = p;
				elig_plan_init(&s->plan, p, v);
				s->as_of = t_date(dates[j][0]);
				s->appt = t_date(dates[j][1]);
				s->warning = profile_emergency_warning(a, p,
				    s->as_of, "batas akhir pendaftaran");
			}
		}
	}
	return n;
}

/* Every setup on every record the generator and the fixtures give. */
static void
test_same_as_general_writer(void **state)
{
	struct arena *a = T_ARENA(state), *one = arena_new(1 << 16);
	struct setup s[96];
	size_t ns = setups(a, s, ARRAY_LEN(s)), lines = 0, warned = 0;
	const char *gen = getenv("SELTER_GEN");
	char *line = NULL, cmd[4096];
	size_t cap = 0;
	ssize_t got;
	FILE *f;

	if (gen == NULL || gen[0] == '\0')
		fail_msg("SELTER_GEN (bench/gen_candidates) is not set");
	snprintf(cmd, sizeof(cmd), "'%s' 200 20230315; cat '%s/demo/"
	    "candidates.jsonl' '%s/tests/fixtures/cli/demo.jsonl'", gen,
	    t_data_dir(), t_data_dir());
	f = popen(cmd, "r");
	assert_non_null(f);
	while ((got = getline(&line, &cap, f)) > 0) {
		size_t len = (size_t)got - (line[got - 1] == '\n');
		struct candidate c;
		struct json *root;
		struct diag d;

		arena_reset(one);
		if (json_parse(one, line, len, 1, false, &root, &d) ||
		    candidate_decode(one, root, &c, &d))
			continue;
		for (size_t i = 0; i < ns; i++) {
			struct elig_out o;

			elig_eval_plan(one, &s[i].plan, &c, s[i].as_of,
			    s[i].appt, &o);
			same_line(one, &s[i].plan, s[i].warning, &o, c.nip);
			lines++;
			warned += s[i].warning.len > 0;
		}
	}
	free(line);
	assert_int_equal(pclose(f), 0);
	arena_destroy(one);
	assert_true(ns >= 10 && lines > 4000 && warned > 0);
}

/* What generated records do not have: escapes, foreign citations. */
static void
test_rare_pieces(void **state)
{
	struct arena *a = T_ARENA(state);
	struct setup s[96];
	size_t ns = setups(a, s, ARRAY_LEN(s));
	struct candidate *c = t_candidate(a, KV({ "penalties",
	    "[{\"kind\": \"criminal\", \"decided\": \"2020-01-02\"}]" }));

	for (size_t i = 0; i < ns; i++) {
		struct elig_out o;

		elig_eval_plan(a, &s[i].plan, c, s[i].as_of, s[i].appt, &o);
		same_line(a, &s[i].plan, s[i].warning, &o, c->nip);
		/* A NIP and details that need escaping. */
		for (size_t k = 0; k < o.nrules; k++)
			o.rules[k].detail = STR("tanda \"kutip\", \\ garis "
			    "miring,\n baris, \t tab, \x01 \x1f \x7f \xc3\xa9");
		for (size_t k = 0; k < o.nchecklist; k++)
			o.checklist[k].detail = STR("\"");
		for (size_t k = 0; k < o.nadvisories; k++)
			o.advisories[k].detail = STR("");
		same_line(a, &s[i].plan, s[i].warning, &o, STR("19\"75\n"));
		/* Citations that are not the plan's, though equal to it. */
		for (size_t k = 0; k < o.nrules; k++) {
			struct str cp = o.rules[k].citation;

			o.rules[k].citation = (struct str){ arena_strndup(a,
			    cp.p, cp.len), cp.len };
		}
		for (size_t k = 0; k < o.nchecklist; k++)
			o.checklist[k].citation = STR("Pasal \"1\"");
		for (size_t k = 0; k < o.nadvisories; k++)
			o.advisories[k].citation = STR("");
		same_line(a, &s[i].plan, s[i].warning, &o, STR(""));
	}
	assert_true(ns >= 10);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T_TEST(test_same_as_general_writer),
		T_TEST(test_rare_pieces),
	};

	return cmocka_run_group_tests_name("elig_out", tests, NULL, NULL);
}
