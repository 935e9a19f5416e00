#!/usr/bin/env bats
# sign -o FILE: atomic, mode 0600, never overwritten without --force.

load helpers/common

sign() { jwtool sign -k "$KEYS/hs256.key" --now $NOW "$@"; }

# A directory of our own: bats keeps files in the test's directory.
setup() {
	mkdir "$BATS_TEST_TMPDIR/w" && cd "$BATS_TEST_TMPDIR/w" || return 1
}

@test "-o writes the token and a newline to a new file, mode 0600, nothing on stdout" {
	umask 022
	run -0 --separate-stderr sign -o out.jwt
	assert_output ""
	assert_equal "$stderr" ""
	assert_equal "$(cat out.jwt)" "$(sign)"
	assert_equal "$(stat -c %a out.jwt)" 600
	assert_equal "$(wc -l < out.jwt)" 1
	assert_equal "$(ls -A)" "out.jwt"
}

@test "--output is the long form; -o - is stdout" {
	sign --output long.jwt
	assert_equal "$(cat long.jwt)" "$(sign)"
	run -0 sign -o -
	assert_output "$(sign)"
}

@test "an existing file is never replaced without --force (exit 8)" {
	echo keep > out.jwt
	run -8 sign -o out.jwt
	assert_output "jwtool: sign: 'out.jwt' exists; files are never overwritten silently (--force replaces it)"
	assert_equal "$(cat out.jwt)" keep
	assert_equal "$(ls -A)" "out.jwt"
}

@test "--force replaces an existing file, and its mode becomes 0600" {
	echo old > out.jwt
	chmod 644 out.jwt
	run -0 sign -o out.jwt --force
	assert_equal "$(cat out.jwt)" "$(sign)"
	assert_equal "$(stat -c %a out.jwt)" 600
}

@test "a symbolic link is not followed: refused, or replaced itself with --force" {
	echo secret > target
	ln -s target link.jwt
	run -8 sign -o link.jwt
	assert_output --partial "'link.jwt' exists"
	run -0 sign -o link.jwt --force
	assert [ ! -L link.jwt ]
	assert_equal "$(cat target)" secret
	ln -s missing dangling.jwt
	run -8 sign -o dangling.jwt
	assert [ ! -e missing ]
}

@test "on failure no file, partial or temporary, is left" {
	run -2 sign -o out.jwt --exp -1h
	assert_equal "$(ls -A)" ""
	printf '{"sub":"a"}\n{"sub":\n' > in.ndjson
	run -3 sign --batch -o out.jwt in.ndjson
	assert_equal "$(ls -A)" "in.ndjson"
	run -7 jwtool sign -k "$KEYS/ed25519.pub.pem" -o out.jwt
	assert_equal "$(ls -A)" "in.ndjson"
}

@test "--batch -o writes every token; with --keep-going failures the file is still written" {
	printf '{"sub":"a"}\n{"exp":1}\n{"sub":"c"}\n' > in.ndjson
	run -2 sign --batch --keep-going -o out.txt in.ndjson
	assert_equal "$(stat -c %a out.txt)" 600
	assert_equal "$(sed -n 2p out.txt)" ""
	assert_equal "$(wc -l < out.txt)" 3
	assert_equal "$(sed -n 3p out.txt)" "$(echo '{"sub":"c"}' | sign -)"
}

@test "a directory, a missing directory, and --force without -o" {
	mkdir d
	run -8 sign -o d --force
	assert_output "jwtool: sign: cannot write 'd': it is a directory"
	run -8 sign -o nodir/out.jwt
	assert_output "jwtool: sign: cannot create a file next to 'nodir/out.jwt': No such file or directory"
	run -2 sign --force
	assert_output "jwtool: sign: --force applies to --output"
}

@test "a path under a file is an I/O error" {
	echo x > f
	run -8 sign -o f/out.jwt
	assert_output "jwtool: sign: cannot create a file next to 'f/out.jwt': Not a directory"
	assert_equal "$(cat f)" x
}

@test "a character device is written in place, never replaced, even with --force" {
	mknod null c 1 3
	run -0 --separate-stderr jwtool sign -k "$KEYS/hs256.key" -o null --force
	assert_output ""
	run -0 stat -c %F null
	assert_output "character special file"
}

@test "a FIFO is written in place" {
	mkfifo pipe
	timeout 10 cat pipe > got &
	run -0 jwtool sign -k "$KEYS/hs256.key" --now $NOW -o pipe
	wait
	run -0 stat -c %F pipe
	assert_output "fifo"
	assert_equal "$(cat got)" "$(jwtool sign -k "$KEYS/hs256.key" --now $NOW)"
}

@test "-o /dev/stdout writes to a pipe on stdout" {
	run -0 bash -c "jwtool sign -k '$KEYS/hs256.key' --now $NOW -o /dev/stdout | cat"
	assert_output "$(jwtool sign -k "$KEYS/hs256.key" --now $NOW)"
}

@test "a socket is refused, not replaced (exit 8)" {
	"$PYTHON" -c 'import socket; socket.socket(socket.AF_UNIX).bind("sock")'
	run -8 jwtool sign -k "$KEYS/hs256.key" -o sock --force
	assert_output "jwtool: sign: cannot replace 'sock': it is a socket, not a file (--force replaces only files and symbolic links)"
	run -0 stat -c %F sock
	assert_output "socket"
}
