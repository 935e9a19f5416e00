/* fuzz_keys.c - key loading: detection, secrets, JWK, JWKS, PEM, DER */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <sodium.h>

#include "keys/keys.h"
#include "base/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct keyset *ks = NULL;
	enum key_format fmt;
	size_t i;

	if (sodium_init() < 0)
		abort();
	if (size < 1)
		return 0;
	/* the first byte picks the format: auto most of the time */
	fmt = data[0] < 128 ? KF_AUTO : (enum key_format)(data[0] % 9);
	if (keys_load_mem(data + 1, size - 1, "fuzz", fmt, &ks) == JW_OK) {
		for (i = 0; i < ks->n; i++) {
			key_default_alg(ks->keys[i]);
			key_describe(ks->keys[i]);
		}
		keyset_free(ks);
	}
	jw_clear_error();
	return 0;
}
