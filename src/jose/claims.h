/*
 * claims.h - the checks verify makes beyond the signature and the time
 * claims: iss, aud, sub, typ, required claims, exact claims, --expect;
 * and building the policy that asks for them.
 */
#ifndef JWTOOL_CLAIMS_H
#define JWTOOL_CLAIMS_H

#include <cJSON.h>

#include "jose/jwt.h"

/*
 * Policy building from option values.  Each returns JW_OK, or JW_EUSAGE
 * (JW_EIO for an unreadable file) with a message.  Strings are kept by
 * pointer: ARG must outlive the policy.
 */
/* Append ARG to the array *v of *n strings (--iss, --aud). */
void policy_push(const char ***v, size_t *n, const char *arg);
/* --require CLAIM[,CLAIM...]: ARG is split in place. */
int policy_add_require(struct jwt_policy *p, char *arg);
/* --claim NAME=STRING or NAME:=JSON. */
int policy_add_claim(struct jwt_policy *p, const char *arg);
/*
 * Load p->expect from p->expect_src (a path, "-" or env:NAME) when it is
 * set: a JSON object.
 */
int policy_load_expect(struct jwt_policy *p);
/*
 * Refuse contradictions: claim options with --jws, --aud with
 * --ignore-aud.
 */
int policy_validate(const struct jwt_policy *p);
/* Release what p owns (not p itself); NULL-safe. */
void jwt_policy_free(struct jwt_policy *p);

/* The --typ check on t's header: findings go to v. */
void claims_check_header(const struct jwt *t, const struct jwt_policy *p,
    struct verdict *v);
/*
 * The claim checks of p on t's payload (a JSON object): iss, aud, sub,
 * --require, --claim, --expect.  Every failure becomes a finding of v.
 */
void claims_check(const struct jwt *t, const struct jwt_policy *p,
    struct verdict *v);

/*
 * 1 when two "typ" values name the same media type (RFC 7515 section
 * 4.1.9): case-insensitive, "application/" implied when there is no '/'.
 */
int typ_equal(const char *a, const char *b);

/*
 * 1 when WANT is a subset of HAVE: every member of an object is in the
 * other object and a subset of its value, every element of an array is
 * a subset of some element of the other array, anything else is equal.
 */
int json_subset(const cJSON *want, const cJSON *have);

#endif
