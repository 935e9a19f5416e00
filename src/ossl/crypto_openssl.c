/*
 * crypto_openssl.c - the OpenSSL backend, built as jwtool-openssl.so and
 * loaded by ossl.c only when an algorithm or key format needs it.  It knows
 * nothing of jwtool's other modules: everything crosses struct ossl_backend.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/ec.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/params.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "crypto/ossl.h"

const struct ossl_backend *jwtool_openssl_backend(void);

/* RSA moduli jwtool handles at all; RFC 7518's 2048 is enforced above. */
#define RSA_MIN_BITS 512
#define RSA_MAX_BITS 16384

static _Thread_local char errbuf[256];

/*
 * OpenSSL's reason strings.  Loading them all is a sixth of an RS256
 * verification and only a failure shows one, so OpenSSL starts without
 * them (see jwtool_openssl_backend) and they are loaded here, once, by the
 * first failure.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
static void
load_reasons(void)
{
	(void)ERR_load_ASN1_strings();
	(void)ERR_load_BN_strings();
	(void)ERR_load_BUF_strings();
	(void)ERR_load_CRYPTO_strings();
	(void)ERR_load_EC_strings();
	(void)ERR_load_ERR_strings();
	(void)ERR_load_EVP_strings();
	(void)ERR_load_OBJ_strings();
	(void)ERR_load_PEM_strings();
	(void)ERR_load_PKCS12_strings();
	(void)ERR_load_RAND_strings();
	(void)ERR_load_RSA_strings();
	(void)ERR_load_X509_strings();
	(void)ERR_load_X509V3_strings();
}
#pragma GCC diagnostic pop

/* Record "what: OpenSSL's reason" and return -1. */
static int
fail(const char *what)
{
	static pthread_once_t reasons = PTHREAD_ONCE_INIT;
	unsigned long e = ERR_peek_last_error();
	const char *r = NULL;

	if (e != 0) {
		(void)pthread_once(&reasons, load_reasons);
		r = ERR_reason_error_string(e);
	}

	if (r != NULL)
		snprintf(errbuf, sizeof(errbuf), "%s: %s", what, r);
	else
		snprintf(errbuf, sizeof(errbuf), "%s", what);
	ERR_clear_error();
	return -1;
}

/* Record a message of our own and return rc. */
static int
say(int rc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
say(int rc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(errbuf, sizeof(errbuf), fmt, ap);
	va_end(ap);
	ERR_clear_error();
	return rc;
}

static const char *
error(void)
{
	return errbuf;
}

static int
hmac(const char *md, const unsigned char *key, size_t keylen,
    const unsigned char *msg, size_t msglen, unsigned char *out,
    size_t *outlen)
{
	EVP_MAC *mac = NULL;
	EVP_MAC_CTX *ctx = NULL;
	OSSL_PARAM params[2];
	int rc = -1;

	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
	    (char *)md, 0);
	params[1] = OSSL_PARAM_construct_end();
	if ((mac = EVP_MAC_fetch(NULL, "HMAC", NULL)) == NULL ||
	    (ctx = EVP_MAC_CTX_new(mac)) == NULL) {
		fail("HMAC unavailable");
		goto out;
	}
	/* An empty key is legal HMAC; OpenSSL wants a non-NULL pointer. */
	if (!EVP_MAC_init(ctx, keylen ? key : (const unsigned char *)"",
	    keylen, params) || !EVP_MAC_update(ctx, msg, msglen) ||
	    !EVP_MAC_final(ctx, out, outlen, 64)) {
		fail("HMAC failed");
		goto out;
	}
	rc = 0;
out:
	EVP_MAC_CTX_free(ctx);
	EVP_MAC_free(mac);
	return rc;
}

/* The curves of JOSE (RFC 7518, RFC 8812) and their OpenSSL names. */
static const struct curve {
	const char *jose, *ossl;
	size_t len;		/* octets of a coordinate or scalar */
} curves[] = {
	{ "P-256", "prime256v1", 32 },
	{ "P-384", "secp384r1", 48 },
	{ "P-521", "secp521r1", 66 },
	{ "secp256k1", "secp256k1", 32 },
};

static const struct curve *
curve_by_jose(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(curves) / sizeof(curves[0]); i++)
		if (strcmp(curves[i].jose, name) == 0)
			return &curves[i];
	return NULL;
}

static const struct curve *
curve_of(const EVP_PKEY *pk)
{
	char name[64];
	size_t i, n;

	if (!EVP_PKEY_get_group_name(pk, name, sizeof(name), &n))
		return NULL;
	for (i = 0; i < sizeof(curves) / sizeof(curves[0]); i++)
		if (strcmp(curves[i].ossl, name) == 0 ||
		    strcmp(curves[i].jose, name) == 0)
			return &curves[i];
	return NULL;
}

static int
has_bn(const EVP_PKEY *pk, const char *param)
{
	BIGNUM *b = NULL;
	int r = EVP_PKEY_get_bn_param(pk, param, &b);

	BN_clear_free(b);
	ERR_clear_error();
	return r;
}

static int
has_octets(const EVP_PKEY *pk, const char *param)
{
	size_t n = 0;
	int r = EVP_PKEY_get_octet_string_param(pk, param, NULL, 0, &n);

	ERR_clear_error();
	return r && n > 0;
}

/*
 * Fill info from pk and check that jwtool can use it: a signing key type,
 * a known curve, a public part.  Returns 0 or OSSL_REJECTED.
 */
static int
describe(EVP_PKEY *pk, struct ossl_keyinfo *info)
{
	const struct curve *c;
	int pub;

	info->bits = (unsigned)EVP_PKEY_get_bits(pk);
	info->crv = NULL;
	if (EVP_PKEY_is_a(pk, "RSA")) {
		info->type = OSSL_T_RSA;
		pub = has_bn(pk, OSSL_PKEY_PARAM_RSA_N) &&
		    has_bn(pk, OSSL_PKEY_PARAM_RSA_E);
		info->priv = has_bn(pk, OSSL_PKEY_PARAM_RSA_D);
		if (pub && info->bits < RSA_MIN_BITS)
			return say(OSSL_REJECTED, "the RSA key is %u bits, "
			    "too small for any use", info->bits);
		if (pub && info->bits > RSA_MAX_BITS)
			return say(OSSL_REJECTED, "the RSA key is %u bits; at "
			    "most %d are supported", info->bits, RSA_MAX_BITS);
	} else if (EVP_PKEY_is_a(pk, "EC")) {
		char name[64] = "";
		size_t n;

		info->type = OSSL_T_EC;
		if ((c = curve_of(pk)) == NULL) {
			if (!EVP_PKEY_get_group_name(pk, name, sizeof(name), &n))
				snprintf(name, sizeof(name), "explicit "
				    "parameters");
			return say(OSSL_REJECTED, "unsupported EC curve '%s' "
			    "(supported: P-256, P-384, P-521, secp256k1)",
			    name);
		}
		info->crv = c->jose;
		pub = has_octets(pk, OSSL_PKEY_PARAM_PUB_KEY);
		info->priv = has_bn(pk, OSSL_PKEY_PARAM_PRIV_KEY);
	} else if (EVP_PKEY_is_a(pk, "ED25519") || EVP_PKEY_is_a(pk, "ED448")) {
		int ed448 = EVP_PKEY_is_a(pk, "ED448");

		info->type = ed448 ? OSSL_T_ED448 : OSSL_T_ED25519;
		info->crv = ed448 ? "Ed448" : "Ed25519";
		pub = has_octets(pk, OSSL_PKEY_PARAM_PUB_KEY);
		info->priv = has_octets(pk, OSSL_PKEY_PARAM_PRIV_KEY);
	} else if (EVP_PKEY_is_a(pk, "X25519") || EVP_PKEY_is_a(pk, "X448")) {
		return say(OSSL_REJECTED, "%s keys are for key agreement, not "
		    "signatures", EVP_PKEY_get0_type_name(pk));
	} else if (EVP_PKEY_is_a(pk, "RSA-PSS")) {
		return say(OSSL_REJECTED, "RSA-PSS keys (restricted to PSS by "
		    "their parameters) are not supported; use a plain RSA key "
		    "for PS256, PS384 and PS512");
	} else {
		const char *t = EVP_PKEY_get0_type_name(pk);

		return say(OSSL_REJECTED, "unsupported key type '%s'",
		    t != NULL ? t : "unknown");
	}
	if (!pub)
		return say(OSSL_REJECTED, "the key has no public part (EC "
		    "parameters alone?)");
	return 0;
}

/*
 * Check a key's consistency: EC points on their curve, private parts that
 * match public ones.  RSA keys get cheap sanity checks here; a private RSA
 * key is checked by signing (see selftest).  Returns 0 or OSSL_REJECTED.
 */
static int
check(EVP_PKEY *pk, const struct ossl_keyinfo *info, const char *what)
{
	EVP_PKEY_CTX *ctx;
	int ok = 1;

	if (info->type == OSSL_T_RSA)
		return 0;
	if ((ctx = EVP_PKEY_CTX_new_from_pkey(NULL, pk, NULL)) == NULL)
		return fail("cannot check the key");
	if (info->type == OSSL_T_EC && EVP_PKEY_public_check_quick(ctx) != 1) {
		say(OSSL_REJECTED, "%s: the public point is not a valid %s "
		    "point", what, info->crv);
		ok = 0;
	} else if (info->priv && EVP_PKEY_pairwise_check(ctx) != 1) {
		say(OSSL_REJECTED, "%s: the private key does not match the "
		    "public key", what);
		ok = 0;
	}
	EVP_PKEY_CTX_free(ctx);
	ERR_clear_error();
	return ok ? 0 : OSSL_REJECTED;
}

struct passctx {
	const char *pass;
	size_t len;
	int asked;
};

/* The only passphrase source: the one given, never a prompt. */
static int
pass_cb(char *buf, int size, int rwflag, void *u)
{
	struct passctx *pc = u;

	(void)rwflag;
	pc->asked = 1;
	if (pc->pass == NULL || size < 0 || pc->len > (size_t)size)
		return -1;
	memcpy(buf, pc->pass, pc->len);
	return (int)pc->len;
}

static int
no_pass_cb(char *buf, int size, int rwflag, void *u)
{
	(void)buf;
	(void)size;
	(void)rwflag;
	(void)u;
	return -1;
}

/* Decode a key structure of keytype (NULL: any); 1 decoded, 0 not. */
static int
decode_as(const unsigned char *data, size_t len, const char *input,
    const char *keytype, struct passctx *pc, EVP_PKEY **pk)
{
	OSSL_DECODER_CTX *dc;
	const unsigned char *p = data;
	size_t left = len;
	int ok;

	*pk = NULL;
	dc = OSSL_DECODER_CTX_new_for_pkey(pk, input, NULL, keytype, 0, NULL,
	    NULL);
	if (dc == NULL)
		return 0;
	ok = OSSL_DECODER_CTX_set_pem_password_cb(dc, pass_cb, pc) &&
	    OSSL_DECODER_from_data(dc, &p, &left) && *pk != NULL;
	OSSL_DECODER_CTX_free(dc);
	/* DER must be one structure, nothing after it */
	if (ok && strcmp(input, "DER") == 0 && left != 0)
		ok = 0;
	if (!ok) {
		EVP_PKEY_free(*pk);
		*pk = NULL;
	}
	return ok;
}

/*
 * The backend starts OpenSSL without its table of legacy cipher names
 * (see jwtool_openssl_backend), which a legacy encrypted PEM key's
 * DEK-Info header is looked up in: those ciphers are named when such a
 * key comes.
 */
static void
pem_ciphers(const unsigned char *data, size_t len)
{
	static int done;

	if (done || memmem(data, len, "DEK-Info:", 9) == NULL)
		return;
	done = 1;
	EVP_add_cipher(EVP_aes_128_cbc());
	EVP_add_cipher(EVP_aes_192_cbc());
	EVP_add_cipher(EVP_aes_256_cbc());
	EVP_add_cipher(EVP_des_ede3_cbc());
	EVP_add_cipher(EVP_camellia_128_cbc());
	EVP_add_cipher(EVP_camellia_192_cbc());
	EVP_add_cipher(EVP_camellia_256_cbc());
	EVP_add_cipher(EVP_aria_128_cbc());
	EVP_add_cipher(EVP_aria_192_cbc());
	EVP_add_cipher(EVP_aria_256_cbc());
}

static int
decode_key(const unsigned char *data, size_t len, const char *input,
    struct passctx *pc, EVP_PKEY **pk)
{
	EVP_PKEY *rsa;

	pem_ciphers(data, len);
	if (!decode_as(data, len, input, NULL, pc, pk))
		return 0;
	/*
	 * A PKCS#1 RSAPublicKey in DER, SEQUENCE { n, e }, is also a valid
	 * DHparameter SEQUENCE { p, g }: what is not a signing key is tried
	 * as RSA before it is refused.
	 */
	if (!EVP_PKEY_is_a(*pk, "DH") && !EVP_PKEY_is_a(*pk, "DHX") &&
	    !EVP_PKEY_is_a(*pk, "DSA"))
		return 1;
	if (decode_as(data, len, input, "RSA", pc, &rsa)) {
		EVP_PKEY_free(*pk);
		*pk = rsa;
	}
	ERR_clear_error();
	return 1;
}

static EVP_PKEY *
cert_key(const unsigned char *data, size_t len, int pem)
{
	X509 *x = NULL;
	EVP_PKEY *pk = NULL;

	if (pem) {
		BIO *bio = BIO_new_mem_buf(data, (int)len);

		if (bio != NULL)
			x = PEM_read_bio_X509(bio, NULL, no_pass_cb, NULL);
		BIO_free(bio);
	} else {
		const unsigned char *p = data;

		x = d2i_X509(NULL, &p, (long)len);
		if (x != NULL && p != data + len) {
			X509_free(x);
			x = NULL;
		}
	}
	if (x != NULL)
		pk = X509_get_pubkey(x);
	X509_free(x);
	return pk;
}

static int rsa_key_sane(EVP_PKEY *pk, const struct ossl_keyinfo *info);
static int selftest(EVP_PKEY *pk, const struct ossl_keyinfo *info, int crt,
    int jwk);

static int
load(const unsigned char *data, size_t len, int input, const char *pass,
    size_t passlen, void **pkey, struct ossl_keyinfo *info)
{
	struct passctx pc = { pass, passlen, 0 };
	EVP_PKEY *pk = NULL;
	int rc;

	memset(info, 0, sizeof(*info));
	*pkey = NULL;
	if (len > 0x7fffffff)
		return say(-1, "the key is too large");
	if (input == OSSL_IN_PEM_CERT) {
		if ((pk = cert_key(data, len, 1)) == NULL)
			return fail("not a valid X.509 certificate");
		info->cert = 1;
	} else if (!decode_key(data, len, input == OSSL_IN_PEM ? "PEM" :
	    "DER", &pc, &pk)) {
		if (pc.asked && pass == NULL)
			return say(OSSL_NEEDPASS, "the key is encrypted");
		if (pc.asked)
			return say(OSSL_BADPASS, "cannot decrypt the key");
		if (input == OSSL_IN_DER && (pk = cert_key(data, len, 0)))
			info->cert = 1;
		else
			return fail(input == OSSL_IN_PEM ? "not a valid PEM key" :
			    "not a key or certificate OpenSSL can decode");
	}
	ERR_clear_error();
	if ((rc = describe(pk, info)) != 0 ||
	    (rc = check(pk, info, "the key")) != 0 ||
	    (info->type == OSSL_T_RSA && info->priv &&
	    (rc = rsa_key_sane(pk, info)) != 0)) {
		EVP_PKEY_free(pk);
		return rc;
	}
	*pkey = pk;
	return 0;
}

static const struct ossl_member *
member(const struct ossl_member *m, size_t nm, const char *name)
{
	size_t i;

	for (i = 0; i < nm; i++)
		if (strcmp(m[i].name, name) == 0)
			return &m[i];
	return NULL;
}

/* RSA JWK members and the OpenSSL parameters they become. */
static const struct { const char *jwk, *param; } rsa_params[] = {
	{ "n", OSSL_PKEY_PARAM_RSA_N },
	{ "e", OSSL_PKEY_PARAM_RSA_E },
	{ "d", OSSL_PKEY_PARAM_RSA_D },
	{ "p", OSSL_PKEY_PARAM_RSA_FACTOR1 },
	{ "q", OSSL_PKEY_PARAM_RSA_FACTOR2 },
	{ "dp", OSSL_PKEY_PARAM_RSA_EXPONENT1 },
	{ "dq", OSSL_PKEY_PARAM_RSA_EXPONENT2 },
	{ "qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1 },
};

static BIGNUM *
member_bn(const struct ossl_member *m, size_t nm, const char *name)
{
	const struct ossl_member *v = member(m, nm, name);

	return v != NULL ? BN_bin2bn(v->b, (int)v->n, NULL) : NULL;
}

/*
 * Cheap RSA consistency, no primality tests: n and e odd, 1 < e < n,
 * 0 < d < n, and with the CRT members n = p q, dp = d mod (p - 1),
 * dq = d mod (q - 1), qi q = 1 mod p, e dp = 1 mod (p - 1) and
 * e dq = 1 mod (q - 1).  v holds n, e, d, p, q, dp, dq, qi (NULL when
 * absent); jwk says whether they came from a JWK's members or from a
 * decoded key, for the message.  Returns 0 or OSSL_REJECTED.
 */
static int
rsa_sane(BIGNUM *const *v, int jwk)
{
	BIGNUM *t = BN_new(), *u = BN_new();
	BN_CTX *bc = BN_CTX_new();
	const char *bad = NULL;
	int mismatch = 0;

	if (t == NULL || u == NULL || bc == NULL || v[0] == NULL ||
	    v[1] == NULL)
		bad = "out of memory";
	else if (!BN_is_odd(v[0]))
		bad = "'n' is even";
	else if (!BN_is_odd(v[1]) || BN_is_one(v[1]) || BN_cmp(v[1], v[0]) >= 0)
		bad = "'e' is not an odd number between 1 and 'n'";
	else if (v[2] != NULL && (BN_is_zero(v[2]) || BN_cmp(v[2], v[0]) >= 0))
		bad = "'d' is not between 0 and 'n'";
	else if (v[3] != NULL && (v[4] == NULL || v[5] == NULL ||
	    v[6] == NULL || v[7] == NULL || v[2] == NULL))
		bad = "incomplete CRT members";
	else if (v[3] != NULL) {
		if (!BN_mul(t, v[3], v[4], bc) || BN_cmp(t, v[0]) != 0)
			bad = "'p' times 'q' is not 'n'";
		else if (!BN_sub(u, v[3], BN_value_one()) ||
		    !BN_mod(t, v[2], u, bc) || BN_cmp(t, v[5]) != 0)
			bad = "'dp' is not 'd' mod 'p' - 1";
		else if (!BN_sub(u, v[4], BN_value_one()) ||
		    !BN_mod(t, v[2], u, bc) || BN_cmp(t, v[6]) != 0)
			bad = "'dq' is not 'd' mod 'q' - 1";
		else if (!BN_mod_mul(t, v[7], v[4], v[3], bc) || !BN_is_one(t))
			bad = "'qi' is not the inverse of 'q' mod 'p'";
		/*
		 * e dp = 1 mod (p - 1) and e dq = 1 mod (q - 1): with the
		 * checks above, d inverts e, so signatures verify (what
		 * selftest proves at the cost of a signature).
		 */
		else if (!BN_sub(u, v[3], BN_value_one()) ||
		    !BN_mod_mul(t, v[1], v[5], u, bc) || !BN_is_one(t) ||
		    !BN_sub(u, v[4], BN_value_one()) ||
		    !BN_mod_mul(t, v[1], v[6], u, bc) || !BN_is_one(t))
			mismatch = 1;
	}
	BN_clear_free(t);
	BN_clear_free(u);
	BN_CTX_free(bc);
	if (mismatch)
		return say(OSSL_REJECTED, jwk ? "the RSA JWK's private members "
		    "do not match 'n' and 'e'" : "the RSA private key does not "
		    "match its 'n' and 'e'");
	if (bad != NULL)
		return say(OSSL_REJECTED, "the RSA %s is not valid: %s",
		    jwk ? "JWK" : "private key", bad);
	return 0;
}

/* rsa_sane for JWK members. */
static int
rsa_members_sane(const struct ossl_member *m, size_t nm, int jwk)
{
	BIGNUM *v[8];
	size_t i;
	int rc;

	for (i = 0; i < 8; i++)
		v[i] = member_bn(m, nm, rsa_params[i].jwk);
	rc = rsa_sane(v, jwk);
	for (i = 0; i < 8; i++)
		BN_clear_free(v[i]);
	return rc;
}

/*
 * rsa_sane for a private key OpenSSL decoded (PEM, DER, encrypted), and
 * without CRT members the self-test.
 */
static int
rsa_key_sane(EVP_PKEY *pk, const struct ossl_keyinfo *info)
{
	BIGNUM *v[8] = { NULL };
	size_t i;
	int rc;

	for (i = 0; i < 8; i++)
		if (!EVP_PKEY_get_bn_param(pk, rsa_params[i].param, &v[i]))
			v[i] = NULL;
	ERR_clear_error();
	if ((rc = rsa_sane(v, 0)) == 0)
		rc = selftest(pk, info, v[3] != NULL, 0);
	for (i = 0; i < 8; i++)
		BN_clear_free(v[i]);
	return rc;
}

static int sign(void *pkey, int scheme, const char *md, int digest,
    const unsigned char *msg, size_t msglen, unsigned char *sig, size_t max,
    size_t *siglen);
static int verify(void *pkey, int scheme, const char *md, int digest,
    const unsigned char *msg, size_t msglen, const unsigned char *sig,
    size_t siglen);

/*
 * A private RSA key without CRT members (rsa_sane checks those) proves
 * itself by a signature its public half checks; jwk as for rsa_sane.
 */
static int
selftest(EVP_PKEY *pk, const struct ossl_keyinfo *info, int crt, int jwk)
{
	static const unsigned char msg[] = "jwtool key check";
	unsigned char sig[RSA_MAX_BITS / 8];
	size_t n;

	if (info->type != OSSL_T_RSA || !info->priv || crt)
		return 0;
	if (sign(pk, OSSL_S_PKCS1, "SHA256", 0, msg, sizeof(msg), sig,
	    sizeof(sig), &n) != 0 ||
	    verify(pk, OSSL_S_PKCS1, "SHA256", 0, msg, sizeof(msg), sig,
	    n) != 0)
		return say(OSSL_REJECTED, jwk ? "the RSA JWK's private members "
		    "do not match 'n' and 'e'" : "the RSA private key does not "
		    "match its 'n' and 'e'");
	return 0;
}

static int
from_jwk(int type, const char *crv, const struct ossl_member *m, size_t nm,
    int jwk, void **pkey, struct ossl_keyinfo *info)
{
	OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
	OSSL_PARAM *params = NULL;
	EVP_PKEY_CTX *ctx = NULL;
	EVP_PKEY *pk = NULL;
	BIGNUM *bn[8] = { NULL };
	unsigned char *point = NULL;
	const struct curve *c = NULL;
	const struct ossl_member *x, *y, *d;
	size_t i, pointlen = 0;
	int rc = -1, priv = member(m, nm, "d") != NULL;
	const char *kt;

	memset(info, 0, sizeof(*info));
	*pkey = NULL;
	if (bld == NULL)
		return fail("out of memory");
	switch (type) {
	case OSSL_T_RSA:
		kt = "RSA";
		if ((rc = rsa_members_sane(m, nm, jwk)) != 0)
			goto out;
		rc = -1;
		for (i = 0; i < sizeof(rsa_params) / sizeof(rsa_params[0]);
		    i++) {
			const struct ossl_member *v = member(m, nm,
			    rsa_params[i].jwk);

			if (v == NULL)
				continue;
			if ((bn[i] = BN_bin2bn(v->b, (int)v->n, NULL)) == NULL ||
			    !OSSL_PARAM_BLD_push_BN(bld, rsa_params[i].param,
			    bn[i]))
				goto oom;
		}
		break;
	case OSSL_T_EC:
		kt = "EC";
		if ((c = curve_by_jose(crv)) == NULL) {
			rc = say(OSSL_REJECTED, "unsupported EC curve '%s'",
			    crv);
			goto out;
		}
		x = member(m, nm, "x");
		y = member(m, nm, "y");
		d = member(m, nm, "d");
		/* the caller checked the lengths; this is the last word */
		if (x == NULL || y == NULL || x->n != c->len ||
		    y->n != c->len || (d != NULL && d->n != c->len)) {
			rc = say(OSSL_REJECTED, "EC JWK coordinates of the "
			    "wrong size for %s", crv);
			goto out;
		}
		pointlen = 1 + 2 * c->len;
		if ((point = OPENSSL_malloc(pointlen)) == NULL)
			goto oom;
		point[0] = 0x04;
		memcpy(point + 1, x->b, c->len);
		memcpy(point + 1 + c->len, y->b, c->len);
		if (!OSSL_PARAM_BLD_push_utf8_string(bld,
		    OSSL_PKEY_PARAM_GROUP_NAME, c->ossl, 0) ||
		    !OSSL_PARAM_BLD_push_octet_string(bld,
		    OSSL_PKEY_PARAM_PUB_KEY, point, pointlen))
			goto oom;
		if (d != NULL && ((bn[0] = BN_bin2bn(d->b, (int)d->n,
		    NULL)) == NULL || !OSSL_PARAM_BLD_push_BN(bld,
		    OSSL_PKEY_PARAM_PRIV_KEY, bn[0])))
			goto oom;
		break;
	case OSSL_T_ED448:
		kt = "ED448";
		x = member(m, nm, "x");
		d = member(m, nm, "d");
		if (x == NULL || x->n != 57 || (d != NULL && d->n != 57)) {
			rc = say(OSSL_REJECTED, "Ed448 JWK members must be "
			    "57 bytes");
			goto out;
		}
		if (!OSSL_PARAM_BLD_push_octet_string(bld,
		    OSSL_PKEY_PARAM_PUB_KEY, x->b, x->n) || (d != NULL &&
		    !OSSL_PARAM_BLD_push_octet_string(bld,
		    OSSL_PKEY_PARAM_PRIV_KEY, d->b, d->n)))
			goto oom;
		break;
	default:
		rc = say(-1, "unsupported key type");
		goto out;
	}
	if ((params = OSSL_PARAM_BLD_to_param(bld)) == NULL)
		goto oom;
	if ((ctx = EVP_PKEY_CTX_new_from_name(NULL, kt, NULL)) == NULL ||
	    EVP_PKEY_fromdata_init(ctx) != 1 ||
	    EVP_PKEY_fromdata(ctx, &pk, priv ? EVP_PKEY_KEYPAIR :
	    EVP_PKEY_PUBLIC_KEY, params) != 1) {
		fail(jwk ? "the JWK is not a valid key" : "not a valid key");
		rc = OSSL_REJECTED;
		goto out;
	}
	if ((rc = describe(pk, info)) != 0 ||
	    (rc = check(pk, info, jwk ? "the JWK" : "the key")) != 0 ||
	    (rc = selftest(pk, info, member(m, nm, "p") != NULL, jwk)) != 0)
		goto out;
	*pkey = pk;
	pk = NULL;
	rc = 0;
	goto out;
oom:
	rc = fail("cannot build the key");
out:
	EVP_PKEY_free(pk);
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	for (i = 0; i < sizeof(bn) / sizeof(bn[0]); i++)
		BN_clear_free(bn[i]);
	OPENSSL_free(point);
	return rc;
}

/* Emit big number param of pk as name, pad bytes long (0: minimal). */
static int
emit_bn(EVP_PKEY *pk, const char *param, const char *name, size_t pad,
    ossl_emit_fn emit, void *ctx)
{
	BIGNUM *b = NULL;
	unsigned char buf[RSA_MAX_BITS / 8];
	int n;

	if (!EVP_PKEY_get_bn_param(pk, param, &b)) {
		ERR_clear_error();
		return 0;	/* absent: RSA without CRT members */
	}
	n = pad ? BN_bn2binpad(b, buf, (int)pad) : BN_bn2bin(b, buf);
	BN_clear_free(b);
	if (n < 0 || (size_t)n > sizeof(buf))
		return fail("cannot export the key");
	if (n == 0)	/* zero is one octet, RFC 7518 section 2 */
		buf[n++] = 0;
	emit(ctx, name, buf, (size_t)n);
	OPENSSL_cleanse(buf, sizeof(buf));
	return 1;
}

static int
emit_octets(EVP_PKEY *pk, const char *param, const char *name,
    ossl_emit_fn emit, void *ctx)
{
	unsigned char buf[128];
	size_t n;

	if (!EVP_PKEY_get_octet_string_param(pk, param, buf, sizeof(buf), &n))
		return fail("cannot export the key");
	emit(ctx, name, buf, n);
	OPENSSL_cleanse(buf, sizeof(buf));
	return 1;
}

static int
export_jwk(void *pkey, int with_private, ossl_emit_fn emit, void *ctx)
{
	EVP_PKEY *pk = pkey;
	struct ossl_keyinfo info;
	const struct curve *c;
	size_t i;

	if (describe(pk, &info) != 0)
		return -1;
	with_private = with_private && info.priv;
	switch (info.type) {
	case OSSL_T_RSA:
		for (i = 0; i < sizeof(rsa_params) / sizeof(rsa_params[0]);
		    i++) {
			if (i >= 2 && !with_private)
				break;
			if (emit_bn(pk, rsa_params[i].param, rsa_params[i].jwk,
			    0, emit, ctx) < 0)
				return -1;
		}
		return 0;
	case OSSL_T_EC:
		c = curve_of(pk);
		if (emit_bn(pk, OSSL_PKEY_PARAM_EC_PUB_X, "x", c->len, emit,
		    ctx) != 1 || emit_bn(pk, OSSL_PKEY_PARAM_EC_PUB_Y, "y",
		    c->len, emit, ctx) != 1 || (with_private &&
		    emit_bn(pk, OSSL_PKEY_PARAM_PRIV_KEY, "d", c->len, emit,
		    ctx) != 1))
			return fail("cannot export the EC key");
		return 0;
	default:
		if (emit_octets(pk, OSSL_PKEY_PARAM_PUB_KEY, "x", emit,
		    ctx) < 0 || (with_private && emit_octets(pk,
		    OSSL_PKEY_PARAM_PRIV_KEY, "d", emit, ctx) < 0))
			return -1;
		return 0;
	}
}

/* Whether scheme fits the key's type; 0 or -1 with a message. */
static int
fits(EVP_PKEY *pk, int scheme)
{
	int ok;

	switch (scheme) {
	case OSSL_S_PKCS1:
	case OSSL_S_PSS:
		ok = EVP_PKEY_is_a(pk, "RSA");
		break;
	case OSSL_S_ECDSA:
		ok = EVP_PKEY_is_a(pk, "EC") && curve_of(pk) != NULL;
		break;
	case OSSL_S_EDDSA:
		ok = EVP_PKEY_is_a(pk, "ED25519") || EVP_PKEY_is_a(pk, "ED448");
		break;
	default:
		ok = 0;
	}
	return ok ? 0 : say(-1, "the %s key cannot make this kind of "
	    "signature", EVP_PKEY_get0_type_name(pk));
}

/* The RSA padding of scheme on pc; 1 done (or not RSA), 0 failed. */
static int
rsa_padding(EVP_PKEY_CTX *pc, int scheme, const char *md)
{
	if (scheme == OSSL_S_PKCS1)
		return EVP_PKEY_CTX_set_rsa_padding(pc, RSA_PKCS1_PADDING) > 0;
	/* RFC 7518 3.5: MGF1 with the same hash, salt as long as the hash */
	if (scheme == OSSL_S_PSS)
		return EVP_PKEY_CTX_set_rsa_padding(pc,
		    RSA_PKCS1_PSS_PADDING) > 0 &&
		    EVP_PKEY_CTX_set_rsa_mgf1_md_name(pc, md, NULL) > 0 &&
		    EVP_PKEY_CTX_set_rsa_pss_saltlen(pc,
		    RSA_PSS_SALTLEN_DIGEST) > 0;
	return 1;
}

/* A digest context for pk and scheme, padding set; NULL on failure. */
static EVP_MD_CTX *
start(EVP_PKEY *pk, int scheme, const char *md, int signing)
{
	EVP_MD_CTX *mc = EVP_MD_CTX_new();
	EVP_PKEY_CTX *pc = NULL;
	int ok;

	if (mc == NULL)
		return NULL;
	if (scheme == OSSL_S_EDDSA)
		md = NULL;
	ok = signing ? EVP_DigestSignInit_ex(mc, &pc, md, NULL, NULL, pk,
	    NULL) : EVP_DigestVerifyInit_ex(mc, &pc, md, NULL, NULL, pk, NULL);
	if (ok)
		ok = rsa_padding(pc, scheme, md);
	if (!ok) {
		EVP_MD_CTX_free(mc);
		return NULL;
	}
	return mc;
}

/*
 * Per-thread prepared contexts.  Signing or verifying a digest jwtool
 * made needs an EVP_PKEY_CTX set up for the key, scheme and hash; making
 * one fetches the signature method under OpenSSL's store lock, which kept
 * --jobs from scaling, and costs more than an RSA verification's own
 * work.  Each thread keeps the last context it made and uses it again
 * while key, scheme, hash and direction stay the same.  The context holds
 * a reference to the key, so a key freed meanwhile cannot come back at
 * the same address.  Threads free theirs as they end, the main thread at
 * exit (before OpenSSL's own clean-up, registered earlier).
 */
struct prep {
	EVP_PKEY *pk;
	int scheme, signing;
	char md[16];
	EVP_PKEY_CTX *pc;
	const struct curve *crv;	/* ECDSA: the key's curve */
	unsigned char order[66];	/* ECDSA: its order, crv->len bytes */
};

static pthread_key_t prep_key;
static pthread_once_t prep_once = PTHREAD_ONCE_INIT;
static int prep_ok;

static void
prep_free(void *v)
{
	struct prep *p = v;

	if (p != NULL) {
		EVP_PKEY_CTX_free(p->pc);
		free(p);
	}
}

static void
prep_exit(void)
{
	prep_free(pthread_getspecific(prep_key));
	(void)pthread_setspecific(prep_key, NULL);
}

static void
prep_init(void)
{
	prep_ok = pthread_key_create(&prep_key, prep_free) == 0 &&
	    atexit(prep_exit) == 0;
}

/* Forget this thread's context (a failed operation, a freed key). */
static void
prep_drop(const EVP_PKEY *pk)
{
	struct prep *p;

	if (prep_ok && (p = pthread_getspecific(prep_key)) != NULL &&
	    (pk == NULL || p->pk == pk)) {
		EVP_PKEY_CTX_free(p->pc);
		p->pc = NULL;
		p->pk = NULL;
	}
}

/* The order of pk's curve c, big-endian in c->len bytes. */
static int
curve_order(EVP_PKEY *pk, const struct curve *c, unsigned char *out)
{
	BIGNUM *order = NULL;
	int ok = EVP_PKEY_get_bn_param(pk, OSSL_PKEY_PARAM_EC_ORDER, &order) &&
	    BN_bn2binpad(order, out, (int)c->len) >= 0;

	BN_free(order);
	return ok;
}

/*
 * This thread's context for pk, scheme, md (msg is md's digest) and
 * direction, made when it has none for them; NULL on failure, with the
 * message set.
 */
static struct prep *
prepared(EVP_PKEY *pk, int scheme, const char *md, int signing)
{
	struct prep *p;
	EVP_PKEY_CTX *pc;
	int ok;

	(void)pthread_once(&prep_once, prep_init);
	if (!prep_ok) {
		say(-1, "cannot keep a signing context");
		return NULL;
	}
	if ((p = pthread_getspecific(prep_key)) == NULL) {
		if ((p = calloc(1, sizeof(*p))) == NULL ||
		    pthread_setspecific(prep_key, p) != 0) {
			free(p);
			say(-1, "out of memory");
			return NULL;
		}
	}
	if (p->pc != NULL && p->pk == pk && p->scheme == scheme &&
	    p->signing == signing && strcmp(p->md, md) == 0)
		return p;
	prep_drop(NULL);
	if (fits(pk, scheme) != 0 || strlen(md) >= sizeof(p->md))
		return NULL;
	if (scheme == OSSL_S_ECDSA && ((p->crv = curve_of(pk)) == NULL ||
	    !curve_order(pk, p->crv, p->order))) {
		fail("cannot read the curve");
		return NULL;
	}
	if ((pc = EVP_PKEY_CTX_new_from_pkey(NULL, pk, NULL)) == NULL) {
		fail(signing ? "cannot start signing" :
		    "cannot start verifying");
		return NULL;
	}
	ok = (signing ? EVP_PKEY_sign_init(pc) : EVP_PKEY_verify_init(pc)) == 1;
	if (ok && scheme != OSSL_S_ECDSA) {
		OSSL_PARAM dp[2];

		dp[0] = OSSL_PARAM_construct_utf8_string(
		    OSSL_SIGNATURE_PARAM_DIGEST, (char *)md, 0);
		dp[1] = OSSL_PARAM_construct_end();
		ok = EVP_PKEY_CTX_set_params(pc, dp) == 1 &&
		    rsa_padding(pc, scheme, md);
	}
	if (!ok) {
		fail(signing ? "cannot start signing" :
		    "cannot start verifying");
		EVP_PKEY_CTX_free(pc);
		return NULL;
	}
	p->pk = pk;
	p->scheme = scheme;
	p->signing = signing;
	memcpy(p->md, md, strlen(md) + 1);
	p->pc = pc;
	return p;
}

/* Raw R || S (2 * half bytes) from a DER ECDSA-Sig-Value. */
static int
ecdsa_raw(const unsigned char *der, size_t n, size_t half, unsigned char *sig)
{
	const unsigned char *p = der;
	ECDSA_SIG *es;
	int ok;

	ok = (es = d2i_ECDSA_SIG(NULL, &p, (long)n)) != NULL &&
	    BN_bn2binpad(ECDSA_SIG_get0_r(es), sig, (int)half) >= 0 &&
	    BN_bn2binpad(ECDSA_SIG_get0_s(es), sig + half, (int)half) >= 0;
	ECDSA_SIG_free(es);
	return ok;
}

static int
sign(void *pkey, int scheme, const char *md, int digest,
    const unsigned char *msg, size_t msglen, unsigned char *sig, size_t max,
    size_t *siglen)
{
	EVP_PKEY *pk = pkey;
	EVP_MD_CTX *mc = NULL;
	struct prep *p = NULL;
	unsigned char der[160];
	size_t n = sizeof(der), half;
	int rc = -1;

	if (digest) {
		if ((p = prepared(pk, scheme, md, 1)) == NULL)
			return -1;
		if (scheme == OSSL_S_ECDSA)
			goto ecdsa;
		n = max;
		if (EVP_PKEY_sign(p->pc, sig, &n, msg, msglen) != 1) {
			prep_drop(pk);
			return fail("signing failed");
		}
		*siglen = n;
		return 0;
	}
	if (fits(pk, scheme) != 0)
		return -1;
	if ((mc = start(pk, scheme, md, 1)) == NULL) {
		fail("cannot start signing");
		goto out;
	}
	if (scheme != OSSL_S_ECDSA) {
		if (!EVP_DigestSign(mc, NULL, &n, msg, msglen)) {
			fail("signing failed");
			goto out;
		}
		if (n > max) {
			say(-1, "the signature is too large");
			goto out;
		}
		if (!EVP_DigestSign(mc, sig, &n, msg, msglen)) {
			fail("signing failed");
			goto out;
		}
		*siglen = n;
		rc = 0;
		goto out;
	}
ecdsa:
	/* ECDSA: DER from OpenSSL, raw R || S for JWS (RFC 7518 3.4) */
	half = p != NULL ? p->crv->len : curve_of(pk)->len;
	if (2 * half > max || (p != NULL ? EVP_PKEY_sign(p->pc, der, &n, msg,
	    msglen) != 1 : !EVP_DigestSign(mc, der, &n, msg, msglen))) {
		if (p != NULL)
			prep_drop(pk);
		fail("signing failed");
		goto out;
	}
	if (!ecdsa_raw(der, n, half, sig)) {
		fail("cannot convert the ECDSA signature");
		goto out;
	}
	*siglen = 2 * half;
	rc = 0;
out:
	EVP_MD_CTX_free(mc);
	return rc;
}

static int
all_zero(const unsigned char *v, size_t n)
{
	size_t i;

	for (i = 0; i < n && v[i] == 0; i++)
		;
	return i == n;
}

/*
 * Raw R || S to DER, refusing what is not a valid ECDSA signature for
 * curve c of order order: 0 with *der, 1 not valid (message), -1 failure.
 * r and s are compared with the order as fixed-width big-endian bytes.
 */
static int
ecdsa_der(const struct curve *c, const unsigned char *order,
    const unsigned char *sig, size_t siglen, unsigned char **der,
    int *derlen)
{
	size_t half = c->len;
	BIGNUM *r = NULL, *s = NULL;
	ECDSA_SIG *es = NULL;
	int rc = -1, k;

	*der = NULL;
	if (siglen != 2 * half)
		return say(1, "signature is %zu bytes, %s needs %zu",
		    siglen, c->jose, 2 * half);
	/* CVE-2022-21449: r = s = 0 verifies in a careless implementation */
	for (k = 0; k < 2; k++)
		if (all_zero(sig + (size_t)k * half, half))
			return say(1, "ECDSA %s is zero", k ? "s" : "r");
	for (k = 0; k < 2; k++)
		if (memcmp(sig + (size_t)k * half, order, half) >= 0)
			return say(1, "ECDSA %s is not below the curve order",
			    k ? "s" : "r");
	r = BN_bin2bn(sig, (int)half, NULL);
	s = BN_bin2bn(sig + half, (int)half, NULL);
	if (r == NULL || s == NULL || (es = ECDSA_SIG_new()) == NULL ||
	    !ECDSA_SIG_set0(es, r, s)) {
		fail("cannot read the signature");
		goto out;
	}
	r = s = NULL;	/* es owns them */
	if ((*derlen = i2d_ECDSA_SIG(es, der)) <= 0) {
		*der = NULL;
		fail("cannot encode the signature");
		goto out;
	}
	rc = 0;
out:
	BN_free(r);
	BN_free(s);
	ECDSA_SIG_free(es);
	return rc;
}

static int
verify(void *pkey, int scheme, const char *md, int digest,
    const unsigned char *msg, size_t msglen, const unsigned char *sig,
    size_t siglen)
{
	EVP_PKEY *pk = pkey;
	EVP_MD_CTX *mc = NULL;
	struct prep *p = NULL;
	const struct curve *c;
	unsigned char *der = NULL, order[66];
	int derlen = 0, rc, r;

	if (digest) {
		if ((p = prepared(pk, scheme, md, 0)) == NULL)
			return -1;
	} else if (fits(pk, scheme) != 0)
		return -1;
	if (scheme == OSSL_S_ECDSA) {
		if (p != NULL)
			c = p->crv;
		else if ((c = curve_of(pk)) == NULL ||
		    !curve_order(pk, c, order))
			return fail("cannot read the curve");
		if ((rc = ecdsa_der(c, p != NULL ? p->order : order, sig,
		    siglen, &der, &derlen)) != 0)
			return rc;
		sig = der;
		siglen = (size_t)derlen;
	} else if (scheme != OSSL_S_EDDSA &&
	    siglen != (size_t)EVP_PKEY_get_size(pk))
		/* RFC 8017 8.2.2 and 8.1.2: exactly the modulus length */
		return say(1, "signature is %zu bytes, the RSA key needs %d",
		    siglen, EVP_PKEY_get_size(pk));
	if (p != NULL)
		r = EVP_PKEY_verify(p->pc, sig, siglen, msg, msglen);
	else if ((mc = start(pk, scheme, md, 0)) == NULL) {
		rc = fail("cannot start verifying");
		goto out;
	} else
		r = EVP_DigestVerify(mc, sig, siglen, msg, msglen);
	if (r < 0 && p != NULL)
		prep_drop(pk);
	rc = r == 1 ? 0 : say(1, "signature does not match");
out:
	OPENSSL_free(der);
	EVP_MD_CTX_free(mc);
	ERR_clear_error();
	return rc;
}

static void
free_key(void *pkey)
{
	prep_drop(pkey);
	EVP_PKEY_free(pkey);
}

static int
generate(int type, const char *crv, unsigned bits, void **pkey,
    struct ossl_keyinfo *info)
{
	EVP_PKEY_CTX *ctx = NULL;
	EVP_PKEY *pk = NULL;
	const struct curve *c;
	int rc = -1;

	*pkey = NULL;
	memset(info, 0, sizeof(*info));
	switch (type) {
	case OSSL_T_RSA:
		if (bits < 2048 || bits > RSA_MAX_BITS)
			return say(-1, "RSA keys of %u bits are not made", bits);
		if ((ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL)) ==
		    NULL || EVP_PKEY_keygen_init(ctx) != 1 ||
		    EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, (int)bits) != 1)
			goto fail;
		break;
	case OSSL_T_EC:
		if ((c = curve_by_jose(crv)) == NULL)
			return say(-1, "unsupported EC curve '%s'", crv);
		if ((ctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL)) ==
		    NULL || EVP_PKEY_keygen_init(ctx) != 1 ||
		    EVP_PKEY_CTX_set_group_name(ctx, c->ossl) != 1)
			goto fail;
		break;
	case OSSL_T_ED448:
		if ((ctx = EVP_PKEY_CTX_new_from_name(NULL, "ED448", NULL)) ==
		    NULL || EVP_PKEY_keygen_init(ctx) != 1)
			goto fail;
		break;
	default:
		return say(-1, "cannot generate this key type");
	}
	if (EVP_PKEY_generate(ctx, &pk) != 1)
		goto fail;
	if ((rc = describe(pk, info)) != 0) {
		EVP_PKEY_free(pk);
		goto out;
	}
	*pkey = pk;
	rc = 0;
	goto out;
fail:
	rc = fail("key generation failed");
out:
	EVP_PKEY_CTX_free(ctx);
	return rc;
}

static int
to_pem(void *pkey, int with_private, ossl_emit_fn emit, void *ctx)
{
	EVP_PKEY *pk = pkey;
	OSSL_ENCODER_CTX *ec;
	struct ossl_keyinfo info;
	unsigned char *text = NULL;
	size_t len = 0;
	int priv;

	if (describe(pk, &info) != 0)
		return -1;
	priv = with_private && info.priv;
	ec = OSSL_ENCODER_CTX_new_for_pkey(pk, priv ? EVP_PKEY_KEYPAIR :
	    EVP_PKEY_PUBLIC_KEY, "PEM", priv ? "PrivateKeyInfo" :
	    "SubjectPublicKeyInfo", NULL);
	if (ec == NULL || OSSL_ENCODER_CTX_get_num_encoders(ec) == 0 ||
	    !OSSL_ENCODER_to_data(ec, &text, &len)) {
		OSSL_ENCODER_CTX_free(ec);
		return fail("cannot encode the key as PEM");
	}
	OSSL_ENCODER_CTX_free(ec);
	emit(ctx, "PEM", text, len);
	OPENSSL_clear_free(text, len);
	return 0;
}

static const struct ossl_backend api = {
	OSSL_BACKEND_ABI,
	hmac,
	load,
	from_jwk,
	export_jwk,
	sign,
	verify,
	free_key,
	error,
	generate,
	to_pem,
};

/*
 * The backend, initialised on the first call: OpenSSL without its
 * configuration file (jwtool needs the default provider only, and reading
 * openssl.cnf costs more than a signature), without its tables of legacy
 * cipher and digest names (every fetch is by provider name; the first
 * fetch would otherwise copy them all into the name map, a quarter of an
 * ES256 signature's cost; see pem_ciphers), without its error strings
 * until a failure needs one (see fail), and with a SHA-256 Hash_DRBG
 * for the nonces and blinding, so that no cipher table is ever fetched.
 */
const struct ossl_backend *
jwtool_openssl_backend(void)
{
	static int ready;

	if (!ready) {
		if (OPENSSL_init_crypto(OPENSSL_INIT_NO_LOAD_CONFIG |
		    OPENSSL_INIT_NO_LOAD_CRYPTO_STRINGS |
		    OPENSSL_INIT_NO_ADD_ALL_CIPHERS |
		    OPENSSL_INIT_NO_ADD_ALL_DIGESTS, NULL) != 1)
			return NULL;
		(void)RAND_set_DRBG_type(NULL, "HASH-DRBG", NULL, NULL,
		    "SHA256");
		ready = 1;
	}
	return &api;
}
