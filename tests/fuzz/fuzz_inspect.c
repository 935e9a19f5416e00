/* fuzz_inspect.c - what inspect and decode --find do with any text:
 * scan for tokens, parse each strictly or leniently, build the report and
 * render it as text and with colour */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "jose/color.h"
#include "jose/find.h"
#include "base/json.h"
#include "jose/jwt.h"
#include "jose/report.h"
#include "base/util.h"
#include "jose/view.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
one(const char *text, size_t len, const struct found *at)
{
	struct report_opts o = { 1795867200, REPORT_MAX_LIFETIME, 0 };
	struct jwt *t = NULL;
	char **issues = NULL, *s, *c;
	size_t n = 0;
	cJSON *r;

	if (jwt_parse(text, len, &t) != JW_OK &&
	    jwt_parse_lenient(text, len, &t, &issues, &n) != JW_OK)
		return;
	r = report_build(t, &o, issues, n, at);
	s = report_text(r, 1);
	c = json_print(r, 0);
	free(color_json(c));
	/* a report always ends with its findings */
	if (strstr(s, "Findings") == NULL)
		abort();
	(void)report_expires_within(t, o.now, 300);
	free(s);
	free(c);
	cJSON_Delete(r);
	jwt_issues_free(issues, n);
	jwt_free(t);
	jw_clear_error();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct found *v = NULL;
	size_t n, i;

	if (sodium_init() < 0 || text == NULL)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	one(text, size, NULL);
	n = find_tokens(text, size, &v);
	for (i = 0; i < n; i++) {
		if (v[i].off + v[i].len > size)
			abort();
		one(text + v[i].off, v[i].len, &v[i]);
	}
	free(v);
	free(text);
	jw_clear_error();
	return 0;
}
