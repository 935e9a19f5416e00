#!/usr/bin/env bats
# verify: the signature with the key's algorithms only, then exp/nbf/iat.

load helpers/common

# Test tokens, expired ones included.
tok() { jwtool sign -k "$KEYS/hs256.key" --now $NOW --allow-expired "$@"; }

@test "a valid token prints its payload and exits 0" {
	run -0 --separate-stderr jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$(tok --sub a)"
	assert_output '{"sub":"a","iat":1795867200}'
	assert_equal "$stderr" ""
}

@test "-q prints nothing on success" {
	run -0 jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$(tok)"
	assert_output ""
}

@test "a token signed with another key is exit 1 with stdout empty" {
	printf 'another-secret-that-is-long-enough-1234' > other
	run -1 --separate-stderr jwtool verify -k other --alg HS256 --now $NOW "$(tok)"
	assert_output ""
	assert_equal "$stderr" "jwtool: verify: signature does not match (HS256, 1 key tried)"
}

@test "a flipped signature bit is exit 1" {
	t=$(tok)
	last=${t: -1}
	[ "$last" = A ] && repl=B || repl=A
	run -1 jwtool verify -k "$KEYS/hs256.key" --alg HS256 "${t%?}$repl"
}

@test "a secret ending in a newline gets a hint on failure" {
	{ cat "$KEYS/hs256.key"; echo; } > nl.key
	run -1 jwtool verify -k nl.key --alg HS256 --now $NOW "$(tok)"
	assert_output --partial "hint: the secret ends with a newline"
}

@test "alg none is never accepted, in any case" {
	for a in none None NONE nOnE; do
		t="$(b64url "{\"alg\":\"$a\"}").$(b64url '{"sub":"x"}')."
		run -1 jwtool verify -k "$KEYS/hs256.key" --alg HS256 "$t"
		assert_output "jwtool: verify: unsecured token (alg '$a') is never accepted"
	done
}

@test "--alg none is a usage error" {
	run -2 jwtool verify -k "$KEYS/hs256.key" --alg none "$(tok)"
	assert_output --partial "unsecured tokens are never accepted"
}

@test "--alg narrows the accepted algorithms" {
	run -1 jwtool verify -k "$KEYS/hs256.key" --alg HS512 "$(tok)"
	assert_output "jwtool: verify: algorithm 'HS256' is not allowed by --alg"
	run -0 jwtool verify -q -k "$KEYS/hs256.key" --alg HS512,HS256 --now $NOW "$(tok)"
	run -2 jwtool verify -k "$KEYS/hs256.key" --alg hs256 "$(tok)"
	assert_output --partial "unknown algorithm 'hs256'"
	run -2 jwtool verify -k "$KEYS/hs256.key" --alg , "$(tok)"
}

@test "the header alg is never trusted: EdDSA token against an HMAC key" {
	t=$(jwtool sign -k "$KEYS/ed25519.pem")
	run -1 jwtool verify -k "$KEYS/hs256.key" --key-format raw "$t"
	assert_output "jwtool: verify: algorithm 'EdDSA' is not allowed for the HMAC secret (41 bytes, from raw secret)"
}

@test "an HS256 token against a public key is refused, never used as a secret" {
	# the classic confusion: HMAC with the public key's bytes as the secret
	t=$(hs256 '{"alg":"HS256"}' '{"sub":"x"}' "$KEYS/ed25519.pub.pem")
	run -1 jwtool verify -k "$KEYS/ed25519.pub.pem" "$t"
	assert_output --partial "algorithm 'HS256' is not allowed for the Ed25519 public key"
	run -7 jwtool verify -k "$KEYS/ed25519.pub.pem" --key-format raw "$t"
	assert_output --partial "is a PEM key, not a raw HMAC secret"
	run -7 jwtool verify -k "$KEYS/rsa2048.pub.pem" --key-format raw "$t"
	run -7 jwtool verify -k "$KEYS/ed25519.pub.jwk" --key-format raw "$t"
	assert_output --partial "is a JWK or JWKS, not a raw HMAC secret"
}

@test "an unknown algorithm is exit 1" {
	t=$(unsigned_token '{"alg":"XX999"}' '{}')
	run -1 jwtool verify -k "$KEYS/hs256.key" --key-format raw "$t"
	assert_output --partial "unknown algorithm 'XX999'"
}

@test "exp: valid one second before, expired at and after (exit 4)" {
	t=$(tok --exp $((NOW + 100)))
	run -0 jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 --now $((NOW + 99)) "$t"
	run -4 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $((NOW + 100)) "$t"
	run -4 --separate-stderr jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $((NOW + 101)) "$t"
	assert_output ""
	assert_equal "$stderr" "jwtool: verify: token expired 1s ago (exp 2026-11-28T12:01:40Z, now 2026-11-28T12:01:41Z)"
}

@test "exp with --leeway" {
	t=$(tok --exp $((NOW + 100)))
	run -0 jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 --leeway 10 --now $((NOW + 109)) "$t"
	run -4 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --leeway 10s --now $((NOW + 110)) "$t"
	run -2 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --leeway soon "$t"
	assert_output --partial "invalid duration 'soon' for --leeway"
}

@test "exp: 0 is expired, not absent" {
	t=$(tok --claim exp:=0)
	run -4 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$t"
}

@test "nbf: not yet valid one second before (exit 5), valid at" {
	t=$(tok --nbf $((NOW + 100)))
	run -5 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $((NOW + 99)) "$t"
	assert_output "jwtool: verify: token is not valid for another 1s (nbf 2026-11-28T12:01:40Z, now 2026-11-28T12:01:39Z)"
	run -0 jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 --now $((NOW + 100)) "$t"
	run -0 jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 --now $((NOW + 95)) --leeway 5 "$t"
	run -5 jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 --now $((NOW + 94)) --leeway 5 "$t"
}

@test "iat in the future is exit 5; at now it is fine" {
	t=$(tok --iat $((NOW + 1)))
	run -5 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$t"
	assert_output --partial "token is issued 1s in the future"
	run -0 jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 --now $((NOW + 1)) "$t"
	run -0 jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 --now $NOW --leeway 1 "$t"
}

@test "time claims must be numbers: a string exp is malformed (exit 3)" {
	t=$(tok --claim exp=tomorrow)
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 "$t"
	assert_output "jwtool: verify: claim 'exp' must be a NumericDate (a number of seconds from 0 to 253402300799), not string"
	t=$(tok --claim nbf:=1e400)
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 "$t"
	t=$(tok --claim iat:=-1)
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 "$t"
}

@test "every failure is reported; the exit status is the first in order" {
	t=$(tok --exp $((NOW - 10)) --nbf $((NOW + 10)))
	run -4 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$t"
	assert_line --index 0 --partial "token expired 10s ago"
	assert_line --index 1 --partial "token is not valid for another 10s"
}

@test "claims are checked only after the signature" {
	printf 'another-secret-that-is-long-enough-1234' > other
	t=$(tok --exp $((NOW - 10)))
	run -1 jwtool verify -k other --alg HS256 --now $NOW "$t"
	refute_output --partial expired
}

@test "a payload that is not a JSON object is malformed for verify" {
	t=$(hs256 '{"alg":"HS256"}' 'hello' "$KEYS/hs256.key")
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 "$t"
	assert_output --partial "the payload is not a JSON object of claims"
}

@test "crit and b64 headers are rejected (exit 3)" {
	t=$(tok --header 'crit:=["exp"]' --header exp:=1)
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$t"
	assert_output --partial "header 'crit' names 'exp', an extension jwtool does not understand"
	t=$(tok --header 'crit:=[]')
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$t"
	assert_output --partial "must be a non-empty array"
	t=$(tok --header 'b64:=false')
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$t"
	assert_output --partial "header 'b64'"
}

@test "a weak HMAC secret is refused for verify (exit 7) unless --allow-weak-key" {
	t=$(jwtool sign -k "$KEYS/short.key" --allow-weak-key --now $NOW 2>/dev/null)
	run -7 jwtool verify -k "$KEYS/short.key" --alg HS256 "$t"
	assert_output --partial "shorter than 32 bytes"
	run -0 --separate-stderr jwtool verify -q -k "$KEYS/short.key" --alg HS256 --allow-weak-key --now $NOW "$t"
	assert_equal "$stderr" "jwtool: verify: warning: the HS256 secret is 12 bytes; RFC 7518 wants at least 32"
}

@test "JWKS: the key with the token's kid is used" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --kid hs-1 --now $NOW)
	run -0 jwtool verify -q -k "$KEYS/hs.jwks" --now $NOW "$t"
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --kid ed-1 --now $NOW)
	run -0 jwtool verify -q -k "$KEYS/pub.jwks" --now $NOW "$t"
}

@test "JWKS: an unknown kid is exit 1 naming the kids available" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --kid nope --now $NOW)
	run -1 jwtool verify -k "$KEYS/hs.jwks" "$t"
	assert_output "jwtool: verify: no key with kid 'nope' (available: 'hs-0', 'hs-1')"
}

@test "JWKS: the right kid with the wrong secret is exit 1" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --kid hs-0 --now $NOW)
	run -1 jwtool verify -k "$KEYS/hs.jwks" "$t"
	assert_output --partial "signature does not match"
}

@test "JWKS: without a kid every suitable key is tried" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW)
	run -0 jwtool verify -q -k "$KEYS/hs.jwks" --now $NOW "$t"
}

@test "a JWK alg member limits the key to that algorithm" {
	jq -c '.alg="HS512"' "$KEYS/hs256.jwk" > hs512only.jwk
	run -1 jwtool verify -k hs512only.jwk "$(tok)"
	assert_output --partial "not allowed"
	jq -c '.use="enc" | del(.alg)' "$KEYS/hs256.jwk" > enc.jwk
	run -1 jwtool verify -k enc.jwk "$(tok)"
	jq -c '.key_ops=["sign"] | del(.alg)' "$KEYS/hs256.jwk" > signonly.jwk
	run -1 jwtool verify -k signonly.jwk "$(tok)"
	jq -c '.key_ops=["verify"] | del(.alg)' "$KEYS/hs256.jwk" > verifyonly.jwk
	run -0 jwtool verify -q -k verifyonly.jwk --now $NOW "$(tok)"
	run -7 jwtool sign -k verifyonly.jwk
}

@test "the token from stdin, a file, or an argument" {
	t=$(tok)
	run -0 jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 --now $NOW - <<<"$t"
	run -0 jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 --now $NOW <<<"$t"
	echo "$t" > t.jwt
	run -0 jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 --now $NOW t.jwt
}

@test "the key from stdin or the environment" {
	t=$(tok)
	run -0 jwtool verify -q -k - --alg HS256 --now $NOW "$t" < "$KEYS/hs256.key"
	export JWT_KEY="$(cat "$KEYS/hs256.key")"
	run -0 jwtool verify -q -k env:JWT_KEY --alg HS256 --now $NOW "$t"
	run -2 jwtool verify -k env:NO_SUCH_VAR "$t"
	assert_output "jwtool: verify: environment variable 'NO_SUCH_VAR' is not set"
	run -2 jwtool verify -k - - <<<"$t"
	assert_output --partial "cannot both come from stdin"
}

@test "an unreadable key is exit 7" {
	run -7 jwtool verify -k nope.key "$(tok)"
	assert_output "jwtool: verify: cannot open key 'nope.key': No such file or directory"
	: > empty.key
	run -7 jwtool verify -k empty.key "$(tok)"
	assert_output "jwtool: verify: key 'empty.key' is empty"
}

@test "a malformed token is exit 3" {
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 a.b
	assert_output "jwtool: verify: malformed token: expected 3 segments separated by '.', found 2"
}

@test "more than one token argument is a usage error" {
	run -2 jwtool verify -k "$KEYS/hs256.key" a.b.c d.e.f
}

@test "crit: not an array, empty, or holding a non-name is exit 3" {
	for c in '"x"' '[]' '{}'; do
		run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$(tok --header "crit:=$c")"
		assert_output "jwtool: verify: header 'crit' must be a non-empty array of names"
	done
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$(tok --header 'crit:=[1]')"
	assert_output "jwtool: verify: header 'crit' holds a number, not a name"
}

@test "crit: a registered header, a name not in the header, or a name twice is exit 3" {
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$(tok --header 'crit:=["alg"]')"
	assert_output "jwtool: verify: header 'crit' names 'alg', a registered header, which crit must not list"
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$(tok --header 'crit:=["kid"]' --kid k)"
	assert_output --partial "names 'kid', a registered header"
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$(tok --header 'crit:=["ext"]')"
	assert_output "jwtool: verify: header 'crit' names 'ext', which the header does not have"
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$(tok --header 'crit:=["ext","ext"]' --header ext:=1)"
	assert_output "jwtool: verify: header 'crit' names 'ext' twice"
}

@test "crit: an unknown extension is exit 3; b64 true is understood" {
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$(tok --header 'crit:=["ext"]' --header ext=1)"
	assert_output "jwtool: verify: header 'crit' names 'ext', an extension jwtool does not understand"
	run -0 jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$(tok --header 'crit:=["b64"]' --header b64:=true)"
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$(tok --header 'crit:=["b64"]' --header b64:=false)"
	assert_line --index 0 "jwtool: verify: header 'crit' names 'b64', an extension jwtool does not understand"
	assert_line --index 1 "jwtool: verify: header 'b64' is false (RFC 7797 unencoded payload), which jwtool does not support"
}

@test "b64 must be a boolean, and false is refused (exit 3)" {
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$(tok --header b64:=false)"
	assert_output "jwtool: verify: header 'b64' is false (RFC 7797 unencoded payload), which jwtool does not support"
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$(tok --header b64=no)"
	assert_output "jwtool: verify: header 'b64' must be a boolean, not string"
	run -0 jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$(tok --header b64:=true)"
}

@test "an embedded jwk header never supplies the key: Ed25519" {
	# the attacker signs with their own key and embeds its public half
	x=$(openssl pkey -in "$KEYS/ed25519-other.pem" -pubout -outform DER | tail -c 32 |
	    base64 -w0 | tr '+/' '-_' | tr -d '=')
	t=$(jwtool sign -k "$KEYS/ed25519-other.pem" --now $NOW \
	    --header "jwk:={\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"$x\"}")
	run -1 jwtool verify -k "$KEYS/ed25519.pub.pem" --now $NOW "$t"
	assert_output "jwtool: verify: signature does not match (EdDSA, 1 key tried)"
	# the same header on a token from the real key changes nothing
	t=$(jwtool sign -k "$KEYS/ed25519.pem" --now $NOW \
	    --header "jwk:={\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"$x\"}")
	run -0 jwtool verify -q -k "$KEYS/ed25519.pub.pem" --now $NOW "$t"
}

@test "an embedded jwk header never supplies the key: HMAC" {
	printf 'attacker-secret-attacker-secret-attacker' > evil
	k=$(b64url "$(cat evil)")
	t=$(jwtool sign -k evil --now $NOW --header "jwk:={\"kty\":\"oct\",\"k\":\"$k\"}")
	run -1 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$t"
	assert_output "jwtool: verify: signature does not match (HS256, 1 key tried)"
	run -2 jwtool verify --now $NOW "$t"
	assert_output "jwtool: verify: no key: give --key SRC (a path, - or env:NAME)"
}

@test "jku, x5u and x5c headers are ignored: nothing is fetched" {
	t=$(tok --header jku=http://127.0.0.1:9/jwks --header x5u=http://127.0.0.1:9/c \
	    --header 'x5c:=["MIIB"]')
	run -0 jwtool verify -q -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$t"
	printf 'another-secret-that-is-long-enough-1234' > other
	run -1 jwtool verify -k other --alg HS256 --now $NOW "$t"
}

@test "JWKS: a failed signature names the kids tried" {
	printf 'another-secret-that-is-long-enough-1234' > other
	t=$(jwtool sign -k other --kid hs-0 --now $NOW)
	run -1 jwtool verify -k "$KEYS/hs.jwks" --now $NOW "$t"
	assert_output "jwtool: verify: signature does not match (HS256, 1 key tried: 'hs-0')"
	t=$(jwtool sign -k other --now $NOW)
	run -1 jwtool verify -k "$KEYS/hs.jwks" --now $NOW "$t"
	assert_output "jwtool: verify: signature does not match (HS256, 2 keys tried: 'hs-0', 'hs-1')"
}

@test "JWKS: on a terminal, success names the kid used; not in a pipe" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW)
	run -0 script -qec "jwtool verify -q -k '$KEYS/hs.jwks' --now $NOW $t" /dev/null
	assert_output $'jwtool: verify: signature verified with kid \'hs-1\' (HS256)\r'
	run -0 --separate-stderr jwtool verify -q -k "$KEYS/hs.jwks" --now $NOW "$t"
	assert_equal "$stderr" ""
	run -0 script -qec "jwtool verify -q -k '$KEYS/hs256.key' --alg HS256 --now $NOW $t" /dev/null
	assert_output ""
}

@test "crit: a huge list is refused at once, not compared pairwise" {
	"$PYTHON" - "$KEYS/hs256.key" > big.jwt <<-'PY'
		import base64, hashlib, hmac, json, sys
		b = lambda d: base64.urlsafe_b64encode(d).rstrip(b"=")
		h = {"alg": "HS256", "crit": ["e%d" % i for i in range(200000)]}
		si = b(json.dumps(h).encode()) + b"." + b(b"{}")
		key = open(sys.argv[1], "rb").read()
		print((si + b"." + b(hmac.new(key, si, hashlib.sha256).digest())).decode())
	PY
	run -3 timeout 10 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW big.jwt
	assert_output "jwtool: verify: header 'crit' lists 200000 names; jwtool understands only 'b64'"
	c=$("$PYTHON" -c 'import json; print(json.dumps(["e%d" % i for i in range(33)]))')
	run -3 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$(tok --header "crit:=$c")"
	assert_output --partial "lists 33 names"
}
