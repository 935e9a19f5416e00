/* keys.h - loading keys: secrets, JWK, JWKS, PEM, DER */
#ifndef JWTOOL_KEYS_H
#define JWTOOL_KEYS_H

#include <stddef.h>

#include "crypto/crypto.h"

struct ossl_lazy;

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
	void *mac;		/* oct: keyed HMAC states (hmac_states_new) */
	unsigned char pub[32];	/* Ed25519 public key */
	void *pkey;		/* OpenSSL backend key (EVP_PKEY *) of RSA, EC
				 * and Ed448 keys; key_free releases it */
	struct ossl_lazy *lazy;	/* instead of pkey: a JWKS key imported on
				 * first use (ossl_key_defer) */
	unsigned bits;		/* RSA modulus or curve size */
	char *kid;		/* JWK members, or NULL */
	char *alg;
	char *use;
	unsigned ops;		/* KEY_OP_* when key_ops was given */
	int has_ops;
	const char *form;	/* "JWK", "PEM", "raw secret", ... */
	int guessed;		/* a raw secret because detection found nothing
				 * else (no --key-format, not --secret) */
	int roca;		/* an RSA modulus with the ROCA fingerprint
				 * (loaded only after keys_roca_warn(1)) */
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
/*
 * The same with the passphrase of an encrypted PEM or DER key (pass may
 * be NULL: an encrypted key is then refused; nothing ever prompts).
 */
int keys_load_pass(const char *src, enum key_format fmt, const char *pass,
    size_t passlen, struct keyset **out);
int keys_load_mem_pass(const unsigned char *data, size_t len,
    const char *name, enum key_format fmt, const char *pass, size_t passlen,
    struct keyset **out);
/*
 * keys_defer_jwks(1): the RSA and EC public keys of a JWKS loaded from now
 * on are imported and checked by the backend when they are first used
 * (ossl_key_defer), so that a large JWKS costs its parsing, and a key that
 * is not valid is an error only for the token that needs it.  verify sets
 * it; every other command has each key checked as it loads.
 */
void keys_defer_jwks(int on);
/*
 * An RSA key whose modulus has the ROCA fingerprint (key_rsa_roca) is
 * refused as it loads (JW_EKEY), whatever its form, a JWKS member
 * included: its primes can be recovered from the modulus.  With
 * keys_roca_warn(1) it loads instead, with roca set and a warning on
 * stderr: jwk sets it, since converting such a key (to inspect, publish a
 * revocation, or find it elsewhere) signs and trusts nothing.
 */
void keys_roca_warn(int on);
/*
 * 1 when the RSA modulus n (len bytes, big-endian, leading zeros allowed)
 * has the ROCA fingerprint (CVE-2017-15361): modulo every prime from 3 to
 * 167 it is a power of 65537, as every modulus made by Infineon's RSALib
 * is (Nemec et al., "The Return of Coppersmith's Attack", CCS 2017).  A
 * random modulus has it with probability 2^-27.8.  Thread safe.
 */
int key_rsa_roca(const unsigned char *n, size_t len);
/*
 * A key set to verify with must not mix secret (oct) keys with RSA, EC or
 * OKP keys: whoever can read it, as anyone can a published JWKS, holds
 * the secrets and can forge tokens.  JW_OK, or JW_EKEY with a message
 * naming set NAME and a few keys of each kind (by kid, else "#N", N the
 * key's place in ks, from 1).
 */
int keyset_check_mixed(const struct keyset *ks, const char *name);
/*
 * An Ed25519 key for libsodium from its 32-byte seed (a private key), or
 * else from its 32-byte public key.  form names the source.
 */
struct key *key_ed25519(const unsigned char *seed, const unsigned char *pub,
    const char *form);
void keyset_free(struct keyset *ks);
void key_free(struct key *k);

/* 1 when KEY can be used with ALG (type, curve, JWK alg/use/key_ops). */
int key_allows(const struct key *key, const struct alg *alg, int signing);
/* Why KEY cannot be used with ALG ("the key's JWK 'use' is 'enc', ..."), or
 * NULL when it can.  A static buffer. */
const char *key_refusal(const struct key *key, const struct alg *alg,
    int signing);
/* RFC 7518 sections 3.2 and 3.3: HMAC secrets at least as long as the hash,
 * RSA moduli of at least 2048 bits. */
#define KEY_RSA_MIN_BITS 2048
/* 1 when KEY is below those minimums for ALG (--allow-weak-key). */
int key_is_weak(const struct key *key, const struct alg *alg);
/* The algorithm sign uses by default with KEY, or NULL: its JWK alg, else
 * HS256, RS256, the curve's ES* (ES256K for secp256k1) or EdDSA. */
const struct alg *key_default_alg(const struct key *key);
/* The row named NAME that fits KEY's type and curve, or NULL. */
const struct alg *alg_for_key(const char *name, const struct key *key);
/* "HS256 secret (64 bytes)", "Ed25519 public key", ... */
const char *key_describe(const struct key *key);

#endif
