/* cmd_keygen.c - make a key pair or a secret and write it out */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/cleanup.h"
#include "cli/cmd.h"
#include "keys/keygen.h"
#include "base/util.h"

static const struct opt options[] = {
	{ "output", 'o', required_argument, "PREFIX",
	  "PREFIX.key + PREFIX.pub; -: private key on stdout",
	  "file" },
	{ "format", OPT_FORMAT, required_argument, "FMT",
	  "pem (default; jwk for secret), jwk or jwks", "pem jwk jwks" },
	{ "bits", OPT_BITS, required_argument, "N",
	  "rsa: modulus size, 2048 to 16384 (default 3072)", NULL },
	{ "bytes", OPT_BYTES, required_argument, "N",
	  "secret: length (default 32, or that of --alg)", NULL },
	{ "alg", OPT_ALG, required_argument, "ALG",
	  "JWK 'alg' member; for a secret also its length", "alg" },
	{ "kid", OPT_KID, required_argument, "KID",
	  "JWK 'kid' member; auto: the RFC 7638 thumbprint", NULL },
	{ "use", OPT_USE, required_argument, "USE",
	  "JWK 'use' member: sig or enc", "sig enc" },
	{ "force", OPT_FORCE, no_argument, NULL,
	  "replace existing key files", NULL },
	OPT_ENTRY_HELP,
	{ NULL, 0, 0, NULL, NULL, NULL }
};

const struct cmd cmd_keygen_def = {
	"keygen", cmd_keygen, options,
	"make a key pair or an HMAC secret",
	"-o PREFIX | -o - [--format FMT] [--bits N] [--bytes N]\n"
	"[--alg ALG] [--kid KID | auto] [--use USE] [--force] TYPE",
	"Make a key of TYPE: secret, ed25519, ed448, p256, p384, p521,\n"
	"secp256k1 or rsa.  With -o PREFIX the private key goes to PREFIX.key\n"
	"(mode 0600) and the public key to PREFIX.pub (mode 0644); existing\n"
	"files are kept unless --force.  With -o - the private key goes to\n"
	"standard output.",
};

/* A decimal number of an option, 1 to max. */
static int
parse_count(const char *opt, const char *arg, unsigned long max,
    unsigned long *v)
{
	char *end;

	if (arg[0] < '0' || arg[0] > '9' || (*v = strtoul(arg, &end, 10),
	    *end != '\0') || *v == 0 || *v > max)
		return jw_fail(JW_EUSAGE, "%s '%s': expected a number from 1 "
		    "to %lu", opt, jw_quote(arg, strlen(arg), 20), max);
	return JW_OK;
}

/* Write the private text, and the public one unless NULL, to PREFIX.*. */
static int
write_files(const char *prefix, const char *priv, size_t privlen,
    const char *pub, size_t publen, int force)
{
	size_t n = strlen(prefix) + 5;
	char *kpath = xmalloc(n), *ppath = xmalloc(n);
	struct keyfile kf = { NULL, NULL, -1, 0 }, pf = { NULL, NULL, -1, 0 };
	struct stat st;
	sigset_t old;
	int rc = JW_OK;

	snprintf(kpath, n, "%s.key", prefix);
	snprintf(ppath, n, "%s.pub", prefix);
	/* nothing is written when either file is in the way */
	if (!force && lstat(kpath, &st) == 0)
		rc = jw_fail(JW_EIO, "'%s' exists: not replaced (use --force "
		    "to replace it)", jw_quote(kpath, strlen(kpath), 80));
	else if (!force && pub != NULL && lstat(ppath, &st) == 0)
		rc = jw_fail(JW_EIO, "'%s' exists: not replaced (use --force "
		    "to replace it)", jw_quote(ppath, strlen(ppath), 80));
	else if ((rc = keyfile_prepare(kpath, priv, privlen, 0600, force,
	    &kf)) == JW_OK) {
		if (pub != NULL && (rc = keyfile_prepare(ppath, pub, publen,
		    0644, force, &pf)) != JW_OK) {
			keyfile_abort(&kf);	/* no half of a pair */
			goto out;
		}
		/* both in place, or (a signal comes first) neither */
		cleanup_hold(&old);
		if ((rc = keyfile_commit(&kf)) != JW_OK)
			keyfile_abort(&pf);
		else if (pub != NULL)
			rc = keyfile_commit(&pf);
		cleanup_release(&old);
	}
out:
	free(kpath);
	free(ppath);
	return rc;
}

int
cmd_keygen(int argc, char **argv)
{
	struct opts o;
	struct key *key = NULL;
	enum keyout_fmt fmt = 0;
	const char *out = NULL, *alg = NULL, *kid = NULL, *use = NULL;
	char *priv = NULL, *pub = NULL;
	size_t privlen, publen;
	unsigned long bits = 0, bytes = 0;
	int c, force = 0, secret, rc;

	opts_init(&o, options);
	while ((c = opts_next(&o, argc, argv)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case OPT_FORMAT:
			if ((rc = keyout_parse_format(optarg, &fmt)) != JW_OK)
				return rc;
			break;
		case OPT_BITS:
			if ((rc = parse_count("--bits", optarg,
			    KEYGEN_RSA_MAX_BITS * 4UL, &bits)) != JW_OK)
				return rc;
			break;
		case OPT_BYTES:
			if ((rc = parse_count("--bytes", optarg,
			    KEYGEN_MAX_BYTES, &bytes)) != JW_OK)
				return rc;
			break;
		case OPT_ALG:
			alg = optarg;
			break;
		case OPT_KID:
			kid = optarg;
			break;
		case OPT_USE:
			use = optarg;
			break;
		case OPT_FORCE:
			force = 1;
			break;
		case 'h':
			return cmd_help(&cmd_keygen_def);
		default:
			return JW_EUSAGE;
		}
	}
	if (argc - optind != 1)
		return jw_fail(JW_EUSAGE, "expected one key type (%s)",
		    keygen_type_names());
	if (out == NULL)
		return jw_fail(JW_EUSAGE, "no output: give -o PREFIX (writes "
		    "PREFIX.key and PREFIX.pub) or -o - (the private key on "
		    "stdout)");
	if (out[0] == '\0')
		return jw_fail(JW_EUSAGE, "-o needs a file name prefix");
	secret = strcmp(argv[optind], "secret") == 0;
	if (fmt == 0)
		fmt = secret ? KO_JWK : KO_PEM;
	/* refused before a key is made: an RSA key takes a while */
	if (fmt == KO_PEM && (kid != NULL || use != NULL || (alg != NULL &&
	    !secret)))
		return jw_fail(JW_EUSAGE, "--kid, --alg and --use are JWK "
		    "members: add --format jwk or jwks");
	if ((rc = keygen(argv[optind], (unsigned)bits, bytes, alg, &key)) !=
	    JW_OK)
		goto out;
	if ((rc = key_set_members(key, kid, alg, use)) != JW_OK ||
	    (rc = keyout_text(&key, 1, fmt, 1, &priv, &privlen)) != JW_OK)
		goto out;
	if (strcmp(out, "-") == 0) {
		if (isatty(STDOUT_FILENO))
			jw_warn("writing a private key to the terminal");
		fwrite(priv, 1, privlen, stdout);
		goto out;
	}
	if (key->kty != KTY_OCT && (rc = keyout_text(&key, 1, fmt, 0, &pub,
	    &publen)) != JW_OK)
		goto out;
	rc = write_files(out, priv, privlen, pub, publen, force);
out:
	secret_free(priv);
	secret_free(pub);
	key_free(key);
	return rc;
}
