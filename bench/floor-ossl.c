/*
 * floor-ossl.c - the floor for one RSA or EC token per process with
 * libcrypto as the distribution ships it: floor.c, plus loading
 * libcrypto.so.3 as jwtool's backend does and starting it with jwtool's
 * options, and nothing else (no key, no signature).
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>

#include <cJSON.h>
#include <openssl/crypto.h>
#include <sodium.h>

int
main(void)
{
	int (*init)(uint64_t, const OPENSSL_INIT_SETTINGS *);
	void *h;
	cJSON *j;

	if (sodium_init() < 0)
		return 1;
	j = cJSON_Parse("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
	cJSON_Delete(j);
	if ((h = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL |
	    RTLD_DEEPBIND)) == NULL ||
	    (*(void **)&init = dlsym(h, "OPENSSL_init_crypto")) == NULL ||
	    init(OPENSSL_INIT_NO_LOAD_CONFIG |
	    OPENSSL_INIT_NO_LOAD_CRYPTO_STRINGS |
	    OPENSSL_INIT_NO_ADD_ALL_CIPHERS |
	    OPENSSL_INIT_NO_ADD_ALL_DIGESTS, NULL) != 1)
		return 1;
	puts("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhIn0.c2ln");
	return 0;
}
