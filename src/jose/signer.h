/*
 * signer.h - making tokens: the signing key, one token, or one token per
 * line of NDJSON claims (sign --batch).  The header is built and encoded
 * once; the options are compiled once (claimset.h); buffers are reused.
 */
#ifndef JWTOOL_SIGNER_H
#define JWTOOL_SIGNER_H

#include <stdio.h>

#include <cJSON.h>

#include "jose/claimset.h"
#include "jose/jwt.h"
#include "keys/keys.h"

/*
 * Choose the key of ks to sign with and its algorithm (ALG, or the key's
 * default).  In a set of several keys, the one whose kid is KID, or when
 * KID is NULL or "auto", the kid of the HEADER kept (NULL for none).  A
 * public key, an algorithm that does not fit, a key whose JWK forbids it,
 * or an HMAC secret shorter than the hash without allow_weak is JW_EKEY;
 * an unknown algorithm or "none" is JW_EUSAGE.
 */
int signer_choose_key(const struct keyset *ks, const char *kid,
    const cJSON *header, const char *alg, int allow_weak,
    const struct key **key, const struct alg **algp);

struct signer {
	struct signspec *spec;
	enum claim_base base;
	struct jwt_signer js;
	char *pbuf;		/* the payload of the last token */
	size_t pcap;
	int done;		/* signer_batch read every line */
};

/*
 * Make the header (signspec_header over BASE_HEADER, which may be NULL)
 * and encode it once.  alg NULL (and key NULL) signs unsecured tokens.
 * Returns JW_OK, or a status with a message; release with signer_free in
 * every case.
 */
int signer_init(struct signer *sg, struct signspec *spec,
    const cJSON *base_header, enum claim_base base, const struct alg *alg,
    const struct key *key);
/*
 * Complete the claims object c (signspec_claims) and sign it.  *tok is
 * valid until the next call.  Returns JW_OK or a status with a message.
 */
int signer_sign(struct signer *sg, cJSON *c, const char **tok,
    size_t *toklen);
/*
 * Sign one claims object per line read from FD (NDJSON; NAME is used in
 * messages), writing one token and a newline per line to OUT in order.
 * Blank lines are skipped.  A bad line (not JSON, not an object: 3; a
 * usage-type problem such as an expired exp: 2; longer than the input
 * limit: 8) stops with its line number, unless keep_going: then it is
 * reported on stderr, an empty line stands for its token, and the status
 * is that of the first failure, after every line.  With jobs > 1 (at most
 * BATCH_MAX_JOBS) that many threads sign, and the tokens still come out in
 * input order.
 */
int signer_batch(struct signer *sg, int fd, const char *name, FILE *out,
    int keep_going, int jobs);
void signer_free(struct signer *sg);

/* Read a JSON object of claims from SRC (a path, "-" or env:NAME). */
int claims_read(const char *src, cJSON **out);
/* Claims piped to stdin when no CLAIMS file is named: blank input is none. */
int claims_read_piped(cJSON **out);
/*
 * Read decode's JSON {"header": {...}, "payload": {...}} from SRC; header
 * may be absent (*header NULL then).  Caller frees both.  Returns JW_OK,
 * JW_EMALFORMED or JW_EIO with a message.
 */
int decoded_read(const char *src, cJSON **header, cJSON **payload);

#endif
