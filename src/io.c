/* io.c - capped reads from a path, stdin or the environment */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "io.h"
#include "util.h"

static size_t max_input;

size_t
io_max_input(void)
{
	const char *e;

	if (max_input == 0) {
		max_input = IO_DEFAULT_MAX;
		if ((e = getenv("JWTOOL_MAX_INPUT")) != NULL && *e != '\0' &&
		    parse_size(e, &max_input) != 0)
			max_input = IO_DEFAULT_MAX;
		if (max_input == 0)
			max_input = IO_DEFAULT_MAX;
	}
	return max_input;
}

int
io_set_max_input(const char *spec)
{
	size_t v;

	if (parse_size(spec, &v) != 0 || v == 0)
		return jw_fail(JW_EUSAGE, "invalid size '%s' for --max-input "
		    "(expected bytes, or a number with k, M or G)",
		    jw_quote(spec, strlen(spec), 40));
	max_input = v;
	return JW_OK;
}

int
io_is_stdin(const char *src)
{
	return src != NULL && strcmp(src, "-") == 0;
}

static void *
grow(void *old, size_t oldlen, size_t newcap, int secret)
{
	void *p;

	if (!secret)
		return xrealloc(old, newcap);
	p = secret_alloc(newcap);
	if (old != NULL) {
		memcpy(p, old, oldlen);
		secret_free(old);
	}
	return p;
}

void
io_free(void *data, int secret)
{
	if (secret)
		secret_free(data);
	else
		free(data);
}

int
io_read_fd(int fd, const char *name, const char *what, int secret,
    unsigned char **data, size_t *len)
{
	size_t cap = 4096, n = 0, max = io_max_input();
	unsigned char *buf = grow(NULL, 0, cap, secret);
	ssize_t r;

	for (;;) {
		if (n + 1 >= cap) {
			size_t ncap = cap * 2;

			if (ncap > max + 2)
				ncap = max + 2;
			buf = grow(buf, n, ncap, secret);
			cap = ncap;
		}
		r = read(fd, buf + n, cap - n - 1);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			int e = errno;

			io_free(buf, secret);
			return jw_fail(JW_EIO, "cannot read %s from '%s': %s",
			    what, jw_quote(name, strlen(name), 60),
			    strerror(e));
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > max) {
			io_free(buf, secret);
			return jw_fail(JW_EIO, "%s from '%s' is larger than the "
			    "input limit of %zu bytes (see --max-input)",
			    what, jw_quote(name, strlen(name), 60), max);
		}
	}
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return JW_OK;
}

int
io_read(const char *src, const char *what, int secret, unsigned char **data,
    size_t *len)
{
	struct stat st;
	int fd, rc;

	if (io_is_stdin(src))
		return io_read_fd(STDIN_FILENO, "stdin", what, secret, data,
		    len);
	if (strncmp(src, "env:", 4) == 0) {
		const char *v = getenv(src + 4);
		size_t n;

		if (src[4] == '\0')
			return jw_fail(JW_EUSAGE, "'env:' needs a variable "
			    "name, as in env:JWT_SECRET");
		if (v == NULL)
			return jw_fail(JW_EUSAGE, "environment variable '%s' "
			    "is not set", jw_quote(src + 4, strlen(src + 4),
			    60));
		n = strlen(v);
		if (n > io_max_input())
			return jw_fail(JW_EIO, "%s from '%s' is larger than "
			    "the input limit of %zu bytes (see --max-input)",
			    what, jw_quote(src, strlen(src), 60),
			    io_max_input());
		*data = secret ? secret_alloc(n + 1) : xmalloc(n + 1);
		memcpy(*data, v, n + 1);
		*len = n;
		return JW_OK;
	}
	if ((fd = open(src, O_RDONLY | O_CLOEXEC)) == -1)
		return jw_fail(JW_EIO, "cannot open %s '%s': %s", what,
		    jw_quote(src, strlen(src), 60), strerror(errno));
	/* A regular file known to be too large is refused unread. */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > io_max_input()) {
		close(fd);
		return jw_fail(JW_EIO, "%s from '%s' is larger than the input "
		    "limit of %zu bytes (see --max-input)", what,
		    jw_quote(src, strlen(src), 60), io_max_input());
	}
	rc = io_read_fd(fd, src, what, secret, data, len);
	close(fd);
	return rc;
}

struct io_lines {
	int fd;
	const char *name;
	int eof;
	unsigned char buf[65536];
	size_t pos, end;
	char *line;		/* the line being assembled */
	size_t len, cap;
};

struct io_lines *
io_lines_new(int fd, const char *name)
{
	struct io_lines *r = xcalloc(1, sizeof(*r));

	r->fd = fd;
	r->name = name;
	return r;
}

void
io_lines_free(struct io_lines *r)
{
	if (r == NULL)
		return;
	free(r->line);
	free(r);
}

/* Refill the buffer: 1 bytes, 0 end of input, -1 error. */
static int
lines_fill(struct io_lines *r)
{
	ssize_t n;

	if (r->eof)
		return 0;
	do
		n = read(r->fd, r->buf, sizeof(r->buf));
	while (n == -1 && errno == EINTR);
	if (n == -1) {
		jw_fail(JW_EIO, "cannot read tokens from '%s': %s", r->name,
		    strerror(errno));
		return -1;
	}
	if (n == 0) {
		r->eof = 1;
		return 0;
	}
	r->pos = 0;
	r->end = (size_t)n;
	return 1;
}

int
io_lines_next(struct io_lines *r, const char **line, size_t *len,
    int *toolong)
{
	size_t max = io_max_input(), take;
	unsigned char *nl;
	int rc, over = 0, any = 0;

	r->len = 0;
	for (;;) {
		if (r->pos == r->end) {
			if ((rc = lines_fill(r)) < 0)
				return -1;
			if (rc == 0) {
				if (!any)
					return 0;
				break;
			}
		}
		any = 1;
		nl = memchr(r->buf + r->pos, '\n', r->end - r->pos);
		take = (nl ? (size_t)(nl - r->buf) : r->end) - r->pos;
		if (!over && r->len + take > max) {
			over = 1;
			r->len = 0;
		}
		if (!over) {
			if (r->len + take + 1 > r->cap) {
				r->cap = r->cap ? r->cap : 256;
				while (r->len + take + 1 > r->cap)
					r->cap *= 2;
				r->line = xrealloc(r->line, r->cap);
			}
			memcpy(r->line + r->len, r->buf + r->pos, take);
			r->len += take;
		}
		r->pos += take;
		if (nl != NULL) {
			r->pos++;	/* the newline */
			break;
		}
	}
	if (r->line == NULL)
		r->line = xcalloc(1, 1);
	r->line[r->len] = '\0';
	*line = r->line;
	*len = r->len;
	*toolong = over;
	return 1;
}
