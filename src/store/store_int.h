/*
 * store_int.h - private to src/store: a transaction handle is the
 * connection it runs on.
 */
#ifndef SELTER_STORE_INT_H
#define SELTER_STORE_INT_H

#include "store/db.h"
#include "store/store.h"

#define DB(tx)	((struct db *)(void *)(tx))

/* Runs q to completion; SEL_EINVAL on a constraint (unique, check). */
enum sel_err	sq_run(struct sq *q);
/* Runs q expecting one row with an id in column 0. */
enum sel_err	sq_run_id(struct sq *q, int64_t *id);
/* The same, SEL_ENOENT when no row matched (an UPDATE or DELETE). */
enum sel_err	sq_run_one(struct sq *q, int64_t *id);
/* Deletes row id of selection sel: sql binds ?1 sel, ?2 id, RETURNING
   id; SEL_ENOENT when there is none. */
enum sel_err	store_del_row(struct stx *, const char *sql, int64_t sel,
		    int64_t id);

#include <string.h>

#include "base/arena.h"

/*
 * Collects the rows of q into a growing arena array, then returns from
 * the calling function.
 */
#define COLLECT(a, q, type, out, n, rowfn) do {				\
	size_t cap_ = 8, n_ = 0;					\
	type *v_ = arena_array((a), cap_, sizeof *v_);			\
	int rc_;							\
	while ((rc_ = sq_step(q)) == SQ_ROW) {				\
		if (n_ == cap_) {					\
			v_ = arena_grow((a), v_, cap_, cap_ * 2,	\
			    sizeof *v_);				\
			cap_ *= 2;					\
		}							\
		memset(&v_[n_], 0, sizeof v_[n_]);			\
		rowfn((a), (q), &v_[n_]);				\
		n_++;							\
	}								\
	sq_done(q);							\
	if (rc_ != SQ_DONE)						\
		return SEL_ESTORE;					\
	*(out) = v_;							\
	*(n) = n_;							\
	return SEL_OK;							\
} while (0)

/*
 * Reads the one row of q into *out with rowfn, then returns from the
 * calling function: SEL_OK, SEL_ENOENT when there is no row.
 */
#define ONE(a, q, rowfn, out) do {					\
	int rc_ = sq_step(q);						\
	if (rc_ == SQ_ROW)						\
		rowfn((a), (q), (out));					\
	sq_done(q);							\
	return rc_ == SQ_ROW ? SEL_OK : rc_ == SQ_DONE ? SEL_ENOENT :	\
	    SEL_ESTORE;							\
} while (0)

/* An application's columns, with its applicant's name and vacancy's
 * title (x = application, a = account, v = vacancy). */
#define APP_COLS "x.id, x.selection_id, x.vacancy_id, x.account_id, " \
	"x.state, x.reg_no, x.submitted_at, x.withdrawn_at, x.record, " \
	"x.verdict, x.rules, a.name, v.title"
#define APP_FROM " FROM application x JOIN account a ON a.id = " \
	"x.account_id JOIN vacancy v ON v.id = x.vacancy_id "
void		application_row(struct arena *, struct sq *,
		    struct s_application *);

#endif
