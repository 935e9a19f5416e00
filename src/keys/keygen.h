/*
 * keygen.h - making keys, and writing keys out: PEM, JWK or JWKS text,
 * and key files created exclusively with the right mode.
 */
#ifndef JWTOOL_KEYGEN_H
#define JWTOOL_KEYGEN_H

#include <stddef.h>
#include <sys/types.h>

#include "keys/keys.h"

/* Output forms of keygen and jwk (--format). */
enum keyout_fmt {
	KO_PEM = 1,	/* PKCS#8 private or SPKI public PEM */
	KO_JWK,		/* one JWK (RFC 7517 section 4) */
	KO_JWKS		/* a JWK Set (RFC 7517 section 5) */
};

/* Parse a --format name; JW_OK or JW_EUSAGE with a message. */
int keyout_parse_format(const char *s, enum keyout_fmt *f);

/* The key types keygen makes, space separated. */
const char *keygen_type_names(void);

/* RSA: the default, the least and the most bits keygen makes. */
#define KEYGEN_RSA_BITS 3072
#define KEYGEN_RSA_MAX_BITS 16384
/* Secrets: the most bytes keygen makes. */
#define KEYGEN_MAX_BYTES 1024

/*
 * Make a key of TYPE (keygen_type_names).  bits (0: the default) is for
 * rsa only, bytes (0: the hash length of ALG, or 32) for secret only; alg
 * (may be NULL) names the algorithm a secret is for.  Returns JW_OK with
 * *out, JW_EUSAGE for a bad type or size, or JW_EKEY, with a message.
 */
int keygen(const char *type, unsigned bits, size_t bytes, const char *alg,
    struct key **out);

/*
 * Set the JWK members of KEY: kid (NULL: unchanged; "auto": the RFC 7638
 * thumbprint), alg (checked against the key's type and curve) and use
 * ("sig" or "enc").  JW_OK, or JW_EUSAGE / JW_EKEY with a message.
 */
int key_set_members(struct key *key, const char *kid, const char *alg,
    const char *use);

/*
 * The text of keys[0..n) in fmt, ending in a newline: PEM blocks one
 * after the other, one JWK (n must be 1), or one JWKS.  Private parts are
 * written when with_private and the key has them.  *text is in secret
 * memory, NUL-terminated: free it with secret_free.  Returns JW_OK, or
 * JW_EKEY (an HMAC secret as PEM, a public HMAC secret) with a message.
 */
int keyout_text(struct key *const *keys, size_t n, enum keyout_fmt fmt,
    int with_private, char **text, size_t *len);

/*
 * A key file in two steps, so that the two files of a pair are put in
 * place together.  keyfile_prepare creates PATH holding data:
 * O_CREAT|O_EXCL|O_NOFOLLOW with mode, so an existing file (or a symbolic
 * link) is an error naming --force.  With force it writes a temporary
 * file in the same directory instead, which keyfile_commit renames over
 * PATH (one rename: PATH is replaced atomically, a link at PATH is
 * replaced, not followed).  What prepare made is removed by
 * keyfile_abort, and if SIGINT, SIGTERM or SIGHUP ends the process
 * before the commit (cleanup_add).  Both return JW_OK or JW_EIO with
 * a message; on a failure of prepare there is nothing to abort, and
 * PATH is unchanged.
 */
struct keyfile {
	char *path;	/* NULL: nothing made */
	char *tmp;	/* with force */
	int slot, force;
};
int keyfile_prepare(const char *path, const char *data, size_t len,
    mode_t mode, int force, struct keyfile *kf);
int keyfile_commit(struct keyfile *kf);
void keyfile_abort(struct keyfile *kf);

#endif
