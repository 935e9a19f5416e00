#!/usr/bin/env bats
# sign: header options: --kid auto, --no-typ, --header, --x5c, --x5t,
# precedence, and --unsecured.

load helpers/common

header() {
	jwtool decode --compact "$1" | sed 's/^{"header":\(.*\),"payload":.*$/\1/'
}
sign() { jwtool sign -k "$KEYS/hs256.key" --now $NOW "$@"; }
b64url_bin() { base64 -w0 | tr '+/' '-_' | tr -d =; }

# certs: a leaf certificate for the Ed25519 test key and a CA, as PEM.
certs() {
	openssl req -new -x509 -key "$KEYS/ed25519.pem" -subj /CN=leaf \
	    -days 30 -out leaf.pem 2>/dev/null
	openssl genpkey -algorithm ed25519 -out ca.key
	openssl req -new -x509 -key ca.key -subj /CN=ca -days 30 \
	    -out ca.pem 2>/dev/null
	cat leaf.pem ca.pem > chain.pem
}

@test "--kid auto is the RFC 7638 thumbprint of an Ed25519 key (RFC 8037 A.3)" {
	jq .key "$VECTORS/rfc/rfc8037_A4_EdDSA.json" > k.jwk
	t=$(jwtool sign -k k.jwk --now $NOW --kid auto)
	assert_equal "$(header "$t")" '{"alg":"EdDSA","typ":"JWT","kid":"kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"}'
	run -0 jwtool verify -q -k "$KEYS/ed25519.pub.pem" "$(jwtool sign -k "$KEYS/ed25519.pem" --kid auto)"
}

@test "--kid auto is the RFC 7638 thumbprint of an HMAC secret" {
	k=$(b64url_bin < "$KEYS/hs256.key")
	want=$(printf '{"k":"%s","kty":"oct"}' "$k" | openssl dgst -sha256 -binary | b64url_bin)
	t=$(sign --kid auto)
	assert_equal "$(header "$t")" "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"$want\"}"
	# the same key as a JWK gives the same thumbprint, replacing its kid
	t=$(jwtool sign -k "$KEYS/hs256.jwk" --now $NOW --kid auto)
	assert_equal "$(header "$t")" "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"$want\"}"
}

@test "--kid VALUE is kept literally; a JWK's kid is the default" {
	t=$(jwtool sign -k "$KEYS/hs256.jwk" --now $NOW --kid other)
	assert_equal "$(header "$t")" '{"alg":"HS256","typ":"JWT","kid":"other"}'
}

@test "--no-typ leaves typ out; with --typ it is a usage error" {
	t=$(sign --no-typ)
	assert_equal "$(header "$t")" '{"alg":"HS256"}'
	run -2 sign --no-typ --typ JWT
	assert_output "jwtool: sign: --typ and --no-typ contradict each other"
}

@test "--header takes strings, JSON values and nested names" {
	t=$(sign --header s=1 --header 'n:=1.50' --header 'o:={"a":[true]}' \
	    --header o.b:=null --header l+=x)
	assert_equal "$(header "$t")" '{"alg":"HS256","typ":"JWT","s":"1","n":1.50,"o":{"a":[true],"b":null},"l":["x"]}'
}

@test "--header cannot set alg, even nested" {
	run -2 sign --header alg.x=1
	assert_output "jwtool: sign: --header cannot set 'alg'; use --alg"
	run -2 sign --header 'alg:="none"'
	assert_output "jwtool: sign: --header cannot set 'alg'; use --alg"
}

@test "header flags override --header, which overrides the defaults" {
	t=$(sign --header typ=a --header kid=h --header cty=h --kid f --cty f)
	assert_equal "$(header "$t")" '{"alg":"HS256","typ":"a","kid":"f","cty":"f"}'
	t=$(sign --header typ=a --typ f)
	assert_equal "$(header "$t")" '{"alg":"HS256","typ":"f"}'
	t=$(sign --header typ=a --no-typ)
	assert_equal "$(header "$t")" '{"alg":"HS256"}'
}

@test "a header b64 other than true is signed for tests, with a warning" {
	run -0 --separate-stderr sign --header b64:=false
	assert_equal "$stderr" "jwtool: sign: warning: header 'b64' is not true, but the payload is base64url encoded as usual (RFC 7797 is not supported): verifiers should reject this token"
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$output"
	run -0 --separate-stderr sign --header b64:=true
	assert_equal "$stderr" ""
}

@test "--x5c puts the PEM chain in x5c as standard base64 DER, leaf first" {
	certs
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --now $NOW --x5c chain.pem)
	leaf=$(openssl x509 -in leaf.pem -outform DER | base64 -w0)
	ca=$(openssl x509 -in ca.pem -outform DER | base64 -w0)
	assert_equal "$(header "$t")" "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"x5c\":[\"$leaf\",\"$ca\"]}"
	# a certificate rebuilt from x5c is the original
	jwtool decode --compact "$t" | jq -r '.header.x5c[0]' | base64 -d |
	    openssl x509 -inform DER -noout -subject > subject
	assert_equal "$(cat subject)" "subject=CN = leaf"
}

@test "--x5t adds x5t#S256, the base64url SHA-256 of the first certificate" {
	certs
	want=$(openssl x509 -in leaf.pem -outform DER | openssl dgst -sha256 -binary | b64url_bin)
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --now $NOW --x5t chain.pem)
	assert_equal "$(header "$t")" "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"x5t#S256\":\"$want\"}"
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --now $NOW --x5t leaf.pem --x5c leaf.pem)
	assert_equal "$(jwtool decode --compact "$t" | jq -r '.header | keys_unsorted | join(",")')" "alg,typ,x5c,x5t#S256"
}

@test "--x5c skips text and a private key kept in the same file" {
	certs
	{ echo "subject=CN = leaf"; cat "$KEYS/ed25519.pem" leaf.pem; } > mixed.pem
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --now $NOW --x5c mixed.pem)
	run -0 jq -c '.header.x5c | length' <<<"$(jwtool decode --compact "$t")"
	assert_output 1
	refute_output --partial "PRIVATE"
}

@test "bad certificate files: exit 3 naming the problem, exit 8 when unreadable" {
	run -3 sign --x5c "$KEYS/ed25519.pem"
	assert_output "jwtool: sign: --x5c '$KEYS/ed25519.pem': no CERTIFICATE block (expected PEM: -----BEGIN CERTIFICATE-----)"
	printf -- '-----BEGIN CERTIFICATE-----\nMIIB\n' > open.pem
	run -3 sign --x5t open.pem
	assert_output "jwtool: sign: --x5t 'open.pem': 'BEGIN CERTIFICATE' has no END line"
	printf -- '-----BEGIN CERTIFICATE-----\nAgEA\n-----END CERTIFICATE-----\n' > int.pem
	run -3 sign --x5c int.pem
	assert_output "jwtool: sign: --x5c 'int.pem': certificate 1 is not DER (expected one ASN.1 SEQUENCE)"
	printf -- '-----BEGIN CERTIFICATE-----\nM@IB\n-----END CERTIFICATE-----\n' > b64.pem
	run -3 sign --x5c b64.pem
	assert_output "jwtool: sign: --x5c 'b64.pem': certificate 1: invalid base64"
	run -8 sign --x5c nope.pem
	assert_output "jwtool: sign: cannot open certificate file 'nope.pem': No such file or directory"
}

@test "--unsecured makes an alg none token with an empty signature, and warns" {
	run -0 --separate-stderr jwtool sign --unsecured --now $NOW --sub x
	assert_output "$(b64url '{"alg":"none","typ":"JWT"}').$(b64url '{"sub":"x","iat":1795867200}')."
	assert_equal "$stderr" "jwtool: sign: warning: --unsecured: alg 'none' and no signature; anyone can forge such a token, and no verifier should accept it"
	run -1 jwtool verify -k "$KEYS/hs256.key" --alg HS256 "$output"
	assert_output --partial "unsecured token (alg 'none') is never accepted"
}

@test "--unsecured refuses a key, a secret, --alg and --kid auto" {
	run -2 jwtool sign --unsecured -k "$KEYS/hs256.key"
	assert_output "jwtool: sign: --unsecured signs with no key: --key, --secret and --alg do not apply"
	run -2 jwtool sign --unsecured --secret x
	assert_output --partial "--unsecured signs with no key"
	run -2 jwtool sign --unsecured --alg HS256
	assert_output --partial "--unsecured signs with no key"
	run -2 jwtool sign --unsecured --kid auto
	assert_output --partial "--kid auto needs a key"
}

@test "none is never a fallback: --alg none without --unsecured is refused" {
	run -2 --separate-stderr sign --alg none
	assert_output ""
	assert_equal "$stderr" "jwtool: sign: --alg none is not a signing algorithm (--unsecured makes an unsigned token for tests)"
	run -2 jwtool sign
	assert_output --partial "no key"
}

# thumbprint PEM: the RFC 7638 thumbprint of an RSA or EC key, computed by
# Python's cryptography package, not by jwtool.
thumbprint() {
	"$PYTHON" - "$1" <<'PY'
import base64, hashlib, json, sys
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import load_pem_private_key
k = load_pem_private_key(open(sys.argv[1], "rb").read(), None).public_key()
def b64(i, n=None):
    n = n or (i.bit_length() + 7) // 8
    return base64.urlsafe_b64encode(i.to_bytes(n, "big")).rstrip(b"=").decode()
p = k.public_numbers()
if isinstance(k, rsa.RSAPublicKey):
    j = {"e": b64(p.e), "kty": "RSA", "n": b64(p.n)}
else:
    size = (k.curve.key_size + 7) // 8
    crv = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}[k.curve.name]
    j = {"crv": crv, "kty": "EC", "x": b64(p.x, size), "y": b64(p.y, size)}
d = hashlib.sha256(json.dumps(j, separators=(",", ":"), sort_keys=True).encode()).digest()
print(base64.urlsafe_b64encode(d).rstrip(b"=").decode())
PY
}

@test "--kid auto works for RSA and EC keys: the RFC 7638 thumbprint" {
	for k in rsa2048 p256 p384 p521; do
		want=$(thumbprint "$KEYS/$k.pem")
		t=$(jwtool sign -k "$KEYS/$k.pem" --now $NOW --kid auto)
		run -0 jq -r .header.kid <<<"$(jwtool decode --compact "$t")"
		assert_output "$want"
	done
}
