/* verdict.c - a verify verdict as one JSON document */
#include <stdlib.h>

#include "json.h"
#include "jwt.h"
#include "util.h"

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

cJSON *
verdict_json(const struct verdict *v, const struct jwt *t, cJSON *payload,
    const char *file, unsigned long line)
{
	cJSON *o = cJSON_CreateObject();
	const char *kid = NULL;

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
	/* The kid of the key that verified, else the token's. */
	if (v->key != NULL && v->key->kid != NULL)
		kid = v->key->kid;
	else if (t != NULL)
		kid = t->kid;
	cJSON_AddItemToObject(o, "kid", string_or_null(kid));
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
