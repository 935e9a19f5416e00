/* json.c - strict JSON front end over cJSON */
#include <sys/mman.h>

#include <limits.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#include "base/json.h"
#include "base/util.h"

struct span {
	size_t off, len;
};

#define NUMS_INLINE 16

struct scan {
	const unsigned char *s;
	size_t n, i;
	const char *what;
	struct span *nums;	/* inline, or on the heap past NUMS_INLINE */
	size_t nnums, capnums;
	int status;
	int allow_dups;		/* keep duplicate member names */
	int as_is;		/* no whitespace, no escape so far */
	struct span inline_nums[NUMS_INLINE];
};

static int
scan_err(struct scan *sc, size_t at, const char *why)
{
	if (at >= sc->n)
		return sc->status = jw_fail(JW_EMALFORMED, "%s: invalid JSON: "
		    "%s at the end (byte %zu)", sc->what, why, at);
	return sc->status = jw_fail(JW_EMALFORMED, "%s: invalid JSON: %s at "
	    "byte %zu", sc->what, why, at);
}

static void
skip_ws(struct scan *sc)
{
	size_t i = sc->i;

	while (sc->i < sc->n && (sc->s[sc->i] == ' ' || sc->s[sc->i] == '\t' ||
	    sc->s[sc->i] == '\n' || sc->s[sc->i] == '\r'))
		sc->i++;
	sc->as_is &= sc->i == i;
}

/* Length of the valid UTF-8 sequence at p (at most avail bytes), or 0. */
static size_t
utf8_len(const unsigned char *p, size_t avail)
{
	unsigned c = p[0];
	size_t n, k;
	uint32_t cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, cp = c & 0x07;
	else
		return 0;
	if (avail < n)
		return 0;
	for (k = 1; k < n; k++) {
		if ((p[k] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[k] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

int
json_utf8_valid(const char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n) {
		if ((k = utf8_len((const unsigned char *)s + i, n - i)) == 0)
			return 0;
		i += k;
	}
	return 1;
}

static int
hex4(const unsigned char *p, unsigned *v)
{
	unsigned k, r = 0;

	for (k = 0; k < 4; k++) {
		unsigned c = p[k];

		r <<= 4;
		if (c >= '0' && c <= '9')
			r |= c - '0';
		else if (c >= 'a' && c <= 'f')
			r |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			r |= c - 'A' + 10;
		else
			return -1;
	}
	*v = r;
	return 0;
}

static int
scan_string(struct scan *sc)
{
	size_t start = sc->i++;

	while (sc->i < sc->n) {
		unsigned c = sc->s[sc->i];

		if (c == '"') {
			sc->i++;
			return 0;
		}
		if (c < 0x20)
			return scan_err(sc, sc->i, "raw control character in "
			    "a string");
		if (c == '\\') {
			unsigned u, lo;

			sc->as_is = 0;
			if (sc->i + 1 >= sc->n)
				break;
			c = sc->s[sc->i + 1];
			if (strchr("\"\\/bfnrt", (int)c) != NULL && c != 0) {
				sc->i += 2;
				continue;
			}
			if (c != 'u')
				return scan_err(sc, sc->i, "invalid escape in "
				    "a string");
			if (sc->i + 6 > sc->n || hex4(sc->s + sc->i + 2, &u))
				return scan_err(sc, sc->i, "invalid \\u escape");
			if (u == 0)
				return scan_err(sc, sc->i, "\\u0000 (NUL) in a "
				    "string");
			if (u >= 0xdc00 && u <= 0xdfff)
				return scan_err(sc, sc->i, "lone low surrogate "
				    "in a \\u escape");
			if (u >= 0xd800 && u <= 0xdbff) {
				if (sc->i + 12 > sc->n ||
				    sc->s[sc->i + 6] != '\\' ||
				    sc->s[sc->i + 7] != 'u' ||
				    hex4(sc->s + sc->i + 8, &lo) ||
				    lo < 0xdc00 || lo > 0xdfff)
					return scan_err(sc, sc->i, "lone high "
					    "surrogate in a \\u escape");
				sc->i += 12;
			} else
				sc->i += 6;
			continue;
		}
		if (c >= 0x80) {
			size_t k = utf8_len(sc->s + sc->i, sc->n - sc->i);

			if (k == 0)
				return scan_err(sc, sc->i, "invalid UTF-8");
			sc->i += k;
			continue;
		}
		sc->i++;
	}
	return scan_err(sc, start, "unterminated string starting");
}

static size_t
number_len(const unsigned char *s, size_t n)
{
	size_t i = 0;

	if (i < n && s[i] == '-')
		i++;
	if (i < n && s[i] == '0')
		i++;
	else if (i < n && s[i] >= '1' && s[i] <= '9')
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	else
		return 0;
	if (i < n && s[i] == '.') {
		size_t d = ++i;

		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == d)
			return 0;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		size_t d;

		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		d = i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == d)
			return 0;
	}
	return i;
}

int
json_number_syntax(const char *text, size_t len)
{
	return len > 0 && number_len((const unsigned char *)text, len) == len;
}

static int
scan_number(struct scan *sc)
{
	size_t k = number_len(sc->s + sc->i, sc->n - sc->i);
	unsigned char next;

	if (k == 0)
		return scan_err(sc, sc->i, "invalid number");
	next = sc->i + k < sc->n ? sc->s[sc->i + k] : ' ';
	if ((next >= '0' && next <= '9') || next == '.' || next == 'e' ||
	    next == 'E' || next == '+' || next == '-')
		return scan_err(sc, sc->i, "invalid number (leading zero or "
		    "bad fraction or exponent)");
	if (sc->nnums == sc->capnums) {
		sc->capnums *= 2;
		if (sc->nums == sc->inline_nums)
			sc->nums = memcpy(xmalloc(sc->capnums *
			    sizeof(*sc->nums)), sc->inline_nums,
			    sizeof(sc->inline_nums));
		else
			sc->nums = xrealloc(sc->nums, sc->capnums *
			    sizeof(*sc->nums));
	}
	sc->nums[sc->nnums].off = sc->i;
	sc->nums[sc->nnums++].len = k;
	sc->i += k;
	return 0;
}

static int
scan_value(struct scan *sc, int depth)
{
	unsigned c;

	skip_ws(sc);
	if (sc->i >= sc->n)
		return scan_err(sc, sc->i, "expected a value");
	c = sc->s[sc->i];
	if (c == '{' || c == '[') {
		unsigned close = c == '{' ? '}' : ']';

		if (depth >= JSON_MAX_DEPTH)
			return scan_err(sc, sc->i, "nesting deeper than "
			    "128 levels");
		sc->i++;
		skip_ws(sc);
		if (sc->i < sc->n && sc->s[sc->i] == close) {
			sc->i++;
			return 0;
		}
		for (;;) {
			if (c == '{') {
				skip_ws(sc);
				if (sc->i >= sc->n || sc->s[sc->i] != '"')
					return scan_err(sc, sc->i, "expected a "
					    "member name in double quotes");
				if (scan_string(sc))
					return -1;
				skip_ws(sc);
				if (sc->i >= sc->n || sc->s[sc->i] != ':')
					return scan_err(sc, sc->i, "expected "
					    "':' after a member name");
				sc->i++;
			}
			if (scan_value(sc, depth + 1))
				return -1;
			skip_ws(sc);
			if (sc->i < sc->n && sc->s[sc->i] == ',') {
				sc->i++;
				continue;
			}
			if (sc->i < sc->n && sc->s[sc->i] == close) {
				sc->i++;
				return 0;
			}
			return scan_err(sc, sc->i, c == '{' ? "expected ',' or "
			    "'}' in an object" : "expected ',' or ']' in an "
			    "array");
		}
	}
	if (c == '"')
		return scan_string(sc);
	if (c == '-' || (c >= '0' && c <= '9'))
		return scan_number(sc);
	if (sc->n - sc->i >= 4 && memcmp(sc->s + sc->i, "true", 4) == 0) {
		sc->i += 4;
		return 0;
	}
	if (sc->n - sc->i >= 5 && memcmp(sc->s + sc->i, "false", 5) == 0) {
		sc->i += 5;
		return 0;
	}
	if (sc->n - sc->i >= 4 && memcmp(sc->s + sc->i, "null", 4) == 0) {
		sc->i += 4;
		return 0;
	}
	if (c == 0xef && sc->i == 0)
		return scan_err(sc, sc->i, "byte order mark (BOM) before the "
		    "value");
	return scan_err(sc, sc->i, "expected a value");
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp((*(cJSON *const *)a)->string,
	    (*(cJSON *const *)b)->string);
}

const char *
json_find_duplicate(const cJSON *o)
{
	cJSON *c, *d, **v;
	size_t n = 0, k;
	const char *dup = NULL;

	for (c = o->child; c != NULL; c = c->next)
		n++;
	if (n < 2)
		return NULL;
	if (n <= 16) {
		for (c = o->child; c != NULL; c = c->next)
			for (d = c->next; d != NULL; d = d->next)
				if (strcmp(c->string, d->string) == 0)
					return c->string;
		return NULL;
	}
	v = xmalloc(n * sizeof(*v));
	for (k = 0, c = o->child; c != NULL; c = c->next)
		v[k++] = c;
	qsort(v, n, sizeof(*v), name_cmp);
	for (k = 1; k < n; k++)
		if (strcmp(v[k - 1]->string, v[k]->string) == 0) {
			dup = v[k]->string;
			break;
		}
	free(v);
	return dup;
}

/* A copy of s[0..n) from cJSON's allocator (cJSON_Delete frees it). */
static char *
json_strndup(const char *s, size_t n)
{
	char *p = cJSON_malloc(n + 1);

	if (p == NULL) {
		fprintf(stderr, "%s: out of memory\n", JW_PROGNAME);
		exit(JW_EIO);
	}
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Turn numbers into raw literals (document order) and find duplicates. */
static int
fixup(struct scan *sc, cJSON *item, size_t *k)
{
	cJSON *c;
	const char *dup;

	if (cJSON_IsNumber(item)) {
		struct span sp;

		if (*k >= sc->nnums)
			return scan_err(sc, sc->n, "number count mismatch");
		sp = sc->nums[(*k)++];
		item->type = cJSON_Raw;
		item->valuestring = json_strndup((const char *)sc->s + sp.off,
		    sp.len);
		return 0;
	}
	if (cJSON_IsObject(item) && !sc->allow_dups &&
	    (dup = json_find_duplicate(item)) != NULL)
		return sc->status = jw_fail(JW_EMALFORMED, "%s: duplicate member "
		    "'%s'", sc->what, jw_quote(dup, strlen(dup), 40));
	for (c = item->child; c != NULL; c = c->next)
		if (fixup(sc, c, k))
			return -1;
	return 0;
}

/*
 * cJSON's allocator.  Until json_parse_secret or json_pool_start first
 * runs (before any thread starts), cJSON has its own, malloc; after, it
 * has json_alloc and json_free, which give a thread malloc too, except
 * while json_parse_secret parses a key (the secret arena) and while
 * json_parse_pooled parses (the pool).
 */
enum { JA_MALLOC, JA_SECRET, JA_POOL };

/*
 * The secret arena: chunks of secret memory handed out in order, released
 * all at once.
 */
struct chunk {
	struct chunk *next;
	size_t size, used;
	max_align_t data[];
};

struct json_secret {
	struct chunk *chunks;
};

/*
 * The pool: a token's claims are a dozen small allocations, made, read
 * once and freed.  A thread takes them in order from a block of its own
 * in one region reserved at start; a block counts what came back less
 * what it gave out, and is reused once its thread has moved on to another
 * block and all of it came back, by whichever thread frees it last
 * (--jobs frees tokens where they are reported).  When the region is used
 * up, and for large allocations, malloc.
 */
#define POOL_BLOCK ((size_t)65536)
#define POOL_BLOCKS ((size_t)1024)	/* 64 MiB reserved, touched as used */
#define POOL_LARGE (POOL_BLOCK / 16)

static unsigned char *pool_base;	/* the region, or NULL */
static int pool_live[POOL_BLOCKS];	/* atomic: minus what was freed,
					 * plus what was given out once the
					 * thread moved on */
static size_t pool_spare[POOL_BLOCKS], pool_nspare, pool_fresh;
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_key_t pool_key;		/* moves a thread on as it ends */

static _Thread_local struct {
	int mode;			/* JA_* */
	struct json_secret *secret;	/* JA_SECRET: the arena */
	size_t block;			/* being filled, or POOL_BLOCKS */
	size_t used;			/* bytes of it given out */
	int given;			/* allocations from it */
} ja = { JA_MALLOC, NULL, POOL_BLOCKS, 0, 0 };

static void
pool_put(size_t b)
{
	POISON(pool_base + b * POOL_BLOCK, POOL_BLOCK);
	pthread_mutex_lock(&pool_lock);
	pool_spare[pool_nspare++] = b;
	pthread_mutex_unlock(&pool_lock);
}

/* The thread is done with its block: whoever frees last reuses it. */
static void
pool_move_on(void *unused)
{
	size_t b = ja.block;

	(void)unused;
	if (b == POOL_BLOCKS)
		return;
	ja.block = POOL_BLOCKS;
	if (__atomic_add_fetch(&pool_live[b], ja.given, __ATOMIC_ACQ_REL) == 0)
		pool_put(b);
}

static void *
pool_alloc(size_t n)
{
	size_t b = POOL_BLOCKS;
	unsigned char *p;

	n = (n + 15) & ~(size_t)15;
	if (n > POOL_LARGE)
		return malloc(n);
	if (ja.block == POOL_BLOCKS || POOL_BLOCK - ja.used < n) {
		pool_move_on(NULL);
		pthread_mutex_lock(&pool_lock);
		if (pool_nspare > 0)
			b = pool_spare[--pool_nspare];
		else if (pool_fresh < POOL_BLOCKS)
			b = pool_fresh++;
		pthread_mutex_unlock(&pool_lock);
		if (b == POOL_BLOCKS)
			return malloc(n);
		(void)pthread_setspecific(pool_key, &ja);
		ja.block = b;
		ja.used = 0;
		ja.given = 0;
	}
	p = pool_base + ja.block * POOL_BLOCK + ja.used;
	ja.used += n;
	ja.given++;
	UNPOISON(p, n);
	return p;
}

static void *
arena_alloc(size_t n)
{
	struct chunk *c = ja.secret->chunks;
	size_t a = sizeof(max_align_t), size;
	void *p;

	n = (n + a - 1) / a * a;
	if (c == NULL || c->size - c->used < n) {
		size = c == NULL ? 16384 : c->size < 1048576 ? c->size * 2 :
		    c->size;
		if (size < n)
			size = n;
		c = secret_alloc(sizeof(*c) + size);
		c->size = size;
		c->used = 0;
		c->next = ja.secret->chunks;
		ja.secret->chunks = c;
	}
	p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

static void *
json_alloc(size_t n)
{
	switch (ja.mode) {
	case JA_SECRET:
		return arena_alloc(n);
	case JA_POOL:
		return pool_alloc(n);
	default:
		return malloc(n);
	}
}

static void
json_free(void *p)
{
	uintptr_t off = (uintptr_t)p - (uintptr_t)pool_base;
	size_t b;

	if (pool_base != NULL && off < POOL_BLOCK * POOL_BLOCKS) {
		b = off / POOL_BLOCK;
		POISON(p, 16);	/* the rest goes with the block */
		if (__atomic_sub_fetch(&pool_live[b], 1, __ATOMIC_ACQ_REL) == 0)
			pool_put(b);
		return;
	}
	if (ja.mode != JA_SECRET)	/* the arena goes all at once */
		free(p);
}

static void
hooks_install(void)
{
	static int done;
	cJSON_Hooks hooks = { json_alloc, json_free };

	if (!done)
		cJSON_InitHooks(&hooks);
	done = 1;
}

size_t
json_pool_blocks(void)
{
	size_t n;

	pthread_mutex_lock(&pool_lock);
	n = pool_fresh;
	pthread_mutex_unlock(&pool_lock);
	return n;
}

void
json_pool_start(void)
{
	void *p;

	hooks_install();
	if (pool_base != NULL || pthread_key_create(&pool_key,
	    pool_move_on) != 0)
		return;
	p = mmap(NULL, POOL_BLOCK * POOL_BLOCKS, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		return;
	pool_base = p;
	POISON(pool_base, POOL_BLOCK * POOL_BLOCKS);
}

void
json_secret_free(struct json_secret *mem)
{
	struct chunk *c, *next;

	if (mem == NULL)
		return;
	for (c = mem->chunks; c != NULL; c = next) {
		next = c->next;
		secret_free(c);	/* wipes */
	}
	free(mem);
}

/*
 * The strict parse; mem: secret memory for the tree (json_parse_secret);
 * terminated: text[len] is a NUL, so cJSON can read text itself.
 */
static int
parse(const char *text, size_t len, const char *what, int allow_dups,
    cJSON **out, struct json_secret *mem, int terminated, int *as_is)
{
	struct scan sc = { .s = (const unsigned char *)text, .n = len,
	    .what = what, .capnums = NUMS_INLINE, .status = JW_OK,
	    .allow_dups = allow_dups, .as_is = 1 };
	cJSON *root = NULL;
	const char *end = NULL;
	char *copy;
	size_t k = 0;

	sc.nums = sc.inline_nums;
	if (scan_value(&sc, 0))
		goto out;
	skip_ws(&sc);
	if (sc.i != sc.n) {
		scan_err(&sc, sc.i, "unexpected data after the JSON value");
		goto out;
	}
	/* cJSON needs a NUL right after the text: parse a copy, wiped after
	 * use since it may hold a key. */
	if (terminated)
		root = cJSON_ParseWithOpts(text, &end, 1);
	else {
		copy = mem != NULL ? secret_alloc(len + 1) : xmalloc(len + 1);
		memcpy(copy, text, len);
		copy[len] = '\0';
		root = cJSON_ParseWithOpts(copy, &end, 1);
		if (mem != NULL)
			secret_free(copy);
		else {
			secure_wipe(copy, len);
			free(copy);
		}
	}
	if (root == NULL) {
		sc.status = jw_fail(JW_EMALFORMED, "%s: JSON not accepted by "
		    "the parser", what);
		goto out;
	}
	if (fixup(&sc, root, &k) == 0 && k != sc.nnums)
		scan_err(&sc, sc.n, "number count mismatch");
out:
	if (sc.nums != sc.inline_nums)
		free(sc.nums);
	if (sc.status != JW_OK) {
		cJSON_Delete(root);
		return sc.status;
	}
	*out = root;
	if (as_is != NULL)
		*as_is = sc.as_is;
	return JW_OK;
}

int
json_parse(const char *text, size_t len, const char *what, cJSON **out)
{
	return parse(text, len, what, 0, out, NULL, 0, NULL);
}

int
json_parse_str(const char *text, size_t len, const char *what, cJSON **out,
    int *as_is)
{
	return parse(text, len, what, 0, out, NULL, 1, as_is);
}

int
json_parse_dups(const char *text, size_t len, const char *what, cJSON **out)
{
	return parse(text, len, what, 1, out, NULL, 0, NULL);
}

int
json_parse_pooled(const char *text, size_t len, const char *what,
    cJSON **out, int *as_is)
{
	int rc, mode = ja.mode;

	if (pool_base != NULL)
		ja.mode = JA_POOL;
	rc = json_parse_str(text, len, what, out, as_is);
	ja.mode = mode;
	return rc;
}

int
json_parse_secret(const char *text, size_t len, const char *what,
    cJSON **out, struct json_secret **mem)
{
	int rc;

	hooks_install();
	*mem = ja.secret = xcalloc(1, sizeof(**mem));
	ja.mode = JA_SECRET;
	rc = parse(text, len, what, 0, out, *mem, 0, NULL);
	ja.mode = JA_MALLOC;
	ja.secret = NULL;
	if (rc != JW_OK) {
		json_secret_free(*mem);
		*mem = NULL;
	}
	return rc;
}

int
json_is_number(const cJSON *item)
{
	return item != NULL && cJSON_IsRaw(item);
}

cJSON *
json_new_number(const char *literal)
{
	cJSON *n = cJSON_CreateRaw(literal);

	if (n == NULL) {
		fprintf(stderr, "%s: out of memory\n", JW_PROGNAME);
		exit(JW_EIO);
	}
	n->valuedouble = strtod(literal, NULL);
	return n;
}

cJSON *
json_new_int(long long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", v);
	return json_new_number(buf);
}

int
json_get_int(const cJSON *item, long long *v)
{
	const char *p;
	char *end;
	long long r;

	if (!json_is_number(item) || item->valuestring == NULL)
		return -1;
	p = item->valuestring;
	if (strpbrk(p, ".eE") != NULL)
		return -1;
	r = strtoll(p, &end, 10);
	if (*end != '\0' || r == LLONG_MAX || r == LLONG_MIN)
		return -1;
	*v = r;
	return 0;
}

cJSON *
json_get(const cJSON *obj, const char *name)
{
	return cJSON_GetObjectItemCaseSensitive(obj, name);
}

char *
json_print(const cJSON *item, int pretty)
{
	char *s = pretty ? cJSON_Print(item) : cJSON_PrintUnformatted(item);
	char *o, *p, *q;
	size_t tabs = 0;

	if (s == NULL) {
		fprintf(stderr, "%s: out of memory\n", JW_PROGNAME);
		exit(JW_EIO);
	}
	if (!pretty)
		return s;
	/* cJSON indents with tabs; strings never hold a raw tab. */
	for (p = s; *p; p++)
		tabs += *p == '\t';
	o = xmalloc(strlen(s) + tabs + 1);
	for (p = s, q = o; *p; p++) {
		if (*p != '\t')
			*q++ = *p;
		else if (p == s || p[-1] == '\n' || p[-1] == '\t') {
			*q++ = ' ';
			*q++ = ' ';
		} else
			*q++ = ' ';
	}
	*q = '\0';
	cJSON_free(s);
	return o;
}

size_t
json_print_into(const cJSON *item, char **buf, size_t *cap)
{
	if (*cap < 256) {
		*cap = 4096;
		*buf = xrealloc(*buf, *cap);
	}
	/* cJSON asks for a few bytes of slack; grow until it fits. */
	while (!cJSON_PrintPreallocated((cJSON *)item, *buf, (int)*cap - 8,
	    0)) {
		if (*cap > (size_t)1 << 30) {
			fprintf(stderr, "%s: out of memory\n", JW_PROGNAME);
			exit(JW_EIO);
		}
		*cap *= 2;
		*buf = xrealloc(*buf, *cap);
	}
	return strlen(*buf);
}

size_t
json_depth(const cJSON *item)
{
	const cJSON *c;
	size_t d, max = 0;

	if (!cJSON_IsObject(item) && !cJSON_IsArray(item))
		return 0;
	for (c = item->child; c != NULL; c = c->next)
		if ((d = json_depth(c)) > max)
			max = d;
	return max + 1;
}

/*
 * A number literal as value = sign 0.DIGITS x 10^exp with no leading or
 * trailing zero digit (zero: no digits, not negative).  *digits is the
 * caller's.  Returns 0, or -1 for an exponent too large to handle.
 */
static int
number_norm(const char *s, int *neg, char **digits, long long *exp)
{
	char *d = xmalloc(strlen(s) + 1);
	size_t n = 0, lead = 0;
	long long intdigits = 0, e = 0;
	int eneg;

	*neg = *s == '-';
	s += *neg;
	for (; *s >= '0' && *s <= '9'; s++, intdigits++)
		d[n++] = *s;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			d[n++] = *s;
	if (*s == 'e' || *s == 'E') {
		s++;
		eneg = *s == '-';
		s += *s == '-' || *s == '+';
		for (; *s >= '0' && *s <= '9'; s++) {
			if (e > 100000000000000LL) {
				free(d);
				return -1;
			}
			e = e * 10 + (*s - '0');
		}
		e = eneg ? -e : e;
	}
	while (lead < n && d[lead] == '0')
		lead++;
	while (n > lead && d[n - 1] == '0')
		n--;
	memmove(d, d + lead, n - lead);
	d[n - lead] = '\0';
	*exp = n == lead ? 0 : intdigits - (long long)lead + e;
	*neg = n == lead ? 0 : *neg;
	*digits = d;
	return 0;
}

/* Two number literals are the same value: 1 == 1.0 == 10e-1, exactly. */
static int
number_equal(const char *a, const char *b)
{
	char *da = NULL, *db = NULL;
	long long ea, eb;
	int na, nb, r;

	if (number_norm(a, &na, &da, &ea) != 0 ||
	    number_norm(b, &nb, &db, &eb) != 0)
		r = strcmp(a, b) == 0;
	else
		r = na == nb && ea == eb && strcmp(da, db) == 0;
	free(da);
	free(db);
	return r;
}

int
json_equal(const cJSON *a, const cJSON *b)
{
	const cJSON *x, *y;

	if (json_is_number(a) && json_is_number(b))
		return number_equal(a->valuestring, b->valuestring);
	if ((a->type & 0xff) != (b->type & 0xff))
		return 0;
	if (cJSON_IsString(a))
		return strcmp(a->valuestring, b->valuestring) == 0;
	if (cJSON_IsArray(a)) {
		for (x = a->child, y = b->child; x && y; x = x->next,
		    y = y->next)
			if (!json_equal(x, y))
				return 0;
		return x == NULL && y == NULL;
	}
	if (cJSON_IsObject(a)) {
		size_t na = 0, nb = 0;

		for (x = a->child; x; x = x->next, na++)
			if ((y = json_get(b, x->string)) == NULL ||
			    !json_equal(x, y))
				return 0;
		for (y = b->child; y; y = y->next)
			nb++;
		return na == nb;
	}
	return 1;	/* true, false, null: same type */
}

const char *
json_type_name(const cJSON *item)
{
	if (item == NULL)
		return "nothing";
	if (json_is_number(item))
		return "number";
	if (cJSON_IsString(item))
		return "string";
	if (cJSON_IsObject(item))
		return "object";
	if (cJSON_IsArray(item))
		return "array";
	if (cJSON_IsBool(item))
		return "boolean";
	return "null";
}
