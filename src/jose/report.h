/* report.h - inspect's report of a token: facts and findings, as JSON */
#ifndef JWTOOL_REPORT_H
#define JWTOOL_REPORT_H

#include <stddef.h>

#include <cJSON.h>

#include "jose/find.h"
#include "jose/jwt.h"

/* Severities of findings, in increasing order. */
enum severity {
	SEV_NONE = 0,
	SEV_INFO,
	SEV_WARNING,
	SEV_ERROR
};

/* Default --max-lifetime: a day. */
#define REPORT_MAX_LIFETIME 86400
/* Tokens larger than this do not fit common HTTP header limits. */
#define REPORT_MAX_TOKEN 8192

struct report_opts {
	long long now;			/* the clock (--now) */
	long long max_lifetime;		/* seconds (--max-lifetime) */
	int local;			/* dates in local time (--date local) */
};

/* "info", "warning" or "error" into *sev; JW_OK or JW_EUSAGE. */
int report_parse_severity(const char *arg, enum severity *sev);
const char *report_severity_name(enum severity sev);

/*
 * Build the report of t: algorithm, header parameters, registered and
 * other claims with their meanings, times as dates and relative to now,
 * validity and lifetime, sizes, and findings (each with a severity, a
 * code and one line).  issues (from jwt_parse_lenient, may be NULL) are
 * reported as error findings; at, when not NULL, says where --find found
 * the token.  The caller frees the result with cJSON_Delete.
 */
cJSON *report_build(const struct jwt *t, const struct report_opts *o,
    char *const *issues, size_t nissues, const struct found *at);

/* The highest severity among the findings of report r. */
enum severity report_worst(const cJSON *r);
/* The number of findings of r at least as severe as sev. */
size_t report_count(const cJSON *r, enum severity sev);

/*
 * JW_EEXPIRED, with a message, when t has expired or expires within
 * `within` seconds of now; JW_OK otherwise, and when it has no exp.
 */
int report_expires_within(const struct jwt *t, long long now,
    long long within);

/*
 * The report as text for a person, one section after another; with color
 * set, names, values and severities carry ANSI colours.  Values are shown
 * as JSON with control, C1 and bidirectional characters escaped, so that a
 * token cannot drive the terminal.  Caller frees.
 */
char *report_text(const cJSON *r, int color);

#endif
