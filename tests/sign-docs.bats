#!/usr/bin/env bats
# The sign section of README.md runs as written, and each of its commands
# does what the comment above it says.  (The examples of jwtool-sign(1)
# are run by docs.bats.)

load helpers/common

# The ```sh block of the README's sign section.
readme_sign_block() {
	awk '$0 == "## Signing: claims, headers, round trips, batches" { f = 1; next }
	    f && /^```sh$/ { b = 1; next }
	    b && /^```$/ { exit }
	    b' "$TOP/README.md"
}

setup() {
	mkdir "$BATS_TEST_TMPDIR/w" && cd "$BATS_TEST_TMPDIR/w" || return 1
	cp "$KEYS/hs256.key" secret.key
	cp "$KEYS/ed25519.pem" ed25519.pem
	openssl req -new -x509 -key ed25519.pem -subj /CN=doc -days 1 \
	    -out chain.pem 2>/dev/null
	echo '[{"name":"ann"},{"name":"bob"}]' > users.json
	jwtool sign -k secret.key --now 1700000000 --ttl 1h --sub old > old.jwt
	TOKEN=$(jwtool sign -k secret.key --ttl 1h --sub doc)
	export TOKEN
}

@test "README: the sign block runs as written, one token per command" {
	run -0 readme_sign_block
	assert_line --partial "jwtool sign --batch"
	run -0 --separate-stderr bash -e -o pipefail -c "$output"
	assert_equal "${#lines[@]}" 4
	assert_equal "$stderr" ""
	assert_equal "$(wc -l < tokens.txt)" 2
	assert_equal "$(stat -c %a tokens.txt)" 600
	local tok=("${lines[@]}")
	# each token as its comment says
	run -0 jq -c '.payload | del(.exp, .iat)' <<<"$(jwtool decode --compact "${tok[0]}")"
	assert_output '{"org":{"id":42,"name":"acme"},"roles":["admin","ops"]}'
	run -0 jq -c '.header | keys_unsorted' <<<"$(jwtool decode --compact "${tok[1]}")"
	assert_output '["alg","kid","x5c","x5t#S256"]'
	run -0 jwtool verify -k secret.key --alg HS256 "${tok[2]}"
	assert_output --partial '"sub":"doc"'
	assert_output --partial '"role":"admin"'
	run -0 jwtool verify -k secret.key --alg HS256 "${tok[3]}"
	assert_output --partial '"sub":"old"'
	run -0 jwtool verify -k secret.key --alg HS256 "$(sed -n 2p tokens.txt)"
	assert_output --partial '"sub":"bob"'
}
