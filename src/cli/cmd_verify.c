/* cmd_verify.c - check a token's signature and claims */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jose/batch.h"
#include "jose/claims.h"
#include "cli/cmd.h"
#include "base/io.h"
#include "base/json.h"
#include "base/timeutil.h"
#include "base/util.h"

static const struct opt options[] = {
	OPT_ENTRIES_KEY,
	{ "alg", OPT_ALG, required_argument, "ALG[,ALG...]",
	  "accept only these (default: what the key allows)",
	  "alg" },
	{ "now", OPT_NOW, required_argument, "TIME",
	  "check times against TIME instead of the clock", NULL },
	{ "leeway", OPT_LEEWAY, required_argument, "DURATION",
	  "clock skew allowed for exp, nbf, iat (default 0)", NULL },
	{ "max-age", OPT_MAX_AGE, required_argument, "DURATION",
	  "reject tokens issued longer ago (needs iat)", NULL },
	{ "iss", OPT_ISS, required_argument, "VALUE",
	  "accepted issuer (repeatable: any of them)", NULL },
	{ "aud", OPT_AUD, required_argument, "VALUE",
	  "this verifier's audience (repeatable: any)", NULL },
	{ "ignore-aud", OPT_IGNORE_AUD, no_argument, NULL,
	  "accept a token with aud although no --aud", NULL },
	{ "sub", OPT_SUB, required_argument, "VALUE",
	  "required subject", NULL },
	{ "typ", OPT_TYP, required_argument, "VALUE",
	  "required header typ (case-insensitive)", NULL },
	{ "require", OPT_REQUIRE, required_argument, "CLAIM[,CLAIM...]",
	  "claims that must be present (repeatable)", NULL },
	{ "claim", OPT_CLAIM, required_argument, "NAME=VALUE",
	  "claim equals a string, or NAME:=JSON (repeatable)", NULL },
	{ "expect", OPT_EXPECT, required_argument, "FILE",
	  "the payload contains this JSON object", "file" },
	{ "jws", OPT_JWS, no_argument, NULL,
	  "any payload, no claim checks; print it as is", NULL },
	{ "json", OPT_JSON, no_argument, NULL,
	  "print a JSON verdict instead of the payload", NULL },
	{ "batch", OPT_BATCH, no_argument, NULL,
	  "tokens one per line from stdin or FILEs: NDJSON", NULL },
	OPT_ENTRY_JOBS,
	{ "find", OPT_FIND, no_argument, NULL,
	  "verify every token found in a log or other text", NULL },
	{ "quiet", 'q', no_argument, NULL,
	  "print nothing on stdout", NULL },
	{ "compact", OPT_COMPACT, no_argument, NULL,
	  "compact JSON even on a terminal", NULL },
	OPT_ENTRY_MAX_INPUT,
	OPT_ENTRY_HELP,
	{ NULL, 0, 0, NULL, NULL, NULL }
};

const struct cmd cmd_verify_def = {
	"verify", cmd_verify, options, "check a token's signature and claims",
	"-k SRC [--alg ALG[,ALG...]] [--now TIME]\n"
	"[--leeway DURATION] [--max-age DURATION] [--iss VALUE]\n"
	"[--aud VALUE | --ignore-aud] [--sub VALUE] [--typ VALUE]\n"
	"[--require CLAIMS] [--claim NAME=VALUE] [--expect FILE]\n"
	"[--jws] [--json] [-q] [options] [TOKEN | FILE | -]\n"
	"[--batch [FILE...]] [--find [FILE | -]]",
	"Check the signature of a token with the algorithms the key allows\n"
	"(never the token's own choice), then its header, exp, nbf, iat and\n"
	"the claims asked for.  On success print the payload; on failure\n"
	"print every reason on stderr and exit with the status of the first.\n"
	"A key file that is raw HMAC secret bytes needs --alg HS256 (HS384,\n"
	"HS512) or --key-format raw.",
};

/*
 * Split "HS256,HS512" into the names of known algorithms.  The names
 * point into arg, which is modified.
 */
static int
parse_algs(char *arg, const char **names, size_t max, size_t *n)
{
	char *p, *save = NULL;

	for (p = strtok_r(arg, ",", &save); p != NULL;
	    p = strtok_r(NULL, ",", &save)) {
		if (strcasecmp(p, "none") == 0)
			return jw_fail(JW_EUSAGE, "--alg none: unsecured tokens "
			    "are never accepted");
		if (alg_find(p) == NULL)
			return jw_fail(JW_EUSAGE, "--alg: unknown algorithm '%s' "
			    "(known: %s)", jw_quote(p, strlen(p), 20),
			    alg_list());
		if (*n == max)
			return jw_fail(JW_EUSAGE, "--alg: too many algorithms");
		names[(*n)++] = p;
	}
	if (*n == 0)
		return jw_fail(JW_EUSAGE, "--alg needs at least one algorithm");
	return JW_OK;
}

/* How verdicts are shown. */
struct out {
	int quiet, json, compact, jws;
	int warned;		/* the weak-key warning was given */
	size_t column;		/* with --find: where the token starts */
	const char *file;	/* with --find: the file searched, or NULL */
	int status;		/* the status of the verdict shown last */
};

/* Verdict j with "column" after "line" (--find); j is consumed. */
static cJSON *
with_column(cJSON *j, size_t col)
{
	cJSON *n = cJSON_CreateObject(), *c;

	while ((c = j->child) != NULL) {
		cJSON_DetachItemViaPointer(j, c);
		cJSON_AddItemToArray(n, c);	/* keeps its name */
		if (strcmp(c->string, "line") == 0)
			cJSON_AddItemToObject(n, "column", json_new_int(
			    (long long)col));
	}
	cJSON_Delete(j);
	return n;
}

/* The JSON verdict on t, with its claims decoded when --jws kept them raw. */
static cJSON *
verdict_tree(const struct verdict *v, const struct jwt *t, const char *file,
    unsigned long line)
{
	return verdict_json(v, t, t && v->sig_ok && t->payload == NULL ?
	    decode_payload(t) : NULL, file, line);
}

/*
 * The JSON line of a --batch verdict (batch_fmt: it only reads o), or
 * NULL with --quiet.
 */
static char *
batch_line(void *arg, const struct verdict *v, const struct jwt *t,
    const char *file, unsigned long line)
{
	const struct out *o = arg;
	cJSON *j;
	char *s;

	if (o->quiet)
		return NULL;
	if (o->column == 0 && (s = verdict_line(v, t, file, line)) != NULL)
		return s;
	j = verdict_tree(v, t, file, line);
	if (o->column > 0)
		j = with_column(j, o->column);
	s = json_print(j, 0);
	cJSON_Delete(j);
	return s;
}

/* Show the verdict on t (NULL: it did not parse); line > 0 in --batch. */
static void
report(void *arg, const struct verdict *v, const struct jwt *t,
    const char *file, unsigned long line)
{
	struct out *o = arg;
	cJSON *j;
	char *s;
	size_t i;

	o->status = v->status;
	if (v->weak_key && !o->warned++) {
		if (v->key->kty == KTY_OCT)
			jw_warn("the %s secret is %zu bytes; RFC 7518 wants at "
			    "least %zu", v->alg->name, v->key->secret_len,
			    v->alg->hlen);
		else
			jw_warn("the RSA key is %u bits; RFC 7518 wants at "
			    "least %d", v->key->bits, KEY_RSA_MIN_BITS);
	}
	if (line > 0) {
		if (v->shown != NULL)
			fwrite(v->shown, 1, v->shown_len, stdout);
		else if ((s = batch_line(o, v, t, file, line)) != NULL) {
			puts(s);
			free(s);
		}
		return;
	}
	if (o->json) {
		if (o->quiet)
			return;
		j = verdict_tree(v, t, file, line);
		print_json(j, o->compact);
		cJSON_Delete(j);
		return;
	}
	for (i = 0; i < v->n; i++)
		jw_note("%s", v->f[i].message);
	if (v->status != JW_OK)
		return;
	if (v->key->kid != NULL && isatty(STDERR_FILENO))
		jw_note("signature verified with kid '%s' (%s)",
		    jw_quote(v->key->kid, strlen(v->key->kid), 40),
		    v->alg->name);
	if (o->quiet)
		;
	else if (o->jws)	/* the bytes as they are */
		fwrite(t->payload_raw, 1, t->payload_len, stdout);
	else
		print_json(t->payload, o->compact);
}

/* --batch: every line of every file (or stdin) is a token. */
static int
verify_batch(struct out *o, char **files, int nfiles,
    const struct keyset *ks, const struct jwt_policy *pol, int jobs)
{
	unsigned long n = 0, valid = 0;
	int rc;

	rc = batch_verify_files(files, nfiles, ks, pol, jobs, report,
	    batch_line, o, &n, &valid);
	if (rc != JW_EIO || n > 0)
		jw_note("%lu token%s: %lu valid, %lu invalid", n,
		    n == 1 ? "" : "s", valid, n - valid);
	return rc;
}

static void
report_found(void *arg, const struct verdict *v, const struct jwt *t,
    const struct found *at)
{
	struct out *o = arg;

	o->column = at->col;
	report(o, v, t, o->file, at->line);
}

/* --find: every token found in a text, shown as --batch shows them. */
static int
verify_find(struct out *o, const char *arg, const struct keyset *ks,
    const struct jwt_policy *pol)
{
	char *text;
	size_t len, n, valid;
	int rc;

	if ((rc = read_text(arg, "text", 0, &text, &len)) != JW_OK)
		return rc;
	o->file = arg == NULL || io_is_stdin(arg) ? NULL : arg;
	rc = batch_verify_found(text, len, ks, pol, report_found, o, &n,
	    &valid);
	free(text);
	if (n == 0)
		return no_token_found(arg);
	jw_note("%zu token%s found: %zu valid, %zu invalid", n, n == 1 ? "" :
	    "s", valid, n - valid);
	return rc;
}

/*
 * A key file that detection took as raw HMAC secret bytes is used only
 * when the user said so: --alg naming an HS* algorithm (--key-format and
 * --secret load no guessed secret).  Otherwise the bytes of a public key
 * in a form detection misses would verify tokens that anybody can make.
 */
static int
guessed_secret(const struct keyopts *ko, const struct keyset *ks,
    const struct jwt_policy *pol)
{
	const struct alg *a;
	size_t i;

	if (ks->n != 1 || !ks->keys[0]->guessed)
		return JW_OK;
	for (i = 0; i < pol->nalgs; i++)
		if ((a = alg_find(pol->algs[i])) != NULL && a->kty == KTY_OCT)
			return JW_OK;
	return jw_fail(JW_EKEY, "key '%s' would be used as a raw HMAC secret: "
	    "say so with --alg HS256 (or HS384, HS512) or --key-format raw",
	    io_is_stdin(ko->src) ? "stdin" : ko->src);
}

int
cmd_verify(int argc, char **argv)
{
	struct opts op;
	struct keyopts ko = { 0 };
	struct jwt_policy pol = { 0 };
	struct out o = { 0 };
	struct keyset *ks = NULL;
	struct jwt *t = NULL;
	struct verdict v = { 0 };
	const char *algs[32], *now_arg = NULL, *in;
	int c, rc, batch = 0, find = 0, jobs = 0;

	pol.algs = algs;
	opts_init(&op, options);
	while ((c = opts_next(&op, argc, argv)) != -1) {
		if ((rc = keyopts_handle(&ko, c, optarg)) != 0) {
			if (rc < 0) {
				rc = JW_EUSAGE;
				goto out;
			}
			continue;
		}
		rc = JW_OK;
		switch (c) {
		case OPT_ALG:
			rc = parse_algs(optarg, algs, 32, &pol.nalgs);
			break;
		case OPT_NOW:
			now_arg = optarg;
			break;
		case OPT_LEEWAY:
			rc = parse_duration_opt("--leeway", optarg,
			    &pol.leeway);
			break;
		case OPT_MAX_AGE:
			rc = parse_duration_opt("--max-age", optarg,
			    &pol.max_age);
			pol.has_max_age = 1;
			break;
		case OPT_ISS:
			policy_push(&pol.iss, &pol.niss, optarg);
			break;
		case OPT_AUD:
			policy_push(&pol.aud, &pol.naud, optarg);
			break;
		case OPT_IGNORE_AUD:
			pol.ignore_aud = 1;
			break;
		case OPT_SUB:
			pol.sub = optarg;
			break;
		case OPT_TYP:
			pol.typ = optarg;
			break;
		case OPT_REQUIRE:
			rc = policy_add_require(&pol, optarg);
			break;
		case OPT_CLAIM:
			rc = policy_add_claim(&pol, optarg);
			break;
		case OPT_EXPECT:
			if (pol.expect_src != NULL)
				rc = jw_fail(JW_EUSAGE, "--expect given twice");
			pol.expect_src = optarg;
			break;
		case OPT_JWS:
			pol.jws = o.jws = 1;
			break;
		case OPT_JSON:
			o.json = 1;
			break;
		case OPT_BATCH:
			batch = 1;
			break;
		case OPT_JOBS:
			rc = parse_jobs_opt(optarg, &jobs);
			break;
		case OPT_FIND:
			find = 1;
			break;
		case 'q':
			o.quiet = 1;
			break;
		case OPT_COMPACT:
			o.compact = 1;
			break;
		case OPT_MAX_INPUT:
			rc = io_set_max_input(optarg);
			break;
		case 'h':
			rc = cmd_help(&cmd_verify_def);
			goto out;
		default:
			rc = JW_EUSAGE;
			break;
		}
		if (rc != JW_OK)
			goto out;
	}
	pol.now = time_now();
	pol.allow_weak = ko.allow_weak;
	in = batch && optind < argc ? NULL : optind < argc ? argv[optind] : "-";
	if (now_arg != NULL && (rc = parse_time_opt("--now", now_arg, pol.now,
	    &pol.now)) != JW_OK)
		goto out;
	if ((rc = policy_validate(&pol)) != JW_OK)
		goto out;
	rc = JW_EUSAGE;
	if (o.quiet && o.json && !batch) {
		jw_fail(rc, "-q and --json: choose one");
		goto out;
	}
	if (!batch && jobs != 0) {
		jw_fail(rc, "--jobs applies to --batch");
		goto out;
	}
	if (batch && find) {
		jw_fail(rc, "give --batch or --find, not both");
		goto out;
	}
	if (!batch && argc - optind > 1) {
		jw_fail(rc, "expected one token, got %d arguments (--batch "
		    "reads many)", argc - optind);
		goto out;
	}
	for (c = optind; batch && c < argc; c++)
		if (io_is_stdin(argv[c]))
			in = "-";
	if (io_is_stdin(ko.src) + io_is_stdin(pol.expect_src) +
	    io_is_stdin(in) > 1) {
		jw_fail(rc, "%s cannot both come from stdin",
		    !io_is_stdin(ko.src) ? "--expect and the tokens" :
		    io_is_stdin(pol.expect_src) ? "the key and --expect" :
		    "the key and the token");
		goto out;
	}
	/* a JWKS's keys are imported as tokens need them */
	keys_defer_jwks(1);
	if ((rc = policy_load_expect(&pol)) != JW_OK ||
	    (rc = keyopts_load(&ko, &ks)) != JW_OK ||
	    (rc = keyset_check_mixed(ks, ko.src == NULL ? "--secret" :
	    io_is_stdin(ko.src) ? "stdin" : ko.src)) != JW_OK ||
	    (rc = guessed_secret(&ko, ks, &pol)) != JW_OK)
		goto out;
	if (batch)
		rc = verify_batch(&o, argv + optind, argc - optind, ks, &pol,
		    jobs);
	else if (find)
		rc = verify_find(&o, optind < argc ? argv[optind] : NULL, ks,
		    &pol);
	else if ((rc = read_token(optind < argc ? argv[optind] : NULL,
	    &t)) == JW_OK) {
		jwt_verify(t, ks, &pol, &v);
		report(&o, &v, t, NULL, 0);
		rc = o.status;
	} else if (rc == JW_EMALFORMED && o.json) {
		verdict_add(&v, rc, "malformed", NULL, "%s", jw_error());
		jw_clear_error();
		report(&o, &v, NULL, NULL, 0);
	}
out:
	keyopts_free(&ko);
	verdict_free(&v);
	jwt_free(t);
	keyset_free(ks);
	jwt_policy_free(&pol);
	return rc;
}
