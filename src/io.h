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

/* 1 when SRC names standard input ("-"). */
int io_is_stdin(const char *src);

#endif
