#!/usr/bin/env bats
# sign -o FILE: atomic, mode 0600, never overwritten without --force;
# devices, FIFOs, /dev/stdout and links to them written through, never
# replaced.  Signals while writing: tests/output-signals.bats.

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

@test "-o /dev/stdout writes into the file stdout is redirected to, with or without --force" {
	local before
	before=$(readlink /dev/stdout)
	run -0 bash -c "jwtool sign -k '$KEYS/hs256.key' --now $NOW -o /dev/stdout > got"
	assert_output ""
	assert_equal "$(cat got)" "$(sign)"
	run -0 bash -c "jwtool sign -k '$KEYS/hs256.key' --now $NOW -o /dev/stdout --force > got2"
	assert_equal "$(cat got2)" "$(sign)"
	# at stdout's offset: appended after what >> kept
	echo first > log
	run -0 bash -c "jwtool sign -k '$KEYS/hs256.key' --now $NOW -o /dev/stdout --force >> log"
	assert_equal "$(cat log)" "first"$'\n'"$(sign)"
	run -0 bash -c "jwtool sign -k '$KEYS/hs256.key' --now $NOW -o /dev/fd/1 > got3"
	assert_equal "$(cat got3)" "$(sign)"
	assert [ -L /dev/stdout ]
	assert_equal "$(readlink /dev/stdout)" "$before"
	assert_equal "$(ls -A)" $'got\ngot2\ngot3\nlog'
}

@test "a link to /proc/self/fd/1 or /dev/stdout, at any depth, is written through, never replaced" {
	ln -s /proc/self/fd/1 fd1
	ln -s /dev/stdout std
	ln -s std std2
	mkdir d && ln -s ../std2 d/rel
	for l in fd1 std std2 d/rel; do
		rm -f got
		run -0 bash -c "jwtool sign -k '$KEYS/hs256.key' --now $NOW -o $l --force > got"
		assert_output ""
		assert_equal "$(cat got)" "$(sign)"
		run -0 bash -c "jwtool sign -k '$KEYS/hs256.key' --now $NOW -o $l | cat"
		assert_output "$(sign)"
	done
	assert_equal "$(readlink fd1)" /proc/self/fd/1
	assert_equal "$(readlink std)" /dev/stdout
	assert_equal "$(readlink std2)" std
	assert_equal "$(readlink d/rel)" ../std2
	assert_equal "$(ls -A)" $'d\nfd1\ngot\nstd\nstd2'
}

@test "a link to a device or a FIFO is written through, never replaced" {
	ln -s /dev/null null.jwt
	ln -s null.jwt null2.jwt
	run -0 --separate-stderr sign -o null2.jwt --force
	assert_output ""
	assert_equal "$(readlink null.jwt)" /dev/null
	assert_equal "$(readlink null2.jwt)" null.jwt
	mkfifo pipe
	ln -s pipe pipe.jwt
	timeout 10 cat pipe > got &
	run -0 sign -o pipe.jwt --force
	wait
	assert_equal "$(cat got)" "$(sign)"
	assert_equal "$(readlink pipe.jwt)" pipe
	run -0 stat -c %F pipe
	assert_output "fifo"
}

@test "a link through /proc to another process's file is written through" {
	echo old > other
	exec 47> other
	ln -s "/proc/$BASHPID/fd/47" out.jwt
	# Not inherited: jwtool reaches the file through the link only.  Not
	# in run or a function either: the shell would move its own
	# descriptor away while they run.
	jwtool sign -k "$KEYS/hs256.key" --now $NOW -o out.jwt --force 47>&-
	exec 47>&-
	assert_equal "$(cat other)" "$(sign)"
	assert_equal "$(readlink out.jwt)" "/proc/$BASHPID/fd/47"
	# now a link to nothing in /proc: still not replaced
	run -8 sign -o out.jwt --force
	assert_output "jwtool: sign: cannot write 'out.jwt': No such file or directory"
	assert [ -L out.jwt ]
}

@test "a link to a socket or a block device is refused, with --force or not (exit 8)" {
	"$PYTHON" -c 'import socket; socket.socket(socket.AF_UNIX).bind("sock")'
	ln -s sock sock.jwt
	run -8 sign -o sock.jwt
	assert_output "jwtool: sign: cannot write 'sock.jwt': it is a link to a socket, which is neither written through nor replaced"
	run -8 sign -o sock.jwt --force
	assert_output "jwtool: sign: cannot write 'sock.jwt': it is a link to a socket, which is neither written through nor replaced"
	# a loop device number that no loop device has
	mknod blk b 7 250
	ln -s blk blk.jwt
	run -8 sign -o blk.jwt --force
	assert_output "jwtool: sign: cannot write 'blk.jwt': it is a link to a block device, which is neither written through nor replaced"
	assert_equal "$(readlink sock.jwt) $(readlink blk.jwt)" "sock blk"
}

@test "/dev/fd/N that is not open, or open for reading only, is an I/O error" {
	run -8 sign -o /dev/fd/9
	assert_output "jwtool: sign: cannot write '/dev/fd/9': descriptor 9 is not open"
	ln -s /proc/self/fd/9 fd9
	run -8 sign -o fd9 --force
	assert_output "jwtool: sign: cannot write 'fd9': descriptor 9 is not open"
	assert [ -L fd9 ]
	echo '{}' > claims.json
	run -8 sign -o /dev/stdin --force claims.json < claims.json
	assert_output "jwtool: sign: cannot write '/dev/stdin': descriptor 0 is open for reading only"
	assert_equal "$(cat claims.json)" "{}"
}

@test "as root, -o /dev/stdout --force leaves /dev/stdout a link (a private /dev)" {
	[ "$(id -u)" = 0 ] || skip "needs root to mount a private /dev"
	unshare --mount true 2>/dev/null ||
	    skip "unshare --mount is not permitted here"
	# a tmpfs over /dev, seen only inside this mount namespace
	run -0 unshare --mount bash -c '
	    mount -t tmpfs jwtool-test /dev || exit 99
	    ln -s /proc/self/fd/1 /dev/stdout
	    ln -s /proc/self/fd /dev/fd
	    mknod /dev/null c 1 3
	    jwtool sign -k "$1" --now "$2" -o /dev/stdout --force > got || exit
	    stat -c %F /dev/stdout
	    readlink /dev/stdout
	    ls -A /dev' _ "$KEYS/hs256.key" "$NOW"
	assert_output $'symbolic link\n/proc/self/fd/1\nfd\nnull\nstdout'
	assert_equal "$(cat got)" "$(sign)"
}

@test "a socket is refused, not replaced (exit 8)" {
	"$PYTHON" -c 'import socket; socket.socket(socket.AF_UNIX).bind("sock")'
	run -8 jwtool sign -k "$KEYS/hs256.key" -o sock --force
	assert_output "jwtool: sign: cannot replace 'sock': it is a socket, not a file (--force replaces only files and symbolic links)"
	run -0 stat -c %F sock
	assert_output "socket"
}
