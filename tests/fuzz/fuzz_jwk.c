/*
 * fuzz_jwk.c - JWK and JWKS loading.  The input is JSON text, loaded as
 * detected, as a JWK and as a JWKS.  Every key that loads must survive a
 * round trip: written back as a JWK (private members included) and loaded
 * again, it has the same type, secret, public key and kid, and the same
 * RFC 7638 thumbprint.  A JWKS that loads also loads as verify loads it
 * (keys_defer_jwks: public RSA and EC keys imported at first use), with
 * the same keys and thumbprints.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/json.h"
#include "keys/jwk.h"
#include "keys/keys.h"
#include "base/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
same_key(const struct key *a, const struct key *b)
{
	if (a->kty != b->kty || a->priv != b->priv ||
	    a->secret_len != b->secret_len ||
	    (a->secret_len && memcmp(a->secret, b->secret, a->secret_len)) ||
	    memcmp(a->pub, b->pub, sizeof(a->pub)) != 0)
		return 0;
	if ((a->kid == NULL) != (b->kid == NULL) ||
	    (a->kid && strcmp(a->kid, b->kid) != 0))
		return 0;
	return 1;
}

static void
round_trip(const struct key *k)
{
	struct keyset *again = NULL;
	char tp1[64], tp2[64], *text;
	cJSON *j;

	if ((j = key_to_jwk(k, 1)) == NULL) {
		jw_clear_error();
		return;
	}
	text = json_print(j, 0);
	if (keys_load_mem((const unsigned char *)text, strlen(text), "again",
	    KF_JWK, &again) != JW_OK || again->n != 1 ||
	    !same_key(k, again->keys[0]))
		abort();
	if (key_thumbprint(k, tp1, sizeof(tp1)) != JW_OK ||
	    key_thumbprint(again->keys[0], tp2, sizeof(tp2)) != JW_OK ||
	    strcmp(tp1, tp2) != 0 || strlen(tp1) != 43)
		abort();
	keyset_free(again);
	sodium_memzero(text, strlen(text));
	free(text);
	jwk_free(j);
}

/* ks, loaded as a JWKS, loaded again with deferred imports. */
static void
deferred(const uint8_t *data, size_t size, const struct keyset *ks)
{
	struct keyset *lazy = NULL;
	char tp1[64], tp2[64];
	size_t i;
	int rc;

	keys_defer_jwks(1);
	rc = keys_load_mem(data, size, "fuzz", KF_JWKS, &lazy);
	keys_defer_jwks(0);
	if (rc != JW_OK || lazy->n != ks->n)
		abort();
	for (i = 0; i < ks->n; i++)
		if (lazy->keys[i]->kty != ks->keys[i]->kty ||
		    lazy->keys[i]->bits != ks->keys[i]->bits ||
		    key_thumbprint(ks->keys[i], tp1, sizeof(tp1)) != JW_OK ||
		    key_thumbprint(lazy->keys[i], tp2, sizeof(tp2)) != JW_OK ||
		    strcmp(tp1, tp2) != 0)
			abort();
	keyset_free(lazy);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum key_format fmts[] = { KF_AUTO, KF_JWK, KF_JWKS };
	struct keyset *ks;
	size_t f, i;

	if (sodium_init() < 0)
		abort();
	for (f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++) {
		ks = NULL;
		if (keys_load_mem(data, size, "fuzz", fmts[f], &ks) == JW_OK) {
			if (ks->n == 0)
				abort();	/* a loaded set is never empty */
			for (i = 0; i < ks->n; i++) {
				key_default_alg(ks->keys[i]);
				key_describe(ks->keys[i]);
				round_trip(ks->keys[i]);
			}
			if (fmts[f] == KF_JWKS)
				deferred(data, size, ks);
			keyset_free(ks);
		} else if (jw_error() == NULL)
			abort();	/* every failure says why */
		jw_clear_error();
	}
	return 0;
}
