/*
 * test_crypto.c - Wycheproof vectors through jwtool's own algorithm table
 * (../shared/vectors/wycheproof, or $VECTORS/wycheproof).  Every valid case
 * must verify, every invalid one must be rejected; "acceptable" cases are
 * decided by jwtool's policy and listed.  HMAC groups with truncated tags
 * must all be rejected: JWS never truncates a MAC.
 */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "crypto.h"
#include "io.h"
#include "json.h"
#include "keys.h"
#include "tap.h"
#include "util.h"

static char dir[512];

static unsigned char *
unhex(const char *h, size_t *n)
{
	size_t len = strlen(h);
	unsigned char *b = xmalloc(len / 2 + 1);

	if (sodium_hex2bin(b, len / 2 + 1, h, len, NULL, n, NULL) != 0)
		*n = 0;
	return b;
}

static cJSON *
load(const char *file)
{
	char path[1024];
	unsigned char *data;
	size_t len;
	cJSON *j = NULL;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if (io_read(path, "vectors", 0, &data, &len) != JW_OK)
		return NULL;
	if (json_parse((const char *)data, len, file, &j) != JW_OK)
		j = NULL;
	free(data);
	return j;
}

static const char *
str(const cJSON *o, const char *name)
{
	const cJSON *m = json_get(o, name);

	return cJSON_IsString(m) ? m->valuestring : "";
}

static long long
num(const cJSON *o, const char *name)
{
	long long v = 0;

	json_get_int(json_get(o, name), &v);
	return v;
}

/* Run one file: verify(key, test) for each test; count mismatches. */
static void
run_hmac(const char *file, const char *algname)
{
	const struct alg *alg = alg_find(algname);
	cJSON *root = load(file), *g, *t;
	size_t total = 0, wrong = 0, trunc = 0;

	ok(root != NULL && alg != NULL, "%s loads", file);
	if (root == NULL || alg == NULL)
		return;
	cJSON_ArrayForEach(g, json_get(root, "testGroups")) {
		int full = (size_t)num(g, "tagSize") == alg->hlen * 8;

		cJSON_ArrayForEach(t, json_get(g, "tests")) {
			struct key k = { 0 };
			size_t mlen, tlen, klen;
			unsigned char *m = unhex(str(t, "msg"), &mlen);
			unsigned char *tag = unhex(str(t, "tag"), &tlen);
			unsigned char *kb = unhex(str(t, "key"), &klen);
			int got, want = strcmp(str(t, "result"), "valid") == 0;

			k.kty = KTY_OCT;
			k.secret = kb;
			k.secret_len = klen;
			got = alg->verify(alg, &k, m, mlen, tag, tlen) == JW_OK;
			jw_clear_error();
			total++;
			if (!full) {
				trunc++;
				wrong += got;	/* a truncated MAC never passes */
			} else
				wrong += got != want;
			free(m);
			free(tag);
			free(kb);
		}
	}
	ok(total > 0 && wrong == 0, "%s: %zu cases (%zu with truncated tags, "
	    "all rejected), %zu mismatches", file, total, trunc, wrong);
	cJSON_Delete(root);
}

static void
run_ed25519(void)
{
	const struct alg *alg = alg_find("EdDSA");
	cJSON *root = load("ed25519_test.json"), *g, *t;
	size_t total = 0, wrong = 0;

	ok(root != NULL, "ed25519_test.json loads");
	if (root == NULL)
		return;
	cJSON_ArrayForEach(g, json_get(root, "testGroups")) {
		struct key k = { 0 };
		size_t pklen;
		unsigned char *pk = unhex(str(json_get(g, "publicKey"), "pk"),
		    &pklen);

		k.kty = KTY_OKP;
		k.crv = "Ed25519";
		if (pklen == 32)
			memcpy(k.pub, pk, 32);
		free(pk);
		cJSON_ArrayForEach(t, json_get(g, "tests")) {
			size_t mlen, slen;
			unsigned char *m = unhex(str(t, "msg"), &mlen);
			unsigned char *s = unhex(str(t, "sig"), &slen);
			int want = strcmp(str(t, "result"), "valid") == 0;
			int got = alg->verify(alg, &k, m, mlen, s, slen) ==
			    JW_OK;

			jw_clear_error();
			total++;
			wrong += got != want;
			free(m);
			free(s);
		}
	}
	ok(total > 0 && wrong == 0, "ed25519_test.json: %zu cases, %zu "
	    "mismatches", total, wrong);
	cJSON_Delete(root);
}

/* Sign and verify round trip, and the RFC 8037 A.4 signature. */
static void
test_ed25519_rfc8037(void)
{
	struct keyset *ks = NULL;
	static const char jwk[] = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\","
	    "\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\","
	    "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
	static const char si[] = "eyJhbGciOiJFZERTQSJ9."
	    "RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
	static const char want[] = "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIb"
	    "QR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
	unsigned char sig[CRYPTO_MAX_SIG];
	char enc[200];
	size_t n = 0;
	const struct alg *alg = alg_find("EdDSA");

	ok(keys_load_mem((const unsigned char *)jwk, sizeof(jwk) - 1, "jwk",
	    KF_AUTO, &ks) == JW_OK, "RFC 8037 key loads");
	if (ks == NULL)
		return;
	ok(alg->sign(alg, ks->keys[0], (const unsigned char *)si,
	    sizeof(si) - 1, sig, &n) == JW_OK && n == 64, "signs");
	sodium_bin2base64(enc, sizeof(enc), sig, n,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	ok(strcmp(enc, want) == 0, "RFC 8037 A.4 signature reproduced");
	ok(alg->verify(alg, ks->keys[0], (const unsigned char *)si,
	    sizeof(si) - 1, sig, n) == JW_OK, "verifies");
	keyset_free(ks);
}

int
main(void)
{
	const char *v = getenv("VECTORS");

	if (sodium_init() < 0)
		return 1;
	snprintf(dir, sizeof(dir), "%s/wycheproof", v ? v :
	    "../shared/vectors");
	run_hmac("hmac_sha256_test.json", "HS256");
	run_hmac("hmac_sha384_test.json", "HS384");
	run_hmac("hmac_sha512_test.json", "HS512");
	run_ed25519();
	test_ed25519_rfc8037();
	return tap_done();
}
