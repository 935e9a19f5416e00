/* test_claims.c - unit tests for verify's claim helpers and line reader */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "jose/claims.h"
#include "base/io.h"
#include "base/json.h"
#include "tap.h"
#include "base/util.h"

static cJSON *
j(const char *s)
{
	cJSON *v = NULL;

	if (json_parse(s, strlen(s), "t", &v) != JW_OK) {
		printf("# cannot parse %s\n", s);
		exit(1);
	}
	return v;
}

static int
eq(const char *a, const char *b)
{
	cJSON *x = j(a), *y = j(b);
	int r = json_equal(x, y);

	cJSON_Delete(x);
	cJSON_Delete(y);
	return r;
}

static int
sub(const char *want, const char *have)
{
	cJSON *x = j(want), *y = j(have);
	int r = json_subset(x, y);

	cJSON_Delete(x);
	cJSON_Delete(y);
	return r;
}

static void
test_numbers(void)
{
	ok(eq("1", "1.0") && eq("1", "1e0") && eq("100", "1E2") &&
	    eq("0.5", "5e-1") && eq("-0", "0") && eq("0.000", "0e7"),
	    "numbers equal by value");
	ok(!eq("12345678901234567890", "12345678901234567891"),
	    "20-digit integers compare exactly");
	ok(!eq("0.1000000000000000001", "0.1"),
	    "fractions beyond double precision compare exactly");
	ok(!eq("1", "-1") && !eq("10", "1") && !eq("1e400", "1e401"),
	    "different numbers differ");
	ok(eq("1e400", "10e399"), "huge exponents compare exactly");
	ok(!eq("1", "\"1\""), "a number is not a string");
}

static void
test_subset(void)
{
	ok(sub("{}", "{\"a\":1}"), "{} is a subset of anything");
	ok(sub("{\"a\":{\"b\":1}}", "{\"a\":{\"b\":1,\"c\":2},\"d\":3}"),
	    "nested objects are subsets");
	ok(!sub("{\"a\":{\"b\":2}}", "{\"a\":{\"b\":1}}"), "a value differs");
	ok(!sub("{\"x\":null}", "{}"), "a missing member is not a subset");
	ok(sub("{\"r\":[\"b\"]}", "{\"r\":[\"a\",\"b\"]}"),
	    "an array element found");
	ok(!sub("{\"r\":[\"c\"]}", "{\"r\":[\"a\",\"b\"]}"),
	    "an array element missing");
	ok(sub("[{\"id\":1}]", "[{\"id\":2},{\"id\":1,\"n\":\"x\"}]"),
	    "array elements match as subsets");
	ok(!sub("{\"a\":\"1\"}", "{\"a\":1}"), "types must agree");
	ok(sub("{\"n\":1.0}", "{\"n\":1}"), "numbers by value");
}

static void
test_typ(void)
{
	ok(typ_equal("JWT", "jwt"), "case-insensitive");
	ok(typ_equal("application/at+jwt", "AT+JWT"),
	    "application/ is implied");
	ok(typ_equal("Application/JOSE", "application/jose"), "both full");
	ok(!typ_equal("text/plain", "plain"), "another top type differs");
	ok(!typ_equal("application/a/b", "a/b"),
	    "application/ is only implied without a '/'");
	ok(!typ_equal("jwt", "at+jwt"), "different types differ");
}

static void
test_lines(void)
{
	static const char input[] = "one\n\ntwo\r\nthree-is-too-long\nfour";
	struct io_lines *r;
	const char *line;
	size_t len;
	int fd[2], toolong, n = 0, good = 1;
	static const char *const want[] = { "one", "", "two\r", "", "four" };

	if (pipe(fd) != 0 || write(fd[1], input, sizeof(input) - 1) !=
	    (ssize_t)sizeof(input) - 1)
		exit(1);
	close(fd[1]);
	io_set_max_input("8");
	r = io_lines_new(fd[0], "pipe");
	while (io_lines_next(r, &line, &len, &toolong) == 1) {
		good &= n < 5 && strcmp(line, want[n]) == 0 &&
		    len == strlen(want[n]) && toolong == (n == 3);
		n++;
	}
	ok(good && n == 5, "lines split, an over-long one flagged and "
	    "skipped, the last without a newline kept");
	ok(io_lines_next(r, &line, &len, &toolong) == 0, "end stays the end");
	io_lines_free(r);
	close(fd[0]);
	io_set_max_input("16M");
}

static void
test_sort(void)
{
	struct verdict v = { 0 };

	verdict_add(&v, JW_ECLAIM, "issuer", "iss", "a");
	verdict_add(&v, JW_EEXPIRED, "expired", "exp", "b");
	verdict_add(&v, JW_ECLAIM, "subject", "sub", "c");
	verdict_add(&v, JW_EMALFORMED, "crit", "crit", "d");
	verdict_sort(&v);
	ok(v.status == JW_EMALFORMED && strcmp(v.f[0].code, "crit") == 0 &&
	    strcmp(v.f[1].code, "expired") == 0 &&
	    strcmp(v.f[2].code, "issuer") == 0 &&
	    strcmp(v.f[3].code, "subject") == 0,
	    "findings sorted by status, stable within one");
	verdict_free(&v);
	ok(v.n == 0 && v.f == NULL, "verdict_free empties the verdict");
}

int
main(void)
{
	if (sodium_init() < 0)
		return 1;
	test_numbers();
	test_subset();
	test_typ();
	test_lines();
	test_sort();
	return tap_done();
}
