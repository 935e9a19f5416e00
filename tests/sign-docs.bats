#!/usr/bin/env bats
# The sign examples of README.md and man/jwtool.1, run as written.

load helpers/common

setup() {
	cd "$BATS_TEST_TMPDIR" || return 1
	cp "$KEYS/hs256.key" secret.key
	cp "$KEYS/ed25519.pem" ed25519.pem
	openssl req -new -x509 -key ed25519.pem -subj /CN=doc -days 1 \
	    -out chain.pem 2>/dev/null
	echo '[{"name":"ann","roles":["a"]},{"name":"bob","roles":[]}]' > users.json
	jwtool sign -k secret.key --now 1700000000 --ttl 1h --sub old > old.jwt
	TOKEN=$(jwtool sign -k secret.key --ttl 1h --sub doc)
}

@test "README: nested and appended claims" {
	t=$(jwtool sign -k secret.key --claim org.id:=42 --claim org.name=acme \
	    --claim roles+=admin --claim roles+=ops --ttl 15m)
	run -0 jq -c '.payload | del(.exp, .iat)' <<<"$(jwtool decode --compact "$t")"
	assert_output '{"org":{"id":42,"name":"acme"},"roles":["admin","ops"]}'
}

@test "README: thumbprint kid, certificate chain, no typ" {
	t=$(jwtool sign -k ed25519.pem --kid auto --x5c chain.pem --x5t chain.pem --no-typ)
	run -0 jq -c '.header | keys_unsorted' <<<"$(jwtool decode --compact "$t")"
	assert_output '["alg","kid","x5c","x5t#S256"]'
}

@test "README and man: edit a token and re-sign it; refresh an old one" {
	t=$(jwtool decode "$TOKEN" | jq '.payload.role = "admin"' |
	    jwtool sign --from-decoded - -k secret.key)
	run -0 jwtool verify -k secret.key "$t"
	assert_output --partial '"role":"admin"'
	t=$(jwtool sign --from-token old.jwt -k secret.key)
	run -0 jwtool verify -q -k secret.key "$t"
}

@test "README: a batch from jq to a file" {
	jq -c '.[] | {sub: .name}' users.json |
	    jwtool sign --batch -k secret.key --iss ci --ttl 1h -o tokens.txt
	assert_equal "$(wc -l < tokens.txt)" 2
	assert_equal "$(stat -c %a tokens.txt)" 600
}

@test "man: tokens for a load test, reproducible" {
	for f in a b; do
		jq -c '.[] | {sub: .name, roles: .roles}' users.json |
		    jwtool sign --batch -k ed25519.pem --iss ci --ttl 1h \
		    --now 2026-11-28T12:00:00Z -o tokens-$f.txt
	done
	assert_equal "$(cat tokens-a.txt)" "$(cat tokens-b.txt)"
	assert_equal "$(wc -l < tokens-a.txt)" 2
}

@test "man: nested and appended claims with the thumbprint as kid" {
	run -0 jwtool sign -k secret.key --claim org.id:=42 \
	    --claim roles+=admin --claim roles+=ops --kid auto --ttl 15m
	run -0 jwtool verify -k secret.key "$output"
	assert_output --partial '"org":{"id":42},"roles":["admin","ops"]'
}
