/* claims.c - verify's claim checks beyond the signature and the times */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "jose/claims.h"
#include "base/io.h"
#include "base/json.h"
#include "base/util.h"

void
policy_push(const char ***v, size_t *n, const char *arg)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = arg;
}

int
policy_add_require(struct jwt_policy *p, char *arg)
{
	char *name, *save = NULL;
	size_t before = p->nrequire;

	for (name = strtok_r(arg, ",", &save); name != NULL;
	    name = strtok_r(NULL, ",", &save))
		policy_push(&p->require, &p->nrequire, name);
	if (p->nrequire == before)
		return jw_fail(JW_EUSAGE, "--require needs at least one claim "
		    "name");
	return JW_OK;
}

int
policy_add_claim(struct jwt_policy *p, const char *arg)
{
	const char *eq = strchr(arg, '=');
	struct claim_match *m;
	cJSON *val = NULL;
	int json;

	if (eq == NULL || eq == arg || (eq == arg + 1 && arg[0] == ':'))
		return jw_fail(JW_EUSAGE, "--claim '%s': expected NAME=VALUE "
		    "or NAME:=JSON", jw_quote(arg, strlen(arg), 40));
	json = eq[-1] == ':';
	if (json) {
		if (json_parse(eq + 1, strlen(eq + 1), "--claim", &val) !=
		    JW_OK)
			return jw_fail(JW_EUSAGE, "%s", jw_error());
	} else
		val = cJSON_CreateString(eq + 1);
	p->claims = xrealloc(p->claims, (p->nclaims + 1) * sizeof(*p->claims));
	m = &p->claims[p->nclaims++];
	m->name = xstrndup(arg, (size_t)(eq - arg) - (json ? 1 : 0));
	m->value = val;
	return JW_OK;
}

int
policy_load_expect(struct jwt_policy *p)
{
	const char *src = p->expect_src;
	unsigned char *data = NULL;
	size_t len;
	cJSON *j = NULL;
	int rc;

	if (src == NULL || p->expect != NULL)
		return JW_OK;
	if ((rc = io_read(src, "--expect file", 0, &data, &len)) != JW_OK)
		return rc;
	if (memchr(data, '\0', len) != NULL)
		rc = jw_fail(JW_EUSAGE, "--expect file '%s' holds a NUL byte",
		    jw_quote(src, strlen(src), 40));
	else if (json_parse((const char *)data, len, "--expect file", &j) !=
	    JW_OK)
		rc = jw_fail(JW_EUSAGE, "%s", jw_error());
	else if (!cJSON_IsObject(j)) {
		rc = jw_fail(JW_EUSAGE, "--expect file '%s' holds a JSON %s, "
		    "not an object of claims", jw_quote(src, strlen(src), 40),
		    json_type_name(j));
		cJSON_Delete(j);
	} else
		p->expect = j;
	free(data);
	return rc;
}

int
policy_validate(const struct jwt_policy *p)
{
	const char *opt = p->has_max_age ? "--max-age" : p->niss ? "--iss" :
	    p->naud ? "--aud" : p->ignore_aud ? "--ignore-aud" : p->sub ?
	    "--sub" : p->nrequire ? "--require" : p->nclaims ? "--claim" :
	    p->expect_src ? "--expect" : NULL;

	if (p->jws && opt != NULL)
		return jw_fail(JW_EUSAGE, "%s checks claims, and --jws "
		    "verifies a payload that has none", opt);
	if (p->naud > 0 && p->ignore_aud)
		return jw_fail(JW_EUSAGE, "--aud and --ignore-aud contradict "
		    "each other");
	return JW_OK;
}

void
jwt_policy_free(struct jwt_policy *p)
{
	size_t i;

	if (p == NULL)
		return;
	free(p->iss);
	free(p->aud);
	free(p->require);
	for (i = 0; i < p->nclaims; i++) {
		free(p->claims[i].name);
		cJSON_Delete(p->claims[i].value);
	}
	free(p->claims);
	cJSON_Delete(p->expect);
	p->iss = p->aud = p->require = NULL;
	p->claims = NULL;
	p->expect = NULL;
	p->niss = p->naud = p->nrequire = p->nclaims = 0;
}

/* The media type a typ value names, less an implied "application/". */
static const char *
typ_base(const char *s)
{
	if (strncasecmp(s, "application/", 12) == 0 &&
	    strchr(s + 12, '/') == NULL)
		return s + 12;
	return s;
}

int
typ_equal(const char *a, const char *b)
{
	return strcasecmp(typ_base(a), typ_base(b)) == 0;
}

int
json_subset(const cJSON *want, const cJSON *have)
{
	const cJSON *w, *h;

	if (cJSON_IsObject(want) && cJSON_IsObject(have)) {
		cJSON_ArrayForEach(w, want)
			if ((h = json_get(have, w->string)) == NULL ||
			    !json_subset(w, h))
				return 0;
		return 1;
	}
	if (cJSON_IsArray(want) && cJSON_IsArray(have)) {
		cJSON_ArrayForEach(w, want) {
			cJSON_ArrayForEach(h, have)
				if (json_subset(w, h))
					break;
			if (h == NULL)
				return 0;
		}
		return 1;
	}
	return json_equal(want, have);
}

/* A JSON value fit for a message: compact, quoted, cut short. */
static const char *
show(const cJSON *j, char *buf, size_t n)
{
	char *s = json_print(j, 0);

	snprintf(buf, n, "%s", jw_quote(s, strlen(s), 60));
	free(s);
	return buf;
}

/* "'a' or 'b'" for messages. */
static const char *
show_list(const char *const *v, size_t n, char *buf, size_t len)
{
	size_t i, o = 0;

	buf[0] = '\0';
	for (i = 0; i < n && o < len; i++)
		o += (size_t)snprintf(buf + o, len - o, "%s'%s'",
		    i == 0 ? "" : i + 1 == n ? " or " : ", ",
		    jw_quote(v[i], strlen(v[i]), 40));
	return buf;
}

static cJSON *
string_array(const char *const *v, size_t n)
{
	cJSON *a = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(v[i]));
	return a;
}

/* Record what a failed check wanted and what the token has. */
static void
set_values(struct verdict *v, cJSON *expected, const cJSON *actual)
{
	struct finding *f = &v->f[v->n - 1];

	f->expected = expected;
	f->actual = actual ? cJSON_Duplicate(actual, 1) : NULL;
}

static int
in_list(const char *s, const char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(s, v[i]) == 0)
			return 1;
	return 0;
}

/* --iss, --sub: claim NAME (m, NULL when absent) must be one of the n
 * strings of want. */
static void
check_string(const cJSON *m, const char *name, const char *opt,
    const char *code, const char *what, const char *const *want, size_t n,
    struct verdict *v)
{
	char list[512];

	if (n == 0)
		return;
	show_list(want, n, list, sizeof(list));
	if (m == NULL) {
		verdict_add(v, JW_ECLAIM, "missing_claim", name, "claim '%s' "
		    "is missing; %s wants %s", name, opt, list);
		set_values(v, string_array(want, n), NULL);
	} else if (!cJSON_IsString(m))
		verdict_add(v, JW_EMALFORMED, "malformed_claim", name, "claim "
		    "'%s' must be a string, not %s", name, json_type_name(m));
	else if (!in_list(m->valuestring, want, n)) {
		verdict_add(v, JW_ECLAIM, code, name, "%s '%s' is not accepted "
		    "(%s %s)", what, jw_quote(m->valuestring,
		    strlen(m->valuestring), 60), opt, list);
		set_values(v, string_array(want, n), m);
	}
}

static void
check_aud(const cJSON *aud, const struct jwt_policy *p, struct verdict *v)
{
	const cJSON *a;
	char list[512], shown[256];

	if (aud != NULL && !cJSON_IsString(aud)) {
		int ok = cJSON_IsArray(aud);

		cJSON_ArrayForEach(a, aud)
			ok &= cJSON_IsString(a);
		if (!ok) {
			verdict_add(v, JW_EMALFORMED, "malformed_claim", "aud",
			    "claim 'aud' must be a string or an array of "
			    "strings, not %s", cJSON_IsArray(aud) ? "an array "
			    "holding other values" : json_type_name(aud));
			return;
		}
	}
	if (p->naud == 0) {
		if (aud == NULL || p->ignore_aud)
			return;
		verdict_add(v, JW_ECLAIM, "audience_unchecked", "aud", "token "
		    "is for audience %s but no --aud was given: add --aud with "
		    "this verifier's name (RFC 7519 section 4.1.3), or "
		    "--ignore-aud to accept any audience", show(aud, shown,
		    sizeof(shown)));
		set_values(v, NULL, aud);
		return;
	}
	show_list(p->aud, p->naud, list, sizeof(list));
	if (aud == NULL) {
		verdict_add(v, JW_ECLAIM, "missing_claim", "aud", "claim 'aud' "
		    "is missing; --aud wants %s", list);
		set_values(v, string_array(p->aud, p->naud), NULL);
		return;
	}
	if (cJSON_IsString(aud) && in_list(aud->valuestring, p->aud, p->naud))
		return;
	cJSON_ArrayForEach(a, aud)
		if (in_list(a->valuestring, p->aud, p->naud))
			return;
	verdict_add(v, JW_ECLAIM, "audience", "aud", "audience %s is not "
	    "accepted (--aud %s)", show(aud, shown, sizeof(shown)), list);
	set_values(v, string_array(p->aud, p->naud), aud);
}

/* A path to a member for messages, jq style: .a.b or .["x y"]. */
static size_t
path_push(char *path, size_t len, size_t n, const char *name)
{
	const char *s;
	int ident = isalpha((unsigned char)*name) || *name == '_';

	for (s = name; *s && ident; s++)
		ident = isalnum((unsigned char)*s) || *s == '_';
	if (ident)
		snprintf(path + len, n - len, ".%s", name);
	else
		snprintf(path + len, n - len, ".[\"%s\"]",
		    jw_quote(name, strlen(name), 40));
	return len;
}

/* The differences of payload member HAVE from WANT, under PATH. */
static void
expect_diff(const cJSON *want, const cJSON *have, const char *top,
    char *path, size_t n, struct verdict *v)
{
	const cJSON *w, *h;
	char a[256], b[256];
	size_t len;

	if (cJSON_IsObject(want) && cJSON_IsObject(have)) {
		cJSON_ArrayForEach(w, want) {
			len = path_push(path, strlen(path), n, w->string);
			if ((h = json_get(have, w->string)) == NULL) {
				verdict_add(v, JW_ECLAIM, "expect_mismatch",
				    top ? top : w->string, "--expect: %s is "
				    "missing, expected %s", path, show(w, a,
				    sizeof(a)));
				set_values(v, cJSON_Duplicate(w, 1), NULL);
			} else
				expect_diff(w, h, top ? top : w->string, path,
				    n, v);
			path[len] = '\0';
		}
	} else if (cJSON_IsArray(want) && cJSON_IsArray(have)) {
		cJSON_ArrayForEach(w, want) {
			cJSON_ArrayForEach(h, have)
				if (json_subset(w, h))
					break;
			if (h != NULL)
				continue;
			verdict_add(v, JW_ECLAIM, "expect_mismatch", top,
			    "--expect: %s has no element matching %s", path,
			    show(w, a, sizeof(a)));
			set_values(v, cJSON_Duplicate(w, 1), have);
		}
	} else if (!json_equal(want, have)) {
		verdict_add(v, JW_ECLAIM, "expect_mismatch", top, "--expect: "
		    "%s is %s, expected %s", path, show(have, a, sizeof(a)),
		    show(want, b, sizeof(b)));
		set_values(v, cJSON_Duplicate(want, 1), have);
	}
}

void
claims_check_header(const struct jwt *t, const struct jwt_policy *p,
    struct verdict *v)
{
	const cJSON *typ;

	if (p->typ == NULL)
		return;
	typ = json_get(t->header, "typ");
	if (typ == NULL)
		verdict_add(v, JW_ECLAIM, "type", "typ", "header 'typ' is "
		    "missing; --typ wants '%s'", jw_quote(p->typ,
		    strlen(p->typ), 40));
	else if (!cJSON_IsString(typ))
		verdict_add(v, JW_ECLAIM, "type", "typ", "header 'typ' is %s, "
		    "not a string", json_type_name(typ));
	else if (!typ_equal(typ->valuestring, p->typ))
		verdict_add(v, JW_ECLAIM, "type", "typ", "header 'typ' is "
		    "'%s'; --typ wants '%s'", jw_quote(typ->valuestring,
		    strlen(typ->valuestring), 40), jw_quote(p->typ,
		    strlen(p->typ), 40));
	else
		return;
	set_values(v, cJSON_CreateString(p->typ), typ);
}

void
claims_check(const struct jwt *t, const struct jwt_policy *p,
    struct verdict *v)
{
	const cJSON *m;
	char a[256], b[256], path[1024];
	size_t i;

	check_string(t->claim[JWT_ISS], "iss", "--iss", "issuer", "issuer",
	    p->iss, p->niss, v);
	check_aud(t->claim[JWT_AUD], p, v);
	check_string(t->claim[JWT_SUB], "sub", "--sub", "subject", "subject",
	    &p->sub, p->sub != NULL, v);
	for (i = 0; i < p->nrequire; i++)
		if (json_get(t->payload, p->require[i]) == NULL)
			verdict_add(v, JW_ECLAIM, "missing_claim",
			    p->require[i], "claim '%s' is missing (--require)",
			    jw_quote(p->require[i], strlen(p->require[i]), 40));
	for (i = 0; i < p->nclaims; i++) {
		const struct claim_match *c = &p->claims[i];

		if ((m = json_get(t->payload, c->name)) == NULL) {
			verdict_add(v, JW_ECLAIM, "missing_claim", c->name,
			    "claim '%s' is missing; --claim wants %s",
			    jw_quote(c->name, strlen(c->name), 40),
			    show(c->value, a, sizeof(a)));
			set_values(v, cJSON_Duplicate(c->value, 1), NULL);
		} else if (!json_equal(m, c->value)) {
			verdict_add(v, JW_ECLAIM, "claim_mismatch", c->name,
			    "claim '%s' is %s; --claim wants %s",
			    jw_quote(c->name, strlen(c->name), 40),
			    show(m, a, sizeof(a)), show(c->value, b,
			    sizeof(b)));
			set_values(v, cJSON_Duplicate(c->value, 1), m);
		}
	}
	if (p->expect != NULL) {
		path[0] = '\0';
		expect_diff(p->expect, t->payload, NULL, path, sizeof(path), v);
	}
}
