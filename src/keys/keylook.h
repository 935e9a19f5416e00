/*
 * keylook.h - what the bytes given as a key look like: the one classifier
 * behind key format detection and behind the refusal of anything that is,
 * or looks like, a key or a document as an HMAC secret.
 */
#ifndef JWTOOL_KEYLOOK_H
#define JWTOOL_KEYLOOK_H

#include <stddef.h>

enum keylook_kind {
	KL_SECRET = 0,	/* nothing else: the bytes may be an HMAC secret */
	/* keys that load in their own format */
	KL_JWK,		/* a JSON object: a JWK or JWKS */
	KL_PEM,		/* PEM armour somewhere */
	KL_DER,		/* a DER SEQUENCE of the shape of a key */
	/* never keys as they are, and never secrets: refused */
	KL_REFUSED,
	KL_WIDE = KL_REFUSED,	/* UTF-16 or UTF-32 text */
	KL_BOM,		/* UTF-8 text behind a byte order mark */
	KL_JWK_ARRAY,	/* a JSON array whose first element is an object */
	KL_SSH,		/* an OpenSSH (or RFC 4716) public key */
	KL_MARKUP,	/* HTML or XML */
	KL_TEXT_DER	/* base64, base64url or hex text of a DER key */
};

struct keylook {
	enum keylook_kind kind;
	char what[128];	/* "a JWK or JWKS in UTF-16LE", ... (never a byte
			 * of the input) */
	char how[160];	/* for kind >= KL_REFUSED: how to give it instead */
};

/*
 * Classify d[0..n).  KL_SECRET is the answer only for bytes that are
 * none of the others: a random binary secret, or text that is not a key
 * in any encoding (the text of `openssl rand -hex 32` included).  Copies
 * of the input it decodes are in secret memory and wiped.
 */
void keylook(const unsigned char *d, size_t n, struct keylook *out);

#endif
