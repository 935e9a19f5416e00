/* keys.c - loading keys: secrets, JWK, JWKS, PEM, DER */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "b64url.h"
#include "io.h"
#include "json.h"
#include "keys.h"
#include "util.h"

static const char *const format_names[] = {
	[KF_AUTO] = "auto", [KF_RAW] = "raw", [KF_BASE64] = "base64",
	[KF_BASE64URL] = "base64url", [KF_HEX] = "hex", [KF_JWK] = "jwk",
	[KF_JWKS] = "jwks", [KF_PEM] = "pem", [KF_DER] = "der",
};

/* DER prefixes of Ed25519 keys (RFC 8410): PKCS#8 v1 and SPKI. */
static const unsigned char ed25519_pkcs8[] = {
	0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65,
	0x70, 0x04, 0x22, 0x04, 0x20
};
static const unsigned char ed25519_spki[] = {
	0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
};

struct src {
	const unsigned char *data;
	size_t len;
	const char *name;
};

int
keys_parse_format(const char *s, enum key_format *f)
{
	size_t i;

	for (i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++)
		if (strcmp(s, format_names[i]) == 0) {
			*f = (enum key_format)i;
			return JW_OK;
		}
	return jw_fail(JW_EUSAGE, "unknown key format '%s' (expected one of: "
	    "%s)", jw_quote(s, strlen(s), 30), keys_format_names());
}

const char *
keys_format_names(void)
{
	return "raw base64 base64url hex jwk jwks pem der";
}

/* Before any key material is read: no core dump may hold it. */
static void
no_core_dumps(void)
{
	static int warned;

	if (jw_no_core_dumps() != 0 && !warned) {
		warned = 1;
		jw_warn("cannot disable core dumps: %s", strerror(errno));
	}
}

static struct key *
key_new(enum kty kty, const char *form)
{
	struct key *k = xcalloc(1, sizeof(*k));

	k->kty = kty;
	k->form = form;
	return k;
}

void
key_free(struct key *k)
{
	if (k == NULL)
		return;
	secret_free(k->secret);
	free(k->kid);
	free(k->alg);
	free(k->use);
	free(k);
}

void
keyset_free(struct keyset *ks)
{
	size_t i;

	if (ks == NULL)
		return;
	for (i = 0; i < ks->n; i++)
		key_free(ks->keys[i]);
	free(ks->keys);
	free(ks);
}

static void
keyset_add(struct keyset *ks, struct key *k)
{
	/* room doubles whenever n reaches a power of two */
	if ((ks->n & (ks->n - 1)) == 0)
		ks->keys = xrealloc(ks->keys, (ks->n ? ks->n * 2 : 1) *
		    sizeof(*ks->keys));
	ks->keys[ks->n++] = k;
}

static struct key *
secret_key(const unsigned char *bytes, size_t n, const char *form)
{
	struct key *k = key_new(KTY_OCT, form);

	k->secret = secret_alloc(n);
	memcpy(k->secret, bytes, n);
	k->secret_len = n;
	k->priv = 1;
	return k;
}

static struct key *
ed25519_key(const unsigned char *seed, const unsigned char *pub,
    const char *form)
{
	struct key *k = key_new(KTY_OKP, form);

	k->crv = "Ed25519";
	k->bits = 256;
	if (seed != NULL) {
		k->secret = secret_alloc(crypto_sign_SECRETKEYBYTES);
		k->secret_len = crypto_sign_SECRETKEYBYTES;
		crypto_sign_seed_keypair(k->pub, k->secret, seed);
		k->priv = 1;
	} else
		memcpy(k->pub, pub, sizeof(k->pub));
	return k;
}

/* Member NAME of a JWK as a string; JW_EKEY if present but not a string. */
static int
jwk_str(const struct src *s, const cJSON *jwk, const char *name,
    const char **out)
{
	const cJSON *m = json_get(jwk, name);

	*out = NULL;
	if (m == NULL)
		return JW_OK;
	if (!cJSON_IsString(m))
		return jw_fail(JW_EKEY, "key '%s': JWK member '%s' must be a "
		    "string, not %s", s->name, name, json_type_name(m));
	*out = m->valuestring;
	return JW_OK;
}

/*
 * Why the base64url text of a secret failed, without quoting any of it:
 * the offending byte is named only when it is '=' (padding).
 */
static const char *
secret_b64url_why(const char *in, size_t n, size_t bad)
{
	static char why[96];

	if (bad >= n || in[bad] == '=')
		return b64url_why(in, n, bad);
	if (in[bad] == '+' || in[bad] == '/')
		snprintf(why, sizeof(why), "byte %zu is '+' or '/' (base64, "
		    "not base64url)", bad);
	else
		snprintf(why, sizeof(why), "byte %zu is not a base64url "
		    "character", bad);
	return why;
}

/*
 * Decode base64url member NAME of a JWK into secret memory.  Messages
 * quote nothing of a private member (k, d).
 */
static int
jwk_bytes(const struct src *s, const cJSON *jwk, const char *name,
    unsigned char **out, size_t *len)
{
	const char *v;
	size_t bad;
	int rc, priv = strcmp(name, "x") != 0;

	*out = NULL;
	if ((rc = jwk_str(s, jwk, name, &v)) != JW_OK)
		return rc;
	if (v == NULL)
		return JW_OK;
	if (b64url_decode(v, strlen(v), 1, out, len, &bad) != 0)
		return jw_fail(JW_EKEY, "key '%s': JWK member '%s' is not "
		    "base64url: %s", s->name, name, priv ?
		    secret_b64url_why(v, strlen(v), bad) :
		    b64url_why(v, strlen(v), bad));
	return JW_OK;
}

static int
jwk_meta(const struct src *s, const cJSON *jwk, struct key *k)
{
	const char *v;
	const cJSON *ops, *op;
	int rc;

	if ((rc = jwk_str(s, jwk, "kid", &v)) != JW_OK)
		return rc;
	if (v != NULL)
		k->kid = xstrdup(v);
	if ((rc = jwk_str(s, jwk, "alg", &v)) != JW_OK)
		return rc;
	if (v != NULL)
		k->alg = xstrdup(v);
	if ((rc = jwk_str(s, jwk, "use", &v)) != JW_OK)
		return rc;
	if (v != NULL)
		k->use = xstrdup(v);
	if ((ops = json_get(jwk, "key_ops")) != NULL) {
		if (!cJSON_IsArray(ops))
			return jw_fail(JW_EKEY, "key '%s': JWK member 'key_ops' "
			    "must be an array", s->name);
		k->has_ops = 1;
		cJSON_ArrayForEach(op, ops) {
			if (!cJSON_IsString(op))
				return jw_fail(JW_EKEY, "key '%s': 'key_ops' "
				    "must hold strings", s->name);
			if (strcmp(op->valuestring, "sign") == 0)
				k->ops |= KEY_OP_SIGN;
			else if (strcmp(op->valuestring, "verify") == 0)
				k->ops |= KEY_OP_VERIFY;
		}
	}
	return JW_OK;
}

static int
jwk_okp(const struct src *s, const cJSON *jwk, struct key **out)
{
	const char *crv;
	unsigned char *x = NULL, *d = NULL;
	size_t xlen = 0, dlen = 0;
	int rc;

	if ((rc = jwk_str(s, jwk, "crv", &crv)) != JW_OK)
		return rc;
	if (crv == NULL)
		return jw_fail(JW_EKEY, "key '%s': OKP JWK has no 'crv'",
		    s->name);
	if (strcmp(crv, "Ed25519") != 0)
		return jw_fail(JW_EKEY, "key '%s': unsupported OKP curve '%s'",
		    s->name, jw_quote(crv, strlen(crv), 30));
	if ((rc = jwk_bytes(s, jwk, "x", &x, &xlen)) != JW_OK ||
	    (rc = jwk_bytes(s, jwk, "d", &d, &dlen)) != JW_OK)
		goto out;
	if (x == NULL || xlen != 32) {
		rc = jw_fail(JW_EKEY, "key '%s': Ed25519 JWK 'x' must be 32 "
		    "bytes", s->name);
		goto out;
	}
	if (d != NULL && dlen != 32) {
		rc = jw_fail(JW_EKEY, "key '%s': Ed25519 JWK 'd' must be 32 "
		    "bytes", s->name);
		goto out;
	}
	*out = ed25519_key(d, x, "JWK");
	if (d != NULL && sodium_memcmp((*out)->pub, x, 32) != 0) {
		key_free(*out);
		*out = NULL;
		rc = jw_fail(JW_EKEY, "key '%s': Ed25519 JWK 'd' does not "
		    "match 'x'", s->name);
	}
out:
	secret_free(x);
	secret_free(d);
	return rc;
}

/* One JWK object into *out. */
static int
jwk_key(const struct src *s, const cJSON *jwk, struct key **out)
{
	const char *kty;
	unsigned char *k = NULL;
	size_t klen;
	int rc;

	*out = NULL;
	if (!cJSON_IsObject(jwk))
		return jw_fail(JW_EKEY, "key '%s': a JWK must be a JSON object",
		    s->name);
	if ((rc = jwk_str(s, jwk, "kty", &kty)) != JW_OK)
		return rc;
	if (kty == NULL)
		return jw_fail(JW_EKEY, "key '%s': JWK has no 'kty' member",
		    s->name);
	if (strcmp(kty, "oct") == 0) {
		if ((rc = jwk_bytes(s, jwk, "k", &k, &klen)) != JW_OK)
			return rc;
		if (k == NULL)
			return jw_fail(JW_EKEY, "key '%s': oct JWK has no 'k' "
			    "member", s->name);
		*out = key_new(KTY_OCT, "JWK");
		(*out)->secret = k;	/* secret memory, now the key's */
		(*out)->secret_len = klen;
		(*out)->priv = 1;
	} else if (strcmp(kty, "OKP") == 0) {
		if ((rc = jwk_okp(s, jwk, out)) != JW_OK)
			return rc;
	} else if (strcmp(kty, "RSA") == 0 || strcmp(kty, "EC") == 0) {
		return jw_fail(JW_EKEY, "key '%s': %s keys are not supported "
		    "by this build", s->name, kty);
	} else
		return jw_fail(JW_EKEY, "key '%s': unknown JWK key type '%s'",
		    s->name, jw_quote(kty, strlen(kty), 20));
	if ((rc = jwk_meta(s, jwk, *out)) != JW_OK) {
		key_free(*out);
		*out = NULL;
	}
	return rc;
}

static int
load_json(const struct src *s, enum key_format fmt, struct keyset *ks)
{
	cJSON *root = NULL, *keys, *jwk;
	struct json_secret *mem = NULL;
	struct key *k;
	int rc;
	size_t i = 0;

	if ((rc = json_parse_secret((const char *)s->data, s->len, "key",
	    &root, &mem)) != JW_OK) {
		char msg[1024];

		snprintf(msg, sizeof(msg), "%s", jw_error());
		return jw_fail(JW_EKEY, "key '%s': %s", s->name, msg);
	}
	keys = cJSON_IsObject(root) ? json_get(root, "keys") : NULL;
	if (fmt == KF_JWKS || (fmt == KF_AUTO && keys != NULL)) {
		if (!cJSON_IsArray(keys)) {
			rc = jw_fail(JW_EKEY, "key '%s': a JWKS needs a 'keys' "
			    "array", s->name);
			goto out;
		}
		cJSON_ArrayForEach(jwk, keys) {
			char kty[16] = "";
			const cJSON *t = cJSON_IsObject(jwk) ?
			    json_get(jwk, "kty") : NULL;

			i++;
			if (cJSON_IsString(t))
				snprintf(kty, sizeof(kty), "%s", t->valuestring);
			if ((rc = jwk_key(s, jwk, &k)) != JW_OK) {
				/* keys of other kinds do not spoil the set */
				if (strcmp(kty, "RSA") == 0 ||
				    strcmp(kty, "EC") == 0) {
					jw_clear_error();
					continue;
				}
				goto out;
			}
			k->form = "JWKS";
			keyset_add(ks, k);
		}
		if (ks->n == 0)
			rc = jw_fail(JW_EKEY, "key '%s': JWKS holds no usable key "
			    "(%zu listed)", s->name, i);
		goto out;
	}
	if ((rc = jwk_key(s, root, &k)) == JW_OK)
		keyset_add(ks, k);
out:
	json_secret_free(mem);
	return rc;
}

/* Ed25519 from DER; JW_EKEY naming other key types. */
static int
load_der(const struct src *s, const unsigned char *der, size_t len,
    struct keyset *ks)
{
	if (len == 48 && memcmp(der, ed25519_pkcs8, sizeof(ed25519_pkcs8)) == 0)
		keyset_add(ks, ed25519_key(der + 16, NULL, "PKCS#8"));
	else if (len == 44 &&
	    memcmp(der, ed25519_spki, sizeof(ed25519_spki)) == 0)
		keyset_add(ks, ed25519_key(NULL, der + 12, "SPKI"));
	else
		return jw_fail(JW_EKEY, "key '%s': unsupported key (only "
		    "Ed25519 PKCS#8 and SPKI keys are supported by this build)",
		    s->name);
	return JW_OK;
}

static const unsigned char *
find(const unsigned char *h, size_t hlen, const char *needle)
{
	size_t n = strlen(needle), i;

	for (i = 0; n <= hlen && i <= hlen - n; i++)
		if (memcmp(h + i, needle, n) == 0)
			return h + i;
	return NULL;
}

static int
load_pem(const struct src *s, struct keyset *ks)
{
	const unsigned char *b, *e, *body, *end;
	char label[64];
	unsigned char *der;
	size_t llen, derlen = 0;
	int rc;

	if ((b = find(s->data, s->len, "-----BEGIN ")) == NULL)
		return jw_fail(JW_EKEY, "key '%s': no PEM '-----BEGIN' line",
		    s->name);
	b += 11;
	if ((e = find(b, s->len - (size_t)(b - s->data), "-----")) == NULL ||
	    (llen = (size_t)(e - b)) >= sizeof(label))
		return jw_fail(JW_EKEY, "key '%s': malformed PEM header",
		    s->name);
	memcpy(label, b, llen);
	label[llen] = '\0';
	body = e + 5;
	if ((end = find(body, s->len - (size_t)(body - s->data),
	    "-----END ")) == NULL)
		return jw_fail(JW_EKEY, "key '%s': PEM '%s' has no END line",
		    s->name, jw_quote(label, llen, 40));
	if (strcmp(label, "PRIVATE KEY") != 0 &&
	    strcmp(label, "PUBLIC KEY") != 0)
		return jw_fail(JW_EKEY, "key '%s': unsupported PEM '%s' (only "
		    "Ed25519 PRIVATE KEY and PUBLIC KEY are supported by this "
		    "build)", s->name, jw_quote(label, llen, 40));
	der = secret_alloc((size_t)(end - body));
	if (sodium_base642bin(der, (size_t)(end - body), (const char *)body,
	    (size_t)(end - body), " \t\r\n", &derlen, NULL,
	    sodium_base64_VARIANT_ORIGINAL) != 0) {
		secret_free(der);
		return jw_fail(JW_EKEY, "key '%s': PEM body is not valid base64",
		    s->name);
	}
	rc = load_der(s, der, derlen, ks);
	if (rc == JW_OK)
		ks->keys[ks->n - 1]->form = "PEM";
	secret_free(der);
	return rc;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static int detect(const struct src *s);

/* A secret written as base64, base64url or hex (whitespace around). */
static int
load_encoded_secret(const struct src *s, enum key_format fmt,
    struct keyset *ks)
{
	const unsigned char *p = s->data, *q = s->data + s->len;
	unsigned char *bin = NULL;
	size_t n, got = 0, i, bad;
	const char *form = format_names[fmt];
	struct src dec = { NULL, 0, s->name };
	enum key_format f;
	int ok;

	while (p < q && isspace(*p))
		p++;
	while (q > p && isspace(q[-1]))
		q--;
	n = (size_t)(q - p);
	if (fmt == KF_HEX) {
		bin = secret_alloc(n / 2 + 1);
		ok = n % 2 == 0;
		for (i = 0; ok && i < n; i += 2) {
			int hi = hexval(p[i]), lo = hexval(p[i + 1]);

			if (!(ok = hi >= 0 && lo >= 0))
				break;
			bin[got++] = (unsigned char)(hi << 4 | lo);
		}
	} else if (fmt == KF_BASE64URL) {
		ok = b64url_decode((const char *)p, n, 1, &bin, &got, &bad) == 0;
	} else {
		bin = secret_alloc(n + 1);
		ok = sodium_base642bin(bin, n + 1, (const char *)p, n, NULL,
		    &got, NULL, sodium_base64_VARIANT_ORIGINAL) == 0 ||
		    sodium_base642bin(bin, n + 1, (const char *)p, n, NULL,
		    &got, NULL, sodium_base64_VARIANT_ORIGINAL_NO_PADDING) == 0;
	}
	if (!ok) {
		secret_free(bin);
		return jw_fail(JW_EKEY, "key '%s': not a valid %s secret",
		    s->name, form);
	}
	/* A public key is never an HMAC secret, encoded or not. */
	dec.data = bin;
	dec.len = got;
	if ((f = detect(&dec)) != KF_RAW) {
		secret_free(bin);
		return jw_fail(JW_EKEY, "key '%s': the %s text decodes to %s, "
		    "not an HMAC secret", s->name, form, f == KF_JWK ?
		    "a JWK or JWKS" : f == KF_PEM ? "a PEM key" : "a DER key");
	}
	keyset_add(ks, secret_key(bin, got, form));
	secret_free(bin);
	return JW_OK;
}

static int
looks_like_der(const unsigned char *d, size_t n)
{
	size_t len, hdr = 2;

	if (n < 2 || d[0] != 0x30)
		return 0;
	if (d[1] < 0x80)
		len = d[1];
	else if (d[1] == 0x81 && n >= 3)
		len = d[2], hdr = 3;
	else if (d[1] == 0x82 && n >= 4)
		len = (size_t)d[2] << 8 | d[3], hdr = 4;
	else
		return 0;
	return hdr + len == n;
}

static int
detect(const struct src *s)
{
	const unsigned char *p = s->data, *q = s->data + s->len;

	while (p < q && isspace(*p))
		p++;
	if (p < q && *p == '{')
		return KF_JWK;	/* JWK or JWKS: load_json tells */
	if (find(s->data, s->len, "-----BEGIN ") != NULL)
		return KF_PEM;
	if (looks_like_der(s->data, s->len))
		return KF_DER;
	return KF_RAW;
}

static int
load_raw(const struct src *s, struct keyset *ks)
{
	static const char *const ssh[] = { "ssh-rsa ", "ssh-ed25519 ",
	    "ecdsa-sha2-", "ssh-dss " };
	static const char *const kinds[] = { [KF_JWK] = "a JWK or JWKS",
	    [KF_PEM] = "a PEM key", [KF_DER] = "a DER key" };
	enum key_format f = detect(s);
	size_t i;

	for (i = 0; i < sizeof(ssh) / sizeof(ssh[0]); i++)
		if (s->len >= strlen(ssh[i]) &&
		    memcmp(s->data, ssh[i], strlen(ssh[i])) == 0)
			return jw_fail(JW_EKEY, "key '%s' is an SSH public key, "
			    "not an HMAC secret", s->name);
	/* A public key is never an HMAC secret, whatever --key-format says. */
	if (f != KF_RAW)
		return jw_fail(JW_EKEY, "key '%s' is %s, not a raw HMAC secret",
		    s->name, kinds[f]);
	keyset_add(ks, secret_key(s->data, s->len, "raw secret"));
	return JW_OK;
}

int
keys_load_mem(const unsigned char *data, size_t len, const char *name,
    enum key_format fmt, struct keyset **out)
{
	struct src s = { data, len, name };
	struct keyset *ks = xcalloc(1, sizeof(*ks));
	enum key_format given = fmt;
	int rc;

	no_core_dumps();
	if (fmt == KF_AUTO)
		fmt = detect(&s);
	if (len == 0) {
		rc = jw_fail(JW_EKEY, "key '%s' is empty", name);
		goto out;
	}
	switch (fmt) {
	case KF_RAW:
		rc = load_raw(&s, ks);
		break;
	case KF_BASE64:
	case KF_BASE64URL:
	case KF_HEX:
		rc = load_encoded_secret(&s, fmt, ks);
		break;
	case KF_JWK:
	case KF_JWKS:
		rc = load_json(&s, given, ks);	/* auto: "keys" makes a JWKS */
		break;
	case KF_PEM:
		rc = load_pem(&s, ks);
		break;
	default:
		rc = load_der(&s, data, len, ks);
		break;
	}
out:
	if (rc != JW_OK) {
		keyset_free(ks);
		return rc;
	}
	*out = ks;
	return JW_OK;
}

int
keys_load(const char *src, enum key_format fmt, struct keyset **out)
{
	unsigned char *data;
	size_t len;
	int rc;

	no_core_dumps();
	if ((rc = io_read(src, "key", 1, &data, &len)) != JW_OK)
		return rc == JW_EIO ? jw_fail(JW_EKEY, "%s", jw_error()) : rc;
	rc = keys_load_mem(data, len, io_is_stdin(src) ? "stdin" : src, fmt,
	    out);
	secret_free(data);
	return rc;
}

const struct alg *
alg_for_key(const char *name, const struct key *key)
{
	const struct alg *a;
	size_t i;

	for (i = 0; (a = alg_at(i)) != NULL; i++)
		if (strcmp(a->name, name) == 0 && a->kty == key->kty &&
		    (a->crv == NULL || (key->crv != NULL &&
		    strcmp(a->crv, key->crv) == 0)))
			return a;
	return NULL;
}

int
key_allows(const struct key *key, const struct alg *alg, int signing)
{
	if (alg->kty != key->kty)
		return 0;
	if (alg->crv != NULL && (key->crv == NULL ||
	    strcmp(alg->crv, key->crv) != 0))
		return 0;
	if (key->alg != NULL && strcmp(key->alg, alg->name) != 0)
		return 0;
	if (key->use != NULL && strcmp(key->use, "sig") != 0)
		return 0;
	if (key->has_ops && !(key->ops & (signing ? KEY_OP_SIGN :
	    KEY_OP_VERIFY)))
		return 0;
	return 1;
}

const char *
key_refusal(const struct key *key, const struct alg *alg, int signing)
{
	static char why[96];

	if (key->alg != NULL && strcmp(key->alg, alg->name) != 0)
		snprintf(why, sizeof(why), "its JWK 'alg' is '%s'",
		    jw_quote(key->alg, strlen(key->alg), 20));
	else if (key->use != NULL && strcmp(key->use, "sig") != 0)
		snprintf(why, sizeof(why), "its JWK 'use' is '%s'",
		    jw_quote(key->use, strlen(key->use), 20));
	else if (key->has_ops && !(key->ops & (signing ? KEY_OP_SIGN :
	    KEY_OP_VERIFY)))
		snprintf(why, sizeof(why), "its JWK 'key_ops' lack '%s'",
		    signing ? "sign" : "verify");
	else
		return NULL;
	return why;
}

const struct alg *
key_default_alg(const struct key *key)
{
	const struct alg *a;

	if (key->alg != NULL && (a = alg_for_key(key->alg, key)) != NULL)
		return a;
	switch (key->kty) {
	case KTY_OCT:
		return alg_find("HS256");
	case KTY_OKP:
		return alg_for_key("EdDSA", key);
	default:
		return NULL;
	}
}

const char *
key_describe(const struct key *key)
{
	static char buf[128];

	if (key->kty == KTY_OCT)
		snprintf(buf, sizeof(buf), "HMAC secret (%zu bytes, from %s)",
		    key->secret_len, key->form);
	else
		snprintf(buf, sizeof(buf), "%s %s key (%s)", key->crv ?
		    key->crv : kty_name(key->kty), key->priv ? "private" :
		    "public", key->form);
	return buf;
}
