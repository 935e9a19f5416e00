/* test_core.c - unit tests for base64url, the JSON front end and times */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/b64url.h"
#include "base/json.h"
#include "keys/jwk.h"
#include "keys/keys.h"
#include "tap.h"
#include "base/timeutil.h"
#include "base/util.h"

static void
test_b64url(void)
{
	static const struct { const char *in, *out; } v[] = {
		{ "", "" }, { "f", "Zg" }, { "fo", "Zm8" }, { "foo", "Zm9v" },
		{ "foob", "Zm9vYg" }, { "fooba", "Zm9vYmE" },
		{ "foobar", "Zm9vYmFy" }, { "\xfb\xff", "-_8" },
	};
	size_t i, n, bad;
	unsigned char *out;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		char *e = b64url_encode((const unsigned char *)v[i].in,
		    strlen(v[i].in));

		ok(strcmp(e, v[i].out) == 0, "encode '%s' gives '%s'",
		    v[i].out, e);
		free(e);
		ok(b64url_decode(v[i].out, strlen(v[i].out), 0, &out, &n,
		    NULL) == 0 && n == strlen(v[i].in) &&
		    memcmp(out, v[i].in, n) == 0, "decode '%s'", v[i].out);
		if (n == strlen(v[i].in))
			free(out);
	}
	ok(b64url_decode("Zg==", 4, 0, &out, &n, &bad) == -1 && bad == 2,
	    "padding is rejected at its offset");
	ok(b64url_decode("Zh", 2, 0, &out, &n, &bad) == -1 && bad == 2,
	    "non-canonical trailing bits are rejected");
	ok(b64url_decode("Z", 1, 0, &out, &n, &bad) == -1,
	    "length 1 mod 4 is rejected");
	ok(b64url_decode("a+b", 3, 0, &out, &n, &bad) == -1 && bad == 1,
	    "'+' is rejected at its offset");
	ok(b64url_decode("Zm9v\n", 5, 0, &out, &n, &bad) == -1 && bad == 4,
	    "a newline is rejected");
	ok(b64url_decode("Zm9v", 4, 1, &out, &n, NULL) == 0 && n == 3,
	    "decode into secret memory");
	secret_free(out);
}

static int
parses(const char *s)
{
	cJSON *j = NULL;
	int rc = json_parse(s, strlen(s), "t", &j);

	cJSON_Delete(j);
	jw_clear_error();
	return rc == JW_OK;
}

static void
test_json(void)
{
	static const char *good[] = { "{}", "[]", "0", "-0", "1.5e+3", "\"x\"",
	    "true", " null ", "{\"a\":[1,{\"b\":\"\\u00e9\"}]}",
	    "\"\\ud83d\\ude00\"", "1E400" };
	static const char *bad[] = { "", "{", "01", "1.", ".5", "+1", "NaN",
	    "[1,]", "{\"a\":1,}", "{\"a\":1}x", "\"\\u0000\"", "\"\\ud800\"",
	    "\"\\udc00x\"", "\"\x01\"", "\"\xff\"", "\"\xc0\xaf\"", "tru",
	    "\xef\xbb\xbf{}", "{\"a\":1,\"a\":2}", "'a'", "[1 2]", "\"\\x\"" };
	size_t i;
	cJSON *j = NULL;
	char *s;
	long long v;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		ok(parses(good[i]), "accepts %s", good[i]);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ok(!parses(bad[i]), "rejects bad input #%zu", i);

	ok(json_parse("{\"n\":12345678901234567890,\"m\":-1.50}", 36, "t",
	    &j) == JW_OK, "parse big numbers");
	s = json_print(j, 0);
	ok(strcmp(s, "{\"n\":12345678901234567890,\"m\":-1.50}") == 0,
	    "numbers print back digit for digit: %s", s);
	free(s);
	ok(json_get_int(json_get(j, "n"), &v) == -1, "too big for int64");
	ok(json_get_int(json_get(j, "m"), &v) == -1, "not an integer");
	ok(json_get(j, "N") == NULL, "member lookup is case-sensitive");
	cJSON_Delete(j);

	j = json_new_int(1795867200);
	ok(json_get_int(j, &v) == 0 && v == 1795867200, "new int reads back");
	ok(json_is_number(j), "new int is a number");
	cJSON_Delete(j);

	{
		cJSON *a, *b;

		json_parse("[1,{\"x\":\"y\"},1.0]", 17, "t", &a);
		json_parse("[1,{\"x\":\"y\"},1]", 15, "t", &b);
		ok(json_equal(a, b), "1.0 equals 1");
		cJSON_Delete(b);
		json_parse("[1,{\"x\":\"z\"},1]", 15, "t", &b);
		ok(!json_equal(a, b), "different strings differ");
		cJSON_Delete(a);
		cJSON_Delete(b);
		json_parse("9007199254740993", 16, "t", &a);
		json_parse("9007199254740992", 16, "t", &b);
		ok(!json_equal(a, b), "integers beyond 2^53 compare exactly");
		cJSON_Delete(a);
		cJSON_Delete(b);
	}
}

static void
test_time(void)
{
	long long t, now = 1795867200;

	ok(time_parse_duration("90", &t) == 0 && t == 90, "90");
	ok(time_parse_duration("1h30m", &t) == 0 && t == 5400, "1h30m");
	ok(time_parse_duration("1w2d3h4m5s", &t) == 0 &&
	    t == 604800 + 172800 + 10800 + 240 + 5, "1w2d3h4m5s");
	ok(time_parse_duration("1h30", &t) == -1, "1h30 is ambiguous");
	ok(time_parse_duration("5m1h", &t) == -1, "units out of order");
	ok(time_parse_duration("1x", &t) == -1, "unknown unit");
	ok(time_parse_duration("", &t) == -1, "empty");
	ok(time_parse_duration("99999999999999999999", &t) == -1, "overflow");
	ok(time_parse("1700000000", now, &t) == 0 && t == 1700000000, "unix");
	ok(time_parse("2026-11-28T12:00:00Z", now, &t) == 0 && t == now,
	    "RFC 3339 Z");
	ok(time_parse("2026-11-28T13:30:00+01:30", now, &t) == 0 &&
	    t == now, "RFC 3339 offset");
	ok(time_parse("2026-11-28T12:00:00.999Z", now, &t) == 0 && t == now,
	    "fraction dropped");
	ok(time_parse("2026-11-28", now, &t) == 0 && t == now - 43200,
	    "date only");
	ok(time_parse("2024-02-29", now, &t) == 0, "leap day");
	ok(time_parse("2026-02-29", now, &t) == -1, "not a leap year");
	ok(time_parse("2026-13-01", now, &t) == -1, "month 13");
	ok(time_parse("2026-11-28T12:00:00", now, &t) == -1, "no zone");
	ok(time_parse("+1h", now, &t) == 0 && t == now + 3600, "+1h");
	ok(time_parse("-5m", now, &t) == 0 && t == now - 300, "-5m");
	ok(time_parse("1d2h30m", now, &t) == 0 && t == now + 95400,
	    "bare duration is from now");
	ok(time_parse("now", now, &t) == 0 && t == now, "now");
	ok(time_parse("1970-01-01T00:00:00Z", now, &t) == 0 && t == 0,
	    "epoch");
	ok(time_parse("9999-12-31T23:59:59Z", now, &t) == 0 &&
	    t == TIME_MAX_NUMERIC, "the largest date");
	ok(time_parse("tomorrow", now, &t) == -1, "words are rejected");
	{
		char buf[64];

		ok(strcmp(time_format_utc(now, buf, sizeof(buf)),
		    "2026-11-28T12:00:00Z") == 0, "format UTC");
		ok(strcmp(time_format_span(10920, buf, sizeof(buf)),
		    "3h 2m") == 0, "span 3h 2m");
		ok(strcmp(time_format_span(3 * 86400 + 7200, buf,
		    sizeof(buf)), "3 days 2h") == 0, "span 3 days 2h");
	}
}

static void
test_thumbprint(void)
{
	/* RFC 8037 A.2 public key and its A.3 thumbprint */
	static const char jwk[] = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\","
	    "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
	static const char oct[] = "{\"kty\":\"oct\",\"k\":\"AAEC\"}";
	struct keyset *ks = NULL;
	char tp[64];
	cJSON *j;
	char *s;

	ok(keys_load_mem((const unsigned char *)jwk, sizeof(jwk) - 1, "t",
	    KF_AUTO, &ks) == JW_OK, "RFC 8037 public key loads");
	ok(key_thumbprint(ks->keys[0], tp, sizeof(tp)) == JW_OK &&
	    strcmp(tp, "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k") == 0,
	    "RFC 8037 A.3 thumbprint: %s", tp);
	j = key_to_jwk(ks->keys[0], 1);
	s = json_print(j, 0);
	ok(strcmp(s, jwk) == 0, "public OKP JWK written back: %s", s);
	free(s);
	jwk_free(j);
	keyset_free(ks);
	ok(keys_load_mem((const unsigned char *)oct, sizeof(oct) - 1, "t",
	    KF_AUTO, &ks) == JW_OK, "oct JWK loads");
	ok(key_to_jwk(ks->keys[0], 0) == NULL, "a secret has no public JWK");
	jw_clear_error();
	/* {"k":"AAEC","kty":"oct"} hashed with SHA-256 */
	ok(key_thumbprint(ks->keys[0], tp, sizeof(tp)) == JW_OK &&
	    strcmp(tp, "sQkHMlK8faQw7yzSCq6DCmYD-4TIIloQ3jcJ4QMV9Zg") == 0,
	    "oct thumbprint: %s", tp);
	keyset_free(ks);
	{
		/* fuzz regression: a JWK in a buffer with no NUL after it */
		char *exact = xmalloc(sizeof(oct) - 1);

		memcpy(exact, oct, sizeof(oct) - 1);
		ok(keys_load_mem((unsigned char *)exact, sizeof(oct) - 1, "t",
		    KF_AUTO, &ks) == JW_OK, "a JWK without a NUL after it loads");
		keyset_free(ks);
		free(exact);
	}
}

/* RFC 7638 section 3.1: the RSA example and its thumbprint. */
static void
test_thumbprint_rsa(void)
{
	static const char jwk[] = "{\"kty\":\"RSA\",\"n\":\"0vx7agoebGcQSuuPiLJX"
	    "ZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSo"
	    "c_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_"
	    "RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgd"
	    "AZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lF"
	    "d2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw\","
	    "\"e\":\"AQAB\",\"kid\":\"2011-04-29\",\"alg\":\"RS256\"}";
	/* the same modulus with a leading zero octet, which RFC 7518
	 * section 6.3.1.1 forbids in output */
	static const char zero[] = "{\"kty\":\"RSA\",\"n\":\""
	    "ANL8e2oKHmxnEErrj4iyV2abTfZ53a0Jm1xKbNmogBW1oTO_C4VseHG23wALVU_Os8"
	    "LtUSu2jxRcboQ0dS-rUqHPwSRAj3m1ikV4wWQohVeJ96JJ44TLLZ-uLWf9lvuSbBmO"
	    "B3OZ_cgVwK8Jfd5are_0TecOgn9IeEMkOb_uuWBo0EdPxQ1tkL86mN-vEEDInALWkq"
	    "s7PCiWYJ2G_XO3dM4HQGR87uqjEL0S-YWo659Z_dQmzqWyEg9PKjS8q3ZLfmxU1oQC"
	    "OLzEBYelnmbtHzOJRXdjXEcK91z5LCDR2kPhv8QZ4iKm8NC7NYxeOPnLBQrq_pBIFP"
	    "GsGqScyp6gyoM"
	    "\",\"e\":\"AQAB\"}";
	struct keyset *ks = NULL;
	char tp[64];
	cJSON *j;
	char *s;

	ok(keys_load_mem((const unsigned char *)jwk, sizeof(jwk) - 1, "t",
	    KF_AUTO, &ks) == JW_OK, "RFC 7638 RSA key loads");
	if (ks == NULL)
		return;
	ok(key_thumbprint(ks->keys[0], tp, sizeof(tp)) == JW_OK &&
	    strcmp(tp, "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs") == 0,
	    "RFC 7638 3.1 thumbprint: %s", tp);
	j = key_to_jwk(ks->keys[0], 1);
	s = j ? json_print(j, 0) : xstrdup("(null)");
	ok(strcmp(s, jwk) == 0, "public RSA JWK written back: %s", s);
	free(s);
	jwk_free(j);
	keyset_free(ks);
	ks = NULL;
	ok(keys_load_mem((const unsigned char *)zero, sizeof(zero) - 1, "t",
	    KF_AUTO, &ks) == JW_OK && key_thumbprint(ks->keys[0], tp,
	    sizeof(tp)) == JW_OK &&
	    strcmp(tp, "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs") == 0,
	    "a leading zero in 'n' is not written back: %s", tp);
	keyset_free(ks);
}

/* An Ed448 key (OpenSSL) goes to a JWK and back unchanged. */
static void
test_ed448_jwk(void)
{
	struct keyset *ks = NULL, *again = NULL;
	cJSON *j = NULL, *pub = NULL;
	char *s = NULL, *t = NULL, *p = NULL;

	ok(keys_load("tests/fixtures/keys/ed448.pem", KF_AUTO, &ks) == JW_OK &&
	    (j = key_to_jwk(ks->keys[0], 1)) != NULL &&
	    (s = json_print(j, 0)) != NULL &&
	    strncmp(s, "{\"kty\":\"OKP\",\"crv\":\"Ed448\",\"x\":\"", 32) == 0 &&
	    strlen(cJSON_GetStringValue(json_get(j, "x"))) == 76 &&
	    strlen(cJSON_GetStringValue(json_get(j, "d"))) == 76,
	    "Ed448 private JWK: %s", s ? "57-byte x and d" : jw_error());
	ok(s != NULL && keys_load_mem((const unsigned char *)s, strlen(s), "t",
	    KF_AUTO, &again) == JW_OK && (pub = key_to_jwk(again->keys[0],
	    1)) != NULL && (t = json_print(pub, 0)) != NULL &&
	    strcmp(s, t) == 0, "Ed448 JWK loads back to the same key");
	jwk_free(pub);
	pub = ks ? key_to_jwk(ks->keys[0], 0) : NULL;
	p = pub ? json_print(pub, 0) : NULL;
	ok(p != NULL && json_get(pub, "d") == NULL &&
	    json_get(pub, "x") != NULL, "Ed448 public JWK has no 'd'");
	free(p);
	free(s);
	free(t);
	jwk_free(j);
	jwk_free(pub);
	keyset_free(ks);
	keyset_free(again);
}

int
main(void)
{
	if (sodium_init() < 0)
		return 1;
	test_b64url();
	test_json();
	test_time();
	test_thumbprint();
	test_thumbprint_rsa();
	test_ed448_jwk();
	return tap_done();
}
