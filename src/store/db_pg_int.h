/*
 * db_pg_int.h - private to the PostgreSQL driver (db_pg.c, db_pg_sq.c):
 * its pool, connection and statement, and what the two files share.
 */
#ifndef SELTER_STORE_DB_PG_INT_H
#define SELTER_STORE_DB_PG_INT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <pthread.h>

#include <libpq-fe.h>

#include "store/db.h"

#define NCACHE	256		/* statements cached per connection */
#define LOCK_CLASS	"1936026740"	/* the advisory lock's first key */

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

/* Keeps a failed result's message (one line) for db_errmsg. */
void		 pg_keep_err(struct db *, const PGresult *);
/* Runs SQL without parameters; true when it succeeded. */
bool		 pg_run(struct db *, const char *sql);
/* The test hook (db.h): whether this fault point is the one to fail. */
bool		 pg_fault_hit(struct db *);

/* db_pg_sq.c */
void		 pg_sq_free(struct sq *);
struct sq	*pg_sq(struct db *, const char *sql);
void		 pg_bind_i64(struct sq *, int, int64_t);
void		 pg_bind_text(struct sq *, int, struct str);
void		 pg_bind_blob(struct sq *, int, const void *, size_t);
void		 pg_bind_null(struct sq *, int);
int		 pg_step(struct sq *);
int64_t		 pg_col_i64(struct sq *, int);
bool		 pg_col_null(struct sq *, int);
struct str	 pg_col_str(struct arena *, struct sq *, int);
size_t		 pg_col_blob(struct sq *, int, void *, size_t);
void		 pg_done(struct sq *);

#endif
