#!/usr/bin/env bats
# How a usage error names a bad option: the option itself, never another
# argument (a secret may be next to it); a single-dash word spelling a
# long option is refused rather than read as a group of letters.

load helpers/common

S='not-a-secret-but-looks.like!one'

@test "an unknown letter in a group is named alone, wherever it is" {
	run -2 --separate-stderr jwtool decode -Hx
	assert_equal "$stderr" "jwtool: decode: unknown option '-H' (see --help)"
	run -2 --separate-stderr jwtool verify -Zq x.y.z
	assert_equal "$stderr" "jwtool: verify: unknown option '-Z' (see --help)"
	run -2 --separate-stderr jwtool verify -qZq x.y.z
	assert_equal "$stderr" "jwtool: verify: unknown option '-Z' (see --help)"
	run -2 --separate-stderr jwtool verify -qqZ x.y.z
	assert_equal "$stderr" "jwtool: verify: unknown option '-Z' (see --help)"
	# at the end of argv, after an operand
	run -2 --separate-stderr jwtool verify x.y.z -qZ
	assert_equal "$stderr" "jwtool: verify: unknown option '-Z' (see --help)"
	# a byte that is not ASCII is quoted
	run -2 --separate-stderr jwtool decode $'-\xe9'
	assert_equal "$stderr" "jwtool: decode: unknown option '-\\xe9' (see --help)"
}

@test "a bad group after a value-taking option names its letter, not the value" {
	run -2 --separate-stderr jwtool sign --secret "$S" -claim sub=a
	assert_equal "$stderr" "jwtool: sign: unknown option '-claim': did you mean '--claim'?"
	run -2 --separate-stderr jwtool sign --secret "$S" -Zx
	assert_equal "$stderr" "jwtool: sign: unknown option '-Z' (see --help)"
	run -2 --separate-stderr jwtool verify --secret "$S" -qZ x.y.z
	assert_equal "$stderr" "jwtool: verify: unknown option '-Z' (see --help)"
	run -2 --separate-stderr jwtool sign -k "$S" -hZ
	assert_equal "$stderr" "jwtool: sign: unknown option '-Z' (see --help)"
	run -2 --separate-stderr jwtool sign --sub "$S" -Zh "$S"
	assert_equal "$stderr" "jwtool: sign: unknown option '-Z' (see --help)"
	run -2 --separate-stderr jwtool decode --get "$S" -hZh
	assert_equal "$stderr" "jwtool: decode: unknown option '-Z' (see --help)"
}

@test "a group with an unknown letter is refused before any of its letters acts" {
	run -2 --separate-stderr jwtool sign -hZ
	assert_output ""
	assert_equal "$stderr" "jwtool: sign: unknown option '-Z' (see --help)"
	run -2 --separate-stderr jwtool keygen -hx secret
	assert_output ""
	assert_equal "$stderr" "jwtool: keygen: unknown option '-x' (see --help)"
}

@test "-- ends the options, a bad one before it is named, what follows is an operand" {
	run -2 --separate-stderr jwtool verify --secret "$S" -Zq -- "$S"
	assert_equal "$stderr" "jwtool: verify: unknown option '-Z' (see --help)"
	run -2 --separate-stderr jwtool verify "$S" -qZ -- "$S"
	assert_equal "$stderr" "jwtool: verify: unknown option '-Z' (see --help)"
	run -8 --separate-stderr jwtool verify -k "$KEYS/hs256.key" --alg HS256 -- -qZ
	assert_equal "$stderr" "jwtool: verify: cannot open token file '-qZ': no such file, and it is not a token"
	run -8 --separate-stderr jwtool sign -k "$KEYS/hs256.key" -- -Zx
	assert_equal "$stderr" "jwtool: sign: cannot open claims '-Zx': No such file or directory"
	run -8 --separate-stderr jwtool sign -k "$KEYS/hs256.key" -- -key
	assert_equal "$stderr" "jwtool: sign: cannot open claims '-key': No such file or directory"
}

@test "an unknown long option is named up to its '='" {
	run -2 --separate-stderr jwtool decode --secrett=hunter2
	assert_equal "$stderr" "jwtool: decode: unknown option '--secrett' (see --help)"
	run -2 --separate-stderr jwtool decode --secret "$S"
	assert_equal "$stderr" "jwtool: decode: unknown option '--secret' (see --help)"
	run -2 --separate-stderr jwtool sign --secret "$S" --bogus="$S"
	assert_equal "$stderr" "jwtool: sign: unknown option '--bogus' (see --help)"
}

@test "a value given to an option that takes none names the option alone" {
	run -2 --separate-stderr jwtool decode --compact=hunter2
	assert_equal "$stderr" "jwtool: decode: option '--compact' takes no value"
	run -2 --separate-stderr jwtool verify --secret "$S" --quiet="$S"
	assert_equal "$stderr" "jwtool: verify: option '--quiet' takes no value"
}

@test "an option missing its value is named by itself" {
	run -2 --separate-stderr jwtool sign --secret "$S" --exp
	assert_equal "$stderr" "jwtool: sign: option '--exp' needs a value"
	run -2 --separate-stderr jwtool verify --secret "$S" -qk
	assert_equal "$stderr" "jwtool: verify: option '-k' needs a value"
	run -2 --separate-stderr jwtool sign --sub "$S" -k
	assert_equal "$stderr" "jwtool: sign: option '-k' needs a value"
	run -2 --separate-stderr jwtool keygen "$S" -o
	assert_equal "$stderr" "jwtool: keygen: option '-o' needs a value"
}

@test "a single-dash word spelling a long option is refused with a hint" {
	run -2 --separate-stderr jwtool sign -key "$KEYS/hs256.key"
	assert_output ""
	assert_equal "$stderr" "jwtool: sign: unknown option '-key': did you mean '--key'?"
	run -2 --separate-stderr jwtool sign -k "$KEYS/hs256.key" -kid=mine
	assert_equal "$stderr" "jwtool: sign: unknown option '-kid': did you mean '--kid'?"
	run -2 --separate-stderr jwtool sign -k "$KEYS/hs256.key" -claim="sub=$S"
	assert_equal "$stderr" "jwtool: sign: unknown option '-claim': did you mean '--claim'?"
	run -2 --separate-stderr jwtool sign -k "$KEYS/hs256.key" -sub a
	assert_equal "$stderr" "jwtool: sign: unknown option '-sub': did you mean '--sub'?"
	run -2 --separate-stderr jwtool verify -secret "$S" x.y.z
	assert_equal "$stderr" "jwtool: verify: unknown option '-secret': did you mean '--secret'?"
	run -2 --separate-stderr jwtool verify -k "$KEYS/hs256.key" -quiet x.y.z
	assert_equal "$stderr" "jwtool: verify: unknown option '-quiet': did you mean '--quiet'?"
	run -2 --separate-stderr jwtool decode -header x.y.z
	assert_equal "$stderr" "jwtool: decode: unknown option '-header': did you mean '--header'?"
	run -2 --separate-stderr jwtool inspect -json x.y.z
	assert_equal "$stderr" "jwtool: inspect: unknown option '-json': did you mean '--json'?"
	run -2 --separate-stderr jwtool keygen -alg HS256 secret
	assert_equal "$stderr" "jwtool: keygen: unknown option '-alg': did you mean '--alg'?"
	run -2 --separate-stderr jwtool jwk -public "$KEYS/ed25519.pem"
	assert_equal "$stderr" "jwtool: jwk: unknown option '-public': did you mean '--public'?"
	run -2 --separate-stderr jwtool sign -help
	assert_output ""
	assert_equal "$stderr" "jwtool: sign: unknown option '-help': did you mean '--help'?"
}

@test "only an exact long name of the command is refused; attached values still work" {
	t=$(jwtool sign -k"$KEYS/hs256.key" --now $NOW --sub a)
	run -0 jwtool verify -q -k"$KEYS/hs256.key" --alg HS256 --now $NOW "$t"
	run -0 jwtool keygen -ok secret
	[ -f k.key ]
	# -keys is not a long name: -k with the value "eys"
	run -7 --separate-stderr jwtool sign -keys
	assert_equal "$stderr" "jwtool: sign: cannot open key 'eys': No such file or directory"
	# a long name of another command is not one of this command's
	run -2 --separate-stderr jwtool decode -key x.y.z
	assert_equal "$stderr" "jwtool: decode: unknown option '-k' (see --help)"
	# the value of an option may spell one
	run -0 --separate-stderr jwtool sign -k "$KEYS/hs256.key" --now $NOW --sub -key
	run -0 jwtool decode --payload "$output"
	assert_output '{"sub":"-key","iat":1795867200}'
}

@test "an option before the command is named like one after it" {
	run -2 --separate-stderr jwtool -Hx "$S"
	assert_equal "$stderr" "jwtool: unknown option '-H'; options follow the command (see jwtool --help)"
	run -2 --separate-stderr jwtool -hx "$S"
	assert_equal "$stderr" "jwtool: unknown option '-x'; options follow the command (see jwtool --help)"
	run -2 --separate-stderr jwtool -hV
	assert_equal "$stderr" "jwtool: unknown option '-hV'; options follow the command (see jwtool --help)"
	run -2 --separate-stderr jwtool --secrett=hunter2 sign
	assert_equal "$stderr" "jwtool: unknown option '--secrett'; options follow the command (see jwtool --help)"
	run -2 --separate-stderr jwtool --help=hunter2
	assert_equal "$stderr" "jwtool: option '--help' takes no value"
	run -2 --separate-stderr jwtool -version
	assert_equal "$stderr" "jwtool: unknown option '-version': did you mean '--version'?"
	run -2 --separate-stderr jwtool -list-options=sign
	assert_equal "$stderr" "jwtool: unknown option '-list-options': did you mean '--list-options'?"
}
