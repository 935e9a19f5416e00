/* report_text.c - inspect's report as text for a person */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jose/color.h"
#include "base/json.h"
#include "jose/report.h"
#include "base/util.h"

/* Names longer than this do not widen their column. */
#define MAX_NAME_WIDTH 24

struct out {
	struct strbuf b;
	int color;
};

static void
put(struct out *o, const char *s, size_t n)
{
	strbuf_put(&o->b, s, n);
}

static void
puts_(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

static void
putf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2,
    3)));

static void
putf(struct out *o, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	put(o, buf, n > 0 ? (size_t)n : 0);
}

/* s between an SGR sequence and a reset when colouring. */
static void
paint(struct out *o, const char *sgr, const char *s)
{
	if (o->color)
		puts_(o, sgr);
	puts_(o, s);
	if (o->color)
		puts_(o, COLOR_RESET);
}

/*
 * Length of a character a terminal may act on at s (DEL, C1 controls,
 * line separators, bidirectional controls), or 0; *cp gets it.
 */
static size_t
dangerous(const unsigned char *s, unsigned *cp)
{
	if (s[0] == 0x7f) {
		*cp = 0x7f;
		return 1;
	}
	if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f) {
		*cp = s[1];
		return 2;
	}
	if (s[0] == 0xe2 && s[1] == 0x80 && ((s[2] >= 0x8e && s[2] <= 0x8f) ||
	    (s[2] >= 0xa8 && s[2] <= 0xae))) {
		*cp = 0x2000 + (s[2] & 0x3f);
		return 3;
	}
	if (s[0] == 0xe2 && s[1] == 0x81 && s[2] >= 0xa6 && s[2] <= 0xa9) {
		*cp = 0x2040 + (s[2] & 0x3f);
		return 3;
	}
	return 0;
}

/* JSON text with dangerous characters as \uXXXX escapes (caller frees). */
static char *
term_safe(const char *json)
{
	struct out o = { { NULL, 0, 0 }, 0 };
	const unsigned char *p = (const unsigned char *)json;
	unsigned cp;
	size_t k;

	put(&o, "", 0);
	while (*p) {
		if ((k = dangerous(p, &cp)) > 0) {
			putf(&o, "\\u%04x", cp);
			p += k;
		} else
			put(&o, (const char *)p++, 1);
	}
	return o.b.p;
}

/* A value as safe JSON text (caller frees). */
static char *
value_text(const cJSON *v)
{
	char *j = json_print(v, 0), *s = term_safe(j);

	free(j);
	return s;
}

/* A member name as shown: itself, or as a JSON string when it is odd. */
static char *
name_text(const char *name)
{
	const unsigned char *p;
	unsigned cp;
	cJSON *s;
	char *t;

	for (p = (const unsigned char *)name; *p; p++)
		if (*p <= 0x20 || *p == '"' || *p == '\\' ||
		    dangerous(p, &cp) > 0)
			break;
	if (*p == '\0' && *name != '\0')
		return xstrdup(name);
	s = cJSON_CreateString(name);
	t = value_text(s);
	cJSON_Delete(s);
	return t;
}

/* 1 for East Asian wide characters and emoji, which take two columns. */
static int
wide(unsigned cp)
{
	return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 &&
	    cp <= 0xa4cf && cp != 0x303f) || (cp >= 0xac00 && cp <= 0xd7a3) ||
	    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
	    (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) ||
	    (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x1f900 &&
	    cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

/* Columns a terminal uses for UTF-8 text s (valid: JSON checked it). */
static size_t
width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;
	unsigned cp;

	while (*p) {
		if (*p < 0x80)
			cp = *p++;
		else if (*p < 0xe0 && p[1])
			cp = (p[0] & 0x1fu) << 6 | (p[1] & 0x3f), p += 2;
		else if (*p < 0xf0 && p[1] && p[2])
			cp = (p[0] & 0x0fu) << 12 | (p[1] & 0x3fu) << 6 |
			    (p[2] & 0x3f), p += 3;
		else if (p[1] && p[2] && p[3])
			cp = (p[0] & 0x07u) << 18 | (p[1] & 0x3fu) << 12 |
			    (p[2] & 0x3fu) << 6 | (p[3] & 0x3f), p += 4;
		else
			cp = *p++;
		n += wide(cp) ? 2 : 1;
	}
	return n;
}

struct row {
	char *name;		/* owned */
	const char *meaning;	/* or NULL */
	char *json;		/* a JSON value's text, owned, or NULL */
	char *text;		/* plain text after it, owned, or NULL */
};

struct section {
	struct row *rows;
	size_t n;
};

static void
row(struct section *s, char *name, const char *meaning, char *json,
    char *text)
{
	s->rows = xrealloc(s->rows, (s->n + 1) * sizeof(*s->rows));
	s->rows[s->n].name = name;
	s->rows[s->n].meaning = meaning;
	s->rows[s->n].json = json;
	s->rows[s->n].text = text;
	s->n++;
}

static void
pad(struct out *o, size_t n)
{
	while (n-- > 0)
		put(o, " ", 1);
}

/* Print title and rows in aligned columns, then free the rows. */
static void
section(struct out *o, const char *title, struct section *s)
{
	size_t nw = 0, mw = 0, i, w;

	for (i = 0; i < s->n; i++) {
		if ((w = width(s->rows[i].name)) > nw && w <= MAX_NAME_WIDTH)
			nw = w;
		if (s->rows[i].meaning != NULL &&
		    (w = width(s->rows[i].meaning)) > mw)
			mw = w;
	}
	if (o->b.len > 0)
		puts_(o, "\n");
	paint(o, COLOR_TITLE, title);
	puts_(o, "\n");
	if (s->n == 0)
		puts_(o, "  none\n");
	for (i = 0; i < s->n; i++) {
		struct row *r = &s->rows[i];

		puts_(o, "  ");
		paint(o, COLOR_KEY, r->name);
		w = width(r->name);
		pad(o, (w < nw ? nw - w : 0) + 2);
		if (mw > 0) {
			puts_(o, r->meaning ? r->meaning : "");
			pad(o, mw - (r->meaning ? width(r->meaning) : 0) + 2);
		}
		if (r->json != NULL && o->color) {
			char *c = color_json(r->json);

			puts_(o, c);
			free(c);
		} else if (r->json != NULL)
			puts_(o, r->json);
		if (r->text != NULL)
			puts_(o, r->text);
		/* trailing blanks of an empty meaning are not kept */
		while (o->b.len > 0 && o->b.p[o->b.len - 1] == ' ')
			o->b.p[--o->b.len] = '\0';
		puts_(o, "\n");
		free(r->name);
		free(r->json);
		free(r->text);
	}
	free(s->rows);
	s->rows = NULL;
	s->n = 0;
}

static const char *
str(const cJSON *o, const char *name)
{
	return cJSON_GetStringValue(json_get(o, name));
}

static char *
fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));

static char *
fmt(const char *f, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, f);
	vsnprintf(buf, sizeof(buf), f, ap);
	va_end(ap);
	return xstrdup(buf);
}

/* "a", "b" of an array of strings, as safe JSON strings. */
static char *
joined(const cJSON *list)
{
	struct out o = { { NULL, 0, 0 }, 0 };
	const cJSON *a;
	char *v;

	put(&o, "", 0);
	cJSON_ArrayForEach(a, list) {
		v = value_text(a);
		if (o.b.len > 0)
			puts_(&o, ", ");
		puts_(&o, v);
		free(v);
	}
	return o.b.p;
}

/* Rows of an array of entries {name, meaning, value, date, relative}. */
static void
entries(struct section *s, const cJSON *list, const cJSON *r)
{
	const cJSON *e, *alg;
	const char *name, *d, *rel, *keys;
	char *json, *text = NULL;

	cJSON_ArrayForEach(e, list) {
		name = str(e, "name");
		text = NULL;
		json = value_text(json_get(e, "value"));
		d = str(e, "date");
		rel = str(e, "relative");
		if (d != NULL)
			text = fmt(" (%s, %s)", d, rel);
		else if ((alg = json_get(e, "algorithm")) != NULL) {
			keys = str(alg, "keys");
			text = fmt(": %s%s%s", str(alg, "description"),
			    keys ? "; " : "", keys ? keys : "");
		} else if (list == json_get(r, "claims") &&
		    strcmp(name, "aud") == 0 && json_get(r, "audience")) {
			free(json);
			json = NULL;
			text = joined(json_get(r, "audience"));
		}
		row(s, name_text(name), str(e, "meaning"), json, text);
	}
}

char *
report_text(const cJSON *r, int color)
{
	struct out o = { { NULL, 0, 0 }, color };
	struct section s = { NULL, 0 };
	const cJSON *v, *f, *l;
	const char *sev;

	put(&o, "", 0);
	if ((v = json_get(r, "found")) != NULL) {
		char *t = fmt("Token at line %s, column %s",
		    json_get(v, "line")->valuestring,
		    json_get(v, "column")->valuestring);

		paint(&o, COLOR_TITLE, t);
		puts_(&o, "\n");
		free(t);
	}
	entries(&s, json_get(r, "header_parameters"), r);
	section(&o, "Header", &s);
	if ((v = json_get(r, "claims")) != NULL) {
		entries(&s, v, r);
		section(&o, "Claims", &s);
		if ((v = json_get(r, "other_claims")) != NULL &&
		    v->child != NULL) {
			entries(&s, v, r);
			section(&o, "Other claims", &s);
		}
	} else {
		row(&s, xstrdup("content"), NULL, value_text(json_get(r,
		    "payload")), NULL);
		section(&o, "Payload", &s);
	}
	if ((v = json_get(r, "validity")) != NULL) {
		row(&s, xstrdup("now"), NULL, NULL, xstrdup(str(v, "now")));
		row(&s, xstrdup("state"), NULL, NULL, xstrdup(str(v,
		    "state")));
		if ((l = json_get(v, "lifetime")) != NULL)
			row(&s, xstrdup("lifetime"), NULL, NULL, fmt("%s "
			    "(exp - %s)", str(l, "text"), str(l, "from")));
		section(&o, "Validity", &s);
	}
	v = json_get(r, "sizes");
	row(&s, xstrdup("token"), NULL, NULL, fmt("%s bytes", json_get(v,
	    "token")->valuestring));
	row(&s, xstrdup("header"), NULL, NULL, fmt("%s bytes decoded",
	    json_get(v, "header")->valuestring));
	row(&s, xstrdup("payload"), NULL, NULL, fmt("%s bytes decoded",
	    json_get(v, "payload")->valuestring));
	row(&s, xstrdup("signature"), NULL, NULL, fmt("%s bytes decoded, "
	    "not verified", json_get(v, "signature")->valuestring));
	section(&o, "Sizes", &s);
	puts_(&o, "\n");
	paint(&o, COLOR_TITLE, "Findings");
	puts_(&o, "\n");
	if (json_get(r, "findings")->child == NULL)
		puts_(&o, "  none\n");
	cJSON_ArrayForEach(f, json_get(r, "findings")) {
		sev = str(f, "severity");
		puts_(&o, "  ");
		paint(&o, strcmp(sev, "error") == 0 ? COLOR_ERROR :
		    strcmp(sev, "warning") == 0 ? COLOR_WARNING : COLOR_INFO,
		    sev);
		pad(&o, 9 - strlen(sev));
		puts_(&o, str(f, "message"));
		puts_(&o, "\n");
	}
	return o.b.p;
}
