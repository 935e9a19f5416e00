#!/usr/bin/env bats
# jwk: keys to JWK, JWKS and PEM and back, losslessly; RFC 7638 and RFC
# 9278 thumbprints; refusals.

load helpers/common

TYPES="ed25519 ed448 p256 p384 p521 secp256k1 rsa"

# der_of FILE: the DER of the key in FILE, private or public, as hex.
der_of() {
	if grep -q "PUBLIC KEY" "$1"; then
		openssl pkey -pubin -in "$1" -outform DER | od -An -tx1 | tr -d ' \n'
	else
		openssl pkey -in "$1" -outform DER | od -An -tx1 | tr -d ' \n'
	fi
}

# RFC 7638 section 3.1
RFC7638_JWK='{"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB","alg":"RS256","kid":"2011-04-29"}'
# RFC 8037 A.1 (private) and A.2 (public)
RFC8037_JWK='{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}'

@test "RFC 7638 section 3.1: the RSA thumbprint" {
	printf '%s\n' "$RFC7638_JWK" > rsa.jwk
	run -0 jwtool jwk --thumbprint rsa.jwk
	assert_output "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
	# the same key as PEM has the same thumbprint
	jwtool jwk --format pem rsa.jwk > rsa.pem
	run -0 jwtool jwk --thumbprint rsa.pem
	assert_output "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
}

@test "RFC 8037 A.3: the Ed25519 thumbprint, of the private and public key" {
	export JWK_PRIV=$RFC8037_JWK
	run -0 jwtool jwk --thumbprint env:JWK_PRIV
	assert_output "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
	run -0 bash -c 'jwtool jwk --public env:JWK_PRIV | jwtool jwk --thumbprint -'
	assert_output "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
}

@test "--thumbprint-uri prints the RFC 9278 URI" {
	printf '%s\n' "$RFC8037_JWK" > ed.jwk
	run -0 jwtool jwk --thumbprint-uri ed.jwk
	assert_output "urn:ietf:params:oauth:jwk-thumbprint:sha-256:kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
	run -0 jwtool jwk --thumbprint --thumbprint-uri ed.jwk
	assert_output "urn:ietf:params:oauth:jwk-thumbprint:sha-256:kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
}

@test "--thumbprint prints one line per key, JWKS members included" {
	printf '%s\n' "$RFC8037_JWK" > ed.jwk
	printf '%s\n' "$RFC7638_JWK" > rsa.jwk
	run -0 jwtool jwk --thumbprint ed.jwk rsa.jwk
	assert_output $'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k\nNzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs'
	jwtool jwk --format jwks ed.jwk rsa.jwk > set.jwks
	run -0 jwtool jwk --thumbprint set.jwks
	assert_output $'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k\nNzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs'
}

@test "PEM -> JWK -> PEM is lossless for every key type, private and public" {
	local t
	for t in $TYPES; do
		jwtool keygen -o "$t" "$t"
		jwtool jwk "$t.key" > "$t.jwk"
		run -0 jq -r 'has("d")' "$t.jwk"
		assert_output true
		jwtool jwk --format pem "$t.jwk" > "$t.back.key"
		assert_equal "$t: $(der_of "$t.back.key")" "$t: $(der_of "$t.key")"
		jwtool jwk --public "$t.key" > "$t.pub.jwk"
		run -0 jq -r 'has("d")' "$t.pub.jwk"
		assert_output false
		jwtool jwk --format pem "$t.pub.jwk" > "$t.back.pub"
		assert_equal "$t: $(der_of "$t.back.pub")" "$t: $(der_of "$t.pub")"
		# PEM to PEM rewrites a key as the same bytes
		run -0 jwtool jwk --format pem "$t.key"
		assert_equal "$output" "$(cat "$t.key")"
		run -0 jwtool jwk --format pem --public "$t.key"
		assert_equal "$output" "$(cat "$t.pub")"
	done
}

@test "keys of other formats convert: SEC1, PKCS#1, DER, certificates" {
	openssl ecparam -name prime256v1 -genkey -noout -out sec1.pem
	jwtool jwk sec1.pem > sec1.jwk
	jwtool jwk --format pem sec1.jwk > back.pem
	assert_equal "$(der_of back.pem)" "$(der_of sec1.pem)"
	run -0 bash -c 'jwtool jwk --format pem --key-format der \
	    "$KEYS/ed25519.der" | openssl pkey -noout -text'
	assert_line --partial "ED25519 Private-Key"
	run -0 jwtool jwk --format pem "$KEYS/rsa2048.pem"
	assert_line --index 0 "-----BEGIN PRIVATE KEY-----"
	run -0 bash -c 'openssl req -x509 -key "$KEYS/p256.pem" -subj /CN=t \
	    -days 1 -out c.pem 2>/dev/null && jwtool jwk c.pem | jq -r ".kty + \" \" + (has(\"d\") | tostring)"'
	assert_output "EC false"
}

@test "an encrypted key converts with --passphrase-file" {
	printf 'pw\n' > pass
	openssl pkey -in "$KEYS/p256.pem" -aes256 -passout pass:pw -out enc.pem
	run -7 jwtool jwk enc.pem
	assert_output "jwtool: jwk: key 'enc.pem' is encrypted: give its passphrase with --passphrase-file"
	run -0 jwtool jwk --format pem --passphrase-file pass enc.pem
	assert_equal "$output" "$(openssl pkey -in "$KEYS/p256.pem")"
}

@test "several keys merge into one JWKS; --kid auto names each" {
	jwtool keygen -o a p256
	jwtool keygen -o b ed25519
	run -0 bash -c 'jwtool jwk --format jwks --public --kid auto a.pub b.key |
	    jq -c "[.keys[] | [.kty, .kid == null, has(\"d\")]]"'
	assert_output '[["EC",false,false],["OKP",false,false]]'
	jwtool jwk --format jwks --public --kid auto a.key b.key > set.jwks
	run -0 jq -r '.keys[0].kid' set.jwks
	assert_output "$(jwtool jwk --thumbprint a.pub)"
	# verify picks the key by kid in the set
	run -0 --separate-stderr jwtool sign -k <(jwtool jwk --kid auto b.key) --sub x
	run -0 jwtool verify -k set.jwks "$output"
	run -2 jwtool jwk a.key b.key
	assert_output "jwtool: jwk: 2 keys make no single JWK: use --format jwks"
	run -2 jwtool jwk --format jwks --kid same a.key b.key
	assert_output "jwtool: jwk: --kid 'same' would name 2 keys alike: give one key, or --kid auto"
}

@test "--kid, --alg and --use set JWK members" {
	run -0 jwtool jwk --kid k1 --alg ES256 --use sig "$KEYS/p256.pem"
	run -0 jq -c '[.kid, .alg, .use]' <<<"$output"
	assert_output '["k1","ES256","sig"]'
	run -2 jwtool jwk --alg RS256 "$KEYS/p256.pem"
	assert_output --partial "jwtool: jwk: --alg RS256 does not fit the"
	run -2 jwtool jwk --use x "$KEYS/p256.pem"
	assert_output "jwtool: jwk: --use must be 'sig' or 'enc', not 'x'"
	run -2 jwtool jwk --format pem --kid k1 "$KEYS/p256.pem"
	assert_output "jwtool: jwk: --kid, --alg and --use are JWK members, PEM has no place for them"
	run -2 jwtool jwk --thumbprint --format jwks "$KEYS/p256.pem"
	assert_output "jwtool: jwk: --thumbprint prints thumbprints only: --format, --kid, --alg and --use do not apply"
}

@test "secrets: JWK yes, public part and PEM no" {
	run -0 jwtool jwk --key-format raw "$KEYS/hs256.key"
	run -0 jq -r .kty <<<"$output"
	assert_output oct
	run -7 jwtool jwk --format pem --key-format raw "$KEYS/hs256.key"
	assert_output "jwtool: jwk: an HMAC secret cannot be written as PEM (use --format jwk or jwks)"
	run -7 jwtool jwk --public --key-format raw "$KEYS/hs256.key"
	assert_output "jwtool: jwk: an HMAC secret has no public part"
}

@test "bad input: no key, missing file, junk, unknown format" {
	run -2 jwtool jwk
	assert_output "jwtool: jwk: no key: give one or more (a path, - or env:NAME)"
	# as for sign and verify, a key that cannot be read is unusable
	run -7 jwtool jwk nope.pem
	assert_output "jwtool: jwk: cannot open key 'nope.pem': No such file or directory"
	printf 'junk' > junk.pem
	run -7 jwtool jwk --key-format pem junk.pem
	assert_output --partial "jwtool: jwk: key 'junk.pem'"
	run -2 jwtool jwk --format xml "$KEYS/p256.pem"
	assert_output "jwtool: jwk: unknown --format 'xml' (pem, jwk or jwks)"
	run -2 jwtool jwk - - < /dev/null
	assert_output "jwtool: jwk: standard input (-) named twice"
}

@test "a private key on a terminal is written with a warning" {
	run -0 script -qec "jwtool jwk $KEYS/p256.pem" /dev/null
	assert_output --partial "jwtool: jwk: warning: writing a private key to the terminal (--public writes the public part only)"
	run -0 script -qec "jwtool jwk --public $KEYS/p256.pem" /dev/null
	refute_output --partial "warning"
}

@test "RFC 8410 section 10.3: the Ed25519 private key is written back as given" {
	printf '%s\n' '-----BEGIN PRIVATE KEY-----' \
	    'MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC' \
	    '-----END PRIVATE KEY-----' > rfc8410.pem
	run -0 jwtool jwk --format pem rfc8410.pem
	assert_equal "$output" "$(cat rfc8410.pem)"
	# and its public key as openssl derives it
	run -0 jwtool jwk --format pem --public rfc8410.pem
	assert_equal "$output" "$(openssl pkey -in rfc8410.pem -pubout)"
	run -0 bash -c 'jwtool jwk rfc8410.pem | jwtool jwk --format pem - | cmp - rfc8410.pem'
}
