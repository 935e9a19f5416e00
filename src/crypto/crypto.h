/* crypto.h - the one algorithm table: every JWS algorithm is a row */
#ifndef JWTOOL_CRYPTO_H
#define JWTOOL_CRYPTO_H

#include <stddef.h>

/* Key types, named as JWK "kty" values. */
enum kty {
	KTY_NONE = 0,
	KTY_OCT,	/* HMAC secret */
	KTY_RSA,
	KTY_EC,
	KTY_OKP
};

/* Largest signature any algorithm produces (RSA up to 16384 bits). */
#define CRYPTO_MAX_SIG 2048

struct key;
struct alg;

typedef int (*sign_fn)(const struct alg *, const struct key *,
    const unsigned char *msg, size_t msglen, unsigned char *sig,
    size_t *siglen);
typedef int (*verify_fn)(const struct alg *, const struct key *,
    const unsigned char *msg, size_t msglen, const unsigned char *sig,
    size_t siglen);

/*
 * One row.  sign and verify return JW_OK, JW_ESIG (verify: no match) or
 * JW_EKEY (the key cannot do it), with a message recorded.
 */
struct alg {
	const char *name;	/* JWS "alg", matched case-sensitively */
	enum kty kty;		/* key type it needs */
	const char *crv;	/* curve the key must have, or NULL */
	const char *hash;	/* digest name for the backend: "SHA256" */
	size_t hlen;		/* digest length: minimum HMAC key length */
	size_t siglen;		/* fixed signature length, 0 if key-sized */
	sign_fn sign;
	verify_fn verify;
	const char *desc;	/* "HMAC using SHA-256" */
};

/* The row for NAME (case-sensitive), or NULL. */
const struct alg *alg_find(const char *name);
/*
 * The row whose name matches NAME ignoring case, or NULL: for a hint when
 * NAME itself is unknown (names are case-sensitive).
 */
const struct alg *alg_find_nocase(const char *name);
/* Row i of the table, or NULL past the end. */
const struct alg *alg_at(size_t i);
/* "HS256, HS384, ..." of every algorithm, for messages and --help. */
const char *alg_list(void);
const char *kty_name(enum kty kty);

/* Backends (crypto_sodium.c; the OpenSSL one behind ossl.h). */
int sodium_hmac_sign(const struct alg *, const struct key *,
    const unsigned char *, size_t, unsigned char *, size_t *);
int sodium_hmac_verify(const struct alg *, const struct key *,
    const unsigned char *, size_t, const unsigned char *, size_t);
int sodium_ed25519_sign(const struct alg *, const struct key *,
    const unsigned char *, size_t, unsigned char *, size_t *);
int sodium_ed25519_verify(const struct alg *, const struct key *,
    const unsigned char *, size_t, const unsigned char *, size_t);
int ossl_hmac_sign(const struct alg *, const struct key *,
    const unsigned char *, size_t, unsigned char *, size_t *);
int ossl_hmac_verify(const struct alg *, const struct key *,
    const unsigned char *, size_t, const unsigned char *, size_t);
/* RS*, PS*, ES* and EdDSA with Ed448: the key's pkey, in the backend. */
int ossl_rsa_sign(const struct alg *, const struct key *,
    const unsigned char *, size_t, unsigned char *, size_t *);
int ossl_rsa_verify(const struct alg *, const struct key *,
    const unsigned char *, size_t, const unsigned char *, size_t);
int ossl_pss_sign(const struct alg *, const struct key *,
    const unsigned char *, size_t, unsigned char *, size_t *);
int ossl_pss_verify(const struct alg *, const struct key *,
    const unsigned char *, size_t, const unsigned char *, size_t);
int ossl_ecdsa_sign(const struct alg *, const struct key *,
    const unsigned char *, size_t, unsigned char *, size_t *);
int ossl_ecdsa_verify(const struct alg *, const struct key *,
    const unsigned char *, size_t, const unsigned char *, size_t);
int ossl_eddsa_sign(const struct alg *, const struct key *,
    const unsigned char *, size_t, unsigned char *, size_t *);
int ossl_eddsa_verify(const struct alg *, const struct key *,
    const unsigned char *, size_t, const unsigned char *, size_t);

/*
 * HMAC-SHA-256 and -512 states keyed with secret[0..n), so that each MAC
 * skips the key blocks (struct key's mac; secret memory: secret_free).
 */
void *hmac_states_new(const unsigned char *secret, size_t n);

#endif
