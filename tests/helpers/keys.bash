# keys.bash - loaded after common.bash by the algorithm and key format
# tests: every form of a key made by openssl, and signature conversions.

KEYTOOL="$PYTHON $TOP/tests/helpers/keytool.py"
# The passphrase of the encrypted forms.
PASS='correct horse'

# key_forms PEM: copy every form of the private key PEM into the current
# directory (made once per test file) and set PRIV and PUB to the lists of
# private and public files.
#   k.p8.pem k.p8.der     PKCS#8          k.enc.pem k.enc.der  encrypted
#   k.trad.pem k.trad.der PKCS#1 or SEC1  k.jwk k.jwks         JWK, JWKS
#   pub.pem pub.der       SPKI            pub.pkcs1.pem/.der   PKCS#1 RSA
#   cert.pem cert.der     X.509           pub.jwk pub.jwks
# The JWKs come from pyca/cryptography, not from jwtool.
key_forms() {
	local key=$1 dir f
	dir=$BATS_FILE_TMPDIR/forms-$(basename "$key" .pem)
	[ -d "$dir" ] || (mkdir "$dir" && cd "$dir" && make_forms "$key")
	cp "$dir"/* .
	PRIV= PUB=
	for f in k.p8.pem k.p8.der k.enc.pem k.enc.der k.trad.pem k.trad.der k.jwk k.jwks; do
		[ -f "$f" ] && PRIV="$PRIV $f"
	done
	for f in pub.pem pub.der pub.pkcs1.pem pub.pkcs1.der cert.pem cert.der pub.jwk pub.jwks; do
		[ -f "$f" ] && PUB="$PUB $f"
	done
	return 0
}

make_forms() {
	local key=$1 type
	type=$(openssl pkey -in "$key" -noout -text | grep -E -m1 -o '^modulus|ASN1 OID' || true)
	printf '%s\n' "$PASS" > pass.txt
	openssl pkey -in "$key" -out k.p8.pem
	openssl pkey -in "$key" -outform DER -out k.p8.der
	openssl pkcs8 -topk8 -in "$key" -v2 aes-256-cbc -passout file:pass.txt -out k.enc.pem
	openssl pkcs8 -topk8 -in "$key" -v2 aes-256-cbc -passout file:pass.txt -outform DER -out k.enc.der
	openssl pkey -in "$key" -pubout -out pub.pem
	openssl pkey -in "$key" -pubout -outform DER -out pub.der
	openssl req -new -x509 -key "$key" -subj /CN=jwtool-test -days 30 -out cert.pem 2>/dev/null
	openssl x509 -in cert.pem -outform DER -out cert.der
	$KEYTOOL jwk "$key" > k.jwk
	$KEYTOOL jwk --public "$key" > pub.jwk
	# in a JWKS after another public key (tests/fixtures/keys/ed25519.pub.jwk);
	# an HMAC secret there would make verify refuse the set
	jq -c --slurpfile o "$KEYS/ed25519.pub.jwk" '{keys: [($o[0] + {kid: "other"}), (. + {kid: "this"})]}' k.jwk > k.jwks
	jq -c --slurpfile o "$KEYS/ed25519.pub.jwk" '{keys: [($o[0] + {kid: "other"}), (. + {kid: "this"})]}' pub.jwk > pub.jwks
	case $type in
	modulus)
		openssl rsa -in "$key" -traditional -out k.trad.pem 2>/dev/null
		openssl rsa -in "$key" -outform DER -out k.trad.der 2>/dev/null
		openssl rsa -in "$key" -RSAPublicKey_out -out pub.pkcs1.pem 2>/dev/null
		openssl rsa -in "$key" -RSAPublicKey_out -outform DER -out pub.pkcs1.der 2>/dev/null ;;
	ASN1*)
		openssl ec -in "$key" -out k.trad.pem 2>/dev/null
		openssl ec -in "$key" -outform DER -out k.trad.der 2>/dev/null ;;
	esac
}

# passopt FILE: the passphrase option a key form needs.
passopt() {
	case $1 in *.enc.*) echo --passphrase-file pass.txt ;; esac
}

# unb64url STRING: the bytes of base64url STRING on stdout.
unb64url() {
	local s
	s=$(printf '%s' "$1" | tr -- '-_' '+/')
	while [ $(( ${#s} % 4 )) -ne 0 ]; do s="$s="; done
	printf '%s' "$s" | base64 -d
}

# b64url_file FILE: base64url of the bytes of FILE.
b64url_file() {
	base64 -w0 "$1" | tr '+/' '-_' | tr -d =
}

# split_token TOKEN: the signing input into msg, the signature into sig.
split_token() {
	printf '%s' "${1%.*}" > msg
	unb64url "${1##*.}" > sig
}

# roundtrip ALG KEY: sign with every private form of KEY and verify with
# the public key; verify one token with every form, public and private.
roundtrip() {
	local alg=$1 f t
	key_forms "$2"
	for f in $PRIV; do
		# shellcheck disable=SC2046
		run -0 --separate-stderr jwtool sign $(passopt "$f") -k "$f" \
		    --kid this --alg "$alg" --now "$NOW" --sub "$f"
		t=$output
		# --alg: the token's header names the algorithm asked for
		run -0 jwtool verify -k pub.pem --alg "$alg" --now "$NOW" "$t"
		assert_output "{\"sub\":\"$f\",\"iat\":$NOW}"
	done
	for f in $PRIV $PUB; do
		# shellcheck disable=SC2046
		run -0 jwtool verify -q $(passopt "$f") -k "$f" --now "$NOW" "$t"
	done
}
