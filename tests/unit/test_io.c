/* test_io.c - unit tests for atomic output files */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sodium.h>

#include "base/cleanup.h"
#include "base/io.h"
#include "tap.h"
#include "base/util.h"

static char dir[] = "/tmp/jwtool-test-io.XXXXXX";

static char *
path(const char *name)
{
	static char buf[256];

	snprintf(buf, sizeof(buf), "%s/%s", dir, name);
	return buf;
}

/* Number of entries in the test directory. */
static int
entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.' || (strcmp(e->d_name, ".") != 0 &&
		    strcmp(e->d_name, "..") != 0);
	closedir(d);
	return n;
}

static int
content_is(const char *p, const char *want)
{
	char buf[64] = { 0 };
	FILE *fp = fopen(p, "r");
	size_t n;

	if (fp == NULL)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	return n == strlen(want) && memcmp(buf, want, n) == 0;
}

/*
 * In a child: with SIGTERM at DISP, open an atomic file NAME (and with
 * forget, make and then forget a file "kept"), write to it, raise
 * SIGTERM.  Returns the child's wait status.
 */
static int
child_raises(const char *name, void (*disp)(int), int forget)
{
	struct io_atomic *a;
	pid_t pid;
	int st = 0, fd, slot;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		signal(SIGTERM, disp);
		if (forget) {
			if ((fd = io_create(path("kept"), 0600, &slot)) == -1)
				_exit(3);
			close(fd);
			cleanup_remove(slot);
		}
		if (io_atomic_open(path(name), 0, &a) != JW_OK)
			_exit(3);
		fputs("half a token", a->fp);
		fflush(a->fp);
		raise(SIGTERM);
		io_atomic_abort(a);
		_exit(0);
	}
	waitpid(pid, &st, 0);
	return st;
}

int
main(void)
{
	struct io_atomic *a;
	struct stat st;
	mode_t old;
	int ws;

	if (sodium_init() < 0 || mkdtemp(dir) == NULL)
		return 1;
	/* first: the children must inherit no handler of ours yet */
	ws = child_raises("sig", SIG_DFL, 1);
	ok(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGTERM &&
	    access(path("sig"), F_OK) == -1 && entries() == 1 &&
	    access(path("kept"), F_OK) == 0,
	    "SIGTERM: the process dies of it, the temporary file is gone, a "
	    "file no longer recorded stays (status %#x, %d entries)", ws,
	    entries());
	ws = child_raises("ign", SIG_IGN, 0);
	ok(WIFEXITED(ws) && WEXITSTATUS(ws) == 0 && entries() == 1,
	    "an ignored SIGTERM stays ignored: the child goes on and aborts");

	unlink(path("kept"));
	old = umask(0);
	ok(io_write_atomic(path("out"), "tok\n", 4, 0) == JW_OK &&
	    content_is(path("out"), "tok\n"), "a new file is written");
	umask(old);
	ok(stat(path("out"), &st) == 0 && (st.st_mode & 07777) == 0600,
	    "mode 0600 even with umask 0 (mode %o)",
	    (unsigned)(st.st_mode & 07777));
	ok(io_write_atomic(path("out"), "new\n", 4, 0) == JW_EIO &&
	    strstr(jw_error(), "exists") != NULL &&
	    content_is(path("out"), "tok\n"),
	    "an existing file is not replaced without force");
	ok(io_write_atomic(path("out"), "new\n", 4, 1) == JW_OK &&
	    content_is(path("out"), "new\n"), "force replaces it");
	ok(entries() == 1, "no temporary file is left behind");

	ok(symlink("victim", path("link")) == 0 &&
	    io_write_atomic(path("link"), "x", 1, 0) == JW_EIO,
	    "a dangling symbolic link counts as existing");
	ok(io_write_atomic(path("link"), "x", 1, 1) == JW_OK &&
	    lstat(path("link"), &st) == 0 && S_ISREG(st.st_mode) &&
	    access(path("victim"), F_OK) == -1,
	    "force replaces the link itself, never its target");

	ok(io_atomic_open(path("late"), 0, &a) == JW_OK &&
	    access(path("late"), F_OK) == -1,
	    "nothing appears at the path before the commit");
	fputs("partial", a->fp);
	io_atomic_abort(a);
	ok(access(path("late"), F_OK) == -1 && entries() == 2,
	    "abort leaves neither the file nor a temporary");

	ok(io_atomic_open(path("race"), 0, &a) == JW_OK, "open race");
	fputs("mine", a->fp);
	ok(io_write_atomic(path("race"), "theirs", 6, 0) == JW_OK,
	    "another writer gets there first");
	ok(io_atomic_commit(a) == JW_EIO && content_is(path("race"),
	    "theirs") && entries() == 3,
	    "commit does not replace a file that appeared meanwhile");

	mkdir(path("d"), 0700);
	ok(io_write_atomic(path("d"), "x", 1, 1) == JW_EIO &&
	    strstr(jw_error(), "is a directory") != NULL,
	    "a directory is refused, even with force");
	ok(io_write_atomic(path("nodir/out"), "x", 1, 0) == JW_EIO &&
	    strstr(jw_error(), "No such file") != NULL,
	    "a missing directory is an I/O error");
	ok(io_write_atomic(path(""), "x", 1, 0) == JW_EIO,
	    "a path ending in a slash is refused");

	unlink(path("out"));
	unlink(path("link"));
	unlink(path("race"));
	rmdir(path("d"));
	rmdir(dir);
	return tap_done();
}
