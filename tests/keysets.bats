#!/usr/bin/env bats
# Keys and key sets that must not be trusted: RSA moduli with the ROCA
# fingerprint, and key sets that mix secret keys with public-key ones.
#
# tests/fixtures/keys/roca2048.pem was made by
#   tests/helpers/rocakey.py 2048 jwtool-roca-2048 > roca2048.pem
# (primes built as Infineon's RSALib built them, from a seeded generator),
# roca2048.pub.pem by 'openssl pkey -pubout', and roca2048.pub.jwk by
# 'tests/helpers/keytool.py jwk --public' with kid 'roca-1' added.

load helpers/common
load helpers/keys

ROCA_WHY="RSA modulus has the ROCA fingerprint (CVE-2017-15361): its primes can be recovered; replace the key"
MIXED_WHY="anyone who can read the set can forge tokens"

# rs256: an RS256 token of the fixture rsa2048.pem (no kid).
rs256() {
	jwtool sign -k "$KEYS/rsa2048.pem" --now $NOW --sub ok "$@"
}

# --- ROCA -----------------------------------------------------------------

@test "verify refuses a ROCA public key in PEM and in JWK (exit 7)" {
	t=$(rs256)
	run -7 jwtool verify -k "$KEYS/roca2048.pub.pem" --now $NOW "$t"
	assert_output "jwtool: verify: key '$KEYS/roca2048.pub.pem': $ROCA_WHY"
	run -7 jwtool verify -k "$KEYS/roca2048.pub.jwk" --now $NOW "$t"
	assert_output "jwtool: verify: key '$KEYS/roca2048.pub.jwk' (kid 'roca-1'): $ROCA_WHY"
}

@test "verify refuses a ROCA key in every public and private form (exit 7)" {
	key_forms "$KEYS/roca2048.pem"
	t=$(rs256)
	# SPKI and PKCS#1, PEM and DER, certificates, JWK, JWKS, encrypted
	for f in $PUB $PRIV; do
		# shellcheck disable=SC2046
		run -7 jwtool verify $(passopt "$f") -k "$f" --now $NOW "$t"
		case $f in
		*.jwks) assert_output "jwtool: verify: key '$f' (kid 'this'): $ROCA_WHY" ;;
		*) assert_output "jwtool: verify: key '$f': $ROCA_WHY" ;;
		esac
	done
}

@test "a ROCA key in a JWKS spoils the set, even for a token of another key" {
	# the RSA keys of a JWKS are imported when a token needs them; the
	# modulus is screened as the set is read
	$KEYTOOL jwk --public "$KEYS/rsa2048.pem" | jq -c '. + {kid: "good"}' > good.jwk
	jq -c --slurpfile g good.jwk '{keys: [$g[0], .]}' "$KEYS/roca2048.pub.jwk" > kid.jwks
	jq -c --slurpfile g good.jwk '{keys: [$g[0], del(.kid)]}' "$KEYS/roca2048.pub.jwk" > nokid.jwks
	t=$(rs256 --kid good)
	run -7 jwtool verify -k kid.jwks --now $NOW "$t"
	assert_output "jwtool: verify: key 'kid.jwks' (kid 'roca-1'): $ROCA_WHY"
	run -7 jwtool verify -k nokid.jwks --now $NOW "$t"
	assert_output "jwtool: verify: key 'nokid.jwks' (key #2): $ROCA_WHY"
	run -7 --separate-stderr jwtool verify --batch -k kid.jwks --now $NOW <<<"$t"
	assert_equal "$stderr" "jwtool: verify: key 'kid.jwks' (kid 'roca-1'): $ROCA_WHY"
	jq -c '{keys: [.keys[0]]}' kid.jwks > alone.jwks
	run -0 jwtool verify -q -k alone.jwks --now $NOW "$t"
}

@test "sign refuses a ROCA private key (exit 7)" {
	run -7 jwtool sign -k "$KEYS/roca2048.pem" --now $NOW
	assert_output "jwtool: sign: key '$KEYS/roca2048.pem': $ROCA_WHY"
	key_forms "$KEYS/roca2048.pem"
	for f in k.p8.der k.trad.pem k.enc.pem k.jwk; do
		# shellcheck disable=SC2046
		run -7 jwtool sign $(passopt "$f") -k "$f" --now $NOW
		assert_output "jwtool: sign: key '$f': $ROCA_WHY"
	done
	run -7 jwtool sign -k k.jwks --kid this --now $NOW
	assert_output "jwtool: sign: key 'k.jwks' (kid 'this'): $ROCA_WHY"
}

@test "jwk converts a ROCA key, warning of it on stderr" {
	run -0 --separate-stderr jwtool jwk --public "$KEYS/roca2048.pem"
	assert_equal "$stderr" "jwtool: jwk: warning: key '$KEYS/roca2048.pem': $ROCA_WHY"
	assert_equal "$(jq -cS . <<<"$output")" "$(jq -cS 'del(.kid)' "$KEYS/roca2048.pub.jwk")"
	run -0 --separate-stderr jwtool jwk --thumbprint "$KEYS/roca2048.pub.jwk"
	assert_equal "$stderr" "jwtool: jwk: warning: key '$KEYS/roca2048.pub.jwk' (kid 'roca-1'): $ROCA_WHY"
	run -0 --separate-stderr jwtool jwk --format pem "$KEYS/roca2048.pem"
	assert_equal "$output" "$(cat "$KEYS/roca2048.pem")"
	assert_equal "$stderr" "jwtool: jwk: warning: key '$KEYS/roca2048.pem': $ROCA_WHY"
}

@test "RSA keys without the fingerprint sign and verify as before" {
	key_forms "$KEYS/rsa2048.pem"
	t=$(rs256 --kid this)
	for f in $PUB $PRIV; do
		# shellcheck disable=SC2046
		run -0 jwtool verify -q $(passopt "$f") -k "$f" --now $NOW "$t"
	done
	run -0 --separate-stderr jwtool jwk --public "$KEYS/rsa2048.pem"
	assert_equal "$stderr" ""
}

# --- key sets mixing secret and public-key keys ---------------------------

@test "verify refuses a JWKS that mixes oct keys with public keys (exit 7)" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --kid hs-1 --now $NOW)
	run -7 jwtool verify -k "$KEYS/set.jwks" --now $NOW "$t"
	assert_output "jwtool: verify: key set '$KEYS/set.jwks' mixes secret (oct) keys ('hs-0', 'hs-1') with RSA, EC or OKP keys ('ed-1'): $MIXED_WHY"
	run -7 jwtool verify -k - --now $NOW "$t" < "$KEYS/set.jwks"
	assert_output "jwtool: verify: key set 'stdin' mixes secret (oct) keys ('hs-0', 'hs-1') with RSA, EC or OKP keys ('ed-1'): $MIXED_WHY"
}

@test "a mixed set is refused with --batch, --find and --json too" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --kid hs-1 --now $NOW)
	want="jwtool: verify: key set 'set.jwks' mixes secret (oct) keys ('hs-0', 'hs-1') with RSA, EC or OKP keys ('ed-1'): $MIXED_WHY"
	cp "$KEYS/set.jwks" .
	printf '%s\n' "$t" > in
	run -7 --separate-stderr jwtool verify --batch -k set.jwks --now $NOW in
	assert_equal "$stderr" "$want"
	assert_equal "$output" ""
	run -7 --separate-stderr jwtool verify --batch --jobs 2 -k set.jwks --now $NOW in
	assert_equal "$stderr" "$want"
	printf 'log line token=%s end\n' "$t" > app.log
	run -7 --separate-stderr jwtool verify --find -k set.jwks --now $NOW app.log
	assert_equal "$stderr" "$want"
	assert_equal "$output" ""
	run -7 --separate-stderr jwtool verify --json -k set.jwks --now $NOW "$t"
	assert_equal "$stderr" "$want"
}

@test "a mixed set with private keys, or keys without kid, is refused too" {
	$KEYTOOL jwk "$KEYS/p256.pem" > p256.jwk
	jq -c 'del(.kid, .alg)' "$KEYS/hs256.jwk" > hs.jwk
	jq -c --slurpfile h hs.jwk '{keys: [., $h[0]]}' p256.jwk > priv.jwks
	t=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW)
	run -7 jwtool verify -k priv.jwks --now $NOW "$t"
	assert_output "jwtool: verify: key set 'priv.jwks' mixes secret (oct) keys (#2) with RSA, EC or OKP keys (#1): $MIXED_WHY"
}

@test "the message of a large mixed set stays one bounded line" {
	long=$(printf 'k%.0s' {1..200})
	for i in 1 2 3 4 5; do
		jq -c --arg k "oct-$i" '. + {kid: $k}' "$KEYS/hs256.jwk"
		jq -c --arg k "ed-$i" '. + {kid: $k}' "$KEYS/ed25519.pub.jwk"
	done | jq -sc --arg l "$long" '{keys: ([.[0] + {kid: $l}] + .[1:])}' > big.jwks
	t=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW)
	run -7 --separate-stderr jwtool verify -k big.jwks --now $NOW "$t"
	assert_equal "$stderr" "jwtool: verify: key set 'big.jwks' mixes secret (oct) keys ('kkkkkkkkkkkkkkkkkkkkkkkk...', 'oct-2', 'oct-3' and 2 more) with RSA, EC or OKP keys ('ed-1', 'ed-2', 'ed-3' and 2 more): $MIXED_WHY"
}

@test "sets of only secrets or only public keys still verify; sign takes a mixed set" {
	t=$(jwtool sign -k "$KEYS/hs256.key" --kid hs-1 --now $NOW)
	run -0 jwtool verify -q -k "$KEYS/hs.jwks" --now $NOW "$t"
	e=$(jwtool sign -k "$KEYS/ed25519.pem" --kid ed-1 --now $NOW)
	run -0 jwtool verify -q -k "$KEYS/pub.jwks" --now $NOW "$e"
	# a signing set is secret anyway: sign picks one key from it by kid
	run -0 --separate-stderr jwtool sign -k "$KEYS/set.jwks" --kid hs-1 --now $NOW
	assert_equal "$output" "$t"
}
