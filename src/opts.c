/* opts.c - option tables driving getopt_long, --help and completions */
#include <string.h>

#include "opts.h"
#include "util.h"

void
opts_init(struct opts *o, const struct opt *table)
{
	size_t i, s = 0;

	memset(o, 0, sizeof(*o));
	o->table = table;
	o->shortopts[s++] = ':';	/* report a missing argument as ':' */
	for (i = 0; table[i].name != NULL && i < 63; i++) {
		o->longopts[i].name = table[i].name;
		o->longopts[i].has_arg = table[i].has_arg;
		o->longopts[i].val = table[i].val;
		if (table[i].val < 128 && s + 3 < sizeof(o->shortopts)) {
			o->shortopts[s++] = (char)table[i].val;
			if (table[i].has_arg == required_argument)
				o->shortopts[s++] = ':';
		}
	}
	o->shortopts[s] = '\0';
	optind = 1;
	opterr = 0;
}

int
opts_next(struct opts *o, int argc, char **argv)
{
	int c = getopt_long(argc, argv, o->shortopts, o->longopts, NULL);

	if (c == '?') {
		const char *bad = argv[optind - 1];

		if (optopt > 0 && optopt < 128 && bad[0] == '-' && bad[1] != '-')
			jw_fail(JW_EUSAGE, "unknown option '-%c' (see --help)",
			    optopt);
		else
			jw_fail(JW_EUSAGE, "unknown option '%s' (see --help)",
			    jw_quote(bad, strlen(bad), 40));
	} else if (c == ':') {
		const char *bad = argv[optind - 1];

		jw_fail(JW_EUSAGE, "option '%s' needs a value",
		    jw_quote(bad, strlen(bad), 40));
		c = '?';
	}
	return c;
}

void
opts_help(FILE *fp, const char *cmd, const char *synopsis, const char *about,
    const struct opt *table)
{
	const char *p = synopsis, *nl;
	size_t i;

	int indent = (int)strlen(cmd) + 15;

	fprintf(fp, "usage: jwtool %s ", cmd);
	while ((nl = strchr(p, '\n')) != NULL) {
		fprintf(fp, "%.*s\n%*s", (int)(nl - p), p, indent, "");
		p = nl + 1;
	}
	fprintf(fp, "%s\n\n%s\n\noptions:\n", p, about);
	for (i = 0; table[i].name != NULL; i++) {
		char left[48];
		int n;

		if (table[i].val < 128)
			n = snprintf(left, sizeof(left), "-%c, --%s%s%s",
			    table[i].val, table[i].name, table[i].arg ? " " : "",
			    table[i].arg ? table[i].arg : "");
		else
			n = snprintf(left, sizeof(left), "    --%s%s%s",
			    table[i].name, table[i].arg ? " " : "",
			    table[i].arg ? table[i].arg : "");
		if (n <= 26)
			fprintf(fp, "  %-26s %s\n", left, table[i].help);
		else
			fprintf(fp, "  %s\n  %-26s %s\n", left, "",
			    table[i].help);
	}
}

void
opts_list(FILE *fp, const struct opt *table)
{
	size_t i;

	for (i = 0; table[i].name != NULL; i++) {
		if (table[i].val < 128)
			fprintf(fp, "-%c\t%s\t%s\t%s\n", table[i].val,
			    table[i].arg ? table[i].arg : "",
			    table[i].complete ? table[i].complete : "",
			    table[i].help);
		fprintf(fp, "--%s\t%s\t%s\t%s\n", table[i].name,
		    table[i].arg ? table[i].arg : "",
		    table[i].complete ? table[i].complete : "", table[i].help);
	}
}
