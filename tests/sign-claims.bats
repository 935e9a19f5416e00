#!/usr/bin/env bats
# sign: nested and appended --claim, precedence, --ttl and expiry checks.

load helpers/common

# The payload exactly as decode prints it (jq would round big numbers).
payload() {
	jwtool decode --compact "$1" | sed 's/^.*"payload":\(.*\),"signature":.*$/\1/'
}
sign() { jwtool sign -k "$KEYS/hs256.key" --now $NOW "$@"; }

@test "--claim a.b.c:=1 builds nested objects" {
	t=$(sign --no-iat --claim a.b.c:=1)
	assert_equal "$(payload "$t")" '{"a":{"b":{"c":1}}}'
}

@test "nested --claim merges into objects from the JSON input and other --claim" {
	echo '{"a":{"x":0,"b":{"y":true}},"z":2}' > c.json
	t=$(sign --no-iat --claim a.b.c:=1 --claim a.w=s --claim a.x:=9 c.json)
	assert_equal "$(payload "$t")" '{"a":{"x":9,"b":{"y":true,"c":1},"w":"s"},"z":2}'
}

@test "a path through a non-object is a usage error naming it" {
	run -2 sign --claim a:=1 --claim a.b.c:=2
	assert_output "jwtool: sign: --claim 'a.b.c:=2': 'a' is a number, not an object"
	echo '{"a":{"b":[1]}}' > c.json
	run -2 sign --claim a.b.c=x c.json
	assert_output "jwtool: sign: --claim 'a.b.c=x': 'a.b' is an array, not an object"
}

@test "a backslash makes a dot literal: URL claim names" {
	t=$(sign --no-iat --claim 'https://example\.com/roles:=["r"]' --claim 'a\\b=1')
	assert_equal "$(payload "$t")" '{"https://example.com/roles":["r"],"a\\b":"1"}'
}

@test "an empty name segment is a usage error" {
	run -2 sign --claim a..b=1
	assert_output "jwtool: sign: --claim 'a..b=1': empty name segment (a literal dot is written '\\.')"
	run -2 sign --claim .a=1
	assert_output --partial "empty name segment"
}

@test "--claim name+=value appends to an array, creating it" {
	t=$(sign --no-iat --claim roles+=admin --claim roles+=ops)
	assert_equal "$(payload "$t")" '{"roles":["admin","ops"]}'
	echo '{"roles":["user"],"n":1}' > c.json
	t=$(sign --no-iat --claim roles+=admin --claim 'n+:=2' c.json)
	assert_equal "$(payload "$t")" '{"roles":["user","admin"],"n":[1,2]}'
}

@test "name+:=JSON appends a JSON value; nested names append too" {
	t=$(sign --no-iat --claim 'a.list+:={"k":1}' --claim 'a.list+:=[2]')
	assert_equal "$(payload "$t")" '{"a":{"list":[{"k":1},[2]]}}'
}

@test "appending to a string claim turns it into an array, in place" {
	echo '{"aud":"api","x":1}' > c.json
	t=$(sign --no-iat --claim aud+=web c.json)
	assert_equal "$(payload "$t")" '{"aud":["api","web"],"x":1}'
}

@test "appending to an object is a usage error" {
	run -2 sign --claim 'o:={}' --claim o+=x
	assert_output "jwtool: sign: --claim 'o+=x': 'o' is an object; += appends to an array (or makes one of a single value)"
}

@test "types are never guessed: = is a string, := is JSON" {
	t=$(sign --no-iat --claim a=true --claim b=1 --claim c=null \
	    --claim 'd=[1]' --claim e:=true --claim r+=1)
	assert_equal "$(payload "$t")" '{"a":"true","b":"1","c":"null","d":"[1]","e":true,"r":["1"]}'
}

@test "several --aud make an array; they replace the input's aud" {
	echo '{"aud":["old"]}' > c.json
	t=$(sign --no-iat --aud a --aud b c.json)
	assert_equal "$(payload "$t")" '{"aud":["a","b"]}'
	t=$(sign --no-iat --aud a c.json)
	assert_equal "$(payload "$t")" '{"aud":"a"}'
}

@test "precedence: flags over --claim over JSON, for every claim flag" {
	echo '{"iss":"j","sub":"j","aud":"j","jti":"j","exp":1,"nbf":1,"iat":1,"x":"j"}' > c.json
	t=$(sign --claim iss=c --claim sub=c --claim aud=c --claim jti=c \
	    --claim exp:=2 --claim nbf:=2 --claim iat:=2 --claim x=c \
	    --iss f --sub f --aud f --jti f --exp 1900000000 --nbf 1800000000 \
	    --iat 1700000000 c.json)
	assert_equal "$(payload "$t")" '{"iss":"f","sub":"f","aud":"f","jti":"f","exp":1900000000,"nbf":1800000000,"iat":1700000000,"x":"c"}'
}

@test "--claim is applied in the order given" {
	t=$(sign --no-iat --claim a=1 --claim b=2 --claim a=3)
	assert_equal "$(payload "$t")" '{"a":"3","b":"2"}'
}

@test "--ttl sets exp from iat" {
	t=$(sign --ttl 1h)
	assert_equal "$(payload "$t")" '{"exp":1795870800,"iat":1795867200}'
	t=$(sign --ttl 90 --iat +10m)
	assert_equal "$(payload "$t")" '{"exp":1795867890,"iat":1795867800}'
	echo '{"iat":1795867300}' > c.json
	t=$(sign --ttl 1d c.json)
	assert_equal "$(payload "$t")" '{"iat":1795867300,"exp":1795953700}'
}

@test "--ttl counts from now when iat is left out" {
	t=$(sign --ttl 2h --no-iat)
	assert_equal "$(payload "$t")" '{"exp":1795874400}'
}

@test "--ttl with a non-integer iat, a bad duration, or with --exp is a usage error" {
	echo '{"iat":"yesterday"}' > c.json
	run -2 sign --ttl 1h c.json
	assert_output "jwtool: sign: --ttl counts from iat, but claim 'iat' is a string, not an integer"
	run -2 sign --ttl 1x
	assert_output "jwtool: sign: invalid duration '1x' for --ttl (expected seconds, or units like 90s, 5m, 1h30m, 2d)"
	run -2 sign --ttl -1h
	assert_output --partial "invalid duration '-1h' for --ttl"
	run -2 sign --ttl 1h --exp +1h
	assert_output "jwtool: sign: --exp and --ttl contradict each other"
	run -2 sign --ttl 9999999d
	assert_output --partial "for --ttl"
}

@test "an exp in the past is refused (exit 2)" {
	run -2 --separate-stderr sign --exp -1s
	assert_output ""
	assert_equal "$stderr" "jwtool: sign: exp 2026-11-28T11:59:59Z is not after now (2026-11-28T12:00:00Z): the token would be expired (--allow-expired signs it anyway)"
	run -2 sign --ttl 0
	assert_output --partial "exp 2026-11-28T12:00:00Z is not after now"
}

@test "an exp from the JSON input is checked too" {
	echo '{"exp":1700000000}' > c.json
	run -2 sign c.json
	assert_output --partial "exp 2023-11-14T22:13:20Z is not after now"
}

@test "an exp not after nbf is refused" {
	run -2 sign --exp +1h --nbf +1h
	assert_output "jwtool: sign: exp 2026-11-28T13:00:00Z is not after nbf 2026-11-28T13:00:00Z: the token would never be valid (--allow-expired signs it anyway)"
}

@test "--allow-expired signs such tokens with a warning" {
	run -0 --separate-stderr sign --exp -1h --allow-expired
	assert_equal "$stderr" "jwtool: sign: warning: exp 2026-11-28T11:00:00Z is not after now (2026-11-28T12:00:00Z): the token would be expired"
	assert_equal "$(payload "$output")" '{"exp":1795863600,"iat":1795867200}'
	run -4 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$output"
	run -0 --separate-stderr sign --exp +1h --nbf +2h --allow-expired
	assert_equal "$stderr" "jwtool: sign: warning: exp 2026-11-28T13:00:00Z is not after nbf 2026-11-28T14:00:00Z: the token would never be valid"
}

@test "an exp that is not a number is left for verify to judge" {
	t=$(sign --no-iat --claim exp=tomorrow)
	assert_equal "$(payload "$t")" '{"exp":"tomorrow"}'
}

@test "string flags and claim values must be UTF-8" {
	run -2 sign --sub $'\xff'
	assert_output "jwtool: sign: --sub '\\xff': not valid UTF-8"
	run -2 sign --claim $'n=\xc3'
	assert_output "jwtool: sign: --claim 'n=\\xc3': not valid UTF-8"
	run -2 sign --aud ok --aud $'\xfe'
	assert_output --partial "--aud '\\xfe': not valid UTF-8"
}

@test "claims nested beyond the JSON depth limit are refused" {
	path=$(printf 'a.%.0s' $(seq 63))x
	deep=$(printf '[%.0s' $(seq 100))$(printf ']%.0s' $(seq 100))
	run -2 sign --claim "$path:=$deep"
	assert_output "jwtool: sign: the claims nest deeper than 128 levels"
	run -2 sign --claim "$(printf 'a.%.0s' $(seq 64))x=1"
	assert_output --partial "more than 64 name segments"
}

@test "claims keep the order given, numbers digit for digit" {
	echo '{"z":1,"big":12345678901234567890,"f":1.50,"a":{"y":1,"b":2}}' > c.json
	t=$(sign --claim m=1 --claim a.c:=3 --sub s c.json)
	assert_equal "$(payload "$t")" '{"z":1,"big":12345678901234567890,"f":1.50,"a":{"y":1,"b":2,"c":3},"m":"1","sub":"s","iat":1795867200}'
}
