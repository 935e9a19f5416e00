/*
 * der.h - a small strict DER reader for the common key structures, so that
 * PEM and DER keys of a known shape reach the OpenSSL backend as raw
 * parameters (like a JWK) rather than through OpenSSL's generic decoders.
 * Anything it does not recognise exactly is left to those decoders.
 */
#ifndef JWTOOL_DER_H
#define JWTOOL_DER_H

#include <stddef.h>

#include "crypto/ossl.h"

/* A key split into JWK members; the bytes point into the DER given. */
struct der_key {
	int type;			/* OSSL_T_RSA or OSSL_T_EC */
	const char *crv;		/* JOSE curve name for EC, else NULL */
	struct ossl_member m[8];
	size_t nm;
};

/*
 * Parse der as the structure a PEM label names ("PRIVATE KEY", "PUBLIC
 * KEY", "RSA PRIVATE KEY", "RSA PUBLIC KEY", "EC PRIVATE KEY"), or any of
 * them when label is NULL (bare DER): unencrypted PKCS#8 and SPKI of RSA
 * and EC keys, PKCS#1 and SEC1 (with its public point).  Returns 1 with
 * *out filled, 0 when der is not exactly such a structure.
 */
int der_key_parts(const unsigned char *der, size_t len, const char *label,
    struct der_key *out);

#endif
