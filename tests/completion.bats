#!/usr/bin/env bats
# Shell completions: bash, zsh and fish offer what the binary lists
# (jwtool --list-commands, --list-options CMD, --list-algorithms).

load helpers/common

COMP=$TOP/completions

# bcomp [--plain] LINE: what the bash completion offers for LINE<TAB>,
# with bash-completion loaded (or, with --plain, without it).
bcomp() {
	local lib="source /usr/share/bash-completion/bash_completion;"
	if [ "$1" = --plain ]; then
		lib=
		shift
	fi
	bash --norc --noprofile -c "$lib source '$COMP/jwtool.bash';
	    source '$TOP/tests/helpers/complete.bash'; complete_line \"\$1\"" \
	    bcomp "$1"
}

# zcomp LINE: what zsh offers for LINE<TAB>.
zcomp() {
	timeout 30 zsh -f "$TOP/tests/helpers/zsh-complete.zsh" "$COMP" "$1"
}

# fcomp LINE: what fish offers for LINE (names only).
fcomp() {
	fish --no-config -c "source '$COMP/jwtool.fish'; complete -C'$1'" |
	    cut -f1
}

sorted() {
	printf '%s\n' "$@" | sort
}

@test "--list-algorithms lists each algorithm of the table once" {
	run -0 jwtool --list-algorithms
	assert_line $'HS256\tHMAC using SHA-256'
	assert_line $'HS384\tHMAC using SHA-384'
	assert_line $'HS512\tHMAC using SHA-512'
	assert_line --regexp $'^EdDSA\t'
	refute_line --regexp '^none'
	run -0 bash -c 'jwtool --list-algorithms | cut -f1 | sort | uniq -d'
	assert_output ""
}

@test "--list-options gives four tab-separated fields, empty ones kept" {
	run -0 jwtool --list-options sign
	assert_line $'--secret\tVALUE\t\tHMAC secret as an argument (others can see it)'
	assert_line $'--no-iat\t\t\tleave out iat'
	assert_line $'--key-format\tFMT\traw base64 base64url hex jwk jwks pem der\traw, base64, base64url, hex, jwk, jwks, pem or der'
	run -0 bash -c 'jwtool --list-options verify | awk -F "\t" "NF != 4"'
	assert_output ""
}

@test "the bash completion registers itself for jwtool" {
	run -0 bash --norc -c "source '$COMP/jwtool.bash'; complete -p jwtool"
	assert_output "complete -F _jwtool jwtool"
}

@test "bash: jwtool <TAB> offers the commands and help" {
	run -0 bcomp 'jwtool '
	local want
	want=$(sorted $(jwtool --list-commands | cut -f1) help)
	assert_equal "$(sort <<<"$output")" "$want"
	assert_line verify
}

@test "bash: jwtool ver<TAB> offers verify" {
	run -0 bcomp 'jwtool ver'
	assert_output verify
	run -0 bcomp --plain 'jwtool ver'
	assert_output verify
}

@test "bash: jwtool -<TAB> offers the global options" {
	run -0 bcomp 'jwtool --'
	assert_equal "$(sort <<<"$output")" "$(sorted --help --version)"
}

@test "bash: jwtool verify --<TAB> offers exactly verify's long options" {
	run -0 bcomp 'jwtool verify --'
	local want
	want=$(jwtool --list-options verify | cut -f1 | grep '^--' | sort)
	assert_equal "$(sort <<<"$output")" "$want"
	assert_line --alg
	assert_line --leeway
	assert_line --batch
	refute_line --jti
}

@test "bash: jwtool verify --alg <TAB> offers the algorithms" {
	local want
	want=$(jwtool --list-algorithms | cut -f1 | sort)
	run -0 bcomp 'jwtool verify --alg '
	assert_equal "$(sort <<<"$output")" "$want"
	assert_line HS256
	assert_line EdDSA
	run -0 bcomp --plain 'jwtool verify --alg '
	assert_equal "$(sort <<<"$output")" "$want"
}

@test "bash: --alg=E<TAB> and a comma list complete the last name" {
	run -0 bcomp 'jwtool verify --alg=Ed'
	assert_output EdDSA
	run -0 bcomp --plain 'jwtool verify --alg=Ed'
	assert_output EdDSA
	run -0 bcomp 'jwtool verify --alg=ES2'
	assert_equal "$(sort <<<"$output")" "$(sorted ES256 ES256K)"
	run -0 bcomp 'jwtool verify --alg HS256,HS5'
	assert_output HS256,HS512
}

@test "bash: jwtool sign --key-format <TAB> offers the key formats" {
	run -0 bcomp 'jwtool sign --key-format '
	assert_equal "$(sort <<<"$output")" \
	    "$(sorted raw base64 base64url hex jwk jwks pem der)"
	run -0 bcomp 'jwtool verify --key-format j'
	assert_equal "$(sort <<<"$output")" "$(sorted jwk jwks)"
}

@test "bash: jwtool sign -k <TAB> offers files" {
	touch a.pem b.key
	mkdir keys
	run -0 bcomp 'jwtool sign -k '
	assert_line a.pem
	assert_line b.key
	assert_line keys
	run -0 bcomp 'jwtool sign --key a'
	assert_output a.pem
	run -0 bcomp --plain 'jwtool sign -k b'
	assert_output b.key
}

@test "bash: -k env:<TAB> offers environment variables" {
	export JWTOOL_TEST_SECRET=x
	run -0 bcomp 'jwtool sign -k env:JWTOOL_TEST_S'
	assert_output JWTOOL_TEST_SECRET
	run -0 bcomp 'jwtool verify --key=env:JWTOOL_TEST_S'
	assert_output JWTOOL_TEST_SECRET
}

@test "bash: values with no hint get nothing, word lists their words" {
	touch a.json
	run -0 bcomp 'jwtool sign --sub '
	assert_output ""
	run -0 bcomp 'jwtool sign --secret '
	assert_output ""
	run -0 bcomp 'jwtool sign --jti '
	assert_output auto
}

@test "bash: operands are files, and help completes commands" {
	touch claims.json
	run -0 bcomp 'jwtool sign cl'
	assert_output claims.json
	run -0 bcomp 'jwtool decode --compact cl'
	assert_output claims.json
	run -0 bcomp 'jwtool help ve'
	assert_output verify
}

@test "bash: an unknown command offers no options" {
	run -0 bcomp 'jwtool frob --'
	assert_output ""
}

@test "zsh loads _jwtool from fpath and when sourced" {
	run -0 zsh -f -c "fpath=('$COMP' \$fpath); autoload -U compinit;
	    compinit -u -D; print -r -- \$_comps[jwtool]"
	assert_output _jwtool
	run -0 --separate-stderr zsh -f -c "autoload -U compinit; compinit -u -D;
	    source '$COMP/_jwtool'; print -r -- \$_comps[jwtool]"
	assert_equal "$stderr" ""
	assert_output _jwtool
}

@test "zsh: commands, options, algorithms, key formats and files" {
	touch a.pem
	run -0 zcomp 'jwtool ver'
	assert_output verify
	run -0 zcomp 'jwtool verify --al'
	assert_equal "$(sort <<<"$output")" "$(sorted --alg --allow-weak-key)"
	run -0 zcomp 'jwtool verify --alg '
	assert_equal "$output" "$(jwtool --list-algorithms | cut -f1 | sort)"
	run -0 zcomp 'jwtool sign --key-format '
	assert_equal "$output" \
	    "$(sorted raw base64 base64url hex jwk jwks pem der)"
	run -0 zcomp 'jwtool sign -k a'
	assert_output a.pem
}

@test "fish loads jwtool.fish without error" {
	run -0 --separate-stderr fish --no-config -c \
	    "source '$COMP/jwtool.fish'"
	assert_equal "$stderr" ""
	assert_output ""
}

@test "fish: commands, options, algorithms, key formats and files" {
	touch a.pem
	run -0 fcomp 'jwtool ver'
	assert_output verify
	run -0 fcomp 'jwtool verify --al'
	assert_line --alg
	assert_line --allow-weak-key
	run -0 fcomp 'jwtool verify --alg '
	# fish orders by its own collation
	assert_equal "$(sort <<<"$output")" \
	    "$(jwtool --list-algorithms | cut -f1 | sort)"
	run -0 fcomp 'jwtool sign --key-format '
	assert_equal "$output" \
	    "$(sorted raw base64 base64url hex jwk jwks pem der)"
	run -0 fcomp 'jwtool sign -k a'
	assert_output a.pem
	run -0 fcomp 'jwtool sign --sub '
	assert_output ""
}

@test "without jwtool on PATH the completions stay quiet" {
	run -0 --separate-stderr env PATH=/usr/bin:/bin fish --no-config -c \
	    "source '$COMP/jwtool.fish'; complete -C'jwtool '"
	assert_equal "$stderr" ""
	assert_output $'help\tshow the help of a command'
	run -0 --separate-stderr env PATH=/usr/bin:/bin bash --norc -c \
	    "source '$COMP/jwtool.bash'; source '$TOP/tests/helpers/complete.bash'
	    complete_line 'jwtool verify --'"
	assert_equal "$stderr" ""
	assert_output ""
}
