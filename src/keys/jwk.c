/* jwk.c - keys as JWKs (RFC 7517) and their thumbprints (RFC 7638) */
#include <string.h>

#include <sodium.h>

#include "base/b64url.h"
#include "base/json.h"
#include "keys/jwk.h"
#include "crypto/ossl.h"
#include "base/util.h"

static void
add_b64(cJSON *o, const char *name, const unsigned char *b, size_t n)
{
	char *s = secret_alloc(b64url_encoded_len(n) + 1);

	b64url_encode_to(s, b, n);
	cJSON_AddStringToObject(o, name, s);
	secret_free(s);
}

/* ossl_emit_fn: each member from the backend into the JWK object. */
static void
emit_member(void *ctx, const char *name, const unsigned char *b, size_t n)
{
	add_b64(ctx, name, b, n);
}

cJSON *
key_to_jwk(const struct key *key, int with_private)
{
	cJSON *j;

	switch (key->kty) {
	case KTY_OCT:
		if (!with_private) {
			jw_fail(JW_EKEY, "an HMAC secret has no public part");
			return NULL;
		}
		j = cJSON_CreateObject();
		cJSON_AddStringToObject(j, "kty", "oct");
		add_b64(j, "k", key->secret, key->secret_len);
		break;
	case KTY_OKP:
		j = cJSON_CreateObject();
		cJSON_AddStringToObject(j, "kty", "OKP");
		cJSON_AddStringToObject(j, "crv", key->crv);
		if (key->pkey != NULL) {	/* Ed448 */
			if (ossl_key_export(key, with_private, emit_member,
			    j) != JW_OK) {
				jwk_free(j);
				return NULL;
			}
			break;
		}
		add_b64(j, "x", key->pub, sizeof(key->pub));
		/* libsodium's secret key is seed || public key */
		if (with_private && key->priv)
			add_b64(j, "d", key->secret, 32);
		break;
	case KTY_RSA:
	case KTY_EC:
		/* RFC 7518 6.2 and 6.3: n, e, d, p, q, dp, dq, qi; crv, x, y, d */
		j = cJSON_CreateObject();
		cJSON_AddStringToObject(j, "kty", kty_name(key->kty));
		if (key->kty == KTY_EC)
			cJSON_AddStringToObject(j, "crv", key->crv);
		if (ossl_key_export(key, with_private, emit_member, j) !=
		    JW_OK) {
			jwk_free(j);
			return NULL;
		}
		break;
	default:
		jw_fail(JW_EKEY, "%s keys cannot be written as a JWK",
		    kty_name(key->kty));
		return NULL;
	}
	if (key->kid != NULL)
		cJSON_AddStringToObject(j, "kid", key->kid);
	if (key->alg != NULL)
		cJSON_AddStringToObject(j, "alg", key->alg);
	if (key->use != NULL)
		cJSON_AddStringToObject(j, "use", key->use);
	return j;
}

void
jwk_free(cJSON *jwk)
{
	cJSON *c;

	if (jwk == NULL)
		return;
	for (c = jwk->child; c != NULL; c = c->next)
		if (c->valuestring != NULL)
			sodium_memzero(c->valuestring, strlen(c->valuestring));
	cJSON_Delete(jwk);
}

int
key_thumbprint(const struct key *key, char *out, size_t outlen)
{
	/* RFC 7638 section 3.2: the required members, sorted by name. */
	static const char *const req[][5] = {
		[KTY_OCT] = { "k", "kty", NULL },
		[KTY_RSA] = { "e", "kty", "n", NULL },
		[KTY_EC] = { "crv", "kty", "x", "y", NULL },
		[KTY_OKP] = { "crv", "kty", "x", NULL },
	};
	unsigned char h[crypto_hash_sha256_BYTES];
	cJSON *jwk, *canon;
	char *text;
	size_t i;

	if (outlen < b64url_encoded_len(sizeof(h)) + 1)
		return jw_fail(JW_EKEY, "thumbprint buffer too small");
	if (key->kty == KTY_OCT) {
		/* {"k":"...","kty":"oct"}, written in secret memory */
		static const char pre[] = "{\"k\":\"", post[] = "\",\"kty\":"
		    "\"oct\"}";
		size_t el = b64url_encoded_len(key->secret_len);
		size_t tl = sizeof(pre) - 1 + el + sizeof(post) - 1;

		text = secret_alloc(tl + 1);
		memcpy(text, pre, sizeof(pre) - 1);
		b64url_encode_to(text + sizeof(pre) - 1, key->secret,
		    key->secret_len);
		memcpy(text + sizeof(pre) - 1 + el, post, sizeof(post));
		crypto_hash_sha256(h, (const unsigned char *)text, tl);
		secret_free(text);
		b64url_encode_to(out, h, sizeof(h));
		return JW_OK;
	}
	if ((jwk = key_to_jwk(key, 0)) == NULL)
		return JW_EKEY;
	canon = cJSON_CreateObject();
	for (i = 0; req[key->kty][i] != NULL; i++) {
		const cJSON *m = json_get(jwk, req[key->kty][i]);

		cJSON_AddItemToObject(canon, req[key->kty][i],
		    cJSON_Duplicate(m, 0));
	}
	text = json_print(canon, 0);	/* public members only */
	crypto_hash_sha256(h, (const unsigned char *)text, strlen(text));
	cJSON_free(text);
	jwk_free(canon);
	jwk_free(jwk);
	b64url_encode_to(out, h, sizeof(h));
	return JW_OK;
}
