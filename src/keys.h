/* keys.h - loading keys: secrets, JWK, JWKS, PEM, DER */
#ifndef JWTOOL_KEYS_H
#define JWTOOL_KEYS_H

#include <stddef.h>

#include "crypto.h"

enum key_format {
	KF_AUTO = 0,
	KF_RAW,		/* the bytes of the file are the secret */
	KF_BASE64,
	KF_BASE64URL,
	KF_HEX,
	KF_JWK,
	KF_JWKS,
	KF_PEM,
	KF_DER
};

/* JWK key_ops bits. */
#define KEY_OP_SIGN	1u
#define KEY_OP_VERIFY	2u

struct key {
	enum kty kty;
	const char *crv;	/* "Ed25519", "P-256", ... (static) or NULL */
	int priv;		/* holds the private part */
	unsigned char *secret;	/* oct: the secret; OKP Ed25519: the 64-byte
				 * libsodium secret key.  sodium_malloc'd. */
	size_t secret_len;
	unsigned char pub[32];	/* Ed25519 public key */
	void *pkey;		/* OpenSSL backend key (EVP_PKEY *) */
	unsigned bits;		/* RSA modulus or curve size */
	char *kid;		/* JWK members, or NULL */
	char *alg;
	char *use;
	unsigned ops;		/* KEY_OP_* when key_ops was given */
	int has_ops;
	const char *form;	/* "JWK", "PEM", "raw secret", ... */
};

struct keyset {
	struct key **keys;
	size_t n;
};

/* Parse a --key-format name; returns JW_OK or JW_EUSAGE. */
int keys_parse_format(const char *s, enum key_format *f);
/* The --key-format names, space separated. */
const char *keys_format_names(void);

/*
 * Load every key SRC holds (a path, "-", or "env:NAME") in format FMT
 * (KF_AUTO detects it).  Returns JW_OK with *out, or JW_EKEY / JW_EIO /
 * JW_EUSAGE with a message.  Both loaders first disable core dumps
 * (jw_no_core_dumps), and keep every byte of key material (the file, a
 * JWK's parse tree, decoded secrets) in secret memory, wiped when freed.
 */
int keys_load(const char *src, enum key_format fmt, struct keyset **out);
/* Load from bytes already read; NAME is used in messages. */
int keys_load_mem(const unsigned char *data, size_t len, const char *name,
    enum key_format fmt, struct keyset **out);
void keyset_free(struct keyset *ks);
void key_free(struct key *k);

/* 1 when KEY can be used with ALG (type, curve, JWK alg/use/key_ops). */
int key_allows(const struct key *key, const struct alg *alg, int signing);
/*
 * Why KEY, whose type and curve fit ALG, may not be used with it: "its
 * JWK 'alg' is 'HS512'", "its JWK 'use' is 'enc'", "its JWK 'key_ops'
 * lack 'verify'" (a static buffer); NULL when key_allows() says yes.
 */
const char *key_refusal(const struct key *key, const struct alg *alg,
    int signing);
/* The algorithm sign uses by default with KEY, or NULL. */
const struct alg *key_default_alg(const struct key *key);
/* The row named NAME that fits KEY's type and curve, or NULL. */
const struct alg *alg_for_key(const char *name, const struct key *key);
/* "HS256 secret (64 bytes)", "Ed25519 public key", ... */
const char *key_describe(const struct key *key);

#endif
