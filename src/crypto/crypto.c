/* crypto.c - the algorithm table */
#include <string.h>
#include <strings.h>

#include "crypto/crypto.h"

/*
 * Rows with the same name are told apart by kty and crv (alg_for_key);
 * they must be adjacent (alg_list), and the first one's desc describes
 * them all (jwtool --list-algorithms).  ES* signatures are raw R || S.
 */
static const struct alg algs[] = {
	{ "HS256", KTY_OCT, NULL, "SHA256", 32, 32,
	    sodium_hmac_sign, sodium_hmac_verify, "HMAC using SHA-256" },
	{ "HS384", KTY_OCT, NULL, "SHA384", 48, 48,
	    ossl_hmac_sign, ossl_hmac_verify, "HMAC using SHA-384" },
	{ "HS512", KTY_OCT, NULL, "SHA512", 64, 64,
	    sodium_hmac_sign, sodium_hmac_verify, "HMAC using SHA-512" },
	{ "RS256", KTY_RSA, NULL, "SHA256", 32, 0,
	    ossl_rsa_sign, ossl_rsa_verify, "RSASSA-PKCS1-v1_5 using SHA-256" },
	{ "RS384", KTY_RSA, NULL, "SHA384", 48, 0,
	    ossl_rsa_sign, ossl_rsa_verify, "RSASSA-PKCS1-v1_5 using SHA-384" },
	{ "RS512", KTY_RSA, NULL, "SHA512", 64, 0,
	    ossl_rsa_sign, ossl_rsa_verify, "RSASSA-PKCS1-v1_5 using SHA-512" },
	{ "PS256", KTY_RSA, NULL, "SHA256", 32, 0,
	    ossl_pss_sign, ossl_pss_verify,
	    "RSASSA-PSS using SHA-256 and MGF1 with SHA-256" },
	{ "PS384", KTY_RSA, NULL, "SHA384", 48, 0,
	    ossl_pss_sign, ossl_pss_verify,
	    "RSASSA-PSS using SHA-384 and MGF1 with SHA-384" },
	{ "PS512", KTY_RSA, NULL, "SHA512", 64, 0,
	    ossl_pss_sign, ossl_pss_verify,
	    "RSASSA-PSS using SHA-512 and MGF1 with SHA-512" },
	{ "ES256", KTY_EC, "P-256", "SHA256", 32, 64,
	    ossl_ecdsa_sign, ossl_ecdsa_verify, "ECDSA using P-256 and SHA-256" },
	{ "ES384", KTY_EC, "P-384", "SHA384", 48, 96,
	    ossl_ecdsa_sign, ossl_ecdsa_verify, "ECDSA using P-384 and SHA-384" },
	{ "ES512", KTY_EC, "P-521", "SHA512", 64, 132,
	    ossl_ecdsa_sign, ossl_ecdsa_verify, "ECDSA using P-521 and SHA-512" },
	{ "ES256K", KTY_EC, "secp256k1", "SHA256", 32, 64,
	    ossl_ecdsa_sign, ossl_ecdsa_verify,
	    "ECDSA using secp256k1 and SHA-256" },
	{ "EdDSA", KTY_OKP, "Ed25519", NULL, 0, 64,
	    sodium_ed25519_sign, sodium_ed25519_verify,
	    "Edwards-curve signature (Ed25519, Ed448)" },
	{ "EdDSA", KTY_OKP, "Ed448", NULL, 0, 114,
	    ossl_eddsa_sign, ossl_eddsa_verify,
	    "Edwards-curve signature (Ed448)" },
};

const struct alg *
alg_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(algs) / sizeof(algs[0]); i++)
		if (strcmp(algs[i].name, name) == 0)
			return &algs[i];
	return NULL;
}

const struct alg *
alg_find_nocase(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(algs) / sizeof(algs[0]); i++)
		if (strcasecmp(algs[i].name, name) == 0)
			return &algs[i];
	return NULL;
}

const struct alg *
alg_at(size_t i)
{
	return i < sizeof(algs) / sizeof(algs[0]) ? &algs[i] : NULL;
}

const char *
alg_list(void)
{
	static char buf[256];
	size_t i;

	if (buf[0] == '\0')
		for (i = 0; i < sizeof(algs) / sizeof(algs[0]); i++) {
			if (i > 0 && strcmp(algs[i].name, algs[i - 1].name) == 0)
				continue;
			if (i > 0)
				strcat(buf, ", ");
			strcat(buf, algs[i].name);
		}
	return buf;
}

const char *
kty_name(enum kty kty)
{
	switch (kty) {
	case KTY_OCT: return "oct";
	case KTY_RSA: return "RSA";
	case KTY_EC: return "EC";
	case KTY_OKP: return "OKP";
	default: return "none";
	}
}
