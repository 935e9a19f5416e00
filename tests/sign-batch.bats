#!/usr/bin/env bats
# sign --batch: one claims object per line in, one token per line out.

load helpers/common

payload() {
	jwtool decode --compact "$1" | sed 's/^.*"payload":\(.*\),"signature":.*$/\1/'
}
batch() { jwtool sign --batch -k "$KEYS/hs256.key" --now $NOW "$@"; }

@test "--batch signs each line in order, with the flags applied to each" {
	printf '{"sub":"a"}\n{"sub":"b","n":12345678901234567890}\n{"sub":"c","o":{"x":1}}\n' > in.ndjson
	run -0 --separate-stderr batch --iss me --claim o.y:=2 --ttl 1h in.ndjson
	assert_equal "${#lines[@]}" 3
	assert_equal "$stderr" ""
	assert_equal "$(payload "${lines[0]}")" '{"sub":"a","o":{"y":2},"iss":"me","exp":1795870800,"iat":1795867200}'
	assert_equal "$(payload "${lines[1]}")" '{"sub":"b","n":12345678901234567890,"o":{"y":2},"iss":"me","exp":1795870800,"iat":1795867200}'
	assert_equal "$(payload "${lines[2]}")" '{"sub":"c","o":{"x":1,"y":2},"iss":"me","exp":1795870800,"iat":1795867200}'
}

@test "each batch token equals the token signed alone" {
	printf '{"sub":"a"}\n{"sub":"b","r":[1]}\n' > in.ndjson
	run -0 batch --claim r+:=2 in.ndjson
	assert_equal "${lines[0]}" "$(echo '{"sub":"a"}' | jwtool sign -k "$KEYS/hs256.key" --now $NOW --claim r+:=2 -)"
	assert_equal "${lines[1]}" "$(echo '{"sub":"b","r":[1]}' | jwtool sign -k "$KEYS/hs256.key" --now $NOW --claim r+:=2 -)"
}

@test "--batch reads stdin by default, and - too" {
	a=$(printf '{"sub":"a"}\n' | batch)
	b=$(printf '{"sub":"a"}\n' | batch -)
	assert_equal "$a" "$b"
	assert_equal "$(payload "$a")" '{"sub":"a","iat":1795867200}'
}

@test "--batch skips blank lines and takes a last line without a newline" {
	printf '\n{"sub":"a"}\n  \n\r\n{"sub":"b"}' > in.ndjson
	a=$(echo '{"sub":"a"}' | jwtool sign -k "$KEYS/hs256.key" --now $NOW -)
	b=$(echo '{"sub":"b"}' | jwtool sign -k "$KEYS/hs256.key" --now $NOW -)
	run -0 batch in.ndjson
	assert_output "$a"$'\n'"$b"
	run -0 batch /dev/null
	assert_output ""
}

@test "--batch with EdDSA, --jti auto gives each token its own id" {
	printf '{}\n{}\n' > in.ndjson
	run -0 jwtool sign --batch -k "$KEYS/ed25519.pem" --now $NOW --jti auto in.ndjson
	a=$(jwtool decode --compact "${lines[0]}" | jq -r .payload.jti)
	b=$(jwtool decode --compact "${lines[1]}" | jq -r .payload.jti)
	assert [ "$a" != "$b" ]
	run -0 jwtool verify -q -k "$KEYS/ed25519.pub.pem" --now $NOW "${lines[1]}"
}

@test "a line that is not JSON stops the batch with its line number (exit 3)" {
	printf '{"sub":"a"}\n{"sub":\n{"sub":"c"}\n' > in.ndjson
	run -3 --separate-stderr batch in.ndjson
	assert_equal "${#lines[@]}" 1
	assert_equal "$stderr" "jwtool: sign: line 2: claims: invalid JSON: expected a value at the end (byte 7)"
}

@test "a line that is not an object stops the batch (exit 3)" {
	printf '{"sub":"a"}\n\n[1]\n' > in.ndjson
	run -3 --separate-stderr batch in.ndjson
	assert_equal "$stderr" "jwtool: sign: line 3: claims: expected a JSON object, got array"
	printf '{"a":1,"a":2}\n' > in.ndjson
	run -3 --separate-stderr batch in.ndjson
	assert_equal "$stderr" "jwtool: sign: line 1: claims: duplicate member 'a'"
}

@test "a usage-type problem on a line stops the batch (exit 2)" {
	printf '{"sub":"a"}\n{"exp":1}\n' > in.ndjson
	run -2 --separate-stderr batch in.ndjson
	assert_equal "${#lines[@]}" 1
	assert_equal "$stderr" "jwtool: sign: line 2: exp 1970-01-01T00:00:01Z is not after now (2026-11-28T12:00:00Z): the token would be expired (--allow-expired signs it anyway)"
	printf '{"o":1}\n' > in.ndjson
	run -2 --separate-stderr batch --claim o.p=x in.ndjson
	assert_equal "$stderr" "jwtool: sign: line 1: --claim 'o.p=x': 'o' is a number, not an object"
}

@test "--keep-going reports each bad line, leaves an empty line, and exits with the first failure" {
	printf '{"sub":"a"}\n{"exp":1}\nnot json\n\n{"sub":"d"}\n' > in.ndjson
	a=$(echo '{"sub":"a"}' | jwtool sign -k "$KEYS/hs256.key" --now $NOW -)
	d=$(echo '{"sub":"d"}' | jwtool sign -k "$KEYS/hs256.key" --now $NOW -)
	run -2 --separate-stderr batch --keep-going in.ndjson
	# output line N belongs to claims line N (the blank line gives none)
	assert_output "$a"$'\n\n\n'"$d"
	assert_equal "$stderr" "jwtool: sign: line 2: exp 1970-01-01T00:00:01Z is not after now (2026-11-28T12:00:00Z): the token would be expired (--allow-expired signs it anyway)
jwtool: sign: line 3: claims: invalid JSON: expected a value at byte 0
jwtool: sign: 2 of 4 claims lines failed (the first: line 2)"
	printf 'x\n{"exp":1}\n' > in.ndjson
	run -3 batch --keep-going in.ndjson
}

@test "--keep-going with every line good exits 0" {
	printf '{}\n{}\n' > in.ndjson
	run -0 --separate-stderr batch --keep-going in.ndjson
	assert_equal "${#lines[@]}" 2
	assert_equal "$stderr" ""
}

@test "--allow-expired warns once for the whole batch" {
	printf '{"exp":1}\n{"exp":2}\n' > in.ndjson
	run -0 --separate-stderr batch --allow-expired in.ndjson
	assert_equal "${#lines[@]}" 2
	assert_equal "$stderr" "jwtool: sign: warning: exp 1970-01-01T00:00:01Z is not after now (2026-11-28T12:00:00Z): the token would be expired"
}

@test "a line longer than --max-input is an I/O error with its number" {
	printf '{"a":"%s"}\n' "$(head -c 2000 /dev/zero | tr '\0' x)" > in.ndjson
	printf '{"sub":"b"}\n' >> in.ndjson
	run -8 --separate-stderr batch --max-input 1k in.ndjson
	assert_equal "$stderr" "jwtool: sign: line 1: the line is longer than the input limit of 1024 bytes (see --max-input)"
	run -8 --separate-stderr batch --max-input 1k --keep-going in.ndjson
	assert_output $'\n'"$(echo '{"sub":"b"}' | jwtool sign -k "$KEYS/hs256.key" --now $NOW -)"
}

@test "bad options stop --batch before any line is read" {
	printf '{}\n' > in.ndjson
	run -2 --separate-stderr batch --claim bad in.ndjson
	assert_output ""
	run -7 --separate-stderr jwtool sign --batch -k "$KEYS/ed25519.pub.pem" in.ndjson
	assert_output ""
	run -8 batch nope.ndjson
	assert_output "jwtool: sign: cannot open claims 'nope.ndjson': No such file or directory"
}

@test "--keep-going without --batch, and --batch with the key on stdin, are usage errors" {
	run -2 jwtool sign --keep-going -k "$KEYS/hs256.key"
	assert_output "jwtool: sign: --keep-going applies to --batch"
	run -2 jwtool sign --batch -k -
	assert_output "jwtool: sign: only one input can come from stdin (the key, the claims or the token)"
}

@test "--batch from a pipe gives each token as soon as its line is read" {
	coproc J { jwtool sign --batch -k "$KEYS/hs256.key" --now $NOW; }
	echo '{"sub":"co"}' >&"${J[1]}"
	read -t 10 -r tok <&"${J[0]}"
	exec {J[1]}>&-
	wait
	assert_equal "$(payload "$tok")" '{"sub":"co","iat":1795867200}'
}

@test "--batch --unsecured" {
	printf '{"a":1}\n' | jwtool sign --batch --unsecured --now $NOW 2>/dev/null > out
	assert_equal "$(cat out)" "$(b64url '{"alg":"none","typ":"JWT"}').$(b64url '{"a":1,"iat":1795867200}')."
}

@test "--batch loads the key once: a key that can be read only once serves every line" {
	run -0 bash -c "printf '{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n' |
	    jwtool sign --batch --now $NOW -k <(cat '$KEYS/ed25519.pem')"
	assert_equal "${#lines[@]}" 3
	run -0 jwtool verify -q -k "$KEYS/ed25519.pub.pem" --now $NOW "${lines[2]}"
}
