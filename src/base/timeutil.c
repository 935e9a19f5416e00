/* timeutil.c - NumericDate, durations, RFC 3339 and relative times */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/timeutil.h"
#include "base/util.h"

#define MAX_SPAN (TIME_MAX_NUMERIC * 2)

int
time_parse_duration(const char *s, long long *secs)
{
	long long total = 0;
	int any = 0;
	char last = 0;

	if (*s == '\0')
		return -1;
	while (*s) {
		long long v = 0, mul;
		int digits = 0;

		while (*s >= '0' && *s <= '9') {
			if (v > MAX_SPAN / 10)
				return -1;
			v = v * 10 + (*s++ - '0');
			digits++;
		}
		if (!digits)
			return -1;
		switch (*s) {
		case 'w': mul = 604800; break;
		case 'd': mul = 86400; break;
		case 'h': mul = 3600; break;
		case 'm': mul = 60; break;
		case 's': mul = 1; break;
		case '\0':
			if (any)	/* "1h30" is ambiguous */
				return -1;
			mul = 1;
			break;
		default:
			return -1;
		}
		/* units must come in decreasing order, each once */
		if (*s) {
			const char *order = "wdhms";

			if (last && strchr(order, last) >= strchr(order, *s))
				return -1;
			last = *s++;
		}
		if (v > MAX_SPAN / mul || total > MAX_SPAN - v * mul)
			return -1;
		total += v * mul;
		any = 1;
	}
	*secs = total;
	return 0;
}

static long long
days_from_civil(long long y, unsigned m, unsigned d)
{
	long long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

static int
digits(const char *s, int n, int *v)
{
	int i, r = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		r = r * 10 + (s[i] - '0');
	}
	*v = r;
	return 0;
}

static int
parse_rfc3339(const char *s, long long *t)
{
	int y, mo, d, h = 0, mi = 0, sec = 0, oh, om, sign;
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	long long off = 0;

	if (digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &mo) ||
	    s[7] != '-' || digits(s + 8, 2, &d))
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] ||
	    (mo == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) ||
	    y % 400 == 0)))
		return -1;
	s += 10;
	if (*s != '\0') {
		if (*s != 'T' && *s != 't' && *s != ' ')
			return -1;
		if (digits(s + 1, 2, &h) || s[3] != ':' ||
		    digits(s + 4, 2, &mi) || s[6] != ':' ||
		    digits(s + 7, 2, &sec) || h > 23 || mi > 59 || sec > 60)
			return -1;
		s += 9;
		if (sec == 60)	/* a leap second is the next second's start */
			sec = 59, off -= 1;
		if (*s == '.') {	/* fractions are dropped */
			if (s[1] < '0' || s[1] > '9')
				return -1;
			for (s++; *s >= '0' && *s <= '9'; s++)
				;
		}
		if (*s == 'Z' || *s == 'z')
			s++;
		else if (*s == '+' || *s == '-') {
			sign = *s == '-' ? -1 : 1;
			if (digits(s + 1, 2, &oh) || s[3] != ':' ||
			    digits(s + 4, 2, &om) || oh > 23 || om > 59)
				return -1;
			off += sign * (oh * 3600 + om * 60);
			s += 6;
		} else
			return -1;
		if (*s != '\0')
			return -1;
	}
	*t = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 +
	    h * 3600 + mi * 60 + sec - off;
	return 0;
}

int
time_parse(const char *s, long long now, long long *t)
{
	long long v;
	const char *p;

	if (strcmp(s, "now") == 0) {
		*t = now;
		return 0;
	}
	if (*s == '+' || *s == '-') {
		if (time_parse_duration(s + 1, &v))
			return -1;
		*t = *s == '+' ? now + v : now - v;
		return 0;
	}
	for (p = s; *p >= '0' && *p <= '9'; p++)
		;
	if (p != s && *p == '\0') {	/* unix seconds */
		if (p - s > 12)
			return -1;
		if (sscanf(s, "%lld", &v) != 1 || v > TIME_MAX_NUMERIC)
			return -1;
		*t = v;
		return 0;
	}
	if (p - s == 4 && *p == '-')
		return parse_rfc3339(s, t);
	if (time_parse_duration(s, &v) == 0) {	/* "1d2h30m": from now */
		*t = now + v;
		return 0;
	}
	return -1;
}

int
time_parse_arg(const char *opt, const char *arg, long long now, long long *t)
{
	if (time_parse(arg, now, t) != 0)
		return jw_fail(JW_EUSAGE, "invalid time '%s' for %s (expected "
		    "unix seconds, RFC 3339 like 2026-01-31T12:00:00Z, or a "
		    "relative time like +1h, -5m, 1d2h)", jw_quote(arg,
		    strlen(arg), 40), opt);
	return JW_OK;
}

int
time_parse_duration_arg(const char *opt, const char *arg, long long *secs)
{
	if (time_parse_duration(arg, secs) != 0)
		return jw_fail(JW_EUSAGE, "invalid duration '%s' for %s "
		    "(expected seconds, or units like 90s, 5m, 1h30m, 2d)",
		    jw_quote(arg, strlen(arg), 40), opt);
	return JW_OK;
}

long long
time_now(void)
{
	return (long long)time(NULL);
}

const char *
time_format_utc(long long t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (gmtime_r(&tt, &tm) == NULL)
		snprintf(buf, n, "%lld", t);
	else
		strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

/* |secs| in days, hours, minutes and seconds. */
static void
split(long long secs, long long *d, long long *h, long long *m, long long *s)
{
	if (secs < 0)
		secs = -secs;
	*d = secs / 86400;
	*h = secs % 86400 / 3600;
	*m = secs % 3600 / 60;
	*s = secs % 60;
}

const char *
time_format_span(long long secs, char *buf, size_t n)
{
	long long d, h, m, s;

	split(secs, &d, &h, &m, &s);
	if (d > 0)
		snprintf(buf, n, "%lld day%s %lldh", d, d == 1 ? "" : "s", h);
	else if (h > 0)
		snprintf(buf, n, "%lldh %lldm", h, m);
	else if (m > 0)
		snprintf(buf, n, "%lldm %llds", m, s);
	else
		snprintf(buf, n, "%llds", s);
	return buf;
}

const char *
time_format_duration(long long secs, char *buf, size_t n)
{
	long long d, h, m, s;

	split(secs, &d, &h, &m, &s);
	if (d >= 730)
		snprintf(buf, n, "%lld years", d / 365);
	else if (d > 0 && h > 0)
		snprintf(buf, n, "%lld day%s %lldh", d, d == 1 ? "" : "s", h);
	else if (d > 0)
		snprintf(buf, n, "%lld day%s", d, d == 1 ? "" : "s");
	else if (h > 0 && m > 0)
		snprintf(buf, n, "%lldh %lldm", h, m);
	else if (h > 0)
		snprintf(buf, n, "%lldh", h);
	else if (m > 0 && s > 0)
		snprintf(buf, n, "%lldm %llds", m, s);
	else if (m > 0)
		snprintf(buf, n, "%lldm", m);
	else
		snprintf(buf, n, "%llds", s);
	return buf;
}

const char *
time_format_local(long long t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char z[8];
	size_t k;

	tzset();
	if (localtime_r(&tt, &tm) == NULL ||
	    strftime(z, sizeof(z), "%z", &tm) != 5) {
		snprintf(buf, n, "%lld", t);
		return buf;
	}
	k = strftime(buf, n, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf + k, n - k, "%.3s:%.2s", z, z + 3);
	return buf;
}
