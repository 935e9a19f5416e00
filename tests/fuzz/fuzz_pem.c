/*
 * fuzz_pem.c - certificate chains from PEM (sign --x5c, --x5t): whatever
 * is accepted is one or more DER SEQUENCEs, and each x5c string decodes
 * back to its DER.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "keys/certs.h"
#include "base/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct certchain *c = NULL;
	unsigned char *der;
	const cJSON *s;
	char x5t[48];
	cJSON *x5c;
	size_t i = 0, n;

	if (sodium_init() < 0)
		abort();
	if (certs_parse((const char *)data, size, "fuzz", &c) == JW_OK) {
		if (c->n == 0)
			abort();
		x5c = certs_x5c(c);
		cJSON_ArrayForEach(s, x5c) {
			der = malloc(c->len[i] + 1);
			if (c->der[i][0] != 0x30 ||
			    sodium_base642bin(der, c->len[i] + 1,
			    s->valuestring, strlen(s->valuestring), NULL, &n,
			    NULL, sodium_base64_VARIANT_ORIGINAL) != 0 ||
			    n != c->len[i] || memcmp(der, c->der[i], n) != 0)
				abort();
			free(der);
			i++;
		}
		if (i != c->n)
			abort();
		certs_x5t_s256(c, x5t, sizeof(x5t));
		if (strlen(x5t) != 43)
			abort();
		cJSON_Delete(x5c);
		certchain_free(c);
	}
	jw_clear_error();
	return 0;
}
