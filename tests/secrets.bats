#!/usr/bin/env bats
# Secret hygiene: no byte of a secret reaches stdout, stderr or a message,
# on any path, good or bad; --secret warns and is wiped from argv; core
# dumps are off while a key is loaded.
#
# Every command runs through `hush STATUS CMD...`, which checks the exact
# exit status and then looks for every secret in use, in every form it
# could leak in (raw, base64 with and without padding, base64url, hex in
# both cases, a PEM body line, a private JWK member, a passphrase) and for
# the first and last 12 characters of each form (a truncated quote), in
# stdout and in stderr.

load helpers/common
load helpers/keys

# 70 bytes: long enough for HS512.  '!' and '.' make it invalid as base64,
# base64url and hex.
SECRET='hygiene!secret.for-leak-tests.Zq7Wv3Kp9Xc2Lm5Nb8Rt4Yd6Hj0Fg1Ds2Aq3Ew45'

setup() {
	cd "$BATS_TEST_TMPDIR" || return 1
	printf '%s' "$SECRET" > s.raw
	base64 -w0 s.raw > s.b64
	b64u < s.raw > s.b64u
	od -An -tx1 s.raw | tr -d ' \n' > s.hex
	printf '{"kty":"oct","k":"%s","kid":"mine"}' "$(cat s.b64u)" > s.jwk
	printf '{"keys":[{"kty":"oct","k":"%s","kid":"mine"},%s]}' \
	    "$(cat s.b64u)" "$(cat "$KEYS/ed25519.pub.jwk")" > s.jwks
	printf '%s' "${SECRET:0:20}" > weak.raw
	tail -c 32 "$KEYS/ed25519.der" > seed.bin
	FORMS=()
	add_forms s.raw
	add_forms weak.raw
	add_forms "$KEYS/hs256.key"
	printf '%s' 'another-example-secret-for-tests-987654321' > hs0.raw
	add_forms hs0.raw
	add_forms seed.bin
	printf '%s' "$PASS" > pass.bin
	add_forms pass.bin
	# the private keys of the OpenSSL algorithms: each line of their PEM
	# body, and each private JWK member
	for k in ed25519 rsa2048 p256 ed448; do
		while read -r line; do
			case $line in -----*) ;; *) FORMS+=("$line") ;; esac
		done < "$KEYS/$k.pem"
	done
	for k in rsa2048 p256 ed448; do
		for m in $($KEYTOOL jwk "$KEYS/$k.pem" |
		    jq -r '.d, .p, .q, .dp, .dq, .qi | values'); do
			FORMS+=("$m" "${m:0:12}" "${m: -12}")
		done
	done
}

# b64u: base64url without padding of stdin.
b64u() {
	base64 -w0 | tr '+/' '-_' | tr -d '='
}

# add_forms FILE: every form in which the bytes of FILE could leak.
add_forms() {
	local f form
	for form in "$(cat "$1")" "$(base64 -w0 < "$1")" \
	    "$(base64 -w0 < "$1" | tr -d =)" "$(b64u < "$1")" \
	    "$(od -An -tx1 < "$1" | tr -d ' \n')" \
	    "$(od -An -tx1 < "$1" | tr -d ' \n' | tr a-f A-F)"; do
		FORMS+=("$form")
		if [ "${#form}" -ge 24 ]; then
			FORMS+=("${form:0:12}" "${form: -12}")
		fi
	done
}

# no_secret WHERE TEXT: fail if TEXT holds any form of a secret.
no_secret() {
	local f
	for f in "${FORMS[@]}"; do
		if [[ $2 == *"$f"* ]]; then
			echo "a secret leaked on $1 ('$f'):" >&2
			echo "$2" >&2
			return 1
		fi
	done
}

# hush STATUS CMD...: run CMD, require STATUS, then check both streams.
hush() {
	local st=$1
	shift
	run "-$st" --separate-stderr "$@"
	no_secret stdout "$output"
	no_secret stderr "$stderr"
}

@test "the leak check itself catches each form of a secret" {
	run ! no_secret stdout "token: $SECRET"
	run ! no_secret stdout "x $(cat s.b64u) y"
	run ! no_secret stderr "x $(cat s.hex | tr a-f A-F)"
	run ! no_secret stderr "key '${SECRET:0:12}...'"
	run ! no_secret stderr "$(sed -n 2p "$KEYS/ed25519.pem")"
	run ! no_secret stderr "$(od -An -tx1 seed.bin | tr -d ' \n')"
	run ! no_secret stderr "$(sed -n 3p "$KEYS/rsa2048.pem")"
	run ! no_secret stdout "d: $($KEYTOOL jwk "$KEYS/p256.pem" | jq -r .d)"
	run ! no_secret stdout "passphrase '$PASS'"
	run -0 no_secret stdout "nothing secret here"
}

@test "sign from every key source and format shows no secret" {
	hush 0 jwtool sign -k s.raw --now $NOW
	hush 0 jwtool sign -k s.raw --key-format raw --alg HS384 --now $NOW
	hush 0 jwtool sign -k s.raw --alg HS512 --now $NOW
	hush 0 jwtool sign -k s.b64 --key-format base64 --now $NOW
	hush 0 jwtool sign -k s.b64u --key-format base64url --now $NOW
	hush 0 jwtool sign -k s.hex --key-format hex --now $NOW
	hush 0 jwtool sign -k s.jwk --now $NOW
	hush 0 jwtool sign -k s.jwk --key-format jwk --now $NOW
	hush 0 jwtool sign -k s.jwks --kid mine --now $NOW
	hush 0 jwtool sign -k s.jwks --key-format jwks --kid mine --now $NOW
	hush 0 jwtool sign -k "$KEYS/set.jwks" --kid hs-0 --now $NOW
	JWT_SECRET=$SECRET hush 0 jwtool sign -k env:JWT_SECRET --now $NOW
	hush 0 jwtool sign -k - --now $NOW < s.raw
	hush 0 jwtool sign --secret "$SECRET" --now $NOW
	hush 0 jwtool sign --secret "$(cat s.b64)" --key-format base64 --now $NOW
	hush 0 jwtool sign --secret "$(cat s.hex)" --key-format hex --now $NOW
	hush 0 jwtool sign -k weak.raw --allow-weak-key --now $NOW
	hush 0 jwtool sign -k "$KEYS/ed25519.pem" --now $NOW
	hush 0 jwtool sign -k "$KEYS/ed25519.der" --now $NOW
	hush 0 jwtool sign -k "$KEYS/ed25519.jwk" --now $NOW
	hush 0 jwtool sign -k "$KEYS/ed25519.pem" --key-format pem --now $NOW
}

@test "sign failures show no secret" {
	echo '{' > bad-claims.json
	hush 7 jwtool sign -k weak.raw --now $NOW
	hush 7 jwtool sign -k s.raw --alg EdDSA
	hush 2 jwtool sign -k s.raw --alg none
	hush 2 jwtool sign -k s.raw --alg hs256
	hush 7 jwtool sign -k s.jwks
	hush 7 jwtool sign -k "$KEYS/ed25519.pub.pem"
	hush 7 jwtool sign -k "$KEYS/ed25519.pem" --alg HS256
	hush 3 jwtool sign -k s.raw bad-claims.json
	hush 2 jwtool sign -k s.raw --exp soon
	hush 2 jwtool sign -k s.raw --claim 'x:={'
	hush 2 jwtool sign -k s.raw --header alg=none
	hush 2 jwtool sign --secret "$SECRET" -k s.raw
	hush 7 jwtool sign --secret "$SECRET" --key-format hex
	hush 7 jwtool sign --secret "$SECRET" --key-format base64
	hush 7 jwtool sign --secret "$SECRET" --key-format jwk
	hush 2 jwtool sign -k env:NO_SUCH_SECRET_VARIABLE
	hush 2 jwtool sign -k - - < s.raw
}

@test "key loading failures name the problem, never the secret" {
	hush 7 jwtool sign -k s.raw --key-format hex
	assert_equal "$stderr" "jwtool: sign: key 's.raw': not a valid hex secret"
	hush 7 jwtool sign -k s.raw --key-format base64
	assert_equal "$stderr" "jwtool: sign: key 's.raw': not a valid base64 secret"
	hush 7 jwtool sign -k s.raw --key-format base64url
	assert_equal "$stderr" "jwtool: sign: key 's.raw': not a valid base64url secret"
	hush 7 jwtool sign -k s.raw --key-format jwk
	assert_equal "$stderr" "jwtool: sign: key 's.raw': key: invalid JSON: expected a value at byte 0"
	hush 7 jwtool sign -k s.raw --key-format jwks
	hush 7 jwtool sign -k s.raw --key-format pem
	assert_equal "$stderr" "jwtool: sign: key 's.raw': no PEM '-----BEGIN' line"
	hush 7 jwtool sign -k s.raw --key-format der
	hush 7 jwtool sign -k s.jwk --key-format jwks
	hush 7 jwtool sign -k s.jwk --key-format pem
	hush 7 jwtool sign -k "$KEYS/ed25519.pem" --key-format raw
	assert_equal "$stderr" "jwtool: sign: key '$KEYS/ed25519.pem' is a PEM key, not a raw HMAC secret"
	hush 7 jwtool sign -k "$KEYS/ed25519.der" --key-format raw
	hush 7 jwtool sign -k "$KEYS/ed25519.jwk" --key-format raw
	hush 7 jwtool sign -k "$KEYS/ed25519.der" --key-format pem
	hush 7 jwtool sign -k "$KEYS/ed25519.pem" --key-format der
	hush 7 jwtool sign -k "$KEYS/ed25519.jwk" --key-format hex
}

@test "a JWK whose secret is not base64url is refused without quoting it" {
	k=$(cat s.b64u)
	printf '{"kty":"oct","k":"%s"}' "${k:0:10}+${k:11}" > plus.jwk
	hush 7 jwtool sign -k plus.jwk
	assert_equal "$stderr" "jwtool: sign: key 'plus.jwk': JWK member 'k' is not base64url: byte 10 is '+' or '/' (base64, not base64url)"
	printf '{"kty":"oct","k":"%s"}' "${k:0:10}!${k:11}" > bang.jwk
	hush 7 jwtool sign -k bang.jwk
	assert_equal "$stderr" "jwtool: sign: key 'bang.jwk': JWK member 'k' is not base64url: byte 10 is not a base64url character"
	printf '{"kty":"oct","k":"%s="}' "${k:0:91}" > pad.jwk
	hush 7 jwtool sign -k pad.jwk
	assert_equal "$stderr" "jwtool: sign: key 'pad.jwk': JWK member 'k' is not base64url: byte 91 is '=' (padding is not allowed in base64url)"
	printf '{"kty":"oct","k":"%sB"}' "${k:0:93}" > bits.jwk
	hush 7 jwtool sign -k bits.jwk
	assert_equal "$stderr" "jwtool: sign: key 'bits.jwk': JWK member 'k' is not base64url: its last character has non-zero unused bits (non-canonical base64url)"
	d=$(jq -r .d "$KEYS/ed25519.jwk")
	jq -c --arg d "${d:0:5}/${d:6}" '.d=$d' "$KEYS/ed25519.jwk" > d.jwk
	hush 7 jwtool sign -k d.jwk
	assert_equal "$stderr" "jwtool: sign: key 'd.jwk': JWK member 'd' is not base64url: byte 5 is '+' or '/' (base64, not base64url)"
	# the public x may be quoted: it is public
	jq -c '.x="ab*"' "$KEYS/ed25519.pub.jwk" > x.jwk
	hush 7 jwtool verify -k x.jwk a.b.c
	assert_equal "$stderr" "jwtool: verify: key 'x.jwk': JWK member 'x' is not base64url: byte 2 is '*', not a base64url character"
}

@test "other malformed JWKs show no secret" {
	k=$(cat s.b64u)
	printf '{"kty":"oct","k":"%s","k":"%s"}' "$k" "$k" > dup.jwk
	hush 7 jwtool sign -k dup.jwk
	assert_equal "$stderr" "jwtool: sign: key 'dup.jwk': key: duplicate member 'k'"
	printf '{"kty":"oct","k":"%s",}' "$k" > comma.jwk
	hush 7 jwtool sign -k comma.jwk
	printf '{"kty":"oct","k":"%s"} x' "$k" > trail.jwk
	hush 7 jwtool sign -k trail.jwk
	printf '{"kty":"oct","k":"%s\x01"}' "$k" > ctl.jwk
	hush 7 jwtool sign -k ctl.jwk
	printf '{"kty":"oct","k":["%s"]}' "$k" > arr.jwk
	hush 7 jwtool sign -k arr.jwk
	printf '{"kty":"OCT","k":"%s"}' "$k" > kty.jwk
	hush 7 jwtool sign -k kty.jwk
	printf '{"keys":[{"kty":"oct","k":"%s!"}]}' "$k" > set.jwks
	hush 7 jwtool verify -k set.jwks a.b.c
	jq -c '.d="AAAA"' "$KEYS/ed25519.jwk" > short-d.jwk
	hush 7 jwtool sign -k short-d.jwk
	jq -c '.x="11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"' "$KEYS/ed25519.jwk" > mismatch.jwk
	hush 7 jwtool sign -k mismatch.jwk
	head -c 40 "$KEYS/ed25519.pem" > cut.pem
	hush 7 jwtool sign -k cut.pem
	sed 's/MC4C/MC4*/' "$KEYS/ed25519.pem" > star.pem
	hush 7 jwtool sign -k star.pem
}

@test "verify shows no secret, whatever the outcome" {
	t=$(jwtool sign -k s.raw --now $NOW --exp +1h --kid mine)
	ed=$(jwtool sign -k "$KEYS/ed25519.pem" --now $NOW)
	other=$(jwtool sign -k "$KEYS/hs256.key" --now $NOW)
	weak=$(jwtool sign -k weak.raw --allow-weak-key --now $NOW)
	hush 0 jwtool verify -k s.raw --alg HS256 --now $NOW "$t"
	hush 0 jwtool verify -k s.b64 --key-format base64 --now $NOW "$t"
	hush 0 jwtool verify -k s.hex --key-format hex --now $NOW "$t"
	hush 0 jwtool verify -k s.jwk --now $NOW "$t"
	# s.jwks mixes the secret with a public key: refused, naming kids only
	hush 7 jwtool verify -k s.jwks --now $NOW "$t"
	printf '{"keys":[%s]}' "$(cat s.jwk)" > secret.jwks
	hush 0 jwtool verify -k secret.jwks --now $NOW "$t"
	hush 0 jwtool verify --secret "$SECRET" --now $NOW "$t"
	JWT_SECRET=$SECRET hush 0 jwtool verify -k env:JWT_SECRET --alg HS256 --now $NOW "$t"
	hush 0 jwtool verify -k - --alg HS256 --now $NOW "$t" < s.raw
	hush 0 jwtool verify -k weak.raw --alg HS256 --allow-weak-key --now $NOW "$weak"
	hush 1 jwtool verify -k s.raw --alg HS256 --now $NOW "$other"
	hush 1 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$t"
	{ cat s.raw; echo; } > nl.raw
	hush 1 jwtool verify -k nl.raw --alg HS256 --now $NOW "$t"
	assert_equal "$stderr" "jwtool: verify: signature does not match (HS256, 1 key tried); hint: the secret ends with a newline (written with echo?); use printf, or --key-format base64"
	hush 1 jwtool verify -k s.raw --key-format raw --now $NOW "$ed"
	hush 1 jwtool verify -k s.raw --alg HS512 --now $NOW "$t"
	hush 1 jwtool verify -k "$KEYS/hs.jwks" --now $NOW "$t"
	hush 7 jwtool verify -k weak.raw --alg HS256 --now $NOW "$weak"
	hush 7 jwtool verify -k s.raw --now $NOW "$t"
	assert_equal "$stderr" "jwtool: verify: key 's.raw' would be used as a raw HMAC secret: say so with --alg HS256 (or HS384, HS512) or --key-format raw"
	# a secret in a form detection refuses: the message quotes none of it
	{ printf '\357\273\277'; cat s.raw; } > s.bom
	hush 7 jwtool verify -k s.bom --alg HS256 --now $NOW "$t"
	assert_equal "$stderr" "jwtool: verify: key 's.bom' looks like text behind a UTF-8 byte order mark: remove the mark (tail -c +4 FILE > NEW)"
	iconv -f UTF-8 -t UTF-16LE s.raw > s.u16
	hush 7 jwtool verify -k s.u16 --key-format raw --now $NOW "$t"
	assert_equal "$stderr" "jwtool: verify: key 's.u16' looks like text in UTF-16LE: convert it to UTF-8 (iconv -f UTF-16LE -t UTF-8)"
	hush 4 jwtool verify -k s.raw --alg HS256 --now $((NOW + 7200)) "$t"
	hush 5 jwtool verify -k s.raw --alg HS256 --now $((NOW - 60)) "$t"
	hush 3 jwtool verify -k s.raw --alg HS256 --now $NOW "${t%%.*}..x"
	hush 3 jwtool verify -k s.raw --alg HS256 --now $NOW "not-a-token.x"
	hush 1 jwtool verify -k "$KEYS/ed25519.pem" --now $NOW "$t"
	hush 0 jwtool verify -k "$KEYS/ed25519.jwk" --now $NOW "$ed"
	hush 0 jwtool decode "$t"
	hush 0 jwtool inspect "$t"
}

@test "sign's batch, re-signing, output file and kid options show no secret" {
	printf '{"sub":"a"}\n{"sub":"b"}\n' > in.ndjson
	printf '{"sub":"a"}\n{"sub":\n' > bad.ndjson
	hush 0 jwtool sign -k s.raw --batch --now $NOW in.ndjson
	hush 3 jwtool sign -k s.raw --batch --now $NOW bad.ndjson
	hush 3 jwtool sign -k s.raw --batch --keep-going --now $NOW bad.ndjson
	hush 0 jwtool sign -k s.raw -o out.jwt --now $NOW
	run -0 no_secret out.jwt "$(cat out.jwt)"
	hush 8 jwtool sign -k s.raw -o out.jwt --now $NOW
	hush 0 jwtool sign -k s.raw --kid auto --now $NOW
	hush 0 jwtool sign -k s.jwks --kid mine --now $NOW
	t=$(jwtool sign -k s.raw --now $NOW --exp +1h)
	hush 0 jwtool sign -k s.raw --from-token "$t" --now $NOW
	hush 3 jwtool sign -k s.raw --from-token "${t%.*}" --now $NOW
	jwtool decode "$t" > decoded.json
	hush 0 jwtool sign -k s.raw --from-decoded decoded.json --now $NOW
	hush 0 jwtool sign --unsecured --now $NOW
	hush 7 jwtool sign -k s.raw --kid auto --alg EdDSA
}

@test "RSA, EC and Ed448 private keys in every form show no secret" {
	for k in rsa2048 p256 ed448; do
		key_forms "$KEYS/$k.pem"
		for f in k.p8.pem k.p8.der k.jwk k.jwks; do
			hush 0 jwtool sign -k "$f" --kid this --now $NOW
		done
		hush 0 jwtool sign -k k.enc.pem --passphrase-file pass.txt --now $NOW
		t=$output
		hush 0 jwtool verify -k k.enc.der --passphrase-file pass.txt --now $NOW "$t"
		hush 0 jwtool verify -k pub.pem --now $NOW "$t"
		hush 1 jwtool verify -k k.p8.pem --now $NOW "${t%.*}.AAAA"
		hush 7 jwtool sign -k k.enc.pem
		hush 7 jwtool sign -k k.enc.der --passphrase-file hs0.raw
		JWT_PASS=$PASS hush 0 jwtool sign -k k.enc.pem --passphrase-file env:JWT_PASS --now $NOW
		hush 7 jwtool sign -k k.p8.pem --alg HS256
		hush 7 jwtool sign -k k.p8.pem --key-format raw
		hush 7 jwtool sign -k k.p8.pem --key-format der
		hush 7 jwtool sign -k k.p8.der --key-format pem
		hush 7 jwtool sign -k k.jwk --key-format jwks
	done
	hush 7 jwtool sign -k "$KEYS/rsa1024.pem"
}

@test "malformed private JWKs and PEMs of every type show no secret" {
	key_forms "$KEYS/rsa2048.pem"
	d=$(jq -r .d k.jwk)
	jq -c --arg d "${d:0:7}+${d:8}" '.d=$d' k.jwk > plus.jwk
	hush 7 jwtool sign -k plus.jwk
	assert_equal "$stderr" "jwtool: sign: key 'plus.jwk': JWK member 'd' is not base64url: byte 7 is '+' or '/' (base64, not base64url)"
	jq -c 'del(.dq)' k.jwk > crt.jwk
	hush 7 jwtool sign -k crt.jwk
	jq -c '.d=.p' k.jwk > wrong-d.jwk
	hush 7 jwtool sign -k wrong-d.jwk
	jq -c '.qi=7' k.jwk > num.jwk
	hush 7 jwtool sign -k num.jwk
	sed '5s/[A-Za-z]/*/' k.p8.pem > star.pem
	hush 7 jwtool sign -k star.pem
	head -c 600 k.p8.pem > cut.pem
	hush 7 jwtool sign -k cut.pem
	head -c 300 k.p8.der > cut.der
	hush 7 jwtool sign -k cut.der --key-format der
	key_forms "$KEYS/p256.pem"
	jq -c '.d="AAAA"' k.jwk > short-d.jwk
	hush 7 jwtool sign -k short-d.jwk
	d=$(jq -r .d k.jwk)
	jq -c --arg d "${d:0:5}!${d:6}" '.d=$d' k.jwk > bang.jwk
	hush 7 jwtool sign -k bang.jwk
	assert_equal "$stderr" "jwtool: sign: key 'bang.jwk': JWK member 'd' is not base64url: byte 5 is not a base64url character"
	key_forms "$KEYS/ed448.pem"
	jq -c '.d=.x' k.jwk > mismatch.jwk
	hush 7 jwtool sign -k mismatch.jwk
}

@test "--secret warns that others can see it" {
	run -0 --separate-stderr jwtool verify --secret "$SECRET" --now $NOW -q \
	    "$(jwtool sign -k s.raw --now $NOW)"
	assert_output ""
	assert_equal "$stderr" "jwtool: verify: warning: --secret puts the secret where other users of this machine can see it (ps, shell history); prefer --key FILE or --key env:NAME"
	run -7 --separate-stderr jwtool sign --secret "$SECRET" --key-format hex
	assert_equal "${stderr%%$'\n'*}" "jwtool: sign: warning: --secret puts the secret where other users of this machine can see it (ps, shell history); prefer --key FILE or --key env:NAME"
}

# bad_options CMD VOPT OTHER: for command CMD (none: the top level), a
# long option of it taking a value and an option of another command, set
# BAD to "argument<TAB>message" lines, one per kind of bad option; a
# message as it follows "jwtool: CMD: ".
bad_options() {
	local u=" (see --help)" cmd=$1 vopt=$2 other=$3 s=$SECRET
	if [ -z "$cmd" ]; then
		u="; options follow the command (see jwtool --help)"
		BAD="--list-options	--list-options needs a command"
		vopt=help
	else
		BAD="--$vopt	option '--$vopt' needs a value"
	fi
	BAD+="
-Z	unknown option '-Z'$u
-Zh	unknown option '-Z'$u
-hZh	unknown option '-Z'$u
-hZ	unknown option '-Z'$u
--bogus	unknown option '--bogus'$u
--bogus=$s	unknown option '--bogus'$u
--help=$s	option '--help' takes no value
-$vopt	unknown option '-$vopt': did you mean '--$vopt'?
-$vopt=$s	unknown option '-$vopt': did you mean '--$vopt'?
$other	unknown option '$other'$u
$other=$s	unknown option '$other'$u"
}

@test "no kind of bad option brings a neighbouring secret into a message" {
	local cmd vopt other line bad msg pre
	for cmd in sign verify decode inspect keygen jwk ''; do
		case $cmd in
		sign) vopt=kid other=--ignore-aud pre=(--secret "$SECRET") ;;
		verify) vopt=sub other=--from-token pre=(--secret "$SECRET") ;;
		decode) vopt=get other=--secret pre=(--get "$SECRET") ;;
		inspect) vopt=now other=--secret pre=(--now "$SECRET") ;;
		keygen) vopt=kid other=--secret pre=(--kid "$SECRET") ;;
		jwk) vopt=kid other=--secret pre=(--kid "$SECRET") ;;
		'') vopt= other=--secret ;;
		esac
		bad_options "$cmd" "$vopt" "$other"
		while IFS=$'\t' read -r bad msg; do
			echo "# jwtool $cmd: $bad"
			msg="jwtool: ${cmd:+$cmd: }$msg"
			if [ -z "$cmd" ]; then
				# the first argument is the command: nothing before
				# it, and what follows --list-options is the command
				if [ "$bad" = --list-options ]; then
					hush 2 jwtool "$bad"
				else
					hush 2 jwtool "$bad" "$SECRET"
				fi
				assert_equal "$stderr" "$msg"
				assert_equal "$output" ""
				continue
			fi
			# an operand before, the value of an option before
			hush 2 jwtool "$cmd" "$SECRET" "$bad"
			assert_equal "$stderr" "$msg"
			hush 2 jwtool "$cmd" "${pre[@]}" "$bad"
			assert_equal "$stderr" "$msg"
			assert_equal "$output" ""
			# after: not for an option missing its value
			[ "$bad" != "--$vopt" ] || continue
			hush 2 jwtool "$cmd" "$bad" "$SECRET"
			assert_equal "$stderr" "$msg"
			assert_equal "$output" ""
		done <<<"$BAD"
	done
}

# A process a test left waiting on a FIFO is not left behind.
teardown() {
	if [ -n "${pid:-}" ]; then
		kill "$pid" 2>/dev/null || true
	fi
}

# wait_for TEST...: poll until TEST succeeds (at most 60 s); its status.
wait_for() {
	local i
	for ((i = 0; i < 300; i++)); do
		"$@" && return 0
		sleep 0.2
	done
	"$@"
}

cmdline_has() {
	tr '\0' ' ' < "/proc/$1/cmdline" | grep -qF -- "$2"
}

cmdline_lacks() {
	! cmdline_has "$@"
}

core_limit_zero() {
	grep -Eq '^Max core file size +0 +0 +bytes' "/proc/$1/limits"
}

@test "the --secret argument is wiped from the command line once loaded" {
	# valgrind keeps its own copy of the arguments: the real binary here.
	# verify loads its key before it reads the token from the FIFO.
	t=$(jwtool sign -k s.raw --now $NOW --sub x)
	mkfifo token
	"$JWTOOL_NATIVE" verify --secret "$SECRET" --now $NOW token > out 2> err 3>&- &
	pid=$!
	run -0 wait_for cmdline_lacks "$pid" "$SECRET"
	run -0 cmdline_has "$pid" "--secret"
	run -0 cmdline_has "$pid" "--now $NOW"
	echo "$t" > token
	rc=0
	wait "$pid" || rc=$?
	assert_equal "$rc" 0
	assert_equal "$(cat out)" '{"sub":"x","iat":1795867200}'
}

# wiped PID: PID runs jwtool (--now is on its command line: the shell
# has exec'd it) and $SECRET is not on its command line.
wiped() {
	cmdline_has "$1" "--now $NOW" && cmdline_lacks "$1" "$SECRET"
}

# The three tests below run the real binary (valgrind keeps its own copy
# of the arguments) with a standard input held open on fd 5, so that
# jwtool waits on it while its command line is read.

@test "sign --secret is wiped from the command line before the claims are read" {
	mkfifo in
	"$JWTOOL_NATIVE" sign --secret "$SECRET" --alg HS256 --sub a --now $NOW - < in > out 2> err 3>&- &
	pid=$!
	exec 5> in
	run -0 wait_for wiped "$pid"
	run -0 cmdline_has "$pid" "--secret"
	run -0 cmdline_has "$pid" "--sub a"
	echo '{"x":1}' >&5
	exec 5>&-
	rc=0
	wait "$pid" || rc=$?
	assert_equal "$rc" 0
	run -0 cat err
	assert_output "jwtool: sign: warning: --secret puts the secret where other users of this machine can see it (ps, shell history); prefer --key FILE or --key env:NAME"
	run -0 --separate-stderr jwtool verify -k s.raw --alg HS256 --now $NOW "$(cat out)"
	assert_output '{"x":1,"sub":"a","iat":1795867200}'
}

@test "sign --batch --secret is wiped from the command line before the claims are read" {
	mkfifo in
	"$JWTOOL_NATIVE" sign --batch --secret "$SECRET" --alg HS256 --now $NOW < in > out 2> err 3>&- &
	pid=$!
	exec 5> in
	run -0 wait_for wiped "$pid"
	printf '{"sub":"a"}\n{"sub":"b"}\n' >&5
	exec 5>&-
	rc=0
	wait "$pid" || rc=$?
	assert_equal "$rc" 0
	run -0 wc -l < out
	assert_output 2
	run -0 jwtool verify -k s.raw --alg HS256 --now $NOW "$(sed -n 1p out)"
	assert_output '{"sub":"a","iat":1795867200}'
	run -0 jwtool verify -k s.raw --alg HS256 --now $NOW "$(sed -n 2p out)"
	assert_output '{"sub":"b","iat":1795867200}'
}

@test "verify --secret is wiped from the command line before the token is read" {
	t=$(jwtool sign -k s.raw --now $NOW --sub x)
	mkfifo in
	"$JWTOOL_NATIVE" verify --secret "$SECRET" --alg HS256 --now $NOW < in > out 2> err 3>&- &
	pid=$!
	exec 5> in
	run -0 wait_for wiped "$pid"
	echo "$t" >&5
	exec 5>&-
	rc=0
	wait "$pid" || rc=$?
	assert_equal "$rc" 0
	assert_equal "$(cat out)" '{"sub":"x","iat":1795867200}'
}

@test "a --secret given twice: the last one signs, the first is freed" {
	run -0 --separate-stderr jwtool sign --secret "${SECRET}2" --secret "$SECRET" --now $NOW
	run -0 jwtool verify -q -k s.raw --alg HS256 --now $NOW "$output"
}

@test "core dumps are off while a key is loaded" {
	mkfifo key
	( ulimit -S -c unlimited && exec jwtool sign -k key --now $NOW > out 2> err 3>&- ) &
	pid=$!
	run -0 wait_for core_limit_zero "$pid"
	run -0 grep -E '^Max core file size' "/proc/$pid/limits"
	assert_output --regexp '^Max core file size +0 +0 +bytes'
	cat s.raw > key
	rc=0
	wait "$pid" || rc=$?
	assert_equal "$rc" 0
	run -0 jwtool verify -q -k s.raw --alg HS256 --now $NOW "$(cat out)"
	run -0 cat err
	assert_output ""
}

@test "core dumps are off before a --secret is read" {
	t=$(jwtool sign -k s.raw --now $NOW)
	mkfifo token
	( ulimit -S -c unlimited && exec jwtool verify -q --secret "$SECRET" --now $NOW token > out 2> err 3>&- ) &
	pid=$!
	run -0 wait_for core_limit_zero "$pid"
	echo "$t" > token
	rc=0
	wait "$pid" || rc=$?
	assert_equal "$rc" 0
}

@test "core dumps are off before a passphrase is read" {
	key_forms "$KEYS/p256.pem"
	mkfifo pass
	( ulimit -S -c unlimited && exec jwtool sign -k k.enc.pem --passphrase-file pass --now $NOW > out 2> err 3>&- ) &
	pid=$!
	run -0 wait_for core_limit_zero "$pid"
	printf '%s\n' "$PASS" > pass
	rc=0
	wait "$pid" || rc=$?
	assert_equal "$rc" 0
	run -0 jwtool verify -q -k pub.pem --now $NOW "$(cat out)"
}

@test "a process not yet holding a key may dump core (the check can fail)" {
	mkfifo token
	( ulimit -S -c unlimited && exec jwtool decode token > out 2> err 3>&- ) &
	pid=$!
	sleep 0.5
	run -1 core_limit_zero "$pid"
	jwtool sign -k s.raw --now $NOW > token
	rc=0
	wait "$pid" || rc=$?
	assert_equal "$rc" 0
}
