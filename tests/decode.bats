#!/usr/bin/env bats
# decode: the one JSON shape, input forms, strict parsing of the token.

load helpers/common

@test "decode prints header, payload and signature as one JSON document" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW --sub a)
	run -0 --separate-stderr jwtool decode "$t"
	assert_output "{\"header\":{\"alg\":\"HS256\",\"typ\":\"JWT\"},\"payload\":{\"sub\":\"a\",\"iat\":1795867200},\"signature\":\"${t##*.}\"}"
	assert_equal "$stderr" ""
}

@test "decode never verifies: a token with a junk signature decodes" {
	run -0 jwtool decode "$(unsigned_token '{"alg":"HS256"}' '{"a":1}')"
	assert_output '{"header":{"alg":"HS256"},"payload":{"a":1},"signature":"c2ln"}'
}

@test "decode pretty-prints on a terminal and notes it did not verify" {
	t=$(unsigned_token '{"alg":"HS256"}' '{"a":1}')
	run -0 script -qec "jwtool decode $t" /dev/null
	assert_output --partial '  "header": {'
	assert_output --partial 'the signature was not verified'
	run -0 script -qec "jwtool decode --compact $t" /dev/null
	assert_output --partial '{"header":{"alg":"HS256"}'
}

@test "decode reads the token from stdin, - or a file, trimming whitespace" {
	t=$(unsigned_token '{"alg":"HS256"}' '{}')
	run -0 jwtool decode <<<"  $t  "
	run -0 jwtool decode - <<<"$t"
	printf '\n%s\n\n' "$t" > t.jwt
	run -0 jwtool decode t.jwt
	assert_output --partial '"payload":{}'
}

@test "a pasted Bearer or Authorization header prefix is accepted" {
	t=$(unsigned_token '{"alg":"HS256"}' '{}')
	run -0 jwtool decode "Bearer $t"
	run -0 jwtool decode <<<"Authorization: Bearer $t"
	run -0 jwtool decode <<<"authorization: bearer $t"
}

@test "a payload that is not JSON is shown as a string" {
	t="$(b64url '{"alg":"EdDSA"}').$(b64url 'Example of Ed25519 signing').c2ln"
	run -0 jwtool decode "$t"
	assert_output --partial '"payload":"Example of Ed25519 signing"'
}

@test "a payload that is not UTF-8 is shown as base64url" {
	p=$(printf '\377\376' | base64 -w0 | tr '+/' '-_' | tr -d =)
	run -0 jwtool decode "$(b64url '{"alg":"HS256"}').$p.c2ln"
	assert_output --partial "\"payload\":\"$p\""
}

@test "numbers are never altered by decode" {
	t=$(unsigned_token '{"alg":"HS256"}' '{"id":12345678901234567890,"n":9007199254740993,"x":-0.000,"y":1e-7}')
	run -0 jwtool decode "$t"
	assert_output --partial '"payload":{"id":12345678901234567890,"n":9007199254740993,"x":-0.000,"y":1e-7}'
}

@test "two or four segments are malformed (exit 3)" {
	run -3 jwtool decode a.b
	assert_output "jwtool: decode: malformed token: expected 3 segments separated by '.', found 2"
	run -3 jwtool decode a.b.c.d
	assert_output --partial "found 4"
	run -3 jwtool decode a.b.c.d.e.f
	assert_output --partial "found 6"
}

@test "a five-segment JWE is 'not supported', not 'malformed'" {
	run -3 jwtool decode eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d
	assert_output "jwtool: decode: encrypted tokens (JWE, five segments) are not supported"
}

@test "base64 padding, + and / are rejected with the offset" {
	h=$(b64url '{"alg":"HS256"}')
	run -3 jwtool decode "$h=.e30.c2ln"
	assert_output "jwtool: decode: malformed token: header segment: byte ${#h} is '=' (padding is not allowed in base64url) (token byte ${#h})"
	run -3 jwtool decode "$h.e3+.c2ln"
	assert_output --partial "payload segment: byte 2 is '+' (base64, not base64url)"
	run -3 jwtool decode "$h.e30.c2/n"
	assert_output --partial "signature segment: byte 2 is '/'"
}

@test "non-canonical trailing bits are rejected" {
	# "e30" is {}; "e31" has the same bytes but non-zero unused bits
	run -3 jwtool decode "$(b64url '{"alg":"HS256"}').e31.c2ln"
	assert_output --partial "payload segment: its last character has non-zero unused bits"
}

@test "an impossible base64url length is rejected" {
	run -3 jwtool decode "$(b64url '{"alg":"HS256"}').e30.c2lna"
	assert_output --partial "signature segment: its length is not possible"
}

@test "whitespace or control bytes inside a token are rejected with the offset" {
	run -3 jwtool decode "abc def.e30.c2ln"
	assert_output "jwtool: decode: malformed token: byte 3 is a space, not a base64url character or '.'"
}

@test "an empty header segment or empty input is malformed" {
	run -3 jwtool decode ".e30.c2ln"
	assert_output --partial "the header segment is empty"
	run -3 jwtool decode - </dev/null
	assert_output "jwtool: decode: malformed token: the input is empty"
}

@test "the header must be a JSON object with a string alg" {
	run -3 jwtool decode "$(unsigned_token '[1]' '{}')"
	assert_output "jwtool: decode: malformed token: the header is a JSON array, not an object"
	run -3 jwtool decode "$(unsigned_token '{"typ":"JWT"}' '{}')"
	assert_output "jwtool: decode: malformed token: the header has no 'alg'"
	run -3 jwtool decode "$(unsigned_token '{"alg":256}' '{}')"
	assert_output "jwtool: decode: malformed token: header 'alg' is a number, not a string"
	run -3 jwtool decode "$(unsigned_token '{"ALG":"HS256"}' '{}')"
	assert_output --partial "has no 'alg'"
}

@test "a missing token file is an I/O error (exit 8)" {
	run -8 jwtool decode nofile
	assert_output --partial "cannot open token file 'nofile'"
}

@test "input over --max-input is refused with exit 8, not truncated" {
	t=$(unsigned_token '{"alg":"HS256"}' '{"pad":"0123456789012345678901234567890123456789"}')
	run -8 jwtool decode --max-input 40 - <<<"$t"
	assert_output --partial "larger than the input limit of 40 bytes"
	run -0 jwtool decode --max-input 1k - <<<"$t"
	JWTOOL_MAX_INPUT=40 run -8 jwtool decode - <<<"$t"
}

@test "inspect shows a token (decode's view until the report lands)" {
	run -0 jwtool inspect "$(unsigned_token '{"alg":"HS256"}' '{"a":1}')"
	assert_output --partial '"payload"'
}
