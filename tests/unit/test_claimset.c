/* test_claimset.c - unit tests for --claim assignments and PEM chains */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "keys/certs.h"
#include "jose/claimset.h"
#include "base/json.h"
#include "tap.h"
#include "base/util.h"

/* Apply each assignment to a copy of start; the result, or the message. */
static char *
apply(const char *start, const char *const *args, size_t n)
{
	struct assign a;
	cJSON *o = NULL;
	char *out;
	size_t i;

	json_parse(start, strlen(start), "t", &o);
	for (i = 0; i < n; i++) {
		if (assign_parse("--claim", args[i], &a) != JW_OK ||
		    assign_apply("--claim", &a, o) != JW_OK) {
			assign_clear(&a);
			cJSON_Delete(o);
			return xstrdup(jw_error());
		}
		assign_clear(&a);
	}
	out = json_print(o, 0);
	cJSON_Delete(o);
	return out;
}

static void
check(const char *start, const char *const *args, size_t n,
    const char *want)
{
	char *got = apply(start, args, n);

	ok(strcmp(got, want) == 0, "%s with %s... gives %s (got %s)", start,
	    args[0], want, got);
	free(got);
}

#define CHECK(start, want, ...) do {					\
	static const char *const a_[] = { __VA_ARGS__ };		\
	check(start, a_, sizeof(a_) / sizeof(a_[0]), want);		\
} while (0)

static void
test_assign(void)
{
	struct assign a;

	CHECK("{}", "{\"a\":\"1\"}", "a=1");
	CHECK("{}", "{\"a\":1}", "a:=1");
	CHECK("{}", "{\"a\":\"x=y:=z\"}", "a=x=y:=z");
	CHECK("{}", "{\"a\":{\"b\":{\"c\":1}}}", "a.b.c:=1");
	CHECK("{\"a\":{\"x\":0},\"z\":2}", "{\"a\":{\"x\":0,\"b\":{\"c\":1}},"
	    "\"z\":2}", "a.b.c:=1");
	CHECK("{\"a\":1,\"b\":2}", "{\"a\":3,\"b\":2}", "a:=3");
	CHECK("{}", "{\"a.b\":\"1\"}", "a\\.b=1");
	CHECK("{}", "{\"urn:x:y\":\"1\"}", "urn:x:y=1");
	CHECK("{}", "{\"a+\":\"1\"}", "a\\+=1");
	CHECK("{}", "{\"a=b\":\"1\"}", "a\\=b=1");
	CHECK("{}", "{\"r\":[\"x\"]}", "r+=x");
	CHECK("{\"r\":[1]}", "{\"r\":[1,\"x\",2]}", "r+=x", "r+:=2");
	CHECK("{\"r\":\"a\",\"s\":0}", "{\"r\":[\"a\",\"b\"],\"s\":0}",
	    "r+=b");
	CHECK("{}", "{\"o\":{\"r\":[[1]]}}", "o.r+:=[1]");
	CHECK("{}", "{\"n\":12345678901234567890}", "n:=12345678901234567890");
	CHECK("{\"a\":1}", "--claim 'a.b:=2': 'a' is a number, not an object",
	    "a.b:=2");
	CHECK("{\"a\":{\"b\":[]}}", "--claim 'a.b.c=x': 'a.b' is an array, not "
	    "an object", "a.b.c=x");
	CHECK("{\"a\":{}}", "--claim 'a+=x': 'a' is an object; += appends to "
	    "an array (or makes one of a single value)", "a+=x");
	CHECK("{}", "--claim 'a..b=1': empty name segment (a literal dot is "
	    "written '\\.')", "a..b=1");
	CHECK("{}", "--claim '.a=1': empty name segment (a literal dot is "
	    "written '\\.')", ".a=1");
	CHECK("{}", "--claim 'a.=1': empty name segment (a literal dot is "
	    "written '\\.')", "a.=1");
	CHECK("{}", "--claim '=1': expected NAME=VALUE, NAME:=JSON, "
	    "NAME+=VALUE or NAME+:=JSON", "=1");
	CHECK("{}", "--claim ':=1': expected NAME=VALUE, NAME:=JSON, "
	    "NAME+=VALUE or NAME+:=JSON", ":=1");
	CHECK("{}", "--claim 'a': expected NAME=VALUE, NAME:=JSON, "
	    "NAME+=VALUE or NAME+:=JSON", "a");
	CHECK("{}", "--claim: invalid JSON: expected a value at the end "
	    "(byte 0)", "a:=");
	CHECK("{}", "--claim 'a=\\xff': not valid UTF-8", "a=\xff");
	ok(assign_parse("--claim", "a.b\\.c.d+:=[1]", &a) == JW_OK &&
	    a.depth == 3 && strcmp(a.path[1], "b.c") == 0 && a.append &&
	    cJSON_IsArray(a.value), "path, operator and value are parsed");
	assign_clear(&a);
	assign_clear(NULL);
}

static const char leaf[] =
    "MIIBMjCB5aADAgECAhRs2PhK/oztKTukYur3FzcX/WvjqzAFBgMrZXAwDzENMAsG\n"
    "A1UEAwwEbGVhZjAeFw0yNjExMjgxMjU0MTlaFw0yNjEyMjgxMjU0MTlaMA8xDTAL\n"
    "BgNVBAMMBGxlYWYwKjAFBgMrZXADIQD8DzXOZ60bM15sYqY2WVtTy+MWf8D8rpCd\n"
    "8Yozoj+Um6NTMFEwHQYDVR0OBBYEFIjv6nmTmmTGetutlmm7hFXb1QrXMB8GA1Ud\n"
    "IwQYMBaAFIjv6nmTmmTGetutlmm7hFXb1QrXMA8GA1UdEwEB/wQFMAMBAf8wBQYD\n"
    "K2VwA0EAiQlSCuiDSuv4qT90TL0za8yebpscIMrWUd2xZmGHwlQAHh7sLIszDAjN\n"
    "YNyNKKgP4qnhjtF1RaJ96VOheG/RBA==\n";

static int
parse_pem(const char *text, struct certchain **c)
{
	*c = NULL;
	return certs_parse(text, strlen(text), "t", c);
}

static void
test_certs(void)
{
	struct certchain *c;
	char pem[2048], x5t[48], *s;
	cJSON *x5c;

	snprintf(pem, sizeof(pem), "subject=CN = leaf\r\n-----BEGIN "
	    "CERTIFICATE-----\r\n%s-----END CERTIFICATE-----\r\n"
	    "-----BEGIN PRIVATE KEY-----\nnot base64 at all\n-----END PRIVATE "
	    "KEY-----\n-----BEGIN CERTIFICATE-----\n%s-----END "
	    "CERTIFICATE-----", leaf, leaf);
	ok(parse_pem(pem, &c) == JW_OK && c->n == 2 && c->len[0] == 310,
	    "a chain with CRLF, text and a key block between certificates");
	x5c = certs_x5c(c);
	s = json_print(x5c, 0);
	ok(strncmp(s, "[\"MIIBMjCB5a", 12) == 0 &&
	    strstr(s, "G/RBA==\",\"MIIB") != NULL,
	    "x5c is standard base64 with padding, one string per certificate");
	free(s);
	cJSON_Delete(x5c);
	certs_x5t_s256(c, x5t, sizeof(x5t));
	ok(strcmp(x5t, "2hfk0vSMEhInlmvKhxj4noejn7bFq565VL1XdwUo8E8") == 0,
	    "x5t#S256 is base64url SHA-256 of the first DER (%s)", x5t);
	certchain_free(c);
	certchain_free(NULL);

	ok(parse_pem("nothing here\n", &c) == JW_EMALFORMED &&
	    strcmp(jw_error(), "t: no CERTIFICATE block (expected PEM: "
	    "-----BEGIN CERTIFICATE-----)") == 0, "no block");
	snprintf(pem, sizeof(pem), "-----BEGIN CERTIFICATE-----\n%s", leaf);
	ok(parse_pem(pem, &c) == JW_EMALFORMED && strcmp(jw_error(),
	    "t: 'BEGIN CERTIFICATE' has no END line") == 0, "no END");
	snprintf(pem, sizeof(pem), "-----BEGIN CERTIFICATE-----\n%s"
	    "-----END X509 CRL-----\n", leaf);
	ok(parse_pem(pem, &c) == JW_EMALFORMED && strcmp(jw_error(),
	    "t: line 9: 'BEGIN CERTIFICATE' ended by 'END X509 CRL'") == 0,
	    "mismatched END");
	ok(parse_pem("-----BEGIN CERTIFICATE-----\nProc-Type: 4,ENCRYPTED\n"
	    "-----END CERTIFICATE-----\n", &c) == JW_EMALFORMED &&
	    strstr(jw_error(), "line 2: headers") != NULL, "PEM headers");
	ok(parse_pem("-----BEGIN CERTIFICATE-----\nMIIB*\n-----END "
	    "CERTIFICATE-----\n", &c) == JW_EMALFORMED && strcmp(jw_error(),
	    "t: certificate 1: invalid base64") == 0, "bad base64");
	ok(parse_pem("-----BEGIN CERTIFICATE-----\nMIIBMg\n-----END "
	    "CERTIFICATE-----\n", &c) == JW_EMALFORMED, "missing padding");
	ok(parse_pem("-----BEGIN CERTIFICATE-----\nMAUA\n-----END "
	    "CERTIFICATE-----\n", &c) == JW_EMALFORMED && strcmp(jw_error(),
	    "t: certificate 1 is not DER (expected one ASN.1 SEQUENCE)") == 0,
	    "a SEQUENCE whose length is not the body's");
	ok(parse_pem("-----BEGIN CERTIFICATE-----\nAgEA\n-----END "
	    "CERTIFICATE-----\n", &c) == JW_EMALFORMED, "not a SEQUENCE");
	ok(parse_pem("-----BEGIN CERTIFICATE-----\nMIEBAA==\n-----END "
	    "CERTIFICATE-----\n", &c) == JW_EMALFORMED,
	    "a long-form length that fits the short form");
	ok(parse_pem("-----BEGIN CERTIFICATE-----\n-----END "
	    "CERTIFICATE-----\n", &c) == JW_EMALFORMED && strcmp(jw_error(),
	    "t: certificate 1: invalid base64") == 0, "an empty block");
	ok(parse_pem("-----BEGIN CERTIFICATE-----\nMAA=\n-----END "
	    "CERTIFICATE-----\n", &c) == JW_OK && c->n == 1 && c->len[0] == 2,
	    "the smallest SEQUENCE passes (certificates are not parsed)");
	certchain_free(c);
}

int
main(void)
{
	if (sodium_init() < 0)
		return 1;
	test_assign();
	test_certs();
	return tap_done();
}
