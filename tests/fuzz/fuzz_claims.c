/*
 * fuzz_claims.c - claim validation: the input is "HEADER\nPAYLOAD", signed
 * with a fixed key so that verification reaches the header and claim
 * checks, then verified with a policy taken from the input's length (on
 * some lengths every claim option, with the header as --expect), and the
 * verdict turned into JSON.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/b64url.h"
#include "jose/claims.h"
#include "base/json.h"
#include "jose/jwt.h"
#include "keys/keys.h"
#include "base/util.h"

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
	char *hb, *pb, *tok, *si, *out, req[] = "jti,exp,nbf";
	cJSON *vj;
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
	if (size % 4 == 1 && !p.jws) {
		policy_push(&p.iss, &p.niss, "a");
		policy_push(&p.iss, &p.niss, "https://x");
		policy_push(&p.aud, &p.naud, "api");
		p.sub = "s";
		p.typ = "at+jwt";
		p.has_max_age = 1;
		p.max_age = 3600;
		policy_add_require(&p, req);
		policy_add_claim(&p, "n:=1.0");
		policy_add_claim(&p, "role=admin");
		/* the header as --expect: json_parse wants a NUL after it */
		out = malloc(hl + 1);
		memcpy(out, data, hl);
		out[hl] = '\0';
		if (memchr(out, '\0', hl) != NULL || json_parse(out, hl, "fuzz",
		    &p.expect) != JW_OK || !cJSON_IsObject(p.expect)) {
			cJSON_Delete(p.expect);
			p.expect = NULL;
		}
		free(out);
	} else
		p.ignore_aud = size % 2;
	if (jwt_parse(tok, strlen(tok), &t) == JW_OK) {
		jwt_verify(t, ks, &p, &v);
		vj = verdict_json(&v, t, NULL, "f", 1);
		out = json_print(vj, 0);
		free(out);
		cJSON_Delete(vj);
		verdict_free(&v);
		jwt_free(t);
	}
	jwt_policy_free(&p);
	jw_clear_error();
	keyset_free(ks);
	free(hb);
	free(pb);
	free(si);
	free(tok);
	return 0;
}
