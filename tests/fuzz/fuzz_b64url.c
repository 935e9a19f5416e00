/* fuzz_b64url.c - strict base64url: decode, and re-encode to the same text */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/b64url.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *out;
	size_t n, bad = 0;
	char *back;

	if (sodium_init() < 0)
		abort();
	if (b64url_decode((const char *)data, size, 0, &out, &n, &bad) != 0) {
		if (bad > size)
			abort();
		return 0;
	}
	/* strict decoding is canonical: encoding gives the input back */
	back = b64url_encode(out, n);
	if (strlen(back) != size || memcmp(back, data, size) != 0)
		abort();
	free(back);
	free(out);
	return 0;
}
