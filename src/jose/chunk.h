/*
 * chunk.h - lines read in chunks for the --jobs paths of sign --batch and
 * verify --batch: a chunk owns copies of its lines, and room for what a
 * worker makes of each.
 */
#ifndef JWTOOL_CHUNK_H
#define JWTOOL_CHUNK_H

#include <stddef.h>

#include "base/io.h"

struct jwt;
struct verdict;

struct cline {
	size_t off, len;	/* the line: in[off..off+len), NUL after */
	unsigned long lineno;
	int toolong;
	int rc;			/* the worker's status for it */
	size_t roff, rlen;	/* its result (token or message) in out */
};

struct chunk {
	struct cline *l;
	size_t n, lcap;
	char *in;
	size_t inlen, incap;
	char *out;
	size_t outlen, outcap;
	struct verdict *v;	/* verify: one verdict per line */
	struct jwt **t;
};

/* Lines per chunk at most (a chunk also ends at CHUNK_BYTES of input). */
#define CHUNK_LINES 256
#define CHUNK_BYTES (256 * 1024)

/* Append a line to c. */
void chunk_add(struct chunk *c, const char *text, size_t len,
    unsigned long lineno, int toolong);
/* 1 when c should be submitted now. */
int chunk_full(const struct chunk *c);
/* Append bytes to c's output; returns their offset. */
size_t chunk_out(struct chunk *c, const char *b, size_t n);
/* Release c (its verdicts and tokens too); NULL is fine. */
void chunk_free(struct chunk *c);

#endif
