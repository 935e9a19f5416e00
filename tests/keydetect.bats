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
