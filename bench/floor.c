/*
 * floor.c - the floor for one token per process: a C program linked only
 * with libsodium and cJSON that initialises both and prints a fixed token.
 */
#include <stdio.h>

#include <cJSON.h>
#include <sodium.h>

int
main(void)
{
	cJSON *j;

	if (sodium_init() < 0)
		return 1;
	j = cJSON_Parse("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
	cJSON_Delete(j);
	puts("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhIn0."
	    "jNcnRqmkn4boPlgggsm_N4pXrr6ar0dzSqDkuzybxsw");
	return 0;
}
