#!/usr/bin/env bats
# keygen: every key type made, used by sign and verify, read by openssl;
# key files created exclusively with their modes; bad requests refused.

load helpers/common

TYPES="ed25519 ed448 p256 p384 p521 secp256k1 rsa"

@test "keygen makes every key type; sign and verify use the pair" {
	local t
	for t in $TYPES; do
		run -0 jwtool keygen -o "$t" "$t"
		assert_output ""
		run -0 --separate-stderr jwtool sign -k "$t.key" --sub alice \
		    --now "$NOW"
		local tok=$output
		run -0 jwtool verify -k "$t.pub" --now "$NOW" "$tok"
		# the public file cannot sign
		run -7 jwtool sign -k "$t.pub" --sub alice
		assert_output --partial "cannot sign with a public key"
	done
}

@test "keygen picks the algorithm sign uses from the key type" {
	local t want
	for t in "ed25519 EdDSA" "ed448 EdDSA" "p256 ES256" "p384 ES384" \
	    "p521 ES512" "secp256k1 ES256K" "rsa RS256"; do
		set -- $t
		jwtool keygen -o k "$1"
		run -0 bash -c 'jwtool sign -k k.key --sub a | jwtool decode - |
		    jq -r .header.alg'
		assert_output "$2"
		rm k.key k.pub
	done
}

@test "openssl pkey reads every private and public key keygen writes" {
	local t
	for t in $TYPES; do
		jwtool keygen -o "$t" "$t"
		run -0 openssl pkey -in "$t.key" -noout -text
		assert_line --partial "Private-Key"
		run -0 openssl pkey -pubin -in "$t.pub" -noout -text
		# the public key openssl derives is the one in the .pub file,
		# and openssl writes the private key back byte for byte
		run -0 bash -c "openssl pkey -in $t.key -pubout | cmp - $t.pub"
		run -0 bash -c "openssl pkey -in $t.key | cmp - $t.key"
		run -0 head -1 "$t.key"
		assert_output "-----BEGIN PRIVATE KEY-----"
		run -0 head -1 "$t.pub"
		assert_output "-----BEGIN PUBLIC KEY-----"
	done
}

@test "openssl verifies a signature made with a keygen key" {
	local tok sig
	jwtool keygen -o e ed25519
	tok=$(jwtool sign -k e.key --sub alice)
	printf '%s' "${tok%.*}" > si
	sig=$(printf '%s' "${tok##*.}" | tr -- '-_' '+/')
	# 64 bytes are 86 characters: two of padding make it base64
	printf '%s==' "$sig" | base64 -d > sig
	run -0 stat -c %s sig
	assert_output 64
	run -0 openssl pkeyutl -verify -pubin -inkey e.pub -rawin -in si \
	    -sigfile sig
	assert_output --partial "Signature Verified Successfully"
	# and refuses a flipped bit, so the check above means something
	printf 'x' >> si
	run -1 openssl pkeyutl -verify -pubin -inkey e.pub -rawin -in si \
	    -sigfile sig
}

@test "the RSA key has 3072 bits, or --bits" {
	jwtool keygen -o r rsa
	run -0 openssl pkey -in r.key -noout -text
	assert_line --partial "(3072 bit"
	jwtool keygen --bits 2048 -o s rsa
	run -0 openssl pkey -in s.key -noout -text
	assert_line --partial "(2048 bit"
}

@test "the EC keys are on their curves" {
	local t
	for t in "p256 prime256v1" "p384 secp384r1" "p521 secp521r1" \
	    "secp256k1 secp256k1"; do
		set -- $t
		jwtool keygen -o "$1" "$1"
		run -0 openssl pkey -in "$1.key" -noout -text
		assert_line "ASN1 OID: $2"
	done
}

@test "key files: private 0600, public 0644, whatever the umask" {
	umask 000
	jwtool keygen -o k p256
	run -0 stat -c %a k.key k.pub
	assert_output $'600\n644'
	umask 077
	jwtool keygen -o l ed25519
	run -0 stat -c %a l.key l.pub
	assert_output $'600\n644'
}

@test "an existing key file is not replaced without --force" {
	echo keep > k.key
	run -8 jwtool keygen -o k ed25519
	assert_output "jwtool: keygen: 'k.key' exists: not replaced (use --force to replace it)"
	run -0 cat k.key
	assert_output keep
	# nothing else was written either
	assert [ ! -e k.pub ]
	echo keep > m.pub
	run -8 jwtool keygen -o m ed25519
	assert_output "jwtool: keygen: 'm.pub' exists: not replaced (use --force to replace it)"
	assert [ ! -e m.key ]
	run -0 cat m.pub
	assert_output keep
}

@test "a symbolic link in the way is not followed" {
	echo target > target
	ln -s target k.key
	run -8 jwtool keygen -o k p256
	assert_output --partial "'k.key' exists: not replaced"
	run -0 cat target
	assert_output target
}

@test "--force replaces key files atomically, with their modes" {
	jwtool keygen -o k ed25519
	cp k.pub old.pub
	chmod 644 k.key
	run -0 jwtool keygen --force -o k ed25519
	run -1 cmp -s k.pub old.pub
	run -0 stat -c %a k.key k.pub
	assert_output $'600\n644'
	# no temporary file is left behind
	run -0 ls -A
	assert_output $'k.key\nk.pub\nold.pub'
	# a symbolic link is replaced, its target untouched
	echo target > target
	ln -sf target l.key
	run -0 jwtool keygen --force -o l p256
	run -0 cat target
	assert_output target
	assert [ ! -L l.key ]
}

@test "-o - writes the private key to stdout, and nothing else" {
	run -0 --separate-stderr jwtool keygen -o - p256
	assert_equal "$stderr" ""
	assert_line --index 0 "-----BEGIN PRIVATE KEY-----"
	printf '%s\n' "$output" > k.pem
	run -0 openssl pkey -in k.pem -noout
	run -0 find . -name '*.key' -o -name '*.pub'
	assert_output ""
}

@test "-o - on a terminal warns but writes" {
	command -v script >/dev/null || fail "script(1) is needed"
	run -0 script -qec "jwtool keygen -o - ed25519" /dev/null
	assert_output --partial "jwtool: keygen: warning: writing a private key to the terminal"
	assert_output --partial "-----BEGIN PRIVATE KEY-----"
}

@test "keygen without -o refuses: a private key is never discarded or shown" {
	run -2 jwtool keygen ed25519
	assert_output "jwtool: keygen: no output: give -o PREFIX (writes PREFIX.key and PREFIX.pub) or -o - (the private key on stdout)"
	run -0 ls -A
	assert_output ""
}

@test "secret: 32 random bytes as a JWK by default, one file only" {
	jwtool keygen -o s secret
	run -0 stat -c %a s.key
	assert_output 600
	assert [ ! -e s.pub ]
	run -0 jq -r '.kty + " " + (.k | length | tostring)' s.key
	assert_output "oct 43"
	run -0 --separate-stderr jwtool sign -k s.key --sub a --now "$NOW"
	run -0 jwtool verify -k s.key --now "$NOW" "$output"
	# two secrets differ
	jwtool keygen -o t secret
	run -1 cmp -s s.key t.key
}

@test "secret: --alg sets the length and the alg member; --bytes" {
	local a n
	for a in "HS256 43" "HS384 64" "HS512 86"; do
		set -- $a
		run -0 jwtool keygen --alg "$1" -o - secret
		run -0 jq -r '.alg + " " + (.k | length | tostring)' <<<"$output"
		assert_output "$1 $2"
	done
	run -0 bash -c 'jwtool keygen --bytes 100 -o - secret | jq -r .k'
	assert_equal "$(printf %s "$output" | wc -c)" 134
	jwtool keygen --alg HS512 -o s secret
	run -0 --separate-stderr jwtool sign -k s.key --sub a
	run -0 jwtool verify -k s.key --alg HS512 "$output"
}

@test "secret: PEM is refused" {
	run -7 jwtool keygen --format pem -o s secret
	assert_output "jwtool: keygen: an HMAC secret cannot be written as PEM (use --format jwk or jwks)"
	assert [ ! -e s.key ]
}

@test "bad --bytes values are refused" {
	run -2 jwtool keygen --bytes 16 -o - secret
	assert_output "jwtool: keygen: --bytes 16: HMAC secrets need at least 32 bytes (RFC 7518 section 3.2)"
	run -2 jwtool keygen --bytes 32 --alg HS512 -o - secret
	assert_output "jwtool: keygen: --bytes 32: HS512 secrets need at least 64 bytes (RFC 7518 section 3.2)"
	run -2 jwtool keygen --bytes 0 -o - secret
	assert_output "jwtool: keygen: --bytes '0': expected a number from 1 to 1024"
	run -2 jwtool keygen --bytes 2000 -o - secret
	assert_output "jwtool: keygen: --bytes '2000': expected a number from 1 to 1024"
	run -2 jwtool keygen --bytes 3x -o - secret
	assert_output "jwtool: keygen: --bytes '3x': expected a number from 1 to 1024"
	run -2 jwtool keygen --bytes -5 -o - secret
	assert_output "jwtool: keygen: --bytes '-5': expected a number from 1 to 1024"
	run -2 jwtool keygen --bytes 64 -o - p256
	assert_output "jwtool: keygen: --bytes is for secret keys, not p256"
	run -2 jwtool keygen --alg RS256 -o - secret
	assert_output "jwtool: keygen: --alg 'RS256' is not an HMAC algorithm (HS256, HS384 or HS512)"
}

@test "bad --bits values are refused" {
	run -2 jwtool keygen --bits 1024 -o r rsa
	assert_output "jwtool: keygen: --bits 1024: RSA keys have 2048 to 16384 bits (RFC 7518 section 3.3)"
	run -2 jwtool keygen --bits 2047 -o r rsa
	assert_output "jwtool: keygen: --bits 2047: RSA keys have 2048 to 16384 bits (RFC 7518 section 3.3)"
	run -2 jwtool keygen --bits 2049 -o r rsa
	assert_output "jwtool: keygen: --bits 2049: not a multiple of 8"
	run -2 jwtool keygen --bits 32768 -o r rsa
	assert_output "jwtool: keygen: --bits 32768: RSA keys have 2048 to 16384 bits (RFC 7518 section 3.3)"
	run -2 jwtool keygen --bits big -o r rsa
	assert_output "jwtool: keygen: --bits 'big': expected a number from 1 to 65536"
	run -2 jwtool keygen --bits 2048 -o e ed25519
	assert_output "jwtool: keygen: --bits is for rsa keys, not ed25519"
	run -0 ls -A
	assert_output ""
}

@test "bad key types and arguments are refused" {
	run -2 jwtool keygen -o k dsa
	assert_output "jwtool: keygen: unknown key type 'dsa' (one of: secret ed25519 ed448 p256 p384 p521 secp256k1 rsa)"
	run -2 jwtool keygen -o k P256
	assert_output --partial "unknown key type 'P256'"
	run -2 jwtool keygen -o k
	assert_output "jwtool: keygen: expected one key type (secret ed25519 ed448 p256 p384 p521 secp256k1 rsa)"
	run -2 jwtool keygen -o k p256 p384
	assert_output --partial "expected one key type"
	run -2 jwtool keygen --format der -o k p256
	assert_output "jwtool: keygen: unknown --format 'der' (pem, jwk or jwks)"
	run -2 jwtool keygen -o '' p256
	assert_output "jwtool: keygen: -o needs a file name prefix"
	run -0 ls -A
	assert_output ""
}

@test "--format jwk and jwks with --kid, --alg and --use" {
	jwtool keygen --format jwk --kid auto --alg ES256 --use sig -o k p256
	run -0 jq -r '[.kty, .crv, .alg, .use, (.d != null | tostring)] | join(" ")' k.key
	assert_output "EC P-256 ES256 sig true"
	run -0 jq -r '[.kty, .alg, (.d == null | tostring)] | join(" ")' k.pub
	assert_output "EC ES256 true"
	# the kid is the thumbprint, in both files
	run -0 jwtool jwk --thumbprint k.pub
	local tp=$output
	run -0 jq -r .kid k.key
	assert_output "$tp"
	run -0 jq -r .kid k.pub
	assert_output "$tp"
	jwtool keygen --format jwks --kid one -o s ed25519
	run -0 jq -r '.keys | length' s.pub
	assert_output 1
	run -0 jq -r '.keys[0].kid + " " + .keys[0].crv' s.pub
	assert_output "one Ed25519"
	# the JWKS verifies what the private JWK signs, picked by kid
	run -0 --separate-stderr jwtool sign -k s.key --sub a
	local tok=$output
	run -0 jwtool decode "$tok"
	run -0 jwtool verify -k s.pub "$tok"
}

@test "JWK members need a JWK format; a wrong --alg or --use is refused" {
	run -2 jwtool keygen --kid a -o k p256
	assert_output "jwtool: keygen: --kid, --alg and --use are JWK members: add --format jwk or jwks"
	run -2 jwtool keygen --alg RS256 --format pem -o k rsa
	assert_output "jwtool: keygen: --kid, --alg and --use are JWK members: add --format jwk or jwks"
	run -2 jwtool keygen --use sig -o k ed25519
	assert_output "jwtool: keygen: --kid, --alg and --use are JWK members: add --format jwk or jwks"
	run -2 jwtool keygen --format jwk --alg RS256 -o k p256
	assert_output "jwtool: keygen: --alg RS256 does not fit the P-256 private key (generated)"
	run -2 jwtool keygen --format jwk --alg XX99 -o k p256
	assert_output --partial "jwtool: keygen: unknown algorithm 'XX99' for --alg"
	run -2 jwtool keygen --format jwk --use sign -o k p256
	assert_output "jwtool: keygen: --use must be 'sig' or 'enc', not 'sign'"
	run -2 jwtool keygen --format jwk --kid '' -o k p256
	assert_output "jwtool: keygen: --kid is empty"
	run -0 ls -A
	assert_output ""
}

@test "a directory that does not exist is an I/O error, with or without --force" {
	run -8 jwtool keygen -o nodir/k p256
	assert_output "jwtool: keygen: cannot create 'nodir/k.key': No such file or directory"
	run -8 jwtool keygen --force -o nodir/k p256
	assert_output "jwtool: keygen: cannot create 'nodir/k.key': No such file or directory"
}

@test "a JWKS secret made by keygen signs and verifies" {
	jwtool keygen --format jwks --kid s1 -o s secret
	run -0 --separate-stderr jwtool sign -k s.key --sub a
	local tok=$output
	run -0 bash -c "jwtool decode '$tok' | jq -r .header.kid"
	assert_output s1
	run -0 jwtool verify -k s.key "$tok"
}
