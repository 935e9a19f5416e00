/* test_inspect.c - unit tests for the scanner, views, colour and reports */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "base/b64url.h"
#include "jose/color.h"
#include "jose/find.h"
#include "base/json.h"
#include "jose/jwt.h"
#include "jose/report.h"
#include "tap.h"
#include "base/timeutil.h"
#include "base/util.h"
#include "jose/view.h"

/* {"alg":"HS256"} */
#define HDR "eyJhbGciOiJIUzI1NiJ9"

static void
test_find(void)
{
	struct found *v;
	size_t n;
	const char *s;
	char *big;

	s = "a " HDR ".e30.c2ln b";
	n = find_tokens(s, strlen(s), &v);
	ok(n == 1 && v[0].off == 2 && v[0].len == strlen(HDR) + 9 &&
	    v[0].line == 1 && v[0].col == 3, "a token between words");
	free(v);

	s = "x\n\\n" HDR ".e30.";
	n = find_tokens(s, strlen(s), &v);
	ok(n == 1 && v[0].off == 4 && v[0].line == 2 && v[0].col == 3,
	    "a token right after a \\n escape, with an empty signature");
	free(v);

	s = "end of sentence " HDR ".e30.c2ln. next";
	n = find_tokens(s, strlen(s), &v);
	ok(n == 1 && v[0].len == strlen(HDR) + 9,
	    "a full stop after the token is not part of it");
	free(v);

	s = HDR ".e30.c2ln." HDR ".e30.c2ln";
	n = find_tokens(s, strlen(s), &v);
	ok(n == 2 && v[1].off == strlen(HDR) + 10, "two tokens joined by a "
	    "dot are both found");
	free(v);

	s = "eyJ.eyJ.eyJ eyJhbGciOiJIUzI1NiJ9.e30 ey.ew.ey";
	n = find_tokens(s, strlen(s), &v);
	ok(n == 0 && v == NULL, "look-alikes are not tokens");

	/* {"typ":"JWT"}: an object without alg */
	s = "eyJ0eXAiOiJKV1QifQ.e30.c2ln";
	n = find_tokens(s, strlen(s), &v);
	ok(n == 0, "a header without alg is not a token");

	/* {"alg":"dir","enc":"A128GCM"}: a JWE header */
	s = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0.e30.c2ln";
	n = find_tokens(s, strlen(s), &v);
	ok(n == 0, "a JWE header is not a JWS");

	/* {\n"alg":"HS256"}: starts "ew" */
	s = "ewoiYWxnIjoiSFMyNTYifQ.e30.c2ln";
	n = find_tokens(s, strlen(s), &v);
	ok(n == 1, "a header starting with a newline is found");
	free(v);

	/* many false starts in one piece: bounded, and no match */
	big = xmalloc(1 << 20);
	for (n = 0; n + 2 < (1 << 20); n += 2)
		memcpy(big + n, "ey", 2);
	big[(1 << 20) / 2] = '.';
	big[(1 << 20) / 2 + 10] = '.';
	{
		clock_t t0 = clock();

		n = find_tokens(big, (1 << 20) - 2, &v);
		ok(n == 0 && (clock() - t0) / CLOCKS_PER_SEC < 5,
		    "a megabyte of false starts is scanned quickly");
	}
	free(big);
	/* a token glued to 100 KiB of base64url characters is still found */
	big = xmalloc(102400 + sizeof(HDR) + 16);
	memset(big, 'x', 102400);
	strcpy(big + 102400, HDR ".e30.c2ln");
	n = find_tokens(big, strlen(big), &v);
	ok(n == 1 && v[0].off == 102400, "a token after a long run of "
	    "base64url characters");
	free(v);
	free(big);
}

static void
test_color(void)
{
	const char *j = "{\"a\":[1,-2.5e3,true,false,null,\"x\\\"y:\"],"
	    "\"b\" : {}}";
	char *c = color_json(j), *p, *q;

	ok(strstr(c, COLOR_KEY "\"a\"" COLOR_RESET) != NULL &&
	    strstr(c, COLOR_KEY "\"b\"" COLOR_RESET) != NULL,
	    "member names are keys, even with a space before ':'");
	ok(strstr(c, COLOR_STRING "\"x\\\"y:\"" COLOR_RESET) != NULL,
	    "a string with an escaped quote and a colon is one string");
	ok(strstr(c, COLOR_NUMBER "-2.5e3" COLOR_RESET) != NULL &&
	    strstr(c, COLOR_LITERAL "null" COLOR_RESET) != NULL,
	    "numbers and literals");
	/* strip every escape sequence: the original bytes remain */
	for (p = q = c; *p; p++) {
		if (*p == '\033') {
			while (*p != 'm')
				p++;
			continue;
		}
		*q++ = *p;
	}
	*q = '\0';
	ok(strcmp(c, j) == 0, "colour only adds escape sequences");
	free(c);
	ok(color_enabled(COLOR_ALWAYS, -1) && !color_enabled(COLOR_NEVER, 1),
	    "always and never ignore the terminal");
}

static void
test_durations(void)
{
	static const struct { long long s; const char *want; } v[] = {
		{ 0, "0s" }, { 45, "45s" }, { 60, "1m" }, { 61, "1m 1s" },
		{ 3600, "1h" }, { 7980, "2h 13m" }, { 86400, "1 day" },
		{ 90000, "1 day 1h" }, { 259200, "3 days" },
		{ 729 * 86400LL, "729 days" }, { 730 * 86400LL, "2 years" },
		{ -7980, "2h 13m" },
	};
	char buf[64];
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		ok(strcmp(time_format_duration(v[i].s, buf, sizeof(buf)),
		    v[i].want) == 0, "duration %lld is '%s' (got '%s')",
		    v[i].s, v[i].want, buf);
	setenv("TZ", "XYZ-5:30", 1);
	ok(strcmp(time_format_local(0, buf, sizeof(buf)),
	    "1970-01-01T05:30:00+05:30") == 0, "local time with its offset "
	    "(got '%s')", buf);
	setenv("TZ", "UTC0", 1);
	ok(strcmp(time_format_local(0, buf, sizeof(buf)),
	    "1970-01-01T00:00:00+00:00") == 0, "local time in UTC is +00:00");
}

static void
test_get(void)
{
	const char *s = "{\"a\":{\"b\":{\"c\":1}},\"a.b\":{\"d\":2},"
	    "\"x.y\":3,\"l\":[5,6]}";
	const cJSON *it;
	cJSON *j;

	if (json_parse(s, strlen(s), "payload", &j) != JW_OK) {
		ok(0, "parse the test document");
		return;
	}
	ok(view_get(j, "x.y", "payload", &it) == JW_OK &&
	    strcmp(it->valuestring, "3") == 0, "a name with a dot");
	ok(view_get(j, "a.b.c", "payload", &it) == JW_OK &&
	    strcmp(it->valuestring, "1") == 0, "a.b.c: one reading matches");
	ok(view_get(j, "a.b.d", "payload", &it) == JW_OK &&
	    strcmp(it->valuestring, "2") == 0, "a.b.d: through 'a.b'");
	ok(view_get(j, "a.b", "payload", &it) == JW_ECLAIM,
	    "a.b names two members: ambiguous");
	ok(view_get(j, "/l/1", "payload", &it) == JW_OK &&
	    strcmp(it->valuestring, "6") == 0, "a pointer into an array");
	ok(view_get(j, "/l/9999999999", "payload", &it) == JW_ECLAIM,
	    "an index too large is absent");
	ok(view_get(j, "/a~", "payload", &it) == JW_EUSAGE,
	    "a '~' at the end is a bad pointer");
	jw_clear_error();
	cJSON_Delete(j);
}

static void
test_lenient(void)
{
	/* {"alg":"HS256","alg":"none"} . {"a":1,"a":2} . "sig" */
	const char *dup = "eyJhbGciOiJIUzI1NiIsImFsZyI6Im5vbmUifQ."
	    "eyJhIjoxLCJhIjoyfQ.c2ln";
	struct jwt *t = NULL;
	char **is = NULL;
	size_t n = 0;

	ok(jwt_parse(dup, strlen(dup), &t) == JW_EMALFORMED,
	    "the strict parse rejects a duplicate alg");
	jw_clear_error();
	ok(jwt_parse_lenient(dup, strlen(dup), &t, &is, &n) == JW_OK &&
	    n == 2 && strcmp(t->alg, "HS256") == 0 && t->payload != NULL,
	    "the lenient reading keeps both and describes each");
	jwt_issues_free(is, n);
	jwt_free(t);
	t = NULL;
	ok(jwt_parse_lenient("a.b", 3, &t, &is, &n) == JW_EMALFORMED &&
	    t == NULL, "two segments are still rejected");
	ok(jwt_parse_lenient(HDR ".e30.c2ln=", strlen(HDR) + 10, &t, &is,
	    &n) == JW_OK && n == 1 && t->sig_len == 3, "padding is dropped");
	jwt_issues_free(is, n);
	jwt_free(t);
	ok(jwt_parse_lenient(HDR ".e3=0.c2ln", strlen(HDR) + 10, &t, &is,
	    &n) == JW_EMALFORMED, "'=' inside a segment is rejected");
}

static void
test_report(void)
{
	/* {"alg":"none"} . {"exp":1} . */
	const char *tok = "eyJhbGciOiJub25lIn0.eyJleHAiOjF9.";
	struct report_opts o = { 100, REPORT_MAX_LIFETIME, 0 };
	struct jwt *t = NULL;
	cJSON *r;

	if (jwt_parse(tok, strlen(tok), &t) != JW_OK) {
		ok(0, "parse the test token");
		return;
	}
	r = report_build(t, &o, NULL, 0, NULL);
	ok(report_worst(r) == SEV_ERROR, "alg none is an error");
	ok(report_count(r, SEV_WARNING) == 2 && report_count(r, SEV_INFO) == 2,
	    "counts are of a severity or worse");
	ok(report_expires_within(t, 100, 0) == JW_EEXPIRED, "expired");
	ok(report_expires_within(t, 0, 0) == JW_OK, "not yet");
	ok(report_expires_within(t, 0, 1) == JW_EEXPIRED, "within a second");
	jw_clear_error();
	cJSON_Delete(r);
	jwt_free(t);
}

int
main(void)
{
	if (sodium_init() < 0)
		return 1;
	test_find();
	test_color();
	test_durations();
	test_get();
	test_lenient();
	test_report();
	return tap_done();
}
