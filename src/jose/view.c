/* view.c - what decode and inspect show of a token */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/b64url.h"
#include "base/json.h"
#include "base/util.h"
#include "jose/view.h"

/* Nested levels a dotted --get name may walk. */
#define MAX_PATH_DEPTH 64

cJSON *
view_payload(const struct jwt *t, int raw)
{
	char *enc;
	cJSON *j;

	if (t->payload != NULL)
		return cJSON_Duplicate(t->payload, 1);
	if (!raw && memchr(t->payload_raw, '\0', t->payload_len) == NULL &&
	    json_utf8_valid((const char *)t->payload_raw, t->payload_len))
		return cJSON_CreateString((const char *)t->payload_raw);
	enc = b64url_encode(t->payload_raw, t->payload_len);
	j = cJSON_CreateString(enc);
	free(enc);
	return j;
}

cJSON *
view_decode(const struct jwt *t, int raw, const struct found *at)
{
	cJSON *out = cJSON_CreateObject();

	cJSON_AddItemToObject(out, "header", cJSON_Duplicate(t->header, 1));
	cJSON_AddItemToObject(out, "payload", view_payload(t, raw));
	/* the last segment ends the NUL-terminated token text */
	cJSON_AddItemToObject(out, "signature", cJSON_CreateString(t->seg[2]));
	if (at != NULL)
		view_found(out, at);
	return out;
}

void
view_found(cJSON *obj, const struct found *at)
{
	cJSON *f = cJSON_AddObjectToObject(obj, "found");

	cJSON_AddItemToObject(f, "line", json_new_int((long long)at->line));
	cJSON_AddItemToObject(f, "column", json_new_int((long long)at->col));
	cJSON_AddItemToObject(f, "offset", json_new_int((long long)at->off));
}

struct hits {
	const cJSON *item;
	int n;
};

/* Count the readings of the dotted name s that reach a member of o. */
static void
dotted(const cJSON *o, const char *s, struct hits *h, int depth)
{
	const char *d;
	const cJSON *m;
	char *name;

	if (h->n > 1 || depth > MAX_PATH_DEPTH || !cJSON_IsObject(o))
		return;
	for (d = s;; d++) {
		if (*d != '.' && *d != '\0')
			continue;
		name = xstrndup(s, (size_t)(d - s));
		m = json_get(o, name);
		free(name);
		if (m != NULL && *d == '\0' && h->n++ == 0)
			h->item = m;
		else if (m != NULL && *d == '.')
			dotted(m, d + 1, h, depth + 1);
		if (*d == '\0')
			return;
	}
}

/* RFC 6901: 1 found, 0 absent, -1 bad pointer. */
static int
pointer(const cJSON *o, const char *p, const cJSON **item)
{
	char *tok = xmalloc(strlen(p) + 1), *q;
	const cJSON *cur = o;
	int rc = 1;

	while (*p == '/') {
		for (p++, q = tok; *p && *p != '/'; p++) {
			if (*p != '~')
				*q++ = *p;
			else if (p[1] == '0' || p[1] == '1')
				*q++ = *++p == '0' ? '~' : '/';
			else {
				rc = -1;
				goto out;
			}
		}
		*q = '\0';
		if (cJSON_IsObject(cur))
			cur = json_get(cur, tok);
		else if (cJSON_IsArray(cur) && tok[0] >= '0' &&
		    tok[0] <= '9' && (tok[0] != '0' || tok[1] == '\0') &&
		    strspn(tok, "0123456789") == strlen(tok) &&
		    strlen(tok) < 10)
			cur = cJSON_GetArrayItem(cur, atoi(tok));
		else
			cur = NULL;
		if (cur == NULL) {
			rc = 0;
			goto out;
		}
	}
	*item = cur;
out:
	free(tok);
	return rc;
}

int
view_get(const cJSON *obj, const char *name, const char *what,
    const cJSON **item)
{
	struct hits h = { NULL, 0 };
	int rc;

	if (!cJSON_IsObject(obj))
		return jw_fail(JW_EMALFORMED, "no '%s': the %s is not a JSON "
		    "object", jw_quote(name, strlen(name), 40), what);
	if (name[0] == '/') {
		if ((rc = pointer(obj, name, item)) < 0)
			return jw_fail(JW_EUSAGE, "invalid JSON pointer '%s' "
			    "('~' must be followed by 0 or 1)",
			    jw_quote(name, strlen(name), 40));
		if (rc == 0)
			return jw_fail(JW_ECLAIM, "no '%s' in the %s",
			    jw_quote(name, strlen(name), 40), what);
		return JW_OK;
	}
	dotted(obj, name, &h, 0);
	if (h.n == 0)
		return jw_fail(JW_ECLAIM, "no '%s' in the %s", jw_quote(name,
		    strlen(name), 40), what);
	if (h.n > 1) {
		char whole[64], levels[64];
		size_t i;

		snprintf(whole, sizeof(whole), "%s", jw_quote(name,
		    strlen(name), 40));
		snprintf(levels, sizeof(levels), "%s", whole);
		for (i = 0; levels[i] != '\0'; i++)
			if (levels[i] == '.')
				levels[i] = '/';
		return jw_fail(JW_ECLAIM, "'%s' is ambiguous: its dots can be "
		    "read more than one way in the %s; use a JSON pointer: "
		    "'/%s' for the whole name, '/%s' for one level per dot",
		    whole, what, whole, levels);
	}
	*item = h.item;
	return JW_OK;
}

char *
view_value_text(const cJSON *item)
{
	if (cJSON_IsString(item) || json_is_number(item))
		return xstrdup(item->valuestring);
	return json_print(item, 0);
}
