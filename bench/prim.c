/*
 * prim.c - single-core primitive ceilings, in operations per second:
 * HMAC-SHA256 (libsodium, one shot over LEN bytes), Ed25519 sign/verify
 * (libsodium), RSA-2048 and P-256 sign/verify (OpenSSL, SHA-256).
 * usage: prim [LEN [NAME]]   (LEN: size of the signed input, default 120;
 * NAME: only that primitive, e.g. p256-sign, as bench/bulk.sh runs two
 * at once to find what two cores give)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/ec.h>
#include <sodium.h>

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The primitive named by the second argument, or all of them. */
static const char *only;

#define WANTED(name) (only == NULL || strcmp(only, (name)) == 0)

#define RATE(name, n, stmt) do {					\
	double t0;							\
	if (!WANTED(name))						\
		break;							\
	t0 = now();							\
	for (long i_ = 0; i_ < (n); i_++) { stmt; }			\
	printf("%s %.0f\n", name, (n) / (now() - t0));			\
} while (0)

static void
pkey_rates(const char *name, EVP_PKEY *k, const unsigned char *msg,
    size_t len, long n)
{
	unsigned char sig[512];
	size_t siglen = sizeof(sig);
	char label[64];
	EVP_MD_CTX *c = EVP_MD_CTX_new();

	EVP_DigestSignInit(c, NULL, EVP_sha256(), NULL, k);
	EVP_DigestSign(c, sig, &siglen, msg, len);
	snprintf(label, sizeof(label), "%s-sign", name);
	RATE(label, n, {
		size_t l = sizeof(sig);
		EVP_DigestSignInit(c, NULL, EVP_sha256(), NULL, k);
		EVP_DigestSign(c, sig, &l, msg, len);
		siglen = l;	/* ECDSA's DER length varies */
	});
	snprintf(label, sizeof(label), "%s-verify", name);
	RATE(label, n * 4, {
		EVP_DigestVerifyInit(c, NULL, EVP_sha256(), NULL, k);
		if (EVP_DigestVerify(c, sig, siglen, msg, len) != 1)
			abort();
	});
	EVP_MD_CTX_free(c);
}

int
main(int argc, char **argv)
{
	size_t len = argc > 1 ? (size_t)atol(argv[1]) : 120;
	int want_rsa, want_ec;
	unsigned char *msg = calloc(1, len), key[32], mac[32], sig[64];
	unsigned char pk[32], sk[64];
	EVP_PKEY *rsa, *ec;

	if (sodium_init() < 0)
		return 1;
	only = argc > 2 ? argv[2] : NULL;
	want_rsa = WANTED("rsa2048-sign") || WANTED("rsa2048-verify");
	want_ec = WANTED("p256-sign") || WANTED("p256-verify");
	randombytes_buf(key, sizeof(key));
	RATE("hmac-sha256", 2000000L,
	    crypto_auth_hmacsha256_state st;
	    crypto_auth_hmacsha256_init(&st, key, sizeof(key));
	    crypto_auth_hmacsha256_update(&st, msg, len);
	    crypto_auth_hmacsha256_final(&st, mac));
	crypto_sign_keypair(pk, sk);
	crypto_sign_detached(sig, NULL, msg, len, sk);	/* for verify alone */
	RATE("ed25519-sign", 40000L,
	    crypto_sign_detached(sig, NULL, msg, len, sk));
	RATE("ed25519-verify", 20000L,
	    if (crypto_sign_verify_detached(sig, msg, len, pk)) abort());
	if (want_rsa) {
		rsa = EVP_RSA_gen(2048);
		pkey_rates("rsa2048", rsa, msg, len, 3000L);
		EVP_PKEY_free(rsa);
	}
	if (want_ec) {
		ec = EVP_EC_gen("P-256");
		pkey_rates("p256", ec, msg, len, 20000L);
		EVP_PKEY_free(ec);
	}
	free(msg);
	return 0;
}
