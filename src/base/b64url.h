/* b64url.h - strict base64url (RFC 4648 section 5, no padding) over libsodium */
#ifndef JWTOOL_B64URL_H
#define JWTOOL_B64URL_H

#include <stddef.h>

/* Length of the encoding of n bytes, without the terminating NUL. */
size_t b64url_encoded_len(size_t n);
/* Encode into a new NUL-terminated string (caller frees). */
/*
 * The same, table-driven: faster, but its timing depends on the bytes, so
 * only for what is public anyway (headers, payloads, signatures).
 */
void b64url_encode_public_to(char *out, const unsigned char *in, size_t n);
char *b64url_encode(const unsigned char *in, size_t n);
/* Encode into out, which has room for b64url_encoded_len(n) + 1 bytes. */
void b64url_encode_to(char *out, const unsigned char *in, size_t n);

/*
 * Strictly decode in[0..n): only the URL-safe alphabet, no padding, no
 * whitespace, canonical trailing bits.  *out (caller frees, or io_free with
 * secret set) is NUL-terminated.  On failure returns -1 and, when bad is
 * not NULL, sets *bad to the offset of the first offending byte (n when
 * the length or the trailing bits are wrong).
 */
int b64url_decode(const char *in, size_t n, int secret, unsigned char **out,
    size_t *outlen, size_t *bad);

/*
 * The same for public data (headers, payloads, signatures) into out, which
 * has room for B64URL_DECODED_MAX(n) bytes: table-driven, its timing
 * depends on the bytes.
 */
#define B64URL_DECODED_MAX(n) ((n) / 4 * 3 + 3)
int b64url_decode_into(const char *in, size_t n, unsigned char *out,
    size_t *outlen, size_t *bad);

/* Why the text at offset bad failed, as a short phrase. */
const char *b64url_why(const char *in, size_t n, size_t bad);

#endif
