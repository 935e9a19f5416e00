/* find.h - find compact JWS tokens in free text (logs, curl -v, HAR) */
#ifndef JWTOOL_FIND_H
#define JWTOOL_FIND_H

#include <stddef.h>

/* Where a token was found. */
struct found {
	size_t off, len;	/* the token is text[off..off+len) */
	size_t line, col;	/* 1-based; col counts bytes */
};

/*
 * Find every JWS-looking token in text[0..len), in order: three
 * dot-separated runs of base64url characters whose first decodes to a JSON
 * object with a string "alg" (and no "enc": a JWE is not a JWS).  A token
 * may follow any byte, even a base64url one (as after the "\n" escape of a
 * JSON string), so candidates start where a JSON object's encoding can
 * ("ey" or "ew"), and the encoded header is at most 64 KiB.  The payload
 * and signature are not checked here.
 * Returns the number found, with *out (caller frees; NULL when none).
 */
size_t find_tokens(const char *text, size_t len, struct found **out);

#endif
