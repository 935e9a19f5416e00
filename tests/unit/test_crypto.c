/*
 * test_crypto.c - Wycheproof vectors through jwtool's own algorithm table
 * (tests/vectors/wycheproof, or $VECTORS/wycheproof).  Every valid case
 * must verify, every invalid one must be rejected; "acceptable" cases are
 * decided by jwtool's policy and listed.  HMAC groups with truncated tags
 * must all be rejected: JWS never truncates a MAC.  The keys are loaded by
 * jwtool's key loader from the groups' JWK, PEM and DER forms, which must
 * agree.  Then the RFC 7515 A.2 to A.4 signatures, and JWK export.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "base/b64url.h"
#include "crypto/crypto.h"
#include "base/io.h"
#include "base/json.h"
#include "keys/jwk.h"
#include "keys/keys.h"
#include "tap.h"
#include "base/util.h"

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

/* The keys of a JSON text (a JWK object of a group); NULL on failure. */
static struct keyset *
jwk_keys(const cJSON *jwk)
{
	struct keyset *ks = NULL;
	char *text;

	if (jwk == NULL)
		return NULL;
	text = json_print(jwk, 0);
	if (keys_load_mem((const unsigned char *)text, strlen(text), "jwk",
	    KF_JWK, &ks) != JW_OK) {
		printf("# key does not load: %s\n", jw_error());
		ks = NULL;
	}
	free(text);
	return ks;
}

/* A group's key from its JWK, or from its PEM when it has no JWK. */
static struct keyset *
key_of_group(const cJSON *g, const char *jwkname)
{
	struct keyset *ks = NULL;
	const char *pem = str(g, "publicKeyPem");

	if (json_get(g, jwkname) != NULL)
		return jwk_keys(json_get(g, jwkname));
	if (keys_load_mem((const unsigned char *)pem, strlen(pem), "pem",
	    KF_PEM, &ks) != JW_OK) {
		printf("# key does not load: %s\n", jw_error());
		return NULL;
	}
	return ks;
}

/* The public JWK of k, key members only, as text (caller frees), or NULL. */
static char *
jwk_text(const struct key *k)
{
	cJSON *j = key_to_jwk(k, 0);
	char *text;

	if (j == NULL)
		return NULL;
	cJSON_DeleteItemFromObjectCaseSensitive(j, "kid");
	cJSON_DeleteItemFromObjectCaseSensitive(j, "alg");
	cJSON_DeleteItemFromObjectCaseSensitive(j, "use");
	text = json_print(j, 0);
	jwk_free(j);
	return text;
}

/*
 * 1 when the key of g in PEM (publicKeyPem), SPKI DER (publicKeyDer) and,
 * for RSA, PKCS#1 DER (publicKeyAsn) loads to the same key as its JWK.
 */
static int
same_key_forms(const cJSON *g, const struct key *k)
{
	static const char *const forms[] = { "publicKeyPem", "publicKeyDer",
	    "publicKeyAsn" };
	char *want = jwk_text(k), *got;
	size_t i, n;
	int same = want != NULL;

	for (i = 0; same && i < sizeof(forms) / sizeof(forms[0]); i++) {
		const char *v = str(g, forms[i]);
		struct keyset *ks = NULL;
		unsigned char *b;

		if (v[0] == '\0')
			continue;
		if (i == 0) {
			b = (unsigned char *)xstrdup(v);
			n = strlen(v);
		} else
			b = unhex(v, &n);
		if (keys_load_mem(b, n, forms[i], i ? KF_DER : KF_PEM, &ks) !=
		    JW_OK) {
			printf("# %s does not load: %s\n", forms[i],
			    jw_error());
			same = 0;
		} else {
			got = jwk_text(ks->keys[0]);
			same = got != NULL && strcmp(got, want) == 0;
			if (!same)
				printf("# %s loads as %s, not %s\n", forms[i],
				    got ? got : "(none)", want);
			free(got);
		}
		keyset_free(ks);
		free(b);
	}
	free(want);
	return same;
}

/* "SHA-256" -> 256 */
static int
sha_bits(const char *sha)
{
	return strncmp(sha, "SHA-", 4) == 0 ? atoi(sha + 4) : 0;
}

/*
 * Run one signature file: each test through alg->verify with the group's
 * key.  prefix is "ES", "RS" or "PS"; the hash of the group completes the
 * name.  Acceptable cases are decided by jwtool and listed.
 */
static void
run_sig(const char *file, const char *prefix, const char *jwkname)
{
	cJSON *root = load(file), *g, *t;
	size_t total = 0, wrong = 0, accept = 0, forms = 0, groups = 0;
	char name[16];

	ok(root != NULL, "%s loads", file);
	if (root == NULL)
		return;
	cJSON_ArrayForEach(g, json_get(root, "testGroups")) {
		struct keyset *ks = key_of_group(g, jwkname);
		const struct alg *alg;
		int bits = sha_bits(str(g, "sha")), jwa = 1;

		snprintf(name, sizeof(name), "%s%d%s", prefix, bits,
		    strcmp(str(g, "publicKey") ? str(json_get(g, "publicKey"),
		    "curve") : "", "secp256k1") == 0 ? "K" : "");
		/* JWA's PSS: MGF1 with the same hash, salt = hash length */
		if (json_get(g, "mgfSha") != NULL)
			jwa = sha_bits(str(g, "mgfSha")) == bits &&
			    num(g, "sLen") == bits / 8;
		groups++;
		if (ks == NULL || (alg = alg_for_key(name, ks->keys[0])) ==
		    NULL) {
			printf("# %s group %zu: no %s key\n", file, groups,
			    name);
			wrong++;
			keyset_free(ks);
			continue;
		}
		forms += !same_key_forms(g, ks->keys[0]);
		cJSON_ArrayForEach(t, json_get(g, "tests")) {
			size_t mlen, slen;
			unsigned char *m = unhex(str(t, "msg"), &mlen);
			unsigned char *sg = unhex(str(t, "sig"), &slen);
			const char *result = str(t, "result");
			int got = alg->verify(alg, ks->keys[0], m, mlen, sg,
			    slen) == JW_OK;

			total++;
			if (strcmp(result, "acceptable") == 0) {
				/* jwtool's decision: strict, so rejected */
				accept++;
				wrong += got;
				printf("# %s tcId %lld acceptable (%s): %s%s%s\n",
				    file, num(t, "tcId"), str(t, "comment"),
				    got ? "accepted" : "rejected",
				    got ? "" : ": ", got ? "" : jw_error());
			} else if (got != (strcmp(result, "valid") == 0 &&
			    jwa)) {
				printf("# %s tcId %lld (%s): %s, expected %s\n",
				    file, num(t, "tcId"), str(t, "comment"),
				    got ? "accepted" : "rejected", result);
				wrong++;
			}
			jw_clear_error();
			free(m);
			free(sg);
		}
		keyset_free(ks);
	}
	ok(total > 0 && wrong == 0 && forms == 0, "%s: %zu cases in %zu "
	    "groups, %zu acceptable (rejected, listed), %zu mismatches, %zu "
	    "groups whose PEM/DER keys differ from the JWK", file, total,
	    groups, accept, wrong, forms);
	cJSON_Delete(root);
}

static void
run_wycheproof_signatures(void)
{
	static const char *const ec[] = { "secp256r1_sha256",
	    "secp384r1_sha384", "secp521r1_sha512", "secp256k1_sha256" };
	static const char *const rsa[] = { "2048_sha256", "2048_sha384",
	    "2048_sha512", "3072_sha256", "3072_sha384", "3072_sha512",
	    "4096_sha256", "4096_sha384", "4096_sha512" };
	static const char *const pss[] = { "2048_sha256_mgf1_32",
	    "2048_sha384_mgf1_48", "3072_sha256_mgf1_32",
	    "4096_sha256_mgf1_32", "4096_sha384_mgf1_48",
	    "4096_sha512_mgf1_64" };
	char file[128];
	size_t i;

	for (i = 0; i < sizeof(ec) / sizeof(ec[0]); i++) {
		snprintf(file, sizeof(file), "ecdsa_%s_p1363_test.json", ec[i]);
		run_sig(file, "ES", "publicKeyJwk");
	}
	for (i = 0; i < sizeof(rsa) / sizeof(rsa[0]); i++) {
		snprintf(file, sizeof(file), "rsa_signature_%s_test.json",
		    rsa[i]);
		run_sig(file, "RS", "keyJwk");
	}
	for (i = 0; i < sizeof(pss) / sizeof(pss[0]); i++) {
		snprintf(file, sizeof(file), "rsa_pss_%s_test.json", pss[i]);
		run_sig(file, "PS", "publicKeyJwk");
	}
}

/* The keys of member key of an RFC vector file ($VECTORS/rfc). */
static cJSON *
rfc_vector(const char *file)
{
	char saved[sizeof(dir)];
	cJSON *j;

	snprintf(saved, sizeof(saved), "%s", dir);
	snprintf(dir + strlen(dir) - strlen("wycheproof"),
	    sizeof(dir) - (strlen(dir) - strlen("wycheproof")), "rfc");
	j = load(file);
	snprintf(dir, sizeof(dir), "%s", saved);
	return j;
}

/*
 * RFC 7515 A.2 (RS256, re-signed byte for byte), A.3 (ES256) and A.4
 * (ES512): the signatures of the tokens verify with the RFC's keys, and
 * fail with one bit flipped.
 */
static void
test_rfc7515(void)
{
	static const char *const files[] = { "rfc7515_A2_RS256.json",
	    "rfc7515_A3_ES256.json", "rfc7515_A4_ES512.json" };
	size_t i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		cJSON *v = rfc_vector(files[i]);
		struct keyset *ks = v ? jwk_keys(json_get(v, "key")) : NULL;
		struct keyset *pub = v ? jwk_keys(json_get(v, "public_key")) :
		    NULL;
		const char *tok = v ? str(v, "token") : "", *dot;
		const struct alg *alg;
		unsigned char *sig = NULL, mine[CRYPTO_MAX_SIG];
		size_t siglen = 0, n = 0, bad;

		ok(ks != NULL && pub != NULL, "%s: keys load", files[i]);
		if (ks == NULL || pub == NULL) {
			keyset_free(ks);
			keyset_free(pub);
			cJSON_Delete(v);
			continue;
		}
		alg = alg_for_key(str(v, "alg"), pub->keys[0]);
		dot = strrchr(tok, '.');
		ok(alg != NULL && dot != NULL && b64url_decode(dot + 1,
		    strlen(dot + 1), 0, &sig, &siglen, &bad) == 0 &&
		    alg->verify(alg, pub->keys[0], (const unsigned char *)tok,
		    (size_t)(dot - tok), sig, siglen) == JW_OK,
		    "%s: %s signature verifies", files[i], str(v, "alg"));
		if (sig != NULL && alg != NULL) {
			sig[siglen / 2] ^= 1;
			ok(alg->verify(alg, pub->keys[0],
			    (const unsigned char *)tok, (size_t)(dot - tok), sig,
			    siglen) == JW_ESIG, "%s: one bit flipped fails",
			    files[i]);
			sig[siglen / 2] ^= 1;
			/* deterministic RS256 re-signs byte for byte; ECDSA
			 * signatures differ but verify */
			ok(alg->sign(alg, ks->keys[0], (const unsigned char *)
			    tok, (size_t)(dot - tok), mine, &n) == JW_OK &&
			    n == siglen && (alg->kty != KTY_RSA ||
			    memcmp(mine, sig, n) == 0) && alg->verify(alg,
			    pub->keys[0], (const unsigned char *)tok,
			    (size_t)(dot - tok), mine, n) == JW_OK,
			    "%s: signing again gives a %s signature", files[i],
			    alg->kty == KTY_RSA ? "byte-identical" : "valid");
		}
		jw_clear_error();
		free(sig);
		keyset_free(ks);
		keyset_free(pub);
		cJSON_Delete(v);
	}
}

/* The JWK of a loaded key, with or without its private members. */
static char *
export(const char *text, int with_private)
{
	struct keyset *ks = NULL;
	cJSON *j;
	char *out = NULL;

	if (keys_load_mem((const unsigned char *)text, strlen(text), "t",
	    KF_AUTO, &ks) != JW_OK) {
		printf("# %s\n", jw_error());
		return NULL;
	}
	if ((j = key_to_jwk(ks->keys[0], with_private)) != NULL) {
		out = json_print(j, 0);
		jwk_free(j);
	}
	keyset_free(ks);
	return out;
}

/* key_to_jwk gives back the RFC's JWKs, member for member. */
static void
test_export(void)
{
	static const char *const files[] = { "rfc7515_A2_RS256.json",
	    "rfc7515_A3_ES256.json", "rfc7515_A4_ES512.json" };
	static const char *const rsa[] = { "kty", "n", "e", "d", "p", "q",
	    "dp", "dq", "qi", NULL };
	static const char *const ec[] = { "kty", "crv", "x", "y", "d", NULL };
	size_t i, j;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		cJSON *v = rfc_vector(files[i]), *key = json_get(v, "key"),
		    *want = cJSON_CreateObject(), *pub;
		const char *const *names = i == 0 ? rsa : ec;
		char *text = json_print(key, 0), *w, *got;

		for (j = 0; names[j] != NULL; j++)
			cJSON_AddItemToObject(want, names[j],
			    cJSON_Duplicate(json_get(key, names[j]), 0));
		w = json_print(want, 0);
		got = export(text, 1);
		ok(got != NULL && strcmp(got, w) == 0, "%s: private JWK "
		    "exported as in the RFC", files[i]);
		if (got != NULL && strcmp(got, w) != 0)
			printf("# got  %s\n# want %s\n", got, w);
		free(got);
		pub = cJSON_Duplicate(want, 1);
		for (j = 0; names[j] != NULL; j++)
			if (j > (size_t)(i == 0 ? 2 : 3))
				cJSON_DeleteItemFromObjectCaseSensitive(pub,
				    names[j]);
		free(w);
		w = json_print(pub, 0);
		got = export(text, 0);
		ok(got != NULL && strcmp(got, w) == 0, "%s: public JWK has no "
		    "private members", files[i]);
		free(got);
		free(w);
		free(text);
		cJSON_Delete(pub);
		cJSON_Delete(want);
		cJSON_Delete(v);
	}
}

int
main(void)
{
	const char *v = getenv("VECTORS");

	if (sodium_init() < 0)
		return 1;
	/* tests/run.sh runs the unit tests from the top of the tree. */
	snprintf(dir, sizeof(dir), "%s/wycheproof", v ? v : "tests/vectors");
	if (access(dir, R_OK | X_OK) != 0) {
		ok(0, "the vectors are in %s (VECTORS names the folder "
		    "that holds wycheproof/ and rfc/)", dir);
		return tap_done();
	}
	run_hmac("hmac_sha256_test.json", "HS256");
	run_hmac("hmac_sha384_test.json", "HS384");
	run_hmac("hmac_sha512_test.json", "HS512");
	run_ed25519();
	run_wycheproof_signatures();
	test_ed25519_rfc8037();
	test_rfc7515();
	test_export();
	return tap_done();
}
