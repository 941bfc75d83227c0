/*
 * db_pg_sq.c - the PostgreSQL driver's statements (db_pg.c has the pool
 * and the transactions): the store's ?N made $N and prepared once per
 * connection, parameters bound as text (a blob as binary), each row read
 * as text from the result of the statement's one run.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/log.h"
#include "base/str.h"
#include "store/db_driver.h"
#include "store/db_pg_int.h"
#include "base/banned.h"

#define OID_BYTEA	17

void
pg_sq_free(struct sq *q)
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
	if (sp && !pg_run(d, "SAVEPOINT prep")) {
		free(text);
		return false;
	}
	r = PQprepare(d->h, q->name, text, 0, NULL);
	ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok) {
		pg_keep_err(d, r);
		log_msg("error", "store", "%s: %s", d->err, sql);
	}
	PQclear(r);
	free(text);
	if (sp)
		(void)pg_run(d, ok ? "RELEASE SAVEPOINT prep" :
		    "ROLLBACK TO SAVEPOINT prep");
	return ok;
}

struct sq *
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

void
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

void
pg_bind_text(struct sq *q, int idx, struct str s)
{
	pg_bind_bytes(q, idx, s.p != NULL ? s.p : "", s.p != NULL ? s.len : 0,
	    0);
}

void
pg_bind_blob(struct sq *q, int idx, const void *p, size_t n)
{
	pg_bind_bytes(q, idx, p, n, 1);
}

void
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

/*
 * A write in a transaction runs inside a savepoint, so that a refusal
 * fails it alone: SAVEPOINT, the statement and RELEASE go in one round
 * trip (libpq's pipeline mode).  The statement's result is kept.
 */
static PGresult *
exec_savepoint(struct sq *q)
{
	PGconn *h = q->db->h;
	PGresult *r, *keep = NULL;
	int n = 0;

	if (PQenterPipelineMode(h) != 1)
		return NULL;
	if (PQsendQueryParams(h, "SAVEPOINT w", 0, NULL, NULL, NULL, NULL,
	    0) != 1 || PQsendQueryPrepared(h, q->name, q->np,
	    (const char *const *)q->val, q->len, q->fmt, 0) != 1 ||
	    PQsendQueryParams(h, "RELEASE SAVEPOINT w", 0, NULL, NULL, NULL,
	    NULL, 0) != 1 || PQpipelineSync(h) != 1) {
		(void)PQexitPipelineMode(h);
		return NULL;
	}
	/* three commands, each its result and a NULL, then the sync */
	while (n < 3) {
		r = PQgetResult(h);
		if (r == NULL) {
			n++;
			continue;
		}
		if (n == 1 && keep == NULL)
			keep = r;
		else if (n != 1 && PQresultStatus(r) != PGRES_COMMAND_OK &&
		    keep != NULL && PQresultStatus(keep) != PGRES_FATAL_ERROR) {
			PQclear(keep);	/* the statement ran, RELEASE did not */
			keep = r;
			continue;
		} else
			PQclear(r);
	}
	while ((r = PQgetResult(h)) != NULL) {
		ExecStatusType st = PQresultStatus(r);

		PQclear(r);
		if (st == PGRES_PIPELINE_SYNC)
			break;
	}
	(void)PQexitPipelineMode(h);
	return keep;
}

static int
execute(struct sq *q)
{
	struct db *d = q->db;
	bool sp = q->write && d->in_tx;
	ExecStatusType st;

	if (sp)
		q->res = exec_savepoint(q);
	else
		q->res = PQexecPrepared(d->h, q->name, q->np,
		    (const char *const *)q->val, q->len, q->fmt, 0);
	st = PQresultStatus(q->res);
	if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
		q->nrows = st == PGRES_TUPLES_OK ? PQntuples(q->res) : 0;
		q->row = -1;
		return SQ_DONE;
	}
	pg_keep_err(d, q->res);
	if (sp)
		(void)pg_run(d, "ROLLBACK TO SAVEPOINT w; RELEASE SAVEPOINT w");
	if (q->res != NULL && constraint(q->res)) {
		PQclear(q->res);
		q->res = NULL;
		return SQ_CONSTRAINT;
	}
	log_msg("error", "store", "%s", d->err);
	PQclear(q->res);
	q->res = NULL;
	return SQ_ERR;
}

int
pg_step(struct sq *q)
{
	if (pg_fault_hit(q->db))
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

int64_t
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

bool
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

struct str
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

size_t
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

void
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

