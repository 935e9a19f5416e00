/* fuzz_time.c - durations, RFC 3339, unix and relative times */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/timeutil.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), buf[64];
	long long t, d;

	memcpy(s, data, size);
	s[size] = '\0';
	if (time_parse_duration(s, &d) == 0 && d < 0)
		abort();
	if (time_parse(s, 1795867200, &t) == 0) {
		time_format_utc(t, buf, sizeof(buf));
		time_format_span(t - 1795867200, buf, sizeof(buf));
	}
	free(s);
	return 0;
}
