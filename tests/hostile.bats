#!/usr/bin/env bats
# The hostile-input catalogue: every byte of a token is chosen by someone
# else.  Each case names its exact exit status and message.  Tokens whose
# signature is valid are made with openssl, not jwtool (RSA and ECDSA ones
# are made with jwtool, then altered), so that the rejection comes from the
# check under test and not from the signature.

load helpers/common
load helpers/keys

HS=

setup() {
	cd "$BATS_TEST_TMPDIR" || return 1
	HS=$KEYS/hs256.key
}

# mac_file INPUT KEYFILE: base64url HMAC-SHA256 of INPUT keyed with the
# exact bytes of KEYFILE.
mac_file() {
	printf '%s' "$1" | openssl dgst -sha256 -mac HMAC -macopt \
	    "hexkey:$(od -An -tx1 "$2" | tr -d ' \n')" -binary |
	    base64 -w0 | tr '+/' '-_' | tr -d '='
}

# signed HEADER PAYLOAD [KEYFILE]: a token over the JSON texts, HS256 with
# KEYFILE's bytes (default hs256.key).
signed() {
	local si
	si="$(b64url "$1").$(b64url "$2")"
	printf '%s.%s\n' "$si" "$(mac_file "$si" "${3:-$HS}")"
}

# b64file FILE: base64url of the bytes of FILE.
b64file() {
	base64 -w0 < "$1" | tr '+/' '-_' | tr -d '='
}

# cut_sig TOKEN N: TOKEN with its signature cut to its first N bytes.
cut_sig() {
	local s=${1##*.}
	while [ $((${#s} % 4)) -ne 0 ]; do s="$s="; done
	printf '%s.%s\n' "${1%.*}" "$(printf '%s' "$s" | tr -- '-_' '+/' |
	    base64 -d | head -c "$2" | base64 -w0 | tr '+/' '-_' | tr -d =)"
}

# verify TOKEN: verify with the HS256 fixture key at the fixed clock.
verify() {
	jwtool verify -k "$HS" --key-format raw --now $NOW "$@"
}

# ---- alg none -------------------------------------------------------------

@test "alg none with an empty signature is exit 1" {
	run -1 verify "$(b64url '{"alg":"none"}').$(b64url '{"sub":"x"}')."
	assert_output "jwtool: verify: unsecured token (alg 'none') is never accepted"
}

@test "alg none with a signature is exit 1" {
	run -1 verify "$(signed '{"alg":"none"}' '{"sub":"x"}')"
	assert_output "jwtool: verify: unsecured token (alg 'none') is never accepted"
}

@test "alg None, NONE, nOnE are none too" {
	for a in None NONE nOnE; do
		run -1 verify "$(signed "{\"alg\":\"$a\"}" '{}')"
		assert_output "jwtool: verify: unsecured token (alg '$a') is never accepted"
	done
}

@test "alg none is refused even when --alg names the key's algorithm" {
	run -1 verify --alg HS256 "$(b64url '{"alg":"none"}').e30."
	assert_output "jwtool: verify: unsecured token (alg 'none') is never accepted"
}

@test "an empty alg is an unknown algorithm" {
	run -1 verify "$(signed '{"alg":""}' '{}')"
	assert_output "jwtool: verify: unknown algorithm '' (supported: HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, ES256K, EdDSA)"
}

@test "alg 'none ' with a space is an unknown algorithm, not none" {
	run -1 verify "$(signed '{"alg":"none "}' '{}')"
	assert_output "jwtool: verify: unknown algorithm 'none ' (supported: HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, ES256K, EdDSA)"
}

# ---- empty and wrong-sized signatures ---------------------------------------

@test "an HS256 token with an empty signature is exit 1" {
	t=$(signed '{"alg":"HS256"}' '{}')
	run -1 verify "${t%.*}."
	assert_output "jwtool: verify: signature does not match (HS256, 1 key tried): signature is 0 bytes, HS256 needs 32"
}

@test "an EdDSA token with an empty signature is exit 1" {
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --now $NOW)
	run -1 jwtool verify -k "$KEYS/ed25519.pub.pem" "${t%.*}."
	assert_output "jwtool: verify: signature does not match (EdDSA, 1 key tried): signature is 0 bytes, EdDSA (Ed25519) needs 64"
}

@test "a truncated HS256 signature is exit 1 naming both lengths" {
	t=$(signed '{"alg":"HS256"}' '{}')
	run -1 verify "$(cut_sig "$t" 27)"
	assert_output "jwtool: verify: signature does not match (HS256, 1 key tried): signature is 27 bytes, HS256 needs 32"
}

@test "a truncated EdDSA signature is exit 1 naming both lengths" {
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --now $NOW)
	run -1 jwtool verify -k "$KEYS/ed25519.pub.pem" "$(cut_sig "$t" 61)"
	assert_output "jwtool: verify: signature does not match (EdDSA, 1 key tried): signature is 61 bytes, EdDSA (Ed25519) needs 64"
}

@test "an HS256-sized MAC under alg HS512 is exit 1" {
	si="$(b64url '{"alg":"HS512"}').e30"
	run -1 jwtool verify -k "$KEYS/hs512.b64" --key-format base64 \
	    "$si.$(mac_file "$si" "$HS")"
	assert_output "jwtool: verify: signature does not match (HS512, 1 key tried): signature is 32 bytes, HS512 needs 64"
}

# ---- algorithm confusion ----------------------------------------------------

@test "HS256 keyed with a PEM public key's bytes, against that key, is exit 1" {
	run -1 jwtool verify -k "$KEYS/ed25519.pub.pem" \
	    "$(signed '{"alg":"HS256"}' '{}' "$KEYS/ed25519.pub.pem")"
	assert_output "jwtool: verify: algorithm 'HS256' is not allowed for the Ed25519 public key (PEM)"
}

@test "HS256 keyed with a JWK public key's text, against that JWK, is exit 1" {
	run -1 jwtool verify -k "$KEYS/ed25519.pub.jwk" \
	    "$(signed '{"alg":"HS256"}' '{}' "$KEYS/ed25519.pub.jwk")"
	assert_output "jwtool: verify: algorithm 'HS256' is not allowed for the Ed25519 public key (JWK)"
}

@test "HS256 keyed with a DER public key's bytes, against that key, is exit 1" {
	run -1 jwtool verify -k "$KEYS/ed25519.pub.der" \
	    "$(signed '{"alg":"HS256"}' '{}' "$KEYS/ed25519.pub.der")"
	assert_output "jwtool: verify: algorithm 'HS256' is not allowed for the Ed25519 public key (DER)"
}

@test "a PEM, JWK or DER public key forced to be a raw secret is exit 7" {
	t=$(signed '{"alg":"HS256"}' '{}' "$KEYS/ed25519.pub.pem")
	run -7 jwtool verify -k "$KEYS/ed25519.pub.pem" --key-format raw "$t"
	assert_output "jwtool: verify: key '$KEYS/ed25519.pub.pem' is a PEM key, not a raw HMAC secret"
	run -7 jwtool verify -k "$KEYS/ed25519.pub.jwk" --key-format raw "$t"
	assert_output "jwtool: verify: key '$KEYS/ed25519.pub.jwk' is a JWK or JWKS, not a raw HMAC secret"
	run -7 jwtool verify -k "$KEYS/ed25519.pub.der" --key-format raw "$t"
	assert_output "jwtool: verify: key '$KEYS/ed25519.pub.der' is a DER key, not a raw HMAC secret"
}

@test "a public key's PEM body given as a base64 secret is exit 7" {
	sed -n 2p "$KEYS/ed25519.pub.pem" > body.b64
	base64 -d body.b64 > pub.der
	t=$(signed '{"alg":"HS256"}' '{}' pub.der)
	run -7 jwtool verify -k body.b64 --key-format base64 "$t"
	assert_output "jwtool: verify: key 'body.b64': the base64 text decodes to a DER key, not an HMAC secret"
}

@test "a PEM or JWK written as hex or base64url is not an HMAC secret either" {
	od -An -tx1 "$KEYS/ed25519.pub.pem" | tr -d ' \n' > pem.hex
	run -7 jwtool verify -k pem.hex --key-format hex a.b.c
	assert_output "jwtool: verify: key 'pem.hex': the hex text decodes to a PEM key, not an HMAC secret"
	b64file "$KEYS/ed25519.pub.jwk" > jwk.b64u
	run -7 jwtool verify -k jwk.b64u --key-format base64url a.b.c
	assert_output "jwtool: verify: key 'jwk.b64u': the base64url text decodes to a JWK or JWKS, not an HMAC secret"
}

# ---- key files that are not secrets -----------------------------------------
# Each file holds a public key, or a document, in a form that detection
# once missed and took for raw HMAC secret bytes: an HS256 token MACed with
# the file's bytes, which anybody can make, then verified.  Each is refused
# (exit 7) with what it looks like and how to give it, by verify with and
# without --alg HS256 and --key-format raw, and by sign.

# pub_jwks: the RSA fixture's public key as a JWKS, in pub.jwks.
pub_jwks() {
	jwtool jwk --format jwks --public "$KEYS/rsa2048.pub.pem" > pub.jwks
}

# pub_der: its SPKI, in pub.der.
pub_der() {
	openssl pkey -pubin -in "$KEYS/rsa2048.pub.pem" -outform DER -out pub.der
}

# not_a_secret FILE WHAT: a token forged with FILE's bytes is refused with
# "key 'FILE' looks like WHAT" (WHAT includes how to give the key).
not_a_secret() {
	local t
	t=$(signed '{"alg":"HS256"}' '{"sub":"admin"}' "$1")
	run -7 jwtool verify -k "$1" "$t"
	assert_output "jwtool: verify: key '$1' looks like $2"
	run -7 jwtool verify -k "$1" --alg HS256 "$t"
	assert_output "jwtool: verify: key '$1' looks like $2"
	run -7 jwtool verify -k "$1" --key-format raw --alg HS256 "$t"
	assert_output "jwtool: verify: key '$1' looks like $2"
	run -7 jwtool sign -k "$1"
	assert_output "jwtool: sign: key '$1' looks like $2"
}

ICONV=": convert it to UTF-8 (iconv -f"
DECODE="and give that with --key-format der"

@test "a JWKS behind a UTF-8 byte order mark is exit 7, never a secret" {
	pub_jwks
	printf '\357\273\277' | cat - pub.jwks > bom.jwks
	not_a_secret bom.jwks "a JWK or JWKS behind a UTF-8 byte order mark: remove the mark (tail -c +4 FILE > NEW)"
	printf '\357\273\277\n  ' | cat - pub.jwks > bom-space.jwks
	not_a_secret bom-space.jwks "a JWK or JWKS behind a UTF-8 byte order mark: remove the mark (tail -c +4 FILE > NEW)"
}

@test "a JWKS in UTF-16, with and without a byte order mark, is exit 7" {
	pub_jwks
	iconv -f UTF-8 -t UTF-16LE pub.jwks > le.jwks
	iconv -f UTF-8 -t UTF-16BE pub.jwks > be.jwks
	printf '\377\376' | cat - le.jwks > bom-le.jwks
	printf '\376\377' | cat - be.jwks > bom-be.jwks
	not_a_secret le.jwks "a JWK or JWKS in UTF-16LE$ICONV UTF-16LE -t UTF-8)"
	not_a_secret be.jwks "a JWK or JWKS in UTF-16BE$ICONV UTF-16BE -t UTF-8)"
	not_a_secret bom-le.jwks "a JWK or JWKS in UTF-16LE$ICONV UTF-16 -t UTF-8)"
	not_a_secret bom-be.jwks "a JWK or JWKS in UTF-16BE$ICONV UTF-16 -t UTF-8)"
	# what iconv -t utf-16 writes: a byte order mark, then the text
	iconv -f UTF-8 -t UTF-16 pub.jwks > u16.jwks
	run -7 jwtool verify -k u16.jwks "$(signed '{"alg":"HS256"}' '{}' u16.jwks)"
	assert_output --regexp "^jwtool: verify: key 'u16.jwks' looks like a JWK or JWKS in UTF-16[LB]E: convert it to UTF-8 \\(iconv -f UTF-16 -t UTF-8\\)$"
}

@test "a JWKS in UTF-32, with and without a byte order mark, is exit 7" {
	pub_jwks
	iconv -f UTF-8 -t UTF-32LE pub.jwks > le.jwks
	iconv -f UTF-8 -t UTF-32BE pub.jwks > be.jwks
	printf '\377\376\0\0' | cat - le.jwks > bom-le.jwks
	printf '\0\0\376\377' | cat - be.jwks > bom-be.jwks
	not_a_secret le.jwks "a JWK or JWKS in UTF-32LE$ICONV UTF-32LE -t UTF-8)"
	not_a_secret be.jwks "a JWK or JWKS in UTF-32BE$ICONV UTF-32BE -t UTF-8)"
	not_a_secret bom-le.jwks "a JWK or JWKS in UTF-32LE$ICONV UTF-32 -t UTF-8)"
	not_a_secret bom-be.jwks "a JWK or JWKS in UTF-32BE$ICONV UTF-32 -t UTF-8)"
}

@test "UTF-16 text of a PEM key, of HTML, and with non-ASCII characters is exit 7" {
	iconv -f UTF-8 -t UTF-16LE "$KEYS/rsa2048.pub.pem" > pem.u16
	not_a_secret pem.u16 "a PEM key in UTF-16LE$ICONV UTF-16LE -t UTF-8)"
	printf '<html><body>Fehler: Schlüssel nicht gefunden</body></html>\n' |
	    iconv -f UTF-8 -t UTF-16BE > err.u16
	not_a_secret err.u16 "an HTML or XML document in UTF-16BE$ICONV UTF-16BE -t UTF-8)"
}

@test "a JWKS after whitespace is a JWKS: its public key never verifies HS256" {
	pub_jwks
	printf ' \n\t\r\n' | cat - pub.jwks > space.jwks
	t=$(signed '{"alg":"HS256"}' '{"sub":"admin"}' space.jwks)
	run -1 jwtool verify -k space.jwks "$t"
	assert_output "jwtool: verify: algorithm 'HS256' is not allowed for the RSA 2048-bit public key (JWKS)"
	run -7 jwtool verify -k space.jwks --key-format raw "$t"
	assert_output "jwtool: verify: key 'space.jwks' is a JWK or JWKS, not a raw HMAC secret"
}

@test "a JSON array of JWKs is exit 7, naming the JWKS form" {
	pub_jwks
	$PYTHON -c 'import json, sys; print(json.dumps(json.load(sys.stdin)["keys"], indent=1))' \
	    < pub.jwks > keys.json
	not_a_secret keys.json 'a JSON array of JWKs: a JWKS is the object {"keys":[...]}, not a bare array'
	printf ' [ \n' > spaced.json
	tail -c +2 keys.json >> spaced.json
	not_a_secret spaced.json 'a JSON array of JWKs: a JWKS is the object {"keys":[...]}, not a bare array'
}

@test "base64 of a DER public key without PEM armour is exit 7" {
	# the form Keycloak publishes as public_key: one line, no armour
	pub_der
	base64 -w0 pub.der > one.b64
	not_a_secret one.b64 "base64 text of a DER key without PEM armour: decode it to a file (base64 -d > KEY.der) $DECODE"
	base64 -w64 pub.der > wrapped.b64
	not_a_secret wrapped.b64 "base64 text of a DER key without PEM armour: decode it to a file (base64 -d > KEY.der) $DECODE"
	base64 -w76 pub.der | sed 's/$/\r/' > crlf.b64
	not_a_secret crlf.b64 "base64 text of a DER key without PEM armour: decode it to a file (base64 -d > KEY.der) $DECODE"
	base64 -w0 pub.der | tr -d = > nopad.b64
	not_a_secret nopad.b64 "base64 text of a DER key without PEM armour: decode it to a file (base64 -d > KEY.der) $DECODE"
	# a private key's body is refused the same way
	sed '1d;$d' "$KEYS/p256.pem" > priv.b64
	not_a_secret priv.b64 "base64 text of a DER key without PEM armour: decode it to a file (base64 -d > KEY.der) $DECODE"
}

@test "base64url and hex of a DER public key are exit 7" {
	pub_der
	b64file pub.der > pub.b64u
	not_a_secret pub.b64u "base64url text of a DER key without PEM armour: decode it to a file (basenc --base64url -d > KEY.der) $DECODE"
	od -An -tx1 pub.der | tr -d ' \n' > pub.hex
	not_a_secret pub.hex "hex text of a DER key without PEM armour: decode it to a file (xxd -r -p > KEY.der) $DECODE"
	# wrapped and upper case, and colon separated as openssl prints it
	od -An -tx1 pub.der | tr a-f A-F > wrapped.hex
	not_a_secret wrapped.hex "hex text of a DER key without PEM armour: decode it to a file (xxd -r -p > KEY.der) $DECODE"
	od -An -tx1 -w15 pub.der | sed 's/^ //; s/ /:/g' > colons.hex
	not_a_secret colons.hex "hex text of a DER key without PEM armour: decode it to a file (xxd -r -p > KEY.der) $DECODE"
}

@test "OpenSSH public key lines of every type are exit 7, after whitespace too" {
	ssh-keygen -q -t ed25519 -N '' -C 'me@host' -f id >/dev/null
	not_a_secret id.pub "an OpenSSH public key: convert it to PEM (ssh-keygen -e -m PKCS8 -f FILE)"
	for k in rsa2048 p256 p384 p521; do
		cp "$KEYS/$k.pem" k.pem && chmod 600 k.pem
		ssh-keygen -y -f k.pem > "$k.pub"
		not_a_secret "$k.pub" "an OpenSSH public key: convert it to PEM (ssh-keygen -e -m PKCS8 -f FILE)"
	done
	grep -q '^ecdsa-sha2-nistp521 ' p521.pub
	# security-key types: the blob names the type after its length
	for type in sk-ssh-ed25519@openssh.com sk-ecdsa-sha2-nistp256@openssh.com; do
		blob=$(printf '\0\0\0%b%s' "\\$(printf '%03o' ${#type})" "$type" | base64 -w0)
		printf '%s %s yubikey\n' "$type" "$blob" > sk.pub
		not_a_secret sk.pub "an OpenSSH public key: convert it to PEM (ssh-keygen -e -m PKCS8 -f FILE)"
	done
	printf '\n  \t%s\n' "$(cat id.pub)" > indented.pub
	not_a_secret indented.pub "an OpenSSH public key: convert it to PEM (ssh-keygen -e -m PKCS8 -f FILE)"
	printf '# deploy key\n%s\n' "$(cat id.pub)" > commented.pub
	not_a_secret commented.pub "an OpenSSH public key: convert it to PEM (ssh-keygen -e -m PKCS8 -f FILE)"
	ssh-keygen -e -f id.pub > rfc4716.pub
	not_a_secret rfc4716.pub "an SSH2 public key (RFC 4716): convert it to PEM (ssh-keygen -i -f FILE, then ssh-keygen -e -m PKCS8)"
}

@test "an HTML error page or an XML document is exit 7" {
	# what curl without -f saves when the server answers 404
	printf '<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n<body><h1>Not Found</h1></body></html>\n' > jwks.json
	not_a_secret jwks.json "an HTML or XML document: give the key itself (curl -f fails on an HTTP error instead of saving its page)"
	printf '\n  <html>\r\n<body>Bad Gateway</body></html>' > gw.html
	not_a_secret gw.html "an HTML or XML document: give the key itself (curl -f fails on an HTTP error instead of saving its page)"
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code></Error>\n' > s3.xml
	not_a_secret s3.xml "an HTML or XML document: give the key itself (curl -f fails on an HTTP error instead of saving its page)"
	printf '\357\273\277<?xml version="1.0"?><keys/>' > bom.xml
	not_a_secret bom.xml "an HTML or XML document behind a UTF-8 byte order mark: remove the mark (tail -c +4 FILE > NEW)"
}

@test "PEM armour in the middle of text is the PEM key, never a secret" {
	{ echo 'Public-Key: (2048 bit)'; echo 'the key of the API gateway:';
	  cat "$KEYS/rsa2048.pub.pem"; echo '(rotated yearly)'; } > notes.txt
	t=$(signed '{"alg":"HS256"}' '{"sub":"admin"}' notes.txt)
	run -1 jwtool verify -k notes.txt "$t"
	assert_output "jwtool: verify: algorithm 'HS256' is not allowed for the RSA 2048-bit public key (PEM)"
	run -7 jwtool verify -k notes.txt --key-format raw --alg HS256 "$t"
	assert_output "jwtool: verify: key 'notes.txt' is a PEM key, not a raw HMAC secret"
	printf '\357\273\277' | cat - "$KEYS/rsa2048.pub.pem" > bom.pem
	run -1 jwtool verify -k bom.pem "$(signed '{"alg":"HS256"}' '{}' bom.pem)"
	assert_output "jwtool: verify: algorithm 'HS256' is not allowed for the RSA 2048-bit public key (PEM)"
}

@test "a secret given as text is refused when the text decodes to such a file" {
	pub_jwks
	iconv -f UTF-8 -t UTF-16LE pub.jwks | base64 -w0 > u16.b64
	run -7 jwtool verify -k u16.b64 --key-format base64 --alg HS256 a.b.c
	assert_output "jwtool: verify: key 'u16.b64': the base64 text decodes to a JWK or JWKS in UTF-16LE, not an HMAC secret"
	pub_der
	base64 -w0 pub.der | od -An -tx1 | tr -d ' \n' > b64.hex
	run -7 jwtool verify -k b64.hex --key-format hex --alg HS256 a.b.c
	assert_output "jwtool: verify: key 'b64.hex': the hex text decodes to base64 text of a DER key without PEM armour, not an HMAC secret"
	ssh-keygen -q -t ed25519 -N '' -f id >/dev/null
	b64file id.pub > ssh.b64u
	run -7 jwtool sign -k ssh.b64u --key-format base64url
	assert_output "jwtool: sign: key 'ssh.b64u': the base64url text decodes to an OpenSSH public key, not an HMAC secret"
}

@test "--secret is refused when its text looks like a key" {
	ssh-keygen -q -t ed25519 -N '' -f id >/dev/null
	run -7 jwtool sign --secret "$(cat id.pub)"
	assert_line --index 1 "jwtool: sign: key '--secret' looks like an OpenSSH public key: convert it to PEM (ssh-keygen -e -m PKCS8 -f FILE)"
	pub_der
	run -7 jwtool verify --secret "$(base64 -w0 pub.der)" a.b.c
	assert_line --index 1 "jwtool: verify: key '--secret' looks like base64 text of a DER key without PEM armour: decode it to a file (base64 -d > KEY.der) $DECODE"
}

@test "an EdDSA token against an HMAC secret is exit 1" {
	run -1 verify "$(jwtool sign -k "$KEYS/ed25519.pem" --now $NOW)"
	assert_output "jwtool: verify: algorithm 'EdDSA' is not allowed for the HMAC secret (41 bytes, from raw secret)"
}

@test "an EdDSA token against an oct JWK is exit 1" {
	run -1 jwtool verify -k "$KEYS/hs256.jwk" "$(jwtool sign -k "$KEYS/ed25519.pem")"
	assert_output "jwtool: verify: algorithm 'EdDSA' is not allowed for the HMAC secret (41 bytes, from JWK)"
}

@test "an HS256 token against an Ed25519 private key is exit 1" {
	run -1 jwtool verify -k "$KEYS/ed25519.pem" "$(signed '{"alg":"HS256"}' '{}')"
	assert_output "jwtool: verify: algorithm 'HS256' is not allowed for the Ed25519 private key (PEM)"
	run -1 jwtool verify -k "$KEYS/ed25519.jwk" "$(signed '{"alg":"HS256"}' '{}')"
	assert_output "jwtool: verify: algorithm 'HS256' is not allowed for the Ed25519 private key (JWK)"
}

@test "an HS256 token naming the kid of a JWKS's Ed25519 key is exit 1" {
	run -1 jwtool verify -k "$KEYS/pub.jwks" "$(signed '{"alg":"HS256","kid":"ed-1"}' '{}')"
	assert_output "jwtool: verify: algorithm 'HS256' is not allowed for the key with kid 'ed-1' (Ed25519 public key (JWKS))"
}

@test "an EdDSA token naming the kid of a JWKS's HMAC key is exit 1" {
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --kid hs-1)
	run -1 jwtool verify -k "$KEYS/hs.jwks" "$t"
	assert_output "jwtool: verify: algorithm 'EdDSA' is not allowed for the key with kid 'hs-1' (HMAC secret (41 bytes, from JWKS))"
}

@test "--alg EdDSA refuses an HS256 token even with an HMAC key" {
	run -1 verify --alg EdDSA "$(signed '{"alg":"HS256"}' '{}')"
	assert_output "jwtool: verify: algorithm 'HS256' is not allowed by --alg"
}

@test "a JWK's alg pins its algorithm: an HS384 token is exit 1" {
	run -1 jwtool verify -k "$KEYS/hs256.jwk" "$(signed '{"alg":"HS384"}' '{}')"
	assert_output "jwtool: verify: algorithm 'HS384' is not allowed for the HMAC secret (41 bytes, from JWK): the key's JWK 'alg' is 'HS256'"
}

@test "a JWK with use enc never verifies a signature" {
	jq -c 'del(.alg) | .use="enc"' "$KEYS/hs256.jwk" > enc.jwk
	run -1 jwtool verify -k enc.jwk "$(signed '{"alg":"HS256"}' '{}')"
	assert_output "jwtool: verify: algorithm 'HS256' is not allowed for the HMAC secret (41 bytes, from JWK): the key's JWK 'use' is 'enc', not 'sig'"
}

@test "a JWK whose key_ops lack verify never verifies" {
	jq -c '.key_ops=["sign"]' "$KEYS/hs256.jwk" > sign-only.jwk
	run -1 jwtool verify -k sign-only.jwk "$(signed '{"alg":"HS256"}' '{}')"
	assert_output "jwtool: verify: algorithm 'HS256' is not allowed for the HMAC secret (41 bytes, from JWK): the key's JWK 'key_ops' lack 'verify'"
}

@test "HS256 keyed with an RSA public key's PEM, against that key, is exit 1" {
	run -1 jwtool verify -k "$KEYS/rsa2048.pub.pem" \
	    "$(signed '{"alg":"HS256"}' '{}' "$KEYS/rsa2048.pub.pem")"
	assert_output "jwtool: verify: algorithm 'HS256' is not allowed for the RSA 2048-bit public key (PEM)"
}

# ---- duplicate members ------------------------------------------------------

@test "a header with two alg members is exit 3" {
	run -3 verify "$(signed '{"alg":"HS256","alg":"none"}' '{}')"
	assert_output "jwtool: verify: header: duplicate member 'alg'"
}

@test "a duplicate member nested in the header is exit 3" {
	run -3 verify "$(signed '{"alg":"HS256","jwk":{"kty":"oct","kty":"RSA"}}' '{}')"
	assert_output "jwtool: verify: header: duplicate member 'kty'"
}

@test "a duplicate among many header members is found too" {
	h='{"alg":"HS256"'
	for i in $(seq 1 40); do h="$h,\"m$i\":$i"; done
	run -3 verify "$(signed "$h,\"m17\":0}" '{}')"
	assert_output "jwtool: verify: header: duplicate member 'm17'"
}

@test "a payload with two exp members is exit 3" {
	run -3 verify "$(signed '{"alg":"HS256"}' '{"exp":1,"exp":9999999999}')"
	assert_output "jwtool: verify: the payload is not a JSON object of claims (payload: duplicate member 'exp'); --jws verifies a JWS with any payload"
}

@test "a duplicate member nested in the payload is exit 3" {
	run -3 verify "$(signed '{"alg":"HS256"}' '{"a":{"b":1,"b":2}}')"
	assert_output "jwtool: verify: the payload is not a JSON object of claims (payload: duplicate member 'b'); --jws verifies a JWS with any payload"
}

@test "a JWK with two kty members is exit 7" {
	echo '{"kty":"OKP","kty":"oct","k":"AAAA"}' > dup.jwk
	run -7 jwtool verify -k dup.jwk a.b.c
	assert_output "jwtool: verify: key 'dup.jwk': key: duplicate member 'kty'"
}

@test "a JWKS with two keys arrays is exit 7" {
	echo '{"keys":[],"keys":[{"kty":"oct","k":"AAAA"}]}' > dup.jwks
	run -7 jwtool verify -k dup.jwks a.b.c
	assert_output "jwtool: verify: key 'dup.jwks': key: duplicate member 'keys'"
}

@test "a JWKS key with two kid members is exit 7" {
	echo '{"keys":[{"kty":"oct","k":"AAAA","kid":"a","kid":"b"}]}' > dup.jwks
	run -7 jwtool verify -k dup.jwks a.b.c
	assert_output "jwtool: verify: key 'dup.jwks': key: duplicate member 'kid'"
}

# ---- NUL and invalid UTF-8 --------------------------------------------------

@test "\\u0000 in a header member name is exit 3" {
	run -3 verify "$(signed '{"al\u0000g":"HS256"}' '{}')"
	assert_output "jwtool: verify: header: invalid JSON: \\u0000 (NUL) in a string at byte 4"
}

@test "\\u0000 in the alg value is exit 3" {
	run -3 verify "$(signed '{"alg":"HS256\u0000none"}' '{}')"
	assert_output "jwtool: verify: header: invalid JSON: \\u0000 (NUL) in a string at byte 13"
}

@test "a raw NUL byte in the header is exit 3" {
	printf '{"alg":"HS256","x":"\0"}' > h.bin
	si="$(b64file h.bin).e30"
	run -3 verify "$si.$(mac_file "$si" "$HS")"
	assert_output "jwtool: verify: malformed token: the header holds a NUL byte"
}

@test "\\u0000 in a claim value is exit 3" {
	run -3 verify "$(signed '{"alg":"HS256"}' '{"sub":"admin\u0000x"}')"
	assert_output "jwtool: verify: the payload is not a JSON object of claims (payload: invalid JSON: \\u0000 (NUL) in a string at byte 13); --jws verifies a JWS with any payload"
}

@test "invalid UTF-8 in a header member name is exit 3" {
	run -3 verify "$(signed "$(printf '{"alg":"HS256","\xff":1}')" '{}')"
	assert_output "jwtool: verify: header: invalid JSON: invalid UTF-8 at byte 16"
}

@test "an overlong UTF-8 sequence in a claim name is exit 3" {
	run -3 verify "$(signed '{"alg":"HS256"}' "$(printf '{"\xc0\xaf":1}')")"
	assert_output "jwtool: verify: the payload is not a JSON object of claims (payload: invalid JSON: invalid UTF-8 at byte 2); --jws verifies a JWS with any payload"
}

@test "a UTF-8 encoded surrogate in a header value is exit 3" {
	run -3 verify "$(signed "$(printf '{"alg":"HS256","x":"\xed\xa0\x80"}')" '{}')"
	assert_output "jwtool: verify: header: invalid JSON: invalid UTF-8 at byte 20"
}

@test "lone surrogate escapes in claims are exit 3" {
	run -3 verify "$(signed '{"alg":"HS256"}' '{"a":"\ud800"}')"
	assert_output "jwtool: verify: the payload is not a JSON object of claims (payload: invalid JSON: lone high surrogate in a \\u escape at byte 6); --jws verifies a JWS with any payload"
	run -3 verify "$(signed '{"alg":"HS256"}' '{"a":"\udc00"}')"
	assert_output "jwtool: verify: the payload is not a JSON object of claims (payload: invalid JSON: lone low surrogate in a \\u escape at byte 6); --jws verifies a JWS with any payload"
}

@test "a raw control character in a header string is exit 3" {
	run -3 verify "$(signed "$(printf '{"alg":"HS256","x":"\001"}')" '{}')"
	assert_output "jwtool: verify: header: invalid JSON: raw control character in a string at byte 20"
}

# ---- case variants of alg ---------------------------------------------------

@test "alg hs256 is unknown: names are case-sensitive" {
	run -1 verify "$(signed '{"alg":"hs256"}' '{}')"
	assert_output "jwtool: verify: unknown algorithm 'hs256' (algorithm names are case-sensitive: did you mean 'HS256'?)"
}

@test "alg Hs256 is unknown too" {
	run -1 verify "$(signed '{"alg":"Hs256"}' '{}')"
	assert_output "jwtool: verify: unknown algorithm 'Hs256' (algorithm names are case-sensitive: did you mean 'HS256'?)"
}

@test "alg eddsa against an Ed25519 key is unknown" {
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --now $NOW)
	run -1 jwtool verify -k "$KEYS/ed25519.pub.pem" "$(b64url '{"alg":"eddsa"}').${t#*.}"
	assert_output "jwtool: verify: unknown algorithm 'eddsa' (algorithm names are case-sensitive: did you mean 'EdDSA'?)"
}

@test "--alg hs256 on the command line is a usage error" {
	run -2 verify --alg hs256 "$(signed '{"alg":"HS256"}' '{}')"
	assert_output "jwtool: verify: --alg: unknown algorithm 'hs256' (known: HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, ES256K, EdDSA)"
}

# ---- base64url --------------------------------------------------------------

@test "padding in the header segment is exit 3" {
	t=$(signed '{"alg":"HS256"}' '{}')
	run -3 verify "${t%%.*}=.${t#*.}"
	assert_output "jwtool: verify: malformed token: header segment: byte 20 is '=' (padding is not allowed in base64url) (token byte 20)"
}

@test "padding in the signature segment is exit 3" {
	t=$(signed '{"alg":"HS256"}' '{}')
	run -3 verify "$t="
	assert_output "jwtool: verify: malformed token: signature segment: byte 43 is '=' (padding is not allowed in base64url) (token byte 68)"
}

@test "a '+' in the payload segment is exit 3" {
	t=$(signed '{"alg":"HS256"}' '{}')
	run -3 verify "${t%%.*}.e3+.${t##*.}"
	assert_output "jwtool: verify: malformed token: payload segment: byte 2 is '+' (base64, not base64url) (token byte 23)"
}

@test "a '/' in the signature segment is exit 3" {
	t=$(signed '{"alg":"HS256"}' '{}')
	run -3 verify "${t%?}/"
	assert_output "jwtool: verify: malformed token: signature segment: byte 42 is '/' (base64, not base64url) (token byte 67)"
}

@test "a bad byte anywhere in a long token is found and named, whatever its place in a word" {
	t=$(signed '{"alg":"HS256","typ":"JWT"}' '{"sub":"a long enough subject"}')
	for at in 7 8 15 16 23 40 63 $((${#t} - 2)); do
		run -3 verify "${t:0:at}"$'\t'"${t:at+1}"
		assert_output "jwtool: verify: malformed token: byte $at is a tab, not a base64url character or '.'"
		run -3 verify "${t:0:at}"$'\177'"${t:at+1}"
		assert_output --partial "malformed token: byte $at is "
		run -3 verify "${t:0:at}é${t:at+1}"
		assert_output --partial "malformed token: byte $at is "
	done
	# dots counted across words: a fourth segment is refused
	run -3 verify "$t.${t%%.*}"
	assert_output "jwtool: verify: malformed token: expected 3 segments separated by '.', found 4"
}

@test "whitespace inside a token is exit 3, named" {
	t=$(signed '{"alg":"HS256"}' '{}')
	run -3 verify "${t:0:5} ${t:5}"
	assert_output "jwtool: verify: malformed token: byte 5 is a space, not a base64url character or '.'"
	run -3 verify "${t:0:5}"$'\t'"${t:5}"
	assert_output "jwtool: verify: malformed token: byte 5 is a tab, not a base64url character or '.'"
	run -3 verify "${t:0:5}"$'\n'"${t:5}"
	assert_output "jwtool: verify: malformed token: byte 5 is a newline, not a base64url character or '.'"
	run -3 verify "${t:0:5}"$'\r'"${t:5}"
	assert_output "jwtool: verify: malformed token: byte 5 is a carriage return, not a base64url character or '.'"
}

@test "a non-ASCII byte in a token is exit 3" {
	t=$(signed '{"alg":"HS256"}' '{}')
	run -3 verify "${t:0:5}"$'\xc3\xa9'"${t:5}"
	assert_output "jwtool: verify: malformed token: byte 5 is \\xc3, not a base64url character or '.'"
}

@test "non-canonical trailing bits are exit 3" {
	t=$(signed '{"alg":"HS256"}' '{}')
	run -3 verify "${t%%.*}.e31.${t##*.}"
	assert_output "jwtool: verify: malformed token: payload segment: its last character has non-zero unused bits (non-canonical base64url)"
}

@test "a segment of impossible length is exit 3" {
	t=$(signed '{"alg":"HS256"}' '{}')
	run -3 verify "${t}AA"
	assert_output "jwtool: verify: malformed token: signature segment: its length is not possible for base64url"
}

@test "surrounding whitespace and a Bearer prefix are accepted" {
	t=$(signed '{"alg":"HS256"}' '{"sub":"x"}')
	run -0 verify "  Authorization: Bearer $t "$'\n'
	assert_output '{"sub":"x"}'
}

# ---- JSON -------------------------------------------------------------------

@test "trailing data after the header object is exit 3" {
	run -3 verify "$(signed '{"alg":"HS256"}x' '{}')"
	assert_output "jwtool: verify: header: invalid JSON: unexpected data after the JSON value at byte 15"
}

@test "a second JSON value after the payload object is exit 3" {
	run -3 verify "$(signed '{"alg":"HS256"}' '{}{"sub":"admin"}')"
	assert_output "jwtool: verify: the payload is not a JSON object of claims (payload: invalid JSON: unexpected data after the JSON value at byte 2); --jws verifies a JWS with any payload"
}

@test "a byte order mark before the header is exit 3" {
	run -3 verify "$(signed $'\xef\xbb\xbf{"alg":"HS256"}' '{}')"
	assert_output "jwtool: verify: header: invalid JSON: byte order mark (BOM) before the value at byte 0"
}

@test "a header nested 200 deep is exit 3" {
	deep=$(printf '%.0s[' $(seq 200))$(printf '%.0s]' $(seq 200))
	run -3 verify "$(signed "{\"alg\":\"HS256\",\"x\":$deep}" '{}')"
	assert_output "jwtool: verify: header: invalid JSON: nesting deeper than 128 levels at byte 146"
}

@test "a payload nested 128 deep verifies; 129 deep is exit 3" {
	ok=$(printf '%.0s[' $(seq 127))$(printf '%.0s]' $(seq 127))
	run -0 verify -q "$(signed '{"alg":"HS256"}' "{\"x\":$ok}")"
	bad=$(printf '%.0s[' $(seq 128))$(printf '%.0s]' $(seq 128))
	run -3 verify "$(signed '{"alg":"HS256"}' "{\"x\":$bad}")"
	assert_output "jwtool: verify: the payload is not a JSON object of claims (payload: invalid JSON: nesting deeper than 128 levels at byte 132); --jws verifies a JWS with any payload"
}

@test "exp 1e999 is exit 3, not infinity" {
	run -3 verify "$(signed '{"alg":"HS256"}' '{"exp":1e999}')"
	assert_output "jwtool: verify: claim 'exp' must be a NumericDate (a number of seconds from 0 to 253402300799), not 1e999"
}

@test "a 30-digit exp is exit 3, not saturated" {
	run -3 verify "$(signed '{"alg":"HS256"}' '{"exp":123456789012345678901234567890}')"
	assert_output "jwtool: verify: claim 'exp' must be a NumericDate (a number of seconds from 0 to 253402300799), not 123456789012345678901234567890"
}

@test "a negative nbf is exit 3" {
	run -3 verify "$(signed '{"alg":"HS256"}' '{"nbf":-1}')"
	assert_output "jwtool: verify: claim 'nbf' must be a NumericDate (a number of seconds from 0 to 253402300799), not -1"
}

@test "exp as a string is exit 3" {
	run -3 verify "$(signed '{"alg":"HS256"}' '{"exp":"1"}')"
	assert_output "jwtool: verify: claim 'exp' must be a NumericDate (a number of seconds from 0 to 253402300799), not string"
}

@test "iat true and nbf null are exit 3" {
	run -3 verify "$(signed '{"alg":"HS256"}' '{"iat":true}')"
	assert_output "jwtool: verify: claim 'iat' must be a NumericDate (a number of seconds from 0 to 253402300799), not boolean"
	run -3 verify "$(signed '{"alg":"HS256"}' '{"nbf":null}')"
	assert_output "jwtool: verify: claim 'nbf' must be a NumericDate (a number of seconds from 0 to 253402300799), not null"
}

@test "big numbers in other claims pass through digit for digit" {
	run -0 verify "$(signed '{"alg":"HS256"}' '{"id":123456789012345678901234567890,"f":1.5e300}')"
	assert_output '{"id":123456789012345678901234567890,"f":1.5e300}'
}

@test "alg 1 is exit 3" {
	run -3 verify "$(signed '{"alg":1}' '{}')"
	assert_output "jwtool: verify: malformed token: header 'alg' is a number, not a string"
}

@test "alg [\"HS256\"] and alg null are exit 3" {
	run -3 verify "$(signed '{"alg":["HS256"]}' '{}')"
	assert_output "jwtool: verify: malformed token: header 'alg' is an array, not a string"
	run -3 verify "$(signed '{"alg":null}' '{}')"
	assert_output "jwtool: verify: malformed token: header 'alg' is a null, not a string"
}

@test "kid {} is exit 3" {
	run -3 verify "$(signed '{"alg":"HS256","kid":{}}' '{}')"
	assert_output "jwtool: verify: header 'kid' must be a string, not object"
}

@test "typ 1 and cty [] are exit 3" {
	run -3 verify "$(signed '{"alg":"HS256","typ":1,"cty":[]}' '{}')"
	assert_output "jwtool: verify: header 'typ' must be a string, not number
jwtool: verify: header 'cty' must be a string, not array"
}

@test "aud 5 is exit 3" {
	run -3 verify "$(signed '{"alg":"HS256"}' '{"aud":5}')"
	assert_output "jwtool: verify: claim 'aud' must be a string or an array of strings, not number"
}

@test "aud with a number in its array is exit 3" {
	run -3 verify "$(signed '{"alg":"HS256"}' '{"aud":["api",5]}')"
	assert_output "jwtool: verify: claim 'aud' must be a string or an array of strings, not an array holding other values"
}

@test "iss 5, sub [] and jti {} are exit 3" {
	run -3 verify "$(signed '{"alg":"HS256"}' '{"iss":5,"sub":[],"jti":{}}')"
	assert_output "jwtool: verify: claim 'iss' must be a string, not number
jwtool: verify: claim 'sub' must be a string, not array
jwtool: verify: claim 'jti' must be a string, not object"
}

@test "a header that is an array is exit 3" {
	run -3 verify "$(signed '["alg","HS256"]' '{}')"
	assert_output "jwtool: verify: malformed token: the header is a JSON array, not an object"
}

@test "a header that is a string is exit 3" {
	run -3 verify "$(signed '"HS256"' '{}')"
	assert_output "jwtool: verify: malformed token: the header is a JSON string, not an object"
}

@test "a payload that is an array is exit 3" {
	run -3 verify "$(signed '{"alg":"HS256"}' '[{"sub":"admin"}]')"
	assert_output "jwtool: verify: the payload is not a JSON object of claims (array); --jws verifies a JWS with any payload"
}

# ---- segments ---------------------------------------------------------------

@test "an empty token is exit 3" {
	run -3 jwtool verify -k "$HS" --alg HS256 - < /dev/null
	assert_output "jwtool: verify: malformed token: the input is empty"
}

@test "a token of dots only is exit 3" {
	run -3 jwtool verify -k "$HS" --alg HS256 - <<< ".."
	assert_output "jwtool: verify: malformed token: the header segment is empty"
}

@test "an empty payload segment under a valid signature is exit 3" {
	si="$(b64url '{"alg":"HS256"}')."
	run -3 verify "$si.$(mac_file "$si" "$HS")"
	assert_output "jwtool: verify: the payload is not a JSON object of claims (payload: invalid JSON: expected a value at the end (byte 0)); --jws verifies a JWS with any payload"
}

@test "one or two segments are exit 3" {
	run -3 jwtool verify -k "$HS" --alg HS256 - <<< "eyJhbGciOiJIUzI1NiJ9"
	assert_output "jwtool: verify: malformed token: expected 3 segments separated by '.', found 1"
	run -3 verify "eyJhbGciOiJIUzI1NiJ9.e30"
	assert_output "jwtool: verify: malformed token: expected 3 segments separated by '.', found 2"
}

@test "four segments are exit 3" {
	t=$(signed '{"alg":"HS256"}' '{}')
	run -3 verify "$t.e30"
	assert_output "jwtool: verify: malformed token: expected 3 segments separated by '.', found 4"
}

@test "five segments are an encrypted token, not supported" {
	run -3 verify "eyJhbGciOiJkaXIifQ..aXY.Y3Q.dGFn"
	assert_output "jwtool: verify: encrypted tokens (JWE, five segments) are not supported"
}

@test "six segments are exit 3" {
	t=$(signed '{"alg":"HS256"}' '{}')
	run -3 verify "$t.e30.e30.e30"
	assert_output "jwtool: verify: malformed token: expected 3 segments separated by '.', found 6"
}

# ---- size -------------------------------------------------------------------

# big_token FILE: a 100 MB token (a header, 100,000,000 'A's, a signature).
big_token() {
	{ printf '%s.' "$(b64url '{"alg":"HS256"}')"
	  head -c 100000000 /dev/zero | tr '\0' A
	  printf '.c2ln'; } > "$1"
}

@test "a 100 MB token file is refused by the input cap at once (exit 8)" {
	big_token big.jwt
	run -8 verify big.jwt
	assert_output "jwtool: verify: token from 'big.jwt' is larger than the input limit of 16777216 bytes (see --max-input)"
	# "at once": a sparse file of 1 TiB is refused long before a read
	# of it could end (timeout is a hang guard, not a timing)
	truncate -s 1T huge.jwt
	run -8 timeout 120 jwtool verify -k "$KEYS/hs256.key" --alg HS256 huge.jwt
	assert_output "jwtool: verify: token from 'huge.jwt' is larger than the input limit of 16777216 bytes (see --max-input)"
}

@test "a 100 MB token on stdin is refused by the input cap (exit 8)" {
	big_token big.jwt
	run -8 jwtool decode - < big.jwt
	assert_output "jwtool: decode: token from 'stdin' is larger than the input limit of 16777216 bytes (see --max-input)"
}

@test "100 MB of claims or key are refused by the input cap" {
	big_token big.jwt
	run -8 jwtool sign -k "$HS" big.jwt
	assert_output "jwtool: sign: claims from 'big.jwt' is larger than the input limit of 16777216 bytes (see --max-input)"
	run -7 jwtool verify -k big.jwt a.b.c
	assert_output "jwtool: verify: key from 'big.jwt' is larger than the input limit of 16777216 bytes (see --max-input)"
}

@test "a 100 MB token under --max-input 200M is handled in 60 s and 1 GiB" {
	# Reasonable: about three times the token in memory (the read buffer,
	# the parsed copy, the decoded payload) and a few seconds.  The binary
	# itself: under valgrind this would measure valgrind.
	big_token big.jwt
	t0=$(date +%s)
	run -1 /usr/bin/time -o usage -f %M "$JWTOOL_NATIVE" verify \
	    --max-input 200M -k "$HS" --alg HS256 big.jwt
	secs=$(($(date +%s) - t0))
	assert_output "jwtool: verify: signature does not match (HS256, 1 key tried): signature is 3 bytes, HS256 needs 32"
	kb=$(tail -n 1 usage)
	[ "$secs" -le 60 ] || fail "verifying took $secs s"
	[ "$kb" -le 1048576 ] || fail "verifying took $kb KiB"
}

# ---- many keys --------------------------------------------------------------

# jwks N FILE: a JWKS of N HMAC keys with kids k-0 ... k-(N-1); the secret
# of k-I is "secret-number-I-of-a-big-jwks-test!" (zero-padded to 6).
jwks() {
	"$PYTHON" - "$1" "$2" <<'EOF'
import base64, json, sys
n, path = int(sys.argv[1]), sys.argv[2]
def b64u(b): return base64.urlsafe_b64encode(b).decode().rstrip("=")
keys = [{"kty": "oct", "kid": "k-%d" % i,
         "k": b64u(b"secret-number-%06d-of-a-big-jwks-test!" % i)}
        for i in range(n)]
json.dump({"keys": keys}, open(path, "w"))
EOF
}

@test "a JWKS of 5000 keys: verify picks the key by kid" {
	jwks 5000 big.jwks
	printf 'secret-number-%06d-of-a-big-jwks-test!' 4999 > k4999
	t=$(signed '{"alg":"HS256","kid":"k-4999"}' '{"sub":"x"}' k4999)
	# a guard against a hang, not a timing (make bench measures)
	run -0 timeout 300 jwtool verify -k big.jwks --now $NOW "$t"
	assert_output '{"sub":"x"}'
}

@test "a JWKS of 5000 keys without the token's kid is exit 1, briefly" {
	jwks 5000 big.jwks
	run -1 jwtool verify -k big.jwks "$(signed '{"alg":"HS256","kid":"nope"}' '{}')"
	assert_output "jwtool: verify: no key with kid 'nope' (available: 'k-0', 'k-1', 'k-2', 'k-3', 'k-4', 'k-5', 'k-6', 'k-7' and 4992 more)"
}

@test "a JWKS of 40000 keys loads in less than 128 MiB" {
	# A guarded mapping per key cost 363 MB here, and nearly the kernel's
	# limit on mappings.  The binary itself: under valgrind this would
	# measure valgrind.
	jwks 40000 huge.jwks
	printf 'secret-number-%06d-of-a-big-jwks-test!' 39999 > k
	t=$(signed '{"alg":"HS256","kid":"k-39999"}' '{"sub":"x"}' k)
	run -0 /usr/bin/time -o usage -f %M "$JWTOOL_NATIVE" verify \
	    -k huge.jwks --now $NOW "$t"
	assert_output '{"sub":"x"}'
	kb=$(tail -n 1 usage)
	[ "$kb" -lt 131072 ] || fail "verifying took $kb KiB"
}

# ---- keys of the wrong type, size or curve ----------------------------------

@test "an HS256 secret of 31 bytes is exit 7" {
	printf '%031d' 0 > k31
	run -7 jwtool verify -k k31 --alg HS256 "$(signed '{"alg":"HS256"}' '{}' k31)"
	assert_output "jwtool: verify: the HS256 secret is shorter than 32 bytes (RFC 7518 section 3.2); --allow-weak-key accepts it"
}

@test "an HS512 token against a 41-byte secret is exit 7" {
	run -7 verify "$(b64url '{"alg":"HS512"}').e30.c2ln"
	assert_output "jwtool: verify: the HS512 secret is shorter than 64 bytes (RFC 7518 section 3.2); --allow-weak-key accepts it"
}

@test "an empty key file is exit 7" {
	: > empty.key
	run -7 jwtool verify -k empty.key a.b.c
	assert_output "jwtool: verify: key 'empty.key' is empty"
}

@test "an OKP JWK on curve X25519 is exit 7" {
	echo '{"kty":"OKP","crv":"X25519","x":"AAAA"}' > x.jwk
	run -7 jwtool verify -k x.jwk a.b.c
	assert_output "jwtool: verify: key 'x.jwk': unsupported OKP curve 'X25519' (a key agreement curve, not a signature one)"
}

@test "an Ed448 JWK with a 3-byte x is exit 7" {
	echo '{"kty":"OKP","crv":"Ed448","x":"AAAA"}' > ed448.jwk
	run -7 jwtool verify -k ed448.jwk a.b.c
	assert_output "jwtool: verify: key 'ed448.jwk': Ed448 JWK 'x' must be 57 bytes"
}

@test "an Ed25519 JWK with a 31-byte x is exit 7" {
	x=$(head -c 31 /dev/zero | base64 -w0 | tr '+/' '-_' | tr -d =)
	echo "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"$x\"}" > short.jwk
	run -7 jwtool verify -k short.jwk a.b.c
	assert_output "jwtool: verify: key 'short.jwk': Ed25519 JWK 'x' must be 32 bytes"
}

@test "an EC JWK with short coordinates is exit 7" {
	echo '{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"}' > ec.jwk
	run -7 jwtool verify -k ec.jwk a.b.c
	assert_output "jwtool: verify: key 'ec.jwk': EC JWK 'x' is 3 bytes; P-256 needs exactly 32"
}

@test "a small-order Ed25519 key never verifies, not even the identity signature" {
	# x is the identity point; R = identity, S = 0 would satisfy a
	# verifier that skips the small-order check, for every message.
	id=$(printf '\x01%031d' 0 | tr 0 '\0' | base64 -w0 | tr '+/' '-_' | tr -d =)
	echo "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"$id\"}" > small.jwk
	sig=$( { printf '\x01'; head -c 63 /dev/zero; } | base64 -w0 | tr '+/' '-_' | tr -d =)
	run -1 jwtool verify -k small.jwk "$(b64url '{"alg":"EdDSA"}').$(b64url '{"sub":"admin"}').$sig"
	assert_output "jwtool: verify: signature does not match (EdDSA, 1 key tried)"
}

@test "an Ed25519 signature with S + L (malleated) is exit 1" {
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --now $NOW)
	run -0 jwtool verify -q -k "$KEYS/ed25519.pub.pem" --now $NOW "$t"
	mal=$("$PYTHON" - "${t##*.}" <<'EOF'
import base64, sys
s = sys.argv[1]
sig = base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
L = 2**252 + 27742317777372353535851937790883648493
S = int.from_bytes(sig[32:], "little") + L
assert S < 2**256
out = sig[:32] + S.to_bytes(32, "little")
print(base64.urlsafe_b64encode(out).decode().rstrip("="))
EOF
)
	run -1 jwtool verify -k "$KEYS/ed25519.pub.pem" --now $NOW "${t%.*}.$mal"
	assert_output "jwtool: verify: signature does not match (EdDSA, 1 key tried)"
}

# ---- RSA and ECDSA ----------------------------------------------------------

# tok_with KEY [ALG]: a token signed by jwtool with KEY.
tok_with() {
	jwtool sign -k "$1" ${2:+--alg "$2"} --now $NOW --sub t
}

# relabel TOKEN HEADER: TOKEN's payload and signature under HEADER.
relabel() {
	printf '%s.%s\n' "$(b64url "$2")" "${1#*.}"
}

# resig TOKEN FILE: TOKEN with its signature replaced by FILE's bytes.
resig() {
	printf '%s.%s\n' "${1%.*}" "$(b64file "$2")"
}

@test "an RS256 token against an EC key is exit 1" {
	openssl pkey -in "$KEYS/p256.pem" -pubout -out p256.pub.pem
	run -1 jwtool verify -k p256.pub.pem "$(tok_with "$KEYS/rsa2048.pem")"
	assert_output "jwtool: verify: algorithm 'RS256' is not allowed for the P-256 public key (PEM)"
}

@test "an ES256 token against an RSA key is exit 1" {
	run -1 jwtool verify -k "$KEYS/rsa2048.pub.pem" "$(tok_with "$KEYS/p256.pem")"
	assert_output "jwtool: verify: algorithm 'ES256' is not allowed for the RSA 2048-bit public key (PEM)"
}

@test "HS256 keyed with an EC public key's PEM, against that key, is exit 1" {
	openssl pkey -in "$KEYS/p256.pem" -pubout -out p256.pub.pem
	run -1 jwtool verify -k p256.pub.pem "$(signed '{"alg":"HS256"}' '{}' p256.pub.pem)"
	assert_output "jwtool: verify: algorithm 'HS256' is not allowed for the P-256 public key (PEM)"
}

@test "an ES256 token with a DER-encoded signature is exit 1" {
	t=$(tok_with "$KEYS/p256.pem")
	printf '%s' "${t%.*}" > msg
	openssl dgst -sha256 -sign "$KEYS/p256.pem" -out der msg
	run -1 jwtool verify -k "$KEYS/p256.pem" "$(resig "$t" der)"
	assert_output --regexp "^jwtool: verify: signature does not match \(ES256, 1 key tried\): signature is 7[0-2] bytes, ES256 needs 64 \(it looks DER-encoded; JWS uses raw R \|\| S\)$"
}

@test "an ES256 signature with r = 0 is exit 1 (CVE-2022-21449)" {
	t=$(tok_with "$KEYS/p256.pem")
	split_token "$t"
	{ head -c 32 /dev/zero; tail -c 32 sig; } > r0
	run -1 jwtool verify -k "$KEYS/p256.pem" "$(resig "$t" r0)"
	assert_output "jwtool: verify: signature does not match (ES256, 1 key tried): ECDSA r is zero"
}

@test "an ES256 signature with s = 0 is exit 1" {
	t=$(tok_with "$KEYS/p256.pem")
	split_token "$t"
	{ head -c 32 sig; head -c 32 /dev/zero; } > s0
	run -1 jwtool verify -k "$KEYS/p256.pem" "$(resig "$t" s0)"
	assert_output "jwtool: verify: signature does not match (ES256, 1 key tried): ECDSA s is zero"
}

@test "an all-zero ES384 signature is exit 1" {
	t=$(tok_with "$KEYS/p384.pem")
	head -c 96 /dev/zero > zero
	run -1 jwtool verify -k "$KEYS/p384.pem" "$(resig "$t" zero)"
	assert_output "jwtool: verify: signature does not match (ES384, 1 key tried): ECDSA r is zero"
}

@test "an ES256 signature with r = n is exit 1" {
	t=$(tok_with "$KEYS/p256.pem")
	split_token "$t"
	n=ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551
	{ printf '%s' $n | xxd -r -p; tail -c 32 sig; } > rn
	run -1 jwtool verify -k "$KEYS/p256.pem" "$(resig "$t" rn)"
	assert_output "jwtool: verify: signature does not match (ES256, 1 key tried): ECDSA r is not below the curve order"
}

@test "an ES256 signature with r = n and s = 0 names the zero first" {
	t=$(tok_with "$KEYS/p256.pem")
	n=ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551
	{ printf '%s' $n | xxd -r -p; head -c 32 /dev/zero; } > rn0
	run -1 jwtool verify -k "$KEYS/p256.pem" "$(resig "$t" rn0)"
	assert_output "jwtool: verify: signature does not match (ES256, 1 key tried): ECDSA s is zero"
}

@test "an ES256 signature with s = n + (s mod n), the same s mod n, is exit 1" {
	t=$(tok_with "$KEYS/p256.pem")
	split_token "$t"
	"$PYTHON" - <<'PY'
n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551
sig = open("sig", "rb").read()
s = int.from_bytes(sig[32:], "big") + n
if s < 2**256:
    open("sn", "wb").write(sig[:32] + s.to_bytes(32, "big"))
else:
    open("sn", "wb").write(sig[:32] + n.to_bytes(32, "big"))
PY
	run -1 jwtool verify -k "$KEYS/p256.pem" "$(resig "$t" sn)"
	assert_output "jwtool: verify: signature does not match (ES256, 1 key tried): ECDSA s is not below the curve order"
}

@test "a high-S ECDSA signature (n - s) is valid in JOSE" {
	t=$(tok_with "$KEYS/p256.pem")
	split_token "$t"
	"$PYTHON" - <<'PY'
n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551
sig = open("sig", "rb").read()
s = n - int.from_bytes(sig[32:], "big")
open("hs", "wb").write(sig[:32] + s.to_bytes(32, "big"))
PY
	run -0 jwtool verify -k "$KEYS/p256.pem" --now $NOW "$(resig "$t" hs)"
	assert_output '{"sub":"t","iat":1795867200}'
}

@test "a short ES256 signature that only starts like DER gets no DER hint" {
	t=$(tok_with "$KEYS/p256.pem")
	# SEQUENCE of 61 bytes, but no INTEGER inside: raw bytes, not DER
	{ printf '\060\075'; head -c 61 /dev/zero | tr '\0' 'A'; } > raw
	run -1 jwtool verify -k "$KEYS/p256.pem" "$(resig "$t" raw)"
	assert_output "jwtool: verify: signature does not match (ES256, 1 key tried): signature is 63 bytes, ES256 needs 64"
}

@test "a truncated ES256 signature is exit 1" {
	t=$(tok_with "$KEYS/p256.pem")
	run -1 jwtool verify -k "$KEYS/p256.pem" "$(cut_sig "$t" 63)"
	assert_output "jwtool: verify: signature does not match (ES256, 1 key tried): signature is 63 bytes, ES256 needs 64"
}

@test "a truncated RS256 signature is exit 1" {
	t=$(tok_with "$KEYS/rsa2048.pem")
	run -1 jwtool verify -k "$KEYS/rsa2048.pub.pem" "$(cut_sig "$t" 255)"
	assert_output "jwtool: verify: signature does not match (RS256, 1 key tried): signature is 255 bytes, the RSA key needs 256"
}

@test "a PS256 signature under an RS256 header is exit 1" {
	t=$(tok_with "$KEYS/rsa2048.pem" PS256)
	run -1 jwtool verify -k "$KEYS/rsa2048.pub.pem" "$(relabel "$t" '{"alg":"RS256"}')"
	assert_output "jwtool: verify: signature does not match (RS256, 1 key tried)"
}

@test "an RS256 signature under a PS256 header is exit 1" {
	t=$(tok_with "$KEYS/rsa2048.pem" RS256)
	run -1 jwtool verify -k "$KEYS/rsa2048.pub.pem" "$(relabel "$t" '{"alg":"PS256"}')"
	assert_output "jwtool: verify: signature does not match (PS256, 1 key tried)"
}

@test "a PS256 signature under a PS384 header is exit 1" {
	t=$(tok_with "$KEYS/rsa2048.pem" PS256)
	run -1 jwtool verify -k "$KEYS/rsa2048.pub.pem" "$(relabel "$t" '{"alg":"PS384"}')"
	assert_output "jwtool: verify: signature does not match (PS384, 1 key tried)"
}

@test "an RSA key of 1024 bits is exit 7" {
	t=$(jwtool sign -k "$KEYS/rsa1024.pem" --allow-weak-key --now $NOW 2>/dev/null)
	run -7 jwtool verify -k "$KEYS/rsa1024.pem" --now $NOW "$t"
	assert_output "jwtool: verify: the RSA key is 1024 bits, fewer than 2048 (RFC 7518 section 3.3); --allow-weak-key accepts it"
}

@test "an ES256 token against a P-384 key is exit 1" {
	run -1 jwtool verify -k "$KEYS/p384.pem" "$(tok_with "$KEYS/p256.pem")"
	assert_output "jwtool: verify: algorithm 'ES256' is not allowed for the P-384 private key (PEM)"
}

@test "an ES256K signature relabelled ES256, with the secp256k1 key, is exit 1" {
	t=$(tok_with "$KEYS/secp256k1.pem")
	run -1 jwtool verify -k "$KEYS/secp256k1.pem" "$(relabel "$t" '{"alg":"ES256"}')"
	assert_output "jwtool: verify: algorithm 'ES256' is not allowed for the secp256k1 private key (PEM)"
}

@test "an ES256 token relabelled ES256K, against a P-256 key, is exit 1" {
	t=$(tok_with "$KEYS/p256.pem")
	run -1 jwtool verify -k "$KEYS/p256.pem" "$(relabel "$t" '{"alg":"ES256K"}')"
	assert_output "jwtool: verify: algorithm 'ES256K' is not allowed for the P-256 private key (PEM)"
}

@test "an Ed448 signature against an Ed25519 key is exit 1" {
	run -1 jwtool verify -k "$KEYS/ed25519.pub.pem" "$(tok_with "$KEYS/ed448.pem")"
	assert_output "jwtool: verify: signature does not match (EdDSA, 1 key tried): signature is 114 bytes, EdDSA (Ed25519) needs 64"
}

@test "an RSA JWK with alg RS256 refuses a PS256 token" {
	key_forms "$KEYS/rsa2048.pem"
	jq -c '.alg="RS256"' pub.jwk > rs.jwk
	run -1 jwtool verify -k rs.jwk "$(tok_with "$KEYS/rsa2048.pem" PS256)"
	assert_output "jwtool: verify: algorithm 'PS256' is not allowed for the RSA 2048-bit public key (JWK): the key's JWK 'alg' is 'RS256'"
}

@test "an ES256 token naming the kid of a JWKS's RSA key is exit 1" {
	key_forms "$KEYS/rsa2048.pem"
	t=$(jwtool sign -k "$KEYS/p256.pem" --kid this --now $NOW)
	run -1 jwtool verify -k pub.jwks "$t"
	assert_output "jwtool: verify: algorithm 'ES256' is not allowed for the key with kid 'this' (RSA 2048-bit public key (JWKS))"
}

@test "an EC JWK whose point is not on the curve is exit 7" {
	key_forms "$KEYS/p256.pem"
	jq -c '.y=.x' pub.jwk > off.jwk
	run -7 jwtool verify -k off.jwk a.b.c
	assert_output "jwtool: verify: key 'off.jwk': the JWK is not a valid key: point is not on curve"
}

# bad_rsa PEM OUT.der FIELD: the PKCS#1 form of PEM's RSA key with bit 1 of
# the last byte of INTEGER number FIELD flipped (0 version, 1 n, 2 e, 3 d,
# 4 p, ...): an odd number stays odd.
bad_rsa() {
	openssl rsa -in "$1" -traditional -outform DER -out good.der 2>/dev/null
	"$PYTHON" - good.der "$2" "$3" <<'PY'
import sys
der = bytearray(open(sys.argv[1], "rb").read())
def tlv(i):
    n = der[i + 1]
    i += 2
    if n & 0x80:
        k = n & 0x7f
        n = int.from_bytes(der[i:i + k], "big")
        i += k
    return n, i
_, i = tlv(0)
for _ in range(int(sys.argv[3])):
    n, c = tlv(i)
    i = c + n
n, c = tlv(i)
der[c + n - 1] ^= 0x02
open(sys.argv[2], "wb").write(der)
PY
}


@test "an RSA private key whose p times q is not n is exit 7 (found by fuzz_pemkeys)" {
	bad_rsa "$KEYS/rsa2048.pem" bad.der 4
	{ echo '-----BEGIN RSA PRIVATE KEY-----'; base64 -w64 bad.der
	  echo '-----END RSA PRIVATE KEY-----'; } > bad.pem
	run -7 jwtool sign -k bad.pem
	assert_output "jwtool: sign: key 'bad.pem': the RSA private key is not valid: 'p' times 'q' is not 'n'"
	run -7 jwtool sign -k bad.der --key-format der
	assert_output "jwtool: sign: key 'bad.der': the RSA private key is not valid: 'p' times 'q' is not 'n'"
	run -7 jwtool verify -k bad.pem "$(tok_with "$KEYS/rsa2048.pem")"
	assert_output "jwtool: verify: key 'bad.pem': the RSA private key is not valid: 'p' times 'q' is not 'n'"
}

@test "an RSA private key whose e does not fit d is exit 7" {
	bad_rsa "$KEYS/rsa2048.pem" bad.der 2
	run -7 jwtool sign -k bad.der
	assert_output "jwtool: sign: key 'bad.der': the RSA private key does not match its 'n' and 'e'"
}
