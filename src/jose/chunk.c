/* chunk.c - lines read in chunks for the --jobs batch paths */
#include <stdlib.h>
#include <string.h>

#include "jose/chunk.h"
#include "jose/jwt.h"
#include "base/util.h"

void
chunk_add(struct chunk *c, const char *text, size_t len,
    unsigned long lineno, int toolong)
{
	struct cline *l;

	if (c->n == c->lcap) {
		c->lcap = c->lcap ? 2 * c->lcap : 64;
		c->l = xrealloc(c->l, c->lcap * sizeof(*c->l));
	}
	if (c->inlen + len + 1 > c->incap) {
		c->incap = c->incap ? c->incap : 4096;
		while (c->inlen + len + 1 > c->incap)
			c->incap *= 2;
		c->in = xrealloc(c->in, c->incap);
	}
	l = &c->l[c->n++];
	memset(l, 0, sizeof(*l));
	l->off = c->inlen;
	l->len = len;
	l->lineno = lineno;
	l->toolong = toolong;
	memcpy(c->in + c->inlen, text, len);
	c->in[c->inlen + len] = '\0';
	c->inlen += len + 1;
}

int
chunk_full(const struct chunk *c)
{
	return c->n >= CHUNK_LINES || c->inlen >= CHUNK_BYTES;
}

size_t
chunk_out(struct chunk *c, const char *b, size_t n)
{
	size_t at = c->outlen;

	if (c->outlen + n > c->outcap) {
		c->outcap = c->outcap ? c->outcap : 4096;
		while (c->outlen + n > c->outcap)
			c->outcap *= 2;
		c->out = xrealloc(c->out, c->outcap);
	}
	memcpy(c->out + at, b, n);
	c->outlen += n;
	return at;
}

void
chunk_free(struct chunk *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; c->v != NULL && i < c->n; i++)
		verdict_free(&c->v[i]);
	for (i = 0; c->t != NULL && i < c->n; i++)
		jwt_free(c->t[i]);
	free(c->v);
	free(c->t);
	free(c->l);
	free(c->in);
	free(c->out);
	free(c);
}
