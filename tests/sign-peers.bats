#!/usr/bin/env bats
# sign: tokens with every feature verify in real peers: the openssl CLI
# checks the signatures, PyJWT (python3-jwt) checks whole JWTs.

load helpers/common

# sig_bin TOKEN: the signature segment, decoded.
sig_bin() {
	local s=${1##*.}
	while [ $(( ${#s} % 4 )) -ne 0 ]; do s="$s="; done
	printf '%s' "$s" | tr -- '-_' '+/' | base64 -d
}

# ossl_hmac BITS KEYFILE TOKEN: openssl's HMAC of the signing input.
ossl_hmac() {
	printf '%s' "${3%.*}" | openssl dgst -sha"$1" -mac HMAC \
	    -macopt "hexkey:$(od -An -tx1 "$2" | tr -d ' \n')" -binary |
	    base64 -w0 | tr '+/' '-_' | tr -d =
}

# ossl_eddsa TOKEN: openssl verifies the Ed25519 signature with the public key.
ossl_eddsa() {
	printf '%s' "${1%.*}" > msg
	sig_bin "$1" > sig
	openssl pkeyutl -verify -pubin -inkey "$KEYS/ed25519.pub.pem" -rawin \
	    -in msg -sigfile sig
}

# pyjwt KEYFILE ALG TOKEN [AUD]: PyJWT's full check; prints the claims.
pyjwt() {
	"$PYTHON" -c '
import json, sys, jwt
key = open(sys.argv[1], "rb").read()
c = jwt.decode(sys.argv[3], key, algorithms=[sys.argv[2]],
    audience=sys.argv[4] if len(sys.argv) > 4 else None, issuer="ci",
    options={"require": ["exp", "iat", "iss"]})
print(json.dumps(c, separators=(",", ":"), sort_keys=True))' "$@"
}

@test "openssl computes the MAC of featureful HS256, HS384 and HS512 tokens" {
	head -c 64 /dev/urandom > k64
	echo '{"x":{"y":1}}' > c.json
	for n in 256 384 512; do
		t=$(jwtool sign -k k64 --alg HS$n --ttl 1h --claim x.z:=2 \
		    --claim r+=a --kid auto --header h:=[1] c.json)
		assert_equal "${t##*.}" "$(ossl_hmac $n k64 "$t")"
	done
}

@test "openssl verifies EdDSA tokens made with nested claims, x5c and from a round trip" {
	openssl req -new -x509 -key "$KEYS/ed25519.pem" -subj /CN=p -days 1 \
	    -out c.pem 2>/dev/null
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --ttl 1h --claim a.b.c:=1 --x5c c.pem \
	    --x5t c.pem --kid auto)
	run -0 ossl_eddsa "$t"
	assert_output --partial "Signature Verified Successfully"
	t2=$(jwtool decode "$t" | jq '.payload.a.b.c = 2' |
	    jwtool sign --from-decoded - -k "$KEYS/ed25519.pem")
	run -0 ossl_eddsa "$t2"
	assert_output --partial "Signature Verified Successfully"
	# a changed payload does not verify: the check can fail
	bad="${t2%%.*}.$(b64url '{"a":{"b":{"c":3}}}').${t2##*.}"
	run -1 ossl_eddsa "$bad"
	assert_output --partial "Signature Verification Failure"
}

@test "openssl verifies every token of an EdDSA batch" {
	printf '{"sub":"a"}\n{"sub":"b"}\n{"sub":"c"}\n' |
	    jwtool sign --batch -k "$KEYS/ed25519.pem" --ttl 1h > tokens
	assert_equal "$(wc -l < tokens)" 3
	while read -r t; do
		run -0 ossl_eddsa "$t"
		assert_output --partial "Signature Verified Successfully"
	done < tokens
}

@test "PyJWT accepts an HS256 token: iss, aud list, exp, nested and appended claims" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --iss ci --aud api --aud web --ttl 10m \
	    --claim org.id:=7 --claim roles+=admin --claim roles+=ops --jti auto)
	run -0 pyjwt "$KEYS/hs256.key" HS256 "$t" web
	assert_output --regexp '^\{"aud":\["api","web"\],"exp":[0-9]+,"iat":[0-9]+,"iss":"ci","jti":"[A-Za-z0-9_-]{22}","org":\{"id":7\},"roles":\["admin","ops"\]\}$'
}

@test "PyJWT rejects the wrong audience, and an expired token made with --allow-expired" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --iss ci --aud api --ttl 10m)
	run -1 pyjwt "$KEYS/hs256.key" HS256 "$t" other
	assert_output --partial "InvalidAudienceError"
	t=$(jwtool sign -k "$KEYS/hs256.key" --iss ci --exp -1m --allow-expired 2>/dev/null)
	run -1 pyjwt "$KEYS/hs256.key" HS256 "$t"
	assert_output --partial "ExpiredSignatureError"
}

@test "PyJWT accepts an EdDSA token with --kid auto and a refreshed token from --from-token" {
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --iss ci --ttl 1h --kid auto --sub s)
	run -0 pyjwt "$KEYS/ed25519.pub.pem" EdDSA "$t"
	assert_output --partial '"sub":"s"'
	old=$(jwtool sign -k "$KEYS/ed25519.pem" --iss ci --now 1700000000 --ttl 1h --sub old)
	run -1 pyjwt "$KEYS/ed25519.pub.pem" EdDSA "$old"
	assert_output --partial "ExpiredSignatureError"
	new=$(jwtool sign --from-token "$old" -k "$KEYS/ed25519.pem")
	run -0 pyjwt "$KEYS/ed25519.pub.pem" EdDSA "$new"
	assert_output --partial '"sub":"old"'
}

@test "PyJWT accepts every token of an HS256 batch" {
	printf '{"sub":"a"}\n{"sub":"b"}\n' |
	    jwtool sign --batch -k "$KEYS/hs256.key" --iss ci --aud api --ttl 1h > tokens
	while read -r t; do
		run -0 pyjwt "$KEYS/hs256.key" HS256 "$t" api
		assert_output --partial '"iss":"ci"'
	done < tokens
	assert_equal "$(wc -l < tokens)" 2
}

@test "PyJWT refuses the --unsecured token when it expects a signature" {
	t=$(jwtool sign --unsecured --iss ci --ttl 1h 2>/dev/null)
	run -1 pyjwt "$KEYS/hs256.key" HS256 "$t"
	assert_output --partial "InvalidAlgorithmError"
	# PyJWT reads it as alg none when told to skip verification
	run -0 "$PYTHON" -c '
import jwt, sys
print(jwt.get_unverified_header(sys.argv[1])["alg"])' "$t"
	assert_output none
}

@test "openssl verifies an RS256 token; PyJWT accepts RS256 and ES256 tokens" {
	openssl pkey -in "$KEYS/rsa2048.pem" -pubout -out rsa.pub 2>/dev/null
	t=$(jwtool sign -k "$KEYS/rsa2048.pem" --iss ci --ttl 1h --claim a.b:=1 --kid auto)
	printf '%s' "${t%.*}" > msg
	sig_bin "$t" > sig
	run -0 openssl dgst -sha256 -verify rsa.pub -signature sig msg
	assert_output "Verified OK"
	run -0 pyjwt rsa.pub RS256 "$t"
	assert_output --partial '"a":{"b":1}'
	openssl pkey -in "$KEYS/p256.pem" -pubout -out ec.pub 2>/dev/null
	t=$(jwtool sign -k "$KEYS/p256.pem" --iss ci --aud api --ttl 1h --sub ec)
	run -0 pyjwt ec.pub ES256 "$t" api
	assert_output --partial '"sub":"ec"'
}
