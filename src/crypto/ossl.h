/*
 * ossl.h - the OpenSSL backend, a shared object loaded on first use so that
 * HS256, HS512 and EdDSA with Ed25519 never pay for libcrypto at start-up.
 */
#ifndef JWTOOL_OSSL_H
#define JWTOOL_OSSL_H

#include <stddef.h>

#define OSSL_BACKEND_ABI 6
#define OSSL_BACKEND_FILE "jwtool-openssl.so"
#define OSSL_BACKEND_SYMBOL "jwtool_openssl_backend"

/* Key types the backend knows. */
enum ossl_type {
	OSSL_T_NONE = 0,
	OSSL_T_RSA,
	OSSL_T_EC,
	OSSL_T_ED25519,
	OSSL_T_ED448
};

/* Signature schemes. */
enum ossl_scheme {
	OSSL_S_PKCS1 = 1,	/* RSASSA-PKCS1-v1_5 */
	OSSL_S_PSS,		/* RSASSA-PSS, MGF1 same hash, salt = hash */
	OSSL_S_ECDSA,		/* ECDSA, signature raw R || S */
	OSSL_S_EDDSA		/* pure EdDSA */
};

/* Input forms of load. */
enum ossl_input {
	OSSL_IN_PEM = 1,	/* one PEM block holding a key */
	OSSL_IN_PEM_CERT,	/* one PEM block holding an X.509 certificate */
	OSSL_IN_DER		/* DER: a key structure or a certificate */
};

/* Results of load, besides 0 and -1. */
#define OSSL_NEEDPASS (-2)	/* encrypted, and no passphrase given */
#define OSSL_BADPASS (-3)	/* encrypted, and the passphrase is wrong */
#define OSSL_REJECTED (-4)	/* decoded, but jwtool cannot use it */

/* What load and from_jwk tell of a key. */
struct ossl_keyinfo {
	int type;		/* enum ossl_type */
	const char *crv;	/* JOSE curve name ("P-256", "Ed448"), static,
				 * or NULL for RSA */
	unsigned bits;		/* RSA modulus or curve size */
	int priv;		/* holds the private part */
	int cert;		/* came from a certificate */
};

/* A JWK member decoded to bytes: big-endian integers, or raw octets. */
struct ossl_member {
	const char *name;	/* "n", "e", "d", "x", ... */
	const unsigned char *b;
	size_t n;
};

/* Called by export for each member, in RFC 7518 order. */
typedef void (*ossl_emit_fn)(void *ctx, const char *name,
    const unsigned char *b, size_t n);

/*
 * The functions the backend exports.  Unless said otherwise each returns
 * 0 on success and -1 on failure, with a short reason from error().  Keys
 * are EVP_PKEY pointers, opaque here.
 */
struct ossl_backend {
	int abi;
	/* HMAC with digest MD ("SHA384") into out (64 bytes at least). */
	int (*hmac)(const char *md, const unsigned char *key, size_t keylen,
	    const unsigned char *msg, size_t msglen, unsigned char *out,
	    size_t *outlen);
	/*
	 * Decode a key (enum ossl_input).  pass (may be NULL) is the
	 * passphrase of an encrypted key; nothing ever prompts.  Besides 0
	 * and -1, returns OSSL_NEEDPASS, OSSL_BADPASS or OSSL_REJECTED.
	 */
	int (*load)(const unsigned char *data, size_t len, int input,
	    const char *pass, size_t passlen, void **pkey,
	    struct ossl_keyinfo *info);
	/*
	 * Build a key of type (RSA, EC or Ed448) from JWK members and check
	 * it: RSA n, e [d [p q dp dq qi]]; EC x, y [d] on curve crv; Ed448
	 * x [d].  jwk: the members are a JWK's, not those of a decoded
	 * PKCS#1, PKCS#8, SPKI or SEC1 structure (the messages say which).
	 * Returns 0, -1 or OSSL_REJECTED.
	 */
	int (*from_jwk)(int type, const char *crv, const struct ossl_member *m,
	    size_t nm, int jwk, void **pkey, struct ossl_keyinfo *info);
	/*
	 * Call emit for each JWK member of pkey: RSA n, e, then d, p, q, dp,
	 * dq, qi; EC x, y, then d; OKP x, then d.  The private members only
	 * when with_private.  The bytes are wiped after each call.
	 */
	int (*export_jwk)(void *pkey, int with_private, ossl_emit_fn emit,
	    void *ctx);
	/*
	 * Sign msg with scheme (enum ossl_scheme) and digest md (NULL for
	 * EdDSA) into sig (max bytes).  With digest set, msg is already md's
	 * digest of the signing input (jwtool hashed it).  ECDSA signatures
	 * come out as raw R || S, each half the curve's size.
	 */
	int (*sign)(void *pkey, int scheme, const char *md, int digest,
	    const unsigned char *msg, size_t msglen, unsigned char *sig,
	    size_t max, size_t *siglen);
	/*
	 * Verify: 0 valid, 1 not valid (error() says why), -1 the key
	 * cannot do it.  ECDSA takes raw R || S; digest as for sign.
	 */
	int (*verify)(void *pkey, int scheme, const char *md, int digest,
	    const unsigned char *msg, size_t msglen, const unsigned char *sig,
	    size_t siglen);
	/* Release a key; NULL is fine. */
	void (*free_key)(void *pkey);
	/* The reason for the last failure. */
	const char *(*error)(void);
	/*
	 * Generate a key of type (RSA of bits bits, EC on curve crv, Ed448)
	 * into *pkey, described in info.
	 */
	int (*generate)(int type, const char *crv, unsigned bits, void **pkey,
	    struct ossl_keyinfo *info);
	/*
	 * Call emit once with name "PEM" and the PEM text of pkey: PKCS#8
	 * PrivateKeyInfo, unencrypted, when with_private and the key has a
	 * private part, else SubjectPublicKeyInfo.  The text is wiped after
	 * the call.
	 */
	int (*to_pem)(void *pkey, int with_private, ossl_emit_fn emit,
	    void *ctx);
};

typedef const struct ossl_backend *(*ossl_backend_fn)(void);

/*
 * The backend, loaded on the first call; NULL with a message recorded
 * (JW_EKEY) when it cannot be loaded.
 */
const struct ossl_backend *ossl_get(void);

/* Key glue for keys.c and jwk.c (ossl.c). */
struct key;
struct ossl_lazy;

/*
 * Decode a key of enum ossl_input from data into *out (form names it in
 * key_describe; name in messages).  Returns JW_OK or JW_EKEY.
 */
int ossl_key_load(const unsigned char *data, size_t len, int input,
    const char *pass, size_t passlen, const char *name, const char *form,
    struct key **out);
/* Build a key from JWK members; JW_OK or JW_EKEY. */
int ossl_key_from_jwk(int type, const char *crv, const struct ossl_member *m,
    size_t nm, const char *name, struct key **out);
/* The same for key parts read from elsewhere (form as in ossl_key_load). */
int ossl_key_from_parts(int type, const char *crv,
    const struct ossl_member *m, size_t nm, const char *name,
    const char *form, struct key **out);
/*
 * A public RSA (n, e) or EC (x, y on crv, a static string) key of a JWKS
 * whose import waits for its first use: the members are copied, the key
 * has its kty, crv and bits (from the members) at once, and the backend
 * builds and checks it when it first signs, verifies or is exported.  A
 * large JWKS then costs its parsing, not thousands of imports.  Thread
 * safe.  JW_OK (*out set).
 */
int ossl_key_defer(int type, const char *crv, unsigned bits,
    const struct ossl_member *m, size_t nm, const char *name,
    struct key **out);
/* Release what ossl_key_defer kept. */
void ossl_lazy_free(struct ossl_lazy *lazy);
/* Emit the JWK members of key (see export_jwk); JW_OK or JW_EKEY. */
int ossl_key_export(const struct key *key, int with_private,
    ossl_emit_fn emit, void *ctx);
/* Release a backend key. */
void ossl_key_free(void *pkey);
/*
 * Generate a key (OSSL_T_RSA with bits, OSSL_T_EC on JOSE curve crv,
 * OSSL_T_ED448); JW_OK or JW_EKEY.
 */
int ossl_key_generate(int type, const char *crv, unsigned bits,
    struct key **out);
/* Emit the PEM text of a backend key (see to_pem); JW_OK or JW_EKEY. */
int ossl_key_pem(const struct key *key, int with_private, ossl_emit_fn emit,
    void *ctx);

#endif
