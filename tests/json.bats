#!/usr/bin/env bats
# The strict JSON front end, seen through decode (header and payload) and
# sign (claims files).

load helpers/common

# bad_header JSON MESSAGE: decode rejects a header of JSON with MESSAGE.
bad_header() {
	run -3 jwtool decode "$(b64url "$1").e30.c2ln"
	assert_output --partial "$2"
}

# bad_claims JSON MESSAGE: sign rejects a claims file holding JSON.
bad_claims() {
	printf '%s' "$1" > c.json
	run -3 jwtool sign -k "$KEYS/hs256.key" c.json
	assert_output --partial "$2"
}

@test "duplicate member names are rejected at every depth" {
	bad_header '{"alg":"HS256","alg":"none"}' "header: duplicate member 'alg'"
	bad_claims '{"a":{"b":1,"b":2}}' "claims: duplicate member 'b'"
	bad_claims '[{"x":1,"y":2,"x":3}]' "duplicate member 'x'"
}

@test "duplicates spelled with escapes are still duplicates" {
	bad_header '{"alg":"HS256","\u0061lg":"none"}' "duplicate member 'alg'"
}

@test "duplicates are found in large objects too" {
	{ printf '{'; for i in $(seq 1 200); do printf '"k%d":%d,' $i $i; done; printf '"k77":0}'; } > c.json
	run -3 jwtool sign -k "$KEYS/hs256.key" c.json
	assert_output --partial "duplicate member 'k77'"
}

@test "trailing data after the value is rejected" {
	bad_header '{"alg":"HS256"}ABCD' "unexpected data after the JSON value at byte 15"
}

@test "a BOM is rejected" {
	bad_header $'\xef\xbb\xbf{"alg":"HS256"}' "byte order mark"
}

@test "\\u0000 is rejected in names and values" {
	bad_header '{"alg\u0000x":"HS256","alg":"HS256"}' '\u0000 (NUL) in a string'
	bad_claims '{"a":"x\u0000y"}' '\u0000 (NUL)'
}

@test "invalid UTF-8 is rejected" {
	bad_claims $'{"a":"\xff"}' "invalid UTF-8 at byte 6"
	bad_claims $'{"a":"\xc0\xaf"}' "invalid UTF-8"
	bad_claims $'{"a":"\xed\xa0\x80"}' "invalid UTF-8"
}

@test "lone surrogates are rejected" {
	bad_claims '{"a":"\ud800"}' "lone high surrogate"
	bad_claims '{"a":"\udc00"}' "lone low surrogate"
	printf '{"a":"\\ud83d\\ude00"}' > c.json
	run -0 jwtool sign -k "$KEYS/hs256.key" c.json
}

@test "raw control characters in strings are rejected" {
	bad_claims $'{"a":"x\ty"}' "raw control character in a string"
}

@test "numbers follow RFC 8259" {
	bad_claims '{"a":0123}' "invalid number"
	bad_claims '{"a":1.}' "invalid number"
	bad_claims '{"a":+1}' "expected a value"
	bad_claims '{"a":.5}' "expected a value"
	bad_claims '{"a":1e}' "invalid number"
	bad_claims '{"a":NaN}' "expected a value"
	bad_claims '{"a":-}' "invalid number"
}

@test "comments, trailing commas and single quotes are rejected" {
	bad_claims '{"a":1,}' "expected a member name"
	bad_claims '{"a":1 /* c */}' "expected ',' or '}'"
	bad_claims "{'a':1}" "expected a member name"
	bad_claims '[1,]' "expected a value"
}

@test "nesting is bounded" {
	printf '%0.s[' $(seq 1 200) > c.json
	printf '%0.s]' $(seq 1 200) >> c.json
	run -3 jwtool sign -k "$KEYS/hs256.key" c.json
	assert_output --partial "nesting deeper than 128 levels"
}

@test "unterminated input is reported at the end" {
	bad_claims '{"a":"x' "unterminated string"
	bad_claims '{"a":1' "at the end"
}

@test "valid but unusual JSON is accepted and kept" {
	printf ' {"a" : [ ] , "b":{}, "c":"\\/\\"\\u00e9", "d":true,"e":null}\n' > c.json
	t=$(jwtool sign -k "$KEYS/hs256.key" --no-iat c.json)
	run -0 jwtool decode "$t"
	assert_output --partial '"payload":{"a":[],"b":{},"c":"/\"é","d":true,"e":null}'
}
