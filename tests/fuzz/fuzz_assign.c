/*
 * fuzz_assign.c - sign's --claim assignments: the first line is a JSON
 * object, each further line a NAME=VALUE, NAME:=JSON, NAME+=VALUE or
 * NAME+:=JSON applied to it.  Whatever is built must print as JSON that
 * the strict parser accepts again (what verify will read), unless it was
 * refused for nesting too deep.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "jose/claimset.h"
#include "base/json.h"
#include "base/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *line, *nl, *printed;
	cJSON *obj = NULL, *re = NULL;
	struct assign a;

	memcpy(text, data, size);
	text[size] = '\0';
	nl = strchr(text, '\n');
	if (nl != NULL)
		*nl = '\0';
	if (json_parse(text, strlen(text), "fuzz", &obj) != JW_OK ||
	    !cJSON_IsObject(obj)) {
		cJSON_Delete(obj);
		obj = cJSON_CreateObject();
	}
	for (line = nl ? nl + 1 : NULL; line != NULL; line = nl ? nl + 1 :
	    NULL) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl = '\0';
		if (assign_parse("--claim", line, &a) != JW_OK)
			continue;
		if (a.depth == 0 || a.value == NULL)
			abort();
		(void)assign_apply("--claim", &a, obj);
		assign_clear(&a);
	}
	if (json_depth(obj) <= JSON_MAX_DEPTH) {
		printed = json_print(obj, 0);
		if (json_parse(printed, strlen(printed), "re", &re) != JW_OK)
			abort();
		cJSON_Delete(re);
		free(printed);
	}
	cJSON_Delete(obj);
	jw_clear_error();
	free(text);
	return 0;
}
