/*
 * db_pg.c - the driver of db.h on PostgreSQL (libpq), for a store that
 * many instances share (docs/postgresql.md).
 *
 * A fixed pool of connections, as the SQLite driver's.  A statement's SQL
 * (db_pg_sq.c) is the store's own text: its numbered parameters ?N become $N once,
 * when the statement is first used on a connection, and it is prepared
 * there under a name of its own and cached by the text's address.  Rows
 * come back as text (a number in decimal, a bytea in hex, a boolean as
 * t or f) and are read from the result a step at a time.
 *
 * Transactions keep the SQLite driver's meaning.  A read transaction is
 * REPEATABLE READ: one snapshot, as SQLite's.  A write transaction is
 * READ COMMITTED and takes, first, a transaction-scoped advisory lock of
 * the store (its schema): the writers of every instance queue there, one
 * at a time, and each statement after it sees every commit before it, so
 * the audit trail's head is read and appended under the lock and two
 * instances never fork it.  A statement that fails on a constraint only
 * fails itself (a savepoint around each write), as in SQLite, where the
 * transaction goes on.  Commit is durable: synchronous_commit is on.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/log.h"
#include "base/str.h"
#include "store/db_driver.h"
#include "store/db_pg_int.h"
#include "store/migrations.h"
#include "base/banned.h"
static void
seterr(char *err, size_t errsz, const char *what, const char *why)
{
	if (err != NULL && errsz > 0)
		snprintf(err, errsz, "%s: %s", what, why);
}

/* Keeps a failed result's message (one line) for db_errmsg. */
void
pg_keep_err(struct db *d, const PGresult *r)
{
	const char *m = r != NULL ? PQresultErrorMessage(r) :
	    PQerrorMessage(d->h);
	size_t n;

	snprintf(d->err, sizeof d->err, "%s", m != NULL ? m : "?");
	n = strlen(d->err);
	while (n > 0 && (d->err[n - 1] == '\n' || d->err[n - 1] == ' '))
		d->err[--n] = '\0';
}

/* Runs SQL without parameters; true when it succeeded. */
bool
pg_run(struct db *d, const char *sql)
{
	PGresult *r = PQexec(d->h, sql);
	ExecStatusType st = PQresultStatus(r);
	bool ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;

	if (!ok)
		pg_keep_err(d, r);
	PQclear(r);
	return ok;
}

static void
pg_close1(struct db *d)
{
	if (d == NULL)
		return;
	for (int i = 0; i < NCACHE; i++)
		if (d->key[i] != NULL)
			pg_sq_free(&d->val[i]);
	PQfinish(d->h);
	free(d);
}

static void
quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

static enum sel_err
pg_open1(const char *url, struct db **out, char *err, size_t errsz)
{
	static const char setup[] =
	    "SET synchronous_commit = on;"
	    "SET client_min_messages = warning;"
	    "SET TIME ZONE 'UTC';"
	    "SET standard_conforming_strings = on";
	struct db *d = xmalloc(sizeof *d);
	PGresult *r;

	memset(d, 0, sizeof *d);
	d->ops = &db_pg_ops;
	d->h = PQconnectdb(url);
	if (PQstatus(d->h) != CONNECTION_OK) {
		seterr(err, errsz, "postgresql", PQerrorMessage(d->h));
		goto fail;
	}
	PQsetNoticeProcessor(d->h, quiet, NULL);
	if (PQsetClientEncoding(d->h, "UTF8") != 0 || !pg_run(d, setup)) {
		seterr(err, errsz, "postgresql", d->err);
		goto fail;
	}
	/*
	 * Text orders byte by byte, as in SQLite: the database's collation
	 * must be C (initdb --locale=C, or CREATE DATABASE ... LC_COLLATE
	 * 'C' TEMPLATE template0).
	 */
	r = PQexec(d->h, "SELECT datcollate FROM pg_database "
	    "WHERE datname = current_database()");
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1 ||
	    (strcmp(PQgetvalue(r, 0, 0), "C") != 0 &&
	    strcmp(PQgetvalue(r, 0, 0), "POSIX") != 0)) {
		seterr(err, errsz, "postgresql", "the database's collation "
		    "must be C (LC_COLLATE 'C'): text is ordered as bytes");
		PQclear(r);
		goto fail;
	}
	PQclear(r);
	*out = d;
	return SEL_OK;
fail:
	pg_close1(d);
	return SEL_ESTORE;
}

static void pg_pool_close(struct db_pool *);

static enum sel_err
pg_pool_open(const char *url, int nconn, struct db_pool **out, char *err,
    size_t errsz)
{
	struct db_pool *p;

	if (nconn < 1 || nconn > 256) {
		seterr(err, errsz, "postgresql", "bad connection count");
		return SEL_EINVAL;
	}
	p = xmalloc(sizeof *p);
	memset(p, 0, sizeof *p);
	p->ops = &db_pg_ops;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	pthread_mutex_init(&p->wmu, NULL);
	atomic_init(&p->fault_at, -1);
	atomic_init(&p->fault_seen, 0);
	p->all = xmalloc(sizeof *p->all * (size_t)nconn);
	p->free = xmalloc(sizeof *p->free * (size_t)nconn);
	for (int i = 0; i < nconn; i++) {
		if (pg_open1(url, &p->all[i], err, errsz) != SEL_OK) {
			p->n = i;
			pg_pool_close(p);
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
pg_pool_close(struct db_pool *p)
{
	if (p == NULL)
		return;
	for (int i = 0; i < p->n; i++)
		pg_close1(p->all[i]);
	pthread_cond_destroy(&p->cv);
	pthread_mutex_destroy(&p->mu);
	pthread_mutex_destroy(&p->wmu);
	free(p->all);
	free(p->free);
	free(p);
}

static struct db *
pg_get(struct db_pool *p)
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
pg_get_writer(struct db_pool *p)
{
	struct db *d;

	pthread_mutex_lock(&p->wmu);
	d = pg_get(p);
	d->writer = true;
	return d;
}

static void pg_rollback(struct db *);

static void
pg_put(struct db_pool *p, struct db *d)
{
	bool writer = d->writer;

	if (d->in_tx)
		pg_rollback(d);
	d->writer = false;
	pthread_mutex_lock(&p->mu);
	p->free[p->nfree++] = d;
	pthread_cond_signal(&p->cv);
	pthread_mutex_unlock(&p->mu);
	if (writer)
		pthread_mutex_unlock(&p->wmu);
}

/* The store's write lock: one per schema, so per store. */
static const char lock_sql[] = "SELECT pg_advisory_xact_lock(" LOCK_CLASS
    ", hashtext(current_schema()))";

static int
pg_version(struct db *d)
{
	PGresult *r = PQexec(d->h, "SELECT version FROM selter_schema");
	int v = -1;

	if (PQresultStatus(r) == PGRES_TUPLES_OK)
		v = PQntuples(r) == 1 ? (int)strtol(PQgetvalue(r, 0, 0),
		    NULL, 10) : 0;
	else
		pg_keep_err(d, r);
	PQclear(r);
	return v;
}

/* One migration, under the write lock: another instance may race. */
static enum sel_err
migrate1(struct db *d, int v, char *err, size_t errsz)
{
	char set[96], what[32];
	int now;

	snprintf(what, sizeof what, "migration %d", v + 1);
	if (!pg_run(d, "BEGIN") || !pg_run(d, lock_sql) ||
	    !pg_run(d, "CREATE TABLE IF NOT EXISTS selter_schema "
	    "(version INTEGER NOT NULL)"))
		goto fail;
	if ((now = pg_version(d)) < 0)
		goto fail;
	if (now == 0 && !pg_run(d, "INSERT INTO selter_schema SELECT 0 "
	    "WHERE NOT EXISTS (SELECT 1 FROM selter_schema)"))
		goto fail;
	if (now > v) {		/* another instance did it */
		pg_run(d, "ROLLBACK");
		return SEL_OK;
	}
	snprintf(set, sizeof set, "UPDATE selter_schema SET version = %d",
	    v + 1);
	if (!pg_run(d, db_pg_migrations[v]) || !pg_run(d, set) || !pg_run(d, "COMMIT"))
		goto fail;
	return SEL_OK;
fail:
	seterr(err, errsz, what, d->err);
	pg_run(d, "ROLLBACK");
	return SEL_ESTORE;
}

static enum sel_err
pg_migrate(struct db *d, char *err, size_t errsz)
{
	int v;

	if (!pg_run(d, "CREATE TABLE IF NOT EXISTS selter_schema "
	    "(version INTEGER NOT NULL)") || (v = pg_version(d)) < 0) {
		seterr(err, errsz, "migrate", d->err);
		return SEL_ESTORE;
	}
	if (v > db_pg_nmigrations) {
		seterr(err, errsz, "migrate", "the database is newer than "
		    "this program (downgrade is not supported)");
		return SEL_EINVAL;
	}
	for (; v < db_pg_nmigrations; v++)
		if (migrate1(d, v, err, errsz) != SEL_OK)
			return SEL_ESTORE;
	return SEL_OK;
}

/* The test hook (db.h), as in db_sqlite.c. */
bool
pg_fault_hit(struct db *d)
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
pg_fault_arm(struct db_pool *p, long n)
{
	atomic_store(&p->fault_at, -1);
	atomic_store(&p->fault_seen, 0);
	atomic_store(&p->fault_at, n < 0 ? -1 : n);
}

static long
pg_fault_points(struct db_pool *p)
{
	return atomic_load(&p->fault_seen);
}

static const char begin_w[] = "BEGIN ISOLATION LEVEL READ COMMITTED; "
    "SELECT pg_advisory_xact_lock(" LOCK_CLASS
    ", hashtext(current_schema()))";

static enum sel_err
pg_begin(struct db *d, bool write)
{
	if (d->in_tx)
		return SEL_EINTERNAL;
	if (pg_fault_hit(d))
		return SEL_ESTORE;
	if (write) {
		/* one round trip: BEGIN and the lock */
		if (!pg_run(d, begin_w)) {
			pg_rollback(d);
			return SEL_ESTORE;
		}
	} else if (!pg_run(d, "BEGIN ISOLATION LEVEL REPEATABLE READ")) {
		return SEL_ESTORE;
	}
	d->in_tx = true;
	d->write = write;
	return SEL_OK;
}

static enum sel_err
pg_commit(struct db *d)
{
	PGresult *r;
	bool ok;

	if (!d->in_tx)
		return SEL_EINTERNAL;
	if (pg_fault_hit(d)) {
		pg_rollback(d);
		return SEL_ESTORE;
	}
	/* A transaction a statement aborted "commits" as ROLLBACK. */
	r = PQexec(d->h, "COMMIT");
	ok = PQresultStatus(r) == PGRES_COMMAND_OK &&
	    strcmp(PQcmdStatus(r), "COMMIT") == 0;
	if (!ok)
		pg_keep_err(d, r);
	PQclear(r);
	if (!ok) {
		pg_rollback(d);
		return SEL_ESTORE;
	}
	d->in_tx = false;
	return SEL_OK;
}

static void
pg_rollback(struct db *d)
{
	if (PQtransactionStatus(d->h) != PQTRANS_IDLE)
		(void)pg_run(d, "ROLLBACK");
	d->in_tx = false;
}

static bool
pg_in_tx(const struct db *d)
{
	return d->in_tx;
}

static bool
pg_in_write_tx(const struct db *d)
{
	return d->in_tx && d->write;
}

static const char *
pg_errmsg(struct db *d)
{
	return d->err[0] != '\0' ? d->err : PQerrorMessage(d->h);
}

static enum sel_err
pg_backup(struct db *d, const char *path, char *err, size_t errsz)
{
	(void)d;
	seterr(err, errsz, path, "a PostgreSQL store is backed up with "
	    "pg_dump (or pg_basebackup): docs/postgresql.md");
	return SEL_EINVAL;
}

const struct db_ops db_pg_ops = {
	.name = "postgresql",
	.pool_open = pg_pool_open,
	.pool_close = pg_pool_close,
	.get = pg_get,
	.get_writer = pg_get_writer,
	.put = pg_put,
	.migrate = pg_migrate,
	.version = pg_version,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.in_tx = pg_in_tx,
	.in_write_tx = pg_in_write_tx,
	.sq = pg_sq,
	.bind_i64 = pg_bind_i64,
	.bind_text = pg_bind_text,
	.bind_blob = pg_bind_blob,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.col_i64 = pg_col_i64,
	.col_null = pg_col_null,
	.col_str = pg_col_str,
	.col_blob = pg_col_blob,
	.done = pg_done,
	.errmsg = pg_errmsg,
	.fault_arm = pg_fault_arm,
	.fault_points = pg_fault_points,
	.backup = pg_backup,
};
