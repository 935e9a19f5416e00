/* util.h - exit statuses, error reporting, small helpers shared by every module */
#ifndef JWTOOL_UTIL_H
#define JWTOOL_UTIL_H

#include <stddef.h>

/* JW_ASAN: built with AddressSanitizer (gcc or clang). */
#if defined(__SANITIZE_ADDRESS__)
#define JW_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JW_ASAN 1
#endif
#endif

/*
 * Every function of the core returns one of these; they are also the
 * process exit statuses, the same for every command.
 */
enum jw_status {
	JW_OK = 0,
	JW_ESIG = 1,		/* signature invalid, algorithm not allowed */
	JW_EUSAGE = 2,		/* usage error */
	JW_EMALFORMED = 3,	/* malformed token or input */
	JW_EEXPIRED = 4,	/* exp has passed */
	JW_ENOTYET = 5,		/* nbf in the future, or iat in the future */
	JW_ECLAIM = 6,		/* a claim check failed */
	JW_EKEY = 7,		/* key unusable */
	JW_EIO = 8		/* I/O error */
};

#define JW_PROGNAME "jwtool"

/* The command being run ("sign", ...), used as the prefix of messages. */
extern const char *jw_cmdname;

/*
 * Record a one-line error message and return status.  The message is
 * printed once, by main, when the command returns a non-zero status.
 */
int jw_fail(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The message recorded last, or NULL; jw_clear_error forgets it. */
const char *jw_error(void);
void jw_clear_error(void);
/* Print "jwtool: CMD: warning: ..." on stderr now. */
void jw_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "jwtool: CMD: ..." on stderr now. */
void jw_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Write s and a newline to stdout.  Returns 0, or -1 when the write
 * failed; the errno of the first failure is kept for jw_stdout_errno()
 * (main reports it when it flushes stdout).
 */
int jw_puts(const char *s);
int jw_stdout_errno(void);

/* Allocation that never returns NULL: out of memory aborts with a message. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);

/* Text growing on the heap, NUL-terminated after every put; start {0}. */
struct strbuf {
	char *p;
	size_t len, cap;
};
void strbuf_put(struct strbuf *b, const void *s, size_t n);
/* strbuf_put of a string literal */
#define STRBUF_LIT(b, lit) strbuf_put(b, lit, sizeof(lit) - 1)
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Constant-time comparison (0 when equal) and a wipe that is not elided. */
int sodium_memcmp_ct(const void *a, const void *b, size_t n);
void secure_wipe(void *p, size_t n);

/*
 * Secret memory: guarded (inaccessible pages around it), locked, left out
 * of core dumps, and wiped when freed.  Blocks of up to 1008 bytes come
 * from pools (sodium_malloc'd slabs cut into blocks of one size, with a
 * redzone after each), so that thousands of keys cost thousands of blocks
 * rather than thousands of guarded mappings; larger ones get a
 * sodium_malloc region of their own.  Under ASan and valgrind each pool
 * block is checked like a malloc block.  secret_free is NULL-safe.
 */
void *secret_alloc(size_t n);
void secret_free(void *p);

/*
 * Keep key material out of core dumps: RLIMIT_CORE becomes 0 (soft and
 * hard) and the process is no longer dumpable (no core, no ptrace attach
 * by other processes of the user, /proc/PID/mem closed).  Called before
 * any key material is read; idempotent.  Returns 0, or -1 with errno set.
 */
int jw_no_core_dumps(void);

/*
 * A copy of s fit to appear in a message: at most max bytes, control and
 * non-ASCII bytes shown as \xNN.  Returns a static buffer (one of two).
 */
const char *jw_quote(const char *s, size_t len, size_t max);

/* The value of the hex digit c (either case), or -1. */
int jw_hexval(int c);

/* Strict parse of a non-negative size such as "16M", "2048", "1k". */
int parse_size(const char *s, size_t *out);

#endif
