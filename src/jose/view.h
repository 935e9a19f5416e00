/* view.h - what decode and inspect show of a token */
#ifndef JWTOOL_VIEW_H
#define JWTOOL_VIEW_H

#include <cJSON.h>

#include "jose/find.h"
#include "jose/jwt.h"

/*
 * The payload as shown: its JSON, else (a JWS over other content) a string
 * of its text when it is UTF-8 without NUL, else a base64url string; with
 * raw set, anything that is not JSON is shown as base64url.  Caller frees.
 */
cJSON *view_payload(const struct jwt *t, int raw);

/*
 * decode's document {"header":..., "payload":..., "signature":"..."},
 * with "found": {"line", "column", "offset"} when at is not NULL.
 */
cJSON *view_decode(const struct jwt *t, int raw, const struct found *at);
/* Add "found": {"line", "column", "offset"} of at to obj. */
void view_found(cJSON *obj, const struct found *at);

/*
 * Member NAME of obj for --get: NAME is a member name, a dotted path
 * through nested objects ("a.b", used only when exactly one reading of the
 * dots matches), or an RFC 6901 JSON pointer ("/a/b", "/aud/0").  WHAT
 * names obj in messages ("payload").  Returns JW_OK with *item (inside
 * obj), JW_ECLAIM when nothing or more than one member matches, JW_EUSAGE
 * for a bad pointer; a message is recorded on failure.
 */
int view_get(const cJSON *obj, const char *name, const char *what,
    const cJSON **item);

/*
 * A value as --get prints it: a string's text without quotes, a number's
 * literal, other values as compact JSON.  Caller frees.
 */
char *view_value_text(const cJSON *item);

#endif
