/* crypto_sodium.c - HS256, HS512 and Ed25519 on libsodium alone */
#include <string.h>

#include <sodium.h>

#include "crypto/crypto.h"
#include "keys/keys.h"
#include "base/util.h"

int
sodium_memcmp_ct(const void *a, const void *b, size_t n)
{
	return sodium_memcmp(a, b, n);
}

void
secure_wipe(void *p, size_t n)
{
	sodium_memzero(p, n);
}

/* HMAC states keyed with a secret, before any message data. */
struct hmac_states {
	crypto_auth_hmacsha256_state s256;
	crypto_auth_hmacsha512_state s512;
};

void *
hmac_states_new(const unsigned char *secret, size_t n)
{
	struct hmac_states *h = secret_alloc(sizeof(*h));

	crypto_auth_hmacsha256_init(&h->s256, secret, n);
	crypto_auth_hmacsha512_init(&h->s512, secret, n);
	return h;
}

static void
hmac(const struct alg *alg, const struct key *key, const unsigned char *msg,
    size_t msglen, unsigned char *out)
{
	const struct hmac_states *h = key->mac;

	if (alg->hlen == 32) {
		crypto_auth_hmacsha256_state st;

		if (h != NULL)
			st = h->s256;
		else
			crypto_auth_hmacsha256_init(&st, key->secret,
			    key->secret_len);
		crypto_auth_hmacsha256_update(&st, msg, msglen);
		crypto_auth_hmacsha256_final(&st, out);
		sodium_memzero(&st, sizeof(st));
	} else {
		crypto_auth_hmacsha512_state st;

		if (h != NULL)
			st = h->s512;
		else
			crypto_auth_hmacsha512_init(&st, key->secret,
			    key->secret_len);
		crypto_auth_hmacsha512_update(&st, msg, msglen);
		crypto_auth_hmacsha512_final(&st, out);
		sodium_memzero(&st, sizeof(st));
	}
}

int
sodium_hmac_sign(const struct alg *alg, const struct key *key,
    const unsigned char *msg, size_t msglen, unsigned char *sig,
    size_t *siglen)
{
	hmac(alg, key, msg, msglen, sig);
	*siglen = alg->hlen;
	return JW_OK;
}

int
sodium_hmac_verify(const struct alg *alg, const struct key *key,
    const unsigned char *msg, size_t msglen, const unsigned char *sig,
    size_t siglen)
{
	unsigned char mac[64];
	int rc;

	if (siglen != alg->hlen)
		return jw_fail(JW_ESIG, "signature is %zu bytes, %s needs %zu",
		    siglen, alg->name, alg->hlen);
	hmac(alg, key, msg, msglen, mac);
	rc = sodium_memcmp(mac, sig, alg->hlen) == 0 ?
	    JW_OK : jw_fail(JW_ESIG, "signature does not match");
	sodium_memzero(mac, sizeof(mac));
	return rc;
}

int
sodium_ed25519_sign(const struct alg *alg, const struct key *key,
    const unsigned char *msg, size_t msglen, unsigned char *sig,
    size_t *siglen)
{
	unsigned long long n;

	(void)alg;
	if (!key->priv)
		return jw_fail(JW_EKEY, "cannot sign with a public key");
	crypto_sign_detached(sig, &n, msg, msglen, key->secret);
	*siglen = (size_t)n;
	return JW_OK;
}

int
sodium_ed25519_verify(const struct alg *alg, const struct key *key,
    const unsigned char *msg, size_t msglen, const unsigned char *sig,
    size_t siglen)
{
	(void)alg;
	if (siglen != crypto_sign_BYTES)
		return jw_fail(JW_ESIG, "signature is %zu bytes, EdDSA "
		    "(Ed25519) needs %d", siglen, crypto_sign_BYTES);
	if (crypto_sign_verify_detached(sig, msg, msglen, key->pub) != 0)
		return jw_fail(JW_ESIG, "signature does not match");
	return JW_OK;
}
