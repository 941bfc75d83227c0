/*
 * test_audit.c - the audit trail's blind spots (issue 11 item 5), on the
 * demo store with its triggers dropped, as a tamperer with the database
 * file would: each kind of tampering is detected and named by its own
 * check (a test fails when that check is switched off), and what the
 * chain alone cannot show (the newest events deleted, the chain
 * recomputed after an edit) is caught against an expected head.
 */
#include <string.h>

#include <sqlite3.h>

#include "t_app.h"
#include "base/banned.h"

static struct audit_head
head_now(struct fx *f)
{
	struct audit_head h;
	struct s_event *e;
	struct stx *tx;
	size_t n;

	assert_int_equal(store_begin(f->app->st, false, &tx), SEL_OK);
	assert_int_equal(store_events(tx, f->ar, 0, 0, 100000, &e, &n),
	    SEL_OK);
	store_abort(f->app->st, tx);
	assert_true(n > 20);
	h.id = e[n - 1].id;
	memcpy(h.hash, e[n - 1].hash, 32);
	return h;
}

static sqlite3 *
tamper(struct fx *f)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TRIGGER event_no_update; "
	    "DROP TRIGGER event_no_delete", NULL, NULL, NULL), SQLITE_OK);
	return db;
}

static void
exec(sqlite3 *db, const char *sql)
{
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
}

/* Verifies; returns the first bad event, its reason in *why. */
static int64_t
verify(struct fx *f, const struct audit_head *head, const char **why)
{
	int64_t checked, bad;
	struct str w;

	assert_int_equal(app_audit_verify(f->app, f->ar, head, &checked,
	    &bad, &w), SEL_OK);
	*why = t_cstr(f->ar, w);
	return bad;
}

/* Writes every event's prev and hash again from id on, as a tamperer
   who knows the hashing would. */
static void
recompute(struct fx *f, sqlite3 *db, int64_t from)
{
	struct s_event *e;
	struct stx *tx;
	sqlite3_stmt *q;
	size_t n;
	unsigned char prev[32] = { 0 };

	assert_int_equal(store_begin(f->app->st, false, &tx), SEL_OK);
	assert_int_equal(store_events(tx, f->ar, 0, 0, 100000, &e, &n),
	    SEL_OK);
	store_abort(f->app->st, tx);
	assert_int_equal(sqlite3_prepare_v2(db, "UPDATE event SET prev = ?1, "
	    "hash = ?2 WHERE id = ?3", -1, &q, NULL), SQLITE_OK);
	for (size_t i = 0; i < n; i++) {
		if (e[i].id >= from) {
			memcpy(e[i].prev, prev, 32);
			store_event_hash(&e[i], e[i].hash);
			sqlite3_bind_blob(q, 1, e[i].prev, 32, SQLITE_STATIC);
			sqlite3_bind_blob(q, 2, e[i].hash, 32, SQLITE_STATIC);
			sqlite3_bind_int64(q, 3, e[i].id);
			assert_int_equal(sqlite3_step(q), SQLITE_DONE);
			sqlite3_reset(q);
		}
		memcpy(prev, e[i].hash, 32);
	}
	sqlite3_finalize(q);
}

/* An event deleted from the middle: its successor is named, as missing. */
static void
audit_deleted_middle_event_named(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = tamper(f);
	const char *why;

	exec(db, "DELETE FROM event WHERE id = 5");
	assert_int_equal(verify(f, NULL, &why), 6);
	assert_non_null(strstr(why, "missing"));
	sqlite3_close(db);
}

/* Two events swapped (their contents exchanged under the same ids). */
static void
audit_swapped_events_named(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = tamper(f);
	const char *why;

	exec(db, "CREATE TEMP TABLE e5 AS SELECT * FROM event WHERE id = 5; "
	    "UPDATE event SET (at, actor_id, actor, selection_id, action, "
	    "before, after, rules, prev, hash) = (SELECT at, actor_id, actor, "
	    "selection_id, action, before, after, rules, prev, hash FROM event "
	    "WHERE id = 6) WHERE id = 5; UPDATE event SET (at, actor_id, actor, "
	    "selection_id, action, before, after, rules, prev, hash) = (SELECT "
	    "at, actor_id, actor, selection_id, action, before, after, rules, "
	    "prev, hash FROM e5) WHERE id = 6");
	assert_int_equal(verify(f, NULL, &why), 5);
	assert_non_null(strstr(why, "link"));
	sqlite3_close(db);
}

/* A prev link corrupted, the event's own hash made to match: the link
   check alone names it. */
static void
audit_corrupted_prev_link_named(void **state)
{
	struct fx *f = *state;
	sqlite3 *db = tamper(f);
	struct s_event *e;
	struct stx *tx;
	sqlite3_stmt *q;
	size_t n;
	const char *why;

	assert_int_equal(store_begin(f->app->st, false, &tx), SEL_OK);
	assert_int_equal(store_events(tx, f->ar, 0, 6, 1, &e, &n), SEL_OK);
	store_abort(f->app->st, tx);
	assert_int_equal(n, 1);
	assert_int_equal(e[0].id, 7);
	memset(e[0].prev, 0xab, 32);
	store_event_hash(&e[0], e[0].hash);
	assert_int_equal(sqlite3_prepare_v2(db, "UPDATE event SET prev = ?1, "
	    "hash = ?2 WHERE id = 7", -1, &q, NULL), SQLITE_OK);
	sqlite3_bind_blob(q, 1, e[0].prev, 32, SQLITE_STATIC);
	sqlite3_bind_blob(q, 2, e[0].hash, 32, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(q), SQLITE_DONE);
	sqlite3_finalize(q);
	assert_int_equal(verify(f, NULL, &why), 7);
	assert_non_null(strstr(why, "link"));
	sqlite3_close(db);
}

/* The newest events deleted: the chain is still whole, the head is not. */
static void
audit_truncated_tail_against_head(void **state)
{
	struct fx *f = *state;
	struct audit_head h = head_now(f);
	sqlite3 *db = tamper(f);
	const char *why;
	char sql[96];

	snprintf(sql, sizeof sql, "DELETE FROM event WHERE id > %lld",
	    (long long)(h.id - 3));
	exec(db, sql);
	assert_int_equal(verify(f, NULL, &why), 0);	/* the blind spot */
	assert_int_equal(verify(f, &h, &why), h.id - 2);
	assert_non_null(strstr(why, "removed"));
	/* Everything deleted: the same. */
	exec(db, "DELETE FROM event");
	assert_int_equal(verify(f, NULL, &why), 0);
	assert_int_equal(verify(f, &h, &why), 1);
	sqlite3_close(db);
}

/* An event edited and the chain recomputed after it: whole again, but not
   the head an auditor kept. */
static void
audit_recomputed_chain_against_head(void **state)
{
	struct fx *f = *state;
	struct audit_head h = head_now(f), wrong = h;
	sqlite3 *db = tamper(f);
	const char *why;

	exec(db, "UPDATE event SET after = '{\"title\":\"palsu\"}' WHERE "
	    "id = 7");
	assert_int_equal(verify(f, NULL, &why), 7);
	recompute(f, db, 7);
	assert_int_equal(verify(f, NULL, &why), 0);	/* the blind spot */
	assert_int_equal(verify(f, &h, &why), h.id);
	assert_non_null(strstr(why, "rewritten"));
	/* A head that is not the trail's own is refused the same way, and
	   the true head of the recomputed trail passes. */
	wrong.hash[0] ^= 1;
	assert_int_equal(verify(f, &wrong, &why), h.id);
	wrong = head_now(f);
	assert_int_equal(verify(f, &wrong, &why), 0);
	sqlite3_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX_TEST(audit_deleted_middle_event_named),
		FX_TEST(audit_swapped_events_named),
		FX_TEST(audit_corrupted_prev_link_named),
		FX_TEST(audit_truncated_tail_against_head),
		FX_TEST(audit_recomputed_chain_against_head),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
