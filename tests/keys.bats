#!/usr/bin/env bats
# Key loading: formats detected and forced, sources, refusals.

load helpers/common

@test "an HMAC secret loads raw, base64, base64url and hex alike" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW)
	base64 -w0 "$KEYS/hs256.key" > s.b64
	base64 -w0 "$KEYS/hs256.key" | tr '+/' '-_' | tr -d = > s.b64u
	od -An -tx1 "$KEYS/hs256.key" | tr -d ' \n' > s.hex
	run -0 jwtool verify -q --key-format base64 -k s.b64 --now $NOW "$t"
	run -0 jwtool verify -q --key-format base64url -k s.b64u --now $NOW "$t"
	run -0 jwtool verify -q --key-format hex -k s.hex --now $NOW "$t"
	run -0 jwtool verify -q --key-format raw -k "$KEYS/hs256.key" --now $NOW "$t"
}

@test "a badly encoded secret is exit 7" {
	echo 'zz' > s.hex
	run -7 jwtool sign --key-format hex -k s.hex
	assert_output "jwtool: sign: key 's.hex': not a valid hex secret"
	echo '!!!' > s.b64
	run -7 jwtool sign --key-format base64 -k s.b64
	run -7 jwtool sign --key-format base64url -k s.b64
}

@test "an unknown --key-format is a usage error" {
	run -2 jwtool sign --key-format ssh -k "$KEYS/hs256.key"
	assert_output "jwtool: sign: unknown key format 'ssh' (expected one of: raw base64 base64url hex jwk jwks pem der)"
}

@test "an oct JWK is an HMAC secret" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW)
	run -0 jwtool verify -q -k "$KEYS/hs256.jwk" --now $NOW "$t"
	run -0 jwtool verify -q --key-format jwk -k "$KEYS/hs256.jwk" --now $NOW "$t"
}

@test "Ed25519 loads from PKCS#8 and SPKI PEM, DER, and OKP JWK" {
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --now $NOW)
	for k in ed25519.pub.pem ed25519.pub.der ed25519.pub.jwk ed25519.jwk ed25519.pem ed25519.der; do
		run -0 jwtool verify -q -k "$KEYS/$k" --now $NOW "$t"
	done
	run -0 jwtool verify -q --key-format der -k "$KEYS/ed25519.pub.der" --now $NOW "$t"
	run -0 jwtool verify -q --key-format pem -k "$KEYS/ed25519.pub.pem" --now $NOW "$t"
}

@test "the other Ed25519 key does not verify" {
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --now $NOW)
	run -1 jwtool verify -k "$KEYS/ed25519-other.pem" "$t"
	assert_output "jwtool: verify: signature does not match (EdDSA, 1 key tried)"
}

@test "an Ed25519 JWK whose d does not match x is exit 7" {
	jq -c '.x="11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"' "$KEYS/ed25519.jwk" > bad.jwk
	run -7 jwtool sign -k bad.jwk
	assert_output --partial "does not match 'x'"
}

@test "JWK errors name the member" {
	echo '{"kty":"oct"}' > a.jwk
	run -7 jwtool sign -k a.jwk
	assert_output "jwtool: sign: key 'a.jwk': oct JWK has no 'k' member"
	echo '{"k":"abc"}' > b.jwk
	run -7 jwtool sign -k b.jwk
	assert_output "jwtool: sign: key 'b.jwk': JWK has no 'kty' member"
	echo '{"kty":"oct","k":"a+b"}' > c.jwk
	run -7 jwtool sign -k c.jwk
	assert_output --partial "JWK member 'k' is not base64url"
	echo '{"kty":"XYZ"}' > d.jwk
	run -7 jwtool sign -k d.jwk
	assert_output --partial "unknown JWK key type 'XYZ'"
	echo '{"kty":"OKP","crv":"X25519","x":"AA"}' > e.jwk
	run -7 jwtool sign -k e.jwk
	assert_output --partial "unsupported OKP curve 'X25519'"
	echo '{"kty":"oct","k":7}' > f.jwk
	run -7 jwtool sign -k f.jwk
	assert_output --partial "JWK member 'k' must be a string, not number"
}

@test "a JWK with duplicate members is refused" {
	echo '{"kty":"oct","k":"AAAA","k":"BBBB"}' > dup.jwk
	run -7 jwtool sign -k dup.jwk
	assert_output --partial "duplicate member 'k'"
}

@test "a JWKS without keys is exit 7" {
	echo '{"keys":[]}' > e.jwks
	run -7 jwtool verify -k e.jwks a.b.c
	assert_output --partial "JWKS holds no usable key"
	echo '{"keys":{}}' > f.jwks
	run -7 jwtool verify -k f.jwks a.b.c
	assert_output --partial "a JWKS needs a 'keys' array"
}

@test "an SSH public key is never an HMAC secret" {
	echo 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG example' > id.pub
	run -7 jwtool sign -k id.pub
	assert_output "jwtool: sign: key 'id.pub' looks like an OpenSSH public key: convert it to PEM (ssh-keygen -e -m PKCS8 -f FILE)"
}

@test "a truncated PEM is exit 7" {
	head -n 2 "$KEYS/ed25519.pem" > cut.pem
	run -7 jwtool sign -k cut.pem
	assert_output --partial "has no END line"
}

@test "secrets never appear in output or errors" {
	secret=$(cat "$KEYS/hs256.key")
	run -1 jwtool verify -k "$KEYS/hs256.key" --alg HS256 "$(unsigned_token '{"alg":"HS256"}' '{}')"
	refute_output --partial "$secret"
	run -7 jwtool sign -k "$KEYS/hs256.key" --alg HS512
	refute_output --partial "$secret"
}

@test "a binary secret that starts with '{' is a secret, not a broken JWK" {
	# one random secret in 256 starts with '{'; JSON is UTF-8 text
	printf '{\377\376\001%s' "$(head -c 28 /dev/zero | tr '\0' 'k')" > brace.key
	t=$(hs256 '{"alg":"HS256"}' '{"sub":"x"}' brace.key)
	run -0 jwtool verify -k brace.key --alg HS256 "$t"
	assert_output '{"sub":"x"}'
	run -0 jwtool verify -k brace.key --key-format raw "$t"
	# text that starts with '{' is still read as JSON
	printf '{"kty":"oct",' > text.jwk
	run -7 jwtool verify -k text.jwk "$t"
	assert_output --partial "jwtool: verify: key 'text.jwk': key: invalid JSON"
}
