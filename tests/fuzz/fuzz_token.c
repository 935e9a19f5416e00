/* fuzz_token.c - the token front end: unwrap, strict parse, decode view */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <sodium.h>

#include "base/json.h"
#include "jose/jwt.h"
#include "base/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *tok;
	size_t len;
	struct jwt *t = NULL;

	if (sodium_init() < 0)
		abort();
	jwt_unwrap((const char *)data, size, &tok, &len);
	if (jwt_parse(tok, len, &t) == JW_OK) {
		char *h = json_print(t->header, 1);

		/* a parsed header is an object with a string alg */
		if (t->alg == NULL || !cJSON_IsObject(t->header))
			abort();
		free(h);
		jwt_free(t);
	}
	jw_clear_error();
	return 0;
}
