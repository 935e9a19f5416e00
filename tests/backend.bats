#!/usr/bin/env bats
# The OpenSSL backend is loaded only by what needs it: HS256, HS512 and
# Ed25519 never touch libcrypto.

load helpers/common

# loads CMD...: run CMD (which must succeed) with the dynamic loader
# reporting on stderr the files it opens; LOADED is then 1 when one of them
# was jwtool-openssl.so, else 0.
loads() {
	run -0 --separate-stderr env LD_DEBUG=files "$@"
	local err=$stderr out=$output
	run -0 grep -c 'file=.*libsodium' <<<"$err"	# LD_DEBUG did report
	LOADED=1
	run grep -c 'jwtool-openssl\.so' <<<"$err"
	[ "$status" -eq 0 ] || LOADED=0
	output=$out
}

@test "the jwtool binary itself does not link libcrypto" {
	run -0 ldd "$JWTOOL_NATIVE"
	assert_output --partial "libsodium"
	refute_output --partial "libcrypto"
	run -0 ldd "${JWTOOL_NATIVE%/*}/jwtool-openssl.so"
	assert_output --partial "libcrypto"
}

@test "HS256, HS512 and Ed25519 never load the backend" {
	loads jwtool sign -k "$KEYS/hs256.key" --now $NOW
	assert_equal $LOADED 0
	loads jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$output"
	assert_equal $LOADED 0
	loads jwtool sign --key-format base64 -k "$KEYS/hs512.b64" --alg HS512 --now $NOW
	assert_equal $LOADED 0
	loads jwtool verify -q --key-format base64 -k "$KEYS/hs512.b64" --now $NOW "$output"
	assert_equal $LOADED 0
	for k in ed25519.pem ed25519.der ed25519.jwk; do
		loads jwtool sign -k "$KEYS/$k" --now $NOW
		assert_equal $LOADED 0
		loads jwtool verify -q -k "$KEYS/ed25519.pub.pem" --now $NOW "$output"
		assert_equal $LOADED 0
	done
}

@test "HS384, RSA, EC and Ed448 load the backend" {
	for k in rsa2048.pem p256.pem ed448.pem; do
		loads jwtool sign -k "$KEYS/$k" --now $NOW
		assert_equal $LOADED 1
	done
	loads jwtool sign -k "$KEYS/hs512.b64" --key-format base64 --alg HS384 --now $NOW
	assert_equal $LOADED 1
}

@test "without the backend, HS256 and EdDSA work and RS256 is a clear exit 7" {
	mkdir bin
	cp "$JWTOOL_NATIVE" bin/jwtool
	t=$(bin/jwtool sign -k "$KEYS/hs256.key" --now $NOW)
	run -0 bin/jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$t"
	t=$(bin/jwtool sign -k "$KEYS/ed25519.pem" --now $NOW)
	run -0 bin/jwtool verify -q -k "$KEYS/ed25519.pub.jwk" --now $NOW "$t"
	run -7 bin/jwtool sign -k "$KEYS/rsa2048.pem"
	assert_output "jwtool: sign: key '$KEYS/rsa2048.pem': the OpenSSL backend (jwtool-openssl.so) could not be loaded"
	t=$(jwtool sign -k "$KEYS/rsa2048.pem" --now $NOW)
	run -7 bin/jwtool verify -k "$KEYS/rsa2048.pub.pem" --now $NOW "$t"
	assert_output "jwtool: verify: key '$KEYS/rsa2048.pub.pem': the OpenSSL backend (jwtool-openssl.so) could not be loaded"
	run -7 bin/jwtool sign -k "$KEYS/hs512.b64" --key-format base64 --alg HS384
	assert_output "jwtool: sign: the OpenSSL backend (jwtool-openssl.so) could not be loaded"
}

@test "a backend of another ABI is refused" {
	mkdir bin
	cp "$JWTOOL_NATIVE" bin/jwtool
	# a shared object without the backend's symbol
	printf 'int unrelated(void) { return 0; }\n' > x.c
	cc -shared -fPIC -o bin/jwtool-openssl.so x.c
	run -7 bin/jwtool sign -k "$KEYS/rsa2048.pem"
	assert_output "jwtool: sign: key '$KEYS/rsa2048.pem': the OpenSSL backend (jwtool-openssl.so) does not match this jwtool"
}

@test "keygen secret and ed25519, and jwk of Ed25519 keys, never load the backend" {
	loads jwtool keygen -o - secret
	assert_equal $LOADED 0
	loads jwtool keygen -o e ed25519
	assert_equal $LOADED 0
	loads jwtool keygen --format jwks --kid auto -o j ed25519
	assert_equal $LOADED 0
	loads jwtool jwk --format pem e.key
	assert_equal $LOADED 0
	loads jwtool jwk --thumbprint e.pub
	assert_equal $LOADED 0
	loads jwtool keygen -o - p256
	assert_equal $LOADED 1
}

@test "without the backend, keygen ed25519 works and p256 is a clear exit 7" {
	mkdir bin
	cp "$JWTOOL_NATIVE" bin/jwtool
	run -0 bin/jwtool keygen -o e ed25519
	run -0 bin/jwtool jwk --format pem e.key
	run -7 bin/jwtool keygen -o p p256
	assert_output "jwtool: keygen: the OpenSSL backend (jwtool-openssl.so) could not be loaded"
	assert [ ! -e p.key ]
	run -7 bin/jwtool jwk --format pem "$KEYS/p256.pem"
	assert_output "jwtool: jwk: key '$KEYS/p256.pem': the OpenSSL backend (jwtool-openssl.so) could not be loaded"
}
