/* verdict.c - a verify verdict as one JSON document */
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "jose/jwt.h"
#include "base/util.h"

static cJSON *
string_or_null(const char *s)
{
	return s != NULL ? cJSON_CreateString(s) : cJSON_CreateNull();
}

/* The error objects: code, status, claim, message, and what is known. */
static cJSON *
errors_json(const struct verdict *v)
{
	cJSON *a = cJSON_CreateArray(), *e;
	const struct finding *f;
	size_t i;

	for (i = 0; i < v->n; i++) {
		f = &v->f[i];
		e = cJSON_CreateObject();
		cJSON_AddItemToObject(e, "code", cJSON_CreateString(f->code));
		cJSON_AddItemToObject(e, "status", json_new_int(f->status));
		cJSON_AddItemToObject(e, "claim", string_or_null(f->claim));
		cJSON_AddItemToObject(e, "message",
		    cJSON_CreateString(f->message));
		if (f->has_by)
			cJSON_AddItemToObject(e, "by_seconds",
			    json_new_int(f->by));
		if (f->expected != NULL)
			cJSON_AddItemReferenceToObject(e, "expected",
			    f->expected);
		if (f->actual != NULL)
			cJSON_AddItemReferenceToObject(e, "actual", f->actual);
		cJSON_AddItemToArray(a, e);
	}
	return a;
}

/* The kid of the key that verified, else the token's, else NULL. */
static const char *
verdict_kid(const struct verdict *v, const struct jwt *t)
{
	if (v->key != NULL && v->key->kid != NULL)
		return v->key->kid;
	return t != NULL ? t->kid : NULL;
}

cJSON *
verdict_json(const struct verdict *v, const struct jwt *t, cJSON *payload,
    const char *file, unsigned long line)
{
	cJSON *o = cJSON_CreateObject();

	if (line > 0) {
		if (file != NULL)
			cJSON_AddItemToObject(o, "file",
			    cJSON_CreateString(file));
		cJSON_AddItemToObject(o, "line",
		    json_new_int((long long)line));
	}
	cJSON_AddItemToObject(o, "valid", cJSON_CreateBool(v->n == 0 &&
	    v->sig_ok));
	cJSON_AddItemToObject(o, "alg", string_or_null(t ? t->alg : NULL));
	cJSON_AddItemToObject(o, "kid", string_or_null(verdict_kid(v, t)));
	cJSON_AddItemToObject(o, "errors", errors_json(v));
	if (t != NULL && v->sig_ok) {
		cJSON_AddItemReferenceToObject(o, "header", t->header);
		if (payload != NULL) {
			cJSON_AddItemToObject(o, "payload", payload);
			payload = NULL;
		} else if (t->payload != NULL)
			cJSON_AddItemReferenceToObject(o, "payload",
			    t->payload);
	}
	cJSON_Delete(payload);
	return o;
}

/*
 * verdict_line: the compact text of a valid verdict written directly,
 * the same bytes cJSON would print from verdict_json's tree, without the
 * tree (a third of an HS256 verification in --batch).
 */

/* A JSON string escaped as cJSON escapes it, or null. */
static void
put_str(struct strbuf *o, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	static const char from[] = "\"\\\b\f\n\r\t", to[] = "\"\\bfnrt";
	const unsigned char *p;
	const char *c;
	char e[6] = { '\\', 'u', '0', '0', 0, 0 };

	if (s == NULL) {
		STRBUF_LIT(o, "null");
		return;
	}
	STRBUF_LIT(o, "\"");
	for (p = (const unsigned char *)s; *p; p++) {
		const unsigned char *q = p;

		while (*q >= 32 && *q != '"' && *q != '\\')
			q++;
		strbuf_put(o, p, (size_t)(q - p));
		if (*q == '\0')
			break;
		p = q;
		if ((c = strchr(from, *p)) != NULL) {	/* a short escape */
			e[1] = to[c - from];
			strbuf_put(o, e, 2);
			e[1] = 'u';
		} else {
			e[4] = hex[*p >> 4];
			e[5] = hex[*p & 15];
			strbuf_put(o, e, sizeof(e));
		}
	}
	STRBUF_LIT(o, "\"");
}

/* item, compact: its own text raw when that prints as is, else cJSON's. */
static void
put_json(struct strbuf *o, const cJSON *item, const unsigned char *raw,
    size_t len, int as_is)
{
	char *s;

	if (as_is) {
		strbuf_put(o, raw, len);
		return;
	}
	s = json_print(item, 0);
	strbuf_put(o, s, strlen(s));
	free(s);
}

char *
verdict_line(const struct verdict *v, const struct jwt *t, const char *file,
    unsigned long line)
{
	struct strbuf o = { NULL, 0, 0 };
	char num[24], *p;

	if (v->n != 0 || !v->sig_ok || t == NULL || t->payload == NULL ||
	    line == 0)
		return NULL;
	o.cap = 256 + t->header_len + t->payload_len;
	o.p = xmalloc(o.cap);
	STRBUF_LIT(&o, "{");
	if (file != NULL) {
		STRBUF_LIT(&o, "\"file\":");
		put_str(&o, file);
		STRBUF_LIT(&o, ",");
	}
	STRBUF_LIT(&o, "\"line\":");
	p = num + sizeof(num);
	do
		*--p = (char)('0' + line % 10);
	while ((line /= 10) != 0);
	strbuf_put(&o, p, (size_t)(num + sizeof(num) - p));
	STRBUF_LIT(&o, ",\"valid\":true,\"alg\":");
	put_str(&o, t->alg);
	STRBUF_LIT(&o, ",\"kid\":");
	put_str(&o, verdict_kid(v, t));
	STRBUF_LIT(&o, ",\"errors\":[],\"header\":");
	put_json(&o, t->header, t->header_raw, t->header_len,
	    t->header_as_is);
	STRBUF_LIT(&o, ",\"payload\":");
	put_json(&o, t->payload, t->payload_raw, t->payload_len,
	    t->payload_as_is);
	STRBUF_LIT(&o, "}");
	return o.p;
}
