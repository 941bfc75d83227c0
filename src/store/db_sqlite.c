/*
 * db_sqlite.c - the embedded driver of db.h on SQLite: WAL journal,
 * foreign keys on, synchronous=FULL (a committed decision survives a power
 * cut), one connection per thread taken from a fixed pool.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "base/arena.h"
#include "base/log.h"
#include "base/str.h"
#include "store/db.h"
#include "store/db_driver.h"
#include "store/migrations.h"
#include "base/banned.h"

#define NCACHE	256		/* statements cached per connection */

struct sq {
	const struct db_ops *ops;	/* first: db.c dispatches on it */
	sqlite3_stmt	*st;
	struct db	*db;
};

struct db {
	const struct db_ops *ops;	/* first: db.c dispatches on it */
	sqlite3		*h;
	struct db_pool	*pool;		/* its pool: the fault hook */
	bool		 in_tx;
	bool		 write;		/* the transaction holds the write lock */
	bool		 writer;	/* taken by db_get_writer */
	const char	*key[NCACHE];	/* SQL text address */
	struct sq	 val[NCACHE];
};

struct db_pool {
	const struct db_ops *ops;	/* first: db.c dispatches on it */
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	pthread_mutex_t	 wmu;	/* the process's one writer */
	struct db	**all;
	struct db	**free;
	int		 n, nfree;
	atomic_long	 fault_at;	/* the point to fail; 0: count only,
					   < 0: off (db_fault_arm) */
	atomic_long	 fault_seen;	/* points passed since armed */
};

/* Used before they are defined. */
static void		 lite_db_pool_close(struct db_pool *);
static void		 lite_db_rollback(struct db *);
static enum sel_err	 lite_db_begin(struct db *, bool);
static enum sel_err	 lite_db_commit(struct db *);
static struct sq	*lite_db_sq(struct db *, const char *);
static int		 lite_sq_step(struct sq *);
static int64_t		 lite_sq_col_i64(struct sq *, int);
static void		 lite_sq_done(struct sq *);

static void
seterr(char *err, size_t errsz, const char *what, const char *why)
{
	if (err != NULL && errsz > 0)
		snprintf(err, errsz, "%s: %s", what, why);
}

static void
db_close(struct db *d)
{
	if (d == NULL)
		return;
	for (int i = 0; i < NCACHE; i++)
		sqlite3_finalize(d->val[i].st);
	sqlite3_close(d->h);
	free(d);
}

static enum sel_err
db_open1(const char *path, struct db **out, char *err, size_t errsz)
{
	static const char setup[] =
	    "PRAGMA journal_mode=WAL;"
	    "PRAGMA synchronous=FULL;"
	    "PRAGMA foreign_keys=ON;"
	    "PRAGMA trusted_schema=OFF;"
	    /* up to 16 MiB of pages per connection (SQLite's default is
	       2 MiB), taken only as the store grows: a national store's
	       hot pages stay in memory instead of being read again with
	       pread (bench/ranking) */
	    "PRAGMA cache_size=-16384;";
	struct db *d = xmalloc(sizeof *d);
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;

	memset(d, 0, sizeof *d);
	d->ops = &db_sqlite_ops;
	if (sqlite3_open_v2(path, &d->h, flags, NULL) != SQLITE_OK) {
		seterr(err, errsz, path, sqlite3_errmsg(d->h));
		goto fail;
	}
	sqlite3_extended_result_codes(d->h, 1);
	sqlite3_busy_timeout(d->h, 10000);
	if (sqlite3_exec(d->h, setup, NULL, NULL, NULL) != SQLITE_OK) {
		seterr(err, errsz, path, sqlite3_errmsg(d->h));
		goto fail;
	}
	*out = d;
	return SEL_OK;
fail:
	db_close(d);
	return SEL_ESTORE;
}

static enum sel_err
lite_db_pool_open(const char *path, int nconn, struct db_pool **out, char *err,
    size_t errsz)
{
	struct db_pool *p;

	if (nconn < 1 || nconn > 256) {
		seterr(err, errsz, path, "bad connection count");
		return SEL_EINVAL;
	}
	p = xmalloc(sizeof *p);
	memset(p, 0, sizeof *p);
	p->ops = &db_sqlite_ops;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	pthread_mutex_init(&p->wmu, NULL);
	atomic_init(&p->fault_at, -1);
	atomic_init(&p->fault_seen, 0);
	p->all = xmalloc(sizeof *p->all * (size_t)nconn);
	p->free = xmalloc(sizeof *p->free * (size_t)nconn);
	for (int i = 0; i < nconn; i++) {
		if (db_open1(path, &p->all[i], err, errsz) != SEL_OK) {
			p->n = i;
			lite_db_pool_close(p);
			return SEL_ESTORE;
		}
		p->all[i]->pool = p;
		p->free[i] = p->all[i];
	}
	p->n = p->nfree = nconn;
	*out = p;
	return SEL_OK;
}

static void
lite_db_pool_close(struct db_pool *p)
{
	if (p == NULL)
		return;
	for (int i = 0; i < p->n; i++)
		db_close(p->all[i]);
	pthread_cond_destroy(&p->cv);
	pthread_mutex_destroy(&p->mu);
	pthread_mutex_destroy(&p->wmu);
	free(p->all);
	free(p->free);
	free(p);
}

static struct db *
lite_db_get(struct db_pool *p)
{
	struct db *d;

	pthread_mutex_lock(&p->mu);
	while (p->nfree == 0)
		pthread_cond_wait(&p->cv, &p->mu);
	d = p->free[--p->nfree];
	pthread_mutex_unlock(&p->mu);
	return d;
}

static struct db *
lite_db_get_writer(struct db_pool *p)
{
	struct db *d;

	pthread_mutex_lock(&p->wmu);
	d = lite_db_get(p);
	d->writer = true;
	return d;
}

static void
lite_db_put(struct db_pool *p, struct db *d)
{
	bool writer = d->writer;

	if (d->in_tx)
		lite_db_rollback(d);	/* a handler that forgot: nothing half-done */
	d->writer = false;
	pthread_mutex_lock(&p->mu);
	p->free[p->nfree++] = d;
	pthread_cond_signal(&p->cv);
	pthread_mutex_unlock(&p->mu);
	if (writer)
		pthread_mutex_unlock(&p->wmu);
}

static int
lite_db_version(struct db *d)
{
	struct sq *q = lite_db_sq(d, "PRAGMA user_version");
	int v = -1;

	if (q != NULL && lite_sq_step(q) == SQ_ROW)
		v = (int)lite_sq_col_i64(q, 0);
	if (q != NULL)
		lite_sq_done(q);
	return v;
}

static enum sel_err
lite_db_migrate(struct db *d, char *err, size_t errsz)
{
	int v = lite_db_version(d);
	char set[64];

	if (v < 0) {
		seterr(err, errsz, "migrate", sqlite3_errmsg(d->h));
		return SEL_ESTORE;
	}
	if (v > db_nmigrations) {
		seterr(err, errsz, "migrate", "the database is newer than "
		    "this program (downgrade is not supported)");
		return SEL_EINVAL;
	}
	for (; v < db_nmigrations; v++) {
		if (lite_db_begin(d, true) != SEL_OK)
			goto fail;
		snprintf(set, sizeof set, "PRAGMA user_version=%d", v + 1);
		if (sqlite3_exec(d->h, db_migrations[v], NULL, NULL, NULL) !=
		    SQLITE_OK ||
		    sqlite3_exec(d->h, set, NULL, NULL, NULL) != SQLITE_OK) {
			char what[32];

			snprintf(what, sizeof what, "migration %d", v + 1);
			seterr(err, errsz, what, sqlite3_errmsg(d->h));
			lite_db_rollback(d);
			return SEL_ESTORE;
		}
		if (lite_db_commit(d) != SEL_OK)
			goto fail;
	}
	return SEL_OK;
fail:
	seterr(err, errsz, "migrate", sqlite3_errmsg(d->h));
	return SEL_ESTORE;
}

/*
 * The test hook (db.h): counts a fault point when armed, and says whether
 * it is the one to fail.  Off, it costs one relaxed load.
 */
static bool
fault_hit(struct db *d)
{
	struct db_pool *p = d->pool;
	long at, seen;

	if (p == NULL)
		return false;
	at = atomic_load_explicit(&p->fault_at, memory_order_relaxed);
	if (at < 0)
		return false;
	seen = atomic_fetch_add(&p->fault_seen, 1) + 1;
	if (seen != at)
		return false;
	log_msg("error", "store", "injected fault at point %ld (test hook)",
	    seen);
	return true;
}

static void
lite_db_fault_arm(struct db_pool *p, long n)
{
	atomic_store(&p->fault_at, -1);
	atomic_store(&p->fault_seen, 0);
	atomic_store(&p->fault_at, n < 0 ? -1 : n);
}

static long
lite_db_fault_points(struct db_pool *p)
{
	return atomic_load(&p->fault_seen);
}

/* Runs a statement of transaction control, prepared once. */
static int
tx_stmt(struct db *d, const char *sql)
{
	struct sq *q = lite_db_sq(d, sql);
	int rc;

	if (q == NULL)
		return SQLITE_ERROR;
	rc = sqlite3_step(q->st);
	sqlite3_reset(q->st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static enum sel_err
lite_db_begin(struct db *d, bool write)
{
	static const char begin_w[] = "BEGIN IMMEDIATE", begin_r[] = "BEGIN";

	if (d->in_tx)
		return SEL_EINTERNAL;
	if (fault_hit(d) || tx_stmt(d, write ? begin_w : begin_r) !=
	    SQLITE_OK)
		return SEL_ESTORE;
	d->in_tx = true;
	d->write = write;
	return SEL_OK;
}

static enum sel_err
lite_db_commit(struct db *d)
{
	static const char commit[] = "COMMIT";

	if (!d->in_tx)
		return SEL_EINTERNAL;
	if (fault_hit(d) || tx_stmt(d, commit) != SQLITE_OK) {
		lite_db_rollback(d);
		return SEL_ESTORE;
	}
	d->in_tx = false;
	return SEL_OK;
}

static void
lite_db_rollback(struct db *d)
{
	static const char rollback[] = "ROLLBACK";

	if (sqlite3_get_autocommit(d->h) == 0)
		(void)tx_stmt(d, rollback);
	d->in_tx = false;
}

static bool
lite_db_in_tx(const struct db *d)
{
	return d->in_tx;
}

static bool
lite_db_in_write_tx(const struct db *d)
{
	return d->in_tx && d->write;
}

static struct sq *
lite_db_sq(struct db *d, const char *sql)
{
	uintptr_t h = (uintptr_t)sql;
	unsigned i = (unsigned)((h >> 3) ^ (h >> 11)) % NCACHE;

	for (unsigned k = 0; k < NCACHE; k++, i = (i + 1) % NCACHE) {
		if (d->key[i] == sql)
			return &d->val[i];
		if (d->key[i] != NULL)
			continue;
		if (sqlite3_prepare_v3(d->h, sql, -1,
		    SQLITE_PREPARE_PERSISTENT, &d->val[i].st, NULL) !=
		    SQLITE_OK) {
			log_msg("error", "store", "%s: %s",
			    sqlite3_errmsg(d->h), sql);
			return NULL;
		}
		d->key[i] = sql;
		d->val[i].ops = &db_sqlite_ops;
		d->val[i].db = d;
		return &d->val[i];
	}
	log_msg("error", "store", "statement cache full");
	return NULL;
}

static void
lite_sq_i64(struct sq *q, int idx, int64_t v)
{
	sqlite3_bind_int64(q->st, idx, v);
}

static void
lite_sq_text(struct sq *q, int idx, struct str s)
{
	if (s.p == NULL)
		sqlite3_bind_text(q->st, idx, "", 0, SQLITE_STATIC);
	else
		sqlite3_bind_text64(q->st, idx, s.p, s.len, SQLITE_TRANSIENT,
		    SQLITE_UTF8);
}

static void
lite_sq_blob(struct sq *q, int idx, const void *p, size_t n)
{
	sqlite3_bind_blob64(q->st, idx, p, n, SQLITE_TRANSIENT);
}

static void
lite_sq_null(struct sq *q, int idx)
{
	sqlite3_bind_null(q->st, idx);
}

static int
lite_sq_step(struct sq *q)
{
	int rc;

	if (fault_hit(q->db))
		return SQ_ERR;		/* as SQLITE_IOERR, not run */
	rc = sqlite3_step(q->st);

	if (rc == SQLITE_ROW)
		return SQ_ROW;
	if (rc == SQLITE_DONE)
		return SQ_DONE;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return SQ_CONSTRAINT;
	log_msg("error", "store", "%s", sqlite3_errmsg(q->db->h));
	return SQ_ERR;
}

static int64_t
lite_sq_col_i64(struct sq *q, int col)
{
	return sqlite3_column_int64(q->st, col);
}

static bool
lite_sq_col_null(struct sq *q, int col)
{
	return sqlite3_column_type(q->st, col) == SQLITE_NULL;
}

static struct str
lite_sq_col_str(struct arena *a, struct sq *q, int col)
{
	const unsigned char *p = sqlite3_column_text(q->st, col);
	int n = sqlite3_column_bytes(q->st, col);

	if (p == NULL)
		return (struct str){ "", 0 };
	return (struct str){ arena_strndup(a, (const char *)p, (size_t)n),
	    (size_t)n };
}

static size_t
lite_sq_col_blob(struct sq *q, int col, void *out, size_t max)
{
	const void *p = sqlite3_column_blob(q->st, col);
	size_t n = (size_t)sqlite3_column_bytes(q->st, col);

	if (p == NULL || n > max)
		return 0;
	memcpy(out, p, n);
	return n;
}

static void
lite_sq_done(struct sq *q)
{
	sqlite3_reset(q->st);
	sqlite3_clear_bindings(q->st);
}

static const char *
lite_db_errmsg(struct db *d)
{
	return sqlite3_errmsg(d->h);
}

static enum sel_err
lite_db_backup(struct db *d, const char *path, char *err, size_t errsz)
{
	sqlite3 *to = NULL;
	sqlite3_backup *b;
	enum sel_err rc = SEL_ESTORE;
	int step;

	if (sqlite3_open(path, &to) != SQLITE_OK) {
		seterr(err, errsz, path, sqlite3_errmsg(to));
		goto out;
	}
	b = sqlite3_backup_init(to, "main", d->h, "main");
	if (b == NULL) {
		seterr(err, errsz, path, sqlite3_errmsg(to));
		goto out;
	}
	do {
		step = sqlite3_backup_step(b, 256);
		if (step == SQLITE_BUSY || step == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (step == SQLITE_OK || step == SQLITE_BUSY ||
	    step == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (step != SQLITE_DONE) {
		seterr(err, errsz, path, sqlite3_errstr(step));
		goto out;
	}
	rc = SEL_OK;
out:
	sqlite3_close(to);
	return rc;
}

const struct db_ops db_sqlite_ops = {
	.name = "sqlite",
	.pool_open = lite_db_pool_open,
	.pool_close = lite_db_pool_close,
	.get = lite_db_get,
	.get_writer = lite_db_get_writer,
	.put = lite_db_put,
	.migrate = lite_db_migrate,
	.version = lite_db_version,
	.begin = lite_db_begin,
	.commit = lite_db_commit,
	.rollback = lite_db_rollback,
	.in_tx = lite_db_in_tx,
	.in_write_tx = lite_db_in_write_tx,
	.sq = lite_db_sq,
	.bind_i64 = lite_sq_i64,
	.bind_text = lite_sq_text,
	.bind_blob = lite_sq_blob,
	.bind_null = lite_sq_null,
	.step = lite_sq_step,
	.col_i64 = lite_sq_col_i64,
	.col_null = lite_sq_col_null,
	.col_str = lite_sq_col_str,
	.col_blob = lite_sq_col_blob,
	.done = lite_sq_done,
	.errmsg = lite_db_errmsg,
	.fault_arm = lite_db_fault_arm,
	.fault_points = lite_db_fault_points,
	.backup = lite_db_backup,
};
