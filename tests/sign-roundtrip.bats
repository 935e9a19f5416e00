#!/usr/bin/env bats
# sign: round trips (--from-decoded, --from-token) and reproducibility.

load helpers/common

payload() {
	jwtool decode --compact "$1" | sed 's/^.*"payload":\(.*\),"signature":.*$/\1/'
}
header() {
	jwtool decode --compact "$1" | sed 's/^{"header":\(.*\),"payload":.*$/\1/'
}

@test "decode then sign --from-decoded gives back the same token: HS256, HS384, HS512" {
	head -c 64 /dev/urandom > k64
	for alg in HS256 HS384 HS512; do
		t=$(jwtool sign -k k64 --alg $alg --now $NOW --ttl 1h --iss me \
		    --aud a --aud b --claim n:=12345678901234567890 --claim f:=1.50 \
		    --claim 'o.p:=[1,{"q":null}]' --kid k1 --header x:=1E+400)
		run -0 jwtool sign --from-decoded <(jwtool decode "$t") -k k64 \
		    --alg $alg --now $NOW
		assert_output "$t"
	done
}

@test "decode then sign --from-decoded gives back the same token: EdDSA, from a pipe" {
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --now $NOW --ttl 1h --no-iat --no-typ --cty x)
	run -0 bash -c "jwtool decode '$t' | jwtool sign --from-decoded - -k '$KEYS/ed25519.pem' --now $NOW"
	assert_output "$t"
}

@test "a token from PyJWT comes back byte for byte (its header order kept)" {
	head -c 32 /dev/urandom > k
	t=$("$PYTHON" -c '
import jwt, sys
print(jwt.encode({"sub": "py", "exp": 1900000000, "n": [1, 2]}, open(sys.argv[1], "rb").read(),
    algorithm="HS256", headers={"kid": "p1"}))' k)
	run -0 jwtool sign --from-decoded <(jwtool decode "$t") -k k --now $NOW
	assert_output "$t"
}

@test "--from-decoded through jq: members kept, alg replaced, kid kept" {
	t=$(jwtool sign -k "$KEYS/hs256.jwk" --now $NOW --header z=1 --sub a)
	jwtool decode "$t" | jq '.payload.sub = "b" | .payload.role = "admin"' > d.json
	t2=$(jwtool sign --from-decoded d.json -k "$KEYS/ed25519.pem" --now $NOW)
	assert_equal "$(header "$t2")" '{"alg":"EdDSA","typ":"JWT","kid":"hs-1","z":"1"}'
	assert_equal "$(payload "$t2")" '{"sub":"b","iat":1795867200,"role":"admin"}'
	run -0 jwtool verify -q -k "$KEYS/ed25519.pub.pem" --now $NOW "$t2"
}

@test "--from-decoded: flags and --claim still apply; --kid overrides the kid" {
	t=$(jwtool sign -k "$KEYS/hs256.jwk" --now $NOW --sub a --ttl 1h)
	jwtool decode "$t" > d.json
	t2=$(jwtool sign --from-decoded d.json -k "$KEYS/hs256.key" --now $NOW \
	    --kid k2 --sub b --claim r+=x --ttl 2h --no-typ)
	assert_equal "$(header "$t2")" '{"alg":"HS256","kid":"k2"}'
	assert_equal "$(payload "$t2")" '{"sub":"b","exp":1795874400,"iat":1795867200,"r":["x"]}'
}

@test "--from-decoded adds no iat or typ the input did not have, but the key's kid" {
	echo '{"header":{"alg":"HS256"},"payload":{"a":1}}' > d.json
	run -0 jwtool sign --from-decoded d.json -k "$KEYS/hs256.jwk" --now $NOW
	assert_equal "$(header "$output")" '{"alg":"HS256","kid":"hs-1"}'
	assert_equal "$(payload "$output")" '{"a":1}'
}

@test "--from-decoded: a header without alg gets it first; no header is a new one" {
	echo '{"header":{"typ":"at+jwt"},"payload":{}}' > d.json
	t=$(jwtool sign --from-decoded d.json -k "$KEYS/hs256.key" --now $NOW)
	assert_equal "$(header "$t")" '{"alg":"HS256","typ":"at+jwt"}'
	echo '{"payload":{"a":1}}' > d.json
	t=$(jwtool sign --from-decoded d.json -k "$KEYS/hs256.key" --now $NOW)
	assert_equal "$(header "$t")" '{"alg":"HS256","typ":"JWT"}'
}

@test "--from-decoded refuses what is not decode's JSON (exit 3)" {
	echo '[1]' > d.json
	run -3 jwtool sign --from-decoded d.json -k "$KEYS/hs256.key"
	assert_output "jwtool: sign: --from-decoded: expected decode's JSON object, got array"
	echo '{"header":{},"payload":"text"}' > d.json
	run -3 jwtool sign --from-decoded d.json -k "$KEYS/hs256.key"
	assert_output "jwtool: sign: --from-decoded: 'payload' is string, not an object of claims"
	echo '{"header":[],"payload":{}}' > d.json
	run -3 jwtool sign --from-decoded d.json -k "$KEYS/hs256.key"
	assert_output "jwtool: sign: --from-decoded: 'header' is array, not an object"
	echo '{"header":{}}' > d.json
	run -3 jwtool sign --from-decoded d.json -k "$KEYS/hs256.key"
	assert_output --partial "'payload' is missing"
	echo '{"payload":{"a":1,"a":2}}' > d.json
	run -3 jwtool sign --from-decoded d.json -k "$KEYS/hs256.key"
	assert_output "jwtool: sign: --from-decoded: duplicate member 'a'"
	run -8 jwtool sign --from-decoded nope.json -k "$KEYS/hs256.key"
	assert_output --partial "cannot open decoded token 'nope.json'"
}

@test "--from-decoded keeps an expired exp only with --allow-expired" {
	echo '{"header":{"alg":"HS256"},"payload":{"exp":1700000000}}' > d.json
	run -2 jwtool sign --from-decoded d.json -k "$KEYS/hs256.key" --now $NOW
	assert_output --partial "exp 2023-11-14T22:13:20Z is not after now"
	run -0 --separate-stderr jwtool sign --from-decoded d.json -k "$KEYS/hs256.key" --now $NOW --allow-expired
	assert_equal "$(payload "$output")" '{"exp":1700000000}'
}

@test "--from-token moves iat to now and keeps the lifetime and the nbf offset" {
	old=$(jwtool sign -k "$KEYS/hs256.jwk" --now 1700000000 --ttl 1h --nbf -1m \
	    --sub s --header h=1 --claim n:=12345678901234567890)
	t=$(jwtool sign --from-token "$old" -k "$KEYS/hs256.jwk" --now $NOW)
	assert_equal "$(header "$t")" '{"alg":"HS256","typ":"JWT","kid":"hs-1","h":"1"}'
	assert_equal "$(payload "$t")" '{"n":12345678901234567890,"sub":"s","exp":1795870800,"nbf":1795867140,"iat":1795867200}'
	run -0 jwtool verify -q -k "$KEYS/hs256.jwk" --now $NOW "$t"
}

@test "--from-token: --ttl, --exp and --iat set the times explicitly" {
	old=$(jwtool sign -k "$KEYS/hs256.key" --now 1700000000 --ttl 1h)
	t=$(jwtool sign --from-token "$old" -k "$KEYS/hs256.key" --now $NOW --ttl 5m)
	assert_equal "$(payload "$t")" '{"exp":1795867500,"iat":1795867200}'
	t=$(jwtool sign --from-token "$old" -k "$KEYS/hs256.key" --now $NOW --exp +1d)
	assert_equal "$(payload "$t")" '{"exp":1795953600,"iat":1795867200}'
	t=$(jwtool sign --from-token "$old" -k "$KEYS/hs256.key" --now $NOW --iat +1m)
	assert_equal "$(payload "$t")" '{"exp":1795870860,"iat":1795867260}'
	t=$(jwtool sign --from-token "$old" -k "$KEYS/hs256.key" --now $NOW --no-iat)
	assert_equal "$(payload "$t")" '{"exp":1795870800}'
}

@test "--from-token without iat counts from nbf; with neither, exp stays" {
	old=$(jwtool sign -k "$KEYS/hs256.key" --now 1700000000 --no-iat --nbf now --ttl 1h)
	t=$(jwtool sign --from-token "$old" -k "$KEYS/hs256.key" --now $NOW)
	assert_equal "$(payload "$t")" '{"exp":1795870800,"nbf":1795867200}'
	old=$(jwtool sign -k "$KEYS/hs256.key" --now 1700000000 --no-iat --exp 1700003600)
	run -2 jwtool sign --from-token "$old" -k "$KEYS/hs256.key" --now $NOW
	assert_output --partial "exp 2023-11-14T23:13:20Z is not after now"
	t=$(jwtool sign --from-token "$old" -k "$KEYS/hs256.key" --now $NOW --ttl 1h)
	assert_equal "$(payload "$t")" '{"exp":1795870800}'
}

@test "--from-token reads a file or stdin, and a Bearer prefix" {
	old=$(jwtool sign -k "$KEYS/hs256.key" --now 1700000000 --sub f)
	echo "Bearer $old" > tok.txt
	a=$(jwtool sign --from-token tok.txt -k "$KEYS/hs256.key" --now $NOW)
	b=$(echo "$old" | jwtool sign --from-token - -k "$KEYS/hs256.key" --now $NOW)
	assert_equal "$a" "$b"
	assert_equal "$(payload "$a")" '{"sub":"f","iat":1795867200}'
}

@test "--from-token refuses a malformed token (3) and a payload that is not claims (3)" {
	run -3 jwtool sign --from-token a.b -k "$KEYS/hs256.key"
	assert_output --partial "malformed token: expected 3 segments"
	t="$(b64url '{"alg":"HS256"}').$(b64url 'text').c2ln"
	run -3 jwtool sign --from-token "$t" -k "$KEYS/hs256.key"
	assert_output "jwtool: sign: --from-token: the payload is not a JSON object of claims"
}

@test "--from-decoded and --from-token exclude each other, CLAIMS and --batch" {
	echo '{}' > c.json
	run -2 jwtool sign --from-decoded c.json --from-token x.y.z -k "$KEYS/hs256.key"
	assert_output "jwtool: sign: --from-decoded and --from-token contradict each other"
	run -2 jwtool sign --from-token x.y.z -k "$KEYS/hs256.key" c.json
	assert_output "jwtool: sign: --from-token takes its claims from the token: no CLAIMS file and no --batch"
	run -2 jwtool sign --from-decoded c.json --batch -k "$KEYS/hs256.key"
	assert_output "jwtool: sign: --from-decoded takes its claims from the token: no CLAIMS file and no --batch"
	run -2 jwtool sign --from-decoded - -k -
	assert_output --partial "only one input can come from stdin"
}

@test "reproducible: the same input and --now give the same bytes (HS256, EdDSA)" {
	certs() { openssl req -new -x509 -key "$KEYS/ed25519.pem" -subj /CN=r \
	    -days 1 -out c.pem 2>/dev/null; }
	certs
	echo '{"z":1,"a":{"b":2}}' > c.json
	for k in "$KEYS/hs256.key" "$KEYS/ed25519.pem"; do
		a=$(jwtool sign -k "$k" --now $NOW --ttl 1h --iss i --aud x --aud y \
		    --claim a.c:=3 --claim r+=1 --kid auto --x5c c.pem --x5t c.pem c.json)
		b=$(jwtool sign -k "$k" --now $NOW --ttl 1h --iss i --aud x --aud y \
		    --claim a.c:=3 --claim r+=1 --kid auto --x5c c.pem --x5t c.pem c.json)
		assert_equal "$a" "$b"
	done
	assert_equal "$(payload "$a")" '{"z":1,"a":{"b":2,"c":3},"r":["1"],"iss":"i","aud":["x","y"],"exp":1795870800,"iat":1795867200}'
}

@test "reproducible: a fixed HS256 token, checked against openssl's MAC" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW --ttl 1h --claim a.b:=1 --no-typ)
	assert_equal "$t" "$(hs256 '{"alg":"HS256"}' '{"a":{"b":1},"exp":1795870800,"iat":1795867200}' "$KEYS/hs256.key")"
}

@test "without --now, iat is the clock's time" {
	before=$(date +%s)
	t=$(jwtool sign -k "$KEYS/hs256.key")
	after=$(date +%s)
	iat=$(jwtool decode --compact "$t" | jq .payload.iat)
	assert [ "$iat" -ge $((before - 1)) ]	# time(2) may trail date(1) by a tick
	assert [ "$iat" -le "$after" ]
}

@test "with a key set, the kept header's kid chooses the signing key" {
	old=$(jwtool sign -k "$KEYS/set.jwks" --kid hs-1 --now 1700000000 --sub k)
	t=$(jwtool sign --from-token "$old" -k "$KEYS/set.jwks" --now $NOW)
	assert_equal "$(header "$t")" '{"alg":"HS256","typ":"JWT","kid":"hs-1"}'
	run -0 jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$t"
	t=$(jwtool sign --from-token "$old" -k "$KEYS/set.jwks" --kid hs-0 --now $NOW)
	assert_equal "$(header "$t")" '{"alg":"HS256","typ":"JWT","kid":"hs-0"}'
	run -7 jwtool sign --from-token "$old" -k "$KEYS/set.jwks" --kid nope
	assert_output "jwtool: sign: the key set holds no key with kid 'nope'"
}

@test "--from-token refuses times moved out of range" {
	t="$(b64url '{"alg":"HS256"}').$(b64url '{"iat":100,"exp":253402300000}').c2ln"
	run -2 jwtool sign --from-token "$t" -k "$KEYS/hs256.key" --now $NOW
	assert_output "jwtool: sign: claim 'exp' moved by 1795867100s is out of range"
}

@test "RS256 is deterministic: reproducible, and decode then sign gives the same token" {
	a=$(jwtool sign -k "$KEYS/rsa2048.pem" --now $NOW --ttl 1h --claim a.b:=1 --kid auto)
	b=$(jwtool sign -k "$KEYS/rsa2048.pem" --now $NOW --ttl 1h --claim a.b:=1 --kid auto)
	assert_equal "$a" "$b"
	run -0 jwtool sign --from-decoded <(jwtool decode "$a") -k "$KEYS/rsa2048.pem" --now $NOW
	assert_output "$a"
}

@test "ES256 and PS256 signatures are randomised: a round trip keeps header and payload" {
	for spec in "p256.pem ES256" "rsa2048.pem PS256"; do
		set -- $spec
		a=$(jwtool sign -k "$KEYS/$1" --alg $2 --now $NOW --sub x)
		c=$(jwtool decode "$a" | jwtool sign --from-decoded - -k "$KEYS/$1" --alg $2 --now $NOW)
		assert_equal "${c%.*}" "${a%.*}"
		run -0 jwtool verify -q -k "$KEYS/$1" --now $NOW "$c"
	done
}
