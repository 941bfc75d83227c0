/*
 * db.h - the store's database driver: a pool of connections, transactions
 * and prepared statements with numbered parameters (?1, ?2, ...).
 *
 * Private to src/store: callers outside use store.h.  The SQL the store
 * writes is portable (RETURNING, numbered parameters, no SQLite-only
 * functions), so a PostgreSQL driver implements this header and keeps the
 * queries.  db_sqlite.c is the embedded one.
 *
 * Ownership: a struct db is taken from the pool by one thread and given
 * back; statements belong to their connection and are cached by their SQL
 * text's address (queries are string literals).  Text read from a row is
 * copied into the caller's arena.
 */
#ifndef SELTER_STORE_DB_H
#define SELTER_STORE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/str.h"

struct arena;
struct db;
struct db_pool;
struct sq;

enum sel_err	db_pool_open(const char *path, int nconn,
		    struct db_pool **, char *err, size_t errsz);
void		db_pool_close(struct db_pool *);
struct db	*db_get(struct db_pool *);	/* waits for a free one */
/*
 * A connection for a write transaction: the process's writers queue here,
 * one at a time, before taking a connection (so waiting writers hold none
 * and never spin in the database's busy handler); db_put lets the next in.
 */
struct db	*db_get_writer(struct db_pool *);
void		db_put(struct db_pool *, struct db *);

/* Applies every migration newer than the database's version, in order. */
enum sel_err	db_migrate(struct db *, char *err, size_t errsz);
int		db_version(struct db *);

/*
 * Transactions.  A write transaction takes the write lock at its start, so
 * two writers never deadlock half-way; commit is durable (fsync) before it
 * returns.
 */
enum sel_err	db_begin(struct db *, bool write);
enum sel_err	db_commit(struct db *);
void		db_rollback(struct db *);
bool		db_in_tx(const struct db *);
bool		db_in_write_tx(const struct db *);

/* Statements: NULL when the SQL does not compile (a bug: logged). */
struct sq	*db_sq(struct db *, const char *sql);
void		 sq_i64(struct sq *, int idx, int64_t);
void		 sq_text(struct sq *, int idx, struct str);
void		 sq_blob(struct sq *, int idx, const void *, size_t);
void		 sq_null(struct sq *, int idx);

enum { SQ_ERR = -1, SQ_DONE = 0, SQ_ROW = 1, SQ_CONSTRAINT = 2 };
int		 sq_step(struct sq *);
int64_t		 sq_col_i64(struct sq *, int col);
bool		 sq_col_null(struct sq *, int col);
struct str	 sq_col_str(struct arena *, struct sq *, int col);
size_t		 sq_col_blob(struct sq *, int col, void *, size_t max);
void		 sq_done(struct sq *);	/* reset for the next use */

/* Runs a statement without rows; SEL_ESTORE on error. */
enum sel_err	 sq_exec(struct sq *);

/* The last error's text, for the log. */
const char	*db_errmsg(struct db *);

/*
 * Fault injection, for tests only (docs/architecture.md, "Fault
 * injection"), as SQLite's own tests fail their n-th I/O: armed with n > 0,
 * the n-th fault point from now fails once, as an I/O error would
 * (SQLITE_IOERR): it is not run and its caller sees SQ_ERR or SEL_ESTORE.
 * The fault points are every statement step (sq_step, and so sq_exec) and
 * every BEGIN and COMMIT of db_begin/db_commit; a ROLLBACK never fails (it
 * is the way out).  n == 0 counts the points without failing any; n < 0
 * turns the hook off, as it is from db_pool_open.  db_fault_points is the
 * number of points passed since the last arm.  Only tests arm it: no
 * configuration, environment variable or command reaches it, and
 * tools/lint fails any file of src/ other than the store's own that names
 * it.
 */
void		 db_fault_arm(struct db_pool *, long n);
long		 db_fault_points(struct db_pool *);

/* An online copy of the whole database to path (operations: backup). */
enum sel_err	db_backup(struct db *, const char *path, char *err,
		    size_t errsz);

#endif
