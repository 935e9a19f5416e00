/* crypto.c - the algorithm table */
#include <string.h>
#include <strings.h>

#include "crypto.h"

static const struct alg algs[] = {
	{ "HS256", KTY_OCT, NULL, "SHA256", 32, 32,
	    sodium_hmac_sign, sodium_hmac_verify, "HMAC using SHA-256" },
	{ "HS384", KTY_OCT, NULL, "SHA384", 48, 48,
	    ossl_hmac_sign, ossl_hmac_verify, "HMAC using SHA-384" },
	{ "HS512", KTY_OCT, NULL, "SHA512", 64, 64,
	    sodium_hmac_sign, sodium_hmac_verify, "HMAC using SHA-512" },
	{ "EdDSA", KTY_OKP, "Ed25519", NULL, 0, 64,
	    sodium_ed25519_sign, sodium_ed25519_verify,
	    "Edwards-curve signature (Ed25519)" },
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
