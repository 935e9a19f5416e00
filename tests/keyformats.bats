#!/usr/bin/env bats
# RSA, EC and Ed448 keys: formats, passphrases, JWK members, and every
# refusal with its message and exit status.

load helpers/common
load helpers/keys

tok() { jwtool sign -k "${1:-$KEYS/rsa2048.pem}" ${2:+--alg "$2"} --now $NOW --sub t; }

# sig_token TOKEN FILE: TOKEN with its signature replaced by FILE's bytes.
sig_token() { printf '%s.%s' "${1%.*}" "$(b64url_file "$2")"; }

@test "an encrypted PKCS#8 key needs --passphrase-file" {
	key_forms "$KEYS/rsa2048.pem"
	for k in k.enc.pem k.enc.der; do
		run -7 jwtool sign -k $k
		assert_output "jwtool: sign: key '$k' is encrypted: give its passphrase with --passphrase-file"
		printf 'wrong\n' > wrong.txt
		run -7 jwtool sign --passphrase-file wrong.txt -k $k
		assert_output "jwtool: sign: key '$k': cannot decrypt it with the passphrase given (wrong passphrase?)"
		run -0 jwtool sign --passphrase-file pass.txt -k $k
	done
}

@test "a legacy encrypted PEM (Proc-Type) needs the passphrase too" {
	openssl rsa -in "$KEYS/rsa2048.pem" -aes128 -traditional -passout pass:s3cret -out legacy.pem 2>/dev/null
	run -0 grep -c "Proc-Type: 4,ENCRYPTED" legacy.pem
	run -7 jwtool sign -k legacy.pem
	assert_output "jwtool: sign: key 'legacy.pem' is encrypted: give its passphrase with --passphrase-file"
	printf 's3cret\n' > p.txt
	run -0 jwtool sign --passphrase-file p.txt -k legacy.pem
}

@test "legacy encrypted PEM keys decrypt with each cipher openssl writes" {
	printf 's3cret\n' > p.txt
	t=$(jwtool sign -k "$KEYS/p256.pem" --now $NOW)
	for c in aes128 aes192 aes256 des3 camellia128 camellia256 aria128 aria256; do
		openssl ec -in "$KEYS/p256.pem" -$c -passout pass:s3cret -out $c.pem 2>/dev/null
		run -0 grep -c "DEK-Info:" $c.pem
		run -0 jwtool verify -q --passphrase-file p.txt -k $c.pem --now $NOW "$t"
		run -0 jwtool sign --passphrase-file p.txt -k $c.pem --now $NOW
	done
}

@test "the passphrase comes from the first line of a file or a variable" {
	key_forms "$KEYS/p256.pem"
	t=$(tok "$KEYS/p256.pem")
	run -0 jwtool verify -q --passphrase-file pass.txt -k k.enc.pem --now $NOW "$t"
	printf '%s\r\nsecond line\n' "$PASS" > crlf.txt
	run -0 jwtool verify -q --passphrase-file crlf.txt -k k.enc.pem --now $NOW "$t"
	printf '%s' "$PASS" > bare.txt
	run -0 jwtool verify -q --passphrase-file bare.txt -k k.enc.pem --now $NOW "$t"
	export KEY_PASS="$PASS"
	run -0 jwtool verify -q --passphrase-file env:KEY_PASS -k k.enc.pem --now $NOW "$t"
}

@test "a bad --passphrase-file is an error, never a prompt" {
	key_forms "$KEYS/p256.pem"
	run -7 jwtool sign --passphrase-file nope.txt -k k.enc.pem
	assert_output "jwtool: sign: cannot open passphrase 'nope.txt': No such file or directory"
	printf '\n' > empty.txt
	run -7 jwtool sign --passphrase-file empty.txt -k k.enc.pem
	assert_output "jwtool: sign: the passphrase from 'empty.txt' is empty"
	run -2 jwtool sign --passphrase-file - -k k.enc.pem
	assert_output "jwtool: sign: --passphrase-file cannot be stdin"
	run -2 jwtool sign --passphrase-file env:NO_SUCH_PASS -k k.enc.pem
	assert_output "jwtool: sign: environment variable 'NO_SUCH_PASS' is not set"
	# with no terminal to prompt on and none wanted: stdin is never read
	echo '{}' > c.json
	run -7 jwtool sign -k k.enc.pem c.json <<<"$PASS"
	assert_output --partial "is encrypted: give its passphrase"
}

@test "openssl ecparam -genkey output (EC PARAMETERS, then the key) loads" {
	openssl ecparam -name prime256v1 -genkey -out ec.pem
	run -0 grep -c "BEGIN EC PARAMETERS" ec.pem
	run -0 --separate-stderr jwtool sign -k ec.pem --now $NOW
	run -0 jwtool verify -q -k ec.pem --now $NOW "$output"
	openssl ecparam -name prime256v1 -out params.pem
	run -7 jwtool sign -k params.pem
	assert_output "jwtool: sign: key 'params.pem': the PEM holds EC parameters but no key"
}

@test "a PEM holding a certificate and a key signs with the key" {
	openssl req -new -x509 -key "$KEYS/p384.pem" -subj /CN=t -days 1 -out cert.pem 2>/dev/null
	cat cert.pem "$KEYS/p384.pem" > bundle.pem
	run -0 --separate-stderr jwtool sign -k bundle.pem --now $NOW
	run -0 jwtool verify -q -k cert.pem --now $NOW "$output"
	run -7 jwtool sign -k cert.pem
	assert_output "jwtool: sign: cannot sign with a public key (P-384 public key (certificate))"
}

@test "signing with a public key is exit 7, whatever its form" {
	key_forms "$KEYS/rsa2048.pem"
	for f in $PUB; do
		run -7 jwtool sign -k "$f" --kid this
		assert_output --partial "jwtool: sign: cannot sign with a public key (RSA 2048-bit public key"
	done
	openssl pkey -in "$KEYS/ed448.pem" -pubout -out ed448.pub.pem
	run -7 jwtool sign -k ed448.pub.pem
	assert_output "jwtool: sign: cannot sign with a public key (Ed448 public key (PEM))"
}

@test "an RSA key under 2048 bits is refused (exit 7) unless --allow-weak-key" {
	run -7 jwtool sign -k "$KEYS/rsa1024.pem"
	assert_output "jwtool: sign: the RSA key is 1024 bits; RFC 7518 section 3.3 wants at least 2048 (--allow-weak-key accepts it)"
	run -0 --separate-stderr jwtool sign -k "$KEYS/rsa1024.pem" --allow-weak-key --now $NOW
	assert_equal "$stderr" "jwtool: sign: warning: the RSA key is 1024 bits; RFC 7518 wants at least 2048"
	t=$output
	run -7 jwtool verify -k "$KEYS/rsa1024.pem" --now $NOW "$t"
	assert_output "jwtool: verify: the RSA key is 1024 bits, fewer than 2048 (RFC 7518 section 3.3); --allow-weak-key accepts it"
	run -0 --separate-stderr jwtool verify -q -k "$KEYS/rsa1024.pem" --allow-weak-key --now $NOW "$t"
	assert_equal "$stderr" "jwtool: verify: warning: the RSA key is 1024 bits; RFC 7518 wants at least 2048"
}

@test "the key's curve must be the algorithm's" {
	run -7 jwtool sign -k "$KEYS/p384.pem" --alg ES256
	assert_output "jwtool: sign: algorithm ES256 cannot be used with the P-384 private key (PEM)"
	run -7 jwtool sign -k "$KEYS/p256.pem" --alg ES256K
	assert_output "jwtool: sign: algorithm ES256K cannot be used with the P-256 private key (PEM)"
	run -1 jwtool verify -k "$KEYS/p384.pem" "$(tok "$KEYS/p256.pem")"
	assert_output "jwtool: verify: algorithm 'ES256' is not allowed for the P-384 private key (PEM)"
	# an ES256K signature under an ES256 header, with a secp256k1 key
	t=$(tok "$KEYS/secp256k1.pem")
	forged="$(b64url '{"alg":"ES256"}').${t#*.}"
	run -1 jwtool verify -k "$KEYS/secp256k1.pem" "$forged"
	assert_output "jwtool: verify: algorithm 'ES256' is not allowed for the secp256k1 private key (PEM)"
}

@test "ES256: a DER signature is not a JWS signature" {
	t=$(tok "$KEYS/p256.pem")
	printf '%s' "${t%.*}" > msg
	openssl dgst -sha256 -sign "$KEYS/p256.pem" -out der msg
	run -0 openssl dgst -sha256 -prverify "$KEYS/p256.pem" -signature der msg
	run -1 jwtool verify -k "$KEYS/p256.pem" "$(sig_token "$t" der)"
	# 70 to 72 bytes, fewer when r or s has leading zero bytes
	# (one signature in 128 is 69 bytes)
	assert_output --regexp "^jwtool: verify: signature does not match \(ES256, 1 key tried\): signature is (6[0-9]|7[0-2]) bytes, ES256 needs 64 \(it looks DER-encoded; JWS uses raw R \|\| S\)$"
}

@test "ES256: r = 0 or s = 0 is invalid (CVE-2022-21449)" {
	t=$(tok "$KEYS/p256.pem")
	head -c 64 /dev/zero > zero
	run -1 jwtool verify -k "$KEYS/p256.pem" "$(sig_token "$t" zero)"
	assert_output "jwtool: verify: signature does not match (ES256, 1 key tried): ECDSA r is zero"
	split_token "$t"
	{ head -c 32 sig; head -c 32 /dev/zero; } > s0
	run -1 jwtool verify -k "$KEYS/p256.pem" "$(sig_token "$t" s0)"
	assert_output "jwtool: verify: signature does not match (ES256, 1 key tried): ECDSA s is zero"
	{ head -c 32 /dev/zero; tail -c 32 sig; } > r0
	run -1 jwtool verify -k "$KEYS/p256.pem" "$(sig_token "$t" r0)"
	assert_output "jwtool: verify: signature does not match (ES256, 1 key tried): ECDSA r is zero"
}

@test "ES256: r or s not below the curve order is invalid" {
	t=$(tok "$KEYS/p256.pem")
	split_token "$t"
	n=ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551
	{ printf '%s' $n | xxd -r -p; tail -c 32 sig; } > rn
	run -1 jwtool verify -k "$KEYS/p256.pem" "$(sig_token "$t" rn)"
	assert_output "jwtool: verify: signature does not match (ES256, 1 key tried): ECDSA r is not below the curve order"
	{ head -c 32 sig; head -c 32 /dev/zero | tr '\0' '\377'; } > sbig
	run -1 jwtool verify -k "$KEYS/p256.pem" "$(sig_token "$t" sbig)"
	assert_output "jwtool: verify: signature does not match (ES256, 1 key tried): ECDSA s is not below the curve order"
}

@test "ECDSA signatures of the wrong length are invalid" {
	for kv in p256:ES256:64 p384:ES384:96 p521:ES512:132; do
		IFS=: read -r k alg n <<<"$kv"
		t=$(tok "$KEYS/$k.pem")
		split_token "$t"
		head -c $((n - 1)) sig > short
		run -1 jwtool verify -k "$KEYS/$k.pem" "$(sig_token "$t" short)"
		assert_output "jwtool: verify: signature does not match ($alg, 1 key tried): signature is $((n - 1)) bytes, $alg needs $n"
		{ cat sig; printf '\0'; } > long
		run -1 jwtool verify -k "$KEYS/$k.pem" "$(sig_token "$t" long)"
		assert_output "jwtool: verify: signature does not match ($alg, 1 key tried): signature is $((n + 1)) bytes, $alg needs $n"
	done
}

@test "RSA and Ed448 signatures of the wrong length are invalid" {
	t=$(tok)
	split_token "$t"
	tail -c 255 sig > short
	run -1 jwtool verify -k "$KEYS/rsa2048.pem" "$(sig_token "$t" short)"
	assert_output "jwtool: verify: signature does not match (RS256, 1 key tried): signature is 255 bytes, the RSA key needs 256"
	t=$(tok "$KEYS/ed448.pem")
	split_token "$t"
	head -c 113 sig > short
	run -1 jwtool verify -k "$KEYS/ed448.pem" "$(sig_token "$t" short)"
	assert_output "jwtool: verify: signature does not match (EdDSA, 1 key tried): signature is 113 bytes, EdDSA needs 114"
}

@test "a public key is never an HMAC secret" {
	si="$(b64url '{"alg":"HS256"}').$(b64url '{"sub":"forged"}')"
	mac=$(printf '%s' "$si" | openssl dgst -sha256 -mac HMAC \
	    -macopt "key:$(cat "$KEYS/rsa2048.pub.pem")" -binary | base64 -w0 | tr '+/' '-_' | tr -d =)
	run -1 jwtool verify -k "$KEYS/rsa2048.pub.pem" "$si.$mac"
	assert_output "jwtool: verify: algorithm 'HS256' is not allowed for the RSA 2048-bit public key (PEM)"
	run -7 jwtool verify --key-format raw -k "$KEYS/rsa2048.pub.pem" "$si.$mac"
	assert_output "jwtool: verify: key '$KEYS/rsa2048.pub.pem' is a PEM key, not a raw HMAC secret"
	run -7 jwtool sign -k "$KEYS/rsa2048.pem" --alg HS256
	assert_output "jwtool: sign: algorithm HS256 cannot be used with the RSA 2048-bit private key (PEM)"
}

@test "verify's algorithms come from the key, narrowed by --alg" {
	t=$(tok "$KEYS/rsa2048.pem" PS384)
	run -0 jwtool verify -q -k "$KEYS/rsa2048.pem" --now $NOW "$t"
	run -0 jwtool verify -q -k "$KEYS/rsa2048.pem" --alg RS256,PS384 --now $NOW "$t"
	run -1 jwtool verify -k "$KEYS/rsa2048.pem" --alg RS256,PS256 --now $NOW "$t"
	assert_output "jwtool: verify: algorithm 'PS384' is not allowed by --alg"
	run -1 jwtool verify -k "$KEYS/ed448.pem" --now $NOW "$t"
	assert_output "jwtool: verify: algorithm 'PS384' is not allowed for the Ed448 private key (PEM)"
	t=$(tok "$KEYS/ed448.pem")
	run -1 jwtool verify -k "$KEYS/ed25519.pem" --now $NOW "$t"
	assert_output "jwtool: verify: signature does not match (EdDSA, 1 key tried): signature is 114 bytes, EdDSA (Ed25519) needs 64"
	run -1 jwtool verify -k "$KEYS/p256.pem" --now $NOW "$t"
	assert_output "jwtool: verify: algorithm 'EdDSA' is not allowed for the P-256 private key (PEM)"
}

@test "a JWK's use, alg and key_ops are respected" {
	$KEYTOOL jwk "$KEYS/rsa2048.pem" > k.jwk
	t=$(tok)
	jq -c '.use="enc"' k.jwk > enc.jwk
	run -1 jwtool verify -k enc.jwk --now $NOW "$t"
	assert_output "jwtool: verify: algorithm 'RS256' is not allowed for the RSA 2048-bit private key (JWK): the key's JWK 'use' is 'enc', not 'sig'"
	run -7 jwtool sign -k enc.jwk
	assert_output "jwtool: sign: the key may not sign with RS256: the key's JWK 'use' is 'enc', not 'sig'"
	jq -c '.alg="RS384"' k.jwk > rs384.jwk
	run -1 jwtool verify -k rs384.jwk --now $NOW "$t"
	assert_output "jwtool: verify: algorithm 'RS256' is not allowed for the RSA 2048-bit private key (JWK): the key's JWK 'alg' is 'RS384'"
	run -7 jwtool sign -k rs384.jwk --alg RS256
	assert_output "jwtool: sign: the key may not sign with RS256: the key's JWK 'alg' is 'RS384'"
	jq -c '.key_ops=["sign"]' k.jwk > signonly.jwk
	run -1 jwtool verify -k signonly.jwk --now $NOW "$t"
	assert_output "jwtool: verify: algorithm 'RS256' is not allowed for the RSA 2048-bit private key (JWK): the key's JWK 'key_ops' lack 'verify'"
	run -0 jwtool sign -k signonly.jwk
	jq -c '.use="sig" | .key_ops=["verify"] | .alg="RS256"' k.jwk > ok.jwk
	run -0 jwtool verify -q -k ok.jwk --now $NOW "$t"
}

@test "EC JWK members are checked" {
	$KEYTOOL jwk "$KEYS/p256.pem" > k.jwk
	jq -c '.x = "AAAA" + .x' k.jwk > long.jwk
	run -7 jwtool sign -k long.jwk
	assert_output "jwtool: sign: key 'long.jwk': EC JWK 'x' is 35 bytes; P-256 needs exactly 32"
	jq -c 'del(.y)' k.jwk > noy.jwk
	run -7 jwtool sign -k noy.jwk
	assert_output "jwtool: sign: key 'noy.jwk': EC JWK has no 'y'"
	jq -c 'del(.crv)' k.jwk > nocrv.jwk
	run -7 jwtool sign -k nocrv.jwk
	assert_output "jwtool: sign: key 'nocrv.jwk': EC JWK has no 'crv'"
	jq -c '.y = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"' k.jwk > offcurve.jwk
	run -7 jwtool verify -k offcurve.jwk a.b.c
	assert_output "jwtool: verify: key 'offcurve.jwk': the JWK is not a valid key: point is not on curve"
	$KEYTOOL jwk "$KEYS/secp256k1.pem" | jq -c --slurpfile k k.jwk '.d = $k[0].d | .crv = "P-256" | .x = $k[0].x | .y = $k[0].y | .d = "AQ" + .d[2:]' > wrongd.jwk
	run -7 jwtool sign -k wrongd.jwk
	assert_output "jwtool: sign: key 'wrongd.jwk': the JWK: the private key does not match the public key"
	jq -c '.crv = "P-192"' k.jwk > p192.jwk
	run -7 jwtool sign -k p192.jwk
	assert_output "jwtool: sign: key 'p192.jwk': unsupported EC curve 'P-192' (supported: P-256, P-384, P-521, secp256k1)"
}

@test "RSA JWK members are checked" {
	$KEYTOOL jwk "$KEYS/rsa2048.pem" > k.jwk
	jq -c 'del(.e)' k.jwk > noe.jwk
	run -7 jwtool sign -k noe.jwk
	assert_output "jwtool: sign: key 'noe.jwk': RSA JWK needs 'n' and 'e'"
	jq -c 'del(.qi)' k.jwk > partial.jwk
	run -7 jwtool sign -k partial.jwk
	assert_output "jwtool: sign: key 'partial.jwk': RSA JWK has only some of 'd', 'p', 'q', 'dp', 'dq', 'qi' (RFC 7518 section 6.3.2 wants all of them, or 'd' alone)"
	jq -c '.dp = .dq' k.jwk > baddp.jwk
	run -7 jwtool sign -k baddp.jwk
	assert_output "jwtool: sign: key 'baddp.jwk': the RSA JWK is not valid: 'dp' is not 'd' mod 'p' - 1"
	jq -c '.e = "Aw"' k.jwk > bade.jwk
	run -7 jwtool sign -k bade.jwk
	assert_output "jwtool: sign: key 'bade.jwk': the RSA JWK's private members do not match 'n' and 'e'"
	jq -c '.n = ""' k.jwk > emptyn.jwk
	run -7 jwtool sign -k emptyn.jwk
	assert_output "jwtool: sign: key 'emptyn.jwk': JWK member 'n' is empty"
	jq -c '.oth = []' k.jwk > oth.jwk
	run -7 jwtool sign -k oth.jwk
	assert_output "jwtool: sign: key 'oth.jwk': multi-prime RSA JWKs ('oth') are not supported"
	# d alone (no CRT members) is a complete private key
	jq -c '{kty, n, e, d}' k.jwk > donly.jwk
	run -0 --separate-stderr jwtool sign -k donly.jwk --now $NOW
	run -0 jwtool verify -q -k "$KEYS/rsa2048.pub.pem" --now $NOW "$output"
}

@test "Ed448 JWK members are checked" {
	$KEYTOOL jwk "$KEYS/ed448.pem" > k.jwk
	jq -c '.x = .x[4:]' k.jwk > short.jwk
	run -7 jwtool sign -k short.jwk
	assert_output "jwtool: sign: key 'short.jwk': Ed448 JWK 'x' must be 57 bytes"
	$KEYTOOL jwk --public "$KEYS/ed448.pem" > pub.jwk
	openssl genpkey -algorithm ed448 -out other.pem
	$KEYTOOL jwk other.pem | jq -c --slurpfile p pub.jwk '.x = $p[0].x' > mismatch.jwk
	run -7 jwtool sign -k mismatch.jwk
	assert_output "jwtool: sign: key 'mismatch.jwk': the JWK: the private key does not match the public key"
	jq -c '.crv = "X448"' pub.jwk > x448.jwk
	run -7 jwtool sign -k x448.jwk
	assert_output "jwtool: sign: key 'x448.jwk': unsupported OKP curve 'X448' (a key agreement curve, not a signature one)"
}

@test "a JWKS of RSA, EC and OKP keys: the kid picks, else each suitable key" {
	for k in rsa2048 p256 ed448 ed25519; do
		$KEYTOOL jwk --public "$KEYS/$k.pem" | jq -c --arg k $k '. + {kid: $k}'
	done | jq -sc '{keys: (. + [{kty: "EC", crv: "P-192", x: "AA", y: "AA", kid: "old"}, {kty: "AKP", kid: "future"}])}' > set.jwks
	for k in rsa2048 p256 ed448 ed25519; do
		t=$(jwtool sign -k "$KEYS/$k.pem" --kid $k --now $NOW)
		run -0 jwtool verify -q -k set.jwks --now $NOW "$t"
		t=$(jwtool sign -k "$KEYS/$k.pem" --now $NOW)
		run -0 jwtool verify -q -k set.jwks --now $NOW "$t"
	done
	t=$(jwtool sign -k "$KEYS/p384.pem" --kid nobody --now $NOW)
	run -1 jwtool verify -k set.jwks --now $NOW "$t"
	assert_output "jwtool: verify: no key with kid 'nobody' (available: 'rsa2048', 'p256', 'ed448', 'ed25519')"
	t=$(jwtool sign -k "$KEYS/p256.pem" --kid rsa2048 --now $NOW)
	run -1 jwtool verify -k set.jwks --now $NOW "$t"
	assert_output "jwtool: verify: algorithm 'ES256' is not allowed for the key with kid 'rsa2048' (RSA 2048-bit public key (JWKS))"
}

@test "a JWKS whose RSA key is malformed is refused, not skipped" {
	$KEYTOOL jwk --public "$KEYS/rsa2048.pem" | jq -c '{keys: [., (. | del(.e))]}' > bad.jwks
	run -7 jwtool verify -k bad.jwks a.b.c
	assert_output "jwtool: verify: key 'bad.jwks': RSA JWK needs 'n' and 'e'"
	echo '{"keys":[{"kty":"EC","crv":"P-192","x":"AA","y":"AA"}]}' > none.jwks
	run -7 jwtool verify -k none.jwks a.b.c
	assert_output "jwtool: verify: key 'none.jwks': JWKS holds no usable key (1 listed)"
}

# bad_jwks: set.jwks of the RSA key (kid good), the same key with n - 1
# (kid even) and the P-256 key off its curve (kid off).
bad_jwks() {
	$KEYTOOL jwk --public "$KEYS/rsa2048.pem" > r.jwk
	$KEYTOOL jwk --public "$KEYS/p256.pem" > e.jwk
	"$PYTHON" - <<'EOF'
import base64, json
def num(s): return int.from_bytes(base64.urlsafe_b64decode(s + "=" * (-len(s) % 4)), "big")
def b64u(i, n): return base64.urlsafe_b64encode(i.to_bytes(n, "big")).decode().rstrip("=")
r, e = json.load(open("r.jwk")), json.load(open("e.jwk"))
keys = [dict(r, kid="good"), dict(r, kid="even", n=b64u(num(r["n"]) - 1, 256)),
        dict(e, kid="off", y=b64u(num(e["y"]) ^ 1, 32))]
json.dump({"keys": keys}, open("set.jwks", "w"))
EOF
}

@test "verify checks a JWKS's RSA and EC public keys when a token needs them" {
	bad_jwks
	t=$(jwtool sign -k "$KEYS/rsa2048.pem" --kid good --now $NOW)
	run -0 jwtool verify -q -k set.jwks --now $NOW "$t"
	t=$(jwtool sign -k "$KEYS/rsa2048.pem" --kid even --now $NOW)
	run -7 jwtool verify -k set.jwks --now $NOW "$t"
	assert_output "jwtool: verify: key 'set.jwks': the RSA JWK is not valid: 'n' is even"
	t=$(jwtool sign -k "$KEYS/p256.pem" --kid off --now $NOW)
	run -7 jwtool verify -k set.jwks --now $NOW "$t"
	assert_output "jwtool: verify: key 'set.jwks': the JWK is not a valid key: point is not on curve"
	# in a batch, each token that needs the key says so, the others pass
	g=$(jwtool sign -k "$KEYS/rsa2048.pem" --kid good --now $NOW)
	printf '%s\n' "$t" "$g" "$t" > tokens
	run -7 --separate-stderr jwtool verify --batch -k set.jwks --now $NOW tokens
	assert_equal "$(grep -c "point is not on curve" <<<"$output")" 2
	assert_equal "$(grep -c '"valid":true' <<<"$output")" 1
}

@test "other commands check every key of a JWKS as it loads" {
	bad_jwks
	run -7 --separate-stderr jwtool jwk --thumbprint set.jwks
	assert_equal "$output" ""
	assert_equal "$stderr" "jwtool: jwk: key 'set.jwks': the RSA JWK is not valid: 'n' is even"
	run -7 jwtool sign -k set.jwks --kid good
	assert_output "jwtool: sign: key 'set.jwks': the RSA JWK is not valid: 'n' is even"
}

@test "keys jwtool cannot use are refused by name" {
	openssl genpkey -algorithm X25519 -out x25519.pem
	run -7 jwtool sign -k x25519.pem
	assert_output "jwtool: sign: key 'x25519.pem': X25519 keys are for key agreement, not signatures"
	openssl ecparam -name brainpoolP256r1 -genkey -noout -out bp.pem
	run -7 jwtool sign -k bp.pem
	assert_output "jwtool: sign: key 'bp.pem': unsupported EC curve 'brainpoolP256r1' (supported: P-256, P-384, P-521, secp256k1)"
	openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -out pss.pem 2>/dev/null
	run -7 jwtool sign -k pss.pem
	assert_output "jwtool: sign: key 'pss.pem': RSA-PSS keys (restricted to PSS by their parameters) are not supported; use a plain RSA key for PS256, PS384 and PS512"
	printf -- '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n' > id_ed25519
	run -7 jwtool sign -k id_ed25519
	assert_output "jwtool: sign: key 'id_ed25519' is an OpenSSH private key; convert a copy to PKCS#8 with 'ssh-keygen -p -m PKCS8 -f COPY'"
	printf -- '-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n' > crl.pem
	run -7 jwtool sign -k crl.pem
	assert_output "jwtool: sign: key 'crl.pem': unsupported PEM 'X509 CRL' (expected a private key, public key or certificate)"
}

@test "damaged PEM and DER keys are exit 7" {
	sed '3s/./@/' "$KEYS/rsa2048.pem" > bad64.pem
	run -7 jwtool sign -k bad64.pem
	assert_output "jwtool: sign: key 'bad64.pem': PEM body is not valid base64"
	openssl pkey -in "$KEYS/p256.pem" -outform DER -out k.der
	head -c 100 k.der > cut.der
	run -7 jwtool sign --key-format der -k cut.der
	assert_output --partial "jwtool: sign: key 'cut.der': not a key or certificate OpenSSL can decode"
	{ cat k.der; printf '\0'; } > trailing.der
	run -7 jwtool sign --key-format der -k trailing.der
	assert_output --partial "jwtool: sign: key 'trailing.der': not a key or certificate OpenSSL can decode"
	run -7 jwtool sign --key-format der -k "$KEYS/p256.pem"
	assert_output --partial "not a key or certificate OpenSSL can decode"
}

@test "the README and man page key examples work" {
	openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec.pem
	jwtool sign -k ec.pem --sub alice --exp +10m > token
	openssl pkey -in ec.pem -pubout -out ec.pub.pem
	run -0 jwtool verify -k ec.pub.pem --alg ES256 -q token
	assert_output ""
	openssl pkcs8 -topk8 -in ec.pem -passout pass:hunter2 -out ec.p8.pem
	openssl req -new -x509 -key ec.pem -subj /CN=alice -days 1 -out ec.crt 2>/dev/null
	export KEY_PASS=hunter2
	jwtool sign -k ec.p8.pem --passphrase-file env:KEY_PASS \
	    --sub alice --exp +10m > token
	run -0 jwtool verify -k ec.crt --alg ES256 -q token
	assert_output ""
	run -1 jwtool verify -k ec.crt --alg ES384 -q token
	assert_output "jwtool: verify: algorithm 'ES256' is not allowed by --alg"
}

@test "with several keys, the reason is given only when they all agree" {
	{ $KEYTOOL jwk --public "$KEYS/ed448.pem"; $KEYTOOL jwk --public "$KEYS/ed25519.pem"; } |
	    jq -sc '{keys: .}' > ed.jwks
	t=$(tok "$KEYS/ed448.pem")
	head -c 64 /dev/urandom > s64
	run -1 jwtool verify -k ed.jwks "$(sig_token "$t" s64)"
	assert_output "jwtool: verify: signature does not match (EdDSA, 2 keys tried)"
	run -0 jwtool verify -q -k ed.jwks --now $NOW "$t"
	openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out other.pem
	{ $KEYTOOL jwk --public "$KEYS/p256.pem"; $KEYTOOL jwk --public other.pem; } |
	    jq -sc '{keys: .}' > ec.jwks
	t=$(tok "$KEYS/p256.pem")
	head -c 64 /dev/zero > zero
	run -1 jwtool verify -k ec.jwks "$(sig_token "$t" zero)"
	assert_output "jwtool: verify: signature does not match (ES256, 2 keys tried): ECDSA r is zero"
}

@test "every plain form of an RSA key makes the same RS256 token" {
	key_forms "$KEYS/rsa2048.pem"
	want=$(tok "$KEYS/rsa2048.pem")
	for k in k.p8.pem k.p8.der k.trad.pem k.trad.der k.jwk; do
		run -0 tok $k
		assert_output "$want"
	done
	for k in $PUB; do
		run -0 jwtool verify -q -k $k <<< "$want"
	done
}

@test "every plain form of an EC key signs what every public form verifies" {
	key_forms "$KEYS/p256.pem"
	openssl ec -in "$KEYS/p256.pem" -no_public -out nopub.pem 2>/dev/null
	run -0 grep -c "BEGIN EC PRIVATE KEY" nopub.pem
	for k in k.p8.pem k.p8.der k.trad.pem k.trad.der nopub.pem; do
		t=$(tok $k ES256)
		for p in $PUB; do
			run -0 jwtool verify -q -k $p <<< "$t"
		done
	done
}
