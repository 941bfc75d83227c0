/*
 * db_driver.h - private to the store's drivers: the table of a driver's
 * functions behind db.h.  db.c chooses the driver from the store's
 * location (a path: SQLite; "postgresql://" or "postgres://": PostgreSQL)
 * and dispatches each call of db.h through the table that the pool, the
 * connection or the statement names in its first member.
 */
#ifndef SELTER_STORE_DB_DRIVER_H
#define SELTER_STORE_DB_DRIVER_H

#include "store/db.h"

struct db_ops {
	const char	*name;
	enum sel_err	(*pool_open)(const char *, int, struct db_pool **,
			    char *, size_t);
	void		(*pool_close)(struct db_pool *);
	struct db	*(*get)(struct db_pool *);
	struct db	*(*get_writer)(struct db_pool *);
	void		(*put)(struct db_pool *, struct db *);
	enum sel_err	(*migrate)(struct db *, char *, size_t);
	int		(*version)(struct db *);
	enum sel_err	(*begin)(struct db *, bool);
	enum sel_err	(*commit)(struct db *);
	void		(*rollback)(struct db *);
	bool		(*in_tx)(const struct db *);
	bool		(*in_write_tx)(const struct db *);
	struct sq	*(*sq)(struct db *, const char *);
	void		(*bind_i64)(struct sq *, int, int64_t);
	void		(*bind_text)(struct sq *, int, struct str);
	void		(*bind_blob)(struct sq *, int, const void *, size_t);
	void		(*bind_null)(struct sq *, int);
	int		(*step)(struct sq *);
	int64_t		(*col_i64)(struct sq *, int);
	bool		(*col_null)(struct sq *, int);
	struct str	(*col_str)(struct arena *, struct sq *, int);
	size_t		(*col_blob)(struct sq *, int, void *, size_t);
	void		(*done)(struct sq *);
	const char	*(*errmsg)(struct db *);
	void		(*fault_arm)(struct db_pool *, long);
	long		(*fault_points)(struct db_pool *);
	enum sel_err	(*backup)(struct db *, const char *, char *, size_t);
};

extern const struct db_ops db_sqlite_ops;
extern const struct db_ops db_pg_ops;

/* Whether a store's location names a PostgreSQL database. */
bool	db_is_pg(const char *location);

#endif
