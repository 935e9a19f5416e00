#!/usr/bin/env bats
# Keys and key sets that must not be trusted: RSA moduli with the ROCA
# fingerprint.
#
# tests/fixtures/keys/roca2048.pem was made by
#   tests/helpers/rocakey.py 2048 jwtool-roca-2048 > roca2048.pem
# (primes built as Infineon's RSALib built them, from a seeded generator),
# roca2048.pub.pem by 'openssl pkey -pubout', and roca2048.pub.jwk by
# 'tests/helpers/keytool.py jwk --public' with kid 'roca-1' added.

load helpers/common
load helpers/keys

ROCA_WHY="RSA modulus has the ROCA fingerprint (CVE-2017-15361): its primes can be recovered; replace the key"

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
