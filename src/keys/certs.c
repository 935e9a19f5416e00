/* certs.c - X.509 certificates from PEM, for the x5c and x5t#S256 headers */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/b64url.h"
#include "keys/certs.h"
#include "base/io.h"
#include "base/util.h"

void
certchain_free(struct certchain *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++)
		free(c->der[i]);
	free(c->der);
	free(c->len);
	free(c);
}

/* 1 when der[0..n) is exactly one DER SEQUENCE (definite length). */
static int
is_der_sequence(const unsigned char *der, size_t n)
{
	size_t l, nb, i;

	if (n < 2 || der[0] != 0x30)
		return 0;
	if (der[1] < 0x80)
		return n == 2 + (size_t)der[1];
	nb = der[1] & 0x7f;
	if (nb == 0 || nb > 4 || n < 2 + nb || der[2] == 0)
		return 0;
	for (l = 0, i = 0; i < nb; i++)
		l = l << 8 | der[2 + i];
	return l >= 0x80 && n - 2 - nb == l;
}

/* Decode one certificate body (base64 with whitespace removed). */
static int
add_cert(struct certchain *c, const char *b64, size_t len, const char *name)
{
	unsigned char *der = xmalloc(len / 4 * 3 + 3);
	size_t n = 0;

	if (len == 0 || len % 4 != 0 || sodium_base642bin(der, len / 4 * 3 + 3,
	    b64, len, NULL, &n, NULL, sodium_base64_VARIANT_ORIGINAL) != 0) {
		free(der);
		return jw_fail(JW_EMALFORMED, "%s: certificate %zu: invalid "
		    "base64", name, c->n + 1);
	}
	if (!is_der_sequence(der, n)) {
		free(der);
		return jw_fail(JW_EMALFORMED, "%s: certificate %zu is not DER "
		    "(expected one ASN.1 SEQUENCE)", name, c->n + 1);
	}
	c->der = xrealloc(c->der, (c->n + 1) * sizeof(*c->der));
	c->len = xrealloc(c->len, (c->n + 1) * sizeof(*c->len));
	c->der[c->n] = der;
	c->len[c->n++] = n;
	return JW_OK;
}

/* The label of a "-----BEGIN X-----" or "-----END X-----" line, or NULL. */
static const char *
boundary(const char *line, size_t n, const char *kind, size_t *lablen)
{
	size_t k = strlen(kind);

	if (n < 10 + k + 1 || memcmp(line, "-----", 5) != 0 ||
	    memcmp(line + 5, kind, k) != 0 || line[5 + k] != ' ' ||
	    memcmp(line + n - 5, "-----", 5) != 0)
		return NULL;
	*lablen = n - 10 - k - 1;
	return line + 5 + k + 1;
}

int
certs_parse(const char *text, size_t len, const char *name,
    struct certchain **out)
{
	struct certchain *c = xcalloc(1, sizeof(*c));
	const char *p = text, *end = text + len, *nl, *lab, *in_lab = NULL;
	size_t n, lablen, in_len = 0, bl = 0, lineno = 0, i;
	char *body = xmalloc(len + 1);
	int rc = JW_OK, in_cert = 0;

	for (; p < end && rc == JW_OK; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		lineno++;
		for (n = (size_t)(nl - p); n > 0 && (p[n - 1] == '\r' ||
		    p[n - 1] == ' ' || p[n - 1] == '\t'); n--)
			;
		if (in_lab == NULL) {
			if ((lab = boundary(p, n, "BEGIN", &lablen)) != NULL) {
				in_lab = lab;
				in_len = lablen;
				in_cert = lablen == 11 &&
				    memcmp(lab, "CERTIFICATE", 11) == 0;
				bl = 0;
			}
			continue;
		}
		if ((lab = boundary(p, n, "END", &lablen)) != NULL) {
			if (lablen != in_len || memcmp(lab, in_lab, in_len))
				rc = jw_fail(JW_EMALFORMED, "%s: line %zu: "
				    "'BEGIN %.*s' ended by 'END %.*s'", name,
				    lineno, (int)in_len, in_lab, (int)lablen,
				    lab);
			else if (in_cert)
				rc = add_cert(c, body, bl, name);
			in_lab = NULL;
			continue;
		}
		if (!in_cert)
			continue;
		if (memchr(p, ':', n) != NULL) {
			rc = jw_fail(JW_EMALFORMED, "%s: line %zu: headers in a "
			    "CERTIFICATE block are not supported", name,
			    lineno);
			break;
		}
		for (i = 0; i < n; i++)
			if (p[i] != ' ' && p[i] != '\t')
				body[bl++] = p[i];
	}
	if (rc == JW_OK && in_lab != NULL)
		rc = jw_fail(JW_EMALFORMED, "%s: 'BEGIN %.*s' has no END line",
		    name, (int)in_len, in_lab);
	if (rc == JW_OK && c->n == 0)
		rc = jw_fail(JW_EMALFORMED, "%s: no CERTIFICATE block (expected "
		    "PEM: -----BEGIN CERTIFICATE-----)", name);
	free(body);
	if (rc != JW_OK) {
		certchain_free(c);
		return rc;
	}
	*out = c;
	return JW_OK;
}

int
certs_load(const char *src, const char *what, struct certchain **out)
{
	unsigned char *data;
	char name[128];
	size_t len;
	int rc;

	/* The file may also hold a private key: read it as a secret. */
	if ((rc = io_read(src, "certificate file", 1, &data, &len)) != JW_OK)
		return rc;
	snprintf(name, sizeof(name), "%s '%s'", what, jw_quote(src,
	    strlen(src), 60));
	rc = certs_parse((const char *)data, len, name, out);
	io_free(data, 1);
	return rc;
}

cJSON *
certs_x5c(const struct certchain *c)
{
	cJSON *a = cJSON_CreateArray();
	size_t i, n;
	char *s;

	for (i = 0; i < c->n; i++) {
		n = sodium_base64_ENCODED_LEN(c->len[i],
		    sodium_base64_VARIANT_ORIGINAL);
		s = xmalloc(n);
		sodium_bin2base64(s, n, c->der[i], c->len[i],
		    sodium_base64_VARIANT_ORIGINAL);
		cJSON_AddItemToArray(a, cJSON_CreateString(s));
		free(s);
	}
	return a;
}

void
certs_x5t_s256(const struct certchain *c, char *out, size_t outlen)
{
	unsigned char h[crypto_hash_sha256_BYTES];

	if (outlen < b64url_encoded_len(sizeof(h)) + 1)
		abort();
	crypto_hash_sha256(h, c->der[0], c->len[0]);
	b64url_encode_to(out, h, sizeof(h));
}
