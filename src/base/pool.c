/* pool.c - worker threads with results taken back in submission order */
#include <pthread.h>
#include <stdlib.h>

#include "base/cleanup.h"
#include "base/pool.h"
#include "base/util.h"

struct slot {
	void *job;
	int done;
	struct slot *next;
};

struct pool {
	pthread_mutex_t mu;
	pthread_cond_t work;		/* a job was queued, or stop */
	pthread_cond_t done;		/* a job was finished */
	struct slot *head, *tail;	/* pending, oldest first */
	struct slot *queue;		/* the first not yet started */
	size_t pending;
	int stop, nthreads;
	pool_work_fn *fn;
	struct worker {
		struct pool *pool;
		void *wctx;
		pthread_t tid;
	} *w;
};

static void *
run(void *arg)
{
	struct worker *w = arg;
	struct pool *p = w->pool;
	struct slot *s;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->queue == NULL && !p->stop)
			pthread_cond_wait(&p->work, &p->mu);
		if ((s = p->queue) == NULL)
			break;
		p->queue = s->next;
		pthread_mutex_unlock(&p->mu);
		p->fn(w->wctx, s->job);
		pthread_mutex_lock(&p->mu);
		s->done = 1;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

struct pool *
pool_new(int n, pool_work_fn *work, void *const *wctx)
{
	struct pool *p = xcalloc(1, sizeof(*p));
	sigset_t old;
	int i;

	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->done, NULL);
	p->fn = work;
	p->w = xcalloc((size_t)n, sizeof(*p->w));
	/* The workers inherit a mask that leaves SIGINT, SIGTERM and
	 * SIGHUP to the main thread, where io.c removes temporary files. */
	cleanup_hold(&old);
	for (i = 0; i < n; i++) {
		p->w[i].pool = p;
		p->w[i].wctx = wctx[i];
		if (pthread_create(&p->w[i].tid, NULL, run, &p->w[i]) != 0)
			break;
		p->nthreads++;
	}
	cleanup_release(&old);
	if (p->nthreads == 0) {
		pool_free(p);
		jw_fail(JW_EIO, "cannot start worker threads");
		return NULL;
	}
	return p;
}

void
pool_submit(struct pool *p, void *job)
{
	struct slot *s = xcalloc(1, sizeof(*s));

	s->job = job;
	pthread_mutex_lock(&p->mu);
	if (p->tail != NULL)
		p->tail->next = s;
	else
		p->head = s;
	p->tail = s;
	if (p->queue == NULL)
		p->queue = s;
	p->pending++;
	pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->mu);
}

size_t
pool_pending(const struct pool *p)
{
	return p->pending;	/* changed by the caller's thread only */
}

void *
pool_next(struct pool *p)
{
	struct slot *s;
	void *job;

	pthread_mutex_lock(&p->mu);
	if ((s = p->head) == NULL) {
		pthread_mutex_unlock(&p->mu);
		return NULL;
	}
	while (!s->done)
		pthread_cond_wait(&p->done, &p->mu);
	p->head = s->next;
	if (p->head == NULL)
		p->tail = NULL;
	p->pending--;
	pthread_mutex_unlock(&p->mu);
	job = s->job;
	free(s);
	return job;
}

void
pool_free(struct pool *p)
{
	int i;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->mu);
	p->stop = 1;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->mu);
	for (i = 0; i < p->nthreads; i++)
		pthread_join(p->w[i].tid, NULL);
	while (pool_next(p) != NULL)
		;
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->done);
	pthread_mutex_destroy(&p->mu);
	free(p->w);
	free(p);
}
