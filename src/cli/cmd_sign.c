/* cmd_sign.c - make signed tokens from claims and flags */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "base/io.h"
#include "jose/signer.h"
#include "base/util.h"

static const struct opt options[] = {
	OPT_ENTRIES_KEY,
	{ "alg", OPT_ALG, required_argument, "ALG",
	  "algorithm (default follows the key)", "alg" },
	{ "claim", OPT_CLAIM, required_argument, "NAME=VALUE",
	  "string claim; NAME:=JSON, NAME+=VALUE appends", NULL },
	{ "iss", OPT_ISS, required_argument, "VALUE", "issuer claim", NULL },
	{ "sub", OPT_SUB, required_argument, "VALUE", "subject claim", NULL },
	{ "aud", OPT_AUD, required_argument, "VALUE",
	  "audience (repeatable: several make an array)", NULL },
	{ "jti", OPT_JTI, required_argument, "VALUE|auto",
	  "token id; auto makes a random 128-bit one", "auto" },
	{ "exp", OPT_EXP, required_argument, "TIME",
	  "expiry: unix seconds, RFC 3339 or +1h", NULL },
	{ "ttl", OPT_TTL, required_argument, "DURATION",
	  "expiry as a lifetime: exp = iat + DURATION", NULL },
	{ "nbf", OPT_NBF, required_argument, "TIME", "not before", NULL },
	{ "iat", OPT_IAT, required_argument, "TIME",
	  "issued at (default: now)", NULL },
	{ "no-iat", OPT_NO_IAT, no_argument, NULL, "leave out iat", NULL },
	{ "now", OPT_NOW, required_argument, "TIME",
	  "the clock for iat and relative times", NULL },
	{ "allow-expired", OPT_ALLOW_EXPIRED, no_argument, NULL,
	  "sign an exp in the past or not after nbf", NULL },
	{ "kid", OPT_KID, required_argument, "VALUE|auto",
	  "key id header; auto: the key's RFC 7638 thumbprint", "auto" },
	{ "typ", OPT_TYP, required_argument, "VALUE",
	  "type header (default JWT)", NULL },
	{ "no-typ", OPT_NO_TYP, no_argument, NULL, "leave out typ", NULL },
	{ "cty", OPT_CTY, required_argument, "VALUE",
	  "content type header", NULL },
	{ "header", OPT_HEADER, required_argument, "NAME=VALUE",
	  "add a header, or NAME:=JSON (repeatable)", NULL },
	{ "x5c", OPT_X5C, required_argument, "FILE",
	  "x5c header: the PEM certificate chain in FILE", "file" },
	{ "x5t", OPT_X5T, required_argument, "FILE",
	  "x5t#S256 header: SHA-256 of FILE's first cert", "file" },
	{ "from-decoded", OPT_FROM_DECODED, required_argument, "FILE",
	  "re-sign decode's JSON (- for stdin)", "file" },
	{ "from-token", OPT_FROM_TOKEN, required_argument, "TOKEN",
	  "re-sign a token (or FILE) with new times", "file" },
	{ "unsecured", OPT_UNSECURED, no_argument, NULL,
	  "alg none, no signature, for tests (warns)", NULL },
	{ "batch", OPT_BATCH, no_argument, NULL,
	  "NDJSON claims in, one token per line out", NULL },
	{ "keep-going", OPT_KEEP_GOING, no_argument, NULL,
	  "--batch: report a bad line and go on", NULL },
	OPT_ENTRY_JOBS,
	{ "output", 'o', required_argument, "FILE",
	  "write to FILE atomically, mode 0600", "file" },
	{ "force", OPT_FORCE, no_argument, NULL,
	  "let --output replace an existing file", NULL },
	OPT_ENTRY_MAX_INPUT,
	OPT_ENTRY_HELP,
	{ NULL, 0, 0, NULL, NULL, NULL }
};

const struct cmd cmd_sign_def = {
	"sign", cmd_sign, options, "make a signed token",
	"-k SRC [--alg ALG] [--claim NAME=VALUE]\n"
	"[--iss VALUE] [--sub VALUE] [--aud VALUE]\n"
	"[--exp TIME | --ttl DURATION] [--now TIME] [--batch]\n"
	"[-o FILE] [options] [CLAIMS | -]",
	"Make a signed token.  Claims come from the JSON object in the file\n"
	"CLAIMS (- for stdin), then --claim, then the claim flags, each\n"
	"overriding the one before; header flags override --header.  NAME\n"
	"may be a path (a.b.c; '\\.' is a literal dot).  Prints the token and\n"
	"a newline.  With --batch, CLAIMS (default stdin) holds one JSON\n"
	"object per line and each gives one line of output.",
};

static void
push(const char ***v, size_t *n, const char *s)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = s;
}

struct sign_args {
	const char *from_decoded, *from_token, *output, *src;
	int batch, keep_going, unsecured, force, jobs;
	int piped;	/* no CLAIMS, but claims piped or redirected in */
};

/* 1 when standard input is a pipe or a regular file. */
static int
stdin_is_data(void)
{
	struct stat st;

	return fstat(STDIN_FILENO, &st) == 0 && (S_ISFIFO(st.st_mode) ||
	    S_ISREG(st.st_mode));
}

/* Options that cannot go together, and stdin wanted twice. */
static int
check_args(const struct sign_args *a, const struct keyopts *ko,
    const struct signspec *s)
{
	int nstdin;

	if (a->from_decoded != NULL && a->from_token != NULL)
		return jw_fail(JW_EUSAGE, "--from-decoded and --from-token "
		    "contradict each other");
	if ((a->from_decoded || a->from_token) && (a->src || a->batch))
		return jw_fail(JW_EUSAGE, "--from-%s takes its claims from the "
		    "token: no CLAIMS file and no --batch", a->from_token ?
		    "token" : "decoded");
	if (a->keep_going && !a->batch)
		return jw_fail(JW_EUSAGE, "--keep-going applies to --batch");
	if (a->jobs != 0 && !a->batch)
		return jw_fail(JW_EUSAGE, "--jobs applies to --batch");
	if (a->unsecured && (ko->src || ko->secret || s->alg))
		return jw_fail(JW_EUSAGE, "--unsecured signs with no key: "
		    "--key, --secret and --alg do not apply");
	if (a->force && a->output == NULL)
		return jw_fail(JW_EUSAGE, "--force applies to --output");
	nstdin = io_is_stdin(ko->src) + io_is_stdin(a->from_decoded) +
	    io_is_stdin(a->from_token) + (io_is_stdin(a->src) ||
	    (a->batch && a->src == NULL));
	if (nstdin > 1)
		return jw_fail(JW_EUSAGE, "only one input can come from stdin "
		    "(the key, the claims or the token)");
	return JW_OK;
}

/* The claims (and header) the token starts from, and how to treat them. */
static int
read_base(const struct sign_args *a, cJSON **header, cJSON **claims,
    enum claim_base *base)
{
	struct jwt *t = NULL;
	int rc;

	*base = BASE_NEW;
	if (a->from_decoded != NULL) {
		*base = BASE_DECODED;
		return decoded_read(a->from_decoded, header, claims);
	}
	if (a->from_token != NULL) {
		*base = BASE_TOKEN;
		if ((rc = read_token(a->from_token, &t)) == JW_OK &&
		    !cJSON_IsObject(t->payload))
			rc = jw_fail(JW_EMALFORMED, "--from-token: the payload "
			    "is not a JSON object of claims");
		if (rc == JW_OK) {
			*header = cJSON_Duplicate(t->header, 1);
			*claims = cJSON_Duplicate(t->payload, 1);
		}
		jwt_free(t);
		return rc;
	}
	if (a->batch)
		return JW_OK;
	if (a->piped)
		return claims_read_piped(claims);
	if (a->src == NULL) {
		*claims = cJSON_CreateObject();
		return JW_OK;
	}
	return claims_read(a->src, claims);
}

/*
 * Sign, writing the tokens to out.  *complete tells whether out holds
 * everything asked for (with --keep-going: a line for every line).
 */
static int
run(struct signspec *s, const struct sign_args *a, const cJSON *header,
    cJSON *claims, enum claim_base base, const struct alg *alg,
    const struct key *key, FILE *out, int *complete)
{
	struct signer sg;
	const char *tok;
	size_t len;
	int fd, rc;

	rc = signer_init(&sg, s, header, base, alg, key);
	if (rc != JW_OK || !a->batch) {
		if (rc == JW_OK &&
		    (rc = signer_sign(&sg, claims, &tok, &len)) == JW_OK) {
			fwrite(tok, 1, len, out);
			putc('\n', out);
		}
	} else if (a->src == NULL || io_is_stdin(a->src))
		rc = signer_batch(&sg, STDIN_FILENO, "stdin", out,
		    a->keep_going, a->jobs);
	else if ((fd = open(a->src, O_RDONLY | O_CLOEXEC)) == -1)
		rc = jw_fail(JW_EIO, "cannot open claims '%s': %s",
		    jw_quote(a->src, strlen(a->src), 60), strerror(errno));
	else {
		rc = signer_batch(&sg, fd, a->src, out, a->keep_going,
		    a->jobs);
		close(fd);
	}
	*complete = rc == JW_OK || sg.done;
	signer_free(&sg);
	return rc;
}

int
cmd_sign(int argc, char **argv)
{
	struct opts o;
	struct keyopts ko = { 0 };
	struct signspec s = { 0 };
	struct sign_args a = { 0 };
	struct keyset *ks = NULL;
	struct io_atomic *file = NULL;
	const struct key *key = NULL;
	const struct alg *alg = NULL;
	cJSON *header = NULL, *claims = NULL;
	enum claim_base base;
	int c, rc, complete, crc;

	opts_init(&o, options);
	while ((c = opts_next(&o, argc, argv)) != -1) {
		if ((rc = keyopts_handle(&ko, c, optarg)) != 0) {
			if (rc < 0)
				goto out_usage;
			continue;
		}
		switch (c) {
		case OPT_ALG: s.alg = optarg; break;
		case OPT_CLAIM: push(&s.claim_args, &s.nclaim_args, optarg); break;
		case OPT_HEADER: push(&s.header_args, &s.nheader_args, optarg); break;
		case OPT_AUD: push(&s.auds, &s.nauds, optarg); break;
		case OPT_ISS: s.iss = optarg; break;
		case OPT_SUB: s.sub = optarg; break;
		case OPT_JTI: s.jti = optarg; break;
		case OPT_EXP: s.exp = optarg; break;
		case OPT_TTL: s.ttl = optarg; break;
		case OPT_NBF: s.nbf = optarg; break;
		case OPT_IAT: s.iat = optarg; break;
		case OPT_NO_IAT: s.no_iat = 1; break;
		case OPT_NOW: s.now = optarg; break;
		case OPT_ALLOW_EXPIRED: s.allow_expired = 1; break;
		case OPT_KID: s.kid = optarg; break;
		case OPT_TYP: s.typ = optarg; break;
		case OPT_NO_TYP: s.no_typ = 1; break;
		case OPT_CTY: s.cty = optarg; break;
		case OPT_X5C: s.x5c = optarg; break;
		case OPT_X5T: s.x5t = optarg; break;
		case OPT_FROM_DECODED: a.from_decoded = optarg; break;
		case OPT_FROM_TOKEN: a.from_token = optarg; break;
		case OPT_UNSECURED: a.unsecured = 1; break;
		case OPT_BATCH: a.batch = 1; break;
		case OPT_KEEP_GOING: a.keep_going = 1; break;
		case OPT_JOBS:
			if ((rc = parse_jobs_opt(optarg, &a.jobs)) != JW_OK)
				goto out;
			break;
		case 'o': a.output = optarg; break;
		case OPT_FORCE: a.force = 1; break;
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
	if (argc - optind > 1) {
		rc = jw_fail(JW_EUSAGE, "expected at most one claims file, got "
		    "%d arguments", argc - optind);
		goto out;
	}
	a.src = optind < argc ? argv[optind] : NULL;
	/* Claims piped or redirected in count as CLAIMS "-"; a terminal, a
	 * socket or /dev/null does not (no waiting on an input never sent). */
	a.piped = a.src == NULL && !a.batch && !a.from_decoded &&
	    !a.from_token && !io_is_stdin(ko.src) && stdin_is_data();
	if ((rc = check_args(&a, &ko, &s)) != JW_OK ||
	    (rc = signspec_prepare(&s)) != JW_OK ||
	    (rc = read_base(&a, &header, &claims, &base)) != JW_OK)
		goto out;
	if (a.unsecured)
		jw_warn("--unsecured: alg 'none' and no signature; anyone can "
		    "forge such a token, and no verifier should accept it");
	else if ((rc = keyopts_load(&ko, &ks)) != JW_OK ||
	    (rc = signer_choose_key(ks, s.kid, header, s.alg, ko.allow_weak,
	    &key, &alg)) != JW_OK)
		goto out;
	if (a.output != NULL && !io_is_stdin(a.output) &&
	    (rc = io_atomic_open(a.output, a.force, &file)) != JW_OK)
		goto out;
	rc = run(&s, &a, header, claims, base, alg, key, file ? file->fp :
	    stdout, &complete);
	if (file != NULL && complete) {
		if ((crc = io_atomic_commit(file)) != JW_OK)
			rc = crc;
		file = NULL;
	}
	goto out;
out_usage:
	rc = JW_EUSAGE;
out:
	keyopts_free(&ko);
	io_atomic_abort(file);
	cJSON_Delete(header);
	cJSON_Delete(claims);
	keyset_free(ks);
	signspec_free(&s);
	return rc;
}
