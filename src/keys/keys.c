/* keys.c - loading keys: secrets, JWK, JWKS, PEM, DER */
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/b64url.h"
#include "crypto/crypto.h"
#include "keys/der.h"
#include "base/io.h"
#include "base/json.h"
#include "keys/keylook.h"
#include "keys/keys.h"
#include "crypto/ossl.h"
#include "base/util.h"

static const char *const format_names[] = {
	[KF_AUTO] = "auto", [KF_RAW] = "raw", [KF_BASE64] = "base64",
	[KF_BASE64URL] = "base64url", [KF_HEX] = "hex", [KF_JWK] = "jwk",
	[KF_JWKS] = "jwks", [KF_PEM] = "pem", [KF_DER] = "der",
};

/* DER prefixes of Ed25519 keys (RFC 8410): PKCS#8 v1 and SPKI. */
static const unsigned char ed25519_pkcs8[] = {
	0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65,
	0x70, 0x04, 0x22, 0x04, 0x20
};
static const unsigned char ed25519_spki[] = {
	0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
};

struct src {
	const unsigned char *data;
	size_t len;
	const char *name;
	const char *pass;	/* passphrase of an encrypted key, or NULL */
	size_t passlen;
};

int
keys_parse_format(const char *s, enum key_format *f)
{
	size_t i;

	for (i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++)
		if (strcmp(s, format_names[i]) == 0) {
			*f = (enum key_format)i;
			return JW_OK;
		}
	return jw_fail(JW_EUSAGE, "unknown key format '%s' (expected one of: "
	    "%s)", jw_quote(s, strlen(s), 30), keys_format_names());
}

const char *
keys_format_names(void)
{
	return "raw base64 base64url hex jwk jwks pem der";
}

/*
 * The ROCA fingerprint.  RSALib made each prime as k * M + (65537^a mod M),
 * M the product of the first 39 to 225 primes (more for larger keys), so
 * that n = p * q is a power of 65537 modulo each of them.  The public test
 * looks at the primes 3 to 167, which every such M holds.  65537 generates
 * all of Z_r* for 21 of them (the test then only asks that r not divide
 * n); the subgroups of the other 17 leave a random modulus one chance in
 * 238,878,720.
 */
static const unsigned char roca_primes[] = {
	3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67,
	71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139,
	149, 151, 157, 163, 167
};
#define ROCA_N (sizeof(roca_primes))

/*
 * 11 * 13 * 17 * 37 * 97: the primes that let fewest residues pass.  A
 * random modulus passes all five once in 3,840, so reducing by this
 * constant (which the compiler does without a division instruction)
 * spares nearly every key the other moduli.
 */
#define ROCA_SCREEN 8724859u

/*
 * Made once: the powers of 65537 modulo each prime (bit x of pow[i]: x is
 * one), the primes of the screen, and all of them in groups whose
 * products are below 2^24.
 */
static struct {
	uint64_t pow[ROCA_N][3];
	unsigned char screen[ROCA_N];	/* indices into roca_primes */
	size_t nscreen;
	struct {
		uint32_t m;		/* the product of primes [from, to) */
		unsigned char from, to;
	} group[ROCA_N];
	size_t ngroups;
} roca;
static pthread_once_t roca_once = PTHREAD_ONCE_INIT;

static void
roca_init(void)
{
	unsigned r, g, x;
	size_t i;
	uint32_t m;

	for (i = 0; i < ROCA_N; i++) {
		r = roca_primes[i];
		g = 65537 % r;
		x = 1;
		do {
			roca.pow[i][x / 64] |= (uint64_t)1 << (x % 64);
			x = x * g % r;
		} while (x != 1);
		if (ROCA_SCREEN % r == 0)
			roca.screen[roca.nscreen++] = (unsigned char)i;
	}
	for (i = 0; i < ROCA_N; roca.ngroups++) {
		roca.group[roca.ngroups].from = (unsigned char)i;
		for (m = 1; i < ROCA_N && (uint64_t)m * roca_primes[i] <
		    (1u << 24); i++)
			m *= roca_primes[i];
		roca.group[roca.ngroups].m = m;
		roca.group[roca.ngroups].to = (unsigned char)i;
	}
}

/* The big-endian number n modulo m (below 2^24), four bytes a step. */
static inline uint32_t
mod_be(const unsigned char *n, size_t len, uint32_t m)
{
	uint64_t acc = 0;
	size_t i;

	for (i = 0; i < len % 4; i++)
		acc = (acc << 8 | n[i]) % m;
	for (; i < len; i += 4)
		acc = (acc << 32 | (uint64_t)n[i] << 24 | (uint64_t)n[i + 1] <<
		    16 | (uint64_t)n[i + 2] << 8 | n[i + 3]) % m;
	return (uint32_t)acc;
}

/* Whether x, a residue modulo prime i, is a power of 65537. */
static int
roca_power(size_t i, uint32_t x)
{
	x %= roca_primes[i];
	return roca.pow[i][x / 64] >> (x % 64) & 1;
}

int
key_rsa_roca(const unsigned char *n, size_t len)
{
	size_t gi, i;
	uint32_t rem;

	pthread_once(&roca_once, roca_init);
	rem = mod_be(n, len, ROCA_SCREEN);
	for (i = 0; i < roca.nscreen; i++)
		if (!roca_power(roca.screen[i], rem))
			return 0;
	for (gi = 0; gi < roca.ngroups; gi++) {
		rem = mod_be(n, len, roca.group[gi].m);
		for (i = roca.group[gi].from; i < roca.group[gi].to; i++)
			if (!roca_power(i, rem))
				return 0;
	}
	return 1;
}

/* keys_roca_warn */
static int roca_warn;

void
keys_roca_warn(int on)
{
	roca_warn = on;
}

/*
 * Refuse key k of s when its modulus has the ROCA fingerprint, or warn of
 * it (keys_roca_warn).  pos: its place in a JWKS (from 1), or 0.
 */
static int
roca_screen(const struct src *s, const struct key *k, size_t pos)
{
	char who[128] = "";

	if (!k->roca)
		return JW_OK;
	if (k->kid != NULL)
		snprintf(who, sizeof(who), " (kid '%s')", jw_quote(k->kid,
		    strlen(k->kid), 40));
	else if (pos > 0)
		snprintf(who, sizeof(who), " (key #%zu)", pos);
	if (!roca_warn)
		return jw_fail(JW_EKEY, "key '%s'%s: RSA modulus has the ROCA "
		    "fingerprint (CVE-2017-15361): its primes can be recovered; "
		    "replace the key", s->name, who);
	jw_warn("key '%s'%s: RSA modulus has the ROCA fingerprint "
	    "(CVE-2017-15361): its primes can be recovered; replace the key",
	    s->name, who);
	return JW_OK;
}

/* Before any key material is read: no core dump may hold it. */
static void
no_core_dumps(void)
{
	static int warned;

	if (jw_no_core_dumps() != 0 && !warned) {
		warned = 1;
		jw_warn("cannot disable core dumps: %s", strerror(errno));
	}
}

static struct key *
key_new(enum kty kty, const char *form)
{
	struct key *k = xcalloc(1, sizeof(*k));

	k->kty = kty;
	k->form = form;
	return k;
}

void
key_free(struct key *k)
{
	if (k == NULL)
		return;
	secret_free(k->secret);
	secret_free(k->mac);
	ossl_key_free(k->pkey);
	ossl_lazy_free(k->lazy);
	free(k->kid);
	free(k->alg);
	free(k->use);
	free(k);
}

void
keyset_free(struct keyset *ks)
{
	size_t i;

	if (ks == NULL)
		return;
	for (i = 0; i < ks->n; i++)
		key_free(ks->keys[i]);
	free(ks->keys);
	free(ks);
}

/* The first few keys of ks that are secret (or not): 'kid' or #N. */
static void
mixed_names(const struct keyset *ks, int secret, char *buf, size_t size)
{
	size_t i, o = 0, shown = 0, all = 0;
	const struct key *k;
	char one[128];

	buf[0] = '\0';
	for (i = 0; i < ks->n; i++) {
		k = ks->keys[i];
		if ((k->kty == KTY_OCT) != secret || all++ >= 3)
			continue;
		if (k->kid != NULL)
			snprintf(one, sizeof(one), "'%s'", jw_quote(k->kid,
			    strlen(k->kid), 24));
		else
			snprintf(one, sizeof(one), "#%zu", i + 1);
		o += (size_t)snprintf(buf + o, size - o, "%s%s", shown++ ?
		    ", " : "", one);
	}
	if (all > shown)
		snprintf(buf + o, size - o, " and %zu more", all - shown);
}

int
keyset_check_mixed(const struct keyset *ks, const char *name)
{
	char secret[512], other[512];
	size_t i, nsecret = 0;

	for (i = 0; i < ks->n; i++)
		nsecret += ks->keys[i]->kty == KTY_OCT;
	if (nsecret == 0 || nsecret == ks->n)
		return JW_OK;
	mixed_names(ks, 1, secret, sizeof(secret));
	mixed_names(ks, 0, other, sizeof(other));
	return jw_fail(JW_EKEY, "key set '%s' mixes secret (oct) keys (%s) with "
	    "RSA, EC or OKP keys (%s): anyone who can read the set can forge "
	    "tokens", name, secret, other);
}

static void
keyset_add(struct keyset *ks, struct key *k)
{
	/* room doubles whenever n reaches a power of two */
	if ((ks->n & (ks->n - 1)) == 0)
		ks->keys = xrealloc(ks->keys, (ks->n ? ks->n * 2 : 1) *
		    sizeof(*ks->keys));
	ks->keys[ks->n++] = k;
}

static struct key *
secret_key(const unsigned char *bytes, size_t n, const char *form)
{
	struct key *k = key_new(KTY_OCT, form);

	k->secret = secret_alloc(n);
	memcpy(k->secret, bytes, n);
	k->secret_len = n;
	k->mac = hmac_states_new(bytes, n);
	k->priv = 1;
	return k;
}

struct key *
key_ed25519(const unsigned char *seed, const unsigned char *pub,
    const char *form)
{
	struct key *k = key_new(KTY_OKP, form);

	k->crv = "Ed25519";
	k->bits = 256;
	if (seed != NULL) {
		k->secret = secret_alloc(crypto_sign_SECRETKEYBYTES);
		k->secret_len = crypto_sign_SECRETKEYBYTES;
		crypto_sign_seed_keypair(k->pub, k->secret, seed);
		k->priv = 1;
	} else
		memcpy(k->pub, pub, sizeof(k->pub));
	return k;
}

/* Member NAME of a JWK as a string; JW_EKEY if present but not a string. */
static int
jwk_str(const struct src *s, const cJSON *jwk, const char *name,
    const char **out)
{
	const cJSON *m = json_get(jwk, name);

	*out = NULL;
	if (m == NULL)
		return JW_OK;
	if (!cJSON_IsString(m))
		return jw_fail(JW_EKEY, "key '%s': JWK member '%s' must be a "
		    "string, not %s", s->name, name, json_type_name(m));
	*out = m->valuestring;
	return JW_OK;
}

/*
 * Why the base64url text of a secret failed, without quoting any of it:
 * the offending byte is named only when it is '=' (padding).
 */
static const char *
secret_b64url_why(const char *in, size_t n, size_t bad)
{
	static char why[96];

	if (bad >= n || in[bad] == '=')
		return b64url_why(in, n, bad);
	if (in[bad] == '+' || in[bad] == '/')
		snprintf(why, sizeof(why), "byte %zu is '+' or '/' (base64, "
		    "not base64url)", bad);
	else
		snprintf(why, sizeof(why), "byte %zu is not a base64url "
		    "character", bad);
	return why;
}

/* Whether JWK member NAME is private: k, d, p, q, dp, dq, qi. */
static int
jwk_private(const char *name)
{
	static const char *const privs[] = { "k", "d", "p", "q", "dp", "dq",
	    "qi", NULL };
	size_t i;

	for (i = 0; privs[i] != NULL; i++)
		if (strcmp(name, privs[i]) == 0)
			return 1;
	return 0;
}

/*
 * Decode base64url member NAME of a JWK: a private member into secret
 * memory (jwk_bytes_free releases either).  Messages quote nothing of a
 * private member.
 */
static int
jwk_bytes(const struct src *s, const cJSON *jwk, const char *name,
    unsigned char **out, size_t *len)
{
	const char *v;
	size_t bad;
	int rc, priv = jwk_private(name);

	*out = NULL;
	if ((rc = jwk_str(s, jwk, name, &v)) != JW_OK)
		return rc;
	if (v == NULL)
		return JW_OK;
	if (b64url_decode(v, strlen(v), priv, out, len, &bad) != 0)
		return jw_fail(JW_EKEY, "key '%s': JWK member '%s' is not "
		    "base64url: %s", s->name, name, priv ?
		    secret_b64url_why(v, strlen(v), bad) :
		    b64url_why(v, strlen(v), bad));
	return JW_OK;
}

static int
jwk_meta(const struct src *s, const cJSON *jwk, struct key *k)
{
	const char *v;
	const cJSON *ops, *op;
	int rc;

	if ((rc = jwk_str(s, jwk, "kid", &v)) != JW_OK)
		return rc;
	if (v != NULL)
		k->kid = xstrdup(v);
	if ((rc = jwk_str(s, jwk, "alg", &v)) != JW_OK)
		return rc;
	if (v != NULL)
		k->alg = xstrdup(v);
	if ((rc = jwk_str(s, jwk, "use", &v)) != JW_OK)
		return rc;
	if (v != NULL)
		k->use = xstrdup(v);
	if ((ops = json_get(jwk, "key_ops")) != NULL) {
		if (!cJSON_IsArray(ops))
			return jw_fail(JW_EKEY, "key '%s': JWK member 'key_ops' "
			    "must be an array", s->name);
		k->has_ops = 1;
		cJSON_ArrayForEach(op, ops) {
			if (!cJSON_IsString(op))
				return jw_fail(JW_EKEY, "key '%s': 'key_ops' "
				    "must hold strings", s->name);
			if (strcmp(op->valuestring, "sign") == 0)
				k->ops |= KEY_OP_SIGN;
			else if (strcmp(op->valuestring, "verify") == 0)
				k->ops |= KEY_OP_VERIFY;
		}
	}
	return JW_OK;
}

/* Free what jwk_bytes decoded for member NAME. */
static void
jwk_bytes_free(const char *name, unsigned char *b)
{
	if (jwk_private(name))
		secret_free(b);
	else
		free(b);
}

/* JWK members decoded for the backend, the private ones in secret memory. */
struct members {
	struct ossl_member m[8];
	unsigned char *buf[8];
	size_t n;
};

static void
members_free(struct members *mb)
{
	size_t i;

	for (i = 0; i < mb->n; i++)
		jwk_bytes_free(mb->m[i].name, mb->buf[i]);
	mb->n = 0;
}

/* The members NAMES of jwk that are present, decoded into mb. */
static int
jwk_members(const struct src *s, const cJSON *jwk, const char *const *names,
    struct members *mb)
{
	unsigned char *b;
	size_t n;
	int rc;

	mb->n = 0;
	for (; *names != NULL; names++) {
		if ((rc = jwk_bytes(s, jwk, *names, &b, &n)) != JW_OK) {
			members_free(mb);
			return rc;
		}
		if (b == NULL)
			continue;
		if (n == 0) {
			jwk_bytes_free(*names, b);
			members_free(mb);
			return jw_fail(JW_EKEY, "key '%s': JWK member '%s' is "
			    "empty", s->name, *names);
		}
		mb->m[mb->n].name = *names;
		mb->m[mb->n].b = b;
		mb->m[mb->n].n = n;
		mb->buf[mb->n++] = b;
	}
	return JW_OK;
}

static const struct ossl_member *
members_get(const struct members *mb, const char *name)
{
	size_t i;

	for (i = 0; i < mb->n; i++)
		if (strcmp(mb->m[i].name, name) == 0)
			return &mb->m[i];
	return NULL;
}

/* The bit length of a big-endian number of n bytes. */
static unsigned
bit_length(const unsigned char *b, size_t n)
{
	unsigned bits;

	while (n > 0 && *b == 0) {
		b++;
		n--;
	}
	if (n == 0)
		return 0;
	for (bits = 8; bits > 0 && !(*b & (1u << (bits - 1))); bits--)
		;
	return (unsigned)(8 * (n - 1)) + bits;
}

/*
 * RFC 7518 section 6.3: n and e; d; then all of p, q, dp, dq, qi or none.
 * lazy: a public key's import waits for its first use (a JWKS).
 */
static int
jwk_rsa(const struct src *s, const cJSON *jwk, int lazy, struct key **out)
{
	static const char *const names[] = { "n", "e", "d", "p", "q", "dp",
	    "dq", "qi", NULL };
	struct members mb;
	size_t i, crt = 0;
	int rc;

	if (json_get(jwk, "oth") != NULL)
		return jw_fail(JW_EKEY, "key '%s': multi-prime RSA JWKs ('oth') "
		    "are not supported", s->name);
	if ((rc = jwk_members(s, jwk, names, &mb)) != JW_OK)
		return rc;
	for (i = 3; names[i] != NULL; i++)
		crt += members_get(&mb, names[i]) != NULL;
	if (members_get(&mb, "n") == NULL || members_get(&mb, "e") == NULL)
		rc = jw_fail(JW_EKEY, "key '%s': RSA JWK needs 'n' and 'e'",
		    s->name);
	else if (crt != 0 && (crt != 5 || members_get(&mb, "d") == NULL))
		rc = jw_fail(JW_EKEY, "key '%s': RSA JWK has only some of 'd', "
		    "'p', 'q', 'dp', 'dq', 'qi' (RFC 7518 section 6.3.2 wants "
		    "all of them, or 'd' alone)", s->name);
	else if (lazy && members_get(&mb, "d") == NULL)
		rc = ossl_key_defer(OSSL_T_RSA, NULL, bit_length(
		    members_get(&mb, "n")->b, members_get(&mb, "n")->n), mb.m,
		    mb.n, s->name, out);
	else
		rc = ossl_key_from_jwk(OSSL_T_RSA, NULL, mb.m, mb.n, s->name,
		    out);
	/* the modulus is at hand: a deferred key is screened now too */
	if (rc == JW_OK)
		(*out)->roca = key_rsa_roca(members_get(&mb, "n")->b,
		    members_get(&mb, "n")->n);
	members_free(&mb);
	return rc;
}

/* The JOSE curves: name, coordinate size, bits. */
static const struct ec_curve {
	const char *crv;
	size_t len;
	unsigned bits;
} ec_curves[] = {
	{ "P-256", 32, 256 }, { "P-384", 48, 384 }, { "P-521", 66, 521 },
	{ "secp256k1", 32, 256 },
};

static const struct ec_curve *
ec_curve(const char *crv)
{
	size_t i;

	for (i = 0; i < sizeof(ec_curves) / sizeof(ec_curves[0]); i++)
		if (strcmp(ec_curves[i].crv, crv) == 0)
			return &ec_curves[i];
	return NULL;
}

/*
 * RFC 7518 section 6.2: crv, x and y of the curve's full size; d.  lazy as
 * for jwk_rsa.
 */
static int
jwk_ec(const struct src *s, const cJSON *jwk, int lazy, int *unsupported,
    struct key **out)
{
	static const char *const names[] = { "x", "y", "d", NULL };
	const struct ossl_member *m;
	const struct ec_curve *c;
	struct members mb;
	const char *crv;
	size_t len, i;
	int rc;

	if ((rc = jwk_str(s, jwk, "crv", &crv)) != JW_OK)
		return rc;
	if (crv == NULL)
		return jw_fail(JW_EKEY, "key '%s': EC JWK has no 'crv'",
		    s->name);
	if ((c = ec_curve(crv)) == NULL) {
		*unsupported = 1;
		return jw_fail(JW_EKEY, "key '%s': unsupported EC curve '%s' "
		    "(supported: P-256, P-384, P-521, secp256k1)", s->name,
		    jw_quote(crv, strlen(crv), 30));
	}
	len = c->len;
	if ((rc = jwk_members(s, jwk, names, &mb)) != JW_OK)
		return rc;
	for (i = 0; names[i] != NULL; i++) {
		m = members_get(&mb, names[i]);
		if (m == NULL && i < 2) {
			rc = jw_fail(JW_EKEY, "key '%s': EC JWK has no '%s'",
			    s->name, names[i]);
			goto out;
		}
		if (m != NULL && m->n != len) {
			rc = jw_fail(JW_EKEY, "key '%s': EC JWK '%s' is %zu "
			    "bytes; %s needs exactly %zu", s->name, names[i],
			    m->n, crv, len);
			goto out;
		}
	}
	if (lazy && members_get(&mb, "d") == NULL)
		rc = ossl_key_defer(OSSL_T_EC, c->crv, c->bits, mb.m, mb.n,
		    s->name, out);
	else
		rc = ossl_key_from_jwk(OSSL_T_EC, crv, mb.m, mb.n, s->name,
		    out);
out:
	members_free(&mb);
	return rc;
}

static int
jwk_ed448(const struct src *s, const cJSON *jwk, struct key **out)
{
	static const char *const names[] = { "x", "d", NULL };
	const struct ossl_member *x, *d;
	struct members mb;
	int rc;

	if ((rc = jwk_members(s, jwk, names, &mb)) != JW_OK)
		return rc;
	x = members_get(&mb, "x");
	d = members_get(&mb, "d");
	if (x == NULL || x->n != 57)
		rc = jw_fail(JW_EKEY, "key '%s': Ed448 JWK 'x' must be 57 "
		    "bytes", s->name);
	else if (d != NULL && d->n != 57)
		rc = jw_fail(JW_EKEY, "key '%s': Ed448 JWK 'd' must be 57 "
		    "bytes", s->name);
	else
		rc = ossl_key_from_jwk(OSSL_T_ED448, "Ed448", mb.m, mb.n,
		    s->name, out);
	members_free(&mb);
	return rc;
}

static int
jwk_okp(const struct src *s, const cJSON *jwk, int *unsupported,
    struct key **out)
{
	const char *crv;
	unsigned char *x = NULL, *d = NULL;
	size_t xlen = 0, dlen = 0;
	int rc;

	if ((rc = jwk_str(s, jwk, "crv", &crv)) != JW_OK)
		return rc;
	if (crv == NULL)
		return jw_fail(JW_EKEY, "key '%s': OKP JWK has no 'crv'",
		    s->name);
	if (strcmp(crv, "Ed448") == 0)
		return jwk_ed448(s, jwk, out);
	if (strcmp(crv, "Ed25519") != 0) {
		*unsupported = 1;
		return jw_fail(JW_EKEY, "key '%s': unsupported OKP curve '%s'%s",
		    s->name, jw_quote(crv, strlen(crv), 30),
		    strcmp(crv, "X25519") == 0 || strcmp(crv, "X448") == 0 ?
		    " (a key agreement curve, not a signature one)" : "");
	}
	if ((rc = jwk_bytes(s, jwk, "x", &x, &xlen)) != JW_OK ||
	    (rc = jwk_bytes(s, jwk, "d", &d, &dlen)) != JW_OK)
		goto out;
	if (x == NULL || xlen != 32) {
		rc = jw_fail(JW_EKEY, "key '%s': Ed25519 JWK 'x' must be 32 "
		    "bytes", s->name);
		goto out;
	}
	if (d != NULL && dlen != 32) {
		rc = jw_fail(JW_EKEY, "key '%s': Ed25519 JWK 'd' must be 32 "
		    "bytes", s->name);
		goto out;
	}
	*out = key_ed25519(d, x, "JWK");
	if (d != NULL && sodium_memcmp((*out)->pub, x, 32) != 0) {
		key_free(*out);
		*out = NULL;
		rc = jw_fail(JW_EKEY, "key '%s': Ed25519 JWK 'd' does not "
		    "match 'x'", s->name);
	}
out:
	free(x);
	secret_free(d);
	return rc;
}

/*
 * One JWK object into *out.  *unsupported is set when the key is well
 * formed but of a type or curve jwtool does not handle (a JWKS skips it).
 */
static int
jwk_key(const struct src *s, const cJSON *jwk, int lazy, int *unsupported,
    struct key **out)
{
	const char *kty;
	unsigned char *k = NULL;
	size_t klen;
	int rc;

	*out = NULL;
	*unsupported = 0;
	if (!cJSON_IsObject(jwk))
		return jw_fail(JW_EKEY, "key '%s': a JWK must be a JSON object",
		    s->name);
	if ((rc = jwk_str(s, jwk, "kty", &kty)) != JW_OK)
		return rc;
	if (kty == NULL)
		return jw_fail(JW_EKEY, "key '%s': JWK has no 'kty' member",
		    s->name);
	if (strcmp(kty, "oct") == 0) {
		if ((rc = jwk_bytes(s, jwk, "k", &k, &klen)) != JW_OK)
			return rc;
		if (k == NULL)
			return jw_fail(JW_EKEY, "key '%s': oct JWK has no 'k' "
			    "member", s->name);
		*out = key_new(KTY_OCT, "JWK");
		(*out)->secret = k;	/* secret memory, now the key's */
		(*out)->secret_len = klen;
		(*out)->priv = 1;
	} else if (strcmp(kty, "OKP") == 0) {
		if ((rc = jwk_okp(s, jwk, unsupported, out)) != JW_OK)
			return rc;
	} else if (strcmp(kty, "RSA") == 0) {
		if ((rc = jwk_rsa(s, jwk, lazy, out)) != JW_OK)
			return rc;
	} else if (strcmp(kty, "EC") == 0) {
		if ((rc = jwk_ec(s, jwk, lazy, unsupported, out)) != JW_OK)
			return rc;
	} else {
		*unsupported = 1;
		return jw_fail(JW_EKEY, "key '%s': unknown JWK key type '%s'",
		    s->name, jw_quote(kty, strlen(kty), 20));
	}
	if ((rc = jwk_meta(s, jwk, *out)) != JW_OK) {
		key_free(*out);
		*out = NULL;
	}
	return rc;
}

/* keys_defer_jwks */
static int defer_jwks;

void
keys_defer_jwks(int on)
{
	defer_jwks = on;
}

static int
load_json(const struct src *s, enum key_format fmt, struct keyset *ks)
{
	cJSON *root = NULL, *keys, *jwk;
	struct json_secret *mem = NULL;
	struct key *k;
	int rc, unsupported;
	size_t i = 0;

	if ((rc = json_parse_secret((const char *)s->data, s->len, "key",
	    &root, &mem)) != JW_OK) {
		char msg[1024];

		snprintf(msg, sizeof(msg), "%s", jw_error());
		return jw_fail(JW_EKEY, "key '%s': %s", s->name, msg);
	}
	keys = cJSON_IsObject(root) ? json_get(root, "keys") : NULL;
	if (fmt == KF_JWKS || (fmt == KF_AUTO && keys != NULL)) {
		if (!cJSON_IsArray(keys)) {
			rc = jw_fail(JW_EKEY, "key '%s': a JWKS needs a 'keys' "
			    "array", s->name);
			goto out;
		}
		cJSON_ArrayForEach(jwk, keys) {
			i++;
			if ((rc = jwk_key(s, jwk, defer_jwks, &unsupported,
			    &k)) != JW_OK) {
				/* keys of kinds jwtool does not know do not
				 * spoil the set; malformed ones do */
				if (unsupported) {
					jw_clear_error();
					continue;
				}
				goto out;
			}
			k->form = "JWKS";
			keyset_add(ks, k);
			if ((rc = roca_screen(s, k, i)) != JW_OK)
				goto out;
		}
		rc = ks->n > 0 ? JW_OK : jw_fail(JW_EKEY, "key '%s': JWKS "
		    "holds no usable key (%zu listed)", s->name, i);
		goto out;
	}
	if ((rc = jwk_key(s, root, 0, &unsupported, &k)) == JW_OK) {
		keyset_add(ks, k);
		rc = roca_screen(s, k, 0);
	}
out:
	json_secret_free(mem);
	return rc;
}

/*
 * Ed25519 PKCS#8 and SPKI keys: 1 loaded on the libsodium path, 0 not such
 * a key.
 */
static int
ed25519_der(const unsigned char *der, size_t len, const char *form,
    struct keyset *ks)
{
	if (len == 48 && memcmp(der, ed25519_pkcs8, sizeof(ed25519_pkcs8)) == 0)
		keyset_add(ks, key_ed25519(der + 16, NULL, form));
	else if (len == 44 &&
	    memcmp(der, ed25519_spki, sizeof(ed25519_spki)) == 0)
		keyset_add(ks, key_ed25519(NULL, der + 12, form));
	else
		return 0;
	return 1;
}

/*
 * An RSA or EC key in one of the structures der.c reads, built from its
 * parameters and checked as a JWK's are: JW_OK, an error of a key whose
 * structure was read (its checks are final: the generic decoders would
 * take an RSA key whose p times q is not n), or -1 for another structure
 * (the generic decoders then have their say, and their messages).
 */
static int
fast_der(const struct src *s, const unsigned char *der, size_t len,
    const char *label, const char *form, struct keyset *ks)
{
	struct der_key dk;
	struct key *k;
	size_t i;
	int rc;

	if (!der_key_parts(der, len, label, &dk))
		return -1;
	if ((rc = ossl_key_from_parts(dk.type, dk.crv, dk.m, dk.nm, s->name,
	    form, &k)) != JW_OK)
		return rc;
	keyset_add(ks, k);
	for (i = 0; dk.type == OSSL_T_RSA && i < dk.nm; i++)
		if (strcmp(dk.m[i].name, "n") == 0)
			k->roca = key_rsa_roca(dk.m[i].b, dk.m[i].n);
	return roca_screen(s, k, 0);
}

/* export_jwk's members of an RSA key: is its "n" fingerprinted? */
static void
roca_of_member(void *ctx, const char *name, const unsigned char *b, size_t n)
{
	if (strcmp(name, "n") == 0)
		*(int *)ctx = key_rsa_roca(b, n);
}

static int
add_backend_key(const struct src *s, const unsigned char *data, size_t len,
    int input, const char *form, struct keyset *ks)
{
	struct key *k;
	int rc;

	if (input == OSSL_IN_DER &&
	    (rc = fast_der(s, data, len, NULL, form, ks)) != -1)
		return rc;
	if ((rc = ossl_key_load(data, len, input, s->pass, s->passlen,
	    s->name, form, &k)) != JW_OK)
		return rc;
	keyset_add(ks, k);
	/* a certificate, an encrypted key, another structure: the modulus
	 * comes from the backend */
	if (k->kty == KTY_RSA && (rc = ossl_key_export(k, 0, roca_of_member,
	    &k->roca)) != JW_OK)
		return rc;
	return roca_screen(s, k, 0);
}

/* DER: PKCS#8 (plain or encrypted), SPKI, PKCS#1, SEC1, X.509. */
static int
load_der(const struct src *s, struct keyset *ks)
{
	if (ed25519_der(s->data, s->len, "DER", ks))
		return JW_OK;
	return add_backend_key(s, s->data, s->len, OSSL_IN_DER, "DER", ks);
}

static const unsigned char *
find(const unsigned char *h, size_t hlen, const char *needle)
{
	size_t n = strlen(needle), i;

	for (i = 0; n <= hlen && i <= hlen - n; i++)
		if (memcmp(h + i, needle, n) == 0)
			return h + i;
	return NULL;
}

/* One PEM block of a file. */
struct pem {
	const unsigned char *begin;	/* its "-----BEGIN " */
	const unsigned char *body;	/* after the BEGIN line's label */
	const unsigned char *end;	/* its "-----END " */
	const unsigned char *stop;	/* after the END line */
	char label[64];
};

/* The PEM block at or after from: 1 found, 0 none, JW_EKEY malformed. */
static int
pem_next(const struct src *s, const unsigned char *from, struct pem *p)
{
	const unsigned char *b, *e, *lim = s->data + s->len;
	size_t llen;

	if ((b = find(from, (size_t)(lim - from), "-----BEGIN ")) == NULL)
		return 0;
	p->begin = b;
	b += 11;
	if ((e = find(b, (size_t)(lim - b), "-----")) == NULL ||
	    (llen = (size_t)(e - b)) >= sizeof(p->label) ||
	    memchr(b, '\n', llen) != NULL)
		return jw_fail(JW_EKEY, "key '%s': malformed PEM header",
		    s->name);
	memcpy(p->label, b, llen);
	p->label[llen] = '\0';
	p->body = e + 5;
	if ((p->end = find(p->body, (size_t)(lim - p->body), "-----END ")) ==
	    NULL || (e = find(p->end + 9, (size_t)(lim - p->end - 9),
	    "-----")) == NULL)
		return jw_fail(JW_EKEY, "key '%s': PEM '%s' has no END line",
		    s->name, jw_quote(p->label, llen, 40));
	p->stop = e + 5;
	if (p->stop < lim && *p->stop == '\r')
		p->stop++;
	if (p->stop < lim && *p->stop == '\n')
		p->stop++;
	return 1;
}

/* What a PEM label holds: 2 a private key, 1 a public one, 0 neither. */
static int
pem_kind(const char *label)
{
	static const char *const priv[] = { "PRIVATE KEY",
	    "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY" };
	static const char *const pub[] = { "PUBLIC KEY", "RSA PUBLIC KEY",
	    "CERTIFICATE", "X509 CERTIFICATE" };
	size_t i;

	for (i = 0; i < sizeof(priv) / sizeof(priv[0]); i++)
		if (strcmp(label, priv[i]) == 0)
			return 2;
	for (i = 0; i < sizeof(pub) / sizeof(pub[0]); i++)
		if (strcmp(label, pub[i]) == 0)
			return 1;
	return 0;
}

static int
load_pem_block(const struct src *s, const struct pem *p, struct keyset *ks)
{
	unsigned char *der;
	size_t derlen = 0, n = (size_t)(p->end - p->body);
	int rc = JW_OK, fast;

	if (strcmp(p->label, "CERTIFICATE") == 0 ||
	    strcmp(p->label, "X509 CERTIFICATE") == 0)
		return add_backend_key(s, p->begin, (size_t)(p->stop -
		    p->begin), OSSL_IN_PEM_CERT, "PEM", ks);
	if (strcmp(p->label, "PRIVATE KEY") == 0 ||
	    strcmp(p->label, "PUBLIC KEY") == 0 ||
	    strcmp(p->label, "RSA PRIVATE KEY") == 0 ||
	    strcmp(p->label, "RSA PUBLIC KEY") == 0 ||
	    strcmp(p->label, "EC PRIVATE KEY") == 0) {
		/*
		 * Ed25519 stays on libsodium (OpenSSL is not even loaded);
		 * RSA and EC keys of a known shape are built from their
		 * parameters, which costs a fraction of OpenSSL's decoders.
		 * Encrypted PKCS#1 and SEC1 keys have headers: not base64.
		 */
		int plain = strcmp(p->label, "PRIVATE KEY") == 0 ||
		    strcmp(p->label, "PUBLIC KEY") == 0;

		der = secret_alloc(n + 1);
		if (sodium_base642bin(der, n + 1, (const char *)p->body, n,
		    " \t\r\n", &derlen, NULL,
		    sodium_base64_VARIANT_ORIGINAL) != 0) {
			if (plain)
				rc = jw_fail(JW_EKEY, "key '%s': PEM body is "
				    "not valid base64", s->name);
		} else if (plain && ed25519_der(der, derlen, "PEM", ks))
			n = 0;
		else if ((fast = fast_der(s, der, derlen, p->label, "PEM",
		    ks)) != -1) {
			rc = fast;
			n = 0;
		}
		secret_free(der);
		if (rc != JW_OK || n == 0)
			return rc;
	}
	return add_backend_key(s, p->begin, (size_t)(p->stop - p->begin),
	    OSSL_IN_PEM, "PEM", ks);
}

/*
 * A PEM file: its first private key, else its first public key or
 * certificate.  EC PARAMETERS blocks (openssl ecparam -genkey) are skipped.
 */
static int
load_pem(const struct src *s, struct keyset *ks)
{
	struct pem p, pub, other;
	const unsigned char *at = s->data;
	int rc, kind, have_pub = 0, have_other = 0, blocks = 0;

	while ((rc = pem_next(s, at, &p)) == 1) {
		blocks++;
		at = p.stop;
		if ((kind = pem_kind(p.label)) == 2)
			return load_pem_block(s, &p, ks);
		if (kind == 1 && !have_pub) {
			pub = p;
			have_pub = 1;
		} else if (kind == 0 && !have_other &&
		    strcmp(p.label, "EC PARAMETERS") != 0) {
			other = p;
			have_other = 1;
		}
	}
	if (rc != 0)
		return rc;
	if (have_pub)
		return load_pem_block(s, &pub, ks);
	if (blocks == 0)
		return jw_fail(JW_EKEY, "key '%s': no PEM '-----BEGIN' line",
		    s->name);
	if (!have_other)
		return jw_fail(JW_EKEY, "key '%s': the PEM holds EC parameters "
		    "but no key", s->name);
	if (strcmp(other.label, "OPENSSH PRIVATE KEY") == 0)
		return jw_fail(JW_EKEY, "key '%s' is an OpenSSH private key; "
		    "convert a copy to PKCS#8 with 'ssh-keygen -p -m PKCS8 -f "
		    "COPY'", s->name);
	return jw_fail(JW_EKEY, "key '%s': unsupported PEM '%s' (expected a "
	    "private key, public key or certificate)", s->name,
	    jw_quote(other.label, strlen(other.label), 40));
}

/* A secret written as base64, base64url or hex (whitespace around). */
static int
load_encoded_secret(const struct src *s, enum key_format fmt,
    struct keyset *ks)
{
	const unsigned char *p = s->data, *q = s->data + s->len;
	unsigned char *bin = NULL;
	size_t n, got = 0, i, bad;
	const char *form = format_names[fmt];
	struct keylook lk;
	int ok;

	while (p < q && isspace(*p))
		p++;
	while (q > p && isspace(q[-1]))
		q--;
	n = (size_t)(q - p);
	if (fmt == KF_HEX) {
		bin = secret_alloc(n / 2 + 1);
		ok = n % 2 == 0;
		for (i = 0; ok && i < n; i += 2) {
			int hi = jw_hexval(p[i]), lo = jw_hexval(p[i + 1]);

			if (!(ok = hi >= 0 && lo >= 0))
				break;
			bin[got++] = (unsigned char)(hi << 4 | lo);
		}
	} else if (fmt == KF_BASE64URL) {
		ok = b64url_decode((const char *)p, n, 1, &bin, &got, &bad) == 0;
	} else {
		bin = secret_alloc(n + 1);
		ok = sodium_base642bin(bin, n + 1, (const char *)p, n, NULL,
		    &got, NULL, sodium_base64_VARIANT_ORIGINAL) == 0 ||
		    sodium_base642bin(bin, n + 1, (const char *)p, n, NULL,
		    &got, NULL, sodium_base64_VARIANT_ORIGINAL_NO_PADDING) == 0;
	}
	if (!ok) {
		secret_free(bin);
		return jw_fail(JW_EKEY, "key '%s': not a valid %s secret",
		    s->name, form);
	}
	/*
	 * A public key is never an HMAC secret, encoded or not, nor is
	 * anything else that looks like a key or a document.
	 */
	keylook(bin, got, &lk);
	if (lk.kind != KL_SECRET) {
		secret_free(bin);
		return jw_fail(JW_EKEY, "key '%s': the %s text decodes to %s, "
		    "not an HMAC secret", s->name, form, lk.what);
	}
	keyset_add(ks, secret_key(bin, got, form));
	secret_free(bin);
	return JW_OK;
}

/*
 * The secret of raw bytes, unless they look like anything else (lk, their
 * keylook): a key in its own format, or one refused as a secret.
 */
static int
load_raw(const struct src *s, const struct keylook *lk, struct keyset *ks)
{
	if (lk->kind >= KL_REFUSED)
		return jw_fail(JW_EKEY, "key '%s' looks like %s: %s", s->name,
		    lk->what, lk->how);
	/* A public key is never an HMAC secret, whatever --key-format says. */
	if (lk->kind != KL_SECRET)
		return jw_fail(JW_EKEY, "key '%s' is %s, not a raw HMAC secret",
		    s->name, lk->what);
	keyset_add(ks, secret_key(s->data, s->len, "raw secret"));
	return JW_OK;
}

int
keys_load_mem(const unsigned char *data, size_t len, const char *name,
    enum key_format fmt, struct keyset **out)
{
	return keys_load_mem_pass(data, len, name, fmt, NULL, 0, out);
}

int
keys_load_mem_pass(const unsigned char *data, size_t len, const char *name,
    enum key_format fmt, const char *pass, size_t passlen,
    struct keyset **out)
{
	struct src s = { data, len, name, pass, passlen };
	struct keyset *ks = xcalloc(1, sizeof(*ks));
	enum key_format given = fmt;
	struct keylook lk;
	int rc;

	no_core_dumps();
	if (len == 0) {
		rc = jw_fail(JW_EKEY, "key '%s' is empty", name);
		goto out;
	}
	if (fmt == KF_AUTO || fmt == KF_RAW)
		keylook(data, len, &lk);
	if (fmt == KF_AUTO)
		fmt = lk.kind == KL_JWK ? KF_JWK : lk.kind == KL_PEM ? KF_PEM :
		    lk.kind == KL_DER ? KF_DER : KF_RAW;
	switch (fmt) {
	case KF_RAW:
		if ((rc = load_raw(&s, &lk, ks)) == JW_OK && given == KF_AUTO)
			ks->keys[0]->guessed = 1;
		break;
	case KF_BASE64:
	case KF_BASE64URL:
	case KF_HEX:
		rc = load_encoded_secret(&s, fmt, ks);
		break;
	case KF_JWK:
	case KF_JWKS:
		rc = load_json(&s, given, ks);	/* auto: "keys" makes a JWKS */
		break;
	case KF_PEM:
		rc = load_pem(&s, ks);
		break;
	default:
		rc = load_der(&s, ks);
		break;
	}
out:
	if (rc != JW_OK) {
		keyset_free(ks);
		return rc;
	}
	*out = ks;
	return JW_OK;
}

int
keys_load(const char *src, enum key_format fmt, struct keyset **out)
{
	return keys_load_pass(src, fmt, NULL, 0, out);
}

int
keys_load_pass(const char *src, enum key_format fmt, const char *pass,
    size_t passlen, struct keyset **out)
{
	unsigned char *data;
	size_t len;
	int rc;

	no_core_dumps();
	if ((rc = io_read(src, "key", 1, &data, &len)) != JW_OK)
		return rc == JW_EIO ? jw_fail(JW_EKEY, "%s", jw_error()) : rc;
	rc = keys_load_mem_pass(data, len, io_is_stdin(src) ? "stdin" : src,
	    fmt, pass, passlen, out);
	secret_free(data);
	return rc;
}

const struct alg *
alg_for_key(const char *name, const struct key *key)
{
	const struct alg *a;
	size_t i;

	for (i = 0; (a = alg_at(i)) != NULL; i++)
		if (strcmp(a->name, name) == 0 && a->kty == key->kty &&
		    (a->crv == NULL || (key->crv != NULL &&
		    strcmp(a->crv, key->crv) == 0)))
			return a;
	return NULL;
}

const char *
key_refusal(const struct key *key, const struct alg *alg, int signing)
{
	static _Thread_local char buf[160];

	if (alg->kty != key->kty) {
		/* "an oct", "an RSA", "an EC", "an OKP" */
		snprintf(buf, sizeof(buf), "%s needs an %s key", alg->name,
		    kty_name(alg->kty));
		return buf;
	}
	if (alg->crv != NULL && (key->crv == NULL ||
	    strcmp(alg->crv, key->crv) != 0)) {
		snprintf(buf, sizeof(buf), "%s needs a %s key", alg->name,
		    alg->crv);
		return buf;
	}
	if (key->alg != NULL && strcmp(key->alg, alg->name) != 0) {
		snprintf(buf, sizeof(buf), "the key's JWK 'alg' is '%s'",
		    jw_quote(key->alg, strlen(key->alg), 20));
		return buf;
	}
	if (key->use != NULL && strcmp(key->use, "sig") != 0) {
		snprintf(buf, sizeof(buf), "the key's JWK 'use' is '%s', not "
		    "'sig'", jw_quote(key->use, strlen(key->use), 20));
		return buf;
	}
	if (key->has_ops && !(key->ops & (signing ? KEY_OP_SIGN :
	    KEY_OP_VERIFY))) {
		snprintf(buf, sizeof(buf), "the key's JWK 'key_ops' lack "
		    "'%s'", signing ? "sign" : "verify");
		return buf;
	}
	return NULL;
}

int
key_allows(const struct key *key, const struct alg *alg, int signing)
{
	return key_refusal(key, alg, signing) == NULL;
}

int
key_is_weak(const struct key *key, const struct alg *alg)
{
	if (key->kty == KTY_OCT)
		return key->secret_len < alg->hlen;
	return key->kty == KTY_RSA && key->bits < KEY_RSA_MIN_BITS;
}

const struct alg *
key_default_alg(const struct key *key)
{
	const struct alg *a;
	size_t i;

	if (key->alg != NULL && (a = alg_for_key(key->alg, key)) != NULL)
		return a;
	/* The first row that fits: HS256, RS256, the curve's ES*, EdDSA. */
	for (i = 0; (a = alg_at(i)) != NULL; i++)
		if (a->kty == key->kty && (a->crv == NULL || (key->crv !=
		    NULL && strcmp(a->crv, key->crv) == 0)))
			return a;
	return NULL;
}

const char *
key_describe(const struct key *key)
{
	static _Thread_local char buf[128];

	if (key->kty == KTY_OCT)
		snprintf(buf, sizeof(buf), "HMAC secret (%zu bytes, from %s)",
		    key->secret_len, key->form);
	else if (key->kty == KTY_RSA)
		snprintf(buf, sizeof(buf), "RSA %u-bit %s key (%s)", key->bits,
		    key->priv ? "private" : "public", key->form);
	else
		snprintf(buf, sizeof(buf), "%s %s key (%s)", key->crv ?
		    key->crv : kty_name(key->kty), key->priv ? "private" :
		    "public", key->form);
	return buf;
}
