/* cmd_sign.c - make a signed token from claims and flags */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "b64url.h"
#include "cmd.h"
#include "io.h"
#include "json.h"
#include "timeutil.h"
#include "util.h"

static const struct opt options[] = {
	OPT_ENTRIES_KEY,
	{ "alg", OPT_ALG, required_argument, "ALG",
	  "algorithm (default follows the key)", "alg" },
	{ "claim", OPT_CLAIM, required_argument, "NAME=VALUE",
	  "string claim, or NAME:=JSON (repeatable)",
	  NULL },
	{ "iss", OPT_ISS, required_argument, "VALUE", "issuer claim", NULL },
	{ "sub", OPT_SUB, required_argument, "VALUE", "subject claim", NULL },
	{ "aud", OPT_AUD, required_argument, "VALUE",
	  "audience (repeatable: several make an array)", NULL },
	{ "jti", OPT_JTI, required_argument, "VALUE|auto",
	  "token id; auto makes a random 128-bit one", "auto" },
	{ "exp", OPT_EXP, required_argument, "TIME",
	  "expiry: unix seconds, RFC 3339 or +1h", NULL },
	{ "nbf", OPT_NBF, required_argument, "TIME", "not before", NULL },
	{ "iat", OPT_IAT, required_argument, "TIME",
	  "issued at (default: now)", NULL },
	{ "no-iat", OPT_NO_IAT, no_argument, NULL, "leave out iat", NULL },
	{ "now", OPT_NOW, required_argument, "TIME",
	  "the clock for iat and relative times", NULL },
	{ "kid", OPT_KID, required_argument, "VALUE",
	  "key id header (default: the JWK's kid)", NULL },
	{ "typ", OPT_TYP, required_argument, "VALUE",
	  "type header (default JWT)", NULL },
	{ "cty", OPT_CTY, required_argument, "VALUE",
	  "content type header", NULL },
	{ "header", OPT_HEADER, required_argument, "NAME=VALUE",
	  "add a header, or NAME:=JSON (repeatable)", NULL },
	OPT_ENTRY_MAX_INPUT,
	OPT_ENTRY_HELP,
	{ NULL, 0, 0, NULL, NULL, NULL }
};

const struct cmd cmd_sign_def = {
	"sign", cmd_sign, options, "make a signed token",
	"-k SRC [--alg ALG] [--claim NAME=VALUE]\n"
	"[--iss VALUE] [--sub VALUE] [--aud VALUE] [--exp TIME]\n"
	"[--now TIME] [options] [CLAIMS | -]",
	"Make a signed token.  Claims come from the JSON object in the file\n"
	"CLAIMS (- for stdin), then --claim, then the claim flags, each\n"
	"overriding the one before.  Prints the token and a newline.",
};

struct signopts {
	const char *alg, *kid, *typ, *cty, *iss, *sub, *jti;
	const char *exp, *nbf, *iat, *now;
	int no_iat;
	const char **claims, **headers, **auds;
	size_t nclaims, nheaders, nauds;
};

static void
push(const char ***v, size_t *n, const char *s)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = s;
}

/* Set member NAME of obj to val, in place if it exists (keeps order). */
static void
set_member(cJSON *obj, const char *name, cJSON *val)
{
	if (json_get(obj, name) != NULL)
		cJSON_ReplaceItemInObjectCaseSensitive(obj, name, val);
	else
		cJSON_AddItemToObject(obj, name, val);
}

/* "name=string" or "name:=JSON" into obj; opt names the flag. */
static int
apply_assignment(cJSON *obj, const char *opt, const char *arg)
{
	const char *eq = strchr(arg, '=');
	char *name;
	cJSON *val;
	int json, rc;

	if (eq == NULL || eq == arg || (eq == arg + 1 && arg[0] == ':'))
		return jw_fail(JW_EUSAGE, "%s '%s': expected NAME=VALUE or "
		    "NAME:=JSON", opt, jw_quote(arg, strlen(arg), 40));
	json = eq[-1] == ':';
	name = xstrndup(arg, (size_t)(eq - arg) - (json ? 1 : 0));
	if (json) {
		if ((rc = json_parse(eq + 1, strlen(eq + 1), opt, &val)) !=
		    JW_OK) {
			free(name);
			return jw_fail(JW_EUSAGE, "%s", jw_error());
		}
	} else
		val = cJSON_CreateString(eq + 1);
	set_member(obj, name, val);
	free(name);
	return JW_OK;
}

static int
time_claim(cJSON *claims, const char *name, const char *arg, long long now)
{
	long long t;
	char opt[16];
	int rc;

	snprintf(opt, sizeof(opt), "--%s", name);
	if ((rc = parse_time_opt(opt, arg, now, &t)) != JW_OK)
		return rc;
	if (t < 0 || t > TIME_MAX_NUMERIC)
		return jw_fail(JW_EUSAGE, "%s: time out of range", opt);
	set_member(claims, name, json_new_int(t));
	return JW_OK;
}

static int
build_claims(const struct signopts *so, const char *src, long long now,
    cJSON **out)
{
	cJSON *claims = NULL, *aud;
	unsigned char *data, id[16];
	char jti[32];
	size_t len, i;
	int rc;

	if (src != NULL) {
		if ((rc = io_read(src, "claims", 0, &data, &len)) != JW_OK)
			return rc;
		rc = json_parse((const char *)data, len, "claims", &claims);
		free(data);
		if (rc != JW_OK)
			return rc;
		if (!cJSON_IsObject(claims)) {
			rc = jw_fail(JW_EMALFORMED, "claims: expected a JSON "
			    "object, got %s", json_type_name(claims));
			goto fail;
		}
	} else
		claims = cJSON_CreateObject();
	for (i = 0; i < so->nclaims; i++)
		if ((rc = apply_assignment(claims, "--claim", so->claims[i])))
			goto fail;
	if (so->iss != NULL)
		set_member(claims, "iss", cJSON_CreateString(so->iss));
	if (so->sub != NULL)
		set_member(claims, "sub", cJSON_CreateString(so->sub));
	if (so->nauds == 1)
		set_member(claims, "aud", cJSON_CreateString(so->auds[0]));
	else if (so->nauds > 1) {
		aud = cJSON_CreateArray();
		for (i = 0; i < so->nauds; i++)
			cJSON_AddItemToArray(aud,
			    cJSON_CreateString(so->auds[i]));
		set_member(claims, "aud", aud);
	}
	if ((so->exp && (rc = time_claim(claims, "exp", so->exp, now))) ||
	    (so->nbf && (rc = time_claim(claims, "nbf", so->nbf, now))) ||
	    (so->iat && (rc = time_claim(claims, "iat", so->iat, now))))
		goto fail;
	if (so->iat == NULL && !so->no_iat && json_get(claims, "iat") == NULL)
		cJSON_AddItemToObject(claims, "iat", json_new_int(now));
	if (so->no_iat)
		cJSON_DeleteItemFromObjectCaseSensitive(claims, "iat");
	if (so->jti != NULL) {
		if (strcmp(so->jti, "auto") == 0) {
			randombytes_buf(id, sizeof(id));
			b64url_encode_to(jti, id, sizeof(id));
			set_member(claims, "jti", cJSON_CreateString(jti));
		} else
			set_member(claims, "jti", cJSON_CreateString(so->jti));
	}
	*out = claims;
	return JW_OK;
fail:
	cJSON_Delete(claims);
	return rc;
}

static int
build_header(const struct signopts *so, const struct alg *alg,
    const struct key *key, cJSON **out)
{
	cJSON *h = cJSON_CreateObject();
	const char *kid = so->kid ? so->kid : key->kid;
	size_t i;
	int rc;

	cJSON_AddStringToObject(h, "alg", alg->name);
	cJSON_AddStringToObject(h, "typ", so->typ ? so->typ : "JWT");
	if (kid != NULL)
		cJSON_AddStringToObject(h, "kid", kid);
	if (so->cty != NULL)
		cJSON_AddStringToObject(h, "cty", so->cty);
	for (i = 0; i < so->nheaders; i++) {
		if (strncmp(so->headers[i], "alg=", 4) == 0 ||
		    strncmp(so->headers[i], "alg:=", 5) == 0) {
			cJSON_Delete(h);
			return jw_fail(JW_EUSAGE, "--header cannot set 'alg'; "
			    "use --alg");
		}
		if ((rc = apply_assignment(h, "--header", so->headers[i]))) {
			cJSON_Delete(h);
			return rc;
		}
	}
	*out = h;
	return JW_OK;
}

/* Choose the signing key of ks and its algorithm. */
static int
choose_key(const struct keyset *ks, const struct signopts *so,
    int allow_weak, const struct key **key, const struct alg **alg)
{
	const struct key *k = NULL;
	size_t i;

	if (ks->n == 1)
		k = ks->keys[0];
	else {
		for (i = 0; i < ks->n; i++)
			if (so->kid != NULL && ks->keys[i]->kid != NULL &&
			    strcmp(ks->keys[i]->kid, so->kid) == 0)
				k = ks->keys[i];
		if (k == NULL)
			return jw_fail(JW_EKEY, "the key set holds %zu keys; "
			    "choose one with --kid", ks->n);
	}
	if (!k->priv)
		return jw_fail(JW_EKEY, "cannot sign with a public key (%s)",
		    key_describe(k));
	if (so->alg == NULL) {
		if ((*alg = key_default_alg(k)) == NULL)
			return jw_fail(JW_EKEY, "no default algorithm for the "
			    "%s; give --alg", key_describe(k));
	} else if ((*alg = alg_for_key(so->alg, k)) == NULL) {
		if (strcasecmp(so->alg, "none") == 0)
			return jw_fail(JW_EUSAGE, "--alg none is not a signing "
			    "algorithm");
		if (alg_find(so->alg) == NULL)
			return jw_fail(JW_EUSAGE, "--alg: unknown algorithm "
			    "'%s' (known: %s)", jw_quote(so->alg,
			    strlen(so->alg), 20), alg_list());
		return jw_fail(JW_EKEY, "algorithm %s cannot be used with the "
		    "%s", so->alg, key_describe(k));
	}
	if (!key_allows(k, *alg, 1))
		return jw_fail(JW_EKEY, "the key may not sign with %s: %s",
		    (*alg)->name, key_refusal(k, *alg, 1));
	if (k->kty == KTY_OCT && k->secret_len < (*alg)->hlen) {
		if (!allow_weak)
			return jw_fail(JW_EKEY, "the %s secret is %zu bytes; "
			    "RFC 7518 section 3.2 wants at least %zu "
			    "(--allow-weak-key accepts it)", (*alg)->name,
			    k->secret_len, (*alg)->hlen);
		jw_warn("the %s secret is %zu bytes; RFC 7518 wants at least "
		    "%zu", (*alg)->name, k->secret_len, (*alg)->hlen);
	} else if (key_is_weak(k, *alg)) {
		if (!allow_weak)
			return jw_fail(JW_EKEY, "the RSA key is %u bits; RFC "
			    "7518 section 3.3 wants at least %d "
			    "(--allow-weak-key accepts it)", k->bits,
			    KEY_RSA_MIN_BITS);
		jw_warn("the RSA key is %u bits; RFC 7518 wants at least %d",
		    k->bits, KEY_RSA_MIN_BITS);
	}
	*key = k;
	return JW_OK;
}

int
cmd_sign(int argc, char **argv)
{
	struct opts o;
	struct keyopts ko = { 0 };
	struct signopts so = { 0 };
	struct keyset *ks = NULL;
	const struct key *key = NULL;
	const struct alg *alg = NULL;
	cJSON *claims = NULL, *header = NULL;
	char *payload = NULL, *tok = NULL;
	const char *src;
	long long now;
	int c, rc;

	opts_init(&o, options);
	while ((c = opts_next(&o, argc, argv)) != -1) {
		if ((rc = keyopts_handle(&ko, c, optarg)) != 0) {
			if (rc < 0)
				goto out_usage;
			continue;
		}
		switch (c) {
		case OPT_ALG: so.alg = optarg; break;
		case OPT_CLAIM: push(&so.claims, &so.nclaims, optarg); break;
		case OPT_HEADER: push(&so.headers, &so.nheaders, optarg); break;
		case OPT_AUD: push(&so.auds, &so.nauds, optarg); break;
		case OPT_ISS: so.iss = optarg; break;
		case OPT_SUB: so.sub = optarg; break;
		case OPT_JTI: so.jti = optarg; break;
		case OPT_EXP: so.exp = optarg; break;
		case OPT_NBF: so.nbf = optarg; break;
		case OPT_IAT: so.iat = optarg; break;
		case OPT_NO_IAT: so.no_iat = 1; break;
		case OPT_NOW: so.now = optarg; break;
		case OPT_KID: so.kid = optarg; break;
		case OPT_TYP: so.typ = optarg; break;
		case OPT_CTY: so.cty = optarg; break;
		case OPT_MAX_INPUT:
			if ((rc = io_set_max_input(optarg)) != JW_OK)
				goto out;
			break;
		case 'h':
			rc = cmd_help(&cmd_sign_def);
			goto out;
		default:
			goto out_usage;
		}
	}
	rc = JW_EUSAGE;
	if (so.no_iat && so.iat != NULL) {
		jw_fail(rc, "--iat and --no-iat contradict each other");
		goto out;
	}
	if (argc - optind > 1) {
		jw_fail(rc, "expected at most one claims file, got %d "
		    "arguments", argc - optind);
		goto out;
	}
	src = optind < argc ? argv[optind] : NULL;
	if (io_is_stdin(src) && io_is_stdin(ko.src)) {
		jw_fail(rc, "the key and the claims cannot both come from "
		    "stdin");
		goto out;
	}
	now = time_now();
	if (so.now != NULL && (rc = parse_time_opt("--now", so.now, now,
	    &now)) != JW_OK)
		goto out;
	if ((rc = keyopts_load(&ko, &ks)) != JW_OK ||
	    (rc = choose_key(ks, &so, ko.allow_weak, &key, &alg)) != JW_OK ||
	    (rc = build_claims(&so, src, now, &claims)) != JW_OK ||
	    (rc = build_header(&so, alg, key, &header)) != JW_OK)
		goto out;
	payload = json_print(claims, 0);
	if ((rc = jwt_encode(header, (const unsigned char *)payload,
	    strlen(payload), alg, key, &tok)) != JW_OK)
		goto out;
	jw_puts(tok);
	goto out;
out_usage:
	rc = JW_EUSAGE;
out:
	free(tok);
	free(payload);
	cJSON_Delete(claims);
	cJSON_Delete(header);
	keyset_free(ks);
	free(so.claims);
	free(so.headers);
	free(so.auds);
	return rc;
}
