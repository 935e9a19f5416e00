#!/usr/bin/env bats
# SIGINT, SIGTERM or SIGHUP while sign -o, sign --batch -o or keygen -o
# writes: the process dies of the signal (status 128+N) and leaves no
# temporary file, no half-written file and no half of a key pair; what
# was there before is unchanged.
# Nothing here depends on timing: a batch reads its claims from a FIFO
# that is kept open, so it waits mid-file for as long as the test needs;
# strace sends a signal when the process enters its Nth fsync(2), with
# the file written and not yet in place.
# Bats starts background commands with SIGINT ignored (there is no job
# control), and jwtool leaves an ignored signal ignored: env
# --default-signal gives them the disposition a terminal's commands have.
# A process killed by a signal frees nothing, and valgrind would report
# all it held as lost: the jwtool killed is $JWTOOL_NATIVE, the binary
# itself, even under make check-valgrind.

load helpers/common

setup() {
	mkdir "$BATS_TEST_TMPDIR/w" && cd "$BATS_TEST_TMPDIR/w" || return 1
}

teardown() {
	[ -z "${writer:-}" ] || kill "$writer" 2>/dev/null || true
}

DEFAULT="env --default-signal=INT,TERM,HUP"

# feed: 20000 claims sets into the FIFO claims, which then stays open
# until feed_end; $writer is the feeder.
feed() {
	rm -f claims fed
	mkfifo claims
	timeout 120 sh -c 'seq 1 20000 | sed "s/.*/{\"sub\":\"&\"}/"
	    while [ ! -e fed ]; do sleep 0.05; done' > claims 3>&- &
	writer=$!
}

feed_end() {
	touch fed
	wait "$writer" || true
	writer=
	rm claims fed
}

# batch_start [sign option...]: start sign --batch -o out.jwt on the
# claims of feed, and wait until more than a megabyte of tokens is in
# its temporary file ($tmp); $pid is the jwtool.
batch_start() {
	local i
	feed
	$DEFAULT "$JWTOOL_NATIVE" sign -k "$KEYS/hs256.key" --now "$NOW" \
	    --batch -o out.jwt "$@" claims 3>&- &
	pid=$!
	tmp=
	for i in $(seq 1 2000); do	# at most 20 seconds
		tmp=$(compgen -G '.out.jwt.*.tmp') &&
		    [ "$(stat -c %s "$tmp")" -gt 1000000 ] && break
		tmp=
		sleep 0.01
	done
	assert [ -n "$tmp" ]
}

# died_of SIG: wait for $pid; its status must be that of SIG.
died_of() {
	local st=0
	wait "$pid" || st=$?
	assert_equal "$st" "$((128 + $(kill -l "$1")))"
}

@test "SIGTERM, SIGINT or SIGHUP during sign --batch -o: no temporary file, no output" {
	local sig
	for sig in TERM INT HUP; do
		batch_start
		# the temporary file holds valid tokens: this is what must go
		run -0 jwtool verify -k "$KEYS/hs256.key" --alg HS256 --now "$NOW" \
		    "$(head -1 "$tmp")"
		kill -s "$sig" "$pid"
		died_of "$sig"
		assert_equal "$(ls -A)" claims
		feed_end
	done
}

@test "a signal during sign --batch -o --force leaves the old file as it was" {
	echo old > out.jwt
	batch_start --force
	kill -s TERM "$pid"
	died_of TERM
	feed_end
	assert_equal "$(cat out.jwt)" old
	assert_equal "$(ls -A)" out.jwt
}

@test "worker threads leave the signal to the handler: sign --batch --jobs 2 -o" {
	batch_start --jobs 2
	kill -s INT "$pid"
	died_of INT
	feed_end
	assert_equal "$(ls -A)" ""
}

@test "an ignored signal stays ignored (nohup): the batch completes" {
	local i st=0
	feed
	env --ignore-signal=HUP jwtool sign -k "$KEYS/hs256.key" \
	    --now "$NOW" --batch -o out.jwt claims 3>&- &
	pid=$!
	for i in $(seq 1 2000); do	# at most 20 seconds
		tmp=$(compgen -G '.out.jwt.*.tmp') && break
		sleep 0.01
	done
	assert [ -n "$tmp" ]
	kill -s HUP "$pid"
	feed_end
	wait "$pid" || st=$?
	assert_equal "$st" 0
	assert_equal "$(wc -l < out.jwt)" 20000
	assert_equal "$(ls -A)" out.jwt
}

# at_fsync SIG N ARGS...: run jwtool ARGS, sent SIG as it enters its
# Nth fsync(2); it must die of SIG.
at_fsync() {
	local sig=$1 n=$2
	shift 2
	run -$((128 + $(kill -l "$sig"))) strace -o /dev/null -e trace=fsync \
	    -e inject=fsync:signal="SIG$sig":when="$n" $DEFAULT \
	    "$JWTOOL_NATIVE" "$@"
}

@test "a signal before sign -o puts its file in place: nothing left" {
	at_fsync TERM 1 sign -k "$KEYS/hs256.key" -o out.jwt
	assert_equal "$(ls -A)" ""
	echo old > out.jwt
	at_fsync HUP 1 sign -k "$KEYS/hs256.key" -o out.jwt --force
	assert_equal "$(cat out.jwt)" old
	assert_equal "$(ls -A)" out.jwt
}

@test "a signal during keygen -o: neither key file, nor a temporary one" {
	local sig n
	for sig in INT TERM HUP; do
		# the private key written, then the public one
		for n in 1 2; do
			at_fsync "$sig" "$n" keygen -o k ed25519
			assert_equal "$(ls -A)" ""
		done
	done
	at_fsync TERM 1 keygen -o s secret
	assert_equal "$(ls -A)" ""
}

@test "a signal during keygen --force -o: the old pair stays as it was" {
	local n
	jwtool keygen -o k p256
	cp k.key old.key
	cp k.pub old.pub
	for n in 1 2; do
		at_fsync INT "$n" keygen --force -o k ed25519
		run -0 cmp k.key old.key
		run -0 cmp k.pub old.pub
		assert_equal "$(ls -A)" $'k.key\nk.pub\nold.key\nold.pub'
	done
}
