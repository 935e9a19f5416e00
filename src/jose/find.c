/* find.c - find compact JWS tokens in free text (logs, curl -v, HAR) */
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "base/b64url.h"
#include "jose/find.h"
#include "base/util.h"

/* Header starts tried in one dot-separated piece: bounds the work. */
#define MAX_STARTS 16
/* Longest encoded header looked for (a long x5c chain fits). */
#define MAX_HEADER (64 * 1024)

static int
is_b64(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_';
}

/* 1 when s[0..n) is the base64url of a JWS header: an object with alg. */
static int
is_header(const char *s, size_t n)
{
	unsigned char *raw;
	size_t rlen;
	cJSON *h;
	const char *end = NULL;
	int ok;

	/* cheap test first: '{' then '"' or white space */
	if (n < 4 || b64url_decode(s, 4, 0, &raw, &rlen, NULL) != 0)
		return 0;
	ok = raw[0] == '{' && strchr("\" \t\r\n", raw[1]) != NULL;
	free(raw);
	if (!ok || b64url_decode(s, n, 0, &raw, &rlen, NULL) != 0)
		return 0;
	/* duplicates are allowed here: the strict parse reports them */
	h = memchr(raw, '\0', rlen) ? NULL :
	    cJSON_ParseWithOpts((const char *)raw, &end, 1);
	ok = cJSON_IsObject(h) &&
	    cJSON_IsString(cJSON_GetObjectItemCaseSensitive(h, "alg")) &&
	    cJSON_GetObjectItemCaseSensitive(h, "enc") == NULL;
	cJSON_Delete(h);
	free(raw);
	return ok;
}

struct finder {
	const char *text;
	struct found *v;
	size_t n, cap;
	size_t line, line_start, lpos;	/* newline count up to lpos */
};

static void
add(struct finder *f, size_t off, size_t len)
{
	for (; f->lpos < off; f->lpos++)
		if (f->text[f->lpos] == '\n') {
			f->line++;
			f->line_start = f->lpos + 1;
		}
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 8;
		f->v = xrealloc(f->v, f->cap * sizeof(*f->v));
	}
	f->v[f->n].off = off;
	f->v[f->n].len = len;
	f->v[f->n].line = f->line + 1;
	f->v[f->n].col = off - f->line_start + 1;
	f->n++;
}

static size_t
next_dot(const char *t, size_t p, size_t b)
{
	while (p < b && t[p] != '.')
		p++;
	return p;
}

/* The run text[a..b) holds only base64url characters and dots. */
static void
scan_run(struct finder *f, size_t a, size_t b)
{
	const char *t = f->text;
	size_t p = a, e0, e1, e2, k, tries;
	int hit;

	while (p < b) {
		/* three pieces: [p, e0), (e0, e1), (e1, e2) */
		if ((e0 = next_dot(t, p, b)) >= b ||
		    (e1 = next_dot(t, e0 + 1, b)) >= b)
			return;
		e2 = next_dot(t, e1 + 1, b);
		hit = 0;
		tries = 0;
		k = e0 - p > MAX_HEADER ? e0 - MAX_HEADER : p;
		for (; k + 1 < e0 && tries < MAX_STARTS; k++) {
			if (t[k] != 'e' || (t[k + 1] != 'y' && t[k + 1] != 'w'))
				continue;
			tries++;
			if ((hit = is_header(t + k, e0 - k)) != 0)
				break;
		}
		if (hit) {
			add(f, k, e2 - k);
			p = e2 + 1;
		} else
			p = e0 + 1;
	}
}

size_t
find_tokens(const char *text, size_t len, struct found **out)
{
	struct finder f = { text, NULL, 0, 0, 0, 0, 0 };
	size_t i = 0, s;

	while (i < len) {
		if (!is_b64((unsigned char)text[i]) && text[i] != '.') {
			i++;
			continue;
		}
		for (s = i; i < len && (is_b64((unsigned char)text[i]) ||
		    text[i] == '.'); i++)
			;
		scan_run(&f, s, i);
	}
	*out = f.v;
	return f.n;
}
