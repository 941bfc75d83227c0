/*
 * pool.h - a few worker threads for the slow end of a request (an
 * upload's fsync and commit), so that libmicrohttpd's event threads keep
 * serving other connections meanwhile (server.c suspends the connection
 * and resumes it when the job is done).
 *
 * Ownership: a job is the caller's storage (in the request's arena) and
 * must live until its function has run; the pool only links it.
 */
#ifndef SELTER_WEB_POOL_H
#define SELTER_WEB_POOL_H

#include <stdbool.h>

struct pool;

struct pool_job {
	void		(*fn)(struct pool_job *);
	struct pool_job	*next;
};

struct pool	*pool_new(int nthreads);
/* Queues a job; false once the pool is stopping (run it yourself). */
bool		 pool_submit(struct pool *, struct pool_job *);
/* Runs every job queued, then joins the threads and frees the pool. */
void		 pool_stop(struct pool *);

#endif
