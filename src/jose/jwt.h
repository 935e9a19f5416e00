/* jwt.h - the core token module: the only code that knows the compact form */
#ifndef JWTOOL_JWT_H
#define JWTOOL_JWT_H

#include <stddef.h>

#include <cJSON.h>

#include "crypto/crypto.h"
#include "keys/keys.h"

/* A parsed compact JWS.  Everything is owned by the struct. */
struct jwt_header;

/* The registered claims a verification looks at, indexed once. */
enum jwt_claim { JWT_EXP, JWT_NBF, JWT_IAT, JWT_ISS, JWT_SUB, JWT_AUD,
	JWT_JTI, JWT_NCLAIMS };

struct jwt {
	char *text;			/* the token (trimmed copy, in the
					 * same allocation as the struct) */
	size_t len;
	const char *seg[3];		/* the three segments, inside text */
	size_t seglen[3];
	unsigned char *header_raw;	/* decoded segments, NUL-terminated */
	size_t header_len;
	unsigned char *payload_raw;
	size_t payload_len;
	unsigned char *sig;
	size_t sig_len;
	cJSON *header;			/* always a JSON object */
	cJSON *payload;			/* the payload as JSON, or NULL */
	char *payload_why;		/* why the payload is not JSON */
	const char *alg;		/* header "alg" (inside header) */
	const char *kid;		/* header "kid" string, or NULL */
	struct jwt_header *shared;	/* header_raw and header belong to
					 * this header (jwt.c), or NULL */
	int header_as_is, payload_as_is;	/* the decoded JSON prints
					 * as itself (0: no, or not known) */
	const cJSON *claim[JWT_NCLAIMS];	/* in payload (the first of
					 * a name), or NULL */
};

/*
 * Find the token in user input: surrounding whitespace and a pasted
 * "Bearer " or "Authorization: Bearer " prefix are dropped.  Sets *tok and
 * *toklen to the part of in[0..len) that should be the token.
 */
void jwt_unwrap(const char *in, size_t len, const char **tok, size_t *toklen);

/*
 * Strictly parse a compact JWS: exactly three base64url segments, a header
 * that is a JSON object with a string "alg".  The payload need not be JSON.
 * Returns JW_OK with *out (free with jwt_free) or JW_EMALFORMED.
 */
int jwt_parse(const char *text, size_t len, struct jwt **out);
void jwt_free(struct jwt *t);

/*
 * Make a compact JWS of header (a JSON object, printed compactly) over the
 * payload bytes, signed with alg and key; alg NULL makes an unsecured token
 * with an empty signature.  Returns JW_OK with *out (caller frees).
 */
int jwt_encode(const cJSON *header, const unsigned char *payload,
    size_t payload_len, const struct alg *alg, const struct key *key,
    char **out);

/*
 * A header encoded once for signing many payloads with one key: the
 * buffers are kept and reused from one token to the next.
 */
struct jwt_signer {
	const struct alg *alg;	/* NULL: unsecured (empty signature) */
	const struct key *key;
	char *buf;		/* "<header>." then payload and signature */
	size_t hlen;		/* length of "<header>." */
	size_t cap;
};

/* Encode header (a JSON object) into s; release with jwt_signer_free. */
void jwt_signer_init(struct jwt_signer *s, const cJSON *header,
    const struct alg *alg, const struct key *key);
/* A signer of its own with src's header, algorithm and key (threads). */
void jwt_signer_copy(struct jwt_signer *dst, const struct jwt_signer *src);
/*
 * Sign payload[0..len).  *tok (NUL-terminated, *toklen bytes) lives in
 * s and is valid until the next call.  Returns JW_OK or the backend's
 * status with a message.
 */
int jwt_signer_sign(struct jwt_signer *s, const unsigned char *payload,
    size_t len, const char **tok, size_t *toklen);
void jwt_signer_free(struct jwt_signer *s);

/* One --claim condition: member NAME of the payload equals VALUE. */
struct claim_match {
	char *name;
	cJSON *value;
};

/*
 * What verify is told to accept.  The string arrays point at strings the
 * caller keeps alive (argv); the arrays themselves, the claim conditions
 * and expect are owned: release them with jwt_policy_free.
 */
struct jwt_policy {
	const char *const *algs;	/* --alg names, or NULL for any */
	size_t nalgs;
	int allow_weak;			/* --allow-weak-key */
	long long now;			/* the clock */
	long long leeway;		/* seconds of clock skew allowed */
	int jws;			/* payload need not be a JSON object */
	long long max_age;		/* --max-age seconds, if has_max_age */
	int has_max_age;
	const char **iss;		/* --iss: any of these */
	size_t niss;
	const char **aud;		/* --aud: aud holds one of these */
	size_t naud;
	int ignore_aud;			/* --ignore-aud */
	const char *sub;		/* --sub, or NULL */
	const char *typ;		/* --typ, or NULL */
	const char **require;		/* --require: claims that must exist */
	size_t nrequire;
	struct claim_match *claims;	/* --claim */
	size_t nclaims;
	const char *expect_src;		/* --expect FILE (policy_load_expect) */
	cJSON *expect;			/* --expect: a subset of the payload */
};

/* One reason a token is not valid. */
struct finding {
	int status;		/* its exit status (enum jw_status) */
	const char *code;	/* stable code: "expired", "signature", ... */
	const char *claim;	/* claim or header it concerns, or NULL */
	char *message;		/* one line for a person */
	long long by;		/* seconds past a time limit, or 0 */
	int has_by;
	cJSON *expected;	/* what a check wanted, or NULL (owned) */
	cJSON *actual;		/* what the token has, or NULL (owned) */
};

struct verdict {
	const struct key *key;	/* the key that verified, or NULL */
	const struct alg *alg;	/* the algorithm used, or NULL */
	struct finding *f;
	size_t n;
	int status;		/* the status of the first failure in the
				 * documented order, or JW_OK */
	int sig_ok;		/* the signature verified */
	int weak_key;		/* it verified with a secret shorter or an
				 * RSA key smaller than RFC 7518 wants
				 * (--allow-weak-key) */
	const char *shown;	/* batch: the verdict as a --jobs worker
				 * formatted it (batch_fmt), its newline
				 * included, in the worker's output (not
				 * owned), or NULL */
	size_t shown_len;
};

/*
 * Verify the signature of t with a key of ks allowed by policy, then its
 * header, time claims and the claim checks of policy.  Fills v (release
 * with verdict_free), its findings in the documented order, and returns
 * v->status.
 */
int jwt_verify(const struct jwt *t, const struct keyset *ks,
    const struct jwt_policy *policy, struct verdict *v);
void verdict_free(struct verdict *v);
/* Add a finding to v, keeping v->status the first in the documented order. */
void verdict_add(struct verdict *v, int status, const char *code,
    const char *claim, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Order the findings of v by status, keeping the order within each. */
void verdict_sort(struct verdict *v);

/*
 * The verdict as JSON: {"line":..,"valid":..,"alg":..,"kid":..,"errors":
 * [..],"header":..,"payload":..}.  t may be NULL (the token did not
 * parse); "line" (and "file" when FILE is not NULL) only when LINE > 0.
 * Header and payload only when the signature verified: the payload is
 * PAYLOAD when not NULL (taken), else t's JSON payload.  Caller frees.
 */
cJSON *verdict_json(const struct verdict *v, const struct jwt *t,
    cJSON *payload, const char *file, unsigned long line);
/*
 * The compact text of verdict_json for a valid token in --batch (line >
 * 0) whose claims are JSON, written without building the tree; NULL when
 * the verdict is not of that kind.  Free with free.
 */
char *verdict_line(const struct verdict *v, const struct jwt *t,
    const char *file, unsigned long line);

/* Claim NAME as a NumericDate: 1 present and valid, 0 absent, -1 bad. */
int jwt_numeric_date(const cJSON *obj, const char *name, long long *t);
/* The same for the member m itself (NULL: absent). */
int jwt_numeric_date_of(const cJSON *m, long long *t);
/* Fill t->claim from t->payload. */
void jwt_index_claims(struct jwt *t);
/*
 * A zeroed token for text[0..len), which holds exactly two dots, laid out
 * as every parse lays it out: in one allocation (free with jwt_free), the
 * text's copy, its segments, and room for the decoded payload and
 * signature, at payload_raw and sig.
 */
struct jwt *jwt_alloc(const char *text, size_t len);

/*
 * Parse a token the way lenient libraries do, so that inspect can show a
 * token jwt_parse rejects: base64 padding, '+' and '/', non-canonical
 * trailing bits and duplicate member names are accepted, and each is
 * described in issues[0..*nissues) (free with jwt_issues_free).  Anything
 * else jwt_parse rejects is still rejected.  Returns JW_OK with *out, or
 * JW_EMALFORMED without a useful message (report jwt_parse's).
 */
int jwt_parse_lenient(const char *text, size_t len, struct jwt **out,
    char ***issues, size_t *nissues);
void jwt_issues_free(char **issues, size_t n);

#endif
