/*
 * pool.h - N worker threads running jobs, results taken back in the order
 * the jobs were submitted (sign --batch and verify --batch --jobs N).
 */
#ifndef JWTOOL_POOL_H
#define JWTOOL_POOL_H

#include <stddef.h>

/* Run job with the worker's own context (one per thread). */
typedef void pool_work_fn(void *wctx, void *job);

struct pool;

/*
 * Start n threads (n >= 1); thread i calls work with wctx[i].  Returns NULL
 * with a message (JW_EIO) when no thread could be started.
 */
struct pool *pool_new(int n, pool_work_fn *work, void *const *wctx);
/* Queue job (FIFO). */
void pool_submit(struct pool *p, void *job);
/* Jobs submitted and not yet taken back by pool_next. */
size_t pool_pending(const struct pool *p);
/* Wait for the oldest job still pending and take it back; NULL if none. */
void *pool_next(struct pool *p);
/* Stop the threads once the queue is empty, and release p; NULL is fine. */
void pool_free(struct pool *p);

#endif
