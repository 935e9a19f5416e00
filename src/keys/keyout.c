/* keyout.c - keys as PEM, JWK or JWKS text, and key files */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "base/cleanup.h"
#include "base/io.h"
#include "base/json.h"
#include "keys/jwk.h"
#include "keys/keygen.h"
#include "crypto/ossl.h"
#include "base/util.h"

int
keyout_parse_format(const char *s, enum keyout_fmt *f)
{
	if (strcmp(s, "pem") == 0)
		*f = KO_PEM;
	else if (strcmp(s, "jwk") == 0)
		*f = KO_JWK;
	else if (strcmp(s, "jwks") == 0)
		*f = KO_JWKS;
	else
		return jw_fail(JW_EUSAGE, "unknown --format '%s' (pem, jwk or "
		    "jwks)", jw_quote(s, strlen(s), 20));
	return JW_OK;
}

/* Text growing in secret memory. */
struct sbuf {
	char *p;
	size_t len, cap;
};

static void
sbuf_add(struct sbuf *b, const void *data, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *p = secret_alloc(cap);

		if (b->p != NULL)
			memcpy(p, b->p, b->len);
		secret_free(b->p);
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, data, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* ossl_emit_fn: the PEM text from the backend. */
static void
emit_pem(void *ctx, const char *name, const unsigned char *b, size_t n)
{
	(void)name;
	sbuf_add(ctx, b, n);
}

/* The PEM block of DER bytes under label, lines of 64 characters. */
static void
pem_block(struct sbuf *b, const char *label, const unsigned char *der,
    size_t n)
{
	size_t blen = sodium_base64_ENCODED_LEN(n,
	    sodium_base64_VARIANT_ORIGINAL), i, left;
	char *b64 = secret_alloc(blen);

	sodium_bin2base64(b64, blen, der, n, sodium_base64_VARIANT_ORIGINAL);
	sbuf_add(b, "-----BEGIN ", 11);
	sbuf_add(b, label, strlen(label));
	sbuf_add(b, "-----\n", 6);
	for (i = 0, left = strlen(b64); left > 0; ) {
		size_t line = left < 64 ? left : 64;

		sbuf_add(b, b64 + i, line);
		sbuf_add(b, "\n", 1);
		i += line;
		left -= line;
	}
	sbuf_add(b, "-----END ", 9);
	sbuf_add(b, label, strlen(label));
	sbuf_add(b, "-----\n", 6);
	secret_free(b64);
}

/*
 * An Ed25519 key of libsodium as PEM: RFC 8410 PKCS#8 OneAsymmetricKey
 * (version 0, no public key member) or SubjectPublicKeyInfo.
 */
static void
ed25519_pem(struct sbuf *b, const struct key *key, int with_private)
{
	static const unsigned char pkcs8[16] = { 0x30, 0x2e, 0x02, 0x01,
	    0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04,
	    0x20 };
	static const unsigned char spki[12] = { 0x30, 0x2a, 0x30, 0x05, 0x06,
	    0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00 };
	unsigned char *der = secret_alloc(48);

	if (with_private && key->priv) {
		memcpy(der, pkcs8, sizeof(pkcs8));
		memcpy(der + sizeof(pkcs8), key->secret, 32);	/* the seed */
		pem_block(b, "PRIVATE KEY", der, 48);
	} else {
		memcpy(der, spki, sizeof(spki));
		memcpy(der + sizeof(spki), key->pub, 32);
		pem_block(b, "PUBLIC KEY", der, 44);
	}
	secret_free(der);
}

/* Append the JSON text of j, then wipe that text. */
static void
add_json(struct sbuf *b, const cJSON *j)
{
	char *s = json_print(j, 1);

	sbuf_add(b, s, strlen(s));
	sbuf_add(b, "\n", 1);
	sodium_memzero(s, strlen(s));
	cJSON_free(s);
}

/* Wipe every string of a JSON tree. */
static void
json_wipe(cJSON *j)
{
	cJSON *c;

	for (c = j; c != NULL; c = c->next) {
		if (c->valuestring != NULL)
			sodium_memzero(c->valuestring, strlen(c->valuestring));
		json_wipe(c->child);
	}
}

int
keyout_text(struct key *const *keys, size_t n, enum keyout_fmt fmt,
    int with_private, char **text, size_t *len)
{
	struct sbuf b = { NULL, 0, 0 };
	cJSON *set = NULL, *arr = NULL, *j;
	size_t i;
	int rc = JW_OK;

	*text = NULL;
	*len = 0;
	if (fmt == KO_JWK && n != 1)
		return jw_fail(JW_EUSAGE, "%zu keys make no single JWK: use "
		    "--format jwks", n);
	if (fmt == KO_JWKS) {
		set = cJSON_CreateObject();
		arr = cJSON_AddArrayToObject(set, "keys");
	}
	for (i = 0; i < n && rc == JW_OK; i++) {
		const struct key *k = keys[i];

		if (fmt != KO_PEM) {
			if ((j = key_to_jwk(k, with_private)) == NULL) {
				rc = JW_EKEY;
				break;
			}
			if (arr != NULL)
				cJSON_AddItemToArray(arr, j);
			else {
				add_json(&b, j);
				jwk_free(j);
			}
		} else if (k->kty == KTY_OCT)
			rc = jw_fail(JW_EKEY, "an HMAC secret cannot be written "
			    "as PEM (use --format jwk or jwks)");
		else if (k->kty == KTY_OKP && k->pkey == NULL)
			ed25519_pem(&b, k, with_private);
		else
			rc = ossl_key_pem(k, with_private, emit_pem, &b);
	}
	if (set != NULL) {
		if (rc == JW_OK)
			add_json(&b, set);
		json_wipe(set);
		cJSON_Delete(set);
	}
	if (rc != JW_OK) {
		secret_free(b.p);
		return rc;
	}
	if (b.p == NULL)
		sbuf_add(&b, "", 0);
	*text = b.p;
	*len = b.len;
	return JW_OK;
}

int
keyfile_prepare(const char *path, const char *data, size_t len,
    mode_t mode, int force, struct keyfile *kf)
{
	size_t off = 0;
	int fd, rc = JW_OK;

	kf->path = xstrdup(path);
	kf->tmp = NULL;
	kf->force = force;
	/* recorded as made: a signal removes it until keyfile_commit */
	if (force)	/* a temporary file next to PATH, renamed over it */
		fd = io_create_tmp(path, 0600, &kf->tmp, &kf->slot);
	else
		fd = io_create(path, mode, &kf->slot);
	if (fd == -1) {
		if (!force && errno == EEXIST)
			rc = jw_fail(JW_EIO, "'%s' exists: not replaced (use "
			    "--force to replace it)", jw_quote(path,
			    strlen(path), 80));
		else
			rc = jw_fail(JW_EIO, "cannot create '%s': %s",
			    jw_quote(path, strlen(path), 80), strerror(errno));
		free(kf->path);
		kf->path = NULL;
		return rc;
	}
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	/* the mode asked for, whatever the umask */
	if (off < len || fchmod(fd, mode) != 0 || fsync(fd) != 0) {
		rc = jw_fail(JW_EIO, "cannot write '%s': %s", jw_quote(path,
		    strlen(path), 80), strerror(errno));
		close(fd);
	} else if (close(fd) != 0)
		rc = jw_fail(JW_EIO, "cannot write '%s': %s", jw_quote(path,
		    strlen(path), 80), strerror(errno));
	if (rc != JW_OK)
		keyfile_abort(kf);
	return rc;
}

int
keyfile_commit(struct keyfile *kf)
{
	int rc = JW_OK;

	if (kf->force && rename(kf->tmp, kf->path) != 0) {
		rc = jw_fail(JW_EIO, "cannot replace '%s': %s",
		    jw_quote(kf->path, strlen(kf->path), 80), strerror(errno));
		unlink(kf->tmp);
	}
	cleanup_remove(kf->slot);
	free(kf->tmp);
	free(kf->path);
	kf->tmp = kf->path = NULL;
	return rc;
}

void
keyfile_abort(struct keyfile *kf)
{
	if (kf->path == NULL)
		return;
	/* the temporary file, or PATH itself: ours, made by prepare */
	unlink(kf->force ? kf->tmp : kf->path);
	cleanup_remove(kf->slot);
	free(kf->tmp);
	free(kf->path);
	kf->tmp = kf->path = NULL;
}
