/*
 * fuzz_json.c - the strict JSON front end, differentially against plain
 * cJSON: whatever json_parse accepts, cJSON accepts too with the same
 * structure; the printed form parses again to the same text.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "base/json.h"
#include "base/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Same shape: types, names and strings; numbers by cJSON's double. */
static int
same(const cJSON *ours, const cJSON *theirs)
{
	const cJSON *a, *b;

	if (json_is_number(ours)) {
		if (!cJSON_IsNumber(theirs))
			return 0;
		return ours->valuedouble == theirs->valuedouble ||
		    (ours->valuedouble != ours->valuedouble &&
		    theirs->valuedouble != theirs->valuedouble);
	}
	if ((ours->type & 0xff) != (theirs->type & 0xff))
		return 0;
	if ((ours->string == NULL) != (theirs->string == NULL) ||
	    (ours->string && strcmp(ours->string, theirs->string) != 0))
		return 0;
	if (cJSON_IsString(ours) &&
	    strcmp(ours->valuestring, theirs->valuestring) != 0)
		return 0;
	for (a = ours->child, b = theirs->child; a && b; a = a->next,
	    b = b->next)
		if (!same(a, b))
			return 0;
	return a == NULL && b == NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *printed, *again;
	cJSON *ours = NULL, *theirs, *re = NULL;

	memcpy(text, data, size);
	text[size] = '\0';
	if (json_parse(text, size, "fuzz", &ours) == JW_OK) {
		theirs = cJSON_ParseWithOpts(text, NULL, 1);
		if (theirs == NULL || !same(ours, theirs))
			abort();
		cJSON_Delete(theirs);
		printed = json_print(ours, 0);
		if (json_parse(printed, strlen(printed), "re", &re) != JW_OK)
			abort();
		again = json_print(re, 0);
		if (strcmp(printed, again) != 0)
			abort();
		free(again);
		free(printed);
		cJSON_Delete(re);
		cJSON_Delete(ours);
	}
	jw_clear_error();
	free(text);
	return 0;
}
