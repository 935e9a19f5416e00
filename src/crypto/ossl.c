/* ossl.c - find and load the OpenSSL backend on first use */
#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "crypto/crypto.h"
#include "keys/keys.h"
#include "crypto/ossl.h"
#include "base/util.h"

#ifndef JWTOOL_LIBDIR
#define JWTOOL_LIBDIR "/usr/local/lib/jwtool"
#endif

/*
 * libcrypto's 4,000 symbol relocations were half of an RS256
 * verification: with RTLD_DEEPBIND each is looked up in the backend's own
 * libraries first, not after every library of the executable.
 * AddressSanitizer refuses RTLD_DEEPBIND (its malloc must come first).
 * The backend's libraries may so take libc's malloc where the executable
 * has a preloaded one: no memory crosses between them, each side frees
 * what it allocated (keys through free_key, text through emit callbacks).
 */
#if defined(RTLD_DEEPBIND) && !defined(JW_ASAN)
#define OPEN_FLAGS (RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND)
#else
#define OPEN_FLAGS (RTLD_NOW | RTLD_LOCAL)
#endif

static const struct ossl_backend *backend;
/* Batch workers may be the first to need the backend. */
static pthread_mutex_t backend_lock = PTHREAD_MUTEX_INITIALIZER;

static void *
try_open(const char *dir, char *why, size_t whylen)
{
	char path[PATH_MAX];
	void *h;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir,
	    OSSL_BACKEND_FILE) >= sizeof(path))
		return NULL;
	if (access(path, R_OK) != 0)
		return NULL;
	if ((h = dlopen(path, OPEN_FLAGS)) == NULL)
		snprintf(why, whylen, "%s", dlerror());
	return h;
}

static const struct ossl_backend *
load_backend(void)
{
	char self[PATH_MAX], why[512] = "";
	ssize_t n;
	void *h = NULL;
	ossl_backend_fn fn;

	if (backend != NULL)
		return backend;
	/* Next to the executable first (a build tree), then LIBDIR. */
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n > 0) {
		char *slash;

		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL) {
			*slash = '\0';
			h = try_open(self, why, sizeof(why));
		}
	}
	if (h == NULL)
		h = try_open(JWTOOL_LIBDIR, why, sizeof(why));
	if (h == NULL) {
		jw_fail(JW_EKEY, "the OpenSSL backend (%s) could not be "
		    "loaded%s%s", OSSL_BACKEND_FILE, why[0] ? ": " : "", why);
		return NULL;
	}
	fn = (ossl_backend_fn)(uintptr_t)dlsym(h, OSSL_BACKEND_SYMBOL);
	if (fn == NULL || fn() == NULL || fn()->abi != OSSL_BACKEND_ABI) {
		jw_fail(JW_EKEY, "the OpenSSL backend (%s) does not match "
		    "this jwtool", OSSL_BACKEND_FILE);
		dlclose(h);
		return NULL;
	}
	backend = fn();
	return backend;
}

const struct ossl_backend *
ossl_get(void)
{
	const struct ossl_backend *b;

	pthread_mutex_lock(&backend_lock);
	b = load_backend();
	pthread_mutex_unlock(&backend_lock);
	return b;
}

int
ossl_hmac_sign(const struct alg *alg, const struct key *key,
    const unsigned char *msg, size_t msglen, unsigned char *sig,
    size_t *siglen)
{
	const struct ossl_backend *b = ossl_get();

	if (b == NULL)
		return JW_EKEY;
	if (b->hmac(alg->hash, key->secret, key->secret_len, msg, msglen,
	    sig, siglen) != 0 || *siglen != alg->hlen)
		return jw_fail(JW_EKEY, "%s failed: %s", alg->name, b->error());
	return JW_OK;
}

int
ossl_hmac_verify(const struct alg *alg, const struct key *key,
    const unsigned char *msg, size_t msglen, const unsigned char *sig,
    size_t siglen)
{
	unsigned char mac[64];
	size_t maclen;
	int rc;

	if (siglen != alg->hlen)
		return jw_fail(JW_ESIG, "signature is %zu bytes, %s needs %zu",
		    siglen, alg->name, alg->hlen);
	if ((rc = ossl_hmac_sign(alg, key, msg, msglen, mac, &maclen)) != 0)
		return rc;
	rc = siglen == maclen && sodium_memcmp_ct(mac, sig, maclen) == 0 ?
	    JW_OK : jw_fail(JW_ESIG, "signature does not match");
	secure_wipe(mac, sizeof(mac));
	return rc;
}

/* Ed25519 members collected from the backend. */
struct ed_parts {
	unsigned char x[32], d[32];
	int hx, hd;
};

static void
collect_ed25519(void *ctx, const char *name, const unsigned char *b, size_t n)
{
	struct ed_parts *e = ctx;

	if (n != 32)
		return;
	if (strcmp(name, "x") == 0) {
		memcpy(e->x, b, 32);
		e->hx = 1;
	} else if (strcmp(name, "d") == 0) {
		memcpy(e->d, b, 32);
		e->hd = 1;
	}
}

/*
 * A struct key from a backend key.  Ed25519 goes to libsodium (the backend
 * key is released), everything else keeps pkey.
 */
static int
wrap(const struct ossl_backend *b, void *pkey, const struct ossl_keyinfo *info,
    const char *name, const char *form, struct key **out)
{
	struct ed_parts e;
	struct key *k;
	int rc = JW_OK;

	if (info->type == OSSL_T_ED25519) {
		memset(&e, 0, sizeof(e));
		if (b->export_jwk(pkey, 1, collect_ed25519, &e) != 0 || !e.hx ||
		    (info->priv && !e.hd))
			rc = jw_fail(JW_EKEY, "key '%s': cannot read the Ed25519 "
			    "key", name);
		else {
			k = key_ed25519(info->priv ? e.d : NULL, e.x, form);
			if (info->priv && sodium_memcmp_ct(k->pub, e.x, 32)) {
				key_free(k);
				rc = jw_fail(JW_EKEY, "key '%s': the Ed25519 "
				    "private key does not match its public key",
				    name);
			} else
				*out = k;
		}
		secure_wipe(&e, sizeof(e));
		b->free_key(pkey);
		return rc;
	}
	k = xcalloc(1, sizeof(*k));
	k->kty = info->type == OSSL_T_RSA ? KTY_RSA : info->type ==
	    OSSL_T_EC ? KTY_EC : KTY_OKP;
	k->crv = info->crv;
	k->bits = info->bits;
	k->priv = info->priv;
	k->pkey = pkey;
	k->form = form;
	*out = k;
	return JW_OK;
}

int
ossl_key_load(const unsigned char *data, size_t len, int input,
    const char *pass, size_t passlen, const char *name, const char *form,
    struct key **out)
{
	const struct ossl_backend *b = ossl_get();
	struct ossl_keyinfo info;
	void *pkey = NULL;
	int rc;

	*out = NULL;
	if (b == NULL)
		return jw_fail(JW_EKEY, "key '%s': %s", name, jw_error());
	switch ((rc = b->load(data, len, input, pass, passlen, &pkey,
	    &info))) {
	case 0:
		break;
	case OSSL_NEEDPASS:
		return jw_fail(JW_EKEY, "key '%s' is encrypted: give its "
		    "passphrase with --passphrase-file", name);
	case OSSL_BADPASS:
		return jw_fail(JW_EKEY, "key '%s': cannot decrypt it with the "
		    "passphrase given (wrong passphrase?)", name);
	default:
		return jw_fail(JW_EKEY, "key '%s': %s", name, b->error());
	}
	return wrap(b, pkey, &info, name, info.cert ? "certificate" : form,
	    out);
}

/* A key built by the backend from members: a JWK's (jwk) or a DER's. */
static int
from_members(int type, const char *crv, const struct ossl_member *m,
    size_t nm, int jwk, const char *name, const char *form, struct key **out)
{
	const struct ossl_backend *b = ossl_get();
	struct ossl_keyinfo info;
	void *pkey = NULL;

	*out = NULL;
	if (b == NULL)
		return jw_fail(JW_EKEY, "key '%s': %s", name, jw_error());
	if (b->from_jwk(type, crv, m, nm, jwk, &pkey, &info) != 0)
		return jw_fail(JW_EKEY, "key '%s': %s", name, b->error());
	return wrap(b, pkey, &info, name, form, out);
}

int
ossl_key_from_jwk(int type, const char *crv, const struct ossl_member *m,
    size_t nm, const char *name, struct key **out)
{
	return from_members(type, crv, m, nm, 1, name, "JWK", out);
}

int
ossl_key_from_parts(int type, const char *crv, const struct ossl_member *m,
    size_t nm, const char *name, const char *form, struct key **out)
{
	return from_members(type, crv, m, nm, 0, name, form, out);
}

struct ossl_lazy {
	int type;
	const char *crv;
	struct ossl_member m[2];
	size_t nm;
	unsigned char *bytes;	/* the members' bytes */
	char *name;		/* the key's source, for messages */
	void *pkey;		/* once imported */
	char *why;		/* once the import failed: its message */
};

/* One lock for every deferred import: they are rare and short. */
static pthread_mutex_t lazy_lock = PTHREAD_MUTEX_INITIALIZER;

int
ossl_key_defer(int type, const char *crv, unsigned bits,
    const struct ossl_member *m, size_t nm, const char *name,
    struct key **out)
{
	struct ossl_lazy *l = xcalloc(1, sizeof(*l));
	struct key *k;
	size_t i, total = 0, o = 0;

	if (nm > sizeof(l->m) / sizeof(l->m[0]))
		abort();
	for (i = 0; i < nm; i++)
		total += m[i].n;
	l->bytes = xmalloc(total ? total : 1);
	for (i = 0; i < nm; i++) {
		memcpy(l->bytes + o, m[i].b, m[i].n);
		l->m[i].name = m[i].name;
		l->m[i].b = l->bytes + o;
		l->m[i].n = m[i].n;
		o += m[i].n;
	}
	l->nm = nm;
	l->type = type;
	l->crv = crv;
	l->name = xstrdup(name);
	k = xcalloc(1, sizeof(*k));
	k->kty = type == OSSL_T_RSA ? KTY_RSA : KTY_EC;
	k->crv = crv;
	k->bits = bits;
	k->form = "JWK";
	k->lazy = l;
	*out = k;
	return JW_OK;
}

void
ossl_lazy_free(struct ossl_lazy *l)
{
	if (l == NULL)
		return;
	ossl_key_free(l->pkey);
	free(l->bytes);
	free(l->name);
	free(l->why);
	free(l);
}

/*
 * The backend key of key, imported now if it was deferred: JW_OK with *pk
 * (NULL for a key that has none, as an Ed25519 or oct one), or JW_EKEY
 * with the import's message, the same at every use.
 */
static int
pkey_of(const struct key *key, void **pk)
{
	struct ossl_lazy *l = key->lazy;
	const struct ossl_backend *b;
	struct ossl_keyinfo info;
	char msg[512] = "";
	int rc = JW_OK;

	*pk = key->pkey;
	if (l == NULL)
		return JW_OK;
	pthread_mutex_lock(&lazy_lock);
	if (l->pkey == NULL && l->why == NULL) {
		if ((b = ossl_get()) == NULL)
			snprintf(msg, sizeof(msg), "%s", jw_error());
		else if (b->from_jwk(l->type, l->crv, l->m, l->nm, 1, &l->pkey,
		    &info) != 0)
			snprintf(msg, sizeof(msg), "%s", b->error());
		if (l->pkey == NULL)
			l->why = xstrdup(msg);
	}
	if (l->pkey == NULL)
		rc = jw_fail(JW_EKEY, "key '%s': %s", l->name, l->why);
	*pk = l->pkey;
	pthread_mutex_unlock(&lazy_lock);
	return rc;
}

/*
 * Emit key through the backend's export_jwk, or its to_pem when pem: what
 * ossl_key_export and ossl_key_pem share.
 */
static int
emit_key(const struct key *key, int pem, int with_private, ossl_emit_fn emit,
    void *ctx)
{
	const struct ossl_backend *b = ossl_get();
	const char *as = pem ? "written as PEM" : "exported";
	void *pk;
	int rc;

	if (b == NULL)
		return JW_EKEY;
	if ((rc = pkey_of(key, &pk)) != JW_OK)
		return rc;
	if (pk == NULL)
		return jw_fail(JW_EKEY, "the %s cannot be %s", key_describe(key),
		    as);
	if ((pem ? b->to_pem(pk, with_private, emit, ctx) :
	    b->export_jwk(pk, with_private, emit, ctx)) != 0)
		return jw_fail(JW_EKEY, "cannot %s the %s%s: %s", pem ?
		    "write" : "export", key_describe(key), pem ? " as PEM" :
		    "", b->error());
	return JW_OK;
}

int
ossl_key_export(const struct key *key, int with_private, ossl_emit_fn emit,
    void *ctx)
{
	return emit_key(key, 0, with_private, emit, ctx);
}

int
ossl_key_generate(int type, const char *crv, unsigned bits, struct key **out)
{
	const struct ossl_backend *b = ossl_get();
	struct ossl_keyinfo info;
	void *pkey = NULL;

	*out = NULL;
	if (b == NULL)
		return JW_EKEY;
	if (b->generate(type, crv, bits, &pkey, &info) != 0)
		return jw_fail(JW_EKEY, "%s", b->error());
	return wrap(b, pkey, &info, "generated", "generated", out);
}

int
ossl_key_pem(const struct key *key, int with_private, ossl_emit_fn emit,
    void *ctx)
{
	return emit_key(key, 1, with_private, emit, ctx);
}

void
ossl_key_free(void *pkey)
{
	/* a key exists only if the backend was loaded */
	if (pkey != NULL && backend != NULL)
		backend->free_key(pkey);
}

/*
 * RSA and ECDSA over SHA-256 or SHA-512 are handed the digest, made here
 * with libsodium: OpenSSL then never fetches a digest for them, and the
 * backend keeps one prepared context a thread (see its prepared()).
 * Returns the bytes to sign, *digest set when they are the digest; EdDSA
 * and SHA-384 leave the hashing to OpenSSL.
 */
static const unsigned char *
prehash(int scheme, const char *md, const unsigned char *msg,
    size_t *msglen, unsigned char *buf, int *digest)
{
	*digest = 0;
	if (scheme == OSSL_S_EDDSA)
		return msg;
	if (strcmp(md, "SHA256") == 0) {
		crypto_hash_sha256(buf, msg, *msglen);
		*msglen = crypto_hash_sha256_BYTES;
	} else if (strcmp(md, "SHA512") == 0) {
		crypto_hash_sha512(buf, msg, *msglen);
		*msglen = crypto_hash_sha512_BYTES;
	} else
		return msg;
	*digest = 1;
	return buf;
}

/* Sign with a backend key; scheme is enum ossl_scheme. */
static int
pkey_sign(int scheme, const struct alg *alg, const struct key *key,
    const unsigned char *msg, size_t msglen, unsigned char *sig,
    size_t *siglen)
{
	const struct ossl_backend *b;
	unsigned char dgst[crypto_hash_sha512_BYTES];
	void *pk;
	int rc, digest;

	if (!key->priv)
		return jw_fail(JW_EKEY, "cannot sign with a public key (%s)",
		    key_describe(key));
	if ((rc = pkey_of(key, &pk)) != JW_OK)
		return rc;
	if (pk == NULL || (alg->crv != NULL && (key->crv == NULL ||
	    strcmp(alg->crv, key->crv) != 0)))
		return jw_fail(JW_EKEY, "the %s cannot make %s signatures",
		    key_describe(key), alg->name);
	if ((b = ossl_get()) == NULL)
		return JW_EKEY;
	msg = prehash(scheme, alg->hash, msg, &msglen, dgst, &digest);
	if (b->sign(pk, scheme, alg->hash, digest, msg, msglen, sig,
	    CRYPTO_MAX_SIG, siglen) != 0)
		return jw_fail(JW_EKEY, "%s signing failed: %s", alg->name,
		    b->error());
	return JW_OK;
}

/*
 * Whether sig is a DER ECDSA-Sig-Value: SEQUENCE { INTEGER r, INTEGER s },
 * every length agreeing (a raw R || S almost never does).
 */
static int
looks_der(const unsigned char *sig, size_t siglen)
{
	size_t i = 2, k;

	if (siglen < 8 || sig[0] != 0x30)
		return 0;
	if (sig[1] == 0x81)
		i = 3;
	else if (sig[1] >= 0x80)
		return 0;
	if (sig[i - 1] + i != siglen)
		return 0;
	for (k = 0; k < 2; k++) {
		if (i + 2 > siglen || sig[i] != 0x02 || sig[i + 1] == 0 ||
		    sig[i + 1] >= 0x80 || i + 2 + sig[i + 1] > siglen)
			return 0;
		i += 2 + sig[i + 1];
	}
	return i == siglen;
}

static int
pkey_verify(int scheme, const struct alg *alg, const struct key *key,
    const unsigned char *msg, size_t msglen, const unsigned char *sig,
    size_t siglen)
{
	const struct ossl_backend *b;
	unsigned char dgst[crypto_hash_sha512_BYTES];
	void *pk;
	int rc, digest;

	if ((rc = pkey_of(key, &pk)) != JW_OK)
		return rc;
	if (pk == NULL || (alg->crv != NULL && (key->crv == NULL ||
	    strcmp(alg->crv, key->crv) != 0)))
		return jw_fail(JW_EKEY, "the %s cannot verify %s signatures",
		    key_describe(key), alg->name);
	if (alg->siglen != 0 && siglen != alg->siglen) {
		int der = scheme == OSSL_S_ECDSA && looks_der(sig, siglen);

		return jw_fail(JW_ESIG, "signature is %zu bytes, %s needs %zu%s",
		    siglen, alg->name, alg->siglen, der ? " (it looks "
		    "DER-encoded; JWS uses raw R || S)" : "");
	}
	if ((b = ossl_get()) == NULL)
		return JW_EKEY;
	msg = prehash(scheme, alg->hash, msg, &msglen, dgst, &digest);
	rc = b->verify(pk, scheme, alg->hash, digest, msg, msglen, sig,
	    siglen);
	if (rc == 0)
		return JW_OK;
	return jw_fail(rc == 1 ? JW_ESIG : JW_EKEY, "%s", b->error());
}

int
ossl_rsa_sign(const struct alg *alg, const struct key *key,
    const unsigned char *msg, size_t msglen, unsigned char *sig,
    size_t *siglen)
{
	return pkey_sign(OSSL_S_PKCS1, alg, key, msg, msglen, sig, siglen);
}

int
ossl_rsa_verify(const struct alg *alg, const struct key *key,
    const unsigned char *msg, size_t msglen, const unsigned char *sig,
    size_t siglen)
{
	return pkey_verify(OSSL_S_PKCS1, alg, key, msg, msglen, sig, siglen);
}

int
ossl_pss_sign(const struct alg *alg, const struct key *key,
    const unsigned char *msg, size_t msglen, unsigned char *sig,
    size_t *siglen)
{
	return pkey_sign(OSSL_S_PSS, alg, key, msg, msglen, sig, siglen);
}

int
ossl_pss_verify(const struct alg *alg, const struct key *key,
    const unsigned char *msg, size_t msglen, const unsigned char *sig,
    size_t siglen)
{
	return pkey_verify(OSSL_S_PSS, alg, key, msg, msglen, sig, siglen);
}

int
ossl_ecdsa_sign(const struct alg *alg, const struct key *key,
    const unsigned char *msg, size_t msglen, unsigned char *sig,
    size_t *siglen)
{
	return pkey_sign(OSSL_S_ECDSA, alg, key, msg, msglen, sig, siglen);
}

int
ossl_ecdsa_verify(const struct alg *alg, const struct key *key,
    const unsigned char *msg, size_t msglen, const unsigned char *sig,
    size_t siglen)
{
	return pkey_verify(OSSL_S_ECDSA, alg, key, msg, msglen, sig, siglen);
}

int
ossl_eddsa_sign(const struct alg *alg, const struct key *key,
    const unsigned char *msg, size_t msglen, unsigned char *sig,
    size_t *siglen)
{
	return pkey_sign(OSSL_S_EDDSA, alg, key, msg, msglen, sig, siglen);
}

int
ossl_eddsa_verify(const struct alg *alg, const struct key *key,
    const unsigned char *msg, size_t msglen, const unsigned char *sig,
    size_t siglen)
{
	return pkey_verify(OSSL_S_EDDSA, alg, key, msg, msglen, sig, siglen);
}
