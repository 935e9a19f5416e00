#!/usr/bin/env bats
# The command line as a whole: help, version, dispatch, usage errors.

load helpers/common

@test "--help lists every command and the exit statuses" {
	run -0 jwtool --help
	assert_output --partial "sign "
	assert_output --partial "verify "
	assert_output --partial "decode "
	assert_output --partial "inspect "
	assert_output --partial "7 key unusable"
}

@test "--version prints the version" {
	run -0 jwtool --version
	assert_output --regexp '^jwtool [0-9]+\.[0-9]+\.[0-9]+$'
}

@test "no arguments is a usage error" {
	run -2 jwtool
	assert_output --partial "usage: jwtool <command>"
}

@test "an unknown command is a usage error naming it" {
	run -2 jwtool frobnicate
	assert_output "jwtool: unknown command 'frobnicate' (see jwtool --help)"
}

@test "an option before the command is a usage error" {
	run -2 jwtool --compact decode
	assert_output --partial "unknown option '--compact'; options follow the command"
}

@test "help CMD and CMD --help print the same text" {
	run -0 jwtool help verify
	local a=$output
	run -0 jwtool verify --help
	assert_equal "$output" "$a"
	assert_output --partial "usage: jwtool verify"
}

@test "help with an unknown command fails" {
	run -2 jwtool help nope
	assert_output --partial "unknown command 'nope'"
}

@test "every --help fits 80 columns" {
	for c in sign verify decode inspect; do
		run -0 jwtool "$c" --help
		run -0 awk 'length > 80' <<<"$output"
		assert_output ""
	done
	run -0 jwtool --help
	run -0 awk 'length > 80' <<<"$output"
	assert_output ""
}

@test "an unknown option is a usage error" {
	run -2 jwtool decode --bogus
	assert_output "jwtool: decode: unknown option '--bogus' (see --help)"
	run -2 jwtool verify -Z x
	assert_output "jwtool: verify: unknown option '-Z' (see --help)"
}

@test "an option missing its value is a usage error" {
	run -2 jwtool sign --exp
	assert_output "jwtool: sign: option '--exp' needs a value"
}

@test "--list-options prints the option table for completions" {
	run -0 jwtool --list-options sign
	assert_line --regexp $'^--key\tSRC\tfile\t'
	assert_line --regexp $'^-k\tSRC\tfile\t'
	run -2 jwtool --list-options
	run -2 jwtool --list-options nope
}

@test "--list-commands prints each command and its summary" {
	run -0 jwtool --list-commands
	assert_line --regexp $'^verify\t'
}

@test "a write error on stdout is reported with exit 8" {
	run -8 bash -c 'jwtool --version >/dev/full'
	assert_output --partial "cannot write to stdout"
}

@test "--max-input rejects a bad size" {
	run -2 jwtool decode --max-input 12Q x.y.z
	assert_output --partial "invalid size '12Q' for --max-input"
}
