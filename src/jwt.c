/* jwt.c - the core token module */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "b64url.h"
#include "json.h"
#include "jwt.h"
#include "timeutil.h"
#include "util.h"

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

void
jwt_free(struct jwt *t)
{
	if (t == NULL)
		return;
	free(t->text);
	free(t->header_raw);
	free(t->payload_raw);
	free(t->sig);
	cJSON_Delete(t->header);
	cJSON_Delete(t->payload);
	free(t->payload_why);
	free(t);
}

static int
decode_seg(struct jwt *t, int i, unsigned char **out, size_t *len)
{
	size_t bad;

	if (b64url_decode(t->seg[i], t->seglen[i], 0, out, len, &bad) == 0)
		return JW_OK;
	if (bad < t->seglen[i])
		return jw_fail(JW_EMALFORMED, "malformed token: %s segment: "
		    "%s (token byte %zu)", segname[i], b64url_why(t->seg[i],
		    t->seglen[i], bad), (size_t)(t->seg[i] - t->text) + bad);
	return jw_fail(JW_EMALFORMED, "malformed token: %s segment: %s",
	    segname[i], b64url_why(t->seg[i], t->seglen[i], bad));
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
	t = xcalloc(1, sizeof(*t));
	t->text = xstrndup(text, len);
	t->len = len;
	t->seg[0] = t->text;
	for (i = 0; i < 3; i++) {
		const char *e = i < 2 ? strchr(t->seg[i], '.') :
		    t->text + len;

		t->seglen[i] = (size_t)(e - t->seg[i]);
		if (i < 2)
			t->seg[i + 1] = e + 1;
	}
	if (t->seglen[0] == 0) {
		rc = jw_fail(JW_EMALFORMED, "malformed token: the header "
		    "segment is empty");
		goto fail;
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
	if ((rc = json_parse((const char *)t->header_raw, t->header_len,
	    "header", &t->header)) != JW_OK)
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
	/* The payload may be any octets; note whether it is JSON. */
	if (memchr(t->payload_raw, '\0', t->payload_len) != NULL)
		t->payload_why = xstrdup("the payload holds a NUL byte");
	else if (json_parse((const char *)t->payload_raw, t->payload_len,
	    "payload", &t->payload) != JW_OK) {
		t->payload_why = xstrdup(jw_error());
		jw_clear_error();
	}
	*out = t;
	return JW_OK;
fail:
	jwt_free(t);
	return rc;
}

int
jwt_encode(const cJSON *header, const unsigned char *payload,
    size_t payload_len, const struct alg *alg, const struct key *key,
    char **out)
{
	char *h = json_print(header, 0), *tok;
	size_t hl = strlen(h), he = b64url_encoded_len(hl),
	    pe = b64url_encoded_len(payload_len), n;
	unsigned char sig[CRYPTO_MAX_SIG];
	size_t siglen = 0;
	int rc = JW_OK;

	tok = xmalloc(he + 1 + pe + 1 + b64url_encoded_len(sizeof(sig)) + 1);
	b64url_encode_to(tok, (const unsigned char *)h, hl);
	tok[he] = '.';
	b64url_encode_to(tok + he + 1, payload, payload_len);
	n = he + 1 + pe;
	if (alg != NULL)
		rc = alg->sign(alg, key, (const unsigned char *)tok, n, sig,
		    &siglen);
	cJSON_free(h);
	if (rc != JW_OK) {
		free(tok);
		return rc;
	}
	tok[n] = '.';
	b64url_encode_to(tok + n + 1, sig, siglen);
	*out = tok;
	return JW_OK;
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
verdict_free(struct verdict *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		free(v->f[i].message);
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

static int
verify_signature(const struct jwt *t, const struct keyset *ks,
    const struct jwt_policy *p, struct verdict *v)
{
	const struct key *k;
	const struct alg *alg = NULL;
	size_t i, tried = 0, sinput = t->seglen[0] + 1 + t->seglen[1];
	size_t badlen = 0, want = 0;
	int any_kid = 0, rc, weak = 0;
	const char *why;
	char kids[512];

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
		if (k->kty == KTY_OCT && k->secret_len < alg->hlen &&
		    !p->allow_weak) {
			weak = 1;
			continue;
		}
		tried++;
		if (alg->siglen != 0 && t->sig_len != alg->siglen) {
			badlen++;	/* cannot match: say why below */
			want = alg->siglen;
			continue;
		}
		rc = alg->verify(alg, k, (const unsigned char *)t->text,
		    sinput, t->sig, t->sig_len);
		if (rc == JW_OK) {
			v->key = k;
			v->alg = alg;
			v->sig_ok = 1;
			if (k->kty == KTY_OCT && k->secret_len < alg->hlen)
				jw_warn("the %s secret is %zu bytes; RFC 7518 "
				    "wants at least %zu", alg->name,
				    k->secret_len, alg->hlen);
			return JW_OK;
		}
		if (rc != JW_ESIG) {
			verdict_add(v, rc, "key", NULL, "%s", jw_error());
			return v->status;
		}
		jw_clear_error();
	}
	if (tried > 0 && badlen == tried && t->sig_len == 0)
		verdict_add(v, JW_ESIG, "signature", NULL, "the signature is "
		    "empty (%s signatures are %zu bytes)", t->alg, want);
	else if (tried > 0 && badlen == tried)
		verdict_add(v, JW_ESIG, "signature", NULL, "the signature is "
		    "%zu bytes; %s signatures are %zu", t->sig_len, t->alg,
		    want);
	else if (tried > 0) {
		const struct key *k0 = ks->keys[0];

		verdict_add(v, JW_ESIG, "signature", NULL, "signature does not "
		    "match (%s, %zu key%s tried)%s", t->alg, tried,
		    tried == 1 ? "" : "s", ks->n == 1 && k0->kty == KTY_OCT &&
		    k0->secret_len > 0 && k0->secret[k0->secret_len - 1] ==
		    '\n' ? "; hint: the secret ends with a newline (written "
		    "with echo?); use printf, or --key-format base64" : "");
	} else if (weak)
		verdict_add(v, JW_EKEY, "weak_key", NULL, "the %s secret is "
		    "shorter than %zu bytes (RFC 7518 section 3.2); "
		    "--allow-weak-key accepts it", t->alg,
		    alg_find(t->alg) ? alg_find(t->alg)->hlen : 0);
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
			k = ks->keys[i];
			why = (alg = alg_for_key(t->alg, k)) != NULL ?
			    key_refusal(k, alg, 0) : NULL;
			verdict_add(v, JW_ESIG, "alg_not_allowed", "alg",
			    "algorithm '%s' is not allowed for the key with kid "
			    "'%s' (%s)%s%s", jw_quote(t->alg, strlen(t->alg),
			    20), jw_quote(t->kid, strlen(t->kid), 40),
			    key_describe(k), why ? ": " : "", why ? why : "");
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
	else {
		k = ks->n == 1 ? ks->keys[0] : NULL;
		why = k != NULL && (alg = alg_for_key(t->alg, k)) != NULL ?
		    key_refusal(k, alg, 0) : NULL;
		verdict_add(v, JW_ESIG, "alg_not_allowed", "alg", "algorithm "
		    "'%s' is not allowed for the %s%s%s", t->alg,
		    k != NULL ? key_describe(k) : "keys given",
		    why ? ": " : "", why ? why : "");
	}
	return v->status;
}

int
jwt_numeric_date(const cJSON *obj, const char *name, long long *t)
{
	const cJSON *m = json_get(obj, name);
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

static void
check_header(const struct jwt *t, struct verdict *v)
{
	static const char *const strs[] = { "kid", "typ", "cty" };
	const cJSON *crit = json_get(t->header, "crit"), *b64, *c;
	size_t i;

	if (crit != NULL) {
		if (!cJSON_IsArray(crit) || crit->child == NULL)
			verdict_add(v, JW_EMALFORMED, "crit", "crit", "header "
			    "'crit' must be a non-empty array of names");
		else
			cJSON_ArrayForEach(c, crit) {
				if (!cJSON_IsString(c)) {
					verdict_add(v, JW_EMALFORMED, "crit",
					    "crit", "header 'crit' holds a %s, "
					    "not a name", json_type_name(c));
					break;
				}
				verdict_add(v, JW_EMALFORMED, "crit", "crit",
				    "header 'crit' names '%s', an extension "
				    "jwtool does not understand",
				    jw_quote(c->valuestring,
				    strlen(c->valuestring), 40));
				break;
			}
	}
	for (i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
		if ((c = json_get(t->header, strs[i])) != NULL &&
		    !cJSON_IsString(c))
			verdict_add(v, JW_EMALFORMED, "malformed_header",
			    strs[i], "header '%s' must be a string, not %s",
			    strs[i], json_type_name(c));
	b64 = json_get(t->header, "b64");
	if (b64 != NULL && !cJSON_IsTrue(b64))
		verdict_add(v, JW_EMALFORMED, "b64", "b64", "header 'b64' "
		    "(RFC 7797 unencoded payload) is not supported");
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
		const cJSON *m = json_get(t->payload, names[i]);

		have[i] = jwt_numeric_date(t->payload, names[i], &when[i]);
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
}

/* Registered claims (RFC 7519 section 4.1) must have their types. */
static void
check_claim_types(const struct jwt *t, struct verdict *v)
{
	static const char *const strs[] = { "iss", "sub", "jti" };
	const cJSON *c, *e;
	size_t i;

	for (i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
		if ((c = json_get(t->payload, strs[i])) != NULL &&
		    !cJSON_IsString(c))
			verdict_add(v, JW_EMALFORMED, "malformed_claim",
			    strs[i], "claim '%s' must be a string, not %s",
			    strs[i], json_type_name(c));
	if ((c = json_get(t->payload, "aud")) == NULL || cJSON_IsString(c))
		return;
	if (cJSON_IsArray(c))
		cJSON_ArrayForEach(e, c)
			if (!cJSON_IsString(e)) {
				verdict_add(v, JW_EMALFORMED, "malformed_claim",
				    "aud", "claim 'aud' must be a string or an "
				    "array of strings; it holds a %s",
				    json_type_name(e));
				return;
			}
	if (!cJSON_IsArray(c))
		verdict_add(v, JW_EMALFORMED, "malformed_claim", "aud",
		    "claim 'aud' must be a string or an array of strings, "
		    "not %s", json_type_name(c));
}

int
jwt_verify(const struct jwt *t, const struct keyset *ks,
    const struct jwt_policy *p, struct verdict *v)
{
	memset(v, 0, sizeof(*v));
	if (verify_signature(t, ks, p, v) != JW_OK)
		return v->status;
	check_header(t, v);
	if (p->jws)
		return v->status;
	if (!cJSON_IsObject(t->payload)) {
		verdict_add(v, JW_EMALFORMED, "payload", NULL, "the payload is "
		    "not a JSON object of claims (%s)", t->payload ?
		    json_type_name(t->payload) : t->payload_why);
		return v->status;
	}
	check_times(t, p, v);
	check_claim_types(t, v);
	return v->status;
}
