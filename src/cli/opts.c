/* opts.c - option tables driving getopt_long, --help and completions */
#include <string.h>

#include "cli/opts.h"
#include "base/util.h"

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

/* The entry of the table whose long name is the n bytes at s, or NULL. */
static const struct opt *
long_named(const struct opt *table, const char *s, size_t n)
{
	size_t i;

	for (i = 0; table[i].name != NULL; i++)
		if (strlen(table[i].name) == n &&
		    strncmp(table[i].name, s, n) == 0)
			return &table[i];
	return NULL;
}

/* An unknown short option: its letter alone, whatever surrounds it. */
static void
bad_letter(int ch)
{
	char b = (char)ch;

	jw_fail(JW_EUSAGE, "unknown option '-%s' (see --help)",
	    jw_quote(&b, 1, 1));
}

/*
 * A group of short options that getopt starts reading: JW_OK, or
 * JW_EUSAGE with a message if it spells a long option of the table
 * (with or without "=value") or holds an unknown letter before the first
 * letter that takes a value (the rest is that value).
 */
static int
check_group(const struct opts *o, const char *w)
{
	const struct opt *e;
	const char *p, *s;

	if ((e = long_named(o->table, w + 1, strcspn(w + 1, "="))) != NULL)
		return jw_fail(JW_EUSAGE, "unknown option '-%s': did you mean "
		    "'--%s'?", e->name, e->name);
	for (p = w + 1; *p != '\0'; p++) {
		s = *p == ':' ? NULL : strchr(o->shortopts + 1, *p);
		if (s == NULL) {
			bad_letter(*p);
			return JW_EUSAGE;
		}
		if (s[1] == ':')
			break;
	}
	return JW_OK;
}

int
opts_next(struct opts *o, int argc, char **argv)
{
	int before = optind, fresh = o->scan == 0, c, j;
	const char *w;

	c = getopt_long(argc, argv, o->shortopts, o->longopts, NULL);
	if (c == -1)
		return c;
	/*
	 * The argv element getopt read from: the group it was inside, or
	 * else the first option at or after where it started (it skips
	 * operands; permuting moves only elements before that one).
	 */
	j = o->scan;
	if (fresh)
		for (j = before; j < argc && (argv[j][0] != '-' ||
		    argv[j][1] == '\0'); j++)
			;
	w = j < argc ? argv[j] : "-";
	o->scan = 0;
	if (w[1] != '-') {
		if (optind == j)
			o->scan = j;	/* more letters to come */
		if (fresh && check_group(o, w) != JW_OK)
			return '?';
	}
	if (c == '?') {
		/* a long option is named up to its '=', never with a value */
		if (w[1] == '-' && optopt == 0)
			jw_fail(JW_EUSAGE, "unknown option '%s' (see --help)",
			    jw_quote(w, strcspn(w, "="), 40));
		else if (w[1] == '-')
			jw_fail(JW_EUSAGE, "option '%s' takes no value",
			    jw_quote(w, strcspn(w, "="), 40));
		else
			bad_letter(optopt);
	} else if (c == ':') {
		if (w[1] == '-')
			jw_fail(JW_EUSAGE, "option '%s' needs a value",
			    jw_quote(w, strcspn(w, "="), 40));
		else
			jw_fail(JW_EUSAGE, "option '-%c' needs a value", optopt);
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
