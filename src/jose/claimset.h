/*
 * claimset.h - the claims and header of a token, from sign's options.
 * Compiled once (signspec_prepare), then applied to each token, so that
 * sign and its batch mode share one code path.
 */
#ifndef JWTOOL_CLAIMSET_H
#define JWTOOL_CLAIMSET_H

#include <stddef.h>

#include <cJSON.h>

#include "keys/keys.h"

/* Where one token's claims and header start from. */
enum claim_base {
	BASE_NEW,	/* a claims object (JSON input, a batch line, or
			 * none): iat defaults to now; the header is made */
	BASE_DECODED,	/* --from-decoded: claims and header kept as given */
	BASE_TOKEN	/* --from-token: kept, with the times moved to now */
};

/*
 * One NAME=VALUE (a string), NAME:=JSON, NAME+=VALUE or NAME+:=JSON (the
 * value appended).  NAME is split into a path at dots; a backslash makes
 * the next character literal ("a\.b" is the one name "a.b").
 */
struct assign {
	const char *arg;	/* as given, for messages */
	char **path;
	size_t depth;		/* number of path segments, >= 1 */
	int append;
	cJSON *value;		/* a template, copied each time it is applied */
};

/*
 * Parse ARG, given to option OPT ("--claim").  Returns JW_OK, or
 * JW_EUSAGE with a message (bad syntax, empty name segment, invalid JSON
 * or UTF-8).  Release with assign_clear.
 */
int assign_parse(const char *opt, const char *arg, struct assign *a);
/*
 * Apply a to the object obj: objects on the path are created or merged
 * into; setting replaces a member in place (keeping its position) or adds
 * it at the end; appending adds to an array, creates a one-element array
 * when the member is absent, and turns a single non-object value v into
 * [v, value].  A path through a non-object, or appending to an object, is
 * JW_EUSAGE with a message naming the member.
 */
int assign_apply(const char *opt, const struct assign *a, cJSON *obj);
void assign_clear(struct assign *a);

struct signspec {
	/*
	 * Set by the command from its options; strings point into argv, the
	 * three arrays are the spec's (signspec_free frees them).
	 */
	const char **claim_args, **header_args, **auds;
	size_t nclaim_args, nheader_args, nauds;
	const char *alg, *iss, *sub, *jti, *exp, *nbf, *iat, *ttl, *now;
	const char *kid, *typ, *cty, *x5c, *x5t;
	int no_iat, no_typ, allow_expired;

	/* Set by signspec_prepare. */
	long long t_now, t_exp, t_nbf, t_iat, t_ttl;
	struct assign *claims, *headers;
	cJSON *x5c_value;	/* the x5c array, or NULL */
	char x5t_s256[48];	/* the x5t#S256 value, or "" */
	int warned;		/* --allow-expired has warned once */
};

/*
 * Check and compile the options: times (against --now, default the
 * clock), assignments, contradictions, certificate files.  Returns JW_OK,
 * or JW_EUSAGE / JW_EMALFORMED / JW_EIO with a message.
 */
int signspec_prepare(struct signspec *s);

/*
 * Complete the claims object c in place, in precedence order: c as given
 * (for BASE_TOKEN with iat, nbf and exp first moved so that iat becomes
 * --iat or now; the offsets are kept), then each --claim, then --iss,
 * --sub, --aud, --exp or --ttl, --nbf, --iat / --no-iat (BASE_NEW alone
 * adds a missing iat), --jti.  Then exp must be after now and after nbf
 * (JW_EUSAGE) unless --allow-expired, which warns once.  Returns JW_OK or
 * a status with a message.
 */
int signspec_claims(struct signspec *s, cJSON *c, enum claim_base base);

/*
 * The header for algorithm ALG ("none" when unsecured) and KEY (NULL when
 * unsecured): BASE (a header to keep, or NULL for a new one: alg, typ JWT,
 * the key's kid), then each --header, then --typ / --no-typ, --kid (auto:
 * the key's RFC 7638 thumbprint), --cty, --x5c, --x5t.  A kept header
 * keeps its members and order, alg replaced in place.  Returns JW_OK with
 * *out, or a status with a message.
 */
int signspec_header(const struct signspec *s, const cJSON *base,
    const char *alg, const struct key *key, cJSON **out);

void signspec_free(struct signspec *s);

#endif
