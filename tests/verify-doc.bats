#!/usr/bin/env bats
# The verify documentation: the CI recipes of jwtool-verify(1) and of the
# README run as written (with curl replaced by a copy of a local JWKS),
# and the error codes documented are those the tests exercise.

load helpers/common

MAN=$TOP/man/jwtool-verify.1

# The CI recipe block of the man page as a shell script.
recipe() {
	sed -n '/^\.\\" ci-recipe-begin/,/^\.\\" ci-recipe-end/p' "$MAN" |
	    grep -v '^\.' | sed -e 's/\\e/\\/g' -e 's/^\$ //'
}

# The CI block of the README.
readme_recipe() {
	awk '$0 == "### CI: verifying a token" { f = 1; next }
	    f && /^```sh$/ { b = 1; next }
	    b && /^```$/ { exit }
	    b' "$TOP/README.md"
}

# curl -fsS -o FILE URL: "download" the local JWKS in $JWKS_FILE.
stub_curl() {
	cat > curl <<-'EOF'
		#!/bin/sh
		while [ $# -gt 0 ]; do
			case $1 in -o) out=$2; shift ;; esac
			shift
		done
		cp "$JWKS_FILE" "$out"
	EOF
	chmod +x curl
}

# id_token REPOSITORY: a token like GitHub Actions issues, signed ed-1.
id_token() {
	jwtool sign -k "$KEYS/ed25519.pem" --kid ed-1 --exp +5m \
	    --iss https://token.actions.githubusercontent.com \
	    --aud https://deploy.example.com \
	    --sub repo:example/app:ref:refs/heads/main \
	    --claim "repository=$1" --claim ref=refs/heads/main
}

@test "the man page's CI recipe verifies an OpenID Connect token" {
	recipe > recipe.sh
	run -0 grep -c 'curl -fsS -o jwks.json' recipe.sh
	run -0 grep -c 'jwtool verify -k jwks.json' recipe.sh
	stub_curl
	export JWKS_FILE=$KEYS/pub.jwks
	ID_TOKEN=$(id_token example/app) PATH=$PWD:$PATH run -0 bash recipe.sh
	assert_output "trusted"
}

@test "the CI recipe refuses a token from another repository (exit 6)" {
	recipe > recipe.sh
	stub_curl
	export JWKS_FILE=$KEYS/pub.jwks
	ID_TOKEN=$(id_token evil/app) PATH=$PWD:$PATH run -6 bash recipe.sh
	assert_output "jwtool: verify: claim 'repository' is \"evil/app\"; --claim wants \"example/app\""
}

@test "the CI recipe refuses a token signed by another key (exit 1)" {
	recipe > recipe.sh
	stub_curl
	export JWKS_FILE=$KEYS/pub.jwks
	t=$(jwtool sign -k "$KEYS/ed25519-other.pem" --kid ed-1 --exp +5m \
	    --iss https://token.actions.githubusercontent.com)
	ID_TOKEN=$t PATH=$PWD:$PATH run -1 bash recipe.sh
	assert_output "jwtool: verify: signature does not match (EdDSA, 1 key tried: 'ed-1')"
}

@test "the README's CI recipe runs as written" {
	readme_recipe > recipe.sh
	run -0 grep -c 'curl -fsS -o jwks.json' recipe.sh
	stub_curl
	export JWKS_FILE=$KEYS/pub.jwks
	ID_TOKEN=$(id_token example/app) PATH=$PWD:$PATH run -0 bash -e recipe.sh
	assert_output "trusted"
	t=$(jwtool sign -k "$KEYS/ed25519-other.pem" --kid ed-1 --exp +5m)
	ID_TOKEN=$t PATH=$PWD:$PATH run -1 bash -e recipe.sh
	assert_output "jwtool: verify: signature does not match (EdDSA, 1 key tried: 'ed-1')"
}

@test "the EXIT STATUS table lists statuses 0 to 8" {
	run -0 bash -c "sed -n '/^\.Sh EXIT STATUS/,/^\.Sh/p' '$MAN' | grep -oE '^\.It [0-9] Ta' | cut -d' ' -f2 | tr '\n' ' '"
	assert_output "0 1 2 3 4 5 6 7 8 "
}

@test "every documented error code is tested, and every tested code documented" {
	documented=$(sed -n '/^\.It Sy Code/,/^\.El/p' "$MAN" |
	    grep -oE '^\.It [a-z0-9_]+ Ta' | cut -d' ' -f2 | sort)
	tested=$(grep -ohE 'run -0 codes; assert_output [a-z0-9_]+' \
	    "$TOP/tests/verify-claims.bats" | awk '{print $NF}' | sort -u)
	readme=$(grep -E '^\| [0-9] \| `' "$TOP/README.md" | grep -oE '`[a-z0-9_]+`' |
	    tr -d '`' | sort)
	[ "$(wc -l <<<"$documented")" -eq 25 ]
	assert_equal "$tested" "$documented"
	assert_equal "$readme" "$documented"
}
