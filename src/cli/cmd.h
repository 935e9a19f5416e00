/* cmd.h - the command handlers and what they share */
#ifndef JWTOOL_CMD_H
#define JWTOOL_CMD_H

#include <cJSON.h>

#include "jose/jwt.h"
#include "keys/keys.h"
#include "cli/opts.h"

/* One row of main's command table. */
struct cmd {
	const char *name;
	int (*run)(int argc, char **argv);
	const struct opt *options;
	const char *summary;	/* one line for jwtool --help */
	const char *synopsis;
	const char *about;
};

extern const struct cmd cmd_sign_def, cmd_verify_def, cmd_decode_def,
    cmd_inspect_def, cmd_keygen_def, cmd_jwk_def;

int cmd_sign(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_decode(int argc, char **argv);
int cmd_inspect(int argc, char **argv);
int cmd_keygen(int argc, char **argv);
int cmd_jwk(int argc, char **argv);

/* Key options shared by sign and verify. */
struct keyopts {
	const char *src;	/* --key */
	char *secret;		/* --secret: a copy in secret memory */
	enum key_format fmt;	/* --key-format */
	int allow_weak;		/* --allow-weak-key */
	const char *passfile;	/* --passphrase-file */
};

#define OPT_ENTRIES_KEY \
	{ "key", 'k', required_argument, "SRC", \
	  "key: a path, - (stdin) or env:NAME", "file" }, \
	{ "key-format", OPT_KEY_FORMAT, required_argument, "FMT", \
	  "raw, base64, base64url, hex, jwk, jwks, pem or der", \
	  "raw base64 base64url hex jwk jwks pem der" }, \
	{ "secret", OPT_SECRET, required_argument, "VALUE", \
	  "HMAC secret as an argument (others can see it)", \
	  NULL }, \
	{ "passphrase-file", OPT_PASSPHRASE_FILE, required_argument, \
	  "SRC", "passphrase of an encrypted key: a path or env:NAME", \
	  "file" }, \
	{ "allow-weak-key", OPT_ALLOW_WEAK, no_argument, NULL, \
	  "accept a short HMAC secret or RSA key < 2048 bits", NULL }

/*
 * Handle option c if it is a key option: 1 handled, 0 not a key option,
 * -1 bad value (message recorded, JW_EUSAGE).  The value of --secret is
 * copied to secret memory and wiped from argv at once (arg is optarg),
 * before any input is read; keyopts_load or keyopts_free frees the copy.
 */
int keyopts_handle(struct keyopts *ko, int c, const char *arg);
/*
 * Load the keys named by --key or --secret; the copy of --secret is
 * wiped and freed once loaded, whatever the outcome.
 */
int keyopts_load(struct keyopts *ko, struct keyset **ks);
/* Wipe and free what keyopts_handle kept (the --secret copy); NULL-safe. */
void keyopts_free(struct keyopts *ko);
/* Load the keys of SRC with --key-format and --passphrase-file of ko. */
int keyopts_load_from(const struct keyopts *ko, const char *src,
    struct keyset **ks);

/*
 * Read the text named by ARG: a path, "-" or NULL for stdin, or, with
 * literal_ok, the argument itself when no such file exists and it holds a
 * '.'.  WHAT names it in messages ("token").  Returns JW_OK with *data
 * (NUL-terminated, caller frees) or a status with a message.
 */
int read_text(const char *arg, const char *what, int literal_ok,
    char **data, size_t *len);
/* --find found nothing in ARG (a path, "-" or NULL): JW_EMALFORMED. */
int no_token_found(const char *arg);

/*
 * Read the token named by ARG (a token, a path, "-" or NULL for stdin) and
 * parse it.  Returns JW_OK with *t, or a status with a message.
 */
int read_token(const char *arg, struct jwt **t);

/* The payload as decode shows it: JSON, else text, else base64url. */
cJSON *decode_payload(const struct jwt *t);

/* Print a JSON value and a newline: pretty on a terminal unless compact. */
void print_json(const cJSON *j, int compact);
/* The same, with ANSI colours when color is set. */
void print_json_color(const cJSON *j, int compact, int color);

/* Parse --now, --leeway and time options into seconds. */
int parse_time_opt(const char *opt, const char *arg, long long now,
    long long *t);
int parse_duration_opt(const char *opt, const char *arg, long long *secs);

/* Print the help of a command and return 0. */
int cmd_help(const struct cmd *c);
/*
 * --jobs ARG: a number of threads from 1 to BATCH_MAX_JOBS, or "auto" (the
 * processors online).  JW_OK, or JW_EUSAGE with a message.
 */
int parse_jobs_opt(const char *arg, int *jobs);
/* The --jobs entry of the batch commands' option tables. */
#define OPT_ENTRY_JOBS \
	{ "jobs", OPT_JOBS, required_argument, "N", \
	  "--batch: N threads (or auto), same order", NULL }

#endif
