/*
 * ossl.h - the OpenSSL backend, a shared object loaded on first use so that
 * HS256, HS512 and EdDSA never pay for libcrypto at start-up.
 */
#ifndef JWTOOL_OSSL_H
#define JWTOOL_OSSL_H

#include <stddef.h>

#define OSSL_BACKEND_ABI 1
#define OSSL_BACKEND_FILE "jwtool-openssl.so"
#define OSSL_BACKEND_SYMBOL "jwtool_openssl_backend"

/*
 * The functions the backend exports.  Each returns 0 on success and -1 on
 * failure, with a short reason from error().
 */
struct ossl_backend {
	int abi;
	/* HMAC with digest MD ("SHA384") into out (64 bytes at least). */
	int (*hmac)(const char *md, const unsigned char *key, size_t keylen,
	    const unsigned char *msg, size_t msglen, unsigned char *out,
	    size_t *outlen);
	/* The reason for the last failure, from OpenSSL's error queue. */
	const char *(*error)(void);
};

typedef const struct ossl_backend *(*ossl_backend_fn)(void);

/*
 * The backend, loaded on the first call; NULL with a message recorded
 * (JW_EKEY) when it cannot be loaded.
 */
const struct ossl_backend *ossl_get(void);

#endif
