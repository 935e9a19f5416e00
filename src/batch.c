/* batch.c - verifying many tokens: one per line, in input order */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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
	struct io_lines *r = io_lines_new(fd, name == NULL ||
	    io_is_stdin(name) ? "stdin" : name);
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
    const struct jwt_policy *p, batch_fn *fn, void *arg,
    unsigned long *n_tokens, unsigned long *valid)
{
	const char *name;
	int i, fd, rc = JW_OK, first = JW_OK;

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
		rc = batch_verify_fd(fd, name, ks, p, fn, arg, n_tokens, valid,
		    &first);
		if (fd != STDIN_FILENO)
			close(fd);
	}
	return rc != JW_OK ? rc : first;
}
