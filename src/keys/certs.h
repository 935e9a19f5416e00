/* certs.h - X.509 certificates from PEM, for the x5c and x5t#S256 headers */
#ifndef JWTOOL_CERTS_H
#define JWTOOL_CERTS_H

#include <stddef.h>

#include <cJSON.h>

/* The DER of each certificate, in file order (the leaf first, by custom). */
struct certchain {
	unsigned char **der;
	size_t *len;
	size_t n;
};

/*
 * Read every "-----BEGIN CERTIFICATE-----" block of the PEM text at SRC
 * (a path, "-" or "env:NAME"); text outside blocks and other blocks (a
 * private key kept in the same file) are skipped, never copied.  Each
 * body must be base64 (RFC 7468: standard alphabet, padding, no headers)
 * of one DER SEQUENCE.  The certificates are not checked otherwise (not
 * their dates, nor that they match the signing key).  WHAT names SRC in
 * messages ("--x5c").  Returns JW_OK with *out (free with
 * certchain_free), JW_EMALFORMED or JW_EIO with a message.
 */
int certs_load(const char *src, const char *what, struct certchain **out);
/* The same from text[0..len); name is used in messages. */
int certs_parse(const char *text, size_t len, const char *name,
    struct certchain **out);
void certchain_free(struct certchain *c);

/*
 * The x5c header value (RFC 7515 section 4.1.6): an array holding the
 * standard base64, with padding, of each certificate's DER.
 */
cJSON *certs_x5c(const struct certchain *c);

/*
 * The x5t#S256 header value (RFC 7515 section 4.1.8): base64url of the
 * SHA-256 of the first certificate's DER, into out (at least 44 bytes).
 */
void certs_x5t_s256(const struct certchain *c, char *out, size_t outlen);

#endif
