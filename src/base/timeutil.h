/* timeutil.h - NumericDate, durations, RFC 3339 and relative times */
#ifndef JWTOOL_TIMEUTIL_H
#define JWTOOL_TIMEUTIL_H

#include <time.h>

/* Largest NumericDate accepted: 9999-12-31T23:59:59Z. */
#define TIME_MAX_NUMERIC 253402300799LL

/*
 * A duration: "90", "90s", "5m", "1h30m", "2d", "1w2d3h4m5s".  Units
 * s, m, h, d, w; a bare number is seconds.  Returns 0 or -1.
 */
int time_parse_duration(const char *s, long long *secs);

/*
 * A point in time: unix seconds ("1700000000"), RFC 3339
 * ("2026-11-28T12:00:00Z", "2026-11-28T13:00:00+01:00",
 * "2026-11-28"), or relative to now ("+1h", "-5m", "1d2h30m", "now").
 * Returns 0 or -1.
 */
int time_parse(const char *s, long long now, long long *t);

/*
 * time_parse and time_parse_duration for the argument of option OPT:
 * JW_OK, or JW_EUSAGE with a message naming the option and the forms
 * accepted.
 */
int time_parse_arg(const char *opt, const char *arg, long long now,
    long long *t);
int time_parse_duration_arg(const char *opt, const char *arg,
    long long *secs);

/* The clock: $JWTOOL_NOW is not consulted; callers pass --now. */
long long time_now(void);

/* "2026-11-28T12:00:00Z" into buf (at least 32 bytes). */
const char *time_format_utc(long long t, char *buf, size_t n);
/* "3h 2m", "2 days 4h", "45s" into buf. */
const char *time_format_span(long long secs, char *buf, size_t n);

/*
 * The span |secs| for a person, its two largest units without a zero
 * second unit: "3 days", "1 day 4h", "2h 13m", "5m", "45s", "0s"; two
 * years or more in whole 365-day years: "56 years".
 */
const char *time_format_duration(long long secs, char *buf, size_t n);
/*
 * t in the local time zone (TZ) with its offset, RFC 3339:
 * "2026-11-28T13:00:00+01:00"; buf at least 32 bytes.
 */
const char *time_format_local(long long t, char *buf, size_t n);

#endif
