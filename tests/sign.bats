#!/usr/bin/env bats
# sign: claims from JSON, --claim and flags; header options; output.

load helpers/common

payload() { jwtool decode --compact "$1" | jq -c .payload; }
header() { jwtool decode --compact "$1" | jq -c .header; }

@test "sign prints exactly one token and a newline on stdout" {
	run -0 --separate-stderr jwtool sign -k "$KEYS/hs256.key" --now $NOW
	assert_output --regexp '^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'
	[ "${#lines[@]}" -eq 1 ]
	assert_equal "$stderr" ""
}

@test "sign is deterministic with --now for HS256" {
	a=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW --sub x)
	b=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW --sub x)
	assert_equal "$a" "$b"
	assert_equal "$a" "$(hs256 '{"alg":"HS256","typ":"JWT"}' \
	    '{"sub":"x","iat":1795867200}' "$KEYS/hs256.key")"
}

@test "default header is alg then typ JWT" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW)
	assert_equal "$(header "$t")" '{"alg":"HS256","typ":"JWT"}'
}

@test "iat defaults to --now; --no-iat leaves it out" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW)
	assert_equal "$(payload "$t")" '{"iat":1795867200}'
	t=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW --no-iat)
	assert_equal "$(payload "$t")" '{}'
}

@test "--iat with --no-iat is a usage error" {
	run -2 jwtool sign -k "$KEYS/hs256.key" --iat 5 --no-iat
	assert_output --partial "contradict"
}

@test "--iss --sub --aud --jti set their claims" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW --no-iat --iss me \
	    --sub you --aud api --jti id-1)
	assert_equal "$(payload "$t")" '{"iss":"me","sub":"you","aud":"api","jti":"id-1"}'
}

@test "several --aud make an array" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --no-iat --aud a --aud b)
	assert_equal "$(payload "$t")" '{"aud":["a","b"]}'
}

@test "--jti auto is a random 128-bit base64url id" {
	a=$(jwtool sign -k "$KEYS/hs256.key" --no-iat --jti auto)
	b=$(jwtool sign -k "$KEYS/hs256.key" --no-iat --jti auto)
	run -0 jq -r .payload.jti <<<"$(jwtool decode --compact "$a")"
	assert_output --regexp '^[A-Za-z0-9_-]{22}$'
	[ "$a" != "$b" ]
}

@test "--exp --nbf --iat take unix seconds, RFC 3339 and relative times" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW --exp +1h --nbf -5m \
	    --iat 2026-11-28T11:00:00Z)
	assert_equal "$(payload "$t")" '{"exp":1795870800,"nbf":1795866900,"iat":1795863600}'
	t=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW --exp 1d2h30m --no-iat)
	assert_equal "$(payload "$t")" '{"exp":1795962600}'
	t=$(jwtool sign -k "$KEYS/hs256.key" --now 2026-11-28T13:00:00+01:00 \
	    --exp 1900000000)
	assert_equal "$(payload "$t")" '{"exp":1900000000,"iat":1795867200}'
}

@test "a bad time is a usage error naming the option" {
	run -2 jwtool sign -k "$KEYS/hs256.key" --exp tomorrow
	assert_output --partial "invalid time 'tomorrow' for --exp"
	run -2 jwtool sign -k "$KEYS/hs256.key" --now 2026-02-30
	assert_output --partial "for --now"
	run -2 jwtool sign -k "$KEYS/hs256.key" --exp 1h30
	run -2 jwtool sign -k "$KEYS/hs256.key" --nbf 99999999999999
}

@test "--claim name=value is a string, name:=JSON is JSON" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --no-iat --claim n=42 \
	    --claim m:=42 --claim o:='{"a":[1,true,null]}')
	assert_equal "$(payload "$t")" '{"n":"42","m":42,"o":{"a":[1,true,null]}}'
}

@test "--claim with bad syntax or bad JSON is a usage error" {
	run -2 jwtool sign -k "$KEYS/hs256.key" --claim novalue
	assert_output "jwtool: sign: --claim 'novalue': expected NAME=VALUE, NAME:=JSON, NAME+=VALUE or NAME+:=JSON"
	run -2 jwtool sign -k "$KEYS/hs256.key" --claim 'x:={bad'
	assert_output --partial "invalid JSON"
	run -2 jwtool sign -k "$KEYS/hs256.key" --claim '=v'
}

@test "precedence: flag over --claim over the JSON input, order kept" {
	echo '{"sub":"json","a":1,"iss":"json"}' > c.json
	t=$(jwtool sign -k "$KEYS/hs256.key" --no-iat --claim sub=claim \
	    --claim iss=claim --iss flag c.json)
	assert_equal "$(payload "$t")" '{"sub":"claim","a":1,"iss":"flag"}'
}

@test "claims from stdin with -" {
	t=$(echo '{"x":1}' | jwtool sign -k "$KEYS/hs256.key" --no-iat -)
	assert_equal "$(payload "$t")" '{"x":1}'
}

@test "an iat in the JSON input is kept over the default" {
	t=$(echo '{"iat":5}' | jwtool sign -k "$KEYS/hs256.key" --now $NOW -)
	assert_equal "$(payload "$t")" '{"iat":5}'
}

@test "numbers go through sign digit for digit" {
	echo '{"id":12345678901234567890,"n":9007199254740993,"f":1.50,"e":1E+400}' > c.json
	t=$(jwtool sign -k "$KEYS/hs256.key" --no-iat c.json)
	run -0 jwtool decode --compact "$t"
	assert_output --partial '"payload":{"id":12345678901234567890,"n":9007199254740993,"f":1.50,"e":1E+400}'
}

@test "claims that are not a JSON object are malformed (exit 3)" {
	echo '[1]' > c.json
	run -3 jwtool sign -k "$KEYS/hs256.key" c.json
	assert_output "jwtool: sign: claims: expected a JSON object, got array"
	echo '{"a":1}x' > c.json
	run -3 jwtool sign -k "$KEYS/hs256.key" c.json
	assert_output --partial "unexpected data after the JSON value"
}

@test "a missing claims file is an I/O error (exit 8)" {
	run -8 jwtool sign -k "$KEYS/hs256.key" nope.json
	assert_output --partial "cannot open claims 'nope.json'"
}

@test "key and claims both on stdin is a usage error" {
	run -2 jwtool sign -k - -
	assert_output "jwtool: sign: only one input can come from stdin (the key, the claims or the token)"
}

@test "two claims files is a usage error" {
	run -2 jwtool sign -k "$KEYS/hs256.key" a b
}

@test "--kid --typ --cty --header set the header" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --kid k1 --typ at+jwt --cty x \
	    --header h=v --header n:=[1])
	assert_equal "$(header "$t")" '{"alg":"HS256","typ":"at+jwt","kid":"k1","cty":"x","h":"v","n":[1]}'
}

@test "--header cannot set alg" {
	run -2 jwtool sign -k "$KEYS/hs256.key" --header alg=none
	assert_output --partial "--header cannot set 'alg'; use --alg"
}

@test "--alg HS384 and HS512 sign with a long enough secret" {
	head -c 64 /dev/urandom > k64
	t=$(jwtool sign -k k64 --alg HS384)
	assert_equal "$(header "$t" | jq -r .alg)" HS384
	run -0 jwtool verify -q -k k64 --alg HS384 "$t"
	t=$(jwtool sign -k k64 --alg HS512)
	run -0 jwtool verify -q -k k64 --alg HS512 "$t"
}

@test "--alg that does not fit the key is exit 7, unknown is exit 2" {
	run -7 jwtool sign -k "$KEYS/hs256.key" --alg EdDSA
	assert_output --partial "algorithm EdDSA cannot be used with the HMAC secret"
	run -2 jwtool sign -k "$KEYS/hs256.key" --alg HS999
	assert_output --partial "unknown algorithm 'HS999'"
	run -2 jwtool sign -k "$KEYS/hs256.key" --alg none
}

@test "a secret shorter than the hash is refused, or warned with --allow-weak-key" {
	run -7 jwtool sign -k "$KEYS/short.key"
	assert_output --partial "the HS256 secret is 12 bytes; RFC 7518 section 3.2 wants at least 32"
	run -0 --separate-stderr jwtool sign -k "$KEYS/short.key" --allow-weak-key
	assert_equal "$(grep -c warning <<<"$stderr")" 1
	run -7 jwtool sign -k "$KEYS/hs256.key" --alg HS512
}

@test "EdDSA is the default algorithm for an Ed25519 key" {
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --now $NOW)
	assert_equal "$(header "$t")" '{"alg":"EdDSA","typ":"JWT"}'
	run -0 jwtool verify -q -k "$KEYS/ed25519.pub.pem" "$t"
}

@test "EdDSA signing is deterministic" {
	a=$(jwtool sign -k "$KEYS/ed25519.pem" --now $NOW)
	c=$(jwtool sign -k "$KEYS/ed25519.der" --now $NOW)
	assert_equal "$a" "$c"
}

@test "signing with a public key is exit 7" {
	run -7 jwtool sign -k "$KEYS/ed25519.pub.pem"
	assert_output --partial "cannot sign with a public key"
	run -7 jwtool sign -k "$KEYS/ed25519.pub.jwk"
}

@test "no key is a usage error" {
	run -2 jwtool sign
	assert_output --partial "no key: give --key SRC"
}

@test "--secret works and warns that it is visible" {
	run -0 --separate-stderr jwtool sign --secret "$(cat "$KEYS/hs256.key")" --now $NOW
	assert_output "$(jwtool sign -k "$KEYS/hs256.key" --now $NOW)"
	assert_equal "$stderr" "jwtool: sign: warning: --secret puts the secret where other users of this machine can see it (ps, shell history); prefer --key FILE or --key env:NAME"
	run -2 jwtool sign --secret x -k "$KEYS/hs256.key"
	assert_output --partial "give --key or --secret, not both"
}

@test "a JWK's kid becomes the header kid" {
	t=$(jwtool sign -k "$KEYS/hs256.jwk" --now $NOW)
	assert_equal "$(header "$t")" '{"alg":"HS256","typ":"JWT","kid":"hs-1"}'
}

@test "a JWKS needs --kid to choose the signing key" {
	run -7 jwtool sign -k "$KEYS/set.jwks"
	assert_output --partial "the key set holds 3 keys; choose one with --kid"
	t=$(jwtool sign -k "$KEYS/set.jwks" --kid hs-1 --now $NOW)
	run -0 jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 "$t"
}

@test "claims piped or redirected to stdin are read without -" {
	t=$(echo '{"a":1}' | jwtool sign -k "$KEYS/hs256.key" --now $NOW)
	assert_equal "$(payload "$t")" '{"a":1,"iat":1795867200}'
	echo '{"b":2}' > c.json
	t=$(jwtool sign -k "$KEYS/hs256.key" --no-iat < c.json)
	assert_equal "$(payload "$t")" '{"b":2}'
}

@test "an empty pipe or /dev/null on stdin means no claims" {
	t=$(true | jwtool sign -k "$KEYS/hs256.key" --now $NOW)
	assert_equal "$(payload "$t")" '{"iat":1795867200}'
	t=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW </dev/null)
	assert_equal "$(payload "$t")" '{"iat":1795867200}'
}

@test "piped claims that are not an object are refused (exit 3)" {
	run -3 bash -c "echo '[1]' | jwtool sign -k '$KEYS/hs256.key'"
	assert_output "jwtool: sign: claims: expected a JSON object, got array"
}

@test "a key on stdin leaves piped input to the key" {
	run -0 bash -c "jwtool sign -k - --now $NOW < '$KEYS/hs256.key'"
	assert_equal "$(payload "$output")" '{"iat":1795867200}'
}
