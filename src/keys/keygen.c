/* keygen.c - making keys: random secrets, Ed25519, Ed448, EC and RSA */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "crypto/crypto.h"
#include "keys/jwk.h"
#include "keys/keygen.h"
#include "crypto/ossl.h"
#include "base/util.h"

/* The key types, in the order --help lists them. */
static const struct ktype {
	const char *name;
	enum kty kty;
	int ossl;		/* enum ossl_type, 0 for libsodium */
	const char *crv;	/* JOSE curve */
} ktypes[] = {
	{ "secret", KTY_OCT, 0, NULL },
	{ "ed25519", KTY_OKP, 0, "Ed25519" },
	{ "ed448", KTY_OKP, OSSL_T_ED448, "Ed448" },
	{ "p256", KTY_EC, OSSL_T_EC, "P-256" },
	{ "p384", KTY_EC, OSSL_T_EC, "P-384" },
	{ "p521", KTY_EC, OSSL_T_EC, "P-521" },
	{ "secp256k1", KTY_EC, OSSL_T_EC, "secp256k1" },
	{ "rsa", KTY_RSA, OSSL_T_RSA, NULL },
};

#define NKTYPES (sizeof(ktypes) / sizeof(ktypes[0]))

const char *
keygen_type_names(void)
{
	return "secret ed25519 ed448 p256 p384 p521 secp256k1 rsa";
}

/* A random secret of n bytes. */
static struct key *
random_secret(size_t n)
{
	struct key *k = xcalloc(1, sizeof(*k));

	k->kty = KTY_OCT;
	k->secret = secret_alloc(n);
	randombytes_buf(k->secret, n);
	k->secret_len = n;
	k->priv = 1;
	k->form = "generated";
	return k;
}

/* The size of a secret: bytes, or the hash length of alg, or 32. */
static int
secret_size(size_t bytes, const char *alg, size_t *n)
{
	const struct alg *a = NULL;

	if (alg != NULL && ((a = alg_find(alg)) == NULL || a->kty != KTY_OCT))
		return jw_fail(JW_EUSAGE, "--alg '%s' is not an HMAC algorithm "
		    "(HS256, HS384 or HS512)", jw_quote(alg, strlen(alg), 20));
	if (bytes == 0) {
		*n = a != NULL ? a->hlen : 32;
		return JW_OK;
	}
	if (bytes > KEYGEN_MAX_BYTES)
		return jw_fail(JW_EUSAGE, "--bytes %zu: at most %d bytes", bytes,
		    KEYGEN_MAX_BYTES);
	if (bytes < (a != NULL ? a->hlen : 32))
		return jw_fail(JW_EUSAGE, "--bytes %zu: %s secrets need at least "
		    "%zu bytes (RFC 7518 section 3.2)", bytes,
		    a != NULL ? a->name : "HMAC", a != NULL ? a->hlen : 32);
	*n = bytes;
	return JW_OK;
}

int
keygen(const char *type, unsigned bits, size_t bytes, const char *alg,
    struct key **out)
{
	const struct ktype *t = NULL;
	unsigned char seed[crypto_sign_SEEDBYTES];
	size_t i, n = 0;
	int rc;

	*out = NULL;
	for (i = 0; i < NKTYPES; i++)
		if (strcmp(ktypes[i].name, type) == 0)
			t = &ktypes[i];
	if (t == NULL)
		return jw_fail(JW_EUSAGE, "unknown key type '%s' (one of: %s)",
		    jw_quote(type, strlen(type), 30), keygen_type_names());
	if (bits != 0 && t->kty != KTY_RSA)
		return jw_fail(JW_EUSAGE, "--bits is for rsa keys, not %s",
		    t->name);
	if (bytes != 0 && t->kty != KTY_OCT)
		return jw_fail(JW_EUSAGE, "--bytes is for secret keys, not %s",
		    t->name);
	if (t->kty == KTY_RSA) {
		if (bits == 0)
			bits = KEYGEN_RSA_BITS;
		if (bits < KEY_RSA_MIN_BITS || bits > KEYGEN_RSA_MAX_BITS)
			return jw_fail(JW_EUSAGE, "--bits %u: RSA keys have %d "
			    "to %d bits (RFC 7518 section 3.3)", bits,
			    KEY_RSA_MIN_BITS, KEYGEN_RSA_MAX_BITS);
		if (bits % 8 != 0)
			return jw_fail(JW_EUSAGE, "--bits %u: not a multiple "
			    "of 8", bits);
	}
	switch (t->kty) {
	case KTY_OCT:
		if ((rc = secret_size(bytes, alg, &n)) != JW_OK)
			return rc;
		*out = random_secret(n);
		return JW_OK;
	case KTY_OKP:
		if (t->ossl == 0) {
			randombytes_buf(seed, sizeof(seed));
			*out = key_ed25519(seed, NULL, "generated");
			sodium_memzero(seed, sizeof(seed));
			return JW_OK;
		}
		/* FALLTHROUGH */
	default:
		return ossl_key_generate(t->ossl, t->crv, bits, out);
	}
}

int
key_set_members(struct key *key, const char *kid, const char *alg,
    const char *use)
{
	char tp[64];
	int rc;

	if (alg != NULL) {
		if (alg_find(alg) == NULL)
			return jw_fail(JW_EUSAGE, "unknown algorithm '%s' for "
			    "--alg (known: %s)", jw_quote(alg, strlen(alg), 20),
			    alg_list());
		if (alg_for_key(alg, key) == NULL)
			return jw_fail(JW_EUSAGE, "--alg %s does not fit the %s",
			    alg, key_describe(key));
		free(key->alg);
		key->alg = xstrdup(alg);
	}
	if (use != NULL) {
		if (strcmp(use, "sig") != 0 && strcmp(use, "enc") != 0)
			return jw_fail(JW_EUSAGE, "--use must be 'sig' or "
			    "'enc', not '%s'", jw_quote(use, strlen(use), 20));
		free(key->use);
		key->use = xstrdup(use);
	}
	if (kid != NULL) {
		if (kid[0] == '\0')
			return jw_fail(JW_EUSAGE, "--kid is empty");
		if (strcmp(kid, "auto") == 0) {
			if ((rc = key_thumbprint(key, tp, sizeof(tp))) != JW_OK)
				return rc;
			kid = tp;
		}
		free(key->kid);
		key->kid = xstrdup(kid);
	}
	return JW_OK;
}
