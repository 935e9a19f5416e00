/* cmd_inspect.c - a report of a token for a person, unverified */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "jose/color.h"
#include "jose/find.h"
#include "base/io.h"
#include "jose/report.h"
#include "base/timeutil.h"
#include "base/util.h"

static const struct opt options[] = {
	{ "json", OPT_JSON, no_argument, NULL,
	  "print the report as JSON", NULL },
	{ "compact", OPT_COMPACT, no_argument, NULL,
	  "compact JSON even on a terminal (with --json)", NULL },
	{ "now", OPT_NOW, required_argument, "TIME",
	  "judge times against TIME instead of the clock", NULL },
	{ "date", OPT_DATE, required_argument, "ZONE",
	  "show dates in utc (default) or local time", "utc local" },
	{ "max-lifetime", OPT_MAX_LIFETIME, required_argument, "DURATION",
	  "warn about a longer lifetime (default 1d)", NULL },
	{ "fail-on", OPT_FAIL_ON, required_argument, "SEVERITY",
	  "exit 6 on a finding of SEVERITY or worse",
	  "info warning error" },
	{ "expires-within", OPT_EXPIRES_WITHIN, required_argument, "DURATION",
	  "exit 4 if the token expires within DURATION", NULL },
	{ "color", OPT_COLOR, required_argument, "WHEN",
	  "colour: auto (default), always or never", "auto always never" },
	{ "find", OPT_FIND, no_argument, NULL,
	  "inspect every token found in a log or other text", NULL },
	OPT_ENTRY_MAX_INPUT,
	OPT_ENTRY_HELP,
	{ NULL, 0, 0, NULL, NULL, NULL }
};

const struct cmd cmd_inspect_def = {
	"inspect", cmd_inspect, options,
	"show a token for a person to read, unverified",
	"[--json [--compact]] [--now TIME] [--date utc|local]\n"
	"[--max-lifetime DURATION] [--fail-on info|warning|error]\n"
	"[--expires-within DURATION] [--color WHEN]\n"
	"[--find] [TOKEN | FILE | -]",
	"Show a token for a person to read, without verifying it: the\n"
	"algorithm, each header parameter and claim with its meaning, times as\n"
	"dates and relative to now, lifetime, sizes, and findings (error,\n"
	"warning, info) about what looks wrong or unsafe.  A token the strict\n"
	"parser rejects for its encoding or duplicate names is still shown,\n"
	"with error findings, and exits 3.  With --find, inspect every token in\n"
	"the text of FILE or standard input.",
};

struct iopts {
	struct report_opts ro;
	int json, compact, color;
	enum severity fail_on;		/* SEV_NONE: not asked */
	long long within;
	int has_within;
};

static int
worse(int a, int b)
{
	return a == JW_OK || (b != JW_OK && b < a) ? b : a;
}

/*
 * A payload that is JSON but for duplicate member names: replace *t with
 * the lenient reading, so the report shows the claims and says why they
 * are malformed.  Returns the message for the exit status, or NULL.
 */
static char *
lenient_payload(const char *text, size_t len, struct jwt **t,
    char ***issues, size_t *n)
{
	struct jwt *l = NULL;
	char msg[1024];

	if (jwt_parse_lenient(text, len, &l, issues, n) != JW_OK)
		return NULL;
	if (l->payload == NULL || *n == 0) {
		jwt_issues_free(*issues, *n);
		*issues = NULL;
		*n = 0;
		jwt_free(l);
		return NULL;
	}
	jwt_free(*t);
	*t = l;
	snprintf(msg, sizeof(msg), "malformed token: %s", (*issues)[0]);
	return xstrdup(msg);
}

/* Parse, report, print and judge one token: the exit status. */
static int
inspect_one(const char *text, size_t len, const struct iopts *io,
    const struct found *at)
{
	struct jwt *t = NULL;
	char **issues = NULL, *strict = NULL, *s;
	size_t n = 0;
	cJSON *r;
	int st = JW_OK, rc;

	if ((rc = jwt_parse(text, len, &t)) != JW_OK) {
		strict = xstrdup(jw_error());
		if (jwt_parse_lenient(text, len, &t, &issues, &n) != JW_OK) {
			rc = jw_fail(rc, "%s", strict);
			free(strict);
			return rc;
		}
		if (n == 0) {
			issues = xmalloc(sizeof(*issues));
			issues[n++] = xstrdup(strict);
		}
	} else if (t->payload == NULL)
		strict = lenient_payload(text, len, &t, &issues, &n);
	r = report_build(t, &io->ro, issues, n, at);
	if (io->json)
		print_json_color(r, io->compact, io->color);
	else {
		s = report_text(r, io->color);
		fputs(s, stdout);
		free(s);
	}
	if (io->fail_on != SEV_NONE && report_count(r, io->fail_on) > 0)
		st = jw_fail(JW_ECLAIM, "%zu finding%s of severity %s or worse "
		    "(--fail-on)", report_count(r, io->fail_on),
		    report_count(r, io->fail_on) == 1 ? "" : "s",
		    report_severity_name(io->fail_on));
	if (io->has_within && (rc = report_expires_within(t, io->ro.now,
	    io->within)) != JW_OK)
		st = rc;
	if (strict != NULL)
		st = jw_fail(JW_EMALFORMED, "%s", strict);
	cJSON_Delete(r);
	jwt_issues_free(issues, n);
	free(strict);
	jwt_free(t);
	return st;
}

static int
inspect_find(const char *arg, const struct iopts *io)
{
	struct found *v = NULL;
	char *text;
	size_t len, n, i, bad = 0;
	int rc, st = JW_OK;

	if ((rc = read_text(arg, "text", 0, &text, &len)) != JW_OK)
		return rc;
	if ((n = find_tokens(text, len, &v)) == 0)
		st = no_token_found(arg);
	for (i = 0; i < n; i++) {
		if (i > 0 && !io->json)
			fputc('\n', stdout);
		if ((rc = inspect_one(text + v[i].off, v[i].len, io, &v[i])) !=
		    JW_OK) {
			jw_note("line %zu, column %zu: %s", v[i].line,
			    v[i].col, jw_error() ? jw_error() : "failed");
			jw_clear_error();
			st = worse(st, rc);
			bad++;
		}
	}
	if (bad > 0)
		st = jw_fail(st, "%zu of %zu tokens found did not pass", bad, n);
	free(v);
	free(text);
	return st;
}

int
cmd_inspect(int argc, char **argv)
{
	struct opts o;
	struct iopts io = { { 0, REPORT_MAX_LIFETIME, 0 }, 0, 0, 0, SEV_NONE,
	    0, 0 };
	enum color_mode cm = COLOR_AUTO;
	const char *now_arg = NULL, *tok;
	char *text;
	size_t len, toklen;
	int c, rc, find = 0;

	opts_init(&o, options);
	while ((c = opts_next(&o, argc, argv)) != -1)
		switch (c) {
		case OPT_JSON:
			io.json = 1;
			break;
		case OPT_COMPACT:
			io.compact = 1;
			break;
		case OPT_NOW:
			now_arg = optarg;
			break;
		case OPT_DATE:
			if (strcmp(optarg, "utc") != 0 &&
			    strcmp(optarg, "local") != 0)
				return jw_fail(JW_EUSAGE, "invalid value '%s' "
				    "for --date (expected utc or local)",
				    jw_quote(optarg, strlen(optarg), 20));
			io.ro.local = optarg[0] == 'l';
			break;
		case OPT_MAX_LIFETIME:
			if ((rc = parse_duration_opt("--max-lifetime", optarg,
			    &io.ro.max_lifetime)) != JW_OK)
				return rc;
			break;
		case OPT_FAIL_ON:
			if ((rc = report_parse_severity(optarg, &io.fail_on)))
				return rc;
			break;
		case OPT_EXPIRES_WITHIN:
			if ((rc = parse_duration_opt("--expires-within", optarg,
			    &io.within)) != JW_OK)
				return rc;
			io.has_within = 1;
			break;
		case OPT_COLOR:
			if ((rc = color_parse(optarg, &cm)) != JW_OK)
				return rc;
			break;
		case OPT_FIND:
			find = 1;
			break;
		case OPT_MAX_INPUT:
			if ((rc = io_set_max_input(optarg)) != JW_OK)
				return rc;
			break;
		case 'h':
			return cmd_help(&cmd_inspect_def);
		default:
			return JW_EUSAGE;
		}
	io.ro.now = time_now();
	if (now_arg != NULL && (rc = parse_time_opt("--now", now_arg,
	    io.ro.now, &io.ro.now)) != JW_OK)
		return rc;
	if (argc - optind > 1)
		return jw_fail(JW_EUSAGE, "expected one %s, got %d arguments",
		    find ? "input" : "token", argc - optind);
	io.color = color_enabled(cm, STDOUT_FILENO);
	if (find)
		return inspect_find(optind < argc ? argv[optind] : NULL, &io);
	if ((rc = read_text(optind < argc ? argv[optind] : NULL, "token", 1,
	    &text, &len)) != JW_OK)
		return rc;
	jwt_unwrap(text, len, &tok, &toklen);
	rc = inspect_one(tok, toklen, &io, NULL);
	free(text);
	return rc;
}
