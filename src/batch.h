/* batch.h - verifying many tokens: one per line, in input order */
#ifndef JWTOOL_BATCH_H
#define JWTOOL_BATCH_H

#include "jwt.h"

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
 * Verify each non-blank line of fd, read from the file argument NAME, or
 * NULL for standard input by default (whitespace and a "Bearer " prefix
 * ignored, as for one token); a line longer than io_max_input() is a
 * "malformed" verdict.  Keys are those of ks for every line.  Counts go to
 * *n and *valid, the status of the first failure to *first (left alone
 * when it is not JW_OK on entry).  Returns JW_OK, or JW_EIO with a message
 * on a read error.
 */
int batch_verify_fd(int fd, const char *name, const struct keyset *ks,
    const struct jwt_policy *p, batch_fn *fn, void *arg,
    unsigned long *n, unsigned long *valid, int *first);

/*
 * batch_verify_fd over each of the n files (a path or "-"), or standard
 * input when n is 0.  Every file is checked for reading before the first
 * verdict.  Returns the status of the first invalid token, JW_OK when all
 * are valid, or JW_EIO with a message; *n_tokens and *valid count them.
 */
int batch_verify_files(char *const *files, int n, const struct keyset *ks,
    const struct jwt_policy *p, batch_fn *fn, void *arg,
    unsigned long *n_tokens, unsigned long *valid);

#endif
