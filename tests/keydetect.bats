#!/usr/bin/env bats
# Key detection, from the other side of tests/hostile.bats: whatever is
# refused there for looking like a key or a document, a random secret
# (openssl rand, the bytes of a keygen secret) and a secret written as text never are.

load helpers/common

# roundtrip FILE: sign with FILE and verify with it as an HS256 secret.
roundtrip() {
	local t
	t=$(jwtool sign -k "$1" --sub x --now $NOW) || return 1
	run -0 jwtool verify -k "$1" --alg HS256 --now $NOW "$t"
	assert_output '{"sub":"x","iat":1795867200}'
}

@test "2000 random secrets of 32, 48 and 64 bytes are all secrets" {
	head -c $((700 * 32)) /dev/urandom | split -b 32 -a 3 - a.
	head -c $((700 * 48)) /dev/urandom | split -b 48 -a 3 - b.
	head -c $((600 * 64)) /dev/urandom | split -b 64 -a 3 - c.
	# one process loads them all: the thumbprint of each as an oct JWK
	run --separate-stderr -0 jwtool jwk --thumbprint a.* b.* c.*
	assert_equal "${#lines[@]}" 2000
	assert_equal "$stderr" ""
}

@test "secrets made by openssl rand, binary, base64 or hex, sign and verify" {
	for i in 1 2 3 4 5; do
		openssl rand -out "raw$i" 32
		roundtrip "raw$i"
		openssl rand -base64 32 > "b64-$i"
		roundtrip "b64-$i"
		openssl rand -hex 32 > "hex-$i"
		roundtrip "hex-$i"
		# 64 bytes: base64 over two lines
		openssl rand -base64 64 > "b64w-$i"
		[ "$(wc -l < "b64w-$i")" -eq 2 ]
		roundtrip "b64w-$i"
	done
}

@test "binary secrets that begin like a DER key, a byte order mark or markup are secrets" {
	# a SEQUENCE header of the secret's own length: one random 32-byte
	# secret in 65536 begins so
	{ printf '\060\036'; openssl rand 30; } > der.key
	roundtrip der.key
	{ printf '\060\056'; openssl rand 46; } > der48.key
	roundtrip der48.key
	{ printf '\060\076\002\001\000'; openssl rand 59; } > der64.key
	roundtrip der64.key
	{ printf '\377\376'; openssl rand 30; } > u16.key
	roundtrip u16.key
	{ printf '\357\273\277'; openssl rand 29; } > bom.key
	roundtrip bom.key
	{ printf '<html>\377'; openssl rand 25; } > lt.key
	roundtrip lt.key
	{ printf '[{\377'; openssl rand 29; } > bracket.key
	roundtrip bracket.key
}

@test "text secrets that begin like a tag, an array or an SSH key type are secrets" {
	printf '<3 my cat, whose name is long enough' > lt.txt
	roundtrip lt.txt
	printf '[1,2,3] is an array of 32 bytes or so' > arr.txt
	roundtrip arr.txt
	printf 'ssh-keys-are-not-what-this-secret-is' > ssh.txt
	roundtrip ssh.txt
}

# ---- verify uses a raw secret file only when told to ------------------------

# NEED: the refusal of a key file detected as raw secret bytes, for verify.
need() {
	printf "jwtool: verify: key '%s' would be used as a raw HMAC secret: say so with --alg HS256 (or HS384, HS512) or --key-format raw" "$1"
}

@test "verify with a raw secret file and no HS algorithm is exit 7, naming --alg" {
	openssl rand -out s.key 32
	t=$(jwtool sign -k s.key --now $NOW)
	run -7 jwtool verify -k s.key --now $NOW "$t"
	assert_output "$(need s.key)"
	refute_output --partial "$(od -An -tx1 s.key | tr -d ' \n' | head -c 8)"
	# --alg without an HS algorithm does not say so either
	run -7 jwtool verify -k s.key --alg RS256,EdDSA --now $NOW "$t"
	assert_output "$(need s.key)"
	# a text secret, from stdin and from the environment
	printf 'example-text-secret-of-thirty-two-bytes!' > text.key
	t=$(jwtool sign -k text.key --now $NOW)
	run -7 jwtool verify -k - --now $NOW "$t" < text.key
	assert_output "$(need stdin)"
	JWT_KEY=$(cat text.key) run -7 jwtool verify -k env:JWT_KEY --now $NOW "$t"
	assert_output "$(need env:JWT_KEY)"
	refute_output --partial "example-text"
}

@test "verify refuses before reading the token, in every mode" {
	openssl rand -out s.key 32
	t=$(jwtool sign -k s.key --now $NOW)
	printf '%s\n' "$t" > tokens.txt
	run -7 jwtool verify -k s.key no-such-token-file
	assert_output "$(need s.key)"
	run -7 jwtool verify -k s.key --batch --now $NOW tokens.txt
	assert_output "$(need s.key)"
	run -7 jwtool verify -k s.key --batch --now $NOW < tokens.txt
	assert_output "$(need s.key)"
	run -7 jwtool verify -k s.key --find --now $NOW tokens.txt
	assert_output "$(need s.key)"
	run -7 jwtool verify -k s.key --jws --now $NOW "$t"
	assert_output "$(need s.key)"
	run -7 jwtool verify -k s.key --json --now $NOW "$t"
	assert_output "$(need s.key)"
}

@test "a raw secret is used when --alg, --key-format, --secret or an oct JWK says so" {
	printf 'example-text-secret-of-sixty-four-bytes-for-hs512-0123456789abcd' > s.key
	t=$(jwtool sign -k s.key --sub x --now $NOW)
	run -0 jwtool verify -k s.key --alg HS256 --now $NOW "$t"
	assert_output '{"sub":"x","iat":1795867200}'
	run -0 jwtool verify -k s.key --alg RS256,HS256 -q --now $NOW "$t"
	run -0 jwtool verify -k s.key --key-format raw -q --now $NOW "$t"
	run -0 --separate-stderr jwtool verify --secret "$(cat s.key)" -q --now $NOW "$t"
	base64 -w0 s.key > s.b64
	run -0 jwtool verify -k s.b64 --key-format base64 -q --now $NOW "$t"
	jwtool jwk s.key > s.jwk
	run -0 jwtool verify -k s.jwk -q --now $NOW "$t"
	jwtool jwk --format jwks s.key > s.jwks
	run -0 jwtool verify -k s.jwks -q --now $NOW "$t"
	# each in every mode
	printf '%s\n' "$t" > tokens.txt
	run -0 jwtool verify -k s.key --alg HS256 --batch -q --now $NOW tokens.txt
	run -0 jwtool verify -k s.key --alg HS256 --find -q --now $NOW tokens.txt
	# HS512 tokens need HS512 named, as ever
	t=$(jwtool sign -k s.key --alg HS512 --now $NOW)
	run -0 jwtool verify -k s.key --alg HS512 -q --now $NOW "$t"
	run -1 jwtool verify -k s.key --alg HS256 -q --now $NOW "$t"
	assert_output "jwtool: verify: algorithm 'HS512' is not allowed by --alg"
}

@test "sign and jwk still take a raw secret file as it is" {
	openssl rand -out s.key 32
	run -0 --separate-stderr jwtool sign -k s.key --sub x --now $NOW
	assert_equal "$stderr" ""
	assert_equal "$(jwtool decode --compact "$output" | jq -c .header)" '{"alg":"HS256","typ":"JWT"}'
	run -0 jwtool verify -k s.key --alg HS256 -q --now $NOW "$output"
	run -0 jwtool jwk s.key
	assert_equal "$(jq -r .kty <<<"$output")" oct
}
