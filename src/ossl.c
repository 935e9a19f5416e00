/* ossl.c - find and load the OpenSSL backend on first use */
#include <dlfcn.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "crypto.h"
#include "keys.h"
#include "ossl.h"
#include "util.h"

#ifndef JWTOOL_LIBDIR
#define JWTOOL_LIBDIR "/usr/local/lib/jwtool"
#endif

static const struct ossl_backend *backend;

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
	if ((h = dlopen(path, RTLD_NOW | RTLD_LOCAL)) == NULL)
		snprintf(why, whylen, "%s", dlerror());
	return h;
}

const struct ossl_backend *
ossl_get(void)
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

	if ((rc = ossl_hmac_sign(alg, key, msg, msglen, mac, &maclen)) != 0)
		return rc;
	rc = siglen == maclen && sodium_memcmp_ct(mac, sig, maclen) == 0 ?
	    JW_OK : jw_fail(JW_ESIG, "signature does not match");
	secure_wipe(mac, sizeof(mac));
	return rc;
}
