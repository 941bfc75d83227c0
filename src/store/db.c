/*
 * db.c - db.h's functions: the driver is chosen once, when the pool is
 * opened, from the store's location (db_driver.h); every other call goes
 * to the driver its pool, connection or statement was made by.  A pool,
 * a connection and a statement of each driver begin with a pointer to
 * their driver's table.
 */
#include <string.h>

#include "store/db_driver.h"
#include "base/banned.h"

#define OPS(x)	(*(const struct db_ops *const *)(const void *)(x))

bool
db_is_pg(const char *location)
{
	return location != NULL &&
	    (strncmp(location, "postgresql://", 13) == 0 ||
	    strncmp(location, "postgres://", 11) == 0);
}

enum sel_err
db_pool_open(const char *path, int nconn, struct db_pool **out, char *err,
    size_t errsz)
{
	const struct db_ops *o = db_is_pg(path) ? &db_pg_ops : &db_sqlite_ops;

	return o->pool_open(path, nconn, out, err, errsz);
}

void
db_pool_close(struct db_pool *p)
{
	if (p != NULL)
		OPS(p)->pool_close(p);
}

struct db *
db_get(struct db_pool *p)
{
	return OPS(p)->get(p);
}

struct db *
db_get_writer(struct db_pool *p)
{
	return OPS(p)->get_writer(p);
}

void
db_put(struct db_pool *p, struct db *d)
{
	OPS(p)->put(p, d);
}

enum sel_err
db_migrate(struct db *d, char *err, size_t errsz)
{
	return OPS(d)->migrate(d, err, errsz);
}

int
db_version(struct db *d)
{
	return OPS(d)->version(d);
}

enum sel_err
db_begin(struct db *d, bool w)
{
	return OPS(d)->begin(d, w);
}

enum sel_err
db_commit(struct db *d)
{
	return OPS(d)->commit(d);
}

void
db_rollback(struct db *d)
{
	OPS(d)->rollback(d);
}

bool
db_in_tx(const struct db *d)
{
	return OPS(d)->in_tx(d);
}

bool
db_in_write_tx(const struct db *d)
{
	return OPS(d)->in_write_tx(d);
}

struct sq *
db_sq(struct db *d, const char *sql)
{
	return OPS(d)->sq(d, sql);
}

void
sq_i64(struct sq *q, int i, int64_t v)
{
	OPS(q)->bind_i64(q, i, v);
}

void
sq_text(struct sq *q, int i, struct str s)
{
	OPS(q)->bind_text(q, i, s);
}

void
sq_blob(struct sq *q, int i, const void *p, size_t n)
{
	OPS(q)->bind_blob(q, i, p, n);
}

void
sq_null(struct sq *q, int i)
{
	OPS(q)->bind_null(q, i);
}

int
sq_step(struct sq *q)
{
	return OPS(q)->step(q);
}

int64_t
sq_col_i64(struct sq *q, int c)
{
	return OPS(q)->col_i64(q, c);
}

bool
sq_col_null(struct sq *q, int c)
{
	return OPS(q)->col_null(q, c);
}

struct str
sq_col_str(struct arena *a, struct sq *q, int c)
{
	return OPS(q)->col_str(a, q, c);
}

size_t
sq_col_blob(struct sq *q, int c, void *out, size_t max)
{
	return OPS(q)->col_blob(q, c, out, max);
}

void
sq_done(struct sq *q)
{
	OPS(q)->done(q);
}

enum sel_err
sq_exec(struct sq *q)
{
	int rc = sq_step(q);

	sq_done(q);
	return rc == SQ_DONE || rc == SQ_ROW ? SEL_OK : SEL_ESTORE;
}

const char *
db_errmsg(struct db *d)
{
	return OPS(d)->errmsg(d);
}

void
db_fault_arm(struct db_pool *p, long n)
{
	OPS(p)->fault_arm(p, n);
}

long
db_fault_points(struct db_pool *p)
{
	return OPS(p)->fault_points(p);
}

enum sel_err
db_backup(struct db *d, const char *path, char *err, size_t errsz)
{
	return OPS(d)->backup(d, path, err, errsz);
}
