/*
 * test_store_share.c - two instances on one store (issue 15 item 1): two
 * pools opened on the same store (SQLite file, or PostgreSQL schema when
 * SELTER_TEST_STORE is set: t_pg.h) append to the audit trail from four
 * threads at once, and the trail never forks; a statement refused on a
 * constraint fails alone and its transaction goes on; a rollback leaves
 * nothing.  The same assertions on both stores.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "t.h"
#include "t_pg.h"
#include "store/store.h"
#include "base/banned.h"

#define NTHREAD	4
#define NEVENT	25

struct share {
	char		 path[64];
	char		 loc[512];
	struct store	*st[2];
};

struct worker {
	struct store	*st;
	int		 n, fails;
};

static int
setup(void **state)
{
	struct share *s = calloc(1, sizeof *s);
	char err[512];
	int fd;

	snprintf(s->path, sizeof s->path, "/tmp/selter-share-XXXXXX");
	if ((fd = mkstemp(s->path)) < 0)
		return -1;
	close(fd);
	if (t_store_make(s->loc, sizeof s->loc, s->path) != 0)
		return -1;
	for (int i = 0; i < 2; i++)
		if (store_open(s->loc, 2, &s->st[i], err, sizeof err) !=
		    SEL_OK) {
			fprintf(stderr, "store_open: %s\n", err);
			return -1;
		}
	*state = s;
	return 0;
}

static int
teardown(void **state)
{
	struct share *s = *state;
	char side[80];

	store_close(s->st[0]);
	store_close(s->st[1]);
	t_store_drop(s->loc);
	unlink(s->path);
	snprintf(side, sizeof side, "%s-wal", s->path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", s->path);
	unlink(side);
	free(s);
	return 0;
}

static void *
append(void *arg)
{
	struct worker *w = arg;

	for (int i = 0; i < w->n; i++) {
		struct s_event e = { 0 };
		struct stx *tx;

		e.at = STR("2026-11-23T03:00:00Z");
		e.actor = STR("uji");
		e.action = STR("share_test");
		e.before = STR("{}");
		e.after = STR("{}");
		e.rules = STR("[]");
		if (store_begin(w->st, true, &tx) != SEL_OK) {
			w->fails++;
			continue;
		}
		if (store_event_add(tx, &e) != SEL_OK) {
			store_abort(w->st, tx);
			w->fails++;
			continue;
		}
		if (store_commit(w->st, tx) != SEL_OK)
			w->fails++;
	}
	return NULL;
}

/* Four writers on two instances: one chain of every event, in order. */
static void
two_instances_never_fork_the_trail(void **state)
{
	struct share *s = *state;
	pthread_t th[NTHREAD];
	struct worker w[NTHREAD];
	struct arena *a = arena_new(1 << 16);
	int64_t checked = -1, bad = -1;
	struct str why;
	struct stx *tx;

	for (int i = 0; i < NTHREAD; i++) {
		w[i] = (struct worker){ s->st[i % 2], NEVENT, 0 };
		assert_int_equal(pthread_create(&th[i], NULL, append, &w[i]),
		    0);
	}
	for (int i = 0; i < NTHREAD; i++)
		pthread_join(th[i], NULL);
	for (int i = 0; i < NTHREAD; i++)
		assert_int_equal(w[i].fails, 0);
	assert_int_equal(store_begin(s->st[1], false, &tx), SEL_OK);
	assert_int_equal(store_audit_verify(tx, a, NULL, &checked, &bad,
	    &why), SEL_OK);
	store_abort(s->st[1], tx);
	assert_int_equal(bad, 0);
	assert_int_equal(checked, NTHREAD * NEVENT);
	arena_destroy(a);
}

/* A unique violation refuses its statement only (as SQLite does); a
   rollback keeps nothing. */
static void
refusal_fails_the_statement_not_the_transaction(void **state)
{
	struct share *s = *state;
	struct s_region r = { 0, STR("demak"), STR("Kabupaten Demak"),
	    STR("demak-2022"), STR("BKN"), STR("") }, got;
	struct arena *a = arena_new(4096);
	struct stx *tx;
	int64_t id, id2;

	assert_int_equal(store_begin(s->st[0], true, &tx), SEL_OK);
	assert_int_equal(store_region_add(tx, &r, &id), SEL_OK);
	assert_int_equal(store_region_add(tx, &r, &id2), SEL_EINVAL);
	r.code = STR("kendal");
	assert_int_equal(store_region_add(tx, &r, &id2), SEL_OK);
	assert_int_equal(id2, id + 1);
	assert_int_equal(store_commit(s->st[0], tx), SEL_OK);
	/* the other instance sees both */
	assert_int_equal(store_begin(s->st[1], false, &tx), SEL_OK);
	assert_int_equal(store_region_by_code(tx, a, STR("demak"), &got),
	    SEL_OK);
	assert_int_equal(store_region_by_code(tx, a, STR("kendal"), &got),
	    SEL_OK);
	store_abort(s->st[1], tx);
	/* rolled back: nothing */
	r.code = STR("batang");
	assert_int_equal(store_begin(s->st[1], true, &tx), SEL_OK);
	assert_int_equal(store_region_add(tx, &r, &id), SEL_OK);
	store_abort(s->st[1], tx);
	assert_int_equal(store_begin(s->st[0], false, &tx), SEL_OK);
	assert_int_equal(store_region_by_code(tx, a, STR("batang"), &got),
	    SEL_ENOENT);
	store_abort(s->st[0], tx);
	arena_destroy(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		{ "two_instances_never_fork_the_trail",
		    two_instances_never_fork_the_trail, setup, teardown,
		    NULL },
		{ "refusal_fails_the_statement_not_the_transaction",
		    refusal_fails_the_statement_not_the_transaction, setup,
		    teardown, NULL },
	};

	return cmocka_run_group_tests_name("store_share", tests, NULL, NULL);
}
