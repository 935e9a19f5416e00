/* batch.h - verifying many tokens: one per line, in input order */
#ifndef JWTOOL_BATCH_H
#define JWTOOL_BATCH_H

#include "jose/find.h"
#include "jose/jwt.h"

/* The most threads --jobs may ask for. */
#define BATCH_MAX_JOBS 64

/*
 * Parse and verify the token text[0..len): a token that does not parse
 * gets a verdict with the code "malformed" and the parser's message.
 * Fills v (verdict_free) and *t (jwt_free; NULL when it did not parse);
 * returns v->status.
 */
int jwt_verify_text(const char *text, size_t len, const struct keyset *ks,
    const struct jwt_policy *p, struct verdict *v, struct jwt **t);

/*
 * Called with each verdict, in input order: FILE is the file argument
 * the token came from, or NULL for standard input by default.
 */
typedef void batch_fn(void *arg, const struct verdict *v,
    const struct jwt *t, const char *file, unsigned long line);

/*
 * With jobs > 1, when not NULL: called by the worker thread that made a
 * verdict, with the same arguments as fn, for the text fn will show (a
 * malloc'd string, or NULL), which fn then finds in v->shown and
 * v->shown_len with a newline added, and t NULL (it is freed by the
 * worker).  Showing a verdict is much of its
 * cost; this way it runs in parallel too.  It must only read arg.
 */
typedef char *batch_fmt(void *arg, const struct verdict *v,
    const struct jwt *t, const char *file, unsigned long line);

/*
 * Verify each non-blank line of fd, read from the file argument NAME, or
 * NULL for standard input by default (whitespace and a "Bearer " prefix
 * ignored, as for one token); a line longer than io_max_input() is a
 * "malformed" verdict.  Keys are those of ks for every line.  Counts go to
 * *n and *valid, the status of the first failure to *first (left alone
 * when it is not JW_OK on entry).  With jobs > 1 (at most BATCH_MAX_JOBS),
 * that many threads verify, and fn still sees the verdicts in input order,
 * from the calling thread.  Returns JW_OK, or JW_EIO with a message on a
 * read error.
 */
int batch_verify_fd(int fd, const char *name, const struct keyset *ks,
    const struct jwt_policy *p, int jobs, batch_fn *fn, batch_fmt *fmt,
    void *arg, unsigned long *n, unsigned long *valid, int *first);

/*
 * batch_verify_fd over each of the n files (a path or "-"), or standard
 * input when n is 0.  Every file is checked for reading before the first
 * verdict.  Returns the status of the first invalid token, JW_OK when all
 * are valid, or JW_EIO with a message; *n_tokens and *valid count them.
 */
int batch_verify_files(char *const *files, int n, const struct keyset *ks,
    const struct jwt_policy *p, int jobs, batch_fn *fn, batch_fmt *fmt,
    void *arg, unsigned long *n_tokens, unsigned long *valid);

/* Called with each verdict of batch_verify_found and where it was found. */
typedef void found_fn(void *arg, const struct verdict *v,
    const struct jwt *t, const struct found *at);

/*
 * Verify each token find_tokens finds in text[0..len), in order, and
 * call fn with each verdict.  *n and *valid count them.  Returns the
 * status of the first invalid token, or JW_OK (also when none is found).
 */
int batch_verify_found(const char *text, size_t len, const struct keyset *ks,
    const struct jwt_policy *p, found_fn *fn, void *arg, size_t *n,
    size_t *valid);

#endif
