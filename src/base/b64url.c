/* b64url.c - strict base64url over libsodium */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/b64url.h"
#include "base/util.h"

#define VARIANT sodium_base64_VARIANT_URLSAFE_NO_PADDING

size_t
b64url_encoded_len(size_t n)
{
	return sodium_base64_ENCODED_LEN(n, VARIANT) - 1;
}

void
b64url_encode_to(char *out, const unsigned char *in, size_t n)
{
	sodium_bin2base64(out, b64url_encoded_len(n) + 1, in, n, VARIANT);
}

void
b64url_encode_public_to(char *out, const unsigned char *in, size_t n)
{
	static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_";
	size_t i;
	unsigned v;

	for (i = 0; i + 3 <= n; i += 3) {
		v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8 | in[i + 2];
		*out++ = a[v >> 18];
		*out++ = a[(v >> 12) & 63];
		*out++ = a[(v >> 6) & 63];
		*out++ = a[v & 63];
	}
	if (n - i == 1) {
		v = (unsigned)in[i] << 16;
		*out++ = a[v >> 18];
		*out++ = a[(v >> 12) & 63];
	} else if (n - i == 2) {
		v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8;
		*out++ = a[v >> 18];
		*out++ = a[(v >> 12) & 63];
		*out++ = a[(v >> 6) & 63];
	}
	*out = '\0';
}

char *
b64url_encode(const unsigned char *in, size_t n)
{
	char *out = xmalloc(b64url_encoded_len(n) + 1);

	b64url_encode_to(out, in, n);
	return out;
}

/*
 * The value of each byte of the base64url alphabet; BAD (64, a bit no
 * value has) for the others, so that a decoder can OR the values it reads
 * and test that bit once.
 */
#define BAD 64
static const unsigned char val[256] = {
	64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
	64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
	64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 62, 64, 64,
	52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 64, 64, 64, 64, 64, 64,
	64,  0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14,
	15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 64, 64, 64, 64, 63,
	64, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
	41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 64, 64, 64, 64, 64,
	64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
	64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
	64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
	64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
	64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
	64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
	64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
	64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
};

static int
is_alpha(unsigned char c)
{
	return val[c] != BAD;
}

/*
 * b64url_decode_into: public data, table-driven in one pass: a byte
 * outside the alphabet is found by the BAD bit of the values read; a
 * length of 4k+1, or unused bits that are not zero, is refused as
 * libsodium refuses them.
 */
int
b64url_decode_into(const char *in, size_t n, unsigned char *out,
    size_t *outlen, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)in;
	unsigned char *o = out;
	size_t i, k, r = n % 4;
	unsigned v, acc = 0;

	for (i = 0; i + 4 <= n; i += 4) {
		acc |= val[u[i]] | val[u[i + 1]] | val[u[i + 2]] |
		    val[u[i + 3]];
		v = (unsigned)val[u[i]] << 18 | (unsigned)val[u[i + 1]] << 12 |
		    (unsigned)val[u[i + 2]] << 6 | (unsigned)val[u[i + 3]];
		*o++ = (unsigned char)(v >> 16);
		*o++ = (unsigned char)(v >> 8);
		*o++ = (unsigned char)v;
	}
	for (k = i; k < n; k++)	/* the last, partial group */
		acc |= val[u[k]];
	if (acc & BAD) {
		for (i = 0; is_alpha(u[i]); i++)
			;
		if (bad != NULL)
			*bad = i;
		return -1;
	}
	if (r == 1 || (r == 2 && (val[u[n - 1]] & 15)) ||
	    (r == 3 && (val[u[n - 1]] & 3))) {
		if (bad != NULL)
			*bad = n;
		return -1;
	}
	if (r >= 2) {
		v = (unsigned)val[u[i]] << 18 | (unsigned)val[u[i + 1]] << 12;
		if (r == 3)
			v |= (unsigned)val[u[i + 2]] << 6;
		*o++ = (unsigned char)(v >> 16);
		if (r == 3)
			*o++ = (unsigned char)(v >> 8);
	}
	*o = '\0';
	*outlen = (size_t)(o - out);
	return 0;
}

int
b64url_decode(const char *in, size_t n, int secret, unsigned char **out,
    size_t *outlen, size_t *bad)
{
	size_t i, cap = n / 4 * 3 + 3, got = 0;
	unsigned char *buf;

	if (!secret) {
		buf = xmalloc(B64URL_DECODED_MAX(n));
		if (b64url_decode_into(in, n, buf, outlen, bad) != 0) {
			free(buf);
			return -1;
		}
		*out = buf;
		return 0;
	}
	/* libsodium stops early at a non-alphabet byte: check them first. */
	for (i = 0; i < n; i++)
		if (!is_alpha((unsigned char)in[i])) {
			if (bad != NULL)
				*bad = i;
			return -1;
		}
	buf = secret_alloc(cap + 1);
	if (n % 4 == 1 || (n > 0 && (sodium_base642bin(buf, cap, in, n, NULL,
	    &got, NULL, VARIANT) != 0 || got > cap))) {
		secret_free(buf);
		if (bad != NULL)
			*bad = n;
		return -1;
	}
	buf[got] = '\0';
	*out = buf;
	*outlen = got;
	return 0;
}

const char *
b64url_why(const char *in, size_t n, size_t bad)
{
	static _Thread_local char why[96];
	unsigned char c;

	if (bad >= n) {
		if (n % 4 == 1)
			return "its length is not possible for base64url";
		return "its last character has non-zero unused bits "
		    "(non-canonical base64url)";
	}
	c = (unsigned char)in[bad];
	if (c == '=')
		snprintf(why, sizeof(why), "byte %zu is '=' (padding is not "
		    "allowed in base64url)", bad);
	else if (c == '+' || c == '/')
		snprintf(why, sizeof(why), "byte %zu is '%c' (base64, not "
		    "base64url)", bad, c);
	else if (c > 0x20 && c < 0x7f)
		snprintf(why, sizeof(why), "byte %zu is '%c', not a base64url "
		    "character", bad, c);
	else
		snprintf(why, sizeof(why), "byte %zu is 0x%02x, not a "
		    "base64url character", bad, c);
	return why;
}
