/* cmd_jwk.c - convert keys to JWK, JWKS or PEM; print thumbprints */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "base/io.h"
#include "keys/jwk.h"
#include "keys/keygen.h"
#include "base/util.h"

/* RFC 9278 section 3: the URI of a SHA-256 JWK thumbprint. */
#define THUMBPRINT_URN "urn:ietf:params:oauth:jwk-thumbprint:sha-256:"

static const struct opt options[] = {
	{ "format", OPT_FORMAT, required_argument, "FMT",
	  "jwk (default), jwks or pem", "jwk jwks pem" },
	{ "public", OPT_PUBLIC, no_argument, NULL,
	  "write only the public part of each key", NULL },
	{ "kid", OPT_KID, required_argument, "KID",
	  "set 'kid'; auto: the RFC 7638 thumbprint", NULL },
	{ "alg", OPT_ALG, required_argument, "ALG",
	  "set the JWK 'alg' member", "alg" },
	{ "use", OPT_USE, required_argument, "USE",
	  "set the JWK 'use' member: sig or enc", "sig enc" },
	{ "thumbprint", OPT_THUMBPRINT, no_argument, NULL,
	  "print each key's RFC 7638 SHA-256 thumbprint", NULL },
	{ "thumbprint-uri", OPT_THUMBPRINT_URI, no_argument, NULL,
	  "print it as an RFC 9278 URI (urn:ietf:params:...)", NULL },
	{ "key-format", OPT_KEY_FORMAT, required_argument, "FMT",
	  "raw, base64, base64url, hex, jwk, jwks, pem or der",
	  "raw base64 base64url hex jwk jwks pem der" },
	{ "passphrase-file", OPT_PASSPHRASE_FILE, required_argument, "SRC",
	  "passphrase of an encrypted key: a path or env:NAME", "file" },
	OPT_ENTRY_MAX_INPUT,
	OPT_ENTRY_HELP,
	{ NULL, 0, 0, NULL, NULL, NULL }
};

const struct cmd cmd_jwk_def = {
	"jwk", cmd_jwk, options,
	"convert keys to JWK, JWKS or PEM; thumbprints",
	"[--format FMT] [--public] [--kid KID | auto] [--alg ALG]\n"
	"[--use USE] [--key-format FMT] [--passphrase-file SRC] KEY...\n"
	"--thumbprint | --thumbprint-uri [--key-format FMT] KEY...",
	"Convert each KEY (a path, - for stdin, or env:NAME, in any format\n"
	"jwtool reads) into a JWK, merge several into one JWKS, or write\n"
	"PEM (PKCS#8 private, SPKI public).  --thumbprint prints the RFC 7638\n"
	"thumbprint of each key instead, one a line.",
};

/* Load every key of argv[first..argc) into *all (*n of them). */
static int
load_all(const struct keyopts *ko, int argc, char **argv, int first,
    struct keyset ***sets, struct key ***all, size_t *n)
{
	int i, nstdin = 0, rc;
	size_t j;

	*sets = xcalloc((size_t)argc, sizeof(**sets));
	*all = NULL;
	*n = 0;
	for (i = first; i < argc; i++)
		if (io_is_stdin(argv[i]) && nstdin++ > 0)
			return jw_fail(JW_EUSAGE, "standard input (-) named "
			    "twice");
	for (i = first; i < argc; i++) {
		if ((rc = keyopts_load_from(ko, argv[i], &(*sets)[i])) != JW_OK)
			return rc;
		*all = xrealloc(*all, (*n + (*sets)[i]->n) * sizeof(**all));
		for (j = 0; j < (*sets)[i]->n; j++)
			(*all)[(*n)++] = (*sets)[i]->keys[j];
	}
	return JW_OK;
}

static int
print_thumbprints(struct key **keys, size_t n, int uri)
{
	char tp[64];
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		if ((rc = key_thumbprint(keys[i], tp, sizeof(tp))) != JW_OK)
			return rc;
		printf("%s%s\n", uri ? THUMBPRINT_URN : "", tp);
	}
	return JW_OK;
}

int
cmd_jwk(int argc, char **argv)
{
	struct opts o;
	struct keyopts ko = { 0 };
	struct keyset **sets = NULL;
	struct key **keys = NULL;
	enum keyout_fmt fmt = KO_JWK;
	const char *alg = NULL, *kid = NULL, *use = NULL;
	char *text = NULL;
	size_t n = 0, len, i;
	int c, pub = 0, tp = 0, fmtset = 0, rc = JW_OK;

	opts_init(&o, options);
	while ((c = opts_next(&o, argc, argv)) != -1) {
		if ((rc = keyopts_handle(&ko, c, optarg)) == 1)
			continue;
		if (rc < 0)
			return JW_EUSAGE;
		switch (c) {
		case OPT_FORMAT:
			if ((rc = keyout_parse_format(optarg, &fmt)) != JW_OK)
				return rc;
			fmtset = 1;
			break;
		case OPT_PUBLIC:
			pub = 1;
			break;
		case OPT_KID:
			kid = optarg;
			break;
		case OPT_ALG:
			alg = optarg;
			break;
		case OPT_USE:
			use = optarg;
			break;
		case OPT_THUMBPRINT:
			tp = tp ? tp : 1;
			break;
		case OPT_THUMBPRINT_URI:
			tp = 2;
			break;
		case OPT_MAX_INPUT:
			if ((rc = io_set_max_input(optarg)) != JW_OK)
				return rc;
			break;
		case 'h':
			return cmd_help(&cmd_jwk_def);
		default:
			return JW_EUSAGE;
		}
	}
	rc = JW_OK;
	if (optind >= argc)
		return jw_fail(JW_EUSAGE, "no key: give one or more (a path, - "
		    "or env:NAME)");
	if (tp && (fmtset || kid || alg || use))
		return jw_fail(JW_EUSAGE, "--thumbprint prints thumbprints only: "
		    "--format, --kid, --alg and --use do not apply");
	if (fmt == KO_PEM && (kid || alg || use))
		return jw_fail(JW_EUSAGE, "--kid, --alg and --use are JWK "
		    "members, PEM has no place for them");
	/* a key with the ROCA fingerprint converts, with a warning */
	keys_roca_warn(1);
	if ((rc = load_all(&ko, argc, argv, optind, &sets, &keys, &n)) !=
	    JW_OK)
		goto out;
	if (n == 0) {
		rc = jw_fail(JW_EKEY, "no key jwtool can use was found");
		goto out;
	}
	if (tp) {
		rc = print_thumbprints(keys, n, tp == 2);
		goto out;
	}
	if (kid != NULL && n > 1 && strcmp(kid, "auto") != 0) {
		rc = jw_fail(JW_EUSAGE, "--kid '%s' would name %zu keys alike: "
		    "give one key, or --kid auto", jw_quote(kid, strlen(kid),
		    30), n);
		goto out;
	}
	for (i = 0; i < n; i++)
		if ((rc = key_set_members(keys[i], kid, alg, use)) != JW_OK)
			goto out;
	if ((rc = keyout_text(keys, n, fmt, !pub, &text, &len)) != JW_OK)
		goto out;
	for (i = 0; i < n && !pub; i++)
		if (keys[i]->priv && isatty(STDOUT_FILENO)) {
			jw_warn("writing a private key to the terminal "
			    "(--public writes the public part only)");
			break;
		}
	fwrite(text, 1, len, stdout);
out:
	secret_free(text);
	for (i = 0; sets != NULL && i < (size_t)argc; i++)
		keyset_free(sets[i]);
	free(sets);
	free(keys);
	return rc;
}
