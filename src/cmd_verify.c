/* cmd_verify.c - check a token's signature and claims */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "io.h"
#include "json.h"
#include "timeutil.h"
#include "util.h"

static const struct opt options[] = {
	OPT_ENTRIES_KEY,
	{ "alg", OPT_ALG, required_argument, "ALG[,ALG...]",
	  "accept only these (default: what the key allows)",
	  "alg" },
	{ "now", OPT_NOW, required_argument, "TIME",
	  "check times against TIME instead of the clock", NULL },
	{ "leeway", OPT_LEEWAY, required_argument, "DURATION",
	  "clock skew allowed for exp, nbf, iat (default 0)", NULL },
	{ "quiet", 'q', no_argument, NULL,
	  "print nothing on success", NULL },
	{ "compact", OPT_COMPACT, no_argument, NULL,
	  "compact JSON even on a terminal", NULL },
	OPT_ENTRY_MAX_INPUT,
	OPT_ENTRY_HELP,
	{ NULL, 0, 0, NULL, NULL, NULL }
};

const struct cmd cmd_verify_def = {
	"verify", cmd_verify, options, "check a token's signature and claims",
	"-k SRC [--alg ALG[,ALG...]] [--now TIME]\n"
	"[--leeway DURATION] [-q] [options] [TOKEN | FILE | -]",
	"Check the signature of a token with the algorithms the key allows\n"
	"(never the token's own choice), then its exp, nbf and iat.  On success\n"
	"print the payload; on failure print why on stderr and exit non-zero.",
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

int
cmd_verify(int argc, char **argv)
{
	struct opts o;
	struct keyopts ko = { 0 };
	struct jwt_policy pol = { 0 };
	struct keyset *ks = NULL;
	struct jwt *t = NULL;
	struct verdict v = { 0 };
	const char *algs[32];
	const char *now_arg = NULL;
	int c, rc, quiet = 0, compact = 0;
	size_t i;

	pol.algs = algs;
	opts_init(&o, options);
	while ((c = opts_next(&o, argc, argv)) != -1) {
		if ((rc = keyopts_handle(&ko, c, optarg)) != 0) {
			if (rc < 0)
				return JW_EUSAGE;
			continue;
		}
		switch (c) {
		case OPT_ALG:
			if ((rc = parse_algs(optarg, algs, 32, &pol.nalgs)))
				return rc;
			break;
		case OPT_NOW:
			now_arg = optarg;
			break;
		case OPT_LEEWAY:
			if ((rc = parse_duration_opt("--leeway", optarg,
			    &pol.leeway)) != JW_OK)
				return rc;
			break;
		case 'q':
			quiet = 1;
			break;
		case OPT_COMPACT:
			compact = 1;
			break;
		case OPT_MAX_INPUT:
			if ((rc = io_set_max_input(optarg)) != JW_OK)
				return rc;
			break;
		case 'h':
			return cmd_help(&cmd_verify_def);
		default:
			return JW_EUSAGE;
		}
	}
	pol.now = time_now();
	if (now_arg != NULL && (rc = parse_time_opt("--now", now_arg, pol.now,
	    &pol.now)) != JW_OK)
		return rc;
	pol.allow_weak = ko.allow_weak;
	if (argc - optind > 1)
		return jw_fail(JW_EUSAGE, "expected one token, got %d arguments",
		    argc - optind);
	if (io_is_stdin(ko.src) && (optind == argc ||
	    io_is_stdin(argv[optind])))
		return jw_fail(JW_EUSAGE, "the key and the token cannot both "
		    "come from stdin");
	if ((rc = keyopts_load(&ko, &ks)) != JW_OK)
		return rc;
	if ((rc = read_token(optind < argc ? argv[optind] : NULL, &t)) !=
	    JW_OK)
		goto out;
	rc = jwt_verify(t, ks, &pol, &v);
	for (i = 0; i < v.n; i++)
		jw_note("%s", v.f[i].message);
	if (rc == JW_OK && !quiet)
		print_json(t->payload ? t->payload : t->header, compact);
out:
	verdict_free(&v);
	jwt_free(t);
	keyset_free(ks);
	return rc;
}
