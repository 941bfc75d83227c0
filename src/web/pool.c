/*
 * pool.c - the worker threads of pool.h: one queue under a mutex, first
 * in first out.  Stopping drains the queue before the threads exit, so a
 * suspended connection is always resumed.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "web/pool.h"
#include "base/banned.h"

#define POOL_MAX	16

struct pool {
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	struct pool_job	*head, *tail;
	bool		 stopping;
	int		 n;
	pthread_t	 t[POOL_MAX];
};

static void *
worker(void *arg)
{
	struct pool *p = arg;
	struct pool_job *j;

	for (;;) {
		pthread_mutex_lock(&p->mu);
		while (p->head == NULL && !p->stopping)
			pthread_cond_wait(&p->cv, &p->mu);
		j = p->head;
		if (j != NULL) {
			p->head = j->next;
			if (p->head == NULL)
				p->tail = NULL;
		}
		pthread_mutex_unlock(&p->mu);
		if (j == NULL)
			return NULL;	/* stopping, and nothing left */
		j->fn(j);
	}
}

struct pool *
pool_new(int n)
{
	struct pool *p = xmalloc(sizeof *p);

	memset(p, 0, sizeof *p);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	if (n < 1)
		n = 1;
	for (int i = 0; i < n && i < POOL_MAX; i++)
		if (pthread_create(&p->t[p->n], NULL, worker, p) == 0)
			p->n++;
	if (p->n == 0)
		p->stopping = true;	/* every job runs in its caller */
	return p;
}

bool
pool_submit(struct pool *p, struct pool_job *j)
{
	bool ok;

	j->next = NULL;
	pthread_mutex_lock(&p->mu);
	ok = !p->stopping;
	if (ok) {
		if (p->tail != NULL)
			p->tail->next = j;
		else
			p->head = j;
		p->tail = j;
		pthread_cond_signal(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
	return ok;
}

void
pool_stop(struct pool *p)
{
	if (p == NULL)
		return;
	pthread_mutex_lock(&p->mu);
	p->stopping = true;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	for (int i = 0; i < p->n; i++)
		pthread_join(p->t[i], NULL);
	pthread_cond_destroy(&p->cv);
	pthread_mutex_destroy(&p->mu);
	free(p);
}
