/* test_der.c - the strict DER reader of key structures */
#include <string.h>

#include "keys/der.h"
#include "tap.h"

/* openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 */
static const unsigned char p256_pkcs8[] = {
	0x30, 0x81, 0x87, 0x02, 0x01, 0x00, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86,
	0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d,
	0x03, 0x01, 0x07, 0x04, 0x6d, 0x30, 0x6b, 0x02, 0x01, 0x01, 0x04, 0x20,
#define D 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11
	D, D, D, D,
	0xa1, 0x44, 0x03, 0x42, 0x00, 0x04,
#define X 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22
	X, X, X, X,
#define Y 0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33
	Y, Y, Y, Y,
};

/* RSAPublicKey { n = 0x00c3 (sign byte), e = 65537 } */
static const unsigned char rsa_pub[] = {
	0x30, 0x09, 0x02, 0x02, 0x00, 0xc3, 0x02, 0x03, 0x01, 0x00, 0x01,
};

static const struct ossl_member *
get(const struct der_key *k, const char *name)
{
	size_t i;

	for (i = 0; i < k->nm; i++)
		if (strcmp(k->m[i].name, name) == 0)
			return &k->m[i];
	return NULL;
}

int
main(void)
{
	unsigned char buf[256];
	struct der_key k;
	const struct ossl_member *m;

	ok(der_key_parts(p256_pkcs8, sizeof(p256_pkcs8), "PRIVATE KEY", &k) &&
	    k.type == OSSL_T_EC && strcmp(k.crv, "P-256") == 0 && k.nm == 3,
	    "PKCS#8 P-256 key: x, y, d");
	m = get(&k, "d");
	ok(m != NULL && m->n == 32 && m->b[0] == 0x11 && m->b[31] == 0x11,
	    "d is the private octets");
	m = get(&k, "y");
	ok(m != NULL && m->n == 32 && m->b[0] == 0x33, "y follows x");
	ok(der_key_parts(p256_pkcs8, sizeof(p256_pkcs8), NULL, &k) &&
	    k.type == OSSL_T_EC, "bare DER is recognised");
	ok(!der_key_parts(p256_pkcs8, sizeof(p256_pkcs8), "PUBLIC KEY", &k),
	    "a private key is not read as a public one");
	memcpy(buf, p256_pkcs8, sizeof(p256_pkcs8));
	buf[sizeof(p256_pkcs8)] = 0;
	ok(!der_key_parts(buf, sizeof(p256_pkcs8) + 1, NULL, &k),
	    "trailing data: left to the generic decoders");
	ok(!der_key_parts(p256_pkcs8, sizeof(p256_pkcs8) - 1, NULL, &k),
	    "truncated: not read");
	memcpy(buf, p256_pkcs8, sizeof(p256_pkcs8));
	buf[26] = 0x08;	/* last byte of the curve OID: P-256 -> unknown */
	ok(!der_key_parts(buf, sizeof(p256_pkcs8), NULL, &k),
	    "unknown curve: not read");
	memcpy(buf, p256_pkcs8, sizeof(p256_pkcs8));
	buf[72] = 0x02;	/* compressed point */
	ok(!der_key_parts(buf, sizeof(p256_pkcs8), NULL, &k),
	    "compressed point: not read");

	ok(der_key_parts(rsa_pub, sizeof(rsa_pub), "RSA PUBLIC KEY", &k) &&
	    k.type == OSSL_T_RSA && k.nm == 2, "PKCS#1 RSA public key");
	m = get(&k, "n");
	ok(m != NULL && m->n == 1 && m->b[0] == 0xc3, "sign byte dropped");
	m = get(&k, "e");
	ok(m != NULL && m->n == 3 && m->b[0] == 1 && m->b[2] == 1, "e kept");
	memcpy(buf, rsa_pub, sizeof(rsa_pub));
	buf[5] = 0x43;	/* 00 43: a needless sign byte, not DER */
	ok(!der_key_parts(buf, sizeof(rsa_pub), NULL, &k),
	    "non-minimal integer: not read");
	memcpy(buf, rsa_pub, sizeof(rsa_pub));
	buf[4] = 0x80;	/* 80 c3: a negative modulus */
	ok(!der_key_parts(buf, sizeof(rsa_pub), NULL, &k),
	    "negative integer: not read");
	memcpy(buf, rsa_pub, sizeof(rsa_pub));
	buf[1] = 0x81;	/* long form for a short length */
	ok(!der_key_parts(buf, sizeof(rsa_pub), NULL, &k),
	    "non-minimal length: not read");
	return tap_done();
}
