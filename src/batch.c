/* batch.c - verifying many tokens: one per line, in input order */
#include <stdio.h>
#include <string.h>

#include "batch.h"
#include "io.h"
#include "util.h"

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

int
batch_verify_fd(int fd, const char *name, const struct keyset *ks,
    const struct jwt_policy *p, batch_fn *fn, void *arg,
    unsigned long *n, unsigned long *valid, int *first)
{
	struct io_lines *r = io_lines_new(fd, name);
	struct verdict v;
	struct jwt *t;
	const char *text, *tok;
	size_t len, toklen;
	unsigned long line;
	int rc, toolong;

	for (line = 1; (rc = io_lines_next(r, &text, &len, &toolong)) > 0;
	    line++) {
		jwt_unwrap(text, len, &tok, &toklen);
		if (toklen == 0 && !toolong)
			continue;	/* a blank line */
		t = NULL;
		if (toolong) {
			memset(&v, 0, sizeof(v));
			verdict_add(&v, JW_EMALFORMED, "malformed", NULL, "the "
			    "token is longer than the input limit of %zu bytes "
			    "(see --max-input)", io_max_input());
		} else
			jwt_verify_text(tok, toklen, ks, p, &v, &t);
		fn(arg, &v, t, line);
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
