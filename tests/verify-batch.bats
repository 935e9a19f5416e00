#!/usr/bin/env bats
# verify --batch: many tokens, one per line, one NDJSON verdict each.

load helpers/common

# Test tokens, expired ones included.
tok() { jwtool sign -k "$KEYS/hs256.key" --now $NOW --allow-expired "$@"; }
batch() { jwtool verify --batch -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$@"; }

setup() {
	cd "$BATS_TEST_TMPDIR" || return 1
	good=$(tok --sub good)
	expired=$(tok --sub old --exp $((NOW - 60)))
}

@test "valid, invalid, malformed and blank lines mixed: one verdict each, in order" {
	printf '%s\n\n   \n%s\nnot-a-token\n%s\n' "$good" "$expired" "$good" > in
	run -4 --separate-stderr batch < in
	assert_equal "$stderr" "jwtool: verify: 4 tokens: 2 valid, 2 invalid"
	assert_equal "${#lines[@]}" 4
	run -0 jq -c '[.line, .valid, [.errors[].code]]' <<<"$output"
	assert_line --index 0 '[1,true,[]]'
	assert_line --index 1 '[4,false,["expired"]]'
	assert_line --index 2 '[5,false,["malformed"]]'
	assert_line --index 3 '[6,true,[]]'
}

@test "each verdict has the --json shape plus the line number" {
	printf '%s\n' "$good" > in
	run -0 --separate-stderr batch < in
	assert_output '{"line":1,"valid":true,"alg":"HS256","kid":null,"errors":[],"header":{"alg":"HS256","typ":"JWT"},"payload":{"sub":"good","iat":1795867200}}'
	assert_equal "$stderr" "jwtool: verify: 1 token: 1 valid, 0 invalid"
}

@test "a malformed line carries the parser's message" {
	run -3 --separate-stderr batch <<<'a.b'
	assert_output '{"line":1,"valid":false,"alg":null,"kid":null,"errors":[{"code":"malformed","status":3,"claim":null,"message":"malformed token: expected 3 segments separated by '"'.'"', found 2"}]}'
}

@test "the exit status is that of the first failure in input order" {
	nbf=$(tok --nbf $((NOW + 60)))
	printf '%s\n%s\n%s\n' "$good" "$nbf" "$expired" > in
	run -5 batch < in
	printf '%s\n%s\nx\n' "$expired" "$nbf" > in
	run -4 batch < in
	printf 'x\n%s\n' "$expired" > in
	run -3 batch < in
}

@test "all valid is exit 0; no tokens at all is exit 0 with a summary" {
	printf '%s\n%s\n' "$good" "$good" > in
	run -0 batch -q < in
	assert_output "jwtool: verify: 2 tokens: 2 valid, 0 invalid"
	run -0 --separate-stderr batch < /dev/null
	assert_output ""
	assert_equal "$stderr" "jwtool: verify: 0 tokens: 0 valid, 0 invalid"
}

@test "-q prints no verdicts; the summary and the status remain" {
	printf '%s\n%s\n' "$good" "$expired" > in
	run -4 --separate-stderr batch -q < in
	assert_output ""
	assert_equal "$stderr" "jwtool: verify: 2 tokens: 1 valid, 1 invalid"
}

@test "CRLF line ends, surrounding spaces, Bearer prefixes and no final newline" {
	printf '%s\r\n  Bearer %s  \r\n%s' "$good" "$good" "$good" > in
	run -0 --separate-stderr batch < in
	run -0 jq -c '[.line, .valid]' <<<"$output"
	assert_output $'[1,true]\n[2,true]\n[3,true]'
}

@test "tokens from files given as arguments, named in each verdict" {
	printf '%s\n' "$good" > a
	printf '\n%s\n' "$expired" > b
	run -4 --separate-stderr batch a b
	run -0 jq -c '[.file, .line, .valid]' <<<"$output"
	assert_output $'["a",1,true]\n["b",2,false]'
	run -0 --separate-stderr batch - < a
	run -0 jq -c '[.file, .line]' <<<"$output"
	assert_output '["-",1]'
}

@test "a missing file is an I/O error (exit 8) before any verdict" {
	printf '%s\n' "$good" > a
	run -8 --separate-stderr batch a nope
	assert_output ""
	assert_equal "$stderr" "jwtool: verify: cannot open token file 'nope': No such file or directory"
}

@test "lines of any length: a 300 KB token verifies" {
	big=$(head -c 300000 /dev/zero | tr '\0' x)
	printf '{"pad":"%s"}' "$big" > claims.json
	tok claims.json > in
	echo "$good" >> in
	run -0 batch -q < in
	assert_output "jwtool: verify: 2 tokens: 2 valid, 0 invalid"
}

@test "a line over --max-input is a malformed verdict; the next lines go on" {
	printf '{"pad":"%s"}' "$(head -c 5000 /dev/zero | tr '\0' x)" > claims.json
	{ tok claims.json; echo "$good"; } > in
	run -3 --separate-stderr batch --max-input 2k < in
	run -0 jq -c '[.line, .valid, .errors[0].message]' <<<"$output"
	assert_line --index 0 '[1,false,"the token is longer than the input limit of 2048 bytes (see --max-input)"]'
	assert_line --index 1 '[2,true,null]'
}

@test "claim options apply to every token" {
	a=$(tok --iss a)
	b=$(tok --iss b)
	printf '%s\n%s\n' "$a" "$b" > in
	run -6 --separate-stderr batch --iss a < in
	run -0 jq -c '[.valid, [.errors[].code]]' <<<"$output"
	assert_output $'[true,[]]\n[false,["issuer"]]'
}

@test "a JWKS: each verdict names the kid of the key used" {
	e=$(jwtool sign -k "$KEYS/ed25519.pem" --kid ed-1 --now $NOW)
	p=$(jwtool sign -k "$KEYS/p256.pem" --now $NOW)
	printf '%s\n%s\n' "$p" "$e" > in
	run -0 --separate-stderr jwtool verify --batch -k "$KEYS/pub.jwks" --now $NOW < in
	run -0 jq -c '[.kid, .alg]' <<<"$output"
	assert_output $'["ec-1","ES256"]\n["ed-1","EdDSA"]'
}

@test "the weak-key warning is given once, not per token" {
	w=$(jwtool sign -k "$KEYS/short.key" --allow-weak-key --now $NOW 2>/dev/null)
	printf '%s\n%s\n' "$w" "$w" > in
	run -0 --separate-stderr jwtool verify --batch -q -k "$KEYS/short.key" --alg HS256 --allow-weak-key --now $NOW < in
	assert_equal "$stderr" $'jwtool: verify: warning: the HS256 secret is 12 bytes; RFC 7518 wants at least 32\njwtool: verify: 2 tokens: 2 valid, 0 invalid'
}

@test "the key and the tokens cannot both come from stdin" {
	run -2 jwtool verify --batch -k - <<<"$good"
	assert_output "jwtool: verify: the key and the token cannot both come from stdin"
	printf '%s\n' "$good" > a
	run -2 jwtool verify --batch -k - a - <<<"$good"
	run -0 jwtool verify --batch -q -k - --alg HS256 --now $NOW a < "$KEYS/hs256.key"
}

@test "without --batch, several arguments are a usage error" {
	run -2 jwtool verify -k "$KEYS/hs256.key" "$good" "$good"
	assert_output "jwtool: verify: expected one token, got 2 arguments (--batch reads many)"
}

@test "batch throughput: 2000 tokens in one run" {
	for i in $(seq 2000); do echo "$good"; done > in
	run -0 --separate-stderr batch -q < in
	assert_equal "$stderr" "jwtool: verify: 2000 tokens: 2000 valid, 0 invalid"
}

@test "keys are loaded once: a key from a pipe serves every token" {
	printf '%s\n%s\n%s\n' "$good" "$good" "$good" > in
	run -0 --separate-stderr jwtool verify --batch -q -k <(cat "$KEYS/hs256.key") --alg HS256 --now $NOW < in
	assert_equal "$stderr" "jwtool: verify: 3 tokens: 3 valid, 0 invalid"
}

@test "--jobs N: the same verdicts, in the same order, as one thread" {
	for i in $(seq 1 1200); do printf '{"sub":"u%d"}\n' $i; done |
	    jwtool sign --batch -k "$KEYS/ed25519.pem" --now $NOW > good.txt
	{ head -n 600 good.txt; echo "$expired"; echo; echo not.a.token;
	    printf '%s\n' "$(head -c 3000 /dev/zero | tr '\0' x)";
	    tail -n 600 good.txt; } > in
	want=$(jwtool verify --batch -k "$KEYS/ed25519.pub.pem" --now $NOW --max-input 2k in 2>/dev/null || true)
	for j in 2 4; do
		run -1 --separate-stderr jwtool verify --batch --jobs $j -k "$KEYS/ed25519.pub.pem" --now $NOW --max-input 2k in
		assert_equal "$output" "$want"
		assert_equal "$stderr" "jwtool: verify: 1203 tokens: 1200 valid, 3 invalid"
	done
	run -0 jq -c '[.line, .valid]' <<<"$output"
	assert_line --index 600 '[601,false]'
	assert_line --index 601 '[603,false]'
	assert_line --index 1202 '[1204,true]'
	run -1 --separate-stderr sh -c "cat in | jwtool verify --batch --jobs 2 -k '$KEYS/ed25519.pub.pem' --now $NOW --max-input 2k"
	assert_equal "$(jq -c 'del(.file)' <<<"$output")" "$(jq -c 'del(.file)' <<<"$want")"
}

@test "--jobs from a pipe gives each verdict as soon as its line is read" {
	coproc V { jwtool verify --batch --jobs 2 -q -k "$KEYS/hs256.key" --now $NOW --json; }
	echo "$good" >&"${V[1]}"
	exec {V[1]}>&-
	wait
	run -0 true
}

@test "--jobs needs --batch" {
	run -2 jwtool verify --jobs 2 -k "$KEYS/hs256.key" "$good"
	assert_output "jwtool: verify: --jobs applies to --batch"
	run -2 batch --jobs 99 < /dev/null
	assert_output "jwtool: verify: --jobs: expected a number of threads from 1 to 64, or auto, got '99'"
}

@test "a JWKS of RSA and EC keys: algorithms and keys alternating, a forged token among them, any --jobs" {
	jwtool jwk --format jwks --public --kid auto "$KEYS/rsa2048.pem" \
	    "$KEYS/p256.pem" "$KEYS/p521.pem" > set.jwks
	for a in RS256:rsa2048 PS256:rsa2048 ES256:p256 RS512:rsa2048 \
	    ES512:p521 PS512:rsa2048 RS384:rsa2048; do
		jwtool sign -k "$KEYS/${a#*:}.pem" --kid auto --alg "${a%:*}" \
		    --now $NOW --sub "${a%:*}" > "${a%:*}.jwt"
	done
	forged=$(jwtool sign -k "$KEYS/rsa1024.pem" --allow-weak-key --now $NOW \
	    --kid "$(jwtool jwk --thumbprint "$KEYS/rsa2048.pem")" --sub forged)
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		cat RS256.jwt PS256.jwt ES256.jwt; echo "$forged"
		cat RS512.jwt ES512.jwt PS512.jwt RS384.jwt PS256.jwt
	done > in
	for j in 1 2; do
		run -1 --separate-stderr jwtool verify --batch --jobs $j -k set.jwks --now $NOW in
		assert_equal "$stderr" "jwtool: verify: 180 tokens: 160 valid, 20 invalid"
		run -0 jq -r '"\(.payload.sub // "-") \(.valid)"' <<<"$output"
		assert_equal "$(sort <<<"$output" | uniq -c | awk '{ print $1, $2, $3 }' | tr '\n' ' ')" \
		    "20 - false 20 ES256 true 20 ES512 true 40 PS256 true 20 PS512 true 20 RS256 true 20 RS384 true 20 RS512 true "
	done
}

@test "a batch verdict is the --json verdict with file and line, whatever the JSON's spacing and escapes" {
	# header and payload lines in pairs
	while IFS= read -r h && IFS= read -r p; do
		hs256 "$h" "$p" "$KEYS/hs256.key"
	done > 'in "q" \ x' <<'EOF_'
{"alg":"HS256"}
{"sub":"plain","n":1.0E+2,"m":-0,"big":123456789012345678901234567890,"f":0.1000}
{"alg":"HS256","kid":"a\"b\u001bc\td\\e"}
{ "sub" : "spaced",	"a":[1, 2,{}] }
{ "alg":"HS256" }
{"sub":"esc\u00e9\/\n\"q\\","t":"\t","ctl":"\u001f"}
{"alg":"HS256","typ":"JWT"}
{"sub":"raw é ✓ ","nested":{"a":[[],{}],"b":null,"c":true,"d":false}}
{"alg":"HS256"}
{"emoji":"\ud83d\ude00","e":1e400,"z":[]}
{"alg":"HS256"}
{"a":[1,2.50,-3e-7],"s":"\u2028"}
EOF_
	run -0 --separate-stderr jwtool verify --batch -k "$KEYS/hs256.key" --alg HS256 --now $NOW 'in "q" \ x'
	assert_equal "${#lines[@]}" 6
	assert_line --index 1 --partial '"kid":"a\"b\u001bc\td\\e","errors":[],"header":{"alg":"HS256","kid":"a\"b\u001bc\td\\e"},"payload":{"sub":"spaced","a":[1,2,{}]}}'
	i=0
	while IFS= read -r tok; do
		i=$((i + 1))
		want=$(jwtool verify --json --compact -k "$KEYS/hs256.key" --alg HS256 --now $NOW "$tok")
		assert_equal "${lines[$((i - 1))]}" "{\"file\":\"in \\\"q\\\" \\\\ x\",\"line\":$i,${want#\{}"
	done < 'in "q" \ x'
}

@test "tokens that share a header share its parse; a header that differs is read anew" {
	a=$(jwtool sign -k "$KEYS/set.jwks" --kid hs-0 --now $NOW --sub a)
	b=$(jwtool sign -k "$KEYS/set.jwks" --kid hs-1 --now $NOW --sub b)
	# the same header as a, a payload that is not base64url
	bad="${a%%.*}.e30*.${a##*.}"
	for i in 1 2 3; do printf '%s\n%s\n%s\n%s\n' "$a" "$a" "$b" "$bad"; done > in
	for j in 1 2; do
		run -3 --separate-stderr jwtool verify --batch --jobs $j -k "$KEYS/hs.jwks" --now $NOW in
		assert_equal "$stderr" "jwtool: verify: 12 tokens: 9 valid, 3 invalid"
		run -0 jq -c '[.line, .valid, .kid, .payload.sub, [.errors[].message]]' <<<"$output"
		assert_line --index 0 '[1,true,"hs-0","a",[]]'
		assert_line --index 2 '[3,true,"hs-1","b",[]]'
		assert_line --index 3 '[4,false,null,null,["malformed token: payload segment: byte 3 is '"'"'*'"'"', not a base64url character (token byte 58)"]]'
		assert_line --index 5 '[6,true,"hs-0","a",[]]'
		assert_line --index 10 '[11,true,"hs-1","b",[]]'
	done
}

@test "a shared header with something to report reports it on every token" {
	for h in '{"alg":"HS256","typ":7}' '{"alg":"HS256","b64":false}' \
	    '{"alg":"HS256","crit":["exp"]}' '{"alg":"HS256","kid":["k"]}'; do
		for i in 1 2 3; do hs256 "$h" '{"sub":"s"}' "$KEYS/hs256.key"; done
	done > in
	run -3 --separate-stderr jwtool verify --batch -k "$KEYS/hs256.key" --alg HS256 --now $NOW in
	assert_equal "$stderr" "jwtool: verify: 12 tokens: 0 valid, 12 invalid"
	run -0 jq -r '.errors[0].code' <<<"$output"
	assert_output "$(printf '%s\n' malformed_header malformed_header malformed_header b64 b64 b64 crit crit crit malformed_header malformed_header malformed_header)"
}
