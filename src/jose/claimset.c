/* claimset.c - the claims and header of a token, from sign's options */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/b64url.h"
#include "keys/certs.h"
#include "jose/claimset.h"
#include "base/json.h"
#include "keys/jwk.h"
#include "jose/jwt.h"
#include "base/timeutil.h"
#include "base/util.h"

static pthread_mutex_t warn_lock = PTHREAD_MUTEX_INITIALIZER;

/* Set member NAME of obj to val, in place if it exists (keeps order). */
static void
set_member(cJSON *obj, const char *name, cJSON *val)
{
	if (json_get(obj, name) != NULL)
		cJSON_ReplaceItemInObjectCaseSensitive(obj, name, val);
	else
		cJSON_AddItemToObject(obj, name, val);
}

static const char *
a_type(const cJSON *item)
{
	if (cJSON_IsObject(item))
		return "an object";
	if (cJSON_IsArray(item))
		return "an array";
	if (cJSON_IsNull(item))
		return "null";
	return json_is_number(item) ? "a number" : cJSON_IsString(item) ?
	    "a string" : "a boolean";
}

void
assign_clear(struct assign *a)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; i < a->depth; i++)
		free(a->path[i]);
	free(a->path);
	cJSON_Delete(a->value);
	memset(a, 0, sizeof(*a));
}

static const char *
q(const char *s)
{
	return jw_quote(s, strlen(s), 60);
}

int
assign_parse(const char *opt, const char *arg, struct assign *a)
{
	const char *p, *val = NULL;
	char *seg = xmalloc(strlen(arg) + 1);
	size_t sl = 0;
	int json = 0, rc = JW_OK;

	memset(a, 0, sizeof(*a));
	a->arg = arg;
	if (!json_utf8_valid(arg, strlen(arg))) {
		rc = jw_fail(JW_EUSAGE, "%s '%s': not valid UTF-8", opt, q(arg));
		goto out;
	}
	for (p = arg; *p != '\0'; p++) {
		if (p[0] == '\\' && p[1] != '\0') {
			seg[sl++] = *++p;
			continue;
		}
		if (*p == '=')
			val = p + 1;
		else if (p[0] == ':' && p[1] == '=')
			json = 1, val = p + 2;
		else if (p[0] == '+' && p[1] == '=')
			a->append = 1, val = p + 2;
		else if (p[0] == '+' && p[1] == ':' && p[2] == '=')
			a->append = json = 1, val = p + 3;
		else if (*p != '.') {
			seg[sl++] = *p;
			continue;
		}
		/* The end of a segment: a dot or the operator. */
		if (sl == 0) {
			if (val != NULL && a->depth == 0)
				break;	/* no name at all: reported below */
			rc = jw_fail(JW_EUSAGE, "%s '%s': empty name segment "
			    "(a literal dot is written '\\.')", opt, q(arg));
			goto out;
		}
		if (a->depth >= JSON_MAX_DEPTH / 2) {
			rc = jw_fail(JW_EUSAGE, "%s '%s': more than %d name "
			    "segments", opt, q(arg), JSON_MAX_DEPTH / 2);
			goto out;
		}
		a->path = xrealloc(a->path, (a->depth + 1) * sizeof(*a->path));
		a->path[a->depth++] = xstrndup(seg, sl);
		sl = 0;
		if (val != NULL)
			break;
	}
	if (val == NULL || a->depth == 0) {
		rc = jw_fail(JW_EUSAGE, "%s '%s': expected NAME=VALUE, "
		    "NAME:=JSON, NAME+=VALUE or NAME+:=JSON", opt, q(arg));
		goto out;
	}
	if (!json)
		a->value = cJSON_CreateString(val);
	else if (json_parse(val, strlen(val), opt, &a->value) != JW_OK)
		rc = jw_fail(JW_EUSAGE, "%s", jw_error());
out:
	free(seg);
	if (rc != JW_OK)
		assign_clear(a);
	return rc;
}

/* "a.b" for the first n segments of a's path (dots in names escaped). */
static const char *
path_name(const struct assign *a, size_t n, char *buf, size_t len)
{
	size_t i, o = 0;
	const char *s;

	buf[0] = '\0';
	for (i = 0; i < n && o + 2 < len; i++) {
		if (i > 0)
			buf[o++] = '.';
		for (s = a->path[i]; *s && o + 2 < len; s++) {
			if (*s == '.' || *s == '\\')
				buf[o++] = '\\';
			buf[o++] = *s;
		}
	}
	buf[o < len ? o : len - 1] = '\0';
	return jw_quote(buf, strlen(buf), 60);
}

int
assign_apply(const char *opt, const struct assign *a, cJSON *obj)
{
	cJSON *cur = obj, *m, *arr;
	const char *last = a->path[a->depth - 1];
	char buf[256];
	size_t i;

	for (i = 0; i + 1 < a->depth; i++) {
		if ((m = json_get(cur, a->path[i])) == NULL) {
			m = cJSON_CreateObject();
			cJSON_AddItemToObject(cur, a->path[i], m);
		} else if (!cJSON_IsObject(m))
			return jw_fail(JW_EUSAGE, "%s '%s': '%s' is %s, not an "
			    "object", opt, q(a->arg), path_name(a, i + 1, buf,
			    sizeof(buf)), a_type(m));
		cur = m;
	}
	m = json_get(cur, last);
	if (!a->append)
		set_member(cur, last, cJSON_Duplicate(a->value, 1));
	else if (m == NULL) {
		arr = cJSON_CreateArray();
		cJSON_AddItemToArray(arr, cJSON_Duplicate(a->value, 1));
		cJSON_AddItemToObject(cur, last, arr);
	} else if (cJSON_IsArray(m))
		cJSON_AddItemToArray(m, cJSON_Duplicate(a->value, 1));
	else if (cJSON_IsObject(m))
		return jw_fail(JW_EUSAGE, "%s '%s': '%s' is an object; += "
		    "appends to an array (or makes one of a single value)",
		    opt, q(a->arg), path_name(a, a->depth, buf, sizeof(buf)));
	else {
		arr = cJSON_CreateArray();
		cJSON_AddItemToArray(arr, cJSON_Duplicate(m, 1));
		cJSON_AddItemToArray(arr, cJSON_Duplicate(a->value, 1));
		set_member(cur, last, arr);
	}
	return JW_OK;
}

/* A string option's value must be UTF-8 to be put in JSON. */
static int
utf8_opt(const char *opt, const char *v)
{
	if (v != NULL && !json_utf8_valid(v, strlen(v)))
		return jw_fail(JW_EUSAGE, "%s '%s': not valid UTF-8", opt, q(v));
	return JW_OK;
}

static int
time_opt(const char *opt, const char *arg, long long now, long long *t)
{
	int rc;

	if (arg == NULL)
		return JW_OK;
	if ((rc = time_parse_arg(opt, arg, now, t)) != JW_OK)
		return rc;
	if (*t < 0 || *t > TIME_MAX_NUMERIC)
		return jw_fail(JW_EUSAGE, "%s: time out of range", opt);
	return JW_OK;
}

static int
compile(const char *opt, const char **args, size_t n, struct assign **out)
{
	size_t i;
	int rc;

	*out = xcalloc(n + 1, sizeof(**out));
	for (i = 0; i < n; i++) {
		if ((rc = assign_parse(opt, args[i], &(*out)[i])) != JW_OK)
			return rc;
		if (strcmp(opt, "--header") == 0 &&
		    strcmp((*out)[i].path[0], "alg") == 0)
			return jw_fail(JW_EUSAGE, "--header cannot set 'alg'; "
			    "use --alg");
	}
	return JW_OK;
}

static int
contradict(const char *a, const char *b)
{
	return jw_fail(JW_EUSAGE, "%s and %s contradict each other", a, b);
}

int
signspec_prepare(struct signspec *s)
{
	struct certchain *chain = NULL;
	size_t i;
	int rc;

	if (s->no_iat && s->iat != NULL)
		return contradict("--iat", "--no-iat");
	if (s->ttl != NULL && s->exp != NULL)
		return contradict("--exp", "--ttl");
	if (s->no_typ && s->typ != NULL)
		return contradict("--typ", "--no-typ");
	s->t_now = time_now();
	if ((rc = time_opt("--now", s->now, s->t_now, &s->t_now)) ||
	    (rc = time_opt("--exp", s->exp, s->t_now, &s->t_exp)) ||
	    (rc = time_opt("--nbf", s->nbf, s->t_now, &s->t_nbf)) ||
	    (rc = time_opt("--iat", s->iat, s->t_now, &s->t_iat)))
		return rc;
	if (s->ttl != NULL && (rc = time_parse_duration_arg("--ttl", s->ttl,
	    &s->t_ttl)) != JW_OK)
		return rc;
	if ((rc = utf8_opt("--iss", s->iss)) || (rc = utf8_opt("--sub",
	    s->sub)) || (rc = utf8_opt("--jti", s->jti)) ||
	    (rc = utf8_opt("--kid", s->kid)) || (rc = utf8_opt("--typ",
	    s->typ)) || (rc = utf8_opt("--cty", s->cty)))
		return rc;
	for (i = 0; i < s->nauds; i++)
		if ((rc = utf8_opt("--aud", s->auds[i])) != JW_OK)
			return rc;
	if ((rc = compile("--claim", s->claim_args, s->nclaim_args,
	    &s->claims)) != JW_OK || (rc = compile("--header",
	    s->header_args, s->nheader_args, &s->headers)) != JW_OK)
		return rc;
	if (s->x5c != NULL) {
		if ((rc = certs_load(s->x5c, "--x5c", &chain)) != JW_OK)
			return rc;
		s->x5c_value = certs_x5c(chain);
		certchain_free(chain);
	}
	if (s->x5t != NULL) {
		if ((rc = certs_load(s->x5t, "--x5t", &chain)) != JW_OK)
			return rc;
		certs_x5t_s256(chain, s->x5t_s256, sizeof(s->x5t_s256));
		certchain_free(chain);
	}
	return JW_OK;
}

void
signspec_free(struct signspec *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; s->claims != NULL && i < s->nclaim_args; i++)
		assign_clear(&s->claims[i]);
	for (i = 0; s->headers != NULL && i < s->nheader_args; i++)
		assign_clear(&s->headers[i]);
	free(s->claims);
	free(s->headers);
	free(s->claim_args);
	free(s->header_args);
	free(s->auds);
	cJSON_Delete(s->x5c_value);
	memset(s, 0, sizeof(*s));
}

static cJSON *
num(long long v)
{
	return json_new_int(v);
}

/*
 * --from-token: move iat, nbf and exp by the same amount, so that iat (or,
 * without one, nbf) becomes TO.  Times that are not integers stay.
 */
static int
shift_times(cJSON *c, long long to)
{
	static const char *const names[] = { "iat", "nbf", "exp" };
	long long ref, v, d;
	size_t i;

	if (json_get_int(json_get(c, "iat"), &ref) != 0 &&
	    json_get_int(json_get(c, "nbf"), &ref) != 0)
		return JW_OK;
	d = to - ref;
	for (i = 0; i < 3; i++) {
		if (json_get_int(json_get(c, names[i]), &v) != 0)
			continue;
		if ((d > 0 && v > TIME_MAX_NUMERIC - d) || v + d < 0)
			return jw_fail(JW_EUSAGE, "claim '%s' moved by %llds is "
			    "out of range", names[i], d);
		set_member(c, names[i], num(v + d));
	}
	return JW_OK;
}

/* exp must come after now and after nbf, as verify counts. */
static int
check_times(struct signspec *s, const cJSON *c)
{
	long long exp, nbf;
	char a[32], b[32], msg[160];
	int has_nbf;

	if (jwt_numeric_date(c, "exp", &exp) <= 0)
		return JW_OK;
	has_nbf = jwt_numeric_date(c, "nbf", &nbf) > 0;
	if (exp <= s->t_now)
		snprintf(msg, sizeof(msg), "exp %s is not after now (%s): the "
		    "token would be expired", time_format_utc(exp, a,
		    sizeof(a)), time_format_utc(s->t_now, b, sizeof(b)));
	else if (has_nbf && exp <= nbf)
		snprintf(msg, sizeof(msg), "exp %s is not after nbf %s: the "
		    "token would never be valid", time_format_utc(exp, a,
		    sizeof(a)), time_format_utc(nbf, b, sizeof(b)));
	else
		return JW_OK;
	if (!s->allow_expired)
		return jw_fail(JW_EUSAGE, "%s (--allow-expired signs it anyway)",
		    msg);
	/* once per batch, whichever --jobs thread comes first */
	pthread_mutex_lock(&warn_lock);
	if (!s->warned)
		jw_warn("%s", msg);
	s->warned = 1;
	pthread_mutex_unlock(&warn_lock);
	return JW_OK;
}

int
signspec_claims(struct signspec *s, cJSON *c, enum claim_base base)
{
	unsigned char id[16];
	char jti[32];
	long long from;
	const cJSON *iat;
	cJSON *aud;
	size_t i;
	int rc;

	if (base == BASE_TOKEN && (rc = shift_times(c, s->iat != NULL ?
	    s->t_iat : s->t_now)) != JW_OK)
		return rc;
	for (i = 0; i < s->nclaim_args; i++)
		if ((rc = assign_apply("--claim", &s->claims[i], c)) != JW_OK)
			return rc;
	if (s->iss != NULL)
		set_member(c, "iss", cJSON_CreateString(s->iss));
	if (s->sub != NULL)
		set_member(c, "sub", cJSON_CreateString(s->sub));
	if (s->nauds == 1)
		set_member(c, "aud", cJSON_CreateString(s->auds[0]));
	else if (s->nauds > 1) {
		aud = cJSON_CreateArray();
		for (i = 0; i < s->nauds; i++)
			cJSON_AddItemToArray(aud, cJSON_CreateString(s->auds[i]));
		set_member(c, "aud", aud);
	}
	if (s->exp != NULL)
		set_member(c, "exp", num(s->t_exp));
	else if (s->ttl != NULL) {
		/* --ttl counts from the iat the token will carry. */
		from = s->iat != NULL ? s->t_iat : s->t_now;
		if (s->iat == NULL && !s->no_iat &&
		    (iat = json_get(c, "iat")) != NULL &&
		    json_get_int(iat, &from) != 0)
			return jw_fail(JW_EUSAGE, "--ttl counts from iat, but "
			    "claim 'iat' is %s, not an integer", a_type(iat));
		if (from < 0 || s->t_ttl > TIME_MAX_NUMERIC - from)
			return jw_fail(JW_EUSAGE, "--ttl: exp would be out of "
			    "range");
		set_member(c, "exp", num(from + s->t_ttl));
	}
	if (s->nbf != NULL)
		set_member(c, "nbf", num(s->t_nbf));
	if (s->iat != NULL)
		set_member(c, "iat", num(s->t_iat));
	else if (s->no_iat)
		cJSON_DeleteItemFromObjectCaseSensitive(c, "iat");
	else if (base == BASE_NEW && json_get(c, "iat") == NULL)
		cJSON_AddItemToObject(c, "iat", num(s->t_now));
	if (s->jti != NULL && strcmp(s->jti, "auto") == 0) {
		randombytes_buf(id, sizeof(id));
		b64url_encode_to(jti, id, sizeof(id));
		set_member(c, "jti", cJSON_CreateString(jti));
	} else if (s->jti != NULL)
		set_member(c, "jti", cJSON_CreateString(s->jti));
	if (json_depth(c) > JSON_MAX_DEPTH)
		return jw_fail(JW_EUSAGE, "the claims nest deeper than %d "
		    "levels", JSON_MAX_DEPTH);
	return check_times(s, c);
}

/* The header flags, applied over defaults and --header. */
static void
header_flags(const struct signspec *s, cJSON *h, const char *kid)
{
	if (s->typ != NULL)
		set_member(h, "typ", cJSON_CreateString(s->typ));
	else if (s->no_typ)
		cJSON_DeleteItemFromObjectCaseSensitive(h, "typ");
	if (kid != NULL)
		set_member(h, "kid", cJSON_CreateString(kid));
	if (s->cty != NULL)
		set_member(h, "cty", cJSON_CreateString(s->cty));
	if (s->x5c_value != NULL)
		set_member(h, "x5c", cJSON_Duplicate(s->x5c_value, 1));
	if (s->x5t_s256[0] != '\0')
		set_member(h, "x5t#S256", cJSON_CreateString(s->x5t_s256));
}

int
signspec_header(const struct signspec *s, const cJSON *base,
    const char *alg, const struct key *key, cJSON **out)
{
	cJSON *h = cJSON_CreateObject(), *m;
	const char *kid = s->kid;
	char tp[64];
	size_t i;
	int rc;

	if (kid != NULL && strcmp(kid, "auto") == 0) {
		if (key == NULL) {
			rc = jw_fail(JW_EUSAGE, "--kid auto needs a key");
			goto fail;
		}
		if ((rc = key_thumbprint(key, tp, sizeof(tp))) != JW_OK)
			goto fail;
		kid = tp;
	}
	if (base == NULL) {
		cJSON_AddStringToObject(h, "alg", alg);
		if (!s->no_typ)
			cJSON_AddStringToObject(h, "typ", s->typ ? s->typ :
			    "JWT");
		if (kid != NULL || (key != NULL && key->kid != NULL))
			cJSON_AddStringToObject(h, "kid", kid ? kid :
			    key->kid);
	} else {
		if (json_get(base, "alg") == NULL)
			cJSON_AddStringToObject(h, "alg", alg);
		for (m = base->child; m != NULL; m = m->next)
			cJSON_AddItemToObject(h, m->string,
			    strcmp(m->string, "alg") == 0 ?
			    cJSON_CreateString(alg) : cJSON_Duplicate(m, 1));
		if (json_get(h, "kid") == NULL && key != NULL &&
		    key->kid != NULL)
			cJSON_AddStringToObject(h, "kid", key->kid);
	}
	header_flags(s, h, kid);
	for (i = 0; i < s->nheader_args; i++)
		if ((rc = assign_apply("--header", &s->headers[i], h)) != JW_OK)
			goto fail;
	header_flags(s, h, kid);
	/* Made for tests, like --unsecured: the payload is encoded as usual. */
	if ((m = json_get(h, "b64")) != NULL && !cJSON_IsTrue(m))
		jw_warn("header 'b64' is not true, but the payload is base64url "
		    "encoded as usual (RFC 7797 is not supported): verifiers "
		    "should reject this token");
	if (json_depth(h) > JSON_MAX_DEPTH) {
		rc = jw_fail(JW_EUSAGE, "the header nests deeper than %d "
		    "levels", JSON_MAX_DEPTH);
		goto fail;
	}
	*out = h;
	return JW_OK;
fail:
	cJSON_Delete(h);
	return rc;
}
