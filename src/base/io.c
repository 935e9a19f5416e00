/* io.c - capped reads from a path, stdin or the environment; atomic writes */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/vfs.h>
#endif

#include <sodium.h>

#include "base/cleanup.h"
#include "base/io.h"
#include "base/util.h"

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

/*
 * io_read_fd with the size the file is expected to have (0: unknown), so
 * that a small secret, as a key file usually is, is read into one block
 * of the secret pool, not a locked mapping of its own.
 */
static int
read_fd(int fd, const char *name, const char *what, int secret, size_t hint,
    unsigned char **data, size_t *len)
{
	size_t n = 0, max = io_max_input();
	size_t cap = hint > 0 && hint < max ? hint + 2 : secret ? 1000 : 4096;
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
io_read_fd(int fd, const char *name, const char *what, int secret,
    unsigned char **data, size_t *len)
{
	return read_fd(fd, name, what, secret, 0, data, len);
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
	if (fstat(fd, &st) != 0)
		st.st_mode = 0;
	if (S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > io_max_input()) {
		close(fd);
		return jw_fail(JW_EIO, "%s from '%s' is larger than the input "
		    "limit of %zu bytes (see --max-input)", what,
		    jw_quote(src, strlen(src), 60), io_max_input());
	}
	rc = read_fd(fd, src, what, secret, S_ISREG(st.st_mode) ?
	    (size_t)st.st_size : 0, data, len);
	close(fd);
	return rc;
}

/* PATH's directory part with its slash ("" for the current directory). */
static size_t
dir_len(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash == NULL ? 0 : (size_t)(slash - path) + 1;
}

int
io_create(const char *path, mode_t mode, int *slot)
{
	sigset_t old;
	int fd, e;

	cleanup_hold(&old);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    mode);
	e = errno;
	*slot = fd == -1 ? -1 : cleanup_add(path);
	cleanup_release(&old);
	errno = e;
	return fd;
}

int
io_create_tmp(const char *path, mode_t mode, char **tmp, int *slot)
{
	unsigned char rnd[6];
	size_t dl = dir_len(path), n = strlen(path) + 32;
	int fd = -1, tries;

	*tmp = xmalloc(n);
	for (tries = 0; tries < 16 && fd == -1; tries++) {
		randombytes_buf(rnd, sizeof(rnd));
		snprintf(*tmp, n, "%.*s.%s.%02x%02x%02x%02x%02x%02x.tmp",
		    (int)dl, path, path + dl, rnd[0], rnd[1], rnd[2], rnd[3],
		    rnd[4], rnd[5]);
		fd = io_create(*tmp, mode, slot);
		if (fd == -1 && errno != EEXIST)
			break;
	}
	if (fd == -1) {
		int e = errno;

		free(*tmp);
		*tmp = NULL;
		errno = e;
	}
	return fd;
}

/* 1 when st is neither a regular file nor a symbolic link. */
static int
special(const struct stat *st)
{
	return !S_ISREG(st->st_mode) && !S_ISLNK(st->st_mode);
}

/* What st is, after "it is" in a message. */
static const char *
kind(const struct stat *st)
{
	return S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode) ? "a device" :
	    S_ISFIFO(st->st_mode) ? "a FIFO" : S_ISSOCK(st->st_mode) ?
	    "a socket" : S_ISDIR(st->st_mode) ? "a directory" : "a file";
}

static int
not_regular(const char *path, const struct stat *st)
{
	return jw_fail(JW_EIO, "cannot replace '%s': it is %s, not a file "
	    "(--force replaces only files and symbolic links)",
	    jw_quote(path, strlen(path), 60), kind(st));
}

/*
 * The descriptor that P names by one of its usual names (/dev/stdout,
 * /dev/fd/N, /proc/self/fd/N), whether or not /proc is mounted; else -1.
 */
static int
fd_name(const char *p)
{
	static const char *const dirs[] = { "/dev/fd/", "/proc/self/fd/",
	    "/proc/thread-self/fd/" };
	char own[40];
	size_t i, n;
	long v;
	char *end;

	if (strcmp(p, "/dev/stdin") == 0)
		return 0;
	if (strcmp(p, "/dev/stdout") == 0)
		return 1;
	if (strcmp(p, "/dev/stderr") == 0)
		return 2;
	snprintf(own, sizeof(own), "/proc/%ld/fd/", (long)getpid());
	for (i = 0; i <= sizeof(dirs) / sizeof(dirs[0]); i++) {
		const char *d = i < sizeof(dirs) / sizeof(dirs[0]) ? dirs[i] :
		    own;

		n = strlen(d);
		if (strncmp(p, d, n) != 0 || p[n] < '0' || p[n] > '9')
			continue;
		errno = 0;
		v = strtol(p + n, &end, 10);
		if (*end == '\0' && errno == 0 && v <= 1 << 20)
			return (int)v;
	}
	return -1;
}

/* How a chain of symbolic links at PATH is written. */
enum link_kind {
	LINK_NONE,	/* not a link, or one to a regular file or nowhere */
	LINK_FD,	/* to one of our descriptors: write to it */
	LINK_STREAM,	/* to a device or FIFO: open it */
	LINK_PROC,	/* through /proc elsewhere: open it */
	LINK_BAD	/* to something else: neither written nor replaced */
};

#ifdef __linux__
#define PROC_MAGIC 0x9fa0	/* PROC_SUPER_MAGIC of <linux/magic.h> */

/* 1 when DIR is on /proc; *ours when it is our own /proc/PID/fd. */
static int
in_proc(const char *dir, int *ours)
{
	static const char *const fds[] = { "/proc/self/fd",
	    "/proc/thread-self/fd" };
	struct statfs sf;
	struct stat st, fst;
	size_t i;

	*ours = 0;
	if (statfs(dir, &sf) != 0 || sf.f_type != PROC_MAGIC)
		return 0;
	for (i = 0; i < sizeof(fds) / sizeof(fds[0]); i++)
		if (stat(dir, &st) == 0 && stat(fds[i], &fst) == 0 &&
		    st.st_dev == fst.st_dev && st.st_ino == fst.st_ino) {
			*ours = 1;
			break;
		}
	return 1;
}
#else
static int
in_proc(const char *dir, int *ours)
{
	(void)dir;
	*ours = 0;
	return 0;
}
#endif

/* The text of the symbolic link P (the caller's), or NULL. */
static char *
read_link(const char *p)
{
	size_t cap = 256;
	char *buf = NULL;
	ssize_t n;

	for (;;) {
		buf = xrealloc(buf, cap);
		if ((n = readlink(p, buf, cap)) == -1) {
			free(buf);
			return NULL;
		}
		if ((size_t)n < cap)
			break;
		cap *= 2;
	}
	buf[n] = '\0';
	return buf;
}

/*
 * Follow the links from PATH one by one (at most 40) to what they lead
 * to: *fd is the descriptor for LINK_FD, *st what a LINK_BAD chain ends
 * at.  A link found in a /proc directory ends the walk: its text is not
 * a path to follow, only the kernel knows where it leads.
 */
static enum link_kind
link_walk(const char *path, int *fd, struct stat *st)
{
	enum link_kind k = LINK_NONE;
	char *cur = xstrdup(path), *dir, *text, *next;
	size_t dl;
	int hops, ours;

	for (hops = 0; hops <= 40; hops++) {
		if ((*fd = fd_name(cur)) >= 0) {
			k = LINK_FD;
			break;
		}
		dl = dir_len(cur);
		dir = dl > 0 ? xstrndup(cur, dl) : xstrdup(".");
		if (lstat(cur, st) != 0) {
			/* nothing there; in /proc it would be opened */
			if (in_proc(dir, &ours))
				k = LINK_PROC;
			free(dir);
			break;
		}
		if (!S_ISLNK(st->st_mode)) {
			free(dir);
			if (hops > 0 && (S_ISCHR(st->st_mode) ||
			    S_ISFIFO(st->st_mode)))
				k = LINK_STREAM;
			else if (hops > 0 && special(st) &&
			    !S_ISDIR(st->st_mode))
				k = LINK_BAD;
			break;
		}
		if (in_proc(dir, &ours)) {
			*fd = -1;
			if (ours && cur[dl] >= '0' && cur[dl] <= '9')
				*fd = (int)strtol(cur + dl, NULL, 10);
			k = *fd >= 0 ? LINK_FD : LINK_PROC;
			free(dir);
			break;
		}
		if ((text = read_link(cur)) == NULL) {
			free(dir);
			break;
		}
		if (text[0] == '/' || dl == 0)
			next = text;
		else {
			next = xmalloc(dl + strlen(text) + 1);
			memcpy(next, cur, dl);
			strcpy(next + dl, text);
			free(text);
		}
		free(dir);
		free(cur);
		cur = next;
	}
	free(cur);
	return k;
}

static struct io_atomic *
atomic_new(const char *path, FILE *fp)
{
	struct io_atomic *a = xcalloc(1, sizeof(*a));

	a->fp = fp;
	a->path = xstrdup(path);
	a->slot = -1;
	return a;
}

/*
 * A device or FIFO is written where it is: renaming a file over it would
 * replace /dev/null or /dev/stdout with a regular file.  FOLLOW: PATH is
 * a link to it.  THROUGH_PROC: a link in /proc, which may lead to a
 * regular file too; that one is truncated, as the shell's > does.
 */
static int
stream_open(const char *path, int follow, int through_proc,
    struct io_atomic **out)
{
	const char *q = jw_quote(path, strlen(path), 60);
	struct stat st;
	FILE *fp;
	int fd;

	if ((fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | (follow ? 0 :
	    O_NOFOLLOW))) == -1)
		return jw_fail(JW_EIO, "cannot write '%s': %s", q,
		    strerror(errno));
	/* what was opened, not what lstat saw a moment before */
	if (fstat(fd, &st) != 0 || !(S_ISCHR(st.st_mode) ||
	    S_ISFIFO(st.st_mode) || (through_proc && S_ISREG(st.st_mode)))) {
		close(fd);
		return jw_fail(JW_EIO, "cannot write '%s': it changed while "
		    "being opened", q);
	}
	if (S_ISREG(st.st_mode) && ftruncate(fd, 0) != 0) {
		int e = errno;

		close(fd);
		return jw_fail(JW_EIO, "cannot write '%s': %s", q,
		    strerror(e));
	}
	if ((fp = fdopen(fd, "w")) == NULL) {
		int e = errno;

		close(fd);
		return jw_fail(JW_EIO, "cannot write '%s': %s", q,
		    strerror(e));
	}
	*out = atomic_new(path, fp);
	return JW_OK;
}

/*
 * PATH names our descriptor N (/dev/stdout, a link to /proc/self/fd/1):
 * write to that open file, at its offset, as to standard output.  A
 * reopened path would start at offset 0 of a file opened for appending,
 * and could not be opened at all for a socket.
 */
static int
fd_open(const char *path, int n, struct io_atomic **out)
{
	const char *q = jw_quote(path, strlen(path), 60);
	FILE *fp;
	int fl, fd;

	if ((fl = fcntl(n, F_GETFL)) == -1)
		return jw_fail(JW_EIO, "cannot write '%s': descriptor %d is "
		    "not open", q, n);
	if ((fl & O_ACCMODE) == O_RDONLY)
		return jw_fail(JW_EIO, "cannot write '%s': descriptor %d is "
		    "open for reading only", q, n);
	if ((fd = fcntl(n, F_DUPFD_CLOEXEC, 3)) == -1 ||
	    (fp = fdopen(fd, "w")) == NULL) {
		int e = errno;

		if (fd != -1)
			close(fd);
		return jw_fail(JW_EIO, "cannot write '%s': %s", q,
		    strerror(e));
	}
	*out = atomic_new(path, fp);
	return JW_OK;
}

/* A link at PATH whose chain is LINK_BAD: ending at st. */
static int
bad_link(const char *path, const struct stat *st)
{
	return jw_fail(JW_EIO, "cannot write '%s': it is a link to %s, which "
	    "is neither written through nor replaced",
	    jw_quote(path, strlen(path), 60), S_ISBLK(st->st_mode) ?
	    "a block device" : kind(st));
}

int
io_atomic_open(const char *path, int force, struct io_atomic **out)
{
	struct io_atomic *a;
	struct stat st;
	size_t dl = dir_len(path);
	int fd, n, slot;
	char *tmp;

	if (path[dl] == '\0' || strcmp(path + dl, ".") == 0 ||
	    strcmp(path + dl, "..") == 0)
		return jw_fail(JW_EIO, "cannot write '%s': not a file name",
		    jw_quote(path, strlen(path), 60));
	if ((n = fd_name(path)) >= 0)
		return fd_open(path, n, out);
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return jw_fail(JW_EIO, "cannot write '%s': it is a directory",
		    jw_quote(path, strlen(path), 60));
	if (lstat(path, &st) != 0)
		st.st_mode = 0;
	else if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
		return stream_open(path, 0, 0, out);
	/* A link leading to a stream, or into /proc, is written through:
	 * /dev/stdout, out.jwt -> /proc/self/fd/1, a link to /dev/null. */
	if (S_ISLNK(st.st_mode)) {
		switch (link_walk(path, &n, &st)) {
		case LINK_FD:
			return fd_open(path, n, out);
		case LINK_STREAM:
			return stream_open(path, 1, 0, out);
		case LINK_PROC:
			return stream_open(path, 1, 1, out);
		case LINK_BAD:
			return bad_link(path, &st);
		case LINK_NONE:
			break;
		}
	}
	if (!force && lstat(path, &st) == 0)
		return jw_fail(JW_EIO, "'%s' exists; files are never "
		    "overwritten silently (--force replaces it)",
		    jw_quote(path, strlen(path), 60));
	/* Renaming over a device, FIFO or socket would replace it (as
	 * root: /dev/null itself), not write to it.  A symbolic link to a
	 * regular file is replaced itself, never followed. */
	if (force && lstat(path, &st) == 0 && special(&st))
		return not_regular(path, &st);
	if ((fd = io_create_tmp(path, 0600, &tmp, &slot)) == -1) {
		int e = errno;

		return jw_fail(JW_EIO, "cannot create a file next to '%s': %s",
		    jw_quote(path, strlen(path), 60), strerror(e));
	}
	a = atomic_new(path, NULL);
	a->tmp = tmp;
	a->slot = slot;
	a->force = force;
	/* 0600 whatever the umask: the output may be a credential. */
	if (fchmod(fd, 0600) == -1 || (a->fp = fdopen(fd, "w")) == NULL) {
		int e = errno;

		close(fd);
		io_atomic_abort(a);
		return jw_fail(JW_EIO, "cannot write '%s': %s",
		    jw_quote(path, strlen(path), 60), strerror(e));
	}
	*out = a;
	return JW_OK;
}

void
io_atomic_abort(struct io_atomic *a)
{
	if (a == NULL)
		return;
	if (a->fp != NULL)
		fclose(a->fp);
	if (a->tmp != NULL)
		unlink(a->tmp);
	cleanup_remove(a->slot);
	free(a->tmp);
	free(a->path);
	free(a);
}

/* Put the finished temporary file at a->path without replacing a file. */
static int
place_new(const struct io_atomic *a)
{
	struct stat st;

	if (link(a->tmp, a->path) == 0) {
		unlink(a->tmp);
		return 0;
	}
	if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP &&
	    errno != EMLINK)
		return -1;
	/* No hard links here: check, then rename (a narrow race). */
	if (lstat(a->path, &st) == 0) {
		errno = EEXIST;
		return -1;
	}
	return rename(a->tmp, a->path);
}

/* With force, PATH may be replaced: it is a file, or a plain link. */
static int
replaceable(const char *path)
{
	struct stat st;
	int fd;

	if (lstat(path, &st) != 0)
		return JW_OK;
	if (special(&st))
		return not_regular(path, &st);
	if (S_ISLNK(st.st_mode) && link_walk(path, &fd, &st) != LINK_NONE)
		return jw_fail(JW_EIO, "cannot replace '%s': it became a link "
		    "that is written through, not replaced",
		    jw_quote(path, strlen(path), 60));
	return JW_OK;
}

int
io_atomic_commit(struct io_atomic *a)
{
	const char *q = jw_quote(a->path, strlen(a->path), 60);
	FILE *fp = a->fp;
	int rc = JW_OK, e = 0, dfd;
	char *dir;

	a->fp = NULL;
	if (a->tmp == NULL) {	/* written in place: nothing to put there */
		if (fflush(fp) != 0 || ferror(fp))
			e = errno ? errno : EIO;
		if (fclose(fp) != 0 && e == 0)
			e = errno;
		if (e != 0)
			rc = jw_fail(JW_EIO, "cannot write '%s': %s", q,
			    strerror(e));
		io_atomic_abort(a);
		return rc;
	}
	if (fflush(fp) != 0 || ferror(fp) || fsync(fileno(fp)) == -1)
		e = errno ? errno : EIO;
	if (fclose(fp) != 0 && e == 0)
		e = errno;
	if (e != 0)
		rc = jw_fail(JW_EIO, "cannot write '%s': %s", q, strerror(e));
	else if (a->force && (rc = replaceable(a->path)) != JW_OK)
		;	/* it changed meanwhile */
	else if ((a->force ? rename(a->tmp, a->path) : place_new(a)) == -1) {
		if (errno == EEXIST)
			rc = jw_fail(JW_EIO, "'%s' exists; files are never "
			    "overwritten silently (--force replaces it)", q);
		else
			rc = jw_fail(JW_EIO, "cannot write '%s': %s", q,
			    strerror(errno));
	} else {
		free(a->tmp);
		a->tmp = NULL;
		/* Make the new name durable too (best effort). */
		dir = dir_len(a->path) ? xstrndup(a->path,
		    dir_len(a->path)) : xstrdup(".");
		if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
			(void)fsync(dfd);
			close(dfd);
		}
		free(dir);
	}
	io_atomic_abort(a);
	return rc;
}

int
io_write_atomic(const char *path, const void *data, size_t len, int force)
{
	struct io_atomic *a;
	int rc;

	if ((rc = io_atomic_open(path, force, &a)) != JW_OK)
		return rc;
	if (len > 0 && fwrite(data, 1, len, a->fp) != len) {
		rc = jw_fail(JW_EIO, "cannot write '%s': %s",
		    jw_quote(path, strlen(path), 60), strerror(errno));
		io_atomic_abort(a);
		return rc;
	}
	return io_atomic_commit(a);
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

int
io_lines_ready(const struct io_lines *r)
{
	struct pollfd pf = { r->fd, POLLIN, 0 };

	return r->eof || memchr(r->buf + r->pos, '\n', r->end - r->pos) !=
	    NULL || poll(&pf, 1, 0) > 0;
}

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
