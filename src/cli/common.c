/* common.c - what the command handlers share: keys, token input, output */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jose/batch.h"
#include "cli/cmd.h"
#include "jose/color.h"
#include "base/io.h"
#include "base/json.h"
#include "base/timeutil.h"
#include "base/util.h"

int
keyopts_handle(struct keyopts *ko, int c, const char *arg)
{
	switch (c) {
	case 'k':
		ko->src = arg;
		return 1;
	case OPT_SECRET: {
		size_t n = strlen(arg);

		/* Before the secret is copied out of argv, as before any
		 * key material is read. */
		(void)jw_no_core_dumps();
		secret_free(ko->secret);
		ko->secret = secret_alloc(n + 1);
		memcpy(ko->secret, arg, n + 1);
		/* The argument is ours (argv): wiped now, it no longer
		 * shows in /proc/PID/cmdline and ps while input is read. */
		secure_wipe((char *)arg, n);
		return 1;
	}
	case OPT_KEY_FORMAT:
		return keys_parse_format(arg, &ko->fmt) == JW_OK ? 1 : -1;
	case OPT_ALLOW_WEAK:
		ko->allow_weak = 1;
		return 1;
	case OPT_PASSPHRASE_FILE:
		ko->passfile = arg;
		return 1;
	}
	return 0;
}

/*
 * The passphrase of --passphrase-file: the first line of the file or the
 * variable (its line ending dropped), in secret memory.
 */
static int
read_passphrase(const char *src, unsigned char **pass, size_t *len)
{
	unsigned char *nl;
	int rc;

	if (io_is_stdin(src))
		return jw_fail(JW_EUSAGE, "--passphrase-file cannot be stdin");
	if ((rc = io_read(src, "passphrase", 1, pass, len)) != JW_OK)
		return rc == JW_EIO ? jw_fail(JW_EKEY, "%s", jw_error()) : rc;
	if ((nl = memchr(*pass, '\n', *len)) != NULL)
		*len = (size_t)(nl - *pass);
	if (*len > 0 && (*pass)[*len - 1] == '\r')
		(*len)--;
	if (*len == 0) {
		io_free(*pass, 1);
		*pass = NULL;
		return jw_fail(JW_EKEY, "the passphrase from '%s' is empty",
		    jw_quote(src, strlen(src), 60));
	}
	return JW_OK;
}

void
keyopts_free(struct keyopts *ko)
{
	if (ko != NULL) {
		secret_free(ko->secret);
		ko->secret = NULL;
	}
}

int
keyopts_load(struct keyopts *ko, struct keyset **ks)
{
	if (ko->src != NULL && ko->secret != NULL) {
		keyopts_free(ko);
		return jw_fail(JW_EUSAGE, "give --key or --secret, not both");
	}
	/* Before any key material (a passphrase too) is read; keys_load
	 * warns if it cannot be done. */
	(void)jw_no_core_dumps();
	if (ko->secret != NULL) {
		enum key_format f = ko->fmt == KF_AUTO ? KF_RAW : ko->fmt;
		int rc;

		jw_warn("--secret puts the secret where other users of this "
		    "machine can see it (ps, shell history); prefer --key FILE "
		    "or --key env:NAME");
		rc = keys_load_mem((const unsigned char *)ko->secret,
		    strlen(ko->secret), "--secret", f, ks);
		keyopts_free(ko);
		return rc;
	}
	if (ko->src == NULL)
		return jw_fail(JW_EUSAGE, "no key: give --key SRC (a path, - or "
		    "env:NAME)");
	return keyopts_load_from(ko, ko->src, ks);
}

int
keyopts_load_from(const struct keyopts *ko, const char *src,
    struct keyset **ks)
{
	if (ko->passfile != NULL) {
		unsigned char *pass;
		size_t len;
		int rc;

		if ((rc = read_passphrase(ko->passfile, &pass, &len)) != JW_OK)
			return rc;
		rc = keys_load_pass(src, ko->fmt, (const char *)pass, len, ks);
		io_free(pass, 1);
		return rc;
	}
	return keys_load(src, ko->fmt, ks);
}

int
no_token_found(const char *arg)
{
	return jw_fail(JW_EMALFORMED, "no token found in %s", arg == NULL ||
	    io_is_stdin(arg) ? "stdin" : jw_quote(arg, strlen(arg), 60));
}

int
read_text(const char *arg, const char *what, int literal_ok, char **data,
    size_t *len)
{
	unsigned char *d;
	struct stat st;
	int rc;

	if (arg == NULL || io_is_stdin(arg)) {
		if (arg == NULL && isatty(STDIN_FILENO))
			return jw_fail(JW_EUSAGE, "no %s: give it as an "
			    "argument, a file, or on stdin", what);
		rc = io_read("-", what, 0, &d, len);
	} else if (!literal_ok || stat(arg, &st) == 0)
		rc = io_read(arg, what, 0, &d, len);
	else if (strchr(arg, '.') != NULL) {
		*data = xstrdup(arg);
		*len = strlen(arg);
		return JW_OK;
	} else
		return jw_fail(JW_EIO, "cannot open %s file '%s': no such "
		    "file, and it is not a token", what, jw_quote(arg,
		    strlen(arg), 40));
	if (rc == JW_OK)
		*data = (char *)d;
	return rc;
}

int
read_token(const char *arg, struct jwt **t)
{
	char *data;
	const char *tok;
	size_t len, toklen;
	int rc;

	if ((rc = read_text(arg, "token", 1, &data, &len)) != JW_OK)
		return rc;
	jwt_unwrap(data, len, &tok, &toklen);
	rc = jwt_parse(tok, toklen, t);
	free(data);
	return rc;
}

void
print_json(const cJSON *j, int compact)
{
	print_json_color(j, compact, 0);
}

void
print_json_color(const cJSON *j, int compact, int color)
{
	char *s = json_print(j, !compact && isatty(STDOUT_FILENO));

	if (color) {
		char *c = color_json(s);

		free(s);
		s = c;
	}
	jw_puts(s);
	free(s);
}

int
parse_time_opt(const char *opt, const char *arg, long long now, long long *t)
{
	return time_parse_arg(opt, arg, now, t);
}

int
parse_duration_opt(const char *opt, const char *arg, long long *secs)
{
	return time_parse_duration_arg(opt, arg, secs);
}

/* Print text wrapped at 78 columns, continuation lines indented. */
static void
wrap(const char *text)
{
	const char *p = text, *sp;
	size_t col = 0, n;

	while (*p != '\0') {
		sp = strchr(p, ' ');
		n = sp ? (size_t)(sp - p) : strlen(p);
		if (col > 0 && col + 1 + n > 78) {
			fputs("\n ", stdout);
			col = 1;
		}
		if (col > 0) {
			fputc(' ', stdout);
			col++;
		}
		fwrite(p, 1, n, stdout);
		col += n;
		p += n;
		while (*p == ' ')
			p++;
	}
	fputc('\n', stdout);
}

/* The algorithms and key formats, for the help of commands taking keys. */
static void
keys_help(const struct opt *table)
{
	char line[512];
	size_t i;

	for (i = 0; table[i].name != NULL; i++)
		if (table[i].val == OPT_KEY_FORMAT)
			break;
	if (table[i].name == NULL)
		return;
	snprintf(line, sizeof(line), "algorithms: %s (Ed25519, Ed448)",
	    alg_list());
	fputc('\n', stdout);
	wrap(line);
	wrap("key formats, detected (--key-format forces one): HMAC secrets "
	    "raw, base64, base64url or hex; JWK and JWKS (oct, RSA, EC, OKP); "
	    "PEM or DER PKCS#8 (encrypted: --passphrase-file), SPKI, PKCS#1, "
	    "SEC1, X.509 certificate");
}

int
cmd_help(const struct cmd *c)
{
	opts_help(stdout, c->name, c->synopsis, c->about, c->options);
	keys_help(c->options);
	fputs("\nexit status: 0 ok, 1 bad signature or algorithm, 2 usage, "
	    "3 malformed,\n  4 expired, 5 not yet valid, 6 claim check failed, "
	    "7 key unusable, 8 I/O\n", stdout);
	return 0;
}

int
parse_jobs_opt(const char *arg, int *jobs)
{
	long n;
	char *end;

	if (strcmp(arg, "auto") == 0) {
		n = sysconf(_SC_NPROCESSORS_ONLN);
		*jobs = n < 1 ? 1 : n > BATCH_MAX_JOBS ? BATCH_MAX_JOBS :
		    (int)n;
		return JW_OK;
	}
	errno = 0;
	n = strtol(arg, &end, 10);
	if (arg[0] < '0' || arg[0] > '9' || *end != '\0' || errno != 0 ||
	    n < 1 || n > BATCH_MAX_JOBS)
		return jw_fail(JW_EUSAGE, "--jobs: expected a number of "
		    "threads from 1 to %d, or auto, got '%s'", BATCH_MAX_JOBS,
		    jw_quote(arg, strlen(arg), 20));
	*jobs = (int)n;
	return JW_OK;
}
