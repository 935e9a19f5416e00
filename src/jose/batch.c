/* batch.c - verifying many tokens: one per line, in input order */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jose/batch.h"
#include "jose/chunk.h"
#include "base/io.h"
#include "base/json.h"
#include "base/pool.h"
#include "base/util.h"

int
jwt_verify_text(const char *text, size_t len, const struct keyset *ks,
    const struct jwt_policy *p, struct verdict *v, struct jwt **t)
{
	*t = NULL;
	if (jwt_parse(text, len, t) == JW_OK)
		return jwt_verify(*t, ks, p, v);
	memset(v, 0, sizeof(*v));
	verdict_add(v, JW_EMALFORMED, "malformed", NULL, "%s", jw_error());
	jw_clear_error();
	return v->status;
}

/* The verdict on one line of a batch; *t as for jwt_verify_text. */
static void
verify_line(const char *tok, size_t toklen, int toolong,
    const struct keyset *ks, const struct jwt_policy *p, struct verdict *v,
    struct jwt **t)
{
	*t = NULL;
	if (toolong) {
		memset(v, 0, sizeof(*v));
		verdict_add(v, JW_EMALFORMED, "malformed", NULL, "the "
		    "token is longer than the input limit of %zu bytes "
		    "(see --max-input)", io_max_input());
	} else
		jwt_verify_text(tok, toklen, ks, p, v, t);
}

struct vctx {
	const struct keyset *ks;
	const struct jwt_policy *p;
	const char *name;
	batch_fmt *fmt;
	void *arg;
};

static void
verify_chunk(void *wctx, void *job)
{
	const struct vctx *x = wctx;
	struct chunk *c = job;
	struct cline *l;
	size_t i;
	char *s;

	c->v = xcalloc(c->n, sizeof(*c->v));
	c->t = xcalloc(c->n, sizeof(*c->t));
	for (i = 0; i < c->n; i++) {
		l = &c->l[i];
		verify_line(c->in + l->off, l->len, l->toolong, x->ks, x->p,
		    &c->v[i], &c->t[i]);
		if (x->fmt == NULL)
			continue;
		/* the text goes to the chunk's output, and the token is done
		 * with: all freed on this thread */
		if ((s = x->fmt(x->arg, &c->v[i], c->t[i], x->name,
		    l->lineno)) != NULL) {
			l->rlen = strlen(s);
			l->roff = chunk_out(c, s, l->rlen);
			chunk_out(c, "\n", 1);
			l->rlen++;
			free(s);
		}
		jwt_free(c->t[i]);
		c->t[i] = NULL;
	}
	for (i = 0; i < c->n; i++)
		if (c->l[i].rlen > 0) {	/* its newline at least */
			c->v[i].shown = c->out + c->l[i].roff;
			c->v[i].shown_len = c->l[i].rlen;
		}
}

/* Hand the verdicts of the oldest chunk to fn, in order. */
static void
verify_report(struct pool *pl, const char *name, batch_fn *fn, void *arg,
    unsigned long *n, unsigned long *valid, int *first)
{
	struct chunk *c = pool_next(pl);
	size_t i;

	for (i = 0; i < c->n; i++) {
		fn(arg, &c->v[i], c->t[i], name, c->l[i].lineno);
		(*n)++;
		*valid += c->v[i].status == JW_OK;
		if (*first == JW_OK)
			*first = c->v[i].status;
	}
	chunk_free(c);
}

/*
 * batch_verify_fd with jobs threads: chunks of lines verified in parallel,
 * reported in order.  When a whole line is not at hand (a pipe), what was
 * read is finished and reported first, so that verdicts never wait for
 * input that may come much later.
 */
static int
verify_jobs(int fd, const char *name, const struct keyset *ks,
    const struct jwt_policy *p, int jobs, batch_fn *fn, batch_fmt *fmt,
    void *arg, unsigned long *n, unsigned long *valid, int *first)
{
	struct io_lines *r = io_lines_new(fd, name == NULL ||
	    io_is_stdin(name) ? "stdin" : name);
	struct vctx x = { ks, p, name, fmt, arg };
	void *wctx[BATCH_MAX_JOBS];
	struct pool *pl;
	struct chunk *c = NULL;
	const char *text, *tok;
	size_t len, toklen;
	unsigned long line = 0;
	int i, rc, toolong;

	for (i = 0; i < jobs; i++)
		wctx[i] = &x;
	if ((pl = pool_new(jobs, verify_chunk, wctx)) == NULL) {
		io_lines_free(r);
		return JW_EIO;
	}
	for (;;) {
		if (!io_lines_ready(r)) {
			if (c != NULL)
				pool_submit(pl, c);
			c = NULL;
			while (pool_pending(pl) > 0)
				verify_report(pl, name, fn, arg, n, valid,
				    first);
		}
		if ((rc = io_lines_next(r, &text, &len, &toolong)) <= 0)
			break;
		line++;
		jwt_unwrap(text, len, &tok, &toklen);
		if (toklen == 0 && !toolong)
			continue;	/* a blank line */
		if (c == NULL)
			c = xcalloc(1, sizeof(*c));
		chunk_add(c, tok, toklen, line, toolong);
		if (chunk_full(c)) {
			pool_submit(pl, c);
			c = NULL;
			if (pool_pending(pl) >= 2 * (size_t)jobs)
				verify_report(pl, name, fn, arg, n, valid,
				    first);
		}
	}
	if (c != NULL)
		pool_submit(pl, c);
	while (pool_pending(pl) > 0)
		verify_report(pl, name, fn, arg, n, valid, first);
	pool_free(pl);
	io_lines_free(r);
	return rc < 0 ? JW_EIO : JW_OK;
}

int
batch_verify_fd(int fd, const char *name, const struct keyset *ks,
    const struct jwt_policy *p, int jobs, batch_fn *fn, batch_fmt *fmt,
    void *arg, unsigned long *n, unsigned long *valid, int *first)
{
	struct io_lines *r;
	struct verdict v;
	struct jwt *t;
	const char *text, *tok;
	size_t len, toklen;
	unsigned long line;
	int rc, toolong;

	if (jobs > 1)
		return verify_jobs(fd, name, ks, p, jobs, fn, fmt, arg, n,
		    valid, first);
	r = io_lines_new(fd, name == NULL || io_is_stdin(name) ? "stdin" :
	    name);
	for (line = 1; (rc = io_lines_next(r, &text, &len, &toolong)) > 0;
	    line++) {
		jwt_unwrap(text, len, &tok, &toklen);
		if (toklen == 0 && !toolong)
			continue;	/* a blank line */
		verify_line(tok, toklen, toolong, ks, p, &v, &t);
		fn(arg, &v, t, name, line);
		(*n)++;
		*valid += v.status == JW_OK;
		if (*first == JW_OK)
			*first = v.status;
		verdict_free(&v);
		jwt_free(t);
	}
	io_lines_free(r);
	return rc < 0 ? JW_EIO : JW_OK;
}

int
batch_verify_files(char *const *files, int n, const struct keyset *ks,
    const struct jwt_policy *p, int jobs, batch_fn *fn, batch_fmt *fmt,
    void *arg, unsigned long *n_tokens, unsigned long *valid)
{
	const char *name;
	int i, fd, rc = JW_OK, first = JW_OK;

	json_pool_start();
	for (i = 0; i < n; i++)
		if (!io_is_stdin(files[i]) && access(files[i], R_OK) == -1)
			return jw_fail(JW_EIO, "cannot open token file '%s': "
			    "%s", jw_quote(files[i], strlen(files[i]), 60),
			    strerror(errno));
	for (i = 0; i < (n ? n : 1) && rc == JW_OK; i++) {
		name = n ? files[i] : NULL;
		if (name == NULL || io_is_stdin(name))
			fd = STDIN_FILENO;
		else if ((fd = open(name, O_RDONLY | O_CLOEXEC)) == -1)
			return jw_fail(JW_EIO, "cannot open token file '%s': "
			    "%s", jw_quote(name, strlen(name), 60),
			    strerror(errno));
		rc = batch_verify_fd(fd, name, ks, p, jobs, fn, fmt, arg,
		    n_tokens, valid, &first);
		if (fd != STDIN_FILENO)
			close(fd);
	}
	return rc != JW_OK ? rc : first;
}

int
batch_verify_found(const char *text, size_t len, const struct keyset *ks,
    const struct jwt_policy *p, found_fn *fn, void *arg, size_t *n,
    size_t *valid)
{
	struct found *f = NULL;
	struct verdict v;
	struct jwt *t;
	size_t i;
	int first = JW_OK;

	json_pool_start();
	*n = find_tokens(text, len, &f);
	*valid = 0;
	for (i = 0; i < *n; i++) {
		jwt_verify_text(text + f[i].off, f[i].len, ks, p, &v, &t);
		fn(arg, &v, t, &f[i]);
		*valid += v.status == JW_OK;
		if (first == JW_OK)
			first = v.status;
		verdict_free(&v);
		jwt_free(t);
	}
	free(f);
	return first;
}
