/*
 * db_pg.c - the driver of db.h on PostgreSQL (libpq), for a store that
 * many instances share (docs/postgresql.md).
 *
 * A fixed pool of connections, as the SQLite driver's.  A statement's SQL
 * is the store's own text: its numbered parameters ?N become $N once,
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

#include <libpq-fe.h>

#include "base/arena.h"
#include "base/log.h"
#include "base/str.h"
#include "store/db.h"
#include "store/db_driver.h"
#include "store/migrations.h"
#include "base/banned.h"

#define NCACHE	256		/* statements cached per connection */
#define LOCK_CLASS	"1936026740"	/* the advisory lock's first key */
#define OID_BYTEA	17

enum pkind { P_NULL, P_I64, P_TEXT, P_BLOB };

struct sq {
	const struct db_ops *ops;	/* first: db.c dispatches on it */
	struct db	*db;
	char		 name[16];	/* the prepared statement's */
	bool		 write;		/* INSERT, UPDATE, DELETE: savepoint */
	int		 np;		/* parameters: $1 .. $np */
	char		**val;		/* each parameter's bytes */
	int		*len;
	int		*fmt;		/* 0 text, 1 binary */
	char		(*num)[24];	/* a number's digits */
	char		**own;		/* a copied text or blob, freed */
	PGresult	*res;		/* the rows, once run */
	int		 row, nrows;
};

struct db {
	const struct db_ops *ops;	/* first: db.c dispatches on it */
	PGconn		*h;
	struct db_pool	*pool;
	bool		 in_tx;
	bool		 write;
	bool		 writer;
	int		 nsq;		/* statements prepared */
	char		 err[256];	/* the last error */
	const char	*key[NCACHE];
	struct sq	 val[NCACHE];
};

struct db_pool {
	const struct db_ops *ops;	/* first: db.c dispatches on it */
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	pthread_mutex_t	 wmu;
	struct db	**all;
	struct db	**free;
	int		 n, nfree;
	atomic_long	 fault_at;
	atomic_long	 fault_seen;
};

static void
seterr(char *err, size_t errsz, const char *what, const char *why)
{
	if (err != NULL && errsz > 0)
		snprintf(err, errsz, "%s: %s", what, why);
}

/* Keeps a failed result's message (one line) for db_errmsg. */
static void
keep_err(struct db *d, const PGresult *r)
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
static bool
run(struct db *d, const char *sql)
{
	PGresult *r = PQexec(d->h, sql);
	ExecStatusType st = PQresultStatus(r);
	bool ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;

	if (!ok)
		keep_err(d, r);
	PQclear(r);
	return ok;
}

static void
sq_free(struct sq *q)
{
	if (q->own != NULL)
		for (int i = 0; i < q->np; i++)
			free(q->own[i]);
	PQclear(q->res);
	free(q->val);
	free(q->len);
	free(q->fmt);
	free(q->num);
	free(q->own);
}

static void
pg_close1(struct db *d)
{
	if (d == NULL)
		return;
	for (int i = 0; i < NCACHE; i++)
		if (d->key[i] != NULL)
			sq_free(&d->val[i]);
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
	if (PQsetClientEncoding(d->h, "UTF8") != 0 || !run(d, setup)) {
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
		keep_err(d, r);
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
	if (!run(d, "BEGIN") || !run(d, lock_sql) ||
	    !run(d, "CREATE TABLE IF NOT EXISTS selter_schema "
	    "(version INTEGER NOT NULL)"))
		goto fail;
	if ((now = pg_version(d)) < 0)
		goto fail;
	if (now == 0 && !run(d, "INSERT INTO selter_schema SELECT 0 "
	    "WHERE NOT EXISTS (SELECT 1 FROM selter_schema)"))
		goto fail;
	if (now > v) {		/* another instance did it */
		run(d, "ROLLBACK");
		return SEL_OK;
	}
	snprintf(set, sizeof set, "UPDATE selter_schema SET version = %d",
	    v + 1);
	if (!run(d, db_pg_migrations[v]) || !run(d, set) || !run(d, "COMMIT"))
		goto fail;
	return SEL_OK;
fail:
	seterr(err, errsz, what, d->err);
	run(d, "ROLLBACK");
	return SEL_ESTORE;
}

static enum sel_err
pg_migrate(struct db *d, char *err, size_t errsz)
{
	int v;

	if (!run(d, "CREATE TABLE IF NOT EXISTS selter_schema "
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

static enum sel_err
pg_begin(struct db *d, bool write)
{
	if (d->in_tx)
		return SEL_EINTERNAL;
	if (fault_hit(d))
		return SEL_ESTORE;
	if (write) {
		if (!run(d, "BEGIN ISOLATION LEVEL READ COMMITTED"))
			return SEL_ESTORE;
		if (!run(d, lock_sql)) {
			run(d, "ROLLBACK");
			return SEL_ESTORE;
		}
	} else if (!run(d, "BEGIN ISOLATION LEVEL REPEATABLE READ")) {
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
	if (fault_hit(d)) {
		pg_rollback(d);
		return SEL_ESTORE;
	}
	/* A transaction a statement aborted "commits" as ROLLBACK. */
	r = PQexec(d->h, "COMMIT");
	ok = PQresultStatus(r) == PGRES_COMMAND_OK &&
	    strcmp(PQcmdStatus(r), "COMMIT") == 0;
	if (!ok)
		keep_err(d, r);
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
		(void)run(d, "ROLLBACK");
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

/*
 * The store's SQL with ?N as $N (outside quoted text), and the highest N.
 * SQLite's bare ? is not used by the store.
 */
static char *
rewrite(const char *sql, int *np)
{
	size_t n = strlen(sql);
	char *out = xmalloc(n + 1), *o = out;
	char quote = 0;

	*np = 0;
	for (const char *p = sql; *p != '\0'; p++) {
		if (quote != 0) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
		} else if (*p == '?' && p[1] >= '0' && p[1] <= '9') {
			int k = (int)strtol(p + 1, NULL, 10);

			if (k > *np)
				*np = k;
			*o++ = '$';
			continue;
		}
		*o++ = *p;
	}
	*o = '\0';
	return out;
}

static bool
is_write(const char *sql)
{
	while (*sql == ' ' || *sql == '\n' || *sql == '\t')
		sql++;
	return strncmp(sql, "INSERT", 6) == 0 ||
	    strncmp(sql, "UPDATE", 6) == 0 || strncmp(sql, "DELETE", 6) == 0 ||
	    strncmp(sql, "WITH", 4) == 0;
}

/* Prepares, inside a savepoint when in a transaction: a failed prepare
   must not abort the transaction. */
static bool
prepare(struct db *d, struct sq *q, const char *sql)
{
	char *text = rewrite(sql, &q->np);
	PGresult *r;
	bool ok, sp = d->in_tx;

	snprintf(q->name, sizeof q->name, "s%d", d->nsq++);
	if (sp && !run(d, "SAVEPOINT prep")) {
		free(text);
		return false;
	}
	r = PQprepare(d->h, q->name, text, 0, NULL);
	ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok) {
		keep_err(d, r);
		log_msg("error", "store", "%s: %s", d->err, sql);
	}
	PQclear(r);
	free(text);
	if (sp)
		(void)run(d, ok ? "RELEASE SAVEPOINT prep" :
		    "ROLLBACK TO SAVEPOINT prep");
	return ok;
}

static struct sq *
pg_sq(struct db *d, const char *sql)
{
	uintptr_t h = (uintptr_t)sql;
	unsigned i = (unsigned)((h >> 3) ^ (h >> 11)) % NCACHE;

	for (unsigned k = 0; k < NCACHE; k++, i = (i + 1) % NCACHE) {
		struct sq *q = &d->val[i];
		size_t np;

		if (d->key[i] == sql)
			return q;
		if (d->key[i] != NULL)
			continue;
		memset(q, 0, sizeof *q);
		if (!prepare(d, q, sql))
			return NULL;
		q->ops = &db_pg_ops;
		q->db = d;
		q->write = is_write(sql);
		np = (size_t)(q->np > 0 ? q->np : 1);
		q->val = xmalloc(np * sizeof *q->val);
		q->len = xmalloc(np * sizeof *q->len);
		q->fmt = xmalloc(np * sizeof *q->fmt);
		q->num = xmalloc(np * sizeof *q->num);
		q->own = xmalloc(np * sizeof *q->own);
		for (size_t j = 0; j < np; j++) {
			q->val[j] = NULL;
			q->len[j] = 0;
			q->fmt[j] = 0;
			q->own[j] = NULL;
		}
		d->key[i] = sql;
		return q;
	}
	log_msg("error", "store", "statement cache full");
	return NULL;
}

/* Parameter idx (1-based), its old copy freed; NULL when out of range. */
static int
slot(struct sq *q, int idx)
{
	if (idx < 1 || idx > q->np)
		return -1;
	free(q->own[idx - 1]);
	q->own[idx - 1] = NULL;
	q->fmt[idx - 1] = 0;
	return idx - 1;
}

static void
pg_bind_i64(struct sq *q, int idx, int64_t v)
{
	int i = slot(q, idx);

	if (i < 0)
		return;
	q->len[i] = snprintf(q->num[i], sizeof q->num[i], "%lld",
	    (long long)v);
	q->val[i] = q->num[i];
}

static void
pg_bind_bytes(struct sq *q, int idx, const void *p, size_t n, int fmt)
{
	int i = slot(q, idx);

	if (i < 0)
		return;
	q->own[i] = xmalloc(n + 1);
	if (n > 0)
		memcpy(q->own[i], p, n);
	q->own[i][n] = '\0';
	q->val[i] = q->own[i];
	q->len[i] = (int)n;
	q->fmt[i] = fmt;
}

static void
pg_bind_text(struct sq *q, int idx, struct str s)
{
	pg_bind_bytes(q, idx, s.p != NULL ? s.p : "", s.p != NULL ? s.len : 0,
	    0);
}

static void
pg_bind_blob(struct sq *q, int idx, const void *p, size_t n)
{
	pg_bind_bytes(q, idx, p, n, 1);
}

static void
pg_bind_null(struct sq *q, int idx)
{
	int i = slot(q, idx);

	if (i >= 0)
		q->val[i] = NULL;
}

/* Class 23: integrity constraint violation (unique, check, foreign key,
   and the append-only triggers' own). */
static bool
constraint(const PGresult *r)
{
	const char *st = PQresultErrorField(r, PG_DIAG_SQLSTATE);

	return st != NULL && strncmp(st, "23", 2) == 0;
}

static int
execute(struct sq *q)
{
	struct db *d = q->db;
	bool sp = q->write && d->in_tx;
	ExecStatusType st;

	if (sp && !run(d, "SAVEPOINT w"))
		return SQ_ERR;
	q->res = PQexecPrepared(d->h, q->name, q->np,
	    (const char *const *)q->val, q->len, q->fmt, 0);
	st = PQresultStatus(q->res);
	if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
		if (sp && !run(d, "RELEASE SAVEPOINT w"))
			return SQ_ERR;
		q->nrows = st == PGRES_TUPLES_OK ? PQntuples(q->res) : 0;
		q->row = -1;
		return SQ_DONE;
	}
	keep_err(d, q->res);
	if (sp)
		(void)run(d, "ROLLBACK TO SAVEPOINT w");
	if (constraint(q->res)) {
		PQclear(q->res);
		q->res = NULL;
		return SQ_CONSTRAINT;
	}
	log_msg("error", "store", "%s", d->err);
	PQclear(q->res);
	q->res = NULL;
	return SQ_ERR;
}

static int
pg_step(struct sq *q)
{
	if (fault_hit(q->db))
		return SQ_ERR;		/* as an I/O error, not run */
	if (q->res == NULL) {
		int rc = execute(q);

		if (rc != SQ_DONE)
			return rc;
	}
	if (++q->row < q->nrows)
		return SQ_ROW;
	q->row = q->nrows;
	return SQ_DONE;
}

static bool
have(const struct sq *q, int col)
{
	return q->res != NULL && q->row >= 0 && q->row < q->nrows &&
	    col >= 0 && col < PQnfields(q->res);
}

static int64_t
pg_col_i64(struct sq *q, int col)
{
	const char *v;

	if (!have(q, col) || PQgetisnull(q->res, q->row, col))
		return 0;
	v = PQgetvalue(q->res, q->row, col);
	if (v[0] == 't' && v[1] == '\0')
		return 1;
	return strtoll(v, NULL, 10);	/* "f" and "12.5" as SQLite's */
}

static bool
pg_col_null(struct sq *q, int col)
{
	return !have(q, col) || PQgetisnull(q->res, q->row, col);
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A bytea's bytes, from its hex text: how many, or -1. */
static long
unhex(const char *v, size_t n, unsigned char *out, size_t max)
{
	size_t k;

	if (n < 2 || v[0] != '\\' || v[1] != 'x' || (n - 2) % 2 != 0)
		return -1;
	k = (n - 2) / 2;
	if (out == NULL)
		return (long)k;
	if (k > max)
		return -1;
	for (size_t i = 0; i < k; i++) {
		int hi = hexval(v[2 + 2 * i]), lo = hexval(v[3 + 2 * i]);

		if (hi < 0 || lo < 0)
			return -1;
		out[i] = (unsigned char)(hi << 4 | lo);
	}
	return (long)k;
}

static struct str
pg_col_str(struct arena *a, struct sq *q, int col)
{
	const char *v;
	size_t n;

	if (!have(q, col) || PQgetisnull(q->res, q->row, col))
		return (struct str){ "", 0 };
	v = PQgetvalue(q->res, q->row, col);
	n = (size_t)PQgetlength(q->res, q->row, col);
	if (PQftype(q->res, col) == OID_BYTEA) {
		long k = unhex(v, n, NULL, 0);
		unsigned char *b;

		if (k < 0)
			return (struct str){ "", 0 };
		b = arena_alloc(a, (size_t)k + 1);
		(void)unhex(v, n, b, (size_t)k);
		b[k] = '\0';
		return (struct str){ (const char *)b, (size_t)k };
	}
	return (struct str){ arena_strndup(a, v, n), n };
}

static size_t
pg_col_blob(struct sq *q, int col, void *out, size_t max)
{
	const char *v;
	size_t n;
	long k;

	if (!have(q, col) || PQgetisnull(q->res, q->row, col))
		return 0;
	v = PQgetvalue(q->res, q->row, col);
	n = (size_t)PQgetlength(q->res, q->row, col);
	if (PQftype(q->res, col) != OID_BYTEA) {
		if (n > max)
			return 0;
		memcpy(out, v, n);
		return n;
	}
	k = unhex(v, n, out, max);
	return k < 0 ? 0 : (size_t)k;
}

static void
pg_done(struct sq *q)
{
	PQclear(q->res);
	q->res = NULL;
	q->row = q->nrows = 0;
	for (int i = 0; i < q->np; i++) {
		free(q->own[i]);
		q->own[i] = NULL;
		q->val[i] = NULL;
		q->len[i] = 0;
		q->fmt[i] = 0;
	}
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
