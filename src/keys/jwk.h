/* jwk.h - keys as JWKs (RFC 7517) and their thumbprints (RFC 7638) */
#ifndef JWTOOL_JWK_H
#define JWTOOL_JWK_H

#include <cJSON.h>

#include "keys/keys.h"

/*
 * The JWK of key: kty first, then the key members in RFC order, then the
 * private members when with_private is set, then kid, alg and use when the
 * key has them.  Returns NULL with a message (JW_EKEY) when the key cannot
 * be written so: a public JWK of an HMAC secret, or an RSA, EC or Ed448
 * key when the OpenSSL backend cannot be loaded.  RSA integers are
 * big-endian without leading zeros, EC coordinates and d have the curve's
 * full size (RFC 7518 section 6).  Private members are secrets: free the
 * result with jwk_free, which wipes them.
 */
cJSON *key_to_jwk(const struct key *key, int with_private);
void jwk_free(cJSON *jwk);

/*
 * The RFC 7638 SHA-256 thumbprint of key, base64url (43 characters), into
 * out (at least 44 bytes).  Returns JW_OK or JW_EKEY with a message.
 */
int key_thumbprint(const struct key *key, char *out, size_t outlen);

#endif
