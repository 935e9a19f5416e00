/* io.h - capped reads from a path, stdin or the environment; safe writes */
#ifndef JWTOOL_IO_H
#define JWTOOL_IO_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

/* Default cap on any input (token, claims, key file): 16 MiB. */
#define IO_DEFAULT_MAX ((size_t)16 << 20)

/* The cap in force: --max-input, else $JWTOOL_MAX_INPUT, else the default. */
size_t io_max_input(void);
/* Set the cap from a size string; returns JW_OK or JW_EUSAGE. */
int io_set_max_input(const char *spec);

/*
 * Read all of SRC: a path, "-" for standard input, or "env:NAME".
 * WHAT names the input in messages ("key", "token").  On success *data is
 * NUL-terminated (not counted in *len) and is the caller's: free it with
 * io_free(*data, secret).  With secret set the bytes live in sodium_malloc
 * memory.  Returns JW_OK, JW_EIO or JW_EUSAGE (unset variable).
 */
int io_read(const char *src, const char *what, int secret,
    unsigned char **data, size_t *len);
/* Read from an open descriptor, same contract. */
int io_read_fd(int fd, const char *name, const char *what, int secret,
    unsigned char **data, size_t *len);
void io_free(void *data, int secret);

/*
 * Lines of any length from a descriptor, for --batch.  A line longer than
 * io_max_input() is skipped to its end and reported as too long.
 */
struct io_lines;
/* Read lines from fd (not closed by io_lines_free); NAME for messages. */
struct io_lines *io_lines_new(int fd, const char *name);
/*
 * The next line, without its '\n': returns 1 with *line (NUL-terminated,
 * valid until the next call) and *len, 0 at the end, or JW_EIO-style -1
 * with a message.  *toolong is set when the line was over the cap: then
 * *len is 0.
 */
int io_lines_next(struct io_lines *r, const char **line, size_t *len,
    int *toolong);
void io_lines_free(struct io_lines *r);
/*
 * 1 when io_lines_next would not wait for input: a whole line is buffered,
 * the end was seen, or the descriptor has data (or is a regular file).
 */
int io_lines_ready(const struct io_lines *r);

/* 1 when SRC names standard input ("-"). */
int io_is_stdin(const char *src);

/*
 * Atomic output to PATH: the bytes go to a temporary file created in the
 * same directory (.NAME.XXXXXXXXXXXX.tmp, mode 0600,
 * O_CREAT|O_EXCL|O_NOFOLLOW), which is renamed over PATH only by
 * io_atomic_commit.  Without force an existing PATH is never replaced
 * (the final step is link(2), which cannot overwrite); with force it is
 * replaced in one rename(2), and a symbolic link to a regular file (or to
 * nothing) is replaced, not followed.  Until the commit PATH is
 * untouched; on any failure, and when SIGINT, SIGTERM or SIGHUP ends the
 * process, no temporary file remains.
 *
 * Written in place, never replaced, with force or without: a character
 * device or a FIFO at PATH; a chain of symbolic links leading to one
 * (a link to /dev/null); and PATH naming one of our open descriptors
 * (/dev/stdout, /dev/fd/N, /proc/self/fd/N, or a link to one of those),
 * which is written at its offset like standard output, whatever it is (a
 * pipe, a terminal, a socket, the file stdout is redirected to).  Any
 * other link found in /proc is opened through (a regular file it leads
 * to is truncated).  A link to a socket or a block device, and other
 * special files with force, are refused.
 */
struct io_atomic {
	FILE *fp;		/* write here */
	char *path;
	char *tmp;		/* NULL when writing in place */
	int slot;		/* of tmp in cleanup_add, or -1 */
	int force;
};

/*
 * Check that PATH may be written (not a directory; absent unless force)
 * and create the temporary file, so that a command fails before doing its
 * work.  Returns JW_OK with *out, or JW_EIO with a message.
 */
int io_atomic_open(const char *path, int force, struct io_atomic **out);
/*
 * Flush, fsync and close the temporary file and put it in place.  Frees
 * a in every case; on failure the temporary file is removed and PATH is
 * unchanged.  Returns JW_OK or JW_EIO with a message.
 */
int io_atomic_commit(struct io_atomic *a);
/* Remove the temporary file and free a (NULL-safe). */
void io_atomic_abort(struct io_atomic *a);
/* All of data[0..len) to PATH through the functions above. */
int io_write_atomic(const char *path, const void *data, size_t len,
    int force);

/*
 * Create PATH (O_WRONLY|O_CREAT|O_EXCL|O_NOFOLLOW, MODE) and record it
 * with cleanup_add (cleanup.h) in one step, no signal between.  Returns
 * the descriptor and *slot, or -1 with errno.
 */
int io_create(const char *path, mode_t mode, int *slot);
/*
 * The same for a new temporary file next to PATH, .NAME.XXXXXXXXXXXX.tmp:
 * *tmp is its name (the caller's, to free), or NULL on failure.
 */
int io_create_tmp(const char *path, mode_t mode, char **tmp, int *slot);

#endif
