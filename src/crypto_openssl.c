/*
 * crypto_openssl.c - the OpenSSL backend, built as jwtool-openssl.so and
 * loaded by ossl.c only when an algorithm or key format needs it.  It knows
 * nothing of jwtool's other modules: everything crosses struct ossl_backend.
 */
#include <stdio.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "ossl.h"

const struct ossl_backend *jwtool_openssl_backend(void);

static char errbuf[256];

static int
fail(const char *what)
{
	unsigned long e = ERR_get_error();

	if (e != 0)
		snprintf(errbuf, sizeof(errbuf), "%s: %s", what,
		    ERR_reason_error_string(e) ? ERR_reason_error_string(e) :
		    "unknown OpenSSL error");
	else
		snprintf(errbuf, sizeof(errbuf), "%s", what);
	ERR_clear_error();
	return -1;
}

static const char *
error(void)
{
	return errbuf;
}

static int
hmac(const char *md, const unsigned char *key, size_t keylen,
    const unsigned char *msg, size_t msglen, unsigned char *out,
    size_t *outlen)
{
	EVP_MAC *mac = NULL;
	EVP_MAC_CTX *ctx = NULL;
	OSSL_PARAM params[2];
	int rc = -1;

	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
	    (char *)md, 0);
	params[1] = OSSL_PARAM_construct_end();
	if ((mac = EVP_MAC_fetch(NULL, "HMAC", NULL)) == NULL ||
	    (ctx = EVP_MAC_CTX_new(mac)) == NULL) {
		fail("HMAC unavailable");
		goto out;
	}
	/* An empty key is legal HMAC; OpenSSL wants a non-NULL pointer. */
	if (!EVP_MAC_init(ctx, keylen ? key : (const unsigned char *)"",
	    keylen, params) || !EVP_MAC_update(ctx, msg, msglen) ||
	    !EVP_MAC_final(ctx, out, outlen, 64)) {
		fail("HMAC failed");
		goto out;
	}
	rc = 0;
out:
	EVP_MAC_CTX_free(ctx);
	EVP_MAC_free(mac);
	return rc;
}

static const struct ossl_backend api = {
	OSSL_BACKEND_ABI,
	hmac,
	error,
};

const struct ossl_backend *
jwtool_openssl_backend(void)
{
	return &api;
}
