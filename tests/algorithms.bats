#!/usr/bin/env bats
# Every algorithm: sign -> verify with every key form, the openssl CLI in
# both directions, and the RFC 7515 examples.

load helpers/common
load helpers/keys

@test "RS256 round-trips with every key form" { roundtrip RS256 "$KEYS/rsa2048.pem"; }
@test "RS384 round-trips with every key form" { roundtrip RS384 "$KEYS/rsa2048.pem"; }
@test "RS512 round-trips with every key form" { roundtrip RS512 "$KEYS/rsa2048.pem"; }
@test "PS256 round-trips with every key form" { roundtrip PS256 "$KEYS/rsa2048.pem"; }
@test "PS384 round-trips with every key form" { roundtrip PS384 "$KEYS/rsa2048.pem"; }
@test "PS512 round-trips with every key form" { roundtrip PS512 "$KEYS/rsa2048.pem"; }
@test "ES256 round-trips with every key form" { roundtrip ES256 "$KEYS/p256.pem"; }
@test "ES384 round-trips with every key form" { roundtrip ES384 "$KEYS/p384.pem"; }
@test "ES512 round-trips with every key form" { roundtrip ES512 "$KEYS/p521.pem"; }
@test "ES256K round-trips with every key form" { roundtrip ES256K "$KEYS/secp256k1.pem"; }
@test "EdDSA (Ed448) round-trips with every key form" { roundtrip EdDSA "$KEYS/ed448.pem"; }
@test "EdDSA (Ed25519) round-trips with every key form" { roundtrip EdDSA "$KEYS/ed25519.pem"; }

@test "sign's default algorithm follows the key" {
	for kv in rsa2048:RS256 p256:ES256 p384:ES384 p521:ES512 secp256k1:ES256K ed448:EdDSA ed25519:EdDSA; do
		run -0 --separate-stderr jwtool sign -k "$KEYS/${kv%%:*}.pem" --now $NOW
		run -0 jwtool decode --compact "$output"
		assert_output --partial "\"header\":{\"alg\":\"${kv#*:}\",\"typ\":\"JWT\"}"
	done
}

@test "a JWK's alg member is sign's default" {
	$KEYTOOL jwk "$KEYS/rsa2048.pem" | jq -c '.alg="PS384"' > k.jwk
	run -0 --separate-stderr jwtool sign -k k.jwk --now $NOW
	run -0 jwtool decode --compact "$output"
	assert_output --partial '"alg":"PS384"'
}

@test "every signature has the algorithm's size" {
	for kv in rsa2048:RS256:256 rsa2048:PS512:256 p256:ES256:64 p384:ES384:96 p521:ES512:132 secp256k1:ES256K:64 ed448:EdDSA:114 ed25519:EdDSA:64; do
		IFS=: read -r k alg n <<<"$kv"
		t=$(jwtool sign -k "$KEYS/$k.pem" --alg "$alg" --now $NOW)
		split_token "$t"
		run -0 stat -c %s sig
		assert_output "$n"
	done
}

# openssl_dgst_opts ALG: the openssl dgst options of a JWS algorithm.
openssl_dgst_opts() {
	local bits=${1:2:3}
	case $1 in
	PS*) echo "-sha$bits -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:$((bits / 8)) -sigopt rsa_mgf1_md:sha$bits" ;;
	*) echo "-sha$bits" ;;
	esac
}

@test "RS* and PS*: openssl verifies jwtool's signatures" {
	openssl pkey -in "$KEYS/rsa2048.pem" -pubout -out pub.pem
	for alg in RS256 RS384 RS512 PS256 PS384 PS512; do
		split_token "$(jwtool sign -k "$KEYS/rsa2048.pem" --alg $alg --now $NOW)"
		# shellcheck disable=SC2046
		run -0 openssl dgst $(openssl_dgst_opts $alg) -verify pub.pem -signature sig msg
		assert_output "Verified OK"
	done
}

@test "RS* and PS*: jwtool verifies openssl's signatures" {
	for alg in RS256 RS384 RS512 PS256 PS384 PS512; do
		si="$(b64url "{\"alg\":\"$alg\"}").$(b64url '{"sub":"openssl"}')"
		printf '%s' "$si" > msg
		# shellcheck disable=SC2046
		openssl dgst $(openssl_dgst_opts $alg) -sign "$KEYS/rsa2048.pem" -out sig msg
		run -0 jwtool verify -k "$KEYS/rsa2048.pub.pem" "$si.$(b64url_file sig)"
		assert_output '{"sub":"openssl"}'
	done
}

@test "PS256: a salt of another length than the hash is refused" {
	si="$(b64url '{"alg":"PS256"}').$(b64url '{"sub":"openssl"}')"
	printf '%s' "$si" > msg
	for salt in 20 64 max; do
		openssl dgst -sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:$salt \
		    -sign "$KEYS/rsa2048.pem" -out sig msg
		run -0 openssl dgst -sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:auto \
		    -verify "$KEYS/rsa2048.pub.pem" -signature sig msg
		run -1 jwtool verify -k "$KEYS/rsa2048.pub.pem" "$si.$(b64url_file sig)"
		assert_output "jwtool: verify: signature does not match (PS256, 1 key tried)"
	done
}

@test "PS256: an MGF1 hash other than the signature's is refused" {
	si="$(b64url '{"alg":"PS256"}').$(b64url '{"sub":"openssl"}')"
	printf '%s' "$si" > msg
	openssl dgst -sha256 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 \
	    -sigopt rsa_mgf1_md:sha1 -sign "$KEYS/rsa2048.pem" -out sig msg
	run -1 jwtool verify -k "$KEYS/rsa2048.pub.pem" "$si.$(b64url_file sig)"
	assert_output "jwtool: verify: signature does not match (PS256, 1 key tried)"
}

@test "an RS256 signature is not a PS256 one, nor the reverse" {
	t=$(jwtool sign -k "$KEYS/rsa2048.pem" --alg RS256 --now $NOW)
	forged="$(b64url '{"alg":"PS256"}').${t#*.}"
	run -1 jwtool verify -k "$KEYS/rsa2048.pub.pem" "$forged"
	assert_output "jwtool: verify: signature does not match (PS256, 1 key tried)"
	t=$(jwtool sign -k "$KEYS/rsa2048.pem" --alg PS256 --now $NOW)
	forged="$(b64url '{"alg":"RS256"}').${t#*.}"
	run -1 jwtool verify -k "$KEYS/rsa2048.pub.pem" "$forged"
	assert_output "jwtool: verify: signature does not match (RS256, 1 key tried)"
}

@test "ES*: openssl verifies jwtool's signatures (R || S made DER)" {
	for kv in p256:ES256:256 p384:ES384:384 p521:ES512:512 secp256k1:ES256K:256; do
		IFS=: read -r k alg bits <<<"$kv"
		openssl pkey -in "$KEYS/$k.pem" -pubout -out pub.pem
		split_token "$(jwtool sign -k "$KEYS/$k.pem" --now $NOW)"
		$KEYTOOL raw2der < sig > sig.der
		run -0 openssl dgst -sha$bits -verify pub.pem -signature sig.der msg
		assert_output "Verified OK"
	done
}

@test "ES*: jwtool verifies openssl's signatures (DER made R || S)" {
	for kv in p256:ES256:256:32 p384:ES384:384:48 p521:ES512:512:66 secp256k1:ES256K:256:32; do
		IFS=: read -r k alg bits n <<<"$kv"
		openssl pkey -in "$KEYS/$k.pem" -pubout -out pub.pem
		si="$(b64url "{\"alg\":\"$alg\"}").$(b64url '{"sub":"openssl"}')"
		printf '%s' "$si" > msg
		openssl dgst -sha$bits -sign "$KEYS/$k.pem" -out sig.der msg
		$KEYTOOL der2raw $n < sig.der > sig
		run -0 jwtool verify -k pub.pem "$si.$(b64url_file sig)"
		assert_output '{"sub":"openssl"}'
	done
}

@test "Ed448: openssl verifies jwtool's signature" {
	openssl pkey -in "$KEYS/ed448.pem" -pubout -out pub.pem
	split_token "$(jwtool sign -k "$KEYS/ed448.pem" --now $NOW)"
	run -0 openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in msg -sigfile sig
	assert_output --partial "Signature Verified Successfully"
}

@test "Ed448: jwtool verifies a signature openssl made" {
	openssl pkey -in "$KEYS/ed448.pem" -pubout -out pub.pem
	si="$(b64url '{"alg":"EdDSA"}').$(b64url '{"sub":"openssl"}')"
	printf '%s' "$si" > msg
	openssl pkeyutl -sign -inkey "$KEYS/ed448.pem" -rawin -in msg -out sig
	run -0 jwtool verify -k pub.pem "$si.$(b64url_file sig)"
	assert_output '{"sub":"openssl"}'
}

@test "a signature with one bit flipped fails for every algorithm" {
	for kv in rsa2048:RS256 rsa2048:PS256 p256:ES256 p521:ES512 secp256k1:ES256K ed448:EdDSA; do
		t=$(jwtool sign -k "$KEYS/${kv%%:*}.pem" --alg "${kv#*:}" --now $NOW)
		split_token "$t"
		# xor the low bit of byte 10, whatever it was
		b=$(od -An -tu1 -j10 -N1 sig | tr -d ' ')
		printf "\\$(printf '%03o' $((b ^ 1)))" |
		    dd of=sig bs=1 seek=10 conv=notrunc 2>/dev/null
		run -1 jwtool verify -k "$KEYS/${kv%%:*}.pem" "${t%.*}.$(b64url_file sig)"
		assert_output "jwtool: verify: signature does not match (${kv#*:}, 1 key tried)"
	done
}

vec() { jq -r "$2" "$VECTORS/rfc/$1.json"; }

@test "RFC 7515 A.2 (RS256) verifies with its key, before its exp" {
	vec rfc7515_A2_RS256 .public_key > pub.jwk
	run -0 jwtool verify -k pub.jwk --now 1300819379 "$(vec rfc7515_A2_RS256 .token)"
	assert_output '{"iss":"joe","exp":1300819380,"http://example.com/is_root":true}'
	run -4 jwtool verify -k pub.jwk --now 1300819380 "$(vec rfc7515_A2_RS256 .token)"
}

@test "RS*: jwtool's signatures are openssl's, byte for byte" {
	# RSASSA-PKCS1-v1_5 is deterministic (the RFC 7515 A.2 signature is
	# re-made byte for byte in tests/unit/test_crypto.c)
	for alg in RS256 RS384 RS512; do
		split_token "$(jwtool sign -k "$KEYS/rsa2048.pem" --alg $alg --now $NOW)"
		openssl dgst -sha${alg:2} -sign "$KEYS/rsa2048.pem" -out ossl.sig msg
		run -0 cmp sig ossl.sig
	done
}

@test "RFC 7515 A.3 (ES256) verifies" {
	vec rfc7515_A3_ES256 .public_key > pub.jwk
	run -0 jwtool verify -k pub.jwk --now 1300819379 "$(vec rfc7515_A3_ES256 .token)"
	assert_output '{"iss":"joe","exp":1300819380,"http://example.com/is_root":true}'
	vec rfc7515_A3_ES256 .key > k.jwk
	run -0 jwtool verify -q -k k.jwk --now 1300819379 "$(vec rfc7515_A3_ES256 .token)"
}

@test "RFC 7515 A.4 (ES512): the signature is good, the payload is text" {
	vec rfc7515_A4_ES512 .public_key > pub.jwk
	t=$(vec rfc7515_A4_ES512 .token)
	run -3 jwtool verify -k pub.jwk "$t"
	assert_output --partial "the payload is not a JSON object"
	refute_output --partial "signature"
	# the same token with its signature spoilt is a signature failure
	run -1 jwtool verify -k pub.jwk "${t%.*}.${t##*.}AA"
	assert_output --partial "signature is 133 bytes, ES512 needs 132"
}

@test "sign and verify --help list every algorithm and key format" {
	for c in sign verify; do
		run -0 jwtool $c --help
		assert_output --partial "algorithms: HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512,
  ES256, ES384, ES512, ES256K, EdDSA (Ed25519, Ed448)"
		assert_output --partial "JWK and JWKS (oct, RSA, EC, OKP); PEM or DER PKCS#8
  (encrypted: --passphrase-file), SPKI, PKCS#1, SEC1, X.509 certificate"
		assert_output --partial "--passphrase-file SRC"
	done
	run -0 jwtool decode --help
	refute_output --partial "algorithms:"
}
