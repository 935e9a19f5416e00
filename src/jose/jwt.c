/* jwt.c - the core token module */
#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/b64url.h"
#include "jose/claims.h"
#include "base/json.h"
#include "jose/jwt.h"
#include "base/timeutil.h"
#include "base/util.h"

static const char *const segname[] = { "header", "payload", "signature" };

void
jwt_unwrap(const char *in, size_t len, const char **tok, size_t *toklen)
{
	const char *p = in, *q = in + len;

	while (p < q && isspace((unsigned char)*p))
		p++;
	while (q > p && isspace((unsigned char)q[-1]))
		q--;
	if (q - p > 14 && strncasecmp(p, "authorization:", 14) == 0)
		for (p += 14; p < q && (*p == ' ' || *p == '\t'); p++)
			;
	if (q - p > 7 && strncasecmp(p, "bearer", 6) == 0 &&
	    (p[6] == ' ' || p[6] == '\t'))
		for (p += 6; p < q && (*p == ' ' || *p == '\t'); p++)
			;
	*tok = p;
	*toklen = (size_t)(q - p);
}

/*
 * A parsed header shared by the tokens that carry the same header segment.
 * Tokens in bulk mostly do, and decoding and parsing a header is a sixth
 * of an HS256 verification, so each thread keeps the last header it
 * parsed (one reference) and a token that has the same segment takes a
 * reference to it instead of parsing its own.  Headers are never changed
 * once parsed.
 */
struct jwt_header {
	int refs;			/* atomic */
	char *seg;			/* the base64url segment */
	size_t seglen;
	unsigned char *raw;		/* as in struct jwt */
	size_t len;
	cJSON *json;
	const char *alg, *kid;		/* as in struct jwt */
	int plain;			/* header_plain(json) */
	int as_is;			/* as header_as_is in struct jwt */
};

static pthread_key_t last_key;
static pthread_once_t last_once = PTHREAD_ONCE_INIT;
static int last_ok;

static void
header_release(void *p)
{
	struct jwt_header *h = p;

	if (h == NULL || __atomic_sub_fetch(&h->refs, 1, __ATOMIC_ACQ_REL) > 0)
		return;
	free(h->seg);
	free(h->raw);
	cJSON_Delete(h->json);
	free(h);
}

static void
last_exit(void)
{
	header_release(pthread_getspecific(last_key));
	(void)pthread_setspecific(last_key, NULL);
}

static void
last_init(void)
{
	last_ok = pthread_key_create(&last_key, header_release) == 0 &&
	    atexit(last_exit) == 0;
}

/* t takes this thread's last header when its header segment is the same. */
static int
header_reuse(struct jwt *t)
{
	struct jwt_header *h;

	(void)pthread_once(&last_once, last_init);
	if (!last_ok || (h = pthread_getspecific(last_key)) == NULL ||
	    h->seglen != t->seglen[0] ||
	    memcmp(h->seg, t->seg[0], h->seglen) != 0)
		return 0;
	__atomic_add_fetch(&h->refs, 1, __ATOMIC_RELAXED);
	t->shared = h;
	t->header_raw = h->raw;
	t->header_len = h->len;
	t->header = h->json;
	t->alg = h->alg;
	t->kid = h->kid;
	t->header_as_is = h->as_is;
	return 1;
}

/*
 * Whether check_header and check_types can find nothing in header h: no
 * crit, no b64, and kid, typ and cty strings when present.
 */
static int
header_plain(const cJSON *h)
{
	static const char *const names[] = { "kid", "typ", "cty" };
	const cJSON *c;
	size_t i;

	if (json_get(h, "crit") != NULL || json_get(h, "b64") != NULL)
		return 0;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if ((c = json_get(h, names[i])) != NULL && !cJSON_IsString(c))
			return 0;
	return 1;
}

void
jwt_index_claims(struct jwt *t)
{
	static const char names[JWT_NCLAIMS][4] = { "exp", "nbf", "iat",
	    "iss", "sub", "aud", "jti" };
	const cJSON *c;
	const char *s;
	int i;

	memset(t->claim, 0, sizeof(t->claim));
	if (!cJSON_IsObject(t->payload))
		return;
	for (c = t->payload->child; c != NULL; c = c->next) {
		s = c->string;
		if (s[0] == '\0' || s[1] == '\0' || s[2] == '\0' || s[3] != '\0')
			continue;	/* every name indexed has 3 letters */
		for (i = 0; i < JWT_NCLAIMS; i++)
			if (memcmp(s, names[i], 3) == 0) {
				if (t->claim[i] == NULL)
					t->claim[i] = c;
				break;
			}
	}
}

/* Whether t's header is shared and known plain: nothing to check in it. */
static int
header_known_plain(const struct jwt *t)
{
	return t->shared != NULL && t->shared->plain;
}

/* t's header, just parsed, becomes this thread's last one. */
static void
header_keep(struct jwt *t)
{
	struct jwt_header *h;

	if (!last_ok || (h = malloc(sizeof(*h))) == NULL)
		return;
	if ((h->seg = malloc(t->seglen[0])) == NULL) {
		free(h);
		return;
	}
	memcpy(h->seg, t->seg[0], t->seglen[0]);
	h->seglen = t->seglen[0];
	h->raw = t->header_raw;
	h->len = t->header_len;
	h->json = t->header;
	h->alg = t->alg;
	h->kid = t->kid;
	h->plain = header_plain(h->json);
	h->as_is = t->header_as_is;
	h->refs = 2;	/* t's and the thread's */
	header_release(pthread_getspecific(last_key));
	(void)pthread_setspecific(last_key, h);
	t->shared = h;
}

void
jwt_free(struct jwt *t)
{
	if (t == NULL)
		return;
	if (t->shared != NULL)
		header_release(t->shared);
	else {
		free(t->header_raw);
		cJSON_Delete(t->header);
	}
	cJSON_Delete(t->payload);
	free(t->payload_why);
	free(t);
}

/*
 * Decode segment i of t into out, which has room for
 * B64URL_DECODED_MAX(t->seglen[i]) bytes, or into a new buffer (*out
 * NULL).
 */
static int
decode_seg(struct jwt *t, int i, unsigned char **out, size_t *len)
{
	size_t bad;

	if (*out != NULL ? b64url_decode_into(t->seg[i], t->seglen[i], *out,
	    len, &bad) == 0 : b64url_decode(t->seg[i], t->seglen[i], 0, out,
	    len, &bad) == 0)
		return JW_OK;
	if (bad < t->seglen[i])
		return jw_fail(JW_EMALFORMED, "malformed token: %s segment: "
		    "%s (token byte %zu)", segname[i], b64url_why(t->seg[i],
		    t->seglen[i], bad), (size_t)(t->seg[i] - t->text) + bad);
	return jw_fail(JW_EMALFORMED, "malformed token: %s segment: %s",
	    segname[i], b64url_why(t->seg[i], t->seglen[i], bad));
}

/*
 * Whether the 8 bytes at p are all printable ASCII other than space
 * (0x21 to 0x7e), adding their dots to *dots when they are: a word at a
 * time, as tokens are long.  Each test below stays inside its byte.
 */
static int
clean8(const char *p, size_t *dots)
{
	const uint64_t ones = 0x0101010101010101u, high = ones * 0x80;
	uint64_t w, d;

	memcpy(&w, p, 8);
	if ((w & high) != 0 ||			/* 0x80 and up */
	    (~(w + ones * (0x80 - 0x21)) & high) != 0 ||	/* below 0x21 */
	    ((w + ones) & high) != 0)		/* 0x7f */
		return 0;
	d = ~((w ^ ones * '.') + ones * 0x7f) & high;	/* the dots */
	*dots += (size_t)(((d >> 7) * ones) >> 56);	/* their count */
	return 1;
}

struct jwt *
jwt_alloc(const char *text, size_t len)
{
	struct jwt *t;
	size_t d0, d1;

	/* the dots: the segments are [0, d0), (d0, d1) and (d1, len) */
	d0 = (size_t)((const char *)memchr(text, '.', len) - text);
	d1 = (size_t)((const char *)memchr(text + d0 + 1, '.', len - d0 - 1) -
	    text);
	t = xmalloc(sizeof(*t) + len + 1 + B64URL_DECODED_MAX(d1 - d0 - 1) +
	    B64URL_DECODED_MAX(len - d1 - 1));
	memset(t, 0, sizeof(*t));
	t->text = memcpy(t + 1, text, len);
	t->text[len] = '\0';
	t->len = len;
	t->seg[0] = t->text;
	t->seglen[0] = d0;
	t->seg[1] = t->text + d0 + 1;
	t->seglen[1] = d1 - d0 - 1;
	t->seg[2] = t->text + d1 + 1;
	t->seglen[2] = len - d1 - 1;
	t->payload_raw = (unsigned char *)t->text + len + 1;
	t->sig = t->payload_raw + B64URL_DECODED_MAX(t->seglen[1]);
	return t;
}

int
jwt_parse(const char *text, size_t len, struct jwt **out)
{
	struct jwt *t;
	size_t i, dots = 0;
	const cJSON *alg, *kid;
	int rc;

	if (len == 0)
		return jw_fail(JW_EMALFORMED, "malformed token: the input is "
		    "empty");
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		if (i % 8 == 0 && len - i >= 8 && clean8(text + i, &dots)) {
			i += 7;
			continue;
		}
		if (c == '.')
			dots++;
		else if (c <= 0x20 || c >= 0x7f)
			return jw_fail(JW_EMALFORMED, "malformed token: byte "
			    "%zu is %s, not a base64url character or '.'", i,
			    c == ' ' ? "a space" : c == '\n' ? "a newline" :
			    c == '\t' ? "a tab" : c == '\r' ? "a carriage "
			    "return" : jw_quote((const char *)&text[i], 1, 1));
	}
	if (dots == 4)
		return jw_fail(JW_EMALFORMED, "encrypted tokens (JWE, five "
		    "segments) are not supported");
	if (dots != 2)
		return jw_fail(JW_EMALFORMED, "malformed token: expected 3 "
		    "segments separated by '.', found %zu", dots + 1);
	t = jwt_alloc(text, len);
	if (t->seglen[0] == 0) {
		rc = jw_fail(JW_EMALFORMED, "malformed token: the header "
		    "segment is empty");
		goto fail;
	}
	if (header_reuse(t)) {
		if ((rc = decode_seg(t, 1, &t->payload_raw, &t->payload_len)) ||
		    (rc = decode_seg(t, 2, &t->sig, &t->sig_len)))
			goto fail;
		goto payload;
	}
	if ((rc = decode_seg(t, 0, &t->header_raw, &t->header_len)) ||
	    (rc = decode_seg(t, 1, &t->payload_raw, &t->payload_len)) ||
	    (rc = decode_seg(t, 2, &t->sig, &t->sig_len)))
		goto fail;
	if (memchr(t->header_raw, '\0', t->header_len) != NULL) {
		rc = jw_fail(JW_EMALFORMED, "malformed token: the header "
		    "holds a NUL byte");
		goto fail;
	}
	if ((rc = json_parse_str((const char *)t->header_raw, t->header_len,
	    "header", &t->header, &t->header_as_is)) != JW_OK)
		goto fail;
	if (!cJSON_IsObject(t->header)) {
		rc = jw_fail(JW_EMALFORMED, "malformed token: the header is a "
		    "JSON %s, not an object", json_type_name(t->header));
		goto fail;
	}
	alg = json_get(t->header, "alg");
	if (alg == NULL) {
		rc = jw_fail(JW_EMALFORMED, "malformed token: the header has no "
		    "'alg'");
		goto fail;
	}
	if (!cJSON_IsString(alg)) {
		const char *tn = json_type_name(alg);

		rc = jw_fail(JW_EMALFORMED, "malformed token: header 'alg' is "
		    "%s %s, not a string", strchr("aeiou", tn[0]) ? "an" : "a",
		    tn);
		goto fail;
	}
	t->alg = alg->valuestring;
	kid = json_get(t->header, "kid");
	if (cJSON_IsString(kid))
		t->kid = kid->valuestring;
	header_keep(t);
payload:
	/* The payload may be any octets; note whether it is JSON. */
	if (memchr(t->payload_raw, '\0', t->payload_len) != NULL)
		t->payload_why = xstrdup("the payload holds a NUL byte");
	else if (json_parse_pooled((const char *)t->payload_raw,
	    t->payload_len, "payload", &t->payload, &t->payload_as_is) !=
	    JW_OK) {
		t->payload_why = xstrdup(jw_error());
		jw_clear_error();
	}
	jwt_index_claims(t);
	*out = t;
	return JW_OK;
fail:
	jwt_free(t);
	return rc;
}

void
jwt_signer_init(struct jwt_signer *s, const cJSON *header,
    const struct alg *alg, const struct key *key)
{
	char *h = json_print(header, 0);
	size_t hl = strlen(h);

	memset(s, 0, sizeof(*s));
	s->alg = alg;
	s->key = key;
	s->hlen = b64url_encoded_len(hl) + 1;
	s->cap = s->hlen + 1024;
	s->buf = xmalloc(s->cap);
	b64url_encode_to(s->buf, (const unsigned char *)h, hl);
	s->buf[s->hlen - 1] = '.';
	cJSON_free(h);
}

void
jwt_signer_copy(struct jwt_signer *dst, const struct jwt_signer *src)
{
	memset(dst, 0, sizeof(*dst));
	dst->alg = src->alg;
	dst->key = src->key;
	dst->hlen = src->hlen;
	dst->cap = src->hlen + 1024;
	dst->buf = xmalloc(dst->cap);
	memcpy(dst->buf, src->buf, src->hlen);
}

int
jwt_signer_sign(struct jwt_signer *s, const unsigned char *payload,
    size_t len, const char **tok, size_t *toklen)
{
	size_t n = s->hlen + b64url_encoded_len(len), need, siglen = 0;
	unsigned char sig[CRYPTO_MAX_SIG];
	int rc;

	need = n + 1 + b64url_encoded_len(sizeof(sig)) + 1;
	if (need > s->cap) {
		s->cap = need + need / 2;
		s->buf = xrealloc(s->buf, s->cap);
	}
	b64url_encode_public_to(s->buf + s->hlen, payload, len);
	if (s->alg != NULL && (rc = s->alg->sign(s->alg, s->key,
	    (const unsigned char *)s->buf, n, sig, &siglen)) != JW_OK)
		return rc;
	s->buf[n] = '.';
	b64url_encode_public_to(s->buf + n + 1, sig, siglen);
	*tok = s->buf;
	*toklen = n + 1 + b64url_encoded_len(siglen);
	return JW_OK;
}

void
jwt_signer_free(struct jwt_signer *s)
{
	if (s == NULL)
		return;
	free(s->buf);
	memset(s, 0, sizeof(*s));
}

int
jwt_encode(const cJSON *header, const unsigned char *payload,
    size_t payload_len, const struct alg *alg, const struct key *key,
    char **out)
{
	struct jwt_signer s;
	const char *tok;
	size_t len;
	int rc;

	jwt_signer_init(&s, header, alg, key);
	if ((rc = jwt_signer_sign(&s, payload, payload_len, &tok, &len)) ==
	    JW_OK)
		*out = xstrndup(tok, len);
	jwt_signer_free(&s);
	return rc;
}

void
verdict_add(struct verdict *v, int status, const char *code,
    const char *claim, const char *fmt, ...)
{
	struct finding *f;
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	v->f = xrealloc(v->f, (v->n + 1) * sizeof(*v->f));
	f = &v->f[v->n++];
	memset(f, 0, sizeof(*f));
	f->status = status;
	f->code = code;
	f->claim = claim;
	f->message = xstrdup(buf);
	/* Documented order: signature (1), then 3, 4, 5, 6: the lowest. */
	if (v->status == JW_OK || status < v->status)
		v->status = status;
}

void
verdict_sort(struct verdict *v)
{
	struct finding f;
	size_t i, j;

	/* Insertion sort: stable, and verdicts are short. */
	for (i = 1; i < v->n; i++) {
		f = v->f[i];
		for (j = i; j > 0 && v->f[j - 1].status > f.status; j--)
			v->f[j] = v->f[j - 1];
		v->f[j] = f;
	}
}

void
verdict_free(struct verdict *v)
{
	size_t i;

	for (i = 0; i < v->n; i++) {
		free(v->f[i].message);
		cJSON_Delete(v->f[i].expected);
		cJSON_Delete(v->f[i].actual);
	}
	free(v->f);
	memset(v, 0, sizeof(*v));
}

static int
policy_allows(const struct jwt_policy *p, const char *name)
{
	size_t i;

	if (p->nalgs == 0)
		return 1;
	for (i = 0; i < p->nalgs; i++)
		if (strcmp(p->algs[i], name) == 0)
			return 1;
	return 0;
}

/* "'a', 'b', 'c'" of the kids in ks (the first few), into buf. */
static const char *
kid_list(const struct keyset *ks, char *buf, size_t n)
{
	size_t i, o = 0, shown = 0, all = 0;

	buf[0] = '\0';
	for (i = 0; i < ks->n; i++) {
		if (ks->keys[i]->kid == NULL)
			continue;
		all++;
		if (shown == 8 || o >= n)
			continue;
		shown++;
		o += (size_t)snprintf(buf + o, n - o, "%s'%s'", o ? ", " : "",
		    jw_quote(ks->keys[i]->kid, strlen(ks->keys[i]->kid), 40));
	}
	if (all > shown && o < n)
		snprintf(buf + o, n - o, " and %zu more", all - shown);
	return all ? buf : "none";
}

/* The verify-time message of a key below RFC 7518's minimums. */
static void
weak_finding(struct verdict *v, const struct key *k, const struct alg *alg)
{
	if (k->kty == KTY_OCT)
		verdict_add(v, JW_EKEY, "weak_key", NULL, "the %s secret is "
		    "shorter than %zu bytes (RFC 7518 section 3.2); "
		    "--allow-weak-key accepts it", alg->name, alg->hlen);
	else
		verdict_add(v, JW_EKEY, "weak_key", NULL, "the RSA key is %u "
		    "bits, fewer than %d (RFC 7518 section 3.3); "
		    "--allow-weak-key accepts it", k->bits, KEY_RSA_MIN_BITS);
}

static int
verify_signature(const struct jwt *t, const struct keyset *ks,
    const struct jwt_policy *p, struct verdict *v)
{
	const struct key *k, *weak = NULL;
	const struct alg *alg = NULL, *weak_alg = NULL;
	size_t i, tried = 0, sinput = t->seglen[0] + 1 + t->seglen[1], o = 0;
	int any_kid = 0, rc;
	char kids[512], tried_kids[256], why[256] = "";
	const char *cur;

	if (strcasecmp(t->alg, "none") == 0) {
		verdict_add(v, JW_ESIG, "alg_none", "alg", "unsecured token "
		    "(alg '%s') is never accepted", jw_quote(t->alg,
		    strlen(t->alg), 20));
		return v->status;
	}
	if (!policy_allows(p, t->alg)) {
		verdict_add(v, JW_ESIG, "alg_not_allowed", "alg", "algorithm "
		    "'%s' is not allowed by --alg", jw_quote(t->alg,
		    strlen(t->alg), 20));
		return v->status;
	}
	for (i = 0; i < ks->n; i++)
		any_kid |= ks->keys[i]->kid != NULL;
	for (i = 0; i < ks->n; i++) {
		k = ks->keys[i];
		/* A kid in the token picks among keys that have kids. */
		if (t->kid != NULL && any_kid && (k->kid == NULL ||
		    strcmp(k->kid, t->kid) != 0))
			continue;
		if ((alg = alg_for_key(t->alg, k)) == NULL ||
		    !key_allows(k, alg, 0))
			continue;
		if (key_is_weak(k, alg) && !p->allow_weak) {
			weak = k;
			weak_alg = alg;
			continue;
		}
		tried++;
		rc = alg->verify(alg, k, (const unsigned char *)t->text,
		    sinput, t->sig, t->sig_len);
		if (rc == JW_OK) {
			v->key = k;
			v->alg = alg;
			v->sig_ok = 1;
			v->weak_key = key_is_weak(k, alg);
			return JW_OK;
		}
		if (rc != JW_ESIG) {
			verdict_add(v, rc, "key", NULL, "%s", jw_error());
			jw_clear_error();
			return v->status;
		}
		/* the keys tried, named only once they have failed */
		if (o < sizeof(tried_kids))
			o += (size_t)snprintf(tried_kids + o,
			    sizeof(tried_kids) - o, "%s%s%s%s", o ? ", " : ": ",
			    k->kid ? "'" : "", k->kid ? jw_quote(k->kid,
			    strlen(k->kid), 40) : "a key without kid",
			    k->kid ? "'" : "");
		/*
		 * Keep why the keys failed when they all agree and it says
		 * more than the verdict will.
		 */
		cur = jw_error() == NULL || strcmp(jw_error(),
		    "signature does not match") == 0 ? "" : jw_error();
		if (tried == 1)
			snprintf(why, sizeof(why), "%s", cur);
		else if (strcmp(why, cur) != 0)
			why[0] = '\0';
		jw_clear_error();
	}
	if (tried > 0) {
		const struct key *k0 = ks->keys[0];

		verdict_add(v, JW_ESIG, "signature", NULL, "signature does not "
		    "match (%s, %zu key%s tried%s)%s%s%s", t->alg, tried,
		    tried == 1 ? "" : "s", any_kid ? tried_kids : "",
		    why[0] ? ": " : "", why,
		    ks->n == 1 && k0->kty == KTY_OCT &&
		    k0->secret_len > 0 && k0->secret[k0->secret_len - 1] ==
		    '\n' ? "; hint: the secret ends with a newline (written "
		    "with echo?); use printf, or --key-format base64" : "");
	} else if (weak != NULL)
		weak_finding(v, weak, weak_alg);
	else if (t->kid != NULL && any_kid) {
		for (i = 0; i < ks->n; i++)
			if (ks->keys[i]->kid != NULL &&
			    strcmp(ks->keys[i]->kid, t->kid) == 0)
				break;
		if (i == ks->n)
			verdict_add(v, JW_ESIG, "no_key", "kid", "no key with kid "
			    "'%s' (available: %s)", jw_quote(t->kid,
			    strlen(t->kid), 40), kid_list(ks, kids,
			    sizeof(kids)));
		else {
			const char *no = (alg = alg_for_key(t->alg,
			    ks->keys[i])) ? key_refusal(ks->keys[i], alg, 0) :
			    NULL;

			verdict_add(v, JW_ESIG, "alg_not_allowed", "alg",
			    "algorithm '%s' is not allowed for the key with kid "
			    "'%s' (%s)%s%s", jw_quote(t->alg, strlen(t->alg), 20),
			    jw_quote(t->kid, strlen(t->kid), 40),
			    key_describe(ks->keys[i]), no ? ": " : "",
			    no ? no : "");
		}
	} else if (alg_find(t->alg) == NULL && alg_find_nocase(t->alg))
		verdict_add(v, JW_ESIG, "alg_unknown", "alg", "unknown "
		    "algorithm '%s' (algorithm names are case-sensitive: did "
		    "you mean '%s'?)", jw_quote(t->alg, strlen(t->alg), 20),
		    alg_find_nocase(t->alg)->name);
	else if (alg_find(t->alg) == NULL)
		verdict_add(v, JW_ESIG, "alg_unknown", "alg", "unknown "
		    "algorithm '%s' (supported: %s)", jw_quote(t->alg,
		    strlen(t->alg), 20), alg_list());
	else if (ks->n == 1 && (alg = alg_for_key(t->alg, ks->keys[0])) !=
	    NULL)
		/* the key's type fits; its JWK alg, use or key_ops do not */
		verdict_add(v, JW_ESIG, "alg_not_allowed", "alg", "algorithm "
		    "'%s' is not allowed for the %s: %s", t->alg,
		    key_describe(ks->keys[0]), key_refusal(ks->keys[0], alg,
		    0));
	else
		verdict_add(v, JW_ESIG, "alg_not_allowed", "alg", "algorithm "
		    "'%s' is not allowed for the %s", t->alg,
		    ks->n == 1 ? key_describe(ks->keys[0]) : "keys given");
	return v->status;
}

int
jwt_numeric_date(const cJSON *obj, const char *name, long long *t)
{
	return jwt_numeric_date_of(json_get(obj, name), t);
}

int
jwt_numeric_date_of(const cJSON *m, long long *t)
{
	double d;

	if (m == NULL)
		return 0;
	if (!json_is_number(m))
		return -1;
	d = m->valuedouble;
	if (!isfinite(d) || d < 0 || d > (double)TIME_MAX_NUMERIC)
		return -1;
	*t = (long long)d;	/* d >= 0: truncation is floor */
	return 1;
}

/* More names in crit than this cannot all be understood. */
#define CRIT_MAX 32

/* Header names registered by RFC 7515, 7516 and 7518: never in crit. */
static int
registered_header(const char *name)
{
	static const char *const names[] = { "alg", "jku", "jwk", "kid",
	    "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit", "enc",
	    "zip", "epk", "apu", "apv", "iv", "tag", "p2s", "p2c", NULL };
	size_t i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(names[i], name) == 0)
			return 1;
	return 0;
}

/*
 * The first reason the crit header is unacceptable (RFC 7515 section
 * 4.1.11), or NULL.  The only extension jwtool understands is "b64" with
 * the value true, which changes nothing.
 */
static const char *
crit_problem(const cJSON *header, const cJSON *crit, char *buf, size_t n)
{
	const cJSON *c, *d;
	const char *name;

	if (!cJSON_IsArray(crit) || crit->child == NULL)
		return "header 'crit' must be a non-empty array of names";
	/* The form first: names only, each once, and few of them. */
	if (cJSON_GetArraySize(crit) > CRIT_MAX) {
		snprintf(buf, n, "header 'crit' lists %d names; jwtool "
		    "understands only 'b64'", cJSON_GetArraySize(crit));
		return buf;
	}
	cJSON_ArrayForEach(c, crit) {
		if (!cJSON_IsString(c)) {
			snprintf(buf, n, "header 'crit' holds a %s, not a name",
			    json_type_name(c));
			return buf;
		}
		for (d = crit->child; d != c; d = d->next)
			if (strcmp(d->valuestring, c->valuestring) == 0) {
				snprintf(buf, n, "header 'crit' names '%s' "
				    "twice", jw_quote(c->valuestring,
				    strlen(c->valuestring), 40));
				return buf;
			}
	}
	cJSON_ArrayForEach(c, crit) {
		name = jw_quote(c->valuestring, strlen(c->valuestring), 40);
		if (registered_header(c->valuestring))
			snprintf(buf, n, "header 'crit' names '%s', a "
			    "registered header, which crit must not list",
			    name);
		else if (json_get(header, c->valuestring) == NULL)
			snprintf(buf, n, "header 'crit' names '%s', which the "
			    "header does not have", name);
		else if (strcmp(c->valuestring, "b64") != 0 ||
		    !cJSON_IsTrue(json_get(header, "b64")))
			snprintf(buf, n, "header 'crit' names '%s', an "
			    "extension jwtool does not understand", name);
		else
			continue;
		return buf;
	}
	return NULL;
}

/*
 * Header safety: crit and b64.  Embedded keys (jwk, jku, x5u, x5c) are
 * never looked at: keys come from --key only.
 */
static void
check_header(const struct jwt *t, struct verdict *v)
{
	const cJSON *crit = json_get(t->header, "crit"), *b64;
	const char *why;
	char buf[200];

	if (crit != NULL && (why = crit_problem(t->header, crit, buf,
	    sizeof(buf))) != NULL)
		verdict_add(v, JW_EMALFORMED, "crit", "crit", "%s", why);
	b64 = json_get(t->header, "b64");
	if (b64 != NULL && !cJSON_IsBool(b64))
		verdict_add(v, JW_EMALFORMED, "b64", "b64", "header 'b64' must "
		    "be a boolean, not %s", json_type_name(b64));
	else if (b64 != NULL && !cJSON_IsTrue(b64))
		verdict_add(v, JW_EMALFORMED, "b64", "b64", "header 'b64' is "
		    "false (RFC 7797 unencoded payload), which jwtool does not "
		    "support");
}

static void
time_finding(struct verdict *v, int status, const char *code,
    const char *claim, const char *fmt, long long lim, long long now,
    long long by)
{
	char span[64], a[32], b[32];

	verdict_add(v, status, code, claim, fmt, time_format_span(by, span,
	    sizeof(span)), claim, time_format_utc(lim, a, sizeof(a)),
	    time_format_utc(now, b, sizeof(b)));
	v->f[v->n - 1].by = by;
	v->f[v->n - 1].has_by = 1;
}

static void
check_times(const struct jwt *t, const struct jwt_policy *p,
    struct verdict *v)
{
	static const char *const names[] = { "exp", "nbf", "iat" };
	long long when[3];
	int have[3], i;

	for (i = 0; i < 3; i++) {
		const cJSON *m = t->claim[JWT_EXP + i];

		have[i] = jwt_numeric_date_of(m, &when[i]);
		if (have[i] < 0)
			verdict_add(v, JW_EMALFORMED, "malformed_claim",
			    names[i], "claim '%s' must be a NumericDate (a "
			    "number of seconds from 0 to %lld), not %s",
			    names[i], TIME_MAX_NUMERIC, json_is_number(m) ?
			    jw_quote(m->valuestring, strlen(m->valuestring),
			    40) : json_type_name(m));
	}
	if (have[0] > 0 && p->now >= when[0] + p->leeway)
		time_finding(v, JW_EEXPIRED, "expired", "exp", "token expired "
		    "%s ago (%s %s, now %s)", when[0], p->now,
		    p->now - when[0]);
	if (have[1] > 0 && p->now + p->leeway < when[1])
		time_finding(v, JW_ENOTYET, "not_yet_valid", "nbf", "token is "
		    "not valid for another %s (%s %s, now %s)", when[1], p->now,
		    when[1] - p->now);
	if (have[2] > 0 && p->now + p->leeway < when[2])
		time_finding(v, JW_ENOTYET, "issued_in_future", "iat", "token "
		    "is issued %s in the future (%s %s, now %s)", when[2],
		    p->now, when[2] - p->now);
	if (!p->has_max_age)
		return;
	if (have[2] == 0)
		verdict_add(v, JW_ECLAIM, "missing_claim", "iat", "claim 'iat' "
		    "is missing; --max-age needs it");
	else if (have[2] > 0 && p->now - when[2] > p->max_age + p->leeway) {
		char by[64], max[64], a[32], b[32];
		long long over = p->now - when[2] - p->max_age;

		/* Older than allowed is expired by the verifier's policy. */
		verdict_add(v, JW_EEXPIRED, "too_old", "iat", "token is %s "
		    "older than --max-age %s allows (iat %s, now %s)",
		    time_format_span(over, by, sizeof(by)),
		    time_format_span(p->max_age, max, sizeof(max)),
		    time_format_utc(when[2], a, sizeof(a)),
		    time_format_utc(p->now, b, sizeof(b)));
		v->f[v->n - 1].by = over;
		v->f[v->n - 1].has_by = 1;
	}
}

/*
 * Registered header parameters and claims that are strings must be
 * strings (RFC 7515 section 4.1, RFC 7519 section 4.1), whether or not an
 * option checks their value; those an option checks are left to it (aud
 * always is).
 */
static void
check_types(const struct jwt *t, const struct jwt_policy *p,
    struct verdict *v)
{
	static const char *const hdr[] = { "kid", "typ", "cty" };
	static const char *const claims[] = { "iss", "sub", "jti" };
	static const enum jwt_claim at[] = { JWT_ISS, JWT_SUB, JWT_JTI };
	const cJSON *c;
	size_t i;

	for (i = 0; !header_known_plain(t) && i < sizeof(hdr) / sizeof(hdr[0]);
	    i++)
		if ((c = json_get(t->header, hdr[i])) != NULL &&
		    !cJSON_IsString(c) && !(i == 1 && p->typ != NULL))
			verdict_add(v, JW_EMALFORMED, "malformed_header",
			    hdr[i], "header '%s' must be a string, not %s",
			    hdr[i], json_type_name(c));
	if (p->jws || !cJSON_IsObject(t->payload))
		return;
	for (i = 0; i < sizeof(claims) / sizeof(claims[0]); i++)
		if ((c = t->claim[at[i]]) != NULL &&
		    !cJSON_IsString(c) && !(i == 0 && p->niss > 0) &&
		    !(i == 1 && p->sub != NULL))
			verdict_add(v, JW_EMALFORMED, "malformed_claim",
			    claims[i], "claim '%s' must be a string, not %s",
			    claims[i], json_type_name(c));
}

int
jwt_verify(const struct jwt *t, const struct keyset *ks,
    const struct jwt_policy *p, struct verdict *v)
{
	memset(v, 0, sizeof(*v));
	if (verify_signature(t, ks, p, v) != JW_OK)
		return v->status;
	if (!header_known_plain(t))
		check_header(t, v);
	claims_check_header(t, p, v);
	check_types(t, p, v);
	if (p->jws)
		goto out;
	if (!cJSON_IsObject(t->payload)) {
		verdict_add(v, JW_EMALFORMED, "payload", NULL, "the payload is "
		    "not a JSON object of claims (%s); --jws verifies a JWS "
		    "with any payload", t->payload ?
		    json_type_name(t->payload) : t->payload_why);
		goto out;
	}
	check_times(t, p, v);
	claims_check(t, p, v);
out:
	verdict_sort(v);
	return v->status;
}
