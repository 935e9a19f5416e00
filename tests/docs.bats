#!/usr/bin/env bats
# The documentation: man pages lint clean, render, document every option
# of every command, and every example in them runs and prints what the
# page says.

load helpers/common
load helpers/docs

commands() {
	jwtool --list-commands | cut -f1
}

@test "every command has a man page, and jwtool(1) names it" {
	local c n=0
	for c in $(commands); do
		assert [ -f "$TOP/man/jwtool-$c.1" ]
		run -0 grep -c "^\.Xr jwtool-$c 1" "$TOP/man/jwtool.1"
		n=$((n + 1))
	done
	assert [ "$n" -ge 4 ]
}

@test "every man page is clean under mandoc -Tlint -W warning" {
	local p
	for p in "$TOP"/man/*.1; do
		run -0 mandoc -Tlint -W warning "$p"
		assert_output ""
	done
}

@test "mandoc -Tlint catches a broken page" {
	printf '.Dd November 28, 2026\n.Dt X 1\n.Os\n.Sh NAME\n.Nm x\n' > bad.1
	run -2 mandoc -Tlint -W warning bad.1
	assert_output --partial "NAME section without description"
}

@test "man -l renders every page" {
	local p
	for p in "$TOP"/man/*.1; do
		run -0 --separate-stderr env MANWIDTH=80 man -l "$p"
		assert_equal "$stderr" ""
		assert_line --regexp '^NAME$'
		assert_line --regexp '^EXIT STATUS$'
		assert_line --regexp '^EXAMPLES$'
		assert_line --regexp '^SECURITY CONSIDERATIONS$'
	done
}

@test "every page has the sections users look for" {
	local p s
	for p in "$TOP"/man/*.1; do
		for s in NAME SYNOPSIS DESCRIPTION "EXIT STATUS" ENVIRONMENT \
		    EXAMPLES "SEE ALSO" STANDARDS "SECURITY CONSIDERATIONS"; do
			run -0 grep -c "^\.Sh $s\$" "$p"
			assert_output 1
		done
	done
}

@test "each page documents exactly the long options of its command" {
	local c
	for c in $(commands); do
		run -0 cmd_options "$c"
		local want=$output
		run -0 page_options "$TOP/man/jwtool-$c.1"
		assert_equal "jwtool-$c.1: $output" "jwtool-$c.1: $want"
	done
}

@test "each page documents exactly the short options of its command" {
	local c
	for c in $(commands); do
		run -0 cmd_short_options "$c"
		local want=$output
		run -0 page_short_options "$TOP/man/jwtool-$c.1"
		assert_equal "jwtool-$c.1: $output" "jwtool-$c.1: $want"
	done
}

@test "the option comparison notices an undocumented option" {
	sed '/^\.It Fl -sub /,/^\.It /{/^\.It Fl -sub /d;}' \
	    "$TOP/man/jwtool-sign.1" > sign.1
	run -0 page_options sign.1
	refute_line -- --sub
	assert_line -- --iss
}

@test "each SYNOPSIS names only real options, and all those of --help" {
	local c o
	for c in $(commands); do
		run -0 synopsis_options "$TOP/man/jwtool-$c.1"
		local syn=$output
		run -0 jwtool --list-options "$c"
		local all
		all=$(cut -f1 <<<"$output")
		for o in $syn; do
			grep -qx -- "$o" <<<"$all" ||
			    fail "jwtool-$c.1: SYNOPSIS names '$o', not an option of $c"
		done
		# the options the --help usage lines spell out
		run -0 jwtool "$c" --help
		for o in $(sed '/^$/q' <<<"$output" |
		    grep -o -- '-\{1,2\}[A-Za-z][A-Za-z0-9-]*' | sort -u); do
			grep -qx -- "$o" <<<"$syn" ||
			    fail "jwtool-$c.1: SYNOPSIS lacks '$o' of --help"
		done
	done
}

@test "--help of each command fits 80 columns" {
	local c
	for c in $(commands); do
		run -0 jwtool "$c" --help
		run -0 awk -v c="$c" 'length > 80 { print c ": " $0 }' <<<"$output"
		assert_output ""
	done
}

@test "--help of each command lists every option of its table" {
	local c o
	for c in $(commands); do
		run -0 jwtool "$c" --help
		local help=$output
		for o in $(cmd_options "$c") $(cmd_short_options "$c"); do
			grep -q -- "\(^\| \)$o\( \|,\|$\)" <<<"$help" ||
			    fail "jwtool $c --help does not list $o"
		done
	done
}

@test "every page has examples" {
	local p
	for p in "$TOP"/man/*.1; do
		run -0 awk -v dir="$BATS_TEST_TMPDIR" \
		    -f "$TOP/tests/helpers/man-examples.awk" "$p"
		assert [ "$output" -ge 1 ]
	done
}

@test "the example runner fails on output the page does not show" {
	sed 's/^valid$/invalid/' "$TOP/man/jwtool.1" > wrong.1
	run -1 run_examples wrong.1
	assert_output --partial "wrong.1: example 2 failed (exit 0)"
	assert_output --partial "-invalid"
	assert_output --partial "+valid"
}

@test "the example runner fails on a failing command" {
	printf '.Sh EXAMPLES\n.Bd -literal\n$ jwtool decode a.b.c.d\n.Ed\n' > fail.1
	run -1 run_examples fail.1
	assert_output --partial "fail.1: example 1 failed (exit 3)"
}

@test "the example runner joins continued lines and undoes escapes" {
	printf '%s\n' '.Sh EXAMPLES' '.Bd -literal' '$ printf "%s\en" a \e' \
	    '      b |' '      tr ab AB' 'A' 'B' '$ for i in 1; do' \
	    '>     echo \-$i' '> done' '-1' '.Ed' > ok.1
	run run_examples ok.1
	assert_success
	assert_output 1
}

@test "every example in jwtool(1) runs as shown" {
	run run_examples "$TOP/man/jwtool.1"
	assert_success
}

@test "every example in each command's page runs as shown" {
	local c
	for c in $(commands); do
		run run_examples "$TOP/man/jwtool-$c.1"
		assert_success
	done
}

# readme_block HEADING: the first ```sh block after the README heading.
readme_block() {
	awk -v h="$1" '$0 == h { f = 1; next }
	    f && /^```sh$/ { b = 1; next }
	    b && /^```$/ { exit }
	    b' "$TOP/README.md"
}

@test "the README's clone-to-verified-token steps work as written" {
	run -0 readme_block "## From clone to a verified token"
	local steps=$output
	assert_line --partial "jwtool verify -k secret.key"
	run -0 --separate-stderr bash -e -o pipefail -c "$steps"
	assert_output --regexp '^\{"iss":"me","sub":"alice","exp":[0-9]+,"iat":[0-9]+\}$'
	assert [ "$(stat -c %a secret.key)" = 600 ]
	# "with another secret it prints ... and exits 1"
	openssl rand -out other.key 32
	run -1 jwtool verify -k other.key --alg HS256 token
	assert_output "jwtool: verify: signature does not match (HS256, 1 key tried)"
}

@test "the README's script recipe runs" {
	run -0 readme_block "### Scripts generating tokens"
	local steps=$output
	cp "$KEYS/ed25519.pem" .
	echo '{"team":"infra"}' > claims.json
	SIGNING_KEY=$(cat "$KEYS/hs256.key") run -0 --separate-stderr \
	    bash -e -o pipefail -c "$steps"
	assert_output --regexp '^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'
	run -0 jwtool verify -k "$KEYS/ed25519.pub.pem" --now 2026-11-28T12:00:00Z \
	    --compact "$output"
	assert_output '{"team":"infra","roles":["admin"],"sub":"alice","exp":1795870800,"iat":1795867200}'
	run -0 wc -l < tokens.txt
	assert_output 3
}

@test "the README's debugging recipe runs" {
	run -0 readme_block "### Debugging a token"
	local steps=$output
	jwtool sign -k "$KEYS/hs256.key" --sub alice --exp 2000000000 > token
	printf 'Authorization: Bearer %s\n' "$(cat token)" > request.txt
	TOKEN=$(cat token) run -0 --separate-stderr bash -e -o pipefail -c "$steps"
	assert_line --index 0 --regexp '^\{"header":\{"alg":"HS256".*"payload":\{"sub":"alice",'
	assert_line --index 1 --regexp '^\{"header":.*"payload":\{"sub":"alice",'
	assert_line --index 2 2000000000
}
