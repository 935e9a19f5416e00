/* color.h - ANSI colour for JSON text and reports on a terminal */
#ifndef JWTOOL_COLOR_H
#define JWTOOL_COLOR_H

enum color_mode {
	COLOR_AUTO = 0,		/* on a terminal, unless NO_COLOR or TERM=dumb */
	COLOR_ALWAYS,
	COLOR_NEVER
};

/* SGR sequences used for each kind of text. */
#define COLOR_KEY	"\033[1;34m"	/* member names */
#define COLOR_STRING	"\033[32m"
#define COLOR_NUMBER	"\033[36m"
#define COLOR_LITERAL	"\033[35m"	/* true, false, null */
#define COLOR_TITLE	"\033[1m"
#define COLOR_ERROR	"\033[1;31m"
#define COLOR_WARNING	"\033[33m"
#define COLOR_INFO	"\033[36m"
#define COLOR_RESET	"\033[0m"

/* "auto", "always" or "never" into *mode; JW_OK or JW_EUSAGE. */
int color_parse(const char *arg, enum color_mode *mode);

/*
 * Whether to colour output written to fd: always, never, or (auto) when
 * fd is a terminal, NO_COLOR is unset or empty, and TERM is not "dumb".
 */
int color_enabled(enum color_mode mode, int fd);

/*
 * json (JSON text as json_print makes it) with SGR sequences around member
 * names, strings, numbers and literals.  Every byte of json is kept, in
 * order; only escape sequences are added.  The caller frees the result.
 */
char *color_json(const char *json);

#endif
