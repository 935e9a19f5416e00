#!/usr/bin/env bats
# No partial output: a failing command prints nothing on stdout (never half
# a token or half a document), and a failed write to stdout is exit 8.
# Files (sign -o): tests/sign-output.bats.

load helpers/common

tok() { jwtool sign -k "$KEYS/hs256.key" --now $NOW "$@"; }

@test "sign with an unusable key prints nothing on stdout" {
	printf 'short' > short.key
	run -7 --separate-stderr jwtool sign -k short.key --now $NOW
	assert_output ""
	assert_equal "$stderr" "jwtool: sign: the HS256 secret is 5 bytes; RFC 7518 section 3.2 wants at least 32 (--allow-weak-key accepts it)"
	run -7 --separate-stderr jwtool sign -k "$KEYS/ed25519.pub.pem" --now $NOW
	assert_output ""
	assert_equal "$stderr" "jwtool: sign: cannot sign with a public key (Ed25519 public key (PEM))"
	run -7 --separate-stderr jwtool sign -k "$KEYS/hs256.key" --alg EdDSA --now $NOW
	assert_output ""
	run -7 --separate-stderr jwtool sign -k "$KEYS/rsa1024.pem" --now $NOW
	assert_output ""
	assert_equal "$stderr" "jwtool: sign: the RSA key is 1024 bits; RFC 7518 section 3.3 wants at least 2048 (--allow-weak-key accepts it)"
	run -7 --separate-stderr jwtool sign -k "$KEYS/p256.pem" --alg ES384 --now $NOW
	assert_output ""
	assert_equal "$stderr" "jwtool: sign: algorithm ES384 cannot be used with the P-256 private key (PEM)"
	echo '{"kty":"oct","k":"AAAA","key_ops":["verify"]}' > vonly.jwk
	run -7 --separate-stderr jwtool sign -k vonly.jwk --allow-weak-key --now $NOW
	assert_output ""
	assert_equal "$stderr" "jwtool: sign: the key may not sign with HS256: the key's JWK 'key_ops' lack 'sign'"
	run -7 --separate-stderr jwtool sign -k missing.key --now $NOW
	assert_output ""
	assert_equal "$stderr" "jwtool: sign: cannot open key 'missing.key': No such file or directory"
}

@test "sign with bad claims prints nothing on stdout" {
	printf '{"a":1,"a":2}' > dup.json
	run -3 --separate-stderr jwtool sign -k "$KEYS/hs256.key" dup.json
	assert_output ""
	assert_equal "$stderr" "jwtool: sign: claims: duplicate member 'a'"
	run -2 --separate-stderr jwtool sign -k "$KEYS/hs256.key" --exp never
	assert_output ""
	run -8 --separate-stderr jwtool sign -k "$KEYS/hs256.key" nothing.json
	assert_output ""
}

@test "verify failures print nothing on stdout, whatever the status" {
	t=$(tok --exp +1h)
	printf 'another-secret-that-is-long-enough-1234' > other
	run -1 --separate-stderr jwtool verify -k other --alg HS256 --now $NOW "$t"
	assert_output ""
	run -3 --separate-stderr jwtool verify -k "$KEYS/hs256.key" --alg HS256 "${t%.*}"
	assert_output ""
	run -4 --separate-stderr jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $((NOW + 3600)) "$t"
	assert_output ""
	run -5 --separate-stderr jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $((NOW - 1)) "$t"
	assert_output ""
	run -7 --separate-stderr jwtool verify -k "$KEYS/short.key" --alg HS256 --now $NOW "$t"
	assert_output ""
	run -8 --separate-stderr jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW no-such-file
	assert_output ""
	run -2 --separate-stderr jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now soon "$t"
	assert_output ""
}

@test "decode and inspect of a malformed token print nothing on stdout" {
	for bad in 'a.b' 'e30.e30.e30.e30' "$(b64url '{"alg":1}').e30.sig" \
	    "$(b64url '{"alg":"HS256"}x').e30.sig" 'e30=.e30.sig'; do
		run -3 --separate-stderr jwtool decode "$bad"
		assert_output ""
		run -3 --separate-stderr jwtool inspect "$bad"
		assert_output ""
	done
}

@test "a full stdout is exit 8 for every command" {
	export NOW
	t=$(tok)
	run -8 bash -c 'jwtool sign -k "$KEYS/hs256.key" --now $NOW > /dev/full'
	assert_output "jwtool: sign: cannot write to stdout: No space left on device"
	run -8 bash -c 'jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$1" > /dev/full' _ "$t"
	assert_output "jwtool: verify: cannot write to stdout: No space left on device"
	run -8 bash -c 'jwtool decode "$1" > /dev/full' _ "$t"
	assert_output "jwtool: decode: cannot write to stdout: No space left on device"
	run -8 bash -c 'jwtool inspect "$1" > /dev/full' _ "$t"
	assert_output "jwtool: inspect: cannot write to stdout: No space left on device"
	run -8 bash -c 'jwtool --help > /dev/full'
	assert_output "jwtool: cannot write to stdout: No space left on device"
	run -8 bash -c 'jwtool sign --help > /dev/full'
	assert_output "jwtool: sign: cannot write to stdout: No space left on device"
}

@test "a full stdout is exit 8 when the output is larger than a buffer" {
	head -c 200000 /dev/zero | tr '\0' a > big.txt
	jq -Rn --rawfile s big.txt '{s: $s}' > big.json
	export NOW
	jwtool sign -k "$KEYS/hs256.key" --now $NOW big.json > big.jwt
	run -8 bash -c 'jwtool decode big.jwt > /dev/full'
	assert_output "jwtool: decode: cannot write to stdout: No space left on device"
	run -8 bash -c 'jwtool sign -k "$KEYS/hs256.key" --now $NOW big.json > /dev/full'
	assert_output "jwtool: sign: cannot write to stdout: No space left on device"
}

@test "a closed stdout is exit 8" {
	export NOW
	# the binary itself: valgrind opens files of its own on a closed fd 1
	run -8 bash -c '"$JWTOOL_NATIVE" sign -k "$KEYS/hs256.key" --now $NOW >&-'
	assert_output "jwtool: sign: cannot write to stdout: Bad file descriptor"
}

@test "a verify failure with a full stdout keeps its own status" {
	run -1 bash -c 'jwtool verify -k "$KEYS/short.key" --alg HS256 --allow-weak-key "$1" > /dev/full 2>&1' _ "$(tok)"
}
