/*
 * t.h - shared helpers of the cmocka unit tests (tests/unit/).
 *
 * Every test gets a fresh arena in *state from t_setup and loses it in
 * t_teardown, so a failing assertion (which longjmps out of the test)
 * still frees everything and LeakSanitizer stays quiet.  Test names come
 * from the CMUnitTest .name field: RULE_TEST puts the rule id of
 * REGULATIONS.md in front of the function name, which is how a reader (and
 * tools/lint) finds the tests of a rule.
 *
 * Data files (profiles/, data/holidays/) are read from $SELTER_DATA, else
 * from SELTER_DATADIR, the source tree the build names.
 */
#ifndef SELTER_TESTS_UNIT_T_H
#define SELTER_TESTS_UNIT_T_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/ckd.h"
#include "base/err.h"
#include "base/json.h"
#include "base/str.h"
#include "core/date.h"
#include "core/rule.h"

struct cal;
struct candidate;
struct profile;
struct vacancy;

int	t_setup(void **state);
/*
 * Fails the running test with what, and never returns: cmocka's fail()
 * is not declared noreturn, so the compiler (at -O3) would see the path
 * after it go on with a NULL a helper returned.
 */
_Noreturn void	t_fail_at(const char *file, int line, const char *what);
#define t_fail(what)	t_fail_at(__FILE__, __LINE__, (what))
int	t_teardown(void **state);

#define RULE_TEST(id, fn)	{ id ": " #fn, fn, t_setup, t_teardown, NULL }
#define T_TEST(fn)		{ #fn, fn, t_setup, t_teardown, NULL }
#define T_ARENA(state)		((struct arena *)*(state))


/* Directory and files of the project data. */
const char	*t_data_dir(void);
/* The file at data_dir/rel, NUL-terminated; NULL when it cannot be read. */
char		*t_read(struct arena *, const char *rel, size_t *len);
/* Sorted names in data_dir/rel ending with suffix; *n set. */
char		**t_list(struct arena *, const char *rel, const char *suffix,
		    size_t *n);

/* splitmix64: the next of a fixed pseudo-random sequence (same on every
 * machine), for tests that damage or generate input. */
uint64_t	 t_rand(uint64_t *state);

/* "2023-03-15" -> day number; fails the test on a bad date. */
sel_date	 t_date(const char *iso);
/* A NUL-terminated copy of s, in the arena. */
char		*t_cstr(struct arena *, struct str s);
/* "15 Maret 2023" in the arena. */
const char	*t_date_id(struct arena *, const char *iso);

/* Parses text (lines tracked from 1); fails the test on error. */
struct json	*t_json(struct arena *, const char *text);
/* Parses a profile from text / from profiles/<id>.json; fails on error. */
struct profile	*t_profile_text(struct arena *, const char *text);
struct profile	*t_profile(struct arena *, const char *id);
/* Loads data/holidays/<lo..hi>.txt in CAL_STRICT mode. */
struct cal	*t_cal(struct arena *, int lo, int hi);

/*
 * JSON objects from defaults and overrides.  An override replaces the
 * default of its key (json NULL: leave the member out) or adds a member.
 * Lists end with { NULL, NULL }.
 */
struct t_kv {
	const char	*key;
	const char	*json;		/* JSON text of the value */
};
#define KV(...)	((const struct t_kv[]){ __VA_ARGS__, { NULL, NULL } })

const char	*t_object(struct arena *, const struct t_kv *defaults,
		    const struct t_kv *over);
/*
 * CANDIDATE.json of CONTRACT.md (Budi, eligible for the example post on
 * 2023-03-15) with overrides.  Without an explicit "nip" the NIP is made
 * from birth_date so that the two agree.
 */
const char	*t_candidate_json(struct arena *, const struct t_kv *over);
/* The example POST.json (Kepala Dinas Kesehatan, II.b) with overrides. */
const char	*t_vacancy_json(struct arena *, const struct t_kv *over);
/* Decoded; fail the test when decoding fails. */
struct candidate *t_candidate(struct arena *, const struct t_kv *over);
struct vacancy	*t_vacancy(struct arena *, const struct profile *,
		    const struct t_kv *over);

/* The result of rule id among n results, or NULL. */
const struct rule_result *t_find(const struct rule_result *, size_t n,
		    enum rule_id);

/* Assertions with a context string printed on failure. */
#define t_status(r, want, ctx)						\
	t_status_at((r), (want), (ctx), __FILE__, __LINE__)
#define t_contains(s, needle)						\
	t_contains_at((s), (needle), __FILE__, __LINE__)
#define t_not_contains(s, needle)					\
	t_not_contains_at((s), (needle), __FILE__, __LINE__)
#define t_str_equal(s, want)						\
	t_str_equal_at((s), (want), __FILE__, __LINE__)
void		 t_status_at(const struct rule_result *, enum rule_status,
		    const char *ctx, const char *file, int line);
void		 t_contains_at(struct str, const char *, const char *file,
		    int line);
void		 t_not_contains_at(struct str, const char *,
		    const char *file, int line);
void		 t_str_equal_at(struct str, const char *, const char *file,
		    int line);

#endif
