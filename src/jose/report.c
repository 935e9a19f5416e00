/* report.c - inspect's report of a token: facts and findings, as JSON */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "crypto/crypto.h"
#include "base/json.h"
#include "jose/report.h"
#include "base/timeutil.h"
#include "jose/view.h"
#include "base/util.h"
#include "jose/view.h"

/* Sensitive-name and card-number findings shown before summing up. */
#define MAX_SENSITIVE 10

/* Registered algorithms, for tokens whose algorithm this build lacks. */
static const struct {
	const char *name, *desc;
	size_t siglen;
} known_algs[] = {
	{ "HS256", "HMAC using SHA-256", 32 },
	{ "HS384", "HMAC using SHA-384", 48 },
	{ "HS512", "HMAC using SHA-512", 64 },
	{ "RS256", "RSASSA-PKCS1-v1_5 using SHA-256", 0 },
	{ "RS384", "RSASSA-PKCS1-v1_5 using SHA-384", 0 },
	{ "RS512", "RSASSA-PKCS1-v1_5 using SHA-512", 0 },
	{ "PS256", "RSASSA-PSS using SHA-256 and MGF1 with SHA-256", 0 },
	{ "PS384", "RSASSA-PSS using SHA-384 and MGF1 with SHA-384", 0 },
	{ "PS512", "RSASSA-PSS using SHA-512 and MGF1 with SHA-512", 0 },
	{ "ES256", "ECDSA using P-256 and SHA-256", 64 },
	{ "ES384", "ECDSA using P-384 and SHA-384", 96 },
	{ "ES512", "ECDSA using P-521 and SHA-512", 132 },
	{ "ES256K", "ECDSA using secp256k1 and SHA-256", 64 },
	{ "EdDSA", "Edwards-curve signature (Ed25519 or Ed448)", 0 },
	{ "Ed25519", "EdDSA using Ed25519", 64 },
	{ "Ed448", "EdDSA using Ed448", 114 },
};

/* Meanings of header parameters (RFC 7515, 7797) and claims (RFC 7519,
 * OpenID Connect, RFC 8693, RFC 9068). */
static const struct {
	const char *name, *meaning;
} header_names[] = {
	{ "alg", "algorithm" }, { "typ", "type" }, { "cty", "content type" },
	{ "kid", "key ID" }, { "jku", "JWK Set URL" }, { "jwk", "JSON Web Key" },
	{ "x5u", "X.509 URL" }, { "x5c", "X.509 certificate chain" },
	{ "x5t", "X.509 SHA-1 thumbprint" },
	{ "x5t#S256", "X.509 SHA-256 thumbprint" },
	{ "crit", "critical extensions" }, { "b64", "payload encoding" },
	{ "zip", "compression" },
}, registered[] = {
	{ "iss", "issuer" }, { "sub", "subject" }, { "aud", "audience" },
	{ "exp", "expiration time" }, { "nbf", "not before" },
	{ "iat", "issued at" }, { "jti", "JWT ID" },
}, other_names[] = {
	{ "auth_time", "time of authentication" }, { "nonce", "nonce" },
	{ "azp", "authorized party" }, { "acr", "authentication class" },
	{ "amr", "authentication methods" }, { "sid", "session ID" },
	{ "at_hash", "access token hash" }, { "c_hash", "code hash" },
	{ "scope", "scopes" }, { "scp", "scopes" },
	{ "client_id", "client ID" }, { "cnf", "confirmation key" },
	{ "act", "actor" }, { "may_act", "allowed actor" },
	{ "roles", "roles" }, { "groups", "groups" },
	{ "entitlements", "entitlements" }, { "name", "full name" },
	{ "given_name", "given name" }, { "family_name", "family name" },
	{ "preferred_username", "username" }, { "email", "email address" },
	{ "email_verified", "email verified" },
	{ "updated_at", "time of last update" }, { "locale", "locale" },
	{ "zoneinfo", "time zone" },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char *
meaning_of(const char *name, int header)
{
	size_t i;

	if (header) {
		for (i = 0; i < NELEM(header_names); i++)
			if (strcmp(header_names[i].name, name) == 0)
				return header_names[i].meaning;
		return NULL;
	}
	for (i = 0; i < NELEM(registered); i++)
		if (strcmp(registered[i].name, name) == 0)
			return registered[i].meaning;
	for (i = 0; i < NELEM(other_names); i++)
		if (strcmp(other_names[i].name, name) == 0)
			return other_names[i].meaning;
	return NULL;
}

static int
is_registered(const char *name)
{
	size_t i;

	for (i = 0; i < NELEM(registered); i++)
		if (strcmp(registered[i].name, name) == 0)
			return 1;
	return 0;
}

static int
is_time_claim(const char *name)
{
	return strcmp(name, "exp") == 0 || strcmp(name, "nbf") == 0 ||
	    strcmp(name, "iat") == 0 || strcmp(name, "auth_time") == 0 ||
	    strcmp(name, "updated_at") == 0;
}

int
report_parse_severity(const char *arg, enum severity *sev)
{
	if (strcmp(arg, "info") == 0)
		*sev = SEV_INFO;
	else if (strcmp(arg, "warning") == 0)
		*sev = SEV_WARNING;
	else if (strcmp(arg, "error") == 0)
		*sev = SEV_ERROR;
	else
		return jw_fail(JW_EUSAGE, "invalid severity '%s' for --fail-on "
		    "(expected info, warning or error)", jw_quote(arg,
		    strlen(arg), 20));
	return JW_OK;
}

const char *
report_severity_name(enum severity sev)
{
	switch (sev) {
	case SEV_INFO: return "info";
	case SEV_WARNING: return "warning";
	case SEV_ERROR: return "error";
	default: return "none";
	}
}

static enum severity
severity_of(const char *name)
{
	enum severity s = SEV_NONE;

	if (name != NULL && report_parse_severity(name, &s) != JW_OK) {
		jw_clear_error();
		s = SEV_NONE;
	}
	return s;
}

/* The findings being gathered: one array per severity, merged at the end. */
struct ctx {
	const struct jwt *t;
	const struct report_opts *o;
	cJSON *found[4];
	size_t nsensitive;
};

static void
finding(struct ctx *c, enum severity sev, const char *code, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static void
finding(struct ctx *c, enum severity sev, const char *code, const char *fmt,
    ...)
{
	char buf[1024];
	cJSON *f = cJSON_CreateObject();
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	cJSON_AddStringToObject(f, "severity", report_severity_name(sev));
	cJSON_AddStringToObject(f, "code", code);
	cJSON_AddStringToObject(f, "message", buf);
	cJSON_AddItemToArray(c->found[sev], f);
}

/* "a string", "an object", ... for messages. */
static const char *
a_type(const cJSON *j)
{
	const char *t = json_type_name(j);

	if (strcmp(t, "null") == 0)
		return "null";
	return strcmp(t, "object") == 0 || strcmp(t, "array") == 0 ?
	    (t[0] == 'o' ? "an object" : "an array") :
	    strcmp(t, "string") == 0 ? "a string" :
	    strcmp(t, "number") == 0 ? "a number" : "a boolean";
}

static const char *
q(const char *s)
{
	return jw_quote(s, strlen(s), 40);
}

/* Algorithm name: its description, and what kind of key it takes. */
static cJSON *
algorithm(const char *name)
{
	const char *desc = NULL, *kind;
	const struct alg *a = alg_find(name);
	cJSON *j = cJSON_CreateObject();
	size_t i;

	if (a != NULL)
		desc = a->desc;
	for (i = 0; desc == NULL && i < NELEM(known_algs); i++)
		if (strcmp(known_algs[i].name, name) == 0)
			desc = known_algs[i].desc;
	if (strcmp(name, "none") == 0)
		desc = "no signature, an unsecured token";
	if (desc == NULL)
		desc = "unknown algorithm";
	if (strcmp(name, "none") == 0 || desc[0] == 'u')
		kind = NULL;
	else if (strncmp(name, "HS", 2) == 0)
		kind = "shared secret";
	else
		kind = "key pair";
	cJSON_AddStringToObject(j, "name", name);
	cJSON_AddStringToObject(j, "description", desc);
	if (kind != NULL)
		cJSON_AddStringToObject(j, "keys", kind);
	return j;
}

static void
check_alg(struct ctx *c)
{
	const char *alg = c->t->alg, *other = NULL;
	const struct alg *a;
	size_t i, lens[4], nlens = 0, n = c->t->sig_len;
	int known = 0, any = 0;
	char want[64];

	if (strcmp(alg, "none") == 0) {
		finding(c, SEV_ERROR, "alg_none", "alg 'none': the token is "
		    "unsecured, anyone can make one (jwtool verify never "
		    "accepts it)");
		return;
	}
	if (strcasecmp(alg, "none") == 0) {
		finding(c, SEV_ERROR, "alg_none", "alg '%s' is a case variant "
		    "of 'none': a library that ignores case treats the token as "
		    "unsecured", q(alg));
		return;
	}
	/* the signature lengths the rows of this name allow (any: key-sized) */
	for (i = 0; (a = alg_at(i)) != NULL; i++) {
		if (strcmp(a->name, alg) == 0) {
			known = 1;
			if (a->siglen == 0)
				any = 1;
			else if (nlens < NELEM(lens))
				lens[nlens++] = a->siglen;
		} else if (strcasecmp(a->name, alg) == 0)
			other = a->name;
	}
	for (i = 0; i < NELEM(known_algs); i++) {
		if (strcmp(known_algs[i].name, alg) == 0 && !known) {
			known = 1;
			if (known_algs[i].siglen == 0)
				any = 1;
			else
				lens[nlens++] = known_algs[i].siglen;
		} else if (strcasecmp(known_algs[i].name, alg) == 0 &&
		    other == NULL)
			other = known_algs[i].name;
	}
	if (!known && other != NULL)
		finding(c, SEV_WARNING, "alg_case", "alg '%s' differs from "
		    "'%s' only in case: algorithm names are case-sensitive, so "
		    "verifiers reject it", q(alg), other);
	else if (!known)
		finding(c, SEV_WARNING, "alg_unknown", "alg '%s' is not a "
		    "registered JWS algorithm", q(alg));
	for (i = 0; i < nlens && lens[i] != n; i++)
		;
	if (n == 0)
		finding(c, SEV_WARNING, "signature_empty", "the signature is "
		    "empty although alg is '%s'", q(alg));
	else if (!any && nlens > 0 && i == nlens) {
		if (nlens == 1)
			snprintf(want, sizeof(want), "%zu", lens[0]);
		else
			snprintf(want, sizeof(want), "%zu or %zu", lens[0],
			    lens[1]);
		finding(c, SEV_WARNING, "signature_length", "the signature is "
		    "%zu bytes; %s signatures are %s", n, alg, want);
	} else if ((alg[0] == 'R' || alg[0] == 'P') && alg[1] == 'S' &&
	    known && n < 256)
		finding(c, SEV_WARNING, "rsa_key_size", "the signature is %zu "
		    "bytes, so the RSA key has %zu bits: RFC 7518 requires "
		    "2048 or more", n, n * 8);
}

/* What in kid could escape a path, a quoted string or a command. */
static const char *
unsafe_in(const char *s)
{
	static const struct {
		const char *s, *what;
	} bad[] = {
		{ "..", "'..'" }, { "/", "'/'" }, { "\\", "a backslash" },
		{ "'", "a single quote" }, { "\"", "a double quote" },
		{ "`", "a backquote" },
	};
	size_t i;

	for (i = 0; i < NELEM(bad); i++)
		if (strstr(s, bad[i].s) != NULL)
			return bad[i].what;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return "a control character";
	return NULL;
}

static void
check_header(struct ctx *c)
{
	const cJSON *h = c->t->header, *m;
	const char *bad;

	if ((m = json_get(h, "kid")) != NULL) {
		if (!cJSON_IsString(m))
			finding(c, SEV_WARNING, "kid_type", "header 'kid' is "
			    "%s, not a string", a_type(m));
		else if ((bad = unsafe_in(m->valuestring)) != NULL)
			finding(c, SEV_WARNING, "kid_unsafe", "header 'kid' "
			    "holds %s: a verifier that puts kid in a file path, "
			    "SQL or a command can be attacked", bad);
	}
	if (json_get(h, "jku") != NULL)
		finding(c, SEV_WARNING, "jku", "header 'jku' names a URL to "
		    "fetch keys from: a verifier that follows it lets the token "
		    "choose its own key");
	if (json_get(h, "x5u") != NULL)
		finding(c, SEV_WARNING, "x5u", "header 'x5u' names a URL to "
		    "fetch a certificate from: a verifier that follows it lets "
		    "the token choose its own key");
	if (json_get(h, "jwk") != NULL)
		finding(c, SEV_WARNING, "jwk", "header 'jwk' embeds a key: a "
		    "verifier that uses it accepts a token signed by anyone");
	if (json_get(h, "x5c") != NULL)
		finding(c, SEV_WARNING, "x5c", "header 'x5c' embeds a "
		    "certificate chain: a verifier that uses it without "
		    "validating the chain accepts a token signed by anyone");
	if ((m = json_get(h, "crit")) != NULL)
		finding(c, SEV_WARNING, "crit", "header 'crit' lists extensions "
		    "a verifier must understand or else reject the token "
		    "(jwtool verify rejects it)");
	if ((m = json_get(h, "b64")) != NULL)
		finding(c, SEV_WARNING, "b64", "header 'b64' (RFC 7797) %s: "
		    "most libraries do not support it and jwtool verify rejects "
		    "it", cJSON_IsFalse(m) ? "is false, so the payload is signed "
		    "unencoded" : "is present");
	if (c->t->len > REPORT_MAX_TOKEN)
		finding(c, SEV_WARNING, "large_token", "the token is %zu bytes, "
		    "more than the %d many servers accept in an HTTP header",
		    c->t->len, REPORT_MAX_TOKEN);
}

/* Sensitive claim names, matched on the name lowercased without '_-. '. */
enum match { EXACT, CONTAINS, SUFFIX };
static const struct {
	const char *pat;
	enum match how;
	enum severity sev;
	const char *what;
} sensitive[] = {
	{ "password", CONTAINS, SEV_WARNING, "a password" },
	{ "passwd", CONTAINS, SEV_WARNING, "a password" },
	{ "pwd", EXACT, SEV_WARNING, "a password" },
	{ "passphrase", CONTAINS, SEV_WARNING, "a passphrase" },
	{ "secret", CONTAINS, SEV_WARNING, "a secret" },
	{ "apikey", CONTAINS, SEV_WARNING, "an API key" },
	{ "privatekey", CONTAINS, SEV_WARNING, "a private key" },
	{ "token", SUFFIX, SEV_WARNING, "a token" },
	{ "ssn", EXACT, SEV_WARNING, "a social security number" },
	{ "socialsecurity", CONTAINS, SEV_WARNING,
	  "a social security number" },
	{ "creditcard", CONTAINS, SEV_WARNING, "a payment card number" },
	{ "cardnumber", CONTAINS, SEV_WARNING, "a payment card number" },
	{ "ccnumber", CONTAINS, SEV_WARNING, "a payment card number" },
	{ "cvv", EXACT, SEV_WARNING, "a card security code" },
	{ "cvc", EXACT, SEV_WARNING, "a card security code" },
	{ "iban", EXACT, SEV_WARNING, "a bank account number" },
	{ "email", SUFFIX, SEV_INFO, "an email address" },
	{ "emailaddress", CONTAINS, SEV_INFO, "an email address" },
	{ "phone", SUFFIX, SEV_INFO, "a phone number" },
	{ "phonenumber", CONTAINS, SEV_INFO, "a phone number" },
	{ "birthdate", CONTAINS, SEV_INFO, "a date of birth" },
	{ "dateofbirth", CONTAINS, SEV_INFO, "a date of birth" },
	{ "dob", EXACT, SEV_INFO, "a date of birth" },
	{ "address", SUFFIX, SEV_INFO, "an address" },
};

static int
sensitive_name(const char *name)
{
	char n[64];
	size_t k = 0, i, pl;

	for (; *name && k < sizeof(n) - 1; name++)
		if (isalnum((unsigned char)*name))
			n[k++] = (char)tolower((unsigned char)*name);
	n[k] = '\0';
	for (i = 0; i < NELEM(sensitive); i++) {
		pl = strlen(sensitive[i].pat);
		if ((sensitive[i].how == EXACT && strcmp(n, sensitive[i].pat)
		    == 0) || (sensitive[i].how == CONTAINS && strstr(n,
		    sensitive[i].pat) != NULL) || (sensitive[i].how == SUFFIX &&
		    k >= pl && strcmp(n + k - pl, sensitive[i].pat) == 0))
			return (int)i;
	}
	return -1;
}

/* 1 when s (digits, maybe with spaces or dashes) is a card number. */
static int
card_number(const char *s)
{
	char d[24];
	size_t n = 0, i;
	int sum = 0;

	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (n == sizeof(d) - 1)
				return 0;
			d[n++] = *s;
		} else if (*s != ' ' && *s != '-')
			return 0;
	}
	/* 13 to 19 digits, starting like Visa, Mastercard, Amex, Discover */
	if (n < 13 || n > 19 || d[0] < '2' || d[0] > '6')
		return 0;
	for (i = 0; i < n; i++) {
		int v = d[n - 1 - i] - '0';

		if (i % 2 == 1 && (v *= 2) > 9)
			v -= 9;
		sum += v;
	}
	return sum % 10 == 0;
}

static void
sensitive_one(struct ctx *c, enum severity sev, const char *code,
    const char *path, const char *what)
{
	if (++c->nsensitive > MAX_SENSITIVE)
		return;
	if (sev == SEV_INFO)
		finding(c, sev, code, "claim '%s' holds personal data (%s): "
		    "anyone holding the token can read it", path, what);
	else
		finding(c, sev, code, "claim '%s' looks like %s: the payload "
		    "is only encoded, not encrypted, so anyone holding the "
		    "token can read it", path, what);
}

static void
check_sensitive(struct ctx *c, const cJSON *j, const char *path, int depth)
{
	const cJSON *m;
	char sub[160];
	int k;

	if (depth > JSON_MAX_DEPTH)
		return;
	for (m = j->child; m != NULL; m = m->next) {
		if (m->string != NULL)
			snprintf(sub, sizeof(sub), "%s%s%s", path, *path ? "." :
			    "", jw_quote(m->string, strlen(m->string), 40));
		else
			snprintf(sub, sizeof(sub), "%s[]", path);
		if (m->string != NULL && (k = sensitive_name(m->string)) >= 0)
			sensitive_one(c, sensitive[k].sev, sensitive[k].sev ==
			    SEV_INFO ? "personal_data" : "secret_claim", sub,
			    sensitive[k].what);
		else if ((cJSON_IsString(m) || json_is_number(m)) &&
		    card_number(m->valuestring))
			sensitive_one(c, SEV_WARNING, "card_number", sub,
			    "a payment card number (it passes the Luhn check)");
		if (cJSON_IsObject(m) || cJSON_IsArray(m))
			check_sensitive(c, m, sub, depth + 1);
	}
}

/* "expires in 2h", "expired 3 days ago", ... for claim name at time t. */
static const char *
relative(const char *name, long long t, long long now, char *buf, size_t n)
{
	char span[64];
	long long d = t - now;

	time_format_duration(d, span, sizeof(span));
	if (strcmp(name, "exp") == 0)
		snprintf(buf, n, d > 0 ? "expires in %s" : d == 0 ?
		    "expired just now" : "expired %s ago", span);
	else if (strcmp(name, "nbf") == 0)
		snprintf(buf, n, d > 0 ? "valid in %s" : d == 0 ?
		    "valid from now" : "valid since %s ago", span);
	else if (strcmp(name, "iat") == 0)
		snprintf(buf, n, d > 0 ? "issued %s in the future" : d == 0 ?
		    "issued just now" : "issued %s ago", span);
	else
		snprintf(buf, n, d > 0 ? "in %s" : d == 0 ? "now" : "%s ago",
		    span);
	return buf;
}

static const char *
date(const struct ctx *c, long long t, char *buf, size_t n)
{
	return c->o->local ? time_format_local(t, buf, n) :
	    time_format_utc(t, buf, n);
}

/* 1 when m is a NumericDate jwtool can show, with *t. */
static int
numeric_date(const cJSON *m, long long *t)
{
	double d;

	if (!json_is_number(m))
		return 0;
	d = m->valuedouble;
	if (!(d >= 0 && d <= (double)TIME_MAX_NUMERIC))
		return 0;
	*t = (long long)d;
	return 1;
}

/* An entry {name, meaning, value, ...} for member m. */
static cJSON *
entry(struct ctx *c, const cJSON *m, int header)
{
	cJSON *e = cJSON_CreateObject();
	const char *meaning = meaning_of(m->string, header);
	long long t;
	char buf[64];

	cJSON_AddStringToObject(e, "name", m->string);
	if (meaning != NULL)
		cJSON_AddStringToObject(e, "meaning", meaning);
	cJSON_AddItemToObject(e, "value", cJSON_Duplicate(m, 1));
	if (header && strcmp(m->string, "alg") == 0 && cJSON_IsString(m))
		cJSON_AddItemToObject(e, "algorithm", algorithm(
		    m->valuestring));
	if (header || !is_time_claim(m->string))
		return e;
	if (numeric_date(m, &t)) {
		cJSON_AddStringToObject(e, "date", date(c, t, buf,
		    sizeof(buf)));
		cJSON_AddStringToObject(e, "relative", relative(m->string, t,
		    c->o->now, buf, sizeof(buf)));
		cJSON_AddItemToObject(e, "from_now", json_new_int(t -
		    c->o->now));
	} else if (!json_is_number(m))
		finding(c, SEV_ERROR, "bad_time", "claim '%s' must be a "
		    "NumericDate (seconds since 1970), not %s", m->string,
		    a_type(m));
	else
		finding(c, SEV_ERROR, "bad_time", "claim '%s' is not a "
		    "NumericDate from 0 to %lld", m->string, TIME_MAX_NUMERIC);
	return e;
}

static cJSON *
audience(struct ctx *c, const cJSON *aud)
{
	const cJSON *a;

	if (cJSON_IsString(aud)) {
		cJSON *l = cJSON_CreateArray();

		cJSON_AddItemToArray(l, cJSON_CreateString(aud->valuestring));
		return l;
	}
	if (cJSON_IsArray(aud)) {
		cJSON_ArrayForEach(a, aud)
			if (!cJSON_IsString(a))
				break;
		if (a == NULL)
			return cJSON_Duplicate(aud, 1);
	}
	finding(c, SEV_WARNING, "aud_type", "claim 'aud' must be a string or "
	    "an array of strings, not %s", cJSON_IsArray(aud) ?
	    "an array holding other values" : a_type(aud));
	return NULL;
}

/* Times, lifetime and the validity state. */
static cJSON *
validity(struct ctx *c)
{
	const cJSON *p = c->t->payload;
	long long exp, nbf, iat, now = c->o->now, life = 0;
	int hexp, hnbf, hiat;
	const char *from = NULL;
	char a[64], b[64], s[160];
	cJSON *v = cJSON_CreateObject(), *l;

	hexp = jwt_numeric_date(p, "exp", &exp) > 0;
	hnbf = jwt_numeric_date(p, "nbf", &nbf) > 0;
	hiat = jwt_numeric_date(p, "iat", &iat) > 0;
	cJSON_AddStringToObject(v, "now", date(c, now, a, sizeof(a)));
	if (hexp && now >= exp)
		snprintf(s, sizeof(s), "expired %s ago", time_format_duration(
		    now - exp, a, sizeof(a)));
	else if (hnbf && now < nbf)
		snprintf(s, sizeof(s), "not valid for another %s",
		    time_format_duration(nbf - now, a, sizeof(a)));
	else if (hexp)
		snprintf(s, sizeof(s), "valid for another %s",
		    time_format_duration(exp - now, a, sizeof(a)));
	else if (json_get(p, "exp") != NULL)
		snprintf(s, sizeof(s), "unknown: exp is not a NumericDate");
	else
		snprintf(s, sizeof(s), "valid, never expires");
	cJSON_AddStringToObject(v, "state", s);
	if (json_get(p, "exp") == NULL)
		finding(c, SEV_WARNING, "no_exp", "no 'exp' claim: the token "
		    "never expires");
	if (hexp && hiat) {
		life = exp - iat;
		from = "iat";
	} else if (hexp && hnbf) {
		life = exp - nbf;
		from = "nbf";
	}
	if (from != NULL && life >= 0) {
		l = cJSON_AddObjectToObject(v, "lifetime");
		cJSON_AddItemToObject(l, "seconds", json_new_int(life));
		cJSON_AddStringToObject(l, "from", from);
		cJSON_AddStringToObject(l, "text", time_format_duration(life,
		    a, sizeof(a)));
		if (life > c->o->max_lifetime)
			finding(c, SEV_WARNING, "long_lifetime", "the token "
			    "lives %s (exp - %s), longer than %s (see "
			    "--max-lifetime)", time_format_duration(life, a,
			    sizeof(a)), from, time_format_duration(
			    c->o->max_lifetime, b, sizeof(b)));
	}
	if (hexp && hnbf && nbf > exp)
		finding(c, SEV_ERROR, "nbf_after_exp", "nbf is %s after exp: "
		    "the token is never valid", time_format_duration(nbf - exp,
		    a, sizeof(a)));
	if (hexp && hiat && iat > exp)
		finding(c, SEV_ERROR, "exp_before_iat", "exp is %s before iat: "
		    "the token expired before it was issued",
		    time_format_duration(iat - exp, a, sizeof(a)));
	if (hiat && iat > now)
		finding(c, SEV_WARNING, "iat_future", "iat is %s in the future: "
		    "the issuer's clock is ahead, or the token was not made "
		    "when it says (jwtool verify rejects it)",
		    time_format_duration(iat - now, a, sizeof(a)));
	if (hexp && now >= exp)
		finding(c, SEV_WARNING, "expired", "the token expired %s ago",
		    time_format_duration(now - exp, a, sizeof(a)));
	else if (hnbf && now < nbf)
		finding(c, SEV_WARNING, "not_yet_valid", "the token is not "
		    "valid for another %s (nbf)", time_format_duration(nbf -
		    now, a, sizeof(a)));
	return v;
}

static cJSON *
sizes(const struct jwt *t)
{
	cJSON *s = cJSON_CreateObject();

	cJSON_AddItemToObject(s, "token", json_new_int((long long)t->len));
	cJSON_AddItemToObject(s, "header", json_new_int((long long)
	    t->header_len));
	cJSON_AddItemToObject(s, "payload", json_new_int((long long)
	    t->payload_len));
	cJSON_AddItemToObject(s, "signature", json_new_int((long long)
	    t->sig_len));
	return s;
}

cJSON *
report_build(const struct jwt *t, const struct report_opts *o,
    char *const *issues, size_t nissues, const struct found *at)
{
	struct ctx c = { t, o, { NULL, NULL, NULL, NULL }, 0 };
	cJSON *r = cJSON_CreateObject(), *hp, *cl, *oc, *all, *f, *aud;
	const cJSON *m;
	size_t i;
	int s;

	for (s = 0; s < 4; s++)
		c.found[s] = cJSON_CreateArray();
	if (at != NULL)
		view_found(r, at);
	for (i = 0; i < nissues; i++)
		finding(&c, SEV_ERROR, "malformed", "%s", issues[i]);
	cJSON_AddItemToObject(r, "header", cJSON_Duplicate(t->header, 1));
	cJSON_AddItemToObject(r, "payload", view_payload(t, 0));
	cJSON_AddItemToObject(r, "signature", cJSON_CreateString(t->seg[2]));
	check_alg(&c);
	hp = cJSON_AddArrayToObject(r, "header_parameters");
	cJSON_ArrayForEach(m, t->header)
		cJSON_AddItemToArray(hp, entry(&c, m, 1));
	check_header(&c);
	if (cJSON_IsObject(t->payload)) {
		cl = cJSON_AddArrayToObject(r, "claims");
		oc = cJSON_AddArrayToObject(r, "other_claims");
		cJSON_ArrayForEach(m, t->payload)
			cJSON_AddItemToArray(is_registered(m->string) ? cl :
			    oc, entry(&c, m, 0));
		if ((m = json_get(t->payload, "aud")) != NULL &&
		    (aud = audience(&c, m)) != NULL)
			cJSON_AddItemToObject(r, "audience", aud);
		if ((m = json_get(t->payload, "iss")) != NULL &&
		    !cJSON_IsString(m))
			finding(&c, SEV_WARNING, "iss_type", "claim 'iss' must "
			    "be a string, not %s", a_type(m));
		if ((m = json_get(t->payload, "sub")) != NULL &&
		    !cJSON_IsString(m))
			finding(&c, SEV_WARNING, "sub_type", "claim 'sub' must "
			    "be a string, not %s", a_type(m));
		cJSON_AddItemToObject(r, "validity", validity(&c));
		check_sensitive(&c, t->payload, "", 0);
		if (c.nsensitive > MAX_SENSITIVE)
			finding(&c, SEV_WARNING, "secret_claim", "%zu more claims "
			    "look like secrets or personal data",
			    c.nsensitive - MAX_SENSITIVE);
	} else
		finding(&c, SEV_INFO, "not_claims", "the payload is not a JSON "
		    "object of claims (%s)", t->payload != NULL ?
		    a_type(t->payload) : t->payload_why);
	cJSON_AddItemToObject(r, "sizes", sizes(t));
	all = cJSON_AddArrayToObject(r, "findings");
	for (s = SEV_ERROR; s >= SEV_INFO; s--)
		while ((f = cJSON_DetachItemFromArray(c.found[s], 0)) != NULL)
			cJSON_AddItemToArray(all, f);
	for (s = 0; s < 4; s++)
		cJSON_Delete(c.found[s]);
	return r;
}

enum severity
report_worst(const cJSON *r)
{
	const cJSON *f;
	enum severity w = SEV_NONE, s;

	cJSON_ArrayForEach(f, json_get(r, "findings"))
		if ((s = severity_of(cJSON_GetStringValue(json_get(f,
		    "severity")))) > w)
			w = s;
	return w;
}

size_t
report_count(const cJSON *r, enum severity sev)
{
	const cJSON *f;
	size_t n = 0;

	cJSON_ArrayForEach(f, json_get(r, "findings"))
		if (severity_of(cJSON_GetStringValue(json_get(f,
		    "severity"))) >= sev)
			n++;
	return n;
}

int
report_expires_within(const struct jwt *t, long long now, long long within)
{
	long long exp;
	char a[64], b[64];

	if (!cJSON_IsObject(t->payload) ||
	    jwt_numeric_date(t->payload, "exp", &exp) <= 0)
		return JW_OK;
	if (now >= exp)
		return jw_fail(JW_EEXPIRED, "the token expired %s ago",
		    time_format_duration(now - exp, a, sizeof(a)));
	if (exp - now <= within)
		return jw_fail(JW_EEXPIRED, "the token expires in %s, within "
		    "%s (--expires-within)", time_format_duration(exp - now, a,
		    sizeof(a)), time_format_duration(within, b, sizeof(b)));
	return JW_OK;
}
