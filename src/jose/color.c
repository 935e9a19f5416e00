/* color.c - ANSI colour for JSON text and reports on a terminal */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jose/color.h"
#include "base/util.h"

int
color_parse(const char *arg, enum color_mode *mode)
{
	if (strcmp(arg, "auto") == 0)
		*mode = COLOR_AUTO;
	else if (strcmp(arg, "always") == 0)
		*mode = COLOR_ALWAYS;
	else if (strcmp(arg, "never") == 0)
		*mode = COLOR_NEVER;
	else
		return jw_fail(JW_EUSAGE, "invalid value '%s' for --color "
		    "(expected auto, always or never)", jw_quote(arg,
		    strlen(arg), 20));
	return JW_OK;
}

int
color_enabled(enum color_mode mode, int fd)
{
	const char *e;

	if (mode != COLOR_AUTO)
		return mode == COLOR_ALWAYS;
	if ((e = getenv("NO_COLOR")) != NULL && *e != '\0')
		return 0;
	if ((e = getenv("TERM")) != NULL && strcmp(e, "dumb") == 0)
		return 0;
	return isatty(fd);
}

static void
puts_color(struct strbuf *b, const char *sgr, const char *s, size_t n)
{
	strbuf_put(b, sgr, strlen(sgr));
	strbuf_put(b, s, n);
	strbuf_put(b, COLOR_RESET, strlen(COLOR_RESET));
}

char *
color_json(const char *json)
{
	struct strbuf b = { NULL, 0, 0 };
	const char *p = json, *q;

	strbuf_put(&b, "", 0);
	while (*p) {
		if (*p == '"') {
			const char *r;

			for (q = p + 1; *q && *q != '"'; q++)
				if (*q == '\\' && q[1] != '\0')
					q++;
			if (*q == '"')
				q++;
			/* a string followed by ':' is a member name */
			for (r = q; *r == ' ' || *r == '\n' || *r == '\t' ||
			    *r == '\r'; r++)
				;
			puts_color(&b, *r == ':' ? COLOR_KEY : COLOR_STRING, p,
			    (size_t)(q - p));
			p = q;
		} else if (*p == '-' || (*p >= '0' && *p <= '9')) {
			for (q = p + 1; *q && strchr("0123456789.eE+-", *q);
			    q++)
				;
			puts_color(&b, COLOR_NUMBER, p, (size_t)(q - p));
			p = q;
		} else if (strncmp(p, "true", 4) == 0 ||
		    strncmp(p, "null", 4) == 0) {
			puts_color(&b, COLOR_LITERAL, p, 4);
			p += 4;
		} else if (strncmp(p, "false", 5) == 0) {
			puts_color(&b, COLOR_LITERAL, p, 5);
			p += 5;
		} else {
			for (q = p + 1; *q && !strchr("\"-0123456789tfn", *q);
			    q++)
				;
			strbuf_put(&b, p, (size_t)(q - p));
			p = q;
		}
	}
	return b.p;
}
