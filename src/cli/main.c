/* main.c - global options, the command table, dispatch, stdout check */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "cli/cmd.h"
#include "crypto/crypto.h"
#include "keys/keygen.h"
#include "base/util.h"

#ifndef JWTOOL_VERSION
#define JWTOOL_VERSION "0.0.0"
#endif

static const struct cmd *const cmds[] = {
	&cmd_sign_def,
	&cmd_verify_def,
	&cmd_decode_def,
	&cmd_inspect_def,
	&cmd_keygen_def,
	&cmd_jwk_def,
};

#define NCMDS (sizeof(cmds) / sizeof(cmds[0]))

static const struct cmd *
find_cmd(const char *name)
{
	size_t i;

	for (i = 0; i < NCMDS; i++)
		if (strcmp(cmds[i]->name, name) == 0)
			return cmds[i];
	return NULL;
}

static void
usage(FILE *fp)
{
	size_t i;

	fputs("usage: jwtool <command> [options] [args]\n"
	    "       jwtool help <command>\n"
	    "       jwtool --version\n\n"
	    "Sign, verify and inspect JSON Web Tokens.\n\ncommands:\n", fp);
	for (i = 0; i < NCMDS; i++)
		fprintf(fp, "  %-10s %s\n", cmds[i]->name, cmds[i]->summary);
	fputs("\nRun 'jwtool <command> --help' for its options.\n"
	    "exit status: 0 ok, 1 bad signature or algorithm, 2 usage, "
	    "3 malformed,\n  4 expired, 5 not yet valid, 6 claim check failed, "
	    "7 key unusable, 8 I/O\n", fp);
}

/* The options before a command: -h, -V and these long ones. */
static const char *const globals[] = {
	"help", "version", "list-commands", "list-algorithms",
	"list-operands", "list-options", NULL
};

/*
 * Record the usage error of NAME, an option before any command that is
 * none of the globals: named like opts_next names one (a long option up
 * to its '=', a single letter, a single-dash long name with a hint),
 * never with what follows.
 */
static void
bad_global(const char *name)
{
	const char *w = name + 1 + (name[1] == '-');
	size_t n = strcspn(w, "="), i;

	for (i = 0; globals[i] != NULL; i++)
		if (strlen(globals[i]) == n && strncmp(globals[i], w, n) == 0)
			break;
	if (name[1] == '-' && globals[i] != NULL)
		jw_fail(JW_EUSAGE, "option '--%s' takes no value", globals[i]);
	else if (name[1] == '-')
		jw_fail(JW_EUSAGE, "unknown option '--%s'; options follow the "
		    "command (see jwtool --help)", jw_quote(w, n, 30));
	else if (globals[i] != NULL)
		jw_fail(JW_EUSAGE, "unknown option '-%s': did you mean '--%s'?",
		    globals[i], globals[i]);
	else {
		/* -h and -V stand alone: name the first other letter, or
		 * the word if it has no other */
		n = strspn(w, "hV");
		jw_fail(JW_EUSAGE, "unknown option '-%s'; options follow the "
		    "command (see jwtool --help)", w[n] == '\0' ?
		    jw_quote(w, n, 30) : jw_quote(w + n, 1, 1));
	}
}

/* Flush stdout: a full disk or a closed pipe is an error, not silence. */
static int
finish(int status)
{
	const char *msg = jw_error();
	int e = 0;

	if (status != 0 && msg != NULL)
		fprintf(stderr, "%s: %s%s%s\n", JW_PROGNAME,
		    jw_cmdname ? jw_cmdname : "", jw_cmdname ? ": " : "", msg);

	if (fflush(stdout) != 0)
		e = errno;
	if (jw_stdout_errno() != 0)
		e = jw_stdout_errno();	/* the first failure */
	if (e != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: %s%scannot write to stdout%s%s\n",
		    JW_PROGNAME, jw_cmdname ? jw_cmdname : "",
		    jw_cmdname ? ": " : "", e ? ": " : "",
		    e ? strerror(e) : "");
		return status ? status : JW_EIO;
	}
	return status;
}

int
main(int argc, char **argv)
{
	const struct cmd *c;
	const char *name;

	if (sodium_init() < 0) {
		fprintf(stderr, "%s: cannot initialise libsodium\n",
		    JW_PROGNAME);
		return JW_EIO;
	}
	if (argc < 2) {
		usage(stderr);
		return JW_EUSAGE;
	}
	name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
		usage(stdout);
		return finish(0);
	}
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
		printf("jwtool %s\n", JWTOOL_VERSION);
		return finish(0);
	}
	if (strcmp(name, "--list-commands") == 0) {	/* for completions */
		size_t i;

		for (i = 0; i < NCMDS; i++)
			printf("%s\t%s\n", cmds[i]->name, cmds[i]->summary);
		return finish(0);
	}
	if (strcmp(name, "--list-algorithms") == 0) {	/* for completions */
		const struct alg *a, *prev = NULL;
		size_t i;

		/* Rows sharing a name (one per curve) are listed once. */
		for (i = 0; (a = alg_at(i)) != NULL; prev = a, i++)
			if (prev == NULL || strcmp(prev->name, a->name) != 0)
				printf("%s\t%s\n", a->name, a->desc);
		return finish(0);
	}
	if (strcmp(name, "--list-operands") == 0) {	/* for completions */
		if (argc < 3)
			return finish(jw_fail(JW_EUSAGE, "--list-operands "
			    "needs a command"));
		if ((c = find_cmd(argv[2])) == NULL)
			return finish(jw_fail(JW_EUSAGE, "unknown command '%s' "
			    "(see jwtool --help)", jw_quote(argv[2],
			    strlen(argv[2]), 30)));
		/* keygen's operand is a key type; the others' a file */
		printf("%s\n", c == &cmd_keygen_def ? keygen_type_names() :
		    "file");
		return finish(0);
	}
	if (strcmp(name, "--list-options") == 0 || strcmp(name, "help") == 0) {
		int list = name[0] == '-';

		if (argc < 3) {
			if (list)
				return finish(jw_fail(JW_EUSAGE, "--list-options "
				    "needs a command"));
			usage(stdout);
			return finish(0);
		}
		if ((c = find_cmd(argv[2])) == NULL)
			return finish(jw_fail(JW_EUSAGE, "unknown command '%s' "
			    "(see jwtool --help)", jw_quote(argv[2],
			    strlen(argv[2]), 30)));
		if (list)
			opts_list(stdout, c->options);
		else
			cmd_help(c);
		return finish(0);
	}
	if ((c = find_cmd(name)) == NULL) {
		if (name[0] == '-' && name[1] != '\0')
			bad_global(name);
		else
			jw_fail(JW_EUSAGE, "unknown command '%s' (see jwtool "
			    "--help)", jw_quote(name, strlen(name), 30));
		return finish(JW_EUSAGE);
	}
	jw_cmdname = c->name;
	return finish(c->run(argc - 1, argv + 1));
}
