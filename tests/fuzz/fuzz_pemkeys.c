/*
 * fuzz_pemkeys.c - PEM and DER key loading through the OpenSSL backend:
 * PKCS#8 (plain and encrypted), SPKI, PKCS#1, SEC1, X.509, legacy
 * encrypted PEM.  The input is loaded as PEM, as DER, and as detected with
 * the passphrase "correct horse".  Every key that loads must keep its
 * RFC 7638 thumbprint when written as a JWK and loaded again.
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

static const char pass[] = "correct horse";

static void
round_trip(const struct key *k)
{
	struct keyset *again = NULL;
	char tp1[64], tp2[64], *text;
	cJSON *j;

	key_describe(k);
	key_default_alg(k);
	if (key_thumbprint(k, tp1, sizeof(tp1)) != JW_OK ||
	    (j = key_to_jwk(k, 1)) == NULL) {
		jw_clear_error();
		return;
	}
	text = json_print(j, 0);
	if (keys_load_mem((const unsigned char *)text, strlen(text), "again",
	    KF_JWK, &again) != JW_OK || again->n != 1 ||
	    again->keys[0]->kty != k->kty ||
	    key_thumbprint(again->keys[0], tp2, sizeof(tp2)) != JW_OK ||
	    strcmp(tp1, tp2) != 0)
		abort();
	keyset_free(again);
	sodium_memzero(text, strlen(text));
	free(text);
	jwk_free(j);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum key_format fmts[] = { KF_PEM, KF_DER, KF_AUTO };
	struct keyset *ks;
	size_t f, i;
	int rc;

	if (sodium_init() < 0)
		abort();
	for (f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++) {
		ks = NULL;
		rc = fmts[f] == KF_AUTO ? keys_load_mem_pass(data, size, "fuzz",
		    KF_AUTO, pass, sizeof(pass) - 1, &ks) :
		    keys_load_mem(data, size, "fuzz", fmts[f], &ks);
		if (rc == JW_OK) {
			if (ks->n == 0)
				abort();	/* a loaded set is never empty */
			for (i = 0; i < ks->n; i++)
				round_trip(ks->keys[i]);
			keyset_free(ks);
		} else if (jw_error() == NULL)
			abort();	/* every failure says why */
		jw_clear_error();
	}
	return 0;
}
