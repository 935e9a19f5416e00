/*
 * opts.h - option tables: one description per option drives getopt_long,
 * --help and the completion lists (jwtool --list-options CMD).
 */
#ifndef JWTOOL_OPTS_H
#define JWTOOL_OPTS_H

#include <getopt.h>
#include <stdio.h>

struct opt {
	const char *name;	/* long name, without "--" */
	int val;		/* short letter, or an OPT_* code */
	int has_arg;		/* no_argument or required_argument */
	const char *arg;	/* placeholder ("SRC"), or NULL */
	const char *help;	/* one line */
	const char *complete;	/* what completes the value: "file" (a path
				 * or env:NAME), "alg" (jwtool
				 * --list-algorithms), "word1 word2" (those
				 * words), or NULL: nothing to offer */
};

/* Codes of options with no short letter. */
enum {
	OPT_HELP = 'h',
	OPT_BASE = 256,
	OPT_KEY_FORMAT, OPT_SECRET, OPT_ALLOW_WEAK, OPT_NOW, OPT_LEEWAY,
	OPT_COMPACT, OPT_MAX_INPUT, OPT_CLAIM, OPT_ISS, OPT_SUB, OPT_AUD,
	OPT_JTI, OPT_EXP, OPT_NBF, OPT_IAT, OPT_NO_IAT, OPT_KID, OPT_TYP,
	OPT_CTY, OPT_HEADER, OPT_ALG,
	/* keys */
	OPT_PASSPHRASE_FILE,
	/* verify */
	OPT_REQUIRE, OPT_EXPECT, OPT_MAX_AGE, OPT_IGNORE_AUD, OPT_JWS,
	OPT_JSON, OPT_BATCH,
	/* decode, inspect */
	OPT_PAYLOAD, OPT_GET, OPT_COLOR, OPT_RAW, OPT_FIND, OPT_DATE,
	OPT_FAIL_ON, OPT_EXPIRES_WITHIN, OPT_MAX_LIFETIME,
	/* sign */
	OPT_TTL, OPT_NO_TYP, OPT_X5T, OPT_X5C, OPT_FROM_DECODED,
	OPT_FROM_TOKEN, OPT_UNSECURED, OPT_ALLOW_EXPIRED, OPT_KEEP_GOING,
	OPT_OUTPUT,
	/* keygen, jwk */
	OPT_BITS, OPT_BYTES, OPT_FORMAT, OPT_USE, OPT_FORCE, OPT_PUBLIC,
	OPT_THUMBPRINT,
	/* bulk */
	OPT_JOBS,
	/* jwk */
	OPT_THUMBPRINT_URI
};

/* Entries every command shares. */
#define OPT_ENTRY_HELP \
	{ "help", 'h', no_argument, NULL, "show this help and exit", NULL }
#define OPT_ENTRY_MAX_INPUT \
	{ "max-input", OPT_MAX_INPUT, required_argument, "SIZE", \
	  "largest input accepted (default 16M)", NULL }

/* The parser state of one command's table. */
struct opts {
	const struct opt *table;
	struct option longopts[64];
	char shortopts[128];
	int scan;		/* argv index of the group of short options
				 * getopt is inside, or 0 */
};

void opts_init(struct opts *o, const struct opt *table);
/*
 * getopt_long over the table.  A usage error returns '?' with a message
 * recorded (JW_EUSAGE) that names the bad option itself and nothing else
 * of argv: '-x' for an unknown letter (a group of short options with one
 * is refused before any of its letters acts), a long option up to any
 * '=', an option missing its value by its name.  A single-dash word that
 * spells a long option of the table ("-key", "-claim=x") is refused with
 * a hint rather than read as "-k ey"; a value attached to a short option
 * ("-kFILE") is still one unless the word is such a name.
 */
int opts_next(struct opts *o, int argc, char **argv);

/*
 * Print the help of a command: synopsis lines, description and options.
 * synopsis may hold several lines separated by '\n'.
 */
void opts_help(FILE *fp, const char *cmd, const char *synopsis,
    const char *about, const struct opt *table);
/* Print the table for completion scripts: "--name\tARG\tcomplete\thelp". */
void opts_list(FILE *fp, const struct opt *table);

#endif
