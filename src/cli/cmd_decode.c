/* cmd_decode.c - print a token's header and payload as JSON, unverified */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "jose/color.h"
#include "jose/find.h"
#include "base/io.h"
#include "base/json.h"
#include "base/util.h"
#include "jose/view.h"

static const struct opt options[] = {
	{ "header", OPT_HEADER, no_argument, NULL,
	  "print only the header (with --get: look there)", NULL },
	{ "payload", OPT_PAYLOAD, no_argument, NULL,
	  "print only the payload", NULL },
	{ "get", OPT_GET, required_argument, "NAME",
	  "print one claim's value: NAME, a.b or /json/pointer", NULL },
	{ "raw", OPT_RAW, no_argument, NULL,
	  "show a payload that is not JSON as base64url", NULL },
	{ "compact", OPT_COMPACT, no_argument, NULL,
	  "print compact JSON even on a terminal", NULL },
	{ "color", OPT_COLOR, required_argument, "WHEN",
	  "colour JSON: auto (default), always or never",
	  "auto always never" },
	{ "find", OPT_FIND, no_argument, NULL,
	  "decode every token found in a log or other text", NULL },
	OPT_ENTRY_MAX_INPUT,
	OPT_ENTRY_HELP,
	{ NULL, 0, 0, NULL, NULL, NULL }
};

const struct cmd cmd_decode_def = {
	"decode", cmd_decode, options,
	"print header and payload as JSON, unverified",
	"[--header | --payload] [--get NAME] [--raw] [--compact]\n"
	"[--color WHEN] [--find] [TOKEN | FILE | -]",
	"Print the header, payload and signature of a token as one JSON\n"
	"document, without verifying it.  The token comes from the argument,\n"
	"a file, or standard input.  With --find, search the text of FILE or\n"
	"standard input for tokens and print one document per token, in\n"
	"order (one line each when compact); exit 3 when there is none.",
};

/* The payload as decode shows it: JSON, else text, else base64url. */
cJSON *
decode_payload(const struct jwt *t)
{
	return view_payload(t, 0);
}

struct dopts {
	int header, payload, raw, compact, color;
	const char *get;
};

/* Print what d asks of t; at says where --find found it. */
static int
decode_one(const struct jwt *t, const struct dopts *d, const struct found *at)
{
	const cJSON *item;
	cJSON *out;
	char *s;
	int rc;

	if (d->get != NULL) {
		if ((rc = view_get(d->header ? t->header : t->payload, d->get,
		    d->header ? "header" : "payload", &item)) != JW_OK)
			return rc;
		s = view_value_text(item);
		printf("%s\n", s);
		free(s);
		return JW_OK;
	}
	if (d->header)
		out = cJSON_Duplicate(t->header, 1);
	else if (d->payload)
		out = view_payload(t, d->raw);
	else
		out = view_decode(t, d->raw, at);
	print_json_color(out, d->compact, d->color);
	cJSON_Delete(out);
	return JW_OK;
}

/* Keep the first failure in the documented order: the lowest status. */
static int
worse(int a, int b)
{
	return a == JW_OK || (b != JW_OK && b < a) ? b : a;
}

static int
decode_find(const char *arg, const struct dopts *d)
{
	struct found *v = NULL;
	struct jwt *t;
	char *text;
	size_t len, n, i, bad = 0;
	int rc, st = JW_OK;

	if ((rc = read_text(arg, "text", 0, &text, &len)) != JW_OK)
		return rc;
	if ((n = find_tokens(text, len, &v)) == 0)
		st = no_token_found(arg);
	for (i = 0; i < n; i++) {
		t = NULL;
		if ((rc = jwt_parse(text + v[i].off, v[i].len, &t)) == JW_OK)
			rc = decode_one(t, d, &v[i]);
		if (rc != JW_OK) {
			jw_note("line %zu, column %zu: %s", v[i].line,
			    v[i].col, jw_error() ? jw_error() : "failed");
			jw_clear_error();
			st = worse(st, rc);
			bad++;
		}
		jwt_free(t);
	}
	if (bad > 0)
		st = jw_fail(st, "%zu of %zu tokens found could not be shown",
		    bad, n);
	free(v);
	free(text);
	return st;
}

int
cmd_decode(int argc, char **argv)
{
	struct opts o;
	struct dopts d = { 0 };
	struct jwt *t = NULL;
	enum color_mode cm = COLOR_AUTO;
	int c, rc, find = 0;

	opts_init(&o, options);
	while ((c = opts_next(&o, argc, argv)) != -1)
		switch (c) {
		case OPT_HEADER:
			d.header = 1;
			break;
		case OPT_PAYLOAD:
			d.payload = 1;
			break;
		case OPT_GET:
			if (*optarg == '\0')
				return jw_fail(JW_EUSAGE, "--get needs a claim "
				    "name");
			d.get = optarg;
			break;
		case OPT_RAW:
			d.raw = 1;
			break;
		case OPT_COMPACT:
			d.compact = 1;
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
			return cmd_help(&cmd_decode_def);
		default:
			return JW_EUSAGE;
		}
	if (d.header && d.payload)
		return jw_fail(JW_EUSAGE, "give --header or --payload, not both");
	if (argc - optind > 1)
		return jw_fail(JW_EUSAGE, "expected one %s, got %d arguments",
		    find ? "input" : "token", argc - optind);
	d.color = color_enabled(cm, STDOUT_FILENO);
	if (find)
		rc = decode_find(optind < argc ? argv[optind] : NULL, &d);
	else if ((rc = read_token(optind < argc ? argv[optind] : NULL, &t)) ==
	    JW_OK)
		rc = decode_one(t, &d, NULL);
	if (isatty(STDERR_FILENO) && rc == JW_OK)
		jw_note("note: the signature was not verified (use jwtool "
		    "verify)");
	jwt_free(t);
	return rc;
}
