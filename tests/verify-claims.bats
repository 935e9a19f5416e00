#!/usr/bin/env bats
# verify: time boundaries, claim checks, --jws, --json verdicts, codes.

load helpers/common

# Test tokens, expired ones included.
tok() { jwtool sign -k "$KEYS/hs256.key" --now $NOW --allow-expired "$@"; }
# at TIME TOKEN [OPTS...]: verify quietly with the clock at TIME.
at() { local t=$1 tk=$2; shift 2; jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 --now "$t" "$@" "$tk"; }
v() { jwtool verify -k "$KEYS/hs256.key" --key-format raw --now $NOW "$@"; }
# codes: the error codes of the JSON verdict in $output, space separated.
codes() { jq -r '[.errors[].code] | join(" ")' <<<"$output"; }

# --- time boundaries: one second either side of each limit -------------

@test "exp without leeway: valid 1 s before, expired at and 1 s after" {
	t=$(tok --exp $((NOW + 100)))
	run -0 at $((NOW + 99)) "$t"
	run -4 at $((NOW + 100)) "$t"
	run -4 at $((NOW + 101)) "$t"
}

@test "exp with --leeway 10: valid up to 9 s after, expired from 10 s" {
	t=$(tok --exp $((NOW + 100)))
	run -0 at $((NOW + 109)) "$t" --leeway 10
	run -4 at $((NOW + 110)) "$t" --leeway 10
	run -4 at $((NOW + 111)) "$t" --leeway 10
}

@test "nbf without leeway: not yet valid 1 s before, valid at and after" {
	t=$(tok --nbf $((NOW + 100)))
	run -5 at $((NOW + 99)) "$t"
	run -0 at $((NOW + 100)) "$t"
	run -0 at $((NOW + 101)) "$t"
}

@test "nbf with --leeway 5: valid from 5 s before" {
	t=$(tok --nbf $((NOW + 100)))
	run -5 at $((NOW + 94)) "$t" --leeway 5
	run -0 at $((NOW + 95)) "$t" --leeway 5
	run -0 at $((NOW + 96)) "$t" --leeway 5
}

@test "iat in the future without leeway: 1 s before is exit 5, at and after fine" {
	t=$(tok --iat $((NOW + 100)))
	run -5 at $((NOW + 99)) "$t"
	run -0 at $((NOW + 100)) "$t"
	run -0 at $((NOW + 101)) "$t"
}

@test "iat in the future with --leeway 5" {
	t=$(tok --iat $((NOW + 100)))
	run -5 at $((NOW + 94)) "$t" --leeway 5
	run -0 at $((NOW + 95)) "$t" --leeway 5
	run -0 at $((NOW + 96)) "$t" --leeway 5
}

@test "--max-age: a token exactly that old is valid, 1 s older is exit 4" {
	t=$(tok)
	run -0 at $((NOW + 99)) "$t" --max-age 100
	run -0 at $((NOW + 100)) "$t" --max-age 100
	run -4 --separate-stderr at $((NOW + 101)) "$t" --max-age 1m40s
	assert_equal "$stderr" "jwtool: verify: token is 1s older than --max-age 1m 40s allows (iat 2026-11-28T12:00:00Z, now 2026-11-28T12:01:41Z)"
}

@test "--max-age with --leeway 5" {
	t=$(tok)
	run -0 at $((NOW + 104)) "$t" --max-age 100 --leeway 5
	run -0 at $((NOW + 105)) "$t" --max-age 100 --leeway 5
	run -4 at $((NOW + 106)) "$t" --max-age 100 --leeway 5
}

@test "--max-age needs iat: without it the claim check fails (exit 6)" {
	t=$(tok --no-iat)
	run -6 v --max-age 1h "$t"
	assert_output "jwtool: verify: claim 'iat' is missing; --max-age needs it"
	run -0 v -q "$t"
}

@test "--max-age rejects a bad duration" {
	run -2 v --max-age forever "$(tok)"
	assert_output "jwtool: verify: invalid duration 'forever' for --max-age (expected seconds, or units like 90s, 5m, 1h30m, 2d)"
}

@test "time claims must be NumericDates: strings and huge values are malformed (exit 3)" {
	run -3 v "$(tok --claim nbf=now)"
	assert_output "jwtool: verify: claim 'nbf' must be a NumericDate (a number of seconds from 0 to 253402300799), not string"
	run -3 v "$(tok --claim exp:=253402300800)"
	assert_output --partial "claim 'exp' must be a NumericDate"
	run -3 v "$(tok --claim 'iat:=[1]')"
	assert_output --partial "not array"
	run -0 v -q "$(tok --claim exp:=253402300799)"
}

@test "exp 0 is expired, and exp 1.5 is a valid NumericDate" {
	run -4 v "$(tok --claim exp:=0)"
	assert_output "jwtool: verify: token expired 20785 days 12h ago (exp 1970-01-01T00:00:00Z, now 2026-11-28T12:00:00Z)"
	run -4 v "$(tok --claim exp:=1.5)"
}

# --- issuer, audience, subject, type ----------------------------------

@test "--iss: the token's issuer must be one of those given" {
	t=$(tok --iss https://a.example)
	run -0 v -q --iss https://a.example "$t"
	run -0 v -q --iss https://b.example --iss https://a.example "$t"
	run -6 v --iss https://b.example --iss https://c.example "$t"
	assert_output "jwtool: verify: issuer 'https://a.example' is not accepted (--iss 'https://b.example' or 'https://c.example')"
	run -6 v --iss https://A.example "$t"
}

@test "--iss: a missing issuer is exit 6, a non-string one exit 3" {
	run -6 v --iss x "$(tok)"
	assert_output "jwtool: verify: claim 'iss' is missing; --iss wants 'x'"
	run -3 v --iss x "$(tok --claim iss:=1)"
	assert_output "jwtool: verify: claim 'iss' must be a string, not number"
}

@test "--aud: a string aud or an array holding one of the values" {
	run -0 v -q --aud api "$(tok --aud api)"
	run -0 v -q --aud api "$(tok --aud web --aud api)"
	run -0 v -q --aud x --aud api "$(tok --aud web --aud api)"
	run -6 v --aud db "$(tok --aud web --aud api)"
	assert_output "jwtool: verify: audience [\"web\",\"api\"] is not accepted (--aud 'db')"
	run -6 v --aud db "$(tok --aud api)"
	assert_output "jwtool: verify: audience \"api\" is not accepted (--aud 'db')"
}

@test "--aud: a token without aud is exit 6" {
	run -6 v --aud api "$(tok)"
	assert_output "jwtool: verify: claim 'aud' is missing; --aud wants 'api'"
}

@test "a token with aud and no --aud is rejected with how to fix it (RFC 7519 4.1.3)" {
	t=$(tok --aud api)
	run -6 v "$t"
	assert_output "jwtool: verify: token is for audience \"api\" but no --aud was given: add --aud with this verifier's name (RFC 7519 section 4.1.3), or --ignore-aud to accept any audience"
	run -0 v -q --ignore-aud "$t"
	run -6 v "$(tok --claim 'aud:=[]')"
	assert_output --partial "token is for audience []"
}

@test "--aud and --ignore-aud together are a usage error" {
	run -2 v --aud api --ignore-aud "$(tok --aud api)"
	assert_output "jwtool: verify: --aud and --ignore-aud contradict each other"
}

@test "aud must be a string or an array of strings (exit 3)" {
	run -3 v --aud api "$(tok --claim aud:=5)"
	assert_output "jwtool: verify: claim 'aud' must be a string or an array of strings, not number"
	run -3 v --ignore-aud "$(tok --claim 'aud:=["api",5]')"
	assert_output "jwtool: verify: claim 'aud' must be a string or an array of strings, not an array holding other values"
}

@test "--sub: the subject must match exactly" {
	t=$(tok --sub alice)
	run -0 v -q --sub alice "$t"
	run -6 v --sub bob "$t"
	assert_output "jwtool: verify: subject 'alice' is not accepted (--sub 'bob')"
	run -6 v --sub alice "$(tok)"
	assert_output "jwtool: verify: claim 'sub' is missing; --sub wants 'alice'"
	run -3 v --sub alice "$(tok --claim 'sub:={}')"
}

@test "--typ: case-insensitive, application/ implied (RFC 7515 4.1.9)" {
	run -0 v -q --typ jwt "$(tok)"
	run -0 v -q --typ at+jwt "$(tok --typ application/at+jwt)"
	run -0 v -q --typ APPLICATION/AT+JWT "$(tok --typ at+jwt)"
	run -0 v -q --typ text/plain "$(tok --typ TEXT/Plain)"
	run -6 v --typ at+jwt "$(tok)"
	assert_output "jwtool: verify: header 'typ' is 'JWT'; --typ wants 'at+jwt'"
	run -6 v --typ plain "$(tok --typ text/plain)"
}

@test "--typ: a missing or non-string typ fails (exit 6)" {
	t=$(hs256 '{"alg":"HS256"}' '{"sub":"x"}' "$KEYS/hs256.key")
	run -6 v --typ JWT "$t"
	assert_output "jwtool: verify: header 'typ' is missing; --typ wants 'JWT'"
	run -0 v -q "$t"
	t=$(hs256 '{"alg":"HS256","typ":1}' '{"sub":"x"}' "$KEYS/hs256.key")
	run -6 v --typ JWT "$t"
	assert_output "jwtool: verify: header 'typ' is number, not a string"
}

# --- required and exact claims, --expect -------------------------------

@test "--require: every missing claim is reported" {
	t=$(tok --sub a --jti 1)
	run -0 v -q --require sub,jti --require iat "$t"
	run -6 v --require sub,exp --require scope "$t"
	assert_line --index 0 "jwtool: verify: claim 'exp' is missing (--require)"
	assert_line --index 1 "jwtool: verify: claim 'scope' is missing (--require)"
	assert_equal "${#lines[@]}" 2
	run -2 v --require , "$t"
	assert_output "jwtool: verify: --require needs at least one claim name"
}

@test "--claim NAME=VALUE matches a string exactly" {
	t=$(tok --claim role=admin --claim n:=1)
	run -0 v -q --claim role=admin "$t"
	run -6 v --claim role=Admin "$t"
	assert_output "jwtool: verify: claim 'role' is \"admin\"; --claim wants \"Admin\""
	run -6 v --claim n=1 "$t"
	assert_output "jwtool: verify: claim 'n' is 1; --claim wants \"1\""
	run -6 v --claim team=x "$t"
	assert_output "jwtool: verify: claim 'team' is missing; --claim wants \"x\""
}

@test "--claim NAME:=JSON matches any JSON value, numbers exactly" {
	t=$(tok --claim 'id:=12345678901234567890' --claim 'r:=["a",{"b":true}]' --claim f:=1.0)
	run -0 v -q --claim id:=12345678901234567890 --claim 'r:=["a",{"b":true}]' "$t"
	run -0 v -q --claim f:=1 "$t"
	run -6 v --claim id:=12345678901234567891 "$t"
	assert_output "jwtool: verify: claim 'id' is 12345678901234567890; --claim wants 12345678901234567891"
	run -6 v --claim 'r:=["a"]' "$t"
}

@test "--claim rejects a malformed argument (exit 2)" {
	run -2 v --claim novalue "$(tok)"
	assert_output "jwtool: verify: --claim 'novalue': expected NAME=VALUE or NAME:=JSON"
	run -2 v --claim 'a:={' "$(tok)"
	assert_output --partial "--claim: invalid JSON"
}

@test "--expect: a subset of the payload passes, recursively" {
	t=$(tok --claim 'realm:={"roles":["admin","dev"],"id":7}' --sub a)
	echo '{"sub":"a","realm":{"roles":["dev"]}}' > want.json
	run -0 v -q --expect want.json "$t"
	echo '{}' > empty.json
	run -0 v -q --expect empty.json "$t"
}

@test "--expect: each difference is printed, exit 6" {
	t=$(tok --claim 'realm:={"roles":["admin","dev"],"id":7}' --sub a)
	echo '{"sub":"b","realm":{"roles":["ops","dev"],"id":7,"x":null},"scope":"read"}' > want.json
	run -6 v --expect want.json "$t"
	assert_line --index 0 'jwtool: verify: --expect: .sub is "a", expected "b"'
	assert_line --index 1 'jwtool: verify: --expect: .realm.roles has no element matching "ops"'
	assert_line --index 2 'jwtool: verify: --expect: .realm.x is missing, expected null'
	assert_line --index 3 'jwtool: verify: --expect: .scope is missing, expected "read"'
	assert_equal "${#lines[@]}" 4
}

@test "--expect: odd member names are shown quoted" {
	echo '{"a b":1}' > want.json
	run -6 v --expect want.json "$(tok)"
	assert_output 'jwtool: verify: --expect: .["a b"] is missing, expected 1'
}

@test "--expect: the file must hold a JSON object" {
	run -8 v --expect nope.json "$(tok)"
	assert_output "jwtool: verify: cannot open --expect file 'nope.json': No such file or directory"
	echo '[1]' > arr.json
	run -2 v --expect arr.json "$(tok)"
	assert_output "jwtool: verify: --expect file 'arr.json' holds a JSON array, not an object of claims"
	echo '{"a":' > bad.json
	run -2 v --expect bad.json "$(tok)"
	assert_output --partial "--expect file: invalid JSON"
	echo '{}' > e.json
	run -2 v --expect e.json --expect e.json "$(tok)"
	assert_output "jwtool: verify: --expect given twice"
}

@test "--expect - reads stdin, but not together with the token" {
	echo '{"sub":"a"}' > want.json
	run -0 v -q --expect - "$(tok --sub a)" < want.json
	run -2 v --expect - - < want.json
	assert_output "jwtool: verify: --expect and the tokens cannot both come from stdin"
	run -2 jwtool verify -k - --expect - "$(tok)" < want.json
	assert_output "jwtool: verify: the key and --expect cannot both come from stdin"
}

# --- every failure, in order --------------------------------------------

@test "every failure is reported in the documented order; the status is the first" {
	t=$(tok --header 'crit:=["x"]' --header x:=1 --exp $((NOW - 60)) --nbf $((NOW + 60)) --iss evil)
	run -3 v --iss good --require jti "$t"
	assert_line --index 0 "jwtool: verify: header 'crit' names 'x', an extension jwtool does not understand"
	assert_line --index 1 --partial "jwtool: verify: token expired 1m 0s ago"
	assert_line --index 2 --partial "jwtool: verify: token is not valid for another 1m 0s"
	assert_line --index 3 "jwtool: verify: issuer 'evil' is not accepted (--iss 'good')"
	assert_line --index 4 "jwtool: verify: claim 'jti' is missing (--require)"
	assert_equal "${#lines[@]}" 5
	t=$(tok --nbf $((NOW + 60)) --iss evil)
	run -5 v --iss good "$t"
	run -6 v --iss good "$(tok --iss evil)"
}

@test "no claim verdict on a token whose signature fails" {
	printf 'another-secret-that-is-long-enough-1234' > other
	t=$(tok --iss evil --exp $((NOW - 60)))
	run -1 jwtool verify -k other --alg HS256 --now $NOW --iss good --json "$t"
	run -0 codes
	assert_output "signature"
}

# --- --jws --------------------------------------------------------------

@test "--jws verifies any payload and prints its bytes as they are" {
	t=$(hs256 '{"alg":"HS256"}' 'hello, world' "$KEYS/hs256.key")
	run -3 v "$t"
	assert_output "jwtool: verify: the payload is not a JSON object of claims (payload: invalid JSON: expected a value at byte 0); --jws verifies a JWS with any payload"
	v --jws "$t" > out
	run -0 od -An -c out
	assert_output "   h   e   l   l   o   ,       w   o   r   l   d"
	t=$(hs256 '{"alg":"HS256"}' '{ "a" : 1 }' "$KEYS/hs256.key")
	v --jws "$t" > out
	run -0 cat out
	assert_output '{ "a" : 1 }'
}

@test "--jws checks the signature, the header and --typ, never claims" {
	t=$(hs256 '{"alg":"HS256","typ":"JOSE"}' '{"exp":0}' "$KEYS/hs256.key")
	run -0 v -q --jws "$t"
	run -0 v -q --jws --typ jose "$t"
	run -6 v --jws --typ JWT "$t"
	printf 'another-secret-that-is-long-enough-1234' > other
	run -1 jwtool verify --jws -k other --alg HS256 "$t"
	t=$(hs256 '{"alg":"HS256","crit":["z"],"z":1}' 'x' "$KEYS/hs256.key")
	run -3 v --jws "$t"
}

@test "--jws with a claim option is a usage error" {
	t=$(hs256 '{"alg":"HS256"}' 'x' "$KEYS/hs256.key")
	for o in "--iss a" "--aud a" "--sub a" "--max-age 1h" "--ignore-aud" \
	    "--require a" "--claim a=b"; do
		run -2 v --jws $o "$t"
		assert_output "jwtool: verify: ${o%% *} checks claims, and --jws verifies a payload that has none"
	done
	echo '{}' > e.json
	run -2 v --jws --expect e.json "$t"
	assert_output --partial "--expect checks claims"
}

@test "--jws --json shows a text payload as a string" {
	t=$(hs256 '{"alg":"HS256"}' 'hello' "$KEYS/hs256.key")
	run -0 v --jws --json "$t"
	assert_output '{"valid":true,"alg":"HS256","kid":null,"errors":[],"header":{"alg":"HS256"},"payload":"hello"}'
}

# --- --json -------------------------------------------------------------

@test "--json on success: the verdict, header and payload, numbers intact" {
	t=$(tok --sub a --claim n:=12345678901234567890)
	run -0 --separate-stderr v --json "$t"
	assert_output '{"valid":true,"alg":"HS256","kid":null,"errors":[],"header":{"alg":"HS256","typ":"JWT"},"payload":{"n":12345678901234567890,"sub":"a","iat":1795867200}}'
	assert_equal "$stderr" ""
}

@test "--json on failure: errors with codes, claim, by_seconds; nothing on stderr" {
	t=$(tok --exp $((NOW - 3600)))
	run -4 --separate-stderr v --json "$t"
	assert_equal "$stderr" ""
	run -0 jq -c '.valid, .errors' <<<"$output"
	assert_line --index 0 false
	assert_line --index 1 '[{"code":"expired","status":4,"claim":"exp","message":"token expired 1h 0m ago (exp 2026-11-28T11:00:00Z, now 2026-11-28T12:00:00Z)","by_seconds":3600}]'
}

@test "--json: expected and actual values for a mismatch" {
	run -6 v --json --iss a --iss b "$(tok --iss c)"
	run -0 jq -c '.errors[0] | [.code, .claim, .expected, .actual]' <<<"$output"
	assert_output '["issuer","iss",["a","b"],"c"]'
}

@test "--json: header and payload only when the signature verified" {
	printf 'another-secret-that-is-long-enough-1234' > other
	run -1 jwtool verify -k other --alg HS256 --json "$(tok)"
	run -0 jq -c 'keys' <<<"$output"
	assert_output '["alg","errors","kid","valid"]'
	run -4 v --json "$(tok --exp 1)"
	run -0 jq -c 'keys' <<<"$output"
	assert_output '["alg","errors","header","kid","payload","valid"]'
}

@test "--json on a malformed token is a verdict too (exit 3)" {
	run -3 --separate-stderr v --json a.b
	assert_output '{"valid":false,"alg":null,"kid":null,"errors":[{"code":"malformed","status":3,"claim":null,"message":"malformed token: expected 3 segments separated by '"'.'"', found 2"}]}'
	assert_equal "$stderr" ""
}

@test "--json: with a JWKS, kid is the key that verified" {
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --kid ed-1 --now $NOW)
	run -0 jwtool verify -k "$KEYS/pub.jwks" --now $NOW --json "$t"
	run -0 jq -r .kid <<<"$output"
	assert_output ed-1
	# a token without kid: the key that matched names itself
	t=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW)
	run -0 jwtool verify -k "$KEYS/hs.jwks" --now $NOW --json "$t"
	run -0 jq -r .kid <<<"$output"
	assert_output hs-1
}

@test "--json and -q together are a usage error" {
	run -2 v --json -q "$(tok)"
	assert_output "jwtool: verify: -q and --json: choose one"
}

@test "--json is pretty on a terminal unless --compact" {
	t=$(tok)
	run -0 script -qec "jwtool verify -k '$KEYS/hs256.key' --alg HS256 --now $NOW --json $t" /dev/null
	assert_line --index 1 --partial '  "valid": true,'
	run -0 script -qec "jwtool verify -k '$KEYS/hs256.key' --alg HS256 --now $NOW --json --compact $t" /dev/null
	assert_output --partial '{"valid":true,'
}

# --- every JSON error code, with its exit status ---------------------------

@test "error codes: signature, alg_none, alg_not_allowed, alg_unknown, no_key (exit 1)" {
	printf 'another-secret-that-is-long-enough-1234' > other
	run -1 jwtool verify -k other --alg HS256 --json "$(tok)"
	run -0 codes; assert_output signature
	run -1 v --json "$(b64url '{"alg":"none"}').$(b64url '{}')."
	run -0 codes; assert_output alg_none
	run -1 v --json --alg HS512 "$(tok)"
	run -0 codes; assert_output alg_not_allowed
	run -1 v --json "$(unsigned_token '{"alg":"XY1"}' '{}')"
	run -0 codes; assert_output alg_unknown
	run -1 jwtool verify -k "$KEYS/hs.jwks" --json "$(tok --kid zz)"
	run -0 codes; assert_output no_key
}

@test "error codes: key and weak_key (exit 7)" {
	run -7 jwtool verify -k "$KEYS/short.key" --alg HS256 --json "$(jwtool sign -k "$KEYS/short.key" --allow-weak-key 2>/dev/null)"
	run -0 codes; assert_output weak_key
	# HS384 needs the OpenSSL backend; a copy of jwtool without it cannot
	mkdir bin && cp "$JWTOOL_NATIVE" bin/
	t=$(jwtool sign -k "$KEYS/hs512.b64" --alg HS384 --now $NOW)
	run -7 --separate-stderr bin/jwtool verify -k "$KEYS/hs512.b64" --alg HS384 --now $NOW --json "$t"
	assert_equal "$stderr" ""
	run -0 codes; assert_output key
	run -7 bin/jwtool verify -k "$KEYS/hs512.b64" --alg HS384 --now $NOW "$t"
	assert_output "jwtool: verify: the OpenSSL backend (jwtool-openssl.so) could not be loaded"
}

@test "error codes: malformed, payload, crit, b64, malformed_header, malformed_claim (exit 3)" {
	run -3 v --json x.y
	run -0 codes; assert_output malformed
	run -3 v --json "$(hs256 '{"alg":"HS256"}' '[1]' "$KEYS/hs256.key")"
	run -0 codes; assert_output payload
	run -3 v --json "$(tok --header 'crit:=[]')"
	run -0 codes; assert_output crit
	run -3 v --json "$(tok --header b64:=false)"
	run -0 codes; assert_output b64
	run -3 v --json "$(tok --header 'kid:={}')"
	run -0 codes; assert_output malformed_header
	run -3 v --json "$(tok --claim exp=soon)"
	run -0 codes; assert_output malformed_claim
}

@test "error codes: expired, too_old (exit 4); not_yet_valid, issued_in_future (exit 5)" {
	run -4 v --json "$(tok --exp $((NOW - 1)))"
	run -0 codes; assert_output expired
	run -4 v --json --max-age 10 "$(tok --iat $((NOW - 11)))"
	run -0 codes; assert_output too_old
	run -4 v --json --max-age 10 "$(tok --iat $((NOW - 11)))"
	run -0 jq -c '.errors[0] | [.code, .claim, .by_seconds]' <<<"$output"
	assert_output '["too_old","iat",1]'
	run -5 v --json "$(tok --nbf $((NOW + 1)))"
	run -0 codes; assert_output not_yet_valid
	run -5 v --json "$(tok --iat $((NOW + 1)))"
	run -0 codes; assert_output issued_in_future
}

@test "error codes of claim checks (exit 6)" {
	run -6 v --json --require jti "$(tok)"
	run -0 codes; assert_output missing_claim
	run -6 v --json --iss a "$(tok --iss b)"
	run -0 codes; assert_output issuer
	run -6 v --json --aud a "$(tok --aud b)"
	run -0 codes; assert_output audience
	run -6 v --json "$(tok --aud b)"
	run -0 codes; assert_output audience_unchecked
	run -6 v --json --sub a "$(tok --sub b)"
	run -0 codes; assert_output subject
	run -6 v --json --typ at+jwt "$(tok)"
	run -0 codes; assert_output type
	run -6 v --json --claim a=1 "$(tok --claim a=2)"
	run -0 codes; assert_output claim_mismatch
	echo '{"a":"1"}' > e.json
	run -6 v --json --expect e.json "$(tok --claim a=2)"
	run -0 codes; assert_output expect_mismatch
}

# --- exit statuses that are not verdicts --------------------------------

@test "exit 2, 7 and 8 outside verdicts: usage, key, I/O" {
	run -2 v --bogus "$(tok)"
	run -7 jwtool verify -k nokey "$(tok)"
	assert_output "jwtool: verify: cannot open key 'nokey': No such file or directory"
	run -8 v --json nofile
	assert_output "jwtool: verify: cannot open token file 'nofile': no such file, and it is not a token"
}
