/* jwt_lenient.c - read a token as lenient libraries would, to show it */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/b64url.h"
#include "base/json.h"
#include "jose/jwt.h"
#include "base/util.h"

static const char *const segname[] = { "header", "payload", "signature" };
static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

struct issues {
	char **v;
	size_t n;
};

static void
issue(struct issues *is, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
issue(struct issues *is, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	is->v = xrealloc(is->v, (is->n + 1) * sizeof(*is->v));
	is->v[is->n++] = xstrdup(buf);
}

void
jwt_issues_free(char **issues, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(issues[i]);
	free(issues);
}

/*
 * Decode segment i of t leniently, into *out (room for
 * B64URL_DECODED_MAX(t->seglen[i]) bytes) or a new buffer (*out NULL);
 * -1 when even that fails.
 */
static int
decode_lenient(const struct jwt *t, int i, unsigned char **out, size_t *len,
    struct issues *is)
{
	const char *s = t->seg[i], *p;
	size_t n = t->seglen[i], k = 0, pad = 0, rem;
	char *c = xmalloc(n + 1);
	int std = 0, rc;

	for (; n > 0 && s[n - 1] == '='; n--)
		pad++;
	for (p = s; p < s + n; p++) {
		if (*p == '=') {
			free(c);
			return -1;
		}
		std |= *p == '+' || *p == '/';
		c[k++] = *p == '+' ? '-' : *p == '/' ? '_' : *p;
	}
	c[k] = '\0';
	if ((rem = k % 4) == 1 || pad > 2) {
		free(c);
		return -1;
	}
	if (rem > 1) {
		const char *v = strchr(alphabet, c[k - 1]);
		unsigned keep = rem == 2 ? 0x30 : 0x3c;
		size_t x = (size_t)(v - alphabet);

		if ((x & ~keep) != 0) {
			c[k - 1] = alphabet[x & keep];
			issue(is, "the %s segment has non-zero unused bits in its "
			    "last character (non-canonical base64url): the same "
			    "token can be written more than one way",
			    segname[i]);
		}
	}
	if (pad > 0)
		issue(is, "the %s segment ends in base64 padding ('='), which "
		    "base64url in JWS does not allow", segname[i]);
	if (std)
		issue(is, "the %s segment uses '+' or '/' (base64) instead of "
		    "'-' and '_' (base64url)", segname[i]);
	rc = *out != NULL ? b64url_decode_into(c, k, *out, len, NULL) :
	    b64url_decode(c, k, 0, out, len, NULL);
	free(c);
	return rc;
}

/* Describe each object of j that holds a member name twice. */
static void
duplicates(const cJSON *j, const char *what, const char *path,
    struct issues *is, int depth)
{
	const cJSON *c;
	const char *dup;
	char sub[256];

	if (depth > JSON_MAX_DEPTH)
		return;
	if (cJSON_IsObject(j) && (dup = json_find_duplicate(j)) != NULL) {
		if (*path == '\0')
			issue(is, "the %s has member '%s' more than once: "
			    "libraries disagree on which one counts (some "
			    "read the first, others the last)", what,
			    jw_quote(dup, strlen(dup), 40));
		else
			issue(is, "the %s has member '%s' more than once "
			    "inside '%s': libraries disagree on which one "
			    "counts", what, jw_quote(dup, strlen(dup), 40),
			    path);
	}
	for (c = j->child; c != NULL; c = c->next) {
		if (!cJSON_IsObject(c) && !cJSON_IsArray(c))
			continue;
		if (c->string != NULL)
			snprintf(sub, sizeof(sub), "%s%s%s", path,
			    *path ? "." : "", jw_quote(c->string,
			    strlen(c->string), 40));
		else
			snprintf(sub, sizeof(sub), "%s[]", path);
		duplicates(c, what, sub, is, depth + 1);
	}
}

int
jwt_parse_lenient(const char *text, size_t len, struct jwt **out,
    char ***issues_out, size_t *nissues)
{
	struct issues is = { NULL, 0 };
	struct jwt *t;
	const cJSON *alg, *kid;
	size_t i, dots = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		if (c == '.')
			dots++;
		else if (c == '\0' || (strchr(alphabet, c) == NULL &&
		    c != '+' && c != '/' && c != '='))
			return JW_EMALFORMED;
	}
	if (len == 0 || dots != 2)
		return JW_EMALFORMED;
	t = jwt_alloc(text, len);
	if (t->seglen[0] == 0 ||
	    decode_lenient(t, 0, &t->header_raw, &t->header_len, &is) ||
	    decode_lenient(t, 1, &t->payload_raw, &t->payload_len, &is) ||
	    decode_lenient(t, 2, &t->sig, &t->sig_len, &is) ||
	    memchr(t->header_raw, '\0', t->header_len) != NULL ||
	    json_parse_dups((const char *)t->header_raw, t->header_len,
	    "header", &t->header) != JW_OK || !cJSON_IsObject(t->header) ||
	    !cJSON_IsString(alg = json_get(t->header, "alg")))
		goto fail;
	t->alg = alg->valuestring;
	if (cJSON_IsString(kid = json_get(t->header, "kid")))
		t->kid = kid->valuestring;
	duplicates(t->header, "header", "", &is, 0);
	if (memchr(t->payload_raw, '\0', t->payload_len) != NULL)
		t->payload_why = xstrdup("the payload holds a NUL byte");
	else if (json_parse_dups((const char *)t->payload_raw, t->payload_len,
	    "payload", &t->payload) != JW_OK)
		t->payload_why = xstrdup(jw_error());
	else
		duplicates(t->payload, "payload", "", &is, 0);
	jw_clear_error();
	jwt_index_claims(t);
	*out = t;
	*issues_out = is.v;
	*nissues = is.n;
	return JW_OK;
fail:
	jw_clear_error();
	jwt_issues_free(is.v, is.n);
	jwt_free(t);
	return JW_EMALFORMED;
}
