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
	NO_COLOR=1 run -0 script -qec "jwtool decode $t" /dev/null
	assert_output --partial '  "header": {'
	assert_output --partial 'the signature was not verified'
	NO_COLOR=1 run -0 script -qec "jwtool decode --compact $t" /dev/null
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


# --- parts of the token -----------------------------------------------------

@test "--header and --payload print just that part" {
	t=$(unsigned_token '{"alg":"HS256","kid":"k1"}' '{"sub":"a","n":12345678901234567890}')
	run -0 --separate-stderr jwtool decode --header "$t"
	assert_output '{"alg":"HS256","kid":"k1"}'
	run -0 --separate-stderr jwtool decode --payload "$t"
	assert_output '{"sub":"a","n":12345678901234567890}'
}

@test "--header and --payload together are a usage error" {
	run -2 jwtool decode --header --payload "$(unsigned_token '{"alg":"HS256"}' '{}')"
	assert_output "jwtool: decode: give --header or --payload, not both"
}

@test "--payload shows a payload that is not JSON as a string, or base64url with --raw" {
	t="$(b64url '{"alg":"EdDSA"}').$(b64url 'Example of Ed25519 signing').c2ln"
	run -0 jwtool decode --payload "$t"
	assert_output '"Example of Ed25519 signing"'
	run -0 jwtool decode --payload --raw "$t"
	assert_output "\"$(b64url 'Example of Ed25519 signing')\""
	run -0 jwtool decode --raw "$t"
	assert_output --partial "\"payload\":\"$(b64url 'Example of Ed25519 signing')\""
}

@test "--raw leaves a JSON payload as JSON" {
	run -0 jwtool decode --raw --payload "$(unsigned_token '{"alg":"HS256"}' '{"a":1}')"
	assert_output '{"a":1}'
}

# --- --get ------------------------------------------------------------------

@test "--get prints a string claim without quotes" {
	t=$(unsigned_token '{"alg":"HS256"}' '{"sub":"alice \"the\" admin","e":""}')
	run -0 --separate-stderr jwtool decode --get sub "$t"
	assert_output 'alice "the" admin'
	run -0 --separate-stderr jwtool decode --get e "$t"
	assert_output ''
}

@test "--get prints numbers digit for digit" {
	t=$(unsigned_token '{"alg":"HS256"}' '{"id":12345678901234567890,"x":1.50,"y":-2e+3,"exp":1795867200}')
	run -0 jwtool decode --get id "$t"
	assert_output '12345678901234567890'
	run -0 jwtool decode --get x "$t"
	assert_output '1.50'
	run -0 jwtool decode --get y "$t"
	assert_output '-2e+3'
	run -0 jwtool decode --get exp "$t"
	assert_output '1795867200'
}

@test "--get prints objects and arrays as compact JSON, literals as such" {
	t=$(unsigned_token '{"alg":"HS256"}' '{"o":{ "a" : [1, {"b":null}] },"aud":["x","y"],"t":true,"f":false,"z":null}')
	run -0 jwtool decode --get o "$t"
	assert_output '{"a":[1,{"b":null}]}'
	run -0 jwtool decode --get aud "$t"
	assert_output '["x","y"]'
	run -0 jwtool decode --get t "$t"
	assert_output 'true'
	run -0 jwtool decode --get f "$t"
	assert_output 'false'
	run -0 jwtool decode --get z "$t"
	assert_output 'null'
}

@test "--get of a missing claim exits 6 naming it" {
	run -6 --separate-stderr jwtool decode --get email "$(unsigned_token '{"alg":"HS256"}' '{"sub":"a"}')"
	assert_output ''
	assert_equal "$stderr" "jwtool: decode: no 'email' in the payload"
}

@test "--get names are case-sensitive" {
	run -6 jwtool decode --get SUB "$(unsigned_token '{"alg":"HS256"}' '{"sub":"a"}')"
	assert_output "jwtool: decode: no 'SUB' in the payload"
}

@test "--get a.b walks nested objects" {
	t=$(unsigned_token '{"alg":"HS256"}' '{"realm_access":{"roles":["admin"]},"a":{"b":{"c":7}}}')
	run -0 jwtool decode --get realm_access.roles "$t"
	assert_output '["admin"]'
	run -0 jwtool decode --get a.b.c "$t"
	assert_output '7'
	run -6 jwtool decode --get a.b.d "$t"
	assert_output "jwtool: decode: no 'a.b.d' in the payload"
	run -6 jwtool decode --get a.b.c.d "$t"
	assert_output "jwtool: decode: no 'a.b.c.d' in the payload"
}

@test "--get finds a claim whose name holds dots" {
	t=$(unsigned_token '{"alg":"HS256"}' '{"https://example.com/roles":["r"]}')
	run -0 jwtool decode --get https://example.com/roles "$t"
	assert_output '["r"]'
}

@test "--get a.b that can be read two ways is refused (exit 6)" {
	t=$(unsigned_token '{"alg":"HS256"}' '{"a":{"b":1},"a.b":2}')
	run -6 jwtool decode --get a.b "$t"
	assert_output "jwtool: decode: 'a.b' is ambiguous: its dots can be read more than one way in the payload; use a JSON pointer: '/a.b' for the whole name, '/a/b' for one level per dot"
	run -0 jwtool decode --get /a.b "$t"
	assert_output '2'
	run -0 jwtool decode --get /a/b "$t"
	assert_output '1'
}

@test "--get takes an RFC 6901 JSON pointer, with array indexes and escapes" {
	t=$(unsigned_token '{"alg":"HS256"}' '{"aud":["x","y"],"a/b":{"m~n":3},"":{"":4}}')
	run -0 jwtool decode --get /aud/1 "$t"
	assert_output 'y'
	run -0 jwtool decode --get /a~1b/m~0n "$t"
	assert_output '3'
	run -0 jwtool decode --get / "$t"
	assert_output '{"":4}'
	run -6 jwtool decode --get /aud/2 "$t"
	assert_output "jwtool: decode: no '/aud/2' in the payload"
	run -6 jwtool decode --get /aud/01 "$t"
	run -6 jwtool decode --get /aud/- "$t"
}

@test "--get with a bad JSON pointer is a usage error" {
	run -2 jwtool decode --get '/a~2' "$(unsigned_token '{"alg":"HS256"}' '{"a~2":1}')"
	assert_output "jwtool: decode: invalid JSON pointer '/a~2' ('~' must be followed by 0 or 1)"
}

@test "--get with an empty name is a usage error" {
	run -2 jwtool decode --get '' "$(unsigned_token '{"alg":"HS256"}' '{}')"
	assert_output "jwtool: decode: --get needs a claim name"
}

@test "--header --get reads a header parameter" {
	t=$(unsigned_token '{"alg":"HS256","kid":"k1"}' '{"kid":"payload"}')
	run -0 jwtool decode --header --get kid "$t"
	assert_output 'k1'
	run -6 jwtool decode --header --get typ "$t"
	assert_output "jwtool: decode: no 'typ' in the header"
}

@test "--get on a payload that is not a JSON object is malformed (exit 3)" {
	run -3 jwtool decode --get sub "$(b64url '{"alg":"HS256"}').$(b64url 'plain text').c2ln"
	assert_output "jwtool: decode: no 'sub': the payload is not a JSON object"
	run -3 jwtool decode --get sub "$(unsigned_token '{"alg":"HS256"}' '[1]')"
	assert_output "jwtool: decode: no 'sub': the payload is not a JSON object"
}

# --- --color ----------------------------------------------------------------

@test "--color=always colours keys, strings, numbers and literals" {
	t=$(unsigned_token '{"alg":"HS256"}' '{"s":"v","n":-1.5e3,"t":true,"f":false,"z":null,"a":[]}')
	run -0 jwtool decode --color=always --payload "$t"
	e=$'\e'
	assert_output "{${e}[1;34m\"s\"${e}[0m:${e}[32m\"v\"${e}[0m,${e}[1;34m\"n\"${e}[0m:${e}[36m-1.5e3${e}[0m,${e}[1;34m\"t\"${e}[0m:${e}[35mtrue${e}[0m,${e}[1;34m\"f\"${e}[0m:${e}[35mfalse${e}[0m,${e}[1;34m\"z\"${e}[0m:${e}[35mnull${e}[0m,${e}[1;34m\"a\"${e}[0m:[]}"
}

@test "colour only adds escape sequences: without them the bytes are the same" {
	t=$(unsigned_token '{"alg":"HS256"}' '{"s":"a\"b:\\\"","k":{"x":"}{,:"},"u":"\u00e9"}')
	run -0 jwtool decode "$t"
	plain=$output
	run -0 jwtool decode --color always "$t"
	refute_output "$plain"
	run -0 sed 's/\x1b\[[0-9;]*m//g' <<<"$output"
	assert_output "$plain"
}

@test "--color=auto colours on a terminal only, and never with NO_COLOR or TERM=dumb" {
	t=$(unsigned_token '{"alg":"HS256"}' '{"a":1}')
	run -0 jwtool decode --color auto "$t"
	refute_output --partial $'\e['
	run -0 script -qec "jwtool decode $t" /dev/null
	assert_output --partial $'\e[1;34m"alg"'
	NO_COLOR=1 run -0 script -qec "jwtool decode $t" /dev/null
	refute_output --partial $'\e[1;34m'
	TERM=dumb run -0 script -qec "jwtool decode $t" /dev/null
	refute_output --partial $'\e[1;34m'
	NO_COLOR= run -0 script -qec "jwtool decode $t" /dev/null
	assert_output --partial $'\e[1;34m'
	NO_COLOR=1 run -0 jwtool decode --color always "$t"
	assert_output --partial $'\e[1;34m'
	run -0 script -qec "jwtool decode --color=never $t" /dev/null
	refute_output --partial $'\e[1;34m'
}

@test "--get is never coloured" {
	run -0 jwtool decode --color always --get a "$(unsigned_token '{"alg":"HS256"}' '{"a":"x"}')"
	assert_output 'x'
}

@test "--color with a bad value is a usage error" {
	run -2 jwtool decode --color=sometimes x.y.z
	assert_output "jwtool: decode: invalid value 'sometimes' for --color (expected auto, always or never)"
}

# --- --find -----------------------------------------------------------------

@test "--find decodes every token of a log, in order, one line each" {
	run -0 --separate-stderr jwtool decode --find "$FIXTURES/logs/app.log"
	assert_equal "${#lines[@]}" 5
	run -0 jq -c '[.found.line, .found.column, .payload.sub, .header.alg]' <<<"$output"
	assert_output '[2,82,"alice","HS256"]
[7,25,"bob","EdDSA"]
[10,77,"carol","HS256"]
[10,341,"alice","HS256"]
[11,73,"bob","EdDSA"]'
}

@test "--find output has decode's shape plus where the token was found" {
	t=$(unsigned_token '{"alg":"HS256"}' '{"a":1}')
	run -0 jwtool decode --find - <<<"x
  $t"
	assert_output "{\"header\":{\"alg\":\"HS256\"},\"payload\":{\"a\":1},\"signature\":\"c2ln\",\"found\":{\"line\":2,\"column\":3,\"offset\":4}}"
}

@test "--find skips encrypted tokens and text that only looks like a token" {
	line1="eyJ eyJhbGciOiJIUzI1NiJ9 eyJ.eyJ.x $(b64url '{"typ":"JWT"}').e30.c2ln eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d"
	run -0 jwtool decode --find - <<<"$line1
ok $(unsigned_token '{"alg":"HS256"}' '{"n":1}')."
	assert_output "{\"header\":{\"alg\":\"HS256\"},\"payload\":{\"n\":1},\"signature\":\"c2ln\",\"found\":{\"line\":2,\"column\":4,\"offset\":$((${#line1} + 4))}}"
}

@test "--find reads stdin, and pretty-prints on a terminal" {
	run -0 jwtool decode --find --get sub < "$FIXTURES/logs/app.log"
	assert_output 'alice
bob
carol
alice
bob'
	NO_COLOR=1 run -0 script -qec "jwtool decode --find $FIXTURES/logs/app.log" /dev/null
	assert_output --partial '  "found": {'
}

@test "--find with --payload and --header applies them to each token" {
	run -0 jwtool decode --find --header "$FIXTURES/logs/app.log"
	assert_line --index 1 '{"alg":"EdDSA","typ":"JWT","kid":"ed-1"}'
	run -0 jwtool decode --find --payload --compact "$FIXTURES/logs/app.log"
	assert_line --index 2 '{"password":"hunter2","sub":"carol","exp":1798459200,"iat":1795867200}'
}

@test "--find without any token exits 3 with a message" {
	echo "nothing to see, eyJ here" > plain.log
	run -3 --separate-stderr jwtool decode --find plain.log
	assert_output ''
	assert_equal "$stderr" "jwtool: decode: no token found in plain.log"
	run -3 jwtool decode --find - </dev/null
	assert_output "jwtool: decode: no token found in stdin"
}

@test "--find reports a malformed token found, shows the others, and exits 3" {
	bad="$(b64url '{"alg":"HS256","alg":"none"}').$(b64url '{"a":1}').c2ln"
	good=$(unsigned_token '{"alg":"HS256"}' '{"a":3}')
	run -3 --separate-stderr jwtool decode --find - <<<"first $bad
second $good"
	assert_output --partial '"payload":{"a":3}'
	assert_equal "${#lines[@]}" 1
	assert_equal "$stderr" "jwtool: decode: line 1, column 7: header: duplicate member 'alg'
jwtool: decode: 1 of 2 tokens found could not be shown"
}

@test "--find --get reports each token missing the claim (exit 6)" {
	run -6 --separate-stderr jwtool decode --find --get kid "$FIXTURES/logs/app.log"
	assert_equal "${#lines[@]}" 0
	run -6 --separate-stderr jwtool decode --find --header --get kid "$FIXTURES/logs/app.log"
	assert_output 'ed-1
ed-1'
	assert_line --index 0 'ed-1'
	assert_equal "$(sed -n 1p <<<"$stderr")" "jwtool: decode: line 2, column 82: no 'kid' in the header"
	assert_equal "$(sed -n 4p <<<"$stderr")" "jwtool: decode: 3 of 5 tokens found could not be shown"
}

@test "--find does not take the argument as text: a missing file is exit 8" {
	run -8 jwtool decode --find "$(unsigned_token '{"alg":"HS256"}' '{}')"
	assert_output --partial "jwtool: decode: cannot open text '"
	run -8 jwtool decode --find nofile.log
	assert_output "jwtool: decode: cannot open text 'nofile.log': No such file or directory"
}

@test "--find honours --max-input" {
	run -8 jwtool decode --find --max-input 100 "$FIXTURES/logs/app.log"
	assert_output --partial "larger than the input limit of 100 bytes"
}

@test "--find takes one input" {
	run -2 jwtool decode --find a.log b.log
	assert_output "jwtool: decode: expected one input, got 2 arguments"
}
