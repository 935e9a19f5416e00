/* util.c - error reporting and allocation helpers */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include <sodium.h>

#include "base/util.h"

const char *jw_cmdname;
static _Thread_local char errbuf[1024];
static _Thread_local int have_error;

int
jw_fail(int status, const char *fmt, ...)
{
	char tmp[sizeof(errbuf)];
	va_list ap;

	/* fmt's arguments may be jw_error() itself: format aside first. */
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	memcpy(errbuf, tmp, sizeof(errbuf));
	have_error = 1;
	return status;
}

const char *
jw_error(void)
{
	return have_error ? errbuf : NULL;
}

void
jw_clear_error(void)
{
	have_error = 0;
	errbuf[0] = '\0';
}

static void
vnote(const char *kind, const char *fmt, va_list ap)
{
	if (jw_cmdname != NULL)
		fprintf(stderr, "%s: %s: %s", JW_PROGNAME, jw_cmdname, kind);
	else
		fprintf(stderr, "%s: %s", JW_PROGNAME, kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
jw_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vnote("warning: ", fmt, ap);
	va_end(ap);
}

void
jw_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vnote("", fmt, ap);
	va_end(ap);
}

static int stdout_errno;

int
jw_puts(const char *s)
{
	if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF) {
		if (stdout_errno == 0)
			stdout_errno = errno;
		return -1;
	}
	return 0;
}

int
jw_stdout_errno(void)
{
	return stdout_errno;
}

static void
oom(void)
{
	fprintf(stderr, "%s: out of memory\n", JW_PROGNAME);
	exit(JW_EIO);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		oom();
	return q;
}

void
strbuf_put(struct strbuf *b, const void *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		while (b->len + n + 1 > b->cap)
			b->cap = b->cap ? b->cap * 2 : 256;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/*
 * Secret pools.  A slab is a sodium_malloc region (guard pages around it,
 * locked, left out of core dumps) cut into blocks of one size class; the
 * last POOL_REDZONE bytes of each block are never handed out.  Free blocks
 * are wiped and kept on a stack outside the slabs.  For the sanitizers
 * and valgrind, each block is made a heap block of its own: only the bytes
 * asked for are accessible, so that overflows, uses after free and leaks
 * of pool blocks are reported as for malloc.
 */
#if defined(JW_ASAN)
#include <sanitizer/asan_interface.h>
#define BLOCK_ALLOCATED(p, n, size) ASAN_UNPOISON_MEMORY_REGION(p, n)
#define BLOCK_FREED(p, size) ASAN_POISON_MEMORY_REGION(p, size)
#define BLOCK_WIPEABLE(p, size) ASAN_UNPOISON_MEMORY_REGION(p, size)
#define SLAB_NEW(p, size) ASAN_POISON_MEMORY_REGION(p, size)
#elif defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define BLOCK_ALLOCATED(p, n, size) VALGRIND_MALLOCLIKE_BLOCK(p, n, 0, 0)
#define BLOCK_FREED(p, size) do {					\
	VALGRIND_FREELIKE_BLOCK(p, 0);					\
	VALGRIND_MAKE_MEM_NOACCESS(p, size);				\
} while (0)
#define BLOCK_WIPEABLE(p, size) VALGRIND_MAKE_MEM_UNDEFINED(p, size)
#define SLAB_NEW(p, size) VALGRIND_MAKE_MEM_NOACCESS(p, size)
#endif
#endif
#ifndef BLOCK_ALLOCATED
#define BLOCK_ALLOCATED(p, n, size) ((void)(p), (void)(n), (void)(size))
#define BLOCK_FREED(p, size) ((void)(p), (void)(size))
#define BLOCK_WIPEABLE(p, size) ((void)(p), (void)(size))
#define SLAB_NEW(p, size) ((void)(p), (void)(size))
#endif

struct slab {
	struct slab *next;
	unsigned char *base;	/* size bytes of secret memory */
	size_t size;
	size_t cls;		/* index in classes[] */
	size_t used;		/* bytes cut from base so far */
};

struct blocks {			/* a stack of free blocks */
	void **v;
	size_t n, cap;
};

/*
 * The first slab of a class is small (sodium_malloc fills and locks all
 * of it: a one-token process needs a few blocks), each next one twice the
 * last, up to SLAB_MAX (a JWKS of thousands of keys needs few mappings).
 */
#define SLAB_MIN 4096
#define SLAB_MAX (1024 * 1024)
#define POOL_REDZONE 16
static const size_t classes[] = { 64, 256, 1024 };
#define NCLASSES (sizeof(classes) / sizeof(classes[0]))
static struct slab *slabs;
static size_t next_slab[NCLASSES];	/* the size of a class's next slab */
static struct blocks free_blocks[NCLASSES];

static void *
pool_alloc(size_t n)
{
	struct blocks *fb;
	struct slab *s;
	size_t c;
	void *p;

	for (c = 0; c < NCLASSES && classes[c] - POOL_REDZONE < n; c++)
		;
	if (c == NCLASSES)
		return NULL;
	fb = &free_blocks[c];
	if (fb->n > 0)
		p = fb->v[--fb->n];
	else {
		for (s = slabs; s != NULL; s = s->next)
			if (s->cls == c && s->size - s->used >= classes[c])
				break;
		if (s == NULL) {
			s = xcalloc(1, sizeof(*s));
			s->size = next_slab[c] ? next_slab[c] : SLAB_MIN;
			if (s->size < SLAB_MAX)
				next_slab[c] = s->size * 2;
			if ((s->base = sodium_malloc(s->size)) == NULL)
				oom();
			SLAB_NEW(s->base, s->size);
			s->cls = c;
			s->next = slabs;
			slabs = s;
		}
		p = s->base + s->used;
		s->used += classes[c];
	}
	BLOCK_ALLOCATED(p, n, classes[c]);
	return p;
}

/* Wipe p and return it to its pool: 1, or 0 when it is not a pool block. */
static int
pool_free(void *p)
{
	const unsigned char *b = p;
	struct blocks *fb;
	struct slab *s;
	size_t size;

	for (s = slabs; s != NULL; s = s->next)
		if (b >= s->base && b < s->base + s->size)
			break;
	if (s == NULL)
		return 0;
	size = classes[s->cls];
	BLOCK_WIPEABLE(p, size);
	sodium_memzero(p, size);
	BLOCK_FREED(p, size);
	fb = &free_blocks[s->cls];
	if (fb->n == fb->cap) {
		fb->cap = fb->cap ? fb->cap * 2 : 64;
		fb->v = xrealloc(fb->v, fb->cap * sizeof(*fb->v));
	}
	fb->v[fb->n++] = p;
	return 1;
}

void *
secret_alloc(size_t n)
{
	void *p = pool_alloc(n ? n : 1);

	if (p == NULL && (p = sodium_malloc(n ? n : 1)) == NULL)
		oom();
	return p;
}

void
secret_free(void *p)
{
	if (p != NULL && !pool_free(p))
		sodium_free(p);	/* wipes before releasing */
}

int
jw_no_core_dumps(void)
{
	const struct rlimit zero = { 0, 0 };

	if (setrlimit(RLIMIT_CORE, &zero) != 0 ||
	    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
		return -1;
	return 0;
}

int
jw_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

const char *
jw_quote(const char *s, size_t len, size_t max)
{
	static _Thread_local char bufs[2][256];
	static _Thread_local int which;
	char *b = bufs[which ^= 1];
	size_t i, o = 0;

	if (max > 60)
		max = 60;
	for (i = 0; i < len && i < max; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c >= 0x7f || c == '\'' || c == '\\')
			o += (size_t)snprintf(b + o, sizeof(bufs[0]) - o,
			    "\\x%02x", c);
		else
			b[o++] = (char)c;
	}
	if (i < len)
		o += (size_t)snprintf(b + o, sizeof(bufs[0]) - o, "...");
	b[o] = '\0';
	return b;
}

int
parse_size(const char *s, size_t *out)
{
	unsigned long long v = 0, mul = 1;
	const char *p = s;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > (~0ULL - 9) / 10)
			return -1;
		v = v * 10 + (unsigned)(*p - '0');
	}
	switch (*p) {
	case '\0': break;
	case 'k': case 'K': mul = 1ULL << 10; p++; break;
	case 'm': case 'M': mul = 1ULL << 20; p++; break;
	case 'g': case 'G': mul = 1ULL << 30; p++; break;
	default: return -1;
	}
	if (*p != '\0' || (v != 0 && mul > ~0ULL / v) || v * mul > (size_t)-1)
		return -1;
	*out = (size_t)(v * mul);
	return 0;
}
