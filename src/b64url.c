/* b64url.c - strict base64url over libsodium */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "b64url.h"
#include "util.h"

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

char *
b64url_encode(const unsigned char *in, size_t n)
{
	char *out = xmalloc(b64url_encoded_len(n) + 1);

	b64url_encode_to(out, in, n);
	return out;
}

static int
is_alpha(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_';
}

int
b64url_decode(const char *in, size_t n, int secret, unsigned char **out,
    size_t *outlen, size_t *bad)
{
	size_t i, cap = n / 4 * 3 + 3, got = 0;
	unsigned char *buf;

	/* libsodium stops early at a non-alphabet byte: check them first. */
	for (i = 0; i < n; i++)
		if (!is_alpha((unsigned char)in[i])) {
			if (bad != NULL)
				*bad = i;
			return -1;
		}
	buf = secret ? secret_alloc(cap + 1) : xmalloc(cap + 1);
	if (n % 4 == 1 || (n > 0 && (sodium_base642bin(buf, cap, in, n, NULL,
	    &got, NULL, VARIANT) != 0 || got > cap))) {
		if (secret)
			secret_free(buf);
		else
			free(buf);
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
