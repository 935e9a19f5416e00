#!/usr/bin/env bats
# Interoperability: RFC vectors, the openssl CLI and PyJWT.

load helpers/common

vec() { jq -r "$2" "$VECTORS/rfc/$1.json"; }

@test "RFC 7515 A.1 (HS256) verifies with a clock before its exp" {
	vec rfc7515_A1_HS256 .key > k.jwk
	run -0 jwtool verify -k k.jwk --now 1300819379 "$(vec rfc7515_A1_HS256 .token)"
	assert_output '{"iss":"joe","exp":1300819380,"http://example.com/is_root":true}'
	run -4 jwtool verify -k k.jwk --now 1300819380 "$(vec rfc7515_A1_HS256 .token)"
}

@test "RFC 7519 3.1 (HS256) verifies" {
	vec rfc7515_A1_HS256 .key > k.jwk
	run -0 jwtool verify -q -k k.jwk --now 1300819379 "$(vec rfc7519_3.1_HS256 .token)"
}

@test "RFC 8037 A.4 (Ed25519) verifies with the public and the private JWK" {
	# (re-signing it byte for byte is in tests/unit/test_crypto.c)
	vec rfc8037_A4_EdDSA .public_key > pub.jwk
	vec rfc8037_A4_EdDSA .key > priv.jwk
	t=$(vec rfc8037_A4_EdDSA .token)
	run -0 jwtool verify --jws -k pub.jwk "$t"
	assert_output "Example of Ed25519 signing"
	run -0 jwtool verify --jws -k priv.jwk "$t"
	# its payload is text, not claims: a JWT verify says so, after the
	# signature
	run -3 jwtool verify -k pub.jwk "$t"
	assert_output --partial "the payload is not a JSON object"
	run -1 jwtool verify --jws -k "$KEYS/ed25519.pub.jwk" "$t"
	assert_output --partial "signature does not match"
}

@test "RFC 7515 A.5 and RFC 7519 6.1 (alg none) are rejected" {
	vec rfc7515_A1_HS256 .key > k.jwk
	run -1 jwtool verify -k k.jwk "$(vec rfc7515_A5_none .token)"
	assert_output --partial "unsecured token (alg 'none') is never accepted"
	run -1 jwtool verify -k k.jwk "$(vec rfc7519_6.1_unsecured .token)"
}

@test "HS256: openssl computes the same MAC as jwtool" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW --sub peer)
	mac=$(printf '%s' "${t%.*}" | openssl dgst -sha256 -mac HMAC \
	    -macopt "key:$(cat "$KEYS/hs256.key")" -binary | base64 -w0 |
	    tr '+/' '-_' | tr -d =)
	assert_equal "${t##*.}" "$mac"
}

@test "HS384 and HS512: openssl computes the same MACs" {
	head -c 64 /dev/urandom | od -An -tx1 | tr -d ' \n' > k.hex
	for n in 384 512; do
		t=$(jwtool sign --key-format hex -k k.hex --alg HS$n --now $NOW)
		mac=$(printf '%s' "${t%.*}" | openssl dgst -sha$n -mac HMAC \
		    -macopt "hexkey:$(cat k.hex)" -binary | base64 -w0 |
		    tr '+/' '-_' | tr -d =)
		assert_equal "${t##*.}" "$mac"
	done
}

@test "HS256: jwtool verifies a token whose MAC openssl made" {
	t=$(hs256 '{"alg":"HS256","typ":"JWT"}' '{"sub":"openssl"}' "$KEYS/hs256.key")
	run -0 jwtool verify -k "$KEYS/hs256.key" --alg HS256 "$t"
	assert_output '{"sub":"openssl"}'
}

@test "EdDSA: openssl verifies jwtool's signature" {
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --now $NOW --sub peer)
	printf '%s' "${t%.*}" > msg
	printf '%s' "${t##*.}" | tr -- '-_' '+/' | base64 -d > sig 2>/dev/null ||
	    printf '%s==' "${t##*.}" | tr -- '-_' '+/' | base64 -d > sig
	[ "$(stat -c %s sig)" -eq 64 ]
	run -0 openssl pkeyutl -verify -pubin -inkey "$KEYS/ed25519.pub.pem" \
	    -rawin -in msg -sigfile sig
	assert_output --partial "Signature Verified Successfully"
}

@test "EdDSA: jwtool verifies a signature openssl made" {
	si="$(b64url '{"alg":"EdDSA"}').$(b64url '{"sub":"openssl"}')"
	printf '%s' "$si" > msg
	openssl pkeyutl -sign -inkey "$KEYS/ed25519.pem" -rawin -in msg -out sig
	t="$si.$(base64 -w0 sig | tr '+/' '-_' | tr -d =)"
	run -0 jwtool verify -k "$KEYS/ed25519.pub.pem" "$t"
	assert_output '{"sub":"openssl"}'
}

@test "PyJWT verifies an HS256 token from jwtool, claims and all" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --sub py --aud api --exp +1h --iss me)
	run -0 "$PYTHON" -c '
import jwt, sys
key = open(sys.argv[1], "rb").read()
c = jwt.decode(sys.argv[2], key, algorithms=["HS256"], audience="api", issuer="me")
print(c["sub"])' "$KEYS/hs256.key" "$t"
	assert_output py
}

@test "jwtool verifies an HS512 token from PyJWT" {
	head -c 64 /dev/urandom > k64
	t=$("$PYTHON" -c '
import jwt, sys
print(jwt.encode({"sub": "py", "n": 9007199254740993}, open(sys.argv[1], "rb").read(), algorithm="HS512"))' k64)
	run -0 jwtool verify -k k64 --alg HS512 "$t"
	assert_output '{"sub":"py","n":9007199254740993}'
}
