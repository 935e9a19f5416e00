/* cmd_decode.c - print a token's header and payload as JSON, unverified */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "b64url.h"
#include "cmd.h"
#include "io.h"
#include "json.h"
#include "util.h"

static const struct opt options[] = {
	{ "compact", OPT_COMPACT, no_argument, NULL,
	  "print compact JSON even on a terminal", NULL },
	OPT_ENTRY_MAX_INPUT,
	OPT_ENTRY_HELP,
	{ NULL, 0, 0, NULL, NULL, NULL }
};

const struct cmd cmd_decode_def = {
	"decode", cmd_decode, options,
	"print header and payload as JSON, unverified",
	"[--compact] [TOKEN | FILE | -]",
	"Print the header, payload and signature of a token as one JSON\n"
	"document, without verifying it.  The token comes from the argument,\n"
	"a file, or standard input.",
};

/* The payload as decode shows it: JSON, else text, else base64url. */
cJSON *
decode_payload(const struct jwt *t)
{
	char *enc;
	cJSON *j;

	if (t->payload != NULL)
		return cJSON_Duplicate(t->payload, 1);
	if (memchr(t->payload_raw, '\0', t->payload_len) == NULL &&
	    json_utf8_valid((const char *)t->payload_raw, t->payload_len))
		return cJSON_CreateString((const char *)t->payload_raw);
	enc = b64url_encode(t->payload_raw, t->payload_len);
	j = cJSON_CreateString(enc);
	free(enc);
	return j;
}

int
cmd_decode(int argc, char **argv)
{
	struct opts o;
	struct jwt *t = NULL;
	cJSON *out;
	int c, compact = 0, rc;

	opts_init(&o, options);
	while ((c = opts_next(&o, argc, argv)) != -1)
		switch (c) {
		case OPT_COMPACT:
			compact = 1;
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
	if (argc - optind > 1)
		return jw_fail(JW_EUSAGE, "expected one token, got %d arguments",
		    argc - optind);
	if ((rc = read_token(optind < argc ? argv[optind] : NULL, &t)) !=
	    JW_OK)
		return rc;
	out = cJSON_CreateObject();
	cJSON_AddItemToObject(out, "header", cJSON_Duplicate(t->header, 1));
	cJSON_AddItemToObject(out, "payload", decode_payload(t));
	cJSON_AddItemToObject(out, "signature",
	    cJSON_CreateString(t->seg[2]));
	print_json(out, compact);
	cJSON_Delete(out);
	if (isatty(STDERR_FILENO))
		jw_note("note: the signature was not verified (use jwtool "
		    "verify)");
	jwt_free(t);
	return JW_OK;
}
