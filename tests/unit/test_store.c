/*
 * test_store.c - the store on SQLite through store.h: migrations, the
 * tables' constraints, sessions, the failure counters, selection fields,
 * the audit chain, and the sweep of temporary upload files.  Each test
 * gets a fresh temporary database file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "t.h"
#include "store/store.h"
#include "base/banned.h"

struct sfx {
	struct arena	*ar;
	struct store	*st;
	char		 path[64];
};

static void
rm_db(const char *path)
{
	char side[80];

	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

static int
sfx_setup(void **state)
{
	struct sfx *f = calloc(1, sizeof *f);
	char err[256];
	int fd;

	snprintf(f->path, sizeof f->path, "/tmp/selter-store-XXXXXX");
	if ((fd = mkstemp(f->path)) < 0)
		return -1;
	close(fd);
	f->ar = arena_new(1 << 16);
	if (store_open(f->path, 2, &f->st, err, sizeof err) != SEL_OK)
		return -1;
	*state = f;
	return 0;
}

static int
sfx_teardown(void **state)
{
	struct sfx *f = *state;

	store_close(f->st);
	arena_destroy(f->ar);
	rm_db(f->path);
	free(f);
	return 0;
}

#define S_TEST(fn)	{ #fn, fn, sfx_setup, sfx_teardown, NULL }

static int
user_version(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *q;
	int v = -1;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, NULL) ==
	    SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(db);
	return v;
}

/* Opening again applies nothing twice; a newer store is refused. */
static void
migrations_forward_only(void **state)
{
	struct sfx *f = *state;
	struct store *again;
	char err[256];
	sqlite3 *db;
	int v = user_version(f->path);

	assert_true(v >= 1);
	assert_int_equal(store_open(f->path, 1, &again, err, sizeof err),
	    SEL_OK);
	store_close(again);
	assert_int_equal(user_version(f->path), v);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 999", NULL,
	    NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(f->path, 1, &again, err, sizeof err),
	    SEL_EINVAL);
	assert_non_null(strstr(err, "newer"));
}

/*
 * Every table whose selection_id refers to a selection is read by
 * selection: an index led by that column, or the column is the table's
 * key (bench/ranking found a result sheet scanning every selection's
 * outcomes).
 */
static void
schema_every_selection_table_indexed(void **state)
{
	struct sfx *f = *state;
	sqlite3 *db;
	sqlite3_stmt *q;
	int n = 0, bad = 0;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
	    "SELECT m.name, "
	    " (SELECT count(*) FROM pragma_table_info(m.name) c "
	    "  WHERE c.name = 'selection_id' AND c.pk = 1 AND "
	    "  (SELECT max(pk) FROM pragma_table_info(m.name)) = 1) + "
	    " (SELECT count(*) FROM pragma_index_list(m.name) il "
	    "  WHERE (SELECT name FROM pragma_index_info(il.name) "
	    "  WHERE seqno = 0) = 'selection_id') "
	    "FROM sqlite_master m WHERE m.type = 'table' AND EXISTS "
	    "(SELECT 1 FROM pragma_foreign_key_list(m.name) WHERE \"from\" "
	    "= 'selection_id' AND \"table\" = 'selection') ORDER BY m.name",
	    -1, &q, NULL), SQLITE_OK);
	while (sqlite3_step(q) == SQLITE_ROW) {
		n++;
		if (sqlite3_column_int(q, 1) == 0) {
			fprintf(stderr, "# %s: no index led by selection_id\n",
			    (const char *)sqlite3_column_text(q, 0));
			bad++;
		}
	}
	sqlite3_finalize(q);
	sqlite3_close(db);
	assert_true(n >= 30);
	assert_int_equal(bad, 0);
}

static void
regions_unique_and_found(void **state)
{
	struct sfx *f = *state;
	struct s_region r = { 0, STR("demak"), STR("Kabupaten Demak"),
	    STR("demak-2022"), STR("BKN"), STR("") }, got;
	struct stx *tx;
	int64_t id, id2;

	assert_int_equal(store_begin(f->st, true, &tx), SEL_OK);
	assert_int_equal(store_region_add(tx, &r, &id), SEL_OK);
	assert_int_equal(store_region_add(tx, &r, &id2), SEL_EINVAL);
	assert_int_equal(store_region_by_code(tx, f->ar, STR("demak"), &got),
	    SEL_OK);
	assert_int_equal(got.id, id);
	assert_true(str_eqc(got.oversight, "BKN"));
	assert_int_equal(store_region_by_code(tx, f->ar, STR("x"), &got),
	    SEL_ENOENT);
	assert_int_equal(store_commit(f->st, tx), SEL_OK);
}

/* A rolled-back transaction leaves nothing. */
static void
abort_leaves_nothing(void **state)
{
	struct sfx *f = *state;
	struct s_account a = { 0, STR("budi"), STR("Budi"), STR(""),
	    STR("$argon2id$x"), false }, got;
	struct stx *tx;
	int64_t id, n;

	assert_int_equal(store_begin(f->st, true, &tx), SEL_OK);
	assert_int_equal(store_account_add(tx, &a, STR("2026-11-23T00:00:00Z"),
	    &id), SEL_OK);
	store_abort(f->st, tx);
	assert_int_equal(store_begin(f->st, false, &tx), SEL_OK);
	assert_int_equal(store_account_count(tx, &n), SEL_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_account_by_login(tx, f->ar, STR("budi"), &got),
	    SEL_ENOENT);
	store_abort(f->st, tx);
}

static void
sessions_expire(void **state)
{
	struct sfx *f = *state;
	struct s_account a = { 0, STR("ani"), STR("Ani"), STR(""), STR("h"),
	    false };
	unsigned char th[32] = { 1, 2, 3 }, other[32] = { 9 };
	struct s_session s;
	struct stx *tx;
	int64_t id;

	assert_int_equal(store_begin(f->st, true, &tx), SEL_OK);
	assert_int_equal(store_account_add(tx, &a, STR("t"), &id), SEL_OK);
	assert_int_equal(store_session_add(tx, th, id, STR("csrf"), 1000,
	    2000), SEL_OK);
	assert_int_equal(store_session_get(tx, f->ar, th, 1999, &s), SEL_OK);
	assert_int_equal(s.account_id, id);
	assert_true(str_eqc(s.csrf, "csrf"));
	assert_int_equal(store_session_get(tx, f->ar, th, 2000, &s),
	    SEL_ENOENT);		/* expires_at is the first dead second */
	assert_int_equal(store_session_get(tx, f->ar, other, 1500, &s),
	    SEL_ENOENT);
	assert_int_equal(store_session_del_account(tx, id), SEL_OK);
	assert_int_equal(store_session_get(tx, f->ar, th, 1500, &s),
	    SEL_ENOENT);
	assert_int_equal(store_commit(f->st, tx), SEL_OK);
}

/* The counter restarts when its first failure leaves the window. */
static void
failure_counter_window(void **state)
{
	struct sfx *f = *state;
	struct stx *tx;
	int64_t n;

	assert_int_equal(store_begin(f->st, true, &tx), SEL_OK);
	for (int i = 0; i < 3; i++)
		assert_int_equal(store_fail_bump(tx, STR("k"), 1000 + i, 100),
		    SEL_OK);
	assert_int_equal(store_fail_get(tx, STR("k"), 999, &n), SEL_OK);
	assert_int_equal(n, 3);
	assert_int_equal(store_fail_get(tx, STR("k"), 1000, &n), SEL_OK);
	assert_int_equal(n, 0);		/* first failure at 1000: out */
	assert_int_equal(store_fail_bump(tx, STR("k"), 5000, 4000), SEL_OK);
	assert_int_equal(store_fail_get(tx, STR("k"), 4000, &n), SEL_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_fail_clear(tx, STR("k")), SEL_OK);
	assert_int_equal(store_fail_get(tx, STR("k"), 0, &n), SEL_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_commit(f->st, tx), SEL_OK);
}

static void
selection_fields_round_trip(void **state)
{
	struct sfx *f = *state;
	struct s_region r = { 0, STR("kota"), STR("Kota"), STR("p"),
	    STR("KASN"), STR("") };
	struct s_selection s;
	struct stx *tx;
	int64_t rid, sid;

	assert_int_equal(store_begin(f->st, true, &tx), SEL_OK);
	assert_int_equal(store_region_add(tx, &r, &rid), SEL_OK);
	assert_int_equal(store_selection_add(tx, rid, STR("Seleksi"),
	    STR("2026-11-23T00:00:00Z"), &sid), SEL_OK);
	for (int i = SF_PLAN_DUTIES; i < SF__N; i++)
		assert_int_equal(store_selection_set(tx, sid, (enum sfield)i,
		    str_c(sfield_name((enum sfield)i))), SEL_OK);
	assert_int_equal(store_selection_set(tx, sid, SF_STATE,
	    STR("bogus")), SEL_EINVAL);	/* CHECK constraint */
	assert_int_equal(store_selection_get(tx, f->ar, sid, &s), SEL_OK);
	for (int i = SF_PLAN_DUTIES; i < SF__N; i++)
		assert_true(str_eqc(s.f[i], sfield_name((enum sfield)i)));
	assert_true(str_eqc(s.f[SF_STATE], "preparing"));
	assert_int_equal(store_commit(f->st, tx), SEL_OK);
}

static void
audit_events_chain(void **state)
{
	struct sfx *f = *state;
	struct s_event e, *v;
	struct stx *tx;
	int64_t checked, bad;
	struct str why;
	size_t n;

	assert_int_equal(store_begin(f->st, true, &tx), SEL_OK);
	for (int i = 0; i < 600; i++) {	/* more than one page of 512 */
		memset(&e, 0, sizeof e);
		e.at = STR("2026-11-23T00:00:00Z");
		e.actor_id = 1;
		e.actor = STR("x");
		e.selection_id = i % 3;
		e.action = STR("a");
		e.before = STR("null");
		e.after = STR("{}");
		e.rules = STR("[]");
		assert_int_equal(store_event_add(tx, &e), SEL_OK);
		assert_int_equal(e.id, i + 1);
	}
	assert_int_equal(store_commit(f->st, tx), SEL_OK);
	assert_int_equal(store_begin(f->st, false, &tx), SEL_OK);
	assert_int_equal(store_audit_verify(tx, f->ar, NULL, &checked, &bad, &why),
	    SEL_OK);
	assert_int_equal(checked, 600);
	assert_int_equal(bad, 0);
	assert_int_equal(store_events(tx, f->ar, 2, 0, 1000, &v, &n), SEL_OK);
	assert_int_equal(n, 200);
	assert_int_equal(v[0].id, 3);
	/* The first event links to 32 zero bytes. */
	assert_int_equal(store_events(tx, f->ar, 0, 0, 1, &v, &n), SEL_OK);
	for (int i = 0; i < 32; i++)
		assert_int_equal(v[0].prev[i], 0);
	store_abort(f->st, tx);
	/* Outside a write transaction nothing is appended. */
	assert_int_equal(store_begin(f->st, false, &tx), SEL_OK);
	assert_int_not_equal(store_event_add(tx, &e), SEL_OK);
	store_abort(f->st, tx);
}

/* Removes dir/ab/cdef..., and dir/ab once empty. */
static void
rm_kept(const char *dir, const char *hex)
{
	char path[160];

	snprintf(path, sizeof path, "%s/%.2s/%s", dir, hex, hex + 2);
	assert_int_equal(access(path, F_OK), 0);	/* kept whole */
	unlink(path);
	path[strlen(dir) + 3] = '\0';
	rmdir(path);
}

/*
 * A temporary upload file no blob holds (a server killed in the middle of
 * an upload) is swept; those of uploads in flight, streaming or synced
 * and not yet kept, stay, and are kept afterwards.
 */
static void
blob_sweep_spares_uploads_in_flight(void **state)
{
	struct arena *ar = arena_new(1 << 14);
	struct store_blob *live, *synced;
	char top[64], dir[80], dead[96], odd[96], h1[65], h2[65];
	int64_t size;
	int n = -1;
	FILE *fp;

	(void)state;
	snprintf(top, sizeof top, "/tmp/selter-blob-XXXXXX");
	assert_non_null(mkdtemp(top));
	snprintf(dir, sizeof dir, "%s/files", top);
	assert_int_equal(store_blob_sweep(dir, &n), SEL_OK);
	assert_int_equal(n, 0);			/* not made yet */
	assert_int_equal(store_blob_open(ar, dir, &live), SEL_OK);
	assert_int_equal(store_blob_write(live, "%PDF-1.4\n", 9), SEL_OK);
	assert_int_equal(store_blob_open(ar, dir, &synced), SEL_OK);
	assert_int_equal(store_blob_write(synced, "%PDF-1.7\n", 9), SEL_OK);
	assert_int_equal(store_blob_finish(synced, h2, &size), SEL_OK);
	snprintf(dead, sizeof dead, "%s/.upload-k1ll3d", dir);
	snprintf(odd, sizeof odd, "%s/.upload-notmine", dir);
	for (int i = 0; i < 2; i++) {
		assert_non_null(fp = fopen(i == 0 ? dead : odd, "w"));
		fputs("%PDF-1.4\nhalf a fi", fp);
		fclose(fp);
	}
	assert_int_equal(store_blob_sweep(dir, &n), SEL_OK);
	assert_int_equal(n, 1);
	assert_int_equal(access(dead, F_OK), -1);
	assert_int_equal(access(odd, F_OK), 0);	/* not mkstemp's name */
	assert_int_equal(store_blob_keep(synced), SEL_OK);
	assert_int_equal(store_blob_write(live, "1 0 obj", 7), SEL_OK);
	assert_int_equal(store_blob_finish(live, h1, &size), SEL_OK);
	assert_int_equal(size, 16);
	assert_int_equal(store_blob_keep(live), SEL_OK);
	store_blob_drop(live);			/* after keep: nothing */
	assert_int_equal(store_blob_sweep(dir, &n), SEL_OK);
	assert_int_equal(n, 0);
	rm_kept(dir, h1);
	rm_kept(dir, h2);
	assert_int_equal(unlink(odd), 0);
	assert_int_equal(rmdir(dir), 0);	/* nothing else was left */
	assert_int_equal(rmdir(top), 0);
	arena_destroy(ar);
}

/*
 * The two-buffer write: sizes around the buffer and the O_DIRECT block
 * (0 is refused by the app, so from 1), fed in pieces as the web layer
 * feeds them, a full buffer drained by "a worker" (here, at once or one
 * piece late).  The hash equals libsodium's of the same bytes, and the
 * kept file holds exactly them.  Filling a buffer while the other is not
 * back is refused, never written.
 */
static void
blob_two_buffers_hash_and_content(void **state)
{
	const size_t B = STORE_BLOB_BUF;
	const size_t sizes[] = { 1, 4095, 4096, 4097, B - 1, B, B + 1,
	    2 * B + 12345, 3 * B };
	struct arena *ar = arena_new(1 << 14);
	unsigned char *data = malloc(3 * B + 1), want[32];
	char top[64], dir[80], hex[65], whex[65], path[200];
	struct store_blob *b;
	int64_t size;

	(void)state;
	assert_non_null(data);
	for (size_t i = 0; i < 3 * B; i++)
		data[i] = (unsigned char)(i * 131 + i / 7);
	snprintf(top, sizeof top, "/tmp/selter-blob-XXXXXX");
	assert_non_null(mkdtemp(top));
	snprintf(dir, sizeof dir, "%s/files", top);
	for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
		size_t n = sizes[k], piece = 1000 + k * 997;
		bool late = k % 2 == 1, owed = false;
		FILE *fp;

		assert_int_equal(store_blob_open(ar, dir, &b), SEL_OK);
		for (size_t off = 0; off < n; off += piece) {
			size_t m = n - off < piece ? n - off : piece;

			if (store_blob_must_wait(b, m, false)) {
				assert_true(owed);	/* only when owed */
				assert_false(store_blob_drain(b));
				owed = false;
			}
			assert_int_equal(store_blob_write(b, data + off, m),
			    SEL_OK);
			if (store_blob_handed(b)) {
				if (late)
					owed = true;
				else
					assert_false(store_blob_drain(b));
			}
		}
		if (owed)
			assert_false(store_blob_drain(b));
		assert_int_equal(store_blob_finish(b, hex, &size), SEL_OK);
		assert_int_equal(size, (int64_t)n);
		crypto_hash_sha256(want, data, n);
		sodium_bin2hex(whex, sizeof whex, want, sizeof want);
		assert_string_equal(hex, whex);
		assert_int_equal(store_blob_keep(b), SEL_OK);
		snprintf(path, sizeof path, "%s/%.2s/%s", dir, hex, hex + 2);
		assert_non_null(fp = fopen(path, "rb"));
		{
			unsigned char *got = malloc(n + 1);

			assert_non_null(got);
			assert_int_equal(fread(got, 1, n + 1, fp), n);
			assert_memory_equal(got, data, n);
			free(got);
		}
		fclose(fp);
		rm_kept(dir, hex);
	}
	/* The rule broken: a buffer fills while the other is still out. */
	assert_int_equal(store_blob_open(ar, dir, &b), SEL_OK);
	assert_int_equal(store_blob_write(b, data, B), SEL_OK);
	assert_true(store_blob_handed(b));
	assert_true(store_blob_must_wait(b, B - 8192, false));
	assert_int_equal(store_blob_write(b, data, B), SEL_EINTERNAL);
	assert_true(store_blob_must_wait(b, 1, true));	/* waits, committed */
	assert_true(store_blob_drain(b));		/* so: resume */
	store_blob_drop(b);
	assert_int_equal(rmdir(dir), 0);		/* nothing left */
	assert_int_equal(rmdir(top), 0);
	free(data);
	arena_destroy(ar);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		S_TEST(migrations_forward_only),
		S_TEST(schema_every_selection_table_indexed),
		S_TEST(regions_unique_and_found),
		S_TEST(abort_leaves_nothing),
		S_TEST(sessions_expire),
		S_TEST(failure_counter_window),
		S_TEST(selection_fields_round_trip),
		S_TEST(audit_events_chain),
		cmocka_unit_test(blob_sweep_spares_uploads_in_flight),
		cmocka_unit_test(blob_two_buffers_hash_and_content),
	};

	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
