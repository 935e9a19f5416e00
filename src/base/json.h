/* json.h - strict JSON front end over cJSON */
#ifndef JWTOOL_JSON_H
#define JWTOOL_JSON_H

#include <stddef.h>

#include <cJSON.h>

/* Deepest nesting json_parse accepts. */
#define JSON_MAX_DEPTH 128

/*
 * Parse text[0..len) as one RFC 8259 JSON value:
 * no trailing data, no BOM, no raw control characters, valid UTF-8 only,
 * no \u0000, no lone surrogates, RFC 8259 number syntax, at most
 * JSON_MAX_DEPTH levels, and no duplicate member names at any depth.
 * WHAT names the text in messages ("payload").  Numbers are kept exactly:
 * each one is a cJSON_Raw item holding its literal, and valuedouble set.
 * Returns JW_OK with *out (free with cJSON_Delete) or JW_EMALFORMED.
 */
int json_parse(const char *text, size_t len, const char *what, cJSON **out);
/*
 * json_parse of text whose text[len] is a NUL: no copy is made.  *as_is
 * (when as_is is not NULL) tells whether the text prints as itself in
 * compact form: no whitespace between tokens and no escapes (numbers are
 * kept as written).
 */
int json_parse_str(const char *text, size_t len, const char *what,
    cJSON **out, int *as_is);

/*
 * json_parse_str into the pool once json_pool_start has run: for trees
 * made and freed by the thousand (--batch), on any thread.
 */
int json_parse_pooled(const char *text, size_t len, const char *what,
    cJSON **out, int *as_is);
/* Start the pool; before any thread starts. */
void json_pool_start(void);
/* How many of the pool's blocks have ever been taken (for tests). */
size_t json_pool_blocks(void);

/*
 * json_parse, except that duplicate member names are kept (json_get finds
 * the first).  Only for showing a token the strict parse rejects.
 */
int json_parse_dups(const char *text, size_t len, const char *what,
    cJSON **out);
/* The first member name that object o holds twice, or NULL. */
const char *json_find_duplicate(const cJSON *o);

/*
 * Secret memory for the parse tree of a key: json_parse_secret parses as
 * json_parse does, but the copy cJSON reads and every item and string of
 * the tree live in secret memory (secret_alloc), owned by *mem.  The tree
 * is read-only: never change it or cJSON_Delete it; json_secret_free(*mem)
 * wipes and releases it all (NULL-safe).
 */
struct json_secret;
int json_parse_secret(const char *text, size_t len, const char *what,
    cJSON **out, struct json_secret **mem);
void json_secret_free(struct json_secret *mem);

/* 1 when text[0..len) is a JSON number literal (RFC 8259). */
int json_number_syntax(const char *text, size_t len);

/* 1 when s[0..n) is valid UTF-8 (no surrogates, no overlongs). */
int json_utf8_valid(const char *s, size_t n);

/* Number items as json_parse makes them. */
int json_is_number(const cJSON *item);
cJSON *json_new_int(long long v);
/* A number from its literal, which must satisfy json_number_syntax. */
cJSON *json_new_number(const char *literal);
/*
 * The value of a number item as an integer: 0 when it is an integer
 * literal (no fraction, no exponent) that fits, else -1.
 */
int json_get_int(const cJSON *item, long long *v);

/* Member NAME of object OBJ, compared case-sensitively; NULL if absent. */
cJSON *json_get(const cJSON *obj, const char *name);

/* Serialise: compact, or pretty with two-space indents.  Caller frees. */
char *json_print(const cJSON *item, int pretty);

/*
 * Serialise compactly into *buf (capacity *cap, grown with xrealloc as
 * needed, so that a loop reuses one buffer).  Returns the length.
 */
size_t json_print_into(const cJSON *item, char **buf, size_t *cap);

/* Depth of item: 0 for a scalar, 1 for a flat object or array, ... */
size_t json_depth(const cJSON *item);

/*
 * Structural equality; numbers compare by exact decimal value (1 equals
 * 1.0 and 1e0; 12345678901234567890 differs from 12345678901234567891).
 */
int json_equal(const cJSON *a, const cJSON *b);

/* Type name for messages: "string", "number", "object", ... */
const char *json_type_name(const cJSON *item);

#endif
