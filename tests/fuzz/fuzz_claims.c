/*
 * fuzz_claims.c - claim validation: the input is "HEADER\nPAYLOAD", signed
 * with a fixed key so that verification reaches the header and claim
 * checks, then verified with a policy taken from the input's length.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "b64url.h"
#include "json.h"
#include "jwt.h"
#include "keys.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const unsigned char secret[] = "fuzzing-secret-of-thirty-two-bytes!!";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	struct keyset *ks = NULL;
	struct jwt *t = NULL;
	struct verdict v;
	struct jwt_policy p = { 0 };
	const struct alg *alg;
	char *hb, *pb, *tok, *si;
	unsigned char mac[64];
	size_t hl, pl, n, ml;

	if (sodium_init() < 0)
		abort();
	if (nl == NULL)
		return 0;
	hl = (size_t)(nl - data);
	pl = size - hl - 1;
	hb = b64url_encode(data, hl);
	pb = b64url_encode(nl + 1, pl);
	n = strlen(hb) + strlen(pb) + 2;
	si = malloc(n);
	snprintf(si, n, "%s.%s", hb, pb);
	keys_load_mem(secret, sizeof(secret) - 1, "fuzz", KF_RAW, &ks);
	alg = alg_find("HS256");
	alg->sign(alg, ks->keys[0], (const unsigned char *)si, n - 1, mac,
	    &ml);
	tok = malloc(n + 100);
	snprintf(tok, n + 100, "%s.", si);
	b64url_encode_to(tok + n, mac, ml);
	p.now = 1795867200 + (long long)(size % 7) * 1000000;
	p.leeway = (long long)(size % 3) * 60;
	p.jws = size % 5 == 0;
	if (jwt_parse(tok, strlen(tok), &t) == JW_OK) {
		jwt_verify(t, ks, &p, &v);
		verdict_free(&v);
		jwt_free(t);
	}
	jw_clear_error();
	keyset_free(ks);
	free(hb);
	free(pb);
	free(si);
	free(tok);
	return 0;
}
