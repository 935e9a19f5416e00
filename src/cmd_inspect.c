/* cmd_inspect.c - a report of a token for a person (decode's view for now) */
#include <stdio.h>

#include "cmd.h"
#include "io.h"
#include "util.h"

static const struct opt options[] = {
	OPT_ENTRY_MAX_INPUT,
	OPT_ENTRY_HELP,
	{ NULL, 0, 0, NULL, NULL, NULL }
};

const struct cmd cmd_inspect_def = {
	"inspect", cmd_inspect, options,
	"show a token for a person to read, unverified",
	"[TOKEN | FILE | -]",
	"Show a token for a person to read, without verifying it.",
};

int
cmd_inspect(int argc, char **argv)
{
	struct opts o;
	struct jwt *t = NULL;
	cJSON *out;
	int c, rc;

	opts_init(&o, options);
	while ((c = opts_next(&o, argc, argv)) != -1)
		switch (c) {
		case OPT_MAX_INPUT:
			if ((rc = io_set_max_input(optarg)) != JW_OK)
				return rc;
			break;
		case 'h':
			return cmd_help(&cmd_inspect_def);
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
	print_json(out, 0);
	cJSON_Delete(out);
	jwt_free(t);
	return JW_OK;
}
