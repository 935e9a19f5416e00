/* io.h - capped reads from a path, stdin or the environment; safe writes */
#ifndef JWTOOL_IO_H
#define JWTOOL_IO_H

#include <stddef.h>

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

/* 1 when SRC names standard input ("-"). */
int io_is_stdin(const char *src);

#endif
